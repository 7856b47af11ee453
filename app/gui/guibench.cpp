#include "guibench.h"

#include "model/documentkey.h"
#include "views/accountdocument.h"
#include "views/accounttreeview.h"
#include "views/commands/documentcommands.h"
#include "views/filecontroller.h"
#include "views/mainwindow.h"
#include "views/models/accounttreemodel.h"
#include "views/qtconvert.h"
#include "views/simulate/simulatepanel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLineEdit>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace iamx {

namespace {

/// Records the longest gap between two runs of the event loop: a timer that should fire every
/// millisecond fires late exactly by how long the loop was blocked.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, &StallMeter::tick);
        m_clock.start();
        m_timer.start();
    }
    qint64 longestMs() const { return m_longest; }

private:
    void tick()
    {
        const qint64 now = m_clock.elapsed();
        m_longest = std::max(m_longest, now - m_last);
        m_last = now;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longest = 0;
};

/// Runs the event loop for `ms` milliseconds.
void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

int runOpenBenchmark(MainWindow &window, const QString &file)
{
    window.show();
    settle(300); // the window's first paint is not part of opening

    QEventLoop loop;
    bool ok = false;
    QObject::connect(window.files(), &FileController::loadFinished, &loop, [&](bool loaded) {
        ok = loaded;
        loop.quit();
    });
    QElapsedTimer clock;
    StallMeter meter;
    clock.start();
    window.openFile(file);
    loop.exec();
    const qint64 loadMs = clock.elapsed();
    settle(500); // the tree and the pages that follow the new account
    std::printf("open %s: %s in %.2f s; longest stall of the window %lld ms (target 100 ms)\n",
            qPrintable(file), ok ? "loaded" : "failed", double(loadMs) / 1000.0,
            static_cast<long long>(meter.longestMs()));
    if (!ok)
        return 1;

    // Typing in the filter: each step is what the debounce timer runs (query, model, view).
    AccountTreeView *tree = window.accountTree();
    for (const QString &text : { u"s3:GetObject"_s, u"user-1"_s, u"team="_s, u"admin"_s,
                 u"nothing-matches-this"_s, QString() }) {
        QElapsedTimer filterClock;
        filterClock.start();
        tree->filterEdit()->setText(text);
        tree->applyFilter();
        QCoreApplication::processEvents();
        const qint64 ns = filterClock.nsecsElapsed();
        std::printf("filter \"%s\": %d matches in %.1f ms (target 16 ms)\n", qPrintable(text),
                tree->model()->matchCount(), double(ns) / 1e6);
    }
    return 0;
}

int runEditBenchmark(MainWindow &window, AccountDocument &document)
{
    window.show();
    settle(300);
    SimulatePanel *panel = window.simulatePanel();
    panel->setPrincipal(u"alice"_s);
    panel->setAction(u"s3:PutObject"_s);
    panel->setResource(u"arn:aws:s3:::acme-reports/home/alice/notes.txt"_s);
    panel->simulate();
    const auto key = parseDocumentKey("managed arn:aws:iam::111122223333:policy/S3HomeFolder\t");
    const PolicyText *text = key ? findDocument(document.account(), *key) : nullptr;
    if (!text) {
        std::printf("edit: the demo account has no S3HomeFolder policy\n");
        return 1;
    }
    const QString original = toQString(text->text());
    QString edited = original;
    edited.replace(u"\"s3:PutObject\","_s, QString());
    double worst = 0;
    double total = 0;
    constexpr int rounds = 20;
    for (int round = 0; round < rounds; ++round) {
        QEventLoop loop;
        const auto connection =
                QObject::connect(panel, &SimulatePanel::simulated, &loop, &QEventLoop::quit);
        QElapsedTimer clock;
        clock.start();
        document.push(new SetPolicyTextCommand(document, *key, round % 2 ? original : edited));
        loop.exec();
        const double ms = double(clock.nsecsElapsed()) / 1e6;
        QObject::disconnect(connection);
        worst = std::max(worst, ms);
        total += ms;
    }
    std::printf("re-simulation after an edit (demo): %.2f ms on average, %.2f ms at worst over "
                "%d edits (target 16 ms)\n",
            total / rounds, worst, rounds);
    return 0;
}

} // namespace iamx
