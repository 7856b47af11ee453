#include "entitytabs.h"

#include "model/completionaccount.h"
#include "model/documentkey.h"
#include "model/statementoutcome.h"
#include "views/accountdocument.h"
#include "views/dialogs.h"
#include "views/editor/policyeditor.h"
#include "views/editor/policypage.h"
#include "views/entitypage.h"
#include "views/qtconvert.h"

#include <QPalette>
#include <QScrollBar>
#include <QTabBar>

using namespace Qt::StringLiterals;

namespace iamx {

namespace {

// What a tab shows, kept on its page: `entity:<ARN>` or `document:<documentKeyText>`.
constexpr char idProperty[] = "iamxTabId";
constexpr char boundaryProperty[] = "iamxAsBoundary";

QString entityId(const QString &arn)
{
    return u"entity:"_s + arn;
}

QString documentId(const QString &key)
{
    return u"document:"_s + key;
}

} // namespace

EntityTabs::EntityTabs(AccountDocument &document, QWidget *parent)
    : QTabWidget(parent)
    , m_document(document)
{
    setObjectName(u"centreTabs"_s);
    setAccessibleName(tr("Open entities and policies"));
    setDocumentMode(true);
    setTabsClosable(true);
    setMovable(true);
    setUsesScrollButtons(true);
    tabBar()->setElideMode(Qt::ElideMiddle);
    connect(this, &QTabWidget::tabCloseRequested, this, &EntityTabs::closeTab);
    // A double-click on the preview tab keeps it, as in IDEs.
    connect(tabBar(), &QTabBar::tabBarDoubleClicked, this, &EntityTabs::keep);
    connect(&m_document, &AccountDocument::accountChanged, this, &EntityTabs::refresh);
    connect(&m_document, &AccountDocument::accountReset, this, [this] {
        // A different account: nothing open belongs to it.
        m_completionContext.reset();
        m_preview = nullptr;
        while (count() > 0) {
            QWidget *page = widget(0);
            removeTab(0);
            Q_EMIT pageClosed(page->property(idProperty).toString());
            page->deleteLater();
        }
    });
}

EntityTabs::~EntityTabs() = default;

int EntityTabs::indexOfId(const QString &id) const
{
    for (int i = 0; i < count(); ++i)
        if (widget(i)->property(idProperty).toString() == id)
            return i;
    return -1;
}

void EntityTabs::place(QWidget *page, const QString &id, const QString &title, bool keepIt)
{
    page->setProperty(idProperty, id);
    int index = -1;
    if (!keepIt && m_preview) {
        // The preview tab is reused: its page is replaced by the new one.
        index = indexOf(m_preview);
        QWidget *old = m_preview;
        removeTab(index);
        Q_EMIT pageClosed(old->property(idProperty).toString());
        old->deleteLater();
        m_preview = nullptr;
    }
    index = index < 0 ? addTab(page, title) : insertTab(index, page, title);
    if (!keepIt)
        m_preview = page;
    updateTabTitle(page);
    setCurrentIndex(index);
}

void EntityTabs::keep(int index)
{
    if (index >= 0 && widget(index) == m_preview) {
        m_preview = nullptr;
        updateTabTitle(widget(index));
    }
}

EntityPage *EntityTabs::showEntity(const QString &arn, bool keepIt)
{
    const QString id = entityId(arn);
    if (const int index = indexOfId(id); index >= 0) {
        setCurrentIndex(index);
        if (keepIt)
            keep(index);
        return qobject_cast<EntityPage *>(widget(index));
    }
    auto *page = new EntityPage;
    if (!page->showEntity(m_document.account(), m_document.resolver(), toStdString(arn))) {
        delete page;
        return nullptr;
    }
    connect(page, &EntityPage::entityActivated, this, &EntityTabs::entityActivated);
    connect(page, &EntityPage::documentActivated, this,
            [this](const QString &key) { showDocument(key, true); });
    place(page, id, page->title(), keepIt);
    return page;
}

PolicyPage *EntityTabs::showDocument(const QString &key, bool keepIt, bool asBoundary)
{
    const QString id = documentId(key);
    if (const int index = indexOfId(id); index >= 0) {
        setCurrentIndex(index);
        if (keepIt)
            keep(index);
        return qobject_cast<PolicyPage *>(widget(index));
    }
    const auto parsedKey = parseDocumentKey(toStdString(key));
    if (!parsedKey || !findDocument(m_document.account(), *parsedKey))
        return nullptr;
    auto *page = new PolicyPage;
    page->setProperty(boundaryProperty, asBoundary);
    fillDocumentPage(page, key, asBoundary);
    connect(page, &PolicyPage::applyRequested, this, &EntityTabs::applyRequested);
    connect(page, &PolicyPage::modifiedChanged, this, [this, page](bool modified) {
        if (modified && page == m_preview)
            keep(indexOf(page)); // an edited preview is kept, never replaced
        updateTabTitle(page);
        Q_EMIT pageChanged(page);
    });
    connect(page, &PolicyPage::diagnosticsChanged, this,
            [this, page] { Q_EMIT pageChanged(page); });
    place(page, id, page->title(), keepIt);
    page->setStatementOutcomes(m_outcomes);
    page->setCompletionAccountSource([this] { return completionContext(); });
    Q_EMIT pageChanged(page);
    return page;
}

std::shared_ptr<const CompletionAccountContext> EntityTabs::completionContext()
{
    if (!m_completionContext)
        m_completionContext = std::make_shared<const CompletionAccountContext>(
                completionAccountContext(m_document.account(), m_document.index().resourceNames()));
    return m_completionContext;
}

void EntityTabs::fillDocumentPage(PolicyPage *page, const QString &key, bool asBoundary)
{
    const auto parsedKey = parseDocumentKey(toStdString(key));
    const PolicyText *text = parsedKey ? findDocument(m_document.account(), *parsedKey) : nullptr;
    if (!text)
        return;
    page->setDocument(key, toQString(documentTitle(m_document.account(), *parsedKey)),
            dedentedDocument(toQString(text->text())), parseOptionsFor(*parsedKey, asBoundary));
}

PolicyPage *EntityTabs::documentPage(const QString &key) const
{
    const int index = indexOfId(documentId(key));
    return index < 0 ? nullptr : qobject_cast<PolicyPage *>(widget(index));
}

std::vector<PolicyPage *> EntityTabs::documentPages() const
{
    std::vector<PolicyPage *> pages;
    for (int i = 0; i < count(); ++i)
        if (auto *page = qobject_cast<PolicyPage *>(widget(i)))
            pages.push_back(page);
    return pages;
}

PolicyPage *EntityTabs::currentDocumentPage() const
{
    return qobject_cast<PolicyPage *>(currentWidget());
}

void EntityTabs::setStatementOutcomes(const std::vector<StatementOutcome> &outcomes)
{
    m_outcomes = outcomes;
    for (PolicyPage *page : documentPages())
        page->setStatementOutcomes(m_outcomes); // each keeps those of its own document
}

bool EntityTabs::closeTab(int index)
{
    QWidget *page = widget(index);
    if (!page)
        return false;
    if (auto *policy = qobject_cast<PolicyPage *>(page); policy && policy->isModified()) {
        switch (dialogs::askToSave(this,
                tr("%1 has changes that are not applied. Apply them first?")
                        .arg(policy->title()))) {
        case dialogs::SaveAnswer::Save:
            if (!policy->apply() || policy->isModified())
                return false; // not applied (invalid, or the account refused it)
            break;
        case dialogs::SaveAnswer::Discard:
            break;
        case dialogs::SaveAnswer::Cancel:
            return false;
        }
    }
    if (page == m_preview)
        m_preview = nullptr;
    removeTab(index);
    Q_EMIT pageClosed(page->property(idProperty).toString());
    page->deleteLater();
    return true;
}

bool EntityTabs::maybeDiscardEdits()
{
    for (PolicyPage *page : documentPages()) {
        if (!page->isModified())
            continue;
        setCurrentWidget(page);
        switch (dialogs::askToSave(this,
                tr("%1 has changes that are not applied. Apply them first?").arg(page->title()))) {
        case dialogs::SaveAnswer::Save:
            if (!page->apply() || page->isModified())
                return false;
            break;
        case dialogs::SaveAnswer::Discard:
            page->revert();
            break;
        case dialogs::SaveAnswer::Cancel:
            return false;
        }
    }
    return true;
}

void EntityTabs::refresh()
{
    // After an edit or an undo: pages show the account as it is now; those whose entity or
    // document is gone close (a page with edits not applied stays, so nothing typed is lost).
    m_completionContext.reset(); // made again when completion next asks
    for (int i = count() - 1; i >= 0; --i) {
        QWidget *page = widget(i);
        const QString id = page->property(idProperty).toString();
        if (auto *details = qobject_cast<EntityPage *>(page)) {
            if (details->showEntity(
                        m_document.account(), m_document.resolver(), toStdString(id.mid(7)))) {
                setTabText(i, details->title());
                continue;
            }
        } else if (auto *policy = qobject_cast<PolicyPage *>(page)) {
            const QString key = id.mid(9);
            const auto parsedKey = parseDocumentKey(toStdString(key));
            const bool exists = parsedKey && findDocument(m_document.account(), *parsedKey);
            if (policy->isModified())
                continue;
            if (exists) {
                const int scroll = policy->editor()->verticalScrollBar()->value();
                fillDocumentPage(policy, key, page->property(boundaryProperty).toBool());
                policy->editor()->verticalScrollBar()->setValue(scroll);
                policy->setStatementOutcomes(m_outcomes);
                updateTabTitle(policy);
                continue;
            }
        }
        if (page == m_preview)
            m_preview = nullptr;
        removeTab(i);
        Q_EMIT pageClosed(id);
        page->deleteLater();
    }
}

void EntityTabs::updateTabTitle(QWidget *page)
{
    const int index = indexOf(page);
    if (index < 0)
        return;
    QString title;
    if (auto *policy = qobject_cast<PolicyPage *>(page))
        title = (policy->isModified() ? u"● "_s : QString()) + policy->title();
    else if (auto *details = qobject_cast<EntityPage *>(page))
        title = details->title();
    setTabText(index, title);
    const bool preview = page == m_preview;
    // The preview tab is muted (and says so), as IDEs show theirs in italics.
    tabBar()->setTabTextColor(
            index, palette().color(preview ? QPalette::PlaceholderText : QPalette::WindowText));
    setTabToolTip(index,
            preview ? tr("%1 (preview: double-click the tab, or open the item, to keep it)")
                              .arg(title)
                    : title);
}

} // namespace iamx
