#include "TestSupport.h"

#include "model/Analyzer.h"
#include "model/Json.h"
#include "model/ProjectStore.h"

#include <QFile>
#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace synthscope;
using namespace synthscope::model;

TEST(Analyzer, PersistsRunMetricsAndNeighboursAndMarksStale) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    test::importFile(*p, QStringLiteral("r"), Role::Real,
                     test::writeFile(dir, QStringLiteral("r.jsonl"),
                                     "{\"text\":\"a b a\"}\n{\"text\":\"b a\"}\n"),
                     "text");
    test::importFile(*p, QStringLiteral("s"), Role::Synthetic,
                     test::writeFile(dir, QStringLiteral("s.jsonl"), "{\"text\":\"a b\"}\n"),
                     "text");
    qint64 run = 0;
    ASSERT_TRUE(runAnalysis(*p, {}, {}, &run).ok());
    EXPECT_GT(run, 0);

    // distinct-1 of r: 5 tokens, 2 types = 0.4; distinct-2: (a,b)(b,a)|(b,a) → 2/3.
    QSqlQuery q(p->connection());
    ASSERT_TRUE(q.exec(QStringLiteral(
                    "SELECT value FROM metrics WHERE corpus_id = 1 AND name = 'distinct_1'")) &&
                q.next());
    EXPECT_DOUBLE_EQ(q.value(0).toDouble(), 0.4);
    ASSERT_TRUE(q.exec(QStringLiteral(
                    "SELECT value FROM metrics WHERE corpus_id = 1 AND name = 'distinct_2'")) &&
                q.next());
    EXPECT_DOUBLE_EQ(q.value(0).toDouble(), 2.0 / 3.0);
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM metrics WHERE corpus_id IS NULL AND "
                                      "name = 'js_divergence_unigram'")) &&
                q.next());
    EXPECT_EQ(q.value(0).toInt(), 1);
    ASSERT_TRUE(
        q.exec(QStringLiteral(
            "SELECT neighbour_id, similarity FROM neighbours WHERE sample_id = 3 ORDER BY rank")) &&
        q.next());
    // The nearest real sample of "a b" (id 3) is "a b a" (id 1), not "b a" (id 2): with features
    // of df ≥ 2 (a, b, "a b", "b a"; idf 1, 1, ln(4/3)+1 = 1.2877, 1.2877) and sublinear tf,
    // cos(3, 1) = (1.6931 + 1 + 1.2877²) / (1.9126 · 2.6801) = 0.8489 and cos(3, 2) = 2 / 1.9126²
    // = 0.5467; the rank-3 SVD of the 3-row matrix keeps these cosines exactly. (Only ids 1 and 2
    // are real, so "1 or 2" could not fail.)
    EXPECT_EQ(q.value(0).toInt(), 1);
    EXPECT_NEAR(q.value(1).toDouble(), 0.8489, 0.001);
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT params FROM runs WHERE id = %1").arg(run)) &&
                q.next());
    EXPECT_TRUE(q.value(0).toString().contains(QStringLiteral("\"histogram_bins\":40")));

    // Skeleton groups and per-sample scores of the run: "a b a" and "b a" and "a b" all
    // have the skeleton "<W> <W> …" shapes; every sample is stored with its perplexity or group.
    ASSERT_TRUE(
        q.exec(QStringLiteral("SELECT count(*) FROM sample_scores WHERE run_id = %1").arg(run)) &&
        q.next());
    EXPECT_GE(q.value(0).toInt(), 1);
    ASSERT_TRUE(
        q.exec(QStringLiteral("SELECT count(*) FROM sample_scores WHERE perplexity IS NOT NULL")) &&
        q.next());
    EXPECT_EQ(q.value(0).toInt(), 2); // 1 held-out real sample + 1 synthetic
    // The three texts differ: no duplicate group (NULL), a cluster and map point each.
    const auto scores = [&](const char* where) {
        const bool ok = q.exec(QStringLiteral("SELECT count(*) FROM sample_scores WHERE run_id = "
                                              "(SELECT max(id) FROM runs) AND ") +
                               QLatin1StringView(where)) &&
                        q.next();
        return ok ? q.value(0).toInt() : -1;
    };
    EXPECT_EQ(scores("duplicate_group IS NULL AND cluster IS NOT NULL AND map_x IS NOT NULL AND "
                     "map_y IS NOT NULL"),
              3);
    {
        // Without the similarity stages their columns are NULL (never bound), not zeros.
        analysis::AnalysisParams structureOnly;
        structureOnly.findSimilarity = false;
        ASSERT_TRUE(runAnalysis(*p, structureOnly, {}, nullptr).ok());
        EXPECT_EQ(scores("duplicate_group IS NULL AND cluster IS NULL AND nn_own IS NULL AND "
                         "nn_other IS NULL AND synthetic_likeness IS NULL AND map_x IS NULL AND "
                         "map_y IS NULL"),
                  3);
        EXPECT_EQ(scores("perplexity IS NOT NULL"), 2);
        qint64 again = 0;
        ASSERT_TRUE(runAnalysis(*p, {}, {}, &again).ok()); // the full run again, for what follows
        run = again;
    }

    ProjectStore store(*p);
    auto a = store.latestAnalysis();
    ASSERT_TRUE(a.has_value());
    EXPECT_FALSE(a->stale);
    EXPECT_TRUE(a->hasComparison);
    EXPECT_EQ(a->corpora.size(), 2u);

    // A cancelled analysis keeps the previous run; a new corpus makes it stale.
    std::atomic<bool> cancel{true};
    EXPECT_FALSE(runAnalysis(*p, {}, analysis::Progress({}, &cancel), nullptr).ok());
    EXPECT_EQ(store.latestAnalysis()->runId, run);
    test::importFile(*p, QStringLiteral("s2"), Role::Synthetic,
                     test::writeFile(dir, QStringLiteral("s2.jsonl"), "{\"text\":\"c\"}\n"),
                     "text");
    EXPECT_TRUE(store.latestAnalysis()->stale);

    for (const auto& g : store.skeletonGroups())
        EXPECT_EQ(store.groupMembers(GroupKind::Skeleton, g.id).size(), g.size);
    const Json summary = store.summaryJson();
    EXPECT_EQ(summary["corpora"].size(), 3u);
    EXPECT_EQ(summary["corpora"][0]["metrics"]["samples"], 2);
    EXPECT_FALSE(summary["corpora"][2].contains("metrics"));
    EXPECT_TRUE(summary["analysis"]["stale"].get<bool>());
}

