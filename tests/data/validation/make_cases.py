#!/usr/bin/env python3
"""Writes cases.jsonl: deliberately wrong policies, one or more per validator check.

Each case names the check (code, severity), the policy type, the policy text, and where the
finding must be: `at` is the text the finding's span starts with, its `nth` occurrence (0 is
the first) in the policy; the script turns that into the expected line and column, so the
positions in cases.jsonl are counted from the text, not from the validator. `also` lists the
other codes the policy may (and must) produce; nothing else may fire.

    python3 tests/data/validation/make_cases.py   # rewrite cases.jsonl after editing below
"""
import json
import os

V = '"Version": "2012-10-17", '


def policy(*statements, version=V):
    return '{' + version + '"Statement": [' + ', '.join(statements) + ']}'


def st(body):
    return '{' + body + '}'


ALLOW = '"Effect": "Allow", '
DENY = '"Effect": "Deny", '
ROOT = '{"AWS": "arn:aws:iam::111122223333:root"}'
GH = '{"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}'


def cond(body):
    return st(ALLOW + '"Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": ' + body)


cases = []


def case(code, severity, text, at, nth=0, type='identity', also=(), resource_arn='', sensitive=()):
    cases.append(dict(code=code, severity=severity, type=type, policy=text, at=at, nth=nth,
                      also=sorted(also), resource_arn=resource_arn, sensitive=list(sensitive)))


E, S, W, G = 'ERROR', 'SECURITY_WARNING', 'WARNING', 'SUGGESTION'
GET = '"Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"'

# Grammar and structure.
case('JSON_SYNTAX_ERROR', E, '{\n  "Version": "2012-10-17",\n  "Statement": [}\n}', '}')
case('DATA_TYPE_MISMATCH', E, policy(st('"Effect": true, ' + GET)), 'true')
case('DUPLICATE_KEY', E, policy(st(ALLOW + '"Effect": "Allow", ' + GET)), '"Effect"', 1)
case('INVALID_POLICY_ELEMENT', E, '{' + V + '"Foo": 1, "Statement": [' + st(ALLOW + GET) + ']}',
     '"Foo"')
case('MISSING_STATEMENT', E, '{"Version": "2012-10-17"}', '{')
case('MISSING_EFFECT', E, policy(st(GET)), '{', 1)
case('INVALID_EFFECT', E, '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allowed",\n'
     '    "Action": "s3:GetObject",\n    "Resource": "*"\n  }]\n}', '"Allowed"')
case('MISSING_ACTION', E, policy(st(ALLOW + '"Resource": "*"')), '{', 1)
case('MISSING_RESOURCE', E, policy(st(ALLOW + '"Action": "s3:GetObject"')), '{', 1)
case('UNSUPPORTED_ELEMENT_COMBINATION', E,
     policy(st(ALLOW + '"Action": "s3:GetObject", "NotAction": "s3:PutObject", "Resource": "*"')),
     '"s3:PutObject"', also=['RESOURCE_STAR'])
case('INVALID_VERSION', E, policy(st(ALLOW + GET), version='"Version": "2012-10-18", '),
     '"2012-10-18"')
case('VALUE_TOO_LONG', E, policy(st(ALLOW + '"Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/'
                                    + 'a' * 20500 + '"')), '"arn:aws:s3:::b/a',
     also=['POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA'])
case('VARIABLE_UNSUPPORTED_IN_VERSION', E,
     policy(st(ALLOW + '"Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username}/*"'),
            version=''), '"arn:aws:s3:::b/${', also=['MISSING_VERSION'])
case('UNIQUE_SIDS_REQUIRED', E,
     policy(st('"Sid": "A", ' + ALLOW + '"Principal": ' + ROOT + ', ' + GET),
            st('"Sid": "A", ' + ALLOW + '"Principal": ' + ROOT + ', "Action": "s3:PutObject", '
               '"Resource": "arn:aws:s3:::b/*"')), '"A"', 1, type='resource')
case('UNIQUE_SIDS_RECOMMENDED', W,
     policy(st('"Sid": "A", ' + ALLOW + GET),
            st('"Sid": "A", ' + ALLOW + '"Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*"')),
     '"A"', 1)
case('UNSUPPORTED_SID', E, policy(st('"Sid": "read objects", ' + ALLOW + GET)), '"read objects"')

# Actions and resources.
case('INVALID_ACTION', E, policy(st(ALLOW + '"Action": "s3GetObject", "Resource": "*"')),
     '"s3GetObject"')
case('INVALID_ACTION', E, policy(st(ALLOW + '"Action": "s3:GetObjekt", "Resource": "*"')),
     '"s3:GetObjekt"')
case('INVALID_SERVICE', E, policy(st(ALLOW + '"Action": "s4:GetObject", "Resource": "*"')),
     '"s4:GetObject"')
case('INVALID_ARN_PREFIX', E, policy(st(ALLOW + '"Action": "s3:GetObject", "Resource": "b/*"')),
     '"b/*"')
case('MISSING_ARN_FIELD', E,
     policy(st(ALLOW + '"Action": "s3:GetObject", "Resource": "arn:aws:s3:b"')), '"arn:aws:s3:b"')
case('UNDOCUMENTED_SERVICE', W, policy(st(ALLOW + '"Action": "deepcomposer:*", "Resource": "*"')),
     '"deepcomposer:*"')
case('UNDOCUMENTED_ACTION', W,
     policy(st(ALLOW + '"Action": "budgets:CreateBudget", "Resource": "*"')),
     '"budgets:CreateBudget"')
case('ACTION_PATTERN_MATCHES_NOTHING', W,
     policy(st(ALLOW + '"Action": "s3:Frobnicate*", "Resource": "*"')), '"s3:Frobnicate*"')
case('WILDCARD_IN_SERVICE_NAME', W,
     policy(st(ALLOW + '"Action": "s3*:GetObject", "Resource": "*"')), '"s3*:GetObject"')
case('RESOURCE_MISMATCH', W,
     policy(st(ALLOW + '"Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket"')),
     '"arn:aws:s3:::bucket"')
case('REDUNDANT_ACTION', G,
     policy(st(ALLOW + '"Action": ["s3:Get*", "s3:GetObject"], "Resource": "*"')),
     '"s3:GetObject"')
case('REDUNDANT_ACTION', G,
     policy(st(ALLOW + '"Action": ["s3:GetObject", "S3:getobject"], "Resource": "*"')),
     '"S3:getobject"', also=['RESOURCE_STAR'])
