#include "app/cli/accountsimulate.h"
#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "model/json.h"
#include "model/report.h"
#include "model/whocan.h"

namespace iamx::cli {
namespace {

constexpr const char *whoCanHelp = R"(Usage: iamx who-can --account FILE --action A --resource R
                   [--context KEY=VALUE]... [--now TIME] [--json]

Asks, for every user of the account and a session of every role, whether the request would
be allowed, each with the context AWS would fill in for it plus --context. Lists those
allowed with the statements that allow them, and apart the conditional ones: allowed but for
a condition on a key the context does not have, with those keys (give them with --context to
decide). The root user, service principals and other accounts are not asked.

With --json: {"allowed": [{"principal": ARN, "decisive": [...]}],
              "conditional": [{"principal": ARN, "keys": [...], "decisive": [...]}]}

Exit status: 0 answered, 1 an input is not an account, 2 usage error.
)";

void appendDecisive(std::string &out, const std::vector<DecisiveStatement> &decisive)
{
    out += '[';
    for (size_t i = 0; i < decisive.size(); ++i) {
        const DecisiveStatement &d = decisive[i];
        if (i)
            out += ", ";
        appendDecisiveStatement(
                out, d.policyType, d.policy, d.statement, d.sid, d.effect, &d.origin);
    }
    out += ']';
}

std::string describe(const DecisiveStatement &d)
{
    std::string text = d.policy + " statement " + std::to_string(d.statement);
    if (d.sid)
        text += " (" + *d.sid + ")";
    text += " via " + d.origin.via;
    return text;
}

} // namespace

int runWhoCan(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const auto arguments = parseArguments("who-can", args,
            { { "--account", true }, { "--action", true }, { "--resource", true },
                    { "--context", true }, { "--now", true }, { "--json" } },
            err);
    if (!arguments)
        return ExitUsage;
    if (arguments->help) {
        out << whoCanHelp;
        return ExitOk;
    }
    const auto action = arguments->value("--action");
    const auto resource = arguments->value("--resource");
    if (!action || !resource || !arguments->positionals.empty()) {
        err << "iamx who-can: --account, --action and --resource are required (see 'iamx "
               "who-can --help')\n";
        return ExitUsage;
    }
    RequestOptions options;
    if (const int status = requestOptions("who-can", *arguments, options, err))
        return status;
    std::optional<Account> account;
    if (const int status = loadAccountArgument("who-can", *arguments, account, err))
        return status;
    const Resolver resolver(*account);
    const WhoCanResult result =
            whoCan(resolver, *account, *action, *resource, options.context, options.now);
    if (arguments->has("--json")) {
        std::string line = "{\"allowed\": [";
        for (size_t i = 0; i < result.allowed.size(); ++i) {
            line += i ? ", {\"principal\": " : "{\"principal\": ";
            json::appendQuoted(line, result.allowed[i].principal);
            line += ", \"decisive\": ";
            appendDecisive(line, result.allowed[i].decisive);
            line += '}';
        }
        line += "], \"conditional\": [";
        for (size_t i = 0; i < result.conditional.size(); ++i) {
            line += i ? ", {\"principal\": " : "{\"principal\": ";
            json::appendQuoted(line, result.conditional[i].principal);
            line += ", \"keys\": ";
            appendStringArray(line, result.conditional[i].keys);
            line += ", \"decisive\": ";
            appendDecisive(line, result.conditional[i].decisive);
            line += '}';
        }
        line += "]}";
        out << line << '\n';
        return ExitOk;
    }
    out << "who can " << *action << " on " << *resource << " (" << result.principalsConsidered
        << " principals asked)\n";
    out << "allowed: " << result.allowed.size() << '\n';
    for (const auto &allowed : result.allowed) {
        out << "  " << allowed.principal << '\n';
        for (const auto &d : allowed.decisive)
            out << "      by " << describe(d) << '\n';
    }
    out << "conditional: " << result.conditional.size() << '\n';
    for (const auto &conditional : result.conditional) {
        out << "  " << conditional.principal << " if";
        for (const auto &key : conditional.keys)
            out << ' ' << key;
        out << " allow it\n";
        for (const auto &d : conditional.decisive)
            out << "      by " << describe(d) << '\n';
    }
    return ExitOk;
}

} // namespace iamx::cli
