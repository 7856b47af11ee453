#include "evaluationflowwidget.h"

#include "views/qtconvert.h"
#include "views/simulate/decisionpalette.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

using namespace Qt::StringLiterals;

namespace iamx {
namespace {

QFont boldFont(QFont font)
{
    font.setBold(true);
    return font;
}

} // namespace

EvaluationFlowWidget::EvaluationFlowWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"evaluationFlow"_s);
    setAccessibleName(tr("Evaluation flow"));
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void EvaluationFlowWidget::setFlow(const EvaluationFlow &flow)
{
    m_flow = flow;
    updateDescription();
    fitHeight();
    updateGeometry();
    update();
}

void EvaluationFlowWidget::clear()
{
    m_flow.reset();
    updateDescription();
    fitHeight();
    updateGeometry();
    update();
}

QString EvaluationFlowWidget::boxText(const FlowStepResult &step)
{
    return stepMark(step.verdict) + u' ' + toQString(flowStepTitle(step.step));
}

EvaluationFlowWidget::Layout EvaluationFlowWidget::layoutFor(int width) const
{
    Layout layout;
    if (!m_flow)
        return layout;
    const QFontMetrics plain(font());
    const QFontMetrics bold(boldFont(font()));
    const int line = plain.height();
    const int padX = line / 2;
    const int padY = line / 4;
    const int gap = line / 3;
    const int arrowWidth = plain.horizontalAdvance(u"→"_s) + 2 * gap;
    const int boxHeight = line + 2 * padY;
    int x = 0;
    int y = 0;
    for (size_t i = 0; i < m_flow->steps.size(); ++i) {
        const int boxWidth = bold.horizontalAdvance(boxText(m_flow->steps[i])) + 2 * padX;
        if (i > 0) {
            if (x + arrowWidth + boxWidth > width) {
                x = 0;
                y += boxHeight + gap;
            } else {
                layout.arrows.push_back(QRect(x, y, arrowWidth, boxHeight));
                x += arrowWidth;
            }
        }
        layout.boxes.push_back(QRect(x, y, boxWidth, boxHeight));
        x += boxWidth;
    }
    y += boxHeight + gap;
    const int indent = bold.horizontalAdvance(u"Boundary: "_s);
    for (size_t i = 0; i < m_flow->steps.size(); ++i) {
        const QString why = toQString(m_flow->steps[i].why);
        // The first failure is drawn bold: measure it so.
        const QFontMetrics &metrics = static_cast<int>(i) == m_flow->firstFailure ? bold : plain;
        const QRect bounds = metrics.boundingRect(
                QRect(indent, y, std::max(width - indent, line), 0), Qt::TextWordWrap, why);
        layout.lines.push_back(QRect(0, y, width, std::max(bounds.height(), line)));
        y += layout.lines.back().height();
    }
    layout.height = y;
    return layout;
}

int EvaluationFlowWidget::heightForWidth(int width) const
{
    return layoutFor(width).height;
}

void EvaluationFlowWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitHeight();
}

void EvaluationFlowWidget::fitHeight()
{
    // A scroll area's layout does not ask for height-for-width: without a minimum the flow
    // could be given no height at all.
    const int height = heightForWidth(width());
    if (height > 0 && height != minimumHeight())
        setMinimumHeight(height);
}

QSize EvaluationFlowWidget::sizeHint() const
{
    const int width = fontMetrics().averageCharWidth() * 48;
    return { width, heightForWidth(width) };
}

QSize EvaluationFlowWidget::minimumSizeHint() const
{
    const int width = fontMetrics().averageCharWidth() * 16;
    return { width, m_flow ? fontMetrics().height() : 0 };
}

void EvaluationFlowWidget::paintEvent(QPaintEvent *)
{
    if (!m_flow)
        return;
    const Layout layout = layoutFor(width());
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette colours = palette();
    const int radius = fontMetrics().height() / 4;
    const QFont bold = boldFont(font());
    const int indent = QFontMetrics(bold).horizontalAdvance(u"Boundary: "_s);
    for (size_t i = 0; i < m_flow->steps.size(); ++i) {
        const FlowStepResult &step = m_flow->steps[i];
        // A failure is as grave as the decision: red for an explicit deny, amber for an
        // implicit one, like the badge.
        const Tone tone = step.verdict == StepVerdict::Failed ? toneOf(m_flow->decision)
                                                              : toneOf(step.verdict);
        const bool first = static_cast<int>(i) == m_flow->firstFailure;
        const QRectF box = QRectF(layout.boxes[i]).adjusted(1, 1, -1, -1);
        painter.setPen(QPen(toneForeground(colours, tone), first ? 3 : 1));
        painter.setBrush(toneBackground(colours, tone));
        painter.drawRoundedRect(box, radius, radius);
        painter.setFont(first || step.verdict != StepVerdict::NotApplicable ? bold : font());
        painter.setPen(step.verdict == StepVerdict::NotApplicable
                        ? colours.color(QPalette::Disabled, QPalette::WindowText)
                        : toneForeground(colours, tone));
        painter.drawText(layout.boxes[i], Qt::AlignCenter, boxText(step));

        // The why, under the boxes: "Identity: AdministratorAccess allows it".
        const QRect line = layout.lines[i];
        painter.setFont(bold);
        painter.setPen(colours.color(QPalette::WindowText));
        painter.drawText(QRect(line.left(), line.top(), indent, line.height()),
                Qt::AlignLeft | Qt::AlignTop, toQString(flowStepTitle(step.step)) + u':');
        painter.setFont(first ? bold : font());
        painter.setPen(first ? toneForeground(colours, tone)
                             : colours.color(step.verdict == StepVerdict::NotApplicable
                                             ? QPalette::Disabled
                                             : QPalette::Normal,
                                     QPalette::WindowText));
        painter.drawText(line.adjusted(indent, 0, 0, 0),
                Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, toQString(step.why));
    }
    painter.setFont(font());
    painter.setPen(colours.color(QPalette::WindowText));
    for (const QRect &arrow : layout.arrows)
        painter.drawText(arrow, Qt::AlignCenter, u"→"_s);
}

bool EvaluationFlowWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_flow) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const Layout layout = layoutFor(width());
        for (size_t i = 0; i < layout.boxes.size(); ++i) {
            const bool onBox = layout.boxes[i].contains(help->pos());
            if (onBox || layout.lines[i].contains(help->pos())) {
                const FlowStepResult &step = m_flow->steps[i];
                QToolTip::showText(help->globalPos(),
                        toQString(flowStepName(step.step)) + u": "_s + toQString(step.why), this,
                        onBox ? layout.boxes[i] : layout.lines[i]);
                return true;
            }
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
}

void EvaluationFlowWidget::updateDescription()
{
    // For screen readers: the flow as text, a step per line.
    QString text;
    if (m_flow)
        for (const auto &step : m_flow->steps)
            text += boxText(step) + u": "_s + toQString(step.why) + u'\n';
    setAccessibleDescription(text.trimmed());
}

} // namespace iamx
