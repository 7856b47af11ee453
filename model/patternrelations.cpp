#include "model/patternrelations.h"

#include "model/validationcontext.h"

#include <string>
#include <vector>

namespace iamx {

namespace {

/// The pattern with each `${...}` replaced by `*`: a variable may stand for any text.
std::string variablesAsWildcards(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{') {
            const size_t close = text.find('}', i);
            if (close != std::string_view::npos) {
                out += '*';
                i = close;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

} // namespace

bool resourcePatternCovers(std::string_view outer, std::string_view inner)
{
    if (outer == "*" || outer == inner)
        return true;
    if (outer.find("${") != std::string_view::npos)
        return false;
    return validation::resourceCovers(outer, variablesAsWildcards(inner));
}

bool resourcePatternsOverlap(std::string_view a, std::string_view b)
{
    const std::string x = variablesAsWildcards(a);
    const std::string y = variablesAsWildcards(b);
    // reachable[i][j]: some text matches both x[i..] and y[j..]; filled from the ends back.
    // A `*` either matches nothing more or takes one more character of the other side (a
    // literal, a `?`, or the text the other side's `*` stands for).
    const size_t n = x.size();
    const size_t m = y.size();
    std::vector<char> reachable((n + 1) * (m + 1), 0);
    const auto at = [&](size_t i, size_t j) -> char & { return reachable[i * (m + 1) + j]; };
    at(n, m) = 1;
    for (size_t i = n + 1; i-- > 0;)
        for (size_t j = m + 1; j-- > 0;) {
            if (i == n && j == m)
                continue;
            bool ok = false;
            if (i < n && x[i] == '*')
                ok = at(i + 1, j) || (j < m && at(i, j + 1));
            if (!ok && j < m && y[j] == '*')
                ok = at(i, j + 1) || (i < n && at(i + 1, j));
            if (!ok && i < n && j < m && x[i] != '*' && y[j] != '*')
                ok = (x[i] == '?' || y[j] == '?' || x[i] == y[j]) && at(i + 1, j + 1);
            at(i, j) = ok ? 1 : 0;
        }
    return at(0, 0) != 0;
}

} // namespace iamx
