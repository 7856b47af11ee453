#include "views/accountdocument.h"
#include "views/accounttreeview.h"
#include "views/models/accounttreemodel.h"

#include <QAbstractItemModelTester>
#include <QContextMenuEvent>
#include <QDir>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include <memory>

// The account dock's widget driven headless (style.md §4): typing in the filter narrows the
// tree after a pause and expands the matches, clearing it restores the tree, Ctrl+F reaches
// the filter, and an edit of the account keeps the tree's expansion and current row.

using namespace Qt::StringLiterals;

using iamx::AccountDocument;
using iamx::AccountTreeModel;
using iamx::AccountTreeView;

class tst_AccountTreeView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void startsWithTheCategoriesExpanded();
    void typingFiltersAfterAPause();
    void clearingTheFilterRestoresTheTree();
    void ctrlFFocusesTheFilter();
    void editsKeepExpansionAndCurrentRow();
    void signalsForTheLead();

private:
    void saveScreenshot(const QString &name) const;
    QModelIndex find(const QModelIndex &parent, const QString &name) const;
    QLineEdit *filter() const { return m_view->findChild<QLineEdit *>(u"accountFilter"_s); }
    QTreeView *tree() const { return m_view->findChild<QTreeView *>(u"accountTree"_s); }
    AccountTreeModel *model() const { return m_view->model(); }

    std::unique_ptr<AccountDocument> m_document;
    std::unique_ptr<AccountTreeView> m_view;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_AccountTreeView::init()
{
    QTest::failOnWarning(QRegularExpression(u"^(?!This plugin does not support ).*"_s));
    m_document = std::make_unique<AccountDocument>();
    QVERIFY(m_document->loadDemo().empty());
    m_view = std::make_unique<AccountTreeView>(m_document.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
            m_view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_view->resize(520, 640);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_view->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
}

void tst_AccountTreeView::cleanup()
{
    if (QTest::currentTestFailed())
        saveScreenshot(u"failed"_s);
    m_tester.reset();
    m_view.reset();
    m_document.reset();
}

void tst_AccountTreeView::saveScreenshot(const QString &name) const
{
    const QString dir = qEnvironmentVariable("IAMX_TEST_ARTIFACTS") + u"/tst_AccountTreeView"_s;
    QDir().mkpath(dir);
    m_view->grab().save(
            u"%1/%2-%3.png"_s.arg(dir, QString::fromLatin1(QTest::currentTestFunction()), name));
}

QModelIndex tst_AccountTreeView::find(const QModelIndex &parent, const QString &name) const
{
    for (int row = 0; row < model()->rowCount(parent); ++row)
        if (model()->index(row, 0, parent).data().toString() == name)
            return model()->index(row, 0, parent);
    return {};
}

void tst_AccountTreeView::startsWithTheCategoriesExpanded()
{
    QVERIFY(filter());
    QVERIFY(tree());
    QCOMPARE(filter()->placeholderText(), u"Filter by name, ARN, tag or action"_s);
    QVERIFY(filter()->isClearButtonEnabled());
    QVERIFY(!filter()->accessibleName().isEmpty());
    QVERIFY(!tree()->accessibleName().isEmpty());
    QVERIFY(tree()->isExpanded(model()->index(0, 0))); // Users
    QVERIFY(tree()->isExpanded(model()->index(0, 0, model()->index(3, 0)))); // Customer managed
    QVERIFY(!tree()->isExpanded(find(model()->index(0, 0), u"alice"_s)));
    saveScreenshot(u"demo"_s);
}

void tst_AccountTreeView::typingFiltersAfterAPause()
{
    QSignalSpy resets(model(), &QAbstractItemModel::modelReset);
    QTest::keyClicks(filter(), u"s3:PutObject"_s);
    QCOMPARE(model()->filterText(), QString()); // not on every key: after a pause
    QTRY_COMPARE(model()->filterText(), u"s3:PutObject"_s);
    QCOMPARE(resets.count(), 1);

    const QModelIndex users = model()->index(0, 0);
    QVERIFY(users.data().toString().contains(u" of 9)"_s));
    QVERIFY(tree()->isExpanded(users));
    QVERIFY(find(users, u"alice"_s).isValid()); // S3HomeFolder lets her put into her folder
    QVERIFY(!find(users, u"grace"_s).isValid());
    const QModelIndex customer = model()->index(0, 0, model()->index(3, 0));
    QVERIFY(tree()->isExpanded(customer));
    QVERIFY(find(customer, u"S3HomeFolder"_s).isValid());
    saveScreenshot(u"filtered"_s);

    // Enter filters at once.
    filter()->clear();
    QTest::keyClicks(filter(), u"alice"_s);
    QTest::keyClick(filter(), Qt::Key_Return);
    QCOMPARE(model()->filterText(), u"alice"_s);
    QCOMPARE(model()->rowCount(model()->index(0, 0)), 1);
    // Categories without a match are shown, counted, and not expanded.
    const QModelIndex groups = model()->index(1, 0);
    QCOMPARE(groups.data().toString(), u"Groups (0 of 4)"_s);
    QVERIFY(!tree()->isExpanded(groups));
}

void tst_AccountTreeView::clearingTheFilterRestoresTheTree()
{
    const QModelIndex alice = find(model()->index(0, 0), u"alice"_s);
    tree()->expand(alice);
    m_view->setCurrentIndex(alice);
    QTest::keyClicks(filter(), u"CIDeploy"_s);
    m_view->applyFilter();
    QCOMPARE(model()->rowCount(model()->index(0, 0)), 0);
    QVERIFY(!tree()->isExpanded(model()->index(0, 0))); // no user matches
    filter()->clear();
    m_view->applyFilter();
    const QModelIndex again = find(model()->index(0, 0), u"alice"_s);
    QVERIFY(tree()->isExpanded(model()->index(0, 0)));
    QVERIFY(tree()->isExpanded(again));
    QCOMPARE(m_view->currentIndex(), again);
}

void tst_AccountTreeView::ctrlFFocusesTheFilter()
{
    tree()->setFocus();
    QTRY_VERIFY(tree()->hasFocus());
    filter()->setText(u"old"_s);
    QTest::keySequence(tree(), QKeySequence::Find);
    QTRY_VERIFY(filter()->hasFocus());
    QCOMPARE(filter()->selectedText(), u"old"_s); // typing replaces it
}

void tst_AccountTreeView::editsKeepExpansionAndCurrentRow()
{
    const QModelIndex alice = find(model()->index(0, 0), u"alice"_s);
    tree()->expand(alice);
    const QModelIndex developers = find(alice, u"Developers"_s);
    tree()->expand(developers);
    const QModelIndex s3 = find(developers, u"AmazonS3ReadOnlyAccess"_s);
    tree()->expand(s3);
    m_view->setCurrentIndex(model()->index(0, 0, s3)); // its statement
    QSignalSpy resets(model(), &QAbstractItemModel::modelReset);

    emit m_document->accountChanged(); // what every undo command's redo() ends with
    QCOMPARE(resets.count(), 1);
    const QModelIndex alice2 = find(model()->index(0, 0), u"alice"_s);
    const QModelIndex developers2 = find(alice2, u"Developers"_s);
    const QModelIndex s32 = find(developers2, u"AmazonS3ReadOnlyAccess"_s);
    QVERIFY(tree()->isExpanded(alice2));
    QVERIFY(tree()->isExpanded(developers2));
    QVERIFY(tree()->isExpanded(s32));
    QCOMPARE(m_view->currentIndex(), model()->index(0, 0, s32));
    QCOMPARE(m_view->currentIndex().data(AccountTreeModel::StatementRole).toInt(), 0);
    saveScreenshot(u"expanded"_s);
}

void tst_AccountTreeView::signalsForTheLead()
{
    QSignalSpy current(m_view.get(), &AccountTreeView::currentEntityChanged);
    QSignalSpy activated(m_view.get(), &AccountTreeView::activated);
    QSignalSpy menu(m_view.get(), &AccountTreeView::contextMenuRequested);
    const QModelIndex bob = find(model()->index(0, 0), u"bob"_s);
    m_view->setCurrentIndex(bob.siblingAtColumn(AccountTreeModel::DetailColumn));
    QCOMPARE(current.count(), 1);
    QCOMPARE(current.first().first().toModelIndex(), bob); // always column 0

    tree()->setFocus();
    QTest::keyClick(tree(), Qt::Key_Return);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().toModelIndex(), bob);

    const QPoint pos = tree()->visualRect(bob).center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, tree()->viewport()->mapToGlobal(pos));
    QCoreApplication::sendEvent(tree()->viewport(), &event);
    QCOMPARE(menu.count(), 1);
    QCOMPARE(menu.first().at(0).toModelIndex(), bob);
    QCOMPARE(menu.first().at(1).toPoint(), tree()->viewport()->mapToGlobal(pos));
}

QTEST_MAIN(tst_AccountTreeView)
#include "tst_accounttreeview.moc"
