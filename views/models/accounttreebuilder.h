#pragma once

#include "model/account.h"
#include "model/documentkey.h"
#include "model/statementsummary.h"
#include "views/models/accounttreemodel.h"
#include "views/qtconvert.h"

#include <QString>

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// How AccountTreeModel's rows are made (internal to the model): what a row stands for (Node),
// and TreeBuilder, which builds a row's children from the account a level at a time. The model
// (accounttreemodel.cpp) answers Qt's questions from these.

namespace iamx {

namespace treebuilding {

enum class Category : std::uint32_t {
    Users,
    Groups,
    Roles,
    Policies,
    CustomerManaged,
    AwsManaged,
    Resources,
    Organization,
};

inline constexpr std::array<const char16_t *, 8> categoryTitles = { u"Users", u"Groups", u"Roles",
    u"Policies", u"Customer managed", u"AWS managed", u"Resources", u"Organization" };

/// Who holds an inline policy, an attachment or a boundary.
enum class Owner : std::uint8_t { User, Group, Role };

template <typename T> std::uint32_t indexIn(const std::vector<T> &items, const T *item)
{
    return static_cast<std::uint32_t>(item - items.data());
}

inline const std::vector<InlinePolicy> &inlinesOf(
        const Account &account, Owner owner, std::uint32_t i)
{
    switch (owner) {
    case Owner::User:
        return account.users()[i].inlinePolicies;
    case Owner::Group:
        return account.groups()[i].inlinePolicies;
    case Owner::Role:
        break;
    }
    return account.roles()[i].inlinePolicies;
}

inline const std::vector<AttachedPolicy> &attachedOf(
        const Account &account, Owner owner, std::uint32_t i)
{
    switch (owner) {
    case Owner::User:
        return account.users()[i].attachedPolicies;
    case Owner::Group:
        return account.groups()[i].attachedPolicies;
    case Owner::Role:
        break;
    }
    return account.roles()[i].attachedPolicies;
}

inline const std::optional<std::string> &boundaryOf(
        const Account &account, Owner owner, std::uint32_t i)
{
    return owner == Owner::User ? account.users()[i].permissionsBoundaryArn
                                : account.roles()[i].permissionsBoundaryArn;
}

inline const std::string &ownerName(const Account &account, Owner owner, std::uint32_t i)
{
    switch (owner) {
    case Owner::User:
        return account.users()[i].name;
    case Owner::Group:
        return account.groups()[i].name;
    case Owner::Role:
        break;
    }
    return account.roles()[i].name;
}

/// The part of an ARN after its fifth colon (`acme-reports`, `key/1234...`); the ARN itself
/// when it has fewer parts.
inline std::string_view arnResource(std::string_view arn)
{
    size_t at = 0;
    for (int colons = 0; colons < 5; ++colons) {
        at = arn.find(':', at);
        if (at == std::string_view::npos)
            return arn;
        ++at;
    }
    return arn.substr(at);
}

} // namespace treebuilding

/// What a statement row shows, read from its document when the document row was expanded.
struct TreeStatementRow
{
    QString title; ///< the Sid, or `#index`
    QString summary;
    bool deny = false;
};

struct AccountTreeModel::Node
{
    NodeKind kind = NodeKind::Category;
    treebuilding::Owner owner =
            treebuilding::Owner::User; ///< InlinePolicy, AttachedPolicy, Boundary
    /// OrgPolicy: an RCP rather than an SCP; an entity under a policy: it is its boundary.
    bool flag = false;
    bool populated = false; ///< children have been built
    /// Indexes into the account: the entity (or owner, category, level), then the item of it;
    /// for a statement, b is its index in the Statement array.
    std::uint32_t a = 0;
    std::uint32_t b = 0;
    Node *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;
    /// A category: the entities it shows (all, or those the filter matched), and how many
    /// there are in all.
    std::vector<std::uint32_t> entities;
    std::uint32_t total = 0;
    std::unique_ptr<TreeStatementRow> statement;
    /// A document whose statements cannot be read: why (shown as its detail).
    QString problem;

    Node &add(NodeKind childKind, std::uint32_t childA, std::uint32_t childB = 0)
    {
        auto child = std::make_unique<Node>();
        child->kind = childKind;
        child->a = childA;
        child->b = childB;
        child->parent = this;
        child->row = static_cast<int>(children.size());
        children.push_back(std::move(child));
        return *children.back();
    }
};

namespace treebuilding {

using Node = AccountTreeModel::Node;
using Kind = AccountTreeModel::NodeKind;

/// Builds one node's children: each entity under its category with its relations below, a
/// level at a time.
class TreeBuilder
{
public:
    explicit TreeBuilder(const Account &account)
        : m_account(account)
    {
    }

