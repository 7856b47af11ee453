#include "resolver.h"

#include "model/arn.h"
#include "model/casefold.h"
#include "model/json.h"
#include "model/policyparser.h"

#include <algorithm>
#include <map>

namespace iamx {
namespace {

constexpr std::string_view defaultSessionName = "iam-explorer";

// What a person calls the policy of a resource, by its service.
std::string resourcePolicyName(std::string_view resource, ResourcePolicyKind kind)
{
    if (kind == ResourcePolicyKind::TrustPolicy)
        return "trust policy";
    if (kind == ResourcePolicyKind::KeyPolicy)
        return "key policy";
    const auto arn = parseArn(resource);
    const std::string_view service = arn ? arn->service : std::string_view();
    if (service == "s3")
        return "bucket policy";
    if (service == "sqs")
        return "queue policy";
    if (service == "sns")
        return "topic policy";
    if (service == "lambda")
        return "function policy";
    if (service == "secretsmanager")
        return "secret policy";
    return "resource policy";
}

// The bucket an S3 object ARN belongs to: its policy governs the objects.
std::string bucketOf(std::string_view resource)
{
    const auto arn = parseArn(resource);
    if (!arn || arn->service != "s3" || !arn->account.empty())
        return {};
    const size_t slash = arn->resource.find('/');
    if (slash == std::string_view::npos)
        return {};
    return std::string(resource.substr(0, resource.size() - arn->resource.size() + slash));
}

bool isOrganizationAccountLevel(const OrganizationLevel &level)
{
    return isAccountId(level.id);
}

// aws:PrincipalOrgPaths / aws:ResourceOrgPaths: `o-id/r-root/ou-.../`, the path to the
// account's parent.
std::string organizationPath(const Organization &organization)
{
    std::string path = organization.id + "/";
    for (const auto &level : organization.levels)
        if (!isOrganizationAccountLevel(level) && !level.id.empty())
            path += level.id + "/";
    return path;
}

} // namespace

const PolicyOrigin &AccountRequest::originOf(const StatementRef &ref) const
{
    switch (ref.type) {
    case PolicyType::Identity:
        return identityOrigins.at(ref.policy);
    case PolicyType::PermissionsBoundary:
        return boundaryOrigin;
    case PolicyType::Session:
        return sessionOrigin;
    case PolicyType::Resource:
        return resourceOrigin;
    case PolicyType::ServiceControl:
        return scpOrigins.at(ref.level).at(ref.policy);
    case PolicyType::ResourceControl:
        return rcpOrigins.at(ref.level).at(ref.policy);
    }
    return identityOrigins.at(ref.policy);
}

Resolver::Resolver(const Account &account)
    : m_account(account)
{
}

ResolvedPrincipal Resolver::userPrincipal(const User &user) const
{
    ResolvedPrincipal resolved;
    resolved.user = &user;
    resolved.principal.kind = PrincipalKind::IamUser;
    resolved.principal.text = user.arn;
    resolved.principal.partition = "aws";
    resolved.principal.account = m_account.accountId();
    if (const auto arn = parseArn(user.arn)) {
        resolved.principal.partition = std::string(arn->partition);
        resolved.principal.account = std::string(arn->account);
    }
    resolved.principal.name = user.name;
    return resolved;
}

ResolvedPrincipal Resolver::roleSessionPrincipal(const Role &role, std::string_view session) const
{
    ResolvedPrincipal resolved;
    resolved.role = &role;
    resolved.principal.kind = PrincipalKind::RoleSession;
    resolved.principal.partition = "aws";
    resolved.principal.account = m_account.accountId();
    if (const auto arn = parseArn(role.arn)) {
        resolved.principal.partition = std::string(arn->partition);
        resolved.principal.account = std::string(arn->account);
    }
    resolved.principal.name = role.name;
    resolved.principal.session = std::string(session.empty() ? defaultSessionName : session);
    resolved.principal.sessionKnown = true;
    resolved.principal.text = "arn:" + resolved.principal.partition
            + ":sts::" + resolved.principal.account + ":assumed-role/" + role.name + "/"
            + resolved.principal.session;
    return resolved;
}

std::optional<ResolvedPrincipal> Resolver::findPrincipal(
        std::string_view text, std::string_view session, std::string &error) const
{
    ResolvedPrincipal resolved;
    const std::string &account = m_account.accountId();
    const std::string sessionName(session.empty() ? defaultSessionName : session);
    const auto asUser = [&](const User &user) { resolved = userPrincipal(user); };
    const auto asRoleSession = [&](const Role &role, const std::string &name) {
        resolved = roleSessionPrincipal(role, name);
    };
    if (text.empty()) {
        error = "no principal given";
        return std::nullopt;
    }
    if (text == "root") {
        resolved.principal.kind = PrincipalKind::Root;
        resolved.principal.partition = "aws";
        resolved.principal.account = account;
        resolved.principal.text = "arn:aws:iam::" + account + ":root";
        return resolved;
    }
    if (!text.starts_with("arn:")) {
        // Names come first: IAM names may hold dots and @ (first.last, ci@example.com).
        const User *user = m_account.findUser(text);
        const Role *role = m_account.findRole(text);
        if (!user && !role && (text == "anonymous" || text.find('.') != std::string_view::npos)) {
            auto parsed = parseRequestPrincipal(text, error);
            if (!parsed)
                return std::nullopt;
            resolved.principal = std::move(*parsed);
            return resolved;
        }
        if (user && role) {
            error = "\"" + std::string(text)
                    + "\" is both a user and a role: give the ARN of the one you mean";
            return std::nullopt;
        }
        if (user)
            asUser(*user);
        else if (role)
            asRoleSession(*role, sessionName);
        else {
            error = "the account has no user or role named \"" + std::string(text) + "\"";
            return std::nullopt;
        }
        return resolved;
    }
    // An entity of the file by its ARN, whatever its account: a file may mix accounts, and
    // each principal keeps the account of its own ARN (account-format.md §4.1).
    if (const User *user = m_account.findUser(text)) {
        asUser(*user);
        return resolved;
    }
    if (const Role *role = m_account.findRole(text)) {
        asRoleSession(*role, sessionName);
        return resolved;
    }
    auto parsed = parseRequestPrincipal(text, error);
    if (!parsed)
        return std::nullopt;
    if (parsed->account != account) {
        resolved.principal = std::move(*parsed);
        resolved.otherAccount = resolved.principal.hasIdentitySide()
                && resolved.principal.kind != PrincipalKind::Root;
        return resolved;
    }
    switch (parsed->kind) {
    case PrincipalKind::IamUser:
        if (const User *user = m_account.findUser(text)) {
            asUser(*user);
            return resolved;
        }
        error = "the account has no user " + std::string(text);
        return std::nullopt;
    case PrincipalKind::RoleSession:
        if (const Role *role = parsed->sessionKnown ? m_account.findRole(parsed->name)
                                                    : m_account.findRole(text)) {
            asRoleSession(*role, parsed->sessionKnown ? parsed->session : sessionName);
            return resolved;
        }
        error = "the account has no role " + (parsed->sessionKnown ? parsed->name : parsed->text);
        return std::nullopt;
    case PrincipalKind::FederatedUser:
        resolved.principal = std::move(*parsed);
        resolved.user = m_account.findUser(resolved.principal.name);
        return resolved;
    default:
        resolved.principal = std::move(*parsed);
        return resolved;
    }
}

void Resolver::identityPolicies(const ResolvedPrincipal &principal, AccountRequest &into) const
{
    // Managed policies reached by several routes are evaluated once, with every route shown.
    std::vector<std::pair<std::string_view, size_t>> managedIndex; // few: a linear search
    const auto addInline = [&](const InlinePolicy &policy, const std::string &via,
                                   DocumentKey::Kind kind, const std::string &owner) {
        PolicyRef compiled = compile(policy.document, PolicyType::Identity,
                ResourcePolicyKind::Ordinary, policy.name, &into.problems);
        if (!compiled)
            return;
        into.policies.identity.push_back(std::move(compiled));
        PolicyOrigin origin;
        origin.via = via;
        origin.routes = { via };
        origin.document = { kind, owner, policy.name };
        into.identityOrigins.push_back(std::move(origin));
    };
    const auto managed = [&](const std::string &arn, PolicyType type,
                                 const std::string &owner) -> std::pair<PolicyRef, PolicyOrigin> {
        const ManagedPolicy *policy = m_account.findPolicy(arn);
        Diagnostic d;
        d.severity = Severity::Warning;
        d.code = "UNRESOLVED_POLICY";
        if (!policy) {
            d.message = owner + " refers to " + arn
                    + ", which the account does not contain: the decision is incomplete";
            into.problems.push_back(std::move(d));
            return {};
        }
        const PolicyVersion *version = policy->defaultPolicyVersion();
        if (!version) {
            d.message = arn + " has no single default version: it is not evaluated";
            into.problems.push_back(std::move(d));
            return {};
        }
        PolicyOrigin origin;
        origin.arn = arn;
        origin.versionId = version->versionId;
        origin.document = { DocumentKey::Kind::Managed, arn, {} };
        return { compile(version->document, type, ResourcePolicyKind::Ordinary, policy->name,
                         &into.problems),
            origin };
    };
    const auto addManaged = [&](const AttachedPolicy &attached, const std::string &via,
                                    const std::string &owner) {
        for (const auto &[arn, index] : managedIndex) {
            if (arn == attached.arn) {
                into.identityOrigins[index].routes.push_back(via);
                return;
            }
        }
        auto [compiled, origin] = managed(attached.arn, PolicyType::Identity, owner);
        if (!compiled)
            return;
        origin.via = via;
        origin.routes = { via };
        managedIndex.emplace_back(attached.arn, into.policies.identity.size());
        into.policies.identity.push_back(std::move(compiled));
        into.identityOrigins.push_back(std::move(origin));
    };
    const auto addBoundary = [&](const std::optional<std::string> &arn, const std::string &owner) {
        if (!arn)
            return;
        auto [compiled, origin] = managed(*arn, PolicyType::PermissionsBoundary, owner);
        if (!compiled)
            return;
        origin.via = "boundary";
        origin.routes = { "boundary" };
        into.policies.permissionsBoundary = std::move(compiled);
        into.boundaryOrigin = std::move(origin);
    };

    if (principal.otherAccount) {
        // Its own account's policies are unknown: assume they allow, and ask only whether
        // this account lets it in (account-format.md §5).
        static const PolicyText assumed = PolicyText::owned(
                R"({"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}})",
                PolicyText::Form::JsonString, {});
        into.policies.identity.push_back(compile(assumed, PolicyType::Identity,
                ResourcePolicyKind::Ordinary, "assumed: its own account allows", nullptr));
        PolicyOrigin origin;
        origin.via = "assumed";
        origin.routes = { "assumed" };
        into.identityOrigins.push_back(std::move(origin));
        into.assumptions.push_back("the caller belongs to another account whose policies are "
                                   "unknown: its identity side is assumed to allow");
        return;
    }
    if (const User *user = principal.user) {
        const std::string owner = "user " + user->name;
        for (const auto &policy : user->inlinePolicies)
            addInline(policy, "inline", DocumentKey::Kind::UserInline, user->name);
        for (const auto &attached : user->attachedPolicies)
            addManaged(attached, "attached", owner);
        for (const auto &groupName : user->groupNames) {
            const Group *group = m_account.findGroup(groupName);
            if (!group)
                continue; // reported when the account was loaded
            const std::string via = "group " + group->name;
            for (const auto &policy : group->inlinePolicies)
                addInline(policy, via, DocumentKey::Kind::GroupInline, group->name);
            for (const auto &attached : group->attachedPolicies)
                addManaged(attached, via, "group " + group->name);
        }
        addBoundary(user->permissionsBoundaryArn, owner);
    }
    if (const Role *role = principal.role) {
        const std::string owner = "role " + role->name;
        for (const auto &policy : role->inlinePolicies)
            addInline(policy, "inline", DocumentKey::Kind::RoleInline, role->name);
        for (const auto &attached : role->attachedPolicies)
            addManaged(attached, "attached", owner);
        addBoundary(role->permissionsBoundaryArn, owner);
    }
}

