#include "views/accountdocument.h"
#include "views/dialogs.h"
#include "views/editor/policyeditor.h"
#include "views/filecontroller.h"
#include "views/mainwindow.h"
#include "views/models/accounttreemodel.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

// The main window driven headless (style.md §4): the demo account in the tree, a user's details
// after selecting her, the title and the status bar, and opening files through the dialog seam.

using namespace Qt::StringLiterals;

using iamx::AccountDocument;
using iamx::AccountTreeModel;
using iamx::MainWindow;

class tst_MainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void showsTheDemoAccount();
    void selectingAUserShowsHerDetails();
    void openingAFileThatIsNotAnAccountShowsTheError();
    void openingAnAccountReplacesTheTree();

private:
    /// Writes the window to $IAMX_TEST_ARTIFACTS/tst_MainWindow/<function>-<name>.png.
    void saveScreenshot(const QString &name) const;
    QTreeView *tree() const { return m_window->findChild<QTreeView *>(u"accountTree"_s); }
    /// The row of a top-level category's child by name (e.g. user alice).
    QModelIndex entity(int category, const QString &name) const;

    std::unique_ptr<AccountDocument> m_document;
    std::unique_ptr<MainWindow> m_window;
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    iamx::dialogs::setTestMode(true);
}

void tst_MainWindow::init()
{
    QTest::failOnWarning(QRegularExpression(u"^(?!This plugin does not support ).*"_s));
    m_document = std::make_unique<AccountDocument>();
    QVERIFY(m_document->loadDemo().empty());
    m_window = std::make_unique<MainWindow>(*m_document);
    m_window->setFixedSize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_MainWindow::cleanup()
{
    if (QTest::currentTestFailed())
        saveScreenshot(u"failed"_s);
    m_window.reset();
    m_document.reset();
    iamx::dialogs::setTestMode(true); // forget queued answers and shown errors
}

void tst_MainWindow::cleanupTestCase()
{
    iamx::dialogs::setTestMode(false);
}

void tst_MainWindow::saveScreenshot(const QString &name) const
{
    const QString folder =
            qEnvironmentVariable("IAMX_TEST_ARTIFACTS", QDir::tempPath()) + u"/tst_MainWindow"_s;
    QVERIFY(QDir().mkpath(folder));
    QString file = folder + u'/' + QString::fromLatin1(QTest::currentTestFunction());
    if (const char *tag = QTest::currentDataTag())
        file += u'-' + QString::fromLatin1(tag);
    file += u'-' + name + u".png"_s;
    QVERIFY2(m_window->grab().save(file), qPrintable(file));
}

QModelIndex tst_MainWindow::entity(int category, const QString &name) const
{
    const QAbstractItemModel *model = tree()->model();
    const QModelIndexList found = model->match(model->index(0, 0, model->index(category, 0)),
            Qt::DisplayRole, name, 1, Qt::MatchExactly);
    return found.isEmpty() ? QModelIndex() : found.constFirst();
}

void tst_MainWindow::showsTheDemoAccount()
{
    QCOMPARE(m_window->windowTitle(), u"demo[*] — IAM Explorer"_s);
    QVERIFY(!m_window->isWindowModified());
    QTreeView *accountTree = tree();
    QVERIFY(accountTree);
    QCOMPARE(accountTree->model()->index(0, 0).data().toString(), u"Users (9)"_s);
    QVERIFY(accountTree->isExpanded(accountTree->model()->index(0, 0)));
    const auto *summary = m_window->findChild<QLabel *>(u"accountSummary"_s);
    QVERIFY(summary);
    QVERIFY(summary->text().contains(u"account 111122223333"_s));
    QVERIFY(summary->text().contains(u"9 users"_s));
}

void tst_MainWindow::selectingAUserShowsHerDetails()
{
    QTreeView *accountTree = tree();
    const QModelIndex alice = entity(0, u"alice"_s);
    QVERIFY(alice.isValid());
    accountTree->setCurrentIndex(alice);
    accountTree->expand(alice);
    accountTree->expand(accountTree->model()->index(0, 0, alice));
    auto *details = m_window->findChild<QPlainTextEdit *>(u"entityDetails"_s);
    QVERIFY(details);
    QTRY_VERIFY(details->toPlainText().contains(u"arn:aws:iam::111122223333:user/alice"_s));
    QVERIFY(details->toPlainText().contains(u"Developers"_s));
    QVERIFY(details->toPlainText().contains(u"group Developers"_s)); // provenance
    saveScreenshot(u"alice"_s);

    // A policy through her group shows its document in the policy editor, validated.
    const QModelIndex s3 =
            accountTree->model()->index(0, 0, accountTree->model()->index(0, 0, alice));
    QCOMPARE(s3.data(AccountTreeModel::ArnRole).toString(),
            u"arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"_s);
    auto *editor = m_window->findChild<iamx::PolicyEditor *>(u"policyEditor"_s);
    QVERIFY(editor);
    QVERIFY(!editor->isVisible());
    accountTree->setCurrentIndex(s3);
    QTRY_VERIFY(editor->isVisible());
    QVERIFY(!details->isVisible());
    // The document as cut from the account file, with the file's indentation taken off.
    QCOMPARE(editor->toPlainText(),
            iamx::dedentedDocument(s3.data(AccountTreeModel::PolicyTextRole).toString()));
    QVERIFY(editor->toPlainText().contains(u"\n  \"Statement\": ["_s));
    QVERIFY(editor->toPlainText().contains(u"Statement"_s));
    QVERIFY(editor->isReadOnly());
    QSignalSpy validated(editor, &iamx::PolicyEditor::diagnosticsChanged);
    QTRY_VERIFY(validated.count() > 0);
    saveScreenshot(u"policy"_s);

    // Back on her, the details again.
    accountTree->setCurrentIndex(alice);
    QTRY_VERIFY(details->isVisible());
    QVERIFY(!editor->isVisible());
}

void tst_MainWindow::openingAFileThatIsNotAnAccountShowsTheError()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"broken.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ \"UserDetailList\": [ ");
    file.close();

    iamx::dialogs::setNextFileName(path);
    auto *open = m_window->findChild<QAction *>(u"openAction"_s);
    QVERIFY(open);
    QSignalSpy finished(m_window->files(), &iamx::FileController::loadFinished);
    open->trigger();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.constFirst().constFirst().toBool(), false);
    const QStringList errors = iamx::dialogs::takeShownErrors();
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.constFirst().contains(u"broken.json:1:"_s), qPrintable(errors.constFirst()));
    QCOMPARE(m_window->windowTitle(), u"demo[*] — IAM Explorer"_s);
    QCOMPARE(tree()->model()->index(0, 0).data().toString(), u"Users (9)"_s);
}

