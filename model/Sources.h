#pragma once

#include "analysis/Progress.h"

#include "model/Json.h"
#include "model/Project.h"
#include "model/Status.h"
#include "model/TeamReview.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <limits>

namespace synthscope::model {

/// The provenance dimensions of chapter 17's data-source and manual-review red lines
/// (Table 17-3): who wrote the synthetic samples, with which template, under which judge.
inline constexpr Dimension kSourceDimensions[] = {Dimension::Generator, Dimension::TemplateVersion,
                                                  Dimension::JudgeVersion};

/// The samples table's column of a provenance dimension (generator, template_version,
/// judge_version, round); empty for the others (corpus, cluster, skeleton group).
QString sampleColumn(Dimension d);

/// Metric keys (metrics table, corpus_id NULL: all synthetic samples of the run) of the
/// concentration on one dimension: "source_largest_share_generator",
/// "source_entropy_template_version", "source_count_judge_version", …
QString sourceLargestShareKey(Dimension d);
QString sourceEntropyKey(Dimension d);
QString sourceCountKey(Dimension d);
/// The dimension of a key above, of a "reviewed_share_newest_<dimension>" rule metric, or
/// false.
bool sourceMetricDimension(const QString& key, Dimension* d);
/// "reviewed_share_newest_generator", … : a red-line metric judged live on the reviews.
QString reviewedShareNewestKey(Dimension d);

/// Numeric order when every value is a finite number ("2" before "10"), else text order with
/// digit runs compared as numbers ("r2" before "r10"): the order of rounds (and of any
/// provenance value on a chart axis).
void sortDimensionValues(QStringList& values);

/// Concentration of the synthetic samples on the sources of one dimension, over all rounds
/// or within one (analysis::sourceConcentration).
struct SourceShare {
    QString round;      ///< empty: every synthetic sample of the analysis
    int samples = 0;    ///< synthetic samples with the dimension recorded
    int unrecorded = 0; ///< synthetic samples without it (not counted in the shares)
    int sources = 0;    ///< distinct values
    QString largest;    ///< the value with the most samples
    /// Its share of samples, [0, 1]; NaN when samples = 0.
    double largestShare = std::numeric_limits<double>::quiet_NaN();
    /// Normalised Shannon entropy, [0, 1] (1: even, 0: one source); NaN when samples = 0.
    double entropy = std::numeric_limits<double>::quiet_NaN();
};
struct DimensionSources {
    Dimension dimension = Dimension::Generator;
    SourceShare all;
    QList<SourceShare> rounds; ///< per recorded round, in round order (empty: no rounds)
};

/// Computes the concentration of the synthetic samples of corpusIds (the analysed synthetic
/// corpora) for every kSourceDimensions entry, overall and per round, and stores it with the
/// run: the overall figures as metrics (sourceLargestShareKey, …; only where some sample
/// records the dimension), the rest in the source_concentration table. Runs inside the
/// caller's transaction. Errors: SQL failure.
Status storeSourceConcentration(QSqlDatabase& db, qint64 run, const QList<qint64>& corpusIds);

/// The concentration stored with the newest analysis, one entry per kSourceDimensions entry
/// that some synthetic sample records. Errors: no analysis, SQL failure.
Status sourceConcentration(Project& project, QList<DimensionSources>* out);

/// How much of one source's synthetic output people have read (Table 17-3, manual review:
/// "low sampling inspection after teacher/template/judge updates").
struct SourceReview {
    QString value;         ///< e.g. "flan-t5-xl"
    QString firstRound;    ///< the earliest round of its samples ("" when none recorded)
    int samples = 0;       ///< its synthetic samples
    int reviewed = 0;      ///< of them, answered (tag, decision or note) by ≥ 1 reviewer
    int reviewedTwice = 0; ///< answered by ≥ 2 reviewers (agreement can be measured)
    bool newest = false;   ///< introduced last (see sourceReview)
    /// reviewed / samples, in [0, 1]; 0 when there are no samples.
    [[nodiscard]] double share() const { return samples > 0 ? double(reviewed) / samples : 0; }
};
/// Per value of dimension (a kSourceDimensions entry) among the synthetic samples of every
/// corpus (not only the analysed ones), in the order the values were introduced: by their
/// earliest round when every value has one, else by the import (corpus) of their first
/// sample. The newest values (the last round's introductions, or the last import's) are
/// marked; when every value came in the same round or the same import, nothing was updated
/// and none is marked. Read live: answers count the moment they are saved. Errors: SQL
/// failure.
Status sourceReview(Project& project, Dimension dimension, QList<SourceReview>* out);
/// One source's review in one dimension: a row of SourceReviewModel and of the gate's verdict.
struct SourceReviewRow {
    Dimension dimension = Dimension::Generator;
    SourceReview review;
};
/// sourceReview() of every kSourceDimensions entry, in that order, as rows, from one pass over
/// the synthetic samples (the reviewer counts come from the answer tables); progress is
/// checked every 65,536 rows (throws analysis::Cancelled). Errors: SQL failure (out is then
/// empty).
Status sourceReviewRows(Project& project, QList<SourceReviewRow>* out,
                        const analysis::Progress& progress = {});

/// Both of the above as JSON, for `summary --json`, `gate --json` and the export datasheet:
/// {"concentration": [{"dimension", "all": {…}, "rounds": [{"round", "samples",
/// "unrecorded", "sources", "largest", "largest_share", "entropy"}]}], "review":
/// [{"dimension", "sources": [{"value", "first_round", "samples", "reviewed",
/// "reviewed_twice", "reviewed_share", "newest"}]}]}. Dimensions no synthetic sample records
/// are left out; without an analysis "concentration" is empty. NaN is written as null.
Json sourcesJson(Project& project);

} // namespace synthscope::model
