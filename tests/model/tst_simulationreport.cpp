#include "demorequests.h"

#include "model/json.h"
#include "model/simulationreport.h"

#include <QTest>

#include <string>

// File → Export simulation result: the JSON and Markdown a user attaches to a ticket or a
// lesson, from requests asked of the demo account.

using namespace std::string_literals;

class tst_SimulationReport : public QObject
{
    Q_OBJECT

private slots:
    void jsonHoldsTheDecisionTheFlowAndEveryStatement();
    void markdownReadsAsTheFlowDoes();
    void anExplicitDenyNamesItsStatement();
};

void tst_SimulationReport::jsonHoldsTheDecisionTheFlowAndEveryStatement()
{
    const auto asked =
            demo::ask("alice", "s3:PutObject", "arn:aws:s3:::acme-reports/home/alice/notes.txt");
    QVERIFY(asked);
    const std::string text = iamx::simulationJson(asked->request, asked->explanation);
    const auto parsed = iamx::json::read(text);
    QVERIFY2(parsed.value, text.c_str());
    const iamx::json::Value &root = *parsed.value;
    QVERIFY(root.isObject());
    const auto member = [&root](std::string_view key) { return root.find(key); };
    QVERIFY(member("decision") && member("decision")->text == "allowed");
    QCOMPARE(member("principal")->text, "arn:aws:iam::111122223333:user/alice"s);
    QCOMPARE(member("badge")->text, "Allowed"s);
    // The context as it was asked: AWS's keys for alice.
    QVERIFY(member("context") && member("context")->find("aws:username"));
    QCOMPARE(member("context")->find("aws:username")->text, "alice"s);
    // Seven steps, in the order of the flow.
    const auto *flow = member("flow");
    QVERIFY(flow && flow->isArray());
    QCOMPARE(flow->items.size(), size_t(7));
    QCOMPARE(flow->items[0].find("step")->text, "Deny"s);
    QCOMPARE(flow->items[4].find("step")->text, "Identity"s);
    QCOMPARE(flow->items[4].find("verdict")->text, "passed"s);
    // Every statement, the deciding one marked.
    const auto *statements = member("statements");
    QVERIFY(statements && statements->items.size() > 5);
    int decisive = 0;
    for (const auto &statement : statements->items)
        if (statement.find("decisive")->boolean) {
            ++decisive;
            QCOMPARE(statement.find("sid")->text, "OwnHomeFolder"s);
            QCOMPARE(statement.find("verdict")->text, "granted"s);
        }
    QCOMPARE(decisive, 1);
}

void tst_SimulationReport::markdownReadsAsTheFlowDoes()
{
    const auto asked = demo::ask("alice", "s3:PutObject", "arn:aws:s3:::acme-reports/reports/x");
    QVERIFY(asked);
    const std::string text = iamx::simulationMarkdown(asked->request, asked->explanation);
    QVERIFY2(text.starts_with("# Denied implicitly — no identity policy allows\n"), text.c_str());
    QVERIFY(text.find("| Action | `s3:PutObject` |") != std::string::npos);
    QVERIFY(text.find("5. ✖ **Identity**") != std::string::npos);
    QVERIFY(text.find("← decided here") != std::string::npos);
    QVERIFY(text.find("- no statement: nothing allows the request") != std::string::npos);
    // Why each statement did not apply, in words, in a table a pipe cannot break.
    QVERIFY(text.find("| Policy | Via | Statement | Verdict | Why |") != std::string::npos);
    QVERIFY(text.find("– not applied") != std::string::npos);
}

void tst_SimulationReport::anExplicitDenyNamesItsStatement()
{
    const auto asked = demo::ask("erin", "s3:DeleteBucket", "arn:aws:s3:::acme-audit-logs");
    QVERIFY(asked);
    const std::string markdown = iamx::simulationMarkdown(asked->request, asked->explanation);
    QVERIFY2(markdown.starts_with("# Denied — explicit deny\n"), markdown.c_str());
    QVERIFY(markdown.find("DenyDeletingAuditLogs") != std::string::npos);
    const auto parsed = iamx::json::read(iamx::simulationJson(asked->request, asked->explanation));
    QVERIFY(parsed.value);
    QCOMPARE(parsed.value->find("decision")->text, "explicitDeny"s);
    QCOMPARE(parsed.value->find("decisive")->items.size(), size_t(1));
}

QTEST_APPLESS_MAIN(tst_SimulationReport)
#include "tst_simulationreport.moc"
