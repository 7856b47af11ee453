#include "arn.h"

namespace iamx {

std::string_view ArnParts::component(int i) const
{
    switch (i) {
    case 0:
        return prefix;
    case 1:
        return partition;
    case 2:
        return service;
    case 3:
        return region;
    case 4:
        return account;
    default:
        return resource;
    }
}

std::optional<ArnParts> splitArnComponents(std::string_view text)
{
    std::string_view parts[5];
    size_t start = 0;
    for (auto &part : parts) {
        const size_t colon = text.find(':', start);
        if (colon == std::string_view::npos)
            return std::nullopt;
        part = text.substr(start, colon - start);
        start = colon + 1;
    }
    return ArnParts { parts[0], parts[1], parts[2], parts[3], parts[4], text.substr(start) };
}

std::optional<ArnParts> parseArn(std::string_view text)
{
    auto parts = splitArnComponents(text);
    if (!parts || parts->prefix != "arn")
        return std::nullopt;
    return parts;
}

bool isAccountId(std::string_view text)
{
    if (text.size() != 12)
        return false;
    for (char c : text)
        if (c < '0' || c > '9')
            return false;
    return true;
}

std::string_view lastPathSegment(std::string_view path)
{
    const size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

} // namespace iamx
