#include "completionsite.h"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

namespace iamx {
namespace {

// ---------------------------------------------------------------------------------------------
// A tolerant tokenizer: JSON's punctuation, strings and bare words, each with its byte range.

enum class TokenType : std::uint8_t {
    BeginObject,
    EndObject,
    BeginArray,
    EndArray,
    Colon,
    Comma,
    String,
    Word,
    End
};

struct Token
{
    TokenType type = TokenType::End;
    size_t start = 0; ///< first byte (the opening quote of a string)
    size_t end = 0; ///< just past the last byte
    size_t contentStart = 0; ///< String, Word: the text without quotes
    size_t contentEnd = 0;
    bool closed = false; ///< String: ended by a quote (not by the end of its line)
};

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isPunctuation(char c)
{
    return c == '{' || c == '}' || c == '[' || c == ']' || c == ':' || c == ',' || c == '"';
}

class Tokenizer
{
public:
    explicit Tokenizer(std::string_view text)
        : m_text(text)
    {
    }

    Token next()
    {
        while (m_pos < m_text.size() && isSpace(m_text[m_pos]))
            ++m_pos;
        Token token;
        token.start = m_pos;
        if (m_pos >= m_text.size()) {
            token.end = m_pos;
            return token;
        }
        const char c = m_text[m_pos];
        switch (c) {
        case '{':
            return single(token, TokenType::BeginObject);
        case '}':
            return single(token, TokenType::EndObject);
        case '[':
            return single(token, TokenType::BeginArray);
        case ']':
            return single(token, TokenType::EndArray);
        case ':':
            return single(token, TokenType::Colon);
        case ',':
            return single(token, TokenType::Comma);
        case '"':
            return string(token);
        default:
            break;
        }
        token.type = TokenType::Word;
        size_t i = m_pos;
        while (i < m_text.size() && !isSpace(m_text[i]) && !isPunctuation(m_text[i]))
            ++i;
        token.contentStart = m_pos;
        token.contentEnd = token.end = m_pos = i;
        return token;
    }

private:
    Token single(Token &token, TokenType type)
    {
        token.type = type;
        token.end = ++m_pos;
        return token;
    }

    // A string that is not closed on its line is being typed: it ends at the line's end, so
    // that the lines after it still read as they are.
    Token string(Token &token)
    {
        token.type = TokenType::String;
        token.contentStart = m_pos + 1;
        size_t i = m_pos + 1;
        while (i < m_text.size() && m_text[i] != '"' && m_text[i] != '\n') {
            if (m_text[i] == '\\' && i + 1 < m_text.size() && m_text[i + 1] != '\n')
                ++i;
            ++i;
        }
        token.contentEnd = std::min(i, m_text.size());
        token.closed = i < m_text.size() && m_text[i] == '"';
        token.end = m_pos = token.closed ? i + 1 : token.contentEnd;
        return token;
    }

