#include "views/models/diagnosticsmodel.h"
#include "views/problemsview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

// The Problems dock headless (style.md §4): the model keeps every editor's findings sorted by
// policy then line, replaces and removes them per source with correct row signals, counts them
// by severity, and the view tells which finding the user chose (double-click, Enter, F8,
// Shift+F8).

using namespace Qt::StringLiterals;

using iamx::Diagnostic;
using iamx::DiagnosticsModel;
using iamx::ProblemsView;
using iamx::Severity;

class tst_ProblemsView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void rowsAreSortedBySourceThenLine();
    void replacingASourceKeepsTheOthers();
    void countsBySeverity();
    void severityIcons();
    void doubleClickActivates();
    void enterActivates();
    void f8WalksTheProblems();
    void emptyListActivatesNothing();

private:
    void saveScreenshot(const QString &name) const;
    void fill();
    /// The source id, line and column of each row, as "id:line:column".
    QStringList rows() const;

    std::unique_ptr<DiagnosticsModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<ProblemsView> m_view;
};

namespace {

Diagnostic diagnostic(Severity severity, int line, int column, const char *message,
        const char *code = "TEST_CODE")
{
    Diagnostic result;
    result.severity = severity;
    result.code = code;
    result.message = message;
    result.where.line = line;
    result.where.column = column;
    return result;
}

} // namespace

void tst_ProblemsView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_ProblemsView::init()
{
    QTest::failOnWarning(QRegularExpression(u"^(?!This plugin does not support ).*"_s));
    m_model = std::make_unique<DiagnosticsModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_view = std::make_unique<ProblemsView>(m_model.get());
    m_view->resize(720, 200);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void tst_ProblemsView::cleanup()
{
    if (QTest::currentTestFailed())
        saveScreenshot(u"failed"_s);
    m_view.reset();
    m_tester.reset();
    m_model.reset();
}

void tst_ProblemsView::saveScreenshot(const QString &name) const
{
    const QString folder =
            qEnvironmentVariable("IAMX_TEST_ARTIFACTS", QDir::tempPath()) + u"/tst_ProblemsView"_s;
    QVERIFY(QDir().mkpath(folder));
    const QString file = folder + u'/' + QString::fromLatin1(QTest::currentTestFunction()) + u'-'
            + name + u".png"_s;
    QVERIFY2(m_view->grab().save(file), qPrintable(file));
}

void tst_ProblemsView::fill()
{
    // Given out of order: the model sorts.
    m_model->setDiagnostics(u"b"_s, u"Trust: ci-role"_s,
            { diagnostic(Severity::Error, 9, 5, "Invalid principal", "INVALID_PRINCIPAL"),
                    diagnostic(Severity::Warning, 3, 17, "Unknown action s3:GetObjekt",
                            "UNKNOWN_ACTION") });
    m_model->setDiagnostics(u"a"_s, u"DevReadOnly"_s,
            { diagnostic(Severity::SecurityWarning, 12, 7, "Allows iam:PassRole on *"),
                    diagnostic(Severity::Suggestion, 2, 3, "Add a Sid") });
}

QStringList tst_ProblemsView::rows() const
{
    QStringList result;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        result << u"%1:%2:%3"_s.arg(index.data(DiagnosticsModel::SourceIdRole).toString())
                          .arg(index.data(DiagnosticsModel::LineRole).toInt())
                          .arg(index.data(DiagnosticsModel::ColumnRole).toInt());
    }
    return result;
}

void tst_ProblemsView::rowsAreSortedBySourceThenLine()
{
    QCOMPARE(m_view->objectName(), u"problemsView"_s);
    QVERIFY(!m_view->accessibleName().isEmpty());
    fill();
    QCOMPARE(rows(), QStringList({ u"a:2:3"_s, u"a:12:7"_s, u"b:3:17"_s, u"b:9:5"_s }));
    const QModelIndex first = m_model->index(2, 0);
    QCOMPARE(first.siblingAtColumn(DiagnosticsModel::MessageColumn).data().toString(),
            u"Unknown action s3:GetObjekt"_s);
    QCOMPARE(first.siblingAtColumn(DiagnosticsModel::LocationColumn).data().toString(), u"3:17"_s);
    QCOMPARE(first.siblingAtColumn(DiagnosticsModel::PolicyColumn).data().toString(),
            u"Trust: ci-role"_s);
    QCOMPARE(first.data(DiagnosticsModel::CodeRole).toString(), u"UNKNOWN_ACTION"_s);
    QCOMPARE(first.data(DiagnosticsModel::SeverityRole).toInt(), int(Severity::Warning));
    QCOMPARE(first.data().toString(), u"Warning"_s);
    QVERIFY(first.data(Qt::ToolTipRole).toString().contains(u"UNKNOWN_ACTION"_s));
    QCOMPARE(m_model->headerData(DiagnosticsModel::LocationColumn, Qt::Horizontal).toString(),
            u"Line:Column"_s);
    saveScreenshot(u"problems"_s);
}

