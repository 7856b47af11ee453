#pragma once

#include "model/account.h"
#include "model/documentkey.h"
#include "model/evaluator.h"
#include "model/isotime.h"
#include "model/json.h"
#include "model/scenario.h"

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

// From an account to a request the engine can decide: which policies apply to a principal and
// why (provenance), the resource's policy, the organization's SCPs and RCPs, and the context
// AWS would fill in (account-format.md §4, §5; iam-evaluation.md §10).

namespace iamx {

/// How a policy came to bear on a request, for explanations.
struct PolicyOrigin
{
    /// `inline`, `attached`, `group Developers`, `boundary`, `session policy`, `trust policy`,
    /// `key policy`, `bucket policy`, `resource policy`, `SCP Root`, `RCP Root`, `assumed`.
    std::string via;
    /// Every route when a managed policy reaches the principal by several (`attached`,
    /// `group Developers`): evaluated once, shown with each route.
    std::vector<std::string> routes;
    std::string arn; ///< the managed policy's ARN, when it is one
    std::string versionId; ///< the managed policy version used (the default one)
    /// The account's document it is, for opening it and highlighting its statements; None
    /// for policies the account does not hold (session, scenario, default key policy).
    DocumentKey document;
};

/// A principal found in (or outside) the account.
struct ResolvedPrincipal
{
    RequestPrincipal principal;
    const User *user = nullptr; ///< into the Account, which outlives this
    const Role *role = nullptr;
    /// A principal of another account: its own policies are unknown, so its identity side is
    /// assumed to allow and the question is whether this account lets it in (§5).
    bool otherAccount = false;
};

/// `--context KEY=VALUE` pairs; a key given several times becomes multi-valued.
using ContextOverrides = std::vector<std::pair<std::string, std::string>>;

/// A request against the account, resolved: ready for decide() and explain().
struct AccountRequest
{
    PolicySet policies;
    std::vector<PolicyOrigin> identityOrigins; ///< parallel to policies.identity
    PolicyOrigin boundaryOrigin;
    PolicyOrigin sessionOrigin;
    PolicyOrigin resourceOrigin;
    std::vector<std::vector<PolicyOrigin>> scpOrigins; ///< parallel to policies.scpLevels
    std::vector<std::vector<PolicyOrigin>> rcpOrigins;
    Request request;
    /// What was assumed because the account does not say (an unlisted KMS key's default key
    /// policy, another account's identity side...), in words.
    std::vector<std::string> assumptions;
    /// Policies that did not compile or could not be found: the decision is then incomplete.
    std::vector<Diagnostic> problems;

    bool incomplete() const { return !problems.empty(); }
    /// The origin of the policy a statement belongs to.
    const PolicyOrigin &originOf(const StatementRef &ref) const;
};

class Resolver
{
public:
    explicit Resolver(const Account &account);

    /// Finds a principal as account-format.md §5 says: a user by name (ignoring case) or ARN;
    /// a role by name or ARN as a session named `session` (default `iam-explorer`); a session
    /// ARN; `root` or the root ARN; a service principal; `anonymous`; any other ARN as a
    /// principal of another account. nullopt with `error` set otherwise (a name that is both
    /// a user's and a role's asks for the ARN).
    std::optional<ResolvedPrincipal> findPrincipal(
            std::string_view text, std::string_view session, std::string &error) const;

    /// Everything that bears on `principal` doing `action` on `resource` at `now`.
    AccountRequest resolve(const ResolvedPrincipal &principal, std::string_view action,
            std::string_view resource, const ContextOverrides &overrides, Instant now) const;

    /// An account scenario (scenario-format.md, "With an account"): the request resolved as
    /// resolve() does, its context keys added over the filled-in ones, and the policies it
    /// lists added to the account's (replacing the boundary, session or resource policy it
    /// gives). nullopt with `error` set when the principal cannot be found.
    std::optional<AccountRequest> resolveScenario(
            const Scenario &scenario, Instant now, std::string &error) const;

    /// The identity policies of a principal with their origins (inline, attached, through each
    /// group), and its boundary; what resolve() uses, for listing.
    void identityPolicies(const ResolvedPrincipal &principal, AccountRequest &into) const;

