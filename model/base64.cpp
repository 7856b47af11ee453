#include "base64.h"

#include <cstddef>

namespace iamx {
namespace {

int sextetValue(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == '/')
        return 63;
    return -1;
}

// Hands each decoded byte to `emit`, which returns false to stop early. One decoder for both
// entry points keeps their idea of "valid" identical; the callback lets base64DecodesTo()
// compare as it goes instead of building the bytes. Unused low bits of the last character are
// ignored, as the common decoders (Java's, Python's) ignore them.
template <typename Emit> bool decode(std::string_view text, Emit &&emit)
{
    size_t padding = 0;
    while (padding < 2 && padding < text.size() && text[text.size() - 1 - padding] == '=')
        ++padding;
    const std::string_view data = text.substr(0, text.size() - padding);
    // Without padding the length alone says how many bytes the last group holds; with it, the
    // padding must complete that group exactly.
    const size_t tail = data.size() % 4;
    if (tail == 1 || (padding > 0 && tail + padding != 4))
        return false;

    unsigned buffer = 0;
    int bufferedBits = 0;
    for (const char c : data) {
        const int value = sextetValue(c);
        if (value < 0)
            return false;
        buffer = (buffer << 6) | static_cast<unsigned>(value);
        bufferedBits += 6;
        if (bufferedBits >= 8) {
            bufferedBits -= 8;
            if (!emit(static_cast<char>(static_cast<unsigned char>(buffer >> bufferedBits))))
                return false;
            buffer &= (1u << bufferedBits) - 1;
        }
    }
    return true;
}

} // namespace

std::optional<std::string> decodeBase64(std::string_view text)
{
    std::string bytes;
    bytes.reserve(text.size() / 4 * 3 + 2);
    if (!decode(text, [&bytes](char byte) {
            bytes.push_back(byte);
            return true;
        }))
        return std::nullopt;
    return bytes;
}

bool base64DecodesTo(std::string_view text, std::string_view bytes)
{
    size_t matched = 0;
    const bool valid = decode(text, [&](char byte) {
        if (matched == bytes.size() || bytes[matched] != byte)
            return false;
        ++matched;
        return true;
    });
    return valid && matched == bytes.size();
}

} // namespace iamx
