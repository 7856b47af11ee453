#include "accountedit.h"

#include "model/casefold.h"
#include "model/json.h"

#include <algorithm>
#include <cstdint>
#include <type_traits>
#include <utility>

namespace iamx {
namespace {

template <typename Entity> size_t indexIn(const std::vector<Entity> &list, const Entity *entity)
{
    return static_cast<size_t>(entity - list.data());
}

bool isIamNameCharacter(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || std::string_view("_+=,.@-").find(c) != std::string_view::npos;
}

// The ARN of an entity of the account: `arn:aws:iam::<account>:user<path><name>`.
std::string arnOf(std::string_view accountId, std::string_view type, std::string_view path,
        std::string_view name)
{
    std::string arn = "arn:aws:iam::";
    arn += accountId;
    arn += ':';
    arn += type;
    arn += path;
    arn += name;
    return arn;
}

// The ARN after a rename: the old one with its last segment replaced, so that whatever else it
// says stays as it was (and renaming back gives the ARN that was read).
std::string renamedArn(const std::string &arn, std::string_view oldName, std::string_view newName,
        std::string fallback)
{
    if (arn.size() > oldName.size() && arn.ends_with(oldName)
            && arn[arn.size() - oldName.size() - 1] == '/')
        return arn.substr(0, arn.size() - oldName.size()) + std::string(newName);
    return fallback;
}

// Why `text` cannot be a policy document: it must be one JSON object.
std::string checkDocument(std::string_view text)
{
    const json::ReadResult read = json::read(text);
    if (read.error) {
        const auto at = json::LineIndex(text).position(read.error->offset);
        return "the policy is not valid JSON: " + read.error->message + " (line "
                + std::to_string(at.line) + ", column " + std::to_string(at.column) + ")";
    }
    if (!read.value->isObject())
        return "a policy document must be a JSON object";
    return {};
}

PolicyText ownedDocument(std::string_view text)
{
    return PolicyText::owned(std::string(text), PolicyText::Form::Object, SourceSpan {});
}

template <typename Entity>
const Entity *byName(const std::vector<Entity> &list, std::string_view name)
{
    for (const auto &entity : list)
        if (asciiEqualsIgnoreCase(entity.name, name))
            return &entity;
    return nullptr;
}

std::vector<InlinePolicy>::iterator findInline(
        std::vector<InlinePolicy> &list, std::string_view name)
{
    return std::find_if(list.begin(), list.end(),
            [&](const InlinePolicy &p) { return equalsIgnoreCase(p.name, name); });
}

std::uint64_t fnv1a(std::string_view text, std::uint64_t hash = 14695981039346656037ULL)
{
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    return hash;
}

std::uint64_t mix(std::uint64_t x) // splitmix64's finaliser
{
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

constexpr std::string_view defaultPolicy = R"({"Version": "2012-10-17", "Statement": []})";

} // namespace

std::string_view entityKindName(EntityKind kind)
{
    switch (kind) {
    case EntityKind::User:
        return "user";
    case EntityKind::Group:
        return "group";
    case EntityKind::Role:
        return "role";
    case EntityKind::Policy:
        return "policy";
    }
    return "entity";
}

std::string checkIamName(EntityKind kind, std::string_view name)
{
    const size_t limit = kind == EntityKind::User || kind == EntityKind::Role ? 64 : 128;
    if (name.empty())
        return "a name cannot be empty";
    if (name.size() > limit)
        return "a " + std::string(entityKindName(kind)) + " name has at most "
                + std::to_string(limit) + " characters";
    for (const char c : name)
        if (!isIamNameCharacter(c))
            return "a name may hold only letters, digits and _+=,.@- (\"" + std::string(name)
                    + "\" does not)";
    return {};
}

std::string checkIamPath(std::string_view path)
{
    if (path.empty() || path.size() > 512 || !path.starts_with('/') || !path.ends_with('/'))
        return "a path begins and ends with / and has at most 512 characters (\""
                + std::string(path) + "\" does not)";
    for (const char c : path)
        if (c < '!' || c > '~')
            return "a path may hold only printable ASCII characters, no spaces";
    return {};
}

std::vector<std::string> dependentsOf(
        const Account &account, EntityKind kind, std::string_view entity)
{
    std::vector<std::string> result;
    if (kind == EntityKind::Group) {
        if (const Group *group = account.findGroup(entity))
            for (const User *user : account.membersOf(*group))
                result.push_back("member: user " + user->name);
        return result;
    }
    if (kind != EntityKind::Policy)
        return result;
    const ManagedPolicy *policy = account.findPolicy(entity);
    if (!policy)
        return result;
    const auto scan = [&](std::string_view type, const auto &list) {
        for (const auto &owner : list)
            for (const auto &attached : owner.attachedPolicies)
                if (attached.arn == policy->arn)
                    result.push_back("attached to " + std::string(type) + " " + owner.name);
    };
    const auto scanBoundaries = [&](std::string_view type, const auto &list) {
        for (const auto &owner : list)
            if (owner.permissionsBoundaryArn == policy->arn)
                result.push_back("permissions boundary of " + std::string(type) + " " + owner.name);
    };
    scan("user", account.users());
    scan("group", account.groups());
    scan("role", account.roles());
    scanBoundaries("user", account.users());
    scanBoundaries("role", account.roles());
    return result;
}

AccountEdit::AccountEdit(Account &account, Mode mode)
    : m_account(account)
    , m_mode(mode)
{
}

AccountUndo AccountEdit::takeUndo()
{
    return std::exchange(m_undo, AccountUndo());
}

void AccountEdit::record(Slot slot, Op op, size_t index, AccountUndo::Value before)
{
    m_undo.m_steps.push_back({ slot, op, index, std::move(before) });
}

void AccountEdit::willChange(Slot slot, size_t index)
{
    switch (slot) {
    case Slot::User:
        record(slot, Op::Changed, index, m_account.m_users[index]);
        m_account.m_users[index].edited = true;
        break;
    case Slot::Group:
        record(slot, Op::Changed, index, m_account.m_groups[index]);
        m_account.m_groups[index].edited = true;
        break;
    case Slot::Role:
        record(slot, Op::Changed, index, m_account.m_roles[index]);
        m_account.m_roles[index].edited = true;
        break;
    case Slot::Policy:
        record(slot, Op::Changed, index, m_account.m_policies[index]);
        m_account.m_policies[index].edited = true;
        break;
    case Slot::Resource:
        record(slot, Op::Changed, index, m_account.m_resources[index]);
        break;
    case Slot::Organization:
        record(slot, Op::Changed, 0, m_account.m_organization);
        break;
    }
}

void AccountEdit::revert(Account &account, const AccountUndo &undo)
{
    const auto apply = [](auto &list, const AccountUndo::Step &step) {
        using Entity = typename std::decay_t<decltype(list)>::value_type;
        const auto at = list.begin() + static_cast<std::ptrdiff_t>(step.index);
        switch (step.op) {
        case Op::Changed:
            *at = std::get<Entity>(step.before);
            break;
        case Op::Inserted:
            list.erase(at);
            break;
        case Op::Removed:
            list.insert(at, std::get<Entity>(step.before));
            break;
        }
    };
    for (auto step = undo.m_steps.rbegin(); step != undo.m_steps.rend(); ++step) {
        switch (step->slot) {
        case Slot::User:
            apply(account.m_users, *step);
            break;
        case Slot::Group:
            apply(account.m_groups, *step);
            break;
        case Slot::Role:
            apply(account.m_roles, *step);
            break;
        case Slot::Policy:
            apply(account.m_policies, *step);
            break;
        case Slot::Resource:
            apply(account.m_resources, *step);
            break;
        case Slot::Organization:
            account.m_organization = std::get<std::optional<Organization>>(step->before);
            break;
        }
    }
    account.rebuildIndexes();
}

std::string AccountEdit::newId(std::string_view prefix, std::string_view name) const
{
    // Deterministic (redoing a creation gives the same id) and unique in the account.
    static constexpr std::string_view digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    const std::uint64_t seed =
            fnv1a(toAsciiLowercase(name), fnv1a(m_account.accountId(), fnv1a(prefix)));
    for (std::uint64_t salt = 0;; ++salt) {
        std::uint64_t bits = mix(seed + salt);
        std::string id(prefix);
        for (int i = 0; i < 16; ++i) {
            if (i == 8)
                bits = mix(bits ^ seed);
            id += digits[bits % digits.size()];
            bits /= digits.size();
        }
        if (m_account.kindOfId(id).empty())
            return id;
    }
}

std::string AccountEdit::createPrincipal(EntityKind kind, const NewEntity &entity)
{
    if (auto error = checkIamName(kind, entity.name); !error.empty())
        return error;
    if (auto error = checkIamPath(entity.path); !error.empty())
        return error;
    if (m_account.accountId().empty())
        return "the account has no id, so a new entity cannot be given an ARN";
    if (entity.createDate.empty())
        return "a new entity needs its creation time";
    const std::string kindName(entityKindName(kind));
    const bool taken = (kind == EntityKind::User && byName(m_account.m_users, entity.name))
            || (kind == EntityKind::Group && byName(m_account.m_groups, entity.name))
            || (kind == EntityKind::Role && byName(m_account.m_roles, entity.name));
    if (taken)
        return "a " + kindName + " named " + entity.name + " exists already (ignoring case)";
    std::string trust = entity.document;
    if (kind == EntityKind::Role && trust.empty())
        trust = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::)"
                + m_account.accountId() + R"(:root"}, "Action": "sts:AssumeRole"}]})";
    if (kind == EntityKind::Role)
        if (auto error = checkDocument(trust); !error.empty())
            return error;
    if (checking())
        return {};
    const std::string arn = arnOf(m_account.accountId(), kindName, entity.path, entity.name);
    switch (kind) {
    case EntityKind::User: {
        User user;
        user.path = entity.path;
        user.name = entity.name;
        user.id = newId("AIDA", entity.name);
        user.arn = arn;
        user.createDate = entity.createDate;
        user.edited = true;
        m_account.m_users.push_back(std::move(user));
        record(Slot::User, Op::Inserted, m_account.m_users.size() - 1, {});
        break;
    }
    case EntityKind::Group: {
        Group group;
        group.path = entity.path;
        group.name = entity.name;
        group.id = newId("AGPA", entity.name);
        group.arn = arn;
        group.createDate = entity.createDate;
        group.edited = true;
        m_account.m_groups.push_back(std::move(group));
        record(Slot::Group, Op::Inserted, m_account.m_groups.size() - 1, {});
        break;
    }
    case EntityKind::Role: {
        Role role;
        role.path = entity.path;
        role.name = entity.name;
        role.id = newId("AROA", entity.name);
        role.arn = arn;
        role.createDate = entity.createDate;
        role.trustPolicy = ownedDocument(trust);
        role.edited = true;
        m_account.m_roles.push_back(std::move(role));
        record(Slot::Role, Op::Inserted, m_account.m_roles.size() - 1, {});
        break;
    }
    case EntityKind::Policy:
        break;
    }
    m_account.rebuildIndexes();
    return {};
}

