#include "TestSupport.h"

#include "model/Trends.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

#include <cmath>

using namespace synthscope;
using namespace synthscope::model;

namespace {

// Three synthetic corpora at rounds 2, 10, 1 and a real one, with hand-made metric rows of
// two analysis runs (the analyses themselves are tested elsewhere).
struct TrendsFixture {
    QTemporaryDir dir;
    std::shared_ptr<Project> project = test::newProject(dir);
    TrendsFixture() {
        const char* names[] = {"r2", "r10", "r1", "human"};
        for (int i = 0; i < 4; ++i)
            test::importFile(*project, QString::fromLatin1(names[i]),
                             i < 3 ? Role::Synthetic : Role::Real,
                             test::writeFile(dir, QStringLiteral("%1.jsonl").arg(i),
                                             "{\"text\":\"a\"}\n{\"text\":\"b\"}\n"),
                             "text");
        QSqlQuery q(project->connection());
        for (const char* sql :
             {"UPDATE samples SET round = '2' WHERE corpus_id = 1",
              "UPDATE samples SET round = '10' WHERE corpus_id = 2",
              "UPDATE samples SET round = '1' WHERE corpus_id = 3",
              "INSERT INTO runs (id, kind, params, result, app_version, started_at, finished_at, "
              "corpora) VALUES (1, 'analysis', '{}', '{}', 'test', '2026-01-01T00:00', "
              "'2026-01-01T00:01', '[]')",
              "INSERT INTO runs (id, kind, params, result, app_version, started_at, finished_at, "
              "corpora) VALUES (2, 'analysis', '{}', '{}', 'test', '2026-02-01T00:00', "
              "'2026-02-01T00:01', '[]')",
              "INSERT INTO metrics (run_id, corpus_id, name, value) VALUES "
              "(1, 1, 'distinct_2', 0.50), (1, NULL, 'mauve', 0.9), "
              "(2, 1, 'distinct_2', 0.40), (2, 2, 'distinct_2', 0.20), (2, 3, 'distinct_2', 0.60), "
              "(2, 4, 'distinct_2', 0.70), (2, NULL, 'mauve', 0.7)",
              // Each synthetic corpus against the real side, with its spread and null band.
              "INSERT INTO metrics VALUES (2, 1, 'js_divergence_unigram', 0.30, 0.02, 0.10, 0.01), "
              "(2, 3, 'js_divergence_unigram', 0.20, 0.04, 0.12, 0.005)"})
            EXPECT_TRUE(q.exec(QString::fromLatin1(sql))) << sql;
    }
};

} // namespace

TEST(Trends, PerCorpusMetricAgainstRoundInNumericOrder) {
    TrendsFixture f;
    Trend t;
    ASSERT_TRUE(
        metricByProvenance(*f.project, Dimension::Round, QStringLiteral("distinct_2"), &t).ok());
    EXPECT_EQ(t.categories, (QStringList{QStringLiteral("1"), QStringLiteral("2"),
                                         QStringLiteral("10")})); // not "1", "10", "2"
    ASSERT_EQ(t.series.size(), 2);
    EXPECT_EQ(t.series[0].y, (QList<double>{0.60, 0.40, 0.20})); // the newest run only
    EXPECT_EQ(t.series[1].role, Role::Real);
    EXPECT_EQ(t.series[1].y, (QList<double>{0.70, 0.70, 0.70})); // a flat reference
}

