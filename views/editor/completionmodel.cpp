#include "completionmodel.h"

#include "views/qtconvert.h"

namespace iamx {

CompletionModel::CompletionModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void CompletionModel::setCandidates(std::vector<CompletionCandidate> candidates)
{
    beginResetModel();
    m_candidates = std::move(candidates);
    endResetModel();
}

int CompletionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_candidates.size());
}

QVariant CompletionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CompletionCandidate &candidate = m_candidates[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return toQString(candidate.text);
    case DetailRole:
        return toQString(candidate.detail);
    case Qt::ToolTipRole:
        return candidate.description.empty() ? QVariant() : toQString(candidate.description);
    case KindRole:
        return int(candidate.kind);
    default:
        return {};
    }
}

} // namespace iamx
