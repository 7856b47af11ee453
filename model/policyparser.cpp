#include "policyparser.h"

#include "model/arn.h"
#include "model/casefold.h"
#include "model/conditioncompiler.h"
#include "model/principalarn.h"

#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace iamx {
namespace {

// An empty value list: what it means depends on the operator's qualifier and IfExists (Access
// Analyzer names the three cases apart).
std::pair<std::string, std::string> emptyConditionFinding(
        const ConditionOperator &op, const std::string &key)
{
    const std::string useNull =
            ": to test that the key is absent, write \"Null\": {\"" + key + "\": \"true\"}";
    if (op.qualifier == SetQualifier::ForAllValues)
        return { "EMPTY_ARRAY_CONDITION_FORALLVALUES",
            "ForAllValues with no values is true only when the request has no " + key + useNull };
    if (op.qualifier == SetQualifier::ForAnyValue)
        return { "EMPTY_ARRAY_CONDITION_FORANYVALUE",
            "ForAnyValue with no values is never true, so the statement never applies: add "
            "the values of "
                    + key + " or remove the condition" };
    if (op.ifExists)
        return { "EMPTY_ARRAY_CONDITION_IFEXISTS",
            "IfExists with no values is true only when the request has no " + key + useNull };
    return { "EMPTY_ARRAY_CONDITION",
        "the value list of " + key + " is empty: the condition is never true" };
}

bool hasWildcard(std::string_view text)
{
    return text.find_first_of("*?") != std::string_view::npos;
}

std::string_view jsonTypeName(const json::Value &value)
{
    switch (value.type) {
    case json::Type::Null:
        return "null";
    case json::Type::Boolean:
        return "a boolean";
    case json::Type::Number:
        return "a number";
    case json::Type::String:
        return "a string";
    case json::Type::Array:
        return "an array";
    case json::Type::Object:
        return "an object";
    }
    return "a value";
}

// Walks one document, collecting diagnostics as it goes. Errors mark the policy as not
// evaluable but parsing goes on, so that every problem is reported, not just the first.
class PolicyCompiler
{
public:
    explicit PolicyCompiler(const PolicyParseOptions &options)
        : m_options(options)
    {
    }

    Parsed<Policy> run(const json::Value &document);

private:
    void report(Severity severity, std::string code, std::string pointer, std::string message,
            size_t offset, size_t length)
    {
        Diagnostic d;
        d.severity = severity;
        d.code = std::move(code);
        d.pointer = std::move(pointer);
        d.message = std::move(message);
        d.where.offset = offset;
        d.where.length = length;
        m_result.diagnostics.push_back(std::move(d));
    }
    void error(std::string code, const std::string &pointer, std::string message,
            const json::Value &at)
    {
        report(Severity::Error, std::move(code), pointer, std::move(message), at.offset, at.length);
    }
    void warning(std::string code, const std::string &pointer, std::string message,
            const json::Value &at)
    {
        report(Severity::Warning, std::move(code), pointer, std::move(message), at.offset,
                at.length);
    }

    void checkDuplicateKeys(const json::Value &value, const std::string &pointer);
    void compileStatement(
            const json::Value &value, const std::string &pointer, Statement &statement);
    // Bounds the work of matching: AWS's largest policies (20 KB bucket policies) hold no
    // longer value, and globbing two huge strings would take quadratic time.
    static constexpr size_t maxValueBytes = 20480;
    bool checkLength(const json::Value &value, const std::string &pointer);
    std::vector<const json::Value *> stringList(
            const json::Value &value, const std::string &pointer, std::string_view element);
    void compileActions(const json::Value &value, const std::string &pointer, Statement &statement);
    void compileResources(
            const json::Value &value, const std::string &pointer, Statement &statement);
    void compilePrincipals(
            const json::Value &value, const std::string &pointer, Statement &statement);
    PrincipalPattern classifyPrincipal(
            PrincipalPattern::Key key, const json::Value &value, const std::string &pointer);
    void compileConditions(
            const json::Value &value, const std::string &pointer, Statement &statement);
    ConditionValue compileConditionValue(
            const ConditionOperator &op, const json::Value &value, const std::string &pointer);

