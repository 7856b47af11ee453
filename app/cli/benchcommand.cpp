#include "resources/catalogtext.h"

#include "app/cli/arguments.h"
#include "app/cli/benchparser.h"
#include "app/cli/commands.h"
#include "model/accountfindings.h"
#include "model/accountindex.h"
#include "model/actioncatalog.h"
#include "model/policyvalidator.h"
#include "model/report.h"
#include "model/whocan.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace iamx::cli {
namespace {

constexpr const char *benchHelp = R"(Usage: iamx bench FILE [--seconds S]
       iamx bench --account FILE [--action A --resource R]
       iamx bench --account FILE --filter TEXT
       iamx bench --catalog
       iamx bench --validate DIR_OR_FILE [--seconds S]
       iamx bench --parser

Parses and compiles FILE's scenarios once, then evaluates all of them over and over on one
thread for at least S seconds (default 2) through the decision path that 'simulate --json'
uses, and prints what it measured. The last line is "evals/s: N". Build with the release
preset to measure.

With --account, measures the account: "load s" (read, parse and model the file),
"peak MB" (the process's peak resident memory after loading), "compile s" (compiling every
identity policy once, on all cores; otherwise done lazily), "who-can ms" (asking every
user and role session, default s3:GetObject on arn:aws:s3:::example-bucket/key, after that)
and "account findings s" (the account-wide checks of 'validate --account', which the
application runs while it loads an account).

With --filter, measures the account tree's filter instead: "index ms" (building the search
index of names, ARNs, tags and the actions of every policy), "matches" and "query ms" (the
median of 11 queries for TEXT, as the tree runs them while the user types; the target is a
frame, 16 ms).

With --catalog, measures the built-in AWS action catalog: "first load ms" (the lazy load the
programs do on first use), "load ms" (the median of 5 more parses of the embedded text; the
target is well under 100 ms), "lookup ns" (finding an action by name, averaged over every
action), "expand s3:Get* us", "expand * ms" and "not-action iam:* ms".

With --validate, validates every .json policy file of a folder (or one file) as identity
policies, over and over for at least S seconds (default 2), and prints "policies", the
findings of one pass by severity, "ms per policy", the time of the largest policy, and last
"policies/s: N". Every current AWS managed policy, as
tests/data/managed-policies/make_managed_policies.mjs --all DIR writes them, is the
reference set.

With --parser, parses policies of several shapes (many statements, many Sids, long lists,
a warning per entry, many condition keys) at n and 8n bytes and prints how many times longer
8 times the input took, per shape, and last "worst ratio: R": the parser's time grows with
its input (about 8), not with its square (64).
)";

double peakMegabytes()
{
    std::FILE *status = std::fopen("/proc/self/status", "r");
    if (!status)
        return 0;
    char line[256];
    double kilobytes = 0;
    while (std::fgets(line, sizeof line, status))
        if (std::sscanf(line, "VmHWM: %lf kB", &kilobytes) == 1)
            break;
    std::fclose(status);
    return kilobytes / 1024.0;
}

