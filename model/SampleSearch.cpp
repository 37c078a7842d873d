#include "model/SampleSearch.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonValue>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <memory>

#include <sqlite3.h>
#include <thread>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

namespace {
/// The translation context of this file's messages (lupdate reads the macro).
struct SampleSearchText {
    Q_DECLARE_TR_FUNCTIONS(synthscope::model::SampleSearch)
};
} // namespace

namespace {

// Per column: its JSON name, what it sorts by (null: not sortable) and whether that is a column
// of the newest run's sample_scores row (then `order` is the column's name there).
struct ColumnSql {
    const char* name;
    const char* order;
    bool scored;
};
constexpr std::array<ColumnSql, kSampleColumnCount> kColumns = {{
    {"id", "s.id", false},
    {"corpus", "c.name", false},
    {"role", "c.role", false},
    {"length", "length(" SYNTHSCOPE_VIEW_TEXT_SQL ")", false},
    {"synthetic_likeness", "synthetic_likeness", true},
    {"nn_other", "nn_other", true},
    {"perplexity", "perplexity", true},
    {"cluster", "cluster", true},
    {"skeleton_group", "skeleton_group", true},
    {"duplicate_group", "duplicate_group", true},
    {"tags", nullptr, false},
    {"decision", nullptr, false},
    {"text", nullptr, false},
}};

const ColumnSql& columnSql(SampleColumn column) {
    return kColumns.at(static_cast<std::size_t>(column));
}

// The score ranges with their JSON key and SQL expression.
struct RangeField {
    const char* name;
    ScoreRange SampleQuery::*range;
    const char* sql;
    bool scored;
};
constexpr std::array<RangeField, 4> kRanges = {{
    {"synthetic_likeness", &SampleQuery::syntheticLikeness, "synthetic_likeness", true},
    {"nn_other", &SampleQuery::nnOther, "nn_other", true},
    {"perplexity", &SampleQuery::perplexity, "perplexity", true},
    {"length", &SampleQuery::length, "length(" SYNTHSCOPE_VIEW_TEXT_SQL ")", false},
}};

// The group filters with their JSON key and column of sample_scores.
struct GroupField {
    const char* name;
    std::optional<qint64> SampleQuery::*group;
    const char* column;
};
constexpr std::array<GroupField, 3> kGroups = {{
    {"cluster", &SampleQuery::cluster, "cluster"},
    {"skeleton_group", &SampleQuery::skeletonGroup, "skeleton_group"},
    {"duplicate_group", &SampleQuery::duplicateGroup, "duplicate_group"},
}};

// The text conditions with their JSON key and column of samples.
struct TextField {
    const char* name;
    QString SampleQuery::*value;
    const char* column;
};
constexpr std::array<TextField, 2> kProvenance = {{
    {"generator", &SampleQuery::generator, "s.generator"},
    {"round", &SampleQuery::round, "s.round"},
}};

// An SQL WHERE clause with its bound values in placeholder order.
struct Where {
    QStringList conditions;
    QVariantList values;
    void add(const QString& condition, std::initializer_list<QVariant> bound) {
        conditions << condition;
        for (const QVariant& v : bound)
            values << v;
    }
};

Where whereOf(const SampleQuery& query, AnalysisView view) {
    Where w;
    // Outside the 'all' view, the samples that have its part (a condition on the text columns
    // only there: in 'all' the scan stays on the covering index).
    if (view != AnalysisView::All)
        w.add(u"" SYNTHSCOPE_VIEW_TEXT_SQL " IS NOT NULL"_s, {});
    if (!query.text.trimmed().isEmpty())
        w.add(u"s.id IN (SELECT rowid FROM samples_fts WHERE samples_fts MATCH ?)"_s, {query.text});
    if (query.corpusId)
        w.add(u"s.corpus_id = ?"_s, {*query.corpusId});
    if (query.role)
        w.add(u"c.role = ?"_s, {roleName(*query.role)});
    for (const TextField& t : kProvenance)
        if (const QString& value = query.*(t.value); !value.isEmpty())
            w.add(u"%1 = ?"_s.arg(QLatin1StringView(t.column)), {value});
    // Score ranges and groups are applied to the scores read apart (see findSamples).
    for (const RangeField& r : kRanges) {
        const ScoreRange& range = query.*(r.range);
        if (r.scored)
            continue;
        if (range.min)
            w.add(u"%1 >= ?"_s.arg(QLatin1StringView(r.sql)), {*range.min});
        if (range.max)
            w.add(u"%1 <= ?"_s.arg(QLatin1StringView(r.sql)), {*range.max});
    }
    // Answers as sets (an index lookup per listed sample), not a subquery per sample.
    const bool byReviewer = !query.reviewer.isEmpty();
    const QString whose = byReviewer ? u" AND reviewer = ?"_s : QString();
    if (query.tagId) {
        w.add(u"s.id IN (SELECT sample_id FROM sample_tags WHERE tag_id = ?"_s + whose + u")"_s,
              {*query.tagId});
        if (byReviewer)
            w.values << query.reviewer;
    }
    if (query.decision) {
        if (*query.decision == Decision::None)
            w.add(u"s.id NOT IN (SELECT sample_id FROM decisions WHERE 1"_s + whose + u")"_s, {});
        else
            w.add(u"s.id IN (SELECT sample_id FROM decisions WHERE decision = ?"_s + whose + u")"_s,
                  {decisionName(*query.decision)});
        if (byReviewer)
            w.values << query.reviewer;
    }
    if (byReviewer && !query.tagId && !query.decision)
        w.add(u"s.id IN (SELECT sample_id FROM sample_tags WHERE reviewer = ? UNION SELECT "
              "sample_id FROM decisions WHERE reviewer = ? UNION SELECT sample_id FROM notes "
              "WHERE reviewer = ?)"_s,
              {query.reviewer, query.reviewer, query.reviewer});
    return w;
}

// The FTS5 query to run for what a user typed: the text itself when FTS5 accepts it, else each
// whitespace-separated word as a quoted string (so @AmazonHelp, can't, $5 and order-id search
// as the words they hold), keeping AND, OR, NOT and a trailing * (a prefix). Errors: neither
// is a valid FTS5 query (the message names the text and FTS5's complaint), or SQLite's
// message.
Status ftsQueryFor(QSqlDatabase& db, const QString& text, QString* fts) {
    const auto valid = [&db](const QString& query, QString* error) {
        QSqlQuery probe(db);
        probe.prepare(u"SELECT 1 FROM samples_fts WHERE samples_fts MATCH ? LIMIT 1"_s);
        probe.addBindValue(query);
        if (probe.exec())
            return true;
        if (error != nullptr)
            *error = probe.lastError().databaseText();
        return false;
    };
    QString error;
    if (valid(text, &error)) {
        *fts = text;
        return {};
    }
    QStringList words;
    for (const QString& word : text.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts)) {
        if (word == "AND"_L1 || word == "OR"_L1 || word == "NOT"_L1) {
            words << word;
            continue;
        }
        const bool prefix = word.size() > 1 && word.endsWith(u'*');
        QString core = prefix ? word.chopped(1) : word;
        words << u'"' + core.replace(u'"', u"\"\""_s) + u'"' + (prefix ? u"*"_s : QString());
    }
    const QString quoted = words.join(u' ');
    if (valid(quoted, nullptr)) {
        *fts = quoted;
        return {};
    }
    return Status::failure(
        SampleSearchText::tr("The search is not valid (%2): %1 — use words, \"a phrase\", "
                             "prefix*, AND, OR, NOT")
            .arg(text, error));
}

