#include "principalmatch.h"

#include <algorithm>

namespace iamx {
namespace {

bool sameAccount(const PrincipalPattern &pattern, const RequestPrincipal &caller)
{
    return !caller.account.empty() && pattern.account == caller.account
            && (pattern.partition.empty() || pattern.partition == caller.partition);
}

bool samePartitionAndAccount(const PrincipalPattern &pattern, const RequestPrincipal &caller)
{
    return pattern.partition == caller.partition && pattern.account == caller.account;
}

// NotPrincipal exempts a caller only when every level of its identity chain is listed: the
// account, then the user, or the role and the session (iam-evaluation.md §2.7).
bool isExempt(const std::vector<PrincipalPattern> &listed, const RequestPrincipal &caller)
{
    const auto listedAs = [&](PrincipalMatch wanted) {
        return std::any_of(listed.begin(), listed.end(), [&](const PrincipalPattern &p) {
            return matchPrincipalPattern(p, caller) == wanted;
        });
    };
    const bool everyone = std::any_of(listed.begin(), listed.end(),
            [](const auto &p) { return p.form == PrincipalPattern::Form::Everyone; });
    if (everyone)
        return true;
    const auto listedExactly = [&](PrincipalPattern::Form form) {
        return std::any_of(listed.begin(), listed.end(), [&](const PrincipalPattern &p) {
            return p.form == form && matchPrincipalPattern(p, caller) != PrincipalMatch::None;
        });
    };
    switch (caller.kind) {
    case PrincipalKind::IamUser:
        return listedAs(PrincipalMatch::Account) && listedExactly(PrincipalPattern::Form::User);
    case PrincipalKind::RoleSession:
        // The session level must be listed too; a caller known only by its role ARN has a
        // session that no list can name, so it is never exempt (§2.1, §2.7).
        return listedAs(PrincipalMatch::Account) && listedExactly(PrincipalPattern::Form::Role)
                && caller.sessionKnown && listedExactly(PrincipalPattern::Form::RoleSession);
    case PrincipalKind::FederatedUser:
        return listedAs(PrincipalMatch::Account)
                && listedExactly(PrincipalPattern::Form::FederatedUser);
    case PrincipalKind::Root:
        return listedAs(PrincipalMatch::Account);
    case PrincipalKind::ServicePrincipal:
    case PrincipalKind::FederatedProvider:
        return listedAs(PrincipalMatch::Direct);
    case PrincipalKind::Anonymous:
        return false;
    }
    return false;
}

} // namespace

PrincipalMatch matchPrincipalPattern(
        const PrincipalPattern &pattern, const RequestPrincipal &caller)
{
    using Form = PrincipalPattern::Form;
    switch (pattern.form) {
    case Form::Everyone:
        return PrincipalMatch::Direct;
    case Form::Account:
        return sameAccount(pattern, caller) ? PrincipalMatch::Account : PrincipalMatch::None;
    case Form::User:
        if (caller.kind == PrincipalKind::IamUser)
            return pattern.text == caller.text ? PrincipalMatch::Direct : PrincipalMatch::None;
        if (caller.kind == PrincipalKind::FederatedUser && samePartitionAndAccount(pattern, caller)
                && pattern.name == caller.name)
            return PrincipalMatch::FederatedUserOwner;
        return PrincipalMatch::None;
    case Form::Role:
        // Session ARNs carry no role path: compare partition, account and role name.
        return caller.kind == PrincipalKind::RoleSession && samePartitionAndAccount(pattern, caller)
                        && pattern.name == caller.name
                ? PrincipalMatch::RoleArn
                : PrincipalMatch::None;
    case Form::RoleSession:
        return caller.kind == PrincipalKind::RoleSession && caller.sessionKnown
                        && samePartitionAndAccount(pattern, caller) && pattern.name == caller.name
                        && pattern.session == caller.session
                ? PrincipalMatch::Direct
                : PrincipalMatch::None;
    case Form::FederatedUser:
        return caller.kind == PrincipalKind::FederatedUser
                        && samePartitionAndAccount(pattern, caller) && pattern.name == caller.name
                ? PrincipalMatch::Direct
                : PrincipalMatch::None;
    case Form::Named: {
        const bool named = (caller.kind == PrincipalKind::ServicePrincipal
                                   && pattern.key == PrincipalPattern::Key::Service)
                || (caller.kind == PrincipalKind::FederatedProvider
                        && pattern.key == PrincipalPattern::Key::Federated)
                || (pattern.key == PrincipalPattern::Key::CanonicalUser);
        return named && pattern.name == caller.text ? PrincipalMatch::Direct : PrincipalMatch::None;
    }
    case Form::Unmatchable:
        return PrincipalMatch::None;
    }
    return PrincipalMatch::None;
}

PrincipalMatch matchStatementPrincipal(
        const Statement &statement, const RequestPrincipal &caller, bool callerHasBoundary)
{
    switch (statement.principalMode) {
    case PrincipalMode::None:
        return PrincipalMatch::Direct;
    case PrincipalMode::Principal: {
        PrincipalMatch best = PrincipalMatch::None;
        for (const auto &pattern : statement.principals)
            best = std::max(best, matchPrincipalPattern(pattern, caller));
        return best;
    }
    case PrincipalMode::NotPrincipal: {
        if (statement.principals.empty())
            return PrincipalMatch::None; // an empty list is broken: it matches nothing
        const bool boundaryAnomaly = statement.effect == Effect::Deny && callerHasBoundary
                && (caller.kind == PrincipalKind::IamUser
                        || caller.kind == PrincipalKind::RoleSession);
        if (boundaryAnomaly)
            return PrincipalMatch::Direct;
        return isExempt(statement.principals, caller) ? PrincipalMatch::None
                                                      : PrincipalMatch::Direct;
    }
    }
    return PrincipalMatch::None;
}

} // namespace iamx
