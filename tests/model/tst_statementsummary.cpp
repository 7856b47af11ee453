#include "model/statementsummary.h"

#include <QTest>

// One line per statement, as the account tree shows it under a policy.

using iamx::summarizePolicy;

class tst_StatementSummary : public QObject
{
    Q_OBJECT

private slots:
    void oneLinePerStatement_data();
    void oneLinePerStatement();
    void sidsIndexesAndEffects();
    void documentsWithoutStatements_data();
    void documentsWithoutStatements();
};

void tst_StatementSummary::oneLinePerStatement_data()
{
    QTest::addColumn<QByteArray>("statement");
    QTest::addColumn<QByteArray>("summary");
    QTest::newRow("allow") << QByteArray(
            R"({"Effect": "Allow", "Action": ["s3:GetObject", "s3:List*"],
            "Resource": "arn:aws:s3:::reports/*"})")
                           << QByteArray("Allow s3:GetObject, s3:List* on arn:aws:s3:::reports/*");
    QTest::newRow("long list") << QByteArray(
            R"({"Effect": "Allow", "Action": ["a:1", "a:2", "a:3", "a:4",
            "a:5"], "Resource": "*"})")
                               << QByteArray("Allow a:1, a:2, a:3 …and 2 more on *");
    QTest::newRow("not action")
            << QByteArray(R"({"Effect": "Deny", "NotAction": "iam:*",
            "NotResource": ["arn:aws:iam::1:user/x"]})")
            << QByteArray("Deny all actions but iam:* on all but arn:aws:iam::1:user/x");
    QTest::newRow("trust") << QByteArray(R"({"Effect": "Allow", "Principal": {"Service":
            "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"})")
                           << QByteArray("Allow ec2.amazonaws.com to sts:AssumeRole");
    QTest::newRow("everyone") << QByteArray(
            R"({"Effect": "Deny", "Principal": "*", "Action": "s3:*",
            "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}})")
                              << QByteArray("Deny * to s3:* on * if aws:SecureTransport");
    QTest::newRow("no action") << QByteArray(R"({"Effect": "Allow"})")
                               << QByteArray("Allow no action");
    QTest::newRow("odd effect") << QByteArray(R"({"Effect": "Permit", "Action": "s3:*"})")
                                << QByteArray("Allow s3:*");
}

void tst_StatementSummary::oneLinePerStatement()
{
    QFETCH(QByteArray, statement);
    QFETCH(QByteArray, summary);
    const auto result = summarizePolicy(
            ("{\"Version\": \"2012-10-17\", \"Statement\": [" + statement + "]}").toStdString());
    QCOMPARE(result.problem, std::string());
    QCOMPARE(result.statements.size(), size_t(1));
    QCOMPARE(QByteArray::fromStdString(result.statements[0].text), summary);
}

void tst_StatementSummary::sidsIndexesAndEffects()
{
    const auto result = summarizePolicy(R"({"Statement": [
        {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
        "not a statement",
        {"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"}]})");
    QCOMPARE(result.statements.size(), size_t(2));
    QCOMPARE(result.statements[0].sid, std::string("Read"));
    QCOMPARE(result.statements[0].index, 0);
    QVERIFY(!result.statements[0].deny);
    QCOMPARE(result.statements[1].sid, std::string());
    QCOMPARE(result.statements[1].index, 2); // the index in the array, as the editor counts
    QVERIFY(result.statements[1].deny);

    const auto single = summarizePolicy(R"({"Statement": {"Effect": "Deny", "Action": "*"}})");
    QCOMPARE(single.statements.size(), size_t(1));
    QCOMPARE(single.statements[0].index, 0);
    QCOMPARE(single.statements[0].text, std::string("Deny *"));
}

void tst_StatementSummary::documentsWithoutStatements_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QByteArray>("problem");
    QTest::newRow("empty") << QByteArray("") << QByteArray("not JSON");
    QTest::newRow("cut") << QByteArray(R"({"Statement": [)") << QByteArray("not JSON");
    QTest::newRow("array") << QByteArray("[]") << QByteArray("not a JSON object");
    QTest::newRow("no statement") << QByteArray(R"({"Version": "2012-10-17"})")
                                  << QByteArray("no Statement");
    QTest::newRow("number") << QByteArray(R"({"Statement": 3})")
                            << QByteArray("Statement is neither");
}

void tst_StatementSummary::documentsWithoutStatements()
{
    QFETCH(QByteArray, document);
    QFETCH(QByteArray, problem);
    const auto result = summarizePolicy(document.toStdString());
    QVERIFY(result.statements.empty());
    QVERIFY2(QByteArray::fromStdString(result.problem).startsWith(problem), result.problem.c_str());
}

QTEST_APPLESS_MAIN(tst_StatementSummary)
#include "tst_statementsummary.moc"