std::optional<double> optionalDouble(const QVariant& v) {
    return v.isNull() ? std::nullopt : std::optional(v.toDouble());
}
std::optional<qint64> optionalId(const QVariant& v) {
    return v.isNull() ? std::nullopt : std::optional(v.toLongLong());
}

} // namespace

bool SampleQuery::isEmpty() const {
    return *this == SampleQuery{};
}

QJsonObject SampleQuery::toJson() const {
    QJsonObject o;
    if (!text.isEmpty())
        o[u"text"_s] = text;
    if (corpusId)
        o[u"corpus"_s] = *corpusId;
    if (role)
        o[u"role"_s] = roleName(*role);
    for (const GroupField& g : kGroups)
        if (const auto& value = this->*(g.group); value)
            o[QLatin1StringView(g.name)] = *value + 1; // numbered as shown, as in export specs
    if (tagId)
        o[u"tag"_s] = *tagId;
    if (decision)
        o[u"decision"_s] = *decision == Decision::None ? u"none"_s : decisionName(*decision);
    if (!reviewer.isEmpty())
        o[u"reviewer"_s] = reviewer;
    for (const TextField& t : kProvenance)
        if (const QString& value = this->*(t.value); !value.isEmpty())
            o[QLatin1StringView(t.name)] = value;
    for (const RangeField& r : kRanges) {
        const ScoreRange& range = this->*(r.range);
        if (!range.active())
            continue;
        QJsonObject bounds;
        if (range.min)
            bounds[u"min"_s] = *range.min;
        if (range.max)
            bounds[u"max"_s] = *range.max;
        o[QLatin1StringView(r.name)] = bounds;
    }
    if (sortBy != SampleColumn::Id || descending) {
        o[u"sort"_s] = QLatin1StringView(columnSql(sortBy).name);
        o[u"descending"_s] = descending;
    }
    return o;
}

