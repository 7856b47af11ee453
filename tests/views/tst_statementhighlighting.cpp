#include "model/statementoutcome.h"
#include "views/editor/policyeditor.h"
#include "views/editor/statementmarks.h"
#include "views/qtconvert.h"

#include <QDir>
#include <QHelpEvent>
#include <QPalette>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTextBlock>
#include <QToolTip>

#include <memory>
#include <string>
#include <vector>

// A simulation's verdicts in the policy editor (ui.md, "Statement highlighting"): each over the
// right statement, in its colours (light and dark), with its reason on hover, merged when two
// outcomes meet one statement, and honest while the text is edited.

using namespace Qt::StringLiterals;

using iamx::PolicyEditor;
using iamx::StatementOutcome;
using iamx::StatementVerdict;
using Kind = iamx::PolicyEditor::SelectionKind;

class tst_StatementHighlighting : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void statementOutcomesAreShown();
    void statementOutcomesInTheDark();
    void statementHoverGivesTheReason();
    void singleObjectStatement();
    void outcomesAreMergedAndPlacedByPointer();
    void outcomesWithoutStatementAreSkipped();
    void marksFollowEditsAroundThem();
    void marksOfEditedStatementsAreRemoved();

private:
    void saveScreenshot(const QString &name) const;
    /// The four-statement policy with one outcome of each verdict.
    void showFourVerdicts();

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

// One statement of each verdict (ui.md, "Statement highlighting").
const QString fourStatements = uR"({
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
    },
    {
      "Sid": "WriteReports",
      "Effect": "Allow",
      "Action": "s3:*",
      "Resource": "arn:aws:s3:::reports/*"
    },
    {
      "Sid": "FromOffice",
      "Effect": "Allow",
      "Action": "s3:PutObject",
      "Resource": "*",
      "Condition": { "IpAddress": { "aws:SourceIp": "10.0.0.0/8" } }
    }
  ]
})"_s;

StatementOutcome outcome(std::uint32_t index, StatementVerdict verdict, const std::string &reason)
{
    StatementOutcome result;
    result.statement = index;
    result.pointer = "/Statement/" + std::to_string(index);
    result.verdict = verdict;
    result.reason = reason;
    return result;
}

const std::vector<StatementOutcome> fourOutcomes = {
    outcome(0, StatementVerdict::Granted, "Action `s3:GetObject` matches `s3:GetObject`"),
    outcome(1, StatementVerdict::Denied, "Action `s3:DeleteObject` matches `s3:DeleteObject`"),
    outcome(2, StatementVerdict::Overridden, "Allowed, but a Deny in NoDeletes wins"),
    outcome(3, StatementVerdict::NotApplied,
            "Condition `aws:SourceIp` `203.0.113.7` is not in `10.0.0.0/8`"),
};

/// The hue of a colour, -1 for greys.
int hue(const QColor &colour)
{
    return colour.hslHue();
}

} // namespace

void tst_StatementHighlighting::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_StatementHighlighting::init()
{
    QTest::failOnWarning(QRegularExpression(u"^(?!This plugin does not support ).*"_s));
    m_editor = std::make_unique<PolicyEditor>();
    m_editor->setFixedSize(640, 320);
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
}

void tst_StatementHighlighting::cleanup()
{
    if (QTest::currentTestFailed())
        saveScreenshot(u"failed"_s);
    m_editor.reset();
}

void tst_StatementHighlighting::saveScreenshot(const QString &name) const
{
    const QString folder = qEnvironmentVariable("IAMX_TEST_ARTIFACTS", QDir::tempPath())
            + u"/tst_StatementHighlighting"_s;
    QVERIFY(QDir().mkpath(folder));
    const QString file = folder + u'/' + QString::fromLatin1(QTest::currentTestFunction()) + u'-'
            + name + u".png"_s;
    QVERIFY2(m_editor->grab().save(file), qPrintable(file));
}

void tst_StatementHighlighting::showFourVerdicts()
{
    m_editor->setPlainText(fourStatements);
    m_editor->setStatementOutcomes(fourOutcomes);
}

