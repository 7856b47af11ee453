#include "model/actioncatalog.h"
#include "model/catalognames.h"

#include <algorithm>
#include <array>
#include <optional>

// Reading the catalog's text (the format of resources/catalog/README.md) into ActionCatalog.

namespace iamx {
namespace {

using catalognames::compareIgnoringCase;
using catalognames::lessIgnoringCase;

std::optional<AccessLevel> parseAccessLevel(std::string_view text)
{
    static constexpr std::array<std::pair<std::string_view, AccessLevel>, 6> levels { {
            { "", AccessLevel::Unknown },
            { "List", AccessLevel::List },
            { "Read", AccessLevel::Read },
            { "Write", AccessLevel::Write },
            { "Permissions management", AccessLevel::PermissionsManagement },
            { "Tagging", AccessLevel::Tagging },
    } };
    for (const auto &[name, level] : levels)
        if (name == text)
            return level;
    return std::nullopt;
}

struct KeyType
{
    ConditionKeyType type = ConditionKeyType::Unknown;
    bool multivalued = false;
};

std::optional<KeyType> parseKeyType(std::string_view text)
{
    static constexpr std::array<std::pair<std::string_view, ConditionKeyType>, 7> types { {
            { "String", ConditionKeyType::String },
            { "ARN", ConditionKeyType::Arn },
            { "Numeric", ConditionKeyType::Numeric },
            { "Date", ConditionKeyType::Date },
            { "Bool", ConditionKeyType::Bool },
            { "IPAddress", ConditionKeyType::IpAddress },
            { "Binary", ConditionKeyType::Binary },
    } };
    if (text.empty())
        return KeyType {};
    KeyType result;
    if (text.starts_with("ArrayOf")) {
        result.multivalued = true;
        text.remove_prefix(7);
    }
    for (const auto &[name, type] : types)
        if (name == text) {
            result.type = type;
            return result;
        }
    return std::nullopt;
}

// Offsets into the flat vectors, kept while parsing, turned into spans at the end.
struct Range
{
    std::uint32_t begin = 0;
    std::uint32_t count = 0;
};

struct DraftType
{
    CatalogResourceType value;
    Range arnFormats;
    Range keys;
};

struct DraftActionResource
{
    CatalogActionResource value;
    Range keys;
};

struct DraftAction
{
    CatalogAction value;
    Range resources; // into Parser::resources
    Range keys;
};

struct DraftService
{
    CatalogService value;
    std::vector<DraftType> types;
    std::vector<CatalogConditionKey> keys;
    std::vector<DraftAction> actions;
    int line = 0;
};

// Reads the catalog's lines into drafts; every list item goes into `names`.
class Parser
{
public:
    std::string error;
    std::string_view sources;
    std::vector<CatalogConditionKey> globals;
    std::vector<DraftService> services;
    std::vector<DraftActionResource> resources;
    std::vector<std::string_view> names;

    bool parse(std::string_view text)
    {
        int line = 0;
        for (size_t start = 0; start < text.size();) {
            size_t end = text.find('\n', start);
            if (end == std::string_view::npos)
                end = text.size();
            ++line;
            if (!parseLine(text.substr(start, end - start), line))
                return false;
            start = end + 1;
        }
        if (services.empty())
            return fail(line, "the catalog lists no service");
        return true;
    }

private:
    bool fail(int line, std::string_view what)
    {
        error = "catalog line " + std::to_string(line) + ": " + std::string(what);
        return false;
    }

    Range list(std::string_view text, char separator)
    {
        Range range { static_cast<std::uint32_t>(names.size()), 0 };
        for (size_t start = 0; start <= text.size();) {
            size_t end = text.find(separator, start);
            if (end == std::string_view::npos)
                end = text.size();
            if (end > start) {
                names.push_back(text.substr(start, end - start));
                ++range.count;
            }
            start = end + 1;
        }
        return range;
    }

