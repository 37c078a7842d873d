#pragma once

#include "model/FieldMapping.h"
#include "model/Importer.h"
#include "model/Project.h"

#include "analysis/Progress.h"
#include "analysis/Similarity.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

#include <limits>
#include <optional>
#include <utility>
#include <vector>

namespace synthscope::model {

/// A corpus as listed in the project panel.
struct CorpusInfo {
    qint64 id = 0;
    QString name;
    Role role = Role::Real;
    QString format;
    QStringList files;
    FieldMapping mapping;
    QString importedAt;
    qint64 rowsIn = 0;
    qint64 samples = 0;
    qint64 rejected = 0;
    qint64 prompts = 0;   ///< samples with a prompt (the Prompts view reads them)
    qint64 responses = 0; ///< samples with a response (the Responses view)
    qint64 filtered =
        0; ///< records the mapping's where skipped (rowsIn = stored + rejected + filtered)
    /// A corpus imported as a uniform sample of its records (ImportSpec::sampling: reservoir
    /// sampling); its metrics are estimates from size of population records.
    struct Sampling {
        qint64 size = 0; ///< records asked for (more than population: all were kept)
        quint64 seed = 0;
        qint64 population = 0; ///< good records the sample was drawn from
    };
    std::optional<Sampling> sampling; ///< nullopt: every record was imported
    /// {"method": "reservoir", "size", "seed", "population"}, or null (every record).
    [[nodiscard]] Json samplingJson() const;
    /// Whether the corpus takes part in view (All: always).
    [[nodiscard]] bool inView(AnalysisView view) const {
        return view == AnalysisView::All ||
               (view == AnalysisView::Prompts ? prompts : responses) > 0;
    }
    /// Provenance: key → fixed value or field template, as mapped at import.
    [[nodiscard]] QString provenanceText() const;
};

struct IndicatingTerm {
    QString ngram;
    qint64 countReal = 0;
    qint64 countSynthetic = 0;
    double z = 0.0;
};

/// Half-width of the null band in standard deviations of a single real-vs-real draw. Three,
/// not two: each corpus is read on some fifteen comparisons at once, and at ±2 sd about one
/// of them would fall outside by chance on data that does not differ at all.
inline constexpr double kNullBandSd = 3.0;

/// A comparison of one synthetic corpus with the real side (analysis::compareEachWithReal):
/// the mean over seeded draws, its standard deviation, and the null band (the same
/// comparison between two disjoint real draws of the same size). NaN = not stored.
struct ComparisonEstimate {
    double value = std::numeric_limits<double>::quiet_NaN();
    double sd = std::numeric_limits<double>::quiet_NaN();
    double nullMean = std::numeric_limits<double>::quiet_NaN();
    double nullSd = std::numeric_limits<double>::quiet_NaN();
    /// Outside the null band, mean ± kNullBandSd sd (false when there is no band).
    [[nodiscard]] bool outsideNull() const;
};

/// One bin of a judge's verdicts by standardised length difference (analysis::JudgeCurveBin).
struct JudgeCurvePoint {
    double z = 0.0;        ///< bin centre, standard deviations of the length difference
    qint64 pairs = 0;      ///< judged pairs in the bin
    double observed = 0.0; ///< share preferring the second output; NaN: no pair
    double fitted = 0.0;   ///< the length model at the bin centre
};

/// An n-gram leaning to the preferred or the rejected outputs (analysis::JudgeResult::indicating).
struct JudgeTerm {
    QString ngram;
    qint64 countPreferred = 0;
    qint64 countRejected = 0;
    double z = 0.0; ///< weighted log-odds z-score; > 0 leans to the preferred outputs
};

/// What the judge preferred in a corpus of preference pairs, beyond its metrics (judge_* keys).
struct JudgeSummary {
    qint64 judged = 0;
    qint64 ties = 0;
    double winRateStdError = 0.0;
    double lengthControlledStdError = 0.0;
    double lengthSlopeStdError = 0.0;
    QList<JudgeCurvePoint> curve;    ///< by z, increasing
    QList<JudgeTerm> preferredTerms; ///< highest z first
    QList<JudgeTerm> rejectedTerms;  ///< lowest z first
    qint64 diversityTokenBudget = 0; ///< tokens per draw of the kept/offered diversity; 0: none
};

struct CorpusMetrics {
    qint64 corpusId = 0;
    QString name;
    Role role = Role::Real;
    QMap<QString, double> values; ///< metric key → value
    /// Synthetic corpora: comparison key (comparisonMetrics()) → this corpus against the
    /// real side; empty for real corpora and for analyses before schema 5.
    QMap<QString, ComparisonEstimate> vsReal;
    qint64 vsRealBudget = 0; ///< samples per side in each draw of the comparison
    QList<std::pair<QString, double>> labelCounts; ///< most frequent first
    /// Corpora of preference pairs: the judge's standard errors and length curve.
    std::optional<JudgeSummary> judge;
};

/// A group of the Skeletons view (analysis::SkeletonGroup): a mould, or samples whose short
/// skeletons are near-identical.
struct SkeletonGroupInfo {
    qint64 id = 0;   ///< rank in its run: 0 = largest
    QString pattern; ///< a mould's title ("…" where members differ), else a member's skeleton
    qint64 size = 0;
    qint64 real = 0;
    qint64 synthetic = 0;
    bool mould = false; ///< grouped by shared template windows
    /// A group of short replies (analysis::isShortReply of its skeleton; never a mould).
    [[nodiscard]] bool isShortReply() const;
};

/// A recurring opening or closing (first or last three tokens) with its count per side.
struct AffixRow {
    QString text;
    qint64 real = 0;
    qint64 synthetic = 0;
};

/// A recurring template of the newest analysis (see analysis::RecurringTemplate): a skeleton
/// 6-gram, the samples of each role containing it, and its log-odds z (> 0: leans synthetic).
struct TemplateRow {
    QString pattern;
    qint64 real = 0;
    qint64 synthetic = 0;
    double zScore = 0.0;
    QList<qint64> examples; ///< sample ids containing it, synthetic ones first
};

/// A k-means cluster of the newest analysis (see analysis::ClusterInfo).
struct ClusterRow {
    qint64 id = 0;
    qint64 size = 0;
    qint64 real = 0;
    qint64 synthetic = 0;
    QString label; ///< most distinctive terms, comma-separated
    analysis::ClusterFlag flag = analysis::ClusterFlag::None;
    double meanNnSimilarity = 0.0;
};

/// A skeleton group as the run's stored result lists it (the 300 largest), with the first
/// members' sample ids (at most 20).
struct StoredSkeletonGroup {
    SkeletonGroupInfo info;
    QList<qint64> members; ///< the first 20
};

/// The embeddings the similarity analyses of a run used (the runs row's columns).
struct SimilaritySummary {
    QString embeddingSource; ///< kBuiltInEmbedding or an imported source
    qint64 embeddingDimension = 0;
    /// How the run found nearest neighbours (result JSON similarity.neighbour_search): "exact"
    /// or "HNSW" (approximate) for the own-corpus and the other-role searches; empty for runs
    /// stored before it was recorded.
    QString neighbourSearchOwnCorpus;
    QString neighbourSearchOtherRole;
    /// Whether the other-role search (each sample's nearest samples of the other role: NN
    /// similarity to the other role, Review's nearest real samples) used an HNSW index and may
    /// have missed the true nearest. False for exact searches and for runs stored before it was
    /// recorded.
    [[nodiscard]] bool otherRoleApproximate() const {
        return neighbourSearchOtherRole == QStringLiteral("HNSW");
    }
};

/// A group of exact or near-duplicate samples of the newest analysis.
struct DuplicateGroupRow {
    qint64 id = 0; ///< 0 = largest
    qint64 size = 0;
    qint64 real = 0;
    qint64 synthetic = 0;
    bool exact = false;
    QString excerpt; ///< start of the first member's text
};

/// Which per-sample group column of the newest analysis.
enum class GroupKind { Skeleton = 0, Duplicate = 1, Cluster = 2 };

/// Every sample of the newest analysis as a point of the cluster map (parallel arrays in
/// sample-id order). Scores are NaN where not computed; cluster, duplicateGroup and firstTag
/// are −1 where absent; decision (the reviewers' majority): 0 none, 1 keep, 2 drop, 3 split.
struct MapPoints {
    std::vector<qint64> ids;
    std::vector<float> pcaX, pcaY;       ///< first two principal components of the embeddings
    std::vector<float> layoutX, layoutY; ///< neighbour layout (NaN until computed)
    bool hasLayout = false;
    /// Where layoutX/Y came from: empty for the neighbour layout, else the record fields the
    /// coordinates were imported from ("x, y"; importLayoutFromFields).
    QString layoutName;
    std::vector<std::uint8_t> synthetic;
    std::vector<std::int32_t> corpus;
    std::vector<std::int32_t> cluster;
    std::vector<float> nnOwn, nnOther, syntheticLikeness, perplexity;
    std::vector<std::int32_t> duplicateGroup;
    std::vector<std::int32_t> firstTag; ///< smallest tag id on the sample, −1 for none
    /// The reviewers' majority: 0 none, 1 keep, 2 drop, 3 split (a tie).
    std::vector<std::uint8_t> decision;
    [[nodiscard]] std::size_t size() const { return ids.size(); }
    void reserve(std::size_t n) {
        ids.reserve(n);
        pcaX.reserve(n);
        pcaY.reserve(n);
    }
};

/// One sample's review as the map shows it (see MapPoints::firstTag and ::decision).
struct MapReview {
    qint64 sampleId = 0;
    std::int32_t firstTag = -1;
    std::uint8_t decision = 0;
};

/// Which points show these samples: one entry per point, 1 when the point's sample is among
/// sampleIds (any order, duplicates allowed), else 0; *indices gets those points' indices,
/// ascending. Relies on points.ids being ascending (as the map is loaded); one sort of
/// sampleIds and one pass over both lists, so a million ids take milliseconds.
std::vector<std::uint8_t> pointMask(const MapPoints& points, QList<qint64> sampleIds,
                                    std::vector<std::size_t>* indices);

/// The newest analysis run, as value types for the views.
struct StoredAnalysis {
    qint64 runId = 0;
    QString finishedAt;
    bool stale = false; ///< corpora were imported, removed or re-roled after this run
    /// The view the run analysed (the project's view when it was read).
    AnalysisView view = AnalysisView::All;
    /// Non-empty when the run's stored result cannot be read (a damaged or foreign project
    /// file): what is wrong. Nothing below is filled then.
    QString damaged;
    std::vector<CorpusMetrics> corpora;
    bool hasComparison = false;
    QMap<QString, double> comparison; ///< real-vs-synthetic metric key → value
    /// The run's own sizes (analysis::key::kRunKeys: equal-budget draws, MAUVE quantisation).
    QMap<QString, double> run;
    int histogramBinWidth = 1; ///< tokens per bin
    QVector<double> histogramReal;
    QVector<double> histogramSynthetic;
    QStringList labels;
    QVector<double> labelReal;
    QVector<double> labelSynthetic;
    QList<IndicatingTerm> indicatingReal;
    QList<IndicatingTerm> indicatingSynthetic;
    QList<AffixRow> openings;
    QList<AffixRow> closings;
    QList<TemplateRow> recurringTemplates; ///< highest z first
    /// Perplexity histogram on log10-spaced bins: bin i starts at 10^(log10Min + i·log10Step).
    double perplexityLog10Min = 0.0;
    double perplexityLog10Step = 0.0;
    QVector<double> perplexityRealHeldOut;
    QVector<double> perplexitySynthetic;
    /// Own-corpus nearest-neighbour cosine histograms over [0, 1] (equal bins), summed over
    /// the corpora of each role; empty without the similarity analyses.
    QVector<double> nnSimilarityReal;
    QVector<double> nnSimilaritySynthetic;
    /// The largest skeleton groups (at most 300), largest first.
    QList<StoredSkeletonGroup> skeletonGroups;
    /// nullopt when the run did not run the similarity analyses.
    std::optional<SimilaritySummary> similarity;
};

/// Read access to the project's corpora, rejects and results (any thread's connection).
class ProjectStore {
public:
    explicit ProjectStore(Project& project)
        : m_project(project) {}

