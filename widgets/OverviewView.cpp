#include "widgets/OverviewView.h"

#include "analysis/MetricKeys.h"

#include "model/Gate.h"
#include "model/GateModels.h"
#include "model/MetricCatalog.h"
#include "model/MetricModels.h"
#include "model/ProjectDocument.h"
#include "model/SourceModels.h"
#include "widgets/EmptyState.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::widgets {

namespace key = analysis::key;

namespace {

// Headline cards per row: two rows of four fit a laptop screen beside the project panel.
constexpr int kCardsPerRow = 4;

// The red lines that judge a pooled comparison metric directly (not its trend), worst first.
QList<const model::RedLineResult*> rulesOf(const QList<model::RedLineResult>& results,
                                           const QString& metric) {
    QList<const model::RedLineResult*> found;
    for (const model::RedLineResult& r : results)
        if (r.rule.metric == metric && r.rule.scope == "comparison"_L1 && r.rule.trendRuns == 0 &&
            r.status != model::GateStatus::NotApplicable)
            found.append(&r);
    std::stable_sort(found.begin(), found.end(), [](const auto* a, const auto* b) {
        return static_cast<int>(a->status) > static_cast<int>(b->status);
    });
    return found;
}

// A headline number with its title; when a red line judges it, the card's edge and a status
// line carry the rule's pass / warn / fail colour, the value it judged (a comparison rule
// judges the worst synthetic corpus, which may differ from the pooled number above) and its
// condition. On a stale analysis the rules describe corpora the project no longer holds: the
// status says OUT OF DATE (the gate exits 2 on it).
QWidget* card(const QString& value, const QString& title, const QString& tooltip,
              const QList<const model::RedLineResult*>& rules, bool stale, QWidget* parent) {
    auto* frame = new QFrame(parent);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setObjectName(u"metricCard"_s);
    QString tip = tooltip;
    auto* layout = new QVBoxLayout(frame);
    layout->setContentsMargins(8, 6, 8, 6);
    auto* number = new QLabel(value, frame);
    number->setStyleSheet(u"font-size: 20pt; font-weight: 600;"_s);
    auto* caption = new QLabel(title, frame);
    caption->setWordWrap(true);
    caption->setForegroundRole(QPalette::PlaceholderText); // readable on dark windows too
    layout->addWidget(number);
    layout->addWidget(caption);
    if (!rules.isEmpty()) {
        const model::RedLineResult& worst = *rules.first();
        const QColor ink = model::gateStatusInk(stale ? model::GateStatus::Warn : worst.status);
        frame->setProperty("gateStatus", stale ? u"stale"_s : model::gateStatusName(worst.status));
        frame->setStyleSheet(u"QFrame#metricCard { border: 1px solid palette(mid); border-left: "
                             "6px solid %1; border-radius: 3px; }"_s.arg(ink.name()));
        QStringList lines;
        for (const model::RedLineResult* r : rules) {
            const QString condition =
                model::conditionText(r->rule).replace(u"<="_s, u"≤"_s).replace(u">="_s, u"≥"_s);
            const QString judged = r->value ? QString::number(*r->value, 'f', 3) : QString(u"–"_s);
            lines << OverviewView::tr("%1 · %2 · passes at %3 (%4 rule)")
                         .arg(stale ? OverviewView::tr("OUT OF DATE")
                                    : model::gateStatusTitle(r->status),
                              judged, condition,
                              r->rule.fail ? OverviewView::tr("fail") : OverviewView::tr("warn"));
            tip += u"\n\n"_s + model::redLineText(r->rule.title) + u": "_s +
                   model::redLineText(r->rule.action);
            if (!r->detail.isEmpty())
                tip += u" ("_s + r->detail + u')';
        }
        auto* status = new QLabel(lines.join(u'\n'), frame);
        status->setObjectName(u"cardStatus"_s);
        status->setWordWrap(true);
        status->setStyleSheet(u"color: %1; font-weight: 600;"_s.arg(ink.name()));
        layout->addWidget(status);
    }
    frame->setToolTip(tip);
    return frame;
}

// A compact table of per-corpus results: as tall as its rows up to maxHeight, then scrolling.
void setUpResultTable(QTableView* table, QAbstractItemModel* model, const QString& name,
                      int maxHeight) {
    table->setModel(model);
    table->setObjectName(name);
    table->verticalHeader()->hide();
    table->setAlternatingRowColors(true);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    table->setMaximumHeight(maxHeight);
}

} // namespace

