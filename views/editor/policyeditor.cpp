#include "policyeditor.h"

#include "views/editor/jsonhighlighter.h"
#include "views/qtconvert.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QPainter>
#include <QTextBlock>
#include <QTimer>
#include <QToolTip>

#include <nlohmann/json.hpp>

#include <chrono>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace iamx {

/// The gutter: it only asks the editor to paint it.
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

private:
    PolicyEditor *m_editor;
};

namespace {

constexpr auto validationDelay = 150ms;

QColor underlineColor(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QColor(0xd3, 0x2f, 0x2f); // red
    case Severity::SecurityWarning:
    case Severity::Warning:
        return QColor(0xe6, 0x9a, 0x00); // amber
    case Severity::Suggestion:
        break;
    }
    return QColor(0x42, 0x85, 0xf4); // blue
}

} // namespace

PolicyEditor::PolicyEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_lineNumberArea(new LineNumberArea(this))
    , m_highlighter(new JsonHighlighter(document()))
    , m_validationTimer(new QTimer(this))
{
    setObjectName(u"policyEditor"_s);
    setAccessibleName(tr("Policy document"));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_highlighter->setPalette(palette());

    m_validationTimer->setObjectName(u"validationTimer"_s);
    m_validationTimer->setSingleShot(true);
    m_validationTimer->setInterval(validationDelay);
    connect(m_validationTimer, &QTimer::timeout, this, &PolicyEditor::validate);
    connect(this, &QPlainTextEdit::textChanged, m_validationTimer, qOverload<>(&QTimer::start));

    connect(this, &QPlainTextEdit::blockCountChanged, this,
            &PolicyEditor::updateLineNumberAreaWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &PolicyEditor::updateLineNumberArea);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this,
            &PolicyEditor::highlightCurrentLine);
    updateLineNumberAreaWidth();
    highlightCurrentLine();
}

PolicyEditor::~PolicyEditor() = default;

void PolicyEditor::setParseOptions(const PolicyParseOptions &options)
{
    m_options = options;
    validate();
}

void PolicyEditor::validate()
{
    m_validationTimer->stop();
    const std::string text = toStdString(toPlainText());
    m_diagnostics = parsePolicyText(text, m_options).diagnostics;

    QList<QTextEdit::ExtraSelection> selections;
    selections.reserve(qsizetype(m_diagnostics.size()));
    for (const Diagnostic &diagnostic : m_diagnostics) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = toTextCursor(document(), text, diagnostic.where);
        selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        selection.format.setUnderlineColor(underlineColor(diagnostic.severity));
        selection.format.setToolTip(toQString(diagnostic.message));
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

int PolicyEditor::lineNumberAreaWidth() const
{
    int digits = 1;
    for (int max = std::max(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    return 8 + fontMetrics().horizontalAdvance(u'9') * std::max(digits, 2);
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
        const QString text = diagnosticsAt(cursorForPosition(help->pos()).position());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

void PolicyEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_highlighter->setPalette(palette());
        highlightCurrentLine();
    }
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

void PolicyEditor::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(m_lineNumberArea);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    const int current = textCursor().blockNumber();
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const int width = m_lineNumberArea->width() - 4;
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            QColor pen = palette().color(QPalette::Text);
            if (block.blockNumber() != current)
                pen.setAlpha(120); // dimmed, on light and dark bases alike
            painter.setPen(pen);
            painter.drawText(0, top, width, fontMetrics().height(), Qt::AlignRight,
                    QString::number(block.blockNumber() + 1));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
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
