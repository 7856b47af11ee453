#pragma once

#include <string>
#include <string_view>

// Helpers shared by the tests: where the committed test data lives, and reading files.

namespace iamx::test {

/// Absolute path of `relative` under tests/data/ in the source tree.
std::string testDataPath(std::string_view relative);

/// The whole content of a file; fails the current test (and returns "") when it cannot be read.
std::string readFile(const std::string &path);

} // namespace iamx::test
