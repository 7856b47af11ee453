#include "resources/demoaccount.h"

#include "model/accountio.h"
#include "model/effective.h"
#include "model/resolver.h"
#include "model/whocan.h"

#include <QTest>

#include <algorithm>

// The account's back-links and the questions asked of it, on the built-in demo account
// (resources/demo/README.md names its cast).

namespace {

const iamx::Instant march2026 { 1'772'366'400, 0 }; // 2026-03-01T12:00:00Z

std::vector<std::string> sorted(std::vector<std::string> values)
{
    std::sort(values.begin(), values.end());
    return values;
}

} // namespace

class tst_AccountQuestions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void backLinks();
    void wrongTypesAreKeptAndFlagged();
    void trustPoliciesAdmit_data();
    void trustPoliciesAdmit();
    void whoCanListsAllowedAndConditional();
    void effectiveGroupsByService();

private:
    std::optional<iamx::Account> m_account;
};

void tst_AccountQuestions::initTestCase()
{
    auto loaded =
            iamx::loadAccount({ { "demo", std::string(iamx::resources::demoAccountText()) } });
    QVERIFY(loaded.value);
    m_account = std::move(loaded.value);
    QVERIFY(m_account->diagnostics().empty());
}

void tst_AccountQuestions::backLinks()
{
    const iamx::Account &account = *m_account;
    const iamx::Group *developers = account.findGroup("developers"); // names ignore case
    QVERIFY(developers);
    std::vector<std::string> members;
    for (const iamx::User *user : account.membersOf(*developers))
        members.push_back(user->name);
    QCOMPARE(sorted(members), (std::vector<std::string> { "alice", "bob" }));

    const iamx::ManagedPolicy *changePassword =
            account.findPolicy("arn:aws:iam::aws:policy/IAMUserChangePassword");
    QVERIFY(changePassword);
    std::vector<std::string> attachedTo;
    for (const auto &attachment : account.attachmentsOf(*changePassword))
        attachedTo.push_back(attachment.arn);
    QCOMPARE(sorted(attachedTo),
            (std::vector<std::string> { "arn:aws:iam::111122223333:group/DataAnalysts",
                    "arn:aws:iam::111122223333:group/Developers",
                    "arn:aws:iam::111122223333:group/Finance",
                    "arn:aws:iam::111122223333:user/frank" }));

    QCOMPARE(account.kindOfId(developers->id), std::string_view("group"));
    // Lookups by unique id, as by name and ARN.
    QCOMPARE(account.findGroup(developers->id), developers);
    const iamx::User *alice = account.findUser("arn:aws:iam::111122223333:user/alice");
    QVERIFY(alice);
    QCOMPARE(account.findUser(alice->id), alice);
    QCOMPARE(account.findUser("ALICE"), alice);
    QCOMPARE(account.findPolicy(changePassword->id), changePassword);
    QCOMPARE(account.kindOfId("AIDANOSUCHUSER000000"), std::string_view());
}

void tst_AccountQuestions::wrongTypesAreKeptAndFlagged()
{
    // A field of the wrong type keeps its entity, flagged, with the place of the problem.
    const std::string text = R"({"UserDetailList": [
  {"UserName": "alice", "Arn": "arn:aws:iam::111122223333:user/alice", "UserId": 42},
  {"UserName": "bob", "Arn": "arn:aws:iam::111122223333:user/bob"}
]})";
    const auto loaded = iamx::loadAccount({ { "flagged.json", text } });
    QVERIFY(loaded.value);
    QCOMPARE(loaded.value->users().size(), size_t(2));
    QVERIFY(loaded.value->findUser("alice")->flagged);
    QVERIFY(!loaded.value->findUser("bob")->flagged);
    QCOMPARE(loaded.diagnostics.size(), size_t(1));
    const iamx::Diagnostic &d = loaded.diagnostics.front();
    QCOMPARE(d.code, std::string("INVALID_ACCOUNT_FIELD"));
    QCOMPARE(d.pointer, std::string("/UserDetailList/0/UserId"));
    QCOMPARE(d.where.line, 2);
    QCOMPARE(d.where.column, 82); // at the 42

    // A field given twice: the first is used, the entity flagged at the second.
    const auto twice = iamx::loadAccount({ { "twice.json",
            R"({"UserDetailList": [{"UserName": "a", "Arn": "arn:aws:iam::111122223333:user/a", "UserName": "b"}]})" } });
    QVERIFY(twice.value);
    QVERIFY(twice.value->findUser("a"));
    QVERIFY(twice.value->findUser("a")->flagged);
    QVERIFY(!twice.value->findUser("b"));
    QCOMPARE(twice.diagnostics.size(), size_t(1));
    QCOMPARE(twice.diagnostics.front().pointer, std::string("/UserDetailList/0/UserName"));
    QCOMPARE(twice.diagnostics.front().where.column, 94);
}

