#pragma once

// Helpers shared by the account loading tests (tst_accountio, tst_accountmalformed): the test
// data read and loaded, the AWS lists of the inputs, documents and source slices of an account.

#include "model/accountio.h"
#include "model/resolver.h"
#include "tests/support/testsupport.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

using Json = nlohmann::json;
using iamx::Account;
using iamx::Diagnostic;
using iamx::PolicyText;
using iamx::Severity;
using Files = std::vector<std::string>; // under tests/data/accounts/, merged in order

const char *const awsLists[] = { "UserDetailList", "GroupDetailList", "RoleDetailList",
    "Policies" };

[[maybe_unused]] std::string str(const QString &text)
{
    return text.toStdString();
}

[[maybe_unused]] std::string listing(const std::vector<Diagnostic> &diagnostics)
{
    std::string out;
    for (const auto &d : diagnostics)
        out += iamx::formatDiagnostic(d) + " pointer=" + d.pointer + "\n";
    return out.empty() ? std::string("(no diagnostics)") : out;
}

[[maybe_unused]] bool hasErrors(const std::vector<Diagnostic> &diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
            [](const Diagnostic &d) { return d.severity == Severity::Error; });
}

[[maybe_unused]] iamx::Parsed<Account> loadText(
        const std::string &text, const std::string &name = "input.json")
{
    return iamx::loadAccount({ { name, text } });
}

[[maybe_unused]] iamx::Parsed<Account> loadData(const Files &files)
{
    std::vector<std::string> paths;
    for (const auto &file : files)
        paths.push_back(iamx::test::testDataPath("accounts/" + file));
    return iamx::loadAccountFiles(paths);
}

// The four AWS lists of the given files, concatenated in order (pages merge that way).
[[maybe_unused]] Json awsListsOf(const Files &files)
{
    Json merged = Json::object();
    for (const char *list : awsLists)
        merged[list] = Json::array();
    for (const auto &file : files) {
        const Json page =
                Json::parse(iamx::test::readFile(iamx::test::testDataPath("accounts/" + file)));
        for (const char *list : awsLists)
            if (page.contains(list))
                for (const auto &entity : page[list])
                    merged[list].push_back(entity);
    }
    return merged;
}

// Every policy document of an account, labelled, in a fixed order.
[[maybe_unused]] std::vector<std::pair<std::string, const PolicyText *>> documentsOf(
        const Account &account)
{
    std::vector<std::pair<std::string, const PolicyText *>> out;
    for (const auto &u : account.users())
        for (const auto &p : u.inlinePolicies)
            out.emplace_back("user " + u.name + " inline " + p.name, &p.document);
    for (const auto &g : account.groups())
        for (const auto &p : g.inlinePolicies)
            out.emplace_back("group " + g.name + " inline " + p.name, &p.document);
    for (const auto &r : account.roles()) {
        out.emplace_back("role " + r.name + " trust", &r.trustPolicy);
        for (const auto &p : r.inlinePolicies)
            out.emplace_back("role " + r.name + " inline " + p.name, &p.document);
    }
    for (const auto &p : account.policies())
        for (const auto &v : p.versions)
            out.emplace_back("policy " + p.name + " " + v.versionId, &v.document);
    return out;
}

// The raw text of an entity as the account holds it (what workspaceText writes back).
[[maybe_unused]] std::string_view sliceOf(const Account &account, const iamx::SourceSpan &span)
{
    return std::string_view(account.sources().at(span.source)->text)
            .substr(span.offset, span.length);
}

// A one-user account around a fragment of JSON placed in the user object.
[[maybe_unused]] std::string userWith(const std::string &fields)
{
    return R"({"UserDetailList": [{"UserName": "u", "Arn": "arn:aws:iam::111122223333:user/u", )"
            + fields + "}]}";
}

} // namespace

Q_DECLARE_METATYPE(Files)
