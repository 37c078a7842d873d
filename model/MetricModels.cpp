#include "model/MetricModels.h"

#include "analysis/MetricKeys.h"

#include "analysis/LengthControl.h"
#include "model/MetricCatalog.h"

#include <QColor>
#include <QCoreApplication>
#include <QFont>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

namespace key = analysis::key;

// ---- MetricsTableModel

void MetricsTableModel::setKeys(QStringList keys) {
    m_keys = std::move(keys);
    setAnalysis(m_analysis);
}

void MetricsTableModel::setShowUncontrolled(bool show) {
    m_showUncontrolled = show;
    setAnalysis(m_analysis);
}

void MetricsTableModel::setRowKinds(RowKinds kinds) {
    m_kinds = kinds;
    setAnalysis(m_analysis);
}

int MetricsTableModel::corpusColumns() const {
    return m_analysis && m_kinds != RowKinds::Pooled ? static_cast<int>(m_analysis->corpora.size())
                                                     : 0;
}

void MetricsTableModel::setAnalysis(const std::optional<StoredAnalysis>& analysis) {
    beginResetModel();
    m_analysis = analysis;
    m_rows.clear();
    if (m_analysis) {
        for (const MetricInfo& m : corpusMetrics()) {
            if (m_kinds == RowKinds::Pooled)
                break;
            const QString key = QString::fromLatin1(m.key);
            if (!m_keys.isEmpty() && !m_keys.contains(key))
                continue;
            if (!m_showUncontrolled && isUncontrolledMetric(key))
                continue;
            if (std::any_of(m_analysis->corpora.begin(), m_analysis->corpora.end(),
                            [&](const CorpusMetrics& c) { return c.values.contains(key); }))
                m_rows.append({&m, false});
        }
        for (const MetricInfo& m : comparisonMetrics())
            if (m_kinds != RowKinds::PerCorpus &&
                m_analysis->comparison.contains(QString::fromLatin1(m.key)) &&
                (m_keys.isEmpty() || m_keys.contains(QString::fromLatin1(m.key))))
                m_rows.append({&m, true});
    }
    endResetModel();
}

int MetricsTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int MetricsTableModel::columnCount(const QModelIndex& parent) const {
    if (parent.isValid() || !m_analysis)
        return 0;
    const bool comparisonColumn =
        std::any_of(m_rows.begin(), m_rows.end(), [](const Row& r) { return r.comparison; });
    return 1 + corpusColumns() + (comparisonColumn ? 1 : 0);
}

QVariant MetricsTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const bool isCorpusRow = !m_rows.at(index.row()).comparison;
    const MetricInfo& info = *m_rows.at(index.row()).info;
    const QString key = QString::fromLatin1(info.key);
    if (role == MetricKeyRole)
        return key;
    if (role == Qt::ToolTipRole)
        return metricTr(info.meaning);
    const int corpora = corpusColumns();
    std::optional<double> value;
    if (index.column() >= 1 && index.column() <= corpora && isCorpusRow) {
        const auto& values =
            m_analysis->corpora[static_cast<std::size_t>(index.column() - 1)].values;
        if (values.contains(key))
            value = values.value(key);
    } else if (index.column() == corpora + 1 && !isCorpusRow &&
               m_analysis->comparison.contains(key)) {
        value = m_analysis->comparison.value(key);
    }
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == 0)
            return metricNameWithUnit(info);
        return value ? formatMetric(info, *value) : QString();
    case ValueRole:
        return value ? QVariant(*value) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == 0 ? QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter)
                                   : QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant MetricsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || !m_analysis)
        return {};
    const int corpora = corpusColumns();
    if (role == Qt::DisplayRole) {
        if (section == 0)
            return tr("Metric");
        if (section <= corpora)
            return m_analysis->corpora[static_cast<std::size_t>(section - 1)].name;
        return tr("Pooled: all real vs all synthetic");
    }
    if (role == Qt::ToolTipRole && section >= 1 && section <= corpora)
        return m_analysis->corpora[static_cast<std::size_t>(section - 1)].role == Role::Real
                   ? tr("real corpus")
                   : tr("synthetic corpus");
    return {};
}

// ---- VsRealModel

