#include "accountindex.h"

#include "model/account.h"
#include "model/casefold.h"
#include "model/json.h"
#include "model/jsonscanner.h"
#include "model/wildcard.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

namespace iamx {

namespace {

constexpr size_t npos = std::string_view::npos;

/// The decoded text of the JSON string literal `literal` (quotes included) into `out`; false
/// when it is not one. Only literals with escapes are decoded by the reader: most have none.
bool decodeString(std::string_view literal, std::string &out)
{
    if (literal.size() < 2 || literal.front() != '"' || literal.back() != '"')
        return false;
    const std::string_view inner = literal.substr(1, literal.size() - 2);
    if (inner.find('\\') == npos) {
        out.assign(inner);
        return true;
    }
    const auto read = json::read(literal);
    if (!read.value || !read.value->isString())
        return false;
    out = read.value->text;
    return true;
}

/// Calls `member(key, valueBegin, valueEnd)` for each member of the object that starts at
/// `pos`, and stops quietly at the first thing that is not JSON: the index takes what it can
/// read of a broken document, and the editor reports the rest.
template <typename Member> void forEachMember(std::string_view text, size_t pos, Member member)
{
    std::string key;
    size_t at = json::skipWhitespace(text, pos + 1);
    while (at < text.size() && text[at] == '"') {
        const size_t keyEnd = json::valueEnd(text, at);
        if (keyEnd == npos || !decodeString(text.substr(at, keyEnd - at), key))
            return;
        at = json::skipWhitespace(text, keyEnd);
        if (at >= text.size() || text[at] != ':')
            return;
        at = json::skipWhitespace(text, at + 1);
        const size_t end = json::valueEnd(text, at);
        if (end == npos)
            return;
        member(std::string_view(key), at, end);
        at = json::skipWhitespace(text, end);
        if (at >= text.size() || text[at] != ',')
            return;
        at = json::skipWhitespace(text, at + 1);
    }
}

/// Calls `element(begin, end)` for each element of the array that starts at `pos`, or once for
/// the value at `pos` when it is not an array (IAM takes a single value for a list).
template <typename Element>
void forEachElement(std::string_view text, size_t pos, size_t end, Element element)
{
    if (text[pos] != '[') {
        element(pos, end);
        return;
    }
    size_t at = json::skipWhitespace(text, pos + 1);
    while (at < text.size() && text[at] != ']') {
        const size_t itemEnd = json::valueEnd(text, at);
        if (itemEnd == npos)
            return;
        element(at, itemEnd);
        at = json::skipWhitespace(text, itemEnd);
        if (at >= text.size() || text[at] != ',')
            return;
        at = json::skipWhitespace(text, at + 1);
    }
}

/// Calls `action(text, notAction)` for every string under a statement's Action or NotAction
/// in the policy document `text`, and `resource(text)` for every string under Resource or
/// NotResource, without building the document.
void forEachAction(std::string_view text, const std::function<void(std::string_view, bool)> &action,
        const std::function<void(std::string_view)> &resource)
{
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3);
    const size_t start = json::skipWhitespace(text, 0);
    if (start >= text.size() || text[start] != '{')
        return;
    std::string value;
    const auto statement = [&](size_t begin, size_t) {
        if (text[begin] != '{')
            return;
        forEachMember(text, begin, [&](std::string_view key, size_t valueBegin, size_t valueEnd) {
            if (key == "Resource" || key == "NotResource") {
                forEachElement(text, valueBegin, valueEnd, [&](size_t from, size_t to) {
                    if (decodeString(text.substr(from, to - from), value))
                        resource(value);
                });
                return;
            }
            if (key != "Action" && key != "NotAction")
                return;
            forEachElement(text, valueBegin, valueEnd, [&](size_t from, size_t to) {
                if (decodeString(text.substr(from, to - from), value))
                    action(value, key == "NotAction");
            });
        });
    };
    forEachMember(text, start, [&](std::string_view key, size_t valueBegin, size_t valueEnd) {
        if (key == "Statement")
            forEachElement(text, valueBegin, valueEnd, statement);
    });
}

void sortUnique(std::vector<std::uint32_t> &ids)
{
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

void append(std::vector<std::uint32_t> &into, const std::vector<std::uint32_t> &ids)
{
    into.insert(into.end(), ids.begin(), ids.end());
}

template <typename T> std::uint32_t indexIn(const std::vector<T> &items, const T *item)
{
    return static_cast<std::uint32_t>(item - items.data());
}

} // namespace

/// Reads the account's documents once, interning their action patterns.
class AccountIndexBuilder
{
public:
    explicit AccountIndexBuilder(std::vector<AccountIndex::Pattern> &patterns)
        : m_patterns(patterns)
    {
    }

