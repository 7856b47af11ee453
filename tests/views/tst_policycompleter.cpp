#include "views/editor/completionmodel.h"
#include "views/editor/policycompleter.h"
#include "views/editor/policyeditor.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QHelpEvent>
#include <QListView>
#include <QPainter>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <QToolTip>

#include <memory>

// Completion in the policy editor, typed as a user types (QTest::keyClicks): the popup opens
// after a quote where a key or value goes and on Ctrl+Space, narrows while typing, and
// inserts what is chosen with the quotes that are missing; hovering an action pattern shows
// what it expands to.

using namespace Qt::StringLiterals;

using iamx::CompletionModel;
using iamx::PolicyCompleter;
using iamx::PolicyEditor;

class tst_PolicyCompleter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void quoteOpensElementNames();
    void typingFiltersAndEnterInserts();
    void effectValue();
    void actionsThroughTheService();
    void arrowsChooseAndTabInserts();
    void escapeCloses();
    void closingQuoteCloses();
    void ctrlSpaceBringsQuotes();
    void ctrlSpaceWhereNothingFits();
    void resourceTemplateSelectsTheVariable();
    void conditionOperatorAndKey();
    void replacesInsideAClosedString();
    void undoTakesTheInsertionBack();
    void hoverExpandsActionPattern();
    void popupScreenshot();
    void conditionValueRegion();
    void principalValueFromTheAccount();
    void policyVariableAfterDollarBrace();
    void sidValue();

private:
    /// Puts the text in the editor and the cursor at the `|` in it (which is removed).
    void setTextWithCursor(const QString &textWithCursor);
    /// The text with a `|` where the cursor is (`[` `]` around a selection).
    QString textWithCursor() const;
    QListView *popup() const { return m_editor->completer()->popup(); }
    QStringList rows() const;
    void saveScreenshot(const QString &name) const;

    std::unique_ptr<PolicyEditor> m_editor;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

const QString statementHead = u"{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n"_s;

