#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <QVector>

namespace iamx {

/// The table "Policies that apply" of a details page (ui.md, "Centre"): policy, via (every
/// route by which it reaches the principal), version, number of statements. The rows are
/// display text derived from the resolver, set whole; the model holds no domain data.
class AppliedPoliciesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    struct Row
    {
        QString policy;
        QString via;
        QString version;
        int statements = 0;
        QString documentKey; ///< documentKeyText() of the document, to open it
    };
    enum Columns { PolicyColumn, ViaColumn, VersionColumn, StatementsColumn, ColumnCount };
    enum Roles {
        DocumentKeyRole = Qt::UserRole + 1, ///< documentKeyText(), as QString
    };

    explicit AppliedPoliciesModel(QObject *parent = nullptr);

    void setRows(QVector<Row> rows);
    const QVector<Row> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
            int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<Row> m_rows;
};

} // namespace iamx
