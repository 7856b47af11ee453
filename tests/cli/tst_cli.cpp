// The iamx command line (app/cli), run in-process through runCli() with string streams and
// checked byte for byte against golden files (scenario-format.md is the contract; style.md §1,
// KeePassXC's TestCli).
//
// Golden files live in tests/data/cli/. A row names a golden stem: <stem>.stdout.expected and
// <stem>.stderr.expected hold what iamx must print on each stream (a stream without a file
// must stay empty); the row holds the exit status. Commands run with tests/data/cli/ as the
// working directory, so file names in messages are the short names a user would type.
//
// Regenerating the goldens after an intended change of the output:
//     IAMX_UPDATE_GOLDENS=1 build/dev/tests/cli/tst_cli
// writes the actual output into the golden files instead of comparing (and removes the file of
// a stream that stays empty). Rows marked as a known bug are left alone: their goldens hold
// the output iamx should print, written by hand. Read `git diff tests/data/cli` before
// committing: a golden says what iamx must print, not what it happens to print.

#include "app/cli/cli.h"
#include "tests/cli/clirun.h"
#include "tests/support/testsupport.h"

#include <QTest>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

using iamx::test::Args;
using iamx::test::CliRun;
using iamx::test::runIamx;

bool updatingGoldens()
{
    return qEnvironmentVariableIntValue("IAMX_UPDATE_GOLDENS") == 1;
}

std::string goldenPath(const std::string &stem, const char *stream)
{
    return iamx::test::testDataPath("cli/" + stem + "." + stream + ".expected");
}

// The golden text of one stream; a missing file stands for an empty stream.
std::string readGolden(const std::string &stem, const char *stream)
{
    const std::string path = goldenPath(stem, stream);
    if (!std::filesystem::exists(path))
        return {};
    return iamx::test::readFile(path);
}

void writeGolden(const std::string &stem, const char *stream, const std::string &text)
{
    const std::string path = goldenPath(stem, stream);
    if (text.empty()) {
        std::filesystem::remove(path);
        return;
    }
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << text;
    QVERIFY2(file.good(), ("cannot write " + path).c_str());
}

std::vector<std::string> splitLines(const std::string &text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

// Why two texts differ, naming the first line that does; empty when they are equal.
std::string difference(const std::string &actual, const std::string &expected)
{
    if (actual == expected)
        return {};
    const auto actualLines = splitLines(actual);
    const auto expectedLines = splitLines(expected);
    for (size_t i = 0; i < std::max(actualLines.size(), expectedLines.size()); ++i) {
        const std::string got = i < actualLines.size() ? actualLines[i] : "(no line)";
        const std::string want = i < expectedLines.size() ? expectedLines[i] : "(no line)";
        if (got != want)
            return "line " + std::to_string(i + 1) + " differs\n   Actual: " + got
                    + "\n   Expected: " + want;
    }
    return "the texts differ only in their final newline";
}

} // namespace

Q_DECLARE_METATYPE(Args)

class tst_Cli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void simulate_data();
    void simulate() { compareWithGoldens(); }
    void testCommand_data();
    void testCommand() { compareWithGoldens(); }
    void usage_data();
    void usage() { compareWithGoldens(); }
    void benchBadSeconds_data();
    void benchBadSeconds() { compareWithGoldens(); }
    void accountQuestions_data();
    void accountQuestions() { compareWithGoldens(); }
    void actions_data();
    void actions() { compareWithGoldens(); }
    void validate_data();
    void validate() { compareWithGoldens(); }

    void bench_data();
    void bench();
    void benchFilter();
    void benchCatalog();
    void benchValidate();

private:
    static void addGoldenColumns();
    static void compareWithGoldens();

    std::filesystem::path m_previousDirectory;
};

void tst_Cli::initTestCase()
{
    m_previousDirectory = std::filesystem::current_path();
    std::filesystem::current_path(iamx::test::testDataPath("cli"));
}

void tst_Cli::cleanupTestCase()
{
    std::filesystem::current_path(m_previousDirectory);
}

// args: the command line after `iamx`; stem: the golden files; status: the exit status;
// knownBug: empty, or why iamx does not yet print the golden stdout (the row is then an
// expected failure, and updating the goldens leaves it alone).
void tst_Cli::addGoldenColumns()
{
    QTest::addColumn<Args>("args");
    QTest::addColumn<std::string>("stem");
    QTest::addColumn<int>("status");
    QTest::addColumn<std::string>("knownBug");
}

