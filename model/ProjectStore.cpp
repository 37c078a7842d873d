#include "model/ProjectStore.h"

#include "analysis/VsReal.h"
#include "model/Sources.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

namespace {

Json parseOr(const QString& text, Json fallback) {
    Json j = Json::parse(text.toStdString(), nullptr, false);
    return j.is_discarded() ? fallback : j;
}

QList<IndicatingTerm> terms(const Json& array) {
    QList<IndicatingTerm> out;
    for (const Json& t : array)
        out.append({QString::fromStdString(t.value("ngram", std::string())),
                    t.value("count_real", qint64(0)), t.value("count_synthetic", qint64(0)),
                    t.value("z", 0.0)});
    return out;
}

QVector<double> doubles(const Json& array) {
    QVector<double> out;
    for (const Json& v : array)
        out.append(v.get<double>());
    return out;
}

double orNaN(const QVariant& v) {
    return v.isNull() ? std::numeric_limits<double>::quiet_NaN() : v.toDouble();
}

// The comparison keys as an SQL list of literals ('js_divergence_unigram', …).
QString comparisonKeyList() {
    QStringList keys;
    for (const char* k : analysis::comparisonKeys())
        keys << u"'%1'"_s.arg(QLatin1StringView(k));
    return keys.join(u", "_s);
}

} // namespace

bool ComparisonEstimate::outsideNull() const {
    if (!std::isfinite(value) || !std::isfinite(nullMean) || !std::isfinite(nullSd))
        return false;
    return std::abs(value - nullMean) > kNullBandSd * nullSd;
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
                "rejected FROM corpora ORDER BY id"_s))
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

namespace {
void decodeResult(QSqlDatabase db, Json& r, const std::map<qint64, QString>& names,
                  StoredAnalysis& a);
} // namespace

std::optional<StoredAnalysis> ProjectStore::latestAnalysis() const {
    QSqlDatabase db = m_project.connection();
    QSqlQuery q(db);
    if (!q.exec(u"SELECT id, result, finished_at, corpora FROM runs WHERE kind = 'analysis' "
                "ORDER BY id DESC LIMIT 1"_s) ||
        !q.next())
        return std::nullopt;
    StoredAnalysis a;
    a.runId = q.value(0).toLongLong();
    // Not const: a missing key then reads as null instead of tripping nlohmann's assertion,
    // and every other shape error throws Json::exception, caught below.
    Json r = parseOr(q.value(1).toString(), Json::object());
    const QDateTime finished = QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs);
    a.finishedAt =
        finished.isValid() ? finished.toString(u"yyyy-MM-dd HH:mm 'UTC'"_s) : q.value(2).toString();
    std::vector<qint64> analysed;
    for (const Json& id : parseOr(q.value(3).toString(), Json::array()))
        if (id.is_number_integer())
            analysed.push_back(id.get<qint64>());
    std::vector<qint64> current;
    std::map<qint64, QString> names;
    for (const CorpusInfo& c : corpora()) {
        current.push_back(c.id);
        names[c.id] = c.name;
    }
    a.stale = analysed != current;
    try {
        decodeResult(m_project.connection(), r, names, a);
    } catch (const Json::exception& e) {
        StoredAnalysis damaged;
        damaged.runId = a.runId;
        damaged.finishedAt = a.finishedAt;
        damaged.stale = a.stale;
        damaged.damaged = u"the stored result of analysis run %1 cannot be read (%2); run the "
                          "analyses again to replace it"_s.arg(a.runId)
                              .arg(QString::fromUtf8(e.what()));
        return damaged;
    }
    return a;
}

