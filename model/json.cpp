#include "json.h"

#include "model/hexdigit.h"

#include <algorithm>
#include <climits>

namespace iamx::json {

namespace {

constexpr std::string_view byteOrderMark = "\xEF\xBB\xBF";

bool isWhitespace(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isDigit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

bool isContinuation(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

// The length of the well-formed UTF-8 sequence (RFC 3629) whose lead byte is at `pos`, or 0
// when it is not one. Overlong forms, encoded surrogates and code points past U+10FFFF are
// rejected, so whatever passes here can be handed on as UTF-8 without further checks.
size_t utf8SequenceLength(std::string_view text, size_t pos)
{
    const size_t n = text.size();
    const auto at = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = at(pos);
    if (lead < 0x80)
        return 1;
    if (lead >= 0xC2 && lead <= 0xDF)
        return pos + 1 < n && isContinuation(at(pos + 1)) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        if (pos + 2 >= n)
            return 0;
        const unsigned char second = at(pos + 1);
        // The second byte's range excludes overlong forms (E0) and surrogates (ED).
        const unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;
        const unsigned char high = lead == 0xED ? 0x9F : 0xBF;
        if (second < low || second > high || !isContinuation(at(pos + 2)))
            return 0;
        return 3;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        if (pos + 3 >= n)
            return 0;
        const unsigned char second = at(pos + 1);
        // Excludes overlong forms (F0) and code points past U+10FFFF (F4).
        const unsigned char low = lead == 0xF0 ? 0x90 : 0x80;
        const unsigned char high = lead == 0xF4 ? 0x8F : 0xBF;
        if (second < low || second > high || !isContinuation(at(pos + 2))
                || !isContinuation(at(pos + 3)))
            return 0;
        return 4;
    }
    return 0;
}

void appendUtf8(std::string &out, std::uint32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        const char bytes[] = { static_cast<char>(0xC0 | (cp >> 6)),
            static_cast<char>(0x80 | (cp & 0x3F)) };
        out.append(bytes, 2);
    } else if (cp < 0x10000) {
        const char bytes[] = { static_cast<char>(0xE0 | (cp >> 12)),
            static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F)) };
        out.append(bytes, 3);
    } else {
        const char bytes[] = { static_cast<char>(0xF0 | (cp >> 18)),
            static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
            static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F)) };
        out.append(bytes, 4);
    }
}

// A recursive-descent reader. Recursion is bounded by Limits::maxDepth, which is checked before
// every descent, so hostile nesting ends in an error instead of a stack overflow (a frame is
// small, but a caller raising the limit far past the default takes on the stack it needs).
// Values are built in place (emplace_back, then fill) to avoid moving subtrees around.
class Reader
{
public:
    Reader(std::string_view text, const Limits &limits)
        : m_text(text)
        , m_limits(limits)
    {
    }

    ReadResult readPrefix(size_t start)
    {
        ReadResult result;
        m_pos = std::min(start, m_text.size());
        if (m_pos == 0 && m_text.starts_with(byteOrderMark))
            m_pos = byteOrderMark.size();
        skipWhitespace();
        Value value;
        if (!readValue(value, 0)) {
            // No value ends anywhere; the error's offset is the most useful place to resume.
            result.error = std::move(m_error);
            result.end = result.error->offset;
            return result;
        }
        skipWhitespace();
        result.value = std::move(value);
        result.end = m_pos;
        return result;
    }

    // Why the text at the current position cannot continue the document: used for the bytes
    // after a complete value, where anything at all is wrong.
    SyntaxError trailingContentError()
    {
        const char *problem = specialProblem();
        fail(problem ? problem : "unexpected content after the value");
        return std::move(*m_error);
    }

private:
    unsigned char peek() const { return static_cast<unsigned char>(m_text[m_pos]); }
    bool atEnd() const { return m_pos >= m_text.size(); }

    bool fail(std::string message, size_t offset)
    {
        m_error = SyntaxError { std::move(message), offset };
        return false;
    }
    bool fail(std::string message) { return fail(std::move(message), m_pos); }

