#include "entitywriter.h"

#include "model/accountio.h"
#include "model/json.h"

#include <algorithm>
#include <set>
#include <vector>

namespace iamx {
namespace {

// One member of an entity as its fields say it: a JSON value, or the items of a list (kept
// apart so that unchanged items can be copied as they were read).
struct Field
{
    std::string_view key;
    bool present = true; ///< false: the entity has no such member (no boundary, no description)
    bool isList = false;
    std::string value; ///< the JSON text, when not a list
    std::vector<std::string> items; ///< the JSON text of each item, when a list

    bool operator==(const Field &) const = default;
};

std::string quoted(std::string_view text)
{
    std::string out;
    json::appendQuoted(out, text);
    return out;
}

// A document in the decoded form: its JSON object text (an unreadable one, which has no
// text, as null, which reads back as absent).
std::string documentText(const PolicyText &document)
{
    return document.empty() ? std::string("null") : std::string(document.text());
}

Field scalar(std::string_view key, std::string value, bool present = true)
{
    Field field;
    field.key = key;
    field.present = present;
    field.value = std::move(value);
    return field;
}

Field list(std::string_view key, std::vector<std::string> items)
{
    Field field;
    field.key = key;
    field.isList = true;
    field.items = std::move(items);
    return field;
}

Field inlinePolicies(std::string_view key, const std::vector<InlinePolicy> &policies)
{
    std::vector<std::string> items;
    for (const auto &p : policies)
        items.push_back("{\"PolicyName\": " + quoted(p.name)
                + ", \"PolicyDocument\": " + documentText(p.document) + "}");
    return list(key, std::move(items));
}

Field attached(const std::vector<AttachedPolicy> &policies)
{
    std::vector<std::string> items;
    for (const auto &p : policies)
        items.push_back(
                "{\"PolicyName\": " + quoted(p.name) + ", \"PolicyArn\": " + quoted(p.arn) + "}");
    return list("AttachedManagedPolicies", std::move(items));
}

Field boundary(const std::optional<std::string> &arn)
{
    return scalar("PermissionsBoundary",
            arn ? "{\"PermissionsBoundaryType\": \"PermissionsBoundaryPolicy\", "
                  "\"PermissionsBoundaryArn\": "
                            + quoted(*arn) + "}"
                : std::string(),
            arn.has_value());
}

Field tags(const std::vector<Tag> &tags)
{
    std::vector<std::string> items;
    for (const auto &t : tags)
        items.push_back("{\"Key\": " + quoted(t.key) + ", \"Value\": " + quoted(t.value) + "}");
    return list("Tags", std::move(items));
}

// The members of each kind of entity, in the order the AWS CLI writes them.
std::vector<Field> fieldsOf(const User &u)
{
    std::vector<std::string> groups;
    for (const auto &name : u.groupNames)
        groups.push_back(quoted(name));
    return { scalar("Path", quoted(u.path)), scalar("UserName", quoted(u.name)),
        scalar("UserId", quoted(u.id)), scalar("Arn", quoted(u.arn)),
        scalar("CreateDate", quoted(u.createDate)),
        inlinePolicies("UserPolicyList", u.inlinePolicies), list("GroupList", std::move(groups)),
        attached(u.attachedPolicies), boundary(u.permissionsBoundaryArn), tags(u.tags) };
}

std::vector<Field> fieldsOf(const Group &g)
{
    return { scalar("Path", quoted(g.path)), scalar("GroupName", quoted(g.name)),
        scalar("GroupId", quoted(g.id)), scalar("Arn", quoted(g.arn)),
        scalar("CreateDate", quoted(g.createDate)),
        inlinePolicies("GroupPolicyList", g.inlinePolicies), attached(g.attachedPolicies) };
}

std::vector<Field> fieldsOf(const Role &r)
{
    std::vector<std::string> profiles;
    for (const auto &p : r.instanceProfiles)
        profiles.push_back("{\"InstanceProfileName\": " + quoted(p.name)
                + ", \"InstanceProfileId\": " + quoted(p.id) + ", \"Arn\": " + quoted(p.arn) + "}");
    std::string lastUsed = "{";
    if (!r.lastUsedDate.empty())
        lastUsed += "\"LastUsedDate\": " + quoted(r.lastUsedDate);
    if (!r.lastUsedRegion.empty())
        lastUsed += std::string(r.lastUsedDate.empty() ? "" : ", ")
                + "\"Region\": " + quoted(r.lastUsedRegion);
    lastUsed += '}';
    return { scalar("Path", quoted(r.path)), scalar("RoleName", quoted(r.name)),
        scalar("RoleId", quoted(r.id)), scalar("Arn", quoted(r.arn)),
        scalar("CreateDate", quoted(r.createDate)),
        scalar("AssumeRolePolicyDocument", documentText(r.trustPolicy)),
        list("InstanceProfileList", std::move(profiles)),
        inlinePolicies("RolePolicyList", r.inlinePolicies), attached(r.attachedPolicies),
        boundary(r.permissionsBoundaryArn), tags(r.tags), scalar("RoleLastUsed", lastUsed) };
}

std::vector<Field> fieldsOf(const ManagedPolicy &p)
{
    std::vector<std::string> versions;
    for (const auto &v : p.versions)
        versions.push_back("{\"Document\": " + documentText(v.document)
                + ", \"VersionId\": " + quoted(v.versionId)
                + ", \"IsDefaultVersion\": " + (v.isDefault ? "true" : "false")
                + ", \"CreateDate\": " + quoted(v.createDate) + "}");
    return { scalar("PolicyName", quoted(p.name)), scalar("PolicyId", quoted(p.id)),
        scalar("Arn", quoted(p.arn)), scalar("Path", quoted(p.path)),
        scalar("DefaultVersionId", quoted(p.defaultVersionId)),
        scalar("AttachmentCount", std::to_string(p.attachmentCount)),
        scalar("PermissionsBoundaryUsageCount", std::to_string(p.permissionsBoundaryUsageCount)),
        scalar("IsAttachable", p.isAttachable ? "true" : "false"),
        scalar("Description", quoted(p.description), !p.description.empty()),
        scalar("CreateDate", quoted(p.createDate)), scalar("UpdateDate", quoted(p.updateDate)),
        list("PolicyVersionList", std::move(versions)) };
}

const Field *find(const std::vector<Field> &fields, std::string_view key)
{
    for (const auto &field : fields)
        if (field.key == key)
            return &field;
    return nullptr;
}

// A changed member's value. A list reuses the text of each item that is unchanged (found
// among the original's items), so that items the model reads only in part keep the rest.
std::string valueText(const Field &field, const Field *original, const json::Value *originalValue,
        std::string_view raw)
{
    if (!field.isList)
        return field.value;
    const bool reuse = original && original->isList && originalValue && originalValue->isArray()
            && originalValue->items.size() == original->items.size();
    std::vector<bool> used(reuse ? original->items.size() : 0, false);
    std::string out = "[";
    for (size_t i = 0; i < field.items.size(); ++i) {
        out += i ? ", " : "";
        size_t match = used.size();
        for (size_t j = 0; j < used.size(); ++j)
            if (!used[j] && original->items[j] == field.items[i]) {
                match = j;
                break;
            }
        if (match < used.size()) {
            used[match] = true;
            const json::Value &item = originalValue->items[match];
            out += raw.substr(item.offset, item.length);
        } else {
            out += field.items[i];
        }
    }
    return out + "]";
}

} // namespace

EntityWriter::EntityWriter(const Account &account)
    : m_account(account)
{
    // The original text of every edited entity, read again as one small account.
    std::string text = "{";
    const auto collect = [&](std::string_view listName, const auto &entities) {
        text += text.size() > 1 ? ", " : "";
        json::appendQuoted(text, listName);
        text += ": [";
        size_t index = 0;
        for (const auto &entity : entities) {
            if (!entity.edited || entity.span.length == 0)
                continue;
            text += index ? ", " : "";
            text += originalText(entity.span);
            m_originalIndex.emplace(&entity, index++);
        }
        text += ']';
    };
    collect("UserDetailList", account.users());
    collect("GroupDetailList", account.groups());
    collect("RoleDetailList", account.roles());
    collect("Policies", account.policies());
    text += '}';
    if (m_originalIndex.empty())
        return;
    auto loaded = loadAccount({ { "original", std::move(text) } });
    if (loaded.value)
        m_originals = std::make_unique<Account>(std::move(*loaded.value));
}

EntityWriter::~EntityWriter() = default;

std::string_view EntityWriter::originalText(const SourceSpan &span) const
{
    if (span.length == 0 || span.source >= m_account.sources().size())
        return {};
    return std::string_view(m_account.sources()[span.source]->text)
            .substr(span.offset, span.length);
}

template <typename Entity> const Entity *EntityWriter::originalOf(const Entity &entity) const
{
    const auto found = m_originalIndex.find(&entity);
    if (!m_originals || found == m_originalIndex.end())
        return nullptr;
    const auto pick = [&](const auto &list) -> const Entity * {
        return found->second < list.size() ? &list[found->second] : nullptr;
    };
    if constexpr (std::is_same_v<Entity, User>)
        return pick(m_originals->users());
    else if constexpr (std::is_same_v<Entity, Group>)
        return pick(m_originals->groups());
    else if constexpr (std::is_same_v<Entity, Role>)
        return pick(m_originals->roles());
    else
        return pick(m_originals->policies());
}

template <typename Entity>
void EntityWriter::appendEntity(
        std::string &out, const Entity &entity, const Entity *original) const
{
    const std::string_view raw = originalText(entity.span);
    if (!entity.edited) {
        out += raw;
        return;
    }
    const std::vector<Field> fields = fieldsOf(entity);
    const std::vector<Field> originalFields = original ? fieldsOf(*original) : std::vector<Field>();
    if (!raw.empty() && fields == originalFields) {
        out += raw; // changed and changed back: as it was read, byte for byte
        return;
    }
    std::optional<json::Value> root;
    if (!raw.empty())
        if (auto read = json::read(raw); read.value && read.value->isObject())
            root = std::move(read.value);
    bool first = true;
    const auto emit = [&](std::string_view key, std::string_view value) {
        out += first ? "{\n      " : ",\n      ";
        first = false;
        out += key;
        out += ": ";
        out += value;
    };
    std::set<std::string_view> done;
    if (root) {
        for (const auto &member : root->members) {
            const std::string_view keyRaw = raw.substr(member.keyOffset, member.keyLength);
            const std::string_view valueRaw = raw.substr(member.value.offset, member.value.length);
            const Field *field = find(fields, member.key);
            if (!field || done.count(field->key)) { // not modelled, or a later duplicate
                emit(keyRaw, valueRaw);
                continue;
            }
            done.insert(field->key);
            const Field *before = find(originalFields, field->key);
            if (before && *before == *field)
                emit(keyRaw, valueRaw);
            else if (field->present)
                emit(keyRaw, valueText(*field, before, &member.value, raw));
        }
    }
    for (const auto &field : fields) {
        if (done.count(field.key) || !field.present)
            continue;
        // Absent from the original and still the value absence reads as: stays absent.
        if (const Field *before = find(originalFields, field.key); before && *before == field)
            continue;
        emit(quoted(field.key), valueText(field, nullptr, nullptr, raw));
    }
    out += first ? "{}" : "\n    }";
}

void EntityWriter::append(std::string &out, const User &user) const
{
    appendEntity(out, user, originalOf(user));
}

void EntityWriter::append(std::string &out, const Group &group) const
{
    appendEntity(out, group, originalOf(group));
}

void EntityWriter::append(std::string &out, const Role &role) const
{
    appendEntity(out, role, originalOf(role));
}

void EntityWriter::append(std::string &out, const ManagedPolicy &policy) const
{
    appendEntity(out, policy, originalOf(policy));
}

} // namespace iamx
