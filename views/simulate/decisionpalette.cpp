#include "decisionpalette.h"

#include <QPalette>

using namespace Qt::StringLiterals;

namespace iamx {
namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

int hueOf(Tone tone)
{
    switch (tone) {
    case Tone::Good:
        return 130;
    case Tone::Bad:
        return 0;
    case Tone::Warning:
        return 36;
    case Tone::Neutral:
        break;
    }
    return -1;
}

} // namespace

Tone toneOf(DecisionKind decision)
{
    switch (decision) {
    case DecisionKind::Allowed:
        return Tone::Good;
    case DecisionKind::ExplicitDeny:
        return Tone::Bad;
    case DecisionKind::ImplicitDeny:
        return Tone::Warning;
    }
    return Tone::Neutral;
}

Tone toneOf(StepVerdict verdict)
{
    switch (verdict) {
    case StepVerdict::Passed:
        return Tone::Good;
    case StepVerdict::Failed:
        return Tone::Bad;
    case StepVerdict::NotApplicable:
        return Tone::Neutral;
    }
    return Tone::Neutral;
}

QColor toneBackground(const QPalette &palette, Tone tone)
{
    const int hue = hueOf(tone);
    if (hue < 0) {
        const QColor window = palette.color(QPalette::Window);
        return isDark(palette) ? window.lighter(130) : window.darker(106);
    }
    return isDark(palette) ? QColor::fromHsl(hue, 110, 52) : QColor::fromHsl(hue, 160, 220);
}

QColor toneForeground(const QPalette &palette, Tone tone)
{
    const int hue = hueOf(tone);
    if (hue < 0)
        return palette.color(QPalette::Disabled, QPalette::WindowText);
    return isDark(palette) ? QColor::fromHsl(hue, 170, 200) : QColor::fromHsl(hue, 200, 42);
}

QString decisionMark(DecisionKind decision)
{
    return decision == DecisionKind::Allowed ? u"✔"_s : u"✖"_s;
}

QString stepMark(StepVerdict verdict)
{
    switch (verdict) {
    case StepVerdict::Passed:
        return u"✔"_s;
    case StepVerdict::Failed:
        return u"✖"_s;
    case StepVerdict::NotApplicable:
        break;
    }
    return u"–"_s;
}

} // namespace iamx
