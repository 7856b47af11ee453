#pragma once

#include "model/resolver.h"

#include <string>
#include <vector>

// who-can: every user of the account and a session of every role whose request would be
// allowed, and apart those allowed but for a condition on a key the context lacks
// (account-format.md §5).

namespace iamx {

/// A decisive statement described without references into a transient PolicySet.
struct DecisiveStatement
{
    PolicyType policyType = PolicyType::Identity;
    std::string policy;
    std::uint32_t statement = 0;
    std::optional<std::string> sid;
    Effect effect = Effect::Allow;
    PolicyOrigin origin;
};

struct WhoCanAllowed
{
    std::string principal; ///< ARN (for roles: the role's ARN, asked as a session of it)
    std::vector<DecisiveStatement> decisive;
};

struct WhoCanConditional
{
    std::string principal;
    std::vector<std::string> keys; ///< the absent keys whose conditions stand in the way
    std::vector<DecisiveStatement> decisive; ///< the statements that would allow
};

struct WhoCanResult
{
    std::vector<WhoCanAllowed> allowed;
    std::vector<WhoCanConditional> conditional;
    std::size_t principalsConsidered = 0;
};

/// Asks the question for every user and role of the account, with the context each would
/// have plus `overrides`, on up to `threads` threads (0: the machine's cores).
WhoCanResult whoCan(const Resolver &resolver, const Account &account, std::string_view action,
        std::string_view resource, const ContextOverrides &overrides, Instant now,
        unsigned threads = 0);

/// Describes the decisive statements of a decision on a resolved request.
std::vector<DecisiveStatement> describeDecisive(
        const AccountRequest &resolved, const std::vector<StatementRef> &decisive);

} // namespace iamx
