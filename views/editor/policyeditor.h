#pragma once

#include "model/diagnostic.h"
#include "model/policyparser.h"
#include "model/statementoutcome.h"
#include "views/editor/statementmarks.h"

#include <QPlainTextEdit>
#include <QString>

#include <vector>

class QTimer;

namespace iamx {

class JsonHighlighter;
class PolicyCompleter;

/// The policy editor (ui.md, "Policy editor"): JSON text with a line-number gutter, the current
/// line highlighted, bracket matching, auto-indent and live validation. 150 ms after the text
/// stops changing it is validated with validatePolicy() (for the type setParseOptions() gives);
/// each finding is underlined over its exact range (a red wave for errors, orange for security
/// warnings, amber for warnings, a blue-grey dotted line for suggestions), with its severity,
/// message and code as the tooltip of that range.
///
/// After a simulation, setStatementOutcomes() shows each statement's verdict: a tinted band and
/// a mark (✔ ✖ –) in the gutter, a light background over a statement that granted (green) or
/// denied (red), a green outline around an Allow that was overridden, dimmed text for one that
/// did not apply, and the reason on hover.
///
/// Extra selections are kept per kind and merged, as Qt Creator does; extraSelections() returns
/// the merged list, extraSelections(kind) one kind.
class PolicyEditor : public QPlainTextEdit
{
    Q_OBJECT

public:
    /// What kind of extra selection; the order is the order they are merged (and painted) in.
    enum class SelectionKind { Statements, CurrentLine, BracketMatch, Diagnostics, Count };

    /// The verdict shown over one statement of the text.
    struct StatementMark
    {
        TextRange range; ///< where the statement is in the current text
        StatementVerdict verdict = StatementVerdict::NotApplied;
        QString toolTip; ///< the verdict and why, one line per outcome
    };

    /// The text property carrying an extra selection's verdict (an int of StatementVerdict)
    /// in SelectionKind::Statements.
    static constexpr int VerdictProperty = QTextFormat::UserProperty + 1;

    explicit PolicyEditor(QWidget *parent = nullptr);
    ~PolicyEditor() override;

    /// How the text is validated: the policy type and, for resource policies, its kind.
    /// Identity by default. Revalidates.
    void setParseOptions(const PolicyParseOptions &options);
    /// The resource a resource policy is attached to (ValidationOptions::resourceArn), so that
    /// its actions and resources are checked against that resource's service; empty: none.
    void setResourceArn(const std::string &arn);
    const PolicyParseOptions &parseOptions() const { return m_options; }

    /// The findings of the last validation (empty before the first one).
    const std::vector<Diagnostic> &diagnostics() const { return m_diagnostics; }
    /// Whether the last validation found an error (warnings do not count).
    bool hasErrors() const;

    /// Validates now instead of waiting for the timer.
    void validate();

    /// Re-indents the text (two spaces per level) when it is valid JSON, as one undoable
    /// edit; leaves invalid text as it is. False when the text was left alone.
    bool formatDocument();

    /// Shows a simulation's verdicts over the statements of the current text. `outcomes` are
    /// this document's (the caller filters by DocumentKey); each is placed by its JSON pointer
    /// or statement index, and outcomes that name no statement of the text are skipped. Several
    /// outcomes for one statement (a policy attached twice) show the strongest verdict and
    /// every reason. Replaces what was shown.
    ///
    /// The marks follow edits around them; a mark whose statement is edited is removed, so
    /// a mark never claims a verdict for text the simulation did not see.
    void setStatementOutcomes(const std::vector<StatementOutcome> &outcomes);
    void clearStatementOutcomes();
    /// The verdicts shown, in text order, with their current ranges.
    std::vector<StatementMark> statementMarks() const;

    /// Moves the cursor to the start of statement `index` (0-based, as in the Statement array)
    /// and scrolls it into view. False when the text has no such statement (or is not JSON).
    bool scrollToStatement(int index);
    /// Moves the cursor to 1-based `line` and `column` (columns count code points, as in
    /// diagnostics), clamped to the text, scrolls there and takes the focus.
    void moveToLocation(int line, int column);

    /// The extra selections of one kind.
    QList<QTextEdit::ExtraSelection> extraSelections(SelectionKind kind) const;
    using QPlainTextEdit::extraSelections;

    /// Completion and the hover over action patterns (policycompleter.h).
    PolicyCompleter *completer() const { return m_completer; }

    /// The width of the gutter (verdict marks, line numbers, verdict band), in pixels; it grows
    /// with the number of lines.
    int lineNumberAreaWidth() const;

signals:
    /// After each validation, whether or not the findings differ.
    void diagnosticsChanged();
    /// When the verdicts shown change: set, cleared, or a mark removed by an edit.
    void statementMarksChanged();

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    friend class LineNumberArea;

    /// A mark and what keeps it honest: where the statement starts (a cursor follows edits)
    /// and its text when the verdict was given.
    struct TrackedMark
    {
        QTextCursor start;
        QString text;
        StatementVerdict verdict = StatementVerdict::NotApplied;
        QString toolTip;
    };

    void setExtraSelections(SelectionKind kind, const QList<QTextEdit::ExtraSelection> &list);
    void updateLineNumberAreaWidth();
    void updateLineNumberArea(const QRect &rect, int dy);
    void highlightCurrentLine();
    void matchBrackets();
    void updateStatementSelections();
    /// The cursor a granted or denied statement's tint covers.
    QTextCursor bandCursor(int start, int end) const;
    /// Drops the marks whose statement text changed; called on every change of the text.
    void checkStatementMarks();
    void insertIndentedNewline();
    /// Takes one indentation level off a line that is blank before the cursor.
    void dedentBeforeClosing();
    void paintLineNumbers(QPaintEvent *event);
    void paintOutlines();
    /// The message of the findings whose ranges contain document position `position`.
    QString diagnosticsAt(int position) const;
    /// The verdict tooltip of the statement containing `position`, or of the statement that
    /// covers line `blockNumber` when `position` is -1.
    QString statementToolTipAt(int position, int blockNumber = -1) const;
    QString gutterToolTip(const QPoint &pos) const;

    QWidget *m_lineNumberArea = nullptr;
    JsonHighlighter *m_highlighter = nullptr;
    PolicyCompleter *m_completer = nullptr;
    QTimer *m_validationTimer = nullptr;
    PolicyParseOptions m_options;
    std::string m_resourceArn;
    std::vector<Diagnostic> m_diagnostics;
    std::vector<TrackedMark> m_marks;
    StatementColours m_colours;
    QList<QTextEdit::ExtraSelection> m_selections[int(SelectionKind::Count)];
};

/// A document cut out of a larger file (a policy in an account export) keeps that file's
/// indentation on every line but the first: the closing line's indentation is taken off the
/// others, so it reads as a text of its own. Other text is returned as it is.
QString dedentedDocument(const QString &text);

} // namespace iamx
