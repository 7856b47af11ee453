#include "model/accountio.h"
#include "model/resolver.h"
#include "tests/support/testsupport.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <vector>

// Loading and saving accounts (account-format.md §1, §2, §4.5, §6): the committed real exports
// and the example snapshot of §3 in its three forms (CLI-decoded, raw percent-encoded, two
// pages), documents in each of the shapes of §1.1, timestamps of §1.2, the round trip through
// the workspace file, atomic saving, and every diagnostic of §4.5 with its code and position.

using namespace Qt::StringLiterals;

namespace {

using Json = nlohmann::json;
using iamx::Account;
using iamx::Diagnostic;
using iamx::PolicyText;
using iamx::Severity;
using Files = std::vector<std::string>; // under tests/data/accounts/, merged in order

const char *const awsLists[] = { "UserDetailList", "GroupDetailList", "RoleDetailList",
    "Policies" };

std::string str(const QString &text)
{
    return text.toStdString();
}

std::string listing(const std::vector<Diagnostic> &diagnostics)
{
    std::string out;
    for (const auto &d : diagnostics)
        out += iamx::formatDiagnostic(d) + " pointer=" + d.pointer + "\n";
    return out.empty() ? std::string("(no diagnostics)") : out;
}

bool hasErrors(const std::vector<Diagnostic> &diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
            [](const Diagnostic &d) { return d.severity == Severity::Error; });
}

iamx::Parsed<Account> loadText(const std::string &text, const std::string &name = "input.json")
{
    return iamx::loadAccount({ { name, text } });
}

iamx::Parsed<Account> loadData(const Files &files)
{
    std::vector<std::string> paths;
    for (const auto &file : files)
        paths.push_back(iamx::test::testDataPath("accounts/" + file));
    return iamx::loadAccountFiles(paths);
}

// The four AWS lists of the given files, concatenated in order (pages merge that way).
Json awsListsOf(const Files &files)
{
    Json merged = Json::object();
    for (const char *list : awsLists)
        merged[list] = Json::array();
    for (const auto &file : files) {
        const Json page =
                Json::parse(iamx::test::readFile(iamx::test::testDataPath("accounts/" + file)));
        for (const char *list : awsLists)
            if (page.contains(list))
                for (const auto &entity : page[list])
                    merged[list].push_back(entity);
    }
    return merged;
}

// Every policy document of an account, labelled, in a fixed order.
std::vector<std::pair<std::string, const PolicyText *>> documentsOf(const Account &account)
{
    std::vector<std::pair<std::string, const PolicyText *>> out;
    for (const auto &u : account.users())
        for (const auto &p : u.inlinePolicies)
            out.emplace_back("user " + u.name + " inline " + p.name, &p.document);
    for (const auto &g : account.groups())
        for (const auto &p : g.inlinePolicies)
            out.emplace_back("group " + g.name + " inline " + p.name, &p.document);
    for (const auto &r : account.roles()) {
        out.emplace_back("role " + r.name + " trust", &r.trustPolicy);
        for (const auto &p : r.inlinePolicies)
            out.emplace_back("role " + r.name + " inline " + p.name, &p.document);
    }
    for (const auto &p : account.policies())
        for (const auto &v : p.versions)
            out.emplace_back("policy " + p.name + " " + v.versionId, &v.document);
    return out;
}

// The raw text of an entity as the account holds it (what workspaceText writes back).
std::string_view sliceOf(const Account &account, const iamx::SourceSpan &span)
{
    return std::string_view(account.sources().at(span.source)->text)
            .substr(span.offset, span.length);
}

// A one-user account around a fragment of JSON placed in the user object.
std::string userWith(const std::string &fields)
{
    return R"({"UserDetailList": [{"UserName": "u", "Arn": "arn:aws:iam::111122223333:user/u", )"
            + fields + "}]}";
}

} // namespace

Q_DECLARE_METATYPE(Files)

class tst_AccountIo : public QObject
{
    Q_OBJECT

private slots:
    void loadsFiles_data();
    void loadsFiles();
    void rawDocumentsDecode();
    void documentForms_data();
    void documentForms();
    void percentDecode_data();
    void percentDecode();
    void pagesMergeInOrder();
    void roundTrip_data();
    void roundTrip();
    void roundTripOfAWorkspace();
    void saveIsAtomic();
    void saveFailures_data();
    void saveFailures();
    void malformed_data();
    void malformed();
    void flaggedEntitiesAreKept();
    void timestampsVerbatim_data();
    void timestampsVerbatim();
    void randomMutationsNeverCrash();
};

// files (merged in order), the counts they hold, the account id, and the warning codes the
// data really has; no file may have an error.
void tst_AccountIo::loadsFiles_data()
{
    QTest::addColumn<Files>("files");
    QTest::addColumn<int>("users");
    QTest::addColumn<int>("groups");
    QTest::addColumn<int>("roles");
    QTest::addColumn<int>("policies");
    QTest::addColumn<QString>("accountId");
    QTest::addColumn<QStringList>("warnings");

    QTest::newRow("small-example") << Files { "small-example.json" } << 3 << 2 << 3 << 32
                                   << "012345678901" << QStringList {};
    // Eight entities (users obama, biden, userwithlotsofpermissions; groups admin, biden; roles
    // MyRole, MyOtherRole, OverprivilegedEC2) carry 012345678901, the other 119 200611803367:
    // the partly anonymised export of account-format.md §4.1.
    QTest::newRow("iam-vulnerable-example")
            << Files { "iam-vulnerable-example.json" } << 44 << 5 << 78 << 84 << "200611803367"
            << QStringList { u"MIXED_ACCOUNTS"_s };
    QTest::newRow("example (§3)") << Files { "example.json" } << 2 << 2 << 2 << 3 << "111122223333"
                                  << QStringList {};
    QTest::newRow("example, raw API")
            << Files { "example-raw.json" } << 2 << 2 << 2 << 3 << "111122223333" << QStringList {};
    // Page 1 says IsTruncated true and has a Marker: the merged snapshot is still flagged.
    QTest::newRow("example, two pages")
            << Files { "example-pages/page1.json", "example-pages/page2.json" } << 2 << 2 << 2 << 3
            << "111122223333" << QStringList { u"INCOMPLETE_SNAPSHOT"_s };
}

void tst_AccountIo::loadsFiles()
{
    QFETCH(Files, files);
    QFETCH(int, users);
    QFETCH(int, groups);
    QFETCH(int, roles);
    QFETCH(int, policies);
    QFETCH(QString, accountId);
    QFETCH(QStringList, warnings);

    const auto loaded = loadData(files);
    QVERIFY2(loaded.value, listing(loaded.diagnostics).c_str());
    const Account &account = *loaded.value;
    QVERIFY2(!hasErrors(account.diagnostics()), listing(account.diagnostics()).c_str());
    QCOMPARE(loaded.diagnostics.size(), account.diagnostics().size());
    QCOMPARE(int(account.users().size()), users);
    QCOMPARE(int(account.groups().size()), groups);
    QCOMPARE(int(account.roles().size()), roles);
    QCOMPARE(int(account.policies().size()), policies);
    QCOMPARE(QString::fromStdString(account.accountId()), accountId);
    QVERIFY(account.resources().empty());

    std::set<QString> codes;
    for (const auto &d : account.diagnostics()) {
        codes.insert(QString::fromStdString(d.code));
        QVERIFY2(d.where.line >= 1 && d.where.column >= 1, iamx::formatDiagnostic(d).c_str());
        QVERIFY2(!d.where.file.empty(), iamx::formatDiagnostic(d).c_str());
    }
    QCOMPARE(QStringList(codes.begin(), codes.end()), warnings);

    // Every managed policy of these files has exactly one default version.
    for (const auto &p : account.policies()) {
        QVERIFY2(p.defaultPolicyVersion(), p.arn.c_str());
        QCOMPARE(p.defaultPolicyVersion()->versionId, p.defaultVersionId);
    }
}

