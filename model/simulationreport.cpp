#include "simulationreport.h"

#include "model/evaluationflow.h"
#include "model/json.h"
#include "model/report.h"
#include "model/resolver.h"
#include "model/statementoutcome.h"

#include <string_view>

namespace iamx {

namespace {

std::string_view verdictName(StepVerdict verdict)
{
    switch (verdict) {
    case StepVerdict::Passed:
        return "passed";
    case StepVerdict::Failed:
        return "failed";
    case StepVerdict::NotApplicable:
        return "notApplicable";
    }
    return "notApplicable";
}

std::string_view verdictName(StatementVerdict verdict)
{
    switch (verdict) {
    case StatementVerdict::Granted:
        return "granted";
    case StatementVerdict::Denied:
        return "denied";
    case StatementVerdict::Overridden:
        return "overridden";
    case StatementVerdict::NotApplied:
        return "notApplied";
    }
    return "notApplied";
}

std::string_view verdictMark(StatementVerdict verdict)
{
    switch (verdict) {
    case StatementVerdict::Granted:
        return "✔ granted";
    case StatementVerdict::Denied:
        return "✖ denied";
    case StatementVerdict::Overridden:
        return "✔ overridden";
    case StatementVerdict::NotApplied:
        return "– not applied";
    }
    return "";
}

/// The decision as the decide() path reports it, from the explanation (same evaluation).
Decision decisionOf(const Explanation &explanation)
{
    Decision decision;
    decision.kind = explanation.decision;
    decision.blockedBy = explanation.blockedBy;
    decision.failedGates = explanation.failedGates;
    decision.decisive = explanation.decisive;
    return decision;
}

/// Markdown table cells may not hold `|` or line breaks.
std::string cell(std::string_view text)
{
    std::string out;
    for (const char c : text) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n')
            out += ' ';
        else
            out += c;
    }
    return out;
}

void appendContextValue(std::string &out, const ContextEntry &entry)
{
    if (!entry.multiValued) {
        json::appendQuoted(out, entry.values.empty() ? std::string() : entry.values.front());
        return;
    }
    appendStringArray(out, entry.values);
}

} // namespace

std::string simulationJson(const AccountRequest &resolved, const Explanation &explanation)
{
    // The decision line of `iamx simulate --json`, opened up to add the panel's details.
    std::string line = accountDecisionJsonLine(resolved, decisionOf(explanation));
    line.pop_back(); // its closing brace
    std::string out = "{\n  " + line.substr(1);
    out += ",\n  \"context\": {";
    const auto &entries = resolved.request.context.entries();
    for (size_t i = 0; i < entries.size(); ++i) {
        out += i ? ",\n    " : "\n    ";
        json::appendQuoted(out, entries[i].key);
        out += ": ";
        appendContextValue(out, entries[i]);
    }
    out += entries.empty() ? "}" : "\n  }";

    const EvaluationFlow flow = evaluationFlow(resolved, explanation);
    out += ",\n  \"badge\": ";
    json::appendQuoted(out, flow.badge);
    out += ",\n  \"flow\": [";
    for (size_t i = 0; i < flow.steps.size(); ++i) {
        const FlowStepResult &step = flow.steps[i];
        out += i ? ",\n    {\"step\": " : "\n    {\"step\": ";
        json::appendQuoted(out, flowStepTitle(step.step));
        out += ", \"verdict\": ";
        json::appendQuoted(out, verdictName(step.verdict));
        out += ", \"why\": ";
        json::appendQuoted(out, step.why);
        out += '}';
    }
    out += "\n  ],\n  \"statements\": [";
    const auto outcomes = statementOutcomes(resolved, explanation);
    for (size_t i = 0; i < outcomes.size(); ++i) {
        const StatementOutcome &o = outcomes[i];
        out += i ? ",\n    {\"policy\": " : "\n    {\"policy\": ";
        json::appendQuoted(out, o.policyName);
        out += ", \"via\": ";
        json::appendQuoted(out, o.via);
        out += ", \"statement\": " + std::to_string(o.statement);
        if (!o.sid.empty()) {
            out += ", \"sid\": ";
            json::appendQuoted(out, o.sid);
        }
        out += ", \"verdict\": ";
        json::appendQuoted(out, verdictName(o.verdict));
        out += o.decisive ? ", \"decisive\": true" : ", \"decisive\": false";
        out += ", \"reason\": ";
        json::appendQuoted(out, o.reason);
        out += '}';
    }
    out += outcomes.empty() ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

std::string simulationMarkdown(const AccountRequest &resolved, const Explanation &explanation)
{
    const Request &request = resolved.request;
    const EvaluationFlow flow = evaluationFlow(resolved, explanation);
    std::string out = "# " + flow.badge + "\n\n";
    out += "| | |\n| --- | --- |\n";
    out += "| Principal | `" + cell(request.principal.text) + "` |\n";
    out += "| Action | `" + cell(request.action) + "` |\n";
    out += "| Resource | `" + cell(request.resource) + "` |\n";
    for (const auto &entry : request.context.entries()) {
        std::string values;
        for (const auto &value : entry.values)
            values += (values.empty() ? "`" : ", `") + cell(value) + "`";
        out += "| " + cell(entry.key) + " | " + (values.empty() ? "(empty)" : values) + " |\n";
    }
    out += "\n## Evaluation flow\n\n";
    for (size_t i = 0; i < flow.steps.size(); ++i) {
        const FlowStepResult &step = flow.steps[i];
        const std::string_view mark = step.verdict == StepVerdict::Passed ? "✔"
                : step.verdict == StepVerdict::Failed                     ? "✖"
                                                                          : "–";
        out += std::to_string(i + 1) + ". " + std::string(mark) + " **"
                + std::string(flowStepTitle(step.step)) + "**: " + step.why;
        if (int(i) == flow.firstFailure)
            out += " ← decided here";
        out += '\n';
    }
    const auto outcomes = statementOutcomes(resolved, explanation);
    out += "\n## Decided by\n\n";
    bool any = false;
    for (const auto &o : outcomes) {
        if (!o.decisive)
            continue;
        any = true;
        out += "- " + o.policyName + " · " + o.via + " · "
                + (o.sid.empty() ? "#" + std::to_string(o.statement) : o.sid) + "\n";
    }
    if (!any)
        out += "- no statement: nothing allows the request\n";
    out += "\n## Statements\n\n| Policy | Via | Statement | Verdict | Why |\n"
           "| --- | --- | --- | --- | --- |\n";
    for (const auto &o : outcomes)
        out += "| " + cell(o.policyName) + " | " + cell(o.via) + " | "
                + cell(o.sid.empty() ? "#" + std::to_string(o.statement) : o.sid) + " | "
                + std::string(verdictMark(o.verdict)) + " | " + cell(o.reason) + " |\n";
    if (!resolved.assumptions.empty()) {
        out += "\n## Assumed\n\n";
        for (const auto &assumption : resolved.assumptions)
            out += "- " + assumption + '\n';
    }
    if (resolved.incomplete()) {
        out += "\n## Incomplete\n\n";
        for (const auto &problem : resolved.problems)
            out += "- " + problem.message + '\n';
    }
    return out;
}

} // namespace iamx
