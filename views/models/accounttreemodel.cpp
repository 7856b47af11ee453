#include "accounttreemodel.h"

#include "model/account.h"
#include "model/accountindex.h"
#include "model/documentkey.h"
#include "model/statementsummary.h"
#include "views/accountdocument.h"
#include "views/icons.h"
#include "views/qtconvert.h"

#include <QGuiApplication>
#include <QPalette>

#include <array>
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

constexpr std::array<const char16_t *, 8> categoryTitles = { u"Users", u"Groups", u"Roles",
    u"Policies", u"Customer managed", u"AWS managed", u"Resources", u"Organization" };

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

const std::string &ownerName(const Account &account, Owner owner, std::uint32_t i)
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

bool isDocument(AccountTreeModel::NodeKind kind)
{
    using Kind = AccountTreeModel::NodeKind;
    return kind == Kind::Policy || kind == Kind::InlinePolicy || kind == Kind::AttachedPolicy
            || kind == Kind::Boundary || kind == Kind::TrustPolicy || kind == Kind::OrgPolicy
            || kind == Kind::ResourcePolicy;
}

} // namespace

/// What a statement row shows, read from its document when the document row was expanded.
struct StatementRow
{
    QString title; ///< the Sid, or `#index`
    QString summary;
    bool deny = false;
};

struct AccountTreeModel::Node
{
    NodeKind kind = NodeKind::Category;
    Owner owner = Owner::User; ///< InlinePolicy, AttachedPolicy, Boundary
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
    std::unique_ptr<StatementRow> statement;
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

namespace {

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
            row.statement = std::make_unique<StatementRow>();
            row.statement->title = statement.sid.empty() ? u"#%1"_s.arg(statement.index)
                                                         : toQString(statement.sid);
            row.statement->summary = toQString(statement.text);
            row.statement->deny = statement.deny;
        }
    }

    const Account &m_account;
};

/// The document key of the policy document a row stands for (not for statements).
DocumentKey documentKeyOf(const Account &acc, const Node &node)
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

} // namespace

AccountTreeModel::AccountTreeModel(const AccountDocument *document, QObject *parent)
    : QAbstractItemModel(parent)
    , m_document(document)
{
    m_root = TreeBuilder(document->account()).root(nullptr);
    m_matchCount = entityCount();
    connect(document, &AccountDocument::accountReset, this, [this] {
        m_resetReason = ResetReason::NewAccount;
        rebuild();
    });
    connect(document, &AccountDocument::accountChanged, this, [this] {
        m_resetReason = ResetReason::Edit;
        rebuild();
    });
}

AccountTreeModel::~AccountTreeModel() = default;

int AccountTreeModel::entityCount() const
{
    const Account &acc = m_document->account();
    return static_cast<int>(acc.users().size() + acc.groups().size() + acc.roles().size()
            + acc.policies().size() + acc.resources().size()
            + (acc.organization() ? acc.organization()->levels.size() : 0));
}

void AccountTreeModel::rebuild()
{
    // After a load or an edit. The document's index is asked only under a filter: without
    // one, an edit of a large account does not wait for the index to be rebuilt.
    beginResetModel();
    m_built = 0;
    if (m_filterText.trimmed().isEmpty()) {
        m_root = TreeBuilder(m_document->account()).root(nullptr);
        m_matchCount = entityCount();
    } else {
        const auto matches = m_document->index().query(toStdString(m_filterText));
        m_root = TreeBuilder(m_document->account()).root(&matches);
        m_matchCount = static_cast<int>(matches.size());
    }
    endResetModel();
}

void AccountTreeModel::setFilterText(const QString &text)
{
    if (text == m_filterText)
        return;
    const bool same = text.trimmed() == m_filterText.trimmed();
    m_filterText = text;
    if (!same) {
        m_resetReason = ResetReason::Filter;
        rebuild();
    }
}

QModelIndexList AccountTreeModel::nonEmptyCategories() const
{
    QModelIndexList result;
    for (const auto &category : m_root->children) {
        if (category->entities.empty())
            continue;
        result << createIndex(category->row, 0, category.get());
        if (Category(category->a) == Category::Policies)
            for (const auto &sub : category->children)
                if (!sub->entities.empty())
                    result << createIndex(sub->row, 0, sub.get());
    }
    return result;
}

