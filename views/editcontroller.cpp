#include "editcontroller.h"

#include "model/account.h"
#include "model/accountedit.h"
#include "model/documentkey.h"
#include "views/accountdocument.h"
#include "views/commands/documentcommands.h"
#include "views/commands/entitycommands.h"
#include "views/commands/relationcommands.h"
#include "views/dialogs.h"
#include "views/icons.h"
#include "views/models/accounttreemodel.h"
#include "views/qtconvert.h"

#include <QAction>
#include <QDateTime>
#include <QMenu>

#include <optional>

using namespace Qt::StringLiterals;

namespace iamx {

namespace {

using Kind = AccountTreeModel::NodeKind;

Kind kindOf(const QModelIndex &index)
{
    return index.isValid() ? Kind(index.data(AccountTreeModel::KindRole).toInt()) : Kind::Category;
}

/// A user, group or role of the account, as a row of the tree names it.
struct Owner
{
    EntityKind kind = EntityKind::User;
    std::string name;
    std::string arn;
};

std::optional<Owner> ownerOfRow(const Account &account, const QModelIndex &index)
{
    const std::string arn = toStdString(index.data(AccountTreeModel::ArnRole).toString());
    switch (kindOf(index)) {
    case Kind::User:
        if (const User *user = account.findUser(arn))
            return Owner { EntityKind::User, user->name, user->arn };
        break;
    case Kind::Group:
        if (const Group *group = account.findGroup(arn))
            return Owner { EntityKind::Group, group->name, group->arn };
        break;
    case Kind::Role:
        if (const Role *role = account.findRole(arn))
            return Owner { EntityKind::Role, role->name, role->arn };
        break;
    default:
        break;
    }
    return std::nullopt;
}

bool isTopLevel(const QModelIndex &index)
{
    return kindOf(index.parent()) == Kind::Category;
}

/// The user, group or role a row belongs to: the entity row itself when it is one at the top
/// of its category, else the nearest such ancestor (alice for alice ▸ Developers ▸ a policy).
std::optional<Owner> ownerOf(const Account &account, QModelIndex index)
{
    for (; index.isValid(); index = index.parent())
        if (isTopLevel(index))
            return ownerOfRow(account, index);
    return std::nullopt;
}

/// The policy to set up as the first text of a new one: valid, and granting nothing yet.
const char newPolicyText[] = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n}\n";

QString ownerWords(const Owner &owner)
{
    static const char *const kinds[] = { "user", "group", "role", "policy" };
    return QString::fromLatin1(kinds[int(owner.kind)]) + u' ' + toQString(owner.name);
}

} // namespace

