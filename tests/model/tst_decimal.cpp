#include "allocationcounter.h"

#include "model/decimal.h"

#include <QTest>

#include <string_view>

namespace {

std::string_view view(const QByteArray &bytes)
{
    return { bytes.constData(), static_cast<size_t>(bytes.size()) };
}

int sign(int value)
{
    return (value > 0) - (value < 0);
}

} // namespace

class tst_Decimal : public QObject
{
    Q_OBJECT

private slots:
    void isDecimal_data();
    void isDecimal();
    void compareDecimal_data();
    void compareDecimal();
    void compareDecimalToleratesAnyText_data();
    void compareDecimalToleratesAnyText();
    void compareDecimalAllocatesNothing();
};

void tst_Decimal::isDecimal_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("expected");

    QTest::newRow("zero") << QByteArray("0") << true;
    QTest::newRow("negative zero") << QByteArray("-0") << true;
    QTest::newRow("integer") << QByteArray("42") << true;
    QTest::newRow("leading zeros") << QByteArray("007") << true;
    QTest::newRow("fraction") << QByteArray("1.5") << true;
    QTest::newRow("negative fraction") << QByteArray("-1.50") << true;
    QTest::newRow("zero fraction") << QByteArray("0.0") << true;
    QTest::newRow("huge") << QByteArray("123456789012345678901234567890.000000000000000000001")
                          << true;

    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("minus only") << QByteArray("-") << false;
    QTest::newRow("dot only") << QByteArray(".") << false;
    QTest::newRow("leading dot") << QByteArray(".5") << false;
    QTest::newRow("trailing dot") << QByteArray("5.") << false;
    QTest::newRow("minus dot") << QByteArray("-.5") << false;
    QTest::newRow("plus") << QByteArray("+1") << false;
    QTest::newRow("double minus") << QByteArray("--1") << false;
    QTest::newRow("exponent") << QByteArray("1e3") << false;
    QTest::newRow("upper exponent") << QByteArray("1E3") << false;
    QTest::newRow("leading space") << QByteArray(" 1") << false;
    QTest::newRow("trailing space") << QByteArray("1 ") << false;
    QTest::newRow("two dots") << QByteArray("1..2") << false;
    QTest::newRow("two fractions") << QByteArray("1.2.3") << false;
    QTest::newRow("comma") << QByteArray("1,5") << false;
    QTest::newRow("hex") << QByteArray("0x10") << false;
    QTest::newRow("trailing minus") << QByteArray("1-") << false;
    QTest::newRow("nan") << QByteArray("NaN") << false;
    QTest::newRow("infinity") << QByteArray("Infinity") << false;
    QTest::newRow("arabic-indic digit") << QByteArray("\xd9\xa1") << false;
    QTest::newRow("embedded nul") << QByteArray("1\0"
                                                "2",
            3) << false;
}

void tst_Decimal::isDecimal()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, expected);

    QCOMPARE(iamx::isDecimal(view(text)), expected);
}

void tst_Decimal::compareDecimal_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<int>("expected");

    QTest::newRow("equal") << QByteArray("7") << QByteArray("7") << 0;
    QTest::newRow("0.1 vs 0.10") << QByteArray("0.1") << QByteArray("0.10") << 0;
    QTest::newRow("-0 vs 0") << QByteArray("-0") << QByteArray("0") << 0;
    QTest::newRow("-0.000 vs 0.0") << QByteArray("-0.000") << QByteArray("0.0") << 0;
    QTest::newRow("000 vs 0.000") << QByteArray("000") << QByteArray("0.000") << 0;
    QTest::newRow("007 vs 7") << QByteArray("007") << QByteArray("7") << 0;
    QTest::newRow("1.50 vs 1.5") << QByteArray("1.50") << QByteArray("1.5") << 0;
    QTest::newRow("-1.50 vs -001.5") << QByteArray("-1.50") << QByteArray("-001.5") << 0;
    QTest::newRow("less") << QByteArray("1") << QByteArray("2") << -1;
    QTest::newRow("greater") << QByteArray("2") << QByteArray("1") << 1;
    QTest::newRow("longer integer") << QByteArray("10") << QByteArray("9") << 1;
    QTest::newRow("negative longer") << QByteArray("-10") << QByteArray("-9") << -1;
    QTest::newRow("signs") << QByteArray("-1") << QByteArray("1") << -1;
    QTest::newRow("negative vs zero") << QByteArray("-0.5") << QByteArray("0") << -1;
    QTest::newRow("zero vs negative") << QByteArray("-0") << QByteArray("-0.5") << 1;
    QTest::newRow("0.3 vs 0.1+0.2 in binary")
            << QByteArray("0.3") << QByteArray("0.30000000000000004") << -1;
    QTest::newRow("fraction digits") << QByteArray("0.001") << QByteArray("0.0009") << 1;
    QTest::newRow("fraction prefix") << QByteArray("0.5") << QByteArray("0.51") << -1;
    QTest::newRow("integer vs fraction") << QByteArray("1") << QByteArray("0.999999") << 1;
    QTest::newRow("beyond double precision")
            << QByteArray("1.0000000000000000000001") << QByteArray("1") << 1;
    QTest::newRow("negative beyond double precision")
            << QByteArray("-1.0000000000000000000001") << QByteArray("-1") << -1;
    QTest::newRow("beyond int64") << QByteArray("123456789012345678901")
                                  << QByteArray("123456789012345678900") << 1;
    QTest::newRow("20 nines vs 10^20")
            << QByteArray("99999999999999999999") << QByteArray("100000000000000000000") << -1;
    QTest::newRow("account ids") << QByteArray("111122223333") << QByteArray("111122223334") << -1;
    QTest::newRow("huge with leading zeros")
            << QByteArray("000000000000000000000000000000000000000001")
            << QByteArray("1.000000000000000000000000000000000000000") << 0;
}

void tst_Decimal::compareDecimal()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(int, expected);

    QVERIFY(iamx::isDecimal(view(a)));
    QVERIFY(iamx::isDecimal(view(b)));
    QCOMPARE(sign(iamx::compareDecimal(view(a), view(b))), expected);
    QCOMPARE(sign(iamx::compareDecimal(view(b), view(a))), -expected);
    QCOMPARE(iamx::compareDecimal(view(a), view(a)), 0);
}

// compareDecimal() expects texts that pass isDecimal(), but garbage must still not crash it.
void tst_Decimal::compareDecimalToleratesAnyText_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");

    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("minus") << QByteArray("-") << QByteArray("1");
    QTest::newRow("dots") << QByteArray("...") << QByteArray(".");
    QTest::newRow("letters") << QByteArray("abc") << QByteArray("-x.y");
    QTest::newRow("bytes") << QByteArray("\xff\x00\x80", 3) << QByteArray("-.");
}

void tst_Decimal::compareDecimalToleratesAnyText()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);

    const int result = iamx::compareDecimal(view(a), view(b));
    QVERIFY(result >= -1 && result <= 1);
}

void tst_Decimal::compareDecimalAllocatesNothing()
{
    const std::string_view a = "-000123456789012345678901234567890.12345678901234567890000";
    const std::string_view b = "-123456789012345678901234567890.1234567890123456789";
    const std::size_t before = iamx::test::allocationCount();
    const int result = iamx::compareDecimal(a, b);
    const std::size_t after = iamx::test::allocationCount();
    QCOMPARE(result, 0);
    QCOMPARE(after, before);
}

QTEST_APPLESS_MAIN(tst_Decimal)

#include "tst_decimal.moc"
