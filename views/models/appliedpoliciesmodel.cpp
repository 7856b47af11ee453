#include "appliedpoliciesmodel.h"

#include <utility>

namespace iamx {

AppliedPoliciesModel::AppliedPoliciesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void AppliedPoliciesModel::setRows(QVector<Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int AppliedPoliciesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AppliedPoliciesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AppliedPoliciesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[index.row()];
    if (role == DocumentKeyRole)
        return row.documentKey;
    if (role == Qt::TextAlignmentRole && index.column() == StatementsColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == ViaColumn)
        return row.via;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case PolicyColumn:
        return row.policy;
    case ViaColumn:
        return row.via;
    case VersionColumn:
        return row.version;
    case StatementsColumn:
        return row.statements;
    default:
        return {};
    }
}

QVariant AppliedPoliciesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PolicyColumn:
        return tr("Policy");
    case ViaColumn:
        return tr("Via");
    case VersionColumn:
        return tr("Version");
    case StatementsColumn:
        return tr("Statements");
    default:
        return {};
    }
}

} // namespace iamx
