#pragma once

#include "model/account.h"
#include "model/accountindex.h"
#include "model/diagnostic.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

class QProgressDialog;
class QWidget;

namespace iamx {

class AccountDocument;

/// The File menu's work (ui.md, "Files"): open, import, save, save as, recent files, and the
/// prompt before unsaved changes are lost. Files load on a worker thread behind a cancellable
/// progress dialog, so a 100 MB export never freezes the window; the document takes the result
/// on the GUI thread. Errors go through dialogs.h with their file, line and column.
class FileController : public QObject
{
    Q_OBJECT

public:
    /// Works on `document` for `window` (the parent of its dialogs); both outlive it.
    FileController(AccountDocument &document, QWidget *window);
    ~FileController() override;

    /// Asks for an account file and opens it (after asking to save unsaved changes).
    void open();
    /// Opens `paths` as one account (the pages of one export, or a workspace); `fileName` is
    /// what Save writes to (empty: untitled, Save asks). Returns at once; loadFinished() follows.
    void load(const QStringList &paths, const QString &fileName);
    /// Opens `path`, a workspace or an export, as the account of the window.
    void openFile(const QString &path);
    /// Asks for one or more authorization-details files (the pages of one export) and opens
    /// them as a new, untitled account.
    void importFiles();
    /// Saves to the account's file, or asks for one. False when not saved.
    bool save();
    /// Asks for a file and saves there. False when not saved.
    bool saveAs();
    /// Before unsaved changes would be lost: asks whether to save them. False: the user
    /// cancelled, or saving failed, so the caller must not go on.
    bool maybeSave();
    /// Asked first whenever the account is about to be replaced or the window closed (the
    /// editors' changes not applied yet); false stops it.
    void setBeforeDiscard(std::function<bool()> check) { m_beforeDiscard = std::move(check); }
    /// True while a file is loading.
    bool isLoading() const { return !m_progress.isNull(); }

Q_SIGNALS:
    /// A load ended: `ok` when the account was replaced (false: errors shown, or cancelled).
    void loadFinished(bool ok);
    /// The recent files changed (a file was opened or saved).
    void recentFilesChanged();

private:
    void finishLoad(Parsed<Account> parsed, std::unique_ptr<AccountIndex> index,
            std::optional<std::vector<Diagnostic>> findings, const QStringList &paths,
            const QString &fileName);
    void cancelLoad();
    bool saveTo(const QString &path);

    AccountDocument &m_document;
    QWidget *m_window;
    /// Counts loads, so that the result of a cancelled one is recognised and dropped.
    quint64 m_generation = 0;
    QPointer<QProgressDialog> m_progress;
    std::function<bool()> m_beforeDiscard;
};

} // namespace iamx
