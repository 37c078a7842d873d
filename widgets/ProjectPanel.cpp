#include "widgets/ProjectPanel.h"

#include "model/CorpusModels.h"
#include "model/ProjectDocument.h"
#include "widgets/EmptyState.h"

#include <QAction>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::widgets {

namespace {
void setUpTable(QTableView* view) {
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
}
} // namespace

ProjectPanel::ProjectPanel(QWidget* parent)
    : QWidget(parent)
    , m_corpora(new model::CorporaModel(this))
    , m_rejects(new model::RejectsModel(this))
    , m_corporaView(new QTableView(this))
    , m_rejectsView(new QTableView(this))
    , m_rejectsTitle(new QLabel(this))
    , m_renameAction(new QAction(tr("&Rename…"), this))
    , m_roleAction(new QAction(tr("Mark as &Synthetic"), this))
    , m_removeAction(new QAction(tr("Re&move…"), this)) {
    setUpTable(m_corporaView);
    setUpTable(m_rejectsView);
    m_corporaView->setModel(m_corpora);
    m_corporaView->setObjectName(QStringLiteral("corporaView"));
    m_rejectsView->setModel(m_rejects);
    m_rejectsView->setObjectName(QStringLiteral("rejectsView"));
    m_corporaState = new EmptyState(m_corporaView, this);

    auto* corporaBox = new QWidget(this);
    auto* corporaLayout = new QVBoxLayout(corporaBox);
    corporaLayout->setContentsMargins(0, 0, 0, 0);
    auto* title = new QLabel(tr("<b>Corpora</b>"), corporaBox);
    auto* importButton = new QPushButton(tr("Import…"), corporaBox);
    m_importButton = importButton;
    importButton->setObjectName(u"importButton"_s);
    importButton->setToolTip(
        tr("Import a corpus from JSONL, JSON, CSV/TSV or text files (Ctrl+I)"));
    connect(importButton, &QPushButton::clicked, this, &ProjectPanel::importRequested);
    // Corpus edits: keys while the table has focus, the Corpus menu button and the context menu.
    m_renameAction->setShortcut(Qt::Key_F2);
    m_renameAction->setToolTip(tr("Rename the selected corpus (F2); undoable"));
    m_roleAction->setShortcut(QKeySequence(u"Ctrl+Shift+R"_s));
    m_roleAction->setToolTip(tr("Give the selected corpus the other role (Ctrl+Shift+R); "
                                "undoable; the analyses go out of date"));
    m_removeAction->setShortcut(QKeySequence::Delete);
    m_removeAction->setToolTip(tr("Remove the selected corpus with its samples and the review "
                                  "work on them (Delete); asks first"));
    for (QAction* a : {m_renameAction, m_roleAction, m_removeAction}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_corporaView->addAction(a);
    }
    connect(m_renameAction, &QAction::triggered, this, &ProjectPanel::renameSelected);
    connect(m_roleAction, &QAction::triggered, this, &ProjectPanel::toggleRoleOfSelected);
    connect(m_removeAction, &QAction::triggered, this, &ProjectPanel::removeSelected);
    auto* corpusMenu = new QMenu(this);
    corpusMenu->addActions({m_renameAction, m_roleAction});
    corpusMenu->addSeparator();
    corpusMenu->addAction(m_removeAction);
    auto* corpusButton = new QToolButton(corporaBox);
    m_corpusButton = corpusButton;
    corpusButton->setObjectName(u"corpusButton"_s);
    corpusButton->setText(tr("Corpus"));
    corpusButton->setToolTip(tr("Rename, change the role of or remove the selected corpus"));
    corpusButton->setMenu(corpusMenu);
    corpusButton->setPopupMode(QToolButton::InstantPopup);
    m_corporaView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_corporaView, &QWidget::customContextMenuRequested, this,
            [this, corpusMenu](const QPoint& pos) {
                const QModelIndex at = m_corporaView->indexAt(pos);
                if (!at.isValid())
                    return;
                m_corporaView->selectRow(at.row());
                corpusMenu->popup(m_corporaView->viewport()->mapToGlobal(pos));
            });
    auto* header = new QHBoxLayout;
    header->addWidget(title);
    header->addStretch();
    header->addWidget(corpusButton);
    header->addWidget(importButton);
    corporaLayout->addLayout(header);
    corporaLayout->addWidget(m_corporaState);

    auto* rejectsBox = new QWidget(this);
    auto* rejectsLayout = new QVBoxLayout(rejectsBox);
    rejectsLayout->setContentsMargins(0, 0, 0, 0);
    rejectsLayout->addWidget(m_rejectsTitle);
    rejectsLayout->addWidget(m_rejectsView);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("projectPanelSplitter"));
    splitter->addWidget(corporaBox);
    splitter->addWidget(rejectsBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);

    connect(m_corporaView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ProjectPanel::showRejects);
    connect(m_corporaView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ProjectPanel::updateActions);
    reload();
}

void ProjectPanel::setDocument(model::ProjectDocument* document) {
    if (m_document != nullptr)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (document != nullptr)
        connect(document, &model::ProjectDocument::corporaChanged, this, &ProjectPanel::reload);
    reload();
}

