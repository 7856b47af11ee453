#pragma once

#include <QMainWindow>

class QAction;
class QLabel;
class QMenu;
class QModelIndex;
class QPlainTextEdit;
class QStackedWidget;
class QToolBar;
class QTreeView;

namespace iamx {

class AccountDocument;
class AccountTreeModel;
class FileController;
class PolicyEditor;

/// The main window (ui.md, "Window"): the account tree in the left dock, the selected entity
/// in the centre (a policy in the policy editor), menus, toolbar and status bar. Wiring only:
/// what it shows comes from the document, the item models and the views it holds.
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

    /// View → Presentation mode: fonts about 1.6× larger and the toolbar hidden, for
    /// projectors (ui.md, "Look").
    void setPresentationMode(bool on);
    bool isPresentationMode() const { return m_presentationMode; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    QMenu *createFileMenu();
    void createEditMenu();
    void createViewMenu();
    void createHelpMenu();
    void createToolBar();
    void createDocks();
    void rebuildRecentFilesMenu();
    void accountReset();
    void showEntity(const QModelIndex &index);
    void updateTitle();
    void restoreSettings();
    void saveSettings() const;

    AccountDocument &m_document;
    FileController *m_files = nullptr;
    AccountTreeModel *m_treeModel = nullptr;
    QTreeView *m_tree = nullptr;
    QStackedWidget *m_centre = nullptr;
    QPlainTextEdit *m_details = nullptr;
    PolicyEditor *m_policyEditor = nullptr;
    QLabel *m_accountSummary = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QToolBar *m_toolBar = nullptr;
    QAction *m_presentationAction = nullptr;
    bool m_presentationMode = false;
    /// The application font before presentation mode enlarged it.
    qreal m_normalPointSize = 0;
};

} // namespace iamx
