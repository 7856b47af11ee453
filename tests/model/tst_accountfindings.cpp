#include "resources/demoaccount.h"

#include "model/accountfindings.h"
#include "model/accountio.h"
#include "tests/support/testsupport.h"

#include <QTest>

#include <string>

// The checks only the whole account allows (validation-checks.md §f), and every document of an
// account validated at its place in the file.

using namespace std::string_literals;

namespace {

// Line numbers matter below: each entity starts on a line of its own.
const char flawedAccount[] = R"({"UserDetailList": [
  {"UserName": "ann", "UserId": "AIDAANN", "Path": "/",
   "Arn": "arn:aws:iam::111122223333:user/ann", "GroupList": [], "AttachedManagedPolicies": [],
   "UserPolicyList": [{"PolicyName": "Read",
     "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
       "Action": "s3:GetObjekt", "Resource": "*"}]}}]},
  {"UserName": "ben", "UserId": "AIDABEN", "Path": "/",
   "Arn": "arn:aws:iam::111122223333:user/ben", "GroupList": [], "AttachedManagedPolicies": [],
   "UserPolicyList": [{"PolicyName": "AlsoRead",
     "PolicyDocument": {"Version": "2012-10-17",   "Statement": [{"Effect": "Allow",
       "Action": "s3:GetObjekt",  "Resource": "*"}]}}]}],
 "GroupDetailList": [],
 "RoleDetailList": [
  {"RoleName": "ci", "RoleId": "AROACI", "Path": "/",
   "Arn": "arn:aws:iam::111122223333:role/ci",
   "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
     "Principal": {"AWS": ["arn:aws:iam::111122223333:role/gone", "AROAOLDDELETEDROLE",
       "arn:aws:iam::111122223333:user/ann", "arn:aws:iam::444455556666:root"]},
     "Action": "sts:AssumeRole"}]},
   "RolePolicyList": [], "AttachedManagedPolicies": []}],
 "Policies": [
  {"PolicyName": "Orphan", "PolicyId": "ANPAORPHAN", "Arn": "arn:aws:iam::111122223333:policy/Orphan",
   "Path": "/", "DefaultVersionId": "v1", "AttachmentCount": 0, "IsAttachable": true,
   "PolicyVersionList": [{"VersionId": "v1", "IsDefaultVersion": true,
     "Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket",
       "Resource": "arn:aws:s3:::reports"}]}}]}]})";

iamx::Account load(const std::string &text)
{
    auto parsed = iamx::loadAccount({ { "flawed.json", text } });
    return parsed.value ? std::move(*parsed.value) : iamx::Account();
}

const iamx::Diagnostic *find(
        const std::vector<iamx::Diagnostic> &findings, std::string_view code, int occurrence = 0)
{
    for (const auto &d : findings)
        if (d.code == code && occurrence-- == 0)
            return &d;
    return nullptr;
}

} // namespace

class tst_AccountFindings : public QObject
{
    Q_OBJECT

private slots:
    void unusedPoliciesUnknownPrincipalsAndDuplicates();
    void documentsAreValidatedInPlace();
    void theDemoAccountIsCleanButForItsLesson();
    void statementsThatNeverTakeEffect();
    void statementsThatMayTakeEffectAreLeftAlone();
    void boundariesThatDoNotCapEscalation();
    void resourcePoliciesNamingMissingPrincipals();
    void largeAccountsSkipTheWeighingChecks();
    void inlinePoliciesAgainstTheAggregateQuota();
};

void tst_AccountFindings::unusedPoliciesUnknownPrincipalsAndDuplicates()
{
    const iamx::Account account = load(flawedAccount);
    QCOMPARE(account.users().size(), size_t(2));
    const auto findings = iamx::accountFindings(account);

    const auto *unused = find(findings, "UNUSED_MANAGED_POLICY");
    QVERIFY(unused);
    QCOMPARE(unused->severity, iamx::Severity::Suggestion);
    QCOMPARE(unused->pointer, "/Policies/0"s);
    QCOMPARE(unused->where.file, "flawed.json"s);
    QCOMPARE(unused->where.line, 22);
    QVERIFY(unused->message.find("Orphan") != std::string::npos);

    // The missing role and the unique id of a deleted one; not ann (she exists), not another
    // account's root.
    const auto *gone = find(findings, "TRUST_POLICY_UNKNOWN_PRINCIPAL", 0);
    const auto *deleted = find(findings, "TRUST_POLICY_UNKNOWN_PRINCIPAL", 1);
    QVERIFY(gone && deleted);
    QVERIFY(!find(findings, "TRUST_POLICY_UNKNOWN_PRINCIPAL", 2));
    QVERIFY(gone->message.find("role/gone") != std::string::npos);
    QVERIFY(deleted->message.find("AROAOLDDELETEDROLE") != std::string::npos);
    QCOMPARE(gone->pointer, "/RoleDetailList/0/AssumeRolePolicyDocument"s);
    QCOMPARE(gone->where.line, 16);
    QCOMPARE(gone->severity, iamx::Severity::Warning);

    // ann's and ben's inline policies differ only in whitespace.
    const auto *duplicate = find(findings, "DUPLICATE_INLINE_POLICY");
    QVERIFY(duplicate);
    QVERIFY(duplicate->message.find("user ann (inline Read)") != std::string::npos);
    QVERIFY(duplicate->message.find("user ben (inline AlsoRead)") != std::string::npos);
    QCOMPARE(duplicate->pointer, "/UserDetailList/0/UserPolicyList/0"s);
    QCOMPARE(duplicate->where.line, 5);
}

