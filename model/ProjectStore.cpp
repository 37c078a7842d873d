#include "model/ProjectStore.h"

#include "model/Analyzer.h"

#include "model/AnalysisRecord.h"

#include "analysis/MetricKeys.h"
#include "analysis/Skeleton.h"

#include "analysis/VsReal.h"
#include "model/Sources.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

namespace {
/// The translation context of this file's messages (lupdate reads the macro).
struct ProjectStoreText {
    Q_DECLARE_TR_FUNCTIONS(synthscope::model::ProjectStore)
};
} // namespace

namespace {

Json parseOr(const QString& text, Json fallback) {
    Json j = Json::parse(text.toStdString(), nullptr, false);
    return j.is_discarded() ? fallback : j;
}

} // namespace

bool ComparisonEstimate::outsideNull() const {
    if (!std::isfinite(value) || !std::isfinite(nullMean) || !std::isfinite(nullSd))
        return false;
    return std::abs(value - nullMean) > kNullBandSd * nullSd;
}

Json CorpusInfo::samplingJson() const {
    if (!sampling)
        return nullptr;
    return {{"method", "reservoir"},
            {"size", sampling->size},
            {"seed", sampling->seed},
            {"population", sampling->population}};
}

QString CorpusInfo::provenanceText() const {
    QStringList parts;
    for (const auto& [key, value] : mapping.meta)
        if (!value.empty())
            parts << u"%1=%2"_s.arg(QString::fromStdString(key), QString::fromStdString(value));
    return parts.join(u", "_s);
}

QList<CorpusInfo> ProjectStore::corpora() const {
    QList<CorpusInfo> out;
    QSqlQuery q(m_project.connection());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT id, name, role, format, files, mapping, imported_at, rows_in, samples, "
                "rejected, prompts, responses, filtered, sampling FROM corpora ORDER BY id"_s))
        return out;
    while (q.next()) {
        CorpusInfo c;
        c.id = q.value(0).toLongLong();
        c.name = q.value(1).toString();
        (void)parseRole(q.value(2).toString(), &c.role);
        c.format = q.value(3).toString();
        for (const Json& f : parseOr(q.value(4).toString(), Json::array()))
            if (f.is_string())
                c.files << QString::fromStdString(f.get<std::string>());
        c.mapping = FieldMapping::fromJson(parseOr(q.value(5).toString(), Json::object()));
        c.importedAt = q.value(6).toString();
        c.rowsIn = q.value(7).toLongLong();
        c.samples = q.value(8).toLongLong();
        c.rejected = q.value(9).toLongLong();
        c.prompts = q.value(10).toLongLong();
        c.responses = q.value(11).toLongLong();
        c.filtered = q.value(12).toLongLong();
        if (!q.value(13).isNull()) {
            const Json j = parseOr(q.value(13).toString(), Json::object());
            const auto number = [&j](const char* key) -> std::optional<Json> {
                return j.contains(key) && j[key].is_number_integer() ? std::optional(j[key])
                                                                     : std::nullopt;
            };
            if (auto size = number("size"), seed = number("seed"),
                population = number("population");
                size && seed && population)
                c.sampling = CorpusInfo::Sampling{.size = size->get<qint64>(),
                                                  .seed = seed->get<quint64>(),
                                                  .population = population->get<qint64>()};
        }
        out.append(c);
    }
    return out;
}

QList<RejectedRow> ProjectStore::rejects(qint64 corpusId, int limit) const {
    QList<RejectedRow> out;
    QSqlQuery q(m_project.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT source_file, line, reason FROM rejects WHERE (? = 0 OR corpus_id = ?) "
              "ORDER BY id LIMIT ?"_s);
    q.addBindValue(corpusId);
    q.addBindValue(corpusId);
    q.addBindValue(limit);
    if (!q.exec())
        return out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toString()});
    return out;
}

