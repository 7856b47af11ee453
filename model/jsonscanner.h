#pragma once

#include <cstddef>
#include <string_view>

// Finding where JSON values end without building them: how a large account file is cut into
// entities before each is parsed on its own (a whole-document parse would need memory the
// size of the file again). The values themselves are validated by whoever parses them.

namespace iamx::json {

/// The first offset at or after `pos` that is not JSON whitespace.
size_t skipWhitespace(std::string_view text, size_t pos);

/// The offset just past the value that starts at `pos`: an object or array (brackets matched,
/// strings and their escapes skipped), a string, or a literal or number (up to the next
/// `,` `]` `}` or whitespace). npos when the text ends first or a bracket does not match.
size_t valueEnd(std::string_view text, size_t pos);

} // namespace iamx::json
