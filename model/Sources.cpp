#include "model/Sources.h"

#include "analysis/SourceConcentration.h"

#include <QCollator>
#include <QCoreApplication>
#include <QHash>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <span>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

namespace {
/// The translation context of this file's messages (lupdate reads the macro).
struct SourcesText {
    Q_DECLARE_TR_FUNCTIONS(synthscope::model::Sources)
};
} // namespace

namespace {

// Counts of one population (a round, or all) by value → concentration.
SourceShare share(const QString& round, const QMap<QString, std::size_t>& counts, int unrecorded) {
    std::vector<std::size_t> n;
    QStringList values;
    for (auto it = counts.begin(); it != counts.end(); ++it) {
        values << it.key();
        n.push_back(it.value());
    }
    const analysis::SourceConcentration c = analysis::sourceConcentration(n);
    SourceShare out;
    out.round = round;
    out.samples = static_cast<int>(c.samples);
    out.unrecorded = unrecorded;
    out.sources = static_cast<int>(c.sources);
    if (c.sources > 0)
        out.largest = values.at(static_cast<qsizetype>(c.largest));
    out.largestShare = c.largestShare;
    out.entropy = c.normalizedEntropy;
    return out;
}

// A null QString is bound as SQL NULL; these columns hold '' instead.
QString notNull(const QString& s) {
    return s.isNull() ? QStringLiteral("") : s;
}

QVariant orNull(double v) {
    return std::isfinite(v) ? QVariant(v) : QVariant(QMetaType(QMetaType::Double));
}

} // namespace

QString sampleColumn(Dimension d) {
    switch (d) {
    case Dimension::Generator:
        return u"generator"_s;
    case Dimension::TemplateVersion:
        return u"template_version"_s;
    case Dimension::JudgeVersion:
        return u"judge_version"_s;
    case Dimension::Round:
        return u"round"_s;
    default:
        return {};
    }
}

QString sourceLargestShareKey(Dimension d) {
    return u"source_largest_share_"_s + dimensionName(d);
}
QString sourceEntropyKey(Dimension d) {
    return u"source_entropy_"_s + dimensionName(d);
}
QString sourceCountKey(Dimension d) {
    return u"source_count_"_s + dimensionName(d);
}
QString reviewedShareNewestKey(Dimension d) {
    return u"reviewed_share_newest_"_s + dimensionName(d);
}

bool sourceMetricDimension(const QString& key, Dimension* d) {
    for (Dimension candidate : kSourceDimensions)
        if (key == sourceLargestShareKey(candidate) || key == sourceEntropyKey(candidate) ||
            key == sourceCountKey(candidate) || key == reviewedShareNewestKey(candidate)) {
            *d = candidate;
            return true;
        }
    return false;
}

void sortDimensionValues(QStringList& values) {
    bool numeric = true;
    for (const QString& c : values) {
        bool ok = false;
        const double v = c.toDouble(&ok);
        numeric = numeric && ok && std::isfinite(v); // "nan" and "inf" would break the order
    }
    if (numeric) {
        std::sort(values.begin(), values.end(),
                  [](const QString& a, const QString& b) { return a.toDouble() < b.toDouble(); });
        return;
    }
    // Digits compare as numbers inside text too: "r2" before "r10".
    // The C locale has no ICU collation, and numeric mode needs one: a fixed real locale.
    QCollator collator(QLocale(QLocale::English, QLocale::UnitedStates));
    collator.setNumericMode(true);
    std::sort(values.begin(), values.end(), [&](const QString& a, const QString& b) {
        const int c = collator.compare(a, b);
        return c != 0 ? c < 0 : a < b; // a strict order even where the collator ties
    });
}

