#pragma once

#include "analysis/Progress.h"
#include "model/Project.h"
#include "model/ReviewStore.h"
#include "model/Status.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace synthscope::model {

/// What samples are grouped by, for stratified sampling and tag analytics. The groups of
/// Cluster and SkeletonGroup come from the newest analysis; the provenance fields from import.
enum class Dimension {
    Corpus,
    Cluster,
    SkeletonGroup,
    Generator,
    TemplateVersion,
    JudgeVersion,
    Round
};
inline constexpr Dimension kDimensions[] = {
    Dimension::Corpus,    Dimension::Cluster,         Dimension::SkeletonGroup,
    Dimension::Generator, Dimension::TemplateVersion, Dimension::JudgeVersion,
    Dimension::Round};
QString dimensionName(Dimension d);  ///< "corpus", "cluster", "skeleton_group", "generator", …
QString dimensionTitle(Dimension d); ///< translated, for the UI: "Corpus", "Cluster", …
bool parseDimension(const QString& name, Dimension* d);

/// A seeded review sample (see analysis::stratifiedSample).
struct SamplingSpec {
    Dimension stratifyBy = Dimension::Cluster;
    int size = 200;           ///< samples to draw (fewer when the population is smaller)
    quint64 seed = 1;         ///< same seed and project → same queue
    bool riskWeighted = true; ///< sampling rate ∝ 1 + 4·risk of the stratum
    std::optional<Role> role = Role::Synthetic; ///< nullopt: both roles
    /// Only the samples with this value of a provenance dimension (generator, template
    /// version, judge version or round), e.g. a new generator's output.
    std::optional<std::pair<Dimension, QString>> only;
    bool onlyUnreviewed = false; ///< only samples no reviewer has answered yet
};

/// One stratum of a drawn sample.
struct StratumDraw {
    QString value;   ///< e.g. "cluster 3", "gpt-x", "(none)"
    int size = 0;    ///< samples in the stratum
    int drawn = 0;   ///< of them in the queue
    double risk = 0; ///< [0, 1]: mean synthetic-likeness, else the synthetic share
    double weight = 1;
};

struct SampledQueue {
    QList<qint64> ids; ///< in review order
    QList<StratumDraw> strata;
    QString spec; ///< JSON record of the spec and the strata, stored with the queue
};

/// Draws a stratified, optionally risk-weighted sample for review ("manual inspection
/// thresholds rise with risk", chapter 17.5). A stratum's risk r is the mean out-of-fold
/// synthetic-likeness of its members in the newest analysis (detectability), or, when no
/// member has one, the share of synthetic samples in it; its weight is 1 + 4r, so the
/// riskiest strata are read up to five times as densely as the safest. Errors: SQL failure,
/// nothing to sample.
Status sampleQueue(Project& project, const SamplingSpec& spec, SampledQueue* out);

/// Agreement of reviewers on one tag (or on keep/drop) over the samples several reviewers
/// answered.
struct AgreementRow {
    QString item;          ///< tag name, or "keep / drop"
    int reviewers = 0;     ///< reviewers who answered at least one shared sample
    int sharedSamples = 0; ///< samples answered by two or more reviewers (units)
    double observed = 0;   ///< share of shared samples on which all their reviewers agree
    double kappa = 0;      ///< Cohen's κ when exactly two reviewers answered; else NaN
    double alpha = 0;      ///< Krippendorff's α (nominal); NaN when undefined
};

/// Per tag: whether each reviewer put it on a sample they answered (1/0); "keep / drop": the
/// decisions of reviewers who decided. κ (Cohen 1960) and α (Krippendorff 2011) from
/// analysis/Agreement.h. Empty when no sample has two reviewers.
Status reviewerAgreement(Project& project, QList<AgreementRow>* rows);

/// Tag rates by a dimension: per value, the samples any reviewer answered and how many of
/// them carry each tag (by any reviewer).
struct TagRateTable {
    Dimension dimension = Dimension::Corpus;
    QList<TagDef> tags;
    struct Row {
        QString value;
        int reviewed = 0;
        QList<int> tagged; ///< per tag of tags
    };
    QList<Row> rows; ///< most reviewed first
};
Status tagRates(Project& project, Dimension dimension, TagRateTable* out);

/// Notes grouped by wording: TF-IDF (word uni+bigrams that occur in two or more notes) and
/// single-linkage grouping at cosine ≥ threshold (analysis::cosineGroups), largest first.
struct NoteGroup {
    QList<NoteHit> notes; ///< snippet empty
};
Status groupNotes(Project& project, double threshold, QList<NoteGroup>* groups);

/// A "concept" (Lilac's term): a logistic regression on the embeddings of the newest
/// analysis, positives = samples a reviewer tagged with the tag, negatives = samples reviewed
/// without it; it ranks the unreviewed samples by P(tag).
struct ConceptResult {
    QString tag;
    int positives = 0;
    int negatives = 0;
    double precision = 0; ///< 5-fold cross-validated, at P ≥ 0.5
    double recall = 0;
    double auc = 0;       ///< mean ROC-AUC over the folds
    QList<qint64> ranked; ///< unreviewed samples, most likely first (at most limit)
    QList<double> scores; ///< P(tag) of ranked
};
/// Errors: no analysis with embeddings, fewer than 5 positives or 5 negatives, SQL failure,
/// Cancelled (via progress).
Status trainConcept(Project& project, qint64 tagId, int limit, ConceptResult* out,
                    const analysis::Progress& progress = {});

} // namespace synthscope::model
