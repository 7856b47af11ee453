#include "evaluator.h"

#include "model/arn.h"
#include "model/casefold.h"

#include <algorithm>

namespace iamx {
namespace {

constexpr std::uint8_t bit(Gate gate)
{
    return static_cast<std::uint8_t>(gate);
}

// Facts about the request that the flow needs, worked out once per evaluation without
// allocating (iam-evaluation.md §2.1).
struct RequestFacts
{
    std::string_view actionService;
    std::string_view actionName;
    bool actionHasService = false;
    ResourcePolicyKind resourceKind = ResourcePolicyKind::Ordinary;
    bool crossAccount = false;
    bool crossPartition = false;
    bool getCallerIdentity = false;
    bool assumeRole = false;
    bool identitySide = false;
    bool scpsApply = false;
    bool hasBoundary = false;
    std::optional<ArnParts> resourceArn; ///< the request resource split once, if it is one
};

/// The facts of a request that only its action gives: its service and name.
RequestFacts actionFactsOf(std::string_view action)
{
    RequestFacts facts;
    const size_t colon = action.find(':');
    if (colon != std::string_view::npos) {
        facts.actionHasService = true;
        facts.actionService = action.substr(0, colon);
        facts.actionName = action.substr(colon + 1);
    }
    return facts;
}

RequestFacts factsOf(const PolicySet &policies, const Request &request)
{
    const std::string_view action = request.action;
    RequestFacts facts = actionFactsOf(action);
    const RequestPrincipal &principal = request.principal;
    facts.resourceKind = resourcePolicyKindFor(action, request.resource);
    facts.crossAccount = !principal.account.empty() && !request.resourceAccount.empty()
            && principal.account != request.resourceAccount;
    facts.resourceArn = splitArnComponents(request.resource);
    if (facts.resourceArn && facts.resourceArn->prefix == "arn")
        facts.crossPartition = !principal.partition.empty() && !facts.resourceArn->partition.empty()
                && principal.partition != facts.resourceArn->partition;
    facts.getCallerIdentity = asciiEqualsIgnoreCase(action, "sts:GetCallerIdentity");
    facts.assumeRole = isAssumeRoleAction(action);
    facts.identitySide = principal.hasIdentitySide();
    facts.scpsApply = facts.identitySide && !policies.scpLevels.empty();
    facts.hasBoundary = policies.permissionsBoundary != nullptr;
    return facts;
}

bool actionMatches(const ActionPattern &pattern, const RequestFacts &facts)
{
    if (pattern.matchesAll)
        return true;
    if (!pattern.usable || !facts.actionHasService)
        return false;
    // The service prefix is compared literally, ignoring case; the name is a glob (§5).
    return asciiEqualsIgnoreCase(facts.actionService, pattern.service)
            && globMatch(pattern.name, facts.actionName, CaseMode::AsciiInsensitive);
}

/// True when the statement's Action (or NotAction) element matches the request's action. An
/// empty list is broken and matches nothing, also under NotAction.
bool actionElementMatches(const Statement &statement, const RequestFacts &facts)
{
    const bool hit = std::any_of(statement.actions.begin(), statement.actions.end(),
            [&](const ActionPattern &pattern) { return actionMatches(pattern, facts); });
    return statement.notAction ? !statement.actions.empty() && !hit : hit;
}

bool resourceMatches(const ResourcePattern &pattern, const Request &request,
        const RequestFacts &facts, MatchScratch &scratch)
{
    if (pattern.matchesAll)
        return true;
    if (!pattern.usable)
        return false;
    // `*` as the request resource (an action without resource types) only matches `*` (§6).
    const auto &parts = facts.resourceArn;
    if (!parts)
        return false;
    // The service first: it differs most often between a pattern and a request.
    for (const int i : { 2, 5, 4, 3, 1, 0 }) {
        bool unresolved = false;
        if (!matchTemplate(pattern.components[static_cast<size_t>(i)], parts->component(i),
                    request.context, scratch, unresolved))
            return false;
    }
    return true;
}

class Evaluation
{
public:
    Evaluation(const PolicySet &policies, const Request &request, Decision &out,
            Explanation *explanation, const ExplainOptions &options = {})
        : m_policies(policies)
        , m_request(request)
        , m_out(out)
        , m_explanation(explanation)
        , m_options(options)
        , m_facts(factsOf(policies, request))
    {
    }

