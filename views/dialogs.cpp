#include "dialogs.h"

#include "views/settings.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QList>
#include <QMessageBox>

#include <utility>

using namespace Qt::StringLiterals;

namespace iamx::dialogs {

namespace {

struct TestState
{
    bool on = false;
    QStringList fileNames;
    QList<SaveAnswer> saveAnswers;
    QList<bool> confirmations;
    QStringList texts;
    QStringList errors;
    QStringList questions;
};

TestState &testState()
{
    static TestState state;
    return state;
}

QString takeFileName()
{
    auto &names = testState().fileNames;
    return names.isEmpty() ? QString() : names.takeFirst();
}

/// Remembers the folder of a chosen file, so that the next dialog starts there.
QString remembered(const QString &path)
{
    if (!path.isEmpty())
        settings::lastDirectory.set(QFileInfo(path).absolutePath());
    return path;
}

} // namespace

QString openFileName(QWidget *parent, const QString &caption, const QString &filter)
{
    if (testState().on)
        return takeFileName();
    return remembered(
            QFileDialog::getOpenFileName(parent, caption, settings::lastDirectory.value(), filter));
}

QStringList openFileNames(QWidget *parent, const QString &caption, const QString &filter)
{
    if (testState().on) {
        const QString names = takeFileName();
        return names.isEmpty() ? QStringList() : names.split(u';');
    }
    const QStringList names =
            QFileDialog::getOpenFileNames(parent, caption, settings::lastDirectory.value(), filter);
    if (!names.isEmpty())
        remembered(names.constFirst());
    return names;
}

QString saveFileName(
        QWidget *parent, const QString &caption, const QString &suggested, const QString &filter)
{
    if (testState().on)
        return takeFileName();
    const QString start = QFileInfo(suggested).isAbsolute()
            ? suggested
            : settings::lastDirectory.value() + u'/' + suggested;
    return remembered(QFileDialog::getSaveFileName(parent, caption, start, filter));
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

SaveAnswer askToSave(QWidget *parent, const QString &text)
{
    auto &state = testState();
    if (state.on) {
        state.questions.append(text);
        return state.saveAnswers.isEmpty() ? SaveAnswer::Cancel : state.saveAnswers.takeFirst();
    }
    const auto button = QMessageBox::warning(parent, QObject::tr("Unsaved changes"), text,
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (button == QMessageBox::Save)
        return SaveAnswer::Save;
    return button == QMessageBox::Discard ? SaveAnswer::Discard : SaveAnswer::Cancel;
}

bool confirm(QWidget *parent, const QString &title, const QString &text)
{
    auto &state = testState();
    if (state.on) {
        state.questions.append(text);
        return !state.confirmations.isEmpty() && state.confirmations.takeFirst();
    }
    return QMessageBox::question(
                   parent, title, text, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            == QMessageBox::Yes;
}

QString askText(QWidget *parent, const QString &title, const QString &label, const QString &initial)
{
    auto &state = testState();
    if (state.on)
        return state.texts.isEmpty() ? QString() : state.texts.takeFirst();
    bool ok = false;
    const QString text =
            QInputDialog::getText(parent, title, label, QLineEdit::Normal, initial, &ok);
    return ok ? text.trimmed() : QString();
}

QString chooseItem(
        QWidget *parent, const QString &title, const QString &label, const QStringList &items)
{
    auto &state = testState();
    if (state.on)
        return state.texts.isEmpty() ? QString() : state.texts.takeFirst();
    bool ok = false;
    const QString item = QInputDialog::getItem(parent, title, label, items, 0, true, &ok);
    return ok ? item : QString();
}

void setTestMode(bool on)
{
    testState() = TestState {};
    testState().on = on;
}

void setNextFileName(const QString &fileName)
{
    testState().fileNames.append(fileName);
}

void setNextSaveAnswer(SaveAnswer answer)
{
    testState().saveAnswers.append(answer);
}

void setNextConfirmation(bool yes)
{
    testState().confirmations.append(yes);
}

void setNextText(const QString &text)
{
    testState().texts.append(text);
}

QStringList takeShownErrors()
{
    return std::exchange(testState().errors, {});
}

QStringList takeAskedQuestions()
{
    return std::exchange(testState().questions, {});
}

} // namespace iamx::dialogs
