#include "explanation.h"

namespace iamx {

std::string_view decisionName(DecisionKind kind)
{
    switch (kind) {
    case DecisionKind::Allowed:
        return "allowed";
    case DecisionKind::ExplicitDeny:
        return "explicitDeny";
    case DecisionKind::ImplicitDeny:
        return "implicitDeny";
    }
    return "implicitDeny";
}

std::string_view gateName(Gate gate)
{
    switch (gate) {
    case Gate::None:
        return "";
    case Gate::Scp:
        return "scp";
    case Gate::Resource:
        return "resource";
    case Gate::Identity:
        return "identity";
    case Gate::PermissionsBoundary:
        return "permissionsBoundary";
    case Gate::Session:
        return "session";
    }
    return "";
}

} // namespace iamx
