#include "app/cli/cli.h"
#include "tests/cli/clirun.h"
#include "tests/support/testsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

// The account commands of iamx (summary, save, simulate --account), run in-process through
// runCli(). Their JSON output is parsed and checked field by field (account-format.md §5, §6;
// the help texts of app/cli are the contract for the JSON shapes).

using namespace Qt::StringLiterals;

namespace {

using Json = nlohmann::json;
using iamx::test::Args;
using iamx::test::CliRun;
using iamx::test::runIamx;

std::string account(const std::string &name)
{
    return iamx::test::testDataPath("accounts/" + name);
}

// The one JSON line a command printed; a discarded value when it is not exactly that.
Json jsonLine(const CliRun &run)
{
    if (run.out.empty() || run.out.back() != '\n' || run.out.find('\n') != run.out.size() - 1)
        return Json(Json::value_t::discarded);
    return Json::parse(run.out, nullptr, false);
}

std::string describe(const CliRun &run)
{
    return "status " + std::to_string(run.status) + "\nstdout: " + run.out + "\nstderr: " + run.err;
}

Json awsListsOf(const std::string &path)
{
    const Json file = Json::parse(iamx::test::readFile(path));
    Json lists = Json::object();
    for (const char *list : { "UserDetailList", "GroupDetailList", "RoleDetailList", "Policies" })
        lists[list] = file.value(list, Json::array());
    return lists;
}

} // namespace

Q_DECLARE_METATYPE(Args)

class tst_CliAccount : public QObject
{
    Q_OBJECT

private slots:
    void summaryJson_data();
    void summaryJson();
    void summaryText();
    void saveRoundTrip_data();
    void saveRoundTrip();
    void saveKeepsTheWorkspace();
    void saveFailures();
    void simulateExplicitDeny();
    void simulateJson_data();
    void simulateJson();
    void usageErrors_data();
    void usageErrors();
};

// `iamx summary --account F --json`: the counts and every diagnostic with its fields.
void tst_CliAccount::summaryJson_data()
{
    QTest::addColumn<Args>("files");
    QTest::addColumn<QString>("accountId");
    QTest::addColumn<int>("users");
    QTest::addColumn<int>("groups");
    QTest::addColumn<int>("roles");
    QTest::addColumn<int>("policies");
    QTest::addColumn<QStringList>("warnings"); // codes, in order

    QTest::newRow("small-example") << Args { account("small-example.json") } << u"012345678901"_s
                                   << 3 << 2 << 3 << 32 << QStringList {};
    QTest::newRow("iam-vulnerable-example")
            << Args { account("iam-vulnerable-example.json") } << u"200611803367"_s << 44 << 5 << 78
            << 84 << QStringList { u"MIXED_ACCOUNTS"_s };
    QTest::newRow("example") << Args { account("example.json") } << u"111122223333"_s << 2 << 2 << 2
                             << 3 << QStringList {};
    QTest::newRow("example, raw API") << Args { account("example-raw.json") } << u"111122223333"_s
                                      << 2 << 2 << 2 << 3 << QStringList {};
    QTest::newRow("example, two pages")
            << Args { account("example-pages/page1.json"), account("example-pages/page2.json") }
            << u"111122223333"_s << 2 << 2 << 2 << 3
            << QStringList { u"INCOMPLETE_SNAPSHOT"_s, u"INCOMPLETE_SNAPSHOT"_s };
}