std::string AccountEdit::createUser(const NewEntity &entity)
{
    return createPrincipal(EntityKind::User, entity);
}

std::string AccountEdit::createGroup(const NewEntity &entity)
{
    return createPrincipal(EntityKind::Group, entity);
}

std::string AccountEdit::createRole(const NewEntity &entity)
{
    return createPrincipal(EntityKind::Role, entity);
}

std::string AccountEdit::createPolicy(const NewEntity &entity)
{
    if (auto error = checkIamName(EntityKind::Policy, entity.name); !error.empty())
        return error;
    if (auto error = checkIamPath(entity.path); !error.empty())
        return error;
    if (m_account.accountId().empty())
        return "the account has no id, so a new policy cannot be given an ARN";
    if (entity.createDate.empty())
        return "a new policy needs its creation time";
    const std::string arn = arnOf(m_account.accountId(), "policy", entity.path, entity.name);
    for (const auto &policy : m_account.m_policies)
        if (!policy.isAwsManaged() && asciiEqualsIgnoreCase(policy.name, entity.name))
            return "a policy named " + entity.name + " exists already (ignoring case)";
    if (m_account.findPolicy(arn))
        return "a policy with the ARN " + arn + " exists already";
    const std::string_view text = entity.document.empty() ? defaultPolicy : entity.document;
    if (auto error = checkDocument(text); !error.empty())
        return error;
    if (checking())
        return {};
    ManagedPolicy policy;
    policy.name = entity.name;
    policy.id = newId("ANPA", entity.name);
    policy.arn = arn;
    policy.path = entity.path;
    policy.defaultVersionId = "v1";
    policy.createDate = entity.createDate;
    policy.updateDate = entity.createDate;
    policy.versions.push_back({ "v1", true, entity.createDate, ownedDocument(text) });
    policy.defaultVersion = 0;
    policy.edited = true;
    m_account.m_policies.push_back(std::move(policy));
    record(Slot::Policy, Op::Inserted, m_account.m_policies.size() - 1, {});
    m_account.rebuildIndexes();
    return {};
}

