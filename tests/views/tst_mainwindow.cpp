#include "tests/support/testsupport.h"
#include "views/accountdocument.h"
#include "views/accounttreeview.h"
#include "views/dialogs.h"
#include "views/editcontroller.h"
#include "views/editor/policyeditor.h"
#include "views/editor/policypage.h"
#include "views/entitypage.h"
#include "views/entitytabs.h"
#include "views/filecontroller.h"
#include "views/mainwindow.h"
#include "views/models/accounttreemodel.h"
#include "views/models/appliedpoliciesmodel.h"
#include "views/models/diagnosticsmodel.h"
#include "views/settings.h"
#include "views/simulate/decisionbadge.h"
#include "views/simulate/simulatepanel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

#include <memory>

// The main window driven headless as a user drives it (style.md §4, issue #4 "Tests"): open the
// demo, select a user, simulate, read the decision and the highlighted statements; edit a
// policy so the decision flips, apply, undo; filter the tree; edit the account from the Edit
// menu; open a malformed file. Screenshots of the window, the editor and the panel are saved.

using namespace Qt::StringLiterals;

using iamx::AccountDocument;
using iamx::AccountTreeModel;
using iamx::MainWindow;
using iamx::PolicyPage;
using iamx::StatementVerdict;
namespace dialogs = iamx::dialogs;

namespace {

const QString aliceNotes = u"arn:aws:s3:::acme-reports/home/alice/notes.txt"_s;
const QString homeFolderKey =
        u"managed arn:aws:iam::111122223333:policy/S3HomeFolder\t"_s; // documentKeyText()

} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void showsTheDemoAccount();
    void selectingAUserShowsHerDetailsAndSimulatesHer();
    void simulationHighlightsTheStatements();
    void applyingAnEditFlipsTheDecisionAndUndoFlipsItBack();
    void filteringTheTree();
    void editingTheAccountFromTheEditMenu();
    void exportingAPolicyAndASimulation();
    void aDarkPaletteKeepsEverythingReadable();
    void openingAFileThatIsNotAnAccountShowsTheError();
    void problemsOfAnAccountFileAreListedWithTheirPlace();
    void statementsThatNeverTakeEffectAreListedInProblems();

private:
    void saveScreenshot(QWidget *widget, const QString &name) const;
    QTreeView *tree() const { return m_window->accountTree()->treeView(); }
    /// The row of a category's entity by name (e.g. user alice).
    QModelIndex entity(int category, const QString &name) const;
    /// Selects alice in the tree and asks the panel for `action` on `resource`; waits for
    /// the decision.
    void simulateAlice(const QString &action, const QString &resource);
    QString badge() const;

    std::unique_ptr<AccountDocument> m_document;
    std::unique_ptr<MainWindow> m_window;
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    iamx::settings::useFile(QDir::temp().filePath(u"tst_mainwindow-settings.ini"_s));
    iamx::settings::store().clear();
}

