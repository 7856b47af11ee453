#include "model/evaluator.h"
#include "model/scenario.h"
#include "tests/model/allocationcounter.h"
#include "tests/support/testsupport.h"

#include <QTest>

#include <string>

// The evaluator, element by element and operator by operator. Each row builds a one-scenario
// file around the fragment under test, so the rows read like the policies users write.

namespace {

std::string wrapScenario(const std::string &statement, const std::string &action,
        const std::string &resource, const std::string &context)
{
    return R"({"identityPolicies": [{"name": "P", "document": {"Version": "2012-10-17", )"
           R"("Statement": )"
            + statement
            + R"(}}], "request": {"principal": "arn:aws:iam::111122223333:user/alice", )"
              R"("action": ")"
            + action + R"(", "resource": ")" + resource + R"(", "context": )" + context + "}}";
}

iamx::Scenario readOne(const std::string &text)
{
    auto entries = iamx::readScenarios(text, "row.json");
    if (entries.size() != 1 || !entries.front().scenario) {
        std::string problems;
        for (const auto &entry : entries)
            for (const auto &d : entry.diagnostics)
                problems += d.diagnostic.code + ": " + d.diagnostic.message + "\n";
        QTest::qFail(("scenario did not read:\n" + problems + text).c_str(), __FILE__, __LINE__);
        return {};
    }
    return std::move(*entries.front().scenario);
}

iamx::DecisionKind decisionOf(const std::string &text)
{
    const iamx::Scenario scenario = readOne(text);
    iamx::Decision decision;
    iamx::decide(scenario.policies, scenario.request, decision);
    return decision.kind;
}

} // namespace

class tst_Evaluator : public QObject
{
    Q_OBJECT

private slots:
    void actionMatching_data();
    void actionMatching();
    void resourceMatching_data();
    void resourceMatching();
    void conditionOperators_data();
    void conditionOperators();
    void explanationOfACondition();
    void explanationOfFailedElements();
    void decisionPathAllocatesNothing();
    void explainAgreesWithDecide();
    void hugeValuesAreRefused();
};

void tst_Evaluator::actionMatching_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("matches");
    QTest::newRow("exact") << "s3:GetObject"
                           << "s3:GetObject" << true;
    QTest::newRow("case-insensitive name") << "s3:getobject"
                                           << "s3:GetObject" << true;
    QTest::newRow("case-insensitive service") << "S3:GetObject"
                                              << "s3:GetObject" << true;
    QTest::newRow("star") << "*"
                          << "iam:CreateUser" << true;
    QTest::newRow("service star") << "s3:*"
                                  << "s3:PutObject" << true;
    QTest::newRow("other service") << "s3:*"
                                   << "s3express:CreateSession" << false;
    QTest::newRow("prefix glob") << "s3:Get*"
                                 << "s3:GetObjectAcl" << true;
    QTest::newRow("mid glob") << "iam:*AccessKey*"
                              << "iam:ListAccessKeys" << true;
    QTest::newRow("mid glob no match") << "iam:*AccessKey*"
                                       << "iam:ListUsers" << false;
    QTest::newRow("question mark") << "ec2:?tartInstances"
                                   << "ec2:StartInstances" << true;
    QTest::newRow("question mark needs one") << "ec2:Start?Instances"
                                             << "ec2:StartInstances" << false;
    QTest::newRow("no trimming") << "s3:GetObject "
                                 << "s3:GetObject" << false;
    QTest::newRow("comma list is one name") << "s3:GetObject,s3:PutObject"
                                            << "s3:GetObject" << false;
    QTest::newRow("wildcard in service matches nothing") << "s*:GetObject"
                                                         << "s3:GetObject" << false;
}

