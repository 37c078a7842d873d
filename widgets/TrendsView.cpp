#include "widgets/TrendsView.h"

#include "widgets/Language.h"

#include "analysis/MetricKeys.h"

#include "model/MetricCatalog.h"
#include "model/ProjectDocument.h"
#include "model/Settings.h"
#include "widgets/Charts.h"
#include "widgets/EmptyState.h"
#include "widgets/LazyReload.h"

#include <QApplication>
#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMessageBox>
#include <QPushButton>
#include <QScatterSeries>
#include <QSplitter>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::widgets {

namespace key = analysis::key;

namespace {

const QColor kSeriesPalette[] = {QColor(0xe6, 0x6a, 0x00), QColor(0x2c, 0xa0, 0x2c),
                                 QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                                 QColor(0xd6, 0x27, 0x28), QColor(0x17, 0xbe, 0xcf)};

// An x axis labelling the integer positions 0..n−1 with categories.
QCategoryAxis* categoryAxis(const QStringList& categories, const QString& title) {
    auto* x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (int i = 0; i < categories.size(); ++i)
        x->append(categories[i].left(24), i);
    x->setRange(-0.3, std::max(0.3, categories.size() - 0.7));
    x->setTitleText(title);
    return x;
}

// Adds a line with point markers; y may hold NaN (gaps).
void addLine(QChart* chart, const QString& name, const QList<double>& y, const QColor& colour,
             bool dashed, QAbstractAxis* x, QValueAxis* yAxis, double* lo, double* hi) {
    auto* line = new QLineSeries;
    line->setName(name);
    QPen pen(colour, dashed ? 2.0 : 2.5);
    if (dashed)
        pen.setStyle(Qt::DashLine);
    line->setPen(pen);
    auto* dots = new QScatterSeries;
    dots->setColor(colour);
    dots->setBorderColor(colour);
    dots->setMarkerSize(dashed ? 0.1 : 8.0);
    for (int i = 0; i < y.size(); ++i) {
        if (std::isnan(y[i]))
            continue;
        line->append(i, y[i]);
        dots->append(i, y[i]);
        *lo = std::min(*lo, y[i]);
        *hi = std::max(*hi, y[i]);
    }
    chart->addSeries(line);
    chart->addSeries(dots);
    for (QAbstractSeries* s :
         {static_cast<QAbstractSeries*>(line), static_cast<QAbstractSeries*>(dots)}) {
        s->attachAxis(x);
        s->attachAxis(yAxis);
    }
    for (QLegendMarker* marker : chart->legend()->markers(dots))
        marker->setVisible(false); // the line's marker stands for both
}

// The real-vs-real band (null mean ± 3 sd per category) as a grey area behind the lines.
void addNullBand(QChart* chart, const QList<double>& low, const QList<double>& high,
                 QAbstractAxis* x, QValueAxis* yAxis, double* lo, double* hi) {
    auto* area = new QAreaSeries;
    auto* upper = new QLineSeries(area); // the area does not own its boundaries
    auto* lower = new QLineSeries(area);
    for (qsizetype i = 0; i < low.size(); ++i) {
        if (std::isnan(low[i]) || std::isnan(high[i]))
            continue;
        // A band over a single category still needs width to be seen.
        const double from = low.size() == 1 ? -0.3 : static_cast<double>(i);
        const double to = low.size() == 1 ? 0.3 : static_cast<double>(i);
        for (double px : {from, to}) {
            upper->append(px, high[i]);
            lower->append(px, low[i]);
            if (from == to)
                break;
        }
        *lo = std::min(*lo, low[i]);
        *hi = std::max(*hi, high[i]);
    }
    area->setUpperSeries(upper);
    area->setLowerSeries(lower);
    area->setName(QCoreApplication::translate("synthscope::widgets::TrendsView",
                                              "real vs real (null, mean ± 3 sd)"));
    // Grey that shows on a light and on a dark chart alike.
    const bool dark = isDarkPalette(QApplication::palette());
    area->setColor(QColor(150, 150, 150, dark ? 110 : 70));
    area->setBorderColor(QColor(150, 150, 150, dark ? 200 : 140));
    chart->addSeries(area);
    area->attachAxis(x);
    area->attachAxis(yAxis);
}

// Vertical bars of ± sd around each point (the spread over the comparison's draws).
void addErrorBars(QChart* chart, const QList<double>& y, const QList<double>& sd,
                  const QColor& colour, QAbstractAxis* x, QValueAxis* yAxis, double* lo,
                  double* hi) {
    for (qsizetype i = 0; i < y.size() && i < sd.size(); ++i) {
        if (std::isnan(y[i]) || std::isnan(sd[i]) || sd[i] <= 0.0)
            continue;
        auto* bar = new QLineSeries;
        bar->setPen(QPen(colour, 1.5));
        bar->append(static_cast<double>(i), y[i] - sd[i]);
        bar->append(static_cast<double>(i), y[i] + sd[i]);
        chart->addSeries(bar);
        bar->attachAxis(x);
        bar->attachAxis(yAxis);
        for (QLegendMarker* marker : chart->legend()->markers(bar))
            marker->setVisible(false);
        *lo = std::min(*lo, y[i] - sd[i]);
        *hi = std::max(*hi, y[i] + sd[i]);
    }
}

void padRange(QValueAxis* y, double lo, double hi) {
    if (!(lo <= hi)) {
        y->setRange(0, 1);
        return;
    }
    const double pad = hi > lo ? 0.08 * (hi - lo) : std::max(0.05 * std::abs(hi), 0.01);
    y->setRange(lo - pad, hi + pad);
    y->applyNiceNumbers();
}

} // namespace

