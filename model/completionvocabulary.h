#pragma once

#include <span>
#include <string_view>

// The fixed vocabularies policy completion offers as values (policycompletion.h): AWS
// regions, policy variables, well-known identity providers and the documented values of a
// few condition keys. Facts from the AWS documentation, written down here: the catalog
// (actioncatalog.h) holds no values.

namespace iamx {

/// A value and what it stands for.
struct VocabularyEntry
{
    std::string_view value;
    std::string_view meaning;
};

/// The AWS regions (commercial, GovCloud and China), as listed in the AWS General Reference,
/// "AWS Regions" (docs.aws.amazon.com/general/latest/gr/rande.html), in October 2025.
std::span<const VocabularyEntry> awsRegions();

/// True for a condition key whose values are region names: `aws:RequestedRegion`,
/// `ec2:Region`, `kms:ReplicaRegion`, `s3:destinationRegion`... (a name ending in `Region`
/// or `Regions`, not a `MultiRegion` flag).
bool isRegionKey(std::string_view key);

/// The policy variables (`${aws:username}`), from the IAM User Guide, "IAM policy elements:
/// Variables and tags", with the special characters `${*}`, `${?}`, `${$}`.
std::span<const VocabularyEntry> policyVariables();

/// The identity providers AWS names without an ARN in a `Federated` principal (web identity
/// federation): `cognito-identity.amazonaws.com`, `accounts.google.com`...
std::span<const VocabularyEntry> wellKnownIdentityProviders();

/// The documented values of a condition key with a fixed set of them (`aws:PrincipalType`,
/// `s3:x-amz-acl`...), ignoring the key's case; empty for any other key.
std::span<const VocabularyEntry> documentedConditionValues(std::string_view key);

} // namespace iamx
