#include "model/TableModels.h"

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

// ---- CorporaModel

void CorporaModel::setCorpora(QList<CorpusInfo> corpora) {
    beginResetModel();
    m_corpora = std::move(corpora);
    endResetModel();
}

int CorporaModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_corpora.size());
}

int CorporaModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CorporaModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const CorpusInfo& c = m_corpora.at(index.row());
    if (role == CorpusIdRole)
        return c.id;
    if (role == Qt::ToolTipRole)
        return tr("%1\nFiles: %2\nImported: %3\nRows read: %4")
            .arg(c.name, c.files.join(u", "_s), c.importedAt)
            .arg(c.rowsIn);
    if (role == Qt::TextAlignmentRole && (index.column() == Samples || index.column() == Rejected))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return c.name;
    case RoleColumn:
        return c.role == Role::Real ? tr("real") : tr("synthetic");
    case Samples:
        return c.samples;
    case Rejected:
        return c.rejected;
    case Format:
        return c.format;
    case Provenance:
        return c.provenanceText();
    default:
        return {};
    }
}

QVariant CorporaModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Corpus");
    case RoleColumn:
        return tr("Role");
    case Samples:
        return tr("Samples");
    case Rejected:
        return tr("Rejected");
    case Format:
        return tr("Format");
    case Provenance:
        return tr("Provenance");
    default:
        return {};
    }
}

// ---- MetricsTableModel

void MetricsTableModel::setKeys(QStringList keys) {
    m_keys = std::move(keys);
    setAnalysis(m_analysis);
}

void MetricsTableModel::setShowUncontrolled(bool show) {
    m_showUncontrolled = show;
    setAnalysis(m_analysis);
}

void MetricsTableModel::setAnalysis(const std::optional<StoredAnalysis>& analysis) {
    beginResetModel();
    m_analysis = analysis;
    m_rows.clear();
    if (m_analysis) {
        for (const MetricInfo& m : corpusMetrics()) {
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
            if (m_analysis->comparison.contains(QString::fromLatin1(m.key)) &&
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
    return 1 + static_cast<int>(m_analysis->corpora.size()) + (comparisonColumn ? 1 : 0);
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
    const int corpusColumns = static_cast<int>(m_analysis->corpora.size());
    std::optional<double> value;
    if (index.column() >= 1 && index.column() <= corpusColumns && isCorpusRow) {
        const auto& values =
            m_analysis->corpora[static_cast<std::size_t>(index.column() - 1)].values;
        if (values.contains(key))
            value = values.value(key);
    } else if (index.column() == corpusColumns + 1 && !isCorpusRow &&
               m_analysis->comparison.contains(key)) {
        value = m_analysis->comparison.value(key);
    }
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == 0)
            return info.unit[0] != '\0' && std::string_view(info.unit) != "share"
                       ? u"%1 (%2)"_s.arg(metricTr(info.title), QString::fromLatin1(info.unit))
                       : metricTr(info.title);
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
    const int corpusColumns = static_cast<int>(m_analysis->corpora.size());
    if (role == Qt::DisplayRole) {
        if (section == 0)
            return tr("Metric");
        if (section <= corpusColumns)
            return m_analysis->corpora[static_cast<std::size_t>(section - 1)].name;
        return tr("Pooled: all real vs all synthetic");
    }
    if (role == Qt::ToolTipRole && section >= 1 && section <= corpusColumns)
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

void VsRealModel::setAnalysis(const std::optional<StoredAnalysis>& analysis) {
    beginResetModel();
    m_rows.clear();
    m_keys.clear();
    if (analysis)
        for (const CorpusMetrics& c : analysis->corpora)
            if (!c.vsReal.isEmpty())
                m_rows.append(c);
    for (const QString& key : headlineKeys())
        if (std::any_of(m_rows.begin(), m_rows.end(),
                        [&](const CorpusMetrics& c) { return c.vsReal.contains(key); }))
            m_keys << key;
    endResetModel();
}

int VsRealModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int VsRealModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || m_rows.isEmpty() ? 0 : 1 + static_cast<int>(m_keys.size());
}

QVariant VsRealModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const CorpusMetrics& c = m_rows.at(index.row());
    if (role == CorpusIdRole)
        return c.corpusId;
    if (index.column() == 0)
        return role == Qt::DisplayRole ? QVariant(c.name) : QVariant();
    const QString& key = m_keys.at(index.column() - 1);
    if (!c.vsReal.contains(key))
        return {};
    const ComparisonEstimate e = c.vsReal.value(key);
    const MetricInfo* info = findMetric(key);
    const auto number = [&](double v) {
        return info != nullptr ? formatMetric(*info, v) : QString::number(v, 'g', 3);
    };
    switch (role) {
    case Qt::DisplayRole:
        return number(e.value);
    case ValueRole:
        return e.value;
    case OutsideNullRole:
        return e.outsideNull();
    case NullBandRole:
        return std::isfinite(e.nullMean) && std::isfinite(e.nullSd)
                   ? u"%1–%2"_s.arg(number(e.nullMean - kNullBandSd * e.nullSd),
                                    number(e.nullMean + kNullBandSd * e.nullSd))
                   : QString();
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole: {
        if (!e.outsideNull())
            return {};
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    case Qt::BackgroundRole:
        // Translucent, so it reads on a light and a dark palette alike.
        return e.outsideNull() ? QVariant(QColor(255, 140, 0, 55)) : QVariant();
    case Qt::ToolTipRole: {
        QString tip = u"<b>%1</b>: %2"_s.arg(c.name.toHtmlEscaped(), number(e.value));
        if (std::isfinite(e.sd))
            tip += tr(" ± %1 over the draws").arg(number(e.sd));
        if (std::isfinite(e.nullMean) && std::isfinite(e.nullSd))
            tip += tr("<br>Real vs real at the same size: %1 ± %2 — %3")
                       .arg(number(e.nullMean), number(e.nullSd),
                            e.outsideNull() ? tr("<b>outside</b> the band (mean ± 3 sd)")
                                            : tr("inside the band: no difference shown"));
        tip += tr("<br>%1 samples per side.").arg(c.vsRealBudget);
        if (info != nullptr)
            tip += u"<br><br>"_s + metricTr(info->meaning);
        return tip;
    }
    default:
        return {};
    }
}

QVariant VsRealModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section > m_keys.size())
        return {};
    if (section == 0)
        return role == Qt::DisplayRole ? QVariant(tr("Synthetic corpus")) : QVariant();
    const MetricInfo* info = findMetric(m_keys.at(section - 1));
    if (role == Qt::DisplayRole)
        return info != nullptr ? metricTr(info->title) : m_keys.at(section - 1);
    if (role == Qt::ToolTipRole && info != nullptr)
        return metricTr(info->meaning);
    return {};
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
    beginResetModel();
    m_rows.clear();
    m_keys.clear();
    if (analysis)
        for (const CorpusMetrics& c : analysis->corpora)
            if (c.role == Role::Synthetic &&
                c.values.contains(QString::fromLatin1(key::kLengthUnmatchedShare)))
                m_rows.append(c);
    // Every measure, even where no corpus has it: the dash and its tooltip say why.
    if (!m_rows.isEmpty())
        m_keys = measureKeys();
    endResetModel();
}

int LengthControlModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int LengthControlModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || m_rows.isEmpty() ? 0 : 2 + static_cast<int>(m_keys.size());
}

QVariant LengthControlModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const CorpusMetrics& c = m_rows.at(index.row());
    const double unmatched = c.values.value(QString::fromLatin1(key::kLengthUnmatchedShare));
    const double matched = c.values.value(QString::fromLatin1(key::kLengthMatchedSamples));
    if (index.column() == 0)
        return role == Qt::DisplayRole ? QVariant(c.name) : QVariant();
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (index.column() == 1) {
        if (role == Qt::DisplayRole)
            return u"%1 %"_s.arg(100.0 * unmatched, 0, 'f', 0);
        if (role == ValueRole)
            return unmatched;
        if (role == Qt::ToolTipRole)
            return tr("%1 samples per draw were paired with a real sample of the same length; "
                      "the rest have lengths the real side lacks and are left out of the lifts.")
                .arg(matched, 0, 'f', 0);
        return {};
    }
    const QString& key = m_keys.at(index.column() - 2);
    const QString liftKey = key + QString::fromLatin1(key::kLengthLiftSuffix);
    if (!c.values.contains(liftKey)) {
        if (role == Qt::DisplayRole)
            return u"–"_s;
        if (role == Qt::ToolTipRole)
            return unmatched > analysis::kMaxUnmatchedShare
                       ? tr("Not measured: %1 % of the sampled synthetic samples have lengths the "
                            "real data lacks, so a baseline would speak for a minority of the "
                            "corpus. Read the measures free of length (self-repetition at equal "
                            "tokens, templates per token) instead.")
                             .arg(100.0 * unmatched, 0, 'f', 0)
                       : tr("Not measured in this analysis (too few matched samples, or the "
                            "analysis ran without this stage).");
        return {};
    }
    const double lift = c.values.value(liftKey);
    const bool rate = key != QString::fromLatin1(key::kMeanNnSimilarity) &&
                      key != QString::fromLatin1(key::kPerplexityMedian);
    const bool worry = rate && lift >= kLiftWorry;
    switch (role) {
    case Qt::DisplayRole:
        return u"%1×"_s.arg(lift, 0, 'f', 2);
    case ValueRole:
        return lift;
    case HighlightRole:
        return worry;
    case Qt::FontRole: {
        if (!worry)
            return {};
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    case Qt::BackgroundRole:
        return worry ? QVariant(QColor(255, 140, 0, 55)) : QVariant();
    case Qt::ToolTipRole: {
        const MetricInfo* info = findMetric(key);
        const auto number = [&](double v) {
            return info != nullptr ? formatMetric(*info, v) : QString::number(v, 'g', 3);
        };
        const QString matchedKey = key + QString::fromLatin1(key::kLengthMatchedSuffix);
        const QString baselineKey = key + QString::fromLatin1(key::kLengthBaselineSuffix);
        QString tip = u"<b>%1</b>"_s.arg(c.name.toHtmlEscaped());
        if (info != nullptr)
            tip += u" — "_s + metricTr(info->title);
        if (c.values.contains(matchedKey) && c.values.contains(baselineKey))
            tip += tr("<br>Synthetic: %1 · real samples of the same lengths: %2 · lift %3×")
                       .arg(number(c.values.value(matchedKey)), number(c.values.value(baselineKey)))
                       .arg(lift, 0, 'f', 2);
        tip += tr("<br>Over %1 matched samples per draw (%2 % of the drawn samples had no "
                  "real match).")
                   .arg(matched, 0, 'f', 0)
                   .arg(100.0 * unmatched, 0, 'f', 0);
        if (const MetricInfo* l = findMetric(liftKey))
            tip += u"<br><br>"_s + metricTr(l->meaning);
        return tip;
    }
    default:
        return {};
    }
}

