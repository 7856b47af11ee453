#include "account.h"

#include "model/casefold.h"

namespace iamx {

PolicyText PolicyText::borrowed(std::string_view text, Form form, SourceSpan span)
{
    PolicyText result;
    result.m_borrowed = text;
    result.m_form = form;
    result.m_span = span;
    return result;
}

PolicyText PolicyText::owned(std::string text, Form form, SourceSpan span)
{
    PolicyText result;
    result.m_owned = std::make_shared<const std::string>(std::move(text));
    result.m_form = form;
    result.m_span = span;
    return result;
}

Account::Account() = default;
Account::~Account() = default;
Account::Account(Account &&) noexcept = default;
Account &Account::operator=(Account &&) noexcept = default;

namespace {

template <typename Map> void indexFirst(Map &map, std::string key, std::uint32_t index)
{
    if (key.empty())
        return;
    map.emplace(std::move(key), index); // the first entity with a key wins (account-format §4.5)
}

template <typename Entity>
const Entity *lookup(const std::unordered_map<std::string, std::uint32_t> &map,
        const std::vector<Entity> &entities, std::string_view nameOrArn)
{
    auto found = map.find(std::string(nameOrArn));
    if (found == map.end() && !nameOrArn.starts_with("arn:"))
        found = map.find(toAsciiLowercase(nameOrArn));
    return found == map.end() ? nullptr : &entities[found->second];
}

} // namespace

void Account::rebuildIndexes()
{
    m_userByKey.clear();
    m_groupByKey.clear();
    m_roleByKey.clear();
    m_policyByArn.clear();
    m_resourceByArn.clear();
    m_kindById.clear();
    m_userByKey.reserve(m_users.size() * 2);
    m_roleByKey.reserve(m_roles.size() * 2);
    // Each map holds the ARNs, the unique ids and the lowercase names: ids are uppercase
    // (AIDA..., AGPA...), so they never collide with a lowercased name.
    for (std::uint32_t i = 0; i < m_users.size(); ++i) {
        indexFirst(m_userByKey, m_users[i].arn, i);
        indexFirst(m_userByKey, m_users[i].id, i);
        indexFirst(m_userByKey, toAsciiLowercase(m_users[i].name), i);
        m_kindById.emplace(m_users[i].id, "user");
    }
    for (std::uint32_t i = 0; i < m_groups.size(); ++i) {
        indexFirst(m_groupByKey, m_groups[i].arn, i);
        indexFirst(m_groupByKey, m_groups[i].id, i);
        indexFirst(m_groupByKey, toAsciiLowercase(m_groups[i].name), i);
        m_kindById.emplace(m_groups[i].id, "group");
    }
    for (std::uint32_t i = 0; i < m_roles.size(); ++i) {
        indexFirst(m_roleByKey, m_roles[i].arn, i);
        indexFirst(m_roleByKey, m_roles[i].id, i);
        indexFirst(m_roleByKey, toAsciiLowercase(m_roles[i].name), i);
        m_kindById.emplace(m_roles[i].id, "role");
    }
    for (std::uint32_t i = 0; i < m_policies.size(); ++i) {
        indexFirst(m_policyByArn, m_policies[i].arn, i);
        indexFirst(m_policyByArn, m_policies[i].id, i);
        m_kindById.emplace(m_policies[i].id, "policy");
    }
    for (std::uint32_t i = 0; i < m_resources.size(); ++i)
        indexFirst(m_resourceByArn, m_resources[i].arn, i);

    // Back-links, so that "who is in this group" and "where is this attached" cost their
    // answer, not a walk of every principal (the tree asks for each row it shows).
    m_membersByGroup.clear();
    m_attachmentsByPolicy.clear();
    for (std::uint32_t i = 0; i < m_users.size(); ++i)
        for (const auto &name : m_users[i].groupNames) {
            auto &members = m_membersByGroup[toAsciiLowercase(name)];
            if (members.empty() || members.back() != i) // a group listed twice counts once
                members.push_back(i);
        }
    const auto attach = [this](BackLink::Kind kind, std::uint32_t index,
                                const std::vector<AttachedPolicy> &attached,
                                const std::optional<std::string> *boundary) {
        for (const auto &a : attached)
            m_attachmentsByPolicy[a.arn].push_back({ kind, index, false });
        if (boundary && *boundary)
            m_attachmentsByPolicy[**boundary].push_back({ kind, index, true });
    };
    for (std::uint32_t i = 0; i < m_users.size(); ++i)
        attach(BackLink::Kind::User, i, m_users[i].attachedPolicies,
                &m_users[i].permissionsBoundaryArn);
    for (std::uint32_t i = 0; i < m_groups.size(); ++i)
        attach(BackLink::Kind::Group, i, m_groups[i].attachedPolicies, nullptr);
    for (std::uint32_t i = 0; i < m_roles.size(); ++i)
        attach(BackLink::Kind::Role, i, m_roles[i].attachedPolicies,
                &m_roles[i].permissionsBoundaryArn);
}

const User *Account::findUser(std::string_view nameOrArn) const
{
    return lookup(m_userByKey, m_users, nameOrArn);
}

const Group *Account::findGroup(std::string_view nameOrArn) const
{
    return lookup(m_groupByKey, m_groups, nameOrArn);
}

const Role *Account::findRole(std::string_view nameOrArn) const
{
    return lookup(m_roleByKey, m_roles, nameOrArn);
}

const ManagedPolicy *Account::findPolicy(std::string_view arn) const
{
    const auto found = m_policyByArn.find(std::string(arn));
    return found == m_policyByArn.end() ? nullptr : &m_policies[found->second];
}

const Resource *Account::findResource(std::string_view arn) const
{
    const auto found = m_resourceByArn.find(std::string(arn));
    return found == m_resourceByArn.end() ? nullptr : &m_resources[found->second];
}

std::string_view Account::kindOfId(std::string_view id) const
{
    const auto found = m_kindById.find(std::string(id));
    return found == m_kindById.end() ? std::string_view() : found->second;
}

std::vector<const User *> Account::membersOf(const Group &group) const
{
    std::vector<const User *> members;
    const auto found = m_membersByGroup.find(toAsciiLowercase(group.name));
    if (found == m_membersByGroup.end())
        return members;
    members.reserve(found->second.size());
    for (const std::uint32_t i : found->second)
        members.push_back(&m_users[i]);
    return members;
}

std::vector<Account::Attachment> Account::attachmentsOf(const ManagedPolicy &policy) const
{
    std::vector<Attachment> result;
    const auto found = m_attachmentsByPolicy.find(policy.arn);
    if (found == m_attachmentsByPolicy.end())
        return result;
    // In the order of the lists (users, groups, roles), each entity's attachments before its
    // boundary, as a walk of the account would find them.
    for (const BackLink &link : found->second) {
        switch (link.kind) {
        case BackLink::Kind::User:
            result.push_back({ Attachment::Kind::User, m_users[link.index].arn, link.asBoundary });
            break;
        case BackLink::Kind::Group:
            result.push_back(
                    { Attachment::Kind::Group, m_groups[link.index].arn, link.asBoundary });
            break;
        case BackLink::Kind::Role:
            result.push_back({ Attachment::Kind::Role, m_roles[link.index].arn, link.asBoundary });
            break;
        }
    }
    return result;
}

} // namespace iamx