void tst_CliAccount::summaryJson()
{
    QFETCH(Args, files);
    QFETCH(QString, accountId);
    QFETCH(int, users);
    QFETCH(int, groups);
    QFETCH(int, roles);
    QFETCH(int, policies);
    QFETCH(QStringList, warnings);

    Args args { "summary", "--json" };
    for (const auto &file : files) {
        args.push_back("--account");
        args.push_back(file);
    }
    const CliRun run = runIamx(args);
    QVERIFY2(run.status == 0, describe(run).c_str());
    QVERIFY2(run.err.empty(), describe(run).c_str());
    const Json summary = jsonLine(run);
    QVERIFY2(!summary.is_discarded(), describe(run).c_str());
    QVERIFY(summary.is_object());
    for (const char *key : { "users", "groups", "roles", "policies", "resources" })
        QVERIFY2(summary.contains(key) && summary[key].is_number_integer(), key);
    QVERIFY(summary["accountId"].is_string());
    QCOMPARE(QString::fromStdString(summary["accountId"].get<std::string>()), accountId);
    QCOMPARE(summary["users"].get<int>(), users);
    QCOMPARE(summary["groups"].get<int>(), groups);
    QCOMPARE(summary["roles"].get<int>(), roles);
    QCOMPARE(summary["policies"].get<int>(), policies);
    QCOMPARE(summary["resources"].get<int>(), 0);
    QVERIFY(summary["warnings"].is_array());
    QStringList codes;
    for (const auto &w : summary["warnings"]) {
        for (const char *key : { "severity", "code", "message", "file", "pointer" })
            QVERIFY2(w.contains(key) && w[key].is_string(), key);
        QVERIFY(w["line"].is_number_integer() && w["line"].get<int>() >= 1);
        QVERIFY(w["column"].is_number_integer() && w["column"].get<int>() >= 1);
        QCOMPARE(w["severity"].get<std::string>(), std::string("warning"));
        QVERIFY(!w["message"].get<std::string>().empty());
        codes << QString::fromStdString(w["code"].get<std::string>());
    }
    QCOMPARE(codes, warnings);
    if (warnings.contains(u"INCOMPLETE_SNAPSHOT"_s)) {
        // Page 1's `"IsTruncated": true` (line 175, column 18) and its Marker (line 176).
        const auto &w = summary["warnings"][0];
        QCOMPARE(w["file"].get<std::string>(), files.front());
        QCOMPARE(w["pointer"].get<std::string>(), std::string("/IsTruncated"));
        QCOMPARE(w["line"].get<int>(), 175);
        QCOMPARE(w["column"].get<int>(), 18);
        QCOMPARE(summary["warnings"][1]["pointer"].get<std::string>(), std::string("/Marker"));
    }
}

void tst_CliAccount::summaryText()
{
    const CliRun run = runIamx({ "summary", "--account", account("example.json") });
    QCOMPARE(run.status, 0);
    QCOMPARE(run.out,
            std::string("account 111122223333\nusers: 2\ngroups: 2\nroles: 2\npolicies: 3\n"
                        "resources: 0\n"));
    QVERIFY(run.err.empty());
}

// `iamx save` through a temporary directory: the saved workspace summarises the same, holds the
// same entities, and saving it again gives the same bytes.
void tst_CliAccount::saveRoundTrip_data()
{
    QTest::addColumn<Args>("files");
    QTest::newRow("example") << Args { account("example.json") };
    QTest::newRow("example, raw API") << Args { account("example-raw.json") };
    QTest::newRow("small-example") << Args { account("small-example.json") };
    QTest::newRow("two pages") << Args { account("example-pages/page1.json"),
        account("example-pages/page2.json") };
}

