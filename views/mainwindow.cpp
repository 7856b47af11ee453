#include "mainwindow.h"

#include "model/account.h"
#include "views/accountdocument.h"
#include "views/dialogs.h"
#include "views/editor/policyeditor.h"
#include "views/entitydetails.h"
#include "views/filecontroller.h"
#include "views/models/accounttreemodel.h"
#include "views/qtconvert.h"
#include "views/settings.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
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

bool isEntity(Kind kind)
{
    return kind == Kind::User || kind == Kind::Group || kind == Kind::Role || kind == Kind::Policy
            || kind == Kind::Resource;
}

/// How the policy of a row of `kind` is validated.
PolicyParseOptions parseOptions(Kind kind, const QModelIndex &index)
{
    PolicyParseOptions options;
    switch (kind) {
    case Kind::Boundary:
        options.type = PolicyType::PermissionsBoundary;
        break;
    case Kind::TrustPolicy:
        options.type = PolicyType::Resource;
        options.resourceKind = ResourcePolicyKind::TrustPolicy;
        break;
    case Kind::ResourcePolicy:
        options.type = PolicyType::Resource;
        break;
    case Kind::OrgPolicy:
        options.type =
                index.siblingAtColumn(AccountTreeModel::DetailColumn).data().toString() == u"RCP"_s
                ? PolicyType::ResourceControl
                : PolicyType::ServiceControl;
        break;
    default:
        break;
    }
    return options;
}

QIcon actionIcon(const QString &name)
{
    const QString path = u":/icons/"_s + name + u".svg"_s;
    return QFile::exists(path) ? QIcon(path) : QIcon(); // TODO(#4): views/icons
}

/// An action with its object name, icon and shortcut, as every action of the window has.
QAction *makeAction(QObject *parent, const QString &text, const QString &objectName,
        const QKeySequence &shortcut = {}, const QString &icon = {})
{
    auto *action = new QAction(text, parent);
    action->setObjectName(objectName);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    if (!icon.isEmpty())
        action->setIcon(actionIcon(icon));
    return action;
}

} // namespace