EditController::EditController(AccountDocument &document, QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_window(window)
{
    addAction(tr("New &User…"), u"newUserAction"_s, u"new-user"_s, QKeySequence(tr("Ctrl+Alt+U")),
            &EditController::newUser);
    addAction(tr("New &Group…"), u"newGroupAction"_s, u"new-group"_s,
            QKeySequence(tr("Ctrl+Alt+G")), &EditController::newGroup);
    addAction(tr("New R&ole…"), u"newRoleAction"_s, u"new-role"_s, QKeySequence(tr("Ctrl+Alt+R")),
            &EditController::newRole);
    addAction(tr("New &Policy…"), u"newPolicyAction"_s, u"new-policy"_s,
            QKeySequence(tr("Ctrl+Alt+P")), &EditController::newPolicy);
    m_newInline = addAction(tr("New &Inline Policy…"), u"newInlinePolicyAction"_s, u"new-policy"_s,
            QKeySequence(tr("Ctrl+Alt+I")), &EditController::newInlinePolicy);
    m_actions.push_back(nullptr);
    m_rename = addAction(tr("Re&name…"), u"renameAction"_s, {}, QKeySequence(Qt::Key_F2),
            &EditController::rename);
    m_delete = addAction(tr("&Delete"), u"deleteAction"_s, u"delete"_s, QKeySequence::Delete,
            &EditController::remove);
    m_actions.push_back(nullptr);
    m_addToGroup = addAction(tr("Add to Gro&up…"), u"addToGroupAction"_s, u"new-group"_s,
            QKeySequence(tr("Ctrl+Alt+A")), &EditController::addToGroup);
    m_removeFromGroup = addAction(tr("Remove from Group"), u"removeFromGroupAction"_s, {},
            QKeySequence(tr("Ctrl+Alt+Shift+A")), &EditController::removeFromGroup);
    m_attach = addAction(tr("A&ttach Policy…"), u"attachPolicyAction"_s, u"attach"_s,
            QKeySequence(tr("Ctrl+Alt+T")), &EditController::attachPolicy);
    m_detach = addAction(tr("Detac&h Policy"), u"detachPolicyAction"_s, u"detach"_s,
            QKeySequence(tr("Ctrl+Alt+Shift+T")), &EditController::detachPolicy);
    m_setBoundary = addAction(tr("Set &Boundary…"), u"setBoundaryAction"_s, u"boundary"_s,
            QKeySequence(tr("Ctrl+Alt+B")), &EditController::setBoundary);
    m_removeBoundary = addAction(tr("Remove Boundary"), u"removeBoundaryAction"_s, {},
            QKeySequence(tr("Ctrl+Alt+Shift+B")), &EditController::removeBoundary);
    m_editTrust = addAction(tr("Edit T&rust Policy"), u"editTrustPolicyAction"_s, u"trust-policy"_s,
            QKeySequence(tr("Ctrl+Alt+E")), &EditController::editTrustPolicy);
    connect(&m_document, &AccountDocument::accountChanged, this, &EditController::updateActions);
    connect(&m_document, &AccountDocument::accountReset, this, &EditController::updateActions);
    updateActions();
}

EditController::~EditController() = default;

QAction *EditController::addAction(const QString &text, const QString &objectName,
        const QString &icon, const QKeySequence &shortcut, void (EditController::*slot)())
{
    auto *action = new QAction(text, this);
    action->setObjectName(objectName);
    action->setShortcut(shortcut);
    // Delete and F2 belong to the tree: in the editor they edit text.
    if (shortcut == QKeySequence(QKeySequence::Delete) || shortcut == QKeySequence(Qt::Key_F2))
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    if (!icon.isEmpty())
        action->setIcon(QIcon(icons::path(icon)));
    connect(action, &QAction::triggered, this, slot);
    m_actions.push_back(action);
    return action;
}

void EditController::setTarget(const QModelIndex &index)
{
    m_target = index.siblingAtColumn(0);
    updateActions();
}

void EditController::fillContextMenu(QMenu *menu) const
{
    bool separator = false;
    for (QAction *action : m_actions) {
        if (!action) {
            separator = !menu->isEmpty();
            continue;
        }
        if (!action->isEnabled())
            continue;
        if (separator)
            menu->addSeparator();
        separator = false;
        menu->addAction(action);
    }
}

void EditController::updateActions()
{
    const Account &account = m_document.account();
    const QModelIndex target = m_target;
    const Kind kind = kindOf(target);
    const auto owner = ownerOf(account, target);
    const bool topLevel = target.isValid() && isTopLevel(target);
    const ManagedPolicy *policy = kind == Kind::Policy
            ? account.findPolicy(toStdString(target.data(AccountTreeModel::ArnRole).toString()))
            : nullptr;
    const bool customerPolicy = policy && !policy->isAwsManaged();

    m_newInline->setEnabled(owner.has_value());
    m_rename->setEnabled((topLevel && owner) || customerPolicy);
    // Delete removes what the row stands for: an entity at the top of its category, an inline
    // policy, or the relation a row shows (membership, attachment, boundary).
    const bool relation = !topLevel && target.isValid();
    const Kind parentKind = kindOf(target.parent());
    const bool membership = relation
            && ((kind == Kind::Group && parentKind == Kind::User)
                    || (kind == Kind::User && parentKind == Kind::Group));
    m_removeFromGroup->setEnabled(membership);
    m_detach->setEnabled(kind == Kind::AttachedPolicy && owner.has_value());
    const std::optional<std::string> *boundary = nullptr;
    if (owner && owner->kind == EntityKind::User)
        boundary = &account.findUser(owner->arn)->permissionsBoundaryArn;
    if (owner && owner->kind == EntityKind::Role)
        boundary = &account.findRole(owner->arn)->permissionsBoundaryArn;
    m_removeBoundary->setEnabled(boundary && boundary->has_value());
    m_setBoundary->setEnabled(boundary != nullptr);
    m_addToGroup->setEnabled(owner && owner->kind == EntityKind::User && !account.groups().empty());
    m_attach->setEnabled(owner.has_value() && !account.policies().empty());
    m_editTrust->setEnabled(owner && owner->kind == EntityKind::Role);
    m_delete->setEnabled((topLevel && (owner || customerPolicy)) || kind == Kind::InlinePolicy
            || membership || m_detach->isEnabled()
            || (kind == Kind::Boundary && m_removeBoundary->isEnabled()));
}

bool EditController::push(AccountCommand *command, const QString &what)
{
    const QString error = m_document.push(command);
    if (error.isEmpty())
        return true;
    dialogs::showError(m_window, what, error);
    return false;
}

void EditController::newUser()
{
    const QString name = dialogs::askText(m_window, tr("New user"), tr("User name:"));
    if (!name.isEmpty())
        push(new NewEntityCommand(m_document, EntityKind::User,
                     { toStdString(name), "/", toIamTimestamp(QDateTime::currentDateTimeUtc()),
                             {} }),
                tr("Cannot create the user"));
}

void EditController::newGroup()
{
    const QString name = dialogs::askText(m_window, tr("New group"), tr("Group name:"));
    if (!name.isEmpty())
        push(new NewEntityCommand(m_document, EntityKind::Group,
                     { toStdString(name), "/", toIamTimestamp(QDateTime::currentDateTimeUtc()),
                             {} }),
                tr("Cannot create the group"));
}

void EditController::newRole()
{
    const QString name = dialogs::askText(m_window, tr("New role"),
            tr("Role name (its trust policy lets the account's root assume it; edit it after):"));
    if (!name.isEmpty())
        push(new NewEntityCommand(m_document, EntityKind::Role,
                     { toStdString(name), "/", toIamTimestamp(QDateTime::currentDateTimeUtc()),
                             {} }),
                tr("Cannot create the role"));
}

void EditController::newPolicy()
{
    const QString name =
            dialogs::askText(m_window, tr("New policy"), tr("Customer managed policy name:"));
    if (name.isEmpty())
        return;
    if (!push(new NewEntityCommand(m_document, EntityKind::Policy,
                      { toStdString(name), "/", toIamTimestamp(QDateTime::currentDateTimeUtc()),
                              newPolicyText }),
                tr("Cannot create the policy")))
        return;
    // Open it, to be written: the new policy is the one with that name.
    for (const auto &policy : m_document.account().policies())
        if (policy.name == toStdString(name) && !policy.isAwsManaged())
            Q_EMIT documentRequested(
                    toQString(documentKeyText({ DocumentKey::Kind::Managed, policy.arn, {} })));
}

void EditController::newInlinePolicy()
{
    const auto owner = ownerOf(m_document.account(), m_target);
    if (!owner)
        return;
    const QString name = dialogs::askText(m_window, tr("New inline policy"),
            tr("Name of the inline policy of %1:").arg(ownerWords(*owner)));
    if (name.isEmpty())
        return;
    const DocumentKey::Kind kind = owner->kind == EntityKind::User ? DocumentKey::Kind::UserInline
            : owner->kind == EntityKind::Group                     ? DocumentKey::Kind::GroupInline
                                                                   : DocumentKey::Kind::RoleInline;
    const DocumentKey key { kind, owner->name, toStdString(name) };
    if (push(new NewInlinePolicyCommand(m_document, key, QString::fromLatin1(newPolicyText)),
                tr("Cannot create the inline policy")))
        Q_EMIT documentRequested(toQString(documentKeyText(key)));
}

void EditController::rename()
{
    const Account &account = m_document.account();
    const QModelIndex target = m_target;
    const std::string arn = toStdString(target.data(AccountTreeModel::ArnRole).toString());
    if (kindOf(target) == Kind::Policy) {
        const ManagedPolicy *policy = account.findPolicy(arn);
        if (!policy)
            return;
        const QString name = dialogs::askText(
                m_window, tr("Rename policy"), tr("New name:"), toQString(policy->name));
        if (!name.isEmpty() && name != toQString(policy->name))
            push(new RenameCommand(m_document, EntityKind::Policy, policy->arn, toStdString(name)),
                    tr("Cannot rename the policy"));
        return;
    }
    const auto owner = ownerOf(account, target);
    if (!owner)
        return;
    const QString name = dialogs::askText(m_window, tr("Rename %1").arg(ownerWords(*owner)),
            tr("New name:"), toQString(owner->name));
    if (!name.isEmpty() && name != toQString(owner->name))
        push(new RenameCommand(m_document, owner->kind, owner->arn, toStdString(name)),
                tr("Cannot rename"));
}

void EditController::remove()
{
    const Account &account = m_document.account();
    const QModelIndex target = m_target;
    const Kind kind = kindOf(target);
    if (m_removeFromGroup->isEnabled()) {
        removeFromGroup();
        return;
    }
    if (kind == Kind::AttachedPolicy) {
        detachPolicy();
        return;
    }
    if (kind == Kind::Boundary) {
        removeBoundary();
        return;
    }
    if (kind == Kind::InlinePolicy) {
        const auto key = parseDocumentKey(
                toStdString(target.data(AccountTreeModel::DocumentKeyRole).toString()));
        if (key
                && dialogs::confirm(m_window, tr("Delete inline policy"),
                        tr("Delete the inline policy %1?")
                                .arg(toQString(documentTitle(account, *key)))))
            push(new DeleteInlinePolicyCommand(m_document, *key),
                    tr("Cannot delete the inline policy"));
        return;
    }
    EntityKind entityKind = EntityKind::User;
    std::string entity;
    QString words;
    if (kind == Kind::Policy) {
        const ManagedPolicy *policy =
                account.findPolicy(toStdString(target.data(AccountTreeModel::ArnRole).toString()));
        if (!policy)
            return;
        entityKind = EntityKind::Policy;
        entity = policy->arn;
        words = tr("policy %1").arg(toQString(policy->name));
    } else if (const auto owner = ownerOf(account, target)) {
        entityKind = owner->kind;
        entity = owner->arn;
        words = ownerWords(*owner);
    } else {
        return;
    }
    // What depends on it is listed first, so nobody deletes a group with members by accident.
    QString question = tr("Delete %1?").arg(words);
    const auto dependents = dependentsOf(account, entityKind, entity);
    if (!dependents.empty()) {
        QStringList lines;
        for (const auto &line : dependents)
            lines << u"  • "_s + toQString(line);
        question += u"\n\n"_s + tr("It is removed from:") + u'\n' + lines.join(u'\n');
    }
    if (dialogs::confirm(m_window, tr("Delete"), question))
        push(new DeleteCommand(m_document, entityKind, entity), tr("Cannot delete %1").arg(words));
}

void EditController::addToGroup()
{
    const Account &account = m_document.account();
    const auto owner = ownerOf(account, m_target);
    if (!owner || owner->kind != EntityKind::User)
        return;
    QStringList groups;
    const User *user = account.findUser(owner->arn);
    for (const auto &group : account.groups()) {
        bool member = false;
        for (const auto &name : user->groupNames)
            member = member || name == group.name;
        if (!member)
            groups << toQString(group.name);
    }
    const QString group = dialogs::chooseItem(m_window, tr("Add to group"),
            tr("Add %1 to the group:").arg(toQString(owner->name)), groups);
    if (!group.isEmpty())
        push(new AddToGroupCommand(m_document, owner->name, toStdString(group)),
                tr("Cannot add to the group"));
}

void EditController::removeFromGroup()
{
    const Account &account = m_document.account();
    const QModelIndex target = m_target;
    const QModelIndex parent = target.parent();
    const auto row = ownerOfRow(account, target);
    const auto parentRow = ownerOfRow(account, parent);
    if (!row || !parentRow)
        return;
    const Owner &user = row->kind == EntityKind::User ? *row : *parentRow;
    const Owner &group = row->kind == EntityKind::Group ? *row : *parentRow;
    push(new RemoveFromGroupCommand(m_document, user.name, group.name),
            tr("Cannot remove from the group"));
}

QString EditController::choosePolicy(const QString &title, const QString &label) const
{
    QStringList arns;
    for (const auto &policy : m_document.account().policies())
        arns << toQString(policy.arn);
    return dialogs::chooseItem(m_window, title, label, arns);
}

void EditController::attachPolicy()
{
    const Account &account = m_document.account();
    const auto owner = ownerOf(account, m_target);
    if (!owner)
        return;
    const QString arn = choosePolicy(
            tr("Attach policy"), tr("Attach to %1 the managed policy:").arg(ownerWords(*owner)));
    if (!arn.isEmpty())
        push(new AttachPolicyCommand(m_document, owner->kind, owner->arn, toStdString(arn)),
                tr("Cannot attach the policy"));
}

void EditController::detachPolicy()
{
    const auto owner = ownerOf(m_document.account(), m_target);
    const QString arn = QModelIndex(m_target).data(AccountTreeModel::ArnRole).toString();
    if (owner && !arn.isEmpty())
        push(new DetachPolicyCommand(m_document, owner->kind, owner->arn, toStdString(arn)),
                tr("Cannot detach the policy"));
}

void EditController::setBoundary()
{
    const Account &account = m_document.account();
    const auto owner = ownerOf(account, m_target);
    if (!owner)
        return;
    const QString arn = choosePolicy(tr("Set permissions boundary"),
            tr("Permissions boundary of %1:").arg(ownerWords(*owner)));
    if (!arn.isEmpty())
        push(new SetBoundaryCommand(m_document, owner->kind, owner->arn, toStdString(arn)),
                tr("Cannot set the boundary"));
}

void EditController::removeBoundary()
{
    if (const auto owner = ownerOf(m_document.account(), m_target))
        push(new RemoveBoundaryCommand(m_document, owner->kind, owner->arn),
                tr("Cannot remove the boundary"));
}

void EditController::editTrustPolicy()
{
    const auto owner = ownerOf(m_document.account(), m_target);
    if (owner && owner->kind == EntityKind::Role)
        Q_EMIT documentRequested(
                toQString(documentKeyText({ DocumentKey::Kind::Trust, owner->name, {} })));
}

} // namespace iamx
