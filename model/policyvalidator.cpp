#include "policyvalidator.h"

#include "model/casefold.h"
#include "model/policyparser.h"
#include "model/validationcontext.h"
#include "model/wildcard.h"

#include <algorithm>
#include <tuple>

namespace iamx {
namespace validation {
namespace {

// The parser explains what the engine does with a part it cannot use; the validator adds how
// to fix it.
std::string_view fixHint(std::string_view code)
{
    if (code == "MISSING_BRACE_IN_VARIABLE" || code == "EMPTY_VARIABLE"
            || code == "UNSUPPORTED_SPACE_IN_VARIABLE" || code == "MISSING_QUOTE_IN_VARIABLE")
        return "write a variable as ${aws:username} or ${aws:username, 'default'}";
    if (code == "INVALID_ARN_PREFIX" || code == "MISSING_ARN_FIELD")
        return "write arn:partition:service:region:account:resource, e.g. "
               "arn:aws:s3:::bucket/*";
    if (code == "EMPTY_ARRAY_ACTION" || code == "EMPTY_ARRAY_RESOURCE"
            || code == "EMPTY_ARRAY_PRINCIPAL" || code == "EMPTY_ARRAY_CONDITION")
        return "add entries or remove the element";
    return "";
}

std::vector<Entry> stringEntries(const json::Value &value, const std::string &pointer)
{
    std::vector<Entry> entries;
    if (value.isString()) {
        entries.push_back({ &value, pointer });
    } else if (value.isArray()) {
        for (size_t i = 0; i < value.items.size(); ++i)
            if (value.items[i].isString())
                entries.push_back({ &value.items[i], pointer + "/" + std::to_string(i) });
    }
    return entries;
}

StatementNode readStatement(const json::Value &value, std::string pointer)
{
    StatementNode node;
    node.value = &value;
    node.pointer = std::move(pointer);
    if (!value.isObject())
        return node;
    for (const auto &member : value.members) {
        const std::string &key = member.key;
        if (key == "Effect" && !node.effect)
            node.effect = &member.value;
        else if (key == "Sid" && !node.sid)
            node.sid = &member.value;
        else if ((key == "Action" || key == "NotAction") && !node.action) {
            node.action = &member;
            node.notAction = key == "NotAction";
        } else if ((key == "Resource" || key == "NotResource") && !node.resource) {
            node.resource = &member;
            node.notResource = key == "NotResource";
        } else if ((key == "Principal" || key == "NotPrincipal") && !node.principal) {
            node.principal = &member;
            node.notPrincipal = key == "NotPrincipal";
        } else if (key == "Condition" && !node.condition)
            node.condition = &member;
    }
    if (node.action)
        node.actions = stringEntries(node.action->value, node.pointer + "/" + node.action->key);
    if (node.resource)
        node.resources =
                stringEntries(node.resource->value, node.pointer + "/" + node.resource->key);
    if (node.condition && node.condition->value.isObject()) {
        const std::string conditionPointer = node.pointer + "/Condition";
        for (const auto &block : node.condition->value.members) {
            if (!block.value.isObject())
                continue;
            const std::string blockPointer =
                    conditionPointer + "/" + json::escapePointerToken(block.key);
            for (const auto &key : block.value.members) {
                ConditionEntry entry;
                entry.block = &block;
                entry.op = parseConditionOperator(block.key);
                entry.key = &key;
                entry.blockPointer = blockPointer;
                entry.pointer = blockPointer + "/" + json::escapePointerToken(key.key);
                const auto accept = [&](const json::Value &v, std::string where) {
                    if (v.isString() || v.isNumber() || v.isBoolean())
                        entry.values.push_back({ &v, std::move(where) });
                };
                if (key.value.isArray()) {
                    for (size_t i = 0; i < key.value.items.size(); ++i)
                        accept(key.value.items[i], entry.pointer + "/" + std::to_string(i));
                } else {
                    accept(key.value, entry.pointer);
                }
                node.conditions.push_back(std::move(entry));
            }
        }
    }
    return node;
}

PolicyParseOptions parseOptionsFor(ValidationPolicyType type)
{
    PolicyParseOptions options;
    switch (type) {
    case ValidationPolicyType::Identity:
        options.type = PolicyType::Identity;
        break;
    case ValidationPolicyType::Resource:
        options.type = PolicyType::Resource;
        break;
    case ValidationPolicyType::Trust:
        options.type = PolicyType::Resource;
        options.resourceKind = ResourcePolicyKind::TrustPolicy;
        break;
    case ValidationPolicyType::PermissionsBoundary:
        options.type = PolicyType::PermissionsBoundary;
        break;
    case ValidationPolicyType::Session:
        options.type = PolicyType::Session;
        break;
    case ValidationPolicyType::ServiceControl:
        options.type = PolicyType::ServiceControl;
        break;
    case ValidationPolicyType::ResourceControl:
        options.type = PolicyType::ResourceControl;
        break;
    }
    return options;
}

// The parser's findings, with the validator's severities (and codes where the policy type
// decides them).
void adoptParserFindings(
        std::vector<Diagnostic> &parsed, ValidationPolicyType type, std::vector<Diagnostic> &out)
{
    const bool sidsMustBeUnique = type == ValidationPolicyType::Resource
            || type == ValidationPolicyType::Trust || type == ValidationPolicyType::ServiceControl
            || type == ValidationPolicyType::ResourceControl;
    for (auto &d : parsed) {
        if (d.code == "UNIQUE_SIDS_REQUIRED" && !sidsMustBeUnique)
            d.code = "UNIQUE_SIDS_RECOMMENDED";
        if (d.code == "UNSUPPORTED_WILDCARD_IN_PRINCIPAL" && type == ValidationPolicyType::Trust)
            d.code = "ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL";
        if (const ValidationCheck *check = findValidationCheck(d.code))
            d.severity = check->severity;
        if (const std::string_view hint = fixHint(d.code); !hint.empty()) {
            d.message += ": ";
            d.message += hint;
        }
        out.push_back(std::move(d));
    }
}

// Levenshtein distance ignoring ASCII case, for "did you mean".
size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t above = row[j];
            const bool same = asciiEqualsIgnoreCase(a.substr(i - 1, 1), b.substr(j - 1, 1));
            row[j] = std::min({ row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1) });
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace

bool StatementNode::hasConditionKey(std::string_view key) const
{
    return std::any_of(conditions.begin(), conditions.end(),
            [key](const ConditionEntry &c) { return asciiEqualsIgnoreCase(c.key->key, key); });
}

Context::Context(std::string_view text_, const json::Value &root_, ValidationPolicyType type_,
        std::vector<Diagnostic> &findings)
    : text(text_)
    , root(root_)
    , type(type_)
    , catalog(ActionCatalog::instance())
    , m_findings(findings)
{
}

void Context::report(std::string_view code, std::string pointer, std::string message, size_t offset,
        size_t length)
{
    Diagnostic d;
    const ValidationCheck *check = findValidationCheck(code);
    d.severity = check ? check->severity : Severity::Warning;
    d.code = std::string(code);
    d.pointer = std::move(pointer);
    d.message = std::move(message);
    d.where.offset = offset;
    d.where.length = length;
    m_findings.push_back(std::move(d));
}

bool Context::actionsKnown(size_t s) const
{
    const auto &list = expansions[s];
    return !list.empty() && std::all_of(list.begin(), list.end(), [](const Expansion &e) {
        return e.known && !e.all;
    });
}

const std::vector<const CatalogAction *> &Context::actionUnion(size_t s) const
{
    m_unions.resize(expansions.size());
    auto &cached = m_unions[s];
    if (!cached) {
        std::vector<const CatalogAction *> all;
        for (const auto &expansion : expansions[s])
            all.insert(all.end(), expansion.actions.begin(), expansion.actions.end());
        std::sort(all.begin(), all.end());
        all.erase(std::unique(all.begin(), all.end()), all.end());
        cached = std::move(all);
    }
    return *cached;
}

bool actionPatternMatches(std::string_view pattern, std::string_view action)
{
    if (pattern == "*")
        return true;
    const size_t colon = pattern.find(':');
    const size_t actionColon = action.find(':');
    if (colon == std::string_view::npos || actionColon == std::string_view::npos
            || !asciiEqualsIgnoreCase(pattern.substr(0, colon), action.substr(0, actionColon)))
        return false;
    std::vector<PatternUnit> units;
    appendPatternUnits(
            units, pattern.substr(colon + 1), WildcardMode::Glob, CaseMode::AsciiInsensitive);
    return globMatch(units, action.substr(actionColon + 1), CaseMode::AsciiInsensitive);
}

std::vector<std::string_view> arnComponents(std::string_view text)
{
    std::vector<std::string_view> parts;
    size_t start = 0;
    while (parts.size() < 5) {
        const size_t colon = text.find(':', start);
        if (colon == std::string_view::npos)
            break;
        parts.push_back(text.substr(start, colon - start));
        start = colon + 1;
    }
    parts.push_back(text.substr(start));
    return parts;
}

CoverPattern::CoverPattern(std::string_view text)
    : m_text(text)
    , m_wildcard(text.find_first_of("*?") != std::string_view::npos)
    , m_question(text.find('?') != std::string_view::npos)
{
    const auto parts = arnComponents(text);
    m_arn = parts.size() == 6;
    if (!m_arn)
        return;
    std::copy(parts.begin(), parts.end(), m_parts.begin());
    for (size_t i = 0; i < 6; ++i) {
        m_partWildcard[i] = m_parts[i].find_first_of("*?") != std::string_view::npos;
        if (m_partWildcard[i])
            appendPatternUnits(m_units[i], m_parts[i], WildcardMode::Glob);
    }
}

bool CoverPattern::covers(const CoverPattern &inner) const
{
    if (m_text == "*" || m_text == inner.m_text)
        return true;
    if (inner.m_text == "*" || !m_wildcard || !m_arn || !inner.m_arn)
        return false;
    // A `?` of this pattern cannot stand for a wildcard run of the inner one.
    if (m_question && inner.m_wildcard)
        return false;
    for (size_t i = 0; i < 6; ++i)
        if (m_partWildcard[i] ? !globMatch(m_units[i], inner.m_parts[i])
                              : m_parts[i] != inner.m_parts[i])
            return false;
    return true;
}

bool resourceCovers(std::string_view outer, std::string_view inner)
{
    return CoverPattern(outer).covers(CoverPattern(inner));
}

std::optional<std::string_view> closestName(
        std::string_view word, const std::vector<std::string_view> &candidates)
{
    std::optional<std::string_view> best;
    size_t bestDistance = std::max<size_t>(2, word.size() / 4) + 1;
    for (const std::string_view candidate : candidates) {
        const size_t longer = std::max(candidate.size(), word.size());
        const size_t shorter = std::min(candidate.size(), word.size());
        if (longer - shorter >= bestDistance)
            continue;
        const size_t distance = editDistance(word, candidate);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = candidate;
        }
    }
    return best;
}

} // namespace validation

