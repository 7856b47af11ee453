#include "tests/model/scenariotest.h"

#include <algorithm>

// The policies of a scenario (scenario-format.md): their problems named by the policy they are
// in, pointing within its document and placed in the file; the resource policy read by the rules
// of the resource it guards; the policies' names and levels.

class tst_ScenarioPolicies : public QObject
{
    Q_OBJECT

private slots:
    void policyDiagnostics_data();
    void policyDiagnostics();
    void resourcePolicyKind_data();
    void resourcePolicyKind();
    void policyNamesAndLevels();
};

// Problems inside a policy name the policy (`in`), point within its document, and carry the
// line and column within the file.
void tst_ScenarioPolicies::policyDiagnostics_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<iamx::Severity>("severity");
    QTest::addColumn<QByteArray>("pointer");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    const char *request =
            "  \"request\": {\"principal\": \"arn:aws:iam::111122223333:user/alice\", "
            "\"action\": \"s3:GetObject\", \"resource\": \"arn:aws:s3:::b/k\"}";

    QTest::newRow("identityPolicies[1]") << lines({ "{", "  \"identityPolicies\": [",
            "    {\"name\": \"ok\", \"document\": {\"Version\": \"2012-10-17\", "
            "\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": "
            "\"*\"}}},",
            "    {\"document\": {", "      \"Version\": \"2012-10-17\",",
            "      \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", "
            "\"Resource\": \"*\"},",
            "                    {\"Effect\": \"Alow\", \"Action\": \"*\", \"Resource\": "
            "\"*\"}]",
            "    }}", "  ],", request, "}" })
                                         << QByteArray("s.json")
                                         << QByteArray("identityPolicies[1]")
                                         << QByteArray("INVALID_EFFECT") << iamx::Severity::Error
                                         << QByteArray("/Statement/1/Effect") << 7 << 32;
    QTest::newRow("resourcePolicy")
            << lines({ "{", "  \"resourcePolicy\": {\"name\": \"BucketPolicy\", \"document\": {",
                       "    \"Version\": \"2012-10-17\",",
                       "    \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", "
                       "\"Resource\": \"*\"}",
                       "  }},", request, "}" })
            << QByteArray("s.json") << QByteArray("resourcePolicy")
            << QByteArray("MISSING_PRINCIPAL") << iamx::Severity::Error << QByteArray("/Statement")
            << 4 << 18;
    QTest::newRow("serviceControlPolicies[0][1]")
            << lines({ "{", "  \"serviceControlPolicies\": [", "    [",
                       "      {\"document\": {\"Version\": \"2012-10-17\", \"Statement\": "
                       "{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}}},",
                       "      {\"document\": {\"Version\": \"2012-10-17\", \"Statement\": "
                       "{\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\",",
                       "        \"Principal\": \"*\"}}}", "    ]", "  ],", request, "}" })
            << QByteArray("s.json") << QByteArray("serviceControlPolicies[0][1]")
            << QByteArray("UNSUPPORTED_PRINCIPAL") << iamx::Severity::Error
            << QByteArray("/Statement/Principal") << 6 << 22;
    QTest::newRow("resourceControlPolicies[1][0]")
            << lines({ "{", "  \"resourceControlPolicies\": [[], [",
                       "    {\"document\": {\"Version\": \"2012-10-17\", \"Statement\": "
                       "{\"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"*\"}}}",
                       "  ]],", request, "}" })
            << QByteArray("s.json") << QByteArray("resourceControlPolicies[1][0]")
            << QByteArray("MISSING_RESOURCE") << iamx::Severity::Error << QByteArray("/Statement")
            << 3 << 57;
    QTest::newRow("permissionsBoundary") << lines({ "{", request + QByteArray(","),
            "  \"permissionsBoundary\": {\"document\": {", "    \"Version\": \"2012-10-18\",",
            "    \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": "
            "\"*\"}}}",
            "}" }) << QByteArray("s.json")
                                         << QByteArray("permissionsBoundary")
                                         << QByteArray("INVALID_VERSION") << iamx::Severity::Error
                                         << QByteArray("/Version") << 4 << 16;
    QTest::newRow("sessionPolicy is no object")
            << lines({ "{", request + QByteArray(","),
                       "  \"sessionPolicy\": {\"document\": [\"s3:*\"]}", "}" })
            << QByteArray("s.json") << QByteArray("sessionPolicy")
            << QByteArray("DATA_TYPE_MISMATCH") << iamx::Severity::Error << QByteArray() << 3 << 33;
    QTest::newRow("a warning") << lines({ "{",
            "  \"identityPolicies\": [{\"document\": {\"Version\": \"2012-10-17\", "
            "\"Statement\": {",
            "    \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": "
            "[\"arn:aws:s3:::b/*\", \"b\"]}}}],",
            request, "}" }) << QByteArray("s.json")
                               << QByteArray("identityPolicies[0]")
                               << QByteArray("INVALID_ARN_PREFIX") << iamx::Severity::Warning
                               << QByteArray("/Statement/Resource/1") << 3 << 83;
    QTest::newRow("second line of a .jsonl file")
            << lines({ "{\"request\": {\"principal\": \"anonymous\", \"action\": \"s3:GetObject\", "
                       "\"resource\": \"*\"}}",
                       "{\"request\": {\"principal\": \"anonymous\", \"action\": \"s3:GetObject\", "
                       "\"resource\": \"*\"}, \"resourcePolicy\": {\"document\": {\"Statement\": "
                       "{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"GetObject\", "
                       "\"Resource\": \"*\"}}}}" })
            << QByteArray("s.jsonl") << QByteArray("resourcePolicy") << QByteArray("INVALID_ACTION")
            << iamx::Severity::Error << QByteArray("/Statement/Action") << 2 << 177;
}

