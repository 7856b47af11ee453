#include "policycompletion.h"

#include "model/arnformat.h"
#include "model/casefold.h"
#include "model/completionvalues.h"
#include "model/conditionoperator.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace iamx {
namespace {

// ---------------------------------------------------------------------------------------------
// Candidates.

bool startsWithIgnoreCase(std::string_view text, std::string_view prefix)
{
    return text.size() >= prefix.size()
            && asciiEqualsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

bool containsIgnoreCase(const std::vector<std::string> &list, std::string_view text)
{
    return std::any_of(list.begin(), list.end(),
            [text](const std::string &item) { return asciiEqualsIgnoreCase(item, text); });
}

struct Element
{
    std::string_view name;
    std::string_view detail;
    std::string_view description;
    std::string_view excludedBy; ///< not offered when this element is already there
};

constexpr Element topLevelElements[] = {
    { "Version", "element", "The policy language version: \"2012-10-17\"", {} },
    { "Id", "element", "An identifier of the policy (resource policies)", {} },
    { "Statement", "element", "The statements: one object or an array of them", {} },
};

constexpr Element statementElements[] = {
    { "Sid", "element", "A statement identifier, unique in the policy", {} },
    { "Effect", "element", "\"Allow\" or \"Deny\"", {} },
    { "Principal", "element", "Who the statement is about (resource and trust policies)",
            "NotPrincipal" },
    { "NotPrincipal", "element", "Everyone but these principals", "Principal" },
    { "Action", "element", "The actions the statement allows or denies", "NotAction" },
    { "NotAction", "element", "Every action but these", "Action" },
    { "Resource", "element", "The resources the statement applies to", "NotResource" },
    { "NotResource", "element", "Every resource but these", "Resource" },
    { "Condition", "element", "When the statement applies: operator -> key -> values", {} },
};

constexpr Element principalElements[] = {
    { "AWS", "principal", "Accounts, users, roles, sessions: ARNs or account ids", {} },
    { "Service", "principal", "AWS services: ec2.amazonaws.com", {} },
    { "Federated", "principal", "Identity providers: SAML or OIDC provider ARNs", {} },
    { "CanonicalUser", "principal", "S3 canonical user ids", {} },
};

template <size_t N>
void addElements(const Element (&elements)[N], const CompletionSite &site,
        std::vector<CompletionCandidate> &out)
{
    for (const Element &element : elements) {
        if (!startsWithIgnoreCase(element.name, site.prefix)
                || containsIgnoreCase(site.presentKeys, element.name)
                || (!element.excludedBy.empty()
                        && containsIgnoreCase(site.presentKeys, element.excludedBy)))
            continue;
        out.push_back({ std::string(element.name), CandidateKind::Element,
                std::string(element.detail), std::string(element.description) });
    }
}

std::string levelsText(const std::array<size_t, 6> &byLevel)
{
    static constexpr AccessLevel order[] = { AccessLevel::List, AccessLevel::Read,
        AccessLevel::Write, AccessLevel::PermissionsManagement, AccessLevel::Tagging,
        AccessLevel::Unknown };
    std::string text;
    for (const AccessLevel level : order) {
        const size_t count = byLevel[static_cast<size_t>(level)];
        if (count == 0)
            continue;
        if (!text.empty())
            text += ", ";
        text += level == AccessLevel::Unknown ? std::string_view("undocumented")
                                              : accessLevelName(level);
        text += ' ' + std::to_string(count);
    }
    return text;
}

std::string actionCountText(size_t count)
{
    return std::to_string(count) + (count == 1 ? " action" : " actions");
}

CompletionCandidate actionCandidate(const CatalogAction &action)
{
    return { std::string(action.fullName), CandidateKind::Action,
        std::string(action.undocumented ? std::string_view("undocumented")
                                        : accessLevelName(action.accessLevel)),
        std::string(action.description) };
}

void addActions(const CompletionSite &site, const ActionCatalog &catalog, size_t limit,
        std::vector<CompletionCandidate> &out)
{
    const std::string_view prefix = site.prefix;
    const size_t colon = prefix.find(':');
    if (colon == std::string_view::npos) {
        if (prefix.empty() || prefix == "*")
            out.push_back({ "*", CandidateKind::ActionPattern, "every action",
                    actionCountText(catalog.actions().size()) + " of every service" });
        // Service prefixes first; then, once a few letters are typed, actions of any service
        // whose name starts so (`GetObj` finds s3:GetObject).
        for (const CatalogService &service : catalog.services()) {
            if (startsWithIgnoreCase(service.prefix, prefix))
                out.push_back({ std::string(service.prefix) + ':', CandidateKind::Service,
                        actionCountText(service.actions.size()),
                        std::string(service.undocumented ? std::string_view("undocumented")
                                                         : service.name) });
        }
        if (prefix.size() >= 3) {
            for (const CatalogAction &action : catalog.actions()) {
                if (out.size() >= limit)
                    break;
                if (startsWithIgnoreCase(action.name, prefix))
                    out.push_back(actionCandidate(action));
            }
        }
        return;
    }
    const CatalogService *service = catalog.findService(prefix.substr(0, colon));
    if (!service)
        return;
    const std::string_view name = prefix.substr(colon + 1);
    std::string pattern = std::string(service->prefix) + ':' + std::string(name);
    if (!pattern.ends_with('*'))
        pattern += '*';
    const auto matched = catalog.expandActions(pattern);
    // The exact action first, then the pattern that covers what is typed, then the actions.
    const CatalogAction *exact = name.find_first_of("*?") == std::string_view::npos
            ? catalog.findAction(*service, name)
            : nullptr;
    if (exact)
        out.push_back(actionCandidate(*exact));
    if (matched.size() > 1) {
        std::array<size_t, 6> byLevel {};
        for (const CatalogAction *action : matched)
            ++byLevel[static_cast<size_t>(action->accessLevel)];
        out.push_back({ pattern, CandidateKind::ActionPattern, actionCountText(matched.size()),
                levelsText(byLevel) });
    }
    for (const CatalogAction *action : matched) {
        if (out.size() >= limit)
            break;
        if (action != exact)
            out.push_back(actionCandidate(*action));
    }
}

/// The catalog actions the statement's Action list names (none for NotAction: it names
/// what it leaves, which is too much to narrow anything by).
std::vector<const CatalogAction *> statementActions(
        const CompletionSite &site, const ActionCatalog &catalog)
{
    if (site.notAction || site.actions.empty())
        return {};
    return catalog.expandActions(std::span<const std::string>(site.actions));
}

void addResources(const CompletionSite &site, const ActionCatalog &catalog, size_t limit,
        const CompletionAccountContext *account, std::vector<CompletionCandidate> &out)
{
    if (startsWithIgnoreCase("*", site.prefix))
        out.push_back({ "*", CandidateKind::Resource, "all resources", {} });
    // Each resource type the statement's actions act on, with how many of them do.
    std::vector<const CatalogResourceType *> types;
    std::unordered_map<const CatalogResourceType *, size_t> counts;
    for (const CatalogAction *action : statementActions(site, catalog)) {
        for (const CatalogActionResource &resource : action->resourceTypes) {
            if (!resource.type)
                continue;
            if (counts[resource.type]++ == 0)
                types.push_back(resource.type);
        }
    }
    std::unordered_set<std::string> seen;
    for (const CatalogResourceType *type : types) {
        const CatalogService &service = catalog.services()[type->service];
        for (const std::string_view format : type->arnFormats) {
            if (out.size() >= limit)
                return;
            std::string text = arnTemplate(format);
            if (!startsWithIgnoreCase(text, site.prefix) || !seen.insert(text).second)
                continue;
            out.push_back({ std::move(text), CandidateKind::Resource,
                    std::string(service.prefix) + ' ' + std::string(type->name),
                    "for " + actionCountText(counts[type]) + " of the statement" });
        }
    }
    // Then the account's own resources, those the statement's actions act on first.
    if (!account)
        return;
    // Against the few formats of those types, not every action: the account may hold many.
    const auto fits = [&types](const std::string &arn) {
        return std::any_of(types.begin(), types.end(), [&arn](const CatalogResourceType *type) {
            return std::any_of(type->arnFormats.begin(), type->arnFormats.end(),
                    [&arn](std::string_view format) {
                        return resourceMatchesArnFormat(arn, format);
                    });
        });
    };
    for (const bool fitting : { true, false }) {
        for (const std::string &arn : account->resourceArns) {
            if (out.size() >= limit)
                return;
            if (!startsWithIgnoreCase(arn, site.prefix) || seen.count(arn) != 0
                    || fits(arn) != fitting)
                continue;
            seen.insert(arn);
            out.push_back({ arn, CandidateKind::Resource, "in the account",
                    fitting ? "named by the account, fits the statement's actions"
                            : "named by the account" });
        }
    }
}

std::string_view familyText(OperatorFamily family)
{
    switch (family) {
    case OperatorFamily::String:
        return "exact, case-sensitive";
    case OperatorFamily::StringIgnoreCase:
        return "exact, ignoring case";
    case OperatorFamily::StringLike:
        return "glob: * and ?, case-sensitive";
    case OperatorFamily::Numeric:
        return "numbers";
    case OperatorFamily::Date:
        return "dates: ISO 8601 or epoch seconds";
    case OperatorFamily::Bool:
        return "true or false";
    case OperatorFamily::Binary:
        return "base-64 bytes";
    case OperatorFamily::Ip:
        return "IP addresses and CIDR ranges";
    case OperatorFamily::Arn:
        return "ARNs, * and ? per segment";
    case OperatorFamily::Null:
        return "true: the key is absent; false: present";
    }
    return {};
}

std::string_view familyName(OperatorFamily family)
{
    switch (family) {
    case OperatorFamily::String:
    case OperatorFamily::StringIgnoreCase:
    case OperatorFamily::StringLike:
        return "String";
    case OperatorFamily::Numeric:
        return "Numeric";
    case OperatorFamily::Date:
        return "Date";
    case OperatorFamily::Bool:
        return "Bool";
    case OperatorFamily::Binary:
        return "Binary";
    case OperatorFamily::Ip:
        return "IPAddress";
    case OperatorFamily::Arn:
        return "ARN";
    case OperatorFamily::Null:
        return "Null";
    }
    return {};
}

constexpr size_t baseOperatorCount = static_cast<size_t>(BaseOperator::Null) + 1;

void addOperators(const CompletionSite &site, std::vector<CompletionCandidate> &out)
{
    // Plain operators, then their IfExists forms, then the set-qualified ones (not Null:
    // it tests presence, not values).
    static constexpr std::string_view qualifiers[] = { "", "ForAllValues:", "ForAnyValue:" };
    for (const std::string_view qualifier : qualifiers) {
        for (const bool ifExists : { false, true }) {
            for (size_t i = 0; i < baseOperatorCount; ++i) {
                const auto base = static_cast<BaseOperator>(i);
                if (base == BaseOperator::Null && (ifExists || !qualifier.empty()))
                    continue;
                std::string name = std::string(qualifier) + std::string(baseOperatorName(base))
                        + (ifExists ? "IfExists" : "");
                if (!startsWithIgnoreCase(name, site.prefix))
                    continue;
                std::string description(familyText(operatorFamily(base)));
                if (isNegated(base))
                    description += "; negated: true when the key is absent";
                if (ifExists)
                    description += "; IfExists: true when the key is absent";
                if (qualifier == "ForAllValues:")
                    description += "; every value of a multivalued key";
                else if (qualifier == "ForAnyValue:")
                    description += "; any value of a multivalued key";
                out.push_back({ std::move(name), CandidateKind::Operator,
                        std::string(familyName(operatorFamily(base))), std::move(description) });
            }
        }
    }
}

/// 0: the key's type suits the operator, and it is multivalued exactly when the operator is
/// set-qualified; 1: the type suits; 2: it does not.
int keyFit(const std::optional<ConditionOperator> &op, const CatalogConditionKey *key)
{
    if (!op || !key || key->type == ConditionKeyType::Unknown)
        return 1;
    bool typeFits = true;
    switch (operatorFamily(op->base)) {
    case OperatorFamily::String:
    case OperatorFamily::StringIgnoreCase:
    case OperatorFamily::StringLike:
        typeFits = key->type == ConditionKeyType::String || key->type == ConditionKeyType::Arn;
        break;
    case OperatorFamily::Numeric:
        typeFits = key->type == ConditionKeyType::Numeric;
        break;
    case OperatorFamily::Date:
        typeFits = key->type == ConditionKeyType::Date || key->type == ConditionKeyType::Numeric;
        break;
    case OperatorFamily::Bool:
        typeFits = key->type == ConditionKeyType::Bool;
        break;
    case OperatorFamily::Binary:
        typeFits = key->type == ConditionKeyType::Binary;
        break;
    case OperatorFamily::Ip:
        typeFits = key->type == ConditionKeyType::IpAddress;
        break;
    case OperatorFamily::Arn:
        typeFits = key->type == ConditionKeyType::Arn || key->type == ConditionKeyType::String;
        break;
    case OperatorFamily::Null:
        return 0;
    }
    if (!typeFits)
        return 2;
    return (op->qualifier != SetQualifier::None) == key->multivalued ? 0 : 1;
}

void addConditionKeys(const CompletionSite &site, const ActionCatalog &catalog, size_t limit,
        std::vector<CompletionCandidate> &out)
{
    // The keys the statement's actions (and their resource types) name, then the global ones.
    std::vector<std::string_view> names;
    std::unordered_set<std::string> seen;
    const auto add = [&](std::string_view name) {
        if (startsWithIgnoreCase(name, site.prefix) && !containsIgnoreCase(site.presentKeys, name)
                && seen.insert(toAsciiLowercase(name)).second)
            names.push_back(name);
    };
    for (const CatalogAction *action : statementActions(site, catalog)) {
        for (const std::string_view key : action->conditionKeys)
            add(key);
        for (const CatalogActionResource &resource : action->resourceTypes) {
            for (const std::string_view key : resource.conditionKeys)
                add(key);
            if (resource.type)
                for (const std::string_view key : resource.type->conditionKeys)
                    add(key);
        }
    }
    for (const CatalogConditionKey &key : catalog.globalConditionKeys())
        add(key.name);
    const auto op = parseConditionOperator(site.conditionOperator);
    struct Ranked
    {
        int fit;
        CompletionCandidate candidate;
    };
    std::vector<Ranked> ranked;
    for (const std::string_view name : names) {
        const CatalogConditionKey *key = catalog.findConditionKey(name);
        CompletionCandidate candidate { std::string(name), CandidateKind::ConditionKey,
            key ? conditionKeyTypeName(key->type, key->multivalued) : std::string("Unknown"),
            key ? std::string(key->description) : std::string() };
        if (key && key->global)
            candidate.detail += " (global)";
        ranked.push_back({ keyFit(op, key), std::move(candidate) });
    }
    std::stable_sort(ranked.begin(), ranked.end(),
            [](const Ranked &a, const Ranked &b) { return a.fit < b.fit; });
    for (auto &entry : ranked) {
        if (out.size() >= limit)
            break;
        out.push_back(std::move(entry.candidate));
    }
}

void addValues(const CompletionSite &site, std::initializer_list<CompletionCandidate> values,
        std::vector<CompletionCandidate> &out)
{
    for (const CompletionCandidate &value : values)
        if (startsWithIgnoreCase(value.text, site.prefix))
            out.push_back(value);
}

} // namespace

std::vector<CompletionCandidate> completionCandidates(const CompletionSite &site,
        const ActionCatalog &catalog, size_t limit, const CompletionAccountContext *account)
{
    std::vector<CompletionCandidate> out;
    switch (site.context) {
    case CompletionContext::None:
        break;
    case CompletionContext::TopLevelKey:
        addElements(topLevelElements, site, out);
        break;
    case CompletionContext::StatementKey:
        addElements(statementElements, site, out);
        break;
    case CompletionContext::PrincipalKey:
        addElements(principalElements, site, out);
        break;
    case CompletionContext::VersionValue:
        addValues(site,
                { { "2012-10-17", CandidateKind::Value, "current",
                          "The current policy language: policy variables work" },
                        { "2008-10-17", CandidateKind::Value, "old",
                                "Policy variables are plain text under it" } },
                out);
        break;
    case CompletionContext::EffectValue:
        addValues(site,
                { { "Allow", CandidateKind::Value, "effect", "Grants what the statement names" },
                        { "Deny", CandidateKind::Value, "effect",
                                "Refuses it, whatever else allows it" } },
                out);
        break;
    case CompletionContext::ActionValue:
        addActions(site, catalog, limit, out);
        break;
    case CompletionContext::ResourceValue:
        addResources(site, catalog, limit, account, out);
        break;
    case CompletionContext::ConditionValue:
        addConditionValues(site, catalog, account, limit, out);
        break;
    case CompletionContext::PrincipalValue:
        addPrincipalValues(site, catalog, account, limit, out);
        break;
    case CompletionContext::SidValue:
        addSidValues(site, out);
        break;
    case CompletionContext::PolicyVariable:
        addPolicyVariables(site, out);
        break;
    case CompletionContext::ConditionOperator:
        addOperators(site, out);
        break;
    case CompletionContext::ConditionKey:
        addConditionKeys(site, catalog, limit, out);
        break;
    }
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

std::string arnTemplate(std::string_view format)
{
    std::string text(format);
    static constexpr std::string_view partition = "${Partition}";
    if (const size_t at = text.find(partition); at != std::string::npos)
        text.replace(at, partition.size(), "aws");
    return text;
}

ActionPatternDescription describeActionPattern(
        std::string_view pattern, const ActionCatalog &catalog, size_t maxNames)
{
    ActionPatternDescription result;
    result.pattern = std::string(pattern);
    const auto matched = catalog.expandActions(pattern);
    result.count = matched.size();
    for (const CatalogAction *action : matched) {
        ++result.byLevel[static_cast<size_t>(action->accessLevel)];
        if (result.names.size() < maxNames)
            result.names.emplace_back(action->fullName);
    }
    if (result.count > 0)
        return result;
    const size_t colon = pattern.find(':');
    if (colon == std::string_view::npos) {
        result.why = "an action is written service:action (s3:GetObject)";
    } else if (pattern.substr(0, colon).find_first_of("*?") != std::string_view::npos) {
        result.why = "a service prefix cannot hold a wildcard";
    } else if (!catalog.findService(pattern.substr(0, colon))) {
        result.why =
                "no AWS service has the prefix \"" + std::string(pattern.substr(0, colon)) + "\"";
    } else {
        result.why = "no action of " + std::string(pattern.substr(0, colon)) + " is named so";
    }
    return result;
}

std::string actionPatternText(const ActionPatternDescription &description)
{
    if (description.count == 0)
        return description.pattern + " matches no action: " + description.why;
    std::string text = description.pattern + " matches " + actionCountText(description.count) + " ("
            + levelsText(description.byLevel) + ")";
    for (const auto &name : description.names)
        text += "\n  " + name;
    if (description.count > description.names.size())
        text += "\n  … and " + std::to_string(description.count - description.names.size())
                + " more";
    return text;
}

std::string actionPatternTextAt(std::string_view text, size_t offset, const ActionCatalog &catalog)
{
    const CompletionSite site = completionSiteAt(text, offset);
    if (site.context != CompletionContext::ActionValue || !site.quoted || site.value.empty())
        return {};
    return actionPatternText(describeActionPattern(site.value, catalog));
}

} // namespace iamx
