#include "views/editor/jsonhighlighter.h"
#include "views/editor/policyeditor.h"

#include <QDir>
#include <QHelpEvent>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTextBlock>
#include <QToolTip>

#include <algorithm>
#include <memory>

// The policy editor driven headless (style.md §4): live validation underlines each finding over
// its exact range (also after non-ASCII text), the gutter grows with the lines, and Format
// re-indents valid JSON only.

using namespace Qt::StringLiterals;

using iamx::PolicyEditor;

class tst_PolicyEditor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void validPolicyHasNoDiagnostics();
    void invalidEffectIsUnderlined_data();
    void invalidEffectIsUnderlined();
    void typingRevalidates();
    void gutterGrowsWithLines();
    void hoverShowsTheMessage();
    void coloursFollowThePalette();
    void formatIndentsValidJson();
    void formatLeavesInvalidTextAlone();

private:
    void saveScreenshot(const QString &name) const;
    /// The extra selections that carry a wavy underline (the findings).
    QList<QTextEdit::ExtraSelection> underlines() const;
    bool hasCode(const char *code) const;

    std::unique_ptr<PolicyEditor> m_editor;
};

// Declared after the test class: moc 6.4 misreads a raw string literal before it.
namespace {

const QString validPolicy = uR"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadBucket",
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::example-bucket/*"
    }
  ]
})"_s;

} // namespace

void tst_PolicyEditor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_PolicyEditor::init()
{
    QTest::failOnWarning(QRegularExpression(u"^(?!This plugin does not support ).*"_s));
    m_editor = std::make_unique<PolicyEditor>();
    m_editor->setFixedSize(640, 320);
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
}

void tst_PolicyEditor::cleanup()
{
    if (QTest::currentTestFailed())
        saveScreenshot(u"failed"_s);
    m_editor.reset();
}

void tst_PolicyEditor::saveScreenshot(const QString &name) const
{
    const QString folder =
            qEnvironmentVariable("IAMX_TEST_ARTIFACTS", QDir::tempPath()) + u"/tst_PolicyEditor"_s;
    QVERIFY(QDir().mkpath(folder));
    QString file = folder + u'/' + QString::fromLatin1(QTest::currentTestFunction());
    if (const char *tag = QTest::currentDataTag())
        file += u'-' + QString::fromLatin1(tag);
    file += u'-' + name + u".png"_s;
    QVERIFY2(m_editor->grab().save(file), qPrintable(file));
}

QList<QTextEdit::ExtraSelection> tst_PolicyEditor::underlines() const
{
    QList<QTextEdit::ExtraSelection> found;
    const auto all = m_editor->extraSelections();
    std::copy_if(all.cbegin(), all.cend(), std::back_inserter(found), [](const auto &selection) {
        return selection.format.underlineStyle() == QTextCharFormat::WaveUnderline;
    });
    return found;
}

bool tst_PolicyEditor::hasCode(const char *code) const
{
    const auto &diagnostics = m_editor->diagnostics();
    return std::any_of(diagnostics.cbegin(), diagnostics.cend(),
            [code](const auto &diagnostic) { return diagnostic.code == code; });
}

void tst_PolicyEditor::validPolicyHasNoDiagnostics()
{
    QSignalSpy validated(m_editor.get(), &PolicyEditor::diagnosticsChanged);
    m_editor->setPlainText(validPolicy);
    QTRY_COMPARE(validated.count(), 1);
    QVERIFY(m_editor->diagnostics().empty());
    QVERIFY(underlines().isEmpty());
    // The current line is highlighted all the same.
    QCOMPARE(m_editor->extraSelections().size(), 1);
    QVERIFY(m_editor->extraSelections()
                    .constFirst()
                    .format.property(QTextFormat::FullWidthSelection)
                    .toBool());
}

void tst_PolicyEditor::invalidEffectIsUnderlined_data()
{
    QTest::addColumn<QString>("sid");
    QTest::newRow("ascii") << u"ReadBucket"_s;
    // Multi-byte UTF-8 before the bad value on its line: 2-, 3- and 4-byte sequences, the last
    // one a surrogate pair in UTF-16.
    QTest::newRow("non-ascii") << u"Lesezugriff für Jürgen — 🚀"_s;
}

void tst_PolicyEditor::invalidEffectIsUnderlined()
{
    QFETCH(QString, sid);
    const QString text = uR"({
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "%1", "Effect": "Alow", "Action": "s3:GetObject", "Resource": "*" }
  ]
})"_s.arg(sid);
    m_editor->setPlainText(text);
    QTRY_VERIFY(hasCode("INVALID_EFFECT"));

    const auto found = underlines();
    QCOMPARE(found.size(), 1);
    const QTextCursor cursor = found.constFirst().cursor;
    const int value = int(text.indexOf(u"\"Alow\""_s));
    QVERIFY(value > 0);
    QCOMPARE(cursor.selectionStart(), value);
    QCOMPARE(cursor.selectionEnd(), value + 6); // the string with its quotes
    QCOMPARE(cursor.selectedText(), u"\"Alow\""_s);
    QCOMPARE(found.constFirst().format.underlineColor(), QColor(0xd3, 0x2f, 0x2f));
    QVERIFY(found.constFirst().format.toolTip().contains(u"Alow"_s));
    saveScreenshot(u"invalid-effect"_s);
}

void tst_PolicyEditor::typingRevalidates()
{
    QSignalSpy validated(m_editor.get(), &PolicyEditor::diagnosticsChanged);
    m_editor->setPlainText(validPolicy);
    QTRY_COMPARE(validated.count(), 1);
    QVERIFY(m_editor->diagnostics().empty());
    // Replace Allow by Alow by typing: select the value and type over it.
    const int at = int(validPolicy.indexOf(u"Allow"_s));
    QTextCursor cursor = m_editor->textCursor();
    cursor.setPosition(at);
    cursor.setPosition(at + 5, QTextCursor::KeepAnchor);
    m_editor->setTextCursor(cursor);
    QTest::keyClicks(m_editor.get(), u"Alow"_s);
    QTRY_VERIFY(hasCode("INVALID_EFFECT"));
    const auto found = underlines();
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.constFirst().cursor.selectedText(), u"\"Alow\""_s);
    QCOMPARE(found.constFirst().cursor.selectionStart(), at - 1);
    // The current line and the finding are merged.
    QCOMPARE(m_editor->extraSelections().size(), 2);

    // Fixing it by typing clears the finding.
    QTest::keyClick(m_editor.get(), Qt::Key_Left);
    QTest::keyClick(m_editor.get(), Qt::Key_Left); // Al|ow
    QTest::keyClicks(m_editor.get(), u"l"_s);
    QTRY_VERIFY(m_editor->diagnostics().empty());
    QVERIFY(underlines().isEmpty());
}

void tst_PolicyEditor::gutterGrowsWithLines()
{
    m_editor->setPlainText(validPolicy);
    const int narrow = m_editor->lineNumberAreaWidth();
    const int margin = m_editor->viewport()->geometry().left();
    QStringList lines;
    for (int i = 0; i < 120; ++i)
        lines << u"  "_s;
    m_editor->setPlainText(lines.join(u'\n'));
    QVERIFY(m_editor->lineNumberAreaWidth() > narrow);
    QTRY_VERIFY(m_editor->viewport()->geometry().left() > margin);
    auto *gutter = m_editor->findChild<QWidget *>(u"lineNumberArea"_s);
    QVERIFY(gutter);
}

void tst_PolicyEditor::hoverShowsTheMessage()
{
    m_editor->setPlainText(validPolicy);
    const int at = int(validPolicy.indexOf(u"Allow"_s));
    QTextCursor cursor(m_editor->document());
    cursor.setPosition(at + 1);
    cursor.insertText(u"-"_s); // A-llow
    QTRY_VERIFY(hasCode("INVALID_EFFECT"));
    cursor.setPosition(at + 2);
    const QPoint inside = m_editor->cursorRect(cursor).center();
    QHelpEvent help(QEvent::ToolTip, inside, m_editor->viewport()->mapToGlobal(inside));
    QCoreApplication::sendEvent(m_editor->viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY2(QToolTip::text().contains(u"A-llow"_s), qPrintable(QToolTip::text()));

    const QPoint outside = m_editor->cursorRect(QTextCursor(m_editor->document())).center();
    QHelpEvent away(QEvent::ToolTip, outside, m_editor->viewport()->mapToGlobal(outside));
    QCoreApplication::sendEvent(m_editor->viewport(), &away);
    QTRY_VERIFY(!QToolTip::isVisible());
}

void tst_PolicyEditor::coloursFollowThePalette()
{
    auto *highlighter = m_editor->findChild<iamx::JsonHighlighter *>(u"jsonHighlighter"_s);
    QVERIFY(highlighter);
    QPalette light = m_editor->palette();
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    m_editor->setPalette(light);
    using Token = iamx::JsonHighlighter::Token;
    QVERIFY(highlighter->format(Token::Key).foreground().color().lightness() < 128);
    QPalette dark = light;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xdd, 0xdd, 0xdd));
    dark.setColor(QPalette::AlternateBase, QColor(0x2a, 0x2a, 0x2a));
    m_editor->setPalette(dark);
    for (const Token token : { Token::Key, Token::String, Token::Number, Token::Keyword })
        QVERIFY(highlighter->format(token).foreground().color().lightness() > 128);
    m_editor->setPlainText(validPolicy + u"\n// true 12 null"_s);
    saveScreenshot(u"dark"_s);
}

void tst_PolicyEditor::formatIndentsValidJson()
{
    m_editor->setPlainText(
            uR"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]})"_s);
    QVERIFY(m_editor->formatDocument());
    QCOMPARE(m_editor->toPlainText(), uR"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:*",
      "Resource": "*"
    }
  ]
}
)"_s);
    QTRY_VERIFY(m_editor->diagnostics().empty());
    m_editor->undo(); // one undo step
    QVERIFY(m_editor->toPlainText().startsWith(u"{\"Version\""_s));
}

void tst_PolicyEditor::formatLeavesInvalidTextAlone()
{
    const QString broken = u"{\"Version\": \"2012-10-17\", \"Statement\": [ "_s;
    m_editor->setPlainText(broken);
    QVERIFY(!m_editor->formatDocument());
    QCOMPARE(m_editor->toPlainText(), broken);
    QTRY_VERIFY(hasCode("JSON_SYNTAX_ERROR"));
    QCOMPARE(underlines().size(), int(m_editor->diagnostics().size()));
}

QTEST_MAIN(tst_PolicyEditor)
#include "tst_policyeditor.moc"
