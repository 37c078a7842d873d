#pragma once

#include "analysis/Pipeline.h"
#include "model/Json.h"
#include "model/ProjectStore.h"
#include "model/Status.h"

#include <QSqlDatabase>
#include <QString>

#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace synthscope::model {

/// Format of runs.result as encodeAnalysis() writes it (the "format" key of the blob and the
/// runs.result_format column). 1: before this codec, when every scalar was also in the blob;
/// decodeAnalysis() reads both, always taking the numbers from the metrics table.
inline constexpr int kResultFormat = 2;

/// One row of the metrics table: a scalar of an analysis run.
struct MetricRow {
    /// The corpus it describes; nullopt for the pooled real-vs-synthetic comparison and the
    /// run's source concentration (model/Sources.h).
    std::optional<qint64> corpusId;
    std::string name; ///< an analysis::key name (analysis/MetricKeys.h)
    double value = 0.0;
    /// Standard deviation over seeded draws; NaN (NULL in the table) when not drawn.
    double sd = std::numeric_limits<double>::quiet_NaN();
    /// Mean and standard deviation of the same comparison between two disjoint real draws
    /// (the null band); NaN when the row is not a comparison with the real side.
    double nullMean = std::numeric_limits<double>::quiet_NaN();
    double nullSd = std::numeric_limits<double>::quiet_NaN();
};

/// A corpus as one analysis read it, in load order (the order of the analysis's inputs).
struct AnalysedCorpus {
    qint64 id = 0;
    QString name;
    Role role = Role::Real;
    std::vector<qint64> sampleIds; ///< document index within the corpus → sample id
};

/// An analysis run in the form it is stored in: the one codec between
/// analysis::AnalysisResult and the project file.
struct EncodedAnalysis {
    /// runs.result: lists and histograms only (corpora with their label counts, top
    /// templates and nearest-neighbour histograms; skeleton groups; openings and closings;
    /// length, label and perplexity histograms; indicating n-grams; clusters, duplicate
    /// groups and the MAUVE frontier), with "format" = kResultFormat. No metric is in it.
    Json result;
    /// Every scalar metric, per corpus and pooled, with spread and null band where drawn:
    /// the single source of numbers for views, gate, trends, report and export.
    std::vector<MetricRow> metrics;
    /// runs.embedding_source: the embeddings the similarity analyses used (kBuiltInEmbedding
    /// or an imported source); empty when they did not run.
    std::string embeddingSource;
    /// runs.embedding_dimension: the embeddings' dimension (0 without them).
    qint64 embeddingDimension = 0;
};

/// Encodes one analysis. corpora are the analysis's inputs in order (their sampleIds map the
/// result's document indices to samples). Besides the metrics per corpus and the pooled
/// comparison, the run's own sizes (analysis::key::kRunKeys) are pooled rows. Finite values only: a
/// metric the analysis could not measure (NaN) has no row. Throws std::out_of_range when corpora do
/// not match result (fewer corpora or sample ids than the result's documents).
EncodedAnalysis encodeAnalysis(const analysis::AnalysisResult& result,
                               const std::vector<AnalysedCorpus>& corpora);

/// A corpus's JudgeSummary as runs.result and `summary --json` hold it: judged, ties, the
/// three standard errors (null when not measured) and curve (z, pairs, observed, fitted).
Json judgeSummaryJson(const JudgeSummary& judge);

/// Fills into (runId, finishedAt, stale and similarity already set from the runs row) from a
/// stored run: result is runs.result (format 1 or 2; the caller refuses a newer format),
/// metrics its rows of the metrics table, names the current corpus names by id (a corpus
/// renamed since keeps its new name). Numbers come only from metrics: pooled rows go to
/// comparison, the run's sizes (analysis::key::kRunKeys) to run, source concentration is
/// left to model/Sources. Throws Json::exception when result does not have the shape the
/// analysis writes (a damaged or foreign file); a damaged skeleton-group list is dropped.
void decodeAnalysis(const Json& result, const std::vector<MetricRow>& metrics,
                    const std::map<qint64, QString>& names, StoredAnalysis& into);

/// Inserts one analysis run of view (runs row with params, result, format, embedding source
/// and dimension, the corpora ids and the view; its metrics rows) through db, inside the
/// caller's transaction. *runId gets the new run's id. Errors: the SQL failure.
Status writeAnalysisRun(QSqlDatabase& db, const EncodedAnalysis& encoded, const Json& params,
                        const QString& startedAt, const std::vector<AnalysedCorpus>& corpora,
                        AnalysisView view, qint64* runId);

/// The metrics rows of one run, in insertion order. Errors: the SQL failure.
Status readMetricRows(QSqlDatabase& db, qint64 runId, std::vector<MetricRow>* out);

} // namespace synthscope::model
