#include "resolver.h"

// The Resolver's compiled documents: each policy document of the account compiled once (on
// first use, or all at once on every core by precompile()), and diagnostics placed in the file.

#include "model/json.h"
#include "model/parallel.h"
#include "model/policyparser.h"

namespace iamx {

size_t Resolver::CacheKeyHash::operator()(const CacheKey &key) const
{
    return std::hash<const void *>()(key.document) ^ (static_cast<size_t>(key.type) << 1)
            ^ (static_cast<size_t>(key.kind) << 4);
}

PolicyRef Resolver::compile(const PolicyText &document, PolicyType type, ResourcePolicyKind kind,
        const std::string &name, std::vector<Diagnostic> *problems) const
{
    // One compiled policy per document and reading: the document's address identifies it
    // (documents live in the Account, which outlives the Resolver).
    const CacheKey key { &document, type, kind };
    if (document.empty()) {
        // It could not be read when the account was loaded, which said why and where.
        if (problems) {
            Diagnostic d;
            d.code = "INVALID_POLICY_DOCUMENT";
            d.message = name + ": the policy document could not be read";
            d.where.offset = document.span().offset;
            locate(document.span().source, d);
            problems->push_back(std::move(d));
        }
        return nullptr;
    }
    {
        std::lock_guard lock(m_cacheMutex);
        if (const auto found = m_cache.find(key); found != m_cache.end()) {
            if (problems)
                problems->insert(problems->end(), found->second.problems.begin(),
                        found->second.problems.end());
            return found->second.policy;
        }
    }
    // Compile outside the lock, so that threads compile in parallel.
    PolicyParseOptions options;
    options.type = type;
    options.resourceKind = kind;
    options.name = name;
    Parsed<Policy> parsed = parsePolicyText(document.text(), options);
    CacheEntry entry;
    const SourceSpan &span = document.span();
    const bool inPlace = document.form() == PolicyText::Form::Object;
    for (auto &d : parsed.diagnostics) {
        if (d.severity != Severity::Error)
            continue;
        // A document in the file has file positions; a decoded string's problems are placed
        // at the string.
        d.where.offset = span.offset + (inPlace ? d.where.offset : 0);
        locate(span.source, d);
        d.message = name + ": " + d.message;
        entry.problems.push_back(d);
    }
    if (parsed.value)
        entry.policy = std::make_shared<const Policy>(std::move(*parsed.value));
    std::lock_guard lock(m_cacheMutex);
    const auto found = m_cache.emplace(key, std::move(entry)).first; // first one in wins
    if (problems)
        problems->insert(
                problems->end(), found->second.problems.begin(), found->second.problems.end());
    return found->second.policy;
}

void Resolver::locate(std::uint32_t source, Diagnostic &d) const
{
    if (source >= m_account.sources().size())
        return;
    std::lock_guard lock(m_linesMutex);
    if (m_lines.size() < m_account.sources().size())
        m_lines.resize(m_account.sources().size());
    const auto &text = m_account.sources()[source]->text;
    if (!m_lines[source])
        m_lines[source] = std::make_unique<json::LineIndex>(text);
    const auto position = m_lines[source]->position(d.where.offset);
    d.where.file = m_account.sources()[source]->name;
    d.where.line = position.line;
    d.where.column = position.column;
}

void Resolver::precompile(unsigned threads) const
{
    std::call_once(m_precompiled, [this, threads]() { precompileOnce(threads); });
}

void Resolver::precompileOnce(unsigned threads) const
{
    struct Task
    {
        const PolicyText *document;
        PolicyType type;
        ResourcePolicyKind kind;
        const std::string *name;
    };
    std::vector<Task> tasks;
    const auto inlines = [&tasks](const std::vector<InlinePolicy> &policies) {
        for (const auto &p : policies)
            tasks.push_back(
                    { &p.document, PolicyType::Identity, ResourcePolicyKind::Ordinary, &p.name });
    };
    for (const auto &user : m_account.users())
        inlines(user.inlinePolicies);
    for (const auto &group : m_account.groups())
        inlines(group.inlinePolicies);
    for (const auto &role : m_account.roles())
        inlines(role.inlinePolicies);
    for (const auto &policy : m_account.policies())
        if (const PolicyVersion *version = policy.defaultPolicyVersion())
            tasks.push_back({ &version->document, PolicyType::Identity,
                    ResourcePolicyKind::Ordinary, &policy.name });
    parallelFor(tasks.size(), threads, [&](unsigned, size_t i) {
        compile(*tasks[i].document, tasks[i].type, tasks[i].kind, *tasks[i].name, nullptr);
    });

    // Each principal's identity policies in one list, so who-can walks no indexes.
    const auto listOf = [this](const ResolvedPrincipal &principal) {
        std::vector<PolicyRef> list;
        forEachIdentityDocument(
                principal, [&](const PolicyText &document, const std::string &name) {
                    if (PolicyRef policy = compile(document, PolicyType::Identity,
                                ResourcePolicyKind::Ordinary, name, nullptr))
                        list.push_back(std::move(policy));
                });
        return list;
    };
    std::vector<std::vector<PolicyRef>> users(m_account.users().size());
    for (size_t i = 0; i < users.size(); ++i) {
        ResolvedPrincipal principal;
        principal.user = &m_account.users()[i];
        users[i] = listOf(principal);
    }
    std::vector<std::vector<PolicyRef>> roles(m_account.roles().size());
    for (size_t i = 0; i < roles.size(); ++i) {
        ResolvedPrincipal principal;
        principal.role = &m_account.roles()[i];
        roles[i] = listOf(principal);
    }
    m_userIdentity = std::move(users);
    m_roleIdentity = std::move(roles);
}

const std::vector<PolicyRef> *Resolver::compiledIdentity(const ResolvedPrincipal &principal) const
{
    if (principal.user && m_userIdentity.size() == m_account.users().size())
        return &m_userIdentity[static_cast<size_t>(principal.user - m_account.users().data())];
    if (principal.role && m_roleIdentity.size() == m_account.roles().size())
        return &m_roleIdentity[static_cast<size_t>(principal.role - m_account.roles().data())];
    return nullptr;
}

} // namespace iamx