MainWindow::MainWindow(AccountDocument &document, QWidget *parent)
    : QMainWindow(parent)
    , m_document(document)
    , m_files(new FileController(document, this))
{
    setObjectName(u"mainWindow"_s);
    m_details = new QPlainTextEdit(this);
    m_details->setObjectName(u"entityDetails"_s);
    m_details->setAccessibleName(tr("Entity details"));
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_details->setPlaceholderText(tr("Select a user, group, role, policy or resource in the "
                                     "account tree."));
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_policyEditor = new PolicyEditor(this);
    m_policyEditor->setReadOnly(true); // until Apply and Revert exist
    m_centre = new QStackedWidget(this);
    m_centre->setObjectName(u"centre"_s);
    m_centre->addWidget(m_details);
    m_centre->addWidget(m_policyEditor);
    setCentralWidget(m_centre);

    createDocks();
    createActions();

    m_accountSummary = new QLabel(this);
    m_accountSummary->setObjectName(u"accountSummary"_s);
    statusBar()->addWidget(m_accountSummary);

    connect(&m_document, &AccountDocument::accountReset, this, &MainWindow::accountReset);
    connect(&m_document, &AccountDocument::fileNameChanged, this, &MainWindow::updateTitle);
    connect(m_document.undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(m_files, &FileController::recentFilesChanged, this,
            &MainWindow::rebuildRecentFilesMenu);
    restoreSettings();
    accountReset();
}

MainWindow::~MainWindow()
{
    // The enlarged font is the application's: give it back, but keep the setting for the
    // next window.
    if (m_presentationMode && m_normalPointSize > 0) {
        QFont font = QApplication::font();
        font.setPointSizeF(m_normalPointSize);
        QApplication::setFont(font);
    }
}

void MainWindow::createActions()
{
    createFileMenu();
    createEditMenu();
    createViewMenu();
    createHelpMenu();
    createToolBar();
}

QMenu *MainWindow::createFileMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(u"fileMenu"_s);
    QAction *open = makeAction(this, tr("&Open…"), u"openAction"_s, QKeySequence::Open, u"open"_s);
    connect(open, &QAction::triggered, m_files, &FileController::open);
    file->addAction(open);
    QAction *import = makeAction(this, tr("&Import Authorization Details…"), u"importAction"_s,
            QKeySequence(tr("Ctrl+I")));
    import->setStatusTip(tr("Open the output of aws iam get-account-authorization-details, "
                            "every page of it, as a new account"));
    connect(import, &QAction::triggered, m_files, &FileController::importFiles);
    file->addAction(import);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(u"recentMenu"_s);
    rebuildRecentFilesMenu();
    file->addSeparator();
    QAction *save = makeAction(this, tr("&Save"), u"saveAction"_s, QKeySequence::Save, u"save"_s);
    connect(save, &QAction::triggered, m_files, &FileController::save);
    file->addAction(save);
    QAction *saveAs = makeAction(
            this, tr("Save &As…"), u"saveAsAction"_s, QKeySequence::SaveAs, u"save-as"_s);
    connect(saveAs, &QAction::triggered, m_files, &FileController::saveAs);
    file->addAction(saveAs);
    file->addSeparator();
    QAction *quit = makeAction(this, tr("&Quit"), u"quitAction"_s, QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    file->addAction(quit);
    return file;
}

void MainWindow::createEditMenu()
{
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(u"editMenu"_s);
    QAction *undo = m_document.undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(u"undoAction"_s);
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(actionIcon(u"undo"_s));
    edit->addAction(undo);
    QAction *redo = m_document.undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(u"redoAction"_s);
    redo->setShortcuts({ QKeySequence(tr("Ctrl+Shift+Z")), QKeySequence::Redo });
    redo->setIcon(actionIcon(u"redo"_s));
    edit->addAction(redo);
}

void MainWindow::createViewMenu()
{
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName(u"viewMenu"_s);
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        m_viewMenu->addAction(dock->toggleViewAction());
    m_viewMenu->addSeparator();
    m_presentationAction = makeAction(this, tr("&Presentation Mode"), u"presentationAction"_s,
            QKeySequence(tr("Ctrl+Shift+P")), u"presentation"_s);
    m_presentationAction->setCheckable(true);
    m_presentationAction->setStatusTip(tr("Larger fonts and no toolbar, for projectors"));
    connect(m_presentationAction, &QAction::toggled, this, &MainWindow::setPresentationMode);
    m_viewMenu->addAction(m_presentationAction);
}

void MainWindow::createHelpMenu()
{
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(u"helpMenu"_s);
    QAction *about = makeAction(this, tr("&About IAM Explorer"), u"aboutAction"_s);
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About IAM Explorer"),
                tr("<h3>IAM Explorer %1</h3><p>Explore an AWS account's access control offline: "
                   "why a request is allowed or denied, statement by statement.</p>")
                        .arg(QApplication::applicationVersion()));
    });
    help->addAction(about);
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(tr("Main"));
    m_toolBar->setObjectName(u"mainToolBar"_s);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    for (const QString &name :
            { u"openAction"_s, u"saveAction"_s, QString(), u"undoAction"_s, u"redoAction"_s }) {
        if (name.isEmpty())
            m_toolBar->addSeparator();
        else if (auto *action = findChild<QAction *>(name))
            m_toolBar->addAction(action);
    }
    m_viewMenu->insertAction(m_presentationAction, m_toolBar->toggleViewAction());
}

void MainWindow::createDocks()
{
    m_treeModel = new AccountTreeModel(&m_document, this);
    m_tree = new QTreeView(this);
    m_tree->setObjectName(u"accountTree"_s);
    m_tree->setAccessibleName(tr("Account"));
    m_tree->setModel(m_treeModel);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setTextElideMode(Qt::ElideLeft); // an ARN's end names the entity
    m_tree->header()->setStretchLastSection(true);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::showEntity);

    auto *dock = new QDockWidget(tr("Account"), this);
    dock->setObjectName(u"accountDock"_s);
    dock->setWidget(m_tree);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    resizeDocks({ dock }, { 460 }, Qt::Horizontal);
}

