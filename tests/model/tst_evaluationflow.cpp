#include "model/evaluationflow.h"
#include "tests/model/demorequests.h"

#include <QTest>

// The evaluation flow of a simulation (evaluationflow.h): the seven steps with their verdicts,
// the first failure and the badge's words, on the demo account's lessons and on an account
// whose SCP leaves an action out.

using namespace Qt::StringLiterals;

using iamx::EvaluationFlow;
using iamx::StepVerdict;

namespace {

// The verdicts of the seven steps as a word: P passed, F failed, - not applicable.
std::string verdicts(const EvaluationFlow &flow)
{
    std::string out;
    for (const auto &step : flow.steps)
        out += step.verdict == StepVerdict::Passed    ? 'P'
                : step.verdict == StepVerdict::Failed ? 'F'
                                                      : '-';
    return out;
}

const std::string readOnlySession = R"({"Version": "2012-10-17", "Statement": [{"Sid":
    "ReadOnly", "Effect": "Allow", "Action": ["lambda:Get*", "lambda:List*"], "Resource": "*"}]})";

// A member account whose Sandbox OU allows only S3: everything else lacks an SCP Allow there.
const char *const sandboxAccount = R"({
  "UserDetailList": [
    {"UserName": "pat", "UserId": "AIDAQEXAMPLEPAT000001", "Path": "/",
     "Arn": "arn:aws:iam::111122223333:user/pat",
     "UserPolicyList": [{"PolicyName": "Everything", "PolicyDocument": {"Version": "2012-10-17",
       "Statement": {"Sid": "All", "Effect": "Allow", "Action": "*", "Resource": "*"}}}]}],
  "GroupDetailList": [], "RoleDetailList": [], "Policies": [],
  "IamExplorer": {"formatVersion": 1, "accountId": "111122223333",
    "organization": {"id": "o-a1b2c3d4e5", "managementAccountId": "999988887777", "levels": [
      {"id": "r-a1b2", "name": "Root", "scps": [{"name": "FullAWSAccess", "document":
        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*",
         "Resource": "*"}}}]},
      {"id": "ou-a1b2-sandbox1", "name": "Sandbox", "scps": [{"name": "OnlyS3", "document":
        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*",
         "Resource": "*"}}}]}]}}
})";

} // namespace

class tst_EvaluationFlow : public QObject
{
    Q_OBJECT

private slots:
    void stepsAndBadge_data();
    void stepsAndBadge();
    void explicitDenyNamesTheStatement();
    void scpLevelWithoutAllowBlocks();
    void namesAndTitles();
};

void tst_EvaluationFlow::stepsAndBadge_data()
{
    QTest::addColumn<std::string>("principal");
    QTest::addColumn<std::string>("action");
    QTest::addColumn<std::string>("resource");
    QTest::addColumn<std::string>("sessionPolicy");
    QTest::addColumn<std::string>("verdicts"); // Deny RCP SCP Resource Identity Boundary Session
    QTest::addColumn<int>("firstFailure");
    QTest::addColumn<std::string>("badge");

    const std::string q1 = "arn:aws:s3:::acme-reports/reports/2025/q1-sales.csv";
    const std::string none;
    QTest::newRow("L02 allowed through a group")
            << std::string("alice") << std::string("s3:GetObject") << q1 << none
            << std::string("PPP-P--") << -1 << std::string("Allowed");
    QTest::newRow("L01 nothing allows")
            << std::string("heidi") << std::string("s3:GetObject") << q1 << none
            << std::string("PPP-F--") << 4
            << std::string("Denied implicitly — no identity policy allows");
    QTest::newRow("L03 explicit deny in the bucket policy")
            << std::string("erin") << std::string("s3:DeleteBucket")
            << std::string("arn:aws:s3:::acme-audit-logs") << none << std::string("FPPFP--") << 0
            << std::string("Denied — explicit deny");
    QTest::newRow("L09 the trust policy does not name the caller")
            << std::string("erin") << std::string("sts:AssumeRole")
            << std::string("arn:aws:iam::111122223333:role/AppServerRole") << none
            << std::string("PPPFP--") << 3
            << std::string("Denied implicitly — the trust policy does not allow the caller");
    QTest::newRow("L11 the bucket policy grants the caller")
            << std::string("grace") << std::string("s3:GetObject")
            << std::string("arn:aws:s3:::acme-reports/reports/published/2024-annual-report.pdf")
            << none << std::string("PPPP-P-") << -1 << std::string("Allowed");
    QTest::newRow("L13 outside the boundary")
            << std::string("UserAdminRole") << std::string("iam:CreateUser")
            << std::string("arn:aws:iam::111122223333:user/ivan") << none << std::string("PPP-PF-")
            << 5 << std::string("Denied implicitly — outside the permissions boundary");
    QTest::newRow("L14 outside the session policy")
            << std::string("CIDeployRole") << std::string("lambda:UpdateFunctionCode")
            << std::string("arn:aws:lambda:eu-west-1:111122223333:function:report-generator")
            << readOnlySession << std::string("PPP-P-F") << 6
            << std::string("Denied implicitly — outside the session policy");
    QTest::newRow("L15 explicit deny in an SCP")
            << std::string("erin") << std::string("ec2:RunInstances")
            << std::string("arn:aws:ec2:ap-southeast-2:111122223333:instance/*") << none
            << std::string("FPF-P--") << 0 << std::string("Denied — explicit deny");
    QTest::newRow("L16 root needs no identity policy")
            << std::string("root") << std::string("s3:GetObject")
            << std::string("arn:aws:s3:::acme-reports/finance/2025/payroll-05.csv") << none
            << std::string("PPP-P--") << -1 << std::string("Allowed");
    QTest::newRow("L16 root cannot assume roles")
            << std::string("root") << std::string("sts:AssumeRole")
            << std::string("arn:aws:iam::111122223333:role/BreakGlassRole") << none
            << std::string("PPP-F--") << 4
            << std::string("Denied implicitly — the root user cannot assume roles");
    QTest::newRow("L09 a service principal has no identity side")
            << std::string("ec2.amazonaws.com") << std::string("sts:AssumeRole")
            << std::string("arn:aws:iam::111122223333:role/AppServerRole") << none
            << std::string("PP-P---") << -1 << std::string("Allowed");
    QTest::newRow("L18 GetCallerIdentity")
            << std::string("oscar") << std::string("sts:GetCallerIdentity") << std::string("*")
            << none << std::string("P------") << -1 << std::string("Allowed");
}

