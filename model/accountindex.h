#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// The account tree's filter (ui.md, "Left dock"): an index built once per account, so that
// narrowing the tree to what matches a text stays within a frame on 75,000 principals. It knows
// each entity's name, ARN and tags, and the actions its policies mention, without compiling any
// policy.

namespace iamx {

class Account;

/// An entity of an account, as a kind and an index into that kind's list.
struct IndexedEntity
{
    enum class Kind : std::uint8_t { User, Group, Role, Policy, Resource, OrgLevel };
    Kind kind = Kind::User;
    std::uint32_t index = 0; ///< into Account::users(), groups(), ..., organization()->levels

    bool operator==(const IndexedEntity &) const = default;
};

/// A search index over one account. It holds copies of what it searches (lowercase), not
/// pointers, so it stays valid but stale when the account changes: build a new one then.
class AccountIndex
{
public:
    /// An index of nothing: every query is empty.
    AccountIndex() = default;
    /// Indexes `account`: names, ARNs, tags (as `key=value`), and the Action and NotAction
    /// patterns of every policy document (read, not compiled). Linear in the account's size.
    explicit AccountIndex(const Account &account);

    /// The entities that match `text`, by kind (users, groups, roles, policies, resources,
    /// organization levels) then index. Ignoring case and surrounding spaces, an entity matches
    /// when `text` is a substring of its name, ARN or one of its tags' `key=value`. When `text`
    /// has the form of an action (`service:Name`, possibly partial), an entity also matches
    /// when one of its policies has an Action pattern that matches `text` as an IAM wildcard, or
    /// an Action or NotAction pattern that contains it. A user's policies are its inline and
    /// attached ones and those of its groups; a group's and a role's their inline and attached
    /// ones (not trust policies or boundaries); a managed policy's its default version; a
    /// resource's its policy; an organization level's its SCPs and RCPs. Empty `text`: none.
    std::vector<IndexedEntity> query(std::string_view text) const;

    /// How many entities the index holds.
    size_t size() const { return m_entities.size(); }
    /// The actions the account's policies name literally (Action and NotAction, trust policies
    /// too; no wildcards), sorted ignoring case, each once in its first spelling: for completion.
    const std::vector<std::string> &actionNames() const { return m_actionNames; }
    /// The listed resources' ARNs and the literal ARNs (no wildcard, no policy variable) of the
    /// policies' Resource and NotResource elements, sorted: for completion.
    const std::vector<std::string> &resourceNames() const { return m_resourceNames; }
    /// How many distinct action patterns the account's policies mention.
    size_t actionPatternCount() const { return m_patterns.size(); }

    /// True when `text` has the form of an action or a prefix of one: a service prefix
    /// (letters, digits, `-`), a colon, then letters, digits, `*` or `?`.
    static bool looksLikeAction(std::string_view text);

private:
    friend class AccountIndexBuilder;
    struct Pattern
    {
        std::string text; ///< lowercase
        bool notAction = false;
        std::vector<std::uint16_t> units; ///< compiled glob (appendPatternUnits)
    };

    void add(IndexedEntity entity, std::string_view haystack, std::vector<std::uint32_t> actions);

    std::string m_haystack; ///< per entity: lowercase searchable text, then '\0'
    std::vector<std::uint32_t> m_starts; ///< per entity: where its text starts
    std::vector<IndexedEntity> m_entities;
    std::vector<Pattern> m_patterns;
    /// Per entity (CSR): the ids of the patterns its policies mention, sorted.
    std::vector<std::uint32_t> m_actionStarts { 0 };
    std::vector<std::uint32_t> m_actions;
    std::vector<std::string> m_actionNames;
    std::vector<std::string> m_resourceNames;
};

} // namespace iamx