QVariant LengthControlModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section > m_keys.size() + 1)
        return {};
    if (section == 0)
        return role == Qt::DisplayRole ? QVariant(tr("Synthetic corpus")) : QVariant();
    const QString key = section == 1
                            ? QString::fromLatin1(key::kLengthUnmatchedShare)
                            : m_keys.at(section - 2) + QString::fromLatin1(key::kLengthLiftSuffix);
    const MetricInfo* info = findMetric(key);
    // Short headers: the raw measure's title ("Near-duplicate rate"); the table's caption and
    // the tooltip say that each cell is a lift over real text of the same lengths.
    const MetricInfo* raw = section == 1 ? info : findMetric(m_keys.at(section - 2));
    if (role == Qt::DisplayRole)
        return raw != nullptr ? metricTr(raw->title) : key;
    if (role == Qt::ToolTipRole && info != nullptr)
        return metricTr(info->meaning);
    return {};
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

void IndicatingTermsModel::setTerms(QList<IndicatingTerm> terms) {
    beginResetModel();
    m_terms = std::move(terms);
    endResetModel();
}

int IndicatingTermsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_terms.size());
}

int IndicatingTermsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IndicatingTermsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const IndicatingTerm& t = m_terms.at(index.row());
    if (role == Qt::TextAlignmentRole && index.column() != Ngram)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Ngram:
        return t.ngram;
    case CountReal:
        return t.countReal;
    case CountSynthetic:
        return t.countSynthetic;
    case ZScore:
        return QString::number(t.z, 'f', 1);
    default:
        return {};
    }
}

QVariant IndicatingTermsModel::headerData(int section, Qt::Orientation orientation,
                                          int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == ZScore)
        return tr("z-score of the weighted log-odds ratio (Monroe et al. 2008); |z| > 1.96 is "
                  "significant at 5%.");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Ngram:
        return tr("N-gram");
    case CountReal:
        return tr("Real");
    case CountSynthetic:
        return tr("Synthetic");
    case ZScore:
        return tr("z");
    default:
        return {};
    }
}

// ---- RejectsModel

void RejectsModel::setRejects(QList<RejectedRow> rows) {
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int RejectsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RejectsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RejectsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::DisplayRole)
        return {};
    const RejectedRow& r = m_rows.at(index.row());
    switch (index.column()) {
    case File:
        return r.file.section(u'/', -1);
    case Line:
        return r.line;
    case Reason:
        return r.reason;
    default:
        return {};
    }
}

QVariant RejectsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case File:
        return tr("File");
    case Line:
        return tr("Line");
    case Reason:
        return tr("Reason");
    default:
        return {};
    }
}

// ---- NeighboursModel

void NeighboursModel::setNeighbours(QList<NeighbourDetail> neighbours) {
    beginResetModel();
    m_rows = std::move(neighbours);
    endResetModel();
}

int NeighboursModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int NeighboursModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NeighboursModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const NeighbourDetail& n = m_rows.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == Text)
        return n.text;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Rank:
        return index.row() + 1;
    case Cosine:
        return QString::number(n.similarity, 'f', 3);
    case Corpus:
        return n.corpusName;
    case Text:
        return n.text;
    default:
        return {};
    }
}

QVariant NeighboursModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Rank:
        return tr("#");
    case Cosine:
        return tr("Cosine");
    case Corpus:
        return tr("Corpus");
    case Text:
        return tr("Text");
    default:
        return {};
    }
}

} // namespace synthscope::model
