#include "model/Analyzer.h"

#include "model/Json.h"
#include "model/Sources.h"

#include <QDateTime>

#include <QSqlError>
#include <QSqlQuery>
#include <cmath>
#include <cstring>
#include <set>

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

Json corpusMetricsJson(const analysis::CorpusProfile& p, const analysis::CorpusExtras* x,
                       const analysis::CorpusSimilarity* sim) {
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
        for (const auto& [key, v] : {std::pair{"vocabulary_at_budget", x->budgeted.vocabulary},
                                     std::pair{"distinct_2_at_budget", x->budgeted.distinct2},
                                     std::pair{"self_repetition_at_budget", x->selfRepetition},
                                     std::pair{"vendi_ngram", x->budgeted.vendiNgram}})
            if (std::isfinite(v))
                m[key] = v;
        if (x->perplexityMedian)
            m["perplexity_median"] = *x->perplexityMedian;
    }
    if (sim != nullptr) {
        m["near_duplicates"] = sim->nearDuplicates;
        m["near_duplicate_rate"] = sim->nearDuplicateRate;
        m["nn_similarity_ratio"] = sim->nnSimilarityRatio;
        m["mean_nn_similarity"] = sim->meanNnSimilarity;
        m["vendi_score"] = sim->vendiScore;
    }
    return m;
}

// The length-matched values of one synthetic corpus, under the raw measure's key with the
// suffixes _length_matched, _length_baseline and _length_lift (see lengthControlledKeys()),
// and length_unmatched_share. Unmeasured ones are left out.
void addLengthControl(const analysis::CorpusLengthControl& lc, Json& metrics) {
    metrics["length_unmatched_share"] = lc.unmatchedShare;
    metrics["length_matched_samples"] = lc.matched;
    const auto& keys = analysis::lengthControlledKeys();
    for (std::size_t k = 0; k < keys.size(); ++k) {
        const analysis::LengthControlledEstimate& e = lc.measures[k];
        const std::string key = keys[k];
        for (const auto& [suffix, v] :
             {std::pair{"_length_matched", e.value}, std::pair{"_length_baseline", e.baseline},
              std::pair{"_length_lift", e.lift}})
            if (std::isfinite(v))
                metrics[key + suffix] = v;
    }
}

Json paramsJson(const analysis::AnalysisParams& params) {
    const analysis::SimilarityParams& sp = params.similarity;
    return {{"tokenizer", "synthscope-words-v1"},
            {"histogram_bins", params.histogramBins},
            {"log_odds",
             {{"prior_strength", params.logOdds.priorStrength},
              {"min_count", params.logOdds.minCount},
              {"top_k", params.logOdds.topK}}},
            {"similarity",
             {{"enabled", params.findSimilarity},
              {"embedding_source", sp.embeddingSource},
              {"embedding_dimension", sp.embedding.dimension},
              {"tfidf_min_df", sp.embedding.features.minDocumentFrequency},
              {"svd_power_iterations", sp.embedding.svd.powerIterations},
              {"shingle_words", sp.shingleSize},
              {"minhash_permutations", sp.minhash.permutations},
              {"minhash_bands", sp.minhash.bands},
              {"near_duplicate_jaccard", sp.minhash.threshold},
              {"hnsw_m", sp.hnsw.m},
              {"hnsw_ef_construction", sp.hnsw.efConstruction},
              {"hnsw_ef_search", sp.hnsw.efSearch},
              {"nn_similarity_threshold", sp.nnThreshold},
              {"vs_real_draws", params.vsReal.draws},
              {"vs_real_null_draws", params.vsReal.nullDraws},
              {"vs_real_embedding_draws", params.vsReal.embeddingDraws},
              {"vs_real_sample_budget", params.vsReal.sampleBudget},
              {"vs_real_embedding_budget", params.vsReal.embeddingBudget},
              {"vs_real_nearest_k", params.vsReal.nearestK},
              {"min_copy_tokens", params.vsReal.minCopyTokens},
              {"vs_real_detectability_folds", params.vsReal.detectabilityFolds},
              {"vs_real_seed", params.seed},
              {"length_control_sample_budget", params.lengthControl.sampleBudget},
              {"length_control_draws", params.lengthControl.draws},
              {"length_control_exact_below_tokens", params.lengthControl.exactBelow},
              {"length_control_bin_ratio", params.lengthControl.binRatio},
              {"length_control_min_matched", params.lengthControl.minMatched},
              {"length_control_max_unmatched_share", params.lengthControl.maxUnmatchedShare},
              {"self_repetition_tokens", params.selfRepetitionTokens},
              {"clusters", sp.clusters},
              {"mauve_scaling", sp.mauve.scaling},
              {"mauve_pca_variance", sp.mauve.pcaVariance},
              {"mauve_max_per_side", sp.mauve.maxPerSide},
              {"detectability_folds", sp.detectabilityFolds},
              {"logistic_l2", sp.logistic.l2},
              {"seed", sp.embedding.svd.seed}}}};
}

