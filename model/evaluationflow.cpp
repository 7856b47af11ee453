#include "evaluationflow.h"

#include "model/resolver.h"

#include <algorithm>

namespace iamx {
namespace {

constexpr std::uint8_t bit(Gate gate)
{
    return static_cast<std::uint8_t>(gate);
}

std::string capitalized(std::string text)
{
    if (!text.empty() && text.front() >= 'a' && text.front() <= 'z')
        text.front() = static_cast<char>(text.front() - 'a' + 'A');
    return text;
}

// The explanation's layers by step; SCP and RCP levels in order.
struct Layers
{
    const LayerExplanation *identity = nullptr;
    const LayerExplanation *boundary = nullptr;
    const LayerExplanation *session = nullptr;
    const LayerExplanation *resource = nullptr;
    std::vector<const LayerExplanation *> scps;
    std::vector<const LayerExplanation *> rcps;

    explicit Layers(const Explanation &explanation)
    {
        for (const auto &layer : explanation.layers) {
            switch (layer.type) {
            case PolicyType::Identity:
                identity = &layer;
                break;
            case PolicyType::PermissionsBoundary:
                boundary = &layer;
                break;
            case PolicyType::Session:
                session = &layer;
                break;
            case PolicyType::Resource:
                resource = &layer;
                break;
            case PolicyType::ServiceControl:
                scps.push_back(&layer);
                break;
            case PolicyType::ResourceControl:
                rcps.push_back(&layer);
                break;
            }
        }
    }
};

// `Workloads` for the SCP level whose policies come "SCP at Workloads"; `level 2` (counted
// from 1, the organization root) when the level has no policy to name it.
std::string levelName(const std::vector<std::vector<PolicyOrigin>> &origins, int level)
{
    if (level >= 0 && static_cast<size_t>(level) < origins.size())
        for (const auto &origin : origins[static_cast<size_t>(level)])
            if (const size_t at = origin.via.find(" at "); at != std::string::npos)
                return origin.via.substr(at + 4);
    return "level " + std::to_string(level + 1);
}

// The statement a ref names, for a sentence: `DenyDeletes in the bucket policy of ...`.
std::string describeRef(const AccountRequest &request, const StatementRef &ref)
{
    const Policy &policy = request.policies.policy(ref);
    std::string label;
    if (ref.statement < policy.statements.size() && policy.statements[ref.statement].sid)
        label = *policy.statements[ref.statement].sid;
    else
        label = "statement " + std::to_string(ref.statement);
    return label + " in " + policy.name;
}

// The decisive Denies of one layer type (and SCP/RCP level), described; empty when none.
std::string denialsIn(const AccountRequest &request, const Explanation &explanation,
        PolicyType type, int level = -1)
{
    std::vector<const StatementRef *> refs;
    for (const auto &ref : explanation.decisive)
        if (ref.effect == Effect::Deny && ref.type == type && (level < 0 || ref.level == level))
            refs.push_back(&ref);
    if (refs.empty())
        return {};
    std::string out = "Denied by " + describeRef(request, *refs.front());
    if (refs.size() > 1)
        out += " and " + std::to_string(refs.size() - 1) + " more";
    return out;
}

// The first applying Allow of a layer, preferring a decisive one: `ReadReports in DevReadOnly`.
std::string allowIn(const AccountRequest &request, const LayerExplanation &layer)
{
    const StatementExplanation *found = nullptr;
    for (const auto &s : layer.statements)
        if (s.applies && s.ref.effect == Effect::Allow
                && (!found || (s.decisive && !found->decisive)))
            found = &s;
    return found ? describeRef(request, found->ref) : std::string();
}

bool isGetCallerIdentity(const Explanation &explanation)
{
    return std::any_of(explanation.notes.begin(), explanation.notes.end(),
            [](const std::string &note) { return note.starts_with("sts:GetCallerIdentity"); });
}

bool rootCannotAssume(const Explanation &explanation)
{
    return std::find(explanation.notes.begin(), explanation.notes.end(),
                   "the root user cannot assume roles")
            != explanation.notes.end();
}

// The name the resource's policy goes by: `trust policy`, `bucket policy`, `key policy`.
std::string resourcePolicyName(const AccountRequest &request)
{
    return request.resourceOrigin.via.empty() ? std::string("resource policy")
                                              : request.resourceOrigin.via;
}

class FlowBuilder
{
public:
    FlowBuilder(const AccountRequest &request, const Explanation &explanation)
        : m_request(request)
        , m_explanation(explanation)
        , m_layers(explanation)
        , m_failed(explanation.failedGates)
        , m_explicit(explanation.decision == DecisionKind::ExplicitDeny)
    {
    }

