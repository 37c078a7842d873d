#include "widgets/TeamView.h"

#include "widgets/Language.h"

#include "model/ProjectDocument.h"
#include "model/TeamModels.h"
#include "widgets/Charts.h"
#include "widgets/EmptyState.h"
#include "widgets/LazyReload.h"
#include "widgets/ReadOnlyTable.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::widgets {

namespace {

QLabel* hintLabel(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    return label;
}

// The text is the last column: it takes the spare width, the others fit their contents.
void textLastColumn(QTableView* view) {
    const auto apply = [view]() {
        view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        view->horizontalHeader()->setStretchLastSection(true);
    };
    apply();
    QObject::connect(view->model(), &QAbstractItemModel::modelReset, view, apply);
}

// Sample ids of a model's rows (column 0, role).
QList<qint64> idsOf(const QAbstractItemModel* model, int role) {
    QList<qint64> ids;
    for (int r = 0; r < model->rowCount(); ++r)
        ids.append(model->index(r, 0).data(role).toLongLong());
    return ids;
}

} // namespace

TeamView::TeamView(QWidget* parent)
    : QWidget(parent)
    , m_agreement(new model::AgreementModel(this))
    , m_rates(new model::TagRateModel(this))
    , m_notes(new model::NotesModel(this))
    , m_concept(new model::ConceptModel(this))
    , m_tabs(new QTabWidget(this))
    , m_agreementHeader(hintLabel({}, this))
    , m_dimension(new QComboBox(this))
    , m_chartTag(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_notesHeader(hintLabel({}, this))
    , m_conceptTag(new QComboBox(this))
    , m_train(new QPushButton(tr("Train concept"), this))
    , m_reviewConcept(new QPushButton(tr("Review these"), this))
    , m_conceptHeader(hintLabel({}, this)) {
    m_lazy = new LazyReload(this, [this]() { reload(); });
    m_tabs->setObjectName(u"teamTabs"_s);

    // Agreement
    auto* agreementPage = new QWidget(this);
    auto* agreementLayout = new QVBoxLayout(agreementPage);
    m_agreementTable = makeReadOnlyTable(m_agreement, agreementPage, u"agreementTable"_s);
    agreementLayout->addWidget(m_agreementHeader);
    agreementLayout->addWidget(m_agreementTable, 1);
    agreementLayout->addWidget(hintLabel(
        tr("Per tag, each reviewer's answer on a sample is “tagged” or “not tagged”; keep / drop "
           "compares decisions. Cohen's κ (1960) corrects the observed agreement for chance for "
           "two reviewers; Krippendorff's α (2011, nominal) does so for any number, with missing "
           "answers. Below 0.4 the tag means different things to different people: rewrite its "
           "definition before trusting its rate."),
        agreementPage));
    m_tabs->addTab(agreementPage, tr("Agreement"));

    // Tag rates
    auto* ratesPage = new QWidget(this);
    auto* ratesLayout = new QVBoxLayout(ratesPage);
    auto* ratesBar = new QHBoxLayout;
    for (model::Dimension d : model::kDimensions)
        m_dimension->addItem(model::dimensionTitle(d), static_cast<int>(d));
    m_dimension->setObjectName(u"tagRateDimension"_s);
    m_chartTag->setObjectName(u"tagRateChartTag"_s);
    ratesBar->addWidget(new QLabel(tr("Tag rate by:"), ratesPage));
    ratesBar->addWidget(m_dimension);
    ratesBar->addSpacing(16);
    ratesBar->addWidget(new QLabel(tr("Chart:"), ratesPage));
    ratesBar->addWidget(m_chartTag);
    ratesBar->addStretch();
    m_rateTable = makeReadOnlyTable(m_rates, ratesPage, u"tagRateTable"_s);
    m_rateTable->setSortingEnabled(false);
    m_rateChart = makeChartView(ratesPage, u"tagRateChart"_s);
    auto* ratesSplit = new QSplitter(Qt::Horizontal, ratesPage);
    ratesSplit->setObjectName(QStringLiteral("teamRatesSplitter"));
    ratesSplit->addWidget(m_rateTable);
    ratesSplit->addWidget(m_rateChart);
    m_rateChart->setMinimumWidth(380);
    ratesSplit->setStretchFactor(0, 1);
    ratesSplit->setStretchFactor(1, 1);
    ratesLayout->addLayout(ratesBar);
    ratesLayout->addWidget(ratesSplit, 1);
    ratesLayout->addWidget(hintLabel(
        tr("Share of the reviewed samples of each group that any reviewer tagged; deeper red is "
           "a higher rate. Compare a generator's or a round's row with the others to see where a "
           "complaint concentrates."),
        ratesPage));
    m_tabs->addTab(ratesPage, tr("Tag rates"));

    // Notes
    auto* notesPage = new QWidget(this);
    auto* notesLayout = new QVBoxLayout(notesPage);
    m_search->setObjectName(u"noteSearch"_s);
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(tr("Search notes (SQLite FTS5: words, \"a phrase\", prefix*, "
                                    "AND / OR / NOT) — empty shows notes grouped by wording"));
    auto* notesTable = makeReadOnlyTable(m_notes, notesPage, u"notesTable"_s);
    textLastColumn(notesTable);
    notesLayout->addWidget(m_search);
    notesLayout->addWidget(m_notesHeader);
    notesLayout->addWidget(notesTable, 1);
    m_tabs->addTab(notesPage, tr("Notes"));

    // Concepts
    auto* conceptPage = new QWidget(this);
    auto* conceptLayout = new QVBoxLayout(conceptPage);
    auto* conceptBar = new QHBoxLayout;
    m_conceptTag->setObjectName(u"conceptTag"_s);
    m_train->setObjectName(u"trainConcept"_s);
    m_reviewConcept->setObjectName(u"reviewConcept"_s);
    m_reviewConcept->setEnabled(false);
    conceptBar->addWidget(new QLabel(tr("More like this tag:"), conceptPage));
    conceptBar->addWidget(m_conceptTag);
    conceptBar->addWidget(m_train);
    conceptBar->addStretch();
    conceptBar->addWidget(m_reviewConcept);
    auto* conceptTable = makeReadOnlyTable(m_concept, conceptPage, u"conceptTable"_s);
    textLastColumn(conceptTable);
    m_conceptHeader->setText(
        tr("A concept is a logistic regression on the embeddings: the samples reviewers tagged are "
           "its positives, the samples they reviewed without the tag its negatives. It ranks the "
           "unreviewed samples so you read the likeliest first. Trust it only when its "
           "cross-validated precision and recall are high."));
    conceptLayout->addLayout(conceptBar);
    conceptLayout->addWidget(m_conceptHeader);
    conceptLayout->addWidget(conceptTable, 1);
    m_tabs->addTab(conceptPage, tr("More like this"));

    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_tabs);
    m_state = EmptyState::fill(this, content);

    connect(m_dimension, &QComboBox::currentIndexChanged, this, &TeamView::reloadRates);
    connect(m_chartTag, &QComboBox::currentIndexChanged, this, &TeamView::updateRateChart);
    connect(m_search, &QLineEdit::returnPressed, this, [this]() { searchNotes(m_search->text()); });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (text.isEmpty())
            searchNotes({});
    });
    connect(notesTable, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        const qint64 id = index.data(model::NotesModel::SampleIdRole).toLongLong();
        Q_EMIT reviewRequested({id}, tr("Sample #%1").arg(id));
    });
    connect(conceptTable, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        const qint64 id = index.data(model::ConceptModel::SampleIdRole).toLongLong();
        Q_EMIT reviewRequested({id}, tr("Sample #%1").arg(id));
    });
    connect(m_train, &QPushButton::clicked, this, [this]() {
        if (m_document != nullptr && m_conceptTag->currentIndex() >= 0)
            m_document->startConcept(m_conceptTag->currentData().toLongLong());
    });
    connect(m_reviewConcept, &QPushButton::clicked, this, [this]() {
        Q_EMIT reviewRequested(idsOf(m_concept, model::ConceptModel::SampleIdRole), m_conceptTitle);
    });
    setDocument(nullptr);
}

