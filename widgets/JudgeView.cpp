#include "widgets/JudgeView.h"

#include "model/JudgeModels.h"
#include "model/ProjectDocument.h"
#include "model/ReviewStore.h"
#include "widgets/Charts.h"
#include "widgets/EmptyState.h"
#include "widgets/ReadOnlyTable.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QPen>
#include <QPushButton>
#include <QScatterSeries>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::widgets {

namespace {

// Bins of the length curve with fewer pairs are not drawn: their share is noise.
constexpr int kMinBinPairs = 5;

// A vertical axis from 0 to 100 %, added on the chart's left.
QValueAxis* addPercentAxis(QChart* chart, Qt::Alignment side = Qt::AlignLeft) {
    auto* y = new QValueAxis;
    y->setRange(0, 100);
    y->setTickCount(6);
    y->setLabelFormat(u"%.0f %%"_s);
    chart->addAxis(y, side);
    return y;
}

// One list of indicating n-grams: "here are  (41 vs 3)", strongest first.
void fillTerms(QListWidget* list, const QList<model::JudgeTerm>& terms, bool preferred) {
    list->clear();
    for (const model::JudgeTerm& t : terms) {
        auto* item = new QListWidgetItem(JudgeView::tr("%1   (%2 in preferred, %3 in rejected)")
                                             .arg(t.ngram)
                                             .arg(t.countPreferred)
                                             .arg(t.countRejected),
                                         list);
        item->setToolTip(
            JudgeView::tr("Weighted log-odds z = %1, leaning to the %2 outputs")
                .arg(t.z, 0, 'f', 2)
                .arg(preferred ? JudgeView::tr("preferred") : JudgeView::tr("rejected")));
    }
    if (terms.isEmpty())
        new QListWidgetItem(JudgeView::tr("(too few pairs to rank words)"), list);
}

} // namespace

JudgeView::JudgeView(QWidget* parent)
    : QWidget(parent)
    , m_rows(new model::JudgeTableModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_intro(new QLabel(this))
    , m_winRates(makeChartView(this, u"judgeWinRateChart"_s))
    , m_curve(makeChartView(this, u"judgeLengthCurve"_s))
    , m_termsTitle(new QLabel(this))
    , m_preferred(new QListWidget(this))
    , m_rejected(new QListWidget(this))
    , m_review(new QPushButton(tr("&Review these pairs"), this)) {
    m_sorted->setSourceModel(m_rows);
    m_sorted->setSortRole(model::JudgeTableModel::SortRole);
    m_table = makeReadOnlyTable(m_sorted, this, u"judgeTable"_s);
    m_table->setSortingEnabled(true);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_table->horizontalHeader(), &QHeaderView::sectionClicked, this,
            [this]() { m_sortChosen = true; });
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::RichText);
    m_intro->setText(
        tr("<b>What the judge kept.</b> Each row is a corpus of preference pairs: two outputs "
           "for one prompt and a judge's verdict. The <i>win rate</i> is how often the second "
           "output won; the <i>length-controlled</i> win rate is what a logistic model of the "
           "verdicts on the length difference predicts at equal length (Dubois et al. 2024). A "
           "large gap means the second output wins on length. The <i>length preference</i> is "
           "the judge's own bias: how often, of two outputs of equal quality, it picks the one 100 "
           "tokens longer (50 % is none)."));
    m_termsTitle->setWordWrap(true);
    m_preferred->setObjectName(u"judgePreferredTerms"_s);
    m_rejected->setObjectName(u"judgeRejectedTerms"_s);
    m_review->setObjectName(u"judgeReview"_s);
    m_review->setToolTip(tr("Open the corpus's pairs in Review, one per pair with the other "
                            "output beside it, the largest length gaps first"));
    m_review->setEnabled(false);

    auto* charts = new QSplitter(Qt::Horizontal, this);
    charts->setObjectName(u"judgeChartsSplitter"_s);
    charts->addWidget(m_winRates);
    charts->addWidget(m_curve);

    auto* termsRow = new QHBoxLayout;
    auto* preferredBox = new QVBoxLayout;
    preferredBox->addWidget(new QLabel(tr("Words of the <b>preferred</b> outputs"), this));
    preferredBox->addWidget(m_preferred);
    auto* rejectedBox = new QVBoxLayout;
    rejectedBox->addWidget(new QLabel(tr("Words of the <b>rejected</b> outputs"), this));
    rejectedBox->addWidget(m_rejected);
    termsRow->addLayout(preferredBox);
    termsRow->addLayout(rejectedBox);
    auto* terms = new QWidget(this);
    auto* termsLayout = new QVBoxLayout(terms);
    termsLayout->setContentsMargins(0, 0, 0, 0);
    auto* termsHeader = new QHBoxLayout;
    termsHeader->addWidget(m_termsTitle, 1);
    termsHeader->addWidget(m_review);
    termsLayout->addLayout(termsHeader);
    termsLayout->addLayout(termsRow, 1);

    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_intro);
    topLayout->addWidget(m_table, 1);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(u"judgeSplitter"_s);
    splitter->addWidget(top);
    splitter->addWidget(charts);
    splitter->addWidget(terms);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 2);
    // Room for the header and six corpora before the charts take the rest.
    m_table->setMinimumHeight(m_table->verticalHeader()->defaultSectionSize() * 7 + 4);
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter, 1);
    m_state = EmptyState::fill(this, content);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    showCorpus(m_sorted->mapToSource(current).row());
            });
    connect(m_review, &QPushButton::clicked, this, [this]() {
        if (m_document == nullptr || m_row < 0 || m_row >= m_rows->rowCount())
            return;
        const model::JudgeRow& r = m_rows->rows().at(m_row);
        Q_EMIT reviewSamplesRequested(m_document->review().pairQueue(r.corpusId),
                                      tr("Pairs of %1, largest length gap first").arg(r.name));
    });
    reload();
}

