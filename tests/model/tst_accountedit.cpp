#include "model/accountedit.h"
#include "tests/model/accountiotest.h"

#include <functional>

// Changing an account (issue #4): each mutator on the example account of account-format.md §3,
// the errors it gives (and that it then changes nothing), the references it keeps consistent,
// exact undo, and saving: an edited entity is written from its fields with every member it
// does not model kept, the unedited ones byte for byte.

using iamx::AccountEdit;
using iamx::DocumentKey;
using iamx::EntityKind;
using iamx::NewEntity;

class tst_AccountEdit : public QObject
{
    Q_OBJECT

private slots:
    void createsEntities();
    void createErrors_data();
    void createErrors();
    void renamesKeepReferences();
    void renamePolicyRepointsAttachments();
    void deleteRemovesReferences();
    void dependents();
    void membership();
    void attachAndDetach();
    void boundaries();
    void documents();
    void documentErrors_data();
    void documentErrors();
    void inlinePolicies();
    void workspaceDocuments();
    void undoIsExact_data();
    void undoIsExact();
    void checkModeChangesNothing();
    void changedBackIsAsRead();
    void savedEditKeepsUnknownMembers();
    void editedRealFileRoundTrip_data();
    void editedRealFileRoundTrip();
};

// Declared after the test class: moc 6.4 misreads a raw string literal before it.
namespace {

const std::string accountArn = "arn:aws:iam::111122223333:";
const std::string devS3 = accountArn + "policy/DevS3Access";
const std::string devBoundary = accountArn + "policy/boundaries/DevBoundary";
const std::string readOnly = "arn:aws:iam::aws:policy/ExampleReadOnlyAccess";
const std::string created = "2026-03-01T12:00:00+00:00";
const std::string allowAll =
        R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})";

Account example()
{
    auto loaded = loadData({ "example.json" });
    if (!loaded.value)
        qFatal("example.json does not load");
    return std::move(*loaded.value);
}

NewEntity entity(std::string name, std::string path = "/", std::string document = {})
{
    return { std::move(name), std::move(path), created, std::move(document) };
}

// Saves and loads again: what a user gets after File > Save and File > Open.
Account reloaded(const Account &account)
{
    auto again = loadText(iamx::workspaceText(account), "saved.json");
    if (!again.value)
        qFatal("the saved workspace does not load");
    return std::move(*again.value);
}

