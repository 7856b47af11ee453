#include "tests/model/resolverfixtures.h"

// The rest of a resolved request (account-format.md §5, §6; iam-evaluation.md §10): the context
// AWS fills in, --context overrides, the resource side (trust, key and bucket policies), the
// organization, and decisions that are incomplete.

class tst_ResolverContext : public QObject, public ResolverFixtures
{
    Q_OBJECT

private slots:
    void initTestCase() { loadFixtures(); }

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
};

// The context filled in (§5; iam-evaluation.md §10), key by key.
void tst_ResolverContext::context_data()
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

void tst_ResolverContext::context()
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
void tst_ResolverContext::contextOverrides()
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
void tst_ResolverContext::resourcePolicy_data()
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

void tst_ResolverContext::resourcePolicy()
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
void tst_ResolverContext::trustPolicyNamesTheAccountWithMfa()
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
void tst_ResolverContext::unlistedKeyGetsTheDefaultKeyPolicy()
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
void tst_ResolverContext::bucketPolicyOfAnObject()
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
void tst_ResolverContext::organization_data()
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

void tst_ResolverContext::organization()
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
void tst_ResolverContext::incompleteDecisions_data()
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

void tst_ResolverContext::incompleteDecisions()
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
void tst_ResolverContext::documentsThatDidNotLoadAreNotConfused()
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

QTEST_APPLESS_MAIN(tst_ResolverContext)

#include "tst_resolvercontext.moc"
