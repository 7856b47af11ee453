#include "scenario.h"

#include "model/casefold.h"
#include "model/policyparser.h"

#include <array>
#include <unordered_set>

namespace iamx {
namespace {

// Request values are ARNs, names and context values: AWS bounds them far below this, and
// matching a policy glob against a huge value would take quadratic time.
constexpr size_t maxRequestValueBytes = 20480;

// Builds one Scenario from its JSON value, reporting every problem with its place.
class ScenarioReader
{
public:
    ScenarioReader(ScenarioEntry &entry, const json::LineIndex &lines, std::string_view file,
            bool forAccount)
        : m_entry(entry)
        , m_lines(lines)
        , m_file(file)
        , m_forAccount(forAccount)
    {
    }

    void read(const json::Value &value);

private:
    void problem(std::string code, std::string pointer, std::string message, const json::Value &at)
    {
        ScenarioDiagnostic d;
        d.diagnostic.code = std::move(code);
        d.diagnostic.pointer = std::move(pointer);
        d.diagnostic.message = std::move(message);
        d.diagnostic.where.offset = at.offset;
        d.diagnostic.where.length = at.length;
        place(d.diagnostic);
        m_entry.diagnostics.push_back(std::move(d));
    }
    void place(Diagnostic &d) const
    {
        const auto position = m_lines.position(d.where.offset);
        d.where.file = std::string(m_file);
        d.where.line = position.line;
        d.where.column = position.column;
    }
    void reportDuplicates(const json::Value &object, const std::string &pointer);
    void readRequest(const json::Value &value, Request &request);
    void readContext(const json::Value &value, RequestContext &context);
    PolicyRef readPolicy(const json::Value &value, const std::string &pointer,
            const std::string &label, PolicyType type);
    void readPolicyList(const json::Value &value, const std::string &pointer,
            const std::string &label, PolicyType type, std::vector<PolicyRef> &into);
    void readLevels(const json::Value &value, const std::string &pointer, const std::string &label,
            PolicyType type, std::vector<std::vector<PolicyRef>> &into);