void tst_Cli::compareWithGoldens()
{
    QFETCH(Args, args);
    QFETCH(std::string, stem);
    QFETCH(int, status);
    QFETCH(std::string, knownBug);

    const CliRun run = runIamx(args);
    if (updatingGoldens()) {
        if (!knownBug.empty())
            QSKIP("known bug: its golden is written by hand");
        writeGolden(stem, "stdout", run.out);
        writeGolden(stem, "stderr", run.err);
    }
    QCOMPARE(run.status, status);
    const std::string errDifference = difference(run.err, readGolden(stem, "stderr"));
    QVERIFY2(errDifference.empty(), ("stderr: " + errDifference).c_str());
    const std::string outDifference = difference(run.out, readGolden(stem, "stdout"));
    if (!knownBug.empty())
        QEXPECT_FAIL("", knownBug.c_str(), Continue);
    QVERIFY2(outDifference.empty(), ("stdout: " + outDifference).c_str());
}

void tst_Cli::simulate_data()
{
    addGoldenColumns();
    // Every decision, decisive entries with and without sid, unnamed policies, SCP, RCP,
    // boundary, session and resource-policy statements, warnings (columns counted from the
    // indented scenario's own start, and in code points), scenarios that cannot be evaluated
    // between good ones (bad JSON, INVALID_EFFECT, a missing request field, two errors).
    QTest::newRow("json: decisions, warnings and errors")
            << Args { "simulate", "simulate-basic.jsonl", "--json" }
            << std::string("simulate-basic-json") << 1 << std::string();
    QTest::newRow("json: the flag before the file")
            << Args { "simulate", "--json", "simulate-basic.jsonl" }
            << std::string("simulate-basic-json") << 1 << std::string();
    // A .json array over many lines: line numbers count from each scenario's first line.
    QTest::newRow("json: multi-line array")
            << Args { "simulate", "simulate-multiline.json", "--json" }
            << std::string("simulate-multiline-json") << 1 << std::string();
    QTest::newRow("text: multi-line array")
            << Args { "simulate", "simulate-multiline.json" }
            << std::string("simulate-multiline-text") << 1 << std::string();
    // Allowed with a condition and a note, explicitDeny by a bucket policy, implicitDeny with
    // three failed gates and condition details, a role-ARN grant, an unnamed scenario whose
    // warning goes to stderr.
    QTest::newRow("text: explanations") << Args { "simulate", "simulate-text.jsonl" }
                                        << std::string("simulate-text") << 0 << std::string();
    QTest::newRow("text: errors on stderr, the run goes on")
            << Args { "simulate", "simulate-text-errors.jsonl" }
            << std::string("simulate-text-errors") << 1 << std::string();
    QTest::newRow("text: the first scenario cannot be evaluated")
            << Args { "simulate", "simulate-text-first-broken.jsonl" }
            << std::string("simulate-text-first-broken") << 1 << std::string();
    QTest::newRow("json: empty file") << Args { "simulate", "empty.jsonl", "--json" }
                                      << std::string("empty") << 0 << std::string();
    QTest::newRow("json: duplicate Sid")
            << Args { "simulate", "simulate-duplicate-sid.jsonl", "--json" }
            << std::string("simulate-duplicate-sid-json") << 0 << std::string();
}

void tst_Cli::testCommand_data()
{
    addGoldenColumns();
    // Three pass; the scenario without "expect" is not counted.
    QTest::newRow("all pass") << Args { "test", "test-pass.jsonl" } << std::string("test-pass") << 0
                              << std::string();
    // A wrong allow, a wrong deny, two scenarios that cannot be evaluated (counted as failed),
    // one without "expect" (not counted).
    QTest::newRow("failures") << Args { "test", "test-fail.jsonl" } << std::string("test-fail") << 1
                              << std::string();
    QTest::newRow("unnamed mismatch") << Args { "test", "test-unnamed.jsonl" }
                                      << std::string("test-unnamed") << 1 << std::string();
    QTest::newRow("empty file") << Args { "test", "empty.jsonl" } << std::string("test-empty") << 0
                                << std::string();
}