    bool allowsPrincipal() const
    {
        return m_options.type == PolicyType::Resource
                || m_options.type == PolicyType::ResourceControl;
    }

    const PolicyParseOptions &m_options;
    Parsed<Policy> m_result;
    Policy m_policy;
    std::vector<const json::Value *> m_sidValues; ///< per statement, for duplicate-Sid reports
};

Parsed<Policy> PolicyCompiler::run(const json::Value &document)
{
    m_policy.name = m_options.name;
    m_policy.type = m_options.type;
    m_policy.resourceKind = m_options.resourceKind;
    checkDuplicateKeys(document, "");
    if (!document.isObject()) {
        error("DATA_TYPE_MISMATCH", "",
                "a policy document must be a JSON object, not "
                        + std::string(jsonTypeName(document)),
                document);
        return std::move(m_result);
    }
    const json::Value *statements = nullptr;
    for (const auto &member : document.members) {
        const std::string pointer = "/" + json::escapePointerToken(member.key);
        if (member.key == "Version") {
            if (!member.value.isString()) {
                error("DATA_TYPE_MISMATCH", pointer, "Version must be a string", member.value);
            } else if (member.value.text != "2012-10-17" && member.value.text != "2008-10-17") {
                error("INVALID_VERSION", pointer,
                        "Version must be \"2012-10-17\" or \"2008-10-17\", not \""
                                + member.value.text + "\"",
                        member.value);
            } else if (!m_policy.version) {
                m_policy.version = member.value.text;
            }
        } else if (member.key == "Id") {
            if (!member.value.isString())
                error("DATA_TYPE_MISMATCH", pointer, "Id must be a string", member.value);
            else if (!m_policy.id)
                m_policy.id = member.value.text;
        } else if (member.key == "Statement") {
            if (!statements)
                statements = &member.value;
        } else {
            report(Severity::Error, "INVALID_POLICY_ELEMENT", pointer,
                    "unknown policy element \"" + member.key
                            + "\" (expected Version, Id or Statement)",
                    member.keyOffset, member.keyLength);
        }
    }
    m_policy.variablesEnabled = m_policy.version == "2012-10-17";
    if (m_policy.version == "2008-10-17")
        if (const json::Value *version = document.find("Version"))
            warning("OLD_VERSION", "/Version",
                    "Version 2008-10-17 reads policy variables as plain text; use 2012-10-17",
                    *version);
    if (!document.find("Version")) {
        report(Severity::Warning, "MISSING_VERSION", "",
                "no Version: policy variables are read as plain text (add \"Version\": "
                "\"2012-10-17\")",
                document.offset, 1);
    }
    if (!statements) {
        report(Severity::Error, "MISSING_STATEMENT", "", "the policy has no Statement",
                document.offset, 1);
    } else if (statements->isObject()) {
        m_policy.statementIsArray = false;
        compileStatement(*statements, "/Statement", m_policy.statements.emplace_back());
    } else if (statements->isArray()) {
        if (statements->items.empty())
            warning("EMPTY_ARRAY_STATEMENT", "/Statement",
                    "the Statement array is empty: the policy matches nothing", *statements);
        for (size_t i = 0; i < statements->items.size(); ++i)
            compileStatement(statements->items[i], "/Statement/" + std::to_string(i),
                    m_policy.statements.emplace_back());
    } else {
        error("DATA_TYPE_MISMATCH", "/Statement",
                "Statement must be an object or an array of objects, not "
                        + std::string(jsonTypeName(*statements)),
                *statements);
    }
    // Sids are informational, but IAM wants them unique.
    std::unordered_set<std::string_view> sids;
    for (size_t i = 0; i < m_policy.statements.size(); ++i) {
        const auto &sid = m_policy.statements[i].sid;
        if (!sid || sid->empty())
            continue;
        if (!sids.insert(*sid).second)
            warning("UNIQUE_SIDS_REQUIRED", m_policy.statements[i].pointer + "/Sid",
                    "Sid \"" + *sid + "\" is used by more than one statement", *m_sidValues[i]);
    }
    if (!m_result.hasErrors())
        m_result.value = std::move(m_policy);
    return std::move(m_result);
}

void PolicyCompiler::checkDuplicateKeys(const json::Value &value, const std::string &pointer)
{
    if (value.isArray()) {
        for (size_t i = 0; i < value.items.size(); ++i)
            checkDuplicateKeys(value.items[i], pointer + "/" + std::to_string(i));
        return;
    }
    if (!value.isObject())
        return;
    std::unordered_set<std::string_view> keys;
    for (const auto &member : value.members) {
        const std::string memberPointer = pointer + "/" + json::escapePointerToken(member.key);
        if (!keys.insert(member.key).second)
            report(Severity::Error, "DUPLICATE_KEY", memberPointer,
                    "key \"" + member.key + "\" appears more than once in the same object",
                    member.keyOffset, member.keyLength);
        checkDuplicateKeys(member.value, memberPointer);
    }
}

void PolicyCompiler::compileStatement(
        const json::Value &value, const std::string &pointer, Statement &statement)
{
    statement.pointer = pointer;
    statement.offset = value.offset;
    statement.length = value.length;
    m_sidValues.push_back(&value);
    if (!value.isObject()) {
        error("DATA_TYPE_MISMATCH", pointer,
                "a statement must be a JSON object, not " + std::string(jsonTypeName(value)),
                value);
        return;
    }
    const json::Value *effect = nullptr;
    const json::Value *action = nullptr;
    const json::Value *notAction = nullptr;
    const json::Value *resource = nullptr;
    const json::Value *notResource = nullptr;
    const json::Value *principal = nullptr;
    const json::Value *notPrincipal = nullptr;
    const json::Value *condition = nullptr;
    for (const auto &member : value.members) {
        const std::string memberPointer = pointer + "/" + json::escapePointerToken(member.key);
        const std::string &key = member.key;
        if (key == "Sid") {
            if (!member.value.isString())
                error("DATA_TYPE_MISMATCH", memberPointer, "Sid must be a string", member.value);
            else if (!statement.sid) {
                statement.sid = member.value.text;
                m_sidValues.back() = &member.value;
            }
        } else if (key == "Effect") {
            effect = effect ? effect : &member.value;
        } else if (key == "Action") {
            action = action ? action : &member.value;
        } else if (key == "NotAction") {
            notAction = notAction ? notAction : &member.value;
        } else if (key == "Resource") {
            resource = resource ? resource : &member.value;
        } else if (key == "NotResource") {
            notResource = notResource ? notResource : &member.value;
        } else if (key == "Principal") {
            principal = principal ? principal : &member.value;
        } else if (key == "NotPrincipal") {
            notPrincipal = notPrincipal ? notPrincipal : &member.value;
        } else if (key == "Condition") {
            condition = condition ? condition : &member.value;
        } else {
            report(Severity::Error, "INVALID_POLICY_ELEMENT", memberPointer,
                    "unknown statement element \"" + key
                            + "\" (expected Sid, Effect, Principal, NotPrincipal, Action, "
                              "NotAction, Resource, NotResource or Condition)",
                    member.keyOffset, member.keyLength);
        }
    }

    if (!effect) {
        error("MISSING_EFFECT", pointer, "the statement has no Effect", value);
    } else if (!effect->isString()) {
        error("DATA_TYPE_MISMATCH", pointer + "/Effect", "Effect must be a string", *effect);
    } else if (effect->text == "Allow") {
        statement.effect = Effect::Allow;
    } else if (effect->text == "Deny") {
        statement.effect = Effect::Deny;
    } else {
        error("INVALID_EFFECT", pointer + "/Effect",
                "Effect must be \"Allow\" or \"Deny\", not \"" + effect->text + "\"", *effect);
    }

    if (action && notAction) {
        error("UNSUPPORTED_ELEMENT_COMBINATION", pointer + "/NotAction",
                "a statement may have Action or NotAction, not both", *notAction);
    } else if (!action && !notAction) {
        error("MISSING_ACTION", pointer, "the statement has neither Action nor NotAction", value);
    } else {
        statement.notAction = notAction != nullptr;
        compileActions(action ? *action : *notAction, pointer + (action ? "/Action" : "/NotAction"),
                statement);
    }

    const bool isTrustPolicy = m_options.type == PolicyType::Resource
            && m_options.resourceKind == ResourcePolicyKind::TrustPolicy;
    if (resource && notResource) {
        error("UNSUPPORTED_ELEMENT_COMBINATION", pointer + "/NotResource",
                "a statement may have Resource or NotResource, not both", *notResource);
    } else if (!resource && !notResource) {
        if (!isTrustPolicy)
            error("MISSING_RESOURCE", pointer, "the statement has neither Resource nor NotResource",
                    value);
    } else {
        statement.resourceMode =
                resource ? Statement::ResourceMode::Resource : Statement::ResourceMode::NotResource;
        compileResources(resource ? *resource : *notResource,
                pointer + (resource ? "/Resource" : "/NotResource"), statement);
    }

    if (principal || notPrincipal) {
        const json::Value &given = principal ? *principal : *notPrincipal;
        const std::string givenPointer = pointer + (principal ? "/Principal" : "/NotPrincipal");
        if (!allowsPrincipal()) {
            error("UNSUPPORTED_PRINCIPAL", givenPointer,
                    std::string(principal ? "Principal" : "NotPrincipal") + " is not allowed in "
                            + (m_options.type == PolicyType::ServiceControl
                                            ? "a service control policy"
                                            : "an identity-based policy, boundary or session "
                                              "policy"),
                    given);
        } else if (principal && notPrincipal) {
            error("UNSUPPORTED_ELEMENT_COMBINATION", pointer + "/NotPrincipal",
                    "a statement may have Principal or NotPrincipal, not both", *notPrincipal);
        } else {
            statement.principalMode =
                    principal ? PrincipalMode::Principal : PrincipalMode::NotPrincipal;
            compilePrincipals(given, givenPointer, statement);
            if (notPrincipal && statement.effect == Effect::Allow && effect)
                report(Severity::SecurityWarning, "ALLOW_WITH_NOT_PRINCIPAL", givenPointer,
                        "Allow with NotPrincipal grants access to everyone not listed, "
                        "including anonymous callers",
                        given.offset, given.length);
        }
    } else if (allowsPrincipal()) {
        error("MISSING_PRINCIPAL", pointer,
                "a statement of a resource-based policy needs Principal or NotPrincipal", value);
    }

    if (condition)
        compileConditions(*condition, pointer + "/Condition", statement);
}

bool PolicyCompiler::checkLength(const json::Value &value, const std::string &pointer)
{
    if (value.text.size() <= maxValueBytes)
        return true;
    error("VALUE_TOO_LONG", pointer,
            "a value of " + std::to_string(value.text.size()) + " bytes is longer than any "
                    + "policy AWS stores (at most " + std::to_string(maxValueBytes) + ")",
            value);
    return false;
}

std::vector<const json::Value *> PolicyCompiler::stringList(
        const json::Value &value, const std::string &pointer, std::string_view element)
{
    std::vector<const json::Value *> list;
    if (value.isString()) {
        if (checkLength(value, pointer))
            list.push_back(&value);
        return list;
    }
    if (!value.isArray()) {
        error("DATA_TYPE_MISMATCH", pointer,
                std::string(element) + " must be a string or an array of strings, not "
                        + std::string(jsonTypeName(value)),
                value);
        return list;
    }
    for (size_t i = 0; i < value.items.size(); ++i) {
        const auto &item = value.items[i];
        if (item.isString()) {
            if (checkLength(item, pointer + "/" + std::to_string(i)))
                list.push_back(&item);
        } else
            error("DATA_TYPE_MISMATCH", pointer + "/" + std::to_string(i),
                    std::string(element) + " entries must be strings, not "
                            + std::string(jsonTypeName(item)),
                    item);
    }
    return list;
}

void PolicyCompiler::compileActions(
        const json::Value &value, const std::string &pointer, Statement &statement)
{
    const std::string_view element = statement.notAction ? "NotAction" : "Action";
    if (value.isArray() && value.items.empty())
        warning("EMPTY_ARRAY_ACTION", pointer,
                std::string(element) + " is an empty array: the statement matches nothing", value);
    for (const json::Value *entry : stringList(value, pointer, element)) {
        const std::string entryPointer = pointer + (value.isArray() ? "/" : "")
                + (value.isArray() ? std::to_string(entry - value.items.data()) : "");
        ActionPattern pattern;
        pattern.text = entry->text;
        if (entry->text == "*") {
            pattern.matchesAll = true;
            statement.actions.push_back(std::move(pattern));
            continue;
        }
        const size_t colon = entry->text.find(':');
        if (colon == std::string::npos || colon == 0) {
            error("INVALID_ACTION", entryPointer,
                    "action \"" + entry->text + "\" must be \"*\" or \"service:ActionName\"",
                    *entry);
            continue;
        }
        const std::string_view service = std::string_view(entry->text).substr(0, colon);
        const std::string_view name = std::string_view(entry->text).substr(colon + 1);
        bool serviceOk = true;
        for (char c : service)
            serviceOk = serviceOk
                    && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                            || c == '-' || c == '.');
        if (hasWildcard(service)) {
            warning("WILDCARD_IN_SERVICE_NAME", entryPointer,
                    "wildcards are not allowed in the service prefix of \"" + entry->text
                            + "\": it matches nothing",
                    *entry);
            pattern.usable = false;
        } else if (!serviceOk) {
            warning("INVALID_SERVICE", entryPointer,
                    "service prefix of \"" + entry->text + "\" is not valid: it matches nothing",
                    *entry);
            pattern.usable = false;
        } else if (name.find(':') != std::string_view::npos) {
            warning("INVALID_ACTION", entryPointer,
                    "action \"" + entry->text + "\" has more than one ':': it matches nothing",
                    *entry);
            pattern.usable = false;
        } else if (name.find_first_of(" \t\r\n,") != std::string_view::npos || name.empty()) {
            warning("INVALID_ACTION", entryPointer,
                    "action \"" + entry->text
                            + "\" holds spaces, commas or nothing after ':': it matches nothing",
                    *entry);
            pattern.usable = false;
        }
        pattern.service = toAsciiLowercase(service);
        appendPatternUnits(pattern.name, name, WildcardMode::Glob, CaseMode::AsciiInsensitive);
        statement.actions.push_back(std::move(pattern));
    }
}