std::string AccountEdit::rename(EntityKind kind, std::string_view entity, std::string_view newName)
{
    if (auto error = checkIamName(kind, newName); !error.empty())
        return error;
    const std::string kindName(entityKindName(kind));
    // Another entity of the kind may not have the name; the entity itself may change its case.
    const auto takenBy = [&](const auto &list, const auto *self) {
        const auto *other = byName(list, newName);
        return other && other != self;
    };
    switch (kind) {
    case EntityKind::User: {
        const User *user = m_account.findUser(entity);
        if (!user)
            return "there is no user " + std::string(entity);
        if (user->name == newName)
            return "the user is named " + user->name + " already";
        if (takenBy(m_account.m_users, user))
            return "a user named " + std::string(newName) + " exists already (ignoring case)";
        if (checking())
            return {};
        const size_t i = indexIn(m_account.m_users, user);
        willChange(Slot::User, i);
        User &u = m_account.m_users[i];
        u.arn = renamedArn(
                u.arn, u.name, newName, arnOf(m_account.accountId(), "user", u.path, newName));
        u.name = std::string(newName);
        break;
    }
    case EntityKind::Group: {
        const Group *group = m_account.findGroup(entity);
        if (!group)
            return "there is no group " + std::string(entity);
        if (group->name == newName)
            return "the group is named " + group->name + " already";
        if (takenBy(m_account.m_groups, group))
            return "a group named " + std::string(newName) + " exists already (ignoring case)";
        if (checking())
            return {};
        const size_t i = indexIn(m_account.m_groups, group);
        const std::string oldName = group->name;
        for (size_t u = 0; u < m_account.m_users.size(); ++u) {
            const auto &names = m_account.m_users[u].groupNames;
            if (std::none_of(names.begin(), names.end(),
                        [&](const std::string &n) { return asciiEqualsIgnoreCase(n, oldName); }))
                continue;
            willChange(Slot::User, u);
            for (auto &name : m_account.m_users[u].groupNames)
                if (asciiEqualsIgnoreCase(name, oldName))
                    name = std::string(newName);
        }
        willChange(Slot::Group, i);
        Group &g = m_account.m_groups[i];
        g.arn = renamedArn(
                g.arn, g.name, newName, arnOf(m_account.accountId(), "group", g.path, newName));
        g.name = std::string(newName);
        break;
    }
    case EntityKind::Role: {
        const Role *role = m_account.findRole(entity);
        if (!role)
            return "there is no role " + std::string(entity);
        if (role->name == newName)
            return "the role is named " + role->name + " already";
        if (takenBy(m_account.m_roles, role))
            return "a role named " + std::string(newName) + " exists already (ignoring case)";
        if (checking())
            return {};
        const size_t i = indexIn(m_account.m_roles, role);
        willChange(Slot::Role, i);
        Role &r = m_account.m_roles[i];
        r.arn = renamedArn(
                r.arn, r.name, newName, arnOf(m_account.accountId(), "role", r.path, newName));
        r.name = std::string(newName);
        break;
    }
    case EntityKind::Policy: {
        const ManagedPolicy *policy = m_account.findPolicy(entity);
        if (!policy)
            return "there is no managed policy " + std::string(entity);
        return renamePolicy(*policy, newName);
    }
    }
    m_account.rebuildIndexes();
    return {};
}

