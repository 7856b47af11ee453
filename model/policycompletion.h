#pragma once

#include "model/actioncatalog.h"
#include "model/completionsite.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// Completion in the policy editor (issue #5, "Completion"): the candidates from the action
// catalog for what belongs at the cursor (completionsite.h), and the hover text of an action
// pattern.

namespace iamx {

/// What a candidate is.
enum class CandidateKind : std::uint8_t {
    Element, ///< an element or map key name
    Value, ///< Allow, Deny, a version
    Service, ///< `s3:`: a service prefix, completed further with its actions
    ActionPattern, ///< `s3:Get*`, `*`: a wildcard pattern
    Action, ///< `s3:GetObject`
    Resource, ///< `*` or an ARN template
    Operator, ///< a condition operator
    ConditionKey, ///< a condition key
    ConditionValue, ///< a value of a condition key: `true`, a region, an example
    Principal, ///< a principal: `*`, an ARN or template, a service or identity provider
    Variable, ///< a policy variable: `${aws:username}`
};

/// What the account open in the window tells completion: the ARNs of its principals,
/// identity providers and resources (completionaccount.h makes it from an Account). Sorted,
/// each once; any part may be empty.
struct CompletionAccountContext
{
    std::string accountId; ///< 12 digits; empty when unknown
    std::string organizationId; ///< `o-...`; empty when the account has no organization
    std::vector<std::string> userArns;
    std::vector<std::string> roleArns;
    /// The SAML and OIDC providers (`arn:aws:iam::123456789012:saml-provider/Okta`) the
    /// account's trust policies name.
    std::vector<std::string> providerArns;
    /// Resource ARNs: the listed resources and the literal ARNs the policies name.
    std::vector<std::string> resourceArns;
};

/// One thing that may be inserted.
struct CompletionCandidate
{
    std::string text; ///< what goes between the quotes
    CandidateKind kind = CandidateKind::Element;
    std::string detail; ///< short: an access level, a key type, a resource type
    std::string description; ///< longer, may be empty
};

/// The candidates for a site, best first, at most `limit`. Filtering ignores ASCII case;
/// action prefixes are glob-aware (`s3:*Object` offers what `s3:*Object*` matches). With
/// `account`, principal, resource and ARN values also offer what the account holds.
std::vector<CompletionCandidate> completionCandidates(const CompletionSite &site,
        const ActionCatalog &catalog = ActionCatalog::instance(), size_t limit = 500,
        const CompletionAccountContext *account = nullptr);

/// A Sid for a statement of `effect` (`Allow`, `Deny`; anything else is left out) on the
/// Action (or, `notAction`, NotAction) patterns `actions`, letters and digits only as AWS
/// requires: `AllowS3GetObject`, `DenyIamAll`, `AllowAllButIam`. `servicesOnly` names the
/// services alone (`AllowS3Ec2`), as does a list of more than three actions. Empty when there
/// is neither an effect nor an action.
std::string suggestedSid(std::string_view effect, const std::vector<std::string> &actions,
        bool notAction = false, bool servicesOnly = false);

/// The ARN format of a catalog resource type as a policy would start it: `${Partition}`
/// becomes `aws`; the other variables stay for the user to fill in.
std::string arnTemplate(std::string_view format);

/// What an action pattern (`s3:Get*`) expands to, for the editor's hover.
struct ActionPatternDescription
{
    std::string pattern;
    size_t count = 0; ///< how many actions of the catalog it matches
    /// Matched actions by access level, indexed by AccessLevel.
    std::array<size_t, 6> byLevel {};
    std::vector<std::string> names; ///< the first matched actions' full names
    /// Why nothing matches, when count is 0: no colon, a wildcard in the service, an
    /// unknown service, or no action of the service.
    std::string why;
};

/// Expands `pattern` against the catalog, keeping the first `maxNames` names.
ActionPatternDescription describeActionPattern(std::string_view pattern,
        const ActionCatalog &catalog = ActionCatalog::instance(), size_t maxNames = 8);

/// The description as a few lines of plain text: "s3:Get* matches 38 actions: Read 36,
/// List 2", then the names, then "… and N more".
std::string actionPatternText(const ActionPatternDescription &description);

/// The description of the action pattern whose string literal contains `offset` in
/// Action or NotAction; empty when the offset is on nothing of the kind.
std::string actionPatternTextAt(std::string_view text, size_t offset,
        const ActionCatalog &catalog = ActionCatalog::instance());

} // namespace iamx