void TeamView::setDocument(model::ProjectDocument* document) {
    if (m_document != nullptr) {
        disconnect(m_document, nullptr, this, nullptr);
        disconnect(&m_document->review(), nullptr, this, nullptr);
        disconnect(m_document, nullptr, m_lazy, nullptr);
        disconnect(&m_document->review(), nullptr, m_lazy, nullptr);
    }
    m_document = document;
    m_concept->setRows({});
    m_reviewConcept->setEnabled(false);
    if (document != nullptr) {
        connect(document, &model::ProjectDocument::analysisChanged, m_lazy, &LazyReload::markStale);
        connect(&document->review(), &model::ReviewStore::reviewChanged, m_lazy,
                &LazyReload::markStale);
        connect(&document->review(), &model::ReviewStore::reviewsChanged, m_lazy,
                &LazyReload::markStale);
        connect(&document->review(), &model::ReviewStore::tagsChanged, m_lazy,
                &LazyReload::markStale);
        connect(document, &model::ProjectDocument::conceptReady, this, &TeamView::showConcept);
    }
    m_lazy->markStale();
}

void TeamView::reload() {
    if (m_document == nullptr) {
        m_state->showMessage(tr("Open or create a project (File menu) to begin."));
        return;
    }
    m_state->showContent();
    QList<model::AgreementRow> rows;
    const model::Status s = model::reviewerAgreement(m_document->project(), &rows);
    m_agreement->setRows(rows);
    m_agreementTable->resizeColumnsToContents();
    const QStringList reviewers = m_document->review().reviewers();
    if (!s)
        m_agreementHeader->setText(tr("Cannot compute agreement: %1").arg(s.error()));
    else if (rows.isEmpty())
        m_agreementHeader->setText(
            tr("<b>No sample has answers from two reviewers yet.</b> Reviewers so far: %1. "
               "Agreement needs overlap: draw the same sampled queue (Review → Sample…, same "
               "seed) under two reviewer names (Edit → Reviewer Name…).")
                .arg(reviewers.isEmpty() ? tr("none") : reviewers.join(u", "_s).toHtmlEscaped()));
    else
        m_agreementHeader->setText(tr("<b>%1 reviewers</b> (%2) · %3 samples answered by two or "
                                      "more")
                                       .arg(reviewers.size())
                                       .arg(reviewers.join(u", "_s).toHtmlEscaped())
                                       .arg(rows.front().sharedSamples));

    const QList<model::TagDef> tags = m_document->review().tags();
    const QVariant chartTag = m_chartTag->currentData();
    const QVariant conceptTag = m_conceptTag->currentData();
    {
        QSignalBlocker a(m_chartTag);
        QSignalBlocker b(m_conceptTag);
        m_chartTag->clear();
        m_conceptTag->clear();
        for (int i = 0; i < tags.size(); ++i) {
            m_chartTag->addItem(tags[i].name, i);
            m_conceptTag->addItem(tags[i].name, tags[i].id);
        }
        m_chartTag->setCurrentIndex(std::max(0, m_chartTag->findData(chartTag)));
        m_conceptTag->setCurrentIndex(std::max(0, m_conceptTag->findData(conceptTag)));
    }
    m_train->setEnabled(m_document->analysis().has_value() && !tags.isEmpty());
    m_train->setToolTip(m_document->analysis() ? QString()
                                               : tr("Run the analyses first (Ctrl+R)."));
    reloadRates();
    searchNotes(m_search->text());
}

