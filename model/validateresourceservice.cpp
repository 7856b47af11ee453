// The validator's checks of a resource-based policy against the service of the resource it is
// attached to: a bucket policy may only hold S3 actions and S3 resources, and conditions on
// the resource's own account or organization say nothing there (the owner is always the same).

#include "model/arn.h"
#include "model/casefold.h"
#include "model/validationcontext.h"
#include "model/valuetemplate.h"

#include <algorithm>
#include <array>
#include <optional>

namespace iamx::validation {
namespace {

// Services whose resource policies hold another prefix's actions or ARNs: an API Gateway REST
// API's policy grants execute-api:Invoke on execute-api ARNs, an MSK cluster's kafka-cluster
// actions, a VPC Lattice service's vpc-lattice-svcs:Invoke.
struct Companion
{
    std::string_view service, other;
};
constexpr auto companions = std::to_array<Companion>({
        { "apigateway", "execute-api" },
        { "execute-api", "apigateway" },
        { "kafka", "kafka-cluster" },
        { "kafka-cluster", "kafka" },
        { "vpc-lattice", "vpc-lattice-svcs" },
        { "vpc-lattice-svcs", "vpc-lattice" },
});

bool belongsTo(std::string_view prefix, std::string_view service)
{
    if (asciiEqualsIgnoreCase(prefix, service))
        return true;
    return std::any_of(companions.begin(), companions.end(), [&](const Companion &c) {
        return asciiEqualsIgnoreCase(c.service, service) && asciiEqualsIgnoreCase(c.other, prefix);
    });
}

bool isLiteralService(std::string_view service)
{
    return !service.empty() && service.find_first_of("*?$") == std::string_view::npos;
}

// The service of an ARN pattern when it names one literally.
std::optional<std::string_view> arnService(std::string_view text)
{
    const auto parts = splitOutsideVariables(text, ':', 6);
    if (parts.size() != 6 || parts[0] != "arn" || !isLiteralService(parts[2]))
        return std::nullopt;
    return parts[2];
}

// The service the policy is for: the attached resource's, else the one service every
// Resource entry names (`*` says nothing); nullopt when unknown.
std::optional<std::string> policyService(const Context &context, bool &fromResourceArn)
{
    fromResourceArn = !context.resourceArn.empty();
    if (fromResourceArn) {
        const auto service = arnService(context.resourceArn);
        return service ? std::optional(toAsciiLowercase(*service)) : std::nullopt;
    }
    std::optional<std::string> found;
    for (const StatementNode &statement : context.statements)
        for (const Entry &entry : statement.resources) {
            if (entry.text() == "*")
                continue;
            const auto service = arnService(entry.text());
            if (!service || (found && !asciiEqualsIgnoreCase(*found, *service)))
                return std::nullopt;
            found = toAsciiLowercase(*service);
        }
    return found;
}

// Keys describing the resource's owner: in a resource policy they are always that owner's.
constexpr auto ownerKeys = std::to_array<std::string_view>({
        "aws:ResourceAccount",
        "aws:ResourceOrgID",
        "aws:ResourceOrgPaths",
        "s3:ResourceAccount",
        "s3express:ResourceAccount",
});

void checkIrrelevantKeys(Context &context)
{
    for (const StatementNode &statement : context.statements)
        for (const ConditionEntry &condition : statement.conditions) {
            const std::string_view key = condition.key->key;
            const auto owner = std::find_if(ownerKeys.begin(), ownerKeys.end(),
                    [key](std::string_view k) { return asciiEqualsIgnoreCase(k, key); });
            if (owner == ownerKeys.end())
                continue;
            context.reportKey("IRRELEVANT_CONDITION_KEY_IN_POLICY", condition.pointer,
                    "\"" + std::string(key) + "\" is always the account (or organization) that "
                            + "owns the resource this policy is attached to, so the condition "
                              "is always true or always false: remove it (it belongs in "
                              "identity policies, SCPs and RCPs)",
                    *condition.key);
        }
}

} // namespace

void checkResourcePolicyService(Context &context)
{
    if (context.type != ValidationPolicyType::Resource
            && context.type != ValidationPolicyType::Trust)
        return;
    checkIrrelevantKeys(context);
    if (context.type != ValidationPolicyType::Resource)
        return;
    bool fromResourceArn = false;
    const auto service = policyService(context, fromResourceArn);
    if (!service)
        return;
    const std::string where = fromResourceArn
            ? "the resource this policy is attached to (" + std::string(context.resourceArn) + ")"
            : "the resource this policy is for (its Resource entries name " + *service + ")";
    for (const StatementNode &statement : context.statements) {
        if (!statement.notAction)
            for (const Entry &entry : statement.actions) {
                const std::string &text = entry.text();
                const size_t colon = text.find(':');
                if (colon == std::string::npos)
                    continue;
                const std::string_view prefix = std::string_view(text).substr(0, colon);
                if (!isLiteralService(prefix) || belongsTo(prefix, *service))
                    continue;
                context.report("UNSUPPORTED_ACTION_IN_POLICY", entry.pointer,
                        "\"" + text + "\" is an action of " + std::string(prefix) + ", but " + where
                                + " is of " + *service + ", whose policy can only grant " + *service
                                + " actions: move it to a policy of a " + std::string(prefix)
                                + " resource or an identity policy",
                        *entry.value);
            }
        if (!fromResourceArn)
            continue; // inferred from these very entries: they all agree
        for (const Entry &entry : statement.resources) {
            const auto other = arnService(entry.text());
            if (!other || belongsTo(*other, *service))
                continue;
            context.report("UNSUPPORTED_RESOURCE_ARN_IN_POLICY", entry.pointer,
                    "\"" + entry.text() + "\" is a resource of " + std::string(*other) + ", but "
                            + where + " is of " + *service
                            + ": a resource policy can only name its own resource (and what it "
                              "holds); name that here, or move this to a policy of the "
                            + std::string(*other) + " resource",
                    *entry.value);
        }
    }
}

} // namespace iamx::validation
