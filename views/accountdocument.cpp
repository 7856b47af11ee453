#include "accountdocument.h"

#include "resources/demoaccount.h"

#include "model/accountio.h"
#include "views/qtconvert.h"

#include <QFileInfo>
#include <QUndoStack>

#include <string>
#include <utility>

using namespace Qt::StringLiterals;

namespace iamx {

AccountDocument::AccountDocument(QObject *parent)
    : QObject(parent)
    , m_undoStack(std::make_unique<QUndoStack>())
    , m_resolver(std::make_unique<Resolver>(m_account))
{
}

AccountDocument::~AccountDocument() = default;

QString AccountDocument::displayName() const
{
    if (m_fileName.isEmpty())
        return toQString(resources::demoAccountName);
    return QFileInfo(m_fileName).fileName();
}

std::vector<Diagnostic> AccountDocument::load(const QString &path)
{
    return take(loadAccountFiles({ toStdString(path) }), path);
}

std::vector<Diagnostic> AccountDocument::loadDemo()
{
    std::vector<AccountInput> inputs;
    inputs.push_back(
            { std::string(resources::demoAccountName), std::string(resources::demoAccountText()) });
    return take(loadAccount(std::move(inputs)), QString());
}

std::vector<Diagnostic> AccountDocument::take(Parsed<Account> parsed, const QString &fileName)
{
    if (!parsed.value)
        return std::move(parsed.diagnostics);
    m_resolver.reset(); // it refers to the account being replaced
    m_account = std::move(*parsed.value);
    m_resolver = std::make_unique<Resolver>(m_account);
    m_fileName = fileName;
    m_undoStack->clear();
    Q_EMIT accountReset();
    return {};
}

} // namespace iamx