void tst_MainWindow::init()
{
    QTest::failOnWarning(QRegularExpression(u"^(?!This plugin does not support ).*"_s));
    dialogs::setTestMode(true);
    m_document = std::make_unique<AccountDocument>();
    QVERIFY(m_document->loadDemo().empty());
    m_window = std::make_unique<MainWindow>(*m_document);
    m_window->setFixedSize(1440, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_MainWindow::cleanup()
{
    if (QTest::currentTestFailed())
        saveScreenshot(m_window.get(), u"failed"_s);
    m_document->undoStack()->setClean(); // nothing to ask about when the window goes
    m_window.reset();
    m_document.reset();
}

void tst_MainWindow::cleanupTestCase()
{
    dialogs::setTestMode(false);
}

void tst_MainWindow::saveScreenshot(QWidget *widget, const QString &name) const
{
    const QString folder =
            qEnvironmentVariable("IAMX_TEST_ARTIFACTS", QDir::tempPath()) + u"/tst_MainWindow"_s;
    QVERIFY(QDir().mkpath(folder));
    const QString file = folder + u'/' + QString::fromLatin1(QTest::currentTestFunction()) + u'-'
            + name + u".png"_s;
    // Layouts settle in posted events: let them, so the picture shows what a user would see.
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    QVERIFY2(widget->grab().save(file), qPrintable(file));
}

QModelIndex tst_MainWindow::entity(int category, const QString &name) const
{
    const QAbstractItemModel *model = tree()->model();
    const QModelIndex parent = model->index(category, 0);
    for (int row = 0; row < model->rowCount(parent); ++row)
        if (model->index(row, 0, parent).data(AccountTreeModel::KeyRole).toString() == name
                || model->index(row, 0, parent).data().toString() == name)
            return model->index(row, 0, parent);
    return {};
}

QString tst_MainWindow::badge() const
{
    const auto *badge = m_window->findChild<iamx::DecisionBadge *>(u"decisionBadge"_s);
    return badge ? badge->text() : QString();
}

void tst_MainWindow::simulateAlice(const QString &action, const QString &resource)
{
    const QModelIndex alice = entity(0, u"alice"_s);
    QVERIFY(alice.isValid());
    tree()->setCurrentIndex(alice);
    iamx::SimulatePanel *panel = m_window->simulatePanel();
    QSignalSpy simulated(panel, &iamx::SimulatePanel::simulated);
    panel->setAction(action);
    panel->setResource(resource);
    panel->simulate();
    QVERIFY(simulated.count() > 0 || simulated.wait());
    QVERIFY(panel->lastResult().valid);
    QCOMPARE(panel->lastResult().request.request.principal.text,
            u"arn:aws:iam::111122223333:user/alice"_s.toStdString());
}

void tst_MainWindow::showsTheDemoAccount()
{
    QCOMPARE(m_window->windowTitle(), u"demo[*] — IAM Explorer"_s);
    QVERIFY(!m_window->isWindowModified());
    QCOMPARE(tree()->model()->index(0, 0).data().toString(), u"Users (9)"_s);
    QAbstractItemModelTester tester(
            tree()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto *summary = m_window->findChild<QLabel *>(u"accountSummary"_s);
    QVERIFY(summary->text().contains(u"account 111122223333"_s));
    QVERIFY(summary->text().contains(u"9 users"_s));
    // The docks of ui.md's window.
    for (const QString &dock : { u"accountDock"_s, u"simulateDock"_s, u"problemsDock"_s })
        QVERIFY2(m_window->findChild<QWidget *>(dock)->isVisible(), qPrintable(dock));
    // Every action of the menus has a shortcut (ui.md, "Look"), but for the few that only make
    // sense in a menu (recent files, About) and the policy page's (the page holds the keys).
    for (QAction *menuAction : m_window->menuBar()->actions()) {
        for (QAction *action : menuAction->menu()->actions()) {
            const QString name = action->objectName();
            if (action->isSeparator() || action->menu() || name == u"aboutAction"_s
                    || name == u"revertPolicyAction"_s)
                continue;
            QVERIFY2(!action->shortcut().isEmpty() || action->text().contains(u'\t'),
                    qPrintable(action->text()));
        }
    }
}

void tst_MainWindow::selectingAUserShowsHerDetailsAndSimulatesHer()
{
    const QModelIndex alice = entity(0, u"alice"_s);
    QVERIFY(alice.isValid());
    tree()->setCurrentIndex(alice);
    auto *page = qobject_cast<iamx::EntityPage *>(m_window->tabs()->currentWidget());
    QVERIFY(page);
    QCOMPARE(page->title(), u"User alice"_s);
    QCOMPARE(page->arn(), u"arn:aws:iam::111122223333:user/alice"_s);
    // The policies that apply, with their provenance.
    QAbstractItemModelTester tester(
            page->appliedPolicies(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto &rows = page->appliedPolicies()->rows();
    QVERIFY(!rows.isEmpty());
    bool throughGroup = false;
    for (const auto &row : rows)
        throughGroup = throughGroup
                || (row.policy == u"S3HomeFolder"_s && row.via == u"group Developers"_s);
    QVERIFY(throughGroup);
    // A single click previews: selecting bob replaces alice's tab.
    QCOMPARE(m_window->tabs()->count(), 1);
    tree()->setCurrentIndex(entity(0, u"bob"_s));
    QCOMPARE(m_window->tabs()->count(), 1);
    // Opening for good (Enter, double-click) keeps it: the next one gets a tab of its own.
    emit tree()->activated(tree()->currentIndex());
    tree()->setCurrentIndex(alice);
    QCOMPARE(m_window->tabs()->count(), 2);

    // The panel simulates the selected user.
    const auto *principal = m_window->findChild<QComboBox *>(u"principalInput"_s);
    QVERIFY(principal);
    QCOMPARE(principal->currentText(), u"arn:aws:iam::111122223333:user/alice"_s);
    saveScreenshot(m_window.get(), u"alice"_s);
}

void tst_MainWindow::simulationHighlightsTheStatements()
{
    simulateAlice(u"s3:PutObject"_s, aliceNotes);
    QCOMPARE(badge(), u"✔ Allowed"_s);

    // The deciding statement opens its policy, scrolled to it, with the statements marked.
    iamx::SimulatePanel *panel = m_window->simulatePanel();
    emit panel->statementActivated(homeFolderKey, 1);
    auto *page = qobject_cast<PolicyPage *>(m_window->tabs()->currentWidget());
    QVERIFY(page);
    QCOMPARE(page->documentKeyText(), homeFolderKey);
    const auto marks = page->editor()->statementMarks();
    QCOMPARE(marks.size(), size_t(2));
    QCOMPARE(marks[0].verdict, StatementVerdict::NotApplied); // ListOwnHomeFolder
    QCOMPARE(marks[1].verdict, StatementVerdict::Granted); // OwnHomeFolder
    // The ranges are the statements' own: the second starts at its `{` and holds its Sid.
    const QString text = page->editor()->toPlainText();
    const QString granted =
            text.mid(marks[1].range.start, marks[1].range.end - marks[1].range.start);
    QVERIFY2(granted.startsWith(u'{') && granted.endsWith(u'}'), qPrintable(granted));
    QVERIFY(granted.contains(u"\"OwnHomeFolder\""_s));
    QVERIFY(!granted.contains(u"ListOwnHomeFolder"_s));
    QVERIFY2(marks[0].toolTip.contains(u"s3:PutObject"_s), qPrintable(marks[0].toolTip));
    // The cursor is in the statement that decided.
    const int cursor = page->editor()->textCursor().position();
    QVERIFY(cursor >= marks[1].range.start && cursor < marks[1].range.end);
    saveScreenshot(m_window.get(), u"window"_s);
    saveScreenshot(page, u"editor"_s);
    saveScreenshot(panel, u"panel"_s);
}

void tst_MainWindow::applyingAnEditFlipsTheDecisionAndUndoFlipsItBack()
{
    simulateAlice(u"s3:PutObject"_s, aliceNotes);
    QCOMPARE(badge(), u"✔ Allowed"_s);
    iamx::SimulatePanel *panel = m_window->simulatePanel();
    emit panel->statementActivated(homeFolderKey, 1);
    auto *page = qobject_cast<PolicyPage *>(m_window->tabs()->currentWidget());
    QVERIFY(page);
    const QString original = page->text();

    // Take s3:PutObject out of OwnHomeFolder, as a user types it.
    iamx::PolicyEditor *editor = page->editor();
    const qsizetype at = original.indexOf(u"\"s3:PutObject\","_s);
    QVERIFY(at > 0);
    QTextCursor cursor = editor->textCursor();
    cursor.setPosition(int(at));
    cursor.setPosition(int(at + u"\"s3:PutObject\","_s.size()), QTextCursor::KeepAnchor);
    editor->setTextCursor(cursor);
    QTest::keyClick(editor, Qt::Key_Delete);
    QTRY_VERIFY(page->isModified());
    QVERIFY(m_window->tabs()->tabText(m_window->tabs()->currentIndex()).startsWith(u"● "_s));
    QTRY_VERIFY(page->canApply());

    // Apply (Ctrl+Enter in the editor): one undo step, and the decision flips at once.
    QSignalSpy simulated(panel, &iamx::SimulatePanel::simulated);
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(m_document->undoStack()->count(), 1);
    QCOMPARE(m_document->undoStack()->undoText(), u"Edit S3HomeFolder"_s);
    QVERIFY(!page->isModified());
    QVERIFY(m_window->isWindowModified());
    QTRY_COMPARE(badge(), u"✖ Denied implicitly — no identity policy allows"_s);
    QCOMPARE(m_window->tabs()->currentWidget(), page); // the editor stays in front
    QTRY_VERIFY(!editor->statementMarks().empty());
    auto marks = editor->statementMarks();
    QCOMPARE(marks.size(), size_t(2));
    QCOMPARE(marks[1].verdict, StatementVerdict::NotApplied);
    QVERIFY2(marks[1].toolTip.contains(u"s3:PutObject"_s), qPrintable(marks[1].toolTip));
    saveScreenshot(m_window.get(), u"applied"_s);

    // Undo: the account, the editor and the decision are back.
    m_window->findChild<QAction *>(u"undoAction"_s)->trigger();
    QTRY_COMPARE(badge(), u"✔ Allowed"_s);
    QCOMPARE(page->text(), original);
    QVERIFY(!page->isModified());
    QTRY_COMPARE(editor->statementMarks().size(), size_t(2));
    QCOMPARE(editor->statementMarks()[1].verdict, StatementVerdict::Granted);
    QVERIFY(!m_window->isWindowModified());

    // Redo flips it again.
    m_window->findChild<QAction *>(u"redoAction"_s)->trigger();
    QTRY_COMPARE(badge(), u"✖ Denied implicitly — no identity policy allows"_s);
}

void tst_MainWindow::filteringTheTree()
{
    QLineEdit *filter = m_window->findChild<QLineEdit *>(u"accountFilter"_s);
    QVERIFY(filter);
    QAbstractItemModelTester tester(
            tree()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTest::keyClicks(filter, u"s3:PutObject"_s);
    // Users whose policies allow it (through the Developers' S3HomeFolder), not frank.
    QTRY_VERIFY(entity(0, u"alice"_s).isValid() && !entity(0, u"frank"_s).isValid());
    QVERIFY(tree()->model()->index(0, 0).data().toString().contains(u" of 9"_s));
    QVERIFY(tree()->isExpanded(tree()->model()->index(0, 0)));
    saveScreenshot(m_window->accountTree(), u"filtered"_s);

    // By name, and back to everything.
    filter->clear();
    QTest::keyClicks(filter, u"grace"_s);
    QTRY_VERIFY(entity(0, u"grace"_s).isValid() && !entity(0, u"alice"_s).isValid());
    filter->clear();
    QTRY_COMPARE(tree()->model()->index(0, 0).data().toString(), u"Users (9)"_s);
}

void tst_MainWindow::editingTheAccountFromTheEditMenu()
{
    // New user: asked for a name, one undo step named after it.
    dialogs::setNextText(u"zoe"_s);
    m_window->findChild<QAction *>(u"newUserAction"_s)->trigger();
    QCOMPARE(dialogs::takeShownErrors(), QStringList());
    QTRY_VERIFY(entity(0, u"zoe"_s).isValid());
    QCOMPARE(m_window->findChild<QAction *>(u"undoAction"_s)->text(), u"&Undo New user zoe"_s);
    QVERIFY(m_window->isWindowModified());

    // A name IAM refuses: an error, and nothing changes.
    dialogs::setNextText(u"no spaces allowed"_s);
    m_window->findChild<QAction *>(u"newUserAction"_s)->trigger();
    QCOMPARE(dialogs::takeShownErrors().size(), 1);
    QCOMPARE(m_document->undoStack()->count(), 1);

    // Deleting a group lists what depends on it first; declining changes nothing.
    tree()->setCurrentIndex(entity(1, u"Developers"_s));
    QAction *remove = m_window->findChild<QAction *>(u"deleteAction"_s);
    QVERIFY(remove->isEnabled());
    dialogs::setNextConfirmation(false);
    remove->trigger();
    const QStringList asked = dialogs::takeAskedQuestions();
    QCOMPARE(asked.size(), 1);
    QVERIFY2(asked.constFirst().contains(u"alice"_s), qPrintable(asked.constFirst()));
    QVERIFY(entity(1, u"Developers"_s).isValid());
    dialogs::setNextConfirmation(true);
    remove->trigger();
    QTRY_VERIFY(!entity(1, u"Developers"_s).isValid());

    // Attach a policy to alice; the simulation follows.
    tree()->setCurrentIndex(entity(0, u"alice"_s));
    dialogs::setNextText(u"arn:aws:iam::111122223333:policy/S3HomeFolder"_s);
    m_window->findChild<QAction *>(u"attachPolicyAction"_s)->trigger();
    QCOMPARE(dialogs::takeShownErrors(), QStringList());
    QCOMPARE(m_document->undoStack()->undoText(), u"Attach S3HomeFolder to alice"_s);
    QCOMPARE(m_document->undoStack()->count(), 3);

    // Everything undone: the account is as it was loaded.
    while (m_document->undoStack()->canUndo())
        m_document->undoStack()->undo();
    QTRY_VERIFY(entity(1, u"Developers"_s).isValid());
    QVERIFY(!entity(0, u"zoe"_s).isValid());
    QVERIFY(!m_window->isWindowModified());
}

void tst_MainWindow::aDarkPaletteKeepsEverythingReadable()
{
    // The desktop switches to a dark theme: colours are derived from the palette again.
    const QPalette light = QApplication::palette();
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    QApplication::setPalette(dark);
    // Widgets learn it from ApplicationPaletteChange events, as on a desktop.
    QTRY_COMPARE(m_window->palette().color(QPalette::Window), dark.color(QPalette::Window));
    simulateAlice(u"s3:PutObject"_s, aliceNotes);
    emit m_window->simulatePanel()->statementActivated(homeFolderKey, 1);
    auto *page = qobject_cast<PolicyPage *>(m_window->tabs()->currentWidget());
    QVERIFY(page);
    // The granted statement's tint is dark on a dark editor, not a pale band.
    const auto selections =
            page->editor()->extraSelections(iamx::PolicyEditor::SelectionKind::Statements);
    bool tinted = false;
    for (const auto &selection : selections)
        if (selection.format.hasProperty(QTextFormat::BackgroundBrush))
            tinted = tinted || selection.format.background().color().lightnessF() < 0.5;
    QVERIFY(tinted);
    saveScreenshot(m_window.get(), u"dark"_s);
    QApplication::setPalette(light);
    QTRY_COMPARE(m_window->palette().color(QPalette::Window), light.color(QPalette::Window));
}

void tst_MainWindow::exportingAPolicyAndASimulation()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    simulateAlice(u"s3:PutObject"_s, aliceNotes);
    emit m_window->simulatePanel()->statementActivated(homeFolderKey, 1);
    auto *page = qobject_cast<PolicyPage *>(m_window->tabs()->currentWidget());
    QVERIFY(page);
    QAction *exportPolicy = m_window->findChild<QAction *>(u"exportPolicyAction"_s);
    QVERIFY(exportPolicy->isEnabled());

    // The policy as the editor shows it.
    const QString policyFile = dir.filePath(u"S3HomeFolder.json"_s);
    dialogs::setNextFileName(policyFile);
    exportPolicy->trigger();
    QCOMPARE(dialogs::takeShownErrors(), QStringList());
    QFile policy(policyFile);
    QVERIFY(policy.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(policy.readAll()), page->text());

    // The simulation, as Markdown or JSON by the file's suffix.
    QAction *exportSimulation = m_window->findChild<QAction *>(u"exportSimulationAction"_s);
    const QString markdownFile = dir.filePath(u"alice.md"_s);
    dialogs::setNextFileName(markdownFile);
    exportSimulation->trigger();
    QFile markdown(markdownFile);
    QVERIFY(markdown.open(QIODevice::ReadOnly));
    const QString markdownText = QString::fromUtf8(markdown.readAll());
    QVERIFY2(markdownText.startsWith(u"# Allowed\n"_s), qPrintable(markdownText.left(80)));
    QVERIFY(markdownText.contains(u"OwnHomeFolder"_s));
    const QString jsonFile = dir.filePath(u"alice.json"_s);
    dialogs::setNextFileName(jsonFile);
    exportSimulation->trigger();
    QFile json(jsonFile);
    QVERIFY(json.open(QIODevice::ReadOnly));
    QVERIFY(json.readAll().contains("\"decision\": \"allowed\""));

    // Where nothing can be written: an error naming the file.
    dialogs::setNextFileName(u"/nonexistent-folder/x.md"_s);
    exportSimulation->trigger();
    const QStringList errors = dialogs::takeShownErrors();
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.constFirst().contains(u"/nonexistent-folder/x.md"_s), qPrintable(errors[0]));
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

    dialogs::setNextFileName(path);
    QSignalSpy finished(m_window->files(), &iamx::FileController::loadFinished);
    m_window->findChild<QAction *>(u"openAction"_s)->trigger();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.constFirst().constFirst().toBool(), false);
    const QStringList errors = dialogs::takeShownErrors();
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.constFirst().contains(u"broken.json:1:"_s), qPrintable(errors.constFirst()));
    // Nothing was lost: the demo is still open.
    QCOMPARE(m_window->windowTitle(), u"demo[*] — IAM Explorer"_s);
    QCOMPARE(tree()->model()->index(0, 0).data().toString(), u"Users (9)"_s);
}

void tst_MainWindow::problemsOfAnAccountFileAreListedWithTheirPlace()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"flawed.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    // zoe's GroupList is a string, not a list; she names a group the account lacks.
    file.write(R"({"UserDetailList": [
  {"UserName": "zoe", "UserId": "AIDAZOE", "Path": "/",
   "Arn": "arn:aws:iam::444455556666:user/zoe", "GroupList": "oops",
   "AttachedManagedPolicies": [], "UserPolicyList": []},
  {"UserName": "yan", "UserId": "AIDAYAN", "Path": "/",
   "Arn": "arn:aws:iam::444455556666:user/yan", "GroupList": ["Ghosts"],
   "AttachedManagedPolicies": [], "UserPolicyList": []}],
 "GroupDetailList": [], "Policies": [],
 "RoleDetailList": [{"RoleName": "ci", "RoleId": "AROACI", "Path": "/",
   "Arn": "arn:aws:iam::444455556666:role/ci", "RolePolicyList": [], "AttachedManagedPolicies": [],
   "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
     "Principal": {"AWS": "arn:aws:iam::444455556666:role/gone"}, "Action": "sts:AssumeRole"}]}}]})");
    file.close();

    QSignalSpy finished(m_window->files(), &iamx::FileController::loadFinished);
    m_window->openFile(path);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.constFirst().constFirst().toBool(), true);
    QCOMPARE(tree()->model()->index(0, 0).data().toString(), u"Users (2)"_s);
    const auto *problems = m_window->findChild<iamx::DiagnosticsModel *>();
    QVERIFY(problems);
    QVERIFY(problems->rowCount() >= 2);
    bool located = false;
    for (int row = 0; row < problems->rowCount(); ++row) {
        const QModelIndex index = problems->index(row, 0);
        located = located
                || (index.data(iamx::DiagnosticsModel::LineRole).toInt() == 3
                        && index.data(iamx::DiagnosticsModel::SourceIdRole).toString()
                                == u"account"_s);
    }
    QVERIFY(located);
    // And what only the whole account shows: the trust policy names a role that is not there.
    bool unknownPrincipal = false;
    for (int row = 0; row < problems->rowCount(); ++row)
        unknownPrincipal = unknownPrincipal
                || problems->index(row, 0).data(iamx::DiagnosticsModel::CodeRole).toString()
                        == u"TRUST_POLICY_UNKNOWN_PRINCIPAL"_s;
    QVERIFY(unknownPrincipal);
    saveScreenshot(m_window.get(), u"problems"_s);
}

