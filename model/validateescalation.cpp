// The validator's checks of what a policy's Allow statements add up to: privilege escalation
// paths (riskyactions.h) completed across statements, actions that hand out credentials,
// permissions-management actions on every resource, and a Deny that the allowed
// permissions-management actions of the same service can undo.
//
// Only policies that grant are checked (identity, session and resource policies): SCPs, RCPs
// and boundaries only cap, and a trust policy's sts:AssumeRole is its purpose. An action
// counts as allowed when an Allow statement's Action (or what its NotAction leaves) matches it,
// whatever its Resource and Condition, and no unconditional Deny on every resource removes it.

#include "model/casefold.h"
#include "model/riskyactions.h"
#include "model/validationcontext.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>

namespace iamx::validation {
namespace {

bool contains(const std::vector<const CatalogAction *> &sorted, const CatalogAction *action)
{
    return std::binary_search(sorted.begin(), sorted.end(), action);
}

// A Resource entry limited to the caller's own user: `arn:aws:iam::*:user/${aws:username}`.
bool isSelfScoped(std::string_view resource)
{
    const std::string lower = toAsciiLowercase(resource);
    return lower.find("${aws:username}") != std::string::npos
            || lower.find("${aws:userid}") != std::string::npos;
}

// A statement whose every resource is the caller's own user.
bool selfScoped(const StatementNode &statement)
{
    return !statement.notResource && !statement.resources.empty()
            && std::all_of(statement.resources.begin(), statement.resources.end(),
                    [](const Entry &entry) { return isSelfScoped(entry.text()); });
}

// A statement that lets iam:PassRole pass any role: NotResource, `*`, `arn:...:role/*`. A
// role named (or a path of roles) bounds what passing it gains, so it is no escalation path.
bool passesAnyRole(const StatementNode &statement)
{
    return statement.notResource
            || std::any_of(
                    statement.resources.begin(), statement.resources.end(), [](const Entry &entry) {
                        if (entry.text() == "*")
                            return true;
                        const auto parts = arnComponents(entry.text());
                        return parts.size() == 6 && (parts[5] == "*" || parts[5] == "role/*");
                    });
}

// An ARN's resource part that names every resource of its type: `*`, `function:*`, `job/*`.
bool everyOfItsKind(std::string_view last)
{
    if (last == "*")
        return true;
    if (last.size() < 2 || (!last.ends_with("/*") && !last.ends_with(":*")))
        return false;
    return last.substr(0, last.size() - 2).find_first_of("*?/:") == std::string_view::npos;
}

// A statement that reaches every resource of a service action's type: NotResource, `*`, or
// `job/*`. Taking over something that already runs with a role is only sure to reach a more
// privileged one then (a wildcard such as `function:AWS-Quick-*` names the author's own); for
// ssm:SendCommand the document must be open (or a shell document).
bool reachesUnnamed(const StatementNode &statement, std::string_view action)
{
    if (statement.notResource)
        return true;
    const bool sendCommand = asciiEqualsIgnoreCase(action, "ssm:SendCommand");
    return std::any_of(
            statement.resources.begin(), statement.resources.end(), [&](const Entry &entry) {
                if (entry.text() == "*")
                    return true;
                const auto parts = arnComponents(entry.text());
                if (parts.size() != 6)
                    return false;
                const std::string_view last = parts[5];
                if (sendCommand)
                    return last == "document/*" || last == "document/AWS-RunShellScript"
                            || last == "document/AWS-RunPowerShellScript";
                return everyOfItsKind(last);
            });
}

// False when an iam:PassedToService condition of the statement rules out passing the role to
// `service` (`ec2.amazonaws.com`); negated operators are read as not ruling it out.
bool passesTo(const StatementNode &statement, std::string_view service)
{
    for (const ConditionEntry &condition : statement.conditions) {
        if (!condition.op || isNegated(condition.op->base)
                || !asciiEqualsIgnoreCase(condition.key->key, "iam:PassedToService"))
            continue;
        const bool matches = std::any_of(
                condition.values.begin(), condition.values.end(), [service](const Entry &value) {
                    std::vector<PatternUnit> units;
                    appendPatternUnits(
                            units, value.text(), WildcardMode::Glob, CaseMode::AsciiInsensitive);
                    return globMatch(units, service, CaseMode::AsciiInsensitive);
                });
        if (!matches)
            return false;
    }
    return true;
}

// Where a statement grants an action: an Action entry, or (entry null) its NotAction.
struct Place
{
    size_t statement = 0;
    const Entry *entry = nullptr;
};

// Answers "does this policy allow action A, and where first" from the statements and their
// expansions.
class Grants
{
public:
    explicit Grants(const Context &context)
        : m_context(context)
    {
        for (const auto &expansions : context.expansions)
            m_all.push_back(std::any_of(expansions.begin(), expansions.end(),
                    [](const Expansion &e) { return e.all; }));
        for (const StatementNode &statement : context.statements)
            m_self.push_back(selfScoped(statement));
    }

