#include "resources/demoaccount.h"

#include "model/account.h"
#include "model/accountindex.h"
#include "model/accountio.h"

#include <QTest>

#include <algorithm>

// The account tree's search index over the demo account (resources/demo/README.md names its
// cast): names, ARNs and tags as substrings, actions through the policies that mention them,
// and documents that cannot be read.

namespace QTest {
template <> inline char *toString(const std::vector<std::string> &values)
{
    std::string text = "{";
    for (const auto &value : values)
        text += (text.size() > 1 ? ", " : "") + value;
    return qstrdup((text + "}").c_str());
}
} // namespace QTest

using iamx::AccountIndex;
using iamx::IndexedEntity;

namespace {

std::optional<iamx::Account> load(std::string text)
{
    auto loaded = iamx::loadAccount({ { "test", std::move(text) } });
    return std::move(loaded.value);
}

/// `user:alice`, `policy:S3HomeFolder`, ... for each entity of a query's result.
std::vector<std::string> names(
        const iamx::Account &account, const AccountIndex &index, std::string_view text)
{
    std::vector<std::string> result;
    for (const IndexedEntity &entity : index.query(text)) {
        switch (entity.kind) {
        case IndexedEntity::Kind::User:
            result.push_back("user:" + account.users()[entity.index].name);
            break;
        case IndexedEntity::Kind::Group:
            result.push_back("group:" + account.groups()[entity.index].name);
            break;
        case IndexedEntity::Kind::Role:
            result.push_back("role:" + account.roles()[entity.index].name);
            break;
        case IndexedEntity::Kind::Policy:
            result.push_back("policy:" + account.policies()[entity.index].name);
            break;
        case IndexedEntity::Kind::Resource:
            result.push_back("resource:" + account.resources()[entity.index].arn);
            break;
        case IndexedEntity::Kind::OrgLevel:
            result.push_back("level:" + account.organization()->levels[entity.index].name);
            break;
        }
    }
    return result;
}

bool has(const std::vector<std::string> &names, const std::string &name)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

} // namespace

class tst_AccountIndex : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void namesAndArnsIgnoringCase();
    void tags();
    void actionsThroughPolicies();
    void actionPatternsContainingTheText();
    void trustPoliciesAndBoundariesDoNotCount();
    void emptyTextMatchesNothing();
    void resultsAreInKindThenIndexOrder();
    void looksLikeAction_data();
    void looksLikeAction();
    void oddDocumentsAreReadAsFarAsTheyGo();
    void anEmptyIndex();

private:
    std::optional<iamx::Account> m_account;
    std::optional<AccountIndex> m_index;
    std::vector<std::string> find(std::string_view text) const
    {
        return names(*m_account, *m_index, text);
    }
};

void tst_AccountIndex::initTestCase()
{
    m_account = load(std::string(iamx::resources::demoAccountText()));
    QVERIFY(m_account);
    m_index.emplace(*m_account);
    QCOMPARE(m_index->size(),
            m_account->users().size() + m_account->groups().size() + m_account->roles().size()
                    + m_account->policies().size() + m_account->resources().size()
                    + m_account->organization()->levels.size());
}

void tst_AccountIndex::namesAndArnsIgnoringCase()
{
    QCOMPARE(find("alice"), std::vector<std::string>({ "user:alice" }));
    QCOMPARE(find("  ALIce "), std::vector<std::string>({ "user:alice" }));
    QCOMPARE(find("user/ali"), std::vector<std::string>({ "user:alice" }));
    QCOMPARE(find("finance"),
            std::vector<std::string>({ "user:dave", "group:Finance", "policy:FinanceReports" }));
    const auto service = find("role/service-role/");
    QVERIFY(has(service, "role:ReportGeneratorRole"));
    QVERIFY(!has(service, "role:CIDeployRole"));
    QVERIFY(has(find("acme-audit-logs"), "resource:arn:aws:s3:::acme-audit-logs"));
}

void tst_AccountIndex::tags()
{
    QCOMPARE(find("team=blue"),
            std::vector<std::string>({ "user:alice",
                    "resource:arn:aws:ec2:eu-west-1:111122223333:instance/i-0a1b2c3d4e5f60718" }));
    QCOMPARE(find("department=engineering"),
            std::vector<std::string>({ "user:alice", "user:bob", "user:oscar" }));
    // A tag's key alone matches whatever carries it: users, roles, resources.
    const auto purpose = find("purpose");
    QVERIFY(has(purpose, "role:CIDeployRole"));
    QVERIFY(has(purpose, "role:BreakGlassRole"));
    QVERIFY(has(purpose, "resource:arn:aws:s3:::acme-audit-logs"));
    QVERIFY(!has(purpose, "user:alice"));
}

void tst_AccountIndex::actionsThroughPolicies()
{
    // ec2:StartInstances: EC2StartStopOwnTeam names it, AdministratorAccess allows `*`; the
    // Developers and Admins groups attach those, and their members have them through the group.
    const auto start = find("ec2:StartInstances");
    for (const char *name :
            { "policy:EC2StartStopOwnTeam", "policy:AdministratorAccess", "group:Developers",
                    "group:Admins", "user:alice", "user:bob", "user:erin", "role:BreakGlassRole" })
        QVERIFY2(has(start, name), name);
    for (const char *name : { "user:carol", "group:DataAnalysts", "policy:S3HomeFolder" })
        QVERIFY2(!has(start, name), name);
    // Case does not matter in actions, and a service's wildcard matches (s3:Get*).
    const auto get = find("S3:GETOBJECT");
    QVERIFY(has(get, "policy:AmazonS3ReadOnlyAccess"));
    QVERIFY(has(get, "user:carol"));
    QVERIFY(has(get, "resource:arn:aws:s3:::acme-reports"));
}