    /// Calls `each(document, name)` for every identity policy document of a principal: its
    /// inline policies, its attached managed policies' default versions, and its groups'.
    /// No provenance, no copies: the quick walk who-can filters principals with.
    template <typename Each>
    void forEachIdentityDocument(const ResolvedPrincipal &principal, Each each) const
    {
        const auto managed = [&](const std::vector<AttachedPolicy> &attached) {
            for (const auto &a : attached)
                if (const ManagedPolicy *policy = m_account.findPolicy(a.arn))
                    if (const PolicyVersion *version = policy->defaultPolicyVersion())
                        each(version->document, policy->name);
        };
        const auto inlines = [&](const std::vector<InlinePolicy> &policies) {
            for (const auto &p : policies)
                each(p.document, p.name);
        };
        if (const User *user = principal.user) {
            inlines(user->inlinePolicies);
            managed(user->attachedPolicies);
            for (const auto &name : user->groupNames)
                if (const Group *group = m_account.findGroup(name)) {
                    inlines(group->inlinePolicies);
                    managed(group->attachedPolicies);
                }
        }
        if (const Role *role = principal.role) {
            inlines(role->inlinePolicies);
            managed(role->attachedPolicies);
        }
    }

    /// The principals a role's trust policy admits: the `Principal` entries (as written) of
    /// its Allow statements for sts:AssumeRole, AssumeRoleWithSAML or WithWebIdentity, and
    /// `*` for a NotPrincipal. A back-link for browsing; conditions are not weighed.
    std::vector<std::string> admittedBy(const Role &role) const;

    /// The context keys that describe the principal alone (aws:username, aws:PrincipalArn,
    /// aws:PrincipalTag/..., ...), as resolve() fills them for any request it makes.
    RequestContext principalContext(const ResolvedPrincipal &principal) const;

    /// The principal of a user, and of a session of a role, as findPrincipal() makes them.
    ResolvedPrincipal userPrincipal(const User &user) const;
    ResolvedPrincipal roleSessionPrincipal(const Role &role, std::string_view session) const;

    /// After precompile(): every identity policy of a user or role, compiled, in one list
    /// (inline, attached, its groups'); nullptr before, or for other principals.
    const std::vector<PolicyRef> *compiledIdentity(const ResolvedPrincipal &principal) const;
    /// The same by index into Account::users() / roles(); empty before precompile().
    const std::vector<std::vector<PolicyRef>> &compiledUserIdentities() const
    {
        return m_userIdentity;
    }
    const std::vector<std::vector<PolicyRef>> &compiledRoleIdentities() const
    {
        return m_roleIdentity;
    }

    /// Compiles every identity policy of the account (inline, and managed default versions)
    /// on `threads` threads (0: the machine's cores), so that later questions find them
    /// compiled. Compiling is otherwise lazy: a document is compiled the first time asked.
    void precompile(unsigned threads = 0) const;

    /// Compiles a policy document of the account once; later calls return the same policy.
    /// Null when it does not compile; its diagnostics (with file positions) go to `problems`.
    PolicyRef compile(const PolicyText &document, PolicyType type, ResourcePolicyKind kind,
            const std::string &name, std::vector<Diagnostic> *problems) const;

private:
    void addResource(std::string_view action, std::string_view resource,
            const ResolvedPrincipal &principal, AccountRequest &into) const;
    void addOrganization(const ResolvedPrincipal &principal, std::string_view resourceAccount,
            AccountRequest &into) const;
    void fillContext(const ResolvedPrincipal &principal, const AccountRequest &resolved,
            const Resource *resource, Instant now, RequestContext &context) const;

    void locate(std::uint32_t source, Diagnostic &d) const;
    void precompileOnce(unsigned threads) const;

    const Account &m_account;
    struct CacheKey
    {
        const PolicyText *document; // documents never move while the Account lives
        PolicyType type;
        ResourcePolicyKind kind;
        bool operator==(const CacheKey &) const = default;
    };
    struct CacheKeyHash
    {
        size_t operator()(const CacheKey &key) const;
    };
    struct CacheEntry
    {
        PolicyRef policy;
        std::vector<Diagnostic> problems;
    };
    mutable std::mutex m_cacheMutex; // who-can and precompile() compile from several threads
    mutable std::unordered_map<CacheKey, CacheEntry, CacheKeyHash> m_cache;
    mutable std::once_flag m_precompiled;
    mutable std::vector<std::vector<PolicyRef>> m_userIdentity; // by user index, precompile()
    mutable std::vector<std::vector<PolicyRef>> m_roleIdentity; // by role index
    mutable std::mutex m_linesMutex;
    mutable std::vector<std::unique_ptr<json::LineIndex>> m_lines; // per source, when needed
};

} // namespace iamx