std::string AccountEdit::renamePolicy(const ManagedPolicy &policy, std::string_view newName)
{
    if (policy.isAwsManaged())
        return "AWS managed policies cannot be renamed";
    if (policy.name == newName)
        return "the policy is named " + policy.name + " already";
    for (const auto &other : m_account.m_policies)
        if (&other != &policy && !other.isAwsManaged()
                && asciiEqualsIgnoreCase(other.name, newName))
            return "a policy named " + std::string(newName) + " exists already (ignoring case)";
    const std::string oldArn = policy.arn;
    const std::string newArn = renamedArn(oldArn, policy.name, newName,
            arnOf(m_account.accountId(), "policy", policy.path, newName));
    if (m_account.findPolicy(newArn) && newArn != oldArn)
        return "a policy with the ARN " + newArn + " exists already";
    if (checking())
        return {};
    const size_t index = indexIn(m_account.m_policies, &policy);
    // Re-points every attachment and boundary at the new ARN.
    const auto repoint = [&](Slot slot, auto &list) {
        for (size_t i = 0; i < list.size(); ++i) {
            auto &owner = list[i];
            bool uses = std::any_of(owner.attachedPolicies.begin(), owner.attachedPolicies.end(),
                    [&](const AttachedPolicy &a) { return a.arn == oldArn; });
            if constexpr (!std::is_same_v<std::decay_t<decltype(owner)>, Group>)
                uses = uses || owner.permissionsBoundaryArn == oldArn;
            if (!uses)
                continue;
            willChange(slot, i);
            for (auto &attached : list[i].attachedPolicies)
                if (attached.arn == oldArn)
                    attached = { std::string(newName), newArn };
            if constexpr (!std::is_same_v<std::decay_t<decltype(owner)>, Group>)
                if (list[i].permissionsBoundaryArn == oldArn)
                    list[i].permissionsBoundaryArn = newArn;
        }
    };
    repoint(Slot::User, m_account.m_users);
    repoint(Slot::Group, m_account.m_groups);
    repoint(Slot::Role, m_account.m_roles);
    willChange(Slot::Policy, index);
    m_account.m_policies[index].name = std::string(newName);
    m_account.m_policies[index].arn = newArn;
    m_account.rebuildIndexes();
    return {};
}

