#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVariant>

class QSettings;

namespace iamx::settings {

/// One setting: its key and its default, typed (style.md, "Settings"). Every setting is declared
/// below and defined in the one table of settings.cpp; no other file spells a key.
template <typename T> struct Setting
{
    const char *key;
    T defaultValue;

    T value() const;
    void set(const T &value) const;
};

extern const Setting<QByteArray> windowGeometry; ///< QWidget::saveGeometry()
extern const Setting<QByteArray> windowState; ///< QMainWindow::saveState(): docks, toolbars
extern const Setting<bool> presentationMode; ///< View → Presentation mode
extern const Setting<QString> lastDirectory; ///< where the last file dialog was left
extern const Setting<QStringList> recentFileList; ///< raw; use recentFiles()

/// Keeps the settings in `path` (an INI file) instead of the user's settings: `--settings FILE`.
/// Call before the first setting is read.
void useFile(const QString &path);
/// The settings store: the `--settings` file, else the user's (QStandardPaths test mode moves
/// it aside in tests).
QSettings &store();

/// Recent files, newest first: absolute, without duplicates, at most maxRecentFiles, and only
/// those that still exist (the list is pruned as it is read).
constexpr int maxRecentFiles = 10;
QStringList recentFiles();
/// Puts `path` first in the recent files.
void addRecentFile(const QString &path);
void clearRecentFiles();

} // namespace iamx::settings
