#include "simulatepanel.h"

#include "model/accountindex.h"
#include "model/documentkey.h"
#include "model/policyparser.h"
#include "model/simulationinputs.h"
#include "views/accountdocument.h"
#include "views/editor/policyeditor.h"
#include "views/models/contextmodel.h"
#include "views/models/gridmodel.h"
#include "views/qtconvert.h"
#include "views/simulate/decisionbadge.h"
#include "views/simulate/decisionpalette.h"
#include "views/simulate/evaluationflowwidget.h"

#include <QComboBox>
#include <QCompleter>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QStringListModel>
#include <QTabBar>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace iamx {
namespace {

constexpr int debounceMs = 100;
/// More pairs than this would keep the interface busy for too long: the grid says so instead.
constexpr qsizetype maxGridCells = 2500;

enum DecidingRoles { DocumentKeyRole = Qt::UserRole + 1, StatementRole };

// Service principals to offer beside the account's users and roles (any other can be typed).
const QStringList servicePrincipals { u"ec2.amazonaws.com"_s, u"lambda.amazonaws.com"_s,
    u"ecs-tasks.amazonaws.com"_s, u"cloudtrail.amazonaws.com"_s, u"s3.amazonaws.com"_s };

QCompleter *containsCompleter(QAbstractItemModel *model, QObject *parent)
{
    auto *completer = new QCompleter(model, parent);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    return completer;
}

QStringList toQStringList(const std::vector<std::string> &list)
{
    QStringList out;
    out.reserve(static_cast<qsizetype>(list.size()));
    for (const auto &item : list)
        out.append(toQString(item));
    return out;
}

// The non-empty, trimmed lines of a text.
QStringList linesOf(const QString &text)
{
    QStringList lines;
    for (const QString &line : text.split(u'\n'))
        if (const QString trimmed = line.trimmed(); !trimmed.isEmpty())
            lines.append(trimmed);
    return lines;
}

QString elapsedText(qint64 ns)
{
    if (ns < 1'000'000)
        return SimulatePanel::tr("simulated in %1 µs").arg(std::max<qint64>(1, ns / 1000));
    return SimulatePanel::tr("simulated in %1 ms").arg(static_cast<double>(ns) / 1e6, 0, 'f', 1);
}

Instant currentInstant()
{
    return Instant { QDateTime::currentSecsSinceEpoch(), 0 };
}

void setTextSilently(QLineEdit *edit, const QString &text)
{
    const QSignalBlocker blocker(edit);
    edit->setText(text);
}

} // namespace

SimulatePanel::SimulatePanel(AccountDocument &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    setObjectName(u"simulatePanel"_s);
    setAccessibleName(tr("Simulate access"));

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(debounceMs);
    connect(m_debounce, &QTimer::timeout, this, &SimulatePanel::runSingle);
    m_gridDebounce = new QTimer(this);
    m_gridDebounce->setSingleShot(true);
    m_gridDebounce->setInterval(debounceMs);
    connect(m_gridDebounce, &QTimer::timeout, this, &SimulatePanel::runGrid);
    m_accountTimer = new QTimer(this);
    m_accountTimer->setSingleShot(true);
    m_accountTimer->setInterval(0);
    connect(m_accountTimer, &QTimer::timeout, this, &SimulatePanel::accountChanged);

    // The panel lives in a narrow dock: everything scrolls as one page.
    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    buildInputs(column);
    buildResult(column);
    column->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"simulateScroll"_s);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    connect(&m_document, &AccountDocument::accountReset, this, &SimulatePanel::accountChangedSoon);
    connect(&m_document, &AccountDocument::accountChanged, this,
            &SimulatePanel::accountChangedSoon);
    refreshCompletions();
    updateSessionInputs();
    showResult();
}

SimulatePanel::~SimulatePanel() = default;

