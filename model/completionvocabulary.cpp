#include "completionvocabulary.h"

#include "model/casefold.h"

namespace iamx {
namespace {

constexpr VocabularyEntry regions[] = {
    { "us-east-1", "US East (N. Virginia)" },
    { "us-east-2", "US East (Ohio)" },
    { "us-west-1", "US West (N. California)" },
    { "us-west-2", "US West (Oregon)" },
    { "af-south-1", "Africa (Cape Town)" },
    { "ap-east-1", "Asia Pacific (Hong Kong)" },
    { "ap-east-2", "Asia Pacific (Taipei)" },
    { "ap-south-1", "Asia Pacific (Mumbai)" },
    { "ap-south-2", "Asia Pacific (Hyderabad)" },
    { "ap-southeast-1", "Asia Pacific (Singapore)" },
    { "ap-southeast-2", "Asia Pacific (Sydney)" },
    { "ap-southeast-3", "Asia Pacific (Jakarta)" },
    { "ap-southeast-4", "Asia Pacific (Melbourne)" },
    { "ap-southeast-5", "Asia Pacific (Malaysia)" },
    { "ap-southeast-6", "Asia Pacific (New Zealand)" },
    { "ap-southeast-7", "Asia Pacific (Thailand)" },
    { "ap-northeast-1", "Asia Pacific (Tokyo)" },
    { "ap-northeast-2", "Asia Pacific (Seoul)" },
    { "ap-northeast-3", "Asia Pacific (Osaka)" },
    { "ca-central-1", "Canada (Central)" },
    { "ca-west-1", "Canada West (Calgary)" },
    { "eu-central-1", "Europe (Frankfurt)" },
    { "eu-central-2", "Europe (Zurich)" },
    { "eu-west-1", "Europe (Ireland)" },
    { "eu-west-2", "Europe (London)" },
    { "eu-west-3", "Europe (Paris)" },
    { "eu-south-1", "Europe (Milan)" },
    { "eu-south-2", "Europe (Spain)" },
    { "eu-north-1", "Europe (Stockholm)" },
    { "il-central-1", "Israel (Tel Aviv)" },
    { "me-south-1", "Middle East (Bahrain)" },
    { "me-central-1", "Middle East (UAE)" },
    { "mx-central-1", "Mexico (Central)" },
    { "sa-east-1", "South America (São Paulo)" },
    { "us-gov-east-1", "AWS GovCloud (US-East)" },
    { "us-gov-west-1", "AWS GovCloud (US-West)" },
    { "cn-north-1", "China (Beijing)" },
    { "cn-northwest-1", "China (Ningxia)" },
};

// The documented variables; any single-valued key may be one, these are those people use.
constexpr VocabularyEntry variables[] = {
    { "${aws:username}", "the IAM user's friendly name (users only)" },
    { "${aws:userid}",
            "the principal's unique id: AIDA… for a user, AROA…:session-name for a role session" },
    { "${aws:PrincipalTag/tag-key}", "the value of a tag of the principal" },
    { "${aws:PrincipalAccount}", "the account id of the principal" },
    { "${aws:PrincipalOrgID}", "the organization id of the principal's account" },
    { "${aws:PrincipalType}", "Account, User, FederatedUser, AssumedRole or Anonymous" },
    { "${aws:SourceIdentity}", "the source identity set when the role was assumed" },
    { "${aws:FederatedProvider}", "the identity provider that authenticated the principal" },
    { "${aws:RequestedRegion}", "the region the request is sent to" },
    { "${aws:SourceIp}", "the requester's IP address" },
    { "${aws:SourceAccount}", "the account of the resource that calls on a service's behalf" },
    { "${aws:CurrentTime}", "the time of the request (ISO 8601)" },
    { "${aws:EpochTime}", "the time of the request (epoch seconds)" },
    { "${aws:TokenIssueTime}", "when the temporary credentials were issued" },
    { "${aws:SecureTransport}", "true when the request came over TLS" },
    { "${aws:UserAgent}", "the requester's client application" },
    { "${ec2:SourceInstanceARN}", "the ARN of the EC2 instance the role session runs on" },
    { "${saml:sub}", "the SAML subject (NameID) of a SAML-federated user" },
    { "${saml:namequalifier}", "a hash of the SAML issuer, account and provider name" },
    { "${cognito-identity.amazonaws.com:sub}", "the Amazon Cognito identity id" },
    { "${cognito-identity.amazonaws.com:aud}", "the Amazon Cognito identity pool id" },
    { "${accounts.google.com:sub}", "the Google user id" },
    { "${accounts.google.com:aud}", "the Google application (client) id" },
    { "${graph.facebook.com:id}", "the Facebook user id" },
    { "${graph.facebook.com:app_id}", "the Facebook application id" },
    { "${www.amazon.com:user_id}", "the Login with Amazon user id" },
    { "${www.amazon.com:app_id}", "the Login with Amazon application id" },
    { "${*}", "a literal * (not a wildcard)" },
    { "${?}", "a literal ? (not a wildcard)" },
    { "${$}", "a literal $" },
};

constexpr VocabularyEntry identityProviders[] = {
    { "cognito-identity.amazonaws.com", "Amazon Cognito identity pools" },
    { "accounts.google.com", "Google (web identity federation)" },
    { "graph.facebook.com", "Facebook (web identity federation)" },
    { "www.amazon.com", "Login with Amazon (web identity federation)" },
};

constexpr VocabularyEntry principalTypes[] = {
    { "Account", "the account's root user" },
    { "User", "an IAM user" },
    { "FederatedUser", "a session of sts:GetFederationToken" },
    { "AssumedRole", "a role session" },
    { "Anonymous", "an unauthenticated request" },
};

constexpr VocabularyEntry calledVia[] = {
    { "athena.amazonaws.com", "Amazon Athena" },
    { "cloudformation.amazonaws.com", "AWS CloudFormation" },
    { "dynamodb.amazonaws.com", "Amazon DynamoDB" },
    { "kms.amazonaws.com", "AWS Key Management Service" },
};

constexpr VocabularyEntry cannedAcls[] = {
    { "private", "the owner only (the default)" },
    { "public-read", "everyone can read" },
    { "public-read-write", "everyone can read and write" },
    { "aws-exec-read", "EC2 can read AMI bundles" },
    { "authenticated-read", "every AWS account can read" },
    { "bucket-owner-read", "the bucket owner can read" },
    { "bucket-owner-full-control", "the bucket owner gets full control" },
    { "log-delivery-write", "the log delivery group can write" },
};

constexpr VocabularyEntry serverSideEncryption[] = {
    { "AES256", "SSE-S3: keys managed by S3" },
    { "aws:kms", "SSE-KMS: an AWS KMS key" },
    { "aws:kms:dsse", "DSSE-KMS: two layers with an AWS KMS key" },
};

constexpr VocabularyEntry storageClasses[] = {
    { "STANDARD", "S3 Standard" },
    { "INTELLIGENT_TIERING", "S3 Intelligent-Tiering" },
    { "STANDARD_IA", "S3 Standard-Infrequent Access" },
    { "ONEZONE_IA", "S3 One Zone-Infrequent Access" },
    { "GLACIER_IR", "S3 Glacier Instant Retrieval" },
    { "GLACIER", "S3 Glacier Flexible Retrieval" },
    { "DEEP_ARCHIVE", "S3 Glacier Deep Archive" },
    { "EXPRESS_ONEZONE", "S3 Express One Zone" },
    { "REDUCED_REDUNDANCY", "Reduced Redundancy (not recommended)" },
};

constexpr VocabularyEntry objectOwnership[] = {
    { "BucketOwnerEnforced", "ACLs disabled: the bucket owner owns every object" },
    { "BucketOwnerPreferred", "the bucket owner owns objects written bucket-owner-full-control" },
    { "ObjectWriter", "the writing account owns the object" },
};

constexpr VocabularyEntry s3AuthTypes[] = {
    { "REST-HEADER", "signed in the Authorization header" },
    { "REST-QUERY-STRING", "a presigned URL" },
    { "POST", "a browser-based POST upload" },
};

constexpr VocabularyEntry s3SignatureVersions[] = {
    { "AWS4-HMAC-SHA256", "Signature Version 4" },
    { "AWS", "Signature Version 2" },
};

constexpr VocabularyEntry metadataHttpTokens[] = {
    { "required", "IMDSv2 only: a session token is required" },
    { "optional", "IMDSv1 allowed" },
};

constexpr VocabularyEntry tenancies[] = {
    { "default", "shared hardware" },
    { "dedicated", "a Dedicated Instance" },
    { "host", "a Dedicated Host" },
};

constexpr VocabularyEntry kmsKeyUsages[] = {
    { "ENCRYPT_DECRYPT", "symmetric or RSA encryption" },
    { "SIGN_VERIFY", "asymmetric signing" },
    { "GENERATE_VERIFY_MAC", "HMAC" },
    { "KEY_AGREEMENT", "ECDH key agreement" },
};

constexpr VocabularyEntry kmsKeyOrigins[] = {
    { "AWS_KMS", "key material made by AWS KMS" },
    { "EXTERNAL", "imported key material" },
    { "AWS_CLOUDHSM", "a CloudHSM custom key store" },
    { "EXTERNAL_KEY_STORE", "an external key store" },
};

struct KeyValues
{
    std::string_view key;
    std::span<const VocabularyEntry> values;
};

const KeyValues keyValues[] = {
    { "aws:PrincipalType", principalTypes },
    { "aws:CalledVia", calledVia },
    { "aws:CalledViaFirst", calledVia },
    { "aws:CalledViaLast", calledVia },
    { "s3:x-amz-acl", cannedAcls },
    { "s3:x-amz-server-side-encryption", serverSideEncryption },
    { "s3:x-amz-storage-class", storageClasses },
    { "s3:x-amz-object-ownership", objectOwnership },
    { "s3:authType", s3AuthTypes },
    { "s3:signatureversion", s3SignatureVersions },
    { "ec2:MetadataHttpTokens", metadataHttpTokens },
    { "ec2:Tenancy", tenancies },
    { "kms:KeyUsage", kmsKeyUsages },
    { "kms:KeyOrigin", kmsKeyOrigins },
};

bool endsWithIgnoreCase(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size()
            && asciiEqualsIgnoreCase(text.substr(text.size() - suffix.size()), suffix);
}

} // namespace

std::span<const VocabularyEntry> awsRegions()
{
    return regions;
}

bool isRegionKey(std::string_view key)
{
    const size_t colon = key.find(':');
    if (colon == std::string_view::npos)
        return false;
    const std::string_view name = key.substr(colon + 1);
    if (toAsciiLowercase(name).find("multiregion") != std::string::npos)
        return false;
    return endsWithIgnoreCase(name, "Region") || endsWithIgnoreCase(name, "Regions");
}

std::span<const VocabularyEntry> policyVariables()
{
    return variables;
}

std::span<const VocabularyEntry> wellKnownIdentityProviders()
{
    return identityProviders;
}

std::span<const VocabularyEntry> documentedConditionValues(std::string_view key)
{
    for (const KeyValues &entry : keyValues)
        if (asciiEqualsIgnoreCase(entry.key, key))
            return entry.values;
    return {};
}

} // namespace iamx
