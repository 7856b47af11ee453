#pragma once

#include "model/accountedit.h"

#include <QString>
#include <QUndoCommand>

#include <string>

namespace iamx {

class AccountDocument;

/// The base of every edit of the account (style.md, "Undo"): one step on the document's undo
/// stack, named as Edit > Undo shows it ("Attach DevReadOnly to alice"). A command holds names,
/// ARNs and DocumentKeys, never pointers: redo() makes its change() through the document, and
/// undo() takes it back exactly (AccountUndo), so the saved text is byte for byte what it was.
/// Commands never merge: each is its own step.
class AccountCommand : public QUndoCommand
{
public:
    /// Why the change cannot be made to the account now, or an empty string. The document's
    /// push() asks this first and refuses the command, so that a command on the stack always
    /// succeeds.
    QString check() const;
    /// Why the last redo() failed (the account then did not change), or an empty string.
    const QString &error() const { return m_error; }

    void redo() override;
    void undo() override;

protected:
    AccountCommand(AccountDocument &document, const QString &text);
    /// The change, made through `edit`: the first error, or an empty string when it is done.
    virtual std::string change(AccountEdit &edit) const = 0;
    AccountDocument &document() const { return m_document; }
    /// The name people know an entity by (`DevReadOnly` for a policy's ARN), for texts; the
    /// string as given when the account has no such entity.
    static QString nameOf(
            const AccountDocument &document, EntityKind kind, std::string_view entity);

private:
    AccountDocument &m_document;
    AccountUndo m_undo;
    QString m_error;
};

} // namespace iamx
