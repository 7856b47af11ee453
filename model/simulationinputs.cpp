#include "simulationinputs.h"

#include "model/account.h"
#include "model/accountindex.h"
#include "model/casefold.h"
#include "model/explanation.h"
#include "model/policyparser.h"
#include "model/request.h"
#include "model/resolver.h"
#include "model/wildcard.h"

#include <algorithm>
#include <functional>
#include <set>
#include <unordered_set>
#include <utility>

namespace iamx {
namespace {

bool hasWildcard(std::string_view text)
{
    return text.find_first_of("*?") != std::string_view::npos;
}

ContextValueType typeOf(OperatorFamily family)
{
    switch (family) {
    case OperatorFamily::Numeric:
        return ContextValueType::Numeric;
    case OperatorFamily::Date:
        return ContextValueType::Date;
    case OperatorFamily::Bool:
        return ContextValueType::Bool;
    case OperatorFamily::Binary:
        return ContextValueType::Binary;
    case OperatorFamily::Ip:
        return ContextValueType::IpAddress;
    case OperatorFamily::Arn:
        return ContextValueType::Arn;
    case OperatorFamily::String:
    case OperatorFamily::StringIgnoreCase:
    case OperatorFamily::StringLike:
    case OperatorFamily::Null:
        break;
    }
    return ContextValueType::String;
}

// The keys of the policy variables in `text`: `${aws:username}`, `${aws:PrincipalTag/team,
// 'none'}`; not the escapes `${*}`, `${?}` and `${$}`.
void variableKeys(std::string_view text, const std::function<void(std::string_view)> &each)
{
    size_t at = 0;
    while ((at = text.find("${", at)) != std::string_view::npos) {
        const size_t end = text.find('}', at);
        if (end == std::string_view::npos)
            return;
        std::string_view key = text.substr(at + 2, end - at - 2);
        key = key.substr(0, key.find(','));
        while (!key.empty() && key.back() == ' ')
            key.remove_suffix(1);
        while (!key.empty() && key.front() == ' ')
            key.remove_prefix(1);
        if (key.find(':') != std::string_view::npos)
            each(key);
        at = end + 1;
    }
}

} // namespace

std::vector<std::string> knownActions(const AccountIndex &index)
{
    return index.actionNames();
}

std::vector<std::string> knownResources(const Account &account, const AccountIndex &index)
{
    std::vector<std::string> resources = index.resourceNames();
    for (const auto &user : account.users())
        resources.push_back(user.arn);
    for (const auto &group : account.groups())
        resources.push_back(group.arn);
    for (const auto &role : account.roles())
        resources.push_back(role.arn);
    std::sort(resources.begin(), resources.end());
    resources.erase(std::unique(resources.begin(), resources.end()), resources.end());
    return resources;
}

std::vector<std::string> expandActionPattern(
        std::string_view pattern, const std::vector<std::string> &known)
{
    if (!hasWildcard(pattern))
        return { std::string(pattern) };
    std::vector<PatternUnit> units;
    appendPatternUnits(units, pattern, WildcardMode::Glob, CaseMode::AsciiInsensitive);
    std::vector<std::string> matched;
    for (const auto &action : known)
        if (globMatch(units, action, CaseMode::AsciiInsensitive))
            matched.push_back(action);
    return matched;
}

std::string_view contextValueTypeName(ContextValueType type)
{
    switch (type) {
    case ContextValueType::String:
        return "String";
    case ContextValueType::Numeric:
        return "Numeric";
    case ContextValueType::Date:
        return "Date";
    case ContextValueType::Bool:
        return "Bool";
    case ContextValueType::IpAddress:
        return "IpAddress";
    case ContextValueType::Arn:
        return "Arn";
    case ContextValueType::Binary:
        return "Binary";
    }
    return "String";
}

std::vector<PolicyContextKey> policyContextKeys(
        const AccountRequest &request, const Explanation *explanation)
{
    // The statements whose action and resource match: their conditions decide.
    std::set<std::pair<const Policy *, std::uint32_t>> matching;
    if (explanation)
        for (const auto &layer : explanation->layers)
            for (const auto &s : layer.statements)
                if (s.action == ElementOutcome::Matched && s.resource != ElementOutcome::Failed)
                    matching.emplace(&request.policies.policy(s.ref), s.ref.statement);

    std::vector<PolicyContextKey> keys;
    std::vector<std::string> lowerKeys; // parallel to keys
    std::vector<bool> typed; // parallel to keys: whether an operator gave the type
    // `hasType`: the key's operator says how it is read (Null does not).
    const auto add = [&](std::string_view key, ContextValueType type, bool hasType, bool needed) {
        const std::string lower = toLowercase(key);
        const auto found = std::find(lowerKeys.begin(), lowerKeys.end(), lower);
        if (found == lowerKeys.end()) {
            keys.push_back({ std::string(key), type, needed });
            lowerKeys.push_back(lower);
            typed.push_back(hasType);
            return;
        }
        const size_t i = static_cast<size_t>(found - lowerKeys.begin());
        keys[i].needed = keys[i].needed || needed;
        if (!typed[i] && hasType) {
            keys[i].type = type;
            typed[i] = true;
        }
    };
    const auto visit = [&](const PolicyRef &policy) {
        if (!policy)
            return;
        for (std::uint32_t i = 0; i < policy->statements.size(); ++i) {
            const Statement &statement = policy->statements[i];
            const bool needed = !explanation || matching.contains({ policy.get(), i });
            for (const auto &condition : statement.conditions) {
                const OperatorFamily family = operatorFamily(condition.op.base);
                add(condition.key, typeOf(family), family != OperatorFamily::Null, needed);
                for (const auto &value : condition.values)
                    variableKeys(value.text, [&](std::string_view key) {
                        add(key, ContextValueType::String, false, needed);
                    });
            }
            for (const auto &resource : statement.resources)
                variableKeys(resource.text, [&](std::string_view key) {
                    add(key, ContextValueType::String, false, needed);
                });
        }
    };
    const PolicySet &policies = request.policies;
    for (const auto &policy : policies.identity)
        visit(policy);
    visit(policies.permissionsBoundary);
    visit(policies.session);
    visit(policies.resource);
    for (const auto &level : policies.scpLevels)
        for (const auto &policy : level)
            visit(policy);
    for (const auto &level : policies.rcpLevels)
        for (const auto &policy : level)
            visit(policy);

    std::vector<size_t> order(keys.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return lowerKeys[a] != lowerKeys[b] ? lowerKeys[a] < lowerKeys[b] : a < b;
    });
    std::vector<PolicyContextKey> sorted;
    sorted.reserve(keys.size());
    for (const size_t i : order)
        sorted.push_back(std::move(keys[i]));
    return sorted;
}

} // namespace iamx
