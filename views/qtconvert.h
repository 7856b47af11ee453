#pragma once

#include <QString>

#include <string>
#include <string_view>

// The one place where the model's UTF-8 std::string meets Qt's QString (style.md, "A visible
// seam"): views/ converts through these helpers only.

namespace iamx {

/// A UTF-8 string of the model as a QString.
inline QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

/// A QString as the UTF-8 std::string the model takes.
inline std::string toStdString(const QString &text)
{
    return text.toStdString();
}

} // namespace iamx