std::optional<StoredAnalysis> ProjectStore::latestAnalysis() const {
    QSqlDatabase db = m_project.connection();
    QSqlQuery q(db);
    if (!q.exec(u"SELECT id, result, finished_at, corpora, embedding_source, embedding_dimension, "
                "result_format FROM runs WHERE id = "_s +
                kNewestAnalysisRun) ||
        !q.next())
        return std::nullopt;
    StoredAnalysis a;
    a.runId = q.value(0).toLongLong();
    const Json r = parseOr(q.value(1).toString(), Json::object());
    if (!q.value(4).isNull()) {
        a.similarity = SimilaritySummary{q.value(4).toString(), q.value(5).toLongLong(), {}, {}};
        const Json sim = r.is_object() ? r.value("similarity", Json::object()) : Json::object();
        const Json search =
            sim.is_object() ? sim.value("neighbour_search", Json::object()) : Json::object();
        const auto field = [&search](const char* name) {
            return search.is_object() && search.contains(name) && search[name].is_string()
                       ? QString::fromStdString(search[name].get<std::string>())
                       : QString();
        };
        a.similarity->neighbourSearchOwnCorpus = field("own_corpus");
        a.similarity->neighbourSearchOtherRole = field("other_role");
    }
    const qint64 format = q.value(6).toLongLong();
    const QDateTime finished = QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs);
    a.finishedAt =
        finished.isValid() ? finished.toString(u"yyyy-MM-dd HH:mm 'UTC'"_s) : q.value(2).toString();
    std::vector<qint64> analysed;
    for (const Json& id : parseOr(q.value(3).toString(), Json::array()))
        if (id.is_number_integer())
            analysed.push_back(id.get<qint64>());
    std::vector<qint64> current;
    std::map<qint64, QString> names;
    std::map<qint64, Role> roles;
    // Outside the 'all' view only the corpora with that part (a prompt, a response) take part.
    const AnalysisView view = m_project.view();
    for (const CorpusInfo& c : corpora()) {
        names[c.id] = c.name;
        roles[c.id] = c.role;
        if (c.inView(view))
            current.push_back(c.id);
    }
    a.stale = analysed != current;
    a.view = view;
    if (format > kResultFormat) {
        a.similarity.reset();
        a.damaged = ProjectStoreText::tr(
                        "analysis run %1 was written by a newer Synthscope (result format %2, this "
                        "version reads up to %3); open the project with that version or run the "
                        "analyses again")
                        .arg(a.runId)
                        .arg(format)
                        .arg(kResultFormat);
        return a;
    }
    std::vector<MetricRow> metrics;
    if (Status s = readMetricRows(db, a.runId, &metrics); !s) {
        a.damaged = s.error();
        return a;
    }
    try {
        decodeAnalysis(r, metrics, names, a);
    } catch (const Json::exception& e) {
        StoredAnalysis damaged;
        damaged.runId = a.runId;
        damaged.finishedAt = a.finishedAt;
        damaged.stale = a.stale;
        damaged.damaged = ProjectStoreText::tr(
                              "the stored result of analysis run %1 cannot be read (%2); run the "
                              "analyses again to replace it")
                              .arg(a.runId)
                              .arg(QString::fromUtf8(e.what()));
        return damaged;
    }
    // A corpus whose role changed after the run makes it stale too: every comparison depends
    // on which side each corpus is on (the result stores the role each corpus had).
    for (const CorpusMetrics& m : a.corpora)
        if (auto it = roles.find(m.corpusId); it != roles.end() && it->second != m.role)
            a.stale = true;
    return a;
}

bool SkeletonGroupInfo::isShortReply() const {
    return !mould && analysis::isShortReply(pattern.toStdString());
}

QList<SkeletonGroupInfo> ProjectStore::skeletonGroups(int limit) const {
    QList<SkeletonGroupInfo> out;
    QSqlQuery q(m_project.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT group_id, pattern, size, real, synthetic, mould FROM skeleton_groups "
              "WHERE run_id = "_s +
              kNewestAnalysisRun + u" ORDER BY group_id LIMIT ?"_s);
    q.addBindValue(limit);
    if (q.exec())
        while (q.next())
            out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(),
                        q.value(3).toLongLong(), q.value(4).toLongLong(), q.value(5).toBool()});
    return out;
}

