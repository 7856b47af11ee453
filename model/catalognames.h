#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>

// Name comparisons shared by the action catalog's parser and its lookups (actioncatalog*.cpp):
// the catalog's names are ASCII identifiers compared as IAM does, ignoring case.

namespace iamx::catalognames {

inline char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Orders names as the catalog file sorts them: ASCII case ignored.
inline int compareIgnoringCase(std::string_view a, std::string_view b)
{
    const size_t common = std::min(a.size(), b.size());
    for (size_t i = 0; i < common; ++i) {
        const char x = asciiLower(a[i]);
        const char y = asciiLower(b[i]);
        if (x != y)
            return static_cast<unsigned char>(x) < static_cast<unsigned char>(y) ? -1 : 1;
    }
    return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
}

inline bool lessIgnoringCase(std::string_view a, std::string_view b)
{
    return compareIgnoringCase(a, b) < 0;
}

// A key template's variable part at `at` (`${TagKey}`, `<key>`): its length, or 0.
inline size_t keyVariableLength(std::string_view name, size_t at)
{
    char close = 0;
    if (name.compare(at, 2, "${") == 0)
        close = '}';
    else if (name[at] == '<')
        close = '>';
    if (!close)
        return 0;
    const size_t end = name.find(close, at);
    return end == std::string_view::npos ? 0 : end - at + 1;
}

} // namespace iamx::catalognames