// Rounds 1 and 2 (corpora 3 and 1): values 0.20 ± 0.04 and 0.30 ± 0.02; the null bands
// 0.12 ± 3·0.005 = 0.105 … 0.135 and 0.10 ± 3·0.01 = 0.07 … 0.13. Round 10 has no comparison.
TEST(Trends, ComparisonByRoundHasErrorBarsAndNullBand) {
    TrendsFixture f;
    Trend t;
    ASSERT_TRUE(metricByProvenance(*f.project, Dimension::Round,
                                   QStringLiteral("js_divergence_unigram"), &t)
                    .ok());
    EXPECT_EQ(t.categories, (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
    ASSERT_EQ(t.series.size(), 1); // the real corpus has no comparison with itself
    EXPECT_EQ(t.series[0].y, (QList<double>{0.20, 0.30}));
    EXPECT_EQ(t.series[0].sd, (QList<double>{0.04, 0.02}));
    ASSERT_EQ(t.nullLow.size(), 2);
    EXPECT_NEAR(t.nullLow[0], 0.105, 1e-12);
    EXPECT_NEAR(t.nullHigh[0], 0.135, 1e-12);
    EXPECT_NEAR(t.nullLow[1], 0.07, 1e-12);
    EXPECT_NEAR(t.nullHigh[1], 0.13, 1e-12);
    // A per-corpus metric without draws has neither.
    ASSERT_TRUE(
        metricByProvenance(*f.project, Dimension::Round, QStringLiteral("distinct_2"), &t).ok());
    EXPECT_TRUE(t.nullLow.isEmpty());
    EXPECT_TRUE(t.series[0].sd.isEmpty());
    // The comparison is listed among the keys stored per corpus.
    EXPECT_TRUE(
        storedMetricKeys(*f.project, true).contains(QStringLiteral("js_divergence_unigram")));
    EXPECT_FALSE(storedMetricKeys(*f.project, true).contains(QStringLiteral("mauve")));
}

TEST(Trends, AnyMetricOverRuns) {
    TrendsFixture f;
    Trend t;
    ASSERT_TRUE(metricOverRuns(*f.project, QStringLiteral("mauve"), &t).ok());
    ASSERT_EQ(t.categories.size(), 2);
    ASSERT_EQ(t.series.size(), 1);
    EXPECT_EQ(t.series[0].y, (QList<double>{0.9, 0.7}));
    ASSERT_TRUE(metricOverRuns(*f.project, QStringLiteral("distinct_2"), &t).ok());
    ASSERT_EQ(t.series.size(), 4); // one per corpus
    for (const TrendSeries& s : t.series)
        if (s.name == QStringLiteral("r2"))
            EXPECT_EQ(s.y, (QList<double>{0.5, 0.4}));
        else
            EXPECT_TRUE(std::isnan(s.y[0])); // not measured in run 1
}

TEST(Trends, RatioGradientFromCsvWithKnees) {
    QTemporaryDir dir;
    const QString csv = test::writeFile(dir, QStringLiteral("gradient.csv"),
                                        "synth_ratio,real_ratio,main_metric,tail_metric,notes\n"
                                        "0.5,0.5,74,50,\"loss 0.62, win rate 71%\"\n"
                                        "0.0,1.0,70,60,\n"
                                        "0.1,0.9,72,59,\n"
                                        "0.3,0.7,75,55,\n"
                                        "0.7,0.3,70,40,\n");
    RatioGradient g;
    ASSERT_TRUE(parseRatioGradient(csv, &g).ok());
    EXPECT_EQ(g.ratios, (QList<double>{0.0, 0.1, 0.3, 0.5, 0.7})); // sorted
    EXPECT_EQ(g.metricNames,
              (QStringList{QStringLiteral("main_metric"), QStringLiteral("tail_metric")}));
    EXPECT_EQ(g.notes[3], QStringLiteral("loss 0.62, win rate 71%"));
    // main: slopes 20, 15, −5, −20 → knee at 0.3 (index 2). tail: 60, 59, 55, 50, 40 →
    // slopes −10, −20, −25, −50 → changes −10, −5, −25 → knee at 0.5 (index 3).
    EXPECT_EQ(g.knees(), (QList<int>{2, 3}));

    std::shared_ptr<Project> project = test::newProject(dir);
    ASSERT_TRUE(setProjectRatioGradient(*project, g).ok());
    const auto back = projectRatioGradient(*project);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->ratios, g.ratios);
    EXPECT_EQ(back->values, g.values);
    EXPECT_EQ(back->notes, g.notes);
}

TEST(Trends, RatioGradientJsonOfListing17_2AndErrors) {
    QTemporaryDir dir;
    RatioGradient g;
    // The shape Listing 17-2 prints, percentages and a metric not measured in one run.
    ASSERT_TRUE(
        parseRatioGradient(test::writeFile(dir, QStringLiteral("runs.json"),
                                           "[{\"synth_ratio\": 0, \"main_metric\": 0.70},\n"
                                           " {\"synth_ratio\": 30, \"main_metric\": null},\n"
                                           " {\"synth_ratio\": 50, \"main_metric\": 0.68}]\n"),
                           &g)
            .ok());
    EXPECT_EQ(g.ratios, (QList<double>{0.0, 0.3, 0.5}));
    EXPECT_TRUE(std::isnan(g.values[0][1]));
    const Status repeated = parseRatioGradient(
        test::writeFile(dir, QStringLiteral("rep.csv"), "ratio,m\n0.1,1\n0.2,2\n0.1,3\n"), &g);
    ASSERT_FALSE(repeated.ok());
    EXPECT_TRUE(repeated.error().contains(QStringLiteral("rep.csv:4")))
        << repeated.error().toStdString();
    const Status missing = parseRatioGradient(
        test::writeFile(dir, QStringLiteral("miss.csv"), "ratio,m\n0.1,1\nabc,2\n"), &g);
    ASSERT_FALSE(missing.ok());
    EXPECT_TRUE(missing.error().contains(QStringLiteral("miss.csv:3")));
    EXPECT_FALSE(
        parseRatioGradient(
            test::writeFile(dir, QStringLiteral("range.csv"), "ratio,m\n0.1,1\n-2,2\n"), &g)
            .ok());
}
