#include "TestSupport.h"

#include "model/Analyzer.h"
#include "model/Gate.h"
#include "model/ReviewStore.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace synthscope;
using namespace synthscope::model;

TEST(Gate, DefaultRulesParseAndCoverTheChaptersRedLines) {
    QList<RedLine> rules;
    ASSERT_TRUE(parseRedLines(defaultRedLinesJson(), &rules).ok());
    QStringList metrics;
    for (const auto& r : rules)
        metrics << r.metric;
    for (const char* m :
         {"synthetic_share", "near_duplicate_rate_length_lift", "cross_near_duplicate_rate",
          "nn_similarity_ratio_length_lift", "skeleton_repetition_rate_length_lift",
          "self_repetition_at_budget", "js_divergence_unigram", "detectability_auc", "mauve",
          "coverage_real_by_synthetic", "js_divergence_label", "tag:template feel",
          "perplexity_log_ratio"})
        EXPECT_TRUE(metrics.contains(QString::fromLatin1(m))) << m;
    // Repetition is judged against real text of the same lengths or on equal token budgets,
    // never on a raw rate that short answers inflate.
    for (const char* raw :
         {"near_duplicate_rate", "nn_similarity_ratio", "skeleton_repetition_rate"})
        EXPECT_FALSE(metrics.contains(QString::fromLatin1(raw))) << raw;
    EXPECT_TRUE(
        std::any_of(rules.begin(), rules.end(), [](const RedLine& r) { return r.trendRuns > 0; }));
    // Errors name the rule.
    Status s = parseRedLines(R"({"rules":[{"id":"a","metric":"m","severity":"warn","action":"x",
                                 "op":"<=","threshold":1},{"id":"b","metric":"m","severity":"maybe",
                                 "action":"x","op":"<=","threshold":1}]})",
                             &rules);
    ASSERT_FALSE(s.ok());
    EXPECT_TRUE(s.error().contains(QStringLiteral("rule 2 (b)"))) << s.error().toStdString();
}

TEST(Gate, TagRatesAndTrendsOnHandMadeHistory) {
    QTemporaryDir dir;
    auto project = test::newProject(dir);
    test::importFile(*project, QStringLiteral("real"), Role::Real,
                     test::writeFile(dir, QStringLiteral("r.jsonl"),
                                     "{\"text\":\"a b c\"}\n{\"text\":\"d e f\"}\n"),
                     "text");
    test::importFile(*project, QStringLiteral("syn"), Role::Synthetic,
                     test::writeFile(dir, QStringLiteral("s.jsonl"),
                                     "{\"text\":\"g h i\"}\n{\"text\":\"j k l\"}\n"
                                     "{\"text\":\"m n o\"}\n{\"text\":\"p q r\"}\n"),
                     "text");
    analysis::AnalysisParams params;
    params.findSimilarity = false; // tiny corpora; only the run and its metrics are needed
    for (int i = 0; i < 3; ++i)
        ASSERT_TRUE(runAnalysis(*project, params, {}, nullptr).ok());
    // Hand-made history of a synthetic metric over the three runs: 0.1 → 0.2 → 0.3 (rising).
    QSqlQuery q(project->connection());
    ASSERT_TRUE(q.exec(QStringLiteral(
        "INSERT INTO metrics (run_id, corpus_id, name, value) SELECT r.id, c.id, 'probe', "
        "0.1 * (SELECT count(*) FROM runs r2 WHERE r2.id <= r.id) FROM runs r, corpora c "
        "WHERE c.role = 'synthetic'")));
    // Tag 1 of 4 synthetic samples "template feel" and decide on 1 more: 2 reviewed, rate 0.5.
    ReviewStore review(*project, QStringLiteral("ann"));
    const QList<qint64> synthetic = review.reviewQueue({});
    ASSERT_EQ(synthetic.size(), 4);
    qint64 tag = 0;
    for (const auto& t : review.tags())
        if (t.name == QStringLiteral("template feel"))
            tag = t.id;
    ASSERT_TRUE(review.setTag(synthetic[0], tag, true).ok());
    ASSERT_TRUE(review.setDecision(synthetic[1], Decision::Keep).ok());
    // Counted once per sample, by role: a second reviewer's tag and note on the tagged sample
    // and a tag on a real sample change neither count (a join without DISTINCT reads 2 of 3).
    ReviewStore second(*project, QStringLiteral("bo"));
    ASSERT_TRUE(second.setTag(synthetic[0], tag, true).ok());
    ASSERT_TRUE(second.setNote(synthetic[0], QStringLiteral("same mould")).ok());
    ReviewFilter realSamples;
    realSamples.role = Role::Real;
    const QList<qint64> real = second.reviewQueue(realSamples);
    ASSERT_EQ(real.size(), 2);
    ASSERT_TRUE(second.setTag(real[0], tag, true).ok());

    QList<RedLine> rules;
    ASSERT_TRUE(parseRedLines(R"({"rules":[
        {"id":"rising","metric":"probe","scope":"synthetic","trend":{"runs":3,"worse":"rising"},
         "severity":"fail","action":"freeze template"},
        {"id":"falling","metric":"probe","scope":"synthetic","trend":{"runs":3,"worse":"falling"},
         "severity":"warn","action":"x"},
        {"id":"tags","metric":"tag:template feel","scope":"synthetic","op":"<=","threshold":0.4,
         "severity":"warn","action":"freeze template"},
        {"id":"tags-few","metric":"tag:template feel","scope":"synthetic","op":"<=","threshold":0.4,
         "min_reviewed":3,"severity":"fail","action":"freeze template"},
        {"id":"share","metric":"synthetic_share","op":"<=","threshold":0.6,"severity":"fail",
         "action":"infuse real data"}]})",
                              &rules)
                    .ok());
    QList<RedLineResult> results;
    ASSERT_TRUE(evaluateRedLines(*project, rules, &results).ok());
    ASSERT_EQ(results.size(), 5);
    EXPECT_EQ(results[0].status, GateStatus::Fail); // 0.1 → 0.2 → 0.3 rose at every step
    EXPECT_NEAR(*results[0].value, 0.3, 1e-12);
    EXPECT_EQ(results[1].status, GateStatus::Pass);
    EXPECT_EQ(results[2].status, GateStatus::Warn); // 1 of 2 reviewed = 0.5 > 0.4
    EXPECT_NEAR(*results[2].value, 0.5, 1e-12);
    EXPECT_EQ(results[3].status, GateStatus::NotApplicable); // only 2 reviewed, needs 3
    EXPECT_EQ(results[4].status, GateStatus::Fail);          // 4 of 6 samples are synthetic
    EXPECT_NEAR(*results[4].value, 4.0 / 6.0, 1e-12);
    EXPECT_EQ(overallStatus(results), GateStatus::Fail);
}
