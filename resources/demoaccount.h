#pragma once

#include <string_view>

namespace iamx::resources {

/// The built-in classroom account (resources/demo/account.json), a workspace file.
std::string_view demoAccountText();

/// The name the demo account is given with `--account` and shown under.
inline constexpr std::string_view demoAccountName = "demo";

} // namespace iamx::resources
