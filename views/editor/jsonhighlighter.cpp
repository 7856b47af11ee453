#include "jsonhighlighter.h"

using namespace Qt::StringLiterals;

namespace iamx {

namespace {

/// A colour of `hue` that reads on `base`: darker on a light base, lighter on a dark one.
QColor tone(int hue, const QColor &base, int saturation = 170)
{
    const bool dark = base.lightness() < 128;
    return QColor::fromHsl(hue, saturation, dark ? 170 : 85);
}

bool isNumberChar(QChar c)
{
    return c.isDigit() || c == u'-' || c == u'+' || c == u'.' || c == u'e' || c == u'E';
}

} // namespace

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    setObjectName(u"jsonHighlighter"_s);
    setPalette(QPalette());
}

void JsonHighlighter::setPalette(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    m_formats[int(Token::Key)].setForeground(tone(210, base));
    m_formats[int(Token::Key)].setFontWeight(QFont::DemiBold);
    m_formats[int(Token::String)].setForeground(tone(120, base, 120));
    m_formats[int(Token::Number)].setForeground(tone(25, base));
    m_formats[int(Token::Keyword)].setForeground(tone(285, base, 120));
    QColor punctuation = palette.color(QPalette::Text);
    punctuation.setAlpha(150);
    m_formats[int(Token::Punctuation)].setForeground(punctuation);
    rehighlight();
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c == u'"') {
            qsizetype end = i + 1;
            while (end < n && text.at(end) != u'"')
                end += text.at(end) == u'\\' ? 2 : 1;
            end = std::min(end + 1, n);
            qsizetype next = end;
            while (next < n && text.at(next).isSpace())
                ++next;
            const bool key = next < n && text.at(next) == u':';
            setFormat(int(i), int(end - i), m_formats[int(key ? Token::Key : Token::String)]);
            i = end;
        } else if (c.isDigit() || c == u'-') {
            qsizetype end = i + 1;
            while (end < n && isNumberChar(text.at(end)))
                ++end;
            setFormat(int(i), int(end - i), m_formats[int(Token::Number)]);
            i = end;
        } else if (c.isLetter()) {
            qsizetype end = i + 1;
            while (end < n && text.at(end).isLetter())
                ++end;
            const QStringView word = QStringView(text).mid(i, end - i);
            if (word == u"true"_s || word == u"false"_s || word == u"null"_s)
                setFormat(int(i), int(end - i), m_formats[int(Token::Keyword)]);
            i = end;
        } else {
            if (c == u'{' || c == u'}' || c == u'[' || c == u']' || c == u':' || c == u',')
                setFormat(int(i), 1, m_formats[int(Token::Punctuation)]);
            ++i;
        }
    }
}

} // namespace iamx
