#include "accounttreemodel.h"

#include "model/account.h"
#include "views/accountdocument.h"
#include "views/qtconvert.h"

#include <string_view>

using namespace Qt::StringLiterals;

namespace iamx {

namespace {

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

/// Who holds an inline policy, an attachment or a boundary.
enum class Owner : std::uint8_t { User, Group, Role };

template <typename T> std::uint32_t indexIn(const std::vector<T> &items, const T *item)
{
    return static_cast<std::uint32_t>(item - items.data());
}

const std::vector<InlinePolicy> &inlinesOf(const Account &account, Owner owner, std::uint32_t i)
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

const std::vector<AttachedPolicy> &attachedOf(const Account &account, Owner owner, std::uint32_t i)
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

const std::optional<std::string> &boundaryOf(const Account &account, Owner owner, std::uint32_t i)
{
    return owner == Owner::User ? account.users()[i].permissionsBoundaryArn
                                : account.roles()[i].permissionsBoundaryArn;
}

/// The part of an ARN after its fifth colon (`acme-reports`, `key/1234...`); the ARN itself
/// when it has fewer parts.
std::string_view arnResource(std::string_view arn)
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

QString defaultVersionText(const ManagedPolicy *policy)
{
    if (!policy)
        return {};
    const PolicyVersion *version = policy->defaultPolicyVersion();
    return version ? toQString(version->document.text()) : QString();
}

} // namespace

struct AccountTreeModel::Node
{
    NodeKind kind = NodeKind::Category;
    Owner owner = Owner::User; ///< InlinePolicy, AttachedPolicy, Boundary
    /// OrgPolicy: an RCP rather than an SCP; an entity under a policy: it is its boundary.
    bool flag = false;
    /// Indexes into the account: the entity (or owner, category, level), then the item of it.
    std::uint32_t a = 0;
    std::uint32_t b = 0;
    Node *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;

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
    Node &add(Category category) { return add(NodeKind::Category, std::uint32_t(category)); }
};

namespace {

using Node = AccountTreeModel::Node;
using Kind = AccountTreeModel::NodeKind;

/// Builds the nodes of an account: each entity under its category with its relations below.
class TreeBuilder
{
public:
    explicit TreeBuilder(const Account &account)
        : m_account(account)
    {
    }

    std::unique_ptr<Node> build() const
    {
        auto root = std::make_unique<Node>();
        const Account &acc = m_account;
        auto &users = root->add(Category::Users);
        for (std::uint32_t i = 0; i < acc.users().size(); ++i)
            user(users.add(Kind::User, i), i);
        auto &groups = root->add(Category::Groups);
        for (std::uint32_t i = 0; i < acc.groups().size(); ++i)
            group(groups.add(Kind::Group, i), i);
        auto &roles = root->add(Category::Roles);
        for (std::uint32_t i = 0; i < acc.roles().size(); ++i)
            role(roles.add(Kind::Role, i), i);
        auto &policies = root->add(Category::Policies);
        auto &customer = policies.add(Category::CustomerManaged);
        auto &aws = policies.add(Category::AwsManaged);
        for (std::uint32_t i = 0; i < acc.policies().size(); ++i) {
            auto &into = acc.policies()[i].isAwsManaged() ? aws : customer;
            policy(into.add(Kind::Policy, i), i);
        }
        auto &resources = root->add(Category::Resources);
        for (std::uint32_t i = 0; i < acc.resources().size(); ++i)
            if (acc.resources()[i].policy)
                resources.add(Kind::Resource, i).add(Kind::ResourcePolicy, i);
            else
                resources.add(Kind::Resource, i);
        auto &organization = root->add(Category::Organization);
        if (acc.organization())
            for (std::uint32_t i = 0; i < acc.organization()->levels.size(); ++i)
                level(organization.add(Kind::OrgLevel, i), i);
        return root;
    }

private:
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
            if (const Group *found = m_account.findGroup(groupName)) {
                const auto g = indexIn(m_account.groups(), found);
                policiesOf(node.add(Kind::Group, g), Owner::Group, g);
            }
        policiesOf(node, Owner::User, i);
    }

