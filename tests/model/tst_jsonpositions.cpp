#include "tests/model/jsontest.h"

#include <string>
#include <string_view>

// Where things are in a JSON text (model/json.h): the byte ranges of values and keys, the offset
// and message of every error, records read one after another (JSON lines), line:column of an
// offset, and JSON pointers (RFC 6901) resolved.

using namespace iamx::json;

class tst_JsonPositions : public QObject
{
    Q_OBJECT

private slots:
    void positions_data();
    void positions();
    void keyPositions_data();
    void keyPositions();
    void errors_data();
    void errors();
    void readPrefixJsonLines();
    void readPrefixEdges();
    void lineIndex_data();
    void lineIndex();
    void locate_data();
    void locate();
};

void tst_JsonPositions::positions_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("pointer");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QByteArray>("source");

    const QByteArray doc = "{\"a\": [1, {\"b\": \"xy\"}], \"c\": true, \"d\" : -1.5e3 , "
                           "\"\\u00e9\": \"\\n\"}";
    QTest::newRow("root") << doc << QByteArray("") << 0 << doc;
    QTest::newRow("array") << doc << QByteArray("/a") << 6 << QByteArray("[1, {\"b\": \"xy\"}]");
    QTest::newRow("array item") << doc << QByteArray("/a/0") << 7 << QByteArray("1");
    QTest::newRow("nested object")
            << doc << QByteArray("/a/1") << 10 << QByteArray("{\"b\": \"xy\"}");
    QTest::newRow("nested string") << doc << QByteArray("/a/1/b") << 16 << QByteArray("\"xy\"");
    QTest::newRow("boolean") << doc << QByteArray("/c") << 29 << QByteArray("true");
    QTest::newRow("number") << doc << QByteArray("/d") << 41 << QByteArray("-1.5e3");
    QTest::newRow("escaped string keeps source length")
            << doc << QByteArray("/\xC3\xA9") << 60 << QByteArray("\"\\n\"");

    const QByteArray multibyte = "{\"\xC3\xA9\": [true, \"\xE2\x82\xAC\"]}";
    QTest::newRow("after multibyte key")
            << multibyte << QByteArray("/\xC3\xA9") << 7 << QByteArray("[true, \"\xE2\x82\xAC\"]");
    QTest::newRow("multibyte string")
            << multibyte << QByteArray("/\xC3\xA9/1") << 14 << QByteArray("\"\xE2\x82\xAC\"");

    const QByteArray bom = "\xEF\xBB\xBF [null]";
    QTest::newRow("offsets count the byte-order mark")
            << bom << QByteArray("") << 4 << QByteArray("[null]");
    QTest::newRow("item after byte-order mark")
            << bom << QByteArray("/0") << 5 << QByteArray("null");
}

void tst_JsonPositions::positions()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, pointer);
    QFETCH(int, offset);
    QFETCH(QByteArray, source);

    const ReadResult result = read(view(input));
    QVERIFY(result.value);
    const Value *value = iamx::json::locate(*result.value, view(pointer));
    QVERIFY(value);
    QCOMPARE(value->offset, static_cast<size_t>(offset));
    QCOMPARE(value->length, static_cast<size_t>(source.size()));
    QCOMPARE(bytes(view(input).substr(value->offset, value->length)), source);
}

void tst_JsonPositions::keyPositions_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("objectPointer");
    QTest::addColumn<int>("member");
    QTest::addColumn<int>("keyOffset");
    QTest::addColumn<QByteArray>("keySource");

    const QByteArray doc = "{\"a\": [1, {\"b\": \"xy\"}], \"c\": true, \"d\" : -1.5e3 , "
                           "\"\\u00e9\": \"\\n\"}";
    QTest::newRow("first") << doc << QByteArray("") << 0 << 1 << QByteArray("\"a\"");
    QTest::newRow("second") << doc << QByteArray("") << 1 << 24 << QByteArray("\"c\"");
    QTest::newRow("space before colon") << doc << QByteArray("") << 2 << 35 << QByteArray("\"d\"");
    QTest::newRow("escaped key") << doc << QByteArray("") << 3 << 50 << QByteArray("\"\\u00e9\"");
    QTest::newRow("nested") << doc << QByteArray("/a/1") << 0 << 11 << QByteArray("\"b\"");
    QTest::newRow("multibyte key") << QByteArray("{\"\xC3\xA9\":1}") << QByteArray("") << 0 << 1
                                   << QByteArray("\"\xC3\xA9\"");
}

