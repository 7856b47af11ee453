#include "model/json.h"
#include "model/policyparser.h"
#include "model/scenario.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <initializer_list>
#include <random>
#include <string>
#include <string_view>

// The policy parser against scenario-format.md, "What stops evaluation": every error with its
// code, JSON pointer and line:column, every warning with the part it makes unusable, the
// compiled form of good documents, and hostile input.

Q_DECLARE_METATYPE(iamx::PolicyType)
Q_DECLARE_METATYPE(iamx::ResourcePolicyKind)
Q_DECLARE_METATYPE(iamx::Severity)
Q_DECLARE_METATYPE(iamx::PrincipalPattern::Key)
Q_DECLARE_METATYPE(iamx::PrincipalPattern::Form)
Q_DECLARE_METATYPE(iamx::BaseOperator)
Q_DECLARE_METATYPE(iamx::SetQualifier)

namespace {

using iamx::PolicyType;
using iamx::ResourcePolicyKind;
using iamx::Severity;

std::string_view view(const QByteArray &bytes)
{
    return std::string_view(bytes.constData(), static_cast<size_t>(bytes.size()));
}

QByteArray bytes(std::string_view text)
{
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

// Lines joined with '\n': documents are written one line per entry so that positions can be
// counted by eye.
QByteArray lines(std::initializer_list<const char *> text)
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

// A document with one statement object. Line 1 is `{`, line 2 the Version, line 3
// `  "Statement": {` (the statement's `{` is at 3:16), and member line i (0-based) is line 4 + i,
// indented by four spaces: a key starts in column 5 and its value in column 9 + the key's
// length (Effect and Action 15, Resource 17, Principal, NotAction and Condition 18,
// NotResource 20, NotPrincipal 21, Sid 12).
QByteArray oneStatement(std::initializer_list<const char *> members)
{
    QByteArray text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": {\n";
    for (const char *member : members) {
        text += "    ";
        text += member;
        text += '\n';
    }
    text += "  }\n}";
    return text;
}

iamx::Parsed<iamx::Policy> parse(const QByteArray &text, PolicyType type = PolicyType::Identity,
        ResourcePolicyKind kind = ResourcePolicyKind::Ordinary)
{
    iamx::PolicyParseOptions options;
    options.type = type;
    options.resourceKind = kind;
    options.name = "test";
    return iamx::parsePolicyText(view(text), options, "policy.json");
}

const char *severityText(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return "error";
    case Severity::SecurityWarning:
        return "security-warning";
    case Severity::Warning:
        return "warning";
    case Severity::Suggestion:
        return "suggestion";
    }
    return "?";
}

// One finding as a line that QCOMPARE can show: `CODE severity /pointer line:column`.
QByteArray describe(
        const QByteArray &code, Severity severity, const QByteArray &pointer, int line, int column)
{
    return code + ' ' + severityText(severity) + ' ' + (pointer.isEmpty() ? "''" : pointer) + ' '
            + QByteArray::number(line) + ':' + QByteArray::number(column);
}

QByteArray describe(const iamx::Diagnostic &d)
{
    return describe(bytes(d.code), d.severity, bytes(d.pointer), d.where.line, d.where.column);
}

QByteArrayList describeAll(const std::vector<iamx::Diagnostic> &diagnostics)
{
    QByteArrayList all;
    for (const auto &d : diagnostics)
        all.append(describe(d));
    return all;
}

QByteArrayList describeErrors(const std::vector<iamx::Diagnostic> &diagnostics)
{
    QByteArrayList errors;
    for (const auto &d : diagnostics)
        if (d.severity == Severity::Error)
            errors.append(describe(d));
    return errors;
}

// Checks the invariants every parse result must keep, whatever the input; returns a reason
// when one is broken (empty when all hold).
QByteArray brokenInvariant(const iamx::Parsed<iamx::Policy> &result, std::string_view text)
{
    for (const auto &d : result.diagnostics) {
        if (d.code.empty())
            return "a diagnostic without a code: " + bytes(d.message);
        if (d.where.line < 1 || d.where.column < 1)
            return "a diagnostic without a position: " + describe(d);
        if (d.where.offset > text.size())
            return "a diagnostic past the end of the text: " + describe(d);
        if (!d.pointer.empty() && d.pointer.front() != '/')
            return "a malformed JSON pointer: " + describe(d);
    }
    if (!result.hasErrors() && !result.value)
        return "no errors but no value";
    if (result.hasErrors() && result.value)
        return "errors but a value";
    return {};
}

QByteArray brokenInvariant(const std::vector<iamx::ScenarioEntry> &entries)
{
    for (const auto &entry : entries) {
        for (const auto &sd : entry.diagnostics) {
            const auto &d = sd.diagnostic;
            if (d.code.empty())
                return "a scenario diagnostic without a code: " + bytes(d.message);
            if (d.where.line < 1 || d.where.column < 1)
                return "a scenario diagnostic without a position: " + describe(d);
        }
        if (entry.startLine < 1 || entry.startColumn < 1)
            return "a scenario without a start position";
        if (!entry.hasErrors() && !entry.scenario)
            return "a scenario without errors but without a value";
        if (entry.hasErrors() && entry.scenario)
            return "a scenario with errors and a value";
    }
    return {};
}

} // namespace

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
    void statementsCompiled();
    void singleStatementObject();
    void trustPolicyNeedsNoResource();
    void principals_data();
    void principals();
    void actions_data();
    void actions();
    void resources_data();
    void resources();
    void variablesFollowVersion_data();
    void variablesFollowVersion();
    void conditionOperators_data();
    void conditionOperators();
    void conditionKeysAndValues();
    void diagnosticsNameTheFile();
    void randomMutationsNeverCrash();
    void hugeInputs_data();
    void hugeInputs();
    void largeInputsScaleLinearly_data();
    void largeInputsScaleLinearly();
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