Status storeSourceConcentration(QSqlDatabase& db, qint64 run, const QList<qint64>& corpusIds) {
    QStringList ids;
    for (qint64 id : corpusIds)
        ids << QString::number(id);
    if (ids.isEmpty())
        return {};
    QSqlQuery metric(db);
    metric.prepare(
        u"INSERT INTO metrics (run_id, corpus_id, name, value) VALUES (?, NULL, ?, ?)"_s);
    QSqlQuery row(db);
    row.prepare(u"INSERT INTO source_concentration (run_id, dimension, round, samples, "
                "unrecorded, sources, largest, largest_share, entropy) VALUES "
                "(?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (Dimension d : kSourceDimensions) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        // Only synthetic corpora: the red line is about what writes the synthetic side.
        if (!q.exec(u"SELECT s.round, s.%1, count(*) FROM samples s JOIN corpora c ON c.id = "
                    "s.corpus_id WHERE c.role = 'synthetic' AND s.corpus_id IN (%2) GROUP BY "
                    "s.round, s.%1"_s.arg(sampleColumn(d), ids.join(u','))))
            return sqlError(q);
        QMap<QString, std::size_t> all;
        QMap<QString, QMap<QString, std::size_t>> byRound;
        QHash<QString, int> unrecordedByRound;
        int unrecorded = 0;
        while (q.next()) {
            const QString round = q.value(0).toString();
            const QString value = q.value(1).toString();
            const auto n = q.value(2).toLongLong();
            if (value.isEmpty()) {
                unrecorded += static_cast<int>(n);
                if (!round.isEmpty())
                    unrecordedByRound[round] += static_cast<int>(n);
                continue;
            }
            all[value] += static_cast<std::size_t>(n);
            if (!round.isEmpty())
                byRound[round][value] += static_cast<std::size_t>(n);
        }
        if (all.isEmpty())
            continue; // no synthetic sample records this dimension
        QList<SourceShare> shares{share(QString(), all, unrecorded)};
        for (auto it = byRound.begin(); it != byRound.end(); ++it)
            shares << share(it.key(), it.value(), unrecordedByRound.value(it.key()));
        const SourceShare& overall = shares.first();
        for (const auto& [key, value] :
             {std::pair{sourceLargestShareKey(d), overall.largestShare},
              std::pair{sourceEntropyKey(d), overall.entropy},
              std::pair{sourceCountKey(d), static_cast<double>(overall.sources)}})
            if (Status s = execPrepared(metric, {run, key, value}); !s)
                return s;
        for (const SourceShare& s : shares)
            if (Status st = execPrepared(row, {run, dimensionName(d), notNull(s.round), s.samples,
                                               s.unrecorded, s.sources, notNull(s.largest),
                                               orNull(s.largestShare), orNull(s.entropy)});
                !st)
                return st;
    }
    return {};
}

Status sourceConcentration(Project& project, QList<DimensionSources>* out) {
    out->clear();
    QSqlDatabase db = project.connection();
    std::optional<qint64> newest;
    if (Status s = newestAnalysisRun(db, &newest); !s)
        return s;
    if (!newest)
        return Status::failure(SourcesText::tr("no analysis yet: run the analyses first"));
    const qint64 run = *newest;
    QSqlQuery q(db);
    q.prepare(u"SELECT dimension, round, samples, unrecorded, sources, largest, largest_share, "
              "entropy FROM source_concentration WHERE run_id = ?"_s);
    q.addBindValue(run);
    if (!q.exec())
        return sqlError(q);
    QMap<QString, DimensionSources> byName;
    while (q.next()) {
        Dimension d = Dimension::Generator;
        if (!parseDimension(q.value(0).toString(), &d))
            continue;
        DimensionSources& entry = byName[q.value(0).toString()];
        entry.dimension = d;
        SourceShare s;
        s.round = q.value(1).toString();
        s.samples = q.value(2).toInt();
        s.unrecorded = q.value(3).toInt();
        s.sources = q.value(4).toInt();
        s.largest = q.value(5).toString();
        if (!q.value(6).isNull())
            s.largestShare = q.value(6).toDouble();
        if (!q.value(7).isNull())
            s.entropy = q.value(7).toDouble();
        if (s.round.isEmpty())
            entry.all = s;
        else
            entry.rounds << s;
    }
    for (Dimension d : kSourceDimensions) {
        auto it = byName.find(dimensionName(d));
        if (it == byName.end())
            continue;
        QStringList order;
        for (const SourceShare& s : std::as_const(it->rounds))
            order << s.round;
        sortDimensionValues(order);
        std::sort(it->rounds.begin(), it->rounds.end(),
                  [&](const SourceShare& a, const SourceShare& b) {
                      return order.indexOf(a.round) < order.indexOf(b.round);
                  });
        out->append(*it);
    }
    return {};
}

