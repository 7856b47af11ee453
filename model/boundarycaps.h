#pragma once

#include "model/accountlocator.h"
#include "model/diagnostic.h"
#include "model/principalbounds.h"

#include <vector>

// Whether each permissions boundary of the account caps what it is there to cap: the
// published privilege-escalation paths (riskyactions.h). Internal to accountFindings().

namespace iamx {

class Account;

namespace accountcheck {

/// Appends BOUNDARY_DOES_NOT_CAP_RISKY_PERMISSION (security warning) once per boundary that
/// surely lets a privilege-escalation path through for some principal it bounds: the
/// principal's identity policies allow every action of the path without conditions, the
/// boundary and the SCPs allow it without conditions, and no Deny might stop it. (A boundary
/// that allows only under conditions, such as iam:PermissionsBoundary, is taken to cap.)
/// Without a boundary the validator's PRIVILEGE_ESCALATION says so of the policy itself.
void addBoundaryFindings(const Account &account, const PrincipalViews &views, Locator &locator,
        std::vector<Diagnostic> &findings);

} // namespace accountcheck
} // namespace iamx
