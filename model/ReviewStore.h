#pragma once

#include "model/Project.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace synthscope::model {

struct TagDef {
    qint64 id = 0;
    QString name;
    int position = 0; ///< 0-based; tag at position p has the hotkey p + 1 (up to 9)
};

/// A tag removed by ReviewStore::removeTag() with every use of it (all reviewers'), so that
/// ReviewStore::restoreTag() can put back the same tag: same id (undo commands that name it
/// stay valid), name, position and uses.
struct RemovedTag {
    struct Use {
        qint64 sampleId = 0;
        QString reviewer;
        QString createdAt; ///< ISO 8601, as stored
    };
    TagDef tag;
    QList<Use> uses;
};

enum class Decision { None, Keep, Drop };
QString decisionName(Decision d);            ///< "", "keep", "drop"
Decision parseDecision(const QString& name); ///< inverse of decisionName(); else None

/// A reviewer's answers on one sample.
struct SampleReview {
    QSet<qint64> tagIds;
    Decision decision = Decision::None;
    QString note;
    [[nodiscard]] bool empty() const {
        return tagIds.isEmpty() && decision == Decision::None && note.isEmpty();
    }
};

/// Another reviewer's answers on a sample (shown beside one's own, never edited).
struct ReviewerAnswer {
    QString reviewer;
    SampleReview review;
};

/// A saved review queue: its samples in a fixed order and where its reviewer stopped.
struct QueueInfo {
    qint64 id = 0;
    QString name;
    QString reviewer;
    QString spec;     ///< JSON: {"kind": "selection" | "sample", ...how it was built}
    int position = 0; ///< 0-based row the reviewer was last on
    int size = 0;     ///< samples in the queue
    int answered = 0; ///< of them, answered by the queue's reviewer
    QString createdAt;
};

/// A note that matched a full-text search.
struct NoteHit {
    qint64 sampleId = 0;
    QString reviewer;
    QString note;
    QString snippet; ///< the note with the matches in [brackets]
};

struct SampleDetail {
    qint64 id = 0;
    qint64 corpusId = 0;
    QString corpusName;
    Role role = Role::Real;
    QString text;
    QString viewText; ///< the part the project's view reads (the whole text when it has none)
    QString label;
    QString sourceFile;
    qint64 line = 0;
    QMap<QString, QString> meta;             ///< provenance key → value (non-empty only)
    std::optional<qint64> skeletonGroup;     ///< group in the newest analysis, if shared
    std::optional<double> perplexity;        ///< under the real-data model, if scored
    std::optional<qint64> cluster;           ///< k-means cluster in the newest analysis
    std::optional<qint64> duplicateGroup;    ///< duplicate group, if the sample has duplicates
    std::optional<double> nnOwn;             ///< cosine to the nearest other sample of its corpus
    std::optional<double> nnOther;           ///< cosine to the nearest sample of the other role
    std::optional<double> syntheticLikeness; ///< out-of-fold P(synthetic), detectability model
};

/// One turn of a conversation sample (model/Conversation.h), as stored.
struct TurnDetail {
    QString role; ///< "system", "user", "assistant" or "tool"
    QString content;
};

/// The preference pair a sample belongs to (model/FieldMapping.h: PairMapping), seen from it.
struct PairDetail {
    QString prompt;       ///< the instruction both outputs answer ("" when not recorded)
    bool isFirst = false; ///< this sample is the pair's first output
    qint64 otherId = 0;   ///< the other output's sample
    QString otherText;
    QString otherGenerator; ///< "" when not recorded
    /// The judge's verdict as the probability that the second output is preferred; nullopt:
    /// no verdict.
    std::optional<double> preferSecond;
    /// Whether the judge preferred this sample (true), the other (false), or neither (nullopt:
    /// a tie, a weighted verdict of 0.5 or none).
    [[nodiscard]] std::optional<bool> preferredThis() const {
        if (!preferSecond || *preferSecond == 0.5)
            return std::nullopt;
        const bool secondWins = *preferSecond > 0.5;
        return isFirst ? !secondWins : secondWins;
    }
};

struct NeighbourDetail {
    qint64 sampleId = 0;
    double similarity = 0.0; ///< cosine of the embeddings, in [−1, 1]
    QString corpusName;
    QString text;
    int rank = 0; ///< 1 = the nearest
};

