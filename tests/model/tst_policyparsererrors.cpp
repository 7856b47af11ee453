#include "tests/model/policyparsertest.h"

// The policy parser against scenario-format.md, "What stops evaluation": every error with its
// code, JSON pointer and line:column, and every problem of a document reported, not only the
// first. The warnings: tst_policyparserwarnings.

class tst_PolicyParserErrors : public QObject
{
    Q_OBJECT

private slots:
    void errors_data();
    void errors();
    void reportsEveryProblem();
};

// Every error of "What stops evaluation": exactly one error, at the offending token, and no
// value.
void tst_PolicyParserErrors::errors_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<PolicyType>("type");
    QTest::addColumn<ResourcePolicyKind>("kind");
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<QByteArray>("pointer");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    const auto identity = PolicyType::Identity;
    const auto resource = PolicyType::Resource;
    const auto ordinary = ResourcePolicyKind::Ordinary;

    // Duplicate keys: at the second key.
    QTest::newRow("duplicate top-level key") << lines({ "{", "  \"Version\": \"2012-10-17\",",
            "  \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": "
            "\"*\"},",
            "  \"Version\": \"2012-10-17\"", "}" })
                                             << identity << ordinary << QByteArray("DUPLICATE_KEY")
                                             << QByteArray("/Version") << 4 << 3;
    QTest::newRow("duplicate statement key")
            << oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"s3:GetObject\",",
                       "\"Resource\": \"*\",", "\"Action\": \"s3:PutObject\"" })
            << identity << ordinary << QByteArray("DUPLICATE_KEY")
            << QByteArray("/Statement/Action") << 7 << 5;
    QTest::newRow("duplicate key in the second statement")
            << lines({ "{", "  \"Version\": \"2012-10-17\",", "  \"Statement\": [",
                       "    {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"},",
                       "    {\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\", "
                       "\"Effect\": \"Allow\"}",
                       "  ]", "}" })
            << identity << ordinary << QByteArray("DUPLICATE_KEY")
            << QByteArray("/Statement/1/Effect") << 5 << 56;
    QTest::newRow("duplicate condition key, '/' escaped in the pointer")
            << oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"s3:GetObject\",",
                       "\"Resource\": \"*\",", "\"Condition\": {\"StringEquals\": {",
                       "  \"aws:PrincipalTag/team\": \"a\",", "  \"aws:PrincipalTag/team\": \"b\"",
                       "}}" })
            << identity << ordinary << QByteArray("DUPLICATE_KEY")
            << QByteArray("/Statement/Condition/StringEquals/aws:PrincipalTag~1team") << 9 << 7;

    // Unknown elements: at the key.
    QTest::newRow("unknown top-level element")
            << lines({ "{", "  \"Version\": \"2012-10-17\",",
                       "  \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": "
                       "\"*\"},",
                       "  \"Comment\": \"not an IAM element\"", "}" })
            << identity << ordinary << QByteArray("INVALID_POLICY_ELEMENT")
            << QByteArray("/Comment") << 4 << 3;
    QTest::newRow("unknown statement element")
            << oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"s3:GetObject\",",
                       "\"Resource\": \"*\",", "\"Resources\": \"*\"" })
            << identity << ordinary << QByteArray("INVALID_POLICY_ELEMENT")
            << QByteArray("/Statement/Resources") << 7 << 5;
    QTest::newRow("unknown principal type")
            << oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"s3:GetObject\",",
                       "\"Resource\": \"*\",", "\"Principal\": {\"Aws\": \"111122223333\"}" })
            << resource << ordinary << QByteArray("INVALID_PRINCIPAL_KEY")
            << QByteArray("/Statement/Principal/Aws") << 7 << 19;

    // Wrong JSON types: at the value.
    QTest::newRow("document is an array")
            << QByteArray("[{\"Version\": \"2012-10-17\"}]") << identity << ordinary
            << QByteArray("DATA_TYPE_MISMATCH") << QByteArray() << 1 << 1;
    QTest::newRow("Version is a number") << lines({ "{", "  \"Version\": 2012,",
            "  \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": "
            "\"*\"}",
            "}" }) << identity << ordinary
                                         << QByteArray("DATA_TYPE_MISMATCH")
                                         << QByteArray("/Version") << 2 << 14;
    QTest::newRow("Id is an object")
            << lines({ "{", "  \"Version\": \"2012-10-17\",", "  \"Id\": {\"name\": \"x\"},",
                       "  \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": "
                       "\"*\"}",
                       "}" })
            << identity << ordinary << QByteArray("DATA_TYPE_MISMATCH") << QByteArray("/Id") << 3
            << 9;
    QTest::newRow("Statement is a string") << lines(
            { "{", "  \"Version\": \"2012-10-17\",", "  \"Statement\": \"Allow all\"", "}" })
                                           << identity << ordinary
                                           << QByteArray("DATA_TYPE_MISMATCH")
                                           << QByteArray("/Statement") << 3 << 16;
    QTest::newRow("Statement entry is a string")
            << lines({ "{", "  \"Version\": \"2012-10-17\",", "  \"Statement\": [",
                       "    {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"},",
                       "    \"s3:GetObject\"", "  ]", "}" })
            << identity << ordinary << QByteArray("DATA_TYPE_MISMATCH")
            << QByteArray("/Statement/1") << 5 << 5;
    QTest::newRow("Sid is a number") << oneStatement({ "\"Sid\": 1,", "\"Effect\": \"Allow\",",
            "\"Action\": \"*\",", "\"Resource\": \"*\"" })
                                     << identity << ordinary << QByteArray("DATA_TYPE_MISMATCH")
                                     << QByteArray("/Statement/Sid") << 4 << 12;
    QTest::newRow("Effect is a boolean")
            << oneStatement({ "\"Effect\": true,", "\"Action\": \"*\",", "\"Resource\": \"*\"" })
            << identity << ordinary << QByteArray("DATA_TYPE_MISMATCH")
            << QByteArray("/Statement/Effect") << 4 << 15;
    QTest::newRow("Effect is an array") << oneStatement(
            { "\"Effect\": [\"Allow\"],", "\"Action\": \"*\",", "\"Resource\": \"*\"" })
                                        << identity << ordinary << QByteArray("DATA_TYPE_MISMATCH")
                                        << QByteArray("/Statement/Effect") << 4 << 15;
    QTest::newRow("Action is a number")
            << oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": 42,", "\"Resource\": \"*\"" })
            << identity << ordinary << QByteArray("DATA_TYPE_MISMATCH")
            << QByteArray("/Statement/Action") << 5 << 15;
    QTest::newRow("Action is an object") << oneStatement({ "\"Effect\": \"Allow\",",
            "\"Action\": {\"s3\": \"GetObject\"},", "\"Resource\": \"*\"" })
                                         << identity << ordinary << QByteArray("DATA_TYPE_MISMATCH")
                                         << QByteArray("/Statement/Action") << 5 << 15;
    QTest::newRow("Action entry is a number")
            << oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": [\"s3:GetObject\", 7],",
                       "\"Resource\": \"*\"" })
            << identity << ordinary << QByteArray("DATA_TYPE_MISMATCH")
            << QByteArray("/Statement/Action/1") << 5 << 32;
    QTest::newRow("NotAction entry is null") << oneStatement(
            { "\"Effect\": \"Allow\",", "\"NotAction\": [null],", "\"Resource\": \"*\"" })
                                             << identity << ordinary
                                             << QByteArray("DATA_TYPE_MISMATCH")
                                             << QByteArray("/Statement/NotAction/0") << 5 << 19;
    QTest::newRow("Resource is an object")
            << oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"*\",",
                       "\"Resource\": {\"arn\": \"arn:aws:s3:::b\"}" })
            << identity << ordinary << QByteArray("DATA_TYPE_MISMATCH")
            << QByteArray("/Statement/Resource") << 6 << 17;
    QTest::newRow("NotResource entry is a boolean")
            << oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"*\",",
                       "\"NotResource\": [\"arn:aws:s3:::b\", false]" })
            << identity << ordinary << QByteArray("DATA_TYPE_MISMATCH")
            << QByteArray("/Statement/NotResource/1") << 6 << 39;
    QTest::newRow("Principal is a number")
            << oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"*\",",
                       "\"Resource\": \"*\",", "\"Principal\": 5" })
            << resource << ordinary << QByteArray("DATA_TYPE_MISMATCH")
            << QByteArray("/Statement/Principal") << 7 << 18;
    QTest::newRow("Principal is a string other than *")
            << oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"*\",",
                       "\"Resource\": \"*\",", "\"Principal\": \"111122223333\"" })
            << resource << ordinary << QByteArray("DATA_TYPE_MISMATCH")
            << QByteArray("/Statement/Principal") << 7 << 18;
    QTest::newRow("Principal AWS is a number")
            << oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"*\",",
                       "\"Resource\": \"*\",", "\"Principal\": {\"AWS\": 111122223333}" })
            << resource << ordinary << QByteArray("DATA_TYPE_MISMATCH")
            << QByteArray("/Statement/Principal/AWS") << 7 << 26;
    QTest::newRow("Principal AWS entry is an object")
            << oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"*\",",
                       "\"Resource\": \"*\",", "\"Principal\": {\"AWS\": [\"111122223333\", {}]}" })
            << resource << ordinary << QByteArray("DATA_TYPE_MISMATCH")
            << QByteArray("/Statement/Principal/AWS/1") << 7 << 43;
    QTest::newRow("Condition is an array")
            << oneStatement(
                       { "\"Effect\": \"Allow\",", "\"Action\": \"*\",", "\"Resource\": \"*\",",
                               "\"Condition\": [{\"Bool\": {\"aws:SecureTransport\": \"true\"}}]" })
            << identity << ordinary << QByteArray("DATA_TYPE_MISMATCH")
            << QByteArray("/Statement/Condition") << 7 << 18;
    QTest::newRow("condition operator maps to a string")
            << oneStatement(
                       { "\"Effect\": \"Allow\",", "\"Action\": \"*\",", "\"Resource\": \"*\",",
                               "\"Condition\": {\"Bool\": \"aws:SecureTransport\"}" })
            << identity << ordinary << QByteArray("DATA_TYPE_MISMATCH")
            << QByteArray("/Statement/Condition/Bool") << 7 << 27;
    QTest::newRow("condition value is null")
            << oneStatement(
                       { "\"Effect\": \"Allow\",", "\"Action\": \"*\",", "\"Resource\": \"*\",",
                               "\"Condition\": {\"Bool\": {\"aws:SecureTransport\": null}}" })
            << identity << ordinary << QByteArray("DATA_TYPE_MISMATCH")
            << QByteArray("/Statement/Condition/Bool/aws:SecureTransport") << 7 << 51;
    QTest::newRow("condition value list holds an object")
            << oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"*\",",
                       "\"Resource\": \"*\",",
                       "\"Condition\": {\"StringEquals\": {\"aws:username\": [\"alice\", {}]}}" })
            << identity << ordinary << QByteArray("DATA_TYPE_MISMATCH")
            << QByteArray("/Statement/Condition/StringEquals/aws:username/1") << 7 << 62;
    QTest::newRow("condition value list holds an array")
            << oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"*\",",
                       "\"Resource\": \"*\",",
                       "\"Condition\": {\"StringEquals\": {\"aws:username\": [[\"alice\"]]}}" })
            << identity << ordinary << QByteArray("DATA_TYPE_MISMATCH")
            << QByteArray("/Statement/Condition/StringEquals/aws:username/0") << 7 << 53;

    // Effect.
    QTest::newRow("Effect missing")
            << oneStatement({ "\"Action\": \"s3:GetObject\",", "\"Resource\": \"*\"" }) << identity
            << ordinary << QByteArray("MISSING_EFFECT") << QByteArray("/Statement") << 3 << 16;
    QTest::newRow("Effect missing in the second statement")
            << lines({ "{", "  \"Version\": \"2012-10-17\",", "  \"Statement\": [",
                       "    {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"},",
                       "    {\"Action\": \"*\", \"Resource\": \"*\"}", "  ]", "}" })
            << identity << ordinary << QByteArray("MISSING_EFFECT") << QByteArray("/Statement/1")
            << 5 << 5;
    QTest::newRow("Effect in lowercase") << oneStatement(
            { "\"Effect\": \"allow\",", "\"Action\": \"*\",", "\"Resource\": \"*\"" })
                                         << identity << ordinary << QByteArray("INVALID_EFFECT")
                                         << QByteArray("/Statement/Effect") << 4 << 15;
    QTest::newRow("Effect empty") << oneStatement(
            { "\"Effect\": \"\",", "\"Action\": \"*\",", "\"Resource\": \"*\"" })
                                  << identity << ordinary << QByteArray("INVALID_EFFECT")
                                  << QByteArray("/Statement/Effect") << 4 << 15;
    QTest::newRow("Effect after a multi-byte Sid: columns count code points")
            << oneStatement({ "\"Sid\": \"Größe\", \"Effect\": \"Allw\",", "\"Action\": \"*\",",
                       "\"Resource\": \"*\"" })
            << identity << ordinary << QByteArray("INVALID_EFFECT")
            << QByteArray("/Statement/Effect") << 4 << 31;
    QTest::newRow("Effect invalid, CRLF line ends")
            << oneStatement(
                       { "\"Effect\": \"Permit\",", "\"Action\": \"*\",", "\"Resource\": \"*\"" })
                       .replace("\n", "\r\n")
            << identity << ordinary << QByteArray("INVALID_EFFECT")
            << QByteArray("/Statement/Effect") << 4 << 15;

    // Action / NotAction.
    QTest::newRow("Action and NotAction")
            << oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"s3:GetObject\",",
                       "\"NotAction\": \"s3:PutObject\",", "\"Resource\": \"*\"" })
            << identity << ordinary << QByteArray("UNSUPPORTED_ELEMENT_COMBINATION")
            << QByteArray("/Statement/NotAction") << 6 << 18;
    QTest::newRow("neither Action nor NotAction")
            << oneStatement({ "\"Effect\": \"Allow\",", "\"Resource\": \"*\"" }) << identity
            << ordinary << QByteArray("MISSING_ACTION") << QByteArray("/Statement") << 3 << 16;

    // Resource / NotResource.
    QTest::newRow("Resource and NotResource")
            << oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"*\",",
                       "\"Resource\": \"*\",", "\"NotResource\": \"arn:aws:s3:::b\"" })
            << identity << ordinary << QByteArray("UNSUPPORTED_ELEMENT_COMBINATION")
            << QByteArray("/Statement/NotResource") << 7 << 20;
    const QByteArray noResource = oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"*\"" });
    const QByteArray noResourceWithPrincipal = oneStatement(
            { "\"Effect\": \"Allow\",", "\"Action\": \"*\",", "\"Principal\": \"*\"" });
    QTest::newRow("no Resource: identity policy")
            << noResource << identity << ordinary << QByteArray("MISSING_RESOURCE")
            << QByteArray("/Statement") << 3 << 16;
    QTest::newRow("no Resource: permissions boundary")
            << noResource << PolicyType::PermissionsBoundary << ordinary
            << QByteArray("MISSING_RESOURCE") << QByteArray("/Statement") << 3 << 16;
    QTest::newRow("no Resource: session policy")
            << noResource << PolicyType::Session << ordinary << QByteArray("MISSING_RESOURCE")
            << QByteArray("/Statement") << 3 << 16;
    QTest::newRow("no Resource: SCP")
            << noResource << PolicyType::ServiceControl << ordinary
            << QByteArray("MISSING_RESOURCE") << QByteArray("/Statement") << 3 << 16;
    QTest::newRow("no Resource: ordinary resource policy")
            << noResourceWithPrincipal << resource << ordinary << QByteArray("MISSING_RESOURCE")
            << QByteArray("/Statement") << 3 << 16;
    QTest::newRow("no Resource: key policy")
            << noResourceWithPrincipal << resource << ResourcePolicyKind::KeyPolicy
            << QByteArray("MISSING_RESOURCE") << QByteArray("/Statement") << 3 << 16;
    QTest::newRow("no Resource: RCP")
            << noResourceWithPrincipal << PolicyType::ResourceControl << ordinary
            << QByteArray("MISSING_RESOURCE") << QByteArray("/Statement") << 3 << 16;
    QTest::newRow("no Resource: trust kind on an identity policy")
            << noResource << identity << ResourcePolicyKind::TrustPolicy
            << QByteArray("MISSING_RESOURCE") << QByteArray("/Statement") << 3 << 16;

    // Principal where it may not be, and missing where it must be.
    const QByteArray withPrincipal = oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"*\",",
            "\"Resource\": \"*\",", "\"Principal\": \"*\"" });
    QTest::newRow("Principal in an identity policy")
            << withPrincipal << identity << ordinary << QByteArray("UNSUPPORTED_PRINCIPAL")
            << QByteArray("/Statement/Principal") << 7 << 18;
    QTest::newRow("Principal in a permissions boundary")
            << withPrincipal << PolicyType::PermissionsBoundary << ordinary
            << QByteArray("UNSUPPORTED_PRINCIPAL") << QByteArray("/Statement/Principal") << 7 << 18;
    QTest::newRow("Principal in a session policy")
            << withPrincipal << PolicyType::Session << ordinary
            << QByteArray("UNSUPPORTED_PRINCIPAL") << QByteArray("/Statement/Principal") << 7 << 18;
    QTest::newRow("Principal in an SCP")
            << withPrincipal << PolicyType::ServiceControl << ordinary
            << QByteArray("UNSUPPORTED_PRINCIPAL") << QByteArray("/Statement/Principal") << 7 << 18;
    QTest::newRow("NotPrincipal in an identity policy")
            << oneStatement({ "\"Effect\": \"Deny\",", "\"Action\": \"*\",", "\"Resource\": \"*\",",
                       "\"NotPrincipal\": {\"AWS\": \"111122223333\"}" })
            << identity << ordinary << QByteArray("UNSUPPORTED_PRINCIPAL")
            << QByteArray("/Statement/NotPrincipal") << 7 << 21;
    QTest::newRow("Principal and NotPrincipal")
            << oneStatement({ "\"Effect\": \"Deny\",", "\"Action\": \"*\",", "\"Resource\": \"*\",",
                       "\"Principal\": \"*\",", "\"NotPrincipal\": {\"AWS\": \"111122223333\"}" })
            << resource << ordinary << QByteArray("UNSUPPORTED_ELEMENT_COMBINATION")
            << QByteArray("/Statement/NotPrincipal") << 8 << 21;
    const QByteArray noPrincipal =
            oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"*\",", "\"Resource\": \"*\"" });
    QTest::newRow("no Principal: resource policy")
            << noPrincipal << resource << ordinary << QByteArray("MISSING_PRINCIPAL")
            << QByteArray("/Statement") << 3 << 16;
    QTest::newRow("no Principal: key policy")
            << noPrincipal << resource << ResourcePolicyKind::KeyPolicy
            << QByteArray("MISSING_PRINCIPAL") << QByteArray("/Statement") << 3 << 16;
    QTest::newRow("no Principal (and no Resource): trust policy")
            << oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"sts:AssumeRole\"" })
            << resource << ResourcePolicyKind::TrustPolicy << QByteArray("MISSING_PRINCIPAL")
            << QByteArray("/Statement") << 3 << 16;

    // Actions without a service prefix.
    QTest::newRow("action without service") << oneStatement(
            { "\"Effect\": \"Allow\",", "\"Action\": \"GetObject\",", "\"Resource\": \"*\"" })
                                            << identity << ordinary << QByteArray("INVALID_ACTION")
                                            << QByteArray("/Statement/Action") << 5 << 15;
    QTest::newRow("action without service in a list")
            << oneStatement({ "\"Effect\": \"Allow\",",
                       "\"Action\": [\"s3:GetObject\", \"PutObject\"],", "\"Resource\": \"*\"" })
            << identity << ordinary << QByteArray("INVALID_ACTION")
            << QByteArray("/Statement/Action/1") << 5 << 32;
    QTest::newRow("action with an empty service") << oneStatement(
            { "\"Effect\": \"Allow\",", "\"Action\": \":GetObject\",", "\"Resource\": \"*\"" })
                                                  << identity << ordinary
                                                  << QByteArray("INVALID_ACTION")
                                                  << QByteArray("/Statement/Action") << 5 << 15;
    QTest::newRow("empty action") << oneStatement(
            { "\"Effect\": \"Allow\",", "\"Action\": \"\",", "\"Resource\": \"*\"" })
                                  << identity << ordinary << QByteArray("INVALID_ACTION")
                                  << QByteArray("/Statement/Action") << 5 << 15;
    QTest::newRow("NotAction without service") << oneStatement(
            { "\"Effect\": \"Deny\",", "\"NotAction\": \"iam\",", "\"Resource\": \"*\"" })
                                               << identity << ordinary
                                               << QByteArray("INVALID_ACTION")
                                               << QByteArray("/Statement/NotAction") << 5 << 18;

    // Condition operators: at the operator's key.
    const auto withCondition = [](const char *condition) {
        return oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"*\",",
                "\"Resource\": \"*\",", condition });
    };
    QTest::newRow("unknown operator")
            << withCondition("\"Condition\": {\"StringEqual\": {\"aws:username\": \"alice\"}}")
            << identity << ordinary << QByteArray("INVALID_CONDITION_OPERATOR")
            << QByteArray("/Statement/Condition/StringEqual") << 7 << 19;
    QTest::newRow("operator in the wrong case")
            << withCondition("\"Condition\": {\"stringEquals\": {\"aws:username\": \"alice\"}}")
            << identity << ordinary << QByteArray("INVALID_CONDITION_OPERATOR")
            << QByteArray("/Statement/Condition/stringEquals") << 7 << 19;
    QTest::newRow("unknown set qualifier")
            << withCondition(
                       "\"Condition\": {\"ForAnyValues:StringEquals\": {\"aws:TagKeys\": \"a\"}}")
            << identity << ordinary << QByteArray("INVALID_CONDITION_OPERATOR")
            << QByteArray("/Statement/Condition/ForAnyValues:StringEquals") << 7 << 19;
    QTest::newRow("IfExists twice")
            << withCondition("\"Condition\": {\"StringEqualsIfExistsIfExists\": {\"a:b\": \"c\"}}")
            << identity << ordinary << QByteArray("INVALID_CONDITION_OPERATOR")
            << QByteArray("/Statement/Condition/StringEqualsIfExistsIfExists") << 7 << 19;
    QTest::newRow("operator name that merely ends in NullIfExists")
            << withCondition("\"Condition\": {\"IsNullIfExists\": {\"a:b\": \"true\"}}") << identity
            << ordinary << QByteArray("INVALID_CONDITION_OPERATOR")
            << QByteArray("/Statement/Condition/IsNullIfExists") << 7 << 19;
    QTest::newRow("NullIfExists") << withCondition(
            "\"Condition\": {\"NullIfExists\": {\"aws:TokenIssueTime\": \"true\"}}")
                                  << identity << ordinary << QByteArray("NULL_WITH_IF_EXISTS")
                                  << QByteArray("/Statement/Condition/NullIfExists") << 7 << 19;
    QTest::newRow("ForAllValues:NullIfExists")
            << withCondition("\"Condition\": {\"ForAllValues:NullIfExists\": {\"aws:TagKeys\": "
                             "\"true\"}}")
            << identity << ordinary << QByteArray("NULL_WITH_IF_EXISTS")
            << QByteArray("/Statement/Condition/ForAllValues:NullIfExists") << 7 << 19;

    // Version.
    const auto withVersion = [](const char *versionLine) {
        return lines({ "{", versionLine,
                "  \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": "
                "\"*\"}",
                "}" });
    };
    QTest::newRow("Version of another date")
            << withVersion("  \"Version\": \"2012-10-18\",") << identity << ordinary
            << QByteArray("INVALID_VERSION") << QByteArray("/Version") << 2 << 14;
    QTest::newRow("Version empty")
            << withVersion("  \"Version\": \"\",") << identity << ordinary
            << QByteArray("INVALID_VERSION") << QByteArray("/Version") << 2 << 14;
    QTest::newRow("Version with a trailing space")
            << withVersion("  \"Version\": \"2012-10-17 \",") << identity << ordinary
            << QByteArray("INVALID_VERSION") << QByteArray("/Version") << 2 << 14;

    // No Statement at all: at the document.
    QTest::newRow("no Statement") << lines({ "", "", "  {\"Version\": \"2012-10-17\"}" })
                                  << identity << ordinary << QByteArray("MISSING_STATEMENT")
                                  << QByteArray() << 3 << 3;

    // Invalid JSON: at the first byte that cannot continue the document (a trailing comma is
    // the comma itself).
    QTest::newRow("JSON: trailing comma")
            << lines({ "{", "  \"Version\": \"2012-10-17\",", "}" }) << identity << ordinary
            << QByteArray("JSON_SYNTAX_ERROR") << QByteArray() << 2 << 26;
    QTest::newRow("JSON: missing comma")
            << lines({ "{", "  \"Version\": \"2012-10-17\"", "  \"Statement\": []", "}" })
            << identity << ordinary << QByteArray("JSON_SYNTAX_ERROR") << QByteArray() << 3 << 3;
    QTest::newRow("JSON: missing comma after a multi-byte string")
            << lines({ "{", "  \"Id\": \"ééé\" \"Statement\": []", "}" }) << identity << ordinary
            << QByteArray("JSON_SYNTAX_ERROR") << QByteArray() << 2 << 15;
    QTest::newRow("JSON: comment")
            << lines({ "{", "  // read-only", "  \"Version\": \"2012-10-17\"", "}" }) << identity
            << ordinary << QByteArray("JSON_SYNTAX_ERROR") << QByteArray() << 2 << 3;
    QTest::newRow("JSON: single quotes")
            << lines({ "{", "  'Version': '2012-10-17'", "}" }) << identity << ordinary
            << QByteArray("JSON_SYNTAX_ERROR") << QByteArray() << 2 << 3;
    QTest::newRow("JSON: second document")
            << lines({ "{\"Version\": \"2012-10-17\"}", "{}" }) << identity << ordinary
            << QByteArray("JSON_SYNTAX_ERROR") << QByteArray() << 2 << 1;
    QTest::newRow("JSON: empty text") << QByteArray() << identity << ordinary
                                      << QByteArray("JSON_SYNTAX_ERROR") << QByteArray() << 1 << 1;
}

