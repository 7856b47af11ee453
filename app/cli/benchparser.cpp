#include "app/cli/benchparser.h"

#include "app/cli/arguments.h"
#include "model/policyparser.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>

namespace iamx::cli {
namespace {

/// A document made of one item repeated: `#` in the item becomes its number.
struct Shape
{
    const char *name;
    std::string_view head;
    std::string_view item;
    std::string_view separator;
    std::string_view tail;
    size_t bytes; ///< n
};

// The shapes where a careless reader goes quadratic: many statements, Sids compared with each
// other, long lists on one line, a warning per entry (on one line or many), many keys.
constexpr Shape shapes[] = {
    { "statements", R"({"Version":"2012-10-17","Statement":[)",
            R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"*"})", ",", "]}", 256'000 },
    { "statements with distinct Sids", R"({"Version":"2012-10-17","Statement":[)",
            R"({"Sid":"S#","Effect":"Allow","Action":"s3:GetObject","Resource":"*"})", ",", "]}",
            256'000 },
    { "resources on one line",
            R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":[)",
            R"("arn:aws:s3:::bucket/key-#")", ",", "]}}", 128'000 },
    { "warnings, one a line",
            "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:"
            "GetObject\",\"Resource\":[\n",
            R"("bad-#")", ",\n", "]}}", 64'000 },
    { "warnings on one line",
            R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":[)",
            R"("bad-#")", ",", "]}}", 64'000 },
    { "condition keys",
            R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{)",
            R"("k:#":"v")", ",", "}}}}", 32'000 },
};

std::string build(const Shape &shape, size_t bytes)
{
    std::string text(shape.head);
    for (size_t i = 0; text.size() < bytes; ++i) {
        if (i > 0)
            text += shape.separator;
        std::string item(shape.item);
        if (const size_t at = item.find('#'); at != std::string::npos)
            item.replace(at, 1, std::to_string(i));
        text += item;
    }
    return text + std::string(shape.tail);
}

/// The fastest of `runs` parses, in seconds: the least disturbed by other work.
double fastest(const std::string &text, int runs)
{
    PolicyParseOptions options;
    options.name = "bench";
    double best = -1;
    for (int r = 0; r < runs; ++r) {
        const auto start = std::chrono::steady_clock::now();
        const auto parsed = parsePolicyText(text, options, "bench.json");
        const double took =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (!parsed.value)
            return -1;
        best = best < 0 ? took : std::min(best, took);
    }
    return best;
}

} // namespace

int benchParser(std::ostream &out)
{
    double worst = 0;
    char line[200];
    for (const Shape &shape : shapes) {
        const double small = fastest(build(shape, shape.bytes), 5);
        const double large = fastest(build(shape, shape.bytes * 8), 3);
        if (small <= 0 || large <= 0) {
            out << shape.name << ": does not parse\n";
            return ExitFailure;
        }
        const double ratio = large / small;
        worst = std::max(worst, ratio);
        std::snprintf(line, sizeof line,
                "%s: 8x the input (%zu bytes) took %.1fx the time (%.2f ms -> %.2f ms)\n",
                shape.name, shape.bytes * 8, ratio, small * 1000, large * 1000);
        out << line;
    }
    std::snprintf(line, sizeof line, "worst ratio: %.1f (linear: about 8; quadratic: 64)\n", worst);
    out << line;
    return ExitOk;
}

} // namespace iamx::cli