Json clustersJson(const analysis::SimilarityResult& sim) {
    Json list = Json::array();
    for (std::size_t c = 0; c < sim.clusters.size(); ++c) {
        const auto& k = sim.clusters[c];
        list.push_back({{"cluster", c},
                        {"size", k.size},
                        {"real", k.real},
                        {"synthetic", k.synthetic},
                        {"label", k.terms},
                        {"flag", k.flag},
                        {"mean_nn_similarity", k.meanNnSimilarity}});
    }
    return list;
}

void addSimilarityJson(const analysis::SimilarityResult& sim,
                       const analysis::SimilarityParams& params,
                       const std::vector<qint64>& sampleIds, Json& out) {
    Json s = {{"embedding_source", sim.embeddingSource},
              {"embedding_dimension", sim.embeddings.cols()},
              {"nn_similarity_threshold", params.nnThreshold},
              {"duplicate_group_count", sim.duplicateGroups.size()},
              {"clusters", clustersJson(sim)}};
    Json groups = Json::array();
    for (std::size_t g = 0; g < sim.duplicateGroups.size() && g < 100; ++g) {
        const auto& d = sim.duplicateGroups[g];
        Json members = Json::array();
        for (std::size_t k = 0; k < d.members.size() && k < 20; ++k)
            members.push_back(sampleIds[d.members[k]]);
        groups.push_back({{"group", g},
                          {"size", d.members.size()},
                          {"real", d.real},
                          {"synthetic", d.synthetic},
                          {"exact", d.exact},
                          {"members", members}});
    }
    s["duplicate_groups"] = groups;
    if (sim.comparison) {
        const auto& c = *sim.comparison;
        Json frontier = Json::array();
        for (const auto& [x, y] : c.mauve.frontier)
            frontier.push_back({x, y});
        s["mauve_frontier"] = frontier;
        s["mauve_clusters"] = c.mauve.clusters;
        s["mauve_pca_components"] = c.mauve.components;
        s["detectability_fold_auc"] = c.detectabilityFoldAuc;
        Json& cmp = out["real_vs_synthetic"];
        cmp["cross_exact_duplicates"] = c.crossExactDuplicates;
        cmp["cross_near_duplicates"] = c.crossNearDuplicates;
        cmp["mauve"] = c.mauve.mauve;
        if (!std::isnan(c.detectabilityAuc)) {
            cmp["detectability_auc"] = c.detectabilityAuc;
            cmp["detectability_auc_std"] = c.detectabilityAucStd;
        }
        cmp["js_divergence_cluster_share"] = c.jsClusterShare;
    }
    out["similarity"] = s;
}

// Precomputed embeddings of every sample from one source, in load order.
Status loadEmbeddings(QSqlDatabase& db, const std::vector<LoadedCorpus>& corpora,
                      const std::string& source, std::vector<float>* out, std::size_t* dimension) {
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT vector FROM embeddings WHERE sample_id = ? AND source = ?"_s);
    const QString name = QString::fromStdString(source);
    for (const LoadedCorpus& c : corpora)
        for (qint64 id : c.sampleIds) {
            q.bindValue(0, id);
            q.bindValue(1, name);
            if (!q.exec() || !q.next())
                return Status::failure(
                    u"sample %1 has no embedding from \"%2\"; compute or "
                    "import embeddings for every sample first"_s.arg(QString::number(id), name));
            if (!appendEmbedding(q.value(0).toByteArray(), out, dimension))
                return Status::failure(
                    u"embeddings from \"%1\" have differing dimensions"_s.arg(name));
        }
    return {};
}

