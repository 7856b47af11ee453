#pragma once

#include "model/policyparser.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Names one policy document of an account, stably across edits that do not touch its owner:
// how the tree, the editor tabs, the simulation's highlighting and the undo commands agree on
// which document they mean. Pointers into the Account do not survive an edit; this does.

namespace iamx {

class Account;
class PolicyText;

struct DocumentKey
{
    enum class Kind : std::uint8_t {
        None, ///< no document of the account (a session policy, a scenario's policy)
        Managed, ///< owner: the policy's ARN; name: a version id, empty for the default one
        UserInline, ///< owner: the user's name; name: the policy's name
        GroupInline, ///< owner: the group's name; name: the policy's name
        RoleInline, ///< owner: the role's name; name: the policy's name
        Trust, ///< owner: the role's name
        Resource, ///< owner: the resource's ARN
        Scp, ///< owner: the organization level's id; name: the policy's name
        Rcp, ///< owner: the organization level's id; name: the policy's name
    };

    Kind kind = Kind::None;
    std::string owner;
    std::string name;

    bool isNone() const { return kind == Kind::None; }
    bool operator==(const DocumentKey &) const = default;
};

/// The document a key names, or nullptr when the account has none (deleted, renamed).
/// Names are compared as IAM does (ignoring case); a Managed key with an empty name gives the
/// default version's document.
const PolicyText *findDocument(const Account &account, const DocumentKey &key);

/// How the document a key names is validated and evaluated: its policy type and, for resource
/// policies, the kind (a role's trust policy, a KMS key policy, an ordinary one).
/// `asBoundary` for a managed policy shown as a permissions boundary.
PolicyParseOptions parseOptionsFor(const DocumentKey &key, bool asBoundary = false);

/// A one-line text for a key (`managed arn:aws:iam::…`, `user-inline alice/Name`, ...), and
/// back: for settings, drag and drop and QVariants. nullopt when `text` is not one.
std::string documentKeyText(const DocumentKey &key);
std::optional<DocumentKey> parseDocumentKey(std::string_view text);

/// What people call the document: `DevReadOnly`, `inline AllowS3 of alice`, `trust policy of
/// ci-role`, `policy of arn:aws:s3:::reports`, `SCP DenyRegions at Root`.
std::string documentTitle(const Account &account, const DocumentKey &key);

} // namespace iamx