std::string_view validationPolicyTypeName(ValidationPolicyType type)
{
    switch (type) {
    case ValidationPolicyType::Identity:
        return "identity";
    case ValidationPolicyType::Resource:
        return "resource";
    case ValidationPolicyType::Trust:
        return "trust";
    case ValidationPolicyType::PermissionsBoundary:
        return "permissionsBoundary";
    case ValidationPolicyType::Session:
        return "session";
    case ValidationPolicyType::ServiceControl:
        return "scp";
    case ValidationPolicyType::ResourceControl:
        return "rcp";
    }
    return "identity";
}

std::optional<ValidationPolicyType> parseValidationPolicyType(std::string_view name)
{
    for (const auto type : { ValidationPolicyType::Identity, ValidationPolicyType::Resource,
                 ValidationPolicyType::Trust, ValidationPolicyType::PermissionsBoundary,
                 ValidationPolicyType::Session, ValidationPolicyType::ServiceControl,
                 ValidationPolicyType::ResourceControl })
        if (validationPolicyTypeName(type) == name)
            return type;
    return std::nullopt;
}

ValidationPolicyType validationPolicyType(PolicyType type, ResourcePolicyKind kind)
{
    switch (type) {
    case PolicyType::Identity:
        return ValidationPolicyType::Identity;
    case PolicyType::PermissionsBoundary:
        return ValidationPolicyType::PermissionsBoundary;
    case PolicyType::Session:
        return ValidationPolicyType::Session;
    case PolicyType::Resource:
        return kind == ResourcePolicyKind::TrustPolicy ? ValidationPolicyType::Trust
                                                       : ValidationPolicyType::Resource;
    case PolicyType::ServiceControl:
        return ValidationPolicyType::ServiceControl;
    case PolicyType::ResourceControl:
        return ValidationPolicyType::ResourceControl;
    }
    return ValidationPolicyType::Identity;
}