void tst_MainWindow::openingAnAccountReplacesTheTree()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"small.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"UserDetailList": [{"UserName": "zoe", "UserId": "AIDAZOE", "Path": "/",
        "Arn": "arn:aws:iam::444455556666:user/zoe", "GroupList": [],
        "AttachedManagedPolicies": [], "UserPolicyList": []}],
        "GroupDetailList": [], "RoleDetailList": [], "Policies": []})");
    file.close();

    iamx::dialogs::setNextFileName(path);
    QSignalSpy finished(m_window->files(), &iamx::FileController::loadFinished);
    m_window->findChild<QAction *>(u"openAction"_s)->trigger();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.constFirst().constFirst().toBool(), true);
    QCOMPARE(iamx::dialogs::takeShownErrors(), QStringList());
    QCOMPARE(m_window->windowTitle(), u"small.json[*] — IAM Explorer"_s);
    QCOMPARE(tree()->model()->index(0, 0).data().toString(), u"Users (1)"_s);
    QCOMPARE(entity(0, u"zoe"_s).data(AccountTreeModel::ArnRole).toString(),
            u"arn:aws:iam::444455556666:user/zoe"_s);
    const auto *summary = m_window->findChild<QLabel *>(u"accountSummary"_s);
    QVERIFY(summary->text().contains(u"account 444455556666"_s));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
