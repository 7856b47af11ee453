#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace iamx {

/// The editor's Find bar (ui.md, "Policy editor"; Ctrl+F), as IDEs have it below the text:
/// typing searches as you type from the cursor, Enter finds the next match and Shift+Enter the
/// previous one (both wrap around), Escape closes the bar and gives the focus back to the
/// editor. Case-insensitive. objectName `findBar`; children `findEdit`, `findPreviousButton`,
/// `findNextButton`, `findStatus`, `findCloseButton`.
class FindBar : public QWidget
{
    Q_OBJECT

public:
    /// A bar searching `editor` (which must outlive it); hidden until openFind().
    explicit FindBar(QPlainTextEdit *editor, QWidget *parent = nullptr);

    /// Shows the bar with the editor's selection (when on one line) as the text to find,
    /// selected, and the focus in it.
    void openFind();
    /// Hides the bar and gives the focus back to the editor.
    void closeFind();

    /// Selects the next (previous) match in the editor, wrapping around. False when there is
    /// none (or nothing to find).
    bool findNext();
    bool findPrevious();

    /// The text to find.
    QString text() const;
    /// "2 of 5", "No matches" or empty (nothing to find).
    QString status() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool find(bool backward, bool fromSelectionStart = false);
    void updateStatus();

    QPlainTextEdit *m_editor;
    QLineEdit *m_edit = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    QLabel *m_status = nullptr;
    QToolButton *m_close = nullptr;
};

} // namespace iamx
