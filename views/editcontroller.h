#pragma once

#include <QModelIndex>
#include <QObject>
#include <QString>

#include <vector>

class QAction;
class QMenu;
class QWidget;

namespace iamx {

class AccountDocument;
class AccountCommand;

/// The Edit menu's account edits and the account tree's context menu (ui.md, "Editing the
/// account"): new user, group, role, policy and inline policy; rename; delete (listing what
/// depends on it first); add to and remove from a group; attach and detach a policy; set and
/// remove a boundary; edit a trust policy. Each acts on the tree's current row, asks what it
/// needs through dialogs.h and pushes one undo command; a refused edit shows why.
class EditController : public QObject
{
    Q_OBJECT

public:
    /// Edits `document` for `window` (the parent of its dialogs); both outlive it.
    EditController(AccountDocument &document, QWidget *window);
    ~EditController() override;

    /// The row the edits act on (the account tree's current one); updates which are enabled.
    void setTarget(const QModelIndex &index);
    QModelIndex target() const { return m_target; }

    /// The actions in menu order; null entries stand for separators.
    const std::vector<QAction *> &actions() const { return m_actions; }
    /// Fills `menu` with the actions that apply to the target (the tree's context menu).
    void fillContextMenu(QMenu *menu) const;

Q_SIGNALS:
    /// An edit asks to show a document (a new inline policy, a trust policy to edit).
    void documentRequested(const QString &documentKey);

private:
    QAction *addAction(const QString &text, const QString &objectName, const QString &icon,
            const QKeySequence &shortcut, void (EditController::*slot)());
    void updateActions();
    /// Pushes `command`; a refusal is shown as an error. False when refused.
    bool push(AccountCommand *command, const QString &what);
    /// Asks for one of the account's managed policies; its ARN, or empty when cancelled.
    QString choosePolicy(const QString &title, const QString &label) const;

    void newUser();
    void newGroup();
    void newRole();
    void newPolicy();
    void newInlinePolicy();
    void rename();
    void remove();
    void addToGroup();
    void removeFromGroup();
    void attachPolicy();
    void detachPolicy();
    void setBoundary();
    void removeBoundary();
    void editTrustPolicy();

    AccountDocument &m_document;
    QWidget *m_window;
    QPersistentModelIndex m_target;
    std::vector<QAction *> m_actions;
    QAction *m_newInline = nullptr;
    QAction *m_rename = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_addToGroup = nullptr;
    QAction *m_removeFromGroup = nullptr;
    QAction *m_attach = nullptr;
    QAction *m_detach = nullptr;
    QAction *m_setBoundary = nullptr;
    QAction *m_removeBoundary = nullptr;
    QAction *m_editTrust = nullptr;
};

} // namespace iamx
