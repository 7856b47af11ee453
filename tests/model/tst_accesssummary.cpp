#include "model/effective.h"

#include <QTest>

#include <string>
#include <vector>

// The summary of effective permissions by service and access level (issue #5, "Effective
// permissions"): allows counted against the catalog, capped by a boundary, cut by denies that
// hold without conditions, conditional where a condition or a Deny of some resources decides.

using iamx::AccessLevel;
using iamx::AccessSummary;
using iamx::ActionCatalog;
using iamx::EffectiveEntry;
using iamx::EffectivePermissions;
using iamx::ServiceAccess;

namespace {

EffectiveEntry entry(std::string action, std::vector<std::string> conditionKeys = {},
        std::vector<std::string> resources = { "*" })
{
    EffectiveEntry e;
    e.action = std::move(action);
    e.resources = std::move(resources);
    e.conditionKeys = std::move(conditionKeys);
    return e;
}

EffectiveEntry notAction(std::vector<std::string> except)
{
    EffectiveEntry e = entry("*");
    e.except = std::move(except);
    return e;
}

const ServiceAccess *service(const AccessSummary &summary, std::string_view prefix)
{
    for (const ServiceAccess &access : summary.services)
        if (access.service == prefix)
            return &access;
    return nullptr;
}

size_t level(const ServiceAccess *access, AccessLevel level, bool conditional = false)
{
    const auto &count = access->levels[static_cast<size_t>(level)];
    return conditional ? count.conditional : count.allowed;
}

/// How many actions of the catalog a pattern matches at a level.
size_t catalogCount(std::string_view pattern, AccessLevel level)
{
    size_t count = 0;
    for (const auto *action : ActionCatalog::instance().expandActions(pattern))
        count += action->accessLevel == level;
    return count;
}

} // namespace

class tst_AccessSummary : public QObject
{
    Q_OBJECT

private slots:
    void nothingAllowedIsEmpty();
    void allowsCountByLevel();
    void totalsComeFromTheCatalog();
    void conditionsMakeConditional();
    void denyWithoutConditionCutsOut();
    void denyWithConditionOrOnSomeResourcesLeavesConditional();
    void boundaryCaps();
    void notActionAllowsEveryOtherService();
    void unknownPatternsCountNowhere();
};

void tst_AccessSummary::nothingAllowedIsEmpty()
{
    EffectivePermissions effective;
    effective.services["s3"].deny.push_back(entry("s3:*"));
    const AccessSummary summary = iamx::summarizeAccess(effective);
    QVERIFY(summary.services.empty());
    QCOMPARE(summary.all.allowed, size_t(0));
    QCOMPARE(summary.all.total, ActionCatalog::instance().actions().size());
}

void tst_AccessSummary::allowsCountByLevel()
{
    EffectivePermissions effective;
    effective.services["s3"].allow = { entry("s3:GetObject"), entry("s3:List*"),
        entry("s3:PutObject", {}, { "arn:aws:s3:::bucket/*" }) };
    effective.services["iam"].allow = { entry("iam:GetUser") };
    const AccessSummary summary = iamx::summarizeAccess(effective);
    QCOMPARE(summary.services.size(), size_t(2));
    QCOMPARE(summary.services[0].service, std::string("iam")); // by prefix
    const ServiceAccess *s3 = service(summary, "s3");
    QVERIFY(s3);
    QCOMPARE(level(s3, AccessLevel::Read), size_t(1));
    QCOMPARE(level(s3, AccessLevel::List), catalogCount("s3:List*", AccessLevel::List));
    QVERIFY2(level(s3, AccessLevel::Write) == 1, "an allow on some resources counts");
    QCOMPARE(s3->all.allowed,
            1 + catalogCount("s3:List*", AccessLevel::List)
                    + catalogCount("s3:List*", AccessLevel::Read) + 1);
    QCOMPARE(s3->all.conditional, size_t(0));
    QCOMPARE(summary.all.allowed, s3->all.allowed + 1);
}

void tst_AccessSummary::totalsComeFromTheCatalog()
{
    AccessSummary summary;
    EffectivePermissions effective;
    effective.services["s3"].allow = { entry("s3:GetObject") };
    const ServiceAccess *s3 = service(summary = iamx::summarizeAccess(effective), "s3");
    QCOMPARE(s3->all.total, ActionCatalog::instance().findService("s3")->actions.size());
    QCOMPARE(s3->levels[size_t(AccessLevel::Read)].total, catalogCount("s3:*", AccessLevel::Read));
    size_t sum = 0;
    for (const auto &count : s3->levels)
        sum += count.total;
    QCOMPARE(sum, s3->all.total);
}