void tst_Cli::usage_data()
{
    addGoldenColumns();
    const std::string none;
    QTest::newRow("no arguments") << Args {} << std::string("usage-no-arguments") << 2 << none;
    QTest::newRow("unknown command") << Args { "frobnicate", "x.jsonl" }
                                     << std::string("usage-unknown-command") << 2 << none;
    QTest::newRow("help for an unknown command")
            << Args { "help", "frobnicate" } << std::string("usage-unknown-command") << 2 << none;
    QTest::newRow("simulate: unknown option")
            << Args { "simulate", "--yaml", "test-pass.jsonl" }
            << std::string("usage-simulate-unknown-option") << 2 << none;
    QTest::newRow("test: --json is not an option")
            << Args { "test", "--json", "test-pass.jsonl" }
            << std::string("usage-test-unknown-option") << 2 << none;
    QTest::newRow("simulate: a value for --json")
            << Args { "simulate", "--json=yes", "test-pass.jsonl" }
            << std::string("usage-simulate-json-value") << 2 << none;
    QTest::newRow("simulate: no file")
            << Args { "simulate", "--json" } << std::string("usage-simulate-no-file") << 2 << none;
    QTest::newRow("test: no file")
            << Args { "test" } << std::string("usage-test-no-file") << 2 << none;
    QTest::newRow("bench: no file") << Args { "bench", "--seconds", "0.2" }
                                    << std::string("usage-bench-no-file") << 2 << none;
    QTest::newRow("bench: --filter without --account")
            << Args { "bench", "--filter", "alice" } << std::string("usage-bench-filter-no-account")
            << 2 << none;
    QTest::newRow("simulate: two files")
            << Args { "simulate", "test-pass.jsonl", "test-fail.jsonl" }
            << std::string("usage-simulate-two-files") << 2 << none;
    QTest::newRow("simulate: missing file") << Args { "simulate", "nosuch.jsonl" }
                                            << std::string("missing-file-simulate") << 1 << none;
    QTest::newRow("simulate --json: missing file")
            << Args { "simulate", "nosuch.jsonl", "--json" } << std::string("missing-file-simulate")
            << 1 << none;
    QTest::newRow("test: missing file")
            << Args { "test", "nosuch.jsonl" } << std::string("missing-file-test") << 1 << none;
    QTest::newRow("bench: missing file") << Args { "bench", "nosuch.jsonl", "--seconds", "0.2" }
                                         << std::string("missing-file-bench") << 1 << none;
    QTest::newRow("-- ends the options") << Args { "simulate", "--", "--json" }
                                         << std::string("missing-file-dashed") << 1 << none;
    QTest::newRow("--help") << Args { "--help" } << std::string("help") << 0 << none;
    QTest::newRow("-h") << Args { "-h" } << std::string("help") << 0 << none;
    QTest::newRow("help") << Args { "help" } << std::string("help") << 0 << none;
    QTest::newRow("help simulate")
            << Args { "help", "simulate" } << std::string("help-simulate") << 0 << none;
    QTest::newRow("simulate --help")
            << Args { "simulate", "--help" } << std::string("help-simulate") << 0 << none;
    QTest::newRow("simulate -h with a file") << Args { "simulate", "test-pass.jsonl", "-h" }
                                             << std::string("help-simulate") << 0 << none;
    QTest::newRow("help test") << Args { "help", "test" } << std::string("help-test") << 0 << none;
    QTest::newRow("test --help") << Args { "test", "--help" } << std::string("help-test") << 0
                                 << none;
    QTest::newRow("help bench") << Args { "help", "bench" } << std::string("help-bench") << 0
                                << none;
    QTest::newRow("bench --help") << Args { "bench", "--help" } << std::string("help-bench") << 0
                                  << none;
    QTest::newRow("--version") << Args { "--version" } << std::string("version") << 0 << none;
}

