#pragma once

#include "model/account.h"
#include "model/diagnostic.h"
#include "model/resolver.h"

#include <QObject>
#include <QString>

#include <memory>
#include <vector>

class QUndoStack;

namespace iamx {

/// The open account: its sole owner, with the file it came from and the undo stack of its
/// edits. Views read it through account() and refresh on its signals; they never mutate it.
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
    std::vector<Diagnostic> adopt(
            Parsed<Account> parsed, const QString &fileName, const QString &untitledName = {});
    /// After Save As: the account now lives in `fileName`, and is saved (undo stack clean).
    void markSaved(const QString &fileName);
    /// True while the account differs from its file (the undo stack is not clean).
    bool isModified() const;

Q_SIGNALS:
    /// The whole account was replaced: views rebuild from account().
    void accountReset();
    /// An edit changed the account's contents (an undo command ran): entities may have been
    /// added, removed or renamed. Views refresh from account(), keeping what they can.
    void accountChanged();
    /// The file the account belongs to changed (Save As).
    void fileNameChanged();

private:
    Account m_account;
    QString m_fileName;
    QString m_untitledName;
    std::unique_ptr<QUndoStack> m_undoStack;
    std::unique_ptr<Resolver> m_resolver;
};

} // namespace iamx
