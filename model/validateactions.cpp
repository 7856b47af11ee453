// The validator's checks of Action / NotAction entries and Resource / NotResource entries
// against the action catalog: unknown and undocumented names, patterns that match nothing,
// entries another entry covers, and resources no action of the statement acts on.

#include "model/arnformat.h"
#include "model/casefold.h"
#include "model/validationcontext.h"

#include <algorithm>
#include <unordered_map>

namespace iamx::validation {
namespace {

bool isServiceCharacter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
            || c == '.';
}

// True when the parser already reported the entry as malformed (no colon, wildcard or odd
// characters in the service, spaces in the name...): nothing more to say about it.
bool isWellFormed(std::string_view text)
{
    const size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0)
        return false;
    const std::string_view service = text.substr(0, colon);
    const std::string_view name = text.substr(colon + 1);
    return std::all_of(service.begin(), service.end(), isServiceCharacter) && !name.empty()
            && name.find_first_of(": \t\r\n,") == std::string_view::npos;
}

std::vector<std::string_view> servicePrefixes(const ActionCatalog &catalog)
{
    std::vector<std::string_view> prefixes;
    for (const auto &service : catalog.services())
        prefixes.push_back(service.prefix);
    return prefixes;
}

std::vector<std::string_view> actionNames(const CatalogService &service)
{
    std::vector<std::string_view> names;
    for (const auto &action : service.actions)
        names.push_back(action.name);
    return names;
}

Expansion expandEntry(Context &context, const Entry &entry)
{
    Expansion expansion;
    const std::string &text = entry.text();
    if (text == "*") {
        expansion.all = true;
        expansion.known = true;
        return expansion;
    }
    if (!isWellFormed(text))
        return expansion;
    const size_t colon = text.find(':');
    const std::string_view prefix = std::string_view(text).substr(0, colon);
    const std::string_view name = std::string_view(text).substr(colon + 1);
    const CatalogService *service = context.catalog.findService(prefix);
    if (!service) {
        std::string message = "no AWS service has the prefix \"" + std::string(prefix) + "\"";
        if (const auto near = closestName(prefix, servicePrefixes(context.catalog)))
            message += ": did you mean \"" + std::string(*near) + ":" + std::string(name) + "\"?";
        else
            message += ": check the spelling (iamx actions lists what a pattern matches)";
        context.report("INVALID_SERVICE", entry.pointer, std::move(message), *entry.value);
        return expansion;
    }
    const bool wildcard = name.find_first_of("*?") != std::string_view::npos;
    if (service->undocumented) {
        context.report("UNDOCUMENTED_SERVICE", entry.pointer,
                "\"" + std::string(service->prefix)
                        + "\" is a retired or undocumented service (AWS managed policies still "
                          "name it): remove the entry unless you know the service exists",
                *entry.value);
        expansion.actions = context.catalog.expandActions(text);
        return expansion;
    }
    if (wildcard) {
        expansion.actions = context.catalog.expandActions(text);
        expansion.known = true;
        if (expansion.actions.empty())
            context.report("ACTION_PATTERN_MATCHES_NOTHING", entry.pointer,
                    "\"" + text + "\" matches no action of " + std::string(service->prefix)
                            + ": check the spelling (iamx actions '" + text
                            + "' shows what matches)",
                    *entry.value);
        return expansion;
    }
    const CatalogAction *action = context.catalog.findAction(*service, name);
    if (!action) {
        std::string message = "\"" + std::string(service->prefix) + "\" has no action \""
                + std::string(name) + "\"";
        if (const auto near = closestName(name, actionNames(*service)))
            message += ": did you mean \"" + std::string(service->prefix) + ":" + std::string(*near)
                    + "\"?";
        else
            message += ": check the spelling in the Service Authorization Reference";
        context.report("INVALID_ACTION", entry.pointer, std::move(message), *entry.value);
        return expansion;
    }
    if (action->undocumented)
        context.report("UNDOCUMENTED_ACTION", entry.pointer,
                "\"" + std::string(action->fullName)
                        + "\" is not in AWS's documentation (AWS managed policies use it): "
                          "make sure it is the action you mean",
                *entry.value);
    else
        expansion.known = true;
    expansion.actions.push_back(action);
    return expansion;
}

