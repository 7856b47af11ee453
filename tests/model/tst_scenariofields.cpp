#include "tests/model/scenariotest.h"

#include <algorithm>

// A scenario's own fields (scenario-format.md): every problem with its pointer and line:column
// in the file, and the request as the evaluator gets it: the principal, the context keys, the
// expected decision and the resource's account.

class tst_ScenarioFields : public QObject
{
    Q_OBJECT

private slots:
    void scenarioErrors_data();
    void scenarioErrors();
    void requestPrincipals_data();
    void requestPrincipals();
    void context();
    void expectField_data();
    void expectField();
    void resourceAccount_data();
    void resourceAccount();
};

// Problems of the scenario's own fields: `in` is empty and the pointer is within the scenario.
void tst_ScenarioFields::scenarioErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArrayList>("errors"); // every error, in any order

    const auto error = [](const char *code, const char *pointer, int line, int column) {
        return describe("", code, pointer, line, column);
    };

    // Missing request fields: at the object that lacks them.
    QTest::newRow("no request") << lines({ "{", "  \"name\": \"lost\"",
            "}" }) << QByteArrayList { error("MISSING_REQUEST_FIELD", "/request", 1, 1) };
    QTest::newRow("no principal") << scenarioText(
            { "\"action\": \"s3:GetObject\",", "\"resource\": \"*\"" })
                                  << QByteArrayList { error("MISSING_REQUEST_FIELD",
                                             "/request/principal", 2, 14) };
    QTest::newRow("no action") << scenarioText(
            { "\"principal\": \"anonymous\",", "\"resource\": \"*\"" })
                               << QByteArrayList { error(
                                          "MISSING_REQUEST_FIELD", "/request/action", 2, 14) };
    QTest::newRow("no resource") << scenarioText(
            { "\"principal\": \"anonymous\",", "\"action\": \"s3:GetObject\"" })
                                 << QByteArrayList { error(
                                            "MISSING_REQUEST_FIELD", "/request/resource", 2, 14) };
    QTest::newRow("empty request")
            << scenarioText({})
            << QByteArrayList { error("MISSING_REQUEST_FIELD", "/request/principal", 2, 14),
                   error("MISSING_REQUEST_FIELD", "/request/action", 2, 14),
                   error("MISSING_REQUEST_FIELD", "/request/resource", 2, 14) };

    // Mistyped request fields: at the value.
    QTest::newRow("request is an array")
            << lines({ "{", "  \"request\": []", "}" })
            << QByteArrayList { error("INVALID_REQUEST_FIELD", "/request", 2, 14) };
    QTest::newRow("principal is a number")
            << scenarioText({ "\"principal\": 111122223333,", "\"action\": \"s3:GetObject\",",
                       "\"resource\": \"*\"" })
            << QByteArrayList { error("INVALID_REQUEST_FIELD", "/request/principal", 3, 18) };
    QTest::newRow("principal is empty")
            << scenarioText({ "\"principal\": \"\",", "\"action\": \"s3:GetObject\",",
                       "\"resource\": \"*\"" })
            << QByteArrayList { error("INVALID_REQUEST_FIELD", "/request/principal", 3, 18) };
    const char *badPrincipals[][2] = {
        { "principal is a bare name", "\"principal\": \"alice\"," },
        { "principal with a short account", "\"principal\": \"arn:aws:iam::1111:user/alice\"," },
        { "principal is a bucket", "\"principal\": \"arn:aws:s3:::b\"," },
        { "principal is a group", "\"principal\": \"arn:aws:iam::111122223333:group/devs\"," },
        { "principal is a user without name",
                "\"principal\": \"arn:aws:iam::111122223333:user/\"," },
        { "principal is a session without name",
                "\"principal\": \"arn:aws:sts::111122223333:assumed-role/Admin\"," },
        { "principal is a host with a space", "\"principal\": \"lambda amazonaws.com\"," },
    };
    for (const auto &[name, line] : badPrincipals)
        QTest::newRow(name) << scenarioText(
                { line, "\"action\": \"s3:GetObject\",", "\"resource\": \"*\"" })
                            << QByteArrayList { error(
                                       "INVALID_REQUEST_FIELD", "/request/principal", 3, 18) };
    QTest::newRow("action without service")
            << scenarioText({ "\"principal\": \"anonymous\",", "\"action\": \"GetObject\",",
                       "\"resource\": \"*\"" })
            << QByteArrayList { error("INVALID_REQUEST_FIELD", "/request/action", 4, 15) };
    QTest::newRow("action without name")
            << scenarioText({ "\"principal\": \"anonymous\",", "\"action\": \"s3:\",",
                       "\"resource\": \"*\"" })
            << QByteArrayList { error("INVALID_REQUEST_FIELD", "/request/action", 4, 15) };
    QTest::newRow("action is an array")
            << scenarioText({ "\"principal\": \"anonymous\",", "\"action\": [\"s3:GetObject\"],",
                       "\"resource\": \"*\"" })
            << QByteArrayList { error("INVALID_REQUEST_FIELD", "/request/action", 4, 15) };
    QTest::newRow("resource is a number")
            << scenarioText({ "\"principal\": \"anonymous\",", "\"action\": \"s3:GetObject\",",
                       "\"resource\": 5" })
            << QByteArrayList { error("INVALID_REQUEST_FIELD", "/request/resource", 5, 17) };
    QTest::newRow("resource is empty")
            << scenarioText({ "\"principal\": \"anonymous\",", "\"action\": \"s3:GetObject\",",
                       "\"resource\": \"\"" })
            << QByteArrayList { error("INVALID_REQUEST_FIELD", "/request/resource", 5, 17) };
    QTest::newRow("resourceAccount is a number")
            << scenarioText({ "\"principal\": \"anonymous\",", "\"action\": \"s3:GetObject\",",
                       "\"resource\": \"*\",", "\"resourceAccount\": 111122223333" })
            << QByteArrayList { error("INVALID_REQUEST_FIELD", "/request/resourceAccount", 6, 24) };
    QTest::newRow("context is an array")
            << scenarioText({ "\"principal\": \"anonymous\",", "\"action\": \"s3:GetObject\",",
                       "\"resource\": \"*\",", "\"context\": [\"aws:username\"]" })
            << QByteArrayList { error("INVALID_REQUEST_FIELD", "/request/context", 6, 16) };
    QTest::newRow("context value is null")
            << scenarioText({ "\"principal\": \"anonymous\",", "\"action\": \"s3:GetObject\",",
                       "\"resource\": \"*\",", "\"context\": {\"aws:username\": null}" })
            << QByteArrayList { error(
                       "INVALID_REQUEST_FIELD", "/request/context/aws:username", 6, 33) };
    QTest::newRow("context value is an object, '/' escaped in the pointer")
            << scenarioText({ "\"principal\": \"anonymous\",", "\"action\": \"s3:GetObject\",",
                       "\"resource\": \"*\",", "\"context\": {\"aws:PrincipalTag/team\": {}}" })
            << QByteArrayList { error(
                       "INVALID_REQUEST_FIELD", "/request/context/aws:PrincipalTag~1team", 6, 42) };
    QTest::newRow("context list holds an object")
            << scenarioText({ "\"principal\": \"anonymous\",", "\"action\": \"s3:GetObject\",",
                       "\"resource\": \"*\",", "\"context\": {\"aws:TagKeys\": [\"a\", {}]}" })
            << QByteArrayList { error(
                       "INVALID_REQUEST_FIELD", "/request/context/aws:TagKeys", 6, 32) };
    QTest::newRow("context keys differing in case")
            << scenarioText({ "\"principal\": \"anonymous\",", "\"action\": \"s3:GetObject\",",
                       "\"resource\": \"*\",", "\"context\": {",
                       "  \"aws:SourceIp\": \"10.0.0.1\",", "  \"AWS:SourceIP\": \"10.0.0.2\"",
                       "}" })
            << QByteArrayList { error("DUPLICATE_KEY", "/request/context/AWS:SourceIP", 8, 23) };
    QTest::newRow("context key twice")
            << scenarioText({ "\"principal\": \"anonymous\",", "\"action\": \"s3:GetObject\",",
                       "\"resource\": \"*\",", "\"context\": {", "  \"aws:username\": \"a\",",
                       "  \"aws:username\": \"a\"", "}" })
            << QByteArrayList { error("DUPLICATE_KEY", "/request/context/aws:username", 8, 23) };

    // Unknown fields: at the value.
    QTest::newRow("unknown request field")
            << scenarioText({ "\"principal\": \"anonymous\",", "\"action\": \"s3:GetObject\",",
                       "\"resource\": \"*\",", "\"region\": \"eu-west-1\"" })
            << QByteArrayList { error("UNKNOWN_SCENARIO_FIELD", "/request/region", 6, 15) };
    QTest::newRow("misspelt request field")
            << scenarioText({ "\"principle\": \"anonymous\",", "\"action\": \"s3:GetObject\",",
                       "\"resource\": \"*\"" })
            << QByteArrayList { error("UNKNOWN_SCENARIO_FIELD", "/request/principle", 3, 18),
                   error("MISSING_REQUEST_FIELD", "/request/principal", 2, 14) };
    QTest::newRow("unknown scenario field")
            << scenarioText(aliceReads, { "\"expected\": \"allowed\"" })
            << QByteArrayList { error("UNKNOWN_SCENARIO_FIELD", "/expected", 7, 15) };
    QTest::newRow("unknown field of a policy entry")
            << scenarioText(aliceReads, { "\"sessionPolicy\": {\"name\": \"s\", \"policy\": {}}" })
            << QByteArrayList { error("UNKNOWN_SCENARIO_FIELD", "/sessionPolicy/policy", 7, 44),
                   error("MISSING_SCENARIO_FIELD", "/sessionPolicy", 7, 20) };

    // Mistyped scenario fields.
    QTest::newRow("name is a number")
            << scenarioText(aliceReads, { "\"name\": 5" })
            << QByteArrayList { error("INVALID_SCENARIO_FIELD", "/name", 7, 11) };
    QTest::newRow("note is a boolean")
            << scenarioText(aliceReads, { "\"note\": true" })
            << QByteArrayList { error("INVALID_SCENARIO_FIELD", "/note", 7, 11) };
    QTest::newRow("expect is no decision")
            << scenarioText(aliceReads, { "\"expect\": \"allow\"" })
            << QByteArrayList { error("INVALID_SCENARIO_FIELD", "/expect", 7, 13) };
    QTest::newRow("identityPolicies is an object")
            << scenarioText(aliceReads, { "\"identityPolicies\": {}" })
            << QByteArrayList { error("INVALID_SCENARIO_FIELD", "/identityPolicies", 7, 23) };
    QTest::newRow("identityPolicies entry is a string")
            << scenarioText(aliceReads, { "\"identityPolicies\": [\"ReadOnly\"]" })
            << QByteArrayList { error("INVALID_SCENARIO_FIELD", "/identityPolicies/0", 7, 24) };
    QTest::newRow("SCP level is an object")
            << scenarioText(aliceReads, { "\"serviceControlPolicies\": [{\"document\": {}}]" })
            << QByteArrayList { error(
                       "INVALID_SCENARIO_FIELD", "/serviceControlPolicies/0", 7, 30) };
    QTest::newRow("RCPs are an object")
            << scenarioText(aliceReads, { "\"resourceControlPolicies\": {}" })
            << QByteArrayList { error(
                       "INVALID_SCENARIO_FIELD", "/resourceControlPolicies", 7, 30) };
    QTest::newRow("resourcePolicy is a string")
            << scenarioText(aliceReads, { "\"resourcePolicy\": \"none\"" })
            << QByteArrayList { error("INVALID_SCENARIO_FIELD", "/resourcePolicy", 7, 21) };
    QTest::newRow("policy without document")
            << scenarioText(aliceReads, { "\"permissionsBoundary\": {\"name\": \"b\"}" })
            << QByteArrayList { error("MISSING_SCENARIO_FIELD", "/permissionsBoundary", 7, 26) };
    QTest::newRow("policy name is a number")
            << scenarioText(aliceReads,
                       { "\"sessionPolicy\": {\"name\": 1, \"document\": {\"Version\": "
                         "\"2012-10-17\", \"Statement\": []}}" })
            << QByteArrayList { error("INVALID_SCENARIO_FIELD", "/sessionPolicy/name", 7, 29) };
    QTest::newRow("scenario is a string") << QByteArray("\"alice reads\"")
                                          << QByteArrayList { error("INVALID_SCENARIO", "", 1, 1) };

    // Duplicate keys.
    QTest::newRow("duplicate scenario field")
            << scenarioText(aliceReads, { "\"name\": \"a\",", "\"name\": \"b\"" })
            << QByteArrayList { error("DUPLICATE_KEY", "/name", 8, 11) };
    QTest::newRow("duplicate request field")
            << scenarioText({ "\"principal\": \"arn:aws:iam::111122223333:user/alice\",",
                       "\"action\": \"s3:GetObject\",", "\"resource\": \"arn:aws:s3:::b/k\",",
                       "\"action\": \"s3:DeleteObject\"" })
            << QByteArrayList { error("DUPLICATE_KEY", "/request/action", 6, 15) };
}