// The account checks that weigh statements against the decision show in Problems: an Allow the
// boundary or an SCP always overrides, and a boundary that lets escalation through.
void tst_MainWindow::statementsThatNeverTakeEffectAreListedInProblems()
{
    const QString path = QString::fromStdString(
            iamx::test::testDataPath("accounts/unreachable-statements.json"));
    QSignalSpy finished(m_window->files(), &iamx::FileController::loadFinished);
    m_window->openFile(path);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.constFirst().constFirst().toBool(), true);
    const auto *problems = m_window->findChild<iamx::DiagnosticsModel *>();
    QVERIFY(problems);
    QStringList codes;
    for (int row = 0; row < problems->rowCount(); ++row)
        codes << problems->index(row, 0).data(iamx::DiagnosticsModel::CodeRole).toString();
    QVERIFY2(codes.count(u"SHADOWED_ALLOW_STATEMENT"_s) == 3, qPrintable(codes.join(u' ')));
    QCOMPARE(codes.count(u"DENY_NEVER_MATCHES"_s), 3);
    QCOMPARE(codes.count(u"BOUNDARY_DOES_NOT_CAP_RISKY_PERMISSION"_s), 1);
    QCOMPARE(codes.count(u"RESOURCE_POLICY_UNKNOWN_PRINCIPAL"_s), 1);
    saveScreenshot(m_window.get(), u"problems-account-checks"_s);
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
