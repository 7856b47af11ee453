#include "tests/model/policyparsertest.h"

// The compiled form of good documents: statements, principals, actions, resources, variables
// by Version, condition operators, keys and values.

class tst_PolicyCompile : public QObject
{
    Q_OBJECT

private slots:
    void statementsCompiled();
    void singleStatementObject();
    void trustPolicyNeedsNoResource();
    void principals_data();
    void principals();
    void actions_data();
    void actions();
    void resources_data();
    void resources();
    void variablesFollowVersion_data();
    void variablesFollowVersion();
    void conditionOperators_data();
    void conditionOperators();
    void conditionKeysAndValues();
};

void tst_PolicyCompile::statementsCompiled()
{
    const QByteArray document = lines({
            "{",
            "  \"Version\": \"2012-10-17\",",
            "  \"Id\": \"Example\",",
            "  \"Statement\": [",
            "    {\"Sid\": \"Read\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", "
            "\"Resource\": \"arn:aws:s3:::b/*\"},",
            "    {\"Effect\": \"Deny\", \"NotAction\": [\"iam:*\", \"sts:*\"], \"NotResource\": "
            "\"*\"}",
            "  ]",
            "}",
    });
    const auto result = parse(document);
    QVERIFY2(result.diagnostics.empty(), describeAll(result.diagnostics).join('\n').constData());
    QVERIFY(result.value);
    const iamx::Policy &policy = *result.value;
    QCOMPARE(policy.name, std::string("test"));
    QCOMPARE(policy.type, PolicyType::Identity);
    QCOMPARE(policy.version, std::optional<std::string>("2012-10-17"));
    QCOMPARE(policy.id, std::optional<std::string>("Example"));
    QVERIFY(policy.statementIsArray);
    QCOMPARE(policy.statements.size(), size_t(2));

    const iamx::Statement &read = policy.statements[0];
    QCOMPARE(read.pointer, std::string("/Statement/0"));
    QCOMPARE(read.sid, std::optional<std::string>("Read"));
    QCOMPARE(read.effect, iamx::Effect::Allow);
    QCOMPARE(read.principalMode, iamx::PrincipalMode::None);
    QVERIFY(!read.notAction);
    QCOMPARE(read.actions.size(), size_t(1));
    QCOMPARE(read.resourceMode, iamx::Statement::ResourceMode::Resource);
    QCOMPARE(read.resources.size(), size_t(1));
    QVERIFY(read.conditions.empty());

    const iamx::Statement &deny = policy.statements[1];
    QCOMPARE(deny.pointer, std::string("/Statement/1"));
    QVERIFY(!deny.sid);
    QCOMPARE(deny.effect, iamx::Effect::Deny);
    QVERIFY(deny.notAction);
    QCOMPARE(deny.actions.size(), size_t(2));
    QCOMPARE(deny.resourceMode, iamx::Statement::ResourceMode::NotResource);
    QVERIFY(deny.resources.at(0).matchesAll);

    // Each statement knows its byte range: from its `{` to its `}`.
    for (const auto &statement : policy.statements) {
        QVERIFY(statement.offset + statement.length <= static_cast<size_t>(document.size()));
        QCOMPARE(document.at(static_cast<qsizetype>(statement.offset)), '{');
        QCOMPARE(document.at(static_cast<qsizetype>(statement.offset + statement.length - 1)), '}');
    }
    QCOMPARE(document.indexOf("{\"Sid\""), static_cast<qsizetype>(read.offset));
    QCOMPARE(document.indexOf("{\"Effect\": \"Deny\""), static_cast<qsizetype>(deny.offset));
}

void tst_PolicyCompile::singleStatementObject()
{
    const auto result = parse(oneStatement({ "\"Sid\": \"\",", "\"Effect\": \"Deny\",",
            "\"Action\": \"*\",", "\"Resource\": \"*\"" }));
    QVERIFY(result.value);
    QVERIFY(!result.value->statementIsArray);
    QCOMPARE(result.value->statements.size(), size_t(1));
    const iamx::Statement &statement = result.value->statements[0];
    QCOMPARE(statement.pointer, std::string("/Statement"));
    QCOMPARE(statement.sid, std::optional<std::string>(""));
    QCOMPARE(statement.effect, iamx::Effect::Deny);
    QVERIFY(statement.actions.at(0).matchesAll);
    QVERIFY(statement.resources.at(0).matchesAll);
}

