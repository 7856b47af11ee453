#include "documentcommands.h"

#include "views/accountdocument.h"
#include "views/qtconvert.h"

#include <QCoreApplication>

#include <utility>

namespace iamx {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("iamx::AccountCommand", text);
}

} // namespace

SetPolicyTextCommand::SetPolicyTextCommand(
        AccountDocument &document, DocumentKey key, const QString &text)
    : AccountCommand(document, tr("Edit %1").arg(toQString(documentTitle(document.account(), key))))
    , m_key(std::move(key))
    , m_text(toStdString(text))
{
}

std::string SetPolicyTextCommand::change(AccountEdit &edit) const
{
    return edit.setDocumentText(m_key, m_text);
}

NewInlinePolicyCommand::NewInlinePolicyCommand(
        AccountDocument &document, DocumentKey key, const QString &text)
    : AccountCommand(document,
            tr("New inline policy %1").arg(toQString(documentTitle(document.account(), key))))
    , m_key(std::move(key))
    , m_text(toStdString(text))
{
}

std::string NewInlinePolicyCommand::change(AccountEdit &edit) const
{
    return edit.createInlinePolicy(m_key, m_text);
}

DeleteInlinePolicyCommand::DeleteInlinePolicyCommand(AccountDocument &document, DocumentKey key)
    : AccountCommand(document,
            tr("Delete inline policy %1").arg(toQString(documentTitle(document.account(), key))))
    , m_key(std::move(key))
{
}

std::string DeleteInlinePolicyCommand::change(AccountEdit &edit) const
{
    return edit.removeInlinePolicy(m_key);
}

} // namespace iamx
