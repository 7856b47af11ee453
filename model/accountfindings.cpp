#include "accountfindings.h"

#include "model/account.h"
#include "model/accountlocator.h"
#include "model/accountquotas.h"
#include "model/boundarycaps.h"
#include "model/documentkey.h"
#include "model/json.h"
#include "model/policyvalidator.h"
#include "model/resolver.h"
#include "model/statementreach.h"

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace iamx {

namespace {

using accountcheck::finding;
using accountcheck::Locator;

std::string withoutWhitespace(std::string_view text)
{
    // Outside strings only: two documents that differ inside a string are different.
    std::string out;
    out.reserve(text.size());
    bool inString = false;
    bool escaped = false;
    for (const char c : text) {
        if (inString) {
            out += c;
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        if (c == '"')
            inString = true;
        out += c;
    }
    return out;
}

/// A principal named in a trust policy that should be in this account but is not.
std::string missingPrincipal(const Account &account, std::string_view principal)
{
    const auto startsWith = [&](std::string_view prefix) { return principal.starts_with(prefix); };
    // Unique ids stand where AWS found a deleted principal (AIDA: user, AROA: role).
    if ((startsWith("AIDA") || startsWith("AROA")) && principal.find(':') == std::string::npos)
        return account.kindOfId(principal).empty() ? "names " + std::string(principal)
                        + ", a unique id: AWS shows one where the user or role it named was deleted"
                                                   : std::string();
    const std::string prefix = "arn:aws:iam::" + account.accountId() + ":";
    if (!startsWith(prefix) || principal.find('*') != std::string::npos)
        return {};
    const std::string_view rest = principal.substr(prefix.size());
    if (rest.starts_with("user/") && !account.findUser(principal))
        return "names the user " + std::string(principal) + ", which the account does not have";
    if (rest.starts_with("role/") && !account.findRole(principal))
        return "names the role " + std::string(principal) + ", which the account does not have";
    return {};
}

} // namespace

std::vector<Diagnostic> accountFindings(
        const Account &account, const AccountFindingsOptions &options)
{
    const Resolver resolver(account);
    return accountFindings(account, resolver, options);
}

std::vector<Diagnostic> accountFindings(
        const Account &account, const Resolver &resolver, const AccountFindingsOptions &options)
{
    std::vector<Diagnostic> findings;
    Locator locator(account);

    // Trust policies that name principals this account does not have.
    for (size_t i = 0; i < account.roles().size(); ++i) {
        const Role &role = account.roles()[i];
        for (const auto &principal : resolver.admittedBy(role)) {
            const std::string why = missingPrincipal(account, principal);
            if (why.empty())
                continue;
            Diagnostic d = finding(Severity::Warning, "TRUST_POLICY_UNKNOWN_PRINCIPAL",
                    "/RoleDetailList/" + std::to_string(i) + "/AssumeRolePolicyDocument",
                    "The trust policy of " + role.name + " " + why
                            + ": remove it, or it admits whoever is created under that name next");
            locator.place(d, role.trustPolicy.span());
            findings.push_back(std::move(d));
        }
    }

    // Resource policies that name principals this account does not have.
    for (const Resource &resource : account.resources()) {
        if (!resource.policy || resource.policy->empty())
            continue;
        const PolicyRef policy = resolver.compile(*resource.policy, PolicyType::Resource,
                resourcePolicyKindFor("", resource.arn), resource.arn, nullptr);
        if (!policy)
            continue; // its own validation says why
        for (const Statement &statement : policy->statements) {
            if (statement.principalMode != PrincipalMode::Principal)
                continue;
            for (const PrincipalPattern &principal : statement.principals) {
                if (principal.key != PrincipalPattern::Key::AWS)
                    continue;
                const std::string why = missingPrincipal(account, principal.text);
                if (why.empty())
                    continue;
                Diagnostic d = finding(Severity::Warning, "RESOURCE_POLICY_UNKNOWN_PRINCIPAL",
                        statement.pointer + "/Principal",
                        "The policy of " + resource.arn + " " + why
                                + ": remove it, or it grants whoever is created under that "
                                  "name next");
                locator.placeInDocument(d, *resource.policy, statement.offset, statement.length);
                findings.push_back(std::move(d));
            }
        }
    }

    // Customer managed policies nothing uses.
    for (size_t i = 0; i < account.policies().size(); ++i) {
        const ManagedPolicy &policy = account.policies()[i];
        if (policy.isAwsManaged() || !account.attachmentsOf(policy).empty())
            continue;
        Diagnostic d = finding(Severity::Suggestion, "UNUSED_MANAGED_POLICY",
                "/Policies/" + std::to_string(i),
                "The customer managed policy " + policy.name
                        + " is attached to nothing and is no permissions boundary: delete it if "
                          "it is no longer needed");
        locator.place(d, policy.span);
        findings.push_back(std::move(d));
    }

    // The same inline policy on several principals.
    struct Use
    {
        std::string where; ///< `user alice (inline ReadReports)`
        std::string pointer;
        SourceSpan span;
    };
    std::unordered_map<std::string, std::vector<Use>> byText;
    std::vector<std::string> order; // first seen first, for a stable output
    const auto collect = [&](const std::vector<InlinePolicy> &policies, const std::string &owner,
                                 const std::string &list, size_t index, const char *member) {
        for (size_t j = 0; j < policies.size(); ++j) {
            std::string key = withoutWhitespace(policies[j].document.text());
            auto &uses = byText[key];
            if (uses.empty())
                order.push_back(key);
            uses.push_back({ owner + " (inline " + policies[j].name + ")",
                    "/" + list + "/" + std::to_string(index) + "/" + member + "/"
                            + std::to_string(j),
                    policies[j].document.span() });
        }
    };
    for (size_t i = 0; i < account.users().size(); ++i)
        collect(account.users()[i].inlinePolicies, "user " + account.users()[i].name,
                "UserDetailList", i, "UserPolicyList");
    for (size_t i = 0; i < account.groups().size(); ++i)
        collect(account.groups()[i].inlinePolicies, "group " + account.groups()[i].name,
                "GroupDetailList", i, "GroupPolicyList");
    for (size_t i = 0; i < account.roles().size(); ++i)
        collect(account.roles()[i].inlinePolicies, "role " + account.roles()[i].name,
                "RoleDetailList", i, "RolePolicyList");
    for (const auto &key : order) {
        const auto &uses = byText[key];
        if (uses.size() < 2)
            continue;
        std::string names;
        for (size_t k = 0; k < uses.size() && k < 5; ++k)
            names += (k ? ", " : "") + uses[k].where;
        if (uses.size() > 5)
            names += " and " + std::to_string(uses.size() - 5) + " more";
        Diagnostic d = finding(Severity::Suggestion, "DUPLICATE_INLINE_POLICY",
                uses.front().pointer,
                "The same inline policy is on " + std::to_string(uses.size()) + " principals ("
                        + names + "): one customer managed policy attached to each says it once");
        locator.place(d, uses.front().span);
        findings.push_back(std::move(d));
    }
    accountcheck::addQuotaFindings(account, locator, findings);
    // Statements that never take effect, and boundaries that do not cap, found by weighing
    // statements against the decision.
    const size_t principals = account.users().size() + account.roles().size();
    if (principals <= options.weighStatementsUpTo) {
        // One view of each principal's bounding policies, for both.
        const accountcheck::PrincipalViews views(account, resolver);
        accountcheck::addReachFindings(account, resolver, views, locator, findings);
        accountcheck::addBoundaryFindings(account, views, locator, findings);
    } else {
        Diagnostic d = finding(Severity::Suggestion, "ACCOUNT_CHECKS_SKIPPED", {},
                "The checks that weigh every statement (SHADOWED_ALLOW_STATEMENT, "
                "DENY_NEVER_MATCHES, BOUNDARY_DOES_NOT_CAP_RISKY_PERMISSION) were left out for "
                "this account of "
                        + std::to_string(principals)
                        + " users and roles: run iamx validate --account on it for them");
        if (!account.sources().empty())
            locator.place(d, 0, 0, 0);
        findings.push_back(std::move(d));
    }
    std::stable_sort(
            findings.begin(), findings.end(), [](const Diagnostic &a, const Diagnostic &b) {
                return a.where.file != b.where.file ? a.where.file < b.where.file
                                                    : a.where.offset < b.where.offset;
            });
    return findings;
}

std::vector<Diagnostic> validateAccountDocuments(const Account &account)
{
    std::vector<Diagnostic> findings;
    Locator locator(account);
    const auto check = [&](const PolicyText &document, const DocumentKey &key, bool asBoundary,
                               const std::string &pointer) {
        if (document.empty())
            return;
        const PolicyParseOptions parse = parseOptionsFor(key, asBoundary);
        ValidationOptions options;
        options.type = validationPolicyType(parse.type, parse.resourceKind);
        if (key.kind == DocumentKey::Kind::Resource)
            options.resourceArn = key.owner;
        for (Diagnostic d : validatePolicy(document.text(), options)) {
            d.message = documentTitle(account, key) + ": " + d.message;
            d.pointer = pointer + d.pointer;
            locator.placeInDocument(d, document, d.where.offset, d.where.length);
            findings.push_back(std::move(d));
        }
    };
    using Kind = DocumentKey::Kind;
    for (size_t i = 0; i < account.users().size(); ++i) {
        const User &user = account.users()[i];
        for (size_t j = 0; j < user.inlinePolicies.size(); ++j)
            check(user.inlinePolicies[j].document,
                    { Kind::UserInline, user.name, user.inlinePolicies[j].name }, false,
                    "/UserDetailList/" + std::to_string(i) + "/UserPolicyList/" + std::to_string(j)
                            + "/PolicyDocument");
    }
    for (size_t i = 0; i < account.groups().size(); ++i) {
        const Group &group = account.groups()[i];
        for (size_t j = 0; j < group.inlinePolicies.size(); ++j)
            check(group.inlinePolicies[j].document,
                    { Kind::GroupInline, group.name, group.inlinePolicies[j].name }, false,
                    "/GroupDetailList/" + std::to_string(i) + "/GroupPolicyList/"
                            + std::to_string(j) + "/PolicyDocument");
    }
    for (size_t i = 0; i < account.roles().size(); ++i) {
        const Role &role = account.roles()[i];
        const std::string at = "/RoleDetailList/" + std::to_string(i);
        check(role.trustPolicy, { Kind::Trust, role.name, {} }, false,
                at + "/AssumeRolePolicyDocument");
        for (size_t j = 0; j < role.inlinePolicies.size(); ++j)
            check(role.inlinePolicies[j].document,
                    { Kind::RoleInline, role.name, role.inlinePolicies[j].name }, false,
                    at + "/RolePolicyList/" + std::to_string(j) + "/PolicyDocument");
    }
    for (size_t i = 0; i < account.policies().size(); ++i) {
        const ManagedPolicy &policy = account.policies()[i];
        if (policy.isAwsManaged())
            continue; // AWS's own: not the account's to fix
        bool boundary = false;
        for (const auto &attachment : account.attachmentsOf(policy))
            boundary = boundary || attachment.asBoundary;
        for (size_t j = 0; j < policy.versions.size(); ++j)
            if (policy.versions[j].isDefault)
                check(policy.versions[j].document, { Kind::Managed, policy.arn, {} }, boundary,
                        "/Policies/" + std::to_string(i) + "/PolicyVersionList/" + std::to_string(j)
                                + "/Document");
    }
    for (const Resource &resource : account.resources())
        if (resource.policy)
            check(*resource.policy, { Kind::Resource, resource.arn, {} }, false, {});
    if (account.organization())
        for (const auto &level : account.organization()->levels) {
            for (const auto &scp : level.scps)
                check(scp.document, { Kind::Scp, level.id, scp.name }, false, {});
            for (const auto &rcp : level.rcps)
                check(rcp.document, { Kind::Rcp, level.id, rcp.name }, false, {});
        }
    return findings;
}

} // namespace iamx