void ProjectPanel::reload() {
    // Without a project there is nothing to import into or edit.
    m_importButton->setEnabled(m_document != nullptr);
    m_corpusButton->setEnabled(m_document != nullptr);
    // The same corpus stays selected across a reload (a rename, a role change, an import).
    const qint64 selectedId = selectedRow() >= 0 ? m_corpora->corpora().at(selectedRow()).id : 0;
    m_corpora->setCorpora(m_document != nullptr ? m_document->store().corpora()
                                                : QList<model::CorpusInfo>());
    m_corporaView->resizeColumnsToContents();
    int keep = 0;
    for (int i = 0; i < m_corpora->corpora().size(); ++i)
        if (m_corpora->corpora().at(i).id == selectedId)
            keep = i;
    if (m_corpora->rowCount() == 0) {
        m_corporaState->showMessage(m_document == nullptr
                                        ? tr("No project is open.")
                                        : tr("No corpora yet.\nUse Import… to add real and "
                                             "synthetic data."));
    } else {
        m_corporaState->showContent();
        m_corporaView->selectRow(keep);
    }
    showRejects();
    updateActions();
}

int ProjectPanel::selectedRow() const {
    const QModelIndex current = m_corporaView->currentIndex();
    return current.isValid() && current.row() < m_corpora->rowCount() ? current.row() : -1;
}

void ProjectPanel::updateActions() {
    const int row = selectedRow();
    const bool has = m_document != nullptr && row >= 0;
    for (QAction* a : {m_renameAction, m_roleAction, m_removeAction})
        a->setEnabled(has);
    m_roleAction->setText(has && m_corpora->corpora().at(row).role == model::Role::Synthetic
                              ? tr("Mark as &Real")
                              : tr("Mark as &Synthetic"));
}

void ProjectPanel::renameSelected() {
    const int row = selectedRow();
    if (m_document == nullptr || row < 0)
        return;
    const model::CorpusInfo corpus = m_corpora->corpora().at(row);
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename Corpus"), tr("New name:"),
                                               QLineEdit::Normal, corpus.name, &ok);
    if (!ok || name.trimmed() == corpus.name)
        return;
    if (model::Status s = m_document->renameCorpus(corpus.id, name); !s)
        QMessageBox::warning(this, tr("Rename Corpus"),
                             tr("“%1” was not renamed: %2").arg(corpus.name, s.error()));
}

void ProjectPanel::toggleRoleOfSelected() {
    const int row = selectedRow();
    if (m_document == nullptr || row < 0)
        return;
    const model::CorpusInfo corpus = m_corpora->corpora().at(row);
    const model::Role role =
        corpus.role == model::Role::Real ? model::Role::Synthetic : model::Role::Real;
    if (model::Status s = m_document->setCorpusRole(corpus.id, role); !s)
        QMessageBox::warning(
            this, tr("Change Role"),
            tr("The role of “%1” was not changed: %2").arg(corpus.name, s.error()));
}

void ProjectPanel::removeSelected() {
    const int row = selectedRow();
    if (m_document == nullptr || row < 0)
        return;
    const model::CorpusInfo corpus = m_corpora->corpora().at(row);
    model::CorpusRemovalImpact impact;
    if (model::Status s = model::corpusRemovalImpact(m_document->project(), corpus.id, &impact);
        !s) {
        QMessageBox::warning(this, tr("Remove Corpus"), s.error());
        return;
    }
    const QLocale locale;
    const QString text = tr("Remove the corpus “%1”?").arg(corpus.name);
    QString detail = tr("This deletes its %1 samples and %2 rejected rows from the project.")
                         .arg(locale.toString(impact.samples), locale.toString(impact.rejects));
    if (impact.losesReviewWork())
        detail += u' ' + tr("The review work on them goes too: %1 tagged samples, %2 decisions "
                            "and %3 notes (every reviewer's).")
                             .arg(locale.toString(impact.taggedSamples),
                                  locale.toString(impact.decisions), locale.toString(impact.notes));
    if (impact.queueEntries > 0)
        detail += u' ' + tr("%1 entries of saved review queues go; the queues keep their place.")
                             .arg(locale.toString(impact.queueEntries));
    detail += u' ' + tr("Its metrics in every analysis run go too (Trends lose it), and the "
                        "analyses go out of date. This cannot be undone.");
    QMessageBox box(QMessageBox::Warning, tr("Remove Corpus"), text, QMessageBox::Cancel, this);
    box.setTextFormat(Qt::PlainText); // a corpus name is shown as typed, never as markup
    box.setInformativeText(detail);
    QPushButton* remove = box.addButton(tr("Remove"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != remove)
        return;
    m_document->startRemoveCorpus(corpus.id, corpus.name);
}

void ProjectPanel::showRejects() {
    const QModelIndex current = m_corporaView->currentIndex();
    if (m_document == nullptr || !current.isValid()) {
        m_rejects->setRejects({});
        m_rejectsTitle->setText(tr("<b>Rejected rows</b>"));
        return;
    }
    const auto& corpus = m_corpora->corpora().at(current.row());
    m_rejects->setRejects(m_document->store().rejects(corpus.id, 5000));
    m_rejectsTitle->setText(
        corpus.rejected == 0
            ? tr("<b>Rejected rows</b> of %1: none").arg(corpus.name.toHtmlEscaped())
            : tr("<b>Rejected rows</b> of %1: %2")
                  .arg(corpus.name.toHtmlEscaped())
                  .arg(corpus.rejected));
    m_rejectsView->resizeColumnsToContents();
}

} // namespace synthscope::widgets
