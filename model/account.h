#pragma once

#include "model/diagnostic.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

// An AWS account as `aws iam get-account-authorization-details` describes it, plus what AWS
// does not export (account-format.md §6): resources with their policies, the organization's
// SCPs and RCPs, saved scenarios. Plain values; entities refer to each other by name or ARN,
// resolved through the indexes, never by pointer.

namespace iamx {

/// Where something is in the text it was loaded from.
struct SourceSpan
{
    std::uint32_t source = 0; ///< index into Account::sources()
    std::uint64_t offset = 0; ///< byte offset in that source
    std::uint64_t length = 0; ///< byte length
};

/// A policy document as the account holds it: its JSON text, and the form it was written in
/// so that saving writes it back the same way (account-format.md §1.1).
class PolicyText
{
public:
    enum class Form : std::uint8_t {
        Object, ///< a JSON object in the file (the AWS CLI's decoded form)
        JsonString, ///< a JSON string holding the document's JSON text
        PercentEncoded, ///< a JSON string holding percent-encoded JSON (the raw API)
    };

    PolicyText() = default;
    /// A document whose text is a slice of a source buffer that outlives it.
    static PolicyText borrowed(std::string_view text, Form form, SourceSpan span);
    /// A document whose text had to be decoded, so it is owned here.
    static PolicyText owned(std::string text, Form form, SourceSpan span);

    std::string_view text() const { return m_owned ? std::string_view(*m_owned) : m_borrowed; }
    Form form() const { return m_form; }
    /// Where the document's JSON value is in its source (for Object: where the text is).
    const SourceSpan &span() const { return m_span; }
    bool empty() const { return text().empty(); }

private:
    std::shared_ptr<const std::string> m_owned; // shared: copies of entities stay cheap
    std::string_view m_borrowed;
    Form m_form = Form::Object;
    SourceSpan m_span;
};

/// The four kinds of entity of the AWS lists, in the order the lists are written.
enum class EntityKind : std::uint8_t { User, Group, Role, Policy };

struct Tag
{
    std::string key;
    std::string value;
};

/// An inline policy of a user, group or role.
struct InlinePolicy
{
    std::string name;
    PolicyText document;
};

/// A managed policy attached to a user, group or role, named by ARN.
struct AttachedPolicy
{
    std::string name;
    std::string arn;
};

struct User
{
    std::string path;
    std::string name;
    std::string id;
    std::string arn;
    std::string createDate; ///< verbatim, as read
    std::vector<InlinePolicy> inlinePolicies;
    std::vector<std::string> groupNames; ///< names, as IAM lists them (not ARNs)
    std::vector<AttachedPolicy> attachedPolicies;
    std::optional<std::string> permissionsBoundaryArn;
    std::vector<Tag> tags;
    bool flagged = false; ///< a field had the wrong type (see Account::diagnostics())
    /// Changed since it was read (or new): saved from its fields, keeping the members of its
    /// original object that it does not model (account-format.md §6).
    bool edited = false;
    SourceSpan span;
};

struct Group
{
    std::string path;
    std::string name;
    std::string id;
    std::string arn;
    std::string createDate;
    std::vector<InlinePolicy> inlinePolicies;
    std::vector<AttachedPolicy> attachedPolicies;
    bool flagged = false; ///< a field had the wrong type (see Account::diagnostics())
    /// Changed since it was read (or new): saved from its fields, keeping the members of its
    /// original object that it does not model (account-format.md §6).
    bool edited = false;
    SourceSpan span;
};

struct InstanceProfile
{
    std::string name;
    std::string id;
    std::string arn;
};

struct Role
{
    std::string path;
    std::string name;
    std::string id;
    std::string arn;
    std::string createDate;
    PolicyText trustPolicy; ///< AssumeRolePolicyDocument: the role's resource policy
    std::vector<InlinePolicy> inlinePolicies;
    std::vector<AttachedPolicy> attachedPolicies;
    std::optional<std::string> permissionsBoundaryArn;
    std::vector<Tag> tags;
    std::vector<InstanceProfile> instanceProfiles;
    std::string lastUsedDate; ///< empty when never used in the tracking window
    std::string lastUsedRegion;
    bool flagged = false; ///< a field had the wrong type (see Account::diagnostics())
    /// Changed since it was read (or new): saved from its fields, keeping the members of its
    /// original object that it does not model (account-format.md §6).
    bool edited = false;
    SourceSpan span;

    /// Service-linked roles (path /aws-service-role/...) are exempt from SCPs and RCPs.
    bool isServiceLinked() const { return path.starts_with("/aws-service-role/"); }
};

struct PolicyVersion
{
    std::string versionId;
    bool isDefault = false;
    std::string createDate;
    PolicyText document;
};

struct ManagedPolicy
{
    std::string name;
    std::string id;
    std::string arn;
    std::string path;
    std::string defaultVersionId;
    std::int64_t attachmentCount = 0;
    std::int64_t permissionsBoundaryUsageCount = 0;
    bool isAttachable = true;
    std::string description;
    std::string createDate;
    std::string updateDate;
    std::vector<PolicyVersion> versions;
    /// Index into `versions` of the one default version; -1 when there is none, several, or
    /// it disagrees with DefaultVersionId (the policy is then malformed: never guessed).
    int defaultVersion = -1;
    bool flagged = false; ///< a field had the wrong type (see Account::diagnostics())
    /// Changed since it was read (or new): saved from its fields, keeping the members of its
    /// original object that it does not model (account-format.md §6).
    bool edited = false;
    SourceSpan span;

