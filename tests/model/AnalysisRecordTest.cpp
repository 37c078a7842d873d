#include "TestSupport.h"

#include "analysis/MetricKeys.h"
#include "model/AnalysisRecord.h"
#include "model/Analyzer.h"
#include "model/MetricCatalog.h"
#include "model/ProjectStore.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

using namespace synthscope;
using namespace synthscope::model;

namespace {

// Four real and three synthetic samples, analysed with the defaults.
std::shared_ptr<Project> analysedRecordProject(const QTemporaryDir& dir) {
    auto p = test::newProject(dir);
    test::importFile(*p, QStringLiteral("r"), Role::Real,
                     test::writeFile(dir, QStringLiteral("r.jsonl"),
                                     "{\"text\":\"the cat sat on the mat\"}\n"
                                     "{\"text\":\"a dog ran in the park\"}\n"
                                     "{\"text\":\"rain again today\"}\n"
                                     "{\"text\":\"where is my parcel\"}\n"),
                     "text");
    test::importFile(*p, QStringLiteral("s"), Role::Synthetic,
                     test::writeFile(dir, QStringLiteral("s.jsonl"),
                                     "{\"text\":\"I understand how the cat feels\"}\n"
                                     "{\"text\":\"I understand how the dog feels\"}\n"
                                     "{\"text\":\"I understand how the parcel feels\"}\n"),
                     "text");
    qint64 run = 0;
    EXPECT_TRUE(runAnalysis(*p, {}, {}, &run).ok());
    return p;
}

Json storedResult(Project& p, int* format, QString* source) {
    QSqlQuery q(p.connection());
    EXPECT_TRUE(q.exec(QStringLiteral("SELECT result, result_format, embedding_source FROM runs "
                                      "WHERE kind = 'analysis' ORDER BY id DESC LIMIT 1")) &&
                q.next());
    *format = q.value(1).toInt();
    *source = q.value(2).toString();
    return Json::parse(q.value(0).toString().toStdString());
}

} // namespace

TEST(AnalysisRecord, NumbersAreStoredOnlyAsMetricsRowsTheCatalogNames) {
    QTemporaryDir dir;
    auto p = analysedRecordProject(dir);
    int format = 0;
    QString source;
    const Json blob = storedResult(*p, &format, &source);
    EXPECT_EQ(format, kResultFormat);
    EXPECT_EQ(blob.value("format", 0), kResultFormat);
    // Format 1 kept every number twice: under corpora[].metrics and real_vs_synthetic.
    ASSERT_EQ(blob["corpora"].size(), 2u);
    for (const Json& c : blob["corpora"])
        EXPECT_FALSE(c.contains("metrics")) << c.dump();
    EXPECT_FALSE(blob.contains("real_vs_synthetic"));
    EXPECT_TRUE(blob.contains("length_histogram"));
    // The embedding source is a column, read without the blob.
    EXPECT_FALSE(blob["similarity"].contains("embedding_source"));
    EXPECT_EQ(source, QString::fromLatin1(kBuiltInEmbedding));
    const auto newest = newestAnalysis(*p);
    ASSERT_TRUE(newest);
    EXPECT_EQ(newest->embeddingSource, QString::fromLatin1(kBuiltInEmbedding));

    // Every stored name is described by the catalog, except these counts and spreads that
    // only summary --json shows (a renamed key on either side would land here).
    std::vector<MetricRow> rows;
    QSqlDatabase db = p->connection();
    ASSERT_TRUE(readMetricRows(db, newest->runId, &rows).ok());
    ASSERT_GT(rows.size(), 40u);
    std::set<std::string> uncatalogued;
    for (const MetricRow& r : rows)
        if (findMetric(QString::fromStdString(r.name)) == nullptr)
            uncatalogued.insert(r.name);
    std::set<std::string> allowed = {
        "tokens",          "exact_duplicates",         "labelled_samples",
        "near_duplicates", "ks_length_tokens_p_value", "detectability_auc_std",
        "vs_real_budget",  "cross_near_duplicates",    "imported_duplicate_cluster_ids"};
    allowed.insert(std::begin(analysis::key::kRunKeys), std::end(analysis::key::kRunKeys));
    for (const std::string& name : uncatalogued)
        EXPECT_TRUE(allowed.contains(name)) << name << " is stored but not in the catalog";
    // distinct-1 of the real corpus: 6 + 6 + 3 + 4 = 19 tokens, 17 types ("the" three times).
    bool found = false;
    for (const MetricRow& r : rows)
        if (r.corpusId == 1 && r.name == "distinct_1") {
            found = true;
            EXPECT_NEAR(r.value, 17.0 / 19.0, 1e-12);
        }
    EXPECT_TRUE(found);
}

