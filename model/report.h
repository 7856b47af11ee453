#pragma once

#include "model/evaluator.h"
#include "model/resolver.h"
#include "model/scenario.h"

#include <functional>
#include <string>

// What `iamx` prints for a scenario (scenario-format.md, "Output"): one JSON object per line,
// or a text for people. Kept in the model so every front end prints the same.

namespace iamx {

/// Where each policy came from (account mode); empty when policies have no origin.
using OriginLookup = std::function<const PolicyOrigin *(const StatementRef &)>;

/// Appends `"decision": ..., "decisive": [...], "blockedBy": ...` (scenario-format.md,
/// "Output"); with origins, each decisive statement also says `via`, `routes`, `arn` and
/// `version`.
void appendDecisionFields(std::string &out, const PolicySet &policies, const Decision &decision,
        const OriginLookup &origins);

/// Appends one decisive statement as a JSON object: policyType, policy, statement, sid,
/// effect, and when it has an origin via, routes, arn, version.
void appendDecisiveStatement(std::string &out, PolicyType type, const std::string &policy,
        std::uint32_t statement, const std::optional<std::string> &sid, Effect effect,
        const PolicyOrigin *origin);

/// Appends diagnostics as a JSON array of {"severity", "code", "message", "file", "line",
/// "column", "pointer"} (the account commands' warnings and problems).
void appendDiagnosticsJson(std::string &out, const std::vector<Diagnostic> &diagnostics);

/// Appends `values` as a JSON array of strings.
void appendStringArray(std::string &out, const std::vector<std::string> &values);

/// The JSON line of an evaluated scenario: name, decision, decisive, blockedBy, warnings.
std::string decisionJsonLine(
        const ScenarioEntry &entry, const Scenario &scenario, const Decision &decision);

/// The JSON line of a request against an account (`iamx simulate --account --json`, the
/// application's Export simulation result): principal, action, resource, the decision fields
/// with origins, assumptions, and whether it is incomplete, with the problems.
std::string accountDecisionJsonLine(const AccountRequest &resolved, const Decision &decision);

/// The JSON line of a scenario that could not be evaluated: name and its first error (and
/// every error under `errors` when there are several).
std::string errorJsonLine(const ScenarioEntry &entry);

/// Each diagnostic as `FILE:LINE:COLUMN: severity: message [CODE]`, one per line.
std::string diagnosticsText(const ScenarioEntry &entry);

/// The decision for a person: what decided it, every gate that failed, and for every
/// statement whether it applied and why not.
std::string explanationText(const Scenario &scenario, const Explanation &explanation);

/// The same for any request: its name and note, the policies, and where they came from.
std::string explanationText(const std::string &name, const std::optional<std::string> &note,
        const PolicySet &policies, const Request &request, const Explanation &explanation,
        const OriginLookup &origins);

/// `identity policy "ReadReports" statement 0 (Sid "Read")`, for messages.
std::string describeStatement(const PolicySet &policies, const StatementRef &ref);

} // namespace iamx
