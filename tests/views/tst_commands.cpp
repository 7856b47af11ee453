#include "model/accountio.h"
#include "tests/support/testsupport.h"
#include "views/accountdocument.h"
#include "views/commands/documentcommands.h"
#include "views/commands/entitycommands.h"
#include "views/commands/relationcommands.h"
#include "views/qtconvert.h"

#include <QAction>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <functional>
#include <memory>

// The undo commands of issue #4 on the example account (account-format.md §3): each one
// changes the account as the user asked, is named in Edit > Undo as the user sees it, tells
// the views (accountChanged), and undoes to the saved text byte for byte; a command that
// cannot be done is refused before it reaches the stack.

using namespace Qt::StringLiterals;

using iamx::Account;
using iamx::AccountCommand;
using iamx::AccountDocument;
using iamx::DocumentKey;
using iamx::EntityKind;

using MakeCommand = std::function<AccountCommand *(AccountDocument &)>;
using Check = std::function<bool(const Account &)>;
Q_DECLARE_METATYPE(MakeCommand)
Q_DECLARE_METATYPE(Check)

class tst_Commands : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void commandDoesAndUndoes_data();
    void commandDoesAndUndoes();
    void refusedCommandChangesNothing_data();
    void refusedCommandChangesNothing();
    void eachApplyIsItsOwnStep();
    void cleanStateFollowsSaveAndUndo();
    void undoActionNamesTheEdit();
    void resolverFollowsEdits();

private:
    std::unique_ptr<AccountDocument> m_document;
};

// Declared after the test class: moc 6.4 misreads a raw string literal before it.
namespace {

const std::string devS3 = "arn:aws:iam::111122223333:policy/DevS3Access";
const std::string devBoundary = "arn:aws:iam::111122223333:policy/boundaries/DevBoundary";
const std::string readOnly = "arn:aws:iam::aws:policy/ExampleReadOnlyAccess";
const QString allowAll =
        uR"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})"_s;

iamx::NewEntity entity(std::string name)
{
    return { std::move(name), "/", "2026-03-01T12:00:00+00:00", {} };
}

bool hasGroup(const iamx::User *user, const std::string &group)
{
    return user
            && std::find(user->groupNames.begin(), user->groupNames.end(), group)
            != user->groupNames.end();
}

} // namespace

void tst_Commands::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_Commands::init()
{
    QTest::failOnWarning(QRegularExpression(u"^(?!This plugin does not support ).*"_s));
    m_document = std::make_unique<AccountDocument>();
    const auto errors = m_document->load(
            QString::fromStdString(iamx::test::testDataPath("accounts/example.json")));
    QVERIFY(errors.empty());
}

