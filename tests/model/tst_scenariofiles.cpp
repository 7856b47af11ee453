#include "tests/model/scenariotest.h"

// Scenario files as a whole (scenario-format.md): one scenario per .json file, an array of them,
// or one a line, with blank and broken lines among the good ones; text after the last scenario;
// empty files. A scenario's own fields: tst_scenariofields; its policies: tst_scenariopolicies.

class tst_ScenarioFiles : public QObject
{
    Q_OBJECT

private slots:
    void oneScenarioInJsonFile();
    void jsonLines_data();
    void jsonLines();
    void jsonLinesTrailingText();
    void jsonArray();
    void emptyFiles_data();
    void emptyFiles();
};

// The example of scenario-format.md, as a .json file.
void tst_ScenarioFiles::oneScenarioInJsonFile()
{
    const QByteArray text = lines({
            "{",
            "  \"name\": \"alice reads the report\",",
            "  \"identityPolicies\": [",
            "    { \"name\": \"ReadReports\", \"document\": { \"Version\": \"2012-10-17\", "
            "\"Statement\": [",
            "      { \"Sid\": \"Read\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", "
            "\"Resource\": \"arn:aws:s3:::reports/*\" } ] } }",
            "  ],",
            "  \"permissionsBoundary\": { \"name\": \"DevBoundary\", \"document\": { \"Version\": "
            "\"2012-10-17\",",
            "      \"Statement\": { \"Effect\": \"Allow\", \"Action\": [\"s3:*\", \"ec2:*\"], "
            "\"Resource\": \"*\" } } },",
            "  \"serviceControlPolicies\": [",
            "    [ { \"name\": \"FullAWSAccess\", \"document\": { \"Version\": \"2012-10-17\",",
            "        \"Statement\": { \"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": "
            "\"*\" "
            "} } } ],",
            "    [ { \"name\": \"DenyOtherRegions\", \"document\": { \"Version\": \"2012-10-17\", "
            "\"Statement\": [",
            "        { \"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\" },",
            "        { \"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\",",
            "          \"Condition\": { \"StringNotEquals\": { \"aws:RequestedRegion\": "
            "[\"eu-west-1\", \"us-east-1\"] } } } ] } } ]",
            "  ],",
            "  \"resourcePolicy\": { \"name\": \"BucketPolicy\", \"document\": { \"Version\": "
            "\"2012-10-17\", \"Statement\": {",
            "      \"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"s3:*\", \"Resource\": "
            "\"arn:aws:s3:::reports/*\",",
            "      \"Condition\": { \"Bool\": { \"aws:SecureTransport\": \"false\" } } } } },",
            "  \"request\": {",
            "    \"principal\": \"arn:aws:iam::111122223333:user/alice\",",
            "    \"action\": \"s3:GetObject\",",
            "    \"resource\": \"arn:aws:s3:::reports/2026/q3.csv\",",
            "    \"resourceAccount\": \"111122223333\",",
            "    \"context\": {",
            "      \"aws:SourceIp\": \"203.0.113.7\",",
            "      \"aws:RequestedRegion\": \"eu-west-1\",",
            "      \"aws:SecureTransport\": \"true\",",
            "      \"aws:PrincipalTag/team\": \"blue\",",
            "      \"aws:TagKeys\": [\"env\", \"team\"],",
            "      \"aws:MultiFactorAuthPresent\": \"true\"",
            "    }",
            "  },",
            "  \"note\": \"the boundary and both SCP levels let it through\",",
            "  \"expect\": \"allowed\"",
            "}",
    });
    const auto entries = read(text, "example.json");
    QCOMPARE(entries.size(), size_t(1));
    const iamx::ScenarioEntry &entry = entries[0];
    QVERIFY2(entry.diagnostics.empty(), describeAll(entry).join('\n').constData());
    QCOMPARE(entry.index, size_t(0));
    QCOMPARE(entry.startLine, 1);
    QCOMPARE(entry.startColumn, 1);
    QCOMPARE(entry.name, std::string("alice reads the report"));
    QVERIFY(entry.scenario);

    const iamx::Scenario &scenario = *entry.scenario;
    QCOMPARE(scenario.name, std::string("alice reads the report"));
    QCOMPARE(scenario.note,
            std::optional<std::string>("the boundary and both SCP levels let it through"));
    QCOMPARE(scenario.expect, std::optional<iamx::DecisionKind>(iamx::DecisionKind::Allowed));

    const iamx::PolicySet &policies = scenario.policies;
    QCOMPARE(policies.identity.size(), size_t(1));
    QCOMPARE(policies.identity[0]->name, std::string("ReadReports"));
    QCOMPARE(policies.identity[0]->type, iamx::PolicyType::Identity);
    QCOMPARE(policies.identity[0]->statements.at(0).sid, std::optional<std::string>("Read"));
    QVERIFY(policies.permissionsBoundary);
    QCOMPARE(policies.permissionsBoundary->name, std::string("DevBoundary"));
    QCOMPARE(policies.permissionsBoundary->type, iamx::PolicyType::PermissionsBoundary);
    QVERIFY(!policies.session);
    QCOMPARE(policies.scpLevels.size(), size_t(2));
    QCOMPARE(policies.scpLevels[0].size(), size_t(1));
    QCOMPARE(policies.scpLevels[0][0]->name, std::string("FullAWSAccess"));
    QCOMPARE(policies.scpLevels[1].size(), size_t(1));
    QCOMPARE(policies.scpLevels[1][0]->name, std::string("DenyOtherRegions"));
    QCOMPARE(policies.scpLevels[1][0]->type, iamx::PolicyType::ServiceControl);
    QCOMPARE(policies.scpLevels[1][0]->statements.size(), size_t(2));
    QVERIFY(policies.rcpLevels.empty());
    QVERIFY(policies.resource);
    QCOMPARE(policies.resource->name, std::string("BucketPolicy"));
    QCOMPARE(policies.resource->type, iamx::PolicyType::Resource);
    QCOMPARE(policies.resource->resourceKind, iamx::ResourcePolicyKind::Ordinary);

    const iamx::Request &request = scenario.request;
    QCOMPARE(request.principal.kind, iamx::PrincipalKind::IamUser);
    QCOMPARE(request.principal.account, std::string("111122223333"));
    QCOMPARE(request.principal.name, std::string("alice"));
    QCOMPARE(request.action, std::string("s3:GetObject"));
    QCOMPARE(request.resource, std::string("arn:aws:s3:::reports/2026/q3.csv"));
    QCOMPARE(request.resourceAccount, std::string("111122223333"));
    QCOMPARE(request.context.entries().size(), size_t(6));
    const iamx::ContextEntry *tagKeys = request.context.find("aws:tagkeys");
    QVERIFY(tagKeys);
    QVERIFY(tagKeys->multiValued);
    QCOMPARE(values(*tagKeys), (QByteArrayList { "env", "team" }));
    const iamx::ContextEntry *tag = request.context.find("aws:principaltag/team");
    QVERIFY(tag);
    QCOMPARE(tag->key, std::string("aws:PrincipalTag/team"));
    QVERIFY(!tag->multiValued);
    QCOMPARE(values(*tag), QByteArrayList { "blue" });
}

