#include "model/statementreach.h"

#include "model/account.h"
#include "model/actioncatalog.h"
#include "model/conditionevaluator.h"
#include "model/documentkey.h"
#include "model/evaluator.h"
#include "model/patternrelations.h"
#include "model/resolver.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace iamx::accountcheck {

namespace {

/// Who a document bears on: users and roles of the account, and for an SCP every principal of
/// the account, its root user included.
struct Audience
{
    std::vector<const User *> users;
    std::vector<const Role *> roles;
    bool root = false;
    bool empty() const { return users.empty() && roles.empty() && !root; }
};

/// A policy document of the account and who it bears on.
struct DocumentUse
{
    const PolicyText *document = nullptr;
    DocumentKey key;
    PolicyType type = PolicyType::Identity;
    std::string pointer; ///< of the document in the account file; empty for an SCP
    Audience audience;
};

bool isServiceLinked(const Role &role)
{
    // AWS exempts service-linked roles from SCPs; they are AWS's, not the account's.
    return role.path.starts_with("/aws-service-role/");
}

std::vector<DocumentUse> documentUses(const Account &account)
{
    using Kind = DocumentKey::Kind;
    std::vector<DocumentUse> uses;
    const auto addMembers = [&](const Group &group, Audience &audience) {
        for (const User *user : account.membersOf(group))
            audience.users.push_back(user);
    };
    for (size_t i = 0; i < account.users().size(); ++i) {
        const User &user = account.users()[i];
        for (size_t j = 0; j < user.inlinePolicies.size(); ++j)
            uses.push_back({ &user.inlinePolicies[j].document,
                    { Kind::UserInline, user.name, user.inlinePolicies[j].name },
                    PolicyType::Identity,
                    "/UserDetailList/" + std::to_string(i) + "/UserPolicyList/" + std::to_string(j)
                            + "/PolicyDocument",
                    { { &user }, {}, false } });
    }
    for (size_t i = 0; i < account.groups().size(); ++i) {
        const Group &group = account.groups()[i];
        for (size_t j = 0; j < group.inlinePolicies.size(); ++j) {
            DocumentUse use { &group.inlinePolicies[j].document,
                { Kind::GroupInline, group.name, group.inlinePolicies[j].name },
                PolicyType::Identity,
                "/GroupDetailList/" + std::to_string(i) + "/GroupPolicyList/" + std::to_string(j)
                        + "/PolicyDocument",
                {} };
            addMembers(group, use.audience);
            uses.push_back(std::move(use));
        }
    }
    for (size_t i = 0; i < account.roles().size(); ++i) {
        const Role &role = account.roles()[i];
        for (size_t j = 0; j < role.inlinePolicies.size(); ++j)
            uses.push_back({ &role.inlinePolicies[j].document,
                    { Kind::RoleInline, role.name, role.inlinePolicies[j].name },
                    PolicyType::Identity,
                    "/RoleDetailList/" + std::to_string(i) + "/RolePolicyList/" + std::to_string(j)
                            + "/PolicyDocument",
                    { {}, { &role }, false } });
    }
    for (size_t i = 0; i < account.policies().size(); ++i) {
        const ManagedPolicy &policy = account.policies()[i];
        if (policy.isAwsManaged())
            continue; // AWS's own: not the account's to fix
        const auto version = std::find_if(policy.versions.begin(), policy.versions.end(),
                [](const PolicyVersion &v) { return v.isDefault; });
        if (version == policy.versions.end())
            continue;
        DocumentUse use { &version->document, { Kind::Managed, policy.arn, {} },
            PolicyType::Identity,
            "/Policies/" + std::to_string(i) + "/PolicyVersionList/"
                    + std::to_string(version - policy.versions.begin()) + "/Document",
            {} };
        for (const auto &attachment : account.attachmentsOf(policy)) {
            if (attachment.asBoundary)
                continue;
            using AttachmentKind = Account::Attachment::Kind;
            if (attachment.kind == AttachmentKind::User) {
                if (const User *user = account.findUser(attachment.arn))
                    use.audience.users.push_back(user);
            } else if (attachment.kind == AttachmentKind::Group) {
                if (const Group *group = account.findGroup(attachment.arn))
                    addMembers(*group, use.audience);
            } else if (const Role *role = account.findRole(attachment.arn)) {
                use.audience.roles.push_back(role);
            }
        }
        uses.push_back(std::move(use));
    }
    const auto &organization = account.organization();
    // The management account is not bound by SCPs.
    if (organization && organization->managementAccountId != account.accountId()) {
        Audience everyone;
        for (const User &user : account.users())
            everyone.users.push_back(&user);
        for (const Role &role : account.roles())
            if (!isServiceLinked(role))
                everyone.roles.push_back(&role);
        everyone.root = true;
        for (const auto &level : organization->levels)
            for (const auto &scp : level.scps)
                uses.push_back({ &scp.document, { Kind::Scp, level.id, scp.name },
                        PolicyType::ServiceControl, {}, everyone });
    }
    for (auto &use : uses) {
        // A user in two groups that share the policy is one audience member.
        auto &users = use.audience.users;
        std::sort(users.begin(), users.end());
        users.erase(std::unique(users.begin(), users.end()), users.end());
    }
    return uses;
}

/// One principal as the decision sees it: its policies and its request context, resolved
/// once and kept while the checks run.
struct PrincipalView
{
    std::string label; ///< `user alice`, `role deploy`, `the root user`
    bool isUser = false;
    AccountRequest resolved;
};

class PrincipalViews
{
public:
    PrincipalViews(const Account &account, const Resolver &resolver)
        : m_account(account)
        , m_resolver(resolver)
    {
    }

