#pragma once

#include "model/policycompletion.h"
#include "model/policyparser.h"
#include "model/statementoutcome.h"

#include <QString>
#include <QWidget>

#include <functional>
#include <memory>
#include <vector>

class QAction;
class QLabel;
class QToolButton;

namespace iamx {

class FindBar;
class PolicyEditor;

/// A policy's editor tab (ui.md, "Policy editor"): a bar with the document's title and Format,
/// Revert and Apply, the editor, and the Find bar below it.
///
/// The page edits a copy: setDocument() gives it the account's text (the baseline), typing
/// changes only the editor, isModified() says whether the text differs from the baseline, and
/// Apply asks, through applyRequested(), for the text to be committed; once the document has
/// taken it the owner calls markApplied(). An invalid policy cannot be applied. AWS managed
/// policies are read-only (AWS does not let anyone edit them).
///
/// objectName `policyPage`; children `policyTitle`, `readOnlyNote`, `formatButton`,
/// `revertButton`, `applyButton`, `policyEditor`, `findBar`; actions `applyAction`
/// (Ctrl+Enter), `revertAction`, `formatAction` (Ctrl+Shift+I) and `findAction` (Ctrl+F),
/// active while the focus is in the page.
class PolicyPage : public QWidget
{
    Q_OBJECT

public:
    explicit PolicyPage(QWidget *parent = nullptr);
    ~PolicyPage() override;

    /// Shows `text` as the document named `documentKeyText` (see documentKeyText()), titled
    /// `title`, validated with `options`. The text becomes the baseline: the page is not
    /// modified, the editor's undo history and the statement highlighting are cleared. A
    /// managed policy of AWS (`arn:aws:iam::aws:policy/…`) is shown read-only.
    void setDocument(const QString &documentKeyText, const QString &title, const QString &text,
            const PolicyParseOptions &options);

    QString documentKeyText() const { return m_documentKey; }
    QString title() const { return m_title; }
    /// The text in the editor.
    QString text() const;

    /// Whether the text differs from the baseline.
    bool isModified() const { return m_modified; }
    /// Whether Apply is possible: modified, editable and without errors.
    bool canApply() const;

    /// Read-only pages cannot be edited, formatted, reverted or applied; `note` says why
    /// (shown in the bar; empty hides it).
    void setReadOnly(bool readOnly, const QString &note = {});
    bool isReadOnly() const { return m_readOnly; }

    /// Validates now and, when the text can be applied, emits applyRequested(). False when it
    /// cannot (not modified, read-only or invalid).
    bool apply();
    /// Makes the current text the baseline (after the document took it).
    void markApplied();
    /// Puts the baseline back, as one step of the editor's undo.
    void revert();
    /// Re-indents the text (PolicyEditor::formatDocument()). False when it is not JSON.
    bool format();

    /// Shows the verdicts of a simulation: `outcomes` may cover every document; those of this
    /// page's document are shown. Nothing is shown while the page is modified: the simulation
    /// saw the baseline, not the text being edited.
    void setStatementOutcomes(const std::vector<StatementOutcome> &outcomes);
    void clearStatementOutcomes();

    /// What completion offers from the account open in the window (its principals,
    /// providers and resources), asked for each time completion runs; see
    /// PolicyCompleter::setAccountContextSource().
    void setCompletionAccountSource(
            std::function<std::shared_ptr<const CompletionAccountContext>()> source);

    /// See PolicyEditor::scrollToStatement() and PolicyEditor::moveToLocation().
    bool scrollToStatement(int index);
    void moveToLocation(int line, int column);

    PolicyEditor *editor() const { return m_editor; }
    FindBar *findBar() const { return m_findBar; }
    QAction *applyAction() const { return m_applyAction; }
    QAction *revertAction() const { return m_revertAction; }
    QAction *formatAction() const { return m_formatAction; }
    QAction *findAction() const { return m_findAction; }

signals:
    /// When isModified() changes: the tab shows a dot while it is true.
    void modifiedChanged(bool modified);
    /// Apply: `text` is to become the document named `documentKeyText`.
    void applyRequested(const QString &documentKeyText, const QString &text);
    /// After each validation of the text (PolicyEditor::diagnostics() has the findings).
    void diagnosticsChanged();

private:
    void updateModified();
    void updateActions();

    QString m_documentKey;
    QString m_title;
    QString m_baseline;
    bool m_modified = false;
    bool m_readOnly = false;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_readOnlyNote = nullptr;
    PolicyEditor *m_editor = nullptr;
    FindBar *m_findBar = nullptr;
    QAction *m_applyAction = nullptr;
    QAction *m_revertAction = nullptr;
    QAction *m_formatAction = nullptr;
    QAction *m_findAction = nullptr;
};

} // namespace iamx
