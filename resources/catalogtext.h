#pragma once

#include <string_view>

namespace iamx::resources {

/// The AWS action catalog (resources/catalog/catalog.tsv), compiled into the program; read it
/// through iamx::ActionCatalog (model/actioncatalog.h).
std::string_view catalogText();

} // namespace iamx::resources
