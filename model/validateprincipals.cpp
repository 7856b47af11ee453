// The validator's checks of the Principal element and of role trust policies: what a trust
// policy may hold, the form of service and federated principals, which principal may call which
// sts action, and the conditions that OIDC and service principals need to be safe and to work.

#include "model/casefold.h"
#include "model/principalarn.h"
#include "model/validationcontext.h"

#include <algorithm>
#include <iterator>
#include <span>

namespace iamx::validation {
namespace {

constexpr std::string_view trustActions[] = { "sts:AssumeRole", "sts:AssumeRoleWithSAML",
    "sts:AssumeRoleWithWebIdentity", "sts:TagSession", "sts:SetSourceIdentity", "sts:SetContext" };

// The identity providers a trust policy may name by domain instead of by provider ARN
// (IAM User Guide, "Federated principals": the four Parliament also knows, and Cognito's
// domain in the China partitions).
constexpr std::string_view builtInProviders[] = { "cognito-identity.amazonaws.com",
    "cognito-identity.amazonaws.com.cn", "accounts.google.com", "graph.facebook.com",
    "www.amazon.com" };

// What IAM Roles Anywhere calls on the role when it hands out credentials.
constexpr std::string_view rolesAnywhereActions[] = { "sts:AssumeRole", "sts:TagSession",
    "sts:SetSourceIdentity" };

// Principal keys a request from a service principal never carries: a service has no ARN,
// account, organization, tags or user id (aws:PrincipalIsAWSService and aws:PrincipalServiceName
// are the principal keys it does carry).
bool absentForServicePrincipal(const CatalogConditionKey &key)
{
    return key.global && key.category == "principal"
            && !asciiEqualsIgnoreCase(key.name, "aws:PrincipalIsAWSService")
            && !asciiEqualsIgnoreCase(key.name, "aws:PrincipalServiceName")
            && !asciiEqualsIgnoreCase(key.name, "aws:PrincipalServiceNamesList");
}

// The keys that limit a service principal to your resources (the confused deputy guard).
constexpr std::string_view sourceKeys[] = { "aws:SourceArn", "aws:SourceAccount", "aws:SourceOrgID",
    "aws:SourceOrgPaths" };

// Keys people use to pin a service principal's requests that do not name the resource the
// service acts for: Access Analyzer recommends a source key instead of them.
constexpr std::string_view weakSourceKeys[] = { "aws:Referer", "aws:SourceOwner", "aws:SourceIp",
    "aws:SourceVpc", "aws:SourceVpce", "aws:UserAgent" };

// Condition keys whose values are service principals (`ec2.amazonaws.com`).
constexpr std::string_view servicePrincipalKeys[] = { "aws:PrincipalServiceName",
    "aws:PrincipalServiceNamesList", "aws:CalledVia", "aws:CalledViaFirst", "aws:CalledViaLast",
    "iam:AWSServiceName", "iam:PassedToService", "kms:ViaService" };

bool isAnyOf(std::string_view text, std::span<const std::string_view> names)
{
    return std::any_of(names.begin(), names.end(),
            [text](std::string_view name) { return asciiEqualsIgnoreCase(text, name); });
}

bool hasWildcard(std::string_view text)
{
    return text.find_first_of("*?") != std::string_view::npos;
}

bool startsWithIgnoreCase(std::string_view text, std::string_view prefix)
{
    return text.size() >= prefix.size()
            && asciiEqualsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

// `name.amazonaws.com` and the other partitions' domains, in lower case: one or more DNS labels
// before the domain (`ec2`, `delivery.logs`, `ssm.us-east-1` for kms:ViaService).
bool isServicePrincipalName(std::string_view text)
{
    constexpr std::string_view domains[] = { ".amazonaws.com", ".amazonaws.com.cn", ".amazon.com",
        ".amazonaws.eu", ".c2s.ic.gov", ".sc2s.sgov.gov" };
    const auto domain = std::find_if(std::begin(domains), std::end(domains),
            [text](std::string_view d) { return text.ends_with(d) && text.size() > d.size(); });
    if (domain == std::end(domains))
        return false;
    const std::string_view labels = text.substr(0, text.size() - domain->size());
    size_t start = 0;
    while (start <= labels.size()) {
        const size_t dot = std::min(labels.find('.', start), labels.size());
        const std::string_view label = labels.substr(start, dot - start);
        const bool ok = !label.empty() && label.front() != '-' && label.back() != '-'
                && std::all_of(label.begin(), label.end(), [](char c) {
                       return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
                   });
        if (!ok)
            return false;
        start = dot + 1;
    }
    return true;
}

/// A Federated principal: a SAML provider, an OIDC provider, or neither.
struct Provider
{
    enum class Kind { Saml, Oidc, Unknown };
    Kind kind = Kind::Unknown;
    std::string keyPrefix; ///< OIDC: what its condition keys start with, `accounts.google.com`
};

Provider classifyProvider(std::string_view text)
{
    if (const auto arn = parsePrincipalArn(text)) {
        if (arn->kind == PrincipalArn::Kind::SamlProvider)
            return { Provider::Kind::Saml, {} };
        if (arn->kind == PrincipalArn::Kind::OidcProvider)
            return { Provider::Kind::Oidc, arn->name };
    }
    if (isAnyOf(text, builtInProviders))
        return { Provider::Kind::Oidc, std::string(text) };
    return {};
}

bool isGitHub(const Provider &provider)
{
    return startsWithIgnoreCase(provider.keyPrefix, "token.actions.githubusercontent.com");
}

/// The string entries of a Principal or NotPrincipal object, by principal type.
struct Principals
{
    bool everyone = false; ///< `"*"` or `{"AWS": "*"}`
    const json::Member *federatedMember = nullptr;
    std::string federatedPointer;
    std::vector<Entry> aws, service, federated;
    size_t others = 0; ///< CanonicalUser and unknown types' entries

    bool onlyServices() const
    {
        return !everyone && !service.empty() && aws.empty() && federated.empty() && others == 0;
    }
};

std::vector<Entry> entriesOf(const json::Value &value, const std::string &pointer)
{
    std::vector<Entry> entries;
    if (value.isString())
        entries.push_back({ &value, pointer });
    else if (value.isArray())
        for (size_t i = 0; i < value.items.size(); ++i)
            if (value.items[i].isString())
                entries.push_back({ &value.items[i], pointer + "/" + std::to_string(i) });
    return entries;
}

Principals readPrincipals(const StatementNode &statement)
{
    Principals principals;
    const json::Value &value = statement.principal->value;
    if (value.isString()) {
        principals.everyone = value.text == "*";
        return principals;
    }
    if (!value.isObject())
        return principals;
    const std::string pointer = statement.pointer + "/" + statement.principal->key;
    for (const json::Member &member : value.members) {
        const std::string memberPointer = pointer + "/" + json::escapePointerToken(member.key);
        std::vector<Entry> entries = entriesOf(member.value, memberPointer);
        if (member.key == "AWS") {
            principals.everyone = principals.everyone
                    || std::any_of(entries.begin(), entries.end(),
                            [](const Entry &e) { return e.text() == "*"; });
            std::move(entries.begin(), entries.end(), std::back_inserter(principals.aws));
        } else if (member.key == "Service") {
            std::move(entries.begin(), entries.end(), std::back_inserter(principals.service));
        } else if (member.key == "Federated") {
            if (!principals.federatedMember) {
                principals.federatedMember = &member;
                principals.federatedPointer = memberPointer;
            }
            std::move(entries.begin(), entries.end(), std::back_inserter(principals.federated));
        } else {
            principals.others += entries.size();
        }
    }
    return principals;
}

// Service and Federated values: wildcards, and the forms AWS accepts. (AWS values are the
// parser's: it reports their wildcards and formats.)
void checkPrincipalValues(Context &context, const Principals &principals)
{
    const bool trust = context.type == ValidationPolicyType::Trust;
    const std::string_view wildcardCode = trust
            ? "ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL"
            : "UNSUPPORTED_WILDCARD_IN_PRINCIPAL";
    for (const Entry &entry : principals.service) {
        const std::string &text = entry.text();
        if (hasWildcard(text))
            context.report(wildcardCode, entry.pointer,
                    "a service principal takes no wildcard: \"" + text
                            + "\" matches no service; name each service, e.g. "
                              "\"ec2.amazonaws.com\"",
                    *entry.value);
        else if (!isServicePrincipalName(text))
            context.report("INVALID_SERVICE_PRINCIPAL_FORMAT", entry.pointer,
                    "\"" + text
                            + "\" is not a service principal: write the service's name in "
                              "lower case followed by .amazonaws.com, e.g. \"ec2.amazonaws.com\"",
                    *entry.value);
    }
    if (!principals.federatedMember)
        return;
    if (!trust) {
        context.reportKey("FEDERATED_PRINCIPAL_NOT_SUPPORTED", principals.federatedPointer,
                "only a role's trust policy can name an identity provider: federated users "
                "reach this resource through a role, so name that role under \"AWS\"",
                *principals.federatedMember);
        return;
    }
    for (const Entry &entry : principals.federated) {
        const std::string &text = entry.text();
        if (hasWildcard(text))
            context.report(wildcardCode, entry.pointer,
                    "an identity provider takes no wildcard: \"" + text
                            + "\" matches no provider; name the provider's ARN",
                    *entry.value);
        else if (classifyProvider(text).kind == Provider::Kind::Unknown)
            context.report("INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY", entry.pointer,
                    "\"" + text
                            + "\" is no identity provider: name a provider of the account, "
                              "arn:aws:iam::ACCOUNT:saml-provider/NAME or "
                              "arn:aws:iam::ACCOUNT:oidc-provider/HOST, or one of "
                              "cognito-identity.amazonaws.com, accounts.google.com, "
                              "graph.facebook.com, www.amazon.com",
                    *entry.value);
    }
}

// Keys a service principal's request never has, and keys weaker than a source key.
void checkServicePrincipalConditions(
        Context &context, const StatementNode &statement, const Principals &principals)
{
    if (!principals.onlyServices())
        return;
    const bool sourceNamed = std::any_of(std::begin(sourceKeys), std::end(sourceKeys),
            [&](std::string_view key) { return statement.hasConditionKey(key); });
    const std::string services = principals.service.size() == 1
            ? "\"" + principals.service.front().text() + "\""
            : std::string("the services named");
    for (const ConditionEntry &condition : statement.conditions) {
        if (!condition.op || condition.op->base == BaseOperator::Null)
            continue;
        const std::string &name = condition.key->key;
        const CatalogConditionKey *key = context.catalog.findGlobalConditionKey(name);
        // An absent key makes negated, IfExists and ForAllValues conditions true, others false.
        const bool alwaysTrue = isNegated(condition.op->base) || condition.op->ifExists
                || condition.op->qualifier == SetQualifier::ForAllValues;
        if (key && absentForServicePrincipal(*key))
            context.reportKey("UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL", condition.pointer,
                    "a request from " + services + " never carries \"" + name
                            + "\", so the condition "
                            + (alwaysTrue ? "is always true" : "never matches")
                            + ": limit the service with aws:SourceArn or aws:SourceAccount "
                              "instead",
                    *condition.key);
        else if (!sourceNamed && context.type == ValidationPolicyType::Resource
                && statement.isAllow() && isAnyOf(name, weakSourceKeys))
            context.reportKey("RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL", condition.pointer,
                    "\"" + name + "\" does not say for whose resource " + services
                            + " acts: use aws:SourceArn, aws:SourceAccount, aws:SourceOrgID or "
                              "aws:SourceOrgPaths instead",
                    *condition.key);
    }
}

// Condition values that name services (iam:PassedToService...) must be service principals.
void checkServiceNameValues(Context &context, const StatementNode &statement)
{
    for (const ConditionEntry &condition : statement.conditions) {
        if (!condition.op || !isAnyOf(condition.key->key, servicePrincipalKeys))
            continue;
        const OperatorFamily family = operatorFamily(condition.op->base);
        if (family != OperatorFamily::String && family != OperatorFamily::StringLike
                && family != OperatorFamily::StringIgnoreCase)
            continue; // the type checks report other operators
        for (const Entry &value : condition.values) {
            if (!value.value->isString())
                continue;
            const std::string &text = value.text();
            const bool pattern = family == OperatorFamily::StringLike && hasWildcard(text);
            if (pattern || text.find("${") != std::string::npos || isServicePrincipalName(text))
                continue;
            context.report("INVALID_SERVICE_PRINCIPAL_FORMAT", value.pointer,
                    "\"" + condition.key->key + "\" holds service principals, which \"" + text
                            + "\" is not: write the service's name in lower case followed by "
                              ".amazonaws.com, e.g. \"ec2.amazonaws.com\"",
                    *value.value);
        }
    }
}

// Which principal may call which sts action: SAML providers AssumeRoleWithSAML, OIDC providers
// AssumeRoleWithWebIdentity, accounts, roles, users and services AssumeRole.
void checkActionForPrincipal(
        Context &context, const StatementNode &statement, const Principals &principals)
{
    if (principals.everyone || statement.notAction || statement.notPrincipal)
        return;
    bool saml = false;
    bool oidc = false;
    for (const Entry &entry : principals.federated) {
        const Provider provider = classifyProvider(entry.text());
        if (provider.kind == Provider::Kind::Unknown)
            return; // reported as an invalid provider; which action it needs is unknown
        saml = saml || provider.kind == Provider::Kind::Saml;
        oidc = oidc || provider.kind == Provider::Kind::Oidc;
    }
    const bool callers = !principals.aws.empty() || !principals.service.empty();
    for (const Entry &entry : statement.actions) {
        const std::string &text = entry.text();
        std::string needs;
        if (asciiEqualsIgnoreCase(text, "sts:AssumeRoleWithSAML") && !saml)
            needs = "is called by a SAML provider's users: name the provider in Principal as "
                    "{\"Federated\": \"arn:aws:iam::ACCOUNT:saml-provider/NAME\"}";
        else if (asciiEqualsIgnoreCase(text, "sts:AssumeRoleWithWebIdentity") && !oidc)
            needs = "is called by an OIDC provider's users: name the provider in Principal as "
                    "{\"Federated\": \"arn:aws:iam::ACCOUNT:oidc-provider/HOST\"}";
        else if (asciiEqualsIgnoreCase(text, "sts:AssumeRole") && !callers && (saml || oidc))
            needs = std::string("is called by accounts, roles, users and services, not by "
                                "an identity provider's users: use ")
                    + (saml ? "sts:AssumeRoleWithSAML" : "sts:AssumeRoleWithWebIdentity");
        if (!needs.empty())
            context.report("MISMATCHED_ACTION_FOR_PRINCIPAL", entry.pointer,
                    "\"" + text + "\" " + needs, *entry.value);
    }
}

// What a trust policy may hold: no Resource, no NotPrincipal, only sts actions.
void checkTrustElements(Context &context, const StatementNode &statement)
{
    if (statement.resource)
        context.reportKey("ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE",
                statement.pointer + "/" + statement.resource->key,
                "a trust policy has no " + statement.resource->key
                        + ": the role itself is the resource; remove the element",
                *statement.resource);
    if (statement.principal && statement.notPrincipal)
        context.reportKey("ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL",
                statement.pointer + "/NotPrincipal",
                "a trust policy cannot use NotPrincipal: name who may assume the role in "
                "Principal",
                *statement.principal);
    if (statement.notAction)
        return;
    for (const Entry &entry : statement.actions) {
        const std::string &text = entry.text();
        if (text.find(':') == std::string::npos)
            continue; // `*`, or malformed: reported elsewhere
        const bool trustAction = std::any_of(std::begin(trustActions), std::end(trustActions),
                [&](std::string_view action) { return actionPatternMatches(text, action); });
        if (!trustAction)
            context.report("ROLE_TRUST_POLICY_UNSUPPORTED_ACTION", entry.pointer,
                    "\"" + text
                            + "\" is not an action of a trust policy: use sts:AssumeRole (or "
                              "AssumeRoleWithSAML, AssumeRoleWithWebIdentity, TagSession, "
                              "SetSourceIdentity, SetContext)",
                    *entry.value);
    }
}

// The same principal twice, or a role session next to its role (the role covers its sessions).
void checkRedundantPrincipals(Context &context, const Principals &principals)
{
    const auto duplicates = [&](const std::vector<Entry> &entries, std::string_view kind) {
        for (size_t i = 1; i < entries.size(); ++i)
            for (size_t j = 0; j < i; ++j)
                if (entries[i].text() == entries[j].text()) {
                    context.report("REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY", entries[i].pointer,
                            "the " + std::string(kind) + " principal \"" + entries[i].text()
                                    + "\" is named twice: remove this one",
                            *entries[i].value);
                    break;
                }
    };
    duplicates(principals.aws, "AWS");
    duplicates(principals.service, "service");
    duplicates(principals.federated, "federated");

    std::vector<PrincipalArn> roles;
    for (const Entry &entry : principals.aws)
        if (auto arn = parsePrincipalArn(entry.text());
                arn && arn->kind == PrincipalArn::Kind::Role)
            roles.push_back(std::move(*arn));
    if (roles.empty())
        return;
    for (const Entry &entry : principals.aws) {
        const auto session = parsePrincipalArn(entry.text());
        if (!session || session->kind != PrincipalArn::Kind::AssumedRole)
            continue;
        const auto parent = std::find_if(roles.begin(), roles.end(), [&](const PrincipalArn &r) {
            return r.partition == session->partition && r.account == session->account
                    && r.name == session->name;
        });
        if (parent != roles.end())
            context.report("REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY", entry.pointer,
                    "the role session \"" + entry.text() + "\" is covered by its role \""
                            + parent->name + "\", also named: remove the session",
                    *entry.value);
    }
}

// OIDC trust: a condition on the provider's claims, GitHub subjects without wildcards, and
// audiences compared as the single value they are.
void checkOidcConditions(
        Context &context, const StatementNode &statement, const Principals &principals)
{
    if (statement.isAllow() && !statement.notPrincipal)
        for (const Entry &entry : principals.federated) {
            const Provider provider = classifyProvider(entry.text());
            if (provider.kind != Provider::Kind::Oidc || isGitHub(provider))
                continue; // GitHub: MISSING_GITHUB_REPO_CONDITION_KEY (validatesecurity.cpp)
            // Cognito's other claims (amr) hold for every identity pool of every account: only
            // the audience names yours.
            const bool cognito = startsWithIgnoreCase(provider.keyPrefix, "cognito-identity.");
            const std::string prefix = provider.keyPrefix + ":";
            const bool conditioned = std::any_of(statement.conditions.begin(),
                    statement.conditions.end(), [&](const ConditionEntry &c) {
                        const std::string &key = c.key->key;
                        return cognito ? asciiEqualsIgnoreCase(key, prefix + "aud")
                                       : startsWithIgnoreCase(key, prefix);
                    });
            if (!conditioned)
                context.report("MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL", entry.pointer,
                        "without a condition on \"" + prefix
                                + (cognito ? "aud\" every identity pool" : "...\" every user")
                                + " of this provider can assume the role: add e.g. "
                                  "StringEquals \""
                                + prefix + "aud\" with your client or pool id",
                        *entry.value);
        }

    for (const ConditionEntry &condition : statement.conditions) {
        if (!condition.op)
            continue;
        const std::string &key = condition.key->key;
        const size_t colon = key.rfind(':');
        if (colon == std::string::npos
                || key.substr(0, colon).find_first_of("./") == std::string::npos)
            continue; // not an identity provider's key
        const std::string_view claim = std::string_view(key).substr(colon + 1);
        if (claim == "aud" && condition.op->qualifier != SetQualifier::None)
            context.report("CONFIRM_AUDIENCE_CLAIM_TYPE", condition.blockPointer,
                    "\"" + key
                            + "\" is the token's audience, a single value for Cognito, Google, "
                              "GitHub and EKS: drop the qualifier ("
                            + std::string(baseOperatorName(condition.op->base))
                            + "), unless your provider issues several audiences",
                    condition.block->keyOffset, condition.block->keyLength);
        if (claim != "sub" || !startsWithIgnoreCase(key, "token.actions.githubusercontent.com")
                || operatorFamily(condition.op->base) != OperatorFamily::StringLike
                || isNegated(condition.op->base))
            continue;
        const bool refCondition = statement.hasConditionKey(key.substr(0, colon) + ":ref");
        for (const Entry &value : condition.values) {
            const std::string_view text = value.text();
            if (!value.value->isString() || !hasWildcard(text))
                continue;
            // repo:OWNER/REPO:QUALIFIER; a wildcard in the qualifier alone is fine when a
            // :ref condition names the branch.
            const bool repoForm = text.starts_with("repo:");
            const size_t qualifier = repoForm ? text.find(':', 5) : std::string_view::npos;
            const bool wildRepo = !repoForm || qualifier == std::string_view::npos
                    || hasWildcard(text.substr(5, qualifier - 5));
            if (!wildRepo && refCondition)
                continue;
            context.report("SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED", value.pointer,
                    "\"" + std::string(text) + "\" lets "
                            + (wildRepo ? "other repositories" : "every branch and environment")
                            + " assume the role: name the repository and branch, e.g. "
                              "\"repo:OWNER/REPO:ref:refs/heads/main\" (or the branch in a "
                              "token.actions.githubusercontent.com:ref condition)",
                    *value.value);
        }
    }
}

// Roles Anywhere needs all three of its actions, in whichever statements trust it.
void checkRolesAnywhere(Context &context, const std::vector<Principals> &principals)
{
    const Entry *first = nullptr;
    const json::Value *firstAction = nullptr;
    std::string firstPointer;
    bool allowed[std::size(rolesAnywhereActions)] = {};
    for (size_t s = 0; s < context.statements.size(); ++s) {
        const StatementNode &statement = context.statements[s];
        const auto &service = principals[s].service;
        const auto named = std::find_if(service.begin(), service.end(), [](const Entry &e) {
            return asciiEqualsIgnoreCase(e.text(), "rolesanywhere.amazonaws.com");
        });
        if (named == service.end() || !statement.isAllow() || statement.notPrincipal
                || !statement.action)
            continue;
        if (!first) {
            first = &*named;
            firstAction = &statement.action->value;
            firstPointer = statement.pointer + "/" + statement.action->key;
        }
        for (size_t a = 0; a < std::size(rolesAnywhereActions); ++a) {
            const bool matched = std::any_of(
                    statement.actions.begin(), statement.actions.end(), [&](const Entry &e) {
                        return actionPatternMatches(e.text(), rolesAnywhereActions[a]);
                    });
            allowed[a] = allowed[a] || matched != statement.notAction;
        }
    }
    if (!first)
        return;
    std::string missing;
    for (size_t a = 0; a < std::size(rolesAnywhereActions); ++a)
        if (!allowed[a])
            missing += (missing.empty() ? "" : ", ") + std::string(rolesAnywhereActions[a]);
    if (!missing.empty())
        context.report("MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY", firstPointer,
                "IAM Roles Anywhere needs sts:AssumeRole, sts:TagSession and "
                "sts:SetSourceIdentity to hand out this role's credentials: add "
                        + missing,
                *firstAction);
}

} // namespace

void checkPrincipals(Context &context)
{
    const bool trust = context.type == ValidationPolicyType::Trust;
    std::vector<Principals> principals(context.statements.size());
    for (size_t s = 0; s < context.statements.size(); ++s) {
        const StatementNode &statement = context.statements[s];
        checkServiceNameValues(context, statement);
        if (trust)
            checkTrustElements(context, statement);
        // Identity policies, boundaries, session policies and SCPs have no principals (the
        // parser reports one), and an RCP's only principal is "*".
        if (!statement.principal || (context.type != ValidationPolicyType::Resource && !trust))
            continue;
        principals[s] = readPrincipals(statement);
        checkPrincipalValues(context, principals[s]);
        if (!statement.notPrincipal)
            checkServicePrincipalConditions(context, statement, principals[s]);
        if (!trust)
            continue;
        checkActionForPrincipal(context, statement, principals[s]);
        checkRedundantPrincipals(context, principals[s]);
        checkOidcConditions(context, statement, principals[s]);
    }
    if (trust)
        checkRolesAnywhere(context, principals);
}

} // namespace iamx::validation