void tst_AccountIndex::actionPatternsContainingTheText()
{
    // While typing: `kms:ScheduleKey` is a prefix of an action the key policy names.
    const auto partial = find("kms:ScheduleKey");
    QVERIFY(has(partial,
            "resource:arn:aws:kms:eu-west-1:111122223333:key/"
            "1234abcd-12ab-34cd-56ef-1234567890ab"));
    QVERIFY(!has(partial, "resource:arn:aws:s3:::acme-reports"));
}

void tst_AccountIndex::trustPoliciesAndBoundariesDoNotCount()
{
    // Every trust policy names sts:AssumeRole; only AdministratorAccess (`*`) and what has it
    // grants it, so CIDeployRole (trust policy only) does not match.
    const auto assume = find("sts:AssumeRole");
    QVERIFY(has(assume, "role:BreakGlassRole"));
    QVERIFY(!has(assume, "role:CIDeployRole"));
    QVERIFY(!has(assume, "user:grace")); // her boundary, StaffBoundary, is no policy she has
}

void tst_AccountIndex::emptyTextMatchesNothing()
{
    QVERIFY(find("").empty());
    QVERIFY(find("   ").empty());
    QVERIFY(find("no such thing anywhere").empty());
    QVERIFY(find(std::string_view("a\0b", 3)).empty());
}

void tst_AccountIndex::resultsAreInKindThenIndexOrder()
{
    const auto result = m_index->query("a"); // nearly everything has an `a`
    QVERIFY(result.size() > 20);
    QVERIFY(std::is_sorted(result.begin(), result.end(), [](const auto &x, const auto &y) {
        return std::pair(x.kind, x.index) < std::pair(y.kind, y.index);
    }));
}

void tst_AccountIndex::looksLikeAction_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("action");
    QTest::newRow("action") << QStringLiteral("s3:GetObject") << true;
    QTest::newRow("wildcard") << QStringLiteral("s3:Get*") << true;
    QTest::newRow("service only") << QStringLiteral("s3:") << true;
    QTest::newRow("dashed service") << QStringLiteral("resource-groups:List") << true;
    QTest::newRow("name") << QStringLiteral("alice") << false;
    QTest::newRow("arn") << QStringLiteral("arn:aws:iam::111122223333:user/alice") << false;
    QTest::newRow("tag") << QStringLiteral("team=blue") << false;
    QTest::newRow("no service") << QStringLiteral(":GetObject") << false;
    QTest::newRow("space") << QStringLiteral("s3:Get Object") << false;
}

void tst_AccountIndex::looksLikeAction()
{
    QFETCH(QString, text);
    QFETCH(bool, action);
    QCOMPARE(AccountIndex::looksLikeAction(text.toStdString()), action);
}

void tst_AccountIndex::oddDocumentsAreReadAsFarAsTheyGo()
{
    // Documents the loader accepts as JSON but that are no policy (the editor reports those):
    // a Statement that is a number, statements and actions of the wrong type, an escaped key.
    // The index takes the actions it can read and never fails.
    const auto account = load(R"({"UserDetailList": [
        {"UserName": "odd", "UserId": "AIDA1", "Path": "/", "Arn": "arn:aws:iam::123456789012:user/odd",
         "UserPolicyList": [{"PolicyName": "p", "PolicyDocument": {"Statement": [1, "x",
            {"Action": 7}, {"Action": ["sqs:SendMessage", 3, {"a": "b"}], "Effect": "Allow"}]}}]},
        {"UserName": "number", "UserId": "AIDA2", "Path": "/", "Arn": "arn:aws:iam::123456789012:user/number",
         "UserPolicyList": [{"PolicyName": "p", "PolicyDocument": {"Statement": 5}}]},
        {"UserName": "escaped", "UserId": "AIDA3", "Path": "/", "Arn": "arn:aws:iam::123456789012:user/escaped",
         "UserPolicyList": [{"PolicyName": "p", "PolicyDocument":
            {"Statement": {"\u0041ction": "dynamodb:Get\u0049tem", "Effect": "Allow", "Resource": "*",
                           "Condition": {"StringEquals": {"Action": "sns:Publish"}}}}}]}],
        "GroupDetailList": [], "RoleDetailList": [], "Policies": []})");
    QVERIFY(account);
    const AccountIndex index(*account);
    QCOMPARE(index.size(), size_t(3));
    QCOMPARE(names(*account, index, "sqs:SendMessage"), std::vector<std::string>({ "user:odd" }));
    QCOMPARE(names(*account, index, "number"), std::vector<std::string>({ "user:number" }));
    QCOMPARE(names(*account, index, "dynamodb:GetItem"),
            std::vector<std::string>({ "user:escaped" }));
    QVERIFY(names(*account, index, "sns:Publish").empty()); // a condition key, no action
}

void tst_AccountIndex::anEmptyIndex()
{
    const AccountIndex index;
    QCOMPARE(index.size(), size_t(0));
    QVERIFY(index.query("alice").empty());
    QVERIFY(index.query("s3:GetObject").empty());
}

QTEST_APPLESS_MAIN(tst_AccountIndex)
#include "tst_accountindex.moc"
