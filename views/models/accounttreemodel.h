#pragma once

#include <QAbstractItemModel>

#include <cstdint>
#include <memory>
#include <vector>

namespace iamx {

class Account;
class AccountDocument;

/// The account as one tree (ui.md, "Left dock"): Users, Groups, Roles, Policies (customer
/// managed, AWS managed), Resources and Organization, each entity with its relations as
/// children, so that the tree answers "what applies to alice": alice ▸ Developers ▸ its
/// policies. Column 0 is the name, column 1 the ARN or what the row is.
///
/// The model owns no domain data: its nodes hold indexes into the document's account and are
/// rebuilt when the document emits accountReset().
class AccountTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    /// What a row stands for; KindRole returns it as an int.
    enum class NodeKind : std::uint8_t {
        Category, ///< Users, Groups, ..., Customer managed, AWS managed
        User,
        Group,
        Role,
        Policy, ///< a managed policy
        Resource,
        OrgLevel, ///< the root, an OU or the account in the organization
        InlinePolicy, ///< of a user, group or role
        AttachedPolicy, ///< a managed policy as a user, group or role attaches it
        Boundary, ///< a user's or role's permissions boundary
        TrustPolicy, ///< a role's trust policy
        OrgPolicy, ///< an SCP or RCP of an organization level
        ResourcePolicy, ///< a resource's policy
    };
    enum Roles {
        KindRole = Qt::UserRole + 1, ///< NodeKind, as int
        ArnRole, ///< the ARN of the entity or managed policy the row stands for, if any
        PolicyTextRole, ///< the JSON text of the policy document the row stands for, if any
    };
    enum Columns { NameColumn, DetailColumn, ColumnCount };
    /// A row: what it stands for, as indexes into the account (opaque outside the model).
    struct Node;

    explicit AccountTreeModel(const AccountDocument *document, QObject *parent = nullptr);
    ~AccountTreeModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
            int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuild();
    Node *nodeOf(const QModelIndex &index) const;
    QString name(const Node &node) const;
    QString detail(const Node &node) const;
    QString arn(const Node &node) const;
    QString policyText(const Node &node) const;

    const AccountDocument *m_document;
    std::unique_ptr<Node> m_root;
};

} // namespace iamx
