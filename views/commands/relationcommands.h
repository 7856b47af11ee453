#pragma once

#include "views/commands/accountcommand.h"

// Relations between entities: group membership, attached managed policies and permissions
// boundaries. Owners are named by name, ARN or id; policies by ARN.

namespace iamx {

/// "Add alice to Developers".
class AddToGroupCommand : public AccountCommand
{
public:
    AddToGroupCommand(AccountDocument &document, std::string user, std::string group);

protected:
    std::string change(AccountEdit &edit) const override;

private:
    std::string m_user;
    std::string m_group;
};

/// "Remove alice from Developers".
class RemoveFromGroupCommand : public AccountCommand
{
public:
    RemoveFromGroupCommand(AccountDocument &document, std::string user, std::string group);

protected:
    std::string change(AccountEdit &edit) const override;

private:
    std::string m_user;
    std::string m_group;
};

/// Attaches a managed policy to a user, group or role: "Attach DevReadOnly to alice".
class AttachPolicyCommand : public AccountCommand
{
public:
    AttachPolicyCommand(AccountDocument &document, EntityKind ownerKind, std::string owner,
            std::string policyArn);

protected:
    std::string change(AccountEdit &edit) const override;

private:
    EntityKind m_kind;
    std::string m_owner;
    std::string m_policyArn;
};

/// "Detach DevReadOnly from alice".
class DetachPolicyCommand : public AccountCommand
{
public:
    DetachPolicyCommand(AccountDocument &document, EntityKind ownerKind, std::string owner,
            std::string policyArn);

protected:
    std::string change(AccountEdit &edit) const override;

private:
    EntityKind m_kind;
    std::string m_owner;
    std::string m_policyArn;
};

/// Sets or replaces the permissions boundary of a user or role:
/// "Set DevBoundary as permissions boundary of alice".
class SetBoundaryCommand : public AccountCommand
{
public:
    SetBoundaryCommand(AccountDocument &document, EntityKind ownerKind, std::string owner,
            std::string policyArn);

protected:
    std::string change(AccountEdit &edit) const override;

private:
    EntityKind m_kind;
    std::string m_owner;
    std::string m_policyArn;
};

/// "Remove permissions boundary of alice".
class RemoveBoundaryCommand : public AccountCommand
{
public:
    RemoveBoundaryCommand(AccountDocument &document, EntityKind ownerKind, std::string owner);

protected:
    std::string change(AccountEdit &edit) const override;

private:
    EntityKind m_kind;
    std::string m_owner;
};

} // namespace iamx
