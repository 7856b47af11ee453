#pragma once

#include "model/actioncatalog.h"
#include "model/conditionoperator.h"
#include "model/diagnostic.h"
#include "model/json.h"
#include "model/policyvalidator.h"
#include "model/wildcard.h"

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

// What the families of validation checks share (policyvalidator.cpp builds it): the document
// read once, each statement's elements found once, and one way to report a finding. Internal
// to the validator.

namespace iamx::validation {

/// A string entry of an element: `"s3:GetObject"` in `Action`, with its JSON pointer.
struct Entry
{
    const json::Value *value = nullptr;
    std::string pointer;
    const std::string &text() const { return value->text; }
};

/// One key under one operator of a Condition block.
struct ConditionEntry
{
    const json::Member *block = nullptr; ///< the operator member
    std::optional<ConditionOperator> op; ///< nullopt: the parser reported it
    const json::Member *key = nullptr;
    std::string blockPointer; ///< of the operator
    std::string pointer; ///< of the key
    std::vector<Entry> values; ///< the string, number and boolean values
};

/// One statement, with its elements (null when absent) and their entries.
struct StatementNode
{
    const json::Value *value = nullptr;
    std::string pointer;
    const json::Value *effect = nullptr;
    const json::Value *sid = nullptr;
    const json::Member *action = nullptr; ///< Action or NotAction, whichever came first
    bool notAction = false;
    const json::Member *resource = nullptr; ///< Resource or NotResource
    bool notResource = false;
    const json::Member *principal = nullptr; ///< Principal or NotPrincipal
    bool notPrincipal = false;
    const json::Member *condition = nullptr;
    std::vector<Entry> actions;
    std::vector<Entry> resources;
    std::vector<ConditionEntry> conditions;

    bool isAllow() const { return effect && effect->isString() && effect->text == "Allow"; }
    bool isDeny() const { return effect && effect->isString() && effect->text == "Deny"; }
    /// True when a condition names `key` (ignoring case), under any operator.
    bool hasConditionKey(std::string_view key) const;
};

/// What an action entry expands to, filled by checkActions().
struct Expansion
{
    bool all = false; ///< `*`
    bool known = false; ///< a documented service and every action it names is known
    std::vector<const CatalogAction *> actions; ///< in catalog order (so sorted by address)
};

class Context
{
public:
    Context(std::string_view text, const json::Value &root, ValidationPolicyType type,
            std::vector<Diagnostic> &findings);

    std::string_view text;
    const json::Value &root;
    ValidationPolicyType type;
    const ActionCatalog &catalog;
    bool variablesEnabled = false; ///< Version 2012-10-17
    /// ValidationOptions::resourceArn: the resource a Resource policy is attached to, or empty.
    std::string_view resourceArn;
    /// ValidationOptions::sensitiveResources.
    std::span<const std::string> sensitiveResources;
    std::vector<StatementNode> statements;
    /// Per statement, per action entry: its expansion (checkActions fills it).
    std::vector<std::vector<Expansion>> expansions;

    /// Reports a finding; its severity is the check's (validationchecks.cpp).
    void report(std::string_view code, std::string pointer, std::string message, size_t offset,
            size_t length);
    void report(
            std::string_view code, std::string pointer, std::string message, const json::Value &at)
    {
        report(code, std::move(pointer), std::move(message), at.offset, at.length);
    }
    void reportKey(
            std::string_view code, std::string pointer, std::string message, const json::Member &at)
    {
        report(code, std::move(pointer), std::move(message), at.keyOffset, at.keyLength);
    }

    /// True when every action entry of statement `s` expanded to known actions (no `*`).
    bool actionsKnown(size_t s) const;
    /// The union of the expansions of statement `s`'s action entries, in catalog order
    /// (computed once, after checkActions).
    const std::vector<const CatalogAction *> &actionUnion(size_t s) const;

private:
    std::vector<Diagnostic> &m_findings;
    mutable std::vector<std::optional<std::vector<const CatalogAction *>>> m_unions;
};

/// True when the IAM action pattern `pattern` matches `action` (`iam:PassRole`): the service
/// literal, the name a glob, both ignoring case.
bool actionPatternMatches(std::string_view pattern, std::string_view action);
/// The six components of an ARN pattern split at its first five colons; fewer when it has
/// fewer colons.
std::vector<std::string_view> arnComponents(std::string_view text);

/// A Resource entry prepared for resourceCovers(): split and compiled once, so that comparing
/// every pair of a long list allocates nothing.
class CoverPattern
{
public:
    explicit CoverPattern(std::string_view text);
    /// True when every ARN `inner` matches is matched by this pattern, as far as can be told
    /// without a catalog: `*`, equal text, or this pattern matching `inner`'s text component by
    /// component.
    bool covers(const CoverPattern &inner) const;

private:
    std::string_view m_text;
    bool m_arn = false; ///< six components
    bool m_wildcard = false;
    bool m_question = false;
    std::array<std::string_view, 6> m_parts {};
    std::array<bool, 6> m_partWildcard {};
    std::array<std::vector<PatternUnit>, 6> m_units;
};

/// CoverPattern(outer).covers(CoverPattern(inner)).
bool resourceCovers(std::string_view outer, std::string_view inner);
/// The closest of `candidates` to `word` ignoring case, if it is close enough to be a typo.
std::optional<std::string_view> closestName(
        std::string_view word, const std::vector<std::string_view> &candidates);

/// True for the global tag keys: aws:RequestTag/..., aws:ResourceTag/..., aws:TagKeys.
bool isTagKey(std::string_view key);

void checkActions(Context &context);
void checkResources(Context &context);
void checkConditions(Context &context);
void checkSecurity(Context &context);
void checkPolicyType(Context &context);
void checkRedundantStatements(Context &context);
/// ARN components (partition, region, account, resource) and what a resource policy may hold.
void checkArns(Context &context);
/// A Resource policy's actions, resources and condition keys against the service of the
/// resource it is attached to (validateresourceservice.cpp; checkArns calls it).
void checkResourcePolicyService(Context &context);
/// Condition values a key's format rules out, and conditions that never do what they seem to.
void checkConditionValues(Context &context);
/// True when checkConditionValues() reports the name of condition key `key` itself (a tag key
/// without its tag, a deprecated global key), so checkConditions() does not call it unknown.
bool keyNameReportedByConditionValues(std::string_view key);
/// The one action of the catalog that sets service condition key `key` (iam:PassRole for
/// iam:PassedToService), or null when several do, none does, or `key` is global or a template.
const CatalogAction *soleActionForConditionKey(const ActionCatalog &catalog, std::string_view key);
/// Service, federated and OIDC principals, and trust-policy rules.
void checkPrincipals(Context &context);
/// Privilege escalation, credential exposure and permissions management.
void checkEscalation(Context &context);

} // namespace iamx::validation