void PolicyCompiler::compileResources(
        const json::Value &value, const std::string &pointer, Statement &statement)
{
    const std::string_view element = statement.resourceMode == Statement::ResourceMode::Resource
            ? "Resource"
            : "NotResource";
    if (value.isArray() && value.items.empty())
        warning("EMPTY_ARRAY_RESOURCE", pointer,
                std::string(element) + " is an empty array: the statement matches nothing", value);
    for (const json::Value *entry : stringList(value, pointer, element)) {
        const std::string entryPointer = pointer + (value.isArray() ? "/" : "")
                + (value.isArray() ? std::to_string(entry - value.items.data()) : "");
        ResourcePattern pattern;
        pattern.text = entry->text;
        if (entry->text == "*") {
            pattern.matchesAll = true;
            statement.resources.push_back(std::move(pattern));
            continue;
        }
        std::vector<std::string_view> parts = splitOutsideVariables(entry->text, ':', 6);
        std::vector<PatternUnit> prefix;
        appendPatternUnits(prefix, parts.front(), WildcardMode::Glob);
        if (parts.size() < 2 || !globMatch(prefix, "arn")) {
            warning("INVALID_ARN_PREFIX", entryPointer,
                    "resource \"" + entry->text
                            + "\" is neither \"*\" nor an ARN (arn:partition:service:region:"
                              "account:resource): it matches nothing",
                    *entry);
            pattern.usable = false;
        } else if (parts.size() < 6) {
            // Short patterns are undocumented; read them as iam-simulate does
            // (iam-evaluation.md §6 rule 7): padded in the principal's own policies, usable in
            // resource policies only with a wildcard, never in SCPs and RCPs.
            const bool pad = m_options.type == PolicyType::Identity
                    || m_options.type == PolicyType::PermissionsBoundary
                    || m_options.type == PolicyType::Session
                    || (m_options.type == PolicyType::Resource && hasWildcard(entry->text));
            warning("MISSING_ARN_FIELD", entryPointer,
                    "resource \"" + entry->text + "\" has fewer than six ARN components: "
                            + (pad ? "the missing ones are read as \"*\"" : "it matches nothing"),
                    *entry);
            pattern.usable = pad;
            while (pad && parts.size() < 6)
                parts.push_back("*");
        }
        if (pattern.usable) {
            std::vector<TemplateProblem> problems;
            for (const auto part : parts)
                pattern.components.push_back(ValueTemplate::compile(
                        part, m_policy.variablesEnabled, WildcardMode::Glob, &problems));
            for (const auto &problem : problems)
                warning(problem.code, entryPointer, problem.message, *entry);
        }
        statement.resources.push_back(std::move(pattern));
    }
}

