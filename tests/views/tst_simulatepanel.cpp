#include "model/documentkey.h"
#include "views/accountdocument.h"
#include "views/models/contextmodel.h"
#include "views/models/gridmodel.h"
#include "views/qtconvert.h"
#include "views/simulate/decisionbadge.h"
#include "views/simulate/evaluationflowwidget.h"
#include "views/simulate/simulatepanel.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTableView>
#include <QTest>

#include <memory>

// The Simulate access panel driven headless on the demo account (demo-account.md): lessons
// that end allowed, in an explicit deny and in implicit denies (boundary, session policy), the
// flow's steps, the deciding statements, the context AWS fills in and the policies need, the
// re-runs, the grid, and bad input.

using namespace Qt::StringLiterals;

using iamx::AccountDocument;
using iamx::ContextModel;
using iamx::GridModel;
using iamx::SimulatePanel;
using iamx::StepVerdict;

namespace {

const QString q1 = u"arn:aws:s3:::acme-reports/reports/2025/q1-sales.csv"_s;
const QString payroll = u"arn:aws:s3:::acme-reports/finance/2025/payroll-05.csv"_s;

// The verdicts of the seven steps as a word: P passed, F failed, - not applicable.
QString verdicts(const iamx::EvaluationFlow &flow)
{
    QString out;
    for (const auto &step : flow.steps)
        out += step.verdict == StepVerdict::Passed    ? u'P'
                : step.verdict == StepVerdict::Failed ? u'F'
                                                      : u'-';
    return out;
}

} // namespace

class tst_SimulatePanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void allowedThroughAGroup();
    void explicitDenyNamesTheStatementAndOpensIt();
    void implicitDenyByTheBoundaryFlagsTheKeyItNeeds();
    void sessionPolicyLimitsTheRole();
    void changingTheActionRunsAgain();
    void addingAContextKeyChangesTheDecision();
    void removingAnAutoKeyLeavesItAbsent();
    void reloadingTheAccountRunsAgain();
    void unknownPrincipalShowsTheError();
    void invalidSessionPolicyShowsTheError();
    void gridShowsEveryPairAndACellInFull();
    void coloursFollowThePalette();

private:
    /// Sets the request and waits for its result.
    void ask(const QString &principal, const QString &action, const QString &resource);
    /// Writes the panel to $IAMX_TEST_ARTIFACTS/tst_SimulatePanel/<function>-<name>.png.
    void saveScreenshot(const QString &name) const;
    QString badgeText() const;
    QListWidget *deciding() const;
    QString contextValue(const QString &key) const;

    std::unique_ptr<AccountDocument> m_document;
    std::unique_ptr<SimulatePanel> m_panel;
    std::unique_ptr<QAbstractItemModelTester> m_contextTester;
    std::unique_ptr<QAbstractItemModelTester> m_gridTester;
};