void tst_PolicyParser::statementsCompiled()
{
    const QByteArray document = lines({
            "{",
            "  \"Version\": \"2012-10-17\",",
            "  \"Id\": \"Example\",",
            "  \"Statement\": [",
            "    {\"Sid\": \"Read\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", "
            "\"Resource\": \"arn:aws:s3:::b/*\"},",
            "    {\"Effect\": \"Deny\", \"NotAction\": [\"iam:*\", \"sts:*\"], \"NotResource\": "
            "\"*\"}",
            "  ]",
            "}",
    });
    const auto result = parse(document);
    QVERIFY2(result.diagnostics.empty(), describeAll(result.diagnostics).join('\n').constData());
    QVERIFY(result.value);
    const iamx::Policy &policy = *result.value;
    QCOMPARE(policy.name, std::string("test"));
    QCOMPARE(policy.type, PolicyType::Identity);
    QCOMPARE(policy.version, std::optional<std::string>("2012-10-17"));
    QCOMPARE(policy.id, std::optional<std::string>("Example"));
    QVERIFY(policy.statementIsArray);
    QCOMPARE(policy.statements.size(), size_t(2));

    const iamx::Statement &read = policy.statements[0];
    QCOMPARE(read.pointer, std::string("/Statement/0"));
    QCOMPARE(read.sid, std::optional<std::string>("Read"));
    QCOMPARE(read.effect, iamx::Effect::Allow);
    QCOMPARE(read.principalMode, iamx::PrincipalMode::None);
    QVERIFY(!read.notAction);
    QCOMPARE(read.actions.size(), size_t(1));
    QCOMPARE(read.resourceMode, iamx::Statement::ResourceMode::Resource);
    QCOMPARE(read.resources.size(), size_t(1));
    QVERIFY(read.conditions.empty());

    const iamx::Statement &deny = policy.statements[1];
    QCOMPARE(deny.pointer, std::string("/Statement/1"));
    QVERIFY(!deny.sid);
    QCOMPARE(deny.effect, iamx::Effect::Deny);
    QVERIFY(deny.notAction);
    QCOMPARE(deny.actions.size(), size_t(2));
    QCOMPARE(deny.resourceMode, iamx::Statement::ResourceMode::NotResource);
    QVERIFY(deny.resources.at(0).matchesAll);

    // Each statement knows its byte range: from its `{` to its `}`.
    for (const auto &statement : policy.statements) {
        QVERIFY(statement.offset + statement.length <= static_cast<size_t>(document.size()));
        QCOMPARE(document.at(static_cast<qsizetype>(statement.offset)), '{');
        QCOMPARE(document.at(static_cast<qsizetype>(statement.offset + statement.length - 1)), '}');
    }
    QCOMPARE(document.indexOf("{\"Sid\""), static_cast<qsizetype>(read.offset));
    QCOMPARE(document.indexOf("{\"Effect\": \"Deny\""), static_cast<qsizetype>(deny.offset));
}

void tst_PolicyParser::singleStatementObject()
{
    const auto result = parse(oneStatement({ "\"Sid\": \"\",", "\"Effect\": \"Deny\",",
            "\"Action\": \"*\",", "\"Resource\": \"*\"" }));
    QVERIFY(result.value);
    QVERIFY(!result.value->statementIsArray);
    QCOMPARE(result.value->statements.size(), size_t(1));
    const iamx::Statement &statement = result.value->statements[0];
    QCOMPARE(statement.pointer, std::string("/Statement"));
    QCOMPARE(statement.sid, std::optional<std::string>(""));
    QCOMPARE(statement.effect, iamx::Effect::Deny);
    QVERIFY(statement.actions.at(0).matchesAll);
    QVERIFY(statement.resources.at(0).matchesAll);
}

void tst_PolicyParser::trustPolicyNeedsNoResource()
{
    const QByteArray document =
            oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"sts:AssumeRole\",",
                    "\"Principal\": {\"Service\": \"lambda.amazonaws.com\"}" });
    const auto trust = parse(document, PolicyType::Resource, ResourcePolicyKind::TrustPolicy);
    QVERIFY2(trust.diagnostics.empty(), describeAll(trust.diagnostics).join('\n').constData());
    QVERIFY(trust.value);
    QCOMPARE(trust.value->resourceKind, ResourcePolicyKind::TrustPolicy);
    QCOMPARE(trust.value->statements.at(0).resourceMode, iamx::Statement::ResourceMode::None);
    QVERIFY(trust.value->statements.at(0).resources.empty());

    // The same document as an ordinary resource policy needs a Resource.
    const auto ordinary = parse(document, PolicyType::Resource, ResourcePolicyKind::Ordinary);
    QCOMPARE(describeErrors(ordinary.diagnostics),
            QByteArrayList { describe("MISSING_RESOURCE", Severity::Error, "/Statement", 3, 16) });
    QVERIFY(!ordinary.value);
}

