#pragma once

#include "model/diagnostic.h"
#include "model/evaluator.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Scenario files: one access question each, self-contained (scenario-format.md). A `.json`
// file holds one scenario (or an array of them); a `.jsonl` file one per line.

namespace iamx {

/// A diagnostic with the part of the scenario it is in: `identityPolicies[0]`,
/// `resourcePolicy`, ... for policy problems (the pointer is then within that document), or
/// empty for the scenario's own fields (the pointer is then within the scenario).
struct ScenarioDiagnostic
{
    std::string in;
    Diagnostic diagnostic;
};

struct Scenario
{
    /// Read for an account (scenario-format.md, "With an account"): the principal is a name or
    /// ARN for the Resolver, not parsed here, and the policies listed are added to the
    /// account's.
    bool forAccount = false;
    std::string name;
    std::optional<std::string> note;
    std::optional<DecisionKind> expect;
    PolicySet policies;
    Request request;
};

/// One scenario as read from a file: the scenario when it can be evaluated, and every
/// problem found in it (errors make `scenario` empty).
struct ScenarioEntry
{
    size_t index = 0; ///< 0-based position in the file
    int startLine = 1; ///< where the scenario's text starts in the file
    int startColumn = 1;
    std::string name; ///< the `name` field, when one could be read
    std::optional<Scenario> scenario;
    std::vector<ScenarioDiagnostic> diagnostics;

    bool hasErrors() const;
};

/// Reads every scenario of a file's text. `file` names the file in diagnostics; a name ending
/// in `.jsonl` reads one scenario per line. Otherwise the text is one scenario object or an
/// array of them, and text with several values one after another is read as JSON Lines too.
/// A broken scenario never stops the others from being read.
/// With `forAccount`, scenarios are read as account scenarios (Scenario::forAccount).
std::vector<ScenarioEntry> readScenarios(
        std::string_view text, std::string_view file, bool forAccount = false);

} // namespace iamx
