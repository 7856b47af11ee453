#include "model/scenario.h"

#include <QTest>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

// Scenario files (scenario-format.md): one scenario per .json file, an array of them, or one a
// line; every problem of a scenario with its place in the file, policy problems named by the
// policy they are in; and the request as the evaluator gets it.

Q_DECLARE_METATYPE(iamx::PrincipalKind)
Q_DECLARE_METATYPE(iamx::ResourcePolicyKind)
Q_DECLARE_METATYPE(iamx::Severity)

namespace {

using Lines = std::vector<const char *>;

std::string_view view(const QByteArray &bytes)
{
    return std::string_view(bytes.constData(), static_cast<size_t>(bytes.size()));
}

QByteArray bytes(std::string_view text)
{
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

QByteArray lines(const Lines &text)
{
    QByteArray joined;
    bool first = true;
    for (const char *line : text) {
        if (!first)
            joined += '\n';
        joined += line;
        first = false;
    }
    return joined;
}

// A scenario laid out for counting positions by eye: line 1 is `{`, line 2 `  "request": {`
// (that `{` is at 2:14), request member i (0-based) is on line 3 + i indented by four (its value
// starts in column 9 + the key's length), line 3 + n closes the request, and each extra
// top-level member follows on its own line indented by two (value column 7 + key length).
QByteArray scenarioText(const Lines &request, const Lines &extra = {})
{
    QByteArray text = "{\n  \"request\": {\n";
    for (const char *member : request)
        text += QByteArray("    ") + member + '\n';
    text += extra.empty() ? "  }\n" : "  },\n";
    for (const char *member : extra)
        text += QByteArray("  ") + member + '\n';
    return text + '}';
}

const Lines aliceReads { "\"principal\": \"arn:aws:iam::111122223333:user/alice\",",
    "\"action\": \"s3:GetObject\",", "\"resource\": \"arn:aws:s3:::b/k\"" };

// One finding as a line QCOMPARE can show: `in|CODE /pointer line:column` (in and pointer `''`
// when empty).
QByteArray describe(const QByteArray &in, const QByteArray &code, const QByteArray &pointer,
        int line, int column)
{
    return (in.isEmpty() ? "''" : in) + '|' + code + ' ' + (pointer.isEmpty() ? "''" : pointer)
            + ' ' + QByteArray::number(line) + ':' + QByteArray::number(column);
}

QByteArray describe(const iamx::ScenarioDiagnostic &d)
{
    return describe(bytes(d.in), bytes(d.diagnostic.code), bytes(d.diagnostic.pointer),
            d.diagnostic.where.line, d.diagnostic.where.column);
}

QByteArrayList describeAll(const iamx::ScenarioEntry &entry)
{
    QByteArrayList all;
    for (const auto &d : entry.diagnostics)
        all.append(describe(d));
    return all;
}

QByteArrayList describeErrors(const iamx::ScenarioEntry &entry)
{
    QByteArrayList errors;
    for (const auto &d : entry.diagnostics)
        if (d.diagnostic.severity == iamx::Severity::Error)
            errors.append(describe(d));
    return errors;
}

std::vector<iamx::ScenarioEntry> read(const QByteArray &text, const char *file)
{
    return iamx::readScenarios(view(text), file);
}

QByteArrayList values(const iamx::ContextEntry &entry)
{
    QByteArrayList list;
    for (const auto &value : entry.values)
        list.append(bytes(value));
    return list;
}

} // namespace

class tst_Scenario : public QObject
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
    void scenarioErrors_data();
    void scenarioErrors();
    void requestPrincipals_data();
    void requestPrincipals();
    void context();
    void expectField_data();
    void expectField();
    void resourceAccount_data();
    void resourceAccount();
    void policyDiagnostics_data();
    void policyDiagnostics();
    void resourcePolicyKind_data();
    void resourcePolicyKind();
    void policyNamesAndLevels();
};

// The example of scenario-format.md, as a .json file.
void tst_Scenario::oneScenarioInJsonFile()
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
void tst_Scenario::jsonLines_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::newRow(".jsonl") << QByteArray("cases.jsonl");
    QTest::newRow(".json") << QByteArray("cases.json");
    QTest::newRow("no extension") << QByteArray("cases");
    QTest::newRow("no name") << QByteArray();
}

void tst_Scenario::jsonLines()
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

void tst_Scenario::jsonLinesTrailingText()
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

void tst_Scenario::jsonArray()
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

void tst_Scenario::emptyFiles_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<int>("entries");

    QTest::newRow("empty .jsonl") << QByteArray() << QByteArray("e.jsonl") << 0;
    QTest::newRow("blank .jsonl") << QByteArray("\n  \n\t\r\n") << QByteArray("e.jsonl") << 0;
    QTest::newRow("empty .json: an error") << QByteArray() << QByteArray("e.json") << 1;
    QTest::newRow("empty array") << QByteArray(" [ ] ") << QByteArray("e.json") << 0;
}

void tst_Scenario::emptyFiles()
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

// Problems of the scenario's own fields: `in` is empty and the pointer is within the scenario.
void tst_Scenario::scenarioErrors_data()
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

void tst_Scenario::scenarioErrors()
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

void tst_Scenario::requestPrincipals_data()
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

void tst_Scenario::requestPrincipals()
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
void tst_Scenario::context()
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

void tst_Scenario::expectField_data()
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

void tst_Scenario::expectField()
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

void tst_Scenario::resourceAccount_data()
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

void tst_Scenario::resourceAccount()
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

// Problems inside a policy name the policy (`in`), point within its document, and carry the
// line and column within the file.
void tst_Scenario::policyDiagnostics_data()
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

void tst_Scenario::policyDiagnostics()
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
void tst_Scenario::resourcePolicyKind_data()
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

void tst_Scenario::resourcePolicyKind()
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

void tst_Scenario::policyNamesAndLevels()
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

QTEST_APPLESS_MAIN(tst_Scenario)

#include "tst_scenario.moc"
