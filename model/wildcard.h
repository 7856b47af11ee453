#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

// IAM's `*` / `?` globbing, matched directly (no regex, no backtracking blow-up) on UTF-8 bytes.
// A pattern is compiled once into units: a byte to match literally, or a wildcard. Keeping the
// wildcards out of band lets a literal `*` (from `${*}` or a substituted variable) sit in the
// same pattern as a real one.

namespace iamx {

using PatternUnit = std::uint16_t;

/// Unit values beyond a byte's range.
inline constexpr PatternUnit AnyRun = 256; ///< `*`: any run of characters, possibly empty
inline constexpr PatternUnit AnyChar = 257; ///< `?`: exactly one character (code point)

enum class WildcardMode { Glob, Literal };
enum class CaseMode { Sensitive, AsciiInsensitive };

/// Appends `text` as units: in Glob mode `*` and `?` become wildcards, in Literal mode every
/// byte is literal. With AsciiInsensitive, ASCII letters are stored lowercase.
void appendPatternUnits(std::vector<PatternUnit> &units, std::string_view text, WildcardMode mode,
        CaseMode caseMode = CaseMode::Sensitive);

/// True when `text` matches the whole pattern. With AsciiInsensitive the pattern's letters must
/// be lowercase (appendPatternUnits does that) and ASCII letters of `text` are folded. `?`
/// consumes one UTF-8 code point. O(pattern * text) at worst; allocates nothing.
bool globMatch(std::span<const PatternUnit> pattern, std::string_view text,
        CaseMode caseMode = CaseMode::Sensitive);

/// True when the units hold no wildcard.
bool isLiteral(std::span<const PatternUnit> pattern);

} // namespace iamx
