#include "conditioncompiler.h"

#include "model/base64.h"
#include "model/casefold.h"
#include "model/decimal.h"

namespace iamx {
namespace {

std::optional<bool> parseBoolText(std::string_view text)
{
    if (equalsIgnoreCase(text, "true"))
        return true;
    if (equalsIgnoreCase(text, "false"))
        return false;
    return std::nullopt;
}

} // namespace

ConditionValue compileConditionValue(const ConditionOperator &op, std::string_view text,
        bool variablesEnabled, std::vector<TemplateProblem> &problems)
{
    ConditionValue result;
    result.text = std::string(text);
    const bool variables = variablesEnabled && acceptsVariables(op.base);
    const auto unusable = [&](std::string code, std::string why) {
        result.usable = false;
        problems.push_back({ std::move(code),
                "\"" + result.text + "\" " + why + " for " + std::string(baseOperatorName(op.base))
                        + ": this value never matches",
                0 });
    };
    switch (operatorFamily(op.base)) {
    case OperatorFamily::String:
    case OperatorFamily::StringIgnoreCase:
        result.pattern =
                ValueTemplate::compile(result.text, variables, WildcardMode::Literal, &problems);
        break;
    case OperatorFamily::StringLike:
        result.pattern =
                ValueTemplate::compile(result.text, variables, WildcardMode::Glob, &problems);
        break;
    case OperatorFamily::Numeric:
        if (!isDecimal(result.text))
            unusable("INVALID_CONDITION_DATA_TYPE", "is not a decimal number");
        break;
    case OperatorFamily::Date:
        if (const auto instant = parseInstant(result.text))
            result.instant = *instant;
        else
            unusable("INVALID_DATE_VALUE", "is not an ISO 8601 date or epoch seconds");
        break;
    case OperatorFamily::Bool:
        result.pattern =
                ValueTemplate::compile(result.text, variables, WildcardMode::Literal, &problems);
        if (result.pattern.hasVariables())
            problems.push_back({ "INVALID_VARIABLE_FOR_OPERATOR",
                    "policy variables in Bool values are documented inconsistently; this one "
                    "is resolved and read as true or false",
                    0 });
        else if (!parseBoolText(result.text))
            unusable("INVALID_CONDITION_DATA_TYPE", "is not true or false");
        break;
    case OperatorFamily::Binary:
        if (auto bytes = decodeBase64(result.text))
            result.bytes = std::move(*bytes);
        else
            unusable("INVALID_CONDITION_DATA_TYPE", "is not base-64");
        break;
    case OperatorFamily::Ip:
        if (const auto range = parseIpRange(result.text))
            result.range = *range;
        else
            unusable("INVALID_CONDITION_DATA_TYPE", "is not an IPv4 or IPv6 address or range");
        break;
    case OperatorFamily::Arn: {
        const auto parts = splitOutsideVariables(result.text, ':', 6);
        if (parts.size() < 6) {
            unusable("INVALID_CONDITION_DATA_TYPE", "has fewer than six ARN components");
            break;
        }
        for (const auto part : parts)
            result.arnComponents.push_back(
                    ValueTemplate::compile(part, variables, WildcardMode::Glob, &problems));
        break;
    }
    case OperatorFamily::Null:
        if (const auto flag = parseBoolText(result.text))
            result.boolean = *flag;
        else
            unusable("INVALID_CONDITION_DATA_TYPE", "is not true or false");
        break;
    }
    return result;
}

} // namespace iamx