void JudgeView::setDocument(model::ProjectDocument* document) {
    if (m_document != nullptr)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (document != nullptr)
        connect(document, &model::ProjectDocument::analysisChanged, this, &JudgeView::reload);
    reload();
}

void JudgeView::reload() {
    m_row = -1;
    m_review->setEnabled(false);
    clearChart(m_winRates->chart());
    clearChart(m_curve->chart());
    if (m_document == nullptr || !m_document->analysis()) {
        m_rows->setRows({});
        m_state->showMessage(m_document == nullptr
                                 ? tr("Open or create a project (File menu) to begin.")
                                 : tr("Not analysed yet. Run the analyses (Ctrl+R)."));
        return;
    }
    m_rows->setRows(model::judgeRows(*m_document->analysis()));
    if (m_rows->rowCount() == 0) {
        m_state->showMessage(
            tr("No preference pairs in this analysis.\n\nImport records that hold two outputs and "
               "a judge's verdict (AlpacaEval's output_1, output_2 and preference) or a chosen "
               "and a rejected output: the import reads them as pairs by itself. Then run the "
               "analyses (Ctrl+R)."));
        return;
    }
    m_state->showContent();
    // Every column to its contents (names first: gpt4 and gpt-3.5 must not both read "g…"),
    // the table scrolling sideways in a narrow window.
    for (int c = 0; c < m_rows->columnCount(); ++c)
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    fillWinRateChart();
    // The judge most swayed by length first: the corpus the default red line would name.
    if (!m_sortChosen) // the user's own sort stays across reloads
        m_table->sortByColumn(model::JudgeTableModel::LengthPreference, Qt::DescendingOrder);
    m_table->selectRow(0);
}

void JudgeView::fillWinRateChart() {
    QChart* chart = m_winRates->chart();
    chart->setTitle(tr("Win rate of the second output: raw and at equal length"));
    auto* raw = new QBarSet(tr("win rate"));
    auto* controlled = new QBarSet(tr("length-controlled"));
    raw->setColor(kSyntheticColour);
    controlled->setColor(kRealColour);
    // Bars across, names down the side so long model names stay whole; the axis lists its
    // categories bottom up, so the rows go in reversed to keep the first corpus on top.
    QStringList names;
    const QList<model::JudgeRow>& rows = m_rows->rows();
    for (auto r = rows.crbegin(); r != rows.crend(); ++r) {
        // A corpus without a measured rate (no judged pair) is named "n/a", not drawn at 0 %.
        const bool measured =
            std::isfinite(r->winRate) && std::isfinite(r->lengthControlledWinRate);
        const QString name = r->name.size() > 24 ? r->name.left(23) + u"…"_s : r->name;
        names << (measured ? name : tr("%1 (n/a)").arg(name));
        *raw << (measured ? 100.0 * r->winRate : 0.0);
        *controlled << (measured ? 100.0 * r->lengthControlledWinRate : 0.0);
    }
    auto* series = new QHorizontalBarSeries;
    series->append(controlled);
    series->append(raw);
    chart->addSeries(series);
    auto* categories = new QBarCategoryAxis;
    categories->append(names);
    categories->setTruncateLabels(false);
    chart->addAxis(categories, Qt::AlignLeft);
    QValueAxis* share = addPercentAxis(chart, Qt::AlignBottom);
    series->attachAxis(categories);
    series->attachAxis(share);
}

