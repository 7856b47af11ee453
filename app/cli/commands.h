#pragma once

#include <ostream>
#include <string>
#include <vector>

// The iamx commands; each takes the arguments after its name and returns the exit status.

namespace iamx::cli {

int runSimulate(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);
int runTest(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);
int runSummary(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);
int runSave(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);
int runWhoCan(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);
int runEffective(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);
int runActions(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);
int runValidate(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);
int runBench(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

} // namespace iamx::cli
