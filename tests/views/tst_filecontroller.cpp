#include "model/accountio.h"
#include "views/accountdocument.h"
#include "views/dialogs.h"
#include "views/filecontroller.h"
#include "views/mainwindow.h"
#include "views/settings.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QMenu>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QUndoCommand>
#include <QUndoStack>

#include <memory>

// The File menu through the real main window (ui.md, "Files"): save and save as, the prompt
// before unsaved changes are lost, importing pages, recent files, and the settings the window
// keeps (presentation mode). Dialogs are answered through dialogs.h.

using namespace Qt::StringLiterals;

using iamx::AccountDocument;
using iamx::FileController;
using iamx::MainWindow;
namespace dialogs = iamx::dialogs;

namespace {

/// An edit that changes nothing but makes the document modified, as any real edit would.
class TouchCommand : public QUndoCommand
{
public:
    TouchCommand()
        : QUndoCommand(u"Touch"_s)
    {
    }
};

const char smallAccount[] = R"({"UserDetailList": [{"UserName": "zoe", "UserId": "AIDAZOE",
    "Path": "/", "Arn": "arn:aws:iam::444455556666:user/zoe", "GroupList": [],
    "AttachedManagedPolicies": [], "UserPolicyList": []}],
    "GroupDetailList": [], "RoleDetailList": [], "Policies": []})";

} // namespace

class tst_FileController : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void saveAsWritesTheWorkspaceAndRetitles();
    void unsavedChangesAskBeforeOpening();
    void importingPagesMakesAnUntitledAccount();
    void recentFilesListWhatWasOpened();
    void presentationModeEnlargesFontsAndIsRemembered();
    void theWindowLayoutIsRemembered();

private:
    QString writeFile(const QString &name, const QByteArray &content) const;
    /// Triggers the action `name` and waits for the load it starts; returns its outcome.
    bool loadThrough(const QString &actionName) const;

    QTemporaryDir m_dir;
    std::unique_ptr<AccountDocument> m_document;
    std::unique_ptr<MainWindow> m_window;
};

void tst_FileController::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    iamx::settings::useFile(m_dir.filePath(u"settings.ini"_s));
}

void tst_FileController::init()
{
    QTest::failOnWarning(QRegularExpression(u"^(?!This plugin does not support ).*"_s));
    dialogs::setTestMode(true);
    m_document = std::make_unique<AccountDocument>();
    QVERIFY(m_document->loadDemo().empty());
    m_window = std::make_unique<MainWindow>(*m_document);
    m_window->resize(1100, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_FileController::cleanup()
{
    m_window->setPresentationMode(false);
    m_document->undoStack()->setClean();
    m_window.reset();
    m_document.reset();
}

void tst_FileController::cleanupTestCase()
{
    dialogs::setTestMode(false);
}

QString tst_FileController::writeFile(const QString &name, const QByteArray &content) const
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return path;
}

bool tst_FileController::loadThrough(const QString &actionName) const
{
    QSignalSpy finished(m_window->files(), &FileController::loadFinished);
    auto *action = m_window->findChild<QAction *>(actionName);
    if (!action)
        return false;
    action->trigger();
    if (!finished.wait(10000) && finished.isEmpty())
        return false;
    return finished.constFirst().constFirst().toBool();
}

void tst_FileController::saveAsWritesTheWorkspaceAndRetitles()
{
    m_document->undoStack()->push(new TouchCommand);
    QVERIFY(m_window->isWindowModified());
    const QString path = m_dir.filePath(u"classroom.json"_s);
    dialogs::setNextFileName(path);
    m_window->findChild<QAction *>(u"saveAsAction"_s)->trigger();
    QCOMPARE(dialogs::takeShownErrors(), QStringList());
    QVERIFY(QFile::exists(path));
    QCOMPARE(m_window->windowTitle(), u"classroom.json[*] — IAM Explorer"_s);
    QVERIFY(!m_window->isWindowModified());
    QCOMPARE(m_document->fileName(), path);

    // What was saved is the account: it loads back with the same entities.
    const auto reloaded = iamx::loadAccountFiles({ path.toStdString() });
    QVERIFY(reloaded.value);
    QCOMPARE(reloaded.value->users().size(), m_document->account().users().size());
    QCOMPARE(iamx::workspaceText(*reloaded.value), iamx::workspaceText(m_document->account()));

    // Save now writes there without asking.
    m_document->undoStack()->push(new TouchCommand);
    QFile::remove(path);
    m_window->findChild<QAction *>(u"saveAction"_s)->trigger();
    QVERIFY(QFile::exists(path));
    QVERIFY(!m_window->isWindowModified());

    // A folder that cannot be written: an error that says where, and still modified.
    m_document->undoStack()->push(new TouchCommand);
    dialogs::setNextFileName(u"/nonexistent-folder/x.json"_s);
    m_window->findChild<QAction *>(u"saveAsAction"_s)->trigger();
    const QStringList errors = dialogs::takeShownErrors();
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.constFirst().contains(u"/nonexistent-folder/"_s), qPrintable(errors[0]));
    QVERIFY(m_window->isWindowModified());
    QCOMPARE(m_document->fileName(), path);
}

