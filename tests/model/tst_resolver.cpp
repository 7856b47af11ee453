#include "model/accountio.h"
#include "model/resolver.h"
#include "tests/support/testsupport.h"

#include <QTest>

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

// From an account to a decidable request (account-format.md §4, §5; iam-evaluation.md §10): the
// policies of every principal of the example snapshot (§3) with their origins, the decisions
// §4.4 calls out, finding principals in every form of §5, the context AWS fills in, and the
// resource side (trust, key and bucket policies) and organization of a workspace (§6).

using namespace Qt::StringLiterals;

namespace {

using Json = nlohmann::json;
using iamx::Account;
using iamx::AccountRequest;
using iamx::PrincipalKind;
using iamx::Resolver;
using Overrides = iamx::ContextOverrides;

constexpr iamx::Instant now { 1772366400, 0 }; // 2026-03-01T12:00:00Z
const char *const nowText = "2026-03-01T12:00:00Z";

std::string str(const QString &text)
{
    return text.toStdString();
}

// The example of §3 plus the IamExplorer object of a workspace (§6): a bucket with tags and a
// policy, a listed KMS key, an organization with three levels, SCPs and an RCP, and a
// service-linked role. (`/\u002a` is JSON for `/*`, which moc 6.4 takes for the start of a
// comment even inside a raw string literal.)
const char *const workspaceExtras = R"({
  "formatVersion": 1,
  "accountId": "111122223333",
  "resources": [
    {"arn": "arn:aws:s3:::reports", "accountId": "111122223333", "region": "eu-west-1",
     "tags": {"team": "data", "stage": "prod"},
     "policy": {"Version": "2012-10-17", "Statement": [
       {"Sid": "BobReads", "Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::111122223333:user/ops/bob"},
        "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/\u002a"},
       {"Sid": "PartnerReadsPublic", "Effect": "Allow", "Principal": {"AWS": "444455556666"},
        "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/public/\u002a"},
       {"Sid": "NoDeletes", "Effect": "Deny", "Principal": "*",
        "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::reports/\u002a"}]}},
    {"arn": "arn:aws:kms:eu-west-1:111122223333:key/listed-key", "accountId": "111122223333",
     "region": "eu-west-1", "tags": {},
     "policy": {"Version": "2012-10-17", "Statement": [
       {"Sid": "AliceOnly", "Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::111122223333:user/alice"},
        "Action": "kms:Decrypt", "Resource": "*"}]}}
  ],
  "organization": {
    "id": "o-a1b2c3d4e5",
    "managementAccountId": "999988887777",
    "levels": [
      {"id": "r-a1b2", "name": "Root",
       "scps": [{"name": "FullAWSAccess", "document": {"Version": "2012-10-17",
                 "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}}],
       "rcps": [{"name": "DenyInsecureTransport", "document": {"Version": "2012-10-17",
                 "Statement": {"Effect": "Deny", "Principal": "*", "Action": "s3:*",
                   "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}}}]},
      {"id": "ou-a1b2-prod1234", "name": "Production",
       "scps": [{"name": "FullAWSAccess", "document": {"Version": "2012-10-17",
                 "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}},
                {"name": "DenyLeaveOrg", "document": {"Version": "2012-10-17",
                 "Statement": {"Effect": "Deny", "Action": "organizations:LeaveOrganization",
                   "Resource": "*"}}}],
       "rcps": []},
      {"id": "111122223333", "name": "this account",
       "scps": [{"name": "FullAWSAccess", "document": {"Version": "2012-10-17",
                 "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}}],
       "rcps": []}
    ]
  },
  "scenarios": []
})";

const char *const serviceLinkedRole = R"({
  "Path": "/aws-service-role/elasticbeanstalk.amazonaws.com/",
  "RoleName": "AWSServiceRoleForElasticBeanstalk",
  "RoleId": "AROAQEXAMPLESLR000003",
  "Arn":
    "arn:aws:iam::111122223333:role/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElasticBeanstalk",
  "CreateDate": "2025-01-09T12:30:00+00:00",
  "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
    "Principal": {"Service": "elasticbeanstalk.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
  "RolePolicyList": [{"PolicyName": "Everything", "PolicyDocument": {"Version": "2012-10-17",
    "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}}]
})";

// Names §2.2 allows that look like other things, a name shared by a user and a role, and a
// user of a second account listed in the same file (§4.1).
const char *const namesAccount = R"({
  "UserDetailList": [
    {"UserName": "first.last", "UserId": "AIDAQEXAMPLEDOTTED001", "Path": "/",
     "Arn": "arn:aws:iam::111122223333:user/first.last"},
    {"UserName": "ci@example.com", "UserId": "AIDAQEXAMPLEATSIGN002", "Path": "/",
     "Arn": "arn:aws:iam::111122223333:user/ci@example.com"},
    {"UserName": "builder", "UserId": "AIDAQEXAMPLEBUILDER03", "Path": "/",
     "Arn": "arn:aws:iam::111122223333:user/builder"},
    {"UserName": "zed", "UserId": "AIDAQEXAMPLEZED000004", "Path": "/",
     "Arn": "arn:aws:iam::444455556666:user/zed",
     "UserPolicyList": [{"PolicyName": "ZedReads", "PolicyDocument": {"Version": "2012-10-17",
       "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}}]}
  ],
  "GroupDetailList": [],
  "RoleDetailList": [
    {"RoleName": "Builder", "RoleId": "AROAQEXAMPLEBUILDER05", "Path": "/",
     "Arn": "arn:aws:iam::111122223333:role/Builder",
     "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": []}},
    {"RoleName": "svc.runner", "RoleId": "AROAQEXAMPLERUNNER06", "Path": "/",
     "Arn": "arn:aws:iam::111122223333:role/svc.runner",
     "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": []}}
  ],
  "Policies": []
})";

// Documents that cannot be evaluated: the decisions of their principals are incomplete (§4.5).
// Line numbers matter: the invalid Effect is on line 5, column 64.
const char *const brokenAccount =
        "{\"UserDetailList\": [\n"
        "  {\"UserName\": \"eve\", \"UserId\": \"AIDAEVE\", "
        "\"Arn\": \"arn:aws:iam::111122223333:user/eve\",\n"
        "   \"UserPolicyList\": [{\"PolicyName\": \"Maybe\",\n"
        "     \"PolicyDocument\": {\"Version\": \"2012-10-17\",\n"
        "       \"Statement\": {\"Action\": \"*\", \"Resource\": \"*\", "
        "\"Effect\": \"Perhaps\"}}}]},\n"
        "  {\"UserName\": \"frank\", \"UserId\": \"AIDAFRANK\", "
        "\"Arn\": \"arn:aws:iam::111122223333:user/frank\",\n"
        "   \"AttachedManagedPolicies\": [{\"PolicyName\": \"Gone\", "
        "\"PolicyArn\": \"arn:aws:iam::111122223333:policy/Gone\"}]},\n"
        "  {\"UserName\": \"gina\", \"UserId\": \"AIDAGINA\", "
        "\"Arn\": \"arn:aws:iam::111122223333:user/gina\",\n"
        "   \"AttachedManagedPolicies\": [{\"PolicyName\": \"TwoDefaults\", "
        "\"PolicyArn\": \"arn:aws:iam::111122223333:policy/TwoDefaults\"}],\n"
        "   \"PermissionsBoundary\": {\"PermissionsBoundaryArn\": "
        "\"arn:aws:iam::aws:policy/PowerUserAccess\"}},\n"
        "  {\"UserName\": \"hank\", \"UserId\": \"AIDAHANK\", "
        "\"Arn\": \"arn:aws:iam::111122223333:user/hank\",\n"
        "   \"UserPolicyList\": [{\"PolicyName\": \"HankBad\", "
        "\"PolicyDocument\": \"%7B%ZZ\"}]},\n"
        "  {\"UserName\": \"ivan\", \"UserId\": \"AIDAIVAN\", "
        "\"Arn\": \"arn:aws:iam::111122223333:user/ivan\",\n"
        "   \"UserPolicyList\": [{\"PolicyName\": \"IvanBad\", "
        "\"PolicyDocument\": \"%7B%YY\"}]}\n"
        "],\n"
        "\"Policies\": [\n"
        "  {\"PolicyName\": \"TwoDefaults\", \"Arn\": "
        "\"arn:aws:iam::111122223333:policy/TwoDefaults\", "
        "\"DefaultVersionId\": \"v1\", \"PolicyVersionList\": [\n"
        "    {\"VersionId\": \"v1\", \"IsDefaultVersion\": true, "
        "\"Document\": {\"Version\": \"2012-10-17\", \"Statement\": []}},\n"
        "    {\"VersionId\": \"v2\", \"IsDefaultVersion\": true, "
        "\"Document\": {\"Version\": \"2012-10-17\", \"Statement\": []}}]}\n"
        "]}\n";

std::string problemsOf(const AccountRequest &request)
{
    std::string out;
    for (const auto &d : request.problems)
        out += iamx::formatDiagnostic(d) + "\n";
    return out;
}

std::string describe(const iamx::Policy &policy, const iamx::PolicyOrigin &origin)
{
    std::string routes;
    for (const auto &route : origin.routes)
        routes += (routes.empty() ? "" : ",") + route;
    return policy.name + " | " + origin.via + " | " + routes + " | " + origin.arn + " | "
            + origin.versionId;
}

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

std::string kindName(PrincipalKind kind)
{
    switch (kind) {
    case PrincipalKind::IamUser:
        return "IamUser";
    case PrincipalKind::RoleSession:
        return "RoleSession";
    case PrincipalKind::FederatedUser:
        return "FederatedUser";
    case PrincipalKind::Root:
        return "Root";
    case PrincipalKind::ServicePrincipal:
        return "ServicePrincipal";
    case PrincipalKind::FederatedProvider:
        return "FederatedProvider";
    case PrincipalKind::Anonymous:
        return "Anonymous";
    }
    return "?";
}

// A context entry as text: `absent`, `v`, or `[v1, v2]` for a multi-valued key.
QString entryText(const iamx::RequestContext &context, const std::string &key)
{
    const iamx::ContextEntry *entry =
            context.find(QString::fromStdString(key).toLower().toStdString());
    if (!entry)
        return u"absent"_s;
    QStringList values;
    for (const auto &v : entry->values)
        values << QString::fromStdString(v);
    return entry->multiValued ? u"["_s + values.join(u", "_s) + u"]"_s : values.join(u", "_s);
}

} // namespace

class tst_Resolver : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void identityPolicies_data();
    void identityPolicies();
    void decisions_data();
    void decisions();
    void aliceCannotAssumeDeployer();
    void findPrincipal_data();
    void findPrincipal();
    void otherAccountIsAssumedToAllow();
    void context_data();
    void context();
    void contextOverrides();
    void resourcePolicy_data();
    void resourcePolicy();
    void trustPolicyNamesTheAccountWithMfa();
    void unlistedKeyGetsTheDefaultKeyPolicy();
    void bucketPolicyOfAnObject();
    void organization_data();
    void organization();
    void incompleteDecisions_data();
    void incompleteDecisions();
    void documentsThatDidNotLoadAreNotConfused();

private:
    const Resolver &resolver(const QString &fixture) const;
    std::optional<AccountRequest> ask(const QString &fixture, const QString &principal,
            const QString &session, const QString &action, const QString &resource,
            const Overrides &overrides = {}) const;

    struct Fixture
    {
        std::unique_ptr<Account> account;
        std::unique_ptr<Resolver> resolver;
    };
    std::map<QString, Fixture> m_fixtures;
};

void tst_Resolver::initTestCase()
{
    const std::string example =
            iamx::test::readFile(iamx::test::testDataPath("accounts/example.json"));
    Json workspace = Json::parse(example);
    workspace["IamExplorer"] = Json::parse(workspaceExtras);
    workspace["RoleDetailList"].push_back(Json::parse(serviceLinkedRole));

    const std::vector<std::pair<QString, std::string>> texts = {
        { u"example"_s, example },
        { u"workspace"_s, workspace.dump(2) },
        { u"names"_s, namesAccount },
        { u"broken"_s, brokenAccount },
    };
    for (const auto &[name, text] : texts) {
        auto loaded = iamx::loadAccount({ { str(name) + ".json", text } });
        QVERIFY2(loaded.value, qPrintable(name));
        Fixture fixture;
        fixture.account = std::make_unique<Account>(std::move(*loaded.value));
        fixture.resolver = std::make_unique<Resolver>(*fixture.account);
        m_fixtures.emplace(name, std::move(fixture));
    }
    QVERIFY(m_fixtures.at(u"example"_s).account->diagnostics().empty());
    QVERIFY(m_fixtures.at(u"workspace"_s).account->diagnostics().empty());
    QCOMPARE(m_fixtures.at(u"workspace"_s).account->resources().size(), size_t(2));
}

const Resolver &tst_Resolver::resolver(const QString &fixture) const
{
    return *m_fixtures.at(fixture).resolver;
}

std::optional<AccountRequest> tst_Resolver::ask(const QString &fixture, const QString &principal,
        const QString &session, const QString &action, const QString &resource,
        const Overrides &overrides) const
{
    const Resolver &r = resolver(fixture);
    std::string why;
    const auto found = r.findPrincipal(str(principal), str(session), why);
    if (!found) {
        qWarning("%s: %s", qPrintable(principal), why.c_str());
        return std::nullopt;
    }
    return r.resolve(*found, str(action), str(resource), overrides, now);
}

// §4.4's table: each principal's identity policies with the document used and every route,
// and its boundary. Rows: `name | via | routes | managed ARN | version`.
void tst_Resolver::identityPolicies_data()
{
    QTest::addColumn<QString>("principal");
    QTest::addColumn<QStringList>("policies");
    QTest::addColumn<QString>("boundary");

    const QString devS3 = u"arn:aws:iam::111122223333:policy/DevS3Access"_s;
    const QString readOnly = u"arn:aws:iam::aws:policy/ExampleReadOnlyAccess"_s;
    const QString boundary = u"DevBoundary | boundary | boundary | "
                             u"arn:aws:iam::111122223333:policy/boundaries/DevBoundary | v1"_s;
    // DevS3Access reaches alice directly and through Developers: ONE policy, two routes.
    // ExampleReadOnlyAccess is used at its default version v2, not v1.
    QTest::newRow("user/alice") << u"alice"_s
                                << QStringList {
                                       u"ManageOwnAccessKeys | inline | inline |  | "_s,
                                       u"DevS3Access | attached | attached,group Developers | "_s
                                               + devS3 + u" | v1"_s,
                                       u"DenyProdBuckets | group Developers | "
                                       u"group Developers |  | "_s,
                                       u"ExampleReadOnlyAccess | group Auditors | "
                                       u"group Auditors | "_s
                                               + readOnly + u" | v2"_s,
                                   }
                                << boundary;
    // Inline policies belong to one identity: bob has no ManageOwnAccessKeys.
    QTest::newRow("user/ops/bob")
            << u"arn:aws:iam::111122223333:user/ops/bob"_s
            << QStringList { u"ExampleReadOnlyAccess | group Auditors | group Auditors | "_s
                   + readOnly + u" | v2"_s }
            << QString();
    QTest::newRow("role/ops/deployer")
            << u"deployer"_s
            << QStringList { u"DeployFunctions | inline | inline |  | "_s,
                   u"DevS3Access | attached | attached | "_s + devS3 + u" | v1"_s }
            << boundary;
    QTest::newRow("role/ec2-app")
            << u"arn:aws:iam::111122223333:role/ec2-app"_s
            << QStringList { u"ExampleReadOnlyAccess | attached | attached | "_s + readOnly
                   + u" | v2"_s }
            << QString();
}

void tst_Resolver::identityPolicies()
{
    QFETCH(QString, principal);
    QFETCH(QStringList, policies);
    QFETCH(QString, boundary);

    const auto request =
            ask(u"example"_s, principal, {}, u"s3:GetObject"_s, u"arn:aws:s3:::dev-x/k"_s);
    QVERIFY(request);
    QVERIFY2(!request->incomplete(), problemsOf(*request).c_str());
    QCOMPARE(request->policies.identity.size(), request->identityOrigins.size());
    QStringList actual;
    for (size_t i = 0; i < request->policies.identity.size(); ++i)
        actual << QString::fromStdString(
                describe(*request->policies.identity[i], request->identityOrigins[i]));
    QCOMPARE(actual, policies);

    const auto &b = request->policies.permissionsBoundary;
    QCOMPARE(b ? QString::fromStdString(describe(*b, request->boundaryOrigin)) : QString(),
            boundary);
    QVERIFY(!request->policies.session);
    QVERIFY(request->policies.scpLevels.empty());
    QVERIFY(request->assumptions.empty());

    // identityPolicies() lists what resolve() uses.
    std::string why;
    const auto found = resolver(u"example"_s).findPrincipal(str(principal), {}, why);
    QVERIFY(found);
    AccountRequest listed;
    resolver(u"example"_s).identityPolicies(*found, listed);
    QCOMPARE(listed.policies.identity.size(), request->policies.identity.size());
    for (size_t i = 0; i < listed.policies.identity.size(); ++i)
        QCOMPARE(listed.policies.identity[i], request->policies.identity[i]); // compiled once
}

// §4.4's "Consequences worth a test", and the rows around them.
void tst_Resolver::decisions_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("principal");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("resource");
    QTest::addColumn<QString>("decision");
    QTest::addColumn<QString>("blockedBy"); // "" when not checked
    QTest::addColumn<QStringList>("failedGates"); // gates that must be among the failed
    QTest::addColumn<QStringList>("decisive"); // `policy | via` of each decisive statement

    const QString ex = u"example"_s;
    const QString alice = u"alice"_s;
    // Only v1 of ExampleReadOnlyAccess allowed iam:List*; the boundary has no IAM list access.
    QTest::newRow("alice cannot iam:ListUsers")
            << ex << alice << u"iam:ListUsers"_s << u"*"_s << u"implicitDeny"_s << u"identity"_s
            << QStringList { u"identity"_s, u"permissionsBoundary"_s } << QStringList {};
    QTest::newRow("alice s3:GetObject on prod-data is denied by Developers")
            << ex << alice << u"s3:GetObject"_s << u"arn:aws:s3:::prod-data/x"_s
            << u"explicitDeny"_s << QString() << QStringList {}
            << QStringList { u"DenyProdBuckets | group Developers"_s };
    QTest::newRow("alice ec2:DescribeInstances: identity allows, boundary does not")
            << ex << alice << u"ec2:DescribeInstances"_s << u"*"_s << u"implicitDeny"_s
            << u"permissionsBoundary"_s << QStringList { u"permissionsBoundary"_s }
            << QStringList {};
    // The trust policy names only the account, on condition of MFA, which a user with access
    // keys does not have: the trust policy does not let her in (see aliceCannotAssumeDeployer).
    QTest::newRow("alice cannot assume deployer")
            << ex << alice << u"sts:AssumeRole"_s
            << u"arn:aws:iam::111122223333:role/ops/deployer"_s << u"implicitDeny"_s
            << u"resource"_s << QStringList { u"resource"_s } << QStringList {};
    QTest::newRow("alice reads dev objects (DevS3Access and ExampleReadOnlyAccess)")
            << ex << alice << u"s3:GetObject"_s << u"arn:aws:s3:::dev-x/k"_s << u"allowed"_s
            << QString() << QStringList {}
            << QStringList { u"DevS3Access | attached"_s,
                   u"ExampleReadOnlyAccess | group Auditors"_s };
    // ${aws:username} in her inline policy and in the boundary is filled from the context.
    QTest::newRow("alice creates her own access key")
            << ex << alice << u"iam:CreateAccessKey"_s << u"arn:aws:iam::111122223333:user/alice"_s
            << u"allowed"_s << QString() << QStringList {}
            << QStringList { u"ManageOwnAccessKeys | inline"_s };
    QTest::newRow("alice cannot create bob's access key")
            << ex << alice << u"iam:CreateAccessKey"_s
            << u"arn:aws:iam::111122223333:user/ops/bob"_s << u"implicitDeny"_s << u"identity"_s
            << QStringList {} << QStringList {};
    QTest::newRow("bob cannot iam:ListUsers (v2)")
            << ex << u"bob"_s << u"iam:ListUsers"_s << u"*"_s << u"implicitDeny"_s << u"identity"_s
            << QStringList {} << QStringList {};
    QTest::newRow("bob has no ManageOwnAccessKeys")
            << ex << u"bob"_s << u"iam:CreateAccessKey"_s
            << u"arn:aws:iam::111122223333:user/ops/bob"_s << u"implicitDeny"_s << u"identity"_s
            << QStringList {} << QStringList {};
    QTest::newRow("bob ec2:DescribeInstances, no boundary")
            << ex << u"bob"_s << u"ec2:DescribeInstances"_s << u"*"_s << u"allowed"_s << QString()
            << QStringList {} << QStringList { u"ExampleReadOnlyAccess | group Auditors"_s };
    QTest::newRow("deployer updates an app function")
            << ex << u"deployer"_s << u"lambda:UpdateFunctionCode"_s
            << u"arn:aws:lambda:eu-west-1:111122223333:function:app-web"_s << u"allowed"_s
            << QString() << QStringList {} << QStringList { u"DeployFunctions | inline"_s };
    QTest::newRow("deployer cannot update other functions")
            << ex << u"deployer"_s << u"lambda:UpdateFunctionCode"_s
            << u"arn:aws:lambda:eu-west-1:111122223333:function:billing"_s << u"implicitDeny"_s
            << u"identity"_s << QStringList {} << QStringList {};
    QTest::newRow("ec2-app has no boundary")
            << ex << u"ec2-app"_s << u"ec2:DescribeInstances"_s << u"*"_s << u"allowed"_s
            << QString() << QStringList {} << QStringList { u"ExampleReadOnlyAccess | attached"_s };
    QTest::newRow("ec2.amazonaws.com assumes ec2-app")
            << ex << u"ec2.amazonaws.com"_s << u"sts:AssumeRole"_s
            << u"arn:aws:iam::111122223333:role/ec2-app"_s << u"allowed"_s << QString()
            << QStringList {} << QStringList { u"trust policy of ec2-app | trust policy"_s };
    QTest::newRow("ec2.amazonaws.com cannot assume deployer")
            << ex << u"ec2.amazonaws.com"_s << u"sts:AssumeRole"_s
            << u"arn:aws:iam::111122223333:role/ops/deployer"_s << u"implicitDeny"_s << QString()
            << QStringList {} << QStringList {};
    QTest::newRow("root cannot assume a role")
            << ex << u"root"_s << u"sts:AssumeRole"_s
            << u"arn:aws:iam::111122223333:role/ops/deployer"_s << u"implicitDeny"_s << QString()
            << QStringList {} << QStringList {};
    QTest::newRow("root may do anything else in its account")
            << ex << u"root"_s << u"iam:ListUsers"_s << u"*"_s << u"allowed"_s << QString()
            << QStringList {} << QStringList {};
    // The workspace: a bucket policy, a listed key policy, the organization.
    const QString ws = u"workspace"_s;
    QTest::newRow("bucket policy denies deletes to everyone")
            << ws << alice << u"s3:DeleteObject"_s << u"arn:aws:s3:::reports/2026/q1.csv"_s
            << u"explicitDeny"_s << QString() << QStringList {}
            << QStringList { u"bucket policy of arn:aws:s3:::reports | bucket policy"_s };
    QTest::newRow("SCP of the Production OU denies leaving")
            << ws << alice << u"organizations:LeaveOrganization"_s << u"*"_s << u"explicitDeny"_s
            << QString() << QStringList {} << QStringList { u"DenyLeaveOrg | SCP at Production"_s };
    QTest::newRow("listed key: its own policy names alice, IAM gives her nothing")
            << ws << alice << u"kms:Decrypt"_s
            << u"arn:aws:kms:eu-west-1:111122223333:key/listed-key"_s << u"allowed"_s << QString()
            << QStringList {}
            << QStringList {
                   u"key policy of arn:aws:kms:eu-west-1:111122223333:key/listed-key | key policy"_s
               };
    QTest::newRow("listed key: bob is not named")
            << ws << u"bob"_s << u"kms:Decrypt"_s
            << u"arn:aws:kms:eu-west-1:111122223333:key/listed-key"_s << u"implicitDeny"_s
            << QString() << QStringList {} << QStringList {};
    QTest::newRow("unlisted key: root through the default key policy")
            << ex << u"root"_s << u"kms:Decrypt"_s
            << u"arn:aws:kms:eu-west-1:111122223333:key/0000-unlisted"_s << u"allowed"_s
            << QString() << QStringList {} << QStringList {};
    QTest::newRow("unlisted key: alice has no kms Allow")
            << ex << alice << u"kms:Decrypt"_s
            << u"arn:aws:kms:eu-west-1:111122223333:key/0000-unlisted"_s << u"implicitDeny"_s
            << QString() << QStringList { u"identity"_s } << QStringList {};
    QTest::newRow("service-linked role: no SCP applies")
            << ws << u"AWSServiceRoleForElasticBeanstalk"_s << u"organizations:LeaveOrganization"_s
            << u"*"_s << u"allowed"_s << QString() << QStringList {}
            << QStringList { u"Everything | inline"_s };
}

void tst_Resolver::decisions()
{
    QFETCH(QString, fixture);
    QFETCH(QString, principal);
    QFETCH(QString, action);
    QFETCH(QString, resource);
    QFETCH(QString, decision);
    QFETCH(QString, blockedBy);
    QFETCH(QStringList, failedGates);
    QFETCH(QStringList, decisive);

    const auto request = ask(fixture, principal, {}, action, resource);
    QVERIFY(request);
    QVERIFY2(!request->incomplete(), problemsOf(*request).c_str());
    iamx::Decision out;
    iamx::decide(request->policies, request->request, out);
    QCOMPARE(qs(iamx::decisionName(out.kind)), decision);
    if (!blockedBy.isEmpty())
        QCOMPARE(qs(iamx::gateName(out.blockedBy)), blockedBy);
    for (const auto &gate : failedGates) {
        bool set = false;
        for (const auto g : { iamx::Gate::Scp, iamx::Gate::Resource, iamx::Gate::Identity,
                     iamx::Gate::PermissionsBoundary, iamx::Gate::Session })
            if (qs(iamx::gateName(g)) == gate)
                set = (out.failedGates & std::uint8_t(g)) != 0;
        QVERIFY2(set, qPrintable(gate));
    }
    if (!decisive.isEmpty()) {
        QStringList actual;
        for (const auto &ref : out.decisive)
            actual << QString::fromStdString(
                    request->policies.policy(ref).name + " | " + request->originOf(ref).via);
        QCOMPARE(actual, decisive);
    }
    // The full explanation agrees with the fast path.
    const iamx::Explanation explanation = iamx::explain(request->policies, request->request);
    QCOMPARE(int(explanation.decision), int(out.kind));
}

// §4.4: "alice cannot assume deployer: its trust policy names only the account, so she would
// need an identity Allow for sts:AssumeRole (she has none, and her boundary lacks it)".
void tst_Resolver::aliceCannotAssumeDeployer()
{
    const QString deployer = u"arn:aws:iam::111122223333:role/ops/deployer"_s;
    const auto bit = [](iamx::Gate gate) { return std::uint8_t(gate); };
    const std::uint8_t identityAndBoundary =
            bit(iamx::Gate::Identity) | bit(iamx::Gate::PermissionsBoundary);
    iamx::Decision out;

    // Signed in with MFA, the trust policy lets the account in; her IAM policies do not.
    const auto withMfa = ask(u"example"_s, u"alice"_s, {}, u"sts:AssumeRole"_s, deployer,
            { { "aws:MultiFactorAuthPresent", "true" } });
    QVERIFY(withMfa);
    iamx::decide(withMfa->policies, withMfa->request, out);
    QCOMPARE(out.kind, iamx::DecisionKind::ImplicitDeny);
    QCOMPARE(out.blockedBy, iamx::Gate::Identity);
    QCOMPARE(out.failedGates, identityAndBoundary);

    // With access keys (no MFA key) the trust policy's condition fails too; the identity and
    // boundary gates are still reported as failed (iam-evaluation.md §2.2: "report every gate
    // that failed"; §4.4 explains this very denial by them).
    const auto withKeys = ask(u"example"_s, u"alice"_s, {}, u"sts:AssumeRole"_s, deployer);
    QVERIFY(withKeys);
    iamx::decide(withKeys->policies, withKeys->request, out);
    QCOMPARE(out.kind, iamx::DecisionKind::ImplicitDeny);
    QCOMPARE(out.blockedBy, iamx::Gate::Resource);
    QCOMPARE(out.failedGates & identityAndBoundary, int(identityAndBoundary));
}

// Every form of §5's "Finding the principal". Expected: `kind | principal text | entity |
// otherAccount`, or `error`.
void tst_Resolver::findPrincipal_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("session");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("knownBug");

    const QString ex = u"example"_s;
    const QString no;
    const QString error = u"error"_s;
    QTest::newRow("user by name")
            << ex << u"alice"_s << no
            << u"IamUser | arn:aws:iam::111122223333:user/alice | user alice | false"_s << no;
    QTest::newRow("user by name, ignoring case")
            << ex << u"ALICE"_s << no
            << u"IamUser | arn:aws:iam::111122223333:user/alice | user alice | false"_s << no;
    QTest::newRow("user by ARN with a path")
            << ex << u"arn:aws:iam::111122223333:user/ops/bob"_s << no
            << u"IamUser | arn:aws:iam::111122223333:user/ops/bob | user bob | false"_s << no;
    QTest::newRow("role by name: a session named iam-explorer")
            << ex << u"deployer"_s << no
            << u"RoleSession | arn:aws:sts::111122223333:assumed-role/deployer/iam-explorer"
               u" | role deployer | false"_s
            << no;
    QTest::newRow("role by name ignoring case, --session")
            << ex << u"DEPLOYER"_s << u"ci-42"_s
            << u"RoleSession | arn:aws:sts::111122223333:assumed-role/deployer/ci-42"
               u" | role deployer | false"_s
            << no;
    QTest::newRow("role by ARN (path dropped in the session ARN)")
            << ex << u"arn:aws:iam::111122223333:role/ops/deployer"_s << no
            << u"RoleSession | arn:aws:sts::111122223333:assumed-role/deployer/iam-explorer"
               u" | role deployer | false"_s
            << no;
    QTest::newRow("role by ARN, --session")
            << ex << u"arn:aws:iam::111122223333:role/ops/deployer"_s << u"nightly"_s
            << u"RoleSession | arn:aws:sts::111122223333:assumed-role/deployer/nightly"
               u" | role deployer | false"_s
            << no;
    QTest::newRow("session ARN")
            << ex << u"arn:aws:sts::111122223333:assumed-role/deployer/build-7"_s << no
            << u"RoleSession | arn:aws:sts::111122223333:assumed-role/deployer/build-7"
               u" | role deployer | false"_s
            << no;
    QTest::newRow("session ARN: its own session name wins")
            << ex << u"arn:aws:sts::111122223333:assumed-role/deployer/build-7"_s << u"other"_s
            << u"RoleSession | arn:aws:sts::111122223333:assumed-role/deployer/build-7"
               u" | role deployer | false"_s
            << no;
    QTest::newRow("root") << ex << u"root"_s << no
                          << u"Root | arn:aws:iam::111122223333:root |  | false"_s << no;
    QTest::newRow("root ARN") << ex << u"arn:aws:iam::111122223333:root"_s << no
                              << u"Root | arn:aws:iam::111122223333:root |  | false"_s << no;
    QTest::newRow("service principal")
            << ex << u"ec2.amazonaws.com"_s << no
            << u"ServicePrincipal | ec2.amazonaws.com |  | false"_s << no;
    QTest::newRow("anonymous") << ex << u"anonymous"_s << no
                               << u"Anonymous | anonymous |  | false"_s << no;
    QTest::newRow("another account's user")
            << ex << u"arn:aws:iam::444455556666:user/carol"_s << no
            << u"IamUser | arn:aws:iam::444455556666:user/carol |  | true"_s << no;
    QTest::newRow("another account's role")
            << ex << u"arn:aws:iam::444455556666:role/partner"_s << no
            << u"RoleSession | arn:aws:iam::444455556666:role/partner |  | true"_s << no;
    QTest::newRow("another account's session")
            << ex << u"arn:aws:sts::444455556666:assumed-role/partner/s"_s << no
            << u"RoleSession | arn:aws:sts::444455556666:assumed-role/partner/s |  | true"_s << no;
    // Root of another account needs no assumption: being root satisfies its own side (§2.3).
    QTest::newRow("another account's root")
            << ex << u"arn:aws:iam::444455556666:root"_s << no
            << u"Root | arn:aws:iam::444455556666:root |  | false"_s << no;
    QTest::newRow("unknown name") << ex << u"mallory"_s << no << error << no;
    QTest::newRow("unknown user ARN of this account")
            << ex << u"arn:aws:iam::111122223333:user/mallory"_s << no << error << no;
    QTest::newRow("unknown role ARN of this account")
            << ex << u"arn:aws:iam::111122223333:role/ghost"_s << no << error << no;
    QTest::newRow("session of an unknown role")
            << ex << u"arn:aws:sts::111122223333:assumed-role/ghost/s"_s << no << error << no;
    QTest::newRow("not a principal") << ex << u"arn:aws:s3:::bucket"_s << no << error << no;
    QTest::newRow("nothing") << ex << QString() << no << error << no;

    const QString names = u"names"_s;
    QTest::newRow("name of a user and of a role: asks for the ARN")
            << names << u"builder"_s << no << error << no;
    QTest::newRow("name of a user and of a role, other case")
            << names << u"BUILDER"_s << no << error << no;
    QTest::newRow("the user of a shared name, by ARN")
            << names << u"arn:aws:iam::111122223333:user/builder"_s << no
            << u"IamUser | arn:aws:iam::111122223333:user/builder | user builder | false"_s << no;
    QTest::newRow("the role of a shared name, by ARN")
            << names << u"arn:aws:iam::111122223333:role/Builder"_s << no
            << u"RoleSession | arn:aws:sts::111122223333:assumed-role/Builder/iam-explorer"
               u" | role Builder | false"_s
            << no;
    // §2.2 allows `.` and `@` in user and role names (first.last, e-mail addresses): names are
    // looked up before anything is read as a service principal or identity provider host.
    QTest::newRow("user name with @ and a dot")
            << names << u"ci@example.com"_s << no
            << u"IamUser | arn:aws:iam::111122223333:user/ci@example.com"
               u" | user ci@example.com | false"_s
            << QString();
    QTest::newRow("user name with a dot")
            << names << u"first.last"_s << no
            << u"IamUser | arn:aws:iam::111122223333:user/first.last | user first.last | false"_s
            << QString();
    QTest::newRow("role name with a dot")
            << names << u"svc.runner"_s << no
            << u"RoleSession | arn:aws:sts::111122223333:assumed-role/svc.runner/iam-explorer"
               u" | role svc.runner | false"_s
            << QString();
    // A file mixing accounts (§4.1): each principal keeps the account of its own ARN.
    QTest::newRow("user of a second account in the file, by name")
            << names << u"zed"_s << no
            << u"IamUser | arn:aws:iam::444455556666:user/zed | user zed | false"_s << no;
    // By ARN a user of the file's second account is the same user as by name, not a stranger
    // whose identity side is assumed to allow (§4.1: each keeps the account of its ARN).
    QTest::newRow("user of a second account in the file, by ARN")
            << names << u"arn:aws:iam::444455556666:user/zed"_s << no
            << u"IamUser | arn:aws:iam::444455556666:user/zed | user zed | false"_s << QString();
}

void tst_Resolver::findPrincipal()
{
    QFETCH(QString, fixture);
    QFETCH(QString, text);
    QFETCH(QString, session);
    QFETCH(QString, expected);
    QFETCH(QString, knownBug);

    std::string why;
    const auto found = resolver(fixture).findPrincipal(str(text), str(session), why);
    QString actual = u"error"_s;
    if (found) {
        std::string entity;
        if (found->user)
            entity = "user " + found->user->name;
        if (found->role)
            entity += "role " + found->role->name;
        actual = QString::fromStdString(kindName(found->principal.kind) + " | "
                + found->principal.text + " | " + entity + " | "
                + (found->otherAccount ? "true" : "false"));
    } else {
        QVERIFY2(!why.empty(), "an error says why");
    }
    if (!knownBug.isEmpty())
        QEXPECT_FAIL("", qPrintable(knownBug), Abort);
    QCOMPARE(actual, expected);
    if (found) {
        QVERIFY(why.empty());
        if (found->principal.kind == PrincipalKind::RoleSession && found->role) {
            QVERIFY(found->principal.sessionKnown);
            QCOMPARE(found->principal.name, found->role->name);
        }
    }
    if (qstrcmp(QTest::currentDataTag(), "name of a user and of a role: asks for the ARN") == 0)
        QVERIFY2(why.find("ARN") != std::string::npos, why.c_str());
}

// Another account's principal: its own policies are unknown, so its identity side is assumed
// to allow and the answer says so; the question is whether this account lets it in (§5).
void tst_Resolver::otherAccountIsAssumedToAllow()
{
    const QString carol = u"arn:aws:iam::444455556666:user/carol"_s;
    const auto listedPublic = ask(u"workspace"_s, carol, {}, u"s3:GetObject"_s,
            u"arn:aws:s3:::reports/public/menu.pdf"_s);
    QVERIFY(listedPublic);
    QCOMPARE(listedPublic->assumptions.size(), size_t(1));
    QCOMPARE(listedPublic->identityOrigins.size(), size_t(1));
    QCOMPARE(listedPublic->identityOrigins[0].via, std::string("assumed"));
    QVERIFY(listedPublic->policies.scpLevels.empty()); // not this organization's principal
    QCOMPARE(listedPublic->request.resourceAccount, std::string("111122223333"));
    iamx::Decision out;
    iamx::decide(listedPublic->policies, listedPublic->request, out);
    QCOMPARE(out.kind, iamx::DecisionKind::Allowed);

    // The bucket policy lets the partner account read public/ only.
    const auto privateObject = ask(
            u"workspace"_s, carol, {}, u"s3:GetObject"_s, u"arn:aws:s3:::reports/2026/q1.csv"_s);
    QVERIFY(privateObject);
    iamx::decide(privateObject->policies, privateObject->request, out);
    QCOMPARE(out.kind, iamx::DecisionKind::ImplicitDeny);

    // Without a resource policy nothing lets it in: a role's trust policy does not name it.
    const auto assume = ask(u"example"_s, carol, {}, u"sts:AssumeRole"_s,
            u"arn:aws:iam::111122223333:role/ops/deployer"_s);
    QVERIFY(assume);
    iamx::decide(assume->policies, assume->request, out);
    QCOMPARE(out.kind, iamx::DecisionKind::ImplicitDeny);
}

// The context filled in (§5; iam-evaluation.md §10), key by key.
void tst_Resolver::context_data()
{
    QTest::addColumn<QString>("principal");
    QTest::addColumn<QString>("session");
    QTest::addColumn<QString>("resource");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value"); // `absent`, a value, or `[a, b]` when multi-valued

    const QString s3 = u"arn:aws:s3:::dev-x/k"_s;
    const QString no;
    const auto row = [](const char *tag, const QString &principal, const QString &session,
                             const QString &resource, const QString &key, const QString &value) {
        QTest::newRow(tag) << principal << session << resource << key << value;
    };
    // An IAM user, with access keys.
    const QString alice = u"alice"_s;
    row("user: aws:username", alice, no, s3, u"aws:username"_s, u"alice"_s);
    row("user: aws:userid", alice, no, s3, u"aws:userid"_s, u"AIDAQEXAMPLEALICE0001"_s);
    row("user: aws:PrincipalArn", alice, no, s3, u"aws:PrincipalArn"_s,
            u"arn:aws:iam::111122223333:user/alice"_s);
    row("user: aws:PrincipalAccount", alice, no, s3, u"aws:PrincipalAccount"_s, u"111122223333"_s);
    row("user: aws:PrincipalType", alice, no, s3, u"aws:PrincipalType"_s, u"User"_s);
    row("user: aws:PrincipalTag/team", alice, no, s3, u"aws:PrincipalTag/team"_s, u"blue"_s);
    row("user: tag keys ignore case", alice, no, s3, u"AWS:PRINCIPALTAG/TEAM"_s, u"blue"_s);
    row("user: aws:PrincipalIsAWSService", alice, no, s3, u"aws:PrincipalIsAWSService"_s,
            u"false"_s);
    row("user: no aws:MultiFactorAuthPresent", alice, no, s3, u"aws:MultiFactorAuthPresent"_s,
            u"absent"_s);
    row("user: no aws:TokenIssueTime", alice, no, s3, u"aws:TokenIssueTime"_s, u"absent"_s);
    row("user: no organization", alice, no, s3, u"aws:PrincipalOrgID"_s, u"absent"_s);
    row("user with a path: aws:PrincipalArn", u"bob"_s, no, s3, u"aws:PrincipalArn"_s,
            u"arn:aws:iam::111122223333:user/ops/bob"_s);
    row("user without tags", u"bob"_s, no, s3, u"aws:PrincipalTag/team"_s, u"absent"_s);
    // A role session.
    const QString deployer = u"deployer"_s;
    row("session: aws:userid", deployer, no, s3, u"aws:userid"_s,
            u"AROAQEXAMPLEDEPLOYER1:iam-explorer"_s);
    row("session: aws:userid with --session", deployer, u"ci-42"_s, s3, u"aws:userid"_s,
            u"AROAQEXAMPLEDEPLOYER1:ci-42"_s);
    row("session ARN: aws:userid", u"arn:aws:sts::111122223333:assumed-role/deployer/build-7"_s, no,
            s3, u"aws:userid"_s, u"AROAQEXAMPLEDEPLOYER1:build-7"_s);
    row("session: aws:PrincipalArn is the role ARN with its path", deployer, no, s3,
            u"aws:PrincipalArn"_s, u"arn:aws:iam::111122223333:role/ops/deployer"_s);
    row("session: aws:PrincipalAccount", deployer, no, s3, u"aws:PrincipalAccount"_s,
            u"111122223333"_s);
    row("session: aws:PrincipalType", deployer, no, s3, u"aws:PrincipalType"_s, u"AssumedRole"_s);
    row("session: aws:PrincipalTag from the role", deployer, no, s3, u"aws:PrincipalTag/team"_s,
            u"platform"_s);
    row("session: aws:PrincipalIsAWSService", deployer, no, s3, u"aws:PrincipalIsAWSService"_s,
            u"false"_s);
    row("session: aws:MultiFactorAuthPresent", deployer, no, s3, u"aws:MultiFactorAuthPresent"_s,
            u"false"_s);
    row("session: aws:TokenIssueTime is now", deployer, no, s3, u"aws:TokenIssueTime"_s,
            QString::fromLatin1(nowText));
    row("session: no aws:username", deployer, no, s3, u"aws:username"_s, u"absent"_s);
    // Root, a service, anonymous.
    row("root: aws:userid", u"root"_s, no, s3, u"aws:userid"_s, u"111122223333"_s);
    row("root: aws:PrincipalType", u"root"_s, no, s3, u"aws:PrincipalType"_s, u"Account"_s);
    row("root: aws:PrincipalArn", u"root"_s, no, s3, u"aws:PrincipalArn"_s,
            u"arn:aws:iam::111122223333:root"_s);
    row("root: aws:PrincipalIsAWSService", u"root"_s, no, s3, u"aws:PrincipalIsAWSService"_s,
            u"false"_s);
    row("service: aws:PrincipalIsAWSService", u"ec2.amazonaws.com"_s, no, s3,
            u"aws:PrincipalIsAWSService"_s, u"true"_s);
    row("service: no aws:PrincipalArn", u"ec2.amazonaws.com"_s, no, s3, u"aws:PrincipalArn"_s,
            u"absent"_s);
    row("anonymous: aws:PrincipalIsAWSService absent", u"anonymous"_s, no, s3,
            u"aws:PrincipalIsAWSService"_s, u"absent"_s);
    row("anonymous: aws:PrincipalType", u"anonymous"_s, no, s3, u"aws:PrincipalType"_s,
            u"Anonymous"_s);
    row("anonymous: aws:PrincipalAccount", u"anonymous"_s, no, s3, u"aws:PrincipalAccount"_s,
            u"anonymous"_s);
    // The environment, from the instant given and the resource.
    row("aws:CurrentTime", alice, no, s3, u"aws:CurrentTime"_s, QString::fromLatin1(nowText));
    row("aws:EpochTime", alice, no, s3, u"aws:EpochTime"_s, u"1772366400"_s);
    row("aws:SecureTransport", alice, no, s3, u"aws:SecureTransport"_s, u"true"_s);
    row("aws:ViaAWSService", alice, no, s3, u"aws:ViaAWSService"_s, u"false"_s);
    row("aws:RequestedRegion: S3 ARN has none", alice, no, s3, u"aws:RequestedRegion"_s,
            u"us-east-1"_s);
    row("aws:RequestedRegion: from the ARN", alice, no,
            u"arn:aws:lambda:eu-west-1:111122223333:function:app-web"_s, u"aws:RequestedRegion"_s,
            u"eu-west-1"_s);
    row("aws:RequestedRegion: IAM is global", alice, no, u"arn:aws:iam::111122223333:user/alice"_s,
            u"aws:RequestedRegion"_s, u"us-east-1"_s);
    row("aws:RequestedRegion: no resource", alice, no, u"*"_s, u"aws:RequestedRegion"_s,
            u"us-east-1"_s);
    row("aws:ResourceAccount: S3 is the caller's", alice, no, s3, u"aws:ResourceAccount"_s,
            u"111122223333"_s);
    row("aws:ResourceAccount: from the ARN", alice, no,
            u"arn:aws:sqs:eu-west-2:444455556666:jobs"_s, u"aws:ResourceAccount"_s,
            u"444455556666"_s);
    row("no aws:ResourceTag for an unlisted resource", alice, no, s3, u"aws:ResourceTag/team"_s,
            u"absent"_s);
    row("no aws:SourceIp unless given", alice, no, s3, u"aws:SourceIp"_s, u"absent"_s);
    row("no aws:CalledVia unless given", alice, no, s3, u"aws:CalledVia"_s, u"absent"_s);
}

void tst_Resolver::context()
{
    QFETCH(QString, principal);
    QFETCH(QString, session);
    QFETCH(QString, resource);
    QFETCH(QString, key);
    QFETCH(QString, value);

    const auto request = ask(u"example"_s, principal, session, u"s3:GetObject"_s, resource);
    QVERIFY(request);
    QCOMPARE(entryText(request->request.context, str(key)), value);
}

// --context KEY=VALUE: names ignore case, a given key replaces the filled-in one, a key given
// several times is multi-valued (§5).
void tst_Resolver::contextOverrides()
{
    const auto plain =
            ask(u"example"_s, u"alice"_s, {}, u"s3:GetObject"_s, u"arn:aws:s3:::dev-x/k"_s);
    QVERIFY(plain);
    const Overrides overrides = {
        { "AWS:SECURETRANSPORT", "false" },
        { "aws:SourceIp", "10.0.0.1" },
        { "aws:principaltag/TEAM", "red" },
        { "aws:sourceip", "10.0.0.2" },
        { "aws:CurrentTime", "2030-01-01T00:00:00Z" },
        { "aws:CalledVia", "athena.amazonaws.com" },
        { "aws:MultiFactorAuthPresent", "true" },
    };
    const auto given = ask(
            u"example"_s, u"alice"_s, {}, u"s3:GetObject"_s, u"arn:aws:s3:::dev-x/k"_s, overrides);
    QVERIFY(given);
    const auto &context = given->request.context;
    QCOMPARE(entryText(context, "aws:SecureTransport"), u"false"_s);
    QCOMPARE(entryText(context, "aws:PrincipalTag/team"), u"red"_s);
    QCOMPARE(entryText(context, "aws:CurrentTime"), u"2030-01-01T00:00:00Z"_s);
    QCOMPARE(entryText(context, "aws:SourceIp"), u"[10.0.0.1, 10.0.0.2]"_s);
    QCOMPARE(entryText(context, "aws:CalledVia"), u"athena.amazonaws.com"_s);
    QCOMPARE(entryText(context, "aws:MultiFactorAuthPresent"), u"true"_s);
    // Replaced, not added: one entry per key, whatever its case.
    std::map<std::string, int> counts;
    for (const auto &entry : context.entries())
        ++counts[entry.lowerKey];
    for (const auto &[key, n] : counts)
        QVERIFY2(n == 1, key.c_str());
    // Three new keys (SourceIp, CalledVia, MultiFactorAuthPresent); the others replaced.
    QCOMPARE(context.entries().size(), plain->request.context.entries().size() + 3);
    // Untouched keys keep their filled-in values.
    QCOMPARE(entryText(context, "aws:username"), u"alice"_s);
}

// Which resource policy a request gets (§5, "The resource").
void tst_Resolver::resourcePolicy_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("resource");
    QTest::addColumn<QString>("policy"); // `name | via`, "" for none
    QTest::addColumn<QString>("resourceAccount");

    const QString deployerArn = u"arn:aws:iam::111122223333:role/ops/deployer"_s;
    const QString trust = u"trust policy of deployer | trust policy"_s;
    const QString ex = u"example"_s;
    const QString account = u"111122223333"_s;
    QTest::newRow("sts:AssumeRole on a role: its trust policy")
            << ex << u"sts:AssumeRole"_s << deployerArn << trust << account;
    QTest::newRow("sts:AssumeRoleWithWebIdentity")
            << ex << u"sts:AssumeRoleWithWebIdentity"_s << deployerArn << trust << account;
    QTest::newRow("sts:TagSession") << ex << u"sts:TagSession"_s << deployerArn << trust << account;
    QTest::newRow("sts:SetSourceIdentity")
            << ex << u"sts:SetSourceIdentity"_s << deployerArn << trust << account;
    QTest::newRow("iam:GetRole on a role: none")
            << ex << u"iam:GetRole"_s << deployerArn << QString() << account;
    QTest::newRow("sts:AssumeRole on a role the account lacks")
            << ex << u"sts:AssumeRole"_s << u"arn:aws:iam::111122223333:role/ghost"_s << QString()
            << account;
    QTest::newRow("sts:AssumeRole on another account's role")
            << ex << u"sts:AssumeRole"_s << u"arn:aws:iam::444455556666:role/partner"_s << QString()
            << u"444455556666"_s;
    QTest::newRow("unlisted KMS key: the default key policy")
            << ex << u"kms:Decrypt"_s << u"arn:aws:kms:eu-west-1:111122223333:key/0000"_s
            << u"default key policy | key policy"_s << account;
    QTest::newRow("listed bucket")
            << u"workspace"_s << u"s3:ListBucket"_s << u"arn:aws:s3:::reports"_s
            << u"bucket policy of arn:aws:s3:::reports | bucket policy"_s << account;
    QTest::newRow("object of a listed bucket")
            << u"workspace"_s << u"s3:GetObject"_s << u"arn:aws:s3:::reports/2026/q1.csv"_s
            << u"bucket policy of arn:aws:s3:::reports | bucket policy"_s << account;
    QTest::newRow("object of an unlisted bucket")
            << u"workspace"_s << u"s3:GetObject"_s << u"arn:aws:s3:::other/x"_s << QString()
            << account;
    QTest::newRow("unlisted queue of another account")
            << ex << u"sqs:SendMessage"_s << u"arn:aws:sqs:eu-west-2:444455556666:jobs"_s
            << QString() << u"444455556666"_s;
}

void tst_Resolver::resourcePolicy()
{
    QFETCH(QString, fixture);
    QFETCH(QString, action);
    QFETCH(QString, resource);
    QFETCH(QString, policy);
    QFETCH(QString, resourceAccount);

    const auto request = ask(fixture, u"alice"_s, {}, action, resource);
    QVERIFY(request);
    const auto &p = request->policies.resource;
    QCOMPARE(p ? QString::fromStdString(p->name + " | " + request->resourceOrigin.via) : QString(),
            policy);
    QCOMPARE(QString::fromStdString(request->request.resourceAccount), resourceAccount);
    QCOMPARE(entryText(request->request.context, "aws:ResourceAccount"), resourceAccount);
    if (p)
        QCOMPARE(p->type, iamx::PolicyType::Resource);
}

// deployer's trust policy, as the resource policy of sts:AssumeRole: the account root, on
// condition of MFA (§4.4).
void tst_Resolver::trustPolicyNamesTheAccountWithMfa()
{
    const auto request = ask(u"example"_s, u"alice"_s, {}, u"sts:AssumeRole"_s,
            u"arn:aws:iam::111122223333:role/ops/deployer"_s);
    QVERIFY(request);
    const auto &trust = request->policies.resource;
    QVERIFY(trust);
    QCOMPARE(trust->resourceKind, iamx::ResourcePolicyKind::TrustPolicy);
    QCOMPARE(trust->statements.size(), size_t(1));
    const auto &statement = trust->statements[0];
    QCOMPARE(statement.principals.size(), size_t(1));
    QCOMPARE(statement.principals[0].form, iamx::PrincipalPattern::Form::Account);
    QCOMPARE(statement.principals[0].account, std::string("111122223333"));
    QCOMPARE(statement.conditions.size(), size_t(1));
    QCOMPARE(statement.conditions[0].lowerKey, std::string("aws:multifactorauthpresent"));
    QVERIFY(request->assumptions.empty());

    // ec2-app trusts the EC2 service.
    const auto ec2 = ask(u"example"_s, u"alice"_s, {}, u"sts:AssumeRole"_s,
            u"arn:aws:iam::111122223333:role/ec2-app"_s);
    QVERIFY(ec2 && ec2->policies.resource);
    const auto &principal = ec2->policies.resource->statements.at(0).principals.at(0);
    QCOMPARE(principal.form, iamx::PrincipalPattern::Form::Named);
    QCOMPARE(principal.text, std::string("ec2.amazonaws.com"));
}

// A key the workspace does not list: the default key policy, for the key's account, and the
// answer says it was assumed (§5).
void tst_Resolver::unlistedKeyGetsTheDefaultKeyPolicy()
{
    for (const std::string account : { "111122223333", "444455556666" }) {
        const QString key = QString::fromStdString(
                "arn:aws:kms:eu-west-1:" + account + ":key/1234abcd-12ab-34cd-56ef-1234567890ab");
        const auto request = ask(u"example"_s, u"alice"_s, {}, u"kms:Decrypt"_s, key);
        QVERIFY(request);
        const auto &policy = request->policies.resource;
        QVERIFY(policy);
        QCOMPARE(policy->resourceKind, iamx::ResourcePolicyKind::KeyPolicy);
        QCOMPARE(policy->statements.size(), size_t(1));
        const auto &statement = policy->statements[0];
        QCOMPARE(statement.effect, iamx::Effect::Allow);
        QCOMPARE(statement.principals.at(0).form, iamx::PrincipalPattern::Form::Account);
        QCOMPARE(statement.principals.at(0).account, account);
        QCOMPARE(statement.actions.at(0).text, std::string("kms:*"));
        QCOMPARE(request->assumptions.size(), size_t(1));
        QCOMPARE(request->request.resourceAccount, account);
        QCOMPARE(entryText(request->request.context, "aws:RequestedRegion"), u"eu-west-1"_s);
        QVERIFY(!request->incomplete());
    }
    // A listed key brings its own policy and assumes nothing.
    const auto listed = ask(u"workspace"_s, u"alice"_s, {}, u"kms:Decrypt"_s,
            u"arn:aws:kms:eu-west-1:111122223333:key/listed-key"_s);
    QVERIFY(listed);
    QVERIFY(listed->assumptions.empty());
    QCOMPARE(listed->policies.resource->statements.at(0).sid,
            std::optional<std::string>("AliceOnly"));
}

// An object under a listed bucket: the bucket's policy, tags and account (§5, §6).
void tst_Resolver::bucketPolicyOfAnObject()
{
    const auto request = ask(
            u"workspace"_s, u"bob"_s, {}, u"s3:GetObject"_s, u"arn:aws:s3:::reports/2026/q1.csv"_s);
    QVERIFY(request);
    QVERIFY(request->policies.resource);
    QCOMPARE(request->policies.resource->statements.size(), size_t(3));
    QCOMPARE(request->resourceOrigin.via, std::string("bucket policy"));
    const auto &context = request->request.context;
    QCOMPARE(entryText(context, "aws:ResourceTag/team"), u"data"_s);
    QCOMPARE(entryText(context, "aws:ResourceTag/stage"), u"prod"_s);
    QCOMPARE(entryText(context, "aws:ResourceAccount"), u"111122223333"_s);
    iamx::Decision out;
    iamx::decide(request->policies, request->request, out);
    QCOMPARE(out.kind, iamx::DecisionKind::Allowed);

    // The same object for an unlisted bucket name: nothing of the listed one.
    const auto other = ask(u"workspace"_s, u"bob"_s, {}, u"s3:GetObject"_s,
            u"arn:aws:s3:::reports-archive/2026/q1.csv"_s);
    QVERIFY(other);
    QVERIFY(!other->policies.resource);
    QCOMPARE(entryText(other->request.context, "aws:ResourceTag/team"), u"absent"_s);
}

// The workspace's organization: SCP levels for this account's principals, RCP levels for its
// resources, the org keys of the context (§5, §6; iam-evaluation.md §1).
void tst_Resolver::organization_data()
{
    QTest::addColumn<QString>("principal");
    QTest::addColumn<QString>("resource");
    QTest::addColumn<QString>("scpLevels"); // policies per level, e.g. "1 2 1"
    QTest::addColumn<QString>("rcpLevels");
    QTest::addColumn<QString>("principalOrgPaths"); // `absent` or the multi-valued key

    const QString reports = u"arn:aws:s3:::reports/2026/q1.csv"_s;
    const QString paths = u"[o-a1b2c3d4e5/r-a1b2/ou-a1b2-prod1234/]"_s;
    QTest::newRow("user, own bucket") << u"alice"_s << reports << u"1 2 1"_s << u"1"_s << paths;
    QTest::newRow("role session") << u"deployer"_s << reports << u"1 2 1"_s << u"1"_s << paths;
    QTest::newRow("root") << u"root"_s << reports << u"1 2 1"_s << u"1"_s << paths;
    QTest::newRow("user, another account's queue")
            << u"alice"_s << u"arn:aws:sqs:eu-west-2:444455556666:jobs"_s << u"1 2 1"_s << QString()
            << paths;
    QTest::newRow("service-linked role: neither")
            << u"AWSServiceRoleForElasticBeanstalk"_s << reports << QString() << QString() << paths;
    QTest::newRow("service principal: RCPs only")
            << u"ec2.amazonaws.com"_s << reports << QString() << u"1"_s << u"absent"_s;
    QTest::newRow("anonymous: RCPs only")
            << u"anonymous"_s << reports << QString() << u"1"_s << u"absent"_s;
    QTest::newRow("another account's user: RCPs only")
            << u"arn:aws:iam::444455556666:user/carol"_s << reports << QString() << u"1"_s
            << u"absent"_s;
}

void tst_Resolver::organization()
{
    QFETCH(QString, principal);
    QFETCH(QString, resource);
    QFETCH(QString, scpLevels);
    QFETCH(QString, rcpLevels);
    QFETCH(QString, principalOrgPaths);

    const auto request = ask(u"workspace"_s, principal, {}, u"s3:GetObject"_s, resource);
    QVERIFY(request);
    const auto sizes = [](const std::vector<std::vector<iamx::PolicyRef>> &levels) {
        QStringList out;
        for (const auto &level : levels)
            out << QString::number(level.size());
        return out.join(u' ');
    };
    QCOMPARE(sizes(request->policies.scpLevels), scpLevels);
    QCOMPARE(sizes(request->policies.rcpLevels), rcpLevels);
    QCOMPARE(request->scpOrigins.size(), request->policies.scpLevels.size());
    QCOMPARE(request->rcpOrigins.size(), request->policies.rcpLevels.size());
    if (!scpLevels.isEmpty()) {
        QCOMPARE(request->scpOrigins[0][0].via, std::string("SCP at Root"));
        QCOMPARE(request->scpOrigins[1][1].via, std::string("SCP at Production"));
        QCOMPARE(request->policies.scpLevels[1][1]->name, std::string("DenyLeaveOrg"));
        QCOMPARE(request->scpOrigins[2][0].via, std::string("SCP at this account"));
    }
    if (!rcpLevels.isEmpty()) {
        QCOMPARE(request->rcpOrigins[0][0].via, std::string("RCP at Root"));
        QCOMPARE(request->policies.rcpLevels[0][0]->name, std::string("DenyInsecureTransport"));
    }
    const auto &context = request->request.context;
    QCOMPARE(entryText(context, "aws:PrincipalOrgPaths"), principalOrgPaths);
    QCOMPARE(entryText(context, "aws:PrincipalOrgID"),
            principalOrgPaths == u"absent"_s ? u"absent"_s : u"o-a1b2c3d4e5"_s);
    const bool ownResource = resource.startsWith(u"arn:aws:s3:"_s);
    QCOMPARE(
            entryText(context, "aws:ResourceOrgID"), ownResource ? u"o-a1b2c3d4e5"_s : u"absent"_s);
    QCOMPARE(entryText(context, "aws:ResourceOrgPaths"),
            ownResource ? u"[o-a1b2c3d4e5/r-a1b2/ou-a1b2-prod1234/]"_s : u"absent"_s);

    // The RCP acts through the context: over plain HTTP it denies S3 to everyone.
    if (!rcpLevels.isEmpty()) {
        const auto insecure = ask(u"workspace"_s, principal, {}, u"s3:GetObject"_s, resource,
                { { "aws:SecureTransport", "false" } });
        QVERIFY(insecure);
        iamx::Decision out;
        iamx::decide(insecure->policies, insecure->request, out);
        QCOMPARE(out.kind, iamx::DecisionKind::ExplicitDeny);
        QCOMPARE(out.decisive.size(), size_t(1));
        QCOMPARE(out.decisive[0].type, iamx::PolicyType::ResourceControl);
        QCOMPARE(insecure->originOf(out.decisive[0]).via, std::string("RCP at Root"));
    }
}

// §4.5: what cannot be evaluated makes the principal's decisions incomplete, with the place.
void tst_Resolver::incompleteDecisions_data()
{
    QTest::addColumn<QString>("principal");
    QTest::addColumn<QString>("code"); // of the problem, "" for any
    QTest::addColumn<int>("line"); // 0: not checked
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("knownBug");

    const QString no;
    // The Effect "Perhaps" is on line 5, column 64 of the file.
    QTest::newRow("invalid Effect") << u"eve"_s << u"INVALID_EFFECT"_s << 5 << 64 << no;
    QTest::newRow("attached policy not in the file")
            << u"frank"_s << u"UNRESOLVED_POLICY"_s << 0 << 0 << no;
    QTest::newRow("attached policy with two defaults, boundary missing")
            << u"gina"_s << u"UNRESOLVED_POLICY"_s << 0 << 0 << no;
    // A document that did not load keeps its place: the problem is put at it (line 12, column
    // 67), not at the start of the file.
    QTest::newRow("document that did not load (hank)")
            << u"hank"_s << QString() << 12 << 67 << QString();
    QTest::newRow("document that did not load (ivan)")
            << u"ivan"_s << QString() << 14 << 67 << QString();
}

void tst_Resolver::incompleteDecisions()
{
    QFETCH(QString, principal);
    QFETCH(QString, code);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, knownBug);

    // A resolver of its own: the rows do not share compiled documents.
    const Resolver fresh(*m_fixtures.at(u"broken"_s).account);
    std::string why;
    const auto resolved = fresh.findPrincipal(str(principal), {}, why);
    QVERIFY2(resolved, why.c_str());
    const auto request = fresh.resolve(*resolved, "s3:GetObject", "arn:aws:s3:::dev-x/k", {}, now);
    QVERIFY(request.incomplete());
    const std::string problems = problemsOf(request);
    const auto found = std::find_if(request.problems.begin(), request.problems.end(),
            [&](const iamx::Diagnostic &d) { return code.isEmpty() || d.code == str(code); });
    QVERIFY2(found != request.problems.end(), problems.c_str());
    // The problem names the principal's own policy (hank's and ivan's are both empty documents:
    // each must still be reported as its own).
    const std::map<QString, std::string> policyOf = { { u"eve"_s, "Maybe" }, { u"frank"_s, "Gone" },
        { u"gina"_s, "TwoDefaults" }, { u"hank"_s, "HankBad" }, { u"ivan"_s, "IvanBad" } };
    QVERIFY2(found->message.find(policyOf.at(principal)) != std::string::npos, problems.c_str());
    if (line == 0)
        return;
    QCOMPARE(found->where.file, std::string("broken.json"));
    if (!knownBug.isEmpty())
        QEXPECT_FAIL("", qPrintable(knownBug), Abort);
    QCOMPARE(QString::fromStdString(
                     std::to_string(found->where.line) + ":" + std::to_string(found->where.column)),
            QString::number(line) + u':' + QString::number(column));
}

// Two principals whose documents did not load, resolved one after the other by one resolver:
// each decision names its own policy: compiled documents are cached by document, not by the
// address of their text (which every document that failed to load shares).
void tst_Resolver::documentsThatDidNotLoadAreNotConfused()
{
    const Resolver shared(*m_fixtures.at(u"broken"_s).account);
    std::vector<std::string> messages;
    for (const char *user : { "hank", "ivan" }) {
        std::string why;
        const auto principal = shared.findPrincipal(user, {}, why);
        QVERIFY(principal);
        const auto request =
                shared.resolve(*principal, "s3:GetObject", "arn:aws:s3:::dev-x/k", {}, now);
        QCOMPARE(request.problems.size(), size_t(1));
        messages.push_back(request.problems[0].message);
    }
    QVERIFY2(messages[0].find("HankBad") != std::string::npos, messages[0].c_str());
    QVERIFY2(messages[1].find("IvanBad") != std::string::npos, messages[1].c_str());
}

QTEST_APPLESS_MAIN(tst_Resolver)

#include "tst_resolver.moc"