    void skipWhitespace()
    {
        while (m_pos < m_text.size() && isWhitespace(peek()))
            ++m_pos;
    }

    // The common reasons a text is not JSON at the current position (end of input,
    // comments, invalid UTF-8), said more precisely than "expected x"; nullptr when none
    // applies.
    const char *specialProblem() const
    {
        if (atEnd())
            return "unexpected end of input";
        const unsigned char c = peek();
        if (c == '/' && m_pos + 1 < m_text.size()
                && (m_text[m_pos + 1] == '/' || m_text[m_pos + 1] == '*'))
            return "comments are not allowed in JSON";
        if (c >= 0x80 && utf8SequenceLength(m_text, m_pos) == 0)
            return "invalid UTF-8";
        return nullptr;
    }

    bool failExpected(std::string_view what)
    {
        if (atEnd())
            return fail("unexpected end of input; expected " + std::string(what));
        if (const char *problem = specialProblem())
            return fail(problem);
        return fail("expected " + std::string(what));
    }

    bool readValue(Value &out, size_t depth)
    {
        if (atEnd())
            return failExpected("a value");
        out.offset = m_pos;
        switch (peek()) {
        case '{':
            return readObject(out, depth);
        case '[':
            return readArray(out, depth);
        case '"':
            out.type = Type::String;
            if (!readString(out.text))
                return false;
            break;
        case 't':
            out.type = Type::Boolean;
            out.boolean = true;
            if (!readLiteral("true"))
                return false;
            break;
        case 'f':
            out.type = Type::Boolean;
            if (!readLiteral("false"))
                return false;
            break;
        case 'n':
            out.type = Type::Null;
            if (!readLiteral("null"))
                return false;
            break;
        case '-':
        case '0':
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7':
        case '8':
        case '9':
            out.type = Type::Number;
            if (!readNumber(out.text))
                return false;
            break;
        default:
            return failNotAValue();
        }
        out.length = m_pos - out.offset;
        return true;
    }

    // The current byte cannot start a value; say why as helpfully as we can.
    bool failNotAValue()
    {
        const std::string_view rest = m_text.substr(m_pos);
        switch (peek()) {
        case '+':
            return fail("a number cannot start with '+'");
        case '.':
            return fail("a number needs a digit before the decimal point");
        case '\'':
            return fail("strings must use double quotes");
        case 'N':
            if (rest.starts_with("NaN"))
                return fail("NaN is not a valid JSON value");
            break;
        case 'I':
            if (rest.starts_with("Infinity"))
                return fail("Infinity is not a valid JSON value");
            break;
        default:
            break;
        }
        return failExpected("a value");
    }

    bool readLiteral(std::string_view literal)
    {
        if (!m_text.substr(m_pos).starts_with(literal))
            return fail("invalid literal; expected '" + std::string(literal) + "'");
        m_pos += literal.size();
        return true;
    }

    bool readNumber(std::string &out)
    {
        const size_t start = m_pos;
        const size_t n = m_text.size();
        if (peek() == '-') {
            ++m_pos;
            if (m_pos < n && m_text.substr(m_pos).starts_with("Infinity"))
                return fail("Infinity is not a valid JSON value", start);
            if (m_pos >= n || !isDigit(peek()))
                return failExpected("a digit after '-'");
        }
        if (peek() == '0') {
            if (m_pos + 1 < n && isDigit(static_cast<unsigned char>(m_text[m_pos + 1])))
                return fail("leading zeros are not allowed in numbers");
            ++m_pos;
        } else {
            while (m_pos < n && isDigit(peek()))
                ++m_pos;
        }
        if (m_pos < n && peek() == '.') {
            ++m_pos;
            if (m_pos >= n || !isDigit(peek()))
                return failExpected("a digit after the decimal point");
            while (m_pos < n && isDigit(peek()))
                ++m_pos;
        }
        if (m_pos < n && (peek() == 'e' || peek() == 'E')) {
            ++m_pos;
            if (m_pos < n && (peek() == '+' || peek() == '-'))
                ++m_pos;
            if (m_pos >= n || !isDigit(peek()))
                return failExpected("a digit in the exponent");
            while (m_pos < n && isDigit(peek()))
                ++m_pos;
        }
        out.assign(m_text.substr(start, m_pos - start));
        return true;
    }

