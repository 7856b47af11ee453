#!/usr/bin/env python3
"""Seeded generator of random but meaningful, valid IAM Explorer scenarios.

    random_scenarios.py N SEED > scenarios.jsonl
    generate(n, seed) -> [scenario dict, ...]

Every scenario is valid per scenario-format.md "What stops evaluation": statements always
carry Effect, exactly one of Action/NotAction, Resource/NotResource where the policy type
needs one, Principal/NotPrincipal only in resource policies (and RCPs, always "*"), known
condition operators, Version 2012-10-17/2008-10-17 or none. Points the specification
leaves undocumented (short ARN patterns, wildcards in the service segment, role-name case
changes, SLR paths, ...) are deliberately not generated.
"""

import json
import random
import sys

A = "111122223333"
B = "444455556666"
C = "777788889999"
ORG = "o-abc123"

# ---------------------------------------------------------------------------
# Callers


def _user(acct, path, name, tags=None, part="aws"):
    return {"kind": "user", "arn": "arn:%s:iam::%s:user/%s%s" % (part, acct, path, name),
            "account": acct, "name": name, "tags": tags or {}, "partition": part}


def _role(acct, path, name, part="aws"):
    return {"kind": "role", "arn": "arn:%s:iam::%s:role/%s%s" % (part, acct, path, name),
            "account": acct, "name": name, "partition": part,
            "role_arn": "arn:%s:iam::%s:role/%s%s" % (part, acct, path, name), "tags": {}}


def _session(acct, path, role, sess, tags=None, part="aws"):
    return {"kind": "session",
            "arn": "arn:%s:sts::%s:assumed-role/%s/%s" % (part, acct, role, sess),
            "account": acct, "name": role, "session": sess, "partition": part,
            "role_arn": "arn:%s:iam::%s:role/%s%s" % (part, acct, path, role),
            "tags": tags or {}}


def _fed(acct, name, part="aws"):
    return {"kind": "federated",
            "arn": "arn:%s:sts::%s:federated-user/%s" % (part, acct, name),
            "account": acct, "name": name, "partition": part,
            "user_arn": "arn:%s:iam::%s:user/%s" % (part, acct, name), "tags": {}}


CALLERS = [
    (10, _user(A, "", "alice", {"team": "blue", "dept": "hr"})),
    (4, _user(A, "dev/", "alice", {"team": "yellow"})),
    (4, _user(A, "", "bob", {"dept": "finance"})),
    (6, _user(B, "", "carol", {"team": "blue"})),
    (1, _user(A, "", "alice", {"team": "blue"}, part="aws-cn")),
    (1, _session(B, "", "dev", "s1", part="aws-us-gov")),
    (1, {"kind": "root", "arn": "arn:aws-cn:iam::%s:root" % A, "account": A, "tags": {},
         "partition": "aws-cn"}),
    (5, _role(A, "", "dev")),
    (3, _role(A, "ops/", "deployer")),
    (8, _session(A, "", "dev", "s1", {"team": "blue"})),
    (4, _session(A, "ops/", "deployer", "s1")),
    (5, _session(B, "", "dev", "s1", {"team": "yellow"})),
    (5, _fed(A, "alice")),
    (2, _fed(B, "carol")),
    (5, {"kind": "root", "arn": "arn:aws:iam::%s:root" % A, "account": A, "tags": {}}),
    (3, {"kind": "root", "arn": "arn:aws:iam::%s:root" % B, "account": B, "tags": {}}),
    (3, {"kind": "service", "arn": "lambda.amazonaws.com", "account": None, "tags": {}}),
    (2, {"kind": "service", "arn": "s3.amazonaws.com", "account": None, "tags": {}}),
    (4, {"kind": "anonymous", "arn": "anonymous", "account": None, "tags": {}}),
]

# ---------------------------------------------------------------------------
# Resources: (weight, arn, actions, kind)

S3_OBJECT_ACTIONS = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
S3_BUCKET_ACTIONS = ["s3:ListBucket", "s3:GetBucketPolicy"]


def resources_for(acct_pick):
    a = acct_pick
    return [
        (8, "arn:aws:s3:::shared/k", S3_OBJECT_ACTIONS, "s3"),
        (3, "arn:aws:s3:::shared/home/alice/doc.txt", S3_OBJECT_ACTIONS, "s3"),
        (2, "arn:aws:s3:::shared/Reports/q3.csv", S3_OBJECT_ACTIONS, "s3"),
        (1, "arn:aws:s3:::shared/*", S3_OBJECT_ACTIONS, "s3"),
        (2, "arn:aws:s3:::logs/a.txt", S3_OBJECT_ACTIONS, "s3"),
        (3, "arn:aws:s3:::shared", S3_BUCKET_ACTIONS, "s3"),
        (1, "arn:aws:s3:::bkt-company-wide", S3_BUCKET_ACTIONS, "s3"),
        (1, "arn:aws:s3:::bkt-blue", S3_BUCKET_ACTIONS, "s3"),
        (8, "arn:aws:iam::%s:role/target" % a,
         ["sts:AssumeRole"] * 5 + ["sts:TagSession", "sts:SetSourceIdentity",
                                   "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity",
                                   "iam:GetRole", "iam:PassRole"], "role"),
        (2, "arn:aws:iam::%s:role/ops/deployer" % a, ["sts:AssumeRole", "iam:GetRole"], "role"),
        (3, "arn:aws:iam::%s:user/alice" % a, ["iam:CreateAccessKey", "iam:ListAccessKeys"],
         "iam"),
        (1, "arn:aws:iam::%s:user/dev/alice" % a, ["iam:CreateAccessKey"], "iam"),
        (7, "arn:aws:kms:us-east-1:%s:key/1234abcd-12ab-34cd-56ef-1234567890ab" % a,
         ["kms:Decrypt", "kms:Encrypt", "kms:DescribeKey", "kms:GenerateDataKey"], "kms"),
        (3, "arn:aws:lambda:us-east-1:%s:function:fn" % a,
         ["lambda:InvokeFunction", "lambda:GetFunction"], "lambda"),
        (2, "arn:aws:lambda:us-east-1:%s:function:fn:prod" % a, ["lambda:InvokeFunction"],
         "lambda"),
        (3, "arn:aws:dynamodb:us-east-1:%s:table/Thread" % a,
         ["dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:Query"], "dynamodb"),
        (1, "arn:aws:dynamodb:us-east-1:%s:table/Thread/index/I" % a, ["dynamodb:Query"],
         "dynamodb"),
        (2, "arn:aws:sqs:us-east-1:%s:queue1" % a, ["sqs:SendMessage"], "sqs"),
        (1, "arn:aws:kms:us-east-1:%s:alias/app" % a, ["kms:Decrypt"], "kmsalias"),
        (1, "arn:aws-cn:s3:::shared/k", S3_OBJECT_ACTIONS, "s3"),
        (1, "arn:aws-cn:iam::%s:role/target" % a, ["sts:AssumeRole"], "role"),
        (2, "*", ["s3:ListAllMyBuckets", "kms:CreateKey", "iam:ListUsers"], "star"),
        (2, "*", ["sts:GetCallerIdentity"], "gci"),
    ]


OTHER_RESOURCES = [
    "arn:aws:s3:::other/*", "arn:aws:s3:::shared", "arn:aws:s3:::shared/*",
    "arn:aws:s3:::logs/*", "arn:aws:iam::%s:role/other" % A, "arn:aws:iam::%s:user/bob" % A,
    "arn:aws:kms:us-east-1:%s:key/other" % A, "arn:aws:lambda:us-east-1:%s:function:other" % A,
    "arn:aws:dynamodb:us-east-1:%s:table/Other" % A, "arn:aws:ec2:us-east-1:%s:instance/*" % A,
]