void tst_PolicyCompile::trustPolicyNeedsNoResource()
{
    const QByteArray document =
            oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"sts:AssumeRole\",",
                    "\"Principal\": {\"Service\": \"lambda.amazonaws.com\"}" });
    const auto trust = parse(document, PolicyType::Resource, ResourcePolicyKind::TrustPolicy);
    QVERIFY2(trust.diagnostics.empty(), describeAll(trust.diagnostics).join('\n').constData());
    QVERIFY(trust.value);
    QCOMPARE(trust.value->resourceKind, ResourcePolicyKind::TrustPolicy);
    QCOMPARE(trust.value->statements.at(0).resourceMode, iamx::Statement::ResourceMode::None);
    QVERIFY(trust.value->statements.at(0).resources.empty());

    // The same document as an ordinary resource policy needs a Resource.
    const auto ordinary = parse(document, PolicyType::Resource, ResourcePolicyKind::Ordinary);
    QCOMPARE(describeErrors(ordinary.diagnostics),
            QByteArrayList { describe("MISSING_RESOURCE", Severity::Error, "/Statement", 3, 16) });
    QVERIFY(!ordinary.value);
}

void tst_PolicyCompile::principals_data()
{
    using Key = iamx::PrincipalPattern::Key;
    using Form = iamx::PrincipalPattern::Form;
    QTest::addColumn<QByteArray>("principal"); // the JSON of the Principal element
    QTest::addColumn<Key>("key");
    QTest::addColumn<Form>("form");
    QTest::addColumn<QByteArray>("partition");
    QTest::addColumn<QByteArray>("account");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("session");

    QTest::newRow("*") << QByteArray("\"*\"") << Key::AWS << Form::Everyone << QByteArray()
                       << QByteArray() << QByteArray() << QByteArray();
    QTest::newRow("AWS *") << QByteArray("{\"AWS\": \"*\"}") << Key::AWS << Form::Everyone
                           << QByteArray() << QByteArray() << QByteArray() << QByteArray();
    QTest::newRow("account id") << QByteArray("{\"AWS\": \"111122223333\"}") << Key::AWS
                                << Form::Account << QByteArray() << QByteArray("111122223333")
                                << QByteArray() << QByteArray();
    QTest::newRow("root") << QByteArray("{\"AWS\": \"arn:aws:iam::111122223333:root\"}") << Key::AWS
                          << Form::Account << QByteArray("aws") << QByteArray("111122223333")
                          << QByteArray() << QByteArray();
    QTest::newRow("root in China") << QByteArray("{\"AWS\": \"arn:aws-cn:iam::111122223333:root\"}")
                                   << Key::AWS << Form::Account << QByteArray("aws-cn")
                                   << QByteArray("111122223333") << QByteArray() << QByteArray();
    QTest::newRow("user") << QByteArray("{\"AWS\": \"arn:aws:iam::111122223333:user/alice\"}")
                          << Key::AWS << Form::User << QByteArray("aws")
                          << QByteArray("111122223333") << QByteArray("alice") << QByteArray();
    QTest::newRow("user with a path")
            << QByteArray("{\"AWS\": \"arn:aws:iam::111122223333:user/division/alice\"}")
            << Key::AWS << Form::User << QByteArray("aws") << QByteArray("111122223333")
            << QByteArray("alice") << QByteArray();
    QTest::newRow("role") << QByteArray("{\"AWS\": \"arn:aws:iam::444455556666:role/Admin\"}")
                          << Key::AWS << Form::Role << QByteArray("aws")
                          << QByteArray("444455556666") << QByteArray("Admin") << QByteArray();
    QTest::newRow("assumed role") << QByteArray(
            "{\"AWS\": "
            "\"arn:aws:sts::444455556666:assumed-role/Admin/alice@example.com\"}")
                                  << Key::AWS << Form::RoleSession << QByteArray("aws")
                                  << QByteArray("444455556666") << QByteArray("Admin")
                                  << QByteArray("alice@example.com");
    QTest::newRow("federated user")
            << QByteArray("{\"AWS\": \"arn:aws:sts::111122223333:federated-user/bob\"}") << Key::AWS
            << Form::FederatedUser << QByteArray("aws") << QByteArray("111122223333")
            << QByteArray("bob") << QByteArray();
    QTest::newRow("service") << QByteArray("{\"Service\": \"lambda.amazonaws.com\"}")
                             << Key::Service << Form::Named << QByteArray() << QByteArray()
                             << QByteArray("lambda.amazonaws.com") << QByteArray();
    QTest::newRow("service list") << QByteArray("{\"Service\": [\"ec2.amazonaws.com\"]}")
                                  << Key::Service << Form::Named << QByteArray() << QByteArray()
                                  << QByteArray("ec2.amazonaws.com") << QByteArray();
    QTest::newRow("federated") << QByteArray("{\"Federated\": \"cognito-identity.amazonaws.com\"}")
                               << Key::Federated << Form::Named << QByteArray() << QByteArray()
                               << QByteArray("cognito-identity.amazonaws.com") << QByteArray();
    QTest::newRow("canonical user")
            << QByteArray(
                       "{\"CanonicalUser\": \"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d52"
                       "18e7cd47ef2be\"}")
            << Key::CanonicalUser << Form::Named << QByteArray() << QByteArray()
            << QByteArray("79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be")
            << QByteArray();
    QTest::newRow("user unique id")
            << QByteArray("{\"AWS\": \"AIDAJQABLZS4A3QDU576Q\"}") << Key::AWS << Form::Unmatchable
            << QByteArray() << QByteArray() << QByteArray() << QByteArray();
    QTest::newRow("role unique id")
            << QByteArray("{\"AWS\": \"AROADBQP57FF2AEXAMPLE\"}") << Key::AWS << Form::Unmatchable
            << QByteArray() << QByteArray() << QByteArray() << QByteArray();
}

