#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace iamx {

/// Runs the `iamx` command line. `args` excludes the program name. Everything is written to
/// `out` and `err`, so tests can run it in-process. Returns the exit status: 0 success, 1 a
/// failed expectation or an input error, 2 a usage error.
int runCli(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

} // namespace iamx
