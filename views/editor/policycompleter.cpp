#include "policycompleter.h"

#include "views/editor/completionmodel.h"
#include "views/qtconvert.h"

#include <QApplication>
#include <QKeyEvent>
#include <QListView>
#include <QPainter>
#include <QPlainTextEdit>
#include <QScreen>
#include <QStyledItemDelegate>

using namespace Qt::StringLiterals;

namespace iamx {
namespace {

constexpr int visibleRows = 10;

/// A row of the popup: the candidate, then its detail and description, muted and elided. The
/// names form a column as wide as the longest one shown (setNameWidth()).
class CandidateDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void setNameWidth(int width) { m_nameWidth = width; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
            const QModelIndex &index) const override
    {
        QStyleOptionViewItem item = option;
        initStyleOption(&item, index);
        const QString text = item.text;
        item.text.clear();
        QStyle *style = item.widget ? item.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &item, painter, item.widget);

        const bool selected = option.state & QStyle::State_Selected;
        const QPalette::ColorRole textRole = selected ? QPalette::HighlightedText : QPalette::Text;
        const QRect rect = option.rect.adjusted(margin, 0, -margin, 0);
        painter->save();
        painter->setFont(item.font);
        const QFontMetrics metrics = painter->fontMetrics();
        const int nameWidth = std::min(m_nameWidth, rect.width() * 3 / 5);
        painter->setPen(option.palette.color(textRole));
        painter->drawText(QRect(rect.left(), rect.top(), nameWidth, rect.height()),
                Qt::AlignVCenter | Qt::AlignLeft,
                metrics.elidedText(text, Qt::ElideRight, nameWidth));
        QString detail = index.data(CompletionModel::DetailRole).toString();
        const QString description = index.data(Qt::ToolTipRole).toString();
        if (!description.isEmpty())
            detail += (detail.isEmpty() ? u""_s : u" · "_s) + description;
        QColor muted = option.palette.color(textRole);
        muted.setAlphaF(selected ? 0.8f : 0.6f);
        painter->setPen(muted);
        const QRect rest(rect.left() + nameWidth + 3 * margin, rect.top(),
                rect.width() - nameWidth - 3 * margin, rect.height());
        painter->drawText(rest, Qt::AlignVCenter | Qt::AlignLeft,
                metrics.elidedText(detail, Qt::ElideRight, rest.width()));
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setHeight(QFontMetrics(option.font).height() + 4);
        return size;
    }

private:
    static constexpr int margin = 4;
    int m_nameWidth = 200;
};

bool isKeyContext(CompletionContext context)
{
    switch (context) {
    case CompletionContext::TopLevelKey:
    case CompletionContext::StatementKey:
    case CompletionContext::PrincipalKey:
    case CompletionContext::ConditionOperator:
    case CompletionContext::ConditionKey:
        return true;
    default:
        return false;
    }
}

/// The document position of byte `offset` of `utf8`.
int positionOf(const std::string &utf8, size_t offset)
{
    return utf16Length(std::string_view(utf8).substr(0, std::min(offset, utf8.size())));
}

/// The byte offset in the UTF-8 text of document position `position` of `text`.
size_t byteOffsetOf(const QString &text, int position)
{
    return size_t(QStringView(text).left(position).toUtf8().size());
}

} // namespace

PolicyCompleter::PolicyCompleter(QPlainTextEdit *editor)
    : QObject(editor)
    , m_editor(editor)
    , m_model(new CompletionModel(this))
    , m_popup(new QListView)
    , m_delegate(new CandidateDelegate(m_popup))
{
    setObjectName(u"policyCompleter"_s);
    // A tool window that never takes the focus: the editor keeps the keys and passes on those
    // that move in the list.
    m_popup->setParent(editor, Qt::ToolTip | Qt::FramelessWindowHint);
    m_popup->setAttribute(Qt::WA_ShowWithoutActivating);
    m_popup->setFocusPolicy(Qt::NoFocus);
    m_popup->setObjectName(u"completionPopup"_s);
    m_popup->setAccessibleName(tr("Completions"));
    m_popup->setModel(m_model);
    m_popup->setItemDelegate(m_delegate);
    m_popup->setUniformItemSizes(true);
    m_popup->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_popup->setSelectionMode(QAbstractItemView::SingleSelection);
    m_popup->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_popup->hide();
    connect(m_popup, &QListView::clicked, this, [this](const QModelIndex &index) {
        m_popup->setCurrentIndex(index);
        acceptCurrent();
    });
    connect(m_editor, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        if (!m_busy && isPopupVisible())
            refresh();
    });
    m_editor->installEventFilter(this);
}

