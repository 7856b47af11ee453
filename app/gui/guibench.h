#pragma once

#include <QString>

namespace iamx {

class MainWindow;

/// `iam-explorer --bench-open FILE`: the desktop targets of issue #4 measured on the real
/// window, printed as figures (`iamx` links no Qt, so these cannot be `iamx bench` modes):
/// how long opening FILE takes, and the longest the window's event loop was blocked meanwhile
/// (target: no freeze over 100 ms). Returns the exit status.
int runOpenBenchmark(MainWindow &window, const QString &file);

} // namespace iamx