void tst_CliAccount::saveRoundTrip()
{
    QFETCH(Args, files);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::filesystem::path folder = dir.path().toStdString();
    const std::string saved = (folder / "workspace.json").string();
    Args save { "save", "-o", saved };
    Args summary { "summary", "--json" };
    for (const auto &file : files) {
        for (Args *args : { &save, &summary }) {
            args->push_back("--account");
            args->push_back(file);
        }
    }
    const CliRun saveRun = runIamx(save);
    QVERIFY2(saveRun.status == 0, describe(saveRun).c_str());
    QVERIFY2(saveRun.out.empty() && saveRun.err.empty(), describe(saveRun).c_str());

    // The same summary, from the one saved file.
    const Json before = jsonLine(runIamx(summary));
    const Json after = jsonLine(runIamx({ "summary", "--json", "--account", saved }));
    QVERIFY(!before.is_discarded() && !after.is_discarded());
    for (const char *key : { "accountId", "users", "groups", "roles", "policies", "resources" })
        QVERIFY2(after[key] == before[key], key);
    // The pages' INCOMPLETE_SNAPSHOT warnings are gone: the saved file holds every page.
    size_t incomplete = 0;
    for (const auto &warning : before["warnings"])
        incomplete += warning["code"] == "INCOMPLETE_SNAPSHOT" ? 1 : 0;
    QCOMPARE(after["warnings"].size(), before["warnings"].size() - incomplete);

    // The same entities, as JSON values.
    Json expected = Json::object();
    for (const auto &file : files) {
        const Json lists = awsListsOf(file);
        for (const auto &[list, entities] : lists.items())
            for (const auto &entity : entities)
                expected[list].push_back(entity);
    }
    const Json savedLists = awsListsOf(saved);
    for (const auto &[list, entities] : expected.items())
        QVERIFY2(savedLists[list] == entities, list.c_str());

    // Saving the workspace again changes nothing; nothing but the two files is left behind.
    const std::string again = (folder / "again.json").string();
    const CliRun second = runIamx({ "save", "--account", saved, "-o", again });
    QVERIFY2(second.status == 0, describe(second).c_str());
    QCOMPARE(iamx::test::readFile(again), iamx::test::readFile(saved));
    std::vector<std::string> names;
    for (const auto &entry : std::filesystem::directory_iterator(folder))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    QCOMPARE(names, (std::vector<std::string> { "again.json", "workspace.json" }));

    // The saved workspace answers as the input did.
    const Args ask { "--principal", "alice", "--action", "s3:GetObject", "--resource",
        "arn:aws:s3:::dev-x/k", "--json", "--now", "2026-03-01T12:00:00Z" };
    if (before["users"].get<int>() == 2) {
        Args fromInput { "simulate" };
        for (const auto &file : files) {
            fromInput.push_back("--account");
            fromInput.push_back(file);
        }
        fromInput.insert(fromInput.end(), ask.begin(), ask.end());
        Args fromSaved { "simulate", "--account", saved };
        fromSaved.insert(fromSaved.end(), ask.begin(), ask.end());
        const CliRun a = runIamx(fromInput);
        const CliRun b = runIamx(fromSaved);
        QVERIFY2(a.status == 0, describe(a).c_str());
        QCOMPARE(b.out, a.out);
    }
}

// A workspace with a resource and an organization is saved with them (§6).
void tst_CliAccount::saveKeepsTheWorkspace()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::filesystem::path folder = dir.path().toStdString();
    Json workspace = Json::parse(iamx::test::readFile(account("example.json")));
    workspace["IamExplorer"] = Json::parse(R"({"formatVersion": 1, "accountId": "111122223333",
        "resources": [{"arn": "arn:aws:s3:::reports", "accountId": "111122223333",
          "region": "eu-west-1", "tags": {"team": "data"},
          "policy": {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*",
            "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/secret"}]}}],
        "organization": {"id": "o-a1b2c3d4e5", "managementAccountId": "999988887777",
          "levels": [{"id": "r-a1b2", "name": "Root", "scps": [{"name": "FullAWSAccess",
            "document": {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
              "Action": "*", "Resource": "*"}}}], "rcps": []}]},
        "scenarios": []})");
    const std::string input = (folder / "input.json").string();
    std::ofstream(input) << workspace.dump(2);
    const std::string output = (folder / "output.json").string();
    const CliRun save = runIamx({ "save", "--account", input, "-o", output });
    QVERIFY2(save.status == 0, describe(save).c_str());

    const Json summary = jsonLine(runIamx({ "summary", "--json", "--account", output }));
    QCOMPARE(summary["resources"].get<int>(), 1);
    QVERIFY(summary["warnings"].empty());
    const Json saved = Json::parse(iamx::test::readFile(output));
    QVERIFY2(saved["IamExplorer"] == workspace["IamExplorer"], saved["IamExplorer"].dump().c_str());

    // The bucket policy of the saved workspace decides.
    const CliRun deny = runIamx({ "simulate", "--account", output, "--principal", "bob", "--action",
            "s3:GetObject", "--resource", "arn:aws:s3:::reports/secret", "--json" });
    QCOMPARE(deny.status, 0);
    const Json line = jsonLine(deny);
    QCOMPARE(line["decision"].get<std::string>(), std::string("explicitDeny"));
    QCOMPARE(line["decisive"][0]["policyType"].get<std::string>(), std::string("resource"));
    QCOMPARE(line["decisive"][0]["via"].get<std::string>(), std::string("bucket policy"));
}

