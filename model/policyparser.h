#pragma once

#include "model/diagnostic.h"
#include "model/json.h"
#include "model/policy.h"

#include <string>
#include <string_view>

namespace iamx {

/// What the parser must know about a document besides its text: the rules of a policy depend
/// on where it is attached (scenario-format.md, "What stops evaluation").
struct PolicyParseOptions
{
    PolicyType type = PolicyType::Identity;
    ResourcePolicyKind resourceKind = ResourcePolicyKind::Ordinary;
    std::string name; ///< copied into Policy::name
};

/// Parses and compiles a policy document that was read as JSON. Diagnostics carry the JSON
/// pointer and the byte range (offsets index the text `document` was read from); their line
/// and column are left 0 for the caller, who knows the whole text (see locateDiagnostics).
/// The value is set unless an error stops evaluation; warnings describe the parts that were
/// kept but can never match.
Parsed<Policy> parsePolicy(const json::Value &document, const PolicyParseOptions &options);

/// Parses policy text: JSON syntax errors become JSON_SYNTAX_ERROR, and every diagnostic gets
/// its line and column within `text` and `file` as its file name.
Parsed<Policy> parsePolicyText(
        std::string_view text, const PolicyParseOptions &options, std::string_view file = {});

/// Fills in line, column and file of diagnostics whose offsets index `text`.
void locateDiagnostics(
        std::vector<Diagnostic> &diagnostics, const json::LineIndex &lines, std::string_view file);

} // namespace iamx
