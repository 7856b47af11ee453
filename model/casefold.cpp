#include "casefold.h"

#include <algorithm>
#include <cstddef>
#include <iterator>

namespace iamx {
namespace {

// Invalid UTF-8 bytes decode to a value past the last code point, so each compares equal only
// to the same invalid byte and never to the character of the same number (lone 0xC9 != U+00C9).
constexpr char32_t invalidByteBase = 0x110000;

char32_t asciiLowercase(char32_t c)
{
    return c >= U'A' && c <= U'Z' ? c + 0x20 : c;
}

char asciiLowercase(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
}

struct LowercasePair
{
    char32_t from;
    char32_t to;
};

// The Unicode simple lowercase mapping, generated (resources/unicode/make_lowercase_table.py).
constexpr LowercasePair lowercaseTable[] = {
#include "lowercasetable.inc"
};

bool isContinuation(unsigned char byte)
{
    return (byte & 0xC0) == 0x80;
}

// One code point starting at `position` (which is in range), or one invalid byte. Overlong
// forms, surrogates and values past U+10FFFF are invalid (RFC 3629), so every code point has
// exactly one accepted spelling.
char32_t decodeUtf8(std::string_view text, size_t position, size_t &length)
{
    const auto lead = static_cast<unsigned char>(text[position]);
    length = 1;
    if (lead < 0x80)
        return lead;
    size_t count = 0;
    unsigned char secondMin = 0x80;
    unsigned char secondMax = 0xBF;
    char32_t value = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        count = 2;
        value = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        count = 3;
        value = lead & 0x0Fu;
        if (lead == 0xE0)
            secondMin = 0xA0;
        else if (lead == 0xED)
            secondMax = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        count = 4;
        value = lead & 0x07u;
        if (lead == 0xF0)
            secondMin = 0x90;
        else if (lead == 0xF4)
            secondMax = 0x8F;
    } else {
        return invalidByteBase + lead;
    }
    if (text.size() - position < count)
        return invalidByteBase + lead;
    for (size_t i = 1; i < count; ++i) {
        const auto byte = static_cast<unsigned char>(text[position + i]);
        if (!isContinuation(byte) || (i == 1 && (byte < secondMin || byte > secondMax)))
            return invalidByteBase + lead;
        value = (value << 6) | (byte & 0x3Fu);
    }
    length = count;
    return value;
}

void appendUtf8(std::string &out, char32_t c)
{
    const auto byte = [](char32_t bits) {
        return static_cast<char>(static_cast<unsigned char>(bits));
    };
    if (c < 0x80) {
        out += byte(c);
    } else if (c < 0x800) {
        out += byte(0xC0 | (c >> 6));
        out += byte(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += byte(0xE0 | (c >> 12));
        out += byte(0x80 | ((c >> 6) & 0x3F));
        out += byte(0x80 | (c & 0x3F));
    } else {
        out += byte(0xF0 | (c >> 18));
        out += byte(0x80 | ((c >> 12) & 0x3F));
        out += byte(0x80 | ((c >> 6) & 0x3F));
        out += byte(0x80 | (c & 0x3F));
    }
}

} // namespace

char32_t simpleLowercase(char32_t codePoint)
{
    if (codePoint < 0x80)
        return asciiLowercase(codePoint);
    const auto *end = std::end(lowercaseTable);
    const auto *found = std::lower_bound(std::begin(lowercaseTable), end, codePoint,
            [](const LowercasePair &pair, char32_t c) { return pair.from < c; });
    return found != end && found->from == codePoint ? found->to : codePoint;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    size_t i = 0;
    size_t j = 0;
    while (i < a.size() && j < b.size()) {
        size_t lengthA = 0;
        size_t lengthB = 0;
        const char32_t codePointA = decodeUtf8(a, i, lengthA);
        const char32_t codePointB = decodeUtf8(b, j, lengthB);
        if (simpleLowercase(codePointA) != simpleLowercase(codePointB))
            return false;
        i += lengthA;
        j += lengthB;
    }
    return i == a.size() && j == b.size();
}

std::string toLowercase(std::string_view text)
{
    std::string result;
    result.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        size_t length = 0;
        const char32_t codePoint = decodeUtf8(text, i, length);
        if (codePoint >= invalidByteBase)
            result += text[i];
        else
            appendUtf8(result, simpleLowercase(codePoint));
        i += length;
    }
    return result;
}

std::string toAsciiLowercase(std::string_view text)
{
    std::string result(text);
    for (char &c : result)
        c = asciiLowercase(c);
    return result;
}

} // namespace iamx

namespace iamx {

bool asciiEqualsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char x = a[i];
        char y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = static_cast<char>(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return true;
}

} // namespace iamx