void tst_ScenarioFields::scenarioErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArrayList, errors);

    const auto entries = read(text, "s.json");
    QCOMPARE(entries.size(), size_t(1));
    const iamx::ScenarioEntry &entry = entries[0];
    QByteArrayList actual = describeErrors(entry);
    std::sort(actual.begin(), actual.end());
    std::sort(errors.begin(), errors.end());
    QCOMPARE(actual, errors);
    QVERIFY(entry.hasErrors());
    QVERIFY(!entry.scenario);
    for (const auto &d : entry.diagnostics) {
        QCOMPARE(d.diagnostic.where.file, std::string("s.json"));
        QVERIFY(!d.diagnostic.message.empty());
    }
}

void tst_ScenarioFields::requestPrincipals_data()
{
    QTest::addColumn<QByteArray>("principal");
    QTest::addColumn<iamx::PrincipalKind>("kind");
    QTest::addColumn<QByteArray>("account");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("session");

    using K = iamx::PrincipalKind;
    QTest::newRow("user") << QByteArray("arn:aws:iam::111122223333:user/alice") << K::IamUser
                          << QByteArray("111122223333") << QByteArray("alice") << QByteArray();
    QTest::newRow("user with a path")
            << QByteArray("arn:aws:iam::111122223333:user/dev/alice") << K::IamUser
            << QByteArray("111122223333") << QByteArray("alice") << QByteArray();
    QTest::newRow("role") << QByteArray("arn:aws:iam::111122223333:role/Admin") << K::RoleSession
                          << QByteArray("111122223333") << QByteArray("Admin") << QByteArray();
    QTest::newRow("assumed role") << QByteArray(
            "arn:aws:sts::111122223333:assumed-role/Admin/alice")
                                  << K::RoleSession << QByteArray("111122223333")
                                  << QByteArray("Admin") << QByteArray("alice");
    QTest::newRow("root") << QByteArray("arn:aws:iam::111122223333:root") << K::Root
                          << QByteArray("111122223333") << QByteArray() << QByteArray();
    QTest::newRow("federated user")
            << QByteArray("arn:aws:sts::111122223333:federated-user/bob") << K::FederatedUser
            << QByteArray("111122223333") << QByteArray("bob") << QByteArray();
    QTest::newRow("service") << QByteArray("lambda.amazonaws.com") << K::ServicePrincipal
                             << QByteArray() << QByteArray("lambda.amazonaws.com") << QByteArray();
    QTest::newRow("identity provider host")
            << QByteArray("accounts.google.com") << K::FederatedProvider << QByteArray()
            << QByteArray("accounts.google.com") << QByteArray();
    QTest::newRow("SAML provider")
            << QByteArray("arn:aws:iam::111122223333:saml-provider/Okta") << K::FederatedProvider
            << QByteArray("111122223333")
            << QByteArray("arn:aws:iam::111122223333:saml-provider/Okta") << QByteArray();
    QTest::newRow("anonymous") << QByteArray("anonymous") << K::Anonymous << QByteArray()
                               << QByteArray() << QByteArray();
}

