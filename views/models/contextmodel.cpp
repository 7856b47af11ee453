#include "contextmodel.h"

#include "model/request.h"
#include "views/qtconvert.h"

#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace iamx {
namespace {

QString originText(ContextModel::Origin origin)
{
    switch (origin) {
    case ContextModel::Origin::Auto:
        return u"auto"_s;
    case ContextModel::Origin::Policy:
        return u"policy"_s;
    case ContextModel::Origin::User:
        break;
    }
    return u"user"_s;
}

} // namespace

QString contextValueText(const QStringList &values)
{
    return values.join(u", "_s);
}

QStringList parseContextValues(const QString &text)
{
    QStringList parts = text.split(u'\n');
    if (parts.size() == 1)
        parts = text.split(u',');
    QStringList values;
    for (const QString &part : parts)
        if (const QString value = part.trimmed(); !value.isEmpty())
            values.append(value);
    return values;
}

ContextModel::ContextModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

ContextModel::~ContextModel() = default;

void ContextModel::setAutoContext(const RequestContext &context)
{
    m_autoEntries.clear();
    for (const ContextEntry &entry : context.entries()) {
        AutoEntry &added = m_autoEntries.emplace_back();
        added.key = toQString(entry.key);
        for (const auto &value : entry.values)
            added.values.append(toQString(value));
        added.multiValued = entry.multiValued;
    }
    rebuild();
}

void ContextModel::setPolicyKeys(const std::vector<PolicyContextKey> &keys)
{
    m_policyKeys = keys;
    rebuild();
}

void ContextModel::rebuild()
{
    std::vector<Row> rows;
    const auto find = [](std::vector<Row> &list, const QString &key) -> Row * {
        const auto found = std::find_if(list.begin(), list.end(),
                [&](const Row &r) { return r.key.compare(key, Qt::CaseInsensitive) == 0; });
        return found == list.end() ? nullptr : &*found;
    };
    for (const AutoEntry &entry : m_autoEntries) {
        if (m_removedAutoKeys.contains(entry.key.toLower()) || find(rows, entry.key))
            continue;
        Row &row = rows.emplace_back();
        row.key = entry.key;
        row.origin = Origin::Auto;
        row.autoValues = entry.values;
        row.autoMultiValued = entry.multiValued;
        row.value = contextValueText(entry.values);
        if (Row *old = find(m_rows, entry.key); old && old->origin == Origin::Auto && old->edited) {
            row.value = old->value;
            row.edited = true;
        }
    }
    std::vector<Row> userRows;
    for (const Row &old : m_rows)
        if (old.origin == Origin::User) {
            Row &row = userRows.emplace_back(old);
            row.type.clear(); // until the policies mention it again
            row.needed = false;
        }
    std::vector<Row> policyRows;
    for (const PolicyContextKey &key : m_policyKeys) {
        const QString name = toQString(key.key);
        Row *row = find(rows, name);
        if (!row)
            row = find(userRows, name);
        if (!row) {
            row = &policyRows.emplace_back();
            row->key = name;
            row->origin = Origin::Policy;
            if (Row *old = find(m_rows, name); old && old->origin == Origin::Policy)
                row->value = old->value;
        }
        row->type = toQString(contextValueTypeName(key.type));
        row->needed = key.needed;
    }
    rows.insert(rows.end(), policyRows.begin(), policyRows.end());
    rows.insert(rows.end(), userRows.begin(), userRows.end());

    const bool sameKeys = rows.size() == m_rows.size()
            && std::equal(rows.begin(), rows.end(), m_rows.begin(), [](const Row &a, const Row &b) {
                   return a.key == b.key && a.origin == b.origin;
               });
    if (!sameKeys) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        return;
    }
    m_rows = std::move(rows);
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int ContextModel::addUserRow()
{
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_rows.emplace_back().origin = Origin::User;
    endInsertRows();
    Q_EMIT contextEdited();
    return row;
}

void ContextModel::applyTo(RequestContext &context) const
{
    RequestContext result;
    const auto put = [&result](const QString &key, const QStringList &values, bool multiValued) {
        std::vector<std::string> list;
        for (const QString &value : values)
            list.push_back(toStdString(value));
        if (multiValued || list.size() != 1)
            result.setMultiValued(toStdString(key), std::move(list));
        else
            result.set(toStdString(key), std::move(list.front()));
    };
    // The filled-in keys, but those the user removed or edited.
    for (const ContextEntry &entry : context.entries()) {
        const QString key = toQString(entry.key);
        if (m_removedAutoKeys.contains(key.toLower()))
            continue;
        const int row = rowOf(key);
        if (row >= 0 && m_rows[static_cast<size_t>(row)].origin == Origin::Auto
                && m_rows[static_cast<size_t>(row)].edited)
            continue;
        if (entry.multiValued)
            result.setMultiValued(entry.key, entry.values);
        else
            result.set(entry.key, entry.values.front());
    }
    for (const Row &row : m_rows) {
        if (row.key.trimmed().isEmpty() || (row.origin == Origin::Auto && !row.edited))
            continue;
        const QStringList values = parseContextValues(row.value);
        if (values.isEmpty())
            continue; // an empty value is an absent key
        put(row.key.trimmed(), values, row.autoMultiValued);
    }
    context = std::move(result);
}

