#include "widgets/OverviewView.h"

#include "model/MetricCatalog.h"
#include "model/ProjectDocument.h"
#include "model/TableModels.h"
#include "widgets/EmptyState.h"

#include <QCoreApplication>
#include <QFrame>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::widgets {

namespace {

QWidget* card(const QString& value, const QString& title, const QString& tooltip, QWidget* parent) {
    auto* frame = new QFrame(parent);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setObjectName(u"metricCard"_s);
    frame->setToolTip(tooltip);
    auto* layout = new QVBoxLayout(frame);
    auto* number = new QLabel(value, frame);
    number->setStyleSheet(u"font-size: 20pt; font-weight: 600;"_s);
    auto* caption = new QLabel(title, frame);
    caption->setWordWrap(true);
    caption->setStyleSheet(u"color: palette(dark);"_s);
    layout->addWidget(number);
    layout->addWidget(caption);
    return frame;
}

} // namespace

OverviewView::OverviewView(QWidget* parent)
    : QWidget(parent)
    , m_metrics(new model::MetricsTableModel(this))
    , m_table(new QTableView(this))
    , m_vsReal(new model::VsRealModel(this))
    , m_vsRealTable(new QTableView(this))
    , m_vsRealTitle(new QLabel(this))
    , m_banner(new QLabel(this))
    , m_cards(new QGridLayout) {
    m_table->setModel(m_metrics);
    m_table->setObjectName(u"metricsTable"_s);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_vsRealTable->setModel(m_vsReal);
    m_vsRealTable->setObjectName(u"vsRealTable"_s);
    m_vsRealTable->verticalHeader()->hide();
    m_vsRealTable->setAlternatingRowColors(true);
    m_vsRealTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_vsRealTable->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_vsRealTable->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_vsRealTable->setMaximumHeight(260);
    m_vsRealTitle->setWordWrap(true);
    m_vsRealTitle->setText(
        tr("<b>Each synthetic corpus against reality</b> — on equal samples per side. "
           "<b>Bold on orange</b>: outside the real-vs-real band (two disjoint real draws of "
           "the same size, mean ± 3 sd), a difference larger than sampling noise. Hover a cell "
           "for the band."));
    m_banner->setWordWrap(true);
    m_banner->setObjectName(u"overviewBanner"_s);

    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->addWidget(m_banner);
    layout->addLayout(m_cards);
    layout->addWidget(m_vsRealTitle);
    layout->addWidget(m_vsRealTable);
    auto* tableTitle = new QLabel(
        tr("<b>All metrics</b> — hover a row for what it measures and when to worry"), content);
    layout->addWidget(tableTitle);
    layout->addWidget(m_table, 1);
    m_state = EmptyState::fill(this, content);
    reload();
}

void OverviewView::setDocument(model::ProjectDocument* document) {
    if (m_document != nullptr)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (document != nullptr) {
        connect(document, &model::ProjectDocument::analysisChanged, this, &OverviewView::reload);
        connect(document, &model::ProjectDocument::corporaChanged, this, &OverviewView::reload);
    }
    reload();
}

void OverviewView::reload() {
    while (QLayoutItem* item = m_cards->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (m_document == nullptr) {
        m_metrics->setAnalysis(std::nullopt);
        m_vsReal->setAnalysis(std::nullopt);
        m_state->showMessage(tr("Open or create a project (File menu) to begin."));
        return;
    }
    const auto& analysis = m_document->analysis();
    m_metrics->setAnalysis(analysis);
    m_vsReal->setAnalysis(analysis);
    const bool perCorpus = m_vsReal->rowCount() > 0;
    m_vsRealTitle->setVisible(perCorpus);
    m_vsRealTable->setVisible(perCorpus);
    if (!analysis) {
        m_state->showMessage(
            m_document->store().corpora().isEmpty()
                ? tr("No corpora yet. Import a real and a synthetic corpus (Ctrl+I).")
                : tr("Not analysed yet. Run the analyses (Ctrl+R)."));
        return;
    }
    m_state->showContent();
    m_banner->setText(
        analysis->stale
            ? tr("<b>These results are out of date:</b> corpora changed after the analysis of %1. "
                 "Run the analyses again (Ctrl+R).")
                  .arg(analysis->finishedAt)
            : tr("Analysed %1 (run %2).").arg(analysis->finishedAt).arg(analysis->runId));
    m_banner->setStyleSheet(analysis->stale ? u"background: #fff3cd; padding: 6px;"_s : QString());

    int column = 0;
    auto addCard = [&](const char* key, const QString& value) {
        const model::MetricInfo* info = model::findMetric(QString::fromLatin1(key));
        if (info == nullptr)
            return;
        m_cards->addWidget(
            card(value, model::metricTr(info->title), model::metricTr(info->meaning), this), 0,
            column++);
    };
    if (analysis->hasComparison) {
        const auto& c = analysis->comparison;
        m_cards->addWidget(
            card(u"%1 / %2"_s.arg(c.value(u"real_samples"_s)).arg(c.value(u"synthetic_samples"_s)),
                 tr("Samples: real / synthetic"),
                 tr("Samples on each side of the pooled comparison (every real corpus against "
                    "every synthetic one); the cards show the pooled values."),
                 this),
            0, column++);
        for (const char* key :
             {"js_divergence_unigram", "js_divergence_bigram", "js_divergence_length_tokens",
              "js_divergence_label", "detectability_auc", "mauve", "coverage_real_by_synthetic"}) {
            const QString k = QString::fromLatin1(key);
            if (c.contains(k))
                addCard(key, QString::number(c.value(k), 'f', 3));
        }
    } else {
        m_cards->addWidget(card(QString::number(analysis->corpora.size()), tr("Corpora"),
                                tr("Import both a real and a synthetic corpus to compare them."),
                                this),
                           0, column++);
    }
    m_table->resizeColumnsToContents();
    m_vsRealTable->resizeColumnsToContents();
}

} // namespace synthscope::widgets
