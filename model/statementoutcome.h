#pragma once

#include "model/documentkey.h"

#include <cstdint>
#include <string>
#include <vector>

// What a simulation means for each statement of the account's documents, for the editor's
// statement highlighting (ui.md, "Statement highlighting") and the simulate panel's
// "Decided by" list.

namespace iamx {

struct AccountRequest;
struct Explanation;

enum class StatementVerdict : std::uint8_t {
    Granted, ///< an Allow that matched and granted
    Denied, ///< a Deny that matched
    Overridden, ///< an Allow that matched but did not decide (a Deny won, or a gate failed)
    NotApplied, ///< did not match the request
};

struct StatementOutcome
{
    DocumentKey document; ///< the account's document; None for session or scenario policies
    std::string policyName; ///< as Policy::name
    std::string via; ///< PolicyOrigin::via
    std::uint32_t statement = 0; ///< index in the Statement array (0 for a single object)
    std::string sid; ///< empty when the statement has none
    std::string pointer; ///< JSON pointer of the statement within its document
    StatementVerdict verdict = StatementVerdict::NotApplied;
    bool decisive = false;
    /// Why, in words: "Action `s3:PutObject` is not matched by `s3:Get*`", "Condition
    /// `aws:SourceIp` `203.0.113.7` is not in `10.0.0.0/8`", "Key `aws:PrincipalTag/team` is
    /// absent, so `StringEquals` is false", "Allowed, but a Deny in DenyDeletes wins".
    std::string reason;
};

/// Every statement of every policy the explanation covers, with its verdict and reason.
std::vector<StatementOutcome> statementOutcomes(
        const AccountRequest &request, const Explanation &explanation);

} // namespace iamx
