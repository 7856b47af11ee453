#include "model/accountindex.h"
#include "model/casefold.h"
#include "model/simulationinputs.h"
#include "tests/model/demorequests.h"

#include <QTest>

#include <algorithm>

// What the simulate panel offers (simulationinputs.h): the demo account's actions and
// resources for completion, action patterns expanded, and the context keys a request's
// policies test, typed by their operators.

using iamx::ContextValueType;

namespace {

bool contains(const std::vector<std::string> &list, const std::string &value)
{
    return std::find(list.begin(), list.end(), value) != list.end();
}

const iamx::PolicyContextKey *findKey(
        const std::vector<iamx::PolicyContextKey> &keys, const std::string &key)
{
    const auto found =
            std::find_if(keys.begin(), keys.end(), [&](const auto &k) { return k.key == key; });
    return found == keys.end() ? nullptr : &*found;
}

bool sortedIgnoringCase(const std::vector<std::string> &list)
{
    return std::is_sorted(list.begin(), list.end(), [](const auto &a, const auto &b) {
        return iamx::toLowercase(a) < iamx::toLowercase(b);
    });
}

} // namespace

class tst_SimulationInputs : public QObject
{
    Q_OBJECT

private slots:
    void knownActionsAreLiteralSortedUnique();
    void knownResourcesListEntitiesAndPolicyArns();
    void actionPatternsExpand();
    void contextKeysAreTypedByTheirOperators();
    void contextKeysOfMatchingStatementsAreNeeded();
};

void tst_SimulationInputs::knownActionsAreLiteralSortedUnique()
{
    const auto actions = iamx::knownActions(iamx::AccountIndex(demo::account()));
    QVERIFY(contains(actions, "s3:GetObject"));
    QVERIFY(contains(actions, "sts:AssumeRole")); // from trust policies
    QVERIFY(contains(actions, "iam:CreateUser")); // from the boundary
    QVERIFY(contains(actions, "iam:DeleteUserPermissionsBoundary"));
    QVERIFY(!contains(actions, "s3:Get*"));
    QVERIFY(!contains(actions, "*"));
    QVERIFY(sortedIgnoringCase(actions));
    std::vector<std::string> lower;
    for (const auto &a : actions)
        lower.push_back(iamx::toLowercase(a));
    QVERIFY(std::adjacent_find(lower.begin(), lower.end()) == lower.end());
}

void tst_SimulationInputs::knownResourcesListEntitiesAndPolicyArns()
{
    const auto resources =
            iamx::knownResources(demo::account(), iamx::AccountIndex(demo::account()));
    QVERIFY(contains(resources, "arn:aws:s3:::acme-reports")); // listed
    QVERIFY(contains(resources, "arn:aws:iam::111122223333:role/AppServerRole")); // a role
    QVERIFY(contains(resources, "arn:aws:iam::111122223333:user/alice"));
    QVERIFY(contains(resources, "arn:aws:iam::111122223333:group/Finance")); // in a Resource
    QVERIFY(!contains(resources, "arn:aws:s3:::acme-reports/reports/*")); // a pattern
    QVERIFY(std::is_sorted(resources.begin(), resources.end()));
    QVERIFY(std::adjacent_find(resources.begin(), resources.end()) == resources.end());
}

void tst_SimulationInputs::actionPatternsExpand()
{
    const std::vector<std::string> known { "ec2:StopInstances", "s3:GetObject", "s3:ListBucket",
        "s3:PutObject", "sts:AssumeRole" };
    QCOMPARE(iamx::expandActionPattern("s3:*", known),
            (std::vector<std::string> { "s3:GetObject", "s3:ListBucket", "s3:PutObject" }));
    QCOMPARE(iamx::expandActionPattern("S3:get*", known),
            (std::vector<std::string> { "s3:GetObject" }));
    QCOMPARE(iamx::expandActionPattern("s3:?utObject", known),
            (std::vector<std::string> { "s3:PutObject" }));
    // A name without wildcards stands for itself, known or not.
    QCOMPARE(iamx::expandActionPattern("kms:Decrypt", known),
            (std::vector<std::string> { "kms:Decrypt" }));
    QVERIFY(iamx::expandActionPattern("lambda:*", known).empty());
}

void tst_SimulationInputs::contextKeysAreTypedByTheirOperators()
{
    const auto asked = demo::ask(
            "dave", "s3:GetObject", "arn:aws:s3:::acme-reports/finance/2025/payroll-05.csv");
    QVERIFY(asked);
    const auto keys = iamx::policyContextKeys(asked->request);
    const auto *sourceIp = findKey(keys, "aws:SourceIp");
    QVERIFY(sourceIp);
    QCOMPARE(sourceIp->type, ContextValueType::IpAddress);
    const auto *viaService = findKey(keys, "aws:ViaAWSService");
    QVERIFY(viaService);
    QCOMPARE(viaService->type, ContextValueType::Bool);
    const auto *prefix = findKey(keys, "s3:prefix");
    QVERIFY(prefix);
    QCOMPARE(prefix->type, ContextValueType::String);
    // A policy variable's key is a key the policies read too (S3HomeFolder).
    QVERIFY(findKey(keys, "aws:username"));
    QCOMPARE(
            iamx::contextValueTypeName(ContextValueType::IpAddress), std::string_view("IpAddress"));
    std::vector<std::string> names;
    for (const auto &k : keys)
        names.push_back(k.key);
    QVERIFY(sortedIgnoringCase(names));
    // Without an explanation every key counts as needed.
    QVERIFY(std::all_of(keys.begin(), keys.end(), [](const auto &k) { return k.needed; }));
}

void tst_SimulationInputs::contextKeysOfMatchingStatementsAreNeeded()
{
    const auto creating =
            demo::ask("UserAdminRole", "iam:CreateUser", "arn:aws:iam::111122223333:user/ivan");
    QVERIFY(creating);
    const auto keys = iamx::policyContextKeys(creating->request, &creating->explanation);
    const auto *boundary = findKey(keys, "iam:PermissionsBoundary");
    QVERIFY(boundary);
    QVERIFY(boundary->needed);
    QCOMPARE(boundary->type, ContextValueType::String);

    const auto reading = demo::ask(
            "erin", "s3:GetObject", "arn:aws:s3:::acme-reports/reports/2025/q1-sales.csv");
    QVERIFY(reading);
    const auto readingKeys = iamx::policyContextKeys(reading->request, &reading->explanation);
    const auto *mfa = findKey(readingKeys, "aws:MultiFactorAuthPresent");
    QVERIFY(mfa);
    QCOMPARE(mfa->type, ContextValueType::Bool);
    QVERIFY(!mfa->needed); // RequireMFAForIAMChanges is about iam:* actions only

    const auto changing =
            demo::ask("erin", "iam:CreateUser", "arn:aws:iam::111122223333:user/ivan");
    QVERIFY(changing);
    const auto changingKeys = iamx::policyContextKeys(changing->request, &changing->explanation);
    QVERIFY(findKey(changingKeys, "aws:MultiFactorAuthPresent")->needed);
}

QTEST_APPLESS_MAIN(tst_SimulationInputs)
#include "tst_simulationinputs.moc"