QList<ClusterRow> ProjectStore::clusters() const {
    QList<ClusterRow> out;
    QSqlQuery q(m_project.connection());
    q.setForwardOnly(true);
    if (q.exec(u"SELECT cluster_id, size, real, synthetic, label, flag, mean_nn_similarity "
               "FROM clusters WHERE run_id = "_s +
               kNewestAnalysisRun + u" ORDER BY cluster_id"_s))
        while (q.next())
            out.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                        q.value(3).toLongLong(), q.value(4).toString(),
                        analysis::parseClusterFlag(q.value(5).toString().toStdString()),
                        q.value(6).toDouble()});
    return out;
}

QList<DuplicateGroupRow> ProjectStore::duplicateGroups(int limit) const {
    QList<DuplicateGroupRow> out;
    QSqlQuery q(m_project.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT d.group_id, d.size, d.real, d.synthetic, d.exact, "
              "(SELECT substr(s.text, 1, 160) FROM sample_scores g JOIN samples s ON s.id = "
              "g.sample_id WHERE g.run_id = d.run_id AND g.duplicate_group = d.group_id "
              "ORDER BY g.sample_id LIMIT 1) FROM duplicate_groups d WHERE d.run_id = "_s +
              kNewestAnalysisRun + u" ORDER BY d.group_id LIMIT ?"_s);
    q.addBindValue(limit);
    if (q.exec())
        while (q.next())
            out.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                        q.value(3).toLongLong(), q.value(4).toBool(),
                        q.value(5).toString().simplified()});
    return out;
}

QList<qint64> ProjectStore::groupMembers(GroupKind kind, qint64 groupId, int limit) const {
    static const char* const columns[] = {"skeleton_group", "duplicate_group", "cluster"};
    QList<qint64> out;
    QSqlQuery q(m_project.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT sample_id FROM sample_scores WHERE run_id = "_s + kNewestAnalysisRun +
              u" AND %1 = ? ORDER BY sample_id LIMIT ?"_s.arg(
                  QLatin1StringView(columns[static_cast<int>(kind)])));
    q.addBindValue(groupId);
    q.addBindValue(limit);
    if (q.exec())
        while (q.next())
            out.append(q.value(0).toLongLong());
    return out;
}

namespace {

// The map's two review columns for the sample whose id is the SQL expression `id`: the
// smallest tag id on it, and the reviewers' majority decision ('keep', 'drop', 'split' for a
// tie, NULL for none).
QString mapReviewColumns(const QString& id) {
    return u"(SELECT min(t.tag_id) FROM sample_tags t WHERE t.sample_id = %1), "
           "(SELECT CASE WHEN sum(d.decision = 'keep') > sum(d.decision = 'drop') THEN "
           "'keep' WHEN sum(d.decision = 'drop') > sum(d.decision = 'keep') THEN 'drop' "
           "WHEN count(*) > 0 THEN 'split' END FROM decisions d WHERE d.sample_id = %1)"_s.arg(id);
}

// MapPoints::firstTag and ::decision from those columns.
std::int32_t mapTagCode(const QVariant& v) {
    return v.isNull() ? -1 : v.toInt();
}

std::uint8_t mapDecisionCode(const QVariant& v) {
    const QString decision = v.toString();
    return decision.isEmpty() ? 0 : decision == u"keep"_s ? 1 : decision == u"drop"_s ? 2 : 3;
}

} // namespace

