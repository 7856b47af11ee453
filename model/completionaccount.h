#pragma once

#include "model/policycompletion.h"

#include <string>
#include <vector>

// What policy completion takes from the account open in the window (issue #5, "Completion"):
// its principals', identity providers' and resources' ARNs.

namespace iamx {

class Account;

/// The completion context of `account`: its id and organization, its users' and roles' ARNs,
/// the SAML and OIDC provider ARNs its roles' trust policies name (the account model keeps no
/// list of providers), and `resourceArns` (AccountIndex::resourceNames(): the listed resources
/// and the literal ARNs its policies name) with the listed resources'. Linear in the account's
/// size; reads the trust policies' text, parses nothing.
CompletionAccountContext completionAccountContext(
        const Account &account, const std::vector<std::string> &resourceArns = {});

} // namespace iamx