    const PrincipalView &of(const User &user)
    {
        return view(&user, [&] {
            return std::make_pair("user " + user.name, m_resolver.userPrincipal(user));
        });
    }
    const PrincipalView &of(const Role &role)
    {
        return view(&role, [&] {
            return std::make_pair(
                    "role " + role.name, m_resolver.roleSessionPrincipal(role, "iam-explorer"));
        });
    }
    const PrincipalView *root()
    {
        std::string error;
        const auto principal = m_resolver.findPrincipal("root", {}, error);
        if (!principal)
            return nullptr;
        return &view(&m_account, [&] { return std::make_pair("the root user", *principal); });
    }

    /// Calls `each(view)` for every principal of `audience` while it returns true.
    template <typename Each> bool forEach(const Audience &audience, Each each)
    {
        for (const User *user : audience.users)
            if (!each(of(*user)))
                return false;
        for (const Role *role : audience.roles)
            if (!each(of(*role)))
                return false;
        if (audience.root)
            if (const PrincipalView *view = root(); view && !each(*view))
                return false;
        return true;
    }

private:
    template <typename Make> const PrincipalView &view(const void *key, Make make)
    {
        auto &slot = m_views[key];
        if (!slot) {
            auto [label, principal] = make();
            slot = std::make_unique<PrincipalView>();
            slot->label = std::move(label);
            slot->isUser = principal.user != nullptr;
            // Any action and resource: the identity side, boundary and SCPs do not depend on
            // them, and the context keys checked here describe the principal.
            slot->resolved = m_resolver.resolve(principal, "iam:GetUser", "*", {}, Instant {});
        }
        return *slot;
    }