OTHER_ACTIONS = ["ec2:RunInstances", "iam:CreateUser", "s3:ListBucket", "kms:Decrypt",
                 "sts:AssumeRole", "lambda:InvokeFunction", "dynamodb:Scan", "s3:GetObject"]

# ---------------------------------------------------------------------------
# Context keys: (canonical name, family, multi?)

KEY_SPECS = [
    ("aws:username", "str"), ("aws:PrincipalTag/team", "str"), ("aws:PrincipalTag/dept", "str"),
    ("aws:PrincipalArn", "arn"), ("aws:PrincipalAccount", "str"), ("aws:SourceIp", "ip"),
    ("aws:CurrentTime", "date"), ("aws:EpochTime", "date"), ("aws:SecureTransport", "bool"),
    ("aws:MultiFactorAuthPresent", "bool"), ("aws:MultiFactorAuthAge", "num"),
    ("s3:max-keys", "num"), ("aws:TagKeys", "multi"), ("aws:CalledVia", "multi"),
    ("aws:SourceArn", "arn"), ("aws:RequestedRegion", "str"), ("s3:prefix", "str"),
    ("example:Payload", "bin"), ("aws:PrincipalOrgID", "str"), ("sts:ExternalId", "str"),
    ("ec2:InstanceType", "str"), ("aws:TokenIssueTime", "date"),
    ("aws:PrincipalOrgPaths", "multi"), ("aws:ResourceTag/env", "str"),
    ("aws:PrincipalType", "str"), ("aws:userid", "str"),
]

STR_VALUES = {
    "aws:username": ["alice", "bob", "Alice", "dev-1", "dev-12"],
    "aws:principaltag/team": ["blue", "yellow", "Blue", "company-wide"],
    "aws:principaltag/dept": ["hr", "finance", "HR", "Straße", "STRASSE", "é", "É"],
    "aws:principalaccount": [A, B],
    "aws:requestedregion": ["us-east-1", "eu-west-1", "US-EAST-1"],
    "s3:prefix": ["", "home/", "home/alice/docs/", "home/bob/", "home/alice"],
    "aws:principalorgid": [ORG, "o-other"],
    "sts:externalid": ["ext-123", "EXT-123", "ext-1234"],
    "ec2:instancetype": ["t2.micro", "m5.large", "t2.*", "t3.micro"],
    "aws:resourcetag/env": ["prod", "dev", "Prod"],
    "aws:principaltype": ["User", "AssumedRole", "FederatedUser", "Account", "Anonymous"],
    "aws:userid": ["AIDAALICEEXAMPLE00000", "AROADEVEXAMPLE:s1", A + ":alice", "anonymous"],
}
ARN_VALUES = {
    "aws:sourcearn": [
        "arn:aws:someservice:us-east-2:999999999999:store/abc:%s:finance/document.txt" % A,
        "arn:aws:s3:::shared", "arn:aws:lambda:us-east-1:%s:function:fn" % A,
        "not-an-arn", "arn:aws:sns:us-east-1:%s:topic" % B],
}
IP_VALUES = ["203.0.113.7", "203.0.113.200", "198.51.100.4", "10.0.0.1", "2001:db8::1",
             "::1", "300.1.2.3", "not-an-ip", "2001:db9::5"]
DATE_VALUES = ["2026-03-01T12:00:00Z", "2026-03-01", "2019-06-01T00:00:00Z", "1772366400",
               "1577836800", "2026-03-01T12:00:00.500Z", "2026-03-01T14:00:00+02:00",
               "2026-03-01T12:00Z", "not-a-date", "2026-02-30T00:00:00Z", "2020-01-01"]
NUM_VALUES = ["10", "11", "9", "-12", "3.5", "10.0", "0", "3600", "abc", "1e3", "+5", " 5",
              "010"]
BOOL_VALUES = ["true", "false", "TRUE", "False", "yes", "1"]
BIN_VALUES = ["hello", "hellO", "world", "hi"]
MULTI_VALUES = {
    "aws:tagkeys": [[], [""], ["env"], ["env", "team"], ["env", "owner"], ["x"], ["Env"],
                    ["env", "x"], ["team"]],
    "aws:calledvia": [["athena.amazonaws.com"], ["athena.amazonaws.com", "glue.amazonaws.com"],
                      []],
    "aws:principalorgpaths": [["o-abc123/r-ab12/ou-ab12-11111111/"],
                              ["o-abc123/r-ab12/ou-ab12-11111111/", "o-abc123/r-ab12/"]],
}

POLICY_STR_VALUES = {
    "aws:username": ["alice", "Alice", "bob", "dev-?", "dev-*", "a*", "${aws:username}",
                     "${aws:PrincipalTag/team}", "*"],
    "aws:principaltag/team": ["blue", "Blue", "yellow", "b*", "${aws:PrincipalTag/team}",
                              "${aws:principaltag/TEAM}", "${aws:PrincipalTag/nosuch}",
                              "${aws:PrincipalTag/nosuch, 'blue'}", "company-wide"],
    "aws:principaltag/dept": ["hr", "HR", "finance", "straße", "STRASSE", "é", "?", "??",
                              "Stra?e", "${aws:PrincipalTag/dept}", "${aws:PrincipalTag/nosuch}"],
    "aws:principalaccount": [A, B, "${aws:PrincipalAccount}", "1111*"],
    "aws:requestedregion": ["us-east-1", "eu-west-1", "us-*", "*-1"],
    "s3:prefix": ["", "home/", "home/${aws:username}/*", "home/*", "home/${aws:username}"],
    "aws:principalorgid": [ORG, "o-other", "o-*"],
    "sts:externalid": ["ext-123", "EXT-123", "ext-*"],
    "ec2:instancetype": ["t2.*", "t2.micro", "${*}", "t2.${*}", "m5.large"],
    "aws:resourcetag/env": ["prod", "Prod", "${aws:PrincipalTag/team}", "p*"],
    "aws:principaltype": ["User", "AssumedRole", "Account", "Anonymous", "user"],
    "aws:userid": ["AIDA*", "AROA*:s1", "*:alice", "anonymous", "${aws:PrincipalAccount}:*"],
    "aws:tagkeys": ["env", "team", "x", "Env", "${aws:username}"],
    "aws:calledvia": ["athena.amazonaws.com", "glue.amazonaws.com", "*.amazonaws.com"],
    "aws:principalorgpaths": ["o-abc123/*", "o-abc123/r-ab12/ou-ab12-11111111/"],
}
ARN_PATTERNS = [
    "arn:aws:someservice:*:%s:finance/*" % A, "arn:aws:someservice:*:*:store/*",
    "arn:aws:iam::%s:role/ops/*" % A, "arn:aws:iam::%s:role/dev" % A,
    "arn:aws:iam::*:user/*", "arn:aws:iam::%s:user/alice" % A, "arn:aws:iam::%s:root" % A,
    "arn:aws:s3:::shared*", "arn:aws:lambda:*:%s:function:*" % A,
    "arn:aws:iam::${aws:PrincipalAccount}:*", "arn:aws:iam::%s:user/${aws:username}" % A,
    "arn:aws:sts::%s:federated-user/*" % A, "arn:aws:iam::%s:role/*" % B,
    "arn:aws:*:*:*:*", "arn:aws:iam::%s:*" % A,
]
IP_PATTERNS = ["203.0.113.0/24", "203.0.113.7", "0.0.0.0/0", "2001:db8::/32", "::/0",
               "10.0.0.0/8", "203.0.113.0/33", "198.51.100.4/32", "2001:db8::1"]