void SimulatePanel::buildInputs(QVBoxLayout *column)
{
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_principals = new QStringListModel(this);
    m_principal = new QComboBox;
    m_principal->setObjectName(u"principalInput"_s);
    m_principal->setAccessibleName(tr("Principal"));
    m_principal->setEditable(true);
    m_principal->setInsertPolicy(QComboBox::NoInsert);
    m_principal->setModel(m_principals);
    m_principal->setCompleter(containsCompleter(m_principals, m_principal));
    m_principal->lineEdit()->setPlaceholderText(tr("user, role, root, service or ARN"));
    m_principal->setToolTip(tr("A user, a role (simulated as a session of it), root, a service "
                               "principal, anonymous, or the ARN of another account's "
                               "principal"));
    m_principal->setMinimumContentsLength(8);
    m_principal->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connect(m_principal, &QComboBox::editTextChanged, this, [this]() {
        updateSessionInputs();
        scheduleSimulation();
        scheduleGrid();
    });
    form->addRow(tr("&Principal"), m_principal);

    m_session = new QLineEdit;
    m_session->setObjectName(u"sessionNameInput"_s);
    m_session->setAccessibleName(tr("Session name"));
    m_session->setPlaceholderText(u"iam-explorer"_s);
    m_session->setToolTip(tr("The role session's name, as in its assumed-role ARN"));
    connect(m_session, &QLineEdit::textChanged, this, [this]() {
        scheduleSimulation();
        scheduleGrid();
    });
    m_sessionLabel = new QLabel(tr("Se&ssion"));
    m_sessionLabel->setBuddy(m_session);
    form->addRow(m_sessionLabel, m_session);
    column->addLayout(form);

    m_sessionPolicyToggle = new QToolButton;
    m_sessionPolicyToggle->setObjectName(u"sessionPolicyToggle"_s);
    m_sessionPolicyToggle->setAccessibleName(tr("Show the session policy"));
    m_sessionPolicyToggle->setText(tr("Session policy (optional)"));
    m_sessionPolicyToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_sessionPolicyToggle->setArrowType(Qt::RightArrow);
    m_sessionPolicyToggle->setCheckable(true);
    m_sessionPolicyToggle->setAutoRaise(true);
    m_sessionPolicy = new PolicyEditor;
    m_sessionPolicy->setObjectName(u"sessionPolicyInput"_s);
    m_sessionPolicy->setAccessibleName(tr("Session policy"));
    PolicyParseOptions options;
    options.type = PolicyType::Session;
    options.name = "session policy";
    m_sessionPolicy->setParseOptions(options);
    m_sessionPolicy->setPlaceholderText(tr("A session policy limits the role session: paste "
                                           "or write one here"));
    m_sessionPolicy->setVisible(false);
    m_sessionPolicy->setMinimumHeight(fontMetrics().height() * 8);
    connect(m_sessionPolicyToggle, &QToolButton::toggled, this, [this](bool shown) {
        m_sessionPolicyToggle->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
        m_sessionPolicy->setVisible(shown);
    });
    connect(m_sessionPolicy, &QPlainTextEdit::textChanged, this, [this]() {
        scheduleSimulation();
        scheduleGrid();
    });
    column->addWidget(m_sessionPolicyToggle);
    column->addWidget(m_sessionPolicy);

    // The two modes as a tab bar over pages that are shown or hidden: a hidden page takes no
    // room, so the short request form does not sit on the grid's height.
    m_modes = new QTabBar;
    m_modes->setObjectName(u"simulateMode"_s);
    m_modes->setAccessibleName(tr("Simulation mode"));
    m_modes->setDocumentMode(true);
    m_modes->setExpanding(false);
    m_modes->addTab(tr("&Request"));
    m_modes->addTab(tr("&Grid"));
    m_requestPage = buildRequestPage();
    m_gridPage = buildGridPage();
    m_gridPage->hide();
    connect(m_modes, &QTabBar::currentChanged, this, [this](int index) {
        m_requestPage->setVisible(index == 0);
        m_gridPage->setVisible(index == 1);
        scheduleGrid();
    });
    column->addWidget(m_modes);
    column->addWidget(m_requestPage);
    column->addWidget(m_gridPage);

    // The context: what AWS fills in, what the policies test, what the user adds.
    auto *contextHeader = new QHBoxLayout;
    auto *contextLabel = new QLabel(tr("Context"));
    contextLabel->setObjectName(u"contextLabel"_s);
    contextHeader->addWidget(contextLabel, 1);
    auto *add = new QToolButton;
    add->setObjectName(u"addContextKey"_s);
    add->setAccessibleName(tr("Add a context key"));
    add->setToolTip(tr("Add a context key"));
    add->setText(u"+"_s);
    auto *remove = new QToolButton;
    remove->setObjectName(u"removeContextKey"_s);
    remove->setAccessibleName(tr("Remove the selected context keys"));
    remove->setToolTip(tr("Remove the selected context keys (an auto key removed is absent "
                          "from the request)"));
    remove->setText(u"−"_s);
    contextHeader->addWidget(add);
    contextHeader->addWidget(remove);
    column->addLayout(contextHeader);

    m_contextModel = new ContextModel(this);
    m_contextTable = new QTableView;
    m_contextTable->setObjectName(u"contextTable"_s);
    m_contextTable->setAccessibleName(tr("Request context"));
    m_contextTable->setModel(m_contextModel);
    m_contextTable->verticalHeader()->hide();
    m_contextTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_contextTable->setWordWrap(false);
    m_contextTable->setTextElideMode(Qt::ElideMiddle);
    m_contextTable->horizontalHeader()->setStretchLastSection(false);
    m_contextTable->horizontalHeader()->setSectionResizeMode(
            ContextModel::KeyColumn, QHeaderView::Interactive);
    m_contextTable->horizontalHeader()->setSectionResizeMode(
            ContextModel::ValueColumn, QHeaderView::Stretch);
    m_contextTable->horizontalHeader()->setSectionResizeMode(
            ContextModel::OriginColumn, QHeaderView::ResizeToContents);
    m_contextTable->setColumnWidth(ContextModel::KeyColumn, fontMetrics().averageCharWidth() * 22);
    m_contextTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_contextTable->setMinimumHeight((fontMetrics().height() + 6) * 8);
    m_contextTable->setEditTriggers(QAbstractItemView::DoubleClicked
            | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    column->addWidget(m_contextTable);
    // The keys the policies need and lack, named where they cannot be scrolled out of sight.
    m_contextWarning = new QLabel;
    m_contextWarning->setObjectName(u"contextWarning"_s);
    m_contextWarning->setWordWrap(true);
    m_contextWarning->hide();
    column->addWidget(m_contextWarning);
    connect(m_contextModel, &ContextModel::contextEdited, this, [this]() {
        scheduleSimulation();
        scheduleGrid();
    });
    connect(add, &QToolButton::clicked, this, [this]() {
        const int row = m_contextModel->addUserRow();
        const QModelIndex key = m_contextModel->index(row, ContextModel::KeyColumn);
        m_contextTable->setCurrentIndex(key);
        m_contextTable->edit(key);
    });
    connect(remove, &QToolButton::clicked, this, &SimulatePanel::removeSelectedContextRows);
}

QWidget *SimulatePanel::buildRequestPage()
{
    auto *page = new QWidget;
    page->setObjectName(u"simulateRequest"_s);
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_actions = new QStringListModel(this);
    m_action = new QLineEdit;
    m_action->setObjectName(u"actionInput"_s);
    m_action->setAccessibleName(tr("Action"));
    m_action->setPlaceholderText(u"s3:GetObject"_s);
    m_action->setCompleter(containsCompleter(m_actions, m_action));
    connect(m_action, &QLineEdit::textChanged, this, &SimulatePanel::scheduleSimulation);
    form->addRow(tr("&Action"), m_action);

    m_resources = new QStringListModel(this);
    m_resource = new QLineEdit(u"*"_s);
    m_resource->setObjectName(u"resourceInput"_s);
    m_resource->setAccessibleName(tr("Resource"));
    m_resource->setPlaceholderText(u"*"_s);
    m_resource->setToolTip(tr("The resource's ARN, or * for actions without one"));
    m_resource->setCompleter(containsCompleter(m_resources, m_resource));
    connect(m_resource, &QLineEdit::textChanged, this, &SimulatePanel::scheduleSimulation);
    form->addRow(tr("R&esource"), m_resource);
    return page;
}

QWidget *SimulatePanel::buildGridPage()
{
    auto *page = new QWidget;
    page->setObjectName(u"simulationGrid"_s);
    auto *layout = new QVBoxLayout(page);
    const int lines = fontMetrics().height() * 4;

    auto *actionsLabel = new QLabel(tr("Actions, one per line (s3:* expands to the account's)"));
    actionsLabel->setWordWrap(true);
    m_gridActions = new QPlainTextEdit;
    m_gridActions->setObjectName(u"gridActionsInput"_s);
    m_gridActions->setAccessibleName(tr("Grid actions"));
    m_gridActions->setPlaceholderText(u"s3:GetObject\ns3:Put*"_s);
    m_gridActions->setFixedHeight(lines);
    actionsLabel->setBuddy(m_gridActions);
    auto *resourcesLabel = new QLabel(tr("Resources, one per line"));
    m_gridResources = new QPlainTextEdit;
    m_gridResources->setObjectName(u"gridResourcesInput"_s);
    m_gridResources->setAccessibleName(tr("Grid resources"));
    m_gridResources->setPlaceholderText(u"arn:aws:s3:::bucket/key\n*"_s);
    m_gridResources->setFixedHeight(lines);
    resourcesLabel->setBuddy(m_gridResources);
    connect(m_gridActions, &QPlainTextEdit::textChanged, this, &SimulatePanel::scheduleGrid);
    connect(m_gridResources, &QPlainTextEdit::textChanged, this, &SimulatePanel::scheduleGrid);

    m_gridModel = new GridModel(this);
    m_gridTable = new QTableView;
    m_gridTable->setObjectName(u"gridTable"_s);
    m_gridTable->setAccessibleName(tr("Decisions by action and resource"));
    m_gridTable->setModel(m_gridModel);
    m_gridTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_gridTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_gridTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_gridTable->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_gridTable->setMinimumHeight(fontMetrics().height() * 10);
    connect(m_gridTable, &QTableView::clicked, this, &SimulatePanel::gridCellClicked);
    connect(m_gridTable, &QTableView::activated, this, &SimulatePanel::gridCellClicked);

    m_gridStatus = new QLabel;
    m_gridStatus->setObjectName(u"gridStatus"_s);
    m_gridStatus->setWordWrap(true);

    layout->addWidget(actionsLabel);
    layout->addWidget(m_gridActions);
    layout->addWidget(resourcesLabel);
    layout->addWidget(m_gridResources);
    layout->addWidget(m_gridTable, 1);
    layout->addWidget(m_gridStatus);
    return page;
}

void SimulatePanel::buildResult(QVBoxLayout *column)
{
    auto *rule = new QFrame;
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Sunken);
    column->addWidget(rule);

    m_badge = new DecisionBadge;
    column->addWidget(m_badge);
    m_flow = new EvaluationFlowWidget;
    column->addWidget(m_flow);

    auto *decidedBy = new QLabel(tr("Decided by"));
    QFont bold = decidedBy->font();
    bold.setBold(true);
    decidedBy->setFont(bold);
    column->addWidget(decidedBy);
    m_deciding = new QListWidget;
    m_deciding->setObjectName(u"decidingStatements"_s);
    m_deciding->setAccessibleName(tr("Deciding statements"));
    m_deciding->setToolTip(tr("Click a statement to open its policy"));
    m_deciding->setWordWrap(true);
    m_deciding->setMaximumHeight(fontMetrics().height() * 4);
    decidedBy->setBuddy(m_deciding);
    connect(m_deciding, &QListWidget::itemClicked, this, &SimulatePanel::statementClicked);
    connect(m_deciding, &QListWidget::itemActivated, this, &SimulatePanel::statementClicked);
    column->addWidget(m_deciding);

    m_notes = new QLabel;
    m_notes->setObjectName(u"simulationNotes"_s);
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(m_notes);

    m_time = new QLabel;
    m_time->setObjectName(u"simulationTime"_s);
    m_time->setForegroundRole(QPalette::PlaceholderText);
    column->addWidget(m_time);
}

