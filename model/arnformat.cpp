#include "arnformat.h"

#include "model/arn.h"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace iamx {
namespace {

// One position of a pattern: a literal byte, or a wildcard.
enum class UnitKind : std::uint8_t { Literal, AnyChar, AnyRun, AnyRunWithoutSlash };

struct Unit
{
    UnitKind kind = UnitKind::Literal;
    char byte = 0;
};

char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// `${...}` (and, in formats, `{...}`) at `at`: the length of the variable, or 0.
size_t variableLength(std::string_view text, size_t at, bool bareBraces)
{
    const bool dollar = text.compare(at, 2, "${") == 0;
    if (!dollar && !(bareBraces && text[at] == '{'))
        return 0;
    const size_t close = text.find('}', at);
    return close == std::string_view::npos ? 0 : close - at + 1;
}

// A policy resource pattern: `*` and `?` are wildcards, a policy variable any run.
std::vector<Unit> resourceUnits(std::string_view text, bool foldCase)
{
    std::vector<Unit> units;
    units.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        if (const size_t length = variableLength(text, i, false)) {
            units.push_back({ UnitKind::AnyRun });
            i += length;
            continue;
        }
        if (text[i] == '*')
            units.push_back({ UnitKind::AnyRun });
        else if (text[i] == '?')
            units.push_back({ UnitKind::AnyChar });
        else
            units.push_back({ UnitKind::Literal, foldCase ? asciiLower(text[i]) : text[i] });
        ++i;
    }
    return units;
}

// A catalog ARN format: variables are runs; a few formats also hold a literal `*`.
std::vector<Unit> formatUnits(std::string_view text, bool foldCase)
{
    std::vector<Unit> units;
    units.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        if (const size_t length = variableLength(text, i, true)) {
            // A bucket name never holds a slash: without this `b/*` would fit a bucket.
            const bool bucket = text.substr(i, length) == "${BucketName}";
            units.push_back({ bucket ? UnitKind::AnyRunWithoutSlash : UnitKind::AnyRun });
            i += length;
            continue;
        }
        if (text[i] == '*')
            units.push_back({ UnitKind::AnyRun });
        else
            units.push_back({ UnitKind::Literal, foldCase ? asciiLower(text[i]) : text[i] });
        ++i;
    }
    return units;
}

bool isRun(const Unit &unit)
{
    return unit.kind == UnitKind::AnyRun || unit.kind == UnitKind::AnyRunWithoutSlash;
}

// Whether one character can be consumed by both units at once.
bool compatible(const Unit &a, const Unit &b)
{
    if (a.kind == UnitKind::Literal && b.kind == UnitKind::Literal)
        return a.byte == b.byte;
    if (a.kind == UnitKind::Literal)
        return !(b.kind == UnitKind::AnyRunWithoutSlash && a.byte == '/');
    if (b.kind == UnitKind::Literal)
        return !(a.kind == UnitKind::AnyRunWithoutSlash && b.byte == '/');
    return true; // two wildcards agree on any character but `/`
}

// Whether the languages of two patterns intersect: reachability in their product automaton,
// whose state (i, j) says "the first i units of a and the first j of b are consumed".
bool patternsIntersect(const std::vector<Unit> &a, const std::vector<Unit> &b)
{
    const size_t width = b.size() + 1;
    std::vector<bool> seen((a.size() + 1) * width, false);
    std::vector<std::pair<size_t, size_t>> pending { { 0, 0 } };
    seen[0] = true;
    const auto visit = [&](size_t i, size_t j) {
        if (!seen[i * width + j]) {
            seen[i * width + j] = true;
            pending.emplace_back(i, j);
        }
    };
    while (!pending.empty()) {
        const auto [i, j] = pending.back();
        pending.pop_back();
        if (i == a.size() && j == b.size())
            return true;
        if (i < a.size() && isRun(a[i]))
            visit(i + 1, j); // the run ends here
        if (j < b.size() && isRun(b[j]))
            visit(i, j + 1);
        if (i < a.size() && j < b.size() && compatible(a[i], b[j])) {
            // One character consumed by both: a run stays where it is, anything else moves on.
            const size_t nextI = isRun(a[i]) ? i : i + 1;
            const size_t nextJ = isRun(b[j]) ? j : j + 1;
            if (nextI != i || nextJ != j)
                visit(nextI, nextJ);
        }
    }
    return false;
}

bool segmentsIntersect(std::string_view resource, std::string_view format, bool foldCase)
{
    return patternsIntersect(resourceUnits(resource, foldCase), formatUnits(format, foldCase));
}

// Splits a pattern into its six segments; a short one holding a wildcard is padded with `*`.
std::optional<std::array<std::string_view, 6>> segments(std::string_view text, bool pad)
{
    std::array<std::string_view, 6> parts;
    if (const auto split = splitArnComponents(text)) {
        for (int i = 0; i < 6; ++i)
            parts[static_cast<size_t>(i)] = split->component(i);
        return parts;
    }
    if (!pad || text.find_first_of("*?") == std::string_view::npos)
        return std::nullopt;
    size_t count = 0;
    for (size_t start = 0; count < 6; ++count) {
        const size_t colon = text.find(':', start);
        parts[count] = text.substr(start, colon == std::string_view::npos ? colon : colon - start);
        if (colon == std::string_view::npos) {
            ++count;
            break;
        }
        start = colon + 1;
    }
    for (; count < 6; ++count)
        parts[count] = "*";
    return parts;
}

} // namespace

bool resourceMatchesArnFormat(std::string_view resource, std::string_view format)
{
    if (resource == "*")
        return true;
    const auto resourceParts = segments(resource, true);
    const auto formatParts = segments(format, false);
    if (!resourceParts || !formatParts)
        return false;
    for (size_t i = 0; i < 5; ++i) {
        const std::string_view r = (*resourceParts)[i];
        const std::string_view f = (*formatParts)[i];
        if (r.empty() || f.empty())
            continue; // `arn:aws:s3::*:b` in AWS managed policies; regions of global services
        if (!segmentsIntersect(r, f, true))
            return false;
    }
    return segmentsIntersect((*resourceParts)[5], (*formatParts)[5], false);
}

bool resourcePartMatchesArnFormat(std::string_view resourcePart, std::string_view format)
{
    const auto formatParts = segments(format, false);
    return formatParts && segmentsIntersect(resourcePart, (*formatParts)[5], false);
}

} // namespace iamx
