#pragma once

#include <QList>
#include <QModelIndex>
#include <QStringList>
#include <QWidget>

class QLineEdit;
class QTimer;
class QTreeView;

namespace iamx {

class AccountDocument;
class AccountTreeModel;

/// The left dock's content (ui.md, "Left dock"): a filter box above the account tree.
///
/// Typing in the filter (objectName `accountFilter`; Ctrl+F in the tree focuses it) narrows the
/// tree 150 ms after the last key to the entities that match (AccountTreeModel::setFilterText)
/// and expands their categories, at most maxExpanded of them; clearing it brings back the
/// expansion the tree had before. After an edit of the account (accountChanged()) the tree is
/// rebuilt and keeps its expanded rows and current row, found again by their names.
class AccountTreeView : public QWidget
{
    Q_OBJECT

public:
    /// The delay between the last key typed in the filter and filtering, in milliseconds.
    static constexpr int filterDelay = 150;
    /// The most rows a filter expands.
    static constexpr int maxExpanded = 200;
    /// A category with more rows than this is not opened by itself (after a load, or to show
    /// a filter's matches): the user opens it.
    static constexpr int maxExpandedRows = 2000;

    explicit AccountTreeView(const AccountDocument *document, QWidget *parent = nullptr);
    ~AccountTreeView() override;

    AccountTreeModel *model() const { return m_model; }
    /// The tree (objectName `accountTree`), for actions on its selection.
    QTreeView *treeView() const { return m_tree; }
    /// The filter box (objectName `accountFilter`).
    QLineEdit *filterEdit() const { return m_filter; }
    /// The row the user is on (column 0), or an invalid index.
    QModelIndex currentIndex() const;
    /// Makes `index` current (and visible), as a click would.
    void setCurrentIndex(const QModelIndex &index);
    /// Filters now, without waiting for the delay (also what Enter in the filter does).
    void applyFilter();

Q_SIGNALS:
    /// The current row changed (column 0; invalid when there is none).
    void currentEntityChanged(const QModelIndex &index);
    /// A row was double-clicked or Enter was pressed on it: open it.
    void activated(const QModelIndex &index);
    /// The user asked for a context menu on `index` (invalid: on empty space) at `globalPos`.
    void contextMenuRequested(const QModelIndex &index, const QPoint &globalPos);

private:
    /// Rows by their path of AccountTreeModel::KeyRole names from the top.
    using KeyPath = QStringList;
    struct State
    {
        QList<KeyPath> expanded;
        KeyPath current;
    };

    State saveState() const;
    void restoreState(const State &state);
    void expandDefault();
    void expandMatches();
    void fitNames();
    void aboutToReset();
    void reset();
    KeyPath keyPath(const QModelIndex &index) const;
    QModelIndex indexOf(const KeyPath &path) const;

    AccountTreeModel *m_model;
    QLineEdit *m_filter;
    QTreeView *m_tree;
    QTimer *m_filterTimer;
    State m_beforeReset;
    /// The tree as it was before the filter was set, to go back to when it is cleared.
    State m_beforeFilter;
    bool m_filtering = false; ///< the reset in progress is the filter's
    bool m_wasFiltered = false;
};

} // namespace iamx