// example-raw.json holds the same account as example.json with every document
// percent-encoded: the same entities, documents equal once decoded.
void tst_AccountIo::rawDocumentsDecode()
{
    const auto decoded = loadData({ "example.json" });
    const auto raw = loadData({ "example-raw.json" });
    QVERIFY(decoded.value);
    QVERIFY2(raw.value, listing(raw.diagnostics).c_str());
    QVERIFY2(raw.diagnostics.empty(), listing(raw.diagnostics).c_str());

    const auto &a = *decoded.value;
    const auto &b = *raw.value;
    QCOMPARE(b.users().size(), a.users().size());
    QCOMPARE(b.groups().size(), a.groups().size());
    QCOMPARE(b.roles().size(), a.roles().size());
    QCOMPARE(b.policies().size(), a.policies().size());
    for (size_t i = 0; i < a.users().size(); ++i) {
        QCOMPARE(b.users()[i].arn, a.users()[i].arn);
        QCOMPARE(b.users()[i].groupNames, a.users()[i].groupNames);
        QCOMPARE(b.users()[i].permissionsBoundaryArn, a.users()[i].permissionsBoundaryArn);
    }
    for (size_t i = 0; i < a.roles().size(); ++i)
        QCOMPARE(b.roles()[i].arn, a.roles()[i].arn);
    for (size_t i = 0; i < a.policies().size(); ++i) {
        QCOMPARE(b.policies()[i].arn, a.policies()[i].arn);
        QCOMPARE(b.policies()[i].defaultVersion, a.policies()[i].defaultVersion);
    }

    const auto documentsA = documentsOf(a);
    const auto documentsB = documentsOf(b);
    QCOMPARE(documentsB.size(), documentsA.size());
    // 1 user inline, 1 group inline, 2 trust + 1 role inline, 4 policy versions.
    QCOMPARE(documentsA.size(), size_t(9));
    for (size_t i = 0; i < documentsA.size(); ++i) {
        const auto &[label, objectForm] = documentsA[i];
        const auto &[labelB, encodedForm] = documentsB[i];
        QCOMPARE(labelB, label);
        QVERIFY2(objectForm->form() == PolicyText::Form::Object, label.c_str());
        QVERIFY2(encodedForm->form() == PolicyText::Form::PercentEncoded, label.c_str());
        const Json expected = Json::parse(objectForm->text());
        const Json actual = Json::parse(encodedForm->text(), nullptr, false);
        QVERIFY2(!actual.is_discarded(), label.c_str());
        QVERIFY2(actual == expected, (label + ": " + actual.dump()).c_str());
    }
}

// A document in each shape of §1.1, as the value of an inline policy's PolicyDocument.
void tst_AccountIo::documentForms_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("form");
    QTest::addColumn<QByteArray>("expected");

    const auto object = int(PolicyText::Form::Object);
    const auto jsonString = int(PolicyText::Form::JsonString);
    const auto encoded = int(PolicyText::Form::PercentEncoded);
    const QByteArray empty = R"({"Version":"2012-10-17","Statement":[]})";
    QTest::newRow("object") << empty << object << empty;
    QTest::newRow("object over lines")
            << QByteArray("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n}") << object
            << empty;
    QTest::newRow("JSON string") << QByteArray(R"("{\"Version\":\"2012-10-17\",\"Statement\":[]}")")
                                 << jsonString << empty;
    QTest::newRow("JSON string after whitespace")
            << QByteArray(R"("\n  {\"Version\": \"2012-10-17\", \"Statement\": []}")") << jsonString
            << empty;
    QTest::newRow("JSON string with an escaped slash")
            << QByteArray(R"("{\"Version\":\"2012-10-17\",\"Id\":\"a\/b\",\"Statement\":[]}")")
            << jsonString << QByteArray(R"({"Version":"2012-10-17","Id":"a/b","Statement":[]})");
    QTest::newRow("percent-encoded")
            << QByteArray(R"("%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%5D%7D")")
            << encoded << empty;
    QTest::newRow("percent-encoded, lowercase hex")
            << QByteArray(R"("%7b%22Version%22%3a%222012-10-17%22%2c%22Statement%22%3a%5b%5d%7d")")
            << encoded << empty;
    // A literal `+` stays a plus; a form decoder would make it a space (§1.1).
    QTest::newRow("percent-encoded, literal plus")
            << QByteArray(R"("%7B%22Id%22%3A%22a+b%20c%22%2C%22Statement%22%3A%5B%5D%7D")")
            << encoded << QByteArray(R"({"Id":"a+b c","Statement":[]})");
    QTest::newRow("percent-encoded, %2B")
            << QByteArray(R"("%7B%22Id%22%3A%22a%2Bb%22%2C%22Statement%22%3A%5B%5D%7D")") << encoded
            << QByteArray(R"({"Id":"a+b","Statement":[]})");
    QTest::newRow("percent-encoded UTF-8")
            << QByteArray(R"("%7B%22Id%22%3A%22caf%C3%A9%22%2C%22Statement%22%3A%5B%5D%7D")")
            << encoded << QByteArray("{\"Id\":\"caf\xC3\xA9\",\"Statement\":[]}");
}

void tst_AccountIo::documentForms()
{
    QFETCH(QByteArray, value);
    QFETCH(int, form);
    QFETCH(QByteArray, expected);

    const std::string text = userWith(R"("UserPolicyList": [{"PolicyName": "P", "PolicyDocument": )"
            + value.toStdString() + "}]");
    const auto loaded = loadText(text);
    QVERIFY2(loaded.value, listing(loaded.diagnostics).c_str());
    QVERIFY2(loaded.diagnostics.empty(), listing(loaded.diagnostics).c_str());
    const auto &user = loaded.value->users().at(0);
    QCOMPARE(user.inlinePolicies.size(), size_t(1));
    const PolicyText &document = user.inlinePolicies[0].document;
    QCOMPARE(int(document.form()), form);
    const Json actual = Json::parse(document.text(), nullptr, false);
    QVERIFY2(!actual.is_discarded(), std::string(document.text()).c_str());
    QCOMPARE(QByteArray::fromStdString(actual.dump()),
            QByteArray::fromStdString(Json::parse(expected.toStdString()).dump()));
    // The document's place is the value's place in the file.
    QCOMPARE(document.span().offset, text.find(value.toStdString()));

    // Saved as it came: the workspace holds the user's text unchanged.
    const std::string saved = iamx::workspaceText(*loaded.value);
    QVERIFY2(saved.find(value.toStdString()) != std::string::npos, saved.c_str());
}

void tst_AccountIo::percentDecode_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QByteArray>("decoded");

    QTest::newRow("empty") << QByteArray() << true << QByteArray();
    QTest::newRow("plain") << QByteArray("abc") << true << QByteArray("abc");
    QTest::newRow("plus stays") << QByteArray("a+b") << true << QByteArray("a+b");
    QTest::newRow("escapes") << QByteArray("%7B%7d%2B%20") << true << QByteArray("{}+ ");
    QTest::newRow("escape at the end") << QByteArray("a%41") << true << QByteArray("aA");
    QTest::newRow("NUL byte") << QByteArray("%00") << true << QByteArray("\0", 1);
    QTest::newRow("bad hex") << QByteArray("%ZZ") << false << QByteArray();
    QTest::newRow("one digit at the end") << QByteArray("%4") << false << QByteArray();
    QTest::newRow("lone percent") << QByteArray("%") << false << QByteArray();
    QTest::newRow("percent then one digit then text") << QByteArray("%4G") << false << QByteArray();
}

void tst_AccountIo::percentDecode()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, ok);
    QFETCH(QByteArray, decoded);

    const auto result =
            iamx::percentDecode(std::string_view(text.constData(), size_t(text.size())));
    QCOMPARE(result.has_value(), ok);
    if (ok)
        QCOMPARE(QByteArray::fromStdString(*result), decoded);
}

