#pragma once

#include <optional>
#include <string_view>

namespace iamx {

/// The six colon-separated components of an ARN, as views into the text they were split from:
/// `arn:partition:service:region:account:resource`. The resource is everything after the
/// fifth colon and may itself hold `/` and `:`.
struct ArnParts
{
    std::string_view prefix; ///< "arn" for a well-formed ARN
    std::string_view partition;
    std::string_view service;
    std::string_view region;
    std::string_view account;
    std::string_view resource;

    /// Component i (0 = prefix ... 5 = resource).
    std::string_view component(int i) const;
};

/// Splits `text` at its first five colons; nullopt when it has fewer than five. The prefix is
/// not checked: use parseArn() for a real ARN.
std::optional<ArnParts> splitArnComponents(std::string_view text);

/// Splits an ARN: the text must start with `arn:` and have at least five colons.
std::optional<ArnParts> parseArn(std::string_view text);

/// True for a 12-digit AWS account id.
bool isAccountId(std::string_view text);

/// The name at the end of an IAM resource path: `user/dev/alice` -> `alice`.
std::string_view lastPathSegment(std::string_view path);

} // namespace iamx
