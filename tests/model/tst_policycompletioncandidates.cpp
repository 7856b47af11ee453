#include "model/conditionoperator.h"
#include "tests/model/policycompletiontest.h"

// Completion in the policy editor, the candidates the catalog gives for names: the policy's
// elements and fixed values, services and actions, resource ARN templates of the statement's
// actions, condition operators and the condition keys of the statement; the limit kept.

class tst_PolicyCompletionCandidates : public QObject
{
    Q_OBJECT

private slots:
    void elementsAndValues();
    void servicesFirstWithoutColon();
    void actionsFilteredGlobAware();
    void exactActionFirst();
    void actionNameWithoutService();
    void unknownServiceOffersNothing();
    void resourceTemplatesOfTheStatementsActions();
    void resourcesWithoutActionsOfferOnlyStar();
    void everyOperatorIsOffered();
    void conditionKeysOfTheStatementWithTypes();
    void conditionKeysFittingTheOperatorFirst();
    void limitIsKept();
};

void tst_PolicyCompletionCandidates::elementsAndValues()
{
    QCOMPARE(texts(iamx::completionCandidates(siteAt("{\"|"))),
            (std::vector<std::string> { "Version", "Id", "Statement" }));
    QCOMPARE(texts(iamx::completionCandidates(siteAt("{\"st|"))),
            std::vector<std::string> { "Statement" });
    QCOMPARE(texts(iamx::completionCandidates(siteAt("{\"Statement\": {\"Effect\": \"|"))),
            (std::vector<std::string> { "Allow", "Deny" }));
    QCOMPARE(texts(iamx::completionCandidates(siteAt("{\"Statement\": {\"Effect\": \"d|"))),
            std::vector<std::string> { "Deny" });
    QCOMPARE(texts(iamx::completionCandidates(siteAt("{\"Version\": \"|"))).front(),
            std::string("2012-10-17"));
    QCOMPARE(texts(iamx::completionCandidates(siteAt("{\"Statement\": {\"Principal\": {\"|"))),
            (std::vector<std::string> { "AWS", "Service", "Federated", "CanonicalUser" }));
}

void tst_PolicyCompletionCandidates::servicesFirstWithoutColon()
{
    const auto candidates = iamx::completionCandidates(siteAt("{\"Statement\": {\"Action\": \"s|"));
    QVERIFY(!candidates.empty());
    QCOMPARE(candidates.front().kind, CandidateKind::Service);
    const CompletionCandidate *s3 = find(candidates, "s3:");
    QVERIFY(s3);
    QCOMPARE(s3->kind, CandidateKind::Service);
    QCOMPARE(s3->description, std::string("Amazon S3"));
    QVERIFY(!find(candidates, "ec2:"));
    // Empty: every action first.
    const auto all = iamx::completionCandidates(siteAt("{\"Statement\": {\"Action\": \"|"));
    QCOMPARE(all.front().text, std::string("*"));
    QCOMPARE(all.front().kind, CandidateKind::ActionPattern);
}

void tst_PolicyCompletionCandidates::actionsFilteredGlobAware()
{
    const auto candidates =
            iamx::completionCandidates(siteAt("{\"Statement\": {\"Action\": \"s3:Get|"));
    QVERIFY(candidates.size() > 10);
    QCOMPARE(candidates.front().text, std::string("s3:Get*"));
    QCOMPARE(candidates.front().kind, CandidateKind::ActionPattern);
    const CompletionCandidate *getObject = find(candidates, "s3:GetObject");
    QVERIFY(getObject);
    QCOMPARE(getObject->detail, std::string("Read"));
    QVERIFY(!getObject->description.empty());
    for (const auto &candidate : candidates)
        QVERIFY2(candidate.text.starts_with("s3:Get"), candidate.text.c_str());
    // Case does not matter, and a wildcard in what is typed is a wildcard.
    const auto lower =
            texts(iamx::completionCandidates(siteAt("{\"Statement\": {\"Action\": \"S3:get|")));
    QVERIFY(contains(lower, "s3:GetObject"));
    const auto glob =
            iamx::completionCandidates(siteAt("{\"Statement\": {\"Action\": \"s3:*ObjectTag|"));
    QCOMPARE(glob.front().text, std::string("s3:*ObjectTag*"));
    QVERIFY(find(glob, "s3:GetObjectTagging"));
    QVERIFY(find(glob, "s3:PutObjectTagging"));
    QVERIFY(!find(glob, "s3:GetObject"));
}

