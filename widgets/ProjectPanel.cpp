#include "widgets/ProjectPanel.h"

#include "model/CorpusModels.h"
#include "model/ProjectDocument.h"
#include "widgets/EmptyState.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

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
    , m_rejectsTitle(new QLabel(this)) {
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
    importButton->setToolTip(
        tr("Import a corpus from JSONL, JSON, CSV/TSV or text files (Ctrl+I)"));
    connect(importButton, &QPushButton::clicked, this, &ProjectPanel::importRequested);
    auto* header = new QHBoxLayout;
    header->addWidget(title);
    header->addStretch();
    header->addWidget(importButton);
    corporaLayout->addLayout(header);
    corporaLayout->addWidget(m_corporaState);

    auto* rejectsBox = new QWidget(this);
    auto* rejectsLayout = new QVBoxLayout(rejectsBox);
    rejectsLayout->setContentsMargins(0, 0, 0, 0);
    rejectsLayout->addWidget(m_rejectsTitle);
    rejectsLayout->addWidget(m_rejectsView);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(corporaBox);
    splitter->addWidget(rejectsBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);

    connect(m_corporaView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ProjectPanel::showRejects);
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
    m_corpora->setCorpora(m_document != nullptr ? m_document->store().corpora()
                                                : QList<model::CorpusInfo>());
    m_corporaView->resizeColumnsToContents();
    if (m_corpora->rowCount() == 0) {
        m_corporaState->showMessage(m_document == nullptr
                                        ? tr("No project is open.")
                                        : tr("No corpora yet.\nUse Import… to add real and "
                                             "synthetic data."));
    } else {
        m_corporaState->showContent();
        m_corporaView->selectRow(0);
    }
    showRejects();
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