void tst_PolicyParser::principals_data()
{
    using Key = iamx::PrincipalPattern::Key;
    using Form = iamx::PrincipalPattern::Form;
    QTest::addColumn<QByteArray>("principal"); // the JSON of the Principal element
    QTest::addColumn<Key>("key");
    QTest::addColumn<Form>("form");
    QTest::addColumn<QByteArray>("partition");
    QTest::addColumn<QByteArray>("account");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("session");

    QTest::newRow("*") << QByteArray("\"*\"") << Key::AWS << Form::Everyone << QByteArray()
                       << QByteArray() << QByteArray() << QByteArray();
    QTest::newRow("AWS *") << QByteArray("{\"AWS\": \"*\"}") << Key::AWS << Form::Everyone
                           << QByteArray() << QByteArray() << QByteArray() << QByteArray();
    QTest::newRow("account id") << QByteArray("{\"AWS\": \"111122223333\"}") << Key::AWS
                                << Form::Account << QByteArray() << QByteArray("111122223333")
                                << QByteArray() << QByteArray();
    QTest::newRow("root") << QByteArray("{\"AWS\": \"arn:aws:iam::111122223333:root\"}") << Key::AWS
                          << Form::Account << QByteArray("aws") << QByteArray("111122223333")
                          << QByteArray() << QByteArray();
    QTest::newRow("root in China") << QByteArray("{\"AWS\": \"arn:aws-cn:iam::111122223333:root\"}")
                                   << Key::AWS << Form::Account << QByteArray("aws-cn")
                                   << QByteArray("111122223333") << QByteArray() << QByteArray();
    QTest::newRow("user") << QByteArray("{\"AWS\": \"arn:aws:iam::111122223333:user/alice\"}")
                          << Key::AWS << Form::User << QByteArray("aws")
                          << QByteArray("111122223333") << QByteArray("alice") << QByteArray();
    QTest::newRow("user with a path")
            << QByteArray("{\"AWS\": \"arn:aws:iam::111122223333:user/division/alice\"}")
            << Key::AWS << Form::User << QByteArray("aws") << QByteArray("111122223333")
            << QByteArray("alice") << QByteArray();
    QTest::newRow("role") << QByteArray("{\"AWS\": \"arn:aws:iam::444455556666:role/Admin\"}")
                          << Key::AWS << Form::Role << QByteArray("aws")
                          << QByteArray("444455556666") << QByteArray("Admin") << QByteArray();
    QTest::newRow("assumed role") << QByteArray(
            "{\"AWS\": "
            "\"arn:aws:sts::444455556666:assumed-role/Admin/alice@example.com\"}")
                                  << Key::AWS << Form::RoleSession << QByteArray("aws")
                                  << QByteArray("444455556666") << QByteArray("Admin")
                                  << QByteArray("alice@example.com");
    QTest::newRow("federated user")
            << QByteArray("{\"AWS\": \"arn:aws:sts::111122223333:federated-user/bob\"}") << Key::AWS
            << Form::FederatedUser << QByteArray("aws") << QByteArray("111122223333")
            << QByteArray("bob") << QByteArray();
    QTest::newRow("service") << QByteArray("{\"Service\": \"lambda.amazonaws.com\"}")
                             << Key::Service << Form::Named << QByteArray() << QByteArray()
                             << QByteArray("lambda.amazonaws.com") << QByteArray();
    QTest::newRow("service list") << QByteArray("{\"Service\": [\"ec2.amazonaws.com\"]}")
                                  << Key::Service << Form::Named << QByteArray() << QByteArray()
                                  << QByteArray("ec2.amazonaws.com") << QByteArray();
    QTest::newRow("federated") << QByteArray("{\"Federated\": \"cognito-identity.amazonaws.com\"}")
                               << Key::Federated << Form::Named << QByteArray() << QByteArray()
                               << QByteArray("cognito-identity.amazonaws.com") << QByteArray();
    QTest::newRow("canonical user")
            << QByteArray(
                       "{\"CanonicalUser\": \"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d52"
                       "18e7cd47ef2be\"}")
            << Key::CanonicalUser << Form::Named << QByteArray() << QByteArray()
            << QByteArray("79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be")
            << QByteArray();
    QTest::newRow("user unique id")
            << QByteArray("{\"AWS\": \"AIDAJQABLZS4A3QDU576Q\"}") << Key::AWS << Form::Unmatchable
            << QByteArray() << QByteArray() << QByteArray() << QByteArray();
    QTest::newRow("role unique id")
            << QByteArray("{\"AWS\": \"AROADBQP57FF2AEXAMPLE\"}") << Key::AWS << Form::Unmatchable
            << QByteArray() << QByteArray() << QByteArray() << QByteArray();
}

