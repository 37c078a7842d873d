#include "model/TeamReview.h"
#include "analysis/Statistics.h"

#include "model/Analyzer.h"

#include "analysis/Agreement.h"
#include "analysis/Embedding.h"
#include "analysis/Logistic.h"
#include "analysis/Sampling.h"
#include "analysis/Tokenizer.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <map>
#include <numeric>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

namespace {
/// The translation context of this file's messages (lupdate reads the macro).
struct TeamReviewText {
    Q_DECLARE_TR_FUNCTIONS(synthscope::model::TeamReview)
};
} // namespace

namespace {

using analysis::kNaN;

// Every sample with its corpus and its scores in the newest analysis (if any).
const QString kSampleFrom = u" FROM samples s JOIN corpora c ON c.id = s.corpus_id "
                            "LEFT JOIN sample_scores g ON g.sample_id = s.id AND g.run_id = "_s +
                            kNewestAnalysisRun + u" "_s;

// The SQL value a dimension groups by (raw: numbers for groups, text for the rest).
QString dimensionKey(Dimension d) {
    switch (d) {
    case Dimension::Corpus:
        return u"c.name"_s;
    case Dimension::Cluster:
        return u"g.cluster"_s;
    case Dimension::SkeletonGroup:
        return u"g.skeleton_group"_s;
    case Dimension::Generator:
        return u"s.generator"_s;
    case Dimension::TemplateVersion:
        return u"s.template_version"_s;
    case Dimension::JudgeVersion:
        return u"s.judge_version"_s;
    case Dimension::Round:
        return u"s.round"_s;
    }
    return u"c.name"_s;
}

// The label of a raw dimension value (groups are shown 1-based, as everywhere in the UI).
QString dimensionLabel(Dimension d, const QVariant& raw) {
    if (d == Dimension::Cluster || d == Dimension::SkeletonGroup) {
        if (raw.isNull())
            return d == Dimension::Cluster ? TeamReviewText::tr("(not clustered)")
                                           : TeamReviewText::tr("(no shared skeleton)");
        return (d == Dimension::Cluster ? TeamReviewText::tr("cluster %1")
                                        : TeamReviewText::tr("skeleton group %1"))
            .arg(raw.toLongLong() + 1);
    }
    const QString text = raw.toString();
    return text.isEmpty() ? TeamReviewText::tr("(none)") : text;
}

// Samples any reviewer answered (tag, decision or note).
const QString kAnswered = u"SELECT sample_id, reviewer FROM sample_tags UNION "
                          "SELECT sample_id, reviewer FROM decisions UNION "
                          "SELECT sample_id, reviewer FROM notes"_s;

} // namespace

QString dimensionName(Dimension d) {
    static const char* names[] = {"corpus",    "cluster",          "skeleton_group",
                                  "generator", "template_version", "judge_version",
                                  "round"};
    return QString::fromLatin1(names[static_cast<int>(d)]);
}

QString dimensionTitle(Dimension d) {
    switch (d) {
    case Dimension::Corpus:
        return TeamReviewText::tr("Corpus");
    case Dimension::Cluster:
        return TeamReviewText::tr("Cluster");
    case Dimension::SkeletonGroup:
        return TeamReviewText::tr("Skeleton group");
    case Dimension::Generator:
        return TeamReviewText::tr("Generator");
    case Dimension::TemplateVersion:
        return TeamReviewText::tr("Template version");
    case Dimension::JudgeVersion:
        return TeamReviewText::tr("Judge version");
    case Dimension::Round:
        return TeamReviewText::tr("Round");
    }
    return {};
}

bool parseDimension(const QString& name, Dimension* d) {
    for (Dimension candidate : kDimensions)
        if (dimensionName(candidate) == name) {
            *d = candidate;
            return true;
        }
    return false;
}