namespace {

// One value of one dimension while the synthetic samples are read.
struct ReviewAccumulator {
    SourceReview review;
    QStringList rounds;
    qint64 firstCorpus = 0; ///< the import that brought its first sample
};

// The accumulated values of one dimension → sourceReview()'s rows: in introduction order,
// the newest marked.
QList<SourceReview> orderedReviews(QMap<QString, ReviewAccumulator>& values) {
    QList<SourceReview> out;
    bool everyValueHasRound = true;
    QStringList allRounds;
    for (ReviewAccumulator& a : values) {
        sortDimensionValues(a.rounds);
        everyValueHasRound = everyValueHasRound && !a.rounds.isEmpty();
        if (!a.rounds.isEmpty()) {
            a.review.firstRound = a.rounds.first();
            if (!allRounds.contains(a.review.firstRound))
                allRounds << a.review.firstRound;
        }
    }
    sortDimensionValues(allRounds);
    QList<ReviewAccumulator> ordered = values.values();
    std::stable_sort(ordered.begin(), ordered.end(),
                     [&](const ReviewAccumulator& a, const ReviewAccumulator& b) {
                         if (everyValueHasRound) {
                             const auto ra = allRounds.indexOf(a.review.firstRound);
                             const auto rb = allRounds.indexOf(b.review.firstRound);
                             if (ra != rb)
                                 return ra < rb;
                         }
                         return a.firstCorpus < b.firstCorpus;
                     });
    for (const ReviewAccumulator& a : ordered)
        out.append(a.review);
    if (out.isEmpty())
        return out;
    // The newest: every value introduced in the last round, else in the last import. When all
    // came together (one round, or one import), nothing was updated: none is newest.
    if (everyValueHasRound) {
        if (allRounds.size() >= 2)
            for (SourceReview& r : out)
                r.newest = r.firstRound == allRounds.last();
    } else if (ordered.first().firstCorpus != ordered.last().firstCorpus) {
        for (qsizetype i = 0; i < ordered.size(); ++i)
            out[i].newest = ordered[i].firstCorpus == ordered.last().firstCorpus;
    }
    return out;
}

// sourceReview() of each of dimensions, from one pass over the synthetic samples: (*out)[i]
// holds dimensions[i]'s rows. The reviewer counts come from the answer tables (small: only
// answered samples), not from a subquery per sample. progress is checked every 65,536 rows.
Status readSourceReviews(Project& project, std::span<const Dimension> dimensions,
                         QList<QList<SourceReview>>* out, const analysis::Progress& progress) {
    out->clear();
    QSqlQuery q(project.connection());
    q.setForwardOnly(true);
    QHash<qint64, int> reviewers; // sample id → distinct reviewers who answered it
    if (!q.exec(u"SELECT sample_id, count(*) FROM (SELECT sample_id, reviewer FROM sample_tags "
                "UNION SELECT sample_id, reviewer FROM decisions UNION SELECT sample_id, "
                "reviewer FROM notes) GROUP BY sample_id"_s))
        return sqlError(q);
    while (q.next())
        reviewers.insert(q.value(0).toLongLong(), q.value(1).toInt());
    QStringList columns;
    for (Dimension d : dimensions)
        columns << u"s."_s + sampleColumn(d);
    // Progress by sample id (rows come in id order; min and max are read off the primary key).
    qint64 firstId = 0;
    qint64 lastId = 0;
    if (!q.exec(u"SELECT min(id), max(id) FROM samples"_s))
        return sqlError(q);
    if (q.next()) {
        firstId = q.value(0).toLongLong();
        lastId = q.value(1).toLongLong();
    }
    // Rows in id order: a value's first row is its first import.
    if (!q.exec(u"SELECT s.id, s.round, s.corpus_id, %1 FROM samples s WHERE s.corpus_id IN "
                "(SELECT id FROM corpora WHERE role = 'synthetic') ORDER BY s.id"_s.arg(
                    columns.join(u", "_s))))
        return sqlError(q);
    std::vector<QMap<QString, ReviewAccumulator>> values(dimensions.size());
    std::size_t rows = 0;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        if (++rows % 65536 == 0)
            progress.report(static_cast<double>(id - firstId) /
                                static_cast<double>(std::max<qint64>(1, lastId - firstId)),
                            "reading the sources' reviews");
        const int answered = reviewers.value(id, 0);
        const QString round = q.value(1).toString();
        for (std::size_t i = 0; i < dimensions.size(); ++i) {
            const QString value = q.value(static_cast<int>(3 + i)).toString();
            if (value.isEmpty())
                continue;
            ReviewAccumulator& a = values[i][value];
            if (a.review.samples == 0) {
                a.review.value = value;
                a.firstCorpus = q.value(2).toLongLong();
            }
            ++a.review.samples;
            a.review.reviewed += answered >= 1 ? 1 : 0;
            a.review.reviewedTwice += answered >= 2 ? 1 : 0;
            if (!round.isEmpty() && !a.rounds.contains(round))
                a.rounds << round;
        }
    }
    for (auto& v : values)
        out->append(orderedReviews(v));
    return {};
}

} // namespace

