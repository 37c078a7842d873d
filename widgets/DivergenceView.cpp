#include "widgets/DivergenceView.h"

#include "analysis/MetricKeys.h"

#include "model/MetricModels.h"
#include "model/ProjectDocument.h"
#include "widgets/Charts.h"
#include "widgets/EmptyState.h"
#include "widgets/ReadOnlyTable.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::widgets {

namespace key = analysis::key;

namespace {

const QColor kReal = kRealColour;
const QColor kSynthetic = kSyntheticColour;

QVector<double> shares(const QVector<double>& counts) {
    double total = 0.0;
    for (double c : counts)
        total += c;
    QVector<double> out(counts.size(), 0.0);
    if (total > 0.0)
        for (qsizetype i = 0; i < counts.size(); ++i)
            out[i] = 100.0 * counts[i] / total;
    return out;
}

// A histogram as a filled step line: bin i spans [edge(i), edge(i + 1)) at height shares[i].
// Returns the highest share.
double addHistogramArea(QChart* chart, QAbstractAxis* x, QAbstractAxis* y,
                        const QVector<double>& shares, const std::function<double(qsizetype)>& edge,
                        const QString& name, const QColor& color) {
    auto* upper = new QLineSeries;
    auto* lower = new QLineSeries;
    double top = 0.0;
    for (qsizetype i = 0; i < shares.size(); ++i) {
        upper->append(edge(i), shares[i]);
        upper->append(edge(i + 1), shares[i]);
        lower->append(edge(i), 0.0);
        lower->append(edge(i + 1), 0.0);
        top = std::max(top, shares[i]);
    }
    auto* area = new QAreaSeries(upper, lower);
    // QAreaSeries does not own its boundary series: parent them to it so they go with it when
    // the chart is refilled.
    upper->setParent(area);
    lower->setParent(area);
    area->setName(name);
    QColor fill = color;
    fill.setAlphaF(0.35);
    area->setBrush(fill);
    area->setPen(QPen(color, 2));
    chart->addSeries(area);
    area->attachAxis(x);
    area->attachAxis(y);
    return top;
}

// Real and synthetic histograms (counts per bin) overlaid as shares of samples, on the x axis
// given and a new "% of samples" axis.
void drawRealAndSynthetic(QChart* chart, QAbstractAxis* x, const QVector<double>& real,
                          const QVector<double>& synthetic,
                          const std::function<double(qsizetype)>& edge, const QString& realName) {
    auto* y = new QValueAxis;
    y->setTitleText(DivergenceView::tr("% of samples"));
    y->setLabelFormat(u"%.0f"_s);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    const double top = std::max(addHistogramArea(chart, x, y, shares(real), edge, realName, kReal),
                                addHistogramArea(chart, x, y, shares(synthetic), edge,
                                                 DivergenceView::tr("synthetic"), kSynthetic));
    y->setRange(0, std::max(1.0, top * 1.1));
    y->applyNiceNumbers();
}

} // namespace