/// Which samples a review queue holds.
struct ReviewFilter {
    std::optional<qint64> corpusId;
    Role role = Role::Synthetic;
    bool onlyUnreviewed = false; ///< no tag, no decision and no note yet
    /// Most synthetic-looking first (out-of-fold detectability score of the newest analysis,
    /// samples without one last); otherwise project order. Applied to `samples` too, not to a
    /// saved `queue` (it keeps the order it was saved in).
    bool mostSyntheticFirst = false;
    /// Only the members of this skeleton group of the newest analysis (any role).
    std::optional<qint64> skeletonGroup;
    /// Only the members of this k-means cluster of the newest analysis (any role).
    std::optional<qint64> cluster;
    /// Only the members of this duplicate group of the newest analysis (any role).
    std::optional<qint64> duplicateGroup;
    /// Only these samples (a selection on the cluster map), in this order; role and corpus
    /// are ignored, onlyUnreviewed still applies.
    std::optional<QList<qint64>> samples;
    /// The samples of a saved queue, in its order (like samples).
    std::optional<qint64> queue;
};

/// Tags, decisions and notes of reviewers, and the samples they review.
///
/// Every write is its own committed transaction on the calling thread's connection, so an
/// answer is on disk when the call returns (a crash afterwards loses nothing). Writes emit
/// reviewChanged(sampleId) or tagsChanged(); a failed answer write also emits writeFailed()
/// so the user learns of it even when the caller (an undo command) cannot return it. Undo is
/// provided by the commands in ReviewCommands.h, which call these setters: every edit a
/// reviewer makes (answers and the tag set) goes through a command.
class ReviewStore : public QObject {
    Q_OBJECT
public:
    /// reviewer is recorded with each answer; an empty name is recorded as "reviewer".
    ReviewStore(Project& project, QString reviewer, QObject* parent = nullptr);

    [[nodiscard]] const QString& reviewer() const { return m_reviewer; }
    /// Records later answers under name (empty: "reviewer") and emits reviewerChanged(). Edits
    /// already made keep their reviewer, also when they are undone or redone.
    void setReviewer(const QString& name);

    [[nodiscard]] QList<TagDef> tags() const;
    /// Adds a tag at the end of the set. Errors: empty name, a name already in use.
    Status addTag(const QString& name, qint64* id = nullptr);
    Status renameTag(qint64 id, const QString& name);
    /// Removes the tag and every use of it (one transaction); *removed (if given) receives what
    /// restoreTag() needs to undo it. Errors: no such tag, SQL failure (nothing removed).
    Status removeTag(qint64 id, RemovedTag* removed = nullptr);
    /// Puts back a tag removed by removeTag() with its id, position and uses (one transaction).
    /// Errors: its id or name is taken again, a sample of a use is gone (nothing restored).
    Status restoreTag(const RemovedTag& removed);
    /// Moves the tag to position (0-based), shifting the others.
    Status moveTag(qint64 id, int position);

    /// This reviewer's answers on the sample.
    [[nodiscard]] SampleReview review(qint64 sampleId) const;
    /// The other reviewers' answers on the sample, by reviewer name.
    [[nodiscard]] QList<ReviewerAnswer> otherAnswers(qint64 sampleId) const;
    /// Everyone who answered anything in this project, sorted.
    [[nodiscard]] QStringList reviewers() const;
    /// Answer setters. as: the reviewer the answer is recorded for; empty means the current
    /// reviewer (undo commands pass the reviewer who made the edit).
    Status setTag(qint64 sampleId, qint64 tagId, bool on, const QString& as = {});
    Status setDecision(qint64 sampleId, Decision decision, const QString& as = {});
    Status setNote(qint64 sampleId, const QString& note, const QString& as = {});
    /// Bulk answers (a selection in the sample table): every listed sample gets the tag (on)
    /// or loses it, in one transaction, so the whole selection is on disk together or not at
    /// all (one sync instead of one per sample). Ids of samples that no longer exist are
    /// skipped. Emits reviewsChanged once; a failure (SQLite's message) also emits writeFailed.
    Status setTagOnSamples(const QList<qint64>& sampleIds, qint64 tagId, bool on,
                           const QString& as = {});
    /// Bulk decisions, one transaction: each sample gets its decision (None clears it). Emits
    /// reviewsChanged once; a failure (SQLite's message) also emits writeFailed.
    Status setDecisions(const QHash<qint64, Decision>& decisions, const QString& as = {});
    /// Of sampleIds, those `as` (default: the current reviewer) tagged with tagId, into
    /// *tagged. Errors: SQLite's message (then *tagged is empty).
    Status taggedAmong(const QList<qint64>& sampleIds, qint64 tagId, QSet<qint64>* tagged,
                       const QString& as = {}) const;
    /// The decisions of `as` on sampleIds into *decisions (every id present; None where
    /// undecided). Errors: SQLite's message (then *decisions is empty).
    Status decisionsOf(const QList<qint64>& sampleIds, QHash<qint64, Decision>* decisions,
                       const QString& as = {}) const;

