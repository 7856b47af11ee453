#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// Where the cursor of a policy being typed is, for completion (policycompletion.h): a key or a
// value of which element, what is typed so far and what a candidate replaces. The text is
// usually not valid JSON while someone types, so it is read by a small tolerant tokenizer (an
// unterminated string ends at the end of its line; a missing comma is assumed), never by the
// policy parser.

namespace iamx {

/// What the cursor is on.
enum class CompletionContext : std::uint8_t {
    None, ///< nothing to offer (an Id, a nested unknown object, outside the policy)
    TopLevelKey, ///< an element of the policy object: Version, Id, Statement
    StatementKey, ///< an element of a statement: Sid, Effect, Action...
    PrincipalKey, ///< a key of a Principal map: AWS, Service...
    ConditionOperator, ///< a key of the Condition block
    ConditionKey, ///< a key under a condition operator
    VersionValue, ///< the value of Version
    EffectValue, ///< the value of Effect
    ActionValue, ///< a value of Action or NotAction
    ResourceValue, ///< a value of Resource or NotResource
    ConditionValue, ///< a value of a condition key (conditionOperator, conditionKey)
    PrincipalValue, ///< a value of Principal or NotPrincipal, or of one of its keys (principalType)
    SidValue, ///< the value of Sid
    /// A `${` not closed yet in a Resource or condition value (variableHost): the site is the
    /// variable, from `${` to the cursor (or to its `}` when there is one).
    PolicyVariable,
};

/// Where the cursor is and what surrounds it. Offsets are bytes of the UTF-8 text.
struct CompletionSite
{
    CompletionContext context = CompletionContext::None;
    /// True when the cursor is inside a string literal: a candidate replaces its content and
    /// keeps the quotes. False: between tokens or in a bare word, and a candidate brings its
    /// own quotes.
    bool quoted = false;
    /// True when the string at the cursor is closed by a quote on its line.
    bool closed = false;
    std::string prefix; ///< the text typed before the cursor (in the string or the bare word)
    size_t replaceStart = 0; ///< where the text a candidate replaces starts (after the quote)
    size_t replaceEnd = 0; ///< where it ends: the end of the string's content or of the word
    std::string value; ///< the whole content from replaceStart to replaceEnd
    /// The Action or NotAction values of the statement around the cursor, in text order (also
    /// those after the cursor).
    std::vector<std::string> actions;
    bool notAction = false; ///< the statement's actions are a NotAction
    std::string conditionOperator; ///< ConditionKey, ConditionValue: the operator
    std::string conditionKey; ///< ConditionValue: the key the value is of
    /// PrincipalValue: the key of the Principal map (`AWS`, `Service`, `Federated`,
    /// `CanonicalUser`, as typed); empty for the string form (`"Principal": "*"`).
    std::string principalType;
    /// PolicyVariable: what the string holding the variable is a value of (ResourceValue or
    /// ConditionValue).
    CompletionContext variableHost = CompletionContext::None;
    std::string effect; ///< the statement's Effect value, as written (empty when absent)
    /// The values of the statement's `Service` principals (`sns.amazonaws.com`), in text order.
    std::vector<std::string> servicePrincipals;
    /// The keys already in the object around the cursor (key contexts), but the one typed.
    std::vector<std::string> presentKeys;
};

/// The site at `offset` (clamped to the text) of the policy text `text`.
CompletionSite completionSiteAt(std::string_view text, size_t offset);

} // namespace iamx