bool SimulatePanel::gridShown() const
{
    return m_modes && m_modes->currentIndex() == 1;
}

void SimulatePanel::setPrincipal(const QString &principal)
{
    m_principal->setEditText(principal);
}

void SimulatePanel::setAction(const QString &action)
{
    m_action->setText(action);
}

void SimulatePanel::setResource(const QString &resource)
{
    m_resource->setText(resource);
}

void SimulatePanel::setGridInputs(const QStringList &actions, const QStringList &resources)
{
    m_gridActions->setPlainText(actions.join(u'\n'));
    m_gridResources->setPlainText(resources.join(u'\n'));
}

void SimulatePanel::scheduleSimulation()
{
    m_debounce->start();
}

void SimulatePanel::scheduleGrid()
{
    if (gridShown())
        m_gridDebounce->start();
}

void SimulatePanel::accountChangedSoon()
{
    // The document's Resolver was recreated: ask the new one as soon as the edit is done (a
    // zero timer coalesces the signals of one change), so the result follows within a frame.
    m_accountTimer->start();
}

void SimulatePanel::accountChanged()
{
    refreshCompletions();
    updateSessionInputs();
    runSingle();
    if (gridShown())
        runGrid();
}

void SimulatePanel::refreshCompletions()
{
    const Account &account = m_document.account();
    QStringList principals;
    for (const auto &user : account.users())
        principals.append(toQString(user.name));
    for (const auto &role : account.roles())
        principals.append(toQString(role.name));
    principals.append(u"root"_s);
    principals.append(u"anonymous"_s);
    principals.append(servicePrincipals);
    if (principals != m_principals->stringList()) {
        // Resetting the list must not change what the user typed.
        const QString typed = m_principal->currentText();
        const QSignalBlocker blocker(m_principal);
        m_principals->setStringList(principals);
        m_principal->setEditText(typed);
    }
    // From the document's search index, which reads the documents without compiling them and
    // is built on the loading thread: a 75,000-principal account completes without a freeze.
    m_knownActions = knownActions(m_document.index());
    m_actions->setStringList(toQStringList(m_knownActions));
    const std::vector<std::string> arns = knownResources(account, m_document.index());
    QStringList resources { u"*"_s };
    resources.append(toQStringList(arns));
    m_resources->setStringList(resources);
}