    // Statement `s`'s resources are all the caller's own user.
    bool self(size_t s) const { return m_self[s]; }

    // The first place an Allow statement that `counts` accepts grants `action`, unless an
    // unconditional Deny on every resource removes it.
    template <typename Counts>
    std::optional<Place> allowed(const CatalogAction &action, Counts &&counts) const
    {
        std::optional<Place> found;
        for (size_t s = 0; s < m_context.statements.size() && !found; ++s) {
            const StatementNode &statement = m_context.statements[s];
            if (!statement.isAllow() || !statement.action)
                continue;
            // `counts` reads resources and conditions: only for statements that match.
            if (auto place = grantIn(s, action); place && counts(s))
                found = place;
        }
        return found && !denied(action) ? found : std::nullopt;
    }
    std::optional<Place> allowed(const CatalogAction &action) const
    {
        return allowed(action, [](size_t) { return true; });
    }

    // Where statement `s` matches `action`, whatever its effect.
    std::optional<Place> grantIn(size_t s, const CatalogAction &action) const
    {
        const StatementNode &statement = m_context.statements[s];
        // Most statements do not name the action at all: one search of their union says so.
        if (!m_all[s] && !contains(m_context.actionUnion(s), &action))
            return statement.notAction ? std::optional<Place>(Place { s, nullptr }) : std::nullopt;
        const auto &expansions = m_context.expansions[s];
        for (size_t i = 0; i < expansions.size() && i < statement.actions.size(); ++i) {
            if (!expansions[i].all && !contains(expansions[i].actions, &action))
                continue;
            if (statement.notAction)
                return std::nullopt; // excluded
            return Place { s, &statement.actions[i] };
        }
        if (statement.notAction)
            return Place { s, nullptr };
        return std::nullopt;
    }

    // True when an unconditional Deny on every resource of the action's service covers it.
    bool denied(const CatalogAction &action) const
    {
        const std::string_view service = m_context.catalog.services()[action.service].prefix;
        for (size_t s = 0; s < m_context.statements.size(); ++s) {
            const StatementNode &statement = m_context.statements[s];
            if (!statement.isDeny() || !statement.action || !statement.conditions.empty()
                    || statement.notResource)
                continue;
            const bool everywhere = std::any_of(statement.resources.begin(),
                    statement.resources.end(),
                    [&](const Entry &entry) { return coversService(entry.text(), service); });
            if (everywhere && grantIn(s, action))
                return true;
        }
        return false;
    }

    bool grantsEveryResource(const StatementNode &statement) const
    {
        return statement.notResource
                || std::any_of(statement.resources.begin(), statement.resources.end(),
                        [](const Entry &entry) { return entry.text() == "*"; });
    }

private:
    static bool coversService(std::string_view resource, std::string_view service)
    {
        if (resource == "*")
            return true;
        const auto parts = arnComponents(resource);
        const auto any = [](std::string_view part) { return part.empty() || part == "*"; };
        return parts.size() == 6 && (parts[2] == "*" || asciiEqualsIgnoreCase(parts[2], service))
                && any(parts[3]) && any(parts[4]) && parts[5] == "*";
    }