void tst_AccountFindings::documentsAreValidatedInPlace()
{
    const iamx::Account account = load(flawedAccount);
    const auto findings = iamx::validateAccountDocuments(account);
    // The misspelt action of ann's inline policy, at its place in the account file.
    const auto *unknown = find(findings, "INVALID_ACTION");
    QVERIFY2(unknown, findings.empty() ? "none" : findings.front().code.c_str());
    QCOMPARE(unknown->where.file, "flawed.json"s);
    QCOMPARE(unknown->where.line, 6);
    QCOMPARE(unknown->where.column, 18); // the opening quote of "s3:GetObjekt"
    QCOMPARE(unknown->pointer,
            "/UserDetailList/0/UserPolicyList/0/PolicyDocument/Statement/0/Action"s);
    QVERIFY(unknown->message.starts_with("Read of ann: "));
    // ben's too, on his own line.
    const auto *second = find(findings, "INVALID_ACTION", 1);
    QVERIFY(second);
    QCOMPARE(second->where.line, 11);
}

void tst_AccountFindings::theDemoAccountIsCleanButForItsLesson()
{
    const iamx::Account account = load(std::string(iamx::resources::demoAccountText()));
    QVERIFY(!account.users().empty());
    for (const auto &d : iamx::validateAccountDocuments(account))
        QVERIFY2(d.severity != iamx::Severity::Error, d.message.c_str());
    QVERIFY(iamx::accountFindings(account).empty());
}

namespace {

/// The finding of `code` whose pointer is `pointer`, or null.
const iamx::Diagnostic *findAt(const std::vector<iamx::Diagnostic> &findings, std::string_view code,
        std::string_view pointer)
{
    for (const auto &d : findings)
        if (d.code == code && d.pointer == pointer)
            return &d;
    return nullptr;
}

std::vector<iamx::Diagnostic> findingsOfFile(const char *name)
{
    const std::string text = iamx::test::readFile(iamx::test::testDataPath(name));
    auto parsed = iamx::loadAccount({ { name, text } });
    if (!parsed.value)
        qFatal("%s does not load", name);
    return iamx::accountFindings(*parsed.value);
}

} // namespace

void tst_AccountFindings::statementsThatNeverTakeEffect()
{
    // tests/data/accounts/unreachable-statements.json: user dev (tag team=dev, boundary
    // StorageOnly, group contractors), role builder, and an SCP Guardrails at the account.
    const auto findings = findingsOfFile("accounts/unreachable-statements.json");

    // The SCP denies ec2:Describe* outright: dev's inline Allow of it is dead.
    const auto *scp = findAt(findings, "SHADOWED_ALLOW_STATEMENT",
            "/UserDetailList/0/UserPolicyList/0/PolicyDocument/Statement/0");
    QVERIFY(scp);
    QCOMPARE(scp->severity, iamx::Severity::Warning);
    QCOMPARE(scp->where.line, 10);
    QVERIFY2(scp->message.find("SCP Guardrails at this account denies it (statement NoEc2Describe)")
                    != std::string::npos,
            scp->message.c_str());

    // The boundary allows no ec2:RunInstances: DevTools' LaunchInstances is dead for dev, the
    // only one it is attached to.
    const auto *boundary = findAt(findings, "SHADOWED_ALLOW_STATEMENT",
            "/Policies/0/PolicyVersionList/0/Document/Statement/1");
    QVERIFY(boundary);
    QCOMPARE(boundary->where.line, 51);
    QVERIFY2(boundary->message.find("permissions boundary StorageOnly allows none of it")
                    != std::string::npos,
            boundary->message.c_str());

    // Denies whose conditions on the principal rule out every member of the group: the tag
    // team=contractor (dev is tagged dev) and the type AssumedRole (members are users).
    const auto *tag = findAt(findings, "DENY_NEVER_MATCHES",
            "/GroupDetailList/0/GroupPolicyList/0/PolicyDocument/Statement/0");
    QVERIFY(tag);
    QCOMPARE(tag->where.line, 18);
    QVERIFY2(tag->message.find("aws:PrincipalTag/team is \"dev\"") != std::string::npos,
            tag->message.c_str());
    QVERIFY(findAt(findings, "DENY_NEVER_MATCHES",
            "/GroupDetailList/0/GroupPolicyList/0/PolicyDocument/Statement/2"));

    // ops's boundary denies iam:CreatePolicyVersion outright: Operate's Allow of it is dead.
    QVERIFY(findAt(findings, "SHADOWED_ALLOW_STATEMENT",
            "/RoleDetailList/1/RolePolicyList/0/PolicyDocument/Statement/0"));

    // An SCP Deny for a role the account does not have matches no principal, root included.
    const auto *gone = findAt(findings, "DENY_NEVER_MATCHES", "/Statement/1");
    QVERIFY(gone);
    QCOMPARE(gone->where.line, 81);
    // dev, builder, ops and the root user: the first three named.
    QVERIFY2(gone->message.find("role ops") != std::string::npos
                    && gone->message.find("and 1 more principal)") != std::string::npos,
            gone->message.c_str());

    int reach = 0;
    for (const auto &d : findings)
        reach += d.code == "SHADOWED_ALLOW_STATEMENT" || d.code == "DENY_NEVER_MATCHES";
    QCOMPARE(reach, 6);
}