PolicyCompleter::~PolicyCompleter() = default;

bool PolicyCompleter::isPopupVisible() const
{
    return m_popup->isVisible();
}

void PolicyCompleter::hidePopup()
{
    m_popup->hide();
}

bool PolicyCompleter::complete()
{
    refresh();
    if (m_model->rowCount() == 0)
        return false;
    showPopup();
    return true;
}

void PolicyCompleter::setAccountContext(std::shared_ptr<const CompletionAccountContext> context)
{
    setAccountContextSource(
            context ? AccountContextSource([context] { return context; }) : AccountContextSource());
}

void PolicyCompleter::setAccountContextSource(AccountContextSource source)
{
    m_accountContextSource = std::move(source);
    if (isPopupVisible())
        refresh();
}

void PolicyCompleter::refresh()
{
    const QString text = m_editor->toPlainText();
    const std::string utf8 = toStdString(text);
    m_site = completionSiteAt(utf8, byteOffsetOf(text, m_editor->textCursor().position()));
    m_startPosition = positionOf(utf8, m_site.replaceStart);
    const auto account = m_accountContextSource ? m_accountContextSource() : nullptr;
    m_model->setCandidates(
            completionCandidates(m_site, ActionCatalog::instance(), 500, account.get()));
    if (m_model->rowCount() == 0) {
        hidePopup();
        return;
    }
    m_popup->setCurrentIndex(m_model->index(0));
}

void PolicyCompleter::showPopup()
{
    const QFontMetrics metrics(m_editor->font());
    m_popup->setFont(m_editor->font());
    const int rowHeight = metrics.height() + 4;
    const int rows = std::min(visibleRows, m_model->rowCount());
    const int frame = 2 * m_popup->frameWidth();
    int nameWidth = 0;
    for (const CompletionCandidate &candidate : m_model->candidates())
        nameWidth = std::max(nameWidth, metrics.horizontalAdvance(toQString(candidate.text)) + 1);
    static_cast<CandidateDelegate *>(m_delegate)->setNameWidth(nameWidth);
    // Room for the names and a good part of the descriptions, the names under what is typed.
    int width =
            std::max(metrics.averageCharWidth() * 72, nameWidth + metrics.averageCharWidth() * 60);
    QTextCursor start(m_editor->document());
    start.setPosition(std::min(m_startPosition, m_editor->document()->characterCount() - 1));
    QPoint at = m_editor->viewport()->mapToGlobal(m_editor->cursorRect(start).bottomLeft());
    at.rx() -= frame / 2 + 4;
    if (const QScreen *screen = m_editor->screen()) {
        const QRect available = screen->availableGeometry();
        width = std::min(width, available.width());
        at.setX(std::clamp(at.x(), available.left(), available.right() - width));
    }
    m_popup->setGeometry(at.x(), at.y() + 2, width, rows * rowHeight + frame);
    m_popup->show();
    m_popup->raise();
    m_popup->scrollTo(m_popup->currentIndex());
}

bool PolicyCompleter::acceptCurrent()
{
    const QModelIndex current = m_popup->currentIndex();
    if (!isPopupVisible() || !current.isValid())
        return false;
    const CompletionCandidate candidate = m_model->candidates()[size_t(current.row())];
    hidePopup();
    insert(candidate);
    if (candidate.kind == CandidateKind::Service)
        complete(); // on to the service's actions
    return true;
}