    void group(Node &node, std::uint32_t i) const
    {
        for (const User *member : m_account.membersOf(m_account.groups()[i]))
            node.add(Kind::User, indexIn(m_account.users(), member));
        policiesOf(node, Owner::Group, i);
    }

    void role(Node &node, std::uint32_t i) const
    {
        if (!m_account.roles()[i].trustPolicy.empty())
            node.add(Kind::TrustPolicy, i);
        policiesOf(node, Owner::Role, i);
    }

    void policy(Node &node, std::uint32_t i) const
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

    void level(Node &node, std::uint32_t i) const
    {
        const auto &orgLevel = m_account.organization()->levels[i];
        for (std::uint32_t j = 0; j < orgLevel.scps.size(); ++j)
            node.add(Kind::OrgPolicy, i, j);
        for (std::uint32_t j = 0; j < orgLevel.rcps.size(); ++j)
            node.add(Kind::OrgPolicy, i, j).flag = true;
    }

    const Account &m_account;
};

} // namespace

AccountTreeModel::AccountTreeModel(const AccountDocument *document, QObject *parent)
    : QAbstractItemModel(parent)
    , m_document(document)
    , m_root(TreeBuilder(document->account()).build())
{
    connect(document, &AccountDocument::accountReset, this, &AccountTreeModel::rebuild);
}

AccountTreeModel::~AccountTreeModel() = default;

void AccountTreeModel::rebuild()
{
    beginResetModel();
    m_root = TreeBuilder(m_document->account()).build();
    endResetModel();
}

AccountTreeModel::Node *AccountTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex AccountTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, nodeOf(parent)->children[size_t(row)].get());
}

QModelIndex AccountTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Node *up = nodeOf(child)->parent;
    if (!up || up == m_root.get())
        return {};
    return createIndex(up->row, 0, up);
}

int AccountTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return static_cast<int>(nodeOf(parent)->children.size());
}

int AccountTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant AccountTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return u"Name"_s;
    case DetailColumn:
        return u"Details"_s;
    default:
        return {};
    }
}

QVariant AccountTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &node = *nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == NameColumn ? name(node) : detail(node);
    case Qt::ToolTipRole: {
        const QString text = arn(node);
        return text.isEmpty() ? detail(node) : text;
    }
    case KindRole:
        return int(node.kind);
    case ArnRole:
        return arn(node);
    case PolicyTextRole:
        return policyText(node);
    default:
        return {};
    }
}

QString AccountTreeModel::name(const Node &node) const
{
    const Account &acc = m_document->account();
    switch (node.kind) {
    case NodeKind::Category: {
        static constexpr const char16_t *titles[] = { u"Users", u"Groups", u"Roles", u"Policies",
            u"Customer managed", u"AWS managed", u"Resources", u"Organization" };
        size_t count = node.children.size();
        if (Category(node.a) == Category::Policies)
            count = acc.policies().size();
        return u"%1 (%2)"_s.arg(QStringView(titles[node.a])).arg(count);
    }
    case NodeKind::User:
        return toQString(acc.users()[node.a].name);
    case NodeKind::Group:
        return toQString(acc.groups()[node.a].name);
    case NodeKind::Role:
        return toQString(acc.roles()[node.a].name);
    case NodeKind::Policy:
        return toQString(acc.policies()[node.a].name);
    case NodeKind::Resource:
        return toQString(arnResource(acc.resources()[node.a].arn));
    case NodeKind::OrgLevel:
        return toQString(acc.organization()->levels[node.a].name);
    case NodeKind::InlinePolicy:
        return toQString(inlinesOf(acc, node.owner, node.a)[node.b].name);
    case NodeKind::AttachedPolicy:
        return toQString(attachedOf(acc, node.owner, node.a)[node.b].name);
    case NodeKind::Boundary: {
        const std::string &boundary = *boundaryOf(acc, node.owner, node.a);
        const ManagedPolicy *policy = acc.findPolicy(boundary);
        return toQString(policy ? std::string_view(policy->name) : arnResource(boundary));
    }
    case NodeKind::TrustPolicy:
        return u"Trust policy"_s;
    case NodeKind::OrgPolicy: {
        const auto &level = acc.organization()->levels[node.a];
        return toQString((node.flag ? level.rcps : level.scps)[node.b].name);
    }
    case NodeKind::ResourcePolicy:
        return u"Resource policy"_s;
    }
    return {};
}

