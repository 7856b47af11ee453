#include "effective.h"

#include "model/casefold.h"

#include <algorithm>

namespace iamx {
namespace {

void addStatements(const Policy &policy, std::uint32_t, const PolicyOrigin &origin,
        std::map<std::string, EffectiveService> &services, bool includeAllows)
{
    for (size_t i = 0; i < policy.statements.size(); ++i) {
        const Statement &statement = policy.statements[i];
        if (statement.effect == Effect::Allow && !includeAllows)
            continue;
        EffectiveEntry base;
        for (const auto &resource : statement.resources)
            base.resources.push_back(resource.text);
        if (statement.resourceMode == Statement::ResourceMode::None)
            base.resources.push_back("*");
        base.notResource = statement.resourceMode == Statement::ResourceMode::NotResource;
        for (const auto &condition : statement.conditions)
            base.conditionKeys.push_back(condition.key);
        base.policy = policy.name;
        base.statement = static_cast<std::uint32_t>(i);
        base.origin = origin;
        if (statement.notAction) {
            // NotAction names every other action of every service: one entry under `*`.
            EffectiveEntry entry = base;
            entry.action = "*";
            for (const auto &action : statement.actions)
                entry.except.push_back(action.text);
            auto &bucket = services["*"];
            (statement.effect == Effect::Allow ? bucket.allow : bucket.deny)
                    .push_back(std::move(entry));
            continue;
        }
        for (const auto &action : statement.actions) {
            EffectiveEntry entry = base;
            entry.action = action.text;
            auto &bucket = services[action.matchesAll ? std::string("*") : action.service];
            (statement.effect == Effect::Allow ? bucket.allow : bucket.deny)
                    .push_back(std::move(entry));
        }
    }
}

// How far an action is granted; ordered, so that min() combines an allow with a boundary.
enum class Grant : std::uint8_t { None, Conditional, Allowed };

/// The index in catalog.actions() of every action the entry's pattern (or NotAction) names.
std::vector<size_t> matchedActions(const EffectiveEntry &entry, const ActionCatalog &catalog)
{
    const auto actions = entry.except.empty() ? catalog.expandActions(entry.action)
                                              : catalog.actionsNotMatching(entry.except);
    std::vector<size_t> indexes;
    indexes.reserve(actions.size());
    const CatalogAction *first = catalog.actions().data();
    for (const CatalogAction *action : actions)
        indexes.push_back(static_cast<size_t>(action - first));
    return indexes;
}

/// Per action of the catalog, the best grant of the allows in `services`.
std::vector<Grant> allowed(
        const std::map<std::string, EffectiveService> &services, const ActionCatalog &catalog)
{
    std::vector<Grant> grants(catalog.actions().size(), Grant::None);
    for (const auto &[service, entries] : services) {
        for (const EffectiveEntry &entry : entries.allow) {
            const Grant grant = entry.conditionKeys.empty() ? Grant::Allowed : Grant::Conditional;
            for (const size_t i : matchedActions(entry, catalog))
                grants[i] = std::max(grants[i], grant);
        }
    }
    return grants;
}

bool coversEveryResource(const EffectiveEntry &entry)
{
    return !entry.notResource
            && std::find(entry.resources.begin(), entry.resources.end(), "*")
            != entry.resources.end();
}

} // namespace

AccessSummary summarizeAccess(const EffectivePermissions &effective, const ActionCatalog &catalog)
{
    std::vector<Grant> grants = allowed(effective.services, catalog);
    if (effective.boundary) {
        const std::vector<Grant> boundary =
                allowed({ { std::string("*"), *effective.boundary } }, catalog);
        for (size_t i = 0; i < grants.size(); ++i)
            grants[i] = std::min(grants[i], boundary[i]);
    }
    // A Deny decidable without conditions (none, on every resource) cuts the action out; one
    // that may apply only sometimes leaves it conditional.
    for (const auto &[service, entries] : effective.services) {
        for (const EffectiveEntry &entry : entries.deny) {
            const bool always = entry.conditionKeys.empty() && coversEveryResource(entry);
            for (const size_t i : matchedActions(entry, catalog))
                grants[i] = always ? Grant::None : std::min(grants[i], Grant::Conditional);
        }
    }
    AccessSummary summary;
    const auto actions = catalog.actions();
    for (const CatalogService &service : catalog.services()) {
        ServiceAccess access;
        access.service = std::string(service.prefix);
        for (const CatalogAction &action : service.actions) {
            const auto index = static_cast<size_t>(&action - actions.data());
            AccessLevelCount &level = access.levels[static_cast<size_t>(action.accessLevel)];
            for (AccessLevelCount *count : { &level, &access.all, &summary.all }) {
                ++count->total;
                if (grants[index] == Grant::Allowed)
                    ++count->allowed;
                else if (grants[index] == Grant::Conditional)
                    ++count->conditional;
            }
        }
        if (access.all.allowed + access.all.conditional > 0)
            summary.services.push_back(std::move(access));
    }
    return summary;
}

EffectivePermissions effectivePermissions(
        const Resolver &resolver, const ResolvedPrincipal &principal, Instant now)
{
    EffectivePermissions result;
    result.principal = principal.principal.text;
    // Resolving against no particular resource gathers the identity side, boundary and SCPs.
    const AccountRequest resolved = resolver.resolve(principal, "*:*", "*", {}, now);
    const PolicySet &policies = resolved.policies;
    for (size_t i = 0; i < policies.identity.size(); ++i)
        addStatements(*policies.identity[i], 0, resolved.identityOrigins[i], result.services, true);
    if (policies.permissionsBoundary) {
        std::map<std::string, EffectiveService> boundary;
        addStatements(*policies.permissionsBoundary, 0, resolved.boundaryOrigin, boundary, true);
        EffectiveService merged;
        for (auto &[service, entries] : boundary) {
            for (auto &e : entries.allow)
                merged.allow.push_back(std::move(e));
            // A boundary's denies cut like any deny.
            for (auto &e : entries.deny)
                result.services[service].deny.push_back(std::move(e));
        }
        result.boundary = std::move(merged);
    }
    for (size_t level = 0; level < policies.scpLevels.size(); ++level)
        for (size_t i = 0; i < policies.scpLevels[level].size(); ++i)
            addStatements(*policies.scpLevels[level][i], 0, resolved.scpOrigins[level][i],
                    result.services, false);
    return result;
}

} // namespace iamx
