#include "model/principalbounds.h"

#include "model/account.h"
#include "model/patternrelations.h"

#include <algorithm>

namespace iamx::accountcheck {

namespace {

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

/// True when an Allow statement surely takes in all of `resource`: no conditions, and its
/// resources cover it.
bool allowCovers(const Statement &allow, std::string_view resource)
{
    if (allow.effect != Effect::Allow || !allow.conditions.empty())
        return false;
    switch (allow.resourceMode) {
    case Statement::ResourceMode::Resource:
        return std::any_of(allow.resources.begin(), allow.resources.end(),
                [&](const ResourcePattern &p) { return resourcePatternCovers(p.text, resource); });
    case Statement::ResourceMode::NotResource:
        return std::none_of(
                allow.resources.begin(), allow.resources.end(), [&](const ResourcePattern &p) {
                    return resourcePatternsOverlap(p.text, resource);
                });
    case Statement::ResourceMode::None:
        break;
    }
    return true;
}

/// True when some statement of `policies` surely allows `action` on all of `resource`.
bool surelyAllows(
        std::span<const PolicyRef> policies, std::string_view action, std::string_view resource)
{
    for (const auto &policy : policies)
        for (const auto &statement : policy->statements)
            if (statementActionMatches(statement, action) && allowCovers(statement, resource))
                return true;
    return false;
}

/// True when some Deny of `policies` might apply to `action` on part of `resource`, whatever
/// its conditions.
bool mayDeny(
        std::span<const PolicyRef> policies, std::string_view action, std::string_view resource)
{
    for (const auto &policy : policies)
        for (const auto &statement : policy->statements)
            if (statement.effect == Effect::Deny && statementActionMatches(statement, action)
                    && (statement.resourceMode == Statement::ResourceMode::NotResource
                            || allowMayReach(statement, resource)))
                return true;
    return false;
}

} // namespace

const RequestContext &PrincipalView::context() const
{
    if (!m_context)
        m_context = m_resolver->principalContext(m_principal);
    return *m_context;
}

PrincipalViews::PrincipalViews(const Account &account, const Resolver &resolver)
    : m_account(account)
    , m_resolver(resolver)
{
    resolver.precompile();
    // The SCPs of the account's principals, as resolve() finds them for any of them (a
    // principal of the account that is not a service-linked role).
    ResolvedPrincipal probe;
    probe.principal.kind = PrincipalKind::IamUser;
    probe.principal.account = account.accountId();
    probe.principal.partition = "aws";
    probe.principal.text = "arn:aws:iam::" + account.accountId() + ":user/probe";
    probe.principal.name = "probe";
    AccountRequest resolved = resolver.resolve(probe, "iam:GetUser", "*", {}, Instant {});
    m_scpLevels = std::move(resolved.policies.scpLevels);
    // resolve() makes one SCP level per level of the organization, in its order.
    auto names = std::make_shared<std::vector<std::string>>();
    if (account.organization())
        for (const auto &level : account.organization()->levels)
            names->push_back(level.name);
    m_scpLevelNames = std::move(names);
}

PrincipalView PrincipalViews::make(
        std::string label, ResolvedPrincipal principal, bool boundBySCPs) const
{
    PrincipalView view;
    view.label = std::move(label);
    view.isUser = principal.user != nullptr;
    if (const auto *identity = m_resolver.compiledIdentity(principal))
        view.policies.identity = *identity;
    const std::optional<std::string> &boundary = principal.user
            ? principal.user->permissionsBoundaryArn
            : principal.role ? principal.role->permissionsBoundaryArn
                             : std::optional<std::string>();
    if (boundary)
        if (const ManagedPolicy *policy = m_account.findPolicy(*boundary))
            if (const PolicyVersion *version = policy->defaultPolicyVersion())
                view.policies.permissionsBoundary =
                        m_resolver.compile(version->document, PolicyType::PermissionsBoundary,
                                ResourcePolicyKind::Ordinary, policy->name, nullptr);
    if (boundBySCPs)
        view.policies.scpLevels = m_scpLevels;
    view.scpLevelNames = m_scpLevelNames;
    view.m_resolver = &m_resolver;
    view.m_principal = std::move(principal);
    return view;
}

PrincipalView PrincipalViews::of(const User &user) const
{
    return make("user " + user.name, m_resolver.userPrincipal(user), true);
}

PrincipalView PrincipalViews::of(const Role &role) const
{
    // AWS exempts service-linked roles from SCPs.
    return make("role " + role.name, m_resolver.roleSessionPrincipal(role, "iam-explorer"),
            !role.isServiceLinked());
}

std::optional<PrincipalView> PrincipalViews::root() const
{
    std::string error;
    auto principal = m_resolver.findPrincipal("root", {}, error);
    if (!principal)
        return std::nullopt;
    return make("the root user", std::move(*principal), true);
}

std::string statementName(const Statement &statement, size_t index)
{
    return statement.sid && !statement.sid->empty() ? "statement " + *statement.sid
                                                    : "statement " + std::to_string(index);
}

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

std::string blocker(const PrincipalView &view, std::string_view action, std::string_view resource)
{
    const PolicySet &set = view.policies;
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
        const auto &names = *view.scpLevelNames;
        const std::string where =
                level < names.size() ? names[level] : "level " + std::to_string(level);
        for (const auto &policy : set.scpLevels[level])
            if (std::string why = deniedBy(policy); !why.empty())
                return "SCP " + why.insert(policy->name.size(), " at " + where);
        if (!mayAllowAny(set.scpLevels[level], action, resource))
            return "no SCP at " + where + " allows it";
    }
    return {};
}

bool surelyPasses(const PrincipalView &view, std::string_view action, std::string_view resource)
{
    const PolicySet &set = view.policies;
    if (mayDeny(set.identity, action, resource))
        return false;
    if (set.permissionsBoundary) {
        const std::span<const PolicyRef> boundary(&set.permissionsBoundary, 1);
        if (mayDeny(boundary, action, resource) || !surelyAllows(boundary, action, resource))
            return false;
    }
    for (const auto &level : set.scpLevels)
        if (mayDeny(level, action, resource) || !surelyAllows(level, action, resource))
            return false;
    return true;
}

} // namespace iamx::accountcheck