Status sampleQueue(Project& project, const SamplingSpec& spec, SampledQueue* out) {
    *out = {};
    QSqlQuery q(project.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT s.id, "_s + dimensionKey(spec.stratifyBy) +
              u", g.synthetic_likeness, c.role"_s + kSampleFrom +
              u"WHERE (:role = '' OR c.role = :role)"_s +
              (spec.only ? u" AND %1 = :only"_s.arg(dimensionKey(spec.only->first)) : QString()) +
              (spec.onlyUnreviewed
                   ? u" AND NOT EXISTS (SELECT 1 FROM sample_tags WHERE sample_id = s.id) AND NOT "
                     "EXISTS (SELECT 1 FROM decisions WHERE sample_id = s.id) AND NOT EXISTS "
                     "(SELECT 1 FROM notes WHERE sample_id = s.id)"_s
                   : QString()) +
              u" ORDER BY s.id"_s);
    q.bindValue(u":role"_s, spec.role ? roleName(*spec.role) : u""_s);
    if (spec.only)
        q.bindValue(u":only"_s, spec.only->second);
    if (!q.exec())
        return sqlError(q);
    struct Accumulator {
        QString label;
        std::vector<std::int64_t> ids;
        double likeness = 0;
        int withLikeness = 0;
        int synthetic = 0;
    };
    std::map<QString, Accumulator> strata; // keyed by label: a stable order
    while (q.next()) {
        const QString label = dimensionLabel(spec.stratifyBy, q.value(1));
        Accumulator& a = strata[label];
        a.label = label;
        a.ids.push_back(q.value(0).toLongLong());
        if (!q.value(2).isNull()) {
            a.likeness += q.value(2).toDouble();
            ++a.withLikeness;
        }
        a.synthetic += q.value(3).toString() == "synthetic"_L1 ? 1 : 0;
    }
    if (strata.empty())
        return Status::failure(TeamReviewText::tr("There are no samples to draw from."));
    std::vector<analysis::Stratum> input;
    for (auto& [label, a] : strata) {
        const auto n = static_cast<double>(a.ids.size());
        const double risk = a.withLikeness > 0 ? a.likeness / a.withLikeness : a.synthetic / n;
        const double weight = spec.riskWeighted ? 1.0 + 4.0 * risk : 1.0;
        out->strata.append({label, static_cast<int>(a.ids.size()), 0, risk, weight});
        input.push_back({std::move(a.ids), weight});
    }
    const std::vector<std::int64_t> drawn = analysis::stratifiedSample(
        input, static_cast<std::size_t>(std::max(0, spec.size)), spec.seed);
    QHash<qint64, int> stratumOf;
    for (std::size_t s = 0; s < input.size(); ++s)
        for (std::int64_t id : input[s].ids)
            stratumOf.insert(id, static_cast<int>(s));
    nlohmann::json strataJson = nlohmann::json::array();
    for (std::int64_t id : drawn) {
        out->ids.append(id);
        ++out->strata[stratumOf.value(id)].drawn;
    }
    for (const StratumDraw& s : out->strata)
        strataJson.push_back({{"value", s.value.toStdString()},
                              {"size", s.size},
                              {"drawn", s.drawn},
                              {"risk", s.risk},
                              {"weight", s.weight}});
    const nlohmann::json json = {
        {"kind", "sample"},
        {"stratify_by", dimensionName(spec.stratifyBy).toStdString()},
        {"size", spec.size},
        {"seed", spec.seed},
        {"risk_weighted", spec.riskWeighted},
        {"role", spec.role ? roleName(*spec.role).toStdString() : std::string("both")},
        {"only", spec.only ? nlohmann::json{{dimensionName(spec.only->first).toStdString(),
                                             spec.only->second.toStdString()}}
                           : nlohmann::json()},
        {"only_unreviewed", spec.onlyUnreviewed},
        {"strata", strataJson}};
    out->spec = QString::fromStdString(json.dump());
    return {};
}

