#pragma once

// Helpers shared by the policy parser tests (tst_policyparsererrors, tst_policyparserwarnings,
// tst_policycompile, tst_parserrobustness): documents built line by line, diagnostics described
// for comparison.

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

[[maybe_unused]] std::string_view view(const QByteArray &bytes)
{
    return std::string_view(bytes.constData(), static_cast<size_t>(bytes.size()));
}

[[maybe_unused]] QByteArray bytes(std::string_view text)
{
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

// Lines joined with '\n': documents are written one line per entry so that positions can be
// counted by eye.
[[maybe_unused]] QByteArray lines(std::initializer_list<const char *> text)
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
[[maybe_unused]] QByteArray oneStatement(std::initializer_list<const char *> members)
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

[[maybe_unused]] iamx::Parsed<iamx::Policy> parse(const QByteArray &text,
        PolicyType type = PolicyType::Identity,
        ResourcePolicyKind kind = ResourcePolicyKind::Ordinary)
{
    iamx::PolicyParseOptions options;
    options.type = type;
    options.resourceKind = kind;
    options.name = "test";
    return iamx::parsePolicyText(view(text), options, "policy.json");
}

// One finding as a line that QCOMPARE can show: `CODE severity /pointer line:column`.
[[maybe_unused]] QByteArray describe(
        const QByteArray &code, Severity severity, const QByteArray &pointer, int line, int column)
{
    return code + ' ' + iamx::severityName(severity).data() + ' '
            + (pointer.isEmpty() ? "''" : pointer) + ' ' + QByteArray::number(line) + ':'
            + QByteArray::number(column);
}

[[maybe_unused]] QByteArray describe(const iamx::Diagnostic &d)
{
    return describe(bytes(d.code), d.severity, bytes(d.pointer), d.where.line, d.where.column);
}

[[maybe_unused]] QByteArrayList describeAll(const std::vector<iamx::Diagnostic> &diagnostics)
{
    QByteArrayList all;
    for (const auto &d : diagnostics)
        all.append(describe(d));
    return all;
}

[[maybe_unused]] QByteArrayList describeErrors(const std::vector<iamx::Diagnostic> &diagnostics)
{
    QByteArrayList errors;
    for (const auto &d : diagnostics)
        if (d.severity == Severity::Error)
            errors.append(describe(d));
    return errors;
}

// Checks the invariants every parse result must keep, whatever the input; returns a reason
// when one is broken (empty when all hold).
[[maybe_unused]] QByteArray brokenInvariant(
        const iamx::Parsed<iamx::Policy> &result, std::string_view text)
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

[[maybe_unused]] QByteArray brokenInvariant(const std::vector<iamx::ScenarioEntry> &entries)
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
