#include "app/cli/accountsimulate.h"
#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "model/effective.h"
#include "model/json.h"
#include "model/report.h"

namespace iamx::cli {
namespace {

constexpr const char *effectiveHelp =
        R"(Usage: iamx effective --account FILE --principal P [--session NAME] [--json]

What the principal may do, service by service: every action pattern its identity policies
allow (inline, attached, through its groups), with the resources and the condition keys
each depends on, and apart what denies cut out (its own, its permissions boundary's and the
organization's SCPs). When it has a permissions boundary, what the boundary allows is listed
too: an action is only granted where both allow. This reads the policies; it is not a
decision (conditions and resource policies can still change an answer: ask 'simulate').

First comes a summary by service and access level, counted against the built-in action
catalog ("s3: List 3, Read 12, Write 4 of 150 actions"): an action counts when an allow
names it (on some resources, at least) and, with a boundary, the boundary allows it too,
and no Deny without conditions on every resource cuts it out. "conditional" counts the
actions that hang on a condition, or on a Deny with a condition or on some resources.

With --json: {"principal": ARN, "summary": {"s3": {"allowed": N, "conditional": N,
"total": N, "levels": {"List": {"allowed", "conditional", "total"}, ...}}}, "services":
{"s3": {"allow": [...], "deny": [...]}}, "boundary": {"allow": [...]}}, each entry {"action",
"except" (NotAction: every action but these), "resources", "notResource", "conditionKeys",
"policy", "statement", "via"}.

Exit status: 0 answered, 1 an unknown principal or an input that is not an account, 2 usage.
)";

void appendEntries(std::string &out, const std::vector<EffectiveEntry> &entries)
{
    out += '[';
    for (size_t i = 0; i < entries.size(); ++i) {
        const EffectiveEntry &e = entries[i];
        out += i ? ", {\"action\": " : "{\"action\": ";
        json::appendQuoted(out, e.action);
        if (!e.except.empty()) {
            out += ", \"except\": ";
            appendStringArray(out, e.except);
        }
        out += ", \"resources\": ";
        appendStringArray(out, e.resources);
        out += e.notResource ? ", \"notResource\": true" : ", \"notResource\": false";
        out += ", \"conditionKeys\": ";
        appendStringArray(out, e.conditionKeys);
        out += ", \"policy\": ";
        json::appendQuoted(out, e.policy);
        out += ", \"statement\": " + std::to_string(e.statement);
        out += ", \"via\": ";
        json::appendQuoted(out, e.origin.via);
        out += '}';
    }
    out += ']';
}

void printEntries(std::ostream &out, const char *title, const std::vector<EffectiveEntry> &entries)
{
    for (const auto &e : entries) {
        out << "    " << title << ' ';
        if (e.except.empty()) {
            out << e.action;
        } else {
            out << "every action except";
            for (size_t i = 0; i < e.except.size() && i < 4; ++i)
                out << (i ? ", " : " ") << e.except[i];
            if (e.except.size() > 4)
                out << " and " << e.except.size() - 4 << " more";
        }
        out << " on " << (e.notResource ? "everything but " : "");
        for (size_t i = 0; i < e.resources.size(); ++i)
            out << (i ? ", " : "") << e.resources[i];
        if (!e.conditionKeys.empty()) {
            out << " if";
            for (const auto &key : e.conditionKeys)
                out << ' ' << key;
        }
        out << "  (" << e.policy << " statement " << e.statement << ", " << e.origin.via << ")\n";
    }
}

constexpr AccessLevel summaryLevels[] = { AccessLevel::List, AccessLevel::Read, AccessLevel::Write,
    AccessLevel::PermissionsManagement, AccessLevel::Tagging, AccessLevel::Unknown };

std::string_view levelName(AccessLevel level)
{
    return level == AccessLevel::Unknown ? std::string_view("undocumented")
                                         : accessLevelName(level);
}

void appendCount(std::string &out, const AccessLevelCount &count)
{
    out += "{\"allowed\": " + std::to_string(count.allowed) + ", \"conditional\": "
            + std::to_string(count.conditional) + ", \"total\": " + std::to_string(count.total);
}

void appendSummary(std::string &out, const AccessSummary &summary)
{
    out += '{';
    for (size_t i = 0; i < summary.services.size(); ++i) {
        const ServiceAccess &service = summary.services[i];
        out += i ? ", " : "";
        json::appendQuoted(out, service.service);
        out += ": ";
        appendCount(out, service.all);
        out += ", \"levels\": {";
        bool first = true;
        for (const AccessLevel level : summaryLevels) {
            const AccessLevelCount &count = service.levels[static_cast<size_t>(level)];
            if (count.total == 0)
                continue;
            out += first ? "" : ", ";
            first = false;
            json::appendQuoted(out, levelName(level));
            out += ": ";
            appendCount(out, count);
            out += '}';
        }
        out += "}}";
    }
    out += '}';
}

/// "s3: List 3, Read 12, Write 4 of 150 actions; conditional: Read 2"
void printSummary(std::ostream &out, const AccessSummary &summary)
{
    out << "  by service and access level (conditional: depends on a condition or the "
           "resource)\n";
    if (summary.services.empty())
        out << "    no action of the catalog\n";
    for (const ServiceAccess &service : summary.services) {
        out << "    " << service.service << ':';
        std::string allowed;
        std::string conditional;
        for (const AccessLevel level : summaryLevels) {
            const AccessLevelCount &count = service.levels[static_cast<size_t>(level)];
            if (count.allowed)
                allowed += (allowed.empty() ? " " : ", ") + std::string(levelName(level)) + ' '
                        + std::to_string(count.allowed);
            if (count.conditional)
                conditional += (conditional.empty() ? " " : ", ") + std::string(levelName(level))
                        + ' ' + std::to_string(count.conditional);
        }
        out << (allowed.empty() ? " none" : allowed) << " of " << service.all.total
            << (service.all.total == 1 ? " action" : " actions");
        if (!conditional.empty())
            out << "; conditional:" << conditional;
        out << '\n';
    }
}

} // namespace

int runEffective(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const auto arguments = parseArguments("effective", args,
            { { "--account", true }, { "--principal", true }, { "--session", true }, { "--json" } },
            err);
    if (!arguments)
        return ExitUsage;
    if (arguments->help) {
        out << effectiveHelp;
        return ExitOk;
    }
    const auto principalText = arguments->value("--principal");
    if (!principalText || !arguments->positionals.empty()) {
        err << "iamx effective: --account and --principal are required (see 'iamx effective "
               "--help')\n";
        return ExitUsage;
    }
    std::optional<Account> account;
    if (const int status = loadAccountArgument("effective", *arguments, account, err))
        return status;
    RequestOptions options;
    if (const int status = requestOptions("effective", *arguments, options, err))
        return status;
    const Resolver resolver(*account);
    std::string why;
    const auto principal = resolver.findPrincipal(*principalText, options.session, why);
    if (!principal) {
        err << "iamx effective: " << why << '\n';
        return ExitFailure;
    }
    const EffectivePermissions effective = effectivePermissions(resolver, *principal, options.now);
    const AccessSummary summary = summarizeAccess(effective);
    if (arguments->has("--json")) {
        std::string line = "{\"principal\": ";
        json::appendQuoted(line, effective.principal);
        line += ", \"summary\": ";
        appendSummary(line, summary);
        line += ", \"services\": {";
        bool first = true;
        for (const auto &[service, entries] : effective.services) {
            line += first ? "" : ", ";
            first = false;
            json::appendQuoted(line, service);
            line += ": {\"allow\": ";
            appendEntries(line, entries.allow);
            line += ", \"deny\": ";
            appendEntries(line, entries.deny);
            line += '}';
        }
        line += '}';
        if (effective.boundary) {
            line += ", \"boundary\": {\"allow\": ";
            appendEntries(line, effective.boundary->allow);
            line += '}';
        }
        out << line << "}\n";
        return ExitOk;
    }
    out << effective.principal << '\n';
    printSummary(out, summary);
    for (const auto &[service, entries] : effective.services) {
        out << "  " << (service == "*" ? std::string("every service") : service) << '\n';
        printEntries(out, "allow", entries.allow);
        printEntries(out, "deny ", entries.deny);
    }
    if (effective.boundary) {
        out << "  permissions boundary (grants only where it also allows)\n";
        printEntries(out, "allow", effective.boundary->allow);
    }
    return ExitOk;
}

} // namespace iamx::cli