bool isIamId(const std::string &id, std::string_view prefix)
{
    return id.size() == 20 && id.starts_with(prefix)
            && std::all_of(id.begin(), id.end(),
                    [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

using Edit = std::function<std::string(AccountEdit &)>;

} // namespace

Q_DECLARE_METATYPE(Edit)

void tst_AccountEdit::createsEntities()
{
    Account account = example();
    const std::string before = iamx::workspaceText(account);
    AccountEdit edit(account);
    QCOMPARE(edit.createUser(entity("carol", "/eng/")), std::string());
    QCOMPARE(edit.createGroup(entity("Testers")), std::string());
    QCOMPARE(edit.createRole(entity("batch")), std::string());
    QCOMPARE(edit.createPolicy(entity("ReadAll", "/", allowAll)), std::string());

    const iamx::User *carol = account.findUser("CAROL");
    QVERIFY(carol);
    QCOMPARE(carol->arn, accountArn + "user/eng/carol");
    QCOMPARE(carol->createDate, created);
    QVERIFY2(isIamId(carol->id, "AIDA"), carol->id.c_str());
    QCOMPARE(account.findUser(carol->id), carol);
    QCOMPARE(account.findGroup("testers")->arn, accountArn + "group/Testers");
    QVERIFY(isIamId(account.findGroup("Testers")->id, "AGPA"));
    const iamx::Role *batch = account.findRole("batch");
    QVERIFY(batch && isIamId(batch->id, "AROA"));
    // A new role's default trust policy lets the account's root assume it.
    QVERIFY(batch->trustPolicy.text().find(accountArn + "root") != std::string_view::npos);
    const iamx::ManagedPolicy *readAll = account.findPolicy(accountArn + "policy/ReadAll");
    QVERIFY(readAll && isIamId(readAll->id, "ANPA"));
    QVERIFY(readAll->defaultPolicyVersion());
    QCOMPARE(std::string(readAll->defaultPolicyVersion()->document.text()), allowAll);

    // Saved and loaded: the new entities come back with their fields, the others as they were.
    const std::string saved = iamx::workspaceText(account);
    const Account again = reloaded(account);
    QVERIFY2(!hasErrors(again.diagnostics()), listing(again.diagnostics()).c_str());
    QCOMPARE(again.users().size(), size_t(3));
    QCOMPARE(again.findUser("carol")->arn, carol->arn);
    QCOMPARE(again.findUser("carol")->id, carol->id);
    QCOMPARE(again.findUser("carol")->path, std::string("/eng/"));
    QCOMPARE(again.findRole("batch")->trustPolicy.text(), batch->trustPolicy.text());
    QCOMPARE(again.findPolicy(readAll->arn)->defaultVersionId, std::string("v1"));
    QCOMPARE(again.findPolicy(readAll->arn)->defaultPolicyVersion()->document.text(),
            std::string_view(allowAll));
    for (const auto &user : account.users())
        if (!user.edited) // alice and bob, as they were read
            QVERIFY(saved.find(sliceOf(account, user.span)) != std::string::npos);
    QVERIFY(saved != before);
}

void tst_AccountEdit::createErrors_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("says");

    const int user = int(EntityKind::User);
    const int role = int(EntityKind::Role);
    const int policy = int(EntityKind::Policy);
    QTest::newRow("user name taken, other case") << user << "ALICE"
                                                 << "/" << QString() << "exists already";
    QTest::newRow("group name taken") << int(EntityKind::Group) << "developers"
                                      << "/" << QString() << "exists already";
    QTest::newRow("role name taken") << role << "Deployer"
                                     << "/" << QString() << "exists already";
    QTest::newRow("policy name taken") << policy << "devs3access"
                                       << "/" << QString() << "exists already";
    QTest::newRow("empty name") << user << ""
                                << "/" << QString() << "empty";
    QTest::newRow("space in name") << user << "a b"
                                   << "/" << QString() << "letters, digits";
    QTest::newRow("65 characters") << user << QString(65, u'a') << "/" << QString() << "at most 64";
    QTest::newRow("path without slashes") << user << "carol"
                                          << "eng" << QString() << "begins and ends";
    QTest::newRow("path with a space") << user << "carol"
                                       << "/a b/" << QString() << "printable";
    QTest::newRow("trust not JSON") << role << "batch"
                                    << "/"
                                    << "{\"Version\": "
                                    << "not valid JSON";
    QTest::newRow("policy not an object") << policy << "P"
                                          << "/"
                                          << "[1]"
                                          << "JSON object";
}

void tst_AccountEdit::createErrors()
{
    QFETCH(int, kind);
    QFETCH(QString, name);
    QFETCH(QString, path);
    QFETCH(QString, document);
    QFETCH(QString, says);

    Account account = example();
    const std::string before = iamx::workspaceText(account);
    const NewEntity request = entity(str(name), str(path), str(document));
    AccountEdit edit(account);
    std::string error;
    switch (EntityKind(kind)) {
    case EntityKind::User:
        error = edit.createUser(request);
        break;
    case EntityKind::Group:
        error = edit.createGroup(request);
        break;
    case EntityKind::Role:
        error = edit.createRole(request);
        break;
    case EntityKind::Policy:
        error = edit.createPolicy(request);
        break;
    }
    QVERIFY2(error.find(str(says)) != std::string::npos, error.c_str());
    QVERIFY(edit.takeUndo().empty());
    QCOMPARE(iamx::workspaceText(account), before);
}

void tst_AccountEdit::renamesKeepReferences()
{
    Account account = example();
    AccountEdit edit(account);
    QCOMPARE(edit.rename(EntityKind::User, "bob", "robert"), std::string());
    QVERIFY(!account.findUser("bob"));
    QCOMPARE(account.findUser("robert")->arn, accountArn + "user/ops/robert");
    QCOMPARE(account.findUser(accountArn + "user/ops/robert")->name, std::string("robert"));

    QCOMPARE(edit.rename(EntityKind::Group, "Developers", "Engineers"), std::string());
    const iamx::User *alice = account.findUser("alice");
    QCOMPARE(alice->groupNames, (std::vector<std::string> { "Engineers", "Auditors" }));
    QCOMPARE(account.findGroup("Engineers")->arn, accountArn + "group/Engineers");
    QCOMPARE(account.membersOf(*account.findGroup("Engineers")).size(), size_t(1));

    QCOMPARE(edit.rename(EntityKind::Role, "deployer", "shipper"), std::string());
    QCOMPARE(account.findRole("shipper")->arn, accountArn + "role/ops/shipper");
    // A case-only rename is a rename; the same name is not.
    QCOMPARE(edit.rename(EntityKind::Role, "shipper", "Shipper"), std::string());
    QVERIFY(!edit.rename(EntityKind::Role, "Shipper", "Shipper").empty());
    QVERIFY(!edit.rename(EntityKind::User, "alice", "Robert").empty()); // taken
    QVERIFY(!edit.rename(EntityKind::User, "nobody", "x").empty());
    QVERIFY(!edit.rename(EntityKind::User, "alice", "a/b").empty());

    const Account again = reloaded(account);
    QVERIFY2(!hasErrors(again.diagnostics()), listing(again.diagnostics()).c_str());
    QCOMPARE(again.findUser("robert")->arn, accountArn + "user/ops/robert");
    QCOMPARE(again.findUser("alice")->groupNames,
            (std::vector<std::string> { "Engineers", "Auditors" }));
    QVERIFY(again.findRole("Shipper"));
    // No dangling group names were left behind.
    for (const auto &d : again.diagnostics())
        QVERIFY2(d.code != "UNKNOWN_GROUP", iamx::formatDiagnostic(d).c_str());
}

void tst_AccountEdit::renamePolicyRepointsAttachments()
{
    Account account = example();
    AccountEdit edit(account);
    QCOMPARE(edit.rename(EntityKind::Policy, devS3, "DevS3"), std::string());
    const std::string newArn = accountArn + "policy/DevS3";
    QVERIFY(!account.findPolicy(devS3));
    QCOMPARE(account.findPolicy(newArn)->name, std::string("DevS3"));
    QCOMPARE(account.findUser("alice")->attachedPolicies.at(0).arn, newArn);
    QCOMPARE(account.findUser("alice")->attachedPolicies.at(0).name, std::string("DevS3"));
    QCOMPARE(account.findGroup("Developers")->attachedPolicies.at(0).arn, newArn);
    QCOMPARE(account.findRole("deployer")->attachedPolicies.at(0).arn, newArn);

    QCOMPARE(edit.rename(EntityKind::Policy, devBoundary, "Fence"), std::string());
    const std::string fence = accountArn + "policy/boundaries/Fence";
    QCOMPARE(account.findUser("alice")->permissionsBoundaryArn, std::optional(fence));
    QCOMPARE(account.findRole("deployer")->permissionsBoundaryArn, std::optional(fence));

    const std::string refused = edit.rename(EntityKind::Policy, readOnly, "Mine");
    QVERIFY2(refused.find("AWS managed") != std::string::npos, refused.c_str());

    // Reloaded, nothing refers to a policy the file lacks.
    const Account again = reloaded(account);
    QVERIFY2(again.diagnostics().empty(), listing(again.diagnostics()).c_str());
    QCOMPARE(again.attachmentsOf(*again.findPolicy(newArn)).size(), size_t(3));
    QCOMPARE(again.attachmentsOf(*again.findPolicy(fence)).size(), size_t(2));
}

void tst_AccountEdit::deleteRemovesReferences()
{
    Account account = example();
    AccountEdit edit(account);
    QCOMPARE(edit.remove(EntityKind::Group, "developers"), std::string());
    QVERIFY(!account.findGroup("Developers"));
    QCOMPARE(account.findUser("alice")->groupNames, std::vector<std::string> { "Auditors" });

    QCOMPARE(edit.remove(EntityKind::Policy, devS3), std::string());
    QVERIFY(account.findUser("alice")->attachedPolicies.empty());
    QVERIFY(account.findRole("deployer")->attachedPolicies.empty());
    QCOMPARE(edit.remove(EntityKind::Policy, devBoundary), std::string());
    QVERIFY(!account.findUser("alice")->permissionsBoundaryArn);
    QVERIFY(!account.findRole("deployer")->permissionsBoundaryArn);

    QCOMPARE(edit.remove(EntityKind::User, "bob"), std::string());
    QCOMPARE(edit.remove(EntityKind::Role, "ec2-app"), std::string());
    QCOMPARE(account.users().size(), size_t(1));
    QCOMPARE(account.roles().size(), size_t(1));
    QVERIFY(!edit.remove(EntityKind::User, "bob").empty());
    QVERIFY(!edit.remove(EntityKind::Policy, "arn:aws:iam::aws:policy/Nothing").empty());

    const Account again = reloaded(account);
    QVERIFY2(again.diagnostics().empty(), listing(again.diagnostics()).c_str());
    QCOMPARE(again.policies().size(), size_t(1));
}

void tst_AccountEdit::dependents()
{
    const Account account = example();
    using List = std::vector<std::string>;
    QCOMPARE(iamx::dependentsOf(account, EntityKind::Group, "Developers"),
            List { "member: user alice" });
    QCOMPARE(iamx::dependentsOf(account, EntityKind::Group, "Auditors"),
            (List { "member: user alice", "member: user bob" }));
    QCOMPARE(iamx::dependentsOf(account, EntityKind::Policy, devS3),
            (List { "attached to user alice", "attached to group Developers",
                    "attached to role deployer" }));
    QCOMPARE(iamx::dependentsOf(account, EntityKind::Policy, devBoundary),
            (List { "permissions boundary of user alice",
                    "permissions boundary of role deployer" }));
    QCOMPARE(iamx::dependentsOf(account, EntityKind::User, "alice"), List {});
    QCOMPARE(iamx::dependentsOf(account, EntityKind::Group, "nobody"), List {});
}

void tst_AccountEdit::membership()
{
    Account account = example();
    AccountEdit edit(account);
    QCOMPARE(edit.addToGroup("bob", "developers"), std::string());
    // Listed under the group's own spelling.
    QCOMPARE(account.findUser("bob")->groupNames,
            (std::vector<std::string> { "Auditors", "Developers" }));
    QCOMPARE(account.membersOf(*account.findGroup("Developers")).size(), size_t(2));
    QVERIFY(edit.addToGroup("bob", "Developers").find("already") != std::string::npos);
    QVERIFY(!edit.addToGroup("bob", "Nobody").empty());
    QVERIFY(!edit.addToGroup("nobody", "Developers").empty());

    QCOMPARE(edit.removeFromGroup("alice", "Auditors"), std::string());
    QCOMPARE(account.findUser("alice")->groupNames, std::vector<std::string> { "Developers" });
    QVERIFY(edit.removeFromGroup("alice", "Auditors").find("not a member") != std::string::npos);

    const Account again = reloaded(account);
    QCOMPARE(again.findUser("bob")->groupNames, account.findUser("bob")->groupNames);
    QCOMPARE(again.findUser("alice")->groupNames, account.findUser("alice")->groupNames);
}

void tst_AccountEdit::attachAndDetach()
{
    Account account = example();
    AccountEdit edit(account);
    QCOMPARE(account.findPolicy(readOnly)->attachmentCount, 2);
    QCOMPARE(edit.attachPolicy(EntityKind::User, "bob", readOnly), std::string());
    QCOMPARE(account.findUser("bob")->attachedPolicies.at(0).name,
            std::string("ExampleReadOnlyAccess"));
    QCOMPARE(account.findPolicy(readOnly)->attachmentCount, 3);
    QVERIFY(edit.attachPolicy(EntityKind::User, "bob", readOnly).find("already")
            != std::string::npos);
    QCOMPARE(edit.attachPolicy(EntityKind::Group, "Auditors", devS3), std::string());
    QCOMPARE(edit.attachPolicy(EntityKind::Role, "ec2-app", devS3), std::string());
    QVERIFY(!edit.attachPolicy(EntityKind::Role, "ec2-app", accountArn + "policy/None").empty());
    QVERIFY(!edit.attachPolicy(EntityKind::Policy, devS3, readOnly).empty());

    QCOMPARE(edit.detachPolicy(EntityKind::User, "alice", devS3), std::string());
    QVERIFY(account.findUser("alice")->attachedPolicies.empty());
    QVERIFY(edit.detachPolicy(EntityKind::User, "alice", devS3).find("not attached")
            != std::string::npos);
    QCOMPARE(account.findPolicy(devS3)->attachmentCount, 4); // 3, +2, -1

    const Account again = reloaded(account);
    QCOMPARE(again.findPolicy(devS3)->attachmentCount, 4);
    QCOMPARE(again.attachmentsOf(*again.findPolicy(devS3)).size(), size_t(4));
    QCOMPARE(again.findUser("bob")->attachedPolicies.size(), size_t(1));
}

void tst_AccountEdit::boundaries()
{
    Account account = example();
    AccountEdit edit(account);
    QCOMPARE(edit.setBoundary(EntityKind::User, "bob", devBoundary), std::string());
    QCOMPARE(account.findUser("bob")->permissionsBoundaryArn, std::optional(devBoundary));
    QCOMPARE(account.findPolicy(devBoundary)->permissionsBoundaryUsageCount, 3);
    QVERIFY(edit.setBoundary(EntityKind::User, "bob", devBoundary).find("already")
            != std::string::npos);
    QVERIFY(!edit.setBoundary(EntityKind::Group, "Auditors", devBoundary).empty());
    // Replacing moves the count from the old boundary to the new one.
    QCOMPARE(edit.setBoundary(EntityKind::Role, "deployer", readOnly), std::string());
    QCOMPARE(account.findPolicy(devBoundary)->permissionsBoundaryUsageCount, 2);
    QCOMPARE(account.findPolicy(readOnly)->permissionsBoundaryUsageCount, 1);

    QCOMPARE(edit.removeBoundary(EntityKind::User, "alice"), std::string());
    QVERIFY(!account.findUser("alice")->permissionsBoundaryArn);
    QVERIFY(edit.removeBoundary(EntityKind::User, "alice").find("no permissions boundary")
            != std::string::npos);

    const Account again = reloaded(account);
    QVERIFY(!again.findUser("alice")->permissionsBoundaryArn);
    QCOMPARE(again.findUser("bob")->permissionsBoundaryArn, std::optional(devBoundary));
    QCOMPARE(again.findRole("deployer")->permissionsBoundaryArn, std::optional(readOnly));
    // The saved alice has no PermissionsBoundary member left at all.
    const Json saved = Json::parse(iamx::workspaceText(account));
    QVERIFY(!saved["UserDetailList"][0].contains("PermissionsBoundary"));
    QVERIFY(saved["UserDetailList"][1]["PermissionsBoundary"]["PermissionsBoundaryArn"]
            == Json(devBoundary));
}

void tst_AccountEdit::documents()
{
    Account account = example();
    AccountEdit edit(account);
    using Kind = DocumentKey::Kind;
    const std::vector<DocumentKey> keys = { { Kind::Managed, devS3, "" },
        { Kind::Managed, devS3, "v1" }, { Kind::UserInline, "alice", "manageownaccesskeys" },
        { Kind::GroupInline, "Developers", "DenyProdBuckets" },
        { Kind::RoleInline, "deployer", "DeployFunctions" }, { Kind::Trust, "ec2-app", "" } };
    for (const auto &key : keys) {
        const std::string text = R"({"Version": "2012-10-17", "Id": ")"
                + iamx::documentKeyText(key).substr(0, 4) + R"(", "Statement": []})";
        const std::string error = edit.setDocumentText(key, text);
        QVERIFY2(error.empty(), error.c_str());
        const PolicyText *document = iamx::findDocument(account, key);
        QVERIFY(document);
        QCOMPARE(std::string(document->text()), text);
        QVERIFY(document->form() == PolicyText::Form::Object);
    }
    const Account again = reloaded(account);
    QVERIFY2(!hasErrors(again.diagnostics()), listing(again.diagnostics()).c_str());
    for (const auto &key : keys)
        QCOMPARE(iamx::findDocument(again, key)->text(), iamx::findDocument(account, key)->text());
}

