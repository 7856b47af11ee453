#include "mainwindow.h"

#include "model/account.h"
#include "model/documentkey.h"
#include "model/simulationreport.h"
#include "views/accountdocument.h"
#include "views/accounttreeview.h"
#include "views/commands/documentcommands.h"
#include "views/dialogs.h"
#include "views/editcontroller.h"
#include "views/editor/policyeditor.h"
#include "views/editor/policypage.h"
#include "views/entitytabs.h"
#include "views/filecontroller.h"
#include "views/models/accounttreemodel.h"
#include "views/models/diagnosticsmodel.h"
#include "views/problemsview.h"
#include "views/qtconvert.h"
#include "views/settings.h"
#include "views/simulate/simulatepanel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QSaveFile>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace iamx {

namespace {

using Kind = AccountTreeModel::NodeKind;

/// How much presentation mode enlarges the fonts (ui.md: "about 1.6×").
constexpr qreal presentationScale = 1.6;
/// Classes the platform theme may give fonts of their own (QPlatformTheme::Font).
constexpr const char *themedClasses[] = { "QDockWidget", "QMenu", "QMenuBar", "QHeaderView",
    "QTabBar", "QStatusBar", "QToolTip", "QToolButton", "QPushButton", "QComboBox", "QLineEdit" };

/// The Problems list's source for the account file's own findings.
const QString accountSource()
{
    return u"account"_s;
}

bool writeFile(const QString &path, const QByteArray &content, QString &error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()
            || !file.commit()) {
        error = u"%1: %2"_s.arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

MainWindow::MainWindow(AccountDocument &document, QWidget *parent)
    : QMainWindow(parent)
    , m_document(document)
    , m_files(new FileController(document, this))
    , m_edits(new EditController(document, this))
{
    setObjectName(u"mainWindow"_s);
    setDockNestingEnabled(true);
    m_tabs = new EntityTabs(m_document, this);
    // With no tab open, the centre says where to start rather than stay blank.
    auto *welcome = new QLabel(tr("<p style='font-size:large'><b>Select a user, group, role, "
                                  "policy or resource in the account tree</b></p>"
                                  "<p>Double-click (or Enter) keeps it open in a tab of its own."
                                  "<br>The Simulate Access panel asks about the selected "
                                  "principal: F5 runs it.</p>"
                                  "<p>Ctrl+Shift+F filters the tree · Ctrl+O opens an account · "
                                  "Ctrl+/ lists every shortcut</p>"),
            this);
    welcome->setObjectName(u"welcome"_s);
    welcome->setAlignment(Qt::AlignCenter);
    welcome->setWordWrap(true);
    welcome->setForegroundRole(QPalette::PlaceholderText);
    auto *centre = new QStackedWidget(this);
    centre->setObjectName(u"centre"_s);
    centre->addWidget(welcome);
    centre->addWidget(m_tabs);
    setCentralWidget(centre);
    connect(m_tabs, &QTabWidget::currentChanged, centre, [this, centre] {
        centre->setCurrentWidget(
                m_tabs->count() > 0 ? static_cast<QWidget *>(m_tabs) : centre->widget(0));
    });
    createDocks();
    createMenus();
    createToolBar();
    createStatusBar();

    m_files->setBeforeDiscard([this] { return m_tabs->maybeDiscardEdits(); });
    connect(&m_document, &AccountDocument::accountReset, this, &MainWindow::accountReset);
    connect(&m_document, &AccountDocument::fileNameChanged, this, &MainWindow::updateTitle);
    connect(&m_document, &AccountDocument::accountChanged, this,
            &MainWindow::updateAccountProblems);
    connect(m_document.undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(m_files, &FileController::recentFilesChanged, this,
            &MainWindow::rebuildRecentFilesMenu);

    connect(m_tree, &AccountTreeView::currentEntityChanged, this, &MainWindow::previewRow);
    connect(m_tree, &AccountTreeView::activated, this, &MainWindow::openRow);
    connect(m_tree, &AccountTreeView::contextMenuRequested, this,
            [this](const QModelIndex &index, const QPoint &globalPos) {
                m_edits->setTarget(index);
                QMenu menu(this);
                menu.setObjectName(u"treeContextMenu"_s);
                m_edits->fillContextMenu(&menu);
                if (!menu.isEmpty())
                    menu.exec(globalPos);
            });
    connect(m_edits, &EditController::documentRequested, this,
            [this](const QString &key) { m_tabs->showDocument(key, true); });

    connect(m_tabs, &EntityTabs::applyRequested, this, &MainWindow::applyPolicy);
    connect(m_tabs, &EntityTabs::pageChanged, this, &MainWindow::updateProblems);
    connect(m_tabs, &EntityTabs::pageChanged, this, &MainWindow::updatePolicyActions);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updatePolicyActions);
    connect(m_tabs, &EntityTabs::pageClosed, this, [this](const QString &id) {
        if (id.startsWith(u"document:"_s))
            m_diagnostics->removeSource(id.mid(9));
    });
    connect(m_tabs, &EntityTabs::entityActivated, this,
            [this](const QString &arn) { m_tabs->showEntity(arn, true); });

    connect(m_simulate, &SimulatePanel::simulated, this, &MainWindow::simulated);
    connect(m_simulate, &SimulatePanel::statementActivated, this, &MainWindow::showStatement);
    connect(m_problems, &ProblemsView::problemActivated, this, &MainWindow::showProblem);

    restoreSettings();
    accountReset();
    updatePolicyActions();
}

MainWindow::~MainWindow()
{
    // The enlarged fonts are the application's: give them back, but keep the setting for the
    // next window.
    if (m_presentationMode)
        restoreNormalFonts();
}

void MainWindow::restoreNormalFonts()
{
    if (m_normalFonts.isEmpty())
        return;
    QApplication::setFont(m_normalFonts[0]);
    for (qsizetype i = 0; i < qsizetype(std::size(themedClasses)); ++i)
        QApplication::setFont(m_normalFonts[i + 1], themedClasses[i]);
    m_normalFonts.clear();
}

void MainWindow::createDocks()
{
    m_tree = new AccountTreeView(&m_document, this);
    auto *accountDock = new QDockWidget(tr("Account"), this);
    accountDock->setObjectName(u"accountDock"_s);
    accountDock->setWidget(m_tree);
    addDockWidget(Qt::LeftDockWidgetArea, accountDock);

    m_simulate = new SimulatePanel(m_document, this);
    auto *simulateDock = new QDockWidget(tr("Simulate Access"), this);
    simulateDock->setObjectName(u"simulateDock"_s);
    simulateDock->setWidget(m_simulate);
    addDockWidget(Qt::RightDockWidgetArea, simulateDock);

    m_diagnostics = new DiagnosticsModel(this);
    m_problems = new ProblemsView(m_diagnostics, this);
    auto *problemsDock = new QDockWidget(tr("Problems"), this);
    problemsDock->setObjectName(u"problemsDock"_s);
    problemsDock->setWidget(m_problems);
    addDockWidget(Qt::BottomDockWidgetArea, problemsDock);
    connect(m_diagnostics, &DiagnosticsModel::countsChanged, this, [this] {
        const int errors = m_diagnostics->count(Severity::Error);
        const int warnings = m_diagnostics->count(Severity::Warning)
                + m_diagnostics->count(Severity::SecurityWarning);
        m_problemSummary->setText(tr("✖ %1  ⚠ %2").arg(errors).arg(warnings));
    });

    // The proportions of ui.md's sketch: tree and simulate panel beside a wide editor.
    resizeDocks({ accountDock, simulateDock }, { 340, 400 }, Qt::Horizontal);
    resizeDocks({ problemsDock }, { 140 }, Qt::Vertical);
}

void MainWindow::createStatusBar()
{
    m_accountSummary = new QLabel(this);
    m_accountSummary->setObjectName(u"accountSummary"_s);
    statusBar()->addWidget(m_accountSummary, 1);
    m_problemSummary = new QLabel(tr("✖ 0  ⚠ 0"), this);
    m_problemSummary->setObjectName(u"problemSummary"_s);
    m_problemSummary->setToolTip(tr("Errors and warnings in the Problems list"));
    statusBar()->addPermanentWidget(m_problemSummary);
    m_simulationTime = new QLabel(this);
    m_simulationTime->setObjectName(u"simulationTime"_s);
    // Room for the longest figure from the start: the status bar does not widen a permanent
    // widget whose text grows later.
    m_simulationTime->setMinimumWidth(
            m_simulationTime->fontMetrics().horizontalAdvance(tr("simulated in 999.9 ms")));
    m_simulationTime->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    statusBar()->addPermanentWidget(m_simulationTime);
}

void MainWindow::openFile(const QString &path)
{
    m_files->openFile(path);
}

void MainWindow::accountReset()
{
    const Account &account = m_document.account();
    m_accountSummary->setText(tr("account %1 · %2 users · %3 groups · %4 roles · %5 policies · "
                                 "%6 resources")
                                      .arg(toQString(account.accountId()))
                                      .arg(account.users().size())
                                      .arg(account.groups().size())
                                      .arg(account.roles().size())
                                      .arg(account.policies().size())
                                      .arg(account.resources().size()));
    updateAccountProblems();
    m_edits->setTarget({});
    m_previewedRow.clear();
    updateTitle();
}

void MainWindow::updateAccountProblems()
{
    // What the file itself has wrong stays listed, with its location, as long as it is open,
    // and what only the whole account shows (an unused policy, a trust policy naming a deleted
    // role). After an edit of a large account those checks wait for the next load: they
    // weigh every statement, which the window must not wait for on every edit.
    constexpr size_t largeAccount = 2000;
    const Account &account = m_document.account();
    if (!m_document.hasAccountFindings()
            && account.users().size() + account.roles().size() > largeAccount)
        return;
    std::vector<Diagnostic> problems = account.diagnostics();
    const auto &findings = m_document.accountFindings();
    problems.insert(problems.end(), findings.begin(), findings.end());
    m_diagnostics->setDiagnostics(accountSource(), m_document.displayName(), problems);
}

void MainWindow::previewRow(const QModelIndex &index)
{
    m_edits->setTarget(index);
    // The tree reports its current row again after an edit rebuilt it; the centre then stays
    // as it is (the editor that applied keeps the focus).
    const QString row = index.data(AccountTreeModel::KindRole).toString() + u'|'
            + index.data(AccountTreeModel::ArnRole).toString() + u'|'
            + index.data(AccountTreeModel::DocumentKeyRole).toString() + u'|'
            + index.data(AccountTreeModel::StatementRole).toString();
    if (row == m_previewedRow)
        return;
    m_previewedRow = row;
    showRow(index, false);
    const Kind kind = Kind(index.data(AccountTreeModel::KindRole).toInt());
    if (kind == Kind::User || kind == Kind::Role)
        m_simulate->setPrincipal(index.data(AccountTreeModel::ArnRole).toString());
}

void MainWindow::openRow(const QModelIndex &index)
{
    m_edits->setTarget(index);
    showRow(index, true);
}

void MainWindow::showRow(const QModelIndex &index, bool keep)
{
    if (!index.isValid())
        return;
    const Kind kind = Kind(index.data(AccountTreeModel::KindRole).toInt());
    const QString key = index.data(AccountTreeModel::DocumentKeyRole).toString();
    if (AccountTreeModel::standsForDocument(kind) && !key.isEmpty()) {
        // A statement of a boundary is validated as its boundary is.
        const QModelIndex document = kind == Kind::Statement ? index.parent() : index;
        const bool asBoundary =
                Kind(document.data(AccountTreeModel::KindRole).toInt()) == Kind::Boundary;
        PolicyPage *page = m_tabs->showDocument(key, keep, asBoundary);
        const int statement = index.data(AccountTreeModel::StatementRole).toInt();
        if (page && statement >= 0)
            page->scrollToStatement(statement);
        return;
    }
    if (kind == Kind::User || kind == Kind::Group || kind == Kind::Role || kind == Kind::Resource)
        m_tabs->showEntity(index.data(AccountTreeModel::ArnRole).toString(), keep);
}

void MainWindow::applyPolicy(const QString &key, const QString &text)
{
    const auto parsed = parseDocumentKey(toStdString(key));
    PolicyPage *page = m_tabs->documentPage(key);
    if (!parsed || !page)
        return;
    if (const QString error = m_document.push(new SetPolicyTextCommand(m_document, *parsed, text));
            !error.isEmpty()) {
        dialogs::showError(this, tr("Cannot apply the policy"), error);
        return;
    }
    page->markApplied();
    // The simulation re-runs on the document's accountChanged(), within the same turn.
}

void MainWindow::simulated()
{
    const SimulationResult &result = m_simulate->lastResult();
    if (!result.valid) {
        m_tabs->setStatementOutcomes({});
        m_simulationTime->setText(tr("not simulated"));
        return;
    }
    m_tabs->setStatementOutcomes(result.statementOutcomes);
    const double micro = double(result.elapsedNs) / 1000.0;
    m_simulationTime->setText(micro < 1000 ? tr("simulated in %1 µs").arg(micro, 0, 'f', 0)
                                           : tr("simulated in %1 ms").arg(micro / 1000, 0, 'f', 1));
}

void MainWindow::showStatement(const QString &key, int statement)
{
    if (PolicyPage *page = m_tabs->showDocument(key, true)) {
        page->scrollToStatement(statement);
        page->editor()->setFocus();
    }
}

void MainWindow::showProblem(const QString &sourceId, int line, int column)
{
    if (sourceId == accountSource()) {
        statusBar()->showMessage(
                tr("%1, line %2, column %3").arg(m_document.displayName()).arg(line).arg(column),
                5000);
        return;
    }
    if (PolicyPage *page = m_tabs->showDocument(sourceId, true))
        page->moveToLocation(line, column);
}

void MainWindow::updateProblems(PolicyPage *page)
{
    m_diagnostics->setDiagnostics(
            page->documentKeyText(), page->title(), page->editor()->diagnostics());
}

void MainWindow::updatePolicyActions()
{
    PolicyPage *page = m_tabs->currentDocumentPage();
    // From the page's state, not its actions: those are updated after it says it changed.
    m_formatAction->setEnabled(page && !page->isReadOnly());
    m_applyAction->setEnabled(page && page->canApply());
    m_revertAction->setEnabled(page && !page->isReadOnly() && page->isModified());
    m_exportPolicyAction->setEnabled(page != nullptr);
}

void MainWindow::exportPolicy()
{
    PolicyPage *page = m_tabs->currentDocumentPage();
    if (!page)
        return;
    QString suggested = page->title();
    suggested.replace(QRegularExpression(u"[^A-Za-z0-9_.+=,@-]+"_s), u"-"_s);
    const QString path = dialogs::saveFileName(this, tr("Export policy"), suggested + u".json"_s,
            tr("Policy documents (*.json);;All files (*)"));
    QString error;
    if (!path.isEmpty() && !writeFile(path, page->text().toUtf8(), error))
        dialogs::showError(this, tr("Cannot export the policy"), error);
}

void MainWindow::exportSimulation()
{
    const SimulationResult &result = m_simulate->lastResult();
    if (!result.valid) {
        dialogs::showError(this, tr("Nothing to export"),
                tr("There is no simulation result to export: %1").arg(result.error));
        return;
    }
    const QString path = dialogs::saveFileName(this, tr("Export simulation result"),
            u"simulation.md"_s, tr("Markdown (*.md);;JSON (*.json)"));
    if (path.isEmpty())
        return;
    const bool json = QFileInfo(path).suffix().compare(u"json"_s, Qt::CaseInsensitive) == 0;
    const std::string text = json ? simulationJson(result.request, result.explanation)
                                  : simulationMarkdown(result.request, result.explanation);
    QString error;
    if (!writeFile(path, QByteArray::fromStdString(text), error))
        dialogs::showError(this, tr("Cannot export the simulation result"), error);
}

void MainWindow::setPresentationMode(bool on)
{
    if (on == m_presentationMode)
        return;
    m_presentationMode = on;
    // The application's font, and the fonts the platform gives some classes of its own (dock
    // titles, menus, headers): all of them, or those would stay small on the projector.
    // Widgets with a font of their own (the editor's fixed font) follow on
    // ApplicationFontChange.
    if (on) {
        m_normalFonts.clear();
        m_normalFonts.append(QApplication::font());
        for (const char *className : themedClasses)
            m_normalFonts.append(QApplication::font(className));
        const auto scaled = [](QFont font) {
            font.setPointSizeF(font.pointSizeF() * presentationScale);
            return font;
        };
        QApplication::setFont(scaled(m_normalFonts[0]));
        for (qsizetype i = 0; i < qsizetype(std::size(themedClasses)); ++i)
            QApplication::setFont(scaled(m_normalFonts[i + 1]), themedClasses[i]);
    } else {
        restoreNormalFonts();
    }
    m_toolBar->setVisible(!on);
    const QSignalBlocker blocker(m_presentationAction);
    m_presentationAction->setChecked(on);
    settings::presentationMode.set(on);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_files->maybeSave()) {
        event->ignore();
        return;
    }
    saveSettings();
    event->accept();
}

void MainWindow::restoreSettings()
{
    if (!restoreGeometry(settings::windowGeometry.value())) {
        // The first run: most of the screen, so that tree, editor and panel all have room.
        if (const QScreen *screen = QGuiApplication::primaryScreen()) {
            const QRect available = screen->availableGeometry();
            resize(available.size() * 0.85);
            move(available.center() - rect().center());
        }
    }
    restoreState(settings::windowState.value());
    setPresentationMode(settings::presentationMode.value());
}

void MainWindow::saveSettings() const
{
    settings::windowGeometry.set(saveGeometry());
    settings::windowState.set(saveState());
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — IAM Explorer").arg(m_document.displayName()));
    setWindowModified(m_document.isModified());
}

} // namespace iamx
