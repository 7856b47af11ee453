// The validator's checks of Condition blocks against the catalog: unknown and undocumented
// keys, keys no action of the statement supports, operators that do not fit the key's type,
// set qualifiers on single-valued keys (and their absence on multivalued ones), wildcards under
// Equals operators, and IP ranges that are not what they seem.

#include "model/casefold.h"
#include "model/ipaddress.h"
#include "model/validationcontext.h"

#include <algorithm>

namespace iamx::validation {
namespace {

bool fitsType(OperatorFamily family, ConditionKeyType type)
{
    const bool stringFamily = family == OperatorFamily::String
            || family == OperatorFamily::StringIgnoreCase || family == OperatorFamily::StringLike;
    switch (type) {
    case ConditionKeyType::Unknown:
        return true;
    case ConditionKeyType::String:
        // ARN operators read a string holding an ARN correctly (AWS's documentation compares
        // kms:EncryptionContext:aws:s3:arn with ArnLike).
        return stringFamily || family == OperatorFamily::Arn;
    case ConditionKeyType::Arn:
        return family == OperatorFamily::Arn || stringFamily; // strings compare ARNs fine
    case ConditionKeyType::Numeric:
        return family == OperatorFamily::Numeric;
    case ConditionKeyType::Date:
        return family == OperatorFamily::Date;
    case ConditionKeyType::Bool:
        // StringEquals "true" compares the same text Bool does.
        return family == OperatorFamily::Bool || family == OperatorFamily::String;
    case ConditionKeyType::IpAddress:
        return family == OperatorFamily::Ip;
    case ConditionKeyType::Binary:
        return true; // no key of the catalog has this type
    }
    return true;
}

struct TypeAdvice
{
    std::string_view code;
    std::string_view typeName;
    std::string_view operators;
};

TypeAdvice adviceFor(ConditionKeyType type)
{
    switch (type) {
    case ConditionKeyType::Arn:
        return { "TYPE_MISMATCH_ARN", "an ARN", "ArnEquals, ArnLike or a String operator" };
    case ConditionKeyType::Numeric:
        return { "TYPE_MISMATCH_NUMBER", "a Numeric", "NumericEquals, NumericLessThan..." };
    case ConditionKeyType::Date:
        return { "TYPE_MISMATCH_DATE", "a Date", "DateGreaterThan, DateLessThan..." };
    case ConditionKeyType::Bool:
        return { "TYPE_MISMATCH_BOOLEAN", "a Bool", "Bool (or StringEquals)" };
    case ConditionKeyType::IpAddress:
        return { "TYPE_MISMATCH_IP_RANGE", "an IP address", "IpAddress or NotIpAddress" };
    case ConditionKeyType::String:
    case ConditionKeyType::Binary:
    case ConditionKeyType::Unknown:
        break;
    }
    return { "TYPE_MISMATCH_STRING", "a String", "StringEquals, StringLike..." };
}

// A `*` or `?` outside policy variables (`${*}` is a literal star).
bool hasBareWildcard(std::string_view text)
{
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{') {
            const size_t close = text.find('}', i);
            if (close == std::string_view::npos)
                return false;
            i = close;
        } else if (text[i] == '*' || text[i] == '?') {
            return true;
        }
    }
    return false;
}

bool hasHostBits(const IpRange &range)
{
    const int bits = range.isV6 ? 128 : 32;
    for (int bit = range.prefixLength; bit < bits; ++bit)
        if (range.bytes[static_cast<size_t>(bit / 8)] & (0x80 >> (bit % 8)))
            return true;
    return false;
}

// The key names of a service, or the global ones, for "did you mean".
std::vector<std::string_view> keyNames(std::span<const CatalogConditionKey> keys)
{
    std::vector<std::string_view> names;
    for (const auto &key : keys)
        names.push_back(key.name);
    return names;
}

// Reports a key the catalog does not know; false when it knows it (or cannot judge it).
bool checkKeyName(Context &context, const ConditionEntry &condition)
{
    const std::string &key = condition.key->key;
    if (keyNameReportedByConditionValues(key))
        return true;
    const size_t colon = key.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == key.size()) {
        context.reportKey("INVALID_CONDITION_KEY_FORMAT", condition.pointer,
                "\"" + key + "\" is not a condition key: write prefix:name, e.g. aws:SourceIp",
                *condition.key);
        return true;
    }
    const std::string_view prefix = std::string_view(key).substr(0, colon);
    // Identity-provider keys (accounts.google.com:aud, an OIDC provider's URL:sub) are named
    // by the provider, not by the catalog.
    if (prefix.find_first_of("./") != std::string_view::npos)
        return true;
    const CatalogConditionKey *known = context.catalog.findConditionKey(key);
    if (known) {
        if (known->undocumented)
            context.reportKey("UNDOCUMENTED_CONDITION_KEY", condition.pointer,
                    "\"" + key
                            + "\" is not in AWS's documentation (AWS managed policies use it): "
                              "make sure it is the key you mean",
                    *condition.key);
        return false;
    }
    if (asciiEqualsIgnoreCase(prefix, "aws")) {
        std::string message = "\"" + key + "\" is not a global condition key";
        const auto near = closestName(key, keyNames(context.catalog.globalConditionKeys()));
        message += near ? ": did you mean \"" + std::string(*near) + "\"?"
                        : ": see the global condition keys in the IAM User Guide";
        context.reportKey("INVALID_GLOBAL_CONDITION_KEY", condition.pointer, std::move(message),
                *condition.key);
        return true;
    }
    const CatalogService *service = context.catalog.findService(prefix);
    std::string message = "\"" + key + "\" is not a condition key of "
            + (service ? "\"" + std::string(service->prefix) + "\""
                       : "any service (no service has the prefix \"" + std::string(prefix) + "\")");
    const auto near = service ? closestName(key, keyNames(service->conditionKeys)) : std::nullopt;
    message += near ? ": did you mean \"" + std::string(*near) + "\"?"
                    : ": the condition is never true as written (the key is never set)";
    context.reportKey(
            "INVALID_SERVICE_CONDITION_KEY", condition.pointer, std::move(message), *condition.key);
    return true;
}