void tst_PolicyCompletionCandidates::exactActionFirst()
{
    const auto candidates =
            iamx::completionCandidates(siteAt("{\"Statement\": {\"Action\": \"s3:GetObject|"));
    QCOMPARE(candidates.at(0).text, std::string("s3:GetObject"));
    QCOMPARE(candidates.at(1).text, std::string("s3:GetObject*"));
    QVERIFY(find(candidates, "s3:GetObjectAcl"));
}

void tst_PolicyCompletionCandidates::actionNameWithoutService()
{
    const auto candidates =
            iamx::completionCandidates(siteAt("{\"Statement\": {\"Action\": \"GetObjectAc|"));
    QVERIFY(find(candidates, "s3:GetObjectAcl"));
    // Two letters list services only.
    const auto services = iamx::completionCandidates(siteAt("{\"Statement\": {\"Action\": \"ge|"));
    for (const auto &candidate : services)
        QCOMPARE(candidate.kind, CandidateKind::Service);
}

void tst_PolicyCompletionCandidates::unknownServiceOffersNothing()
{
    QVERIFY(iamx::completionCandidates(siteAt("{\"Statement\": {\"Action\": \"nosuch:Get|"))
                    .empty());
}

void tst_PolicyCompletionCandidates::resourceTemplatesOfTheStatementsActions()
{
    const auto candidates = iamx::completionCandidates(siteAt(
            "{\"Statement\": {\"Action\": [\"s3:GetObject\", \"s3:ListBucket\"], \"Resource\": "
            "\"|\"}}"));
    const auto names = texts(candidates);
    QCOMPARE(names.front(), std::string("*"));
    QVERIFY(contains(names, "arn:aws:s3:::${BucketName}/${ObjectName}"));
    QVERIFY(contains(names, "arn:aws:s3:::${BucketName}"));
    QVERIFY2(!contains(names, "arn:aws:s3:::${BucketName}/${ObjectName}/x"), "no duplicates");
    for (const auto &name : names)
        QVERIFY2(name.find("${Partition}") == std::string::npos, name.c_str());
    const CompletionCandidate *object =
            find(candidates, "arn:aws:s3:::${BucketName}/${ObjectName}");
    QCOMPARE(object->detail, std::string("s3 object"));
    QCOMPARE(std::count(names.begin(), names.end(), "arn:aws:s3:::${BucketName}"), 1);
    // Filtered by what is typed.
    const auto typed = texts(iamx::completionCandidates(siteAt(
            "{\"Statement\": {\"Action\": \"iam:PassRole\", \"Resource\": \"arn:aws:i|\"}}")));
    QCOMPARE(
            typed, std::vector<std::string> { "arn:aws:iam::${Account}:role/${RoleNameWithPath}" });
    QCOMPARE(iamx::arnTemplate("arn:${Partition}:s3:::${BucketName}"),
            std::string("arn:aws:s3:::${BucketName}"));
}

void tst_PolicyCompletionCandidates::resourcesWithoutActionsOfferOnlyStar()
{
    QCOMPARE(texts(iamx::completionCandidates(siteAt("{\"Statement\": {\"Resource\": \"|"))),
            std::vector<std::string> { "*" });
}

