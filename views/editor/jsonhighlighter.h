#pragma once

#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace iamx {

/// Colours JSON (ui.md, "Policy editor"): keys, strings, numbers, `true`/`false`/`null` and
/// punctuation, in colours derived from a palette so that they read on light and dark bases.
/// Each line is coloured on its own: JSON strings cannot span lines.
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit JsonHighlighter(QTextDocument *document);

    /// Derives the colours from `palette` (its Base and Text) and rehighlights.
    void setPalette(const QPalette &palette);

    enum class Token { Key, String, Number, Keyword, Punctuation, Count };
    /// The format used for `token`.
    QTextCharFormat format(Token token) const { return m_formats[int(token)]; }

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_formats[int(Token::Count)];
};

} // namespace iamx
