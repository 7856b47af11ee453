#pragma once

#include "model/account.h"
#include "model/diagnostic.h"

#include <string>
#include <vector>

// Reading and writing accounts: the output of `aws iam get-account-authorization-details`
// (decoded by the CLI, or percent-encoded as the raw API writes it), one file or several
// pages, and the workspace format that adds the `IamExplorer` object (account-format.md).

namespace iamx {

/// One text to load: its name (for messages) and its content.
struct AccountInput
{
    std::string name;
    std::string text;
};

/// Loads and merges the inputs into one account. The value is absent only when an input is
/// not an account at all (not JSON, not an object, or none of the four lists): that is an
/// error with its line and column. Everything else loads: entities with wrong types are kept
/// and flagged, dangling references become warnings (Account::diagnostics()).
Parsed<Account> loadAccount(std::vector<AccountInput> inputs);

/// Reads the files and loads them as loadAccount() does; unreadable files are errors.
Parsed<Account> loadAccountFiles(const std::vector<std::string> &paths);

/// The account as a workspace file: the four AWS lists written back entity by entity as they
/// were read (documents in their original form, unknown fields and timestamps verbatim), the
/// other top-level fields of the first input, and the `IamExplorer` object.
std::string workspaceText(const Account &account);

/// Writes workspaceText() to `path` atomically: a temporary file beside it, flushed and
/// synced, then renamed over the target, so a crash never leaves a half-written file.
/// Returns false and says why in `error`.
bool saveWorkspace(const Account &account, const std::string &path, std::string &error);

/// Percent-decodes `text` (`%XX` -> byte; `+` stays `+`, account-format.md §1.1); nullopt
/// when a `%` is not followed by two hex digits.
std::optional<std::string> percentDecode(std::string_view text);

} // namespace iamx