case('REDUNDANT_RESOURCE', G,
     policy(st(ALLOW + '"Action": "s3:GetObject", "Resource": ["arn:aws:s3:::b/*", '
               '"arn:aws:s3:::b/x"]')), '"arn:aws:s3:::b/x"')
case('REDUNDANT_STATEMENT', G, policy(st(ALLOW + '"Action": "s3:Get*", "Resource": "*"'),
                                      st(ALLOW + GET)), '{', 2)
case('REDUNDANT_STATEMENT', G, policy(st(ALLOW + GET), st(ALLOW + GET)), '{', 2)

# Conditions.
case('INVALID_CONDITION_OPERATOR', E, policy(cond('{"StringEqual": {"aws:username": "a"}}')),
     '"StringEqual"')
case('NULL_WITH_IF_EXISTS', E, policy(cond('{"NullIfExists": {"aws:username": "true"}}')),
     '"NullIfExists"')
case('INVALID_CONDITION_KEY_FORMAT', E, policy(cond('{"IpAddress": {"SourceIp": "203.0.113.0/24"}}')),
     '"SourceIp"')
case('INVALID_VARIABLE_FOR_OPERATOR', W,
     policy(st(ALLOW + '"Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b", "Condition": '
               '{"NumericLessThan": {"s3:max-keys": "${aws:username}"}}')), '"${aws:username}"',
     also=['INVALID_CONDITION_DATA_TYPE'])
case('INVALID_VARIABLE_FOR_OPERATOR', W,
     policy(cond('{"Bool": {"aws:SecureTransport": "${aws:username}"}}')), '"${aws:username}"')
for code, variable in [('MISSING_BRACE_IN_VARIABLE', '${aws:username'),
                       ('MISSING_QUOTE_IN_VARIABLE', '${aws:username, default}'),
                       ('UNSUPPORTED_SPACE_IN_VARIABLE', '${aws: username}'),
                       ('EMPTY_VARIABLE', '${}')]:
    case(code, E, policy(st(ALLOW + '"Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/'
                            + variable + '/x"')), '"arn:aws:s3:::b/$')
case('INVALID_GLOBAL_CONDITION_KEY', W,
     policy(cond('{"IpAddress": {"aws:SourceIpAddress": "203.0.113.0/24"}}')),
     '"aws:SourceIpAddress"')
case('INVALID_SERVICE_CONDITION_KEY', W, policy(cond('{"StringEquals": {"s3:prefixx": "a"}}')),
     '"s3:prefixx"')
case('UNDOCUMENTED_CONDITION_KEY', W,
     policy(cond('{"StringEquals": {"aws:PrincipalOrgMasterAccountId": "111122223333"}}')),
     '"aws:PrincipalOrgMasterAccountId"')
case('UNSUPPORTED_ACTION_FOR_CONDITION_KEY', W,
     policy(st(ALLOW + '"Action": "ec2:DescribeInstances", "Resource": "*", "Condition": '
               '{"StringEquals": {"s3:prefix": "home/"}}')), '"s3:prefix"')
for code, operator, key, value in [
        ('TYPE_MISMATCH_STRING', 'DateGreaterThan', 'aws:username', '"2020-01-01T00:00:00Z"'),
        ('TYPE_MISMATCH_ARN', 'NumericEquals', 'aws:SourceArn', '"1"'),
        ('TYPE_MISMATCH_NUMBER', 'StringEquals', 'aws:MultiFactorAuthAge', '"3600"'),
        ('TYPE_MISMATCH_DATE', 'StringEquals', 'aws:CurrentTime', '"2020-01-01"'),
        ('TYPE_MISMATCH_BOOLEAN', 'NumericEquals', 'aws:SecureTransport', '"1"'),
        ('TYPE_MISMATCH_IP_RANGE', 'StringEquals', 'aws:SourceIp', '"203.0.113.5"')]:
    case(code, W, policy(cond('{"' + operator + '": {"' + key + '": ' + value + '}}')),
         '"' + operator + '"')
case('INVALID_CONDITION_DATA_TYPE', W, policy(cond('{"Bool": {"aws:SecureTransport": "yes"}}')),
     '"yes"')
case('INVALID_CONDITION_DATA_TYPE', W,
     policy(cond('{"IpAddress": {"aws:SourceIp": "203.0.113.0/33"}}')), '"203.0.113.0/33"')
case('INVALID_CONDITION_DATA_TYPE', W,
     policy(cond('{"NumericLessThan": {"aws:MultiFactorAuthAge": "an hour"}}')), '"an hour"')
case('INVALID_DATE_VALUE', W, policy(cond('{"DateGreaterThan": {"aws:CurrentTime": "yesterday"}}')),
     '"yesterday"')
case('FORALLVALUES_WITH_SINGLE_VALUED_KEY', S,
     policy(cond('{"ForAllValues:StringEquals": {"aws:username": ["a", "b"]}}')),
     '"ForAllValues:StringEquals"')
case('FORANYVALUE_WITH_SINGLE_VALUED_KEY', S,
     policy(cond('{"ForAnyValue:StringEquals": {"aws:username": ["a", "b"]}}')),
     '"ForAnyValue:StringEquals"')
case('MISSING_QUALIFIER', W, policy(cond('{"StringEquals": {"aws:TagKeys": ["team"]}}')),
     '"StringEquals"', also=['ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE'])
case('NULL_WITH_QUALIFIER', G, policy(cond('{"ForAnyValue:Null": {"aws:username": "true"}}')),
     '"ForAnyValue:Null"')
case('WILDCARD_WITHOUT_LIKE_OPERATOR', W, policy(cond('{"StringEquals": {"aws:username": "adm*"}}')),
     '"adm*"')
case('PRIVATE_IP_ADDRESS', W, policy(cond('{"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", '
                                          '"192.168.1.0/24"]}}')), '"aws:SourceIp"')
case('IMPROVE_IP_RANGE', G, policy(cond('{"NotIpAddress": {"aws:SourceIp": "203.0.113.5/24"}}')),
     '"203.0.113.5/24"')
case('DUPLICATE_KEYS_WITH_DIFFERENT_CASE', W,
     policy(cond('{"StringEquals": {"aws:username": "a", "aws:UserName": "a"}}')), '"aws:UserName"')
case('ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE', G,
     policy(st(ALLOW + '"Action": "sts:GetCallerIdentity", "Resource": "*", "Condition": '
               '{"StringEquals": {"aws:ResourceTag/team": "a"}}')), '"aws:ResourceTag/team"')
