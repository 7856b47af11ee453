#pragma once

#include "model/actioncatalog.h"
#include "model/resolver.h"

#include <array>
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

/// How many actions of one access level of a service a principal may perform.
struct AccessLevelCount
{
    /// Allowed (by an identity policy, and the boundary if there is one) without a condition,
    /// and cut out by no Deny that might apply.
    size_t allowed = 0;
    /// Allowed only under a condition, or where a Deny with a condition or on some resources
    /// may cut it out: what `simulate` has to decide.
    size_t conditional = 0;
    size_t total = 0; ///< actions of the level in the catalog
};

/// One service of an AccessSummary.
struct ServiceAccess
{
    std::string service; ///< the prefix, `s3`
    /// Indexed by AccessLevel (Unknown: the service's undocumented actions).
    std::array<AccessLevelCount, 6> levels {};
    AccessLevelCount all; ///< the sum over the levels
};

/// What a principal may do, counted by service and access level against the action catalog
/// ("s3: List 3, Read 12, Write 4 of 150 actions"). Allows on some resources count as allowed;
/// a Deny without conditions on every resource cuts its actions out. Patterns the catalog does
/// not know (an unknown service) count nowhere.
struct AccessSummary
{
    /// Services with at least one allowed or conditional action, by prefix.
    std::vector<ServiceAccess> services;
    AccessLevelCount all; ///< over every service of the catalog
};

/// Counts `effective` against `catalog`.
AccessSummary summarizeAccess(const EffectivePermissions &effective,
        const ActionCatalog &catalog = ActionCatalog::instance());

} // namespace iamx
