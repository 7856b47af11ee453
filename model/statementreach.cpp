#include "model/statementreach.h"

#include "model/account.h"
#include "model/actioncatalog.h"
#include "model/conditionevaluator.h"
#include "model/documentkey.h"
#include "model/evaluator.h"
#include "model/patternrelations.h"
#include "model/principalbounds.h"
#include "model/resolver.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace iamx::accountcheck {

namespace {

/// Who a document bears on: users and roles of the account, and for an SCP every principal of
/// the account, its root user included.
struct Audience
{
    std::vector<const User *> users;
    std::vector<const Role *> roles;
    bool root = false;
    bool empty() const { return users.empty() && roles.empty() && !root; }
};

/// A policy document of the account and who it bears on.
struct DocumentUse
{
    const PolicyText *document = nullptr;
    DocumentKey key;
    PolicyType type = PolicyType::Identity;
    std::string pointer; ///< of the document in the account file; empty for an SCP
    Audience audience;
};

std::vector<DocumentUse> documentUses(const Account &account)
{
    using Kind = DocumentKey::Kind;
    std::vector<DocumentUse> uses;
    const auto addMembers = [&](const Group &group, Audience &audience) {
        for (const User *user : account.membersOf(group))
            audience.users.push_back(user);
    };
    for (size_t i = 0; i < account.users().size(); ++i) {
        const User &user = account.users()[i];
        for (size_t j = 0; j < user.inlinePolicies.size(); ++j)
            uses.push_back({ &user.inlinePolicies[j].document,
                    { Kind::UserInline, user.name, user.inlinePolicies[j].name },
                    PolicyType::Identity,
                    "/UserDetailList/" + std::to_string(i) + "/UserPolicyList/" + std::to_string(j)
                            + "/PolicyDocument",
                    { { &user }, {}, false } });
    }
    for (size_t i = 0; i < account.groups().size(); ++i) {
        const Group &group = account.groups()[i];
        for (size_t j = 0; j < group.inlinePolicies.size(); ++j) {
            DocumentUse use { &group.inlinePolicies[j].document,
                { Kind::GroupInline, group.name, group.inlinePolicies[j].name },
                PolicyType::Identity,
                "/GroupDetailList/" + std::to_string(i) + "/GroupPolicyList/" + std::to_string(j)
                        + "/PolicyDocument",
                {} };
            addMembers(group, use.audience);
            uses.push_back(std::move(use));
        }
    }
    for (size_t i = 0; i < account.roles().size(); ++i) {
        const Role &role = account.roles()[i];
        for (size_t j = 0; j < role.inlinePolicies.size(); ++j)
            uses.push_back({ &role.inlinePolicies[j].document,
                    { Kind::RoleInline, role.name, role.inlinePolicies[j].name },
                    PolicyType::Identity,
                    "/RoleDetailList/" + std::to_string(i) + "/RolePolicyList/" + std::to_string(j)
                            + "/PolicyDocument",
                    { {}, { &role }, false } });
    }
    for (size_t i = 0; i < account.policies().size(); ++i) {
        const ManagedPolicy &policy = account.policies()[i];
        if (policy.isAwsManaged())
            continue; // AWS's own: not the account's to fix
        const auto version = std::find_if(policy.versions.begin(), policy.versions.end(),
                [](const PolicyVersion &v) { return v.isDefault; });
        if (version == policy.versions.end())
            continue;
        DocumentUse use { &version->document, { Kind::Managed, policy.arn, {} },
            PolicyType::Identity,
            "/Policies/" + std::to_string(i) + "/PolicyVersionList/"
                    + std::to_string(version - policy.versions.begin()) + "/Document",
            {} };
        for (const auto &attachment : account.attachmentsOf(policy)) {
            if (attachment.asBoundary)
                continue;
            using AttachmentKind = Account::Attachment::Kind;
            if (attachment.kind == AttachmentKind::User) {
                if (const User *user = account.findUser(attachment.arn))
                    use.audience.users.push_back(user);
            } else if (attachment.kind == AttachmentKind::Group) {
                if (const Group *group = account.findGroup(attachment.arn))
                    addMembers(*group, use.audience);
            } else if (const Role *role = account.findRole(attachment.arn)) {
                use.audience.roles.push_back(role);
            }
        }
        uses.push_back(std::move(use));
    }
    const auto &organization = account.organization();
    // The management account is not bound by SCPs.
    if (organization && organization->managementAccountId != account.accountId()) {
        Audience everyone;
        for (const User &user : account.users())
            everyone.users.push_back(&user);
        for (const Role &role : account.roles())
            if (!role.isServiceLinked()) // AWS exempts them from SCPs
                everyone.roles.push_back(&role);
        everyone.root = true;
        for (const auto &level : organization->levels)
            for (const auto &scp : level.scps)
                uses.push_back({ &scp.document, { Kind::Scp, level.id, scp.name },
                        PolicyType::ServiceControl, {}, everyone });
    }
    for (auto &use : uses) {
        // A user in two groups that share the policy is one audience member.
        auto &users = use.audience.users;
        std::sort(users.begin(), users.end());
        users.erase(std::unique(users.begin(), users.end()), users.end());
    }
    return uses;
}

/// What is known of one statement so far, principal by principal: it stays open while every
/// principal weighed had it dead (or ruled out), with the first few principals' reasons.
struct Verdict
{
    bool open = false;
    size_t principals = 0;
    std::vector<std::pair<std::string, std::vector<std::string>>> reasons;
    const std::vector<const CatalogAction *> *actions = nullptr; ///< an Allow's, in NamedActions
};

/// A document being weighed, and a verdict per statement.
struct DocumentState
{
    const DocumentUse *use = nullptr;
    PolicyRef policy;
    std::vector<Verdict> statements;
    size_t open = 0; ///< statements still open
};

/// The finding placed at a statement of a document.
Diagnostic statementFinding(Locator &locator, const DocumentUse &use, const Statement &statement,
        Severity severity, std::string code, std::string message)
{
    Diagnostic d =
            finding(severity, std::move(code), use.pointer + statement.pointer, std::move(message));
    locator.placeInDocument(d, *use.document, statement.offset, statement.length);
    return d;
}

// ---- SHADOWED_ALLOW_STATEMENT --------------------------------------------------------------

/// The catalog's actions each Allow names, expanded once per distinct Action list: accounts
/// repeat the same lists in many documents.
class NamedActions
{
public:
    /// The actions `statement` names; empty when it names one the catalog does not know (its
    /// reach cannot then be told). The vector lives as long as this object.
    const std::vector<const CatalogAction *> &of(const Statement &statement)
    {
        std::string key(statement.notAction ? "!" : "");
        for (const auto &pattern : statement.actions)
            (key += pattern.text) += '\n';
        auto [slot, added] = m_expansions.try_emplace(std::move(key));
        if (added)
            slot->second = expand(statement);
        return slot->second;
    }

private:
    static std::vector<const CatalogAction *> expand(const Statement &statement)
    {
        const ActionCatalog &catalog = ActionCatalog::instance();
        const std::vector<std::string> patterns = actionTexts(statement);
        if (statement.notAction)
            return catalog.actionsNotMatching(patterns);
        for (const auto &pattern : patterns)
            if (catalog.expandActions(pattern).empty())
                return {};
        return catalog.expandActions(patterns);
    }