void tst_AccountEdit::documentErrors_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("owner");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("says");

    const QString valid = u"{\"Statement\": []}"_s;
    QTest::newRow("syntax error, with its place") << int(DocumentKey::Kind::UserInline) << "alice"
                                                  << "ManageOwnAccessKeys"
                                                  << "{\n  \"Statement\": [,]\n}"
                                                  << "line 2, column";
    QTest::newRow("not an object") << int(DocumentKey::Kind::Trust) << "ec2-app"
                                   << ""
                                   << "\"text\""
                                   << "JSON object";
    QTest::newRow("AWS managed") << int(DocumentKey::Kind::Managed)
                                 << QString::fromStdString(readOnly) << "" << valid
                                 << "AWS managed";
    QTest::newRow("unknown version")
            << int(DocumentKey::Kind::Managed) << QString::fromStdString(devS3) << "v9" << valid
            << "no version v9";
    QTest::newRow("unknown inline") << int(DocumentKey::Kind::RoleInline) << "deployer"
                                    << "Nope" << valid << "no inline policy";
    QTest::newRow("unknown role") << int(DocumentKey::Kind::Trust) << "nobody"
                                  << "" << valid << "no role";
    QTest::newRow("no resources") << int(DocumentKey::Kind::Resource) << "arn:aws:s3:::x"
                                  << "" << valid << "no resource";
    QTest::newRow("no document") << int(DocumentKey::Kind::None) << ""
                                 << "" << valid << "not part of the account";
}

