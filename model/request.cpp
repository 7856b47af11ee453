#include "request.h"

#include "arn.h"
#include "casefold.h"

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
    principal.partition = std::string(arn->partition);
    principal.account = std::string(arn->account);
    const std::string_view resource = arn->resource;
    const bool accountOk = isAccountId(arn->account);
    if (arn->service == "iam" && resource == "root" && accountOk) {
        principal.kind = PrincipalKind::Root;
        return principal;
    }
    if (arn->service == "iam" && accountOk && resource.starts_with("user/") && resource.size() > 5
            && !resource.ends_with("/")) {
        principal.kind = PrincipalKind::IamUser;
        principal.name = std::string(lastPathSegment(resource));
        return principal;
    }
    if (arn->service == "iam" && accountOk && resource.starts_with("role/") && resource.size() > 5
            && !resource.ends_with("/")) {
        principal.kind = PrincipalKind::RoleSession;
        principal.name = std::string(lastPathSegment(resource));
        return principal;
    }
    if (arn->service == "iam" && accountOk
            && (resource.starts_with("saml-provider/") || resource.starts_with("oidc-provider/"))) {
        principal.kind = PrincipalKind::FederatedProvider;
        principal.name = principal.text;
        return principal;
    }
    if (arn->service == "sts" && accountOk && resource.starts_with("assumed-role/")) {
        const std::string_view rest = resource.substr(13);
        const size_t slash = rest.find('/');
        if (slash != std::string_view::npos && slash > 0 && slash + 1 < rest.size()
                && rest.find('/', slash + 1) == std::string_view::npos) {
            principal.kind = PrincipalKind::RoleSession;
            principal.name = std::string(rest.substr(0, slash));
            principal.session = std::string(rest.substr(slash + 1));
            principal.sessionKnown = true;
            return principal;
        }
    }
    if (arn->service == "sts" && accountOk && resource.starts_with("federated-user/")
            && resource.size() > 15 && resource.find('/', 15) == std::string_view::npos) {
        principal.kind = PrincipalKind::FederatedUser;
        principal.name = std::string(resource.substr(15));
        return principal;
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