void tst_ScenarioFields::requestPrincipals()
{
    QFETCH(QByteArray, principal);
    QFETCH(iamx::PrincipalKind, kind);
    QFETCH(QByteArray, account);
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, session);

    const QByteArray principalLine = "\"principal\": \"" + principal + "\",";
    const auto entries = read(scenarioText({ principalLine.constData(),
                                      "\"action\": \"s3:GetObject\",", "\"resource\": \"*\"" }),
            "p.json");
    QCOMPARE(entries.size(), size_t(1));
    QVERIFY2(entries[0].scenario, describeAll(entries[0]).join('\n').constData());
    const iamx::RequestPrincipal &parsed = entries[0].scenario->request.principal;
    QCOMPARE(static_cast<int>(parsed.kind), static_cast<int>(kind));
    QCOMPARE(bytes(parsed.text), principal);
    QCOMPARE(bytes(parsed.account), account);
    QCOMPARE(bytes(parsed.name), name);
    QCOMPARE(bytes(parsed.session), session);
    QCOMPARE(parsed.sessionKnown, !session.isEmpty());
}

// A key is multi-valued exactly when its value is an array; numbers and booleans become their
// text.
void tst_ScenarioFields::context()
{
    const QByteArray text = scenarioText({
            "\"principal\": \"arn:aws:iam::111122223333:user/alice\",",
            "\"action\": \"s3:ListBucket\",",
            "\"resource\": \"arn:aws:s3:::b\",",
            "\"context\": {",
            "  \"aws:TagKeys\": [\"env\", \"team\"],",
            "  \"aws:username\": \"alice\",",
            "  \"s3:max-keys\": \"10\",",
            "  \"n:f\": \"3.50\",",
            "  \"aws:SecureTransport\": \"true\",",
            "  \"aws:MultiFactorAuthPresent\": \"false\",",
            "  \"one:list\": [\"x\"],",
            "  \"empty:list\": [],",
            "  \"mixed:list\": [\"a\", \"1\", \"true\"]",
            "}",
    });
    const auto entries = read(text, "c.json");
    QCOMPARE(entries.size(), size_t(1));
    QVERIFY2(entries[0].scenario, describeAll(entries[0]).join('\n').constData());
    const iamx::RequestContext &context = entries[0].scenario->request.context;
    QCOMPARE(context.entries().size(), size_t(9));

    struct Expected
    {
        const char *lowerKey;
        bool multiValued;
        QByteArrayList values;
    };
    const Expected expected[] = {
        { "aws:tagkeys", true, { "env", "team" } },
        { "aws:username", false, { "alice" } },
        { "s3:max-keys", false, { "10" } },
        { "n:f", false, { "3.50" } },
        { "aws:securetransport", false, { "true" } },
        { "aws:multifactorauthpresent", false, { "false" } },
        { "one:list", true, { "x" } },
        { "empty:list", true, {} },
        { "mixed:list", true, { "a", "1", "true" } },
    };
    for (const auto &e : expected) {
        const iamx::ContextEntry *entry = context.find(e.lowerKey);
        QVERIFY2(entry, e.lowerKey);
        QCOMPARE(entry->multiValued, e.multiValued);
        QCOMPARE(values(*entry), e.values);
    }
    QCOMPARE(context.find("aws:securetransport")->key, std::string("aws:SecureTransport"));
    QVERIFY(!context.find("aws:principalarn")); // nothing is derived from the principal

    // Values are strings, as AWS sends them: a JSON number or boolean is a mistyped field.
    for (const char *value : { "10", "true", "[\"a\", 1]" }) {
        const QByteArray typed = scenarioText({
                "\"principal\": \"arn:aws:iam::111122223333:user/alice\",",
                "\"action\": \"s3:ListBucket\",",
                "\"resource\": \"arn:aws:s3:::b\",",
                QByteArray("\"context\": {\"k:k\": ") + value + "}",
        });
        const auto typedEntries = read(typed, "t.json");
        QCOMPARE(typedEntries.size(), size_t(1));
        QVERIFY(!typedEntries[0].scenario);
        QCOMPARE(typedEntries[0].diagnostics.at(0).diagnostic.code,
                std::string("INVALID_REQUEST_FIELD"));
    }
}

