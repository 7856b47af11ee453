#include "relationcommands.h"

#include <QCoreApplication>

#include <utility>

namespace iamx {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("iamx::AccountCommand", text);
}

} // namespace

AddToGroupCommand::AddToGroupCommand(AccountDocument &document, std::string user, std::string group)
    : AccountCommand(document,
            tr("Add %1 to %2")
                    .arg(nameOf(document, EntityKind::User, user),
                            nameOf(document, EntityKind::Group, group)))
    , m_user(std::move(user))
    , m_group(std::move(group))
{
}

std::string AddToGroupCommand::change(AccountEdit &edit) const
{
    return edit.addToGroup(m_user, m_group);
}

RemoveFromGroupCommand::RemoveFromGroupCommand(
        AccountDocument &document, std::string user, std::string group)
    : AccountCommand(document,
            tr("Remove %1 from %2")
                    .arg(nameOf(document, EntityKind::User, user),
                            nameOf(document, EntityKind::Group, group)))
    , m_user(std::move(user))
    , m_group(std::move(group))
{
}

std::string RemoveFromGroupCommand::change(AccountEdit &edit) const
{
    return edit.removeFromGroup(m_user, m_group);
}

AttachPolicyCommand::AttachPolicyCommand(
        AccountDocument &document, EntityKind ownerKind, std::string owner, std::string policyArn)
    : AccountCommand(document,
            tr("Attach %1 to %2")
                    .arg(nameOf(document, EntityKind::Policy, policyArn),
                            nameOf(document, ownerKind, owner)))
    , m_kind(ownerKind)
    , m_owner(std::move(owner))
    , m_policyArn(std::move(policyArn))
{
}

std::string AttachPolicyCommand::change(AccountEdit &edit) const
{
    return edit.attachPolicy(m_kind, m_owner, m_policyArn);
}

DetachPolicyCommand::DetachPolicyCommand(
        AccountDocument &document, EntityKind ownerKind, std::string owner, std::string policyArn)
    : AccountCommand(document,
            tr("Detach %1 from %2")
                    .arg(nameOf(document, EntityKind::Policy, policyArn),
                            nameOf(document, ownerKind, owner)))
    , m_kind(ownerKind)
    , m_owner(std::move(owner))
    , m_policyArn(std::move(policyArn))
{
}

std::string DetachPolicyCommand::change(AccountEdit &edit) const
{
    return edit.detachPolicy(m_kind, m_owner, m_policyArn);
}

SetBoundaryCommand::SetBoundaryCommand(
        AccountDocument &document, EntityKind ownerKind, std::string owner, std::string policyArn)
    : AccountCommand(document,
            tr("Set %1 as permissions boundary of %2")
                    .arg(nameOf(document, EntityKind::Policy, policyArn),
                            nameOf(document, ownerKind, owner)))
    , m_kind(ownerKind)
    , m_owner(std::move(owner))
    , m_policyArn(std::move(policyArn))
{
}

std::string SetBoundaryCommand::change(AccountEdit &edit) const
{
    return edit.setBoundary(m_kind, m_owner, m_policyArn);
}

RemoveBoundaryCommand::RemoveBoundaryCommand(
        AccountDocument &document, EntityKind ownerKind, std::string owner)
    : AccountCommand(document,
            tr("Remove permissions boundary of %1").arg(nameOf(document, ownerKind, owner)))
    , m_kind(ownerKind)
    , m_owner(std::move(owner))
{
}

std::string RemoveBoundaryCommand::change(AccountEdit &edit) const
{
    return edit.removeBoundary(m_kind, m_owner);
}

} // namespace iamx