namespace {

// Fills a from the stored result r of run a.runId (and its per-corpus comparison rows);
// throws Json::exception when r does not have the shape the analysis writes.
void decodeResult(QSqlDatabase db, Json& r, const std::map<qint64, QString>& names,
                  StoredAnalysis& a) {
    if (!r.is_object())
        throw Json::type_error::create(
            302, "the result is " + std::string(r.type_name()) + ", not an object", nullptr);
    for (Json c : r.value("corpora", Json::array())) {
        CorpusMetrics m;
        m.corpusId = c.value("corpus_id", qint64(0));
        m.name = names.contains(m.corpusId)
                     ? names.at(m.corpusId)
                     : QString::fromStdString(c.value("name", std::string()));
        (void)parseRole(QString::fromStdString(c.value("role", std::string())), &m.role);
        for (auto it = c["metrics"].begin(); it != c["metrics"].end(); ++it)
            m.values.insert(QString::fromStdString(it.key()), it->get<double>());
        for (auto it = c["label_counts"].begin(); it != c["label_counts"].end(); ++it)
            m.labelCounts.append({QString::fromStdString(it.key()), it->get<double>()});
        std::stable_sort(m.labelCounts.begin(), m.labelCounts.end(),
                         [](const auto& x, const auto& y) { return x.second > y.second; });
        // Nearest-neighbour similarity histograms, pooled per role.
        const QVector<double> nn = doubles(c.value("nn_similarity_histogram", Json::array()));
        QVector<double>& pooled =
            m.role == Role::Real ? a.nnSimilarityReal : a.nnSimilaritySynthetic;
        if (pooled.size() < nn.size())
            pooled.resize(nn.size(), 0.0);
        for (qsizetype i = 0; i < nn.size(); ++i)
            pooled[i] += nn[i];
        a.corpora.push_back(m);
    }
    {
        QSqlQuery v(db);
        v.prepare(u"SELECT corpus_id, name, value, sd, null_mean, null_sd FROM metrics WHERE "
                  "run_id = ? AND corpus_id IS NOT NULL AND (null_mean IS NOT NULL OR name = "
                  "'vs_real_budget' OR name IN (%1))"_s.arg(comparisonKeyList()));
        v.addBindValue(a.runId);
        if (v.exec())
            while (v.next()) {
                const qint64 corpus = v.value(0).toLongLong();
                auto it =
                    std::find_if(a.corpora.begin(), a.corpora.end(),
                                 [&](const CorpusMetrics& m) { return m.corpusId == corpus; });
                if (it == a.corpora.end() || it->role != Role::Synthetic)
                    continue;
                const QString key = v.value(1).toString();
                if (key == u"vs_real_budget"_s) {
                    it->vsRealBudget = static_cast<qint64>(v.value(2).toDouble());
                    continue;
                }
                it->values.remove(key); // a comparison key is never a per-corpus metric
                ComparisonEstimate e;
                e.value = v.value(2).toDouble();
                e.sd = orNaN(v.value(3));
                e.nullMean = orNaN(v.value(4));
                e.nullSd = orNaN(v.value(5));
                it->vsReal.insert(key, e);
            }
    }
    if (r.contains("real_vs_synthetic")) {
        a.hasComparison = true;
        for (auto it = r["real_vs_synthetic"].begin(); it != r["real_vs_synthetic"].end(); ++it)
            a.comparison.insert(QString::fromStdString(it.key()), it->get<double>());
        Json& h = r["length_histogram"];
        a.histogramBinWidth = h.value("bin_width", 1);
        a.histogramReal = doubles(h["real"]);
        a.histogramSynthetic = doubles(h["synthetic"]);
        Json& l = r["labels"];
        for (const Json& n : l["names"])
            a.labels << QString::fromStdString(n.get<std::string>());
        a.labelReal = doubles(l["real"]);
        a.labelSynthetic = doubles(l["synthetic"]);
        a.indicatingReal = terms(r["indicating_ngrams"]["real"]);
        a.indicatingSynthetic = terms(r["indicating_ngrams"]["synthetic"]);
    }
    for (const char* side : {"openings", "closings"})
        for (const Json& o : r.value(side, Json::array()))
            (side[0] == 'o' ? a.openings : a.closings)
                .append({QString::fromStdString(o.value("text", std::string())),
                         o.value("real", qint64(0)), o.value("synthetic", qint64(0))});
    if (r.contains("perplexity_histogram")) {
        Json& h = r["perplexity_histogram"];
        a.perplexityLog10Min = h.value("log10_min", 0.0);
        a.perplexityLog10Step = h.value("log10_step", 0.0);
        a.perplexityRealHeldOut = doubles(h["real_held_out"]);
        a.perplexitySynthetic = doubles(h["synthetic"]);
    }
}

} // namespace

