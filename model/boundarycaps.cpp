#include "model/boundarycaps.h"

#include "model/account.h"
#include "model/casefold.h"
#include "model/patternrelations.h"
#include "model/principalbounds.h"
#include "model/riskyactions.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace iamx::accountcheck {

namespace {

/// A principal for whom a boundary lets escalation paths through.
struct Uncapped
{
    std::string label;
    std::vector<const EscalationPath *> paths;
};

/// True when the principal's identity policies allow `action` on some resource without
/// conditions and nothing can stop it there. Passing one named role is no escalation path:
/// iam:PassRole counts only on every role of the account.
bool letThrough(const PrincipalView &view, std::string_view action, const std::string &allRoles)
{
    const bool passRole = asciiEqualsIgnoreCase(action, "iam:PassRole");
    for (const auto &policy : view.policies.identity)
        for (const auto &statement : policy->statements) {
            if (statement.effect != Effect::Allow || !statement.conditions.empty()
                    || !statementActionMatches(statement, action))
                continue;
            if (statement.resourceMode != Statement::ResourceMode::Resource) {
                // NotResource: what it leaves is taken as everything.
                if (surelyPasses(view, action, "*"))
                    return true;
                continue;
            }
            for (const auto &resource : statement.resources) {
                if (passRole && !resourcePatternCovers(resource.text, allRoles))
                    continue;
                if (surelyPasses(view, action, resource.text))
                    return true;
            }
        }
    return false;
}

std::string pathNames(const std::vector<const EscalationPath *> &paths)
{
    std::string text;
    for (size_t i = 0; i < paths.size() && i < 4; ++i)
        text += (i ? ", " : "") + std::string(paths[i]->name);
    if (paths.size() > 4)
        text += " and " + std::to_string(paths.size() - 4) + " more";
    return text;
}

} // namespace

void addBoundaryFindings(const Account &account, const PrincipalViews &views, Locator &locator,
        std::vector<Diagnostic> &findings)
{
    const std::string allRoles = "arn:aws:iam::" + account.accountId() + ":role/*";
    std::map<std::string, std::vector<Uncapped>> byBoundary; // by the boundary's ARN
    const auto weigh = [&](const std::optional<std::string> &boundary, const auto &entity) {
        if (!boundary)
            return;
        const PrincipalView view = views.of(entity);
        if (!view.policies.permissionsBoundary)
            return; // not in the account: the resolver reports it
        auto paths = escalationPathsEnabled(
                [&](std::string_view action) { return letThrough(view, action, allRoles); });
        if (!paths.empty())
            byBoundary[*boundary].push_back({ view.label, std::move(paths) });
    };
    for (const User &user : account.users())
        weigh(user.permissionsBoundaryArn, user);
    for (const Role &role : account.roles())
        weigh(role.permissionsBoundaryArn, role);

    for (const auto &[arn, principals] : byBoundary) {
        const ManagedPolicy *policy = account.findPolicy(arn);
        if (!policy)
            continue;
        std::string who;
        for (size_t i = 0; i < principals.size() && i < 3; ++i)
            who += (i ? "; for " : "for ") + principals[i].label + ", "
                    + pathNames(principals[i].paths);
        if (principals.size() > 3)
            who += "; and " + std::to_string(principals.size() - 3)
                    + (principals.size() - 3 == 1 ? " more principal" : " more principals");
        const EscalationPath &example = *principals.front().paths.front();
        std::string actions;
        for (size_t i = 0; i < example.actions.size(); ++i)
            actions += (i ? " + " : "") + std::string(example.actions[i]);
        const auto index = static_cast<size_t>(policy - account.policies().data());
        Diagnostic d = finding(Severity::SecurityWarning, "BOUNDARY_DOES_NOT_CAP_RISKY_PERMISSION",
                "/Policies/" + std::to_string(index),
                "The permissions boundary " + policy->name + " lets privilege escalation through: "
                        + who + " (" + std::string(example.name) + " is " + actions + ": one can "
                        + std::string(example.how)
                        + "). Deny those actions in the boundary, or leave them out of its Allow");
        locator.place(d, policy->span);
        findings.push_back(std::move(d));
    }
}

} // namespace iamx::accountcheck