Status reviewerAgreement(Project& project, QList<AgreementRow>* rows) {
    rows->clear();
    QSqlDatabase db = project.connection();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // sample → reviewers who answered it
    QHash<qint64, QStringList> answered;
    if (!q.exec(kAnswered))
        return sqlError(q);
    while (q.next())
        answered[q.value(0).toLongLong()].append(q.value(1).toString());
    QList<qint64> shared;
    QSet<QString> sharedReviewers;
    for (auto it = answered.begin(); it != answered.end(); ++it)
        if (it.value().size() >= 2) {
            std::sort(it.value().begin(), it.value().end());
            shared.append(it.key());
            for (const QString& r : it.value())
                sharedReviewers.insert(r);
        }
    std::sort(shared.begin(), shared.end());
    if (shared.isEmpty())
        return {};
    QSet<QString> tagged; // "sample/reviewer/tag"
    if (!q.exec(u"SELECT sample_id, reviewer, tag_id FROM sample_tags"_s))
        return sqlError(q);
    while (q.next())
        tagged.insert(
            u"%1/%2/%3"_s.arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString()));
    QHash<QString, int> decided; // "sample/reviewer" → 1 keep, 2 drop
    if (!q.exec(u"SELECT sample_id, reviewer, decision FROM decisions"_s))
        return sqlError(q);
    while (q.next())
        decided.insert(u"%1/%2"_s.arg(q.value(0).toString(), q.value(1).toString()),
                       q.value(2).toString() == "keep"_L1 ? 1 : 2);

    // One row from units (codes of each unit's reviewers, in reviewer order).
    auto row = [&](const QString& item, const std::vector<std::vector<int>>& units,
                   const std::vector<std::vector<QString>>& coders) {
        AgreementRow r{item, 0, 0, kNaN, kNaN, kNaN};
        QSet<QString> who;
        int agreeing = 0;
        std::vector<int> a;
        std::vector<int> b;
        for (std::size_t u = 0; u < units.size(); ++u) {
            if (units[u].size() < 2)
                continue;
            ++r.sharedSamples;
            for (const QString& c : coders[u])
                who.insert(c);
            agreeing += std::all_of(units[u].begin(), units[u].end(),
                                    [&](int v) { return v == units[u].front(); })
                            ? 1
                            : 0;
        }
        r.reviewers = static_cast<int>(who.size());
        if (r.sharedSamples == 0)
            return r;
        r.observed = static_cast<double>(agreeing) / r.sharedSamples;
        r.alpha = analysis::krippendorffAlphaNominal(units);
        if (who.size() == 2) {
            for (const auto& unit : units)
                if (unit.size() == 2) {
                    a.push_back(unit[0]);
                    b.push_back(unit[1]);
                }
            r.kappa = analysis::cohenKappa(a, b);
        }
        return r;
    };
    QSqlQuery tags(db);
    if (!tags.exec(u"SELECT id, name FROM tags ORDER BY position, id"_s))
        return sqlError(tags);
    while (tags.next()) {
        const QString tagId = tags.value(0).toString();
        std::vector<std::vector<int>> units;
        std::vector<std::vector<QString>> coders;
        for (qint64 sample : shared) {
            std::vector<int> unit;
            std::vector<QString> by;
            for (const QString& reviewer : answered.value(sample)) {
                unit.push_back(tagged.contains(u"%1/%2/%3"_s.arg(sample).arg(reviewer, tagId)) ? 1
                                                                                               : 0);
                by.push_back(reviewer);
            }
            units.push_back(std::move(unit));
            coders.push_back(std::move(by));
        }
        rows->append(row(tags.value(1).toString(), units, coders));
    }
    std::vector<std::vector<int>> units;
    std::vector<std::vector<QString>> coders;
    for (qint64 sample : shared) {
        std::vector<int> unit;
        std::vector<QString> by;
        for (const QString& reviewer : answered.value(sample))
            if (const int d = decided.value(u"%1/%2"_s.arg(sample).arg(reviewer)); d != 0) {
                unit.push_back(d);
                by.push_back(reviewer);
            }
        units.push_back(std::move(unit));
        coders.push_back(std::move(by));
    }
    rows->append(row(TeamReviewText::tr("keep / drop"), units, coders));
    return {};
}

