#include "allocationcounter.h"

#include "model/isotime.h"

#include <QTest>

#include <limits>
#include <string_view>

namespace {

std::string_view view(const QByteArray &bytes)
{
    return { bytes.constData(), static_cast<size_t>(bytes.size()) };
}

int sign(std::strong_ordering order)
{
    return order < 0 ? -1 : (order > 0 ? 1 : 0);
}

// Epoch seconds of a few instants the rows use, checked against Python's calendar.timegm.
constexpr qint64 year2026 = 1'767'225'600; // 2026-01-01T00:00:00Z
constexpr qint64 march2026 = 1'772'323'200; // 2026-03-01T00:00:00Z
constexpr qint64 secondsPerDay = 86'400;
constexpr qint64 int64Max = std::numeric_limits<qint64>::max();
constexpr qint64 int64Min = std::numeric_limits<qint64>::min();

} // namespace

class tst_IsoTime : public QObject
{
    Q_OBJECT

private slots:
    void parseInstant_data();
    void parseInstant();
    void compareInstants_data();
    void compareInstants();
    void parseInstantAllocatesNothing();
};

void tst_IsoTime::parseInstant_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<int>("nanoseconds");

    const auto valid = [](const char *name, const char *text, qint64 seconds, int nanoseconds = 0) {
        QTest::newRow(name) << QByteArray(text) << true << seconds << nanoseconds;
    };
    const auto invalid = [](const char *name, const QByteArray &text) {
        QTest::newRow(name) << text << false << qint64(0) << 0;
    };

    // The forms the header lists.
    valid("digits alone are epoch seconds, not a year", "2026", 2026);
    valid("year-month", "2026-03", march2026);
    valid("date", "2026-03-01", march2026);
    valid("minutes Z", "2026-03-01T12:00Z", march2026 + 12 * 3600);
    valid("seconds Z", "2026-03-01T12:00:00Z", march2026 + 12 * 3600);
    valid("fraction and offset", "2026-03-01T12:00:00.123456789+02:00", march2026 + 10 * 3600,
            123'456'789);
    valid("lowercase t and z", "2026-03-01t12:00:00z", march2026 + 12 * 3600);
    valid("no zone is UTC", "2026-03-01T12:00:00", march2026 + 12 * 3600);
    valid("no zone, minutes", "2026-03-01T12:00", march2026 + 12 * 3600);
    valid("epoch", "1577836800", 1'577'836'800);
    invalid("epoch fraction", "1577836800.5");
    valid("epoch zero", "0", 0);
    valid("epoch negative zero", "-0", 0);
    valid("epoch negative", "-1", -1);
    invalid("epoch negative fraction", "-1.25");
    valid("epoch leading zeros", "0001577836800", 1'577'836'800);
    valid("five digits are epoch", "02026", 2026);
    valid("negative four digits are epoch", "-2026", -2026);

    // Calendar boundaries.
    valid("epoch start", "1970-01-01T00:00:00Z", 0);
    valid("before epoch", "1969-12-31T23:59:59Z", -1);
    valid("year 0000", "0000-01-01T00:00:00Z", -62'167'219'200);
    valid("year 0000 is leap", "0000-02-29", -62'162'121'600);
    valid("year 9999 last second", "9999-12-31T23:59:59Z", 253'402'300'799);
    valid("leap day 2024", "2024-02-29", 1'709'164'800);
    valid("leap day 2000", "2000-02-29", 951'782'400);
    invalid("no leap day 2023", "2023-02-29");
    invalid("no leap day 1900", "1900-02-29");
    invalid("no leap day 2100", "2100-02-29");
    valid("April 30", "2026-04-30", march2026 + 60 * secondsPerDay);
    invalid("April 31", "2026-04-31");
    invalid("January 32", "2026-01-32");
    invalid("day 00", "2026-01-00");
    invalid("month 00", "2026-00-01");
    invalid("month 13", "2026-13-01");

    // Time boundaries.
    valid("24:00:00 is next midnight", "2026-03-01T24:00:00Z", march2026 + secondsPerDay);
    valid("24:00 is next midnight", "2026-03-01T24:00Z", march2026 + secondsPerDay);
    valid("24:00:00.000", "2026-03-01T24:00:00.000Z", march2026 + secondsPerDay);
    valid("24:00 at year end", "2025-12-31T24:00:00Z", year2026);
    invalid("24:00:01", "2026-03-01T24:00:01Z");
    invalid("24:01", "2026-03-01T24:01Z");
    invalid("24:00:00.5", "2026-03-01T24:00:00.5Z");
    invalid("hour 25", "2026-03-01T25:00Z");
    valid("23:59:59", "2026-03-01T23:59:59Z", march2026 + secondsPerDay - 1);
    valid("leap second folds into next minute", "2016-12-31T23:59:60Z", 1'483'228'800);
    valid("leap second with fraction", "2016-12-31T23:59:60.5Z", 1'483'228'800, 500'000'000);
    invalid("second 61", "2026-03-01T12:00:61Z");
    invalid("minute 60", "2026-03-01T12:60Z");

    // Zones, including offsets that move the instant across midnight and month ends.
    valid("plus offset back across midnight", "2026-03-01T01:00:00+02:00",
            march2026 - secondsPerDay + 23 * 3600);
    valid("minus offset forward across midnight", "2026-02-28T23:00:00-02:00", march2026 + 3600);
    valid("minus offset into March after leap day", "2024-02-29T23:30:00-01:00", 1'709'253'000);
    valid("offset without colon", "2026-03-01T12:00:00+0530", march2026 + 6 * 3600 + 30 * 60);
    valid("negative offset without colon", "2026-03-01T12:00:00-0530",
            march2026 + 17 * 3600 + 30 * 60);
    valid("offset -00:00", "2026-03-01T12:00:00-00:00", march2026 + 12 * 3600);
    valid("offset +23:59", "2026-03-01T12:00+23:59", march2026 + 12 * 3600 - 23 * 3600 - 59 * 60);
    valid("offset on minutes-only time", "2026-03-01T12:00+01:00", march2026 + 11 * 3600);
    invalid("offset hour 24", "2026-03-01T12:00:00+24:00");
    invalid("offset minute 60", "2026-03-01T12:00:00+05:60");
    invalid("offset hours only", "2026-03-01T12:00:00+05");
    invalid("offset one-digit hour", "2026-03-01T12:00:00+5:30");
    invalid("offset one-digit minute", "2026-03-01T12:00:00+05:3");
    invalid("offset with seconds", "2026-03-01T12:00:00+05:30:00");
    invalid("zone on a date", "2026-03-01Z");
    invalid("double Z", "2026-03-01T12:00:00ZZ");
    invalid("zone name", "2026-03-01T12:00:00UTC");

    // Fractions.
    valid("one fraction digit", "2026-03-01T12:00:00.1Z", march2026 + 12 * 3600, 100'000'000);
    valid("fraction truncated beyond nanoseconds", "2026-03-01T12:00:00.1234567899999Z",
            march2026 + 12 * 3600, 123'456'789);
    invalid("epoch fraction digits", "1577836800.000000000999");
    invalid("empty fraction", "2026-03-01T12:00:00.Z");
    invalid("fraction of minutes", "2026-03-01T12:00.5Z");
    invalid("comma fraction", "2026-03-01T12:00:00,5Z");
    invalid("epoch empty fraction", "1577836800.");
    invalid("epoch leading dot", ".5");

    // Overflow: never wraps, never throws.
    valid("int64 max", "9223372036854775807", int64Max);
    invalid("int64 max + 1", "9223372036854775808");
    invalid("40-digit epoch", "1234567890123456789012345678901234567890");
    invalid("40-digit negative epoch", "-1234567890123456789012345678901234567890");
    valid("-(int64 max)", "-9223372036854775807", -int64Max);
    invalid("-(int64 max) with fraction", "-9223372036854775807.5");
    invalid("40-digit year", "0000000000000000000000000000000000002026-01-01");
    invalid("five-digit year", "10000-01-01");
    invalid("40-digit fraction-only junk", "2026-03-01T12:00:00.12345678901234567890123456789x");

    // Malformed.
    invalid("empty", "");
    invalid("leading space", " 2026");
    invalid("trailing space", "2026 ");
    // Only exactly four digits are a year; any other run of digits is epoch seconds.
    valid("two digits are epoch", "26", 26);
    valid("three digits are epoch", "202", 202);
    valid("basic-format date is epoch", "20260301", 20'260'301);
    invalid("one-digit month", "2026-3-01");
    invalid("one-digit day", "2026-03-1");
    invalid("trailing dash", "2026-");
    invalid("trailing T", "2026-03-01T");
    invalid("hour only", "2026-03-01T12");
    invalid("one-digit hour", "2026-03-01T1:00Z");
    invalid("space separator", "2026-03-01 12:00:00Z");
    invalid("time without day", "2026-03T12:00Z");
    invalid("time without month", "2026T12:00Z");
    invalid("plus epoch", "+1577836800");
    invalid("exponent", "1e9");
    invalid("minus only", "-");
    invalid("double minus", "--1");
    invalid("letters", "yesterday");
    invalid("fullwidth digits", "\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x96");
    invalid("embedded nul", QByteArray("2026\0", 5));
    invalid("negative year", "-2026-01-01");
}

void tst_IsoTime::parseInstant()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(qint64, seconds);
    QFETCH(int, nanoseconds);

    const std::optional<iamx::Instant> instant = iamx::parseInstant(view(text));
    QCOMPARE(instant.has_value(), valid);
    if (!instant)
        return;
    QCOMPARE(instant->seconds, seconds);
    QCOMPARE(instant->nanoseconds, nanoseconds);
}

// Epoch and ISO texts must compare as instants, not as numbers of different units.
void tst_IsoTime::compareInstants_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<int>("expected");

    QTest::newRow("epoch = ISO") << QByteArray("1577836800") << QByteArray("2020-01-01T00:00:00Z")
                                 << 0;
    QTest::newRow("epoch = date") << QByteArray("1577836800") << QByteArray("2020-01-01") << 0;
    QTest::newRow("digits are seconds, not a year")
            << QByteArray("2020") << QByteArray("1970-01-01T00:33:40Z") << 0;
    QTest::newRow("epoch = offset time")
            << QByteArray("1577836800") << QByteArray("2020-01-01T01:00:00+01:00") << 0;
    QTest::newRow("epoch = previous day with offset")
            << QByteArray("1577836800") << QByteArray("2019-12-31T19:00:00-05:00") << 0;
    QTest::newRow("half second later")
            << QByteArray("2020-01-01T00:00:00.5Z") << QByteArray("1577836800") << 1;
    QTest::newRow("one nanosecond")
            << QByteArray("1577836800") << QByteArray("2020-01-01T00:00:00.000000001Z") << -1;
    QTest::newRow("epoch before ISO")
            << QByteArray("1577836799") << QByteArray("2020-01-01T00:00Z") << -1;
    QTest::newRow("negative epoch") << QByteArray("-1") << QByteArray("1969-12-31T23:59:59Z") << 0;
    QTest::newRow("leap second = next minute")
            << QByteArray("2016-12-31T23:59:60Z") << QByteArray("2017-01-01T00:00:00Z") << 0;
    QTest::newRow("24:00 = next day")
            << QByteArray("2016-12-31T24:00:00Z") << QByteArray("2017-01-01") << 0;
}

void tst_IsoTime::compareInstants()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(int, expected);

    const auto instantA = iamx::parseInstant(view(a));
    const auto instantB = iamx::parseInstant(view(b));
    QVERIFY(instantA.has_value());
    QVERIFY(instantB.has_value());
    QCOMPARE(sign(*instantA <=> *instantB), expected);
}

void tst_IsoTime::parseInstantAllocatesNothing()
{
    const std::size_t before = iamx::test::allocationCount();
    const auto iso = iamx::parseInstant("2026-03-01T12:00:00.123456789123+02:00");
    const auto epoch = iamx::parseInstant("-1577836800");
    const auto bad = iamx::parseInstant("1234567890123456789012345678901234567890");
    const std::size_t after = iamx::test::allocationCount();
    QVERIFY(iso.has_value());
    QVERIFY(epoch.has_value());
    QVERIFY(!bad.has_value());
    QCOMPARE(after, before);
}

QTEST_APPLESS_MAIN(tst_IsoTime)

#include "tst_isotime.moc"