void tst_AccountFindings::resourcePoliciesNamingMissingPrincipals()
{
    const auto findings = findingsOfFile("accounts/unreachable-statements.json");
    // The bucket policy names builder, who exists, and gone, who does not.
    const auto *gone = find(findings, "RESOURCE_POLICY_UNKNOWN_PRINCIPAL");
    QVERIFY(gone);
    QVERIFY(!find(findings, "RESOURCE_POLICY_UNKNOWN_PRINCIPAL", 1));
    QCOMPARE(gone->severity, iamx::Severity::Warning);
    QCOMPARE(gone->pointer, "/Statement/0/Principal"s);
    QCOMPARE(gone->where.line, 90);
    QVERIFY2(gone->message.find("role/gone") != std::string::npos, gone->message.c_str());
}

// The application leaves the checks that weigh every statement out above a number of
// principals, and says so; the rest stay.
void tst_AccountFindings::largeAccountsSkipTheWeighingChecks()
{
    const char *name = "accounts/unreachable-statements.json";
    auto parsed =
            iamx::loadAccount({ { name, iamx::test::readFile(iamx::test::testDataPath(name)) } });
    QVERIFY(parsed.value);
    const auto findings = iamx::accountFindings(*parsed.value, { .weighStatementsUpTo = 2 });
    const auto *skipped = find(findings, "ACCOUNT_CHECKS_SKIPPED");
    QVERIFY(skipped);
    QCOMPARE(skipped->severity, iamx::Severity::Suggestion);
    QVERIFY2(skipped->message.find("3 users and roles") != std::string::npos,
            skipped->message.c_str());
    QVERIFY(!find(findings, "SHADOWED_ALLOW_STATEMENT"));
    QVERIFY(!find(findings, "DENY_NEVER_MATCHES"));
    QVERIFY(!find(findings, "BOUNDARY_DOES_NOT_CAP_RISKY_PERMISSION"));
    QVERIFY(find(findings, "RESOURCE_POLICY_UNKNOWN_PRINCIPAL"));
    // At the limit, they are made.
    const auto all = iamx::accountFindings(*parsed.value, { .weighStatementsUpTo = 3 });
    QVERIFY(!find(all, "ACCOUNT_CHECKS_SKIPPED"));
    QVERIFY(find(all, "SHADOWED_ALLOW_STATEMENT"));
}

void tst_AccountFindings::boundariesThatDoNotCapEscalation()
{
    const auto findings = findingsOfFile("accounts/unreachable-statements.json");
    // OpsBoundary allows everything but iam:CreatePolicyVersion: ops's PassRole on every role
    // with ec2:RunInstances goes through it.
    const auto *ops = findAt(findings, "BOUNDARY_DOES_NOT_CAP_RISKY_PERMISSION", "/Policies/2");
    QVERIFY(ops);
    QCOMPARE(ops->severity, iamx::Severity::SecurityWarning);
    QCOMPARE(ops->where.line, 59);
    QVERIFY2(ops->message.find("for role ops, PassRoleToEC2") != std::string::npos,
            ops->message.c_str());
    // The path the boundary denies is not named.
    QVERIFY2(ops->message.find("CreatePolicyVersion") == std::string::npos, ops->message.c_str());
    // StorageOnly caps dev: nothing of DevTools or Inventory escalates through it.
    QVERIFY(!findAt(findings, "BOUNDARY_DOES_NOT_CAP_RISKY_PERMISSION", "/Policies/1"));
}