MapPoints ProjectStore::mapPoints(const analysis::Progress& progress) const {
    MapPoints m;
    QSqlQuery q(m_project.connection());
    q.setForwardOnly(true);
    qint64 total = 1;
    if (q.exec(u"SELECT count(*) FROM sample_scores WHERE run_id = "_s + kNewestAnalysisRun) &&
        q.next())
        total = std::max<qint64>(1, q.value(0).toLongLong());
    m.reserve(static_cast<std::size_t>(total));
    if (!q.exec(u"SELECT g.sample_id, g.map_x, g.map_y, g.layout_x, g.layout_y, c.role, "
                "s.corpus_id, g.cluster, g.nn_own, g.nn_other, g.synthetic_likeness, "
                "g.perplexity, g.duplicate_group, "_s +
                mapReviewColumns(u"g.sample_id"_s) +
                u" FROM sample_scores g JOIN samples s ON s.id = g.sample_id "
                "JOIN corpora c ON c.id = s.corpus_id WHERE g.run_id = "_s +
                kNewestAnalysisRun + u" AND g.map_x IS NOT NULL ORDER BY g.sample_id"_s))
        return m;
    const float nan = std::numeric_limits<float>::quiet_NaN();
    auto real = [&](int col) {
        return q.value(col).isNull() ? nan : static_cast<float>(q.value(col).toDouble());
    };
    while (q.next()) {
        if (m.ids.size() % 16384 == 0)
            progress.report(static_cast<double>(m.ids.size()) / static_cast<double>(total),
                            "loading the map");
        m.ids.push_back(q.value(0).toLongLong());
        m.pcaX.push_back(static_cast<float>(q.value(1).toDouble()));
        m.pcaY.push_back(static_cast<float>(q.value(2).toDouble()));
        m.layoutX.push_back(real(3));
        m.layoutY.push_back(real(4));
        m.synthetic.push_back(q.value(5).toString() == u"synthetic"_s ? 1 : 0);
        m.corpus.push_back(static_cast<std::int32_t>(q.value(6).toLongLong()));
        m.cluster.push_back(q.value(7).isNull() ? -1 : q.value(7).toInt());
        m.nnOwn.push_back(real(8));
        m.nnOther.push_back(real(9));
        m.syntheticLikeness.push_back(real(10));
        m.perplexity.push_back(real(11));
        m.duplicateGroup.push_back(q.value(12).isNull() ? -1 : q.value(12).toInt());
        m.firstTag.push_back(mapTagCode(q.value(13)));
        m.decision.push_back(mapDecisionCode(q.value(14)));
    }
    m.hasLayout =
        std::any_of(m.layoutX.begin(), m.layoutX.end(), [](float v) { return !std::isnan(v); });
    if (m.hasLayout)
        m.layoutName = layoutName(m_project);
    return m;
}

std::vector<MapReview> ProjectStore::mapReview(const QList<qint64>& sampleIds) const {
    std::vector<MapReview> out;
    if (sampleIds.isEmpty())
        return out;
    Json ids = Json::array();
    for (qint64 id : sampleIds)
        ids.push_back(id);
    QSqlQuery q(m_project.connection());
    q.setForwardOnly(true);
    q.prepare(
        u"SELECT j.value, "_s + mapReviewColumns(u"j.value"_s) +
        u" FROM json_each(?) j WHERE EXISTS (SELECT 1 FROM samples s WHERE s.id = j.value)"_s);
    q.addBindValue(QString::fromStdString(ids.dump()));
    if (q.exec())
        while (q.next())
            out.push_back(
                {q.value(0).toLongLong(), mapTagCode(q.value(1)), mapDecisionCode(q.value(2))});
    return out;
}

namespace {

// A stored number as JSON: counts (analysis::key::kCountKeys) as integers, as the analysis
// wrote them; every other metric as a real, also when it happens to be whole.
Json storedNumber(const QString& name, double v) {
    const bool count =
        std::any_of(std::begin(analysis::key::kCountKeys), std::end(analysis::key::kCountKeys),
                    [&](const char* k) { return name == QLatin1StringView(k); });
    if (count && std::isfinite(v) && std::abs(v) < 9.0e15)
        return static_cast<qint64>(std::llround(v));
    return v;
}

Json storedNumbers(const QMap<QString, double>& values) {
    Json out = Json::object();
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        out[it.key().toStdString()] = storedNumber(it.key(), it.value());
    return out;
}

} // namespace

