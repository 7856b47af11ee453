// The main window's menus, toolbar and shortcuts (ui.md, "Window" and "Look"): every action has
// a menu entry, an object name and a shortcut.

#include "mainwindow.h"

#include "views/accountdocument.h"
#include "views/accounttreeview.h"
#include "views/editcontroller.h"
#include "views/editor/policypage.h"
#include "views/entitytabs.h"
#include "views/filecontroller.h"
#include "views/icons.h"
#include "views/problemsview.h"
#include "views/settings.h"
#include "views/simulate/simulatepanel.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFileInfo>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QTabBar>
#include <QTableWidget>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace iamx {

namespace {

/// An action with its object name, icon and shortcut, as every action of the window has.
QAction *makeAction(QObject *parent, const QString &text, const QString &objectName,
        const QKeySequence &shortcut = {}, const QString &icon = {})
{
    auto *action = new QAction(text, parent);
    action->setObjectName(objectName);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    if (!icon.isEmpty())
        action->setIcon(QIcon(icons::path(icon)));
    return action;
}

/// A window action that runs the current policy page's own action. The page's action holds
/// the shortcut (active while the focus is in the page, so it never clashes with the tree's);
/// the menu shows it after a tab, as menus show shortcuts.
QAction *makePageAction(QObject *parent, const QString &text, const QString &objectName,
        const QKeySequence &shortcut, const QString &icon)
{
    const QString shown =
            shortcut.isEmpty() ? text : text + u'\t' + shortcut.toString(QKeySequence::NativeText);
    return makeAction(parent, shown, objectName, {}, icon);
}

} // namespace

void MainWindow::createMenus()
{
    createFileMenu();
    createEditMenu();
    createViewMenu();
    createSimulateMenu();
    createHelpMenu();
}

void MainWindow::createFileMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(u"fileMenu"_s);
    QAction *open = makeAction(this, tr("&Open…"), u"openAction"_s, QKeySequence::Open, u"open"_s);
    open->setStatusTip(tr("Open a workspace or the output of "
                          "aws iam get-account-authorization-details"));
    connect(open, &QAction::triggered, m_files, &FileController::open);
    file->addAction(open);
    QAction *import = makeAction(this, tr("&Import Authorization Details…"), u"importAction"_s,
            QKeySequence(tr("Ctrl+I")));
    import->setStatusTip(tr("Open every page of one export of "
                            "aws iam get-account-authorization-details as a new account"));
    connect(import, &QAction::triggered, m_files, &FileController::importFiles);
    file->addAction(import);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(u"recentMenu"_s);
    rebuildRecentFilesMenu();
    file->addSeparator();
    QAction *save = makeAction(this, tr("&Save"), u"saveAction"_s, QKeySequence::Save, u"save"_s);
    connect(save, &QAction::triggered, m_files, &FileController::save);
    file->addAction(save);
    QAction *saveAs = makeAction(this, tr("Save &As…"), u"saveAsAction"_s,
            QKeySequence(tr("Ctrl+Shift+S")), u"save-as"_s);
    connect(saveAs, &QAction::triggered, m_files, &FileController::saveAs);
    file->addAction(saveAs);
    file->addSeparator();
    m_exportPolicyAction = makeAction(this, tr("&Export Policy…"), u"exportPolicyAction"_s,
            QKeySequence(tr("Ctrl+E")), u"export"_s);
    connect(m_exportPolicyAction, &QAction::triggered, this, &MainWindow::exportPolicy);
    file->addAction(m_exportPolicyAction);
    QAction *exportSimulation = makeAction(this, tr("Export Simulation &Result…"),
            u"exportSimulationAction"_s, QKeySequence(tr("Ctrl+Shift+E")));
    exportSimulation->setStatusTip(tr("The last simulation as Markdown or JSON"));
    connect(exportSimulation, &QAction::triggered, this, &MainWindow::exportSimulation);
    file->addAction(exportSimulation);
    file->addSeparator();
    QAction *quit = makeAction(this, tr("&Quit"), u"quitAction"_s, QKeySequence(tr("Ctrl+Q")));
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    file->addAction(quit);
}

