#include "tests/model/policyparsertest.h"

// The policy parser against scenario-format.md, "What stops evaluation": every error with its
// code, JSON pointer and line:column, every warning with the part it makes unusable.

class tst_PolicyParser : public QObject
{
    Q_OBJECT

private slots:
    void errors_data();
    void errors();
    void reportsEveryProblem();
    void warnings_data();
    void warnings();
    void oldVersionIsAWarning();
    void diagnosticsNameTheFile();
};

// Every error of "What stops evaluation": exactly one error, at the offending token, and no
// value.
void tst_PolicyParser::errors_data()
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

void tst_PolicyParser::errors()
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
void tst_PolicyParser::reportsEveryProblem()
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

// Warnings: the policy keeps a value, and the broken part can never match.
void tst_PolicyParser::warnings_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<PolicyType>("type");
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<Severity>("severity");
    QTest::addColumn<QByteArray>("pointer");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    // What became of the broken part: `unusableAction S I`, `unusableResource S I`,
    // `paddedResource S I`, `unusableValue S C V`, `unmatchablePrincipal S I`, `noActions S`,
    // `noResources S`, `noPrincipals S`, `noValues S C`, `noStatements`, `versionless`,
    // `notPrincipal S`, or empty when the finding changes nothing.
    QTest::addColumn<QByteArray>("part");

    const auto identity = PolicyType::Identity;
    const auto resource = PolicyType::Resource;
    const auto withResource = [](const char *resourceLine) {
        return oneStatement(
                { "\"Effect\": \"Allow\",", "\"Action\": \"s3:GetObject\",", resourceLine });
    };
    const auto withAction = [](const char *actionLine) {
        return oneStatement({ "\"Effect\": \"Allow\",", actionLine, "\"Resource\": \"*\"" });
    };
    const auto withPrincipal = [](const char *principalLine) {
        return oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"s3:GetObject\",",
                "\"Resource\": \"*\",", principalLine });
    };
    // The condition's value starts in column 28 + length(operator) + length(key).
    const auto withCondition = [](const char *conditionLine) {
        return oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"s3:GetObject\",",
                "\"Resource\": \"*\",", conditionLine });
    };

    // Empty arrays.
    QTest::newRow("empty Action") << withAction("\"Action\": [],") << identity
                                  << QByteArray("EMPTY_ARRAY_ACTION") << Severity::Warning
                                  << QByteArray("/Statement/Action") << 5 << 15
                                  << QByteArray("noActions 0");
    QTest::newRow("empty NotAction")
            << withAction("\"NotAction\": [],") << identity << QByteArray("EMPTY_ARRAY_ACTION")
            << Severity::Warning << QByteArray("/Statement/NotAction") << 5 << 18
            << QByteArray("noActions 0");
    QTest::newRow("empty Resource")
            << withResource("\"Resource\": []") << identity << QByteArray("EMPTY_ARRAY_RESOURCE")
            << Severity::Warning << QByteArray("/Statement/Resource") << 6 << 17
            << QByteArray("noResources 0");
    QTest::newRow("empty Statement")
            << lines({ "{", "  \"Version\": \"2012-10-17\",", "  \"Statement\": []", "}" })
            << identity << QByteArray("EMPTY_ARRAY_STATEMENT") << Severity::Warning
            << QByteArray("/Statement") << 3 << 16 << QByteArray("noStatements");
    QTest::newRow("empty principal list")
            << withPrincipal("\"Principal\": {\"AWS\": []}") << resource
            << QByteArray("EMPTY_ARRAY_PRINCIPAL") << Severity::Warning
            << QByteArray("/Statement/Principal/AWS") << 7 << 26 << QByteArray("noPrincipals 0");
    QTest::newRow("empty principal object")
            << withPrincipal("\"Principal\": {}") << resource
            << QByteArray("EMPTY_OBJECT_PRINCIPAL") << Severity::Warning
            << QByteArray("/Statement/Principal") << 7 << 18 << QByteArray("noPrincipals 0");
    QTest::newRow("empty condition value list")
            << withCondition("\"Condition\": {\"StringEquals\": {\"aws:username\": []}}")
            << identity << QByteArray("EMPTY_ARRAY_CONDITION") << Severity::Warning
            << QByteArray("/Statement/Condition/StringEquals/aws:username") << 7 << 52
            << QByteArray("noValues 0 0");

    // Resources that are no ARN, or too short a one.
    QTest::newRow("malformed ARN in a list")
            << withResource("\"Resource\": [\"arn:aws:s3:::b\", \"s3:::b/*\"]") << identity
            << QByteArray("INVALID_ARN_PREFIX") << Severity::Warning
            << QByteArray("/Statement/Resource/1") << 6 << 36 << QByteArray("unusableResource 0 1");
    QTest::newRow("NotResource that is no ARN")
            << withResource("\"NotResource\": \"bucket\"") << identity
            << QByteArray("INVALID_ARN_PREFIX") << Severity::Warning
            << QByteArray("/Statement/NotResource") << 6 << 20
            << QByteArray("unusableResource 0 0");
    QTest::newRow("empty resource")
            << withResource("\"Resource\": \"\"") << identity << QByteArray("INVALID_ARN_PREFIX")
            << Severity::Warning << QByteArray("/Statement/Resource") << 6 << 17
            << QByteArray("unusableResource 0 0");
    QTest::newRow("short ARN in an SCP")
            << withResource("\"Resource\": \"arn:aws:s3:*\"") << PolicyType::ServiceControl
            << QByteArray("MISSING_ARN_FIELD") << Severity::Warning
            << QByteArray("/Statement/Resource") << 6 << 17 << QByteArray("unusableResource 0 0");
    QTest::newRow("short ARN in an RCP")
            << oneStatement({ "\"Effect\": \"Deny\",", "\"Action\": \"s3:GetObject\",",
                       "\"Resource\": \"arn:aws:s3:*\",", "\"Principal\": \"*\"" })
            << PolicyType::ResourceControl << QByteArray("MISSING_ARN_FIELD") << Severity::Warning
            << QByteArray("/Statement/Resource") << 6 << 17 << QByteArray("unusableResource 0 0");
    QTest::newRow("short ARN without wildcard in a resource policy")
            << oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"s3:GetObject\",",
                       "\"Resource\": [\"arn:aws:s3:::b/*\", \"arn:aws:s3:b\"],",
                       "\"Principal\": \"*\"" })
            << resource << QByteArray("MISSING_ARN_FIELD") << Severity::Warning
            << QByteArray("/Statement/Resource/1") << 6 << 38 << QByteArray("unusableResource 0 1");
    // iam-evaluation.md §6 rule 7: padded with `*` in the principal's own policies, and in
    // resource policies when the pattern has a wildcard.
    QTest::newRow("short ARN with wildcard in a resource policy")
            << oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"s3:GetObject\",",
                       "\"Resource\": \"arn:aws:s3:*\",", "\"Principal\": \"*\"" })
            << resource << QByteArray("MISSING_ARN_FIELD") << Severity::Warning
            << QByteArray("/Statement/Resource") << 6 << 17 << QByteArray("paddedResource 0 0");
    QTest::newRow("short ARN in an identity policy")
            << withResource("\"Resource\": \"arn:aws:s3\"") << identity
            << QByteArray("MISSING_ARN_FIELD") << Severity::Warning
            << QByteArray("/Statement/Resource") << 6 << 17 << QByteArray("paddedResource 0 0");
    QTest::newRow("broken variable in a resource")
            << withResource("\"Resource\": \"arn:aws:s3:::b/${aws:username\"") << identity
            << QByteArray("MISSING_BRACE_IN_VARIABLE") << Severity::Warning
            << QByteArray("/Statement/Resource") << 6 << 17 << QByteArray();

    // Condition values that do not parse for their operator.
    QTest::newRow("Numeric: a word")
            << withCondition("\"Condition\": {\"NumericLessThan\": {\"s3:max-keys\": \"ten\"}}")
            << identity << QByteArray("INVALID_CONDITION_DATA_TYPE") << Severity::Warning
            << QByteArray("/Statement/Condition/NumericLessThan/s3:max-keys") << 7 << 54
            << QByteArray("unusableValue 0 0 0");
    QTest::newRow("Numeric: an exponent")
            << withCondition("\"Condition\": {\"NumericEquals\": {\"s3:max-keys\": \"1e3\"}}")
            << identity << QByteArray("INVALID_CONDITION_DATA_TYPE") << Severity::Warning
            << QByteArray("/Statement/Condition/NumericEquals/s3:max-keys") << 7 << 52
            << QByteArray("unusableValue 0 0 0");
    QTest::newRow("Numeric: a plus sign")
            << withCondition("\"Condition\": {\"NumericGreaterThan\": {\"s3:max-keys\": \"+5\"}}")
            << identity << QByteArray("INVALID_CONDITION_DATA_TYPE") << Severity::Warning
            << QByteArray("/Statement/Condition/NumericGreaterThan/s3:max-keys") << 7 << 57
            << QByteArray("unusableValue 0 0 0");
    QTest::newRow("Numeric: second value of a list")
            << withCondition(
                       "\"Condition\": {\"NumericLessThan\": {\"s3:max-keys\": [\"10\", \"x\"]}}")
            << identity << QByteArray("INVALID_CONDITION_DATA_TYPE") << Severity::Warning
            << QByteArray("/Statement/Condition/NumericLessThan/s3:max-keys/1") << 7 << 61
            << QByteArray("unusableValue 0 0 1");
    QTest::newRow("Date: a word") << withCondition(
            "\"Condition\": {\"DateGreaterThan\": {\"aws:CurrentTime\": "
            "\"yesterday\"}}") << identity
                                  << QByteArray("INVALID_DATE_VALUE") << Severity::Warning
                                  << QByteArray(
                                             "/Statement/Condition/DateGreaterThan/aws:CurrentTime")
                                  << 7 << 58 << QByteArray("unusableValue 0 0 0");
    QTest::newRow("Date: month 13")
            << withCondition("\"Condition\": {\"DateLessThan\": {\"aws:CurrentTime\": "
                             "\"2026-13-01\"}}")
            << identity << QByteArray("INVALID_DATE_VALUE") << Severity::Warning
            << QByteArray("/Statement/Condition/DateLessThan/aws:CurrentTime") << 7 << 55
            << QByteArray("unusableValue 0 0 0");
    QTest::newRow("Ip: octet out of range")
            << withCondition("\"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"10.0.0.256\"}}")
            << identity << QByteArray("INVALID_CONDITION_DATA_TYPE") << Severity::Warning
            << QByteArray("/Statement/Condition/IpAddress/aws:SourceIp") << 7 << 49
            << QByteArray("unusableValue 0 0 0");
    QTest::newRow("Ip: prefix too long")
            << withCondition("\"Condition\": {\"NotIpAddress\": {\"aws:SourceIp\": "
                             "\"10.0.0.0/33\"}}")
            << identity << QByteArray("INVALID_CONDITION_DATA_TYPE") << Severity::Warning
            << QByteArray("/Statement/Condition/NotIpAddress/aws:SourceIp") << 7 << 52
            << QByteArray("unusableValue 0 0 0");
    QTest::newRow("Binary: not base-64")
            << withCondition("\"Condition\": {\"BinaryEquals\": {\"kms:Bin\": \"not base64!\"}}")
            << identity << QByteArray("INVALID_CONDITION_DATA_TYPE") << Severity::Warning
            << QByteArray("/Statement/Condition/BinaryEquals/kms:Bin") << 7 << 47
            << QByteArray("unusableValue 0 0 0");
    QTest::newRow("Bool: yes") << withCondition(
            "\"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"yes\"}}")
                               << identity << QByteArray("INVALID_CONDITION_DATA_TYPE")
                               << Severity::Warning
                               << QByteArray("/Statement/Condition/Bool/aws:SecureTransport") << 7
                               << 51 << QByteArray("unusableValue 0 0 0");
    QTest::newRow("Bool: the number 1")
            << withCondition("\"Condition\": {\"Bool\": {\"aws:SecureTransport\": 1}}") << identity
            << QByteArray("INVALID_CONDITION_DATA_TYPE") << Severity::Warning
            << QByteArray("/Statement/Condition/Bool/aws:SecureTransport") << 7 << 51
            << QByteArray("unusableValue 0 0 0");
    QTest::newRow("Null: maybe") << withCondition(
            "\"Condition\": {\"Null\": {\"aws:TokenIssueTime\": \"maybe\"}}")
                                 << identity << QByteArray("INVALID_CONDITION_DATA_TYPE")
                                 << Severity::Warning
                                 << QByteArray("/Statement/Condition/Null/aws:TokenIssueTime") << 7
                                 << 50 << QByteArray("unusableValue 0 0 0");
    QTest::newRow("Arn: three parts")
            << withCondition("\"Condition\": {\"ArnLike\": {\"aws:SourceArn\": \"arn:aws:s3\"}}")
            << identity << QByteArray("INVALID_CONDITION_DATA_TYPE") << Severity::Warning
            << QByteArray("/Statement/Condition/ArnLike/aws:SourceArn") << 7 << 48
            << QByteArray("unusableValue 0 0 0");
    QTest::newRow("Arn: five parts")
            << withCondition("\"Condition\": {\"ArnEquals\": {\"aws:SourceArn\": "
                             "\"arn:aws:sns:us-east-1:111122223333\"}}")
            << identity << QByteArray("INVALID_CONDITION_DATA_TYPE") << Severity::Warning
            << QByteArray("/Statement/Condition/ArnEquals/aws:SourceArn") << 7 << 50
            << QByteArray("unusableValue 0 0 0");
    QTest::newRow("condition keys differing in case")
            << withCondition("\"Condition\": {\"StringEquals\": {\"aws:username\": \"a\", "
                             "\"AWS:UserName\": \"b\"}}")
            << identity << QByteArray("DUPLICATE_KEYS_WITH_DIFFERENT_CASE") << Severity::Warning
            << QByteArray("/Statement/Condition/StringEquals/AWS:UserName") << 7 << 57
            << QByteArray();
    QTest::newRow("empty Condition")
            << withCondition("\"Condition\": {}") << identity
            << QByteArray("EMPTY_OBJECT_CONDITION") << Severity::Suggestion
            << QByteArray("/Statement/Condition") << 7 << 18 << QByteArray();

    // Statements and the document.
    QTest::newRow("duplicate Sid") << lines(
            { "{", "  \"Version\": \"2012-10-17\",", "  \"Statement\": [",
                    "    {\"Sid\": \"Read\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", "
                    "\"Resource\": \"*\"},",
                    "    {\"Sid\": \"Read\", \"Effect\": \"Allow\", \"Action\": \"s3:ListBucket\", "
                    "\"Resource\": \"*\"}",
                    "  ]", "}" }) << identity
                                   << QByteArray("UNIQUE_SIDS_REQUIRED") << Severity::Warning
                                   << QByteArray("/Statement/1/Sid") << 5 << 13 << QByteArray();
    QTest::newRow("missing Version") << lines({ "{",
            "  \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": "
            "\"*\"}",
            "}" }) << identity << QByteArray("MISSING_VERSION")
                                     << Severity::Warning << QByteArray() << 1 << 1
                                     << QByteArray("versionless");

    // Actions that can never match.
    QTest::newRow("wildcard in service prefix")
            << withAction("\"Action\": \"s3*:GetObject\",") << identity
            << QByteArray("WILDCARD_IN_SERVICE_NAME") << Severity::Warning
            << QByteArray("/Statement/Action") << 5 << 15 << QByteArray("unusableAction 0 0");
    QTest::newRow("* as service prefix in a list")
            << withAction("\"Action\": [\"s3:GetObject\", \"*:GetObject\"],") << identity
            << QByteArray("WILDCARD_IN_SERVICE_NAME") << Severity::Warning
            << QByteArray("/Statement/Action/1") << 5 << 32 << QByteArray("unusableAction 0 1");
    QTest::newRow("invalid service characters")
            << withAction("\"Action\": \"s3_x:GetObject\",") << identity
            << QByteArray("INVALID_SERVICE") << Severity::Warning << QByteArray("/Statement/Action")
            << 5 << 15 << QByteArray("unusableAction 0 0");
    QTest::newRow("two colons") << withAction("\"Action\": \"s3:Get:Object\",") << identity
                                << QByteArray("INVALID_ACTION") << Severity::Warning
                                << QByteArray("/Statement/Action") << 5 << 15
                                << QByteArray("unusableAction 0 0");
    QTest::newRow("nothing after the colon")
            << withAction("\"Action\": \"s3:\",") << identity << QByteArray("INVALID_ACTION")
            << Severity::Warning << QByteArray("/Statement/Action") << 5 << 15
            << QByteArray("unusableAction 0 0");
    QTest::newRow("space in the action name")
            << withAction("\"Action\": \"s3:Get Object\",") << identity
            << QByteArray("INVALID_ACTION") << Severity::Warning << QByteArray("/Statement/Action")
            << 5 << 15 << QByteArray("unusableAction 0 0");

    // Principals.
    QTest::newRow("NotPrincipal with Allow")
            << withPrincipal("\"NotPrincipal\": {\"AWS\": \"arn:aws:iam::111122223333:root\"}")
            << resource << QByteArray("ALLOW_WITH_NOT_PRINCIPAL") << Severity::SecurityWarning
            << QByteArray("/Statement/NotPrincipal") << 7 << 21 << QByteArray("notPrincipal 0");
    QTest::newRow("wildcard in a principal ARN")
            << withPrincipal("\"Principal\": {\"AWS\": \"arn:aws:iam::*:root\"}") << resource
            << QByteArray("UNSUPPORTED_WILDCARD_IN_PRINCIPAL") << Severity::Warning
            << QByteArray("/Statement/Principal/AWS") << 7 << 26
            << QByteArray("unmatchablePrincipal 0 0");
    QTest::newRow("principal that is no ARN")
            << withPrincipal("\"Principal\": {\"AWS\": [\"111122223333\", \"alice\"]}") << resource
            << QByteArray("INVALID_PRINCIPAL_FORMAT") << Severity::Warning
            << QByteArray("/Statement/Principal/AWS/1") << 7 << 43
            << QByteArray("unmatchablePrincipal 0 1");
    QTest::newRow("group as principal")
            << withPrincipal("\"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:group/devs\"}")
            << resource << QByteArray("INVALID_PRINCIPAL_FORMAT") << Severity::Warning
            << QByteArray("/Statement/Principal/AWS") << 7 << 26
            << QByteArray("unmatchablePrincipal 0 0");
}

