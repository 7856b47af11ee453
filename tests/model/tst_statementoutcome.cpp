#include "model/actioncatalog.h"
#include "model/statementoutcome.h"
#include "tests/model/demorequests.h"

#include <QTest>

#include <algorithm>

// The verdict and reason of every statement of a simulation (statementoutcome.h), on the demo
// account's lessons: what the editor's highlighting and the "Decided by" list show.

using iamx::StatementOutcome;
using iamx::StatementVerdict;

Q_DECLARE_METATYPE(iamx::StatementVerdict)

namespace {

const StatementOutcome *find(const std::vector<StatementOutcome> &outcomes,
        const std::string &policy, const std::string &sid)
{
    const auto found = std::find_if(outcomes.begin(), outcomes.end(),
            [&](const auto &o) { return o.policyName == policy && o.sid == sid; });
    return found == outcomes.end() ? nullptr : &*found;
}

} // namespace

class tst_StatementOutcome : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void verdictAndReason_data();
    void verdictAndReason();
    void everyStatementOfEveryLayerIsListed();
    void outcomesNameTheirDocument();
};

void tst_StatementOutcome::initTestCase()
{
    QVERIFY(demo::account().diagnostics().empty());
    QVERIFY(!demo::account().users().empty());
}

void tst_StatementOutcome::verdictAndReason_data()
{
    QTest::addColumn<std::string>("principal");
    QTest::addColumn<std::string>("action");
    QTest::addColumn<std::string>("resource");
    QTest::addColumn<iamx::ContextOverrides>("context");
    QTest::addColumn<std::string>("policy");
    QTest::addColumn<std::string>("sid");
    QTest::addColumn<StatementVerdict>("verdict");
    QTest::addColumn<bool>("decisive");
    QTest::addColumn<std::string>("reason");

    const std::string q1 = "arn:aws:s3:::acme-reports/reports/2025/q1-sales.csv";
    const std::string payroll = "arn:aws:s3:::acme-reports/finance/2025/payroll-05.csv";
    QTest::newRow("granted") << std::string("carol") << std::string("s3:GetObject") << q1
                             << iamx::ContextOverrides {} << std::string("ReportsReadOnly")
                             << std::string("ReadReports") << StatementVerdict::Granted << true
                             << std::string("Allows the request");
    QTest::newRow("resource not matched")
            << std::string("carol") << std::string("s3:GetObject") << payroll
            << iamx::ContextOverrides {} << std::string("ReportsReadOnly")
            << std::string("ReadReports") << StatementVerdict::NotApplied << false
            << "Resource `" + payroll + "` is not matched by `arn:aws:s3:::acme-reports/reports/*`";
    QTest::newRow("action not matched")
            << std::string("carol") << std::string("s3:GetObject") << q1
            << iamx::ContextOverrides {} << std::string("ReportsReadOnly")
            << std::string("ListReports") << StatementVerdict::NotApplied << false
            << std::string("Action `s3:GetObject` is not matched by `s3:ListBucket`");
    QTest::newRow("policy variable filled in")
            << std::string("alice") << std::string("s3:PutObject")
            << std::string("arn:aws:s3:::acme-reports/home/bob/notes.txt")
            << iamx::ContextOverrides {} << std::string("S3HomeFolder")
            << std::string("OwnHomeFolder") << StatementVerdict::NotApplied << false
            << std::string("Resource `arn:aws:s3:::acme-reports/home/bob/notes.txt` is not "
                           "matched by `arn:aws:s3:::acme-reports/home/alice/*`");
    QTest::newRow("condition not equal")
            << std::string("alice") << std::string("ec2:StopInstances")
            << std::string("arn:aws:ec2:eu-west-1:111122223333:instance/i-0f9e8d7c6b5a40312")
            << iamx::ContextOverrides {} << std::string("EC2StartStopOwnTeam")
            << std::string("StartStopOwnTeamInstances") << StatementVerdict::NotApplied << false
            << std::string("Condition `aws:ResourceTag/team` `red` does not equal `blue`");
    QTest::newRow("negated operator false")
            << std::string("dave") << std::string("s3:GetObject") << payroll
            << iamx::ContextOverrides { { "aws:SourceIp", "198.51.100.23" } }
            << std::string("DenyOutsideOfficeNetwork") << std::string("DenyOutsideOffice")
            << StatementVerdict::NotApplied << false
            << std::string("Condition `aws:SourceIp` `198.51.100.23` is in `198.51.100.0/24` or "
                           "`203.0.113.0/24`");
    QTest::newRow("deny matched") << std::string("dave") << std::string("s3:GetObject") << payroll
                                  << iamx::ContextOverrides { { "aws:SourceIp", "192.0.2.44" } }
                                  << std::string("DenyOutsideOfficeNetwork")
                                  << std::string("DenyOutsideOffice") << StatementVerdict::Denied
                                  << true
                                  << std::string("Denies the request (`*` covers every action)");
    QTest::newRow("allow overridden by deny")
            << std::string("dave") << std::string("s3:GetObject") << payroll
            << iamx::ContextOverrides { { "aws:SourceIp", "192.0.2.44" } }
            << std::string("FinanceReports") << std::string("ReadWriteFinance")
            << StatementVerdict::Overridden << false
            << std::string("Allowed, but a Deny in DenyOutsideOffice wins");
    QTest::newRow("absent key")
            << std::string("arn:aws:iam::444455556666:user/judy") << std::string("sts:AssumeRole")
            << std::string("arn:aws:iam::111122223333:role/AuditorRole")
            << iamx::ContextOverrides {} << std::string("trust policy of AuditorRole")
            << std::string("AuditFirmWithExternalId") << StatementVerdict::NotApplied << false
            << std::string("Key `sts:ExternalId` is absent, so `StringEquals` is false");
    QTest::newRow("allow overridden by the boundary")
            << std::string("UserAdminRole") << std::string("iam:CreateUser")
            << std::string("arn:aws:iam::111122223333:user/ivan") << iamx::ContextOverrides {}
            << std::string("IAMFullAccess") << std::string() << StatementVerdict::Overridden
            << false
            << "Allowed, but the request is denied: outside the permissions boundary (`iam:*` "
               "covers "
                    + std::to_string(iamx::ActionCatalog::instance().expandActions("iam:*").size())
                    + " actions)";
    QTest::newRow("principal not named")
            << std::string("erin") << std::string("s3:GetObject")
            << std::string("arn:aws:s3:::acme-reports/reports/published/2024-annual-report.pdf")
            << iamx::ContextOverrides {}
            << std::string("bucket policy of arn:aws:s3:::acme-reports")
            << std::string("GraceReadsPublishedReports") << StatementVerdict::NotApplied << false
            << std::string("Principal `arn:aws:iam::111122223333:user/erin` is not named by "
                           "`arn:aws:iam::111122223333:user/grace`");
}