    std::string_view m_text;
    size_t m_pos = 0;
};

// ---------------------------------------------------------------------------------------------
// The containers open at a point of the text, and what each is in a policy.

enum class Role : std::uint8_t { Other, Root, Statement, Principal, Condition, OperatorBlock };

constexpr size_t noStatement = static_cast<size_t>(-1);

struct Frame
{
    bool object = true;
    Role role = Role::Other;
    size_t id = 0;
    size_t statement = noStatement; ///< id of the statement frame this one is in
    Role holderRole = Role::Other; ///< the role of the object holding this container
    std::string holderKey; ///< the key of the member holding it (arrays: its member's)
    enum class State : std::uint8_t { Key, Colon, Value, Comma } state = State::Key;
    std::string key; ///< objects: the key of the member being read
};

/// The role of an object that is the value of member `key` of an object of role `holder`
/// (directly, or as an element of an array that is that value).
Role childRole(Role holder, std::string_view key, bool inArray)
{
    switch (holder) {
    case Role::Root:
        return key == "Statement" ? Role::Statement : Role::Other;
    case Role::Statement:
        if (inArray)
            return Role::Other;
        if (key == "Principal" || key == "NotPrincipal")
            return Role::Principal;
        return key == "Condition" ? Role::Condition : Role::Other;
    case Role::Condition:
        return inArray ? Role::Other : Role::OperatorBlock;
    default:
        return Role::Other;
    }
}

CompletionContext valueContext(Role holder, std::string_view key)
{
    if (holder == Role::Root && key == "Version")
        return CompletionContext::VersionValue;
    if (holder == Role::OperatorBlock)
        return CompletionContext::ConditionValue;
    if (holder == Role::Principal)
        return CompletionContext::PrincipalValue;
    if (holder != Role::Statement)
        return CompletionContext::None;
    if (key == "Effect")
        return CompletionContext::EffectValue;
    if (key == "Action" || key == "NotAction")
        return CompletionContext::ActionValue;
    if (key == "Resource" || key == "NotResource")
        return CompletionContext::ResourceValue;
    if (key == "Principal" || key == "NotPrincipal")
        return CompletionContext::PrincipalValue; // the string form: "*"
    if (key == "Sid")
        return CompletionContext::SidValue;
    return CompletionContext::None;
}

/// Where the `${` of a policy variable still open at the end of `prefix` starts.
std::optional<size_t> openVariableIn(std::string_view prefix)
{
    const size_t at = prefix.rfind("${");
    if (at == std::string_view::npos || prefix.find('}', at) != std::string_view::npos)
        return std::nullopt;
    return at;
}

CompletionContext keyContext(Role role)
{
    switch (role) {
    case Role::Root:
        return CompletionContext::TopLevelKey;
    case Role::Statement:
        return CompletionContext::StatementKey;
    case Role::Principal:
        return CompletionContext::PrincipalKey;
    case Role::Condition:
        return CompletionContext::ConditionOperator;
    case Role::OperatorBlock:
        return CompletionContext::ConditionKey;
    case Role::Other:
        break;
    }
    return CompletionContext::None;
}

/// Where a token (or the cursor between tokens) stands in the frame on top of the stack.
struct Position
{
    enum class Kind : std::uint8_t { None, Key, Value } kind = Kind::None;
    CompletionContext context = CompletionContext::None;
};

/// `token`: true for a string or word about to be read, false for the cursor between tokens.
/// After a member's value a string is taken for the next key (the comma not typed yet), but
/// the cursor is not offered keys there: a key inserted there would need the comma first.
Position positionIn(const std::vector<Frame> &stack, bool token)
{
    if (stack.empty())
        return {};
    const Frame &top = stack.back();
    using State = Frame::State;
    if (top.object) {
        if (top.state == State::Key || (token && top.state == State::Comma))
            return { Position::Kind::Key, keyContext(top.role) };
        if (top.state == State::Value)
            return { Position::Kind::Value, valueContext(top.role, top.key) };
        return {};
    }
    if (top.state == State::Comma && !token)
        return {};
    return { Position::Kind::Value, valueContext(top.holderRole, top.holderKey) };
}

struct StatementFacts
{
    std::vector<std::string> actions;
    bool notAction = false;
    std::string effect;
    std::vector<std::string> servicePrincipals;
};

/// The member key a value at the top of `stack` is of: the object's current key, or the
/// key holding the array.
const std::string &memberKey(const Frame &top)
{
    return top.object ? top.key : top.holderKey;
}

/// Reads the whole text once, noting where the cursor is and the facts around it.
class Scanner
{
public:
    Scanner(std::string_view text, size_t cursor)
        : m_text(text)
        , m_cursor(std::min(cursor, text.size()))
    {
    }