const QStringList& VsRealModel::headlineKeys() {
    static const QStringList keys = {
        QString::fromLatin1(key::kJsUnigram),
        QString::fromLatin1(key::kJsBigram),
        QString::fromLatin1(key::kJsLengthTokens),
        QString::fromLatin1(key::kJsLabel),
        QString::fromLatin1(key::kMauve),
        QString::fromLatin1(key::kDetectabilityAuc),
        QString::fromLatin1(key::kCoverageRealBySynthetic),
        QString::fromLatin1(key::kCoverageSyntheticByReal),
        QString::fromLatin1(key::kJsClusterShare),
        QString::fromLatin1(key::kPerplexityLogRatio),
        QString::fromLatin1(key::kLabelEntropyChangeBits),
        QString::fromLatin1(key::kCrossNearDuplicateRate),
    };
    return keys;
}

namespace {

// A cell that calls for attention (outside the null band, a lift at the worry line): bold
// on a translucent orange, which reads on a light and a dark palette alike.
QVariant worryStyle(bool worry, int role) {
    if (!worry)
        return {};
    if (role == Qt::FontRole) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    return role == Qt::BackgroundRole ? QVariant(QColor(255, 140, 0, 55)) : QVariant();
}

// A metric's value as the catalog formats it (3 significant digits when not catalogued).
QString formatKeyed(const MetricInfo* info, double v) {
    return info != nullptr ? formatMetric(*info, v) : QString::number(v, 'g', 3);
}

TableColumn<CorpusMetrics> syntheticCorpusColumn() {
    return {VsRealModel::tr("Synthetic corpus"), {}, [](const CorpusMetrics& c) -> QVariant {
                return c.name;
            }};
}

} // namespace

void VsRealModel::setAnalysis(const std::optional<StoredAnalysis>& analysis) {
    QList<CorpusMetrics> rows;
    if (analysis)
        for (const CorpusMetrics& c : analysis->corpora)
            if (!c.vsReal.isEmpty())
                rows.append(c);
    QList<TableColumn<CorpusMetrics>> columns;
    if (!rows.isEmpty())
        columns.append(syntheticCorpusColumn());
    for (const QString& key : headlineKeys()) {
        if (std::none_of(rows.begin(), rows.end(),
                         [&](const CorpusMetrics& c) { return c.vsReal.contains(key); }))
            continue;
        const MetricInfo* info = findMetric(key);
        auto estimate = [key](const CorpusMetrics& c) { return c.vsReal.value(key); };
        columns.append(
            {.header = info != nullptr ? metricTr(info->title) : key,
             .headerToolTip = info != nullptr ? metricTr(info->meaning) : QString(),
             .display = [=](const CorpusMetrics& c) -> QVariant {
                 return c.vsReal.contains(key) ? QVariant(formatKeyed(info, estimate(c).value))
                                               : QVariant();
             },
             .sort = [=](const CorpusMetrics& c) -> QVariant {
                 return c.vsReal.contains(key) ? QVariant(estimate(c).value) : QVariant();
             },
             .toolTip = [=](const CorpusMetrics& c) -> QVariant {
                 if (!c.vsReal.contains(key))
                     return {};
                 const ComparisonEstimate e = estimate(c);
                 QString tip =
                     u"<b>%1</b>: %2"_s.arg(c.name.toHtmlEscaped(), formatKeyed(info, e.value));
                 if (std::isfinite(e.sd))
                     tip += tr(" ± %1 over the draws").arg(formatKeyed(info, e.sd));
                 if (std::isfinite(e.nullMean) && std::isfinite(e.nullSd))
                     tip += tr("<br>Real vs real at the same size: %1 ± %2 — %3")
                                .arg(formatKeyed(info, e.nullMean), formatKeyed(info, e.nullSd),
                                     e.outsideNull() ? tr("<b>outside</b> the band (mean ± 3 sd)")
                                                     : tr("inside the band: no difference shown"));
                 tip += tr("<br>%1 samples per side.").arg(c.vsRealBudget);
                 if (info != nullptr)
                     tip += u"<br><br>"_s + metricTr(info->meaning);
                 return tip;
             },
             .style = [=](const CorpusMetrics& c, int role) -> QVariant {
                 if (!c.vsReal.contains(key))
                     return {};
                 const ComparisonEstimate e = estimate(c);
                 switch (role) {
                 case ValueRole:
                     return e.value;
                 case OutsideNullRole:
                     return e.outsideNull();
                 case NullBandRole:
                     return std::isfinite(e.nullMean) && std::isfinite(e.nullSd)
                                ? u"%1–%2"_s.arg(
                                      formatKeyed(info, e.nullMean - kNullBandSd * e.nullSd),
                                      formatKeyed(info, e.nullMean + kNullBandSd * e.nullSd))
                                : QString();
                 default:
                     return worryStyle(e.outsideNull(), role);
                 }
             },
             .numeric = true});
    }
    setTable(std::move(columns), std::move(rows));
}