void SimulatePanel::updateSessionInputs()
{
    // The session name and policy are a role session's (findPrincipal names roles so).
    const QString text = m_principal->currentText().trimmed();
    const bool role = !text.isEmpty()
            && (m_document.account().findRole(toStdString(text)) != nullptr
                    || text.contains(u":assumed-role/"_s) || text.contains(u":role/"_s));
    m_session->setEnabled(role);
    m_sessionLabel->setEnabled(role);
    m_sessionPolicyToggle->setEnabled(role || !m_sessionPolicy->toPlainText().isEmpty());
}

SimulatePanel::Prepared SimulatePanel::prepare() const
{
    Prepared prepared;
    const QString principal = m_principal->currentText().trimmed();
    if (principal.isEmpty()) {
        prepared.error = tr("Pick a principal, an action and a resource");
        return prepared;
    }
    std::string error;
    prepared.principal = m_document.resolver().findPrincipal(
            toStdString(principal), toStdString(m_session->text().trimmed()), error);
    if (!prepared.principal) {
        prepared.error = tr("Cannot simulate: %1").arg(toQString(error));
        return prepared;
    }
    const QString text = m_sessionPolicy->toPlainText();
    if (text.trimmed().isEmpty())
        return prepared;
    const Parsed<Policy> parsed =
            parsePolicyText(toStdString(text), m_sessionPolicy->parseOptions());
    if (!parsed.value) {
        QString why = tr("the session policy is not valid");
        for (const auto &d : parsed.diagnostics)
            if (d.severity == Severity::Error) {
                why = tr("the session policy has an error at line %1, column %2: %3")
                              .arg(d.where.line)
                              .arg(d.where.column)
                              .arg(toQString(d.message));
                break;
            }
        prepared.principal.reset();
        prepared.error = tr("Cannot simulate: %1").arg(why);
        return prepared;
    }
    prepared.sessionPolicy = std::make_shared<const Policy>(*parsed.value);
    return prepared;
}

