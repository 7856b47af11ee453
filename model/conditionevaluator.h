#pragma once

#include "model/explanation.h"
#include "model/policy.h"
#include "model/request.h"

#include <string>
#include <vector>

// Evaluates one condition key against the request context (iam-evaluation.md §7, §8).

namespace iamx {

/// Storage reused across evaluations so that filling in policy variables allocates nothing
/// once it has grown.
struct MatchScratch
{
    std::vector<PatternUnit> units;
    std::string text;
};

/// True when the condition holds. With `trace`, also records the values compared and why.
bool evaluateCondition(const Condition &condition, const RequestContext &context,
        MatchScratch &scratch, ConditionExplanation *trace = nullptr);

/// True when `text` matches the template as a glob (variables filled in). False when a
/// variable cannot be resolved; `unresolved` then says so.
bool matchTemplate(const ValueTemplate &pattern, std::string_view text,
        const RequestContext &context, MatchScratch &scratch, bool &unresolved);

} // namespace iamx