void AccountTreeModel::populate(Node &node) const
{
    if (node.populated)
        return;
    node.populated = true;
    TreeBuilder(m_document->account()).populate(node);
    m_built += node.children.size();
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
    Node &node = *nodeOf(parent);
    populate(node);
    return static_cast<int>(node.children.size());
}

int AccountTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool AccountTreeModel::standsForDocument(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Policy:
    case NodeKind::InlinePolicy:
    case NodeKind::AttachedPolicy:
    case NodeKind::Boundary:
    case NodeKind::TrustPolicy:
    case NodeKind::OrgPolicy:
    case NodeKind::ResourcePolicy:
    case NodeKind::Statement:
        return true;
    default:
        return false;
    }
}

bool AccountTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return false;
    const Node &node = *nodeOf(parent);
    // A category answers from its list, so that painting a collapsed Users (75,000) builds
    // nothing; any other row builds its few children to know.
    if (node.kind == NodeKind::Category && parent.isValid())
        return !node.entities.empty();
    // A document's rows are its statements and a group's its members: reading every policy or
    // listing every member to draw an expander would make opening a category of 2,000 policies
    // parse them all. They say yes until opened; one with nothing shows no rows then.
    const bool topLevelGroup =
            node.kind == NodeKind::Group && node.parent && node.parent->kind == NodeKind::Category;
    if (!node.populated
            && ((standsForDocument(node.kind) && node.kind != NodeKind::Statement)
                    || topLevelGroup))
        return true;
    return rowCount(parent) > 0;
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
        if (node.kind == NodeKind::Statement)
            return node.statement->summary;
        const QString text = arn(node);
        return text.isEmpty() ? detail(node) : text;
    }
    case Qt::DecorationRole:
        return index.column() == NameColumn ? icon(node) : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == DetailColumn)
            return QGuiApplication::palette().brush(QPalette::PlaceholderText);
        return {};
    case KindRole:
        return int(node.kind);
    case ArnRole:
        return arn(node);
    case PolicyTextRole:
        return policyText(node);
    case DocumentKeyRole:
        return documentKey(node);
    case StatementRole:
        return node.kind == NodeKind::Statement ? int(node.b) : -1;
    case KeyRole:
        return key(node);
    default:
        return {};
    }
}