void Resolver::addResource(std::string_view action, std::string_view resource,
        const ResolvedPrincipal &principal, AccountRequest &into) const
{
    const ResourcePolicyKind kind = resourcePolicyKindFor(action, resource);
    const auto arn = parseArn(resource);
    into.request.resourceAccount =
            arn && !arn->account.empty() ? std::string(arn->account) : principal.principal.account;
    if (kind == ResourcePolicyKind::TrustPolicy) {
        if (const Role *role = m_account.findRole(resource)) {
            into.policies.resource = compile(role->trustPolicy, PolicyType::Resource, kind,
                    "trust policy of " + role->name, &into.problems);
            into.resourceOrigin.via = "trust policy";
            into.resourceOrigin.routes = { "trust policy" };
            into.resourceOrigin.document = { DocumentKey::Kind::Trust, role->name, {} };
        }
        return;
    }
    const Resource *listed = m_account.findResource(resource);
    if (!listed) {
        const std::string bucket = bucketOf(resource);
        if (!bucket.empty())
            listed = m_account.findResource(bucket);
    }
    if (listed) {
        if (!listed->accountId.empty())
            into.request.resourceAccount = listed->accountId;
        else if (into.request.resourceAccount.empty())
            into.request.resourceAccount = m_account.accountId();
        if (listed->policy) {
            const std::string via = resourcePolicyName(resource, kind);
            into.policies.resource = compile(*listed->policy, PolicyType::Resource, kind,
                    via + " of " + listed->arn, &into.problems);
            into.resourceOrigin.via = via;
            into.resourceOrigin.routes = { via };
            into.resourceOrigin.document = { DocumentKey::Kind::Resource, listed->arn, {} };
        }
        return;
    }
    if (kind == ResourcePolicyKind::KeyPolicy) {
        // A key that is not listed gets the default key policy: the account root may do
        // everything, which delegates to IAM (account-format.md §5).
        const std::string keyAccount = into.request.resourceAccount;
        const std::string text = R"({"Version": "2012-10-17", "Statement": {"Sid": )"
                                 R"("Enable IAM User Permissions", "Effect": "Allow", )"
                                 R"("Principal": {"AWS": "arn:aws:iam::)"
                + keyAccount + R"(:root"}, "Action": "kms:*", "Resource": "*"}})";
        PolicyParseOptions options;
        options.type = PolicyType::Resource;
        options.resourceKind = kind;
        options.name = "default key policy";
        Parsed<Policy> parsed = parsePolicyText(text, options);
        if (parsed.value)
            into.policies.resource = std::make_shared<const Policy>(std::move(*parsed.value));
        into.resourceOrigin.via = "key policy";
        into.resourceOrigin.routes = { "key policy (default, assumed)" };
        into.assumptions.push_back("the key is not listed in the workspace: the default key "
                                   "policy (the account may use it through IAM) is assumed");
    }
}

