#pragma once

#include "model/account.h"
#include "model/documentkey.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

// Changing an account: create, rename and delete users, groups, roles and managed policies,
// group membership, attachments, boundaries and policy documents (issue #4). Every change keeps
// the references between entities consistent, rebuilds the indexes, and records the entities
// as they were before, so that it can be taken back exactly (undo restores the saved text
// byte for byte). A request that cannot be done is refused with a reason, changing nothing.

namespace iamx {

/// How to take back the changes of an AccountEdit exactly: each entity it changed, inserted or
/// removed, as it was before, in the order of the changes.
class AccountUndo
{
public:
    bool empty() const { return m_steps.empty(); }

private:
    friend class AccountEdit;
    enum class Slot : std::uint8_t { User, Group, Role, Policy, Resource, Organization };
    enum class Op : std::uint8_t { Changed, Inserted, Removed };
    using Value = std::variant<std::monostate, User, Group, Role, ManagedPolicy, Resource,
            std::optional<Organization>>;
    struct Step
    {
        Slot slot;
        Op op;
        size_t index; ///< in the entity list of `slot` (0 for the organization)
        Value before; ///< the entity before a change or a removal
    };
    std::vector<Step> m_steps;
};

/// What a new user, group, role or managed policy is made of.
struct NewEntity
{
    std::string name;
    std::string path = "/";
    /// The creation time as written to the file (`2024-05-02T09:15:00+00:00`), given by the
    /// caller so that redoing a creation gives the same entity.
    std::string createDate;
    /// A role's trust policy or a managed policy's first version (JSON object text); empty
    /// for a default: the account's root may assume the role, the policy allows nothing.
    std::string document;
};

/// Changes one account. Every mutator returns an empty string when it made the change, or says
/// in words why it cannot (name taken, invalid name or path, unknown entity, text that is not a
/// JSON object...): the account is then unchanged. Entities are named as Account's lookups name
/// them (a user, group or role by name, ARN or id; a managed policy by ARN or id).
class AccountEdit
{
public:
    enum class Mode : std::uint8_t {
        Change, ///< validate, then change the account
        Check, ///< validate only: the account is never changed (to refuse an edit before it is
               ///< pushed)
    };

    explicit AccountEdit(Account &account, Mode mode = Mode::Change);

    // Entities. New ones get their ARN from the account id and path, a unique id with IAM's
    // prefix (AIDA, AGPA, AROA, ANPA), and the given CreateDate.
    std::string createUser(const NewEntity &entity);
    std::string createGroup(const NewEntity &entity);
    std::string createRole(const NewEntity &entity);
    /// A customer managed policy with one version, v1, the default.
    std::string createPolicy(const NewEntity &entity);
    /// Renames an entity. A user's or role's ARN follows its name; a group's members list it
    /// under the new name; a managed policy gets a new ARN, and its attachments and boundaries
    /// follow it. AWS managed policies cannot be renamed.
    std::string rename(EntityKind kind, std::string_view entity, std::string_view newName);
    /// Deletes an entity and what refers to it: a group from its members' group lists, a
    /// managed policy from every attachment and boundary (see dependentsOf()).
    std::string remove(EntityKind kind, std::string_view entity);

    // Relations.
    std::string addToGroup(std::string_view user, std::string_view group);
    std::string removeFromGroup(std::string_view user, std::string_view group);
    /// Attaches a managed policy (by ARN) to a user, group or role; its AttachmentCount follows.
    std::string attachPolicy(EntityKind kind, std::string_view owner, std::string_view policyArn);
    std::string detachPolicy(EntityKind kind, std::string_view owner, std::string_view policyArn);
    /// Sets (or replaces) the permissions boundary of a user or role.
    std::string setBoundary(EntityKind kind, std::string_view owner, std::string_view policyArn);
    std::string removeBoundary(EntityKind kind, std::string_view owner);

    // Documents.
    /// Replaces the text of the document `key` names (any kind but None; a Managed key with
    /// no version id means the default version). `text` must be one JSON object; it is kept as
    /// given, in the decoded form. AWS managed policies cannot be changed.
    std::string setDocumentText(const DocumentKey &key, std::string_view text);
    /// Adds an inline policy (a UserInline, GroupInline or RoleInline key) with `text`.
    std::string createInlinePolicy(const DocumentKey &key, std::string_view text);
    std::string removeInlinePolicy(const DocumentKey &key);

    /// Hands over how to take back every change made so far, and starts a new record.
    AccountUndo takeUndo();
    /// Takes back the changes `undo` records, which must be the last ones made to the account
    /// (as an undo stack guarantees); the account is then exactly as it was before them.
    static void revert(Account &account, const AccountUndo &undo);

private:
    using Slot = AccountUndo::Slot;
    using Op = AccountUndo::Op;
    bool checking() const { return m_mode == Mode::Check; }
    /// Records `slot`[index] as it is now, before it is changed, and marks it edited.
    void willChange(Slot slot, size_t index);
    void record(Slot slot, Op op, size_t index, AccountUndo::Value before);
    std::string newId(std::string_view prefix, std::string_view name) const;
    std::string createPrincipal(EntityKind kind, const NewEntity &entity);
    std::string renamePolicy(const ManagedPolicy &policy, std::string_view newName);
    std::string removePolicy(size_t index);
    std::string setText(const DocumentKey &key, std::string_view text, bool create);

    Account &m_account;
    Mode m_mode;
    AccountUndo m_undo;
};

/// What depends on an entity and goes with it when it is deleted, in words for the delete
/// confirmation: a group's members (`member: user alice`), a managed policy's attachments
/// (`attached to role deployer`) and boundaries (`permissions boundary of user alice`). Empty
/// when nothing does, or the entity is unknown.
std::vector<std::string> dependentsOf(
        const Account &account, EntityKind kind, std::string_view entity);

/// Why `name` is not a valid IAM name of `kind` (1-64 characters for users and roles, 1-128
/// for groups and policies, of `A-Za-z0-9_+=,.@-`), or an empty string.
std::string checkIamName(EntityKind kind, std::string_view name);

/// Why `path` is not a valid IAM path (`/`, or `/a/b/`: 1-512 printable ASCII characters,
/// beginning and ending with `/`), or an empty string.
std::string checkIamPath(std::string_view path);

/// The word people use for an entity kind: `user`, `group`, `role`, `policy`.
std::string_view entityKindName(EntityKind kind);

} // namespace iamx