SimulationResult SimulatePanel::run(const Prepared &prepared, const QString &action,
        const QString &resource, bool refreshContext)
{
    SimulationResult result;
    if (!prepared.principal) {
        result.error = prepared.error;
        return result;
    }
    if (action.trimmed().isEmpty()) {
        result.error = tr("Type an action, such as s3:GetObject");
        return result;
    }
    QElapsedTimer timer;
    timer.start();
    const Resolver &resolver = m_document.resolver();
    const QString target = resource.trimmed().isEmpty() ? u"*"_s : resource.trimmed();
    result.request = resolver.resolve(*prepared.principal, toStdString(action.trimmed()),
            toStdString(target), {}, currentInstant());
    if (prepared.sessionPolicy) {
        const PrincipalKind kind = result.request.request.principal.kind;
        if (kind == PrincipalKind::RoleSession || kind == PrincipalKind::FederatedUser) {
            result.request.policies.session = prepared.sessionPolicy;
            result.request.sessionOrigin.via = "session policy";
            result.request.sessionOrigin.routes = { "session policy" };
        } else {
            result.request.assumptions.push_back("the session policy is left out: only role "
                                                 "and federated sessions have one");
        }
    }
    if (refreshContext)
        m_contextModel->setAutoContext(result.request.request.context);
    m_contextModel->applyTo(result.request.request.context);
    result.explanation = explain(result.request.policies, result.request.request);
    result.statementOutcomes = statementOutcomes(result.request, result.explanation);
    result.flow = evaluationFlow(result.request, result.explanation);
    result.elapsedNs = timer.nsecsElapsed();
    if (refreshContext)
        m_contextModel->setPolicyKeys(policyContextKeys(result.request, &result.explanation));
    result.valid = true;
    return result;
}

