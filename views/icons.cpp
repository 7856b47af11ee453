#include "icons.h"

#include <array>

using namespace Qt::StringLiterals;

// Registers resources/icons/icons.qrc; it has to be called outside any namespace.
static void initIconResources()
{
    Q_INIT_RESOURCE(icons);
}

namespace iamx::icons {

namespace {

// The file names of the Node icons, in the order of the enum.
constexpr std::array<QStringView, 17> nodeNames = { u"category", u"user", u"group", u"role",
    u"policy-managed", u"policy-aws", u"policy-inline", u"boundary", u"trust-policy", u"resource",
    u"org-root", u"org-unit", u"org-account", u"scp", u"rcp", u"statement-allow",
    u"statement-deny" };

constexpr std::array<QStringView, 19> actionFileNames = { u"open", u"save", u"save-as", u"undo",
    u"redo", u"format", u"apply", u"revert", u"simulate", u"filter", u"presentation", u"new-user",
    u"new-group", u"new-role", u"new-policy", u"delete", u"attach", u"detach", u"export" };

} // namespace

QString path(QStringView name)
{
    static const bool registered = (initIconResources(), true);
    Q_UNUSED(registered);
    return u":/icons/%1.svg"_s.arg(name);
}

QIcon node(Node kind)
{
    // One QIcon per kind for the whole run: QIcon caches the pixmaps it renders.
    static const auto icons = [] {
        std::array<QIcon, nodeNames.size()> all;
        for (size_t i = 0; i < nodeNames.size(); ++i)
            all[i] = QIcon(path(nodeNames[i]));
        return all;
    }();
    const auto at = static_cast<size_t>(kind);
    return at < icons.size() ? icons[at] : QIcon();
}

QIcon action(QStringView name)
{
    for (const QStringView known : actionFileNames)
        if (known == name)
            return QIcon(path(name));
    return {};
}

QStringList actionNames()
{
    QStringList names;
    for (const QStringView name : actionFileNames)
        names << name.toString();
    return names;
}

} // namespace iamx::icons