DATE_PATTERNS = ["2020-01-01T00:00:00Z", "2026-03-01", "1577836800", 1577836800,
                 "2026-03-01T12:00:00Z", "2026-03-01T13:00:00+01:00", "2026-03-01T12:00:00.5Z",
                 "garbage", "2030-01-01", "${aws:CurrentTime}"]
NUM_PATTERNS = ["10", 10, "9.5", "-12", 0, "3600", 3600, "abc", "${s3:max-keys}", 2.5,
                12345678901234567890, 18446744073709551616]
BOOL_PATTERNS = ["true", "false", True, False, "${aws:SecureTransport}"]
BIN_PATTERNS = ["aGVsbG8=", "d29ybGQ=", "not base64!", "aGk="]

BASE_OPS = {
    "str": ["StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
            "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike"],
    "num": ["NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
            "NumericGreaterThan", "NumericGreaterThanEquals"],
    "date": ["DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals",
             "DateGreaterThan", "DateGreaterThanEquals"],
    "bool": ["Bool"], "bin": ["BinaryEquals"], "ip": ["IpAddress", "NotIpAddress"],
    "arn": ["ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"],
}


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    # helpers
    def p(self, prob):
        return self.r.random() < prob

    def choice(self, seq):
        return self.r.choice(seq)

    def wchoice(self, pairs):
        total = sum(w for w, _ in pairs)
        x = self.r.uniform(0, total)
        for w, v in pairs:
            x -= w
            if x <= 0:
                return v
        return pairs[-1][1]

    def case_change(self, s):
        mode = self.r.randrange(3)
        if mode == 0:
            return s.lower()
        if mode == 1:
            return s.upper()
        return "".join(ch.upper() if self.p(0.5) else ch.lower() for ch in s)

    # -----------------------------------------------------------------------
    # request

    def caller(self):
        return self.wchoice(CALLERS)

    def context(self, caller, res_arn, res_account):
        ctx = {}
        k = caller["kind"]
        # principal keys, mostly as iamx would fill them in (§10), sometimes perturbed
        if k != "anonymous" and k != "service":
            ptype = {"user": "User", "role": "AssumedRole", "session": "AssumedRole",
                     "federated": "FederatedUser", "root": "Account"}[k]
            parn = caller.get("role_arn") or caller["arn"]
            if self.p(0.85):
                ctx["aws:PrincipalArn"] = parn
            if self.p(0.85):
                ctx["aws:PrincipalAccount"] = caller["account"]
            if self.p(0.6):
                ctx["aws:PrincipalType"] = ptype
            if k == "user" and self.p(0.85):
                ctx["aws:username"] = caller["name"]
            for tk, tv in caller.get("tags", {}).items():
                if self.p(0.8):
                    ctx["aws:PrincipalTag/" + tk] = tv
            if k in ("session", "role", "federated") and self.p(0.6):
                ctx["aws:TokenIssueTime"] = self.choice(DATE_VALUES[:3])
            if self.p(0.4):
                ctx["aws:PrincipalOrgID"] = self.choice([ORG, ORG, "o-other"])
            if self.p(0.3):
                ctx["aws:MultiFactorAuthPresent"] = self.choice(BOOL_VALUES)
        elif k == "anonymous":
            if self.p(0.5):
                ctx["aws:PrincipalType"] = "Anonymous"
                ctx["aws:userid"] = "anonymous"
                ctx["aws:PrincipalAccount"] = "anonymous"
        if self.p(0.8):
            ctx["aws:CurrentTime"] = self.choice(DATE_VALUES) if self.p(0.4) else DATE_VALUES[0]
        if self.p(0.7):
            ctx["aws:SecureTransport"] = self.choice(BOOL_VALUES) if self.p(0.4) else "true"
        if self.p(0.5):
            ctx["aws:SourceIp"] = self.choice(IP_VALUES)
        # random extra keys: present, absent, multi-valued, empty, unparsable
        for name, fam in KEY_SPECS:
            if self.p(0.18):
                ctx[name] = self.value_for(name, fam)
        # drop or re-case a few keys
        out = {}
        for key, v in ctx.items():
            if self.p(0.04):
                continue
            if self.p(0.06):
                key = self.case_change(key.split(":", 1)[0]) + ":" + key.split(":", 1)[1]
            out[key] = v
        return out

    def value_for(self, name, fam):
        low = name.lower()
        if fam == "multi":
            return list(self.choice(MULTI_VALUES[low]))
        if self.p(0.04):
            return ""
        if self.p(0.04):
            # a single-valued key given as an array (a multi-valued key)
            v = self.value_for(name, fam)
            return v if isinstance(v, list) else [v]
        if fam == "str":
            return self.choice(STR_VALUES.get(low, ["x"]))
        if fam == "arn":
            if low == "aws:principalarn":
                return self.choice(["arn:aws:iam::%s:user/alice" % A,
                                    "arn:aws:iam::%s:role/ops/deployer" % A,
                                    "arn:aws:iam::%s:role/dev" % A, "arn:aws:iam::%s:root" % B])
            return self.choice(ARN_VALUES["aws:sourcearn"])
        if fam == "ip":
            return self.choice(IP_VALUES)
        if fam == "date":
            return self.choice(DATE_VALUES)
        if fam == "num":
            return self.choice(NUM_VALUES)
        if fam == "bool":
            return self.choice(BOOL_VALUES)
        if fam == "bin":
            return self.choice(BIN_VALUES)
        return "x"

    # -----------------------------------------------------------------------
    # policy elements

    def action_entry(self, action, matching):
        svc, name = action.split(":", 1)
        if matching:
            form = self.r.randrange(9)
            if form == 0:
                return action
            if form == 1:
                return self.case_change(svc) + ":" + self.case_change(name)
            if form == 2:
                return svc + ":*"
            if form == 3:
                return svc + ":" + name[:self.r.randrange(0, len(name))] + "*"
            if form == 4:
                return svc + ":*" + name[self.r.randrange(1, len(name)):]
            if form == 5:
                i = self.r.randrange(len(name))
                return svc + ":" + name[:i] + "?" + name[i + 1:]
            if form == 6:
                return "*"
            if form == 7:
                i = self.r.randrange(len(name))
                return svc + ":" + name[:i] + "*" + name[i:]
            return self.case_change(svc) + ":" + name
        form = self.r.randrange(7)
        if form == 0:
            return self.choice(OTHER_ACTIONS)
        if form == 1:
            return action + " "  # no trimming: matches nothing
        if form == 2:
            return action + ",PutObject"
        if form == 3:
            return svc + ":" + name + "?"
        if form == 4:
            return "ec2:*"
        if form == 5:
            return svc + ":" + name[1:]
        return svc + ":" + self.choice(["List*", "Describe*", "Get*", "Put*", "*Item"])

    def actions(self, action, want_match):
        n = self.wchoice([(6, 1), (3, 2), (1, 3), (0.15, 0)])
        entries = []
        for i in range(n):
            entries.append(self.action_entry(action, want_match and i == 0 or self.p(0.2)))
        self.r.shuffle(entries)
        if n == 1 and self.p(0.5):
            return entries[0]
        return entries

    def resource_entry(self, res, matching, caller):
        if res == "*":
            if matching:
                return "*"
            return self.choice(OTHER_RESOURCES + ["arn:aws:s3:::*", "arn:aws:iam::%s:*" % A])
        parts = res.split(":", 5)
        rpart = parts[5]
        forms = []
        if matching:
            forms = [
                lambda: res,
                lambda: "*",
                lambda: ":".join(parts[:5]) + ":" + rpart[:self.r.randrange(len(rpart) + 1)] + "*",
                lambda: ":".join(parts[:3] + ["*" if parts[3] else "", "*" if parts[4] else ""])
                + ":" + rpart,
                lambda: ":".join(["arn", "*"] + parts[2:]),
                lambda: ":".join(parts[:5]) + ":" + self.qmark(rpart),
                lambda: ":".join(parts[:5]) + ":" + self.star_mid(rpart),
                lambda: ":".join(parts[:4] + (["${aws:PrincipalAccount}"] if parts[4] else [""]))
                + ":" + rpart,
                lambda: self.variable_resource(res, caller),
            ]
        else:
            forms = [
                lambda: self.choice(OTHER_RESOURCES),
                lambda: ":".join(parts[:5]) + ":" + self.case_change(rpart),
                lambda: ":".join(parts[:5]) + ":" + rpart + "/*",
                lambda: ":".join(parts[:5]) + ":" + rpart + "?",
                lambda: ":".join(parts[:4] + ([B if parts[4] == A else A] if parts[4] else [""]))
                + ":" + rpart,
                lambda: "arn:aws:s3:::bkt-${aws:PrincipalTag/team, 'company-wide'}",
                lambda: "arn:aws:s3:::shared/${aws:PrincipalTag/nosuch}",
                lambda: "arn:aws:s3:::shared/home/${aws:username}/*",
                lambda: "arn:aws:iam::%s:user/${aws:username}" % A,
                lambda: "arn:aws:iam::%s:user/*/${aws:username}" % A,
                lambda: "arn:aws:s3:::shared/${*}",
                lambda: "arn:aws:s3:::bkt-${aws:principaltag/TEAM}",
                lambda: "arn:aws:s3:::*log*",
                lambda: "arn:aws:lambda:us-east-1:%s:function:fn" % A,
                lambda: "arn:aws:lambda:us-east-1:%s:function:*" % A,
            ]
        return self.choice(forms)()

    def qmark(self, s):
        if not s:
            return s
        i = self.r.randrange(len(s))
        return s[:i] + "?" + s[i + 1:]

    def star_mid(self, s):
        i = self.r.randrange(len(s) + 1)
        j = self.r.randrange(i, len(s) + 1)
        return s[:i] + "*" + s[j:]

    def variable_resource(self, res, caller):
        return self.choice([
            "arn:aws:s3:::shared/home/${aws:username}/*",
            "arn:aws:iam::%s:user/${aws:username}" % A,
            "arn:aws:iam::%s:user/*/${aws:username}" % A,
            "arn:aws:iam::${aws:PrincipalAccount}:role/*",
            "arn:aws:kms:*:${aws:PrincipalAccount}:key/*",
            "arn:aws:s3:::bkt-${aws:PrincipalTag/team, 'company-wide'}",
            "arn:aws:s3:::bkt-${aws:PrincipalTag/team}",
            "arn:aws:s3:::shared/${*}",
            "arn:aws:s3:::shared/${aws:PrincipalTag/nosuch, 'k'}",
            "arn:aws:dynamodb:*:${aws:PrincipalAccount}:table/${aws:PrincipalTag/nosuch, 'Thread'}",
            res,
        ])

    def resources(self, res, want_match, caller):
        n = self.wchoice([(6, 1), (3, 2), (1, 3), (0.15, 0)])
        entries = [self.resource_entry(res, want_match and i == 0 or self.p(0.2), caller)
                   for i in range(n)]
        self.r.shuffle(entries)
        if n == 1 and self.p(0.5):
            return entries[0]
        return entries

    # conditions ------------------------------------------------------------

    def condition(self, ctx):
        cond = {}
        for _ in range(self.wchoice([(6, 1), (3, 2), (1, 3)])):
            op, key, vals = self.condition_entry(ctx)
            cond.setdefault(op, {})
            if key in cond[op]:
                continue
            cond[op][key] = vals
        return cond

    def condition_entry(self, ctx):
        # choose a key: mostly one of the context, sometimes one absent
        if ctx and self.p(0.75):
            key = self.choice(sorted(ctx))
        else:
            key = self.choice(KEY_SPECS)[0]
        canonical = key
        fam = None
        for name, f in KEY_SPECS:
            if name.lower() == key.lower():
                canonical, fam = name, f
        if fam is None:
            fam = "str"
        if self.p(0.15):  # key names are case-insensitive
            key = self.case_change(canonical)
        else:
            key = canonical
        # operator family: mostly the key's own
        if fam == "multi":
            ofam = "str" if self.p(0.85) else self.choice(list(BASE_OPS))
        elif self.p(0.8):
            ofam = fam
        else:
            ofam = self.choice(list(BASE_OPS) + ["null"])
        if self.p(0.08):
            ofam = "null"
        if ofam == "null":
            op = "Null"
            vals = self.choice(["true", "false", True, False])
            if self.p(0.15):
                op = self.choice(["ForAllValues:Null", "ForAnyValue:Null"])
            return op, key, vals
        base = self.choice(BASE_OPS[ofam])
        prefix = ""
        q = self.r.random()
        if fam == "multi":
            if q < 0.45:
                prefix = "ForAllValues:"
            elif q < 0.9:
                prefix = "ForAnyValue:"
        else:
            if q < 0.1:
                prefix = "ForAllValues:"
            elif q < 0.2:
                prefix = "ForAnyValue:"
        suffix = "IfExists" if self.p(0.18) else ""
        op = prefix + base + suffix
        pool = self.policy_values(ofam, canonical.lower(), ctx)
        n = self.wchoice([(6, 1), (3, 2), (1, 3), (0.1, 0)])
        vals = [self.choice(pool) for _ in range(n)]
        if len(vals) == 1 and self.p(0.5):
            vals = vals[0]
        return op, key, vals

    def policy_values(self, ofam, low, ctx):
        if ofam == "str":
            pool = list(POLICY_STR_VALUES.get(low, []))
            v = None
            for k, x in ctx.items():
                if k.lower() == low:
                    v = x
            if isinstance(v, str):
                pool += [v, v, self.case_change(v) if v else v]
            elif isinstance(v, list) and v:
                pool += list(v)
            if not pool:
                pool = ["x", "*", "${aws:username}"]
            return pool
        if ofam == "arn":
            pool = list(ARN_PATTERNS)
            for k, x in ctx.items():
                if k.lower() == low and isinstance(x, str) and x.startswith("arn:"):
                    pool += [x, x]
            return pool
        if ofam == "ip":
            return IP_PATTERNS
        if ofam == "date":
            return DATE_PATTERNS
        if ofam == "num":
            return NUM_PATTERNS
        if ofam == "bool":
            return BOOL_PATTERNS
        if ofam == "bin":
            return BIN_PATTERNS
        return ["x"]

    # principals -------------------------------------------------------------

    def principal_entries_for(self, caller):
        """(kind, value, matches?) candidates for a resource policy Principal."""
        k = caller["kind"]
        acct = caller.get("account") or A
        part = caller.get("partition", "aws")
        c = [
            ("AWS", acct, True), ("AWS", "arn:%s:iam::%s:root" % (part, acct), True),
            ("AWS", "arn:aws-cn:iam::%s:root" % acct, part == "aws-cn"),
            ("AWS", "arn:aws:iam::%s:user/*" % acct, False),
            ("AWS", "arn:aws:iam::*:root", False),
            ("AWS", "arn:aws:iam::%s:user/alice " % A, False),
            ("AWS", "arn:aws:iam::%s:root" % C, False), ("AWS", C, False),
            ("AWS", "arn:aws:iam::%s:user/bob" % A, False),
            ("Service", "ec2.amazonaws.com", False),
            ("Federated", "accounts.google.com", False),
            ("CanonicalUser", "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be",
             False),
            ("AWS", "AIDAEXAMPLEUNIQUEID01", False),
            ("AWS", "arn:aws:iam::%s:role/other" % A, False),
        ]
        if k == "user":
            c += [("AWS", caller["arn"], True)] * 3
        if k == "user":
            c += [("AWS", "arn:%s:iam::%s:user/other/%s" % (part, acct, caller["name"]), False)]
        if k in ("role", "session"):
            role_arn = caller["role_arn"]
            c += [("AWS", role_arn, True)] * 3
            c += [("AWS", "arn:%s:iam::%s:role/%s" % (part, acct, caller["name"]), True)]
            c += [("AWS", "arn:%s:iam::%s:role/elsewhere/%s" % (part, acct, caller["name"]),
                   True)]
            c += [("AWS", "arn:aws:sts::%s:assumed-role/%s/other" % (acct, caller["name"]),
                   False)]
            if k == "session":
                c += [("AWS", caller["arn"], True)] * 3
        if k == "federated":
            c += [("AWS", caller["arn"], True)] * 3
            c += [("AWS", caller["user_arn"], True)] * 2
            c += [("AWS", "arn:%s:iam::%s:user/dev/%s" % (part, acct, caller["name"]), True)]
        if k == "service":
            c += [("Service", caller["arn"], True)] * 4
        if k == "root":
            c += [("AWS", caller["arn"], True)] * 2
        return c

    def principal(self, caller, want_match):
        if self.p(0.15):
            return self.choice(["*", "*", {"AWS": "*"}, {"AWS": ["*"]}])
        if self.p(0.01):
            return {"AWS": []}
        cands = self.principal_entries_for(caller)
        n = self.wchoice([(6, 1), (3, 2), (1, 3)])
        chosen = []
        if want_match:
            chosen.append(self.choice([x for x in cands if x[2]]))
        while len(chosen) < n:
            chosen.append(self.choice(cands))
        out = {}
        for kind, value, _ in chosen:
            out.setdefault(kind, [])
            if value not in out[kind]:
                out[kind].append(value)
        for kind in list(out):
            if len(out[kind]) == 1 and self.p(0.5):
                out[kind] = out[kind][0]
        return out

    def not_principal(self, caller):
        """Lists some of the caller's levels (account, role, session, own ARN)."""
        k = caller["kind"]
        acct = caller.get("account") or A
        levels = []
        part = caller.get("partition", "aws")
        if k in ("user", "federated", "session", "root", "role"):
            levels.append(self.choice([acct, "arn:%s:iam::%s:root" % (part, acct)]))
        if k in ("user", "federated", "session"):
            levels.append(caller["arn"])
        if k in ("session", "role"):
            levels.append(caller["role_arn"])
        if k == "federated" and self.p(0.3):
            levels.append(caller["user_arn"])
        entries = [x for x in levels if self.p(0.75)]
        if self.p(0.3) or not entries:
            entries.append(self.choice(["arn:aws:iam::%s:user/bob" % A, C,
                                        "arn:aws:iam::%s:root" % B]))
        out = {"AWS": entries if len(entries) > 1 or self.p(0.5) else entries[0]}
        if k == "service" and self.p(0.7):
            out["Service"] = caller["arn"]
        return out

    # statements and policies -------------------------------------------------

    def statement(self, ptype, req, caller, ctx, effect=None, is_trust=False):
        r = self.r
        st = {}
        if self.p(0.4):
            st["Sid"] = None  # filled in by the policy (unique)
        eff = effect or ("Allow" if self.p(0.8) else "Deny")
        st["Effect"] = eff
        if ptype == "resource":
            if eff == "Deny" and not is_trust and self.p(0.15):
                st["NotPrincipal"] = self.not_principal(caller)
            elif eff == "Allow" and not is_trust and self.p(0.04):
                st["NotPrincipal"] = self.not_principal(caller)
            else:
                st["Principal"] = self.principal(caller, self.p(0.7))
        elif ptype == "rcp":
            st["Principal"] = "*"
        want = self.p(0.75)
        if self.p(0.2):
            st["NotAction"] = self.actions(req["action"], not want)
        else:
            st["Action"] = self.actions(req["action"], want)
        if not is_trust:
            want = self.p(0.75)
            if self.p(0.15):
                st["NotResource"] = self.resources(req["resource"], not want, caller)
            else:
                st["Resource"] = self.resources(req["resource"], want, caller)
        if self.p(0.35):
            st["Condition"] = self.condition(ctx)
        elif self.p(0.02):
            st["Condition"] = self.choice([{}, {"StringEquals": {}}])
        return st

    def policy(self, name, ptype, req, caller, ctx, n_range=(1, 4), effects=None,
               is_trust=False):
        n = self.r.randint(*n_range)
        stmts = []
        for i in range(n):
            eff = effects[i] if effects and i < len(effects) else None
            stmts.append(self.statement(ptype, req, caller, ctx, eff, is_trust))
        for i, st in enumerate(stmts):
            if "Sid" in st:
                st["Sid"] = "S%d" % i
        doc = {}
        v = self.wchoice([(85, "2012-10-17"), (8, "2008-10-17"), (7, None)])
        if v:
            doc["Version"] = v
        if ptype == "resource" and self.p(0.1):
            doc["Id"] = "PolicyId1"
        doc["Statement"] = stmts[0] if n == 1 and self.p(0.5) else stmts
        if self.p(0.01):
            doc["Statement"] = []
        out = {"document": doc}
        if name is not None:
            out["name"] = name
        return out

    def full_access(self, name):
        return {"name": name, "document": {"Version": "2012-10-17", "Statement": {
            "Effect": "Allow", "Action": "*", "Resource": "*"}}}

    # -----------------------------------------------------------------------

    def scenario(self, idx):
        caller = self.caller()
        k = caller["kind"]
        res_acct = A if self.p(0.7) else B
        if caller.get("account") == B and self.p(0.5):
            res_acct = B
        _, res, actions, rkind = self.wchoice([(w, (w, a, b, c))
                                               for w, a, b, c in resources_for(res_acct)])
        action = self.choice(actions)
        if self.p(0.05):
            svc, nm = action.split(":", 1)
            action = svc + ":" + self.case_change(nm)
        req = {"principal": caller["arn"], "action": action, "resource": res}
        if rkind == "s3" and self.p(0.8):
            req["resourceAccount"] = res_acct
        ctx = self.context(caller, res, res_acct)
        if ctx or self.p(0.5):
            req["context"] = ctx
        is_trust = rkind == "role" and action.lower() in (
            "sts:assumerole", "sts:assumerolewithsaml", "sts:assumerolewithwebidentity",
            "sts:tagsession", "sts:setsourceidentity")

        sc = {"name": "rnd-%d" % idx}
        has_identity = k in ("user", "role", "session", "federated")
        if has_identity and self.p(0.85):
            n = self.wchoice([(6, 1), (3, 2), (1, 3)])
            sc["identityPolicies"] = [
                self.policy("Id%d" % i if self.p(0.9) else None, "identity", req, caller, ctx,
                            effects=["Allow"] if self.p(0.6) else None)
                for i in range(n)]
        if has_identity and self.p(0.3):
            sc["permissionsBoundary"] = self.policy("Boundary", "permissionsBoundary", req,
                                                    caller, ctx, (1, 3),
                                                    effects=["Allow"])
        if k in ("role", "session", "federated") and self.p(0.4):
            sc["sessionPolicy"] = self.policy("Session", "session", req, caller, ctx, (1, 3),
                                              effects=["Allow"])
        res_prob = 0.85 if rkind in ("role", "kms") else 0.55
        if rkind in ("star", "gci"):
            res_prob = 0.1
        if self.p(res_prob):
            sc["resourcePolicy"] = self.policy("ResPolicy", "resource", req, caller, ctx,
                                               effects=["Allow"] if self.p(0.7) else None,
                                               is_trust=is_trust)
        if self.p(0.3):
            levels = []
            for li in range(self.r.randint(1, 3)):
                level = []
                if self.p(0.97):
                    if self.p(0.65):
                        level.append(self.full_access("Scp%d_Full" % li))
                    else:
                        level.append(self.policy("Scp%d_Allow" % li, "scp", req, caller, ctx,
                                                 (1, 2), effects=["Allow", "Allow"]))
                    if self.p(0.3):
                        level.append(self.policy("Scp%d_Deny" % li, "scp", req, caller, ctx,
                                                 (1, 2), effects=["Deny"]))
                levels.append(level)
            sc["serviceControlPolicies"] = levels
        if self.p(0.2):
            levels = []
            for li in range(self.r.randint(1, 2)):
                level = []
                for pi in range(self.r.randint(0, 2)):
                    level.append(self.policy("Rcp%d_%d" % (li, pi), "rcp", req, caller, ctx,
                                             (1, 2), effects=["Deny", "Deny"]))
                levels.append(level)
            sc["resourceControlPolicies"] = levels
        sc["request"] = req
        return sc


