#pragma once

#include "model/account.h"
#include "model/accountindex.h"
#include "model/diagnostic.h"
#include "model/resolver.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class QUndoStack;

namespace iamx {

class AccountCommand;
class AccountEdit;
class AccountUndo;

/// The open account: its sole owner, with the file it came from and the undo stack of its
/// edits. Views read it through account() and refresh on its signals; they never mutate it:
/// every edit is an AccountCommand pushed with push() (views/commands/), which changes the
/// account through apply() and revert() only.
class AccountDocument : public QObject
{
    Q_OBJECT

public:
    explicit AccountDocument(QObject *parent = nullptr);
    ~AccountDocument() override;

    const Account &account() const { return m_account; }
    /// The file the account was loaded from or saved to; empty for the built-in demo account
    /// and an imported one that was not saved yet.
    const QString &fileName() const { return m_fileName; }
    /// What the title bar shows: the file's name without its folder, or `demo`.
    QString displayName() const;
    QUndoStack *undoStack() const { return m_undoStack.get(); }
    /// Resolves requests against account(); recreated whenever the account changes, so
    /// never keep a reference across accountReset() or accountChanged().
    const Resolver &resolver() const { return *m_resolver; }
    /// The account's search index (the tree's filter, the completions of the simulate
    /// panel): taken from the loader, else built when first asked after a change. Never keep
    /// a reference across accountReset() or accountChanged().
    const AccountIndex &index() const;
    /// The checks only the whole account allows (model/accountfindings.h): taken from the
    /// loader, else made when first asked after a change. Those that weigh every statement
    /// are left out above this many users and roles: on 85,000 they take seconds.
    const std::vector<Diagnostic> &accountFindings() const;
    static constexpr size_t weighStatementsUpTo = 20'000;
    /// True when accountFindings() is ready without work (it was given or made since the
    /// last change).
    bool hasAccountFindings() const { return m_findings.has_value(); }

    /// Loads an account file. On success the account is replaced, the undo stack cleared,
    /// accountReset() emitted and the result is empty (problems the file still has are in
    /// account().diagnostics()). When the file is not an account, nothing changes and the
    /// errors that prevented loading are returned.
    std::vector<Diagnostic> load(const QString &path);
    /// Loads the built-in classroom account (resources/demo), as load() does.
    std::vector<Diagnostic> loadDemo();
    /// Takes a loaded account (from a background load), as load() does: on success it replaces
    /// the account and the result is empty; otherwise nothing changes and the errors are
    /// returned. An empty `fileName` makes an untitled account (imported, or the demo), shown
    /// as `untitledName` (default "untitled").
    /// `index`, when given, is the account's index built with it (on the loading thread).
    std::vector<Diagnostic> adopt(Parsed<Account> parsed, const QString &fileName,
            const QString &untitledName = {}, std::unique_ptr<AccountIndex> index = {},
            std::optional<std::vector<Diagnostic>> findings = {});

    /// Saves the account to `path` as a workspace, atomically. On success `path` becomes
    /// fileName() (fileNameChanged()) and the undo stack is marked clean (the title loses its
    /// `*`); otherwise the error is returned and nothing changes.
    QString save(const QString &path);
    /// True when the account differs from the file: the undo stack is not at its clean state.
    bool isModified() const;

    /// A change of the account: AccountEdit calls, returning the first error (empty: done).
    using Change = std::function<std::string(AccountEdit &)>;

    /// Pushes `command` (taking ownership) onto the undo stack, which runs it, when its change
    /// can be made now. Otherwise the command is deleted, the account and the stack stay as
    /// they were, and the reason is returned for the GUI to show.
    QString push(AccountCommand *command);
    /// Why `change` cannot be made to the account now, or an empty string; validates only,
    /// so the account never changes.
    QString check(const Change &change) const;
    /// Makes `change` (a command's redo()). On success `undo` gets how to take it back, the
    /// resolver is recreated and accountChanged() emitted; on failure nothing changes, `undo`
    /// is left empty and the error returned.
    QString apply(const Change &change, AccountUndo &undo);
    /// Takes back a change apply() made (a command's undo()): the latest one not yet taken
    /// back, as the undo stack guarantees. The account is then exactly as before it, and
    /// accountChanged() is emitted.
    void revert(const AccountUndo &undo);

Q_SIGNALS:
    /// The whole account was replaced: views rebuild from account().
    void accountReset();
    /// An edit changed the account's contents (an undo command ran): entities may have been
    /// added, removed or renamed. Views refresh from account(), keeping what they can.
    void accountChanged();
    /// The file the account belongs to changed (Save As).
    void fileNameChanged();

private:
    void changed();

    Account m_account;
    QString m_fileName;
    QString m_untitledName;
    std::unique_ptr<QUndoStack> m_undoStack;
    std::unique_ptr<Resolver> m_resolver;
    mutable std::unique_ptr<AccountIndex> m_index; // built when first asked
    mutable std::optional<std::vector<Diagnostic>> m_findings; // made when first asked
};

} // namespace iamx
