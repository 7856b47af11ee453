#include "statementsummary.h"

#include "model/json.h"

namespace iamx {

namespace {

/// The strings of a value that is a string or an array of them (others are skipped).
std::vector<std::string> strings(const json::Value *value)
{
    std::vector<std::string> result;
    if (!value)
        return result;
    if (value->isString())
        result.push_back(value->text);
    for (const auto &item : value->items)
        if (item.isString())
            result.push_back(item.text);
    return result;
}

/// `a, b, c …and 4 more`.
std::string list(const std::vector<std::string> &items, size_t maxItems)
{
    std::string text;
    const size_t shown = std::min(items.size(), std::max<size_t>(maxItems, 1));
    for (size_t i = 0; i < shown; ++i) {
        if (i)
            text += ", ";
        text += items[i];
    }
    if (shown < items.size())
        text += " …and " + std::to_string(items.size() - shown) + " more";
    return text;
}

/// The principals of a Principal value: `"*"`, or the strings under its AWS, Service, ... keys.
std::vector<std::string> principals(const json::Value &value)
{
    if (value.isString())
        return { value.text };
    std::vector<std::string> result;
    for (const auto &member : value.members)
        for (auto &each : strings(&member.value))
            result.push_back(std::move(each));
    return result;
}

StatementSummary summarize(const json::Value &statement, int index, size_t maxItems)
{
    StatementSummary summary;
    summary.index = index;
    if (const json::Value *sid = statement.find("Sid"); sid && sid->isString())
        summary.sid = sid->text;
    const json::Value *effect = statement.find("Effect");
    summary.deny = effect && effect->isString() && effect->text == "Deny";
    std::string &text = summary.text;
    text = summary.deny ? "Deny" : "Allow";

    const json::Value *principal = statement.find("Principal");
    const json::Value *notPrincipal = statement.find("NotPrincipal");
    if (principal || notPrincipal) {
        text += notPrincipal ? " all but " : " ";
        text += list(principals(notPrincipal ? *notPrincipal : *principal), maxItems);
        text += " to";
    }

    const json::Value *notAction = statement.find("NotAction");
    const auto actions = strings(notAction ? notAction : statement.find("Action"));
    text += notAction ? " all actions but " : " ";
    text += actions.empty() ? std::string("no action") : list(actions, maxItems);

    const json::Value *notResource = statement.find("NotResource");
    const auto resources = strings(notResource ? notResource : statement.find("Resource"));
    if (!resources.empty() || notResource) {
        text += notResource ? " on all but " : " on ";
        text += list(resources, maxItems);
    }

    if (const json::Value *condition = statement.find("Condition"); condition) {
        std::vector<std::string> keys;
        for (const auto &op : condition->members)
            for (const auto &key : op.value.members)
                keys.push_back(key.key);
        if (!keys.empty())
            text += " if " + list(keys, maxItems);
    }
    return summary;
}

} // namespace

PolicySummary summarizePolicy(std::string_view document, size_t maxItems)
{
    PolicySummary result;
    const auto read = json::read(document);
    if (!read.value) {
        result.problem = "not JSON: " + (read.error ? read.error->message : std::string());
        return result;
    }
    const json::Value *statements = read.value->find("Statement");
    if (!statements) {
        result.problem = read.value->isObject() ? "no Statement" : "not a JSON object";
        return result;
    }
    if (statements->isObject()) {
        result.statements.push_back(summarize(*statements, 0, maxItems));
        return result;
    }
    if (!statements->isArray()) {
        result.problem = "Statement is neither an object nor an array";
        return result;
    }
    for (size_t i = 0; i < statements->items.size(); ++i)
        if (statements->items[i].isObject())
            result.statements.push_back(
                    summarize(statements->items[i], static_cast<int>(i), maxItems));
    return result;
}

} // namespace iamx
