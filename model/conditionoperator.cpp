#include "conditionoperator.h"

#include <array>

namespace iamx {
namespace {

struct OperatorInfo
{
    BaseOperator op;
    std::string_view name;
    OperatorFamily family;
    bool negated;
};

// One table for names, families and polarity, so the three can never disagree.
constexpr std::array<OperatorInfo, 27> operatorTable { {
        { BaseOperator::StringEquals, "StringEquals", OperatorFamily::String, false },
        { BaseOperator::StringNotEquals, "StringNotEquals", OperatorFamily::String, true },
        { BaseOperator::StringEqualsIgnoreCase, "StringEqualsIgnoreCase",
                OperatorFamily::StringIgnoreCase, false },
        { BaseOperator::StringNotEqualsIgnoreCase, "StringNotEqualsIgnoreCase",
                OperatorFamily::StringIgnoreCase, true },
        { BaseOperator::StringLike, "StringLike", OperatorFamily::StringLike, false },
        { BaseOperator::StringNotLike, "StringNotLike", OperatorFamily::StringLike, true },
        { BaseOperator::NumericEquals, "NumericEquals", OperatorFamily::Numeric, false },
        { BaseOperator::NumericNotEquals, "NumericNotEquals", OperatorFamily::Numeric, true },
        { BaseOperator::NumericLessThan, "NumericLessThan", OperatorFamily::Numeric, false },
        { BaseOperator::NumericLessThanEquals, "NumericLessThanEquals", OperatorFamily::Numeric,
                false },
        { BaseOperator::NumericGreaterThan, "NumericGreaterThan", OperatorFamily::Numeric, false },
        { BaseOperator::NumericGreaterThanEquals, "NumericGreaterThanEquals",
                OperatorFamily::Numeric, false },
        { BaseOperator::DateEquals, "DateEquals", OperatorFamily::Date, false },
        { BaseOperator::DateNotEquals, "DateNotEquals", OperatorFamily::Date, true },
        { BaseOperator::DateLessThan, "DateLessThan", OperatorFamily::Date, false },
        { BaseOperator::DateLessThanEquals, "DateLessThanEquals", OperatorFamily::Date, false },
        { BaseOperator::DateGreaterThan, "DateGreaterThan", OperatorFamily::Date, false },
        { BaseOperator::DateGreaterThanEquals, "DateGreaterThanEquals", OperatorFamily::Date,
                false },
        { BaseOperator::Bool, "Bool", OperatorFamily::Bool, false },
        { BaseOperator::BinaryEquals, "BinaryEquals", OperatorFamily::Binary, false },
        { BaseOperator::IpAddress, "IpAddress", OperatorFamily::Ip, false },
        { BaseOperator::NotIpAddress, "NotIpAddress", OperatorFamily::Ip, true },
        { BaseOperator::ArnEquals, "ArnEquals", OperatorFamily::Arn, false },
        { BaseOperator::ArnLike, "ArnLike", OperatorFamily::Arn, false },
        { BaseOperator::ArnNotEquals, "ArnNotEquals", OperatorFamily::Arn, true },
        { BaseOperator::ArnNotLike, "ArnNotLike", OperatorFamily::Arn, true },
        { BaseOperator::Null, "Null", OperatorFamily::Null, false },
} };

const OperatorInfo &info(BaseOperator op)
{
    return operatorTable[static_cast<size_t>(op)];
}

} // namespace

std::optional<ConditionOperator> parseConditionOperator(std::string_view name)
{
    ConditionOperator result;
    if (name.starts_with("ForAllValues:")) {
        result.qualifier = SetQualifier::ForAllValues;
        name.remove_prefix(13);
    } else if (name.starts_with("ForAnyValue:")) {
        result.qualifier = SetQualifier::ForAnyValue;
        name.remove_prefix(12);
    }
    if (name.ends_with("IfExists")) {
        result.ifExists = true;
        name.remove_suffix(8);
    }
    for (const auto &entry : operatorTable) {
        if (entry.name == name) {
            if (entry.op == BaseOperator::Null && result.ifExists)
                return std::nullopt; // Null has no IfExists form
            result.base = entry.op;
            return result;
        }
    }
    return std::nullopt;
}

std::string_view baseOperatorName(BaseOperator op)
{
    return info(op).name;
}

OperatorFamily operatorFamily(BaseOperator op)
{
    return info(op).family;
}

bool isNegated(BaseOperator op)
{
    return info(op).negated;
}

bool acceptsVariables(BaseOperator op)
{
    const OperatorFamily family = operatorFamily(op);
    return family == OperatorFamily::String || family == OperatorFamily::StringIgnoreCase
            || family == OperatorFamily::StringLike || family == OperatorFamily::Arn
            || family == OperatorFamily::Bool;
}

} // namespace iamx
