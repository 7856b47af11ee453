#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The request side of an evaluation: who calls, what action on which resource, and the
// request context (iam-evaluation.md §2.1, §10).

namespace iamx {

/// The kinds of caller the decision flow tells apart (iam-evaluation.md §2.1).
enum class PrincipalKind {
    IamUser, ///< arn:aws:iam::A:user/path/name
    RoleSession, ///< arn:aws:sts::A:assumed-role/R/S, or a role ARN (session unknown)
    FederatedUser, ///< arn:aws:sts::A:federated-user/N (GetFederationToken)
    Root, ///< arn:aws:iam::A:root
    ServicePrincipal, ///< lambda.amazonaws.com
    FederatedProvider, ///< a SAML/OIDC provider ARN or host, for AssumeRoleWith{SAML,WebIdentity}
    Anonymous, ///< an unsigned request
};

/// The caller, parsed once.
struct RequestPrincipal
{
    PrincipalKind kind = PrincipalKind::Anonymous;
    std::string text; ///< as given
    std::string partition; ///< empty for services, providers and anonymous
    std::string account; ///< 12-digit account id; empty when the caller has none
    std::string name; ///< user name, role name, federated user name, service or provider
    std::string session; ///< role session name; empty when only the role is known
    bool sessionKnown = false;

    bool isAuthenticated() const { return kind != PrincipalKind::Anonymous; }
    /// Service principals, identity providers and anonymous callers have no identity policies.
    bool hasIdentitySide() const
    {
        return kind != PrincipalKind::ServicePrincipal && kind != PrincipalKind::Anonymous
                && kind != PrincipalKind::FederatedProvider;
    }
};

/// Parses a request principal (scenario-format.md, `request.principal`); on failure returns
/// nullopt and says why in `error`.
std::optional<RequestPrincipal> parseRequestPrincipal(std::string_view text, std::string &error);

/// One condition key of the request context.
struct ContextEntry
{
    std::string key; ///< as given
    std::string lowerKey; ///< lowercased (toLowercase): key names are case-insensitive
    bool multiValued = false;
    std::vector<std::string> values; ///< one value when single-valued
};

/// The request context: condition keys and their values, looked up case-insensitively.
class RequestContext
{
public:
    /// Adds or replaces a single-valued key.
    void set(std::string_view key, std::string value);
    /// Adds or replaces a multi-valued key (an array in a scenario, possibly empty).
    void setMultiValued(std::string_view key, std::vector<std::string> values);
    /// The entry for a key given in lowercase, or nullptr when the key is absent.
    const ContextEntry *find(std::string_view lowerKey) const;
    const std::vector<ContextEntry> &entries() const { return m_entries; }

private:
    ContextEntry &slot(std::string_view key);
    std::vector<ContextEntry> m_entries;
};

/// One access question, ready to evaluate.
struct Request
{
    RequestPrincipal principal;
    std::string action; ///< `service:Action`
    std::string resource; ///< an ARN, or `*` for actions without a resource
    std::string resourceAccount; ///< the owner of the resource (resolved, never empty for ARNs)
    RequestContext context;
};

/// The account that owns the resource when the request does not say: the account in the
/// resource ARN, else the principal's (S3 ARNs carry none; scenario-format.md).
std::string defaultResourceAccount(std::string_view resource, const RequestPrincipal &principal);

} // namespace iamx

namespace iamx {
enum class ResourcePolicyKind : std::uint8_t;

/// What the resource policy of a request is (scenario-format.md, "Meaning of the request"): a
/// role's trust policy for sts:AssumeRole*, sts:TagSession and sts:SetSourceIdentity on a role,
/// a key policy for a KMS key, an ordinary resource policy otherwise.
ResourcePolicyKind resourcePolicyKindFor(std::string_view action, std::string_view resource);

/// True for the actions that assume a role (sts:AssumeRole, ...WithSAML, ...WithWebIdentity).
bool isAssumeRoleAction(std::string_view action);
} // namespace iamx