void tst_PolicyCompile::principals()
{
    using Key = iamx::PrincipalPattern::Key;
    using Form = iamx::PrincipalPattern::Form;
    QFETCH(QByteArray, principal);
    QFETCH(Key, key);
    QFETCH(Form, form);
    QFETCH(QByteArray, partition);
    QFETCH(QByteArray, account);
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, session);

    const QByteArray document = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": "
                                "\"Allow\", \"Action\": \"sts:AssumeRole\", \"Principal\": "
            + principal + "}}";
    const auto result = parse(document, PolicyType::Resource, ResourcePolicyKind::TrustPolicy);
    // Unique ids match nobody current, but they are what IAM writes for deleted principals:
    // no warning.
    QVERIFY2(result.diagnostics.empty(), describeAll(result.diagnostics).join('\n').constData());
    QVERIFY(result.value);
    const iamx::Statement &statement = result.value->statements.at(0);
    QCOMPARE(statement.principalMode, iamx::PrincipalMode::Principal);
    QCOMPARE(statement.principals.size(), size_t(1));
    const iamx::PrincipalPattern &pattern = statement.principals[0];
    QCOMPARE(static_cast<int>(pattern.key), static_cast<int>(key));
    QCOMPARE(static_cast<int>(pattern.form), static_cast<int>(form));
    QCOMPARE(bytes(pattern.partition), partition);
    QCOMPARE(bytes(pattern.account), account);
    QCOMPARE(bytes(pattern.name), name);
    QCOMPARE(bytes(pattern.session), session);
}

