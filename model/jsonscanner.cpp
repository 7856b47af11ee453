#include "jsonscanner.h"

#include <vector>

namespace iamx::json {
namespace {

bool isWhitespace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// The offset just past the string whose opening quote is at `pos`.
size_t stringEnd(std::string_view text, size_t pos)
{
    for (size_t i = pos + 1; i < text.size(); ++i) {
        if (text[i] == '\\')
            ++i; // the escaped character, whatever it is, does not end the string
        else if (text[i] == '"')
            return i + 1;
    }
    return std::string_view::npos;
}

} // namespace

size_t skipWhitespace(std::string_view text, size_t pos)
{
    while (pos < text.size() && isWhitespace(text[pos]))
        ++pos;
    return pos;
}

size_t valueEnd(std::string_view text, size_t pos)
{
    if (pos >= text.size())
        return std::string_view::npos;
    const char first = text[pos];
    if (first == '"')
        return stringEnd(text, pos);
    if (first != '{' && first != '[') {
        size_t i = pos;
        while (i < text.size() && text[i] != ',' && text[i] != ']' && text[i] != '}'
                && !isWhitespace(text[i]))
            ++i;
        return i == pos ? std::string_view::npos : i;
    }
    // Brackets are matched with an explicit stack: no recursion, so no depth can overflow it.
    std::vector<char> open;
    open.push_back(first);
    size_t i = pos + 1;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '"') {
            i = stringEnd(text, i);
            if (i == std::string_view::npos)
                return i;
            continue;
        }
        if (c == '{' || c == '[') {
            open.push_back(c);
        } else if (c == '}' || c == ']') {
            const char expected = c == '}' ? '{' : '[';
            if (open.back() != expected)
                return std::string_view::npos;
            open.pop_back();
            if (open.empty())
                return i + 1;
        }
        ++i;
    }
    return std::string_view::npos;
}

} // namespace iamx::json