// `iamx actions`: the expansion of action patterns over the built-in catalog.
void tst_Cli::actions_data()
{
    addGoldenColumns();
    const std::string none;
    QTest::newRow("actions: patterns, case ignored")
            << Args { "actions", "s3:GetObject", "STS:assumerole*", "sts:AssumeRole" }
            << std::string("actions-assumerole") << 0 << none;
    QTest::newRow("actions --json") << Args { "actions", "s3:GetObject", "--json", "nosuch:x" }
                                    << std::string("actions-json") << 1 << none;
    QTest::newRow("actions: undocumented") << Args { "actions", "mobilehub:GetProj*" }
                                           << std::string("actions-undocumented") << 0 << none;
    QTest::newRow("actions: patterns that match nothing")
            << Args { "actions", "nosuch:x", "s3", "deeplens:*", "s3*:GetObject", "iam:GetUser" }
            << std::string("actions-unmatched") << 1 << none;
    QTest::newRow("actions --not *")
            << Args { "actions", "--not", "*" } << std::string("actions-not-all") << 0 << none;
    QTest::newRow("actions: no pattern")
            << Args { "actions", "--json" } << std::string("usage-actions-no-pattern") << 2 << none;
    QTest::newRow("actions --help")
            << Args { "actions", "--help" } << std::string("help-actions") << 0 << none;
    QTest::newRow("help actions") << Args { "help", "actions" } << std::string("help-actions") << 0
                                  << none;
}

// `iamx validate`: findings of policy files, text and JSON, exit status 1 on an ERROR.
void tst_Cli::validate_data()
{
    addGoldenColumns();
    const std::string none;
    // An error, a suggestion, security warnings, a type mismatch: sorted by position.
    QTest::newRow("validate: text") << Args { "validate", "validate-wrong.json" }
                                    << std::string("validate-wrong") << 1 << none;
    QTest::newRow("validate: clean") << Args { "validate", "validate-clean.json" }
                                     << std::string("validate-clean") << 0 << none;
    // One line per file, options after the files; a file without findings has an empty list.
    QTest::newRow("validate --json, several files") << Args { "validate", "validate-wrong.json",
        "validate-clean.json", "validate-broken.json", "--json" }
                                                    << std::string("validate-json") << 1 << none;
    QTest::newRow("validate: a trust policy read as identity")
            << Args { "validate", "validate-trust.json" } << std::string("validate-trust-identity")
            << 1 << none;
    QTest::newRow("validate --policy-type trust")
            << Args { "validate", "validate-trust.json", "--policy-type", "trust" }
            << std::string("validate-trust") << 1 << none;
    QTest::newRow("validate --policy-type=scp --json")
            << Args { "validate", "--policy-type=scp", "--json", "validate-clean.json" }
            << std::string("validate-scp-json") << 0 << none;
    QTest::newRow("validate --resource-arn: a bucket policy")
            << Args { "validate", "validate-bucket.json", "--resource-arn", "arn:aws:s3:::acme" }
            << std::string("validate-bucket") << 1 << none;
    QTest::newRow("validate: a bucket policy, its service inferred")
            << Args { "validate", "--policy-type", "resource", "validate-bucket.json" }
            << std::string("validate-bucket-inferred") << 0 << none;
    QTest::newRow("validate --resource-arn with another policy type")
            << Args { "validate", "validate-bucket.json", "--resource-arn", "arn:aws:s3:::acme",
                   "--policy-type", "identity" }
            << std::string("usage-validate-resource-arn") << 2 << none;
    QTest::newRow("validate: a missing file and a good one")
            << Args { "validate", "nosuch.json", "validate-clean.json" }
            << std::string("validate-missing-file") << 1 << none;
    QTest::newRow("validate: no file")
            << Args { "validate", "--json" } << std::string("usage-validate-no-file") << 2 << none;
    QTest::newRow("validate: unknown policy type")
            << Args { "validate", "--policy-type", "Identity", "validate-clean.json" }
            << std::string("usage-validate-policy-type") << 2 << none;
    QTest::newRow("validate --account demo") << Args { "validate", "--account", "demo" }
                                             << std::string("validate-account-demo") << 0 << none;
    QTest::newRow("validate --account with a file")
            << Args { "validate", "--account", "demo", "validate-clean.json" }
            << std::string("usage-validate-account-and-file") << 2 << none;
    // A resource called sensitive that the policy reaches, and one it does not; a usage error with
    // --account.
    QTest::newRow("validate --sensitive") << Args { "validate", "validate-clean.json",
        "--sensitive", "arn:aws:s3:::reports/q*", "--sensitive", "arn:aws:s3:::payroll" }
                                          << std::string("validate-sensitive") << 0 << none;
    QTest::newRow("validate --sensitive with --account")
            << Args { "validate", "--account", "demo", "--sensitive", "arn:aws:s3:::x" }
            << std::string("usage-validate-sensitive-account") << 2 << none;
    // Every check with its severity; --json, one object a line.
    QTest::newRow("validate --list-checks --json")
            << Args { "validate", "--list-checks", "--json" }
            << std::string("validate-list-checks-json") << 0 << none;
    QTest::newRow("validate --help")
            << Args { "validate", "--help" } << std::string("help-validate") << 0 << none;
    QTest::newRow("help validate")
            << Args { "help", "validate" } << std::string("help-validate") << 0 << none;
}