std::string AccountEdit::remove(EntityKind kind, std::string_view entity)
{
    switch (kind) {
    case EntityKind::User: {
        const User *user = m_account.findUser(entity);
        if (!user)
            return "there is no user " + std::string(entity);
        if (checking())
            return {};
        const size_t i = indexIn(m_account.m_users, user);
        record(Slot::User, Op::Removed, i, m_account.m_users[i]);
        m_account.m_users.erase(m_account.m_users.begin() + static_cast<std::ptrdiff_t>(i));
        break;
    }
    case EntityKind::Group: {
        const Group *group = m_account.findGroup(entity);
        if (!group)
            return "there is no group " + std::string(entity);
        if (checking())
            return {};
        const size_t i = indexIn(m_account.m_groups, group);
        const std::string name = group->name;
        for (size_t u = 0; u < m_account.m_users.size(); ++u) {
            auto &names = m_account.m_users[u].groupNames;
            const auto member = [&](const std::string &n) {
                return asciiEqualsIgnoreCase(n, name);
            };
            if (std::none_of(names.begin(), names.end(), member))
                continue;
            willChange(Slot::User, u);
            std::erase_if(m_account.m_users[u].groupNames, member);
        }
        record(Slot::Group, Op::Removed, i, m_account.m_groups[i]);
        m_account.m_groups.erase(m_account.m_groups.begin() + static_cast<std::ptrdiff_t>(i));
        break;
    }
    case EntityKind::Role: {
        const Role *role = m_account.findRole(entity);
        if (!role)
            return "there is no role " + std::string(entity);
        if (checking())
            return {};
        const size_t i = indexIn(m_account.m_roles, role);
        record(Slot::Role, Op::Removed, i, m_account.m_roles[i]);
        m_account.m_roles.erase(m_account.m_roles.begin() + static_cast<std::ptrdiff_t>(i));
        break;
    }
    case EntityKind::Policy: {
        const ManagedPolicy *policy = m_account.findPolicy(entity);
        if (!policy)
            return "there is no managed policy " + std::string(entity);
        if (checking())
            return {};
        return removePolicy(indexIn(m_account.m_policies, policy));
    }
    }
    m_account.rebuildIndexes();
    return {};
}

std::string AccountEdit::removePolicy(size_t index)
{
    const std::string arn = m_account.m_policies[index].arn;
    const auto detach = [&](Slot slot, auto &list) {
        for (size_t i = 0; i < list.size(); ++i) {
            auto &owner = list[i];
            bool uses = std::any_of(owner.attachedPolicies.begin(), owner.attachedPolicies.end(),
                    [&](const AttachedPolicy &a) { return a.arn == arn; });
            if constexpr (!std::is_same_v<std::decay_t<decltype(owner)>, Group>)
                uses = uses || owner.permissionsBoundaryArn == arn;
            if (!uses)
                continue;
            willChange(slot, i);
            std::erase_if(list[i].attachedPolicies,
                    [&](const AttachedPolicy &a) { return a.arn == arn; });
            if constexpr (!std::is_same_v<std::decay_t<decltype(owner)>, Group>)
                if (list[i].permissionsBoundaryArn == arn)
                    list[i].permissionsBoundaryArn.reset();
        }
    };
    detach(Slot::User, m_account.m_users);
    detach(Slot::Group, m_account.m_groups);
    detach(Slot::Role, m_account.m_roles);
    record(Slot::Policy, Op::Removed, index, m_account.m_policies[index]);
    m_account.m_policies.erase(m_account.m_policies.begin() + static_cast<std::ptrdiff_t>(index));
    m_account.rebuildIndexes();
    return {};
}

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
