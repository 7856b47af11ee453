#include "accountdocument.h"

#include "resources/demoaccount.h"

#include "model/accountio.h"
#include "views/qtconvert.h"

#include <QFileInfo>
#include <QUndoStack>

#include <string>
#include <thread>
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
        return m_untitledName;
    return QFileInfo(m_fileName).fileName();
}

std::vector<Diagnostic> AccountDocument::load(const QString &path)
{
    return adopt(loadAccountFiles({ toStdString(path) }), path);
}

std::vector<Diagnostic> AccountDocument::loadDemo()
{
    std::vector<AccountInput> inputs;
    inputs.push_back(
            { std::string(resources::demoAccountName), std::string(resources::demoAccountText()) });
    return adopt(loadAccount(std::move(inputs)), QString(), toQString(resources::demoAccountName));
}

std::vector<Diagnostic> AccountDocument::adopt(
        Parsed<Account> parsed, const QString &fileName, const QString &untitledName)
{
    if (!parsed.value)
        return std::move(parsed.diagnostics);
    m_resolver.reset(); // it refers to the account being replaced
    // Freeing a large account takes a while (75,000 principals: tens of milliseconds); it owns
    // no Qt objects, so another thread may do it while the window goes on.
    std::thread([old = std::move(m_account)] {}).detach();
    m_account = std::move(*parsed.value);
    m_resolver = std::make_unique<Resolver>(m_account);
    m_fileName = fileName;
    m_untitledName = untitledName.isEmpty() ? tr("untitled") : untitledName;
    m_undoStack->clear();
    Q_EMIT accountReset();
    return {};
}

void AccountDocument::markSaved(const QString &fileName)
{
    m_fileName = fileName;
    m_undoStack->setClean();
    Q_EMIT fileNameChanged();
}

bool AccountDocument::isModified() const
{
    return !m_undoStack->isClean();
}

} // namespace iamx
