#include "report.h"

#include "model/json.h"

namespace iamx {
namespace {

void appendKey(std::string &out, std::string_view key)
{
    json::appendQuoted(out, key);
    out += ": ";
}

// Lines and columns in JSON output count within the scenario's own text (scenario-format.md).
void appendFinding(std::string &out, const ScenarioEntry &entry, const ScenarioDiagnostic &d)
{
    const SourceLocation &where = d.diagnostic.where;
    const int line = where.line - entry.startLine + 1;
    const int column =
            where.line == entry.startLine ? where.column - entry.startColumn + 1 : where.column;
    out += '{';
    appendKey(out, "severity");
    json::appendQuoted(out, severityCode(d.diagnostic.severity));
    out += ", ";
    appendKey(out, "code");
    json::appendQuoted(out, d.diagnostic.code);
    out += ", ";
    appendKey(out, "message");
    json::appendQuoted(out, d.diagnostic.message);
    out += ", ";
    appendKey(out, "in");
    json::appendQuoted(out, d.in);
    out += ", ";
    appendKey(out, "pointer");
    json::appendQuoted(out, d.diagnostic.pointer);
    out += ", ";
    appendKey(out, "line");
    out += std::to_string(line);
    out += ", ";
    appendKey(out, "column");
    out += std::to_string(column);
    out += '}';
}

void appendName(std::string &out, const ScenarioEntry &entry)
{
    out += '{';
    appendKey(out, "name");
    json::appendQuoted(out, entry.name);
}

// What a person calls a policy of this layer ("bucket policy" would need the account).
std::string_view policyKindName(const Policy &policy)
{
    switch (policy.type) {
    case PolicyType::Identity:
        return "identity policy";
    case PolicyType::PermissionsBoundary:
        return "permissions boundary";
    case PolicyType::Session:
        return "session policy";
    case PolicyType::Resource:
        switch (policy.resourceKind) {
        case ResourcePolicyKind::TrustPolicy:
            return "trust policy";
        case ResourcePolicyKind::KeyPolicy:
            return "key policy";
        case ResourcePolicyKind::Ordinary:
            return "resource policy";
        }
        return "resource policy";
    case PolicyType::ServiceControl:
        return "SCP";
    case PolicyType::ResourceControl:
        return "RCP";
    }
    return "policy";
}

std::string_view layerTitle(PolicyType type)
{
    switch (type) {
    case PolicyType::Identity:
        return "identity-based policies";
    case PolicyType::PermissionsBoundary:
        return "permissions boundary";
    case PolicyType::Session:
        return "session policy";
    case PolicyType::Resource:
        return "resource-based policy";
    case PolicyType::ServiceControl:
        return "SCP level";
    case PolicyType::ResourceControl:
        return "RCP level";
    }
    return "policies";
}

std::string_view verdictText(LayerVerdict verdict)
{
    switch (verdict) {
    case LayerVerdict::Allow:
        return "allows";
    case LayerVerdict::Deny:
        return "denies";
    case LayerVerdict::NoMatch:
        return "no statement applies";
    case LayerVerdict::NotApplicable:
        return "does not apply";
    }
    return "";
}

std::string_view principalMatchText(PrincipalMatch match)
{
    switch (match) {
    case PrincipalMatch::None:
        return "does not name the caller";
    case PrincipalMatch::Account:
        return "names the caller's account (delegates to its IAM policies)";
    case PrincipalMatch::RoleArn:
        return "names the caller's role (limited by boundary and session policy)";
    case PrincipalMatch::FederatedUserOwner:
        return "names the IAM user behind the federated session (limited by its limits)";
    case PrincipalMatch::Direct:
        return "names the caller";
    }
    return "";
}

std::string joinQuoted(const std::vector<std::string> &values)
{
    std::string text;
    appendStringArray(text, values);
    return text;
}

void appendStatementLines(
        std::string &out, const PolicySet &policies, const StatementExplanation &s)
{
    const Policy &policy = policies.policy(s.ref);
    out += s.applies ? "    + " : "    - ";
    out += policy.name;
    out += ' ';
    out += s.pointer;
    if (s.sid) {
        out += " (";
        out += *s.sid;
        out += ')';
    }
    out += s.ref.effect == Effect::Allow ? " Allow" : " Deny";
    if (s.applies) {
        out += s.decisive ? ": applies, decisive\n" : ": applies\n";
        if (s.principal == ElementOutcome::Matched && s.principalMatch != PrincipalMatch::Direct)
            out += "        principal " + std::string(principalMatchText(s.principalMatch)) + '\n';
        return;
    }
    std::string reasons;
    const auto add = [&reasons](std::string_view reason) {
        if (!reasons.empty())
            reasons += "; ";
        reasons += reason;
    };
    if (s.action == ElementOutcome::Failed)
        add("action does not match");
    if (s.resource == ElementOutcome::Failed)
        add("resource does not match");
    if (s.principal == ElementOutcome::Failed)
        add("principal does not match");
    if (s.conditions == ElementOutcome::Failed)
        add("condition not met");
    out += ": does not apply (" + reasons + ")\n";
    if (s.principal != ElementOutcome::Absent && s.principal != ElementOutcome::Failed
            && s.principalMatch != PrincipalMatch::Direct) {
        out += "        principal ";
        out += principalMatchText(s.principalMatch);
        out += '\n';
    }
    for (const auto &c : s.conditionDetails) {
        if (c.satisfied)
            continue;
        out += "        " + c.operatorText + " " + c.key + ": expected " + joinQuoted(c.expected)
                + ", ";
        if (!c.keyPresent)
            out += "key absent";
        else
            out += std::string(c.multiValued ? "request values " : "request value ")
                    + joinQuoted(c.actual);
        if (!c.note.empty())
            out += " (" + c.note + ")";
        out += '\n';
    }
}

} // namespace

void appendStringArray(std::string &out, const std::vector<std::string> &values)
{
    out += '[';
    for (size_t i = 0; i < values.size(); ++i) {
        if (i)
            out += ", ";
        json::appendQuoted(out, values[i]);
    }
    out += ']';
}

void appendDiagnosticsJson(std::string &out, const std::vector<Diagnostic> &diagnostics)
{
    out += '[';
    for (size_t i = 0; i < diagnostics.size(); ++i) {
        const Diagnostic &d = diagnostics[i];
        out += i ? ", {" : "{";
        appendKey(out, "severity");
        json::appendQuoted(out, severityName(d.severity));
        out += ", ";
        appendKey(out, "code");
        json::appendQuoted(out, d.code);
        out += ", ";
        appendKey(out, "message");
        json::appendQuoted(out, d.message);
        out += ", ";
        appendKey(out, "file");
        json::appendQuoted(out, d.where.file);
        out += ", \"line\": " + std::to_string(d.where.line);
        out += ", \"column\": " + std::to_string(d.where.column);
        out += ", ";
        appendKey(out, "pointer");
        json::appendQuoted(out, d.pointer);
        out += '}';
    }
    out += ']';
}

std::string describeStatement(const PolicySet &policies, const StatementRef &ref)
{
    const Policy &policy = policies.policy(ref);
    std::string text(policyKindName(policy));
    text += " \"" + policy.name + "\" statement " + std::to_string(ref.statement);
    const auto &sid = policy.statements.at(ref.statement).sid;
    if (sid)
        text += " (Sid \"" + *sid + "\")";
    return text;
}

void appendDecisiveStatement(std::string &out, PolicyType type, const std::string &policy,
        std::uint32_t statement, const std::optional<std::string> &sid, Effect effect,
        const PolicyOrigin *origin)
{
    out += '{';
    appendKey(out, "policyType");
    json::appendQuoted(out, policyTypeName(type));
    out += ", ";
    appendKey(out, "policy");
    json::appendQuoted(out, policy);
    out += ", ";
    appendKey(out, "statement");
    out += std::to_string(statement);
    if (sid) {
        out += ", ";
        appendKey(out, "sid");
        json::appendQuoted(out, *sid);
    }
    out += ", ";
    appendKey(out, "effect");
    json::appendQuoted(out, effect == Effect::Allow ? "Allow" : "Deny");
    if (origin) {
        out += ", ";
        appendKey(out, "via");
        json::appendQuoted(out, origin->via);
        if (origin->routes.size() > 1) {
            out += ", ";
            appendKey(out, "routes");
            appendStringArray(out, origin->routes);
        }
        if (!origin->arn.empty()) {
            out += ", ";
            appendKey(out, "arn");
            json::appendQuoted(out, origin->arn);
            out += ", ";
            appendKey(out, "version");
            json::appendQuoted(out, origin->versionId);
        }
    }
    out += '}';
}

void appendDecisionFields(std::string &out, const PolicySet &policies, const Decision &decision,
        const OriginLookup &origins)
{
    appendKey(out, "decision");
    json::appendQuoted(out, decisionName(decision.kind));
    out += ", ";
    appendKey(out, "decisive");
    out += '[';
    for (size_t i = 0; i < decision.decisive.size(); ++i) {
        const StatementRef &ref = decision.decisive[i];
        const Policy &policy = policies.policy(ref);
        if (i)
            out += ", ";
        appendDecisiveStatement(out, ref.type, policy.name, ref.statement,
                policy.statements.at(ref.statement).sid, ref.effect,
                origins ? origins(ref) : nullptr);
    }
    out += ']';
    if (decision.kind == DecisionKind::ImplicitDeny) {
        out += ", ";
        appendKey(out, "blockedBy");
        json::appendQuoted(out, gateName(decision.blockedBy));
    }
}

std::string decisionJsonLine(
        const ScenarioEntry &entry, const Scenario &scenario, const Decision &decision)
{
    std::string out;
    appendName(out, entry);
    out += ", ";
    appendDecisionFields(out, scenario.policies, decision, {});
    if (!entry.diagnostics.empty()) {
        out += ", ";
        appendKey(out, "warnings");
        out += '[';
        for (size_t i = 0; i < entry.diagnostics.size(); ++i) {
            if (i)
                out += ", ";
            appendFinding(out, entry, entry.diagnostics[i]);
        }
        out += ']';
    }
    out += '}';
    return out;
}

std::string errorJsonLine(const ScenarioEntry &entry)
{
    std::string out;
    appendName(out, entry);
    std::vector<const ScenarioDiagnostic *> errors;
    for (const auto &d : entry.diagnostics)
        if (d.diagnostic.severity == Severity::Error)
            errors.push_back(&d);
    if (!errors.empty()) {
        out += ", ";
        appendKey(out, "error");
        appendFinding(out, entry, *errors.front());
    }
    bool anyWarning = false;
    for (const auto &d : entry.diagnostics)
        anyWarning = anyWarning || d.diagnostic.severity != Severity::Error;
    if (anyWarning) {
        out += ", ";
        appendKey(out, "warnings");
        out += '[';
        bool first = true;
        for (const auto &d : entry.diagnostics) {
            if (d.diagnostic.severity == Severity::Error)
                continue;
            if (!first)
                out += ", ";
            first = false;
            appendFinding(out, entry, d);
        }
        out += ']';
    }
    if (errors.size() > 1) {
        out += ", ";
        appendKey(out, "errors");
        out += '[';
        for (size_t i = 0; i < errors.size(); ++i) {
            if (i)
                out += ", ";
            appendFinding(out, entry, *errors[i]);
        }
        out += ']';
    }
    out += '}';
    return out;
}

std::string diagnosticsText(const ScenarioEntry &entry)
{
    std::string out;
    for (const auto &d : entry.diagnostics) {
        Diagnostic shown = d.diagnostic;
        if (!d.in.empty())
            shown.message = d.in + ": " + shown.message;
        out += formatDiagnostic(shown);
        out += '\n';
    }
    return out;
}

std::string explanationText(const Scenario &scenario, const Explanation &explanation)
{
    return explanationText(
            scenario.name, scenario.note, scenario.policies, scenario.request, explanation, {});
}

std::string explanationText(const std::string &name, const std::optional<std::string> &note,
        const PolicySet &policies, const Request &request, const Explanation &explanation,
        const OriginLookup &origins)
{
    std::string out;
    out += (name.empty() ? std::string("(unnamed scenario)") : name) + ": "
            + std::string(decisionName(explanation.decision));
    if (explanation.decision == DecisionKind::ImplicitDeny)
        out += " (blocked by " + std::string(gateName(explanation.blockedBy)) + ")";
    out += '\n';
    out += "  request: " + request.principal.text + " -> " + request.action + " on "
            + request.resource + '\n';
    if (note)
        out += "  note: " + *note + '\n';
    for (const auto &ref : explanation.decisive) {
        out += "  decided by " + describeStatement(policies, ref);
        if (const PolicyOrigin *origin = origins ? origins(ref) : nullptr) {
            out += " (";
            for (size_t i = 0; i < origin->routes.size(); ++i)
                out += (i ? ", " : "") + origin->routes[i];
            if (!origin->versionId.empty())
                out += ", version " + origin->versionId;
            out += ')';
        }
        out += ref.effect == Effect::Allow ? ": Allow\n" : ": Deny\n";
    }
    if (explanation.decision == DecisionKind::ImplicitDeny) {
        std::string gates;
        for (std::uint8_t b = 1; b <= static_cast<std::uint8_t>(Gate::Session);
                b = static_cast<std::uint8_t>(b << 1)) {
            if (!(explanation.failedGates & b))
                continue;
            if (!gates.empty())
                gates += ", ";
            gates += gateName(static_cast<Gate>(b));
        }
        out += "  failed gates: " + gates + '\n';
    }
    for (const auto &rule : explanation.notes)
        out += "  rule: " + rule + '\n';
    for (const auto &layer : explanation.layers) {
        out += "  ";
        if (layer.type == PolicyType::Resource && policies.resource)
            out += policyKindName(*policies.resource);
        else
            out += layerTitle(layer.type);
        if (layer.level >= 0)
            out += ' ' + std::to_string(layer.level);
        // In an account the level has a name: "SCP at Workloads" -> "(Workloads)".
        if (origins && layer.level >= 0 && !layer.statements.empty())
            if (const PolicyOrigin *origin = origins(layer.statements.front().ref);
                    origin && origin->via.find(" at ") != std::string::npos)
                out += " (" + origin->via.substr(origin->via.find(" at ") + 4) + ")";
        out += ": ";
        out += verdictText(layer.verdict);
        if (layer.statements.empty() && layer.verdict == LayerVerdict::NoMatch)
            out += " (none given)";
        if (!layer.note.empty())
            out += " (" + layer.note + ")";
        out += '\n';
        for (const auto &statement : layer.statements)
            appendStatementLines(out, policies, statement);
    }
    return out;
}

std::string accountDecisionJsonLine(const AccountRequest &resolved, const Decision &decision)
{
    const OriginLookup origins = [&resolved](const StatementRef &ref) {
        return &resolved.originOf(ref);
    };
    std::string line = "{\"principal\": ";
    json::appendQuoted(line, resolved.request.principal.text);
    line += ", \"action\": ";
    json::appendQuoted(line, resolved.request.action);
    line += ", \"resource\": ";
    json::appendQuoted(line, resolved.request.resource);
    line += ", ";
    appendDecisionFields(line, resolved.policies, decision, origins);
    line += ", \"assumptions\": ";
    appendStringArray(line, resolved.assumptions);
    line += ", \"incomplete\": ";
    line += resolved.incomplete() ? "true" : "false";
    if (resolved.incomplete()) {
        line += ", \"problems\": ";
        appendDiagnosticsJson(line, resolved.problems);
    }
    line += '}';
    return line;
}

} // namespace iamx
