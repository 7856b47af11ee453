#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace iamx {

/// The seam between the application and its modal dialogs (style.md §4): the windows ask here,
/// and in test mode no modal runs: answers come from queues the test fills and messages are
/// recorded for the test to read.
namespace dialogs {

/// The file to open, or empty when the user cancels.
QString openFileName(QWidget *parent, const QString &caption, const QString &filter);
/// Several files to open at once (the pages of one export), or none when the user cancels.
/// In test mode one queued file name answers, split at `;`.
QStringList openFileNames(QWidget *parent, const QString &caption, const QString &filter);
/// The file to save to, or empty when the user cancels. `suggested` is the proposed name.
QString saveFileName(
        QWidget *parent, const QString &caption, const QString &suggested, const QString &filter);
/// Tells the user about an error.
void showError(QWidget *parent, const QString &title, const QString &text);

/// The answer to "save the changes first?".
enum class SaveAnswer { Save, Discard, Cancel };
SaveAnswer askToSave(QWidget *parent, const QString &text);
/// A yes/no confirmation (deleting something others depend on); true for yes.
bool confirm(QWidget *parent, const QString &title, const QString &text);
/// A line of text (a new name), or empty when the user cancels.
QString askText(
        QWidget *parent, const QString &title, const QString &label, const QString &initial = {});
/// One of `items` (a policy to attach, a group to join), or empty when the user cancels.
QString chooseItem(
        QWidget *parent, const QString &title, const QString &label, const QStringList &items);

/// Test mode: no dialog is shown. Leaving test mode clears the queues and the record.
void setTestMode(bool on);
/// The answer the next openFileName() or saveFileName() gives in test mode (an empty queue
/// answers "cancel").
void setNextFileName(const QString &fileName);
/// The answer the next askToSave() gives in test mode (an empty queue answers Cancel).
void setNextSaveAnswer(SaveAnswer answer);
/// The answer the next confirm() gives in test mode (an empty queue answers no).
void setNextConfirmation(bool yes);
/// The answer the next askText() or chooseItem() gives in test mode (empty queue: cancel).
void setNextText(const QString &text);
/// The texts showError() was given in test mode, oldest first; reading them clears them.
QStringList takeShownErrors();
/// The questions askToSave() and confirm() asked in test mode; reading them clears them.
QStringList takeAskedQuestions();

} // namespace dialogs
} // namespace iamx
