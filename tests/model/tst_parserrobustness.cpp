#include "tests/model/policyparsertest.h"

// Hostile input: random mutations never crash, and huge and deep documents end promptly. (That
// the parser's time grows linearly with its input is measured by `iamx bench --parser`, not
// by a timed test.)

class tst_ParserRobustness : public QObject
{
    Q_OBJECT

private slots:
    void randomMutationsNeverCrash();
    void hugeInputs_data();
    void hugeInputs();
};

// Seeded random edits of valid documents: nothing may crash (ASan/UBSan watch), and every
// result keeps the invariants of a parse result.
void tst_ParserRobustness::randomMutationsNeverCrash()
{
    const std::vector<std::string> policies {
        R"({"Version": "2012-10-17", "Id": "x", "Statement": [
  {"Sid": "A", "Effect": "Allow", "Action": ["s3:Get*", "s3:List*"],
   "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/${aws:username}/*"],
   "Condition": {"StringLike": {"s3:prefix": ["home/", "${aws:username}/*"]},
                 "ForAnyValue:StringEqualsIfExists": {"aws:TagKeys": ["a", "b"]},
                 "IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "2001:db8::/32"]},
                 "DateLessThan": {"aws:CurrentTime": "2026-03-01T12:00:00Z"},
                 "NumericLessThanEquals": {"s3:max-keys": 10},
                 "Bool": {"aws:SecureTransport": true}, "Null": {"aws:TokenIssueTime": "false"},
                 "BinaryEquals": {"k:b": "QmluYXJ5"}, "ArnLike": {"aws:SourceArn": "arn:aws:sns:*:*:t"}}},
  {"Effect": "Deny", "NotAction": "iam:*", "NotResource": "*"}]})",
        R"({"Version": "2008-10-17", "Statement": {"Effect": "Allow",
  "Principal": {"AWS": ["111122223333", "arn:aws:iam::111122223333:user/a",
    "arn:aws:sts::111122223333:assumed-role/R/s", "AIDAJQABLZS4A3QDU576Q"],
    "Service": "lambda.amazonaws.com", "Federated": "accounts.google.com"},
  "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:eu-west-1:111122223333:q"}})",
        R"({"Statement": [{"Effect": "Allow", "NotPrincipal": {"AWS": "*"},
  "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "ü€𝄞"}}}]})",
    };
    const std::string scenario = R"({"name": "s", "identityPolicies": [{"name": "p", "document":
  {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject",
  "Resource": "arn:aws:s3:::b/*"}}}],
  "serviceControlPolicies": [[{"document": {"Version": "2012-10-17", "Statement": {"Effect":
  "Allow", "Action": "*", "Resource": "*"}}}]],
  "resourcePolicy": {"document": {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
  "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}}},
  "request": {"principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject",
  "resource": "arn:aws:s3:::b/k", "context": {"aws:TagKeys": ["a"], "n": 1, "b": true}},
  "expect": "allowed"}
{"request": {"principal": "lambda.amazonaws.com", "action": "sts:AssumeRole", "resource":
"arn:aws:iam::111122223333:role/R"}})";
    const std::vector<std::string> tokens { "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u",
        "\\ud800", "null", "true", "-1e999", "\"*\"", "${", "\"Action\"", "\"Principal\"",
        "\"Condition\"", "\xff", "\xe2\x82", "\n", "\r", "\t", "\"AWS\"" };
    const PolicyType types[] = { PolicyType::Identity, PolicyType::PermissionsBoundary,
        PolicyType::Session, PolicyType::Resource, PolicyType::ServiceControl,
        PolicyType::ResourceControl };

    std::mt19937 random(20240611u);
    const auto below = [&random](size_t n) {
        return n == 0 ? size_t(0) : std::uniform_int_distribution<size_t>(0, n - 1)(random);
    };
    QElapsedTimer timer;
    timer.start();
    constexpr int iterations = 5000;
    constexpr qint64 budgetMs = 9000; // the bound on the whole test, also under ASan
    for (int i = 0; i < iterations && timer.elapsed() < budgetMs; ++i) {
        const bool isScenario = i % 4 == 3;
        std::string text = isScenario ? scenario : policies[below(policies.size())];
        const size_t edits = 1 + below(4);
        for (size_t e = 0; e < edits; ++e) {
            const size_t at = below(text.size() + 1);
            switch (below(8)) {
            case 5:
            case 6:
            case 7: {
                // Change a character of a name or value to another that keeps the JSON valid,
                // so that the policy compiler, not only the JSON reader, meets odd input.
                static constexpr std::string_view safe = "aZ09:*?/-.${}~ _,";
                const size_t end = std::min(text.size(), at + 8);
                for (size_t k = at; k < end; ++k) {
                    const char c = text[k];
                    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                            || std::string_view(":*/-.?$").find(c) != std::string_view::npos) {
                        text[k] = safe[below(safe.size())];
                        break;
                    }
                }
                break;
            }
            case 0: // replace a byte
                if (at < text.size())
                    text[at] = static_cast<char>(below(256));
                break;
            case 1: // delete a range
                text.erase(std::min(at, text.size()), 1 + below(16));
                break;
            case 2: { // duplicate a range somewhere else
                const size_t from = below(text.size());
                const std::string piece = text.substr(from, 1 + below(40));
                text.insert(below(text.size() + 1), piece);
                break;
            }
            default: // insert a JSON-ish token
                text.insert(std::min(at, text.size()), tokens[below(tokens.size())]);
                break;
            }
        }
        if (isScenario) {
            const auto entries = iamx::readScenarios(text, i % 8 == 3 ? "m.jsonl" : "m.json");
            const QByteArray broken = brokenInvariant(entries);
            QVERIFY2(broken.isEmpty(), (broken + "\n--- input:\n" + bytes(text)).constData());
        } else {
            iamx::PolicyParseOptions options;
            options.type = types[below(std::size(types))];
            options.resourceKind = static_cast<ResourcePolicyKind>(below(3));
            const auto result = iamx::parsePolicyText(text, options);
            const QByteArray broken = brokenInvariant(result, text);
            QVERIFY2(broken.isEmpty(), (broken + "\n--- input:\n" + bytes(text)).constData());
        }
    }
    QVERIFY(timer.elapsed() < 10000);
}