// Pages merge in input order: the entities of page 1, then those of page 2.
void tst_AccountIo::pagesMergeInOrder()
{
    const auto loaded = loadData({ "example-pages/page1.json", "example-pages/page2.json" });
    QVERIFY(loaded.value);
    const Account &account = *loaded.value;
    QCOMPARE(account.roles().at(0).name, std::string("deployer"));
    QCOMPARE(account.roles().at(1).name, std::string("ec2-app"));
    QCOMPARE(account.sources().size(), size_t(2));
    QCOMPARE(account.roles().at(0).span.source, 0u);
    QCOMPARE(account.roles().at(1).span.source, 1u);
    // Cross-page references resolve: alice (page 1) attaches DevS3Access (page 2).
    QVERIFY(!hasErrors(account.diagnostics()));
    for (const auto &d : account.diagnostics()) {
        QCOMPARE(d.code, std::string("INCOMPLETE_SNAPSHOT"));
        QCOMPARE(int(d.severity), int(Severity::Warning));
        QVERIFY(d.where.file.ends_with("page1.json"));
    }
    QCOMPARE(account.diagnostics().size(), size_t(2)); // IsTruncated true, and Marker

    // Reversed, the same account.
    const auto reversed = loadData({ "example-pages/page2.json", "example-pages/page1.json" });
    QVERIFY(reversed.value);
    QCOMPARE(reversed.value->roles().at(0).name, std::string("ec2-app"));
    QVERIFY(!hasErrors(reversed.value->diagnostics()));
}

void tst_AccountIo::roundTrip_data()
{
    QTest::addColumn<Files>("files");
    QTest::newRow("small-example") << Files { "small-example.json" };
    QTest::newRow("iam-vulnerable-example") << Files { "iam-vulnerable-example.json" };
    QTest::newRow("example") << Files { "example.json" };
    QTest::newRow("example, raw API") << Files { "example-raw.json" };
    QTest::newRow("example, two pages")
            << Files { "example-pages/page1.json", "example-pages/page2.json" };
}

// workspaceText() reloaded: every entity equal, as a JSON value, to the one read; documents in
// the form they came in; the other top-level members of the first input kept.
void tst_AccountIo::roundTrip()
{
    QFETCH(Files, files);

    const auto loaded = loadData(files);
    QVERIFY(loaded.value);
    const std::string saved = iamx::workspaceText(*loaded.value);
    const Json savedJson = Json::parse(saved, nullptr, false);
    QVERIFY2(!savedJson.is_discarded(), "the workspace text is not JSON");

    const Json input = awsListsOf(files);
    for (const char *list : awsLists) {
        QVERIFY2(savedJson.contains(list), list);
        QCOMPARE(savedJson[list].size(), input[list].size());
        for (size_t i = 0; i < input[list].size(); ++i)
            QVERIFY2(savedJson[list][i] == input[list][i],
                    (std::string(list) + "/" + std::to_string(i)).c_str());
    }
    // Other top-level members are kept, those of the first page first; the paging markers
    // (IsTruncated, Marker, NextToken) describe the last page, so a merged export that ends
    // with a complete page has none.
    const Json first = Json::parse(
            iamx::test::readFile(iamx::test::testDataPath("accounts/" + files.front())));
    const Json last =
            Json::parse(iamx::test::readFile(iamx::test::testDataPath("accounts/" + files.back())));
    for (const auto &[key, value] : first.items()) {
        if (input.contains(key))
            continue;
        const bool paging = key == "IsTruncated" || key == "Marker" || key == "NextToken";
        if (paging && !last.contains(key))
            QVERIFY2(!savedJson.contains(key), key.c_str());
        else
            QVERIFY2(savedJson.contains(key) && savedJson[key] == (paging ? last[key] : value),
                    key.c_str());
    }
    QVERIFY(savedJson.contains("IamExplorer"));
    QVERIFY(savedJson["IamExplorer"]["formatVersion"] == Json(1));
    QVERIFY(savedJson["IamExplorer"]["accountId"] == Json(loaded.value->accountId()));

    const auto reloaded = loadText(saved, "workspace.json");
    QVERIFY2(reloaded.value, listing(reloaded.diagnostics).c_str());
    const Account &again = *reloaded.value;
    QCOMPARE(again.accountId(), loaded.value->accountId());
    // The reloaded entities, read back from their own text, equal the input's.
    const auto check = [&](const char *list, const auto &entities) {
        QCOMPARE(entities.size(), input[list].size());
        for (size_t i = 0; i < entities.size(); ++i) {
            const Json entity = Json::parse(sliceOf(again, entities[i].span), nullptr, false);
            QVERIFY2(entity == input[list][i],
                    (std::string(list) + "/" + std::to_string(i)).c_str());
        }
    };
    check("UserDetailList", again.users());
    check("GroupDetailList", again.groups());
    check("RoleDetailList", again.roles());
    check("Policies", again.policies());
    // Document forms survive.
    const auto before = documentsOf(*loaded.value);
    const auto after = documentsOf(again);
    QCOMPARE(after.size(), before.size());
    for (size_t i = 0; i < before.size(); ++i) {
        QCOMPARE(after[i].first, before[i].first);
        QVERIFY2(after[i].second->form() == before[i].second->form(), before[i].first.c_str());
        QVERIFY2(after[i].second->text() == before[i].second->text(), before[i].first.c_str());
    }
    // The same diagnostics, by code (positions move), but the INCOMPLETE_SNAPSHOT warnings of
    // pages that were merged: the saved workspace holds every page.
    std::multiset<std::string> codesBefore;
    std::multiset<std::string> codesAfter;
    for (const auto &d : loaded.value->diagnostics())
        if (files.size() == 1 || d.code != "INCOMPLETE_SNAPSHOT")
            codesBefore.insert(d.code);
    for (const auto &d : again.diagnostics())
        codesAfter.insert(d.code);
    QCOMPARE(codesAfter, codesBefore);
    // Saving the reloaded workspace gives the same text: saving is idempotent.
    QCOMPARE(iamx::workspaceText(again), saved);
}

