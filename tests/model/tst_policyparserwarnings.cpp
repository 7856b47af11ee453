#include "tests/model/policyparsertest.h"

// The policy parser's warnings (scenario-format.md): the policy keeps a value and the part a
// warning is about can never match; a missing or old Version; the file named in diagnostics.
// The errors that stop evaluation: tst_policyparsererrors.

class tst_PolicyParserWarnings : public QObject
{
    Q_OBJECT

private slots:
    void warnings_data();
    void warnings();
    void oldVersionIsAWarning();
    void diagnosticsNameTheFile();
};

// Warnings: the policy keeps a value, and the broken part can never match.
void tst_PolicyParserWarnings::warnings_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<PolicyType>("type");
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<Severity>("severity");
    QTest::addColumn<QByteArray>("pointer");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    // What became of the broken part: `unusableAction S I`, `unusableResource S I`,
    // `paddedResource S I`, `unusableValue S C V`, `unmatchablePrincipal S I`, `noActions S`,
    // `noResources S`, `noPrincipals S`, `noValues S C`, `noStatements`, `versionless`,
    // `notPrincipal S`, or empty when the finding changes nothing.
    QTest::addColumn<QByteArray>("part");

    const auto identity = PolicyType::Identity;
    const auto resource = PolicyType::Resource;
    const auto withResource = [](const char *resourceLine) {
        return oneStatement(
                { "\"Effect\": \"Allow\",", "\"Action\": \"s3:GetObject\",", resourceLine });
    };
    const auto withAction = [](const char *actionLine) {
        return oneStatement({ "\"Effect\": \"Allow\",", actionLine, "\"Resource\": \"*\"" });
    };
    const auto withPrincipal = [](const char *principalLine) {
        return oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"s3:GetObject\",",
                "\"Resource\": \"*\",", principalLine });
    };
    // The condition's value starts in column 28 + length(operator) + length(key).
    const auto withCondition = [](const char *conditionLine) {
        return oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"s3:GetObject\",",
                "\"Resource\": \"*\",", conditionLine });
    };

    // Empty arrays.
    QTest::newRow("empty Action") << withAction("\"Action\": [],") << identity
                                  << QByteArray("EMPTY_ARRAY_ACTION") << Severity::Warning
                                  << QByteArray("/Statement/Action") << 5 << 15
                                  << QByteArray("noActions 0");
    QTest::newRow("empty NotAction")
            << withAction("\"NotAction\": [],") << identity << QByteArray("EMPTY_ARRAY_ACTION")
            << Severity::Warning << QByteArray("/Statement/NotAction") << 5 << 18
            << QByteArray("noActions 0");
    QTest::newRow("empty Resource")
            << withResource("\"Resource\": []") << identity << QByteArray("EMPTY_ARRAY_RESOURCE")
            << Severity::Warning << QByteArray("/Statement/Resource") << 6 << 17
            << QByteArray("noResources 0");
    QTest::newRow("empty Statement")
            << lines({ "{", "  \"Version\": \"2012-10-17\",", "  \"Statement\": []", "}" })
            << identity << QByteArray("EMPTY_ARRAY_STATEMENT") << Severity::Warning
            << QByteArray("/Statement") << 3 << 16 << QByteArray("noStatements");
    QTest::newRow("empty principal list")
            << withPrincipal("\"Principal\": {\"AWS\": []}") << resource
            << QByteArray("EMPTY_ARRAY_PRINCIPAL") << Severity::Warning
            << QByteArray("/Statement/Principal/AWS") << 7 << 26 << QByteArray("noPrincipals 0");
    QTest::newRow("empty principal object")
            << withPrincipal("\"Principal\": {}") << resource
            << QByteArray("EMPTY_OBJECT_PRINCIPAL") << Severity::Warning
            << QByteArray("/Statement/Principal") << 7 << 18 << QByteArray("noPrincipals 0");
    QTest::newRow("empty condition value list")
            << withCondition("\"Condition\": {\"StringEquals\": {\"aws:username\": []}}")
            << identity << QByteArray("EMPTY_ARRAY_CONDITION") << Severity::Warning
            << QByteArray("/Statement/Condition/StringEquals/aws:username") << 7 << 52
            << QByteArray("noValues 0 0");

    // Resources that are no ARN, or too short a one.
    QTest::newRow("malformed ARN in a list")
            << withResource("\"Resource\": [\"arn:aws:s3:::b\", \"s3:::b/*\"]") << identity
            << QByteArray("INVALID_ARN_PREFIX") << Severity::Warning
            << QByteArray("/Statement/Resource/1") << 6 << 36 << QByteArray("unusableResource 0 1");
    QTest::newRow("NotResource that is no ARN")
            << withResource("\"NotResource\": \"bucket\"") << identity
            << QByteArray("INVALID_ARN_PREFIX") << Severity::Warning
            << QByteArray("/Statement/NotResource") << 6 << 20
            << QByteArray("unusableResource 0 0");
    QTest::newRow("empty resource")
            << withResource("\"Resource\": \"\"") << identity << QByteArray("INVALID_ARN_PREFIX")
            << Severity::Warning << QByteArray("/Statement/Resource") << 6 << 17
            << QByteArray("unusableResource 0 0");
    QTest::newRow("short ARN in an SCP")
            << withResource("\"Resource\": \"arn:aws:s3:*\"") << PolicyType::ServiceControl
            << QByteArray("MISSING_ARN_FIELD") << Severity::Warning
            << QByteArray("/Statement/Resource") << 6 << 17 << QByteArray("unusableResource 0 0");
    QTest::newRow("short ARN in an RCP")
            << oneStatement({ "\"Effect\": \"Deny\",", "\"Action\": \"s3:GetObject\",",
                       "\"Resource\": \"arn:aws:s3:*\",", "\"Principal\": \"*\"" })
            << PolicyType::ResourceControl << QByteArray("MISSING_ARN_FIELD") << Severity::Warning
            << QByteArray("/Statement/Resource") << 6 << 17 << QByteArray("unusableResource 0 0");
    QTest::newRow("short ARN without wildcard in a resource policy")
            << oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"s3:GetObject\",",
                       "\"Resource\": [\"arn:aws:s3:::b/*\", \"arn:aws:s3:b\"],",
                       "\"Principal\": \"*\"" })
            << resource << QByteArray("MISSING_ARN_FIELD") << Severity::Warning
            << QByteArray("/Statement/Resource/1") << 6 << 38 << QByteArray("unusableResource 0 1");
    // iam-evaluation.md §6 rule 7: padded with `*` in the principal's own policies, and in
    // resource policies when the pattern has a wildcard.
    QTest::newRow("short ARN with wildcard in a resource policy")
            << oneStatement({ "\"Effect\": \"Allow\",", "\"Action\": \"s3:GetObject\",",
                       "\"Resource\": \"arn:aws:s3:*\",", "\"Principal\": \"*\"" })
            << resource << QByteArray("MISSING_ARN_FIELD") << Severity::Warning
            << QByteArray("/Statement/Resource") << 6 << 17 << QByteArray("paddedResource 0 0");
    QTest::newRow("short ARN in an identity policy")
            << withResource("\"Resource\": \"arn:aws:s3\"") << identity
            << QByteArray("MISSING_ARN_FIELD") << Severity::Warning
            << QByteArray("/Statement/Resource") << 6 << 17 << QByteArray("paddedResource 0 0");
    QTest::newRow("broken variable in a resource")
            << withResource("\"Resource\": \"arn:aws:s3:::b/${aws:username\"") << identity
            << QByteArray("MISSING_BRACE_IN_VARIABLE") << Severity::Warning
            << QByteArray("/Statement/Resource") << 6 << 17 << QByteArray();

    // Condition values that do not parse for their operator.
    QTest::newRow("Numeric: a word")
            << withCondition("\"Condition\": {\"NumericLessThan\": {\"s3:max-keys\": \"ten\"}}")
            << identity << QByteArray("INVALID_CONDITION_DATA_TYPE") << Severity::Warning
            << QByteArray("/Statement/Condition/NumericLessThan/s3:max-keys") << 7 << 54
            << QByteArray("unusableValue 0 0 0");
    QTest::newRow("Numeric: an exponent")
            << withCondition("\"Condition\": {\"NumericEquals\": {\"s3:max-keys\": \"1e3\"}}")
            << identity << QByteArray("INVALID_CONDITION_DATA_TYPE") << Severity::Warning
            << QByteArray("/Statement/Condition/NumericEquals/s3:max-keys") << 7 << 52
            << QByteArray("unusableValue 0 0 0");
    QTest::newRow("Numeric: a plus sign")
            << withCondition("\"Condition\": {\"NumericGreaterThan\": {\"s3:max-keys\": \"+5\"}}")
            << identity << QByteArray("INVALID_CONDITION_DATA_TYPE") << Severity::Warning
            << QByteArray("/Statement/Condition/NumericGreaterThan/s3:max-keys") << 7 << 57
            << QByteArray("unusableValue 0 0 0");
    QTest::newRow("Numeric: second value of a list")
            << withCondition(
                       "\"Condition\": {\"NumericLessThan\": {\"s3:max-keys\": [\"10\", \"x\"]}}")
            << identity << QByteArray("INVALID_CONDITION_DATA_TYPE") << Severity::Warning
            << QByteArray("/Statement/Condition/NumericLessThan/s3:max-keys/1") << 7 << 61
            << QByteArray("unusableValue 0 0 1");
    QTest::newRow("Date: a word") << withCondition(
            "\"Condition\": {\"DateGreaterThan\": {\"aws:CurrentTime\": "
            "\"yesterday\"}}") << identity
                                  << QByteArray("INVALID_DATE_VALUE") << Severity::Warning
                                  << QByteArray(
                                             "/Statement/Condition/DateGreaterThan/aws:CurrentTime")
                                  << 7 << 58 << QByteArray("unusableValue 0 0 0");
    QTest::newRow("Date: month 13")
            << withCondition("\"Condition\": {\"DateLessThan\": {\"aws:CurrentTime\": "
                             "\"2026-13-01\"}}")
            << identity << QByteArray("INVALID_DATE_VALUE") << Severity::Warning
            << QByteArray("/Statement/Condition/DateLessThan/aws:CurrentTime") << 7 << 55
            << QByteArray("unusableValue 0 0 0");
    QTest::newRow("Ip: octet out of range")
            << withCondition("\"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"10.0.0.256\"}}")
            << identity << QByteArray("INVALID_CONDITION_DATA_TYPE") << Severity::Warning
            << QByteArray("/Statement/Condition/IpAddress/aws:SourceIp") << 7 << 49
            << QByteArray("unusableValue 0 0 0");
    QTest::newRow("Ip: prefix too long")
            << withCondition("\"Condition\": {\"NotIpAddress\": {\"aws:SourceIp\": "
                             "\"10.0.0.0/33\"}}")
            << identity << QByteArray("INVALID_CONDITION_DATA_TYPE") << Severity::Warning
            << QByteArray("/Statement/Condition/NotIpAddress/aws:SourceIp") << 7 << 52
            << QByteArray("unusableValue 0 0 0");
    QTest::newRow("Binary: not base-64")
            << withCondition("\"Condition\": {\"BinaryEquals\": {\"kms:Bin\": \"not base64!\"}}")
            << identity << QByteArray("INVALID_CONDITION_DATA_TYPE") << Severity::Warning
            << QByteArray("/Statement/Condition/BinaryEquals/kms:Bin") << 7 << 47
            << QByteArray("unusableValue 0 0 0");
    QTest::newRow("Bool: yes") << withCondition(
            "\"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"yes\"}}")
                               << identity << QByteArray("INVALID_CONDITION_DATA_TYPE")
                               << Severity::Warning
                               << QByteArray("/Statement/Condition/Bool/aws:SecureTransport") << 7
                               << 51 << QByteArray("unusableValue 0 0 0");
    QTest::newRow("Bool: the number 1")
            << withCondition("\"Condition\": {\"Bool\": {\"aws:SecureTransport\": 1}}") << identity
            << QByteArray("INVALID_CONDITION_DATA_TYPE") << Severity::Warning
            << QByteArray("/Statement/Condition/Bool/aws:SecureTransport") << 7 << 51
            << QByteArray("unusableValue 0 0 0");
    QTest::newRow("Null: maybe") << withCondition(
            "\"Condition\": {\"Null\": {\"aws:TokenIssueTime\": \"maybe\"}}")
                                 << identity << QByteArray("INVALID_CONDITION_DATA_TYPE")
                                 << Severity::Warning
                                 << QByteArray("/Statement/Condition/Null/aws:TokenIssueTime") << 7
                                 << 50 << QByteArray("unusableValue 0 0 0");
    QTest::newRow("Arn: three parts")
            << withCondition("\"Condition\": {\"ArnLike\": {\"aws:SourceArn\": \"arn:aws:s3\"}}")
            << identity << QByteArray("INVALID_CONDITION_DATA_TYPE") << Severity::Warning
            << QByteArray("/Statement/Condition/ArnLike/aws:SourceArn") << 7 << 48
            << QByteArray("unusableValue 0 0 0");
    QTest::newRow("Arn: five parts")
            << withCondition("\"Condition\": {\"ArnEquals\": {\"aws:SourceArn\": "
                             "\"arn:aws:sns:us-east-1:111122223333\"}}")
            << identity << QByteArray("INVALID_CONDITION_DATA_TYPE") << Severity::Warning
            << QByteArray("/Statement/Condition/ArnEquals/aws:SourceArn") << 7 << 50
            << QByteArray("unusableValue 0 0 0");
    QTest::newRow("condition keys differing in case")
            << withCondition("\"Condition\": {\"StringEquals\": {\"aws:username\": \"a\", "
                             "\"AWS:UserName\": \"b\"}}")
            << identity << QByteArray("DUPLICATE_KEYS_WITH_DIFFERENT_CASE") << Severity::Warning
            << QByteArray("/Statement/Condition/StringEquals/AWS:UserName") << 7 << 57
            << QByteArray();
    QTest::newRow("empty Condition")
            << withCondition("\"Condition\": {}") << identity
            << QByteArray("EMPTY_OBJECT_CONDITION") << Severity::Suggestion
            << QByteArray("/Statement/Condition") << 7 << 18 << QByteArray();

    // Statements and the document.
    QTest::newRow("duplicate Sid") << lines(
            { "{", "  \"Version\": \"2012-10-17\",", "  \"Statement\": [",
                    "    {\"Sid\": \"Read\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", "
                    "\"Resource\": \"*\"},",
                    "    {\"Sid\": \"Read\", \"Effect\": \"Allow\", \"Action\": \"s3:ListBucket\", "
                    "\"Resource\": \"*\"}",
                    "  ]", "}" }) << identity
                                   << QByteArray("UNIQUE_SIDS_REQUIRED") << Severity::Warning
                                   << QByteArray("/Statement/1/Sid") << 5 << 13 << QByteArray();
    QTest::newRow("missing Version") << lines({ "{",
            "  \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": "
            "\"*\"}",
            "}" }) << identity << QByteArray("MISSING_VERSION")
                                     << Severity::Warning << QByteArray() << 1 << 1
                                     << QByteArray("versionless");

    // Actions that can never match.
    QTest::newRow("wildcard in service prefix")
            << withAction("\"Action\": \"s3*:GetObject\",") << identity
            << QByteArray("WILDCARD_IN_SERVICE_NAME") << Severity::Warning
            << QByteArray("/Statement/Action") << 5 << 15 << QByteArray("unusableAction 0 0");
    QTest::newRow("* as service prefix in a list")
            << withAction("\"Action\": [\"s3:GetObject\", \"*:GetObject\"],") << identity
            << QByteArray("WILDCARD_IN_SERVICE_NAME") << Severity::Warning
            << QByteArray("/Statement/Action/1") << 5 << 32 << QByteArray("unusableAction 0 1");
    QTest::newRow("invalid service characters")
            << withAction("\"Action\": \"s3_x:GetObject\",") << identity
            << QByteArray("INVALID_SERVICE") << Severity::Warning << QByteArray("/Statement/Action")
            << 5 << 15 << QByteArray("unusableAction 0 0");
    QTest::newRow("two colons") << withAction("\"Action\": \"s3:Get:Object\",") << identity
                                << QByteArray("INVALID_ACTION") << Severity::Warning
                                << QByteArray("/Statement/Action") << 5 << 15
                                << QByteArray("unusableAction 0 0");
    QTest::newRow("nothing after the colon")
            << withAction("\"Action\": \"s3:\",") << identity << QByteArray("INVALID_ACTION")
            << Severity::Warning << QByteArray("/Statement/Action") << 5 << 15
            << QByteArray("unusableAction 0 0");
    QTest::newRow("space in the action name")
            << withAction("\"Action\": \"s3:Get Object\",") << identity
            << QByteArray("INVALID_ACTION") << Severity::Warning << QByteArray("/Statement/Action")
            << 5 << 15 << QByteArray("unusableAction 0 0");

    // Principals.
    QTest::newRow("NotPrincipal with Allow")
            << withPrincipal("\"NotPrincipal\": {\"AWS\": \"arn:aws:iam::111122223333:root\"}")
            << resource << QByteArray("ALLOW_WITH_NOT_PRINCIPAL") << Severity::SecurityWarning
            << QByteArray("/Statement/NotPrincipal") << 7 << 21 << QByteArray("notPrincipal 0");
    QTest::newRow("wildcard in a principal ARN")
            << withPrincipal("\"Principal\": {\"AWS\": \"arn:aws:iam::*:root\"}") << resource
            << QByteArray("UNSUPPORTED_WILDCARD_IN_PRINCIPAL") << Severity::Warning
            << QByteArray("/Statement/Principal/AWS") << 7 << 26
            << QByteArray("unmatchablePrincipal 0 0");
    QTest::newRow("principal that is no ARN")
            << withPrincipal("\"Principal\": {\"AWS\": [\"111122223333\", \"alice\"]}") << resource
            << QByteArray("INVALID_PRINCIPAL_FORMAT") << Severity::Warning
            << QByteArray("/Statement/Principal/AWS/1") << 7 << 43
            << QByteArray("unmatchablePrincipal 0 1");
    QTest::newRow("group as principal")
            << withPrincipal("\"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:group/devs\"}")
            << resource << QByteArray("INVALID_PRINCIPAL_FORMAT") << Severity::Warning
            << QByteArray("/Statement/Principal/AWS") << 7 << 26
            << QByteArray("unmatchablePrincipal 0 0");
}

