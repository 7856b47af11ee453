#pragma once

#include "model/diagnostic.h"

#include <cstddef>
#include <cstdint>
#include <vector>

// The checks only a tool holding the whole account can make (validation-checks.md §f): what no
// linter of one document can see. Each finding points into the account file (file, line,
// column and a JSON pointer such as `/RoleDetailList/2/AssumeRolePolicyDocument`).

namespace iamx {

class Account;
class Resolver;

/// The account-wide findings, in the order of the file:
/// - UNUSED_MANAGED_POLICY (suggestion): a customer managed policy attached to nothing and
///   used as no permissions boundary;
/// - TRUST_POLICY_UNKNOWN_PRINCIPAL (warning): a role's trust policy names a user or role of
///   this account that the account does not have, or a unique id (AIDA…, AROA…), which is what
///   AWS shows once the principal it named has been deleted;
/// - RESOURCE_POLICY_UNKNOWN_PRINCIPAL (warning): the same in a resource policy the account
///   holds;
/// - DUPLICATE_INLINE_POLICY (suggestion): the same inline policy (ignoring whitespace) on
///   several users, groups or roles: a managed policy would say it once.
/// - and those of statementreach.h, accountquotas.h and boundarycaps.h: statements that never
///   take effect, policies against IAM's size quotas, boundaries that let escalation through.
struct AccountFindingsOptions
{
    /// The checks that weigh every statement against the decision (statementreach.h,
    /// boundarycaps.h) take seconds on accounts of tens of thousands of principals: above
    /// this many users and roles they are left out, and an ACCOUNT_CHECKS_SKIPPED suggestion
    /// says so (the application's limit; `iamx validate --account` has none).
    size_t weighStatementsUpTo = SIZE_MAX;
};

std::vector<Diagnostic> accountFindings(
        const Account &account, const AccountFindingsOptions &options = {});
/// The same with the caller's resolver of `account`, whose compiled policies it reuses.
std::vector<Diagnostic> accountFindings(const Account &account, const Resolver &resolver,
        const AccountFindingsOptions &options = {});

/// Every policy document of the account validated (validatePolicy(), with the type each one
/// has: identity, boundary, trust, resource, SCP, RCP), with positions in the account file:
/// exact for documents written as JSON objects, the document's start for those written as
/// strings.
std::vector<Diagnostic> validateAccountDocuments(const Account &account);

} // namespace iamx
