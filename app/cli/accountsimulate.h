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

/// `iamx simulate --account FILE --principal P --action A --resource R ...`.
int runAccountRequest(
        const Account &account, const Arguments &arguments, std::ostream &out, std::ostream &err);

} // namespace iamx::cli
