// The risky action sets (model/riskyactions.h): every action they name is in the catalog (so
// they stay true when the catalog is refreshed), the lookups, and which paths a set of allowed
// actions enables.

#include "model/actioncatalog.h"
#include "model/casefold.h"
#include "model/riskyactions.h"

#include <QTest>

#include <set>
#include <string>

using iamx::ActionCatalog;
using iamx::EscalationPath;

class tst_RiskyActions : public QObject
{
    Q_OBJECT

private slots:
    void everyActionIsInTheCatalog();
    void pathsAreWellFormed();
    void credentialActionsAreSortedAndFound();
    void escalationPathsEnabled();
};

void tst_RiskyActions::everyActionIsInTheCatalog()
{
    const ActionCatalog &catalog = ActionCatalog::instance();
    QVERIFY(catalog.loadError().empty());
    const auto check = [&](std::string_view name) {
        const iamx::CatalogAction *action = catalog.findAction(name);
        if (!action)
            QFAIL(qPrintable(QString::fromStdString("not in the catalog: " + std::string(name))));
        // The catalog's own spelling: what the validator prints and the lead's checks compare.
        QCOMPARE(std::string(action->fullName), std::string(name));
        QVERIFY2(!action->undocumented, std::string(name).c_str());
    };
    for (const EscalationPath &path : iamx::privilegeEscalationPaths())
        for (const std::string_view action : path.actions)
            check(action);
    for (const std::string_view action : iamx::credentialExposureActions())
        check(action);
}

void tst_RiskyActions::pathsAreWellFormed()
{
    std::set<std::string_view> names;
    for (const EscalationPath &path : iamx::privilegeEscalationPaths()) {
        QVERIFY2(names.insert(path.name).second, std::string(path.name).c_str());
        QVERIFY(!path.actions.empty());
        QVERIFY(!path.how.empty());
        // No action twice in one path.
        const std::set<std::string_view> unique(path.actions.begin(), path.actions.end());
        QCOMPARE(unique.size(), path.actions.size());
        // A path through iam:PassRole names the service the role is passed to, and only then.
        const bool passRole = unique.count("iam:PassRole") > 0;
        QVERIFY2(passRole == !path.passedTo.empty(), std::string(path.name).c_str());
        QVERIFY(path.passedTo.empty() || path.passedTo.ends_with(".amazonaws.com"));
    }
    QVERIFY(names.count("CreatePolicyVersion"));
    QVERIFY(names.count("PassRoleToEC2"));
}

void tst_RiskyActions::credentialActionsAreSortedAndFound()
{
    const auto actions = iamx::credentialExposureActions();
    for (size_t i = 1; i < actions.size(); ++i)
        QVERIFY2(iamx::toAsciiLowercase(actions[i - 1]) < iamx::toAsciiLowercase(actions[i]),
                std::string(actions[i]).c_str());
    for (const std::string_view action : actions)
        QVERIFY(iamx::isCredentialExposureAction(action));
    QVERIFY(iamx::isCredentialExposureAction("STS:getsessiontoken"));
    QVERIFY(iamx::isCredentialExposureAction("ecr:GetAuthorizationToken"));
    QVERIFY(!iamx::isCredentialExposureAction("ecr:GetDownloadUrlForLayer"));
    QVERIFY(!iamx::isCredentialExposureAction("sts:GetCallerIdentity"));
    QVERIFY(!iamx::isCredentialExposureAction(""));
    QVERIFY(!iamx::isCredentialExposureAction("zzz:Last"));
}

void tst_RiskyActions::escalationPathsEnabled()
{
    const auto enabledBy = [](std::set<std::string> allowed) {
        std::set<std::string> asked;
        std::set<std::string_view> names;
        for (const EscalationPath *path : iamx::escalationPathsEnabled([&](std::string_view a) {
                 // Asked once per action.
                 if (!asked.insert(std::string(a)).second)
                     qFatal("asked twice");
                 return allowed.count(std::string(a)) > 0;
             }))
            names.insert(path->name);
        return names;
    };
    // Nothing allowed, nothing enabled; read-only IAM enables nothing.
    QVERIFY(enabledBy({}).empty());
    QVERIFY(enabledBy({ "iam:GetPolicy", "iam:ListRoles" }).empty());
    // PassRole alone is no path; with RunInstances it is.
    QVERIFY(enabledBy({ "iam:PassRole" }).empty());
    const auto ec2 = enabledBy({ "iam:PassRole", "ec2:RunInstances" });
    QVERIFY(ec2 == std::set<std::string_view> { "PassRoleToEC2" });
    // A one-action path.
    QVERIFY(enabledBy({ "iam:CreatePolicyVersion" }).count("CreatePolicyVersion"));
    // AttachRolePolicy needs sts:AssumeRole too.
    QVERIFY(enabledBy({ "iam:AttachRolePolicy" }).empty());
    QVERIFY(enabledBy({ "iam:AttachRolePolicy", "sts:AssumeRole" }).count("AttachRolePolicy"));
}

QTEST_APPLESS_MAIN(tst_RiskyActions)

#include "tst_riskyactions.moc"
