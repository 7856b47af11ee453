#pragma once

#include <optional>
#include <string_view>

// Decimal numbers as the Numeric condition operators read them, compared exactly (no binary
// floating point: 0.1 + 0.2 questions and 20-digit account-like numbers must compare right).

namespace iamx {

/// True when `text` is a decimal number as the engine accepts it: optional `-`, digits, an
/// optional fraction (`.` and digits). No exponent, no `+`, no spaces, no leading/trailing `.`.
bool isDecimal(std::string_view text);

/// Compares two texts that satisfy isDecimal(): negative, zero or positive as a <, =, > b.
/// `-0`, `0.0` and `0` are equal; `007` equals `7`; `1.50` equals `1.5`. Allocates nothing.
int compareDecimal(std::string_view a, std::string_view b);

} // namespace iamx
