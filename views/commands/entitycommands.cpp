#include "entitycommands.h"

#include "views/qtconvert.h"

#include <QCoreApplication>

#include <utility>

namespace iamx {
namespace {

QString kindWord(EntityKind kind)
{
    switch (kind) {
    case EntityKind::User:
        return QCoreApplication::translate("iamx::AccountCommand", "user");
    case EntityKind::Group:
        return QCoreApplication::translate("iamx::AccountCommand", "group");
    case EntityKind::Role:
        return QCoreApplication::translate("iamx::AccountCommand", "role");
    case EntityKind::Policy:
        return QCoreApplication::translate("iamx::AccountCommand", "policy");
    }
    return {};
}

} // namespace

NewEntityCommand::NewEntityCommand(AccountDocument &document, EntityKind kind, NewEntity entity)
    : AccountCommand(document,
            QCoreApplication::translate("iamx::AccountCommand", "New %1 %2")
                    .arg(kindWord(kind), toQString(entity.name)))
    , m_kind(kind)
    , m_entity(std::move(entity))
{
}

std::string NewEntityCommand::change(AccountEdit &edit) const
{
    switch (m_kind) {
    case EntityKind::User:
        return edit.createUser(m_entity);
    case EntityKind::Group:
        return edit.createGroup(m_entity);
    case EntityKind::Role:
        return edit.createRole(m_entity);
    case EntityKind::Policy:
        return edit.createPolicy(m_entity);
    }
    return "unknown kind of entity";
}

RenameCommand::RenameCommand(
        AccountDocument &document, EntityKind kind, std::string entity, std::string newName)
    : AccountCommand(document,
            QCoreApplication::translate("iamx::AccountCommand", "Rename %1 %2 to %3")
                    .arg(kindWord(kind), nameOf(document, kind, entity), toQString(newName)))
    , m_kind(kind)
    , m_entity(std::move(entity))
    , m_newName(std::move(newName))
{
}

std::string RenameCommand::change(AccountEdit &edit) const
{
    return edit.rename(m_kind, m_entity, m_newName);
}

DeleteCommand::DeleteCommand(AccountDocument &document, EntityKind kind, std::string entity)
    : AccountCommand(document,
            QCoreApplication::translate("iamx::AccountCommand", "Delete %1 %2")
                    .arg(kindWord(kind), nameOf(document, kind, entity)))
    , m_kind(kind)
    , m_entity(std::move(entity))
{
}

std::string DeleteCommand::change(AccountEdit &edit) const
{
    return edit.remove(m_kind, m_entity);
}

} // namespace iamx
