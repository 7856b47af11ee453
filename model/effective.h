#pragma once

#include "model/resolver.h"

#include <map>
#include <string>
#include <vector>

// What a principal may do, service by service: the action patterns its identity policies
// allow, with their resources and conditions, and what denies (its own, its boundary's, the
// organization's SCPs) cut out. A summary read off the policies, not a decision: conditions
// and resource policies can still change an answer, which `simulate` gives exactly.

namespace iamx {

struct EffectiveEntry
{
    std::string action; ///< the pattern as written (`s3:Get*`); `*` for NotAction
    std::vector<std::string> except; ///< NotAction: every action but these
    std::vector<std::string> resources; ///< as written; `*` for all
    bool notResource = false;
    std::vector<std::string> conditionKeys; ///< keys the statement's conditions test
    std::string policy;
    std::uint32_t statement = 0;
    PolicyOrigin origin;
};

struct EffectiveService
{
    std::vector<EffectiveEntry> allow;
    std::vector<EffectiveEntry> deny;
};

struct EffectivePermissions
{
    std::string principal;
    /// By service prefix, lowercase; `*` for entries that name every service (`*`, NotAction).
    std::map<std::string, EffectiveService> services;
    /// What the permissions boundary allows, when there is one (it caps the allows above).
    std::optional<EffectiveService> boundary;
};

/// The effective permissions of a principal of the account.
EffectivePermissions effectivePermissions(
        const Resolver &resolver, const ResolvedPrincipal &principal, Instant now);

} // namespace iamx
