#include "casefold.h"

#include <cstddef>

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

// Upper- and lowercase alternate in these blocks; `upperIsEven` says which of a pair comes
// first.
char32_t pairedLowercase(char32_t c, bool upperIsEven)
{
    return (c % 2 == 0) == upperIsEven ? c + 1 : c;
}

char32_t latinExtendedALowercase(char32_t c)
{
    if (c == 0x0130) // İ: the simple mapping drops the dot; the full one gives "i̇"
        return U'i';
    if (c == 0x0178) // Ÿ: its lowercase ÿ is in Latin-1
        return 0x00FF;
    // ı (0131), ĸ (0138), ŉ (0149) and ſ (017F) are lowercase letters without a pair here;
    // the ranges below skip them.
    if (c <= 0x0137 || (c >= 0x014A && c <= 0x0177))
        return pairedLowercase(c, true);
    if ((c >= 0x0139 && c <= 0x0148) || (c >= 0x0179 && c <= 0x017E))
        return pairedLowercase(c, false);
    return c;
}

char32_t greekLowercase(char32_t c)
{
    if (c == 0x0370 || c == 0x0372 || c == 0x0376) // archaic heta, sampi, pamphylian digamma
        return c + 1;
    // Α..Ϋ; 03A2 is unassigned because final sigma ς has no capital of its own.
    if (c >= 0x0391 && c <= 0x03AB && c != 0x03A2)
        return c + 0x20;
    if (c >= 0x03D8 && c <= 0x03EF)
        return pairedLowercase(c, true);
    if (c >= 0x03FD) // Ͻ Ͼ Ͽ map back to ͻ ͼ ͽ
        return c - 0x82;
    switch (c) {
    case 0x037F:
        return 0x03F3;
    case 0x0386:
        return 0x03AC;
    case 0x0388:
    case 0x0389:
    case 0x038A:
        return c + 0x25;
    case 0x038C:
        return 0x03CC;
    case 0x038E:
    case 0x038F:
        return c + 0x3F;
    case 0x03CF:
        return 0x03D7;
    case 0x03F4:
        return 0x03B8;
    case 0x03F7:
    case 0x03FA:
        return c + 1;
    case 0x03F9:
        return 0x03F2;
    default:
        return c;
    }
}

char32_t cyrillicLowercase(char32_t c)
{
    if (c <= 0x040F)
        return c + 0x50;
    if (c <= 0x042F)
        return c + 0x20;
    if ((c >= 0x0460 && c <= 0x0481) || (c >= 0x048A && c <= 0x04BF) || c >= 0x04D0)
        return pairedLowercase(c, true);
    if (c == 0x04C0) // palochka: its lowercase was added later, away from its capital
        return 0x04CF;
    if (c >= 0x04C1 && c <= 0x04CE)
        return pairedLowercase(c, false);
    return c;
}

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
    if (codePoint < 0x100) // Latin-1: À..Þ except the multiplication sign ×
        return codePoint >= 0xC0 && codePoint <= 0xDE && codePoint != 0xD7 ? codePoint + 0x20
                                                                           : codePoint;
    if (codePoint < 0x180)
        return latinExtendedALowercase(codePoint);
    if (codePoint >= 0x370 && codePoint < 0x400)
        return greekLowercase(codePoint);
    if (codePoint >= 0x400 && codePoint < 0x530)
        return cyrillicLowercase(codePoint);
    return codePoint;
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
