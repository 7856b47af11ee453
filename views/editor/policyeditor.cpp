#include "policyeditor.h"

#include "model/policyvalidator.h"
#include "views/editor/brackets.h"
#include "views/editor/jsonhighlighter.h"
#include "views/editor/policycompleter.h"
#include "views/fonts.h"
#include "views/qtconvert.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTextBlock>
#include <QTimer>
#include <QToolTip>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace iamx {

/// The gutter: it only asks the editor to paint it and what its tooltips say.
class LineNumberArea : public QWidget
{
public:
    explicit LineNumberArea(PolicyEditor *editor)
        : QWidget(editor)
        , m_editor(editor)
    {
        setObjectName(u"lineNumberArea"_s);
    }

    QSize sizeHint() const override { return { m_editor->lineNumberAreaWidth(), 0 }; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintLineNumbers(event); }

    bool event(QEvent *event) override
    {
        if (event->type() == QEvent::ToolTip) {
            const auto *help = static_cast<QHelpEvent *>(event);
            const QString text = m_editor->gutterToolTip(help->pos());
            if (text.isEmpty())
                QToolTip::hideText();
            else
                QToolTip::showText(help->globalPos(), text, this);
            return true;
        }
        return QWidget::event(event);
    }

private:
    PolicyEditor *m_editor;
};

namespace {

constexpr auto validationDelay = 150ms;
const QString indentUnit = u"  "_s; // as formatDocument() indents

QColor underlineColor(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QColor(0xd3, 0x2f, 0x2f); // red
    case Severity::SecurityWarning:
        return QColor(0xef, 0x6c, 0x00); // orange
    case Severity::Warning:
        return QColor(0xe6, 0x9a, 0x00); // amber
    case Severity::Suggestion:
        break;
    }
    return QColor(0x60, 0x7d, 0x8b); // blue-grey
}

// A suggestion changes nothing the policy does: a quieter dotted line instead of a wave.
QTextCharFormat::UnderlineStyle underlineStyle(Severity severity)
{
    return severity == Severity::Suggestion ? QTextCharFormat::DotLine
                                            : QTextCharFormat::WaveUnderline;
}

bool isIndentation(QChar c)
{
    return c == u' ' || c == u'\t';
}

/// The gutter's parts, all from the font so that nothing has a fixed pixel size.
int markColumnWidth(const QFontMetrics &metrics)
{
    return metrics.height() + 2;
}

int bandWidth(const QFontMetrics &metrics)
{
    return std::max(3, metrics.height() / 5);
}

/// The UTF-16 offset of 1-based code-point `column` in `line`, clamped to its end.
int offsetOfColumn(const QString &line, int column)
{
    int offset = 0;
    for (int i = 1; i < column && offset < line.size(); ++i)
        offset += line.at(offset).isHighSurrogate() && offset + 1 < line.size() ? 2 : 1;
    return offset;
}

} // namespace

PolicyEditor::PolicyEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_lineNumberArea(new LineNumberArea(this))
    , m_highlighter(new JsonHighlighter(document()))
    , m_completer(new PolicyCompleter(this))
    , m_validationTimer(new QTimer(this))
    , m_colours(statementColours(palette()))
{
    setObjectName(u"policyEditor"_s);
    setAccessibleName(tr("Policy document"));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(fonts::editorFont());
    m_highlighter->setPalette(palette());

    m_validationTimer->setObjectName(u"validationTimer"_s);
    m_validationTimer->setSingleShot(true);
    m_validationTimer->setInterval(validationDelay);
    connect(m_validationTimer, &QTimer::timeout, this, &PolicyEditor::validate);
    connect(this, &QPlainTextEdit::textChanged, m_validationTimer, qOverload<>(&QTimer::start));
    connect(this, &QPlainTextEdit::textChanged, this, &PolicyEditor::matchBrackets);
    connect(document(), &QTextDocument::contentsChanged, this, &PolicyEditor::checkStatementMarks);

    connect(this, &QPlainTextEdit::blockCountChanged, this,
            &PolicyEditor::updateLineNumberAreaWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &PolicyEditor::updateLineNumberArea);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this,
            &PolicyEditor::highlightCurrentLine);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &PolicyEditor::matchBrackets);
    updateLineNumberAreaWidth();
    highlightCurrentLine();
}