void tst_PolicyParser::principals()
{
    using Key = iamx::PrincipalPattern::Key;
    using Form = iamx::PrincipalPattern::Form;
    QFETCH(QByteArray, principal);
    QFETCH(Key, key);
    QFETCH(Form, form);
    QFETCH(QByteArray, partition);
    QFETCH(QByteArray, account);
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, session);

    const QByteArray document = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": "
                                "\"Allow\", \"Action\": \"sts:AssumeRole\", \"Principal\": "
            + principal + "}}";
    const auto result = parse(document, PolicyType::Resource, ResourcePolicyKind::TrustPolicy);
    // Unique ids match nobody current, but they are what IAM writes for deleted principals:
    // no warning.
    QVERIFY2(result.diagnostics.empty(), describeAll(result.diagnostics).join('\n').constData());
    QVERIFY(result.value);
    const iamx::Statement &statement = result.value->statements.at(0);
    QCOMPARE(statement.principalMode, iamx::PrincipalMode::Principal);
    QCOMPARE(statement.principals.size(), size_t(1));
    const iamx::PrincipalPattern &pattern = statement.principals[0];
    QCOMPARE(static_cast<int>(pattern.key), static_cast<int>(key));
    QCOMPARE(static_cast<int>(pattern.form), static_cast<int>(form));
    QCOMPARE(bytes(pattern.partition), partition);
    QCOMPARE(bytes(pattern.account), account);
    QCOMPARE(bytes(pattern.name), name);
    QCOMPARE(bytes(pattern.session), session);
}

void tst_PolicyParser::actions_data()
{
    QTest::addColumn<QByteArray>("action");
    QTest::addColumn<QByteArray>("service"); // as compiled: lowercase
    QTest::addColumn<bool>("matchesAll");
    QTest::addColumn<QByteArray>("request"); // an action name the pattern must match
    QTest::addColumn<QByteArray>("other"); // one it must not

    QTest::newRow("*") << QByteArray("*") << QByteArray() << true << QByteArray() << QByteArray();
    QTest::newRow("plain") << QByteArray("s3:GetObject") << QByteArray("s3") << false
                           << QByteArray("GetObject") << QByteArray("GetObjectAcl");
    QTest::newRow("service upper-case") << QByteArray("S3:GetObject") << QByteArray("s3") << false
                                        << QByteArray("getobject") << QByteArray("PutObject");
    QTest::newRow("name upper-case") << QByteArray("IAM:PASSROLE") << QByteArray("iam") << false
                                     << QByteArray("PassRole") << QByteArray("PassRoles");
    QTest::newRow("glob") << QByteArray("ec2:Describe*") << QByteArray("ec2") << false
                          << QByteArray("DescribeInstances") << QByteArray("RunInstances");
    QTest::newRow("question mark") << QByteArray("sqs:?etQueueUrl") << QByteArray("sqs") << false
                                   << QByteArray("GetQueueUrl") << QByteArray("GetQueueAttributes");
    QTest::newRow("service with dash and dot")
            << QByteArray("Execute-API.v2:Invoke") << QByteArray("execute-api.v2") << false
            << QByteArray("invoke") << QByteArray("Invoked");
}

void tst_PolicyParser::actions()
{
    QFETCH(QByteArray, action);
    QFETCH(QByteArray, service);
    QFETCH(bool, matchesAll);
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, other);

    const auto result = parse(oneStatement({ "\"Effect\": \"Allow\",",
            ("\"Action\": \"" + action + "\",").constData(), "\"Resource\": \"*\"" }));
    QVERIFY2(result.diagnostics.empty(), describeAll(result.diagnostics).join('\n').constData());
    QVERIFY(result.value);
    const iamx::ActionPattern &pattern = result.value->statements.at(0).actions.at(0);
    QCOMPARE(bytes(pattern.text), action);
    QCOMPARE(pattern.matchesAll, matchesAll);
    QVERIFY(pattern.usable);
    QCOMPARE(bytes(pattern.service), service);
    if (matchesAll)
        return;
    QVERIFY(iamx::globMatch(pattern.name, view(request), iamx::CaseMode::AsciiInsensitive));
    QVERIFY(!iamx::globMatch(pattern.name, view(other), iamx::CaseMode::AsciiInsensitive));
}

void tst_PolicyParser::resources_data()
{
    QTest::addColumn<QByteArray>("resource");
    QTest::addColumn<bool>("matchesAll");
    QTest::addColumn<QByteArrayList>("components"); // the literal of each component

    QTest::newRow("*") << QByteArray("*") << true << QByteArrayList();
    QTest::newRow("bucket object") << QByteArray("arn:aws:s3:::reports/*") << false
                                   << QByteArrayList { "arn", "aws", "s3", "", "", "reports/*" };
    QTest::newRow("colon in the resource part")
            << QByteArray("arn:aws:lambda:eu-west-1:111122223333:function:fn:prod") << false
            << QByteArrayList { "arn", "aws", "lambda", "eu-west-1", "111122223333",
                   "function:fn:prod" };
    QTest::newRow("wildcard prefix") << QByteArray("*:aws:s3:::b") << false
                                     << QByteArrayList { "*", "aws", "s3", "", "", "b" };
}

void tst_PolicyParser::resources()
{
    QFETCH(QByteArray, resource);
    QFETCH(bool, matchesAll);
    QFETCH(QByteArrayList, components);

    const auto result = parse(oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"*\",",
            ("\"Resource\": \"" + resource + "\"").constData() }));
    QVERIFY2(result.diagnostics.empty(), describeAll(result.diagnostics).join('\n').constData());
    QVERIFY(result.value);
    const iamx::ResourcePattern &pattern = result.value->statements.at(0).resources.at(0);
    QCOMPARE(bytes(pattern.text), resource);
    QCOMPARE(pattern.matchesAll, matchesAll);
    QVERIFY(pattern.usable);
    QByteArrayList actual;
    for (const auto &component : pattern.components)
        actual.append(bytes(component.literal()));
    QCOMPARE(actual, components);
}

