#include "resources/demoaccount.h"

#include "model/account.h"
#include "model/accountio.h"
#include "model/completionaccount.h"
#include "model/completionvocabulary.h"
#include "model/isotime.h"
#include "tests/model/policycompletiontest.h"

#include <cctype>
#include <cstdlib>

// Completion in the policy editor, the candidates for values: condition values by the key's
// type (booleans, documented values, regions, dates, addresses, ARNs), policy variables,
// principals, what an account offers (its principals, resources and context), and Sids.

class tst_PolicyCompletionValues : public QObject
{
    Q_OBJECT

private slots:
    void boolAndNullValues();
    void documentedValuesAndRegions();
    void dateIpAndAccountValues();
    void arnValues();
    void policyVariables();
    void principalValues();
    void principalValuesFromTheAccount();
    void resourcesFromTheAccount();
    void sidFromEffectAndActions();
    void accountContextOfTheDemoAccount();
};

void tst_PolicyCompletionValues::boolAndNullValues()
{
    const auto condition = [](const std::string &op, const std::string &key) {
        return texts(iamx::completionCandidates(
                siteAt("{\"Statement\": {\"Condition\": {\"" + op + "\": {\"" + key + "\": \"|")));
    };
    const std::vector<std::string> trueFalse { "true", "false" };
    QCOMPARE(condition("Bool", "aws:SecureTransport"), trueFalse);
    QCOMPARE(condition("Null", "aws:PrincipalTag/team"), trueFalse);
    QCOMPARE(condition("Null", "s3:prefix"), trueFalse);
    QCOMPARE(condition("BoolIfExists", "aws:MultiFactorAuthPresent"), trueFalse);
    // The key's type is enough when the operator is unknown yet.
    QCOMPARE(condition("Boo", "aws:ViaAWSService"), trueFalse);
    const auto null = iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Condition\": {\"Null\": {\"aws:TokenIssueTime\": \"t|"));
    QCOMPARE(null.size(), size_t(1));
    QVERIFY(null.front().description.find("lacks") != std::string::npos);
}

void tst_PolicyCompletionValues::documentedValuesAndRegions()
{
    const auto types = iamx::completionCandidates(siteAt(
            "{\"Statement\": {\"Condition\": {\"StringEquals\": {\"aws:PrincipalType\": \"|"));
    QCOMPARE(texts(types),
            (std::vector<std::string> {
                    "Account", "User", "FederatedUser", "AssumedRole", "Anonymous" }));
    QCOMPARE(types.front().kind, CandidateKind::ConditionValue);
    QVERIFY(!types.front().description.empty());
    const auto regions = texts(iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Condition\": {\"StringEquals\": {\"aws:RequestedRegion\": "
                   "[\"eu-w|")));
    QCOMPARE(regions, (std::vector<std::string> { "eu-west-1", "eu-west-2", "eu-west-3" }));
    const auto ec2 = texts(iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Condition\": {\"StringEquals\": {\"ec2:Region\": \"|")));
    QVERIFY(contains(ec2, "us-east-1"));
    QVERIFY(contains(ec2, "cn-north-1"));
    QVERIFY(iamx::isRegionKey("kms:ReplicaRegion"));
    QVERIFY(iamx::isRegionKey("secretsmanager:AddReplicaRegions"));
    QVERIFY(!iamx::isRegionKey("kms:MultiRegion"));
    QVERIFY(!iamx::isRegionKey("ec2:VpceMultiRegion"));
    QVERIFY(!iamx::isRegionKey("aws:username"));
    const auto acl = texts(iamx::completionCandidates(siteAt(
            "{\"Statement\": {\"Condition\": {\"StringEquals\": {\"s3:x-amz-acl\": \"bucket|")));
    QCOMPARE(acl, (std::vector<std::string> { "bucket-owner-read", "bucket-owner-full-control" }));
    // A key with no known values offers nothing.
    QVERIFY(iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Condition\": {\"StringEquals\": {\"s3:prefix\": \"|"))
                    .empty());
}

