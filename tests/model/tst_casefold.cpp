#include "allocationcounter.h"

#include "model/casefold.h"

#include <QChar>
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

class tst_CaseFold : public QObject
{
    Q_OBJECT

private slots:
    void simpleLowercase_data();
    void simpleLowercase();
    void simpleLowercaseMatchesUnicodeData();
    void equalsIgnoreCase_data();
    void equalsIgnoreCase();
    void toLowercase_data();
    void toLowercase();
    void toAsciiLowercase_data();
    void toAsciiLowercase();
    void equalsIgnoreCaseAllocatesNothing();
};

void tst_CaseFold::simpleLowercase_data()
{
    QTest::addColumn<uint>("codePoint");
    QTest::addColumn<uint>("expected");

    const auto row = [](const char *name, uint codePoint, uint expected) {
        QTest::newRow(name) << codePoint << expected;
    };

    row("A", 'A', 'a');
    row("Z", 'Z', 'z');
    row("a", 'a', 'a');
    row("@ before A", '@', '@');
    row("[ after Z", '[', '[');
    row("digit", '7', '7');
    row("À", 0xC0, 0xE0);
    row("Þ", 0xDE, 0xFE);
    row("× is no letter", 0xD7, 0xD7);
    row("ß has no capital here", 0xDF, 0xDF);
    row("ÿ", 0xFF, 0xFF);
    row("µ", 0xB5, 0xB5);
    row("Ā", 0x100, 0x101);
    row("İ to plain i", 0x130, 'i');
    row("dotless ı stays", 0x131, 0x131);
    row("Ĺ odd capital", 0x139, 0x13A);
    row("Ÿ to Latin-1 ÿ", 0x178, 0xFF);
    row("Ž", 0x17D, 0x17E);
    row("long s stays", 0x17F, 0x17F);
    row("Α", 0x391, 0x3B1);
    row("Σ", 0x3A3, 0x3C3);
    row("final ς stays", 0x3C2, 0x3C2);
    row("Ά", 0x386, 0x3AC);
    row("Ώ", 0x38F, 0x3CE);
    row("ϴ", 0x3F4, 0x3B8);
    row("Ͽ", 0x3FF, 0x37D);
    row("Ё", 0x401, 0x451);
    row("А", 0x410, 0x430);
    row("Я", 0x42F, 0x44F);
    row("Ӏ palochka", 0x4C0, 0x4CF);
    row("Ԯ", 0x52E, 0x52F);
    // The whole of Unicode's simple mapping, not only the European alphabets.
    row("capital sharp s", 0x1E9E, 0xDF);
    row("Kelvin sign", 0x212A, 'k');
    row("Ohm sign", 0x2126, 0x3C9);
    row("fullwidth A", 0xFF21, 0xFF41);
    row("Deseret capital", 0x10400, 0x10428);
    row("Armenian capital", 0x531, 0x561);
    row("Georgian capital", 0x10A0, 0x2D00);
    row("last code point", 0x10FFFF, 0x10FFFF);
    row("beyond Unicode", 0x110000, 0x110000);
    row("all bits", 0xFFFFFFFF, 0xFFFFFFFF);
}

void tst_CaseFold::simpleLowercase()
{
    QFETCH(uint, codePoint);
    QFETCH(uint, expected);

    QCOMPARE(static_cast<uint>(iamx::simpleLowercase(codePoint)), expected);
}

// Qt's tables hold Unicode's simple lowercase mapping: we must agree with them on every code
// point. One exception: Qt leaves U+0130 İ alone because its full
// mapping is two code points, where UnicodeData.txt's simple mapping (ours) gives U+0069 i.
void tst_CaseFold::simpleLowercaseMatchesUnicodeData()
{
    QStringList mismatches;
    for (char32_t codePoint = 0; codePoint < 0x110000; ++codePoint) {
        char32_t expected = QChar::toLower(codePoint);
        if (codePoint == 0x130)
            expected = U'i';
        const char32_t actual = iamx::simpleLowercase(codePoint);
        if (actual != expected) {
            mismatches << QStringLiteral("U+%1 -> U+%2, expected U+%3")
                                  .arg(static_cast<uint>(codePoint), 4, 16, QLatin1Char('0'))
                                  .arg(static_cast<uint>(actual), 4, 16, QLatin1Char('0'))
                                  .arg(static_cast<uint>(expected), 4, 16, QLatin1Char('0'));
        }
    }
    QCOMPARE(mismatches, QStringList());
}

