#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "model/report.h"

namespace iamx::cli {
namespace {

constexpr const char *testHelp = R"(Usage: iamx test FILE

Evaluates every scenario of FILE and compares the decision with its "expect" (allowed,
explicitDeny or implicitDeny). Each mismatch is printed with its full explanation; a
scenario that cannot be evaluated is printed with its errors and counts as failed; one
without "expect" is evaluated but not counted. The last line is "N passed, N failed".

Exit status: 0 when nothing failed, 1 otherwise, 2 usage error.
)";

} // namespace

int runTest(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const auto arguments = parseArguments("test", args, {}, err);
    if (!arguments)
        return ExitUsage;
    if (arguments->help) {
        out << testHelp;
        return ExitOk;
    }
    std::vector<ScenarioEntry> entries;
    if (const int status = loadScenarioFile("test", *arguments, entries, err))
        return status;
    int passed = 0;
    int failed = 0;
    Decision decision;
    for (const auto &entry : entries) {
        if (!entry.scenario) {
            ++failed;
            out << "FAIL " << (entry.name.empty() ? "(unnamed scenario)" : entry.name)
                << ": cannot be evaluated\n"
                << diagnosticsText(entry);
            continue;
        }
        const Scenario &scenario = *entry.scenario;
        decide(scenario.policies, scenario.request, decision);
        if (!scenario.expect)
            continue;
        if (decision.kind == *scenario.expect) {
            ++passed;
            continue;
        }
        ++failed;
        out << "FAIL " << (scenario.name.empty() ? "(unnamed scenario)" : scenario.name)
            << ": expected " << decisionName(*scenario.expect) << ", got "
            << decisionName(decision.kind) << '\n'
            << explanationText(scenario, explain(scenario.policies, scenario.request)) << '\n';
    }
    out << passed << " passed, " << failed << " failed\n";
    return failed == 0 ? ExitOk : ExitFailure;
}

} // namespace iamx::cli
