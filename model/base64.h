#pragma once

#include <optional>
#include <string>
#include <string_view>

// Base-64 (RFC 4648, standard alphabet, `=` padding) for the BinaryEquals operator.

namespace iamx {

/// The bytes `text` encodes, or nullopt when it is not valid base-64 (wrong alphabet, bad
/// length or padding). Padding may be omitted when the length makes it unambiguous.
std::optional<std::string> decodeBase64(std::string_view text);

/// True when `text` is valid base-64 that decodes to exactly `bytes`. Allocates nothing.
bool base64DecodesTo(std::string_view text, std::string_view bytes);

} // namespace iamx
