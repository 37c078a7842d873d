#include "model/Analyzer.h"

#include "model/RecordReader.h"

#include <QDateTime>

#include <QSqlError>
#include <QSqlQuery>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

namespace {

struct LoadedCorpus {
    qint64 id = 0;
    QString name;
    Role role = Role::Real;
    std::vector<qint64> sampleIds;
    std::vector<std::string> texts;
    std::vector<std::string> labels;
    bool anyLabel = false;
};

Status load(QSqlDatabase& db, std::vector<LoadedCorpus>* corpora,
            const analysis::Progress& progress) {
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT id, name, role FROM corpora ORDER BY id"_s))
        return Status::failure(q.lastError().text());
    while (q.next()) {
        LoadedCorpus c;
        c.id = q.value(0).toLongLong();
        c.name = q.value(1).toString();
        (void)parseRole(q.value(2).toString(), &c.role);
        corpora->push_back(std::move(c));
    }
    qint64 total = 0;
    {
        QSqlQuery n(db);
        if (n.exec(u"SELECT count(*) FROM samples"_s) && n.next())
            total = n.value(0).toLongLong();
    }
    qint64 seen = 0;
    for (LoadedCorpus& c : *corpora) {
        QSqlQuery s(db);
        s.setForwardOnly(true);
        s.prepare(u"SELECT id, text, label FROM samples WHERE corpus_id = ? ORDER BY id"_s);
        s.addBindValue(c.id);
        if (!s.exec())
            return Status::failure(s.lastError().text());
        while (s.next()) {
            c.sampleIds.push_back(s.value(0).toLongLong());
            c.texts.push_back(s.value(1).toString().toStdString());
            c.labels.push_back(s.value(2).toString().toStdString());
            c.anyLabel = c.anyLabel || !c.labels.back().empty();
            if (++seen % 8192 == 0)
                progress.report(static_cast<double>(seen) /
                                    static_cast<double>(std::max<qint64>(total, 1)),
                                "loading");
        }
        if (!c.anyLabel)
            c.labels = {};
    }
    return {};
}

Json termsJson(const std::vector<analysis::LogOddsTerm>& terms) {
    Json out = Json::array();
    for (const auto& t : terms)
        out.push_back({{"ngram", t.ngram},
                       {"count_real", t.countA},
                       {"count_synthetic", t.countB},
                       {"z", t.zScore},
                       {"delta", t.delta}});
    return out;
}

Json corpusMetricsJson(const analysis::CorpusProfile& p, const analysis::CorpusExtras* x) {
    Json m = {{"samples", p.samples},
              {"tokens", p.tokens},
              {"mean_length_tokens", p.meanLengthTokens},
              {"median_length_tokens", p.medianLengthTokens},
              {"mean_length_chars", p.meanLengthChars},
              {"vocabulary_size", p.vocabularySize},
              {"distinct_1", p.distinct1},
              {"distinct_2", p.distinct2},
              {"distinct_3", p.distinct3},
              {"exact_duplicate_rate", p.exactDuplicateRate},
              {"exact_duplicates", p.exactDuplicates},
              {"labelled_samples", p.labelledSamples}};
    if (p.labelledSamples > 0) // entropy of no labels is meaningless, not 0
        m["label_entropy_bits"] = p.labelEntropyBits;
    if (x != nullptr) {
        m["skeleton_repetition_rate"] = x->templates.skeletonRepetitionRate;
        m["top10_skeleton_share"] = x->templates.top10SkeletonShare;
        m["template_rate"] = x->templates.templateRate;
        m["templates_per_token"] = x->templates.templatesPerToken;
        m["compression_ratio"] = x->compressionRatio;
        m["self_bleu"] = x->selfBleu;
        m["repeated_ngram_rate"] = x->repeatedNgramRate;
        m["mtld"] = x->mtld;
        if (x->perplexityMedian)
            m["perplexity_median"] = *x->perplexityMedian;
    }
    return m;
}

Json paramsJson(const analysis::AnalysisParams& params) {
    return {{"tokenizer", "synthscope-words-v1"},
            {"histogram_bins", params.histogramBins},
            {"log_odds",
             {{"prior_strength", params.logOdds.priorStrength},
              {"min_count", params.logOdds.minCount},
              {"top_k", params.logOdds.topK}}},
            {"neighbours",
             {{"method", "tfidf-cosine"},
              {"k", params.neighbours.k},
              {"sublinear_tf", params.neighbours.sublinearTf}}}};
}

} // namespace