    /// The samples of filter; "unreviewed" means not yet answered by this reviewer.
    [[nodiscard]] QList<qint64> reviewQueue(const ReviewFilter& filter) const;

    /// Saves a queue for `as` (default: the current reviewer); ids in review order, spec:
    /// JSON describing how it was built. Errors: empty name or ids, SQL failure (nothing
    /// saved).
    Status createQueue(const QString& name, const QList<qint64>& ids, const QString& spec,
                       qint64* id = nullptr, const QString& as = {});
    /// This reviewer's saved queues, newest first, with their progress.
    [[nodiscard]] QList<QueueInfo> queues() const;
    [[nodiscard]] std::optional<QueueInfo> queue(qint64 queueId) const;
    [[nodiscard]] QList<qint64> queueItems(qint64 queueId) const;
    /// Remembers the row the reviewer is on, so the queue resumes there.
    Status setQueuePosition(qint64 queueId, int position);
    Status removeQueue(qint64 queueId);

    /// Notes matching an SQLite FTS5 query (words, "phrases", prefix*, AND/OR/NOT), best
    /// match first (bm25), at most limit. A malformed query gives an error, not a crash.
    Status searchNotes(const QString& query, QList<NoteHit>* hits, int limit = 500) const;
    [[nodiscard]] std::optional<SampleDetail> sample(qint64 sampleId) const;
    /// Up to limit characters of the sample's text (for list previews).
    [[nodiscard]] QString preview(qint64 sampleId, int limit = 160) const;
    /// Most similar real samples of a synthetic sample, from the newest analysis (whether an
    /// HNSW index found them: SimilaritySummary::otherRoleApproximate() of that analysis).
    [[nodiscard]] QList<NeighbourDetail> neighbours(qint64 sampleId) const;
    /// The preference pair of sampleId with its other output; nullopt when the sample is not
    /// in a pair (or on an SQL error).
    [[nodiscard]] std::optional<PairDetail> pairOf(qint64 sampleId) const;
    /// One sample per preference pair of the corpus (its second output; Review shows the first
    /// beside it), the pairs whose outputs differ most in length first: where a verdict is most
    /// likely to be about length. Empty on an SQL error or without pairs.
    [[nodiscard]] QList<qint64> pairQueue(qint64 corpusId) const;
    /// The turns of a conversation sample in order; empty for a sample imported as one text
    /// (or on an SQL error).
    [[nodiscard]] QList<TurnDetail> turnsOf(qint64 sampleId) const;
    /// The sample's original record as imported: indented JSON (two spaces) when it is JSON,
    /// else as stored (a CSV row, a line of text). Empty for an unknown sample.
    [[nodiscard]] QString originalOf(qint64 sampleId) const;

Q_SIGNALS:
    void reviewChanged(qint64 sampleId);
    /// A bulk write (setTagOnSamples, setDecisions) changed these samples' answers: one signal
    /// instead of one reviewChanged per sample.
    void reviewsChanged(const QList<qint64>& sampleIds);
    void tagsChanged();
    void queuesChanged();
    void writeFailed(const QString& message);
    void reviewerChanged();

public:
    /// Emits writeFailed(message): for undo commands whose step failed outside an answer write.
    void reportFailure(const QString& message);

private:
    Status reported(Status status);
    [[nodiscard]] QString who(const QString& as) const { return as.isEmpty() ? m_reviewer : as; }
    /// Runs a prepared answer write; reports a failure, or announces the change.
    Status writeAnswer(QSqlQuery& query, qint64 sampleId);
    Project& m_project;
    QString m_reviewer;
};

} // namespace synthscope::model