void tst_PolicyParserWarnings::warnings()
{
    QFETCH(QByteArray, document);
    QFETCH(PolicyType, type);
    QFETCH(QByteArray, code);
    QFETCH(Severity, severity);
    QFETCH(QByteArray, pointer);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QByteArray, part);

    const auto result = parse(document, type);
    const QByteArrayList all = describeAll(result.diagnostics);
    QVERIFY2(describeErrors(result.diagnostics).isEmpty(), all.join('\n').constData());
    QVERIFY(result.value);
    const QByteArray broken = brokenInvariant(result, view(document));
    QVERIFY2(broken.isEmpty(), broken.constData());

    // The finding itself; compared by code first so a wrong position shows as a position.
    const auto found = std::find_if(result.diagnostics.begin(), result.diagnostics.end(),
            [&](const iamx::Diagnostic &d) { return bytes(d.code) == code; });
    QVERIFY2(found != result.diagnostics.end(), all.join('\n').constData());
    QCOMPARE(describe(*found), describe(code, severity, pointer, line, column));

    const iamx::Policy &policy = *result.value;
    const QByteArrayList words = part.split(' ');
    const QByteArray what = words.value(0);
    const auto number = [&words](qsizetype i) {
        return static_cast<size_t>(words.value(i).toUInt());
    };
    if (what.isEmpty())
        return;
    if (what == "noStatements") {
        QVERIFY(policy.statements.empty());
        return;
    }
    if (what == "versionless") {
        QVERIFY(!policy.version);
        QVERIFY(!policy.variablesEnabled);
        return;
    }
    QVERIFY(number(1) < policy.statements.size());
    const iamx::Statement &statement = policy.statements[number(1)];
    if (what == "unusableAction") {
        QVERIFY(number(2) < statement.actions.size());
        QVERIFY(!statement.actions[number(2)].usable);
        QVERIFY(!statement.actions[number(2)].matchesAll);
    } else if (what == "unusableResource") {
        QVERIFY(number(2) < statement.resources.size());
        QVERIFY(!statement.resources[number(2)].usable);
        QVERIFY(!statement.resources[number(2)].matchesAll);
        for (size_t i = 0; i < statement.resources.size(); ++i)
            QCOMPARE(statement.resources[i].usable, i != number(2));
    } else if (what == "paddedResource") {
        QVERIFY(number(2) < statement.resources.size());
        QVERIFY(statement.resources[number(2)].usable);
        QCOMPARE(statement.resources[number(2)].components.size(), size_t(6));
        QCOMPARE(statement.resources[number(2)].components[5].literal(), std::string("*"));
    } else if (what == "unusableValue") {
        QVERIFY(number(2) < statement.conditions.size());
        const auto &values = statement.conditions[number(2)].values;
        QVERIFY(number(3) < values.size());
        for (size_t i = 0; i < values.size(); ++i)
            QCOMPARE(values[i].usable, i != number(3));
        QCOMPARE(bytes(values[number(3)].pointer), pointer);
    } else if (what == "unmatchablePrincipal") {
        QVERIFY(number(2) < statement.principals.size());
        QCOMPARE(statement.principals[number(2)].form, iamx::PrincipalPattern::Form::Unmatchable);
    } else if (what == "noActions") {
        QVERIFY(statement.actions.empty());
    } else if (what == "noResources") {
        QVERIFY(statement.resources.empty());
    } else if (what == "noPrincipals") {
        QVERIFY(statement.principals.empty());
    } else if (what == "noValues") {
        QVERIFY(number(2) < statement.conditions.size());
        QVERIFY(statement.conditions[number(2)].values.empty());
    } else if (what == "notPrincipal") {
        QCOMPARE(statement.principalMode, iamx::PrincipalMode::NotPrincipal);
        QCOMPARE(statement.principals.size(), size_t(1));
        QCOMPARE(statement.principals[0].form, iamx::PrincipalPattern::Form::Account);
    } else {
        QFAIL("unknown part in the test data");
    }
}