void tst_JsonPositions::keyPositions()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, objectPointer);
    QFETCH(int, member);
    QFETCH(int, keyOffset);
    QFETCH(QByteArray, keySource);

    const ReadResult result = read(view(input));
    QVERIFY(result.value);
    const Value *object = iamx::json::locate(*result.value, view(objectPointer));
    QVERIFY(object);
    QVERIFY(object->isObject());
    QVERIFY(static_cast<size_t>(member) < object->members.size());
    const Member &m = object->members[static_cast<size_t>(member)];
    QCOMPARE(m.keyOffset, static_cast<size_t>(keyOffset));
    QCOMPARE(m.keyLength, static_cast<size_t>(keySource.size()));
    QCOMPARE(bytes(view(input).substr(m.keyOffset, m.keyLength)), keySource);
}

void tst_JsonPositions::errors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QByteArray>("message");

    const auto row = [](const char *name, const QByteArray &input, int offset,
                             const char *message) {
        QTest::newRow(name) << input << offset << QByteArray(message);
    };

    // Nothing there.
    row("empty", "", 0, "unexpected end of input; expected a value");
    row("only whitespace", " \n\t ", 4, "unexpected end of input; expected a value");
    row("only byte-order mark", "\xEF\xBB\xBF", 3, "unexpected end of input; expected a value");
    row("byte-order mark not at start",
            " \xEF\xBB\xBF"
            "1",
            1, "expected a value");

    // Invalid UTF-8.
    row("invalid byte in string", "\"a\xFF\"", 2, "invalid UTF-8");
    row("lone continuation in string", "\"\x80\"", 1, "invalid UTF-8");
    row("overlong in string", "\"\xC0\xAF\"", 1, "invalid UTF-8");
    row("overlong three bytes", "\"\xE0\x80\xAF\"", 1, "invalid UTF-8");
    row("encoded surrogate", "\"\xED\xA0\x80\"", 1, "invalid UTF-8");
    row("past U+10FFFF", "\"\xF4\x90\x80\x80\"", 1, "invalid UTF-8");
    row("truncated sequence", "\"\xE2\x82\"", 1, "invalid UTF-8");
    row("truncated at end", "\"\xE2\x82", 1, "invalid UTF-8");
    row("invalid in key", "{\"k\xFE\":1}", 3, "invalid UTF-8");
    row("invalid at top level", "\xFF", 0, "invalid UTF-8");
    row("invalid after value", "1 \xFF", 2, "invalid UTF-8");
    row("invalid in array", "[1,\xC3]", 3, "invalid UTF-8");
    row("valid non-ASCII outside strings", "\xC3\xA9", 0, "expected a value");

    // Escapes.
    row("lone high surrogate", R"("\uD800")", 1, "unpaired surrogate in \\u escape");
    row("high surrogate then text", R"("\uD83Dx")", 1, "unpaired surrogate in \\u escape");
    row("high surrogate then BMP escape", R"("\uD83D\u0041")", 1,
            "unpaired surrogate in \\u escape");
    row("two high surrogates", R"("\uD83D\uD83D")", 1, "unpaired surrogate in \\u escape");
    row("high surrogate then short escape", R"("\uD83D\n")", 1, "unpaired surrogate in \\u escape");
    row("lone low surrogate", R"("ab\uDC00")", 3, "unpaired surrogate in \\u escape");
    row("reversed pair", R"("\uDE00\uD83D")", 1, "unpaired surrogate in \\u escape");
    row("high surrogate at end", R"("\uD83D)", 1, "unpaired surrogate in \\u escape");
    row("bad escape letter", R"("a\x")", 2, "invalid escape sequence '\\x'");
    row("escaped single quote", R"("\'")", 1, "invalid escape sequence '\\''");
    row("escaped control character", "\"\\\x01\"", 1, "invalid escape sequence");
    row("capital U", R"("\U0041")", 1, "invalid escape sequence '\\U'");
    row("short u escape", R"("\u12")", 1, "\\u must be followed by four hex digits");
    row("non-hex u escape", R"("\u12G4")", 1, "\\u must be followed by four hex digits");
    row("u escape at end", R"("\u)", 1, "\\u must be followed by four hex digits");
    row("bad low half", R"("\uD83D\uDE0G")", 7, "\\u must be followed by four hex digits");

    // Control characters and unterminated strings.
    row("raw newline", "\"a\nb\"", 2, "control characters must be escaped in strings");
    row("raw tab", "\"\t\"", 1, "control characters must be escaped in strings");
    row("raw NUL", raw("\"a\0\""), 2, "control characters must be escaped in strings");
    row("raw 0x1F", "[\"\x1F\"]", 2, "control characters must be escaped in strings");
    row("unterminated", "\"abc", 0, "unterminated string");
    row("unterminated in array", "[\"abc", 1, "unterminated string");
    row("backslash at end", "\"ab\\", 0, "unterminated string");
    row("escaped closing quote", R"("ab\")", 0, "unterminated string");

    // Numbers.
    row("leading zero", "01", 0, "leading zeros are not allowed in numbers");
    row("negative leading zero", "-01", 1, "leading zeros are not allowed in numbers");
    row("double zero in array", "[00]", 1, "leading zeros are not allowed in numbers");
    row("leading zero with fraction", "00.5", 0, "leading zeros are not allowed in numbers");
    row("plus sign", "+1", 0, "a number cannot start with '+'");
    row("plus sign in array", "[1,+1]", 3, "a number cannot start with '+'");
    row("leading point", ".5", 0, "a number needs a digit before the decimal point");
    row("negative leading point", "-.5", 1, "expected a digit after '-'");
    row("trailing point", "1.", 2,
            "unexpected end of input; expected a digit after the decimal point");
    row("trailing point in array", "[1.]", 3, "expected a digit after the decimal point");
    row("point then exponent", "1.e5", 2, "expected a digit after the decimal point");
    row("empty exponent", "1e", 2, "unexpected end of input; expected a digit in the exponent");
    row("signed empty exponent", "1e+", 3,
            "unexpected end of input; expected a digit in the exponent");
    row("exponent letter", "1ex", 2, "expected a digit in the exponent");
    row("minus alone", "-", 1, "unexpected end of input; expected a digit after '-'");
    row("minus letter", "-a", 1, "expected a digit after '-'");
    row("hex number", "0x10", 1, "unexpected content after the value");
    row("NaN", "NaN", 0, "NaN is not a valid JSON value");
    row("NaN in array", "[1, NaN]", 4, "NaN is not a valid JSON value");
    row("Infinity", "Infinity", 0, "Infinity is not a valid JSON value");
    row("minus Infinity", "-Infinity", 0, "Infinity is not a valid JSON value");

    // Literals.
    row("truncated true", "tru", 0, "invalid literal; expected 'true'");
    row("misspelt false", "flase", 0, "invalid literal; expected 'false'");
    row("truncated null", "[nul]", 1, "invalid literal; expected 'null'");
    row("capitalised", "True", 0, "expected a value");
    row("Python None", "None", 0, "expected a value");

    // Structure.
    row("trailing comma in array", "[1,]", 2, "trailing comma before ']'");
    row("trailing comma and space", "[1, \n]", 2, "trailing comma before ']'");
    row("trailing comma in object", "{\"a\":1,}", 6, "trailing comma before '}'");
    row("leading comma", "[,1]", 1, "expected a value");
    row("double comma", "[1,,2]", 3, "expected a value");
    row("missing comma in array", "[1 2]", 3, "expected ',' or ']'");
    row("missing comma in object", "{\"a\":1 \"b\":2}", 7, "expected ',' or '}'");
    row("missing colon", "{\"a\" 1}", 5, "expected ':' after the member name");
    row("missing value", "{\"a\":}", 5, "expected a value");
    row("number as key", "{1:2}", 1, "expected a string as the member name");
    row("bare key", "{a:1}", 1, "expected a string as the member name");
    row("single-quoted key", "{'a':1}", 1, "strings must use double quotes");
    row("single-quoted string", "'a'", 0, "strings must use double quotes");
    row("single-quoted value", "{\"a\":'b'}", 5, "strings must use double quotes");
    row("mismatched bracket", "[1}", 2, "expected ',' or ']'");
    row("closing bracket alone", "]", 0, "expected a value");
    row("unclosed array", "[1", 2, "unexpected end of input; expected ',' or ']'");
    row("unclosed empty array", "[", 1, "unexpected end of input; expected a value");
    row("unclosed object", "{", 1, "unexpected end of input; expected a string as the member name");
    row("unclosed after colon", "{\"a\":", 5, "unexpected end of input; expected a value");
    row("unclosed after key", "{\"a\"", 4,
            "unexpected end of input; expected ':' after the member name");
    row("unclosed after member", "{\"a\":1", 6, "unexpected end of input; expected ',' or '}'");

    // Comments.
    row("line comment before", "// c\n1", 0, "comments are not allowed in JSON");
    row("block comment before", "/* c */ 1", 0, "comments are not allowed in JSON");
    row("comment in array", "[1 /* c */]", 3, "comments are not allowed in JSON");
    row("comment after comma", "[1, // c\n2]", 4, "comments are not allowed in JSON");
    row("comment in object", "{\"a\" /* c */ : 1}", 5, "comments are not allowed in JSON");
    row("comment after value", "1 // c", 2, "comments are not allowed in JSON");
    row("lone slash", "[/]", 1, "expected a value");

    // Trailing content.
    row("two values", "1 2", 2, "unexpected content after the value");
    row("object then text", "{} x", 3, "unexpected content after the value");
    row("literal run-on", "truex", 4, "unexpected content after the value");
    row("extra bracket", "[1]]", 3, "unexpected content after the value");
    row("NUL after value", raw("1\0"), 1, "unexpected content after the value");
    row("second byte-order mark",
            "\xEF\xBB\xBF\xEF\xBB\xBF"
            "1",
            3, "expected a value");
    row("form feed is not whitespace", "1\f", 1, "unexpected content after the value");
    row("nbsp is not whitespace", "1\xC2\xA0", 1, "unexpected content after the value");
}

