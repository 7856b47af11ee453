#include "tests/model/accountiotest.h"

// Loading and saving accounts (account-format.md §1, §2, §6): the committed real exports and
// the example snapshot of §3 in its three forms (CLI-decoded, raw percent-encoded, two pages),
// documents in each of the shapes of §1.1, timestamps of §1.2, the round trip through the
// workspace file, and atomic saving.

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
    void timestampsVerbatim_data();
    void timestampsVerbatim();
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

QTEST_APPLESS_MAIN(tst_AccountIo)

#include "tst_accountio.moc"
