#pragma once

#include <QString>

#include <string_view>

namespace iamx {

class Account;

/// The details page of an entity as text, for the centre pane until it has its own widgets
/// (ui.md, "Centre"): for a principal its ARN, id, path, creation, tags, groups, boundary and
/// the policies that apply with where each comes from; for a group, policy or resource what
/// the account says of it. Empty when `arn` names none of these.
QString entityDetailsText(const Account &account, std::string_view arn);

} // namespace iamx