Status SampleQuery::fromJson(const QJsonObject& json, SampleQuery* query) {
    SampleQuery q;
    const auto wrongType = [](const QString& key, const char* expected) {
        return Status::failure(SampleSearchText::tr("sample query: '%1' must be %2")
                                   .arg(key, QLatin1StringView(expected)));
    };
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString& key = it.key();
        const QJsonValue& v = it.value();
        const auto integer = [&](std::optional<qint64>* out) {
            if (!v.isDouble() || v.toDouble() != static_cast<double>(v.toInteger()))
                return wrongType(key, "an integer");
            *out = v.toInteger();
            return Status();
        };
        const auto string = [&](QString* out) {
            if (!v.isString())
                return wrongType(key, "a string");
            *out = v.toString();
            return Status();
        };
        Status s;
        bool known = true;
        if (key == "text"_L1) {
            s = string(&q.text);
        } else if (key == "corpus"_L1) {
            s = integer(&q.corpusId);
        } else if (key == "tag"_L1) {
            s = integer(&q.tagId);
        } else if (key == "reviewer"_L1) {
            s = string(&q.reviewer);
        } else if (key == "role"_L1) {
            Role role = Role::Real;
            if (!v.isString() || !parseRole(v.toString(), &role))
                return wrongType(key, "\"real\" or \"synthetic\"");
            q.role = role;
        } else if (key == "decision"_L1) {
            const QString name = v.toString();
            if (name == "none"_L1)
                q.decision = Decision::None;
            else if (name == "keep"_L1 || name == "drop"_L1)
                q.decision = parseDecision(name);
            else
                return wrongType(key, "\"keep\", \"drop\" or \"none\"");
        } else if (key == "sort"_L1) {
            const QString name = v.toString();
            int found = -1;
            for (int c = 0; c < kSampleColumnCount; ++c)
                if (kColumns.at(static_cast<std::size_t>(c)).order != nullptr &&
                    name == QLatin1StringView(kColumns.at(static_cast<std::size_t>(c)).name))
                    found = c;
            if (found < 0)
                return wrongType(key, "a sortable column name");
            q.sortBy = static_cast<SampleColumn>(found);
        } else if (key == "descending"_L1) {
            if (!v.isBool())
                return wrongType(key, "true or false");
            q.descending = v.toBool();
        } else {
            known = false;
        }
        for (const GroupField& g : kGroups)
            if (key == QLatin1StringView(g.name)) {
                known = true;
                std::optional<qint64>& group = q.*(g.group);
                s = integer(&group);
                if (s && *group < 1)
                    return wrongType(key, "a group number (1, 2, …)");
                if (s)
                    *group = *group - 1;
            }
        for (const TextField& t : kProvenance)
            if (key == QLatin1StringView(t.name)) {
                s = string(&(q.*(t.value)));
                known = true;
            }
        for (const RangeField& r : kRanges)
            if (key == QLatin1StringView(r.name)) {
                known = true;
                if (!v.isObject())
                    return wrongType(key, "an object with \"min\" and/or \"max\"");
                const QJsonObject bounds = v.toObject();
                ScoreRange& range = q.*(r.range);
                for (auto b = bounds.begin(); b != bounds.end(); ++b) {
                    if (!b.value().isDouble() || (b.key() != "min"_L1 && b.key() != "max"_L1))
                        return wrongType(key + u'.' + b.key(), "\"min\" or \"max\", a number");
                    (b.key() == "min"_L1 ? range.min : range.max) = b.value().toDouble();
                }
            }
        if (!known)
            return Status::failure(SampleSearchText::tr("sample query: unknown key '%1'").arg(key));
        if (!s)
            return s;
    }
    *query = std::move(q);
    return {};
}

