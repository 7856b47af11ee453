#pragma once

#include "views/commands/accountcommand.h"

// Creating, renaming and deleting users, groups, roles and managed policies.

namespace iamx {

/// Creates a user, group, role or customer managed policy: "New user carol".
class NewEntityCommand : public AccountCommand
{
public:
    /// `entity.createDate` is fixed here, so that redo makes the same entity (toIamTimestamp()).
    NewEntityCommand(AccountDocument &document, EntityKind kind, NewEntity entity);

protected:
    std::string change(AccountEdit &edit) const override;

private:
    EntityKind m_kind;
    NewEntity m_entity;
};

/// Renames an entity (by name, ARN or id; a policy by ARN): "Rename user alice to alicia".
class RenameCommand : public AccountCommand
{
public:
    RenameCommand(
            AccountDocument &document, EntityKind kind, std::string entity, std::string newName);

protected:
    std::string change(AccountEdit &edit) const override;

private:
    EntityKind m_kind;
    std::string m_entity;
    std::string m_newName;
};

/// Deletes an entity with what refers to it (dependentsOf() lists that for the confirmation):
/// "Delete group Developers". Undo puts everything back where it was.
class DeleteCommand : public AccountCommand
{
public:
    DeleteCommand(AccountDocument &document, EntityKind kind, std::string entity);

protected:
    std::string change(AccountEdit &edit) const override;

private:
    EntityKind m_kind;
    std::string m_entity;
};

} // namespace iamx