void Resolver::addOrganization(const ResolvedPrincipal &principal, std::string_view resourceAccount,
        AccountRequest &into) const
{
    const auto &organization = m_account.organization();
    if (!organization)
        return;
    const std::string &account = m_account.accountId();
    const bool managementAccount = organization->managementAccountId == account;
    const bool serviceLinked = principal.role && principal.role->isServiceLinked();
    // SCPs bind this account's principals, except in the management account and for
    // service-linked roles (iam-evaluation.md §1).
    const bool scps = principal.principal.hasIdentitySide() && !principal.otherAccount
            && principal.principal.account == account && !managementAccount && !serviceLinked;
    // RCPs bind this account's resources, whoever calls (but not service-linked roles).
    const bool rcps = resourceAccount == account && !managementAccount && !serviceLinked;
    const auto addLevel = [&](const std::vector<NamedPolicy> &given, PolicyType type,
                                  const std::string &via, const std::string &levelId,
                                  std::vector<PolicyRef> &policies,
                                  std::vector<PolicyOrigin> &origins) {
        for (const auto &named : given) {
            if (PolicyRef compiled = compile(named.document, type, ResourcePolicyKind::Ordinary,
                        named.name, &into.problems)) {
                policies.push_back(std::move(compiled));
                PolicyOrigin origin;
                origin.via = via;
                origin.routes = { via };
                origin.document = { type == PolicyType::ServiceControl ? DocumentKey::Kind::Scp
                                                                       : DocumentKey::Kind::Rcp,
                    levelId, named.name };
                origins.push_back(std::move(origin));
            }
        }
    };
    for (const auto &level : organization->levels) {
        if (scps)
            addLevel(level.scps, PolicyType::ServiceControl, "SCP at " + level.name, level.id,
                    into.policies.scpLevels.emplace_back(), into.scpOrigins.emplace_back());
        if (rcps && !level.rcps.empty())
            addLevel(level.rcps, PolicyType::ResourceControl, "RCP at " + level.name, level.id,
                    into.policies.rcpLevels.emplace_back(), into.rcpOrigins.emplace_back());
    }
}

