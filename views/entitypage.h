#pragma once

#include <QString>
#include <QWidget>

#include <string_view>

class QFormLayout;
class QLabel;
class QTableView;
class QVBoxLayout;

namespace iamx {

class Account;
class AccessSummaryModel;
class AppliedPoliciesModel;
class Resolver;
struct ResolvedPrincipal;

/// The details page of an entity (ui.md, "Centre — tabs"): for a user or role its ARN, id,
/// path, creation, tags, groups and boundary, and the table of the policies that apply with
/// where each comes from; for a group its members and policies; for a managed policy where it
/// is attached; for a resource its account, region, tags and policy. Names of other entities
/// and documents are links: following one asks the window to open it.
class EntityPage : public QWidget
{
    Q_OBJECT

public:
    explicit EntityPage(QWidget *parent = nullptr);
    ~EntityPage() override;

    /// Shows the entity with ARN `arn`; false (and an empty page) when the account has none.
    bool showEntity(const Account &account, const Resolver &resolver, std::string_view arn);
    /// The ARN of the entity shown; empty when none.
    const QString &arn() const { return m_arn; }
    /// The page's title line ("User alice").
    QString title() const;
    /// The table of the policies that apply (users and roles; empty otherwise).
    AppliedPoliciesModel *appliedPolicies() const { return m_applied; }
    /// The table "Effective permissions by service" (users and roles; empty otherwise).
    AccessSummaryModel *accessSummary() const { return m_access; }

Q_SIGNALS:
    /// A link to another entity was followed.
    void entityActivated(const QString &arn);
    /// A policy document was chosen (a row of the table, a link): its documentKeyText().
    void documentActivated(const QString &documentKey);

protected:
    bool event(QEvent *event) override;

private:
    void clear();
    void addField(const QString &label, const QString &value);
    void followLink(const QString &link);
    void showAccess(const Resolver &resolver, const ResolvedPrincipal &principal);

    QString m_arn;
    QLabel *m_title = nullptr;
    QFormLayout *m_fields = nullptr;
    QLabel *m_appliedTitle = nullptr;
    QTableView *m_appliedView = nullptr;
    AppliedPoliciesModel *m_applied = nullptr;
    QLabel *m_accessTitle = nullptr;
    QTableView *m_accessView = nullptr;
    AccessSummaryModel *m_access = nullptr;
};

} // namespace iamx