case('DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE', S,
     policy(st(DENY + '"Action": "sts:GetCallerIdentity", "Resource": "*", "Condition": '
               '{"StringEquals": {"aws:ResourceTag/team": "a"}}')), '"aws:ResourceTag/team"')

# Principals and policy types.
case('UNSUPPORTED_PRINCIPAL', E, policy(st(ALLOW + '"Principal": ' + ROOT + ', ' + GET)),
     '{"AWS"')
case('UNSUPPORTED_PRINCIPAL', E, policy(st(ALLOW + '"Principal": ' + ROOT + ', ' + GET)),
     '{"AWS"', type='scp')
case('MISSING_PRINCIPAL', E, policy(st(ALLOW + GET)), '{', 1, type='resource')
case('MISSING_PRINCIPAL', E, policy(st(ALLOW + '"Action": "sts:AssumeRole"')), '{', 1, type='trust')
case('INVALID_PRINCIPAL_KEY', E, policy(st(ALLOW + '"Principal": {"User": "alice"}, ' + GET)),
     '"User"', type='resource')
case('UNSUPPORTED_WILDCARD_IN_PRINCIPAL', E,
     policy(st(ALLOW + '"Principal": {"AWS": "arn:aws:iam::111122223333:role/*"}, ' + GET)),
     '"arn:aws:iam::111122223333:role/*"', type='resource')
case('INVALID_PRINCIPAL_FORMAT', W, policy(st(ALLOW + '"Principal": {"AWS": "alice"}, ' + GET)),
     '"alice"', type='resource')
case('ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE', E,
     policy(st(ALLOW + '"Principal": ' + ROOT + ', "Action": "sts:AssumeRole", "Resource": "*"')),
     '"Resource"', type='trust')
case('ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL', E,
     policy(st(DENY + '"NotPrincipal": ' + ROOT + ', "Action": "sts:AssumeRole"')),
     '"NotPrincipal"', type='trust')
case('MISMATCHED_ACTION_FOR_PRINCIPAL', E,
     policy(st(ALLOW + '"Principal": ' + ROOT + ', "Action": "sts:AssumeRoleWithSAML"')),
     '"sts:AssumeRoleWithSAML"', type='trust')
case('ROLE_TRUST_POLICY_UNSUPPORTED_ACTION', W,
     policy(st(ALLOW + '"Principal": ' + ROOT + ', "Action": "s3:GetObject"')), '"s3:GetObject"',
     type='trust')
case('MISSING_GITHUB_REPO_CONDITION_KEY', S,
     policy(st(ALLOW + '"Principal": ' + GH + ', "Action": "sts:AssumeRoleWithWebIdentity"')),
     '"arn:aws:iam::111122223333:oidc-provider', type='trust')
case('RCP_SYNTAX_ERROR_ALLOW', E,
     policy(st(ALLOW + '"Principal": "*", "Action": "s3:*", "Resource": "*"')), '"Allow"', type='rcp')
case('RCP_SYNTAX_ERROR_PRINCIPAL', E,
     policy(st(DENY + '"Principal": ' + ROOT + ', "Action": "s3:*", "Resource": "*"')),
     '"Principal"', type='rcp')
case('ALLOW_WITH_NOT_PRINCIPAL', S, policy(st(ALLOW + '"NotPrincipal": ' + ROOT + ', ' + GET)),
     '{"AWS"', type='resource')
case('ALLOW_WITH_PUBLIC_PRINCIPAL', S, policy(st(ALLOW + '"Principal": "*", ' + GET)), '"*"',
     type='resource')
case('RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL', S,
     policy(st(ALLOW + '"Principal": {"Service": "sns.amazonaws.com"}, "Action": "sqs:SendMessage", '
               '"Resource": "arn:aws:sqs:us-east-1:111122223333:queue"')), '"sns.amazonaws.com"',
     type='resource')

# Too permissive.
# What an Allow NotAction on * also grants (validateescalation.cpp).
NOTACTION_GRANTS = ['PRIVILEGE_ESCALATION', 'CREDENTIALS_EXPOSURE', 'PERMISSIONS_MANAGEMENT_ACTIONS']
case('ALLOW_WITH_NOT_ACTION', S, policy(st(ALLOW + '"NotAction": "iam:*", "Resource": "*"')),
     '"NotAction"', also=NOTACTION_GRANTS)
case('ALLOW_WITH_NOT_RESOURCE', S,
     policy(st(ALLOW + '"Action": "s3:GetObject", "NotResource": "arn:aws:s3:::secret/*"')),
     '"NotResource"')
for prefix, action, pattern, key in [('PASS_ROLE', 'iam:PassRole', 'iam:Pass*', 'iam:PassedToService'),
                                     ('CREATE_SLR', 'iam:CreateServiceLinkedRole',
                                      'iam:CreateService*', 'iam:AWSServiceName')]:
    sev = S if prefix == 'PASS_ROLE' else W
    other = 'CREATE_SLR' if prefix == 'PASS_ROLE' else 'PASS_ROLE'
    # iam:CreateService* also matches iam:CreateServiceSpecificCredential.
    star = ['CREDENTIALS_EXPOSURE'] if prefix == 'CREATE_SLR' else []
    role = '"arn:aws:iam::111122223333:role/admin"'
    case(prefix + '_WITH_STAR_IN_RESOURCE', sev,
         policy(st(ALLOW + '"Action": "' + action + '", "Resource": "*"')), '"' + action + '"')
    case(prefix + '_WITH_STAR_IN_ACTION_AND_RESOURCE', sev,
         policy(st(ALLOW + '"Action": "' + pattern + '", "Resource": "*"')), '"' + pattern + '"',
         also=star)
    case(prefix + '_WITH_STAR_IN_RESOURCE_AND_NOTACTION', sev,
         policy(st(ALLOW + '"NotAction": "s3:*", "Resource": "*"')), '"s3:*"',
         also=['ALLOW_WITH_NOT_ACTION', other + '_WITH_STAR_IN_RESOURCE_AND_NOTACTION']
         + NOTACTION_GRANTS)
    case(prefix + '_WITH_NOTRESOURCE', sev,
         policy(st(ALLOW + '"Action": "' + action + '", "NotResource": ' + role)), '"' + action + '"',
         also=['ALLOW_WITH_NOT_RESOURCE'])
    case(prefix + '_WITH_STAR_IN_ACTION_AND_NOTRESOURCE', sev,
         policy(st(ALLOW + '"Action": "' + pattern + '", "NotResource": ' + role)),
         '"' + pattern + '"', also=['ALLOW_WITH_NOT_RESOURCE'] + star)
    case(prefix + '_WITH_NOTACTION_AND_NOTRESOURCE', sev,
         policy(st(ALLOW + '"NotAction": "s3:*", "NotResource": ' + role)), '"s3:*"',
         also=['ALLOW_WITH_NOT_ACTION', 'ALLOW_WITH_NOT_RESOURCE',
               other + '_WITH_NOTACTION_AND_NOTRESOURCE'] + NOTACTION_GRANTS)
    # A condition on the service it is passed to or created for keeps the finding away.
    case('NO_FINDING', '', policy(st(ALLOW + '"Action": "' + action + '", "Resource": "*", '
                                     '"Condition": {"StringEquals": {"' + key + '": "ec2.amazonaws.com"}}')),
         '')