void tst_PolicyCompletionValues::dateIpAndAccountValues()
{
    const auto dates = iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Condition\": {\"DateLessThan\": {\"aws:CurrentTime\": \"|"));
    QCOMPARE(dates.size(), size_t(2));
    const auto iso = iamx::parseInstant(dates[0].text);
    QVERIFY2(iso && dates[0].text.ends_with("Z") && dates[0].text.find('T') == 10,
            dates[0].text.c_str());
    const auto epoch = iamx::parseInstant(dates[1].text);
    QVERIFY(epoch && iso);
    QVERIFY(std::abs(epoch->seconds - iso->seconds) < 5);
    const auto ip = texts(iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"|")));
    QCOMPARE(ip, (std::vector<std::string> { "203.0.113.0/24", "2001:db8::/32" }));
    iamx::CompletionAccountContext account;
    account.accountId = "111122223333";
    account.organizationId = "o-a1b2c3d4e5";
    const auto value = [&account](const std::string &key) {
        return texts(iamx::completionCandidates(
                siteAt("{\"Statement\": {\"Condition\": {\"StringEquals\": {\"" + key + "\": \"|"),
                iamx::ActionCatalog::instance(), 500, &account));
    };
    QCOMPARE(value("aws:SourceAccount"), std::vector<std::string> { "111122223333" });
    QCOMPARE(value("aws:PrincipalOrgID"), std::vector<std::string> { "o-a1b2c3d4e5" });
    QVERIFY(iamx::completionCandidates(siteAt("{\"Statement\": {\"Condition\": {\"StringEquals\": "
                                              "{\"aws:SourceAccount\": \"|"))
                    .empty());
    const auto services = value("iam:PassedToService");
    QVERIFY(contains(services, "lambda.amazonaws.com"));
}

void tst_PolicyCompletionValues::arnValues()
{
    // aws:SourceArn: the resources of the service principal that calls.
    const auto source = texts(iamx::completionCandidates(siteAt(statementHead
            + "      \"Principal\": {\"Service\": \"sns.amazonaws.com\"},\n"
              "      \"Action\": \"sqs:SendMessage\",\n"
              "      \"Condition\": {\"ArnEquals\": {\"aws:SourceArn\": \"|\"}}\n")));
    QVERIFY(contains(source, "arn:aws:sns:${Region}:${Account}:${TopicName}"));
    QVERIFY2(!contains(source, "arn:aws:sqs:${Region}:${Account}:${QueueName}"),
            "not the statement's own resources");
    // A service's ARN key: the resource type it names.
    const auto policy = texts(iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Condition\": {\"ArnLike\": {\"iam:PolicyARN\": \"|")));
    QVERIFY(contains(policy, "arn:aws:iam::${Account}:policy/${PolicyNameWithPath}"));
    QVERIFY(!contains(policy, "arn:aws:iam::${Account}:role/${RoleNameWithPath}"));
    // aws:PrincipalArn: principals, the account's first.
    iamx::CompletionAccountContext account;
    account.accountId = "111122223333";
    account.roleArns = { "arn:aws:iam::111122223333:role/Admin" };
    const auto principal = texts(iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Condition\": {\"StringLike\": {\"aws:PrincipalArn\": "
                   "\"arn:aws:iam::111122223333:|"),
            iamx::ActionCatalog::instance(), 500, &account));
    QCOMPARE(principal,
            (std::vector<std::string> {
                    "arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:role/Admin" }));
}