void tst_ProblemsView::replacingASourceKeepsTheOthers()
{
    fill();
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    // The user fixed one finding of "a" and made a new one.
    m_model->setDiagnostics(
            u"a"_s, u"DevReadOnly"_s, { diagnostic(Severity::Error, 4, 1, "Missing Effect") });
    QCOMPARE(rows(), QStringList({ u"a:4:1"_s, u"b:3:17"_s, u"b:9:5"_s }));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 0);
    QCOMPARE(removed.at(0).at(2).toInt(), 1);
    QCOMPARE(inserted.count(), 1);
    QVERIFY(reset.isEmpty());

    // A renamed policy moves to its new place in the order.
    m_model->setDiagnostics(
            u"a"_s, u"Zeta"_s, { diagnostic(Severity::Error, 4, 1, "Missing Effect") });
    QCOMPARE(rows(), QStringList({ u"b:3:17"_s, u"b:9:5"_s, u"a:4:1"_s }));
    // No findings left: the source's rows go.
    m_model->setDiagnostics(u"b"_s, u"Trust: ci-role"_s, {});
    QCOMPARE(rows(), QStringList({ u"a:4:1"_s }));
    m_model->removeSource(u"a"_s);
    QCOMPARE(m_model->rowCount(), 0);
    m_model->removeSource(u"nothing"_s); // harmless
    fill();
    m_model->clear();
    QCOMPARE(m_model->rowCount(), 0);
}

void tst_ProblemsView::countsBySeverity()
{
    QSignalSpy counts(m_model.get(), &DiagnosticsModel::countsChanged);
    fill();
    QCOMPARE(counts.count(), 2);
    QCOMPARE(m_model->count(Severity::Error), 1);
    QCOMPARE(m_model->count(Severity::SecurityWarning), 1);
    QCOMPARE(m_model->count(Severity::Warning), 1);
    QCOMPARE(m_model->count(Severity::Suggestion), 1);
    m_model->removeSource(u"b"_s);
    QCOMPARE(m_model->count(Severity::Error), 0);
    QCOMPARE(m_model->count(Severity::Warning), 0);
    QCOMPARE(m_model->count(Severity::Suggestion), 1);
}

void tst_ProblemsView::severityIcons()
{
    fill();
    // The view gave the model its style's icons: an error and a warning look different.
    const auto icon = [&](int row) {
        return m_model->index(row, DiagnosticsModel::SeverityColumn)
                .data(Qt::DecorationRole)
                .value<QIcon>();
    };
    QVERIFY(!icon(0).isNull());
    QVERIFY(!icon(3).isNull());
    QVERIFY(icon(3).cacheKey() != icon(2).cacheKey()); // error vs warning
    QVERIFY(!m_model->index(0, DiagnosticsModel::MessageColumn).data(Qt::DecorationRole).isValid());
}

void tst_ProblemsView::doubleClickActivates()
{
    fill();
    QSignalSpy activated(m_view.get(), &ProblemsView::problemActivated);
    const QModelIndex index = m_model->index(3, DiagnosticsModel::MessageColumn);
    const QPoint centre = m_view->visualRect(index).center();
    // As a user does it: a click, then a double-click.
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(m_view->viewport(), Qt::LeftButton, {}, centre);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), u"b"_s);
    QCOMPARE(activated.at(0).at(1).toInt(), 9);
    QCOMPARE(activated.at(0).at(2).toInt(), 5);
}

void tst_ProblemsView::enterActivates()
{
    fill();
    QSignalSpy activated(m_view.get(), &ProblemsView::problemActivated);
    m_view->setFocus();
    m_view->setCurrentIndex(m_model->index(1, 0));
    QTest::keyClick(m_view.get(), Qt::Key_Return);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), u"a"_s);
    QCOMPARE(activated.at(0).at(1).toInt(), 12);
}

void tst_ProblemsView::f8WalksTheProblems()
{
    fill();
    QSignalSpy activated(m_view.get(), &ProblemsView::problemActivated);
    QCOMPARE(m_view->nextProblemAction()->shortcut(), QKeySequence(Qt::Key_F8));
    QCOMPARE(m_view->previousProblemAction()->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_F8));
    QTest::keyClick(m_view.get(), Qt::Key_F8); // from nothing: the first
    QTest::keyClick(m_view.get(), Qt::Key_F8);
    QCOMPARE(activated.count(), 2);
    QCOMPARE(activated.at(0).at(1).toInt(), 2);
    QCOMPARE(activated.at(1).at(1).toInt(), 12);
    QCOMPARE(m_view->currentIndex().row(), 1);
    QTest::keyClick(m_view.get(), Qt::Key_F8, Qt::ShiftModifier);
    QCOMPARE(activated.at(2).at(1).toInt(), 2);
    QTest::keyClick(m_view.get(), Qt::Key_F8, Qt::ShiftModifier); // wraps to the last
    QCOMPARE(activated.at(3).at(0).toString(), u"b"_s);
    QCOMPARE(activated.at(3).at(1).toInt(), 9);
    m_view->nextProblemAction()->trigger(); // and on to the first
    QCOMPARE(activated.at(4).at(1).toInt(), 2);
}

void tst_ProblemsView::emptyListActivatesNothing()
{
    QSignalSpy activated(m_view.get(), &ProblemsView::problemActivated);
    QVERIFY(!m_view->activateNext());
    QVERIFY(!m_view->activatePrevious());
    QTest::keyClick(m_view.get(), Qt::Key_F8);
    QVERIFY(activated.isEmpty());
}

QTEST_MAIN(tst_ProblemsView)
#include "tst_problemsview.moc"
