#pragma once

// Helpers shared by the scenario file tests (tst_scenariofiles, tst_scenariofields,
// tst_scenariopolicies): scenarios laid out line by line, findings described for comparison,
// scenario files read.

#include "model/scenario.h"

#include <QTest>

#include <string>
#include <string_view>
#include <vector>

Q_DECLARE_METATYPE(iamx::PrincipalKind)
Q_DECLARE_METATYPE(iamx::ResourcePolicyKind)
Q_DECLARE_METATYPE(iamx::Severity)

namespace {

using Lines = std::vector<const char *>;

[[maybe_unused]] std::string_view view(const QByteArray &bytes)
{
    return std::string_view(bytes.constData(), static_cast<size_t>(bytes.size()));
}

[[maybe_unused]] QByteArray bytes(std::string_view text)
{
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

[[maybe_unused]] QByteArray lines(const Lines &text)
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
[[maybe_unused]] QByteArray scenarioText(const Lines &request, const Lines &extra = {})
{
    QByteArray text = "{\n  \"request\": {\n";
    for (const char *member : request)
        text += QByteArray("    ") + member + '\n';
    text += extra.empty() ? "  }\n" : "  },\n";
    for (const char *member : extra)
        text += QByteArray("  ") + member + '\n';
    return text + '}';
}

[[maybe_unused]] const Lines aliceReads {
    "\"principal\": \"arn:aws:iam::111122223333:user/alice\",", "\"action\": \"s3:GetObject\",",
    "\"resource\": \"arn:aws:s3:::b/k\""
};

// One finding as a line QCOMPARE can show: `in|CODE /pointer line:column` (in and pointer `''`
// when empty).
[[maybe_unused]] QByteArray describe(const QByteArray &in, const QByteArray &code,
        const QByteArray &pointer, int line, int column)
{
    return (in.isEmpty() ? "''" : in) + '|' + code + ' ' + (pointer.isEmpty() ? "''" : pointer)
            + ' ' + QByteArray::number(line) + ':' + QByteArray::number(column);
}

[[maybe_unused]] QByteArray describe(const iamx::ScenarioDiagnostic &d)
{
    return describe(bytes(d.in), bytes(d.diagnostic.code), bytes(d.diagnostic.pointer),
            d.diagnostic.where.line, d.diagnostic.where.column);
}

[[maybe_unused]] QByteArrayList describeAll(const iamx::ScenarioEntry &entry)
{
    QByteArrayList all;
    for (const auto &d : entry.diagnostics)
        all.append(describe(d));
    return all;
}

[[maybe_unused]] QByteArrayList describeErrors(const iamx::ScenarioEntry &entry)
{
    QByteArrayList errors;
    for (const auto &d : entry.diagnostics)
        if (d.diagnostic.severity == iamx::Severity::Error)
            errors.append(describe(d));
    return errors;
}

[[maybe_unused]] std::vector<iamx::ScenarioEntry> read(const QByteArray &text, const char *file)
{
    return iamx::readScenarios(view(text), file);
}

[[maybe_unused]] QByteArrayList values(const iamx::ContextEntry &entry)
{
    QByteArrayList list;
    for (const auto &value : entry.values)
        list.append(bytes(value));
    return list;
}

} // namespace
