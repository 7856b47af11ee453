#pragma once

#include "model/evaluationflow.h"

#include <QRect>
#include <QWidget>

#include <optional>
#include <vector>

namespace iamx {

/// The evaluation flow drawn as its seven steps (ui.md, "Result"): a box per step, in the order
/// of iam-evaluation.md §2 and joined by arrows, marked ✔ passed, ✖ failed or – not
/// applicable and coloured to match, the first failure emphasized (bold, a thicker frame);
/// then each step's one line of why, so that a class can follow the decision. The boxes wrap
/// to the widget's width; a box's tooltip is its why.
class EvaluationFlowWidget : public QWidget
{
    Q_OBJECT

public:
    explicit EvaluationFlowWidget(QWidget *parent = nullptr);

    void setFlow(const EvaluationFlow &flow);
    /// Shows nothing (no decision to explain).
    void clear();
    const std::optional<EvaluationFlow> &flow() const { return m_flow; }

    /// The text of a step's box (mark and title), e.g. "✔ Identity".
    static QString boxText(const FlowStepResult &step);

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    void fitHeight();
    struct Layout
    {
        std::vector<QRect> boxes; ///< one per step
        std::vector<QRect> arrows; ///< between boxes, where they sit on one line
        std::vector<QRect> lines; ///< the why of each step
        int height = 0;
    };
    Layout layoutFor(int width) const;
    void updateDescription();

    std::optional<EvaluationFlow> m_flow;
};

} // namespace iamx
