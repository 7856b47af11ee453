#pragma once

#include "model/explanation.h"

#include <QLabel>

#include <optional>

namespace iamx {

/// The simulation's decision as one large badge (ui.md, "Result"): ✔ Allowed in green,
/// ✖ Denied — explicit deny in red, ✖ Denied implicitly — … in amber, or a neutral message
/// when there is no decision (an unknown principal). Colours follow the palette, light or
/// dark, and change with it.
class DecisionBadge : public QLabel
{
    Q_OBJECT

public:
    explicit DecisionBadge(QWidget *parent = nullptr);

    /// Shows a decision with the badge's words (EvaluationFlow::badge).
    void setDecision(DecisionKind decision, const QString &words);
    /// Shows a message without a decision, in neutral colours.
    void setMessage(const QString &message);
    /// The decision shown; nullopt for a message.
    std::optional<DecisionKind> decision() const { return m_decision; }

protected:
    bool event(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void fitHeight();
    void applyColours();

    std::optional<DecisionKind> m_decision;
    bool m_applying = false; // setPalette() sends a PaletteChange of its own
};

} // namespace iamx
