#include "entitypage.h"

#include "model/account.h"
#include "model/documentkey.h"
#include "model/effective.h"
#include "model/resolver.h"
#include "views/fonts.h"
#include "views/models/accesssummarymodel.h"
#include "views/models/appliedpoliciesmodel.h"
#include "views/qtconvert.h"

#include <QDateTime>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace iamx {

namespace {

QString entityLink(std::string_view arn, std::string_view name)
{
    return u"<a href=\"entity:%1\">%2</a>"_s.arg(
            toQString(arn).toHtmlEscaped(), toQString(name).toHtmlEscaped());
}

QString documentLink(const DocumentKey &key, const QString &text)
{
    return u"<a href=\"document:%1\">%2</a>"_s.arg(
            toQString(documentKeyText(key)).toHtmlEscaped(), text.toHtmlEscaped());
}

QString tagsText(const std::vector<Tag> &tags)
{
    QStringList pairs;
    for (const auto &tag : tags)
        pairs << (toQString(tag.key) + u" = "_s + toQString(tag.value)).toHtmlEscaped();
    return pairs.join(u"<br>"_s);
}

QString boundaryText(const Account &account, const std::optional<std::string> &arn)
{
    if (!arn)
        return {};
    const ManagedPolicy *policy = account.findPolicy(*arn);
    if (!policy)
        return toQString(*arn).toHtmlEscaped() + QObject::tr(" (not in the account)");
    return documentLink({ DocumentKey::Kind::Managed, policy->arn, {} }, toQString(policy->name));
}

/// The table rows of the policies that apply to a principal, from the resolver.
QVector<AppliedPoliciesModel::Row> appliedRows(
        const Resolver &resolver, const ResolvedPrincipal &principal)
{
    AccountRequest request;
    resolver.identityPolicies(principal, request);
    QVector<AppliedPoliciesModel::Row> rows;
    const auto add = [&rows](const PolicyRef &policy, const PolicyOrigin &origin) {
        if (!policy)
            return;
        QStringList routes;
        for (const auto &route : origin.routes)
            routes << toQString(route);
        rows.append({ toQString(policy->name),
                routes.isEmpty() ? toQString(origin.via) : routes.join(u", "_s),
                toQString(origin.versionId), int(policy->statements.size()),
                toQString(documentKeyText(origin.document)) });
    };
    for (size_t i = 0; i < request.policies.identity.size() && i < request.identityOrigins.size();
            ++i)
        add(request.policies.identity[i], request.identityOrigins[i]);
    add(request.policies.permissionsBoundary, request.boundaryOrigin);
    return rows;
}

/// Makes `view` as tall as its rows (at most `maxRows` of them, then it scrolls), so that a
/// short table does not leave a tall empty box and the page reads from top to bottom.
void fitHeightToRows(QTableView *view, int maxRows = 14)
{
    const int rows = std::min(view->model()->rowCount(), maxRows);
    const int rowHeight = view->verticalHeader()->defaultSectionSize();
    const int height = view->horizontalHeader()->sizeHint().height() + rows * rowHeight
            + 2 * view->frameWidth()
            + (view->horizontalScrollBar()->isVisible() ? view->horizontalScrollBar()->height()
                                                        : 0);
    view->setFixedHeight(std::max(height, view->horizontalHeader()->sizeHint().height() * 2));
}

} // namespace

