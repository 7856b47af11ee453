#pragma once

#include "model/account.h"

#include <memory>
#include <string>

// Builds an Account from authorization-details texts. The four AWS lists are read with
// simdjson's on-demand parser (a 100 MB file must load in well under a second, issue #3), each
// entity once as a whole and then field by field; the small `IamExplorer` object with the
// project's own JSON reader.

namespace iamx {

class AccountBuilder
{
public:
    AccountBuilder();
    ~AccountBuilder();

    /// Reads one source into the account being built. False when the text is not an account
    /// at all (an error diagnostic says why and where); the account is then unusable.
    bool addSource(std::string name, std::string text);

    /// Checks the references between entities, builds the indexes and hands the account over.
    Account finish();

    /// Diagnostics so far (also those that refuse a source).
    const std::vector<Diagnostic> &diagnostics() const;

    struct Impl; // public so the reader's helpers can name it; defined in the .cpp only

private:
    std::unique_ptr<Impl> d;
};

} // namespace iamx