PrincipalPattern PolicyCompiler::classifyPrincipal(
        PrincipalPattern::Key key, const json::Value &value, const std::string &pointer)
{
    PrincipalPattern pattern;
    pattern.key = key;
    pattern.text = value.text;
    const std::string_view text = value.text;
    if (key != PrincipalPattern::Key::AWS) {
        pattern.form = PrincipalPattern::Form::Named;
        pattern.name = value.text;
        return pattern;
    }
    if (text == "*") {
        pattern.form = PrincipalPattern::Form::Everyone;
        return pattern;
    }
    if (isAccountId(text)) {
        pattern.form = PrincipalPattern::Form::Account;
        pattern.account = value.text;
        return pattern;
    }
    if (const auto arn = hasWildcard(text) ? std::nullopt : parsePrincipalArn(text)) {
        pattern.partition = arn->partition;
        pattern.account = arn->account;
        pattern.name = arn->name;
        pattern.session = arn->session;
        switch (arn->kind) {
        case PrincipalArn::Kind::Root:
            pattern.form = PrincipalPattern::Form::Account;
            return pattern;
        case PrincipalArn::Kind::User:
            pattern.form = PrincipalPattern::Form::User;
            return pattern;
        case PrincipalArn::Kind::Role:
            pattern.form = PrincipalPattern::Form::Role;
            return pattern;
        case PrincipalArn::Kind::AssumedRole:
            pattern.form = PrincipalPattern::Form::RoleSession;
            return pattern;
        case PrincipalArn::Kind::FederatedUser:
            pattern.form = PrincipalPattern::Form::FederatedUser;
            return pattern;
        case PrincipalArn::Kind::SamlProvider:
        case PrincipalArn::Kind::OidcProvider:
            break; // providers are named under Federated, not AWS
        }
    }
    pattern.form = PrincipalPattern::Form::Unmatchable;
    const bool uniqueId = text.size() > 4 && text.find(':') == std::string_view::npos
            && (text.starts_with("AIDA") || text.starts_with("AROA"));
    if (hasWildcard(text))
        warning("UNSUPPORTED_WILDCARD_IN_PRINCIPAL", pointer,
                "\"*\" is the only wildcard a principal may be; \"" + value.text
                        + "\" matches nobody",
                value);
    else if (!uniqueId)
        warning("INVALID_PRINCIPAL_FORMAT", pointer,
                "\"" + value.text
                        + "\" is not an account, user, role, role session or federated user: "
                          "it matches nobody",
                value);
    return pattern;
}