void tst_StatementHighlighting::statementOutcomesAreShown()
{
    m_editor->setFixedSize(640, 620);
    QPalette light = m_editor->palette();
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    light.setColor(QPalette::AlternateBase, QColor(0xf4, 0xf4, 0xf4));
    m_editor->setPalette(light);
    QSignalSpy changed(m_editor.get(), &PolicyEditor::statementMarksChanged);
    showFourVerdicts();
    QCOMPARE(changed.count(), 1);

    const std::vector<iamx::TextRange> ranges = iamx::statementRanges(fourStatements);
    QCOMPARE(ranges.size(), size_t(4));
    const auto marks = m_editor->statementMarks();
    QCOMPARE(marks.size(), size_t(4));
    for (size_t i = 0; i < marks.size(); ++i) {
        QCOMPARE(marks[i].range, ranges[i]);
        QCOMPARE(marks[i].verdict, fourOutcomes[i].verdict);
        QVERIFY2(marks[i].toolTip.contains(iamx::toQString(fourOutcomes[i].reason)),
                qPrintable(marks[i].toolTip));
    }
    // Each statement's range starts at its { and ends after its }.
    QCOMPARE(fourStatements.mid(ranges[1].start, ranges[1].end - ranges[1].start).front(), u'{');
    QCOMPARE(fourStatements.at(ranges[1].end - 1), u'}');
    QVERIFY(fourStatements.mid(ranges[1].start, ranges[1].end - ranges[1].start)
                    .contains(u"NoDeletes"_s));

    const auto selections = m_editor->extraSelections(Kind::Statements);
    QCOMPARE(selections.size(), 4);
    for (int i = 0; i < 4; ++i) {
        // The tints cover the statement's whole lines (a band), the others exactly it.
        const QTextCursor &cursor = selections[i].cursor;
        const iamx::TextRange &range = ranges[size_t(i)];
        const StatementVerdict verdict = fourOutcomes[size_t(i)].verdict;
        if (verdict != StatementVerdict::Granted && verdict != StatementVerdict::Denied) {
            QCOMPARE(cursor.selectionStart(), range.start);
            QCOMPARE(cursor.selectionEnd(), range.end);
        } else {
            QCOMPARE(cursor.selectionStart(),
                    m_editor->document()->findBlock(range.start).position());
            QVERIFY(cursor.selectionEnd() >= range.end);
            QCOMPARE(m_editor->document()->findBlock(cursor.selectionEnd() - 1).blockNumber(),
                    m_editor->document()->findBlock(range.end).blockNumber());
        }
        QCOMPARE(selections[i].format.property(PolicyEditor::VerdictProperty).toInt(),
                int(fourOutcomes[size_t(i)].verdict));
    }
    // Granted: a light green background; denied: a light red one.
    const QColor granted = selections[0].format.background().color();
    QVERIFY(hue(granted) > 90 && hue(granted) < 150);
    QVERIFY(granted.alpha() < 100);
    const QColor denied = selections[1].format.background().color();
    QVERIFY(hue(denied) < 15 || hue(denied) > 345);
    // Overridden: no fill (an outline is painted); not applied: dimmed text, no fill.
    QCOMPARE(selections[2].format.background().style(), Qt::NoBrush);
    QVERIFY(selections[2].format.toolTip().contains(u"overridden"_s, Qt::CaseInsensitive));
    QCOMPARE(selections[3].format.background().style(), Qt::NoBrush);
    const QColor dimmed = selections[3].format.foreground().color();
    QVERIFY(dimmed.alpha() < 160);
    // The statement tints go under the current line and the findings.
    QCOMPARE(m_editor->extraSelections().constFirst().cursor, selections.constFirst().cursor);
    saveScreenshot(u"light"_s);

    m_editor->clearStatementOutcomes();
    QCOMPARE(changed.count(), 2);
    QVERIFY(m_editor->statementMarks().empty());
    QVERIFY(m_editor->extraSelections(Kind::Statements).isEmpty());
}

