#pragma once

#include <functional>
#include <span>
#include <string_view>
#include <vector>

// Risky permissions as data: the published IAM privilege-escalation paths (Rhino Security
// Labs' list and later additions: each path a set of actions that together let a principal
// gain permissions it was not given) and the actions whose response hands out credentials or
// secrets. The validator's PRIVILEGE_ESCALATION and CREDENTIALS_EXPOSURE checks read them; so
// can anything that knows which actions a principal or a boundary allows. Every action named
// here is in the action catalog (a test holds it to that).

namespace iamx {

/// One way to escalate privileges: a principal allowed every one of `actions` can obtain
/// permissions beyond its own.
struct EscalationPath
{
    std::string_view name; ///< `CreatePolicyVersion`, `PassRoleToEC2`
    std::span<const std::string_view> actions; ///< all needed; the first is the key one
    std::string_view how; ///< what the principal does, in a sentence fragment
    /// True when the path only works against another principal: a new access key or password
    /// for oneself gains nothing, so a grant limited to `${aws:username}` does not count.
    bool needsAnotherPrincipal = false;
    /// For a path through iam:PassRole: the service principal the role is passed to
    /// (`ec2.amazonaws.com`), which an `iam:PassedToService` condition must allow.
    std::string_view passedTo = {};
};

/// Every known path, most direct (IAM alone) first.
std::span<const EscalationPath> privilegeEscalationPaths();

/// The paths whose every action `allows` says is allowed, in privilegeEscalationPaths()
/// order. `allows` is asked once per distinct action, with the catalog's spelling
/// (`iam:PassRole`).
std::vector<const EscalationPath *> escalationPathsEnabled(
        const std::function<bool(std::string_view action)> &allows);

/// The actions whose response holds credentials or secrets that act as someone (access keys,
/// session tokens, passwords, registry tokens), as `service:Action`.
std::span<const std::string_view> credentialExposureActions();

/// True when `action` (`sts:GetSessionToken`, any case) is one of credentialExposureActions().
bool isCredentialExposureAction(std::string_view action);

} // namespace iamx
