#include "policy.h"

namespace iamx {

std::vector<std::string> actionTexts(const Statement &statement)
{
    std::vector<std::string> texts;
    texts.reserve(statement.actions.size());
    for (const auto &pattern : statement.actions)
        texts.push_back(pattern.text);
    return texts;
}

std::string_view policyTypeName(PolicyType type)
{
    switch (type) {
    case PolicyType::Identity:
        return "identity";
    case PolicyType::PermissionsBoundary:
        return "permissionsBoundary";
    case PolicyType::Session:
        return "session";
    case PolicyType::Resource:
        return "resource";
    case PolicyType::ServiceControl:
        return "scp";
    case PolicyType::ResourceControl:
        return "rcp";
    }
    return "identity";
}

} // namespace iamx