void tst_AccessSummary::conditionsMakeConditional()
{
    AccessSummary summary;
    EffectivePermissions effective;
    effective.services["ec2"].allow = { entry("ec2:StartInstances", { "aws:ResourceTag/team" }),
        entry("ec2:DescribeInstances") };
    // An unconditional allow of the same action wins over a conditional one.
    effective.services["ec2"].allow.push_back(entry("ec2:Describe*", { "aws:SourceIp" }));
    const ServiceAccess *ec2 = service(summary = iamx::summarizeAccess(effective), "ec2");
    QCOMPARE(level(ec2, AccessLevel::Write), size_t(0));
    QCOMPARE(level(ec2, AccessLevel::Write, true), size_t(1));
    QVERIFY(level(ec2, AccessLevel::List) >= 1);
    QCOMPARE(level(ec2, AccessLevel::List) + level(ec2, AccessLevel::List, true)
                    + level(ec2, AccessLevel::Read) + level(ec2, AccessLevel::Read, true),
            ActionCatalog::instance().expandActions("ec2:Describe*").size());
}

void tst_AccessSummary::denyWithoutConditionCutsOut()
{
    AccessSummary summary;
    EffectivePermissions effective;
    effective.services["s3"].allow = { entry("s3:*") };
    effective.services["s3"].deny = { entry("s3:Delete*") };
    const ServiceAccess *s3 = service(summary = iamx::summarizeAccess(effective), "s3");
    QCOMPARE(s3->all.allowed,
            s3->all.total - ActionCatalog::instance().expandActions("s3:Delete*").size());
    QCOMPARE(s3->all.conditional, size_t(0));
}

void tst_AccessSummary::denyWithConditionOrOnSomeResourcesLeavesConditional()
{
    AccessSummary summary;
    EffectivePermissions effective;
    effective.services["s3"].allow = { entry("s3:GetObject"), entry("s3:PutObject") };
    effective.services["s3"].deny = { entry("s3:GetObject", { "aws:SourceIp" }),
        entry("s3:PutObject", {}, { "arn:aws:s3:::b/*" }) };
    const ServiceAccess *s3 = service(summary = iamx::summarizeAccess(effective), "s3");
    QCOMPARE(s3->all.allowed, size_t(0));
    QCOMPARE(s3->all.conditional, size_t(2));
    // A NotResource deny is not "every resource" either.
    EffectivePermissions other;
    other.services["s3"].allow = { entry("s3:GetObject") };
    EffectiveEntry deny = entry("s3:GetObject");
    deny.notResource = true;
    other.services["s3"].deny = { deny };
    summary = iamx::summarizeAccess(other);
    QCOMPARE(service(summary, "s3")->all.conditional, size_t(1));
}

void tst_AccessSummary::boundaryCaps()
{
    EffectivePermissions effective;
    effective.services["s3"].allow = { entry("s3:*") };
    effective.services["iam"].allow = { entry("iam:GetUser") };
    effective.boundary.emplace();
    effective.boundary->allow = { entry("s3:Get*"), entry("s3:List*", { "aws:SourceIp" }) };
    const AccessSummary summary = iamx::summarizeAccess(effective);
    QVERIFY2(!service(summary, "iam"), "the boundary allows no iam action");
    const ServiceAccess *s3 = service(summary, "s3");
    QCOMPARE(s3->all.allowed, ActionCatalog::instance().expandActions("s3:Get*").size());
    QCOMPARE(s3->all.conditional, ActionCatalog::instance().expandActions("s3:List*").size());
}

void tst_AccessSummary::notActionAllowsEveryOtherService()
{
    EffectivePermissions effective;
    effective.services["*"].allow = { notAction({ "iam:*", "s3:Delete*" }) };
    const AccessSummary summary = iamx::summarizeAccess(effective);
    QVERIFY(!service(summary, "iam"));
    const ServiceAccess *s3 = service(summary, "s3");
    QCOMPARE(s3->all.allowed,
            s3->all.total - ActionCatalog::instance().expandActions("s3:Delete*").size());
    QVERIFY(service(summary, "ec2"));
    QCOMPARE(summary.all.allowed,
            ActionCatalog::instance()
                    .actionsNotMatching(std::vector<std::string> { "iam:*", "s3:Delete*" })
                    .size());
}

void tst_AccessSummary::unknownPatternsCountNowhere()
{
    EffectivePermissions effective;
    effective.services["nosuch"].allow = { entry("nosuch:Get*"), entry("GetObject") };
    const AccessSummary summary = iamx::summarizeAccess(effective);
    QVERIFY(summary.services.empty());
    QCOMPARE(summary.all.allowed, size_t(0));
}

QTEST_APPLESS_MAIN(tst_AccessSummary)
#include "tst_accesssummary.moc"
