#include "app/cli/accountsimulate.h"
#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "model/report.h"

namespace iamx::cli {
namespace {

constexpr const char *simulateHelp = R"(Usage: iamx simulate FILE [--json]
       iamx simulate --account FILE --principal P --action A --resource R
                     [--context KEY=VALUE]... [--session NAME] [--session-policy FILE]
                     [--now TIME] [--json]

Evaluates every scenario of FILE (a .json scenario, or .jsonl with one per line; '-' for
standard input) and prints the decision: allowed, explicitDeny or implicitDeny.

Without --json, for each scenario: the decision, the statements that decided it, every gate
of the evaluation flow that failed, and for every policy layer and statement whether it
applied and, if not, which of action, resource, principal or condition failed (for a
condition: the operator, key, expected values and the request's value).

With --json, one JSON object per scenario and line, in input order:
  {"name": ..., "decision": ..., "decisive": [{"policyType", "policy", "statement", "sid",
   "effect"}], "blockedBy": ..., "warnings": [...]}
and for a scenario that cannot be evaluated {"name": ..., "error": {"code", "message", "in",
"pointer", "line", "column"}}. The run goes on with the next scenario.

With --account (repeat it to merge the pages of one export), the request is asked of an
account: the principal's policies with where they come from, the resource's policy, the
organization's SCPs and RCPs, and the context AWS would fill in are gathered from it.
--principal is a user (name, ignoring case, or ARN), a role (name or ARN, simulated as a
session named by --session, default iam-explorer), a session ARN, 'root', a service
principal, 'anonymous', or another account's ARN (its own side assumed to allow).
--context KEY=VALUE adds or replaces a context key (repeat a key for a multi-valued one);
--now fixes the clock; --session-policy adds a session policy. The JSON also gives each
decisive statement's "via", "routes", "arn" and "version", and "assumptions".

Exit status: 0 when every scenario was evaluated, 1 when one could not be, 2 usage error.
)";

} // namespace

int runSimulate(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const auto arguments = parseArguments("simulate", args,
            { { "--json" }, { "--account", true }, { "--principal", true }, { "--action", true },
                    { "--resource", true }, { "--context", true }, { "--session", true },
                    { "--session-policy", true }, { "--now", true } },
            err);
    if (!arguments)
        return ExitUsage;
    if (arguments->help) {
        out << simulateHelp;
        return ExitOk;
    }
    if (arguments->has("--account")) {
        std::optional<Account> account;
        if (const int status = loadAccountArgument("simulate", *arguments, account, err))
            return status;
        if (arguments->positionals.empty())
            return runAccountRequest(*account, *arguments, out, err);
        return runAccountScenarios(*account, *arguments, out, err);
    }
    std::vector<ScenarioEntry> entries;
    if (const int status = loadScenarioFile("simulate", *arguments, entries, err))
        return status;
    const bool asJson = arguments->has("--json");
    int status = ExitOk;
    bool printedText = false;
    Decision decision;
    for (const auto &entry : entries) {
        if (!entry.scenario) {
            status = ExitFailure;
            if (asJson)
                out << errorJsonLine(entry) << '\n';
            else
                err << diagnosticsText(entry);
            continue;
        }
        const Scenario &scenario = *entry.scenario;
        if (asJson) {
            decide(scenario.policies, scenario.request, decision);
            out << decisionJsonLine(entry, scenario, decision) << '\n';
        } else {
            if (printedText)
                out << '\n';
            printedText = true;
            out << explanationText(scenario, explain(scenario.policies, scenario.request));
            err << diagnosticsText(entry);
        }
    }
    return status;
}

} // namespace iamx::cli
