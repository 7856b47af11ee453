#pragma once

#include "model/account.h"
#include "model/diagnostic.h"
#include "model/json.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

// What the account-wide checks (accountfindings.cpp, statementreach.cpp) share: placing a
// finding in the account's files. Internal to them.

namespace iamx::accountcheck {

/// Positions in the account's sources, each indexed once when first asked.
class Locator
{
public:
    explicit Locator(const Account &account)
        : m_account(account)
        , m_lines(account.sources().size())
    {
    }

    /// Sets `d`'s file, line and column to the byte `offset` of source `source`, and its end
    /// to `offset + length`.
    void place(Diagnostic &d, std::uint32_t source, std::uint64_t offset, std::uint64_t length)
    {
        if (source >= m_account.sources().size())
            return;
        if (!m_lines[source])
            m_lines[source] = std::make_unique<json::LineIndex>(m_account.sources()[source]->text);
        const auto begin = m_lines[source]->position(offset);
        const auto end = m_lines[source]->position(offset + length);
        d.where.file = m_account.sources()[source]->name;
        d.where.offset = offset;
        d.where.length = length;
        d.where.line = begin.line;
        d.where.column = begin.column;
        d.where.endLine = end.line;
        d.where.endColumn = end.column;
    }
    void place(Diagnostic &d, const SourceSpan &span)
    {
        place(d, span.source, span.offset, span.length);
    }
    /// Places `d` at bytes [offset, offset + length) of a policy document of the account. A
    /// document written as a JSON object is the file's own text, so the range is exact; one
    /// written as a string was decoded, so `d` points at the whole string.
    void placeInDocument(
            Diagnostic &d, const PolicyText &document, std::uint64_t offset, std::uint64_t length)
    {
        const SourceSpan &span = document.span();
        if (document.form() == PolicyText::Form::Object)
            place(d, span.source, span.offset + offset, length);
        else
            place(d, span);
    }

private:
    const Account &m_account;
    std::vector<std::unique_ptr<json::LineIndex>> m_lines;
};

inline Diagnostic finding(
        Severity severity, std::string code, std::string pointer, std::string message)
{
    Diagnostic d;
    d.severity = severity;
    d.code = std::move(code);
    d.pointer = std::move(pointer);
    d.message = std::move(message);
    return d;
}

} // namespace iamx::accountcheck
