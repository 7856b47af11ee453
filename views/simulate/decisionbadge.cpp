#include "decisionbadge.h"

#include "views/fonts.h"
#include "views/simulate/decisionpalette.h"

#include <QApplication>
#include <QEvent>

using namespace Qt::StringLiterals;

namespace iamx {

DecisionBadge::DecisionBadge(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(u"decisionBadge"_s);
    setAccessibleName(tr("Decision"));
    setWordWrap(true);
    setAutoFillBackground(true);
    setMargin(fontMetrics().height() / 2);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setFont(fonts::scaledFont(1.35, true));
    setMessage(tr("Pick a principal, an action and a resource"));
}

void DecisionBadge::setDecision(DecisionKind decision, const QString &words)
{
    m_decision = decision;
    setText(decisionMark(decision) + u' ' + words);
    fitHeight();
    setAccessibleDescription(words);
    applyColours();
}

void DecisionBadge::setMessage(const QString &message)
{
    m_decision.reset();
    setText(message);
    fitHeight();
    setAccessibleDescription(message);
    applyColours();
}

bool DecisionBadge::event(QEvent *event)
{
    if (event->type() == QEvent::ApplicationFontChange) // presentation mode
        setFont(fonts::scaledFont(1.35, true));
    return QLabel::event(event);
}

void DecisionBadge::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    fitHeight();
}

void DecisionBadge::fitHeight()
{
    // A scroll area's layout does not ask for height-for-width: without this a badge that
    // wraps to two lines would show one.
    const int height = heightForWidth(width());
    if (height > 0 && height != minimumHeight())
        setMinimumHeight(height);
}

void DecisionBadge::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_applying)
        applyColours();
}

void DecisionBadge::applyColours()
{
    // Start from the application's palette, so that our own tint is not taken for the
    // desktop's colours the next time.
    const QPalette base = parentWidget() ? parentWidget()->palette() : QApplication::palette(this);
    const Tone tone = m_decision ? toneOf(*m_decision) : Tone::Neutral;
    QPalette colours = base;
    colours.setColor(QPalette::Window, toneBackground(base, tone));
    colours.setColor(QPalette::WindowText,
            m_decision ? toneForeground(base, tone) : base.color(QPalette::WindowText));
    m_applying = true;
    setPalette(colours);
    m_applying = false;
}

} // namespace iamx
