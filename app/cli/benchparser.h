#pragma once

#include <ostream>

// `iamx bench --parser`: how the policy parser's time grows with its input.

namespace iamx::cli {

/// Parses documents of several shapes at n and 8n bytes and prints, per shape, how many times
/// longer 8 times the input took (a linear parser: about 8; a quadratic one: 64), then the
/// worst ratio last. Returns the exit status.
int benchParser(std::ostream &out);

} // namespace iamx::cli