void TeamView::showPage(Page page) {
    m_tabs->setCurrentIndex(static_cast<int>(page));
}

void TeamView::setDimension(model::Dimension dimension) {
    m_dimension->setCurrentIndex(m_dimension->findData(static_cast<int>(dimension)));
}

void TeamView::reloadRates() {
    if (m_document == nullptr)
        return;
    model::TagRateTable table;
    (void)model::tagRates(m_document->project(),
                          static_cast<model::Dimension>(m_dimension->currentData().toInt()),
                          &table);
    m_rates->setTable(std::move(table));
    m_rateTable->resizeColumnsToContents();
    updateRateChart();
}

void TeamView::updateRateChart() {
    QChart* chart = m_rateChart->chart();
    clearChart(chart);
    const int tag = m_chartTag->currentData().toInt();
    const model::TagRateTable& table = m_rates->table();
    if (table.rows.isEmpty() || tag < 0 || tag >= table.tags.size()) {
        chart->setTitle(tr("No reviewed samples yet"));
        return;
    }
    chart->setTitle(
        tr("“%1” rate by %2 (%)")
            .arg(table.tags[tag].name, model::dimensionTitle(table.dimension).toLower()));
    auto* set = new QBarSet(table.tags[tag].name);
    set->setColor(QColor(0xc0, 0x39, 0x2b));
    QStringList categories;
    const int shown = std::min<int>(static_cast<int>(table.rows.size()), 20); // most reviewed
    for (int r = shown - 1; r >= 0; --r) { // horizontal bars list bottom-up
        const auto& row = table.rows[r];
        categories << u"%1 (n=%2)"_s.arg(row.value.left(32)).arg(row.reviewed);
        *set << (row.reviewed > 0 ? 100.0 * row.tagged[tag] / row.reviewed : 0.0);
    }
    auto* series = new QHorizontalBarSeries;
    series->append(set);
    chart->addSeries(series);
    auto* y = new QBarCategoryAxis;
    y->append(categories);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    auto* x = new QValueAxis;
    x->setRange(0, 100);
    x->setLabelFormat(u"%.0f"_s);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    chart->legend()->hide();
}

