// The validator's checks that depend on what the policy is attached as: what RCPs may hold,
// Sid spelling, policy variables under an old Version, and size quotas. (What trust policies
// may hold is in validateprincipals.cpp.)

#include "model/validationcontext.h"

#include <algorithm>

namespace iamx::validation {
namespace {

void checkResourceControl(Context &context, const StatementNode &statement)
{
    if (statement.principal) {
        const json::Value &principal = statement.principal->value;
        if (statement.notPrincipal || !principal.isString() || principal.text != "*")
            context.reportKey("RCP_SYNTAX_ERROR_PRINCIPAL",
                    statement.pointer + "/" + statement.principal->key,
                    "an RCP applies to every principal: write \"Principal\": \"*\" and narrow "
                    "it with conditions such as aws:PrincipalOrgID",
                    *statement.principal);
    }
    if (!statement.isAllow())
        return;
    // The one Allow an RCP may hold is RCPFullAWSAccess: Principal, Action and Resource "*".
    const auto isStar = [](const json::Member *member) {
        return member && member->value.isString() && member->value.text == "*";
    };
    const bool fullAccess = isStar(statement.principal) && !statement.notPrincipal
            && isStar(statement.action) && !statement.notAction && isStar(statement.resource)
            && !statement.notResource && !statement.condition;
    if (!fullAccess)
        context.report("RCP_SYNTAX_ERROR_ALLOW", statement.pointer + "/Effect",
                "an RCP only denies (its one Allow is RCPFullAWSAccess: \"*\" for Principal, "
                "Action and Resource): make this statement a Deny",
                *statement.effect);
}

bool isAlphanumeric(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    });
}

// Values that hold `${`: policy variables, which only Version 2012-10-17 reads.
void checkVariables(Context &context, const StatementNode &statement)
{
    const auto check = [&](const Entry &entry) {
        if (entry.value->isString() && entry.text().find("${") != std::string::npos)
            context.report("VARIABLE_UNSUPPORTED_IN_VERSION", entry.pointer,
                    "\"" + entry.text()
                            + "\" holds a policy variable, which is read as plain text "
                              "without \"Version\": \"2012-10-17\": set that Version",
                    *entry.value);
    };
    std::for_each(statement.resources.begin(), statement.resources.end(), check);
    for (const ConditionEntry &condition : statement.conditions)
        std::for_each(condition.values.begin(), condition.values.end(), check);
}

struct Quota
{
    std::string_view code;
    size_t limit;
    std::string_view what;
};

Quota quotaOf(ValidationPolicyType type)
{
    switch (type) {
    case ValidationPolicyType::Resource:
        return { "POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA", 20480,
            "an S3 bucket policy (other services allow less)" };
    case ValidationPolicyType::Trust:
        return { "POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA", 2048,
            "a role trust policy (the quota can be raised to 4,096)" };
    case ValidationPolicyType::Session:
        return { "POLICY_SIZE_EXCEEDS_SESSION_POLICY_QUOTA", 2048, "a session policy" };
    case ValidationPolicyType::ServiceControl:
        return { "POLICY_SIZE_EXCEEDS_SCP_QUOTA", 5120, "a service control policy" };
    case ValidationPolicyType::ResourceControl:
        return { "POLICY_SIZE_EXCEEDS_RCP_QUOTA", 5120, "a resource control policy" };
    case ValidationPolicyType::Identity:
    case ValidationPolicyType::PermissionsBoundary:
        break;
    }
    return { "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA", 6144,
        "a customer managed policy (inline policies allow 2,048 for a user, 5,120 for a group, "
        "10,240 for a role)" };
}

} // namespace

void checkPolicyType(Context &context)
{
    const bool iamSids = context.type != ValidationPolicyType::Resource;
    for (const StatementNode &statement : context.statements) {
        if (context.type == ValidationPolicyType::ResourceControl)
            checkResourceControl(context, statement);
        if (statement.sid && statement.sid->isString()) {
            if (statement.sid->text.empty())
                context.report("EMPTY_SID_VALUE", statement.pointer + "/Sid",
                        "the Sid is empty: remove it or name the statement", *statement.sid);
            else if (iamSids && !isAlphanumeric(statement.sid->text))
                context.report("UNSUPPORTED_SID", statement.pointer + "/Sid",
                        "IAM accepts only letters A-Z, a-z and digits 0-9 in a Sid: remove the "
                        "other characters",
                        *statement.sid);
        }
        if (!context.variablesEnabled)
            checkVariables(context, statement);
    }
    const size_t size = policySizeWithoutWhitespace(context.text);
    const Quota quota = quotaOf(context.type);
    if (size > quota.limit)
        context.report(quota.code, "",
                "the policy holds " + std::to_string(size) + " characters without white space, "
                        + "more than the " + std::to_string(quota.limit) + " AWS accepts for "
                        + std::string(quota.what) + ": split it into several policies",
                context.root.offset, 1);
}

} // namespace iamx::validation
