// Widget tests on the offscreen platform, on a project made from the real customer-support
// pair in ../shared/data.
#include "TestSupport.h"

#include "model/GateModels.h"
#include "model/ProjectDocument.h"
#include "model/ReviewModels.h"
#include "model/SimilarityModels.h"
#include "model/SkeletonModels.h"
#include "model/TableModels.h"
#include "widgets/ChecklistView.h"
#include "widgets/ClusterMapView.h"
#include "widgets/ClusterMapWidget.h"
#include "widgets/DivergenceView.h"
#include "widgets/DuplicatesView.h"
#include "widgets/EmbeddingsDialog.h"
#include "widgets/EmptyState.h"
#include "widgets/ExportDialog.h"
#include "widgets/ImportDialog.h"
#include "widgets/MainWindow.h"
#include "widgets/OverviewView.h"
#include "widgets/ProjectPanel.h"
#include "widgets/ReviewView.h"
#include "widgets/SkeletonsView.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>

#include <gtest/gtest.h>

using namespace synthscope;

namespace {

QTemporaryDir* g_dir = nullptr;

QString demoProject() {
    return g_dir->filePath(QStringLiteral("demo.synthscope"));
}

class Widgets : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        g_dir = new QTemporaryDir;
        auto project = test::newProject(*g_dir, QStringLiteral("demo.synthscope"));
        test::importCustomerSupportPair(*project);
    }
    static void TearDownTestSuite() {
        delete g_dir;
        g_dir = nullptr;
    }
    void SetUp() override {
        ASSERT_TRUE(window.openProject(demoProject(), model::Project::OpenMode::OpenExisting).ok());
        window.show();
        window.activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    }
    widgets::MainWindow window;
};

} // namespace

