#include "app/cli/accountsimulate.h"
#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "model/report.h"

namespace iamx::cli {
namespace {

constexpr const char *testHelp = R"(Usage: iamx test FILE
       iamx test --account FILE [--now TIME] SCENARIOS

Evaluates every scenario of FILE and compares the decision with its "expect" (allowed,
explicitDeny or implicitDeny). Each mismatch is printed with its full explanation; a
scenario that cannot be evaluated is printed with its errors and counts as failed; one
without "expect" is evaluated but not counted. The last line is "N passed, N failed".

With --account, SCENARIOS are account scenarios: the principal is named (a user or role name
or ARN, 'root', ...) and the policies, resource policy, SCPs, RCPs and context come from the
account; policies a scenario lists are added (a session policy, say).

Exit status: 0 when nothing failed, 1 otherwise, 2 usage error.
)";

} // namespace

int runTest(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const auto arguments =
            parseArguments("test", args, { { "--account", true }, { "--now", true } }, err);
    if (!arguments)
        return ExitUsage;
    if (arguments->help) {
        out << testHelp;
        return ExitOk;
    }
    std::optional<Account> account;
    RequestOptions options;
    if (arguments->has("--account")) {
        if (const int status = loadAccountArgument("test", *arguments, account, err))
            return status;
        if (const int status = requestOptions("test", *arguments, options, err))
            return status;
    }
    std::vector<ScenarioEntry> entries;
    if (const int status = loadScenarioFile("test", *arguments, entries, err, account.has_value()))
        return status;
    std::optional<Resolver> resolver;
    std::vector<AccountScenario> resolved;
    if (account) {
        resolver.emplace(*account);
        resolved = resolveScenarios(*resolver, entries, options.now);
    }
    int passed = 0;
    int failed = 0;
    Decision decision;
    for (size_t i = 0; i < entries.size(); ++i) {
        const ScenarioEntry &entry = entries[i];
        const std::string name = entry.name.empty() ? "(unnamed scenario)" : entry.name;
        if (!entry.scenario) {
            ++failed;
            out << "FAIL " << name << ": cannot be evaluated\n" << diagnosticsText(entry);
            continue;
        }
        const Scenario &scenario = *entry.scenario;
        if (account && !resolved[i].resolved) {
            ++failed;
            out << "FAIL " << name << ": " << resolved[i].why << '\n';
            continue;
        }
        // In account mode the policies and the request come from the account.
        const AccountRequest *fromAccount = account ? &*resolved[i].resolved : nullptr;
        const PolicySet &policies = fromAccount ? fromAccount->policies : scenario.policies;
        const Request &request = fromAccount ? fromAccount->request : scenario.request;
        decide(policies, request, decision);
        if (!scenario.expect)
            continue;
        if (decision.kind == *scenario.expect) {
            ++passed;
            continue;
        }
        ++failed;
        OriginLookup origins;
        if (fromAccount)
            origins = [fromAccount](
                              const StatementRef &ref) { return &fromAccount->originOf(ref); };
        out << "FAIL " << name << ": expected " << decisionName(*scenario.expect) << ", got "
            << decisionName(decision.kind) << '\n'
            << explanationText(scenario.name, scenario.note, policies, request,
                       explain(policies, request), origins)
            << '\n';
    }
    out << passed << " passed, " << failed << " failed\n";
    return failed == 0 ? ExitOk : ExitFailure;
}

} // namespace iamx::cli
