#include "accountedit.h"

#include "model/accounteditsupport.h"
#include "model/casefold.h"
#include "model/json.h"

#include <algorithm>
#include <cstdint>
#include <type_traits>
#include <utility>

namespace iamx {

namespace editsupport {

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

std::vector<InlinePolicy>::iterator findInline(
        std::vector<InlinePolicy> &list, std::string_view name)
{
    return std::find_if(list.begin(), list.end(),
            [&](const InlinePolicy &p) { return equalsIgnoreCase(p.name, name); });
}

} // namespace editsupport

using namespace editsupport;

namespace {

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

template <typename Entity>
const Entity *byName(const std::vector<Entity> &list, std::string_view name)
{
    for (const auto &entity : list)
        if (asciiEqualsIgnoreCase(entity.name, name))
            return &entity;
    return nullptr;
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

} // namespace iamx
