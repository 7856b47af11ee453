#include "statementmarks.h"

#include "model/json.h"
#include "views/qtconvert.h"

#include <QCoreApplication>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace iamx {

namespace {

/// Document positions of byte ranges of one UTF-8 text, counted on from the last one asked
/// (ranges are asked for in increasing order).
class PositionMap
{
public:
    explicit PositionMap(std::string_view utf8)
        : m_text(utf8)
    {
    }

    int position(size_t offset)
    {
        offset = std::min(offset, m_text.size());
        if (offset < m_offset) {
            m_offset = 0;
            m_position = 0;
        }
        m_position += utf16Length(m_text.substr(m_offset, offset - m_offset));
        m_offset = offset;
        return m_position;
    }

    TextRange range(const json::Value &value)
    {
        const int start = position(value.offset);
        return { start, position(value.offset + value.length) };
    }

private:
    std::string_view m_text;
    size_t m_offset = 0;
    int m_position = 0;
};

const json::Value *statements(const json::Value &root)
{
    return root.isObject() ? root.find("Statement") : nullptr;
}

QColor withAlpha(QColor colour, int alpha)
{
    colour.setAlpha(alpha);
    return colour;
}

} // namespace

std::vector<TextRange> statementRanges(const QString &text)
{
    const std::string utf8 = toStdString(text);
    const json::ReadResult read = json::read(utf8);
    if (!read.value)
        return {};
    const json::Value *statement = statements(*read.value);
    if (!statement)
        return {};
    PositionMap map(utf8);
    if (statement->isObject())
        return { map.range(*statement) };
    std::vector<TextRange> ranges;
    if (statement->isArray()) {
        for (const json::Value &item : statement->items)
            ranges.push_back(map.range(item));
    }
    return ranges;
}

std::optional<TextRange> statementRange(const QString &text, const StatementOutcome &outcome)
{
    const std::string utf8 = toStdString(text);
    const json::ReadResult read = json::read(utf8);
    if (!read.value)
        return std::nullopt;
    const json::Value *found = nullptr;
    if (!outcome.pointer.empty())
        found = json::locate(*read.value, outcome.pointer);
    if (!found) {
        const json::Value *statement = statements(*read.value);
        if (statement && statement->isObject() && outcome.statement == 0)
            found = statement;
        else if (statement && statement->isArray() && outcome.statement < statement->items.size())
            found = &statement->items[outcome.statement];
    }
    if (!found || !found->isObject())
        return std::nullopt;
    PositionMap map(utf8);
    return map.range(*found);
}

QColor StatementColours::strong(StatementVerdict verdict) const
{
    switch (verdict) {
    case StatementVerdict::Granted:
    case StatementVerdict::Overridden:
        return granted;
    case StatementVerdict::Denied:
        return denied;
    case StatementVerdict::NotApplied:
        break;
    }
    return notApplied;
}

StatementColours statementColours(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    StatementColours colours;
    // Lighter and softer on a dark base, darker on a light one, as the JSON colours are.
    colours.granted = QColor::fromHsl(130, dark ? 120 : 170, dark ? 125 : 95);
    colours.denied = QColor::fromHsl(0, dark ? 150 : 170, dark ? 135 : 110);
    colours.notApplied = withAlpha(palette.color(QPalette::Text), 110);
    // A tint the text reads through: stronger on dark bases, where low alpha vanishes.
    colours.grantedBackground = withAlpha(colours.granted, dark ? 48 : 40);
    colours.deniedBackground = withAlpha(colours.denied, dark ? 52 : 36);
    colours.dimmedText = withAlpha(palette.color(QPalette::Text), 100);
    return colours;
}

QString verdictMark(StatementVerdict verdict)
{
    switch (verdict) {
    case StatementVerdict::Granted:
    case StatementVerdict::Overridden:
        return u"✔"_s;
    case StatementVerdict::Denied:
        return u"✖"_s;
    case StatementVerdict::NotApplied:
        break;
    }
    return u"–"_s;
}

QString verdictText(StatementVerdict verdict)
{
    switch (verdict) {
    case StatementVerdict::Granted:
        return QCoreApplication::translate("iamx::PolicyEditor", "Allowed");
    case StatementVerdict::Denied:
        return QCoreApplication::translate("iamx::PolicyEditor", "Denied");
    case StatementVerdict::Overridden:
        return QCoreApplication::translate("iamx::PolicyEditor", "Allowed, but overridden");
    case StatementVerdict::NotApplied:
        break;
    }
    return QCoreApplication::translate("iamx::PolicyEditor", "Did not apply");
}

int verdictPriority(StatementVerdict verdict)
{
    switch (verdict) {
    case StatementVerdict::Denied:
        return 3;
    case StatementVerdict::Granted:
        return 2;
    case StatementVerdict::Overridden:
        return 1;
    case StatementVerdict::NotApplied:
        break;
    }
    return 0;
}

} // namespace iamx
