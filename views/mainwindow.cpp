#include "mainwindow.h"

#include "model/account.h"
#include "views/accountdocument.h"
#include "views/dialogs.h"
#include "views/editor/policyeditor.h"
#include "views/entitydetails.h"
#include "views/models/accounttreemodel.h"
#include "views/qtconvert.h"

#include <QAction>
#include <QDockWidget>
#include <QFontDatabase>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTreeView>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace iamx {

namespace {

using Kind = AccountTreeModel::NodeKind;

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

} // namespace

MainWindow::MainWindow(AccountDocument &document, QWidget *parent)
    : QMainWindow(parent)
    , m_document(document)
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

    createActions();
    createDocks();

    m_accountSummary = new QLabel(this);
    m_accountSummary->setObjectName(u"accountSummary"_s);
    statusBar()->addWidget(m_accountSummary);

    connect(&m_document, &AccountDocument::accountReset, this, &MainWindow::accountReset);
    connect(m_document.undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    accountReset();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(u"fileMenu"_s);
    QAction *open = file->addAction(tr("&Open…"), this, &MainWindow::open);
    open->setObjectName(u"openAction"_s);
    open->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(u"quitAction"_s);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
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
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    dock->setWidget(m_tree);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    resizeDocks({ dock }, { 460 }, Qt::Horizontal);
}

bool MainWindow::openFile(const QString &path)
{
    const auto errors = m_document.load(path);
    if (errors.empty())
        return true;
    QStringList lines;
    for (const auto &diagnostic : errors)
        lines << toQString(formatDiagnostic(diagnostic));
    dialogs::showError(this, tr("Cannot open the account"),
            tr("%1 is not an account that can be opened:\n\n%2").arg(path, lines.join(u'\n')));
    return false;
}

void MainWindow::open()
{
    const QString path =
            dialogs::openFileName(this, tr("Open account"), tr("Accounts (*.json);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
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
    setWindowModified(!m_document.undoStack()->isClean());
}

} // namespace iamx