void tst_SimulatePanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_SimulatePanel::init()
{
    QTest::failOnWarning(QRegularExpression(u"^(?!This plugin does not support ).*"_s));
    m_document = std::make_unique<AccountDocument>();
    QVERIFY(m_document->loadDemo().empty());
    m_panel = std::make_unique<SimulatePanel>(*m_document);
    QCOMPARE(m_panel->objectName(), u"simulatePanel"_s);
    m_contextTester = std::make_unique<QAbstractItemModelTester>(
            m_panel->contextModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_gridTester = std::make_unique<QAbstractItemModelTester>(
            m_panel->gridModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_panel->resize(380, 1100); // a realistic dock width; tall enough to show it all
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void tst_SimulatePanel::cleanup()
{
    if (QTest::currentTestFailed())
        saveScreenshot(u"failed"_s);
    m_gridTester.reset();
    m_contextTester.reset();
    m_panel.reset();
    m_document.reset();
}

void tst_SimulatePanel::ask(
        const QString &principal, const QString &action, const QString &resource)
{
    QSignalSpy simulated(m_panel.get(), &SimulatePanel::simulated);
    m_panel->setPrincipal(principal);
    m_panel->setAction(action);
    m_panel->setResource(resource);
    QTRY_VERIFY(simulated.count() > 0);
    const auto &request = m_panel->lastResult().request.request;
    QCOMPARE(iamx::toQString(request.action), action);
    QCOMPARE(iamx::toQString(request.resource), resource);
}

void tst_SimulatePanel::saveScreenshot(const QString &name) const
{
    const QString folder =
            qEnvironmentVariable("IAMX_TEST_ARTIFACTS", QDir::tempPath()) + u"/tst_SimulatePanel"_s;
    QVERIFY(QDir().mkpath(folder));
    const QString file = folder + u'/' + QString::fromLatin1(QTest::currentTestFunction()) + u'-'
            + name + u".png"_s;
    QVERIFY2(m_panel->grab().save(file), qPrintable(file));
}

QString tst_SimulatePanel::badgeText() const
{
    const auto *badge = m_panel->findChild<iamx::DecisionBadge *>(u"decisionBadge"_s);
    return badge ? badge->text() : QString();
}

QListWidget *tst_SimulatePanel::deciding() const
{
    return m_panel->findChild<QListWidget *>(u"decidingStatements"_s);
}

QString tst_SimulatePanel::contextValue(const QString &key) const
{
    const ContextModel *model = m_panel->contextModel();
    const int row = model->rowOf(key);
    return row < 0 ? u"<absent>"_s : model->index(row, ContextModel::ValueColumn).data().toString();
}

void tst_SimulatePanel::allowedThroughAGroup()
{
    ask(u"alice"_s, u"s3:GetObject"_s, q1);
    QCOMPARE(badgeText(), u"✔ Allowed"_s);
    const auto &result = m_panel->lastResult();
    QVERIFY(result.valid);
    QCOMPARE(verdicts(result.flow), u"PPP-P--"_s);
    QCOMPARE(result.flow.firstFailure, -1);
    const auto *flow = m_panel->findChild<iamx::EvaluationFlowWidget *>(u"evaluationFlow"_s);
    QVERIFY(flow && flow->flow());
    QCOMPARE(verdicts(*flow->flow()), u"PPP-P--"_s);
    QVERIFY(!result.statementOutcomes.empty());

    QCOMPARE(deciding()->count(), 1);
    QCOMPARE(deciding()->item(0)->text(),
            u"✔ AmazonS3ReadOnlyAccess · group Developers · statement 0"_s);

    // The keys AWS fills in for alice, marked auto, and those the policies test.
    const ContextModel *context = m_panel->contextModel();
    QCOMPARE(contextValue(u"aws:username"_s), u"alice"_s);
    QCOMPARE(contextValue(u"aws:PrincipalTag/team"_s), u"blue"_s);
    QCOMPARE(contextValue(u"aws:SecureTransport"_s), u"true"_s);
    const int username = context->rowOf(u"aws:username"_s);
    QCOMPARE(context->index(username, 0).data(ContextModel::OriginRole).toInt(),
            int(ContextModel::Origin::Auto));
    const int prefix = context->rowOf(u"s3:prefix"_s);
    QVERIFY(prefix >= 0);
    QCOMPARE(context->index(prefix, 0).data(ContextModel::OriginRole).toInt(),
            int(ContextModel::Origin::Policy));
    QCOMPARE(context->index(prefix, ContextModel::OriginColumn).data().toString(),
            u"policy · String"_s);
    const auto *time = m_panel->findChild<QLabel *>(u"simulationTime"_s);
    QVERIFY(time->text().startsWith(u"simulated in "_s));
    saveScreenshot(u"allowed"_s);
}

void tst_SimulatePanel::explicitDenyNamesTheStatementAndOpensIt()
{
    ask(u"erin"_s, u"s3:DeleteBucket"_s, u"arn:aws:s3:::acme-audit-logs"_s);
    QCOMPARE(badgeText(), u"✖ Denied — explicit deny"_s);
    QCOMPARE(verdicts(m_panel->lastResult().flow), u"FPPFP--"_s);
    QCOMPARE(m_panel->lastResult().flow.firstFailure, 0);
    QCOMPARE(deciding()->count(), 1);
    QListWidgetItem *item = deciding()->item(0);
    QCOMPARE(item->text(),
            u"✖ bucket policy of arn:aws:s3:::acme-audit-logs · bucket policy · "
            "DenyDeletingAuditLogs"_s);

    QSignalSpy activated(m_panel.get(), &SimulatePanel::statementActivated);
    const QRect rect = deciding()->visualItemRect(item);
    QTest::mouseClick(deciding()->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(activated.count(), 1);
    const auto key = iamx::parseDocumentKey(activated.at(0).at(0).toString().toStdString());
    QVERIFY(key);
    QCOMPARE(key->kind, iamx::DocumentKey::Kind::Resource);
    QCOMPARE(key->owner, std::string("arn:aws:s3:::acme-audit-logs"));
    QCOMPARE(activated.at(0).at(1).toInt(), 2);
    saveScreenshot(u"explicit-deny"_s);
}

void tst_SimulatePanel::implicitDenyByTheBoundaryFlagsTheKeyItNeeds()
{
    ask(u"UserAdminRole"_s, u"iam:CreateUser"_s, u"arn:aws:iam::111122223333:user/ivan"_s);
    QCOMPARE(badgeText(), u"✖ Denied implicitly — outside the permissions boundary"_s);
    QCOMPARE(m_panel->lastResult().flow.firstFailure, int(iamx::FlowStep::PermissionsBoundary));
    QCOMPARE(m_panel->lastResult().flow.steps[5].verdict, StepVerdict::Failed);
    QCOMPARE(deciding()->count(), 1);
    QVERIFY(!(deciding()->item(0)->flags() & Qt::ItemIsEnabled)); // nothing decides it
    // The boundary tests iam:PermissionsBoundary, which the request lacks: flagged.
    ContextModel *context = m_panel->contextModel();
    const int row = context->rowOf(u"iam:PermissionsBoundary"_s);
    QVERIFY(row >= 0);
    QVERIFY(context->index(row, 0).data(ContextModel::FlaggedRole).toBool());
    QVERIFY(context->index(row, ContextModel::ValueColumn).data().toString().startsWith(u"⚠"_s));
    const auto *warning = m_panel->findChild<QLabel *>(u"contextWarning"_s);
    QVERIFY(warning->isVisible());
    QVERIFY(warning->text().contains(u"iam:PermissionsBoundary"_s));
    // A role session's keys are the role's.
    QCOMPARE(contextValue(u"aws:PrincipalType"_s), u"AssumedRole"_s);
    saveScreenshot(u"boundary"_s);

    // Giving the key its value re-runs, and the boundary now allows.
    QSignalSpy simulated(m_panel.get(), &SimulatePanel::simulated);
    QVERIFY(context->setData(context->index(row, ContextModel::ValueColumn),
            u"arn:aws:iam::111122223333:policy/boundaries/StaffBoundary"_s));
    QTRY_COMPARE(badgeText(), u"✔ Allowed"_s);
    QVERIFY(!warning->isVisible());
    QVERIFY(!context->index(context->rowOf(u"iam:PermissionsBoundary"_s), 0)
                     .data(ContextModel::FlaggedRole)
                     .toBool());
}

void tst_SimulatePanel::sessionPolicyLimitsTheRole()
{
    const QString function = u"arn:aws:lambda:eu-west-1:111122223333:function:report-generator"_s;
    ask(u"CIDeployRole"_s, u"lambda:UpdateFunctionCode"_s, function);
    QCOMPARE(badgeText(), u"✔ Allowed"_s);
    auto *sessionName = m_panel->findChild<QLineEdit *>(u"sessionNameInput"_s);
    QVERIFY(sessionName->isEnabled()); // a role: it has sessions
    auto *session = m_panel->findChild<QPlainTextEdit *>(u"sessionPolicyInput"_s);
    QVERIFY(session);
    QVERIFY(!session->isVisible());
    m_panel->findChild<QAbstractButton *>(u"sessionPolicyToggle"_s)->click();
    QVERIFY(session->isVisible());
    session->setPlainText(u"{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": "
                          "\"Allow\", \"Action\": \"lambda:Get*\", \"Resource\": \"*\"}]}"_s);
    QTRY_COMPARE(badgeText(), u"✖ Denied implicitly — outside the session policy"_s);
    QCOMPARE(verdicts(m_panel->lastResult().flow), u"PPP-P-F"_s);
    sessionName->setText(u"pr-1234"_s);
    QTRY_COMPARE(iamx::toQString(m_panel->lastResult().request.request.principal.text),
            u"arn:aws:sts::111122223333:assumed-role/CIDeployRole/pr-1234"_s);
    saveScreenshot(u"session-policy"_s);
}

void tst_SimulatePanel::changingTheActionRunsAgain()
{
    ask(u"carol"_s, u"s3:GetObject"_s, q1);
    QCOMPARE(badgeText(), u"✔ Allowed"_s);
    QSignalSpy simulated(m_panel.get(), &SimulatePanel::simulated);
    auto *action = m_panel->findChild<QLineEdit *>(u"actionInput"_s);
    action->selectAll();
    QTest::keyClicks(action, u"s3:PutObject"_s);
    QTRY_COMPARE(badgeText(), u"✖ Denied implicitly — no identity policy allows"_s);
    // Typing is debounced: one run for the whole word, not one per key.
    QCOMPARE(simulated.count(), 1);
    QCOMPARE(iamx::toQString(m_panel->lastResult().request.request.action), u"s3:PutObject"_s);
}

void tst_SimulatePanel::addingAContextKeyChangesTheDecision()
{
    // Lesson 5: without MFA, the Admins' Deny applies; with it, erin may create a user.
    ask(u"erin"_s, u"iam:CreateUser"_s, u"arn:aws:iam::111122223333:user/ivan"_s);
    QCOMPARE(badgeText(), u"✖ Denied — explicit deny"_s);
    ContextModel *context = m_panel->contextModel();
    const int mfa = context->rowOf(u"aws:MultiFactorAuthPresent"_s);
    QVERIFY(mfa >= 0);
    QCOMPARE(context->index(mfa, ContextModel::OriginColumn).data().toString(), u"policy · Bool"_s);
    const int row = context->addUserRow();
    QVERIFY(context->setData(context->index(row, ContextModel::KeyColumn), u"aws:SourceIp"_s));
    QVERIFY(context->setData(context->index(row, ContextModel::ValueColumn), u"192.0.2.1"_s));
    QVERIFY(context->setData(context->index(mfa, ContextModel::ValueColumn), u"true"_s));
    QTRY_COMPARE(badgeText(), u"✔ Allowed"_s);
    const auto *sourceIp = m_panel->lastResult().request.request.context.find("aws:sourceip");
    QVERIFY(sourceIp);
    QCOMPARE(sourceIp->values, std::vector<std::string> { "192.0.2.1" });
    // A user row survives re-simulations with another principal.
    ask(u"alice"_s, u"s3:GetObject"_s, q1);
    QCOMPARE(contextValue(u"aws:SourceIp"_s), u"192.0.2.1"_s);
}

void tst_SimulatePanel::removingAnAutoKeyLeavesItAbsent()
{
    // Lesson 16: an RCP refuses S3 over plain HTTP; AWS fills in aws:SecureTransport true.
    ask(u"root"_s, u"s3:GetObject"_s, payroll);
    QCOMPARE(badgeText(), u"✔ Allowed"_s);
    ContextModel *context = m_panel->contextModel();
    const int secure = context->rowOf(u"aws:SecureTransport"_s);
    QVERIFY(context->setData(context->index(secure, ContextModel::ValueColumn), u"false"_s));
    QTRY_COMPARE(badgeText(), u"✖ Denied — explicit deny"_s);
    QVERIFY(context->index(secure, 0).data(ContextModel::EditedRole).toBool());
    QCOMPARE(m_panel->lastResult().flow.steps[1].verdict, StepVerdict::Failed); // the RCP
    // Removed, the key is absent: BoolIfExists reads that as false too.
    QVERIFY(context->removeRow(context->rowOf(u"aws:SecureTransport"_s)));
    QTRY_VERIFY(!m_panel->lastResult().request.request.context.find("aws:securetransport"));
    QCOMPARE(badgeText(), u"✖ Denied — explicit deny"_s);
    // The RCP still tests the key, so it shows again as a key the policies need, flagged.
    const int needed = context->rowOf(u"aws:SecureTransport"_s);
    QCOMPARE(context->index(needed, 0).data(ContextModel::OriginRole).toInt(),
            int(ContextModel::Origin::Policy));
    QVERIFY(context->index(needed, 0).data(ContextModel::FlaggedRole).toBool());
}

void tst_SimulatePanel::reloadingTheAccountRunsAgain()
{
    ask(u"alice"_s, u"s3:GetObject"_s, q1);
    QSignalSpy simulated(m_panel.get(), &SimulatePanel::simulated);
    QVERIFY(m_document->loadDemo().empty());
    QTRY_COMPARE(simulated.count(), 1);
    QCOMPARE(badgeText(), u"✔ Allowed"_s);
}

void tst_SimulatePanel::unknownPrincipalShowsTheError()
{
    ask(u"alice"_s, u"s3:GetObject"_s, q1);
    QSignalSpy simulated(m_panel.get(), &SimulatePanel::simulated);
    m_panel->setPrincipal(u"nobody"_s);
    QTRY_COMPARE(simulated.count(), 1);
    QVERIFY(!m_panel->lastResult().valid);
    QCOMPARE(badgeText(), u"Cannot simulate: the account has no user or role named \"nobody\""_s);
    QVERIFY(!m_panel->findChild<iamx::DecisionBadge *>(u"decisionBadge"_s)->decision());
    QVERIFY(!m_panel->findChild<iamx::EvaluationFlowWidget *>(u"evaluationFlow"_s)->flow());
    QCOMPARE(deciding()->count(), 0);
    saveScreenshot(u"unknown-principal"_s);
}

void tst_SimulatePanel::invalidSessionPolicyShowsTheError()
{
    ask(u"CIDeployRole"_s, u"lambda:GetFunction"_s, u"*"_s);
    QSignalSpy simulated(m_panel.get(), &SimulatePanel::simulated);
    m_panel->findChild<QPlainTextEdit *>(u"sessionPolicyInput"_s)
            ->setPlainText(u"{\"Version\": "_s);
    QTRY_COMPARE(simulated.count(), 1);
    QVERIFY(!m_panel->lastResult().valid);
    QVERIFY2(
            badgeText().startsWith(u"Cannot simulate: the session policy has an error at line 1"_s),
            qPrintable(badgeText()));
}

void tst_SimulatePanel::gridShowsEveryPairAndACellInFull()
{
    ask(u"carol"_s, u"s3:GetObject"_s, q1);
    auto *modes = m_panel->findChild<QTabBar *>(u"simulateMode"_s);
    QWidget *gridPage = m_panel->findChild<QWidget *>(u"simulationGrid"_s);
    QVERIFY(modes && gridPage);
    QVERIFY(!gridPage->isVisible());
    modes->setCurrentIndex(1);
    QVERIFY(gridPage->isVisible());
    m_panel->setGridInputs({ u"s3:GetObject"_s, u"s3:Put*"_s }, { q1, payroll });
    GridModel *grid = m_panel->gridModel();
    QTRY_COMPARE(grid->columnCount(), 2);
    QVERIFY(grid->actions().contains(u"s3:PutObject"_s)); // the pattern expanded
    QVERIFY(!grid->actions().contains(u"s3:Put*"_s));
    QCOMPARE(grid->actions().first(), u"s3:GetObject"_s);
    QCOMPARE(grid->index(0, 0).data(GridModel::DecisionRole).toInt(),
            int(iamx::DecisionKind::Allowed));
    QCOMPARE(grid->index(0, 0).data().toString(), u"✔ allowed"_s);
    QCOMPARE(grid->index(0, 1).data(GridModel::DecisionRole).toInt(),
            int(iamx::DecisionKind::ImplicitDeny));
    QVERIFY(grid->index(0, 1)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(u"Denied implicitly — no identity policy allows"_s));
    QCOMPARE(grid->headerData(1, Qt::Horizontal).toString(), u"payroll-05.csv"_s);
    saveScreenshot(u"grid"_s);

    // Clicking a cell shows that pair in full.
    auto *table = m_panel->findChild<QTableView *>(u"gridTable"_s);
    QSignalSpy simulated(m_panel.get(), &SimulatePanel::simulated);
    QTest::mouseClick(
            table->viewport(), Qt::LeftButton, {}, table->visualRect(grid->index(0, 1)).center());
    QCOMPARE(simulated.count(), 1);
    QCOMPARE(iamx::toQString(m_panel->lastResult().request.request.resource), payroll);
    QCOMPARE(badgeText(), u"✖ Denied implicitly — no identity policy allows"_s);
    QCOMPARE(m_panel->findChild<QLineEdit *>(u"resourceInput"_s)->text(), payroll);
}

void tst_SimulatePanel::coloursFollowThePalette()
{
    ask(u"alice"_s, u"s3:GetObject"_s, q1);
    auto *badge = m_panel->findChild<iamx::DecisionBadge *>(u"decisionBadge"_s);
    QVERIFY(badge->palette().color(QPalette::Window).lightness() > 128);
    QPalette dark = m_panel->palette();
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Base, QColor(0x18, 0x18, 0x18));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    m_panel->setPalette(dark);
    QTRY_VERIFY(badge->palette().color(QPalette::Window).lightness() < 128);
    QVERIFY(badge->palette().color(QPalette::WindowText).lightness() > 128);
    saveScreenshot(u"dark"_s);
}

QTEST_MAIN(tst_SimulatePanel)
#include "tst_simulatepanel.moc"
