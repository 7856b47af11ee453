#pragma once

// Helpers shared by the policy editor's completion tests (tst_policycompletionsite,
// tst_policycompletioncandidates, tst_policycompletionvalues): the site at a marked cursor, the
// candidates' texts, a statement's first lines.

#include "model/policycompletion.h"

#include <QTest>

#include <algorithm>
#include <string>
#include <vector>

Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(iamx::CompletionContext)

namespace {

using iamx::CandidateKind;
using iamx::CompletionCandidate;
using iamx::CompletionContext;
using iamx::CompletionSite;

/// The site at the `|` of `marked`, which is taken out of the text.
[[maybe_unused]] CompletionSite siteAt(const std::string &marked)
{
    const size_t cursor = marked.find('|');
    std::string text = marked;
    text.erase(cursor, 1);
    return iamx::completionSiteAt(text, cursor);
}

[[maybe_unused]] std::vector<std::string> texts(const std::vector<CompletionCandidate> &candidates)
{
    std::vector<std::string> out;
    for (const auto &candidate : candidates)
        out.push_back(candidate.text);
    return out;
}

[[maybe_unused]] bool contains(const std::vector<std::string> &list, const std::string &item)
{
    return std::find(list.begin(), list.end(), item) != list.end();
}

[[maybe_unused]] const CompletionCandidate *find(
        const std::vector<CompletionCandidate> &candidates, const std::string &text)
{
    const auto it = std::find_if(candidates.begin(), candidates.end(),
            [&text](const CompletionCandidate &candidate) { return candidate.text == text; });
    return it == candidates.end() ? nullptr : &*it;
}

[[maybe_unused]] const std::string statementHead =
        "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n";

} // namespace