namespace {

// Runs sql on h with values bound in order and calls row for each result row: SQLite's own
// API, because a million rows through QSqlQuery's QVariants cost more than the query itself.
// Errors: SQLite's message.
Status eachRow(sqlite3* h, const QString& sql, const QVariantList& values,
               const std::function<void(sqlite3_stmt*)>& row) {
    sqlite3_stmt* raw = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(h, utf8.constData(), static_cast<int>(utf8.size()), &raw, nullptr) !=
        SQLITE_OK)
        return Status::failure(QString::fromUtf8(sqlite3_errmsg(h)));
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt(raw, &sqlite3_finalize);
    int at = 1;
    for (const QVariant& v : values) {
        const int type = v.typeId();
        if (type == QMetaType::LongLong || type == QMetaType::Int)
            sqlite3_bind_int64(raw, at, v.toLongLong());
        else if (type == QMetaType::Double)
            sqlite3_bind_double(raw, at, v.toDouble());
        else {
            const QByteArray text = v.toString().toUtf8();
            sqlite3_bind_text(raw, at, text.constData(), static_cast<int>(text.size()),
                              SQLITE_TRANSIENT);
        }
        ++at;
    }
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(raw)) == SQLITE_ROW)
        row(raw);
    if (rc != SQLITE_DONE)
        return Status::failure(QString::fromUtf8(sqlite3_errmsg(h)));
    return {};
}

// One match while it is filtered and ordered.
struct Match {
    qint64 id = 0;
    double key = 0.0;
    bool hasKey = false;
};

// A match's place in a score order as one unsigned integer, then the id: the key's IEEE 754
// bits made order-preserving (negative numbers flipped whole, positive ones get the sign bit),
// complemented for a descending order; a missing key is the largest, so it comes last in
// either direction. Comparing two integers is what makes a million-row sort fast.
struct SortKey {
    std::uint64_t key;
    qint64 id;
    bool operator<(const SortKey& o) const { return key != o.key ? key < o.key : id < o.id; }
};

SortKey sortKeyOf(const Match& m, bool descending) {
    if (!m.hasKey)
        return {std::numeric_limits<std::uint64_t>::max(), m.id};
    const double key = m.key == 0.0 ? 0.0 : m.key; // −0 sorts as 0
    const auto bits = std::bit_cast<std::uint64_t>(key);
    const std::uint64_t ordered = (bits >> 63) != 0 ? ~bits : bits | (std::uint64_t{1} << 63);
    // Descending: the complement, kept below the missing keys' maximum.
    return {descending ? std::numeric_limits<std::uint64_t>::max() - 1 - ordered : ordered, m.id};
}

