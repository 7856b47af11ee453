#pragma once

#include "model/policycompletion.h"

#include <QAbstractListModel>

#include <vector>

namespace iamx {

/// The candidates of the policy editor's completion popup, one row each: the text to insert
/// (DisplayRole), its detail (DetailRole: an access level, a key type, a resource type), its
/// description (ToolTipRole) and kind (KindRole, an int of CandidateKind). Owns copies of the
/// candidates: the model computes them fresh for every keystroke.
class CompletionModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { DetailRole = Qt::UserRole + 1, KindRole };

    explicit CompletionModel(QObject *parent = nullptr);

    /// Replaces the rows (a model reset).
    void setCandidates(std::vector<CompletionCandidate> candidates);
    const std::vector<CompletionCandidate> &candidates() const { return m_candidates; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    std::vector<CompletionCandidate> m_candidates;
};

} // namespace iamx