EntityPage::EntityPage(QWidget *parent)
    : QWidget(parent)
    , m_applied(new AppliedPoliciesModel(this))
    , m_access(new AccessSummaryModel(this))
{
    setObjectName(u"entityPage"_s);
    setAccessibleName(tr("Entity details"));
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    m_title = new QLabel(content);
    m_title->setObjectName(u"entityTitle"_s);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setFont(fonts::scaledFont(1.4, true));
    layout->addWidget(m_title);
    m_fields = new QFormLayout;
    m_fields->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_fields->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    layout->addLayout(m_fields);
    m_appliedTitle = new QLabel(tr("<b>Policies that apply</b>"), content);
    layout->addWidget(m_appliedTitle);
    m_appliedView = new QTableView(content);
    m_appliedView->setObjectName(u"appliedPolicies"_s);
    m_appliedView->setAccessibleName(tr("Policies that apply"));
    m_appliedView->setModel(m_applied);
    m_appliedView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_appliedView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_appliedView->verticalHeader()->hide();
    m_appliedView->horizontalHeader()->setSectionResizeMode(
            AppliedPoliciesModel::ViaColumn, QHeaderView::Stretch);
    connect(m_appliedView, &QTableView::activated, this, [this](const QModelIndex &index) {
        const QString key = index.data(AppliedPoliciesModel::DocumentKeyRole).toString();
        if (!key.isEmpty())
            Q_EMIT documentActivated(key);
    });
    layout->addWidget(m_appliedView);
    m_accessTitle = new QLabel(tr("<b>Effective permissions by service</b> &nbsp; actions of the "
                                  "catalog allowed, by access level; (+N): N more depend on a "
                                  "condition"),
            content);
    m_accessTitle->setToolTip(tr("What the identity policies allow, within the permissions "
                                 "boundary, less what denies without conditions cut out"));
    layout->addWidget(m_accessTitle);
    m_accessView = new QTableView(content);
    m_accessView->setObjectName(u"accessSummary"_s);
    m_accessView->setAccessibleName(tr("Effective permissions by service"));
    m_accessView->setModel(m_access);
    m_accessView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_accessView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_accessView->verticalHeader()->hide();
    m_accessView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_accessView);
    layout->addStretch();

    for (QTableView *view : { m_appliedView, m_accessView })
        connect(view->model(), &QAbstractItemModel::modelReset, view,
                [view] { fitHeightToRows(view); });

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    clear();
}

EntityPage::~EntityPage() = default;

bool EntityPage::event(QEvent *event)
{
    if (event->type() == QEvent::ApplicationFontChange) // presentation mode
        m_title->setFont(fonts::scaledFont(1.4, true));
    return QWidget::event(event);
}

QString EntityPage::title() const
{
    return m_title->text();
}

void EntityPage::clear()
{
    m_arn.clear();
    m_title->clear();
    while (m_fields->rowCount() > 0)
        m_fields->removeRow(0);
    m_applied->setRows({});
    m_appliedTitle->hide();
    m_appliedView->hide();
    m_access->setSummary({});
    m_accessTitle->hide();
    m_accessView->hide();
}

void EntityPage::showAccess(const Resolver &resolver, const ResolvedPrincipal &principal)
{
    const Instant now { QDateTime::currentSecsSinceEpoch(), 0 };
    m_access->setSummary(summarizeAccess(effectivePermissions(resolver, principal, now)));
    m_accessTitle->show();
    m_accessView->show();
}

void EntityPage::addField(const QString &label, const QString &value)
{
    if (value.isEmpty())
        return;
    auto *text = new QLabel(value);
    text->setTextFormat(Qt::RichText);
    text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    text->setAccessibleName(label);
    connect(text, &QLabel::linkActivated, this, &EntityPage::followLink);
    m_fields->addRow(label + u':', text);
}

void EntityPage::followLink(const QString &link)
{
    if (link.startsWith(u"entity:"_s))
        Q_EMIT entityActivated(link.mid(7));
    else if (link.startsWith(u"document:"_s))
        Q_EMIT documentActivated(link.mid(9));
}