    /// The ids of the action patterns `document` mentions, appended to `ids` (unsorted).
    void actionsOf(std::string_view document, std::vector<std::uint32_t> &ids)
    {
        const auto resource = [this](std::string_view arn) {
            // Literal ARNs only: completion offers what can be asked about as it is.
            if (arn.starts_with("arn:") && arn.find_first_of("*?") == npos
                    && arn.find("${") == npos)
                m_resourceNames.emplace(arn);
        };
        forEachAction(
                document,
                [&](std::string_view action, bool notAction) {
                    if (action.find(':') != npos && action.find_first_of("*?") == npos)
                        m_actionNames.try_emplace(toAsciiLowercase(action), action);
                    m_key.assign(1, notAction ? '!' : ' ');
                    m_key += toAsciiLowercase(action);
                    const auto [at, inserted] =
                            m_ids.try_emplace(m_key, static_cast<std::uint32_t>(m_patterns.size()));
                    if (inserted) {
                        AccountIndex::Pattern pattern;
                        pattern.text = m_key.substr(1);
                        pattern.notAction = notAction;
                        appendPatternUnits(pattern.units, pattern.text, WildcardMode::Glob,
                                CaseMode::AsciiInsensitive);
                        m_patterns.push_back(std::move(pattern));
                    }
                    ids.push_back(at->second);
                },
                resource);
    }

    /// The literal action names read so far, sorted ignoring case (first spelling kept).
    std::vector<std::string> actionNames() const
    {
        std::vector<std::string> names;
        names.reserve(m_actionNames.size());
        for (const auto &[lower, name] : m_actionNames)
            names.push_back(name);
        return names;
    }
    /// The literal resource ARNs read so far, sorted.
    std::vector<std::string> resourceNames() const
    {
        return { m_resourceNames.begin(), m_resourceNames.end() };
    }

    std::vector<std::uint32_t> inlineAndAttached(const Account &account,
            const std::vector<InlinePolicy> &inlines, const std::vector<AttachedPolicy> &attached,
            const std::vector<std::vector<std::uint32_t>> &managedActions)
    {
        std::vector<std::uint32_t> ids;
        for (const auto &policy : inlines)
            actionsOf(policy.document.text(), ids);
        for (const auto &attachment : attached)
            if (const ManagedPolicy *policy = account.findPolicy(attachment.arn))
                append(ids, managedActions[indexIn(account.policies(), policy)]);
        sortUnique(ids);
        return ids;
    }

private:
    std::vector<AccountIndex::Pattern> &m_patterns;
    std::unordered_map<std::string, std::uint32_t> m_ids;
    std::string m_key;
    std::map<std::string, std::string> m_actionNames; // lowercase -> first spelling
    std::set<std::string> m_resourceNames;
};

AccountIndex::AccountIndex(const Account &account)
{
    using Kind = IndexedEntity::Kind;
    AccountIndexBuilder builder(m_patterns);
    const auto count = [](size_t n) { return static_cast<std::uint32_t>(n); };

    std::vector<std::vector<std::uint32_t>> managedActions(account.policies().size());
    for (size_t i = 0; i < account.policies().size(); ++i) {
        if (const PolicyVersion *version = account.policies()[i].defaultPolicyVersion())
            builder.actionsOf(version->document.text(), managedActions[i]);
        sortUnique(managedActions[i]);
    }
    std::vector<std::vector<std::uint32_t>> groupActions(account.groups().size());
    for (size_t i = 0; i < account.groups().size(); ++i) {
        const Group &group = account.groups()[i];
        groupActions[i] = builder.inlineAndAttached(
                account, group.inlinePolicies, group.attachedPolicies, managedActions);
    }

    std::string text;
    const auto start = [&text](std::string_view name, std::string_view arn) {
        text = name;
        text += '\n';
        text += arn;
    };
    const auto addTags = [&text](const std::vector<Tag> &tags) {
        for (const auto &tag : tags) {
            text += '\n';
            text += tag.key;
            text += '=';
            text += tag.value;
        }
    };
    for (size_t i = 0; i < account.users().size(); ++i) {
        const User &user = account.users()[i];
        auto ids = builder.inlineAndAttached(
                account, user.inlinePolicies, user.attachedPolicies, managedActions);
        for (const auto &groupName : user.groupNames)
            if (const Group *group = account.findGroup(groupName))
                append(ids, groupActions[indexIn(account.groups(), group)]);
        sortUnique(ids);
        start(user.name, user.arn);
        addTags(user.tags);
        add({ Kind::User, count(i) }, text, std::move(ids));
    }
    for (size_t i = 0; i < account.groups().size(); ++i) {
        start(account.groups()[i].name, account.groups()[i].arn);
        add({ Kind::Group, count(i) }, text, std::move(groupActions[i]));
    }
    for (size_t i = 0; i < account.roles().size(); ++i) {
        const Role &role = account.roles()[i];
        start(role.name, role.arn);
        addTags(role.tags);
        add({ Kind::Role, count(i) }, text,
                builder.inlineAndAttached(
                        account, role.inlinePolicies, role.attachedPolicies, managedActions));
    }
    for (size_t i = 0; i < account.policies().size(); ++i) {
        start(account.policies()[i].name, account.policies()[i].arn);
        add({ Kind::Policy, count(i) }, text, std::move(managedActions[i]));
    }
    for (size_t i = 0; i < account.resources().size(); ++i) {
        const Resource &resource = account.resources()[i];
        std::vector<std::uint32_t> ids;
        if (resource.policy)
            builder.actionsOf(resource.policy->text(), ids);
        sortUnique(ids);
        text = resource.arn;
        addTags(resource.tags);
        add({ Kind::Resource, count(i) }, text, std::move(ids));
    }
    if (account.organization()) {
        const auto &levels = account.organization()->levels;
        for (size_t i = 0; i < levels.size(); ++i) {
            std::vector<std::uint32_t> ids;
            for (const auto *policies : { &levels[i].scps, &levels[i].rcps })
                for (const auto &policy : *policies)
                    builder.actionsOf(policy.document.text(), ids);
            sortUnique(ids);
            start(levels[i].name, levels[i].id);
            add({ Kind::OrgLevel, count(i) }, text, std::move(ids));
        }
    }
    // Trust policies match no entity (a role's actions are its permissions), but what they
    // name is worth completing: sts:AssumeRole, the roles' ARNs.
    std::vector<std::uint32_t> unused;
    for (const Role &role : account.roles())
        builder.actionsOf(role.trustPolicy.text(), unused);
    m_actionNames = builder.actionNames();
    m_resourceNames = builder.resourceNames();
    for (const Resource &resource : account.resources())
        m_resourceNames.push_back(resource.arn);
    std::sort(m_resourceNames.begin(), m_resourceNames.end());
    m_resourceNames.erase(
            std::unique(m_resourceNames.begin(), m_resourceNames.end()), m_resourceNames.end());
}

void AccountIndex::add(
        IndexedEntity entity, std::string_view haystack, std::vector<std::uint32_t> actions)
{
    m_starts.push_back(static_cast<std::uint32_t>(m_haystack.size()));
    m_haystack += toLowercase(haystack);
    m_haystack += '\0'; // no query holds one, so no match spans two entities
    m_entities.push_back(entity);
    m_actions.insert(m_actions.end(), actions.begin(), actions.end());
    m_actionStarts.push_back(static_cast<std::uint32_t>(m_actions.size()));
}

bool AccountIndex::looksLikeAction(std::string_view text)
{
    const size_t colon = text.find(':');
    if (colon == npos || colon == 0)
        return false;
    const auto isAlnum = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    };
    for (const char c : text.substr(0, colon))
        if (!isAlnum(c) && c != '-')
            return false;
    for (const char c : text.substr(colon + 1))
        if (!isAlnum(c) && c != '*' && c != '?')
            return false;
    return true;
}

