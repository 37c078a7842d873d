#include "model/Analyzer.h"

#include "model/AnalysisRecord.h"

#include "model/Json.h"
#include "model/RawInsert.h"
#include "model/Sources.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <QSqlError>
#include <QSqlQuery>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

namespace {
/// The translation context of this file's messages (lupdate reads the macro).
struct AnalyzerText {
    Q_DECLARE_TR_FUNCTIONS(synthscope::model::Analyzer)
};
} // namespace

namespace {

struct LoadedCorpus {
    qint64 id = 0;
    QString name;
    Role role = Role::Real;
    std::vector<qint64> sampleIds;
    std::vector<std::string> texts;
    std::vector<std::string> labels;
    bool anyLabel = false;
    /// Imported duplicate-cluster ids ("" for none); empty when no sample has one.
    std::vector<std::string> duplicateClusters;
    std::vector<analysis::IndexedPair> pairs; ///< preference pairs, by index into texts
};

Status load(QSqlDatabase& db, AnalysisView view, std::vector<LoadedCorpus>* corpora,
            const analysis::Progress& progress) {
    const QString column = viewColumn(view);
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
        if (n.exec(u"SELECT count(*) FROM samples WHERE %1 IS NOT NULL"_s.arg(column)) && n.next())
            total = n.value(0).toLongLong();
    }
    qint64 seen = 0;
    for (LoadedCorpus& c : *corpora) {
        bool anyCluster = false;
        QSqlQuery s(db);
        s.setForwardOnly(true);
        s.prepare(u"SELECT id, %1, label, duplicate_cluster FROM samples WHERE corpus_id = ? "
                  "AND %1 IS NOT NULL ORDER BY id"_s.arg(column));
        s.addBindValue(c.id);
        if (!s.exec())
            return Status::failure(s.lastError().text());
        while (s.next()) {
            c.sampleIds.push_back(s.value(0).toLongLong());
            c.texts.push_back(s.value(1).toString().toStdString());
            c.labels.push_back(s.value(2).toString().toStdString());
            c.anyLabel = c.anyLabel || !c.labels.back().empty();
            c.duplicateClusters.push_back(s.value(3).toString().toStdString());
            anyCluster = anyCluster || !c.duplicateClusters.back().empty();
            if (++seen % 8192 == 0)
                progress.report(static_cast<double>(seen) /
                                    static_cast<double>(std::max<qint64>(total, 1)),
                                "loading");
        }
        if (!c.anyLabel)
            c.labels = {};
        if (!anyCluster)
            c.duplicateClusters = {};
        // Its preference pairs, as indices into the samples just read (ordered by id).
        QSqlQuery p(db);
        p.setForwardOnly(true);
        p.prepare(u"SELECT p.first_sample, p.second_sample, p.prefer_second FROM "
                  "preference_pairs p JOIN samples s ON s.id = p.first_sample WHERE "
                  "s.corpus_id = ? ORDER BY p.first_sample"_s);
        p.addBindValue(c.id);
        if (!p.exec())
            return Status::failure(p.lastError().text());
        const auto indexOf = [&c](qint64 id) {
            const auto it = std::lower_bound(c.sampleIds.begin(), c.sampleIds.end(), id);
            return it != c.sampleIds.end() && *it == id
                       ? std::optional<std::uint32_t>(
                             static_cast<std::uint32_t>(it - c.sampleIds.begin()))
                       : std::nullopt;
        };
        while (p.next()) {
            const auto first = indexOf(p.value(0).toLongLong());
            const auto second = indexOf(p.value(1).toLongLong());
            if (!first || !second)
                continue; // a pair across corpora (a damaged file): not this corpus's
            const double verdict = p.value(2).isNull()
                                       ? std::numeric_limits<double>::quiet_NaN()
                                       : std::clamp(p.value(2).toDouble(), 0.0, 1.0);
            c.pairs.push_back({*first, *second, verdict});
        }
    }
    // A corpus without prompts (or responses) has no part in that view's comparison.
    if (view != AnalysisView::All)
        std::erase_if(*corpora, [](const LoadedCorpus& c) { return c.sampleIds.empty(); });
    return {};
}