    bool parseLine(std::string_view line, int number)
    {
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.empty())
            return true;
        if (line.front() == '#') {
            if (line.starts_with("# Sources"))
                sources = line.substr(2);
            return true;
        }
        std::array<std::string_view, 7> fields;
        size_t count = 0;
        for (size_t start = 0;; ++count) {
            const size_t tab = line.find('\t', start);
            if (count < fields.size())
                fields[count] =
                        line.substr(start, tab == std::string_view::npos ? tab : tab - start);
            if (tab == std::string_view::npos) {
                ++count;
                break;
            }
            start = tab + 1;
        }
        const std::string_view record = fields[0];
        const auto expect = [&](size_t wanted, std::string_view what) {
            if (count == wanted)
                return true;
            fail(number,
                    std::string(what) + " record needs " + std::to_string(wanted - 1)
                            + " tab-separated fields after its letter, found "
                            + std::to_string(count - 1));
            return false;
        };
        if (record.size() != 1)
            return fail(number, "unknown record '" + std::string(record) + "'");
        // A lowercase letter marks an undocumented entry.
        const bool undocumented = record[0] >= 'a' && record[0] <= 'z';
        const char kind = undocumented ? static_cast<char>(record[0] - 'a' + 'A') : record[0];
        if ((kind == 'K' || kind == 'R' || kind == 'A') && services.empty())
            return fail(number, "a record of a service before the first service (S) record");
        switch (kind) {
        case 'G':
            return expect(5, "a global condition key")
                    && addKey(globals, fields, number, undocumented, true);
        case 'S': {
            if (!expect(3, "a service"))
                return false;
            if (fields[1].empty())
                return fail(number, "a service without a prefix");
            DraftService service;
            service.value.prefix = fields[1];
            service.value.name = fields[2];
            service.value.undocumented = undocumented;
            service.line = number;
            services.push_back(std::move(service));
            return true;
        }
        case 'K':
            return expect(4, "a condition key")
                    && addKey(services.back().keys, fields, number, undocumented, false);
        case 'R': {
            if (!expect(4, "a resource type"))
                return false;
            if (fields[1].empty())
                return fail(number, "a resource type without a name");
            DraftType type;
            type.value.name = fields[1];
            type.arnFormats = list(fields[2], ' ');
            type.keys = list(fields[3], ' ');
            if (type.arnFormats.count == 0)
                return fail(number, "a resource type without an ARN format");
            services.back().types.push_back(type);
            return true;
        }
        case 'A':
            return expect(6, "an action") && addAction(fields, number, undocumented);
        default:
            return fail(number, "unknown record '" + std::string(record) + "'");
        }
    }

    bool addKey(std::vector<CatalogConditionKey> &keys,
            const std::array<std::string_view, 7> &fields, int number, bool undocumented,
            bool global)
    {
        const auto type = parseKeyType(fields[2]);
        if (fields[1].empty())
            return fail(number, "a condition key without a name");
        if (!type || (type->type == ConditionKeyType::Unknown && !undocumented))
            return fail(number, "unknown condition key type '" + std::string(fields[2]) + "'");
        CatalogConditionKey key;
        key.name = fields[1];
        key.type = type->type;
        key.multivalued = type->multivalued;
        key.global = global;
        key.undocumented = undocumented;
        key.category = global ? fields[3] : std::string_view();
        key.description = global ? fields[4] : fields[3];
        keys.push_back(key);
        return true;
    }

    bool addAction(const std::array<std::string_view, 7> &fields, int number, bool undocumented)
    {
        const auto level = parseAccessLevel(fields[2]);
        if (fields[1].empty())
            return fail(number, "an action without a name");
        if (!level || (*level == AccessLevel::Unknown && !undocumented))
            return fail(number, "unknown access level '" + std::string(fields[2]) + "'");
        DraftAction action;
        action.value.name = fields[1];
        action.value.accessLevel = *level;
        action.value.undocumented = undocumented;
        action.value.description = fields[5];
        action.keys = list(fields[4], ' ');
        action.resources = { static_cast<std::uint32_t>(resources.size()), 0 };
        std::string_view items = fields[3];
        while (!items.empty()) {
            const size_t comma = items.find(',');
            std::string_view item = items.substr(0, comma);
            items = comma == std::string_view::npos ? std::string_view() : items.substr(comma + 1);
            DraftActionResource resource;
            const size_t equals = item.find('=');
            if (equals != std::string_view::npos) {
                resource.keys = list(item.substr(equals + 1), ' ');
                item = item.substr(0, equals);
            }
            resource.value.required = item.ends_with('*');
            if (resource.value.required)
                item.remove_suffix(1);
            if (item.empty())
                return fail(number, "an action resource type without a name");
            resource.value.name = item;
            resources.push_back(resource);
            ++action.resources.count;
        }
        services.back().actions.push_back(action);
        return true;
    }
};

template <typename T> std::span<const T> spanOf(const std::vector<T> &all, Range range)
{
    return std::span<const T>(all).subspan(range.begin, range.count);
}

} // namespace