void tst_AccountEdit::documentErrors()
{
    QFETCH(int, kind);
    QFETCH(QString, owner);
    QFETCH(QString, name);
    QFETCH(QString, text);
    QFETCH(QString, says);

    Account account = example();
    const std::string before = iamx::workspaceText(account);
    AccountEdit edit(account);
    const std::string error =
            edit.setDocumentText({ DocumentKey::Kind(kind), str(owner), str(name) }, str(text));
    QVERIFY2(error.find(str(says)) != std::string::npos, error.c_str());
    QCOMPARE(iamx::workspaceText(account), before);
}

void tst_AccountEdit::inlinePolicies()
{
    Account account = example();
    AccountEdit edit(account);
    const DocumentKey key { DocumentKey::Kind::UserInline, "bob", "ReadAll" };
    QCOMPARE(edit.createInlinePolicy(key, allowAll), std::string());
    QCOMPARE(std::string(iamx::findDocument(account, key)->text()), allowAll);
    QVERIFY(edit.createInlinePolicy({ DocumentKey::Kind::UserInline, "bob", "READALL" }, allowAll)
                    .find("already")
            != std::string::npos);
    QVERIFY(!edit.createInlinePolicy({ DocumentKey::Kind::UserInline, "bob", "a b" }, allowAll)
                     .empty());
    QVERIFY(!edit.createInlinePolicy({ DocumentKey::Kind::Trust, "ec2-app", "" }, allowAll)
                     .empty());
    const DocumentKey groupKey { DocumentKey::Kind::GroupInline, "Auditors", "Extra" };
    QCOMPARE(edit.createInlinePolicy(groupKey, allowAll), std::string());

    QCOMPARE(edit.removeInlinePolicy(
                     { DocumentKey::Kind::UserInline, "alice", "ManageOwnAccessKeys" }),
            std::string());
    QVERIFY(account.findUser("alice")->inlinePolicies.empty());
    QVERIFY(!edit.removeInlinePolicy({ DocumentKey::Kind::UserInline, "alice", "Gone" }).empty());

    const Account again = reloaded(account);
    QCOMPARE(std::string(iamx::findDocument(again, key)->text()), allowAll);
    QCOMPARE(std::string(iamx::findDocument(again, groupKey)->text()), allowAll);
    QVERIFY(again.findUser("alice")->inlinePolicies.empty());
}

