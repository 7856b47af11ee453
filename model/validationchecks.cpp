#include "model/policyvalidator.h"

#include <algorithm>
#include <array>

// The table of every check the validator makes: one place for the codes and their severities
// (the README's table is made from it). Severities follow the issue (#5) where it names one,
// else Access Analyzer's; nothing AWS ships in a managed policy may be an ERROR.

namespace iamx {
namespace {

constexpr Severity E = Severity::Error;
constexpr Severity S = Severity::SecurityWarning;
constexpr Severity W = Severity::Warning;
constexpr Severity G = Severity::Suggestion;

constexpr auto checks = std::to_array<ValidationCheck>({
        // Grammar and structure (the engine's parser).
        { "JSON_SYNTAX_ERROR", E, "the text is not valid JSON" },
        { "DATA_TYPE_MISMATCH", E, "an element has the wrong JSON type" },
        { "DUPLICATE_KEY", E, "a key appears twice in one object" },
        { "INVALID_POLICY_ELEMENT", E, "an element IAM does not know" },
        { "MISSING_STATEMENT", E, "no Statement" },
        { "MISSING_EFFECT", E, "a statement without Effect" },
        { "INVALID_EFFECT", E, "Effect other than Allow or Deny" },
        { "MISSING_ACTION", E, "a statement without Action or NotAction" },
        { "MISSING_RESOURCE", E, "a statement without Resource or NotResource" },
        { "UNSUPPORTED_ELEMENT_COMBINATION", E, "Action with NotAction, and the like" },
        { "INVALID_VERSION", E, "Version other than 2012-10-17 or 2008-10-17" },
        { "VALUE_TOO_LONG", E, "a value longer than any policy AWS stores" },
        { "VARIABLE_UNSUPPORTED_IN_VERSION", E, "a policy variable without Version 2012-10-17" },
        { "UNIQUE_SIDS_REQUIRED", E, "a Sid repeated in a resource, trust, SCP or RCP policy" },
        { "UNSUPPORTED_SID", E, "a Sid with characters other than A-Z, a-z, 0-9" },
        // Actions and resources (the catalog).
        { "INVALID_ACTION", E, "an action without a colon, or one its service does not have" },
        { "INVALID_SERVICE", E, "a service prefix no AWS service has" },
        { "INVALID_ARN_PREFIX", E, "a resource that is neither * nor an ARN" },
        { "MISSING_ARN_FIELD", E, "an ARN with fewer than six components" },
        // Conditions.
        { "INVALID_CONDITION_OPERATOR", E, "an operator IAM does not know" },
        { "NULL_WITH_IF_EXISTS", E, "NullIfExists" },
        { "INVALID_CONDITION_KEY_FORMAT", E, "a condition key that is not prefix:name" },
        { "MISSING_BRACE_IN_VARIABLE", E, "${ without }" },
        { "MISSING_QUOTE_IN_VARIABLE", E, "a variable default not in single quotes" },
        { "UNSUPPORTED_SPACE_IN_VARIABLE", E, "a space in a variable name" },
        { "EMPTY_VARIABLE", E, "${}" },
        // Principals and policy types.
        { "UNSUPPORTED_PRINCIPAL", E, "Principal in an identity policy, boundary, session or SCP" },
        { "MISSING_PRINCIPAL", E, "no Principal in a resource, trust or RCP statement" },
        { "INVALID_PRINCIPAL_KEY", E, "a principal type other than AWS, Service, Federated..." },
        { "UNSUPPORTED_WILDCARD_IN_PRINCIPAL", E, "a wildcard in a principal other than *" },
        { "ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE", E, "Resource in a trust policy" },
        { "ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL", E, "NotPrincipal in a trust policy" },
        { "MISMATCHED_ACTION_FOR_PRINCIPAL", E,
                "AssumeRoleWithSAML/WebIdentity without Federated" },
        { "RCP_SYNTAX_ERROR_ALLOW", E, "an RCP Allow other than RCPFullAWSAccess" },
        { "RCP_SYNTAX_ERROR_PRINCIPAL", E, "an RCP principal other than \"*\"" },
        // ARN components and resource-policy services (validatearns.cpp).
        { "INVALID_PARTITION", E, "an ARN partition AWS does not have" },
        { "INVALID_ARN_SERVICE_CASE", E, "an ARN service with upper-case letters" },
        { "INVALID_ARN_REGION", E, "an ARN region that is not a region code" },
        { "INVALID_ARN_ACCOUNT", E, "an ARN account that is not 12 digits" },
        { "UNSUPPORTED_ACTION_IN_POLICY", E, "another service's action in a resource policy" },
        { "UNSUPPORTED_RESOURCE_ARN_IN_POLICY", E,
                "another service's resource in a resource policy" },

        // Too permissive.
        { "ALLOW_WITH_NOT_PRINCIPAL", S, "Allow with NotPrincipal" },
        { "ALLOW_WITH_NOT_ACTION", S, "Allow with NotAction" },
        { "ALLOW_WITH_NOT_RESOURCE", S, "Allow with NotResource" },
        { "ALLOW_WITH_PUBLIC_PRINCIPAL", S, "Principal * without a Condition" },
        { "PASS_ROLE_WITH_STAR_IN_RESOURCE", S, "iam:PassRole on Resource *" },
        { "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE", S,
                "a wildcard action covering "
                "iam:PassRole on Resource *" },
        { "PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOTACTION", S,
                "NotAction leaving iam:PassRole, "
                "on Resource *" },
        { "PASS_ROLE_WITH_NOTRESOURCE", S, "iam:PassRole with NotResource" },
        { "PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOTRESOURCE", S,
                "a wildcard action covering "
                "iam:PassRole with NotResource" },
        { "PASS_ROLE_WITH_NOTACTION_AND_NOTRESOURCE", S,
                "NotAction and NotResource leaving "
                "iam:PassRole" },
        { "FORALLVALUES_WITH_SINGLE_VALUED_KEY", S, "ForAllValues on a single-valued key" },
        { "FORANYVALUE_WITH_SINGLE_VALUED_KEY", S, "ForAnyValue on a single-valued key" },
        { "RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL", S,
                "a service principal without "
                "aws:SourceArn/SourceAccount" },
        { "MISSING_GITHUB_REPO_CONDITION_KEY", S, "GitHub OIDC trust without a sub condition" },
        { "DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE", S,
                "a Deny whose tag condition "
                "a service never sets" },

        // Works, but not as written.
        { "MISSING_VERSION", W, "no Version" },
        { "OLD_VERSION", W, "Version 2008-10-17" },
        { "UNIQUE_SIDS_RECOMMENDED", W, "a Sid repeated in an identity policy" },
        { "EMPTY_ARRAY_STATEMENT", W, "an empty Statement array" },
        { "UNDOCUMENTED_SERVICE", W, "a retired or undocumented service" },
        { "UNDOCUMENTED_ACTION", W, "an action AWS uses but does not document" },
        { "UNDOCUMENTED_CONDITION_KEY", W, "a condition key AWS uses but does not document" },
        { "ACTION_PATTERN_MATCHES_NOTHING", W, "a wildcard action that matches no action" },
        { "WILDCARD_IN_SERVICE_NAME", W, "a wildcard in a service prefix (matches nothing)" },
        { "RESOURCE_MISMATCH", W, "a resource no action of the statement acts on" },
        { "INVALID_GLOBAL_CONDITION_KEY", W, "an aws: key that does not exist" },
        { "INVALID_SERVICE_CONDITION_KEY", W, "a service key that does not exist" },
        { "UNSUPPORTED_ACTION_FOR_CONDITION_KEY", W, "a key no action of the statement supports" },
        { "TYPE_MISMATCH_STRING", W, "a non-string operator on a String key" },
        { "TYPE_MISMATCH_ARN", W, "a non-ARN operator on an ARN key" },
        { "TYPE_MISMATCH_NUMBER", W, "a non-numeric operator on a Numeric key" },
        { "TYPE_MISMATCH_DATE", W, "a non-date operator on a Date key" },
        { "TYPE_MISMATCH_BOOLEAN", W, "a non-Bool operator on a Bool key" },
        { "TYPE_MISMATCH_IP_RANGE", W, "a non-IP operator on an IP address key" },
        { "INVALID_CONDITION_DATA_TYPE", W, "a value that does not parse for its operator" },
        { "INVALID_VARIABLE_FOR_OPERATOR", W,
                "a policy variable under a Numeric, Date, IP or "
                "Bool operator" },
        { "INVALID_DATE_VALUE", W, "a date that is not ISO 8601 or epoch seconds" },
        { "MISSING_QUALIFIER", W, "a multivalued key without ForAllValues/ForAnyValue" },
        { "WILDCARD_WITHOUT_LIKE_OPERATOR", W, "* or ? under an Equals operator" },
        { "PRIVATE_IP_ADDRESS", W, "aws:SourceIp with only private ranges" },
        { "DUPLICATE_KEYS_WITH_DIFFERENT_CASE", W, "a condition key twice in different case" },
        { "INVALID_PRINCIPAL_FORMAT", W, "a principal that names nobody" },
        { "ROLE_TRUST_POLICY_UNSUPPORTED_ACTION", W,
                "a trust action other than sts:AssumeRole..." },
        // ARN components (validatearns.cpp): AWS ships such ARNs, or our lists may lag AWS's.
        { "INVALID_REGION", W, "an ARN region AWS does not have" },
        { "MISSING_ARN_REGION", W, "an ARN without the region its resource type needs" },
        { "ARN_REGION_NOT_ALLOWED", W, "a region in an ARN of a global resource" },
        { "ARN_ACCOUNT_NOT_ALLOWED", W, "an account in an ARN whose resource type has none" },
        { "INVALID_ARN_RESOURCE", W, "an ARN resource part no resource type of its service has" },
        { "CREATE_SLR_WITH_STAR_IN_RESOURCE", W, "iam:CreateServiceLinkedRole on Resource *" },
        { "CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE", W,
                "a wildcard action covering "
                "iam:CreateServiceLinkedRole on *" },
        { "CREATE_SLR_WITH_STAR_IN_RESOURCE_AND_NOTACTION", W,
                "NotAction leaving "
                "iam:CreateServiceLinkedRole" },
        { "CREATE_SLR_WITH_NOTRESOURCE", W, "iam:CreateServiceLinkedRole with NotResource" },
        { "CREATE_SLR_WITH_STAR_IN_ACTION_AND_NOTRESOURCE", W,
                "a wildcard action covering "
                "it with NotResource" },
        { "CREATE_SLR_WITH_NOTACTION_AND_NOTRESOURCE", W, "NotAction and NotResource leaving it" },
        { "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA", W, "over 6,144 characters" },
        { "POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA", W, "over 20,480 characters" },
        { "POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA", W, "over 2,048 characters" },
        { "POLICY_SIZE_EXCEEDS_SESSION_POLICY_QUOTA", W, "over 2,048 characters" },
        { "POLICY_SIZE_EXCEEDS_SCP_QUOTA", W, "over 5,120 characters" },
        { "POLICY_SIZE_EXCEEDS_RCP_QUOTA", W, "over 5,120 characters" },

        // Simpler to write.
        { "EMPTY_ARRAY_ACTION", G, "Action: []" },
        { "EMPTY_ARRAY_RESOURCE", G, "Resource: []" },
        { "EMPTY_ARRAY_PRINCIPAL", G, "an empty principal list" },
        { "EMPTY_ARRAY_CONDITION", G, "an empty list of condition values" },
        { "EMPTY_OBJECT_PRINCIPAL", G, "Principal: {}" },
        { "EMPTY_OBJECT_CONDITION", G, "Condition: {}" },
        { "EMPTY_SID_VALUE", G, "Sid: \"\"" },
        { "REDUNDANT_ACTION", G, "an action another entry of the statement covers" },
        { "REDUNDANT_RESOURCE", G, "a resource another entry of the statement covers" },
        { "REDUNDANT_STATEMENT", G, "a statement another statement covers" },
        { "NULL_WITH_QUALIFIER", G, "Null with ForAllValues/ForAnyValue" },
        { "IMPROVE_IP_RANGE", G, "a CIDR range with host bits set" },
        // Resource breadth and resource-policy keys (validatearns.cpp).
        { "RESOURCE_STAR", G, "Resource * where every action takes ARNs" },
        { "RESOURCE_EFFECTIVELY_STAR", G, "an ARN pattern matching every resource of its actions" },
        { "IRRELEVANT_CONDITION_KEY_IN_POLICY", G,
                "a resource-owner key in a resource or trust policy" },
        { "ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE", G,
                "an Allow whose tag "
                "condition a service never "
                "sets" },
});

} // namespace

std::span<const ValidationCheck> validationChecks()
{
    return checks;
}

const ValidationCheck *findValidationCheck(std::string_view code)
{
    const auto found = std::find_if(checks.begin(), checks.end(),
            [code](const ValidationCheck &check) { return check.code == code; });
    return found == checks.end() ? nullptr : &*found;
}

} // namespace iamx