RequestContext Resolver::principalContext(const ResolvedPrincipal &principal) const
{
    RequestContext context;
    fillContext(principal, AccountRequest {}, nullptr, Instant {}, context);
    return context;
}

void Resolver::fillContext(const ResolvedPrincipal &principal, const AccountRequest &resolved,
        const Resource *resource, Instant now, RequestContext &context) const
{
    const RequestPrincipal &p = principal.principal;
    const auto tags = [&context](const std::vector<Tag> &list) {
        for (const auto &tag : list)
            context.set("aws:PrincipalTag/" + tag.key, tag.value);
    };
    switch (p.kind) {
    case PrincipalKind::IamUser:
        context.set("aws:username", p.name);
        if (principal.user && !principal.user->id.empty()) // unknown for other accounts' users
            context.set("aws:userid", principal.user->id);
        context.set("aws:PrincipalArn", p.text);
        context.set("aws:PrincipalAccount", p.account);
        context.set("aws:PrincipalType", "User");
        context.set("aws:PrincipalIsAWSService", "false");
        if (principal.user)
            tags(principal.user->tags);
        break;
    case PrincipalKind::RoleSession:
        if (principal.role && !principal.role->id.empty())
            context.set("aws:userid", principal.role->id + ":" + p.session);
        // The role's ARN with its path; for another account's session only the name is known.
        context.set("aws:PrincipalArn",
                principal.role ? principal.role->arn
                        : !p.sessionKnown
                        ? p.text
                        : "arn:" + p.partition + ":iam::" + p.account + ":role/" + p.name);
        context.set("aws:PrincipalAccount", p.account);
        context.set("aws:PrincipalType", "AssumedRole");
        context.set("aws:PrincipalIsAWSService", "false");
        context.set("aws:MultiFactorAuthPresent", "false");
        context.set("aws:TokenIssueTime", formatInstant(now));
        if (principal.role)
            tags(principal.role->tags);
        break;
    case PrincipalKind::FederatedUser:
        context.set("aws:userid", p.account + ":" + p.name);
        context.set("aws:PrincipalArn", p.text);
        context.set("aws:PrincipalAccount", p.account);
        context.set("aws:PrincipalType", "FederatedUser");
        context.set("aws:PrincipalIsAWSService", "false");
        context.set("aws:MultiFactorAuthPresent", "false");
        context.set("aws:TokenIssueTime", formatInstant(now));
        if (principal.user)
            tags(principal.user->tags);
        break;
    case PrincipalKind::Root:
        context.set("aws:userid", p.account);
        context.set("aws:PrincipalArn", p.text);
        context.set("aws:PrincipalAccount", p.account);
        context.set("aws:PrincipalType", "Account");
        context.set("aws:PrincipalIsAWSService", "false");
        break;
    case PrincipalKind::ServicePrincipal:
        context.set("aws:PrincipalIsAWSService", "true");
        context.set("aws:PrincipalServiceName", p.name);
        break;
    case PrincipalKind::FederatedProvider:
        context.set("aws:FederatedProvider", p.name);
        break;
    case PrincipalKind::Anonymous:
        context.set("aws:PrincipalType", "Anonymous");
        context.set("aws:userid", "anonymous");
        context.set("aws:PrincipalAccount", "anonymous");
        break;
    }
    const auto &organization = m_account.organization();
    const std::string &account = m_account.accountId();
    if (organization && p.hasIdentitySide() && p.account == account) {
        context.set("aws:PrincipalOrgID", organization->id);
        context.setMultiValued("aws:PrincipalOrgPaths", { organizationPath(*organization) });
    }
    // The environment, always present (account-format.md §5).
    const Request &request = resolved.request;
    context.set("aws:CurrentTime", formatInstant(now));
    context.set("aws:EpochTime", std::to_string(now.seconds));
    context.set("aws:SecureTransport", "true");
    context.set("aws:ViaAWSService", "false");
    const auto arn = parseArn(request.resource);
    context.set("aws:RequestedRegion",
            arn && !arn->region.empty() ? std::string(arn->region) : std::string("us-east-1"));
    if (!request.resourceAccount.empty())
        context.set("aws:ResourceAccount", request.resourceAccount);
    if (organization && request.resourceAccount == account) {
        context.set("aws:ResourceOrgID", organization->id);
        context.setMultiValued("aws:ResourceOrgPaths", { organizationPath(*organization) });
    }
    if (resource)
        for (const auto &tag : resource->tags)
            context.set("aws:ResourceTag/" + tag.key, tag.value);
}