// Questions asked of the built-in demo account, with the clock fixed.
void tst_Cli::accountQuestions_data()
{
    addGoldenColumns();
    const std::string now = "--now=2026-03-01T12:00:00Z";
    QTest::newRow("who-can read a report") << Args { "who-can", "--account", "demo", "--action",
        "s3:GetObject", "--resource", "arn:aws:s3:::acme-reports/reports/2026/q1.csv", now }
                                           << std::string("whocan-reports") << 0 << std::string();
    QTest::newRow("who-can read a report, json")
            << Args { "who-can", "--account", "demo", "--action", "s3:GetObject", "--resource",
                   "arn:aws:s3:::acme-reports/reports/2026/q1.csv", now, "--json" }
            << std::string("whocan-reports-json") << 0 << std::string();
    // Conditional: stopping an instance depends on aws:ResourceTag/team, which the context
    // has only for listed instances; an unlisted one leaves the key absent.
    QTest::newRow("who-can stop an unlisted instance, json")
            << Args { "who-can", "--account", "demo", "--action", "ec2:StopInstances", "--resource",
                   "arn:aws:ec2:eu-west-1:111122223333:instance/i-unlisted", now, "--json" }
            << std::string("whocan-conditional-json") << 0 << std::string();
    QTest::newRow("effective alice")
            << Args { "effective", "--account", "demo", "--principal", "alice" }
            << std::string("effective-alice") << 0 << std::string();
    QTest::newRow("effective alice, json")
            << Args { "effective", "--account", "demo", "--principal", "alice", "--json" }
            << std::string("effective-alice-json") << 0 << std::string();
    QTest::newRow("simulate with provenance, json") << Args {
        "simulate", "--account", "demo", "--principal", "alice", "--action", "s3:GetObject",
        "--resource", "arn:aws:s3:::acme-reports/reports/q1.csv", now, "--json"
    } << std::string("simulate-account-json") << 0 << std::string();
    QTest::newRow("simulate with provenance, text")
            << Args { "simulate", "--account", "demo", "--principal", "erin", "--action",
                   "iam:CreateUser", "--resource", "arn:aws:iam::111122223333:user/new", now }
            << std::string("simulate-account-text") << 0 << std::string();
    QTest::newRow("summary of the demo, json")
            << Args { "summary", "--account", "demo", "--json" } << std::string("summary-demo-json")
            << 0 << std::string();
    QTest::newRow("unknown principal")
            << Args { "simulate", "--account", "demo", "--principal", "nobody", "--action",
                   "s3:GetObject", "--resource", "arn:aws:s3:::x" }
            << std::string("account-unknown-principal") << 1 << std::string();
    QTest::newRow("account without a question")
            << Args { "simulate", "--account", "demo" } << std::string("account-no-question") << 2
            << std::string();
}

void tst_Cli::benchBadSeconds_data()
{
    addGoldenColumns();
    const std::string stem = "usage-bench-bad-seconds";
    const std::string none;
    for (const char *value : { "0", "-1", "abc", "", "0.5s", "nan", "inf", "3601", "1e9" })
        QTest::addRow("--seconds '%s'", value)
                << Args { "bench", "test-pass.jsonl", "--seconds", value } << stem << 2 << none;
    QTest::newRow("--seconds=0") << Args { "bench", "--seconds=0", "test-pass.jsonl" } << stem << 2
                                 << none;
    QTest::newRow("--seconds without a value")
            << Args { "bench", "test-pass.jsonl", "--seconds" }
            << std::string("usage-bench-seconds-no-value") << 2 << none;
}

// A measurement, so no golden: the exit status and the shape of the report.
void tst_Cli::bench_data()
{
    QTest::addColumn<Args>("args");
    QTest::newRow("--seconds 0.2") << Args { "bench", "test-pass.jsonl", "--seconds", "0.2" };
    QTest::newRow("--seconds=0.2 first") << Args { "bench", "--seconds=0.2", "test-pass.jsonl" };
}