void tst_PolicyCompile::actions_data()
{
    QTest::addColumn<QByteArray>("action");
    QTest::addColumn<QByteArray>("service"); // as compiled: lowercase
    QTest::addColumn<bool>("matchesAll");
    QTest::addColumn<QByteArray>("request"); // an action name the pattern must match
    QTest::addColumn<QByteArray>("other"); // one it must not

    QTest::newRow("*") << QByteArray("*") << QByteArray() << true << QByteArray() << QByteArray();
    QTest::newRow("plain") << QByteArray("s3:GetObject") << QByteArray("s3") << false
                           << QByteArray("GetObject") << QByteArray("GetObjectAcl");
    QTest::newRow("service upper-case") << QByteArray("S3:GetObject") << QByteArray("s3") << false
                                        << QByteArray("getobject") << QByteArray("PutObject");
    QTest::newRow("name upper-case") << QByteArray("IAM:PASSROLE") << QByteArray("iam") << false
                                     << QByteArray("PassRole") << QByteArray("PassRoles");
    QTest::newRow("glob") << QByteArray("ec2:Describe*") << QByteArray("ec2") << false
                          << QByteArray("DescribeInstances") << QByteArray("RunInstances");
    QTest::newRow("question mark") << QByteArray("sqs:?etQueueUrl") << QByteArray("sqs") << false
                                   << QByteArray("GetQueueUrl") << QByteArray("GetQueueAttributes");
    QTest::newRow("service with dash and dot")
            << QByteArray("Execute-API.v2:Invoke") << QByteArray("execute-api.v2") << false
            << QByteArray("invoke") << QByteArray("Invoked");
}

void tst_PolicyCompile::actions()
{
    QFETCH(QByteArray, action);
    QFETCH(QByteArray, service);
    QFETCH(bool, matchesAll);
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, other);

    const auto result = parse(oneStatement({ "\"Effect\": \"Allow\",",
            ("\"Action\": \"" + action + "\",").constData(), "\"Resource\": \"*\"" }));
    QVERIFY2(result.diagnostics.empty(), describeAll(result.diagnostics).join('\n').constData());
    QVERIFY(result.value);
    const iamx::ActionPattern &pattern = result.value->statements.at(0).actions.at(0);
    QCOMPARE(bytes(pattern.text), action);
    QCOMPARE(pattern.matchesAll, matchesAll);
    QVERIFY(pattern.usable);
    QCOMPARE(bytes(pattern.service), service);
    if (matchesAll)
        return;
    QVERIFY(iamx::globMatch(pattern.name, view(request), iamx::CaseMode::AsciiInsensitive));
    QVERIFY(!iamx::globMatch(pattern.name, view(other), iamx::CaseMode::AsciiInsensitive));
}

void tst_PolicyCompile::resources_data()
{
    QTest::addColumn<QByteArray>("resource");
    QTest::addColumn<bool>("matchesAll");
    QTest::addColumn<QByteArrayList>("components"); // the literal of each component

    QTest::newRow("*") << QByteArray("*") << true << QByteArrayList();
    QTest::newRow("bucket object") << QByteArray("arn:aws:s3:::reports/*") << false
                                   << QByteArrayList { "arn", "aws", "s3", "", "", "reports/*" };
    QTest::newRow("colon in the resource part")
            << QByteArray("arn:aws:lambda:eu-west-1:111122223333:function:fn:prod") << false
            << QByteArrayList { "arn", "aws", "lambda", "eu-west-1", "111122223333",
                   "function:fn:prod" };
    QTest::newRow("wildcard prefix") << QByteArray("*:aws:s3:::b") << false
                                     << QByteArrayList { "*", "aws", "s3", "", "", "b" };
}

void tst_PolicyCompile::resources()
{
    QFETCH(QByteArray, resource);
    QFETCH(bool, matchesAll);
    QFETCH(QByteArrayList, components);

    const auto result = parse(oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"*\",",
            ("\"Resource\": \"" + resource + "\"").constData() }));
    QVERIFY2(result.diagnostics.empty(), describeAll(result.diagnostics).join('\n').constData());
    QVERIFY(result.value);
    const iamx::ResourcePattern &pattern = result.value->statements.at(0).resources.at(0);
    QCOMPARE(bytes(pattern.text), resource);
    QCOMPARE(pattern.matchesAll, matchesAll);
    QVERIFY(pattern.usable);
    QByteArrayList actual;
    for (const auto &component : pattern.components)
        actual.append(bytes(component.literal()));
    QCOMPARE(actual, components);
}

// Only 2012-10-17 resolves `${...}` (iam-evaluation.md §4 Version).
void tst_PolicyCompile::variablesFollowVersion_data()
{
    QTest::addColumn<QByteArray>("versionMember"); // empty: no Version
    QTest::addColumn<bool>("variablesEnabled");

    QTest::newRow("2012-10-17") << QByteArray("\"Version\": \"2012-10-17\", ") << true;
    QTest::newRow("2008-10-17") << QByteArray("\"Version\": \"2008-10-17\", ") << false;
    QTest::newRow("no Version") << QByteArray() << false;
}