void MainWindow::rebuildRecentFilesMenu()
{
    m_recentMenu->clear();
    const QStringList files = settings::recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString &path = files[i];
        // &1 … &9, then 10 without a mnemonic.
        const QString label = i < 9 ? u"&%1 %2"_s.arg(i + 1).arg(QFileInfo(path).fileName())
                                    : QFileInfo(path).fileName();
        QAction *action = m_recentMenu->addAction(label);
        action->setObjectName(u"recentFile%1"_s.arg(i + 1));
        action->setToolTip(path);
        action->setStatusTip(path);
        connect(action, &QAction::triggered, this, [this, path] {
            if (m_files->maybeSave())
                m_files->openFile(path);
        });
    }
    m_recentMenu->addSeparator();
    QAction *clear = m_recentMenu->addAction(tr("&Clear Menu"));
    clear->setObjectName(u"clearRecentAction"_s);
    clear->setEnabled(!files.isEmpty());
    connect(clear, &QAction::triggered, this, [this] {
        settings::clearRecentFiles();
        rebuildRecentFilesMenu();
    });
    m_recentMenu->setEnabled(true);
}

void MainWindow::openFile(const QString &path)
{
    m_files->openFile(path);
}

void MainWindow::setPresentationMode(bool on)
{
    if (on == m_presentationMode)
        return;
    m_presentationMode = on;
    QFont font = QApplication::font();
    if (on) {
        m_normalPointSize = font.pointSizeF();
        font.setPointSizeF(m_normalPointSize * presentationScale);
    } else if (m_normalPointSize > 0) {
        font.setPointSizeF(m_normalPointSize);
    }
    // Widgets with a font of their own (the editor's fixed font) follow the application font
    // on ApplicationFontChange.
    QApplication::setFont(font);
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
    restoreGeometry(settings::windowGeometry.value());
    restoreState(settings::windowState.value());
    setPresentationMode(settings::presentationMode.value());
}

void MainWindow::saveSettings() const
{
    settings::windowGeometry.set(saveGeometry());
    settings::windowState.set(saveState());
}

void MainWindow::accountReset()
{
    const Account &account = m_document.account();
    m_tree->expandToDepth(0);
    m_tree->resizeColumnToContents(AccountTreeModel::NameColumn);
    m_details->clear();
    m_policyEditor->clear();
    m_centre->setCurrentWidget(m_details);
    m_accountSummary->setText(tr("account %1 · %2 users · %3 groups · %4 roles · %5 policies · "
                                 "%6 resources")
                                      .arg(toQString(account.accountId()))
                                      .arg(account.users().size())
                                      .arg(account.groups().size())
                                      .arg(account.roles().size())
                                      .arg(account.policies().size())
                                      .arg(account.resources().size()));
    updateTitle();
}

void MainWindow::showEntity(const QModelIndex &index)
{
    if (!index.isValid()) {
        m_details->clear();
        m_centre->setCurrentWidget(m_details);
        return;
    }
    const auto kind = Kind(index.data(AccountTreeModel::KindRole).toInt());
    const QString arn = index.data(AccountTreeModel::ArnRole).toString();
    const QString policy = index.data(AccountTreeModel::PolicyTextRole).toString();
    if (!policy.isEmpty()) {
        m_policyEditor->setParseOptions(parseOptions(kind, index));
        m_policyEditor->setPlainText(dedentedDocument(policy));
        m_centre->setCurrentWidget(m_policyEditor);
        return;
    }
    m_centre->setCurrentWidget(m_details);
    if (isEntity(kind)) {
        m_details->setPlainText(entityDetailsText(m_document.account(), toStdString(arn)));
        return;
    }
    const QModelIndex name = index.siblingAtColumn(AccountTreeModel::NameColumn);
    QString text = name.data().toString();
    const QString detail = name.siblingAtColumn(AccountTreeModel::DetailColumn).data().toString();
    if (!detail.isEmpty())
        text += u"  —  "_s + detail;
    if (!arn.isEmpty())
        text += u"\n"_s + arn;
    m_details->setPlainText(text);
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — IAM Explorer").arg(m_document.displayName()));
    setWindowModified(m_document.isModified());
}

} // namespace iamx