void tst_Commands::commandDoesAndUndoes_data()
{
    QTest::addColumn<MakeCommand>("make");
    QTest::addColumn<QString>("text");
    QTest::addColumn<Check>("done");

    using Kind = DocumentKey::Kind;
    const auto row = [](const char *name, MakeCommand make, const QString &text, Check done) {
        QTest::newRow(name) << make << text << done;
    };
    row(
            "new user",
            [](AccountDocument &d) {
                return new iamx::NewEntityCommand(d, EntityKind::User, entity("carol"));
            },
            u"New user carol"_s, [](const Account &a) { return a.findUser("carol") != nullptr; });
    row(
            "new group",
            [](AccountDocument &d) {
                return new iamx::NewEntityCommand(d, EntityKind::Group, entity("Testers"));
            },
            u"New group Testers"_s,
            [](const Account &a) { return a.findGroup("Testers") != nullptr; });
    row(
            "new role",
            [](AccountDocument &d) {
                return new iamx::NewEntityCommand(d, EntityKind::Role, entity("batch"));
            },
            u"New role batch"_s, [](const Account &a) { return a.findRole("batch") != nullptr; });
    row(
            "new policy",
            [](AccountDocument &d) {
                return new iamx::NewEntityCommand(d, EntityKind::Policy, entity("ReadAll"));
            },
            u"New policy ReadAll"_s,
            [](const Account &a) {
                return a.findPolicy("arn:aws:iam::111122223333:policy/ReadAll") != nullptr;
            });
    row(
            "rename user",
            [](AccountDocument &d) {
                return new iamx::RenameCommand(d, EntityKind::User, "alice", "alicia");
            },
            u"Rename user alice to alicia"_s,
            [](const Account &a) {
                return !a.findUser("alice") && a.findUser("alicia")
                        && a.findUser("alicia")->arn == "arn:aws:iam::111122223333:user/alicia";
            });
    row(
            "rename group",
            [](AccountDocument &d) {
                return new iamx::RenameCommand(d, EntityKind::Group, "Developers", "Eng");
            },
            u"Rename group Developers to Eng"_s,
            [](const Account &a) { return hasGroup(a.findUser("alice"), "Eng"); });
    row(
            "rename policy",
            [](AccountDocument &d) {
                return new iamx::RenameCommand(d, EntityKind::Policy, devS3, "DevS3");
            },
            u"Rename policy DevS3Access to DevS3"_s,
            [](const Account &a) {
                return a.findUser("alice")->attachedPolicies.at(0).arn
                        == "arn:aws:iam::111122223333:policy/DevS3";
            });
    row(
            "delete group",
            [](AccountDocument &d) {
                return new iamx::DeleteCommand(d, EntityKind::Group, "Developers");
            },
            u"Delete group Developers"_s,
            [](const Account &a) {
                return !a.findGroup("Developers") && !hasGroup(a.findUser("alice"), "Developers");
            });
    row(
            "delete policy",
            [](AccountDocument &d) {
                return new iamx::DeleteCommand(d, EntityKind::Policy, devBoundary);
            },
            u"Delete policy DevBoundary"_s,
            [](const Account &a) { return !a.findUser("alice")->permissionsBoundaryArn; });
    row(
            "delete role",
            [](AccountDocument &d) {
                return new iamx::DeleteCommand(d, EntityKind::Role, "deployer");
            },
            u"Delete role deployer"_s, [](const Account &a) { return !a.findRole("deployer"); });
    row(
            "add to group",
            [](AccountDocument &d) { return new iamx::AddToGroupCommand(d, "bob", "Developers"); },
            u"Add bob to Developers"_s,
            [](const Account &a) { return hasGroup(a.findUser("bob"), "Developers"); });
    row(
            "remove from group",
            [](AccountDocument &d) {
                return new iamx::RemoveFromGroupCommand(d, "alice", "Auditors");
            },
            u"Remove alice from Auditors"_s,
            [](const Account &a) { return !hasGroup(a.findUser("alice"), "Auditors"); });
    row(
            "attach",
            [](AccountDocument &d) {
                return new iamx::AttachPolicyCommand(d, EntityKind::User, "bob", readOnly);
            },
            u"Attach ExampleReadOnlyAccess to bob"_s,
            [](const Account &a) { return a.findUser("bob")->attachedPolicies.size() == 1; });
    row(
            "detach",
            [](AccountDocument &d) {
                return new iamx::DetachPolicyCommand(d, EntityKind::Role, "deployer", devS3);
            },
            u"Detach DevS3Access from deployer"_s,
            [](const Account &a) { return a.findRole("deployer")->attachedPolicies.empty(); });
    row(
            "set boundary",
            [](AccountDocument &d) {
                return new iamx::SetBoundaryCommand(d, EntityKind::User, "bob", devBoundary);
            },
            u"Set DevBoundary as permissions boundary of bob"_s,
            [](const Account &a) {
                return a.findUser("bob")->permissionsBoundaryArn == devBoundary;
            });
    row(
            "remove boundary",
            [](AccountDocument &d) {
                return new iamx::RemoveBoundaryCommand(d, EntityKind::Role, "deployer");
            },
            u"Remove permissions boundary of deployer"_s,
            [](const Account &a) { return !a.findRole("deployer")->permissionsBoundaryArn; });
    row(
            "edit trust policy",
            [](AccountDocument &d) {
                return new iamx::SetPolicyTextCommand(d, { Kind::Trust, "ec2-app", "" }, allowAll);
            },
            u"Edit trust policy of ec2-app"_s,
            [](const Account &a) {
                return a.findRole("ec2-app")->trustPolicy.text() == iamx::toStdString(allowAll);
            });
    row(
            "edit managed policy",
            [](AccountDocument &d) {
                return new iamx::SetPolicyTextCommand(d, { Kind::Managed, devS3, "" }, allowAll);
            },
            u"Edit DevS3Access"_s,
            [](const Account &a) {
                return a.findPolicy(devS3)->defaultPolicyVersion()->document.text()
                        == iamx::toStdString(allowAll);
            });
    row(
            "new inline policy",
            [](AccountDocument &d) {
                return new iamx::NewInlinePolicyCommand(
                        d, { Kind::UserInline, "bob", "ReadAll" }, allowAll);
            },
            u"New inline policy ReadAll of bob"_s,
            [](const Account &a) { return a.findUser("bob")->inlinePolicies.size() == 1; });
    row(
            "delete inline policy",
            [](AccountDocument &d) {
                return new iamx::DeleteInlinePolicyCommand(
                        d, { Kind::GroupInline, "Developers", "DenyProdBuckets" });
            },
            u"Delete inline policy DenyProdBuckets of Developers"_s,
            [](const Account &a) { return a.findGroup("Developers")->inlinePolicies.empty(); });
}