// A workspace with resources, an organization and scenarios survives load and save.
void tst_AccountIo::roundTripOfAWorkspace()
{
    Json workspace =
            Json::parse(iamx::test::readFile(iamx::test::testDataPath("accounts/example.json")));
    const Json allowAll = { { "Version", "2012-10-17" },
        { "Statement", { { "Effect", "Allow" }, { "Action", "*" }, { "Resource", "*" } } } };
    workspace["IamExplorer"] = {
        { "formatVersion", 1 },
        { "accountId", "111122223333" },
        { "resources",
                { { { "arn", "arn:aws:s3:::reports" }, { "accountId", "111122223333" },
                          { "region", "eu-west-1" }, { "tags", { { "team", "data" } } },
                          { "policy",
                                  { { "Version", "2012-10-17" },
                                          { "Statement", Json::array() } } } },
                        { { "arn", "arn:aws:sqs:eu-west-1:111122223333:jobs" },
                                { "accountId", "111122223333" }, { "region", "eu-west-1" },
                                { "tags", Json::object() } } } },
        { "organization",
                { { "id", "o-a1b2c3d4e5" }, { "managementAccountId", "999988887777" },
                        { "levels",
                                { { { "id", "r-a1b2" }, { "name", "Root" },
                                          { "scps",
                                                  { { { "name", "FullAWSAccess" },
                                                          { "document", allowAll } } } },
                                          { "rcps", Json::array() } },
                                        { { "id", "111122223333" }, { "name", "this account" },
                                                { "scps",
                                                        { { { "name", "FullAWSAccess" },
                                                                { "document", allowAll } } } },
                                                { "rcps", Json::array() } } } } } },
        { "scenarios",
                { { { "name", "alice reads dev" },
                        { "request",
                                { { "principal", "alice" }, { "action", "s3:GetObject" },
                                        { "resource", "arn:aws:s3:::dev-x/k" } } },
                        { "expect", "allowed" } } } },
    };
    const auto loaded = loadText(workspace.dump(2), "workspace.json");
    QVERIFY2(loaded.value, listing(loaded.diagnostics).c_str());
    QVERIFY2(loaded.diagnostics.empty(), listing(loaded.diagnostics).c_str());
    QCOMPARE(loaded.value->resources().size(), size_t(2));
    QVERIFY(loaded.value->organization());
    QCOMPARE(loaded.value->organization()->levels.size(), size_t(2));
    QCOMPARE(loaded.value->scenarios().size(), size_t(1));

    const std::string saved = iamx::workspaceText(*loaded.value);
    const Json savedJson = Json::parse(saved, nullptr, false);
    QVERIFY2(!savedJson.is_discarded(), saved.c_str());
    for (const char *list : awsLists)
        QVERIFY2(savedJson[list] == workspace[list], list);
    QVERIFY2(savedJson["IamExplorer"] == workspace["IamExplorer"],
            savedJson["IamExplorer"].dump(2).c_str());
    const auto reloaded = loadText(saved, "again.json");
    QVERIFY(reloaded.value);
    QCOMPARE(iamx::workspaceText(*reloaded.value), saved);
}

// saveWorkspace() writes a temporary file beside the target and renames it: the target is
// always complete, and nothing else is left in the directory.
void tst_AccountIo::saveIsAtomic()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::filesystem::path folder = dir.path().toStdString();
    const std::string target = (folder / "account.json").string();

    const auto loaded = loadData({ "example.json" });
    QVERIFY(loaded.value);
    std::string why;
    QVERIFY2(iamx::saveWorkspace(*loaded.value, target, why), why.c_str());
    QVERIFY(why.empty());
    QCOMPARE(iamx::test::readFile(target), iamx::workspaceText(*loaded.value));

    // Saving another account over it replaces the whole file.
    const auto other = loadData({ "small-example.json" });
    QVERIFY(other.value);
    QVERIFY2(iamx::saveWorkspace(*other.value, target, why), why.c_str());
    QCOMPARE(iamx::test::readFile(target), iamx::workspaceText(*other.value));
    const auto reloaded = iamx::loadAccountFiles({ target });
    QVERIFY(reloaded.value);
    QCOMPARE(reloaded.value->users().size(), size_t(3));

    // Only the target is left: no temporary file.
    std::vector<std::string> names;
    for (const auto &entry : std::filesystem::directory_iterator(folder))
        names.push_back(entry.path().filename().string());
    QCOMPARE(names, std::vector<std::string> { "account.json" });
}

// A save that cannot be done says why, leaves the target as it was and nothing behind.
void tst_AccountIo::saveFailures_data()
{
    QTest::addColumn<QString>("target"); // relative to a fresh temporary directory
    QTest::addColumn<QString>("existingDirectory"); // made before saving, "" for none

    QTest::newRow("directory does not exist") << "missing/account.json" << QString();
    QTest::newRow("target is a directory") << "account.json"
                                           << "account.json";
    QTest::newRow("empty name") << "" << QString();
}

void tst_AccountIo::saveFailures()
{
    QFETCH(QString, target);
    QFETCH(QString, existingDirectory);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::filesystem::path folder = dir.path().toStdString();
    if (!existingDirectory.isEmpty()) {
        std::filesystem::create_directory(folder / str(existingDirectory));
        std::ofstream(folder / str(existingDirectory) / "keep.txt") << "kept";
    }
    const auto loaded = loadData({ "example.json" });
    QVERIFY(loaded.value);
    const std::string path = target.isEmpty() ? std::string() : (folder / str(target)).string();
    std::string why;
    QVERIFY(!iamx::saveWorkspace(*loaded.value, path, why));
    QVERIFY2(!why.empty(), "a failed save says why");

    std::vector<std::string> left;
    for (const auto &entry : std::filesystem::recursive_directory_iterator(folder))
        left.push_back(std::filesystem::relative(entry.path(), folder).string());
    std::sort(left.begin(), left.end());
    std::vector<std::string> expected;
    if (!existingDirectory.isEmpty())
        expected = { str(existingDirectory), str(existingDirectory) + "/keep.txt" };
    QCOMPARE(left, expected);
}

