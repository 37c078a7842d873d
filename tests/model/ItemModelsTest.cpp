#include "TestSupport.h"

#include "model/Analyzer.h"
#include "model/ProjectStore.h"
#include "model/ReviewCommands.h"
#include "model/ReviewModels.h"
#include "model/TableModels.h"

#include <QAbstractItemModelTester>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace synthscope;
using namespace synthscope::model;

namespace {

constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

struct Fixture {
    QTemporaryDir dir;
    std::shared_ptr<Project> project = test::newProject(dir);
    Fixture() {
        test::importFile(*project, QStringLiteral("real"), Role::Real,
                         test::writeFile(dir, QStringLiteral("r.jsonl"),
                                         "{\"text\":\"the cat sat on the mat\",\"l\":\"a\"}\n"
                                         "{\"text\":\"a dog barked\",\"l\":\"b\"}\n"
                                         "{\"text\":\"bad\"\n"),
                         "text", "l");
        test::importFile(*project, QStringLiteral("synthetic"), Role::Synthetic,
                         test::writeFile(dir, QStringLiteral("s.jsonl"),
                                         "{\"text\":\"sure! the cat sat\",\"l\":\"a\"}\n"
                                         "{\"text\":\"i hope this helps\",\"l\":\"a\"}\n"),
                         "text", "l");
        const Status s = runAnalysis(*project, {}, {}, nullptr);
        EXPECT_TRUE(s.ok()) << s.error().toStdString();
    }
};

} // namespace

TEST(ItemModels, CorporaAndRejects) {
    Fixture f;
    ProjectStore store(*f.project);
    CorporaModel corpora;
    QAbstractItemModelTester t1(&corpora, kFatal);
    corpora.setCorpora(store.corpora());
    ASSERT_EQ(corpora.rowCount(), 2);
    EXPECT_EQ(corpora.index(0, CorporaModel::Name).data().toString(), QStringLiteral("real"));
    EXPECT_EQ(corpora.index(0, CorporaModel::Samples).data().toLongLong(), 2);
    EXPECT_EQ(corpora.index(0, CorporaModel::Rejected).data().toLongLong(), 1);
    EXPECT_EQ(corpora.index(1, CorporaModel::RoleColumn).data().toString(),
              QStringLiteral("synthetic"));

    RejectsModel rejects;
    QAbstractItemModelTester t2(&rejects, kFatal);
    rejects.setRejects(store.rejects(0));
    ASSERT_EQ(rejects.rowCount(), 1);
    EXPECT_EQ(rejects.index(0, RejectsModel::Line).data().toLongLong(), 3);
    EXPECT_EQ(rejects.index(0, RejectsModel::File).data().toString(), QStringLiteral("r.jsonl"));
}

TEST(ItemModels, MetricsAndTerms) {
    Fixture f;
    const auto analysis = ProjectStore(*f.project).latestAnalysis();
    ASSERT_TRUE(analysis.has_value());
    MetricsTableModel metrics;
    QAbstractItemModelTester t1(&metrics, kFatal);
    metrics.setAnalysis(analysis);
    EXPECT_EQ(metrics.columnCount(), 4); // metric, real, synthetic, real vs synthetic
    bool sawSamples = false;
    bool sawLabelJs = false;
    for (int r = 0; r < metrics.rowCount(); ++r) {
        const QString key = metrics.index(r, 0).data(MetricsTableModel::MetricKeyRole).toString();
        if (key == QStringLiteral("samples")) {
            sawSamples = true;
            EXPECT_EQ(metrics.index(r, 1).data(MetricsTableModel::ValueRole).toDouble(), 2.0);
        }
        if (key == QStringLiteral("js_divergence_label")) {
            sawLabelJs = true;
            // real labels a, b (½ each); synthetic a, a → JS = ½·(½·log2(½/¾) + ½·log2(½/¼)) +
            // ½·log2(1/¾)
            EXPECT_NEAR(metrics.index(r, 3).data(MetricsTableModel::ValueRole).toDouble(),
                        0.3112781244591328, 1e-9);
        }
    }
    EXPECT_TRUE(sawSamples);
    EXPECT_TRUE(sawLabelJs);
    metrics.setAnalysis(std::nullopt);
    EXPECT_EQ(metrics.rowCount(), 0);

    IndicatingTermsModel terms;
    QAbstractItemModelTester t2(&terms, kFatal);
    terms.setTerms({{QStringLiteral("cat"), 1, 1, 0.2}, {QStringLiteral("hope"), 0, 1, -1.5}});
    EXPECT_EQ(terms.rowCount(), 2);
    EXPECT_EQ(terms.index(1, IndicatingTermsModel::ZScore).data().toString(),
              QStringLiteral("-1.5"));
}

TEST(ItemModels, ReviewQueueNeighboursAndTags) {
    Fixture f;
    ReviewStore store(*f.project, QStringLiteral("ann"));
    ReviewQueueModel queue(store);
    QAbstractItemModelTester t1(&queue, kFatal);
    queue.setFilter(ReviewFilter{});
    ASSERT_EQ(queue.rowCount(), 2);
    const qint64 first = queue.sampleIdAt(0);
    EXPECT_TRUE(queue.index(0).data().toString().contains(QStringLiteral("sure! the cat sat")));

    QUndoStack undo;
    undo.push(new SetDecisionCommand(store, first, Decision::None, Decision::Keep));
    EXPECT_EQ(queue.index(0).data(ReviewQueueModel::DecisionRole).toString(),
              QStringLiteral("keep"));
    EXPECT_TRUE(queue.index(0).data().toString().startsWith(QStringLiteral("✓")));

    NeighboursModel neighbours;
    QAbstractItemModelTester t2(&neighbours, kFatal);
    neighbours.setNeighbours(store.neighbours(first));
    ASSERT_GE(neighbours.rowCount(), 1);
    EXPECT_EQ(neighbours.neighbours().first().text, QStringLiteral("the cat sat on the mat"));

    TagSetModel tags(store);
    QAbstractItemModelTester t3(&tags, kFatal);
    EXPECT_EQ(tags.rowCount(), 6);
    EXPECT_EQ(tags.index(0).data().toString(), QStringLiteral("1  template feel"));
    ASSERT_TRUE(tags.setData(tags.index(0), QStringLiteral("templated"), Qt::EditRole));
    EXPECT_EQ(tags.index(0).data(Qt::EditRole).toString(), QStringLiteral("templated"));
    ASSERT_TRUE(store.addTag(QStringLiteral("new one")).ok());
    EXPECT_EQ(tags.rowCount(), 7);
}