void PolicyCompiler::compilePrincipals(
        const json::Value &value, const std::string &pointer, Statement &statement)
{
    if (value.isString()) {
        if (value.text != "*") {
            error("DATA_TYPE_MISMATCH", pointer,
                    "a principal must be \"*\" or an object such as {\"AWS\": \"" + value.text
                            + "\"}",
                    value);
            return;
        }
        PrincipalPattern everyone;
        everyone.form = PrincipalPattern::Form::Everyone;
        everyone.text = "*";
        statement.principals.push_back(std::move(everyone));
        return;
    }
    if (!value.isObject()) {
        error("DATA_TYPE_MISMATCH", pointer,
                "a principal must be \"*\" or an object, not " + std::string(jsonTypeName(value)),
                value);
        return;
    }
    if (value.members.empty())
        warning("EMPTY_OBJECT_PRINCIPAL", pointer,
                "the principal is an empty object: the statement matches nobody", value);
    for (const auto &member : value.members) {
        const std::string memberPointer = pointer + "/" + json::escapePointerToken(member.key);
        PrincipalPattern::Key key;
        if (member.key == "AWS")
            key = PrincipalPattern::Key::AWS;
        else if (member.key == "Service")
            key = PrincipalPattern::Key::Service;
        else if (member.key == "Federated")
            key = PrincipalPattern::Key::Federated;
        else if (member.key == "CanonicalUser")
            key = PrincipalPattern::Key::CanonicalUser;
        else {
            report(Severity::Error, "INVALID_PRINCIPAL_KEY", memberPointer,
                    "unknown principal type \"" + member.key
                            + "\" (expected AWS, Service, Federated or CanonicalUser)",
                    member.keyOffset, member.keyLength);
            continue;
        }
        if (member.value.isArray() && member.value.items.empty())
            warning("EMPTY_ARRAY_PRINCIPAL", memberPointer,
                    "the principal list is empty: it matches nobody", member.value);
        for (const json::Value *entry : stringList(member.value, memberPointer, "a principal")) {
            const std::string entryPointer = memberPointer
                    + (member.value.isArray()
                                    ? "/" + std::to_string(entry - member.value.items.data())
                                    : "");
            statement.principals.push_back(classifyPrincipal(key, *entry, entryPointer));
        }
    }
}

