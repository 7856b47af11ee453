#pragma once

#include "model/evaluator.h"
#include "model/policy.h"
#include "model/resolver.h"

#include <span>
#include <string>
#include <string_view>

// What can never be allowed for a principal, whatever the request's context: an
// unconditional Deny that covers it (identity, boundary or SCP), a permissions boundary or a
// level of SCPs that allows none of it. The account-wide checks (statementreach.cpp,
// boundarycaps.cpp) weigh statements with it. Internal to them.

namespace iamx::accountcheck {

/// One principal as the decision sees it: its policies and its request context.
struct PrincipalView
{
    std::string label; ///< `user alice`, `role deploy`, `the root user`
    bool isUser = false;
    AccountRequest resolved;
};

/// The principal's policies and context, resolved once.
PrincipalView viewOf(
        const Resolver &resolver, std::string label, const ResolvedPrincipal &principal);

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