    CompletionSite run()
    {
        Tokenizer tokenizer(m_text);
        for (;;) {
            const Token token = tokenizer.next();
            // At a token's first byte the cursor is before it, except in a bare word.
            if (!m_found
                    && (m_cursor < token.start
                            || (m_cursor == token.start && token.type != TokenType::Word)))
                resolveBetween();
            if (!m_found && (token.type == TokenType::String || token.type == TokenType::Word)
                    && containsCursor(token))
                resolveIn(token);
            if (token.type == TokenType::End)
                break;
            process(token);
        }
        if (!m_found)
            resolveBetween();
        if (auto it = m_statements.find(m_targetStatement);
                m_site.context != CompletionContext::None && it != m_statements.end()) {
            m_site.actions = std::move(it->second.actions);
            m_site.notAction = it->second.notAction;
            m_site.effect = std::move(it->second.effect);
            m_site.servicePrincipals = std::move(it->second.servicePrincipals);
        }
        return std::move(m_site);
    }

private:
    bool containsCursor(const Token &token) const
    {
        if (token.type == TokenType::Word)
            return token.start <= m_cursor && m_cursor <= token.end;
        return token.contentStart <= m_cursor && m_cursor <= token.contentEnd;
    }

    void resolveBetween()
    {
        m_found = true;
        const Position position = positionIn(m_stack, false);
        if (position.context == CompletionContext::None)
            return;
        m_site.context = position.context;
        m_site.replaceStart = m_site.replaceEnd = m_cursor;
        noteTarget(position);
    }

    void resolveIn(const Token &token)
    {
        m_found = true;
        const Position position = positionIn(m_stack, true);
        if (position.context == CompletionContext::None)
            return;
        m_site.context = position.context;
        m_site.quoted = token.type == TokenType::String;
        m_site.replaceStart = token.contentStart;
        m_site.prefix =
                std::string(m_text.substr(token.contentStart, m_cursor - token.contentStart));
        // Up to the end of the word: a string closed "too late" by the next string's opening
        // quote (typed in the middle of a line) is not eaten, nor, in a string not closed, the
        // brackets that close what holds it (`{"AWS": "|},`).
        size_t end = m_cursor;
        while (end < token.contentEnd && !isSpace(m_text[end]) && m_text[end] != ','
                && (token.closed || (m_text[end] != '}' && m_text[end] != ']')))
            ++end;
        m_site.replaceEnd = end;
        m_site.closed = token.type == TokenType::String && token.closed && end == token.contentEnd;
        m_site.value = std::string(m_text.substr(token.contentStart, end - token.contentStart));
        m_cursorToken = token.start;
        noteTarget(position);
        if (m_site.quoted
                && (m_site.context == CompletionContext::ResourceValue
                        || m_site.context == CompletionContext::ConditionValue))
            narrowToVariable(token);
    }

    // In `arn:aws:s3:::b/${aws:us|`, the site is the variable: what is typed since `${`, up
    // to its `}` when one follows the name.
    void narrowToVariable(const Token &token)
    {
        const auto at = openVariableIn(m_site.prefix);
        if (!at)
            return;
        m_site.variableHost = m_site.context;
        m_site.context = CompletionContext::PolicyVariable;
        m_site.replaceStart = token.contentStart + *at;
        m_site.prefix.erase(0, *at);
        size_t end = m_cursor;
        while (end < token.contentEnd && !isSpace(m_text[end])
                && std::string_view("\"${}").find(m_text[end]) == std::string_view::npos)
            ++end;
        if (end < token.contentEnd && m_text[end] == '}')
            ++end;
        m_site.replaceEnd = end;
        m_site.closed = false;
        m_site.value = std::string(
                m_text.substr(m_site.replaceStart, m_site.replaceEnd - m_site.replaceStart));
    }

    void noteTarget(const Position &position)
    {
        const Frame &top = m_stack.back();
        m_targetStatement = top.statement;
        if (position.kind == Position::Kind::Key) {
            m_keyFrame = top.id;
            m_site.presentKeys = m_keysSoFar[top.id];
            if (m_site.context == CompletionContext::ConditionKey)
                m_site.conditionOperator = top.holderKey;
            return;
        }
        if (m_site.context == CompletionContext::ConditionValue) {
            m_site.conditionKey = memberKey(top);
            // The operator holds the block: the top frame, or the one under its array.
            const Frame &block = top.object ? top : m_stack[m_stack.size() - 2];
            m_site.conditionOperator = block.holderKey;
        } else if (m_site.context == CompletionContext::PrincipalValue) {
            const Role holder = top.object ? top.role : top.holderRole;
            if (holder == Role::Principal)
                m_site.principalType = memberKey(top);
        }
    }