QString AccountTreeModel::name(const Node &node) const
{
    const Account &acc = m_document->account();
    switch (node.kind) {
    case NodeKind::Category: {
        const QStringView title(categoryTitles[node.a]);
        const auto shown = node.entities.size();
        if (m_filterText.trimmed().isEmpty())
            return u"%1 (%2)"_s.arg(title).arg(node.total);
        return u"%1 (%2 of %3)"_s.arg(title).arg(shown).arg(node.total);
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
    case NodeKind::Statement:
        return node.statement->title;
    }
    return {};
}

QString AccountTreeModel::detail(const Node &node) const
{
    const Account &acc = m_document->account();
    const bool relation = node.parent && node.parent->kind != NodeKind::Category;
    // A document's detail says what it is to its parent, then how many statements it has.
    const auto document = [&](QString what) {
        auto &mutableNode = const_cast<Node &>(node); // reading statements builds the rows
        populate(mutableNode);
        QString count;
        if (!node.problem.isEmpty())
            count = u"cannot be read: "_s + node.problem;
        else if (node.children.empty() && TreeBuilder(acc).documentText(node).empty())
            count = u"no document"_s;
        else {
            qsizetype statements = 0;
            for (const auto &child : node.children)
                statements += child->kind == NodeKind::Statement ? 1 : 0;
            count = statements == 1 ? u"1 statement"_s : u"%1 statements"_s.arg(statements);
        }
        return what.isEmpty() ? count : what + u" · "_s + count;
    };
    switch (node.kind) {
    case NodeKind::Category:
        return {};
    case NodeKind::User:
        if (relation)
            return node.parent->kind == NodeKind::Group ? u"member"_s
                    : node.flag                         ? u"user, as boundary"_s
                                                        : u"user"_s;
        return toQString(acc.users()[node.a].path);
    case NodeKind::Group:
        if (relation)
            return node.parent->kind == NodeKind::User ? u"member of group"_s : u"group"_s;
        return toQString(acc.groups()[node.a].path);
    case NodeKind::Role:
        if (relation)
            return node.flag ? u"role, as boundary"_s : u"role"_s;
        return toQString(acc.roles()[node.a].path);
    case NodeKind::Policy:
        return document({});
    case NodeKind::Resource:
        return arn(node);
    case NodeKind::OrgLevel:
        return toQString(acc.organization()->levels[node.a].id);
    case NodeKind::InlinePolicy:
        return document(u"inline"_s);
    case NodeKind::AttachedPolicy:
        return document(u"attached"_s);
    case NodeKind::Boundary:
        return document(u"permissions boundary"_s);
    case NodeKind::TrustPolicy:
        return document(u"who may assume the role"_s);
    case NodeKind::OrgPolicy:
        return document(node.flag ? u"RCP"_s : u"SCP"_s);
    case NodeKind::ResourcePolicy:
        return document(u"resource policy"_s);
    case NodeKind::Statement:
        return node.statement->summary;
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
    case NodeKind::Statement:
        break;
    }
    return {};
}

QString AccountTreeModel::policyText(const Node &node) const
{
    if (!isDocument(node.kind))
        return {};
    return toQString(TreeBuilder(m_document->account()).documentText(node));
}

QString AccountTreeModel::documentKey(const Node &node) const
{
    const Node *document = node.kind == NodeKind::Statement ? node.parent : &node;
    if (!isDocument(document->kind))
        return {};
    return toQString(documentKeyText(documentKeyOf(m_document->account(), *document)));
}

QString AccountTreeModel::key(const Node &node) const
{
    switch (node.kind) {
    case NodeKind::Category:
        return QStringView(categoryTitles[node.a]).toString();
    case NodeKind::Statement:
        return u"statement %1"_s.arg(node.b);
    default:
        // Kinds share a parent (a user's groups and policies): the kind keeps them apart.
        return u"%1 %2"_s.arg(int(node.kind)).arg(name(node));
    }
}

QVariant AccountTreeModel::icon(const Node &node) const
{
    using icons::Node;
    const Account &acc = m_document->account();
    const auto managed = [](std::string_view arnText) {
        return arnText.starts_with("arn:aws:iam::aws:policy/") ? Node::AwsManagedPolicy
                                                               : Node::ManagedPolicy;
    };
    switch (node.kind) {
    case NodeKind::Category:
        return icons::node(Node::Category);
    case NodeKind::User:
        return icons::node(Node::User);
    case NodeKind::Group:
        return icons::node(Node::Group);
    case NodeKind::Role:
        return icons::node(Node::Role);
    case NodeKind::Policy:
        return icons::node(managed(acc.policies()[node.a].arn));
    case NodeKind::AttachedPolicy:
        return icons::node(managed(attachedOf(acc, node.owner, node.a)[node.b].arn));
    case NodeKind::Resource:
        return icons::node(Node::Resource);
    case NodeKind::OrgLevel: {
        const std::string &id = acc.organization()->levels[node.a].id;
        return icons::node(id.starts_with("r-") ? Node::OrgRoot
                        : id.starts_with("ou-") ? Node::OrgUnit
                                                : Node::OrgAccount);
    }
    case NodeKind::InlinePolicy:
        return icons::node(Node::InlinePolicy);
    case NodeKind::Boundary:
        return icons::node(Node::Boundary);
    case NodeKind::TrustPolicy:
        return icons::node(Node::TrustPolicy);
    case NodeKind::OrgPolicy:
        return icons::node(node.flag ? Node::Rcp : Node::Scp);
    case NodeKind::ResourcePolicy:
        return icons::node(Node::InlinePolicy);
    case NodeKind::Statement:
        return icons::node(node.statement->deny ? Node::StatementDeny : Node::StatementAllow);
    }
    return {};
}

} // namespace iamx