// std::sort on two threads (this machine class has two cores): each half sorted apart, then
// merged. Below 50,000 keys a thread costs more than it saves.
void sortOnTwoThreads(std::vector<SortKey>& keys) {
    if (keys.size() < 50000) {
        std::sort(keys.begin(), keys.end());
        return;
    }
    const auto middle = keys.begin() + static_cast<std::ptrdiff_t>(keys.size() / 2);
    std::thread first([&keys, middle]() { std::sort(keys.begin(), middle); });
    std::sort(middle, keys.end());
    first.join();
    std::inplace_merge(keys.begin(), middle, keys.end());
}

// Whether the query has conditions on the run's scores or groups.
bool scoreConditions(const SampleQuery& query) {
    for (const GroupField& g : kGroups)
        if (query.*(g.group))
            return true;
    for (const RangeField& r : kRanges)
        if (r.scored && (query.*(r.range)).active())
            return true;
    return false;
}

} // namespace

Status findSamples(const Project& project, const SampleQuery& query, QList<qint64>* ids) {
    ids->clear();
    const ColumnSql& sort = columnSql(query.sortBy);
    if (sort.order == nullptr)
        return Status::failure(SampleSearchText::tr("samples cannot be sorted by '%1'")
                                   .arg(QLatin1StringView(sort.name)));
    QSqlDatabase db = project.connection();
    sqlite3* h = sqliteHandle(db);
    if (h == nullptr)
        return Status::failure(SampleSearchText::tr("the project is not open through SQLite"));
    // One snapshot for every statement below: an analysis or import landing meanwhile cannot
    // pair one run's scores with another's matches.
    const ReadSnapshot snapshot(db);
    if (!snapshot.status())
        return snapshot.status();
    std::optional<qint64> run;
    if (Status s = newestAnalysisRun(db, &run); !s)
        return s;

    // 1. The samples matching every condition SQL answers from samples, corpora, the text
    // index and the answers (no ORDER BY: the covering index then serves a scan), with their
    // sort key when it lives there.
    SampleQuery effective = query;
    if (!query.text.trimmed().isEmpty())
        if (Status s = ftsQueryFor(db, query.text, &effective.text); !s)
            return s;
    const Where where = whereOf(effective, project.view());
    const char* key = query.sortBy == SampleColumn::Length ? "length(" SYNTHSCOPE_VIEW_TEXT_SQL ")"
                      : query.sortBy == SampleColumn::Corpus ? "s.corpus_id"
                      : query.sortBy == SampleColumn::Role   ? "c.role = 'synthetic'"
                                                             : nullptr;
    QString sql = u"SELECT s.id"_s +
                  (key != nullptr ? u", "_s + QLatin1StringView(key) : QString()) +
                  u" FROM samples s"_s;
    if (query.role || query.sortBy == SampleColumn::Role)
        sql += u" JOIN corpora c ON c.id = s.corpus_id"_s;
    if (!where.conditions.isEmpty())
        sql += u" WHERE "_s + where.conditions.join(u" AND "_s);
    std::vector<Match> matches;
    // 2 (below) needs the run's scores anyway; when every sample matches and the run scored
    // each of them, its rows are the matches and the scan of the samples is saved (a third of
    // the time of a million-row order by a score).
    bool fromScores = false;
    if (where.conditions.isEmpty() && run && key == nullptr &&
        (sort.scored || scoreConditions(query))) { // (a key such as the length is the samples')
        qint64 samples = -1;
        qint64 scored = -2;
        if (Status s = eachRow(h, u"SELECT count(*) FROM samples"_s, {},
                               [&](sqlite3_stmt* row) { samples = sqlite3_column_int64(row, 0); });
            !s)
            return s;
        if (Status s = eachRow(h, u"SELECT count(*) FROM sample_scores WHERE run_id = ?"_s, {*run},
                               [&](sqlite3_stmt* row) { scored = sqlite3_column_int64(row, 0); });
            !s)
            return s;
        fromScores = samples == scored;
    }
    if (fromScores) {
        // Step 2 lists them.
    } else if (Status s =
                   eachRow(h, sql, where.values,
                           [&](sqlite3_stmt* row) {
                               Match m{.id = sqlite3_column_int64(row, 0)};
                               if (key != nullptr && sqlite3_column_type(row, 1) != SQLITE_NULL) {
                                   m.key = sqlite3_column_double(row, 1);
                                   m.hasKey = true;
                               }
                               matches.push_back(m);
                           });
               !s)
        return s;

    // 2. Per-sample scores and groups of the newest run: read in one scan of the run's rows
    // (sample order) and merged with the matches, instead of a lookup per match.
    // Conditions on them are SQL on sample_scores (a group uses its index); rows that fail
    // them are not returned, so a match without a returned row is out.
    QStringList scoreWhere{u"run_id = ?"_s};
    QVariantList scoreValues{run ? QVariant(*run) : QVariant()};
    for (const GroupField& g : kGroups)
        if (const auto& value = query.*(g.group); value) {
            scoreWhere << u"%1 = ?"_s.arg(QLatin1StringView(g.column));
            scoreValues << *value;
        }
    for (const RangeField& r : kRanges) {
        const ScoreRange& range = query.*(r.range);
        if (!r.scored)
            continue;
        if (range.min) {
            scoreWhere << u"%1 >= ?"_s.arg(QLatin1StringView(r.sql));
            scoreValues << *range.min;
        }
        if (range.max) {
            scoreWhere << u"%1 <= ?"_s.arg(QLatin1StringView(r.sql));
            scoreValues << *range.max;
        }
    }
    const bool conditions = scoreWhere.size() > 1;
    if (conditions || sort.scored) {
        std::sort(matches.begin(), matches.end(),
                  [](const Match& a, const Match& b) { return a.id < b.id; });
        if (!run) {
            if (conditions)
                matches.clear(); // nothing is scored yet
        } else {
            // A few matches (a text search): their rows by key; many: the run's rows.
            if (!fromScores && matches.size() < 20000) {
                QList<qint64> listed;
                for (const Match& m : matches)
                    listed.append(m.id);
                scoreWhere << u"sample_id IN (SELECT value FROM json_each(?))"_s;
                scoreValues << jsonIdArray(listed);
            }
            std::vector<Match> kept;
            kept.reserve(matches.size());
            std::size_t next = 0;
            const auto unscored = [&](std::size_t upTo) { // matches without a returned row
                for (; next < upTo; ++next)
                    if (!conditions)
                        kept.push_back(matches[next]);
            };
            const QString sortColumn =
                sort.scored ? u", "_s + QLatin1StringView(sort.order) : QString();
            Status s =
                eachRow(h,
                        u"SELECT sample_id%1 FROM sample_scores WHERE %2 ORDER BY sample_id"_s.arg(
                            sortColumn, scoreWhere.join(u" AND "_s)),
                        scoreValues, [&](sqlite3_stmt* row) {
                            const qint64 id = sqlite3_column_int64(row, 0);
                            if (fromScores) { // every scored sample is a match
                                Match m{.id = id};
                                if (sort.scored) {
                                    m.hasKey = sqlite3_column_type(row, 1) != SQLITE_NULL;
                                    m.key = sqlite3_column_double(row, 1);
                                }
                                kept.push_back(m);
                                return;
                            }
                            std::size_t upTo = next;
                            while (upTo < matches.size() && matches[upTo].id < id)
                                ++upTo;
                            unscored(upTo);
                            if (next >= matches.size() || matches[next].id != id)
                                return;
                            Match m = matches[next++];
                            if (sort.scored) {
                                m.hasKey = sqlite3_column_type(row, 1) != SQLITE_NULL;
                                m.key = sqlite3_column_double(row, 1);
                            }
                            kept.push_back(m);
                        });
            if (!s)
                return s;
            unscored(matches.size());
            matches = std::move(kept);
        }
    }

    // 3. The order: the key (missing keys last in either direction), ties by id.
    if (query.sortBy == SampleColumn::Corpus) {
        // By corpus name: each corpus id's place among the names.
        std::map<qint64, double> place;
        if (Status s = eachRow(h, u"SELECT id FROM corpora ORDER BY name"_s, {},
                               [&](sqlite3_stmt* row) {
                                   place[sqlite3_column_int64(row, 0)] =
                                       static_cast<double>(place.size());
                               });
            !s)
            return s;
        for (Match& m : matches)
            m.key = place[static_cast<qint64>(m.key)];
    }
    const bool descending = query.descending;
    if (query.sortBy == SampleColumn::Id) {
        std::sort(matches.begin(), matches.end(), [descending](const Match& a, const Match& b) {
            return descending ? a.id > b.id : a.id < b.id;
        });
        ids->reserve(static_cast<qsizetype>(matches.size()));
        for (const Match& m : matches)
            ids->append(m.id);
        return {};
    }
    std::vector<SortKey> keys;
    keys.reserve(matches.size());
    for (const Match& m : matches)
        keys.push_back(sortKeyOf(m, descending));
    sortOnTwoThreads(keys);
    ids->reserve(static_cast<qsizetype>(keys.size()));
    for (const SortKey& k : keys)
        ids->append(k.id);
    return {};
}