// Only 2012-10-17 resolves `${...}` (iam-evaluation.md §4 Version).
void tst_PolicyParser::variablesFollowVersion_data()
{
    QTest::addColumn<QByteArray>("versionMember"); // empty: no Version
    QTest::addColumn<bool>("variablesEnabled");

    QTest::newRow("2012-10-17") << QByteArray("\"Version\": \"2012-10-17\", ") << true;
    QTest::newRow("2008-10-17") << QByteArray("\"Version\": \"2008-10-17\", ") << false;
    QTest::newRow("no Version") << QByteArray() << false;
}

void tst_PolicyParser::variablesFollowVersion()
{
    QFETCH(QByteArray, versionMember);
    QFETCH(bool, variablesEnabled);

    const QByteArray document = "{" + versionMember
            + "\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": "
              "\"arn:aws:s3:::home/${aws:username}/*\", \"Condition\": {\"StringLike\": "
              "{\"s3:prefix\": \"${aws:username}/*\"}}}}";
    const auto result = parse(document);
    QVERIFY(result.value);
    QCOMPARE(result.value->variablesEnabled, variablesEnabled);
    const iamx::Statement &statement = result.value->statements.at(0);
    QCOMPARE(statement.resources.at(0).components.at(5).hasVariables(), variablesEnabled);
    QCOMPARE(statement.conditions.at(0).values.at(0).pattern.hasVariables(), variablesEnabled);
    if (!variablesEnabled)
        QCOMPARE(statement.resources.at(0).components.at(5).literal(),
                std::string("home/${aws:username}/*"));
}

void tst_PolicyParser::conditionOperators_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<iamx::BaseOperator>("base");
    QTest::addColumn<iamx::SetQualifier>("qualifier");
    QTest::addColumn<bool>("ifExists");
    QTest::addColumn<QByteArray>("value");

    using B = iamx::BaseOperator;
    using Q = iamx::SetQualifier;
    QTest::newRow("StringEquals") << QByteArray("StringEquals") << B::StringEquals << Q::None
                                  << false << QByteArray("a");
    QTest::newRow("StringLikeIfExists") << QByteArray("StringLikeIfExists") << B::StringLike
                                        << Q::None << true << QByteArray("a*");
    QTest::newRow("ForAnyValue:StringLikeIfExists")
            << QByteArray("ForAnyValue:StringLikeIfExists") << B::StringLike << Q::ForAnyValue
            << true << QByteArray("a*");
    QTest::newRow("ForAllValues:StringEqualsIgnoreCase")
            << QByteArray("ForAllValues:StringEqualsIgnoreCase") << B::StringEqualsIgnoreCase
            << Q::ForAllValues << false << QByteArray("A");
    QTest::newRow("NumericGreaterThanEqualsIfExists")
            << QByteArray("NumericGreaterThanEqualsIfExists") << B::NumericGreaterThanEquals
            << Q::None << true << QByteArray("-3.5");
    QTest::newRow("DateLessThan") << QByteArray("DateLessThan") << B::DateLessThan << Q::None
                                  << false << QByteArray("2026-03-01T12:00:00Z");
    QTest::newRow("Bool") << QByteArray("Bool") << B::Bool << Q::None << false
                          << QByteArray("TRUE");
    QTest::newRow("BinaryEquals") << QByteArray("BinaryEquals") << B::BinaryEquals << Q::None
                                  << false << QByteArray("QmluYXJ5");
    QTest::newRow("NotIpAddressIfExists") << QByteArray("NotIpAddressIfExists") << B::NotIpAddress
                                          << Q::None << true << QByteArray("2001:db8::/32");
    QTest::newRow("ArnNotLikeIfExists") << QByteArray("ArnNotLikeIfExists") << B::ArnNotLike
                                        << Q::None << true << QByteArray("arn:aws:iam::*:role/*");
    QTest::newRow("Null") << QByteArray("Null") << B::Null << Q::None << false
                          << QByteArray("false");
    QTest::newRow("ForAnyValue:Null") << QByteArray("ForAnyValue:Null") << B::Null << Q::ForAnyValue
                                      << false << QByteArray("true");
}

void tst_PolicyParser::conditionOperators()
{
    QFETCH(QByteArray, name);
    QFETCH(iamx::BaseOperator, base);
    QFETCH(iamx::SetQualifier, qualifier);
    QFETCH(bool, ifExists);
    QFETCH(QByteArray, value);

    const QByteArray condition =
            "\"Condition\": {\"" + name + "\": {\"a:Key\": \"" + value + "\"}}";
    const auto result = parse(oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"*\",",
            "\"Resource\": \"*\",", condition.constData() }));
    QVERIFY2(result.diagnostics.empty(), describeAll(result.diagnostics).join('\n').constData());
    QVERIFY(result.value);
    const iamx::Condition &parsed = result.value->statements.at(0).conditions.at(0);
    QCOMPARE(static_cast<int>(parsed.op.base), static_cast<int>(base));
    QCOMPARE(static_cast<int>(parsed.op.qualifier), static_cast<int>(qualifier));
    QCOMPARE(parsed.op.ifExists, ifExists);
    QCOMPARE(bytes(parsed.operatorText), name);
    QCOMPARE(parsed.values.size(), size_t(1));
    QVERIFY(parsed.values[0].usable);
    QCOMPARE(bytes(parsed.values[0].text), value);
}

