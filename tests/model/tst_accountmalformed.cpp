#include "tests/model/accountiotest.h"

// Accounts that are wrong (account-format.md §4.5): every diagnostic with its code and
// position, entities kept and flagged, and random mutations that never crash.

class tst_AccountMalformed : public QObject
{
    Q_OBJECT

private slots:
    void malformed_data();
    void malformed();
    void flaggedEntitiesAreKept();
    void randomMutationsNeverCrash();
};

// text: a file; loads: whether an account comes out; code, severity, line, column, pointer:
// the diagnostic expected (the first with that code); "" for "no diagnostic at all".
void tst_AccountMalformed::malformed_data()
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

void tst_AccountMalformed::malformed()
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
void tst_AccountMalformed::flaggedEntitiesAreKept()
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

// Seeded random byte edits of example.json: loading never crashes (the sanitizers watch), every
// diagnostic has a code and a position, and whatever loads can be saved and resolved.
void tst_AccountMalformed::randomMutationsNeverCrash()
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

QTEST_APPLESS_MAIN(tst_AccountMalformed)

#include "tst_accountmalformed.moc"