void TeamView::searchNotes(const QString& query) {
    if (m_document == nullptr)
        return;
    if (query.trimmed().isEmpty()) {
        QList<model::NoteGroup> groups;
        (void)model::groupNotes(m_document->project(), 0.35, &groups);
        m_notes->setGroups(groups);
        int recurring = 0;
        for (const auto& g : groups)
            recurring += g.notes.size() > 1 ? 1 : 0;
        m_notesHeader->setText(
            groups.isEmpty()
                ? tr("No notes yet. Notes typed in Review appear here, grouped by wording.")
                : tr("%1; %2 of similar wording (TF-IDF cosine ≥ 0.35) — recurring complaints "
                     "come first. Double-click to open the sample.")
                      .arg(m_notes->rowCount() == 1 ? tr("1 note")
                                                    : tr("%1 notes").arg(m_notes->rowCount()),
                           recurring == 1 ? tr("1 group") : tr("%1 groups").arg(recurring)));
        return;
    }
    QList<model::NoteHit> hits;
    if (const model::Status s = m_document->review().searchNotes(query, &hits); !s) {
        m_notes->setHits({});
        m_notesHeader->setText(s.error().toHtmlEscaped());
        return;
    }
    m_notes->setHits(hits);
    m_notesHeader->setText(tr("%1 notes match, best first.").arg(hits.size()));
}

void TeamView::showConcept(const model::ConceptResult& result) {
    QList<model::ConceptRow> rows;
    for (int i = 0; i < result.ranked.size(); ++i)
        rows.append(
            {result.ranked[i], result.scores[i],
             m_document != nullptr ? m_document->review().preview(result.ranked[i]) : QString()});
    m_concept->setRows(rows);
    m_reviewConcept->setEnabled(!rows.isEmpty());
    m_conceptTitle = tr("More like “%1”").arg(result.tag);
    const bool weak = std::isnan(result.precision) || result.precision < 0.7 || result.recall < 0.5;
    m_conceptHeader->setText(
        tr("<b>“%1”</b> learnt from %2 tagged and %3 untagged reviewed samples. "
           "5-fold cross-validated precision <b>%4</b>, recall <b>%5</b>, ROC-AUC %6. %7")
            .arg(result.tag.toHtmlEscaped())
            .arg(result.positives)
            .arg(result.negatives)
            .arg(std::isnan(result.precision) ? u"–"_s : QString::number(result.precision, 'f', 2))
            .arg(result.recall, 0, 'f', 2)
            .arg(result.auc, 0, 'f', 3)
            .arg(weak ? u"<span style='color:%1'>%2</span>"_s.arg(
                            errorColour(palette()),
                            tr("Weak: tag more examples before relying on this ranking."))
                      : tr("The top of this list is worth reading first.")));
}

} // namespace synthscope::widgets