namespace {

Status analyzeAndStore(Project& project, const analysis::AnalysisParams& params,
                       const analysis::Progress& progress, qint64* runId);

} // namespace

Status runAnalysis(Project& project, const analysis::AnalysisParams& params,
                   const analysis::Progress& progress, qint64* runId) {
    try {
        return analyzeAndStore(project, params, progress, runId);
    } catch (const analysis::Cancelled&) {
        return Status::failure(u"analysis cancelled; the previous results are kept"_s);
    } catch (const std::exception& e) {
        return Status::failure(u"analysis failed: %1"_s.arg(QString::fromStdString(e.what())));
    }
}

namespace {

Status analyzeAndStore(Project& project, const analysis::AnalysisParams& params,
                       const analysis::Progress& progress, qint64* runId) {
    const QString started = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QSqlDatabase db = project.connection();
    std::vector<LoadedCorpus> corpora;
    if (Status s = load(db, &corpora, progress.sub(0.0, 0.15)); !s)
        return s;
    if (corpora.empty())
        return Status::failure(u"the project has no corpora to analyse; import one first"_s);
    std::vector<analysis::CorpusInput> inputs;
    for (const LoadedCorpus& c : corpora)
        inputs.push_back({c.role == Role::Synthetic, c.texts, c.labels});
    const analysis::AnalysisResult result =
        analysis::analyzeCorpora(inputs, params, progress.sub(0.15, 0.9));

    Json out = Json::object();
    Json corporaJson = Json::array();
    Json ids = Json::array();
    for (std::size_t i = 0; i < corpora.size(); ++i) {
        Json labels = Json::object();
        for (const auto& [label, count] : result.corpora[i].labelCounts)
            labels[label] = count;
        corporaJson.push_back(
            {{"corpus_id", corpora[i].id},
             {"name", corpora[i].name.toStdString()},
             {"role", roleName(corpora[i].role).toStdString()},
             {"metrics", corpusMetricsJson(result.corpora[i],
                                           i < result.extras.size() ? &result.extras[i] : nullptr)},
             {"label_counts", labels}});
        if (i < result.extras.size()) {
            Json templates = Json::array();
            for (const auto& [pattern, docs] : result.extras[i].templates.topTemplates)
                templates.push_back({{"pattern", pattern}, {"samples", docs}});
            corporaJson.back()["top_templates"] = templates;
        }
        ids.push_back(corpora[i].id);
    }
    out["corpora"] = corporaJson;
    Json timings = Json::object();
    for (const auto& [stage, seconds] : result.stageSeconds)
        timings[stage] = seconds;
    out["stage_seconds"] = timings;

    // Document index (corpora in order) → sample id and role.
    std::vector<qint64> sampleIds;
    std::vector<bool> isSynthetic;
    for (const LoadedCorpus& c : corpora) {
        sampleIds.insert(sampleIds.end(), c.sampleIds.begin(), c.sampleIds.end());
        isSynthetic.insert(isSynthetic.end(), c.sampleIds.size(), c.role == Role::Synthetic);
    }
    std::vector<std::pair<std::uint64_t, std::uint64_t>> groupCounts; // (real, synthetic)
    Json groups = Json::array();
    for (std::size_t g = 0; g < result.templates.groups.size(); ++g) {
        const auto& group = result.templates.groups[g];
        std::uint64_t synth = 0;
        for (auto d : group.members)
            synth += isSynthetic[d] ? 1 : 0;
        groupCounts.emplace_back(group.members.size() - synth, synth);
        if (g < 300) {
            Json members = Json::array();
            for (std::size_t k = 0; k < group.members.size() && k < 20; ++k)
                members.push_back(sampleIds[group.members[k]]);
            groups.push_back({{"group", g},
                              {"pattern", group.pattern},
                              {"size", group.members.size()},
                              {"real", group.members.size() - synth},
                              {"synthetic", synth},
                              {"members", members}});
        }
    }
    out["skeleton_groups"] = groups;
    for (const char* side : {"openings", "closings"}) {
        Json list = Json::array();
        for (const auto& a : side[0] == 'o' ? result.templates.openings : result.templates.closings)
            list.push_back({{"text", a.text}, {"real", a.real}, {"synthetic", a.synthetic}});
        out[side] = list;
    }
    if (!result.perplexity.empty()) {
        std::vector<double> realPpl;
        std::vector<double> synthPpl;
        for (std::size_t d = 0; d < result.perplexity.size(); ++d)
            if (!std::isnan(result.perplexity[d]))
                (isSynthetic[d] ? synthPpl : realPpl).push_back(result.perplexity[d]);
        const auto h = analysis::sharedLogHistogram(realPpl, synthPpl);
        out["perplexity_histogram"] = {{"log10_min", h.log10Min},
                                       {"log10_step", h.step},
                                       {"real_held_out", h.countsA},
                                       {"synthetic", h.countsB}};
    }

    if (result.comparison) {
        const auto& c = *result.comparison;
        Json cmp = {{"real_samples", c.realSamples},
                    {"synthetic_samples", c.syntheticSamples},
                    {"js_divergence_length_tokens", c.jsLengthTokens},
                    {"js_divergence_unigram", c.jsUnigram},
                    {"js_divergence_bigram", c.jsBigram},
                    {"ks_length_tokens", c.ksLengthTokens.statistic},
                    {"ks_length_tokens_p_value", c.ksLengthTokens.pValue}};
        if (c.jsLabel)
            cmp["js_divergence_label"] = *c.jsLabel;
        if (result.perplexityMedianRealHeldOut)
            cmp["perplexity_median_real_held_out"] = *result.perplexityMedianRealHeldOut;
        if (result.perplexityMedianSynthetic)
            cmp["perplexity_median_synthetic"] = *result.perplexityMedianSynthetic;
        out["real_vs_synthetic"] = cmp;
        out["length_histogram"] = {{"unit", "tokens"},
                                   {"bin_width", c.lengthHistogram.width},
                                   {"real", c.lengthHistogram.countsA},
                                   {"synthetic", c.lengthHistogram.countsB}};
        out["labels"] = {{"names", c.labels},
                         {"real", c.labelCountsReal},
                         {"synthetic", c.labelCountsSynthetic}};
        out["indicating_ngrams"] = {{"real", termsJson(c.indicating.indicatingA)},
                                    {"synthetic", termsJson(c.indicating.indicatingB)}};
    }

    progress.report(0.92, "saving");
    Transaction tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    QSqlQuery run(db);
    run.prepare(u"INSERT INTO runs (kind, params, result, app_version, started_at, finished_at, "
                "corpora) VALUES ('analysis', ?, ?, ?, ?, ?, ?)"_s);
    run.addBindValue(QString::fromStdString(paramsJson(params).dump()));
    run.addBindValue(QString::fromStdString(out.dump()));
    run.addBindValue(QStringLiteral(SYNTHSCOPE_VERSION));
    run.addBindValue(started);
    run.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    run.addBindValue(QString::fromStdString(ids.dump()));
    if (!run.exec())
        return Status::failure(u"cannot store the run: %1"_s.arg(run.lastError().text()));
    const qint64 id = run.lastInsertId().toLongLong();

    QSqlQuery metric(db);
    metric.prepare(u"INSERT INTO metrics (run_id, corpus_id, name, value) VALUES (?, ?, ?, ?)"_s);
    auto addMetrics = [&](const Json& values, const QVariant& corpusId) -> Status {
        for (auto it = values.begin(); it != values.end(); ++it) {
            if (!it->is_number())
                continue;
            metric.bindValue(0, id);
            metric.bindValue(1, corpusId);
            metric.bindValue(2, QString::fromStdString(it.key()));
            metric.bindValue(3, it->get<double>());
            if (!metric.exec())
                return Status::failure(metric.lastError().text());
        }
        return {};
    };
    for (const Json& c : out["corpora"])
        if (Status s = addMetrics(c["metrics"], c["corpus_id"].get<qint64>()); !s)
            return s;
    if (out.contains("real_vs_synthetic"))
        if (Status s =
                addMetrics(out["real_vs_synthetic"], QVariant(QMetaType(QMetaType::LongLong)));
            !s)
            return s;

    // Only the newest run keeps per-sample rows.
    for (const QString& table : {u"neighbours"_s, u"skeleton_groups"_s, u"sample_scores"_s})
        if (Status s = exec(db, u"DELETE FROM "_s + table); !s)
            return s;
    QSqlQuery group(db);
    group.prepare(u"INSERT INTO skeleton_groups (run_id, group_id, pattern, size, real, synthetic) "
                  "VALUES (?, ?, ?, ?, ?, ?)"_s);
    for (std::size_t g = 0; g < result.templates.groups.size(); ++g) {
        group.bindValue(0, id);
        group.bindValue(1, static_cast<qint64>(g));
        group.bindValue(2, QString::fromStdString(result.templates.groups[g].pattern));
        group.bindValue(3, static_cast<qint64>(result.templates.groups[g].members.size()));
        group.bindValue(4, static_cast<qint64>(groupCounts[g].first));
        group.bindValue(5, static_cast<qint64>(groupCounts[g].second));
        if (!group.exec())
            return Status::failure(group.lastError().text());
    }
    QSqlQuery score(db);
    score.prepare(u"INSERT INTO sample_scores (run_id, sample_id, skeleton_group, perplexity) "
                  "VALUES (?, ?, ?, ?)"_s);
    for (std::size_t d = 0; d < sampleIds.size(); ++d) {
        const bool grouped =
            d < result.templates.groupOf.size() && result.templates.groupOf[d] != UINT32_MAX;
        const bool scored = d < result.perplexity.size() && !std::isnan(result.perplexity[d]);
        if (!grouped && !scored)
            continue;
        score.bindValue(0, id);
        score.bindValue(1, sampleIds[d]);
        score.bindValue(2, grouped ? QVariant(static_cast<qint64>(result.templates.groupOf[d]))
                                   : QVariant(QMetaType(QMetaType::LongLong)));
        score.bindValue(3, scored ? QVariant(result.perplexity[d])
                                  : QVariant(QMetaType(QMetaType::Double)));
        if (!score.exec())
            return Status::failure(score.lastError().text());
    }
    QSqlQuery nb(db);
    nb.prepare(u"INSERT INTO neighbours (run_id, sample_id, rank, neighbour_id, similarity) "
               "VALUES (?, ?, ?, ?, ?)"_s);
    std::vector<qint64> realIds;
    std::vector<qint64> synthIds;
    for (const LoadedCorpus& c : corpora) {
        auto& side = c.role == Role::Synthetic ? synthIds : realIds;
        side.insert(side.end(), c.sampleIds.begin(), c.sampleIds.end());
    }
    for (std::size_t i = 0; i < result.syntheticToReal.size(); ++i) {
        const auto& list = result.syntheticToReal[i];
        for (std::size_t r = 0; r < list.size(); ++r) {
            nb.bindValue(0, id);
            nb.bindValue(1, synthIds[i]);
            nb.bindValue(2, static_cast<int>(r));
            nb.bindValue(3, realIds[list[r].index]);
            nb.bindValue(4, static_cast<double>(list[r].cosine));
            if (!nb.exec())
                return Status::failure(nb.lastError().text());
        }
    }
    progress.report(0.99, "saving"); // last chance to cancel; the commit below is final
    if (Status s = tx.commit(); !s)
        return s;
    if (runId != nullptr)
        *runId = id;
    return {};
}

} // namespace

} // namespace synthscope::model
