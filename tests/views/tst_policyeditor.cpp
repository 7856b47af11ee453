#include "views/editor/findbar.h"
#include "views/editor/jsonhighlighter.h"
#include "views/editor/policyeditor.h"
#include "views/qtconvert.h"

#include <QDir>
#include <QHelpEvent>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTextBlock>
#include <QToolTip>

#include <algorithm>
#include <memory>
#include <string>

// The policy editor driven headless (style.md §4): live validation underlines each finding over
// its exact range (also after non-ASCII text), the gutter grows with the lines, Format
// re-indents valid JSON only, brackets are matched, Enter indents, Find finds, and the cursor
// goes to a statement or a location (a simulation's verdicts: tst_statementhighlighting).

using namespace Qt::StringLiterals;

using iamx::PolicyEditor;
using Kind = iamx::PolicyEditor::SelectionKind;

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
    void validatorFindingsInFourSeverities();
    void coloursFollowThePalette();
    void formatIndentsValidJson();
    void formatLeavesInvalidTextAlone();
    void bracketsAreMatched();
    void bracketsInStringsDoNotCount();
    void unmatchedBracketIsFlagged();
    void enterKeepsIndentation_data();
    void enterKeepsIndentation();
    void closingBracketDedents();
    void findSelectsMatches();
    void scrollToStatement();
    void moveToLocation();

private:
    void saveScreenshot(const QString &name) const;
    /// The extra selections that carry a wavy or dotted underline (the findings).
    QList<QTextEdit::ExtraSelection> underlines() const;
    bool hasCode(const char *code) const;
    /// Puts the text in the editor and the cursor at the `|` in it (which is removed).
    void setTextWithCursor(const QString &textWithCursor);
    /// The text with a `|` where the cursor is.
    QString textWithCursor() const;
    /// The four-statement policy with one outcome of each verdict.

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
        return selection.format.underlineStyle() == QTextCharFormat::WaveUnderline
                || selection.format.underlineStyle() == QTextCharFormat::DotLine;
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
    const auto currentLine = m_editor->extraSelections(Kind::CurrentLine);
    QCOMPARE(currentLine.size(), 1);
    QVERIFY(currentLine.constFirst().format.property(QTextFormat::FullWidthSelection).toBool());
    QVERIFY(m_editor->extraSelections(Kind::Statements).isEmpty());
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

    // Only the effect (the non-ASCII Sid also gets UNSUPPORTED_SID: IAM wants A-Z, a-z, 0-9).
    auto found = underlines();
    found.removeIf([](const auto &selection) {
        return !selection.format.toolTip().contains(u"[INVALID_EFFECT]"_s);
    });
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

// The validator's findings, not only the parser's: each severity in its own colour, a
// suggestion dotted, the code in the tooltip; the policy type comes from setParseOptions().
void tst_PolicyEditor::validatorFindingsInFourSeverities()
{
    const QString text = uR"({
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["s3:Get*", "s3:GetObject", "s3:GetObjekt"],
      "Resource": "*",
      "Condition": {"DateGreaterThan": {"aws:username": "2026-01-01T00:00:00Z"}} },
    { "Effect": "Allow", "Action": "iam:PassRole", "Resource": "*" }
  ]
})"_s;
    m_editor->setPlainText(text);
    QTRY_VERIFY(hasCode("PASS_ROLE_WITH_STAR_IN_RESOURCE"));
    const auto found = underlines();
    QCOMPARE(found.size(), int(m_editor->diagnostics().size()));
    const auto underlineOf = [&](const QString &at) -> QTextCharFormat {
        const int start = int(text.indexOf(at));
        for (const auto &selection : found)
            if (selection.cursor.selectionStart() == start)
                return selection.format;
        return {};
    };
    const auto error = underlineOf(u"\"s3:GetObjekt\""_s);
    QCOMPARE(error.underlineColor(), QColor(0xd3, 0x2f, 0x2f));
    QCOMPARE(error.underlineStyle(), QTextCharFormat::WaveUnderline);
    QVERIFY(error.toolTip().contains(u"[INVALID_ACTION]"_s));
    QVERIFY(error.toolTip().contains(u"s3:GetObject"_s)); // the fix it suggests
    const auto security = underlineOf(u"\"iam:PassRole\""_s);
    QCOMPARE(security.underlineColor(), QColor(0xef, 0x6c, 0x00));
    QVERIFY(security.toolTip().startsWith(u"security-warning: "_s));
    const auto warning = underlineOf(u"\"DateGreaterThan\""_s);
    QCOMPARE(warning.underlineColor(), QColor(0xe6, 0x9a, 0x00));
    QVERIFY(warning.toolTip().contains(u"[TYPE_MISMATCH_STRING]"_s));
    const auto suggestion = underlineOf(u"\"s3:GetObject\""_s);
    QCOMPARE(suggestion.underlineStyle(), QTextCharFormat::DotLine);
    QVERIFY(suggestion.toolTip().contains(u"[REDUNDANT_ACTION]"_s));
    QVERIFY(m_editor->hasErrors());
    saveScreenshot(u"four-severities"_s);

    // As a trust policy, a Principal is required and Resource is not allowed.
    iamx::PolicyParseOptions trust;
    trust.type = iamx::PolicyType::Resource;
    trust.resourceKind = iamx::ResourcePolicyKind::TrustPolicy;
    m_editor->setParseOptions(trust);
    QVERIFY(hasCode("MISSING_PRINCIPAL"));
    QVERIFY(hasCode("ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE"));
}