QList<SkeletonGroupInfo> ProjectStore::skeletonGroups(int limit) const {
    QList<SkeletonGroupInfo> out;
    QSqlQuery q(m_project.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT group_id, pattern, size, real, synthetic FROM skeleton_groups "
              "WHERE run_id = "_s +
              kNewestAnalysisRun + u" ORDER BY group_id LIMIT ?"_s);
    q.addBindValue(limit);
    if (q.exec())
        while (q.next())
            out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(),
                        q.value(3).toLongLong(), q.value(4).toLongLong()});
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
                        q.value(3).toLongLong(), q.value(4).toString(), q.value(5).toString(),
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
                "g.perplexity, g.duplicate_group, "
                "(SELECT min(t.tag_id) FROM sample_tags t WHERE t.sample_id = g.sample_id), "
                // the reviewers' majority; a tie is "split"
                "(SELECT CASE WHEN sum(d.decision = 'keep') > sum(d.decision = 'drop') THEN "
                "'keep' WHEN sum(d.decision = 'drop') > sum(d.decision = 'keep') THEN 'drop' "
                "WHEN count(*) > 0 THEN 'split' END FROM decisions d "
                "WHERE d.sample_id = g.sample_id) "
                "FROM sample_scores g JOIN samples s ON s.id = g.sample_id "
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
        m.firstTag.push_back(q.value(13).isNull() ? -1 : q.value(13).toInt());
        const QString decision = q.value(14).toString();
        m.decision.push_back(decision.isEmpty()      ? 0
                             : decision == u"keep"_s ? 1
                             : decision == u"drop"_s ? 2
                                                     : 3);
    }
    m.hasLayout =
        std::any_of(m.layoutX.begin(), m.layoutX.end(), [](float v) { return !std::isnan(v); });
    return m;
}

Json ProjectStore::summaryJson() const {
    Json out = Json::object();
    out["project"] = m_project.path().toStdString();
    out["schema_version"] = Project::kSchemaVersion;
    const auto analysis = latestAnalysis();
    QSqlQuery q(m_project.connection());
    Json results = Json::object();
    if (analysis && !analysis->damaged.isEmpty()) {
        out["analysis"] = {{"run_id", analysis->runId},
                           {"damaged", analysis->damaged.toStdString()}};
    } else if (analysis &&
               q.exec(u"SELECT result, params, finished_at FROM runs WHERE id = %1"_s.arg(
                   analysis->runId)) &&
               q.next()) {
        results = parseOr(q.value(0).toString(), Json::object());
        out["analysis"] = {{"run_id", analysis->runId},
                           {"finished_at", q.value(2).toString().toStdString()},
                           {"stale", analysis->stale},
                           {"params", parseOr(q.value(1).toString(), Json::object())}};
    } else {
        out["analysis"] = nullptr;
    }
    std::map<qint64, const CorpusMetrics*> vsRealById;
    if (analysis)
        for (const CorpusMetrics& m : analysis->corpora)
            if (!m.vsReal.isEmpty())
                vsRealById[m.corpusId] = &m;
    std::map<qint64, Json> metricsById;
    for (const Json& c :
         results.value("corpora", Json::array())) // shapes checked by latestAnalysis
        metricsById[c.value("corpus_id", qint64(0))] = c;
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
                      {"rows_in", c.rowsIn},
                      {"format", c.format.toStdString()},
                      {"files", files},
                      {"mapping", c.mapping.toJson()}};
        if (auto it = vsRealById.find(c.id); it != vsRealById.end()) {
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
        if (auto it = metricsById.find(c.id); it != metricsById.end()) {
            entry["metrics"] = it->second["metrics"];
            if (!it->second["label_counts"].empty())
                entry["label_counts"] = it->second["label_counts"];
        }
        corporaJson.push_back(entry);
    }
    out["corpora"] = corporaJson;
    out["sources"] = sourcesJson(m_project);
    out["real_vs_synthetic"] =
        results.contains("real_vs_synthetic") ? results["real_vs_synthetic"] : Json(nullptr);
    for (const char* key : {"skeleton_groups", "openings", "closings"}) {
        if (!results.contains(key))
            continue;
        Json top = Json::array();
        for (const Json& g : results[key]) {
            if (top.size() >= 10)
                break;
            top.push_back(g);
        }
        out[key] = top;
    }
    if (results.contains("similarity")) {
        const Json& sim = results["similarity"];
        out["similarity"] = {{"embedding_source", sim.value("embedding_source", "")},
                             {"embedding_dimension", sim.value("embedding_dimension", 0)},
                             {"nn_similarity_threshold", sim.value("nn_similarity_threshold", 0.0)},
                             {"duplicate_group_count", sim.value("duplicate_group_count", 0)},
                             {"clusters", sim.value("clusters", Json::array())}};
    }
    if (results.contains("indicating_ngrams")) {
        Json ind = Json::object();
        for (const char* side : {"real", "synthetic"}) {
            Json words = Json::array();
            for (const Json& t : results["indicating_ngrams"][side])
                if (words.size() < 10)
                    words.push_back(t.value("ngram", std::string()));
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
        return Status::failure(u"there is no analysis run %1"_s.arg(runId));
    return tx.commit(); // the run's rows go with it (ON DELETE CASCADE)
}

} // namespace synthscope::model