int benchAccount(const Arguments &arguments, std::ostream &out, std::ostream &err)
{
    using Clock = std::chrono::steady_clock;
    const auto seconds = [](Clock::time_point from) {
        return std::chrono::duration<double>(Clock::now() - from).count();
    };
    const std::string action = arguments.value("--action").value_or("s3:GetObject");
    const std::string resource =
            arguments.value("--resource").value_or("arn:aws:s3:::example-bucket/key");
    auto start = Clock::now();
    std::optional<Account> account;
    if (const int status = loadAccountArgument("bench", arguments, account, err))
        return status;
    const double load = seconds(start);
    const double peak = peakMegabytes();
    const Resolver resolver(*account);
    start = Clock::now();
    resolver.precompile();
    const double compile = seconds(start);
    const Instant now { 1'772'366'400, 0 }; // 2026-03-01T12:00:00Z: a fixed clock
    start = Clock::now();
    const WhoCanResult result = whoCan(resolver, *account, action, resource, {}, now);
    const double whoCanSeconds = seconds(start);
    // The account-wide checks, as the application runs them while it loads the account.
    start = Clock::now();
    const size_t findings = accountFindings(*account, resolver).size();
    const double findingsSeconds = seconds(start);
    char line[160];
    out << "principals: " << result.principalsConsidered << '\n';
    out << "who-can allowed: " << result.allowed.size()
        << ", conditional: " << result.conditional.size() << '\n';
    std::snprintf(line, sizeof line, "load s: %.3f\npeak MB: %.0f\ncompile s: %.3f\n", load, peak,
            compile);
    out << line;
    std::snprintf(line, sizeof line, "who-can ms: %.1f\n", whoCanSeconds * 1000);
    out << line;
    std::snprintf(line, sizeof line, "account findings: %zu\naccount findings s: %.3f\n", findings,
            findingsSeconds);
    out << line;
    return ExitOk;
}

int benchFilter(const Arguments &arguments, std::ostream &out, std::ostream &err)
{
    using Clock = std::chrono::steady_clock;
    const auto milliseconds = [](Clock::time_point from) {
        return std::chrono::duration<double, std::milli>(Clock::now() - from).count();
    };
    std::optional<Account> account;
    if (const int status = loadAccountArgument("bench", arguments, account, err))
        return status;
    auto start = Clock::now();
    const AccountIndex index(*account);
    const double build = milliseconds(start);
    const std::string text = arguments.value("--filter").value_or("");
    // The median of several queries: the tree queries again on every pause in typing.
    std::vector<double> times;
    size_t matches = 0;
    for (int run = 0; run < 11; ++run) {
        start = Clock::now();
        matches = index.query(text).size();
        times.push_back(milliseconds(start));
    }
    std::sort(times.begin(), times.end());
    const double query = times[times.size() / 2];
    char line[160];
    out << "entities: " << index.size() << '\n';
    out << "action patterns: " << index.actionPatternCount() << '\n';
    std::snprintf(line, sizeof line, "index ms: %.1f\nmatches: %zu\nquery ms: %.2f\n", build,
            matches, query);
    out << line;
    return ExitOk;
}

int benchCatalog(std::ostream &out, std::ostream &err)
{
    using Clock = std::chrono::steady_clock;
    const auto milliseconds = [](Clock::time_point from) {
        return std::chrono::duration<double, std::milli>(Clock::now() - from).count();
    };
    auto start = Clock::now();
    const ActionCatalog &catalog = ActionCatalog::instance();
    const double first = milliseconds(start);
    if (!catalog.loadError().empty()) {
        err << "iamx bench: the built-in action catalog is damaged: " << catalog.loadError()
            << '\n';
        return ExitFailure;
    }
    std::vector<double> loads;
    for (int run = 0; run < 5; ++run) {
        start = Clock::now();
        const ActionCatalog parsed = ActionCatalog::fromText(resources::catalogText());
        loads.push_back(milliseconds(start));
    }
    std::sort(loads.begin(), loads.end());
    // Every action by its name, in lowercase so that the comparison ignoring case does work.
    std::vector<std::string> names;
    for (const auto &action : catalog.actions()) {
        std::string name(action.fullName);
        std::transform(name.begin(), name.end(), name.begin(),
                [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; });
        names.push_back(std::move(name));
    }
    size_t found = 0;
    start = Clock::now();
    for (const auto &name : names)
        found += catalog.findAction(name) ? 1 : 0;
    const double lookup = milliseconds(start) * 1e6 / static_cast<double>(names.size());
    const auto median = [&](auto work) {
        std::vector<double> times;
        for (int run = 0; run < 5; ++run) {
            const auto from = Clock::now();
            work();
            times.push_back(milliseconds(from));
        }
        std::sort(times.begin(), times.end());
        return times[times.size() / 2];
    };
    size_t getCount = 0;
    size_t allCount = 0;
    size_t notCount = 0;
    const double expandGet = median([&] { getCount = catalog.expandActions("s3:Get*").size(); });
    const double expandAll = median([&] { allCount = catalog.expandActions("*").size(); });
    const std::vector<std::string> notIam { "iam:*" };
    const double notAction = median([&] { notCount = catalog.actionsNotMatching(notIam).size(); });
    char line[160];
    out << "services: " << catalog.services().size() << '\n';
    out << "actions: " << catalog.actions().size() << " (found by name: " << found << ")\n";
    std::snprintf(line, sizeof line, "first load ms: %.1f\nload ms: %.1f\nlookup ns: %.0f\n", first,
            loads[loads.size() / 2], lookup);
    out << line;
    std::snprintf(line, sizeof line,
            "expand s3:Get* us: %.1f (%zu actions)\nexpand * ms: %.2f (%zu actions)\n"
            "not-action iam:* ms: %.2f (%zu actions)\n",
            expandGet * 1000, getCount, expandAll, allCount, notAction, notCount);
    out << line;
    return ExitOk;
}

int benchValidate(const std::string &target, double seconds, std::ostream &out, std::ostream &err)
{
    namespace fs = std::filesystem;
    std::vector<std::string> paths;
    std::error_code error;
    if (fs::is_directory(target, error)) {
        for (const auto &entry : fs::directory_iterator(target, error))
            if (entry.path().extension() == ".json")
                paths.push_back(entry.path().string());
        std::sort(paths.begin(), paths.end());
    } else {
        paths.push_back(target);
    }
    std::vector<std::string> texts;
    for (const auto &path : paths) {
        std::string text;
        if (!readInput("bench", path, text, err))
            return ExitFailure;
        texts.push_back(std::move(text));
    }
    if (texts.empty()) {
        err << "iamx bench: no .json policy file in " << target << '\n';
        return ExitFailure;
    }
    using Clock = std::chrono::steady_clock;
    validatePolicy("{}"); // loads the catalog, which the programs do once
    size_t counts[4] = {};
    double largest = 0;
    size_t largestSize = 0;
    for (const auto &text : texts) {
        const auto start = Clock::now();
        for (const auto &d : validatePolicy(text))
            ++counts[static_cast<size_t>(d.severity)];
        const double took = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        if (text.size() > largestSize) {
            largestSize = text.size();
            largest = took;
        }
    }
    const auto start = Clock::now();
    std::uint64_t validated = 0;
    double elapsed = 0;
    do {
        for (const auto &text : texts)
            validated += validatePolicy(text).size() < 1000000 ? 1 : 0;
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    } while (elapsed < seconds);
    char line[160];
    out << "policies: " << texts.size() << '\n';
    std::snprintf(line, sizeof line,
            "findings: %zu error, %zu security-warning, %zu warning, %zu suggestion\n", counts[0],
            counts[1], counts[2], counts[3]);
    out << line;
    std::snprintf(line, sizeof line, "ms per policy: %.3f\nms for the largest (%zu bytes): %.1f\n",
            elapsed * 1000 / static_cast<double>(validated), largestSize, largest);
    out << line;
    std::snprintf(
            line, sizeof line, "policies/s: %.0f\n", static_cast<double>(validated) / elapsed);
    out << line;
    return ExitOk;
}

} // namespace