// Live validation runs on every pause in typing: a finding appears where it is typed and goes
// when it is fixed.
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
    QCOMPARE(m_editor->extraSelections().constFirst().cursor.position(),
            m_editor->textCursor().position());

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
    for (int i = 0; i < 200; ++i)
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

void tst_PolicyEditor::setTextWithCursor(const QString &textWithCursor)
{
    const qsizetype at = textWithCursor.indexOf(u'|');
    QVERIFY(at >= 0);
    m_editor->setPlainText(QString(textWithCursor).remove(at, 1));
    QTextCursor cursor = m_editor->textCursor();
    cursor.setPosition(int(at));
    m_editor->setTextCursor(cursor);
}

QString tst_PolicyEditor::textWithCursor() const
{
    return m_editor->toPlainText().insert(m_editor->textCursor().position(), u'|');
}

void tst_PolicyEditor::bracketsAreMatched()
{
    m_editor->setPlainText(validPolicy);
    QTextCursor cursor = m_editor->textCursor();
    cursor.setPosition(0); // before the outer {
    m_editor->setTextCursor(cursor);
    auto brackets = m_editor->extraSelections(Kind::BracketMatch);
    QCOMPARE(brackets.size(), 2);
    QCOMPARE(brackets.at(0).cursor.selectionStart(), 0);
    QCOMPARE(brackets.at(1).cursor.selectionStart(), validPolicy.size() - 1);
    QCOMPARE(brackets.at(1).cursor.selectedText(), u"}"_s);

    // Just after the [ of Statement: its ] is the partner.
    const int open = int(validPolicy.indexOf(u'['));
    cursor.setPosition(open + 1);
    m_editor->setTextCursor(cursor);
    brackets = m_editor->extraSelections(Kind::BracketMatch);
    QCOMPARE(brackets.size(), 2);
    QCOMPARE(brackets.at(0).cursor.selectionStart(), open);
    QCOMPARE(brackets.at(1).cursor.selectionStart(), int(validPolicy.lastIndexOf(u']')));
    QCOMPARE(brackets.at(0).format.background(), brackets.at(1).format.background());

    // Away from brackets: nothing.
    cursor.setPosition(int(validPolicy.indexOf(u"Version"_s)));
    m_editor->setTextCursor(cursor);
    QVERIFY(m_editor->extraSelections(Kind::BracketMatch).isEmpty());
}

void tst_PolicyEditor::bracketsInStringsDoNotCount()
{
    const QString text = uR"({"Sid": "a}b[", "Action": ["s3:*"]})"_s;
    m_editor->setPlainText(text);
    QTextCursor cursor = m_editor->textCursor();
    cursor.setPosition(0);
    m_editor->setTextCursor(cursor);
    auto brackets = m_editor->extraSelections(Kind::BracketMatch);
    QCOMPARE(brackets.size(), 2);
    QCOMPARE(brackets.at(1).cursor.selectionStart(), text.size() - 1);
    // Next to the } inside the string: not a bracket.
    cursor.setPosition(int(text.indexOf(u"}b"_s)));
    m_editor->setTextCursor(cursor);
    QVERIFY(m_editor->extraSelections(Kind::BracketMatch).isEmpty());
}

