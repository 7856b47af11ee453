#pragma once

#include "model/policy.h"
#include "model/principalmatch.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// The outcome of an evaluation as data, for people and user interfaces: the decision, what
// decided it, and for every statement whether it applied and, if not, what failed.

namespace iamx {

enum class DecisionKind : std::uint8_t { Allowed, ExplicitDeny, ImplicitDeny };

/// `allowed`, `explicitDeny` or `implicitDeny`.
std::string_view decisionName(DecisionKind kind);

/// The gates of the evaluation flow, in order (scenario-format.md, `blockedBy`).
enum class Gate : std::uint8_t {
    None = 0,
    Scp = 1 << 0,
    Resource = 1 << 1,
    Identity = 1 << 2,
    PermissionsBoundary = 1 << 3,
    Session = 1 << 4,
};

/// `scp`, `resource`, `identity`, `permissionsBoundary`, `session`; empty for None.
std::string_view gateName(Gate gate);

/// Names a statement of a PolicySet: its layer, SCP/RCP level, policy index and index in the
/// policy's Statement array.
struct StatementRef
{
    PolicyType type = PolicyType::Identity;
    std::uint16_t level = 0; ///< SCP/RCP level (0 = outermost); 0 for other types
    std::uint16_t policy = 0;
    std::uint32_t statement = 0;
    Effect effect = Effect::Allow;

    bool operator==(const StatementRef &) const = default;
};

/// One condition key under one operator, as evaluated.
struct ConditionExplanation
{
    std::string operatorText;
    std::string key;
    std::string pointer;
    std::vector<std::string> expected; ///< the policy's values, variables filled in
    bool keyPresent = false;
    bool multiValued = false;
    std::vector<std::string> actual; ///< the request's values of the key
    bool satisfied = false;
    bool assumed = false; ///< taken as met because its key is absent (ExplainOptions)
    std::string note; ///< why, where the rule is not obvious (absent key, unparsable value...)
};

enum class ElementOutcome : std::uint8_t { Matched, Failed, Absent };

struct StatementExplanation
{
    StatementRef ref;
    std::optional<std::string> sid;
    std::string pointer;
    bool applies = false;
    ElementOutcome action = ElementOutcome::Failed;
    ElementOutcome resource = ElementOutcome::Failed;
    ElementOutcome principal = ElementOutcome::Absent;
    PrincipalMatch principalMatch = PrincipalMatch::None;
    ElementOutcome conditions = ElementOutcome::Absent;
    std::vector<ConditionExplanation> conditionDetails;
    bool decisive = false;
};

enum class LayerVerdict : std::uint8_t { Allow, Deny, NoMatch, NotApplicable };

/// One layer of the decision: identity policies, the boundary, the session policy, the
/// resource policy, or one SCP/RCP level.
struct LayerExplanation
{
    PolicyType type = PolicyType::Identity;
    int level = -1; ///< SCP/RCP level, -1 for other layers
    LayerVerdict verdict = LayerVerdict::NoMatch;
    std::string note; ///< e.g. why the layer does not apply to this caller
    std::vector<StatementExplanation> statements;
};

struct Explanation
{
    DecisionKind decision = DecisionKind::ImplicitDeny;
    Gate blockedBy = Gate::None;
    std::uint8_t failedGates = 0; ///< every gate that failed, as Gate bits
    std::vector<StatementRef> decisive;
    std::vector<LayerExplanation> layers;
    std::vector<std::string> notes; ///< rules that decided it, in words (root, GetCallerIdentity)
};

} // namespace iamx
