#include "accountcommand.h"

#include "views/accountdocument.h"
#include "views/qtconvert.h"

namespace iamx {

AccountCommand::AccountCommand(AccountDocument &document, const QString &text)
    : QUndoCommand(text)
    , m_document(document)
{
}

QString AccountCommand::nameOf(
        const AccountDocument &document, EntityKind kind, std::string_view entity)
{
    const Account &account = document.account();
    const std::string *name = nullptr;
    switch (kind) {
    case EntityKind::User:
        if (const User *user = account.findUser(entity))
            name = &user->name;
        break;
    case EntityKind::Group:
        if (const Group *group = account.findGroup(entity))
            name = &group->name;
        break;
    case EntityKind::Role:
        if (const Role *role = account.findRole(entity))
            name = &role->name;
        break;
    case EntityKind::Policy:
        if (const ManagedPolicy *policy = account.findPolicy(entity))
            name = &policy->name;
        break;
    }
    return toQString(name ? std::string_view(*name) : entity);
}

QString AccountCommand::check() const
{
    return m_document.check([this](AccountEdit &edit) { return change(edit); });
}

void AccountCommand::redo()
{
    m_error = m_document.apply([this](AccountEdit &edit) { return change(edit); }, m_undo);
}

void AccountCommand::undo()
{
    m_document.revert(m_undo);
    m_undo = AccountUndo();
}

} // namespace iamx