void tst_PolicyCompletionValues::policyVariables()
{
    const std::string text = "{\"Statement\": {\"Resource\": \"arn:aws:s3:::b/${aws:us}/*\"}}";
    const CompletionSite site = iamx::completionSiteAt(text, text.find("}/*"));
    QCOMPARE(site.context, CompletionContext::PolicyVariable);
    QCOMPARE(site.variableHost, CompletionContext::ResourceValue);
    QCOMPARE(site.prefix, std::string("${aws:us"));
    QCOMPARE(site.replaceStart, text.find("${"));
    QCOMPARE(site.replaceEnd, text.find("/*"));
    const auto candidates = iamx::completionCandidates(site);
    QCOMPARE(texts(candidates),
            (std::vector<std::string> { "${aws:username}", "${aws:userid}", "${aws:UserAgent}" }));
    QCOMPARE(candidates.front().kind, CandidateKind::Variable);
    QVERIFY(!candidates.front().description.empty());
    // Every documented one after `${`, the tag of the principal among them.
    const auto all = texts(iamx::completionCandidates(siteAt(
            "{\"Statement\": {\"Condition\": {\"StringEquals\": {\"s3:prefix\": \"home/${|")));
    QVERIFY(all.size() > 20);
    QVERIFY(contains(all, "${aws:PrincipalTag/tag-key}"));
    QVERIFY(contains(all, "${aws:SourceIdentity}"));
    QVERIFY(contains(all, "${*}"));
    // Not in comparisons that do not read variables.
    QVERIFY(iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Condition\": {\"NumericLessThan\": {\"s3:max-keys\": "
                   "\"${|"))
                    .empty());
}

void tst_PolicyCompletionValues::principalValues()
{
    const auto aws =
            iamx::completionCandidates(siteAt("{\"Statement\": {\"Principal\": {\"AWS\": \"|"));
    QCOMPARE(aws.front().text, std::string("*"));
    QCOMPARE(aws.front().kind, CandidateKind::Principal);
    QVERIFY(find(aws, "arn:aws:iam::${Account}:root"));
    QVERIFY(find(aws, "arn:aws:iam::${Account}:role/${RoleName}"));
    const auto service = iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Principal\": {\"Service\": [\"lambd|"));
    const CompletionCandidate *lambda = find(service, "lambda.amazonaws.com");
    QVERIFY(lambda);
    QCOMPARE(lambda->description, std::string("AWS Lambda"));
    for (const auto &candidate : service)
        QVERIFY2(candidate.text.ends_with(".amazonaws.com"), candidate.text.c_str());
    const auto federated = texts(iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Principal\": {\"Federated\": \"|")));
    for (const char *provider : { "cognito-identity.amazonaws.com", "accounts.google.com",
                 "graph.facebook.com", "www.amazon.com" })
        QVERIFY2(contains(federated, provider), provider);
    QVERIFY(contains(federated, "arn:aws:iam::${Account}:saml-provider/${ProviderName}"));
    QCOMPARE(texts(iamx::completionCandidates(siteAt("{\"Statement\": {\"Principal\": \"|"))),
            std::vector<std::string> { "*" });
    QVERIFY(iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Principal\": {\"CanonicalUser\": \"|"))
                    .empty());
}

void tst_PolicyCompletionValues::principalValuesFromTheAccount()
{
    iamx::CompletionAccountContext account;
    account.accountId = "111122223333";
    account.userArns = { "arn:aws:iam::111122223333:user/alice" };
    account.roleArns = { "arn:aws:iam::111122223333:role/Admin" };
    account.providerArns = { "arn:aws:iam::111122223333:saml-provider/Okta" };
    const auto aws = texts(
            iamx::completionCandidates(siteAt("{\"Statement\": {\"Principal\": {\"AWS\": \"|"),
                    iamx::ActionCatalog::instance(), 500, &account));
    QCOMPARE(std::vector<std::string>(aws.begin(), aws.begin() + 4),
            (std::vector<std::string> { "*", "arn:aws:iam::111122223333:root",
                    "arn:aws:iam::111122223333:user/alice",
                    "arn:aws:iam::111122223333:role/Admin" }));
    const auto typed = texts(iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:r|"),
            iamx::ActionCatalog::instance(), 500, &account));
    QCOMPARE(typed,
            (std::vector<std::string> {
                    "arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:role/Admin" }));
    const auto federated = iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Principal\": {\"Federated\": \"|"),
            iamx::ActionCatalog::instance(), 500, &account);
    QCOMPARE(federated.front().text, std::string("arn:aws:iam::111122223333:saml-provider/Okta"));
    QCOMPARE(federated.front().detail, std::string("SAML provider"));
}