# ---------------------------------------------------------------------------
# Probes: small scenarios in which one feature decides, with adversarial values

PROBE_CTX = {
    # family: [context values] (single-valued), [multi-valued contexts]
    "str": (["alice", "Alice", "ALICE", "dev-1", "dev-12", "", "home/alice/docs/", "t2.*",
             "a?c", "Straße", "STRASSE", "straße", "é", "É", "\u212a", "k", "\u2126", "\u03c9",
             "\U0001F600x", "x\U0001F600", "blue", "${aws:username}"],
            [[], [""], ["env"], ["env", "team"], ["Env", "x"], ["alice", "bob"], ["blue"]]),
    "num": (["10", "-12", "3.5", "0", "10.0", "abc", "1e3", "+5", " 5", "010",
             "9007199254740993", "0.1", "-0", "", "12345678901234567890.5"],
            [["5", "15"], ["10"], [], ["abc", "10"]]),
    "date": (["2026-03-01T12:00:00Z", "2026-03-01T14:00:00+02:00", "1772366400", "2026-03-01",
              "2026-03-01T12:00:00.5Z", "2026-03-01T12:00Z", "2019-06-01T00:00:00Z",
              "not-a-date", "2026-02-30T00:00:00Z", "2026-03-01T12:00:00", "2026-03",
              "2026-03-01T12:00:00.123456789Z", "2026-03-01T05:30:00-06:30", ""],
             [["2026-03-01T12:00:00Z", "2019-06-01T00:00:00Z"], ["1772366400"], []]),
    "bool": (["true", "false", "TRUE", "False", "yes", "1", ""],
             [["true", "false"], ["true"], []]),
    "bin": (["hello", "hellO", "", "h\u00e9llo", "world"], [["hello", "world"], ["hello"]]),
    "ip": (["203.0.113.7", "203.0.113.0", "203.0.113.255", "203.0.114.0", "2001:db8::1",
            "2001:DB8::1", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", "2001:db9::",
            "::ffff:203.0.113.7", "0.0.0.0", "255.255.255.255", "300.1.2.3", "", "10.0.0.1"],
           [["203.0.113.7", "10.0.0.1"], ["2001:db8::1"], []]),
    "arn": (["arn:aws:iam::111122223333:role/ops/deployer", "arn:aws:s3:::shared/a:b",
             "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/doc.txt",
             "not-an-arn", "arn:aws:s3", "arn:aws:lambda:us-east-1:111122223333:function:fn:prod",
             "", "arn:aws:iam::111122223333:user/alice", "arn:aws-cn:iam::111122223333:root"],
            [["arn:aws:iam::111122223333:user/alice", "arn:aws:s3:::shared"], []]),
}