    /// The root and its categories; `matches` the entities to show (nullptr: all).
    std::unique_ptr<Node> root(const std::vector<IndexedEntity> *matches) const
    {
        auto root = std::make_unique<Node>();
        root->populated = true;
        const Account &acc = m_account;
        const auto category = [&](Node &parent, Category which, size_t total) -> Node & {
            Node &node = parent.add(Kind::Category, std::uint32_t(which));
            node.total = static_cast<std::uint32_t>(total);
            return node;
        };
        Node &users = category(*root, Category::Users, acc.users().size());
        Node &groups = category(*root, Category::Groups, acc.groups().size());
        Node &roles = category(*root, Category::Roles, acc.roles().size());
        Node &policies = category(*root, Category::Policies, acc.policies().size());
        policies.populated = true;
        size_t awsTotal = 0;
        for (const auto &policy : acc.policies())
            awsTotal += policy.isAwsManaged() ? 1 : 0;
        Node &customer =
                category(policies, Category::CustomerManaged, acc.policies().size() - awsTotal);
        Node &aws = category(policies, Category::AwsManaged, awsTotal);
        Node &resources = category(*root, Category::Resources, acc.resources().size());
        Node &organization = category(*root, Category::Organization,
                acc.organization() ? acc.organization()->levels.size() : 0);

        const auto place = [&](IndexedEntity::Kind kind, std::uint32_t i) {
            switch (kind) {
            case IndexedEntity::Kind::User:
                return users.entities.push_back(i);
            case IndexedEntity::Kind::Group:
                return groups.entities.push_back(i);
            case IndexedEntity::Kind::Role:
                return roles.entities.push_back(i);
            case IndexedEntity::Kind::Policy:
                return (acc.policies()[i].isAwsManaged() ? aws : customer).entities.push_back(i);
            case IndexedEntity::Kind::Resource:
                return resources.entities.push_back(i);
            case IndexedEntity::Kind::OrgLevel:
                return organization.entities.push_back(i);
            }
        };
        if (matches) {
            for (const IndexedEntity &entity : *matches)
                place(entity.kind, entity.index);
        } else {
            using K = IndexedEntity::Kind;
            const auto all = [&](K kind, size_t count) {
                for (std::uint32_t i = 0; i < count; ++i)
                    place(kind, i);
            };
            all(K::User, acc.users().size());
            all(K::Group, acc.groups().size());
            all(K::Role, acc.roles().size());
            all(K::Policy, acc.policies().size());
            all(K::Resource, acc.resources().size());
            all(K::OrgLevel, organization.total);
        }
        // Policies shows its two subcategories; its list only counts what they show.
        policies.entities.resize(customer.entities.size() + aws.entities.size());
        return root;
    }

    void populate(Node &node) const
    {
        switch (node.kind) {
        case Kind::Category:
            return category(node);
        case Kind::User:
            if (node.parent->kind == Kind::Category)
                user(node, node.a);
            return;
        case Kind::Group:
            if (node.parent->kind == Kind::Category)
                for (const User *member : m_account.membersOf(m_account.groups()[node.a]))
                    node.add(Kind::User, indexIn(m_account.users(), member));
            if (node.parent->kind == Kind::Category || node.parent->kind == Kind::User)
                policiesOf(node, Owner::Group, node.a);
            return;
        case Kind::Role:
            if (node.parent->kind == Kind::Category) {
                if (!m_account.roles()[node.a].trustPolicy.empty())
                    node.add(Kind::TrustPolicy, node.a);
                policiesOf(node, Owner::Role, node.a);
            }
            return;
        case Kind::Policy:
            statements(node);
            attachments(node, node.a);
            return;
        case Kind::Resource:
            if (m_account.resources()[node.a].policy)
                node.add(Kind::ResourcePolicy, node.a);
            return;
        case Kind::OrgLevel: {
            const auto &level = m_account.organization()->levels[node.a];
            for (std::uint32_t j = 0; j < level.scps.size(); ++j)
                node.add(Kind::OrgPolicy, node.a, j);
            for (std::uint32_t j = 0; j < level.rcps.size(); ++j)
                node.add(Kind::OrgPolicy, node.a, j).flag = true;
            return;
        }
        case Kind::InlinePolicy:
        case Kind::AttachedPolicy:
        case Kind::Boundary:
        case Kind::TrustPolicy:
        case Kind::OrgPolicy:
        case Kind::ResourcePolicy:
            return statements(node);
        case Kind::Statement:
            return;
        }
    }

    /// The text of the policy document a row stands for; empty when it has none.
    std::string_view documentText(const Node &node) const
    {
        const Account &acc = m_account;
        const auto managed = [](const ManagedPolicy *policy) -> std::string_view {
            const PolicyVersion *version = policy ? policy->defaultPolicyVersion() : nullptr;
            return version ? version->document.text() : std::string_view();
        };
        switch (node.kind) {
        case Kind::Policy:
            return managed(&acc.policies()[node.a]);
        case Kind::InlinePolicy:
            return inlinesOf(acc, node.owner, node.a)[node.b].document.text();
        case Kind::AttachedPolicy:
            return managed(acc.findPolicy(attachedOf(acc, node.owner, node.a)[node.b].arn));
        case Kind::Boundary:
            return managed(acc.findPolicy(*boundaryOf(acc, node.owner, node.a)));
        case Kind::TrustPolicy:
            return acc.roles()[node.a].trustPolicy.text();
        case Kind::OrgPolicy: {
            const auto &level = acc.organization()->levels[node.a];
            return (node.flag ? level.rcps : level.scps)[node.b].document.text();
        }
        case Kind::ResourcePolicy:
            return acc.resources()[node.a].policy->text();
        default:
            return {};
        }
    }

private:
    void category(Node &node) const
    {
        const auto which = Category(node.a);
        const Kind kind = which == Category::Users ? Kind::User
                : which == Category::Groups        ? Kind::Group
                : which == Category::Roles         ? Kind::Role
                : which == Category::Resources     ? Kind::Resource
                : which == Category::Organization  ? Kind::OrgLevel
                                                   : Kind::Policy;
        node.children.reserve(node.entities.size());
        for (const std::uint32_t i : node.entities)
            node.add(kind, i);
    }

