#pragma once

#include "model/Project.h"
#include "model/Status.h"
#include "model/TeamReview.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace synthscope::model {

/// One line of a trend chart: a corpus (or the real corpora's level as a flat reference).
struct TrendSeries {
    QString name;
    Role role = Role::Synthetic;
    QList<double> y; ///< per category of the Trend; NaN where the series has no point
    /// Per category: the standard deviation of y over the comparison's seeded draws (error
    /// bars); empty, or NaN where unknown.
    QList<double> sd;
};

/// A metric charted against a provenance field (round, generator, …) or against the
/// analysis runs of the project, so slow narrowing shows as a line (chapter 17.1, "Risk
/// Accumulation Creates a Delayed Illusion").
struct Trend {
    QString metric;
    QString axisTitle;
    QStringList categories; ///< x values in order (numeric order when all are numbers)
    QList<TrendSeries> series;
    /// For a comparison metric (each synthetic corpus against the real side): the null band
    /// per category, null mean − 3 sd … null mean + 3 sd (kNullBandSd) of the same comparison
    /// between two disjoint real draws of the corpus's size. Empty, or NaN where there is none.
    QList<double> nullLow;
    QList<double> nullHigh;
};

/// Dimensions a per-corpus metric can be charted against (a corpus has one value of each:
/// the most frequent among its samples).
inline constexpr Dimension kTrendDimensions[] = {Dimension::Round, Dimension::Generator,
                                                 Dimension::TemplateVersion,
                                                 Dimension::JudgeVersion, Dimension::Corpus};

/// A per-corpus metric (a corpusMetrics() key, or a comparisonMetrics() key for each
/// synthetic corpus against the real side, with its error bars and null band) of the newest
/// analysis against dimension: each synthetic corpus is placed at its most frequent value of
/// the dimension (corpora sharing a value are averaged); each real corpus is a flat reference
/// line at its own value. A source-concentration key (sourceMetrics()) is charted by round
/// only: one series of the synthetic samples of each round. Errors: no analysis, SQL
/// failure, a source-concentration key against another dimension.
Status metricByProvenance(Project& project, Dimension dimension, const QString& metric, Trend* out);

/// Any metric (per corpus or real-vs-synthetic) over the project's analysis runs, oldest
/// first: one series per corpus, or one for a comparison metric.
Status metricOverRuns(Project& project, const QString& metric, Trend* out);

/// Keys of the metrics the newest analysis stored: per corpus first, then comparisons, then
/// the concentration on sources (MetricCatalog's sourceMetrics(), stored per round too).
/// perCorpusOnly: only keys that can be charted against a provenance dimension: stored per
/// corpus (which includes the comparisons of each synthetic corpus against the real side),
/// or a source-concentration key (by round).
QStringList storedMetricKeys(Project& project, bool perCorpusOnly);

/// A ratio-gradient experiment (chapter 17.3, Listing 17-2): training runs at several
/// synthetic ratios and what each scored.
struct RatioGradient {
    QString source;              ///< file it was imported from
    QList<double> ratios;        ///< synthetic share of the training mix, increasing, in [0, 1]
    QStringList metricNames;     ///< e.g. main_metric, tail_metric, robust_metric
    QList<QList<double>> values; ///< per metric, per ratio (NaN when a run lacks it)
    QStringList notes;           ///< per ratio ("" when none)
    /// Per metric, the ratio index of its inflection point (analysis::kneeIndex), or -1.
    [[nodiscard]] QList<int> knees() const;
};

/// Reads a ratio-gradient table: CSV/TSV with a header, a JSON array of objects or JSON Lines
/// (RecordReader). The ratio column is synth_ratio (also synthetic_ratio or ratio; a percentage
/// above 1 is divided by 100); every other column with a number in some row is a metric
/// (real_ratio is skipped), "notes" is kept as text. Errors name the file and line: a row
/// without a numeric ratio, a ratio outside [0, 1], a repeated ratio, fewer than two rows.
Status parseRatioGradient(const QString& path, RatioGradient* out);
/// Stores the experiment in the project (project_info "ratio_gradient") / reads it back.
Status setProjectRatioGradient(Project& project, const RatioGradient& gradient);
std::optional<RatioGradient> projectRatioGradient(Project& project);

} // namespace synthscope::model
