#include "accounttreeview.h"

#include "views/accountdocument.h"
#include "views/icons.h"
#include "views/models/accounttreemodel.h"

#include <QAction>
#include <QHeaderView>
#include <QKeySequence>
#include <QLineEdit>
#include <QShortcut>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace iamx {

AccountTreeView::AccountTreeView(const AccountDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_model(new AccountTreeModel(document, this))
    , m_filter(new QLineEdit(this))
    , m_tree(new QTreeView(this))
    , m_filterTimer(new QTimer(this))
{
    m_filter->setObjectName(u"accountFilter"_s);
    m_filter->setAccessibleName(tr("Filter the account"));
    m_filter->setPlaceholderText(tr("Filter by name, ARN, tag or action"));
    m_filter->setClearButtonEnabled(true);
    m_filter->addAction(icons::action(u"filter"), QLineEdit::LeadingPosition);

    m_tree->setObjectName(u"accountTree"_s);
    m_tree->setAccessibleName(tr("Account"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true); // 75,000 rows lay out without measuring each
    m_tree->setAlternatingRowColors(true);
    m_tree->setTextElideMode(
            Qt::ElideRight); // a summary reads from its start; tooltips hold it all
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(AccountTreeModel::NameColumn, QHeaderView::Interactive);
    // Names are as wide as the rows shown need (QHeaderView measures at most 1,000 of them).
    connect(m_tree, &QTreeView::expanded, this, &AccountTreeView::fitNames);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree);
    setFocusProxy(m_tree);

    // Ctrl+F while the tree has focus; the editor has its own Find on the same keys.
    auto *find = new QShortcut(QKeySequence::Find, m_tree, nullptr, nullptr, Qt::WidgetShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });

    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(filterDelay);
    connect(m_filter, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_filterTimer, &QTimer::timeout, this, &AccountTreeView::applyFilter);
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        applyFilter();
        m_tree->setFocus(Qt::OtherFocusReason);
    });

    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
            &AccountTreeView::aboutToReset);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AccountTreeView::reset);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                emit currentEntityChanged(current.siblingAtColumn(AccountTreeModel::NameColumn));
            });
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        emit activated(index.siblingAtColumn(AccountTreeModel::NameColumn));
    });
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        emit contextMenuRequested(
                m_tree->indexAt(pos).siblingAtColumn(0), m_tree->viewport()->mapToGlobal(pos));
    });
    expandDefault();
    fitNames();
}

AccountTreeView::~AccountTreeView() = default;

void AccountTreeView::fitNames()
{
    m_tree->resizeColumnToContents(AccountTreeModel::NameColumn);
}

QModelIndex AccountTreeView::currentIndex() const
{
    return m_tree->currentIndex().siblingAtColumn(AccountTreeModel::NameColumn);
}

void AccountTreeView::setCurrentIndex(const QModelIndex &index)
{
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
}

void AccountTreeView::applyFilter()
{
    m_filterTimer->stop();
    const bool filtered = !m_filter->text().trimmed().isEmpty();
    if (filtered && !m_wasFiltered)
        m_beforeFilter = saveState();
    m_filtering = true;
    m_model->setFilterText(m_filter->text());
    m_filtering = false;
    m_wasFiltered = filtered;
}

void AccountTreeView::aboutToReset()
{
    m_beforeReset = saveState();
}

void AccountTreeView::reset()
{
    const QString filter = m_model->filterText().trimmed();
    if (m_filtering && filter.isEmpty()) {
        restoreState(m_beforeFilter); // the filter was cleared: back to the tree as it was
    } else if (m_filtering) {
        expandMatches();
        const QModelIndex current = indexOf(m_beforeReset.current);
        if (current.isValid())
            setCurrentIndex(current);
    } else {
        // After an edit, keep what can be kept; a new account starts as a fresh tree does
        // (another account's open rows mean nothing here).
        if (m_model->resetReason() == AccountTreeModel::ResetReason::NewAccount
                || m_beforeReset.expanded.isEmpty())
            expandDefault();
        else
            restoreState(m_beforeReset);
    }
    fitNames();
}

AccountTreeView::State AccountTreeView::saveState() const
{
    State state;
    state.current = keyPath(currentIndex());
    // Only expanded rows are visited: their children are built already, others stay unbuilt.
    QList<QModelIndex> pending { QModelIndex() };
    while (!pending.isEmpty() && state.expanded.size() < 10'000) {
        const QModelIndex parent = pending.takeLast();
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const QModelIndex child = m_model->index(row, 0, parent);
            if (m_tree->isExpanded(child)) {
                state.expanded << keyPath(child);
                pending << child;
            }
        }
    }
    return state;
}

void AccountTreeView::restoreState(const State &state)
{
    for (const KeyPath &path : state.expanded) {
        const QModelIndex index = indexOf(path);
        if (index.isValid())
            m_tree->expand(index);
    }
    const QModelIndex current = indexOf(state.current);
    if (current.isValid())
        setCurrentIndex(current);
}

void AccountTreeView::expandDefault()
{
    // The top-level categories and Policies' two, as the tree first shows an account; but a
    // category of thousands stays closed until asked for: laying out 60,000 rows would freeze
    // the window for a list nobody reads from the top.
    const auto expand = [this](const QModelIndex &index) {
        if (m_model->rowCount(index) <= maxExpandedRows)
            m_tree->expand(index);
    };
    for (int row = 0; row < m_model->rowCount(); ++row)
        expand(m_model->index(row, 0));
    const QModelIndex policies = m_model->index(3, 0);
    for (int row = 0; row < m_model->rowCount(policies); ++row)
        expand(m_model->index(row, 0, policies));
}

void AccountTreeView::expandMatches()
{
    // Matches are entity rows, so their ancestors are categories: expanding those shows every
    // match. Bounded anyway, should that change.
    int expanded = 0;
    for (const QModelIndex &category : m_model->nonEmptyCategories()) {
        if (++expanded > maxExpanded)
            break;
        if (m_model->rowCount(category) <= maxExpandedRows)
            m_tree->expand(category);
    }
}

AccountTreeView::KeyPath AccountTreeView::keyPath(const QModelIndex &index) const
{
    KeyPath path;
    for (QModelIndex at = index; at.isValid(); at = at.parent())
        path.prepend(at.data(AccountTreeModel::KeyRole).toString());
    return path;
}

QModelIndex AccountTreeView::indexOf(const KeyPath &path) const
{
    QModelIndex at;
    for (const QString &key : path) {
        const int rows = m_model->rowCount(at);
        QModelIndex found;
        for (int row = 0; row < rows && !found.isValid(); ++row) {
            const QModelIndex child = m_model->index(row, 0, at);
            if (child.data(AccountTreeModel::KeyRole).toString() == key)
                found = child;
        }
        if (!found.isValid())
            return {};
        at = found;
    }
    return at;
}

} // namespace iamx