Status tagRates(Project& project, Dimension dimension, TagRateTable* out) {
    *out = {};
    out->dimension = dimension;
    QSqlDatabase db = project.connection();
    QSqlQuery q(db);
    if (!q.exec(u"SELECT id, name, position FROM tags ORDER BY position, id"_s))
        return sqlError(q);
    QHash<qint64, int> column;
    while (q.next()) {
        column.insert(q.value(0).toLongLong(), static_cast<int>(out->tags.size()));
        out->tags.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt()});
    }
    const QString key = dimensionKey(dimension);
    if (!q.exec(u"SELECT "_s + key + u", count(*)"_s + kSampleFrom +
                u"WHERE s.id IN (SELECT sample_id FROM ("_s + kAnswered + u")) GROUP BY "_s + key))
        return sqlError(q);
    QHash<QString, int> rowOf;
    while (q.next()) {
        const QString label = dimensionLabel(dimension, q.value(0));
        if (!rowOf.contains(label)) { // NULL and '' may both read "(none)"
            rowOf.insert(label, static_cast<int>(out->rows.size()));
            out->rows.append({label, 0, QList<int>(out->tags.size(), 0)});
        }
        out->rows[rowOf.value(label)].reviewed += q.value(1).toInt();
    }
    if (!q.exec(u"SELECT "_s + key + u", t.tag_id, count(DISTINCT t.sample_id)"_s + kSampleFrom +
                u"JOIN sample_tags t ON t.sample_id = s.id GROUP BY 1, 2"_s))
        return sqlError(q);
    while (q.next()) {
        const int row = rowOf.value(dimensionLabel(dimension, q.value(0)), -1);
        const int col = column.value(q.value(1).toLongLong(), -1);
        if (row >= 0 && col >= 0)
            out->rows[row].tagged[col] += q.value(2).toInt();
    }
    std::stable_sort(out->rows.begin(), out->rows.end(),
                     [](const auto& a, const auto& b) { return a.reviewed > b.reviewed; });
    return {};
}

Status groupNotes(Project& project, double threshold, QList<NoteGroup>* groups) {
    groups->clear();
    QSqlQuery q(project.connection());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT sample_id, reviewer, note FROM notes ORDER BY id"_s))
        return sqlError(q);
    QList<NoteHit> notes;
    std::vector<std::string> texts;
    while (q.next()) {
        notes.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), {}});
        texts.push_back(q.value(2).toString().toStdString());
    }
    if (notes.isEmpty())
        return {};
    analysis::Vocabulary vocabulary;
    const analysis::TokenizedCorpus tokens = analysis::tokenizeCorpus(texts, vocabulary);
    const analysis::TokenizedCorpus* corpora[] = {&tokens};
    const analysis::SparseRows rows = analysis::tfidfMatrix(corpora);
    const std::vector<std::uint32_t> group = analysis::cosineGroups(rows, threshold);
    for (std::size_t i = 0; i < group.size(); ++i) {
        if (group[i] >= static_cast<std::uint32_t>(groups->size()))
            groups->resize(group[i] + 1);
        (*groups)[group[i]].notes.append(notes[static_cast<qsizetype>(i)]);
    }
    std::stable_sort(groups->begin(), groups->end(),
                     [](const auto& a, const auto& b) { return a.notes.size() > b.notes.size(); });
    return {};
}

