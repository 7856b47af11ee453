#include "model/accountquotas.h"

#include "model/account.h"
#include "model/policyvalidator.h"

#include <string>

namespace iamx::accountcheck {

namespace {

// IAM's quotas (IAM and AWS STS quotas, "IAM and STS character limits"); none can be raised.
constexpr size_t userInlineQuota = 2048;
constexpr size_t groupInlineQuota = 5120;
constexpr size_t roleInlineQuota = 10240;
constexpr size_t managedPolicyQuota = 6144;

/// At 90% of a quota, a policy has room for one or two more statements at most.
bool nearQuota(size_t size, size_t quota)
{
    return size * 10 >= quota * 9;
}

std::string withThousands(size_t n)
{
    std::string digits = std::to_string(n);
    for (size_t i = digits.size(); i > 3; i -= 3)
        digits.insert(i - 3, ",");
    return digits;
}

void checkInline(const std::vector<InlinePolicy> &policies, size_t quota, const char *kind,
        const std::string &name, const std::string &pointer, const SourceSpan &span,
        Locator &locator, std::vector<Diagnostic> &findings)
{
    size_t size = 0;
    for (const auto &policy : policies)
        size += policySizeWithoutWhitespace(policy.document.text());
    const std::string owner = kind + (" " + name);
    const std::string figures = withThousands(size) + " of the " + withThousands(quota)
            + " characters IAM allows for the inline policies of one " + kind;
    Diagnostic d;
    if (size > quota)
        d = finding(Severity::Warning, "INLINE_POLICIES_EXCEED_QUOTA", pointer,
                "The inline policies of " + owner + " take " + figures
                        + " (white space aside): IAM refuses them; move statements into a "
                          "customer managed policy");
    else if (nearQuota(size, quota))
        d = finding(Severity::Suggestion, "POLICY_SIZE_NEAR_QUOTA", pointer,
                "The inline policies of " + owner + " take " + figures
                        + " (white space aside): little room is left; a customer managed "
                          "policy would give more");
    else
        return;
    locator.place(d, span);
    findings.push_back(std::move(d));
}

} // namespace

void addQuotaFindings(const Account &account, Locator &locator, std::vector<Diagnostic> &findings)
{
    for (size_t i = 0; i < account.users().size(); ++i) {
        const User &user = account.users()[i];
        checkInline(user.inlinePolicies, userInlineQuota, "user", user.name,
                "/UserDetailList/" + std::to_string(i) + "/UserPolicyList", user.span, locator,
                findings);
    }
    for (size_t i = 0; i < account.groups().size(); ++i) {
        const Group &group = account.groups()[i];
        checkInline(group.inlinePolicies, groupInlineQuota, "group", group.name,
                "/GroupDetailList/" + std::to_string(i) + "/GroupPolicyList", group.span, locator,
                findings);
    }
    for (size_t i = 0; i < account.roles().size(); ++i) {
        const Role &role = account.roles()[i];
        checkInline(role.inlinePolicies, roleInlineQuota, "role", role.name,
                "/RoleDetailList/" + std::to_string(i) + "/RolePolicyList", role.span, locator,
                findings);
    }
    for (size_t i = 0; i < account.policies().size(); ++i) {
        const ManagedPolicy &policy = account.policies()[i];
        if (policy.isAwsManaged())
            continue; // AWS's own have no quota
        const PolicyVersion *version = policy.defaultPolicyVersion();
        if (!version)
            continue;
        const size_t size = policySizeWithoutWhitespace(version->document.text());
        // Over the quota, the document's own validation says so (POLICY_SIZE_EXCEEDS_...).
        if (size > managedPolicyQuota || !nearQuota(size, managedPolicyQuota))
            continue;
        Diagnostic d = finding(Severity::Suggestion, "POLICY_SIZE_NEAR_QUOTA",
                "/Policies/" + std::to_string(i),
                "The customer managed policy " + policy.name + " takes " + withThousands(size)
                        + " of the " + withThousands(managedPolicyQuota)
                        + " characters IAM allows (white space aside): little room is left; "
                          "split it before the next statement");
        locator.place(d, policy.span);
        findings.push_back(std::move(d));
    }
}

} // namespace iamx::accountcheck
