#pragma once

#include "model/conditionevaluator.h"
#include "model/explanation.h"
#include "model/policy.h"
#include "model/request.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

// The decision of iam-evaluation.md §2: every applicable policy's statements evaluated once,
// then explicit deny, the RCP and SCP gates, and the identity / resource grant paths.

namespace iamx {

/// A compiled policy, shared: an account's managed policy is compiled once and then bears on
/// every principal it is attached to.
using PolicyRef = std::shared_ptr<const Policy>;

/// Every policy that may bear on one request. Null refs mean "none".
struct PolicySet
{
    std::vector<PolicyRef> identity; ///< inline and managed alike
    PolicyRef permissionsBoundary;
    PolicyRef session;
    PolicyRef resource; ///< bucket policy, trust policy, key policy, ...
    std::vector<std::vector<PolicyRef>> scpLevels; ///< outermost first; each level must allow
    std::vector<std::vector<PolicyRef>> rcpLevels; ///< customer RCPs per level (deny-only)

    /// The policy a StatementRef names.
    const Policy &policy(const StatementRef &ref) const;
};

/// The decision, written into a caller-owned object that is reused from one evaluation to
/// the next: once its vectors have grown, deciding allocates nothing.
struct Decision
{
    DecisionKind kind = DecisionKind::ImplicitDeny;
    Gate blockedBy = Gate::None; ///< the first gate that failed (implicitDeny only)
    std::uint8_t failedGates = 0; ///< every gate that failed, as Gate bits
    /// For explicitDeny every matching Deny; for allowed the Allow statements of the path
    /// that granted; empty for implicitDeny.
    std::vector<StatementRef> decisive;

    /// Working storage, kept between evaluations so its capacity is reused.
    struct Scratch
    {
        MatchScratch match;
        std::vector<StatementRef> identityAllows;
        std::vector<StatementRef> resourceAllows;
        std::vector<PrincipalMatch> resourceAllowMatches;
        /// With ExplainOptions::assumeAbsentKeysForAllows: the statements whose conditions
        /// on absent keys were taken as met, and those keys.
        std::vector<std::pair<StatementRef, std::string_view>> assumedKeys;
    } scratch;
};

struct ExplainOptions;

/// Decides one request: the fast path, allocation-free in steady state. With options, see
/// ExplainOptions (the assumed keys are left in out.scratch.assumedKeys).
void decide(const PolicySet &policies, const Request &request, Decision &out,
        const ExplainOptions &options);
inline void decide(const PolicySet &policies, const Request &request, Decision &out);

/// True when an Allow statement of `policy` could apply to `action` on `resource`, whatever
/// the caller and the conditions (a resource entry with a policy variable counts as a maybe).
/// who-can uses it to skip, quickly, principals that nothing could allow.
bool mayAllow(const Policy &policy, std::string_view action, std::string_view resource);

/// True when the statement's Action (or NotAction) element matches `action`
/// (`service:Name`), whatever its resources, principals and conditions: the account-wide
/// checks ask which statements bear on an action before weighing anything else.
bool statementActionMatches(const Statement &statement, std::string_view action);

/// How explain() reads the request.
struct ExplainOptions
{
    /// Conditions of Allow statements on keys absent from the context are taken as met
    /// (marked `assumed` in the explanation): "would it be allowed, but for those keys?" --
    /// who-can's conditional answers. Deny statements are evaluated as they are.
    bool assumeAbsentKeysForAllows = false;
};

inline void decide(const PolicySet &policies, const Request &request, Decision &out)
{
    decide(policies, request, out, ExplainOptions {});
}

/// Decides one request and explains it: every layer, every statement, every condition.
/// Shares all matching code with decide(); this path allocates.
Explanation explain(
        const PolicySet &policies, const Request &request, const ExplainOptions &options = {});

} // namespace iamx