TEST(AnalysisRecord, ViewsAndSummaryReadTheNumbersFromTheMetricsTable) {
    QTemporaryDir dir;
    auto p = analysedRecordProject(dir);
    QSqlQuery q(p->connection());
    ASSERT_TRUE(q.exec(QStringLiteral(
        "UPDATE metrics SET value = 0.123 WHERE corpus_id = 1 AND name = 'distinct_1'")));
    ASSERT_EQ(q.numRowsAffected(), 1);
    ASSERT_TRUE(q.exec(QStringLiteral(
        "UPDATE metrics SET value = 1.0 WHERE corpus_id = 2 AND name = 'distinct_1'")));
    ASSERT_EQ(q.numRowsAffected(), 1);
    ASSERT_TRUE(q.exec(QStringLiteral("UPDATE metrics SET value = 0.456 WHERE corpus_id IS NULL "
                                      "AND name = 'js_divergence_unigram'")));
    ASSERT_EQ(q.numRowsAffected(), 1);

    ProjectStore store(*p);
    const auto a = store.latestAnalysis();
    ASSERT_TRUE(a);
    ASSERT_TRUE(a->damaged.isEmpty()) << a->damaged.toStdString();
    ASSERT_EQ(a->corpora.size(), 2u);
    EXPECT_DOUBLE_EQ(a->corpora[0].values.value(QStringLiteral("distinct_1")), 0.123);
    EXPECT_DOUBLE_EQ(a->corpora[0].values.value(QStringLiteral("samples")), 4.0);
    EXPECT_DOUBLE_EQ(a->comparison.value(QStringLiteral("js_divergence_unigram")), 0.456);
    EXPECT_TRUE(a->hasComparison);
    ASSERT_TRUE(a->similarity);
    EXPECT_EQ(a->similarity->embeddingSource, QString::fromLatin1(kBuiltInEmbedding));
    // Source-concentration rows are not part of the real-vs-synthetic comparison.
    for (auto it = a->comparison.cbegin(); it != a->comparison.cend(); ++it)
        EXPECT_FALSE(it.key().startsWith(QStringLiteral("source_"))) << it.key().toStdString();

    const Json summary = store.summaryJson();
    EXPECT_DOUBLE_EQ(summary["corpora"][0]["metrics"]["distinct_1"].get<double>(), 0.123);
    EXPECT_TRUE(summary["corpora"][0]["metrics"]["samples"].is_number_integer());
    EXPECT_EQ(summary["corpora"][0]["metrics"]["samples"].get<int>(), 4);
    EXPECT_DOUBLE_EQ(summary["real_vs_synthetic"]["js_divergence_unigram"].get<double>(), 0.456);
    // A share that happens to be whole stays a real number; counts are integers.
    EXPECT_TRUE(summary["corpora"][1]["metrics"]["distinct_1"].is_number_float());
    EXPECT_TRUE(summary["analysis"]["diversity_token_budget"].is_number_integer());
    EXPECT_GT(summary["analysis"]["diversity_token_budget"].get<int>(), 0);
    EXPECT_FALSE(summary["real_vs_synthetic"].contains("diversity_token_budget"));
    // Similarity facts from columns, params and tables, not from the blob.
    EXPECT_GT(summary["similarity"]["embedding_dimension"].get<int>(), 0);
    EXPECT_DOUBLE_EQ(summary["similarity"]["nn_similarity_threshold"].get<double>(),
                     analysis::SimilarityParams{}.nnThreshold);
    EXPECT_EQ(summary["similarity"]["clusters"].size(), store.clusters().size());
    EXPECT_EQ(summary["similarity"]["embedding_source"], kBuiltInEmbedding);
}

