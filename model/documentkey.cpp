#include "documentkey.h"

#include "model/account.h"
#include "model/arn.h"
#include "model/casefold.h"

#include <array>

namespace iamx {

namespace {

bool sameName(std::string_view a, std::string_view b)
{
    return a == b || toLowercase(a) == toLowercase(b);
}

const PolicyText *findInline(const std::vector<InlinePolicy> &policies, std::string_view name)
{
    for (const auto &policy : policies)
        if (sameName(policy.name, name))
            return &policy.document;
    return nullptr;
}

const PolicyText *findNamed(const std::vector<NamedPolicy> &policies, std::string_view name)
{
    for (const auto &policy : policies)
        if (policy.name == name)
            return &policy.document;
    return nullptr;
}

const OrganizationLevel *findLevel(const Account &account, std::string_view id)
{
    if (!account.organization())
        return nullptr;
    for (const auto &level : account.organization()->levels)
        if (level.id == id)
            return &level;
    return nullptr;
}

// The spellings of documentKeyText(), in the order of DocumentKey::Kind.
constexpr std::array<std::string_view, 9> kindNames = { "none", "managed", "user-inline",
    "group-inline", "role-inline", "trust", "resource", "scp", "rcp" };

} // namespace

const PolicyText *findDocument(const Account &account, const DocumentKey &key)
{
    using Kind = DocumentKey::Kind;
    switch (key.kind) {
    case Kind::None:
        return nullptr;
    case Kind::Managed: {
        const ManagedPolicy *policy = account.findPolicy(key.owner);
        if (!policy)
            return nullptr;
        if (key.name.empty()) {
            const PolicyVersion *version = policy->defaultPolicyVersion();
            return version ? &version->document : nullptr;
        }
        for (const auto &version : policy->versions)
            if (version.versionId == key.name)
                return &version.document;
        return nullptr;
    }
    case Kind::UserInline:
        if (const User *user = account.findUser(key.owner))
            return findInline(user->inlinePolicies, key.name);
        return nullptr;
    case Kind::GroupInline:
        if (const Group *group = account.findGroup(key.owner))
            return findInline(group->inlinePolicies, key.name);
        return nullptr;
    case Kind::RoleInline:
        if (const Role *role = account.findRole(key.owner))
            return findInline(role->inlinePolicies, key.name);
        return nullptr;
    case Kind::Trust:
        if (const Role *role = account.findRole(key.owner))
            return &role->trustPolicy;
        return nullptr;
    case Kind::Resource:
        if (const Resource *resource = account.findResource(key.owner))
            return resource->policy ? &*resource->policy : nullptr;
        return nullptr;
    case Kind::Scp:
        if (const OrganizationLevel *level = findLevel(account, key.owner))
            return findNamed(level->scps, key.name);
        return nullptr;
    case Kind::Rcp:
        if (const OrganizationLevel *level = findLevel(account, key.owner))
            return findNamed(level->rcps, key.name);
        return nullptr;
    }
    return nullptr;
}

PolicyParseOptions parseOptionsFor(const DocumentKey &key, bool asBoundary)
{
    using Kind = DocumentKey::Kind;
    PolicyParseOptions options;
    switch (key.kind) {
    case Kind::Managed:
        options.type = asBoundary ? PolicyType::PermissionsBoundary : PolicyType::Identity;
        break;
    case Kind::Trust:
        options.type = PolicyType::Resource;
        options.resourceKind = ResourcePolicyKind::TrustPolicy;
        break;
    case Kind::Resource: {
        options.type = PolicyType::Resource;
        const auto arn = parseArn(key.owner);
        if (arn && arn->service == "kms")
            options.resourceKind = ResourcePolicyKind::KeyPolicy;
        break;
    }
    case Kind::Scp:
        options.type = PolicyType::ServiceControl;
        break;
    case Kind::Rcp:
        options.type = PolicyType::ResourceControl;
        break;
    default:
        break;
    }
    options.name = key.name.empty() ? key.owner : key.name;
    return options;
}

std::string documentKeyText(const DocumentKey &key)
{
    // kind, then owner and name separated by a tab: neither an ARN nor an IAM name holds one.
    std::string text(kindNames[static_cast<size_t>(key.kind)]);
    text += ' ';
    text += key.owner;
    text += '\t';
    text += key.name;
    return text;
}

std::optional<DocumentKey> parseDocumentKey(std::string_view text)
{
    const size_t space = text.find(' ');
    const size_t tab = text.find('\t', space == std::string_view::npos ? 0 : space);
    if (space == std::string_view::npos || tab == std::string_view::npos)
        return std::nullopt;
    const std::string_view kind = text.substr(0, space);
    for (size_t i = 0; i < kindNames.size(); ++i) {
        if (kindNames[i] == kind) {
            DocumentKey key;
            key.kind = static_cast<DocumentKey::Kind>(i);
            key.owner = std::string(text.substr(space + 1, tab - space - 1));
            key.name = std::string(text.substr(tab + 1));
            return key;
        }
    }
    return std::nullopt;
}

std::string documentTitle(const Account &account, const DocumentKey &key)
{
    using Kind = DocumentKey::Kind;
    switch (key.kind) {
    case Kind::None:
        return "policy";
    case Kind::Managed: {
        const ManagedPolicy *policy = account.findPolicy(key.owner);
        std::string title = policy ? policy->name : key.owner;
        if (!key.name.empty())
            title += " (" + key.name + ")";
        return title;
    }
    case Kind::UserInline:
    case Kind::GroupInline:
    case Kind::RoleInline:
        return key.name + " of " + key.owner;
    case Kind::Trust:
        return "trust policy of " + key.owner;
    case Kind::Resource:
        return "policy of " + key.owner;
    case Kind::Scp:
    case Kind::Rcp: {
        const OrganizationLevel *level = findLevel(account, key.owner);
        return std::string(key.kind == Kind::Scp ? "SCP " : "RCP ") + key.name + " at "
                + (level ? level->name : key.owner);
    }
    }
    return "policy";
}

} // namespace iamx
