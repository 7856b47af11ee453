#include "request.h"

#include "arn.h"
#include "casefold.h"
#include "principalarn.h"

namespace iamx {
namespace {

// A bare host name such as `lambda.amazonaws.com` or `accounts.google.com`.
bool isHostName(std::string_view text)
{
    if (text.empty() || text.find('.') == std::string_view::npos)
        return false;
    for (char c : text) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '-';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

std::optional<RequestPrincipal> parseRequestPrincipal(std::string_view text, std::string &error)
{
    RequestPrincipal principal;
    principal.text = std::string(text);
    if (text == "anonymous" || text == "*") {
        principal.kind = PrincipalKind::Anonymous;
        return principal;
    }
    const auto arn = parseArn(text);
    if (!arn) {
        if (isHostName(text)) {
            const bool isService = text.size() > 14
                    && (text.ends_with(".amazonaws.com") || text.ends_with(".amazonaws.com.cn"));
            principal.kind =
                    isService ? PrincipalKind::ServicePrincipal : PrincipalKind::FederatedProvider;
            principal.name = std::string(text);
            return principal;
        }
        error = "principal \"" + std::string(text)
                + "\" is neither an ARN, a service principal nor \"anonymous\"";
        return std::nullopt;
    }
    if (const auto parsed = parsePrincipalArn(text)) {
        principal.partition = parsed->partition;
        principal.account = parsed->account;
        principal.name = parsed->name;
        principal.session = parsed->session;
        switch (parsed->kind) {
        case PrincipalArn::Kind::Root:
            principal.kind = PrincipalKind::Root;
            return principal;
        case PrincipalArn::Kind::User:
            principal.kind = PrincipalKind::IamUser;
            return principal;
        case PrincipalArn::Kind::Role: // a role ARN: a session of it, name unknown
            principal.kind = PrincipalKind::RoleSession;
            return principal;
        case PrincipalArn::Kind::AssumedRole:
            principal.kind = PrincipalKind::RoleSession;
            principal.sessionKnown = true;
            return principal;
        case PrincipalArn::Kind::FederatedUser:
            principal.kind = PrincipalKind::FederatedUser;
            return principal;
        case PrincipalArn::Kind::SamlProvider:
        case PrincipalArn::Kind::OidcProvider:
            principal.kind = PrincipalKind::FederatedProvider;
            principal.name = principal.text;
            return principal;
        }
    }
    error = "principal ARN \"" + std::string(text)
            + "\" is not a user, role, role session, federated user or account root";
    return std::nullopt;
}

ContextEntry &RequestContext::slot(std::string_view key)
{
    if (m_entries.empty())
        m_entries.reserve(24); // a principal's keys and the environment, without regrowing
    const std::string lower = toLowercase(key);
    for (auto &entry : m_entries)
        if (entry.lowerKey == lower)
            return entry;
    ContextEntry &entry = m_entries.emplace_back();
    entry.key = std::string(key);
    entry.lowerKey = lower;
    return entry;
}

void RequestContext::set(std::string_view key, std::string value)
{
    ContextEntry &entry = slot(key);
    entry.multiValued = false;
    entry.values.assign(1, std::move(value));
}

void RequestContext::setMultiValued(std::string_view key, std::vector<std::string> values)
{
    ContextEntry &entry = slot(key);
    entry.multiValued = true;
    entry.values = std::move(values);
}

const ContextEntry *RequestContext::find(std::string_view lowerKey) const
{
    for (const auto &entry : m_entries)
        if (entry.lowerKey == lowerKey)
            return &entry;
    return nullptr;
}

std::string defaultResourceAccount(std::string_view resource, const RequestPrincipal &principal)
{
    if (const auto arn = parseArn(resource); arn && !arn->account.empty())
        return std::string(arn->account);
    return principal.account;
}

} // namespace iamx

#include "model/policy.h"

namespace iamx {

bool isAssumeRoleAction(std::string_view action)
{
    // Allocation-free: this runs on the decision path.
    return asciiEqualsIgnoreCase(action, "sts:AssumeRole")
            || asciiEqualsIgnoreCase(action, "sts:AssumeRoleWithSAML")
            || asciiEqualsIgnoreCase(action, "sts:AssumeRoleWithWebIdentity");
}

ResourcePolicyKind resourcePolicyKindFor(std::string_view action, std::string_view resource)
{
    const auto arn = parseArn(resource);
    if (!arn)
        return ResourcePolicyKind::Ordinary;
    if (arn->service == "iam" && arn->resource.starts_with("role/")) {
        if (isAssumeRoleAction(action) || asciiEqualsIgnoreCase(action, "sts:TagSession")
                || asciiEqualsIgnoreCase(action, "sts:SetSourceIdentity"))
            return ResourcePolicyKind::TrustPolicy;
    }
    if (arn->service == "kms" && arn->resource.starts_with("key/"))
        return ResourcePolicyKind::KeyPolicy;
    return ResourcePolicyKind::Ordinary;
}

} // namespace iamx