TEST(AnalysisRecord, ClusterFlagNamesRoundTrip) {
    using analysis::ClusterFlag;
    for (ClusterFlag f : {ClusterFlag::None, ClusterFlag::SyntheticOnly, ClusterFlag::RealOnly})
        EXPECT_EQ(analysis::parseClusterFlag(analysis::clusterFlagName(f)), f);
    EXPECT_STREQ(analysis::clusterFlagName(ClusterFlag::SyntheticOnly), "synthetic only");
    EXPECT_STREQ(analysis::clusterFlagName(ClusterFlag::RealOnly), "real only");
    EXPECT_EQ(analysis::parseClusterFlag("Synthetic only"), ClusterFlag::None);
}

TEST(AnalysisRecord, AResultOfANewerFormatIsRefusedNotMisread) {
    QTemporaryDir dir;
    auto p = analysedRecordProject(dir);
    QSqlQuery q(p->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("UPDATE runs SET result_format = %1 WHERE kind = 'analysis'")
                           .arg(kResultFormat + 1)));
    const auto a = ProjectStore(*p).latestAnalysis();
    ASSERT_TRUE(a);
    EXPECT_TRUE(a->damaged.contains(QStringLiteral("newer Synthscope")))
        << a->damaged.toStdString();
    EXPECT_TRUE(a->corpora.empty());
}

namespace {

// Deterministic sentences: word i of text t from a small vocabulary, lengths 4 to 15 tokens.
std::vector<std::string> generatedTexts(std::size_t n, const std::vector<std::string>& vocabulary,
                                        std::uint32_t seed) {
    std::vector<std::string> out;
    std::uint32_t state = seed;
    auto next = [&] { return state = state * 1664525u + 1013904223u; };
    for (std::size_t t = 0; t < n; ++t) {
        std::string text;
        const std::size_t words = 4 + next() % 12;
        for (std::size_t w = 0; w < words; ++w)
            text += (w > 0 ? " " : "") + vocabulary[next() % vocabulary.size()];
        out.push_back(text);
    }
    return out;
}

} // namespace