// Entry i is redundant when another entry's actions include all of its own (the earlier of two
// equal entries stays).
void reportRedundantActions(
        Context &context, const StatementNode &statement, const std::vector<Expansion> &expansions)
{
    const size_t count = expansions.size();
    if (count < 2)
        return;
    std::vector<size_t> everything; // entries that are `*`
    std::unordered_map<const CatalogAction *, std::vector<size_t>> containing;
    for (size_t i = 0; i < count; ++i) {
        if (expansions[i].all)
            everything.push_back(i);
        else
            for (const CatalogAction *action : expansions[i].actions)
                containing[action].push_back(i);
    }
    const auto coveredBy = [&](size_t i) -> std::optional<size_t> {
        const Expansion &mine = expansions[i];
        for (const size_t j : everything)
            if (j != i && (!mine.all || j < i))
                return j;
        if (mine.all || mine.actions.empty())
            return std::nullopt;
        for (const size_t j : containing[mine.actions.front()]) {
            if (j == i)
                continue;
            const Expansion &theirs = expansions[j];
            if (!std::includes(theirs.actions.begin(), theirs.actions.end(), mine.actions.begin(),
                        mine.actions.end()))
                continue;
            if (theirs.actions.size() > mine.actions.size() || j < i)
                return j;
        }
        return std::nullopt;
    };
    for (size_t i = 0; i < count; ++i) {
        const auto j = coveredBy(i);
        if (!j)
            continue;
        const Entry &entry = statement.actions[i];
        const Entry &other = statement.actions[*j];
        const bool same = asciiEqualsIgnoreCase(entry.text(), other.text());
        context.report("REDUNDANT_ACTION", entry.pointer,
                same ? "\"" + entry.text() + "\" is listed twice: remove this one"
                     : "\"" + entry.text() + "\" is already covered by \"" + other.text()
                                + "\": remove it",
                *entry.value);
    }
}

} // namespace

void checkActions(Context &context)
{
    context.expansions.resize(context.statements.size());
    for (size_t s = 0; s < context.statements.size(); ++s) {
        const StatementNode &statement = context.statements[s];
        auto &expansions = context.expansions[s];
        for (const Entry &entry : statement.actions)
            expansions.push_back(expandEntry(context, entry));
        reportRedundantActions(context, statement, expansions);
    }
}

void checkResources(Context &context)
{
    for (size_t s = 0; s < context.statements.size(); ++s) {
        const StatementNode &statement = context.statements[s];
        const auto &resources = statement.resources;
        // REDUNDANT_RESOURCE: an entry another entry covers (the earlier of equal ones stays).
        std::vector<CoverPattern> patterns;
        patterns.reserve(resources.size());
        for (const Entry &entry : resources)
            patterns.emplace_back(entry.text());
        for (size_t i = 0; i < resources.size(); ++i) {
            for (size_t j = 0; j < resources.size(); ++j) {
                if (i == j || !patterns[j].covers(patterns[i]))
                    continue;
                const bool same = resources[i].text() == resources[j].text();
                if (same && j > i)
                    continue;
                if (!same && patterns[i].covers(patterns[j]) && j > i)
                    continue; // equivalent patterns: keep the first
                context.report("REDUNDANT_RESOURCE", resources[i].pointer,
                        same ? "\"" + resources[i].text() + "\" is listed twice: remove this one"
                             : "\"" + resources[i].text() + "\" is already covered by \""
                                        + resources[j].text() + "\": remove it",
                        *resources[i].value);
                break;
            }
        }
        // RESOURCE_MISMATCH: judged only when every action is known.
        if (statement.notAction || statement.notResource || !context.actionsKnown(s))
            continue;
        const auto &actions = context.actionUnion(s);
        // The distinct resource types of the actions: many actions share a few types.
        std::vector<const CatalogResourceType *> types;
        bool someTakeAnything = false;
        for (const CatalogAction *action : actions)
            for (const auto &resourceType : action->resourceTypes) {
                if (!resourceType.type)
                    someTakeAnything = true;
                else
                    types.push_back(resourceType.type);
            }
        if (someTakeAnything)
            continue;
        std::sort(types.begin(), types.end());
        types.erase(std::unique(types.begin(), types.end()), types.end());
        for (const Entry &entry : resources) {
            const std::string &text = entry.text();
            if (text == "*" || arnComponents(text).size() != 6)
                continue;
            // Formats of another service cannot fit (most lists name one service's resources).
            const auto parts = arnComponents(text);
            const std::string_view service = parts[2];
            const bool literalService = service.find_first_of("*?$") == std::string_view::npos;
            bool fits = false;
            for (const CatalogResourceType *resourceType : types) {
                for (const std::string_view format : resourceType->arnFormats) {
                    if (literalService) {
                        const auto formatParts = arnComponents(format);
                        if (formatParts.size() == 6 && !formatParts[2].empty()
                                && formatParts[2].find_first_of("*$") == std::string_view::npos
                                && !asciiEqualsIgnoreCase(formatParts[2], service))
                            continue;
                    }
                    if ((fits = resourceMatchesArnFormat(text, format)))
                        break;
                }
                if (fits)
                    break;
            }
            if (fits)
                continue;
            std::string message = "no action of the statement acts on a resource like \"" + text
                    + "\": this entry grants nothing";
            if (types.empty())
                message += " (its actions take only \"*\")";
            else
                message += " (the actions take e.g. "
                        + std::string(types.front()->arnFormats.empty()
                                        ? std::string_view("\"*\"")
                                        : types.front()->arnFormats.front())
                        + ")";
            context.report("RESOURCE_MISMATCH", entry.pointer, std::move(message), *entry.value);
        }
    }
}

} // namespace iamx::validation
