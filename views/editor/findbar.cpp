#include "findbar.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStyle>
#include <QTextBlock>
#include <QToolButton>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace iamx {

FindBar::FindBar(QPlainTextEdit *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_edit(new QLineEdit(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_status(new QLabel(this))
    , m_close(new QToolButton(this))
{
    setObjectName(u"findBar"_s);
    setAccessibleName(tr("Find"));

    m_edit->setObjectName(u"findEdit"_s);
    m_edit->setAccessibleName(tr("Text to find"));
    m_edit->setPlaceholderText(tr("Find"));
    m_edit->setClearButtonEnabled(true);
    m_edit->installEventFilter(this);

    m_previous->setObjectName(u"findPreviousButton"_s);
    m_previous->setAccessibleName(tr("Find previous"));
    m_previous->setText(tr("Previous"));
    m_previous->setToolTip(tr("Find previous (Shift+Enter)"));
    m_previous->setIcon(style()->standardIcon(QStyle::SP_ArrowUp));
    m_next->setObjectName(u"findNextButton"_s);
    m_next->setAccessibleName(tr("Find next"));
    m_next->setText(tr("Next"));
    m_next->setToolTip(tr("Find next (Enter)"));
    m_next->setIcon(style()->standardIcon(QStyle::SP_ArrowDown));
    m_status->setObjectName(u"findStatus"_s);
    // Room for the longest status, so that the bar does not jump while typing.
    m_status->setMinimumWidth(std::max(fontMetrics().horizontalAdvance(tr("No matches")),
            fontMetrics().horizontalAdvance(tr("%1 of %2").arg(999).arg(999))));
    m_close->setObjectName(u"findCloseButton"_s);
    m_close->setAccessibleName(tr("Close Find"));
    m_close->setToolTip(tr("Close (Escape)"));
    m_close->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    m_close->setAutoRaise(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(m_status);
    layout->addWidget(m_close);
    setFocusProxy(m_edit);

    connect(m_previous, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(m_next, &QToolButton::clicked, this, &FindBar::findNext);
    connect(m_close, &QToolButton::clicked, this, &FindBar::closeFind);
    // Search as you type, from where the current match starts, so that typing extends it.
    connect(m_edit, &QLineEdit::textEdited, this, [this] { find(false, true); });
    hide();
}

void FindBar::openFind()
{
    const QString selected = m_editor->textCursor().selectedText();
    // A selection over several lines holds U+2029 separators: not a useful text to find.
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
        m_edit->setText(selected);
    show();
    m_edit->selectAll();
    m_edit->setFocus(Qt::ShortcutFocusReason);
    updateStatus();
}

void FindBar::closeFind()
{
    hide();
    m_editor->setFocus(Qt::OtherFocusReason);
}

bool FindBar::findNext()
{
    return find(false);
}

bool FindBar::findPrevious()
{
    return find(true);
}

QString FindBar::text() const
{
    return m_edit->text();
}

QString FindBar::status() const
{
    return m_status->text();
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            find(key->modifiers().testFlag(Qt::ShiftModifier));
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            closeFind();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

bool FindBar::find(bool backward, bool fromSelectionStart)
{
    const QString needle = m_edit->text();
    if (needle.isEmpty()) {
        updateStatus();
        return false;
    }
    QTextDocument *document = m_editor->document();
    const QTextDocument::FindFlags flags =
            backward ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    QTextCursor from = m_editor->textCursor();
    if (fromSelectionStart)
        from.setPosition(from.selectionStart());
    QTextCursor found = document->find(needle, from, flags);
    if (found.isNull()) {
        // Wrap around: from the start (or the end) of the text.
        QTextCursor edge(document);
        if (backward)
            edge.movePosition(QTextCursor::End);
        found = document->find(needle, edge, flags);
    }
    if (!found.isNull()) {
        m_editor->setTextCursor(found);
        m_editor->ensureCursorVisible();
    }
    updateStatus();
    return !found.isNull();
}

void FindBar::updateStatus()
{
    const QString needle = m_edit->text();
    if (needle.isEmpty()) {
        m_status->clear();
        return;
    }
    const QString text = m_editor->toPlainText();
    const QTextCursor cursor = m_editor->textCursor();
    qsizetype total = 0;
    qsizetype current = 0;
    for (qsizetype at = text.indexOf(needle, 0, Qt::CaseInsensitive); at >= 0;
            at = text.indexOf(needle, at + needle.size(), Qt::CaseInsensitive)) {
        ++total;
        if (at == cursor.selectionStart() && cursor.hasSelection())
            current = total;
    }
    if (total == 0)
        m_status->setText(tr("No matches"));
    else if (current == 0)
        m_status->setText(total == 1 ? tr("1 match") : tr("%1 matches").arg(total));
    else
        m_status->setText(tr("%1 of %2").arg(current).arg(total));
}

} // namespace iamx