Json ProjectStore::summaryJson() const {
    Json out = Json::object();
    out["project"] = m_project.path().toStdString();
    out["schema_version"] = Project::kSchemaVersion;
    out["view"] = viewName(m_project.view()).toStdString();
    const auto stored = latestAnalysis();
    QSqlQuery q(m_project.connection());
    const bool readable = stored && stored->damaged.isEmpty();
    Json params = Json::object();
    if (stored && !readable) {
        out["analysis"] = {{"run_id", stored->runId}, {"damaged", stored->damaged.toStdString()}};
    } else if (stored &&
               q.exec(u"SELECT params, finished_at FROM runs WHERE id = %1"_s.arg(stored->runId)) &&
               q.next()) {
        params = parseOr(q.value(0).toString(), Json::object());
        out["analysis"] = {{"run_id", stored->runId},
                           {"finished_at", q.value(1).toString().toStdString()},
                           {"stale", stored->stale},
                           {"params", params}};
        for (const char* k : analysis::key::kRunKeys)
            if (const QString name = QString::fromLatin1(k); stored->run.contains(name))
                out["analysis"][k] = storedNumber(name, stored->run.value(name));
    } else {
        out["analysis"] = nullptr;
    }
    std::map<qint64, const CorpusMetrics*> byId;
    if (readable)
        for (const CorpusMetrics& m : stored->corpora)
            byId[m.corpusId] = &m;
    Json corporaJson = Json::array();
    for (const CorpusInfo& c : corpora()) {
        Json files = Json::array();
        for (const QString& f : c.files)
            files.push_back(f.toStdString());
        Json entry = {{"id", c.id},
                      {"name", c.name.toStdString()},
                      {"role", roleName(c.role).toStdString()},
                      {"samples", c.samples},
                      {"rejected", c.rejected},
                      {"prompts", c.prompts},
                      {"responses", c.responses},
                      {"filtered", c.filtered},
                      {"rows_in", c.rowsIn},
                      {"format", c.format.toStdString()},
                      {"files", files},
                      {"mapping", c.mapping.toJson()},
                      {"sampling", c.samplingJson()}};
        const auto it = byId.find(c.id);
        if (it != byId.end() && !it->second->vsReal.isEmpty()) {
            Json values = Json::object();
            Json detail = Json::object();
            for (auto e = it->second->vsReal.cbegin(); e != it->second->vsReal.cend(); ++e) {
                const std::string key = e.key().toStdString();
                values[key] = e->value;
                Json d = {{"value", e->value}};
                for (const auto& [name, v] :
                     {std::pair{"sd", e->sd}, std::pair{"null_mean", e->nullMean},
                      std::pair{"null_sd", e->nullSd}})
                    if (std::isfinite(v))
                        d[name] = v;
                d["outside_null"] = e->outsideNull();
                detail[key] = d;
            }
            entry["vs_real"] = values;
            entry["vs_real_detail"] = detail;
            entry["vs_real_budget"] = it->second->vsRealBudget;
        }
        if (it != byId.end() && it->second->judge)
            entry["judge"] = judgeSummaryJson(*it->second->judge);
        if (it != byId.end()) {
            entry["metrics"] = storedNumbers(it->second->values);
            if (!it->second->labelCounts.isEmpty()) {
                Json labels = Json::object();
                for (const auto& [label, count] : it->second->labelCounts)
                    labels[label.toStdString()] = static_cast<qint64>(std::llround(count));
                entry["label_counts"] = labels;
            }
        }
        corporaJson.push_back(entry);
    }
    out["corpora"] = corporaJson;
    out["sources"] = sourcesJson(m_project);
    out["real_vs_synthetic"] =
        readable && stored->hasComparison ? storedNumbers(stored->comparison) : Json(nullptr);
    if (!readable)
        return out;
    Json groups = Json::array();
    for (const StoredSkeletonGroup& g : stored->skeletonGroups) {
        if (groups.size() >= 10)
            break;
        Json members = Json::array();
        for (qint64 id : g.members)
            members.push_back(id);
        groups.push_back({{"group", g.info.id + 1}, // numbered as every view and export shows
                          {"pattern", g.info.pattern.toStdString()},
                          {"size", g.info.size},
                          {"real", g.info.real},
                          {"synthetic", g.info.synthetic},
                          {"short_reply", g.info.isShortReply()},
                          {"mould", g.info.mould},
                          {"members", members}});
    }
    out["skeleton_groups"] = groups;
    Json recurring = Json::array();
    for (const TemplateRow& t : stored->recurringTemplates)
        if (recurring.size() < 10)
            recurring.push_back({{"pattern", t.pattern.toStdString()},
                                 {"real", t.real},
                                 {"synthetic", t.synthetic},
                                 {"z", t.zScore}});
    out["recurring_templates"] = recurring;
    for (const auto& [key, list] :
         {std::pair{"openings", &stored->openings}, std::pair{"closings", &stored->closings}}) {
        Json top = Json::array();
        for (const AffixRow& o : *list)
            if (top.size() < 10)
                top.push_back(
                    {{"text", o.text.toStdString()}, {"real", o.real}, {"synthetic", o.synthetic}});
        out[key] = top;
    }
    if (stored->similarity) {
        const SimilaritySummary& sim = *stored->similarity;
        Json clusters = Json::array();
        // The run's clusters as the views read them (the clusters table); a label term is one
        // token, so the comma-joined label splits back into its terms.
        for (const ClusterRow& c : this->clusters()) {
            Json label = Json::array();
            for (const QString& t : c.label.split(u", "_s, Qt::SkipEmptyParts))
                label.push_back(t.toStdString());
            clusters.push_back({{"cluster", c.id + 1}, // as shown (1, 2, …)
                                {"size", c.size},
                                {"real", c.real},
                                {"synthetic", c.synthetic},
                                {"label", label},
                                {"flag", analysis::clusterFlagName(c.flag)},
                                {"mean_nn_similarity", c.meanNnSimilarity}});
        }
        qint64 duplicateGroups = 0;
        QSqlQuery count(m_project.connection());
        count.prepare(u"SELECT count(*) FROM duplicate_groups WHERE run_id = ?"_s);
        count.addBindValue(stored->runId);
        if (count.exec() && count.next())
            duplicateGroups = count.value(0).toLongLong();
        const Json simParams =
            params.is_object() ? params.value("similarity", Json::object()) : Json::object();
        out["similarity"] = {{"embedding_source", sim.embeddingSource.toStdString()},
                             {"embedding_dimension", sim.embeddingDimension},
                             {"nn_similarity_threshold",
                              simParams.is_object()
                                  ? simParams.value("nn_similarity_threshold", Json(nullptr))
                                  : Json(nullptr)},
                             {"duplicate_group_count", duplicateGroups},
                             {"clusters", clusters}};
        // "exact" or "HNSW" (approximate) per search; null for runs stored before.
        const auto searchOf = [](const QString& how) {
            return how.isEmpty() ? Json(nullptr) : Json(how.toStdString());
        };
        out["similarity"]["neighbour_search"] = {
            {"own_corpus", searchOf(sim.neighbourSearchOwnCorpus)},
            {"other_role", searchOf(sim.neighbourSearchOtherRole)}};
    }
    if (stored->hasComparison) {
        Json ind = Json::object();
        for (const auto& [side, list] : {std::pair{"real", &stored->indicatingReal},
                                         std::pair{"synthetic", &stored->indicatingSynthetic}}) {
            Json words = Json::array();
            for (const IndicatingTerm& t : *list)
                if (words.size() < 10)
                    words.push_back(t.ngram.toStdString());
            ind[side] = words;
        }
        out["indicating_ngrams"] = ind;
    }
    return out;
}

Status dropAnalysisRun(Project& project, qint64 runId) {
    QSqlDatabase db = project.connection();
    Transaction tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    QSqlQuery q(db);
    q.prepare(u"DELETE FROM runs WHERE id = ? AND kind = 'analysis'"_s);
    q.addBindValue(runId);
    if (!q.exec())
        return Status::failure(q.lastError().text());
    if (q.numRowsAffected() != 1)
        return Status::failure(ProjectStoreText::tr("there is no analysis run %1").arg(runId));
    return tx.commit(); // the run's rows go with it (ON DELETE CASCADE)
}

std::vector<std::uint8_t> pointMask(const MapPoints& points, QList<qint64> sampleIds,
                                    std::vector<std::size_t>* indices) {
    std::sort(sampleIds.begin(), sampleIds.end());
    std::vector<std::uint8_t> mask(points.size(), 0);
    indices->clear();
    qsizetype next = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const qint64 id = points.ids[i];
        while (next < sampleIds.size() && sampleIds[next] < id)
            ++next;
        if (next < sampleIds.size() && sampleIds[next] == id) {
            mask[i] = 1;
            indices->push_back(i);
        }
    }
    return mask;
}

} // namespace synthscope::model
