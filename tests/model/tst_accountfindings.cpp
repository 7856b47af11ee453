#include "resources/demoaccount.h"

#include "model/accountfindings.h"
#include "model/accountio.h"

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

QTEST_APPLESS_MAIN(tst_AccountFindings)
#include "tst_accountfindings.moc"