int runBench(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const auto arguments = parseArguments("bench", args,
            { { "--seconds", true }, { "--account", true }, { "--action", true },
                    { "--resource", true }, { "--filter", true }, { "--catalog" },
                    { "--validate", true }, { "--parser" } },
            err);
    if (!arguments)
        return ExitUsage;
    if (arguments->help) {
        out << benchHelp;
        return ExitOk;
    }
    if (arguments->has("--catalog"))
        return benchCatalog(out, err);
    if (arguments->has("--parser"))
        return benchParser(out);
    const bool validating = arguments->has("--validate");
    if (arguments->has("--filter")) {
        if (!arguments->has("--account")) {
            err << "iamx bench: --filter needs --account FILE\n";
            return ExitUsage;
        }
        return benchFilter(*arguments, out, err);
    }
    if (arguments->has("--account"))
        return benchAccount(*arguments, out, err);
    double seconds = 2.0;
    if (const auto given = arguments->value("--seconds")) {
        char *end = nullptr;
        seconds = std::strtod(given->c_str(), &end);
        if (given->empty() || *end != '\0' || !(seconds > 0.0) || seconds > 3600.0) {
            err << "iamx bench: --seconds must be a number of seconds, more than 0 and at most "
                   "3600\n";
            return ExitUsage;
        }
    }
    if (validating)
        return benchValidate(*arguments->value("--validate"), seconds, out, err);
    std::vector<ScenarioEntry> entries;
    if (const int status = loadScenarioFile("bench", *arguments, entries, err))
        return status;
    std::vector<const Scenario *> scenarios;
    size_t statements = 0;
    for (const auto &entry : entries) {
        if (!entry.scenario) {
            err << diagnosticsText(entry);
            continue;
        }
        scenarios.push_back(&*entry.scenario);
        const PolicySet &set = entry.scenario->policies;
        for (const auto &p : set.identity)
            statements += p->statements.size();
        for (const auto *p : { &set.permissionsBoundary, &set.session, &set.resource })
            if (*p)
                statements += (*p)->statements.size();
        for (const auto *levels : { &set.scpLevels, &set.rcpLevels })
            for (const auto &level : *levels)
                for (const auto &p : level)
                    statements += p->statements.size();
    }
    if (scenarios.empty()) {
        err << "iamx bench: no scenario in the file can be evaluated\n";
        return ExitFailure;
    }

    using Clock = std::chrono::steady_clock;
    Decision decision;
    unsigned checksum = 0; // keeps the optimiser from dropping the work
    for (const Scenario *scenario : scenarios)
        decide(scenario->policies, scenario->request, decision); // warm-up: grow the buffers
    const auto start = Clock::now();
    const auto budget = std::chrono::duration<double>(seconds);
    std::uint64_t evaluations = 0;
    double elapsed = 0.0;
    do {
        for (int round = 0; round < 64; ++round) {
            for (const Scenario *scenario : scenarios) {
                decide(scenario->policies, scenario->request, decision);
                checksum += static_cast<unsigned>(decision.kind);
            }
        }
        evaluations += 64 * scenarios.size();
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    } while (elapsed < budget.count());

    char line[128];
    out << "scenarios: " << scenarios.size() << '\n';
    out << "statements per scenario: " << statements / scenarios.size() << '\n';
    out << "evaluations: " << evaluations << '\n';
    std::snprintf(line, sizeof line, "seconds: %.3f\n", elapsed);
    out << line;
    std::snprintf(
            line, sizeof line, "ns/eval: %.1f\n", elapsed * 1e9 / static_cast<double>(evaluations));
    out << line;
    out << "checksum: " << checksum % 1000 << '\n';
    std::snprintf(line, sizeof line, "evals/s: %.0f\n", static_cast<double>(evaluations) / elapsed);
    out << line;
    return ExitOk;
}

} // namespace iamx::cli
