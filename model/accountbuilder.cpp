#include "accountbuilder.h"

#include "model/accountbuilderimpl.h"
#include "model/accountio.h"
#include "model/arn.h"
#include "model/casefold.h"
#include "model/json.h"
#include "model/jsonscanner.h"

#include <algorithm>
#include <array>
#include <map>
#include <simdjson.h>

namespace iamx {
namespace {

// Reads the fields of one entity, flagging type problems with their JSON path and place.
class FieldReader
{
public:
    FieldReader(AccountBuilder::Impl &builder, std::string pointer)
        : m_builder(builder)
        , m_pointer(std::move(pointer))
    {
    }

    bool malformed() const { return m_malformed; }

    // Real exports write `null` for a field with no value: read as absent, like a missing one.
    static bool isNull(od::value &value)
    {
        od::json_type type;
        return !value.type().get(type) && type == od::json_type::null;
    }
    const std::string &pointer() const { return m_pointer; }

    // Where a value starts; asked before the value is read, since reading moves past it.
    const char *locationOf(od::value &value) const
    {
        const char *at = nullptr;
        if (value.current_location().get(at))
            at = m_builder.base;
        return at;
    }

    void problem(const std::string &path, std::string message, const char *at)
    {
        m_builder.report(Severity::Error, "INVALID_ACCOUNT_FIELD", m_pointer + path,
                std::move(message), m_builder.spanAt(at, 1));
        m_malformed = true;
    }

    bool string(od::value value, const std::string &path, std::string &out)
    {
        if (isNull(value))
            return false;
        const char *at = locationOf(value);
        std::string_view text;
        od::json_type type;
        if (value.type().get(type) || type != od::json_type::string
                || value.get_string().get(text)) {
            problem(path, "expected a string", at);
            return false;
        }
        out.assign(text);
        return true;
    }

    bool boolean(od::value value, const std::string &path, bool &out)
    {
        if (isNull(value))
            return false;
        const char *at = locationOf(value);
        od::json_type type;
        if (value.type().get(type) || type != od::json_type::boolean || value.get_bool().get(out)) {
            problem(path, "expected true or false", at);
            return false;
        }
        return true;
    }

    bool integer(od::value value, const std::string &path, std::int64_t &out)
    {
        if (isNull(value))
            return false;
        const char *at = locationOf(value);
        od::json_type type;
        if (value.type().get(type) || type != od::json_type::number || value.get_int64().get(out)) {
            problem(path, "expected an integer", at);
            return false;
        }
        return true;
    }

    // A policy document in any of its three forms (account-format.md §1.1).
    bool document(od::value value, const std::string &path, PolicyText &out)
    {
        if (isNull(value))
            return false;
        const char *at = locationOf(value);
        const SourceSpan span = m_builder.spanAt(at, 1);
        // A document that cannot be read is kept as an empty one at its place, so that later
        // questions can say where it is (account-format.md §4.5: entity kept, policy invalid).
        const auto invalid = [&](const char *why, PolicyText::Form form) {
            problem(path, why, at);
            out = PolicyText::owned(std::string(), form, span);
            return false;
        };
        od::json_type type;
        if (value.type().get(type))
            return invalid("unreadable policy document", PolicyText::Form::Object);
        if (type == od::json_type::object) {
            od::object object;
            std::string_view raw;
            if (value.get_object().get(object) || object.raw_json().get(raw))
                return invalid("unreadable policy document", PolicyText::Form::Object);
            out = PolicyText::borrowed(
                    raw, PolicyText::Form::Object, m_builder.spanAt(raw.data(), raw.size()));
            return true;
        }
        std::string_view text;
        if (type != od::json_type::string || value.get_string().get(text))
            return invalid("a policy document must be a JSON object or a string holding one",
                    PolicyText::Form::Object);
        const size_t start = text.find_first_not_of(" \t\r\n");
        if (start != std::string_view::npos && text[start] == '{') {
            if (!m_builder.isJsonObject(text))
                return invalid("the policy document string is not valid JSON",
                        PolicyText::Form::JsonString);
            out = PolicyText::owned(std::string(text), PolicyText::Form::JsonString, span);
            return true;
        }
        auto decoded = percentDecode(text);
        if (!decoded || !m_builder.isJsonObject(*decoded))
            return invalid("a policy document string must hold JSON or percent-encoded JSON",
                    PolicyText::Form::PercentEncoded);
        out = PolicyText::owned(std::move(*decoded), PolicyText::Form::PercentEncoded, span);
        return true;
    }

