#pragma once

// The accounts the resolver tests ask questions of (tst_resolver, tst_resolvercontext): the
// example snapshot of account-format.md §3, a workspace built on it (§6), an account whose
// names hold dots and a second account, and one with documents that do not load.

#include "model/accountio.h"
#include "model/resolver.h"
#include "tests/support/testsupport.h"

#include <QTest>

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

using Json = nlohmann::json;
using iamx::Account;
using iamx::AccountRequest;
using iamx::PrincipalKind;
using iamx::Resolver;
using Overrides = iamx::ContextOverrides;

[[maybe_unused]] constexpr iamx::Instant now { 1772366400, 0 }; // 2026-03-01T12:00:00Z
[[maybe_unused]] const char *const nowText = "2026-03-01T12:00:00Z";

[[maybe_unused]] std::string str(const QString &text)
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

[[maybe_unused]] std::string problemsOf(const AccountRequest &request)
{
    std::string out;
    for (const auto &d : request.problems)
        out += iamx::formatDiagnostic(d) + "\n";
    return out;
}

[[maybe_unused]] std::string describe(const iamx::Policy &policy, const iamx::PolicyOrigin &origin)
{
    std::string routes;
    for (const auto &route : origin.routes)
        routes += (routes.empty() ? "" : ",") + route;
    return policy.name + " | " + origin.via + " | " + routes + " | " + origin.arn + " | "
            + origin.versionId;
}

[[maybe_unused]] QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

[[maybe_unused]] std::string kindName(PrincipalKind kind)
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
[[maybe_unused]] QString entryText(const iamx::RequestContext &context, const std::string &key)
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

class ResolverFixtures
{
protected:
    void loadFixtures();
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

inline void ResolverFixtures::loadFixtures()
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

inline const Resolver &ResolverFixtures::resolver(const QString &fixture) const
{
    return *m_fixtures.at(fixture).resolver;
}

inline std::optional<AccountRequest> ResolverFixtures::ask(const QString &fixture,
        const QString &principal, const QString &session, const QString &action,
        const QString &resource, const Overrides &overrides) const
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