QString AccountTreeModel::detail(const Node &node) const
{
    const bool relation = node.parent && node.parent->kind != NodeKind::Category;
    switch (node.kind) {
    case NodeKind::Category:
        return {};
    case NodeKind::User:
        if (relation)
            return node.parent->kind == NodeKind::Group ? u"member"_s
                    : node.flag                         ? u"user, as boundary"_s
                                                        : u"user"_s;
        return arn(node);
    case NodeKind::Group:
        if (relation)
            return node.parent->kind == NodeKind::User ? u"member of group"_s : u"group"_s;
        return arn(node);
    case NodeKind::Role:
        if (relation)
            return node.flag ? u"role, as boundary"_s : u"role"_s;
        return arn(node);
    case NodeKind::Policy:
    case NodeKind::Resource:
        return arn(node);
    case NodeKind::OrgLevel:
        return toQString(m_document->account().organization()->levels[node.a].id);
    case NodeKind::InlinePolicy:
        return u"inline"_s;
    case NodeKind::AttachedPolicy:
        return u"attached"_s;
    case NodeKind::Boundary:
        return u"permissions boundary"_s;
    case NodeKind::TrustPolicy:
        return u"who may assume the role"_s;
    case NodeKind::OrgPolicy:
        return node.flag ? u"RCP"_s : u"SCP"_s;
    case NodeKind::ResourcePolicy:
        return u"resource policy"_s;
    }
    return {};
}

QString AccountTreeModel::arn(const Node &node) const
{
    const Account &acc = m_document->account();
    switch (node.kind) {
    case NodeKind::User:
        return toQString(acc.users()[node.a].arn);
    case NodeKind::Group:
        return toQString(acc.groups()[node.a].arn);
    case NodeKind::Role:
        return toQString(acc.roles()[node.a].arn);
    case NodeKind::Policy:
        return toQString(acc.policies()[node.a].arn);
    case NodeKind::Resource:
    case NodeKind::ResourcePolicy:
        return toQString(acc.resources()[node.a].arn);
    case NodeKind::AttachedPolicy:
        return toQString(attachedOf(acc, node.owner, node.a)[node.b].arn);
    case NodeKind::Boundary:
        return toQString(*boundaryOf(acc, node.owner, node.a));
    case NodeKind::TrustPolicy:
        return toQString(acc.roles()[node.a].arn);
    case NodeKind::Category:
    case NodeKind::OrgLevel:
    case NodeKind::InlinePolicy:
    case NodeKind::OrgPolicy:
        break;
    }
    return {};
}

QString AccountTreeModel::policyText(const Node &node) const
{
    const Account &acc = m_document->account();
    switch (node.kind) {
    case NodeKind::Policy:
        return defaultVersionText(&acc.policies()[node.a]);
    case NodeKind::InlinePolicy:
        return toQString(inlinesOf(acc, node.owner, node.a)[node.b].document.text());
    case NodeKind::AttachedPolicy:
        return defaultVersionText(acc.findPolicy(attachedOf(acc, node.owner, node.a)[node.b].arn));
    case NodeKind::Boundary:
        return defaultVersionText(acc.findPolicy(*boundaryOf(acc, node.owner, node.a)));
    case NodeKind::TrustPolicy:
        return toQString(acc.roles()[node.a].trustPolicy.text());
    case NodeKind::OrgPolicy: {
        const auto &level = acc.organization()->levels[node.a];
        return toQString((node.flag ? level.rcps : level.scps)[node.b].document.text());
    }
    case NodeKind::ResourcePolicy:
        return toQString(acc.resources()[node.a].policy->text());
    case NodeKind::Category:
    case NodeKind::User:
    case NodeKind::Group:
    case NodeKind::Role:
    case NodeKind::Resource:
    case NodeKind::OrgLevel:
        break;
    }
    return {};
}

} // namespace iamx
