#include "awspartitions.h"

#include <algorithm>
#include <array>

namespace iamx {
namespace {

constexpr auto partitions = std::to_array<std::string_view>({
        "aws",
        "aws-cn",
        "aws-eusc",
        "aws-iso",
        "aws-iso-b",
        "aws-iso-e",
        "aws-iso-f",
        "aws-us-gov",
});

// Every region of every partition in the AWS SDK's partition table (`partitionsInfo` in
// @aws-sdk/core 3.981.2, dist-es/submodules/client/util-endpoints/lib/aws/partitions.js),
// less its `aws-global`-style pseudo regions. Sorted, for binary search. A region AWS opens
// later is region-shaped but missing here: the check that uses this list is a WARNING for
// that reason.
constexpr auto regions = std::to_array<std::string_view>({
        "af-south-1",
        "ap-east-1",
        "ap-east-2",
        "ap-northeast-1",
        "ap-northeast-2",
        "ap-northeast-3",
        "ap-south-1",
        "ap-south-2",
        "ap-southeast-1",
        "ap-southeast-2",
        "ap-southeast-3",
        "ap-southeast-4",
        "ap-southeast-5",
        "ap-southeast-6",
        "ap-southeast-7",
        "ca-central-1",
        "ca-west-1",
        "cn-north-1",
        "cn-northwest-1",
        "eu-central-1",
        "eu-central-2",
        "eu-isoe-west-1",
        "eu-north-1",
        "eu-south-1",
        "eu-south-2",
        "eu-west-1",
        "eu-west-2",
        "eu-west-3",
        "eusc-de-east-1",
        "il-central-1",
        "me-central-1",
        "me-south-1",
        "me-west-1",
        "mx-central-1",
        "sa-east-1",
        "sa-west-1",
        "us-east-1",
        "us-east-2",
        "us-gov-east-1",
        "us-gov-west-1",
        "us-iso-east-1",
        "us-iso-west-1",
        "us-isob-east-1",
        "us-isob-west-1",
        "us-isof-east-1",
        "us-isof-south-1",
        "us-west-1",
        "us-west-2",
});

bool isLowerWord(std::string_view word, size_t min, size_t max)
{
    return word.size() >= min && word.size() <= max
            && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

} // namespace

bool isKnownPartition(std::string_view partition)
{
    return std::find(partitions.begin(), partitions.end(), partition) != partitions.end();
}

bool isRegionShaped(std::string_view region)
{
    const size_t lastDash = region.rfind('-');
    if (lastDash == std::string_view::npos)
        return false;
    const std::string_view number = region.substr(lastDash + 1);
    if (number.empty() || number.size() > 2
            || !std::all_of(
                    number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    size_t words = 0;
    std::string_view rest = region.substr(0, lastDash);
    while (true) {
        const size_t dash = rest.find('-');
        const std::string_view word = rest.substr(0, dash);
        if (!(words == 0 ? isLowerWord(word, 2, 4) : isLowerWord(word, 2, 12)))
            return false;
        ++words;
        if (dash == std::string_view::npos)
            break;
        rest = rest.substr(dash + 1);
    }
    return words >= 2 && words <= 4;
}

bool isKnownRegion(std::string_view region)
{
    return std::binary_search(regions.begin(), regions.end(), region);
}

} // namespace iamx
