#include "statementoutcome.h"

#include "model/actioncatalog.h"
#include "model/casefold.h"
#include "model/evaluationflow.h"
#include "model/explanation.h"
#include "model/resolver.h"

#include <algorithm>

namespace iamx {
namespace {

// At most this many patterns are named in one reason; the rest are counted.
constexpr size_t shownPatterns = 4;

std::string quoted(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 2);
    out += '`';
    out += text;
    out += '`';
    return out;
}

// "`a`, `b` or `c`"; with more than shownPatterns, "`a`, `b`, `c`, `d` or 3 more".
std::string alternatives(const std::vector<std::string> &values)
{
    std::string out;
    const size_t shown = std::min(values.size(), shownPatterns);
    for (size_t i = 0; i < shown; ++i) {
        if (i > 0)
            out += i + 1 == shown && shown == values.size() ? " or " : ", ";
        out += quoted(values[i]);
    }
    if (values.size() > shown)
        out += " or " + std::to_string(values.size() - shown) + " more";
    return out;
}

// A resource pattern as it reads for this request: its policy variables filled in, so that
// `home/${aws:username}/*` shows as `home/alice/*` for alice.
std::string resolvedResourceText(const ResourcePattern &pattern, const RequestContext &context)
{
    if (pattern.text.find("${") == std::string::npos || pattern.components.size() != 6)
        return pattern.text;
    std::string out;
    std::string component;
    for (size_t i = 0; i < pattern.components.size(); ++i) {
        if (!pattern.components[i].resolveText(context, component))
            return pattern.text;
        if (i > 0)
            out += ':';
        out += component;
    }
    return out;
}

// How a condition operator relates the request's value to the policy's when it is false:
// "is not in", "does not equal", "is like" (for the negated ones).
std::string_view failedRelation(BaseOperator op)
{
    switch (op) {
    case BaseOperator::StringEquals:
    case BaseOperator::BinaryEquals:
    case BaseOperator::ArnEquals:
        return "does not equal";
    case BaseOperator::StringNotEquals:
    case BaseOperator::ArnNotEquals:
        return "equals";
    case BaseOperator::StringEqualsIgnoreCase:
        return "does not equal (ignoring case)";
    case BaseOperator::StringNotEqualsIgnoreCase:
        return "equals (ignoring case)";
    case BaseOperator::StringLike:
    case BaseOperator::ArnLike:
        return "is not like";
    case BaseOperator::StringNotLike:
    case BaseOperator::ArnNotLike:
        return "is like";
    case BaseOperator::NumericEquals:
        return "is not equal to";
    case BaseOperator::NumericNotEquals:
        return "is equal to";
    case BaseOperator::NumericLessThan:
        return "is not less than";
    case BaseOperator::NumericLessThanEquals:
        return "is not at most";
    case BaseOperator::NumericGreaterThan:
        return "is not greater than";
    case BaseOperator::NumericGreaterThanEquals:
        return "is not at least";
    case BaseOperator::DateEquals:
        return "is not at";
    case BaseOperator::DateNotEquals:
        return "is at";
    case BaseOperator::DateLessThan:
        return "is not before";
    case BaseOperator::DateLessThanEquals:
        return "is not at or before";
    case BaseOperator::DateGreaterThan:
        return "is not after";
    case BaseOperator::DateGreaterThanEquals:
        return "is not at or after";
    case BaseOperator::Bool:
        return "is not";
    case BaseOperator::IpAddress:
        return "is not in";
    case BaseOperator::NotIpAddress:
        return "is in";
    case BaseOperator::Null:
        return "is not";
    }
    return "does not satisfy";
}

// Why one condition is false, in words.
std::string conditionReason(const ConditionExplanation &c)
{
    const auto op = parseConditionOperator(c.operatorText);
    const BaseOperator base = op ? op->base : BaseOperator::StringEquals;
    std::string out;
    if (base == BaseOperator::Null) {
        out = "Key " + quoted(c.key)
                + (c.keyPresent ? " is present, but `Null` asks for it to be absent"
                                : " is absent, but `Null` asks for it to be present");
        return out;
    }
    if (!c.keyPresent) {
        out = "Key " + quoted(c.key) + " is absent, so " + quoted(c.operatorText) + " is false";
        return out;
    }
    out = "Condition " + quoted(c.key) + ' ';
    if (c.actual.size() == 1 && !c.multiValued) {
        out += quoted(c.actual.front());
    } else {
        out += '[';
        for (size_t i = 0; i < c.actual.size(); ++i)
            out += (i ? ", " : "") + quoted(c.actual[i]);
        out += ']';
    }
    out += ' ';
    out += failedRelation(base);
    out += ' ';
    out += alternatives(c.expected);
    if (!c.note.empty())
        out += " (" + c.note + ")";
    return out;
}

std::vector<std::string> principalTexts(const Statement &statement)
{
    std::vector<std::string> texts;
    for (const auto &pattern : statement.principals)
        texts.push_back(pattern.text);
    return texts;
}

// Why a statement did not apply: the first element that failed, in the order a reader checks
// them (action, resource, principal), else every condition that is false. One reason reads
// better in a tooltip than a list of everything that also failed.
std::string notAppliedReason(
        const Statement &statement, const StatementExplanation &s, const Request &request)
{
    if (s.action == ElementOutcome::Failed)
        return statement.notAction ? "Action " + quoted(request.action)
                        + " is excluded by NotAction " + alternatives(actionTexts(statement))
                                   : "Action " + quoted(request.action) + " is not matched by "
                        + alternatives(actionTexts(statement));
    if (s.resource == ElementOutcome::Failed) {
        std::vector<std::string> patterns;
        for (const auto &pattern : statement.resources)
            patterns.push_back(resolvedResourceText(pattern, request.context));
        return statement.resourceMode == Statement::ResourceMode::NotResource
                ? "Resource " + quoted(request.resource) + " is excluded by NotResource "
                        + alternatives(patterns)
                : "Resource " + quoted(request.resource) + " is not matched by "
                        + alternatives(patterns);
    }
    if (s.principal == ElementOutcome::Failed) {
        const std::string caller =
                request.principal.text.empty() ? std::string("anonymous") : request.principal.text;
        return statement.principalMode == PrincipalMode::NotPrincipal
                ? "Principal " + quoted(caller) + " is excluded by NotPrincipal "
                        + alternatives(principalTexts(statement))
                : "Principal " + quoted(caller) + " is not named by "
                        + alternatives(principalTexts(statement));
    }
    std::string out;
    for (const auto &c : s.conditionDetails)
        if (!c.satisfied)
            out += (out.empty() ? "" : "; ") + conditionReason(c);
    return out.empty() ? std::string("Does not apply to this request") : out;
}

// What the statement a StatementRef names is called in a reason: its Sid, else its policy.
std::string statementLabel(const PolicySet &policies, const StatementRef &ref)
{
    const Policy &policy = policies.policy(ref);
    if (ref.statement < policy.statements.size() && policy.statements[ref.statement].sid)
        return *policy.statements[ref.statement].sid;
    return policy.name;
}

std::string grantedReason(PolicyType type, const StatementExplanation &s)
{
    std::string out;
    switch (type) {
    case PolicyType::PermissionsBoundary:
        out = "The permissions boundary allows the request";
        break;
    case PolicyType::Session:
        out = "The session policy allows the request";
        break;
    case PolicyType::ServiceControl:
        out = "The SCP allows the request at its level";
        break;
    case PolicyType::ResourceControl:
        out = "The RCP allows the request at its level";
        break;
    case PolicyType::Identity:
    case PolicyType::Resource:
        out = "Allows the request";
        break;
    }
    if (s.principal == ElementOutcome::Matched) {
        if (s.principalMatch == PrincipalMatch::Account)
            out += " (it names the caller's account, which hands the decision to IAM policies)";
        else if (s.principalMatch == PrincipalMatch::RoleArn)
            out += " (it names the caller's role)";
    }
    return out;
}

/// For a statement that matched: which of its wildcard Action patterns cover the request's
/// action, and how many actions of the catalog each covers ("`s3:Get*` covers 63 actions");
/// empty when the action is named as it is.
std::string patternCoverage(const Statement &statement, std::string_view action)
{
    if (statement.notAction)
        return {};
    const ActionCatalog &catalog = ActionCatalog::instance();
    std::string out;
    for (const auto &pattern : statement.actions) {
        if (pattern.text.find_first_of("*?") == std::string::npos)
            continue;
        const auto covered = catalog.expandActions(pattern.text);
        const bool coversThis = std::any_of(covered.begin(), covered.end(),
                [&](const CatalogAction *a) { return asciiEqualsIgnoreCase(a->fullName, action); });
        if (!coversThis && !pattern.matchesAll)
            continue;
        out += (out.empty() ? "`" : ", `") + pattern.text + "` covers "
                + (pattern.matchesAll ? std::string("every action")
                                      : std::to_string(covered.size())
                                        + (covered.size() == 1 ? " action" : " actions"));
    }
    return out;
}

bool isGetCallerIdentity(const Explanation &explanation)
{
    return std::any_of(explanation.notes.begin(), explanation.notes.end(),
            [](const std::string &note) { return note.starts_with("sts:GetCallerIdentity"); });
}

const PolicyOrigin *findOrigin(const AccountRequest &request, const StatementRef &ref)
{
    const auto at = [](const auto &list, size_t i) { return i < list.size() ? &list[i] : nullptr; };
    switch (ref.type) {
    case PolicyType::Identity:
        return at(request.identityOrigins, ref.policy);
    case PolicyType::PermissionsBoundary:
        return &request.boundaryOrigin;
    case PolicyType::Session:
        return &request.sessionOrigin;
    case PolicyType::Resource:
        return &request.resourceOrigin;
    case PolicyType::ServiceControl:
        if (const auto *level = at(request.scpOrigins, ref.level))
            return at(*level, ref.policy);
        return nullptr;
    case PolicyType::ResourceControl:
        if (const auto *level = at(request.rcpOrigins, ref.level))
            return at(*level, ref.policy);
        return nullptr;
    }
    return nullptr;
}

} // namespace

