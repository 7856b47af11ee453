#pragma once

#include "app/cli/cli.h"

#include <sstream>
#include <string>
#include <vector>

// Runs iamx in-process, as the CLI tests do: the arguments after `iamx`, and what it printed.

namespace iamx::test {

using Args = std::vector<std::string>;

struct CliRun
{
    int status = -1;
    std::string out;
    std::string err;
};

inline CliRun runIamx(const Args &args)
{
    std::ostringstream out;
    std::ostringstream err;
    CliRun run;
    run.status = iamx::runCli(args, out, err);
    run.out = out.str();
    run.err = err.str();
    return run;
}

} // namespace iamx::test