void tst_PolicyParserErrors::errors()
{
    QFETCH(QByteArray, document);
    QFETCH(PolicyType, type);
    QFETCH(ResourcePolicyKind, kind);
    QFETCH(QByteArray, code);
    QFETCH(QByteArray, pointer);
    QFETCH(int, line);
    QFETCH(int, column);

    const auto result = parse(document, type, kind);
    QCOMPARE(describeErrors(result.diagnostics),
            QByteArrayList { describe(code, Severity::Error, pointer, line, column) });
    QVERIFY(!result.value);
    QVERIFY(result.hasErrors());
    const QByteArray broken = brokenInvariant(result, view(document));
    QVERIFY2(broken.isEmpty(), broken.constData());
}

// Parsing goes on after the first problem: every problem of the document is reported.
void tst_PolicyParserErrors::reportsEveryProblem()
{
    const QByteArray document = lines({
            "{", // 1
            "  \"Version\": \"2012-10-18\",", // 2
            "  \"Extra\": 1,", // 3
            "  \"Statement\": [", // 4
            "    {", // 5
            "      \"Effect\": \"Permit\",", // 6
            "      \"Action\": \"GetObject\",", // 7
            "      \"Resource\": \"*\",", // 8
            "      \"Principal\": \"*\"", // 9
            "    },", // 10
            "    {", // 11
            "      \"effect\": \"Allow\",", // 12
            "      \"NotAction\": \"s3:*\",", // 13
            "      \"Resource\": [\"arn:aws:s3:::b\", \"b\"],", // 14
            "      \"Condition\": {\"StringEqualz\": {\"a:b\": \"c\"},", // 15
            "                    \"NumericLessThan\": {\"s3:max-keys\": \"ten\"}}", // 16
            "    },", // 17
            "    {\"Sid\": 5}", // 18
            "  ]", // 19
            "}", // 20
    });
    const auto result = parse(document);
    QVERIFY(!result.value);

    QByteArrayList expected {
        describe("INVALID_VERSION", Severity::Error, "/Version", 2, 14),
        describe("INVALID_POLICY_ELEMENT", Severity::Error, "/Extra", 3, 3),
        describe("INVALID_EFFECT", Severity::Error, "/Statement/0/Effect", 6, 17),
        describe("INVALID_ACTION", Severity::Error, "/Statement/0/Action", 7, 17),
        describe("UNSUPPORTED_PRINCIPAL", Severity::Error, "/Statement/0/Principal", 9, 20),
        describe("INVALID_POLICY_ELEMENT", Severity::Error, "/Statement/1/effect", 12, 7),
        describe("MISSING_EFFECT", Severity::Error, "/Statement/1", 11, 5),
        describe("INVALID_ARN_PREFIX", Severity::Warning, "/Statement/1/Resource/1", 14, 38),
        describe("INVALID_CONDITION_OPERATOR", Severity::Error,
                "/Statement/1/Condition/StringEqualz", 15, 21),
        describe("INVALID_CONDITION_DATA_TYPE", Severity::Warning,
                "/Statement/1/Condition/NumericLessThan/s3:max-keys", 16, 56),
        describe("DATA_TYPE_MISMATCH", Severity::Error, "/Statement/2/Sid", 18, 13),
        describe("MISSING_EFFECT", Severity::Error, "/Statement/2", 18, 5),
        describe("MISSING_ACTION", Severity::Error, "/Statement/2", 18, 5),
        describe("MISSING_RESOURCE", Severity::Error, "/Statement/2", 18, 5),
    };
    QByteArrayList actual = describeAll(result.diagnostics);
    std::sort(expected.begin(), expected.end());
    std::sort(actual.begin(), actual.end());
    QCOMPARE(actual, expected);
}

QTEST_APPLESS_MAIN(tst_PolicyParserErrors)
#include "tst_policyparsererrors.moc"
