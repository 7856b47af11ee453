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
                "an sts:AssumeRole... action the principal cannot call" },
        { "RCP_SYNTAX_ERROR_ALLOW", E, "an RCP Allow other than RCPFullAWSAccess" },
        { "RCP_SYNTAX_ERROR_PRINCIPAL", E, "an RCP principal other than \"*\"" },
        // Condition values (validateconditionvalues.cpp).
        { "MISSING_TAG_KEY_IN_CONDITION", E, "aws:ResourceTag/ and the like with no tag key" },
        { "INVALID_VPC_FORMAT", E, "an aws:SourceVpc value that is not vpc- and an id" },
        { "INVALID_VPCE_FORMAT", E, "an aws:SourceVpce value that is not vpce- and an id" },
        { "INVALID_CONDITION_MULTIPLE_BOOLEAN", E, "a Bool key compared with true and false" },
        { "VARIABLE_UNSUPPORTED_IN_ELEMENT", E, "a policy variable in Action or Principal" },
        // Principals and trust policies (validateprincipals.cpp).
        { "INVALID_SERVICE_PRINCIPAL_FORMAT", E, "a service principal not name.amazonaws.com" },
        { "FEDERATED_PRINCIPAL_NOT_SUPPORTED", E,
                "Federated in a policy other than a trust policy" },
        { "INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY", E,
                "a Federated value that is no identity provider" },
        { "ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL", E,
                "a wildcard in a trust policy's principal other than *" },
        { "UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL", E,
                "a principal key a service principal's request never has" },
        { "MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY", E,
                "Roles Anywhere trust without AssumeRole, TagSession, SetSourceIdentity" },
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
        { "SENSITIVE_ACCESS", S, "an Allow reaching a resource given with --sensitive" },
        { "FORALLVALUES_WITH_SINGLE_VALUED_KEY", S, "ForAllValues on a single-valued key" },
        { "FORANYVALUE_WITH_SINGLE_VALUED_KEY", S, "ForAnyValue on a single-valued key" },
        { "RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL", S,
                "a service principal without "
                "aws:SourceArn/SourceAccount" },
        { "MISSING_GITHUB_REPO_CONDITION_KEY", S, "GitHub OIDC trust without a sub condition" },
        { "MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL", S,
                "an OIDC provider trusted without a condition on its claims" },
        { "DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE", S,
                "a Deny whose tag condition "
                "a service never sets" },
        // Condition values (validateconditionvalues.cpp).
        { "MISSING_PAIRED_CONDITION_KEYS", S,
                "aws:VpcSourceIp without aws:SourceVpc, and the like" },
        { "BAD_PATTERN_FOR_MFA", S, "an MFA test an absent aws:MultiFactorAuthPresent defeats" },
        // Privilege escalation (validateescalation.cpp) and NotAction tag keys.
        { "PRIVILEGE_ESCALATION", S, "the Allows together complete a privilege escalation path" },
        { "RESOURCE_POLICY_PRIVILEGE_ESCALATION", S,
                "a Deny undone by the service's permissions-management actions" },
        { "DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE", S,
                "a NotAction Deny whose tag condition services never set" },

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
        { "SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED", W,
                "a GitHub sub condition with a wildcard in the repository or branch" },
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
        // Condition values (validateconditionvalues.cpp).
        { "PRIVATE_NOT_IP_ADDRESS", W, "NotIpAddress on aws:SourceIp with only private ranges" },
        { "DEPRECATED_GLOBAL_CONDITION_KEY", W, "a deprecated global key (aws:ARN)" },
        { "MISSING_ACTION_FOR_CONDITION_KEY", W,
                "a key only one action sets, without that action" },
        // Credentials and permissions management on * (validateescalation.cpp).
        { "CREDENTIALS_EXPOSURE", W, "an action whose response holds credentials" },
        { "PERMISSIONS_MANAGEMENT_ACTIONS", W, "permissions-management actions on Resource *" },

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
        { "RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL", G,
                "a service principal limited by a key other than aws:SourceArn/SourceAccount" },
        { "CONFIRM_AUDIENCE_CLAIM_TYPE", G, "an OIDC aud key with ForAllValues/ForAnyValue" },
        { "REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY", G,
                "a trust principal named twice, or a role session beside its role" },
        // Resource breadth and resource-policy keys (validatearns.cpp).
        { "RESOURCE_STAR", G, "Resource * where every action takes ARNs" },
        { "RESOURCE_EFFECTIVELY_STAR", G, "an ARN pattern matching every resource of its actions" },
        { "IRRELEVANT_CONDITION_KEY_IN_POLICY", G,
                "a resource-owner key in a resource or trust policy" },
        { "ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE", G,
                "an Allow whose tag "
                "condition a service never "
                "sets" },
        // Condition values (validateconditionvalues.cpp).
        { "PRIVATE_IP_ADDRESS_SUBSET", G, "a private range among public ones on aws:SourceIp" },
        { "PRIVATE_NOT_IP_ADDRESS_SUBSET", G,
                "a private range among public ones under NotIpAddress" },
        { "REDUNDANT_CONDITION_VALUE_NUM", G, "a condition value another value covers" },
        { "EMPTY_ARRAY_CONDITION_IFEXISTS", G, "an empty value list under ...IfExists" },
        { "EMPTY_ARRAY_CONDITION_FORALLVALUES", G, "an empty value list under ForAllValues" },
        { "EMPTY_ARRAY_CONDITION_FORANYVALUE", G, "an empty value list under ForAnyValue" },
        { "ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE", G,
                "a NotAction Allow whose tag condition services never set" },
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
