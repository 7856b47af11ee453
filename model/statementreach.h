#pragma once

#include "model/accountlocator.h"
#include "model/diagnostic.h"
#include "model/principalbounds.h"

#include <vector>

// The account-wide checks that weigh statements against the decision (validation-checks.md
// §f): what no linter of one document can see, because it depends on who a policy is attached
// to and what else applies to them. Internal to accountFindings().

namespace iamx {

class Account;

namespace accountcheck {

/// Appends, in no particular order:
/// - SHADOWED_ALLOW_STATEMENT (warning): an Allow of an identity policy that takes effect for
///   no principal it applies to, because for every action and resource it names an
///   unconditional Deny (identity, boundary or SCP) overrides it, the principal's permissions
///   boundary allows none of it, or a level of SCPs allows none of it;
/// - DENY_NEVER_MATCHES (warning): a Deny of an identity policy or SCP whose conditions on the
///   principal (its name, ARN, type, account or, for users, tags) are false for every
///   principal it applies to.
void addReachFindings(const Account &account, const Resolver &resolver, const PrincipalViews &views,
        Locator &locator, std::vector<Diagnostic> &findings);

} // namespace accountcheck
} // namespace iamx
