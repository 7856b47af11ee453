#pragma once

#include <QMainWindow>

class QLabel;
class QModelIndex;
class QPlainTextEdit;
class QStackedWidget;
class QTreeView;

namespace iamx {

class AccountDocument;
class AccountTreeModel;
class PolicyEditor;

/// The main window (ui.md, "Window"): the account tree in the left dock, the selected entity
/// in the centre (a policy in the policy editor), the account's figures in the status bar. Wiring
/// only: what it shows comes from the document, the item models and entitydetails.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// A window on `document`, which must outlive it.
    explicit MainWindow(AccountDocument &document, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Loads `path` into the document; errors are shown through dialogs.h. False on errors.
    bool openFile(const QString &path);

private:
    void createActions();
    void createDocks();
    /// Asks for a file (through dialogs.h) and opens it.
    void open();
    void accountReset();
    void showEntity(const QModelIndex &index);
    void updateTitle();

    AccountDocument &m_document;
    AccountTreeModel *m_treeModel = nullptr;
    QTreeView *m_tree = nullptr;
    QStackedWidget *m_centre = nullptr;
    QPlainTextEdit *m_details = nullptr;
    PolicyEditor *m_policyEditor = nullptr;
    QLabel *m_accountSummary = nullptr;
};

} // namespace iamx
