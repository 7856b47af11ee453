#include "arguments.h"

#include "resources/demoaccount.h"

#include "model/accountio.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace iamx::cli {
namespace {

// Scenario files are text a person or a generator writes; anything larger is a mistake (or
// hostile), and reading it whole would take the memory of the machine.
constexpr std::uintmax_t maxInputBytes = 256u * 1024u * 1024u;

} // namespace

bool Arguments::has(std::string_view flag) const
{
    for (const auto &option : options)
        if (option.first == flag)
            return true;
    return false;
}

std::optional<std::string> Arguments::value(std::string_view flag) const
{
    std::optional<std::string> last;
    for (const auto &option : options)
        if (option.first == flag)
            last = option.second;
    return last;
}

std::optional<Arguments> parseArguments(std::string_view command,
        const std::vector<std::string> &args, const std::vector<FlagSpec> &flags, std::ostream &err)
{
    Arguments parsed;
    bool flagsEnded = false;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        if (flagsEnded || arg == "-" || !arg.starts_with("-")) {
            parsed.positionals.push_back(arg);
            continue;
        }
        if (arg == "--") {
            flagsEnded = true;
            continue;
        }
        if (arg == "--help" || arg == "-h") {
            parsed.help = true;
            continue;
        }
        std::string name = arg;
        std::optional<std::string> inlineValue;
        if (const size_t eq = arg.find('='); eq != std::string::npos) {
            name = arg.substr(0, eq);
            inlineValue = arg.substr(eq + 1);
        }
        const FlagSpec *spec = nullptr;
        for (const auto &flag : flags)
            if (flag.name == name)
                spec = &flag;
        if (!spec) {
            err << "iamx " << command << ": unknown option '" << name << "' (see 'iamx " << command
                << " --help')\n";
            return std::nullopt;
        }
        if (!spec->takesValue) {
            if (inlineValue) {
                err << "iamx " << command << ": option '" << name << "' takes no value\n";
                return std::nullopt;
            }
            parsed.options.emplace_back(name, "");
            continue;
        }
        if (!inlineValue) {
            if (i + 1 >= args.size()) {
                err << "iamx " << command << ": option '" << name << "' needs a value\n";
                return std::nullopt;
            }
            inlineValue = args[++i];
        }
        parsed.options.emplace_back(name, *inlineValue);
    }
    return parsed;
}

bool readInput(
        std::string_view command, const std::string &path, std::string &text, std::ostream &err)
{
    if (path == "-") {
        std::string chunk(64 * 1024, '\0');
        text.clear();
        while (std::cin.read(chunk.data(), static_cast<std::streamsize>(chunk.size()))
                || std::cin.gcount() > 0) {
            text.append(chunk.data(), static_cast<size_t>(std::cin.gcount()));
            if (text.size() > maxInputBytes) {
                err << "iamx " << command << ": standard input is larger than 256 MiB\n";
                return false;
            }
        }
        return true;
    }
    std::error_code sizeError;
    const auto size = std::filesystem::file_size(path, sizeError);
    if (!sizeError && size > maxInputBytes) {
        err << "iamx " << command << ": " << path << ": larger than 256 MiB; not read\n";
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        err << "iamx " << command << ": " << path << ": cannot open: " << std::strerror(errno)
            << '\n';
        return false;
    }
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad()) {
        err << "iamx " << command << ": " << path << ": cannot read\n";
        return false;
    }
    text = std::move(content).str();
    return true;
}

} // namespace iamx::cli

namespace iamx::cli {

int loadScenarioFile(std::string_view command, const Arguments &arguments,
        std::vector<ScenarioEntry> &entries, std::ostream &err, bool forAccount)
{
    if (arguments.positionals.size() != 1) {
        err << "iamx " << command << ": expected one scenario FILE, got "
            << arguments.positionals.size() << " (see 'iamx " << command << " --help')\n";
        return ExitUsage;
    }
    const std::string &path = arguments.positionals.front();
    std::string text;
    if (!readInput(command, path, text, err))
        return ExitFailure;
    entries = readScenarios(text, path == "-" ? std::string_view("<stdin>") : path, forAccount);
    return ExitOk;
}

} // namespace iamx::cli

namespace iamx::cli {

int loadAccountArgument(std::string_view command, const Arguments &arguments,
        std::optional<Account> &account, std::ostream &err)
{
    std::vector<std::string> paths;
    for (const auto &[flag, value] : arguments.options)
        if (flag == "--account")
            paths.push_back(value);
    if (paths.empty()) {
        err << "iamx " << command << ": --account FILE is required (see 'iamx " << command
            << " --help')\n";
        return ExitUsage;
    }
    // `--account demo` is the built-in classroom account.
    Parsed<Account> loaded;
    if (paths.size() == 1 && paths.front() == resources::demoAccountName)
        loaded = loadAccount({ { std::string(resources::demoAccountName),
                std::string(resources::demoAccountText()) } });
    else
        loaded = loadAccountFiles(paths);
    if (!loaded.value) {
        for (const auto &d : loaded.diagnostics)
            if (d.severity == Severity::Error)
                err << formatDiagnostic(d) << '\n';
        return ExitFailure;
    }
    account = std::move(loaded.value);
    return ExitOk;
}

} // namespace iamx::cli