DivergenceView::DivergenceView(QWidget* parent)
    : QWidget(parent)
    , m_lengthView(makeChartView(this, u"lengthChart"_s))
    , m_labelView(makeChartView(this, u"labelChart"_s))
    , m_divergenceView(makeChartView(this, u"divergenceChart"_s))
    , m_perplexityView(makeChartView(this, u"perplexityChart"_s))
    , m_nnView(makeChartView(this, u"nnSimilarityChart"_s))
    , m_styleView(makeChartView(this, u"styleChart"_s))
    , m_realTerms(new model::IndicatingTermsModel(this))
    , m_syntheticTerms(new model::IndicatingTermsModel(this))
    , m_diversity(new model::MetricsTableModel(this)) {
    auto* content = new QWidget(this);
    auto* charts = new QGridLayout;
    charts->addWidget(m_lengthView, 0, 0);
    charts->addWidget(m_perplexityView, 0, 1);
    charts->addWidget(m_nnView, 0, 2);
    charts->addWidget(m_divergenceView, 1, 0);
    charts->addWidget(m_styleView, 1, 1);
    charts->addWidget(m_labelView, 1, 2);
    charts->setColumnStretch(0, 1);
    charts->setColumnStretch(1, 1);
    charts->setColumnStretch(2, 1);
    auto* chartsBox = new QWidget(content);
    chartsBox->setLayout(charts);

    auto* termsBox = new QWidget(content);
    auto* terms = new QGridLayout(termsBox);
    terms->setContentsMargins(0, 0, 0, 0);
    const auto title = [termsBox](const QString& text) {
        auto* label = new QLabel(text, termsBox);
        label->setWordWrap(true); // never let a caption widen the window
        return label;
    };
    terms->addWidget(
        title(tr("<b>Indicating words, real</b> (weighted log-odds, Monroe et al. 2008)")), 0, 0);
    terms->addWidget(title(tr("<b>Indicating words, synthetic</b> — template phrases show here")),
                     0, 1);
    terms->addWidget(
        title(tr("<b>Diversity and repetition</b>, controlled for size and length (hover a row)")),
        0, 2);
    terms->addWidget(makeReadOnlyTable(m_realTerms, termsBox, u"realTerms"_s), 1, 0);
    terms->addWidget(makeReadOnlyTable(m_syntheticTerms, termsBox, u"syntheticTerms"_s), 1, 1);
    // Size- and length-controlled measures only: the raw ones grow or shrink with corpus size
    // and text length (the Overview's "Show raw measures" lists them).
    m_diversity->setKeys({QString::fromLatin1(key::kVocabularyAtBudget),
                          QString::fromLatin1(key::kDistinct2AtBudget),
                          QString::fromLatin1(key::kSelfRepetitionAtBudget),
                          QString::fromLatin1(key::kVendiNgram), QString::fromLatin1(key::kMtld),
                          QString::fromLatin1(key::kTemplatesPerToken),
                          QString::fromLatin1(key::kSkeletonRepetitionRateLengthLift),
                          QString::fromLatin1(key::kNearDuplicateRateLengthLift),
                          QString::fromLatin1(key::kPerplexityMedianLengthLift),
                          QString::fromLatin1(key::kLengthUnmatchedShare)});
    auto* diversity = makeReadOnlyTable(m_diversity, termsBox, u"diversityTable"_s);
    diversity->setWordWrap(false);
    diversity->setTextElideMode(Qt::ElideMiddle);
    // The numbers take what they need; the metric names get the rest (with five corpora a
    // fixed width per column left the names as "V…s").
    diversity->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_diversity, &QAbstractItemModel::modelReset, diversity, [diversity]() {
        if (diversity->model()->columnCount() > 0)
            diversity->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    });
    terms->addWidget(diversity, 1, 2);
    terms->setColumnStretch(0, 2);
    terms->setColumnStretch(1, 2);
    terms->setColumnStretch(2, 3);

    auto* splitter = new QSplitter(Qt::Vertical, content);
    splitter->setObjectName(QStringLiteral("divergenceSplitter"));
    splitter->addWidget(chartsBox);
    splitter->addWidget(termsBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    m_state = EmptyState::fill(this, content);
    reload();
}

void DivergenceView::setDocument(model::ProjectDocument* document) {
    if (m_document != nullptr)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (document != nullptr)
        connect(document, &model::ProjectDocument::analysisChanged, this, &DivergenceView::reload);
    reload();
}

int DivergenceView::seriesCount() const {
    return static_cast<int>(
        m_perplexityView->chart()->series().size() + m_lengthView->chart()->series().size() +
        m_nnView->chart()->series().size() + m_labelView->chart()->series().size() +
        m_styleView->chart()->series().size() + m_divergenceView->chart()->series().size());
}

void DivergenceView::reload() {
    for (QChartView* v :
         {m_lengthView, m_labelView, m_divergenceView, m_perplexityView, m_nnView, m_styleView})
        clearChart(v->chart());
    const bool ready =
        m_document != nullptr && m_document->analysis() && m_document->analysis()->hasComparison;
    if (!ready) {
        m_realTerms->setTerms({});
        m_diversity->setAnalysis(std::nullopt);
        m_syntheticTerms->setTerms({});
        const model::AnalysisView view =
            m_document != nullptr ? m_document->view() : model::AnalysisView::All;
        m_state->showMessage(m_document == nullptr
                                 ? tr("Open or create a project (File menu) to begin.")
                             : view != model::AnalysisView::All && !m_document->analysis()
                                 ? tr("The %1 are not analysed yet. Run the analyses (Ctrl+R).")
                                       .arg(model::ProjectDocument::viewTitle(view).toLower())
                                 : tr("Divergence needs a real and a synthetic corpus, analysed.\n"
                                      "Import both (Ctrl+I), then run the analyses (Ctrl+R)."));
        return;
    }
    m_state->showContent();
    fillLengthChart();
    fillLabelChart();
    fillDivergenceChart();
    fillPerplexityChart();
    fillNnSimilarityChart();
    fillStyleChart();
    const auto& a = *m_document->analysis();
    m_realTerms->setTerms(a.indicatingReal);
    m_diversity->setAnalysis(a);
    m_syntheticTerms->setTerms(a.indicatingSynthetic);
}

