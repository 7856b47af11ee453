#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iamx {

/// How bad a finding is; printed as `error`, `security-warning`, `warning`, `suggestion`.
enum class Severity { Error, SecurityWarning, Warning, Suggestion };

/// Where a finding is in a source text.
struct SourceLocation
{
    std::string file; ///< file name as given by the user; empty for in-memory text
    int line = 0; ///< 1-based; 0 when unknown
    int column = 0; ///< 1-based, counted in code points; 0 when unknown
    size_t offset = 0; ///< byte offset of the first byte in the source text
    size_t length = 0; ///< byte length of the range the finding covers
    int endLine = 0; ///< where the range ends (just past it), like line; 0 when not computed
    int endColumn = 0; ///< just past the range's last character, like column; 0 when not computed
};

/// One problem found in an input. `code` is stable (Access Analyzer's spelling, UPPER_SNAKE);
/// tests assert on it, never on the wording of `message`.
struct Diagnostic
{
    Severity severity = Severity::Error;
    std::string code;
    std::string pointer; ///< JSON pointer (RFC 6901) into the document, e.g. `/Statement/1/Effect`
    std::string message;
    SourceLocation where;
};

/// A parse result: the value when one could be made, and every problem found on the way.
template <typename T> struct Parsed
{
    std::optional<T> value;
    std::vector<Diagnostic> diagnostics;

    bool hasErrors() const
    {
        for (const auto &d : diagnostics)
            if (d.severity == Severity::Error)
                return true;
        return false;
    }
};

/// `error`, `security-warning`, `warning` or `suggestion`.
std::string_view severityName(Severity severity);
/// `ERROR`, `SECURITY_WARNING`, `WARNING` or `SUGGESTION`: as Access Analyzer spells them, in
/// JSON output.
std::string_view severityCode(Severity severity);

/// `file:line:column: severity: message [CODE]`, the form compilers use (style.md, "Errors").
std::string formatDiagnostic(const Diagnostic &diagnostic);

} // namespace iamx