// A null QString binds as SQL NULL; NOT NULL text columns need an empty string instead.
QString nonNull(const QString& s) {
    return s.isNull() ? u""_s : s;
}

// Duplicate groups, clusters, neighbours and built-in embeddings of one run.
Status storeSimilarity(QSqlDatabase& db, qint64 runId, const analysis::SimilarityResult& sim,
                       const std::vector<qint64>& sampleIds, const analysis::Progress& progress) {
    QSqlQuery dup(db);
    dup.prepare(u"INSERT INTO duplicate_groups (run_id, group_id, size, real, synthetic, exact) "
                "VALUES (?, ?, ?, ?, ?, ?)"_s);
    for (std::size_t g = 0; g < sim.duplicateGroups.size(); ++g) {
        const auto& d = sim.duplicateGroups[g];
        if (Status s = execPrepared(dup, {runId, static_cast<qint64>(g),
                                          static_cast<qint64>(d.members.size()),
                                          static_cast<qint64>(d.real),
                                          static_cast<qint64>(d.synthetic), d.exact ? 1 : 0});
            !s)
            return s;
    }
    QSqlQuery cl(db);
    cl.prepare(u"INSERT INTO clusters (run_id, cluster_id, size, real, synthetic, label, flag, "
               "mean_nn_similarity) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (std::size_t c = 0; c < sim.clusters.size(); ++c) {
        const auto& k = sim.clusters[c];
        QStringList terms;
        for (const auto& t : k.terms)
            terms << QString::fromStdString(t);
        // A null QString binds as SQL NULL: empty labels and flags must be empty strings.
        if (Status s =
                execPrepared(cl, {runId, static_cast<qint64>(c), static_cast<qint64>(k.size),
                                  static_cast<qint64>(k.real), static_cast<qint64>(k.synthetic),
                                  nonNull(terms.join(u", "_s)),
                                  nonNull(QString::fromStdString(k.flag)), k.meanNnSimilarity});
            !s)
            return s;
    }
    QSqlQuery nb(db);
    nb.prepare(u"INSERT INTO neighbours (run_id, sample_id, rank, neighbour_id, similarity) "
               "VALUES (?, ?, ?, ?, ?)"_s);
    for (std::size_t i = 0; i < sim.realNeighbours.size(); ++i) {
        const auto& list = sim.realNeighbours[i];
        for (std::size_t r = 0; r < list.size(); ++r) {
            if (Status s = execPrepared(nb, {runId, sampleIds[i], static_cast<int>(r),
                                             sampleIds[list[r].index],
                                             static_cast<double>(list[r].cosine)});
                !s)
                return s;
        }
    }
    if (sim.embeddingSource == kBuiltInEmbedding) {
        if (Status s = exec(db, u"DELETE FROM embeddings WHERE source = '%1'"_s.arg(
                                    QLatin1StringView(kBuiltInEmbedding)));
            !s)
            return s;
        QSqlQuery emb(db);
        emb.prepare(u"INSERT INTO embeddings (sample_id, source, vector) VALUES (?, ?, ?)"_s);
        const auto dim = static_cast<qsizetype>(sim.embeddings.cols());
        for (std::size_t d = 0; d < sampleIds.size(); ++d) {
            if (d % 8192 == 0)
                progress.report(static_cast<double>(d) / static_cast<double>(sampleIds.size()),
                                "saving embeddings");
            emb.bindValue(0, sampleIds[d]);
            emb.bindValue(1, QString::fromLatin1(kBuiltInEmbedding));
            emb.bindValue(2,
                          QByteArray(reinterpret_cast<const char*>(
                                         sim.embeddings.row(static_cast<Eigen::Index>(d)).data()),
                                     dim * static_cast<qsizetype>(sizeof(float))));
            if (!emb.exec())
                return Status::failure(emb.lastError().text());
        }
    }
    return {};
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
    analysis::AnalysisParams effective = params;
    std::vector<float> external;
    if (params.findSimilarity && params.similarity.embeddingSource != kBuiltInEmbedding) {
        std::size_t dimension = 0;
        if (Status s = loadEmbeddings(db, corpora, params.similarity.embeddingSource, &external,
                                      &dimension);
            !s)
            return s;
        effective.similarity.embeddings = external;
        effective.similarity.embeddingDimension = dimension;
    }
    const analysis::AnalysisResult result =
        analysis::analyzeCorpora(inputs, effective, progress.sub(0.15, 0.9));
    const analysis::SimilarityResult* sim = result.similarity ? &*result.similarity : nullptr;

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
                                           i < result.extras.size() ? &result.extras[i] : nullptr,
                                           sim != nullptr ? &sim->corpora[i] : nullptr)},
             {"label_counts", labels}});
        for (const analysis::CorpusLengthControl& lc : result.lengthControl)
            if (lc.corpus == i)
                addLengthControl(lc, corporaJson.back()["metrics"]);
        if (i < result.extras.size()) {
            Json templates = Json::array();
            for (const auto& [pattern, docs] : result.extras[i].templates.topTemplates)
                templates.push_back({{"pattern", pattern}, {"samples", docs}});
            corporaJson.back()["top_templates"] = templates;
        }
        if (sim != nullptr)
            corporaJson.back()["nn_similarity_histogram"] = sim->corpora[i].nnHistogram;
        ids.push_back(corpora[i].id);
    }
    out["corpora"] = corporaJson;
    out["diversity_budget"] = {{"tokens", result.diversityTokenBudget},
                               {"vendi_samples", result.vendiSamples}};
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
        if (result.pooled) {
            // The measures only comparePooled computes (k-NN balls, label entropy change,
            // perplexity ratio) and the cross-copy rates with short answers set apart; JS,
            // KS, MAUVE and detectability stay those of the full-size pooled comparison.
            const auto& keys = analysis::comparisonKeys();
            static const std::set<std::string> fromPooled = {"precision",
                                                             "recall",
                                                             "density",
                                                             "coverage_real_by_synthetic",
                                                             "coverage_synthetic_by_real",
                                                             "label_entropy_change_bits",
                                                             "perplexity_log_ratio",
                                                             "cross_exact_duplicate_rate",
                                                             "cross_near_duplicate_rate",
                                                             "short_exact_match_rate"};
            for (std::size_t k = 0; k < keys.size(); ++k)
                if (fromPooled.contains(keys[k]) && std::isfinite(result.pooled->value(k)))
                    cmp[keys[k]] = result.pooled->value(k);
        }
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
    if (sim != nullptr)
        addSimilarityJson(*sim, params.similarity, sampleIds, out);

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

    // Which generators, template versions and judge versions wrote the synthetic side.
    QList<qint64> syntheticIds;
    for (const LoadedCorpus& c : corpora)
        if (c.role == Role::Synthetic)
            syntheticIds << c.id;
    if (Status s = storeSourceConcentration(db, id, syntheticIds); !s)
        return s;

    // Each synthetic corpus against the real side: the same keys as the pooled comparison,
    // stored under the corpus with the spread over draws and the null band.
    QSqlQuery estimate(db);
    estimate.prepare(u"INSERT INTO metrics (run_id, corpus_id, name, value, sd, null_mean, "
                     "null_sd) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    const QVariant noValue(QMetaType(QMetaType::Double));
    auto orNull = [&](double v) { return std::isfinite(v) ? QVariant(v) : noValue; };
    for (const analysis::CorpusVsReal& v : result.vsReal) {
        const auto& keys = analysis::comparisonKeys();
        for (std::size_t k = 0; k < keys.size(); ++k) {
            if (!std::isfinite(v.value.mean.value(k)))
                continue;
            if (Status s = execPrepared(estimate,
                                        {id, corpora[v.corpus].id, QString::fromLatin1(keys[k]),
                                         v.value.mean.value(k), orNull(v.value.sd.value(k)),
                                         orNull(v.null.mean.value(k)), orNull(v.null.sd.value(k))});
                !s)
                return s;
        }
        if (Status s =
                execPrepared(estimate, {id, corpora[v.corpus].id, u"vs_real_budget"_s,
                                        static_cast<double>(v.budget), noValue, noValue, noValue});
            !s)
            return s;
    }
    // The spread over draws of the length-matched values (stored above with the corpus's
    // metrics): Trends draw it as error bars on the lifts; the others keep it for export.
    QSqlQuery spread(db);
    spread.prepare(u"UPDATE metrics SET sd = ? WHERE run_id = ? AND corpus_id = ? AND name = ?"_s);
    for (const analysis::CorpusLengthControl& lc : result.lengthControl) {
        const auto& keys = analysis::lengthControlledKeys();
        for (std::size_t k = 0; k < keys.size(); ++k) {
            const analysis::LengthControlledEstimate& e = lc.measures[k];
            for (const auto& [suffix, sd] :
                 {std::pair{"_length_matched", e.valueSd},
                  std::pair{"_length_baseline", e.baselineSd}, std::pair{"_length_lift", e.liftSd}})
                if (std::isfinite(sd))
                    if (Status s = execPrepared(spread, {sd, id, corpora[lc.corpus].id,
                                                         QString(QString::fromLatin1(keys[k]) +
                                                                 QLatin1String(suffix))});
                        !s)
                        return s;
        }
    }

    // Only the newest run keeps per-sample rows.
    for (const QString& table : {u"neighbours"_s, u"skeleton_groups"_s, u"sample_scores"_s,
                                 u"duplicate_groups"_s, u"clusters"_s})
        if (Status s = exec(db, u"DELETE FROM "_s + table); !s)
            return s;
    QSqlQuery group(db);
    group.prepare(u"INSERT INTO skeleton_groups (run_id, group_id, pattern, size, real, synthetic) "
                  "VALUES (?, ?, ?, ?, ?, ?)"_s);
    for (std::size_t gi = 0; gi < result.templates.groups.size(); ++gi) {
        const auto& g = result.templates.groups[gi];
        if (Status s =
                execPrepared(group, {id, static_cast<qint64>(gi), QString::fromStdString(g.pattern),
                                     static_cast<qint64>(g.members.size()),
                                     static_cast<qint64>(groupCounts[gi].first),
                                     static_cast<qint64>(groupCounts[gi].second)});
            !s)
            return s;
    }
    if (sim != nullptr)
        if (Status s = storeSimilarity(db, id, *sim, sampleIds, progress.sub(0.93, 0.99)); !s)
            return s;
    QSqlQuery score(db);
    score.prepare(u"INSERT INTO sample_scores (run_id, sample_id, skeleton_group, perplexity, "
                  "duplicate_group, cluster, nn_own, nn_other, synthetic_likeness, map_x, map_y) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    const QVariant nullInt(QMetaType(QMetaType::LongLong));
    const QVariant nullReal(QMetaType(QMetaType::Double));
    auto real = [&](double v) { return std::isnan(v) ? nullReal : QVariant(v); };
    for (std::size_t d = 0; d < sampleIds.size(); ++d) {
        const bool grouped =
            d < result.templates.groupOf.size() && result.templates.groupOf[d] != UINT32_MAX;
        const bool scored = d < result.perplexity.size() && !std::isnan(result.perplexity[d]);
        score.bindValue(0, id);
        score.bindValue(1, sampleIds[d]);
        score.bindValue(2, grouped ? QVariant(static_cast<qint64>(result.templates.groupOf[d]))
                                   : nullInt);
        score.bindValue(3, scored ? QVariant(result.perplexity[d]) : nullReal);
        if (sim != nullptr) {
            const std::uint32_t dup = sim->duplicateGroupOf[d];
            score.bindValue(4, dup == UINT32_MAX ? nullInt : QVariant(static_cast<qint64>(dup)));
            score.bindValue(5, static_cast<qint64>(sim->cluster[d]));
            score.bindValue(6, real(sim->nnOwn[d]));
            score.bindValue(7, real(sim->nnOther[d]));
            score.bindValue(8, real(sim->syntheticLikeness[d]));
            score.bindValue(9, static_cast<double>(sim->layout(static_cast<Eigen::Index>(d), 0)));
            score.bindValue(10, static_cast<double>(sim->layout(static_cast<Eigen::Index>(d), 1)));
        } else {
            for (int k = 4; k <= 10; ++k)
                score.bindValue(k, k == 4 || k == 5 ? nullInt : nullReal);
        }
        if (!score.exec())
            return Status::failure(score.lastError().text());
        if (d % 8192 == 0)
            progress.report(0.99, "saving");
    }
    progress.report(0.99, "saving"); // last chance to cancel; the commit below is final
    if (Status s = tx.commit(); !s)
        return s;
    if (runId != nullptr)
        *runId = id;
    return {};
}

} // namespace