// text: a file; loads: whether an account comes out; code, severity, line, column, pointer:
// the diagnostic expected (the first with that code); "" for "no diagnostic at all".
void tst_AccountIo::malformed_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("loads");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("severity");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("knownBug");

    const int error = int(Severity::Error);
    const int warning = int(Severity::Warning);
    const QString none;
    const QByteArray alice =
            R"("UserName": "alice", "Arn": "arn:aws:iam::111122223333:user/alice")";
    const QByteArray policyP =
            R"({"PolicyName": "P", "Arn": "arn:aws:iam::111122223333:policy/P", )"
            R"("DefaultVersionId": "v1", "PolicyVersionList": [{"VersionId": "v1", )"
            R"("IsDefaultVersion": true, "Document": {}}]})";

    // Not JSON: the position of the first syntax error.
    QTest::newRow("not JSON: trailing comma")
            << QByteArray("{\n  \"UserDetailList\": [\n    {\"UserName\": \"alice\",}\n  ]\n}")
            << false << "JSON_SYNTAX_ERROR" << error << 3 << 25 << "" << none;
    QTest::newRow("not JSON: unquoted member name")
            << QByteArray("{\"UserDetailList\": [],\n Policies: []}") << false
            << "JSON_SYNTAX_ERROR" << error << 2 << 2 << "" << none;
    QTest::newRow("not JSON: cut short") << QByteArray("{\"UserDetailList\": [\n") << false
                                         << "JSON_SYNTAX_ERROR" << error << 2 << 1 << "" << none;
    QTest::newRow("not JSON: empty file")
            << QByteArray() << false << "JSON_SYNTAX_ERROR" << error << 1 << 1 << "" << none;
    // An invalid literal where a string is expected is broken JSON, not a wrong type: the file
    // is refused (`iamx save` would otherwise write `tru` back, and the workspace not be JSON).
    QTest::newRow("not JSON: bad literal in a known field")
            << QByteArray(R"({"UserDetailList": [{"UserName": tru}]})") << false
            << "JSON_SYNTAX_ERROR" << error << 1 << 34 << "" << QString();
    QTest::newRow("not JSON: invalid UTF-8")
            << QByteArray("{\"UserDetailList\": [{\"UserName\": \"a\xff\"}]}") << false
            << "JSON_SYNTAX_ERROR" << error << 1 << 36 << "" << none;
    QTest::newRow("not JSON: text after the object")
            << QByteArray("{\"UserDetailList\": []}\nx") << false << "JSON_SYNTAX_ERROR" << error
            << 2 << 1 << "" << none;
    // Members the loader does not read must still be JSON (§4.5: not JSON is an error): they
    // are written back verbatim.
    QTest::newRow("not JSON: bad literal in an unknown field")
            << QByteArray("{\"UserDetailList\": [\n  {" + alice + ", \"Extra\": tru}\n]}") << false
            << "JSON_SYNTAX_ERROR" << error << 2 << 81 << "" << QString();
    QTest::newRow("not JSON: bad array in an unknown field")
            << QByteArray("{\"UserDetailList\": [\n  {" + alice + ", \"Extra\": [1,,2]}\n]}")
            << false << "JSON_SYNTAX_ERROR" << error << 2 << 84 << "" << QString();
    QTest::newRow("not JSON: bad literal in an unknown top-level member")
            << QByteArray("{\"UserDetailList\": [],\n \"Extra\": tru}") << false
            << "JSON_SYNTAX_ERROR" << error << 2 << 11 << "" << QString();

    // Not an account.
    QTest::newRow("top-level array") << QByteArray("[\n  {\"UserDetailList\": []}\n]") << false
                                     << "INVALID_ACCOUNT_FILE" << error << 1 << 1 << "" << none;
    QTest::newRow("top-level string") << QByteArray(R"("UserDetailList")") << false
                                      << "INVALID_ACCOUNT_FILE" << error << 1 << 1 << "" << none;
    QTest::newRow("none of the four lists")
            << QByteArray("{\n  \"IsTruncated\": false,\n  \"Users\": []\n}") << false
            << "INVALID_ACCOUNT_FILE" << error << 1 << 1 << "" << none;
    QTest::newRow("empty object") << QByteArray("{}") << false << "INVALID_ACCOUNT_FILE" << error
                                  << 1 << 1 << "" << none;

    // Wrong types: flagged where they are, the rest kept.
    QTest::newRow("a list that is not a list")
            << QByteArray("{\"UserDetailList\": {},\n \"Policies\": []}") << true
            << "INVALID_ACCOUNT_FIELD" << error << 1 << 20 << "/UserDetailList" << none;
    QTest::newRow("entity not an object")
            << QByteArray("{\"UserDetailList\": [\n  42,\n  {" + alice + "}\n]}") << true
            << "INVALID_ACCOUNT_FIELD" << error << 2 << 3 << "/UserDetailList/0" << none;
    QTest::newRow("UserName a number")
            << QByteArray("{\"UserDetailList\": [\n  {\"UserName\": 7, \"Arn\": "
                          "\"arn:aws:iam::111122223333:user/x\"}\n]}")
            << true << "INVALID_ACCOUNT_FIELD" << error << 2 << 16 << "/UserDetailList/0/UserName"
            << none;
    // Columns count code points: "é" is two bytes, one column.
    QTest::newRow("column in code points")
            << QByteArray("{\"UserDetailList\": [{\"Path\": \"/\xC3\xA9/\", \"UserName\": 7}]}")
            << true << "INVALID_ACCOUNT_FIELD" << error << 1 << 49 << "/UserDetailList/0/UserName"
            << none;
    QTest::newRow("tag not an object")
            << QByteArray("{\"UserDetailList\": [\n  {" + alice + ",\n   \"Tags\": [\"team\"]}\n]}")
            << true << "INVALID_ACCOUNT_FIELD" << error << 3 << 13 << "/UserDetailList/0/Tags/0"
            << none;
    QTest::newRow("IsAttachable a string") << QByteArray(
            "{\"Policies\": [\n  {\"PolicyName\": \"P\", \"IsAttachable\": \"yes\"}\n]}")
                                           << true << "INVALID_ACCOUNT_FIELD" << error << 2 << 39
                                           << "/Policies/0/IsAttachable" << none;
    QTest::newRow("trust policy a number")
            << QByteArray("{\"RoleDetailList\": [\n  {\"RoleName\": \"r\", \"Arn\": "
                          "\"arn:aws:iam::111122223333:role/r\",\n   \"AssumeRolePolicyDocument\": "
                          "5}\n]}")
            << true << "INVALID_ACCOUNT_FIELD" << error << 3 << 32
            << "/RoleDetailList/0/AssumeRolePolicyDocument" << none;
    // Documents that are strings but neither JSON nor percent-encoded JSON (§4.5): an error at
    // the string.
    const QString noBug;
    QTest::newRow("percent-encoded, bad escape")
            << QByteArray("{\"UserDetailList\": [\n  {" + alice
                       + ",\n   \"UserPolicyList\": [{\"PolicyName\": \"P\", "
                         "\"PolicyDocument\": \"%7B%22Version%ZZ%7D\"}]}\n]}")
            << true << "INVALID_ACCOUNT_FIELD" << error << 3 << 61
            << "/UserDetailList/0/UserPolicyList/0/PolicyDocument" << noBug;
    QTest::newRow("percent-encoded, escape cut short")
            << QByteArray("{\"UserDetailList\": [\n  {" + alice
                       + ",\n   \"UserPolicyList\": [{\"PolicyName\": \"P\", "
                         "\"PolicyDocument\": \"%7B%22%7\"}]}\n]}")
            << true << "INVALID_ACCOUNT_FIELD" << error << 3 << 61
            << "/UserDetailList/0/UserPolicyList/0/PolicyDocument" << noBug;
    QTest::newRow("document a plain string")
            << QByteArray("{\"UserDetailList\": [\n  {" + alice
                       + ",\n   \"UserPolicyList\": [{\"PolicyName\": \"P\", "
                         "\"PolicyDocument\": \"allow everything\"}]}\n]}")
            << true << "INVALID_ACCOUNT_FIELD" << error << 3 << 61
            << "/UserDetailList/0/UserPolicyList/0/PolicyDocument" << noBug;
    // A string that starts like JSON, or decodes to text that does, must be JSON all through
    // (§4.5: "not JSON text, not percent-encoded JSON" is an error when loading).
    QTest::newRow("JSON string that is not JSON")
            << QByteArray("{\"UserDetailList\": [\n  {" + alice
                       + ",\n   \"UserPolicyList\": [{\"PolicyName\": \"P\", "
                         "\"PolicyDocument\": \"{Version: 2012-10-17\"}]}\n]}")
            << true << "INVALID_ACCOUNT_FIELD" << error << 3 << 61
            << "/UserDetailList/0/UserPolicyList/0/PolicyDocument" << noBug;
    QTest::newRow("percent-encoded text that is not JSON")
            << QByteArray("{\"UserDetailList\": [\n  {" + alice
                       + ",\n   \"UserPolicyList\": [{\"PolicyName\": \"P\", "
                         "\"PolicyDocument\": \"%7BVersion%3A%202012-10-17\"}]}\n]}")
            << true << "INVALID_ACCOUNT_FIELD" << error << 3 << 61
            << "/UserDetailList/0/UserPolicyList/0/PolicyDocument" << noBug;

    // null for an optional field is the same as leaving it out: no diagnostic at all.
    QTest::newRow("null optional fields") << QByteArray("{\"UserDetailList\": [{" + alice
            + ", \"Path\": null, \"CreateDate\": null, \"UserPolicyList\": null, "
              "\"GroupList\": null, \"AttachedManagedPolicies\": null, "
              "\"PermissionsBoundary\": null, \"Tags\": null}],\n"
              " \"RoleDetailList\": [{\"RoleName\": \"r\", \"Arn\": "
              "\"arn:aws:iam::111122223333:role/r\", \"RoleLastUsed\": null, "
              "\"InstanceProfileList\": null, \"RolePolicyList\": null, "
              "\"PermissionsBoundary\": null}],\n \"Policies\": ["
            + policyP.chopped(1) + ", \"Description\": null}]}")
                                          << true << "" << error << 0 << 0 << "" << none;
    QTest::newRow("BOM, empty lists")
            << QByteArray("\xEF\xBB\xBF{\"UserDetailList\": [], \"GroupDetailList\": [], "
                          "\"RoleDetailList\": [], \"Policies\": []}")
            << true << "" << error << 0 << 0 << "" << none;

    // References: warnings at the entity that makes them.
    QTest::newRow("unknown group")
            << QByteArray("{\"GroupDetailList\": [],\n \"UserDetailList\": [\n  {" + alice
                       + ", \"GroupList\": [\"Ghosts\"]}\n]}")
            << true << "UNKNOWN_GROUP" << warning << 3 << 3 << "" << none;
    QTest::newRow("attached policy not in Policies")
            << QByteArray("{\"Policies\": [],\n \"UserDetailList\": [\n  {" + alice
                       + ", \"AttachedManagedPolicies\": [{\"PolicyName\": \"Gone\", "
                         "\"PolicyArn\": \"arn:aws:iam::111122223333:policy/Gone\"}]}\n]}")
            << true << "UNRESOLVED_POLICY" << warning << 3 << 3 << "" << none;
    QTest::newRow("boundary not in Policies")
            << QByteArray("{\"Policies\": [],\n \"UserDetailList\": [\n  {" + alice
                       + ", \"PermissionsBoundary\": {\"PermissionsBoundaryType\": "
                         "\"PermissionsBoundaryPolicy\", \"PermissionsBoundaryArn\": "
                         "\"arn:aws:iam::aws:policy/PowerUserAccess\"}}\n]}")
            << true << "UNRESOLVED_POLICY" << warning << 3 << 3 << "" << none;
    QTest::newRow("two default versions")
            << QByteArray("{\"Policies\": [\n  " + policyP
                       + ",\n  {\"PolicyName\": \"Q\", \"Arn\": "
                         "\"arn:aws:iam::111122223333:policy/Q\", \"DefaultVersionId\": \"v2\", "
                         "\"PolicyVersionList\": [{\"VersionId\": \"v2\", \"IsDefaultVersion\": "
                         "true, \"Document\": {}}, {\"VersionId\": \"v1\", "
                         "\"IsDefaultVersion\": true, \"Document\": {}}]}\n]}")
            << true << "INVALID_DEFAULT_VERSION" << error << 3 << 3 << "" << none;
    QTest::newRow("no default version")
            << QByteArray("{\"Policies\": [\n  {\"PolicyName\": \"Q\", \"Arn\": "
                          "\"arn:aws:iam::111122223333:policy/Q\", \"DefaultVersionId\": \"v1\", "
                          "\"PolicyVersionList\": [{\"VersionId\": \"v1\", \"IsDefaultVersion\": "
                          "false, \"Document\": {}}]}\n]}")
            << true << "INVALID_DEFAULT_VERSION" << error << 2 << 3 << "" << none;
    QTest::newRow("DefaultVersionId disagrees")
            << QByteArray("{\"Policies\": [\n  {\"PolicyName\": \"Q\", \"Arn\": "
                          "\"arn:aws:iam::111122223333:policy/Q\", \"DefaultVersionId\": \"v2\", "
                          "\"PolicyVersionList\": [{\"VersionId\": \"v1\", \"IsDefaultVersion\": "
                          "true, \"Document\": {}}]}\n]}")
            << true << "INVALID_DEFAULT_VERSION" << error << 2 << 3 << "" << none;
    QTest::newRow("user names equal ignoring case")
            << QByteArray("{\"UserDetailList\": [\n  {" + alice
                       + "},\n  {\"UserName\": \"Alice\", \"Arn\": "
                         "\"arn:aws:iam::111122223333:user/Alice\"}\n]}")
            << true << "DUPLICATE_ENTITY" << warning << 3 << 3 << "" << none;
    QTest::newRow("group names equal ignoring case")
            << QByteArray("{\"GroupDetailList\": [\n  {\"GroupName\": \"Devs\", \"Arn\": "
                          "\"arn:aws:iam::111122223333:group/Devs\"},\n  {\"GroupName\": "
                          "\"DEVS\", \"Arn\": \"arn:aws:iam::111122223333:group/DEVS\"}\n]}")
            << true << "DUPLICATE_ENTITY" << warning << 3 << 3 << "" << none;
    QTest::newRow("policy ARN twice")
            << QByteArray("{\"Policies\": [\n  " + policyP + ",\n  " + policyP + "\n]}") << true
            << "DUPLICATE_ENTITY" << warning << 3 << 3 << "" << none;
    // The AWS CLI documentation's example: a group's AttachedManagedPolicies as one object.
    QTest::newRow("single object as a list")
            << QByteArray("{\"Policies\": [" + policyP
                       + "],\n \"GroupDetailList\": [\n  {\"GroupName\": \"Devs\", \"Arn\": "
                         "\"arn:aws:iam::111122223333:group/Devs\",\n   "
                         "\"AttachedManagedPolicies\": {\"PolicyName\": \"P\", \"PolicyArn\": "
                         "\"arn:aws:iam::111122223333:policy/P\"}}\n]}")
            << true << "SINGLE_OBJECT_AS_LIST" << warning << 4 << 31
            << "/GroupDetailList/0/AttachedManagedPolicies" << none;
    QTest::newRow("entities of two accounts")
            << QByteArray("{\"UserDetailList\": [\n  {" + alice
                       + "},\n  {\"UserName\": \"zed\", \"Arn\": "
                         "\"arn:aws:iam::444455556666:user/zed\"}\n]}")
            << true << "MIXED_ACCOUNTS" << warning << 1 << 1 << "" << none;
    // An incomplete snapshot (§1): a warning at the member that says so.
    QTest::newRow("IsTruncated true")
            << QByteArray("{\"UserDetailList\": [],\n \"IsTruncated\": true, \"Marker\": \"m\"}")
            << true << "INCOMPLETE_SNAPSHOT" << warning << 2 << 17 << "/IsTruncated" << none;
    QTest::newRow("NextToken") << QByteArray("{\"UserDetailList\": [],\n \"NextToken\": \"t\"}")
                               << true << "INCOMPLETE_SNAPSHOT" << warning << 2 << 15
                               << "/NextToken" << none;
}

