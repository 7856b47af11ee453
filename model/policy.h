#pragma once

#include "model/conditionoperator.h"
#include "model/ipaddress.h"
#include "model/isotime.h"
#include "model/valuetemplate.h"
#include "model/wildcard.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// A policy document, parsed once into plain values that are also ready to match: every pattern
// is pre-split and pre-compiled, every operator resolved, every condition value pre-parsed for
// its operator. The text as written is kept beside each compiled form for display, and each
// part knows its JSON pointer so a user interface can point at it.

namespace iamx {

enum class Effect : std::uint8_t { Allow, Deny };

/// Which layer of the decision a policy belongs to; it decides which elements it may hold.
enum class PolicyType : std::uint8_t {
    Identity,
    PermissionsBoundary,
    Session,
    Resource,
    ServiceControl,
    ResourceControl,
};

/// A resource policy is read by the rules of the resource it guards (scenario-format.md).
enum class ResourcePolicyKind : std::uint8_t { Ordinary, TrustPolicy, KeyPolicy };

/// One entry of `Action` / `NotAction`.
struct ActionPattern
{
    std::string text;
    bool matchesAll = false; ///< `*`
    bool usable = true; ///< false: can never match (reported as a warning)
    std::string service; ///< lowercase, compared literally
    std::vector<PatternUnit> name; ///< lowercase glob over the action name
};

/// One entry of `Resource` / `NotResource`.
struct ResourcePattern
{
    std::string text;
    bool matchesAll = false; ///< `*`
    bool usable = true; ///< false: can never match (reported as a warning)
    /// The six ARN components (prefix, partition, service, region, account, resource), each a
    /// glob; short patterns are padded with `*` where the policy type allows it.
    std::vector<ValueTemplate> components;
};

/// One entry of `Principal` / `NotPrincipal`, classified once (iam-evaluation.md §4).
struct PrincipalPattern
{
    enum class Key : std::uint8_t { AWS, Service, Federated, CanonicalUser };
    enum class Form : std::uint8_t {
        Everyone, ///< `"*"` or `{"AWS": "*"}`
        Account, ///< `"123456789012"` or `arn:aws:iam::123456789012:root`
        User, ///< arn:aws:iam::A:user/path/name
        Role, ///< arn:aws:iam::A:role/path/name
        RoleSession, ///< arn:aws:sts::A:assumed-role/R/S
        FederatedUser, ///< arn:aws:sts::A:federated-user/N
        Named, ///< a service, identity provider or canonical user, compared as text
        Unmatchable, ///< unique ids (AIDA...) and anything else: matches nobody current
    };
    Key key = Key::AWS;
    Form form = Form::Unmatchable;
    std::string text;
    std::string partition;
    std::string account;
    std::string name; ///< user, role or federated user name (no path)
    std::string session; ///< role session name
};

enum class PrincipalMode : std::uint8_t { None, Principal, NotPrincipal };

/// One value of a condition key, pre-parsed for its operator.
struct ConditionValue
{
    std::string text; ///< as written (JSON numbers and booleans as their literal text)
    std::string pointer; ///< JSON pointer of the value in the document
    bool usable = true; ///< false: does not parse for its operator; never satisfies
    ValueTemplate pattern; ///< String, StringLike, IgnoreCase, Bool
    std::vector<ValueTemplate> arnComponents; ///< Arn family: six component globs
    Instant instant; ///< Date family
    IpRange range; ///< Ip family
    bool boolean = false; ///< Null family
    std::string bytes; ///< Binary family: the decoded bytes
};

/// One key under one operator: `"StringEquals": {"aws:username": ["a", "b"]}` is one Condition.
struct Condition
{
    ConditionOperator op;
    std::string operatorText; ///< as written, e.g. "ForAnyValue:StringLikeIfExists"
    std::string key; ///< as written
    std::string lowerKey; ///< key names are case-insensitive
    std::vector<ConditionValue> values;
    std::string pointer; ///< e.g. /Statement/0/Condition/StringEquals/aws:username
};

struct Statement
{
    std::optional<std::string> sid;
    Effect effect = Effect::Allow;
    PrincipalMode principalMode = PrincipalMode::None;
    std::vector<PrincipalPattern> principals;
    bool notAction = false;
    std::vector<ActionPattern> actions;
    enum class ResourceMode : std::uint8_t { None, Resource, NotResource };
    ResourceMode resourceMode = ResourceMode::None;
    std::vector<ResourcePattern> resources;
    std::vector<Condition> conditions;
    std::string pointer; ///< `/Statement/2`, or `/Statement` for a single object
    size_t offset = 0; ///< the statement's byte range in the source text
    size_t length = 0;
};

/// A parsed, compiled policy document.
struct Policy
{
    std::string name; ///< a label for output: the policy's name, or where it came from
    PolicyType type = PolicyType::Identity;
    ResourcePolicyKind resourceKind = ResourcePolicyKind::Ordinary;
    std::optional<std::string> version;
    std::optional<std::string> id;
    bool variablesEnabled = false; ///< only `2012-10-17` resolves `${...}`
    bool statementIsArray = true;
    std::vector<Statement> statements;
};

/// The entries of a statement's Action (or NotAction) element, as written.
std::vector<std::string> actionTexts(const Statement &statement);

/// The spelling used in output: identity, resource, permissionsBoundary, session, scp, rcp.
std::string_view policyTypeName(PolicyType type);

} // namespace iamx