// The word list of the OOV rate: $SYNTHSCOPE_LEXICON, else Debian's wamerican list (one word
// per line), read once per process; null when neither can be read.
std::shared_ptr<const analysis::Lexicon> defaultLexicon() {
    static const std::shared_ptr<const analysis::Lexicon> lexicon =
        []() -> std::shared_ptr<const analysis::Lexicon> {
        const QString path = qEnvironmentVariableIsSet("SYNTHSCOPE_LEXICON")
                                 ? qEnvironmentVariable("SYNTHSCOPE_LEXICON")
                                 : u"/usr/share/dict/american-english"_s;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            return nullptr;
        std::vector<std::string> words;
        while (!file.atEnd())
            if (const QByteArray line = file.readLine().trimmed(); !line.isEmpty())
                words.push_back(line.toStdString());
        return std::make_shared<const analysis::Lexicon>(analysis::buildLexicon(words));
    }();
    return lexicon;
}

// The lexicon an analysis with params uses: its own, else the default.
std::shared_ptr<const analysis::Lexicon> lexiconOf(const analysis::AnalysisParams& params) {
    return params.lexicon ? params.lexicon : defaultLexicon();
}

Json paramsJson(const analysis::AnalysisParams& params) {
    const analysis::SimilarityParams& sp = params.similarity;
    return {{"tokenizer", "synthscope-words-v2 (ICU UAX #29, NFKC_Casefold)"},
            {"oov_lexicon_words", lexiconOf(params) ? lexiconOf(params)->size() : 0},
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
              {"exact_neighbour_pairs", sp.hnsw.exactPairs},
              {"hnsw_m", sp.hnsw.m},
              {"hnsw_ef_construction", sp.hnsw.efConstruction},
              {"hnsw_ef_search", sp.hnsw.efSearch},
              {"hnsw_dot_kernel", analysis::dotKernelName(sp.hnsw.kernel)},
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
                    AnalyzerText::tr("sample %1 has no embedding from \"%2\"; compute or "
                                     "import embeddings for every sample first")
                        .arg(QString::number(id), name));
            if (!appendEmbedding(q.value(0).toByteArray(), out, dimension))
                return Status::failure(
                    AnalyzerText::tr("embeddings from \"%1\" have differing dimensions").arg(name));
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
        if (Status s = execPrepared(
                cl, {runId, static_cast<qint64>(c), static_cast<qint64>(k.size),
                     static_cast<qint64>(k.real), static_cast<qint64>(k.synthetic),
                     nonNull(terms.join(u", "_s)),
                     QString::fromLatin1(analysis::clusterFlagName(k.flag)), k.meanNnSimilarity});
            !s)
            return s;
    }
    RawInsert nb(db, "INSERT INTO neighbours (run_id, sample_id, rank, neighbour_id, similarity) "
                     "VALUES (?, ?, ?, ?, ?)");
    if (!nb.error().isEmpty())
        return Status::failure(nb.error());
    for (std::size_t i = 0; i < sim.realNeighbours.size(); ++i) {
        const auto& list = sim.realNeighbours[i];
        for (std::size_t r = 0; r < list.size(); ++r) {
            nb.integer(1, runId);
            nb.integer(2, sampleIds[i]);
            nb.integer(3, static_cast<qint64>(r));
            nb.integer(4, sampleIds[list[r].index]);
            nb.real(5, static_cast<double>(list[r].cosine));
            if (Status s = nb.run(); !s)
                return s;
        }
    }
    if (const QString source = QString::fromStdString(sim.embeddingSource);
        isBuiltInEmbeddingSource(source)) {
        QSqlQuery clear(db);
        clear.prepare(u"DELETE FROM embeddings WHERE source = ?"_s);
        if (Status s = execPrepared(clear, {source}); !s)
            return s;
        RawInsert emb(db, "INSERT INTO embeddings (sample_id, source, vector) VALUES (?, ?, ?)");
        if (!emb.error().isEmpty())
            return Status::failure(emb.error());
        const std::string sourceUtf8 = sim.embeddingSource;
        const auto bytes = static_cast<std::size_t>(sim.embeddings.cols()) * sizeof(float);
        for (std::size_t d = 0; d < sampleIds.size(); ++d) {
            if (d % 8192 == 0)
                progress.report(static_cast<double>(d) / static_cast<double>(sampleIds.size()),
                                "saving embeddings");
            emb.integer(1, sampleIds[d]);
            emb.text(2, sourceUtf8);
            emb.blob(3, sim.embeddings.row(static_cast<Eigen::Index>(d)).data(), bytes);
            if (Status s = emb.run(); !s)
                return s;
        }
    }
    return {};
}

} // namespace