void JudgeView::selectCorpus(qint64 corpusId) {
    for (int r = 0; r < m_rows->rowCount(); ++r)
        if (m_rows->rows().at(r).corpusId == corpusId) {
            m_table->selectRow(m_sorted->mapFromSource(m_rows->index(r, 0)).row());
            return;
        }
}

void JudgeView::showCorpus(int row) {
    if (row < 0 || row >= m_rows->rowCount() || row == m_row)
        return;
    m_row = row;
    m_review->setEnabled(true);
    const model::JudgeRow& r = m_rows->rows().at(row);

    QChart* chart = m_curve->chart();
    clearChart(chart);
    chart->setTitle(tr("%1: verdicts by length difference").arg(r.name));
    auto* observed = new QScatterSeries;
    observed->setName(tr("observed (bins of ≥ %1 pairs)").arg(kMinBinPairs));
    observed->setColor(kSyntheticColour);
    observed->setMarkerSize(9);
    auto* fitted = new QLineSeries;
    fitted->setName(tr("length model"));
    QPen fittedPen(kSyntheticColour.darker(170));
    fittedPen.setWidth(2);
    fitted->setPen(fittedPen);
    auto* level = new QLineSeries;
    level->setName(tr("at equal length"));
    QPen dashed(kRealColour);
    dashed.setStyle(Qt::DashLine);
    dashed.setWidth(2);
    level->setPen(dashed);
    double lo = 0.0;
    double hi = 0.0;
    // In tokens, the unit of the table's length preference (the bins are standard deviations
    // of this corpus's length differences).
    const double scale = std::isfinite(r.lengthDifferenceSd) ? r.lengthDifferenceSd : 1.0;
    for (const model::JudgeCurvePoint& p : r.summary.curve) {
        lo = std::min(lo, p.z * scale);
        hi = std::max(hi, p.z * scale);
        if (std::isfinite(p.fitted))
            fitted->append(p.z * scale, 100.0 * p.fitted);
        if (p.pairs >= kMinBinPairs && std::isfinite(p.observed))
            observed->append(p.z * scale, 100.0 * p.observed);
    }
    if (std::isfinite(r.lengthControlledWinRate)) {
        level->append(lo, 100.0 * r.lengthControlledWinRate);
        level->append(hi, 100.0 * r.lengthControlledWinRate);
    }
    chart->addSeries(observed);
    chart->addSeries(fitted);
    chart->addSeries(level);
    auto* x = new QValueAxis;
    x->setRange(lo - 0.1 * scale, hi + 0.1 * scale);
    x->applyNiceNumbers();
    x->setLabelFormat(u"%.0f"_s);
    x->setTitleText(std::isfinite(r.lengthDifferenceSd)
                        ? tr("second − first length, tokens (bins of %1)")
                              .arg(r.lengthDifferenceSd / 2.0, 0, 'f', 0)
                        : tr("second − first length (all pairs differ by the same)"));
    chart->addAxis(x, Qt::AlignBottom);
    QValueAxis* y = addPercentAxis(chart);
    for (QAbstractSeries* s :
         {static_cast<QAbstractSeries*>(observed), static_cast<QAbstractSeries*>(fitted),
          static_cast<QAbstractSeries*>(level)}) {
        s->attachAxis(x);
        s->attachAxis(y);
    }

    m_termsTitle->setText(
        tr("<b>%1</b>: words that lean to the preferred or to the rejected output of the same "
           "prompts (weighted log-odds; Das et al. 2024 find judges follow such local cues).")
            .arg(r.name.toHtmlEscaped()));
    fillTerms(m_preferred, r.summary.preferredTerms, true);
    fillTerms(m_rejected, r.summary.rejectedTerms, false);
}

} // namespace synthscope::widgets
