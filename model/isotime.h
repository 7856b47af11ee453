#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Instants for the Date condition operators. GCC 12 has no std::chrono::parse, so this is a
// small parser of our own (style.md, "Costs").

namespace iamx {

/// A point in time: seconds since 1970-01-01T00:00:00Z plus nanoseconds (0..999'999'999).
struct Instant
{
    std::int64_t seconds = 0;
    std::int32_t nanoseconds = 0;
    auto operator<=>(const Instant &) const = default;
};

/// Parses an ISO 8601 date or date-time in the W3C profile, or epoch seconds. Accepted:
/// `2026-03`, `2026-03-01`, `2026-03-01T12:00Z`, `2026-03-01T12:00:00Z`,
/// `2026-03-01T12:00:00.123456789+02:00`, a lowercase `t`/`z`, a missing zone (= UTC), and
/// epoch seconds as an optionally negative integer (`1577836800`). Digits alone are always
/// epoch seconds, so the W3C profile's year-only form `2026` reads as 2026 seconds. Calendar fields
/// are range-checked (month 1-12, day within the month with leap years, hour 0-23 or 24:00:00,
/// minute 0-59, second 0-60 with 60 folded into the next minute). Anything else gives nullopt.
/// Allocates nothing.
std::optional<Instant> parseInstant(std::string_view text);

/// The instant as AWS writes aws:CurrentTime, to the second: `2026-03-01T12:00:00Z`.
std::string formatInstant(Instant instant);

} // namespace iamx
