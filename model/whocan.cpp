#include "whocan.h"

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
    const Explanation optimistic = explain(resolved.policies, resolved.request, options);
    if (optimistic.decision != DecisionKind::Allowed)
        return answer;
    std::set<std::string> keys;
    for (const auto &layer : optimistic.layers)
        for (const auto &statement : layer.statements)
            if (statement.decisive)
                for (const auto &condition : statement.conditionDetails)
                    if (condition.assumed)
                        keys.insert(condition.key);
    if (keys.empty())
        return answer;
    answer.kind = Answer::Kind::Conditional;
    answer.conditional.principal = principal.role ? principal.role->arn : principal.principal.text;
    answer.conditional.keys.assign(keys.begin(), keys.end());
    answer.conditional.decisive = describeDecisive(resolved, optimistic.decisive);
    return answer;
}

} // namespace

WhoCanResult whoCan(const Resolver &resolver, const Account &account, std::string_view action,
        std::string_view resource, const ContextOverrides &overrides, Instant now, unsigned threads)
{
    // Every user, and a session of every role (not root, services or other accounts, §5).
    std::vector<ResolvedPrincipal> principals;
    principals.reserve(account.users().size() + account.roles().size());
    const size_t considered = account.users().size() + account.roles().size();
    resolver.precompile(threads);
    for (const auto &user : account.users())
        if (!user.arn.empty())
            principals.push_back(resolver.userPrincipal(user));
    for (const auto &role : account.roles())
        if (!role.arn.empty())
            principals.push_back(resolver.roleSessionPrincipal(role, {}));

    // A principal can only be allowed (or conditionally) if an Allow could apply to it: from
    // its identity policies, or from the resource policy. Skip the others without resolving
    // them: most principals of a large account never come near a given action.
    const AccountRequest probe = resolver.resolve(
            ResolvedPrincipal {}, action, resource, {}, now); // the resource side only
    const bool resourceMayAllow =
            probe.policies.resource && mayAllow(*probe.policies.resource, action, resource);
    if (!resourceMayAllow) {
        // Policies are shared between principals (managed, and groups'): decide each once.
        std::unordered_map<const Policy *, bool> known;
        const auto candidate = [&](const ResolvedPrincipal &p) {
            const std::vector<PolicyRef> *policies = resolver.compiledIdentity(p);
            if (!policies)
                return true;
            for (const auto &policy : *policies) {
                auto [entry, added] = known.try_emplace(policy.get(), false);
                if (added)
                    entry->second = mayAllow(*policy, action, resource);
                if (entry->second)
                    return true;
            }
            return false;
        };
        std::erase_if(principals, [&](const ResolvedPrincipal &p) { return !candidate(p); });
    }

    if (threads == 0)
        threads = std::max(1u, std::thread::hardware_concurrency());
    threads = std::min<unsigned>(threads, static_cast<unsigned>(principals.size() / 64 + 1));
    std::vector<Answer> answers(principals.size());
    std::atomic<size_t> next { 0 };
    const auto work = [&]() {
        Decision decision; // one per thread, reused: deciding allocates nothing once grown
        for (size_t i = next.fetch_add(1); i < principals.size(); i = next.fetch_add(1))
            answers[i] = ask(resolver, principals[i], action, resource, overrides, now, decision);
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t)
        pool.emplace_back(work);
    work();
    for (auto &thread : pool)
        thread.join();

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