QVariant VsRealModel::rowData(const CorpusMetrics& row, int role) const {
    return role == CorpusIdRole ? QVariant(row.corpusId) : QVariant();
}

// ---- LengthControlModel

const QStringList& LengthControlModel::measureKeys() {
    static const QStringList keys = [] {
        QStringList out;
        for (const char* k : analysis::lengthControlledKeys())
            out << QString::fromLatin1(k);
        return out;
    }();
    return keys;
}

void LengthControlModel::setAnalysis(const std::optional<StoredAnalysis>& analysis) {
    const QString unmatchedKey = QString::fromLatin1(key::kLengthUnmatchedShare);
    QList<CorpusMetrics> rows;
    if (analysis)
        for (const CorpusMetrics& c : analysis->corpora)
            if (c.role == Role::Synthetic && c.values.contains(unmatchedKey))
                rows.append(c);
    QList<TableColumn<CorpusMetrics>> columns;
    if (rows.isEmpty()) {
        setTable({}, {});
        return;
    }
    const auto unmatched = [unmatchedKey](const CorpusMetrics& c) {
        return c.values.value(unmatchedKey);
    };
    const auto matched = [](const CorpusMetrics& c) {
        return c.values.value(QString::fromLatin1(key::kLengthMatchedSamples));
    };
    columns.append(syntheticCorpusColumn());
    const MetricInfo* unmatchedInfo = findMetric(unmatchedKey);
    columns.append(
        {.header = unmatchedInfo != nullptr ? metricTr(unmatchedInfo->title) : unmatchedKey,
         .headerToolTip = unmatchedInfo != nullptr ? metricTr(unmatchedInfo->meaning) : QString(),
         .display = [=](const CorpusMetrics& c) -> QVariant {
             return u"%1 %"_s.arg(100.0 * unmatched(c), 0, 'f', 0);
         },
         .sort = [=](const CorpusMetrics& c) -> QVariant { return unmatched(c); },
         .toolTip = [=](const CorpusMetrics& c) -> QVariant {
             return tr("%1 samples per draw were paired with a real sample of the same length; "
                       "the rest have lengths the real side lacks and are left out of the lifts.")
                 .arg(matched(c), 0, 'f', 0);
         },
         .style = [=](const CorpusMetrics& c, int role) -> QVariant {
             return role == ValueRole ? QVariant(unmatched(c)) : QVariant();
         },
         .numeric = true});
    // Every measure, even where no corpus has it: the dash and its tooltip say why.
    for (const QString& measure : measureKeys()) {
        const QString liftKey = measure + QString::fromLatin1(key::kLengthLiftSuffix);
        const QString matchedKey = measure + QString::fromLatin1(key::kLengthMatchedSuffix);
        const QString baselineKey = measure + QString::fromLatin1(key::kLengthBaselineSuffix);
        const MetricInfo* raw = findMetric(measure);
        const MetricInfo* liftInfo = findMetric(liftKey);
        const bool rate = measure != QString::fromLatin1(key::kMeanNnSimilarity) &&
                          measure != QString::fromLatin1(key::kPerplexityMedian);
        const auto worry = [=](const CorpusMetrics& c) {
            return rate && c.values.value(liftKey) >= kLiftWorry;
        };
        // Short headers: the raw measure's title ("Near-duplicate rate"); the table's caption
        // and the tooltip say that each cell is a lift over real text of the same lengths.
        columns.append(
            {.header = raw != nullptr ? metricTr(raw->title) : liftKey,
             .headerToolTip = liftInfo != nullptr ? metricTr(liftInfo->meaning) : QString(),
             .display = [=](const CorpusMetrics& c) -> QVariant {
                 return c.values.contains(liftKey)
                            ? u"%1×"_s.arg(c.values.value(liftKey), 0, 'f', 2)
                            : u"–"_s;
             },
             .sort = [=](const CorpusMetrics& c) -> QVariant {
                 return c.values.contains(liftKey) ? QVariant(c.values.value(liftKey)) : QVariant();
             },
             .toolTip = [=](const CorpusMetrics& c) -> QVariant {
                 if (!c.values.contains(liftKey))
                     return unmatched(c) > analysis::kMaxUnmatchedShare
                                ? tr("Not measured: %1 % of the sampled synthetic samples have "
                                     "lengths the real data lacks, so a baseline would speak for "
                                     "a minority of the corpus. Read the measures free of length "
                                     "(self-repetition at equal tokens, templates per token) "
                                     "instead.")
                                      .arg(100.0 * unmatched(c), 0, 'f', 0)
                                : tr("Not measured in this analysis (too few matched samples, or "
                                     "the analysis ran without this stage).");
                 const double lift = c.values.value(liftKey);
                 QString tip = u"<b>%1</b>"_s.arg(c.name.toHtmlEscaped());
                 if (raw != nullptr)
                     tip += u" — "_s + metricTr(raw->title);
                 if (c.values.contains(matchedKey) && c.values.contains(baselineKey))
                     tip += tr("<br>Synthetic: %1 · real samples of the same lengths: %2 · lift "
                               "%3×")
                                .arg(formatKeyed(raw, c.values.value(matchedKey)),
                                     formatKeyed(raw, c.values.value(baselineKey)))
                                .arg(lift, 0, 'f', 2);
                 tip += tr("<br>Over %1 matched samples per draw (%2 % of the drawn samples had "
                           "no real match).")
                            .arg(matched(c), 0, 'f', 0)
                            .arg(100.0 * unmatched(c), 0, 'f', 0);
                 if (liftInfo != nullptr)
                     tip += u"<br><br>"_s + metricTr(liftInfo->meaning);
                 return tip;
             },
             .style = [=](const CorpusMetrics& c, int role) -> QVariant {
                 if (!c.values.contains(liftKey))
                     return {};
                 if (role == ValueRole)
                     return c.values.value(liftKey);
                 if (role == HighlightRole)
                     return worry(c);
                 return worryStyle(worry(c), role);
             },
             .numeric = true});
    }
    setTable(std::move(columns), std::move(rows));
}