void tst_JsonPositions::errors()
{
    QFETCH(QByteArray, input);
    QFETCH(int, offset);
    QFETCH(QByteArray, message);

    const ReadResult result = read(view(input));
    QVERIFY2(!result.value.has_value(), "read accepted invalid JSON");
    QVERIFY(result.error.has_value());
    QCOMPARE(bytes(result.error->message), message);
    QCOMPARE(result.error->offset, static_cast<size_t>(offset));
    QVERIFY(result.error->offset <= static_cast<size_t>(input.size()));
}

void tst_JsonPositions::readPrefixJsonLines()
{
    const QByteArray text = "\xEF\xBB\xBF{\"a\":1}\n"
                            "[2, 3]\r\n"
                            "\n"
                            "  \"s\"  \n"
                            "{\"bad\":}\n"
                            "4";
    const std::string_view input = view(text);

    // Record 1: the byte-order mark at the start of the text is skipped.
    ReadResult r = readPrefix(input, 0);
    QVERIFY(r.value);
    QCOMPARE(dump(*r.value), QByteArray("{\"a\":1}"));
    QCOMPARE(r.value->offset, size_t(3));
    QCOMPARE(r.end, size_t(11)); // past "\n"

    // Record 2: all whitespace after it (CRLF, the blank line, the next line's indent) is
    // consumed too.
    r = readPrefix(input, r.end);
    QVERIFY(r.value);
    QCOMPARE(dump(*r.value), QByteArray("[2,3]"));
    QCOMPARE(r.value->offset, size_t(11));
    QCOMPARE(r.end, size_t(22));

    // Record 3: leading whitespace skipped.
    r = readPrefix(input, r.end);
    QVERIFY(r.value);
    QCOMPARE(dump(*r.value), QByteArray("\"s\""));
    QCOMPARE(r.value->offset, size_t(22));
    QCOMPARE(r.end, size_t(28));

    // Record 4: an error, reported at its absolute offset; the caller resumes after the line.
    r = readPrefix(input, r.end);
    QVERIFY(!r.value);
    QVERIFY(r.error);
    QCOMPARE(r.error->offset, size_t(35));
    QCOMPARE(bytes(r.error->message), QByteArray("expected a value"));
    const size_t nextLine = input.find('\n', r.error->offset) + 1;

    // Record 5: the last line has no newline.
    r = readPrefix(input, nextLine);
    QVERIFY(r.value);
    QCOMPARE(dump(*r.value), QByteArray("4"));
    QCOMPARE(r.end, input.size());

    // Nothing left.
    r = readPrefix(input, r.end);
    QVERIFY(!r.value);
    QVERIFY(r.error);
    QCOMPARE(r.error->offset, input.size());
}