void tst_CliAccount::saveFailures()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::filesystem::path folder = dir.path().toStdString();

    // Into a directory that does not exist: exit 1, a message, nothing written.
    const std::string missing = (folder / "missing" / "out.json").string();
    const CliRun run = runIamx({ "save", "--account", account("example.json"), "-o", missing });
    QCOMPARE(run.status, 1);
    QVERIFY(run.out.empty());
    QVERIFY2(run.err.starts_with("iamx save: "), run.err.c_str());
    QVERIFY2(run.err.find("missing") != std::string::npos, run.err.c_str());
    QVERIFY(std::filesystem::is_empty(folder));

    // An input that is not an account: exit 1 with its diagnostic, nothing written.
    const std::string notAccount = (folder / "array.json").string();
    std::ofstream(notAccount) << "[]";
    const std::string out = (folder / "out.json").string();
    const CliRun refused = runIamx({ "save", "--account", notAccount, "-o", out });
    QCOMPARE(refused.status, 1);
    QVERIFY2(refused.err.find("[INVALID_ACCOUNT_FILE]") != std::string::npos, refused.err.c_str());
    QVERIFY2(refused.err.find(notAccount + ":1:1: error:") != std::string::npos,
            refused.err.c_str());
    QVERIFY(!std::filesystem::exists(out));

    // Usage: no -o, no --account.
    QCOMPARE(runIamx({ "save", "--account", account("example.json") }).status, 2);
    QCOMPARE(runIamx({ "save", "-o", out }).status, 2);
    QVERIFY(!std::filesystem::exists(out));
}

// The request of the brief: alice's GetObject on prod-data is an explicit deny from the
// Developers inline policy, and the decisive statement says where it comes from.
void tst_CliAccount::simulateExplicitDeny()
{
    const CliRun run = runIamx(
            { "simulate", "--account", account("example.json"), "--principal", "alice", "--action",
                    "s3:GetObject", "--resource", "arn:aws:s3:::prod-data/x", "--json" });
    QVERIFY2(run.status == 0, describe(run).c_str());
    QVERIFY(run.err.empty());
    const Json line = jsonLine(run);
    QVERIFY2(!line.is_discarded(), run.out.c_str());
    QCOMPARE(line["principal"].get<std::string>(),
            std::string("arn:aws:iam::111122223333:user/alice"));
    QCOMPARE(line["action"].get<std::string>(), std::string("s3:GetObject"));
    QCOMPARE(line["resource"].get<std::string>(), std::string("arn:aws:s3:::prod-data/x"));
    QCOMPARE(line["decision"].get<std::string>(), std::string("explicitDeny"));
    QCOMPARE(line["decisive"].size(), size_t(1));
    const Json &decisive = line["decisive"][0];
    QCOMPARE(decisive["policyType"].get<std::string>(), std::string("identity"));
    QCOMPARE(decisive["policy"].get<std::string>(), std::string("DenyProdBuckets"));
    QCOMPARE(decisive["effect"].get<std::string>(), std::string("Deny"));
    QCOMPARE(decisive["statement"].get<int>(), 0);
    QVERIFY(decisive.contains("via"));
    QCOMPARE(decisive["via"].get<std::string>(), std::string("group Developers"));
    QVERIFY(!decisive.contains("arn")); // an inline policy
    QVERIFY(line["assumptions"].empty());
    QCOMPARE(line["incomplete"].get<bool>(), false);
    QVERIFY(!line.contains("problems"));
}

