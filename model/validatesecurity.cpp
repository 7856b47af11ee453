// The validator's checks of statements that work but grant too much: Allow with NotAction or
// NotResource, iam:PassRole and iam:CreateServiceLinkedRole on every resource, public and
// unrestricted service principals, GitHub OIDC trust without a repository condition, and
// NotAction statements whose tag condition many services never set.

#include "model/casefold.h"
#include "model/patternrelations.h"
#include "model/validationcontext.h"

#include <algorithm>

namespace iamx::validation {
namespace {

bool hasWildcard(std::string_view text)
{
    return text.find_first_of("*?") != std::string_view::npos;
}

// A resource entry that stands for every role (or everything): `*`, `arn:aws:iam::*:role/*`.
bool isStarResource(std::string_view text)
{
    if (text == "*")
        return true;
    const auto parts = arnComponents(text);
    return parts.size() == 6 && (parts[5] == "*" || parts[5] == "role/*");
}

struct SensitiveAction
{
    std::string_view action; ///< `iam:PassRole`
    std::string_view prefix; ///< code prefix: `PASS_ROLE` or `CREATE_SLR`
    std::string_view restrictingKey; ///< a condition on it limits the grant enough
    std::string_view advice;
};

constexpr SensitiveAction sensitiveActions[] = {
    { "iam:PassRole", "PASS_ROLE", "iam:PassedToService",
            "name the roles in Resource, or limit the services with iam:PassedToService" },
    { "iam:CreateServiceLinkedRole", "CREATE_SLR", "iam:AWSServiceName",
            "limit the services with the iam:AWSServiceName condition key" },
};

void checkSensitiveAction(
        Context &context, const StatementNode &statement, const SensitiveAction &sensitive)
{
    if (!statement.isAllow() || !statement.action || !statement.resource
            || statement.hasConditionKey(sensitive.restrictingKey))
        return;
    const Entry *granting = nullptr; // the Action entry that grants it
    if (statement.notAction) {
        for (const Entry &entry : statement.actions)
            if (actionPatternMatches(entry.text(), sensitive.action))
                return; // excluded
    } else {
        for (const Entry &entry : statement.actions)
            if (actionPatternMatches(entry.text(), sensitive.action)) {
                granting = &entry;
                if (hasWildcard(entry.text()))
                    break;
            }
        if (!granting)
            return;
    }
    const bool starAction = granting && hasWildcard(granting->text());
    std::string code(sensitive.prefix);
    std::string what;
    if (statement.notResource) {
        code += statement.notAction ? "_WITH_NOTACTION_AND_NOTRESOURCE"
                : starAction        ? "_WITH_STAR_IN_ACTION_AND_NOTRESOURCE"
                                    : "_WITH_NOTRESOURCE";
        what = "with NotResource";
    } else {
        const bool star = std::any_of(statement.resources.begin(), statement.resources.end(),
                [](const Entry &e) { return isStarResource(e.text()); });
        if (!star)
            return;
        code += statement.notAction ? "_WITH_STAR_IN_RESOURCE_AND_NOTACTION"
                : starAction        ? "_WITH_STAR_IN_ACTION_AND_RESOURCE"
                                    : "_WITH_STAR_IN_RESOURCE";
        what = "on every resource";
    }
    const std::string subject = statement.notAction
            ? "NotAction leaves " + std::string(sensitive.action)
            : starAction ? "\"" + granting->text() + "\" includes " + std::string(sensitive.action)
                         : std::string(sensitive.action);
    const std::string pointer = granting ? granting->pointer : statement.pointer + "/NotAction";
    const json::Value &at = granting ? *granting->value : statement.action->value;
    context.report(code, pointer,
            subject + ", allowed " + what + ": " + std::string(sensitive.advice), at);
}

bool isEveryone(const json::Value &principal)
{
    if (principal.isString())
        return principal.text == "*";
    if (!principal.isObject())
        return false;
    const json::Value *aws = principal.find("AWS");
    if (!aws)
        return false;
    if (aws->isString())
        return aws->text == "*";
    return aws->isArray()
            && std::any_of(aws->items.begin(), aws->items.end(),
                    [](const json::Value &v) { return v.isString() && v.text == "*"; });
}

bool namesGitHub(const json::Value &federated)
{
    const auto isGitHub = [](const json::Value &v) {
        return v.isString()
                && v.text.find("token.actions.githubusercontent.com") != std::string::npos;
    };
    if (federated.isString())
        return isGitHub(federated);
    return federated.isArray()
            && std::any_of(federated.items.begin(), federated.items.end(), isGitHub);
}

// The documented services with an action that statement `s`'s NotAction leaves, none of whose
// left actions supports the tag key `key`.
std::vector<std::string_view> servicesIgnoringKey(
        const Context &context, size_t s, std::string_view key)
{
    const auto &expansions = context.expansions[s];
    const auto excluded = [&](const CatalogAction *action) {
        return std::any_of(expansions.begin(), expansions.end(), [action](const Expansion &e) {
            return e.all || std::binary_search(e.actions.begin(), e.actions.end(), action);
        });
    };
    std::vector<std::string_view> ignoring;
    for (const CatalogService &service : context.catalog.services()) {
        if (service.undocumented)
            continue;
        bool left = false;
        bool supported = false;
        for (const CatalogAction &action : service.actions) {
            if (excluded(&action))
                continue;
            left = true;
            if (context.catalog.actionSupportsConditionKey(action, key)) {
                supported = true;
                break;
            }
        }
        if (left && !supported)
            ignoring.push_back(service.prefix);
    }
    return ignoring;
}

// The NotAction variants of the *_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE checks
// (validateconditions.cpp makes the Action ones): NotAction leaves whole services whose
// actions never carry the tag key, so for them the condition works on a missing key.
void checkNotActionTagKeys(Context &context, size_t s)
{
    const StatementNode &statement = context.statements[s];
    if (!statement.action || !statement.notAction || statement.conditions.empty()
            || (!statement.isAllow() && !statement.isDeny()))
        return;
    for (const ConditionEntry &condition : statement.conditions) {
        const std::string &key = condition.key->key;
        const CatalogConditionKey *known = context.catalog.findConditionKey(key);
        if (!condition.op || !known || !known->global || !isTagKey(key))
            continue;
        const auto ignoring = servicesIgnoringKey(context, s, key);
        if (ignoring.empty())
            continue;
        std::string services;
        for (size_t i = 0; i < ignoring.size() && i < 3; ++i)
            services += (i ? ", " : "") + std::string(ignoring[i]);
        if (ignoring.size() > 3)
            services += " and " + std::to_string(ignoring.size() - 3) + " more";
        const std::string subject = "NotAction leaves actions of " + std::to_string(ignoring.size())
                + (ignoring.size() == 1 ? " service (" : " services (") + services
                + ") none of which supports \"" + key + "\"";
        if (statement.isDeny())
            context.reportKey("DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
                    condition.pointer,
                    subject
                            + ": for them the key is absent, so this Deny may never apply; "
                              "list the actions to deny in Action, with a key they support",
                    *condition.key);
        else
            context.reportKey("ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
                    condition.pointer,
                    subject
                            + ": for them the condition does not work as written; list the "
                              "actions to allow in Action instead",
                    *condition.key);
    }
}

} // namespace

/// SENSITIVE_ACCESS: an Allow whose resources reach one the user called sensitive.
void checkSensitiveResources(Context &context, const StatementNode &statement)
{
    if (context.sensitiveResources.empty() || !statement.isAllow() || !statement.resource)
        return;
    const auto firstReached = [&](const auto &reaches) -> const std::string * {
        for (const std::string &sensitive : context.sensitiveResources)
            if (reaches(sensitive))
                return &sensitive;
        return nullptr;
    };
    if (statement.notResource) {
        // What NotResource leaves reaches a sensitive resource unless an entry covers it all.
        const std::string *reached = firstReached([&](const std::string &sensitive) {
            return std::none_of(statement.resources.begin(), statement.resources.end(),
                    [&](const Entry &e) { return resourcePatternCovers(e.text(), sensitive); });
        });
        if (reached)
            context.reportKey("SENSITIVE_ACCESS", statement.pointer + "/NotResource",
                    "NotResource leaves the sensitive resource " + *reached
                            + " allowed: list it in NotResource, or allow named resources",
                    *statement.resource);
        return;
    }
    for (const Entry &entry : statement.resources) {
        const std::string *reached = firstReached([&](const std::string &sensitive) {
            return resourcePatternsOverlap(entry.text(), sensitive);
        });
        if (reached)
            context.report("SENSITIVE_ACCESS", entry.pointer,
                    "\"" + entry.text() + "\" reaches the sensitive resource " + *reached
                            + ": make sure this statement is meant to grant it",
                    *entry.value);
    }
}

void checkSecurity(Context &context)
{
    for (size_t s = 0; s < context.statements.size(); ++s)
        checkNotActionTagKeys(context, s);
    const bool resourcePolicy = context.type == ValidationPolicyType::Resource
            || context.type == ValidationPolicyType::Trust;
    // SCPs, RCPs and boundaries grant nothing themselves: what they allow is only a ceiling.
    const bool grants = context.type != ValidationPolicyType::ServiceControl
            && context.type != ValidationPolicyType::ResourceControl
            && context.type != ValidationPolicyType::PermissionsBoundary;
    for (const StatementNode &statement : context.statements) {
        if (!grants)
            break;
        if (statement.isAllow() && statement.action && statement.notAction)
            context.reportKey("ALLOW_WITH_NOT_ACTION", statement.pointer + "/NotAction",
                    "Allow with NotAction grants every action not listed, including those AWS "
                    "adds later: list the actions to allow in Action instead",
                    *statement.action);
        if (statement.isAllow() && statement.resource && statement.notResource)
            context.reportKey("ALLOW_WITH_NOT_RESOURCE", statement.pointer + "/NotResource",
                    "Allow with NotResource grants every resource not listed, including those "
                    "created later: list the resources to allow in Resource instead",
                    *statement.resource);
        for (const SensitiveAction &sensitive : sensitiveActions)
            checkSensitiveAction(context, statement, sensitive);
        checkSensitiveResources(context, statement);

        if (!resourcePolicy || !statement.isAllow() || !statement.principal
                || statement.notPrincipal)
            continue;
        const json::Value &principal = statement.principal->value;
        const std::string principalPointer = statement.pointer + "/Principal";
        const bool conditioned = !statement.conditions.empty();
        if (isEveryone(principal) && !conditioned)
            context.report("ALLOW_WITH_PUBLIC_PRINCIPAL", principalPointer,
                    "Principal \"*\" without a Condition allows anyone, anonymous callers "
                    "included: name the principals, or add a condition such as "
                    "aws:PrincipalOrgID or aws:SourceAccount",
                    principal);
        if (!principal.isObject())
            continue;
        if (const json::Value *service = principal.find("Service"); service
                && context.type == ValidationPolicyType::Resource
                && !statement.hasConditionKey("aws:SourceArn")
                && !statement.hasConditionKey("aws:SourceAccount")
                && !statement.hasConditionKey("aws:SourceOrgID")
                && !statement.hasConditionKey("aws:SourceOrgPaths"))
            context.report("RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL", principalPointer + "/Service",
                    "a service principal acts for every AWS customer: limit it to your "
                    "resources with aws:SourceArn or aws:SourceAccount (confused deputy)",
                    *service);
        if (const json::Value *federated = principal.find("Federated"); federated
                && namesGitHub(*federated)
                && !statement.hasConditionKey("token.actions.githubusercontent.com:sub"))
            context.report("MISSING_GITHUB_REPO_CONDITION_KEY", principalPointer + "/Federated",
                    "without a token.actions.githubusercontent.com:sub condition every GitHub "
                    "repository can assume the role: add StringLike \"repo:OWNER/REPO:*\"",
                    *federated);
    }
}

} // namespace iamx::validation
