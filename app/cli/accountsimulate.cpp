#include "app/cli/accountsimulate.h"

#include "model/json.h"
#include "model/policyparser.h"
#include "model/report.h"

#include <chrono>

namespace iamx::cli {
namespace {

Instant systemNow()
{
    const auto since = std::chrono::system_clock::now().time_since_epoch();
    return Instant { std::chrono::duration_cast<std::chrono::seconds>(since).count(), 0 };
}

} // namespace

int requestOptions(std::string_view command, const Arguments &arguments, RequestOptions &options,
        std::ostream &err)
{
    for (const auto &[flag, value] : arguments.options) {
        if (flag != "--context")
            continue;
        const size_t eq = value.find('=');
        if (eq == std::string::npos || eq == 0) {
            err << "iamx " << command << ": --context takes KEY=VALUE, not '" << value << "'\n";
            return ExitUsage;
        }
        options.context.emplace_back(value.substr(0, eq), value.substr(eq + 1));
    }
    options.now = systemNow();
    if (const auto now = arguments.value("--now")) {
        const auto instant = parseInstant(*now);
        if (!instant) {
            err << "iamx " << command << ": --now takes an ISO 8601 time or epoch seconds, not '"
                << *now << "'\n";
            return ExitUsage;
        }
        options.now = *instant;
    }
    options.session = arguments.value("--session").value_or("");
    if (const auto file = arguments.value("--session-policy")) {
        std::string text;
        if (!readInput(command, *file, text, err))
            return ExitFailure;
        PolicyParseOptions parseOptions;
        parseOptions.type = PolicyType::Session;
        parseOptions.name = "session policy";
        Parsed<Policy> parsed = parsePolicyText(text, parseOptions, *file);
        for (const auto &d : parsed.diagnostics)
            err << formatDiagnostic(d) << '\n';
        if (!parsed.value)
            return ExitFailure;
        options.sessionPolicy = std::make_shared<const Policy>(std::move(*parsed.value));
    }
    return ExitOk;
}

void addSessionPolicy(const RequestOptions &options, AccountRequest &resolved)
{
    if (!options.sessionPolicy)
        return;
    resolved.policies.session = options.sessionPolicy;
    resolved.sessionOrigin.via = "session policy";
    resolved.sessionOrigin.routes = { "session policy" };
}

int runAccountRequest(
        const Account &account, const Arguments &arguments, std::ostream &out, std::ostream &err)
{
    const auto principalText = arguments.value("--principal");
    const auto action = arguments.value("--action");
    const auto resource = arguments.value("--resource");
    if (!principalText || !action || !resource) {
        err << "iamx simulate: --account needs --principal, --action and --resource, or a "
               "scenario FILE (see 'iamx simulate --help')\n";
        return ExitUsage;
    }
    RequestOptions options;
    if (const int status = requestOptions("simulate", arguments, options, err))
        return status;
    const Resolver resolver(account);
    std::string why;
    const auto principal = resolver.findPrincipal(*principalText, options.session, why);
    if (!principal) {
        err << "iamx simulate: " << why << '\n';
        return ExitFailure;
    }
    AccountRequest resolved =
            resolver.resolve(*principal, *action, *resource, options.context, options.now);
    addSessionPolicy(options, resolved);
    const OriginLookup origins = [&resolved](const StatementRef &ref) {
        return &resolved.originOf(ref);
    };
    if (arguments.has("--json")) {
        Decision decision;
        decide(resolved.policies, resolved.request, decision);
        out << accountDecisionJsonLine(resolved, decision) << '\n';
        return ExitOk;
    }
    const Explanation explanation = explain(resolved.policies, resolved.request);
    out << explanationText(resolved.request.principal.text, std::nullopt, resolved.policies,
            resolved.request, explanation, origins);
    for (const auto &assumption : resolved.assumptions)
        out << "  assumed: " << assumption << '\n';
    for (const auto &d : resolved.problems)
        out << "  incomplete: " << formatDiagnostic(d) << '\n';
    return ExitOk;
}

std::vector<AccountScenario> resolveScenarios(
        const Resolver &resolver, const std::vector<ScenarioEntry> &entries, Instant now)
{
    std::vector<AccountScenario> items;
    items.reserve(entries.size());
    for (const auto &entry : entries) {
        AccountScenario &item = items.emplace_back();
        item.entry = &entry;
        if (entry.scenario)
            item.resolved = resolver.resolveScenario(*entry.scenario, now, item.why);
    }
    return items;
}

std::string accountScenarioJsonLine(const AccountScenario &item, const Decision &decision)
{
    const ScenarioEntry &entry = *item.entry;
    if (!entry.scenario)
        return errorJsonLine(entry);
    std::string line = "{\"name\": ";
    json::appendQuoted(line, entry.name);
    if (!item.resolved) {
        line += ", \"error\": {\"severity\": \"ERROR\", \"code\": \"UNKNOWN_PRINCIPAL\", "
                "\"message\": ";
        json::appendQuoted(line, item.why);
        line += ", \"in\": \"\", \"pointer\": \"/request/principal\"}}";
        return line;
    }
    const AccountRequest &resolved = *item.resolved;
    line += ", \"principal\": ";
    json::appendQuoted(line, resolved.request.principal.text);
    line += ", ";
    appendDecisionFields(line, resolved.policies, decision,
            [&resolved](const StatementRef &ref) { return &resolved.originOf(ref); });
    line += ", \"assumptions\": ";
    appendStringArray(line, resolved.assumptions);
    line += ", \"incomplete\": ";
    line += resolved.incomplete() ? "true" : "false";
    line += '}';
    return line;
}

} // namespace iamx::cli

namespace iamx::cli {

int runAccountScenarios(
        const Account &account, const Arguments &arguments, std::ostream &out, std::ostream &err)
{
    RequestOptions options;
    if (const int status = requestOptions("simulate", arguments, options, err))
        return status;
    std::vector<ScenarioEntry> entries;
    if (const int status = loadScenarioFile("simulate", arguments, entries, err, true))
        return status;
    const Resolver resolver(account);
    const auto items = resolveScenarios(resolver, entries, options.now);
    const bool asJson = arguments.has("--json");
    int status = ExitOk;
    bool printedText = false;
    Decision decision;
    for (const auto &item : items) {
        if (!item.resolved) {
            status = ExitFailure;
            if (asJson)
                out << accountScenarioJsonLine(item, decision) << '\n';
            else if (!item.entry->scenario)
                err << diagnosticsText(*item.entry);
            else
                err << "iamx simulate: " << item.entry->name << ": " << item.why << '\n';
            continue;
        }
        const AccountRequest &resolved = *item.resolved;
        if (asJson) {
            decide(resolved.policies, resolved.request, decision);
            out << accountScenarioJsonLine(item, decision) << '\n';
            continue;
        }
        if (printedText)
            out << '\n';
        printedText = true;
        out << explanationText(item.entry->name, item.entry->scenario->note, resolved.policies,
                resolved.request, explain(resolved.policies, resolved.request),
                [&resolved](const StatementRef &ref) { return &resolved.originOf(ref); });
        for (const auto &assumption : resolved.assumptions)
            out << "  assumed: " << assumption << '\n';
    }
    return status;
}

} // namespace iamx::cli
