#pragma once

#include "model/policycompletion.h"
#include "model/statementoutcome.h"

#include <QString>
#include <QTabWidget>

#include <memory>
#include <vector>

namespace iamx {

class AccountDocument;
class EntityPage;
class PolicyPage;

/// The centre of the window (ui.md, "Centre — tabs"): one tab per open entity or policy
/// document. A single click previews in a reusable tab, shown muted; opening for good
/// (double-click, Enter) keeps it. An entity opens as its details page, a document in a policy
/// page (the editor with Apply and Revert). Tabs follow the account: after an edit or undo a
/// page shows the account's new state, and a tab whose entity or document is gone closes.
class EntityTabs : public QTabWidget
{
    Q_OBJECT

public:
    EntityTabs(AccountDocument &document, QWidget *parent = nullptr);
    ~EntityTabs() override;

    /// Shows the entity with ARN `arn`: in the preview tab unless `keep`.
    EntityPage *showEntity(const QString &arn, bool keep);
    /// Shows the document with documentKeyText() `key`: in the preview tab unless `keep`.
    /// `asBoundary` validates a managed policy as a permissions boundary.
    PolicyPage *showDocument(const QString &key, bool keep, bool asBoundary = false);
    /// The open page of a document, or nullptr.
    PolicyPage *documentPage(const QString &key) const;
    /// Every open policy page.
    std::vector<PolicyPage *> documentPages() const;
    /// The policy page of the current tab, or nullptr.
    PolicyPage *currentDocumentPage() const;
    /// The preview tab's page, or nullptr when there is none.
    QWidget *previewPage() const { return m_preview; }

    /// Gives each open policy page the outcomes of its own statements (and clears the others).
    void setStatementOutcomes(const std::vector<StatementOutcome> &outcomes);

    /// Closes tab `index`, asking first when its policy has changes not applied. False when
    /// the user chose to keep it.
    bool closeTab(int index);
    /// Asks about every policy page with changes not applied (before the account is replaced
    /// or the window closes). False when the user cancelled.
    bool maybeDiscardEdits();

Q_SIGNALS:
    /// A policy page asks to apply its text to the account.
    void applyRequested(const QString &key, const QString &text);
    /// A details page's link to an entity was followed.
    void entityActivated(const QString &arn);
    /// A policy page was opened, or its findings or modified state changed: for the Problems
    /// list and the Apply, Revert and Format actions.
    void pageChanged(PolicyPage *page);
    /// A tab closed; `id` is what it showed (`document:<key>` or `entity:<ARN>`).
    void pageClosed(const QString &id);

private:
    /// Puts `page` in the preview tab (or a new kept tab), titled `title`.
    void place(QWidget *page, const QString &id, const QString &title, bool keep);
    int indexOfId(const QString &id) const;
    void keep(int index);
    void refresh();
    void updateTabTitle(QWidget *page);
    void fillDocumentPage(PolicyPage *page, const QString &key, bool asBoundary);
    /// What the policy editors complete from the account (made when first needed after a
    /// change, shared by every page).
    std::shared_ptr<const CompletionAccountContext> completionContext();

    AccountDocument &m_document;
    QWidget *m_preview = nullptr;
    /// The last simulation's outcomes, given to every policy page that opens.
    std::vector<StatementOutcome> m_outcomes;
    std::shared_ptr<const CompletionAccountContext> m_completionContext;
};

} // namespace iamx
