#pragma once

#include <string_view>

// The AWS partitions and regions an ARN may name, as a frozen list (awspartitions.cpp says
// where it comes from). Used by the validator's ARN checks; no lookup allocates.

namespace iamx {

/// True for a partition AWS has: aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e,
/// aws-iso-f, aws-eusc.
bool isKnownPartition(std::string_view partition);

/// True when `region` has the shape of a region code: two to four lowercase letters, one to
/// three more lowercase words, and a number, joined by `-` (`us-east-1`, `us-gov-west-1`,
/// `eusc-de-east-1`).
bool isRegionShaped(std::string_view region);

/// True for a region AWS has (in any partition) at the time the list was made.
bool isKnownRegion(std::string_view region);

} // namespace iamx
