#pragma once

#include <string>

// A simulation written down, for File → Export simulation result: everything the simulate
// panel shows — the request with its context, the decision, the evaluation flow step by step,
// the deciding statements and why every other statement did or did not apply.

namespace iamx {

struct AccountRequest;
struct Explanation;

/// The simulation as one JSON object (pretty-printed): principal, action, resource, context,
/// the decision fields of `iamx simulate --json` (decision, decisive with origins, blockedBy),
/// flow (step, verdict, why), statements (policy, via, statement, sid, verdict, decisive,
/// reason), assumptions, incomplete and problems.
std::string simulationJson(const AccountRequest &request, const Explanation &explanation);

/// The same as Markdown, for a ticket or a lesson: a heading with the decision, the request
/// and its context as a table, the flow as a numbered list, then the statements.
std::string simulationMarkdown(const AccountRequest &request, const Explanation &explanation);

} // namespace iamx