void tst_ScenarioPolicies::policyDiagnostics()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, file);
    QFETCH(QByteArray, in);
    QFETCH(QByteArray, code);
    QFETCH(iamx::Severity, severity);
    QFETCH(QByteArray, pointer);
    QFETCH(int, line);
    QFETCH(int, column);

    const auto entries = read(text, file.constData());
    QVERIFY(!entries.empty());
    const iamx::ScenarioEntry &entry = entries.back();
    const QByteArrayList all = describeAll(entry);
    const auto found = std::find_if(entry.diagnostics.begin(), entry.diagnostics.end(),
            [&](const iamx::ScenarioDiagnostic &d) { return bytes(d.diagnostic.code) == code; });
    QVERIFY2(found != entry.diagnostics.end(), all.join('\n').constData());
    QCOMPARE(describe(*found), describe(in, code, pointer, line, column));
    QCOMPARE(found->diagnostic.severity, severity);
    QCOMPARE(bytes(found->diagnostic.where.file), file);
    if (severity == iamx::Severity::Error) {
        QCOMPARE(describeErrors(entry).size(), qsizetype(1));
        QVERIFY(!entry.scenario);
    } else {
        QVERIFY2(!entry.hasErrors(), all.join('\n').constData());
        QVERIFY(entry.scenario);
    }
}

// The resource policy is read by the rules of the resource it guards: a role's trust policy
// for sts:AssumeRole* and friends on a role (no Resource needed), a key policy for a KMS key,
// an ordinary resource policy otherwise (Resource needed).
void tst_ScenarioPolicies::resourcePolicyKind_data()
{
    QTest::addColumn<QByteArray>("action");
    QTest::addColumn<QByteArray>("resource");
    QTest::addColumn<bool>("withResource"); // whether the policy's statement has a Resource
    QTest::addColumn<iamx::ResourcePolicyKind>("kind");
    QTest::addColumn<QByteArray>("error"); // the one error expected, or empty

    using K = iamx::ResourcePolicyKind;
    const QByteArray role = "arn:aws:iam::111122223333:role/Deploy";
    QTest::newRow("AssumeRole on a role")
            << QByteArray("sts:AssumeRole") << role << false << K::TrustPolicy << QByteArray();
    QTest::newRow("AssumeRoleWithWebIdentity on a role")
            << QByteArray("sts:AssumeRoleWithWebIdentity") << role << false << K::TrustPolicy
            << QByteArray();
    QTest::newRow("AssumeRoleWithSAML on a role") << QByteArray("sts:AssumeRoleWithSAML") << role
                                                  << false << K::TrustPolicy << QByteArray();
    QTest::newRow("SetSourceIdentity on a role") << QByteArray("sts:SetSourceIdentity") << role
                                                 << false << K::TrustPolicy << QByteArray();
    QTest::newRow("TagSession on a role")
            << QByteArray("sts:TagSession") << role << false << K::TrustPolicy << QByteArray();
    QTest::newRow("action in another case")
            << QByteArray("STS:assumerole") << role << false << K::TrustPolicy << QByteArray();
    QTest::newRow("trust policy with a Resource")
            << QByteArray("sts:AssumeRole") << role << true << K::TrustPolicy << QByteArray();
    QTest::newRow("GetRole on a role: ordinary") << QByteArray("iam:GetRole") << role << false
                                                 << K::Ordinary << QByteArray("MISSING_RESOURCE");
    QTest::newRow("AssumeRole on a user: ordinary")
            << QByteArray("sts:AssumeRole") << QByteArray("arn:aws:iam::111122223333:user/u")
            << false << K::Ordinary << QByteArray("MISSING_RESOURCE");
    QTest::newRow("GetObject on a bucket: ordinary")
            << QByteArray("s3:GetObject") << QByteArray("arn:aws:s3:::b/k") << false << K::Ordinary
            << QByteArray("MISSING_RESOURCE");
    QTest::newRow("GetObject on a bucket with Resource")
            << QByteArray("s3:GetObject") << QByteArray("arn:aws:s3:::b/k") << true << K::Ordinary
            << QByteArray();
    QTest::newRow("Decrypt on a key: key policy")
            << QByteArray("kms:Decrypt")
            << QByteArray("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-"
                          "1234567890ab")
            << false << K::KeyPolicy << QByteArray("MISSING_RESOURCE");
    QTest::newRow("Decrypt on a key with Resource")
            << QByteArray("kms:Decrypt")
            << QByteArray("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-"
                          "1234567890ab")
            << true << K::KeyPolicy << QByteArray();
}

