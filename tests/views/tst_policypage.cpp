#include "model/documentkey.h"
#include "views/editor/findbar.h"
#include "views/editor/policyeditor.h"
#include "views/editor/policypage.h"
#include "views/qtconvert.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>

#include <algorithm>
#include <memory>

// The policy editor's tab driven headless (style.md §4): Apply is offered only for a modified,
// valid text and hands over exactly that text; Revert puts the account's text back; AWS
// managed policies cannot be edited; a simulation's verdicts reach the page's own document.

using namespace Qt::StringLiterals;

using iamx::PolicyPage;

class tst_PolicyPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void freshPageIsNotModified();
    void applyOnlyWhenModifiedAndValid();
    void applyRequestsTheText();
    void applyShortcut();
    void revertRestoresTheBaseline();
    void formatButton();
    void awsManagedIsReadOnly();
    void findShortcutOpensTheFindBar();
    void outcomesOfThisDocumentOnly();
    void resourcePolicyIsCheckedAgainstItsResource();

private:
    void saveScreenshot(const QString &name) const;
    QToolButton *button(const QString &name) const;
    /// Types `text` at the end of the editor's text.
    void typeAtEnd(const QString &text);

    std::unique_ptr<PolicyPage> m_page;
};

namespace {

const QString policy = uR"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadReports",
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::reports/*"
    },
    {
      "Sid": "NoDeletes",
      "Effect": "Deny",
      "Action": "s3:DeleteObject",
      "Resource": "*"
    }
  ]
}
)"_s;

QString managedKey(const std::string &arn)
{
    iamx::DocumentKey key;
    key.kind = iamx::DocumentKey::Kind::Managed;
    key.owner = arn;
    return iamx::toQString(iamx::documentKeyText(key));
}

const QString customerKey = managedKey("arn:aws:iam::111122223333:policy/DevReadOnly");
const QString awsKey = managedKey("arn:aws:iam::aws:policy/ReadOnlyAccess");

} // namespace

// A bucket's policy is validated as the bucket's: an action of another service is an error
// there, though the same text elsewhere is only a grant of nothing.
void tst_PolicyPage::resourcePolicyIsCheckedAgainstItsResource()
{
    const QString bucketPolicy = uR"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
  "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:Decrypt",
  "Resource": "*"}]})"_s;
    iamx::DocumentKey key;
    key.kind = iamx::DocumentKey::Kind::Resource;
    key.owner = "arn:aws:s3:::acme-reports";
    iamx::PolicyParseOptions options;
    options.type = iamx::PolicyType::Resource;
    m_page->setDocument(
            iamx::toQString(iamx::documentKeyText(key)), u"acme-reports"_s, bucketPolicy, options);
    const auto hasCode = [&](const char *code) {
        const auto &findings = m_page->editor()->diagnostics();
        return std::any_of(findings.begin(), findings.end(),
                [&](const iamx::Diagnostic &d) { return d.code == code; });
    };
    QVERIFY(hasCode("UNSUPPORTED_ACTION_IN_POLICY"));
    // The same text as another kind of document: no resource to hold it to.
    m_page->setDocument(customerKey, u"DevReadOnly"_s, bucketPolicy, options);
    QVERIFY(!hasCode("UNSUPPORTED_ACTION_IN_POLICY"));
}

void tst_PolicyPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_PolicyPage::init()
{
    QTest::failOnWarning(QRegularExpression(u"^(?!This plugin does not support ).*"_s));
    m_page = std::make_unique<PolicyPage>();
    m_page->setFixedSize(640, 420);
    m_page->setDocument(customerKey, u"DevReadOnly"_s, policy, {});
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->editor()->setFocus();
}

void tst_PolicyPage::cleanup()
{
    if (QTest::currentTestFailed())
        saveScreenshot(u"failed"_s);
    m_page.reset();
}

void tst_PolicyPage::saveScreenshot(const QString &name) const
{
    const QString folder =
            qEnvironmentVariable("IAMX_TEST_ARTIFACTS", QDir::tempPath()) + u"/tst_PolicyPage"_s;
    QVERIFY(QDir().mkpath(folder));
    const QString file = folder + u'/' + QString::fromLatin1(QTest::currentTestFunction()) + u'-'
            + name + u".png"_s;
    QVERIFY2(m_page->grab().save(file), qPrintable(file));
}

QToolButton *tst_PolicyPage::button(const QString &name) const
{
    auto *found = m_page->findChild<QToolButton *>(name);
    if (!found)
        qWarning("no button %s", qPrintable(name));
    return found;
}

void tst_PolicyPage::typeAtEnd(const QString &text)
{
    m_page->editor()->moveCursor(QTextCursor::End);
    QTest::keyClicks(m_page->editor(), text);
}

void tst_PolicyPage::freshPageIsNotModified()
{
    QCOMPARE(m_page->objectName(), u"policyPage"_s);
    QVERIFY(!m_page->isModified());
    QCOMPARE(m_page->text(), policy);
    QCOMPARE(m_page->documentKeyText(), customerKey);
    QCOMPARE(m_page->findChild<QLabel *>(u"policyTitle"_s)->text(), u"DevReadOnly"_s);
    QVERIFY(!button(u"applyButton"_s)->isEnabled());
    QVERIFY(!button(u"revertButton"_s)->isEnabled());
    QVERIFY(button(u"formatButton"_s)->isEnabled());
    QVERIFY(!m_page->findChild<QLabel *>(u"readOnlyNote"_s)->isVisible());
    QVERIFY(!m_page->editor()->isReadOnly());
    QVERIFY(!m_page->editor()->document()->isUndoAvailable());
    for (const char *name : { "applyButton", "revertButton", "formatButton" })
        QVERIFY(!button(QString::fromLatin1(name))->accessibleName().isEmpty());
}

void tst_PolicyPage::applyOnlyWhenModifiedAndValid()
{
    QSignalSpy modified(m_page.get(), &PolicyPage::modifiedChanged);
    auto *apply = button(u"applyButton"_s);
    // A harmless edit: modified and valid.
    typeAtEnd(u" "_s);
    QCOMPARE(modified.count(), 1);
    QCOMPARE(modified.at(0).at(0).toBool(), true);
    QVERIFY(m_page->isModified());
    QTRY_VERIFY(apply->isEnabled());
    QVERIFY(button(u"revertButton"_s)->isEnabled());
    saveScreenshot(u"modified"_s);

    // Break it: no Apply, even through the method.
    QSignalSpy requested(m_page.get(), &PolicyPage::applyRequested);
    QTextCursor cursor = m_page->editor()->textCursor();
    cursor.setPosition(int(policy.indexOf(u"Deny"_s)));
    cursor.insertText(u"x"_s); // "xDeny"
    QVERIFY(!m_page->apply()); // validates at once: the typing has not been validated yet
    QVERIFY(requested.isEmpty());
    QTRY_VERIFY(!apply->isEnabled());
    QVERIFY(m_page->editor()->hasErrors());

    // Typing the text back to what it was: not modified, so nothing to apply.
    m_page->editor()->undo();
    QVERIFY(m_page->editor()->toPlainText() != policy); // the space is still there
    m_page->editor()->undo();
    QCOMPARE(m_page->text(), policy);
    QVERIFY(!m_page->isModified());
    QCOMPARE(modified.count(), 2);
    QCOMPARE(modified.at(1).at(0).toBool(), false);
    QTRY_VERIFY(!m_page->editor()->hasErrors());
    QVERIFY(!apply->isEnabled());
    QVERIFY(!m_page->apply());

    // A warning does not stop Apply, an error does.
    m_page->editor()->selectAll();
    QTest::keyClicks(m_page->editor(), u"{ \"Statement\": [] }"_s);
    QTRY_VERIFY(!m_page->editor()->diagnostics().empty() || apply->isEnabled());
    QCOMPARE(apply->isEnabled(), !m_page->editor()->hasErrors());
}

void tst_PolicyPage::applyRequestsTheText()
{
    QSignalSpy requested(m_page.get(), &PolicyPage::applyRequested);
    QSignalSpy modified(m_page.get(), &PolicyPage::modifiedChanged);
    QTextCursor cursor = m_page->editor()->textCursor();
    cursor.setPosition(int(policy.indexOf(u"ReadReports"_s)));
    m_page->editor()->setTextCursor(cursor);
    QTest::keyClicks(m_page->editor(), u"Now"_s);
    const QString edited = m_page->text();
    QVERIFY(edited.contains(u"NowReadReports"_s));
    QTRY_VERIFY(button(u"applyButton"_s)->isEnabled());
    QTest::mouseClick(button(u"applyButton"_s), Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), customerKey);
    QCOMPARE(requested.at(0).at(1).toString(), edited);
    // Until the owner says the document took it, the page stays modified.
    QVERIFY(m_page->isModified());
    m_page->markApplied();
    QVERIFY(!m_page->isModified());
    QCOMPARE(modified.count(), 2);
    QVERIFY(!button(u"applyButton"_s)->isEnabled());
    // Revert now goes back to the applied text, not the original one.
    typeAtEnd(u" "_s);
    m_page->revert();
    QCOMPARE(m_page->text(), edited);
}

void tst_PolicyPage::applyShortcut()
{
    QSignalSpy requested(m_page.get(), &PolicyPage::applyRequested);
    m_page->editor()->moveCursor(QTextCursor::End);
    QTest::keyClick(m_page->editor(), Qt::Key_Return);
    QTRY_VERIFY(m_page->applyAction()->isEnabled());
    QTest::keyClick(m_page->editor(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(requested.count(), 1);
    // Ctrl+Enter did not also type a newline.
    QCOMPARE(requested.at(0).at(1).toString(), policy + u"\n"_s);
    QCOMPARE(m_page->applyAction()->objectName(), u"applyAction"_s);
}

void tst_PolicyPage::revertRestoresTheBaseline()
{
    QSignalSpy modified(m_page.get(), &PolicyPage::modifiedChanged);
    m_page->editor()->selectAll();
    QTest::keyClicks(m_page->editor(), u"{ broken"_s);
    QVERIFY(m_page->isModified());
    QTest::mouseClick(button(u"revertButton"_s), Qt::LeftButton);
    QCOMPARE(m_page->text(), policy);
    QVERIFY(!m_page->isModified());
    QCOMPARE(modified.count(), 2);
    QVERIFY(!m_page->editor()->hasErrors()); // validated at once
    QVERIFY(!button(u"revertButton"_s)->isEnabled());
    QVERIFY(!button(u"applyButton"_s)->isEnabled());
    // The revert is one step of the editor's undo: the user can take it back.
    m_page->editor()->undo();
    QCOMPARE(m_page->text(), u"{ broken"_s);
    QVERIFY(m_page->isModified());
}

void tst_PolicyPage::formatButton()
{
    m_page->setDocument(customerKey, u"DevReadOnly"_s,
            uR"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]})"_s,
            {});
    QVERIFY(!m_page->isModified());
    QTest::mouseClick(button(u"formatButton"_s), Qt::LeftButton);
    QVERIFY(m_page->text().startsWith(u"{\n  \"Version\": \"2012-10-17\",\n"_s));
    QVERIFY(m_page->isModified());
    // Ctrl+Shift+I on text already formatted changes nothing.
    const QString formatted = m_page->text();
    QTest::keyClick(m_page->editor(), Qt::Key_I, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(m_page->text(), formatted);
}

void tst_PolicyPage::awsManagedIsReadOnly()
{
    QSignalSpy requested(m_page.get(), &PolicyPage::applyRequested);
    m_page->setDocument(awsKey, u"ReadOnlyAccess"_s, policy, {});
    QVERIFY(m_page->isReadOnly());
    QVERIFY(m_page->editor()->isReadOnly());
    auto *note = m_page->findChild<QLabel *>(u"readOnlyNote"_s);
    QVERIFY(note->isVisible());
    QVERIFY(note->text().contains(u"AWS"_s));
    QVERIFY(!button(u"applyButton"_s)->isEnabled());
    QVERIFY(!button(u"revertButton"_s)->isEnabled());
    QVERIFY(!button(u"formatButton"_s)->isEnabled());
    QTest::keyClicks(m_page->editor(), u"x"_s);
    QCOMPARE(m_page->text(), policy);
    QVERIFY(!m_page->format());
    QVERIFY(!m_page->apply());
    QVERIFY(requested.isEmpty());
    saveScreenshot(u"aws-managed"_s);

    // A customer managed policy in the same page is editable again.
    m_page->setDocument(customerKey, u"DevReadOnly"_s, policy, {});
    QVERIFY(!m_page->isReadOnly());
    QVERIFY(!note->isVisible());
    QVERIFY(button(u"formatButton"_s)->isEnabled());
}

void tst_PolicyPage::findShortcutOpensTheFindBar()
{
    auto *bar = m_page->findChild<iamx::FindBar *>(u"findBar"_s);
    QVERIFY(bar);
    QVERIFY(!bar->isVisible());
    QTest::keyClick(m_page->editor(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(bar->isVisible());
    QVERIFY(bar->isAncestorOf(QApplication::focusWidget()));
    QTest::keyClicks(QApplication::focusWidget(), u"Deny"_s);
    QCOMPARE(m_page->editor()->textCursor().selectedText(), u"Deny"_s);
    saveScreenshot(u"find"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(!bar->isVisible());
    QCOMPARE(QApplication::focusWidget(), m_page->editor());
}

void tst_PolicyPage::outcomesOfThisDocumentOnly()
{
    iamx::StatementOutcome mine;
    mine.document = *iamx::parseDocumentKey(iamx::toStdString(customerKey));
    mine.statement = 1;
    mine.pointer = "/Statement/1";
    mine.verdict = iamx::StatementVerdict::Denied;
    mine.reason = "explicit deny";
    iamx::StatementOutcome other = mine;
    other.document = *iamx::parseDocumentKey(iamx::toStdString(awsKey));
    other.statement = 0;
    other.pointer = "/Statement/0";
    m_page->setStatementOutcomes({ other, mine });
    auto marks = m_page->editor()->statementMarks();
    QCOMPARE(marks.size(), size_t(1));
    QCOMPARE(marks[0].verdict, iamx::StatementVerdict::Denied);
    QVERIFY(m_page->scrollToStatement(1));
    QCOMPARE(m_page->editor()->textCursor().position(), marks[0].range.start);
    m_page->clearStatementOutcomes();
    QVERIFY(m_page->editor()->statementMarks().empty());

    // While modified the page shows none: the simulation saw the account's text.
    typeAtEnd(u" "_s);
    m_page->setStatementOutcomes({ mine });
    QVERIFY(m_page->editor()->statementMarks().empty());
    // A new document clears them too.
    m_page->markApplied();
    m_page->setStatementOutcomes({ mine });
    QCOMPARE(m_page->editor()->statementMarks().size(), size_t(1));
    m_page->setDocument(customerKey, u"DevReadOnly"_s, policy, {});
    QVERIFY(m_page->editor()->statementMarks().empty());
}

QTEST_MAIN(tst_PolicyPage)
#include "tst_policypage.moc"
