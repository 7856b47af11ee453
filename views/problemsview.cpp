#include "problemsview.h"

#include "views/models/diagnosticsmodel.h"

#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QPainter>
#include <QPainterPath>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace iamx {
namespace {

// A security warning is not a plain warning: an orange shield with an exclamation mark, in
// the orange the editor underlines it with, drawn at the sizes a view asks for.
QIcon securityWarningIcon()
{
    QIcon icon;
    for (const int size : { 16, 24, 32 }) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(size / 16.0, size / 16.0);
        QPainterPath shield;
        shield.moveTo(8, 1);
        shield.lineTo(14, 3.5);
        shield.cubicTo(14, 9, 11.5, 13, 8, 15);
        shield.cubicTo(4.5, 13, 2, 9, 2, 3.5);
        shield.closeSubpath();
        painter.setPen(QPen(QColor(0xb3, 0x4d, 0x00), 1));
        painter.setBrush(QColor(0xef, 0x6c, 0x00));
        painter.drawPath(shield);
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::white);
        painter.drawRoundedRect(QRectF(7.1, 4, 1.8, 5.5), 0.9, 0.9);
        painter.drawEllipse(QRectF(7.05, 10.6, 1.9, 1.9));
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace

ProblemsView::ProblemsView(DiagnosticsModel *model, QWidget *parent)
    : QTreeView(parent)
    , m_model(model)
    , m_nextAction(new QAction(tr("Next Problem"), this))
    , m_previousAction(new QAction(tr("Previous Problem"), this))
{
    setObjectName(u"problemsView"_s);
    setAccessibleName(tr("Problems"));
    setModel(model);
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAllColumnsShowFocus(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(DiagnosticsModel::SeverityColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(DiagnosticsModel::MessageColumn, QHeaderView::Stretch);
    header()->setSectionResizeMode(DiagnosticsModel::LocationColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(DiagnosticsModel::PolicyColumn, QHeaderView::ResizeToContents);

    m_nextAction->setObjectName(u"nextProblemAction"_s);
    m_nextAction->setShortcut(Qt::Key_F8);
    m_previousAction->setObjectName(u"previousProblemAction"_s);
    m_previousAction->setShortcut(Qt::SHIFT | Qt::Key_F8);
    for (QAction *action : { m_nextAction, m_previousAction }) {
        // From anywhere in the window, as IDEs do: the editor has the focus while fixing.
        action->setShortcutContext(Qt::WindowShortcut);
        addAction(action);
    }
    connect(m_nextAction, &QAction::triggered, this, &ProblemsView::activateNext);
    connect(m_previousAction, &QAction::triggered, this, &ProblemsView::activatePrevious);
    // activated: double-click, or Enter, as the platform has it.
    connect(this, &QAbstractItemView::activated, this,
            [this](const QModelIndex &index) { activateRow(index.row()); });
    updateIcons();
}

ProblemsView::~ProblemsView() = default;

bool ProblemsView::activateNext()
{
    const int rows = m_model->rowCount();
    if (rows == 0)
        return false;
    const QModelIndex current = currentIndex();
    activateRow(current.isValid() ? (current.row() + 1) % rows : 0);
    return true;
}

bool ProblemsView::activatePrevious()
{
    const int rows = m_model->rowCount();
    if (rows == 0)
        return false;
    const QModelIndex current = currentIndex();
    activateRow(current.isValid() ? (current.row() + rows - 1) % rows : rows - 1);
    return true;
}

void ProblemsView::changeEvent(QEvent *event)
{
    QTreeView::changeEvent(event);
    if (event->type() == QEvent::StyleChange)
        updateIcons();
}

void ProblemsView::activateRow(int row)
{
    const QModelIndex index = m_model->index(row, DiagnosticsModel::MessageColumn);
    if (!index.isValid())
        return;
    if (currentIndex().row() != row)
        setCurrentIndex(index);
    scrollTo(index);
    emit problemActivated(index.data(DiagnosticsModel::SourceIdRole).toString(),
            index.data(DiagnosticsModel::LineRole).toInt(),
            index.data(DiagnosticsModel::ColumnRole).toInt());
}

void ProblemsView::updateIcons()
{
    m_model->setSeverityIcon(Severity::Error, style()->standardIcon(QStyle::SP_MessageBoxCritical));
    m_model->setSeverityIcon(Severity::SecurityWarning, securityWarningIcon());
    m_model->setSeverityIcon(
            Severity::Warning, style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_model->setSeverityIcon(
            Severity::Suggestion, style()->standardIcon(QStyle::SP_MessageBoxInformation));
}

} // namespace iamx
