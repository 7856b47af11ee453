#include "accountedit.h"

// AccountEdit's policy texts: any document a DocumentKey names, and inline policies.

#include "model/accounteditsupport.h"
#include "model/casefold.h"

#include <algorithm>

namespace iamx {

using namespace editsupport;

std::string AccountEdit::setDocumentText(const DocumentKey &key, std::string_view text)
{
    return setText(key, text, false);
}

std::string AccountEdit::createInlinePolicy(const DocumentKey &key, std::string_view text)
{
    return setText(key, text, true);
}

std::string AccountEdit::setText(const DocumentKey &key, std::string_view text, bool create)
{
    using Kind = DocumentKey::Kind;
    const bool isInline = key.kind == Kind::UserInline || key.kind == Kind::GroupInline
            || key.kind == Kind::RoleInline;
    if (create && !isInline)
        return "only users, groups and roles have inline policies";
    if (create)
        if (auto error = checkIamName(EntityKind::Policy, key.name); !error.empty())
            return error;
    if (auto error = checkDocument(text); !error.empty())
        return error;
    const auto setInline = [&](Slot slot, auto &list, const auto *entity) -> std::string {
        if (!entity)
            return "there is no " + key.owner;
        auto &policies = list[indexIn(list, entity)].inlinePolicies;
        const auto found = findInline(policies, key.name);
        if (create && found != policies.end())
            return entity->name + " has an inline policy named " + found->name + " already";
        if (!create && found == policies.end())
            return entity->name + " has no inline policy " + key.name;
        if (checking())
            return {};
        const auto at = found - policies.begin();
        const size_t i = indexIn(list, entity);
        willChange(slot, i);
        auto &changed = list[i].inlinePolicies;
        if (create)
            changed.push_back({ key.name, ownedDocument(text) });
        else
            changed[static_cast<size_t>(at)].document = ownedDocument(text);
        m_account.rebuildIndexes();
        return {};
    };
    switch (key.kind) {
    case Kind::None:
        return "the policy is not part of the account";
    case Kind::Managed: {
        const ManagedPolicy *policy = m_account.findPolicy(key.owner);
        if (!policy)
            return "there is no managed policy " + key.owner;
        if (policy->isAwsManaged())
            return "AWS managed policies cannot be changed";
        int version = key.name.empty() ? policy->defaultVersion : -1;
        for (size_t v = 0; v < policy->versions.size() && !key.name.empty(); ++v)
            if (policy->versions[v].versionId == key.name)
                version = static_cast<int>(v);
        if (version < 0)
            return key.name.empty() ? policy->name + " has no valid default version"
                                    : policy->name + " has no version " + key.name;
        if (checking())
            return {};
        const size_t p = indexIn(m_account.m_policies, policy);
        willChange(Slot::Policy, p);
        m_account.m_policies[p].versions[static_cast<size_t>(version)].document =
                ownedDocument(text);
        break;
    }
    case Kind::UserInline:
        return setInline(Slot::User, m_account.m_users, m_account.findUser(key.owner));
    case Kind::GroupInline:
        return setInline(Slot::Group, m_account.m_groups, m_account.findGroup(key.owner));
    case Kind::RoleInline:
        return setInline(Slot::Role, m_account.m_roles, m_account.findRole(key.owner));
    case Kind::Trust: {
        const Role *role = m_account.findRole(key.owner);
        if (!role)
            return "there is no role " + key.owner;
        if (checking())
            return {};
        const size_t r = indexIn(m_account.m_roles, role);
        willChange(Slot::Role, r);
        m_account.m_roles[r].trustPolicy = ownedDocument(text);
        break;
    }
    case Kind::Resource: {
        const Resource *resource = m_account.findResource(key.owner);
        if (!resource)
            return "there is no resource " + key.owner;
        if (checking())
            return {};
        const size_t r = indexIn(m_account.m_resources, resource);
        willChange(Slot::Resource, r);
        m_account.m_resources[r].policy = ownedDocument(text);
        break;
    }
    case Kind::Scp:
    case Kind::Rcp: {
        if (!findDocument(m_account, key))
            return "there is no " + documentTitle(m_account, key);
        if (checking())
            return {};
        willChange(Slot::Organization, 0);
        for (auto &level : m_account.m_organization->levels)
            if (level.id == key.owner)
                for (auto &policy : key.kind == Kind::Scp ? level.scps : level.rcps)
                    if (policy.name == key.name) {
                        policy.document = ownedDocument(text);
                        m_account.rebuildIndexes();
                        return {};
                    }
        break;
    }
    }
    m_account.rebuildIndexes();
    return {};
}

std::string AccountEdit::removeInlinePolicy(const DocumentKey &key)
{
    using Kind = DocumentKey::Kind;
    const auto removeFrom = [&](Slot slot, auto &list, const auto *entity) -> std::string {
        if (!entity)
            return "there is no " + key.owner;
        const size_t i = indexIn(list, entity);
        const auto found = findInline(list[i].inlinePolicies, key.name);
        if (found == list[i].inlinePolicies.end())
            return entity->name + " has no inline policy " + key.name;
        if (checking())
            return {};
        const auto at = found - list[i].inlinePolicies.begin();
        willChange(slot, i);
        list[i].inlinePolicies.erase(list[i].inlinePolicies.begin() + at);
        m_account.rebuildIndexes();
        return {};
    };
    switch (key.kind) {
    case Kind::UserInline:
        return removeFrom(Slot::User, m_account.m_users, m_account.findUser(key.owner));
    case Kind::GroupInline:
        return removeFrom(Slot::Group, m_account.m_groups, m_account.findGroup(key.owner));
    case Kind::RoleInline:
        return removeFrom(Slot::Role, m_account.m_roles, m_account.findRole(key.owner));
    default:
        return "only inline policies can be deleted this way";
    }
}

} // namespace iamx
