#include "guibench.h"

#include "views/accountdocument.h"
#include "views/mainwindow.h"
#include "views/settings.h"

#include <QApplication>
#include <QCommandLineParser>

using namespace Qt::StringLiterals;

// iam-explorer [--settings FILE] [FILE]: opens the account in FILE, or the built-in demo
// account without one.
int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"IAM Explorer"_s);
    QApplication::setOrganizationName(u"IAM Explorer"_s);
    QApplication::setApplicationVersion(u"0.1.0"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Explore an AWS account's access control."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption settingsFile(u"settings"_s,
            u"Keep the settings in FILE (INI) instead of the user's settings."_s, u"FILE"_s);
    parser.addOption(settingsFile);
    const QCommandLineOption benchOpen(u"bench-open"_s,
            u"Measure opening FILE: load time and the longest freeze of the window."_s, u"FILE"_s);
    parser.addOption(benchOpen);
    const QCommandLineOption benchEdit(u"bench-edit"_s,
            u"Measure re-simulating the demo account after an edit of a policy."_s);
    parser.addOption(benchEdit);
    parser.addPositionalArgument(u"file"_s, u"The account to open (default: the demo)."_s);
    parser.process(app);
    if (parser.isSet(settingsFile))
        iamx::settings::useFile(parser.value(settingsFile));

    iamx::AccountDocument document;
    document.loadDemo(); // at once, so the window never shows an empty account
    iamx::MainWindow window(document);
    if (parser.isSet(benchOpen))
        return iamx::runOpenBenchmark(window, parser.value(benchOpen));
    if (parser.isSet(benchEdit))
        return iamx::runEditBenchmark(window, document);
    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty())
        window.openFile(files.constFirst());
    window.show();
    return QApplication::exec();
}