PROBE_POLICY = {
    "str": ["alice", "Alice", "ALICE", "dev-?", "dev-*", "a*", "*", "", "?", "??", "home/*",
            "t2.*", "t2.${*}", "a${?}c", "Stra?e", "straße", "STRASSE", "É", "é", "k", "K",
            "\u03c9", "\u2126", "?x", "x?", "*\U0001F600", "${aws:username}",
            "${AWS:UserName}", "${aws:PrincipalTag/team}", "${example:S1}", "${example:S2}",
            "${example:M1}", "${example:nosuch}", "${example:nosuch, 'alice'}",
            "${example:nosuch, 'a*'}", "home/${aws:username}/*", "${$}{aws:username}",
            "${example:S1}${example:S2}", "blue", "env", "team", "x"],
    "num": ["10", 10, "10.0", "9.99", "10.01", "-12", "3.5", 3.5, "0", "-0",
            "9007199254740992", "9007199254740993", "0.10", "abc", 0, -12, "5", "15"],
    "date": ["2026-03-01T12:00:00Z", "2026-03-01T14:00:00+02:00", "1772366400", 1772366400,
             "2026-03-01", "2026-03-01T12:00:00.5Z", "2026-03-01T12:00Z",
             "2026-03-01T11:59:59.999Z", "2026-03-01T12:00:00.001Z", "1772366399",
             "1772366401", "2019-06-01T00:00:00Z", "garbage", "2026-03",
             "2026-03-01T12:00:00", "${aws:CurrentTime}"],
    "bool": ["true", "false", True, False, "${example:B1}"],
    "bin": ["aGVsbG8=", "aMOpbGxv", "", "not base64!", "d29ybGQ="],
    "ip": ["203.0.113.0/24", "203.0.113.7", "203.0.113.7/32", "0.0.0.0/0", "::/0",
           "2001:db8::/32", "2001:DB8::/32", "203.0.113.0/33", "::ffff:203.0.113.0/120",
           "128.0.0.0/1", "203.0.113.128/25", "2001:db8::1/128", "10.0.0.0/8"],
    "arn": ["arn:aws:iam::111122223333:role/*", "arn:aws:iam::*:role/ops/*",
            "arn:aws:s3:::shared/*", "arn:aws:s3:::*", "arn:*:*:*:*:*",
            "arn:aws:someservice:*:111122223333:finance/*", "arn:aws:lambda:*:*:function:fn",
            "arn:aws:lambda:*:*:function:fn*", "arn:aws:iam::${aws:PrincipalAccount}:*",
            "arn:aws:s3:::shared/${example:S1}", "arn:aws:iam::111122223333:user/alice",
            "arn:aws:iam::111122223333:user/${aws:username}", "arn:aws:s3:::shared/a?b",
            "arn:aws:iam::111122223333:ro?e/ops/deployer", "*", "arn:aws-cn:iam::*:root"],
}

