#include "views/accountdocument.h"
#include "views/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

using namespace Qt::StringLiterals;

// iam-explorer [FILE]: opens the account in FILE, or the built-in demo account without one.
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
    parser.addPositionalArgument(u"file"_s, u"The account to open (default: the demo)."_s);
    parser.process(app);

    iamx::AccountDocument document;
    iamx::MainWindow window(document);
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        document.loadDemo();
    else
        window.openFile(files.constFirst());
    window.show();
    return QApplication::exec();
}
