#include "simulationinputs.h"

#include "model/account.h"
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

// Calls `each(policy)` for every document of the account that compiles, read as it is
// evaluated: identity documents, trust policies, resource policies, SCPs and RCPs. Documents
// the resolver compiles are compiled through it, under the names it gives them.
void forEachCompiledPolicy(const Account &account, const Resolver &resolver,
        const std::function<void(const Policy &)> &each)
{
    const auto visit = [&](const PolicyText &document, PolicyType type, ResourcePolicyKind kind,
                               const std::string &name) {
        if (const PolicyRef policy = resolver.compile(document, type, kind, name, nullptr))
            each(*policy);
    };
    const auto inlines = [&](const std::vector<InlinePolicy> &policies) {
        for (const auto &p : policies)
            visit(p.document, PolicyType::Identity, ResourcePolicyKind::Ordinary, p.name);
    };
    for (const auto &user : account.users())
        inlines(user.inlinePolicies);
    for (const auto &group : account.groups())
        inlines(group.inlinePolicies);
    for (const auto &role : account.roles()) {
        inlines(role.inlinePolicies);
        visit(role.trustPolicy, PolicyType::Resource, ResourcePolicyKind::TrustPolicy,
                "trust policy of " + role.name);
    }
    for (const auto &policy : account.policies())
        if (const PolicyVersion *version = policy.defaultPolicyVersion())
            visit(version->document, PolicyType::Identity, ResourcePolicyKind::Ordinary,
                    policy.name);
    // Resource policies are parsed here rather than through the resolver: its cache keeps the
    // first name a document is compiled under, and it names them by the request's action.
    for (const auto &resource : account.resources()) {
        if (!resource.policy || resource.policy->empty())
            continue;
        PolicyParseOptions options;
        options.type = PolicyType::Resource;
        options.resourceKind = resourcePolicyKindFor({}, resource.arn);
        options.name = "policy of " + resource.arn;
        if (const Parsed<Policy> parsed = parsePolicyText(resource.policy->text(), options);
                parsed.value)
            each(*parsed.value);
    }
    if (const auto &organization = account.organization())
        for (const auto &level : organization->levels) {
            for (const auto &scp : level.scps)
                visit(scp.document, PolicyType::ServiceControl, ResourcePolicyKind::Ordinary,
                        scp.name);
            for (const auto &rcp : level.rcps)
                visit(rcp.document, PolicyType::ResourceControl, ResourcePolicyKind::Ordinary,
                        rcp.name);
        }
}

bool hasWildcard(std::string_view text)
{
    return text.find_first_of("*?") != std::string_view::npos;
}

bool lessIgnoringCase(const std::string &a, const std::string &b)
{
    const std::string la = toLowercase(a);
    const std::string lb = toLowercase(b);
    return la != lb ? la < lb : a < b;
}

// Sorted ignoring case; of the spellings of one name (ignoring case) the first seen is kept.
std::vector<std::string> sortedUnique(std::vector<std::string> values)
{
    std::vector<std::string> out;
    std::unordered_set<std::string> seen;
    for (auto &value : values)
        if (seen.insert(toLowercase(value)).second)
            out.push_back(std::move(value));
    std::sort(out.begin(), out.end(), lessIgnoringCase);
    return out;
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

std::vector<std::string> knownActions(const Account &account, const Resolver &resolver)
{
    std::vector<std::string> actions;
    forEachCompiledPolicy(account, resolver, [&actions](const Policy &policy) {
        for (const auto &statement : policy.statements)
            for (const auto &pattern : statement.actions)
                if (pattern.usable && !pattern.matchesAll && !hasWildcard(pattern.text))
                    actions.push_back(pattern.text);
    });
    return sortedUnique(std::move(actions));
}

std::vector<std::string> knownResources(const Account &account, const Resolver &resolver)
{
    std::set<std::string> resources;
    for (const auto &resource : account.resources())
        resources.insert(resource.arn);
    for (const auto &user : account.users())
        resources.insert(user.arn);
    for (const auto &group : account.groups())
        resources.insert(group.arn);
    for (const auto &role : account.roles())
        resources.insert(role.arn);
    forEachCompiledPolicy(account, resolver, [&resources](const Policy &policy) {
        for (const auto &statement : policy.statements)
            for (const auto &pattern : statement.resources)
                if (pattern.usable && !pattern.matchesAll && pattern.text.starts_with("arn:")
                        && !hasWildcard(pattern.text)
                        && pattern.text.find("${") == std::string::npos)
                    resources.insert(pattern.text);
    });
    resources.erase(std::string());
    return { resources.begin(), resources.end() };
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
