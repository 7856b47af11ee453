#include "principalarn.h"

#include "model/arn.h"

namespace iamx {

std::optional<PrincipalArn> parsePrincipalArn(std::string_view text)
{
    const auto arn = parseArn(text);
    if (!arn || !isAccountId(arn->account))
        return std::nullopt;
    PrincipalArn result;
    result.partition = std::string(arn->partition);
    result.account = std::string(arn->account);
    const std::string_view resource = arn->resource;
    // A path-qualified name (`user/dev/alice`): the name is the last segment, and there is one.
    const auto named = [&resource](std::string_view type) {
        return resource.starts_with(type) && resource.size() > type.size()
                && !resource.ends_with("/");
    };
    if (arn->service == "iam") {
        if (resource == "root") {
            result.kind = PrincipalArn::Kind::Root;
            return result;
        }
        if (named("user/") || named("role/")) {
            result.kind = named("user/") ? PrincipalArn::Kind::User : PrincipalArn::Kind::Role;
            result.name = std::string(lastPathSegment(resource));
            return result;
        }
        if (named("saml-provider/") || named("oidc-provider/")) {
            result.kind = named("saml-provider/") ? PrincipalArn::Kind::SamlProvider
                                                  : PrincipalArn::Kind::OidcProvider;
            result.name = std::string(resource.substr(resource.find('/') + 1));
            return result;
        }
        return std::nullopt;
    }
    if (arn->service != "sts")
        return std::nullopt;
    if (named("assumed-role/")) {
        // Session ARNs carry no role path: exactly `assumed-role/ROLE/SESSION`.
        const std::string_view rest = resource.substr(13);
        const size_t slash = rest.find('/');
        if (slash == std::string_view::npos || slash == 0
                || rest.find('/', slash + 1) != std::string_view::npos)
            return std::nullopt;
        result.kind = PrincipalArn::Kind::AssumedRole;
        result.name = std::string(rest.substr(0, slash));
        result.session = std::string(rest.substr(slash + 1));
        return result;
    }
    if (named("federated-user/") && resource.find('/', 15) == std::string_view::npos) {
        result.kind = PrincipalArn::Kind::FederatedUser;
        result.name = std::string(resource.substr(15));
        return result;
    }
    return std::nullopt;
}

} // namespace iamx