// Resource policies, SCPs and RCPs live in the IamExplorer object.
void tst_AccountEdit::workspaceDocuments()
{
    const std::string workspace = R"({"UserDetailList": [], "IamExplorer": {"formatVersion": 1,
        "accountId": "111122223333",
        "resources": [{"arn": "arn:aws:s3:::reports", "policy": {"Statement": []}},
                      {"arn": "arn:aws:sqs:eu-west-1:111122223333:jobs"}],
        "organization": {"id": "o-1", "levels": [{"id": "r-1", "name": "Root",
            "scps": [{"name": "FullAWSAccess", "document": {"Statement": []}}],
            "rcps": [{"name": "Guard", "document": {"Statement": []}}]}]}}})";
    auto loaded = loadText(workspace);
    QVERIFY2(loaded.value, listing(loaded.diagnostics).c_str());
    Account &account = *loaded.value;
    const std::string before = iamx::workspaceText(account);
    using Kind = DocumentKey::Kind;
    const std::vector<DocumentKey> keys = { { Kind::Resource, "arn:aws:s3:::reports", "" },
        { Kind::Resource, "arn:aws:sqs:eu-west-1:111122223333:jobs", "" },
        { Kind::Scp, "r-1", "FullAWSAccess" }, { Kind::Rcp, "r-1", "Guard" } };
    AccountEdit edit(account);
    for (const auto &key : keys)
        QCOMPARE(edit.setDocumentText(key, allowAll), std::string());
    QVERIFY(!edit.setDocumentText({ Kind::Scp, "r-1", "Missing" }, allowAll).empty());
    const Account again = reloaded(account);
    for (const auto &key : keys)
        QCOMPARE(std::string(iamx::findDocument(again, key)->text()), allowAll);

    AccountEdit::revert(account, edit.takeUndo());
    QCOMPARE(iamx::workspaceText(account), before);
}