OverviewView::OverviewView(QWidget* parent)
    : QWidget(parent)
    , m_metrics(new model::MetricsTableModel(this))
    , m_table(new QTableView(this))
    , m_pooled(new model::MetricsTableModel(this))
    , m_pooledTable(new QTableView(this))
    , m_pooledTitle(new QLabel(this))
    , m_vsReal(new model::VsRealModel(this))
    , m_vsRealTable(new QTableView(this))
    , m_vsRealTitle(new QLabel(this))
    , m_length(new model::LengthControlModel(this))
    , m_lengthTable(new QTableView(this))
    , m_lengthTitle(new QLabel(this))
    , m_lengthWarning(new QLabel(this))
    , m_sources(new model::SourceConcentrationModel(this))
    , m_sourcesTable(new QTableView(this))
    , m_sourcesTitle(new QLabel(this))
    , m_showRaw(new QCheckBox(tr("Show ra&w measures"), this))
    , m_banner(new QLabel(this))
    , m_dropAnalysis(new QPushButton(tr("&Drop This Analysis"), this))
    , m_cards(new QGridLayout) {
    // Per-corpus metrics with a column per corpus, and the pooled comparisons in a table of
    // their own (one table had an empty pooled column on every per-corpus row).
    m_metrics->setRowKinds(model::MetricsTableModel::RowKinds::PerCorpus);
    m_pooled->setRowKinds(model::MetricsTableModel::RowKinds::Pooled);
    setUpResultTable(m_pooledTable, m_pooled, u"pooledTable"_s, 300);
    m_pooledTitle->setWordWrap(true);
    m_pooledTitle->setText(
        tr("<b>Pooled: every real corpus against every synthetic one</b> — the cards' numbers "
           "and the rest of the comparison, on all samples of each side"));
    m_table->setModel(m_metrics);
    m_table->setObjectName(u"metricsTable"_s);
    m_table->setMinimumHeight(320); // the page scrolls; the table never shrinks to three rows
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    setUpResultTable(m_vsRealTable, m_vsReal, u"vsRealTable"_s, 260);
    m_vsRealTitle->setWordWrap(true);
    m_vsRealTitle->setText(
        tr("<b>Each synthetic corpus against reality</b> — on equal samples per side. "
           "<b>Bold on orange</b>: outside the real-vs-real band (two disjoint real draws of "
           "the same size, mean ± 3 sd), a difference larger than sampling noise. Hover a cell "
           "for the band."));
    setUpResultTable(m_lengthTable, m_length, u"lengthTable"_s, 180);
    m_lengthTitle->setWordWrap(true);
    m_lengthTitle->setText(
        tr("<b>Repetition against real text of the same lengths</b> — each rate of up to 1,000 "
           "synthetic samples over the rate of as many real samples with the same token lengths "
           "(1× = as repetitive as reality at these lengths). <b>Bold on orange</b>: at least "
           "%1×. A dash: not measured (hover it for why).")
            .arg(model::LengthControlModel::kLiftWorry, 0, 'f', 0));
    setUpResultTable(m_sourcesTable, m_sources, u"sourcesTable"_s, 180);
    m_sourcesTitle->setWordWrap(true);
    m_sourcesTitle->setText(
        tr("<b>Sources of the synthetic side</b> — the share of the largest generator, template "
           "version or judge version overall and in each round (<b>bold</b>: above 0.9, one "
           "source defines the round), and how evenly sources are used (1 = evenly, 0 = one)."));
    m_lengthWarning->setWordWrap(true);
    m_lengthWarning->setObjectName(u"lengthWarning"_s);
    m_lengthWarning->setStyleSheet(u"background: #fff3cd; color: #3d2f00; padding: 6px;"_s);
    m_showRaw->setObjectName(u"showRawMeasures"_s);
    m_showRaw->setToolTip(
        tr("Also list the measures that depend on corpus size or text length (distinct-n, "
           "vocabulary, duplicate, skeleton and nearest-neighbour rates, compression, self-BLEU, "
           "the embedding Vendi score, perplexity). Compare corpora with the controlled ones."));
    connect(m_showRaw, &QCheckBox::toggled, m_metrics,
            &model::MetricsTableModel::setShowUncontrolled);
    m_banner->setWordWrap(true);
    m_banner->setObjectName(u"overviewBanner"_s);
    m_dropAnalysis->setObjectName(u"dropAnalysisButton"_s);
    m_dropAnalysis->setToolTip(
        tr("Delete the unreadable analysis run and its results. Samples, tags, decisions and "
           "notes are not touched; run the analyses again (Ctrl+R) for fresh results."));
    m_dropAnalysis->hide();
    connect(m_dropAnalysis, &QPushButton::clicked, this, [this]() {
        if (m_document == nullptr || !m_document->analysis())
            return;
        // Deleting a run is not undoable: ask first, and say what stays.
        if (QMessageBox::question(
                this, tr("Drop Analysis"),
                tr("Delete analysis run %1 and its results? Samples, tags, decisions and notes "
                   "stay; the previous analysis, if any, becomes the newest. This cannot be "
                   "undone.")
                    .arg(m_document->analysis()->runId),
                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
            return;
        if (const model::Status s = m_document->dropUnreadableAnalysis(); !s)
            QMessageBox::warning(this, tr("Drop Analysis"), s.error());
    });

    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    auto* bannerRow = new QHBoxLayout;
    bannerRow->addWidget(m_banner, 1);
    bannerRow->addWidget(m_dropAnalysis);
    layout->addLayout(bannerRow);
    layout->addLayout(m_cards);
    layout->addWidget(m_vsRealTitle);
    layout->addWidget(m_vsRealTable);
    layout->addWidget(m_lengthWarning);
    layout->addWidget(m_lengthTitle);
    layout->addWidget(m_lengthTable);
    layout->addWidget(m_sourcesTitle);
    layout->addWidget(m_sourcesTable);
    auto* tableTitle = new QLabel(tr("<b>All metrics</b>, controlled for corpus size and text "
                                     "length — hover a row for what it measures and when to worry"),
                                  content);
    tableTitle->setWordWrap(true);
    auto* tableHeader = new QHBoxLayout;
    tableHeader->addWidget(tableTitle, 1);
    tableHeader->addWidget(m_showRaw);
    layout->addLayout(tableHeader);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_pooledTitle);
    layout->addWidget(m_pooledTable);
    // A page of cards and tables: it scrolls rather than holding the window taller than a
    // laptop screen.
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    m_state = EmptyState::fill(this, scroll);
    reload();
}

void OverviewView::setDocument(model::ProjectDocument* document) {
    if (m_document != nullptr)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (document != nullptr) {
        connect(document, &model::ProjectDocument::analysisChanged, this, &OverviewView::reload);
        connect(document, &model::ProjectDocument::corporaChanged, this, &OverviewView::reload);
        connect(document, &model::ProjectDocument::gateChanged, this, &OverviewView::placeCards);
    }
    reload();
}

void OverviewView::reload() {
    // The cards first: placeCards() clears them and places none without a readable analysis,
    // so the early returns below leave no old cards behind.
    placeCards();
    if (m_document == nullptr) {
        m_metrics->setAnalysis(std::nullopt);
        m_pooled->setAnalysis(std::nullopt);
        m_vsReal->setAnalysis(std::nullopt);
        m_length->setAnalysis(std::nullopt);
        m_sources->setRows({});
        m_state->showMessage(tr("Open or create a project (File menu) to begin."));
        return;
    }
    const auto& analysis = m_document->analysis();
    m_metrics->setAnalysis(analysis);
    m_pooled->setAnalysis(analysis);
    m_pooledTitle->setVisible(m_pooled->rowCount() > 0);
    m_pooledTable->setVisible(m_pooled->rowCount() > 0);
    m_vsReal->setAnalysis(analysis);
    const bool perCorpus = m_vsReal->rowCount() > 0;
    m_vsRealTitle->setVisible(perCorpus);
    m_vsRealTable->setVisible(perCorpus);
    m_length->setAnalysis(analysis);
    const bool lengths = m_length->rowCount() > 0;
    m_lengthTitle->setVisible(lengths);
    m_lengthTable->setVisible(lengths);
    QList<model::DimensionSources> sources;
    if (!analysis || !model::sourceConcentration(m_document->project(), &sources))
        sources.clear();
    m_sources->setSources(sources);
    m_sourcesTitle->setVisible(!sources.isEmpty());
    m_sourcesTable->setVisible(!sources.isEmpty());
    const QString warning = analysis ? model::lengthMismatchWarning(*analysis) : QString();
    m_lengthWarning->setText(warning);
    m_lengthWarning->setVisible(!warning.isEmpty());
    const model::AnalysisView view = m_document->view();
    const QString part = model::ProjectDocument::viewTitle(view).toLower();
    if (!analysis) {
        m_state->showMessage(
            m_document->store().corpora().isEmpty()
                ? tr("No corpora yet. Import a real and a synthetic corpus (Ctrl+I).")
            : view == model::AnalysisView::All
                ? tr("Not analysed yet. Run the analyses (Ctrl+R).")
                : tr("The %1 have not been analysed yet. Run the analyses (Ctrl+R) to analyse "
                     "them.\n%2 Ctrl+Alt+1 shows the whole texts again.")
                      .arg(part, view == model::AnalysisView::Prompts
                                     ? tr("Conversations and texts imported as prompts have "
                                          "prompts.")
                                     : tr("Conversations, preference pairs and texts imported as "
                                          "responses have responses.")));
        return;
    }
    m_state->showContent();
    m_dropAnalysis->setVisible(!analysis->damaged.isEmpty());
    if (!analysis->damaged.isEmpty()) {
        m_sourcesTitle->hide(); // results of an unreadable run are not shown
        m_sourcesTable->hide();
        m_banner->setText(tr("<b>The newest analysis cannot be read:</b> %1. Samples, tags "
                             "and decisions are untouched; <i>Drop This Analysis</i> removes the "
                             "unreadable run.")
                              .arg(analysis->damaged.toHtmlEscaped()));
        m_banner->setStyleSheet(u"background: #f8d7da; color: #3d0a0f; padding: 6px;"_s);
        return;
    }
    m_banner->setText(
        analysis->stale
            ? tr("<b>These results are out of date:</b> corpora changed after the analysis of %1. "
                 "Run the analyses again (Ctrl+R).")
                  .arg(analysis->finishedAt)
        : view == model::AnalysisView::All
            ? tr("Analysed %1 (run %2).").arg(analysis->finishedAt).arg(analysis->runId)
            : tr("<b>%3 only</b>: analysed %1 (run %2); corpora without %4 are not in "
                 "this view.")
                  .arg(analysis->finishedAt)
                  .arg(analysis->runId)
                  .arg(model::ProjectDocument::viewTitle(view), part));
    m_banner->setStyleSheet(
        analysis->stale ? u"background: #fff3cd; color: #3d2f00; padding: 6px;"_s : QString());

    // The cards are coloured by the red lines once they are judged (in a job: seconds at a
    // million samples); placeCards() again when the verdict lands.
    m_document->requestGate();
    m_table->resizeColumnsToContents();
    m_pooledTable->resizeColumnsToContents();
    m_vsRealTable->resizeColumnsToContents();
    m_lengthTable->resizeColumnsToContents();
    m_sourcesTable->resizeColumnsToContents();
}

void OverviewView::placeCards() {
    while (QLayoutItem* item = m_cards->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (m_document == nullptr)
        return;
    const auto& analysis = m_document->analysis();
    if (!analysis || !analysis->damaged.isEmpty())
        return;
    // The red lines judged on this analysis colour the cards they bear on (none when the
    // rules cannot be read, the Checklist says why, or while this analysis is being judged).
    const std::shared_ptr<const model::GateVerdict> verdict = m_document->gate();
    const QList<model::RedLineResult> judged = verdict && verdict->runId == analysis->runId
                                                   ? verdict->results
                                                   : QList<model::RedLineResult>();
    int placed = 0;
    auto place = [&](QWidget* w) {
        m_cards->addWidget(w, placed / kCardsPerRow, placed % kCardsPerRow);
        ++placed;
    };
    auto addCard = [&](const char* key, const QString& value) {
        const model::MetricInfo* info = model::findMetric(QString::fromLatin1(key));
        if (info == nullptr)
            return;
        place(card(value, model::metricTr(info->title), model::metricTr(info->meaning),
                   rulesOf(judged, QString::fromLatin1(key)), analysis->stale, this));
    };
    if (analysis->hasComparison) {
        const auto& c = analysis->comparison;
        place(card(u"%1 / %2"_s.arg(c.value(QString::fromLatin1(key::kRealSamples)))
                       .arg(c.value(QString::fromLatin1(key::kSyntheticSamples))),
                   tr("Samples: real / synthetic"),
                   tr("Samples on each side of the pooled comparison (every real corpus against "
                      "every synthetic one); the cards show the pooled values."),
                   rulesOf(judged, model::kSyntheticShareMetric), analysis->stale, this));
        for (const char* name :
             {key::kJsUnigram, key::kJsBigram, key::kJsLengthTokens, key::kJsLabel,
              key::kDetectabilityAuc, key::kMauve, key::kCoverageRealBySynthetic}) {
            const QString k = QString::fromLatin1(name);
            if (c.contains(k))
                addCard(name, QString::number(c.value(k), 'f', 3));
        }
    } else {
        place(card(QString::number(analysis->corpora.size()), tr("Corpora"),
                   tr("Import both a real and a synthetic corpus to compare them."), {}, false,
                   this));
    }
}

} // namespace synthscope::widgets
