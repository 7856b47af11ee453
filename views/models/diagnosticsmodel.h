#pragma once

#include "model/diagnostic.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QString>

#include <array>
#include <vector>

namespace iamx {

/// The findings of every open editor, for the Problems dock (ui.md, "Bottom dock — Problems"):
/// one row per finding with its severity, message, `line:column` and the policy's title.
///
/// Findings come in sources, each keyed by a string id (an editor's document key text) and
/// replaced as a whole by setDiagnostics(). Rows are kept sorted by source title (then id),
/// then line and column, so that next and previous follow the text. Row changes are announced
/// as removals and insertions of the source's rows, so selections elsewhere survive.
///
/// The model is QtGui only: the severity icons come from the view (setSeverityIcon()), which
/// knows the style.
class DiagnosticsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Columns { SeverityColumn, MessageColumn, LocationColumn, PolicyColumn, ColumnCount };
    enum Roles {
        SourceIdRole = Qt::UserRole + 1, ///< QString: the id of the row's source
        LineRole, ///< int: 1-based line; 0 when unknown
        ColumnRole, ///< int: 1-based column in code points; 0 when unknown
        SeverityRole, ///< int: the Severity
        CodeRole, ///< QString: the finding's stable code, e.g. `INVALID_EFFECT`
    };

    explicit DiagnosticsModel(QObject *parent = nullptr);
    ~DiagnosticsModel() override;

    /// Replaces the findings of source `id`, shown as from `title`. An empty list removes the
    /// source's rows.
    void setDiagnostics(
            const QString &id, const QString &title, const std::vector<Diagnostic> &diagnostics);
    /// Removes the findings of source `id` (an editor was closed).
    void removeSource(const QString &id);
    /// Removes every finding.
    void clear();

    /// The number of findings of `severity`, over every source.
    int count(Severity severity) const { return m_counts[size_t(severity)]; }

    /// The icon shown for `severity` in SeverityColumn.
    void setSeverityIcon(Severity severity, const QIcon &icon);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
            int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    /// After the rows changed: count() may give other numbers.
    void countsChanged();

private:
    struct Row
    {
        QString sourceId;
        QString title;
        Severity severity = Severity::Error;
        QString code;
        QString message;
        int line = 0;
        int column = 0;
        QString pointer; ///< the JSON pointer of what the finding is about, if any
    };

    /// The rows of source `id`: [first, last), empty when it has none.
    std::pair<int, int> sourceRows(const QString &id) const;
    void eraseRows(int first, int last);
    void recount();

    std::vector<Row> m_rows;
    std::array<int, 4> m_counts {};
    std::array<QIcon, 4> m_icons;
};

} // namespace iamx
