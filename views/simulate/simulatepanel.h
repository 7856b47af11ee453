#pragma once

#include "model/evaluationflow.h"
#include "model/explanation.h"
#include "model/resolver.h"
#include "model/statementoutcome.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QModelIndex;
class QPlainTextEdit;
class QStringListModel;
class QTabBar;
class QTableView;
class QTimer;
class QToolButton;
class QVBoxLayout;

namespace iamx {

class AccountDocument;
class ContextModel;
class DecisionBadge;
class EvaluationFlowWidget;
class GridModel;
class PolicyEditor;

/// What the last simulation found: the resolved request, its explanation, the verdict of each
/// statement (for the editor's highlighting), the flow and the time it took.
struct SimulationResult
{
    bool valid = false; ///< false when there was no decision (see error)
    QString error; ///< why there was none: an unknown principal, an invalid session policy
    AccountRequest request;
    Explanation explanation;
    std::vector<StatementOutcome> statementOutcomes;
    EvaluationFlow flow;
    qint64 elapsedNs = 0; ///< resolving, applying the context and explaining
};

/// The Simulate access panel (ui.md, "Simulate access panel"; objectName `simulatePanel`).
///
/// Inputs: the principal (`principalInput`, an editable combo with completion: users, roles
/// as sessions, `root`, `anonymous`, service principals, or a typed ARN), the session name of
/// a role (`sessionNameInput`), an optional session policy (`sessionPolicyInput`, collapsible
/// with `sessionPolicyToggle`), the action (`actionInput`) and resource (`resourceInput`,
/// default `*`) with completion from the account, and the context (`contextTable`, with
/// `addContextKey` and `removeContextKey`; `contextWarning` names the keys the
/// policies test and the request lacks). The grid page (`simulationGrid`, chosen with the tab bar
/// `simulateMode`) takes several actions (`gridActionsInput`; `s3:*` expands to the account's
/// known actions) and resources (`gridResourcesInput`) and shows each pair's decision
/// (`gridTable`); clicking a cell shows that pair in full.
///
/// Result: the badge (`decisionBadge`), the flow (`evaluationFlow`), the deciding statements
/// (`decidingStatements`; clicking one emits statementActivated()), notes, assumptions and
/// problems (`simulationNotes`) and the time taken (`simulationTime`).
///
/// It re-runs 100 ms after an input changes, and right after the document's accountChanged()
/// or accountReset(), asking the document's current Resolver each time.
class SimulatePanel : public QWidget
{
    Q_OBJECT

public:
    explicit SimulatePanel(AccountDocument &document, QWidget *parent = nullptr);
    ~SimulatePanel() override;

    /// Sets the principal (a user or role name, `root`, an ARN...) and re-runs.
    void setPrincipal(const QString &principal);
    void setAction(const QString &action);
    void setResource(const QString &resource);
    /// Sets the grid's actions and resources, one per line, and re-runs the grid.
    void setGridInputs(const QStringList &actions, const QStringList &resources);

    const SimulationResult &lastResult() const { return m_result; }
    ContextModel *contextModel() const { return m_contextModel; }
    GridModel *gridModel() const { return m_gridModel; }

public Q_SLOTS:
    /// Runs the simulation now (F5), and the grid when it is shown.
    void simulate();

Q_SIGNALS:
    /// After every simulation, with lastResult() updated.
    void simulated();
    /// The user clicked a deciding statement: open the document (documentKeyText()) and
    /// scroll to its statement (index in the Statement array).
    void statementActivated(const QString &documentKeyText, int statement);

private:
    void buildInputs(QVBoxLayout *column);
    void buildResult(QVBoxLayout *column);
    QWidget *buildRequestPage();
    QWidget *buildGridPage();

    void scheduleSimulation();
    void scheduleGrid();
    bool gridShown() const;
    void accountChangedSoon();
    void accountChanged();
    void refreshCompletions();
    void updateSessionInputs();
    /// The principal and session policy of the form, found and compiled once for a run (the
    /// principal points into the account: valid until it changes).
    struct Prepared
    {
        std::optional<ResolvedPrincipal> principal;
        PolicyRef sessionPolicy;
        QString error; ///< why there is nothing to simulate
    };
    Prepared prepare() const;
    /// Resolves and explains one request with the panel's principal, session and context;
    /// `refreshContext` also refreshes the context table from it.
    SimulationResult run(const Prepared &prepared, const QString &action, const QString &resource,
            bool refreshContext);
    void runSingle();
    void showResult();
    void updateContextWarning();
    void runGrid();
    void gridCellClicked(const QModelIndex &index);
    void statementClicked(QListWidgetItem *item);
    void removeSelectedContextRows();

    AccountDocument &m_document;
    SimulationResult m_result;

    QComboBox *m_principal = nullptr;
    QStringListModel *m_principals = nullptr;
    QLineEdit *m_session = nullptr;
    QLabel *m_sessionLabel = nullptr;
    QToolButton *m_sessionPolicyToggle = nullptr;
    PolicyEditor *m_sessionPolicy = nullptr;
    QTabBar *m_modes = nullptr;
    QWidget *m_requestPage = nullptr;
    QWidget *m_gridPage = nullptr;
    QLineEdit *m_action = nullptr;
    QLineEdit *m_resource = nullptr;
    QStringListModel *m_actions = nullptr;
    QStringListModel *m_resources = nullptr;
    QPlainTextEdit *m_gridActions = nullptr;
    QPlainTextEdit *m_gridResources = nullptr;
    QTableView *m_gridTable = nullptr;
    GridModel *m_gridModel = nullptr;
    QLabel *m_gridStatus = nullptr;
    QTableView *m_contextTable = nullptr;
    ContextModel *m_contextModel = nullptr;
    QLabel *m_contextWarning = nullptr;

    DecisionBadge *m_badge = nullptr;
    EvaluationFlowWidget *m_flow = nullptr;
    QListWidget *m_deciding = nullptr;
    QLabel *m_notes = nullptr;
    QLabel *m_time = nullptr;

    QTimer *m_debounce = nullptr;
    QTimer *m_gridDebounce = nullptr;
    QTimer *m_accountTimer = nullptr;
    std::vector<std::string> m_knownActions; // for expanding grid patterns
};

} // namespace iamx