QString lengthMismatchWarning(const StoredAnalysis& analysis) {
    QStringList realMedians;
    QStringList differing;
    for (const CorpusMetrics& c : analysis.corpora) {
        const double median =
            c.values.value(QString::fromLatin1(key::kMedianLengthTokens), std::nan(""));
        if (c.role == Role::Real && std::isfinite(median))
            realMedians << QCoreApplication::translate("synthscope::model::LengthControlModel",
                                                       "%1 tokens (%2)")
                               .arg(median, 0, 'f', 0)
                               .arg(c.name.toHtmlEscaped());
        const auto ks = c.vsReal.constFind(QString::fromLatin1(key::kKsLengthTokens));
        if (c.role == Role::Synthetic && ks != c.vsReal.cend() && ks->value >= kLengthKsWorry)
            differing << QCoreApplication::translate("synthscope::model::LengthControlModel",
                                                     "%1 (median %2 tokens, KS %3)")
                             .arg(c.name.toHtmlEscaped())
                             .arg(median, 0, 'f', 0)
                             .arg(ks->value, 0, 'f', 2);
    }
    if (differing.isEmpty())
        return {};
    return QCoreApplication::translate(
               "synthscope::model::LengthControlModel",
               "<b>Text lengths differ between the sides</b>: %1 against a real median of %2. "
               "Short texts repeat, share skeletons and sit close together by chance, so raw "
               "duplicate, skeleton and nearest-neighbour rates mislead here. Compare each "
               "corpus with real text of the same lengths (the lifts below) or, where the lengths "
               "barely overlap, read the measures free of length (self-repetition at equal "
               "tokens).")
        .arg(differing.join(u", "_s), realMedians.join(u", "_s));
}

// ---- IndicatingTermsModel

IndicatingTermsModel::IndicatingTermsModel(QObject* parent)
    : ColumnTableModel(parent) {
    using C = TableColumn<IndicatingTerm>;
    setColumns({
        C{.header = tr("N-gram"),
          .display = [](const IndicatingTerm& t) -> QVariant { return t.ngram; }},
        C{.header = tr("Real"),
          .display = [](const IndicatingTerm& t) -> QVariant { return t.countReal; },
          .numeric = true},
        C{.header = tr("Synthetic"),
          .display = [](const IndicatingTerm& t) -> QVariant { return t.countSynthetic; },
          .numeric = true},
        C{.header = tr("z"),
          .headerToolTip =
              tr("z-score of the weighted log-odds ratio (Monroe et al. 2008); |z| > 1.96 is "
                 "significant at 5%."),
          .display = [](const IndicatingTerm& t) -> QVariant {
              return QString::number(t.z, 'f', 1);
          },
          .sort = [](const IndicatingTerm& t) -> QVariant { return t.z; },
          .numeric = true},
    });
}

} // namespace synthscope::model
