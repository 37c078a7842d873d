#include "TestSupport.h"

#include "model/AnalysisRecord.h"
#include "model/Analyzer.h"
#include "model/MetricCatalog.h"
#include "model/ProjectStore.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

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
    const std::set<std::string> allowed = {
        "tokens",          "exact_duplicates",         "labelled_samples",
        "near_duplicates", "ks_length_tokens_p_value", "detectability_auc_std",
        "vs_real_budget",  "cross_near_duplicates"};
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
