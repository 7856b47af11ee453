#include "effective.h"

#include "model/casefold.h"

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

} // namespace

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