void tst_CaseFold::equalsIgnoreCase_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("expected");

    const auto row = [](const char *name, const QByteArray &a, const QByteArray &b, bool expected) {
        QTest::newRow(name) << a << b << expected;
    };

    row("empty", "", "", true);
    row("ASCII", "Hello", "hELLO", true);
    row("ASCII differs", "abc", "abd", false);
    row("prefix", "abc", "ab", false);
    row("empty vs text", "", "a", false);
    row("punctuation not folded", "[", "{", false);
    row("Latin-1", "ÀÉÎÕÜÞ", "àéîõüþ", true);
    row("Latin Extended-A", "ŁÓDŹ ŽĎÁR", "łódź žďár", true);
    row("ß vs ss", "ß", "ss", false);
    row("straße vs STRASSE", "straße", "STRASSE", false);
    row("ß vs capital sharp s", "ß", "ẞ", true);
    row("Greek", "ΑΘΗΝΑ", "αθηνα", true);
    row("Greek tonos", "ΆΈΉΊΌΎΏ", "άέήίόύώ", true);
    row("Greek sigma", "ΣΑΣ", "σασ", true);
    row("final sigma is its own letter", "ΟΔΟΣ", "οδος", false);
    row("Cyrillic", "МОСКВА", "москва", true);
    row("Cyrillic Ё and Ж", "ЁЖ", "ёж", true);
    row("Cyrillic а vs Latin a", "а", "a", false);
    row("dotted İ vs i", "İ", "i", true);
    row("I vs dotless ı", "I", "ı", false);
    row("Ÿ vs ÿ", "Ÿ", "ÿ", true);
    row("precomposed vs combining", "é", "e\xcc\x81", false);
    row("Kelvin sign vs k", "\xe2\x84\xaa", "k", true);
    row("emoji", "😀X", "😀x", true);
    row("lengths differ in bytes", "İSTANBUL", "istanbul", true);
    // Invalid UTF-8 bytes compare as themselves.
    row("lone lead byte", "\xc3", "\xc3", true);
    row("different lone bytes", "\xc3", "\xe3", false);
    row("lone byte vs its code point", "\xc9", "É", false);
    row("lone byte vs lowercase code point", "\xc9", "é", false);
    row("bad continuation", "\xc3\x28", "\xc3\x28", true);
    row("ASCII around a bad byte", "A\xffZ", "a\xffz", true);
    row("truncated sequence", "\xe2\x82", "\xe2\x82", true);
    row("overlong NUL", "\xc0\x80", QByteArray(1, '\0'), false);
    row("overlong slash", "\xc0\xaf", "/", false);
    row("surrogate", "\xed\xa0\x80", "\xed\xa0\x80", true);
    row("different surrogates", "\xed\xa0\x80", "\xed\xa0\x81", false);
    row("beyond U+10FFFF", "\xf4\x90\x80\x80", "\xf4\x90\x80\x80", true);
    row("embedded nul", QByteArray("A\0B", 3), QByteArray("a\0b", 3), true);
}

void tst_CaseFold::equalsIgnoreCase()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, expected);

    QCOMPARE(iamx::equalsIgnoreCase(view(a), view(b)), expected);
    QCOMPARE(iamx::equalsIgnoreCase(view(b), view(a)), expected);
    QVERIFY(iamx::equalsIgnoreCase(view(a), view(a)));
    // Comparing ignoring case is comparing the lower-cased texts.
    QCOMPARE(iamx::toLowercase(view(a)) == iamx::toLowercase(view(b)), expected);
}

void tst_CaseFold::toLowercase_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("ASCII") << QByteArray("Hello, World!") << QByteArray("hello, world!");
    QTest::newRow("Latin-1") << QByteArray("ÀÉ×Þ") << QByteArray("àé×þ");
    QTest::newRow("Greek") << QByteArray("ΑΣ ΟΔΟΣ") << QByteArray("ασ οδοσ");
    QTest::newRow("Cyrillic") << QByteArray("ПРИВЕТ") << QByteArray("привет");
    QTest::newRow("İ shrinks to one byte") << QByteArray("İSTANBUL") << QByteArray("istanbul");
    QTest::newRow("ẞ lowers to ß, never to ss") << QByteArray("STRAßE ẞ") << QByteArray("straße ß");
    QTest::newRow("four-byte sequence") << QByteArray("😀A") << QByteArray("😀a");
    QTest::newRow("invalid bytes kept") << QByteArray("A\xff"
                                                      "B\xc3")
                                        << QByteArray("a\xff"
                                                      "b\xc3");
    QTest::newRow("surrogate kept") << QByteArray("\xed\xa0\x80X") << QByteArray("\xed\xa0\x80x");
}

void tst_CaseFold::toLowercase()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, expected);

    QCOMPARE(toByteArray(iamx::toLowercase(view(text))), expected);
    QVERIFY(iamx::equalsIgnoreCase(view(text), view(expected)));
}

void tst_CaseFold::toAsciiLowercase_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("action") << QByteArray("s3:GetObject") << QByteArray("s3:getobject");
    QTest::newRow("condition key")
            << QByteArray("aws:PrincipalTag/Team") << QByteArray("aws:principaltag/team");
    QTest::newRow("non-ASCII untouched") << QByteArray("ÀB") << QByteArray("Àb");
    QTest::newRow("invalid bytes untouched") << QByteArray("\xc1Z") << QByteArray("\xc1z");
}

void tst_CaseFold::toAsciiLowercase()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, expected);

    QCOMPARE(toByteArray(iamx::toAsciiLowercase(view(text))), expected);
}

void tst_CaseFold::equalsIgnoreCaseAllocatesNothing()
{
    const std::string_view upper = "ÀÉÎÕÜ ΑΘΗΝΑ МОСКВА İSTANBUL \xff long enough for the heap";
    const std::string_view lower = "àéîõü αθηνα москва istanbul \xff LONG ENOUGH FOR THE HEAP";
    const std::size_t before = iamx::test::allocationCount();
    const bool equal = iamx::equalsIgnoreCase(upper, lower);
    const std::size_t afterCompare = iamx::test::allocationCount();
    const std::string lowered = iamx::toLowercase(upper);
    const std::size_t afterLowercase = iamx::test::allocationCount();
    QVERIFY(equal);
    QCOMPARE(afterCompare, before);
    // The counter works: building a long std::string does allocate.
    QVERIFY(afterLowercase > afterCompare);
}

QTEST_APPLESS_MAIN(tst_CaseFold)

#include "tst_casefold.moc"