void tst_Evaluator::actionMatching()
{
    QFETCH(QString, pattern);
    QFETCH(QString, action);
    QFETCH(bool, matches);
    const std::string statement =
            R"({"Effect": "Allow", "Action": ")" + pattern.toStdString() + R"(", "Resource": "*"})";
    const auto kind = decisionOf(wrapScenario(statement, action.toStdString(), "*", "{}"));
    QCOMPARE(kind, matches ? iamx::DecisionKind::Allowed : iamx::DecisionKind::ImplicitDeny);

    // NotAction inverts the element, never the effect.
    const std::string inverted = R"({"Effect": "Allow", "NotAction": ")" + pattern.toStdString()
            + R"(", "Resource": "*"})";
    const auto invertedKind = decisionOf(wrapScenario(inverted, action.toStdString(), "*", "{}"));
    QCOMPARE(
            invertedKind, matches ? iamx::DecisionKind::ImplicitDeny : iamx::DecisionKind::Allowed);
}

void tst_Evaluator::resourceMatching_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("resource");
    QTest::addColumn<bool>("matches");
    QTest::newRow("star") << "*"
                          << "arn:aws:s3:::b/k" << true;
    QTest::newRow("star covers no-resource actions") << "*"
                                                     << "*" << true;
    QTest::newRow("an ARN never covers *") << "arn:aws:s3:::*"
                                           << "*" << false;
    QTest::newRow("object glob") << "arn:aws:s3:::b/*"
                                 << "arn:aws:s3:::b/a/b/c" << true;
    QTest::newRow("object glob misses bucket") << "arn:aws:s3:::b/*"
                                               << "arn:aws:s3:::b" << false;
    QTest::newRow("case-sensitive") << "arn:aws:s3:::b/Reports/*"
                                    << "arn:aws:s3:::b/reports/x" << false;
    QTest::newRow("last component crosses colons")
            << "arn:aws:lambda:us-east-1:111122223333:function:*"
            << "arn:aws:lambda:us-east-1:111122223333:function:fn:prod" << true;
    QTest::newRow("qualified function is another resource")
            << "arn:aws:lambda:us-east-1:111122223333:function:fn"
            << "arn:aws:lambda:us-east-1:111122223333:function:fn:prod" << false;
    QTest::newRow("star stays in its segment") << "arn:aws:s3:*:111122223333:x"
                                               << "arn:aws:s3:eu:west:111122223333:x" << false;
    QTest::newRow("region glob") << "arn:aws:ec2:eu-*:111122223333:instance/*"
                                 << "arn:aws:ec2:eu-west-1:111122223333:instance/i-1" << true;
    QTest::newRow("account question marks")
            << "arn:aws:ec2:eu-west-1:????????????:instance/*"
            << "arn:aws:ec2:eu-west-1:111122223333:instance/i-1" << true;
    QTest::newRow("table does not cover index")
            << "arn:aws:dynamodb:eu-west-1:111122223333:table/T"
            << "arn:aws:dynamodb:eu-west-1:111122223333:table/T/index/I" << false;
    QTest::newRow("short pattern padded in identity policies") << "arn:aws:s3:*"
                                                               << "arn:aws:s3:::b/k" << true;
    QTest::newRow("not an ARN matches nothing") << "bucket/*"
                                                << "arn:aws:s3:::bucket/k" << false;
    QTest::newRow("variable") << "arn:aws:s3:::home/${aws:username}/*"
                              << "arn:aws:s3:::home/alice/x" << true;
    QTest::newRow("variable for someone else") << "arn:aws:s3:::home/${aws:username}/*"
                                               << "arn:aws:s3:::home/bob/x" << false;
    QTest::newRow("unresolved variable matches nothing") << "arn:aws:s3:::t/${aws:PrincipalTag/x}"
                                                         << "arn:aws:s3:::t/" << false;
    QTest::newRow("variable default") << "arn:aws:s3:::t/${aws:PrincipalTag/x, 'none'}"
                                      << "arn:aws:s3:::t/none" << true;
    QTest::newRow("escaped star is literal") << "arn:aws:s3:::t/${*}"
                                             << "arn:aws:s3:::t/x" << false;
    QTest::newRow("escaped star matches a star") << "arn:aws:s3:::t/${*}"
                                                 << "arn:aws:s3:::t/*" << true;
}

