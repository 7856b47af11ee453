#include "conditionevaluator.h"

#include "model/arn.h"
#include "model/casefold.h"
#include "model/decimal.h"

namespace iamx {
namespace {

enum class Comparison { Match, NoMatch, Unresolved, Unparsable };

std::optional<bool> parseBoolValue(std::string_view text)
{
    if (equalsIgnoreCase(text, "true"))
        return true;
    if (equalsIgnoreCase(text, "false"))
        return false;
    return std::nullopt;
}

bool numericHolds(BaseOperator op, int order)
{
    switch (op) {
    case BaseOperator::NumericEquals:
    case BaseOperator::NumericNotEquals: // compared as its positive counterpart
    case BaseOperator::DateEquals:
    case BaseOperator::DateNotEquals:
        return order == 0;
    case BaseOperator::NumericLessThan:
    case BaseOperator::DateLessThan:
        return order < 0;
    case BaseOperator::NumericLessThanEquals:
    case BaseOperator::DateLessThanEquals:
        return order <= 0;
    case BaseOperator::NumericGreaterThan:
    case BaseOperator::DateGreaterThan:
        return order > 0;
    case BaseOperator::NumericGreaterThanEquals:
    case BaseOperator::DateGreaterThanEquals:
        return order >= 0;
    default:
        return false;
    }
}

// The positive test of one request value against one policy value: for a negated operator,
// the test of its positive counterpart (StringNotEquals -> equal?).
Comparison compareOne(const Condition &condition, const ConditionValue &value,
        std::string_view actual, const RequestContext &context, MatchScratch &scratch)
{
    const BaseOperator op = condition.op.base;
    // A request value that does not parse never satisfies, whatever the polarity; that is
    // decided first. A policy value that does not parse is stored by AWS but matches nothing
    // (scenario-format.md), so a negated operator holds against it -- except for Numeric,
    // where §7.3 says an unparsable value on either side never satisfies the condition.
    const Comparison brokenPolicyValue = Comparison::NoMatch;
    switch (operatorFamily(op)) {
    case OperatorFamily::String:
    case OperatorFamily::StringIgnoreCase: {
        const std::string *expected = &value.pattern.literal();
        if (value.pattern.hasVariables()) {
            if (!value.pattern.resolveText(context, scratch.text))
                return Comparison::Unresolved;
            expected = &scratch.text;
        }
        const bool equal = operatorFamily(op) == OperatorFamily::String
                ? actual == *expected
                : equalsIgnoreCase(actual, *expected);
        return equal ? Comparison::Match : Comparison::NoMatch;
    }
    case OperatorFamily::StringLike: {
        bool unresolved = false;
        const bool matched = matchTemplate(value.pattern, actual, context, scratch, unresolved);
        if (unresolved)
            return Comparison::Unresolved;
        return matched ? Comparison::Match : Comparison::NoMatch;
    }
    case OperatorFamily::Numeric:
        if (!isDecimal(actual) || !value.usable)
            return Comparison::Unparsable;
        return numericHolds(op, compareDecimal(actual, value.text)) ? Comparison::Match
                                                                    : Comparison::NoMatch;
    case OperatorFamily::Date: {
        const auto instant = parseInstant(actual);
        if (!instant)
            return Comparison::Unparsable;
        if (!value.usable)
            return brokenPolicyValue;
        const int order = *instant < value.instant ? -1 : (*instant == value.instant ? 0 : 1);
        return numericHolds(op, order) ? Comparison::Match : Comparison::NoMatch;
    }
    case OperatorFamily::Bool: {
        std::optional<bool> expected;
        if (value.pattern.hasVariables()) {
            if (!value.pattern.resolveText(context, scratch.text))
                return Comparison::Unresolved;
            expected = parseBoolValue(scratch.text);
        } else {
            expected = parseBoolValue(value.text);
        }
        const auto given = parseBoolValue(actual);
        if (!given)
            return Comparison::Unparsable;
        if (!expected || !value.usable)
            return brokenPolicyValue;
        return *expected == *given ? Comparison::Match : Comparison::NoMatch;
    }
    case OperatorFamily::Binary:
        // The policy holds base-64; the request holds the key's bytes themselves (§7.3).
        if (!value.usable)
            return brokenPolicyValue;
        return actual == value.bytes ? Comparison::Match : Comparison::NoMatch;
    case OperatorFamily::Ip: {
        const auto address = parseIpRange(actual);
        if (!address)
            return Comparison::Unparsable;
        if (!value.usable)
            return brokenPolicyValue;
        return rangeContains(value.range, *address) ? Comparison::Match : Comparison::NoMatch;
    }
    case OperatorFamily::Arn: {
        const auto parts = parseArn(actual);
        if (!parts)
            return Comparison::Unparsable;
        if (!value.usable)
            return brokenPolicyValue;
        for (int i = 0; i < 6; ++i) {
            bool unresolved = false;
            const bool matched = matchTemplate(value.arnComponents[static_cast<size_t>(i)],
                    parts->component(i), context, scratch, unresolved);
            if (unresolved)
                return Comparison::Unresolved;
            if (!matched)
                return Comparison::NoMatch;
        }
        return Comparison::Match;
    }
    case OperatorFamily::Null:
        return Comparison::Unparsable; // Null is decided on presence, never here
    }
    return Comparison::Unparsable;
}

// The single-value test of §7.4: a positive operator holds when the value matches one of the
// policy values; a negated one when it matches none. A request value that cannot be parsed
// never satisfies, whatever the polarity (§7.3); a policy value that cannot be parsed, and a
// variable that cannot be resolved, match nothing, so negated operators hold against them.
bool singleValueHolds(const Condition &condition, std::string_view actual,
        const RequestContext &context, MatchScratch &scratch)
{
    const bool negated = isNegated(condition.op.base);
    for (const auto &value : condition.values) {
        const Comparison c = compareOne(condition, value, actual, context, scratch);
        if (!negated && c == Comparison::Match)
            return true;
        if (negated && (c == Comparison::Match || c == Comparison::Unparsable))
            return false;
    }
    return negated;
}

bool isEmptyValueSet(const ContextEntry &entry)
{
    for (const auto &v : entry.values)
        if (!v.empty())
            return false;
    return true;
}

const char *absentNote(const Condition &condition, bool result)
{
    if (condition.op.qualifier == SetQualifier::ForAllValues)
        return "key absent: ForAllValues is true for an absent key";
    if (condition.op.qualifier == SetQualifier::ForAnyValue)
        return result ? "key absent: true because of IfExists"
                      : "key absent: ForAnyValue is false for an absent key";
    if (condition.op.ifExists)
        return "key absent: true because of IfExists";
    return isNegated(condition.op.base) ? "key absent: a negated operator is true"
                                        : "key absent: a positive operator is false";
}

bool evaluate(const Condition &condition, const ContextEntry *entry, const RequestContext &context,
        MatchScratch &scratch, std::string *note)
{
    const auto say = [note](const char *text) {
        if (note)
            *note = text;
    };
    if (condition.values.empty()) {
        say("the policy gives no values: never true");
        return false;
    }
    if (condition.op.base == BaseOperator::Null) {
        // Null asks whether the key is absent; an empty value or list counts as absent.
        const bool absent = !entry || isEmptyValueSet(*entry);
        for (const auto &value : condition.values)
            if (value.usable && value.boolean == absent)
                return true;
        say(absent ? "key absent (or empty)" : "key present");
        return false;
    }
    if (!entry) {
        const bool result = condition.op.qualifier == SetQualifier::ForAllValues
                || condition.op.ifExists
                || (condition.op.qualifier == SetQualifier::None && isNegated(condition.op.base));
        say(absentNote(condition, result));
        return result;
    }
    switch (condition.op.qualifier) {
    case SetQualifier::None:
        if (entry->multiValued) {
            // Undocumented; read as iam-simulate does (iam-evaluation.md §7.4).
            say("a plain operator on a multi-valued key is false; use ForAnyValue or "
                "ForAllValues");
            return false;
        }
        return singleValueHolds(condition, entry->values.front(), context, scratch);
    case SetQualifier::ForAllValues:
        for (const auto &v : entry->values)
            if (!v.empty() && !singleValueHolds(condition, v, context, scratch))
                return false;
        if (isEmptyValueSet(*entry))
            say("empty value set: ForAllValues is true");
        return true;
    case SetQualifier::ForAnyValue:
        for (const auto &v : entry->values)
            if (!v.empty() && singleValueHolds(condition, v, context, scratch))
                return true;
        if (isEmptyValueSet(*entry))
            say("empty value set: ForAnyValue is false");
        return false;
    }
    return false;
}

} // namespace

bool matchTemplate(const ValueTemplate &pattern, std::string_view text,
        const RequestContext &context, MatchScratch &scratch, bool &unresolved)
{
    if (!pattern.hasVariables())
        return globMatch(pattern.units(), text);
    if (!pattern.resolveUnits(context, scratch.units)) {
        unresolved = true;
        return false;
    }
    return globMatch(scratch.units, text);
}

bool evaluateCondition(const Condition &condition, const RequestContext &context,
        MatchScratch &scratch, ConditionExplanation *trace)
{
    const ContextEntry *entry = context.find(condition.lowerKey);
    if (!trace)
        return evaluate(condition, entry, context, scratch, nullptr);

    trace->operatorText = condition.operatorText;
    trace->key = condition.key;
    trace->pointer = condition.pointer;
    trace->keyPresent = entry != nullptr;
    trace->multiValued = entry && entry->multiValued;
    if (entry)
        trace->actual = entry->values;
    for (const auto &value : condition.values) {
        std::string shown = value.text;
        if (value.pattern.hasVariables()) {
            shown = value.pattern.resolveText(context, scratch.text)
                    ? scratch.text
                    : value.text + " (unresolved variable)";
        }
        if (!value.usable)
            shown += " (invalid for " + std::string(baseOperatorName(condition.op.base)) + ")";
        trace->expected.push_back(std::move(shown));
    }
    trace->satisfied = evaluate(condition, entry, context, scratch, &trace->note);
    return trace->satisfied;
}

} // namespace iamx