    // Calls `each(element, path)` for every element of an array; a lone object is read as a
    // one-element list with a warning (the AWS CLI documentation's example does that).
    template <typename Each> void list(od::value value, const std::string &path, Each each)
    {
        if (isNull(value))
            return;
        const char *start = locationOf(value);
        od::json_type type;
        if (value.type().get(type)) {
            problem(path, "unreadable list", start);
            return;
        }
        if (type == od::json_type::object) {
            const char *at = nullptr;
            if (value.current_location().get(at))
                at = m_builder.base;
            m_builder.report(Severity::Warning, "SINGLE_OBJECT_AS_LIST", m_pointer + path,
                    "expected a list, found one object: read as a list of one",
                    m_builder.spanAt(at, 1));
            each(value, path + "/0");
            return;
        }
        od::array array;
        if (type != od::json_type::array || value.get_array().get(array)) {
            problem(path, "expected a list", start);
            return;
        }
        size_t index = 0;
        for (auto element : array) {
            od::value item;
            if (element.get(item)) {
                m_builder.failed = true; // broken JSON: refused, located by our own reader
                break;
            }
            each(item, path + "/" + std::to_string(index++));
        }
    }

    // Calls `field(key, value)` for every member of an object.
    template <typename Field> bool object(od::value value, const std::string &path, Field field)
    {
        if (isNull(value))
            return false;
        const char *start = locationOf(value);
        od::object object;
        od::json_type type;
        if (value.type().get(type) || type != od::json_type::object
                || value.get_object().get(object)) {
            problem(path, "expected an object", start);
            return false;
        }
        for (auto member : object) {
            std::string_view key;
            if (member.unescaped_key().get(key)) {
                m_builder.failed = true; // broken JSON: refused, located by our own reader
                return false;
            }
            field(key, member.value());
        }
        return true;
    }

private:
    AccountBuilder::Impl &m_builder;
    std::string m_pointer;
    bool m_malformed = false;
};

void readTags(FieldReader &r, od::value value, const std::string &path, std::vector<Tag> &tags)
{
    r.list(value, path, [&](od::value item, const std::string &itemPath) {
        Tag tag;
        r.object(item, itemPath, [&](std::string_view key, od::value v) {
            if (key == "Key")
                r.string(v, itemPath + "/Key", tag.key);
            else if (key == "Value")
                r.string(v, itemPath + "/Value", tag.value);
        });
        tags.push_back(std::move(tag));
    });
}

void readInlinePolicies(FieldReader &r, od::value value, const std::string &path,
        std::vector<InlinePolicy> &policies)
{
    r.list(value, path, [&](od::value item, const std::string &itemPath) {
        InlinePolicy policy;
        r.object(item, itemPath, [&](std::string_view key, od::value v) {
            if (key == "PolicyName")
                r.string(v, itemPath + "/PolicyName", policy.name);
            else if (key == "PolicyDocument")
                r.document(v, itemPath + "/PolicyDocument", policy.document);
        });
        policies.push_back(std::move(policy));
    });
}

void readAttached(FieldReader &r, od::value value, const std::string &path,
        std::vector<AttachedPolicy> &attached)
{
    r.list(value, path, [&](od::value item, const std::string &itemPath) {
        AttachedPolicy policy;
        r.object(item, itemPath, [&](std::string_view key, od::value v) {
            if (key == "PolicyName")
                r.string(v, itemPath + "/PolicyName", policy.name);
            else if (key == "PolicyArn")
                r.string(v, itemPath + "/PolicyArn", policy.arn);
        });
        attached.push_back(std::move(policy));
    });
}

void readBoundary(FieldReader &r, od::value value, const std::string &path,
        std::optional<std::string> &boundary)
{
    std::string arn;
    r.object(value, path, [&](std::string_view key, od::value v) {
        if (key == "PermissionsBoundaryArn")
            r.string(v, path + "/PermissionsBoundaryArn", arn);
    });
    if (!arn.empty())
        boundary = std::move(arn);
}

// The tags of a workspace resource: an object of key -> value.
} // namespace

void AccountBuilder::Impl::readEntity(
        std::string_view raw, EntityKind kind, const std::string &pointer)
{
    const SourceSpan span = spanAt(raw.data(), raw.size());
    const size_t readable = capacity - static_cast<size_t>(raw.data() - base);
    simdjson::dom::element whole;
    if (validator.parse(raw.data(), raw.size(), false).get(whole)) {
        failed = true; // not JSON: the caller reports where, with our own reader
        return;
    }
    od::document doc;
    od::object object;
    if (inner.iterate(raw.data(), raw.size(), readable).get(doc) || doc.get_object().get(object)) {
        failed = true; // not JSON: the caller reports where, with our own reader
        return;
    }
    FieldReader r(*this, pointer);
    const auto each = [&](auto field) {
        // An entity has a dozen fields: a small array, no allocation per entity (the keys stay
        // valid in the parser's buffer while the entity is read).
        std::array<std::string_view, 32> seen;
        size_t seenCount = 0;
        for (auto member : object) {
            std::string_view key;
            if (member.unescaped_key().get(key)) {
                failed = true; // broken JSON: refused, with the place our reader finds
                break;
            }
            if (std::find(seen.begin(), seen.begin() + static_cast<std::ptrdiff_t>(seenCount), key)
                    != seen.begin() + static_cast<std::ptrdiff_t>(seenCount)) {
                // AWS never writes one; a hand-edited file might, and only one can be used.
                od::value value = member.value();
                r.problem("/" + std::string(key),
                        "the field \"" + std::string(key)
                                + "\" appears twice in this entity: the first is used",
                        r.locationOf(value));
                continue;
            }
            if (seenCount < seen.size())
                seen[seenCount++] = key;
            field(key, member.value());
        }
    };
    switch (kind) {
    case EntityKind::User: {
        User user;
        user.span = span;
        each([&](std::string_view key, od::value v) {
            const std::string path = "/" + std::string(key);
            if (key == "Path")
                r.string(v, path, user.path);
            else if (key == "UserName")
                r.string(v, path, user.name);
            else if (key == "UserId")
                r.string(v, path, user.id);
            else if (key == "Arn")
                r.string(v, path, user.arn);
            else if (key == "CreateDate")
                r.string(v, path, user.createDate);
            else if (key == "UserPolicyList")
                readInlinePolicies(r, v, path, user.inlinePolicies);
            else if (key == "GroupList")
                r.list(v, path, [&](od::value item, const std::string &itemPath) {
                    std::string name;
                    if (r.string(item, itemPath, name))
                        user.groupNames.push_back(std::move(name));
                });
            else if (key == "AttachedManagedPolicies")
                readAttached(r, v, path, user.attachedPolicies);
            else if (key == "PermissionsBoundary")
                readBoundary(r, v, path, user.permissionsBoundaryArn);
            else if (key == "Tags")
                readTags(r, v, path, user.tags);
        });
        user.flagged = r.malformed();
        users.push_back(std::move(user));
        break;
    }
    case EntityKind::Group: {
        Group group;
        group.span = span;
        each([&](std::string_view key, od::value v) {
            const std::string path = "/" + std::string(key);
            if (key == "Path")
                r.string(v, path, group.path);
            else if (key == "GroupName")
                r.string(v, path, group.name);
            else if (key == "GroupId")
                r.string(v, path, group.id);
            else if (key == "Arn")
                r.string(v, path, group.arn);
            else if (key == "CreateDate")
                r.string(v, path, group.createDate);
            else if (key == "GroupPolicyList")
                readInlinePolicies(r, v, path, group.inlinePolicies);
            else if (key == "AttachedManagedPolicies")
                readAttached(r, v, path, group.attachedPolicies);
        });
        group.flagged = r.malformed();
        groups.push_back(std::move(group));
        break;
    }
    case EntityKind::Role: {
        Role role;
        role.span = span;
        each([&](std::string_view key, od::value v) {
            const std::string path = "/" + std::string(key);
            if (key == "Path")
                r.string(v, path, role.path);
            else if (key == "RoleName")
                r.string(v, path, role.name);
            else if (key == "RoleId")
                r.string(v, path, role.id);
            else if (key == "Arn")
                r.string(v, path, role.arn);
            else if (key == "CreateDate")
                r.string(v, path, role.createDate);
            else if (key == "AssumeRolePolicyDocument")
                r.document(v, path, role.trustPolicy);
            else if (key == "RolePolicyList")
                readInlinePolicies(r, v, path, role.inlinePolicies);
            else if (key == "AttachedManagedPolicies")
                readAttached(r, v, path, role.attachedPolicies);
            else if (key == "PermissionsBoundary")
                readBoundary(r, v, path, role.permissionsBoundaryArn);
            else if (key == "Tags")
                readTags(r, v, path, role.tags);
            else if (key == "InstanceProfileList")
                r.list(v, path, [&](od::value item, const std::string &itemPath) {
                    InstanceProfile profile;
                    r.object(item, itemPath, [&](std::string_view k, od::value pv) {
                        if (k == "InstanceProfileName")
                            r.string(pv, itemPath + "/InstanceProfileName", profile.name);
                        else if (k == "InstanceProfileId")
                            r.string(pv, itemPath + "/InstanceProfileId", profile.id);
                        else if (k == "Arn")
                            r.string(pv, itemPath + "/Arn", profile.arn);
                    });
                    role.instanceProfiles.push_back(std::move(profile));
                });
            else if (key == "RoleLastUsed")
                r.object(v, path, [&](std::string_view k, od::value lv) {
                    if (k == "LastUsedDate")
                        r.string(lv, path + "/LastUsedDate", role.lastUsedDate);
                    else if (k == "Region")
                        r.string(lv, path + "/Region", role.lastUsedRegion);
                });
        });
        role.flagged = r.malformed();
        roles.push_back(std::move(role));
        break;
    }
    case EntityKind::Policy: {
        ManagedPolicy policy;
        policy.span = span;
        each([&](std::string_view key, od::value v) {
            const std::string path = "/" + std::string(key);
            if (key == "PolicyName")
                r.string(v, path, policy.name);
            else if (key == "PolicyId")
                r.string(v, path, policy.id);
            else if (key == "Arn")
                r.string(v, path, policy.arn);
            else if (key == "Path")
                r.string(v, path, policy.path);
            else if (key == "DefaultVersionId")
                r.string(v, path, policy.defaultVersionId);
            else if (key == "AttachmentCount")
                r.integer(v, path, policy.attachmentCount);
            else if (key == "PermissionsBoundaryUsageCount")
                r.integer(v, path, policy.permissionsBoundaryUsageCount);
            else if (key == "IsAttachable")
                r.boolean(v, path, policy.isAttachable);
            else if (key == "Description")
                r.string(v, path, policy.description);
            else if (key == "CreateDate")
                r.string(v, path, policy.createDate);
            else if (key == "UpdateDate")
                r.string(v, path, policy.updateDate);
            else if (key == "PolicyVersionList")
                r.list(v, path, [&](od::value item, const std::string &itemPath) {
                    PolicyVersion version;
                    r.object(item, itemPath, [&](std::string_view k, od::value vv) {
                        if (k == "VersionId")
                            r.string(vv, itemPath + "/VersionId", version.versionId);
                        else if (k == "IsDefaultVersion")
                            r.boolean(vv, itemPath + "/IsDefaultVersion", version.isDefault);
                        else if (k == "CreateDate")
                            r.string(vv, itemPath + "/CreateDate", version.createDate);
                        else if (k == "Document")
                            r.document(vv, itemPath + "/Document", version.document);
                    });
                    policy.versions.push_back(std::move(version));
                });
        });
        policy.flagged = r.malformed();
        policies.push_back(std::move(policy));
        break;
    }
    }
}

bool AccountBuilder::Impl::readList(
        std::string_view list, EntityKind kind, const std::string &pointer)
{
    if (!list.starts_with("[")) {
        report(Severity::Error, "INVALID_ACCOUNT_FIELD", pointer,
                std::string(listName(kind)) + " must be a list", spanAt(list.data(), 1));
        return true;
    }
    size_t pos = json::skipWhitespace(list, 1);
    size_t index = 0;
    while (pos < list.size() && list[pos] != ']') {
        if (index > 0) {
            if (list[pos] != ',')
                return false;
            pos = json::skipWhitespace(list, pos + 1);
        }
        const size_t end = json::valueEnd(list, pos);
        if (end == std::string_view::npos)
            return false;
        const std::string entityPointer = pointer + "/" + std::to_string(index++);
        const std::string_view raw = list.substr(pos, end - pos);
        if (raw.starts_with("{"))
            readEntity(raw, kind, entityPointer);
        else
            report(Severity::Error, "INVALID_ACCOUNT_FIELD", entityPointer,
                    "an entity must be a JSON object", spanAt(raw.data(), raw.size()));
        pos = json::skipWhitespace(list, end);
    }
    return pos < list.size();
}

bool AccountBuilder::Impl::readSource(std::string_view text)
{
    pagingSeen.clear();
    // The top level is cut into members and entities by a scanner, and each entity parsed on
    // its own: a whole-document parse would need parser memory the size of the file.
    const auto syntax = [&](const char *what) {
        refuseWithSyntaxError(text, what);
        return false;
    };
    size_t pos = json::skipWhitespace(text, text.starts_with("\xEF\xBB\xBF") ? 3 : 0);
    if (pos >= text.size() || text[pos] != '{')
        return syntax("an account file must be a JSON object");
    pos = json::skipWhitespace(text, pos + 1);
    bool sawList = false;
    bool sawExplorer = false;
    bool first = true;
    while (pos < text.size() && text[pos] != '}') {
        if (!first) {
            if (text[pos] != ',')
                return syntax("expected ',' between members");
            pos = json::skipWhitespace(text, pos + 1);
        }
        first = false;
        const size_t keyEnd = pos < text.size() && text[pos] == '"' ? json::valueEnd(text, pos)
                                                                    : std::string_view::npos;
        if (keyEnd == std::string_view::npos)
            return syntax("expected a member name");
        const json::ReadResult keyRead = json::read(text.substr(pos, keyEnd - pos));
        if (!keyRead.value)
            return syntax("unreadable member name");
        const std::string key = keyRead.value->text;
        pos = json::skipWhitespace(text, keyEnd);
        if (pos >= text.size() || text[pos] != ':')
            return syntax("expected ':' after a member name");
        const size_t valueStart = json::skipWhitespace(text, pos + 1);
        const size_t valueEnd = json::valueEnd(text, valueStart);
        if (valueEnd == std::string_view::npos)
            return syntax("unreadable value");
        const std::string_view value = text.substr(valueStart, valueEnd - valueStart);
        const std::string pointer = "/" + json::escapePointerToken(key);
        std::optional<EntityKind> kind;
        if (key == "UserDetailList")
            kind = EntityKind::User;
        else if (key == "GroupDetailList")
            kind = EntityKind::Group;
        else if (key == "RoleDetailList")
            kind = EntityKind::Role;
        else if (key == "Policies")
            kind = EntityKind::Policy;
        if (kind) {
            sawList = true;
            if (!readList(value, *kind, pointer))
                return syntax("unreadable list");
        } else if (key == "IamExplorer") {
            if (!value.starts_with("{")) {
                refuse("IamExplorer must be an object", valueStart);
                return false;
            }
            readIamExplorer(value);
            sawExplorer = true;
        } else {
            if (json::read(value).error)
                return syntax("unreadable value"); // kept and written back: it must be JSON
            // Paging markers describe the last page read: a merged export is complete when
            // its last page says so (they are dropped below when that page has none).
            const bool paging = key == "IsTruncated" || key == "Marker" || key == "NextToken";
            bool known = false;
            for (auto &member : otherMembers) {
                if (member.name != key)
                    continue;
                known = true;
                if (paging)
                    member.value = spanAt(value.data(), value.size());
            }
            if (!known)
                otherMembers.push_back({ key, spanAt(value.data(), value.size()) });
            if (paging)
                pagingSeen.push_back(key);
        }
        if ((key == "IsTruncated" && value == "true") || key == "Marker" || key == "NextToken") {
            report(Severity::Warning, "INCOMPLETE_SNAPSHOT", pointer,
                    "the file says more pages exist (" + key + "): the snapshot is incomplete",
                    spanAt(value.data(), value.size()));
        }
        pos = json::skipWhitespace(text, valueEnd);
    }
    if (pos >= text.size())
        return syntax("the account object is not closed");
    if (json::skipWhitespace(text, pos + 1) != text.size())
        return syntax("unexpected content after the account object");
    if (failed)
        return syntax("unreadable entity");
    // A page without paging markers is the last: drop the earlier pages' markers.
    std::erase_if(otherMembers, [this](const Account::OtherMember &member) {
        const bool paging = member.name == "IsTruncated" || member.name == "Marker"
                || member.name == "NextToken";
        return paging
                && std::find(pagingSeen.begin(), pagingSeen.end(), member.name) == pagingSeen.end();
    });
    if (!sawList && !sawExplorer) {
        refuse("not an account: none of UserDetailList, GroupDetailList, RoleDetailList, "
               "Policies is present",
                0);
        return false;
    }
    return true;
}

AccountBuilder::AccountBuilder()
    : d(std::make_unique<Impl>())
{
}

AccountBuilder::~AccountBuilder() = default;

const std::vector<Diagnostic> &AccountBuilder::diagnostics() const
{
    return d->diagnostics;
}

Account AccountBuilder::finish()
{
    d->checkReferences();
    d->locateDiagnostics();
    Account account;
    account.m_accountId = std::move(d->accountId);
    account.m_users = std::move(d->users);
    account.m_groups = std::move(d->groups);
    account.m_roles = std::move(d->roles);
    account.m_policies = std::move(d->policies);
    account.m_resources = std::move(d->resources);
    account.m_organization = std::move(d->organization);
    account.m_scenarios = std::move(d->scenarios);
    account.m_otherMembers = std::move(d->otherMembers);
    account.m_diagnostics = std::move(d->diagnostics);
    account.m_sources = std::move(d->sources);
    account.rebuildIndexes();
    return account;
}

bool AccountBuilder::addSource(std::string name, std::string text)
{
    auto source = std::make_unique<Account::Source>();
    source->name = std::move(name);
    source->text = std::move(text);
    // simdjson reads a little past the end of the text: give it padding bytes.
    source->text.reserve(source->text.size() + simdjson::SIMDJSON_PADDING);
    d->sourceIndex = static_cast<std::uint32_t>(d->sources.size());
    d->base = source->text.data();
    d->capacity = source->text.capacity();
    const std::string_view view = source->text;
    d->sources.push_back(std::move(source));
    d->failed = false;
    return d->readSource(view) && !d->failed;
}

} // namespace iamx