void SimulatePanel::simulate()
{
    runSingle();
    if (gridShown())
        runGrid();
}

void SimulatePanel::runSingle()
{
    m_debounce->stop();
    m_result = run(prepare(), m_action->text(), m_resource->text(), true);
    showResult();
    Q_EMIT simulated();
}

void SimulatePanel::showResult()
{
    m_deciding->clear();
    if (!m_result.valid) {
        m_badge->setMessage(m_result.error.isEmpty()
                        ? tr("Pick a principal, an action and a resource")
                        : m_result.error);
        m_flow->clear();
        m_notes->clear();
        m_notes->hide();
        m_time->clear();
        updateContextWarning();
        return;
    }
    m_badge->setDecision(m_result.flow.decision, toQString(m_result.flow.badge));
    m_flow->setFlow(m_result.flow);

    for (const StatementOutcome &outcome : m_result.statementOutcomes) {
        if (!outcome.decisive)
            continue;
        QString text = outcome.verdict == StatementVerdict::Denied ? u"✖ "_s : u"✔ "_s;
        text += toQString(outcome.policyName);
        if (!outcome.via.empty() && outcome.via != outcome.policyName)
            text += u" · "_s + toQString(outcome.via);
        text += u" · "_s
                + (outcome.sid.empty() ? tr("statement %1").arg(outcome.statement)
                                       : toQString(outcome.sid));
        auto *item = new QListWidgetItem(text, m_deciding);
        item->setData(DocumentKeyRole, toQString(documentKeyText(outcome.document)));
        item->setData(StatementRole, static_cast<int>(outcome.statement));
        item->setToolTip(outcome.document.isNone()
                        ? toQString(outcome.reason)
                        : toQString(outcome.reason) + u"\n"_s + tr("Click to open the policy"));
    }
    if (m_deciding->count() == 0) {
        auto *item = new QListWidgetItem(m_result.explanation.notes.empty()
                        ? tr("No statement: nothing allows this request")
                        : tr("No statement: a rule decides (see below)"),
                m_deciding);
        item->setFlags(Qt::NoItemFlags);
    }

    QStringList notes;
    for (const auto &note : m_result.explanation.notes)
        notes.append(tr("Rule: %1").arg(toQString(note)));
    for (const auto &assumption : m_result.request.assumptions)
        notes.append(tr("Assumed: %1").arg(toQString(assumption)));
    for (const auto &problem : m_result.request.problems)
        notes.append(tr("Incomplete: %1").arg(toQString(problem.message)));
    if (m_result.request.incomplete())
        notes.prepend(tr("⚠ The decision is incomplete: some policies could not be read."));
    m_notes->setText(notes.join(u'\n'));
    m_notes->setVisible(!notes.isEmpty());
    m_time->setText(elapsedText(m_result.elapsedNs));
    updateContextWarning();
}

