#pragma once

#include "model/policycompletion.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <string>

class QKeyEvent;
class QListView;
class QPlainTextEdit;
class QStyledItemDelegate;

namespace iamx {

class CompletionModel;

/// Completion for a policy editor (issue #5, "Completion"): a popup list of what fits at the
/// cursor (element names, Effect values, actions with their access level, ARN templates of
/// the statement's actions, condition operators, condition keys with their types, condition
/// values, principals, a Sid, policy variables), from completionSiteAt() and
/// completionCandidates(), with the account set by setAccountContext().
///
/// It opens by itself when a quote is typed where a key or a value with candidates goes, when
/// `${` is typed in a Resource or condition value, and on Ctrl+Space; typing on filters it,
/// Up/Down/PageUp/PageDown move in it, Return or Tab insert the current candidate (replacing
/// what was typed, adding the quotes that are missing, `": "` after a key; a `${Variable}` of
/// a template is selected to be typed over, as is the tag key of `${aws:PrincipalTag/…}`),
/// Escape closes it. A service (`s3:`) keeps it open for the service's actions.
///
/// The popup does not take the focus: keys stay with the editor, whose events the completer
/// filters. The editor creates it and asks toolTipAt() what hovering an action says.
class PolicyCompleter : public QObject
{
    Q_OBJECT

public:
    /// Filters `editor`'s key events; `editor` is the parent.
    explicit PolicyCompleter(QPlainTextEdit *editor);
    ~PolicyCompleter() override;

    /// Opens (or refreshes) the popup for the cursor. False, and the popup hidden, when
    /// nothing fits there.
    bool complete();
    void hidePopup();
    bool isPopupVisible() const;
    /// The popup list (objectName `completionPopup`) and its rows.
    QListView *popup() const { return m_popup; }
    CompletionModel *model() const { return m_model; }
    /// What the popup was opened for.
    const CompletionSite &site() const { return m_site; }

    /// Inserts the popup's current candidate as Return does. False when there is none.
    bool acceptCurrent();

    /// What the account open in the window offers: its principals, providers and resources
    /// (completionAccountContext()). Null (the default): none. Shared, as every editor of the
    /// window offers the same; replace it when the account changes.
    void setAccountContext(std::shared_ptr<const CompletionAccountContext> context);
    /// Where to get the account's offer each time completion runs: the window makes it anew
    /// only when asked after a change, not on every edit of a large account.
    using AccountContextSource = std::function<std::shared_ptr<const CompletionAccountContext>()>;
    void setAccountContextSource(AccountContextSource source);

    /// What hovering over document position `position` shows: the expansion of the action
    /// pattern there (describeActionPattern()); empty elsewhere.
    QString toolTipAt(int position) const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// Recomputes the site and the candidates; hides the popup when there are none.
    void refresh();
    void showPopup();
    void insert(const CompletionCandidate &candidate);
    bool handleKey(QKeyEvent *event);

    QPlainTextEdit *m_editor;
    CompletionModel *m_model;
    QListView *m_popup;
    QStyledItemDelegate *m_delegate;
    CompletionSite m_site;
    AccountContextSource m_accountContextSource;
    int m_startPosition = 0; ///< the document position of m_site.replaceStart
    bool m_busy = false; ///< inserting, or passing a key on: the cursor moves are ours
};

} // namespace iamx