// Redo changes the account, undo gives back the saved text byte for byte, redo again gives
// the same account as the first time; the views hear of every step.
void tst_Commands::commandDoesAndUndoes()
{
    QFETCH(MakeCommand, make);
    QFETCH(QString, text);
    QFETCH(Check, done);

    AccountDocument &document = *m_document;
    QSignalSpy changed(&document, &AccountDocument::accountChanged);
    QSignalSpy reset(&document, &AccountDocument::accountReset);
    const std::string before = iamx::workspaceText(document.account());

    QCOMPARE(document.push(make(document)), QString());
    QUndoStack *stack = document.undoStack();
    QCOMPARE(stack->count(), 1);
    QCOMPARE(stack->undoText(), text);
    QVERIFY(done(document.account()));
    QCOMPARE(changed.count(), 1);
    const std::string after = iamx::workspaceText(document.account());
    QVERIFY(after != before);
    // What is saved loads back with the change.
    const auto reloaded = iamx::loadAccount({ { "saved.json", after } });
    QVERIFY(reloaded.value);
    QVERIFY(done(*reloaded.value));

    stack->undo();
    QCOMPARE(changed.count(), 2);
    QCOMPARE(iamx::workspaceText(document.account()), before);
    QVERIFY(!done(document.account()));
    QCOMPARE(stack->redoText(), text);

    stack->redo();
    QCOMPARE(changed.count(), 3);
    QCOMPARE(iamx::workspaceText(document.account()), after);
    QCOMPARE(reset.count(), 0); // an edit is not a reload: views keep their state
}

void tst_Commands::refusedCommandChangesNothing_data()
{
    QTest::addColumn<MakeCommand>("make");
    QTest::addColumn<QString>("says");

    using Kind = DocumentKey::Kind;
    QTest::newRow("user exists") << MakeCommand([](AccountDocument &d) {
        return new iamx::NewEntityCommand(d, EntityKind::User, entity("Alice"));
    }) << u"exists already"_s;
    QTest::newRow("invalid name") << MakeCommand([](AccountDocument &d) {
        return new iamx::RenameCommand(d, EntityKind::Role, "deployer", "de ployer");
    }) << u"letters, digits"_s;
    QTest::newRow("unknown user") << MakeCommand([](AccountDocument &d) {
        return new iamx::DeleteCommand(d, EntityKind::User, "mallory");
    }) << u"no user mallory"_s;
    QTest::newRow("already attached") << MakeCommand([](AccountDocument &d) {
        return new iamx::AttachPolicyCommand(d, EntityKind::User, "alice", devS3);
    }) << u"already"_s;
    QTest::newRow("not a member") << MakeCommand([](AccountDocument &d) {
        return new iamx::RemoveFromGroupCommand(d, "bob", "Developers");
    }) << u"not a member"_s;
    QTest::newRow("text not JSON") << MakeCommand([](AccountDocument &d) {
        return new iamx::SetPolicyTextCommand(d, { Kind::Trust, "deployer", "" }, u"{"_s);
    }) << u"not valid JSON"_s;
    QTest::newRow("AWS managed") << MakeCommand([](AccountDocument &d) {
        return new iamx::SetPolicyTextCommand(d, { Kind::Managed, readOnly, "" }, allowAll);
    }) << u"AWS managed"_s;
}

void tst_Commands::refusedCommandChangesNothing()
{
    QFETCH(MakeCommand, make);
    QFETCH(QString, says);

    AccountDocument &document = *m_document;
    QSignalSpy changed(&document, &AccountDocument::accountChanged);
    const std::string before = iamx::workspaceText(document.account());
    const QString error = document.push(make(document));
    QVERIFY2(error.contains(says), qPrintable(error));
    QCOMPARE(document.undoStack()->count(), 0);
    QCOMPARE(changed.count(), 0);
    QVERIFY(!document.isModified());
    QCOMPARE(iamx::workspaceText(document.account()), before);
}

