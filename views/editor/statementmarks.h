#pragma once

#include "model/statementoutcome.h"

#include <QColor>
#include <QString>

#include <optional>
#include <vector>

class QPalette;

// What the policy editor needs to show a simulation's verdicts over the statements of its text
// (ui.md, "Statement highlighting"): where each statement is, how a verdict looks and reads.

namespace iamx {

/// A range of the editor's text in document positions (UTF-16 code units).
struct TextRange
{
    int start = 0;
    int end = 0; ///< one past the last character

    bool operator==(const TextRange &) const = default;
};

/// The range of every statement of the policy `text`, in order: the elements of a `Statement`
/// array, or the one object of a single-object `Statement`. Empty when `text` is not JSON or
/// has no statements.
std::vector<TextRange> statementRanges(const QString &text);

/// The range of the statement an outcome names in `text`: found by its JSON pointer, or by its
/// index when the pointer is empty or names nothing. nullopt when there is no such statement.
std::optional<TextRange> statementRange(const QString &text, const StatementOutcome &outcome);

/// How the verdicts look, derived from a palette so that they read on light and dark bases.
struct StatementColours
{
    QColor granted; ///< the strong green of the gutter band, the mark and the outline
    QColor denied; ///< the strong red
    QColor notApplied; ///< the neutral band and mark of statements that did not apply
    QColor grantedBackground; ///< the light tint over a granted statement
    QColor deniedBackground; ///< the light tint over a denied statement
    QColor dimmedText; ///< the text of statements that did not apply

    /// The band and mark colour of `verdict`.
    QColor strong(StatementVerdict verdict) const;
};

/// The colours for `palette` (its Base and Text decide light or dark).
StatementColours statementColours(const QPalette &palette);

/// The gutter mark of a verdict: ✔ granted and overridden, ✖ denied, – not applied.
QString verdictMark(StatementVerdict verdict);

/// A verdict in words, for tooltips: "Allowed", "Denied", "Overridden", "Did not apply".
QString verdictText(StatementVerdict verdict);

/// Which of several verdicts for one statement is shown: Denied, then Granted, then
/// Overridden, then NotApplied.
int verdictPriority(StatementVerdict verdict);

} // namespace iamx