QString ContextModel::key(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[static_cast<size_t>(row)].key : QString();
}

int ContextModel::rowOf(const QString &key) const
{
    for (size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].key.compare(key, Qt::CaseInsensitive) == 0)
            return static_cast<int>(i);
    return -1;
}

int ContextModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ContextModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool ContextModel::isFlagged(const Row &row) const
{
    return row.needed && parseContextValues(row.value).isEmpty();
}

QVariant ContextModel::data(const QModelIndex &index, int role) const
{
    if (!isCell(index))
        return {};
    const Row &row = m_rows[static_cast<size_t>(index.row())];
    const bool flagged = isFlagged(row);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KeyColumn:
            return row.key;
        case ValueColumn:
            return flagged ? u"⚠ empty — the policies test it"_s : row.value;
        case OriginColumn: {
            QString text = originText(row.origin);
            if (row.edited)
                text += u", edited"_s;
            if (!row.type.isEmpty())
                text += u" · "_s + row.type;
            return text;
        }
        }
        return {};
    case Qt::EditRole:
        if (index.column() == KeyColumn)
            return row.key;
        if (index.column() == ValueColumn)
            return row.value;
        return {};
    case Qt::ToolTipRole:
        if (index.column() == KeyColumn)
            return row.key; // elided in a narrow column
        if (flagged)
            return tr("The policies test %1, and the request has no value for it: conditions "
                      "on it read it as absent.")
                    .arg(row.key);
        if (row.origin == Origin::Auto)
            return row.edited ? tr("AWS would set %1 to %2; edited.")
                                        .arg(row.key, contextValueText(row.autoValues))
                              : tr("AWS sets this key for this principal and request.");
        if (!row.type.isEmpty())
            return tr("The policies read %1 as %2.").arg(row.key, row.type);
        return {};
    case Qt::ForegroundRole:
        if (flagged && index.column() == ValueColumn) {
            const QPalette palette = QGuiApplication::palette();
            return palette.color(QPalette::Window).lightness() < 128 ? QColor::fromHsl(36, 170, 190)
                                                                     : QColor::fromHsl(36, 200, 38);
        }
        if (index.column() == OriginColumn)
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return {};
    case OriginRole:
        return static_cast<int>(row.origin);
    case FlaggedRole:
        return flagged;
    case EditedRole:
        return row.edited;
    }
    return {};
}

bool ContextModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !isCell(index) || !(flags(index) & Qt::ItemIsEditable))
        return false;
    Row &row = m_rows[static_cast<size_t>(index.row())];
    const QString text = value.toString();
    if (index.column() == KeyColumn) {
        if (text.trimmed() == row.key)
            return false;
        row.key = text.trimmed();
    } else {
        if (text == row.value)
            return false;
        row.value = text;
        if (row.origin == Origin::Auto)
            row.edited = parseContextValues(text) != row.autoValues;
    }
    Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    Q_EMIT contextEdited();
    return true;
}

Qt::ItemFlags ContextModel::flags(const QModelIndex &index) const
{
    if (!isCell(index))
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const Row &row = m_rows[static_cast<size_t>(index.row())];
    if (index.column() == ValueColumn
            || (index.column() == KeyColumn && row.origin == Origin::User))
        result |= Qt::ItemIsEditable;
    return result;
}

QVariant ContextModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case ValueColumn:
        return tr("Value");
    case OriginColumn:
        return tr("Origin");
    }
    return {};
}

bool ContextModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > rowCount())
        return false;
    beginRemoveRows(parent, row, row + count - 1);
    for (int i = row; i < row + count; ++i) {
        const Row &removed = m_rows[static_cast<size_t>(i)];
        if (removed.origin == Origin::Auto)
            m_removedAutoKeys.insert(removed.key.toLower());
    }
    m_rows.erase(m_rows.begin() + row, m_rows.begin() + row + count);
    endRemoveRows();
    Q_EMIT contextEdited();
    return true;
}

} // namespace iamx
