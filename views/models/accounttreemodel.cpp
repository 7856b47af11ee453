#include "accounttreemodel.h"

#include "model/account.h"
#include "model/accountindex.h"
#include "model/documentkey.h"
#include "model/statementsummary.h"
#include "views/accountdocument.h"
#include "views/icons.h"
#include "views/models/accounttreebuilder.h"
#include "views/qtconvert.h"

#include <QGuiApplication>
#include <QPalette>

#include <array>
#include <string_view>

using namespace Qt::StringLiterals;

namespace iamx {

using namespace treebuilding;
using Node = AccountTreeModel::Node;
using Kind = AccountTreeModel::NodeKind;

namespace {

bool isDocument(Kind kind)
{
    return AccountTreeModel::standsForDocument(kind) && kind != Kind::Statement;
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
