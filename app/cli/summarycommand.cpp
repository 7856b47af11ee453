#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "model/accountio.h"
#include "model/json.h"
#include "model/report.h"

namespace iamx::cli {
namespace {

constexpr const char *summaryHelp =
        R"(Usage: iamx summary --account FILE [--account FILE...] [--json]

Loads an account (the output of 'aws iam get-account-authorization-details', one file or
several pages, or a workspace) and prints how many users, groups, roles, managed policies
and resources it has, and every problem found while loading: entities with wrong types
(kept, flagged), references to groups or policies the file does not contain, an incomplete
snapshot. With --json: {"accountId", "users", "groups", "roles", "policies", "resources",
"warnings": [{"severity", "code", "message", "file", "line", "column", "pointer"}]}.

Exit status: 0 when the account loaded, 1 when a file is not an account, 2 usage error.
)";

} // namespace

int runSummary(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const auto arguments =
            parseArguments("summary", args, { { "--account", true }, { "--json" } }, err);
    if (!arguments)
        return ExitUsage;
    if (arguments->help) {
        out << summaryHelp;
        return ExitOk;
    }
    if (!arguments->positionals.empty()) {
        err << "iamx summary: unexpected argument '" << arguments->positionals.front()
            << "' (see 'iamx summary --help')\n";
        return ExitUsage;
    }
    std::optional<Account> account;
    if (const int status = loadAccountArgument("summary", *arguments, account, err))
        return status;
    if (!arguments->has("--json")) {
        out << "account " << account->accountId() << '\n'
            << "users: " << account->users().size() << '\n'
            << "groups: " << account->groups().size() << '\n'
            << "roles: " << account->roles().size() << '\n'
            << "policies: " << account->policies().size() << '\n'
            << "resources: " << account->resources().size() << '\n';
        for (const auto &d : account->diagnostics())
            out << formatDiagnostic(d) << '\n';
        return ExitOk;
    }
    std::string line = "{\"accountId\": ";
    json::appendQuoted(line, account->accountId());
    line += ", \"users\": " + std::to_string(account->users().size());
    line += ", \"groups\": " + std::to_string(account->groups().size());
    line += ", \"roles\": " + std::to_string(account->roles().size());
    line += ", \"policies\": " + std::to_string(account->policies().size());
    line += ", \"resources\": " + std::to_string(account->resources().size());
    line += ", \"warnings\": ";
    appendDiagnosticsJson(line, account->diagnostics());
    line += '}';
    out << line << '\n';
    return ExitOk;
}

} // namespace iamx::cli
