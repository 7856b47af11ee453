#pragma once

#include "model/policycompletion.h"

#include <cstddef>
#include <vector>

// Internal to policycompletion.cpp: the candidates for the values of a condition key, a
// principal and a Sid, and for a policy variable. Each appends to `out` what fits what is
// typed (site.prefix), best first, stopping at `limit`.

namespace iamx {

void addConditionValues(const CompletionSite &site, const ActionCatalog &catalog,
        const CompletionAccountContext *account, size_t limit,
        std::vector<CompletionCandidate> &out);

void addPrincipalValues(const CompletionSite &site, const ActionCatalog &catalog,
        const CompletionAccountContext *account, size_t limit,
        std::vector<CompletionCandidate> &out);

void addSidValues(const CompletionSite &site, std::vector<CompletionCandidate> &out);

void addPolicyVariables(const CompletionSite &site, std::vector<CompletionCandidate> &out);

} // namespace iamx
