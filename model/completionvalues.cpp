#include "completionvalues.h"

#include "model/casefold.h"
#include "model/completionvocabulary.h"
#include "model/conditionoperator.h"
#include "model/isotime.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <unordered_set>

namespace iamx {
namespace {

bool startsWithIgnoreCase(std::string_view text, std::string_view prefix)
{
    return text.size() >= prefix.size()
            && asciiEqualsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

/// Appends candidates that fit what is typed, each text once, up to the limit.
class Collector
{
public:
    Collector(const CompletionSite &site, size_t limit, std::vector<CompletionCandidate> &out)
        : m_prefix(site.prefix)
        , m_limit(limit)
        , m_out(out)
    {
    }

    bool full() const { return m_out.size() >= m_limit; }

    void add(std::string text, CandidateKind kind, std::string_view detail,
            std::string_view description = {})
    {
        if (full() || !startsWithIgnoreCase(text, m_prefix) || !m_seen.insert(text).second)
            return;
        m_out.push_back({ std::move(text), kind, std::string(detail), std::string(description) });
    }

    void addAll(
            std::span<const VocabularyEntry> entries, CandidateKind kind, std::string_view detail)
    {
        for (const VocabularyEntry &entry : entries)
            add(std::string(entry.value), kind, detail, entry.meaning);
    }

private:
    std::string_view m_prefix;
    size_t m_limit;
    std::vector<CompletionCandidate> &m_out;
    std::unordered_set<std::string> m_seen;
};

std::string withAccount(std::string_view format, const CompletionAccountContext *account)
{
    std::string text(format);
    static constexpr std::string_view variable = "${Account}";
    if (const size_t at = text.find(variable);
            at != std::string::npos && account && !account->accountId.empty())
        text.replace(at, variable.size(), account->accountId);
    return text;
}

/// `*`, the account's root, users and roles, then templates for any account's.
void addAwsPrincipals(Collector &collect, const CompletionAccountContext *account, bool withStar)
{
    if (withStar)
        collect.add("*", CandidateKind::Principal, "everyone",
                "every principal, anonymous ones included");
    if (account && !account->accountId.empty())
        collect.add(withAccount("arn:aws:iam::${Account}:root", account), CandidateKind::Principal,
                "this account", "the account: every principal it allows through IAM");
    if (account) {
        for (const std::string &arn : account->userArns)
            collect.add(arn, CandidateKind::Principal, "user");
        for (const std::string &arn : account->roleArns)
            collect.add(arn, CandidateKind::Principal, "role");
    }
    collect.add("arn:aws:iam::${Account}:root", CandidateKind::Principal, "account",
            "an account: every principal it allows through IAM");
    collect.add("arn:aws:iam::${Account}:role/${RoleName}", CandidateKind::Principal, "role",
            "a role: its sessions");
    collect.add("arn:aws:iam::${Account}:user/${UserName}", CandidateKind::Principal, "user");
    collect.add("arn:aws:sts::${Account}:assumed-role/${RoleName}/${SessionName}",
            CandidateKind::Principal, "role session", "one session of a role");
}

void addServicePrincipals(Collector &collect, const ActionCatalog &catalog, CandidateKind kind)
{
    // The catalog knows service prefixes, not service principals: `<prefix>.amazonaws.com`
    // is the usual principal, though a few services use another name.
    for (const CatalogService &service : catalog.services()) {
        if (service.undocumented || collect.full())
            continue;
        collect.add(std::string(service.prefix) + ".amazonaws.com", kind, "service", service.name);
    }
}

void addIdentityProviders(Collector &collect, const CompletionAccountContext *account)
{
    if (account)
        for (const std::string &arn : account->providerArns)
            collect.add(arn, CandidateKind::Principal,
                    arn.find(":saml-provider/") != std::string::npos ? "SAML provider"
                                                                     : "OIDC provider");
    collect.addAll(wellKnownIdentityProviders(), CandidateKind::Principal, "web identity");
    collect.add("arn:aws:iam::${Account}:saml-provider/${ProviderName}", CandidateKind::Principal,
            "SAML provider");
    collect.add("arn:aws:iam::${Account}:oidc-provider/${ProviderUrl}", CandidateKind::Principal,
            "OIDC provider", "the provider's URL without https://");
}

void addTypeTemplates(Collector &collect, const ActionCatalog &catalog,
        const CatalogService &service, std::string_view onlyFittingName)
{
    const std::string wanted = toAsciiLowercase(onlyFittingName);
    for (const CatalogResourceType &type : service.resourceTypes) {
        std::string name = toAsciiLowercase(type.name);
        std::erase(name, ' ');
        if (!wanted.empty() && wanted.find(name) == std::string::npos)
            continue;
        for (const std::string_view format : type.arnFormats)
            collect.add(arnTemplate(format), CandidateKind::ConditionValue,
                    std::string(catalog.services()[type.service].prefix) + ' '
                            + std::string(type.name));
    }
}

void addArnValues(Collector &collect, const CompletionSite &site, const ActionCatalog &catalog,
        const CompletionAccountContext *account)
{
    const std::string key = toAsciiLowercase(site.conditionKey);
    if (key.ends_with("principalarn")) {
        addAwsPrincipals(collect, account, false);
        return;
    }
    if (key == "aws:sourcearn") {
        // The resource of the service principal calling: a topic, a bucket, a trail...
        for (const std::string &principal : site.servicePrincipals) {
            const std::string_view prefix =
                    std::string_view(principal).substr(0, principal.find('.'));
            if (const CatalogService *service = catalog.findService(prefix))
                addTypeTemplates(collect, catalog, *service, {});
        }
    } else if (const size_t colon = key.find(':'); colon != std::string::npos) {
        // A service's key names its resource type: iam:PolicyARN, lambda:SourceFunctionArn.
        if (const CatalogService *service = catalog.findService(key.substr(0, colon)))
            addTypeTemplates(collect, catalog, *service, key.substr(colon + 1));
    }
    if (account)
        for (const std::string &arn : account->resourceArns)
            collect.add(arn, CandidateKind::ConditionValue, "in the account");
}

std::string nowText(bool epoch)
{
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
            std::chrono::system_clock::now().time_since_epoch())
                                 .count();
    return epoch ? std::to_string(seconds) : formatInstant({ seconds, 0 });
}

bool isOneOf(std::string_view key, std::initializer_list<std::string_view> names)
{
    for (const std::string_view name : names)
        if (asciiEqualsIgnoreCase(key, name))
            return true;
    return false;
}

/// "S3", "ResourceGroups": the letters and digits of `text`, each run capitalized.
std::string camelWord(std::string_view text)
{
    std::string word;
    bool startOfRun = true;
    for (const char c : text) {
        const bool alnum =
                (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum) {
            startOfRun = true;
            continue;
        }
        word += startOfRun && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        startOfRun = false;
    }
    return word;
}

} // namespace

void addConditionValues(const CompletionSite &site, const ActionCatalog &catalog,
        const CompletionAccountContext *account, size_t limit,
        std::vector<CompletionCandidate> &out)
{
    Collector collect(site, limit, out);
    const auto op = parseConditionOperator(site.conditionOperator);
    const std::optional<OperatorFamily> family =
            op ? std::optional(operatorFamily(op->base)) : std::nullopt;
    const CatalogConditionKey *key =
            site.conditionKey.empty() ? nullptr : catalog.findConditionKey(site.conditionKey);
    const ConditionKeyType type = key ? key->type : ConditionKeyType::Unknown;
    constexpr auto kind = CandidateKind::ConditionValue;

    if (family == OperatorFamily::Null) {
        collect.add("true", kind, "absent", "true when the request lacks the key");
        collect.add("false", kind, "present", "true when the request has the key");
        return;
    }
    if (family == OperatorFamily::Bool || type == ConditionKeyType::Bool) {
        collect.add("true", kind, "Bool");
        collect.add("false", kind, "Bool");
        return;
    }
    if (family == OperatorFamily::Date || type == ConditionKeyType::Date) {
        collect.add(nowText(false), kind, "now, ISO 8601", "the current time (UTC)");
        collect.add(nowText(true), kind, "now, epoch seconds", "the current time");
        return;
    }
    if (family == OperatorFamily::Ip || type == ConditionKeyType::IpAddress) {
        collect.add("203.0.113.0/24", kind, "IPv4 CIDR",
                "an example range (documentation addresses): write yours");
        collect.add("2001:db8::/32", kind, "IPv6 CIDR",
                "an example range (documentation addresses): write yours");
        return;
    }
    const std::string_view name = site.conditionKey;
    collect.addAll(documentedConditionValues(name), kind, "documented value");
    if (isRegionKey(name))
        collect.addAll(awsRegions(), kind, "region");
    if (account && !account->accountId.empty()
            && isOneOf(name,
                    { "aws:PrincipalAccount", "aws:ResourceAccount", "aws:SourceAccount",
                            "aws:SourceOwner", "aws:VpceAccount" }))
        collect.add(account->accountId, kind, "this account");
    if (account && !account->organizationId.empty()
            && isOneOf(name,
                    { "aws:PrincipalOrgID", "aws:ResourceOrgID", "aws:SourceOrgID",
                            "aws:VpceOrgID" }))
        collect.add(account->organizationId, kind, "this organization");
    if (isOneOf(name,
                { "aws:PrincipalServiceName", "aws:PrincipalServiceNamesList",
                        "iam:PassedToService", "iam:AWSServiceName" }))
        addServicePrincipals(collect, catalog, kind);
    if (isOneOf(name, { "aws:FederatedProvider" }))
        addIdentityProviders(collect, account);
    if (family == OperatorFamily::Arn || type == ConditionKeyType::Arn)
        addArnValues(collect, site, catalog, account);
}

void addPrincipalValues(const CompletionSite &site, const ActionCatalog &catalog,
        const CompletionAccountContext *account, size_t limit,
        std::vector<CompletionCandidate> &out)
{
    Collector collect(site, limit, out);
    const std::string_view type = site.principalType;
    if (type.empty())
        collect.add("*", CandidateKind::Principal, "everyone",
                "every principal, anonymous ones included");
    else if (type == "AWS")
        addAwsPrincipals(collect, account, true);
    else if (type == "Service")
        addServicePrincipals(collect, catalog, CandidateKind::Principal);
    else if (type == "Federated")
        addIdentityProviders(collect, account);
}

void addSidValues(const CompletionSite &site, std::vector<CompletionCandidate> &out)
{
    Collector collect(site, 2, out);
    const std::string full = suggestedSid(site.effect, site.actions, site.notAction, false);
    if (full.empty())
        return;
    collect.add(full, CandidateKind::Value, "Sid", "from the statement's effect and actions");
    collect.add(suggestedSid(site.effect, site.actions, site.notAction, true), CandidateKind::Value,
            "Sid", "from the statement's effect and services");
}

void addPolicyVariables(const CompletionSite &site, std::vector<CompletionCandidate> &out)
{
    if (site.variableHost == CompletionContext::ConditionValue) {
        // Variables are read in string and ARN comparisons only.
        if (const auto op = parseConditionOperator(site.conditionOperator)) {
            const OperatorFamily family = operatorFamily(op->base);
            if (family != OperatorFamily::String && family != OperatorFamily::StringIgnoreCase
                    && family != OperatorFamily::StringLike && family != OperatorFamily::Arn)
                return;
        }
    }
    Collector collect(site, static_cast<size_t>(-1), out);
    collect.addAll(policyVariables(), CandidateKind::Variable, "policy variable");
}

std::string suggestedSid(std::string_view effect, const std::vector<std::string> &actions,
        bool notAction, bool servicesOnly)
{
    std::string sid;
    if (asciiEqualsIgnoreCase(effect, "Allow"))
        sid = "Allow";
    else if (asciiEqualsIgnoreCase(effect, "Deny"))
        sid = "Deny";
    if (actions.empty())
        return sid;
    if (notAction)
        sid += "AllBut";
    // The services in order, each with the words of its actions.
    std::vector<std::pair<std::string, std::string>> services;
    for (const std::string &action : actions) {
        const size_t colon = action.find(':');
        std::string service =
                colon == std::string::npos ? std::string() : camelWord(action.substr(0, colon));
        std::string name =
                camelWord(colon == std::string::npos ? action : action.substr(colon + 1));
        if (name.empty())
            name = "All";
        auto it = std::find_if(services.begin(), services.end(),
                [&service](const auto &entry) { return entry.first == service; });
        if (it == services.end())
            services.emplace_back(std::move(service), std::move(name));
        else if (!it->second.ends_with(name))
            it->second += name;
    }
    const bool namesFit = !servicesOnly && actions.size() <= 3;
    std::string words;
    for (const auto &[service, names] : services)
        words += service + (namesFit || service.empty() ? names : std::string());
    if (words.size() > 64)
        words = suggestedSid({}, actions, false, true);
    return sid + words;
}

} // namespace iamx