void tst_Evaluator::resourceMatching()
{
    QFETCH(QString, pattern);
    QFETCH(QString, resource);
    QFETCH(bool, matches);
    const std::string statement = R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": ")"
            + pattern.toStdString() + R"("})";
    const auto kind = decisionOf(wrapScenario(
            statement, "s3:GetObject", resource.toStdString(), R"({"aws:username": "alice"})"));
    QCOMPARE(kind, matches ? iamx::DecisionKind::Allowed : iamx::DecisionKind::ImplicitDeny);
}

void tst_Evaluator::conditionOperators_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<QString>("context");
    QTest::addColumn<bool>("holds");
    const auto row = [](const char *name, const char *condition, const char *context, bool holds) {
        QTest::newRow(name) << QString::fromUtf8(condition) << QString::fromUtf8(context) << holds;
    };
    row("StringEquals", R"({"StringEquals": {"k:k": "a"}})", R"({"k:k": "a"})", true);
    row("StringEquals is case-sensitive", R"({"StringEquals": {"k:k": "a"}})", R"({"k:k": "A"})",
            false);
    row("StringEquals absent", R"({"StringEquals": {"k:k": "a"}})", "{}", false);
    row("StringNotEquals absent", R"({"StringNotEquals": {"k:k": "a"}})", "{}", true);
    row("StringNotEquals NOR", R"({"StringNotEquals": {"k:k": ["a", "b"]}})", R"({"k:k": "b"})",
            false);
    row("StringEqualsIgnoreCase", R"({"StringEqualsIgnoreCase": {"k:k": "ÄB"}})",
            R"({"k:k": "äb"})", true);
    row("StringNotEqualsIgnoreCase", R"({"StringNotEqualsIgnoreCase": {"k:k": "AB"}})",
            R"({"k:k": "ab"})", false);
    row("StringLike", R"({"StringLike": {"k:k": "a*c?"}})", R"({"k:k": "abbcd"})", true);
    row("StringNotLike absent", R"({"StringNotLike": {"k:k": "a*"}})", "{}", true);
    row("key names ignore case", R"({"StringEquals": {"AWS:UserName": "alice"}})",
            R"({"aws:username": "alice"})", true);
    row("NumericLessThan fraction", R"({"NumericLessThan": {"k:n": "10.5"}})",
            R"({"k:n": "10.25"})", true);
    row("NumericEquals exact", R"({"NumericEquals": {"k:n": "1.50"}})", R"({"k:n": "1.5"})", true);
    row("NumericGreaterThanEquals negative", R"({"NumericGreaterThanEquals": {"k:n": "-3"}})",
            R"({"k:n": "-3"})", true);
    row("NumericNotEquals unparsable request", R"({"NumericNotEquals": {"k:n": "3"}})",
            R"({"k:n": "three"})", false);
    row("NumericEquals JSON number", R"({"NumericEquals": {"k:n": 10}})", R"({"k:n": "10"})", true);
    row("DateGreaterThan", R"({"DateGreaterThan": {"aws:CurrentTime": "2020-01-01T00:00:00Z"}})",
            R"({"aws:CurrentTime": "2026-03-01T12:00:00Z"})", true);
    row("DateLessThan epoch vs ISO", R"({"DateLessThan": {"aws:CurrentTime": "1577836800"}})",
            R"({"aws:CurrentTime": "2019-06-01T00:00:00Z"})", true);
    row("DateEquals with offset", R"({"DateEquals": {"k:d": "2026-03-01T12:00:00+02:00"}})",
            R"({"k:d": "2026-03-01T10:00:00Z"})", true);
    row("Bool", R"({"Bool": {"aws:SecureTransport": "true"}})",
            R"({"aws:SecureTransport": "true"})", true);
    row("Bool JSON false", R"({"Bool": {"aws:SecureTransport": false}})",
            R"({"aws:SecureTransport": "false"})", true);
    row("Bool absent", R"({"Bool": {"aws:SecureTransport": "false"}})", "{}", false);
    row("BoolIfExists absent", R"({"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}})", "{}",
            true);
    row("BinaryEquals", R"({"BinaryEquals": {"k:b": "aGVsbG8="}})", R"({"k:b": "hello"})", true);
    row("IpAddress CIDR", R"({"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}})",
            R"({"aws:SourceIp": "203.0.113.7"})", true);
    row("IpAddress /0", R"({"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}})",
            R"({"aws:SourceIp": "198.51.100.4"})", true);
    row("IpAddress IPv6", R"({"IpAddress": {"aws:SourceIp": "2001:db8::/32"}})",
            R"({"aws:SourceIp": "2001:db8:1::5"})", true);
    row("IPv4 never in an IPv6 range", R"({"IpAddress": {"aws:SourceIp": "2001:db8::/32"}})",
            R"({"aws:SourceIp": "203.0.113.7"})", false);
    row("NotIpAddress absent", R"({"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}})", "{}",
            true);
    row("ArnLike per component", R"({"ArnLike": {"k:a": "arn:aws:s3:::b/*"}})",
            R"({"k:a": "arn:aws:s3:::b/x:y"})", true);
    row("ArnLike star stays in component",
            R"({"ArnLike": {"k:a": "arn:aws:svc:*:111122223333:x/*"}})",
            R"({"k:a": "arn:aws:svc:r:extra:111122223333:x/1"})", false);
    row("ArnNotLike with a non-ARN value", R"({"ArnNotLike": {"k:a": "arn:aws:s3:::b"}})",
            R"({"k:a": "not-an-arn"})", false);
    row("ArnEquals short pattern matches nothing", R"({"ArnEquals": {"k:a": "arn:aws:s3"}})",
            R"({"k:a": "arn:aws:s3:::b"})", false);
    row("Null true absent", R"({"Null": {"aws:TokenIssueTime": "true"}})", "{}", true);
    row("Null true present", R"({"Null": {"aws:TokenIssueTime": "true"}})",
            R"({"aws:TokenIssueTime": "2026-03-01T12:00:00Z"})", false);
    row("Null false empty string", R"({"Null": {"k:k": "false"}})", R"({"k:k": ""})", false);
    row("plain operator on multi-valued key", R"({"StringNotEquals": {"k:m": "x"}})",
            R"({"k:m": ["a"]})", false);
    row("ForAllValues absent", R"({"ForAllValues:StringEquals": {"aws:TagKeys": ["a"]}})", "{}",
            true);
    row("ForAllValues subset", R"({"ForAllValues:StringEquals": {"aws:TagKeys": ["a", "b"]}})",
            R"({"aws:TagKeys": ["a"]})", true);
    row("ForAllValues outside", R"({"ForAllValues:StringEquals": {"aws:TagKeys": ["a"]}})",
            R"({"aws:TagKeys": ["a", "c"]})", false);
    row("ForAllValues empty set", R"({"ForAllValues:StringEquals": {"aws:TagKeys": ["a"]}})",
            R"({"aws:TagKeys": []})", true);
    row("ForAnyValue absent", R"({"ForAnyValue:StringEquals": {"aws:TagKeys": ["a"]}})", "{}",
            false);
    row("ForAnyValueIfExists absent",
            R"({"ForAnyValue:StringEqualsIfExists": {"aws:TagKeys": ["a"]}})", "{}", true);
    row("ForAnyValue overlap", R"({"ForAnyValue:StringEquals": {"aws:TagKeys": ["a"]}})",
            R"({"aws:TagKeys": ["c", "a"]})", true);
    row("ForAnyValue NotEquals", R"({"ForAnyValue:StringNotEquals": {"aws:TagKeys": ["x"]}})",
            R"({"aws:TagKeys": ["x", "y"]})", true);
    row("ForAllValues NotEquals", R"({"ForAllValues:StringNotEquals": {"aws:TagKeys": ["x"]}})",
            R"({"aws:TagKeys": ["x", "y"]})", false);
    row("set operator on a single value", R"({"ForAnyValue:StringEquals": {"k:k": ["a"]}})",
            R"({"k:k": "a"})", true);
    row("ForAllValues:Null behaves as Null", R"({"ForAllValues:Null": {"k:k": "false"}})", "{}",
            false);
    row("several keys are ANDed", R"({"StringEquals": {"k:a": "1", "k:b": "2"}})",
            R"({"k:a": "1"})", false);
    row("several blocks are ANDed",
            R"({"StringEquals": {"k:a": "1"}, "Bool": {"aws:SecureTransport": "true"}})",
            R"({"k:a": "1", "aws:SecureTransport": "true"})", true);
    row("variable in a condition value",
            R"({"StringLike": {"s3:prefix": "home/${aws:username}/*"}})",
            R"({"s3:prefix": "home/alice/docs", "aws:username": "alice"})", true);
    row("negated operator against an unresolved variable",
            R"({"StringNotEquals": {"k:k": "${aws:PrincipalTag/team}"}})", R"({"k:k": "blue"})",
            true);
    row("positive operator against an unresolved variable",
            R"({"StringEquals": {"k:k": "${aws:PrincipalTag/team}"}})", R"({"k:k": "blue"})",
            false);
    row("substituted value is literal", R"({"StringLike": {"k:k": "${aws:username}"}})",
            R"({"k:k": "alice", "aws:username": "a*"})", false);
    row("empty value list never holds", R"({"StringNotEquals": {"k:k": []}})", R"({"k:k": "a"})",
            false);
}

void tst_Evaluator::conditionOperators()
{
    QFETCH(QString, condition);
    QFETCH(QString, context);
    QFETCH(bool, holds);
    const std::string statement =
            R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": )"
            + condition.toStdString() + "}";
    const auto kind = decisionOf(
            wrapScenario(statement, "s3:GetObject", "arn:aws:s3:::b/k", context.toStdString()));
    QCOMPARE(kind, holds ? iamx::DecisionKind::Allowed : iamx::DecisionKind::ImplicitDeny);
}

void tst_Evaluator::explanationOfACondition()
{
    const std::string statement = R"([{"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
        {"Sid": "DenyUnlessHr", "Effect": "Deny", "Action": "s3:*", "Resource": "*",
         "Condition": {"StringNotEquals": {"aws:PrincipalTag/dept": ["hr", "finance"]}}}])";
    const iamx::Scenario scenario = readOne(
            wrapScenario(statement, "s3:GetObject", "arn:aws:s3:::b/k", R"({"k:other": "x"})"));
    const iamx::Explanation explanation = iamx::explain(scenario.policies, scenario.request);
    QCOMPARE(explanation.decision, iamx::DecisionKind::ExplicitDeny);
    QCOMPARE(explanation.decisive.size(), size_t(1));
    QCOMPARE(explanation.decisive.front().statement, 1u);
    QCOMPARE(explanation.layers.size(), size_t(1));
    const auto &layer = explanation.layers.front();
    QCOMPARE(layer.verdict, iamx::LayerVerdict::Deny);
    QCOMPARE(layer.statements.size(), size_t(2));
    const auto &deny = layer.statements[1];
    QVERIFY(deny.applies);
    QVERIFY(deny.decisive);
    QCOMPARE(deny.sid.value_or(""), std::string("DenyUnlessHr"));
    QCOMPARE(deny.conditionDetails.size(), size_t(1));
    const auto &condition = deny.conditionDetails.front();
    QCOMPARE(condition.operatorText, std::string("StringNotEquals"));
    QCOMPARE(condition.key, std::string("aws:PrincipalTag/dept"));
    QCOMPARE(condition.pointer,
            std::string("/Statement/1/Condition/StringNotEquals/aws:PrincipalTag~1dept"));
    QCOMPARE(condition.expected, (std::vector<std::string> { "hr", "finance" }));
    QVERIFY(!condition.keyPresent);
    QVERIFY(condition.satisfied);
    QVERIFY(!condition.note.empty());
}

void tst_Evaluator::explanationOfFailedElements()
{
    // One statement failing on action, resource and condition at once: the explanation lists
    // every failure, not just the first the fast path stops at.
    const std::string statement = R"({"Effect": "Allow", "Action": "ec2:*",
        "Resource": "arn:aws:s3:::other/*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}})";
    const iamx::Scenario scenario = readOne(wrapScenario(
            statement, "s3:GetObject", "arn:aws:s3:::b/k", R"({"aws:SecureTransport": "false"})"));
    const iamx::Explanation explanation = iamx::explain(scenario.policies, scenario.request);
    QCOMPARE(explanation.decision, iamx::DecisionKind::ImplicitDeny);
    QCOMPARE(explanation.blockedBy, iamx::Gate::Identity);
    const auto &s = explanation.layers.at(0).statements.at(0);
    QVERIFY(!s.applies);
    QCOMPARE(s.action, iamx::ElementOutcome::Failed);
    QCOMPARE(s.resource, iamx::ElementOutcome::Failed);
    QCOMPARE(s.principal, iamx::ElementOutcome::Absent);
    QCOMPARE(s.conditions, iamx::ElementOutcome::Failed);
    QCOMPARE(s.conditionDetails.at(0).actual, (std::vector<std::string> { "false" }));
}

void tst_Evaluator::decisionPathAllocatesNothing()
{
    // The issue's promise: once the caller's Decision has grown, deciding allocates nothing.
    std::vector<iamx::ScenarioEntry> entries;
    for (const char *file : { "bench/bench-10-statements.jsonl", "scenarios/edge-vectors.jsonl" }) {
        auto more = iamx::readScenarios(iamx::test::readFile(iamx::test::testDataPath(file)), file);
        for (auto &entry : more)
            entries.push_back(std::move(entry));
    }
    QVERIFY(entries.size() > 100);
    iamx::Decision decision;
    for (const auto &entry : entries) {
        QVERIFY(entry.scenario.has_value());
        iamx::decide(entry.scenario->policies, entry.scenario->request, decision);
    }
    const std::size_t before = iamx::test::allocationCount();
    for (int round = 0; round < 3; ++round)
        for (const auto &entry : entries)
            iamx::decide(entry.scenario->policies, entry.scenario->request, decision);
    QCOMPARE(iamx::test::allocationCount() - before, std::size_t(0));
}

void tst_Evaluator::explainAgreesWithDecide()
{
    // Two paths, one matching code: they must never disagree on any scenario we have.
    for (const char *file : { "scenarios/edge-vectors.jsonl", "scenarios/flow.jsonl",
                 "scenarios/operators.jsonl", "scenarios/variables.jsonl",
                 "scenarios/elements.jsonl", "bench/bench-10-statements.jsonl" }) {
        const auto entries =
                iamx::readScenarios(iamx::test::readFile(iamx::test::testDataPath(file)), file);
        iamx::Decision decision;
        for (const auto &entry : entries) {
            if (!entry.scenario)
                continue;
            iamx::decide(entry.scenario->policies, entry.scenario->request, decision);
            const auto explanation =
                    iamx::explain(entry.scenario->policies, entry.scenario->request);
            QVERIFY2(explanation.decision == decision.kind, entry.name.c_str());
            QVERIFY2(explanation.blockedBy == decision.blockedBy, entry.name.c_str());
            QVERIFY2(explanation.decisive == decision.decisive, entry.name.c_str());
        }
    }
}

void tst_Evaluator::hugeValuesAreRefused()
{
    // A 100 KB glob against a 100 KB value would take quadratic time: both are refused with
    // an error before any matching happens.
    const std::string huge(100000, '*');
    const std::string statement =
            R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": ")" + huge + R"("})";
    auto entries = iamx::readScenarios(
            wrapScenario(statement, "s3:GetObject", "arn:aws:s3:::" + huge, "{}"), "huge.json");
    QCOMPARE(entries.size(), size_t(1));
    QVERIFY(!entries.front().scenario);
    QStringList codes;
    for (const auto &d : entries.front().diagnostics)
        codes << QString::fromStdString(d.diagnostic.code + " " + d.in + d.diagnostic.pointer);
    QCOMPARE(codes,
            (QStringList { u"VALUE_TOO_LONG /request/resource"_qs,
                    u"VALUE_TOO_LONG identityPolicies[0]/Statement/Resource"_qs }));
}

QTEST_APPLESS_MAIN(tst_Evaluator)
#include "tst_evaluator.moc"