    // Four hex digits at `pos`, or -1.
    long readHex4(size_t pos) const
    {
        if (pos + 4 > m_text.size())
            return -1;
        long value = 0;
        for (size_t i = pos; i < pos + 4; ++i) {
            const int digit = hexDigitValue(m_text[i]);
            if (digit < 0)
                return -1;
            value = value * 16 + digit;
        }
        return value;
    }

    // Decodes the string literal at the current position (its opening quote) into `out`.
    // Runs of bytes that need no decoding are appended in one piece.
    bool readString(std::string &out)
    {
        const size_t quote = m_pos;
        const size_t n = m_text.size();
        size_t pos = m_pos + 1;
        while (true) {
            const size_t runStart = pos;
            while (pos < n) {
                const auto c = static_cast<unsigned char>(m_text[pos]);
                if (c == '"' || c == '\\' || c < 0x20)
                    break;
                if (c < 0x80) {
                    ++pos;
                } else {
                    const size_t length = utf8SequenceLength(m_text, pos);
                    if (length == 0)
                        return fail("invalid UTF-8", pos);
                    pos += length;
                }
            }
            out.append(m_text.substr(runStart, pos - runStart));
            if (pos >= n)
                return fail("unterminated string", quote);
            const auto c = static_cast<unsigned char>(m_text[pos]);
            if (c == '"') {
                m_pos = pos + 1;
                return true;
            }
            if (c < 0x20)
                return fail("control characters must be escaped in strings", pos);
            // A backslash.
            if (pos + 1 >= n)
                return fail("unterminated string", quote);
            const auto escaped = static_cast<unsigned char>(m_text[pos + 1]);
            switch (escaped) {
            case '"':
            case '\\':
            case '/':
                out += static_cast<char>(escaped);
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                const long unit = readHex4(pos + 2);
                if (unit < 0)
                    return fail("\\u must be followed by four hex digits", pos);
                if (unit >= 0xDC00 && unit <= 0xDFFF)
                    return fail("unpaired surrogate in \\u escape", pos);
                if (unit >= 0xD800 && unit <= 0xDBFF) {
                    // A high surrogate counts only with a low one right after it.
                    const bool escapeFollows =
                            pos + 7 < n && m_text[pos + 6] == '\\' && m_text[pos + 7] == 'u';
                    const long low = escapeFollows ? readHex4(pos + 8) : -1;
                    if (escapeFollows && low < 0)
                        return fail("\\u must be followed by four hex digits", pos + 6);
                    if (low < 0xDC00 || low > 0xDFFF)
                        return fail("unpaired surrogate in \\u escape", pos);
                    appendUtf8(out,
                            0x10000 + ((static_cast<std::uint32_t>(unit) - 0xD800) << 10)
                                    + (static_cast<std::uint32_t>(low) - 0xDC00));
                    pos += 6;
                } else {
                    appendUtf8(out, static_cast<std::uint32_t>(unit));
                }
                pos += 4; // the hex digits; the two escape characters are skipped below
                break;
            }
            default:
                if (escaped >= 0x21 && escaped < 0x7F)
                    return fail(std::string("invalid escape sequence '\\")
                                    + static_cast<char>(escaped) + "'",
                            pos);
                return fail("invalid escape sequence", pos);
            }
            pos += 2;
        }
    }

    bool enter(size_t depth)
    {
        if (depth >= m_limits.maxDepth)
            return fail("nesting deeper than " + std::to_string(m_limits.maxDepth) + " levels");
        return true;
    }

    bool readArray(Value &out, size_t depth)
    {
        out.type = Type::Array;
        if (!enter(depth))
            return false;
        ++m_pos;
        skipWhitespace();
        if (!atEnd() && peek() == ']') {
            ++m_pos;
            out.length = m_pos - out.offset;
            return true;
        }
        while (true) {
            Value &item = out.items.emplace_back();
            if (!readValue(item, depth + 1))
                return false;
            skipWhitespace();
            if (atEnd())
                return failExpected("',' or ']'");
            if (peek() == ']') {
                ++m_pos;
                out.length = m_pos - out.offset;
                return true;
            }
            if (peek() != ',')
                return failExpected("',' or ']'");
            const size_t comma = m_pos;
            ++m_pos;
            skipWhitespace();
            if (!atEnd() && peek() == ']')
                return fail("trailing comma before ']'", comma);
        }
    }

    bool readObject(Value &out, size_t depth)
    {
        out.type = Type::Object;
        if (!enter(depth))
            return false;
        ++m_pos;
        skipWhitespace();
        if (!atEnd() && peek() == '}') {
            ++m_pos;
            out.length = m_pos - out.offset;
            return true;
        }
        while (true) {
            if (atEnd() || peek() != '"') {
                if (!atEnd() && peek() == '\'')
                    return fail("strings must use double quotes");
                return failExpected("a string as the member name");
            }
            Member &member = out.members.emplace_back();
            member.keyOffset = m_pos;
            if (!readString(member.key))
                return false;
            member.keyLength = m_pos - member.keyOffset;
            skipWhitespace();
            if (atEnd() || peek() != ':')
                return failExpected("':' after the member name");
            ++m_pos;
            skipWhitespace();
            if (!readValue(member.value, depth + 1))
                return false;
            skipWhitespace();
            if (atEnd())
                return failExpected("',' or '}'");
            if (peek() == '}') {
                ++m_pos;
                out.length = m_pos - out.offset;
                return true;
            }
            if (peek() != ',')
                return failExpected("',' or '}'");
            const size_t comma = m_pos;
            ++m_pos;
            skipWhitespace();
            if (!atEnd() && peek() == '}')
                return fail("trailing comma before '}'", comma);
        }
    }

    std::string_view m_text;
    const Limits &m_limits;
    size_t m_pos = 0;
    std::optional<SyntaxError> m_error;
};

} // namespace

