// The validator's checks of Resource / NotResource ARNs one component at a time (partition,
// service, region, account, resource part) against the AWS partitions and the catalog's ARN
// formats, and of Resource entries broader than their actions need (RESOURCE_STAR,
// RESOURCE_EFFECTIVELY_STAR). Whether a resource fits the statement's actions is
// RESOURCE_MISMATCH's business (validateactions.cpp); these are about the ARN itself.

#include "model/arn.h"
#include "model/arnformat.h"
#include "model/awspartitions.h"
#include "model/casefold.h"
#include "model/policycompletion.h"
#include "model/validationcontext.h"
#include "model/valuetemplate.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>

namespace iamx::validation {
namespace {

bool hasWildcard(std::string_view text)
{
    return text.find_first_of("*?") != std::string_view::npos;
}

bool hasVariable(std::string_view text)
{
    return text.find("${") != std::string_view::npos;
}

// A component that a wildcard or a policy variable may stand for: nothing to check in it.
bool isOpen(std::string_view text)
{
    return hasWildcard(text) || hasVariable(text);
}

bool isAllStars(std::string_view text)
{
    return !text.empty() && text.find_first_not_of('*') == std::string_view::npos;
}

bool startsWithIgnoreCase(std::string_view text, std::string_view prefix)
{
    return text.size() >= prefix.size()
            && asciiEqualsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

bool hasUpperCase(std::string_view text)
{
    return std::any_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// The six components of an ARN pattern, split at colons outside `${...}`; nullopt when it is
// not `arn:` with six components (the parser reports that).
std::optional<std::array<std::string_view, 6>> arnParts(std::string_view text)
{
    const auto parts = splitOutsideVariables(text, ':', 6);
    if (parts.size() != 6 || parts[0] != "arn")
        return std::nullopt;
    std::array<std::string_view, 6> result;
    std::copy(parts.begin(), parts.end(), result.begin());
    return result;
}

/// A catalog ARN format with what its components require.
struct Format
{
    std::string_view text;
    bool region = false; ///< a region is part of the ARN
    bool account = false; ///< an account (or `aws`, or a variable) is part of the ARN
    std::string_view literalStart; ///< of the resource part, before its first variable
};

// The literal text a pattern's resource part starts with, before any wildcard or variable.
std::string_view literalStart(std::string_view text, std::string_view stops)
{
    return text.substr(0, std::min(text.find_first_of(stops), text.size()));
}

// False when the literal starts of two resource parts already disagree: most formats of a
// service are told apart that way, without building their automata.
bool mayMatch(std::string_view resourceStart, std::string_view formatStart)
{
    const size_t common = std::min(resourceStart.size(), formatStart.size());
    return resourceStart.substr(0, common) == formatStart.substr(0, common);
}

// Every ARN format of the catalog by the service its ARNs name (lower case): a service's
// resource types may use another service's ARNs (codestar names IAM users), so the formats of
// `arn:aws:iam:...` are gathered from all services. Built once.
const std::map<std::string, std::vector<Format>, std::less<>> &formatsByService(
        const ActionCatalog &catalog)
{
    static const auto index = [&catalog] {
        std::map<std::string, std::vector<Format>, std::less<>> byService;
        for (const auto &service : catalog.services())
            for (const auto &type : service.resourceTypes)
                for (const std::string_view format : type.arnFormats) {
                    const auto parts = splitArnComponents(format);
                    if (!parts || parts->service.empty() || isOpen(parts->service)
                            || parts->service.front() == '$')
                        continue;
                    byService[toAsciiLowercase(parts->service)].push_back(
                            { format, !parts->region.empty(), !parts->account.empty(),
                                    literalStart(parts->resource, "${*") });
                }
        return byService;
    }();
    return index;
}

// True when RESOURCE_MISMATCH judges statement `s` (the same conditions as checkResources):
// there an ARN that fits no resource type of its service is already reported as fitting none
// of the statement's actions, and INVALID_ARN_RESOURCE would say it twice.
bool resourceMismatchJudges(Context &context, size_t s)
{
    const StatementNode &statement = context.statements[s];
    if (statement.notAction || statement.notResource || !context.actionsKnown(s))
        return false;
    for (const CatalogAction *action : context.actionUnion(s))
        for (const auto &resourceType : action->resourceTypes)
            if (!resourceType.type)
                return false;
    return true;
}

std::string quoted(std::string_view text)
{
    return "\"" + std::string(text) + "\"";
}

void checkComponents(Context &context, size_t s, const Entry &entry)
{
    const std::string &text = entry.text();
    const auto parts = arnParts(text);
    if (!parts)
        return;
    const auto [prefix, partition, service, region, account, resource] = *parts;
    const auto report = [&](std::string_view code, std::string message) {
        context.report(code, entry.pointer, std::move(message), *entry.value);
    };
    if (!isOpen(partition) && !isKnownPartition(partition))
        report("INVALID_PARTITION",
                "the partition " + quoted(partition) + " of " + quoted(text)
                        + " is not one AWS has: write aws (or aws-cn, aws-us-gov, aws-iso, "
                          "aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc)");
    if (!isOpen(service) && hasUpperCase(service))
        report("INVALID_ARN_SERVICE_CASE",
                "the service " + quoted(service) + " of " + quoted(text)
                        + " must be lower case, as in " + quoted(toAsciiLowercase(service)));
    if (!region.empty() && !isOpen(region)) {
        if (!isRegionShaped(region))
            report("INVALID_ARN_REGION",
                    "the region " + quoted(region) + " of " + quoted(text)
                            + " is not a region code: write one such as us-east-1, * for any "
                              "region, or leave it empty for a global resource");
        else if (!isKnownRegion(region))
            report("INVALID_REGION",
                    "AWS has no region " + quoted(region) + " (in " + quoted(text)
                            + "): check the spelling, e.g. us-east-1");
    }
    if (!account.empty() && !isOpen(account) && !isAccountId(account) && account != "aws")
        report("INVALID_ARN_ACCOUNT",
                "the account " + quoted(account) + " of " + quoted(text)
                        + " is not a 12-digit account id: write one such as 111122223333, * for "
                          "any account, or a policy variable");

    // What the formats of the service's resource types say of the other components.
    if (isOpen(service))
        return;
    const auto &index = formatsByService(context.catalog);
    const auto found = index.find(toAsciiLowercase(service));
    if (found == index.end())
        return; // no documented resource types: nothing to compare with
    bool fits = false;
    bool someNeedRegion = false, allNeedRegion = true, someTakeAccount = false;
    std::string_view example;
    const std::string_view start = literalStart(resource, "*?$");
    for (const Format &format : found->second) {
        if (!mayMatch(start, format.literalStart)
                || !resourcePartMatchesArnFormat(resource, format.text))
            continue;
        if (!fits)
            example = format.text;
        fits = true;
        someNeedRegion = someNeedRegion || format.region;
        allNeedRegion = allNeedRegion && format.region;
        someTakeAccount = someTakeAccount || format.account;
    }
    if (!fits) {
        if (!resourceMismatchJudges(context, s))
            report("INVALID_ARN_RESOURCE",
                    "the resource part " + quoted(resource) + " of " + quoted(text)
                            + " fits no resource type of " + std::string(service)
                            + ", so it names nothing: check it against the formats in the "
                              "Service Authorization Reference (e.g. "
                            + std::string(found->second.front().text) + ")");
        return;
    }
    if (region.empty() && allNeedRegion)
        report("MISSING_ARN_REGION",
                quoted(text) + " has no region, but " + std::string(service)
                        + " ARNs like it hold one (" + std::string(example)
                        + "): write the region, or * for any");
    else if (!region.empty() && !isOpen(region) && !someNeedRegion)
        report("ARN_REGION_NOT_ALLOWED",
                std::string(service) + " ARNs like " + quoted(text) + " hold no region ("
                        + std::string(example) + "): remove " + quoted(region));
    if (!account.empty() && !isOpen(account) && !someTakeAccount)
        report("ARN_ACCOUNT_NOT_ALLOWED",
                std::string(service) + " ARNs like " + quoted(text) + " hold no account ("
                        + std::string(example) + "): remove " + quoted(account));
}

// True when `text` names every resource the actions `actions` (all of one service, the ARN's)
// act on: service, region and account wildcards (or empty where no ARN of theirs has one), and
// a resource part of only `*`.
bool coversEveryResource(
        Context &context, std::string_view text, const std::vector<const CatalogAction *> *actions)
{
    const auto parts = splitOutsideVariables(text, ':', 6);
    if (parts.size() < 2 || parts[0] != "arn" || !isAllStars(parts.back()))
        return false;
    if (parts.size() < 6) // `arn:*`, `arn:aws:*`: padded with `*` (MISSING_ARN_FIELD says so)
        return std::all_of(parts.begin() + 2, parts.end(), isAllStars)
                && (parts.size() == 2 || isAllStars(parts[1]) || isKnownPartition(parts[1]));
    if (isAllStars(parts[2]))
        return isAllStars(parts[3]) && isAllStars(parts[4]);
    if (!actions || actions->empty() || isOpen(parts[2]))
        return false;
    bool anyRegion = false, anyAccount = false;
    for (const CatalogAction *action : *actions) {
        if (!asciiEqualsIgnoreCase(context.catalog.services()[action->service].prefix, parts[2]))
            return false;
        for (const auto &resourceType : action->resourceTypes) {
            if (!resourceType.type)
                return false;
            for (const std::string_view format : resourceType.type->arnFormats) {
                const auto formatParts = splitArnComponents(format);
                if (!formatParts || !asciiEqualsIgnoreCase(formatParts->service, parts[2]))
                    return false;
                anyRegion = anyRegion || !formatParts->region.empty();
                anyAccount = anyAccount || !formatParts->account.empty();
            }
        }
    }
    const auto open = [](std::string_view part, bool used) {
        return isAllStars(part) || (part.empty() && !used);
    };
    return open(parts[3], anyRegion) && open(parts[4], anyAccount);
}

// A condition that narrows the resources (`aws:ResourceTag/...`, `aws:ResourceAccount`, a
// service's own keys): with it, `*` is how such a statement is meant to be written.
bool narrowsResources(const StatementNode &statement)
{
    return std::any_of(
            statement.conditions.begin(), statement.conditions.end(), [](const ConditionEntry &c) {
                const std::string_view key = c.key->key;
                return !startsWithIgnoreCase(key, "aws:")
                        || startsWithIgnoreCase(key, "aws:Resource");
            });
}

void checkBroadResources(Context &context, size_t s)
{
    const StatementNode &statement = context.statements[s];
    if (!statement.isAllow() || statement.notResource || statement.notAction
            || !context.actionsKnown(s))
        return;
    const auto &actions = context.actionUnion(s);
    if (actions.empty())
        return;
    // RESOURCE_STAR: every action can be granted on ARNs of its resource types (when it lists
    // several, as s3:GetObject does objects and access point objects, none is "required").
    const bool allTakeArns = std::all_of(actions.begin(), actions.end(), [](const auto *action) {
        return !action->resourceTypes.empty()
                && std::all_of(action->resourceTypes.begin(), action->resourceTypes.end(),
                        [](const CatalogActionResource &r) { return r.type != nullptr; });
    });
    // iam:PassRole and iam:CreateServiceLinkedRole on `*` have checks of their own, louder.
    const bool ownCheck = std::any_of(actions.begin(), actions.end(), [](const auto *action) {
        return action->fullName == "iam:PassRole"
                || action->fullName == "iam:CreateServiceLinkedRole";
    });
    const bool narrowed = narrowsResources(statement);
    for (const Entry &entry : statement.resources) {
        if (entry.text() == "*") {
            if (!allTakeArns || narrowed || ownCheck)
                continue;
            // An example ARN: the plainest (shortest) format among the first action's required
            // types, else among all its types (s3:GetObject: the object, not the access
            // point's object).
            const CatalogActionResource *shown = nullptr;
            const auto length = [](const CatalogActionResource *r) {
                return r->type->arnFormats.empty() ? size_t(-1)
                                                   : r->type->arnFormats.front().size();
            };
            const auto &types = actions.front()->resourceTypes;
            const bool anyRequired = std::any_of(types.begin(), types.end(),
                    [](const CatalogActionResource &r) { return r.required && r.type; });
            for (const auto &r : types)
                if (r.type && (r.required || !anyRequired)
                        && (!shown || length(&r) < length(shown)))
                    shown = &r;
            const std::string what = actions.size() == 1
                    ? std::string(actions.front()->fullName)
                    : "the statement's " + std::to_string(actions.size()) + " actions";
            const std::string example = shown && !shown->type->arnFormats.empty()
                    ? " (" + std::string(actions.front()->fullName) + ": "
                            + arnTemplate(shown->type->arnFormats.front()) + ")"
                    : std::string();
            context.report("RESOURCE_STAR", entry.pointer,
                    "\"*\" grants " + what + " on every resource, though "
                            + (actions.size() == 1 ? "it acts" : "they act") + " on named resources"
                            + example + ": list the ARNs the statement needs",
                    *entry.value);
        } else if (!narrowed && coversEveryResource(context, entry.text(), &actions)) {
            context.report("RESOURCE_EFFECTIVELY_STAR", entry.pointer,
                    quoted(entry.text())
                            + " matches every resource the statement's actions act on, as "
                              "\"*\" does: name the resources the statement needs",
                    *entry.value);
        }
    }
}

} // namespace

void checkArns(Context &context)
{
    for (size_t s = 0; s < context.statements.size(); ++s) {
        for (const Entry &entry : context.statements[s].resources)
            if (entry.text() != "*")
                checkComponents(context, s, entry);
        // Only a principal's own policies grant by Resource: a boundary, SCP or RCP only caps,
        // and a resource policy's `*` is the resource itself.
        if (context.type == ValidationPolicyType::Identity)
            checkBroadResources(context, s);
    }
    checkResourcePolicyService(context);
}

} // namespace iamx::validation