void tst_AccountIo::malformed()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, loads);
    QFETCH(QString, code);
    QFETCH(int, severity);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, pointer);
    QFETCH(QString, knownBug);

    const auto loaded = loadText(text.toStdString(), "malformed.json");
    const std::string diagnostics = listing(loaded.diagnostics);
    for (const auto &d : loaded.diagnostics) {
        QVERIFY2(!d.code.empty(), diagnostics.c_str());
        QVERIFY2(d.where.line >= 1 && d.where.column >= 1, diagnostics.c_str());
        QCOMPARE(d.where.file, std::string("malformed.json"));
    }
    if (code.isEmpty()) {
        QVERIFY(loaded.value);
        QVERIFY2(loaded.diagnostics.empty(), diagnostics.c_str());
        return;
    }
    const auto found = std::find_if(loaded.diagnostics.begin(), loaded.diagnostics.end(),
            [&](const Diagnostic &d) { return d.code == str(code); });
    // A known bug is an expected failure of the check it breaks: finding the diagnostic, or
    // (for "position: ...") its column.
    const bool positionBug = knownBug.startsWith(u"position: "_s);
    if (!knownBug.isEmpty() && !positionBug)
        QEXPECT_FAIL("", qPrintable(knownBug), Abort);
    QVERIFY2(found != loaded.diagnostics.end(), diagnostics.c_str());
    QCOMPARE(bool(loaded.value), loads);
    QCOMPARE(int(found->severity), severity);
    QCOMPARE(QString::fromStdString(found->pointer), pointer);
    QCOMPARE(found->where.line, line);
    if (positionBug)
        QEXPECT_FAIL("", qPrintable(knownBug), Abort);
    QCOMPARE(found->where.column, column);
    if (loaded.value) {
        // Whatever loads saves as JSON.
        const std::string saved = iamx::workspaceText(*loaded.value);
        QVERIFY2(!Json::parse(saved, nullptr, false).is_discarded(), saved.c_str());
    }
}

