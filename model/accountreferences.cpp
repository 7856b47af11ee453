#include "model/accountbuilderimpl.h"
#include "model/arn.h"
#include "model/casefold.h"

#include <map>
#include <unordered_map>

// Checks across the entities of an account once all are read (account-format.md §4.5): the
// account id, duplicates, default versions, references to groups and policies the file does
// not contain; then every diagnostic gets its line and column.

namespace iamx {

void AccountBuilder::Impl::checkReferences()
{
    const auto where = [](const SourceSpan &span) {
        return SourceSpan { span.source, span.offset, 1 };
    };
    // The account: the workspace says, else the entities' ARNs do.
    std::map<std::string, size_t> accounts;
    const auto count = [&accounts](const std::string &arn) {
        if (const auto parts = parseArn(arn); parts && isAccountId(parts->account))
            ++accounts[std::string(parts->account)];
    };
    for (const auto &u : users)
        count(u.arn);
    for (const auto &g : groups)
        count(g.arn);
    for (const auto &r : roles)
        count(r.arn);
    if (accountId.empty() && !accounts.empty()) {
        accountId = accounts.begin()->first;
        for (const auto &[id, n] : accounts)
            if (n > accounts[accountId])
                accountId = id;
    }
    if (accounts.size() > 1)
        report(Severity::Warning, "MIXED_ACCOUNTS", "",
                "entities of " + std::to_string(accounts.size())
                        + " accounts: each principal keeps the account of its own ARN",
                { 0, 0, 1 });

    std::unordered_map<std::string, size_t> names;
    const auto unique = [&](std::string_view kind, const std::string &key, const SourceSpan &span) {
        if (key.empty())
            return;
        if (!names.emplace(std::string(kind) + "\n" + key, 0).second)
            report(Severity::Warning, "DUPLICATE_ENTITY", "",
                    std::string(kind) + " \"" + key
                            + "\" appears more than once (ignoring case): lookups use the first",
                    where(span));
    };
    const auto required = [&](std::string_view kind, std::string_view field,
                                  const std::string &value, const SourceSpan &span) {
        if (value.empty())
            report(Severity::Error, "INVALID_ACCOUNT_FIELD", "",
                    std::string(kind) + " without " + std::string(field) + ": kept, but it "
                            + "cannot be looked up",
                    where(span));
    };
    std::unordered_map<std::string, bool> groupNames;
    for (const auto &g : groups) {
        required("a group", "GroupName", g.name, g.span);
        unique("group", toAsciiLowercase(g.name), g.span);
        groupNames.emplace(toAsciiLowercase(g.name), true);
    }
    std::unordered_map<std::string, bool> policyArns;
    for (auto &p : policies) {
        required("a managed policy", "Arn", p.arn, p.span);
        unique("managed policy", p.arn, p.span);
        policyArns.emplace(p.arn, true);
        int defaults = 0;
        for (size_t i = 0; i < p.versions.size(); ++i)
            if (p.versions[i].isDefault) {
                ++defaults;
                p.defaultVersion = static_cast<int>(i);
            }
        const bool agrees = defaults == 1
                && p.versions[static_cast<size_t>(p.defaultVersion)].versionId
                        == p.defaultVersionId;
        if (!agrees) {
            p.defaultVersion = -1;
            report(Severity::Error, "INVALID_DEFAULT_VERSION", "",
                    "managed policy " + p.arn + " has " + std::to_string(defaults)
                            + " default versions (DefaultVersionId " + p.defaultVersionId
                            + "): it is not evaluated",
                    where(p.span));
        }
    }
    const auto checkAttached = [&](std::string_view owner, const std::vector<AttachedPolicy> &list,
                                       const std::optional<std::string> *boundary,
                                       const SourceSpan &span) {
        for (const auto &a : list)
            if (!policyArns.count(a.arn))
                report(Severity::Warning, "UNRESOLVED_POLICY", "",
                        std::string(owner) + " attaches " + a.arn
                                + ", which the file does not contain: its decisions are "
                                  "incomplete",
                        where(span));
        if (boundary && *boundary && !policyArns.count(**boundary))
            report(Severity::Warning, "UNRESOLVED_POLICY", "",
                    std::string(owner) + " has the permissions boundary " + **boundary
                            + ", which the file does not contain: its decisions are incomplete",
                    where(span));
    };
    for (const auto &u : users) {
        required("a user", "UserName", u.name, u.span);
        required("a user", "Arn", u.arn, u.span);
        unique("user", toAsciiLowercase(u.name), u.span);
        unique("user", u.arn, u.span);
        for (const auto &name : u.groupNames)
            if (!groupNames.count(toAsciiLowercase(name)))
                report(Severity::Warning, "UNKNOWN_GROUP", "",
                        "user " + u.name + " lists the group \"" + name
                                + "\", which the file does not contain: ignored",
                        where(u.span));
        checkAttached("user " + u.name, u.attachedPolicies, &u.permissionsBoundaryArn, u.span);
    }
    for (const auto &g : groups)
        checkAttached("group " + g.name, g.attachedPolicies, nullptr, g.span);
    for (const auto &r : roles) {
        required("a role", "RoleName", r.name, r.span);
        required("a role", "Arn", r.arn, r.span);
        unique("role", toAsciiLowercase(r.name), r.span);
        unique("role", r.arn, r.span);
        checkAttached("role " + r.name, r.attachedPolicies, &r.permissionsBoundaryArn, r.span);
    }
}

void AccountBuilder::Impl::locateDiagnostics()
{
    std::vector<std::unique_ptr<json::LineIndex>> indexes(sources.size());
    for (size_t i = 0; i < diagnostics.size(); ++i) {
        const std::uint32_t source = diagnosticSources[i];
        if (source >= sources.size())
            continue;
        if (!indexes[source])
            indexes[source] = std::make_unique<json::LineIndex>(sources[source]->text);
        const auto position = indexes[source]->position(diagnostics[i].where.offset);
        diagnostics[i].where.line = position.line;
        diagnostics[i].where.column = position.column;
    }
}

} // namespace iamx
