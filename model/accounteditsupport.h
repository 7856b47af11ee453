#pragma once

#include "model/account.h"

#include <string>
#include <string_view>
#include <vector>

// Helpers the files of AccountEdit share (accountedit.cpp: entities; accountrelations.cpp:
// members, attachments, boundaries; accountdocumentedit.cpp: policy texts). Not an API.

namespace iamx::editsupport {

template <typename Entity> size_t indexIn(const std::vector<Entity> &list, const Entity *entity)
{
    return static_cast<size_t>(entity - list.data());
}

/// Why `text` cannot be a policy document (it must be one JSON object); empty when it can.
std::string checkDocument(std::string_view text);

/// A document the account owns, as an edit writes it (a JSON object).
PolicyText ownedDocument(std::string_view text);

/// The inline policy named `name` (ignoring case), or `list.end()`.
std::vector<InlinePolicy>::iterator findInline(
        std::vector<InlinePolicy> &list, std::string_view name);

} // namespace iamx::editsupport
