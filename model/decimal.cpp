#include "decimal.h"

#include <cstddef>

namespace iamx {
namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// A decimal split into the parts that decide its order: leading zeros of the integer part and
// trailing zeros of the fraction carry no value, so they are dropped here and `007.50`, `7.5`
// compare as one number without building a normalised copy.
struct DecimalParts
{
    bool negative = false;
    std::string_view integer;
    std::string_view fraction;

    bool isZero() const { return integer.empty() && fraction.empty(); }
};

DecimalParts splitDecimal(std::string_view text)
{
    DecimalParts parts;
    if (!text.empty() && text.front() == '-') {
        parts.negative = true;
        text.remove_prefix(1);
    }
    const size_t dot = text.find('.');
    std::string_view integer = text.substr(0, dot);
    std::string_view fraction =
            dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
    while (!integer.empty() && integer.front() == '0')
        integer.remove_prefix(1);
    while (!fraction.empty() && fraction.back() == '0')
        fraction.remove_suffix(1);
    parts.integer = integer;
    parts.fraction = fraction;
    return parts;
}

int sign(int value)
{
    return (value > 0) - (value < 0);
}

// Orders the absolute values. Without leading zeros a longer integer part is the larger one;
// fractions compare digit by digit as if the shorter one were padded with zeros.
int compareMagnitude(const DecimalParts &a, const DecimalParts &b)
{
    if (a.integer.size() != b.integer.size())
        return a.integer.size() < b.integer.size() ? -1 : 1;
    if (const int byInteger = a.integer.compare(b.integer); byInteger != 0)
        return sign(byInteger);
    const size_t length =
            a.fraction.size() > b.fraction.size() ? a.fraction.size() : b.fraction.size();
    for (size_t i = 0; i < length; ++i) {
        const char digitA = i < a.fraction.size() ? a.fraction[i] : '0';
        const char digitB = i < b.fraction.size() ? b.fraction[i] : '0';
        if (digitA != digitB)
            return digitA < digitB ? -1 : 1;
    }
    return 0;
}

} // namespace

bool isDecimal(std::string_view text)
{
    size_t i = 0;
    if (i < text.size() && text[i] == '-')
        ++i;
    const size_t integerStart = i;
    while (i < text.size() && isDigit(text[i]))
        ++i;
    if (i == integerStart)
        return false;
    if (i == text.size())
        return true;
    if (text[i] != '.')
        return false;
    ++i;
    const size_t fractionStart = i;
    while (i < text.size() && isDigit(text[i]))
        ++i;
    return i > fractionStart && i == text.size();
}

int compareDecimal(std::string_view a, std::string_view b)
{
    const DecimalParts partsA = splitDecimal(a);
    const DecimalParts partsB = splitDecimal(b);
    // Zero has no sign: `-0` must equal `0`.
    const bool negativeA = partsA.negative && !partsA.isZero();
    const bool negativeB = partsB.negative && !partsB.isZero();
    if (negativeA != negativeB)
        return negativeA ? -1 : 1;
    const int magnitude = compareMagnitude(partsA, partsB);
    return negativeA ? -magnitude : magnitude;
}

} // namespace iamx