# Versions, empty elements.
case('MISSING_VERSION', W, policy(st(ALLOW + GET), version=''), '{')
case('OLD_VERSION', W, policy(st(ALLOW + GET), version='"Version": "2008-10-17", '), '"2008-10-17"')
case('EMPTY_ARRAY_STATEMENT', W, policy(), '[')
case('EMPTY_ARRAY_ACTION', G, policy(st(ALLOW + '"Action": [], "Resource": "*"')), '[]')
case('EMPTY_ARRAY_RESOURCE', G, policy(st(ALLOW + '"Action": "s3:GetObject", "Resource": []')), '[]')
case('EMPTY_ARRAY_PRINCIPAL', G, policy(st(ALLOW + '"Principal": {"AWS": []}, ' + GET)), '[]',
     type='resource')
case('EMPTY_OBJECT_PRINCIPAL', G, policy(st(ALLOW + '"Principal": {}, ' + GET)), '{}',
     type='resource')
case('EMPTY_ARRAY_CONDITION', G, policy(cond('{"StringEquals": {"aws:username": []}}')), '[]')
case('EMPTY_OBJECT_CONDITION', G, policy(cond('{}')), '{}')
case('EMPTY_SID_VALUE', G, policy(st('"Sid": "", ' + ALLOW + GET)), '""')

# Size quotas: AWS counts the characters outside white space.
many = lambda n: ', '.join('"arn:aws:s3:::bucket-%04d/*"' % i for i in range(n))
accounts = lambda n: ', '.join('"arn:aws:iam::%012d:root"' % (111122220000 + i) for i in range(n))
case('POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA', W,
     policy(st(ALLOW + '"Action": "s3:GetObject", "Resource": [' + many(250) + ']')), '{')
case('POLICY_SIZE_EXCEEDS_SESSION_POLICY_QUOTA', W,
     policy(st(ALLOW + '"Action": "s3:GetObject", "Resource": [' + many(90) + ']')), '{',
     type='session')
case('POLICY_SIZE_EXCEEDS_SCP_QUOTA', W,
     policy(st(DENY + '"Action": "s3:GetObject", "Resource": [' + many(200) + ']')), '{', type='scp')
case('POLICY_SIZE_EXCEEDS_RCP_QUOTA', W,
     policy(st(DENY + '"Principal": "*", "Action": "s3:GetObject", "Resource": [' + many(200) + ']')),
     '{', type='rcp')
case('POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA', W,
     policy(st(ALLOW + '"Principal": ' + ROOT + ', "Action": "s3:GetObject", "Resource": ['
               + many(800) + ']')), '{', type='resource')
case('POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA', W,
     policy(st(ALLOW + '"Principal": {"AWS": [' + accounts(70) + ']}, "Action": "sts:AssumeRole"')),
     '{', type='trust')

# SCPs, RCPs and boundaries only cap: their Allow * is no grant.
case('NO_FINDING', '', policy(st(ALLOW + '"Action": "*", "Resource": "*"')), '', type='scp')
case('NO_FINDING', '', policy(st(ALLOW + '"NotAction": "iam:*", "Resource": "*"')), '',
     type='permissionsBoundary')

# ARN components and resource-policy services (validatearns.cpp).
def res(*resources, action='s3:GetObject'):
    return policy(st(ALLOW + '"Action": "' + action + '", "Resource": ['
                     + ', '.join('"' + r + '"' for r in resources) + ']'))


BUCKET = ALLOW + '"Principal": ' + ROOT + ', '
case('INVALID_PARTITION', E, res('arn:aws-cm:s3:::b/*'), '"arn:aws-cm:s3:::b/*"')
case('INVALID_ARN_SERVICE_CASE', E, res('arn:aws:S3:::b/*'), '"arn:aws:S3:::b/*"')
case('INVALID_ARN_REGION', E, res('arn:aws:sqs:virginia:111122223333:q', action='sqs:SendMessage'),
     '"arn:aws:sqs:virginia:')
case('INVALID_REGION', W, res('arn:aws:sqs:us-east-7:111122223333:q', action='sqs:SendMessage'),
     '"arn:aws:sqs:us-east-7:')
case('MISSING_ARN_REGION', W, res('arn:aws:sqs::111122223333:q', action='sqs:SendMessage'),
     '"arn:aws:sqs::')
case('ARN_REGION_NOT_ALLOWED', W,
     res('arn:aws:iam:us-east-1:111122223333:role/app', action='iam:GetRole'),
     '"arn:aws:iam:us-east-1:')
case('INVALID_ARN_ACCOUNT', E, res('arn:aws:sqs:*:1111-2222-3333:q', action='sqs:SendMessage'),
     '"arn:aws:sqs:*:1111')
case('ARN_ACCOUNT_NOT_ALLOWED', W, res('arn:aws:s3::111122223333:b/*'), '"arn:aws:s3::1111')
# In a Deny of s3:* RESOURCE_MISMATCH says the same of a misspelt type: INVALID_ARN_RESOURCE
# speaks where it does not judge (NotAction, wildcard-free actions it does not know...).
case('INVALID_ARN_RESOURCE', W,
     policy(st(DENY + '"NotAction": "s3:GetObject", "Resource": "arn:aws:iam::111122223333:rolle/a"')),
     '"arn:aws:iam::111122223333:rolle/a"')
case('RESOURCE_MISMATCH', W,
     policy(st(DENY + '"Action": "iam:GetRole", "Resource": "arn:aws:iam::111122223333:rolle/a"')),
     '"arn:aws:iam::111122223333:rolle/a"')
case('RESOURCE_STAR', G, policy(st(ALLOW + '"Action": ["s3:GetObject", "s3:PutObject"], '
                                   '"Resource": "*"')), '"*"')