void tst_PolicyCompleter::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_PolicyCompleter::init()
{
    QTest::failOnWarning(QRegularExpression(u"^(?!This plugin does not support ).*"_s));
    m_editor = std::make_unique<PolicyEditor>();
    m_editor->setFixedSize(640, 360);
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
    m_editor->setFocus();
    m_tester = std::make_unique<QAbstractItemModelTester>(
            m_editor->completer()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_PolicyCompleter::cleanup()
{
    if (QTest::currentTestFailed())
        saveScreenshot(u"failed"_s);
    m_tester.reset();
    m_editor.reset();
}

void tst_PolicyCompleter::setTextWithCursor(const QString &textWithCursor)
{
    const qsizetype at = textWithCursor.indexOf(u'|');
    QString text = textWithCursor;
    text.remove(at, 1);
    m_editor->setPlainText(text);
    QTextCursor cursor = m_editor->textCursor();
    cursor.setPosition(int(at));
    m_editor->setTextCursor(cursor);
}

QString tst_PolicyCompleter::textWithCursor() const
{
    QString text = m_editor->toPlainText();
    const QTextCursor cursor = m_editor->textCursor();
    if (cursor.hasSelection()) {
        text.insert(cursor.selectionEnd(), u']');
        text.insert(cursor.selectionStart(), u'[');
    } else {
        text.insert(cursor.position(), u'|');
    }
    return text;
}

QStringList tst_PolicyCompleter::rows() const
{
    QStringList out;
    const CompletionModel *model = m_editor->completer()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        out << model->index(row).data().toString();
    return out;
}

void tst_PolicyCompleter::saveScreenshot(const QString &name) const
{
    const QString folder = qEnvironmentVariable("IAMX_TEST_ARTIFACTS", QDir::tempPath())
            + u"/tst_PolicyCompleter"_s;
    QVERIFY(QDir().mkpath(folder));
    const QString file = folder + u'/' + QString::fromLatin1(QTest::currentTestFunction()) + u'-'
            + name + u".png"_s;
    QCoreApplication::processEvents();
    // The popup is a window of its own: draw it over the editor where it stands.
    QRect area = m_editor->rect();
    if (popup()->isVisible())
        area |= QRect(m_editor->mapFromGlobal(popup()->pos()), popup()->size());
    QPixmap picture(area.size());
    picture.fill(m_editor->palette().color(QPalette::Window));
    QPainter painter(&picture);
    painter.drawPixmap(0, 0, m_editor->grab());
    if (popup()->isVisible())
        painter.drawPixmap(m_editor->mapFromGlobal(popup()->pos()), popup()->grab());
    painter.end();
    QVERIFY2(picture.save(file), qPrintable(file));
}

void tst_PolicyCompleter::quoteOpensElementNames()
{
    setTextWithCursor(u"{\n  |\n}"_s);
    QVERIFY(!popup()->isVisible());
    QTest::keyClicks(m_editor.get(), u"\""_s);
    QTRY_VERIFY(popup()->isVisible());
    QCOMPARE(rows(), (QStringList { u"Version"_s, u"Id"_s, u"Statement"_s }));
    QCOMPARE(popup()->currentIndex().row(), 0);
    QVERIFY2(!popup()->hasFocus() && m_editor->hasFocus(), "the editor keeps the keys");
}

void tst_PolicyCompleter::typingFiltersAndEnterInserts()
{
    setTextWithCursor(statementHead + u"      \"Effect\": \"Allow\",\n      |\n    }\n  ]\n}"_s);
    QTest::keyClicks(m_editor.get(), u"\"Act"_s);
    QTRY_VERIFY(popup()->isVisible());
    QCOMPARE(rows(), QStringList { u"Action"_s });
    QTest::keyClick(m_editor.get(), Qt::Key_Return);
    QVERIFY(!popup()->isVisible());
    QVERIFY2(textWithCursor().contains(u"      \"Action\": |\n"_s), qPrintable(textWithCursor()));
}

void tst_PolicyCompleter::effectValue()
{
    setTextWithCursor(statementHead + u"      \"Effect\": |\n    }\n  ]\n}"_s);
    QTest::keyClicks(m_editor.get(), u"\""_s);
    QTRY_VERIFY(popup()->isVisible());
    QCOMPARE(rows(), (QStringList { u"Allow"_s, u"Deny"_s }));
    QTest::keyClicks(m_editor.get(), u"d"_s);
    QCOMPARE(rows(), QStringList { u"Deny"_s });
    QTest::keyClick(m_editor.get(), Qt::Key_Return);
    QVERIFY2(textWithCursor().contains(u"\"Effect\": \"Deny\"|\n"_s), qPrintable(textWithCursor()));
}

void tst_PolicyCompleter::actionsThroughTheService()
{
    setTextWithCursor(statementHead + u"      \"Action\": |\n    }\n  ]\n}"_s);
    QTest::keyClicks(m_editor.get(), u"\"s3"_s);
    QTRY_VERIFY(popup()->isVisible());
    QCOMPARE(rows().value(0), u"s3:"_s);
    QTest::keyClick(m_editor.get(), Qt::Key_Return);
    // The service is in, and the popup goes on with its actions.
    QVERIFY2(textWithCursor().contains(u"\"Action\": \"s3:|\"\n"_s), qPrintable(textWithCursor()));
    QVERIFY(popup()->isVisible());
    QCOMPARE(rows().value(0), u"s3:*"_s);
    QTest::keyClicks(m_editor.get(), u"GetObjectT"_s);
    QCOMPARE(rows().value(0), u"s3:GetObjectT*"_s);
    const QModelIndex tagging =
            m_editor->completer()->model()->index(int(rows().indexOf(u"s3:GetObjectTagging"_s)));
    QVERIFY(tagging.isValid());
    QCOMPARE(tagging.data(CompletionModel::DetailRole).toString(), u"Read"_s);
    QVERIFY(!tagging.data(Qt::ToolTipRole).toString().isEmpty());
    popup()->setCurrentIndex(tagging);
    QTest::keyClick(m_editor.get(), Qt::Key_Return);
    QVERIFY(!popup()->isVisible());
    QVERIFY2(textWithCursor().contains(u"\"Action\": \"s3:GetObjectTagging\"|\n"_s),
            qPrintable(textWithCursor()));
}

void tst_PolicyCompleter::arrowsChooseAndTabInserts()
{
    setTextWithCursor(statementHead + u"      \"Effect\": |"_s);
    QTest::keyClicks(m_editor.get(), u"\""_s);
    QTRY_VERIFY(popup()->isVisible());
    QTest::keyClick(m_editor.get(), Qt::Key_Down);
    QCOMPARE(popup()->currentIndex().row(), 1);
    QTest::keyClick(m_editor.get(), Qt::Key_Down); // stays on the last row
    QCOMPARE(popup()->currentIndex().row(), 1);
    QTest::keyClick(m_editor.get(), Qt::Key_Up);
    QTest::keyClick(m_editor.get(), Qt::Key_Down);
    QTest::keyClick(m_editor.get(), Qt::Key_Tab);
    QVERIFY2(textWithCursor().endsWith(u"\"Effect\": \"Deny\"|"_s), qPrintable(textWithCursor()));
}

void tst_PolicyCompleter::escapeCloses()
{
    setTextWithCursor(statementHead + u"      \"Effect\": |"_s);
    QTest::keyClicks(m_editor.get(), u"\""_s);
    QTRY_VERIFY(popup()->isVisible());
    QTest::keyClick(m_editor.get(), Qt::Key_Escape);
    QVERIFY(!popup()->isVisible());
    QTest::keyClick(m_editor.get(), Qt::Key_Return); // the editor's own Enter again
    QVERIFY2(textWithCursor().endsWith(u"\"Effect\": \"\n      |"_s), qPrintable(textWithCursor()));
}

void tst_PolicyCompleter::closingQuoteCloses()
{
    setTextWithCursor(statementHead + u"      \"Effect\": |"_s);
    QTest::keyClicks(m_editor.get(), u"\"Allow"_s);
    QTRY_VERIFY(popup()->isVisible());
    QTest::keyClicks(m_editor.get(), u"\""_s);
    QVERIFY(!popup()->isVisible());
    QVERIFY(textWithCursor().endsWith(u"\"Effect\": \"Allow\"|"_s));
    // Backspace into the string opens nothing by itself.
    QTest::keyClick(m_editor.get(), Qt::Key_Backspace);
    QVERIFY(!popup()->isVisible());
}

void tst_PolicyCompleter::ctrlSpaceBringsQuotes()
{
    setTextWithCursor(statementHead + u"      \"Effect\": |\n    }\n  ]\n}"_s);
    QTest::keyClick(m_editor.get(), Qt::Key_Space, Qt::ControlModifier);
    QVERIFY(popup()->isVisible());
    QCOMPARE(rows(), (QStringList { u"Allow"_s, u"Deny"_s }));
    QTest::keyClick(m_editor.get(), Qt::Key_Return);
    QVERIFY2(
            textWithCursor().contains(u"\"Effect\": \"Allow\"|\n"_s), qPrintable(textWithCursor()));
    // In a bare word: the word is replaced, quoted.
    setTextWithCursor(statementHead + u"      \"Effect\": Den|\n    }\n  ]\n}"_s);
    QTest::keyClick(m_editor.get(), Qt::Key_Space, Qt::ControlModifier);
    QCOMPARE(rows(), QStringList { u"Deny"_s });
    QTest::keyClick(m_editor.get(), Qt::Key_Return);
    QVERIFY2(textWithCursor().contains(u"\"Effect\": \"Deny\"|\n"_s), qPrintable(textWithCursor()));
}

void tst_PolicyCompleter::ctrlSpaceWhereNothingFits()
{
    setTextWithCursor(statementHead + u"      \"Sid\": \"Rea|\"\n    }\n  ]\n}"_s);
    const QString before = m_editor->toPlainText();
    QTest::keyClick(m_editor.get(), Qt::Key_Space, Qt::ControlModifier);
    QVERIFY(!popup()->isVisible());
    QCOMPARE(m_editor->toPlainText(), before);
}

void tst_PolicyCompleter::resourceTemplateSelectsTheVariable()
{
    setTextWithCursor(statementHead
            + u"      \"Action\": \"iam:PassRole\",\n      \"Resource\": |\n    }\n  ]\n}"_s);
    QTest::keyClicks(m_editor.get(), u"\"arn"_s);
    QTRY_VERIFY(popup()->isVisible());
    QCOMPARE(rows(), QStringList { u"arn:aws:iam::${Account}:role/${RoleNameWithPath}"_s });
    QTest::keyClick(m_editor.get(), Qt::Key_Return);
    // The first variable is selected: typing replaces it.
    QVERIFY2(textWithCursor().contains(
                     u"\"Resource\": \"arn:aws:iam::[${Account}]:role/${RoleNameWithPath}\"\n"_s),
            qPrintable(textWithCursor()));
    QTest::keyClicks(m_editor.get(), u"123456789012"_s);
    QVERIFY(m_editor->toPlainText().contains(
            u"\"arn:aws:iam::123456789012:role/${RoleNameWithPath}\""_s));
}

void tst_PolicyCompleter::conditionOperatorAndKey()
{
    setTextWithCursor(statementHead
            + u"      \"Action\": \"s3:ListBucket\",\n      \"Condition\": {\n        |\n      }\n"
              u"    }\n  ]\n}"_s);
    QTest::keyClicks(m_editor.get(), u"\"StringLik"_s);
    QTRY_VERIFY(popup()->isVisible());
    QCOMPARE(rows().value(0), u"StringLike"_s);
    QTest::keyClick(m_editor.get(), Qt::Key_Return);
    QTest::keyClicks(m_editor.get(), u"{\"s3:pre"_s);
    QTRY_VERIFY(popup()->isVisible());
    QCOMPARE(rows().value(0), u"s3:prefix"_s);
    QCOMPARE(m_editor->completer()->model()->index(0).data(CompletionModel::DetailRole).toString(),
            u"String"_s);
    QTest::keyClick(m_editor.get(), Qt::Key_Return);
    QVERIFY2(textWithCursor().contains(u"\"StringLike\": {\"s3:prefix\": |\n"_s),
            qPrintable(textWithCursor()));
}

void tst_PolicyCompleter::replacesInsideAClosedString()
{
    setTextWithCursor(statementHead + u"      \"Action\": \"s3:GetObj|\",\n    }\n  ]\n}"_s);
    QTest::keyClick(m_editor.get(), Qt::Key_Space, Qt::ControlModifier);
    QVERIFY(popup()->isVisible());
    QCOMPARE(rows().value(0), u"s3:GetObj*"_s);
    const int row = int(rows().indexOf(u"s3:GetObjectAcl"_s));
    QVERIFY(row > 0);
    popup()->setCurrentIndex(m_editor->completer()->model()->index(row));
    QTest::keyClick(m_editor.get(), Qt::Key_Return);
    QVERIFY2(textWithCursor().contains(u"\"Action\": \"s3:GetObjectAcl\"|,\n"_s),
            qPrintable(textWithCursor()));
}

void tst_PolicyCompleter::undoTakesTheInsertionBack()
{
    setTextWithCursor(statementHead + u"      \"Effect\": \"|"_s);
    const QString before = m_editor->toPlainText();
    QTest::keyClick(m_editor.get(), Qt::Key_Space, Qt::ControlModifier);
    QTest::keyClick(m_editor.get(), Qt::Key_Return);
    QVERIFY(m_editor->toPlainText().endsWith(u"\"Allow\""_s));
    m_editor->undo();
    QCOMPARE(m_editor->toPlainText(), before);
}

void tst_PolicyCompleter::hoverExpandsActionPattern()
{
    const QString text = statementHead
            + u"      \"Action\": [\"s3:GetObject*\"],\n      "
              u"\"Resource\": \"*\"\n    }\n  ]\n}"_s;
    m_editor->setPlainText(text);
    QTextCursor cursor(m_editor->document());
    cursor.setPosition(int(text.indexOf(u"GetObject*"_s)) + 2);
    const QPoint inside = m_editor->cursorRect(cursor).center();
    QHelpEvent help(QEvent::ToolTip, inside, m_editor->viewport()->mapToGlobal(inside));
    QCoreApplication::sendEvent(m_editor->viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY2(
            QToolTip::text().startsWith(u"s3:GetObject* matches "_s), qPrintable(QToolTip::text()));
    QVERIFY2(QToolTip::text().contains(u"s3:GetObjectAcl"_s), qPrintable(QToolTip::text()));
    QVERIFY(QToolTip::text().contains(u"Read "_s));
    // Not over a resource.
    QVERIFY(m_editor->completer()->toolTipAt(int(text.indexOf(u"\"*\""_s)) + 1).isEmpty());
    QToolTip::hideText();
}

void tst_PolicyCompleter::popupScreenshot()
{
    setTextWithCursor(
            statementHead + u"      \"Effect\": \"Allow\",\n      \"Action\": |\n    }\n  ]\n}"_s);
    QTest::keyClicks(m_editor.get(), u"\"s3:Get"_s);
    QTRY_VERIFY(popup()->isVisible());
    QVERIFY(rows().size() > 10);
    QVERIFY2(popup()->geometry().top()
                    >= m_editor->viewport()->mapToGlobal(m_editor->cursorRect().bottomLeft()).y(),
            "the popup opens below the line typed on");
    saveScreenshot(u"actions"_s);
}

void tst_PolicyCompleter::conditionValueRegion()
{
    setTextWithCursor(statementHead
            + u"      \"Effect\": \"Deny\",\n      \"Action\": \"*\",\n      \"Condition\": {\n"
              u"        \"StringNotEquals\": {\"aws:RequestedRegion\": |}\n      }\n    }\n  ]\n}"_s);
    QTest::keyClicks(m_editor.get(), u"\""_s);
    QTRY_VERIFY(popup()->isVisible());
    QCOMPARE(rows().value(0), u"us-east-1"_s);
    QCOMPARE(m_editor->completer()->model()->index(0).data(Qt::ToolTipRole).toString(),
            u"US East (N. Virginia)"_s);
    QTest::keyClicks(m_editor.get(), u"eu-"_s);
    QVERIFY(rows().contains(u"eu-west-1"_s));
    QVERIFY(rows().contains(u"eu-central-1"_s));
    saveScreenshot(u"regions"_s);
    QTest::keyClicks(m_editor.get(), u"w"_s);
    QCOMPARE(rows(), (QStringList { u"eu-west-1"_s, u"eu-west-2"_s, u"eu-west-3"_s }));
    QTest::keyClick(m_editor.get(), Qt::Key_Down);
    QTest::keyClick(m_editor.get(), Qt::Key_Return);
    QVERIFY(!popup()->isVisible());
    QVERIFY2(textWithCursor().contains(u"{\"aws:RequestedRegion\": \"eu-west-2\"|}"_s),
            qPrintable(textWithCursor()));
}

void tst_PolicyCompleter::principalValueFromTheAccount()
{
    auto account = std::make_shared<iamx::CompletionAccountContext>();
    account->accountId = "111122223333";
    account->roleArns = { "arn:aws:iam::111122223333:role/Deployer" };
    m_editor->completer()->setAccountContext(account);
    setTextWithCursor(statementHead
            + u"      \"Effect\": \"Allow\",\n      \"Principal\": {\"AWS\": |},\n"
              u"      \"Action\": \"sts:AssumeRole\"\n    }\n  ]\n}"_s);
    QTest::keyClicks(m_editor.get(), u"\""_s);
    QTRY_VERIFY(popup()->isVisible());
    QCOMPARE(rows().mid(0, 3),
            (QStringList { u"*"_s, u"arn:aws:iam::111122223333:root"_s,
                    u"arn:aws:iam::111122223333:role/Deployer"_s }));
    QTest::keyClicks(m_editor.get(), u"arn:aws:iam::111122223333:ro"_s);
    QCOMPARE(rows(),
            (QStringList { u"arn:aws:iam::111122223333:root"_s,
                    u"arn:aws:iam::111122223333:role/Deployer"_s }));
    saveScreenshot(u"principals"_s);
    QTest::keyClick(m_editor.get(), Qt::Key_Down);
    QTest::keyClick(m_editor.get(), Qt::Key_Return);
    QVERIFY2(textWithCursor().contains(
                     u"{\"AWS\": \"arn:aws:iam::111122223333:role/Deployer\"|},"_s),
            qPrintable(textWithCursor()));
    // A template of another account: its first variable is selected to be typed over.
    setTextWithCursor(statementHead + u"      \"Principal\": {\"AWS\": \"arn:aws:sts|\"}\n"_s);
    QTest::keyClick(m_editor.get(), Qt::Key_Space, Qt::ControlModifier);
    QCOMPARE(rows(),
            QStringList { u"arn:aws:sts::${Account}:assumed-role/${RoleName}/${SessionName}"_s });
    QTest::keyClick(m_editor.get(), Qt::Key_Return);
    QVERIFY2(textWithCursor().contains(
                     u"\"arn:aws:sts::[${Account}]:assumed-role/${RoleName}/${SessionName}\"}"_s),
            qPrintable(textWithCursor()));
}

void tst_PolicyCompleter::policyVariableAfterDollarBrace()
{
    setTextWithCursor(statementHead
            + u"      \"Action\": \"s3:GetObject\",\n      \"Resource\": \"arn:aws:s3:::home/|\"\n"
              u"    }\n  ]\n}"_s);
    QTest::keyClicks(m_editor.get(), u"$"_s);
    QVERIFY(!popup()->isVisible());
    QTest::keyClicks(m_editor.get(), u"{"_s);
    QTRY_VERIFY(popup()->isVisible());
    QVERIFY(rows().contains(u"${aws:username}"_s));
    QTest::keyClicks(m_editor.get(), u"aws:usern"_s);
    QCOMPARE(rows(), QStringList { u"${aws:username}"_s });
    QTest::keyClick(m_editor.get(), Qt::Key_Return);
    QVERIFY2(textWithCursor().contains(u"\"arn:aws:s3:::home/${aws:username}|\"\n"_s),
            qPrintable(textWithCursor()));
    // The principal's tag: its key is selected to be typed over.
    QTest::keyClicks(m_editor.get(), u"/${aws:PrincipalTa"_s);
    QTRY_VERIFY(popup()->isVisible());
    QCOMPARE(rows(), QStringList { u"${aws:PrincipalTag/tag-key}"_s });
    QTest::keyClick(m_editor.get(), Qt::Key_Tab);
    QVERIFY2(textWithCursor().contains(
                     u"\"arn:aws:s3:::home/${aws:username}/${aws:PrincipalTag/[tag-key]}\"\n"_s),
            qPrintable(textWithCursor()));
}

void tst_PolicyCompleter::sidValue()
{
    setTextWithCursor(statementHead
            + u"      \"Sid\": |,\n      \"Effect\": \"Deny\",\n      \"Action\": \"iam:*\"\n"
              u"    }\n  ]\n}"_s);
    QTest::keyClicks(m_editor.get(), u"\""_s);
    QTRY_VERIFY(popup()->isVisible());
    QCOMPARE(rows(), (QStringList { u"DenyIamAll"_s, u"DenyIam"_s }));
    QTest::keyClick(m_editor.get(), Qt::Key_Return);
    QVERIFY2(textWithCursor().contains(u"\"Sid\": \"DenyIamAll\"|,\n"_s),
            qPrintable(textWithCursor()));
}

QTEST_MAIN(tst_PolicyCompleter)
#include "tst_policycompleter.moc"
