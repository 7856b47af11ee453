#pragma once

#include "model/evaluator.h"
#include "model/policy.h"
#include "model/resolver.h"

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

// What can never be allowed for a principal, whatever the request's context: an
// unconditional Deny that covers it (identity, boundary or SCP), a permissions boundary or a
// level of SCPs that allows none of it. The account-wide checks (statementreach.cpp,
// boundarycaps.cpp) weigh statements with it. Internal to them.

namespace iamx::accountcheck {

/// One principal as the decision sees it: the policies that bound it whatever it asks
/// (identity, boundary, SCP levels) and, when asked for, the context keys that describe it.
class PrincipalView
{
public:
    std::string label; ///< `user alice`, `role deploy`, `the root user`
    bool isUser = false;
    PolicySet policies; ///< identity, permissionsBoundary and scpLevels
    /// The organization's level each SCP level is (`Root`, `this account`), parallel to
    /// policies.scpLevels.
    std::shared_ptr<const std::vector<std::string>> scpLevelNames;

    /// The context keys of the principal, filled the first time asked.
    const RequestContext &context() const;

private:
    friend class PrincipalViews;
    const Resolver *m_resolver = nullptr;
    ResolvedPrincipal m_principal;
    mutable std::optional<RequestContext> m_context;
};

/// Builds principal views cheaply: identity policies compiled once for the whole account, the
/// SCP levels resolved once (they are the same for every principal of the account).
class PrincipalViews
{
public:
    PrincipalViews(const Account &account, const Resolver &resolver);

    PrincipalView of(const User &user) const;
    PrincipalView of(const Role &role) const;
    /// The account's root user; nullopt when the resolver knows none.
    std::optional<PrincipalView> root() const;

private:
    PrincipalView make(std::string label, ResolvedPrincipal principal, bool boundBySCPs) const;

    const Account &m_account;
    const Resolver &m_resolver;
    std::vector<std::vector<PolicyRef>> m_scpLevels;
    std::shared_ptr<const std::vector<std::string>> m_scpLevelNames;
};

/// `statement Sid`, or `statement 2` (its index) when it has no Sid.
std::string statementName(const Statement &statement, size_t index);

/// True when some Allow statement of `policies` might let `action` on part of `resource`
/// through, conditions taken as met.
bool mayAllowAny(
        std::span<const PolicyRef> policies, std::string_view action, std::string_view resource);

/// Why `action` on (all of) `resource`, a Resource pattern, can never be allowed for the
/// principal, whatever the context, in words; empty when it might be.
std::string blocker(const PrincipalView &view, std::string_view action, std::string_view resource);

/// True when nothing but the identity policies can stop `action` on all of `resource`: no
/// Deny (identity, boundary or SCP) might apply, whatever its conditions, and the boundary
/// and every level of SCPs allow it unconditionally. The opposite caution of blocker(): for
/// saying that a risk surely gets through.
bool surelyPasses(const PrincipalView &view, std::string_view action, std::string_view resource);

} // namespace iamx::accountcheck
