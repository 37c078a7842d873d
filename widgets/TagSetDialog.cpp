#include "widgets/TagSetDialog.h"

#include "model/ReviewCommands.h"
#include "model/ReviewModels.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::widgets {

TagSetDialog::TagSetDialog(model::ReviewStore& store, QUndoStack& undo, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_undo(undo)
    , m_model(new model::TagSetModel(store, &undo, this))
    , m_view(new QListView(this)) {
    setWindowTitle(tr("Tag set"));
    m_view->setObjectName(u"tagList"_s);
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    auto* add = new QPushButton(tr("Add…"), this);
    auto* remove = new QPushButton(tr("Remove"), this);
    auto* up = new QPushButton(tr("Move up"), this);
    auto* down = new QPushButton(tr("Move down"), this);
    add->setObjectName(u"addTag"_s);
    remove->setObjectName(u"removeTag"_s);
    up->setObjectName(u"moveTagUp"_s);
    down->setObjectName(u"moveTagDown"_s);
    // The dialog is modal, so the main window's Undo/Redo shortcuts do not reach it.
    auto* undoKey = new QShortcut(QKeySequence::Undo, this);
    connect(undoKey, &QShortcut::activated, &m_undo, &QUndoStack::undo);
    auto* redoKey = new QShortcut(QKeySequence::Redo, this);
    connect(redoKey, &QShortcut::activated, &m_undo, &QUndoStack::redo);
    connect(add, &QPushButton::clicked, this, &TagSetDialog::add);
    connect(remove, &QPushButton::clicked, this, &TagSetDialog::remove);
    connect(up, &QPushButton::clicked, this, [this]() { move(-1); });
    connect(down, &QPushButton::clicked, this, [this]() { move(+1); });
    auto* side = new QVBoxLayout;
    for (QPushButton* b : {add, remove, up, down})
        side->addWidget(b);
    side->addStretch();
    auto* row = new QHBoxLayout;
    row->addWidget(m_view, 1);
    row->addLayout(side);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(
        new QLabel(tr("Double-click a tag (or press F2) to rename it. Tags 1–9 are the Review "
                      "hotkeys. Ctrl+Z undoes a change."),
                   this));
    layout->addLayout(row);
    layout->addWidget(buttons);
}

void TagSetDialog::add() {
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Add tag"), tr("Name:"), QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    if (const QString problem = m_model->nameProblem(name); !problem.isEmpty()) {
        QMessageBox::warning(this, tr("Add tag"), problem);
        return;
    }
    m_undo.push(new model::AddTagCommand(m_store, name)); // a failure is reported by the store
    m_view->setCurrentIndex(m_model->index(m_model->rowCount() - 1));
}

void TagSetDialog::remove() {
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid())
        return;
    const model::TagDef tag = m_model->tags().at(index.row());
    const auto answer = QMessageBox::question(
        this, tr("Remove tag"),
        tr("Remove “%1” and every use of it, by every reviewer? Edit → Undo puts it back.")
            .arg(tag.name));
    if (answer != QMessageBox::Yes)
        return;
    m_undo.push(new model::RemoveTagCommand(m_store, tag));
}

void TagSetDialog::move(int delta) {
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid())
        return;
    const int target = index.row() + delta;
    if (target < 0 || target >= m_model->rowCount())
        return;
    m_undo.push(
        new model::MoveTagCommand(m_store, m_model->tags().at(index.row()), index.row(), target));
    m_view->setCurrentIndex(m_model->index(target));
}

} // namespace synthscope::widgets