    void open(bool object)
    {
        Frame frame;
        frame.object = object;
        frame.id = m_nextId++;
        if (m_stack.empty()) {
            frame.role = object ? Role::Root : Role::Other;
        } else {
            Frame &top = m_stack.back();
            // A missing colon is assumed: `"Bool" {` still opens the operator's block.
            if (top.object
                    && (top.state == Frame::State::Value || top.state == Frame::State::Colon)) {
                frame.holderRole = top.role;
                frame.holderKey = top.key;
                frame.role = object ? childRole(top.role, top.key, false) : Role::Other;
            } else if (!top.object) {
                frame.role = object ? childRole(top.holderRole, top.holderKey, true) : Role::Other;
            }
            top.state = Frame::State::Comma;
            frame.statement = top.statement;
        }
        if (frame.role == Role::Statement)
            frame.statement = frame.id;
        frame.state = object ? Frame::State::Key : Frame::State::Value;
        m_stack.push_back(std::move(frame));
    }

    void scalar(const Token &token)
    {
        if (m_stack.empty())
            return;
        Frame &top = m_stack.back();
        const std::string_view content =
                m_text.substr(token.contentStart, token.contentEnd - token.contentStart);
        const Position position = positionIn(m_stack, true);
        if (position.kind == Position::Kind::Key) {
            if (token.start == m_cursorToken) {
                // The key being typed: one not closed yet is not there for what follows.
                if (token.type == TokenType::String && !token.closed)
                    return;
            } else {
                keyRead(top.id, std::string(content));
            }
            top.key = std::string(content);
            top.state = Frame::State::Colon;
            return;
        }
        if (position.context == CompletionContext::ActionValue) {
            auto &facts = m_statements[top.statement];
            facts.actions.emplace_back(content);
            facts.notAction = memberKey(top) == "NotAction";
        } else if (position.context == CompletionContext::EffectValue) {
            m_statements[top.statement].effect = std::string(content);
        } else if (position.context == CompletionContext::PrincipalValue
                && memberKey(top) == "Service"
                && (top.object ? top.role : top.holderRole) == Role::Principal) {
            m_statements[top.statement].servicePrincipals.emplace_back(content);
        }
        top.state = Frame::State::Comma;
    }

    void keyRead(size_t frame, const std::string &key)
    {
        m_keysSoFar[frame].push_back(key);
        if (frame == m_keyFrame && m_found)
            m_site.presentKeys.push_back(key);
    }

    void process(const Token &token)
    {
        switch (token.type) {
        case TokenType::BeginObject:
            open(true);
            break;
        case TokenType::BeginArray:
            open(false);
            break;
        case TokenType::EndObject:
        case TokenType::EndArray:
            if (!m_stack.empty())
                m_stack.pop_back();
            if (!m_stack.empty())
                m_stack.back().state = Frame::State::Comma;
            break;
        case TokenType::Colon:
            if (!m_stack.empty() && m_stack.back().state == Frame::State::Colon)
                m_stack.back().state = Frame::State::Value;
            break;
        case TokenType::Comma:
            if (!m_stack.empty())
                m_stack.back().state =
                        m_stack.back().object ? Frame::State::Key : Frame::State::Value;
            break;
        case TokenType::String:
        case TokenType::Word:
            scalar(token);
            break;
        case TokenType::End:
            break;
        }
    }

    std::string_view m_text;
    size_t m_cursor;
    bool m_found = false;
    CompletionSite m_site;
    std::vector<Frame> m_stack;
    size_t m_nextId = 0;
    size_t m_targetStatement = noStatement;
    size_t m_keyFrame = static_cast<size_t>(-1);
    size_t m_cursorToken = static_cast<size_t>(-1);
    std::unordered_map<size_t, std::vector<std::string>> m_keysSoFar;
    std::map<size_t, StatementFacts> m_statements;
};

} // namespace

CompletionSite completionSiteAt(std::string_view text, size_t offset)
{
    return Scanner(text, offset).run();
}

} // namespace iamx
