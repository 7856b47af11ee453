#pragma once

#include "model/policy.h"
#include "model/valuetemplate.h"

#include <string_view>
#include <vector>

// One condition value, pre-parsed for the operator that reads it (iam-evaluation.md §7.3):
// a number checked, a date turned into an instant, a range into bytes, a pattern compiled.

namespace iamx {

/// Compiles `text` for `op`. A value that does not parse for its operator is kept but marked
/// unusable, and the reason added to `problems` (as policy variable problems are); its offset
/// is 0 (the caller knows where the value is).
ConditionValue compileConditionValue(const ConditionOperator &op, std::string_view text,
        bool variablesEnabled, std::vector<TemplateProblem> &problems);

} // namespace iamx