void tst_AccountQuestions::trustPoliciesAdmit_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QStringList>("admitted");
    QTest::newRow("service") << u"AppServerRole"_qs << QStringList { u"ec2.amazonaws.com"_qs };
    QTest::newRow("other account")
            << u"AuditorRole"_qs << QStringList { u"arn:aws:iam::444455556666:root"_qs };
    QTest::newRow("one user") << u"UserAdminRole"_qs
                              << QStringList { u"arn:aws:iam::111122223333:user/frank"_qs };
    QTest::newRow("web identity")
            << u"CIDeployRole"_qs
            << QStringList {
                   u"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"_qs
               };
}

void tst_AccountQuestions::trustPoliciesAdmit()
{
    QFETCH(QString, role);
    QFETCH(QStringList, admitted);
    const iamx::Resolver resolver(*m_account);
    const iamx::Role *found = m_account->findRole(role.toStdString());
    QVERIFY(found);
    QStringList actual;
    for (const auto &principal : resolver.admittedBy(*found))
        actual << QString::fromStdString(principal);
    QCOMPARE(actual, admitted);
}

void tst_AccountQuestions::whoCanListsAllowedAndConditional()
{
    const iamx::Resolver resolver(*m_account);
    // An instance that is not listed has no aws:ResourceTag/team: the Developers may stop
    // only their team's instances, so they are conditional on that key.
    const auto result = iamx::whoCan(resolver, *m_account, "ec2:StopInstances",
            "arn:aws:ec2:eu-west-1:111122223333:instance/i-unlisted", {}, march2026);
    QCOMPARE(result.principalsConsidered, size_t(15));
    std::vector<std::string> allowed;
    for (const auto &a : result.allowed)
        allowed.push_back(a.principal);
    QVERIFY(std::find(allowed.begin(), allowed.end(), "arn:aws:iam::111122223333:user/erin")
            != allowed.end());
    std::vector<std::string> conditional;
    for (const auto &c : result.conditional) {
        conditional.push_back(c.principal);
        QCOMPARE(c.keys, (std::vector<std::string> { "aws:ResourceTag/team" }));
        QCOMPARE(c.decisive.at(0).origin.via, std::string("group Developers"));
    }
    QCOMPARE(sorted(conditional),
            (std::vector<std::string> { "arn:aws:iam::111122223333:user/alice",
                    "arn:aws:iam::111122223333:user/bob" }));

    // Giving the key decides it: with team=blue, alice (blue) is allowed and bob (red) not.
    const auto blue = iamx::whoCan(resolver, *m_account, "ec2:StopInstances",
            "arn:aws:ec2:eu-west-1:111122223333:instance/i-unlisted",
            { { "aws:ResourceTag/team", "blue" } }, march2026);
    QVERIFY(blue.conditional.empty());
    allowed.clear();
    for (const auto &a : blue.allowed)
        allowed.push_back(a.principal);
    QVERIFY(std::find(allowed.begin(), allowed.end(), "arn:aws:iam::111122223333:user/alice")
            != allowed.end());
    QVERIFY(std::find(allowed.begin(), allowed.end(), "arn:aws:iam::111122223333:user/bob")
            == allowed.end());
}

void tst_AccountQuestions::effectiveGroupsByService()
{
    const iamx::Resolver resolver(*m_account);
    std::string error;
    const auto alice = resolver.findPrincipal("Alice", {}, error);
    QVERIFY2(alice, error.c_str());
    const auto effective = iamx::effectivePermissions(resolver, *alice, march2026);
    QCOMPARE(effective.principal, std::string("arn:aws:iam::111122223333:user/alice"));
    QVERIFY(effective.services.count("s3"));
    QVERIFY(effective.services.count("ec2"));
    const auto &s3 = effective.services.at("s3").allow;
    QVERIFY(std::any_of(s3.begin(), s3.end(), [](const iamx::EffectiveEntry &e) {
        return e.action == "s3:Get*" && e.origin.via == "group Developers";
    }));
    // The SCP's region Deny is a NotAction statement: one entry under every service.
    const auto &everything = effective.services.at("*").deny;
    QVERIFY(std::any_of(everything.begin(), everything.end(), [](const iamx::EffectiveEntry &e) {
        return !e.except.empty() && e.origin.via.starts_with("SCP");
    }));
}

QTEST_APPLESS_MAIN(tst_AccountQuestions)
#include "tst_accountquestions.moc"
