// The validator's check across the statements of one document: a statement another one covers
// (same effect, principal and condition; no more actions and no more resources) adds nothing.

#include "model/casefold.h"
#include "model/validationcontext.h"

#include <algorithm>

namespace iamx::validation {
namespace {

// A canonical text of a JSON value: object members sorted by key, array items sorted (policy
// lists are sets), numbers and strings as written.
std::string canonical(const json::Value &value)
{
    switch (value.type) {
    case json::Type::Null:
        return "null";
    case json::Type::Boolean:
        return value.boolean ? "true" : "false";
    case json::Type::Number:
        return value.text;
    case json::Type::String: {
        std::string out;
        json::appendQuoted(out, value.text);
        return out;
    }
    case json::Type::Array: {
        std::vector<std::string> items;
        for (const auto &item : value.items)
            items.push_back(canonical(item));
        std::sort(items.begin(), items.end());
        items.erase(std::unique(items.begin(), items.end()), items.end());
        if (items.size() == 1)
            return items.front(); // ["x"] and "x" mean the same
        std::string out = "[";
        for (const auto &item : items)
            out += item + ",";
        return out + "]";
    }
    case json::Type::Object: {
        std::vector<std::string> members;
        for (const auto &member : value.members) {
            std::string text;
            json::appendQuoted(text, member.key);
            members.push_back(text + ":" + canonical(member.value));
        }
        std::sort(members.begin(), members.end());
        std::string out = "{";
        for (const auto &member : members)
            out += member + ",";
        return out + "}";
    }
    }
    return {};
}

std::string canonicalMember(const json::Member *member)
{
    return member ? member->key + "=" + canonical(member->value) : std::string();
}

bool actionsCovered(const Context &context, size_t inner, size_t outer)
{
    const auto &outerExpansions = context.expansions[outer];
    if (std::any_of(outerExpansions.begin(), outerExpansions.end(),
                [](const Expansion &e) { return e.all; }))
        return true;
    if (context.actionsKnown(inner) && context.actionsKnown(outer)) {
        const auto &mine = context.actionUnion(inner);
        const auto &theirs = context.actionUnion(outer);
        return std::includes(theirs.begin(), theirs.end(), mine.begin(), mine.end());
    }
    // Without the catalog's help: every entry is one the other statement's patterns match.
    const auto &outerEntries = context.statements[outer].actions;
    for (const Entry &entry : context.statements[inner].actions) {
        const bool covered =
                std::any_of(outerEntries.begin(), outerEntries.end(), [&](const Entry &o) {
                    return asciiEqualsIgnoreCase(o.text(), entry.text())
                            || (entry.text().find_first_of("*?") == std::string::npos
                                    && actionPatternMatches(o.text(), entry.text()));
                });
        if (!covered)
            return false;
    }
    return true;
}

bool resourcesCovered(
        const std::vector<CoverPattern> &inner, const std::vector<CoverPattern> &outer)
{
    return std::all_of(inner.begin(), inner.end(), [&](const CoverPattern &pattern) {
        return std::any_of(outer.begin(), outer.end(),
                [&](const CoverPattern &o) { return o.covers(pattern); });
    });
}

} // namespace

void checkRedundantStatements(Context &context)
{
    const auto &statements = context.statements;
    if (statements.size() < 2)
        return;
    struct Shape
    {
        bool usable = false;
        std::string frame; ///< effect, principal and condition, canonical
        std::string whole; ///< everything but the Sid, canonical
    };
    std::vector<Shape> shapes(statements.size());
    std::vector<std::vector<CoverPattern>> patterns(statements.size());
    for (size_t s = 0; s < statements.size(); ++s) {
        const StatementNode &statement = statements[s];
        if (!statement.value->isObject() || !(statement.isAllow() || statement.isDeny())
                || !statement.action || !statement.resource || statement.actions.empty())
            continue;
        shapes[s].usable = true;
        for (const Entry &entry : statement.resources)
            patterns[s].emplace_back(entry.text());
        shapes[s].frame = statement.effect->text + "|" + canonicalMember(statement.principal) + "|"
                + canonicalMember(statement.condition);
        shapes[s].whole = shapes[s].frame + "|" + canonicalMember(statement.action) + "|"
                + canonicalMember(statement.resource);
    }
    for (size_t s = 0; s < statements.size(); ++s) {
        if (!shapes[s].usable)
            continue;
        const StatementNode &statement = statements[s];
        for (size_t other = 0; other < statements.size(); ++other) {
            if (other == s || !shapes[other].usable || shapes[other].frame != shapes[s].frame)
                continue;
            const StatementNode &outer = statements[other];
            bool covered = shapes[other].whole == shapes[s].whole;
            if (!covered && !statement.notAction && !outer.notAction && !statement.notResource
                    && !outer.notResource)
                covered = actionsCovered(context, s, other)
                        && resourcesCovered(patterns[s], patterns[other]);
            if (!covered)
                continue;
            // Two statements that cover each other: the first stays.
            const bool mutual = shapes[other].whole == shapes[s].whole
                    || (!statement.notAction && !outer.notAction && !statement.notResource
                            && !outer.notResource && actionsCovered(context, other, s)
                            && resourcesCovered(patterns[other], patterns[s]));
            if (mutual && other > s)
                continue;
            std::string name = outer.pointer;
            if (outer.sid && outer.sid->isString() && !outer.sid->text.empty())
                name += " (\"" + outer.sid->text + "\")";
            context.report("REDUNDANT_STATEMENT", statement.pointer,
                    mutual ? "this statement repeats " + name + ": remove one of them"
                           : "this statement grants or denies nothing that " + name
                                    + " does not: remove it",
                    *statement.value);
            break;
        }
    }
}

} // namespace iamx::validation
