#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// What a simulation form offers to pick from (ui.md, "Simulate access panel"): the actions and
// resources an account's policies speak of, for completion, and the condition keys the
// policies of one request test, with the type their operators read them as.

namespace iamx {

class Account;
class AccountIndex;
struct AccountRequest;
struct Explanation;

/// The actions named in the account's policies (identity, managed default versions, trust,
/// resource, SCP and RCP documents; Action and NotAction alike), without wildcards: sorted
/// ignoring case and unique ignoring case, the first spelling kept. Read by the account's
/// search index, which reads documents without compiling them (AccountIndex::actionNames()).
std::vector<std::string> knownActions(const AccountIndex &index);

/// The resources worth simulating against: the account's listed resources, its users',
/// groups' and roles' ARNs, and the literal ARNs (no wildcard, no policy variable) of the
/// Resource elements of its policies; sorted and unique.
std::vector<std::string> knownResources(const Account &account, const AccountIndex &index);

/// The actions `pattern` stands for: the known actions it matches with IAM's `*`/`?` globbing
/// (ignoring case), in the order of `known`; a pattern without wildcards stands for itself.
std::vector<std::string> expandActionPattern(
        std::string_view pattern, const std::vector<std::string> &known);

/// How a condition operator reads a key's values (iam-evaluation.md §7).
enum class ContextValueType : std::uint8_t {
    String,
    Numeric,
    Date,
    Bool,
    IpAddress,
    Arn,
    Binary,
};

/// `String`, `Numeric`, `Date`, `Bool`, `IpAddress`, `Arn`, `Binary`.
std::string_view contextValueTypeName(ContextValueType type);

/// A condition key the policies of a request mention.
struct PolicyContextKey
{
    std::string key; ///< as first written
    ContextValueType type = ContextValueType::String; ///< from the first operator (not Null)
    /// A statement whose action and resource match the request tests it, so its value (or
    /// its absence) bears on the decision.
    bool needed = false;
};

/// The condition keys (and the keys of policy variables, `${aws:username}`) of every policy of
/// `request`, sorted ignoring case and unique ignoring case. With an explanation of the
/// request, `needed` marks the keys of statements whose action and resource matched; without
/// one every key is marked needed.
std::vector<PolicyContextKey> policyContextKeys(
        const AccountRequest &request, const Explanation *explanation = nullptr);

} // namespace iamx