PolicyEditor::~PolicyEditor() = default;

void PolicyEditor::setResourceArn(const std::string &arn)
{
    m_resourceArn = arn;
}

void PolicyEditor::setParseOptions(const PolicyParseOptions &options)
{
    m_options = options;
    validate();
}

bool PolicyEditor::hasErrors() const
{
    return std::any_of(m_diagnostics.cbegin(), m_diagnostics.cend(),
            [](const Diagnostic &diagnostic) { return diagnostic.severity == Severity::Error; });
}

void PolicyEditor::validate()
{
    m_validationTimer->stop();
    const std::string text = toStdString(toPlainText());
    m_diagnostics = validatePolicy(text,
            { validationPolicyType(m_options.type, m_options.resourceKind), {}, m_resourceArn });

    QList<QTextEdit::ExtraSelection> selections;
    selections.reserve(qsizetype(m_diagnostics.size()));
    for (const Diagnostic &diagnostic : m_diagnostics) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = toTextCursor(document(), text, diagnostic.where);
        selection.format.setUnderlineStyle(underlineStyle(diagnostic.severity));
        selection.format.setUnderlineColor(underlineColor(diagnostic.severity));
        selection.format.setToolTip(toQString(std::string(severityName(diagnostic.severity)) + ": "
                + diagnostic.message + " [" + diagnostic.code + "]"));
        selections.append(selection);
    }
    setExtraSelections(SelectionKind::Diagnostics, selections);
    emit diagnosticsChanged();
}

bool PolicyEditor::formatDocument()
{
    const std::string text = toStdString(toPlainText());
    // ordered_json keeps the members in the order they are written.
    const auto json = nlohmann::ordered_json::parse(text, nullptr, false);
    if (json.is_discarded())
        return false;
    const QString formatted = toQString(json.dump(2)) + u'\n';
    if (formatted == toPlainText())
        return true;
    QTextCursor cursor(document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(formatted); // one undoable edit
    return true;
}

void PolicyEditor::setStatementOutcomes(const std::vector<StatementOutcome> &outcomes)
{
    const QString text = toPlainText();
    struct Placed
    {
        TextRange range;
        StatementVerdict verdict;
        QStringList reasons;
    };
    std::vector<Placed> placed;
    for (const StatementOutcome &outcome : outcomes) {
        const std::optional<TextRange> range = statementRange(text, outcome);
        if (!range)
            continue;
        QString line = verdictText(outcome.verdict);
        if (!outcome.via.empty())
            line += tr(" (via %1)").arg(toQString(outcome.via));
        if (!outcome.reason.empty())
            line += u": "_s + toQString(outcome.reason);
        auto same = std::find_if(placed.begin(), placed.end(),
                [&](const Placed &other) { return other.range == *range; });
        if (same == placed.end()) {
            placed.push_back({ *range, outcome.verdict, { line } });
            continue;
        }
        if (verdictPriority(outcome.verdict) > verdictPriority(same->verdict))
            same->verdict = outcome.verdict;
        if (!same->reasons.contains(line))
            same->reasons << line;
    }
    std::sort(placed.begin(), placed.end(),
            [](const Placed &a, const Placed &b) { return a.range.start < b.range.start; });

    m_marks.clear();
    for (const Placed &statement : placed) {
        TrackedMark mark;
        mark.start = QTextCursor(document());
        mark.start.setPosition(statement.range.start);
        mark.text = text.mid(statement.range.start, statement.range.end - statement.range.start);
        mark.verdict = statement.verdict;
        mark.toolTip = statement.reasons.join(u'\n');
        m_marks.push_back(std::move(mark));
    }
    updateStatementSelections();
    emit statementMarksChanged();
}

void PolicyEditor::clearStatementOutcomes()
{
    if (m_marks.empty())
        return;
    m_marks.clear();
    updateStatementSelections();
    emit statementMarksChanged();
}

std::vector<PolicyEditor::StatementMark> PolicyEditor::statementMarks() const
{
    std::vector<StatementMark> marks;
    marks.reserve(m_marks.size());
    for (const TrackedMark &mark : m_marks) {
        const int start = mark.start.position();
        marks.push_back({ { start, start + int(mark.text.size()) }, mark.verdict, mark.toolTip });
    }
    return marks;
}

bool PolicyEditor::scrollToStatement(int index)
{
    const std::vector<TextRange> ranges = statementRanges(toPlainText());
    if (index < 0 || size_t(index) >= ranges.size())
        return false;
    // The end first, then the start: as much of the statement as fits is shown, its start
    // always.
    QTextCursor cursor(document());
    cursor.setPosition(ranges[size_t(index)].end);
    setTextCursor(cursor);
    ensureCursorVisible();
    cursor.setPosition(ranges[size_t(index)].start);
    setTextCursor(cursor);
    ensureCursorVisible();
    return true;
}

void PolicyEditor::moveToLocation(int line, int column)
{
    const int last = std::max(0, document()->blockCount() - 1);
    const QTextBlock block = document()->findBlockByNumber(std::clamp(line - 1, 0, last));
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + offsetOfColumn(block.text(), column));
    setTextCursor(cursor);
    centerCursor();
    setFocus(Qt::OtherFocusReason);
}