bool EntityPage::showEntity(const Account &account, const Resolver &resolver, std::string_view arn)
{
    clear();
    const auto plain = [](std::string_view text) { return toQString(text).toHtmlEscaped(); };
    const auto showApplied = [this](QVector<AppliedPoliciesModel::Row> rows) {
        m_applied->setRows(std::move(rows));
        m_appliedTitle->show();
        m_appliedView->show();
        m_appliedView->resizeColumnToContents(AppliedPoliciesModel::PolicyColumn);
    };
    if (const User *user = account.findUser(arn)) {
        m_title->setText(tr("User %1").arg(toQString(user->name)));
        addField(tr("ARN"), plain(user->arn));
        addField(tr("ID"), plain(user->id));
        addField(tr("Path"), plain(user->path));
        addField(tr("Created"), plain(user->createDate));
        addField(tr("Tags"), tagsText(user->tags));
        QStringList groups;
        for (const auto &name : user->groupNames) {
            const Group *group = account.findGroup(name);
            groups << (group ? entityLink(group->arn, group->name) : plain(name));
        }
        addField(tr("Groups"), groups.join(u", "_s));
        addField(tr("Boundary"), boundaryText(account, user->permissionsBoundaryArn));
        showApplied(appliedRows(resolver, resolver.userPrincipal(*user)));
        showAccess(resolver, resolver.userPrincipal(*user));
    } else if (const Role *role = account.findRole(arn)) {
        m_title->setText(tr("Role %1").arg(toQString(role->name)));
        addField(tr("ARN"), plain(role->arn));
        addField(tr("ID"), plain(role->id));
        addField(tr("Path"), plain(role->path));
        addField(tr("Created"), plain(role->createDate));
        addField(tr("Last used"), plain(role->lastUsedDate));
        addField(tr("Tags"), tagsText(role->tags));
        addField(tr("Boundary"), boundaryText(account, role->permissionsBoundaryArn));
        QStringList trusted;
        for (const auto &principal : resolver.admittedBy(*role))
            trusted << plain(principal);
        addField(tr("Trusted"),
                trusted.join(u"<br>"_s) + u"<br>"_s
                        + documentLink({ DocumentKey::Kind::Trust, role->name, {} },
                                tr("open the trust policy")));
        const ResolvedPrincipal session = resolver.roleSessionPrincipal(*role, "iam-explorer");
        showApplied(appliedRows(resolver, session));
        showAccess(resolver, session);
    } else if (const Group *group = account.findGroup(arn)) {
        m_title->setText(tr("Group %1").arg(toQString(group->name)));
        addField(tr("ARN"), plain(group->arn));
        addField(tr("ID"), plain(group->id));
        addField(tr("Path"), plain(group->path));
        addField(tr("Created"), plain(group->createDate));
        QStringList members;
        for (const User *member : account.membersOf(*group))
            members << entityLink(member->arn, member->name);
        addField(tr("Members"), members.isEmpty() ? tr("(none)") : members.join(u", "_s));
        QStringList policies;
        for (const auto &policy : group->inlinePolicies)
            policies << documentLink({ DocumentKey::Kind::GroupInline, group->name, policy.name },
                    toQString(policy.name) + tr(" (inline)"));
        for (const auto &policy : group->attachedPolicies)
            policies << documentLink(
                    { DocumentKey::Kind::Managed, policy.arn, {} }, toQString(policy.name));
        addField(tr("Policies"), policies.join(u"<br>"_s));
    } else if (const ManagedPolicy *policy = account.findPolicy(arn)) {
        m_title->setText((policy->isAwsManaged() ? tr("AWS managed policy %1")
                                                 : tr("Customer managed policy %1"))
                                 .arg(toQString(policy->name)));
        addField(tr("ARN"), plain(policy->arn));
        addField(tr("ID"), plain(policy->id));
        addField(tr("Path"), plain(policy->path));
        addField(tr("Description"), plain(policy->description));
        addField(tr("Version"),
                documentLink({ DocumentKey::Kind::Managed, policy->arn, {} },
                        toQString(policy->defaultVersionId)));
        QStringList attached;
        for (const auto &attachment : account.attachmentsOf(*policy))
            attached << toQString(attachment.arn).toHtmlEscaped()
                            + (attachment.asBoundary ? tr(" (as boundary)") : QString());
        addField(
                tr("Attached to"), attached.isEmpty() ? tr("(nothing)") : attached.join(u"<br>"_s));
    } else if (const Resource *resource = account.findResource(arn)) {
        m_title->setText(tr("Resource %1").arg(toQString(resource->arn)));
        addField(tr("ARN"), plain(resource->arn));
        addField(tr("Account"), plain(resource->accountId));
        addField(tr("Region"), plain(resource->region));
        addField(tr("Tags"), tagsText(resource->tags));
        if (resource->policy)
            addField(tr("Policy"),
                    documentLink({ DocumentKey::Kind::Resource, resource->arn, {} },
                            tr("open the resource policy")));
    } else {
        return false;
    }
    m_arn = toQString(arn);
    return true;
}

} // namespace iamx
