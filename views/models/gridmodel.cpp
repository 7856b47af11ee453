#include "gridmodel.h"

#include "views/simulate/decisionpalette.h"

#include <QGuiApplication>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace iamx {

QString shortResourceName(const QString &arn)
{
    if (!arn.startsWith(u"arn:"_s))
        return arn;
    // arn:partition:service:region:account:resource — the resource part may hold colons.
    const QString resource = arn.section(u':', 5);
    if (resource.isEmpty())
        return arn;
    const qsizetype slash = resource.lastIndexOf(u'/');
    if (slash < 0 || slash + 1 == resource.size())
        return resource;
    // Keep the type of IAM-like names (role/X), the last segment of paths (a/b/c.csv).
    const qsizetype first = resource.indexOf(u'/');
    if (first == slash)
        return resource;
    return resource.mid(slash + 1);
}

GridModel::GridModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void GridModel::setGrid(
        const QStringList &actions, const QStringList &resources, std::vector<Cell> cells)
{
    beginResetModel();
    m_actions = actions;
    m_resources = resources;
    m_cells = std::move(cells);
    m_cells.resize(static_cast<size_t>(m_actions.size() * m_resources.size()));
    endResetModel();
}

void GridModel::clear()
{
    setGrid({}, {}, {});
}

const GridModel::Cell *GridModel::cell(int row, int column) const
{
    if (row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return nullptr;
    return &m_cells[static_cast<size_t>(row * columnCount() + column)];
}

int GridModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_actions.size());
}

int GridModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_resources.size());
}

QVariant GridModel::data(const QModelIndex &index, int role) const
{
    if (!isCell(index))
        return {};
    const Cell &c = *cell(index.row(), index.column());
    const bool failed = !c.error.isEmpty();
    switch (role) {
    case Qt::DisplayRole:
        if (failed)
            return u"⚠ error"_s;
        switch (c.decision) {
        case DecisionKind::Allowed:
            return u"✔ allowed"_s;
        case DecisionKind::ExplicitDeny:
            return u"✖ explicit"_s;
        case DecisionKind::ImplicitDeny:
            return u"✖ implicit"_s;
        }
        return {};
    case Qt::ToolTipRole:
        return m_actions[index.row()] + u" on "_s + m_resources[index.column()] + u"\n"_s
                + (failed ? c.error : c.badge);
    case Qt::BackgroundRole:
        return failed ? QVariant()
                      : QVariant(toneBackground(QGuiApplication::palette(), toneOf(c.decision)));
    case Qt::ForegroundRole:
        return failed ? QVariant()
                      : QVariant(toneForeground(QGuiApplication::palette(), toneOf(c.decision)));
    case Qt::TextAlignmentRole:
        return int(Qt::AlignCenter);
    case DecisionRole:
        return failed ? QVariant() : QVariant(static_cast<int>(c.decision));
    case ActionRole:
        return m_actions[index.row()];
    case ResourceRole:
        return m_resources[index.column()];
    }
    return {};
}

QVariant GridModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const QStringList &labels = orientation == Qt::Horizontal ? m_resources : m_actions;
    if (section < 0 || section >= labels.size())
        return {};
    if (role == Qt::DisplayRole)
        return orientation == Qt::Horizontal ? shortResourceName(labels[section]) : labels[section];
    if (role == Qt::ToolTipRole)
        return labels[section];
    return {};
}

} // namespace iamx