case('RESOURCE_EFFECTIVELY_STAR', G, res('arn:aws:*:*:*:*'), '"arn:aws:*:*:*:*"')
case('RESOURCE_EFFECTIVELY_STAR', G, res('arn:aws:sqs:*:*:*', action='sqs:SendMessage'),
     '"arn:aws:sqs:*:*:*"')
case('RESOURCE_EFFECTIVELY_STAR', G, res('arn:*'), '"arn:*"', also=['MISSING_ARN_FIELD'])
case('UNSUPPORTED_ACTION_IN_POLICY', E,
     policy(st(BUCKET + '"Action": ["s3:GetObject", "kms:Decrypt"], "Resource": "arn:aws:s3:::b/*"')),
     '"kms:Decrypt"', type='resource')
case('UNSUPPORTED_ACTION_IN_POLICY', E,
     policy(st(BUCKET + '"Action": "sqs:SendMessage", "Resource": "*"')), '"sqs:SendMessage"',
     type='resource', resource_arn='arn:aws:s3:::b')
case('UNSUPPORTED_RESOURCE_ARN_IN_POLICY', E,
     policy(st(BUCKET + '"Action": "s3:GetObject", "Resource": ["arn:aws:s3:::b/*", '
               '"arn:aws:sqs:us-east-1:111122223333:q"]')), '"arn:aws:sqs:', type='resource',
     resource_arn='arn:aws:s3:::b', also=['RESOURCE_MISMATCH'])
case('IRRELEVANT_CONDITION_KEY_IN_POLICY', G,
     policy(st(BUCKET + GET + ', "Condition": {"StringEquals": {"aws:ResourceOrgID": "o-abc123"}}')),
     '"aws:ResourceOrgID"', type='resource')
# The common correct forms stay clean.
case('NO_FINDING', '', res('arn:aws:s3:::b', 'arn:aws:s3:::b/*', action='s3:ListBucket'), '',
     also=['RESOURCE_MISMATCH'])
case('NO_FINDING', '', res('arn:aws:s3:::b/${aws:username}/*', 'arn:aws:s3::*:c/*'), '')
case('NO_FINDING', '', res('arn:aws:iam::111122223333:role/app', 'arn:aws:iam::*:role/${aws:username}',
                           action='iam:PassRole'), '')
case('NO_FINDING', '', res('arn:aws:sqs:*:111122223333:q', 'arn:aws:sqs:us-east-1:*:r',
                           'arn:aws-us-gov:sqs:us-gov-west-1:${aws:PrincipalAccount}:s',
                           action='sqs:SendMessage'), '')
case('NO_FINDING', '', policy(st(ALLOW + '"Action": "s3:GetObject", "Resource": "*", "Condition": '
                                 '{"StringEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}}')), '')
case('NO_FINDING', '', policy(st(BUCKET + '"Action": "s3:*", "Resource": ["arn:aws:s3:::b", '
                                 '"arn:aws:s3:::b/*"]')), '', type='resource')
case('NO_FINDING', '', policy(st(BUCKET + '"Action": "execute-api:Invoke", '
                                 '"Resource": "arn:aws:execute-api:us-east-1:111122223333:a1/*"')), '',
     type='resource', resource_arn='arn:aws:apigateway:us-east-1::/restapis/a1')


# Condition values (validateconditionvalues.cpp).
def where(actions, body, effect=ALLOW):
    return st(effect + '"Action": ' + actions + ', "Resource": "*", "Condition": ' + body)


case('MISSING_TAG_KEY_IN_CONDITION', E, policy(cond('{"StringEquals": {"aws:ResourceTag/": "a"}}')),
     '"aws:ResourceTag/"')
case('MISSING_TAG_KEY_IN_CONDITION', E,
     policy(where('"ec2:StartInstances"', '{"StringEquals": {"ec2:ResourceTag/": "a"}}')),
     '"ec2:ResourceTag/"')
case('INVALID_VPC_FORMAT', E,
     policy(cond('{"StringEquals": {"aws:SourceVpc": ["vpc-0a1b2c3d", "vpc-main"]}}')), '"vpc-main"')
case('INVALID_VPCE_FORMAT', E, policy(cond('{"StringNotEquals": {"aws:SourceVpce": "vpc-1a2b3c4d"}}')),
     '"vpc-1a2b3c4d"')
case('PRIVATE_NOT_IP_ADDRESS', W,
     policy(where('"s3:*"', '{"NotIpAddress": {"aws:SourceIp": ["10.0.0.0/8", "172.16.0.0/12"]}}',
                  DENY)), '"aws:SourceIp"')
case('PRIVATE_IP_ADDRESS_SUBSET', G,
     policy(cond('{"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "192.168.0.0/16"]}}')),
     '"192.168.0.0/16"')
case('PRIVATE_NOT_IP_ADDRESS_SUBSET', G,
     policy(where('"s3:*"', '{"NotIpAddress": {"aws:SourceIp": ["203.0.113.0/24", "10.1.0.0/16"]}}',
                  DENY)), '"10.1.0.0/16"')
case('INVALID_CONDITION_MULTIPLE_BOOLEAN', E,
     policy(cond('{"Bool": {"aws:SecureTransport": ["true", "false"]}}')), '["true"')
case('MISSING_PAIRED_CONDITION_KEYS', S,
     policy(cond('{"IpAddress": {"aws:VpcSourceIp": "10.0.0.0/16"}}')), '"aws:VpcSourceIp"')
case('MISSING_PAIRED_CONDITION_KEYS', S,
     policy(cond('{"IpAddress": {"aws:Ec2InstanceSourcePrivateIPv4": "10.0.1.5"}}')),
     '"aws:Ec2InstanceSourcePrivateIPv4"')
case('DEPRECATED_GLOBAL_CONDITION_KEY', W,
     policy(cond('{"ArnLike": {"aws:ARN": "arn:aws:iam::111122223333:user/*"}}')), '"aws:ARN"')
case('BAD_PATTERN_FOR_MFA', S,
     policy(where('"iam:*"', '{"Bool": {"aws:MultiFactorAuthPresent": "false"}}', DENY)), '"Bool"')
case('BAD_PATTERN_FOR_MFA', S,
     policy(where('"iam:ListRoles"', '{"BoolIfExists": {"aws:MultiFactorAuthPresent": "true"}}')),
     '"BoolIfExists"')
