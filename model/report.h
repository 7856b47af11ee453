#pragma once

#include "model/evaluator.h"
#include "model/scenario.h"

#include <string>

// What `iamx` prints for a scenario (scenario-format.md, "Output"): one JSON object per line,
// or a text for people. Kept in the model so every front end prints the same.

namespace iamx {

/// The JSON line of an evaluated scenario: name, decision, decisive, blockedBy, warnings.
std::string decisionJsonLine(
        const ScenarioEntry &entry, const Scenario &scenario, const Decision &decision);

/// The JSON line of a scenario that could not be evaluated: name and its first error (and
/// every error under `errors` when there are several).
std::string errorJsonLine(const ScenarioEntry &entry);

/// Each diagnostic as `FILE:LINE:COLUMN: severity: message [CODE]`, one per line.
std::string diagnosticsText(const ScenarioEntry &entry);

/// The decision for a person: what decided it, every gate that failed, and for every
/// statement whether it applied and why not.
std::string explanationText(const Scenario &scenario, const Explanation &explanation);

/// `identity policy "ReadReports" statement 0 (Sid "Read")`, for messages.
std::string describeStatement(const PolicySet &policies, const StatementRef &ref);

} // namespace iamx