void MainWindow::createEditMenu()
{
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(u"editMenu"_s);
    QAction *undo = m_document.undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(u"undoAction"_s);
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(QIcon(icons::path(u"undo")));
    edit->addAction(undo);
    QAction *redo = m_document.undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(u"redoAction"_s);
    redo->setShortcuts({ QKeySequence(tr("Ctrl+Shift+Z")), QKeySequence(tr("Ctrl+Y")) });
    redo->setIcon(QIcon(icons::path(u"redo")));
    edit->addAction(redo);
    // In an editor Ctrl+Z undoes typing (the editor takes the key first, through
    // ShortcutOverride); elsewhere it undoes the last edit of the account.
    edit->addSeparator();

    m_formatAction = makePageAction(this, tr("&Format Policy"), u"formatPolicyAction"_s,
            QKeySequence(tr("Ctrl+Shift+I")), u"format"_s);
    connect(m_formatAction, &QAction::triggered, this, [this] {
        if (PolicyPage *page = m_tabs->currentDocumentPage())
            page->format();
    });
    m_applyAction = makePageAction(this, tr("&Apply Policy"), u"applyPolicyAction"_s,
            QKeySequence(tr("Ctrl+Return")), u"apply"_s);
    connect(m_applyAction, &QAction::triggered, this, [this] {
        if (PolicyPage *page = m_tabs->currentDocumentPage())
            page->apply();
    });
    m_revertAction =
            makePageAction(this, tr("Re&vert Policy"), u"revertPolicyAction"_s, {}, u"revert"_s);
    connect(m_revertAction, &QAction::triggered, this, [this] {
        if (PolicyPage *page = m_tabs->currentDocumentPage())
            page->revert();
    });
    edit->addActions({ m_formatAction, m_applyAction, m_revertAction });
    edit->addSeparator();
    for (QAction *action : m_edits->actions()) {
        if (action) {
            // Window-wide shortcuts, also when the menu bar is hidden; but Delete and F2 only
            // in the tree (in an editor they edit text).
            if (action->shortcutContext() != Qt::WidgetWithChildrenShortcut)
                addAction(action);
            edit->addAction(action);
        } else {
            edit->addSeparator();
        }
    }
    for (const QString &name : { u"deleteAction"_s, u"renameAction"_s })
        if (auto *action = m_edits->findChild<QAction *>(name))
            m_tree->treeView()->addAction(action);
}

void MainWindow::createViewMenu()
{
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName(u"viewMenu"_s);
    const QStringList dockShortcuts = { tr("Ctrl+1"), tr("Ctrl+2"), tr("Ctrl+3") };
    int i = 0;
    for (const QString &name : { u"accountDock"_s, u"simulateDock"_s, u"problemsDock"_s }) {
        auto *dock = findChild<QDockWidget *>(name);
        QAction *toggle = dock->toggleViewAction();
        toggle->setObjectName(name + u"Toggle"_s);
        toggle->setShortcut(QKeySequence(dockShortcuts[i++]));
        m_viewMenu->addAction(toggle);
    }
    QAction *filter = makeAction(this, tr("&Filter Account Tree"), u"filterTreeAction"_s,
            QKeySequence(tr("Ctrl+Shift+F")), u"filter"_s);
    connect(filter, &QAction::triggered, this, [this] {
        findChild<QDockWidget *>(u"accountDock"_s)->show();
        m_tree->filterEdit()->setFocus(Qt::ShortcutFocusReason);
        m_tree->filterEdit()->selectAll();
    });
    m_viewMenu->addAction(filter);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_problems->nextProblemAction());
    m_viewMenu->addAction(m_problems->previousProblemAction());
    addActions({ m_problems->nextProblemAction(), m_problems->previousProblemAction() });
    m_viewMenu->addSeparator();
    QAction *closeTab =
            makeAction(this, tr("&Close Tab"), u"closeTabAction"_s, QKeySequence(tr("Ctrl+W")));
    connect(closeTab, &QAction::triggered, this, [this] {
        if (m_tabs->currentIndex() >= 0)
            m_tabs->closeTab(m_tabs->currentIndex());
    });
    m_viewMenu->addAction(closeTab);
    m_viewMenu->addSeparator();
    m_presentationAction = makeAction(this, tr("&Presentation Mode"), u"presentationAction"_s,
            QKeySequence(tr("Ctrl+Shift+P")), u"presentation"_s);
    m_presentationAction->setCheckable(true);
    m_presentationAction->setStatusTip(tr("Larger fonts and no toolbar, for projectors"));
    connect(m_presentationAction, &QAction::toggled, this, &MainWindow::setPresentationMode);
    m_viewMenu->addAction(m_presentationAction);
    addAction(m_presentationAction);
}