// scenario-format.md lists "a missing or `2008-10-17` Version (variables are then literal
// text)" among the warnings.
void tst_PolicyParserWarnings::oldVersionIsAWarning()
{
    const QByteArray document = lines({ "{", "  \"Version\": \"2008-10-17\",",
            "  \"Statement\": {\"Effect\": \"Allow\", \"Action\": "
            "\"*\", \"Resource\": \"arn:aws:s3:::${aws:username}\"}",
            "}" });
    const auto result = parse(document);
    QVERIFY(result.value);
    QCOMPARE(result.value->version, std::optional<std::string>("2008-10-17"));
    QVERIFY(!result.value->variablesEnabled);
    const bool warned = std::any_of(
            result.diagnostics.begin(), result.diagnostics.end(), [](const iamx::Diagnostic &d) {
                return d.severity == Severity::Warning && d.pointer == "/Version";
            });
    QVERIFY2(warned, describeAll(result.diagnostics).join('\n').constData());
}

void tst_PolicyParserWarnings::diagnosticsNameTheFile()
{
    const auto result = parse(oneStatement(
            { "\"Effect\": \"allow\",", "\"Action\": \"*\",", "\"Resource\": \"*\"" }));
    QCOMPARE(result.diagnostics.size(), size_t(1));
    const iamx::Diagnostic &d = result.diagnostics[0];
    QCOMPARE(d.where.file, std::string("policy.json"));
    QCOMPARE(d.where.length, size_t(7)); // "allow" with its quotes
    QVERIFY(!d.message.empty());
    QCOMPARE(iamx::formatDiagnostic(d).substr(0, 24), std::string("policy.json:4:15: error:"));
}

QTEST_APPLESS_MAIN(tst_PolicyParserWarnings)
#include "tst_policyparserwarnings.moc"
