#pragma once

#include "model/account.h"
#include "model/scenario.h"

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

// Command-line parsing shared by the iamx commands: flags, one positional FILE, and reading it.

namespace iamx::cli {

inline constexpr int ExitOk = 0;
inline constexpr int ExitFailure = 1;
inline constexpr int ExitUsage = 2;

/// The arguments of one command: known flags (with or without a value) and positionals.
struct Arguments
{
    std::vector<std::string> positionals;
    std::vector<std::pair<std::string, std::string>> options; ///< flag, value ("" if none)
    bool help = false;

    bool has(std::string_view flag) const;
    std::optional<std::string> value(std::string_view flag) const;
};

/// A flag a command accepts; `takesValue` for `--seconds 3` style flags.
struct FlagSpec
{
    std::string_view name;
    bool takesValue = false;
};

/// Parses `args` (after the command name). Unknown flags and missing values are usage errors,
/// reported on `err` with the command's name; returns nullopt then.
std::optional<Arguments> parseArguments(std::string_view command,
        const std::vector<std::string> &args, const std::vector<FlagSpec> &flags,
        std::ostream &err);

/// Reads a file (`-` for standard input) into `text`; on failure says why on `err`.
bool readInput(
        std::string_view command, const std::string &path, std::string &text, std::ostream &err);

} // namespace iamx::cli

namespace iamx::cli {

/// Reads the scenario file named by the command's single positional argument. Usage errors
/// (no file, several files) return ExitUsage, an unreadable file ExitFailure, else ExitOk.
int loadScenarioFile(std::string_view command, const Arguments &arguments,
        std::vector<ScenarioEntry> &entries, std::ostream &err, bool forAccount = false);

/// Loads the account named by the command's `--account` options (repeated: pages merged).
/// Errors are printed on `err` with their file, line and column; returns ExitUsage when no
/// --account was given, ExitFailure when a file is not an account, else ExitOk.
int loadAccountArgument(std::string_view command, const Arguments &arguments,
        std::optional<Account> &account, std::ostream &err);

} // namespace iamx::cli