void tst_JsonPositions::readPrefixEdges()
{
    // What follows the value is not looked at, even when it is not JSON.
    ReadResult r = readPrefix("1 \xFF garbage", 0);
    QVERIFY(r.value);
    QCOMPARE(r.end, size_t(2));
    r = readPrefix("{}{}", 0);
    QVERIFY(r.value);
    QCOMPARE(r.end, size_t(2));
    r = readPrefix("{}{}", 2);
    QVERIFY(r.value);
    QCOMPARE(r.value->offset, size_t(2));
    QCOMPARE(r.end, size_t(4));

    // A number stops at the first byte that cannot continue it.
    r = readPrefix("12x", 0);
    QVERIFY(r.value);
    QCOMPARE(bytes(r.value->text), QByteArray("12"));
    QCOMPARE(r.end, size_t(2));

    // A byte-order mark only counts at the very start of the text.
    r = readPrefix("1 \xEF\xBB\xBF"
                   "2",
            2);
    QVERIFY(!r.value);
    QCOMPARE(r.error->offset, size_t(2));

    // A start past the end is clamped, not out of bounds.
    r = readPrefix("[1]", 100);
    QVERIFY(!r.value);
    QCOMPARE(r.error->offset, size_t(3));
    QCOMPARE(r.end, size_t(3));

    // read() reports where the value and its whitespace end even when content follows.
    r = read("[1]  x");
    QVERIFY(!r.value);
    QCOMPARE(r.error->offset, size_t(5));
    QCOMPARE(r.end, size_t(5));
}