    ScenarioEntry &m_entry;
    const json::LineIndex &m_lines;
    std::string_view m_file;
    ResourcePolicyKind m_resourceKind = ResourcePolicyKind::Ordinary;
    bool m_failed = false;
    bool m_forAccount = false;
};

std::optional<DecisionKind> parseDecisionName(std::string_view text)
{
    for (const auto kind :
            { DecisionKind::Allowed, DecisionKind::ExplicitDeny, DecisionKind::ImplicitDeny })
        if (decisionName(kind) == text)
            return kind;
    return std::nullopt;
}

void ScenarioReader::read(const json::Value &value)
{
    if (!value.isObject()) {
        problem("INVALID_SCENARIO", "", "a scenario must be a JSON object", value);
        return;
    }
    for (const auto &member : value.members) {
        if (member.key == "name" && member.value.isString()) {
            m_entry.name = member.value.text;
            break;
        }
    }
    // Duplicate keys anywhere in the scenario's own fields would silently lose data (the
    // policy documents are checked by the policy parser).
    reportDuplicates(value, "");

    Scenario scenario;
    scenario.forAccount = m_forAccount;
    scenario.name = m_entry.name;
    const json::Value *request = value.find("request");
    if (!request) {
        problem("MISSING_REQUEST_FIELD", "/request", "the scenario has no \"request\"", value);
    } else {
        readRequest(*request, scenario.request);
    }
    static constexpr std::array<std::string_view, 10> known { "name", "note", "expect",
        "identityPolicies", "permissionsBoundary", "sessionPolicy", "serviceControlPolicies",
        "resourceControlPolicies", "resourcePolicy", "request" };
    for (const auto &member : value.members) {
        const std::string pointer = "/" + json::escapePointerToken(member.key);
        const std::string &key = member.key;
        const json::Value &v = member.value;
        if (key == "name") {
            if (!v.isString())
                problem("INVALID_SCENARIO_FIELD", pointer, "\"name\" must be a string", v);
        } else if (key == "note") {
            if (v.isString())
                scenario.note = v.text;
            else
                problem("INVALID_SCENARIO_FIELD", pointer, "\"note\" must be a string", v);
        } else if (key == "expect") {
            const auto expected = v.isString() ? parseDecisionName(v.text) : std::nullopt;
            if (expected)
                scenario.expect = expected;
            else
                problem("INVALID_SCENARIO_FIELD", pointer,
                        "\"expect\" must be \"allowed\", \"explicitDeny\" or \"implicitDeny\"", v);
        } else if (key == "identityPolicies") {
            readPolicyList(v, pointer, key, PolicyType::Identity, scenario.policies.identity);
        } else if (key == "permissionsBoundary") {
            scenario.policies.permissionsBoundary =
                    readPolicy(v, pointer, key, PolicyType::PermissionsBoundary);
        } else if (key == "sessionPolicy") {
            scenario.policies.session = readPolicy(v, pointer, key, PolicyType::Session);
        } else if (key == "resourcePolicy") {
            scenario.policies.resource = readPolicy(v, pointer, key, PolicyType::Resource);
        } else if (key == "serviceControlPolicies") {
            readLevels(v, pointer, key, PolicyType::ServiceControl, scenario.policies.scpLevels);
        } else if (key == "resourceControlPolicies") {
            readLevels(v, pointer, key, PolicyType::ResourceControl, scenario.policies.rcpLevels);
        } else if (key != "request") {
            std::string message = "unknown scenario field \"" + key + "\" (expected one of";
            for (const auto name : known) {
                message += ' ';
                message += name;
            }
            problem("UNKNOWN_SCENARIO_FIELD", pointer, message + ")", v);
        }
    }
    if (!m_failed && !m_entry.hasErrors())
        m_entry.scenario = std::move(scenario);
}

void ScenarioReader::reportDuplicates(const json::Value &object, const std::string &pointer)
{
    std::unordered_set<std::string_view> keys;
    for (const auto &member : object.members)
        if (!keys.insert(member.key).second)
            problem("DUPLICATE_KEY", pointer + "/" + json::escapePointerToken(member.key),
                    "key \"" + member.key + "\" appears more than once", member.value);
}

void ScenarioReader::readRequest(const json::Value &value, Request &request)
{
    if (!value.isObject()) {
        problem("INVALID_REQUEST_FIELD", "/request", "\"request\" must be an object", value);
        return;
    }
    reportDuplicates(value, "/request");
    const auto stringField = [&](std::string_view key, bool required) -> const json::Value * {
        const json::Value *field = value.find(key);
        const std::string pointer = "/request/" + std::string(key);
        if (!field) {
            if (required)
                problem("MISSING_REQUEST_FIELD", pointer,
                        "the request has no \"" + std::string(key) + "\"", value);
            return nullptr;
        }
        if (!field->isString() || field->text.empty()) {
            problem("INVALID_REQUEST_FIELD", pointer,
                    "request." + std::string(key) + " must be a non-empty string", *field);
            return nullptr;
        }
        if (field->text.size() > maxRequestValueBytes) {
            problem("VALUE_TOO_LONG", pointer,
                    "request." + std::string(key) + " is longer than "
                            + std::to_string(maxRequestValueBytes) + " bytes",
                    *field);
            return nullptr;
        }
        return field;
    };
    for (const auto &member : value.members) {
        if (member.key != "principal" && member.key != "action" && member.key != "resource"
                && member.key != "resourceAccount" && member.key != "context")
            problem("UNKNOWN_SCENARIO_FIELD", "/request/" + json::escapePointerToken(member.key),
                    "unknown request field \"" + member.key
                            + "\" (expected principal, action, resource, resourceAccount or "
                              "context)",
                    member.value);
    }
    if (const json::Value *principal = stringField("principal", true); principal && m_forAccount) {
        request.principal.text = principal->text; // found in the account by the Resolver
    } else if (principal) {
        std::string why;
        if (auto parsed = parseRequestPrincipal(principal->text, why))
            request.principal = std::move(*parsed);
        else
            problem("INVALID_REQUEST_FIELD", "/request/principal", why, *principal);
    }
    if (const json::Value *action = stringField("action", true)) {
        const size_t colon = action->text.find(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == action->text.size())
            problem("INVALID_REQUEST_FIELD", "/request/action",
                    "request.action \"" + action->text + "\" must be service:ActionName", *action);
        else
            request.action = action->text;
    }
    if (const json::Value *resource = stringField("resource", true))
        request.resource = resource->text;
    if (const json::Value *account = stringField("resourceAccount", false))
        request.resourceAccount = account->text;
    else if (!m_forAccount)
        request.resourceAccount = defaultResourceAccount(request.resource, request.principal);
    if (const json::Value *context = value.find("context"))
        readContext(*context, request.context);
    m_resourceKind = resourcePolicyKindFor(request.action, request.resource);
}

void ScenarioReader::readContext(const json::Value &value, RequestContext &context)
{
    if (!value.isObject()) {
        problem("INVALID_REQUEST_FIELD", "/request/context",
                "request.context must be an object of condition keys", value);
        return;
    }
    // Values are strings, as AWS sends them; numbers and booleans are given as strings too
    // (scenario-format.md), so a JSON number or boolean is a mistyped field.
    const auto scalarText = [](const json::Value &v) -> std::optional<std::string> {
        if (v.isString() && v.text.size() <= maxRequestValueBytes)
            return v.text;
        return std::nullopt;
    };
    for (const auto &member : value.members) {
        const std::string pointer = "/request/context/" + json::escapePointerToken(member.key);
        if (context.find(toLowercase(member.key))) {
            problem("DUPLICATE_KEY", pointer,
                    "context key \"" + member.key
                            + "\" is given twice (condition keys ignore case)",
                    member.value);
            continue;
        }
        if (member.value.isArray()) {
            std::vector<std::string> values;
            bool ok = true;
            for (const auto &item : member.value.items) {
                if (auto text = scalarText(item))
                    values.push_back(std::move(*text));
                else
                    ok = false;
            }
            if (ok)
                context.setMultiValued(member.key, std::move(values));
            else
                problem("INVALID_REQUEST_FIELD", pointer,
                        "the values of a multi-valued context key must be strings", member.value);
        } else if (auto text = scalarText(member.value)) {
            context.set(member.key, std::move(*text));
        } else {
            problem("INVALID_REQUEST_FIELD", pointer,
                    "a context value must be a string of at most 20480 bytes, or an array of "
                    "them (write numbers, booleans and dates as strings)",
                    member.value);
        }
    }
}

PolicyRef ScenarioReader::readPolicy(const json::Value &value, const std::string &pointer,
        const std::string &label, PolicyType type)
{
    if (!value.isObject()) {
        problem("INVALID_SCENARIO_FIELD", pointer,
                label + " must be an object {\"name\": ..., \"document\": {...}}", value);
        return nullptr;
    }
    PolicyParseOptions options;
    options.type = type;
    options.resourceKind = m_resourceKind;
    options.name = label;
    for (const auto &member : value.members) {
        if (member.key == "name") {
            if (member.value.isString())
                options.name = member.value.text;
            else
                problem("INVALID_SCENARIO_FIELD", pointer + "/name",
                        "a policy name must be a string", member.value);
        } else if (member.key != "document") {
            problem("UNKNOWN_SCENARIO_FIELD", pointer + "/" + json::escapePointerToken(member.key),
                    "unknown field \"" + member.key + "\" in " + label
                            + " (expected name and document)",
                    member.value);
        }
    }
    const json::Value *document = value.find("document");
    if (!document) {
        problem("MISSING_SCENARIO_FIELD", pointer, label + " has no \"document\"", value);
        return nullptr;
    }
    Parsed<Policy> parsed = parsePolicy(*document, options);
    for (auto &d : parsed.diagnostics) {
        place(d);
        m_entry.diagnostics.push_back({ label, std::move(d) });
    }
    if (!parsed.value) {
        m_failed = true;
        return nullptr;
    }
    return std::make_shared<const Policy>(std::move(*parsed.value));
}

void ScenarioReader::readPolicyList(const json::Value &value, const std::string &pointer,
        const std::string &label, PolicyType type, std::vector<PolicyRef> &into)
{
    if (!value.isArray()) {
        problem("INVALID_SCENARIO_FIELD", pointer, label + " must be an array of policies", value);
        return;
    }
    for (size_t i = 0; i < value.items.size(); ++i) {
        const std::string index = "[" + std::to_string(i) + "]";
        if (auto policy = readPolicy(
                    value.items[i], pointer + "/" + std::to_string(i), label + index, type))
            into.push_back(std::move(policy));
    }
}

void ScenarioReader::readLevels(const json::Value &value, const std::string &pointer,
        const std::string &label, PolicyType type, std::vector<std::vector<PolicyRef>> &into)
{
    if (!value.isArray()) {
        problem("INVALID_SCENARIO_FIELD", pointer,
                label + " must be an array of levels, each an array of policies", value);
        return;
    }
    for (size_t level = 0; level < value.items.size(); ++level) {
        const json::Value &policies = value.items[level];
        const std::string levelPointer = pointer + "/" + std::to_string(level);
        const std::string levelLabel = label + "[" + std::to_string(level) + "]";
        if (!policies.isArray()) {
            problem("INVALID_SCENARIO_FIELD", levelPointer,
                    levelLabel + " must be an array of policies (one level)", policies);
            continue;
        }
        readPolicyList(policies, levelPointer, levelLabel, type, into.emplace_back());
    }
}

bool looksLikeJsonLines(std::string_view file)
{
    return file.size() >= 6 && file.substr(file.size() - 6) == ".jsonl";
}

void readOne(const json::LineIndex &lines, std::string_view file, const json::Value &value,
        std::vector<ScenarioEntry> &entries, bool forAccount)
{
    ScenarioEntry &entry = entries.emplace_back();
    entry.index = entries.size() - 1;
    const auto start = lines.position(value.offset);
    entry.startLine = start.line;
    entry.startColumn = start.column;
    ScenarioReader(entry, lines, file, forAccount).read(value);
}

void syntaxError(const json::LineIndex &lines, std::string_view file, size_t startOffset,
        const json::SyntaxError &error, std::vector<ScenarioEntry> &entries)
{
    ScenarioEntry &entry = entries.emplace_back();
    entry.index = entries.size() - 1;
    const auto start = lines.position(startOffset);
    entry.startLine = start.line;
    entry.startColumn = start.column;
    ScenarioDiagnostic d;
    d.diagnostic.code = "JSON_SYNTAX_ERROR";
    d.diagnostic.message = error.message;
    d.diagnostic.where.offset = error.offset;
    d.diagnostic.where.length = 1;
    const auto position = lines.position(error.offset);
    d.diagnostic.where.file = std::string(file);
    d.diagnostic.where.line = position.line;
    d.diagnostic.where.column = position.column;
    entry.diagnostics.push_back(std::move(d));
}

// JSON Lines: each non-blank line is one scenario; a broken line is one error and the next
// line is read as usual.
void readLines(std::string_view text, const json::LineIndex &lines, std::string_view file,
        std::vector<ScenarioEntry> &entries, bool forAccount)
{
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view line = text.substr(start, end - start);
        if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
            // Read the line in place so that offsets stay those of the whole file.
            const std::string_view upToLineEnd = text.substr(0, end);
            json::ReadResult result = json::readPrefix(upToLineEnd, start);
            if (result.error)
                syntaxError(lines, file, start, *result.error, entries);
            else if (result.end < upToLineEnd.size())
                syntaxError(lines, file, start,
                        { "unexpected text after the scenario on this line", result.end }, entries);
            else
                readOne(lines, file, *result.value, entries, forAccount);
        }
        start = end + 1;
    }
}

} // namespace

bool ScenarioEntry::hasErrors() const
{
    for (const auto &d : diagnostics)
        if (d.diagnostic.severity == Severity::Error)
            return true;
    return false;
}

std::vector<ScenarioEntry> readScenarios(
        std::string_view text, std::string_view file, bool forAccount)
{
    std::vector<ScenarioEntry> entries;
    const json::LineIndex lines(text);
    if (looksLikeJsonLines(file)) {
        readLines(text, lines, file, entries, forAccount);
        return entries;
    }
    json::ReadResult whole = json::read(text);
    if (whole.error) {
        // Several values one after another: read as JSON Lines after all.
        const json::ReadResult first = json::readPrefix(text, 0);
        if (!first.error && first.end < text.size()) {
            readLines(text, lines, file, entries, forAccount);
            return entries;
        }
        syntaxError(lines, file, 0, *whole.error, entries);
        return entries;
    }
    if (whole.value->isArray()) {
        for (const auto &item : whole.value->items)
            readOne(lines, file, item, entries, forAccount);
    } else {
        readOne(lines, file, *whole.value, entries, forAccount);
    }
    return entries;
}

} // namespace iamx