QList<QTextEdit::ExtraSelection> PolicyEditor::extraSelections(SelectionKind kind) const
{
    return m_selections[int(kind)];
}

int PolicyEditor::lineNumberAreaWidth() const
{
    int digits = 1;
    for (int max = std::max(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    const QFontMetrics metrics = fontMetrics();
    return markColumnWidth(metrics) + 8 + metrics.horizontalAdvance(u'9') * std::max(digits, 2)
            + bandWidth(metrics);
}

void PolicyEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_lineNumberArea->setGeometry(QRect(cr.left(), cr.top(), lineNumberAreaWidth(), cr.height()));
}

bool PolicyEditor::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int position = cursorForPosition(help->pos()).position();
        QStringList parts;
        for (const QString &part : { diagnosticsAt(position), statementToolTipAt(position),
                     m_completer->toolTipAt(position) }) {
            if (!part.isEmpty())
                parts << part;
        }
        if (parts.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), parts.join(u'\n'), viewport());
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

bool PolicyEditor::event(QEvent *event)
{
    if (event->type() == QEvent::ApplicationFontChange)
        setFont(fonts::editorFont()); // presentation mode
    return QPlainTextEdit::event(event);
}

void PolicyEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_highlighter->setPalette(palette());
        m_colours = statementColours(palette());
        highlightCurrentLine();
        matchBrackets();
        updateStatementSelections();
    } else if (event->type() == QEvent::FontChange) {
        updateLineNumberAreaWidth();
    }
}

void PolicyEditor::keyPressEvent(QKeyEvent *event)
{
    const auto modifiers = event->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier);
    if (!isReadOnly() && modifiers == Qt::NoModifier) {
        if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
            insertIndentedNewline();
            event->accept();
            return;
        }
        if ((event->text() == u"}"_s || event->text() == u"]"_s) && !textCursor().hasSelection()) {
            QTextCursor cursor = textCursor();
            cursor.beginEditBlock();
            dedentBeforeClosing();
            cursor.insertText(event->text());
            cursor.endEditBlock();
            setTextCursor(cursor);
            event->accept();
            return;
        }
    }
    QPlainTextEdit::keyPressEvent(event);
}

void PolicyEditor::paintEvent(QPaintEvent *event)
{
    QPlainTextEdit::paintEvent(event);
    paintOutlines();
}

