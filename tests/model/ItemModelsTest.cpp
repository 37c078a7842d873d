#include "TestSupport.h"

#include "model/Analyzer.h"
#include "model/ColumnTableModel.h"
#include "model/CorpusModels.h"
#include "model/MetricModels.h"
#include "model/ProjectStore.h"
#include "model/ReviewCommands.h"
#include "model/ReviewModels.h"
#include "model/SimilarityModels.h"
#include "model/SkeletonModels.h"

#include <QAbstractItemModelTester>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <cmath>

using namespace synthscope;
using namespace synthscope::model;

namespace {

constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

struct ItemsFixture {
    QTemporaryDir dir;
    std::shared_ptr<Project> project = test::newProject(dir);
    ItemsFixture() {
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
    ItemsFixture f;
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
    ItemsFixture f;
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
    ItemsFixture f;
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

TEST(ItemModels, ClustersDuplicatesAndTheMap) {
    QTemporaryDir dir;
    std::shared_ptr<Project> project = test::newProject(dir);
    test::importFile(*project, QStringLiteral("real"), Role::Real,
                     test::writeFile(dir, QStringLiteral("r.jsonl"),
                                     "{\"text\":\"the cat sat on the mat\"}\n"
                                     "{\"text\":\"a dog barked at the moon all night\"}\n"
                                     "{\"text\":\"my parcel never arrived\"}\n"),
                     "text", "");
    test::importFile(*project, QStringLiteral("synthetic"), Role::Synthetic,
                     test::writeFile(dir, QStringLiteral("s.jsonl"),
                                     "{\"text\":\"The  cat sat on the MAT \"}\n"
                                     "{\"text\":\"i hope this helps with your order\"}\n"
                                     "{\"text\":\"i hope this helps with your refund\"}\n"),
                     "text", "");
    analysis::AnalysisParams params;
    params.similarity.detectabilityFolds = 2;
    params.similarity.clusters = 2;
    ASSERT_TRUE(runAnalysis(*project, params, {}, nullptr).ok());
    ProjectStore store(*project);

    // "The  cat sat on the MAT " normalises (case, whitespace) to the real "the cat sat on the
    // mat": one exact cross-corpus group of two.
    DuplicateGroupsModel duplicates;
    QAbstractItemModelTester t1(&duplicates, kFatal);
    duplicates.setRows(store.duplicateGroups());
    ASSERT_EQ(duplicates.rowCount(), 1);
    EXPECT_EQ(duplicates.index(0, DuplicateGroupsModel::Kind).data().toString(),
              QStringLiteral("exact"));
    EXPECT_EQ(duplicates.index(0, DuplicateGroupsModel::Real).data().toLongLong(), 1);
    EXPECT_EQ(duplicates.index(0, DuplicateGroupsModel::Synthetic).data().toLongLong(), 1);
    const QList<qint64> members = store.groupMembers(GroupKind::Duplicate, 0);
    ASSERT_EQ(members.size(), 2);
    ReviewStore review(*project, QStringLiteral("ann"));
    ReviewFilter byGroup;
    byGroup.duplicateGroup = 0;
    EXPECT_EQ(review.reviewQueue(byGroup), members);
    // The synthetic copy's nearest real neighbour is the real original, at cosine 1.
    const auto neighbours = review.neighbours(members[1]);
    ASSERT_FALSE(neighbours.isEmpty());
    EXPECT_EQ(neighbours[0].sampleId, members[0]);
    EXPECT_NEAR(neighbours[0].similarity, 1.0, 1e-4);
    const auto detail = review.sample(members[1]);
    ASSERT_TRUE(detail.has_value());
    EXPECT_EQ(detail->duplicateGroup, std::optional<qint64>(0));
    EXPECT_TRUE(detail->syntheticLikeness.has_value());

    ClustersModel clusters;
    QAbstractItemModelTester t2(&clusters, kFatal);
    clusters.setRows(store.clusters());
    ASSERT_EQ(clusters.rowCount(), 2);
    EXPECT_EQ(clusters.index(0, ClustersModel::Size).data().toLongLong() +
                  clusters.index(1, ClustersModel::Size).data().toLongLong(),
              6);
    ReviewFilter byCluster;
    byCluster.cluster = clusters.index(0, 0).data(ClustersModel::ClusterIdRole).toLongLong();
    EXPECT_EQ(review.reviewQueue(byCluster).size(),
              clusters.index(0, ClustersModel::Size).data().toLongLong());

    auto points = std::make_shared<MapPoints>(store.mapPoints());
    ASSERT_EQ(points->size(), 6u);
    EXPECT_EQ(std::count(points->synthetic.begin(), points->synthetic.end(), 1), 3);
    EXPECT_FALSE(points->hasLayout); // no neighbour layout computed
    // Most synthetic-looking first: the queue follows the out-of-fold scores, descending.
    ReviewFilter ranked;
    ranked.role = Role::Real;
    ranked.mostSyntheticFirst = true;
    const QList<qint64> order = review.reviewQueue(ranked);
    ASSERT_EQ(order.size(), 3);
    auto likeness = [&](qint64 id) {
        const auto it = std::find(points->ids.begin(), points->ids.end(), id);
        return points->syntheticLikeness[static_cast<std::size_t>(it - points->ids.begin())];
    };
    EXPECT_GE(likeness(order[0]), likeness(order[1]));
    EXPECT_GE(likeness(order[1]), likeness(order[2]));
    ranked.mostSyntheticFirst = false;
    const QList<qint64> plain = review.reviewQueue(ranked);
    EXPECT_TRUE(std::is_sorted(plain.begin(), plain.end()));
    EXPECT_NE(order, plain); // on this seeded data the scores do not follow project order
    MapSelectionModel selection([&](qint64 id) { return review.preview(id, 50); });
    QAbstractItemModelTester t3(&selection, kFatal);
    selection.setSelection(points, {0, 3});
    ASSERT_EQ(selection.rowCount(), 2);
    EXPECT_EQ(selection.index(0, MapSelectionModel::Text).data().toString(),
              QStringLiteral("the cat sat on the mat"));
    EXPECT_EQ(selection.sampleIds(), (QList<qint64>{points->ids[0], points->ids[3]}));
    selection.setSelection(nullptr, {1});
    EXPECT_EQ(selection.rowCount(), 0);
}

namespace {

struct Fruit {
    QString name;
    int count = 0;
};

// Two columns over hand-made rows: every role the base answers, from the descriptors.
class FruitModel : public ColumnTableModel<Fruit> {
public:
    static constexpr int NameRole = Qt::UserRole + 1;
    FruitModel() {
        using C = TableColumn<Fruit>;
        setColumns({C{.header = QStringLiteral("Name"),
                      .headerToolTip = QStringLiteral("what it is"),
                      .display = [](const Fruit& f) -> QVariant { return f.name; }},
                    C{.header = QStringLiteral("Count"),
                      .display = [](const Fruit& f) -> QVariant {
                          return QStringLiteral("%1 pcs").arg(f.count);
                      },
                      .sort = [](const Fruit& f) -> QVariant { return f.count; },
                      .toolTip = [](const Fruit& f) -> QVariant {
                          return QStringLiteral("%1 in stock").arg(f.count);
                      },
                      .style = [](const Fruit& f, int role) -> QVariant {
                          return role == Qt::ForegroundRole && f.count == 0
                                     ? QVariant(QStringLiteral("red"))
                                     : QVariant();
                      },
                      .numeric = true}});
    }

protected:
    QVariant rowData(const Fruit& f, int role) const override {
        if (role == NameRole || role == Qt::ForegroundRole)
            return f.name;
        return role == Qt::ToolTipRole ? QVariant(QStringLiteral("row tip")) : QVariant();
    }
};

} // namespace

TEST(ItemModels, ColumnTableAnswersEachRoleFromItsColumns) {
    FruitModel m;
    QAbstractItemModelTester t(&m, kFatal);
    m.setRows({{QStringLiteral("pear"), 12}, {QStringLiteral("fig"), 0}});
    ASSERT_EQ(m.rowCount(), 2);
    ASSERT_EQ(m.columnCount(), 2);
    EXPECT_EQ(m.headerData(0, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("Name"));
    EXPECT_EQ(m.headerData(0, Qt::Horizontal, Qt::ToolTipRole).toString(),
              QStringLiteral("what it is"));
    EXPECT_FALSE(m.headerData(1, Qt::Horizontal, Qt::ToolTipRole).isValid());
    EXPECT_FALSE(m.headerData(2, Qt::Horizontal, Qt::DisplayRole).isValid());
    EXPECT_FALSE(m.headerData(0, Qt::Vertical, Qt::DisplayRole).isValid());
    const QModelIndex count = m.index(0, 1);
    EXPECT_EQ(count.data().toString(), QStringLiteral("12 pcs"));
    EXPECT_EQ(count.data(FruitModel::SortRole).toInt(), 12); // a number, not "12 pcs"
    EXPECT_EQ(count.data(Qt::ToolTipRole).toString(), QStringLiteral("12 in stock"));
    EXPECT_EQ(count.data(Qt::TextAlignmentRole).value<Qt::Alignment>(),
              Qt::AlignRight | Qt::AlignVCenter);
    // The name column: sort falls back to the display, tooltip and other roles to the row.
    const QModelIndex name = m.index(1, 0);
    EXPECT_EQ(name.data(FruitModel::SortRole).toString(), QStringLiteral("fig"));
    EXPECT_EQ(name.data(Qt::ToolTipRole).toString(), QStringLiteral("row tip"));
    EXPECT_FALSE(name.data(Qt::TextAlignmentRole).isValid());
    EXPECT_EQ(name.data(FruitModel::NameRole).toString(), QStringLiteral("fig"));
    // A column's style answers first; an invalid answer falls back to the row.
    EXPECT_EQ(m.index(1, 1).data(Qt::ForegroundRole).toString(), QStringLiteral("red"));
    EXPECT_EQ(m.index(0, 1).data(Qt::ForegroundRole).toString(), QStringLiteral("pear"));
    m.setRows({});
    EXPECT_EQ(m.rowCount(), 0);
    EXPECT_EQ(m.columnCount(), 2);
}

// By hand: 3 of 9 synthetic and 1 of 9 real samples → (3.5 / 10) / (1.5 / 10) = 7 / 3; equal
// coverage on both sides → 1; a group with no real member gets a finite lift, larger the more
// synthetic samples it holds: (10.5 / 21) / (0.5 / 11) = 11.
TEST(ItemModels, LiftOverRealOfASkeletonGroup) {
    EXPECT_DOUBLE_EQ(model::liftOverReal(1, 3, 9, 9), 7.0 / 3.0);
    EXPECT_DOUBLE_EQ(model::liftOverReal(4, 4, 9, 9), 1.0);
    EXPECT_DOUBLE_EQ(model::liftOverReal(0, 10, 10, 20), 11.0);
    EXPECT_GT(model::liftOverReal(0, 20, 10, 20), model::liftOverReal(0, 10, 10, 20));
    EXPECT_LT(model::liftOverReal(5, 0, 9, 9), 1.0);
    EXPECT_TRUE(std::isnan(model::liftOverReal(-1, 3, 9, 9)));
}

// Content on an orange ground, structure plain; with a pattern, its six tokens (and the spaces
// between them) bold and underlined. "Please follow these steps: log in." has the skeleton
// please <W> these <W> : <W> in . and its first six tokens are the pattern.
TEST(ItemModels, SkeletonHighlightMarksContentAndTemplateSpans) {
    const QString text = QStringLiteral("Please follow these steps: log in.\n<b>");
    const QString plain = model::skeletonHighlightHtml(text);
    const QString orange =
        QStringLiteral("<span style=\"background:#ffe2b8;color:#1a1a1a\">%1</span>");
    EXPECT_TRUE(plain.startsWith(QStringLiteral("Please ") + orange.arg(QStringLiteral("follow"))))
        << plain.toStdString();
    EXPECT_TRUE(plain.contains(QStringLiteral(" in.<br>&lt;") + orange.arg(QStringLiteral("b")) +
                               QStringLiteral("&gt;")))
        << plain.toStdString();
    EXPECT_FALSE(plain.contains(QStringLiteral("<u>")));
    const QString marked =
        model::skeletonHighlightHtml(text, {QStringLiteral("please <W> these <W> : <W>")});
    EXPECT_TRUE(marked.startsWith(QStringLiteral("<b><u>Please</u></b><u> </u><b><u>") +
                                  orange.arg(QStringLiteral("follow")) +
                                  QStringLiteral("</u></b><u> </u><b><u>these</u></b>")))
        << marked.toStdString();
    EXPECT_TRUE(marked.contains(QStringLiteral("<b><u>") + orange.arg(QStringLiteral("log")) +
                                QStringLiteral("</u></b> in.")))
        << marked.toStdString();
    // A pattern the text does not hold marks nothing.
    EXPECT_EQ(model::skeletonHighlightHtml(text, {QStringLiteral("if you have any <W> ,")}), plain);
}

// A mould whose title keeps only punctuation and markup ("… <W> . ⏎ <LI> <W> : …", a list
// answer's mould) is still a mould, not a short reply; the same title from a whole-skeleton
// group (older runs) is one.
TEST(ItemModels, AMouldIsNeverAShortReply) {
    SkeletonGroupInfo g{0, QStringLiteral("… <W> . ⏎ <LI> <W> : …"), 40, 0, 40, true};
    EXPECT_FALSE(g.isShortReply());
    g.mould = false;
    EXPECT_TRUE(g.isShortReply());
    g.pattern = QStringLiteral("<@> <URL>");
    EXPECT_TRUE(g.isShortReply());
    g.pattern = QStringLiteral("i understand that you want to <W> your <W> .");
    EXPECT_FALSE(g.isShortReply());
}

TEST(MapPointMask, MarksThePointsOfTheGivenSamples) {
    model::MapPoints points;
    points.ids = {2, 5, 9, 11};
    std::vector<std::size_t> indices;
    // Any order, a duplicate and an id with no point (3).
    const std::vector<std::uint8_t> mask = model::pointMask(points, {11, 3, 5, 5}, &indices);
    EXPECT_EQ(mask, (std::vector<std::uint8_t>{0, 1, 0, 1}));
    EXPECT_EQ(indices, (std::vector<std::size_t>{1, 3}));
    EXPECT_EQ(model::pointMask(points, {}, &indices), (std::vector<std::uint8_t>(4, 0)));
    EXPECT_TRUE(indices.empty());
}
