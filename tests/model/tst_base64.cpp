#include "allocationcounter.h"

#include "model/base64.h"

#include <QTest>

#include <string_view>

namespace {

std::string_view view(const QByteArray &bytes)
{
    return { bytes.constData(), static_cast<size_t>(bytes.size()) };
}

QByteArray toByteArray(const std::string &bytes)
{
    return { bytes.data(), static_cast<qsizetype>(bytes.size()) };
}

} // namespace

class tst_Base64 : public QObject
{
    Q_OBJECT

private slots:
    void decodeBase64_data();
    void decodeBase64();
    void roundTripsQtEncoding_data();
    void roundTripsQtEncoding();
    void base64DecodesTo_data();
    void base64DecodesTo();
    void decodesToAllocatesNothing();
};

void tst_Base64::decodeBase64_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("bytes");

    const auto valid = [](const char *name, const char *text, const QByteArray &bytes) {
        QTest::newRow(name) << QByteArray(text) << true << bytes;
    };
    const auto invalid = [](const char *name, const QByteArray &text) {
        QTest::newRow(name) << text << false << QByteArray();
    };

    valid("empty", "", QByteArray());
    valid("one byte padded", "QQ==", "A");
    valid("one byte unpadded", "QQ", "A");
    valid("two bytes padded", "QUI=", "AB");
    valid("two bytes unpadded", "QUI", "AB");
    valid("three bytes", "QUJD", "ABC");
    valid("sentence padded", "aGVsbG8gd29ybGQ=", "hello world");
    valid("sentence unpadded", "aGVsbG8gd29ybGQ", "hello world");
    valid("plus and slash", "+/+/", QByteArray::fromHex("fbffbf"));
    valid("zero byte", "AA==", QByteArray(1, '\0'));
    valid("high byte", "/w==", QByteArray::fromHex("ff"));
    // The unused low bits of the last character are ignored, as Java's and Python's decoders
    // ignore them: `QR==` is a non-canonical spelling of `QQ==`.
    valid("non-zero unused bits", "QR==", "A");

    invalid("one character", "Q");
    invalid("five characters", "QUJDR");
    invalid("one character with padding", "Q=");
    invalid("one character with two pads", "Q==");
    invalid("one character with three pads", "Q===");
    invalid("one pad missing", "QQ=");
    invalid("three pads", "QQ===");
    invalid("pad too many for two bytes", "QUI==");
    invalid("pad after full group", "QUJD=");
    invalid("pads after full group", "QUJD==");
    invalid("seven with one pad", "Zm9vYg=");
    invalid("padding only", "=");
    invalid("two pads only", "==");
    invalid("four pads", "====");
    invalid("padding in the middle", "QQ==QQ==");
    invalid("data after pad", "QQ=A");
    invalid("pads interleaved", "Q=Q=");
    invalid("url alphabet minus", "-_8=");
    invalid("url alphabet underscore", "QUJ_");
    invalid("newline", "QUJD\n");
    invalid("leading space", " QUJD");
    invalid("inner space", "QU JD");
    invalid("embedded nul", QByteArray("QUJD\0", 5));
    invalid("exclamation", "Zm9v!");
    invalid("non-ASCII", "QUJ\xc3\xa9");
}

void tst_Base64::decodeBase64()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(QByteArray, bytes);

    const std::optional<std::string> decoded = iamx::decodeBase64(view(text));
    QCOMPARE(decoded.has_value(), valid);
    if (decoded)
        QCOMPARE(toByteArray(*decoded), bytes);
    // Both entry points must agree on what is valid.
    QCOMPARE(iamx::base64DecodesTo(view(text), view(bytes)), valid);
}

void tst_Base64::roundTripsQtEncoding_data()
{
    QTest::addColumn<QByteArray>("bytes");

    QByteArray everyByte;
    for (int i = 0; i < 256; ++i)
        everyByte += static_cast<char>(i);
    QTest::newRow("every byte") << everyByte;
    QTest::newRow("every byte less one") << everyByte.left(255);
    QTest::newRow("every byte less two") << everyByte.left(254);
    QTest::newRow("UTF-8 text") << QByteArray("na\xc3\xafve \xe2\x82\xac");
    QTest::newRow("zeros") << QByteArray(7, '\0');
}

void tst_Base64::roundTripsQtEncoding()
{
    QFETCH(QByteArray, bytes);

    const QByteArray padded = bytes.toBase64();
    const QByteArray unpadded = bytes.toBase64(QByteArray::OmitTrailingEquals);
    for (const QByteArray &text : { padded, unpadded }) {
        const std::optional<std::string> decoded = iamx::decodeBase64(view(text));
        QVERIFY2(decoded.has_value(), text.constData());
        QCOMPARE(toByteArray(*decoded), bytes);
        QVERIFY(iamx::base64DecodesTo(view(text), view(bytes)));
    }
}

void tst_Base64::base64DecodesTo_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("expected");

    QTest::newRow("same") << QByteArray("QUJD") << QByteArray("ABC") << true;
    QTest::newRow("bytes longer") << QByteArray("QUJD") << QByteArray("ABCD") << false;
    QTest::newRow("bytes shorter") << QByteArray("QUJD") << QByteArray("AB") << false;
    QTest::newRow("first byte differs") << QByteArray("QUJD") << QByteArray("xBC") << false;
    QTest::newRow("last byte differs") << QByteArray("QUJD") << QByteArray("ABx") << false;
    QTest::newRow("case matters") << QByteArray("QUJD") << QByteArray("abc") << false;
    QTest::newRow("unpadded") << QByteArray("QUI") << QByteArray("AB") << true;
    QTest::newRow("empty both") << QByteArray() << QByteArray() << true;
    QTest::newRow("empty text") << QByteArray() << QByteArray("A") << false;
    QTest::newRow("empty bytes") << QByteArray("QQ==") << QByteArray() << false;
    QTest::newRow("bad padding") << QByteArray("QQ=") << QByteArray("A") << false;
    QTest::newRow("invalid after match") << QByteArray("QUJD!") << QByteArray("ABC") << false;
    QTest::newRow("text not decoded") << QByteArray("QUJD") << QByteArray("QUJD") << false;
}

void tst_Base64::base64DecodesTo()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, bytes);
    QFETCH(bool, expected);

    QCOMPARE(iamx::base64DecodesTo(view(text), view(bytes)), expected);
}

void tst_Base64::decodesToAllocatesNothing()
{
    const std::string_view text = "aGVsbG8gd29ybGQgaGVsbG8gd29ybGQgaGVsbG8gd29ybGQ=";
    const std::string_view bytes = "hello world hello world hello world";
    const std::size_t before = iamx::test::allocationCount();
    const bool equal = iamx::base64DecodesTo(text, bytes);
    const bool invalid = iamx::base64DecodesTo("QQ=", "A");
    const std::size_t afterCompare = iamx::test::allocationCount();
    const auto decoded = iamx::decodeBase64(text);
    const std::size_t afterDecode = iamx::test::allocationCount();
    QVERIFY(equal);
    QVERIFY(!invalid);
    QCOMPARE(afterCompare, before);
    // The counter works: decoding into a std::string does allocate.
    QVERIFY(decoded.has_value());
    QVERIFY(afterDecode > afterCompare);
}

QTEST_APPLESS_MAIN(tst_Base64)

#include "tst_base64.moc"