// Flagged entities stay in the account, with what could be read.
void tst_AccountIo::flaggedEntitiesAreKept()
{
    const std::string arnP = "arn:aws:iam::111122223333:policy/P";
    {
        const auto loaded = loadText(R"({"UserDetailList": [
            {"UserName": 7, "Arn": "arn:aws:iam::111122223333:user/x", "GroupList": ["g"],
             "Tags": [{"Key": "team", "Value": "blue"}]}]})");
        QVERIFY(loaded.value);
        QCOMPARE(loaded.value->users().size(), size_t(1));
        const auto &user = loaded.value->users()[0];
        QVERIFY(user.name.empty());
        QCOMPARE(user.arn, std::string("arn:aws:iam::111122223333:user/x"));
        QCOMPARE(user.groupNames, std::vector<std::string> { "g" });
        QCOMPARE(user.tags.size(), size_t(1));
        // Found by ARN though its name is unusable.
        QCOMPARE(loaded.value->findUser(user.arn), &user);
    }
    {
        const auto loaded = loadText(userWith(R"("UserPolicyList": [
            {"PolicyName": "Bad", "PolicyDocument": "%7B%ZZ"},
            {"PolicyName": "Good",
             "PolicyDocument": {"Version": "2012-10-17", "Statement": []}}])"));
        QVERIFY(loaded.value);
        const auto &policies = loaded.value->users().at(0).inlinePolicies;
        QCOMPARE(policies.size(), size_t(2));
        QCOMPARE(policies[0].name, std::string("Bad"));
        QVERIFY(policies[0].document.empty());
        QCOMPARE(policies[1].name, std::string("Good"));
        QVERIFY(!policies[1].document.empty());
    }
    {
        const auto loaded = loadText(R"({
            "Policies": [{"PolicyName": "P", "Arn": "arn:aws:iam::111122223333:policy/P",
                          "PolicyVersionList": []}],
            "GroupDetailList": [{"GroupName": "G", "Arn": "arn:aws:iam::111122223333:group/G",
                "AttachedManagedPolicies": {
                    "PolicyName": "P", "PolicyArn": "arn:aws:iam::111122223333:policy/P"}}]})");
        QVERIFY(loaded.value);
        const auto &group = loaded.value->groups().at(0);
        QCOMPARE(group.attachedPolicies.size(), size_t(1));
        QCOMPARE(group.attachedPolicies[0].arn, arnP);
        QCOMPARE(group.attachedPolicies[0].name, std::string("P"));
        // A policy without versions has no default: malformed, kept, never guessed.
        QCOMPARE(loaded.value->policies().size(), size_t(1));
        QVERIFY(!loaded.value->policies()[0].defaultPolicyVersion());
        QCOMPARE(loaded.value->findPolicy(arnP), &loaded.value->policies()[0]);
    }
    {
        // Duplicates: both kept and written back, lookups use the first.
        const auto loaded = loadText(R"({"UserDetailList": [
            {"UserName": "alice", "UserId": "AIDA1", "Arn": "arn:aws:iam::111122223333:user/alice"},
            {"UserName": "ALICE", "UserId": "AIDA2", "Arn": "arn:aws:iam::111122223333:user/ALICE"}
            ]})");
        QVERIFY(loaded.value);
        QCOMPARE(loaded.value->users().size(), size_t(2));
        QCOMPARE(loaded.value->findUser("Alice")->id, std::string("AIDA1"));
        QCOMPARE(loaded.value->findUser("ALICE")->id, std::string("AIDA1"));
        // ARNs are exact: the second user is still found by its own.
        QCOMPARE(loaded.value->findUser("arn:aws:iam::111122223333:user/ALICE")->id,
                std::string("AIDA2"));
        const Json saved = Json::parse(iamx::workspaceText(*loaded.value));
        QCOMPARE(saved["UserDetailList"].size(), size_t(2));
    }
    {
        // Two defaults: the policy is kept but not evaluated.
        const auto loaded = loadText(R"({"Policies": [
            {"PolicyName": "P", "Arn": "arn:aws:iam::111122223333:policy/P",
             "DefaultVersionId": "v1", "PolicyVersionList": [
                {"VersionId": "v1", "IsDefaultVersion": true, "Document": {}},
                {"VersionId": "v2", "IsDefaultVersion": true, "Document": {}}]}]})");
        QVERIFY(loaded.value);
        QCOMPARE(loaded.value->policies().at(0).versions.size(), size_t(2));
        QVERIFY(!loaded.value->policies().at(0).defaultPolicyVersion());
    }
}