    /// AWS managed policies have the account `aws` in their ARN.
    bool isAwsManaged() const { return arn.starts_with("arn:aws:iam::aws:policy/"); }
    const PolicyVersion *defaultPolicyVersion() const
    {
        return defaultVersion >= 0 ? &versions[static_cast<size_t>(defaultVersion)] : nullptr;
    }
};

/// A policy with a name, as SCPs, RCPs and resource policies are given in a workspace.
struct NamedPolicy
{
    std::string name;
    PolicyText document;
};

/// A resource the user reasons about (account-format.md §6): a bucket, key, queue, ...
struct Resource
{
    std::string arn;
    std::string accountId;
    std::string region;
    std::vector<Tag> tags;
    std::optional<PolicyText> policy;
};

struct OrganizationLevel
{
    std::string id;
    std::string name;
    std::vector<NamedPolicy> scps;
    std::vector<NamedPolicy> rcps;
};

struct Organization
{
    std::string id;
    std::string managementAccountId;
    std::vector<OrganizationLevel> levels; ///< root first, then each OU, then the account
};

/// A loaded account: the entities, the diagnostics found while loading, and indexes.
class Account
{
public:
    Account();
    ~Account();
    Account(Account &&) noexcept;
    Account &operator=(Account &&) noexcept;

    /// The account id: from the workspace, else the account of the entities' ARNs.
    const std::string &accountId() const { return m_accountId; }

    const std::vector<User> &users() const { return m_users; }
    const std::vector<Group> &groups() const { return m_groups; }
    const std::vector<Role> &roles() const { return m_roles; }
    const std::vector<ManagedPolicy> &policies() const { return m_policies; }
    const std::vector<Resource> &resources() const { return m_resources; }
    const std::optional<Organization> &organization() const { return m_organization; }
    /// Saved scenarios of the workspace, each as its JSON text.
    const std::vector<std::string> &scenarios() const { return m_scenarios; }
    /// Top-level members other than the four lists and IamExplorer (IsTruncated, Marker,
    /// fields AWS may add), as read, to be written back; the first of each name wins.
    struct OtherMember
    {
        std::string name;
        SourceSpan value;
    };
    const std::vector<OtherMember> &otherMembers() const { return m_otherMembers; }
    /// Problems found while loading; errors flag entities, warnings dangling references.
    const std::vector<Diagnostic> &diagnostics() const { return m_diagnostics; }

    /// The texts the account was loaded from (file names and contents), for positions.
    struct Source
    {
        std::string name;
        std::string text; ///< followed by padding bytes the JSON parser needs
    };
    const std::vector<std::unique_ptr<Source>> &sources() const { return m_sources; }

    // Lookups, as IAM does them: by name (ignoring case), ARN or unique id (exact).
    const User *findUser(std::string_view nameArnOrId) const;
    const Group *findGroup(std::string_view nameArnOrId) const;
    const Role *findRole(std::string_view nameArnOrId) const;
    /// A managed policy by ARN or unique id (ANPA...).
    const ManagedPolicy *findPolicy(std::string_view arnOrId) const;
    const Resource *findResource(std::string_view arn) const;
    /// Any user, group, role or managed policy by its unique id (AIDA..., AGPA...).
    std::string_view kindOfId(std::string_view id) const;

    // Back-links.
    /// The users that list a group, by the group's name.
    std::vector<const User *> membersOf(const Group &group) const;
    /// Every user, group and role that attaches a managed policy, or uses it as boundary.
    struct Attachment
    {
        enum class Kind : std::uint8_t { User, Group, Role };
        Kind kind;
        std::string arn;
        bool asBoundary = false;
    };
    std::vector<Attachment> attachmentsOf(const ManagedPolicy &policy) const;

private:
    friend class AccountBuilder;
    friend class AccountEdit;
    void rebuildIndexes();

    std::string m_accountId;
    std::vector<User> m_users;
    std::vector<Group> m_groups;
    std::vector<Role> m_roles;
    std::vector<ManagedPolicy> m_policies;
    std::vector<Resource> m_resources;
    std::optional<Organization> m_organization;
    std::vector<std::string> m_scenarios;
    std::vector<OtherMember> m_otherMembers;
    std::vector<Diagnostic> m_diagnostics;
    std::vector<std::unique_ptr<Source>> m_sources;

    std::unordered_map<std::string, std::uint32_t> m_userByKey; // arn, lowercase name
    std::unordered_map<std::string, std::uint32_t> m_groupByKey; // arn, lowercase name
    std::unordered_map<std::string, std::uint32_t> m_roleByKey; // arn, lowercase name
    std::unordered_map<std::string, std::uint32_t> m_policyByArn;
    std::unordered_map<std::string, std::uint32_t> m_resourceByArn;
    std::unordered_map<std::string, std::string_view> m_kindById;
    struct BackLink
    {
        enum class Kind : std::uint8_t { User, Group, Role };
        Kind kind;
        std::uint32_t index; ///< into the users, groups or roles
        bool asBoundary;
    };
    std::unordered_map<std::string, std::vector<std::uint32_t>> m_membersByGroup; // lowercase
    std::unordered_map<std::string, std::vector<BackLink>> m_attachmentsByPolicy; // by ARN
};

} // namespace iamx