void checkSupport(Context &context, size_t s, const ConditionEntry &condition,
        const CatalogConditionKey &key, const std::vector<const CatalogAction *> &actions)
{
    const StatementNode &statement = context.statements[s];
    const std::string &name = condition.key->key;
    const bool tagKey = key.global && isTagKey(name);
    if (key.global && !tagKey)
        return;
    if (!tagKey) {
        const bool supported =
                std::any_of(actions.begin(), actions.end(), [&](const CatalogAction *a) {
                    return context.catalog.actionSupportsConditionKey(*a, name);
                });
        // A key only one action sets: name the action the statement lacks.
        const CatalogAction *sole =
                supported ? nullptr : soleActionForConditionKey(context.catalog, name);
        if (sole)
            context.reportKey("MISSING_ACTION_FOR_CONDITION_KEY", condition.pointer,
                    "only " + std::string(sole->fullName) + " sets \"" + name
                            + "\", and the statement does not grant or deny it: add "
                            + std::string(sole->fullName) + " to Action, or remove the condition",
                    *condition.key);
        else if (!supported)
            context.reportKey("UNSUPPORTED_ACTION_FOR_CONDITION_KEY", condition.pointer,
                    "no action of the statement supports \"" + name
                            + "\": the key is never set for them; use a key the actions "
                              "support or move the condition to a statement whose actions do",
                    *condition.key);
        return;
    }
    // A tag key, per service: the services none of whose actions of the statement support it.
    const auto services = context.catalog.services();
    for (size_t i = 0; i < actions.size();) {
        const std::uint32_t service = actions[i]->service;
        bool supported = false;
        size_t count = 0;
        for (; i < actions.size() && actions[i]->service == service; ++i, ++count)
            supported = supported || context.catalog.actionSupportsConditionKey(*actions[i], name);
        if (supported)
            continue;
        const std::string prefix(services[service].prefix);
        if (statement.isDeny())
            context.reportKey("DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
                    condition.pointer,
                    "no " + prefix + " action of the statement supports \"" + name
                            + "\": for them the key is absent, so this Deny may never apply; "
                              "deny them in a statement with a key they support",
                    *condition.key);
        else if (statement.isAllow())
            context.reportKey("ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
                    condition.pointer,
                    "no " + prefix + " action of the statement supports \"" + name
                            + "\": for them the condition does not work as written; move them "
                              "to a statement without it",
                    *condition.key);
    }
}