// Every comparison of a synthetic corpus with the real side, with its spread and null band,
// and every length-controlled value with its spread, survives encode → decode exactly.
TEST(AnalysisRecord, EncodeDecodeKeepsEverySpreadAndNullBand) {
    const std::vector<std::string> wordsReal = {"the",  "cat",  "sat", "mat",    "dog",  "ran",
                                                "park", "rain", "my",  "parcel", "late", "again"};
    const std::vector<std::string> wordsSynthetic = {"i",     "understand", "how", "the", "parcel",
                                                     "feels", "here",       "is",  "a",   "quick",
                                                     "guide", "happy",      "to",  "help"};
    const auto real = generatedTexts(120, wordsReal, 7);
    const auto synthetic = generatedTexts(60, wordsSynthetic, 11);
    const std::vector<analysis::CorpusInput> inputs = {{false, real, {}}, {true, synthetic, {}}};
    analysis::AnalysisParams params;
    params.findSimilarity = false; // the comparisons and lengths do not need embeddings
    const analysis::AnalysisResult result = analysis::analyzeCorpora(inputs, params);
    ASSERT_EQ(result.vsReal.size(), 1u);
    ASSERT_EQ(result.lengthControl.size(), 1u);

    std::vector<AnalysedCorpus> corpora = {{10, QStringLiteral("real"), Role::Real, {}},
                                           {20, QStringLiteral("synthetic"), Role::Synthetic, {}}};
    for (std::size_t i = 0; i < real.size(); ++i)
        corpora[0].sampleIds.push_back(static_cast<qint64>(1000 + i));
    for (std::size_t i = 0; i < synthetic.size(); ++i)
        corpora[1].sampleIds.push_back(static_cast<qint64>(2000 + i));
    const EncodedAnalysis encoded = encodeAnalysis(result, corpora);
    StoredAnalysis a;
    decodeAnalysis(encoded.result, encoded.metrics,
                   {{10, QStringLiteral("real")}, {20, QStringLiteral("synthetic")}}, a);
    ASSERT_EQ(a.corpora.size(), 2u);
    const CorpusMetrics& s = a.corpora[1];
    EXPECT_EQ(s.corpusId, 20);
    EXPECT_EQ(s.vsRealBudget, static_cast<qint64>(result.vsReal[0].budget));
    auto same = [](double x, double y) { return (std::isnan(x) && std::isnan(y)) || x == y; };
    const auto& keys = analysis::comparisonKeys();
    int compared = 0;
    for (std::size_t k = 0; k < keys.size(); ++k) {
        const double mean = result.vsReal[0].value.mean.value(k);
        const QString name = QString::fromLatin1(keys[k]);
        if (!std::isfinite(mean)) {
            EXPECT_FALSE(s.vsReal.contains(name)) << keys[k];
            continue;
        }
        ++compared;
        ASSERT_TRUE(s.vsReal.contains(name)) << keys[k];
        const ComparisonEstimate e = s.vsReal.value(name);
        EXPECT_EQ(e.value, mean) << keys[k];
        EXPECT_TRUE(same(e.sd, result.vsReal[0].value.sd.value(k))) << keys[k];
        EXPECT_TRUE(same(e.nullMean, result.vsReal[0].null.mean.value(k))) << keys[k];
        EXPECT_TRUE(same(e.nullSd, result.vsReal[0].null.sd.value(k))) << keys[k];
    }
    EXPECT_GE(compared, 5); // JS of lengths, unigrams, bigrams, KS, … at least
    EXPECT_TRUE(std::isfinite(s.vsReal.value(QStringLiteral("js_divergence_unigram")).nullSd));

    // Length control: the lift and its spread, stored on the synthetic corpus.
    const analysis::CorpusLengthControl& lc = result.lengthControl[0];
    const auto& measures = analysis::lengthControlledKeys();
    int lifts = 0;
    for (std::size_t k = 0; k < measures.size(); ++k) {
        const std::string lift = std::string(measures[k]) + analysis::key::kLengthLiftSuffix;
        if (!std::isfinite(lc.measures[k].lift))
            continue;
        ++lifts;
        EXPECT_EQ(s.values.value(QString::fromStdString(lift)), lc.measures[k].lift) << lift;
        const auto row =
            std::find_if(encoded.metrics.begin(), encoded.metrics.end(),
                         [&](const MetricRow& r) { return r.corpusId == 20 && r.name == lift; });
        ASSERT_NE(row, encoded.metrics.end()) << lift;
        EXPECT_TRUE(same(row->sd, lc.measures[k].liftSd)) << lift;
    }
    EXPECT_GE(lifts, 1);
    EXPECT_EQ(s.values.value(QString::fromLatin1(analysis::key::kLengthUnmatchedShare)),
              lc.unmatchedShare);

    // The pooled comparison and the corpus profile.
    EXPECT_EQ(a.comparison.value(QString::fromLatin1(analysis::key::kJsUnigram)),
              result.comparison->jsUnigram);
    EXPECT_EQ(a.corpora[0].values.value(QString::fromLatin1(analysis::key::kDistinct2)),
              result.corpora[0].distinct2);
    EXPECT_FALSE(a.comparison.contains(QString::fromLatin1(analysis::key::kVendiSamples)));
    EXPECT_EQ(a.run.value(QString::fromLatin1(analysis::key::kVendiSamples)),
              static_cast<double>(result.vendiSamples));
    // Lists and histograms round-trip through the blob.
    EXPECT_EQ(a.histogramReal.size(),
              static_cast<qsizetype>(result.comparison->lengthHistogram.countsA.size()));
    ASSERT_FALSE(a.skeletonGroups.isEmpty());
    EXPECT_EQ(a.skeletonGroups[0].info.size,
              static_cast<qint64>(result.templates.groups[0].members.size()));
    EXPECT_GE(a.skeletonGroups[0].members.first(), 1000);
}