void tst_StatementOutcome::verdictAndReason()
{
    QFETCH(std::string, principal);
    QFETCH(std::string, action);
    QFETCH(std::string, resource);
    QFETCH(iamx::ContextOverrides, context);
    QFETCH(std::string, policy);
    QFETCH(std::string, sid);
    QFETCH(StatementVerdict, verdict);
    QFETCH(bool, decisive);
    QFETCH(std::string, reason);

    const auto asked = demo::ask(principal, action, resource, context);
    QVERIFY(asked);
    const auto outcomes = iamx::statementOutcomes(asked->request, asked->explanation);
    const StatementOutcome *outcome = find(outcomes, policy, sid);
    QVERIFY2(outcome, (policy + " " + sid).c_str());
    QCOMPARE(QString::fromStdString(outcome->reason), QString::fromStdString(reason));
    QCOMPARE(outcome->verdict, verdict);
    QCOMPARE(outcome->decisive, decisive);
}

void tst_StatementOutcome::everyStatementOfEveryLayerIsListed()
{
    // erin deleting the audit-log bucket: her identity policies, the bucket policy, the SCPs
    // of three levels and the RCP all weigh on it.
    const auto asked = demo::ask("erin", "s3:DeleteBucket", "arn:aws:s3:::acme-audit-logs");
    QVERIFY(asked);
    size_t statements = 0;
    for (const auto &layer : asked->explanation.layers)
        statements += layer.statements.size();
    const auto outcomes = iamx::statementOutcomes(asked->request, asked->explanation);
    QCOMPARE(outcomes.size(), statements);
    const auto denied = std::count_if(outcomes.begin(), outcomes.end(),
            [](const auto &o) { return o.verdict == StatementVerdict::Denied; });
    QCOMPARE(denied, 1);
    const StatementOutcome *deny = find(
            outcomes, "bucket policy of arn:aws:s3:::acme-audit-logs", "DenyDeletingAuditLogs");
    QVERIFY(deny);
    QVERIFY(deny->decisive);
    QCOMPARE(deny->statement, 2U);
    QCOMPARE(deny->pointer, std::string("/Statement/2"));
    QCOMPARE(deny->via, std::string("bucket policy"));
    // AdministratorAccess matched, but lost to the bucket policy's Deny.
    const StatementOutcome *admin = find(outcomes, "AdministratorAccess", "");
    QVERIFY(admin);
    QCOMPARE(admin->verdict, StatementVerdict::Overridden);
    // What the administrator's `*` stands for is said too (issue #5, "Expansion").
    QCOMPARE(admin->reason,
            std::string("Allowed, but a Deny in DenyDeletingAuditLogs wins (`*` covers every "
                        "action)"));
}

void tst_StatementOutcome::outcomesNameTheirDocument()
{
    const auto asked = demo::ask("alice", "s3:GetObject",
            "arn:aws:s3:::acme-reports/reports/2025/q1-sales.csv", {},
            R"({"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*",
                "Resource": "*"}})");
    QVERIFY(asked);
    const auto outcomes = iamx::statementOutcomes(asked->request, asked->explanation);
    const StatementOutcome *readOnly = find(outcomes, "AmazonS3ReadOnlyAccess", "");
    QVERIFY(readOnly);
    QCOMPARE(readOnly->via, std::string("group Developers"));
    QCOMPARE(readOnly->document.kind, iamx::DocumentKey::Kind::Managed);
    QCOMPARE(readOnly->document.owner,
            std::string("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
    QCOMPARE(readOnly->verdict, StatementVerdict::Granted);
    QVERIFY(readOnly->decisive);
    // A session policy is no document of the account.
    const StatementOutcome *session = find(outcomes, "session policy", "");
    QVERIFY(session);
    QVERIFY(session->document.isNone());
    QCOMPARE(session->pointer, std::string("/Statement"));
    QCOMPARE(session->verdict, StatementVerdict::Granted);
}

QTEST_APPLESS_MAIN(tst_StatementOutcome)
#include "tst_statementoutcome.moc"