case('REDUNDANT_CONDITION_VALUE_NUM', G,
     policy(cond('{"NumericLessThan": {"aws:MultiFactorAuthAge": ["2700", "3600"]}}')), '"2700"')
case('REDUNDANT_CONDITION_VALUE_NUM', G,
     policy(cond('{"StringEquals": {"aws:username": ["alice", "bob", "alice"]}}')), '"alice"', 1)
case('EMPTY_ARRAY_CONDITION_IFEXISTS', G,
     policy(cond('{"StringEqualsIfExists": {"aws:username": []}}')), '[]')
case('EMPTY_ARRAY_CONDITION_FORALLVALUES', G,
     policy(where('"iam:TagRole"', '{"ForAllValues:StringEquals": {"aws:TagKeys": []}}')),
     '[]', also=['RESOURCE_STAR'])
case('EMPTY_ARRAY_CONDITION_FORANYVALUE', G,
     policy(where('"iam:TagRole"', '{"ForAnyValue:StringEquals": {"aws:TagKeys": []}}')),
     '[]', also=['RESOURCE_STAR'])
case('MISSING_ACTION_FOR_CONDITION_KEY', W,
     policy(where('"iam:GetRole"', '{"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}}')),
     '"iam:PassedToService"')
case('VARIABLE_UNSUPPORTED_IN_ELEMENT', E,
     policy(st(ALLOW + '"Principal": {"AWS": "arn:aws:iam::111122223333:user/${aws:username}"}, '
               + GET)), '"arn:aws:iam::111122223333:user/$', type='resource')
case('VARIABLE_UNSUPPORTED_IN_ELEMENT', E,
     policy(st(ALLOW + '"Action": "s3:Get${aws:username}", "Resource": "*"')), '"s3:Get$',
     also=['INVALID_ACTION'])
# The correct forms.
case('NO_FINDING', '', policy(where('"iam:*"', '{"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}',
                                    DENY)), '')
case('NO_FINDING', '', policy(where('"iam:ListRoles"',
                                    '{"Bool": {"aws:MultiFactorAuthPresent": "true"}}')), '')
case('NO_FINDING', '', policy(cond('{"StringEquals": {"aws:SourceVpc": ["vpc-0a1b2c3d", '
                                   '"vpc-0a1b2c3d4e5f67890"], "aws:SourceVpce": "vpce-1a2b3c4d"}}')), '')
case('NO_FINDING', '', policy(cond('{"StringLike": {"aws:SourceVpc": "vpc-*"}}')), '')
case('NO_FINDING', '', policy(cond('{"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", '
                                   '"198.51.100.7"]}}')), '')
case('NO_FINDING', '', policy(cond('{"IpAddress": {"aws:VpcSourceIp": "10.0.0.0/16"}, '
                                   '"StringEquals": {"aws:SourceVpc": "vpc-0a1b2c3d"}}')), '')
case('NO_FINDING', '', policy(where('"ec2:StartInstances"', '{"StringEquals": '
                                    '{"aws:ResourceTag/team": "a", "ec2:ResourceTag/env": "b"}}')), '')
case('NO_FINDING', '', policy(where('"iam:PassRole"', '{"StringEquals": '
                                    '{"iam:PassedToService": "ec2.amazonaws.com"}}')), '')
case('NO_FINDING', '', policy(cond('{"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}}')), '')


# Principals and trust policies (validateprincipals.cpp).
SVC = lambda name: '{"Service": "' + name + '"}'
ASSUME = '"Action": "sts:AssumeRole"'
WEB = '"Action": "sts:AssumeRoleWithWebIdentity"'
COGNITO = '{"Federated": "cognito-identity.amazonaws.com"}'
SAML = '{"Federated": "arn:aws:iam::111122223333:saml-provider/Okta"}'
GH_AUD = '"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"'
GH_SUB = '"token.actions.githubusercontent.com:sub"'
FROM_TRAIL = '"aws:SourceArn": "arn:aws:cloudtrail:us-east-1:111122223333:trail/main"'
case('INVALID_SERVICE_PRINCIPAL_FORMAT', E,
     policy(st(ALLOW + '"Principal": ' + SVC('ec2.amazonaws') + ', ' + ASSUME)), '"ec2.amazonaws"',
     type='trust')
# Condition keys whose values are service principals are held to the same form.
case('INVALID_SERVICE_PRINCIPAL_FORMAT', E,
     policy(st(ALLOW + '"Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/app", '
               '"Condition": {"StringEquals": {"iam:PassedToService": "ec2"}}')), '"ec2"')
case('FEDERATED_PRINCIPAL_NOT_SUPPORTED', E,
     policy(st(ALLOW + '"Principal": {"Federated": "accounts.google.com"}, ' + GET)), '"Federated"',
     type='resource')
case('INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY', E,
     policy(st(ALLOW + '"Principal": {"Federated": "login.example.com"}, ' + WEB)),
     '"login.example.com"', type='trust')
case('ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL', E,
     policy(st(ALLOW + '"Principal": {"AWS": "arn:aws:iam::111122223333:role/ci-*"}, ' + ASSUME)),
     '"arn:aws:iam::111122223333:role/ci-*"', type='trust')
case('ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL', E,
     policy(st(ALLOW + '"Principal": ' + SVC('*.amazonaws.com') + ', ' + ASSUME)),
     '"*.amazonaws.com"', type='trust')
case('UNSUPPORTED_WILDCARD_IN_PRINCIPAL', E,
     policy(st(ALLOW + '"Principal": ' + SVC('*') + ', ' + GET + ', "Condition": {"StringEquals": {'
               + FROM_TRAIL + '}}')), '"*"', type='resource')
case('UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL', E,
     policy(st(ALLOW + '"Principal": ' + SVC('cloudtrail.amazonaws.com') + ', "Action": "s3:PutObject", '
               '"Resource": "arn:aws:s3:::trail-logs/*", "Condition": {"StringEquals": {'
               + FROM_TRAIL + ', "aws:PrincipalOrgID": "o-a1b2c3d4e5"}}')), '"aws:PrincipalOrgID"',
     type='resource')
case('MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY', E,
     policy(st(ALLOW + '"Principal": ' + SVC('rolesanywhere.amazonaws.com') + ', '
               '"Action": ["sts:AssumeRole", "sts:TagSession"]')), '["sts:AssumeRole"', type='trust')
case('MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL', S,
     policy(st(ALLOW + '"Principal": ' + COGNITO + ', ' + WEB + ', "Condition": {'
               '"ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": "authenticated"}}')),
     '"cognito-identity.amazonaws.com"', type='trust')
