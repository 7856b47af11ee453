#include "brackets.h"

#include <algorithm>
#include <iterator>
#include <vector>

namespace iamx {

namespace {

bool isOpening(QChar c)
{
    return c == u'{' || c == u'[';
}

bool isClosing(QChar c)
{
    return c == u'}' || c == u']';
}

QChar partnerOf(QChar opening)
{
    return opening == u'{' ? u'}' : u']';
}

/// For each character of `text`, the position of its partner bracket; -1 for characters that
/// are not structural brackets or have no partner, -2 for brackets inside strings.
std::vector<int> partners(QStringView text)
{
    std::vector<int> result(size_t(text.size()), -1);
    std::vector<int> open;
    bool inString = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inString) {
            if (c == u'\\')
                ++i; // the escaped character cannot end the string
            else if (c == u'"' || c == u'\n')
                inString = false;
            else if (isOpening(c) || isClosing(c))
                result[size_t(i)] = -2;
            continue;
        }
        if (c == u'"') {
            inString = true;
        } else if (isOpening(c)) {
            open.push_back(int(i));
        } else if (isClosing(c)) {
            // Pairs with the nearest opener of its kind: openers of the other kind in between
            // are strays and stay unmatched. A closer with no such opener is a stray itself.
            const auto opener = std::find_if(open.rbegin(), open.rend(),
                    [&](int at) { return partnerOf(text.at(at)) == c; });
            if (opener != open.rend()) {
                result[size_t(i)] = *opener;
                result[size_t(*opener)] = int(i);
                open.erase(std::prev(opener.base()), open.end());
            }
        }
    }
    return result;
}

} // namespace

std::optional<BracketMatch> matchBracket(QStringView text, int cursor)
{
    const auto isBracket = [&](int at) {
        return at >= 0 && at < text.size() && (isOpening(text.at(at)) || isClosing(text.at(at)));
    };
    const bool after = isBracket(cursor);
    const bool before = isBracket(cursor - 1);
    if (!after && !before)
        return std::nullopt;
    const std::vector<int> partner = partners(text);
    for (const int at : { cursor, cursor - 1 }) {
        if (isBracket(at) && partner[size_t(at)] != -2)
            return BracketMatch { at, partner[size_t(at)] };
    }
    return std::nullopt;
}

} // namespace iamx