void tst_Cli::bench()
{
    QFETCH(Args, args);
    const CliRun run = runIamx(args);
    QCOMPARE(run.status, 0);
    QCOMPARE(QByteArray::fromStdString(run.err), QByteArray());
    const auto lines = splitLines(run.out);
    QVERIFY(!lines.empty());
    QVERIFY2(run.out.ends_with('\n'), run.out.c_str());
    QCOMPARE(QByteArray::fromStdString(lines.front()), QByteArray("scenarios: 4"));
    QVERIFY2(std::regex_match(lines.back(), std::regex("^evals/s: [0-9]+$")), run.out.c_str());
}

// The account tree's filter measured on the demo account: the counts are exact, the times not.
void tst_Cli::benchFilter()
{
    const CliRun run = runIamx({ "bench", "--account", "demo", "--filter", "alice" });
    QCOMPARE(run.status, 0);
    QCOMPARE(QByteArray::fromStdString(run.err), QByteArray());
    const auto lines = splitLines(run.out);
    QCOMPARE(lines.size(), size_t(5));
    QCOMPARE(QByteArray::fromStdString(lines[0]), QByteArray("entities: 41"));
    QVERIFY2(std::regex_match(lines[1], std::regex("^action patterns: [0-9]+$")), run.out.c_str());
    QVERIFY2(std::regex_match(lines[2], std::regex("^index ms: [0-9.]+$")), run.out.c_str());
    QCOMPARE(QByteArray::fromStdString(lines[3]), QByteArray("matches: 1"));
    QVERIFY2(std::regex_match(lines[4], std::regex("^query ms: [0-9.]+$")), run.out.c_str());
}

// The catalog benchmark: its report's shape, and that every action was found by its name.
void tst_Cli::benchCatalog()
{
    const CliRun run = runIamx({ "bench", "--catalog" });
    QCOMPARE(run.status, 0);
    QCOMPARE(QByteArray::fromStdString(run.err), QByteArray());
    const auto lines = splitLines(run.out);
    QCOMPARE(lines.size(), size_t(8));
    QVERIFY2(std::regex_match(lines[0], std::regex("^services: [0-9]{3}$")), run.out.c_str());
    QVERIFY2(std::regex_match(lines[1], std::regex("^actions: ([0-9]+) \\(found by name: \\1\\)$")),
            run.out.c_str());
    QVERIFY2(std::regex_match(lines[2], std::regex("^first load ms: [0-9.]+$")), run.out.c_str());
    QVERIFY2(std::regex_match(lines[3], std::regex("^load ms: [0-9.]+$")), run.out.c_str());
    QVERIFY2(std::regex_match(lines[4], std::regex("^lookup ns: [0-9]+$")), run.out.c_str());
    QVERIFY2(std::regex_match(
                     lines[5], std::regex("^expand s3:Get\\* us: [0-9.]+ \\([0-9]+ actions\\)$")),
            run.out.c_str());
    QVERIFY2(
            std::regex_match(lines[6], std::regex("^expand \\* ms: [0-9.]+ \\([0-9]+ actions\\)$")),
            run.out.c_str());
    QVERIFY2(std::regex_match(
                     lines[7], std::regex("^not-action iam:\\* ms: [0-9.]+ \\([0-9]+ actions\\)$")),
            run.out.c_str());
}

// Validation measured over the committed managed-policy sample: counts exact, times not.
void tst_Cli::benchValidate()
{
    const CliRun run = runIamx({ "bench", "--validate",
            iamx::test::testDataPath("managed-policies/sample"), "--seconds", "0.1" });
    QCOMPARE(run.status, 0);
    QCOMPARE(QByteArray::fromStdString(run.err), QByteArray());
    const auto lines = splitLines(run.out);
    QVERIFY(lines.size() == 5);
    QCOMPARE(QByteArray::fromStdString(lines.front()), QByteArray("policies: 300"));
    QVERIFY2(lines[1].starts_with("findings: 0 error, "), lines[1].c_str());
    QVERIFY2(std::regex_match(lines.back(), std::regex("^policies/s: [0-9]+$")), run.out.c_str());
    const CliRun empty = runIamx({ "bench", "--validate", "nosuch-folder" });
    QCOMPARE(empty.status, 1);
}

QTEST_APPLESS_MAIN(tst_Cli)

#include "tst_cli.moc"