void tst_ScenarioFields::expectField_data()
{
    QTest::addColumn<QByteArray>("expect");
    QTest::addColumn<int>("decision"); // a DecisionKind, or -1 for INVALID_SCENARIO_FIELD

    QTest::newRow("allowed") << QByteArray("\"allowed\"")
                             << static_cast<int>(iamx::DecisionKind::Allowed);
    QTest::newRow("explicitDeny") << QByteArray("\"explicitDeny\"")
                                  << static_cast<int>(iamx::DecisionKind::ExplicitDeny);
    QTest::newRow("implicitDeny") << QByteArray("\"implicitDeny\"")
                                  << static_cast<int>(iamx::DecisionKind::ImplicitDeny);
    QTest::newRow("Allowed") << QByteArray("\"Allowed\"") << -1;
    QTest::newRow("deny") << QByteArray("\"deny\"") << -1;
    QTest::newRow("true") << QByteArray("true") << -1;
    QTest::newRow("null") << QByteArray("null") << -1;
}

void tst_ScenarioFields::expectField()
{
    QFETCH(QByteArray, expect);
    QFETCH(int, decision);

    const QByteArray member = "\"expect\": " + expect;
    const auto entries = read(scenarioText(aliceReads, { member.constData() }), "e.json");
    QCOMPARE(entries.size(), size_t(1));
    if (decision < 0) {
        QCOMPARE(describeAll(entries[0]),
                QByteArrayList { describe("", "INVALID_SCENARIO_FIELD", "/expect", 7, 13) });
        QVERIFY(!entries[0].scenario);
        return;
    }
    QVERIFY2(entries[0].scenario, describeAll(entries[0]).join('\n').constData());
    QVERIFY(entries[0].scenario->expect);
    QCOMPARE(static_cast<int>(*entries[0].scenario->expect), decision);
}

