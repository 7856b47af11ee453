#pragma once

#include "wildcard.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// A policy value that may hold policy variables (iam-evaluation.md §8): `${aws:username}`,
// `${aws:PrincipalTag/team, 'default'}` and the escapes `${*}`, `${?}`, `${$}`. Compiled once;
// at evaluation the variables are filled in from the request context into caller-owned
// scratch storage, so the hot path allocates nothing once that storage has grown.

namespace iamx {

class RequestContext;

/// A problem met while compiling a template: what, and the byte offset within the text.
struct TemplateProblem
{
    std::string code;
    std::string message;
    size_t offset = 0;
};

class ValueTemplate
{
public:
    ValueTemplate() = default;

    /// Compiles `text`. With `variablesEnabled` false (a 2008 or version-less policy) `${...}`
    /// is plain text. In Glob mode `*` and `?` written in the policy are wildcards; a
    /// substituted value and the escapes are always literal.
    static ValueTemplate compile(std::string_view text, bool variablesEnabled, WildcardMode mode,
            std::vector<TemplateProblem> *problems = nullptr);

    bool hasVariables() const { return m_hasVariables; }
    /// The units to glob with when there are no variables.
    const std::vector<PatternUnit> &units() const { return m_units; }
    /// The literal text (escapes resolved) when there are no variables.
    const std::string &literal() const { return m_literal; }

    /// Fills in the variables as glob units into `out` (cleared first). False when a variable
    /// cannot be resolved: absent without a default, or multi-valued.
    bool resolveUnits(const RequestContext &context, std::vector<PatternUnit> &out) const;
    /// Fills in the variables as literal text into `out` (cleared first); false as above.
    bool resolveText(const RequestContext &context, std::string &out) const;

private:
    struct Piece
    {
        std::string text; ///< Text pieces: the policy's text (escapes already resolved)
        bool isGlob = false; ///< Text pieces: whether `*`/`?` in `text` are wildcards
        bool isVariable = false;
        std::string lowerKey; ///< Variable pieces: the key, lowercased
        std::optional<std::string> defaultValue;
    };
    const std::string *lookup(const Piece &piece, const RequestContext &context) const;

    bool m_hasVariables = false;
    WildcardMode m_mode = WildcardMode::Literal;
    std::vector<PatternUnit> m_units;
    std::string m_literal;
    std::vector<Piece> m_pieces;
};

/// Splits `text` at `separator`, ignoring separators inside `${...}`, into at most `maxParts`
/// parts (the last keeps the rest). Used to split ARN patterns that hold `${aws:...}`.
std::vector<std::string_view> splitOutsideVariables(
        std::string_view text, char separator, size_t maxParts);

} // namespace iamx