ConditionValue PolicyCompiler::compileConditionValue(
        const ConditionOperator &op, const json::Value &value, const std::string &pointer)
{
    std::vector<TemplateProblem> problems;
    const std::string text = value.isBoolean() ? (value.boolean ? "true" : "false") : value.text;
    ConditionValue result =
            iamx::compileConditionValue(op, text, m_policy.variablesEnabled, problems);
    result.pointer = pointer;
    for (const auto &problem : problems)
        warning(problem.code, pointer, problem.message, value);
    return result;
}

void PolicyCompiler::compileConditions(
        const json::Value &value, const std::string &pointer, Statement &statement)
{
    if (!value.isObject()) {
        error("DATA_TYPE_MISMATCH", pointer,
                "Condition must be an object of operators, not " + std::string(jsonTypeName(value)),
                value);
        return;
    }
    if (value.members.empty())
        report(Severity::Suggestion, "EMPTY_OBJECT_CONDITION", pointer,
                "the Condition is empty and can be removed", value.offset, value.length);
    for (const auto &block : value.members) {
        const std::string blockPointer = pointer + "/" + json::escapePointerToken(block.key);
        const auto op = parseConditionOperator(block.key);
        if (!op) {
            const std::string_view name = std::string_view(block.key).substr(
                    block.key.find(':') == std::string::npos ? 0 : block.key.find(':') + 1);
            const bool nullIfExists = name == "NullIfExists";
            report(Severity::Error,
                    nullIfExists ? "NULL_WITH_IF_EXISTS" : "INVALID_CONDITION_OPERATOR",
                    blockPointer,
                    nullIfExists ? "Null has no IfExists form"
                                 : "unknown condition operator \"" + block.key + "\"",
                    block.keyOffset, block.keyLength);
            continue;
        }
        if (!block.value.isObject()) {
            error("DATA_TYPE_MISMATCH", blockPointer,
                    "the operator " + block.key + " must map condition keys to values, not "
                            + std::string(jsonTypeName(block.value)),
                    block.value);
            continue;
        }
        std::unordered_map<std::string, std::string> lowerKeys;
        for (size_t k = 0; k < block.value.members.size(); ++k) {
            const auto &entry = block.value.members[k];
            const std::string keyPointer = blockPointer + "/" + json::escapePointerToken(entry.key);
            Condition condition;
            condition.op = *op;
            condition.operatorText = block.key;
            condition.key = entry.key;
            condition.lowerKey = toLowercase(entry.key);
            condition.pointer = keyPointer;
            // Keys are case-insensitive: the same key in another case is a second condition.
            const auto [seen, added] = lowerKeys.try_emplace(condition.lowerKey, entry.key);
            if (!added && seen->second != entry.key)
                report(Severity::Warning, "DUPLICATE_KEYS_WITH_DIFFERENT_CASE", keyPointer,
                        "condition keys are case-insensitive: \"" + entry.key + "\" repeats \""
                                + seen->second + "\" (both must hold)",
                        entry.keyOffset, entry.keyLength);
            std::vector<const json::Value *> values;
            bool typesOk = true;
            const auto acceptValue = [&](const json::Value &v, const std::string &where) {
                if (v.isString() || v.isNumber() || v.isBoolean()) {
                    if (checkLength(v, where))
                        values.push_back(&v);
                    else
                        typesOk = false;
                    return;
                }
                typesOk = false;
                error("DATA_TYPE_MISMATCH", where,
                        "a condition value must be a string, number or boolean, not "
                                + std::string(jsonTypeName(v)),
                        v);
            };
            if (entry.value.isArray()) {
                if (entry.value.items.empty()) {
                    const auto [code, message] = emptyConditionFinding(*op, entry.key);
                    warning(code, keyPointer, message, entry.value);
                }
                for (size_t i = 0; i < entry.value.items.size(); ++i)
                    acceptValue(entry.value.items[i], keyPointer + "/" + std::to_string(i));
            } else {
                acceptValue(entry.value, keyPointer);
            }
            if (!typesOk)
                continue;
            for (const json::Value *v : values) {
                const std::string valuePointer = entry.value.isArray()
                        ? keyPointer + "/" + std::to_string(v - entry.value.items.data())
                        : keyPointer;
                condition.values.push_back(compileConditionValue(*op, *v, valuePointer));
            }
            statement.conditions.push_back(std::move(condition));
        }
    }
}

} // namespace

Parsed<Policy> parsePolicy(const json::Value &document, const PolicyParseOptions &options)
{
    return PolicyCompiler(options).run(document);
}

void locateDiagnostics(
        std::vector<Diagnostic> &diagnostics, const json::LineIndex &lines, std::string_view file)
{
    for (auto &d : diagnostics) {
        const auto position = lines.position(d.where.offset);
        d.where.line = position.line;
        d.where.column = position.column;
        d.where.file = std::string(file);
    }
}

Parsed<Policy> parsePolicyText(
        std::string_view text, const PolicyParseOptions &options, std::string_view file)
{
    const json::LineIndex lines(text);
    const json::ReadResult read = json::read(text);
    Parsed<Policy> result;
    if (read.error) {
        Diagnostic d;
        d.code = "JSON_SYNTAX_ERROR";
        d.message = read.error->message;
        d.where.offset = read.error->offset;
        d.where.length = 1;
        result.diagnostics.push_back(std::move(d));
    } else {
        result = parsePolicy(*read.value, options);
    }
    locateDiagnostics(result.diagnostics, lines, file);
    return result;
}

} // namespace iamx
