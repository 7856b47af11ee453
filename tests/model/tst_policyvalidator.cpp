// The policy validator (model/policyvalidator.h): every check fires on a deliberately wrong
// policy, at the right place, and nothing else fires (tests/data/validation/cases.jsonl, made
// by make_cases.py); AWS's own managed policies get no ERROR; spans and the table of checks.

#include "model/json.h"
#include "model/policyvalidator.h"
#include "tests/support/testsupport.h"

#include <QTest>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using iamx::Diagnostic;
using iamx::Severity;

namespace {

std::string describe(const std::vector<Diagnostic> &findings)
{
    std::string text;
    for (const auto &d : findings)
        text += "\n    " + iamx::formatDiagnostic(d);
    return text;
}

struct Case
{
    std::string code, severity, type, at, policy;
    int line = 0, column = 0;
    std::set<std::string> also;
    std::string resourceArn {}; ///< optional: the resource a resource policy is attached to
    std::vector<std::string> sensitive {}; ///< optional: resources called sensitive
};

std::vector<Case> readCases()
{
    std::vector<Case> cases;
    const std::string text =
            iamx::test::readFile(iamx::test::testDataPath("validation/cases.jsonl"));
    size_t start = 0;
    while (start < text.size()) {
        const size_t end = text.find('\n', start);
        const std::string_view line(
                text.data() + start, (end == std::string::npos ? text.size() : end) - start);
        start = end == std::string::npos ? text.size() : end + 1;
        if (line.empty())
            continue;
        const auto read = iamx::json::read(line);
        if (!read.value)
            qFatal("cases.jsonl: a line is not JSON");
        const auto &row = *read.value;
        const auto string = [&](const char *key) {
            const auto *v = row.find(key);
            return v && v->isString() ? v->text : std::string();
        };
        const auto number = [&](const char *key) {
            const auto *v = row.find(key);
            return v && v->isNumber() ? std::stoi(v->text) : 0;
        };
        Case c { string("code"), string("severity"), string("type"), string("at"), string("policy"),
            number("line"), number("column"), {} };
        if (const auto *also = row.find("also"))
            for (const auto &item : also->items)
                c.also.insert(item.text);
        c.resourceArn = string("resourceArn");
        if (const auto *sensitive = row.find("sensitiveResources"))
            for (const auto &item : sensitive->items)
                c.sensitive.push_back(item.text);
        cases.push_back(std::move(c));
    }
    return cases;
}

} // namespace

Q_DECLARE_METATYPE(Case)

class tst_PolicyValidator : public QObject
{
    Q_OBJECT

private slots:
    void wrongPolicies_data();
    void wrongPolicies();
    void everyCheckHasACase();
    void readmeListsEveryCheck();
    void spanOfAFinding();
    void policyTypes();
    void sizeWithoutWhitespace();
    void hostileInputGivesFindings_data();
    void hostileInputGivesFindings();
    void managedPoliciesHaveNoErrors();
};

void tst_PolicyValidator::wrongPolicies_data()
{
    QTest::addColumn<Case>("wrong");
    const auto cases = readCases();
    QVERIFY(cases.size() > 100);
    for (size_t i = 0; i < cases.size(); ++i)
        QTest::addRow("%zu %s %s", i + 1, cases[i].code.c_str(), cases[i].type.c_str()) << cases[i];
}

void tst_PolicyValidator::wrongPolicies()
{
    QFETCH(Case, wrong);
    const auto type = iamx::parseValidationPolicyType(wrong.type);
    QVERIFY(type);
    const auto findings = iamx::validatePolicy(
            wrong.policy, { *type, "case.json", wrong.resourceArn, wrong.sensitive });
    std::set<std::string> codes;
    for (const auto &d : findings) {
        codes.insert(d.code);
        QVERIFY2(iamx::findValidationCheck(d.code), ("not in the table: " + d.code).c_str());
        QCOMPARE(d.where.file, std::string("case.json"));
    }
    if (wrong.code != "NO_FINDING") {
        const auto hit = std::find_if(findings.begin(), findings.end(), [&](const Diagnostic &d) {
            return d.code == wrong.code && d.where.line == wrong.line
                    && d.where.column == wrong.column;
        });
        QVERIFY2(hit != findings.end(),
                (wrong.code + " not at " + std::to_string(wrong.line) + ":"
                        + std::to_string(wrong.column) + describe(findings))
                        .c_str());
        QCOMPARE(iamx::severityCode(hit->severity), wrong.severity);
        // The span starts with the text the case names and stays within the policy.
        QCOMPARE(wrong.policy.substr(hit->where.offset, wrong.at.size()), wrong.at);
        QVERIFY(hit->where.offset + hit->where.length <= wrong.policy.size());
        QVERIFY(!hit->message.empty());
        codes.erase(wrong.code);
    }
    for (const auto &code : wrong.also)
        QVERIFY2(codes.erase(code) == 1, ("expected also " + code + describe(findings)).c_str());
    QVERIFY2(codes.empty(), ("unexpected findings:" + describe(findings)).c_str());
}