namespace {

Status analyzeAndStore(Project& project, AnalysisView view, const analysis::AnalysisParams& params,
                       const analysis::Progress& progress, qint64* runId);

} // namespace

Status runAnalysis(Project& project, const analysis::AnalysisParams& params,
                   const analysis::Progress& progress, qint64* runId) {
    return runAnalysis(project, project.view(), params, progress, runId);
}

Status runAnalysis(Project& project, AnalysisView view, const analysis::AnalysisParams& params,
                   const analysis::Progress& progress, qint64* runId) {
    try {
        return analyzeAndStore(project, view, params, progress, runId);
    } catch (const analysis::Cancelled&) {
        return Status::failure(
            AnalyzerText::tr("analysis cancelled; the previous results are kept"));
    } catch (const std::exception& e) {
        return Status::failure(
            AnalyzerText::tr("analysis failed: %1").arg(QString::fromStdString(e.what())));
    }
}

namespace {

// Runs the analyses over the loaded corpora, with the stored embeddings of
// params.similarity.embeddingSource when it is not the built-in one.
Status runAnalyses(QSqlDatabase& db, const std::vector<LoadedCorpus>& corpora,
                   const analysis::AnalysisParams& params, const analysis::Progress& progress,
                   analysis::AnalysisResult* out) {
    std::vector<analysis::CorpusInput> inputs;
    for (const LoadedCorpus& c : corpora)
        inputs.push_back(
            {c.role == Role::Synthetic, c.texts, c.labels, c.pairs, c.duplicateClusters});
    analysis::AnalysisParams effective = params;
    effective.lexicon = lexiconOf(params);
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
    *out = analysis::analyzeCorpora(inputs, effective, progress);
    return {};
}

// Writes one run in one transaction: the encoded record (runs, metrics), the concentration
// on sources, and the per-sample rows only the newest run keeps.
Status writeRun(QSqlDatabase& db, AnalysisView view, const std::vector<LoadedCorpus>& corpora,
                const std::vector<AnalysedCorpus>& analysed, const analysis::AnalysisResult& result,
                const EncodedAnalysis& encoded, const analysis::AnalysisParams& params,
                const QString& started, const analysis::Progress& progress, qint64* runId) {
    const analysis::SimilarityResult* sim = result.similarity ? &*result.similarity : nullptr;
    std::vector<qint64> sampleIds; // document index (corpora in order) → sample id
    for (const LoadedCorpus& c : corpora)
        sampleIds.insert(sampleIds.end(), c.sampleIds.begin(), c.sampleIds.end());
    progress.report(0.92, "saving");
    Transaction tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    qint64 id = 0;
    Json stored = paramsJson(params);
    if (sim != nullptr) {
        std::size_t importedIds = 0;
        for (const analysis::CorpusSimilarity& c : sim->corpora)
            importedIds += c.importedClusterIds;
        stored["similarity"]["imported_duplicate_cluster_ids"] = importedIds;
    }
    if (Status s = writeAnalysisRun(db, encoded, stored, started, analysed, view, &id); !s)
        return s;

    // Which generators, template versions and judge versions wrote the synthetic side.
    QList<qint64> syntheticIds;
    for (const LoadedCorpus& c : corpora)
        if (c.role == Role::Synthetic)
            syntheticIds << c.id;
    if (Status s = storeSourceConcentration(db, id, syntheticIds); !s)
        return s;

    // Only the newest run of each view keeps per-sample rows.
    for (const QString& table : {u"neighbours"_s, u"skeleton_groups"_s, u"sample_scores"_s,
                                 u"duplicate_groups"_s, u"clusters"_s}) {
        QSqlQuery clear(db);
        clear.prepare(u"DELETE FROM %1 WHERE run_id IN (SELECT id FROM runs WHERE view = ? "
                      "AND id <> ?)"_s.arg(table));
        if (Status s = execPrepared(clear, {viewName(view), id}); !s)
            return s;
    }
    QSqlQuery group(db);
    group.prepare(u"INSERT INTO skeleton_groups (run_id, group_id, pattern, size, real, synthetic, "
                  "mould) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    std::vector<bool> isSynthetic;
    for (const LoadedCorpus& c : corpora)
        isSynthetic.insert(isSynthetic.end(), c.sampleIds.size(), c.role == Role::Synthetic);
    for (std::size_t gi = 0; gi < result.templates.groups.size(); ++gi) {
        const auto& g = result.templates.groups[gi];
        qint64 synthetic = 0;
        for (auto d : g.members)
            synthetic += isSynthetic[d] ? 1 : 0;
        const auto size = static_cast<qint64>(g.members.size());
        if (Status s =
                execPrepared(group, {id, static_cast<qint64>(gi), QString::fromStdString(g.pattern),
                                     size, size - synthetic, synthetic, g.mould ? 1 : 0});
            !s)
            return s;
    }
    if (sim != nullptr)
        if (Status s = storeSimilarity(db, id, *sim, sampleIds, progress.sub(0.93, 0.99)); !s)
            return s;
    RawInsert score(db,
                    "INSERT INTO sample_scores (run_id, sample_id, skeleton_group, "
                    "perplexity, duplicate_group, cluster, nn_own, nn_other, "
                    "synthetic_likeness, map_x, map_y) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!score.error().isEmpty())
        return Status::failure(score.error());
    const auto real = [&](int at, double v) { // NaN: not measured, NULL
        if (std::isnan(v))
            score.null(at);
        else
            score.real(at, v);
    };
    for (std::size_t d = 0; d < sampleIds.size(); ++d) {
        const bool grouped =
            d < result.templates.groupOf.size() && result.templates.groupOf[d] != UINT32_MAX;
        score.integer(1, id);
        score.integer(2, sampleIds[d]);
        if (grouped)
            score.integer(3, static_cast<qint64>(result.templates.groupOf[d]));
        real(4, d < result.perplexity.size() ? result.perplexity[d]
                                             : std::numeric_limits<double>::quiet_NaN());
        if (sim != nullptr) { // else columns 5 to 11 stay NULL
            if (const std::uint32_t dup = sim->duplicateGroupOf[d]; dup != UINT32_MAX)
                score.integer(5, static_cast<qint64>(dup));
            score.integer(6, static_cast<qint64>(sim->cluster[d]));
            real(7, sim->nnOwn[d]);
            real(8, sim->nnOther[d]);
            real(9, sim->syntheticLikeness[d]);
            score.real(10, static_cast<double>(sim->layout(static_cast<Eigen::Index>(d), 0)));
            score.real(11, static_cast<double>(sim->layout(static_cast<Eigen::Index>(d), 1)));
        }
        if (Status s = score.run(); !s)
            return s;
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

Status analyzeAndStore(Project& project, AnalysisView view, const analysis::AnalysisParams& params,
                       const analysis::Progress& progress, qint64* runId) {
    const QString started = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QSqlDatabase db = project.connection();
    std::vector<LoadedCorpus> corpora;
    if (Status s = load(db, view, &corpora, progress.sub(0.0, 0.15)); !s)
        return s;
    if (corpora.empty() && view != AnalysisView::All)
        return Status::failure(
            AnalyzerText::tr(
                "no corpus has %1: import conversations, or a text with its role (prompt or "
                "response)")
                .arg(viewName(view)));
    if (corpora.empty())
        return Status::failure(
            AnalyzerText::tr("the project has no corpora to analyse; import one first"));
    analysis::AnalysisParams viewParams = params;
    if (const QString source = QString::fromStdString(params.similarity.embeddingSource);
        source != QLatin1StringView(kBuiltInEmbedding) && isBuiltInEmbeddingSource(source))
        return Status::failure(
            AnalyzerText::tr(
                "\"%1\" are the built-in embeddings of another view; they are not chosen by name")
                .arg(source));
    if (view != AnalysisView::All) // an imported source embeds the whole text, not this part
        viewParams.similarity.embeddingSource = kBuiltInEmbedding;
    analysis::AnalysisResult result;
    if (Status s = runAnalyses(db, corpora, viewParams, progress.sub(0.15, 0.9), &result); !s)
        return s;
    if (result.similarity && result.similarity->embeddingSource == kBuiltInEmbedding)
        result.similarity->embeddingSource = builtInEmbeddingSource(view).toStdString();
    std::vector<AnalysedCorpus> analysed;
    for (const LoadedCorpus& c : corpora)
        analysed.push_back({c.id, c.name, c.role, c.sampleIds});
    const EncodedAnalysis encoded = encodeAnalysis(result, analysed);
    return writeRun(db, view, corpora, analysed, result, encoded, viewParams, started, progress,
                    runId);
}

} // namespace

QString builtInEmbeddingSource(AnalysisView view) {
    const QString base = QString::fromLatin1(kBuiltInEmbedding);
    return view == AnalysisView::All ? base : base + u':' + viewName(view);
}

bool isBuiltInEmbeddingSource(const QString& source) {
    for (AnalysisView v : {AnalysisView::All, AnalysisView::Prompts, AnalysisView::Responses})
        if (source == builtInEmbeddingSource(v))
            return true;
    return false;
}

std::optional<NewestAnalysis> newestAnalysis(Project& project) {
    QSqlQuery run(project.connection());
    if (!run.exec(u"SELECT id, embedding_source FROM runs WHERE id = "_s + kNewestAnalysisRun) ||
        !run.next())
        return std::nullopt;
    return NewestAnalysis{run.value(0).toLongLong(), run.value(1).toString()};
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

namespace {
// The project_info key of run's layout source: {"run": <run id>, "fields": [x, y]} when its
// layout was imported; absent for the neighbour layout. Per run, as layouts are (each view
// has its own newest run).
QString layoutSourceKey(qint64 runId) {
    return u"layout_source:"_s + QString::number(runId);
}

using LayoutPoint = std::pair<qint64, std::array<double, 2>>; // sample id, (x, y)

// Writes run's layout (layout_x, layout_y) and what it came from (source: the
// layoutSourceKey value; null for the neighbour layout) in one transaction.
Status storeLayout(Project& project, qint64 runId, const std::vector<LayoutPoint>& points,
                   const QString& source, const analysis::Progress& progress) {
    QSqlDatabase db = project.connection();
    Transaction tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    QSqlQuery up(db);
    up.prepare(u"UPDATE sample_scores SET layout_x = ?, layout_y = ? WHERE run_id = ? AND "
               "sample_id = ?"_s);
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (i % 4096 == 0)
            progress.report(static_cast<double>(i) / static_cast<double>(points.size()), "saving");
        if (Status s = execPrepared(
                up, {points[i].second[0], points[i].second[1], runId, points[i].first});
            !s)
            return s;
    }
    if (Status s = setProjectInfo(project, layoutSourceKey(runId), source); !s)
        return s;
    progress.report(1.0, "saving"); // last chance to cancel; the commit below is final
    return tx.commit();
}
} // namespace

Status runNeighbourLayout(Project& project, const analysis::LayoutParams& params,
                          const analysis::Progress& progress) {
    try {
        QSqlDatabase db = project.connection();
        const std::optional<NewestAnalysis> newest = newestAnalysis(project);
        if (!newest)
            return Status::failure(AnalyzerText::tr("no analysis yet: run the analyses first"));
        const qint64 runId = newest->runId;
        const QString source = newest->embeddingSource;
        if (source.isEmpty())
            return Status::failure(
                AnalyzerText::tr("the newest analysis has no embeddings; run it again"));
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
                return Status::failure(
                    AnalyzerText::tr("the embeddings \"%1\" of the newest analysis are "
                                     "missing or changed; run the analyses again")
                        .arg(source));
            ids.push_back(q.value(0).toLongLong());
            start.push_back(static_cast<float>(q.value(1).toDouble()));
            start.push_back(static_cast<float>(q.value(2).toDouble()));
        }
        if (ids.empty())
            return Status::failure(
                AnalyzerText::tr("the newest analysis has no map; run it again"));
        const auto n = static_cast<Eigen::Index>(ids.size());
        analysis::RowMatrixXf x = Eigen::Map<const analysis::RowMatrixXf>(
            vectors.data(), n, static_cast<Eigen::Index>(dimension));
        analysis::normalizeRows(x);
        const analysis::RowMatrixXf initial =
            Eigen::Map<const analysis::RowMatrixXf>(start.data(), n, 2);
        const analysis::RowMatrixXf y =
            analysis::neighbourLayout(x, initial, params, progress.sub(0.0, 0.95));
        std::vector<LayoutPoint> points(ids.size());
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const auto r = static_cast<Eigen::Index>(i);
            points[i] = {ids[i], {static_cast<double>(y(r, 0)), static_cast<double>(y(r, 1))}};
        }
        return storeLayout(project, runId, points, QString(), progress.sub(0.95, 1.0));
    } catch (const analysis::Cancelled&) {
        return Status::failure(AnalyzerText::tr("layout cancelled; the previous map is kept"));
    } catch (const std::exception& e) {
        return Status::failure(
            AnalyzerText::tr("layout failed: %1").arg(QString::fromStdString(e.what())));
    }
}

Status importLayoutFromFields(Project& project, const QString& xField, const QString& yField,
                              const analysis::Progress& progress) {
    try {
        QSqlDatabase db = project.connection();
        const std::optional<NewestAnalysis> newest = newestAnalysis(project);
        if (!newest)
            return Status::failure(AnalyzerText::tr("no analysis yet: run the analyses first"));
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(u"SELECT g.sample_id, c.name, s.source_file, s.source_line, s.original FROM "
                  "sample_scores g JOIN samples s ON s.id = g.sample_id JOIN corpora c ON c.id = "
                  "s.corpus_id WHERE g.run_id = ? AND g.map_x IS NOT NULL ORDER BY g.sample_id"_s);
        q.addBindValue(newest->runId);
        if (!q.exec())
            return Status::failure(q.lastError().text());
        const std::string keys[2] = {xField.toStdString(), yField.toStdString()};
        std::vector<LayoutPoint> points;
        while (q.next()) {
            if (points.size() % 4096 == 0)
                progress.report(0.0, "reading coordinates");
            const QString where =
                AnalyzerText::tr("sample %1 (%2, %3 line %4)")
                    .arg(q.value(0).toString(), q.value(1).toString(),
                         QFileInfo(q.value(2).toString()).fileName(), q.value(3).toString());
            Json record;
            try {
                record = Json::parse(q.value(4).toString().toStdString());
            } catch (const std::exception&) {
                return Status::failure(AnalyzerText::tr("%1 is not a JSON record; coordinates "
                                                        "from fields need JSON Lines or JSON "
                                                        "array imports")
                                           .arg(where));
            }
            std::array<double, 2> xy{};
            for (int k = 0; k < 2; ++k) {
                const Json* v =
                    record.is_object() && record.contains(keys[k]) ? &record[keys[k]] : nullptr;
                bool ok = v != nullptr && v->is_number();
                if (ok)
                    xy[k] = v->get<double>();
                else if (v != nullptr && v->is_string())
                    xy[k] = QString::fromStdString(v->get<std::string>()).toDouble(&ok);
                if (!ok || !std::isfinite(xy[k]))
                    return Status::failure(AnalyzerText::tr("%1 has no number in \"%2\"")
                                               .arg(where, QString::fromStdString(keys[k])));
            }
            points.emplace_back(q.value(0).toLongLong(), xy);
        }
        if (points.empty())
            return Status::failure(
                AnalyzerText::tr("the newest analysis has no map; run it again"));
        const Json source = {{"run", newest->runId},
                             {"fields", {xField.toStdString(), yField.toStdString()}}};
        return storeLayout(project, newest->runId, points, QString::fromStdString(source.dump()),
                           progress.sub(0.5, 1.0));
    } catch (const analysis::Cancelled&) {
        return Status::failure(AnalyzerText::tr("layout cancelled; the previous map is kept"));
    }
}

QString layoutName(Project& project) {
    const std::optional<NewestAnalysis> newest = newestAnalysis(project);
    if (!newest)
        return {};
    const std::optional<QString> stored = projectInfo(project, layoutSourceKey(newest->runId));
    if (!stored)
        return {};
    try {
        const Json j = Json::parse(stored->toStdString());
        if (j.value("run", qint64{0}) != newest->runId || !j.contains("fields") ||
            !j["fields"].is_array() || j["fields"].size() != 2)
            return {}; // imported for an older run: that run's map is not shown
        return QString::fromStdString(j["fields"][0].get<std::string>()) + u", "_s +
               QString::fromStdString(j["fields"][1].get<std::string>());
    } catch (const std::exception&) {
        return {};
    }
}

} // namespace synthscope::model