TEST_F(Widgets, ProjectPanelListsTheRealCorpora) {
    auto* corpora = window.projectPanel()->corporaModel();
    QAbstractItemModelTester tester(corpora, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_EQ(corpora->rowCount(), 2);
    EXPECT_EQ(corpora->index(0, model::CorporaModel::Samples).data().toLongLong(), 5000);
    EXPECT_EQ(corpora->index(1, model::CorporaModel::Samples).data().toLongLong(), 4514);
    EXPECT_EQ(corpora->index(1, model::CorporaModel::Rejected).data().toLongLong(), 0);
}

TEST_F(Widgets, OverviewShowsHeadlineNumbers) {
    window.showView(widgets::MainWindow::View::Overview);
    auto* metrics = window.overview()->metricsModel();
    QAbstractItemModelTester tester(metrics, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_GE(metrics->rowCount(), 10);
    EXPECT_EQ(metrics->columnCount(), 4);
    auto* state = window.overview()->findChild<widgets::EmptyState*>();
    ASSERT_NE(state, nullptr);
    EXPECT_TRUE(state->isShowingContent());
    EXPECT_FALSE(window.overview()->findChildren<QFrame*>(QStringLiteral("metricCard")).isEmpty());
}

TEST_F(Widgets, DivergenceDrawsChartsAndIndicatingWords) {
    window.showView(widgets::MainWindow::View::Divergence);
    // length, perplexity, nearest-neighbour similarity: 2 areas each; labels, JS: 1 bar series.
    EXPECT_EQ(window.divergence()->seriesCount(), 8);
    auto* real = window.divergence()->realTermsModel();
    auto* synthetic = window.divergence()->syntheticTermsModel();
    QAbstractItemModelTester t1(real, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester t2(synthetic, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(real->rowCount(), 30);
    EXPECT_EQ(synthetic->rowCount(), 30);
    auto* diversity = window.divergence()->diversityModel();
    QAbstractItemModelTester t3(diversity, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(diversity->rowCount(), 11);   // every listed measure has a value on this pair
    EXPECT_EQ(diversity->columnCount(), 3); // metric, twitter, bitext
}

TEST_F(Widgets, ReviewTagsWithHotkeysUndoAndNavigates) {
    window.showView(widgets::MainWindow::View::Review);
    widgets::ReviewView* review = window.review();
    auto* queue = review->queueModel();
    QAbstractItemModelTester t1(queue, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester t2(review->neighboursModel(),
                                QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_EQ(queue->rowCount(), 4514);
    EXPECT_EQ(review->currentRow(), 0);
    EXPECT_GT(review->neighboursModel()->rowCount(), 0);
    EXPECT_FALSE(
        review->findChild<QTextBrowser*>(QStringLiteral("sampleText"))->toPlainText().isEmpty());

    auto* list = review->findChild<QWidget*>(QStringLiteral("reviewQueue"));
    list->setFocus();
    const qint64 sample = review->currentSampleId();
    auto& store = window.document()->review();
    ASSERT_EQ(QApplication::focusWidget(), list);
    QSignalSpy failures(&store, &model::ReviewStore::writeFailed);
    QTest::keyClick(list, Qt::Key_1); // template feel
    EXPECT_EQ(store.review(sample).tagIds.size(), 1);
    EXPECT_EQ(failures.count(), 0);
    EXPECT_TRUE(review->findChild<QPushButton*>(QStringLiteral("tagButton0"))->isChecked());
    window.document()->undoStack().undo();
    EXPECT_TRUE(store.review(sample).tagIds.isEmpty());
    window.document()->undoStack().redo();
    EXPECT_EQ(store.review(sample).tagIds.size(), 1);

    QTest::keyClick(list, Qt::Key_D); // drop, then advance
    EXPECT_EQ(store.review(sample).decision, model::Decision::Drop);
    EXPECT_EQ(review->currentRow(), 1);
    QTest::keyClick(list, Qt::Key_P);
    EXPECT_EQ(review->currentRow(), 0);
    EXPECT_TRUE(review->findChild<QPushButton*>(QStringLiteral("dropButton"))->isChecked());

    auto* note = review->findChild<QLineEdit*>(QStringLiteral("noteEdit"));
    note->setFocus();
    QTest::keyClicks(note, QStringLiteral("polite but empty"));
    QTest::keyClick(note, Qt::Key_Return);
    EXPECT_EQ(store.review(sample).note, QStringLiteral("polite but empty"));
    window.document()->undoStack().undo();
    EXPECT_TRUE(store.review(sample).note.isEmpty());
    EXPECT_TRUE(note->text().isEmpty());
    // Leave the shared project as it was.
    while (window.document()->undoStack().canUndo())
        window.document()->undoStack().undo();
    EXPECT_TRUE(store.review(sample).tagIds.isEmpty());
    EXPECT_EQ(store.review(sample).decision, model::Decision::None);
}

TEST_F(Widgets, SkeletonsListGroupsAndSendOneToReview) {
    window.showView(widgets::MainWindow::View::Skeletons);
    auto* groups = window.skeletons()->groupsModel();
    QAbstractItemModelTester t1(groups, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester t2(window.skeletons()->openingsModel(),
                                QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_GT(groups->rowCount(), 0);
    const auto& first = groups->groups().first();
    EXPECT_GE(first.size, 2);
    EXPECT_EQ(first.real + first.synthetic, first.size);
    const QModelIndex group = groups->index(0, 0);
    ASSERT_EQ(groups->rowCount(group), static_cast<int>(std::min<qint64>(first.size, 200)));
    EXPECT_EQ(groups->parent(groups->index(0, 0, group)), group);
    EXPECT_GT(window.skeletons()->openingsModel()->rowCount(), 0);
    EXPECT_FALSE(window.skeletons()
                     ->findChild<QTextBrowser*>(QStringLiteral("skeletonMembers"))
                     ->toPlainText()
                     .isEmpty());

    window.review()->reviewGroup(model::GroupKind::Skeleton, first.id, first.pattern);
    EXPECT_EQ(window.review()->queueModel()->rowCount(), static_cast<int>(first.size));
}

TEST_F(Widgets, ImportDialogPreviewsAndMapsRealFile) {
    widgets::ImportDialog dialog;
    dialog.setFiles({test::dataFile(
        QStringLiteral("bitext-customer-support-4.5k/bitext_customer_support_training.jsonl"))});
    auto* preview = dialog.findChild<QTableWidget*>(QStringLiteral("importPreview"));
    ASSERT_NE(preview, nullptr);
    EXPECT_EQ(preview->rowCount(), 20);
    EXPECT_EQ(preview->columnCount(), 11);
    const model::ImportSpec spec = dialog.spec();
    EXPECT_EQ(spec.corpusName, QStringLiteral("bitext_customer_support_training"));
    EXPECT_EQ(spec.mapping.textField, "response"); // picked by name
    EXPECT_TRUE(dialog.findChild<QPlainTextEdit*>(QStringLiteral("mappedPreview"))
                    ->toPlainText()
                    .startsWith(QStringLiteral("I understand how unnerving")));
}

TEST_F(Widgets, ExportDialogCountsMatches) {
    widgets::ExportDialog dialog(*window.document());
    EXPECT_EQ(dialog.findChild<QLabel*>(QStringLiteral("exportCount"))->text(),
              QStringLiteral("<b>9514 sample(s)</b> match."));
}

TEST_F(Widgets, ImportRunsAsAJobAndRefreshesViews) {
    QTemporaryDir dir;
    ASSERT_TRUE(window
                    .openProject(dir.filePath(QStringLiteral("new.synthscope")),
                                 model::Project::OpenMode::CreateIfMissing)
                    .ok());
    auto* state = window.overview()->findChild<widgets::EmptyState*>();
    EXPECT_FALSE(state->isShowingContent()); // "No corpora yet"
    model::ImportSpec spec;
    spec.corpusName = QStringLiteral("seeds");
    spec.files = {test::dataFile(QStringLiteral("self-instruct-seed-tasks/seed_tasks.jsonl"))};
    spec.mapping.textField = "instruction";
    QSignalSpy report(window.document(), &model::ProjectDocument::jobReport);
    window.document()->startImport(spec, true);
    ASSERT_TRUE(report.wait(20000));
    EXPECT_TRUE(report.at(0).at(1).toBool()) << report.at(0).at(2).toString().toStdString();
    EXPECT_EQ(window.projectPanel()->corporaModel()->rowCount(), 1);
    ASSERT_TRUE(report.wait(20000)); // the analysis that follows an import
    EXPECT_TRUE(state->isShowingContent());
}

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SynthscopeTests"));
    QApplication::setApplicationName(QStringLiteral("widget_tests"));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}

TEST_F(Widgets, ClusterMapLoadsSelectsAndOpensReview) {
    window.showView(widgets::MainWindow::View::ClusterMap);
    widgets::ClusterMapView* view = window.clusterMap();
    QAbstractItemModelTester t1(view->clusters(),
                                QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester t2(view->selection(),
                                QAbstractItemModelTester::FailureReportingMode::Fatal);
    // The map loads in a job once the view is shown.
    QSignalSpy loaded(window.document(), &model::ProjectDocument::mapChanged);
    ASSERT_TRUE(loaded.count() > 0 || loaded.wait(60000));
    widgets::ClusterMapWidget* map = view->map();
    ASSERT_NE(map->points(), nullptr);
    EXPECT_EQ(map->points()->size(), 9514u);
    ASSERT_GT(view->clusters()->rowCount(), 1);
    // The initial view spans the 0.2nd–99.8th percentiles: a box around it selects nearly all
    // points; zoomed out (−, twice), it selects every one.
    auto selectAll = [&]() {
        map->renderNow();
        QTest::mousePress(map, Qt::LeftButton, Qt::ShiftModifier, QPoint(1, 1));
        QTest::mouseMove(map, QPoint(map->width() - 2, map->height() - 2));
        QTest::mouseRelease(map, Qt::LeftButton, Qt::ShiftModifier,
                            QPoint(map->width() - 2, map->height() - 2));
        return view->selection()->rowCount();
    };
    map->resetView();
    const int inView = selectAll();
    EXPECT_GE(inView, 9514 * 99 / 100);
    EXPECT_LE(inView, 9514);
    map->setFocus();
    QTest::keyClick(map, Qt::Key_Minus);
    QTest::keyClick(map, Qt::Key_Minus);
    EXPECT_EQ(selectAll(), 9514);
    // Choosing a cluster lists exactly its members.
    view->selectCluster(0);
    const auto& cluster = view->clusters()->rows().at(0);
    EXPECT_EQ(view->selection()->rowCount(), cluster.size);
    // Reviewing the cluster makes its members the review queue.
    window.review()->reviewGroup(model::GroupKind::Cluster, cluster.id, QStringLiteral("c"));
    EXPECT_EQ(window.review()->queueModel()->rowCount(), cluster.size);
    // Recolouring redraws without changing the points.
    map->setColourBy(widgets::ClusterMapWidget::ColourBy::SyntheticLikeness);
    EXPECT_GE(map->renderNow(), 0.0);
    EXPECT_EQ(map->points()->size(), 9514u);
}

TEST_F(Widgets, DuplicatesViewShowsGroupsSideBySide) {
    window.showView(widgets::MainWindow::View::Duplicates);
    widgets::DuplicatesView* view = window.duplicates();
    QAbstractItemModelTester t1(view->groups(),
                                QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_GT(view->groups()->rowCount(), 0);
    const auto& largest = view->groups()->rows().at(0);
    EXPECT_GE(largest.size, 2);
    view->showGroup(0);
    // One text panel per member, at most six side by side.
    const auto panels = view->findChildren<QTextBrowser*>();
    EXPECT_EQ(panels.size(), std::min<qsizetype>(6, largest.size));
    window.review()->reviewGroup(model::GroupKind::Duplicate, largest.id, QStringLiteral("d"));
    EXPECT_EQ(window.review()->queueModel()->rowCount(), largest.size);
}

TEST(EmbeddingsDialogTest, BuildsTheSpecTheFormDescribes) {
    widgets::EmbeddingsDialog dialog(
        {{QStringLiteral("tfidf-svd"), 10}, {QStringLiteral("e5"), 10}}, QStringLiteral("e5"));
    EXPECT_EQ(dialog.chosenSource(), QStringLiteral("e5"));
    QPushButton* addButton = nullptr;
    for (auto* b : dialog.findChildren<QPushButton*>())
        if (b->text() == QStringLiteral("Add and use"))
            addButton = b;
    ASSERT_NE(addButton, nullptr);
    EXPECT_FALSE(addButton->isEnabled()); // no name yet
    const auto edits = dialog.findChildren<QLineEdit*>();
    ASSERT_GE(edits.size(), 6);
    edits[0]->setText(QStringLiteral("mine")); // name
    EXPECT_FALSE(addButton->isEnabled());      // the field is still empty
    edits[1]->setText(QStringLiteral("vector"));
    EXPECT_TRUE(addButton->isEnabled());
    const model::EmbeddingSpec spec = dialog.spec();
    EXPECT_EQ(spec.kind, model::EmbeddingSpec::Kind::Field);
    EXPECT_EQ(spec.source, QStringLiteral("mine"));
    EXPECT_EQ(spec.field, QStringLiteral("vector"));
}

TEST_F(Widgets, ChecklistJudgesTheRedLinesAndLinksToEvidence) {
    window.showView(widgets::MainWindow::View::Checklist);
    auto* rules = window.checklist()->rules();
    QAbstractItemModelTester tester(rules, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_EQ(rules->rowCount(), 14); // the shipped defaults
    int detectability = -1;
    for (int r = 0; r < rules->rowCount(); ++r)
        if (rules->rows().at(r).rule.id == QStringLiteral("detectability"))
            detectability = r;
    ASSERT_GE(detectability, 0);
    // Tweets and Bitext are told apart perfectly: the warning rule trips.
    EXPECT_EQ(rules->rows().at(detectability).status, model::GateStatus::Warn);
    QSignalSpy evidence(window.checklist(), &widgets::ChecklistView::evidenceRequested);
    auto* table = window.checklist()->findChild<QTableView*>(QStringLiteral("checklistTable"));
    ASSERT_NE(table, nullptr);
    const QModelIndex cell = rules->index(detectability, 0);
    Q_EMIT table->doubleClicked(cell);
    ASSERT_EQ(evidence.count(), 1);
    EXPECT_EQ(evidence.at(0).at(0).toString(), QStringLiteral("cluster-map"));
    EXPECT_EQ(window.findChild<QTabWidget*>(QStringLiteral("viewTabs"))->currentWidget(),
              window.clusterMap());
}