void tst_PolicyParser::warnings()
{
    QFETCH(QByteArray, document);
    QFETCH(PolicyType, type);
    QFETCH(QByteArray, code);
    QFETCH(Severity, severity);
    QFETCH(QByteArray, pointer);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QByteArray, part);

    const auto result = parse(document, type);
    const QByteArrayList all = describeAll(result.diagnostics);
    QVERIFY2(describeErrors(result.diagnostics).isEmpty(), all.join('\n').constData());
    QVERIFY(result.value);
    const QByteArray broken = brokenInvariant(result, view(document));
    QVERIFY2(broken.isEmpty(), broken.constData());

    // The finding itself; compared by code first so a wrong position shows as a position.
    const auto found = std::find_if(result.diagnostics.begin(), result.diagnostics.end(),
            [&](const iamx::Diagnostic &d) { return bytes(d.code) == code; });
    QVERIFY2(found != result.diagnostics.end(), all.join('\n').constData());
    QCOMPARE(describe(*found), describe(code, severity, pointer, line, column));

    const iamx::Policy &policy = *result.value;
    const QByteArrayList words = part.split(' ');
    const QByteArray what = words.value(0);
    const auto number = [&words](qsizetype i) {
        return static_cast<size_t>(words.value(i).toUInt());
    };
    if (what.isEmpty())
        return;
    if (what == "noStatements") {
        QVERIFY(policy.statements.empty());
        return;
    }
    if (what == "versionless") {
        QVERIFY(!policy.version);
        QVERIFY(!policy.variablesEnabled);
        return;
    }
    QVERIFY(number(1) < policy.statements.size());
    const iamx::Statement &statement = policy.statements[number(1)];
    if (what == "unusableAction") {
        QVERIFY(number(2) < statement.actions.size());
        QVERIFY(!statement.actions[number(2)].usable);
        QVERIFY(!statement.actions[number(2)].matchesAll);
    } else if (what == "unusableResource") {
        QVERIFY(number(2) < statement.resources.size());
        QVERIFY(!statement.resources[number(2)].usable);
        QVERIFY(!statement.resources[number(2)].matchesAll);
        for (size_t i = 0; i < statement.resources.size(); ++i)
            QCOMPARE(statement.resources[i].usable, i != number(2));
    } else if (what == "paddedResource") {
        QVERIFY(number(2) < statement.resources.size());
        QVERIFY(statement.resources[number(2)].usable);
        QCOMPARE(statement.resources[number(2)].components.size(), size_t(6));
        QCOMPARE(statement.resources[number(2)].components[5].literal(), std::string("*"));
    } else if (what == "unusableValue") {
        QVERIFY(number(2) < statement.conditions.size());
        const auto &values = statement.conditions[number(2)].values;
        QVERIFY(number(3) < values.size());
        for (size_t i = 0; i < values.size(); ++i)
            QCOMPARE(values[i].usable, i != number(3));
        QCOMPARE(bytes(values[number(3)].pointer), pointer);
    } else if (what == "unmatchablePrincipal") {
        QVERIFY(number(2) < statement.principals.size());
        QCOMPARE(statement.principals[number(2)].form, iamx::PrincipalPattern::Form::Unmatchable);
    } else if (what == "noActions") {
        QVERIFY(statement.actions.empty());
    } else if (what == "noResources") {
        QVERIFY(statement.resources.empty());
    } else if (what == "noPrincipals") {
        QVERIFY(statement.principals.empty());
    } else if (what == "noValues") {
        QVERIFY(number(2) < statement.conditions.size());
        QVERIFY(statement.conditions[number(2)].values.empty());
    } else if (what == "notPrincipal") {
        QCOMPARE(statement.principalMode, iamx::PrincipalMode::NotPrincipal);
        QCOMPARE(statement.principals.size(), size_t(1));
        QCOMPARE(statement.principals[0].form, iamx::PrincipalPattern::Form::Account);
    } else {
        QFAIL("unknown part in the test data");
    }
}

