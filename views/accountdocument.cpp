#include "accountdocument.h"

#include "resources/demoaccount.h"

#include "model/accountedit.h"
#include "model/accountfindings.h"
#include "model/accountio.h"
#include "views/commands/accountcommand.h"
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

QString AccountDocument::save(const QString &path)
{
    std::string error;
    if (!saveWorkspace(m_account, toStdString(path), error))
        return toQString(error);
    m_fileName = path;
    m_undoStack->setClean();
    Q_EMIT fileNameChanged();
    return {};
}

bool AccountDocument::isModified() const
{
    return !m_undoStack->isClean();
}

QString AccountDocument::push(AccountCommand *command)
{
    std::unique_ptr<AccountCommand> owned(command);
    if (QString error = owned->check(); !error.isEmpty())
        return error;
    m_undoStack->push(owned.release());
    return {};
}

QString AccountDocument::check(const Change &change) const
{
    // A Check-mode edit reads the account only; it needs no const overloads of its own.
    AccountEdit edit(const_cast<Account &>(m_account), AccountEdit::Mode::Check);
    return toQString(change(edit));
}

QString AccountDocument::apply(const Change &change, AccountUndo &undo)
{
    AccountEdit edit(m_account);
    const std::string error = change(edit);
    undo = edit.takeUndo();
    if (!error.empty()) {
        // A change of several edits may have made some before one failed: take them back.
        if (!undo.empty()) {
            AccountEdit::revert(m_account, undo);
            changed();
        }
        undo = AccountUndo();
        return toQString(error);
    }
    if (!undo.empty())
        changed();
    return {};
}

void AccountDocument::revert(const AccountUndo &undo)
{
    if (undo.empty())
        return;
    AccountEdit::revert(m_account, undo);
    changed();
}

const AccountIndex &AccountDocument::index() const
{
    if (!m_index)
        m_index = std::make_unique<AccountIndex>(m_account);
    return *m_index;
}

const std::vector<Diagnostic> &AccountDocument::accountFindings() const
{
    if (!m_findings)
        m_findings = iamx::accountFindings(
                m_account, resolver(), { .weighStatementsUpTo = weighStatementsUpTo });
    return *m_findings;
}

void AccountDocument::changed()
{
    m_index.reset(); // stale: rebuilt when next asked
    m_findings.reset();
    // The resolver caches pointers into the account's entities, which an edit may move.
    m_resolver = std::make_unique<Resolver>(m_account);
    Q_EMIT accountChanged();
}

std::vector<Diagnostic> AccountDocument::adopt(Parsed<Account> parsed, const QString &fileName,
        const QString &untitledName, std::unique_ptr<AccountIndex> index,
        std::optional<std::vector<Diagnostic>> findings)
{
    if (!parsed.value)
        return std::move(parsed.diagnostics);
    m_resolver.reset(); // it refers to the account being replaced
    // Freeing a large account takes a while (75,000 principals: tens of milliseconds); it owns
    // no Qt objects, so another thread may do it while the window goes on.
    std::thread([old = std::move(m_account)] {}).detach();
    m_account = std::move(*parsed.value);
    m_resolver = std::make_unique<Resolver>(m_account);
    m_index = std::move(index);
    m_findings = std::move(findings);
    m_fileName = fileName;
    m_untitledName = untitledName.isEmpty() ? tr("untitled") : untitledName;
    m_undoStack->clear();
    Q_EMIT accountReset();
    return {};
}

} // namespace iamx
