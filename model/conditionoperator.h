#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Condition operator names (iam-evaluation.md §7.3, §10a): an optional set qualifier, one of
// the 26 base operators or Null, and an optional IfExists.

namespace iamx {

enum class BaseOperator : std::uint8_t {
    StringEquals,
    StringNotEquals,
    StringEqualsIgnoreCase,
    StringNotEqualsIgnoreCase,
    StringLike,
    StringNotLike,
    NumericEquals,
    NumericNotEquals,
    NumericLessThan,
    NumericLessThanEquals,
    NumericGreaterThan,
    NumericGreaterThanEquals,
    DateEquals,
    DateNotEquals,
    DateLessThan,
    DateLessThanEquals,
    DateGreaterThan,
    DateGreaterThanEquals,
    Bool,
    BinaryEquals,
    IpAddress,
    NotIpAddress,
    ArnEquals,
    ArnLike,
    ArnNotEquals,
    ArnNotLike,
    Null,
};

/// How the operator reads its values.
enum class OperatorFamily : std::uint8_t {
    String,
    StringIgnoreCase,
    StringLike,
    Numeric,
    Date,
    Bool,
    Binary,
    Ip,
    Arn,
    Null
};

enum class SetQualifier : std::uint8_t { None, ForAllValues, ForAnyValue };

struct ConditionOperator
{
    BaseOperator base = BaseOperator::StringEquals;
    SetQualifier qualifier = SetQualifier::None;
    bool ifExists = false;
};

/// Parses an operator name as written in a policy (case-sensitive, as IAM reads it).
std::optional<ConditionOperator> parseConditionOperator(std::string_view name);

/// The operator's name without qualifier or IfExists, e.g. "StringNotLike".
std::string_view baseOperatorName(BaseOperator op);

OperatorFamily operatorFamily(BaseOperator op);

/// True for the negated operators (`...Not...`, `NotIpAddress`), whose values are NORed and
/// which are true when the key is absent (iam-evaluation.md §7.1, §7.2).
bool isNegated(BaseOperator op);

/// True when the operator's values may hold policy variables: String and ARN operators, and
/// Bool, which the documentation disagrees on (iam-evaluation.md §12 item 4: accept, warn).
bool acceptsVariables(BaseOperator op);

} // namespace iamx
