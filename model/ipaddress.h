#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

// IPv4 and IPv6 addresses and CIDR ranges for the IpAddress / NotIpAddress operators.

namespace iamx {

/// An address with a prefix length: a bare address is a /32 (IPv4) or /128 (IPv6) range.
struct IpRange
{
    bool isV6 = false;
    std::array<std::uint8_t, 16> bytes {}; ///< IPv4 in bytes[0..3], the rest zero
    int prefixLength = 0; ///< 0..32 for IPv4, 0..128 for IPv6
};

/// Parses `a.b.c.d[/n]` or an IPv6 address (with `::` compression and an optional dotted IPv4
/// tail, `::ffff:1.2.3.4`) with an optional `/n`. No spaces, no zone ids (`%eth0`), each IPv4
/// part 0-255 in at most 3 digits. Host bits beyond the prefix are allowed (`10.1.2.3/8`) and
/// ignored when matching. Allocates nothing.
std::optional<IpRange> parseIpRange(std::string_view text);

/// True when every address of `inner` lies in `outer`: same family, `inner` at least as long
/// a prefix, and the first `outer.prefixLength` bits equal. `/0` contains its whole family.
bool rangeContains(const IpRange &outer, const IpRange &inner);

} // namespace iamx