const Value *Value::find(std::string_view key) const
{
    for (const Member &member : members) {
        if (member.key == key)
            return &member.value;
    }
    return nullptr;
}

ReadResult read(std::string_view text, const Limits &limits)
{
    Reader reader(text, limits);
    ReadResult result = reader.readPrefix(0);
    if (result.value && result.end < text.size()) {
        // Only whitespace may follow the value; readPrefix has skipped it already.
        result.value.reset();
        result.error = reader.trailingContentError();
    }
    return result;
}

ReadResult readPrefix(std::string_view text, size_t start, const Limits &limits)
{
    return Reader(text, limits).readPrefix(start);
}

LineIndex::LineIndex(std::string_view text)
    : m_text(text)
{
    m_lineStarts.push_back(0);
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        // CRLF is one break (the \r stays on the line it ends); a lone \r is a break too.
        if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')))
            m_lineStarts.push_back(i + 1);
    }
}

LineIndex::Position LineIndex::position(size_t offset) const
{
    offset = std::min(offset, m_text.size());
    // The last line start at or before `offset`.
    const auto next = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    const size_t lineIndex = static_cast<size_t>(next - m_lineStarts.begin()) - 1;
    const size_t lineStart = m_lineStarts[lineIndex];
    // Findings come in increasing order, often many on one long (minified) line: continue
    // counting from the last position asked when it is earlier on the same line, so that k
    // positions on a line of n bytes cost O(n + k), not O(n * k).
    size_t from = lineStart;
    size_t codePoints = 0;
    if (m_lastLine == lineIndex && m_lastOffset <= offset) {
        from = m_lastOffset;
        codePoints = m_lastCodePoints;
    }
    for (size_t i = from; i < offset; ++i) {
        if (!isContinuation(static_cast<unsigned char>(m_text[i])))
            ++codePoints;
    }
    m_lastLine = lineIndex;
    m_lastOffset = offset;
    m_lastCodePoints = codePoints;
    // An offset inside a multibyte character belongs to that character's column.
    if (offset < m_text.size() && codePoints > 0
            && isContinuation(static_cast<unsigned char>(m_text[offset])))
        --codePoints;
    const auto clampToInt = [](size_t value) {
        return static_cast<int>(std::min(value, static_cast<size_t>(INT_MAX)));
    };
    return Position { clampToInt(lineIndex + 1), clampToInt(codePoints + 1) };
}