    const Context &m_context;
    std::vector<bool> m_all; // per statement: an Action entry is `*`
    std::vector<bool> m_self; // per statement: selfScoped()
};

std::string quoted(std::string_view text)
{
    return "\"" + std::string(text) + "\"";
}

// `"iam:*" includes iam:PutUserPolicy` / `NotAction leaves iam:PutUserPolicy` / `"iam:X"`.
std::string describeGrant(const Place &place, std::string_view action)
{
    if (!place.entry)
        return "NotAction leaves " + std::string(action);
    if (asciiEqualsIgnoreCase(place.entry->text(), action))
        return quoted(place.entry->text());
    return quoted(place.entry->text()) + " includes " + std::string(action);
}

void reportAt(Context &context, std::string_view code, const Place &place, std::string message)
{
    const StatementNode &statement = context.statements[place.statement];
    if (place.entry)
        context.report(code, place.entry->pointer, std::move(message), *place.entry->value);
    else
        context.reportKey(
                code, statement.pointer + "/NotAction", std::move(message), *statement.action);
}

// A list of names, the first `shown` of them, then "and N more".
std::string listNames(const std::vector<std::string_view> &names, size_t shown = 3)
{
    std::string text;
    for (size_t i = 0; i < names.size() && i < shown; ++i)
        text += (i ? ", " : "") + std::string(names[i]);
    if (names.size() > shown)
        text += " and " + std::to_string(names.size() - shown) + " more";
    return text;
}

/// Findings grouped by where they are granted: `*` or `iam:*` would otherwise carry a dozen
/// findings on the same text.
template <typename T> using ByPlace = std::vector<std::pair<Place, std::vector<T>>>;

template <typename T> void addAt(ByPlace<T> &groups, const Place &place, T item)
{
    const auto group = std::find_if(groups.begin(), groups.end(), [&](const auto &g) {
        return g.first.statement == place.statement && g.first.entry == place.entry;
    });
    if (group == groups.end())
        groups.push_back({ place, { std::move(item) } });
    else
        group->second.push_back(std::move(item));
}

void checkPrivilegeEscalation(Context &context, const Grants &grants)
{
    // Paths completed, grouped by where their first action is granted.
    ByPlace<const EscalationPath *> found;
    for (const EscalationPath &path : privilegeEscalationPaths()) {
        std::optional<Place> first;
        bool complete = true;
        for (const std::string_view name : path.actions) {
            const CatalogAction *action = context.catalog.findAction(name);
            // Which Allow statements count for this action of this path.
            const auto counts = [&](size_t s) {
                const StatementNode &statement = context.statements[s];
                if (path.needsAnotherPrincipal && grants.self(s))
                    return false;
                if (name == "iam:PassRole")
                    return passesAnyRole(statement) && passesTo(statement, path.passedTo);
                // IAM and STS actions escalate even on named policies, users and roles.
                return name.starts_with("iam:") || name.starts_with("sts:")
                        || reachesUnnamed(statement, name);
            };
            const auto place = action ? grants.allowed(*action, counts) : std::nullopt;
            complete = complete && place;
            if (!complete)
                break;
            if (!first)
                first = place;
        }
        if (!complete)
            continue;
        addAt(found, *first, &path);
    }
    for (const auto &[place, paths] : found) {
        const EscalationPath &path = *paths.front();
        std::string message;
        if (paths.size() == 1) {
            message = describeGrant(place, path.actions.front());
            if (path.actions.size() > 1) {
                std::vector<std::string_view> rest(path.actions.begin() + 1, path.actions.end());
                message += " with " + listNames(rest, rest.size());
            }
            message += " allows privilege escalation (" + std::string(path.name) + "): one can "
                    + std::string(path.how) + "; ";
            const bool passRole = path.actions.front() == "iam:PassRole";
            message += passRole ? "allow iam:PassRole only on roles no more privileged than the "
                                  "principal, or remove an action of the path"
                                : "remove it, limit it to resources that cannot raise the "
                                  "principal's access, or deny it";
        } else {
            std::vector<std::string_view> names;
            for (const EscalationPath *p : paths)
                names.push_back(p->name);
            message = (place.entry ? quoted(place.entry->text()) : std::string("NotAction"))
                    + " completes " + std::to_string(paths.size()) + " privilege escalation paths ("
                    + listNames(names, 4) + "), e.g. one can " + std::string(path.how)
                    + ": grant only the actions needed, on named resources";
        }
        reportAt(context, "PRIVILEGE_ESCALATION", place, std::move(message));
    }
}

void checkCredentialsExposure(Context &context, const Grants &grants)
{
    // Per granting entry, the credential actions it grants (an entry may grant several).
    ByPlace<std::string_view> found;
    for (const std::string_view name : credentialExposureActions()) {
        const CatalogAction *action = context.catalog.findAction(name);
        if (!action || grants.denied(*action))
            continue;
        for (size_t s = 0; s < context.statements.size(); ++s) {
            const StatementNode &statement = context.statements[s];
            if (!statement.isAllow() || !statement.action)
                continue;
            const auto place = grants.self(s) ? std::nullopt : grants.grantIn(s, *action);
            if (!place)
                continue;
            addAt(found, *place, action->fullName);
        }
    }
    for (const auto &[place, names] : found) {
        std::string message = names.size() == 1
                ? describeGrant(place, names.front())
                : (place.entry ? quoted(place.entry->text()) : std::string("NotAction"))
                        + " allows " + listNames(names);
        message += names.size() == 1 ? ", whose response holds credentials"
                                     : ", whose responses hold credentials";
        message += " that act as another identity: allow it only where needed, on named "
                   "resources, and keep the credentials out of logs";
        reportAt(context, "CREDENTIALS_EXPOSURE", place, std::move(message));
    }
}

void checkPermissionsManagement(Context &context, const Grants &grants)
{
    // Permissions-management actions that can name a resource: on Resource * they let the
    // principal rewrite the access to everything of their kind. Actions that only take `*`
    // cannot be narrowed, and a Condition (kms:GrantIsForAWSResource...) may already narrow
    // the grant, so neither is reported.
    const auto reportable = [](const CatalogAction *action) {
        return action->accessLevel == AccessLevel::PermissionsManagement
                && !action->resourceTypes.empty();
    };
    std::vector<const CatalogAction *> candidates; // of the whole catalog, when needed
    for (size_t s = 0; s < context.statements.size(); ++s) {
        const StatementNode &statement = context.statements[s];
        if (!statement.isAllow() || !statement.action || !statement.resource
                || !statement.conditions.empty() || !grants.grantsEveryResource(statement))
            continue;
        // A long Action list: only its own actions can match (no scan of every candidate
        // against every entry); `*` and NotAction: every candidate.
        const auto &expansions = context.expansions[s];
        const bool broad = statement.notAction
                || std::any_of(expansions.begin(), expansions.end(),
                        [](const Expansion &e) { return e.all; });
        std::vector<const CatalogAction *> own;
        if (!broad)
            std::copy_if(context.actionUnion(s).begin(), context.actionUnion(s).end(),
                    std::back_inserter(own), reportable);
        if (broad && candidates.empty())
            for (const CatalogAction &action : context.catalog.actions())
                if (reportable(&action))
                    candidates.push_back(&action);
        ByPlace<std::string_view> found;
        for (const CatalogAction *action : broad ? candidates : own) {
            const auto place = grants.grantIn(s, *action);
            if (!place || grants.denied(*action))
                continue;
            addAt(found, *place, action->fullName);
        }
        const std::string where =
                statement.notResource ? "on every resource NotResource leaves" : "on Resource *";
        for (const auto &[place, names] : found) {
            std::string message = names.size() == 1
                    ? describeGrant(place, names.front()) + ", a permissions-management action"
                    : (place.entry ? quoted(place.entry->text()) : std::string("NotAction"))
                            + " allows " + std::to_string(names.size())
                            + " permissions-management actions (" + listNames(names) + ")";
            message += ", allowed " + where
                    + ": it can change who may do what on every such resource; name the "
                      "resources it may change";
            reportAt(context, "PERMISSIONS_MANAGEMENT_ACTIONS", place, std::move(message));
        }
    }
}

void checkResourcePolicyEscalation(Context &context, const Grants &grants)
{
    // The services some Deny names actions of (not `*` or NotAction: they name no service),
    // with the first denying entry.
    std::map<std::uint32_t, const Entry *> deniedServices;
    for (size_t s = 0; s < context.statements.size(); ++s) {
        const StatementNode &statement = context.statements[s];
        if (!statement.isDeny() || !statement.action || statement.notAction)
            continue;
        for (size_t i = 0; i < context.expansions[s].size(); ++i)
            if (!context.expansions[s][i].all)
                for (const CatalogAction *action : context.expansions[s][i].actions)
                    deniedServices.try_emplace(action->service, &statement.actions[i]);
    }
    const auto services = context.catalog.services();
    for (const auto &[service, denyEntry] : deniedServices) {
        for (const CatalogAction &action : services[service].actions) {
            if (action.accessLevel != AccessLevel::PermissionsManagement)
                continue;
            const auto place = grants.allowed(action);
            if (!place)
                continue;
            reportAt(context, "RESOURCE_POLICY_PRIVILEGE_ESCALATION", *place,
                    describeGrant(*place, action.fullName) + ", which lets the principal rewrite "
                            + std::string(services[service].prefix)
                            + " permissions (a resource policy, or its own) and so get around "
                              "this policy's Deny of "
                            + quoted(denyEntry->text()) + ": deny the "
                            + std::string(services[service].prefix)
                            + " permissions-management actions too, or do not allow them");
            break; // once per service
        }
    }
}

} // namespace

void checkEscalation(Context &context)
{
    if (context.type != ValidationPolicyType::Identity
            && context.type != ValidationPolicyType::Session
            && context.type != ValidationPolicyType::Resource)
        return;
    const Grants grants(context);
    checkPrivilegeEscalation(context, grants);
    checkCredentialsExposure(context, grants);
    // In a resource policy, Resource * is the resource the policy is attached to.
    if (context.type != ValidationPolicyType::Resource)
        checkPermissionsManagement(context, grants);
    checkResourcePolicyEscalation(context, grants);
}

} // namespace iamx::validation
