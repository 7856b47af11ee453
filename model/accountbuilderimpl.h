#pragma once

// The state of an AccountBuilder while it reads, shared by the files that read an account:
// accountbuilder.cpp (the AWS lists), workspacereader.cpp (the IamExplorer object) and
// accountreferences.cpp (checks across entities). Private to them.

#include "model/accountbuilder.h"
#include "model/json.h"

#include <cstdint>
#include <optional>
#include <simdjson.h>
#include <string>
#include <string_view>
#include <vector>

namespace iamx {

namespace od = simdjson::ondemand;

/// The name of the list an entity kind is read from.
inline std::string_view listName(EntityKind kind)
{
    switch (kind) {
    case EntityKind::User:
        return "UserDetailList";
    case EntityKind::Group:
        return "GroupDetailList";
    case EntityKind::Role:
        return "RoleDetailList";
    case EntityKind::Policy:
        return "Policies";
    }
    return "";
}

struct AccountBuilder::Impl
{
    // What finish() hands to the Account.
    std::vector<User> users;
    std::vector<Group> groups;
    std::vector<Role> roles;
    std::vector<ManagedPolicy> policies;
    std::vector<Resource> resources;
    std::optional<Organization> organization;
    std::vector<std::string> scenarios;
    std::vector<Account::OtherMember> otherMembers;
    std::vector<std::string> pagingSeen; // the paging markers of the source being read
    std::string accountId;
    std::vector<Diagnostic> diagnostics;
    std::vector<std::unique_ptr<Account::Source>> sources;
    std::vector<std::uint32_t> diagnosticSources;

    od::parser inner;
    // The on-demand parser only checks what it reads; every entity is validated whole first,
    // with the DOM parser (its kernel is picked for the processor at run time), so that no
    // broken JSON is kept and written back.
    simdjson::dom::parser validator;

    // True when `text` is one valid JSON object (a policy document in a string).
    bool isJsonObject(std::string_view text)
    {
        simdjson::dom::element element;
        return !validator.parse(text.data(), text.size(), true).get(element) && element.is_object();
    }
    std::uint32_t sourceIndex = 0;
    const char *base = nullptr; // start of the current source's text
    size_t capacity = 0; // bytes readable from base (text plus padding)
    bool failed = false;

    // Where a pointer into the current source is, as a span of `length` bytes.
    SourceSpan spanAt(const char *at, size_t length) const
    {
        return { sourceIndex, static_cast<std::uint64_t>(at - base), length };
    }

    void report(Severity severity, std::string code, std::string pointer, std::string message,
            SourceSpan span)
    {
        Diagnostic d;
        d.severity = severity;
        d.code = std::move(code);
        d.pointer = std::move(pointer);
        d.message = std::move(message);
        d.where.offset = span.offset;
        d.where.length = span.length;
        if (span.source < sources.size())
            d.where.file = sources[span.source]->name;
        diagnostics.push_back(std::move(d));
        diagnosticSources.push_back(span.source); // lines and columns are found in finish()
    }

    void refuse(std::string message, size_t offset)
    {
        report(Severity::Error, "INVALID_ACCOUNT_FILE", "", std::move(message),
                { sourceIndex, offset, 1 });
        failed = true;
    }

    // Precise syntax errors come from our own reader: simdjson says what, not where.
    void refuseWithSyntaxError(std::string_view text, const char *fallback)
    {
        const json::ReadResult read = json::read(text);
        if (read.error)
            report(Severity::Error, "JSON_SYNTAX_ERROR", "", read.error->message,
                    { sourceIndex, read.error->offset, 1 });
        else
            report(Severity::Error, "INVALID_ACCOUNT_FILE", "", fallback, { sourceIndex, 0, 1 });
        failed = true;
    }

    bool readSource(std::string_view text);
    void checkReferences();
    void locateDiagnostics();
    bool readList(std::string_view list, EntityKind kind, const std::string &pointer);
    void readEntity(std::string_view raw, EntityKind kind, const std::string &pointer);
    void readIamExplorer(std::string_view raw);
};

} // namespace iamx