void PolicyEditor::setExtraSelections(
        SelectionKind kind, const QList<QTextEdit::ExtraSelection> &list)
{
    m_selections[int(kind)] = list;
    QList<QTextEdit::ExtraSelection> all;
    for (const auto &selections : m_selections)
        all += selections;
    QPlainTextEdit::setExtraSelections(all);
}

void PolicyEditor::updateLineNumberAreaWidth()
{
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
}

void PolicyEditor::updateLineNumberArea(const QRect &rect, int dy)
{
    if (dy != 0)
        m_lineNumberArea->scroll(0, dy);
    else
        m_lineNumberArea->update(0, rect.y(), m_lineNumberArea->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateLineNumberAreaWidth();
}

void PolicyEditor::highlightCurrentLine()
{
    QList<QTextEdit::ExtraSelection> selections;
    QTextEdit::ExtraSelection selection;
    QColor background = palette().color(QPalette::Highlight);
    background.setAlpha(28);
    selection.format.setBackground(background);
    selection.format.setProperty(QTextFormat::FullWidthSelection, true);
    selection.cursor = textCursor();
    selection.cursor.clearSelection();
    selections.append(selection);
    setExtraSelections(SelectionKind::CurrentLine, selections);
}

void PolicyEditor::matchBrackets()
{
    QList<QTextEdit::ExtraSelection> selections;
    const std::optional<BracketMatch> match = matchBracket(toPlainText(), textCursor().position());
    if (match) {
        const bool matched = match->partner >= 0;
        QColor background =
                matched ? palette().color(QPalette::Highlight) : underlineColor(Severity::Error);
        background.setAlpha(matched ? 80 : 110);
        for (const int at : { match->bracket, match->partner }) {
            if (at < 0)
                continue;
            QTextEdit::ExtraSelection selection;
            selection.cursor = QTextCursor(document());
            selection.cursor.setPosition(at);
            selection.cursor.setPosition(at + 1, QTextCursor::KeepAnchor);
            selection.format.setBackground(background);
            selection.format.setFontWeight(QFont::Bold);
            selections.append(selection);
        }
    }
    setExtraSelections(SelectionKind::BracketMatch, selections);
}

void PolicyEditor::updateStatementSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    for (const TrackedMark &mark : m_marks) {
        const int start = mark.start.position();
        const int end = start + int(mark.text.size());
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(document());
        selection.cursor.setPosition(start);
        selection.cursor.setPosition(end, QTextCursor::KeepAnchor);
        switch (mark.verdict) {
        case StatementVerdict::Granted:
        case StatementVerdict::Denied:
            selection.cursor = bandCursor(start, end);
            selection.format.setBackground(mark.verdict == StatementVerdict::Granted
                            ? m_colours.grantedBackground
                            : m_colours.deniedBackground);
            selection.format.setProperty(QTextFormat::FullWidthSelection, true);
            break;
        case StatementVerdict::Overridden:
            break; // outlined by paintOutlines()
        case StatementVerdict::NotApplied:
            selection.format.setForeground(m_colours.dimmedText);
            break;
        }
        selection.format.setProperty(VerdictProperty, int(mark.verdict));
        selection.format.setToolTip(mark.toolTip);
        selections.append(selection);
    }
    setExtraSelections(SelectionKind::Statements, selections);
    m_lineNumberArea->update();
    viewport()->update();
}

QTextCursor PolicyEditor::bandCursor(int start, int end) const
{
    // Whole lines when the statement has its lines to itself (as formatted text has it), so
    // that the tint is a band rather than a notched shape; otherwise the exact range, so that
    // it does not spill over statements sharing its lines.
    const QTextBlock first = document()->findBlock(start);
    if (first.text().left(start - first.position()).trimmed().isEmpty())
        start = first.position();
    const QTextBlock last = document()->findBlock(std::max(start, end - 1));
    const QString after = last.text().mid(end - last.position()).trimmed();
    if (after.isEmpty() || after == u","_s) {
        // Past the end of the line, so that the line is filled to the right edge.
        end = std::min(last.position() + last.length(), document()->characterCount() - 1);
    }
    QTextCursor cursor(document());
    cursor.setPosition(start);
    cursor.setPosition(end, QTextCursor::KeepAnchor);
    return cursor;
}

