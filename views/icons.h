#pragma once

#include <QIcon>
#include <QStringList>
#include <QStringView>

#include <cstdint>

// The application's icons: SVG drawings in resources/icons/, compiled into iamx_views under
// the resource prefix `/icons` (`QIcon(u":/icons/open.svg"_s)`). They use explicit mid-tone
// colours that read on light and dark palettes alike; the SVG icon engine plugin (Debian:
// libqt6svg6) renders them at any size.

namespace iamx::icons {

/// What a row of the account tree stands for, as far as its icon tells.
enum class Node : std::uint8_t {
    Category,
    User,
    Group,
    Role,
    ManagedPolicy, ///< customer managed
    AwsManagedPolicy,
    InlinePolicy,
    Boundary,
    TrustPolicy,
    Resource,
    OrgRoot,
    OrgUnit,
    OrgAccount,
    Scp,
    Rcp,
    StatementAllow,
    StatementDeny,
};

/// The icon of a node kind (cached: cheap to call from data()).
QIcon node(Node kind);

/// The icon of one of the application's actions by name: open, save, save-as, undo, redo,
/// format, apply, revert, simulate, filter, presentation, new-user, new-group, new-role,
/// new-policy, delete, attach, detach, export (actionNames()). A null icon for any other name.
QIcon action(QStringView name);

/// Every name action() knows, in the order above.
QStringList actionNames();

/// The resource path of an icon file, `:/icons/<name>.svg`.
QString path(QStringView name);

} // namespace iamx::icons
