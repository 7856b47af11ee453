#include "views/icons.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QRegularExpression>
#include <QTest>

// The SVG icons: every node kind and action has one that renders (the SVG icon engine plugin is
// installed and the resources are linked in), and a contact sheet on a light and a dark
// background for people to look at.

using namespace Qt::StringLiterals;

namespace icons = iamx::icons;

namespace {

constexpr int nodeCount = int(icons::Node::StatementDeny) + 1;

/// True when the pixmap has both transparent and visible pixels: something was drawn.
bool drawsSomething(const QPixmap &pixmap)
{
    const QImage image = pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
    bool transparent = false;
    bool opaque = false;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            (qAlpha(image.pixel(x, y)) == 0 ? transparent : opaque) = true;
    return transparent && opaque;
}

} // namespace

class tst_Icons : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void nodeIconsRender();
    void actionIconsRender();
    void unknownActionHasNoIcon();
    void everyFileIsUsed();
    void contactSheet();
};

void tst_Icons::init()
{
    QTest::failOnWarning(QRegularExpression(u"^(?!This plugin does not support ).*"_s));
}

void tst_Icons::nodeIconsRender()
{
    for (int i = 0; i < nodeCount; ++i) {
        const QIcon icon = icons::node(icons::Node(i));
        QVERIFY2(!icon.isNull(), qPrintable(QString::number(i)));
        const QPixmap pixmap = icon.pixmap(32);
        QVERIFY2(!pixmap.isNull(), qPrintable(QString::number(i)));
        QVERIFY2(drawsSomething(pixmap), qPrintable(QString::number(i)));
    }
    // The path every caller may use directly, as the brief of the resources promises.
    QVERIFY(!QIcon(u":/icons/user.svg"_s).pixmap(32).isNull());
}

void tst_Icons::actionIconsRender()
{
    const QStringList names = icons::actionNames();
    QCOMPARE(names.size(), 19);
    for (const QString &name : names) {
        const QPixmap pixmap = icons::action(name).pixmap(48);
        QVERIFY2(!pixmap.isNull(), qPrintable(name));
        QVERIFY2(drawsSomething(pixmap), qPrintable(name));
    }
}

void tst_Icons::unknownActionHasNoIcon()
{
    QVERIFY(icons::action(u"no-such-action"_s).isNull());
    QVERIFY(icons::action(u""_s).isNull());
}

void tst_Icons::everyFileIsUsed()
{
    // Each .svg in the resources is a node or an action icon: none forgotten, none stray.
    const QStringList files = QDir(u":/icons"_s).entryList({ u"*.svg"_s });
    QCOMPARE(files.size(), nodeCount + int(icons::actionNames().size()));
}

void tst_Icons::contactSheet()
{
    const int cell = 40;
    QStringList names;
    for (const QString &file : QDir(u":/icons"_s).entryList({ u"*.svg"_s }))
        names << QFileInfo(file).baseName();
    QImage sheet(cell * int(names.size()), cell * 2, QImage::Format_ARGB32);
    QPainter painter(&sheet);
    painter.fillRect(0, 0, sheet.width(), cell, QColor(u"#fafafa"_s));
    painter.fillRect(0, cell, sheet.width(), cell, QColor(u"#2b2b2b"_s));
    for (int i = 0; i < names.size(); ++i) {
        const QPixmap pixmap = QIcon(icons::path(names[i])).pixmap(32);
        painter.drawPixmap(i * cell + 4, 4, pixmap);
        painter.drawPixmap(i * cell + 4, cell + 4, pixmap);
    }
    painter.end();
    const QString dir = qEnvironmentVariable("IAMX_TEST_ARTIFACTS") + u"/tst_Icons"_s;
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(sheet.save(dir + u"/contactSheet.png"_s));
    QFile list(dir + u"/contactSheet.txt"_s);
    QVERIFY(list.open(QIODevice::WriteOnly));
    list.write(names.join(u' ').toUtf8());
}

QTEST_MAIN(tst_Icons)
#include "tst_icons.moc"