void tst_PolicyEditor::unmatchedBracketIsFlagged()
{
    m_editor->setPlainText(u"{ \"Statement\": [ }"_s);
    QTextCursor cursor = m_editor->textCursor();
    cursor.setPosition(int(m_editor->toPlainText().indexOf(u'[')));
    m_editor->setTextCursor(cursor);
    const auto brackets = m_editor->extraSelections(Kind::BracketMatch);
    QCOMPARE(brackets.size(), 1); // the [ alone: it has no partner
    const QColor unmatched = brackets.constFirst().format.background().color();
    QCOMPARE(unmatched.hslHue(), 0); // red
    cursor.setPosition(0);
    m_editor->setTextCursor(cursor);
    const auto matched = m_editor->extraSelections(Kind::BracketMatch);
    QCOMPARE(matched.size(), 2); // { and } pair up around the stray [
    QVERIFY(matched.constFirst().format.background().color() != unmatched);
}

void tst_PolicyEditor::enterKeepsIndentation_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::newRow("keeps the indent") << u"{\n  \"Version\": \"2012-10-17\",|\n}"_s
                                      << u"{\n  \"Version\": \"2012-10-17\",\n  |\n}"_s;
    QTest::newRow("one more after {")
            << u"{\n  \"Statement\": {|"_s << u"{\n  \"Statement\": {\n    |"_s;
    QTest::newRow("one more after [") << u"  \"Action\": [|"_s << u"  \"Action\": [\n    |"_s;
    QTest::newRow("between a pair") << u"  \"Action\": [|]"_s << u"  \"Action\": [\n    |\n  ]"_s;
    QTest::newRow("between braces, blanks") << u"{|  }"_s << u"{\n  |\n}"_s;
    QTest::newRow("no indent") << u"\"a\"|"_s << u"\"a\"\n|"_s;
    QTest::newRow("in the indent") << u"    | \"a\""_s << u"    \n    |\"a\""_s;
}

void tst_PolicyEditor::enterKeepsIndentation()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    setTextWithCursor(before);
    QTest::keyClick(m_editor.get(), Qt::Key_Return);
    QCOMPARE(textWithCursor(), after);
    // One undo step takes the whole newline and its indentation back.
    m_editor->undo();
    QCOMPARE(m_editor->toPlainText(), QString(before).remove(u'|'));
}

void tst_PolicyEditor::closingBracketDedents()
{
    setTextWithCursor(u"{\n  \"Action\": [\n    \"s3:GetObject\"\n    |"_s);
    QTest::keyClicks(m_editor.get(), u"]"_s);
    QCOMPARE(textWithCursor(), u"{\n  \"Action\": [\n    \"s3:GetObject\"\n  ]|"_s);
    QTest::keyClick(m_editor.get(), Qt::Key_Return);
    QTest::keyClicks(m_editor.get(), u"}"_s);
    QCOMPARE(textWithCursor(), u"{\n  \"Action\": [\n    \"s3:GetObject\"\n  ]\n}|"_s);
    // After text on the line, a } is typed as it is.
    setTextWithCursor(u"    \"a\": {|"_s);
    QTest::keyClicks(m_editor.get(), u"}"_s);
    QCOMPARE(textWithCursor(), u"    \"a\": {}|"_s);
    // One undo step for the dedent and the bracket.
    setTextWithCursor(u"{\n    |"_s);
    QTest::keyClicks(m_editor.get(), u"}"_s);
    QCOMPARE(m_editor->toPlainText(), u"{\n  }"_s);
    m_editor->undo();
    QCOMPARE(m_editor->toPlainText(), u"{\n    "_s);
}