    void run();

private:
    bool statementApplies(const Statement &statement, const StatementRef &ref,
            PrincipalMatch &match, StatementExplanation *trace);
    // Evaluates every statement of a policy; returns whether one of its Allows applies.
    bool evaluatePolicy(const Policy &policy, PolicyType type, std::uint16_t level,
            std::uint16_t index, LayerExplanation *layer);
    LayerExplanation *openLayer(PolicyType type, int level);
    void closeLayer(LayerExplanation *layer, bool allowed, bool denied);
    void skipLayer(PolicyType type, int level, const char *why);
    void grant();
    void finish(DecisionKind kind, std::uint8_t failedGates);

    const PolicySet &m_policies;
    const Request &m_request;
    Decision &m_out;
    Explanation *m_explanation;
    const ExplainOptions m_options;
    const RequestFacts m_facts;

    bool m_boundaryAllows = false;
    bool m_sessionAllows = false;
    bool m_scpLevelMissingAllow = false;
};

bool Evaluation::statementApplies(const Statement &statement, const StatementRef &ref,
        PrincipalMatch &match, StatementExplanation *trace)
{
    MatchScratch &scratch = m_out.scratch.match;
    // The fast path stops at the first element that fails; with a trace every element is
    // evaluated so the explanation can say all that failed.
    bool applies = true;

    const bool actionOk = actionElementMatches(statement, m_facts);
    if (trace)
        trace->action = actionOk ? ElementOutcome::Matched : ElementOutcome::Failed;
    applies = actionOk;
    if (!applies && !trace)
        return false;

    bool resourceOk = true;
    if (statement.resourceMode != Statement::ResourceMode::None) {
        bool resourceHit = false;
        for (const auto &pattern : statement.resources) {
            if (resourceMatches(pattern, m_request, m_facts, scratch)) {
                resourceHit = true;
                break;
            }
        }
        resourceOk = statement.resourceMode == Statement::ResourceMode::Resource
                ? resourceHit
                : (!statement.resources.empty() && !resourceHit);
    }
    if (trace)
        trace->resource = statement.resourceMode == Statement::ResourceMode::None
                ? ElementOutcome::Absent
                : (resourceOk ? ElementOutcome::Matched : ElementOutcome::Failed);
    applies = applies && resourceOk;
    if (!applies && !trace)
        return false;

    match = matchStatementPrincipal(statement, m_request.principal, m_facts.hasBoundary);
    if (trace) {
        trace->principalMatch = match;
        trace->principal = statement.principalMode == PrincipalMode::None
                ? ElementOutcome::Absent
                : (match != PrincipalMatch::None ? ElementOutcome::Matched
                                                 : ElementOutcome::Failed);
    }
    applies = applies && match != PrincipalMatch::None;
    if (!applies && !trace)
        return false;

    bool conditionsOk = true;
    for (const auto &condition : statement.conditions) {
        ConditionExplanation *conditionTrace =
                trace ? &trace->conditionDetails.emplace_back() : nullptr;
        const bool holds = evaluateCondition(condition, m_request.context, scratch, conditionTrace);
        if (!holds && m_options.assumeAbsentKeysForAllows && statement.effect == Effect::Allow
                && !m_request.context.find(condition.lowerKey)) {
            // "But for this key": who-can's conditional answers.
            if (conditionTrace) {
                conditionTrace->assumed = true;
                conditionTrace->satisfied = true;
            }
            m_out.scratch.assumedKeys.emplace_back(ref, condition.key);
            continue;
        }
        if (!holds) {
            conditionsOk = false;
            if (!trace)
                break;
        }
    }
    if (trace)
        trace->conditions = statement.conditions.empty()
                ? ElementOutcome::Absent
                : (conditionsOk ? ElementOutcome::Matched : ElementOutcome::Failed);
    applies = applies && conditionsOk;
    if (trace)
        trace->applies = applies;
    return applies;
}

bool Evaluation::evaluatePolicy(const Policy &policy, PolicyType type, std::uint16_t level,
        std::uint16_t index, LayerExplanation *layer)
{
    bool allowed = false;
    for (size_t i = 0; i < policy.statements.size(); ++i) {
        const Statement &statement = policy.statements[i];
        const StatementRef ref { type, level, index, static_cast<std::uint32_t>(i),
            statement.effect };
        StatementExplanation *trace = nullptr;
        if (layer) {
            trace = &layer->statements.emplace_back();
            trace->ref = ref;
            trace->sid = statement.sid;
            trace->pointer = statement.pointer;
        }
        PrincipalMatch match = PrincipalMatch::None;
        if (!statementApplies(statement, ref, match, trace))
            continue;
        if (statement.effect == Effect::Deny) {
            m_out.decisive.push_back(ref);
            continue;
        }
        allowed = true;
        if (type == PolicyType::Identity) {
            m_out.scratch.identityAllows.push_back(ref);
        } else if (type == PolicyType::Resource) {
            m_out.scratch.resourceAllows.push_back(ref);
            m_out.scratch.resourceAllowMatches.push_back(match);
        }
    }
    return allowed;
}

LayerExplanation *Evaluation::openLayer(PolicyType type, int level)
{
    if (!m_explanation)
        return nullptr;
    LayerExplanation &layer = m_explanation->layers.emplace_back();
    layer.type = type;
    layer.level = level;
    return &layer;
}

void Evaluation::closeLayer(LayerExplanation *layer, bool allowed, bool denied)
{
    if (!layer)
        return;
    layer->verdict =
            denied ? LayerVerdict::Deny : (allowed ? LayerVerdict::Allow : LayerVerdict::NoMatch);
}

void Evaluation::skipLayer(PolicyType type, int level, const char *why)
{
    if (LayerExplanation *layer = openLayer(type, level)) {
        layer->verdict = LayerVerdict::NotApplicable;
        layer->note = why;
    }
}

void Evaluation::run()
{
    m_out.decisive.clear();
    m_out.scratch.identityAllows.clear();
    m_out.scratch.resourceAllows.clear();
    m_out.scratch.resourceAllowMatches.clear();

    // Every applicable policy's statements, once (§2.2). Denies go straight to `decisive`.
    const auto denies = [this]() { return m_out.decisive.size(); };
    if (m_facts.identitySide) {
        LayerExplanation *layer = openLayer(PolicyType::Identity, -1);
        const size_t before = denies();
        bool allowed = false;
        for (size_t i = 0; i < m_policies.identity.size(); ++i)
            allowed = evaluatePolicy(*m_policies.identity[i], PolicyType::Identity, 0,
                              static_cast<std::uint16_t>(i), layer)
                    || allowed;
        closeLayer(layer, allowed, denies() > before);
        if (m_policies.permissionsBoundary) {
            layer = openLayer(PolicyType::PermissionsBoundary, -1);
            const size_t mark = denies();
            m_boundaryAllows = evaluatePolicy(
                    *m_policies.permissionsBoundary, PolicyType::PermissionsBoundary, 0, 0, layer);
            closeLayer(layer, m_boundaryAllows, denies() > mark);
        }
        if (m_policies.session) {
            layer = openLayer(PolicyType::Session, -1);
            const size_t mark = denies();
            m_sessionAllows = evaluatePolicy(*m_policies.session, PolicyType::Session, 0, 0, layer);
            closeLayer(layer, m_sessionAllows, denies() > mark);
        }
    } else if (m_explanation) {
        skipLayer(PolicyType::Identity, -1,
                "service principals, identity providers and anonymous callers have no "
                "identity-based policies");
    }
    if (m_policies.resource) {
        LayerExplanation *layer = openLayer(PolicyType::Resource, -1);
        const size_t mark = denies();
        const bool allowed =
                evaluatePolicy(*m_policies.resource, PolicyType::Resource, 0, 0, layer);
        closeLayer(layer, allowed, denies() > mark);
    }
    for (size_t level = 0; level < m_policies.scpLevels.size(); ++level) {
        if (!m_facts.scpsApply) {
            skipLayer(PolicyType::ServiceControl, static_cast<int>(level),
                    "SCPs do not apply to service principals or anonymous callers");
            continue;
        }
        LayerExplanation *layer = openLayer(PolicyType::ServiceControl, static_cast<int>(level));
        const size_t mark = denies();
        bool allowed = false;
        const auto &policies = m_policies.scpLevels[level];
        for (size_t i = 0; i < policies.size(); ++i)
            allowed =
                    evaluatePolicy(*policies[i], PolicyType::ServiceControl,
                            static_cast<std::uint16_t>(level), static_cast<std::uint16_t>(i), layer)
                    || allowed;
        m_scpLevelMissingAllow = m_scpLevelMissingAllow || !allowed;
        closeLayer(layer, allowed, denies() > mark);
        if (layer && policies.empty())
            layer->note = "an empty level has no Allow: it denies everything";
    }
    for (size_t level = 0; level < m_policies.rcpLevels.size(); ++level) {
        // Customer RCPs can only deny: the AWS-managed RCPFullAWSAccess allows at every
        // level, so this gate always passes (§2.2 step 3).
        LayerExplanation *layer = openLayer(PolicyType::ResourceControl, static_cast<int>(level));
        const size_t mark = denies();
        const auto &policies = m_policies.rcpLevels[level];
        for (size_t i = 0; i < policies.size(); ++i)
            evaluatePolicy(*policies[i], PolicyType::ResourceControl,
                    static_cast<std::uint16_t>(level), static_cast<std::uint16_t>(i), layer);
        closeLayer(layer, true, denies() > mark);
        if (layer)
            layer->note = "RCPFullAWSAccess allows at every level; RCPs act through denies";
    }

    if (m_facts.getCallerIdentity && m_request.principal.isAuthenticated()) {
        // Documented in the STS API reference: no policy can deny it (§2.2 step 1).
        m_out.decisive.clear();
        if (m_explanation)
            m_explanation->notes.emplace_back(
                    "sts:GetCallerIdentity is allowed for every authenticated caller, even "
                    "against an explicit Deny");
        finish(DecisionKind::Allowed, 0);
        return;
    }
    if (!m_out.decisive.empty()) {
        finish(DecisionKind::ExplicitDeny, 0);
        return;
    }
    grant();
}

void Evaluation::grant()
{
    const RequestPrincipal &principal = m_request.principal;
    const bool isRoot = principal.kind == PrincipalKind::Root;
    const bool identityAllows = !m_out.scratch.identityAllows.empty();
    const bool boundaryOk = isRoot || !m_policies.permissionsBoundary || m_boundaryAllows;
    // A federated-user session without a session policy has no permissions (§2.2 step 5).
    const bool sessionOk = isRoot
            || (m_policies.session ? m_sessionAllows
                                   : principal.kind != PrincipalKind::FederatedUser);
    const bool limitsOk = boundaryOk && sessionOk;
    const bool identityOk = isRoot || (identityAllows && limitsOk);

    // How the resource policy's Allows named the caller (§2.4).
    bool fullGrant = false; // the caller itself, `*`, its service: escapes every limit
    bool limitedGrant = false; // role ARN, or the IAM user of a federated session
    bool accountGrant = false; // only through the caller's account
    for (const PrincipalMatch match : m_out.scratch.resourceAllowMatches) {
        fullGrant = fullGrant || match == PrincipalMatch::Direct;
        limitedGrant = limitedGrant || match == PrincipalMatch::RoleArn
                || match == PrincipalMatch::FederatedUserOwner;
        accountGrant = accountGrant || match == PrincipalMatch::Account;
    }
    const bool directGrant = fullGrant || (limitedGrant && limitsOk);
    const bool anyResourceGrant = fullGrant || limitedGrant || accountGrant;

    std::uint8_t failed = 0;
    if (m_facts.scpsApply && m_scpLevelMissingAllow)
        failed |= bit(Gate::Scp);
    const auto limitFailures = [&]() {
        std::uint8_t gates = 0;
        if (!boundaryOk)
            gates |= bit(Gate::PermissionsBoundary);
        if (!sessionOk)
            gates |= bit(Gate::Session);
        return gates;
    };

    bool allowed = false;
    bool useIdentity = false;
    bool useDirect = false;
    bool useAccount = false;
    if (!m_facts.identitySide) {
        // Service principals, identity providers and anonymous callers: only the resource
        // policy grants (§2.6).
        allowed = anyResourceGrant;
        useDirect = useAccount = true;
        if (!allowed)
            failed |= bit(Gate::Resource);
    } else if (isRoot && m_facts.assumeRole) {
        if (m_explanation)
            m_explanation->notes.emplace_back("the root user cannot assume roles");
        failed |= bit(Gate::Identity);
    } else if (m_facts.crossPartition) {
        if (m_explanation)
            m_explanation->notes.emplace_back("access never crosses partitions");
        failed |= bit(Gate::Resource);
    } else if (m_facts.crossAccount) {
        // Both accounts must allow: the caller's identity side and the resource policy (§2.3).
        allowed = identityOk && anyResourceGrant;
        useIdentity = useDirect = useAccount = true;
        if (!anyResourceGrant)
            failed |= bit(Gate::Resource);
        if (!isRoot && !identityAllows)
            failed |= bit(Gate::Identity);
        failed |= limitFailures();
    } else if (m_facts.resourceKind != ResourcePolicyKind::Ordinary) {
        // Trust and key policies must name the caller, or its account to enable IAM (§2.5).
        allowed = directGrant || (accountGrant && identityOk);
        // Every path that granted is decisive, as for ordinary resources.
        useDirect = directGrant;
        useAccount = useIdentity = accountGrant && identityOk;
        // Every gate that failed: the policy's, and the identity path its account entry (or
        // a role-ARN grant) would need.
        if (!anyResourceGrant)
            failed |= bit(Gate::Resource);
        if (!fullGrant) {
            if (!limitedGrant && !isRoot && !identityAllows)
                failed |= bit(Gate::Identity);
            failed |= limitFailures();
        }
    } else {
        // Same account: the identity path or a resource-policy grant to the caller (§2.2).
        allowed = identityOk || directGrant;
        useIdentity = identityOk;
        useDirect = directGrant;
        if (!fullGrant) {
            if (!isRoot && !identityAllows && !limitedGrant)
                failed |= bit(Gate::Identity);
            failed |= limitFailures();
        }
    }
    if (isRoot && allowed && m_explanation && m_out.scratch.identityAllows.empty())
        m_explanation->notes.emplace_back(
                "the root user has full access in its own account unless something denies");

    if (m_facts.scpsApply && m_scpLevelMissingAllow)
        allowed = false;
    if (!allowed) {
        finish(DecisionKind::ImplicitDeny, failed ? failed : bit(Gate::Identity));
        return;
    }
    if (useIdentity)
        m_out.decisive = m_out.scratch.identityAllows;
    const auto &refs = m_out.scratch.resourceAllows;
    const auto &matches = m_out.scratch.resourceAllowMatches;
    for (size_t i = 0; i < refs.size(); ++i) {
        const PrincipalMatch match = matches[i];
        const bool direct = match == PrincipalMatch::Direct
                || ((match == PrincipalMatch::RoleArn
                            || match == PrincipalMatch::FederatedUserOwner)
                        && (limitsOk || m_facts.crossAccount));
        if ((useDirect && direct) || (useAccount && match == PrincipalMatch::Account))
            m_out.decisive.push_back(refs[i]);
    }
    finish(DecisionKind::Allowed, 0);
}

void Evaluation::finish(DecisionKind kind, std::uint8_t failedGates)
{
    m_out.kind = kind;
    m_out.failedGates = failedGates;
    m_out.blockedBy = Gate::None;
    if (kind == DecisionKind::ImplicitDeny) {
        m_out.decisive.clear();
        // The first failed gate in the order of the flow: the lowest bit.
        for (std::uint8_t b = 1; b != 0 && b <= bit(Gate::Session);
                b = static_cast<std::uint8_t>(b << 1)) {
            if (failedGates & b) {
                m_out.blockedBy = static_cast<Gate>(b);
                break;
            }
        }
    }
    if (m_explanation) {
        m_explanation->decision = kind;
        m_explanation->blockedBy = m_out.blockedBy;
        m_explanation->failedGates = failedGates;
        m_explanation->decisive = m_out.decisive;
        for (auto &layer : m_explanation->layers)
            for (auto &statement : layer.statements)
                for (const auto &ref : m_out.decisive)
                    if (ref == statement.ref)
                        statement.decisive = true;
    }
}

} // namespace

bool statementActionMatches(const Statement &statement, std::string_view action)
{
    return actionElementMatches(statement, actionFactsOf(action));
}

bool mayAllow(const Policy &policy, std::string_view action, std::string_view resource)
{
    RequestFacts facts = actionFactsOf(action);
    facts.resourceArn = splitArnComponents(resource);
    const auto resourceMayMatch = [&](const ResourcePattern &pattern) {
        if (pattern.matchesAll)
            return true;
        if (!pattern.usable || !facts.resourceArn)
            return false;
        for (int i = 0; i < 6; ++i) {
            const ValueTemplate &component = pattern.components[static_cast<size_t>(i)];
            if (!component.hasVariables()
                    && !globMatch(component.units(), facts.resourceArn->component(i)))
                return false;
        }
        return true;
    };
    for (const auto &statement : policy.statements) {
        if (statement.effect != Effect::Allow)
            continue;
        if (!actionElementMatches(statement, facts))
            continue;
        if (statement.resourceMode == Statement::ResourceMode::None)
            return true;
        bool resourceHit = false;
        for (const auto &pattern : statement.resources)
            resourceHit = resourceHit || resourceMayMatch(pattern);
        // NotResource with variables can exclude less than it seems: count it as a maybe.
        if (statement.resourceMode == Statement::ResourceMode::NotResource || resourceHit)
            return true;
    }
    return false;
}

const Policy &PolicySet::policy(const StatementRef &ref) const
{
    switch (ref.type) {
    case PolicyType::Identity:
        return *identity.at(ref.policy);
    case PolicyType::PermissionsBoundary:
        return *permissionsBoundary;
    case PolicyType::Session:
        return *session;
    case PolicyType::Resource:
        return *resource;
    case PolicyType::ServiceControl:
        return *scpLevels.at(ref.level).at(ref.policy);
    case PolicyType::ResourceControl:
        return *rcpLevels.at(ref.level).at(ref.policy);
    }
    return *identity.at(ref.policy);
}

void decide(const PolicySet &policies, const Request &request, Decision &out,
        const ExplainOptions &options)
{
    out.scratch.assumedKeys.clear();
    Evaluation(policies, request, out, nullptr, options).run();
}

Explanation explain(
        const PolicySet &policies, const Request &request, const ExplainOptions &options)
{
    Decision decision;
    Explanation explanation;
    Evaluation(policies, request, decision, &explanation, options).run();
    return explanation;
}

} // namespace iamx