case('SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED', W,
     policy(st(ALLOW + '"Principal": ' + GH + ', ' + WEB + ', "Condition": {"StringEquals": {'
               + GH_AUD + '}, "StringLike": {' + GH_SUB + ': "repo:octo-org/*"}}')),
     '"repo:octo-org/*"', type='trust')
case('RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL', G,
     policy(st(ALLOW + '"Principal": ' + SVC('cloudfront.amazonaws.com') + ', ' + GET
               + ', "Condition": {"StringEquals": {"aws:Referer": "site-7f3a"}}')),
     '"aws:Referer"', type='resource', also=['RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL'])
case('CONFIRM_AUDIENCE_CLAIM_TYPE', G,
     policy(st(ALLOW + '"Principal": ' + GH + ', ' + WEB + ', "Condition": {'
               '"ForAnyValue:StringEquals": {' + GH_AUD + '}, "StringEquals": {' + GH_SUB
               + ': "repo:octo-org/app:ref:refs/heads/main"}}')), '"ForAnyValue:StringEquals"',
     type='trust')
case('REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY', G,
     policy(st(ALLOW + '"Principal": {"AWS": ["arn:aws:iam::111122223333:role/deploy", '
               '"arn:aws:sts::111122223333:assumed-role/deploy/ci"]}, ' + ASSUME)),
     '"arn:aws:sts::', type='trust')
case('REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY', G,
     policy(st(ALLOW + '"Principal": {"AWS": ["arn:aws:iam::111122223333:root", '
               '"arn:aws:iam::111122223333:root"]}, ' + ASSUME)),
     '"arn:aws:iam::111122223333:root"', 1, type='trust')
# AssumeRole is for accounts, roles, users and services; each provider has its own action.
case('MISMATCHED_ACTION_FOR_PRINCIPAL', E, policy(st(ALLOW + '"Principal": ' + SAML + ', ' + ASSUME)),
     '"sts:AssumeRole"', type='trust')
case('MISMATCHED_ACTION_FOR_PRINCIPAL', E, policy(st(ALLOW + '"Principal": ' + SAML + ', ' + WEB)),
     '"sts:AssumeRoleWithWebIdentity"', type='trust')
# Correct trust policies.
case('NO_FINDING', '', policy(st(ALLOW + '"Principal": ' + GH + ', ' + WEB + ', "Condition": {'
                                 '"StringEquals": {' + GH_AUD + ', ' + GH_SUB
                                 + ': "repo:octo-org/app:ref:refs/heads/main"}}')), '', type='trust')
case('NO_FINDING', '', policy(st(ALLOW + '"Principal": ' + GH + ', ' + WEB + ', "Condition": {'
                                 '"StringEquals": {' + GH_AUD + ', '
                                 '"token.actions.githubusercontent.com:ref": "refs/heads/main"}, '
                                 '"StringLike": {' + GH_SUB + ': "repo:octo-org/app:*"}}')), '',
     type='trust')
case('NO_FINDING', '', policy(st(ALLOW + '"Principal": ' + SAML + ', "Action": ["sts:AssumeRoleWithSAML", '
                                 '"sts:TagSession"], "Condition": {"StringEquals": {"SAML:aud": '
                                 '"https://signin.aws.amazon.com/saml"}}')), '', type='trust')
case('NO_FINDING', '', policy(st(ALLOW + '"Principal": ' + SVC('rolesanywhere.amazonaws.com') + ', '
                                 '"Action": ["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"], '
                                 '"Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:rolesanywhere:'
                                 'us-east-1:111122223333:trust-anchor/4579702c"}}')), '', type='trust')
case('NO_FINDING', '', policy(st(ALLOW + '"Principal": {"AWS": "arn:aws:iam::111122223333:role/deploy"}, '
                                 + ASSUME)), '', type='trust')
case('NO_FINDING', '', policy(st(ALLOW + '"Principal": ' + COGNITO + ', ' + WEB + ', "Condition": {'
                                 '"StringEquals": {"cognito-identity.amazonaws.com:aud": '
                                 '"us-east-1:12345678-abcd-abcd-abcd-123456789012"}, '
                                 '"ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": '
                                 '"authenticated"}}')), '', type='trust')
case('NO_FINDING', '', policy(st(ALLOW + '"Principal": ' + SVC('cloudtrail.amazonaws.com') + ', '
                                 '"Action": "s3:PutObject", "Resource": "arn:aws:s3:::trail-logs/*", '
                                 '"Condition": {"StringEquals": {' + FROM_TRAIL + '}}')), '',
     type='resource')


# Privilege escalation and credential exposure (validateescalation.cpp).
ADMIN_ROLE = '"arn:aws:iam::111122223333:role/admin"'
PASS_ADMIN = st(ALLOW + '"Action": "iam:PassRole", "Resource": ' + ADMIN_ROLE)
PASS_ANY = st(ALLOW + '"Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/*"')
RUN = st(ALLOW + '"Action": "ec2:RunInstances", "Resource": "*"')
# A path completed across statements: reported where its first action is granted.
case('PRIVILEGE_ESCALATION', S, policy(PASS_ANY, RUN), '"iam:PassRole"',
     also=['PASS_ROLE_WITH_STAR_IN_RESOURCE', 'RESOURCE_STAR'])
# Passing one named role, or only to another service, reaches no more than that role.
case('NO_FINDING', '', policy(PASS_ADMIN, RUN), '', also=['RESOURCE_STAR'])
case('NO_FINDING', '', policy(st(ALLOW + '"Action": "iam:PassRole", "Resource": "*", "Condition": '
                                 '{"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}'),
                              RUN), '', also=['RESOURCE_STAR'])
case('PRIVILEGE_ESCALATION', S, policy(st(ALLOW + '"Action": ["iam:GetPolicy", '
                                          '"iam:CreatePolicyVersion"], "Resource": '
                                          '"arn:aws:iam::111122223333:policy/*"')),
     '"iam:CreatePolicyVersion"')
# A wildcard completes it; a Deny with a condition does not take it away.
case('PRIVILEGE_ESCALATION', S, policy(st(ALLOW + '"Action": ["s3:GetObject", "iam:Attach*"], '
                                          '"Resource": "arn:aws:iam::111122223333:user/*"'),
                                       st(DENY + '"Action": "iam:AttachUserPolicy", "Resource": "*", '
                                          '"Condition": {"Bool": {"aws:MultiFactorAuthPresent": '
                                          '"false"}}')),
     '"iam:Attach*"', also=['BAD_PATTERN_FOR_MFA', 'RESOURCE_POLICY_PRIVILEGE_ESCALATION'])