TrendsView::TrendsView(QWidget* parent)
    : QWidget(parent)
    , m_metric(new QComboBox(this))
    , m_axis(new QComboBox(this))
    , m_trendChart(makeChartView(this, u"trendChart"_s))
    , m_meaning(new QLabel(this))
    , m_gradientChart(makeChartView(this, u"ratioGradientChart"_s))
    , m_gradientInfo(new QLabel(this))
    , m_import(new QPushButton(tr("Import Ratio-Gradient Results…"), this)) {
    m_lazy = new LazyReload(this, [this]() { reload(); });
    m_metric->setObjectName(u"trendMetric"_s);
    m_axis->setObjectName(u"trendAxis"_s);
    for (model::Dimension d : model::kTrendDimensions)
        m_axis->addItem(model::dimensionTitle(d), model::dimensionName(d));
    m_axis->addItem(tr("Analysis run"), u"run"_s);
    m_meaning->setWordWrap(true);
    m_gradientInfo->setWordWrap(true);
    m_gradientInfo->setTextFormat(Qt::RichText);
    m_import->setObjectName(u"importRatioGradient"_s);
    m_import->setToolTip(
        tr("A CSV or JSON of training runs: synth_ratio and one column per evaluation metric "
           "(main, long-tail, robustness…), as in chapter 17's Listing 17-2"));

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Metric:"), this));
    bar->addWidget(m_metric, 1);
    bar->addWidget(new QLabel(tr("against:"), this));
    bar->addWidget(m_axis);
    bar->addStretch();
    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(bar);
    topLayout->addWidget(m_trendChart, 1);
    topLayout->addWidget(m_meaning);

    auto* gradientBar = new QHBoxLayout;
    auto* gradientTitle = new QLabel(tr("<b>Synthetic-ratio gradient</b>"), this);
    gradientBar->addWidget(gradientTitle);
    gradientBar->addStretch();
    gradientBar->addWidget(m_import);
    auto* bottom = new QWidget(this);
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addLayout(gradientBar);
    bottomLayout->addWidget(m_gradientChart, 1);
    bottomLayout->addWidget(m_gradientInfo);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("trendsSplitter"));
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split);
    m_state = EmptyState::fill(this, content);

    connect(m_metric, &QComboBox::currentIndexChanged, this, &TrendsView::reloadTrend);
    connect(m_axis, &QComboBox::currentIndexChanged, this, &TrendsView::reloadTrend);
    connect(m_import, &QPushButton::clicked, this, &TrendsView::chooseRatioGradient);
    setDocument(nullptr);
}

void TrendsView::setDocument(model::ProjectDocument* document) {
    if (m_document != nullptr)
        disconnect(m_document, nullptr, m_lazy, nullptr);
    m_document = document;
    if (document != nullptr)
        connect(document, &model::ProjectDocument::analysisChanged, m_lazy, &LazyReload::markStale);
    m_lazy->markStale();
}