void DivergenceView::fillLengthChart() {
    const auto& a = *m_document->analysis();
    QChart* chart = m_lengthView->chart();
    chart->setTitle(
        tr("Token length: share of samples per bin (%1 tokens per bin; the last bin holds the "
           "longer ones)")
            .arg(a.histogramBinWidth));
    auto* x = new QValueAxis;
    x->setTitleText(tr("length (tokens)"));
    x->setLabelFormat(u"%d"_s);
    const auto width = static_cast<double>(a.histogramBinWidth);
    drawRealAndSynthetic(
        chart, x, a.histogramReal, a.histogramSynthetic,
        [width](qsizetype i) { return static_cast<double>(i) * width; }, tr("real"));
    x->setRange(0, static_cast<double>(a.histogramReal.size() * a.histogramBinWidth));
    x->applyNiceNumbers();
}

void DivergenceView::fillLabelChart() {
    const auto& a = *m_document->analysis();
    QChart* chart = m_labelView->chart();
    if (a.labels.isEmpty()) {
        chart->setTitle(
            tr("Labels: no label field mapped (set one at import to compare label mixes)"));
        return;
    }
    const int shown = static_cast<int>(std::min<qsizetype>(a.labels.size(), 12));
    const QVector<double> real = shares(a.labelReal);
    const QVector<double> synthetic = shares(a.labelSynthetic);
    auto* series = new QHorizontalBarSeries;
    QStringList categories;
    auto* realSet = new QBarSet(tr("real"));
    auto* synthSet = new QBarSet(tr("synthetic"));
    realSet->setColor(kReal);
    synthSet->setColor(kSynthetic);
    double top = 0.0;
    for (int i = shown - 1; i >= 0; --i) { // most frequent at the top
        categories << a.labels[i];
        *realSet << real[i];
        *synthSet << synthetic[i];
        top = std::max({top, real[i], synthetic[i]});
    }
    const bool realHas =
        std::any_of(a.labelReal.begin(), a.labelReal.end(), [](double v) { return v > 0; });
    const bool synthHas = std::any_of(a.labelSynthetic.begin(), a.labelSynthetic.end(),
                                      [](double v) { return v > 0; });
    if (realHas)
        series->append(realSet);
    else
        delete realSet;
    if (synthHas)
        series->append(synthSet);
    else
        delete synthSet;
    chart->setTitle(realHas && synthHas
                        ? tr("Labels: % of each side (top %1)").arg(shown)
                        : tr("Labels: share of samples (only the %1 side has labels)")
                              .arg(realHas ? tr("real") : tr("synthetic")));
    chart->addSeries(series);
    auto* y = new QBarCategoryAxis;
    y->append(categories);
    y->setTruncateLabels(false);
    auto* x = new QValueAxis;
    x->setRange(0, std::max(1.0, top * 1.1));
    x->applyNiceNumbers();
    x->setLabelFormat(u"%.0f"_s);
    x->setTitleText(tr("% of samples"));
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    series->attachAxis(y);
}

void DivergenceView::fillStyleChart() {
    const auto& a = *m_document->analysis();
    QChart* chart = m_styleView->chart();
    const model::AnalysisView view = m_document->view();
    const QString prompts = view == model::AnalysisView::Prompts ? tr("How the prompts are written")
                            : view == model::AnalysisView::Responses
                                ? tr("How the responses are written")
                                : tr("How the texts are written");
    chart->setTitle(prompts);
    const char* keys[] = {key::kLowercaseStartShare, key::kTerminalPunctuationShare,
                          key::kPolitenessMarkerShare, key::kOovRate};
    auto* series = new QHorizontalBarSeries;
    double top = 0.0;
    int realSeen = 0;
    int syntheticSeen = 0;
    for (const model::CorpusMetrics& c : a.corpora) {
        if (!c.values.contains(QString::fromLatin1(key::kLowercaseStartShare)))
            continue;
        auto* set = new QBarSet(c.name);
        // One hue per side, in shades that stay apart for the first four corpora of a side.
        static const QColor realShades[] = {kReal, QColor(0x9e, 0xca, 0xe9),
                                            QColor(0x08, 0x30, 0x6b), QColor(0x4a, 0x98, 0xc9)};
        static const QColor syntheticShades[] = {kSynthetic, QColor(0xfd, 0xbe, 0x85),
                                                 QColor(0x7f, 0x27, 0x04),
                                                 QColor(0xf1, 0x69, 0x13)};
        const bool real = c.role == model::Role::Real;
        const int nth = (real ? realSeen++ : syntheticSeen++) % 4;
        set->setColor(real ? realShades[nth] : syntheticShades[nth]);
        for (int k = 3; k >= 0; --k) { // the first measure at the top
            const double v = 100.0 * c.values.value(QString::fromLatin1(keys[k]));
            *set << v;
            top = std::max(top, v);
        }
        series->append(set);
    }
    if (series->count() == 0) {
        delete series;
        chart->setTitle(tr("%1: not measured in this analysis").arg(prompts));
        return;
    }
    // Short names: the axis leaves the labels little room (the Overview has the long ones).
    const QStringList categories = {tr("OOV words"), tr("Politeness"), tr("Ends . ! ?"),
                                    tr("Lower-case start")};
    chart->addSeries(series);
    auto* y = new QBarCategoryAxis;
    y->append(categories);
    y->setTruncateLabels(false);
    auto* x = new QValueAxis;
    x->setRange(0, std::min(100.0, std::max(1.0, top * 1.1))); // shares: never past 100 %
    x->applyNiceNumbers();
    x->setMax(std::min(x->max(), 100.0));
    x->setLabelFormat(u"%.0f"_s);
    x->setTitleText(tr("% (OOV: per word)"));
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->legend()->setVisible(true);
}