// Several scenarios, one a line, with blank lines and a broken line in the middle: the broken
// one is an error on its own line, the others are read. Text with several values one after
// another is read that way whatever the file is called.
void tst_ScenarioFiles::jsonLines_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::newRow(".jsonl") << QByteArray("cases.jsonl");
    QTest::newRow(".json") << QByteArray("cases.json");
    QTest::newRow("no extension") << QByteArray("cases");
    QTest::newRow("no name") << QByteArray();
}

void tst_ScenarioFiles::jsonLines()
{
    QFETCH(QByteArray, file);

    const QByteArray text = lines({
            "{\"name\": \"first\", \"request\": {\"principal\": \"anonymous\", \"action\": "
            "\"s3:GetObject\", \"resource\": \"arn:aws:s3:::b/k\"}}",
            "",
            "{\"name\": \"second\" \"request\": {\"principal\": \"anonymous\", \"action\": "
            "\"s3:GetObject\", \"resource\": \"*\"}}",
            "  \t ",
            "{\"name\": \"third\", \"request\": {\"principal\": \"lambda.amazonaws.com\", "
            "\"action\": \"sqs:SendMessage\", \"resource\": "
            "\"arn:aws:sqs:eu-west-1:444455556666:q\"}}\r",
            "  {\"name\": \"fourth\", \"request\": {\"principal\": "
            "\"arn:aws:iam::111122223333:root\","
            " \"action\": \"iam:ListUsers\", \"resource\": \"*\"}, \"expect\": \"bogus\"}",
            "",
    });
    const auto entries = read(text, file.constData());
    QCOMPARE(entries.size(), size_t(4));
    for (size_t i = 0; i < entries.size(); ++i)
        QCOMPARE(entries[i].index, i);

    QVERIFY2(entries[0].diagnostics.empty(), describeAll(entries[0]).join('\n').constData());
    QVERIFY(entries[0].scenario);
    QCOMPARE(entries[0].name, std::string("first"));
    QCOMPARE(entries[0].startLine, 1);

    // `{"name": "second" ` then the key that should have followed a comma, in column 19.
    QCOMPARE(describeAll(entries[1]),
            QByteArrayList { describe("", "JSON_SYNTAX_ERROR", "", 3, 19) });
    QCOMPARE(entries[1].diagnostics[0].diagnostic.severity, iamx::Severity::Error);
    QCOMPARE(entries[1].diagnostics[0].diagnostic.where.file, view(file));
    QVERIFY(!entries[1].scenario);
    QCOMPARE(entries[1].startLine, 3);

    QVERIFY2(entries[2].diagnostics.empty(), describeAll(entries[2]).join('\n').constData());
    QVERIFY(entries[2].scenario);
    QCOMPARE(entries[2].name, std::string("third"));
    QCOMPARE(entries[2].startLine, 5);
    QCOMPARE(entries[2].scenario->request.principal.kind, iamx::PrincipalKind::ServicePrincipal);

    // A field error on line 6: the scenario is not evaluated, and says where.
    QCOMPARE(entries[3].name, std::string("fourth"));
    QCOMPARE(entries[3].startLine, 6);
    QCOMPARE(entries[3].startColumn, 3);
    QCOMPARE(describeErrors(entries[3]),
            QByteArrayList { describe("", "INVALID_SCENARIO_FIELD", "/expect", 6, 136) });
    QVERIFY(!entries[3].scenario);
}