void PolicyEditor::checkStatementMarks()
{
    if (m_marks.empty())
        return;
    const QString text = toPlainText();
    const auto changed = std::erase_if(m_marks, [&](const TrackedMark &mark) {
        return QStringView(text).mid(mark.start.position(), mark.text.size()) != mark.text;
    });
    updateStatementSelections(); // the ranges moved with the text
    if (changed > 0)
        emit statementMarksChanged();
}

void PolicyEditor::insertIndentedNewline()
{
    QTextCursor cursor = textCursor();
    cursor.beginEditBlock();
    cursor.removeSelectedText();
    const QString line = cursor.block().text();
    const int column = cursor.positionInBlock();
    int indentLength = 0;
    while (indentLength < column && isIndentation(line.at(indentLength)))
        ++indentLength;
    const QString indent = line.left(indentLength);
    const QString before = line.left(column).trimmed();
    const bool opens = before.endsWith(u'{') || before.endsWith(u'[');
    // Blanks after the cursor would push the rest of the line off its new indentation.
    while (!cursor.atBlockEnd() && isIndentation(document()->characterAt(cursor.position())))
        cursor.deleteChar();
    const QString rest = cursor.block().text().mid(cursor.positionInBlock());
    cursor.insertText(u'\n' + indent + (opens ? indentUnit : QString()));
    if (opens && (rest.startsWith(u'}') || rest.startsWith(u']'))) {
        // Between a pair: the closer goes on a line of its own at the opener's indentation.
        const int inside = cursor.position();
        cursor.insertText(u'\n' + indent);
        cursor.setPosition(inside);
    }
    cursor.endEditBlock();
    setTextCursor(cursor);
    ensureCursorVisible();
}

void PolicyEditor::dedentBeforeClosing()
{
    QTextCursor cursor = textCursor();
    const QString before = cursor.block().text().left(cursor.positionInBlock());
    if (before.isEmpty() || !std::all_of(before.cbegin(), before.cend(), isIndentation))
        return;
    int remove = 1;
    if (before.endsWith(indentUnit))
        remove = int(indentUnit.size());
    cursor.movePosition(QTextCursor::PreviousCharacter, QTextCursor::KeepAnchor, remove);
    cursor.removeSelectedText();
}

void PolicyEditor::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(m_lineNumberArea);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    const QFontMetrics metrics = fontMetrics();
    const int band = bandWidth(metrics);
    const int markWidth = markColumnWidth(metrics);
    const int numbersRight = m_lineNumberArea->width() - band - 4;

    // The lines each mark covers, in block numbers.
    struct Span
    {
        int first;
        int last;
        StatementVerdict verdict;
    };
    std::vector<Span> spans;
    for (const StatementMark &mark : statementMarks()) {
        const int first = document()->findBlock(mark.range.start).blockNumber();
        const int last =
                document()->findBlock(std::max(mark.range.start, mark.range.end - 1)).blockNumber();
        spans.push_back({ first, last, mark.verdict });
    }

    const int current = textCursor().blockNumber();
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    painter.setRenderHint(QPainter::Antialiasing);
    QFont markFont = font();
    markFont.setBold(true);
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int number = block.blockNumber();
            for (const Span &span : spans) {
                if (number < span.first || number > span.last)
                    continue;
                const QColor strong = m_colours.strong(span.verdict);
                painter.fillRect(m_lineNumberArea->width() - band, top, band, bottom - top, strong);
                if (number != span.first)
                    continue;
                const QRect markRect(2, top, markWidth, metrics.height());
                if (span.verdict == StatementVerdict::Overridden) {
                    // Outlined, as the statement is: it matched but did not decide.
                    QPainterPath path;
                    const QString mark = verdictMark(span.verdict);
                    path.addText(0, 0, markFont, mark);
                    const QRectF bounds = path.boundingRect();
                    path.translate(markRect.center() - bounds.center());
                    painter.strokePath(path, QPen(strong, std::max(1.0, metrics.height() / 14.0)));
                } else {
                    painter.setPen(strong);
                    painter.setFont(markFont);
                    painter.drawText(markRect, Qt::AlignCenter, verdictMark(span.verdict));
                    painter.setFont(font());
                }
            }
            QColor pen = palette().color(QPalette::Text);
            if (number != current)
                pen.setAlpha(120); // dimmed, on light and dark bases alike
            painter.setPen(pen);
            painter.drawText(markWidth, top, numbersRight - markWidth, metrics.height(),
                    Qt::AlignRight, QString::number(number + 1));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