    EvaluationFlow build()
    {
        EvaluationFlow flow;
        flow.decision = m_explanation.decision;
        flow.badge = decisionBadge(m_request, m_explanation);
        flow.steps[0] = explicitDeny();
        flow.steps[1] = rcp();
        flow.steps[2] = scp();
        flow.steps[3] = resource();
        flow.steps[4] = identity();
        flow.steps[5] = limit(FlowStep::PermissionsBoundary, m_layers.boundary,
                Gate::PermissionsBoundary, "permissions boundary");
        flow.steps[6] = limit(FlowStep::Session, m_layers.session, Gate::Session, "session policy");
        if (isGetCallerIdentity(m_explanation)) {
            // No policy weighs on it: every step but the first is beside the point.
            for (size_t i = 1; i < flow.steps.size(); ++i)
                flow.steps[i] = { flow.steps[i].step, StepVerdict::NotApplicable,
                    "sts:GetCallerIdentity needs no permission" };
        }
        if (m_explicit) {
            flow.firstFailure = 0;
        } else if (m_explanation.decision == DecisionKind::ImplicitDeny) {
            const FlowStep blocked = stepOf(m_explanation.blockedBy);
            flow.firstFailure = static_cast<int>(blocked);
            // The evaluator names a gate for every implicit deny; make sure its box says so.
            FlowStepResult &step = flow.steps[static_cast<size_t>(blocked)];
            if (step.verdict != StepVerdict::Failed) {
                step.verdict = StepVerdict::Failed;
                step.why = capitalized(implicitDenyReason(m_request, m_explanation));
            }
        }
        return flow;
    }

private:
    static FlowStep stepOf(Gate gate)
    {
        switch (gate) {
        case Gate::Scp:
            return FlowStep::Scp;
        case Gate::Resource:
            return FlowStep::ResourcePolicy;
        case Gate::PermissionsBoundary:
            return FlowStep::PermissionsBoundary;
        case Gate::Session:
            return FlowStep::Session;
        case Gate::None:
        case Gate::Identity:
            break;
        }
        return FlowStep::Identity;
    }

    bool gateFailed(Gate gate) const { return (m_failed & bit(gate)) != 0; }

    // A layer that held no decisive Allow or Deny, in an explicit deny: never reached.
    static FlowStepResult notReached(FlowStep step)
    {
        return { step, StepVerdict::NotApplicable, "Not needed: an explicit deny decides" };
    }

    FlowStepResult explicitDeny() const
    {
        if (m_explicit) {
            std::string why;
            const StatementRef &first = m_explanation.decisive.front();
            why = "Denied by " + describeRef(m_request, first);
            const std::string via = m_request.originOf(first).via;
            if (!via.empty())
                why += " (" + via + ")";
            if (m_explanation.decisive.size() > 1)
                why += " and " + std::to_string(m_explanation.decisive.size() - 1) + " more";
            return { FlowStep::ExplicitDeny, StepVerdict::Failed, why };
        }
        return { FlowStep::ExplicitDeny, StepVerdict::Passed, "No Deny statement matches" };
    }

    FlowStepResult rcp() const
    {
        if (m_layers.rcps.empty())
            return { FlowStep::Rcp, StepVerdict::NotApplicable,
                "No resource control policy applies to this resource" };
        for (const LayerExplanation *layer : m_layers.rcps)
            if (const std::string denied = denialsIn(
                        m_request, m_explanation, PolicyType::ResourceControl, layer->level);
                    !denied.empty())
                return { FlowStep::Rcp, StepVerdict::Failed,
                    denied + " at " + levelName(m_request.rcpOrigins, layer->level) };
        return { FlowStep::Rcp, StepVerdict::Passed,
            "No RCP denies; RCPFullAWSAccess allows at every level" };
    }

