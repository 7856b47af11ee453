#include "policy.h"

namespace iamx {

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