void PolicyEditor::paintOutlines()
{
    const bool any = std::any_of(m_marks.cbegin(), m_marks.cend(),
            [](const TrackedMark &mark) { return mark.verdict == StatementVerdict::Overridden; });
    if (!any)
        return;
    QPainter painter(viewport());
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal width = std::max(1.0, fontMetrics().height() / 10.0);
    painter.setPen(QPen(m_colours.granted, width));
    const qreal pad = width + 1;
    for (const StatementMark &mark : statementMarks()) {
        if (mark.verdict != StatementVerdict::Overridden)
            continue;
        QTextCursor cursor(document());
        cursor.setPosition(mark.range.start);
        const QRect first = cursorRect(cursor);
        cursor.setPosition(mark.range.end);
        const QRect last = cursorRect(cursor);
        if (last.bottom() < 0 || first.top() > viewport()->height())
            continue;
        const qreal right =
                first.top() == last.top() ? last.left() + pad : viewport()->width() - pad;
        const QRectF box(QPointF(first.left() - pad, first.top() + width / 2),
                QPointF(right, last.bottom() - width / 2));
        painter.drawRoundedRect(box, 2 * width, 2 * width);
    }
}

QString PolicyEditor::diagnosticsAt(int position) const
{
    QStringList messages;
    for (const auto &selection : m_selections[int(SelectionKind::Diagnostics)]) {
        if (position >= selection.cursor.selectionStart()
                && position <= selection.cursor.selectionEnd())
            messages << selection.format.toolTip();
    }
    return messages.join(u'\n');
}

QString PolicyEditor::statementToolTipAt(int position, int blockNumber) const
{
    for (const StatementMark &mark : statementMarks()) {
        if (position >= 0) {
            if (position >= mark.range.start && position < mark.range.end)
                return mark.toolTip;
            continue;
        }
        const int first = document()->findBlock(mark.range.start).blockNumber();
        const int last =
                document()->findBlock(std::max(mark.range.start, mark.range.end - 1)).blockNumber();
        if (blockNumber >= first && blockNumber <= last)
            return mark.toolTip;
    }
    return {};
}

QString PolicyEditor::gutterToolTip(const QPoint &pos) const
{
    // The gutter and the viewport share their vertical coordinates.
    const QTextCursor cursor = cursorForPosition(QPoint(0, pos.y()));
    return statementToolTipAt(-1, cursor.blockNumber());
}

QString dedentedDocument(const QString &text)
{
    QStringList lines = text.split(u'\n');
    if (lines.size() < 2)
        return text;
    const QString &last = lines.constLast();
    qsizetype indent = 0;
    while (indent < last.size() && last.at(indent) == u' ')
        ++indent;
    if (indent == 0)
        return text;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        qsizetype strip = 0;
        while (strip < indent && strip < lines[i].size() && lines[i].at(strip) == u' ')
            ++strip;
        lines[i].remove(0, strip);
    }
    return lines.join(u'\n');
}

} // namespace iamx