Status sampleRows(const Project& project, const QList<qint64>& ids, const QString& ftsQuery,
                  QList<SampleRow>* rows) {
    rows->clear();
    if (ids.isEmpty())
        return {};
    QSqlDatabase db = project.connection();
    std::optional<qint64> run;
    if (Status s = newestAnalysisRun(db, &run); !s)
        return s;
    const QString list = jsonIdArray(ids);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT s.id, c.name, c.role, length(" SYNTHSCOPE_VIEW_TEXT_SQL
              "), substr(" SYNTHSCOPE_VIEW_TEXT_SQL ", 1, 300), "
              "sc.synthetic_likeness, sc.nn_other, sc.perplexity, sc.cluster, "
              "sc.skeleton_group, sc.duplicate_group FROM json_each(?) j "
              "JOIN samples s ON s.id = j.value JOIN corpora c ON c.id = s.corpus_id "
              "LEFT JOIN sample_scores sc ON sc.run_id = ? AND sc.sample_id = s.id "
              "ORDER BY j.key"_s);
    q.addBindValue(list);
    q.addBindValue(run ? QVariant(*run) : QVariant(QMetaType(QMetaType::LongLong)));
    if (!q.exec())
        return sqlError(q);
    QHash<qint64, qsizetype> at;
    while (q.next()) {
        SampleRow r;
        r.id = q.value(0).toLongLong();
        r.corpus = q.value(1).toString();
        (void)parseRole(q.value(2).toString(), &r.role);
        r.length = q.value(3).toLongLong();
        r.excerpt = q.value(4).toString();
        r.syntheticLikeness = optionalDouble(q.value(5));
        r.nnOther = optionalDouble(q.value(6));
        r.perplexity = optionalDouble(q.value(7));
        r.cluster = optionalId(q.value(8));
        r.skeletonGroup = optionalId(q.value(9));
        r.duplicateGroup = optionalId(q.value(10));
        at.insert(r.id, rows->size());
        rows->append(std::move(r));
    }
    // The answers of every reviewer: tag names in the tag set's order, decisions counted.
    QSqlQuery answers(db);
    answers.setForwardOnly(true);
    answers.prepare(u"SELECT st.sample_id, t.name FROM sample_tags st JOIN tags t ON t.id = "
                    "st.tag_id WHERE st.sample_id IN (SELECT value FROM json_each(?)) "
                    "GROUP BY st.sample_id, t.id ORDER BY st.sample_id, t.position"_s);
    answers.addBindValue(list);
    if (!answers.exec())
        return sqlError(answers);
    while (answers.next())
        if (const auto it = at.constFind(answers.value(0).toLongLong()); it != at.cend())
            (*rows)[*it].tags << answers.value(1).toString();
    answers.prepare(u"SELECT sample_id, sum(decision = 'keep'), sum(decision = 'drop') FROM "
                    "decisions WHERE sample_id IN (SELECT value FROM json_each(?)) "
                    "GROUP BY sample_id"_s);
    answers.addBindValue(list);
    if (!answers.exec())
        return sqlError(answers);
    while (answers.next())
        if (const auto it = at.constFind(answers.value(0).toLongLong()); it != at.cend()) {
            (*rows)[*it].keeps = answers.value(1).toInt();
            (*rows)[*it].drops = answers.value(2).toInt();
        }
    if (ftsQuery.trimmed().isEmpty())
        return {};
    QString fts;
    if (Status s = ftsQueryFor(db, ftsQuery, &fts); !s)
        return s;
    // The passage around the hits (16 tokens), hits marked; FTS5 finds the best one. A page in
    // id order is about all the matches between its first and last id: asked as that rowid
    // range, FTS5 reads them in one pass. A page in another order has its ids spread over the
    // table: asked one by one (a rowid lookup each), not the whole range.
    const bool inIdOrder =
        std::is_sorted(ids.cbegin(), ids.cend()) || std::is_sorted(ids.crbegin(), ids.crend());
    const auto [lowest, highest] = std::minmax_element(ids.cbegin(), ids.cend());
    QSqlQuery hits(db);
    hits.setForwardOnly(true);
    hits.prepare(
        u"SELECT rowid, snippet(samples_fts, 0, char(2), char(3), '…', 16) FROM "
        "samples_fts WHERE samples_fts MATCH ? AND "_s +
        (inIdOrder ? u"rowid BETWEEN ? AND ?"_s : u"rowid IN (SELECT value FROM json_each(?))"_s));
    hits.addBindValue(fts);
    if (inIdOrder) {
        hits.addBindValue(*lowest);
        hits.addBindValue(*highest);
    } else {
        hits.addBindValue(list);
    }
    if (!hits.exec())
        return sqlError(hits);
    while (hits.next())
        if (const auto it = at.constFind(hits.value(0).toLongLong()); it != at.cend())
            (*rows)[*it].excerpt = hits.value(1).toString();
    return {};
}