# One action of the path denied on every resource: no path.
case('NO_FINDING', '', policy(PASS_ANY, RUN, st(DENY + '"Action": "ec2:Run*", "Resource": "*"')), '',
     also=['PASS_ROLE_WITH_STAR_IN_RESOURCE', 'RESOURCE_STAR'])
# Read-only IAM; an access key or password for oneself only.
case('NO_FINDING', '', policy(st(ALLOW + '"Action": ["iam:Get*", "iam:List*"], "Resource": "*"')), '')
case('NO_FINDING', '', policy(st(ALLOW + '"Action": ["iam:CreateAccessKey", "iam:UpdateLoginProfile"], '
                                 '"Resource": "arn:aws:iam::*:user/${aws:username}"')), '')
# Boundaries and SCPs only cap; a trust policy's AssumeRole is its purpose.
case('NO_FINDING', '', policy(st(ALLOW + '"Action": "*", "Resource": "*"')), '',
     type='permissionsBoundary')
case('CREDENTIALS_EXPOSURE', W, policy(st(ALLOW + '"Action": ["ecr:GetAuthorizationToken", '
                                          '"ecr:BatchGetImage"], "Resource": "*"')),
     '"ecr:GetAuthorizationToken"')
case('CREDENTIALS_EXPOSURE', W, policy(st(ALLOW + '"Action": "sts:Get*", "Resource": "*"')),
     '"sts:Get*"')
case('PERMISSIONS_MANAGEMENT_ACTIONS', W,
     policy(st(ALLOW + '"Action": ["s3:GetObject", "s3:PutBucketPolicy"], "Resource": "*"')),
     '"s3:PutBucketPolicy"', also=['RESOURCE_STAR'])
# On named buckets it is no finding.
case('NO_FINDING', '', policy(st(ALLOW + '"Action": "s3:PutBucketPolicy", '
                                 '"Resource": "arn:aws:s3:::reports"')), '')
case('RESOURCE_POLICY_PRIVILEGE_ESCALATION', S,
     policy(st(DENY + '"Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::reports/*"'),
            st(ALLOW + '"Action": ["s3:GetObject", "s3:PutBucketPolicy"], '
               '"Resource": ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"]')),
     '"s3:PutBucketPolicy"')
case('DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE', S,
     policy(st(DENY + '"NotAction": "s3:GetObject", "Resource": "*", "Condition": '
               '{"StringNotEquals": {"aws:ResourceTag/team": "red"}}')),
     '"aws:ResourceTag/team"')
case('ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE', G,
     policy(st(ALLOW + '"NotAction": ["iam:*", "sts:*", "ssm:*", "ec2-instance-connect:*", '
               '"lambda:*", "glue:*", "codebuild:*", "sagemaker:*"], "Resource": '
               '"arn:aws:s3:::reports", "Condition": {"StringEquals": {"aws:ResourceTag/team": '
               '"red"}}')),
     '"aws:ResourceTag/team"', also=['ALLOW_WITH_NOT_ACTION', 'CREDENTIALS_EXPOSURE'])


# Resources the user calls sensitive (iamx validate --sensitive).
SECRETS = 'arn:aws:s3:::secrets/*'
case('SENSITIVE_ACCESS', S, policy(st(ALLOW + '"Action": "s3:GetObject", "Resource": '
                                   '["arn:aws:s3:::reports/*", "arn:aws:s3:::*"]')),
     '"arn:aws:s3:::*"', sensitive=[SECRETS], also=['REDUNDANT_RESOURCE'])
case('SENSITIVE_ACCESS', S, policy(st(ALLOW + '"Action": "s3:GetObject", '
                                   '"NotResource": "arn:aws:s3:::reports/*"')),
     '"NotResource"', sensitive=[SECRETS], also=['ALLOW_WITH_NOT_RESOURCE'])
case('NO_FINDING', '', policy(st(ALLOW + '"Action": "s3:GetObject", '
                                 '"Resource": "arn:aws:s3:::reports/*"')), '', sensitive=[SECRETS])
case('NO_FINDING', '', policy(st(ALLOW + '"Action": "s3:GetObject", '
                                 '"NotResource": "arn:aws:s3:::secrets/*"')), '', sensitive=[SECRETS],
     also=['ALLOW_WITH_NOT_RESOURCE'])

# Policies that must stay clean.
case('NO_FINDING', '', policy(st(ALLOW + GET)), '')
case('NO_FINDING', '', policy(st('"Sid": "ReadReports", ' + ALLOW + '"Action": ["s3:GetObject", '
                                 '"s3:ListBucket"], "Resource": ["arn:aws:s3:::reports", '
                                 '"arn:aws:s3:::reports/*"], "Condition": {"Bool": '
                                 '{"aws:SecureTransport": "true"}, "ForAnyValue:StringEquals": '
                                 '{"aws:CalledVia": ["cloudformation.amazonaws.com"]}}')), '')
case('NO_FINDING', '', policy(st(ALLOW + '"Principal": {"Service": "ec2.amazonaws.com"}, '
                                 '"Action": "sts:AssumeRole"')), '', type='trust')
case('NO_FINDING', '', policy(st(ALLOW + '"Principal": "*", "Action": "*", "Resource": "*"'),
                              st(DENY + '"Principal": "*", "Action": "s3:*", "Resource": "*", '
                                 '"Condition": {"StringNotEqualsIfExists": {"aws:SourceOrgID": '
                                 '"o-abc123"}}')), '', type='rcp')


def position(text, at, nth):
    offset = -1
    for _ in range(nth + 1):
        offset = text.find(at, offset + 1)
        assert offset >= 0, (at, nth, text[:200])
    line = text.count('\n', 0, offset) + 1
    column = offset - (text.rfind('\n', 0, offset) + 1) + 1
    return line, column


here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, 'cases.jsonl'), 'w') as out:
    for c in cases:
        row = dict(code=c['code'], severity=c['severity'], type=c['type'])
        if c['code'] != 'NO_FINDING':
            row['line'], row['column'] = position(c['policy'], c['at'], c['nth'])
            row['at'] = c['at']
        row['also'] = c['also']
        if c['resource_arn']:
            row['resourceArn'] = c['resource_arn']
        if c['sensitive']:
            row['sensitiveResources'] = c['sensitive']
        row['policy'] = c['policy']
        out.write(json.dumps(row) + '\n')
print('wrote %d cases' % len(cases))