Status trainConcept(Project& project, qint64 tagId, int limit, ConceptResult* out,
                    const analysis::Progress& progress) {
    *out = {};
    QSqlDatabase db = project.connection();
    QSqlQuery q(db);
    q.prepare(u"SELECT name FROM tags WHERE id = ?"_s);
    q.addBindValue(tagId);
    if (!q.exec() || !q.next())
        return Status::failure(TeamReviewText::tr("No such tag."));
    out->tag = q.value(0).toString();
    const std::optional<NewestAnalysis> newest = newestAnalysis(project);
    const QString source = newest ? newest->embeddingSource : QString();
    if (source.isEmpty())
        return Status::failure(
            TeamReviewText::tr("The newest analysis has no embeddings; run the analyses "
                               "first (Ctrl+R)."));
    q.setForwardOnly(true);
    q.prepare(u"SELECT e.sample_id, e.vector, "
              "EXISTS (SELECT 1 FROM sample_tags t WHERE t.sample_id = e.sample_id "
              "AND t.tag_id = :tag), "
              "e.sample_id IN (SELECT sample_id FROM ("_s +
              kAnswered + u")) FROM embeddings e WHERE e.source = :source ORDER BY e.sample_id"_s);
    q.bindValue(u":tag"_s, tagId);
    q.bindValue(u":source"_s, source);
    if (!q.exec())
        return sqlError(q);
    std::vector<qint64> ids;
    std::vector<float> values;
    std::vector<std::uint8_t> label; // 1 tagged, 0 reviewed without it, 2 unreviewed
    std::size_t dimension = 0;
    while (q.next()) {
        if (!appendEmbedding(q.value(1).toByteArray(), &values, &dimension))
            return Status::failure(
                TeamReviewText::tr("The embeddings of the newest analysis are inconsistent; "
                                   "run the analyses again."));
        ids.push_back(q.value(0).toLongLong());
        label.push_back(q.value(2).toBool() ? 1 : q.value(3).toBool() ? 0 : 2);
        if (ids.size() % 16384 == 0)
            progress.report(0.0, "loading embeddings");
    }
    std::vector<std::uint32_t> labelled;
    for (std::size_t i = 0; i < label.size(); ++i)
        if (label[i] != 2) {
            labelled.push_back(static_cast<std::uint32_t>(i));
            (label[i] == 1 ? out->positives : out->negatives) += 1;
        }
    if (out->positives < 5 || out->negatives < 5)
        return Status::failure(
            TeamReviewText::tr(
                "“%1” needs at least 5 tagged and 5 reviewed-but-untagged samples to learn from "
                "(it has %2 and %3).")
                .arg(out->tag)
                .arg(out->positives)
                .arg(out->negatives));
    const Eigen::Map<const analysis::RowMatrixXf> all(
        values.data(), static_cast<Eigen::Index>(ids.size()), static_cast<Eigen::Index>(dimension));
    analysis::RowMatrixXf x(static_cast<Eigen::Index>(labelled.size()),
                            static_cast<Eigen::Index>(dimension));
    std::vector<std::uint8_t> y;
    for (std::size_t r = 0; r < labelled.size(); ++r) {
        x.row(static_cast<Eigen::Index>(r)) = all.row(labelled[r]);
        y.push_back(label[labelled[r]]);
    }
    try {
        const analysis::CrossValidation cv =
            analysis::crossValidateLogistic(x, y, 5, {}, progress.sub(0.1, 0.7));
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (std::size_t r = 0; r < y.size(); ++r) {
            const bool predicted = cv.outOfFold[r] >= 0.5;
            tp += predicted && y[r] == 1 ? 1 : 0;
            fp += predicted && y[r] == 0 ? 1 : 0;
            fn += !predicted && y[r] == 1 ? 1 : 0;
        }
        out->precision = tp + fp > 0 ? static_cast<double>(tp) / (tp + fp) : kNaN;
        out->recall = static_cast<double>(tp) / (tp + fn);
        out->auc = cv.meanAuc;
        std::vector<std::uint32_t> every(y.size());
        std::iota(every.begin(), every.end(), 0U);
        const analysis::LogisticModel model = analysis::fitLogistic(x, y, every);
        progress.report(0.8, "ranking unreviewed samples");
        std::vector<std::pair<double, qint64>> ranked;
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (label[i] == 2)
                ranked.emplace_back(model.probability(all.row(static_cast<Eigen::Index>(i))),
                                    ids[i]);
        const auto keep = std::min<std::size_t>(ranked.size(), static_cast<std::size_t>(limit));
        std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep),
                          ranked.end(), [](const auto& a, const auto& b) {
                              return a.first > b.first ||
                                     (a.first == b.first && a.second < b.second);
                          });
        for (std::size_t i = 0; i < keep; ++i) {
            out->ranked.append(ranked[i].second);
            out->scores.append(ranked[i].first);
        }
    } catch (const std::invalid_argument& e) {
        return Status::failure(QString::fromUtf8(e.what()));
    }
    return {};
}

} // namespace synthscope::model