// Timestamps in every form of §1.2 are accepted and kept exactly as written.
void tst_AccountIo::timestampsVerbatim_data()
{
    QTest::addColumn<QString>("time");
    QTest::newRow("CLI v1, Z") << "2014-07-30T17:09:20Z";
    QTest::newRow("CLI v2, +00:00") << "2014-07-30T17:09:20+00:00";
    QTest::newRow("fraction, Z") << "2014-07-30T17:09:20.123Z";
    QTest::newRow("fraction, +00:00") << "2014-07-30T17:09:20.123456+00:00";
    QTest::newRow("space instead of T") << "2023-03-09 10:41:34+00:00";
    QTest::newRow("space, fraction") << "2023-03-09 10:41:34.5+00:00";
}

void tst_AccountIo::timestampsVerbatim()
{
    QFETCH(QString, time);
    const std::string t = str(time);
    // Every timestamp field of §2, each set to TIME.
    std::string text = R"({
        "UserDetailList": [{"UserName": "u", "Arn": "arn:aws:iam::111122223333:user/u",
                            "CreateDate": "TIME"}],
        "GroupDetailList": [{"GroupName": "g", "Arn": "arn:aws:iam::111122223333:group/g",
                             "CreateDate": "TIME"}],
        "RoleDetailList": [{"RoleName": "r", "Arn": "arn:aws:iam::111122223333:role/r",
                            "CreateDate": "TIME",
                            "RoleLastUsed": {"LastUsedDate": "TIME", "Region": "eu-west-1"}}],
        "Policies": [{"PolicyName": "P", "Arn": "arn:aws:iam::111122223333:policy/P",
                      "DefaultVersionId": "v1", "CreateDate": "TIME", "UpdateDate": "TIME",
                      "PolicyVersionList": [{"VersionId": "v1", "IsDefaultVersion": true,
                                             "CreateDate": "TIME", "Document": {}}]}]})";
    for (size_t at = text.find("TIME"); at != std::string::npos; at = text.find("TIME", at))
        text.replace(at, 4, t);
    const auto loaded = loadText(text);
    QVERIFY(loaded.value);
    QVERIFY2(loaded.diagnostics.empty(), listing(loaded.diagnostics).c_str());
    const Account &account = *loaded.value;
    QCOMPARE(account.users().at(0).createDate, t);
    QCOMPARE(account.groups().at(0).createDate, t);
    QCOMPARE(account.roles().at(0).createDate, t);
    QCOMPARE(account.roles().at(0).lastUsedDate, t);
    QCOMPARE(account.roles().at(0).lastUsedRegion, std::string("eu-west-1"));
    QCOMPARE(account.policies().at(0).createDate, t);
    QCOMPARE(account.policies().at(0).updateDate, t);
    QCOMPARE(account.policies().at(0).versions.at(0).createDate, t);

    // Written back exactly: all seven, and the same JSON.
    const std::string saved = iamx::workspaceText(account);
    size_t count = 0;
    for (size_t at = saved.find(t); at != std::string::npos; at = saved.find(t, at + 1))
        ++count;
    QCOMPARE(count, size_t(7));
    const Json savedJson = Json::parse(saved);
    const Json input = Json::parse(text);
    for (const char *list : awsLists)
        QVERIFY2(savedJson[list] == input[list], list);
}

// Seeded random byte edits of example.json: loading never crashes (the sanitizers watch), every
// diagnostic has a code and a position, and whatever loads can be saved and resolved.
void tst_AccountIo::randomMutationsNeverCrash()
{
    const std::string seed =
            iamx::test::readFile(iamx::test::testDataPath("accounts/example.json"));
    QVERIFY(!seed.empty());
    const char interesting[] = "{}[],:\"\\ \n0123456789%tfn-.eEaz\x80\xC3\xFF";
    std::mt19937 random(20261128);
    const iamx::Instant now { 1772366400, 0 };
    int loadedCount = 0;
    int refused = 0;
    int notJson = 0;
    QElapsedTimer timer;
    timer.start();
    for (int round = 0; round < 2000; ++round) {
        std::string text = seed;
        const int edits = 1 + int(random() % 4);
        for (int e = 0; e < edits && !text.empty(); ++e) {
            const size_t pos = random() % text.size();
            const char c = interesting[random() % (sizeof interesting - 1)];
            switch (random() % 5) {
            case 0:
                text[pos] = c;
                break;
            case 1:
                text.erase(pos, 1);
                break;
            case 2:
                text.insert(pos, 1, c);
                break;
            case 3:
                text.erase(pos, std::min<size_t>(text.size() - pos, 1 + random() % 64));
                break;
            default:
                text.insert(pos, text.substr(random() % text.size(), random() % 32));
                break;
            }
        }
        const auto loaded = loadText(text, "mutated.json");
        for (const auto &d : loaded.diagnostics) {
            const std::string where =
                    "round " + std::to_string(round) + ": " + iamx::formatDiagnostic(d);
            QVERIFY2(!d.code.empty(), where.c_str());
            QVERIFY2(d.where.line >= 1 && d.where.column >= 1, where.c_str());
        }
        if (!loaded.value) {
            QVERIFY2(hasErrors(loaded.diagnostics), ("round " + std::to_string(round)).c_str());
            ++refused;
            continue;
        }
        ++loadedCount;
        const std::string saved = iamx::workspaceText(*loaded.value);
        if (Json::parse(saved, nullptr, false).is_discarded()) {
            ++notJson; // must not happen: everything kept was validated when loaded
        } else {
            const auto again = loadText(saved, "saved.json");
            QVERIFY2(again.value, ("round " + std::to_string(round)).c_str());
        }
        // Resolving a request for the first user and role compiles the documents they reach.
        const iamx::Resolver resolver(*loaded.value);
        if (!loaded.value->users().empty()) {
            std::string why;
            if (const auto principal =
                            resolver.findPrincipal(loaded.value->users().front().arn, {}, why)) {
                const auto request = resolver.resolve(
                        *principal, "s3:GetObject", "arn:aws:s3:::dev-x/k", {}, now);
                iamx::Decision decision;
                iamx::decide(request.policies, request.request, decision);
            }
        }
        if (!loaded.value->roles().empty()) {
            const std::string &arn = loaded.value->roles().front().arn;
            std::string why;
            if (const auto principal = resolver.findPrincipal(arn, {}, why))
                (void)resolver.resolve(*principal, "sts:AssumeRole", arn, {}, now);
        }
    }
    qInfo("%d loaded (%d saved as text that is not JSON), %d refused, in %lld ms", loadedCount,
            notJson, refused, timer.elapsed());
    QVERIFY(loadedCount > 100);
    QVERIFY(refused > 100);
    QCOMPARE(notJson, 0); // `iamx save` never writes a file that is not JSON
}

QTEST_APPLESS_MAIN(tst_AccountIo)

#include "tst_accountio.moc"