std::string escapePointerToken(std::string_view token)
{
    std::string escaped;
    escaped.reserve(token.size());
    for (const char c : token) {
        if (c == '~')
            escaped += "~0";
        else if (c == '/')
            escaped += "~1";
        else
            escaped += c;
    }
    return escaped;
}

namespace {

// Unescapes one RFC 6901 reference token into `out`; false when it has a `~` not followed by 0
// or 1.
bool unescapePointerToken(std::string_view token, std::string &out)
{
    out.clear();
    for (size_t i = 0; i < token.size(); ++i) {
        if (token[i] != '~') {
            out += token[i];
            continue;
        }
        if (i + 1 >= token.size())
            return false;
        if (token[i + 1] == '0')
            out += '~';
        else if (token[i + 1] == '1')
            out += '/';
        else
            return false;
        ++i;
    }
    return true;
}

// An array index as RFC 6901 spells it: "0" or decimal digits without a leading zero. Indexes
// too large for size_t cannot exist, so they are rejected rather than wrapped.
std::optional<size_t> parseArrayIndex(std::string_view token)
{
    if (token.empty() || (token.size() > 1 && token[0] == '0'))
        return std::nullopt;
    size_t index = 0;
    for (const char c : token) {
        if (!isDigit(static_cast<unsigned char>(c)))
            return std::nullopt;
        const auto digit = static_cast<size_t>(c - '0');
        if (index > (SIZE_MAX - digit) / 10)
            return std::nullopt;
        index = index * 10 + digit;
    }
    return index;
}

} // namespace

const Value *locate(const Value &root, std::string_view pointer)
{
    if (pointer.empty())
        return &root;
    if (pointer[0] != '/')
        return nullptr;
    const Value *current = &root;
    std::string token;
    size_t pos = 1;
    while (true) {
        const size_t slash = pointer.find('/', pos);
        const std::string_view raw = pointer.substr(
                pos, slash == std::string_view::npos ? std::string_view::npos : slash - pos);
        if (current->isObject()) {
            if (!unescapePointerToken(raw, token))
                return nullptr;
            current = current->find(token);
        } else if (current->isArray()) {
            const std::optional<size_t> index = parseArrayIndex(raw);
            if (!index || *index >= current->items.size())
                return nullptr;
            current = &current->items[*index];
        } else {
            return nullptr;
        }
        if (current == nullptr || slash == std::string_view::npos)
            return current;
        pos = slash + 1;
    }
}

void appendQuoted(std::string &out, std::string_view text)
{
    static constexpr char hexDigits[] = "0123456789abcdef";
    out.reserve(out.size() + text.size() + 2);
    out += '"';
    size_t runStart = 0;
    size_t pos = 0;
    const auto flush = [&] { out.append(text.substr(runStart, pos - runStart)); };
    while (pos < text.size()) {
        const auto c = static_cast<unsigned char>(text[pos]);
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            ++pos;
            continue;
        }
        if (c >= 0x80) {
            const size_t length = utf8SequenceLength(text, pos);
            if (length > 0) {
                pos += length;
                continue;
            }
            // Invalid UTF-8 would make the literal unreadable; U+FFFD keeps it valid JSON.
            flush();
            out += "\xEF\xBF\xBD";
            runStart = ++pos;
            continue;
        }
        flush();
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default: {
            const char escape[] = { '\\', 'u', '0', '0', hexDigits[c >> 4], hexDigits[c & 0xF] };
            out.append(escape, sizeof escape);
            break;
        }
        }
        runStart = ++pos;
    }
    flush();
    out += '"';
}

} // namespace iamx::json