// Hostile sizes: deep nesting ends in an error, a large document is read in time.
void tst_ParserRobustness::hugeInputs_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<bool>("valid");

    QTest::newRow("100000 [") << QByteArray(100000, '[') << false;
    QByteArray objects;
    for (int i = 0; i < 100000; ++i)
        objects += "{\"a\":";
    QTest::newRow("100000 {\"a\":") << objects << false;

    // 5 MB of statements, pretty-printed, one member a line.
    QByteArray statements = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n";
    for (int i = 0; statements.size() < 5'000'000; ++i) {
        if (i > 0)
            statements += ",\n";
        statements += "    {\n      \"Effect\": \"Allow\",\n      \"Action\": [\"s3:GetObject\", "
                      "\"s3:PutObject\"],\n      \"Resource\": \"arn:aws:s3:::bucket-"
                + QByteArray::number(i) + "/*\"\n    }";
    }
    statements += "\n  ]\n}";
    QTest::newRow("5 MB of statements") << statements << true;

    // 5 MB on one line: one resource list.
    QByteArray resources = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                           "\"Action\":\"s3:GetObject\",\"Resource\":[";
    for (int i = 0; resources.size() < 5'000'000; ++i) {
        if (i > 0)
            resources += ',';
        resources += "\"arn:aws:s3:::bucket/key-" + QByteArray::number(i) + "\"";
    }
    resources += "]}}";
    QTest::newRow("5 MB on one line") << resources << true;
    QTest::newRow("5 MB cut short") << resources.left(resources.size() - 3) << false;
}

void tst_ParserRobustness::hugeInputs()
{
    QFETCH(QByteArray, document);
    QFETCH(bool, valid);

    QElapsedTimer timer;
    timer.start();
    const auto result = parse(document);
    const qint64 parseMs = timer.elapsed();
    // A bound for a hang or a quadratic reader (hours on 5 MB), not a speed target: generous
    // enough for a Debug+ASan build on a machine busy with a parallel build.
    QVERIFY2(parseMs < 60000, QByteArray::number(parseMs).constData());
    const QByteArray broken = brokenInvariant(result, view(document));
    QVERIFY2(broken.isEmpty(), broken.constData());
    if (valid) {
        QVERIFY2(result.diagnostics.empty(),
                describeAll(result.diagnostics).mid(0, 5).join('\n').constData());
        QVERIFY(result.value);
    } else {
        QCOMPARE(result.diagnostics.size(), size_t(1));
        QCOMPARE(result.diagnostics[0].code, std::string("JSON_SYNTAX_ERROR"));
        QVERIFY(!result.value);
    }

    if (document.size() < 1'000'000) {
        // The scenario reader meets the same text as a file of scenarios.
        for (const char *file : { "deep.json", "deep.jsonl" }) {
            timer.restart();
            const auto entries = iamx::readScenarios(view(document), file);
            QVERIFY(timer.elapsed() < 60000);
            QCOMPARE(entries.size(), size_t(1));
            QVERIFY(entries[0].hasErrors());
            QCOMPARE(
                    entries[0].diagnostics.at(0).diagnostic.code, std::string("JSON_SYNTAX_ERROR"));
        }
    }
}

QTEST_APPLESS_MAIN(tst_ParserRobustness)

#include "tst_parserrobustness.moc"
