#pragma once

// Requests asked of the built-in demo account (resources/demo, demo-account.md), resolved and
// explained as the simulate panel does it: tst_statementoutcome, tst_evaluationflow and
// tst_simulationinputs share them.

#include "resources/demoaccount.h"

#include "model/accountio.h"
#include "model/evaluator.h"
#include "model/policyparser.h"
#include "model/resolver.h"

#include <QTest>

#include <memory>
#include <optional>
#include <string>

namespace demo {

inline constexpr iamx::Instant march2026 { 1'772'366'400, 0 }; // 2026-03-01T12:00:00Z

/// The demo account, loaded once per test executable.
inline const iamx::Account &account()
{
    static const iamx::Account loaded = [] {
        auto parsed =
                iamx::loadAccount({ { "demo", std::string(iamx::resources::demoAccountText()) } });
        return parsed.value ? std::move(*parsed.value) : iamx::Account();
    }();
    return loaded;
}

inline const iamx::Resolver &resolver()
{
    static const iamx::Resolver instance(account());
    return instance;
}

/// One request resolved against the demo account and explained.
struct Asked
{
    iamx::AccountRequest request;
    iamx::Explanation explanation;
};

/// Resolves and explains a request; `sessionPolicy` is a session policy's JSON text. Fails
/// the current test (and returns nullopt) when the principal is unknown.
inline std::optional<Asked> ask(const std::string &principal, const std::string &action,
        const std::string &resource, const iamx::ContextOverrides &context = {},
        const std::string &sessionPolicy = {})
{
    std::string error;
    const auto found = resolver().findPrincipal(principal, {}, error);
    if (!found) {
        QTest::qFail(error.c_str(), __FILE__, __LINE__);
        return std::nullopt;
    }
    Asked asked { resolver().resolve(*found, action, resource, context, march2026), {} };
    if (!sessionPolicy.empty()) {
        iamx::PolicyParseOptions options;
        options.type = iamx::PolicyType::Session;
        options.name = "session policy";
        auto parsed = iamx::parsePolicyText(sessionPolicy, options);
        if (!parsed.value) {
            QTest::qFail("the session policy does not parse", __FILE__, __LINE__);
            return std::nullopt;
        }
        asked.request.policies.session = std::make_shared<const iamx::Policy>(*parsed.value);
        asked.request.sessionOrigin.via = "session policy";
    }
    asked.explanation = iamx::explain(asked.request.policies, asked.request.request);
    return asked;
}

} // namespace demo
