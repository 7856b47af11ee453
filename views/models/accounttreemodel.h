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
/// policies ▸ their statements. Column 0 is the name with an icon per kind, column 1 a muted
/// detail: the path of a principal, "3 statements" of a policy, or how a relation relates.
///
/// Rows are built lazily, a level at a time, when a view first asks for a row's children, so
/// an account of 75,000 principals shows at once; a policy document is read for its
/// statements only then. setFilterText() narrows the entity rows through an AccountIndex.
///
/// The model owns no domain data: its nodes hold indexes into the document's account and are
/// rebuilt (a model reset) when the document emits accountReset() or accountChanged().
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
        Statement, ///< one statement of the policy document its parent row stands for
    };
    enum Roles {
        KindRole = Qt::UserRole + 1, ///< NodeKind, as int
        ArnRole, ///< the ARN of the entity or managed policy the row stands for, if any
        PolicyTextRole, ///< the JSON text of the policy document the row stands for, if any
        /// documentKeyText() (model/documentkey.h) of the policy document the row stands for,
        /// or, for a statement, belongs to; empty for other rows. parseDocumentKey() reads it.
        DocumentKeyRole,
        StatementRole, ///< a statement's index in the Statement array; -1 for other rows
        /// A name for the row among its siblings that survives edits and filtering (a
        /// category's without its count): a path of them finds the row again after a reset.
        KeyRole,
    };
    enum Columns { NameColumn, DetailColumn, ColumnCount };
    /// A row: what it stands for, as indexes into the account (opaque outside the model).
    struct Node;

    explicit AccountTreeModel(const AccountDocument *document, QObject *parent = nullptr);

    /// True for the rows that stand for a policy document (a managed, inline, attached,
    /// boundary, trust, organization or resource policy) or one of its statements: those with
    /// a DocumentKeyRole, which open in the policy editor.
    static bool standsForDocument(NodeKind kind);
    ~AccountTreeModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
            int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Shows only the entities that match `text` (AccountIndex::query: name, ARN, tag, or an
    /// action their policies mention) under every category, counted "n of m"; their relations
    /// stay expandable. Empty text shows everything. Resets the model when the text changes.
    void setFilterText(const QString &text);
    const QString &filterText() const { return m_filterText; }
    /// How many entity rows match the filter (every entity when there is none).
    int matchCount() const { return m_matchCount; }
    /// The categories that hold at least one entity row, for a view to expand (nested
    /// categories after their parent).
    QModelIndexList nonEmptyCategories() const;

    /// How many rows have been built so far (their parents were asked for children).
    size_t builtRowCount() const { return m_built; }

private:
    void rebuild();

public:
    /// Why the model was last reset: views keep their expansion across an edit or a filter,
    /// not across a new account.
    enum class ResetReason { NewAccount, Edit, Filter };
    ResetReason resetReason() const { return m_resetReason; }

private:
    /// How many entities the tree shows without a filter.
    int entityCount() const;
    void populate(Node &node) const;
    Node *nodeOf(const QModelIndex &index) const;
    QString name(const Node &node) const;
    QString detail(const Node &node) const;
    QString arn(const Node &node) const;
    QString policyText(const Node &node) const;
    QString documentKey(const Node &node) const;
    QString key(const Node &node) const;
    QVariant icon(const Node &node) const;

    const AccountDocument *m_document;
    std::unique_ptr<Node> m_root;
    ResetReason m_resetReason = ResetReason::NewAccount;
    /// Built when an account is loaded; after an edit, again when a filter needs it.
    QString m_filterText;
    int m_matchCount = 0;
    mutable size_t m_built = 0;
};

} // namespace iamx