void tst_StatementHighlighting::statementOutcomesInTheDark()
{
    m_editor->setFixedSize(640, 620);
    showFourVerdicts();
    QPalette light = m_editor->palette();
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    m_editor->setPalette(light);
    const QColor lightGreen =
            m_editor->extraSelections(Kind::Statements).at(0).format.background().color();
    QPalette dark = light;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xdd, 0xdd, 0xdd));
    dark.setColor(QPalette::AlternateBase, QColor(0x2a, 0x2a, 0x2a));
    dark.setColor(QPalette::Window, QColor(0x2a, 0x2a, 0x2a));
    dark.setColor(QPalette::WindowText, QColor(0xdd, 0xdd, 0xdd));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x6e, 0xa8));
    m_editor->setPalette(dark); // a PaletteChange: the colours are derived again
    const auto selections = m_editor->extraSelections(Kind::Statements);
    QCOMPARE(selections.size(), 4);
    const QColor darkGreen = selections.at(0).format.background().color();
    QVERIFY(darkGreen != lightGreen);
    QVERIFY(hue(darkGreen) > 90 && hue(darkGreen) < 150);
    // Dimmed text is the light text of the dark palette, made faint: not black.
    QVERIFY(selections.at(3).format.foreground().color().lightness() > 128);
    saveScreenshot(u"dark"_s);
}

void tst_StatementHighlighting::statementHoverGivesTheReason()
{
    m_editor->setFixedSize(640, 620);
    showFourVerdicts();
    const auto marks = m_editor->statementMarks();
    QTextCursor cursor(m_editor->document());
    cursor.setPosition(int(fourStatements.indexOf(u"FromOffice"_s)));
    const QPoint inside = m_editor->cursorRect(cursor).center();
    QHelpEvent help(QEvent::ToolTip, inside, m_editor->viewport()->mapToGlobal(inside));
    QCoreApplication::sendEvent(m_editor->viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY2(QToolTip::text().contains(u"is not in `10.0.0.0/8`"_s), qPrintable(QToolTip::text()));
    QVERIFY(QToolTip::text().contains(u"Did not apply"_s));

    // The gutter says the same on the statement's lines.
    auto *gutter = m_editor->findChild<QWidget *>(u"lineNumberArea"_s);
    QVERIFY(gutter);
    cursor.setPosition(int(fourStatements.indexOf(u"WriteReports"_s)));
    const QPoint line(4, m_editor->cursorRect(cursor).center().y());
    QHelpEvent onGutter(QEvent::ToolTip, line, gutter->mapToGlobal(line));
    QCoreApplication::sendEvent(gutter, &onGutter);
    QTRY_VERIFY(QToolTip::text().contains(u"overridden"_s, Qt::CaseInsensitive));
    QVERIFY(QToolTip::text().contains(u"a Deny in NoDeletes wins"_s));
}

void tst_StatementHighlighting::singleObjectStatement()
{
    const QString text = uR"({
  "Version": "2012-10-17",
  "Statement": {
    "Effect": "Allow",
    "Action": "s3:GetObject",
    "Resource": "*"
  }
})"_s;
    m_editor->setPlainText(text);
    StatementOutcome granted = outcome(0, StatementVerdict::Granted, "matched");
    granted.pointer = "/Statement";
    m_editor->setStatementOutcomes({ granted });
    auto marks = m_editor->statementMarks();
    QCOMPARE(marks.size(), size_t(1));
    QCOMPARE(marks[0].range.start, int(text.indexOf(u'{', 1)));
    QCOMPARE(marks[0].range.end, int(text.lastIndexOf(u'}', text.size() - 2)) + 1);
    // Without a pointer, statement 0 is the single object all the same.
    granted.pointer.clear();
    m_editor->setStatementOutcomes({ granted });
    QCOMPARE(m_editor->statementMarks().size(), size_t(1));
    QCOMPARE(m_editor->statementMarks()[0].range, marks[0].range);
}

void tst_StatementHighlighting::outcomesAreMergedAndPlacedByPointer()
{
    m_editor->setPlainText(fourStatements);
    const auto ranges = iamx::statementRanges(fourStatements);
    // The pointer wins over the index.
    StatementOutcome byPointer = outcome(0, StatementVerdict::Granted, "via the pointer");
    byPointer.pointer = "/Statement/2";
    // One statement reached twice (a policy attached to the user and to a group).
    StatementOutcome viaUser = outcome(1, StatementVerdict::NotApplied, "no match");
    viaUser.via = "user alice";
    StatementOutcome viaGroup = outcome(1, StatementVerdict::Denied, "explicit deny");
    viaGroup.via = "group Developers";
    m_editor->setStatementOutcomes({ byPointer, viaUser, viaGroup });
    const auto marks = m_editor->statementMarks();
    QCOMPARE(marks.size(), size_t(2));
    QCOMPARE(marks[0].range, ranges[1]); // in text order
    QCOMPARE(marks[0].verdict, StatementVerdict::Denied); // the strongest
    QVERIFY(marks[0].toolTip.contains(u"group Developers"_s));
    QVERIFY(marks[0].toolTip.contains(u"user alice"_s));
    QCOMPARE(marks[1].range, ranges[2]);
    QVERIFY(marks[1].toolTip.contains(u"via the pointer"_s));
}

