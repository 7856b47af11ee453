#include "tests/model/resolverfixtures.h"

// From an account to a decidable request (account-format.md §4, §5): the policies of every
// principal of the example snapshot (§3) with their origins, the decisions §4.4 calls out, and
// finding principals in every form of §5.

class tst_Resolver : public QObject, public ResolverFixtures
{
    Q_OBJECT

private slots:
    void initTestCase() { loadFixtures(); }

    void identityPolicies_data();
    void identityPolicies();
    void decisions_data();
    void decisions();
    void aliceCannotAssumeDeployer();
    void findPrincipal_data();
    void findPrincipal();
    void otherAccountIsAssumedToAllow();
};

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

QTEST_APPLESS_MAIN(tst_Resolver)

#include "tst_resolver.moc"