void tst_PolicyCompletionValues::resourcesFromTheAccount()
{
    iamx::CompletionAccountContext account;
    account.resourceArns = { "arn:aws:dynamodb:us-east-1:111122223333:table/Orders",
        "arn:aws:s3:::reports" };
    const auto resources = texts(iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Action\": \"s3:ListBucket\", \"Resource\": \"|"),
            iamx::ActionCatalog::instance(), 500, &account));
    // The templates, then the account's resources, those the actions act on first.
    const auto reports = std::find(resources.begin(), resources.end(), "arn:aws:s3:::reports");
    const auto orders = std::find(resources.begin(), resources.end(),
            "arn:aws:dynamodb:us-east-1:111122223333:table/Orders");
    QVERIFY(reports != resources.end() && orders != resources.end());
    QVERIFY(reports < orders);
    QVERIFY(contains(resources, "arn:aws:s3:::${BucketName}"));
}

void tst_PolicyCompletionValues::sidFromEffectAndActions()
{
    using iamx::suggestedSid;
    QCOMPARE(suggestedSid("Allow", { "s3:GetObject" }), std::string("AllowS3GetObject"));
    QCOMPARE(suggestedSid("Deny", { "iam:*" }), std::string("DenyIamAll"));
    QCOMPARE(suggestedSid("Allow", { "*" }), std::string("AllowAll"));
    QCOMPARE(suggestedSid("Deny", { "iam:*", "organizations:*" }, true),
            std::string("DenyAllButIamAllOrganizationsAll"));
    QCOMPARE(suggestedSid("Allow", { "s3:GetObject", "s3:PutObject", "ec2:Describe*" }),
            std::string("AllowS3GetObjectPutObjectEc2Describe"));
    QCOMPARE(suggestedSid("Allow", { "s3:GetObject", "s3:PutObject" }, false, true),
            std::string("AllowS3"));
    QCOMPARE(suggestedSid("Allow", { "s3:A", "s3:B", "resource-groups:C", "ec2:D" }),
            std::string("AllowS3ResourceGroupsEc2"));
    QCOMPARE(suggestedSid("", { "s3:GetObject" }), std::string("S3GetObject"));
    QCOMPARE(suggestedSid("Maybe", {}), std::string());
    // The site: the effect and actions of the statement, also after the cursor.
    const auto candidates = texts(iamx::completionCandidates(siteAt(statementHead
            + "      \"Sid\": \"|\",\n      \"Effect\": \"Allow\",\n      \"Action\": "
              "[\"s3:GetObject\", \"s3:PutObject\"]\n    }\n  ]\n}")));
    QCOMPARE(candidates, (std::vector<std::string> { "AllowS3GetObjectPutObject", "AllowS3" }));
    for (const auto &sid : candidates)
        QVERIFY(std::all_of(sid.begin(), sid.end(), [](char c) { return std::isalnum(c); }));
    QVERIFY(iamx::completionCandidates(siteAt("{\"Statement\": {\"Sid\": \"|")).empty());
}

void tst_PolicyCompletionValues::accountContextOfTheDemoAccount()
{
    auto loaded =
            iamx::loadAccount({ { "demo", std::string(iamx::resources::demoAccountText()) } });
    QVERIFY(loaded.value);
    const auto context = iamx::completionAccountContext(*loaded.value, { "arn:aws:s3:::x" });
    QCOMPARE(context.accountId, loaded.value->accountId());
    QCOMPARE(context.organizationId, std::string("o-a1b2c3d4e5"));
    QCOMPARE(context.userArns.size(), loaded.value->users().size());
    QCOMPARE(context.roleArns.size(), loaded.value->roles().size());
    QVERIFY(std::is_sorted(context.roleArns.begin(), context.roleArns.end()));
    QVERIFY(contains(context.providerArns,
            "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"));
    QVERIFY(contains(context.resourceArns, "arn:aws:s3:::x"));
    QVERIFY(context.resourceArns.size() > 1);
}

QTEST_APPLESS_MAIN(tst_PolicyCompletionValues)
#include "tst_policycompletionvalues.moc"