std::vector<StatementOutcome> statementOutcomes(
        const AccountRequest &request, const Explanation &explanation)
{
    std::vector<StatementOutcome> outcomes;
    const PolicySet &policies = request.policies;
    const bool callerIdentity = isGetCallerIdentity(explanation);
    // What an Allow that matched but did not decide lost to.
    std::string overriddenBy;
    if (explanation.decision == DecisionKind::ExplicitDeny && !explanation.decisive.empty())
        overriddenBy = "Allowed, but a Deny in "
                + statementLabel(policies, explanation.decisive.front()) + " wins";
    else if (explanation.decision == DecisionKind::ImplicitDeny)
        overriddenBy =
                "Allowed, but the request is denied: " + implicitDenyReason(request, explanation);

    for (const auto &layer : explanation.layers) {
        for (const auto &s : layer.statements) {
            const Policy &policy = policies.policy(s.ref);
            if (s.ref.statement >= policy.statements.size())
                continue;
            const Statement &statement = policy.statements[s.ref.statement];
            StatementOutcome &outcome = outcomes.emplace_back();
            if (const PolicyOrigin *origin = findOrigin(request, s.ref)) {
                outcome.document = origin->document;
                outcome.via = origin->via;
            }
            outcome.policyName = policy.name;
            outcome.statement = s.ref.statement;
            outcome.sid = s.sid.value_or(std::string());
            outcome.pointer = s.pointer;
            outcome.decisive = s.decisive;
            if (!s.applies) {
                outcome.verdict = StatementVerdict::NotApplied;
                outcome.reason = notAppliedReason(statement, s, request.request);
            } else {
                if (s.ref.effect == Effect::Deny) {
                    outcome.verdict = StatementVerdict::Denied;
                    outcome.reason = callerIdentity
                            ? "Matches, but sts:GetCallerIdentity is allowed even against a Deny"
                            : "Denies the request";
                } else if (explanation.decision == DecisionKind::Allowed) {
                    outcome.verdict = StatementVerdict::Granted;
                    outcome.reason = grantedReason(s.ref.type, s);
                } else {
                    outcome.verdict = StatementVerdict::Overridden;
                    outcome.reason = overriddenBy;
                }
                // What a wildcard that matched stands for (issue #5, "Expansion").
                if (const std::string coverage = patternCoverage(statement, request.request.action);
                        !coverage.empty())
                    outcome.reason += " (" + coverage + ")";
            }
        }
    }
    return outcomes;
}

} // namespace iamx
