#pragma once

#include "model/explanation.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

namespace iamx {

/// The decisions of a simulation grid (ui.md, "Grid"): one row per action, one column per
/// resource, each cell the decision for that pair with a ✔ / ✖ mark, a colour derived from
/// the palette and the badge's words as tooltip. DecisionRole gives the decision.
///
/// Holds what was decided, not the account: the panel fills it with setGrid().
class GridModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Roles {
        DecisionRole = Qt::UserRole + 1, ///< DecisionKind as int; invalid for a failed cell
        ActionRole, ///< the row's action
        ResourceRole, ///< the column's resource
    };

    /// One pair's outcome: its decision and badge, or why it could not be simulated.
    struct Cell
    {
        DecisionKind decision = DecisionKind::ImplicitDeny;
        QString badge;
        QString error; ///< non-empty when the pair could not be simulated
    };

    explicit GridModel(QObject *parent = nullptr);

    /// Replaces the grid; `cells` is row-major (actions.size() × resources.size()).
    void setGrid(const QStringList &actions, const QStringList &resources, std::vector<Cell> cells);
    void clear();

    const QStringList &actions() const { return m_actions; }
    const QStringList &resources() const { return m_resources; }
    const Cell *cell(int row, int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
            int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    /// True for an index of this model's cells (checkIndex() warns about invalid ones, which
    /// views and QAbstractItemModelTester legitimately pass).
    bool isCell(const QModelIndex &index) const
    {
        return index.isValid() && index.model() == this && !index.parent().isValid()
                && index.row() < rowCount() && index.column() < columnCount();
    }
    QStringList m_actions;
    QStringList m_resources;
    std::vector<Cell> m_cells;
};

/// The end of a resource ARN worth showing in a narrow header: `q1-sales.csv` for an S3
/// object, `role/AppServerRole`, `acme-reports`; `*` stays `*`.
QString shortResourceName(const QString &arn);

} // namespace iamx