std::vector<IndexedEntity> AccountIndex::query(std::string_view text) const
{
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    if (text.empty() || text.find('\0') != npos)
        return {};
    const std::string needle = toLowercase(text);
    std::vector<std::uint8_t> matched(m_entities.size(), 0);

    const std::boyer_moore_horspool_searcher searcher(needle.begin(), needle.end());
    auto from = m_haystack.begin();
    while (true) {
        const auto hit = std::search(from, m_haystack.end(), searcher);
        if (hit == m_haystack.end())
            break;
        const auto offset = static_cast<std::uint32_t>(hit - m_haystack.begin());
        const auto next = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
        matched[static_cast<size_t>(next - m_starts.begin()) - 1] = 1;
        if (next == m_starts.end())
            break;
        from = m_haystack.begin() + *next; // one hit per entity is enough
    }

    if (looksLikeAction(text)) {
        const std::string action = toAsciiLowercase(text);
        std::vector<std::uint8_t> patternMatches(m_patterns.size(), 0);
        bool any = false;
        for (size_t i = 0; i < m_patterns.size(); ++i) {
            const Pattern &pattern = m_patterns[i];
            const bool hit = pattern.text.find(action) != npos
                    || (!pattern.notAction
                            && globMatch(pattern.units, action, CaseMode::AsciiInsensitive));
            patternMatches[i] = hit ? 1 : 0;
            any = any || hit;
        }
        for (size_t e = 0; any && e < m_entities.size(); ++e) {
            if (matched[e])
                continue;
            for (std::uint32_t a = m_actionStarts[e]; a < m_actionStarts[e + 1]; ++a)
                if (patternMatches[m_actions[a]]) {
                    matched[e] = 1;
                    break;
                }
        }
    }

    std::vector<IndexedEntity> result;
    for (size_t e = 0; e < m_entities.size(); ++e)
        if (matched[e])
            result.push_back(m_entities[e]);
    return result;
}

} // namespace iamx
