#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "model/accountio.h"

namespace iamx::cli {
namespace {

constexpr const char *saveHelp = R"(Usage: iamx save --account FILE [--account FILE...] -o OUT

Loads an account (authorization details, one file or several pages, or a workspace) and
writes it to OUT as one workspace file: the users, groups, roles and managed policies exactly
as they were read (documents in their original form, unknown fields and timestamps kept),
plus the "IamExplorer" object with the resources, the organization and saved scenarios.
The file is written atomically: a temporary file beside OUT, synced, then renamed over it.

Exit status: 0 saved, 1 an input is not an account or OUT cannot be written, 2 usage error.
)";

} // namespace

int runSave(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const auto arguments =
            parseArguments("save", args, { { "--account", true }, { "-o", true } }, err);
    if (!arguments)
        return ExitUsage;
    if (arguments->help) {
        out << saveHelp;
        return ExitOk;
    }
    const auto output = arguments->value("-o");
    if (!output || !arguments->positionals.empty()) {
        err << "iamx save: give the account with --account FILE and the output with -o OUT (see "
               "'iamx save --help')\n";
        return ExitUsage;
    }
    std::optional<Account> account;
    if (const int status = loadAccountArgument("save", *arguments, account, err))
        return status;
    std::string why;
    if (!saveWorkspace(*account, *output, why)) {
        err << "iamx save: " << why << '\n';
        return ExitFailure;
    }
    return ExitOk;
}

} // namespace iamx::cli
