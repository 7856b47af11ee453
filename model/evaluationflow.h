#pragma once

#include "model/explanation.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

// The evaluation flow of one simulated request as a class follows it (iam-evaluation.md §2.2,
// ui.md "Simulate access panel"): the seven steps of AWS's flow chart in order, each passed,
// failed or not applicable with one line of why, the first failure, and the decision in the
// words of the result badge.

namespace iamx {

struct AccountRequest;

/// The steps of the flow, in the order AWS's flow chart checks them.
enum class FlowStep : std::uint8_t {
    ExplicitDeny,
    Rcp,
    Scp,
    ResourcePolicy,
    Identity,
    PermissionsBoundary,
    Session,
};

inline constexpr size_t flowStepCount = 7;

enum class StepVerdict : std::uint8_t {
    Passed, ///< the check let the request through (or granted it)
    Failed, ///< a Deny matched here, or this gate has no Allow the request needs
    NotApplicable, ///< nothing to check here, or not needed for this decision
};

/// A short title for a step's box: `Deny`, `RCP`, `SCP`, `Resource`, `Identity`, `Boundary`,
/// `Session`.
std::string_view flowStepTitle(FlowStep step);

/// The step's name in a sentence: `explicit deny`, `resource control policies`, ...
std::string_view flowStepName(FlowStep step);

struct FlowStepResult
{
    FlowStep step = FlowStep::ExplicitDeny;
    StepVerdict verdict = StepVerdict::NotApplicable;
    std::string why; ///< one line: "No Deny statement matches", "Denied by DenyDeletes in ..."
};

struct EvaluationFlow
{
    DecisionKind decision = DecisionKind::ImplicitDeny;
    std::array<FlowStepResult, flowStepCount> steps;
    /// Index into steps of the failure that decided an explicit or implicit deny; -1 when the
    /// request is allowed.
    int firstFailure = -1;
    /// The badge: `Allowed`, `Denied — explicit deny`, `Denied implicitly — no identity
    /// policy allows` (or the gate that failed: `blocked by SCP at Workloads`, `outside the
    /// permissions boundary`, ...).
    std::string badge;
};

/// The flow of a request resolved against an account and explained.
EvaluationFlow evaluationFlow(const AccountRequest &request, const Explanation &explanation);

/// The badge's words for a decision (see EvaluationFlow::badge).
std::string decisionBadge(const AccountRequest &request, const Explanation &explanation);

/// Why an implicit deny happened, in a few words for the badge: `no identity policy allows`,
/// `blocked by SCP at Workloads`, `outside the permissions boundary`, `the trust policy does
/// not allow the caller`, ... Empty unless the decision is an implicit deny.
std::string implicitDenyReason(const AccountRequest &request, const Explanation &explanation);

} // namespace iamx
