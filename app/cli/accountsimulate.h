#pragma once

#include "app/cli/arguments.h"
#include "model/resolver.h"

#include <ostream>

// iamx commands that ask questions of an account share how a request is given on the command
// line: --context KEY=VALUE..., --now TIME, --session NAME, --session-policy FILE.

namespace iamx::cli {

struct RequestOptions
{
    ContextOverrides context;
    Instant now;
    std::string session;
    PolicyRef sessionPolicy;
};

/// Reads the request options; prints a usage problem and returns non-zero when one is wrong.
int requestOptions(std::string_view command, const Arguments &arguments, RequestOptions &options,
        std::ostream &err);

/// Adds the --session-policy, if any, to a resolved request.
void addSessionPolicy(const RequestOptions &options, AccountRequest &resolved);

/// The account scenarios of `iamx simulate|test --account FILE SCENARIOS`, each resolved
/// against the account. Entries that cannot be read, or whose principal is not found, have
/// no request; `why` then says why (for the latter).
struct AccountScenario
{
    const ScenarioEntry *entry = nullptr;
    std::optional<AccountRequest> resolved;
    std::string why;
};
std::vector<AccountScenario> resolveScenarios(
        const Resolver &resolver, const std::vector<ScenarioEntry> &entries, Instant now);

/// The JSON line of an account scenario: name, decision fields with origins, warnings,
/// assumptions; or its error.
std::string accountScenarioJsonLine(const AccountScenario &item, const Decision &decision);

/// `iamx simulate --account FILE --principal P --action A --resource R ...`.
int runAccountRequest(
        const Account &account, const Arguments &arguments, std::ostream &out, std::ostream &err);

/// `iamx simulate --account FILE SCENARIOS`.
int runAccountScenarios(
        const Account &account, const Arguments &arguments, std::ostream &out, std::ostream &err);

} // namespace iamx::cli