void tst_JsonPositions::lineIndex_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("empty text") << QByteArray() << 0 << 1 << 1;
    QTest::newRow("empty text clamped") << QByteArray() << 5 << 1 << 1;
    QTest::newRow("first byte") << QByteArray("abc") << 0 << 1 << 1;
    QTest::newRow("third byte") << QByteArray("abc") << 2 << 1 << 3;
    QTest::newRow("end of text") << QByteArray("abc") << 3 << 1 << 4;
    QTest::newRow("clamped past end") << QByteArray("abc") << 100 << 1 << 4;
    QTest::newRow("LF is on its line") << QByteArray("a\nb") << 1 << 1 << 2;
    QTest::newRow("after LF") << QByteArray("a\nb") << 2 << 2 << 1;
    QTest::newRow("CR of CRLF") << QByteArray("a\r\nb") << 1 << 1 << 2;
    QTest::newRow("LF of CRLF") << QByteArray("a\r\nb") << 2 << 1 << 3;
    QTest::newRow("after CRLF") << QByteArray("a\r\nb") << 3 << 2 << 1;
    QTest::newRow("lone CR") << QByteArray("a\rb") << 2 << 2 << 1;
    QTest::newRow("CR CR LF") << QByteArray("a\r\r\nb") << 4 << 3 << 1;
    QTest::newRow("blank lines") << QByteArray("\n\n\nx") << 3 << 4 << 1;
    QTest::newRow("CRLF blank lines") << QByteArray("ab\r\n\r\ncd") << 7 << 3 << 2;
    QTest::newRow("trailing newline end") << QByteArray("a\n") << 2 << 2 << 1;

    const QByteArray multibyte = "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80x"; // é € 😀 x
    QTest::newRow("after 2-byte") << multibyte << 2 << 1 << 2;
    QTest::newRow("after 3-byte") << multibyte << 5 << 1 << 3;
    QTest::newRow("after 4-byte") << multibyte << 9 << 1 << 4;
    QTest::newRow("inside 4-byte") << multibyte << 7 << 1 << 3;
    QTest::newRow("inside 2-byte") << multibyte << 1 << 1 << 1;
    QTest::newRow("end after multibyte") << multibyte << 10 << 1 << 5;

    const QByteArray mixed = "{\r\n  \"\xC3\xA9\xC3\xA9\": 1,\r\n  \"\xE2\x82\xAC\": x\r\n}";
    QTest::newRow("multibyte on line 2") << mixed << 11 << 2 << 7; // the colon
    QTest::newRow("multibyte on line 3") << mixed << 26 << 3 << 8; // the x
    QTest::newRow("last line") << mixed << 29 << 4 << 1;
}

