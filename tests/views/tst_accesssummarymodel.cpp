#include "views/accountdocument.h"
#include "views/entitypage.h"
#include "views/models/accesssummarymodel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

// The table "Effective permissions by service" on a principal's page: the demo's alice, whose
// organization denies every action outside two regions but a list of global ones, so most of
// what her groups allow hangs on that condition.

using namespace Qt::StringLiterals;

using iamx::AccessSummaryModel;
using iamx::AccountDocument;
using iamx::EntityPage;

class tst_AccessSummaryModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void aliceByService();
    void onlyPrincipalsHaveIt();

private:
    /// The row of a service, -1 when none.
    int row(const QString &service) const;
    QString cell(const QString &service, int column) const;

    std::unique_ptr<AccountDocument> m_document;
    std::unique_ptr<EntityPage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_AccessSummaryModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_AccessSummaryModel::init()
{
    QTest::failOnWarning(QRegularExpression(u"^(?!This plugin does not support ).*"_s));
    m_document = std::make_unique<AccountDocument>();
    QVERIFY(m_document->loadDemo().empty());
    m_page = std::make_unique<EntityPage>();
    m_page->setFixedSize(900, 900);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_tester = std::make_unique<QAbstractItemModelTester>(
            m_page->accessSummary(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_AccessSummaryModel::cleanup()
{
    m_tester.reset();
    m_page.reset();
    m_document.reset();
}

int tst_AccessSummaryModel::row(const QString &service) const
{
    const AccessSummaryModel *model = m_page->accessSummary();
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, AccessSummaryModel::ServiceColumn).data().toString() == service)
            return r;
    return -1;
}

QString tst_AccessSummaryModel::cell(const QString &service, int column) const
{
    return m_page->accessSummary()->index(row(service), column).data().toString();
}

void tst_AccessSummaryModel::aliceByService()
{
    QVERIFY(m_page->showEntity(
            m_document->account(), m_document->resolver(), "arn:aws:iam::111122223333:user/alice"));
    auto *view = m_page->findChild<QTableView *>(u"accessSummary"_s);
    QVERIFY(view);
    QVERIFY(view->isVisible());
    const AccessSummaryModel *model = m_page->accessSummary();
    QCOMPARE(model->columnCount(), int(AccessSummaryModel::ColumnCount));
    QCOMPARE(model->headerData(AccessSummaryModel::PermissionsManagementColumn, Qt::Horizontal)
                     .toString(),
            u"Permissions management"_s);
    QVERIFY(row(u"s3"_s) >= 0);
    QVERIFY(row(u"iam"_s) >= 0);
    QCOMPARE(row(u"kms"_s), -1); // nothing allowed there
    // ListAllMyBuckets and ListMultiRegionAccessPoints escape the region deny; the other
    // List actions S3 read-only access allows hang on aws:RequestedRegion.
    const QModelIndex list = model->index(row(u"s3"_s), AccessSummaryModel::ListColumn);
    QCOMPARE(list.data(AccessSummaryModel::AllowedRole).toInt(), 2);
    QVERIFY(list.data(AccessSummaryModel::ConditionalRole).toInt() > 0);
    QCOMPARE(cell(u"s3"_s, AccessSummaryModel::ListColumn),
            u"2 (+%1) of %2"_s.arg(list.data(AccessSummaryModel::ConditionalRole).toInt())
                    .arg(list.data(AccessSummaryModel::TotalRole).toInt()));
    QVERIFY(list.data(Qt::ToolTipRole).toString().contains(u"condition"_s));
    // iam: ChangePassword (Write) and GetAccountPasswordPolicy (Read), outside the deny.
    QVERIFY(cell(u"iam"_s, AccessSummaryModel::ReadColumn).startsWith(u"1 of "_s));
    QVERIFY(cell(u"iam"_s, AccessSummaryModel::WriteColumn).startsWith(u"1 of "_s));
    QVERIFY(cell(u"iam"_s, AccessSummaryModel::ListColumn).startsWith(u"0 of "_s));

    const QString folder = qEnvironmentVariable("IAMX_TEST_ARTIFACTS", QDir::tempPath())
            + u"/tst_AccessSummaryModel"_s;
    QVERIFY(QDir().mkpath(folder));
    QCoreApplication::processEvents();
    QVERIFY(m_page->grab().save(folder + u"/aliceByService-page.png"_s));
}

void tst_AccessSummaryModel::onlyPrincipalsHaveIt()
{
    QVERIFY(m_page->showEntity(m_document->account(), m_document->resolver(),
            "arn:aws:iam::111122223333:group/Developers"));
    QCOMPARE(m_page->accessSummary()->rowCount(), 0);
    QVERIFY(!m_page->findChild<QTableView *>(u"accessSummary"_s)->isVisible());
}

QTEST_MAIN(tst_AccessSummaryModel)
#include "tst_accesssummarymodel.moc"