void tst_StatementHighlighting::outcomesWithoutStatementAreSkipped()
{
    m_editor->setPlainText(validPolicy);
    StatementOutcome missing = outcome(5, StatementVerdict::Granted, "");
    m_editor->setStatementOutcomes({ missing, outcome(0, StatementVerdict::Denied, "") });
    QCOMPARE(m_editor->statementMarks().size(), size_t(1));
    // Text that is not JSON has no statements to mark.
    m_editor->setPlainText(u"{ \"Statement\": [ {} "_s);
    m_editor->setStatementOutcomes({ outcome(0, StatementVerdict::Denied, "") });
    QVERIFY(m_editor->statementMarks().empty());
}

void tst_StatementHighlighting::marksFollowEditsAroundThem()
{
    showFourVerdicts();
    const auto before = m_editor->statementMarks();
    // A new line at the top moves every statement down.
    QTextCursor cursor(m_editor->document());
    cursor.setPosition(1);
    cursor.insertText(u"\n  \"Id\": \"moved\","_s);
    const int shift = 17;
    auto after = m_editor->statementMarks();
    QCOMPARE(after.size(), size_t(4));
    for (size_t i = 0; i < after.size(); ++i) {
        QCOMPARE(after[i].range.start, before[i].range.start + shift);
        QCOMPARE(after[i].range.end, before[i].range.end + shift);
    }
    QCOMPARE(m_editor->extraSelections(Kind::Statements).at(3).cursor.selectionStart(),
            after[3].range.start);
    // Typing right after a statement (the start of the next one's separator) keeps them all.
    cursor.setPosition(after[0].range.end);
    cursor.insertText(u" "_s);
    QCOMPARE(m_editor->statementMarks().size(), size_t(4));
    QCOMPARE(m_editor->statementMarks()[0].range, after[0].range);
    // Colours re-derived (rehighlighting) do not count as edits.
    m_editor->setPalette(QPalette(Qt::darkGray));
    QCOMPARE(m_editor->statementMarks().size(), size_t(4));
}

void tst_StatementHighlighting::marksOfEditedStatementsAreRemoved()
{
    showFourVerdicts();
    QSignalSpy changed(m_editor.get(), &PolicyEditor::statementMarksChanged);
    // Editing the Deny's action: its verdict no longer holds; the others still do.
    QTextCursor cursor(m_editor->document());
    cursor.setPosition(int(fourStatements.indexOf(u"DeleteObject"_s)));
    m_editor->setTextCursor(cursor);
    QTest::keyClicks(m_editor.get(), u"x"_s);
    QCOMPARE(changed.count(), 1);
    auto marks = m_editor->statementMarks();
    QCOMPARE(marks.size(), size_t(3));
    QCOMPARE(marks[0].verdict, StatementVerdict::Granted);
    QCOMPARE(marks[1].verdict, StatementVerdict::Overridden);
    QCOMPARE(marks[2].verdict, StatementVerdict::NotApplied);
    // A removed statement takes its mark along, and the marks after it move up.
    const auto ranges = iamx::statementRanges(m_editor->toPlainText());
    cursor.setPosition(ranges[0].start);
    cursor.setPosition(ranges[1].start, QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
    marks = m_editor->statementMarks();
    QCOMPARE(marks.size(), size_t(2));
    QCOMPARE(marks[0].range, iamx::statementRanges(m_editor->toPlainText())[1]);
    // Undo puts the text back, but not the verdict: it was given for other text.
    m_editor->undo();
    QCOMPARE(m_editor->statementMarks().size(), size_t(2));
    // Replacing the whole text (Format, a new document) clears them.
    QVERIFY(m_editor->formatDocument());
    QVERIFY(m_editor->statementMarks().empty());
    QVERIFY(m_editor->extraSelections(Kind::Statements).isEmpty());
    showFourVerdicts();
    m_editor->setPlainText(validPolicy);
    QVERIFY(m_editor->statementMarks().empty());
}

QTEST_MAIN(tst_StatementHighlighting)
#include "tst_statementhighlighting.moc"
