#include "allocationcounter.h"

#include "model/ipaddress.h"

#include <QTest>

#include <limits>
#include <string_view>

namespace {

std::string_view view(const QByteArray &bytes)
{
    return { bytes.constData(), static_cast<size_t>(bytes.size()) };
}

// The 16 bytes of an IpRange as hex; IPv4 rows give 8 digits and the rest is zero.
QByteArray hexBytes(const iamx::IpRange &range)
{
    QByteArray bytes;
    for (const std::uint8_t byte : range.bytes)
        bytes += static_cast<char>(byte);
    return bytes.toHex();
}

iamx::IpRange handBuilt(bool isV6, int prefixLength)
{
    iamx::IpRange range;
    range.isV6 = isV6;
    range.prefixLength = prefixLength;
    return range;
}

} // namespace

class tst_IpAddress : public QObject
{
    Q_OBJECT

private slots:
    void parseIpRange_data();
    void parseIpRange();
    void rangeContains_data();
    void rangeContains();
    void rangeContainsRejectsHandBuiltLengths_data();
    void rangeContainsRejectsHandBuiltLengths();
    void parseAndContainAllocateNothing();
};

void tst_IpAddress::parseIpRange_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("isV6");
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<int>("prefixLength");

    const auto valid = [](const char *name, const char *text, bool isV6, const char *hex,
                               int prefixLength) {
        QTest::newRow(name) << QByteArray(text) << true << isV6
                            << QByteArray(hex).leftJustified(32, '0') << prefixLength;
    };
    const auto invalid = [](const char *name, const QByteArray &text) {
        QTest::newRow(name) << text << false << false << QByteArray() << 0;
    };

    valid("bare IPv4", "10.0.0.1", false, "0a000001", 32);
    valid("IPv4 /8", "10.0.0.0/8", false, "0a000000", 8);
    valid("IPv4 host bits kept", "10.1.2.3/8", false, "0a010203", 8);
    valid("IPv4 /0", "0.0.0.0/0", false, "00000000", 0);
    valid("IPv4 /32", "255.255.255.255/32", false, "ffffffff", 32);
    valid("leading zeros are decimal", "010.001.000.009", false, "0a010009", 32);
    valid("prefix with leading zero", "10.0.0.0/08", false, "0a000000", 8);

    invalid("part 256", "256.0.0.1");
    invalid("three parts", "1.2.3");
    invalid("five parts", "1.2.3.4.5");
    invalid("empty part", "1..2.3");
    invalid("trailing dot", "1.2.3.");
    invalid("leading dot", ".1.2.3");
    invalid("four-digit part", "0001.2.3.4");
    invalid("hex part", "1.2.3.0x4");
    invalid("negative part", "-1.2.3.4");
    invalid("plus part", "+1.2.3.4");
    invalid("IPv4 /33", "1.2.3.4/33");
    invalid("empty prefix", "1.2.3.4/");
    invalid("negative prefix", "1.2.3.4/-1");
    invalid("letter prefix", "1.2.3.4/a");
    invalid("four-digit prefix", "1.2.3.4/0008");
    invalid("two prefixes", "1.2.3.4/8/8");
    invalid("prefix only", "/8");
    invalid("space in prefix", "1.2.3.4/ 8");
    invalid("leading space", " 1.2.3.4");
    invalid("trailing space", "1.2.3.4 ");
    invalid("IPv4 zone", "1.2.3.4%eth0");
    invalid("empty", "");
    invalid("huge prefix", "1.2.3.4/99999999999999999999");
    invalid("embedded nul", QByteArray("1.2.3.4\0", 8));

    valid("unspecified", "::", true, "", 128);
    valid("IPv6 /0", "::/0", true, "", 0);
    valid("loopback", "::1", true, "00000000000000000000000000000001", 128);
    valid("gap at end", "1::", true, "0001", 128);
    valid("documentation /32", "2001:db8::/32", true, "20010db8", 32);
    valid("uppercase hex", "2001:DB8::1", true, "20010db8000000000000000000000001", 128);
    valid("full form", "2001:0db8:0000:0000:0000:ff00:0042:8329", true,
            "20010db8000000000000ff0000428329", 128);
    valid("IPv4-mapped", "::ffff:1.2.3.4", true, "00000000000000000000ffff01020304", 128);
    valid("IPv4-mapped /96", "::ffff:0:0/96", true, "00000000000000000000ffff00000000", 96);
    valid("IPv4-compatible", "::1.2.3.4", true, "00000000000000000000000001020304", 128);
    valid("six groups and IPv4", "1:2:3:4:5:6:1.2.3.4", true, "00010002000300040005000601020304",
            128);
    valid("gap for one group at end", "1:2:3:4:5:6:7::", true, "00010002000300040005000600070000",
            128);
    valid("gap for one group at start", "::2:3:4:5:6:7:8", true, "00000002000300040005000600070008",
            128);
    valid("gap in the middle", "1:2::7:8", true, "00010002000000000000000000070008", 128);
    valid("eight groups /128", "1:2:3:4:5:6:7:8/128", true, "00010002000300040005000600070008",
            128);
    valid("link-local /64", "fe80::1/64", true, "fe800000000000000000000000000001", 64);

    invalid("triple colon", ":::");
    invalid("triple colon inside", "1:::2");
    invalid("two gaps", "1::2::3");
    invalid("leading single colon", ":1::");
    invalid("trailing single colon", "1::2:");
    invalid("single colon", ":");
    invalid("nine groups", "1:2:3:4:5:6:7:8:9");
    invalid("seven groups", "1:2:3:4:5:6:7");
    invalid("eight groups and a gap", "1:2:3:4:5:6:7:8::");
    invalid("gap and eight groups", "::1:2:3:4:5:6:7:8");
    invalid("five hex digits", "12345::");
    invalid("not hex", "g::");
    invalid("IPv6 /129", "::1/129");
    invalid("zone id", "fe80::1%eth0");
    invalid("short IPv4 tail", "::ffff:1.2.3");
    invalid("IPv4 tail part 256", "::ffff:1.2.3.256");
    invalid("IPv4 before gap", "1.2.3.4::");
    invalid("group after IPv4 tail", "::1.2.3.4:5");
    invalid("IPv4 tail after seven groups", "1:2:3:4:5:6:7:1.2.3.4");
    invalid("brackets", "[::1]");
    invalid("IPv6 trailing space", "::1 ");
}