// More answers: decisive entries of managed policies carry ARN and version, and routes when
// there are several (a single route is the `via`); sessions,
// context, assumptions and incomplete answers show in the JSON.
void tst_CliAccount::simulateJson_data()
{
    QTest::addColumn<Args>("options"); // after `simulate --account example.json`
    QTest::addColumn<QString>("decision");
    QTest::addColumn<QString>("decisive"); // the decisive array, as compact JSON; "" unchecked
    QTest::addColumn<QString>("principal");
    QTest::addColumn<int>("assumptions");
    QTest::addColumn<QString>("blockedBy"); // "" when allowed or explicitDeny

    QTest::newRow("managed policy reached twice: one entry, both routes")
            << Args { "--principal", "alice", "--action", "s3:GetObject", "--resource",
                   "arn:aws:s3:::dev-x/k" }
            << u"allowed"_s
            << uR"([{"arn":"arn:aws:iam::111122223333:policy/DevS3Access","effect":"Allow",)"
               uR"("policy":"DevS3Access","policyType":"identity",)"
               uR"("routes":["attached","group Developers"],"statement":1,"version":"v1",)"
               uR"("via":"attached"},)"
               uR"({"arn":"arn:aws:iam::aws:policy/ExampleReadOnlyAccess","effect":"Allow",)"
               uR"("policy":"ExampleReadOnlyAccess","policyType":"identity","statement":0,)"
               uR"("version":"v2","via":"group Auditors"}])"_s
            << u"arn:aws:iam::111122223333:user/alice"_s << 0 << QString();
    QTest::newRow("boundary blocks")
            << Args { "--principal", "alice", "--action", "ec2:DescribeInstances", "--resource",
                   "*" }
            << u"implicitDeny"_s << u"[]"_s << u"arn:aws:iam::111122223333:user/alice"_s << 0
            << u"permissionsBoundary"_s;
    QTest::newRow("role as a session, named")
            << Args { "--principal", "deployer", "--session", "ci-42", "--action",
                   "lambda:PublishVersion", "--resource",
                   "arn:aws:lambda:eu-west-1:111122223333:function:app-web" }
            << u"allowed"_s
            << uR"([{"effect":"Allow","policy":"DeployFunctions","policyType":"identity",)"
               uR"("statement":0,"via":"inline"}])"_s
            << u"arn:aws:sts::111122223333:assumed-role/deployer/ci-42"_s << 0 << QString();
    // Without MFA the trust policy's condition fails; with it, alice's IAM policies decide.
    QTest::newRow("alice assumes deployer with access keys")
            << Args { "--principal", "alice", "--action", "sts:AssumeRole", "--resource",
                   "arn:aws:iam::111122223333:role/ops/deployer" }
            << u"implicitDeny"_s << u"[]"_s << u"arn:aws:iam::111122223333:user/alice"_s << 0
            << u"resource"_s;
    QTest::newRow("--context makes the trust policy's MFA condition true")
            << Args { "--principal", "alice", "--action", "sts:AssumeRole", "--resource",
                   "arn:aws:iam::111122223333:role/ops/deployer", "--context",
                   "aws:MultiFactorAuthPresent=true" }
            << u"implicitDeny"_s << u"[]"_s << u"arn:aws:iam::111122223333:user/alice"_s << 0
            << u"identity"_s;
    QTest::newRow("service principal trusted by ec2-app")
            << Args { "--principal", "ec2.amazonaws.com", "--action", "sts:AssumeRole",
                   "--resource", "arn:aws:iam::111122223333:role/ec2-app" }
            << u"allowed"_s
            << uR"([{"effect":"Allow","policy":"trust policy of ec2-app","policyType":"resource",)"
               uR"("statement":0,"via":"trust policy"}])"_s
            << u"ec2.amazonaws.com"_s << 0 << QString();
    QTest::newRow("unlisted key: default key policy assumed")
            << Args { "--principal", "root", "--action", "kms:Decrypt", "--resource",
                   "arn:aws:kms:eu-west-1:111122223333:key/0000" }
            << u"allowed"_s << QString() << u"arn:aws:iam::111122223333:root"_s << 1 << QString();
    QTest::newRow("another account: its side assumed")
            << Args { "--principal", "arn:aws:iam::444455556666:user/carol", "--action",
                   "sts:AssumeRole", "--resource", "arn:aws:iam::111122223333:role/ops/deployer" }
            << u"implicitDeny"_s << u"[]"_s << u"arn:aws:iam::444455556666:user/carol"_s << 1
            << u"resource"_s;
}

