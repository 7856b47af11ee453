#pragma once

#include "model/policy.h"
#include "model/request.h"

#include <cstdint>

// Whether, and how, a Principal / NotPrincipal element names the caller (iam-evaluation.md §4,
// §2.4, §2.7). How it matched matters: only some matches are grants that escape the caller's
// boundary and session policy, and an account match is no grant at all in the same account.

namespace iamx {

enum class PrincipalMatch : std::uint8_t {
    None,
    Account, ///< through the caller's account: delegation, not a direct grant
    RoleArn, ///< a role ARN naming a session of it: limited by boundary and session
    FederatedUserOwner, ///< the IAM user behind a federated session: limited likewise
    Direct, ///< the caller itself, `*`, its service or provider: a full grant
};

/// How one Principal entry names the caller.
PrincipalMatch matchPrincipalPattern(
        const PrincipalPattern &pattern, const RequestPrincipal &caller);

/// How a statement's Principal or NotPrincipal element names the caller; Direct when the
/// statement has neither (identity-side policies). `callerHasBoundary` feeds the documented
/// anomaly that a Deny with NotPrincipal always applies to a user or role with a boundary.
PrincipalMatch matchStatementPrincipal(
        const Statement &statement, const RequestPrincipal &caller, bool callerHasBoundary);

} // namespace iamx