void MainWindow::createSimulateMenu()
{
    QMenu *simulate = menuBar()->addMenu(tr("&Simulate"));
    simulate->setObjectName(u"simulateMenu"_s);
    QAction *run = makeAction(
            this, tr("&Simulate"), u"simulateAction"_s, QKeySequence(Qt::Key_F5), u"simulate"_s);
    run->setStatusTip(tr("Run the simulation of the Simulate Access panel now"));
    connect(run, &QAction::triggered, m_simulate, &SimulatePanel::simulate);
    simulate->addAction(run);
    addAction(run);
    const auto showMode = [this](int mode) {
        findChild<QDockWidget *>(u"simulateDock"_s)->show();
        if (auto *modes = m_simulate->findChild<QTabBar *>(u"simulateMode"_s))
            modes->setCurrentIndex(mode);
    };
    QAction *single = makeAction(
            this, tr("One &Request"), u"simulateRequestAction"_s, QKeySequence(tr("Ctrl+Shift+R")));
    connect(single, &QAction::triggered, this, [showMode] { showMode(0); });
    QAction *grid = makeAction(
            this, tr("&Grid of Requests"), u"simulateGridAction"_s, QKeySequence(tr("Ctrl+G")));
    grid->setStatusTip(tr("Several actions and resources, a decision for each pair"));
    connect(grid, &QAction::triggered, this, [showMode] { showMode(1); });
    simulate->addActions({ single, grid });
    addActions({ single, grid });
}

void MainWindow::createHelpMenu()
{
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(u"helpMenu"_s);
    QAction *shortcuts = makeAction(
            this, tr("&Keyboard Shortcuts"), u"shortcutsAction"_s, QKeySequence(tr("Ctrl+/")));
    connect(shortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
    help->addAction(shortcuts);
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
    for (const QString &name : { u"openAction"_s, u"saveAction"_s, QString(), u"undoAction"_s,
                 u"redoAction"_s, QString(), u"formatPolicyAction"_s, u"applyPolicyAction"_s,
                 u"revertPolicyAction"_s, QString(), u"simulateAction"_s }) {
        if (name.isEmpty())
            m_toolBar->addSeparator();
        else if (auto *action = findChild<QAction *>(name))
            m_toolBar->addAction(action);
    }
    QAction *toggle = m_toolBar->toggleViewAction();
    toggle->setObjectName(u"toolBarToggle"_s);
    toggle->setText(tr("&Toolbar"));
    toggle->setShortcut(QKeySequence(tr("Ctrl+4")));
    m_viewMenu->insertAction(m_presentationAction, toggle);
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
}

void MainWindow::showShortcuts()
{
    // Every action of the window with its shortcut, searchable: the answer to "is there a key
    // for this?" without leaving the keyboard.
    QDialog dialog(this);
    dialog.setObjectName(u"shortcutsDialog"_s);
    dialog.setWindowTitle(tr("Keyboard Shortcuts"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *search = new QLineEdit(&dialog);
    search->setPlaceholderText(tr("Search"));
    search->setClearButtonEnabled(true);
    layout->addWidget(search);
    auto *table = new QTableWidget(0, 2, &dialog);
    table->setHorizontalHeaderLabels({ tr("Action"), tr("Shortcut") });
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    QList<QAction *> actions = findChildren<QAction *>();
    for (PolicyPage *page : m_tabs->documentPages())
        for (QAction *action : { page->applyAction(), page->formatAction(), page->findAction() })
            if (!actions.contains(action))
                actions << action;
    QStringList seen;
    for (QAction *action : actions) {
        const QString text = action->text().section(u'\t', 0, 0).remove(u'&');
        const QString keys = action->shortcut().toString(QKeySequence::NativeText);
        if (text.isEmpty() || keys.isEmpty() || seen.contains(text))
            continue;
        seen << text;
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, 0, new QTableWidgetItem(text));
        table->setItem(row, 1, new QTableWidgetItem(keys));
    }
    table->sortItems(0);
    layout->addWidget(table);
    connect(search, &QLineEdit::textChanged, table, [table](const QString &text) {
        for (int row = 0; row < table->rowCount(); ++row)
            table->setRowHidden(row,
                    !table->item(row, 0)->text().contains(text, Qt::CaseInsensitive)
                            && !table->item(row, 1)->text().contains(text, Qt::CaseInsensitive));
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(480, 560);
    dialog.exec();
}

} // namespace iamx
