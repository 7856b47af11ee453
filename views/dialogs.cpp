#include "dialogs.h"

#include <QFileDialog>
#include <QMessageBox>

#include <utility>

namespace iamx::dialogs {

namespace {

struct TestState
{
    bool on = false;
    QStringList fileNames;
    QStringList errors;
};

TestState &testState()
{
    static TestState state;
    return state;
}

} // namespace

QString openFileName(QWidget *parent, const QString &caption, const QString &filter)
{
    auto &state = testState();
    if (state.on)
        return state.fileNames.isEmpty() ? QString() : state.fileNames.takeFirst();
    return QFileDialog::getOpenFileName(parent, caption, QString(), filter);
}

void showError(QWidget *parent, const QString &title, const QString &text)
{
    auto &state = testState();
    if (state.on) {
        state.errors.append(text);
        return;
    }
    QMessageBox::critical(parent, title, text);
}

void setTestMode(bool on)
{
    testState() = TestState { on, {}, {} };
}

void setNextFileName(const QString &fileName)
{
    testState().fileNames.append(fileName);
}

QStringList takeShownErrors()
{
    return std::exchange(testState().errors, {});
}

} // namespace iamx::dialogs
