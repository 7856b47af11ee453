#include "tests/model/jsontest.h"

#include <string>

// Writing JSON (model/json.h): string literals quoted and escaped, read back unchanged, and
// JSON pointer tokens escaped so that locate finds them.

using namespace iamx::json;

class tst_JsonWrite : public QObject
{
    Q_OBJECT

private slots:
    void escapePointerToken_data();
    void escapePointerToken();
    void appendQuoted_data();
    void appendQuoted();
    void appendQuotedRoundTrip_data();
    void appendQuotedRoundTrip();
};

void tst_JsonWrite::escapePointerToken_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QByteArray>("escaped");

    QTest::newRow("plain") << QByteArray("Statement") << QByteArray("Statement");
    QTest::newRow("empty") << QByteArray("") << QByteArray("");
    QTest::newRow("slash") << QByteArray("a/b") << QByteArray("a~1b");
    QTest::newRow("tilde") << QByteArray("~") << QByteArray("~0");
    QTest::newRow("tilde one") << QByteArray("~1") << QByteArray("~01");
    QTest::newRow("slash tilde") << QByteArray("/~") << QByteArray("~1~0");
    QTest::newRow("multibyte") << QByteArray("\xC3\xA9/") << QByteArray("\xC3\xA9~1");
}

void tst_JsonWrite::escapePointerToken()
{
    QFETCH(QByteArray, token);
    QFETCH(QByteArray, escaped);

    QCOMPARE(bytes(iamx::json::escapePointerToken(view(token))), escaped);

    // What escapePointerToken writes, locate reads back.
    std::string doc = "{";
    iamx::json::appendQuoted(doc, view(token));
    doc += ":true}";
    const ReadResult result = read(doc);
    QVERIFY(result.value);
    const Value *found =
            iamx::json::locate(*result.value, "/" + iamx::json::escapePointerToken(view(token)));
    QVERIFY(found);
    QVERIFY(found->isBoolean());
}

void tst_JsonWrite::appendQuoted_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("quoted");

    QTest::newRow("empty") << QByteArray() << QByteArray(R"("")");
    QTest::newRow("plain") << QByteArray("abc") << QByteArray(R"("abc")");
    QTest::newRow("quote") << QByteArray("a\"b") << QByteArray(R"("a\"b")");
    QTest::newRow("backslash") << QByteArray("a\\b") << QByteArray(R"("a\\b")");
    QTest::newRow("short escapes") << QByteArray("\n\r\t\b\f") << QByteArray(R"("\n\r\t\b\f")");
    QTest::newRow("other controls")
            << QByteArray("\x01\x1f\x0b") << QByteArray(R"("\u0001\u001f\u000b")");
    QTest::newRow("NUL") << raw("a\0b") << QByteArray(R"("a\u0000b")");
    QTest::newRow("solidus not escaped") << QByteArray("a/b") << QByteArray(R"("a/b")");
    QTest::newRow("DEL not escaped") << QByteArray("\x7F") << QByteArray("\"\x7F\"");
    QTest::newRow("non-ASCII copied") << QByteArray("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80")
                                      << QByteArray("\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\"");
    QTest::newRow("invalid UTF-8 replaced") << QByteArray("a\xFF"
                                                          "b\xC3")
                                            << QByteArray("\"a\xEF\xBF\xBD"
                                                          "b\xEF\xBF\xBD\"");
    QTest::newRow("encoded surrogate replaced per byte")
            << QByteArray("\xED\xA0\x80") << QByteArray("\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
    QTest::newRow("mixed") << QByteArray("Say \"hi\"\n\\o/") << QByteArray(R"("Say \"hi\"\n\\o/")");
}

void tst_JsonWrite::appendQuoted()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, quoted);

    // Appends; what is already there stays.
    std::string out = "prefix:";
    iamx::json::appendQuoted(out, view(text));
    QCOMPARE(bytes(out), "prefix:" + quoted);
}

void tst_JsonWrite::appendQuotedRoundTrip_data()
{
    QTest::addColumn<QByteArray>("text");

    QByteArray allAscii;
    for (int c = 0; c < 0x80; ++c)
        allAscii += static_cast<char>(c);
    QTest::newRow("every ASCII byte") << allAscii;
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("multibyte") << QByteArray(
            "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF");
    QTest::newRow("policy-like") << QByteArray("arn:aws:s3:::bucket/*\t\"quoted\"\\");
    QTest::newRow("NULs") << raw("\0\0x\0");
}

void tst_JsonWrite::appendQuotedRoundTrip()
{
    QFETCH(QByteArray, text);

    std::string literal;
    iamx::json::appendQuoted(literal, view(text));
    const ReadResult result = read(literal);
    QVERIFY2(result.value.has_value(), result.error ? result.error->message.c_str() : "");
    QVERIFY(result.value->isString());
    QCOMPARE(bytes(result.value->text), text);
    QCOMPARE(result.value->length, literal.size());
}

QTEST_APPLESS_MAIN(tst_JsonWrite)
#include "tst_jsonwrite.moc"
