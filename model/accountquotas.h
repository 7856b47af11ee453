#pragma once

#include "model/accountlocator.h"
#include "model/diagnostic.h"

#include <vector>

// Policy sizes against IAM's quotas, counted as AWS counts them (no white space outside
// strings): the ones only the whole account shows. Internal to accountFindings().

namespace iamx {

class Account;

namespace accountcheck {

/// Appends, in no particular order:
/// - INLINE_POLICIES_EXCEED_QUOTA (warning): a user's, group's or role's inline policies
///   together over IAM's aggregate quota (2,048, 5,120 and 10,240 characters), which IAM
///   refuses;
/// - POLICY_SIZE_NEAR_QUOTA (suggestion): a customer managed policy, or a principal's inline
///   policies together, at 90% of the quota or more: the next statement may not fit.
void addQuotaFindings(const Account &account, Locator &locator, std::vector<Diagnostic> &findings);

} // namespace accountcheck
} // namespace iamx