// The policy editor's Apply: each one is a step of its own, undone one at a time.
void tst_Commands::eachApplyIsItsOwnStep()
{
    AccountDocument &document = *m_document;
    const DocumentKey key { DocumentKey::Kind::UserInline, "alice", "ManageOwnAccessKeys" };
    const std::string original(iamx::findDocument(document.account(), key)->text());
    const QString first = uR"({"Statement": []})"_s;
    QCOMPARE(document.push(new iamx::SetPolicyTextCommand(document, key, first)), QString());
    QCOMPARE(document.push(new iamx::SetPolicyTextCommand(document, key, allowAll)), QString());
    QCOMPARE(document.undoStack()->count(), 2);
    QCOMPARE(document.undoStack()->undoText(), u"Edit ManageOwnAccessKeys of alice"_s);
    document.undoStack()->undo();
    QCOMPARE(iamx::toQString(iamx::findDocument(document.account(), key)->text()), first);
    document.undoStack()->undo();
    QCOMPARE(std::string(iamx::findDocument(document.account(), key)->text()), original);
}

// The title's `*` follows the undo stack's clean state: set by a change, cleared by undoing
// it or by saving.
void tst_Commands::cleanStateFollowsSaveAndUndo()
{
    AccountDocument &document = *m_document;
    QSignalSpy clean(document.undoStack(), &QUndoStack::cleanChanged);
    QVERIFY(!document.isModified());
    QCOMPARE(document.push(new iamx::AddToGroupCommand(document, "bob", "Developers")), QString());
    QVERIFY(document.isModified());
    document.undoStack()->undo();
    QVERIFY(!document.isModified());
    document.undoStack()->redo();
    QVERIFY(document.isModified());

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"saved.json"_s);
    QCOMPARE(document.save(path), QString());
    QVERIFY(!document.isModified());
    QCOMPARE(document.fileName(), path);
    QCOMPARE(clean.count(), 4);
    // Undoing past the save modifies it again.
    document.undoStack()->undo();
    QVERIFY(document.isModified());

    const QString error = document.save(dir.filePath(u"missing/saved.json"_s));
    QVERIFY(!error.isEmpty());
    QVERIFY(document.isModified());
    QCOMPARE(document.fileName(), path);
}

// What Edit > Undo and Edit > Redo say (ui.md: "Undo Attach DevReadOnly to alice").
void tst_Commands::undoActionNamesTheEdit()
{
    AccountDocument &document = *m_document;
    std::unique_ptr<QAction> undo(document.undoStack()->createUndoAction(nullptr));
    std::unique_ptr<QAction> redo(document.undoStack()->createRedoAction(nullptr));
    QVERIFY(!undo->isEnabled());
    QCOMPARE(document.push(
                     new iamx::AttachPolicyCommand(document, EntityKind::Group, "Auditors", devS3)),
            QString());
    QVERIFY(undo->isEnabled());
    QCOMPARE(undo->text(), u"Undo Attach DevS3Access to Auditors"_s);
    undo->trigger();
    QCOMPARE(redo->text(), u"Redo Attach DevS3Access to Auditors"_s);
    QVERIFY(!undo->isEnabled());
}

// The document's resolver answers from the changed account after every step (it caches
// pointers into the account, so it is recreated).
void tst_Commands::resolverFollowsEdits()
{
    AccountDocument &document = *m_document;
    std::string error;
    QVERIFY(document.resolver().findPrincipal("bob", "", error));
    QCOMPARE(document.push(new iamx::RenameCommand(document, EntityKind::User, "bob", "robert")),
            QString());
    QVERIFY(!document.resolver().findPrincipal("bob", "", error));
    const auto robert = document.resolver().findPrincipal("robert", "", error);
    QVERIFY2(robert, error.c_str());
    QCOMPARE(robert->user->name, std::string("robert"));
    QCOMPARE(
            document.push(new iamx::DeleteCommand(document, EntityKind::User, "alice")), QString());
    QVERIFY(document.resolver().findPrincipal("robert", "", error));
    document.undoStack()->undo();
    document.undoStack()->undo();
    QVERIFY(document.resolver().findPrincipal("bob", "", error));
    QVERIFY(document.resolver().findPrincipal("alice", "", error));
}

QTEST_MAIN(tst_Commands)
#include "tst_commands.moc"