    [[nodiscard]] QList<CorpusInfo> corpora() const;
    /// Rejected rows of one corpus (or all when corpusId is 0), in file order, at most limit.
    [[nodiscard]] QList<RejectedRow> rejects(qint64 corpusId, int limit = 10000) const;
    /// The newest analysis, or nullopt when none has run.
    [[nodiscard]] std::optional<StoredAnalysis> latestAnalysis() const;
    /// Skeleton groups of the newest analysis, largest first (at most limit).
    [[nodiscard]] QList<SkeletonGroupInfo> skeletonGroups(int limit = 5000) const;
    /// k-means clusters of the newest analysis, by id.
    [[nodiscard]] QList<ClusterRow> clusters() const;
    /// Duplicate groups of the newest analysis, largest first (at most limit).
    [[nodiscard]] QList<DuplicateGroupRow> duplicateGroups(int limit = 5000) const;
    /// Sample ids of one group of the newest analysis, in project order (at most limit).
    [[nodiscard]] QList<qint64> groupMembers(GroupKind kind, qint64 groupId,
                                             int limit = 100000) const;
    /// Every sample of the newest analysis with its map position and colourable scores.
    /// Meant for a worker thread (1M rows take seconds); reports progress, throws
    /// analysis::Cancelled when asked to stop.
    [[nodiscard]] MapPoints mapPoints(const analysis::Progress& progress = {}) const;
    /// The map's review columns (MapPoints::firstTag and ::decision) of these samples as
    /// stored now: one entry per id of an existing sample (duplicates repeat), in no
    /// particular order. For the GUI thread after an answer: one indexed lookup per id (a
    /// thousand ids take milliseconds); empty on a database error.
    [[nodiscard]] std::vector<MapReview> mapReview(const QList<qint64>& sampleIds) const;
    /// The machine-readable summary printed by `synthscope-cli summary --json`.
    [[nodiscard]] Json summaryJson() const;

private:
    Project& m_project;
};

/// Deletes one analysis run and everything stored with it (its metrics, concentration on
/// sources and per-sample rows): the way out of a run whose stored result cannot be read.
/// Samples, tags, decisions, notes and queues are untouched. Errors: no analysis run with
/// that id, SQL failure (nothing deleted).
Status dropAnalysisRun(Project& project, qint64 runId);

} // namespace synthscope::model