void checkCondition(Context &context, size_t s, const ConditionEntry &condition,
        const std::vector<const CatalogAction *> &actions, bool actionsKnown)
{
    if (!condition.op)
        return; // an unknown operator: the parser reported it
    const ConditionOperator &op = *condition.op;
    const std::string &name = condition.key->key;
    const OperatorFamily family = operatorFamily(op.base);
    const std::string operatorText = condition.block->key;

    if (family == OperatorFamily::String || family == OperatorFamily::StringIgnoreCase)
        for (const Entry &value : condition.values)
            if (value.value->isString() && hasBareWildcard(value.text()))
                context.report("WILDCARD_WITHOUT_LIKE_OPERATOR", value.pointer,
                        operatorText + " compares \"" + value.text()
                                + "\" literally, * and ? included: use StringLike for a "
                                  "wildcard match",
                        *value.value);
    if (family == OperatorFamily::Numeric || family == OperatorFamily::Date
            || family == OperatorFamily::Ip || family == OperatorFamily::Binary)
        for (const Entry &value : condition.values)
            if (value.value->isString() && value.text().find("${") != std::string::npos)
                context.report("INVALID_VARIABLE_FOR_OPERATOR", value.pointer,
                        operatorText + " does not read policy variables: \"" + value.text()
                                + "\" is compared as written; use a String or ARN operator",
                        *value.value);
    if (family == OperatorFamily::Ip) {
        for (const Entry &value : condition.values) {
            const auto range = parseIpRange(value.value->text);
            if (range && hasHostBits(*range))
                context.report("IMPROVE_IP_RANGE", value.pointer,
                        "\"" + value.text() + "\" has bits set beyond its /"
                                + std::to_string(range->prefixLength)
                                + " prefix, which are ignored: write the network address",
                        *value.value);
        }
    }

    if (checkKeyName(context, condition))
        return;
    const CatalogConditionKey *key = context.catalog.findConditionKey(name);
    if (!key || key->undocumented || key->type == ConditionKeyType::Unknown)
        return;
    if (family == OperatorFamily::Null) {
        if (op.qualifier != SetQualifier::None)
            context.report("NULL_WITH_QUALIFIER", condition.blockPointer,
                    "Null tests whether the key is present; ForAllValues/ForAnyValue add "
                    "nothing: write \"Null\"",
                    condition.block->keyOffset, condition.block->keyLength);
    } else {
        if (!fitsType(family, key->type)) {
            const TypeAdvice advice = adviceFor(key->type);
            context.report(advice.code, condition.blockPointer,
                    "\"" + name + "\" is " + std::string(advice.typeName) + " key: compare it with "
                            + std::string(advice.operators) + ", not "
                            + std::string(baseOperatorName(op.base)),
                    condition.block->keyOffset, condition.block->keyLength);
        }
        if (op.qualifier != SetQualifier::None && !key->multivalued) {
            const bool all = op.qualifier == SetQualifier::ForAllValues;
            context.report(all ? "FORALLVALUES_WITH_SINGLE_VALUED_KEY"
                               : "FORANYVALUE_WITH_SINGLE_VALUED_KEY",
                    condition.blockPointer,
                    "\"" + name + "\" has a single value; "
                            + (all ? "ForAllValues is also true when the key is absent, "
                                     "which grants more than intended"
                                   : "ForAnyValue is meant for multivalued keys")
                            + ": drop the qualifier (" + std::string(baseOperatorName(op.base))
                            + ")",
                    condition.block->keyOffset, condition.block->keyLength);
        } else if (op.qualifier == SetQualifier::None && key->multivalued) {
            context.report("MISSING_QUALIFIER", condition.blockPointer,
                    "\"" + name
                            + "\" holds several values: say how they are compared with "
                              "ForAnyValue: (any value matches) or ForAllValues: (every value "
                              "matches)",
                    condition.block->keyOffset, condition.block->keyLength);
        }
    }
    if (actionsKnown && !context.statements[s].notAction)
        checkSupport(context, s, condition, *key, actions);
}

} // namespace

bool isTagKey(std::string_view key)
{
    const auto startsWith = [key](std::string_view prefix) {
        return key.size() >= prefix.size()
                && asciiEqualsIgnoreCase(key.substr(0, prefix.size()), prefix);
    };
    return startsWith("aws:RequestTag/") || startsWith("aws:ResourceTag/")
            || asciiEqualsIgnoreCase(key, "aws:TagKeys");
}

void checkConditions(Context &context)
{
    for (size_t s = 0; s < context.statements.size(); ++s) {
        const StatementNode &statement = context.statements[s];
        if (statement.conditions.empty())
            continue;
        const bool known = context.actionsKnown(s);
        static const std::vector<const CatalogAction *> none;
        const auto &actions = known ? context.actionUnion(s) : none;
        for (const ConditionEntry &condition : statement.conditions)
            checkCondition(context, s, condition, actions, known);
    }
}

} // namespace iamx::validation