TEST(Analyzer, EmptyProjectIsAClearError) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    const Status s = runAnalysis(*p, {}, {}, nullptr);
    EXPECT_TRUE(s.error().contains(QStringLiteral("no corpora")));
}

// Map coordinates computed elsewhere (issue 16): the real seed tasks, each record given "x"
// (the instruction's length) and "y" (its spaces) as an external projection would add them.
// The map shows exactly those numbers under the fields' names; a record without one changes
// nothing; the neighbour layout takes the slot back.
TEST(Analyzer, MapCoordinatesFromTheRecordsFields) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    QFile source(test::dataFile(QStringLiteral("self-instruct-seed-tasks/seed_tasks.jsonl")));
    ASSERT_TRUE(source.open(QIODevice::ReadOnly));
    QByteArray withXy;
    QByteArray missingY;
    std::vector<std::pair<double, double>> expected;
    while (!source.atEnd()) {
        const QByteArray line = source.readLine().trimmed();
        if (line.isEmpty())
            continue;
        Json record = Json::parse(line.toStdString());
        const std::string text = record["instruction"].get<std::string>();
        const double x = static_cast<double>(text.size());
        const double y = static_cast<double>(std::count(text.begin(), text.end(), ' '));
        expected.emplace_back(x, y);
        record["x"] = x;
        record["y"] = std::to_string(static_cast<int>(y)); // numeric strings count too
        withXy += QByteArray::fromStdString(record.dump()) + '\n';
        if (expected.size() == 7)
            record.erase("y");
        missingY += QByteArray::fromStdString(record.dump()) + '\n';
    }
    ASSERT_EQ(expected.size(), 175u);
    test::importFile(*p, QStringLiteral("tasks"), Role::Real,
                     test::writeFile(dir, QStringLiteral("xy.jsonl"), withXy), "instruction");
    test::importFile(*p, QStringLiteral("no-y"), Role::Synthetic,
                     test::writeFile(dir, QStringLiteral("no-y.jsonl"), missingY), "instruction");
    EXPECT_FALSE(importLayoutFromFields(*p, QStringLiteral("x"), QStringLiteral("y")).ok())
        << "no analysis yet";
    ASSERT_TRUE(runAnalysis(*p, {}, {}, nullptr).ok());

    // The second corpus's seventh record has no y: refused, naming it; nothing written.
    const Status refused = importLayoutFromFields(*p, QStringLiteral("x"), QStringLiteral("y"));
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().contains(QStringLiteral("no-y.jsonl line 7")))
        << refused.error().toStdString();
    EXPECT_FALSE(ProjectStore(*p).mapPoints({}).hasLayout);

    // Without the second corpus every record has both.
    QSqlQuery(p->connection())
        .exec(QStringLiteral("DELETE FROM samples WHERE corpus_id = (SELECT id FROM corpora "
                             "WHERE name = 'no-y')"));
    const Status s = importLayoutFromFields(*p, QStringLiteral("x"), QStringLiteral("y"));
    ASSERT_TRUE(s.ok()) << s.error().toStdString();
    const MapPoints map = ProjectStore(*p).mapPoints({});
    ASSERT_EQ(map.size(), 175u);
    EXPECT_TRUE(map.hasLayout);
    EXPECT_EQ(map.layoutName, QStringLiteral("x, y"));
    for (std::size_t i = 0; i < map.size(); ++i) { // ids ascend in file order
        EXPECT_FLOAT_EQ(map.layoutX[i], static_cast<float>(expected[i].first));
        EXPECT_FLOAT_EQ(map.layoutY[i], static_cast<float>(expected[i].second));
    }
    ASSERT_TRUE(runNeighbourLayout(*p, {}, {}).ok());
    const MapPoints computed = ProjectStore(*p).mapPoints({});
    EXPECT_TRUE(computed.hasLayout);
    EXPECT_TRUE(computed.layoutName.isEmpty());
}
