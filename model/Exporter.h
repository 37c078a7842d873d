#pragma once

#include "analysis/Progress.h"
#include "model/Json.h"
#include "model/Project.h"

#include <QList>
#include <QString>

#include <optional>

namespace synthscope::model {

/// A set of group ids (0-based, as stored; the UI and CLI show them 1-based) to keep or drop.
struct GroupSelection {
    QList<qint64> ids;
    bool exclude = false; ///< false: only these groups; true: all but these
    [[nodiscard]] bool active() const { return !ids.isEmpty(); }
};

/// Which samples an export takes. Unset parts do not filter. Groups and scores are those of
/// the newest analysis; a sample without a score passes a score bound.
struct ExportFilter {
    enum class Tags { Any, Untagged, Tagged, Named };
    enum class Decisions { Any, Keep, Drop, Undecided };
    /// Whose decision counts: anyone's (a sample kept by any reviewer is "kept"), one
    /// reviewer's, or the majority's (more keeps than drops; a tie or none is undecided).
    enum class DecisionSource { Anyone, Reviewer, Majority };

    std::optional<QString> corpus; ///< corpus name
    std::optional<Role> role;
    Tags tags = Tags::Any;
    QString tagName; ///< with Tags::Named
    Decisions decisions = Decisions::Any;
    DecisionSource decisionSource = DecisionSource::Anyone;
    QString reviewer;              ///< with DecisionSource::Reviewer
    GroupSelection clusters;       ///< k-means clusters
    GroupSelection skeletonGroups; ///< template skeleton groups
    /// Of each duplicate group (exact or near) keep only its member with the lowest id.
    bool onePerDuplicateGroup = false;
    std::optional<double> maxSyntheticLikeness; ///< out-of-fold P(synthetic) ≤ this
    std::optional<double> maxNnSimilarity; ///< cosine to the nearest in its own corpus ≤ this
    std::optional<double> minPerplexity;   ///< under the real-data language model
    std::optional<double> maxPerplexity;
    /// The analysis run the cluster and skeleton group numbers were chosen from (the GUI sets
    /// it); when set and groups are selected, an export finds a different newest run refused
    /// instead of applying the numbers to other groups. Unset: the newest run.
    std::optional<qint64> analysisRun;

    [[nodiscard]] Json toJson() const;
    /// Parses the CLI/GUI words: tag "any" | "none" | "tagged" | a tag name;
    /// decision "any" | "keep" | "drop" | "undecided". False with *error for an unknown word.
    static bool parseDecision(const QString& word, Decisions* out, QString* error);
    static void parseTag(const QString& word, ExportFilter* filter);
    /// Parses "3,7,12" (1-based group numbers as shown) into 0-based ids; false with *error.
    static bool parseGroups(const QString& text, QList<qint64>* ids, QString* error);
};

struct ExportReport {
    qint64 samples = 0;
    /// Lines written: one per sample, except that both outputs of a preference pair share
    /// their record, written once.
    qint64 records = 0;
    QString outputPath;
    QString manifestPath;
    QString excludedPath; ///< ids of the samples the filter left out
    qint64 excluded = 0;
    QString sha256; ///< hex digest of the output file
};

/// Number of samples matching filter.
qint64 countMatching(Project& project, const ExportFilter& filter, QString* error = nullptr);

/// Writes the samples matching filter to outputPath as JSON Lines of their original records
/// (verbatim; JSON-array elements that span lines are written compact; the two outputs of a
/// preference pair share one record, written once when either of them matches — the record
/// holds both, so an output the filter left out can be in it, as .excluded.jsonl lists); the
/// samples left out
/// to outputPath + ".excluded.jsonl" ({"id", "corpus", "file", "line"} per line); and a
/// manifest outputPath + ".manifest.json", a datasheet in the spirit of Gebru et al. (2021):
/// the filter, counts per corpus and role, each corpus's provenance and source files, the
/// metrics of the newest analysis, the red lines' status at export time, the reviewers and
/// their decisions, SHA-256 of the output, project, time, app version. Every file is written
/// atomically (QSaveFile): a failure or cancel leaves no partial file. Fails when the filter
/// names an unknown corpus, tag or reviewer.
Status exportSamples(Project& project, const ExportFilter& filter, const QString& outputPath,
                     const analysis::Progress& progress, ExportReport* report);

/// The manifest path for an output path.
QString manifestPathFor(const QString& outputPath);
/// The path of the excluded-ids list for an output path.
QString excludedPathFor(const QString& outputPath);

} // namespace synthscope::model
