#include "settings.h"

#include <QFileInfo>
#include <QSettings>

#include <memory>

namespace iamx::settings {

// The table: every key and its default.
const Setting<QByteArray> windowGeometry { "window/geometry", {} };
const Setting<QByteArray> windowState { "window/state", {} };
const Setting<bool> presentationMode { "view/presentationMode", false };
const Setting<QString> lastDirectory { "files/lastDirectory", {} };
const Setting<QStringList> recentFileList { "files/recent", {} };

namespace {

std::unique_ptr<QSettings> &storage()
{
    static std::unique_ptr<QSettings> settings;
    return settings;
}

} // namespace

void useFile(const QString &path)
{
    storage() = std::make_unique<QSettings>(path, QSettings::IniFormat);
}

QSettings &store()
{
    auto &settings = storage();
    if (!settings)
        settings = std::make_unique<QSettings>();
    return *settings;
}

template <typename T> T Setting<T>::value() const
{
    const QVariant stored = store().value(QString::fromLatin1(key));
    // A value of the wrong type (a hand-edited file) reads as the default, never as garbage.
    if (!stored.isValid() || !stored.canConvert<T>())
        return defaultValue;
    return stored.value<T>();
}

template <typename T> void Setting<T>::set(const T &value) const
{
    store().setValue(QString::fromLatin1(key), QVariant::fromValue(value));
}

template struct Setting<QByteArray>;
template struct Setting<bool>;
template struct Setting<QString>;
template struct Setting<QStringList>;

QStringList recentFiles()
{
    QStringList kept;
    for (const QString &path : recentFileList.value()) {
        const QFileInfo info(path);
        const QString absolute = info.absoluteFilePath();
        if (info.isFile() && !kept.contains(absolute) && kept.size() < maxRecentFiles)
            kept << absolute;
    }
    if (kept != recentFileList.value())
        recentFileList.set(kept);
    return kept;
}

void addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFileList.value();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > maxRecentFiles)
        files.removeLast();
    recentFileList.set(files);
}

void clearRecentFiles()
{
    recentFileList.set({});
}

} // namespace iamx::settings
