#include "diagnostic.h"

namespace iamx {

std::string_view severityCode(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return "ERROR";
    case Severity::SecurityWarning:
        return "SECURITY_WARNING";
    case Severity::Warning:
        return "WARNING";
    case Severity::Suggestion:
        return "SUGGESTION";
    }
    return "ERROR";
}

std::string_view severityName(Severity severity)
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
    return "error";
}

std::string formatDiagnostic(const Diagnostic &diagnostic)
{
    std::string text =
            diagnostic.where.file.empty() ? std::string("<input>") : diagnostic.where.file;
    if (diagnostic.where.line > 0) {
        text += ':';
        text += std::to_string(diagnostic.where.line);
        text += ':';
        text += std::to_string(diagnostic.where.column);
    }
    text += ": ";
    text += severityName(diagnostic.severity);
    text += ": ";
    text += diagnostic.message;
    if (!diagnostic.pointer.empty()) {
        text += " (at ";
        text += diagnostic.pointer;
        text += ')';
    }
    text += " [";
    text += diagnostic.code;
    text += ']';
    return text;
}

} // namespace iamx
