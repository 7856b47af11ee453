// The validator's checks of what a condition says rather than whether its key exists: tag
// keys without a tag, deprecated and paired global keys, VPC and VPC endpoint ids, private
// addresses under aws:SourceIp, contradictory and redundant values, MFA tests that miss an
// absent key, and policy variables where IAM does not read them.

#include "model/casefold.h"
#include "model/decimal.h"
#include "model/ipaddress.h"
#include "model/validationcontext.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace iamx::validation {
namespace {

bool startsWithIgnoreCase(std::string_view text, std::string_view prefix)
{
    return text.size() >= prefix.size()
            && asciiEqualsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

bool endsWithIgnoreCase(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size()
            && asciiEqualsIgnoreCase(text.substr(text.size() - suffix.size()), suffix);
}

// `aws:ResourceTag/`, `ec2:ResourceTag/`, `s3:ExistingObjectTag/`: a tag key template with
// the tag left out.
bool isTagKeyWithoutTag(std::string_view key)
{
    const size_t colon = key.find(':');
    return colon != std::string_view::npos && endsWithIgnoreCase(key.substr(colon + 1), "Tag/");
}

struct DeprecatedKey
{
    std::string_view name;
    std::string_view replacement;
};

// Global keys AWS documents as deprecated (Access Analyzer, "Deprecated global condition key").
constexpr DeprecatedKey deprecatedKeys[] = {
    { "aws:ARN",
            "aws:PrincipalArn for the caller, or aws:SourceArn for the resource that makes a "
            "service-to-service request" },
};

const DeprecatedKey *findDeprecatedKey(std::string_view key)
{
    for (const DeprecatedKey &deprecated : deprecatedKeys)
        if (asciiEqualsIgnoreCase(key, deprecated.name))
            return &deprecated;
    return nullptr;
}

struct PairedKey
{
    std::string_view key;
    std::string_view partners[2]; ///< either one makes the key safe; empty when unused
    std::string_view why;
};

// Keys that name something only unique within a network the policy must also name: private
// addresses repeat across VPCs (IAM User Guide, aws:VpcSourceIp and
// aws:Ec2InstanceSourcePrivateIPv4).
constexpr PairedKey pairedKeys[] = {
    { "aws:VpcSourceIp", { "aws:SourceVpc", "aws:SourceVpcArn" },
            "private addresses repeat across VPCs, so it also matches the same address in "
            "any other VPC" },
    { "aws:Ec2InstanceSourcePrivateIPv4", { "aws:Ec2InstanceSourceVpc", "" },
            "private addresses repeat across VPCs, so it also matches an instance with the "
            "same address in any other VPC" },
};

// True when the policy type grants (an SCP, RCP or boundary only caps: rule of the README).
bool grants(ValidationPolicyType type)
{
    return type != ValidationPolicyType::ServiceControl
            && type != ValidationPolicyType::ResourceControl
            && type != ValidationPolicyType::PermissionsBoundary;
}

void checkKeyNames(Context &context, const StatementNode &statement, const ConditionEntry &entry)
{
    const std::string &key = entry.key->key;
    if (isTagKeyWithoutTag(key))
        context.reportKey("MISSING_TAG_KEY_IN_CONDITION", entry.pointer,
                "\"" + key
                        + "\" names no tag, so no request has it: write the tag key after "
                          "the slash, e.g. \""
                        + key + "team\"",
                *entry.key);
    if (const DeprecatedKey *deprecated = findDeprecatedKey(key))
        context.reportKey("DEPRECATED_GLOBAL_CONDITION_KEY", entry.pointer,
                "\"" + key + "\" is deprecated: use " + std::string(deprecated->replacement),
                *entry.key);
    if (!statement.isAllow() || !grants(context.type))
        return;
    for (const PairedKey &paired : pairedKeys) {
        if (!asciiEqualsIgnoreCase(key, paired.key))
            continue;
        const auto present = [&](std::string_view partner) {
            return !partner.empty() && statement.hasConditionKey(partner);
        };
        if (std::any_of(std::begin(paired.partners), std::end(paired.partners), present))
            continue;
        context.reportKey("MISSING_PAIRED_CONDITION_KEYS", entry.pointer,
                "\"" + key + "\" alone grants more than it seems: " + std::string(paired.why)
                        + "; add " + std::string(paired.partners[0])
                        + " naming your VPC to this statement",
                *entry.key);
    }
}

bool isHex(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

// `vpc-` (or `vpce-`) and 8 or 17 hexadecimal digits, as EC2 writes its ids.
bool isResourceId(std::string_view text, std::string_view prefix)
{
    if (!startsWithIgnoreCase(text, prefix))
        return false;
    const std::string_view digits = text.substr(prefix.size());
    return (digits.size() == 8 || digits.size() == 17) && isHex(digits);
}

bool isStringFamily(OperatorFamily family)
{
    return family == OperatorFamily::String || family == OperatorFamily::StringIgnoreCase
            || family == OperatorFamily::StringLike;
}

void checkVpcIds(Context &context, const ConditionEntry &entry, OperatorFamily family)
{
    const std::string &key = entry.key->key;
    const bool vpc = asciiEqualsIgnoreCase(key, "aws:SourceVpc");
    const bool vpce = asciiEqualsIgnoreCase(key, "aws:SourceVpce");
    if ((!vpc && !vpce) || !isStringFamily(family))
        return;
    const std::string_view prefix = vpc ? "vpc-" : "vpce-";
    for (const Entry &value : entry.values) {
        if (!value.value->isString())
            continue;
        const std::string &text = value.text();
        // A pattern or a variable may well stand for valid ids.
        if (text.find_first_of("*?") != std::string::npos || text.find("${") != std::string::npos
                || isResourceId(text, prefix))
            continue;
        context.report(vpc ? "INVALID_VPC_FORMAT" : "INVALID_VPCE_FORMAT", value.pointer,
                "\"" + text + "\" is not a VPC" + (vpc ? "" : " endpoint")
                        + " id, so it never matches " + key + ": write " + std::string(prefix)
                        + " and 8 or 17 hexadecimal digits, e.g. " + std::string(prefix)
                        + "0a1b2c3d4e5f67890",
                *value.value);
    }
}

bool isPrivateV4(const IpRange &range)
{
    const auto within = [&](std::uint8_t a, std::uint8_t b, int prefix) {
        IpRange outer;
        outer.bytes[0] = a;
        outer.bytes[1] = b;
        outer.prefixLength = prefix;
        return rangeContains(outer, range);
    };
    return !range.isV6 && (within(10, 0, 8) || within(172, 16, 12) || within(192, 168, 16));
}

// aws:SourceIp holds the public address a request came from; it is absent for requests
// through a VPC endpoint, so a private range never matches.
void checkPrivateAddresses(Context &context, const ConditionEntry &entry, BaseOperator base)
{
    if ((base != BaseOperator::IpAddress && base != BaseOperator::NotIpAddress)
            || !asciiEqualsIgnoreCase(entry.key->key, "aws:SourceIp"))
        return;
    const bool negated = base == BaseOperator::NotIpAddress;
    std::vector<const Entry *> privateValues;
    bool anyPublic = false;
    for (const Entry &value : entry.values) {
        const auto range = value.value->isString() ? parseIpRange(value.text()) : std::nullopt;
        if (!range)
            continue; // INVALID_CONDITION_DATA_TYPE says so
        if (isPrivateV4(*range))
            privateValues.push_back(&value);
        else
            anyPublic = true;
    }
    if (privateValues.empty())
        return;
    if (!anyPublic) {
        if (negated)
            context.reportKey("PRIVATE_NOT_IP_ADDRESS", entry.pointer,
                    "aws:SourceIp holds public addresses only, so NotIpAddress with private "
                    "ranges only is always true and restricts nothing: use aws:VpcSourceIp "
                    "for addresses inside a VPC",
                    *entry.key);
        else
            context.reportKey("PRIVATE_IP_ADDRESS", entry.pointer,
                    "aws:SourceIp holds public addresses only, so private ranges never match: "
                    "use aws:VpcSourceIp for addresses inside a VPC",
                    *entry.key);
        return;
    }
    for (const Entry *value : privateValues)
        context.report(negated ? "PRIVATE_NOT_IP_ADDRESS_SUBSET" : "PRIVATE_IP_ADDRESS_SUBSET",
                value->pointer,
                "\"" + value->text()
                        + "\" is private, and aws:SourceIp holds public addresses only, so "
                          "this range "
                        + (negated ? "excludes" : "matches")
                        + " nothing: remove it, or test it with aws:VpcSourceIp in its own "
                          "condition",
                *value->value);
}

// A Bool value as written: a JSON boolean or the text true/false, any case.
std::optional<bool> boolValue(const json::Value &value)
{
    if (value.isBoolean())
        return value.boolean;
    if (!value.isString())
        return std::nullopt;
    if (asciiEqualsIgnoreCase(value.text, "true"))
        return true;
    if (asciiEqualsIgnoreCase(value.text, "false"))
        return false;
    return std::nullopt;
}

void checkMultipleBoolean(Context &context, const ConditionEntry &entry, OperatorFamily family)
{
    if (family != OperatorFamily::Bool)
        return;
    bool seenTrue = false;
    bool seenFalse = false;
    for (const Entry &value : entry.values) {
        const auto flag = boolValue(*value.value);
        seenTrue = seenTrue || (flag && *flag);
        seenFalse = seenFalse || (flag && !*flag);
    }
    if (seenTrue && seenFalse)
        context.report("INVALID_CONDITION_MULTIPLE_BOOLEAN", entry.pointer,
                "\"" + entry.key->key
                        + "\" is compared with both true and false, so the condition holds "
                          "whatever the value is: keep the one value you mean",
                entry.key->value);
}

// Parliament's BAD_PATTERN_FOR_MFA: aws:MultiFactorAuthPresent is absent, not false, for
// requests signed with long-term access keys (IAM User Guide, aws:MultiFactorAuthPresent).
void checkMfaPattern(Context &context, const StatementNode &statement, const ConditionEntry &entry,
        const ConditionOperator &op)
{
    const OperatorFamily family = operatorFamily(op.base);
    if (!asciiEqualsIgnoreCase(entry.key->key, "aws:MultiFactorAuthPresent")
            || (family != OperatorFamily::Bool && family != OperatorFamily::String)
            || isNegated(op.base) || op.qualifier != SetQualifier::None || entry.values.empty())
        return;
    bool allTrue = true;
    bool allFalse = true;
    for (const Entry &value : entry.values) {
        const auto flag = boolValue(*value.value);
        allTrue = allTrue && flag && *flag;
        allFalse = allFalse && flag && !*flag;
    }
    const std::string operatorText = entry.block->key;
    if (statement.isDeny() && allFalse && !op.ifExists)
        context.reportKey("BAD_PATTERN_FOR_MFA", entry.blockPointer,
                "requests signed with long-term access keys carry no aws:MultiFactorAuthPresent, "
                "so " + operatorText
                        + " false never matches them and this Deny lets them through: write "
                          "BoolIfExists, which also denies when the key is absent",
                *entry.block);
    else if (statement.isAllow() && allTrue && op.ifExists && grants(context.type))
        context.reportKey("BAD_PATTERN_FOR_MFA", entry.blockPointer,
                operatorText
                        + " also matches requests without aws:MultiFactorAuthPresent, such as "
                          "those signed with long-term access keys, which never use MFA: write "
                          "Bool so that only MFA sessions are allowed",
                *entry.block);
}

// The text a value is compared as: a JSON boolean or number as written.
std::string valueText(const json::Value &value)
{
    if (value.isBoolean())
        return value.boolean ? "true" : "false";
    return value.text;
}

// Values repeated under one key, and numeric bounds another value of the list covers (the
// values of one key are ORed, so only the loosest bound counts).
void checkRedundantValues(Context &context, const ConditionEntry &entry, BaseOperator base)
{
    if (entry.values.size() < 2)
        return;
    const std::string &key = entry.key->key;
    const OperatorFamily family = operatorFamily(base);
    const bool upper =
            base == BaseOperator::NumericLessThan || base == BaseOperator::NumericLessThanEquals;
    const bool lower = base == BaseOperator::NumericGreaterThan
            || base == BaseOperator::NumericGreaterThanEquals;
    if (upper || lower) {
        const Entry *loosest = nullptr;
        for (const Entry &value : entry.values)
            if (isDecimal(valueText(*value.value))
                    && (!loosest
                            || compareDecimal(valueText(*value.value), valueText(*loosest->value))
                                            * (upper ? 1 : -1)
                                    > 0))
                loosest = &value;
        for (const Entry &value : entry.values)
            if (&value != loosest && loosest && isDecimal(valueText(*value.value)))
                context.report("REDUNDANT_CONDITION_VALUE_NUM", value.pointer,
                        "\"" + valueText(*value.value) + "\" adds nothing: any value of " + key
                                + " it admits, \"" + valueText(*loosest->value)
                                + "\" admits too (the values are ORed); remove it",
                        *value.value);
        return;
    }
    if (family == OperatorFamily::Numeric) {
        // Compared as numbers ("10" and "10.0" are one value): sorted, so that a long list
        // costs n log n. A number's text is its literal; a boolean's is empty, no decimal.
        std::vector<const Entry *> numbers;
        for (const Entry &value : entry.values)
            if (isDecimal(value.value->text))
                numbers.push_back(&value);
        std::stable_sort(numbers.begin(), numbers.end(), [](const Entry *a, const Entry *b) {
            return compareDecimal(a->value->text, b->value->text) < 0;
        });
        for (size_t i = 1, first = 0; i < numbers.size(); ++i) {
            if (compareDecimal(numbers[i]->value->text, numbers[first]->value->text) != 0) {
                first = i;
                continue;
            }
            context.report("REDUNDANT_CONDITION_VALUE_NUM", numbers[i]->pointer,
                    "\"" + numbers[i]->text() + "\" equals \"" + numbers[first]->text()
                            + "\", listed before under " + key + ": remove this one",
                    *numbers[i]->value);
        }
        return;
    }
    const bool ignoreCase = family == OperatorFamily::StringIgnoreCase
            || family == OperatorFamily::Bool || family == OperatorFamily::Null;
    std::unordered_set<std::string> seen;
    for (const Entry &value : entry.values) {
        const std::string text = valueText(*value.value);
        if (!seen.insert(ignoreCase ? toAsciiLowercase(text) : text).second)
            context.report("REDUNDANT_CONDITION_VALUE_NUM", value.pointer,
                    "\"" + text + "\" is listed twice under " + key + ": remove this one",
                    *value.value);
    }
}

// Policy variables work only in Resource and in condition values; anywhere else IAM reads
// `${...}` as plain text.
void checkVariablesInElements(Context &context, const StatementNode &statement)
{
    const auto report = [&](const json::Value &value, const std::string &pointer,
                                std::string_view element) {
        if (value.isString() && value.text.find("${") != std::string::npos)
            context.report("VARIABLE_UNSUPPORTED_IN_ELEMENT", pointer,
                    "\"" + value.text + "\" holds a policy variable, which " + std::string(element)
                            + " reads as plain text (variables work only in Resource and "
                              "condition values): name it without the variable",
                    value);
    };
    for (const Entry &action : statement.actions)
        report(*action.value, action.pointer, statement.notAction ? "NotAction" : "Action");
    if (!statement.principal)
        return;
    const std::string principalPointer = statement.pointer + "/" + statement.principal->key;
    const auto each = [&](const json::Value &value, const std::string &pointer) {
        if (value.isArray())
            for (size_t i = 0; i < value.items.size(); ++i)
                report(value.items[i], pointer + "/" + std::to_string(i), statement.principal->key);
        else
            report(value, pointer, statement.principal->key);
    };
    const json::Value &principal = statement.principal->value;
    if (principal.isObject())
        for (const auto &member : principal.members)
            each(member.value, principalPointer + "/" + json::escapePointerToken(member.key));
    else
        each(principal, principalPointer);
}

} // namespace

bool keyNameReportedByConditionValues(std::string_view key)
{
    return isTagKeyWithoutTag(key) || findDeprecatedKey(key);
}

const CatalogAction *soleActionForConditionKey(const ActionCatalog &catalog, std::string_view key)
{
    // Built once from the embedded catalog: service key (lowercase) -> the one action that
    // sets it, or null when several do.
    static const auto index = [] {
        std::unordered_map<std::string, const CatalogAction *> keys;
        const auto add = [&](std::string_view name, const CatalogAction &action) {
            if (name.find_first_of("$<") != std::string_view::npos
                    || startsWithIgnoreCase(name, "aws:"))
                return;
            const auto [at, added] = keys.try_emplace(toAsciiLowercase(name), &action);
            if (!added && at->second != &action)
                at->second = nullptr;
        };
        for (const CatalogAction &action : ActionCatalog::instance().actions()) {
            for (const std::string_view name : action.conditionKeys)
                add(name, action);
            for (const CatalogActionResource &resource : action.resourceTypes) {
                for (const std::string_view name : resource.conditionKeys)
                    add(name, action);
                if (resource.type)
                    for (const std::string_view name : resource.type->conditionKeys)
                        add(name, action);
            }
        }
        return keys;
    }();
    if (&catalog != &ActionCatalog::instance())
        return nullptr;
    const auto found = index.find(toAsciiLowercase(key));
    return found == index.end() ? nullptr : found->second;
}

void checkConditionValues(Context &context)
{
    for (const StatementNode &statement : context.statements) {
        checkVariablesInElements(context, statement);
        for (const ConditionEntry &entry : statement.conditions) {
            checkKeyNames(context, statement, entry);
            if (!entry.op)
                continue; // an unknown operator: the parser reported it
            const OperatorFamily family = operatorFamily(entry.op->base);
            checkVpcIds(context, entry, family);
            checkPrivateAddresses(context, entry, entry.op->base);
            checkMultipleBoolean(context, entry, family);
            checkMfaPattern(context, statement, entry, *entry.op);
            checkRedundantValues(context, entry, entry.op->base);
        }
    }
}

} // namespace iamx::validation