void TrendsView::reload() {
    if (m_document == nullptr) {
        m_state->showMessage(tr("Open or create a project (File menu) to begin."));
        return;
    }
    if (!m_document->analysis()) {
        m_state->showMessage(
            tr("Not analysed yet. Import corpora with their round, generator or template version "
               "(Import → provenance) and run the analyses (Ctrl+R)."));
        return;
    }
    m_state->showContent();
    const QString current = m_metric->currentData().toString();
    {
        QSignalBlocker block(m_metric);
        m_metric->clear();
        const QStringList perCorpus = model::storedMetricKeys(m_document->project(), true);
        for (const QString& key : model::storedMetricKeys(m_document->project(), false)) {
            const model::MetricInfo* info = model::findMetric(key);
            const QString title = info != nullptr ? model::metricTr(info->title) : key;
            const bool comparison = model::isComparisonMetric(key);
            m_metric->addItem(!comparison ? title
                              : perCorpus.contains(key)
                                  ? tr("%1 (each synthetic corpus vs real)").arg(title)
                                  : tr("%1 (pooled real vs synthetic)").arg(title),
                              key);
        }
        // By default each round's distance to reality (chapter 17's core practice), where
        // the analysis stored it per corpus.
        const QString fallback = perCorpus.contains(QString::fromLatin1(key::kJsUnigram))
                                     ? QString::fromLatin1(key::kJsUnigram)
                                     : QString::fromLatin1(key::kSelfRepetitionAtBudget);
        const int keep = m_metric->findData(current.isEmpty() ? fallback : current);
        m_metric->setCurrentIndex(std::max(0, keep));
    }
    reloadTrend();
    reloadGradient();
}

void TrendsView::showTrend(const QString& metric, const QString& axis) {
    QSignalBlocker a(m_metric);
    QSignalBlocker b(m_axis);
    m_metric->setCurrentIndex(m_metric->findData(metric));
    m_axis->setCurrentIndex(m_axis->findData(axis));
    reloadTrend();
}

int TrendsView::trendSeriesCount() const {
    return static_cast<int>(m_trendChart->chart()->series().size());
}

int TrendsView::gradientSeriesCount() const {
    return static_cast<int>(m_gradientChart->chart()->series().size());
}

void TrendsView::reloadTrend() {
    QChart* chart = m_trendChart->chart();
    clearChart(chart);
    m_trend = {};
    if (m_document == nullptr || m_metric->currentIndex() < 0)
        return;
    const QString metric = m_metric->currentData().toString();
    QString axis = m_axis->currentData().toString();
    const bool perCorpus = model::storedMetricKeys(m_document->project(), true).contains(metric);
    if (!perCorpus && axis != "run"_L1) { // a real-vs-synthetic metric has one value per run
        QSignalBlocker block(m_axis);
        m_axis->setCurrentIndex(m_axis->findData(u"run"_s));
        axis = u"run"_s;
    }
    model::Dimension dimension = model::Dimension::Round;
    const model::Status s =
        axis == "run"_L1 || !model::parseDimension(axis, &dimension)
            ? model::metricOverRuns(m_document->project(), metric, &m_trend)
            : model::metricByProvenance(m_document->project(), dimension, metric, &m_trend);
    const model::MetricInfo* info = model::findMetric(metric);
    const QString title = info != nullptr ? model::metricTr(info->title) : metric;
    m_meaning->setText(info != nullptr ? model::metricTr(info->meaning) : QString());
    if (!s || m_trend.categories.isEmpty()) {
        chart->setTitle(!s ? s.error()
                           : tr("No synthetic corpus has a value of “%1” for this metric")
                                 .arg(m_axis->currentText()));
        return;
    }
    chart->setTitle(tr("%1 by %2").arg(title, m_trend.axisTitle.toLower()));
    auto* x = categoryAxis(m_trend.categories, m_trend.axisTitle);
    auto* y = new QValueAxis;
    y->setTitleText(title);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    double lo = INFINITY;
    double hi = -INFINITY;
    if (!m_trend.nullLow.isEmpty())
        addNullBand(chart, m_trend.nullLow, m_trend.nullHigh, x, y, &lo, &hi);
    int colour = 0;
    for (const model::TrendSeries& series : std::as_const(m_trend.series)) {
        const bool real = series.role == model::Role::Real;
        QList<double> ys = series.y;
        if (real && ys.size() == 1 && m_trend.categories.size() > 1)
            ys = QList<double>(m_trend.categories.size(), ys.front());
        const QColor c = real ? kRealColour : kSeriesPalette[colour++ % std::size(kSeriesPalette)];
        if (!series.sd.isEmpty())
            addErrorBars(chart, ys, series.sd, c, x, y, &lo, &hi);
        addLine(chart, series.name, ys, c, real, x, y, &lo, &hi);
    }
    // A share of sources or an evenness is read against its whole scale, 0 to 1.
    if (metric.startsWith("source_largest_share_"_L1) || metric.startsWith("source_entropy_"_L1)) {
        lo = std::min(lo, 0.0);
        hi = std::max(hi, 1.0);
    }
    padRange(y, lo, hi);
}