AccountRequest Resolver::resolve(const ResolvedPrincipal &principal, std::string_view action,
        std::string_view resource, const ContextOverrides &overrides, Instant now) const
{
    AccountRequest resolved;
    resolved.request.principal = principal.principal;
    resolved.request.action = std::string(action);
    resolved.request.resource = std::string(resource);
    if (principal.principal.hasIdentitySide())
        identityPolicies(principal, resolved);
    addResource(action, resource, principal, resolved);
    addOrganization(principal, resolved.request.resourceAccount, resolved);
    const Resource *listed = m_account.findResource(resource);
    if (!listed) {
        const std::string bucket = bucketOf(resource);
        if (!bucket.empty())
            listed = m_account.findResource(bucket);
    }
    fillContext(principal, resolved, listed, now, resolved.request.context);
    // --context replaces a filled-in key of the same name (ignoring case); a key given
    // several times is multi-valued.
    std::map<std::string, std::pair<std::string, std::vector<std::string>>> given;
    std::vector<std::string> order;
    for (const auto &[key, value] : overrides) {
        const std::string lower = toLowercase(key);
        auto [entry, added] = given.try_emplace(lower, key, std::vector<std::string>());
        if (added)
            order.push_back(lower);
        entry->second.second.push_back(value);
    }
    for (const auto &lower : order) {
        auto &[key, values] = given[lower];
        if (values.size() == 1)
            resolved.request.context.set(key, values.front());
        else
            resolved.request.context.setMultiValued(key, values);
    }
    return resolved;
}

