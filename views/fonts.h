#pragma once

#include <QApplication>
#include <QFont>
#include <QFontDatabase>

// Fonts that follow the application font, which View → Presentation mode enlarges about 1.6×:
// widgets that need a font of their own build it from these, and again on
// QEvent::ApplicationFontChange, so nothing stays small on a projector.

namespace iamx::fonts {

/// The fixed-pitch font of policy documents, as large as the application's text.
inline QFont editorFont()
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSizeF(QApplication::font().pointSizeF());
    return font;
}

/// The application's font, `factor` times as large, bold or not (titles, the decision).
inline QFont scaledFont(qreal factor, bool bold)
{
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

} // namespace iamx::fonts