    FlowStepResult scp() const
    {
        bool governed = false;
        std::string note;
        for (const LayerExplanation *layer : m_layers.scps) {
            if (layer->verdict == LayerVerdict::NotApplicable) {
                note = layer->note;
                continue;
            }
            governed = true;
            const std::string name = levelName(m_request.scpOrigins, layer->level);
            if (const std::string denied = denialsIn(
                        m_request, m_explanation, PolicyType::ServiceControl, layer->level);
                    !denied.empty())
                return { FlowStep::Scp, StepVerdict::Failed, denied + " at " + name };
            if (layer->verdict == LayerVerdict::NoMatch) {
                if (m_explicit)
                    return notReached(FlowStep::Scp);
                return { FlowStep::Scp, StepVerdict::Failed, "No SCP at " + name + " allows it" };
            }
        }
        if (!governed)
            return { FlowStep::Scp, StepVerdict::NotApplicable,
                note.empty() ? std::string("No service control policy governs this principal")
                             : capitalized(note) };
        const size_t levels = m_layers.scps.size();
        return { FlowStep::Scp, StepVerdict::Passed,
            levels == 1 ? std::string("The SCPs allow it")
                        : "Each of the " + std::to_string(levels) + " levels allows it" };
    }

    FlowStepResult resource() const
    {
        const std::string name = resourcePolicyName(m_request);
        const LayerExplanation *layer = m_layers.resource;
        if (!layer) {
            if (gateFailed(Gate::Resource))
                return { FlowStep::ResourcePolicy, StepVerdict::Failed,
                    "No resource policy allows the caller, and this request needs one" };
            return { FlowStep::ResourcePolicy, StepVerdict::NotApplicable,
                "The resource has no policy" };
        }
        if (const std::string denied = denialsIn(m_request, m_explanation, PolicyType::Resource);
                !denied.empty())
            return { FlowStep::ResourcePolicy, StepVerdict::Failed, denied };
        if (gateFailed(Gate::Resource))
            return { FlowStep::ResourcePolicy, StepVerdict::Failed,
                capitalized("the " + name + " does not allow the caller") };
        const bool decisive = std::any_of(layer->statements.begin(), layer->statements.end(),
                [](const StatementExplanation &s) { return s.decisive; });
        if (decisive)
            return { FlowStep::ResourcePolicy, StepVerdict::Passed,
                capitalized("the " + name + " allows the caller: " + allowIn(m_request, *layer)) };
        if (m_explicit)
            return notReached(FlowStep::ResourcePolicy);
        if (layer->verdict == LayerVerdict::Allow)
            return { FlowStep::ResourcePolicy, StepVerdict::Passed,
                capitalized("the " + name + " allows it: " + allowIn(m_request, *layer)) };
        return { FlowStep::ResourcePolicy, StepVerdict::NotApplicable,
            capitalized("the " + name + " grants nothing here; it is not needed") };
    }

    FlowStepResult identity() const
    {
        const LayerExplanation *layer = m_layers.identity;
        const PrincipalKind kind = m_request.request.principal.kind;
        if (!layer || layer->verdict == LayerVerdict::NotApplicable)
            return { FlowStep::Identity, StepVerdict::NotApplicable,
                layer && !layer->note.empty()
                        ? capitalized(layer->note)
                        : std::string("The caller has no identity policies") };
        if (const std::string denied = denialsIn(m_request, m_explanation, PolicyType::Identity);
                !denied.empty())
            return { FlowStep::Identity, StepVerdict::Failed, denied };
        if (rootCannotAssume(m_explanation))
            return { FlowStep::Identity, StepVerdict::Failed, "The root user cannot assume roles" };
        if (gateFailed(Gate::Identity))
            return { FlowStep::Identity, StepVerdict::Failed,
                "No identity policy allows " + m_request.request.action };
        if (layer->verdict == LayerVerdict::Allow)
            return { FlowStep::Identity, StepVerdict::Passed,
                capitalized(allowIn(m_request, *layer) + " allows it") };
        if (m_explicit)
            return notReached(FlowStep::Identity);
        if (kind == PrincipalKind::Root)
            return { FlowStep::Identity, StepVerdict::Passed,
                "The root user has full access in its own account" };
        return { FlowStep::Identity, StepVerdict::NotApplicable,
            "No identity policy allows it, but the resource policy grants the caller itself" };
    }