void PolicyCompleter::insert(const CompletionCandidate &candidate)
{
    const QString text = m_editor->toPlainText();
    const std::string utf8 = toStdString(text);
    const int start = positionOf(utf8, m_site.replaceStart);
    const int end = positionOf(utf8, m_site.replaceEnd);
    const QString value = toQString(candidate.text);
    const bool keepInside = candidate.kind == CandidateKind::Service;
    // A variable goes into the string being typed: its quotes are the string's business.
    const bool inString = m_site.context == CompletionContext::PolicyVariable;

    m_busy = true;
    QTextCursor cursor(m_editor->document());
    cursor.beginEditBlock();
    cursor.setPosition(start);
    cursor.setPosition(end, QTextCursor::KeepAnchor);
    const int valueStart = start + (m_site.quoted || inString ? 0 : 1);
    if (inString) {
        cursor.insertText(value);
    } else if (m_site.quoted) {
        cursor.insertText(value);
        if (m_site.closed)
            cursor.movePosition(QTextCursor::NextCharacter);
        else
            cursor.insertText(u"\""_s);
    } else {
        cursor.insertText(u'"' + value + u'"');
    }
    if (isKeyContext(m_site.context)) {
        const QString after = m_editor->toPlainText().mid(cursor.position()).trimmed();
        if (!after.startsWith(u':'))
            cursor.insertText(u": "_s);
    }
    cursor.endEditBlock();

    // Where the typing goes on: in the string for a service, over the first variable of a
    // template or the tag key of a variable, else after what was inserted.
    qsizetype selectFrom = -1;
    qsizetype selectTo = -1;
    if (candidate.kind == CandidateKind::Variable) {
        if (const qsizetype slash = value.indexOf(u'/'); slash > 0) {
            selectFrom = slash + 1;
            selectTo = value.size() - 1; // before the `}`
        }
    } else if (const qsizetype variable = value.indexOf(u"${"_s); variable >= 0) {
        if (const qsizetype variableEnd = value.indexOf(u'}', variable); variableEnd > 0) {
            selectFrom = variable;
            selectTo = variableEnd + 1;
        }
    }
    if (keepInside) {
        cursor.setPosition(valueStart + int(value.size()));
    } else if (selectFrom >= 0) {
        cursor.setPosition(valueStart + int(selectFrom));
        cursor.setPosition(valueStart + int(selectTo), QTextCursor::KeepAnchor);
    }
    m_editor->setTextCursor(cursor);
    m_busy = false;
}

QString PolicyCompleter::toolTipAt(int position) const
{
    const QString text = m_editor->toPlainText();
    return toQString(actionPatternTextAt(toStdString(text), byteOffsetOf(text, position)));
}

bool PolicyCompleter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor) {
        if (event->type() == QEvent::KeyPress)
            return handleKey(static_cast<QKeyEvent *>(event));
        if (event->type() == QEvent::FocusOut)
            hidePopup();
    }
    return QObject::eventFilter(watched, event);
}

bool PolicyCompleter::handleKey(QKeyEvent *event)
{
    const auto modifiers = event->modifiers() & ~Qt::KeypadModifier;
    if (event->key() == Qt::Key_Space && modifiers == Qt::ControlModifier) {
        complete();
        return true;
    }
    const bool visible = isPopupVisible();
    if (visible && modifiers == Qt::NoModifier) {
        switch (event->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown: {
            const int step = (event->key() == Qt::Key_PageUp || event->key() == Qt::Key_PageDown)
                    ? visibleRows - 1
                    : 1;
            const int direction =
                    (event->key() == Qt::Key_Up || event->key() == Qt::Key_PageUp) ? -1 : 1;
            const int row = std::clamp(
                    m_popup->currentIndex().row() + direction * step, 0, m_model->rowCount() - 1);
            m_popup->setCurrentIndex(m_model->index(row));
            return true;
        }
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_Tab:
            return acceptCurrent();
        case Qt::Key_Escape:
            hidePopup();
            return true;
        default:
            break;
        }
    }
    const bool quote = event->text() == u"\""_s;
    const bool brace = event->text() == u"{"_s;
    if (!visible && !quote && !brace)
        return false;
    // Let the editor take the key first, then follow the text it leaves.
    m_busy = true;
    static_cast<QObject *>(m_editor)->event(event);
    m_busy = false;
    refresh();
    const bool opens = (quote && m_site.quoted && m_site.prefix.empty())
            || (brace && m_site.context == CompletionContext::PolicyVariable
                    && m_site.prefix == "${");
    if (m_model->rowCount() > 0 && (visible || opens))
        showPopup(); // fits the popup to the rows left
    return true;
}

} // namespace iamx