Status searchHits(const Project& project, qint64 sampleId, const QString& ftsQuery,
                  QList<std::pair<qsizetype, qsizetype>>* hits) {
    hits->clear();
    if (ftsQuery.trimmed().isEmpty())
        return {};
    QSqlDatabase db = project.connection();
    QString fts;
    if (Status s = ftsQueryFor(db, ftsQuery, &fts); !s)
        return s;
    QSqlQuery q(db);
    q.prepare(u"SELECT highlight(samples_fts, 0, char(2), char(3)) FROM samples_fts WHERE "
              "samples_fts MATCH ? AND rowid = ?"_s);
    q.addBindValue(fts);
    q.addBindValue(sampleId);
    if (!q.exec())
        return sqlError(q);
    if (!q.next())
        return {};
    // Offsets in the text without the markers.
    const QString marked = q.value(0).toString();
    qsizetype plain = 0;
    qsizetype start = -1;
    for (const QChar c : marked) {
        if (c == kHitStart) {
            start = plain;
        } else if (c == kHitEnd) {
            if (start >= 0 && plain > start)
                hits->append({start, plain - start});
            start = -1;
        } else {
            ++plain;
        }
    }
    return {};
}

bool isSortable(SampleColumn column) {
    return columnSql(column).order != nullptr;
}

} // namespace synthscope::model