void tst_ScenarioPolicies::resourcePolicyKind()
{
    QFETCH(QByteArray, action);
    QFETCH(QByteArray, resource);
    QFETCH(bool, withResource);
    QFETCH(iamx::ResourcePolicyKind, kind);
    QFETCH(QByteArray, error);

    // The resource policy comes before the request: what it is follows from the request all
    // the same.
    const QByteArray text = lines({
            "{",
            "  \"resourcePolicy\": {\"document\": {\"Version\": \"2012-10-17\", \"Statement\": {",
            withResource ? "    \"Resource\": \"*\"," : "",
            "    \"Effect\": \"Allow\", \"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, "
            "\"Action\": \"*\"}}},",
            ("  \"request\": {\"principal\": \"ec2.amazonaws.com\", \"action\": \"" + action
                    + "\", \"resource\": \"" + resource + "\"}")
                    .constData(),
            "}",
    });
    const auto entries = read(text, "k.json");
    QCOMPARE(entries.size(), size_t(1));
    const iamx::ScenarioEntry &entry = entries[0];
    if (error.isEmpty()) {
        QVERIFY2(entry.diagnostics.empty(), describeAll(entry).join('\n').constData());
        QVERIFY(entry.scenario);
        QVERIFY(entry.scenario->policies.resource);
        QCOMPARE(static_cast<int>(entry.scenario->policies.resource->resourceKind),
                static_cast<int>(kind));
        QCOMPARE(entry.scenario->policies.resource->statements.at(0).resourceMode,
                withResource ? iamx::Statement::ResourceMode::Resource
                             : iamx::Statement::ResourceMode::None);
    } else {
        QCOMPARE(describeErrors(entry),
                QByteArrayList { describe("resourcePolicy", error, "/Statement", 2, 73) });
        QVERIFY(!entry.scenario);
    }
}

void tst_ScenarioPolicies::policyNamesAndLevels()
{
    const QByteArray text = scenarioText(aliceReads,
            { "\"identityPolicies\": [",
                    "  {\"document\": {\"Version\": \"2012-10-17\", \"Statement\": []}},",
                    "  {\"name\": \"Named\", \"document\": {\"Version\": \"2012-10-17\", "
                    "\"Statement\": "
                    "[]}}",
                    "],",
                    "\"sessionPolicy\": {\"document\": {\"Version\": \"2012-10-17\", "
                    "\"Statement\": []}},",
                    "\"resourceControlPolicies\": [[], [{\"document\": {\"Version\": "
                    "\"2012-10-17\", "
                    "\"Statement\": []}}]],",
                    "\"serviceControlPolicies\": []" });
    const auto entries = read(text, "n.json");
    QCOMPARE(entries.size(), size_t(1));
    QVERIFY2(entries[0].scenario, describeAll(entries[0]).join('\n').constData());
    // Empty Statement arrays are warnings, named by their policy.
    QByteArrayList warned;
    for (const auto &d : entries[0].diagnostics)
        warned.append(bytes(d.in) + ' ' + bytes(d.diagnostic.code));
    std::sort(warned.begin(), warned.end());
    QCOMPARE(warned,
            (QByteArrayList { "identityPolicies[0] EMPTY_ARRAY_STATEMENT",
                    "identityPolicies[1] EMPTY_ARRAY_STATEMENT",
                    "resourceControlPolicies[1][0] EMPTY_ARRAY_STATEMENT",
                    "sessionPolicy EMPTY_ARRAY_STATEMENT" }));

    const iamx::PolicySet &policies = entries[0].scenario->policies;
    QCOMPARE(policies.identity.size(), size_t(2));
    QCOMPARE(policies.identity[0]->name, std::string("identityPolicies[0]"));
    QCOMPARE(policies.identity[1]->name, std::string("Named"));
    QVERIFY(policies.session);
    QCOMPARE(policies.session->name, std::string("sessionPolicy"));
    QCOMPARE(policies.session->type, iamx::PolicyType::Session);
    QCOMPARE(policies.rcpLevels.size(), size_t(2));
    QVERIFY(policies.rcpLevels[0].empty());
    QCOMPARE(policies.rcpLevels[1].size(), size_t(1));
    QCOMPARE(policies.rcpLevels[1][0]->type, iamx::PolicyType::ResourceControl);
    QVERIFY(policies.scpLevels.empty());
    QVERIFY(!policies.resource);
    QVERIFY(!policies.permissionsBoundary);
}

QTEST_APPLESS_MAIN(tst_ScenarioPolicies)
#include "tst_scenariopolicies.moc"