void tst_FileController::unsavedChangesAskBeforeOpening()
{
    const QString path = writeFile(u"small.json"_s, smallAccount);
    m_document->undoStack()->push(new TouchCommand);

    // Cancel: nothing is opened, the changes stay.
    dialogs::setNextSaveAnswer(dialogs::SaveAnswer::Cancel);
    dialogs::setNextFileName(path);
    m_window->findChild<QAction *>(u"openAction"_s)->trigger();
    QCOMPARE(dialogs::takeAskedQuestions().size(), 1);
    QCOMPARE(m_document->displayName(), u"demo"_s);
    QVERIFY(m_window->isWindowModified());

    // Closing the window asks too, and cancelling keeps it open.
    dialogs::setNextSaveAnswer(dialogs::SaveAnswer::Cancel);
    QVERIFY(!m_window->close());
    QCOMPARE(dialogs::takeAskedQuestions().size(), 1);
    QVERIFY(m_window->isVisible());

    // Discard: the file opens.
    dialogs::setNextSaveAnswer(dialogs::SaveAnswer::Discard);
    dialogs::setNextFileName(path);
    QVERIFY(loadThrough(u"openAction"_s));
    QCOMPARE(m_window->windowTitle(), u"small.json[*] — IAM Explorer"_s);
    QVERIFY(!m_window->isWindowModified());
    QCOMPARE(m_document->account().users().size(), size_t(1));
}

void tst_FileController::importingPagesMakesAnUntitledAccount()
{
    const QString dir = QStringLiteral(IAMX_TEST_DATA_DIR) + u"/accounts/example-pages"_s;
    QStringList pages;
    for (const QString &name : QDir(dir).entryList({ u"*.json"_s }, QDir::Files, QDir::Name))
        pages << dir + u'/' + name;
    QVERIFY(pages.size() > 1);
    dialogs::setNextFileName(pages.join(u';'));
    QVERIFY(loadThrough(u"importAction"_s));
    QCOMPARE(m_document->fileName(), QString());
    QCOMPARE(m_window->windowTitle(), u"imported[*] — IAM Explorer"_s);
    QVERIFY(!m_document->account().users().empty());

    // Save asks where, since an import has no file of its own.
    m_document->undoStack()->push(new TouchCommand);
    dialogs::setNextFileName(QString()); // the user cancels
    m_window->findChild<QAction *>(u"saveAction"_s)->trigger();
    QVERIFY(m_window->isWindowModified());
}

void tst_FileController::recentFilesListWhatWasOpened()
{
    iamx::settings::clearRecentFiles();
    const QString first = writeFile(u"first.json"_s, smallAccount);
    const QString second = writeFile(u"second.json"_s, smallAccount);
    for (const QString &path : { first, second, first }) {
        dialogs::setNextFileName(path);
        QVERIFY(loadThrough(u"openAction"_s));
    }
    // Newest first, without duplicates.
    QCOMPARE(iamx::settings::recentFiles(), (QStringList { first, second }));
    auto *menu = m_window->findChild<QMenu *>(u"recentMenu"_s);
    QVERIFY(menu);
    auto *latest = m_window->findChild<QAction *>(u"recentFile2"_s);
    QVERIFY(latest);
    QCOMPARE(latest->toolTip(), second);

    // Choosing one opens it; a file that disappeared is pruned from the list.
    QSignalSpy finished(m_window->files(), &FileController::loadFinished);
    latest->trigger();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(m_document->fileName(), second);
    QVERIFY(QFile::remove(first));
    QCOMPARE(iamx::settings::recentFiles(), QStringList { second });
}

void tst_FileController::presentationModeEnlargesFontsAndIsRemembered()
{
    const qreal normal = QApplication::font().pointSizeF();
    auto *toolBar = m_window->findChild<QToolBar *>(u"mainToolBar"_s);
    QVERIFY(toolBar);
    QVERIFY(toolBar->isVisible());
    m_window->findChild<QAction *>(u"presentationAction"_s)->trigger();
    QVERIFY(m_window->isPresentationMode());
    QVERIFY(QApplication::font().pointSizeF() > normal * 1.5);
    QVERIFY(!toolBar->isVisible());
    QVERIFY(iamx::settings::presentationMode.value());
    // For people: how the window looks on a projector.
    const QString folder = qEnvironmentVariable("IAMX_TEST_ARTIFACTS", QDir::tempPath())
            + u"/tst_FileController"_s;
    QVERIFY(QDir().mkpath(folder));
    QTest::qWait(50); // the enlarged fonts laid out (a screenshot, not an assertion)
    QVERIFY(m_window->grab().save(folder + u"/presentationMode.png"_s));

    // A new window starts as the last one was left.
    m_window.reset();
    m_window = std::make_unique<MainWindow>(*m_document);
    QVERIFY(m_window->isPresentationMode());
    m_window->setPresentationMode(false);
    QCOMPARE(QApplication::font().pointSizeF(), normal);
}

void tst_FileController::theWindowLayoutIsRemembered()
{
    // The user closes the Problems dock and quits; the next window starts without it.
    auto *problems = m_window->findChild<QDockWidget *>(u"problemsDock"_s);
    QVERIFY(problems && problems->isVisible());
    problems->close();
    QVERIFY(m_window->close());
    m_window = std::make_unique<MainWindow>(*m_document);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(!m_window->findChild<QDockWidget *>(u"problemsDock"_s)->isVisible());
    QVERIFY(m_window->findChild<QDockWidget *>(u"simulateDock"_s)->isVisible());
    // And back, for the tests that follow.
    m_window->findChild<QDockWidget *>(u"problemsDock"_s)->show();
    QVERIFY(m_window->close());
}

QTEST_MAIN(tst_FileController)
#include "tst_filecontroller.moc"
