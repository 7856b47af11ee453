#include "policypage.h"

#include "model/documentkey.h"
#include "views/editor/findbar.h"
#include "views/editor/policycompleter.h"
#include "views/editor/policyeditor.h"
#include "views/qtconvert.h"

#include <QAction>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace iamx {

namespace {

/// Whether the key names a policy AWS manages: nobody but AWS may change those.
bool isAwsManaged(const QString &documentKeyText)
{
    const std::optional<DocumentKey> key = parseDocumentKey(toStdString(documentKeyText));
    return key && key->kind == DocumentKey::Kind::Managed
            && key->owner.starts_with("arn:aws:iam::aws:policy/");
}

QAction *makeAction(QWidget *page, const QString &name, const QString &text,
        const QList<QKeySequence> &shortcuts)
{
    auto *action = new QAction(text, page);
    action->setObjectName(name);
    action->setShortcuts(shortcuts);
    // Only while the focus is in this page: every open policy has its own.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    if (!shortcuts.isEmpty()) {
        action->setToolTip(
                u"%1 (%2)"_s.arg(text, shortcuts.constFirst().toString(QKeySequence::NativeText)));
    }
    page->addAction(action);
    return action;
}

QToolButton *makeButton(QWidget *page, const QString &name, QAction *action)
{
    auto *button = new QToolButton(page);
    button->setObjectName(name);
    button->setDefaultAction(action);
    button->setAccessibleName(action->text());
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

} // namespace

PolicyPage::PolicyPage(QWidget *parent)
    : QWidget(parent)
    , m_titleLabel(new QLabel(this))
    , m_readOnlyNote(new QLabel(this))
    , m_editor(new PolicyEditor(this))
    , m_findBar(new FindBar(m_editor, this))
{
    setObjectName(u"policyPage"_s);
    setAccessibleName(tr("Policy"));
    m_titleLabel->setObjectName(u"policyTitle"_s);
    m_titleLabel->setTextFormat(Qt::PlainText);
    QFont bold = m_titleLabel->font();
    bold.setBold(true);
    m_titleLabel->setFont(bold);
    m_readOnlyNote->setObjectName(u"readOnlyNote"_s);
    m_readOnlyNote->setTextFormat(Qt::PlainText);
    m_readOnlyNote->setEnabled(false); // a muted colour in any palette
    m_readOnlyNote->hide();

    m_formatAction = makeAction(this, u"formatAction"_s, tr("Format"),
            { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I) });
    m_revertAction = makeAction(this, u"revertAction"_s, tr("Revert"), {});
    m_revertAction->setToolTip(tr("Discard the changes: back to the account's text"));
    m_applyAction = makeAction(this, u"applyAction"_s, tr("Apply"),
            { QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) });
    m_findAction = makeAction(this, u"findAction"_s, tr("Find"), { QKeySequence::Find });

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 2, 2, 2);
    bar->addWidget(m_titleLabel);
    bar->addSpacing(12);
    bar->addWidget(m_readOnlyNote);
    bar->addStretch(1);
    bar->addWidget(makeButton(this, u"formatButton"_s, m_formatAction));
    bar->addWidget(makeButton(this, u"revertButton"_s, m_revertAction));
    bar->addWidget(makeButton(this, u"applyButton"_s, m_applyAction));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_findBar);
    setFocusProxy(m_editor);

    connect(m_formatAction, &QAction::triggered, this, &PolicyPage::format);
    connect(m_revertAction, &QAction::triggered, this, &PolicyPage::revert);
    connect(m_applyAction, &QAction::triggered, this, &PolicyPage::apply);
    connect(m_findAction, &QAction::triggered, m_findBar, &FindBar::openFind);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &PolicyPage::updateModified);
    connect(m_editor, &PolicyEditor::diagnosticsChanged, this, &PolicyPage::updateActions);
    connect(m_editor, &PolicyEditor::diagnosticsChanged, this, &PolicyPage::diagnosticsChanged);
    updateActions();
}

PolicyPage::~PolicyPage() = default;

void PolicyPage::setDocument(const QString &documentKeyText, const QString &title,
        const QString &text, const PolicyParseOptions &options)
{
    m_documentKey = documentKeyText;
    m_title = title;
    m_baseline = text;
    m_titleLabel->setText(title);
    m_editor->clearStatementOutcomes();
    m_editor->setPlainText(text); // also clears the undo history
    // A resource's policy is validated against that resource's service.
    const auto key = parseDocumentKey(toStdString(documentKeyText));
    m_editor->setResourceArn(
            key && key->kind == DocumentKey::Kind::Resource ? key->owner : std::string());
    m_editor->setParseOptions(options); // validates now
    if (isAwsManaged(documentKeyText))
        setReadOnly(true, tr("Read-only: managed by AWS"));
    else
        setReadOnly(false);
    updateModified();
}

QString PolicyPage::text() const
{
    return m_editor->toPlainText();
}

bool PolicyPage::canApply() const
{
    return m_modified && !m_readOnly && !m_editor->hasErrors();
}

void PolicyPage::setReadOnly(bool readOnly, const QString &note)
{
    m_readOnly = readOnly;
    m_editor->setReadOnly(readOnly);
    m_readOnlyNote->setText(note);
    m_readOnlyNote->setToolTip(note); // when the bar is too narrow for all of it
    m_readOnlyNote->setVisible(readOnly && !note.isEmpty());
    updateActions();
}

bool PolicyPage::apply()
{
    m_editor->validate(); // typing may not have been validated yet
    if (!canApply())
        return false;
    emit applyRequested(m_documentKey, text());
    return true;
}

void PolicyPage::markApplied()
{
    m_baseline = text();
    updateModified();
}

void PolicyPage::revert()
{
    if (m_readOnly || !m_modified)
        return;
    QTextCursor cursor(m_editor->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(m_baseline); // one undoable edit: a revert can be taken back
    m_editor->validate();
}

bool PolicyPage::format()
{
    return !m_readOnly && m_editor->formatDocument();
}

void PolicyPage::setStatementOutcomes(const std::vector<StatementOutcome> &outcomes)
{
    const std::optional<DocumentKey> key = parseDocumentKey(toStdString(m_documentKey));
    std::vector<StatementOutcome> mine;
    if (key && !m_modified) {
        std::copy_if(outcomes.cbegin(), outcomes.cend(), std::back_inserter(mine),
                [&](const StatementOutcome &outcome) { return outcome.document == *key; });
    }
    m_editor->setStatementOutcomes(mine);
}

void PolicyPage::setCompletionAccountSource(
        std::function<std::shared_ptr<const CompletionAccountContext>()> source)
{
    m_editor->completer()->setAccountContextSource(std::move(source));
}

void PolicyPage::clearStatementOutcomes()
{
    m_editor->clearStatementOutcomes();
}

bool PolicyPage::scrollToStatement(int index)
{
    return m_editor->scrollToStatement(index);
}

void PolicyPage::moveToLocation(int line, int column)
{
    m_editor->moveToLocation(line, column);
}

void PolicyPage::updateModified()
{
    const bool modified = text() != m_baseline;
    if (modified != m_modified) {
        m_modified = modified;
        emit modifiedChanged(modified);
    }
    updateActions();
}

void PolicyPage::updateActions()
{
    m_applyAction->setEnabled(canApply());
    m_revertAction->setEnabled(!m_readOnly && m_modified);
    m_formatAction->setEnabled(!m_readOnly);
}

} // namespace iamx
