#include "filecontroller.h"

#include "model/accountfindings.h"
#include "model/accountio.h"
#include "views/accountdocument.h"
#include "views/dialogs.h"
#include "views/qtconvert.h"
#include "views/settings.h"

#include <QFileInfo>
#include <QLocale>
#include <QProgressDialog>
#include <QThread>
#include <QWidget>

#include <memory>
#include <optional>
#include <string>
#include <utility>

using namespace Qt::StringLiterals;

namespace iamx {

namespace {

const QString accountFilter()
{
    return QObject::tr("Accounts (*.json);;All files (*)");
}

QString errorText(const std::vector<Diagnostic> &diagnostics)
{
    QStringList lines;
    for (const auto &diagnostic : diagnostics)
        lines << toQString(formatDiagnostic(diagnostic));
    return lines.join(u'\n');
}

} // namespace

FileController::FileController(AccountDocument &document, QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_window(window)
{
}

FileController::~FileController() = default;

void FileController::open()
{
    if (!maybeSave())
        return;
    const QString path = dialogs::openFileName(m_window, tr("Open account"), accountFilter());
    if (!path.isEmpty())
        load({ path }, path);
}

void FileController::openFile(const QString &path)
{
    load({ path }, path);
}

void FileController::importFiles()
{
    if (!maybeSave())
        return;
    const QStringList paths = dialogs::openFileNames(m_window,
            tr("Import authorization details (every page of one export)"), accountFilter());
    if (!paths.isEmpty())
        load(paths, QString());
}

void FileController::load(const QStringList &paths, const QString &fileName)
{
    cancelLoad();
    const quint64 generation = ++m_generation;
    qint64 bytes = 0;
    std::vector<std::string> files;
    for (const QString &path : paths) {
        bytes += QFileInfo(path).size();
        files.push_back(toStdString(path));
    }

    // Busy, not a percentage: the loader reports no progress, but the window stays responsive
    // and the user may cancel. Small files finish before the dialog would appear.
    m_progress = new QProgressDialog(m_window);
    m_progress->setObjectName(u"loadProgress"_s);
    m_progress->setWindowTitle(tr("Opening account"));
    m_progress->setLabelText(
            tr("Loading %1 (%2)…")
                    .arg(QFileInfo(paths.value(0)).fileName(), QLocale().formattedDataSize(bytes)));
    m_progress->setRange(0, 0);
    m_progress->setMinimumDuration(400);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, this, &FileController::cancelLoad);

    struct Loaded
    {
        std::optional<Parsed<Account>> account;
        std::unique_ptr<AccountIndex> index;
        std::optional<std::vector<Diagnostic>> findings;
    };
    auto result = std::make_shared<Loaded>();
    QThread *worker = QThread::create([files, result] {
        result->account = loadAccountFiles(files);
        // The search index reads every document: built here, it costs the window nothing.
        // So are the account-wide checks (they compile every trust policy).
        if (result->account->value) {
            result->index = std::make_unique<AccountIndex>(*result->account->value);
            result->findings = accountFindings(*result->account->value,
                    { .weighStatementsUpTo = AccountDocument::weighStatementsUpTo });
        }
    });
    worker->setObjectName(u"accountLoader"_s);
    // The worker is not a child: it may outlive the controller (a cancelled load runs on and
    // drops its result), and deletes itself when done.
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &QThread::finished, this, [this, generation, result, paths, fileName] {
        if (generation != m_generation || !result->account)
            return; // cancelled, or superseded by a later load
        finishLoad(std::move(*result->account), std::move(result->index),
                std::move(result->findings), paths, fileName);
    });
    worker->start();
}

void FileController::finishLoad(Parsed<Account> parsed, std::unique_ptr<AccountIndex> index,
        std::optional<std::vector<Diagnostic>> findings, const QStringList &paths,
        const QString &fileName)
{
    if (m_progress)
        m_progress->deleteLater();
    m_progress.clear();
    const QString untitled = fileName.isEmpty() ? tr("imported") : QString();
    const auto errors = m_document.adopt(
            std::move(parsed), fileName, untitled, std::move(index), std::move(findings));
    if (!errors.empty()) {
        dialogs::showError(m_window, tr("Cannot open the account"),
                tr("%1 is not an account that can be opened:\n\n%2")
                        .arg(paths.join(u", "_s), errorText(errors)));
        Q_EMIT loadFinished(false);
        return;
    }
    if (!fileName.isEmpty()) {
        settings::addRecentFile(fileName);
        Q_EMIT recentFilesChanged();
    }
    Q_EMIT loadFinished(true);
}

void FileController::cancelLoad()
{
    if (!m_progress)
        return;
    ++m_generation; // the running load's result is dropped when it arrives
    m_progress->deleteLater();
    m_progress.clear();
    Q_EMIT loadFinished(false);
}

bool FileController::save()
{
    if (m_document.fileName().isEmpty())
        return saveAs();
    return saveTo(m_document.fileName());
}

bool FileController::saveAs()
{
    const QString suggested = m_document.fileName().isEmpty()
            ? m_document.displayName() + u".json"_s
            : m_document.fileName();
    const QString path =
            dialogs::saveFileName(m_window, tr("Save account as"), suggested, accountFilter());
    return !path.isEmpty() && saveTo(path);
}

bool FileController::saveTo(const QString &path)
{
    if (const QString error = m_document.save(path); !error.isEmpty()) {
        dialogs::showError(m_window, tr("Cannot save the account"),
                tr("The account was not saved:\n\n%1").arg(error));
        return false;
    }
    settings::addRecentFile(path);
    Q_EMIT recentFilesChanged();
    return true;
}

bool FileController::maybeSave()
{
    if (m_beforeDiscard && !m_beforeDiscard())
        return false;
    if (!m_document.isModified())
        return true;
    switch (dialogs::askToSave(m_window,
            tr("%1 has changes that are not saved. Save them first?")
                    .arg(m_document.displayName()))) {
    case dialogs::SaveAnswer::Save:
        return save();
    case dialogs::SaveAnswer::Discard:
        return true;
    case dialogs::SaveAnswer::Cancel:
        return false;
    }
    return false;
}

} // namespace iamx
