#include "whocan.h"

#include "model/parallel.h"

#include <algorithm>
#include <atomic>
#include <set>
#include <thread>
#include <unordered_map>

namespace iamx {

std::vector<DecisiveStatement> describeDecisive(
        const AccountRequest &resolved, const std::vector<StatementRef> &decisive)
{
    std::vector<DecisiveStatement> result;
    result.reserve(decisive.size());
    for (const auto &ref : decisive) {
        const Policy &policy = resolved.policies.policy(ref);
        DecisiveStatement d;
        d.policyType = ref.type;
        d.policy = policy.name;
        d.statement = ref.statement;
        d.sid = policy.statements.at(ref.statement).sid;
        d.effect = ref.effect;
        d.origin = resolved.originOf(ref);
        result.push_back(std::move(d));
    }
    return result;
}

namespace {

// One principal's answer: allowed, conditional, or neither.
struct Answer
{
    enum class Kind { None, Allowed, Conditional } kind = Kind::None;
    WhoCanAllowed allowed;
    WhoCanConditional conditional;
};

Answer ask(const Resolver &resolver, const ResolvedPrincipal &principal, std::string_view action,
        std::string_view resource, const ContextOverrides &overrides, Instant now,
        Decision &decision)
{
    Answer answer;
    const AccountRequest resolved = resolver.resolve(principal, action, resource, overrides, now);
    decide(resolved.policies, resolved.request, decision);
    if (decision.kind == DecisionKind::Allowed) {
        answer.kind = Answer::Kind::Allowed;
        answer.allowed.principal = principal.role ? principal.role->arn : principal.principal.text;
        answer.allowed.decisive = describeDecisive(resolved, decision.decisive);
        return answer;
    }
    if (decision.kind == DecisionKind::ExplicitDeny)
        return answer;
    // Implicitly denied: would it be allowed if the Allows' conditions on absent keys held?
    ExplainOptions options;
    options.assumeAbsentKeysForAllows = true;
    decide(resolved.policies, resolved.request, decision, options);
    if (decision.kind != DecisionKind::Allowed)
        return answer;
    std::set<std::string> keys;
    for (const auto &[ref, key] : decision.scratch.assumedKeys)
        if (std::find(decision.decisive.begin(), decision.decisive.end(), ref)
                != decision.decisive.end())
            keys.insert(std::string(key));
    if (keys.empty())
        return answer;
    answer.kind = Answer::Kind::Conditional;
    answer.conditional.principal = principal.role ? principal.role->arn : principal.principal.text;
    answer.conditional.keys.assign(keys.begin(), keys.end());
    answer.conditional.decisive = describeDecisive(resolved, decision.decisive);
    return answer;
}

} // namespace

WhoCanResult whoCan(const Resolver &resolver, const Account &account, std::string_view action,
        std::string_view resource, const ContextOverrides &overrides, Instant now, unsigned threads)
{
    if (threads == 0)
        threads = std::max(1u, std::thread::hardware_concurrency());
    resolver.precompile(threads);
    const size_t considered = account.users().size() + account.roles().size();

    // A principal can only be allowed (or conditionally) if an Allow could apply to it: from
    // its identity policies, or from the resource policy. Most principals of a large account
    // never come near a given action: they are skipped before anything is built for them.
    const AccountRequest probe = resolver.resolve(
            ResolvedPrincipal {}, action, resource, {}, now); // the resource side only
    const bool resourceMayAllow =
            probe.policies.resource && mayAllow(*probe.policies.resource, action, resource);
    const auto &userPolicies = resolver.compiledUserIdentities();
    const auto &rolePolicies = resolver.compiledRoleIdentities();
    // Candidates by index: users first, then roles (index - users).
    std::vector<char> isCandidate(considered, resourceMayAllow ? 1 : 0);
    if (!resourceMayAllow) {
        // Policies are shared between principals (managed, groups'): decide each once per
        // thread.
        std::vector<std::unordered_map<const Policy *, bool>> known(
                workerCount(considered, threads));
        parallelFor(considered, threads, [&](unsigned worker, size_t i) {
            const auto &policies = i < userPolicies.size() ? userPolicies[i]
                                                           : rolePolicies[i - userPolicies.size()];
            for (const auto &policy : policies) {
                // An inline policy is held by the cache and this list only: no one shares
                // its answer, so it is not worth remembering.
                if (policy.use_count() <= 2) {
                    if (mayAllow(*policy, action, resource)) {
                        isCandidate[i] = 1;
                        break;
                    }
                    continue;
                }
                auto [entry, added] = known[worker].try_emplace(policy.get(), false);
                if (added)
                    entry->second = mayAllow(*policy, action, resource);
                if (entry->second) {
                    isCandidate[i] = 1;
                    break;
                }
            }
        });
    }
    // Every user, and a session of every role (not root, services or other accounts, §5).
    std::vector<ResolvedPrincipal> principals;
    for (size_t i = 0; i < considered; ++i) {
        if (!isCandidate[i])
            continue;
        if (i < account.users().size()) {
            if (!account.users()[i].arn.empty())
                principals.push_back(resolver.userPrincipal(account.users()[i]));
        } else if (const Role &role = account.roles()[i - account.users().size()];
                   !role.arn.empty()) {
            principals.push_back(resolver.roleSessionPrincipal(role, {}));
        }
    }

    std::vector<Answer> answers(principals.size());
    // One Decision per thread, reused: deciding allocates nothing once it has grown.
    std::vector<Decision> decisions(workerCount(principals.size(), threads));
    parallelFor(principals.size(), threads, [&](unsigned worker, size_t i) {
        answers[i] =
                ask(resolver, principals[i], action, resource, overrides, now, decisions[worker]);
    });
    WhoCanResult result;
    result.principalsConsidered = considered;
    for (auto &answer : answers) {
        if (answer.kind == Answer::Kind::Allowed)
            result.allowed.push_back(std::move(answer.allowed));
        else if (answer.kind == Answer::Kind::Conditional)
            result.conditional.push_back(std::move(answer.conditional));
    }
    return result;
}

} // namespace iamx