void tst_JsonPositions::lineIndex()
{
    QFETCH(QByteArray, text);
    QFETCH(int, offset);
    QFETCH(int, line);
    QFETCH(int, column);

    const LineIndex index(view(text));
    const LineIndex::Position position = index.position(static_cast<size_t>(offset));
    QCOMPARE(position.line, line);
    QCOMPARE(position.column, column);
}

void tst_JsonPositions::locate_data()
{
    QTest::addColumn<QByteArray>("pointer");
    QTest::addColumn<QByteArray>("expected"); // dumped value, or empty when nothing is there

    const auto row = [](const char *name, const QByteArray &pointer, const char *expected) {
        QTest::newRow(name) << pointer << QByteArray(expected);
    };
    row("root", "", "<root>");
    row("statement effect", "/Statement/0/Effect", "\"Allow\"");
    row("second statement", "/Statement/1/Effect", "\"Deny\"");
    row("array element", "/Statement/1", "{\"Effect\":\"Deny\",\"Action\":[\"s3:GetObject\"]}");
    row("nested array", "/Statement/1/Action/0", "\"s3:GetObject\"");
    row("slash escaped", "/a~1b", "1");
    row("tilde escaped", "/m~0n", "2");
    row("empty key", "/", "3");
    row("tilde zero one is not a slash", "/~01", "4");
    row("escaped tokens in order", "/~1~0", "5");
    row("empty key nested", "/x//y", "6");
    row("duplicate key takes first", "/dup", "7");
    row("key that looks like an index", "/0", "8");
    row("literal slash key not matched unescaped", "/a/b", "");
    row("index out of range", "/Statement/2", "");
    row("huge index", "/Statement/18446744073709551616", "");
    row("max size_t index", "/Statement/18446744073709551615", "");
    row("leading zero index", "/Statement/01", "");
    row("zero zero index", "/Statement/00", "");
    row("dash index", "/Statement/-", "");
    row("negative index", "/Statement/-1", "");
    row("space in index", "/Statement/ 1", "");
    row("plus index", "/Statement/+1", "");
    row("empty index", "/Statement/", "");
    row("into a string", "/Statement/0/Effect/0", "");
    row("into a number", "/a~1b/x", "");
    row("missing key", "/missing", "");
    row("case matters", "/statement", "");
    row("no leading slash", "Statement", "");
    row("bad escape", "/a~2b", "");
    row("tilde at end", "/m~", "");
    row("unescaped tilde", "/m~n", "");
}

void tst_JsonPositions::locate()
{
    QFETCH(QByteArray, pointer);
    QFETCH(QByteArray, expected);

    const QByteArray doc = "{\"Statement\":[{\"Effect\":\"Allow\"},"
                           "{\"Effect\":\"Deny\",\"Action\":[\"s3:GetObject\"]}],"
                           "\"a/b\":1,\"m~n\":2,\"\":3,\"~1\":4,\"/~\":5,\"x\":{\"\":{\"y\":6}},"
                           "\"dup\":7,\"dup\":-7,\"0\":8}";
    const ReadResult result = read(view(doc));
    QVERIFY(result.value);
    const Value *found = iamx::json::locate(*result.value, view(pointer));
    if (expected.isEmpty()) {
        QVERIFY2(!found, found ? dump(*found).constData() : "");
    } else if (expected == "<root>") {
        QCOMPARE(found, &*result.value);
    } else {
        QVERIFY(found);
        QCOMPARE(dump(*found), expected);
    }
}

QTEST_APPLESS_MAIN(tst_JsonPositions)
#include "tst_jsonpositions.moc"
