#include "isotime.h"

#include <cstddef>
#include <cstdio>
#include <limits>

namespace iamx {
namespace {

constexpr std::int64_t secondsPerDay = 86'400;
constexpr std::int32_t nanosecondsPerSecond = 1'000'000'000;
constexpr int fractionDigits = 9;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int digitValue(char c)
{
    return c - '0';
}

// Reads the text left to right; every read checks the bounds, so truncated input of any shape
// fails instead of reading past the end.
class Cursor
{
public:
    explicit Cursor(std::string_view text)
        : m_text(text)
    {
    }

    bool atEnd() const { return m_position == m_text.size(); }

    bool consume(char c)
    {
        if (atEnd() || m_text[m_position] != c)
            return false;
        ++m_position;
        return true;
    }

    // Exactly `count` digits as a number; `count` is small enough that no overflow is
    // possible.
    bool readFixedDigits(int count, int &value)
    {
        int result = 0;
        for (int i = 0; i < count; ++i) {
            if (atEnd() || !isDigit(m_text[m_position]))
                return false;
            result = result * 10 + digitValue(m_text[m_position]);
            ++m_position;
        }
        value = result;
        return true;
    }

    // One or more digits read as a fraction of a second; digits beyond nanoseconds are
    // accepted and dropped.
    bool readFraction(std::int32_t &nanoseconds)
    {
        std::int32_t result = 0;
        int count = 0;
        while (!atEnd() && isDigit(m_text[m_position])) {
            if (count < fractionDigits) {
                result = result * 10 + digitValue(m_text[m_position]);
                ++count;
            }
            ++m_position;
        }
        if (count == 0)
            return false;
        for (int i = count; i < fractionDigits; ++i)
            result *= 10;
        nanoseconds = result;
        return true;
    }

