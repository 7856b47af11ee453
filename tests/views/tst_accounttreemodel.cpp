#include "model/account.h"
#include "model/documentkey.h"
#include "views/accountdocument.h"
#include "views/models/accounttreemodel.h"

#include <QAbstractItemModelTester>
#include <QGuiApplication>
#include <QIcon>
#include <QPalette>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

// The account tree over the demo account: QAbstractItemModelTester, the categories and their
// counts, the relations that answer "what applies to alice", statements under every policy,
// document keys, lazy building, and the filter.

using namespace Qt::StringLiterals;

using iamx::AccountDocument;
using iamx::AccountTreeModel;
using Kind = AccountTreeModel::NodeKind;

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

Kind kindOf(const QModelIndex &index)
{
    return Kind(index.data(AccountTreeModel::KindRole).toInt());
}

/// Calls `visit` for every row under `parent`, `depth` levels deep.
template <typename Visit>
void walk(const QAbstractItemModel &model, const QModelIndex &parent, int depth, Visit visit)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        visit(index);
        if (depth > 1)
            walk(model, index, depth - 1, visit);
    }
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
    void modelTesterFiltered();
    void detailsAndDecorations();
    void statementsUnderEveryDocument();
    void documentKeysNameTheirDocuments();
    void childrenAreBuiltWhenAsked();
    void filterKeepsCategoriesAndMatches();
    void filterByAction();
    void sameFilterDoesNotReset();
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
    QCOMPARE(alice.siblingAtColumn(AccountTreeModel::DetailColumn).data().toString(), u"/"_s);
    QCOMPARE(alice.data(AccountTreeModel::ArnRole).toString(),
            u"arn:aws:iam::111122223333:user/alice"_s);
    QCOMPARE(alice.data(Qt::ToolTipRole).toString(), u"arn:aws:iam::111122223333:user/alice"_s);
    QCOMPARE(AccountTreeModel::NodeKind(alice.data(AccountTreeModel::KindRole).toInt()),
            AccountTreeModel::NodeKind::User);
    const QModelIndex root = child(model, model.index(5, 0), u"Root"_s);
    QVERIFY(root.isValid());
    QCOMPARE(childNames(model, root),
            QStringList({ u"FullAWSAccess"_s, u"EnforceSecureTransport"_s }));
    QCOMPARE(model.index(1, AccountTreeModel::DetailColumn, root).data().toString(),
            u"RCP · 1 statement"_s);
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
            u"permissions boundary · 2 statements"_s);
    QCOMPARE(childNames(model, child(model, users, u"oscar"_s)),
            QStringList({ u"OffboardingLockout"_s }));
    QCOMPARE(model.index(0, AccountTreeModel::DetailColumn, child(model, users, u"oscar"_s))
                     .data()
                     .toString(),
            u"inline · 1 statement"_s);
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
    // A policy: its statements, then where it is attached.
    QCOMPARE(childNames(model, homeFolder),
            QStringList({ u"ListOwnHomeFolder"_s, u"OwnHomeFolder"_s, u"Developers"_s,
                    u"DataAnalysts"_s, u"Finance"_s }));
    const QModelIndex staffBoundary = child(model, customer, u"StaffBoundary"_s);
    const QModelIndex grace = child(model, staffBoundary, u"grace"_s);
    QVERIFY(grace.isValid());
    QCOMPARE(grace.siblingAtColumn(AccountTreeModel::DetailColumn).data().toString(),
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

void tst_AccountTreeModel::modelTesterFiltered()
{
    AccountDocument document;
    QVERIFY(document.loadDemo().empty());
    AccountTreeModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (const QString &text :
            { u"alice"_s, u"s3:GetObject"_s, u"team=blue"_s, u"nothing matches this"_s, u""_s }) {
        model.setFilterText(text);
        // The tester walks what it is shown; walk the relations too, as a user expanding would.
        walk(model, {}, 5, [](const QModelIndex &) {});
    }
}

void tst_AccountTreeModel::detailsAndDecorations()
{
    AccountDocument document;
    QVERIFY(document.loadDemo().empty());
    const AccountTreeModel model(&document);
    const QModelIndex customer = model.index(0, 0, model.index(3, 0));
    const QModelIndex homeFolder = child(model, customer, u"S3HomeFolder"_s);
    QCOMPARE(homeFolder.siblingAtColumn(AccountTreeModel::DetailColumn).data().toString(),
            u"2 statements"_s);
    // The detail is muted: the palette's placeholder colour; the name keeps the text colour.
    QCOMPARE(homeFolder.siblingAtColumn(AccountTreeModel::DetailColumn)
                     .data(Qt::ForegroundRole)
                     .value<QBrush>(),
            QGuiApplication::palette().brush(QPalette::PlaceholderText));
    QVERIFY(!homeFolder.data(Qt::ForegroundRole).isValid());
    // Every row of the first levels has an icon that renders; details have none.
    int rows = 0;
    walk(model, {}, 4, [&](const QModelIndex &index) {
        const auto icon = index.data(Qt::DecorationRole).value<QIcon>();
        QVERIFY2(!icon.pixmap(16).isNull(), qPrintable(index.data().toString()));
        QVERIFY(!index.siblingAtColumn(AccountTreeModel::DetailColumn)
                         .data(Qt::DecorationRole)
                         .isValid());
        ++rows;
    });
    QVERIFY(rows > 100);
}

void tst_AccountTreeModel::statementsUnderEveryDocument()
{
    AccountDocument document;
    QVERIFY(document.loadDemo().empty());
    const AccountTreeModel model(&document);
    const QModelIndex alice = child(model, model.index(0, 0), u"alice"_s);
    const QModelIndex developers = child(model, alice, u"Developers"_s);
    const QModelIndex s3 = child(model, developers, u"AmazonS3ReadOnlyAccess"_s);
    QCOMPARE(model.rowCount(s3), 1);
    const QModelIndex statement = model.index(0, 0, s3);
    QCOMPARE(kindOf(statement), Kind::Statement);
    QCOMPARE(statement.data(AccountTreeModel::StatementRole).toInt(), 0);
    QCOMPARE(statement.data(AccountTreeModel::DocumentKeyRole),
            s3.data(AccountTreeModel::DocumentKeyRole));
    QCOMPARE(statement.data().toString(), u"#0"_s); // no Sid: its index
    QVERIFY(statement.siblingAtColumn(AccountTreeModel::DetailColumn)
                    .data()
                    .toString()
                    .startsWith(u"Allow s3:Get*, s3:List*"_s));
    QCOMPARE(model.rowCount(statement), 0);
    QCOMPARE(s3.data(AccountTreeModel::StatementRole).toInt(), -1);

    // A Deny with its Sid; a trust policy's statement names who may assume the role.
    const QModelIndex finance = child(model, model.index(1, 0), u"Finance"_s);
    const QModelIndex deny =
            model.index(0, 0, child(model, finance, u"DenyOutsideOfficeNetwork"_s));
    QCOMPARE(deny.data().toString(), u"DenyOutsideOffice"_s);
    QVERIFY(deny.siblingAtColumn(AccountTreeModel::DetailColumn)
                    .data()
                    .toString()
                    .startsWith(u"Deny * on * if aws:SourceIp"_s));
    QVERIFY(!deny.data(Qt::DecorationRole).value<QIcon>().isNull());
    const QModelIndex ci = child(model, model.index(2, 0), u"CIDeployRole"_s);
    const QModelIndex trust = model.index(0, 0, model.index(0, 0, ci));
    QCOMPARE(kindOf(trust), Kind::Statement);
    QVERIFY(trust.siblingAtColumn(AccountTreeModel::DetailColumn)
                    .data()
                    .toString()
                    .contains(u"sts:AssumeRole"_s));

    // Every kind of document row has statements: managed, inline, attached, boundary, trust,
    // resource, SCP and RCP.
    QSet<Kind> withStatements;
    walk(model, {}, 5, [&](const QModelIndex &index) {
        if (kindOf(index) == Kind::Statement)
            withStatements << kindOf(index.parent());
    });
    QCOMPARE(withStatements,
            QSet<Kind>({ Kind::Policy, Kind::InlinePolicy, Kind::AttachedPolicy, Kind::Boundary,
                    Kind::TrustPolicy, Kind::ResourcePolicy, Kind::OrgPolicy }));
}

void tst_AccountTreeModel::documentKeysNameTheirDocuments()
{
    AccountDocument document;
    QVERIFY(document.loadDemo().empty());
    const AccountTreeModel model(&document);
    int documents = 0;
    walk(model, {}, 5, [&](const QModelIndex &index) {
        const QString text = index.data(AccountTreeModel::PolicyTextRole).toString();
        const QString keyText = index.data(AccountTreeModel::DocumentKeyRole).toString();
        if (kindOf(index) == Kind::Statement || keyText.isEmpty()) {
            QVERIFY(kindOf(index) == Kind::Statement || text.isEmpty());
            return;
        }
        const auto key = iamx::parseDocumentKey(keyText.toStdString());
        QVERIFY2(key, qPrintable(keyText));
        const iamx::PolicyText *found = iamx::findDocument(document.account(), *key);
        QVERIFY2(found, qPrintable(keyText));
        QCOMPARE(QString::fromStdString(std::string(found->text())), text);
        ++documents;
    });
    QVERIFY(documents > 40);

    const QModelIndex oscar = child(model, model.index(0, 0), u"oscar"_s);
    const auto key = iamx::parseDocumentKey(model.index(0, 0, oscar)
                                                    .data(AccountTreeModel::DocumentKeyRole)
                                                    .toString()
                                                    .toStdString());
    QVERIFY(key);
    QCOMPARE(key->kind, iamx::DocumentKey::Kind::UserInline);
    QCOMPARE(key->owner, std::string("oscar"));
    QCOMPARE(key->name, std::string("OffboardingLockout"));
    QVERIFY(oscar.data(AccountTreeModel::DocumentKeyRole).toString().isEmpty());
}

void tst_AccountTreeModel::childrenAreBuiltWhenAsked()
{
    AccountDocument document;
    QVERIFY(document.loadDemo().empty());
    const AccountTreeModel model(&document);
    QCOMPARE(model.builtRowCount(), size_t(0)); // only the categories
    QCOMPARE(model.index(0, 0).data().toString(), u"Users (9)"_s);
    QVERIFY(model.hasChildren(model.index(0, 0)));
    QCOMPARE(model.builtRowCount(), size_t(0)); // a category's count and arrow build nothing
    QCOMPARE(model.rowCount(model.index(0, 0)), 9);
    QCOMPARE(model.builtRowCount(), size_t(9)); // the users, not their relations
    const QModelIndex alice = child(model, model.index(0, 0), u"alice"_s);
    QCOMPARE(model.rowCount(alice), 1);
    QCOMPARE(model.builtRowCount(), size_t(10)); // Developers, not its policies yet
    QCOMPARE(model.rowCount(model.index(0, 0, alice)), 4);
    QCOMPARE(model.builtRowCount(), size_t(14));
}

void tst_AccountTreeModel::filterKeepsCategoriesAndMatches()
{
    AccountDocument document;
    QVERIFY(document.loadDemo().empty());
    AccountTreeModel model(&document);
    model.setFilterText(u"alice"_s);
    QCOMPARE(model.filterText(), u"alice"_s);
    QCOMPARE(model.matchCount(), 1);
    QCOMPARE(childNames(model, {}),
            QStringList({ u"Users (1 of 9)"_s, u"Groups (0 of 4)"_s, u"Roles (0 of 6)"_s,
                    u"Policies (0 of 13)"_s, u"Resources (0 of 6)"_s,
                    u"Organization (0 of 3)"_s }));
    QCOMPARE(childNames(model, model.index(0, 0)), QStringList({ u"alice"_s }));
    QVERIFY(!model.hasChildren(model.index(1, 0)));
    // The match keeps its relations.
    const QModelIndex alice = model.index(0, 0, model.index(0, 0));
    QCOMPARE(childNames(model, alice), QStringList({ u"Developers"_s }));
    QCOMPARE(model.nonEmptyCategories(), QModelIndexList({ model.index(0, 0) }));

    model.setFilterText(u"TEAM=blue"_s); // tags, ignoring case
    QCOMPARE(childNames(model, model.index(0, 0)), QStringList({ u"alice"_s }));
    QCOMPARE(model.index(4, 0).data().toString(), u"Resources (1 of 6)"_s);

    model.setFilterText(QString());
    QCOMPARE(model.index(0, 0).data().toString(), u"Users (9)"_s);
    QCOMPARE(model.rowCount(model.index(0, 0)), 9);
    QCOMPARE(model.matchCount(), 41);
}

void tst_AccountTreeModel::filterByAction()
{
    AccountDocument document;
    QVERIFY(document.loadDemo().empty());
    AccountTreeModel model(&document);
    model.setFilterText(u"ec2:StartInstances"_s);
    const QStringList users = childNames(model, model.index(0, 0));
    QVERIFY(users.contains(u"alice"_s)); // through Developers ▸ EC2StartStopOwnTeam
    QVERIFY(!users.contains(u"carol"_s));
    const QModelIndex customer = model.index(0, 0, model.index(3, 0));
    QVERIFY(childNames(model, customer).contains(u"EC2StartStopOwnTeam"_s));
    const QModelIndexList expand = model.nonEmptyCategories();
    QVERIFY(expand.contains(model.index(3, 0)));
    QVERIFY(expand.contains(customer));
    QVERIFY(expand.indexOf(model.index(3, 0)) < expand.indexOf(customer));
}

void tst_AccountTreeModel::sameFilterDoesNotReset()
{
    AccountDocument document;
    QVERIFY(document.loadDemo().empty());
    AccountTreeModel model(&document);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setFilterText(u"bob"_s);
    QCOMPARE(resets.count(), 1);
    model.setFilterText(u"bob "_s); // the same query
    QCOMPARE(resets.count(), 1);
    model.setFilterText(u"bo"_s);
    QCOMPARE(resets.count(), 2);
    const QStringList matches = childNames(model, {});
    QVERIFY(matches.first().endsWith(u" of 9)"_s));
    // Loading keeps the filter: the new account is filtered too.
    QVERIFY(document.loadDemo().empty());
    QCOMPARE(resets.count(), 3);
    QCOMPARE(childNames(model, {}), matches);
}

QTEST_MAIN(tst_AccountTreeModel)
#include "tst_accounttreemodel.moc"