void tst_PolicyParser::conditionKeysAndValues()
{
    const QByteArray document = lines({
            "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": "
            "\"*\", \"Resource\": \"*\", \"Condition\": {",
            "  \"StringEquals\": {\"aws:PrincipalTag/Team\": [\"blue\", \"green\"], "
            "\"s3:x-amz-acl\": \"private\"},",
            "  \"NumericLessThan\": {\"S3:Max-Keys\": 10, \"s3:other\": [3.50, -0]},",
            "  \"Bool\": {\"aws:SecureTransport\": true},",
            "  \"Null\": {\"aws:TokenIssueTime\": false},",
            "  \"StringLike\": {\"a:n\": 7}",
            "}}}",
    });
    const auto result = parse(document);
    QVERIFY2(result.diagnostics.empty(), describeAll(result.diagnostics).join('\n').constData());
    QVERIFY(result.value);
    const auto &conditions = result.value->statements.at(0).conditions;
    QCOMPARE(conditions.size(), size_t(7));

    QCOMPARE(conditions[0].key, std::string("aws:PrincipalTag/Team"));
    QCOMPARE(conditions[0].lowerKey, std::string("aws:principaltag/team"));
    QCOMPARE(conditions[0].pointer,
            std::string("/Statement/Condition/StringEquals/aws:PrincipalTag~1Team"));
    QCOMPARE(conditions[0].values.size(), size_t(2));
    QCOMPARE(conditions[0].values[1].text, std::string("green"));
    QCOMPARE(conditions[0].values[1].pointer,
            std::string("/Statement/Condition/StringEquals/aws:PrincipalTag~1Team/1"));
    QCOMPARE(conditions[0].values[1].pattern.literal(), std::string("green"));
    QCOMPARE(conditions[1].lowerKey, std::string("s3:x-amz-acl"));
    QCOMPARE(conditions[1].values.at(0).pointer,
            std::string("/Statement/Condition/StringEquals/s3:x-amz-acl"));

    // JSON numbers and booleans are values too, as their literal text.
    QCOMPARE(conditions[2].operatorText, std::string("NumericLessThan"));
    QCOMPARE(conditions[2].lowerKey, std::string("s3:max-keys"));
    QCOMPARE(conditions[2].values.at(0).text, std::string("10"));
    QVERIFY(conditions[2].values.at(0).usable);
    QCOMPARE(conditions[3].values.size(), size_t(2));
    QCOMPARE(conditions[3].values[0].text, std::string("3.50"));
    QCOMPARE(conditions[3].values[1].text, std::string("-0"));
    QVERIFY(conditions[3].values[0].usable && conditions[3].values[1].usable);
    QCOMPARE(conditions[4].lowerKey, std::string("aws:securetransport"));
    QCOMPARE(conditions[4].values.at(0).text, std::string("true"));
    QVERIFY(conditions[4].values.at(0).usable);
    QCOMPARE(conditions[5].values.at(0).text, std::string("false"));
    QVERIFY(conditions[5].values.at(0).usable);
    QVERIFY(!conditions[5].values.at(0).boolean);
    QCOMPARE(conditions[6].values.at(0).text, std::string("7"));
    QCOMPARE(conditions[6].values.at(0).pattern.literal(), std::string("7"));
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

// Seeded random edits of valid documents: nothing may crash (ASan/UBSan watch), and every
// result keeps the invariants of a parse result.
void tst_PolicyParser::randomMutationsNeverCrash()
{
    const std::vector<std::string> policies {
        R"({"Version": "2012-10-17", "Id": "x", "Statement": [
  {"Sid": "A", "Effect": "Allow", "Action": ["s3:Get*", "s3:List*"],
   "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/${aws:username}/*"],
   "Condition": {"StringLike": {"s3:prefix": ["home/", "${aws:username}/*"]},
                 "ForAnyValue:StringEqualsIfExists": {"aws:TagKeys": ["a", "b"]},
                 "IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "2001:db8::/32"]},
                 "DateLessThan": {"aws:CurrentTime": "2026-03-01T12:00:00Z"},
                 "NumericLessThanEquals": {"s3:max-keys": 10},
                 "Bool": {"aws:SecureTransport": true}, "Null": {"aws:TokenIssueTime": "false"},
                 "BinaryEquals": {"k:b": "QmluYXJ5"}, "ArnLike": {"aws:SourceArn": "arn:aws:sns:*:*:t"}}},
  {"Effect": "Deny", "NotAction": "iam:*", "NotResource": "*"}]})",
        R"({"Version": "2008-10-17", "Statement": {"Effect": "Allow",
  "Principal": {"AWS": ["111122223333", "arn:aws:iam::111122223333:user/a",
    "arn:aws:sts::111122223333:assumed-role/R/s", "AIDAJQABLZS4A3QDU576Q"],
    "Service": "lambda.amazonaws.com", "Federated": "accounts.google.com"},
  "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:eu-west-1:111122223333:q"}})",
        R"({"Statement": [{"Effect": "Allow", "NotPrincipal": {"AWS": "*"},
  "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "ü€𝄞"}}}]})",
    };
    const std::string scenario = R"({"name": "s", "identityPolicies": [{"name": "p", "document":
  {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject",
  "Resource": "arn:aws:s3:::b/*"}}}],
  "serviceControlPolicies": [[{"document": {"Version": "2012-10-17", "Statement": {"Effect":
  "Allow", "Action": "*", "Resource": "*"}}}]],
  "resourcePolicy": {"document": {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
  "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}}},
  "request": {"principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject",
  "resource": "arn:aws:s3:::b/k", "context": {"aws:TagKeys": ["a"], "n": 1, "b": true}},
  "expect": "allowed"}
{"request": {"principal": "lambda.amazonaws.com", "action": "sts:AssumeRole", "resource":
"arn:aws:iam::111122223333:role/R"}})";
    const std::vector<std::string> tokens { "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u",
        "\\ud800", "null", "true", "-1e999", "\"*\"", "${", "\"Action\"", "\"Principal\"",
        "\"Condition\"", "\xff", "\xe2\x82", "\n", "\r", "\t", "\"AWS\"" };
    const PolicyType types[] = { PolicyType::Identity, PolicyType::PermissionsBoundary,
        PolicyType::Session, PolicyType::Resource, PolicyType::ServiceControl,
        PolicyType::ResourceControl };

    std::mt19937 random(20240611u);
    const auto below = [&random](size_t n) {
        return n == 0 ? size_t(0) : std::uniform_int_distribution<size_t>(0, n - 1)(random);
    };
    QElapsedTimer timer;
    timer.start();
    constexpr int iterations = 5000;
    constexpr qint64 budgetMs = 9000; // the bound on the whole test, also under ASan
    for (int i = 0; i < iterations && timer.elapsed() < budgetMs; ++i) {
        const bool isScenario = i % 4 == 3;
        std::string text = isScenario ? scenario : policies[below(policies.size())];
        const size_t edits = 1 + below(4);
        for (size_t e = 0; e < edits; ++e) {
            const size_t at = below(text.size() + 1);
            switch (below(8)) {
            case 5:
            case 6:
            case 7: {
                // Change a character of a name or value to another that keeps the JSON valid,
                // so that the policy compiler, not only the JSON reader, meets odd input.
                static constexpr std::string_view safe = "aZ09:*?/-.${}~ _,";
                const size_t end = std::min(text.size(), at + 8);
                for (size_t k = at; k < end; ++k) {
                    const char c = text[k];
                    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                            || std::string_view(":*/-.?$").find(c) != std::string_view::npos) {
                        text[k] = safe[below(safe.size())];
                        break;
                    }
                }
                break;
            }
            case 0: // replace a byte
                if (at < text.size())
                    text[at] = static_cast<char>(below(256));
                break;
            case 1: // delete a range
                text.erase(std::min(at, text.size()), 1 + below(16));
                break;
            case 2: { // duplicate a range somewhere else
                const size_t from = below(text.size());
                const std::string piece = text.substr(from, 1 + below(40));
                text.insert(below(text.size() + 1), piece);
                break;
            }
            default: // insert a JSON-ish token
                text.insert(std::min(at, text.size()), tokens[below(tokens.size())]);
                break;
            }
        }
        if (isScenario) {
            const auto entries = iamx::readScenarios(text, i % 8 == 3 ? "m.jsonl" : "m.json");
            const QByteArray broken = brokenInvariant(entries);
            QVERIFY2(broken.isEmpty(), (broken + "\n--- input:\n" + bytes(text)).constData());
        } else {
            iamx::PolicyParseOptions options;
            options.type = types[below(std::size(types))];
            options.resourceKind = static_cast<ResourcePolicyKind>(below(3));
            const auto result = iamx::parsePolicyText(text, options);
            const QByteArray broken = brokenInvariant(result, text);
            QVERIFY2(broken.isEmpty(), (broken + "\n--- input:\n" + bytes(text)).constData());
        }
    }
    QVERIFY(timer.elapsed() < 10000);
}

