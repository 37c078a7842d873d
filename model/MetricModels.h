#pragma once

#include "model/ColumnTableModel.h"
#include "model/MetricCatalog.h"
#include "model/ProjectStore.h"

#include <QAbstractTableModel>

namespace synthscope::model {

/// Each synthetic corpus against the real side (analysis::compareEachWithReal): one row per
/// synthetic corpus, one column per headline comparison (JS divergences, MAUVE,
/// detectability, coverage, …). A cell shows the value; ValueRole the number; OutsideNullRole
/// whether it lies outside the real-vs-real band (null mean ± 3 sd at the corpus's size,
/// kNullBandSd); the tooltip the spread over draws and the band. Rows without comparisons are left
/// out.
class VsRealModel : public ColumnTableModel<CorpusMetrics> {
    Q_OBJECT
public:
    static constexpr int ValueRole = Qt::UserRole + 1;
    static constexpr int OutsideNullRole = Qt::UserRole + 2;
    static constexpr int CorpusIdRole = Qt::UserRole + 3;
    /// The band as text ("0.128–0.131"), empty without one.
    static constexpr int NullBandRole = Qt::UserRole + 4;

    using ColumnTableModel::ColumnTableModel;
    void setAnalysis(const std::optional<StoredAnalysis>& analysis);
    /// The comparison keys shown as columns, in order.
    [[nodiscard]] static const QStringList& headlineKeys();

protected:
    QVariant rowData(const CorpusMetrics& row, int role) const override;
};

/// Each synthetic corpus's length-sensitive measures against real samples of the same token
/// lengths (analysis::controlForLength): one row per synthetic corpus that has them; columns
/// "Lengths without a real match" (a share) and one lift per measure (exact and near
/// duplicates, skeleton repetition, NN-similarity ratio, mean NN similarity, perplexity).
/// A cell shows the lift ("4.2×"); ValueRole the number; HighlightRole whether a rate lift
/// reaches kLiftWorry; the tooltip the synthetic value, the baseline and how many samples
/// were matched.
class LengthControlModel : public ColumnTableModel<CorpusMetrics> {
    Q_OBJECT
public:
    static constexpr int ValueRole = Qt::UserRole + 1;
    static constexpr int HighlightRole = Qt::UserRole + 2;
    /// A rate at least this many times that of real text of the same lengths is highlighted,
    static constexpr double kLiftWorry = 3.0; ///< as the default red lines

    using ColumnTableModel::ColumnTableModel;
    void setAnalysis(const std::optional<StoredAnalysis>& analysis);
    /// The raw measure keys whose lifts are columns, in order (analysis::lengthControlledKeys()).
    [[nodiscard]] static const QStringList& measureKeys();
};

/// A warning when text lengths differ enough between the sides that raw repetition,
/// skeleton and nearest-neighbour rates mislead: some synthetic corpus has a token-length
/// KS statistic against the real side of at least kLengthKsWorry (from the per-corpus
/// comparison). Names those corpora with their median lengths and the real side's; empty
/// when lengths agree or nothing was compared.
QString lengthMismatchWarning(const StoredAnalysis& analysis);
inline constexpr double kLengthKsWorry = 0.3;

/// Headline numbers: one row per metric (per-corpus metrics, then real-vs-synthetic ones),
/// one column per corpus and a last column for the pooled comparison (all real against all
/// synthetic corpora). Tooltips explain each metric.
class MetricsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int MetricKeyRole = Qt::UserRole + 1;
    static constexpr int ValueRole = Qt::UserRole + 2; ///< the number (double) or invalid

    explicit MetricsTableModel(QObject* parent = nullptr)
        : QAbstractTableModel(parent) {}
    void setAnalysis(const std::optional<StoredAnalysis>& analysis);
    /// Shows only these metrics (catalog order); empty shows every metric that has a value.
    void setKeys(QStringList keys);
    /// Whether rows of isUncontrolledMetric() keys show (default: no; the controlled
    /// counterparts do).
    void setShowUncontrolled(bool show);
    /// Which rows: per-corpus metrics (a column per corpus), the pooled real-vs-synthetic
    /// comparisons (one "Pooled" column), or both (default; the pooled column is then empty
    /// on per-corpus rows and the corpus columns on pooled rows).
    enum class RowKinds { Both, PerCorpus, Pooled };
    void setRowKinds(RowKinds kinds);
    [[nodiscard]] bool showsUncontrolled() const { return m_showUncontrolled; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row {
        const MetricInfo* info;
        bool comparison;
    };
    std::optional<StoredAnalysis> m_analysis;
    QStringList m_keys;
    bool m_showUncontrolled = false;
    RowKinds m_kinds = RowKinds::Both;
    /// Corpus columns shown (none for RowKinds::Pooled).
    [[nodiscard]] int corpusColumns() const;
    QList<Row> m_rows; ///< metrics with at least one value
};

/// Indicating n-grams of one side: n-gram, count in real, count in synthetic, z-score.
class IndicatingTermsModel : public ColumnTableModel<IndicatingTerm> {
    Q_OBJECT
public:
    enum Column { Ngram, CountReal, CountSynthetic, ZScore, ColumnCount };
    explicit IndicatingTermsModel(QObject* parent = nullptr);
    void setTerms(QList<IndicatingTerm> terms) { setRows(std::move(terms)); }
};

} // namespace synthscope::model