void SimulatePanel::updateContextWarning()
{
    QStringList missing;
    for (int row = 0; row < m_contextModel->rowCount(); ++row)
        if (m_contextModel->index(row, 0).data(ContextModel::FlaggedRole).toBool())
            missing.append(m_contextModel->key(row));
    m_contextWarning->setText(tr("⚠ The policies test %1, which the request lacks: "
                                 "conditions on it read it as absent.")
                                      .arg(missing.join(u", "_s)));
    m_contextWarning->setToolTip(tr("Give a value in the context table to test it"));
    m_contextWarning->setVisible(!missing.isEmpty());
}

void SimulatePanel::runGrid()
{
    m_gridDebounce->stop();
    QStringList actions;
    for (const QString &line : linesOf(m_gridActions->toPlainText()))
        for (const auto &action : expandActionPattern(toStdString(line), m_knownActions))
            if (!actions.contains(toQString(action), Qt::CaseInsensitive))
                actions.append(toQString(action));
    QStringList resources = linesOf(m_gridResources->toPlainText());
    if (resources.isEmpty())
        resources.append(u"*"_s);
    if (actions.isEmpty()) {
        m_gridModel->clear();
        m_gridStatus->setText(linesOf(m_gridActions->toPlainText()).isEmpty()
                        ? tr("Type actions, one per line")
                        : tr("No action of the account matches these patterns"));
        return;
    }
    if (actions.size() * resources.size() > maxGridCells) {
        m_gridModel->clear();
        m_gridStatus->setText(tr("%1 pairs are too many: at most %2")
                                      .arg(actions.size() * resources.size())
                                      .arg(maxGridCells));
        return;
    }
    const Prepared prepared = prepare();
    if (!prepared.principal) {
        m_gridModel->clear();
        m_gridStatus->setText(prepared.error);
        return;
    }
    QElapsedTimer timer;
    timer.start();
    std::vector<GridModel::Cell> cells;
    cells.reserve(static_cast<size_t>(actions.size() * resources.size()));
    for (const QString &action : actions)
        for (const QString &resource : resources) {
            const SimulationResult result = run(prepared, action, resource, false);
            GridModel::Cell &cell = cells.emplace_back();
            cell.decision = result.flow.decision;
            cell.badge = toQString(result.flow.badge);
            cell.error = result.valid ? QString() : result.error;
        }
    m_gridModel->setGrid(actions, resources, std::move(cells));
    m_gridStatus->setText(tr("%1 pairs, %2")
                                  .arg(actions.size() * resources.size())
                                  .arg(elapsedText(timer.nsecsElapsed())));
}

void SimulatePanel::gridCellClicked(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    // The pair becomes the request shown in full below.
    setTextSilently(m_action, index.data(GridModel::ActionRole).toString());
    setTextSilently(m_resource, index.data(GridModel::ResourceRole).toString());
    runSingle();
}

void SimulatePanel::statementClicked(QListWidgetItem *item)
{
    const QString key = item ? item->data(DocumentKeyRole).toString() : QString();
    if (key.isEmpty() || key == toQString(documentKeyText({})))
        return;
    Q_EMIT statementActivated(key, item->data(StatementRole).toInt());
}

void SimulatePanel::removeSelectedContextRows()
{
    QList<int> rows;
    for (const QModelIndex &index : m_contextTable->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty() && m_contextTable->currentIndex().isValid())
        rows.append(m_contextTable->currentIndex().row());
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    for (const int row : rows)
        m_contextModel->removeRow(row);
}

} // namespace iamx
