#pragma once

#include "model/Project.h"
#include "model/ReviewStore.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace synthscope::model {

/// A closed range of a per-sample score; an unset end is open. Both unset: no condition.
struct ScoreRange {
    std::optional<double> min;
    std::optional<double> max;
    [[nodiscard]] bool active() const { return min.has_value() || max.has_value(); }
    bool operator==(const ScoreRange&) const = default;
};

/// The columns of the sample table, which are also the keys a search can sort by (Text
/// cannot be sorted: it is shown, not ranked).
enum class SampleColumn {
    Id,
    Corpus,
    Role,
    Length,            ///< characters (Unicode code points) of the sample's text
    SyntheticLikeness, ///< out-of-fold P(synthetic) of the detectability model, in [0, 1]
    NnOther,           ///< cosine to the nearest sample of the other role, in [−1, 1]
    Perplexity,        ///< under the real side's language model, ≥ 1 (held-out samples only)
    Cluster,           ///< k-means cluster, numbered from 1 as in every view
    SkeletonGroup,     ///< shared-skeleton group, numbered from 1
    DuplicateGroup,    ///< exact / near-duplicate group, numbered from 1
    Tags,              ///< the tags any reviewer gave (not sortable)
    Decision,          ///< keep / drop, with counts when reviewers differ (not sortable)
    Text,              ///< last: not sortable
};
inline constexpr int kSampleColumnCount = static_cast<int>(SampleColumn::Text) + 1;

/// Whether a search can be ordered by column (every column but Tags, Decision and Text).
[[nodiscard]] bool isSortable(SampleColumn column);

/// Which samples to list, and in which order: full-text search, filters on any column and
/// ranges of every per-sample score, all combined with AND. Per-sample scores and groups are
/// those of the newest analysis run; a sample that run did not score (imported after it, or
/// no analysis yet) has none, so any condition on a score or group excludes it.
///
/// Group ids (cluster, skeleton group, duplicate group) are the stored 0-based ids; the table,
/// every view and the JSON of toJson() number them from 1.
struct SampleQuery {
    /// An SQLite FTS5 query over the sample texts: words, "a phrase", prefix*, AND/OR/NOT,
    /// NEAR(a b, 5) — the syntax of note search (https://www.sqlite.org/fts5.html, §3).
    /// Matching folds case and diacritics (unicode61 tokenizer). Empty: every sample.
    QString text;
    std::optional<qint64> corpusId;
    std::optional<Role> role;
    std::optional<qint64> cluster;
    std::optional<qint64> skeletonGroup;
    std::optional<qint64> duplicateGroup;
    /// Tagged with this tag (by `reviewer` when set, else by anyone).
    std::optional<qint64> tagId;
    /// Decided so (by `reviewer` when set, else by anyone); Decision::None: by nobody.
    std::optional<Decision> decision;
    /// With tagId or decision: whose answers count. Alone: samples this reviewer answered
    /// (a tag, a decision or a note).
    QString reviewer;
    /// Provenance: the samples whose generator / round is exactly this value (empty: no
    /// condition).
    QString generator;
    QString round;
    ScoreRange syntheticLikeness;
    ScoreRange nnOther;
    ScoreRange perplexity;
    ScoreRange length; ///< characters
    SampleColumn sortBy = SampleColumn::Id;
    bool descending = false;

    /// True when the query lists every sample in project order (nothing to filter).
    [[nodiscard]] bool isEmpty() const;
    /// The query as JSON (saved with a review queue; read back by fromJson).
    [[nodiscard]] QJsonObject toJson() const;
    /// Reads toJson()'s format; an unknown key, a value of the wrong type or an unknown
    /// column, role or decision is an error naming it.
    static Status fromJson(const QJsonObject& json, SampleQuery* query);
    bool operator==(const SampleQuery&) const = default;
};

/// One row of the sample table.
struct SampleRow {
    qint64 id = 0;
    QString corpus;
    Role role = Role::Real;
    qint64 length = 0; ///< characters
    std::optional<double> syntheticLikeness;
    std::optional<double> nnOther;
    std::optional<double> perplexity;
    std::optional<qint64> cluster; ///< stored (0-based) ids, as in SampleQuery
    std::optional<qint64> skeletonGroup;
    std::optional<qint64> duplicateGroup;
    QStringList tags; ///< names of the tags any reviewer gave, in the tag set's order
    int keeps = 0;    ///< reviewers who decided keep
    int drops = 0;    ///< reviewers who decided drop
    /// The start of the text (up to 300 characters), or, for a text search, the passage
    /// around the hits with each hit between U+0002 and U+0003 (FTS5's snippet()).
    QString excerpt;
};

/// Marks a hit's start and end in SampleRow::excerpt.
inline constexpr QChar kHitStart = QChar(0x02);
inline constexpr QChar kHitEnd = QChar(0x03);

/// The ids of the samples matching query, in its order (ties and missing scores by id, missing
/// scores last in either direction). Runs on the calling thread's connection, so a worker may
/// call it. Errors: a malformed FTS5 query ("the search … is not valid: …", SQLite's
/// message), an unsortable column (Text), or SQLite's message.
Status findSamples(const Project& project, const SampleQuery& query, QList<qint64>* ids);

/// The table rows of ids, in the order of ids (ids that no longer exist are left out).
/// ftsQuery: the search whose hits to mark in the excerpt (empty: none). Errors: a malformed
/// ftsQuery ("the search … is not valid: …"), or SQLite's message; *rows is then incomplete.
Status sampleRows(const Project& project, const QList<qint64>& ids, const QString& ftsQuery,
                  QList<SampleRow>* rows);

/// Where a full-text search hits one sample's stored text: (start, length) pairs in UTF-16
/// code units of samples.text, in text order, as FTS5's highlight() marks them (the same
/// tokens the search matched, case and accents folded). Empty when the sample does not match
/// or ftsQuery is empty. Errors: a malformed ftsQuery ("the search … is not valid: …"), or
/// SQLite's message.
Status searchHits(const Project& project, qint64 sampleId, const QString& ftsQuery,
                  QList<std::pair<qsizetype, qsizetype>>* hits);

} // namespace synthscope::model
