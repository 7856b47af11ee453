#include "cli.h"

#include "app/cli/arguments.h"
#include "app/cli/commands.h"

namespace iamx {
namespace {

constexpr const char *usage =
        R"(iamx: evaluate AWS IAM policies offline, the way AWS does, and explain why

Usage:
  iamx simulate FILE [--json]   evaluate every scenario of FILE and print the decision
  iamx test FILE                check every scenario's "expect"; ends with "N passed, N failed"
  iamx bench FILE [--seconds S] evaluate FILE's scenarios repeatedly; prints "evals/s: N" last
  iamx summary --account FILE   load an account and count what it holds, with its problems
  iamx who-can --account FILE --action A --resource R
                                every user and role session the account allows to do it
  iamx effective --account FILE --principal P
                                what a principal may do, service by service
  iamx save --account FILE -o OUT  write an account as one workspace file, losing nothing
  iamx actions PATTERN... [--not]  the AWS actions the patterns match, with access levels
  iamx validate [--policy-type T] [--json] FILE...
                                check policy documents as IAM Access Analyzer does
  iamx help [COMMAND]           this text, or a command's
  iamx --version

FILE is a scenario file: one JSON scenario (.json), or one per line (.jsonl); '-' reads
standard input. The format is described in the README ("Scenario files").

Exit status: 0 success, 1 a failed expectation or an input error, 2 a usage error.
)";

} // namespace

int runCli(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    if (args.empty()) {
        err << usage;
        return cli::ExitUsage;
    }
    const std::string &command = args.front();
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (command == "--help" || command == "-h") {
        out << usage;
        return cli::ExitOk;
    }
    if (command == "help") {
        if (rest.empty()) {
            out << usage;
            return cli::ExitOk;
        }
        return runCli({ rest.front(), "--help" }, out, err);
    }
    if (command == "--version") {
        out << "iamx 0.1.0\n";
        return cli::ExitOk;
    }
    if (command == "simulate")
        return cli::runSimulate(rest, out, err);
    if (command == "test")
        return cli::runTest(rest, out, err);
    if (command == "summary")
        return cli::runSummary(rest, out, err);
    if (command == "save")
        return cli::runSave(rest, out, err);
    if (command == "who-can")
        return cli::runWhoCan(rest, out, err);
    if (command == "effective")
        return cli::runEffective(rest, out, err);
    if (command == "actions")
        return cli::runActions(rest, out, err);
    if (command == "validate")
        return cli::runValidate(rest, out, err);
    if (command == "bench")
        return cli::runBench(rest, out, err);
    err << "iamx: unknown command '" << command << "'\n\n" << usage;
    return cli::ExitUsage;
}

} // namespace iamx