void tst_IpAddress::parseIpRange()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(bool, isV6);
    QFETCH(QByteArray, hex);
    QFETCH(int, prefixLength);

    const std::optional<iamx::IpRange> range = iamx::parseIpRange(view(text));
    QCOMPARE(range.has_value(), valid);
    if (!range)
        return;
    QCOMPARE(range->isV6, isV6);
    QCOMPARE(hexBytes(*range), hex);
    QCOMPARE(range->prefixLength, prefixLength);
}

void tst_IpAddress::rangeContains_data()
{
    QTest::addColumn<QByteArray>("outer");
    QTest::addColumn<QByteArray>("inner");
    QTest::addColumn<bool>("expected");

    const auto row = [](const char *outer, const char *inner, bool expected) {
        QTest::addRow("%s in %s", inner, outer)
                << QByteArray(outer) << QByteArray(inner) << expected;
    };

    row("10.0.0.0/8", "10.255.255.255", true);
    row("10.0.0.0/8", "11.0.0.0", false);
    row("10.1.2.3/8", "10.9.9.9", true);
    row("192.168.1.1", "192.168.1.1", true);
    row("192.168.1.1/32", "192.168.1.2", false);
    row("192.168.0.0/16", "192.168.1.0/24", true);
    row("192.168.1.0/24", "192.168.0.0/16", false);
    row("10.0.0.0/9", "10.127.255.255", true);
    row("10.0.0.0/9", "10.128.0.0", false);
    row("128.0.0.0/1", "128.0.0.0", true);
    row("128.0.0.0/1", "127.255.255.255", false);
    row("10.0.0.0/31", "10.0.0.1", true);
    row("10.0.0.0/31", "10.0.0.2", false);
    // /0 must not turn into a 32-bit shift of a 32-bit mask (undefined, a full mask on x86).
    row("0.0.0.0/0", "255.255.255.255", true);
    row("0.0.0.0/0", "128.0.0.1", true);
    row("0.0.0.0/0", "0.0.0.0/0", true);
    row("1.2.3.4/0", "9.9.9.9", true);

    row("::/0", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true);
    row("::/0", "::", true);
    row("2001:db8::/32", "2001:db8:ffff::1", true);
    row("2001:db8::/32", "2001:db9::1", false);
    row("2001:db8::/33", "2001:db8:7fff::", true);
    row("2001:db8::/33", "2001:db8:8000::", false);
    row("2001:db8::1/128", "2001:db8::1", true);
    row("2001:db8::1", "2001:db8::2", false);
    row("::/1", "7fff::", true);
    row("::/1", "8000::", false);
    row("::/127", "::1", true);
    row("::/127", "::2", false);
    row("::ffff:0:0/96", "::ffff:1.2.3.4", true);
    row("2001:db8::/48", "2001:db8::/32", false);

    // IPv4 never lies in an IPv6 range, not even the IPv4-mapped one, and vice versa.
    row("0.0.0.0/0", "::", false);
    row("0.0.0.0/0", "::ffff:1.2.3.4", false);
    row("::/0", "1.2.3.4", false);
    row("::ffff:0:0/96", "1.2.3.4", false);
    row("::ffff:1.2.3.4", "1.2.3.4", false);
    row("1.2.3.4", "::ffff:1.2.3.4", false);
}