// Hostile sizes: deep nesting ends in an error, a large document is read in time.
void tst_PolicyParser::hugeInputs_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<bool>("valid");

    QTest::newRow("100000 [") << QByteArray(100000, '[') << false;
    QByteArray objects;
    for (int i = 0; i < 100000; ++i)
        objects += "{\"a\":";
    QTest::newRow("100000 {\"a\":") << objects << false;

    // 5 MB of statements, pretty-printed, one member a line.
    QByteArray statements = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n";
    for (int i = 0; statements.size() < 5'000'000; ++i) {
        if (i > 0)
            statements += ",\n";
        statements += "    {\n      \"Effect\": \"Allow\",\n      \"Action\": [\"s3:GetObject\", "
                      "\"s3:PutObject\"],\n      \"Resource\": \"arn:aws:s3:::bucket-"
                + QByteArray::number(i) + "/*\"\n    }";
    }
    statements += "\n  ]\n}";
    QTest::newRow("5 MB of statements") << statements << true;

    // 5 MB on one line: one resource list.
    QByteArray resources = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                           "\"Action\":\"s3:GetObject\",\"Resource\":[";
    for (int i = 0; resources.size() < 5'000'000; ++i) {
        if (i > 0)
            resources += ',';
        resources += "\"arn:aws:s3:::bucket/key-" + QByteArray::number(i) + "\"";
    }
    resources += "]}}";
    QTest::newRow("5 MB on one line") << resources << true;
    QTest::newRow("5 MB cut short") << resources.left(resources.size() - 3) << false;
}