bool ActionCatalog::parse(std::string_view text)
{
    Parser parser;
    if (!parser.parse(text)) {
        m_error = parser.error;
        return false;
    }
    m_sources = parser.sources;
    auto &services = parser.services;
    std::stable_sort(
            services.begin(), services.end(), [](const DraftService &a, const DraftService &b) {
                return lessIgnoringCase(a.value.prefix, b.value.prefix);
            });
    size_t actionCount = 0;
    size_t typeCount = 0;
    size_t keyCount = 0;
    size_t fullNamesSize = 0;
    for (size_t i = 0; i < services.size(); ++i) {
        auto &service = services[i];
        if (i > 0 && compareIgnoringCase(services[i - 1].value.prefix, service.value.prefix) == 0) {
            m_error = "catalog line " + std::to_string(service.line) + ": the service '"
                    + std::string(service.value.prefix) + "' is listed twice";
            return false;
        }
        // Sorted already when the script made the file; sorting keeps lookups right if not.
        const auto byName = [](const auto &a, const auto &b) {
            return lessIgnoringCase(a.value.name, b.value.name);
        };
        if (!std::is_sorted(service.actions.begin(), service.actions.end(), byName))
            std::stable_sort(service.actions.begin(), service.actions.end(), byName);
        if (!std::is_sorted(service.types.begin(), service.types.end(), byName))
            std::stable_sort(service.types.begin(), service.types.end(), byName);
        const auto keyByName = [](const CatalogConditionKey &a, const CatalogConditionKey &b) {
            return lessIgnoringCase(a.name, b.name);
        };
        if (!std::is_sorted(service.keys.begin(), service.keys.end(), keyByName))
            std::stable_sort(service.keys.begin(), service.keys.end(), keyByName);
        actionCount += service.actions.size();
        typeCount += service.types.size();
        keyCount += service.keys.size();
        for (const auto &action : service.actions)
            fullNamesSize += service.value.prefix.size() + 1 + action.value.name.size();
    }

    // Reserved to the exact size: the spans and pointers handed out below stay valid.
    m_names = std::move(parser.names);
    m_globalKeys = std::move(parser.globals);
    std::stable_sort(m_globalKeys.begin(), m_globalKeys.end(),
            [](const CatalogConditionKey &a, const CatalogConditionKey &b) {
                return lessIgnoringCase(a.name, b.name);
            });
    m_services.reserve(services.size());
    m_actions.reserve(actionCount);
    m_resourceTypes.reserve(typeCount);
    m_keys.reserve(keyCount);
    m_actionResources.reserve(parser.resources.size());
    m_fullNames.reserve(fullNamesSize);
    for (auto &draft : services) {
        const auto serviceIndex = static_cast<std::uint32_t>(m_services.size());
        CatalogService service = draft.value;
        const size_t firstType = m_resourceTypes.size();
        for (const auto &type : draft.types) {
            CatalogResourceType value = type.value;
            value.arnFormats = spanOf(m_names, type.arnFormats);
            value.conditionKeys = spanOf(m_names, type.keys);
            value.service = serviceIndex;
            m_resourceTypes.push_back(value);
        }
        service.resourceTypes = std::span<const CatalogResourceType>(m_resourceTypes)
                                        .subspan(firstType, draft.types.size());
        const size_t firstKey = m_keys.size();
        m_keys.insert(m_keys.end(), draft.keys.begin(), draft.keys.end());
        service.conditionKeys =
                std::span<const CatalogConditionKey>(m_keys).subspan(firstKey, draft.keys.size());
        const size_t firstAction = m_actions.size();
        for (const auto &action : draft.actions) {
            CatalogAction value = action.value;
            const size_t firstResource = m_actionResources.size();
            for (uint32_t i = 0; i < action.resources.count; ++i) {
                const auto &resource = parser.resources[action.resources.begin + i];
                CatalogActionResource entry = resource.value;
                entry.conditionKeys = spanOf(m_names, resource.keys);
                entry.type = findResourceType(service, entry.name);
                m_actionResources.push_back(entry);
            }
            value.resourceTypes = std::span<const CatalogActionResource>(m_actionResources)
                                          .subspan(firstResource, action.resources.count);
            value.conditionKeys = spanOf(m_names, action.keys);
            value.service = serviceIndex;
            const size_t nameStart = m_fullNames.size();
            m_fullNames.insert(m_fullNames.end(), service.prefix.begin(), service.prefix.end());
            m_fullNames.push_back(':');
            m_fullNames.insert(m_fullNames.end(), value.name.begin(), value.name.end());
            value.fullName = std::string_view(
                    m_fullNames.data() + nameStart, m_fullNames.size() - nameStart);
            m_actions.push_back(value);
        }
        service.actions = std::span<const CatalogAction>(m_actions).subspan(
                firstAction, draft.actions.size());
        m_services.push_back(service);
    }

    // The condition-key indexes: every key by name, global ones first among equal names.
    const auto indexOrder = [](const CatalogConditionKey *a, const CatalogConditionKey *b) {
        const int order = compareIgnoringCase(a->name, b->name);
        return order != 0 ? order < 0 : (a->global && !b->global);
    };
    const auto sameName = [](const CatalogConditionKey *a, const CatalogConditionKey *b) {
        return compareIgnoringCase(a->name, b->name) == 0;
    };
    for (const auto &key : m_globalKeys) {
        m_globalIndex.push_back(&key);
        if (key.isTemplate())
            m_globalTemplates.push_back(&key);
    }
    m_keyIndex = m_globalIndex;
    m_keyTemplates = m_globalTemplates;
    for (const auto &key : m_keys) {
        m_keyIndex.push_back(&key);
        if (key.isTemplate())
            m_keyTemplates.push_back(&key);
    }
    for (auto *index : { &m_globalIndex, &m_keyIndex, &m_globalTemplates, &m_keyTemplates }) {
        std::stable_sort(index->begin(), index->end(), indexOrder);
        index->erase(std::unique(index->begin(), index->end(), sameName), index->end());
    }
    return true;
}
} // namespace iamx