// scenario-format.md lists "a missing or `2008-10-17` Version (variables are then literal
// text)" among the warnings.
void tst_PolicyParser::oldVersionIsAWarning()
{
    const QByteArray document = lines({ "{", "  \"Version\": \"2008-10-17\",",
            "  \"Statement\": {\"Effect\": \"Allow\", \"Action\": "
            "\"*\", \"Resource\": \"arn:aws:s3:::${aws:username}\"}",
            "}" });
    const auto result = parse(document);
    QVERIFY(result.value);
    QCOMPARE(result.value->version, std::optional<std::string>("2008-10-17"));
    QVERIFY(!result.value->variablesEnabled);
    const bool warned = std::any_of(
            result.diagnostics.begin(), result.diagnostics.end(), [](const iamx::Diagnostic &d) {
                return d.severity == Severity::Warning && d.pointer == "/Version";
            });
    QVERIFY2(warned, describeAll(result.diagnostics).join('\n').constData());
}

void tst_PolicyParser::diagnosticsNameTheFile()
{
    const auto result = parse(oneStatement(
            { "\"Effect\": \"allow\",", "\"Action\": \"*\",", "\"Resource\": \"*\"" }));
    QCOMPARE(result.diagnostics.size(), size_t(1));
    const iamx::Diagnostic &d = result.diagnostics[0];
    QCOMPARE(d.where.file, std::string("policy.json"));
    QCOMPARE(d.where.length, size_t(7)); // "allow" with its quotes
    QVERIFY(!d.message.empty());
    QCOMPARE(iamx::formatDiagnostic(d).substr(0, 24), std::string("policy.json:4:15: error:"));
}

QTEST_APPLESS_MAIN(tst_PolicyParser)

#include "tst_policyparser.moc"