void tst_PolicyCompile::variablesFollowVersion()
{
    QFETCH(QByteArray, versionMember);
    QFETCH(bool, variablesEnabled);

    const QByteArray document = "{" + versionMember
            + "\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": "
              "\"arn:aws:s3:::home/${aws:username}/*\", \"Condition\": {\"StringLike\": "
              "{\"s3:prefix\": \"${aws:username}/*\"}}}}";
    const auto result = parse(document);
    QVERIFY(result.value);
    QCOMPARE(result.value->variablesEnabled, variablesEnabled);
    const iamx::Statement &statement = result.value->statements.at(0);
    QCOMPARE(statement.resources.at(0).components.at(5).hasVariables(), variablesEnabled);
    QCOMPARE(statement.conditions.at(0).values.at(0).pattern.hasVariables(), variablesEnabled);
    if (!variablesEnabled)
        QCOMPARE(statement.resources.at(0).components.at(5).literal(),
                std::string("home/${aws:username}/*"));
}

void tst_PolicyCompile::conditionOperators_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<iamx::BaseOperator>("base");
    QTest::addColumn<iamx::SetQualifier>("qualifier");
    QTest::addColumn<bool>("ifExists");
    QTest::addColumn<QByteArray>("value");

    using B = iamx::BaseOperator;
    using Q = iamx::SetQualifier;
    QTest::newRow("StringEquals") << QByteArray("StringEquals") << B::StringEquals << Q::None
                                  << false << QByteArray("a");
    QTest::newRow("StringLikeIfExists") << QByteArray("StringLikeIfExists") << B::StringLike
                                        << Q::None << true << QByteArray("a*");
    QTest::newRow("ForAnyValue:StringLikeIfExists")
            << QByteArray("ForAnyValue:StringLikeIfExists") << B::StringLike << Q::ForAnyValue
            << true << QByteArray("a*");
    QTest::newRow("ForAllValues:StringEqualsIgnoreCase")
            << QByteArray("ForAllValues:StringEqualsIgnoreCase") << B::StringEqualsIgnoreCase
            << Q::ForAllValues << false << QByteArray("A");
    QTest::newRow("NumericGreaterThanEqualsIfExists")
            << QByteArray("NumericGreaterThanEqualsIfExists") << B::NumericGreaterThanEquals
            << Q::None << true << QByteArray("-3.5");
    QTest::newRow("DateLessThan") << QByteArray("DateLessThan") << B::DateLessThan << Q::None
                                  << false << QByteArray("2026-03-01T12:00:00Z");
    QTest::newRow("Bool") << QByteArray("Bool") << B::Bool << Q::None << false
                          << QByteArray("TRUE");
    QTest::newRow("BinaryEquals") << QByteArray("BinaryEquals") << B::BinaryEquals << Q::None
                                  << false << QByteArray("QmluYXJ5");
    QTest::newRow("NotIpAddressIfExists") << QByteArray("NotIpAddressIfExists") << B::NotIpAddress
                                          << Q::None << true << QByteArray("2001:db8::/32");
    QTest::newRow("ArnNotLikeIfExists") << QByteArray("ArnNotLikeIfExists") << B::ArnNotLike
                                        << Q::None << true << QByteArray("arn:aws:iam::*:role/*");
    QTest::newRow("Null") << QByteArray("Null") << B::Null << Q::None << false
                          << QByteArray("false");
    QTest::newRow("ForAnyValue:Null") << QByteArray("ForAnyValue:Null") << B::Null << Q::ForAnyValue
                                      << false << QByteArray("true");
}