    // The permissions boundary and the session policy: limits on the identity path.
    FlowStepResult limit(
            FlowStep step, const LayerExplanation *layer, Gate gate, const std::string &name) const
    {
        if (const std::string denied = denialsIn(m_request, m_explanation,
                    step == FlowStep::Session ? PolicyType::Session
                                              : PolicyType::PermissionsBoundary);
                !denied.empty())
            return { step, StepVerdict::Failed, denied };
        if (gateFailed(gate)) {
            if (!layer)
                return { step, StepVerdict::Failed,
                    "A federated user's session without a session policy has no permissions" };
            return { step, StepVerdict::Failed,
                capitalized("no statement of the " + name + " allows it") };
        }
        if (!layer)
            return { step, StepVerdict::NotApplicable, capitalized("no " + name) };
        if (m_request.request.principal.kind == PrincipalKind::Root)
            return { step, StepVerdict::NotApplicable,
                capitalized("the root user has no " + name) };
        if (layer->verdict == LayerVerdict::Allow)
            return { step, StepVerdict::Passed,
                capitalized("the " + name + " allows it: " + allowIn(m_request, *layer)) };
        if (m_explicit)
            return notReached(step);
        return { step, StepVerdict::NotApplicable,
            capitalized("the " + name
                    + " does not allow it, but the resource policy grants the caller itself") };
    }

    const AccountRequest &m_request;
    const Explanation &m_explanation;
    const Layers m_layers;
    const std::uint8_t m_failed;
    const bool m_explicit;
};

} // namespace

std::string_view flowStepTitle(FlowStep step)
{
    switch (step) {
    case FlowStep::ExplicitDeny:
        return "Deny";
    case FlowStep::Rcp:
        return "RCP";
    case FlowStep::Scp:
        return "SCP";
    case FlowStep::ResourcePolicy:
        return "Resource";
    case FlowStep::Identity:
        return "Identity";
    case FlowStep::PermissionsBoundary:
        return "Boundary";
    case FlowStep::Session:
        return "Session";
    }
    return "";
}

std::string_view flowStepName(FlowStep step)
{
    switch (step) {
    case FlowStep::ExplicitDeny:
        return "explicit deny";
    case FlowStep::Rcp:
        return "resource control policies";
    case FlowStep::Scp:
        return "service control policies";
    case FlowStep::ResourcePolicy:
        return "resource policy";
    case FlowStep::Identity:
        return "identity policies";
    case FlowStep::PermissionsBoundary:
        return "permissions boundary";
    case FlowStep::Session:
        return "session policy";
    }
    return "";
}

std::string implicitDenyReason(const AccountRequest &request, const Explanation &explanation)
{
    if (explanation.decision != DecisionKind::ImplicitDeny)
        return {};
    switch (explanation.blockedBy) {
    case Gate::Scp: {
        const Layers layers(explanation);
        for (const LayerExplanation *layer : layers.scps)
            if (layer->verdict == LayerVerdict::NoMatch)
                return "blocked by SCP at " + levelName(request.scpOrigins, layer->level);
        return "blocked by an SCP";
    }
    case Gate::Resource:
        if (!request.policies.resource)
            return "no resource policy allows the caller";
        return "the " + resourcePolicyName(request) + " does not allow the caller";
    case Gate::PermissionsBoundary:
        return "outside the permissions boundary";
    case Gate::Session:
        if (!request.policies.session)
            return "a federated session without a session policy has no permissions";
        return "outside the session policy";
    case Gate::None:
    case Gate::Identity:
        break;
    }
    if (rootCannotAssume(explanation))
        return "the root user cannot assume roles";
    return "no identity policy allows";
}

std::string decisionBadge(const AccountRequest &request, const Explanation &explanation)
{
    switch (explanation.decision) {
    case DecisionKind::Allowed:
        return "Allowed";
    case DecisionKind::ExplicitDeny:
        return "Denied — explicit deny";
    case DecisionKind::ImplicitDeny:
        break;
    }
    return "Denied implicitly — " + implicitDenyReason(request, explanation);
}

EvaluationFlow evaluationFlow(const AccountRequest &request, const Explanation &explanation)
{
    return FlowBuilder(request, explanation).build();
}

} // namespace iamx