void tst_PolicyEditor::findSelectsMatches()
{
    iamx::FindBar bar(m_editor.get());
    bar.resize(400, bar.sizeHint().height());
    QCOMPARE(bar.objectName(), u"findBar"_s);
    QVERIFY(!bar.isVisible());
    m_editor->setPlainText(validPolicy); // "s3" twice: s3:GetObject, arn:aws:s3:::...
    const int first = int(validPolicy.indexOf(u"s3"_s));
    const int second = int(validPolicy.indexOf(u"s3"_s, first + 1));
    bar.show();
    bar.openFind();
    auto *edit = bar.findChild<QLineEdit *>(u"findEdit"_s);
    QVERIFY(edit);
    QTest::keyClicks(edit, u"S3"_s); // as you type, case-insensitive
    QCOMPARE(m_editor->textCursor().selectionStart(), first);
    QCOMPARE(m_editor->textCursor().selectedText(), u"s3"_s);
    QCOMPARE(bar.status(), u"1 of 2"_s);
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(m_editor->textCursor().selectionStart(), second);
    QCOMPARE(bar.status(), u"2 of 2"_s);
    QTest::keyClick(edit, Qt::Key_Return); // wraps around
    QCOMPARE(m_editor->textCursor().selectionStart(), first);
    QTest::keyClick(edit, Qt::Key_Return, Qt::ShiftModifier); // previous, wrapping back
    QCOMPARE(m_editor->textCursor().selectionStart(), second);
    QTest::keyClick(edit, Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(m_editor->textCursor().selectionStart(), first);

    QTest::keyClicks(edit, u"zz"_s);
    QCOMPARE(bar.status(), u"No matches"_s);
    QVERIFY(!bar.findNext());
    QCOMPARE(m_editor->textCursor().selectionStart(), first); // left where it was

    QTest::keyClick(edit, Qt::Key_Escape);
    QVERIFY(!bar.isVisible());

    // Opening it again offers the selected text.
    QTextCursor cursor = m_editor->textCursor();
    cursor.setPosition(int(validPolicy.indexOf(u"Allow"_s)));
    cursor.movePosition(QTextCursor::EndOfWord, QTextCursor::KeepAnchor);
    m_editor->setTextCursor(cursor);
    bar.openFind();
    QCOMPARE(bar.text(), u"Allow"_s);
    QCOMPARE(edit->selectedText(), u"Allow"_s);
}

void tst_PolicyEditor::scrollToStatement()
{
    QStringList statements;
    for (int i = 0; i < 40; ++i) {
        statements << uR"(    {
      "Sid": "S%1",
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "*"
    })"_s.arg(i);
    }
    const QString text = u"{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n"_s
            + statements.join(u",\n"_s) + u"\n  ]\n}"_s;
    m_editor->setPlainText(text);
    QVERIFY(m_editor->scrollToStatement(35));
    const int start = int(text.indexOf(u"\"S35\""_s));
    QCOMPARE(m_editor->textCursor().position(), int(text.lastIndexOf(u'{', start)));
    QVERIFY(m_editor->viewport()->rect().contains(m_editor->cursorRect()));
    QVERIFY(m_editor->cursorForPosition(QPoint(0, 0)).blockNumber() > 100); // scrolled
    QVERIFY(!m_editor->scrollToStatement(40));
    QVERIFY(!m_editor->scrollToStatement(-1));
    QVERIFY(m_editor->scrollToStatement(0));
    QVERIFY(m_editor->viewport()->rect().contains(m_editor->cursorRect()));
}

void tst_PolicyEditor::moveToLocation()
{
    // Columns count code points: the rocket is one column and two UTF-16 units.
    const QString line = u"  \"Statement\": { \"Sid\": \"🚀x\", \"Effect\": \"Alow\" }"_s;
    m_editor->setPlainText(u"{\n"_s + line + u"\n}"_s);
    // The x after the rocket: its UTF-16 index is its 1-based column, the rocket being two.
    const int x = int(line.indexOf(u'x'));
    m_editor->moveToLocation(2, x);
    QCOMPARE(m_editor->textCursor().blockNumber(), 1);
    QCOMPARE(m_editor->textCursor().positionInBlock(), x);
    QCOMPARE(m_editor->document()->characterAt(m_editor->textCursor().position()), u'x');
    QVERIFY(m_editor->hasFocus());
    // A finding's location lands on the finding.
    QTRY_VERIFY(hasCode("INVALID_EFFECT"));
    const auto &diagnostics = m_editor->diagnostics();
    const auto found = std::find_if(diagnostics.cbegin(), diagnostics.cend(),
            [](const auto &diagnostic) { return diagnostic.code == "INVALID_EFFECT"; });
    const auto &where = found->where;
    m_editor->moveToLocation(where.line, where.column);
    QCOMPARE(m_editor->document()->characterAt(m_editor->textCursor().position()), u'"');
    QCOMPARE(m_editor->toPlainText().mid(m_editor->textCursor().position(), 6), u"\"Alow\""_s);
    // Out of range: clamped.
    m_editor->moveToLocation(99, 99);
    QCOMPARE(m_editor->textCursor().blockNumber(), 2);
    QCOMPARE(m_editor->textCursor().positionInBlock(), 1);
    m_editor->moveToLocation(0, 0);
    QCOMPARE(m_editor->textCursor().position(), 0);
}

QTEST_MAIN(tst_PolicyEditor)
#include "tst_policyeditor.moc"
