#pragma once

#include <string>
#include <string_view>

// Case-insensitive comparison for the ...IgnoreCase string operators: simple (one code point to
// one code point) lower-casing of UTF-8 text, no Unicode normalisation (`ß` != `ss`, a
// precomposed letter != its combining sequence), as iam-evaluation.md §7.3 says.

namespace iamx {

/// The simple lowercase mapping of one code point: ASCII, Latin-1, Latin Extended-A, Greek and
/// Cyrillic letters; every other code point maps to itself.
char32_t simpleLowercase(char32_t codePoint);

/// True when `a` and `b` are equal after simpleLowercase() of every code point. Invalid UTF-8
/// bytes compare as themselves. Allocates nothing.
bool equalsIgnoreCase(std::string_view a, std::string_view b);

/// `text` with simpleLowercase() applied to every code point.
std::string toLowercase(std::string_view text);

/// ASCII-only lowercase, for identifiers that are ASCII by definition (actions, condition keys).
std::string toAsciiLowercase(std::string_view text);

} // namespace iamx

namespace iamx {

/// True when `a` and `b` are equal ignoring ASCII case only; for identifiers that are ASCII by
/// definition (service prefixes, action names). Cheaper than equalsIgnoreCase.
bool asciiEqualsIgnoreCase(std::string_view a, std::string_view b);

} // namespace iamx
