#include "actioncatalog.h"

#include "resources/catalogtext.h"

#include "model/arnformat.h"
#include "model/catalognames.h"
#include "model/wildcard.h"

#include <algorithm>
#include <array>
#include <functional>
#include <optional>

namespace iamx {
namespace {

using catalognames::asciiLower;
using catalognames::compareIgnoringCase;
using catalognames::keyVariableLength;
using catalognames::lessIgnoringCase;

bool keyMatchesFrom(std::string_view name, std::string_view key)
{
    size_t i = 0;
    size_t j = 0;
    while (i < name.size()) {
        if (const size_t length = keyVariableLength(name, i)) {
            // The variable takes at least one character; try every split of the rest.
            const std::string_view rest = name.substr(i + length);
            for (size_t k = j + 1; k <= key.size(); ++k)
                if (keyMatchesFrom(rest, key.substr(k)))
                    return true;
            return false;
        }
        if (j == key.size() || asciiLower(name[i]) != asciiLower(key[j]))
            return false;
        ++i;
        ++j;
    }
    return j == key.size();
}

} // namespace

std::string_view accessLevelName(AccessLevel level)
{
    switch (level) {
    case AccessLevel::List:
        return "List";
    case AccessLevel::Read:
        return "Read";
    case AccessLevel::Write:
        return "Write";
    case AccessLevel::PermissionsManagement:
        return "Permissions management";
    case AccessLevel::Tagging:
        return "Tagging";
    case AccessLevel::Unknown:
        break;
    }
    return "Unknown";
}

std::string conditionKeyTypeName(ConditionKeyType type, bool multivalued)
{
    std::string_view name = "Unknown";
    switch (type) {
    case ConditionKeyType::String:
        name = "String";
        break;
    case ConditionKeyType::Arn:
        name = "ARN";
        break;
    case ConditionKeyType::Numeric:
        name = "Numeric";
        break;
    case ConditionKeyType::Date:
        name = "Date";
        break;
    case ConditionKeyType::Bool:
        name = "Bool";
        break;
    case ConditionKeyType::IpAddress:
        name = "IPAddress";
        break;
    case ConditionKeyType::Binary:
        name = "Binary";
        break;
    case ConditionKeyType::Unknown:
        return std::string(name);
    }
    return (multivalued ? "ArrayOf" : "") + std::string(name);
}

bool CatalogConditionKey::isTemplate() const
{
    for (size_t i = 0; i < name.size(); ++i)
        if (keyVariableLength(name, i))
            return true;
    return false;
}

bool conditionKeyMatches(std::string_view name, std::string_view key)
{
    return keyMatchesFrom(name, key);
}

ActionCatalog::ActionCatalog() = default;
ActionCatalog::~ActionCatalog() = default;

const ActionCatalog &ActionCatalog::instance()
{
    // A function-local static: initialised once, and thread-safe, by the language.
    static const ActionCatalog catalog = fromText(resources::catalogText());
    return catalog;
}

ActionCatalog ActionCatalog::fromText(std::string_view text)
{
    ActionCatalog catalog;
    if (!catalog.parse(text)) {
        std::string error = std::move(catalog.m_error);
        catalog = ActionCatalog();
        catalog.m_error = std::move(error);
    }
    return catalog;
}

const CatalogService *ActionCatalog::findService(std::string_view prefix) const
{
    const auto it = std::lower_bound(m_services.begin(), m_services.end(), prefix,
            [](const CatalogService &s, std::string_view p) {
                return lessIgnoringCase(s.prefix, p);
            });
    return it != m_services.end() && compareIgnoringCase(it->prefix, prefix) == 0 ? &*it : nullptr;
}

const CatalogAction *ActionCatalog::findAction(std::string_view action) const
{
    const size_t colon = action.find(':');
    if (colon == std::string_view::npos)
        return nullptr;
    const CatalogService *service = findService(action.substr(0, colon));
    return service ? findAction(*service, action.substr(colon + 1)) : nullptr;
}

const CatalogAction *ActionCatalog::findAction(
        const CatalogService &service, std::string_view name) const
{
    const auto actions = service.actions;
    const auto it = std::lower_bound(actions.begin(), actions.end(), name,
            [](const CatalogAction &a, std::string_view n) { return lessIgnoringCase(a.name, n); });
    return it != actions.end() && compareIgnoringCase(it->name, name) == 0 ? &*it : nullptr;
}

const CatalogResourceType *ActionCatalog::findResourceType(
        const CatalogService &service, std::string_view name) const
{
    const auto types = service.resourceTypes;
    const auto it = std::lower_bound(
            types.begin(), types.end(), name, [](const CatalogResourceType &t, std::string_view n) {
                return lessIgnoringCase(t.name, n);
            });
    return it != types.end() && compareIgnoringCase(it->name, name) == 0 ? &*it : nullptr;
}

const CatalogConditionKey *ActionCatalog::findKeyIn(
        const std::vector<const CatalogConditionKey *> &sorted,
        const std::vector<const CatalogConditionKey *> &templates, std::string_view key)
{
    const auto it = std::lower_bound(sorted.begin(), sorted.end(), key,
            [](const CatalogConditionKey *k, std::string_view name) {
                return lessIgnoringCase(k->name, name);
            });
    if (it != sorted.end() && compareIgnoringCase((*it)->name, key) == 0)
        return *it;
    // Global templates sort before service ones of the same name, and are tried first.
    for (const CatalogConditionKey *candidate : templates)
        if (candidate->global && conditionKeyMatches(candidate->name, key))
            return candidate;
    for (const CatalogConditionKey *candidate : templates)
        if (!candidate->global && conditionKeyMatches(candidate->name, key))
            return candidate;
    return nullptr;
}

const CatalogConditionKey *ActionCatalog::findConditionKey(std::string_view key) const
{
    return findKeyIn(m_keyIndex, m_keyTemplates, key);
}

const CatalogConditionKey *ActionCatalog::findGlobalConditionKey(std::string_view key) const
{
    return findKeyIn(m_globalIndex, m_globalTemplates, key);
}

bool ActionCatalog::actionSupportsConditionKey(
        const CatalogAction &action, std::string_view key) const
{
    const auto anyMatches = [key](std::span<const std::string_view> names) {
        return std::any_of(names.begin(), names.end(),
                [key](std::string_view name) { return conditionKeyMatches(name, key); });
    };
    if (anyMatches(action.conditionKeys))
        return true;
    for (const auto &resource : action.resourceTypes)
        if (anyMatches(resource.conditionKeys)
                || (resource.type && anyMatches(resource.type->conditionKeys)))
            return true;
    return false;
}

std::vector<const CatalogAction *> ActionCatalog::expandActions(std::string_view pattern) const
{
    std::vector<const CatalogAction *> result;
    if (pattern == "*") {
        result.reserve(m_actions.size());
        for (const auto &action : m_actions)
            result.push_back(&action);
        return result;
    }
    const size_t colon = pattern.find(':');
    if (colon == std::string_view::npos)
        return result;
    const CatalogService *service = findService(pattern.substr(0, colon));
    if (!service)
        return result; // a wildcard in the service matches nothing: no service is named `s*`
    std::vector<PatternUnit> units;
    appendPatternUnits(
            units, pattern.substr(colon + 1), WildcardMode::Glob, CaseMode::AsciiInsensitive);
    for (const auto &action : service->actions)
        if (globMatch(units, action.name, CaseMode::AsciiInsensitive))
            result.push_back(&action);
    return result;
}

std::vector<bool> ActionCatalog::matchedActions(std::span<const std::string> patterns) const
{
    std::vector<bool> matched(m_actions.size(), false);
    for (const auto &pattern : patterns)
        for (const CatalogAction *action : expandActions(pattern))
            matched[static_cast<size_t>(action - m_actions.data())] = true;
    return matched;
}

std::vector<const CatalogAction *> ActionCatalog::expandActions(
        std::span<const std::string> patterns) const
{
    // Each pattern's own service only, then merged: a short Action list costs what its
    // services hold, not a pass over the whole catalog.
    std::vector<const CatalogAction *> result;
    for (const auto &pattern : patterns) {
        if (pattern == "*")
            return expandActions(pattern);
        const auto part = expandActions(pattern);
        result.insert(result.end(), part.begin(), part.end());
    }
    // The actions live in one array in catalog order: their addresses sort them.
    std::sort(result.begin(), result.end(), std::less<const CatalogAction *>());
    result.erase(std::unique(result.begin(), result.end()), result.end());
    return result;
}

std::vector<const CatalogAction *> ActionCatalog::actionsNotMatching(
        std::span<const std::string> patterns) const
{
    const std::vector<bool> matched = matchedActions(patterns);
    std::vector<const CatalogAction *> result;
    for (size_t i = 0; i < m_actions.size(); ++i)
        if (!matched[i])
            result.push_back(&m_actions[i]);
    return result;
}

bool ActionCatalog::actionAcceptsResource(
        const CatalogAction &action, std::string_view resource) const
{
    if (resource == "*" || action.undocumented)
        return true;
    for (const auto &entry : action.resourceTypes) {
        if (!entry.type)
            return true; // a type the service does not define: nothing to hold against it
        for (const std::string_view format : entry.type->arnFormats)
            if (resourceMatchesArnFormat(resource, format))
                return true;
    }
    return false;
}

} // namespace iamx
