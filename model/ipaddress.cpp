#include "ipaddress.h"

#include "model/hexdigit.h"

#include <cstddef>

namespace iamx {
namespace {

constexpr int ipv4Bits = 32;
constexpr int ipv6Bits = 128;
constexpr int ipv6Groups = 8;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// 1 to `maxDigits` decimal digits, at most `maximum`. Leading zeros are decimal, not octal:
// `010` is 10, as AWS reads it.
bool parseDecimal(std::string_view text, size_t maxDigits, int maximum, int &value)
{
    if (text.empty() || text.size() > maxDigits)
        return false;
    int result = 0;
    for (const char c : text) {
        if (!isDigit(c))
            return false;
        result = result * 10 + (c - '0');
    }
    if (result > maximum)
        return false;
    value = result;
    return true;
}

// Dotted quad into out[0..3].
bool parseIpv4(std::string_view text, std::uint8_t *out)
{
    for (int part = 0; part < 4; ++part) {
        const size_t dot = part < 3 ? text.find('.') : text.size();
        if (dot == std::string_view::npos)
            return false;
        int value = 0;
        if (!parseDecimal(text.substr(0, dot), 3, 255, value))
            return false;
        out[part] = static_cast<std::uint8_t>(value);
        text.remove_prefix(dot < text.size() ? dot + 1 : dot);
    }
    return true;
}

bool parseHexGroup(std::string_view text, std::uint16_t &value)
{
    if (text.empty() || text.size() > 4)
        return false;
    unsigned result = 0;
    for (const char c : text) {
        const int digit = hexDigitValue(c);
        if (digit < 0)
            return false;
        result = result * 16 + static_cast<unsigned>(digit);
    }
    value = static_cast<std::uint16_t>(result);
    return true;
}

// Groups are collected as written, then the `::` gap is widened to the zero groups it stands
// for. Like inet_pton, `::` must stand for at least one group.
bool parseIpv6(std::string_view text, std::array<std::uint8_t, 16> &bytes)
{
    std::array<std::uint16_t, ipv6Groups> groups {};
    int count = 0;
    int gapAt = -1;
    size_t position = 0;
    if (text.substr(0, 2) == "::") {
        gapAt = 0;
        position = 2;
    }
    while (position < text.size()) {
        const size_t colon = text.find(':', position);
        const size_t end = colon == std::string_view::npos ? text.size() : colon;
        const std::string_view token = text.substr(position, end - position);
        if (token.find('.') != std::string_view::npos) {
            // An IPv4 tail fills the last two groups and must end the address.
            if (end != text.size() || count > ipv6Groups - 2)
                return false;
            std::uint8_t quad[4] {};
            if (!parseIpv4(token, quad))
                return false;
            groups[static_cast<size_t>(count++)] =
                    static_cast<std::uint16_t>((quad[0] << 8) | quad[1]);
            groups[static_cast<size_t>(count++)] =
                    static_cast<std::uint16_t>((quad[2] << 8) | quad[3]);
            break;
        }
        if (count == ipv6Groups || !parseHexGroup(token, groups[static_cast<size_t>(count)]))
            return false;
        ++count;
        if (end == text.size())
            break;
        position = end + 1;
        if (position < text.size() && text[position] == ':') {
            if (gapAt >= 0)
                return false;
            gapAt = count;
            ++position;
        } else if (position == text.size()) {
            return false; // a single trailing colon
        }
    }

    if (gapAt < 0 ? count != ipv6Groups : count == ipv6Groups)
        return false;
    const int zeros = ipv6Groups - count;
    for (int i = 0; i < ipv6Groups; ++i) {
        std::uint16_t group = 0;
        if (gapAt < 0 || i < gapAt)
            group = groups[static_cast<size_t>(i)];
        else if (i >= gapAt + zeros)
            group = groups[static_cast<size_t>(i - zeros)];
        bytes[static_cast<size_t>(2 * i)] = static_cast<std::uint8_t>(group >> 8);
        bytes[static_cast<size_t>(2 * i + 1)] = static_cast<std::uint8_t>(group & 0xff);
    }
    return true;
}

int familyBits(bool isV6)
{
    return isV6 ? ipv6Bits : ipv4Bits;
}

} // namespace

std::optional<IpRange> parseIpRange(std::string_view text)
{
    const size_t slash = text.find('/');
    const std::string_view address = text.substr(0, slash);
    IpRange range;
    range.isV6 = address.find(':') != std::string_view::npos;
    if (range.isV6 ? !parseIpv6(address, range.bytes) : !parseIpv4(address, range.bytes.data()))
        return std::nullopt;
    range.prefixLength = familyBits(range.isV6);
    if (slash != std::string_view::npos
            && !parseDecimal(text.substr(slash + 1), 3, familyBits(range.isV6), range.prefixLength))
        return std::nullopt;
    return range;
}

bool rangeContains(const IpRange &outer, const IpRange &inner)
{
    if (outer.isV6 != inner.isV6)
        return false;
    // Checked because an IpRange may be built by hand; an out-of-range length contains nothing.
    const int bits = familyBits(outer.isV6);
    if (outer.prefixLength < 0 || inner.prefixLength > bits
            || inner.prefixLength < outer.prefixLength)
        return false;
    // Whole bytes first, then a mask for the partial byte. The mask is built in 8 bits from a
    // shift of at most 7, so /0 compares nothing and matches the whole family.
    const size_t wholeBytes = static_cast<size_t>(outer.prefixLength / 8);
    for (size_t i = 0; i < wholeBytes; ++i) {
        if (outer.bytes[i] != inner.bytes[i])
            return false;
    }
    const int remainingBits = outer.prefixLength % 8;
    if (remainingBits == 0)
        return true;
    const auto mask = static_cast<std::uint8_t>(0xffu << (8 - remainingBits));
    return ((outer.bytes[wholeBytes] ^ inner.bytes[wholeBytes]) & mask) == 0;
}

} // namespace iamx
