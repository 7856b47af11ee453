#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// One line per statement of a policy document, for the account tree: "Allow s3:GetObject,
// s3:List* on arn:aws:s3:::reports/*". Read from the JSON as written (nothing is compiled or
// validated: the editor does that), so that a document the parser refuses still shows what it
// says.

namespace iamx {

struct StatementSummary
{
    int index = 0; ///< in the Statement array (0 for a single statement object)
    std::string sid; ///< empty when the statement has none
    bool deny = false; ///< Effect is "Deny" (anything else reads as Allow)
    std::string text; ///< Effect, actions, resources, principals and condition keys, in words
};

struct PolicySummary
{
    std::vector<StatementSummary> statements;
    /// Why the document has no statements to show: not JSON, no Statement, ...; else empty.
    std::string problem;
};

/// The statements of `document`, each summarised; lists longer than `maxItems` are cut with
/// "…and N more". Statements that are not objects are skipped (their index is not reused).
PolicySummary summarizePolicy(std::string_view document, size_t maxItems = 3);

} // namespace iamx
