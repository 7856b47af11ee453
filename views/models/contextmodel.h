#pragma once

#include "model/simulationinputs.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QStringList>

#include <vector>

namespace iamx {

class RequestContext;

/// The request context of a simulation as an editable table (ui.md, "Simulate access panel"):
/// the keys AWS fills in for the principal (origin *auto*), then the keys the applicable
/// policies mention with their type (*policy*), then the keys the user adds (*user*).
///
/// Values are edited in place; a multi-valued value is written one per line or separated by
/// commas. An auto key the user edits keeps the user's value across re-simulations; one the
/// user removes stays absent from the request. A key the policies need with no value is
/// flagged (FlaggedRole, a warning text and tooltip): conditions on it read it as absent.
///
/// The model owns no domain data: refreshed from each simulation through setAutoContext()
/// and setPolicyKeys(), it hands the user's edits back through applyTo().
class ContextModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Columns { KeyColumn, ValueColumn, OriginColumn, ColumnCount };
    enum class Origin { Auto, Policy, User };
    enum Roles {
        OriginRole = Qt::UserRole + 1, ///< Origin, as int
        FlaggedRole, ///< bool: the policies need the key and it has no value
        EditedRole, ///< bool: an auto key whose value the user changed
    };

    explicit ContextModel(QObject *parent = nullptr);
    ~ContextModel() override;

    /// The keys AWS fills in, as Resolver::resolve() put them in a request's context.
    void setAutoContext(const RequestContext &context);
    /// The keys the policies of the request mention (policyContextKeys()).
    void setPolicyKeys(const std::vector<PolicyContextKey> &keys);

    /// Appends an empty user row, and returns its row number.
    int addUserRow();
    /// The context the request is asked with: `context` (the filled-in keys) with the user's
    /// edits applied, the keys the user removed taken out and the keys the user added put in.
    void applyTo(RequestContext &context) const;
    /// The key of a row, for tests and tooltips.
    QString key(int row) const;
    /// The row of a key (ignoring case), or -1.
    int rowOf(const QString &key) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(
            int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Removes rows; a removed auto key stays out of the request until the user adds it back.
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

Q_SIGNALS:
    /// The user changed the context (an edit, an added or removed row): simulate again.
    void contextEdited();

private:
    /// True for an index of this model's cells (checkIndex() warns about invalid ones, which
    /// views and QAbstractItemModelTester legitimately pass).
    bool isCell(const QModelIndex &index) const
    {
        return index.isValid() && index.model() == this && !index.parent().isValid()
                && index.row() < rowCount() && index.column() < columnCount();
    }

    struct Row
    {
        QString key;
        QString value; ///< as shown and edited
        Origin origin = Origin::User;
        QStringList autoValues; ///< what AWS fills in (auto rows)
        bool autoMultiValued = false;
        bool edited = false; ///< an auto row whose value the user changed
        QString type; ///< from the policies' operators, when they mention the key
        bool needed = false;
    };

    struct AutoEntry
    {
        QString key;
        QStringList values;
        bool multiValued = false;
    };

    /// Composes the rows from the auto entries, the policy keys and the user's rows and
    /// edits, and puts them in place: in place when the keys are the same, else with a reset.
    void rebuild();
    bool isFlagged(const Row &row) const;

    std::vector<Row> m_rows;
    QSet<QString> m_removedAutoKeys; // lowercase
    std::vector<AutoEntry> m_autoEntries;
    std::vector<PolicyContextKey> m_policyKeys;
};

/// A value as the table shows it: the values separated by commas.
QString contextValueText(const QStringList &values);
/// A value as typed: one per line, or separated by commas; each trimmed, empty ones dropped.
QStringList parseContextValues(const QString &text);

} // namespace iamx
