#include "entitydetails.h"

#include "model/account.h"
#include "model/resolver.h"
#include "views/qtconvert.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace iamx {

namespace {

/// Lines of `label: value`, aligned, skipping empty values.
class Page
{
public:
    explicit Page(const QString &title) { m_lines << title << QString(); }

    void field(const QString &label, const QString &value)
    {
        if (!value.isEmpty())
            m_lines << u"%1 %2"_s.arg(label + u':', -14).arg(value);
    }
    void field(const QString &label, std::string_view value) { field(label, toQString(value)); }
    void section(const QString &title) { m_lines << QString() << title; }
    void item(const QString &text) { m_lines << u"  "_s + text; }
    QString text() const { return m_lines.join(u'\n'); }

private:
    QStringList m_lines;
};

void addTags(Page &page, const std::vector<Tag> &tags)
{
    QStringList pairs;
    for (const auto &tag : tags)
        pairs << toQString(tag.key) + u'=' + toQString(tag.value);
    page.field(u"Tags"_s, pairs.join(u", "_s));
}

/// The identity policies that apply to a principal, with their provenance (Resolver).
void addPoliciesThatApply(Page &page, const Account &account, const ResolvedPrincipal &principal)
{
    AccountRequest request;
    Resolver(account).identityPolicies(principal, request);
    page.section(u"Policies that apply"_s);
    const auto &policies = request.policies.identity;
    if (policies.empty())
        page.item(u"(none)"_s);
    for (size_t i = 0; i < policies.size() && i < request.identityOrigins.size(); ++i) {
        const PolicyOrigin &origin = request.identityOrigins[i];
        QStringList routes;
        for (const auto &route : origin.routes)
            routes << toQString(route);
        if (routes.isEmpty())
            routes << toQString(origin.via);
        QString line = (policies[i] ? toQString(policies[i]->name) : u"(invalid)"_s) + u"  —  "_s
                + routes.join(u", "_s);
        if (!origin.versionId.empty())
            line += u" ("_s + toQString(origin.versionId) + u')';
        page.item(line);
    }
    if (request.policies.permissionsBoundary)
        page.field(u"Boundary"_s, request.policies.permissionsBoundary->name);
}

QString userPage(const Account &account, const User &user)
{
    Page page(u"User "_s + toQString(user.name));
    page.field(u"ARN"_s, user.arn);
    page.field(u"ID"_s, user.id);
    page.field(u"Path"_s, user.path);
    page.field(u"Created"_s, user.createDate);
    addTags(page, user.tags);
    QStringList groups;
    for (const auto &group : user.groupNames)
        groups << toQString(group);
    page.field(u"Groups"_s, groups.join(u", "_s));
    page.field(u"Boundary"_s, user.permissionsBoundaryArn.value_or(std::string()));
    addPoliciesThatApply(page, account, Resolver(account).userPrincipal(user));
    return page.text();
}

QString rolePage(const Account &account, const Role &role)
{
    Page page(u"Role "_s + toQString(role.name));
    page.field(u"ARN"_s, role.arn);
    page.field(u"ID"_s, role.id);
    page.field(u"Path"_s, role.path);
    page.field(u"Created"_s, role.createDate);
    page.field(u"Last used"_s, role.lastUsedDate);
    addTags(page, role.tags);
    page.field(u"Boundary"_s, role.permissionsBoundaryArn.value_or(std::string()));
    const Resolver resolver(account);
    page.section(u"Trusted principals"_s);
    for (const auto &principal : resolver.admittedBy(role))
        page.item(toQString(principal));
    addPoliciesThatApply(page, account, resolver.roleSessionPrincipal(role, "iam-explorer"));
    return page.text();
}

QString groupPage(const Account &account, const Group &group)
{
    Page page(u"Group "_s + toQString(group.name));
    page.field(u"ARN"_s, group.arn);
    page.field(u"ID"_s, group.id);
    page.field(u"Path"_s, group.path);
    page.field(u"Created"_s, group.createDate);
    page.section(u"Members"_s);
    for (const User *member : account.membersOf(group))
        page.item(toQString(member->name));
    page.section(u"Policies"_s);
    for (const auto &policy : group.inlinePolicies)
        page.item(toQString(policy.name) + u"  —  inline"_s);
    for (const auto &policy : group.attachedPolicies)
        page.item(toQString(policy.name) + u"  —  attached"_s);
    return page.text();
}

QString policyPage(const Account &account, const ManagedPolicy &policy)
{
    Page page((policy.isAwsManaged() ? u"AWS managed policy "_s : u"Customer managed policy "_s)
            + toQString(policy.name));
    page.field(u"ARN"_s, policy.arn);
    page.field(u"ID"_s, policy.id);
    page.field(u"Path"_s, policy.path);
    page.field(u"Description"_s, policy.description);
    page.field(u"Version"_s, policy.defaultVersionId);
    page.section(u"Attached to"_s);
    for (const auto &attachment : account.attachmentsOf(policy))
        page.item(toQString(attachment.arn)
                + (attachment.asBoundary ? u"  —  as boundary"_s : QString()));
    if (const PolicyVersion *version = policy.defaultPolicyVersion()) {
        page.section(u"Document"_s);
        page.item(toQString(version->document.text()));
    }
    return page.text();
}

QString resourcePage(const Resource &resource)
{
    Page page(u"Resource"_s);
    page.field(u"ARN"_s, resource.arn);
    page.field(u"Account"_s, resource.accountId);
    page.field(u"Region"_s, resource.region);
    addTags(page, resource.tags);
    if (resource.policy) {
        page.section(u"Policy"_s);
        page.item(toQString(resource.policy->text()));
    }
    return page.text();
}

} // namespace

QString entityDetailsText(const Account &account, std::string_view arn)
{
    if (arn.empty())
        return {};
    if (const User *user = account.findUser(arn))
        return userPage(account, *user);
    if (const Role *role = account.findRole(arn))
        return rolePage(account, *role);
    if (const Group *group = account.findGroup(arn))
        return groupPage(account, *group);
    if (const ManagedPolicy *policy = account.findPolicy(arn))
        return policyPage(account, *policy);
    if (const Resource *resource = account.findResource(arn))
        return resourcePage(*resource);
    return {};
}

} // namespace iamx
