#include "accountedit.h"

// AccountEdit's relations: group members, attached policies and permissions boundaries.

#include "model/accounteditsupport.h"
#include "model/casefold.h"

#include <algorithm>

namespace iamx {

using namespace editsupport;

std::string AccountEdit::addToGroup(std::string_view userName, std::string_view groupName)
{
    const User *user = m_account.findUser(userName);
    if (!user)
        return "there is no user " + std::string(userName);
    const Group *group = m_account.findGroup(groupName);
    if (!group)
        return "there is no group " + std::string(groupName);
    for (const auto &name : user->groupNames)
        if (asciiEqualsIgnoreCase(name, group->name))
            return user->name + " is a member of " + group->name + " already";
    if (checking())
        return {};
    const size_t i = indexIn(m_account.m_users, user);
    const std::string name = group->name;
    willChange(Slot::User, i);
    m_account.m_users[i].groupNames.push_back(name);
    m_account.rebuildIndexes();
    return {};
}

std::string AccountEdit::removeFromGroup(std::string_view userName, std::string_view groupName)
{
    const User *user = m_account.findUser(userName);
    if (!user)
        return "there is no user " + std::string(userName);
    // By the name the user lists, even when the account lacks that group (a dangling name).
    const Group *group = m_account.findGroup(groupName);
    const std::string name = group ? group->name : std::string(groupName);
    const auto member = [&](const std::string &n) { return asciiEqualsIgnoreCase(n, name); };
    if (std::none_of(user->groupNames.begin(), user->groupNames.end(), member))
        return user->name + " is not a member of " + name;
    if (checking())
        return {};
    const size_t i = indexIn(m_account.m_users, user);
    willChange(Slot::User, i);
    std::erase_if(m_account.m_users[i].groupNames, member);
    m_account.rebuildIndexes();
    return {};
}

std::string AccountEdit::attachPolicy(
        EntityKind kind, std::string_view owner, std::string_view policyArn)
{
    const ManagedPolicy *policy = m_account.findPolicy(policyArn);
    if (!policy)
        return "there is no managed policy " + std::string(policyArn);
    if (!policy->isAttachable)
        return policy->name + " cannot be attached (IsAttachable is false)";
    const auto attach = [&](Slot slot, auto &list, const auto *entity) -> std::string {
        if (!entity)
            return "there is no " + std::string(entityKindName(kind)) + " " + std::string(owner);
        for (const auto &a : entity->attachedPolicies)
            if (a.arn == policy->arn)
                return policy->name + " is attached to " + entity->name + " already";
        if (checking())
            return {};
        const size_t i = indexIn(list, entity);
        const size_t p = indexIn(m_account.m_policies, policy);
        willChange(slot, i);
        list[i].attachedPolicies.push_back({ policy->name, policy->arn });
        willChange(Slot::Policy, p);
        ++m_account.m_policies[p].attachmentCount;
        m_account.rebuildIndexes();
        return {};
    };
    switch (kind) {
    case EntityKind::User:
        return attach(Slot::User, m_account.m_users, m_account.findUser(owner));
    case EntityKind::Group:
        return attach(Slot::Group, m_account.m_groups, m_account.findGroup(owner));
    case EntityKind::Role:
        return attach(Slot::Role, m_account.m_roles, m_account.findRole(owner));
    case EntityKind::Policy:
        break;
    }
    return "a managed policy can be attached to users, groups and roles only";
}

std::string AccountEdit::detachPolicy(
        EntityKind kind, std::string_view owner, std::string_view policyArn)
{
    const auto detach = [&](Slot slot, auto &list, const auto *entity) -> std::string {
        if (!entity)
            return "there is no " + std::string(entityKindName(kind)) + " " + std::string(owner);
        const auto &attached = entity->attachedPolicies;
        const auto found = std::find_if(attached.begin(), attached.end(),
                [&](const AttachedPolicy &a) { return a.arn == policyArn; });
        if (found == attached.end())
            return std::string(policyArn) + " is not attached to " + entity->name;
        if (checking())
            return {};
        const size_t i = indexIn(list, entity);
        const auto at = found - attached.begin();
        willChange(slot, i);
        list[i].attachedPolicies.erase(list[i].attachedPolicies.begin() + at);
        if (const ManagedPolicy *policy = m_account.findPolicy(policyArn)) {
            const size_t p = indexIn(m_account.m_policies, policy);
            willChange(Slot::Policy, p);
            auto &count = m_account.m_policies[p].attachmentCount;
            count = std::max<std::int64_t>(0, count - 1);
        }
        m_account.rebuildIndexes();
        return {};
    };
    switch (kind) {
    case EntityKind::User:
        return detach(Slot::User, m_account.m_users, m_account.findUser(owner));
    case EntityKind::Group:
        return detach(Slot::Group, m_account.m_groups, m_account.findGroup(owner));
    case EntityKind::Role:
        return detach(Slot::Role, m_account.m_roles, m_account.findRole(owner));
    case EntityKind::Policy:
        break;
    }
    return "a managed policy is attached to users, groups and roles only";
}

std::string AccountEdit::setBoundary(
        EntityKind kind, std::string_view owner, std::string_view policyArn)
{
    const ManagedPolicy *policy = m_account.findPolicy(policyArn);
    if (!policy)
        return "there is no managed policy " + std::string(policyArn);
    if (kind != EntityKind::User && kind != EntityKind::Role)
        return "only users and roles have a permissions boundary";
    const auto set = [&](Slot slot, auto &list, const auto *entity) -> std::string {
        if (!entity)
            return "there is no " + std::string(entityKindName(kind)) + " " + std::string(owner);
        if (entity->permissionsBoundaryArn == policy->arn)
            return policy->name + " is the permissions boundary of " + entity->name + " already";
        if (checking())
            return {};
        const size_t i = indexIn(list, entity);
        const std::optional<std::string> old = entity->permissionsBoundaryArn;
        const std::string arn = policy->arn;
        willChange(slot, i);
        list[i].permissionsBoundaryArn = arn;
        // The usage counts follow, as IAM keeps them.
        if (old)
            if (const ManagedPolicy *previous = m_account.findPolicy(*old)) {
                const size_t p = indexIn(m_account.m_policies, previous);
                willChange(Slot::Policy, p);
                auto &count = m_account.m_policies[p].permissionsBoundaryUsageCount;
                count = std::max<std::int64_t>(0, count - 1);
            }
        const size_t p = indexIn(m_account.m_policies, m_account.findPolicy(arn));
        willChange(Slot::Policy, p);
        ++m_account.m_policies[p].permissionsBoundaryUsageCount;
        m_account.rebuildIndexes();
        return {};
    };
    if (kind == EntityKind::User)
        return set(Slot::User, m_account.m_users, m_account.findUser(owner));
    return set(Slot::Role, m_account.m_roles, m_account.findRole(owner));
}

std::string AccountEdit::removeBoundary(EntityKind kind, std::string_view owner)
{
    if (kind != EntityKind::User && kind != EntityKind::Role)
        return "only users and roles have a permissions boundary";
    const auto clear = [&](Slot slot, auto &list, const auto *entity) -> std::string {
        if (!entity)
            return "there is no " + std::string(entityKindName(kind)) + " " + std::string(owner);
        if (!entity->permissionsBoundaryArn)
            return entity->name + " has no permissions boundary";
        if (checking())
            return {};
        const size_t i = indexIn(list, entity);
        const std::string old = *entity->permissionsBoundaryArn;
        willChange(slot, i);
        list[i].permissionsBoundaryArn.reset();
        if (const ManagedPolicy *previous = m_account.findPolicy(old)) {
            const size_t p = indexIn(m_account.m_policies, previous);
            willChange(Slot::Policy, p);
            auto &count = m_account.m_policies[p].permissionsBoundaryUsageCount;
            count = std::max<std::int64_t>(0, count - 1);
        }
        m_account.rebuildIndexes();
        return {};
    };
    if (kind == EntityKind::User)
        return clear(Slot::User, m_account.m_users, m_account.findUser(owner));
    return clear(Slot::Role, m_account.m_roles, m_account.findRole(owner));
}

} // namespace iamx
