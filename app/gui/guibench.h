#pragma once

#include <QString>

namespace iamx {

class AccountDocument;
class MainWindow;

/// `iam-explorer --bench-open FILE`: the desktop targets of issue #4 measured on the real
/// window, printed as figures (`iamx` links no Qt, so these cannot be `iamx bench` modes):
/// how long opening FILE takes, and the longest the window's event loop was blocked meanwhile
/// (target: no freeze over 100 ms). Returns the exit status.
/// Then filters the account tree as a user types, and prints how long each filter took
/// (target: within a frame, 16 ms, on 50,000 principals).
int runOpenBenchmark(MainWindow &window, const QString &file);

/// `iam-explorer --bench-edit`: on the demo account, applies an edit of a policy and prints
/// how long until the simulate panel shows the new decision (target: within a frame).
int runEditBenchmark(MainWindow &window, AccountDocument &document);

} // namespace iamx