void tst_PolicyCompletionCandidates::everyOperatorIsOffered()
{
    const auto candidates =
            iamx::completionCandidates(siteAt("{\"Statement\": {\"Condition\": {\"|"));
    const auto names = texts(candidates);
    QCOMPARE(names.front(), std::string("StringEquals"));
    for (const auto &name : names)
        QVERIFY2(iamx::parseConditionOperator(name).has_value(), name.c_str());
    for (const char *name : { "StringLike", "StringNotEqualsIfExists", "Null", "Bool",
                 "ForAllValues:StringEquals", "ForAnyValue:StringLikeIfExists", "IpAddress",
                 "NotIpAddressIfExists", "ArnNotLike", "DateGreaterThanEquals", "BinaryEquals",
                 "NumericLessThanEqualsIfExists" })
        QVERIFY2(contains(names, name), name);
    QVERIFY(!contains(names, "NullIfExists"));
    QCOMPARE(names.size(), size_t(27 + 26 + 2 * 52));
    const auto date =
            texts(iamx::completionCandidates(siteAt("{\"Statement\": {\"Condition\": {\"DateL|")));
    QCOMPARE(date,
            (std::vector<std::string> { "DateLessThan", "DateLessThanEquals",
                    "DateLessThanIfExists", "DateLessThanEqualsIfExists" }));
    const auto forAll = iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Condition\": {\"ForAllValues:StringE|"));
    QCOMPARE(forAll.front().text, std::string("ForAllValues:StringEquals"));
    QCOMPARE(forAll.front().detail, std::string("String"));
}

void tst_PolicyCompletionCandidates::conditionKeysOfTheStatementWithTypes()
{
    const auto candidates = iamx::completionCandidates(siteAt(
            "{\"Statement\": {\"Action\": \"s3:ListBucket\", \"Condition\": {\"StringLike\": "
            "{\"|\"}}}}"));
    const CompletionCandidate *prefix = find(candidates, "s3:prefix");
    QVERIFY(prefix);
    QCOMPARE(prefix->detail, std::string("String"));
    const CompletionCandidate *sourceIp = find(candidates, "aws:SourceIp");
    QVERIFY2(sourceIp, "the global keys are offered too");
    QCOMPARE(sourceIp->detail, std::string("IPAddress (global)"));
    QVERIFY2(!find(candidates, "ec2:Region"), "keys of other services are not");
    // Filtered by what is typed, ignoring case; keys already there are not offered again.
    const auto typed = iamx::completionCandidates(siteAt(
            "{\"Statement\": {\"Action\": \"s3:ListBucket\", \"Condition\": {\"StringLike\": "
            "{\"aws:sourcev|\", \"aws:SourceVpce\": \"x\"}}}}"));
    QCOMPARE(texts(typed), (std::vector<std::string> { "aws:SourceVpc", "aws:SourceVpcArn" }));
    // A key of the action's resource type.
    const auto tags = texts(iamx::completionCandidates(siteAt(
            "{\"Statement\": {\"Action\": \"iam:DeleteRole\", \"Condition\": {\"StringEquals\": "
            "{\"|")));
    QVERIFY(contains(tags, "aws:ResourceTag/${TagKey}")
            || contains(tags, "iam:ResourceTag/${TagKey}"));
}

void tst_PolicyCompletionCandidates::conditionKeysFittingTheOperatorFirst()
{
    const auto candidates = iamx::completionCandidates(siteAt(
            "{\"Statement\": {\"Action\": \"s3:ListBucket\", \"Condition\": {\"Bool\": {\"|"));
    QVERIFY(!candidates.empty());
    QVERIFY2(candidates.front().detail.starts_with("Bool"), candidates.front().text.c_str());
    const auto ip = iamx::completionCandidates(siteAt(
            "{\"Statement\": {\"Action\": \"s3:ListBucket\", \"Condition\": {\"NotIpAddress\": "
            "{\"|"));
    QVERIFY(ip.front().detail.starts_with("IPAddress"));
}

void tst_PolicyCompletionCandidates::limitIsKept()
{
    const CompletionSite site = siteAt("{\"Statement\": {\"Action\": \"ec2:|");
    QVERIFY(iamx::completionCandidates(site).size() > 20);
    QCOMPARE(iamx::completionCandidates(site, iamx::ActionCatalog::instance(), 20).size(),
            size_t(20));
}

QTEST_APPLESS_MAIN(tst_PolicyCompletionCandidates)
#include "tst_policycompletioncandidates.moc"