void tst_AccountEdit::undoIsExact_data()
{
    QTest::addColumn<Edit>("change");
    using Kind = DocumentKey::Kind;
    const auto row = [](const char *name, Edit change) { QTest::newRow(name) << change; };
    row("create user", [](AccountEdit &e) { return e.createUser(entity("carol")); });
    row("create group", [](AccountEdit &e) { return e.createGroup(entity("Testers")); });
    row("create role", [](AccountEdit &e) { return e.createRole(entity("batch")); });
    row("create policy", [](AccountEdit &e) { return e.createPolicy(entity("P", "/x/")); });
    row("rename user", [](AccountEdit &e) { return e.rename(EntityKind::User, "alice", "al"); });
    row("rename group",
            [](AccountEdit &e) { return e.rename(EntityKind::Group, "Auditors", "Audit"); });
    row("rename role", [](AccountEdit &e) { return e.rename(EntityKind::Role, "ec2-app", "app"); });
    row("rename policy",
            [](AccountEdit &e) { return e.rename(EntityKind::Policy, devBoundary, "Fence"); });
    row("delete first user", [](AccountEdit &e) { return e.remove(EntityKind::User, "alice"); });
    row("delete group", [](AccountEdit &e) { return e.remove(EntityKind::Group, "Auditors"); });
    row("delete role", [](AccountEdit &e) { return e.remove(EntityKind::Role, "deployer"); });
    row("delete policy", [](AccountEdit &e) { return e.remove(EntityKind::Policy, devS3); });
    row("delete boundary policy",
            [](AccountEdit &e) { return e.remove(EntityKind::Policy, devBoundary); });
    row("add to group", [](AccountEdit &e) { return e.addToGroup("bob", "Developers"); });
    row("remove from first group",
            [](AccountEdit &e) { return e.removeFromGroup("alice", "Developers"); });
    row("attach", [](AccountEdit &e) { return e.attachPolicy(EntityKind::User, "bob", devS3); });
    row("detach",
            [](AccountEdit &e) { return e.detachPolicy(EntityKind::Group, "Auditors", readOnly); });
    row("set boundary",
            [](AccountEdit &e) { return e.setBoundary(EntityKind::Role, "ec2-app", devBoundary); });
    row("remove boundary",
            [](AccountEdit &e) { return e.removeBoundary(EntityKind::User, "alice"); });
    row("set trust", [](AccountEdit &e) {
        return e.setDocumentText({ Kind::Trust, "deployer", "" }, allowAll);
    });
    row("set managed", [](AccountEdit &e) {
        return e.setDocumentText({ Kind::Managed, devS3, "" }, allowAll);
    });
    row("create inline", [](AccountEdit &e) {
        return e.createInlinePolicy({ Kind::RoleInline, "ec2-app", "X" }, allowAll);
    });
    row("delete inline", [](AccountEdit &e) {
        return e.removeInlinePolicy({ Kind::GroupInline, "Developers", "DenyProdBuckets" });
    });
}

