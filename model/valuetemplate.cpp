#include "valuetemplate.h"

#include "casefold.h"
#include "request.h"

namespace iamx {
namespace {

struct ParsedVariable
{
    bool ok = false;
    char escape = 0; // '*', '?' or '$' for the escapes
    std::string_view key;
    std::optional<std::string_view> defaultValue;
    size_t end = 0; // offset just past the closing brace
    std::string problemCode;
    std::string problem;
};

// Reads `${...}` starting at `start` (which points at `$`).
ParsedVariable parseVariable(std::string_view text, size_t start)
{
    ParsedVariable v;
    const size_t close = text.find('}', start + 2);
    if (close == std::string_view::npos) {
        v.problemCode = "MISSING_BRACE_IN_VARIABLE";
        v.problem = "policy variable has no closing '}': read as plain text";
        return v;
    }
    v.end = close + 1;
    const std::string_view body = text.substr(start + 2, close - start - 2);
    if (body == "*" || body == "?" || body == "$") {
        v.ok = true;
        v.escape = body[0];
        return v;
    }
    const size_t comma = body.find(',');
    v.key = body.substr(0, comma);
    if (v.key.empty()) {
        v.problemCode = "EMPTY_VARIABLE";
        v.problem = "empty policy variable: read as plain text";
        return v;
    }
    if (v.key.find(' ') != std::string_view::npos || v.key.find('$') != std::string_view::npos
            || v.key.find('{') != std::string_view::npos) {
        v.problemCode = "UNSUPPORTED_SPACE_IN_VARIABLE";
        v.problem = "policy variable name holds a space or brace: read as plain text";
        return v;
    }
    if (comma != std::string_view::npos) {
        // The default: `, 'value'` (AWS writes one space; tolerate any number).
        std::string_view rest = body.substr(comma + 1);
        while (!rest.empty() && rest.front() == ' ')
            rest.remove_prefix(1);
        if (rest.size() < 2 || rest.front() != '\'' || rest.back() != '\'') {
            v.problemCode = "MISSING_QUOTE_IN_VARIABLE";
            v.problem = "policy variable default must be in single quotes: read as plain text";
            return v;
        }
        v.defaultValue = rest.substr(1, rest.size() - 2);
    }
    v.ok = true;
    return v;
}

} // namespace

ValueTemplate ValueTemplate::compile(std::string_view text, bool variablesEnabled,
        WildcardMode mode, std::vector<TemplateProblem> *problems)
{
    ValueTemplate t;
    t.m_mode = mode;
    Piece current; // the text piece being built
    current.isGlob = mode == WildcardMode::Glob;
    auto flushText = [&t, &current, mode]() {
        if (!current.text.empty())
            t.m_pieces.push_back(std::move(current));
        current = Piece {};
        current.isGlob = mode == WildcardMode::Glob;
    };
    size_t i = 0;
    while (i < text.size()) {
        if (variablesEnabled && text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{') {
            const ParsedVariable v = parseVariable(text, i);
            if (v.ok) {
                if (v.escape) {
                    // A literal character: its own non-glob piece so `*` and `?` stay literal.
                    flushText();
                    Piece literal;
                    literal.text = std::string(1, v.escape);
                    t.m_pieces.push_back(std::move(literal));
                } else {
                    flushText();
                    Piece variable;
                    variable.isVariable = true;
                    variable.lowerKey = toLowercase(v.key);
                    if (v.defaultValue)
                        variable.defaultValue = std::string(*v.defaultValue);
                    t.m_pieces.push_back(std::move(variable));
                    t.m_hasVariables = true;
                }
                i = v.end;
                continue;
            }
            if (problems)
                problems->push_back({ v.problemCode, v.problem, i });
        }
        current.text += text[i];
        ++i;
    }
    flushText();
    if (!t.m_hasVariables) {
        for (const auto &piece : t.m_pieces) {
            appendPatternUnits(t.m_units, piece.text,
                    piece.isGlob ? WildcardMode::Glob : WildcardMode::Literal);
            t.m_literal += piece.text;
        }
        t.m_pieces.clear();
    }
    return t;
}

const std::string *ValueTemplate::lookup(const Piece &piece, const RequestContext &context) const
{
    const ContextEntry *entry = context.find(piece.lowerKey);
    if (entry && !entry->multiValued && !entry->values.empty())
        return &entry->values.front();
    if (!entry && piece.defaultValue)
        return &*piece.defaultValue;
    return nullptr; // absent without default, or multi-valued: never resolves
}

bool ValueTemplate::resolveUnits(const RequestContext &context, std::vector<PatternUnit> &out) const
{
    out.clear();
    if (!m_hasVariables) {
        out = m_units;
        return true;
    }
    for (const auto &piece : m_pieces) {
        if (!piece.isVariable) {
            appendPatternUnits(
                    out, piece.text, piece.isGlob ? WildcardMode::Glob : WildcardMode::Literal);
            continue;
        }
        const std::string *value = lookup(piece, context);
        if (!value)
            return false;
        // Substituted values are literal text, never globs (iam-evaluation.md §8).
        appendPatternUnits(out, *value, WildcardMode::Literal);
    }
    return true;
}

bool ValueTemplate::resolveText(const RequestContext &context, std::string &out) const
{
    out.clear();
    if (!m_hasVariables) {
        out = m_literal;
        return true;
    }
    for (const auto &piece : m_pieces) {
        if (!piece.isVariable) {
            out += piece.text;
            continue;
        }
        const std::string *value = lookup(piece, context);
        if (!value)
            return false;
        out += *value;
    }
    return true;
}

std::vector<std::string_view> splitOutsideVariables(
        std::string_view text, char separator, size_t maxParts)
{
    std::vector<std::string_view> parts;
    size_t start = 0;
    size_t i = 0;
    while (i < text.size() && parts.size() + 1 < maxParts) {
        if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{') {
            const size_t close = text.find('}', i + 2);
            if (close != std::string_view::npos) {
                i = close + 1;
                continue;
            }
        }
        if (text[i] == separator) {
            parts.push_back(text.substr(start, i - start));
            start = i + 1;
        }
        ++i;
    }
    parts.push_back(text.substr(start));
    return parts;
}

} // namespace iamx
