#pragma once

#include <QTreeView>

class QAction;

namespace iamx {

class DiagnosticsModel;

/// The Problems dock's list (ui.md, "Bottom dock — Problems"): every finding of the open
/// editors, with its severity icon, message, `line:column` and policy. Double-click or Enter on
/// a row, or F8 (next) and Shift+F8 (previous) from anywhere in the window, emit
/// problemActivated() so that the owner opens the policy and moves its cursor there.
///
/// objectName `problemsView`; actions `nextProblemAction` (F8) and `previousProblemAction`
/// (Shift+F8), for the menus too.
class ProblemsView : public QTreeView
{
    Q_OBJECT

public:
    /// A view of `model`, which must outlive it. Gives the model its severity icons.
    explicit ProblemsView(DiagnosticsModel *model, QWidget *parent = nullptr);
    ~ProblemsView() override;

    DiagnosticsModel *diagnosticsModel() const { return m_model; }

    /// Selects the next (previous) problem after (before) the current one, wrapping around,
    /// and activates it. False when there are no problems.
    bool activateNext();
    bool activatePrevious();

    QAction *nextProblemAction() const { return m_nextAction; }
    QAction *previousProblemAction() const { return m_previousAction; }

signals:
    /// A problem was chosen: the policy `sourceId` (the source's id in the model), at 1-based
    /// `line` and `column` (0 when unknown).
    void problemActivated(const QString &sourceId, int line, int column);

protected:
    void changeEvent(QEvent *event) override;

private:
    void activateRow(int row);
    void updateIcons();

    DiagnosticsModel *m_model;
    QAction *m_nextAction = nullptr;
    QAction *m_previousAction = nullptr;
};

} // namespace iamx