void tst_PolicyParser::hugeInputs()
{
    QFETCH(QByteArray, document);
    QFETCH(bool, valid);

    QElapsedTimer timer;
    timer.start();
    const auto result = parse(document);
    const qint64 parseMs = timer.elapsed();
    QVERIFY2(parseMs < 20000, QByteArray::number(parseMs).constData());
    const QByteArray broken = brokenInvariant(result, view(document));
    QVERIFY2(broken.isEmpty(), broken.constData());
    if (valid) {
        QVERIFY2(result.diagnostics.empty(),
                describeAll(result.diagnostics).mid(0, 5).join('\n').constData());
        QVERIFY(result.value);
    } else {
        QCOMPARE(result.diagnostics.size(), size_t(1));
        QCOMPARE(result.diagnostics[0].code, std::string("JSON_SYNTAX_ERROR"));
        QVERIFY(!result.value);
    }

    if (document.size() < 1'000'000) {
        // The scenario reader meets the same text as a file of scenarios.
        for (const char *file : { "deep.json", "deep.jsonl" }) {
            timer.restart();
            const auto entries = iamx::readScenarios(view(document), file);
            QVERIFY(timer.elapsed() < 20000);
            QCOMPARE(entries.size(), size_t(1));
            QVERIFY(entries[0].hasErrors());
            QCOMPARE(
                    entries[0].diagnostics.at(0).diagnostic.code, std::string("JSON_SYNTAX_ERROR"));
        }
    }
}

// The time to parse grows with the size of the input, not its square. The same shape is
// parsed at n and 8n bytes: a linear parser takes about 8 times as long, a quadratic one 64.
void tst_PolicyParser::largeInputsScaleLinearly_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArray>("item"); // `#` is replaced by the item's number
    QTest::addColumn<QByteArray>("separator");
    QTest::addColumn<QByteArray>("tail");
    QTest::addColumn<int>("size"); // n, in bytes

    QTest::newRow("statements")
            << QByteArray("{\"Version\":\"2012-10-17\",\"Statement\":[")
            << QByteArray("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}")
            << QByteArray(",") << QByteArray("]}") << 64'000;
    QTest::newRow("statements with distinct Sids")
            << QByteArray("{\"Version\":\"2012-10-17\",\"Statement\":[")
            << QByteArray("{\"Sid\":\"S#\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                          "\"Resource\":\"*\"}")
            << QByteArray(",") << QByteArray("]}") << 64'000;
    QTest::newRow("resources on one line")
            << QByteArray("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                          "\"Action\":\"s3:GetObject\",\"Resource\":[")
            << QByteArray("\"arn:aws:s3:::bucket/key-#\"") << QByteArray(",") << QByteArray("]}}")
            << 32'000;
    QTest::newRow("warnings, one a line")
            << QByteArray("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                          "\"Action\":\"s3:GetObject\",\"Resource\":[\n")
            << QByteArray("\"bad-#\"") << QByteArray(",\n") << QByteArray("]}}") << 16'000;
    QTest::newRow("warnings on one line")
            << QByteArray("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                          "\"Action\":\"s3:GetObject\",\"Resource\":[")
            << QByteArray("\"bad-#\"") << QByteArray(",") << QByteArray("]}}") << 8'000;
    QTest::newRow("condition keys")
            << QByteArray("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                          "\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{"
                          "\"StringEquals\":{")
            << QByteArray("\"k:#\":\"v\"") << QByteArray(",") << QByteArray("}}}}") << 4'000;
}

void tst_PolicyParser::largeInputsScaleLinearly()
{
    QFETCH(QByteArray, head);
    QFETCH(QByteArray, item);
    QFETCH(QByteArray, separator);
    QFETCH(QByteArray, tail);
    QFETCH(int, size);

    const auto build = [&](qsizetype bytesWanted) {
        QByteArray text = head;
        for (int i = 0; text.size() < bytesWanted; ++i) {
            if (i > 0)
                text += separator;
            text += QByteArray(item).replace('#', QByteArray::number(i));
        }
        return text + tail;
    };
    // The fastest of a few runs, to keep noise out of the ratio.
    const auto fastest = [](const QByteArray &text, int runs) {
        qint64 best = -1;
        for (int r = 0; r < runs; ++r) {
            QElapsedTimer timer;
            timer.start();
            const auto result = parse(text);
            const qint64 ns = timer.nsecsElapsed();
            if (!result.value)
                return qint64(-1);
            best = best < 0 ? ns : std::min(best, ns);
        }
        return best;
    };
    // Timings of a few milliseconds are noise and cache effects: an optimised build starts
    // from a larger n (the Debug+ASan build of the dev preset needs no doubling).
    constexpr qint64 floorNs = 5'000'000;
    qsizetype n = size;
    qint64 small = fastest(build(n), 3);
    for (int doubling = 0; small > 0 && small < floorNs && doubling < 4; ++doubling) {
        n *= 2;
        small = fastest(build(n), 3);
    }
    QVERIFY(small > 0);
    if (small < floorNs)
        QSKIP("parsing is too fast here to time it reliably");
    const qint64 large = fastest(build(n * 8), 2);
    QVERIFY(large > 0);
    const double ratio = double(large) / double(small);
    const QByteArray report = "8x the input took " + QByteArray::number(ratio, 'f', 1)
            + "x the time (" + QByteArray::number(small / 1000000) + " ms -> "
            + QByteArray::number(large / 1000000) + " ms)";
    QVERIFY2(ratio < 20.0, report.constData());
}

QTEST_APPLESS_MAIN(tst_PolicyParser)

#include "tst_policyparser.moc"