void tst_ScenarioFields::resourceAccount_data()
{
    QTest::addColumn<QByteArray>("principal");
    QTest::addColumn<QByteArray>("resource");
    QTest::addColumn<QByteArray>("given"); // request.resourceAccount; empty: left out
    QTest::addColumn<QByteArray>("account");

    const QByteArray alice = "arn:aws:iam::111122223333:user/alice";
    QTest::newRow("S3 ARN: the principal's") << alice << QByteArray("arn:aws:s3:::b/k")
                                             << QByteArray() << QByteArray("111122223333");
    QTest::newRow("ARN with an account: that one")
            << alice << QByteArray("arn:aws:sqs:eu-west-1:444455556666:q") << QByteArray()
            << QByteArray("444455556666");
    QTest::newRow("role ARN") << QByteArray("lambda.amazonaws.com")
                              << QByteArray("arn:aws:iam::444455556666:role/R") << QByteArray()
                              << QByteArray("444455556666");
    QTest::newRow("*: the principal's")
            << alice << QByteArray("*") << QByteArray() << QByteArray("111122223333");
    QTest::newRow("given wins") << alice << QByteArray("arn:aws:s3:::b/k")
                                << QByteArray("777788889999") << QByteArray("777788889999");
    QTest::newRow("anonymous and S3: none")
            << QByteArray("anonymous") << QByteArray("arn:aws:s3:::b/k") << QByteArray()
            << QByteArray();
}

void tst_ScenarioFields::resourceAccount()
{
    QFETCH(QByteArray, principal);
    QFETCH(QByteArray, resource);
    QFETCH(QByteArray, given);
    QFETCH(QByteArray, account);

    QByteArray request = "{\"principal\": \"" + principal
            + "\", \"action\": \"sts:AssumeRole\", \"resource\": \"" + resource + "\"";
    if (!given.isEmpty())
        request += ", \"resourceAccount\": \"" + given + "\"";
    const auto entries = read("{\"request\": " + request + "}}", "r.json");
    QCOMPARE(entries.size(), size_t(1));
    QVERIFY2(entries[0].scenario, describeAll(entries[0]).join('\n').constData());
    QCOMPARE(bytes(entries[0].scenario->request.resourceAccount), account);
}

QTEST_APPLESS_MAIN(tst_ScenarioFields)
#include "tst_scenariofields.moc"
