#pragma once

#include "model/evaluationflow.h"
#include "model/explanation.h"

#include <QColor>

class QPalette;

// The colours of decisions and flow steps, derived from the palette's lightness so that they
// read on light and dark desktops alike (ui.md, "Look": Qt 6.4 has no colour-scheme API).
// Colour is never the only cue: every use also shows a ✔ / ✖ / – mark.

namespace iamx {

/// What a colour says.
enum class Tone { Good, Bad, Warning, Neutral };

Tone toneOf(DecisionKind decision);
Tone toneOf(StepVerdict verdict);

/// A background tint for the tone: light on a light palette, dark on a dark one.
QColor toneBackground(const QPalette &palette, Tone tone);
/// A text colour for the tone that contrasts with toneBackground() and with the window.
QColor toneForeground(const QPalette &palette, Tone tone);

/// ✔ for allowed and passed, ✖ for denied and failed, – for not applicable.
QString decisionMark(DecisionKind decision);
QString stepMark(StepVerdict verdict);

} // namespace iamx