Status sourceReview(Project& project, Dimension dimension, QList<SourceReview>* out) {
    out->clear();
    QList<QList<SourceReview>> all;
    if (Status s = readSourceReviews(project, {&dimension, 1}, &all, {}); !s)
        return s;
    *out = all.value(0);
    return {};
}

Status sourceReviewRows(Project& project, QList<SourceReviewRow>* out,
                        const analysis::Progress& progress) {
    out->clear();
    QList<QList<SourceReview>> all;
    if (Status s = readSourceReviews(project, kSourceDimensions, &all, progress); !s)
        return s;
    for (std::size_t i = 0; i < std::size(kSourceDimensions); ++i)
        for (const SourceReview& r : std::as_const(all[static_cast<qsizetype>(i)]))
            out->append({kSourceDimensions[i], r});
    return {};
}

Json sourcesJson(Project& project) {
    using json = Json;
    auto number = [](double v) { return std::isfinite(v) ? json(v) : json(nullptr); };
    auto shareJson = [&](const SourceShare& s) {
        return json{{"round", s.round.toStdString()},     {"samples", s.samples},
                    {"unrecorded", s.unrecorded},         {"sources", s.sources},
                    {"largest", s.largest.toStdString()}, {"largest_share", number(s.largestShare)},
                    {"entropy", number(s.entropy)}};
    };
    json out = {{"concentration", json::array()}, {"review", json::array()}};
    QList<DimensionSources> concentration;
    if (sourceConcentration(project, &concentration))
        for (const DimensionSources& d : std::as_const(concentration)) {
            json rounds = json::array();
            for (const SourceShare& r : d.rounds)
                rounds.push_back(shareJson(r));
            out["concentration"].push_back({{"dimension", dimensionName(d.dimension).toStdString()},
                                            {"all", shareJson(d.all)},
                                            {"rounds", rounds}});
        }
    QList<SourceReviewRow> reviews; // empty when they cannot be read
    (void)sourceReviewRows(project, &reviews);
    for (Dimension d : kSourceDimensions) {
        json values = json::array();
        for (const SourceReviewRow& row : std::as_const(reviews)) {
            if (row.dimension != d)
                continue;
            const SourceReview& r = row.review;
            values.push_back({{"value", r.value.toStdString()},
                              {"first_round", r.firstRound.toStdString()},
                              {"samples", r.samples},
                              {"reviewed", r.reviewed},
                              {"reviewed_twice", r.reviewedTwice},
                              {"reviewed_share", r.share()},
                              {"newest", r.newest}});
        }
        if (values.empty())
            continue;
        out["review"].push_back(
            {{"dimension", dimensionName(d).toStdString()}, {"sources", values}});
    }
    return out;
}

} // namespace synthscope::model
