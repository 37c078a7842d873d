#include "widgets/TagSetDialog.h"

#include "model/ReviewModels.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace synthscope::widgets {

TagSetDialog::TagSetDialog(model::ReviewStore& store, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_model(new model::TagSetModel(store, this))
    , m_view(new QListView(this)) {
    setWindowTitle(tr("Tag set"));
    m_view->setModel(m_model);
    auto* add = new QPushButton(tr("Add…"), this);
    auto* remove = new QPushButton(tr("Remove"), this);
    auto* up = new QPushButton(tr("Move up"), this);
    auto* down = new QPushButton(tr("Move down"), this);
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
        new QLabel(tr("Double-click a tag to rename it. Tags 1–9 are the Review hotkeys."), this));
    layout->addLayout(row);
    layout->addWidget(buttons);
}

void TagSetDialog::add() {
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Add tag"), tr("Name:"), QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    if (auto s = m_store.addTag(name); !s)
        QMessageBox::warning(this, tr("Add tag"), s.error());
}

void TagSetDialog::remove() {
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid())
        return;
    const auto answer =
        QMessageBox::question(this, tr("Remove tag"),
                              tr("Remove “%1” and every use of it? This cannot be undone.")
                                  .arg(index.data(Qt::EditRole).toString()));
    if (answer != QMessageBox::Yes)
        return;
    if (auto s = m_store.removeTag(index.data(model::TagSetModel::TagIdRole).toLongLong()); !s)
        QMessageBox::warning(this, tr("Remove tag"), s.error());
}

void TagSetDialog::move(int delta) {
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid())
        return;
    const int target = index.row() + delta;
    if (target < 0 || target >= m_model->rowCount())
        return;
    (void)m_store.moveTag(index.data(model::TagSetModel::TagIdRole).toLongLong(), target);
    m_view->setCurrentIndex(m_model->index(target));
}

} // namespace synthscope::widgets
