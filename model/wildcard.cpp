#include "wildcard.h"

namespace iamx {
namespace {

char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Bytes taken by the UTF-8 sequence that starts with `lead`; a stray byte counts as one.
size_t sequenceLength(unsigned char lead)
{
    if (lead < 0xC0)
        return 1;
    if (lead < 0xE0)
        return 2;
    if (lead < 0xF0)
        return 3;
    if (lead < 0xF8)
        return 4;
    return 1;
}

size_t nextCharacter(std::string_view text, size_t at)
{
    const size_t next = at + sequenceLength(static_cast<unsigned char>(text[at]));
    return next < text.size() ? next : text.size();
}

} // namespace

void appendPatternUnits(std::vector<PatternUnit> &units, std::string_view text, WildcardMode mode,
        CaseMode caseMode)
{
    units.reserve(units.size() + text.size());
    for (char c : text) {
        if (mode == WildcardMode::Glob && c == '*')
            units.push_back(AnyRun);
        else if (mode == WildcardMode::Glob && c == '?')
            units.push_back(AnyChar);
        else {
            const char stored = caseMode == CaseMode::AsciiInsensitive ? asciiLower(c) : c;
            units.push_back(static_cast<PatternUnit>(static_cast<unsigned char>(stored)));
        }
    }
}

bool globMatch(std::span<const PatternUnit> pattern, std::string_view text, CaseMode caseMode)
{
    // The classic two-cursor glob: remember the last `*` and where the text stood when it was
    // met; on a mismatch let that `*` swallow one more character and retry. Each `*` only ever
    // moves forward, which bounds the work to O(pattern * text).
    size_t p = 0;
    size_t t = 0;
    size_t starPattern = pattern.size(); // none yet
    size_t starText = 0;
    const bool fold = caseMode == CaseMode::AsciiInsensitive;
    while (t < text.size()) {
        if (p < pattern.size()) {
            const PatternUnit unit = pattern[p];
            if (unit == AnyRun) {
                starPattern = p++;
                starText = t;
                continue;
            }
            if (unit == AnyChar) {
                ++p;
                t = nextCharacter(text, t);
                continue;
            }
            const char c = fold ? asciiLower(text[t]) : text[t];
            if (static_cast<PatternUnit>(static_cast<unsigned char>(c)) == unit) {
                ++p;
                ++t;
                continue;
            }
        }
        if (starPattern == pattern.size())
            return false;
        p = starPattern + 1;
        starText = nextCharacter(text, starText);
        t = starText;
    }
    while (p < pattern.size() && pattern[p] == AnyRun)
        ++p;
    return p == pattern.size();
}

bool isLiteral(std::span<const PatternUnit> pattern)
{
    for (PatternUnit unit : pattern)
        if (unit == AnyRun || unit == AnyChar)
            return false;
    return true;
}

} // namespace iamx
