#include "diagnosticsmodel.h"

#include "views/qtconvert.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace iamx {

namespace {

QString severityText(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return DiagnosticsModel::tr("Error");
    case Severity::SecurityWarning:
        return DiagnosticsModel::tr("Security warning");
    case Severity::Warning:
        return DiagnosticsModel::tr("Warning");
    case Severity::Suggestion:
        break;
    }
    return DiagnosticsModel::tr("Suggestion");
}

/// Sources in title order (then id, so that two sources of one title stay apart).
int compareSources(
        const QString &titleA, const QString &idA, const QString &titleB, const QString &idB)
{
    if (const int byTitle = titleA.compare(titleB, Qt::CaseInsensitive); byTitle != 0)
        return byTitle;
    return idA.compare(idB);
}

} // namespace

DiagnosticsModel::DiagnosticsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    setObjectName(u"diagnosticsModel"_s);
}

DiagnosticsModel::~DiagnosticsModel() = default;

void DiagnosticsModel::setDiagnostics(
        const QString &id, const QString &title, const std::vector<Diagnostic> &diagnostics)
{
    const auto [first, last] = sourceRows(id);
    eraseRows(first, last);
    if (diagnostics.empty()) {
        if (first != last)
            recount();
        return;
    }

    std::vector<Row> rows;
    rows.reserve(diagnostics.size());
    for (const Diagnostic &diagnostic : diagnostics) {
        rows.push_back({ id, title, diagnostic.severity, toQString(diagnostic.code),
                toQString(diagnostic.message), diagnostic.where.line, diagnostic.where.column,
                toQString(diagnostic.pointer) });
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        return std::pair(a.line, a.column) < std::pair(b.line, b.column);
    });
    const auto at = std::find_if(m_rows.cbegin(), m_rows.cend(),
            [&](const Row &row) { return compareSources(row.title, row.sourceId, title, id) > 0; });
    const int position = int(at - m_rows.cbegin());
    beginInsertRows({}, position, position + int(rows.size()) - 1);
    m_rows.insert(m_rows.begin() + position, std::make_move_iterator(rows.begin()),
            std::make_move_iterator(rows.end()));
    endInsertRows();
    recount();
}

void DiagnosticsModel::removeSource(const QString &id)
{
    const auto [first, last] = sourceRows(id);
    if (first == last)
        return;
    eraseRows(first, last);
    recount();
}

void DiagnosticsModel::clear()
{
    if (m_rows.empty())
        return;
    eraseRows(0, int(m_rows.size()));
    recount();
}

void DiagnosticsModel::setSeverityIcon(Severity severity, const QIcon &icon)
{
    m_icons[size_t(severity)] = icon;
    if (!m_rows.empty()) {
        emit dataChanged(index(0, SeverityColumn), index(rowCount() - 1, SeverityColumn),
                { Qt::DecorationRole });
    }
}

int DiagnosticsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DiagnosticsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DiagnosticsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return severityText(row.severity);
        case MessageColumn:
            return row.pointer.isEmpty() ? row.message : u"%1 — %2"_s.arg(row.message, row.pointer);
        case LocationColumn:
            return row.line > 0 ? u"%1:%2"_s.arg(row.line).arg(row.column) : u"–"_s;
        case PolicyColumn:
            return row.title;
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn && !m_icons[size_t(row.severity)].isNull())
            return m_icons[size_t(row.severity)];
        return {};
    case Qt::ToolTipRole:
        // The pointer says which member, where the message alone ("expected a list") does not.
        return row.pointer.isEmpty() ? u"%1 [%2]"_s.arg(row.message, row.code)
                                     : u"%1 [%2]\nat %3"_s.arg(row.message, row.code, row.pointer);
    case Qt::TextAlignmentRole:
        if (index.column() == LocationColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SourceIdRole:
        return row.sourceId;
    case LineRole:
        return row.line;
    case ColumnRole:
        return row.column;
    case SeverityRole:
        return int(row.severity);
    case CodeRole:
        return row.code;
    default:
        return {};
    }
}

QVariant DiagnosticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case MessageColumn:
        return tr("Message");
    case LocationColumn:
        return tr("Line:Column");
    case PolicyColumn:
        return tr("Policy");
    default:
        return {};
    }
}

std::pair<int, int> DiagnosticsModel::sourceRows(const QString &id) const
{
    const auto first = std::find_if(
            m_rows.cbegin(), m_rows.cend(), [&](const Row &row) { return row.sourceId == id; });
    const auto last =
            std::find_if(first, m_rows.cend(), [&](const Row &row) { return row.sourceId != id; });
    return { int(first - m_rows.cbegin()), int(last - m_rows.cbegin()) };
}

void DiagnosticsModel::eraseRows(int first, int last)
{
    if (first == last)
        return;
    beginRemoveRows({}, first, last - 1);
    m_rows.erase(m_rows.begin() + first, m_rows.begin() + last);
    endRemoveRows();
}

void DiagnosticsModel::recount()
{
    m_counts = {};
    for (const Row &row : m_rows)
        ++m_counts[size_t(row.severity)];
    emit countsChanged();
}

} // namespace iamx
