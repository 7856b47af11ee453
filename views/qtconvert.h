#pragma once

#include "model/diagnostic.h"

#include <QDateTime>
#include <QString>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>
#include <cstddef>
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

/// A time as the AWS CLI writes timestamps, in UTC (`2024-05-02T09:15:00+00:00`): the
/// CreateDate of a new entity (NewEntity::createDate).
inline std::string toIamTimestamp(const QDateTime &time)
{
    return time.toUTC().toString(QStringView(u"yyyy-MM-dd'T'HH:mm:ss'+00:00'")).toStdString();
}

/// The number of UTF-16 code units (QString and QTextDocument positions) of the UTF-8 text
/// `utf8`: one per code point, two for a code point outside the BMP (a 4-byte sequence).
inline int utf16Length(std::string_view utf8)
{
    int units = 0;
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte & 0xC0U) != 0x80U) // not a continuation byte: a code point starts here
            units += byte >= 0xF0U ? 2 : 1;
    }
    return units;
}

/// A cursor on `document` selecting the range `where` names in `utf8Text`, the UTF-8 text the
/// document shows (byte offset and length converted to document positions). An empty range
/// selects the character it is at (or the last one at the end), so that it can be seen.
inline QTextCursor toTextCursor(
        QTextDocument *document, std::string_view utf8Text, const SourceLocation &where)
{
    const size_t begin = std::min(where.offset, utf8Text.size());
    const size_t end = std::min(begin + where.length, utf8Text.size());
    int start = utf16Length(utf8Text.substr(0, begin));
    int stop = start + utf16Length(utf8Text.substr(begin, end - begin));
    const int last = std::max(0, document->characterCount() - 1); // without the final separator
    if (start == stop) {
        if (stop < last)
            ++stop;
        else if (start > 0)
            --start;
    }
    QTextCursor cursor(document);
    cursor.setPosition(std::min(start, last));
    cursor.setPosition(std::min(stop, last), QTextCursor::KeepAnchor);
    return cursor;
}

} // namespace iamx