    const Account &m_account;
    const Resolver &m_resolver;
    std::unordered_map<const void *, std::unique_ptr<PrincipalView>> m_views;
};

std::string statementName(const Statement &statement, size_t index)
{
    return statement.sid && !statement.sid->empty() ? "statement " + *statement.sid
                                                    : "statement " + std::to_string(index);
}

/// The finding placed at a statement of a document.
Diagnostic statementFinding(Locator &locator, const DocumentUse &use, const Statement &statement,
        Severity severity, std::string code, std::string message)
{
    Diagnostic d =
            finding(severity, std::move(code), use.pointer + statement.pointer, std::move(message));
    const SourceSpan &span = use.document->span();
    // A document written as a JSON object is the file's own text; one written as a string was
    // decoded, so the finding points at the string.
    if (use.document->form() == PolicyText::Form::Object)
        locator.place(d, span.source, span.offset + statement.offset, statement.length);
    else
        locator.place(d, span);
    return d;
}

// ---- SHADOWED_ALLOW_STATEMENT --------------------------------------------------------------

/// True when a Deny statement's resources take in every ARN `resource` names.
bool denyCovers(const Statement &deny, std::string_view resource)
{
    const auto covers = [&](const ResourcePattern &p) {
        return resourcePatternCovers(p.text, resource);
    };
    const auto overlaps = [&](const ResourcePattern &p) {
        return resourcePatternsOverlap(p.text, resource);
    };
    switch (deny.resourceMode) {
    case Statement::ResourceMode::Resource:
        return std::any_of(deny.resources.begin(), deny.resources.end(), covers);
    case Statement::ResourceMode::NotResource:
        return std::none_of(deny.resources.begin(), deny.resources.end(), overlaps);
    case Statement::ResourceMode::None:
        break;
    }
    return true;
}

/// True when an Allow statement's resources might take in an ARN `resource` names.
bool allowMayReach(const Statement &allow, std::string_view resource)
{
    const auto covers = [&](const ResourcePattern &p) {
        return resourcePatternCovers(p.text, resource);
    };
    const auto overlaps = [&](const ResourcePattern &p) {
        return resourcePatternsOverlap(p.text, resource);
    };
    switch (allow.resourceMode) {
    case Statement::ResourceMode::Resource:
        return std::any_of(allow.resources.begin(), allow.resources.end(), overlaps);
    case Statement::ResourceMode::NotResource:
        return std::none_of(allow.resources.begin(), allow.resources.end(), covers);
    case Statement::ResourceMode::None:
        break;
    }
    return true;
}

/// The first statement of `policy` that denies `action` on all of `resource` whatever the
/// request's context.
const Statement *unconditionalDeny(
        const Policy &policy, std::string_view action, std::string_view resource)
{
    for (const auto &statement : policy.statements)
        if (statement.effect == Effect::Deny && statement.conditions.empty()
                && statement.principalMode == PrincipalMode::None
                && statementActionMatches(statement, action) && denyCovers(statement, resource))
            return &statement;
    return nullptr;
}

/// True when some Allow statement of `policies` might let `action` on part of `resource`
/// through, conditions taken as met.
bool mayAllowAny(
        std::span<const PolicyRef> policies, std::string_view action, std::string_view resource)
{
    for (const auto &policy : policies)
        for (const auto &statement : policy->statements)
            if (statement.effect == Effect::Allow && statementActionMatches(statement, action)
                    && allowMayReach(statement, resource))
                return true;
    return false;
}

/// Why `action` on `resource` can never be allowed for the principal, whatever the context;
/// empty when it might be.
std::string blocker(const PrincipalView &view, std::string_view action, std::string_view resource)
{
    const PolicySet &set = view.resolved.policies;
    const auto deniedBy = [&](const PolicyRef &policy) -> std::string {
        if (!policy)
            return {};
        const auto &statements = policy->statements;
        if (const Statement *deny = unconditionalDeny(*policy, action, resource))
            return policy->name + " denies it ("
                    + statementName(*deny, static_cast<size_t>(deny - statements.data())) + ")";
        return {};
    };
    for (const auto &policy : set.identity)
        if (std::string why = deniedBy(policy); !why.empty())
            return why;
    if (set.permissionsBoundary) {
        if (std::string why = deniedBy(set.permissionsBoundary); !why.empty())
            return why;
        if (!mayAllowAny({ &set.permissionsBoundary, 1 }, action, resource))
            return "its permissions boundary " + set.permissionsBoundary->name
                    + " allows none of it";
    }
    for (size_t level = 0; level < set.scpLevels.size(); ++level) {
        for (const auto &policy : set.scpLevels[level])
            if (std::string why = deniedBy(policy); !why.empty())
                return "the SCP " + why;
        if (!mayAllowAny(set.scpLevels[level], action, resource)) {
            const auto &origins = view.resolved.scpOrigins;
            const std::string where = level < origins.size() && !origins[level].empty()
                    ? origins[level].front().via
                    : "level " + std::to_string(level);
            return "no SCP of " + where + " allows it";
        }
    }
    return {};
}

/// The catalog's actions an Allow statement names; empty when it names one the catalog does
/// not know (its reach cannot then be told).
std::vector<const CatalogAction *> namedActions(const Statement &statement)
{
    const ActionCatalog &catalog = ActionCatalog::instance();
    std::vector<std::string> patterns;
    for (const auto &pattern : statement.actions)
        patterns.push_back(pattern.text);
    if (statement.notAction)
        return catalog.actionsNotMatching(patterns);
    for (const auto &pattern : patterns)
        if (catalog.expandActions(pattern).empty())
            return {};
    return catalog.expandActions(patterns);
}

/// `user alice: reason; role deploy: reason and 2 more`, at most three principals.
std::string listReasons(
        const std::vector<std::pair<std::string, std::vector<std::string>>> &byPrincipal)
{
    std::string text;
    for (size_t i = 0; i < byPrincipal.size() && i < 3; ++i) {
        const auto &[label, reasons] = byPrincipal[i];
        text += (i ? "; for " : "for ") + label + ", ";
        for (size_t k = 0; k < reasons.size(); ++k)
            text += (k ? (k + 1 == reasons.size() ? " and " : ", ") : "") + reasons[k];
    }
    if (byPrincipal.size() > 3)
        text += "; and " + std::to_string(byPrincipal.size() - 3) + " more principals";
    return text;
}

void checkShadowedAllows(const DocumentUse &use, const Policy &policy, PrincipalViews &views,
        Locator &locator, std::vector<Diagnostic> &findings)
{
    for (size_t index = 0; index < policy.statements.size(); ++index) {
        const Statement &statement = policy.statements[index];
        if (statement.effect != Effect::Allow
                || statement.resourceMode != Statement::ResourceMode::Resource
                || statement.resources.empty())
            continue;
        const auto actions = namedActions(statement);
        if (actions.empty())
            continue;
        std::vector<std::pair<std::string, std::vector<std::string>>> blocked;
        const bool shadowed = views.forEach(use.audience, [&](const PrincipalView &view) {
            std::vector<std::string> reasons;
            for (const CatalogAction *action : actions)
                for (const auto &resource : statement.resources) {
                    std::string why = blocker(view, action->fullName, resource.text);
                    if (why.empty())
                        return false;
                    if (reasons.size() < 3
                            && std::find(reasons.begin(), reasons.end(), why) == reasons.end())
                        reasons.push_back(std::move(why));
                }
            blocked.emplace_back(view.label, std::move(reasons));
            return true;
        });
        if (!shadowed || blocked.empty())
            continue;
        findings.push_back(statementFinding(locator, use, statement, Severity::Warning,
                "SHADOWED_ALLOW_STATEMENT",
                "The Allow of " + statementName(statement, index)
                        + " never takes effect for anyone it applies to: " + listReasons(blocked)
                        + ". Remove the statement, or lift what blocks it"));
    }
}

// ---- DENY_NEVER_MATCHES --------------------------------------------------------------------

/// True when the principal alone decides the key: its value, or that it is absent, is the
/// same in every request the principal makes. Session tags can add to a role's tags, and a
/// role's user id carries the session name, so those are not.
bool decidedByPrincipal(std::string_view lowerKey, bool isUser)
{
    if (lowerKey == "aws:principalarn" || lowerKey == "aws:principalaccount"
            || lowerKey == "aws:principaltype" || lowerKey == "aws:principalisawsservice"
            || lowerKey == "aws:username")
        return true;
    return isUser && (lowerKey == "aws:userid" || lowerKey.starts_with("aws:principaltag/"));
}

bool hasVariables(const Condition &condition)
{
    return std::any_of(condition.values.begin(), condition.values.end(),
            [](const ConditionValue &v) { return v.text.find("${") != std::string::npos; });
}

/// `aws:PrincipalTag/team is "ops"`, `aws:username is absent`.
std::string describeActual(const Condition &condition, const ConditionExplanation &trace)
{
    if (!trace.keyPresent)
        return condition.key + " is absent";
    std::string values;
    for (size_t i = 0; i < trace.actual.size(); ++i)
        values += (i ? ", \"" : "\"") + trace.actual[i] + "\"";
    return condition.key + " is " + values;
}

void checkNeverMatchingDenies(const DocumentUse &use, const Policy &policy, PrincipalViews &views,
        Locator &locator, std::vector<Diagnostic> &findings)
{
    MatchScratch scratch;
    for (size_t index = 0; index < policy.statements.size(); ++index) {
        const Statement &statement = policy.statements[index];
        if (statement.effect != Effect::Deny || statement.conditions.empty())
            continue;
        std::vector<std::pair<std::string, std::vector<std::string>>> excluded;
        const bool never = views.forEach(use.audience, [&](const PrincipalView &view) {
            for (const auto &condition : statement.conditions) {
                if (!decidedByPrincipal(condition.lowerKey, view.isUser) || hasVariables(condition))
                    continue;
                ConditionExplanation trace;
                if (!evaluateCondition(condition, view.resolved.request.context, scratch, &trace)) {
                    excluded.emplace_back(view.label,
                            std::vector<std::string> { describeActual(condition, trace) + " ("
                                    + condition.operatorText + " fails)" });
                    return true;
                }
            }
            return false;
        });
        if (!never || excluded.empty())
            continue;
        findings.push_back(statementFinding(locator, use, statement, Severity::Warning,
                "DENY_NEVER_MATCHES",
                "The Deny of " + statementName(statement, index)
                        + " never applies to anyone it is attached to: its conditions on the "
                          "principal rule each one out ("
                        + listReasons(excluded)
                        + "). Fix the condition, or attach the policy where it is meant to "
                          "apply"));
    }
}

} // namespace

void addReachFindings(const Account &account, const Resolver &resolver, Locator &locator,
        std::vector<Diagnostic> &findings)
{
    PrincipalViews views(account, resolver);
    for (const DocumentUse &use : documentUses(account)) {
        if (use.audience.empty() || use.document->empty())
            continue;
        const PolicyRef policy = resolver.compile(*use.document, use.type,
                ResourcePolicyKind::Ordinary, documentTitle(account, use.key), nullptr);
        if (!policy)
            continue; // the document's own validation reports why
        if (use.type == PolicyType::Identity)
            checkShadowedAllows(use, *policy, views, locator, findings);
        checkNeverMatchingDenies(use, *policy, views, locator, findings);
    }
}

} // namespace iamx::accountcheck
