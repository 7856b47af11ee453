#pragma once

#include "model/effective.h"

#include <QAbstractTableModel>

namespace iamx {

/// The table "Effective permissions by service" of a principal's details page: one row per
/// service the principal may use, its actions counted by access level ("3 of 12", with
/// "+2" for those that hang on a condition). A derived summary (summarizeAccess()), set
/// whole.
class AccessSummaryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Columns {
        ServiceColumn,
        ListColumn,
        ReadColumn,
        WriteColumn,
        PermissionsManagementColumn,
        TaggingColumn,
        AllColumn,
        ColumnCount
    };
    enum Roles {
        AllowedRole = Qt::UserRole + 1, ///< level columns: allowed actions, int
        ConditionalRole, ///< conditional actions, int
        TotalRole, ///< actions of the level in the catalog, int
    };

    explicit AccessSummaryModel(QObject *parent = nullptr);

    void setSummary(AccessSummary summary);
    const AccessSummary &summary() const { return m_summary; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
            int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const AccessLevelCount &count(const QModelIndex &index) const;

    AccessSummary m_summary;
};

} // namespace iamx