    void policiesOf(Node &node, Owner owner, std::uint32_t i) const
    {
        for (std::uint32_t j = 0; j < inlinesOf(m_account, owner, i).size(); ++j)
            node.add(Kind::InlinePolicy, i, j).owner = owner;
        for (std::uint32_t j = 0; j < attachedOf(m_account, owner, i).size(); ++j)
            node.add(Kind::AttachedPolicy, i, j).owner = owner;
        if (owner != Owner::Group && boundaryOf(m_account, owner, i))
            node.add(Kind::Boundary, i).owner = owner;
    }

    void user(Node &node, std::uint32_t i) const
    {
        for (const auto &groupName : m_account.users()[i].groupNames)
            if (const Group *found = m_account.findGroup(groupName))
                node.add(Kind::Group, indexIn(m_account.groups(), found));
        policiesOf(node, Owner::User, i);
    }

    void attachments(Node &node, std::uint32_t i) const
    {
        for (const auto &attachment : m_account.attachmentsOf(m_account.policies()[i])) {
            Node *added = nullptr;
            switch (attachment.kind) {
            case Account::Attachment::Kind::User:
                if (const User *found = m_account.findUser(attachment.arn))
                    added = &node.add(Kind::User, indexIn(m_account.users(), found));
                break;
            case Account::Attachment::Kind::Group:
                if (const Group *found = m_account.findGroup(attachment.arn))
                    added = &node.add(Kind::Group, indexIn(m_account.groups(), found));
                break;
            case Account::Attachment::Kind::Role:
                if (const Role *found = m_account.findRole(attachment.arn))
                    added = &node.add(Kind::Role, indexIn(m_account.roles(), found));
                break;
            }
            if (added)
                added->flag = attachment.asBoundary;
        }
    }

    void statements(Node &node) const
    {
        const std::string_view text = documentText(node);
        if (text.empty())
            return;
        const PolicySummary summary = summarizePolicy(text);
        if (summary.statements.empty())
            node.problem = toQString(summary.problem);
        for (const StatementSummary &statement : summary.statements) {
            Node &row = node.add(Kind::Statement, node.a, std::uint32_t(statement.index));
            row.statement = std::make_unique<TreeStatementRow>();
            row.statement->title = statement.sid.empty()
                    ? QStringView(u"#%1").toString().arg(statement.index)
                    : toQString(statement.sid);
            row.statement->summary = toQString(statement.text);
            row.statement->deny = statement.deny;
        }
    }

    const Account &m_account;
};

/// The document key of the policy document a row stands for (not for statements).
inline DocumentKey documentKeyOf(const Account &acc, const Node &node)
{
    DocumentKey key;
    switch (node.kind) {
    case Kind::Policy:
        key.kind = DocumentKey::Kind::Managed;
        key.owner = acc.policies()[node.a].arn;
        break;
    case Kind::InlinePolicy:
        key.kind = node.owner == Owner::User ? DocumentKey::Kind::UserInline
                : node.owner == Owner::Group ? DocumentKey::Kind::GroupInline
                                             : DocumentKey::Kind::RoleInline;
        key.owner = ownerName(acc, node.owner, node.a);
        key.name = inlinesOf(acc, node.owner, node.a)[node.b].name;
        break;
    case Kind::AttachedPolicy:
        key.kind = DocumentKey::Kind::Managed;
        key.owner = attachedOf(acc, node.owner, node.a)[node.b].arn;
        break;
    case Kind::Boundary:
        key.kind = DocumentKey::Kind::Managed;
        key.owner = *boundaryOf(acc, node.owner, node.a);
        break;
    case Kind::TrustPolicy:
        key.kind = DocumentKey::Kind::Trust;
        key.owner = acc.roles()[node.a].name;
        break;
    case Kind::OrgPolicy: {
        const auto &level = acc.organization()->levels[node.a];
        key.kind = node.flag ? DocumentKey::Kind::Rcp : DocumentKey::Kind::Scp;
        key.owner = level.id;
        key.name = (node.flag ? level.rcps : level.scps)[node.b].name;
        break;
    }
    case Kind::ResourcePolicy:
        key.kind = DocumentKey::Kind::Resource;
        key.owner = acc.resources()[node.a].arn;
        break;
    default:
        break;
    }
    return key;
}

} // namespace treebuilding

} // namespace iamx
