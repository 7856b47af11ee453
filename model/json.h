#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// A JSON reader of our own. nlohmann 3.11 keeps no source positions and silently keeps the
// last of duplicate keys; policies need both (style.md, "Errors"), so every value here knows
// its byte range in the source and objects keep every member, duplicates included, in order.

namespace iamx::json {

enum class Type : std::uint8_t { Null, Boolean, Number, String, Array, Object };

struct Member;

/// One JSON value with its place in the source text.
struct Value
{
    Type type = Type::Null;
    bool boolean = false; ///< the value of a Boolean
    std::string text; ///< String: decoded UTF-8; Number: the literal exactly as written
    std::vector<Value> items; ///< Array elements
    std::vector<Member> members; ///< Object members in source order; duplicate keys are kept
    size_t offset = 0; ///< byte offset of the value's first character in the source
    size_t length = 0; ///< byte length of the value's source text

    bool isNull() const { return type == Type::Null; }
    bool isBoolean() const { return type == Type::Boolean; }
    bool isNumber() const { return type == Type::Number; }
    bool isString() const { return type == Type::String; }
    bool isArray() const { return type == Type::Array; }
    bool isObject() const { return type == Type::Object; }

    /// The first member whose key is exactly `key`, or nullptr (also when not an object).
    const Value *find(std::string_view key) const;
};

/// An object member: the decoded key, where the key's string literal is, and the value.
struct Member
{
    std::string key;
    size_t keyOffset = 0; ///< byte offset of the key's opening quote
    size_t keyLength = 0; ///< byte length of the key's literal, quotes included
    Value value;
};

/// Bounds that keep hostile input from exhausting the stack or memory.
struct Limits
{
    size_t maxDepth = 100; ///< arrays and objects nested deeper are an error
};

/// A syntax error: what is wrong and the byte offset where it was found.
struct SyntaxError
{
    std::string message;
    size_t offset = 0;
};

struct ReadResult
{
    std::optional<Value> value; ///< set when the text was a valid JSON value
    std::optional<SyntaxError> error; ///< set otherwise (the first error; reading stops there)
    size_t end = 0; ///< byte offset just past the value read (and whitespace)
};

/// Reads `text` as exactly one JSON value (RFC 8259) surrounded by optional whitespace; a UTF-8
/// byte-order mark at the start is skipped. Invalid UTF-8, lone surrogate escapes, control
/// characters in strings, and anything after the value are errors.
ReadResult read(std::string_view text, const Limits &limits = {});

/// Reads one JSON value starting at `start` (after optional whitespace) and stops after it and
/// the whitespace that follows; `end` says where. What comes after is not looked at.
ReadResult readPrefix(std::string_view text, size_t start, const Limits &limits = {});

/// Maps byte offsets in a text to 1-based line and column numbers; columns count code points.
class LineIndex
{
public:
    explicit LineIndex(std::string_view text);

    struct Position
    {
        int line = 1;
        int column = 1;
    };
    /// The line and column of the byte at `offset` (clamped to the end of the text).
    Position position(size_t offset) const;

private:
    std::string_view m_text;
    std::vector<size_t> m_lineStarts;
    // Where the last position() call ended, to count on from there (not thread-safe: a
    // LineIndex is used by one thread at a time).
    mutable size_t m_lastLine = static_cast<size_t>(-1);
    mutable size_t m_lastOffset = 0;
    mutable size_t m_lastCodePoints = 0;
};

/// One reference token of a JSON pointer, escaped as RFC 6901 says (`~` -> `~0`, `/` -> `~1`).
std::string escapePointerToken(std::string_view token);

/// The value a JSON pointer (RFC 6901) designates in `root`, or nullptr when there is none.
/// With duplicate keys the first member wins, as `Value::find` does.
const Value *locate(const Value &root, std::string_view pointer);

/// Appends `text` to `out` as a JSON string literal, quotes included, escaping what JSON requires
/// (and control characters as \u00XX).
void appendQuoted(std::string &out, std::string_view text);

} // namespace iamx::json