std::optional<AccountRequest> Resolver::resolveScenario(
        const Scenario &scenario, Instant now, std::string &error) const
{
    const Request &asked = scenario.request;
    const auto principal = findPrincipal(asked.principal.text, {}, error);
    if (!principal)
        return std::nullopt;
    AccountRequest resolved = resolve(*principal, asked.action, asked.resource, {}, now);
    if (!asked.resourceAccount.empty())
        resolved.request.resourceAccount = asked.resourceAccount;
    for (const auto &entry : asked.context.entries()) {
        if (entry.multiValued)
            resolved.request.context.setMultiValued(entry.key, entry.values);
        else
            resolved.request.context.set(entry.key, entry.values.front());
    }
    const auto origin = [](const char *via) {
        PolicyOrigin o;
        o.via = via;
        o.routes = { via };
        return o;
    };
    const PolicySet &given = scenario.policies;
    for (const auto &policy : given.identity) {
        resolved.policies.identity.push_back(policy);
        resolved.identityOrigins.push_back(origin("scenario"));
    }
    if (given.permissionsBoundary) {
        resolved.policies.permissionsBoundary = given.permissionsBoundary;
        resolved.boundaryOrigin = origin("scenario");
    }
    if (given.session) {
        resolved.policies.session = given.session;
        resolved.sessionOrigin = origin("session policy");
    }
    if (given.resource) {
        resolved.policies.resource = given.resource;
        resolved.resourceOrigin = origin("scenario");
    }
    const auto addLevels = [&](const std::vector<std::vector<PolicyRef>> &levels,
                                   std::vector<std::vector<PolicyRef>> &into,
                                   std::vector<std::vector<PolicyOrigin>> &origins) {
        for (const auto &level : levels) {
            into.push_back(level);
            origins.emplace_back(level.size(), origin("scenario"));
        }
    };
    addLevels(given.scpLevels, resolved.policies.scpLevels, resolved.scpOrigins);
    addLevels(given.rcpLevels, resolved.policies.rcpLevels, resolved.rcpOrigins);
    return resolved;
}

std::vector<std::string> Resolver::admittedBy(const Role &role) const
{
    std::vector<std::string> admitted;
    const PolicyRef trust = compile(role.trustPolicy, PolicyType::Resource,
            ResourcePolicyKind::TrustPolicy, "trust policy of " + role.name, nullptr);
    if (!trust)
        return admitted;
    const auto add = [&admitted](const std::string &text) {
        if (std::find(admitted.begin(), admitted.end(), text) == admitted.end())
            admitted.push_back(text);
    };
    for (const auto &statement : trust->statements) {
        if (statement.effect != Effect::Allow)
            continue;
        bool assumes = false;
        for (const std::string_view name :
                { "AssumeRole", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity" }) {
            bool listed = false;
            for (const auto &action : statement.actions)
                listed = listed || action.matchesAll
                        || (action.usable && action.service == "sts"
                                && globMatch(action.name, name, CaseMode::AsciiInsensitive));
            assumes = assumes || (statement.notAction ? !listed : listed);
        }
        if (!assumes)
            continue;
        if (statement.principalMode == PrincipalMode::NotPrincipal) {
            add("*");
            continue;
        }
        for (const auto &principal : statement.principals)
            add(principal.text);
    }
    return admitted;
}

} // namespace iamx