// Every change, taken back, gives the account it started from: the same saved text, byte for
// byte, and lookups that find what they found before.
void tst_AccountEdit::undoIsExact()
{
    QFETCH(Edit, change);

    Account account = example();
    const std::string before = iamx::workspaceText(account);
    AccountEdit edit(account);
    const std::string error = change(edit);
    QVERIFY2(error.empty(), error.c_str());
    QVERIFY(iamx::workspaceText(account) != before);
    const auto undo = edit.takeUndo();
    QVERIFY(!undo.empty());
    AccountEdit::revert(account, undo);
    QCOMPARE(iamx::workspaceText(account), before);
    QCOMPARE(account.findUser("alice")->arn, accountArn + "user/alice");
    QCOMPARE(account.findPolicy(devS3)->name, std::string("DevS3Access"));
    QCOMPARE(account.findGroup("Auditors")->name, std::string("Auditors"));
    QVERIFY(account.findRole("deployer"));

    // And done again after the undo, it gives the same text as the first time.
    AccountEdit again(account);
    QCOMPARE(change(again), std::string());
    const std::string redone = iamx::workspaceText(account);
    AccountEdit::revert(account, again.takeUndo());
    AccountEdit third(account);
    QCOMPARE(change(third), std::string());
    QCOMPARE(iamx::workspaceText(account), redone);
}

void tst_AccountEdit::checkModeChangesNothing()
{
    Account account = example();
    const std::string before = iamx::workspaceText(account);
    AccountEdit check(account, AccountEdit::Mode::Check);
    QCOMPARE(check.createUser(entity("carol")), std::string());
    QCOMPARE(check.remove(EntityKind::Policy, devS3), std::string());
    QCOMPARE(check.rename(EntityKind::Group, "Developers", "Eng"), std::string());
    QCOMPARE(check.setDocumentText({ DocumentKey::Kind::Trust, "deployer", "" }, allowAll),
            std::string());
    QVERIFY(!check.createUser(entity("alice")).empty());
    QVERIFY(!check.attachPolicy(EntityKind::User, "alice", devS3).empty());
    QVERIFY(check.takeUndo().empty());
    QVERIFY(!account.findUser("carol"));
    QCOMPARE(iamx::workspaceText(account), before);
}

// Edits that cancel out (a rename and the rename back, an attach and the detach) leave the
// entities as they were read: saved byte for byte, though they were edited.
void tst_AccountEdit::changedBackIsAsRead()
{
    Account account = example();
    const std::string before = iamx::workspaceText(account);
    AccountEdit edit(account);
    QCOMPARE(edit.rename(EntityKind::User, "alice", "al"), std::string());
    QCOMPARE(edit.rename(EntityKind::User, "al", "alice"), std::string());
    QCOMPARE(edit.attachPolicy(EntityKind::Group, "Auditors", devS3), std::string());
    QCOMPARE(edit.detachPolicy(EntityKind::Group, "Auditors", devS3), std::string());
    QVERIFY(account.findUser("alice")->edited);
    QVERIFY(account.findPolicy(devS3)->edited);
    QCOMPARE(iamx::workspaceText(account), before);

    // Also when the file is laid out unlike the writer would (one line, no spaces).
    auto compact = loadText(userWith(R"("Path":"/","Tags":[{"Key":"k","Value":"v"}])"));
    QVERIFY(compact.value);
    const std::string compactBefore = iamx::workspaceText(*compact.value);
    AccountEdit again(*compact.value);
    QCOMPARE(again.rename(EntityKind::User, "u", "w"), std::string());
    QVERIFY(iamx::workspaceText(*compact.value) != compactBefore);
    QCOMPARE(again.rename(EntityKind::User, "w", "u"), std::string());
    QCOMPARE(iamx::workspaceText(*compact.value), compactBefore);
}