void tst_ScenarioFiles::jsonLinesTrailingText()
{
    const QByteArray text = "{\"request\": {\"principal\": \"anonymous\", \"action\": \"s3:Get\", "
                            "\"resource\": \"*\"}} {\"name\": \"b\"}\n"
                            "{\"name\": \"next\", \"request\": {\"principal\": \"anonymous\", "
                            "\"action\": \"s3:Get\", \"resource\": \"*\"}}";
    const auto entries = read(text, "t.jsonl");
    QCOMPARE(entries.size(), size_t(2));
    QCOMPARE(describeAll(entries[0]),
            QByteArrayList { describe("", "JSON_SYNTAX_ERROR", "", 1, 78) });
    QVERIFY(!entries[0].scenario);
    QVERIFY(entries[1].scenario);
    QCOMPARE(entries[1].name, std::string("next"));
}

void tst_ScenarioFiles::jsonArray()
{
    const QByteArray text = lines({
            "[",
            "  {\"name\": \"a\", \"request\": {\"principal\": \"anonymous\", \"action\": "
            "\"s3:GetObject\", \"resource\": \"*\"}},",
            "    {\"name\": \"b\", \"request\": {\"principal\": \"anonymous\", \"action\": "
            "\"s3:GetObject\", \"resource\": 7}},",
            "  42,",
            "  {\"name\": \"d\", \"request\": {\"principal\": \"anonymous\", \"action\": "
            "\"s3:PutObject\", \"resource\": \"*\"}}",
            "]",
    });
    const auto entries = read(text, "all.json");
    QCOMPARE(entries.size(), size_t(4));

    QVERIFY(entries[0].scenario);
    QCOMPARE(entries[0].name, std::string("a"));
    QCOMPARE(entries[0].startLine, 2);
    QCOMPARE(entries[0].startColumn, 3);

    QVERIFY(!entries[1].scenario);
    QCOMPARE(entries[1].startLine, 3);
    QCOMPARE(entries[1].startColumn, 5);
    QCOMPARE(describeAll(entries[1]),
            QByteArrayList { describe("", "INVALID_REQUEST_FIELD", "/request/resource", 3, 95) });

    QVERIFY(!entries[2].scenario);
    QCOMPARE(
            describeAll(entries[2]), QByteArrayList { describe("", "INVALID_SCENARIO", "", 4, 3) });

    QVERIFY(entries[3].scenario);
    QCOMPARE(entries[3].index, size_t(3));
    QCOMPARE(entries[3].scenario->request.action, std::string("s3:PutObject"));
}

void tst_ScenarioFiles::emptyFiles_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<int>("entries");

    QTest::newRow("empty .jsonl") << QByteArray() << QByteArray("e.jsonl") << 0;
    QTest::newRow("blank .jsonl") << QByteArray("\n  \n\t\r\n") << QByteArray("e.jsonl") << 0;
    QTest::newRow("empty .json: an error") << QByteArray() << QByteArray("e.json") << 1;
    QTest::newRow("empty array") << QByteArray(" [ ] ") << QByteArray("e.json") << 0;
}

void tst_ScenarioFiles::emptyFiles()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, file);
    QFETCH(int, entries);

    const auto read = iamx::readScenarios(view(text), view(file));
    QCOMPARE(read.size(), static_cast<size_t>(entries));
    if (entries == 1) {
        QCOMPARE(describeAll(read[0]),
                QByteArrayList { describe("", "JSON_SYNTAX_ERROR", "", 1, 1) });
        QVERIFY(!read[0].scenario);
    }
}

QTEST_APPLESS_MAIN(tst_ScenarioFiles)
#include "tst_scenariofiles.moc"
