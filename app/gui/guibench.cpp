#include "guibench.h"

#include "views/filecontroller.h"
#include "views/mainwindow.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <cstdio>

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
    return ok ? 0 : 1;
}

} // namespace iamx