void tst_AccountFindings::statementsThatMayTakeEffectAreLeftAlone()
{
    const auto findings = findingsOfFile("accounts/unreachable-statements.json");
    const auto none = [&](std::string_view code, std::string_view pointer) {
        return findAt(findings, code, pointer) == nullptr;
    };
    const std::string devTools = "/Policies/0/PolicyVersionList/0/Document/Statement/";
    // s3:GetObject on *: the boundary allows it on arn:aws:s3:::*, part of *.
    QVERIFY(none("SHADOWED_ALLOW_STATEMENT", devTools + "0"));
    // sqs:*: the boundary allows it under a condition that may hold.
    QVERIFY(none("SHADOWED_ALLOW_STATEMENT", devTools + "2"));
    // s3:ListBucket on the bucket: inside the boundary.
    QVERIFY(none("SHADOWED_ALLOW_STATEMENT",
            "/UserDetailList/0/UserPolicyList/0/PolicyDocument/Statement/1"));
    // dev is tagged team=dev: this Deny applies to him.
    QVERIFY(none("DENY_NEVER_MATCHES",
            "/GroupDetailList/0/GroupPolicyList/0/PolicyDocument/Statement/1"));
    // A role's tags can be added to by session tags: not decided by the role alone.
    QVERIFY(none(
            "DENY_NEVER_MATCHES", "/RoleDetailList/0/RolePolicyList/0/PolicyDocument/Statement/0"));
    // The root user is an account principal: the SCP Deny on it applies.
    QVERIFY(none("DENY_NEVER_MATCHES", "/Statement/2"));
}

void tst_AccountFindings::inlinePoliciesAgainstTheAggregateQuota()
{
    // A statement of 100 characters without white space, repeated.
    const auto policyOf = [](int statements) {
        std::string text = R"({"Version": "2012-10-17", "Statement": [)";
        for (int i = 0; i < statements; ++i)
            text += std::string(i ? ", " : "")
                    + R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket-)"
                    + std::to_string(1000 + i) + R"(/*"})";
        return text + "]}";
    };
    const auto inlinePolicy = [&](const char *name, int statements) {
        return std::string(R"({"PolicyName": ")") + name + R"(", "PolicyDocument": )"
                + policyOf(statements) + "}";
    };
    const std::string text = std::string(R"({"UserDetailList": [
 {"UserName": "big", "UserId": "AIDABIG", "Path": "/", "Arn": "arn:aws:iam::111122223333:user/big",
  "GroupList": [], "AttachedManagedPolicies": [], "UserPolicyList": [)")
            + inlinePolicy("One", 14) + ", " + inlinePolicy("Two", 14) + R"(]},
 {"UserName": "small", "UserId": "AIDASMALL", "Path": "/", "Arn": "arn:aws:iam::111122223333:user/small",
  "GroupList": [], "AttachedManagedPolicies": [], "UserPolicyList": [)"
            + inlinePolicy("One", 5) + R"(]}],
 "GroupDetailList": [
 {"GroupName": "full", "GroupId": "AGPAFULL", "Path": "/", "Arn": "arn:aws:iam::111122223333:group/full",
  "AttachedManagedPolicies": [], "GroupPolicyList": [)"
            + inlinePolicy("One", 60) + R"(]}], "RoleDetailList": [], "Policies": []})";
    const iamx::Account account = load(text);
    QCOMPARE(account.users().size(), size_t(2));
    const auto findings = iamx::accountFindings(account);

    // 28 statements of 82 characters (2,400 in all): over the 2,048 of a user.
    const auto *over =
            findAt(findings, "INLINE_POLICIES_EXCEED_QUOTA", "/UserDetailList/0/UserPolicyList");
    QVERIFY(over);
    QCOMPARE(over->severity, iamx::Severity::Warning);
    QCOMPARE(over->where.line, 2);
    QVERIFY2(over->message.find("of the 2,048 characters") != std::string::npos,
            over->message.c_str());
    // 5 statements: well within.
    QVERIFY(!findAt(findings, "INLINE_POLICIES_EXCEED_QUOTA", "/UserDetailList/1/UserPolicyList"));
    QVERIFY(!findAt(findings, "POLICY_SIZE_NEAR_QUOTA", "/UserDetailList/1/UserPolicyList"));
    // 60 statements in a group (5,018): within 5,120 but at 90% of it or more.
    const auto *near =
            findAt(findings, "POLICY_SIZE_NEAR_QUOTA", "/GroupDetailList/0/GroupPolicyList");
    QVERIFY2(near, findings.empty() ? "none" : findings.front().message.c_str());
    QCOMPARE(near->severity, iamx::Severity::Suggestion);
}

QTEST_APPLESS_MAIN(tst_AccountFindings)
#include "tst_accountfindings.moc"