size_t policySizeWithoutWhitespace(std::string_view text)
{
    size_t size = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : text) {
        if (inString) {
            ++size;
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            ++size;
            inString = true;
        } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            ++size;
        }
    }
    return size;
}

std::vector<Diagnostic> validatePolicy(std::string_view text, const ValidationOptions &options)
{
    using namespace validation;
    std::vector<Diagnostic> findings;
    const json::ReadResult read = json::read(text);
    if (read.error) {
        Diagnostic d;
        d.code = "JSON_SYNTAX_ERROR";
        d.message = read.error->message;
        d.where.offset = read.error->offset;
        d.where.length = 1;
        findings.push_back(std::move(d));
    } else {
        const json::Value &root = *read.value;
        Parsed<Policy> parsed = parsePolicy(root, parseOptionsFor(options.type));
        adoptParserFindings(parsed.diagnostics, options.type, findings);
        if (root.isObject()) {
            Context context(text, root, options.type, findings);
            context.resourceArn = options.resourceArn;
            context.sensitiveResources = options.sensitiveResources;
            const json::Value *version = root.find("Version");
            context.variablesEnabled =
                    version && version->isString() && version->text == "2012-10-17";
            if (const json::Value *statements = root.find("Statement")) {
                if (statements->isObject())
                    context.statements.push_back(readStatement(*statements, "/Statement"));
                else if (statements->isArray())
                    for (size_t i = 0; i < statements->items.size(); ++i)
                        context.statements.push_back(readStatement(
                                statements->items[i], "/Statement/" + std::to_string(i)));
            }
            checkActions(context);
            checkResources(context);
            checkConditions(context);
            checkSecurity(context);
            checkPolicyType(context);
            checkRedundantStatements(context);
            checkArns(context);
            checkConditionValues(context);
            checkPrincipals(context);
            checkEscalation(context);
        }
    }
    std::sort(findings.begin(), findings.end(), [](const Diagnostic &a, const Diagnostic &b) {
        return std::tie(a.where.offset, a.severity, a.code, a.pointer)
                < std::tie(b.where.offset, b.severity, b.code, b.pointer);
    });
    findings.erase(std::unique(findings.begin(), findings.end(),
                           [](const Diagnostic &a, const Diagnostic &b) {
                               return a.code == b.code && a.where.offset == b.where.offset
                                       && a.pointer == b.pointer;
                           }),
            findings.end());
    const json::LineIndex lines(text);
    for (auto &d : findings) {
        const auto start = lines.position(d.where.offset);
        d.where.line = start.line;
        d.where.column = start.column;
        d.where.file = options.file;
    }
    for (auto &d : findings) {
        const auto end = lines.position(std::min(d.where.offset + d.where.length, text.size()));
        d.where.endLine = end.line;
        d.where.endColumn = end.column;
    }
    return findings;
}

} // namespace iamx