void tst_IpAddress::rangeContains()
{
    QFETCH(QByteArray, outer);
    QFETCH(QByteArray, inner);
    QFETCH(bool, expected);

    const auto outerRange = iamx::parseIpRange(view(outer));
    const auto innerRange = iamx::parseIpRange(view(inner));
    QVERIFY(outerRange.has_value());
    QVERIFY(innerRange.has_value());
    QCOMPARE(iamx::rangeContains(*outerRange, *innerRange), expected);
}

// An IpRange is a plain struct: lengths out of range must contain nothing, not read out of
// bounds.
void tst_IpAddress::rangeContainsRejectsHandBuiltLengths_data()
{
    QTest::addColumn<bool>("isV6");
    QTest::addColumn<int>("outerLength");
    QTest::addColumn<int>("innerLength");
    QTest::addColumn<bool>("expected");

    QTest::newRow("negative outer") << false << -1 << 32 << false;
    QTest::newRow("IPv4 outer 33") << false << 33 << 33 << false;
    QTest::newRow("IPv4 inner 33") << false << 32 << 33 << false;
    QTest::newRow("IPv6 200") << true << 200 << 200 << false;
    QTest::newRow("IPv6 outer min int") << true << std::numeric_limits<int>::min() << 0 << false;
    QTest::newRow("IPv6 128") << true << 128 << 128 << true;
    QTest::newRow("IPv4 0 of 0") << false << 0 << 0 << true;
}

void tst_IpAddress::rangeContainsRejectsHandBuiltLengths()
{
    QFETCH(bool, isV6);
    QFETCH(int, outerLength);
    QFETCH(int, innerLength);
    QFETCH(bool, expected);

    QCOMPARE(iamx::rangeContains(handBuilt(isV6, outerLength), handBuilt(isV6, innerLength)),
            expected);
}

void tst_IpAddress::parseAndContainAllocateNothing()
{
    const std::size_t before = iamx::test::allocationCount();
    const auto outer = iamx::parseIpRange("::ffff:0:0/96");
    const auto inner = iamx::parseIpRange("::ffff:192.168.100.200");
    const bool contained = outer && inner && iamx::rangeContains(*outer, *inner);
    const auto bad = iamx::parseIpRange("1:2:3:4:5:6:7:8:9/999");
    const std::size_t after = iamx::test::allocationCount();
    QVERIFY(contained);
    QVERIFY(!bad.has_value());
    QCOMPARE(after, before);
}

QTEST_APPLESS_MAIN(tst_IpAddress)

#include "tst_ipaddress.moc"