PROBE_KEYS = {
    "str": ["aws:username", "aws:PrincipalTag/team", "example:S1", "example:S2"],
    "num": ["s3:max-keys", "aws:MultiFactorAuthAge", "example:N1"],
    "date": ["aws:CurrentTime", "aws:TokenIssueTime", "example:D1"],
    "bool": ["aws:SecureTransport", "aws:MultiFactorAuthPresent", "example:B1"],
    "bin": ["example:Bin1"],
    "ip": ["aws:SourceIp", "example:Ip1"],
    "arn": ["aws:PrincipalArn", "aws:SourceArn"],
}

_OPS_BY_FAMILY = dict(BASE_OPS)


PROBE_CALLERS = [
    (6, _user(A, "", "alice", {"team": "blue"})), (3, _session(A, "", "dev", "s1")),
    (1, _role(A, "", "dev")), (2, _fed(A, "alice")),
    (2, {"kind": "root", "arn": "arn:aws:iam::%s:root" % A, "account": A, "tags": {}}),
    (2, {"kind": "anonymous", "arn": "anonymous", "account": None, "tags": {}}),
    (1, {"kind": "service", "arn": "lambda.amazonaws.com", "account": None, "tags": {}}),
]


def _probe_condition(g, idx):
    caller = g.wchoice(PROBE_CALLERS)
    k = caller["kind"]
    ctx = {}
    if k not in ("anonymous", "service"):
        ctx["aws:PrincipalAccount"] = caller["account"]
        ctx["aws:PrincipalArn"] = caller.get("role_arn") or caller["arn"]
    for fam, keys in PROBE_KEYS.items():
        for key in keys:
            r = g.r.random()
            if r < 0.25:
                continue  # absent
            singles, multis = PROBE_CTX[fam]
            if r < 0.4:
                ctx[key] = list(g.choice(multis))
            else:
                ctx[key] = g.choice(singles)
    if g.p(0.3):
        ctx["example:M1"] = list(g.choice(PROBE_CTX["str"][1]))
    # key names are case-insensitive: re-case some context keys
    ctx = {(g.case_change(key) if g.p(0.08) else key): v for key, v in ctx.items()}

    def condition():
        cond = {}
        for _ in range(g.wchoice([(6, 1), (3, 2), (1, 3)])):
            fam = g.choice(list(PROBE_KEYS) + ["null"])
            if fam == "null":
                op = g.choice(["Null"] * 4 + ["ForAllValues:Null", "ForAnyValue:Null"])
                kfam = g.choice(list(PROBE_KEYS))
                key = g.choice(PROBE_KEYS[kfam] + ["example:nosuch"])
                cond.setdefault(op, {})[key] = g.choice(["true", "false", True, False])
                continue
            base = g.choice(_OPS_BY_FAMILY[fam])
            q = g.r.random()
            prefix = "ForAllValues:" if q < 0.2 else "ForAnyValue:" if q < 0.4 else ""
            op = prefix + base + ("IfExists" if g.p(0.2) else "")
            if g.p(0.8):
                key = g.choice(PROBE_KEYS[fam])
            elif g.p(0.5):
                key = g.choice(PROBE_KEYS[g.choice(list(PROBE_KEYS))])
            else:
                key = "example:nosuch"
            if g.p(0.15):
                key = g.case_change(key)
            pool = PROBE_POLICY[fam]
            if fam == "str":
                cv = None
                for ck, v in ctx.items():
                    if ck.lower() == key.lower():
                        cv = v
                if isinstance(cv, str):
                    pool = pool + [cv] * 6
                elif isinstance(cv, list):
                    pool = pool + cv * 3
            n = g.wchoice([(6, 1), (3, 2), (1, 3), (0.2, 0)])
            vals = [g.choice(pool) for _ in range(n)]
            if len(vals) > 1 and fam in ("bin", "bool") and g.p(0.5):
                vals = [v for v in vals if _parses(fam, v)] or vals[:1]
            if len(vals) == 1 and g.p(0.5):
                vals = vals[0]
            cond.setdefault(op, {})[key] = vals
        return cond

    req = {"principal": caller["arn"], "action": "s3:GetObject",
           "resource": "arn:aws:s3:::b/k", "resourceAccount": A, "context": ctx}
    sc = {"name": "cond-%d" % idx}
    stmts = [{"Effect": "Allow" if g.p(0.6) else "Deny", "Action": "s3:GetObject",
              "Resource": "*", "Condition": condition()}
             for _ in range(g.r.randint(1, 4))]
    if g.p(0.12):
        # case-insensitive comparisons beyond ASCII: (lower, upper) pairs under the
        # Unicode simple lower-case mapping, and pairs that must stay different
        lower, upper = g.choice(CASE_PAIRS)
        if g.p(0.5):
            lower, upper = upper, lower
        key = g.choice(["example:S1", "aws:PrincipalTag/team"])
        ctx[key] = upper
        for ck in list(ctx):
            if ck != key and ck.lower() == key.lower():
                del ctx[ck]
        op = g.choice(["StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
                       "StringEquals", "StringLike"])
        stmts.append({"Effect": "Allow" if g.p(0.6) else "Deny", "Action": "s3:GetObject",
                      "Resource": "*", "Condition": {op: {key: lower}}})
    if g.p(0.05):
        # condition key names are case-insensitive, tag keys beyond ASCII too
        lower, upper = g.choice(CASE_PAIRS[:8])
        ctx["aws:PrincipalTag/" + upper] = "v"
        stmts.append({"Effect": "Allow" if g.p(0.6) else "Deny", "Action": "s3:GetObject",
                      "Resource": "*", "Condition": {
                          g.choice(["StringEquals", "Null"]): {
                              "aws:principaltag/" + lower: g.choice(["v", "false"])}}})
    version = g.wchoice([(90, "2012-10-17"), (5, "2008-10-17"), (5, None)])
    if k in ("user", "session", "role", "federated"):
        base = []
        if g.p(0.6):
            base.append({"Effect": "Allow", "Action": "*", "Resource": "*"})
        doc = {"Statement": base + stmts}
        if version:
            doc["Version"] = version
        sc["identityPolicies"] = [{"name": "Probe", "document": doc}]
        if k == "federated":
            sc["sessionPolicy"] = {"name": "Session", "document": {
                "Version": "2012-10-17",
                "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}}
    else:
        for st in stmts:
            st["Principal"] = "*"
        doc = {"Statement": stmts}
        if version:
            doc["Version"] = version
        sc["resourcePolicy"] = {"name": "Probe", "document": doc}
    sc["request"] = req
    return sc


CASE_PAIRS = [
    ("k", "\u212a"), ("\u03c9", "\u2126"), ("\u00df", "\u1e9e"), ("\U00010428", "\U00010400"),
    ("\u01c6", "\u01c5"), ("\u00e5", "\u212b"), ("i", "\u0130"), ("\u00e9", "\u00c9"),
    ("\u00e4", "\u00c4"), ("\u0434", "\u0414"), ("\u03c3", "\u03a3"), ("\u03c2", "\u03a3"),
    ("\u0131", "I"), ("ss", "\u00df"), ("e\u0301", "\u00c9"), ("alice", "ALICE"),
]


def _parses(fam, v):
    import reference_evaluator as R
    t = R.json_scalar_text(v)
    if fam == "num":
        return R.parse_number(t) is not None
    if fam == "date":
        return R.parse_date(t) is not None
    if fam == "ip":
        return R.parse_ip_network(t) is not None
    if fam == "bin":
        return R.parse_base64(t) is not None
    if fam == "bool":
        return R.parse_bool(t) is not None or "${" in t
    return True


# resources for glob probes: (arn, actions)
MATCH_RESOURCES = [
    ("arn:aws:s3:::shared/k", ["s3:GetObject"]),
    ("arn:aws:s3:::shared/a:b/c", ["s3:GetObject"]),
    ("arn:aws:s3:::shared/caf\u00e9/\U0001F600.txt", ["s3:GetObject"]),
    ("arn:aws:s3:::shared//double//slash/", ["s3:PutObject"]),
    ("arn:aws:s3:::shared/*", ["s3:GetObject"]),
    ("arn:aws:s3:::shared/?", ["s3:GetObject"]),
    ("arn:aws:s3:::shared/${aws:username}", ["s3:GetObject"]),
    ("arn:aws:s3:::shared", ["s3:ListBucket"]),
    ("arn:aws:s3:::b/1/2/test/3/o.jpg", ["s3:GetObject"]),
    ("arn:aws:s3:::b/test/o.jpg", ["s3:GetObject"]),
    ("arn:aws:iam::111122223333:user/alice", ["iam:CreateAccessKey"]),
    ("arn:aws:iam::111122223333:user/dev/alice", ["iam:CreateAccessKey"]),
    ("arn:aws:iam::111122223333:role/ops/deployer", ["iam:GetRole"]),
    ("arn:aws:lambda:us-east-1:111122223333:function:fn", ["lambda:InvokeFunction"]),
    ("arn:aws:lambda:us-east-1:111122223333:function:fn:prod", ["lambda:InvokeFunction"]),
    ("arn:aws:dynamodb:us-east-1:111122223333:table/Thread/index/I", ["dynamodb:Query"]),
    ("arn:aws:dynamodb:us-east-1:111122223333:table/Thread", ["dynamodb:Query"]),
    ("arn:aws:ec2:us-east-1::image/ami-1", ["ec2:RunInstances"]),
    ("arn:aws:logs:us-east-1:111122223333:log-group:lg:*", ["logs:PutLogEvents"]),
    ("arn:aws-cn:s3:::shared/k", ["s3:GetObject"]),
    ("*", ["s3:ListAllMyBuckets", "iam:ListUsers"]),
]

MATCH_VARIABLE_PATTERNS = [
    "arn:aws:s3:::shared/${aws:username}", "arn:aws:s3:::shared/${*}",
    "arn:aws:s3:::shared/${?}", "arn:aws:s3:::shared/${$}{aws:username}",
    "arn:aws:iam::111122223333:user/${aws:username}",
    "arn:aws:iam::111122223333:user/*/${aws:username}",
    "arn:aws:iam::${aws:PrincipalAccount}:user/alice",
    "arn:aws:lambda:${aws:RequestedRegion}:${aws:PrincipalAccount}:function:fn*",
    "arn:aws:s3:::shared/${example:S1}", "arn:aws:s3:::shared/${example:S1, 'k'}",
    "arn:aws:s3:::shared/${example:M1}", "arn:aws:s3:::shared/${example:M1, 'k'}",
    "arn:aws:s3:::${example:S2}/*", "arn:aws:s3:::shared/${AWS:USERNAME}",
    "arn:aws:s3:::shared/${example:nosuch, '*'}",
]


def _mutate_resource(g, res):
    parts = res.split(":", 5)
    for _ in range(g.wchoice([(3, 1), (2, 2), (1, 3)])):
        i = g.choice([1, 3, 4, 5, 5, 5, 5])  # never the service segment
        seg = parts[i]
        form = g.r.randrange(6)
        if form == 0:
            a = g.r.randrange(len(seg) + 1)
            b = g.r.randrange(a, len(seg) + 1)
            seg = seg[:a] + "*" + seg[b:]
        elif form == 1 and seg:
            a = g.r.randrange(len(seg))
            seg = seg[:a] + "?" + seg[a + 1:]
        elif form == 2:
            seg = g.case_change(seg)
        elif form == 3 and seg:
            a = g.r.randrange(len(seg))
            seg = seg[:a] + seg[a + 1:]
        elif form == 4:
            seg = seg + g.choice(["*", "?", "/*", ":*", "x"])
        else:
            seg = "*"
        parts[i] = seg
    return ":".join(parts)


def _mutate_action(g, action):
    svc, name = action.split(":", 1)
    form = g.r.randrange(7)
    if form == 0:
        return g.case_change(svc) + ":" + g.case_change(name)
    if form == 1:
        a = g.r.randrange(len(name) + 1)
        b = g.r.randrange(a, len(name) + 1)
        return svc + ":" + name[:a] + "*" + name[b:]
    if form == 2:
        a = g.r.randrange(len(name))
        return svc + ":" + name[:a] + "?" + name[a + 1:]
    if form == 3:
        return svc + ":" + name + g.choice(["?", "*", "**", "x"])
    if form == 4:
        return g.choice(["*", svc + ":*", svc.upper() + ":*"])
    if form == 5:
        return svc + ":" + "?" * len(name)
    return action


def _probe_match(g, idx):
    res, actions = g.choice(MATCH_RESOURCES)
    action = g.choice(actions)
    caller = _user(A, "", "alice") if g.p(0.8) else _user(A, "dev/", "alice")
    ctx = {"aws:username": "alice", "aws:PrincipalAccount": A,
           "aws:RequestedRegion": "us-east-1"}
    if g.p(0.7):
        ctx["example:S1"] = g.choice(["k", "K", "a:b/c", "*", "", "?", "café"])
    if g.p(0.3):
        ctx["example:S2"] = g.choice(["shared", "b"])
    if g.p(0.3):
        ctx["example:M1"] = g.choice([["k"], [], ["k", "x"]])
    if g.p(0.1):
        del ctx["aws:username"]
    stmts = []
    for _ in range(g.r.randint(1, 4)):
        st = {"Effect": "Allow" if g.p(0.7) else "Deny"}
        acts = [_mutate_action(g, action) for _ in range(g.wchoice([(4, 1), (1, 2)]))]
        st["NotAction" if g.p(0.15) else "Action"] = acts if len(acts) > 1 or g.p(0.5) else acts[0]
        if res == "*":
            pats = [g.choice(["*", "arn:aws:s3:::*", "arn:*:*:*:*:*"])]
        else:
            pats = []
            for _ in range(g.wchoice([(4, 1), (1, 2)])):
                if g.p(0.25):
                    pats.append(g.choice(MATCH_VARIABLE_PATTERNS))
                else:
                    pats.append(_mutate_resource(g, res))
        st["NotResource" if g.p(0.15) else "Resource"] = pats if len(pats) > 1 or g.p(0.5) \
            else pats[0]
        stmts.append(st)
    doc = {"Statement": stmts}
    version = g.wchoice([(85, "2012-10-17"), (8, "2008-10-17"), (7, None)])
    if version:
        doc["Version"] = version
    return {"name": "match-%d" % idx,
            "identityPolicies": [{"name": "Probe", "document": doc}],
            "request": {"principal": caller["arn"], "action": action, "resource": res,
                        "resourceAccount": A, "context": ctx}}


def generate(n, seed):
    g = Gen(seed)
    out = []
    for i in range(n):
        r = g.r.random()
        if r < 0.5:
            out.append(g.scenario(i))
        elif r < 0.8:
            out.append(_probe_condition(g, i))
        else:
            out.append(_probe_match(g, i))
    return out


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    for sc in generate(n, seed):
        print(json.dumps(sc, ensure_ascii=False))
