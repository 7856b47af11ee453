#pragma once

#include "model/diagnostic.h"
#include "model/policy.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

// Policy validation in the manner of IAM Access Analyzer: the engine's parser gives the grammar
// (JSON syntax, elements, types, operators, ARN shape), the action catalog gives the names
// (services, actions, resource types, condition keys and their types), and checks of our own
// add what is legal but risky or pointless. Findings come in four severities: ERROR (AWS
// rejects the policy or a part of it never works), SECURITY_WARNING (it works but grants too
// much), WARNING (it works but not as written), SUGGESTION (it can be written more simply).
// Nothing AWS ships in one of its managed policies is an ERROR.

namespace iamx {

/// What a policy is attached as; it decides which elements it may hold and its size quota.
enum class ValidationPolicyType : std::uint8_t {
    Identity, ///< attached to a user, group or role (managed or inline)
    Resource, ///< a resource-based policy (bucket, key, queue policy...)
    Trust, ///< a role's trust policy
    PermissionsBoundary,
    Session,
    ServiceControl, ///< an SCP
    ResourceControl, ///< an RCP
};

/// The CLI spelling: identity, resource, trust, permissionsBoundary, session, scp, rcp.
std::string_view validationPolicyTypeName(ValidationPolicyType type);
/// Reads the CLI spelling (exact case); nullopt for anything else.
std::optional<ValidationPolicyType> parseValidationPolicyType(std::string_view name);
/// The validation type of a policy the engine reads with `type` and `kind`.
ValidationPolicyType validationPolicyType(PolicyType type, ResourcePolicyKind kind);

struct ValidationOptions
{
    ValidationPolicyType type = ValidationPolicyType::Identity;
    std::string file; ///< copied into every finding's location
    /// For a Resource policy: the ARN of the resource it is attached to (`arn:aws:s3:::b`), which
    /// names the service whose actions and resources it may hold. Empty: unknown, inferred
    /// from the statements' Resource entries when they all name one service.
    std::string resourceArn {};
    /// Resources the user calls sensitive (ARN patterns, `*` and `?` allowed): an Allow that
    /// reaches one is a SENSITIVE_ACCESS finding (Parliament's opt-in check). Empty: none.
    std::vector<std::string> sensitiveResources {};
};

/// Validates one policy document. Findings are sorted by position (then severity, then code),
/// each with a stable code, a message that says how to fix it, its JSON pointer and its span:
/// line and column of the first character, endLine and endColumn just past the last (1-based,
/// columns in code points). Never throws; any text, however broken, gives findings.
std::vector<Diagnostic> validatePolicy(
        std::string_view text, const ValidationOptions &options = {});

/// One check of the validator: its code, the severity of its findings, and what it finds.
struct ValidationCheck
{
    std::string_view code;
    Severity severity;
    std::string_view summary;
};

/// Every check the validator makes, in the order of the README's table.
std::span<const ValidationCheck> validationChecks();
/// The check of `code`, or null for a code the validator does not report.
const ValidationCheck *findValidationCheck(std::string_view code);

/// The policy's size as AWS counts it against a quota: its characters outside JSON strings that
/// are not white space, and every character inside them. Counted in bytes.
size_t policySizeWithoutWhitespace(std::string_view text);

} // namespace iamx