    // One or more digits as a non-negative integer; false when it does not fit an int64.
    bool readInteger(std::int64_t &value)
    {
        constexpr std::int64_t maximum = std::numeric_limits<std::int64_t>::max();
        std::int64_t result = 0;
        const size_t start = m_position;
        while (!atEnd() && isDigit(m_text[m_position])) {
            const int digit = digitValue(m_text[m_position]);
            if (result > (maximum - digit) / 10)
                return false;
            result = result * 10 + digit;
            ++m_position;
        }
        value = result;
        return m_position > start;
    }

private:
    std::string_view m_text;
    size_t m_position = 0;
};

bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month)
{
    constexpr int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return month == 2 && isLeapYear(year) ? 29 : days[month - 1];
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's
// days_from_civil): counting in 400-year eras keeps it exact for every year, 0000 included.
std::int64_t daysFromCivil(int year, int month, int day)
{
    const std::int64_t y = year - (month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yearOfEra = y - era * 400;
    const std::int64_t shiftedMonth = month > 2 ? month - 3 : month + 9; // March is month 0
    const std::int64_t dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1;
    const std::int64_t dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146'097 + dayOfEra - 719'468;
}

// `Z`, `+hh:mm`, `-hh:mm`, `+hhmm` or `-hhmm`, as seconds east of UTC.
bool readZone(Cursor &cursor, std::int64_t &offsetSeconds)
{
    if (cursor.consume('Z') || cursor.consume('z')) {
        offsetSeconds = 0;
        return true;
    }
    int sign = 0;
    if (cursor.consume('+'))
        sign = 1;
    else if (cursor.consume('-'))
        sign = -1;
    else
        return false;
    int hours = 0;
    int minutes = 0;
    if (!cursor.readFixedDigits(2, hours))
        return false;
    cursor.consume(':');
    if (!cursor.readFixedDigits(2, minutes) || hours > 23 || minutes > 59)
        return false;
    offsetSeconds = sign * (hours * 3'600 + minutes * 60);
    return true;
}

std::optional<Instant> parseIsoDateTime(std::string_view text)
{
    Cursor cursor(text);
    int year = 0;
    int month = 1;
    int day = 1;
    bool hasDay = false;
    if (!cursor.readFixedDigits(4, year))
        return std::nullopt;
    if (cursor.consume('-')) {
        if (!cursor.readFixedDigits(2, month) || month < 1 || month > 12)
            return std::nullopt;
        if (cursor.consume('-')) {
            if (!cursor.readFixedDigits(2, day) || day < 1 || day > daysInMonth(year, month))
                return std::nullopt;
            hasDay = true;
        } else if (!cursor.atEnd()) {
            return std::nullopt;
        }
    }
    const std::int64_t days = daysFromCivil(year, month, day);
    if (cursor.atEnd())
        return Instant { days * secondsPerDay, 0 };
    // A time needs the full date before it; `2026-03T10:00` has no day.
    if (!hasDay || !(cursor.consume('T') || cursor.consume('t')))
        return std::nullopt;

    int hour = 0;
    int minute = 0;
    int second = 0;
    std::int32_t nanoseconds = 0;
    if (!cursor.readFixedDigits(2, hour) || !cursor.consume(':')
            || !cursor.readFixedDigits(2, minute))
        return std::nullopt;
    if (cursor.consume(':')) {
        if (!cursor.readFixedDigits(2, second))
            return std::nullopt;
        if (cursor.consume('.') && !cursor.readFraction(nanoseconds))
            return std::nullopt;
    }
    // 24:00:00 is the end of the day, the same instant as 00:00:00 of the next one; a leap
    // second 60 lands on the next minute because the fields are simply added up below.
    const bool endOfDay = hour == 24 && minute == 0 && second == 0 && nanoseconds == 0;
    if ((hour > 23 && !endOfDay) || minute > 59 || second > 60)
        return std::nullopt;

    std::int64_t offsetSeconds = 0;
    if (!cursor.atEnd() && (!readZone(cursor, offsetSeconds) || !cursor.atEnd()))
        return std::nullopt;

    const std::int64_t timeOfDay = hour * 3'600 + minute * 60 + second;
    return Instant { days * secondsPerDay + timeOfDay - offsetSeconds, nanoseconds };
}

// Epoch seconds as AWS writes them (aws:EpochTime): an integer, optionally negative.
std::optional<Instant> parseEpochSeconds(std::string_view text)
{
    Cursor cursor(text);
    const bool negative = cursor.consume('-');
    std::int64_t seconds = 0;
    if (!cursor.readInteger(seconds) || !cursor.atEnd())
        return std::nullopt;
    return Instant { negative ? -seconds : seconds, 0 };
}

bool allDigits(std::string_view text)
{
    if (text.empty())
        return false;
    for (char c : text)
        if (c < '0' || c > '9')
            return false;
    return true;
}

} // namespace

std::optional<Instant> parseInstant(std::string_view text)
{
    // A run of digits is epoch seconds, whatever its length: the plain reading of "ISO 8601 or
    // epoch seconds" (iam-evaluation.md §7.3), so `2026` is 2026 seconds, not the year.
    if (allDigits(text) || (text.starts_with("-") && allDigits(text.substr(1))))
        return parseEpochSeconds(text);
    return parseIsoDateTime(text);
}

std::string formatInstant(Instant instant)
{
    // Civil date from days since 1970-01-01 (the inverse of days-from-civil).
    std::int64_t days = instant.seconds / secondsPerDay;
    std::int64_t secondOfDay = instant.seconds % secondsPerDay;
    if (secondOfDay < 0) {
        secondOfDay += secondsPerDay;
        --days;
    }
    days += 719'468;
    const std::int64_t era = (days >= 0 ? days : days - 146'096) / 146'097;
    const std::int64_t dayOfEra = days - era * 146'097;
    const std::int64_t yearOfEra =
            (dayOfEra - dayOfEra / 1'460 + dayOfEra / 36'524 - dayOfEra / 146'096) / 365;
    const std::int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const std::int64_t shiftedMonth = (5 * dayOfYear + 2) / 153;
    const std::int64_t day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
    const std::int64_t month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
    const std::int64_t year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    char text[128]; // room for any int64 year, though real ones have four digits
    std::snprintf(text, sizeof text, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ",
            static_cast<long long>(year), static_cast<long long>(month),
            static_cast<long long>(day), static_cast<long long>(secondOfDay / 3600),
            static_cast<long long>(secondOfDay / 60 % 60),
            static_cast<long long>(secondOfDay % 60));
    return text;
}

} // namespace iamx