    std::unordered_map<std::string, std::vector<const CatalogAction *>> m_expansions;
};

/// `for user alice, reason; for role deploy, reason; and 2 more principals`: the first three.
std::string listReasons(const Verdict &verdict)
{
    std::string text;
    const auto &reasons = verdict.reasons;
    for (size_t i = 0; i < reasons.size() && i < 3; ++i) {
        const auto &[label, why] = reasons[i];
        text += (i ? "; for " : "for ") + label + ", ";
        for (size_t k = 0; k < why.size(); ++k)
            text += (k ? (k + 1 == why.size() ? " and " : ", ") : "") + why[k];
    }
    if (verdict.principals > 3)
        text += "; and " + std::to_string(verdict.principals - 3)
                + (verdict.principals - 3 == 1 ? " more principal" : " more principals");
    return text;
}

/// Records that the statement is dead (or ruled out) for this principal too, or closes it.
void record(Verdict &verdict, DocumentState &document, const PrincipalView &view,
        std::vector<std::string> why)
{
    if (why.empty()) {
        verdict.open = false;
        --document.open;
        return;
    }
    if (verdict.reasons.size() < 3)
        verdict.reasons.emplace_back(view.label, std::move(why));
    ++verdict.principals;
}

/// An Allow the checks weigh: its resources named, its actions all known to the catalog.
bool weighsAllow(const Statement &statement, NamedActions &named,
        const std::vector<const CatalogAction *> *&actions)
{
    if (statement.effect != Effect::Allow
            || statement.resourceMode != Statement::ResourceMode::Resource
            || statement.resources.empty())
        return false;
    actions = &named.of(statement);
    return !actions->empty();
}

/// Why the Allow never takes effect for this principal: up to three reasons; empty when it
/// may.
std::vector<std::string> shadowReasons(const Statement &statement,
        const std::vector<const CatalogAction *> &actions, const PrincipalView &view)
{
    std::vector<std::string> reasons;
    for (const CatalogAction *action : actions)
        for (const auto &resource : statement.resources) {
            std::string why = blocker(view, action->fullName, resource.text);
            if (why.empty())
                return {};
            if (reasons.size() < 3
                    && std::find(reasons.begin(), reasons.end(), why) == reasons.end())
                reasons.push_back(std::move(why));
        }
    return reasons;
}

// ---- DENY_NEVER_MATCHES --------------------------------------------------------------------

/// True when the principal alone decides the key: its value, or that it is absent, is the
/// same in every request the principal makes. Session tags can add to a role's tags, and a
/// role's user id carries the session name, so those are not.
bool decidedByPrincipal(std::string_view lowerKey, bool isUser)
{
    if (lowerKey == "aws:principalarn" || lowerKey == "aws:principalaccount"
            || lowerKey == "aws:principaltype" || lowerKey == "aws:principalisawsservice"
            || lowerKey == "aws:username")
        return true;
    return isUser && (lowerKey == "aws:userid" || lowerKey.starts_with("aws:principaltag/"));
}

bool hasVariables(const Condition &condition)
{
    return std::any_of(condition.values.begin(), condition.values.end(),
            [](const ConditionValue &v) { return v.text.find("${") != std::string::npos; });
}

/// `aws:PrincipalTag/team is "ops"`, `aws:username is absent`.
std::string describeActual(const Condition &condition, const ConditionExplanation &trace)
{
    if (!trace.keyPresent)
        return condition.key + " is absent";
    std::string values;
    for (size_t i = 0; i < trace.actual.size(); ++i)
        values += (i ? ", \"" : "\"") + trace.actual[i] + "\"";
    return condition.key + " is " + values;
}

/// Why the Deny's conditions never hold for this principal; empty when they may.
std::vector<std::string> exclusionReasons(
        const Statement &statement, const PrincipalView &view, MatchScratch &scratch)
{
    for (const auto &condition : statement.conditions) {
        if (!decidedByPrincipal(condition.lowerKey, view.isUser) || hasVariables(condition))
            continue;
        ConditionExplanation trace;
        if (!evaluateCondition(condition, view.context(), scratch, &trace))
            return { describeActual(condition, trace) + " (" + condition.operatorText + " fails)" };
    }
    return {};
}

/// The document's statements the checks weigh, each open until a principal closes it.
DocumentState startWeighing(const DocumentUse &use, PolicyRef policy, NamedActions &named)
{
    DocumentState state { &use, std::move(policy), {}, 0 };
    state.statements.resize(state.policy->statements.size());
    for (size_t i = 0; i < state.statements.size(); ++i) {
        const Statement &statement = state.policy->statements[i];
        Verdict &verdict = state.statements[i];
        verdict.open = statement.effect == Effect::Deny ? !statement.conditions.empty()
                                                        : use.type == PolicyType::Identity
                        && weighsAllow(statement, named, verdict.actions);
        state.open += verdict.open;
    }
    return state;
}

void weigh(DocumentState &document, const PrincipalView &view, MatchScratch &scratch)
{
    const auto &statements = document.policy->statements;
    for (size_t i = 0; i < statements.size() && document.open > 0; ++i) {
        Verdict &verdict = document.statements[i];
        if (!verdict.open)
            continue;
        const Statement &statement = statements[i];
        record(verdict, document, view,
                statement.effect == Effect::Allow ? shadowReasons(statement, *verdict.actions, view)
                                                  : exclusionReasons(statement, view, scratch));
    }
}

void report(const DocumentState &document, Locator &locator, std::vector<Diagnostic> &findings)
{
    const auto &statements = document.policy->statements;
    for (size_t i = 0; i < statements.size(); ++i) {
        const Verdict &verdict = document.statements[i];
        if (!verdict.open || verdict.principals == 0)
            continue;
        const Statement &statement = statements[i];
        if (statement.effect == Effect::Allow)
            findings.push_back(statementFinding(locator, *document.use, statement,
                    Severity::Warning, "SHADOWED_ALLOW_STATEMENT",
                    "The Allow of " + statementName(statement, i)
                            + " never takes effect for anyone it applies to: "
                            + listReasons(verdict)
                            + ". Remove the statement, or lift what blocks it"));
        else
            findings.push_back(statementFinding(locator, *document.use, statement,
                    Severity::Warning, "DENY_NEVER_MATCHES",
                    "The Deny of " + statementName(statement, i)
                            + " never applies to anyone it is attached to: its conditions on "
                              "the principal rule each one out ("
                            + listReasons(verdict)
                            + "). Fix the condition, or attach the policy where it is meant "
                              "to apply"));
    }
}

} // namespace

