#include "completionaccount.h"

#include "model/account.h"

#include <algorithm>
#include <string_view>

namespace iamx {
namespace {

void sortUnique(std::vector<std::string> &list)
{
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
}

/// Appends the ARNs of identity providers found in a policy's text: each string holding
/// `:saml-provider/` or `:oidc-provider/`, from its opening to its closing quote.
void collectProviders(std::string_view text, std::vector<std::string> &out)
{
    for (const std::string_view marker : { ":saml-provider/", ":oidc-provider/" }) {
        for (size_t at = text.find(marker); at != std::string_view::npos;
                at = text.find(marker, at + 1)) {
            const size_t open = text.rfind('"', at);
            const size_t close = text.find('"', at);
            if (open == std::string_view::npos || close == std::string_view::npos)
                continue;
            const std::string_view arn = text.substr(open + 1, close - open - 1);
            if (arn.starts_with("arn:") && arn.find_first_of(" \\\n") == std::string_view::npos)
                out.emplace_back(arn);
        }
    }
}

} // namespace

CompletionAccountContext completionAccountContext(
        const Account &account, const std::vector<std::string> &resourceArns)
{
    CompletionAccountContext context;
    context.accountId = account.accountId();
    if (account.organization())
        context.organizationId = account.organization()->id;
    for (const User &user : account.users())
        context.userArns.push_back(user.arn);
    for (const Role &role : account.roles()) {
        context.roleArns.push_back(role.arn);
        collectProviders(role.trustPolicy.text(), context.providerArns);
    }
    context.resourceArns = resourceArns;
    for (const Resource &resource : account.resources())
        context.resourceArns.push_back(resource.arn);
    for (auto *list : { &context.userArns, &context.roleArns, &context.providerArns,
                 &context.resourceArns }) {
        std::erase(*list, std::string());
        sortUnique(*list);
    }
    return context;
}

} // namespace iamx
