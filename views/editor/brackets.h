#pragma once

#include <QStringView>

#include <optional>

// Bracket matching for the policy editor (ui.md, "Policy editor"): which bracket the cursor is
// at and where its partner is. Brackets inside JSON strings do not count.

namespace iamx {

/// A bracket next to the cursor and its partner.
struct BracketMatch
{
    int bracket = 0; ///< position of the bracket next to the cursor
    int partner = -1; ///< position of its partner; -1 when it has none (unbalanced text)
};

/// The bracket at `cursor` (the character after it) or, failing that, just before it, with its
/// partner in `text`. nullopt when neither is a `{`, `}`, `[` or `]` outside a string.
/// A string ends at its closing quote or at the end of its line, as the highlighter has it.
std::optional<BracketMatch> matchBracket(QStringView text, int cursor);

} // namespace iamx