void TrendsView::reloadGradient() {
    QChart* chart = m_gradientChart->chart();
    clearChart(chart);
    const auto g =
        m_document != nullptr ? model::projectRatioGradient(m_document->project()) : std::nullopt;
    if (!g) {
        chart->setTitle(tr("No ratio-gradient experiment imported"));
        m_gradientInfo->setText(
            tr("Train at several synthetic ratios (0 %, 10 %, 30 %, 50 %, 70 %…), evaluate each on "
               "the same main, long-tail and robustness sets, and import the table: the curve's "
               "shape, not any single point, shows where gains taper and risk begins."));
        return;
    }
    chart->setTitle(tr("Evaluation metrics by synthetic share of the training mix"));
    auto* x = new QValueAxis;
    x->setRange(0, 1);
    x->setLabelFormat(u"%.1f"_s);
    x->setTitleText(tr("synthetic ratio"));
    auto* y = new QValueAxis;
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    double lo = INFINITY;
    double hi = -INFINITY;
    const QList<int> knees = g->knees();
    QStringList found;
    auto* marks = new QScatterSeries;
    marks->setName(tr("inflection point"));
    marks->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    marks->setMarkerSize(13);
    marks->setColor(Qt::transparent);
    marks->setBorderColor(palette().color(QPalette::WindowText)); // black, or light on dark
    for (qsizetype m = 0; m < g->metricNames.size(); ++m) {
        auto* line = new QLineSeries;
        line->setName(g->metricNames[m]);
        line->setPen(QPen(kSeriesPalette[m % std::size(kSeriesPalette)], 2.5));
        line->setPointsVisible(true);
        for (qsizetype i = 0; i < g->ratios.size(); ++i)
            if (!std::isnan(g->values[m][i])) {
                line->append(g->ratios[i], g->values[m][i]);
                lo = std::min(lo, g->values[m][i]);
                hi = std::max(hi, g->values[m][i]);
            }
        chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
        if (knees[m] >= 0) {
            marks->append(g->ratios[knees[m]], g->values[m][knees[m]]);
            found << tr("<b>%1</b> bends at ratio %2")
                         .arg(g->metricNames[m].toHtmlEscaped())
                         .arg(g->ratios[knees[m]], 0, 'f', 2);
        } else {
            found << tr("<b>%1</b> has no inflection").arg(g->metricNames[m].toHtmlEscaped());
        }
    }
    chart->addSeries(marks);
    marks->attachAxis(x);
    marks->attachAxis(y);
    padRange(y, lo, hi);
    m_gradientInfo->setText(
        tr("From %1. Inflection point: where the slope falls the most (gains taper or losses "
           "begin; higher is taken as better). %2.")
            .arg(QFileInfo(g->source).fileName().toHtmlEscaped(), found.join(u"; "_s)));
}

model::Status TrendsView::importRatioGradient(const QString& path) {
    if (m_document == nullptr)
        return model::Status::failure(tr("No project is open."));
    model::RatioGradient g;
    model::Status s = model::parseRatioGradient(path, &g);
    if (s)
        s = model::setProjectRatioGradient(m_document->project(), g);
    if (s)
        reloadGradient();
    return s;
}

void TrendsView::chooseRatioGradient() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import ratio-gradient results"), model::Settings::lastDirectory().get(),
        tr("Tables (*.csv *.tsv *.json *.jsonl);;All files (*)"));
    if (path.isEmpty())
        return;
    model::Settings::lastDirectory().set(QFileInfo(path).absolutePath());
    if (const model::Status s = importRatioGradient(path); !s)
        QMessageBox::warning(this, tr("Import ratio-gradient results"), s.error());
}

} // namespace synthscope::widgets
