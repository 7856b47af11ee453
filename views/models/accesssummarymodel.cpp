#include "accesssummarymodel.h"

#include "views/qtconvert.h"

using namespace Qt::StringLiterals;

namespace iamx {
namespace {

AccessLevel levelOf(int column)
{
    switch (column) {
    case AccessSummaryModel::ListColumn:
        return AccessLevel::List;
    case AccessSummaryModel::ReadColumn:
        return AccessLevel::Read;
    case AccessSummaryModel::WriteColumn:
        return AccessLevel::Write;
    case AccessSummaryModel::PermissionsManagementColumn:
        return AccessLevel::PermissionsManagement;
    case AccessSummaryModel::TaggingColumn:
        return AccessLevel::Tagging;
    default:
        return AccessLevel::Unknown;
    }
}

} // namespace

AccessSummaryModel::AccessSummaryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void AccessSummaryModel::setSummary(AccessSummary summary)
{
    beginResetModel();
    m_summary = std::move(summary);
    endResetModel();
}

int AccessSummaryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_summary.services.size());
}

int AccessSummaryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const AccessLevelCount &AccessSummaryModel::count(const QModelIndex &index) const
{
    const ServiceAccess &service = m_summary.services[size_t(index.row())];
    if (index.column() == AllColumn)
        return service.all;
    return service.levels[size_t(levelOf(index.column()))];
}

QVariant AccessSummaryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (index.column() == ServiceColumn) {
        if (role == Qt::DisplayRole)
            return toQString(m_summary.services[size_t(index.row())].service);
        return {};
    }
    const AccessLevelCount &level = count(index);
    switch (role) {
    case Qt::DisplayRole:
        if (level.total == 0)
            return u"–"_s;
        if (level.conditional > 0)
            return tr("%1 (+%2) of %3").arg(level.allowed).arg(level.conditional).arg(level.total);
        return tr("%1 of %2").arg(level.allowed).arg(level.total);
    case Qt::ToolTipRole:
        if (level.total == 0)
            return tr("The service has no action of this level");
        return tr("%1 of the %2 actions allowed").arg(level.allowed).arg(level.total)
                + (level.conditional > 0 ? tr("; %1 more only under a condition, or where a "
                                              "Deny of some resources does not apply")
                                                   .arg(level.conditional)
                                         : QString());
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    case AllowedRole:
        return int(level.allowed);
    case ConditionalRole:
        return int(level.conditional);
    case TotalRole:
        return int(level.total);
    default:
        return {};
    }
}

QVariant AccessSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ServiceColumn:
        return tr("Service");
    case AllColumn:
        return tr("All");
    case ListColumn:
    case ReadColumn:
    case WriteColumn:
    case PermissionsManagementColumn:
    case TaggingColumn:
        return toQString(accessLevelName(levelOf(section)));
    default:
        return {};
    }
}

} // namespace iamx