std::optional<NewestAnalysis> newestAnalysis(Project& project) {
    QSqlQuery run(project.connection());
    if (!run.exec(u"SELECT id, result FROM runs WHERE kind = 'analysis' ORDER BY id DESC "
                  "LIMIT 1"_s) ||
        !run.next())
        return std::nullopt;
    const Json result = Json::parse(run.value(1).toString().toStdString(), nullptr, false);
    const bool hasSimilarity =
        result.is_object() && result.contains("similarity") && result["similarity"].is_object();
    return NewestAnalysis{
        run.value(0).toLongLong(),
        QString::fromStdString(hasSimilarity ? result["similarity"].value("embedding_source", "")
                                             : std::string())};
}

bool appendEmbedding(const QByteArray& blob, std::vector<float>* out, std::size_t* dimension) {
    const std::size_t d = static_cast<std::size_t>(blob.size()) / sizeof(float);
    if (d == 0 || (*dimension != 0 && d != *dimension))
        return false;
    *dimension = d;
    const std::size_t at = out->size();
    out->resize(at + d);
    std::memcpy(out->data() + at, blob.constData(), d * sizeof(float));
    return true;
}

Status runNeighbourLayout(Project& project, const analysis::LayoutParams& params,
                          const analysis::Progress& progress) {
    try {
        QSqlDatabase db = project.connection();
        const std::optional<NewestAnalysis> newest = newestAnalysis(project);
        if (!newest)
            return Status::failure(u"no analysis yet: run the analyses first"_s);
        const qint64 runId = newest->runId;
        const QString source = newest->embeddingSource;
        if (source.isEmpty())
            return Status::failure(u"the newest analysis has no embeddings; run it again"_s);
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(u"SELECT g.sample_id, g.map_x, g.map_y, e.vector FROM sample_scores g "
                  "LEFT JOIN embeddings e ON e.sample_id = g.sample_id AND e.source = ? "
                  "WHERE g.run_id = ? AND g.map_x IS NOT NULL ORDER BY g.sample_id"_s);
        q.addBindValue(source);
        q.addBindValue(runId);
        if (!q.exec())
            return Status::failure(q.lastError().text());
        std::vector<qint64> ids;
        std::vector<float> vectors;
        std::vector<float> start;
        std::size_t dimension = 0;
        while (q.next()) {
            if (!appendEmbedding(q.value(3).toByteArray(), &vectors, &dimension))
                return Status::failure(u"the embeddings \"%1\" of the newest analysis are "
                                       "missing or changed; run the analyses again"_s.arg(source));
            ids.push_back(q.value(0).toLongLong());
            start.push_back(static_cast<float>(q.value(1).toDouble()));
            start.push_back(static_cast<float>(q.value(2).toDouble()));
        }
        if (ids.empty())
            return Status::failure(u"the newest analysis has no map; run it again"_s);
        const auto n = static_cast<Eigen::Index>(ids.size());
        analysis::RowMatrixXf x = Eigen::Map<const analysis::RowMatrixXf>(
            vectors.data(), n, static_cast<Eigen::Index>(dimension));
        analysis::normalizeRows(x);
        const analysis::RowMatrixXf initial =
            Eigen::Map<const analysis::RowMatrixXf>(start.data(), n, 2);
        const analysis::RowMatrixXf y =
            analysis::neighbourLayout(x, initial, params, progress.sub(0.0, 0.95));
        Transaction tx(db);
        if (!tx.beginStatus())
            return tx.beginStatus();
        QSqlQuery up(db);
        up.prepare(u"UPDATE sample_scores SET layout_x = ?, layout_y = ? WHERE run_id = ? AND "
                   "sample_id = ?"_s);
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const auto r = static_cast<Eigen::Index>(i);
            if (Status s = execPrepared(up, {static_cast<double>(y(r, 0)),
                                             static_cast<double>(y(r, 1)), runId, ids[i]});
                !s)
                return s;
        }
        progress.report(1.0, "saving");
        return tx.commit();
    } catch (const analysis::Cancelled&) {
        return Status::failure(u"layout cancelled; the previous map is kept"_s);
    } catch (const std::exception& e) {
        return Status::failure(u"layout failed: %1"_s.arg(QString::fromStdString(e.what())));
    }
}

} // namespace synthscope::model
