#pragma once

#include <optional>
#include <string>
#include <string_view>

// The ARNs that name principals (iam-evaluation.md §4, §9), read the same way for a request's
// caller and for a policy's Principal entries.

namespace iamx {

struct PrincipalArn
{
    enum class Kind { Root, User, Role, AssumedRole, FederatedUser, SamlProvider, OidcProvider };
    Kind kind = Kind::Root;
    std::string partition;
    std::string account;
    std::string name; ///< user, role or federated user name (no path); provider path
    std::string session; ///< AssumedRole: the session name
};

/// Reads `arn:P:iam::A:root`, `...:user/path/N`, `...:role/path/N`,
/// `arn:P:sts::A:assumed-role/R/S`, `arn:P:sts::A:federated-user/N`, `...:saml-provider/N` and
/// `...:oidc-provider/host/path`, with a 12-digit account; nullopt for anything else.
std::optional<PrincipalArn> parsePrincipalArn(std::string_view text);

} // namespace iamx