// Each check of the table is proved by at least one case, and each case's severity is the
// table's.
void tst_PolicyValidator::everyCheckHasACase()
{
    std::set<std::string> covered;
    for (const auto &c : readCases())
        covered.insert(c.code);
    for (const auto &check : iamx::validationChecks()) {
        QVERIFY2(covered.count(std::string(check.code)),
                ("no wrong policy for " + std::string(check.code)).c_str());
        QVERIFY(!check.summary.empty());
    }
    std::set<std::string_view> codes;
    for (const auto &check : iamx::validationChecks())
        QVERIFY2(codes.insert(check.code).second, std::string(check.code).c_str());
}

// The README's table of checks (section "Validation") names each check of the table under its
// severity, and nothing else: users look codes up there.
void tst_PolicyValidator::readmeListsEveryCheck()
{
    const std::string readme = iamx::test::readFile(iamx::test::testDataPath("../../README.md"));
    QVERIFY(!readme.empty());
    std::map<std::string, std::set<std::string>> listed; // severity -> codes
    const std::regex row(R"(^\| (ERROR|SECURITY_WARNING|WARNING|SUGGESTION) \| (.*)\|$)");
    const std::regex code(R"(`([A-Z][A-Z0-9_]+)` \()");
    std::istringstream lines(readme);
    for (std::string line; std::getline(lines, line);) {
        std::smatch match;
        if (!std::regex_match(line, match, row))
            continue;
        const std::string severity = match[1];
        const std::string cells = match[2];
        for (std::sregex_iterator it(cells.begin(), cells.end(), code), end; it != end; ++it)
            QVERIFY2(listed[severity].insert((*it)[1]).second, (*it)[1].str().c_str());
    }
    std::map<std::string, std::set<std::string>> expected;
    for (const auto &check : iamx::validationChecks())
        expected[std::string(iamx::severityCode(check.severity))].insert(std::string(check.code));
    for (const auto &[severity, codes] : expected)
        for (const auto &c : codes)
            QVERIFY2(listed[severity].count(c), ("README lacks " + severity + " " + c).c_str());
    for (const auto &[severity, codes] : listed)
        for (const auto &c : codes)
            QVERIFY2(expected[severity].count(c),
                    ("README lists " + severity + " " + c + ", which the table does not have")
                            .c_str());
}

// The issue's example: line, column, and the end just past the last character.
void tst_PolicyValidator::spanOfAFinding()
{
    const std::string text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\n"
                             "    \"Effect\": \"Allowed\", \"Action\": \"s3:GetObject\",\n"
                             "    \"Resource\": \"*\"}]\n}";
    const auto findings = iamx::validatePolicy(text);
    QCOMPARE(findings.size(), size_t(1));
    const auto &d = findings.front();
    QCOMPARE(d.code, std::string("INVALID_EFFECT"));
    QCOMPARE(d.pointer, std::string("/Statement/0/Effect"));
    QCOMPARE(d.where.line, 4);
    QCOMPARE(d.where.column, 15);
    QCOMPARE(d.where.endLine, 4);
    QCOMPARE(d.where.endColumn, 24);
    QVERIFY(d.message.find("\"Allow\" or \"Deny\"") != std::string::npos);
}

