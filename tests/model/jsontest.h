#pragma once

// Helpers shared by the JSON reader and writer tests (tst_jsonread, tst_jsonpositions,
// tst_jsonwrite): byte strings with NULs, views of QByteArrays, a value tree dumped as text.

#include "model/json.h"

#include <QTest>

#include <string>
#include <string_view>

namespace {

using iamx::json::Type;
using iamx::json::Value;

// Byte strings with embedded NULs survive: the array's size is used, not strlen.
template <size_t N> QByteArray raw(const char (&bytes)[N])
{
    return QByteArray(bytes, static_cast<qsizetype>(N - 1));
}

[[maybe_unused]] std::string_view view(const QByteArray &bytes)
{
    return std::string_view(bytes.constData(), static_cast<size_t>(bytes.size()));
}

[[maybe_unused]] QByteArray bytes(std::string_view text)
{
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

// A compact, unambiguous rendering of a value tree, written independently of appendQuoted so
// that the reader's tests do not depend on the writer.
[[maybe_unused]] void dump(const Value &value, std::string &out)
{
    const auto quote = [&out](const std::string &text) {
        out += '"';
        for (const char c : text) {
            const auto u = static_cast<unsigned char>(c);
            if (c == '"' || c == '\\') {
                out += '\\';
                out += c;
            } else if (u < 0x20) {
                static constexpr char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[u >> 4];
                out += hex[u & 0xF];
            } else {
                out += c;
            }
        }
        out += '"';
    };
    switch (value.type) {
    case Type::Null:
        out += "null";
        break;
    case Type::Boolean:
        out += value.boolean ? "true" : "false";
        break;
    case Type::Number:
        out += value.text;
        break;
    case Type::String:
        quote(value.text);
        break;
    case Type::Array:
        out += '[';
        for (size_t i = 0; i < value.items.size(); ++i) {
            if (i > 0)
                out += ',';
            dump(value.items[i], out);
        }
        out += ']';
        break;
    case Type::Object:
        out += '{';
        for (size_t i = 0; i < value.members.size(); ++i) {
            if (i > 0)
                out += ',';
            quote(value.members[i].key);
            out += ':';
            dump(value.members[i].value, out);
        }
        out += '}';
        break;
    }
}

[[maybe_unused]] QByteArray dump(const Value &value)
{
    std::string out;
    dump(value, out);
    return bytes(out);
}

} // namespace
