#pragma once

#include "model/diagnostic.h"
#include "model/policyparser.h"

#include <QPlainTextEdit>
#include <QString>

#include <vector>

class QTimer;

namespace iamx {

class JsonHighlighter;

/// The policy editor (ui.md, "Policy editor"): JSON text with a line-number gutter, the current
/// line highlighted and live validation. 150 ms after the text stops changing it is parsed with
/// parsePolicyText(); each finding is underlined (red for errors, amber for warnings) over its
/// exact range, with its message as the tooltip of that range.
///
/// Extra selections are kept per kind (the current line, the findings) and merged, as Qt
/// Creator does; extraSelections() returns the merged list.
class PolicyEditor : public QPlainTextEdit
{
    Q_OBJECT

public:
    /// What kind of extra selection; the order is the order they are merged in.
    enum class SelectionKind { CurrentLine, Diagnostics, Count };

    explicit PolicyEditor(QWidget *parent = nullptr);
    ~PolicyEditor() override;

    /// How the text is validated: the policy type and, for resource policies, its kind.
    /// Identity by default. Revalidates.
    void setParseOptions(const PolicyParseOptions &options);
    const PolicyParseOptions &parseOptions() const { return m_options; }

    /// The findings of the last validation (empty before the first one).
    const std::vector<Diagnostic> &diagnostics() const { return m_diagnostics; }

    /// Validates now instead of waiting for the timer.
    void validate();

    /// Re-indents the text (two spaces per level) when it is valid JSON, as one undoable
    /// edit; leaves invalid text as it is. False when the text was left alone.
    bool formatDocument();

    /// The width of the line-number gutter, in pixels; it grows with the number of lines.
    int lineNumberAreaWidth() const;

signals:
    /// After each validation, whether or not the findings differ.
    void diagnosticsChanged();

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    friend class LineNumberArea;

    void setExtraSelections(SelectionKind kind, const QList<QTextEdit::ExtraSelection> &list);
    void updateLineNumberAreaWidth();
    void updateLineNumberArea(const QRect &rect, int dy);
    void highlightCurrentLine();
    void paintLineNumbers(QPaintEvent *event);
    /// The message of the findings whose ranges contain document position `position`.
    QString diagnosticsAt(int position) const;

    QWidget *m_lineNumberArea = nullptr;
    JsonHighlighter *m_highlighter = nullptr;
    QTimer *m_validationTimer = nullptr;
    PolicyParseOptions m_options;
    std::vector<Diagnostic> m_diagnostics;
    QList<QTextEdit::ExtraSelection> m_selections[int(SelectionKind::Count)];
};

/// A document cut out of a larger file (a policy in an account export) keeps that file's
/// indentation on every line but the first: the closing line's indentation is taken off the
/// others, so it reads as a text of its own. Other text is returned as it is.
QString dedentedDocument(const QString &text);

} // namespace iamx