// An edited entity is written from its fields, but members the model does not read (here
// `Extra`, and a `Note` in an attached policy) stay, as do unchanged documents in their form.
void tst_AccountEdit::savedEditKeepsUnknownMembers()
{
    const std::string text = userWith(
            R"("Path": "/", "Extra": {"kept": [1, 2]}, "UserPolicyList": [{"PolicyName": "P", )"
            R"("PolicyDocument": "%7B%22Statement%22%3A%5B%5D%7D"}], "AttachedManagedPolicies": )"
            R"([{"PolicyName": "X", "PolicyArn": "arn:aws:iam::aws:policy/X", "Note": 1}])");
    auto loaded = loadText(text);
    QVERIFY(loaded.value);
    Account &account = *loaded.value;
    AccountEdit edit(account);
    QCOMPARE(edit.rename(EntityKind::User, "u", "v"), std::string());
    QCOMPARE(edit.createInlinePolicy({ DocumentKey::Kind::UserInline, "v", "Q" }, allowAll),
            std::string());
    const std::string saved = iamx::workspaceText(account);
    const Json user = Json::parse(saved)["UserDetailList"][0];
    QVERIFY(user["UserName"] == Json("v"));
    QVERIFY(user["Arn"] == Json("arn:aws:iam::111122223333:user/v"));
    QVERIFY(user["Extra"] == Json::parse(R"({"kept": [1, 2]})"));
    QVERIFY(user["AttachedManagedPolicies"][0]["Note"] == Json(1));
    // The unchanged inline policy is kept in its percent-encoded form; the new one is decoded.
    QVERIFY(user["UserPolicyList"][0]["PolicyDocument"] == Json("%7B%22Statement%22%3A%5B%5D%7D"));
    QVERIFY(user["UserPolicyList"][1]["PolicyDocument"] == Json::parse(allowAll));
    // The member order of the original is kept, new members come after.
    QVERIFY(saved.find("\"Extra\"") < saved.find("\"UserPolicyList\""));
    const Account again = reloaded(account);
    QCOMPARE(again.users().at(0).inlinePolicies.size(), size_t(2));
    QCOMPARE(iamx::workspaceText(again), iamx::workspaceText(reloaded(again)));
}

void tst_AccountEdit::editedRealFileRoundTrip_data()
{
    QTest::addColumn<Files>("files");
    QTest::newRow("small-example") << Files { "small-example.json" };
    QTest::newRow("iam-vulnerable-example") << Files { "iam-vulnerable-example.json" };
    QTest::newRow("example, raw API") << Files { "example-raw.json" };
}

// In the committed real exports, renaming the first user and role leaves every other entity
// as it was and the renamed ones equal to the input but for their name and ARN.
void tst_AccountEdit::editedRealFileRoundTrip()
{
    QFETCH(Files, files);
    auto loaded = loadData(files);
    QVERIFY(loaded.value);
    Account &account = *loaded.value;
    const std::string userName = account.users().at(0).name;
    const std::string roleName = account.roles().at(0).name;
    AccountEdit edit(account);
    QCOMPARE(edit.rename(EntityKind::User, userName, "renamed-user"), std::string());
    QCOMPARE(edit.rename(EntityKind::Role, roleName, "renamed-role"), std::string());
    const std::string saved = iamx::workspaceText(account);
    const Json savedJson = Json::parse(saved, nullptr, false);
    QVERIFY(!savedJson.is_discarded());

    Json expected = awsListsOf(files);
    Json &user = expected["UserDetailList"][0];
    user["UserName"] = "renamed-user";
    user["Arn"] = account.users().at(0).arn;
    Json &role = expected["RoleDetailList"][0];
    role["RoleName"] = "renamed-role";
    role["Arn"] = account.roles().at(0).arn;
    QVERIFY(account.roles().at(0).arn.ends_with("/renamed-role"));
    for (const char *list : awsLists)
        for (size_t i = 0; i < expected[list].size(); ++i)
            QVERIFY2(savedJson[list][i] == expected[list][i],
                    (std::string(list) + "/" + std::to_string(i)).c_str());
    const Account again = reloaded(account);
    QCOMPARE(iamx::workspaceText(again), iamx::workspaceText(reloaded(again)));
}

QTEST_APPLESS_MAIN(tst_AccountEdit)
#include "tst_accountedit.moc"
