#pragma once

#include <QFont>
#include <QList>
#include <QMainWindow>

class QAction;
class QLabel;
class QMenu;
class QModelIndex;
class QToolBar;

namespace iamx {

class AccountDocument;
class AccountTreeView;
class DiagnosticsModel;
class EditController;
class EntityTabs;
class FileController;
class PolicyPage;
class ProblemsView;
class SimulatePanel;

/// The main window (ui.md, "Window"): the account tree in the left dock, open entities and
/// policies as tabs in the centre, Simulate access in the right dock, Problems at the bottom,
/// menus, toolbar and status bar. Wiring only: what it shows comes from the document and the
/// views it holds; the File menu's work is FileController's, the account edits
/// EditController's.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// A window on `document`, which must outlive it.
    explicit MainWindow(AccountDocument &document, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens `path` as the window's account, on a worker thread: returns at once, and the
    /// file controller's loadFinished() tells when it is done. Errors are shown through
    /// dialogs.h.
    void openFile(const QString &path);
    /// The File menu's controller (open, save, recent files); tests wait on its signals.
    FileController *files() const { return m_files; }
    AccountTreeView *accountTree() const { return m_tree; }
    EntityTabs *tabs() const { return m_tabs; }
    SimulatePanel *simulatePanel() const { return m_simulate; }
    EditController *edits() const { return m_edits; }

    /// View → Presentation mode: fonts about 1.6× larger and the toolbar hidden, for
    /// projectors (ui.md, "Look").
    void setPresentationMode(bool on);
    bool isPresentationMode() const { return m_presentationMode; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // Construction (mainwindowmenus.cpp builds the menus and the toolbar).
    void createDocks();
    void createMenus();
    void createFileMenu();
    void createEditMenu();
    void createViewMenu();
    void createSimulateMenu();
    void createHelpMenu();
    void createToolBar();
    void createStatusBar();
    void rebuildRecentFilesMenu();
    void showShortcuts();

    // Following the user.
    void accountReset();
    void updateAccountProblems();
    /// The tree's current row: previewed in the centre, its principal simulated.
    void previewRow(const QModelIndex &index);
    /// The tree's activated row (double-click, Enter): opened in a tab that stays.
    void openRow(const QModelIndex &index);
    void showRow(const QModelIndex &index, bool keep);
    void applyPolicy(const QString &key, const QString &text);
    void simulated();
    void showStatement(const QString &key, int statement);
    void showProblem(const QString &sourceId, int line, int column);
    void updateProblems(PolicyPage *page);
    void updatePolicyActions();
    void exportPolicy();
    void exportSimulation();
    void updateTitle();
    void restoreSettings();
    void saveSettings() const;
    void restoreNormalFonts();

    AccountDocument &m_document;
    FileController *m_files = nullptr;
    EditController *m_edits = nullptr;
    AccountTreeView *m_tree = nullptr;
    EntityTabs *m_tabs = nullptr;
    SimulatePanel *m_simulate = nullptr;
    DiagnosticsModel *m_diagnostics = nullptr;
    ProblemsView *m_problems = nullptr;
    QLabel *m_accountSummary = nullptr;
    QLabel *m_problemSummary = nullptr;
    QLabel *m_simulationTime = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QToolBar *m_toolBar = nullptr;
    QAction *m_formatAction = nullptr;
    QAction *m_applyAction = nullptr;
    QAction *m_revertAction = nullptr;
    QAction *m_exportPolicyAction = nullptr;
    QAction *m_presentationAction = nullptr;
    bool m_presentationMode = false;
    /// What the tree's current row showed last (kind, ARN, document, statement).
    QString m_previewedRow;
    /// The application's fonts before presentation mode enlarged them: its own, then those of
    /// the classes the platform gives fonts of their own.
    QList<QFont> m_normalFonts;
};

} // namespace iamx
