#pragma once

#include "model/documentkey.h"
#include "views/commands/accountcommand.h"

// Policy documents: the editor's Apply, and creating and deleting inline policies.

namespace iamx {

/// Replaces the text of the document a key names (the policy editor's Apply: each Apply is its
/// own step, never merged): "Edit DevS3Access", "Edit trust policy of ci-role".
class SetPolicyTextCommand : public AccountCommand
{
public:
    SetPolicyTextCommand(AccountDocument &document, DocumentKey key, const QString &text);

protected:
    std::string change(AccountEdit &edit) const override;

private:
    DocumentKey m_key;
    std::string m_text;
};

/// Adds an inline policy (a UserInline, GroupInline or RoleInline key) with `text`:
/// "New inline policy ReadReports of alice".
class NewInlinePolicyCommand : public AccountCommand
{
public:
    NewInlinePolicyCommand(AccountDocument &document, DocumentKey key, const QString &text);

protected:
    std::string change(AccountEdit &edit) const override;

private:
    DocumentKey m_key;
    std::string m_text;
};

/// "Delete inline policy ReadReports of alice".
class DeleteInlinePolicyCommand : public AccountCommand
{
public:
    DeleteInlinePolicyCommand(AccountDocument &document, DocumentKey key);

protected:
    std::string change(AccountEdit &edit) const override;

private:
    DocumentKey m_key;
};

} // namespace iamx