void addReachFindings(const Account &account, const Resolver &resolver, const PrincipalViews &views,
        Locator &locator, std::vector<Diagnostic> &findings)
{
    const std::vector<DocumentUse> uses = documentUses(account);
    std::vector<DocumentState> documents;
    NamedActions named;
    // Principal by principal, so that each is resolved once and let go: the documents that
    // bear on each, by the principal's address (the account's for its root user).
    std::unordered_map<const void *, std::vector<size_t>> documentsOf;
    for (const DocumentUse &use : uses) {
        if (use.audience.empty() || use.document->empty())
            continue;
        // The name the resolver gives the policy too: whoever compiles a document first names
        // it for every later explanation.
        const ManagedPolicy *managed = use.key.kind == DocumentKey::Kind::Managed
                ? account.findPolicy(use.key.owner)
                : nullptr;
        PolicyRef policy = resolver.compile(*use.document, use.type, ResourcePolicyKind::Ordinary,
                managed ? managed->name : use.key.name, nullptr);
        if (!policy)
            continue; // the document's own validation reports why
        DocumentState state = startWeighing(use, std::move(policy), named);
        if (state.open == 0)
            continue;
        for (const User *user : use.audience.users)
            documentsOf[user].push_back(documents.size());
        for (const Role *role : use.audience.roles)
            documentsOf[role].push_back(documents.size());
        if (use.audience.root)
            documentsOf[&account].push_back(documents.size());
        documents.push_back(std::move(state));
    }
    MatchScratch scratch;
    const auto visit = [&](const void *key, const auto &makeView) {
        const auto found = documentsOf.find(key);
        if (found == documentsOf.end())
            return;
        const auto &indexes = found->second;
        if (std::none_of(indexes.begin(), indexes.end(),
                    [&](size_t d) { return documents[d].open > 0; }))
            return;
        const std::optional<PrincipalView> view = makeView();
        if (!view)
            return;
        for (const size_t d : indexes)
            if (documents[d].open > 0)
                weigh(documents[d], *view, scratch);
    };
    for (const User &user : account.users())
        visit(&user, [&] { return std::optional(views.of(user)); });
    for (const Role &role : account.roles())
        visit(&role, [&] { return std::optional(views.of(role)); });
    visit(&account, [&] { return views.root(); });
    for (const DocumentState &document : documents)
        report(document, locator, findings);
}

} // namespace iamx::accountcheck