void tst_CliAccount::simulateJson()
{
    QFETCH(Args, options);
    QFETCH(QString, decision);
    QFETCH(QString, decisive);
    QFETCH(QString, principal);
    QFETCH(int, assumptions);
    QFETCH(QString, blockedBy);

    Args args { "simulate", "--account", account("example.json"), "--json" };
    args.insert(args.end(), options.begin(), options.end());
    const CliRun run = runIamx(args);
    QVERIFY2(run.status == 0, describe(run).c_str());
    const Json line = jsonLine(run);
    QVERIFY2(!line.is_discarded(), run.out.c_str());
    QCOMPARE(QString::fromStdString(line["decision"].get<std::string>()), decision);
    QCOMPARE(QString::fromStdString(line["principal"].get<std::string>()), principal);
    if (!decisive.isEmpty())
        QCOMPARE(QString::fromStdString(line["decisive"].dump()), decisive);
    QCOMPARE(int(line["assumptions"].size()), assumptions);
    QCOMPARE(line["incomplete"].get<bool>(), false);
    QCOMPARE(QString::fromStdString(line.value("blockedBy", std::string())), blockedBy);
}

// Usage errors exit 2, input errors 1, each with a message on stderr only (`iamx COMMAND: ...`,
// or for a file that cannot be read its diagnostic, `FILE: error: ... [FILE_NOT_READABLE]`).
void tst_CliAccount::usageErrors_data()
{
    QTest::addColumn<Args>("args");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("mentions"); // a word the message must contain

    const std::string example = account("example.json");
    const Args request { "--action", "s3:GetObject", "--resource", "arn:aws:s3:::b/k" };
    const auto with = [&](Args args, const Args &more) {
        args.insert(args.end(), more.begin(), more.end());
        return args;
    };
    QTest::newRow("simulate: missing --principal")
            << with({ "simulate", "--account", example, "--json" }, request) << 2
            << u"--principal"_s;
    QTest::newRow("simulate: missing --action") << Args { "simulate", "--account", example,
        "--principal", "alice", "--resource", "arn:aws:s3:::b/k" }
                                                << 2 << u"--action"_s;
    QTest::newRow("simulate: unknown principal") << with(
            { "simulate", "--account", example, "--principal", "mallory", "--json" }, request)
                                                 << 1 << u"mallory"_s;
    QTest::newRow("simulate: unknown role ARN") << with(
            { "simulate", "--account", example, "--principal",
                    "arn:aws:iam::111122223333:role/ghost" },
            request) << 1 << u"ghost"_s;
    QTest::newRow("simulate: --context without =") << with(
            { "simulate", "--account", example, "--principal", "alice", "--context",
                    "aws:SourceIp" },
            request) << 2 << u"--context"_s;
    QTest::newRow("simulate: bad --now") << with(
            { "simulate", "--account", example, "--principal", "alice", "--now", "yesterday" },
            request) << 2 << u"--now"_s;
    QTest::newRow("simulate: account file missing") << with(
            { "simulate", "--account", account("no-such-file.json"), "--principal", "alice" },
            request) << 1 << u"no-such-file.json"_s;
    QTest::newRow("summary: no --account") << Args { "summary", "--json" } << 2 << u"--account"_s;
    QTest::newRow("summary: a positional argument")
            << Args { "summary", "--account", example, "extra.json" } << 2 << u"extra.json"_s;
}

void tst_CliAccount::usageErrors()
{
    QFETCH(Args, args);
    QFETCH(int, status);
    QFETCH(QString, mentions);

    const CliRun run = runIamx(args);
    QVERIFY2(run.status == status, describe(run).c_str());
    QVERIFY2(run.out.empty(), describe(run).c_str());
    QVERIFY2(run.err.find(mentions.toStdString()) != std::string::npos, describe(run).c_str());
}

QTEST_APPLESS_MAIN(tst_CliAccount)

#include "tst_cliaccount.moc"
