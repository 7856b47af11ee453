#include "views/accountdocument.h"
#include "views/models/accounttreemodel.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

// The account tree over the demo account: QAbstractItemModelTester, the categories and their
// counts, and the relations that answer "what applies to alice".

using namespace Qt::StringLiterals;

using iamx::AccountDocument;
using iamx::AccountTreeModel;

namespace {

QStringList childNames(const QAbstractItemModel &model, const QModelIndex &parent)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(parent); ++row)
        names << model.index(row, 0, parent).data().toString();
    return names;
}

/// The child of `parent` whose name is `name`, searched one level deep.
QModelIndex child(const QAbstractItemModel &model, const QModelIndex &parent, const QString &name)
{
    for (int row = 0; row < model.rowCount(parent); ++row)
        if (model.index(row, 0, parent).data().toString() == name)
            return model.index(row, 0, parent);
    return {};
}

} // namespace

class tst_AccountTreeModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void modelTester();
    void categories();
    void userRelations();
    void groupRelations();
    void roleAndPolicyRelations();
    void reset();
};

void tst_AccountTreeModel::init()
{
    QTest::failOnWarning(QRegularExpression(u"^(?!This plugin does not support ).*"_s));
}

void tst_AccountTreeModel::modelTester()
{
    AccountDocument document;
    QVERIFY(document.loadDemo().empty());
    AccountTreeModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(document.loadDemo().empty()); // a reset, checked by the tester too
}

void tst_AccountTreeModel::categories()
{
    AccountDocument document;
    QVERIFY(document.loadDemo().empty());
    const AccountTreeModel model(&document);
    QCOMPARE(model.columnCount(), 2);
    QCOMPARE(childNames(model, {}),
            QStringList({ u"Users (9)"_s, u"Groups (4)"_s, u"Roles (6)"_s, u"Policies (13)"_s,
                    u"Resources (6)"_s, u"Organization (3)"_s }));
    const QModelIndex policies = model.index(3, 0);
    QCOMPARE(childNames(model, policies),
            QStringList({ u"Customer managed (7)"_s, u"AWS managed (6)"_s }));
    const QModelIndex alice = child(model, model.index(0, 0), u"alice"_s);
    QVERIFY(alice.isValid());
    QCOMPARE(alice.siblingAtColumn(AccountTreeModel::DetailColumn).data().toString(),
            u"arn:aws:iam::111122223333:user/alice"_s);
    QCOMPARE(alice.data(AccountTreeModel::ArnRole).toString(),
            u"arn:aws:iam::111122223333:user/alice"_s);
    QCOMPARE(alice.data(Qt::ToolTipRole).toString(), u"arn:aws:iam::111122223333:user/alice"_s);
    QCOMPARE(AccountTreeModel::NodeKind(alice.data(AccountTreeModel::KindRole).toInt()),
            AccountTreeModel::NodeKind::User);
    const QModelIndex root = child(model, model.index(5, 0), u"Root"_s);
    QVERIFY(root.isValid());
    QCOMPARE(childNames(model, root),
            QStringList({ u"FullAWSAccess"_s, u"EnforceSecureTransport"_s }));
    QCOMPARE(model.index(1, AccountTreeModel::DetailColumn, root).data().toString(), u"RCP"_s);
}

void tst_AccountTreeModel::userRelations()
{
    AccountDocument document;
    QVERIFY(document.loadDemo().empty());
    const AccountTreeModel model(&document);
    const QModelIndex users = model.index(0, 0);
    const QModelIndex alice = child(model, users, u"alice"_s);
    QCOMPARE(childNames(model, alice), QStringList({ u"Developers"_s }));
    const QModelIndex developers = model.index(0, 0, alice);
    QCOMPARE(AccountTreeModel::NodeKind(developers.data(AccountTreeModel::KindRole).toInt()),
            AccountTreeModel::NodeKind::Group);
    QCOMPARE(childNames(model, developers),
            QStringList({ u"AmazonS3ReadOnlyAccess"_s, u"IAMUserChangePassword"_s,
                    u"S3HomeFolder"_s, u"EC2StartStopOwnTeam"_s }));
    const QModelIndex s3 = model.index(0, 0, developers);
    QCOMPARE(s3.data(AccountTreeModel::ArnRole).toString(),
            u"arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"_s);
    QVERIFY(s3.data(AccountTreeModel::PolicyTextRole).toString().contains(u"s3:Get"_s));

    const QModelIndex grace = child(model, users, u"grace"_s);
    QCOMPARE(childNames(model, grace), QStringList({ u"StaffBoundary"_s }));
    QCOMPARE(model.index(0, AccountTreeModel::DetailColumn, grace).data().toString(),
            u"permissions boundary"_s);
    QCOMPARE(childNames(model, child(model, users, u"oscar"_s)),
            QStringList({ u"OffboardingLockout"_s }));
    QCOMPARE(model.index(0, AccountTreeModel::DetailColumn, child(model, users, u"oscar"_s))
                     .data()
                     .toString(),
            u"inline"_s);
}

void tst_AccountTreeModel::groupRelations()
{
    AccountDocument document;
    QVERIFY(document.loadDemo().empty());
    const AccountTreeModel model(&document);
    const QModelIndex finance = child(model, model.index(1, 0), u"Finance"_s);
    QCOMPARE(childNames(model, finance),
            QStringList({ u"dave"_s, u"DenyOutsideOfficeNetwork"_s, u"FinanceReports"_s,
                    u"IAMUserChangePassword"_s, u"S3HomeFolder"_s }));
    QCOMPARE(
            model.index(0, AccountTreeModel::DetailColumn, finance).data().toString(), u"member"_s);
}

void tst_AccountTreeModel::roleAndPolicyRelations()
{
    AccountDocument document;
    QVERIFY(document.loadDemo().empty());
    const AccountTreeModel model(&document);
    const QModelIndex ci = child(model, model.index(2, 0), u"CIDeployRole"_s);
    QVERIFY(model.rowCount(ci) >= 1);
    QCOMPARE(model.index(0, 0, ci).data().toString(), u"Trust policy"_s);
    QVERIFY(model.index(0, 0, ci)
                    .data(AccountTreeModel::PolicyTextRole)
                    .toString()
                    .contains(u"sts:AssumeRole"_s));

    const QModelIndex customer = model.index(0, 0, model.index(3, 0));
    const QModelIndex homeFolder = child(model, customer, u"S3HomeFolder"_s);
    QCOMPARE(childNames(model, homeFolder),
            QStringList({ u"Developers"_s, u"DataAnalysts"_s, u"Finance"_s }));
    const QModelIndex staffBoundary = child(model, customer, u"StaffBoundary"_s);
    QCOMPARE(childNames(model, staffBoundary), QStringList({ u"grace"_s }));
    QCOMPARE(model.index(0, AccountTreeModel::DetailColumn, staffBoundary).data().toString(),
            u"user, as boundary"_s);
}

void tst_AccountTreeModel::reset()
{
    AccountDocument document;
    AccountTreeModel model(&document);
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
    QCOMPARE(model.index(0, 0).data().toString(), u"Users (0)"_s);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QVERIFY(document.loadDemo().empty());
    QCOMPARE(resets.count(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), u"Users (9)"_s);

    // A file that is not an account changes nothing.
    const auto errors = document.load(u"/nonexistent/account.json"_s);
    QCOMPARE(errors.size(), size_t(1));
    QCOMPARE(errors.front().code, std::string("FILE_NOT_READABLE"));
    QCOMPARE(resets.count(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), u"Users (9)"_s);
}

QTEST_MAIN(tst_AccountTreeModel)
#include "tst_accounttreemodel.moc"