void DivergenceView::fillPerplexityChart() {
    const auto& a = *m_document->analysis();
    QChart* chart = m_perplexityView->chart();
    if (a.perplexityRealHeldOut.isEmpty()) {
        chart->setTitle(tr("Perplexity: needs a real corpus to train the language model"));
        return;
    }
    chart->setTitle(
        tr("Perplexity under a trigram Kneser–Ney model of the real corpus (log scale)"));
    auto* x = new QLogValueAxis;
    x->setBase(10.0);
    x->setTitleText(tr("perplexity per sample"));
    x->setLabelFormat(u"%g"_s);
    drawRealAndSynthetic(
        chart, x, a.perplexityRealHeldOut, a.perplexitySynthetic,
        [&a](qsizetype i) {
            return std::pow(10.0,
                            a.perplexityLog10Min + static_cast<double>(i) * a.perplexityLog10Step);
        },
        tr("real (held out)"));
}

void DivergenceView::fillNnSimilarityChart() {
    const auto& a = *m_document->analysis();
    QChart* chart = m_nnView->chart();
    if (a.nnSimilarityReal.isEmpty() && a.nnSimilaritySynthetic.isEmpty()) {
        chart->setTitle(tr("Nearest-neighbour similarity: run the analyses again (Ctrl+R)"));
        return;
    }
    chart->setTitle(tr("Cosine to the nearest other sample of the same corpus"));
    auto* x = new QValueAxis;
    x->setRange(0.0, 1.0);
    x->setTitleText(tr("nearest-neighbour cosine (≥ 0.95: near copies)"));
    x->setLabelFormat(u"%.1f"_s);
    const qsizetype bins = std::max(a.nnSimilarityReal.size(), a.nnSimilaritySynthetic.size());
    QVector<double> real = a.nnSimilarityReal;
    QVector<double> synthetic = a.nnSimilaritySynthetic;
    real.resize(bins, 0.0);
    synthetic.resize(bins, 0.0);
    drawRealAndSynthetic(
        chart, x, real, synthetic,
        [bins](qsizetype i) { return static_cast<double>(i) / static_cast<double>(bins); },
        tr("real"));
}

void DivergenceView::fillDivergenceChart() {
    const auto& a = *m_document->analysis();
    QChart* chart = m_divergenceView->chart();
    chart->setTitle(
        tr("Jensen–Shannon divergence, real vs synthetic (bits; 0 = same, 1 = disjoint)"));
    struct Feature {
        const char* key;
        QString name;
    };
    const Feature features[] = {{key::kJsLabel, tr("labels")},
                                {key::kJsBigram, tr("bigrams")},
                                {key::kJsUnigram, tr("unigrams")},
                                {key::kJsLengthTokens, tr("length (tokens)")}};
    auto* set = new QBarSet(tr("JS divergence"));
    set->setColor(QColor(0x6a, 0x4c, 0x93));
    QStringList categories;
    for (const Feature& f : features) {
        const QString key = QString::fromLatin1(f.key);
        if (!a.comparison.contains(key))
            continue;
        categories << f.name;
        *set << a.comparison.value(key);
    }
    auto* series = new QHorizontalBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsFormat(u"@value"_s);
    series->setLabelsPrecision(3);
    chart->addSeries(series);
    chart->legend()->hide();
    auto* y = new QBarCategoryAxis;
    y->append(categories);
    y->setTruncateLabels(false);
    auto* x = new QValueAxis;
    x->setRange(0.0, 1.0);
    x->setTickCount(6);
    x->setLabelFormat(u"%.1f"_s);
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    series->attachAxis(y);
}

} // namespace synthscope::widgets