void tst_EvaluationFlow::stepsAndBadge()
{
    QFETCH(std::string, principal);
    QFETCH(std::string, action);
    QFETCH(std::string, resource);
    QFETCH(std::string, sessionPolicy);
    QFETCH(std::string, verdicts);
    QFETCH(int, firstFailure);
    QFETCH(std::string, badge);

    const auto asked = demo::ask(principal, action, resource, {}, sessionPolicy);
    QVERIFY(asked);
    const EvaluationFlow flow = iamx::evaluationFlow(asked->request, asked->explanation);
    QCOMPARE(QString::fromStdString(::verdicts(flow)), QString::fromStdString(verdicts));
    QCOMPARE(flow.firstFailure, firstFailure);
    QCOMPARE(QString::fromStdString(flow.badge), QString::fromStdString(badge));
    QCOMPARE(flow.badge, iamx::decisionBadge(asked->request, asked->explanation));
    for (size_t i = 0; i < flow.steps.size(); ++i) {
        QCOMPARE(flow.steps[i].step, static_cast<iamx::FlowStep>(i));
        QVERIFY2(!flow.steps[i].why.empty(), iamx::flowStepTitle(flow.steps[i].step).data());
    }
}

void tst_EvaluationFlow::explicitDenyNamesTheStatement()
{
    const auto asked = demo::ask("erin", "s3:DeleteBucket", "arn:aws:s3:::acme-audit-logs");
    QVERIFY(asked);
    const EvaluationFlow flow = iamx::evaluationFlow(asked->request, asked->explanation);
    QCOMPARE(QString::fromStdString(flow.steps[0].why),
            u"Denied by DenyDeletingAuditLogs in bucket policy of arn:aws:s3:::acme-audit-logs "
            "(bucket policy)"_s);
    QCOMPARE(QString::fromStdString(flow.steps[4].why),
            u"Statement 0 in AdministratorAccess allows it"_s);
}

void tst_EvaluationFlow::scpLevelWithoutAllowBlocks()
{
    auto loaded = iamx::loadAccount({ { "sandbox", sandboxAccount } });
    QVERIFY(loaded.value);
    const iamx::Account &account = *loaded.value;
    const iamx::Resolver resolver(account);
    std::string error;
    const auto pat = resolver.findPrincipal("pat", {}, error);
    QVERIFY2(pat, error.c_str());
    const auto ask = [&](const std::string &action) {
        const auto request = resolver.resolve(*pat, action,
                "arn:aws:ec2:eu-west-1:111122223333:instance/i-1", {}, demo::march2026);
        return iamx::evaluationFlow(request, iamx::explain(request.policies, request.request));
    };
    const EvaluationFlow blocked = ask("ec2:RunInstances");
    QCOMPARE(QString::fromStdString(blocked.badge),
            u"Denied implicitly — blocked by SCP at Sandbox"_s);
    QCOMPARE(blocked.firstFailure, 2);
    QCOMPARE(QString::fromStdString(verdicts(blocked)), u"P-F-P--"_s);
    QCOMPARE(QString::fromStdString(blocked.steps[2].why), u"No SCP at Sandbox allows it"_s);
    const EvaluationFlow s3 = ask("s3:GetObject");
    QCOMPARE(s3.badge, std::string("Allowed"));
    QCOMPARE(s3.steps[2].verdict, StepVerdict::Passed);
}

void tst_EvaluationFlow::namesAndTitles()
{
    QCOMPARE(iamx::flowStepTitle(iamx::FlowStep::ExplicitDeny), std::string_view("Deny"));
    QCOMPARE(
            iamx::flowStepTitle(iamx::FlowStep::PermissionsBoundary), std::string_view("Boundary"));
    QCOMPARE(iamx::flowStepName(iamx::FlowStep::Scp), std::string_view("service control policies"));
}

QTEST_APPLESS_MAIN(tst_EvaluationFlow)
#include "tst_evaluationflow.moc"