void tst_PolicyCompile::conditionOperators()
{
    QFETCH(QByteArray, name);
    QFETCH(iamx::BaseOperator, base);
    QFETCH(iamx::SetQualifier, qualifier);
    QFETCH(bool, ifExists);
    QFETCH(QByteArray, value);

    const QByteArray condition =
            "\"Condition\": {\"" + name + "\": {\"a:Key\": \"" + value + "\"}}";
    const auto result = parse(oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"*\",",
            "\"Resource\": \"*\",", condition.constData() }));
    QVERIFY2(result.diagnostics.empty(), describeAll(result.diagnostics).join('\n').constData());
    QVERIFY(result.value);
    const iamx::Condition &parsed = result.value->statements.at(0).conditions.at(0);
    QCOMPARE(static_cast<int>(parsed.op.base), static_cast<int>(base));
    QCOMPARE(static_cast<int>(parsed.op.qualifier), static_cast<int>(qualifier));
    QCOMPARE(parsed.op.ifExists, ifExists);
    QCOMPARE(bytes(parsed.operatorText), name);
    QCOMPARE(parsed.values.size(), size_t(1));
    QVERIFY(parsed.values[0].usable);
    QCOMPARE(bytes(parsed.values[0].text), value);
}

void tst_PolicyCompile::conditionKeysAndValues()
{
    const QByteArray document = lines({
            "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": "
            "\"*\", \"Resource\": \"*\", \"Condition\": {",
            "  \"StringEquals\": {\"aws:PrincipalTag/Team\": [\"blue\", \"green\"], "
            "\"s3:x-amz-acl\": \"private\"},",
            "  \"NumericLessThan\": {\"S3:Max-Keys\": 10, \"s3:other\": [3.50, -0]},",
            "  \"Bool\": {\"aws:SecureTransport\": true},",
            "  \"Null\": {\"aws:TokenIssueTime\": false},",
            "  \"StringLike\": {\"a:n\": 7}",
            "}}}",
    });
    const auto result = parse(document);
    QVERIFY2(result.diagnostics.empty(), describeAll(result.diagnostics).join('\n').constData());
    QVERIFY(result.value);
    const auto &conditions = result.value->statements.at(0).conditions;
    QCOMPARE(conditions.size(), size_t(7));

    QCOMPARE(conditions[0].key, std::string("aws:PrincipalTag/Team"));
    QCOMPARE(conditions[0].lowerKey, std::string("aws:principaltag/team"));
    QCOMPARE(conditions[0].pointer,
            std::string("/Statement/Condition/StringEquals/aws:PrincipalTag~1Team"));
    QCOMPARE(conditions[0].values.size(), size_t(2));
    QCOMPARE(conditions[0].values[1].text, std::string("green"));
    QCOMPARE(conditions[0].values[1].pointer,
            std::string("/Statement/Condition/StringEquals/aws:PrincipalTag~1Team/1"));
    QCOMPARE(conditions[0].values[1].pattern.literal(), std::string("green"));
    QCOMPARE(conditions[1].lowerKey, std::string("s3:x-amz-acl"));
    QCOMPARE(conditions[1].values.at(0).pointer,
            std::string("/Statement/Condition/StringEquals/s3:x-amz-acl"));

    // JSON numbers and booleans are values too, as their literal text.
    QCOMPARE(conditions[2].operatorText, std::string("NumericLessThan"));
    QCOMPARE(conditions[2].lowerKey, std::string("s3:max-keys"));
    QCOMPARE(conditions[2].values.at(0).text, std::string("10"));
    QVERIFY(conditions[2].values.at(0).usable);
    QCOMPARE(conditions[3].values.size(), size_t(2));
    QCOMPARE(conditions[3].values[0].text, std::string("3.50"));
    QCOMPARE(conditions[3].values[1].text, std::string("-0"));
    QVERIFY(conditions[3].values[0].usable && conditions[3].values[1].usable);
    QCOMPARE(conditions[4].lowerKey, std::string("aws:securetransport"));
    QCOMPARE(conditions[4].values.at(0).text, std::string("true"));
    QVERIFY(conditions[4].values.at(0).usable);
    QCOMPARE(conditions[5].values.at(0).text, std::string("false"));
    QVERIFY(conditions[5].values.at(0).usable);
    QVERIFY(!conditions[5].values.at(0).boolean);
    QCOMPARE(conditions[6].values.at(0).text, std::string("7"));
    QCOMPARE(conditions[6].values.at(0).pattern.literal(), std::string("7"));
}

QTEST_APPLESS_MAIN(tst_PolicyCompile)

#include "tst_policycompile.moc"
