#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace iamx {

/// The seam between the application and its modal dialogs (style.md §4): the windows ask here,
/// and in test mode no modal runs: file names come from a queue the test fills and messages
/// are recorded for the test to read.
namespace dialogs {

/// The file to open, or empty when the user cancels.
QString openFileName(QWidget *parent, const QString &caption, const QString &filter);
/// Tells the user about an error.
void showError(QWidget *parent, const QString &title, const QString &text);

/// Test mode: no dialog is shown. Leaving test mode clears the queue and the record.
void setTestMode(bool on);
/// The answer the next openFileName() gives in test mode (an empty queue answers "cancel").
void setNextFileName(const QString &fileName);
/// The texts showError() was given in test mode, oldest first; reading them clears them.
QStringList takeShownErrors();

} // namespace dialogs
} // namespace iamx