void tst_PolicyValidator::policyTypes()
{
    for (const char *name :
            { "identity", "resource", "trust", "permissionsBoundary", "session", "scp", "rcp" }) {
        const auto type = iamx::parseValidationPolicyType(name);
        QVERIFY2(type, name);
        QCOMPARE(iamx::validationPolicyTypeName(*type), std::string_view(name));
    }
    QVERIFY(!iamx::parseValidationPolicyType("Identity"));
    QVERIFY(!iamx::parseValidationPolicyType(""));
    QCOMPARE(iamx::validationPolicyType(
                     iamx::PolicyType::Resource, iamx::ResourcePolicyKind::TrustPolicy),
            iamx::ValidationPolicyType::Trust);
}

void tst_PolicyValidator::sizeWithoutWhitespace()
{
    QCOMPARE(iamx::policySizeWithoutWhitespace("{ \"a b\" :\n\t[1, 2] }"), size_t(13));
    QCOMPARE(iamx::policySizeWithoutWhitespace("\"a\\\" b\""), size_t(7));
    QCOMPARE(iamx::policySizeWithoutWhitespace(""), size_t(0));
}

void tst_PolicyValidator::hostileInputGivesFindings_data()
{
    QTest::addColumn<std::string>("text");
    QTest::newRow("empty") << std::string();
    QTest::newRow("array") << std::string("[]");
    QTest::newRow("deep") << std::string(5000, '[');
    QTest::newRow("statement of numbers") << std::string("{\"Statement\": [1, 2]}");
    QTest::newRow("condition of arrays")
            << std::string("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", "
                           "\"Resource\": \"*\", \"Condition\": {\"StringEquals\": []}}}");
    QTest::newRow("invalid UTF-8") << std::string("{\"Statement\": \"\xff\"}");
}

void tst_PolicyValidator::hostileInputGivesFindings()
{
    QFETCH(std::string, text);
    const auto findings = iamx::validatePolicy(text);
    QVERIFY(std::any_of(findings.begin(), findings.end(),
            [](const Diagnostic &d) { return d.severity == Severity::Error; }));
}

// Every AWS managed policy of the committed sample validates as an identity policy without an
// ERROR; the distribution of the rest is printed, and security warnings stay rare (a storm of
// them on policies AWS ships would be false alarms).
void tst_PolicyValidator::managedPoliciesHaveNoErrors()
{
    const std::filesystem::path folder = iamx::test::testDataPath("managed-policies/sample");
    std::vector<std::filesystem::path> files;
    for (const auto &entry : std::filesystem::directory_iterator(folder))
        if (entry.path().extension() == ".json")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    QVERIFY(files.size() >= 250);
    std::map<std::string, int> counts;
    size_t securityWarnings = 0;
    // AWS ships full-access and service-role policies that do complete escalation paths (true
    // findings, not noise): bounded on their own.
    size_t escalations = 0;
    std::chrono::duration<double, std::milli> slowest {};
    std::string slowestFile;
    iamx::validatePolicy("{}"); // loads the catalog, once per run
    for (const auto &file : files) {
        const std::string text = iamx::test::readFile(file.string());
        const auto start = std::chrono::steady_clock::now();
        const auto findings = iamx::validatePolicy(text, { {}, file.filename().string() });
        const std::chrono::duration<double, std::milli> took =
                std::chrono::steady_clock::now() - start;
        if (took > slowest) {
            slowest = took;
            slowestFile = file.filename().string();
        }
        for (const auto &d : findings) {
            QVERIFY2(d.severity != Severity::Error, iamx::formatDiagnostic(d).c_str());
            ++counts[std::string(iamx::severityCode(d.severity)) + " " + d.code];
            const bool escalation = d.code == "PRIVILEGE_ESCALATION"
                    || d.code == "RESOURCE_POLICY_PRIVILEGE_ESCALATION";
            escalations += escalation ? 1 : 0;
            securityWarnings += d.severity == Severity::SecurityWarning && !escalation ? 1 : 0;
        }
    }
    qInfo("%zu managed policies; slowest %.1f ms (%s); findings:", files.size(), slowest.count(),
            slowestFile.c_str());
    for (const auto &[code, count] : counts)
        qInfo("  %5d %s", count, code.c_str());
    QVERIFY2(securityWarnings * 10 <= files.size(),
            (std::to_string(securityWarnings) + " security warnings").c_str());
    QVERIFY2(escalations * 5 <= files.size(),
            (std::to_string(escalations) + " privilege escalation findings").c_str());
}

QTEST_APPLESS_MAIN(tst_PolicyValidator)
#include "tst_policyvalidator.moc"
