// Widget tests on the offscreen platform, on a project made from the real customer-support
// pair in ../shared/data.
#include "TestSupport.h"

#include "model/Analyzer.h"
#include "model/CorpusModels.h"
#include "model/Gate.h"
#include "model/GateModels.h"
#include "model/Importer.h"
#include "model/JobRunner.h"
#include "model/Json.h"
#include "model/JudgeModels.h"
#include "model/MetricModels.h"
#include "model/ProjectDocument.h"
#include "model/Report.h"
#include "model/ReviewCommands.h"
#include "model/ReviewModels.h"
#include "model/SampleSearch.h"
#include "model/SampleTableModel.h"
#include "model/Settings.h"
#include "model/SimilarityModels.h"
#include "model/SkeletonModels.h"
#include "model/TeamModels.h"
#include "widgets/BulkAnswerBar.h"
#include "widgets/Charts.h"
#include "widgets/ChecklistView.h"
#include "widgets/ClusterMapView.h"
#include "widgets/ClusterMapWidget.h"
#include "widgets/DivergenceView.h"
#include "widgets/DuplicatesView.h"
#include "widgets/EmbeddingsDialog.h"
#include "widgets/EmptyState.h"
#include "widgets/ExportDialog.h"
#include "widgets/ImportDialog.h"
#include "widgets/JobStatusWidget.h"
#include "widgets/JudgeView.h"
#include "widgets/Language.h"
#include "widgets/MainWindow.h"
#include "widgets/OverviewView.h"
#include "widgets/ProjectPanel.h"
#include "widgets/ReviewView.h"
#include "widgets/SampleQueueDialog.h"
#include "widgets/SamplesView.h"
#include "widgets/SkeletonsView.h"
#include "widgets/TagSetDialog.h"
#include "widgets/TeamView.h"
#include "widgets/TrendsView.h"

#include <QAbstractBarSeries>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScreen>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <array>
#include <functional>

using namespace synthscope;

namespace {

QTemporaryDir* g_dir = nullptr;

QString demoProject() {
    return g_dir->filePath(QStringLiteral("demo.synthscope"));
}

// The gate is judged in a job (ProjectDocument::requestGate): waits until the verdict on the
// project as it is now has landed (the views showing it reload as it lands).
bool waitForGate(widgets::MainWindow& window) {
    return QTest::qWaitFor([&window]() { return window.document()->gateCurrent(); }, 60000);
}

// Runs act on the modal dialog of type T once it is shown: exec() blocks whoever opens it, so
// the act is queued first and polls for the dialog (up to ~10 s).
template <typename T> void whenModal(std::function<void(T*)> act, int tries = 500) {
    QTimer::singleShot(20, [act = std::move(act), tries]() mutable {
        if (auto* dialog = qobject_cast<T*>(QApplication::activeModalWidget())) {
            dialog->activateWindow(); // as the window system does: its shortcuts then apply
            if (!QTest::qWaitForWindowActive(dialog))
                ADD_FAILURE() << "the dialog never became active";
            act(dialog);
        } else if (tries > 0)
            whenModal<T>(std::move(act), tries - 1);
    });
}

// Answers QInputDialog::getText with text (typed) and OK.
void typeIntoInputDialog(const QString& text) {
    whenModal<QInputDialog>([text](QInputDialog* dialog) {
        auto* edit = dialog->findChild<QLineEdit*>();
        edit->selectAll();
        QTest::keyClicks(edit, text);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
    });
}

QAction* menuAction(QWidget& window, const QString& text) {
    for (QAction* action : window.findChildren<QAction*>())
        if (action->text() == text)
            return action;
    ADD_FAILURE() << "no action " << text.toStdString();
    return nullptr;
}

// Opens the project at path in window, shows it and clicks view's tab, as a reviewer gets
// there. False (with the failure recorded) when the project does not open, the window is never
// exposed or view has no tab.
bool openAndClickTab(widgets::MainWindow& window, const QString& path, QWidget* view) {
    const model::Status opened = window.openProject(path, model::Project::OpenMode::OpenExisting);
    EXPECT_TRUE(opened.ok()) << opened.error().toStdString();
    window.show();
    const bool exposed = QTest::qWaitForWindowExposed(&window);
    EXPECT_TRUE(exposed);
    auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("viewTabs"));
    EXPECT_NE(tabs, nullptr);
    if (!opened.ok() || !exposed || tabs == nullptr)
        return false;
    const int tab = tabs->indexOf(view);
    EXPECT_GE(tab, 0);
    if (tab < 0)
        return false;
    QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(tab).center());
    EXPECT_EQ(tabs->currentWidget(), view);
    return tabs->currentWidget() == view;
}

// Runs the event loop until the sample table's searches have answered.
void settleSearch(const model::SampleTableModel* table, QSignalSpy& finished) {
    QApplication::processEvents();
    while (table->searching())
        ASSERT_TRUE(finished.wait(10000));
}

class Widgets : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        g_dir = new QTemporaryDir;
        test::cachedProject(*g_dir, QStringLiteral("demo.synthscope"), [](const QString&) {
            auto project = test::newProject(*g_dir, QStringLiteral("demo.synthscope"));
            test::importCustomerSupportPair(*project);
        });
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
    // Metric and one column per corpus: the pooled column, empty on every per-corpus row, went
    // (issue 13, item 8); the pooled values are the cards.
    EXPECT_EQ(metrics->columnCount(), 3);
    EXPECT_EQ(metrics->headerData(2, Qt::Horizontal, Qt::DisplayRole).toString(),
              QStringLiteral("bitext"));
    // The pooled comparisons are a table of their own: metric and value, each row filled.
    auto* pooled = window.overview()->pooledModel();
    ASSERT_GE(pooled->rowCount(), 5);
    EXPECT_EQ(pooled->columnCount(), 2);
    for (int r = 0; r < pooled->rowCount(); ++r)
        EXPECT_FALSE(pooled->index(r, 1).data().toString().isEmpty()) << r;
    auto* state = window.overview()->findChild<widgets::EmptyState*>();
    ASSERT_NE(state, nullptr);
    EXPECT_TRUE(state->isShowingContent());
    ASSERT_TRUE(waitForGate(window));
    const auto cards = window.overview()->findChildren<QFrame*>(QStringLiteral("metricCard"));
    ASSERT_FALSE(cards.isEmpty());
    // Cards carry their red line's status and condition: on the demo the synthetic share
    // (4514 of 9514) passes its 0.5 cap, and Bitext's lengths (JS 0.95) trip the 0.5 warning.
    QMap<QString, QString> statusOf; // card title → status line
    for (QFrame* c : cards) {
        const auto labels = c->findChildren<QLabel*>();
        auto* status = c->findChild<QLabel*>(QStringLiteral("cardStatus"));
        if (status != nullptr && labels.size() >= 2)
            statusOf[labels.at(1)->text()] = status->text();
    }
    EXPECT_TRUE(statusOf.value(QStringLiteral("Samples: real / synthetic"))
                    .startsWith(QStringLiteral("PASS")))
        << statusOf.value(QStringLiteral("Samples: real / synthetic")).toStdString();
    EXPECT_TRUE(
        statusOf.value(QStringLiteral("JS divergence: length")).startsWith(QStringLiteral("WARN")));
    EXPECT_TRUE(
        statusOf.value(QStringLiteral("JS divergence: length")).contains(QStringLiteral("0.5")));
    EXPECT_FALSE(statusOf.contains(QStringLiteral("JS divergence: bigrams"))); // no rule on it

    // Each synthetic corpus against reality: Bitext, far outside the tweet-vs-tweet band.
    auto* vsReal = window.overview()->vsRealModel();
    QAbstractItemModelTester vsTester(vsReal,
                                      QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_EQ(vsReal->rowCount(), 1);
    EXPECT_EQ(vsReal->data(vsReal->index(0, 0), Qt::DisplayRole).toString(),
              QStringLiteral("bitext"));
    auto* table = window.overview()->findChild<QTableView*>(QStringLiteral("vsRealTable"));
    ASSERT_NE(table, nullptr);
    EXPECT_TRUE(table->isVisible());
    int detectability = -1;
    for (int c = 1; c < vsReal->columnCount(); ++c)
        if (vsReal->headerData(c, Qt::Horizontal, Qt::DisplayRole)
                .toString()
                .startsWith(QStringLiteral("Detectability")))
            detectability = c;
    ASSERT_GT(detectability, 0);
    const QModelIndex cell = vsReal->index(0, detectability);
    EXPECT_GT(vsReal->data(cell, model::VsRealModel::ValueRole).toDouble(), 0.9);
    EXPECT_TRUE(vsReal->data(cell, model::VsRealModel::OutsideNullRole).toBool());
    EXPECT_TRUE(vsReal->data(cell, Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Real vs real at the same size")));

    // Tweets (median 18 tokens) against Bitext's long answers: a warning says the lengths
    // differ, and the length-matched table says why it has no lifts for Bitext.
    auto* warning = window.overview()->findChild<QLabel*>(QStringLiteral("lengthWarning"));
    ASSERT_NE(warning, nullptr);
    EXPECT_TRUE(warning->isVisible());
    EXPECT_TRUE(warning->text().contains(QStringLiteral("Text lengths differ")));
    EXPECT_TRUE(warning->text().contains(QStringLiteral("bitext")));
    auto* lengths = window.overview()->lengthModel();
    QAbstractItemModelTester lengthTester(lengths,
                                          QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_EQ(lengths->rowCount(), 1);
    EXPECT_GT(lengths->index(0, 1).data(model::LengthControlModel::ValueRole).toDouble(), 0.5);
    ASSERT_GT(lengths->columnCount(), 2);
    EXPECT_EQ(lengths->index(0, 2).data().toString(), QStringLiteral("–"));
    EXPECT_TRUE(lengths->index(0, 2)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("lengths the real data lacks")));

    // Raw measures that length and corpus size confound are listed only on request.
    const auto listed = [&](const char* key) {
        for (int r = 0; r < metrics->rowCount(); ++r)
            if (metrics->index(r, 0).data(model::MetricsTableModel::MetricKeyRole).toString() ==
                QLatin1StringView(key))
                return true;
        return false;
    };
    EXPECT_TRUE(listed("self_repetition_at_budget"));
    EXPECT_FALSE(listed("skeleton_repetition_rate"));
    auto* showRaw = window.overview()->findChild<QCheckBox*>(QStringLiteral("showRawMeasures"));
    ASSERT_NE(showRaw, nullptr);
    QTest::mouseClick(showRaw, Qt::LeftButton, {}, QPoint(8, showRaw->height() / 2));
    EXPECT_TRUE(showRaw->isChecked());
    EXPECT_TRUE(listed("skeleton_repetition_rate"));
    QTest::mouseClick(showRaw, Qt::LeftButton, {}, QPoint(8, showRaw->height() / 2));
    EXPECT_FALSE(listed("skeleton_repetition_rate"));
}

TEST_F(Widgets, DivergenceDrawsChartsAndIndicatingWords) {
    window.showView(widgets::MainWindow::View::Divergence);
    // length, perplexity, nearest-neighbour similarity: 2 areas each; labels, JS and how the
    // texts are written: 1 bar series.
    EXPECT_EQ(window.divergence()->seriesCount(), 9);
    auto* real = window.divergence()->realTermsModel();
    auto* synthetic = window.divergence()->syntheticTermsModel();
    QAbstractItemModelTester t1(real, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester t2(synthetic, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(real->rowCount(), 30);
    EXPECT_EQ(synthetic->rowCount(), 30);
    auto* diversity = window.divergence()->diversityModel();
    QAbstractItemModelTester t3(diversity, QAbstractItemModelTester::FailureReportingMode::Fatal);
    // The controlled measures: vocabulary and distinct-2 at equal tokens, self-repetition,
    // n-gram Vendi, MTLD, templates per token, and the share of Bitext's lengths without a
    // tweet of the same length; the length-matched lifts are absent (too few matches).
    EXPECT_EQ(diversity->rowCount(), 7);
    EXPECT_EQ(diversity->columnCount(), 3); // metric, twitter, bitext
}

// The queue list shows a batch of rows at a time (a list view lays out every row it is told
// of: ~47 ms for a 475,000-sample queue at once); N past the rows shown brings the next batch,
// and the position counts the whole queue. Batches of 100 here. (No QAbstractItemModelTester:
// its checks call fetchMore() while it still handles a reset.)
TEST_F(Widgets, ReviewQueueShowsItsRowsABatchAtATime) {
    window.showView(widgets::MainWindow::View::Review);
    widgets::ReviewView* review = window.review();
    auto* queue = review->queueModel();
    queue->setRowsPerFetch(100);
    queue->reload();
    ASSERT_EQ(queue->size(), 4514);
    EXPECT_EQ(queue->rowCount(), 100);
    auto* list = review->findChild<QListView*>(QStringLiteral("reviewQueue"));
    list->setFocus();
    for (int i = 0; i < 150; ++i)
        QTest::keyClick(list, Qt::Key_N);
    EXPECT_EQ(review->currentRow(), 150);
    EXPECT_EQ(list->currentIndex().row(), 150); // shown in the list (the batch came in)
    // Batches came in (the list's own fetch at its end, or N past the rows shown), not the
    // whole queue: at most rows 0–150 and a batch of 100 past them.
    EXPECT_GT(queue->rowCount(), 150);
    EXPECT_LE(queue->rowCount(), 251);
    EXPECT_EQ(list->currentIndex().data(model::ReviewQueueModel::SampleIdRole).toLongLong(),
              review->currentSampleId());
    bool counted = false;
    for (const QLabel* label : review->findChildren<QLabel*>())
        counted = counted || label->text() == QStringLiteral("151 of 4514");
    EXPECT_TRUE(counted);
    queue->setRowsPerFetch(model::ReviewQueueModel::kRowsPerFetch);
    queue->reload();
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

// The tag set is edited in its dialog with the mouse and keys, and every edit is on the undo
// stack: removing a used tag and undoing it (Ctrl+Z in the dialog) gives back its uses; a new
// reviewer name keeps the history, and undo then acts for the reviewer who made the edit.
TEST_F(Widgets, TagSetEditsAndReviewerChangeStayUndoable) {
    auto& store = window.document()->review();
    auto& undo = window.document()->undoStack();
    const bool reviewerWasSet = model::Settings::reviewer().isSet();
    const QString savedReviewer = model::Settings::reviewer().get();
    const QList<model::TagDef> tagsBefore = store.tags();
    window.showView(widgets::MainWindow::View::Review);
    widgets::ReviewView* review = window.review();
    auto* list = review->findChild<QWidget*>(QStringLiteral("reviewQueue"));
    list->setFocus();
    const qint64 sample = review->currentSampleId();
    QTest::keyClick(list, Qt::Key_1); // template feel
    ASSERT_TRUE(store.review(sample).tagIds.contains(tagsBefore.at(0).id));
    QSignalSpy failures(&store, &model::ReviewStore::writeFailed);

    bool edited = false;
    whenModal<widgets::TagSetDialog>([&](widgets::TagSetDialog* dialog) {
        auto* view = dialog->findChild<QListView*>(QStringLiteral("tagList"));
        const QRect first = view->visualRect(view->model()->index(0, 0));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, first.center());
        EXPECT_EQ(view->currentIndex().row(), 0);
        whenModal<QMessageBox>([](QMessageBox* box) {
            QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
        });
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("removeTag")),
                          Qt::LeftButton); // returns when the question is answered
        EXPECT_EQ(store.tags().size(), tagsBefore.size() - 1);
        EXPECT_TRUE(store.review(sample).tagIds.isEmpty());
        EXPECT_EQ(view->model()->rowCount(), tagsBefore.size() - 1);

        // The offscreen platform does not give activation back when the question closes.
        dialog->activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(dialog));
        QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
        EXPECT_EQ(store.tags().size(), tagsBefore.size());
        EXPECT_EQ(store.tags().at(0).id, tagsBefore.at(0).id);
        EXPECT_TRUE(store.review(sample).tagIds.contains(tagsBefore.at(0).id));

        typeIntoInputDialog(QStringLiteral("invented source"));
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("addTag")),
                          Qt::LeftButton);
        EXPECT_EQ(store.tags().last().name, QStringLiteral("invented source"));
        EXPECT_EQ(view->model()->rowCount(), tagsBefore.size() + 1);
        QTest::keyClick(dialog, Qt::Key_Escape);
        edited = true;
    });
    menuAction(window, QStringLiteral("&Tag Set…"))->trigger();
    ASSERT_TRUE(edited);
    ASSERT_EQ(undo.count(), 2); // the tag on the sample, the new tag (the undone removal is gone)
    EXPECT_EQ(undo.undoText(), QStringLiteral("Add tag “invented source”"));

    typeIntoInputDialog(QStringLiteral("second reader"));
    menuAction(window, QStringLiteral("Reviewer &Name…"))->trigger();
    EXPECT_EQ(store.reviewer(), QStringLiteral("second reader"));
    EXPECT_EQ(undo.count(), 2);                         // the history stays
    EXPECT_TRUE(store.review(sample).tagIds.isEmpty()); // the new reviewer has no answers yet
    undo.undo();                                        // the new tag
    EXPECT_EQ(store.tags().size(), tagsBefore.size());
    undo.undo(); // the first reviewer's tag on the sample, though the name changed
    QSqlQuery q(window.document()->project().connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM sample_tags")) && q.next());
    EXPECT_EQ(q.value(0).toInt(), 0);
    EXPECT_EQ(failures.count(), 0);
    if (reviewerWasSet)
        model::Settings::reviewer().set(savedReviewer);
    else
        model::Settings::reviewer().reset();
}

TEST_F(Widgets, SkeletonsListGroupsAndSendOneToReview) {
    window.showView(widgets::MainWindow::View::Skeletons);
    auto* groups = window.skeletons()->groupsModel();
    // Members are fetched when a group is opened or shown (a million-sample project has
    // ~10,000 groups, and a tree asks each whether it has children): the last group, not
    // shown, has none yet. (The model tester below fetches them as it walks the tree.)
    {
        ASSERT_GT(groups->rowCount(), 1);
        const QModelIndex last = groups->index(groups->rowCount() - 1, 0);
        EXPECT_TRUE(groups->hasChildren(last));
        EXPECT_TRUE(groups->canFetchMore(last));
        EXPECT_EQ(groups->rowCount(last), 0);
    }
    // A click on the arrow of a group not fetched yet opens it: its first 200 members by id,
    // fetched as it opens.
    auto* tree = window.skeletons()->findChild<QTreeView*>(QStringLiteral("skeletonTree"));
    ASSERT_NE(tree, nullptr);
    auto* sorted = qobject_cast<QSortFilterProxyModel*>(tree->model());
    ASSERT_NE(sorted, nullptr);
    QModelIndex shownGroup;
    for (int row = 1; row < sorted->rowCount() && !shownGroup.isValid(); ++row)
        if (groups->canFetchMore(sorted->mapToSource(sorted->index(row, 0))))
            shownGroup = sorted->index(row, 0);
    ASSERT_TRUE(shownGroup.isValid());
    tree->scrollTo(shownGroup);
    const QRect groupRect = tree->visualRect(shownGroup);
    const QPoint arrow(groupRect.left() - tree->indentation() / 2, groupRect.center().y());
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, arrow);
    EXPECT_TRUE(tree->isExpanded(shownGroup));
    const QModelIndex opened = sorted->mapToSource(shownGroup);
    EXPECT_FALSE(groups->canFetchMore(opened));
    ASSERT_EQ(groups->rowCount(opened),
              static_cast<int>(std::min<qint64>(groups->groups().at(opened.row()).size, 200)));
    EXPECT_EQ(groups->parent(groups->index(0, 0, opened)), opened);
    EXPECT_EQ(tree->model()->rowCount(shownGroup), groups->rowCount(opened));
    QAbstractItemModelTester t1(groups, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester t2(window.skeletons()->openingsModel(),
                                QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_GT(groups->rowCount(), 0);
    const auto& first = groups->groups().first();
    EXPECT_GE(first.size, 2);
    EXPECT_EQ(first.real + first.synthetic, first.size);
    EXPECT_GT(window.skeletons()->openingsModel()->rowCount(), 0);
    // The tree opens on the most synthetic groups, short replies ("<@> <URL>", one word) hidden
    // until the box is ticked.
    auto* shortBox =
        window.skeletons()->findChild<QCheckBox*>(QStringLiteral("skeletonShortReplies"));
    ASSERT_NE(shortBox, nullptr);
    const int hidden = groups->shortReplyCount();
    ASSERT_GT(hidden, 0); // the demo's tweets have them
    EXPECT_EQ(tree->model()->rowCount(), groups->rowCount() - hidden);
    const auto syntheticAt = [&](int row) {
        return tree->model()
            ->index(row, model::SkeletonGroupsModel::Synthetic)
            .data(model::SkeletonGroupsModel::SortRole)
            .toLongLong();
    };
    EXPECT_GT(syntheticAt(0), 0);
    for (int row = 1; row < tree->model()->rowCount(); ++row)
        ASSERT_LE(syntheticAt(row), syntheticAt(row - 1)) << row;
    for (int row = 0; row < tree->model()->rowCount(); ++row)
        ASSERT_NE(tree->model()->index(row, 0).data().toString(), QStringLiteral("<@> <URL>"));
    // Issue 11's "done when": the first ten rows are Bitext moulds (long answers sharing their
    // template windows, each title with "…" where the fillings differ) that together hold at
    // least a third of Bitext's 4,514 samples.
    ASSERT_GE(tree->model()->rowCount(), 10);
    qint64 firstTen = 0;
    for (int row = 0; row < 10; ++row) {
        const QModelIndex title = tree->model()->index(row, model::SkeletonGroupsModel::Pattern);
        EXPECT_EQ(title.data(model::SkeletonGroupsModel::ShortReplyRole).toString(),
                  QStringLiteral("0"));
        EXPECT_TRUE(title.data(Qt::ToolTipRole).toString().contains(QStringLiteral("…")))
            << title.data().toString().toStdString();
        const auto real = tree->model()
                              ->index(row, model::SkeletonGroupsModel::Real)
                              .data(model::SkeletonGroupsModel::SortRole)
                              .toLongLong();
        EXPECT_EQ(real, 0) << row;
        firstTen += syntheticAt(row);
    }
    EXPECT_GE(3 * firstTen, 4514) << firstTen;
    // A click on "Lift" (lift over real) sorts by it: in either direction, in order.
    QHeaderView* header = tree->header();
    const int lift = model::SkeletonGroupsModel::Lift;
    ASSERT_FALSE(header->isSectionHidden(lift));
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(lift) + header->sectionSize(lift) / 2,
                             header->height() / 2));
    ASSERT_EQ(header->sortIndicatorSection(), lift);
    const auto liftAt = [&](int row) {
        return tree->model()
            ->index(row, lift)
            .data(model::SkeletonGroupsModel::SortRole)
            .toDouble();
    };
    const bool descending = header->sortIndicatorOrder() == Qt::DescendingOrder;
    for (int row = 1; row < tree->model()->rowCount(); ++row)
        ASSERT_TRUE(descending ? liftAt(row) <= liftAt(row - 1) : liftAt(row) >= liftAt(row - 1))
            << row;
    EXPECT_NE(liftAt(0), liftAt(tree->model()->rowCount() - 1));
    QTest::mouseClick(shortBox, Qt::LeftButton, {}, QPoint(8, shortBox->height() / 2));
    EXPECT_TRUE(shortBox->isChecked());
    EXPECT_EQ(tree->model()->rowCount(), groups->rowCount());
    QTest::mouseClick(shortBox, Qt::LeftButton, {}, QPoint(8, shortBox->height() / 2));
    EXPECT_EQ(tree->model()->rowCount(), groups->rowCount() - hidden);
    // Recurring templates, the most synthetic-leaning first, shown in their table.
    auto* templates = window.skeletons()->findChild<QTableView*>(QStringLiteral("templatesTable"));
    ASSERT_NE(templates, nullptr);
    EXPECT_TRUE(templates->isVisible());
    QAbstractItemModelTester t3(templates->model(),
                                QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_GT(templates->model()->rowCount(), 1);
    const auto zOf = [&](int row) {
        return templates->model()
            ->index(row, model::RecurringTemplateModel::ZScore)
            .data()
            .toString()
            .toDouble();
    };
    EXPECT_GT(zOf(0), 2.0);
    EXPECT_GE(zOf(0), zOf(1));
    EXPECT_GT(templates->model()->index(0, model::RecurringTemplateModel::Synthetic).data().toInt(),
              templates->model()->index(0, model::RecurringTemplateModel::Real).data().toInt());
    auto* members = window.skeletons()->findChild<QTextBrowser*>(QStringLiteral("skeletonMembers"));
    EXPECT_FALSE(members->toPlainText().isEmpty());
    // Tab walks into the templates table without choosing a template (the pane still shows
    // the group) and out of it again.
    const QString groupTitle =
        window.skeletons()->findChild<QLabel*>(QStringLiteral("skeletonTitle"))->text();
    ASSERT_TRUE(groupTitle.contains(QStringLiteral("Group"))) << groupTitle.toStdString();
    templates->setFocus();
    ASSERT_TRUE(templates->hasFocus());
    QTest::keyClick(templates, Qt::Key_Tab);
    EXPECT_FALSE(templates->hasFocus());
    EXPECT_EQ(window.skeletons()->findChild<QLabel*>(QStringLiteral("skeletonTitle"))->text(),
              groupTitle);
    // A click on a recurring template shows samples that contain it, the span marked (bold).
    const QRect second = templates->visualRect(templates->model()->index(1, 0));
    QTest::mouseClick(templates->viewport(), Qt::LeftButton, {}, second.center());
    ASSERT_EQ(templates->currentIndex().row(), 1);
    const QString templateHtml = members->toHtml();
    EXPECT_TRUE(templateHtml.contains(QStringLiteral("font-weight:700")));
    EXPECT_TRUE(templateHtml.contains(QStringLiteral("text-decoration: underline")));
    EXPECT_GE(members->toPlainText().count(QLatin1Char('#')), 2); // at least two examples
    EXPECT_EQ(tree->currentIndex(), QModelIndex()); // the pane no longer shows a group
    // A click on the first group shows its members again.
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {},
                      tree->visualRect(tree->model()->index(0, 0)).center());
    EXPECT_FALSE(members->toHtml().contains(QStringLiteral("text-decoration: underline")));
    EXPECT_FALSE(templates->currentIndex().isValid());

    window.review()->reviewGroup(model::GroupKind::Skeleton, first.id, first.pattern);
    EXPECT_EQ(window.review()->queueModel()->rowCount(), static_cast<int>(first.size));
}

// Review says which recurring templates the shown sample contains: a Bitext answer with an
// {{Order Number}}-style placeholder holds the first of them; a tweet too short for a
// six-token window holds none.
TEST_F(Widgets, ReviewShowsTheRecurringTemplatesOfASample) {
    ASSERT_TRUE(window.document()->analysis());
    const auto& templates = window.document()->analysis()->recurringTemplates;
    ASSERT_FALSE(templates.isEmpty());
    QSqlQuery q(window.document()->project().connection());
    ASSERT_TRUE(q.exec(QStringLiteral(
        "SELECT s.id FROM samples s JOIN corpora c ON c.id = s.corpus_id WHERE c.role = "
        "'synthetic' AND s.text LIKE '%{{%}}%' ORDER BY s.id LIMIT 1")));
    ASSERT_TRUE(q.next());
    const qint64 bitext = q.value(0).toLongLong();
    ASSERT_TRUE(q.exec(QStringLiteral(
        "SELECT s.id FROM samples s JOIN corpora c ON c.id = s.corpus_id WHERE c.role = 'real' "
        "AND length(s.text) < 10 ORDER BY s.id LIMIT 1")));
    ASSERT_TRUE(q.next());
    const qint64 tweet = q.value(0).toLongLong();

    window.showView(widgets::MainWindow::View::Review);
    window.review()->reviewSamples({bitext, tweet}, QStringLiteral("templates"));
    auto* header = window.review()->findChild<QLabel*>(QStringLiteral("sampleHeader"));
    ASSERT_NE(header, nullptr);
    EXPECT_TRUE(header->text().contains(QStringLiteral("recurring template “<code>")))
        << header->text().toStdString();
    EXPECT_TRUE(header->toolTip().contains(QStringLiteral("z ")))
        << header->toolTip().toStdString();
    EXPECT_TRUE(header->toolTip().contains(templates.first().pattern))
        << header->toolTip().toStdString();
    window.review()->showRow(1);
    EXPECT_FALSE(header->text().contains(QStringLiteral("recurring template “<code>")));
    EXPECT_TRUE(header->toolTip().isEmpty());
}

TEST_F(Widgets, ImportDialogPreviewsAndMapsRealFile) {
    widgets::ImportDialog dialog;
    dialog.setFiles({test::dataFile(
        QStringLiteral("bitext-customer-support-4.5k/bitext_customer_support_training.jsonl"))});
    auto* preview = dialog.findChild<QTableWidget*>(QStringLiteral("importPreview"));
    ASSERT_NE(preview, nullptr);
    EXPECT_EQ(preview->rowCount(), 20);
    EXPECT_EQ(preview->columnCount(), 11);
    // Bitext's instruction/response reads as a conversation; a click on Field takes one field,
    // the response by its name.
    EXPECT_TRUE(dialog.spec().mapping.conversation.enabled());
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(dialog.findChild<QRadioButton*>(QStringLiteral("importTextField")),
                      Qt::LeftButton);
    const model::ImportSpec spec = dialog.spec();
    EXPECT_FALSE(spec.mapping.conversation.enabled());
    EXPECT_EQ(spec.corpusName, QStringLiteral("bitext_customer_support_training"));
    EXPECT_EQ(spec.mapping.textField, "response"); // picked by name
    EXPECT_TRUE(dialog.findChild<QPlainTextEdit*>(QStringLiteral("mappedPreview"))
                    ->toPlainText()
                    .startsWith(QStringLiteral("I understand how unnerving")));
}

namespace {
// An import dialog on the real Twitter file, shown on screen as a user sees it.
void showImportDialog(widgets::ImportDialog& dialog) {
    dialog.setFiles(
        {test::dataFile(QStringLiteral("twitter-customer-support-sample5000/twcs_sample.jsonl"))});
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
}
} // namespace

// The role and the text source are separate choices: clicking one must never untick the
// other (they once shared one exclusive group and a real corpus was stored as synthetic), and
// Import stays disabled until the role is chosen.
TEST_F(Widgets, ImportDialogKeepsRoleAndTextChoicesApart) {
    widgets::ImportDialog dialog;
    showImportDialog(dialog);
    auto* real = dialog.findChild<QRadioButton*>(QStringLiteral("importRoleReal"));
    auto* synthetic = dialog.findChild<QRadioButton*>(QStringLiteral("importRoleSynthetic"));
    auto* field = dialog.findChild<QRadioButton*>(QStringLiteral("importTextField"));
    auto* textTemplate = dialog.findChild<QRadioButton*>(QStringLiteral("importTextTemplate"));
    ASSERT_TRUE(real && synthetic && field && textTemplate);
    auto* buttons = dialog.findChild<QDialogButtonBox*>();
    QPushButton* import = buttons->button(QDialogButtonBox::Ok);
    EXPECT_FALSE(real->isChecked());
    EXPECT_FALSE(synthetic->isChecked());
    EXPECT_FALSE(import->isEnabled()); // no role yet

    QTest::mouseClick(real, Qt::LeftButton);
    EXPECT_TRUE(real->isChecked());
    EXPECT_TRUE(field->isChecked()); // clicking the role left the text source alone
    EXPECT_TRUE(import->isEnabled());

    QTest::mouseClick(textTemplate, Qt::LeftButton);
    EXPECT_TRUE(textTemplate->isChecked());
    EXPECT_TRUE(real->isChecked()); // clicking the text source left the role alone
    QTest::mouseClick(field, Qt::LeftButton);
    EXPECT_TRUE(field->isChecked());
    EXPECT_FALSE(textTemplate->isChecked());
    EXPECT_TRUE(real->isChecked());
    EXPECT_FALSE(synthetic->isChecked());

    QTest::mouseClick(import, Qt::LeftButton);
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    const model::ImportSpec spec = dialog.spec();
    EXPECT_EQ(spec.role, model::Role::Real);
    EXPECT_EQ(spec.mapping.textField, "text");

    // And the other way round: Synthetic, then the text source, still synthetic.
    widgets::ImportDialog second;
    showImportDialog(second);
    auto* secondSynthetic = second.findChild<QRadioButton*>(QStringLiteral("importRoleSynthetic"));
    QTest::mouseClick(secondSynthetic, Qt::LeftButton);
    QTest::mouseClick(second.findChild<QRadioButton*>(QStringLiteral("importTextTemplate")),
                      Qt::LeftButton);
    QTest::mouseClick(second.findChild<QRadioButton*>(QStringLiteral("importTextField")),
                      Qt::LeftButton);
    EXPECT_TRUE(secondSynthetic->isChecked());
    QTest::mouseClick(second.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    EXPECT_EQ(second.result(), QDialog::Accepted);
    EXPECT_EQ(second.spec().role, model::Role::Synthetic);
}

// A uniform sample from the dialog: ticking the box enables its size and seed, what is typed
// there becomes the import's sampling, and unticking it imports every record again.
TEST_F(Widgets, ImportDialogAsksForAUniformSample) {
    widgets::ImportDialog dialog;
    showImportDialog(dialog);
    auto* sample = dialog.findChild<QCheckBox*>(QStringLiteral("importSample"));
    auto* size = dialog.findChild<QSpinBox*>(QStringLiteral("importSampleSize"));
    auto* seed = dialog.findChild<QSpinBox*>(QStringLiteral("importSampleSeed"));
    ASSERT_TRUE(sample && size && seed);
    EXPECT_FALSE(dialog.spec().sampling.has_value());
    EXPECT_FALSE(size->isEnabled());
    QTest::mouseClick(sample, Qt::LeftButton);
    ASSERT_TRUE(sample->isChecked());
    ASSERT_TRUE(size->isEnabled() && seed->isEnabled());
    size->setFocus();
    QTest::keyClick(size, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(size, QStringLiteral("2500"));
    seed->setFocus();
    QTest::keyClick(seed, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(seed, QStringLiteral("42"));
    QTest::keyClick(seed, Qt::Key_Tab);
    const model::ImportSpec spec = dialog.spec();
    ASSERT_TRUE(spec.sampling.has_value());
    EXPECT_EQ(spec.sampling->size, 2500);
    EXPECT_EQ(spec.sampling->seed, 42u);
    QTest::mouseClick(sample, Qt::LeftButton);
    EXPECT_FALSE(dialog.spec().sampling.has_value());
    EXPECT_FALSE(size->isEnabled());
}

// An engine's duplicate-cluster ids: on the real tweets the user types the field's name into
// the closed box (keyboard search) and the import takes it; datatrove's output (the same tweets
// with the id nested in "metadata") offers the dotted name and picks it by itself.
TEST_F(Widgets, ImportDialogTakesADuplicateClusterField) {
    widgets::ImportDialog dialog;
    showImportDialog(dialog);
    auto* box = dialog.findChild<QComboBox*>(QStringLiteral("importDuplicateCluster"));
    ASSERT_NE(box, nullptr);
    EXPECT_EQ(box->currentIndex(), 0); // (none)
    EXPECT_TRUE(dialog.spec().mapping.duplicateClusterField.empty());
    // Import stays on a 1280×720 screen (less the task bar and title): the mapping scrolls.
    EXPECT_LE(dialog.minimumSizeHint().height(), 720 - 70);
    box->setFocus();
    QTest::keyClicks(box, QStringLiteral("author"));
    EXPECT_EQ(box->currentText(), QStringLiteral("author_id"));
    EXPECT_EQ(dialog.spec().mapping.duplicateClusterField, "author_id");

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("datatrove.jsonl"));
    QFile out(path);
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    QFile in(
        test::dataFile(QStringLiteral("twitter-customer-support-sample5000/twcs_sample.jsonl")));
    ASSERT_TRUE(in.open(QIODevice::ReadOnly));
    for (int i = 0; i < 30 && !in.atEnd(); ++i) {
        const model::Json t = model::Json::parse(in.readLine().toStdString());
        out.write(QByteArray::fromStdString(
            model::Json{{"text", t["text"]}, {"metadata", {{"minhash_cluster", t["author_id"]}}}}
                .dump() +
            "\n"));
    }
    out.close();
    widgets::ImportDialog engine;
    engine.setFiles({path});
    engine.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&engine));
    auto* engineBox = engine.findChild<QComboBox*>(QStringLiteral("importDuplicateCluster"));
    EXPECT_EQ(engineBox->currentText(), QStringLiteral("metadata.minhash_cluster"));
    EXPECT_EQ(engine.spec().mapping.duplicateClusterField, "metadata.minhash_cluster");
    engineBox->setFocus();
    QTest::keyClick(engineBox, Qt::Key_Home); // back to (none)
    EXPECT_TRUE(engine.spec().mapping.duplicateClusterField.empty());
}

// Self-Instruct's seed tasks hold each task's instances as an array of objects: the field lists
// offer the instruction and the other plain fields, not "instances" (as a text every record
// would be a reject), while the file's preview still shows that column.
TEST_F(Widgets, ImportDialogOffersOnlyFieldsThatCanBeAText) {
    widgets::ImportDialog dialog;
    dialog.setFiles({test::dataFile(QStringLiteral("self-instruct-seed-tasks/seed_tasks.jsonl"))});
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(dialog.findChild<QRadioButton*>(QStringLiteral("importTextField")),
                      Qt::LeftButton);
    auto* text = dialog.findChild<QComboBox*>(QStringLiteral("importTextFieldName"));
    ASSERT_NE(text, nullptr);
    QStringList offered;
    for (int i = 0; i < text->count(); ++i)
        offered << text->itemText(i);
    EXPECT_TRUE(offered.contains(QStringLiteral("instruction")))
        << offered.join(u',').toStdString();
    EXPECT_TRUE(offered.contains(QStringLiteral("name")));
    EXPECT_FALSE(offered.contains(QStringLiteral("instances"))) << offered.join(u',').toStdString();
    auto* preview = dialog.findChild<QTableWidget*>(QStringLiteral("importPreview"));
    ASSERT_NE(preview, nullptr);
    bool instancesColumn = false; // the preview still shows every column
    for (int c = 0; c < preview->columnCount(); ++c)
        instancesColumn |= preview->horizontalHeaderItem(c)->text() == QStringLiteral("instances");
    EXPECT_TRUE(instancesColumn);
    text->setFocus();
    QTest::keyClicks(text, QStringLiteral("instr"));
    EXPECT_EQ(dialog.spec().mapping.textField, "instruction");
}

// Twitter's customer messages as the real prompts: typing a condition keeps only the records
// that match it; a malformed one blocks Import with a message.
TEST_F(Widgets, ImportDialogFiltersRecordsByAField) {
    widgets::ImportDialog dialog;
    showImportDialog(dialog);
    auto* where = dialog.findChild<QLineEdit*>(QStringLiteral("importWhere"));
    auto* mapped = dialog.findChild<QPlainTextEdit*>(QStringLiteral("mappedPreview"));
    ASSERT_TRUE(where && mapped);
    QTest::mouseClick(dialog.findChild<QRadioButton*>(QStringLiteral("importRoleReal")),
                      Qt::LeftButton);
    QPushButton* import = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QTest::mouseClick(where, Qt::LeftButton);
    QTest::keyClicks(where, QStringLiteral("inbound"));
    EXPECT_FALSE(import->isEnabled()); // no value yet
    QTest::keyClicks(where, QStringLiteral("=True"));
    EXPECT_TRUE(import->isEnabled());
    // The file's first tweet is the company's (inbound "False"): the preview shows the first
    // customer message instead.
    EXPECT_EQ(mapped->toPlainText(),
              QStringLiteral("@sprintcare and how do you propose we do that"));
    const model::ImportSpec spec = dialog.spec();
    ASSERT_EQ(spec.mapping.where.size(), 1u);
    EXPECT_EQ(spec.mapping.where.at("inbound"), "True");
    // A misspelt field would import nothing: Import waits for a field the records have.
    where->clear();
    QTest::keyClicks(where, QStringLiteral("inbond=True"));
    EXPECT_FALSE(import->isEnabled());
    EXPECT_TRUE(dialog.findChild<QLabel*>(QStringLiteral("importError"))
                    ->text()
                    .contains(QStringLiteral("No field 'inbond'")));
}

// AlpacaEval's judge annotations are preference pairs: the dialog says so by itself, reads them
// as pairs unless the user picks a field, and previews the first pair with its verdict.
TEST_F(Widgets, ImportDialogReadsJudgedPairsAsPairs) {
    widgets::ImportDialog dialog;
    dialog.setFiles(
        {test::dataFile(QStringLiteral("alpaca-eval-judge-annotations/claude.gpt4-judge.jsonl"))});
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    auto* pairs = dialog.findChild<QRadioButton*>(QStringLiteral("importPairs"));
    auto* field = dialog.findChild<QRadioButton*>(QStringLiteral("importTextField"));
    auto* mapped = dialog.findChild<QPlainTextEdit*>(QStringLiteral("mappedPreview"));
    ASSERT_TRUE(pairs && field && mapped);
    EXPECT_TRUE(pairs->isEnabled());
    EXPECT_TRUE(pairs->isChecked());
    // The first record: output_1 is davinci-003's list, output_2 Claude's, and the judge chose 2.
    EXPECT_TRUE(mapped->toPlainText().startsWith(QStringLiteral("Each record: two samples")));
    EXPECT_TRUE(mapped->toPlainText().contains(
        QStringLiteral("Prompt: What are the names of some famous actors")));
    EXPECT_TRUE(mapped->toPlainText().contains(
        QStringLiteral("First: Some famous actors that started their careers on Broadway")));
    EXPECT_TRUE(mapped->toPlainText().contains(QStringLiteral("Second: Here are some famous")));
    EXPECT_TRUE(mapped->toPlainText().endsWith(QStringLiteral("the second output preferred")));
    QTest::mouseClick(dialog.findChild<QRadioButton*>(QStringLiteral("importRoleSynthetic")),
                      Qt::LeftButton);
    QPushButton* import = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    EXPECT_TRUE(import->isEnabled());

    // A field instead: one sample per record, no pairs.
    QTest::mouseClick(field, Qt::LeftButton);
    EXPECT_FALSE(pairs->isChecked());
    EXPECT_FALSE(dialog.spec().mapping.pairs.enabled());
    EXPECT_FALSE(mapped->toPlainText().contains(QStringLiteral("First:")));
    // And back to pairs, then import.
    QTest::mouseClick(pairs, Qt::LeftButton);
    QTest::mouseClick(import, Qt::LeftButton);
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    const model::ImportSpec spec = dialog.spec();
    EXPECT_EQ(spec.role, model::Role::Synthetic);
    EXPECT_EQ(spec.mapping.pairs.firstField, "output_1");
    EXPECT_EQ(spec.mapping.pairs.secondField, "output_2");
    EXPECT_EQ(spec.mapping.pairs.preferenceField, "preference");
    EXPECT_EQ(spec.mapping.pairs.secondGenerator, "{generator_2}");

    // A file without a pair layout leaves the choice disabled and unticked.
    dialog.setFiles(
        {test::dataFile(QStringLiteral("twitter-customer-support-sample5000/twcs_sample.jsonl"))});
    EXPECT_FALSE(pairs->isEnabled());
    EXPECT_FALSE(pairs->isChecked());
    EXPECT_FALSE(dialog.spec().mapping.pairs.enabled());
}

// The Judge view on two real judge-annotation files: Ctrl+J opens it, each file is a row with
// its raw and length-controlled win rate, a click shows that file's length curve and words, and
// "Review these pairs" opens its samples in Review.
// Conversations in the import dialog, as a user: LIMA is recognised as Alpaca with its history
// and previews its turns; another layout can be chosen (and rejects the record, said in the
// preview); Bitext's instruction/response too; and a tweet from a field is given the prompt
// role from the keyboard.
TEST_F(Widgets, ImportDialogReadsConversationsAndTextRoles) {
    widgets::ImportDialog dialog;
    dialog.setFiles({test::dataFile(QStringLiteral("lima/lima.jsonl"))});
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    auto* conversation = dialog.findChild<QRadioButton*>(QStringLiteral("importConversation"));
    auto* format = dialog.findChild<QComboBox*>(QStringLiteral("importConversationFormat"));
    auto* role = dialog.findChild<QComboBox*>(QStringLiteral("importTextRole"));
    auto* field = dialog.findChild<QRadioButton*>(QStringLiteral("importTextField"));
    auto* mapped = dialog.findChild<QPlainTextEdit*>(QStringLiteral("mappedPreview"));
    ASSERT_TRUE(conversation && format && role && field && mapped);
    EXPECT_TRUE(conversation->isChecked());
    EXPECT_TRUE(format->isEnabled());
    EXPECT_FALSE(role->isEnabled()); // a conversation's turns carry their roles
    EXPECT_TRUE(format->currentText().startsWith(QStringLiteral("Alpaca")));
    EXPECT_TRUE(mapped->toPlainText().startsWith(QStringLiteral("user: Can brain cells move?")))
        << mapped->toPlainText().toStdString();
    EXPECT_TRUE(mapped->toPlainText().contains(QStringLiteral("\nassistant: The question is")));
    // The wrong layout: the preview says the record would be rejected, and why.
    format->setFocus();
    QTest::keyClick(format, Qt::Key_Home);
    EXPECT_TRUE(format->currentText().startsWith(QStringLiteral("OpenAI")));
    EXPECT_TRUE(mapped->toPlainText().contains(
        QStringLiteral("rejected: missing conversation field 'messages'")));
    QTest::keyClick(format, Qt::Key_Down);
    QTest::keyClick(format, Qt::Key_Down);
    QTest::mouseClick(dialog.findChild<QRadioButton*>(QStringLiteral("importRoleReal")),
                      Qt::LeftButton);
    QPushButton* import = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    ASSERT_TRUE(import->isEnabled());
    model::ImportSpec spec = dialog.spec();
    EXPECT_EQ(spec.mapping.conversation.format, model::ConversationFormat::Alpaca);
    EXPECT_EQ(spec.mapping.conversation.historyField, "history");

    // Bitext: instruction/response, read as a conversation as well.
    dialog.setFiles({test::dataFile(
        QStringLiteral("bitext-customer-support-4.5k/bitext_customer_support_training.jsonl"))});
    EXPECT_TRUE(conversation->isChecked());
    EXPECT_TRUE(mapped->toPlainText().startsWith(
        QStringLiteral("user: how can I cancel purchase 113542617735902?")));
    EXPECT_EQ(dialog.spec().mapping.conversation.responseField, "response");

    // Twitter has a text field: Field is chosen, and the user says the text is a prompt.
    dialog.setFiles(
        {test::dataFile(QStringLiteral("twitter-customer-support-sample5000/twcs_sample.jsonl"))});
    EXPECT_TRUE(field->isChecked());
    EXPECT_FALSE(conversation->isEnabled() && conversation->isChecked());
    ASSERT_TRUE(role->isEnabled());
    role->setFocus();
    QTest::keyClick(role, Qt::Key_Down);
    QTest::mouseClick(import, Qt::LeftButton);
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    spec = dialog.spec();
    EXPECT_FALSE(spec.mapping.conversation.enabled());
    EXPECT_EQ(spec.mapping.textField, "text");
    EXPECT_EQ(spec.mapping.textRole, "prompt");
}

TEST_F(Widgets, JudgeViewShowsWhatTheJudgeKept) {
    QTemporaryDir dir;
    const QString path =
        test::cachedProject(dir, QStringLiteral("judge.synthscope"), [&dir](const QString&) {
            auto project = test::newProject(dir, QStringLiteral("judge.synthscope"));
            for (const char* name : {"alpaca-7b", "gpt4"}) {
                model::ImportSpec spec;
                spec.corpusName = QString::fromLatin1(name);
                spec.role = model::Role::Synthetic;
                spec.files = {test::dataFile(
                    QStringLiteral("alpaca-eval-judge-annotations/%1.gpt4-judge.jsonl")
                        .arg(QString::fromLatin1(name)))};
                spec.mapping.pairs.firstField = "output_1";
                spec.mapping.pairs.secondField = "output_2";
                spec.mapping.pairs.preferenceField = "preference";
                spec.mapping.pairs.promptField = "instruction";
                model::ImportReport report;
                const model::Status s = model::importCorpus(*project, spec, {}, &report);
                ASSERT_TRUE(s.ok()) << s.error().toStdString();
            }
            analysis::AnalysisParams params;
            params.findSimilarity = false;
            const model::Status s = model::runAnalysis(*project, params, {}, nullptr);
            ASSERT_TRUE(s.ok()) << s.error().toStdString();
        });
    ASSERT_TRUE(window.openProject(path, model::Project::OpenMode::OpenExisting).ok());
    QTest::keyClick(&window, Qt::Key_J, Qt::ControlModifier);
    auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("viewTabs"));
    ASSERT_EQ(tabs->currentWidget(), window.judge());
    model::JudgeTableModel* rows = window.judge()->table();
    QAbstractItemModelTester tester(rows, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_EQ(rows->rowCount(), 2);
    for (const model::JudgeRow& r : rows->rows()) {
        EXPECT_GT(r.judged, 780) << r.name.toStdString();
        EXPECT_GT(r.longerWins, 0.6) << r.name.toStdString(); // the README's 68–95 %
        EXPECT_GT(r.lengthPreference, 0.5) << r.name.toStdString();
    }
    // GPT-4's answers are nearly three times as long as davinci-003's: controlling for length
    // takes a large part of its raw win rate away.
    const model::JudgeRow& gpt4 = rows->rows().at(1);
    ASSERT_EQ(gpt4.name, QStringLiteral("gpt4"));
    EXPECT_GT(gpt4.winRate - gpt4.lengthControlledWinRate, 0.05);

    auto* table = window.judge()->findChild<QTableView*>(QStringLiteral("judgeTable"));
    auto* curve = window.judge()->findChild<QChartView*>(QStringLiteral("judgeLengthCurve"));
    auto* preferred =
        window.judge()->findChild<QListWidget*>(QStringLiteral("judgePreferredTerms"));
    ASSERT_TRUE(table && curve && preferred);
    // The judge most swayed by length comes first (GPT-4's answers: 97 % against 85 %).
    EXPECT_TRUE(curve->chart()->title().startsWith(QStringLiteral("gpt4")));
    const QRect second = table->visualRect(table->model()->index(1, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, second.center());
    EXPECT_TRUE(curve->chart()->title().startsWith(QStringLiteral("alpaca-7b")));
    EXPECT_GT(preferred->count(), 5);
    QTest::mouseClick(window.judge()->findChild<QPushButton*>(QStringLiteral("judgeReview")),
                      Qt::LeftButton);
    EXPECT_EQ(tabs->currentWidget(), window.review());
    // Review shows each sample with its pair: the prompt and the verdict above, the other output
    // beside it.
    auto* pairHeader = window.review()->findChild<QLabel*>(QStringLiteral("pairHeader"));
    auto* other = window.review()->findChild<QTextBrowser*>(QStringLiteral("neighbourText"));
    auto* text = window.review()->findChild<QTextBrowser*>(QStringLiteral("sampleText"));
    ASSERT_TRUE(pairHeader && other && text);
    EXPECT_TRUE(pairHeader->isVisible());
    EXPECT_TRUE(pairHeader->text().contains(QStringLiteral("<b>Prompt</b>")));
    EXPECT_TRUE(pairHeader->text().contains(QStringLiteral("output of a preference pair")));
    EXPECT_FALSE(other->toPlainText().isEmpty());
    EXPECT_NE(other->toPlainText(), text->toPlainText());
    // The judge red line's evidence: double-clicking its checklist row opens the Judge view on
    // the corpus that tripped it (gpt4's, the largest length preference).
    window.showView(widgets::MainWindow::View::Checklist);
    ASSERT_TRUE(waitForGate(window));
    auto* checklist = window.checklist()->findChild<QTableView*>(QStringLiteral("checklistTable"));
    ASSERT_NE(checklist, nullptr);
    int judgeRule = -1;
    for (int r = 0; r < window.checklist()->rules()->rowCount(); ++r)
        if (window.checklist()->rules()->rows().at(r).rule.id ==
            QStringLiteral("judge-length-bias"))
            judgeRule = r;
    ASSERT_GE(judgeRule, 0);
    EXPECT_EQ(window.checklist()->rules()->rows().at(judgeRule).status, model::GateStatus::Warn);
    const QModelIndex ruleCell = checklist->model()->index(judgeRule, 1);
    checklist->scrollTo(ruleCell);
    const QPoint ruleAt = checklist->visualRect(ruleCell).center();
    QTest::mouseClick(checklist->viewport(), Qt::LeftButton, {}, ruleAt);
    QTest::mouseDClick(checklist->viewport(), Qt::LeftButton, {}, ruleAt);
    EXPECT_EQ(tabs->currentWidget(), window.judge());
    EXPECT_TRUE(curve->chart()->title().startsWith(QStringLiteral("gpt4")));
    window.showView(widgets::MainWindow::View::Review);

    // One sample per pair (805 records of alpaca-7b), the largest length gap first; the next
    // one is another pair's.
    EXPECT_EQ(window.review()->queueModel()->rowCount(), 805);
    EXPECT_GE(std::abs(text->toPlainText().size() - other->toPlainText().size()), 1000);
    const QString shown = text->toPlainText();
    QTest::keyClick(window.review()->findChild<QListView*>(), Qt::Key_N);
    EXPECT_NE(text->toPlainText(), shown);
    EXPECT_NE(other->toPlainText(), shown);
    EXPECT_TRUE(pairHeader->isVisible());
}

// The view switch, as a user: LIMA's human questions and answers against Alpaca's generated
// instructions and outputs, both imported as conversations. Ctrl+Alt+2 shows the prompts, which
// are not analysed yet; Ctrl+R analyses them; the Overview says it shows prompts only and the
// Divergence view draws how each side's prompts are written; the Analyse box (arrow keys) goes
// back to the whole texts and their own, earlier run.
TEST_F(Widgets, TheAnalyseBoxSwitchesBetweenWholeTextsPromptsAndResponses) {
    QTemporaryDir dir;
    const QString path = test::cachedProject(
        dir, QStringLiteral("conversations.synthscope"), [&dir](const QString&) {
            auto project = test::newProject(dir, QStringLiteral("conversations.synthscope"));
            const std::pair<const char*, model::Role> corpora[] = {
                {"lima/lima.jsonl", model::Role::Real},
                {"alpaca-davinci003-subset2000/alpaca_data_subset2000.jsonl",
                 model::Role::Synthetic}};
            for (const auto& [file, role] : corpora) {
                model::ImportSpec spec;
                spec.corpusName = QString::fromLatin1(file).section(u'/', 0, 0);
                spec.role = role;
                spec.files = {test::dataFile(QString::fromLatin1(file))};
                const auto layout = model::detectRecordLayout(spec.files.first(), spec.format);
                ASSERT_TRUE(layout && layout->conversation.enabled());
                spec.mapping = *layout;
                model::ImportReport report;
                const model::Status s = model::importCorpus(*project, spec, {}, &report);
                ASSERT_TRUE(s.ok()) << s.error().toStdString();
            }
            analysis::AnalysisParams params;
            params.findSimilarity = false;
            const model::Status s = model::runAnalysis(*project, params, {}, nullptr);
            ASSERT_TRUE(s.ok()) << s.error().toStdString();
        });
    ASSERT_TRUE(window.openProject(path, model::Project::OpenMode::OpenExisting).ok());
    auto* banner = window.overview()->findChild<QLabel*>(QStringLiteral("overviewBanner"));
    auto* state = window.overview()->findChild<widgets::EmptyState*>();
    auto* box = window.findChild<QComboBox*>(QStringLiteral("analysisView"));
    ASSERT_TRUE(banner && state && box);
    EXPECT_TRUE(box->isEnabled());
    EXPECT_EQ(box->currentText(), QStringLiteral("Whole texts"));
    ASSERT_TRUE(state->isShowingContent());
    // The project panel says how each file was read.
    auto* corpora = window.projectPanel()->corporaModel();
    EXPECT_EQ(corpora->index(0, 4).data().toString(), QStringLiteral("auto · alpaca"));
    const QString wholeBanner = banner->text();
    EXPECT_TRUE(wholeBanner.startsWith(QStringLiteral("Analysed"))) << wholeBanner.toStdString();
    const auto meanLength = [this](const char* corpus) {
        for (const model::CorpusMetrics& c : window.document()->analysis()->corpora)
            if (c.name == QLatin1StringView(corpus))
                return c.values.value(QStringLiteral("mean_length_tokens"));
        return -1.0;
    };
    const double wholeLima = meanLength("lima");

    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier | Qt::AltModifier);
    EXPECT_EQ(window.document()->view(), model::AnalysisView::Prompts);
    EXPECT_EQ(box->currentText(), QStringLiteral("Prompts"));
    EXPECT_FALSE(state->isShowingContent()); // "The prompts have not been analysed yet"

    QSignalSpy report(window.document(), &model::ProjectDocument::jobReport);
    QTest::keyClick(&window, Qt::Key_R, Qt::ControlModifier);
    ASSERT_TRUE(report.wait(60000));
    EXPECT_EQ(report.at(0).at(2).toString(), QStringLiteral("The prompts are analysed."));
    ASSERT_TRUE(state->isShowingContent());
    EXPECT_TRUE(banner->text().startsWith(QStringLiteral("<b>Prompts only</b>")));
    // A prompt is a part of its conversation: LIMA's questions are shorter than its threads.
    const double promptLima = meanLength("lima");
    EXPECT_GT(promptLima, 5.0);
    EXPECT_LT(promptLima, 0.5 * wholeLima);
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    auto* style = window.divergence()->findChild<QChartView*>(QStringLiteral("styleChart"));
    ASSERT_TRUE(style);
    EXPECT_EQ(style->chart()->title(), QStringLiteral("How the prompts are written"));
    ASSERT_EQ(style->chart()->series().size(), 1);
    EXPECT_EQ(static_cast<QAbstractBarSeries*>(style->chart()->series().first())->count(), 2);

    box->setFocus();
    QTest::keyClick(box, Qt::Key_Up);
    EXPECT_EQ(window.document()->view(), model::AnalysisView::All);
    EXPECT_EQ(banner->text(), wholeBanner);
    EXPECT_DOUBLE_EQ(meanLength("lima"), wholeLima);
}

// Review shows a conversation as a reader would want it: each turn under its role in order,
// the long system prompt folded until its link is clicked, code and lists monospaced, and the
// record's other fields on O. (A hand-made chat: a system prompt of 400 characters, two
// exchanges, a numbered list and a fenced code block.)
TEST_F(Widgets, ReviewShowsAConversationTurnByTurn) {
    QTemporaryDir dir;
    const QString system = QStringLiteral("You are Ada. ") + QString(387, u'x');
    model::Json chat = {
        {"id", "chat-1"},
        {"messages",
         {{{"role", "system"}, {"content", system.toStdString()}},
          {{"role", "user"}, {"content", "hi where's my refund"}},
          {{"role", "assistant"}, {"content", "To check it:\n1. Open My orders.\n2. Pick it."}},
          {{"role", "user"}, {"content", "and the api?"}},
          {{"role", "assistant"}, {"content", "Like this:\n```\nget('/refund')\n```\nDone."}}}}};
    const QString file = test::writeFile(dir, QStringLiteral("chat.jsonl"),
                                         QByteArray::fromStdString(chat.dump() + "\n"));
    ASSERT_TRUE(window
                    .openProject(dir.filePath(QStringLiteral("chat.synthscope")),
                                 model::Project::OpenMode::CreateIfMissing)
                    .ok());
    model::ImportSpec spec;
    spec.corpusName = QStringLiteral("chat");
    spec.files = {file};
    spec.mapping = *model::detectRecordLayout(file, model::InputFormat::Auto);
    QSignalSpy report(window.document(), &model::ProjectDocument::jobReport);
    window.document()->startImport(spec, false);
    ASSERT_TRUE(report.wait(20000));
    window.showView(widgets::MainWindow::View::Review);
    window.review()->reviewCorpus(1);
    auto* text = window.review()->findChild<QTextBrowser*>(QStringLiteral("sampleText"));
    ASSERT_TRUE(text);
    const QString shown = text->toPlainText();
    const qsizetype system0 = shown.indexOf(QStringLiteral("System prompt"));
    const qsizetype user1 = shown.indexOf(QStringLiteral("User\nhi where's my refund"));
    const qsizetype assistant1 = shown.indexOf(QStringLiteral("Assistant\nTo check it:"));
    const qsizetype user2 = shown.indexOf(QStringLiteral("User\nand the api?"));
    EXPECT_TRUE(system0 >= 0 && system0 < user1 && user1 < assistant1 && assistant1 < user2)
        << shown.toStdString();
    EXPECT_FALSE(shown.contains(QString(300, u'x'))); // folded
    const QString html = text->toHtml();
    EXPECT_TRUE(html.contains(QStringLiteral("get('/refund')")));
    // The list and the code block, each one monospaced paragraph with its line breaks.
    EXPECT_EQ(html.count(QStringLiteral("font-family:'monospace'")), 2) << html.toStdString();
    EXPECT_TRUE(shown.contains(QStringLiteral("1. Open My orders.\n2. Pick it."))); // one block

    // A click on "show all 400 characters" unfolds it.
    QTextCursor link = text->document()->find(QStringLiteral("show all 400 characters (F)"));
    ASSERT_FALSE(link.isNull());
    link.setPosition(link.selectionStart() + 3);
    const QPoint at = text->cursorRect(link).center();
    QTest::mouseClick(text->viewport(), Qt::LeftButton, {}, at);
    EXPECT_TRUE(text->toPlainText().contains(QString(387, u'x')));
    QTest::keyClick(window.review(), Qt::Key_F); // and F folds it again
    EXPECT_FALSE(text->toPlainText().contains(QString(387, u'x')));
    EXPECT_TRUE(text->toPlainText().contains(QStringLiteral("show all 400 characters")));

    // O shows the record with its other fields; O again hides it.
    auto* record = window.review()->findChild<QPlainTextEdit*>(QStringLiteral("recordText"));
    ASSERT_TRUE(record);
    EXPECT_FALSE(record->isVisible());
    QTest::keyClick(window.review(), Qt::Key_O);
    EXPECT_TRUE(record->isVisible());
    EXPECT_TRUE(record->toPlainText().contains(QStringLiteral("\"id\": \"chat-1\"")));
    QTest::keyClick(window.review(), Qt::Key_O);
    EXPECT_FALSE(record->isVisible());

    // A plain text shown after the conversation is plain: no link left over from the fold.
    spec.corpusName = QStringLiteral("plain");
    spec.files = {
        test::writeFile(dir, QStringLiteral("plain.jsonl"), "{\"text\": \"where is my order\"}\n")};
    spec.mapping = model::FieldMapping{};
    spec.mapping.textRole = "prompt";
    QSignalSpy second(window.document(), &model::ProjectDocument::jobReport);
    window.document()->startImport(spec, false);
    ASSERT_TRUE(second.wait(20000));
    window.review()->reviewCorpus(2);
    EXPECT_EQ(text->toPlainText(), QStringLiteral("where is my order"));
    EXPECT_FALSE(text->toHtml().contains(QStringLiteral("href")));
    QTest::mouseClick(text->viewport(), Qt::LeftButton, {},
                      text->cursorRect(text->textCursor()).center());
    EXPECT_EQ(text->toPlainText(), QStringLiteral("where is my order"));
}

TEST_F(Widgets, ExportDialogCountsMatches) {
    widgets::ExportDialog dialog(*window.document());
    auto* count = dialog.findChild<QLabel*>(QStringLiteral("exportCount"));
    EXPECT_EQ(count->text(), QStringLiteral("<b>9514 samples</b> match."));
    // One per duplicate group: the removable near-duplicates of both corpora go.
    dialog.findChild<QCheckBox*>(QStringLiteral("exportOnePerDuplicate"))->setChecked(true);
    const qint64 deduplicated = model::countMatching(window.document()->project(), dialog.filter());
    EXPECT_LT(deduplicated, 9514);
    EXPECT_TRUE(count->text().contains(QString::number(deduplicated)));
    // A malformed group list is reported and blocks the export.
    dialog.findChild<QLineEdit*>(QStringLiteral("exportClusters"))->setText(QStringLiteral("x"));
    EXPECT_TRUE(count->text().contains(QStringLiteral("not a group number")));
    dialog.findChild<QLineEdit*>(QStringLiteral("exportClusters"))->setText(QStringLiteral("1"));
    const auto clusters = window.document()->store().clusters();
    ASSERT_FALSE(clusters.isEmpty());
    EXPECT_LE(model::countMatching(window.document()->project(), dialog.filter()),
              clusters.front().size);
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
    EXPECT_EQ(report.at(0).at(1).value<model::JobRunner::Outcome>(),
              model::JobRunner::Outcome::Succeeded)
        << report.at(0).at(2).toString().toStdString();
    EXPECT_EQ(window.projectPanel()->corporaModel()->rowCount(), 1);
    ASSERT_TRUE(report.wait(20000)); // the analysis that follows an import
    EXPECT_TRUE(state->isShowingContent());
}

// Export during an analysis finishes both (starting any job used to cancel the running one,
// so an export silently threw the analysis away). As a user: Ctrl+R, then Ctrl+E and a click
// on Export while the analysis runs; the status strip shows both jobs.
TEST_F(Widgets, ExportDuringAnAnalysisFinishesBoth) {
    using model::JobRunner;
    const qint64 runBefore = window.document()->analysis()->runId;
    QSignalSpy reports(window.document(), &model::ProjectDocument::jobReport);
    QTest::keyClick(&window, Qt::Key_R, Qt::ControlModifier);
    ASSERT_TRUE(window.document()->jobs().isBusy(JobRunner::Kind::Analysis));

    bool exported = false;
    std::function<void()> clickExport = [&]() {
        auto* dialog = qobject_cast<widgets::ExportDialog*>(QApplication::activeModalWidget());
        if (dialog == nullptr) { // not shown yet
            QTimer::singleShot(20, clickExport);
            return;
        }
        QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        exported = true;
    };
    QTimer::singleShot(0, clickExport);
    QTest::keyClick(&window, Qt::Key_E, Qt::ControlModifier); // returns when the dialog closes
    ASSERT_TRUE(exported);
    ASSERT_TRUE(window.document()->jobs().isBusy(JobRunner::Kind::Analysis))
        << "the analysis ended before the export started: the test shows nothing";
    if (window.document()->jobs().isBusy(JobRunner::Kind::Export)) {
        const QString strip =
            window.findChild<widgets::JobStatusWidget*>()->findChild<QLabel*>()->text();
        EXPECT_TRUE(strip.startsWith(QStringLiteral("Export")) &&
                    strip.contains(QStringLiteral("1 more running")))
            << strip.toStdString();
    }

    for (int i = 0; i < 240 && reports.count() < 2; ++i)
        reports.wait(500);
    ASSERT_EQ(reports.count(), 2);
    QStringList titles;
    for (const auto& report : reports) {
        titles << report.at(0).toString();
        EXPECT_EQ(report.at(1).value<JobRunner::Outcome>(), JobRunner::Outcome::Succeeded)
            << report.at(0).toString().toStdString() << ": "
            << report.at(2).toString().toStdString();
    }
    titles.sort();
    EXPECT_EQ(titles, (QStringList{QStringLiteral("Analyse"), QStringLiteral("Export")}));
    EXPECT_GT(window.document()->analysis()->runId, runBefore); // the analysis was stored
    QFile out(QFileInfo(demoProject()).dir().filePath(QStringLiteral("export.jsonl")));
    ASSERT_TRUE(out.open(QIODevice::ReadOnly));
    EXPECT_EQ(out.readAll().count('\n'), 9514);
}

// A reviewer's click is on disk the moment it is made: the GUI child process is killed
// (SIGKILL) right after clicking a tag, and the tag is in the project, which is intact.
TEST_F(Widgets, ATagSurvivesAKillOfTheGuiRightAfterTheClick) {
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    child.setProcessEnvironment(env);
    child.start(QStringLiteral(REVIEW_CLICK_HELPER), {demoProject(), QStringLiteral("kill-test")});
    ASSERT_TRUE(child.waitForStarted(10000));
    QByteArray line;
    for (int i = 0; i < 600 && !line.contains('\n'); ++i) {
        child.waitForReadyRead(100);
        line += child.readAllStandardOutput();
    }
    child.kill(); // SIGKILL at once: no destructor, no close, no checkpoint
    ASSERT_TRUE(child.waitForFinished(10000));
    EXPECT_EQ(child.exitStatus(), QProcess::CrashExit);
    const QList<QByteArray> parts = line.trimmed().split(' ');
    ASSERT_EQ(parts.size(), 3) << line.toStdString() << child.readAllStandardError().toStdString();
    ASSERT_EQ(parts[0], QByteArray("clicked"));
    const qint64 sample = parts[1].toLongLong();
    const qint64 tag = parts[2].toLongLong();

    std::shared_ptr<model::Project> reopened;
    ASSERT_TRUE(
        model::Project::open(demoProject(), model::Project::OpenMode::OpenExisting, &reopened)
            .ok());
    QSqlQuery q(reopened->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("ok"));
    model::ReviewStore killed(*reopened, QStringLiteral("kill-test"));
    EXPECT_TRUE(killed.review(sample).tagIds.contains(tag));
    ASSERT_TRUE(killed.setTag(sample, tag, false).ok()); // leave the shared project as it was
}

// Two reviewers on the same samples: the Team view shows their agreement, the tag rates by
// corpus, the notes (searchable) and a concept learnt from the tags, ranking unreviewed samples.
TEST_F(Widgets, TeamViewShowsAgreementRatesNotesAndAConcept) {
    auto& me = window.document()->review();
    model::ReviewStore other(window.document()->project(), QStringLiteral("second reviewer"));
    const qint64 templateFeel = me.tags().at(0).id;
    model::ReviewFilter real;
    real.role = model::Role::Real;
    const QList<qint64> tweets = me.reviewQueue(real).mid(0, 12);
    const QList<qint64> bitext = me.reviewQueue({}).mid(0, 12);
    ASSERT_EQ(bitext.size(), 12);
    for (qint64 id : bitext) { // both tag the synthetic ones, except one disagreement
        ASSERT_TRUE(me.setTag(id, templateFeel, true).ok());
        if (id != bitext.last())
            ASSERT_TRUE(other.setTag(id, templateFeel, true).ok());
        else
            ASSERT_TRUE(other.setDecision(id, model::Decision::Keep).ok());
    }
    for (qint64 id : tweets) {
        ASSERT_TRUE(me.setDecision(id, model::Decision::Keep).ok());
        ASSERT_TRUE(other.setDecision(id, model::Decision::Keep).ok());
    }
    ASSERT_TRUE(me.setNote(tweets[0], QStringLiteral("sounds like a real customer")).ok());
    ASSERT_TRUE(other.setNote(bitext[0], QStringLiteral("brochure tone, every reply alike")).ok());

    window.showView(widgets::MainWindow::View::Team);
    widgets::TeamView* team = window.team();
    team->reload();
    auto* agreement = team->agreementModel();
    QAbstractItemModelTester t1(agreement, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_GT(agreement->rowCount(), 0);
    const model::AgreementRow& row = agreement->rows().at(0); // template feel
    EXPECT_EQ(row.sharedSamples, 24);
    EXPECT_EQ(row.reviewers, 2);
    // 23 of 24 agree; me: 12 tagged of 24, other: 11 → κ = (23/24 − p_e) / (1 − p_e) with
    // p_e = (12·11 + 12·13) / 24² = 0.5: κ = 0.9166…
    EXPECT_NEAR(row.kappa, (23.0 / 24.0 - 0.5) / 0.5, 1e-9);

    auto* rates = team->tagRateModel();
    QAbstractItemModelTester t2(rates, QAbstractItemModelTester::FailureReportingMode::Fatal);
    team->setDimension(model::Dimension::Corpus);
    ASSERT_EQ(rates->rowCount(), 2);
    for (int r = 0; r < 2; ++r) {
        const bool synthetic = rates->table().rows[r].value.contains(QStringLiteral("bitext"));
        EXPECT_DOUBLE_EQ(rates->index(r, 2).data(model::TagRateModel::RateRole).toDouble(),
                         synthetic ? 1.0 : 0.0);
    }

    QAbstractItemModelTester t3(team->notesModel(),
                                QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester t4(team->conceptModel(),
                                QAbstractItemModelTester::FailureReportingMode::Fatal);
    team->searchNotes(QStringLiteral("brochure"));
    ASSERT_EQ(team->notesModel()->rowCount(), 1);
    EXPECT_EQ(team->notesModel()->rows().at(0).note.sampleId, bitext[0]);
    team->searchNotes({});
    EXPECT_EQ(team->notesModel()->rowCount(), 2);

    QSignalSpy ready(window.document(), &model::ProjectDocument::conceptReady);
    window.document()->startConcept(templateFeel, 50);
    ASSERT_TRUE(ready.wait(60000));
    auto* ranking = team->conceptModel();
    ASSERT_EQ(ranking->rowCount(), 50);
    // Learnt from Bitext (tagged) against tweets (untagged): the top of the ranking is Bitext.
    const auto top = me.sample(ranking->rows().at(0).sampleId);
    ASSERT_TRUE(top);
    EXPECT_EQ(top->role, model::Role::Synthetic);
    EXPECT_FALSE(bitext.contains(top->id)); // only unreviewed samples are ranked

    // Leave the shared project as it was.
    QSqlQuery q(window.document()->project().connection());
    for (const char* table : {"sample_tags", "decisions", "notes"})
        ASSERT_TRUE(q.exec(QStringLiteral("DELETE FROM %1").arg(QLatin1StringView(table))));
}

// A saved queue shows its progress and reopens where the reviewer stopped.
TEST_F(Widgets, SavedQueueShowsProgressAndResumes) {
    auto& store = window.document()->review();
    const QList<qint64> ids = store.reviewQueue({}).mid(100, 5);
    qint64 queue = 0;
    ASSERT_TRUE(store.createQueue(QStringLiteral("five"), ids, QStringLiteral("{}"), &queue).ok());
    window.showView(widgets::MainWindow::View::Review);
    widgets::ReviewView* review = window.review();
    review->openSavedQueue(queue);
    ASSERT_EQ(review->queueModel()->rowCount(), 5);
    review->showRow(3);
    review->decide(model::Decision::Keep);
    auto* progress = review->findChild<QProgressBar*>(QStringLiteral("queueProgress"));
    ASSERT_NE(progress, nullptr);
    EXPECT_TRUE(progress->isVisible());
    EXPECT_EQ(progress->value(), 1);
    EXPECT_EQ(progress->maximum(), 5);
    review->reviewSamples({ids[0]}, QStringLiteral("elsewhere"));
    review->openSavedQueue(queue);
    EXPECT_EQ(review->currentRow(), 4); // keep advanced to row 4, where the reviewer stopped
    // Opening it again while it is shown, or ticking the ordering box, keeps that place (a
    // chosen queue otherwise starts at its first sample and would save position 0).
    review->openSavedQueue(queue);
    EXPECT_EQ(review->currentRow(), 4);
    for (QCheckBox* box : review->findChildren<QCheckBox*>())
        if (box->text() == QStringLiteral("Most synthetic-looking first"))
            QTest::mouseClick(box, Qt::LeftButton);
    EXPECT_EQ(review->currentRow(), 4);
    EXPECT_EQ(store.queue(queue)->position, 4);
    for (QCheckBox* box : review->findChildren<QCheckBox*>())
        if (box->text() == QStringLiteral("Most synthetic-looking first"))
            QTest::mouseClick(box, Qt::LeftButton); // leave the shared window as it was
    ASSERT_TRUE(store.setDecision(ids[3], model::Decision::None).ok());
    ASSERT_TRUE(store.removeQueue(queue).ok());
}

// Trends: a per-corpus metric against the generator (bitext's line against twitter's flat
// reference), a real-vs-synthetic metric over the runs, and an imported ratio gradient.
TEST_F(Widgets, TrendsChartMetricsAndARatioGradient) {
    window.showView(widgets::MainWindow::View::Trends);
    widgets::TrendsView* trends = window.trends();
    trends->showTrend(QStringLiteral("distinct_2"), QStringLiteral("generator"));
    ASSERT_EQ(trends->trend().categories, QStringList{QStringLiteral("bitext")});
    ASSERT_EQ(trends->trend().series.size(), 2);
    EXPECT_EQ(trends->trend().series[1].role, model::Role::Real);
    EXPECT_EQ(trends->trendSeriesCount(), 4); // a line and its points per series
    // A comparison of each synthetic corpus with reality, by generator: the value with its
    // spread over draws and the real-vs-real band (an area, error bars, the line, its points).
    trends->showTrend(QStringLiteral("mauve"), QStringLiteral("generator"));
    ASSERT_EQ(trends->trend().categories, QStringList{QStringLiteral("bitext")});
    ASSERT_EQ(trends->trend().series.size(), 1);
    ASSERT_EQ(trends->trend().nullLow.size(), 1);
    EXPECT_LT(trends->trend().series[0].y[0], trends->trend().nullLow[0]);
    EXPECT_EQ(trends->trendSeriesCount(), 4);
    // A metric stored only for the pooled comparison has one value per run.
    trends->showTrend(QStringLiteral("perplexity_median_synthetic"), QStringLiteral("round"));
    EXPECT_EQ(trends->trend().axisTitle, QStringLiteral("Analysis run")); // switched for it
    EXPECT_EQ(trends->trend().series.size(), 1);

    QTemporaryDir dir;
    const QString csv = test::writeFile(dir, QStringLiteral("g.csv"),
                                        "synth_ratio,main_metric,tail_metric\n0,70,60\n0.1,72,59\n"
                                        "0.3,75,55\n0.5,74,50\n0.7,70,40\n");
    ASSERT_TRUE(trends->importRatioGradient(csv).ok());
    EXPECT_EQ(trends->gradientSeriesCount(), 3); // two metrics and the inflection marks
    EXPECT_FALSE(trends
                     ->importRatioGradient(
                         test::writeFile(dir, QStringLiteral("bad.csv"), "synth_ratio,m\n0.1,1\n"))
                     .ok());
    EXPECT_EQ(trends->gradientSeriesCount(), 3); // the previous experiment stays
    ASSERT_TRUE(model::setProjectInfo(window.document()->project(),
                                      QStringLiteral("ratio_gradient"), QString())
                    .ok()); // leave the shared project as it was
}

// The report of the real pair: one self-contained HTML file (every chart inlined, tags
// balanced, readable by Qt's HTML parser with every section) and a PDF with pages.
TEST_F(Widgets, ReportRendersHtmlAndPdf) {
    QTemporaryDir dir;
    const QString html = dir.filePath(QStringLiteral("report.html"));
    const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
    QSignalSpy done(window.document(), &model::ProjectDocument::jobReport);
    window.document()->startReport(html, pdf);
    ASSERT_TRUE(done.wait(60000));
    ASSERT_EQ(done.at(0).at(1).value<model::JobRunner::Outcome>(),
              model::JobRunner::Outcome::Succeeded)
        << done.at(0).at(2).toString().toStdString();

    QFile h(html);
    ASSERT_TRUE(h.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(h.readAll());
    EXPECT_TRUE(text.startsWith(QStringLiteral("<!DOCTYPE html>")));
    EXPECT_TRUE(text.endsWith(QStringLiteral("</html>")));
    EXPECT_EQ(text.count(QStringLiteral("<table")), text.count(QStringLiteral("</table>")));
    EXPECT_EQ(text.count(QStringLiteral("<tr>")) + text.count(QStringLiteral("<tr ")),
              text.count(QStringLiteral("</tr>")));
    const qsizetype images = text.count(QStringLiteral("<img "));
    EXPECT_GE(images, 5); // length distribution and four per-corpus charts
    EXPECT_EQ(text.count(QStringLiteral("src=\"data:image/png;base64,")), images); // inlined
    QTextDocument parsed;
    parsed.setHtml(text);
    const QString plain = parsed.toPlainText();
    for (const char* section :
         {"Gate and checklist", "Corpora", "Real versus synthetic", "Per-corpus metrics",
          "Human review", "Sample excerpts", "twitter", "bitext", "Detectability ROC-AUC"})
        EXPECT_TRUE(plain.contains(QLatin1StringView(section))) << section;

    QFile p(pdf);
    ASSERT_TRUE(p.open(QIODevice::ReadOnly));
    const QByteArray bytes = p.readAll();
    EXPECT_TRUE(bytes.startsWith("%PDF-"));
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page[^s]"));
    EXPECT_GE(QString::fromLatin1(bytes).count(page), 2);
}

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SynthscopeTests"));
    QApplication::setApplicationName(QStringLiteral("widget_tests"));
    // As the application does at start: English with its plural forms ("1 sample"), whatever
    // a test left; and no stored language from an earlier, aborted run.
    model::Settings::language().reset();
    widgets::installTranslations(QStringLiteral("en"));
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
    // The box stays drawn after the release (issue 13, item 9), in data coordinates: zooming
    // moves it with its points.
    const QRectF box = map->selectionBox();
    ASSERT_FALSE(box.isNull());
    QTest::keyClick(map, Qt::Key_Plus);
    EXPECT_EQ(map->selectionBox(), box);
    // Choosing a cluster lists exactly its members, and the box (no longer the selection) goes.
    view->selectCluster(0);
    const auto& cluster = view->clusters()->rows().at(0);
    EXPECT_EQ(view->selection()->rowCount(), cluster.size);
    EXPECT_TRUE(map->selectionBox().isNull());
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
    // The demo's corpora came without an engine's duplicate-cluster ids: none is mentioned.
    auto* summary = view->findChild<QLabel*>(QStringLiteral("duplicatesSummary"));
    ASSERT_NE(summary, nullptr);
    EXPECT_TRUE(summary->text().contains(QStringLiteral("MinHash")));
    EXPECT_FALSE(summary->text().contains(QStringLiteral("duplicate-cluster id")));
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
    ASSERT_TRUE(waitForGate(window));
    auto* rules = window.checklist()->rules();
    QAbstractItemModelTester rulesTester(rules,
                                         QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester tester(rules, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_EQ(rules->rowCount(), 22); // the shipped defaults
    int detectability = -1;
    int selfRepetition = -1;
    int skeleton = -1;
    for (int r = 0; r < rules->rowCount(); ++r) {
        const QString id = rules->rows().at(r).rule.id;
        if (id == QStringLiteral("detectability"))
            detectability = r;
        if (id == QStringLiteral("self-repetition"))
            selfRepetition = r;
        if (id == QStringLiteral("skeleton-repetition"))
            skeleton = r;
    }
    ASSERT_GE(detectability, 0);
    ASSERT_GE(selfRepetition, 0);
    ASSERT_GE(skeleton, 0);
    // Bitext's answers share 4-grams far more than tweets do: the template warning trips.
    EXPECT_EQ(rules->rows().at(selfRepetition).status, model::GateStatus::Warn);
    // Its lengths are missing among the tweets, so the length-matched rule cannot judge it
    // (rather than pass it on a baseline that does not exist).
    EXPECT_EQ(rules->rows().at(skeleton).status, model::GateStatus::NotApplicable);
    EXPECT_TRUE(rules->rows().at(skeleton).detail.contains(
        QStringLiteral("lengths without a real match: bitext")))
        << rules->rows().at(skeleton).detail.toStdString();
    // Tweets and Bitext are told apart perfectly: the warning rule trips.
    EXPECT_EQ(rules->rows().at(detectability).status, model::GateStatus::Warn);
    // The demo's synthetic side has one generator and one template version, no rounds: the
    // source rules cannot judge it and say why (never a failure).
    for (const auto& r : rules->rows())
        if (r.rule.metric.startsWith(QStringLiteral("source_")) ||
            r.rule.metric.startsWith(QStringLiteral("reviewed_share_newest_"))) {
            EXPECT_EQ(r.status, model::GateStatus::NotApplicable) << r.rule.id.toStdString();
            EXPECT_FALSE(r.detail.isEmpty()) << r.rule.id.toStdString();
        }
    // A per-corpus rule names the corpus it judged (the worst of its role).
    EXPECT_EQ(rules->rows().at(selfRepetition).corpusId.value_or(0),
              window.document()->store().corpora().at(1).id);

    // Evidence opens filtered (issue 13, item 7). As a user: double-click the rule's row.
    QSignalSpy evidence(window.checklist(), &widgets::ChecklistView::evidenceRequested);
    auto* table = window.checklist()->findChild<QTableView*>(QStringLiteral("checklistTable"));
    ASSERT_NE(table, nullptr);
    ASSERT_EQ(table->model(), rules);
    auto doubleClickRule = [&](int row) {
        window.showView(widgets::MainWindow::View::Checklist);
        table->scrollTo(rules->index(row, 1));
        const QPoint at = table->visualRect(rules->index(row, 1)).center();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
    };
    auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("viewTabs"));
    doubleClickRule(detectability);
    ASSERT_EQ(evidence.count(), 1);
    EXPECT_EQ(evidence.at(0).at(0).toString(), QStringLiteral("cluster-map"));
    EXPECT_EQ(tabs->currentWidget(), window.clusterMap());
    // Detectability is read on each sample's synthetic-likeness: the map is coloured by it.
    EXPECT_EQ(
        window.clusterMap()->findChild<QComboBox*>(QStringLiteral("mapColourBy"))->currentData(),
        static_cast<int>(widgets::ClusterMapWidget::ColourBy::SyntheticLikeness));

    // The cross-copy rule lists only the duplicate groups that mix real and synthetic.
    int cross = -1;
    for (int r = 0; r < rules->rowCount(); ++r)
        if (rules->rows().at(r).rule.id == QStringLiteral("cross-near-duplicates"))
            cross = r;
    ASSERT_GE(cross, 0);
    doubleClickRule(cross);
    EXPECT_EQ(tabs->currentWidget(), window.duplicates());
    auto* mixed = window.duplicates()->findChild<QCheckBox*>(QStringLiteral("mixedOnly"));
    ASSERT_NE(mixed, nullptr);
    EXPECT_TRUE(mixed->isChecked());
    auto* groups =
        window.duplicates()->findChild<QTableView*>(QStringLiteral("duplicateGroupsTable"));
    ASSERT_NE(groups, nullptr);
    EXPECT_LT(groups->model()->rowCount(), window.duplicates()->groups()->rowCount());
    for (int r = 0; r < groups->model()->rowCount(); ++r)
        EXPECT_EQ(
            groups->model()->index(r, 0).data(model::DuplicateGroupsModel::MixRole).toString(),
            QStringLiteral("mixed"));
    // The demo has no copy across the sides: the list says so instead of standing empty.
    EXPECT_EQ(window.duplicates()->findChild<QLabel*>(QStringLiteral("noneMixed"))->isVisible(),
              groups->model()->rowCount() == 0);
    QTest::mouseClick(mixed, Qt::LeftButton, {}, QPoint(8, mixed->height() / 2)); // all again
    EXPECT_EQ(groups->model()->rowCount(), window.duplicates()->groups()->rowCount());
}

// A corpus imported with an engine's duplicate-cluster ids (a sample of the real tweets, each
// author one cluster): the Duplicates view names it, HTML-escaped, with its count of ids, and
// not the synthetic corpus, which has none.
TEST(DuplicatesIds, ViewNamesTheCorporaWhoseGroupsFollowImportedIds) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ids.synthscope"));
    {
        auto project = test::newProject(dir, QStringLiteral("ids.synthscope"));
        const model::ImportReport report = test::importWith(
            *project, QStringLiteral("tweets <authors>"), model::Role::Real,
            test::dataFile(QStringLiteral("twitter-customer-support-sample5000/twcs_sample.jsonl")),
            [](model::ImportSpec& spec) {
                spec.mapping.textField = "text";
                spec.mapping.duplicateClusterField = "author_id";
                spec.sampling = model::ImportSampling{.size = 600, .seed = 1};
            });
        EXPECT_EQ(report.duplicateClusterIds, 600);
        test::importFile(
            *project, QStringLiteral("bitext"), model::Role::Synthetic,
            test::dataFile(QStringLiteral(
                "bitext-customer-support-4.5k/bitext_customer_support_training.jsonl")),
            "response");
        ASSERT_TRUE(model::runAnalysis(*project, {}, {}, nullptr).ok());
    }
    widgets::MainWindow window;
    ASSERT_TRUE(openAndClickTab(window, path, window.duplicates()));
    auto* summary = window.duplicates()->findChild<QLabel*>(QStringLiteral("duplicatesSummary"));
    ASSERT_NE(summary, nullptr);
    EXPECT_TRUE(summary->text().contains(
        QStringLiteral("duplicate-cluster id imported with it: tweets &lt;authors&gt; (600 "
                       "samples).")))
        << summary->text().toStdString();
    EXPECT_FALSE(summary->text().contains(QStringLiteral("bitext")));
}

// The manual-review red line of chapter 17 on real answers: LIMA's human answers, then
// text-davinci-003 (round 1) and GPT-4 (round 2) answering the AlpacaEval prompts. No one has
// read GPT-4's answers: the rule fails, and double-clicking it opens a queue of them.
TEST(ChecklistSources, NewGeneratorRuleOpensAQueueOfItsUnreadSamples) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sources.synthscope"));
    {
        auto project = test::newProject(dir, QStringLiteral("sources.synthscope"));
        test::importFile(*project, QStringLiteral("lima"), model::Role::Real,
                         test::dataFile(QStringLiteral("lima/lima.jsonl")), "output");
        int round = 0;
        for (const char* name : {"text_davinci_003", "gpt4"})
            test::importWith(*project, QString::fromLatin1(name), model::Role::Synthetic,
                             test::dataFile(QStringLiteral("alpaca-eval-model-outputs/%1.jsonl")
                                                .arg(QString::fromLatin1(name))),
                             [&round](model::ImportSpec& spec) {
                                 spec.mapping.textField = "output";
                                 spec.mapping.meta = {{"generator", "{generator}"},
                                                      {"round", std::to_string(++round)}};
                             });
        analysis::AnalysisParams params;
        params.findSimilarity = false;
        ASSERT_TRUE(model::runAnalysis(*project, params, {}, nullptr).ok());
    }
    widgets::MainWindow window;
    ASSERT_TRUE(window.openProject(path, model::Project::OpenMode::OpenExisting).ok());
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.showView(widgets::MainWindow::View::Checklist);
    ASSERT_TRUE(waitForGate(window));
    auto* rules = window.checklist()->rules();
    QAbstractItemModelTester rulesTester(rules,
                                         QAbstractItemModelTester::FailureReportingMode::Fatal);
    int row = -1;
    for (int r = 0; r < rules->rowCount(); ++r)
        if (rules->rows().at(r).rule.id == QStringLiteral("review-new-generator"))
            row = r;
    ASSERT_GE(row, 0);
    const model::RedLineResult& result = rules->rows().at(row);
    EXPECT_EQ(result.status, model::GateStatus::Fail);
    EXPECT_TRUE(result.detail.contains(QStringLiteral("newest generator gpt4 (round 2): 0 of 805")))
        << result.detail.toStdString();
    // Both generators' review shown below the rules, the newest bold.
    auto* sourceTable =
        window.checklist()->findChild<QTableView*>(QStringLiteral("sourceReviewTable"));
    ASSERT_NE(sourceTable, nullptr);
    EXPECT_TRUE(sourceTable->isVisible());
    ASSERT_EQ(sourceTable->model()->rowCount(), 2);
    EXPECT_EQ(sourceTable->model()->index(1, 1).data().toString(), QStringLiteral("gpt4 (newest)"));

    auto* table = window.checklist()->findChild<QTableView*>(QStringLiteral("checklistTable"));
    ASSERT_NE(table, nullptr);
    auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("viewTabs"));
    ASSERT_NE(tabs, nullptr);
    auto doubleClick = [&](const QModelIndex& index) {
        table->scrollTo(index);
        const QPoint at = table->visualRect(index).center();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
    };
    // The single-generator rule's evidence: the largest generator's share charted by round
    // (one generator per round here: 1.0 and 1.0).
    int single = -1;
    for (int r = 0; r < rules->rowCount(); ++r)
        if (rules->rows().at(r).rule.id == QStringLiteral("single-generator"))
            single = r;
    ASSERT_GE(single, 0);
    doubleClick(rules->index(single, model::RedLinesModel::Rule));
    EXPECT_EQ(tabs->currentWidget(), window.trends());
    ASSERT_EQ(window.trends()->trend().series.size(), 1);
    EXPECT_EQ(window.trends()->trend().series[0].y, QList<double>({1.0, 1.0}));
    EXPECT_GE(window.trends()->trendSeriesCount(), 1); // drawn
    EXPECT_TRUE(window.trends()->trend().categories ==
                QStringList({QStringLiteral("1"), QStringLiteral("2")}));
    window.showView(widgets::MainWindow::View::Checklist);

    const QModelIndex cell = rules->index(row, model::RedLinesModel::Evidence);
    QSignalSpy drawn(window.document(), &model::ProjectDocument::queueSampled);
    doubleClick(cell);
    EXPECT_EQ(tabs->currentWidget(), window.review());
    // The queue is drawn in a job and opens when saved.
    ASSERT_TRUE(drawn.count() > 0 || drawn.wait(60000));
    const std::optional<qint64> queue = window.review()->savedQueue();
    ASSERT_TRUE(queue.has_value());
    auto& store = window.document()->review();
    const QList<qint64> items = store.queueItems(*queue);
    ASSERT_EQ(items.size(), 50); // at least 1 % and 50 of 805
    for (qint64 id : items)
        EXPECT_EQ(store.sample(id)->meta.value(QStringLiteral("generator")),
                  QStringLiteral("gpt4"));
    EXPECT_TRUE(store.queue(*queue)->name.contains(QStringLiteral("gpt4")));

    // K keeps the first of them: the gate no longer describes the project until it is judged
    // again, in a job; the Checklist then counts the answer.
    QTest::keyClick(window.review(), Qt::Key_K);
    EXPECT_EQ(std::count_if(items.begin(), items.end(),
                            [&store](qint64 id) {
                                return store.review(id).decision == model::Decision::Keep;
                            }),
              1);
    EXPECT_FALSE(window.document()->gateCurrent());
    window.showView(widgets::MainWindow::View::Checklist);
    ASSERT_TRUE(waitForGate(window));
    EXPECT_TRUE(rules->rows().at(row).detail.contains(
        QStringLiteral("newest generator gpt4 (round 2): 1 of 805")))
        << rules->rows().at(row).detail.toStdString();
}

// Issue 14, recovery: a project whose newest analysis cannot be read opens, says which run is
// unreadable, and one click drops that run; samples and answers stay.
// Opening shows a wait cursor (an older file is upgraded first, a minute for a million
// vectors); it is given back whether the open succeeds or fails, never left spinning.
TEST(MainWindowOpen, GivesTheCursorBackHoweverTheOpenEnds) {
    QTemporaryDir dir;
    widgets::MainWindow window;
    ASSERT_EQ(QApplication::overrideCursor(), nullptr);
    EXPECT_FALSE(window
                     .openProject(dir.filePath(QStringLiteral("missing.synthscope")),
                                  model::Project::OpenMode::OpenExisting)
                     .ok());
    EXPECT_EQ(QApplication::overrideCursor(), nullptr);
    const QString path = test::newProject(dir)->path();
    EXPECT_TRUE(window.openProject(path, model::Project::OpenMode::OpenExisting).ok());
    EXPECT_EQ(QApplication::overrideCursor(), nullptr);
}

TEST_F(Widgets, AnUnreadableAnalysisCanBeDroppedFromTheOverview) {
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("damaged.synthscope"));
    ASSERT_TRUE(QFile::copy(demoProject(), copy));
    qint64 sample = 0;
    {
        std::shared_ptr<model::Project> p;
        ASSERT_TRUE(model::Project::open(copy, model::Project::OpenMode::OpenExisting, &p).ok());
        model::ReviewStore review(*p, QStringLiteral("ann"));
        sample = review.reviewQueue({}).first();
        ASSERT_TRUE(review.setDecision(sample, model::Decision::Keep).ok());
        QSqlQuery q(p->connection());
        ASSERT_TRUE(q.exec(QStringLiteral("UPDATE runs SET result = '[]'")));
    }
    widgets::MainWindow damaged;
    ASSERT_TRUE(damaged.openProject(copy, model::Project::OpenMode::OpenExisting).ok());
    damaged.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&damaged));
    damaged.showView(widgets::MainWindow::View::Overview);
    auto* banner = damaged.overview()->findChild<QLabel*>(QStringLiteral("overviewBanner"));
    auto* drop = damaged.overview()->findChild<QPushButton*>(QStringLiteral("dropAnalysisButton"));
    ASSERT_NE(banner, nullptr);
    ASSERT_NE(drop, nullptr);
    const qint64 run = damaged.document()->analysis()->runId;
    EXPECT_TRUE(banner->text().contains(QStringLiteral("cannot be read")) &&
                banner->text().contains(QStringLiteral("analysis run %1").arg(run)))
        << banner->text().toStdString();
    ASSERT_TRUE(drop->isVisible());
    // The button asks first (issue 14): Cancel keeps the run, Yes drops it.
    QString asked;
    whenModal<QMessageBox>([&asked](QMessageBox* box) {
        asked = box->text();
        QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    });
    QTest::mouseClick(drop, Qt::LeftButton);
    EXPECT_TRUE(asked.contains(QStringLiteral("run %1").arg(run))) << asked.toStdString();
    ASSERT_TRUE(damaged.document()->analysis().has_value());
    EXPECT_EQ(damaged.document()->analysis()->runId, run);
    whenModal<QMessageBox>(
        [](QMessageBox* box) { QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton); });
    QTest::mouseClick(drop, Qt::LeftButton);
    EXPECT_FALSE(damaged.document()->analysis().has_value()); // the demo had one analysis
    auto* state = damaged.overview()->findChild<widgets::EmptyState*>();
    ASSERT_NE(state, nullptr);
    EXPECT_FALSE(state->isShowingContent()); // "Not analysed yet"
    QSqlQuery q(damaged.document()->project().connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM samples")) && q.next());
    EXPECT_EQ(q.value(0).toInt(), 5000 + 4514);
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT decision FROM decisions WHERE sample_id = %1 AND "
                                      "reviewer = 'ann'")
                           .arg(sample)) &&
                q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("keep"));
}

// --screenshots saves each view and the Team view's other pages: the tag-rate and notes
// pictures were once the Trends view again (the pages were switched without their tab).
TEST_F(Widgets, ScreenshotsShowEachViewAndTeamPage) {
    QTemporaryDir shots;
    ASSERT_TRUE(window.saveScreenshots(shots.path()));
    auto bytes = [&](const char* name) {
        QFile f(QDir(shots.path()).filePath(QString::fromLatin1(name)));
        EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << name;
        return f.readAll();
    };
    const QByteArray trends = bytes("trends.png");
    const QByteArray team = bytes("team.png");
    ASSERT_FALSE(trends.isEmpty());
    for (const char* page : {"team-tag-rates.png", "team-notes.png"}) {
        const QByteArray shot = bytes(page);
        ASSERT_FALSE(shot.isEmpty()) << page;
        EXPECT_NE(shot, trends) << page;
        EXPECT_NE(shot, team) << page;
    }
}

// Issue 13, item 3: after an import without re-analysis the Checklist once showed a green
// "Gate: PASS"; now it says the analysis is out of date and why. As a user: import a file
// (Ctrl+I, choose Real and the authors as duplicate clusters, click Import) with "analyse after
// import" off, then Ctrl+7.
TEST_F(Widgets, ChecklistSaysTheGateIsOutOfDateAfterAnImport) {
    // On a copy: the import would leave the shared project with a third corpus.
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("stale.synthscope"));
    ASSERT_TRUE(QFile::copy(demoProject(), copy));
    ASSERT_TRUE(window.openProject(copy, model::Project::OpenMode::OpenExisting).ok());
    const auto& analyzeAfter = model::Settings::analyzeAfterImport();
    analyzeAfter.set(false);
    QSignalSpy reports(window.document(), &model::ProjectDocument::jobReport);
    whenModal<widgets::ImportDialog>([](widgets::ImportDialog* dialog) {
        // The file as Browse… would give it; then the choices a user clicks.
        dialog->setFiles({test::dataFile(
            QStringLiteral("twitter-customer-support-sample5000/twcs_sample.jsonl"))});
        QTest::mouseClick(dialog->findChild<QRadioButton*>(QStringLiteral("importRoleReal")),
                          Qt::LeftButton);
        // Each author's tweets as one duplicate cluster: typed into the field's list.
        auto* duplicates = dialog->findChild<QComboBox*>(QStringLiteral("importDuplicateCluster"));
        ASSERT_NE(duplicates, nullptr);
        duplicates->setFocus();
        QTest::keyClicks(duplicates, QStringLiteral("author_"));
        ASSERT_EQ(duplicates->currentText(), QStringLiteral("author_id"));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
    });
    QTest::keyClick(&window, Qt::Key_I, Qt::ControlModifier); // File > Import Corpus…
    for (int i = 0; i < 120 && reports.isEmpty(); ++i)
        reports.wait(500);
    analyzeAfter.reset();
    ASSERT_EQ(reports.count(), 1);
    // The job report counts the ids (the model decides, the GUI words it).
    const QString reported = reports.first().at(2).toString();
    EXPECT_TRUE(reported.contains(QStringLiteral("5000 stored")) &&
                reported.contains(QStringLiteral("5000 samples carry a duplicate-cluster id.")))
        << reported.toStdString();
    ASSERT_EQ(window.projectPanel()->corporaModel()->rowCount(), 3);
    ASSERT_TRUE(window.document()->analysis()->stale);

    window.activateWindow(); // offscreen, activation does not come back after the dialog
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_7, Qt::ControlModifier);
    QString verdict;
    for (int i = 0; i < 100 && verdict.isEmpty(); ++i) { // the view reloads when shown
        QTest::qWait(20);
        for (QLabel* label : window.findChildren<QLabel*>())
            if (label->isVisible() && label->text().contains(QStringLiteral("Gate:")))
                verdict = label->text();
    }
    EXPECT_TRUE(verdict.contains(QStringLiteral("OUT OF DATE"))) << verdict.toStdString();
    EXPECT_FALSE(verdict.contains(QStringLiteral("PASS"))) << verdict.toStdString();
    // Close the copy before its folder goes.
    ASSERT_TRUE(window.openProject(demoProject(), model::Project::OpenMode::OpenExisting).ok());
}

// Issue 13, item 6: a queue the reviewer chooses starts at its first sample ("most
// synthetic-looking first" once landed at 2902 of 6389), and a map selection can be ranked
// most synthetic-looking first too. As a user: N three times, tick the box, pick a filter.
TEST_F(Widgets, AChosenQueueStartsAtItsFirstSample) {
    QTest::keyClick(&window, Qt::Key_6, Qt::ControlModifier);
    widgets::ReviewView* review = window.review();
    auto* list = review->findChild<QWidget*>(QStringLiteral("reviewQueue"));
    list->setFocus();
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(list, Qt::Key_N);
    ASSERT_EQ(review->currentRow(), 3);
    QCheckBox* syntheticFirst = nullptr;
    for (QCheckBox* box : review->findChildren<QCheckBox*>())
        if (box->text() == QStringLiteral("Most synthetic-looking first"))
            syntheticFirst = box;
    ASSERT_NE(syntheticFirst, nullptr);
    QTest::mouseClick(syntheticFirst, Qt::LeftButton);
    ASSERT_TRUE(syntheticFirst->isChecked());
    EXPECT_EQ(review->currentRow(), 0);
    // The first is the most synthetic-looking sample of all.
    const model::MapPoints points = window.document()->store().mapPoints();
    std::map<qint64, float> likeness;
    float best = -1.0F;
    for (std::size_t i = 0; i < points.size(); ++i)
        if (points.synthetic[i] != 0) {
            likeness[points.ids[i]] = points.syntheticLikeness[i];
            best = std::max(best, points.syntheticLikeness[i]);
        }
    EXPECT_EQ(likeness.at(review->currentSampleId()), best);

    // A list of samples (as a map selection sends them) in id order, then ranked.
    QList<qint64> ids;
    for (std::size_t i = 0; i < points.size() && ids.size() < 200; ++i)
        if (points.synthetic[i] != 0)
            ids.append(points.ids[i]);
    review->reviewSamples(ids, QStringLiteral("selection"));
    ASSERT_EQ(review->queueModel()->rowCount(), ids.size());
    EXPECT_EQ(review->currentRow(), 0);
    float previous = 2.0F;
    for (int row = 0; row < static_cast<int>(ids.size()); ++row) {
        const float here = likeness.at(review->queueModel()->sampleIdAt(row));
        ASSERT_LE(here, previous) << "row " << row << " is out of order";
        previous = here;
    }
    EXPECT_LT(previous, likeness.at(review->queueModel()->sampleIdAt(0))); // not all equal

    // Another filter from the list: its first sample, not the old position.
    list->setFocus();
    QTest::keyClick(list, Qt::Key_N);
    auto* filter = review->findChild<QComboBox*>();
    ASSERT_NE(filter, nullptr);
    QTest::keyClick(filter, Qt::Key_Home); // "All synthetic samples"
    EXPECT_EQ(filter->currentIndex(), 0);
    EXPECT_EQ(review->queueModel()->rowCount(), 4514);
    EXPECT_EQ(review->currentRow(), 0);
}

// Issue 13, item 2: a wrong import is fixed in place. As a user in the project panel: click
// the corpus, F2 and type a name, Ctrl+Shift+R for the other role, Ctrl+Z to take both back,
// Delete and confirm to remove it (Cancel first: nothing happens).
TEST_F(Widgets, ACorpusIsRenamedReRoledAndRemovedFromTheProjectPanel) {
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("edit.synthscope"));
    ASSERT_TRUE(QFile::copy(demoProject(), copy));
    ASSERT_TRUE(window.openProject(copy, model::Project::OpenMode::OpenExisting).ok());
    auto* corpora = window.projectPanel()->corporaModel();
    auto* view = window.projectPanel()->findChild<QTableView*>(QStringLiteral("corporaView"));
    ASSERT_NE(view, nullptr);
    ASSERT_EQ(corpora->rowCount(), 2);
    ASSERT_FALSE(window.document()->analysis()->stale);
    auto role = [&](int row) { return corpora->corpora().at(row).role; };
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->visualRect(corpora->index(1, 0)).center());
    ASSERT_EQ(view->currentIndex().row(), 1);

    typeIntoInputDialog(QStringLiteral("bitext round 1"));
    QTest::keyClick(view, Qt::Key_F2);
    EXPECT_EQ(corpora->corpora().at(1).name, QStringLiteral("bitext round 1"));
    EXPECT_FALSE(window.document()->analysis()->stale); // a name changes no result
    EXPECT_EQ(window.document()->analysis()->corpora.at(1).name, QStringLiteral("bitext round 1"));

    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    view->setFocus();
    QTest::keyClick(view, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(role(1), model::Role::Real);
    EXPECT_TRUE(window.document()->analysis()->stale);
    EXPECT_EQ(view->currentIndex().row(), 1); // the edited corpus stays selected

    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier); // Edit > Undo
    EXPECT_EQ(role(1), model::Role::Synthetic);
    EXPECT_FALSE(window.document()->analysis()->stale);
    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(corpora->corpora().at(1).name, QStringLiteral("bitext"));

    // Delete asks first and says what goes; Cancel keeps everything.
    QString asked;
    whenModal<QMessageBox>([&asked](QMessageBox* box) {
        asked = box->text() + u' ' + box->informativeText();
        QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    });
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Delete);
    EXPECT_TRUE(asked.contains(QLocale().toString(4514) + QStringLiteral(" samples")))
        << asked.toStdString();
    EXPECT_EQ(corpora->rowCount(), 2);

    QSignalSpy reports(window.document(), &model::ProjectDocument::jobReport);
    whenModal<QMessageBox>([](QMessageBox* box) {
        for (QAbstractButton* b : box->buttons())
            if (b->text() == QStringLiteral("Remove"))
                QTest::mouseClick(b, Qt::LeftButton);
    });
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Delete);
    for (int i = 0; i < 60 && reports.isEmpty(); ++i)
        reports.wait(500);
    ASSERT_EQ(reports.count(), 1);
    EXPECT_EQ(reports.at(0).at(1).value<model::JobRunner::Outcome>(),
              model::JobRunner::Outcome::Succeeded)
        << reports.at(0).at(2).toString().toStdString();
    ASSERT_EQ(corpora->rowCount(), 1);
    EXPECT_EQ(corpora->corpora().at(0).name, QStringLiteral("twitter"));
    EXPECT_TRUE(window.document()->analysis()->stale);
    EXPECT_EQ(window.document()->undoStack().count(), 0);
    ASSERT_TRUE(window.openProject(demoProject(), model::Project::OpenMode::OpenExisting).ok());
}

// Issue 13, item 4: the window opened wider than a 1600 px screen (1616 px) because some
// view would not shrink. Every view, and the window around it, fits a 1280×720 screen.
TEST_F(Widgets, EveryViewFitsALaptopScreen) {
    auto* tabs = window.findChild<QTabWidget*>();
    ASSERT_NE(tabs, nullptr);
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QTest::qWait(50);
        const QSize least = tabs->widget(i)->minimumSizeHint();
        std::string culprits;
        for (QWidget* w : tabs->widget(i)->findChildren<QWidget*>())
            if (w->isVisible() && w->minimumSizeHint().width() > 330)
                culprits += std::string(w->metaObject()->className()) + " " +
                            w->objectName().toStdString() + " " +
                            std::to_string(w->minimumSizeHint().width()) + "; ";
        EXPECT_LE(least.width(), 1280 - 400) << tabs->tabText(i).toStdString() << ": " << culprits;
        EXPECT_LE(least.height(), 720 - 120) << tabs->tabText(i).toStdString();
    }
    EXPECT_LE(window.minimumSizeHint().width(), 1280);
    EXPECT_LE(window.minimumSizeHint().height(), 720);
    // A new window is no larger than the screen's available area allows (the offscreen
    // screen is small; only the window's own minimum may exceed it).
    widgets::MainWindow fresh;
    const QRect available = fresh.screen()->availableGeometry();
    EXPECT_LE(fresh.width(), std::max(available.width(), fresh.minimumSizeHint().width()));
    EXPECT_LE(fresh.height(), std::max(available.height(), fresh.minimumSizeHint().height()));
}

// Splitters come back as the user left them (issue 13, item 4), by their object names.
TEST_F(Widgets, SplitterStatesAreRestoredPerUser) {
    QTest::keyClick(&window, Qt::Key_6, Qt::ControlModifier);
    QTest::qWait(50);
    auto* splitter = window.findChild<QSplitter*>(QStringLiteral("reviewSplitter"));
    ASSERT_NE(splitter, nullptr);
    splitter->setSizes({600, 200, 200});
    auto share = [](const QSplitter* s) {
        const QList<int> sizes = s->sizes();
        return double(sizes.first()) / std::max(1, sizes[0] + sizes[1] + sizes[2]);
    };
    const double chosen = share(splitter);
    ASSERT_GT(chosen, 0.45); // the queue pane is wide now (the default gives it ~0.2)
    window.close();          // saves the states, as quitting does

    widgets::MainWindow again; // started without a project, one opened afterwards
    again.show();
    again.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&again));
    ASSERT_TRUE(again.openProject(demoProject(), model::Project::OpenMode::OpenExisting).ok());
    QTest::keyClick(&again, Qt::Key_6, Qt::ControlModifier);
    QTest::qWait(50);
    auto* restored = again.findChild<QSplitter*>(QStringLiteral("reviewSplitter"));
    ASSERT_NE(restored, nullptr);
    EXPECT_NEAR(share(restored), chosen, 0.05);
    QSettings().remove(QStringLiteral("window")); // later tests start from the defaults
}

// Issue 13, item 5: review by keyboard alone. E writes the note, Enter saves it and gives the
// keys back (N then moves on instead of typing "n"), Tab stays in the view (it walked into the
// project panel's rejected-rows table), and ? shows a sheet of every key.
TEST_F(Widgets, KeyboardOnlyReviewWritesNotesStaysInTheViewAndShowsItsKeys) {
    QTest::keyClick(&window, Qt::Key_6, Qt::ControlModifier);
    widgets::ReviewView* review = window.review();
    auto* list = review->findChild<QWidget*>(QStringLiteral("reviewQueue"));
    auto* note = review->findChild<QLineEdit*>(QStringLiteral("noteEdit"));
    ASSERT_NE(list, nullptr);
    ASSERT_NE(note, nullptr);
    list->setFocus();
    ASSERT_EQ(QApplication::focusWidget(), list);
    const qint64 sample = review->currentSampleId();
    const int row = review->currentRow();

    QTest::keyClick(list, Qt::Key_E);
    ASSERT_EQ(QApplication::focusWidget(), note);
    QTest::keyClicks(note, QStringLiteral("reads like a form letter"));
    QTest::keyClick(note, Qt::Key_Return);
    EXPECT_EQ(window.document()->review().review(sample).note,
              QStringLiteral("reads like a form letter"));
    EXPECT_EQ(QApplication::focusWidget(), list);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_N);
    EXPECT_EQ(review->currentRow(), row + 1);
    EXPECT_EQ(window.document()->review().review(sample).note,
              QStringLiteral("reads like a form letter")); // no stray "n"

    // Tab and Shift+Tab visit the view's widgets, never the project panel.
    QSet<QWidget*> visited;
    for (int i = 0; i < 12; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget* at = QApplication::focusWidget();
        ASSERT_NE(at, nullptr);
        EXPECT_TRUE(review->isAncestorOf(at)) << at->objectName().toStdString();
        visited.insert(at);
    }
    EXPECT_TRUE(visited.contains(note));
    EXPECT_TRUE(visited.contains(list));
    for (int i = 0; i < 6; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab, Qt::ShiftModifier);
        EXPECT_TRUE(review->isAncestorOf(QApplication::focusWidget()));
    }

    list->setFocus();
    auto* sheet = review->findChild<QWidget*>(QStringLiteral("keyHelpOverlay"));
    ASSERT_NE(sheet, nullptr);
    EXPECT_FALSE(sheet->isVisible());
    QTest::keyClick(list, Qt::Key_Question);
    ASSERT_TRUE(sheet->isVisible());
    EXPECT_TRUE(sheet->findChild<QLabel*>(QStringLiteral("keyHelpSheet"))
                    ->text()
                    .contains(QStringLiteral("write a note")));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    EXPECT_FALSE(sheet->isVisible());
    EXPECT_EQ(QApplication::focusWidget(), list); // the keys are back where they were
}

// The table shows its matches a batch at a time (a view's header lays out every row it is told
// of: 40–75 ms for a million at once): scrolling to the end shows the next batch, and select
// all (Ctrl+A) covers every match, not only the rows shown. Batches of 1,000 here, so the
// demo's 9,514 samples stand in for a million.
TEST_F(Widgets, SampleTableShowsItsMatchesABatchAtATime) {
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("batches.synthscope"));
    ASSERT_TRUE(QFile::copy(demoProject(), copy));
    ASSERT_TRUE(window.openProject(copy, model::Project::OpenMode::OpenExisting).ok());
    widgets::SamplesView* samples = window.samples();
    model::SampleTableModel* table = samples->samples();
    table->setRowsPerFetch(1000);
    QSignalSpy finished(table, &model::SampleTableModel::searchFinished);
    const auto settle = [&]() { settleSearch(table, finished); };
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier); // View > Find Samples…
    auto* box = samples->findChild<QLineEdit*>(QStringLiteral("sampleSearch"));
    settle();
    // A search, then every sample again: the new matches come in batches of 1,000.
    QTest::keyClicks(box, QStringLiteral("refund*"));
    QTest::keyClick(box, Qt::Key_Return);
    settle();
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(box, Qt::Key_Backspace);
    QTest::keyClick(box, Qt::Key_Return);
    settle();
    ASSERT_EQ(table->sampleIds().size(), 9514);
    EXPECT_EQ(table->rowCount(), 1000);
    EXPECT_TRUE(table->canFetchMore({}));
    // Ctrl+End goes to the last row shown; the view, at the end, asks for the next batch.
    auto* view = samples->findChild<QTableView*>(QStringLiteral("sampleTable"));
    view->setFocus();
    QTest::keyClick(view, Qt::Key_End, Qt::ControlModifier);
    QApplication::processEvents();
    EXPECT_GE(table->rowCount(), 2000);
    EXPECT_LT(table->rowCount(), 9514);
    // Ctrl+A selects every match.
    QTest::keyClick(view, Qt::Key_A, Qt::ControlModifier);
    EXPECT_EQ(table->rowCount(), 9514);
    EXPECT_EQ(view->selectionModel()->selectedRows().size(), 9514);
    EXPECT_TRUE(samples->findChild<QPushButton*>(QStringLiteral("sampleReview"))
                    ->text()
                    .contains(QLocale().toString(9514)));
}

// Issue 13, "Find, select and act": the sample table as a user meets it. Ctrl+F, type a search,
// Enter; every row matches and shows its hit; a role filter by keyboard; a header click sorts
// every match; a shift-click selection is tagged through the menu and kept with one click,
// each one undoable step; the selection opens as a review queue.
TEST_F(Widgets, SampleTableSearchesFiltersSortsAndActsOnASelection) {
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("search.synthscope"));
    ASSERT_TRUE(QFile::copy(demoProject(), copy));
    ASSERT_TRUE(window.openProject(copy, model::Project::OpenMode::OpenExisting).ok());
    widgets::SamplesView* samples = window.samples();
    model::SampleTableModel* table = samples->samples();
    QSignalSpy finished(table, &model::SampleTableModel::searchFinished);
    const auto settle = [&]() { settleSearch(table, finished); };

    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier); // View > Find Samples…
    ASSERT_EQ(window.findChild<QTabWidget*>(QStringLiteral("viewTabs"))->currentWidget(), samples);
    auto* box = samples->findChild<QLineEdit*>(QStringLiteral("sampleSearch"));
    ASSERT_TRUE(box->hasFocus());
    settle();
    ASSERT_EQ(table->rowCount(), 9514); // every sample before a search
    QTest::keyClicks(box, QStringLiteral("refund*"));
    QTest::keyClick(box, Qt::Key_Return);
    settle();
    const int matches = table->rowCount();
    ASSERT_GT(matches, 100);
    ASSERT_LT(matches, 9514);
    const int text = static_cast<int>(model::SampleColumn::Text);
    for (int row = 0; row < 40; ++row) {
        const QString excerpt =
            table->data(table->index(row, text), model::SampleTableModel::ExcerptRole).toString();
        const qsizetype hit = excerpt.indexOf(model::kHitStart);
        ASSERT_GE(hit, 0) << "row " << row << " shows no hit: " << excerpt.toStdString();
        EXPECT_TRUE(
            excerpt.mid(hit + 1, 6).compare(QStringLiteral("refund"), Qt::CaseInsensitive) == 0)
            << excerpt.toStdString();
    }

    auto* role = samples->findChild<QComboBox*>(QStringLiteral("sampleRole"));
    role->setFocus();
    QTest::keyClick(role, Qt::Key_End); // "Synthetic"
    settle();
    const int synthetic = table->rowCount();
    EXPECT_GT(synthetic, 0);
    EXPECT_LT(synthetic, matches);
    const int roleColumn = static_cast<int>(model::SampleColumn::Role);
    for (int row = 0; row < synthetic; row += std::max(1, synthetic / 50))
        ASSERT_EQ(table->index(row, roleColumn).data().toString(), QStringLiteral("synthetic"));

    // Sorting by length orders every match, in SQL.
    auto* view = samples->findChild<QTableView*>(QStringLiteral("sampleTable"));
    const int length = static_cast<int>(model::SampleColumn::Length);
    QHeaderView* header = view->horizontalHeader();
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(length) + 10, header->height() / 2));
    settle();
    const auto lengthAt = [&](int row) { return table->index(row, length).data().toLongLong(); };
    const Qt::SortOrder order = header->sortIndicatorOrder();
    for (int row = 1; row < synthetic; ++row)
        ASSERT_TRUE(order == Qt::AscendingOrder ? lengthAt(row - 1) <= lengthAt(row)
                                                : lengthAt(row - 1) >= lengthAt(row))
            << "row " << row;
    EXPECT_NE(lengthAt(0), lengthAt(synthetic - 1));

    // Select rows 0–2 with a click and a shift-click.
    const auto clickRow = [&](int row, Qt::KeyboardModifiers modifiers) {
        QTest::mouseClick(view->viewport(), Qt::LeftButton, modifiers,
                          view->visualRect(table->index(row, length)).center());
    };
    clickRow(0, {});
    clickRow(2, Qt::ShiftModifier);
    const QList<qint64> chosen = {table->sampleIds().at(0), table->sampleIds().at(1),
                                  table->sampleIds().at(2)};
    model::ReviewStore& review = window.document()->review();
    const model::TagDef first = review.tags().at(0);
    ASSERT_TRUE(test::taggedBy(review, chosen, first.id).isEmpty());
    // Tag selected ▸ the first tag (the menu is a popup: answered when it shows).
    QTimer::singleShot(50, [&]() {
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        ASSERT_NE(menu, nullptr);
        QTest::keyClick(menu, Qt::Key_Down);
        QTest::keyClick(menu, Qt::Key_Return);
    });
    QTest::mouseClick(samples->findChild<QToolButton*>(QStringLiteral("sampleTagSelection")),
                      Qt::LeftButton);
    EXPECT_EQ(test::taggedBy(review, chosen, first.id), QSet<qint64>(chosen.begin(), chosen.end()));
    QTest::mouseClick(samples->findChild<QPushButton*>(QStringLiteral("sampleKeep")),
                      Qt::LeftButton);
    for (qint64 id : chosen)
        EXPECT_EQ(test::decidedBy(review, chosen).value(id), model::Decision::Keep);
    // The table shows the answers in its Tags and Decision columns (rows read again).
    const int tagsColumn = static_cast<int>(model::SampleColumn::Tags);
    const int decisionColumn = static_cast<int>(model::SampleColumn::Decision);
    for (int row = 0; row < 3; ++row) {
        EXPECT_EQ(table->index(row, decisionColumn).data().toString(), u"keep");
        EXPECT_EQ(table->index(row, tagsColumn).data().toString(), first.name);
    }
    EXPECT_EQ(table->index(3, decisionColumn).data().toString(), QString());
    // Two steps to undo, one per bulk action. The keys go to the window once the tag menu's
    // popup has gone and the window has the focus again (under a loaded sanitizer run the
    // popup's window kept it for a moment and Ctrl+Z reached no shortcut).
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    for (int tries = 0; tries < 250 && (QApplication::activePopupWidget() != nullptr ||
                                        QGuiApplication::focusWindow() != window.windowHandle());
         ++tries)
        QTest::qWait(20);
    ASSERT_EQ(QGuiApplication::focusWindow(), window.windowHandle());
    ASSERT_EQ(window.document()->undoStack().index(), window.document()->undoStack().count());
    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
    for (qint64 id : chosen)
        EXPECT_EQ(test::decidedBy(review, chosen).value(id), model::Decision::None);
    EXPECT_EQ(test::taggedBy(review, chosen, first.id).size(), 3);
    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_TRUE(test::taggedBy(review, chosen, first.id).isEmpty());
    // Ctrl+Shift+Z redoes (each redo key once: listed twice, Qt called it ambiguous and did
    // nothing), and Ctrl+Z takes it back again.
    auto* redo = window.findChild<QAction*>(QStringLiteral("redoAction"));
    ASSERT_NE(redo, nullptr);
    const QList<QKeySequence> redoKeys = redo->shortcuts();
    EXPECT_EQ(QSet<QKeySequence>(redoKeys.begin(), redoKeys.end()).size(), redoKeys.size());
    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(test::taggedBy(review, chosen, first.id).size(), 3);
    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_TRUE(test::taggedBy(review, chosen, first.id).isEmpty());

    // The selection opens as a review queue, in the table's order.
    auto* open = samples->findChild<QPushButton*>(QStringLiteral("sampleReview"));
    EXPECT_TRUE(open->text().contains(QStringLiteral("3")));
    QTest::mouseClick(open, Qt::LeftButton);
    EXPECT_EQ(window.findChild<QTabWidget*>(QStringLiteral("viewTabs"))->currentWidget(),
              window.review());
    ASSERT_EQ(window.review()->queueModel()->rowCount(), 3);
    for (int row = 0; row < 3; ++row)
        EXPECT_EQ(window.review()->queueModel()->sampleIdAt(row), chosen.at(row));
    // The search's hits are marked in the sample's text (each a word starting "refund").
    {
        auto* shown = window.review()->findChild<QTextBrowser*>(QStringLiteral("sampleText"));
        ASSERT_NE(shown, nullptr);
        int marked = 0;
        for (QTextBlock b = shown->document()->begin(); b.isValid(); b = b.next())
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                const QTextFragment fragment = it.fragment();
                if (fragment.charFormat().background().color() == QColor(0xff, 0xdd, 0x57)) {
                    ++marked;
                    EXPECT_TRUE(
                        fragment.text().startsWith(QStringLiteral("refund"), Qt::CaseInsensitive))
                        << fragment.text().toStdString();
                }
            }
        EXPECT_GT(marked, 0);
    }
    // Saved as a queue, it keeps the search and filters that made it.
    typeIntoInputDialog(QStringLiteral("refunds, synthetic"));
    QTest::mouseClick(window.review()->findChild<QPushButton*>(QStringLiteral("saveQueueButton")),
                      Qt::LeftButton);
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    const QList<model::QueueInfo> queues = review.queues();
    ASSERT_FALSE(queues.isEmpty());
    const QJsonObject spec = QJsonDocument::fromJson(queues.last().spec.toUtf8()).object();
    model::SampleQuery saved;
    ASSERT_TRUE(
        model::SampleQuery::fromJson(spec.value(QStringLiteral("query")).toObject(), &saved).ok())
        << queues.last().spec.toStdString();
    EXPECT_EQ(saved.text, QStringLiteral("refund*"));
    EXPECT_EQ(saved.role, model::Role::Synthetic);
    EXPECT_EQ(saved.sortBy, model::SampleColumn::Length);

    // A malformed search says so and keeps the last answer.
    window.showView(widgets::MainWindow::View::Samples);
    box->selectAll();
    QTest::keyClicks(box, QStringLiteral("refund OR"));
    QTest::keyClick(box, Qt::Key_Return);
    settle();
    EXPECT_TRUE(samples->findChild<QLabel*>(QStringLiteral("sampleStatus"))
                    ->text()
                    .contains(QStringLiteral("not valid")));
    EXPECT_EQ(table->rowCount(), synthetic);
    ASSERT_TRUE(window.openProject(demoProject(), model::Project::OpenMode::OpenExisting).ok());
}

// The sample table's search merges the newest run's scores in C++ (one scan instead of a lookup
// per sample) and sorts there: checked against plain SQL with ORDER BY on the analysed demo
// pair as it is (every sample scored), then with 175 samples imported after the analysis (no
// scores: last in a score order, out of every score filter). Then with every 7th scored sample's
// scores gone (unscored samples between scored ones) and 12,800 more unscored samples, past the
// 20,000 matches from which the run's scores are read in one scan rather than by id.
TEST_F(Widgets, SampleSearchOnScoresAgreesWithPlainSql) {
    using namespace Qt::Literals::StringLiterals;
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("scores.synthscope"));
    ASSERT_TRUE(QFile::copy(demoProject(), copy));
    std::shared_ptr<model::Project> project;
    ASSERT_TRUE(model::Project::open(copy, model::Project::OpenMode::OpenExisting, &project).ok());
    const auto reference = [&](const QString& where, const QString& order) {
        QList<qint64> out;
        QSqlQuery q(project->connection());
        const QString sql =
            u"SELECT s.id FROM samples s JOIN corpora c ON c.id = s.corpus_id LEFT JOIN "
            "sample_scores sc ON sc.sample_id = s.id AND sc.run_id = (SELECT max(id) FROM runs "
            "WHERE kind = 'analysis') WHERE "_s +
            where + u" ORDER BY "_s + order;
        EXPECT_TRUE(q.exec(sql)) << sql.toStdString();
        while (q.next())
            out.append(q.value(0).toLongLong());
        return out;
    };
    struct Case {
        const char* what;
        std::function<void(model::SampleQuery&)> set;
        QString where;
        QString order;
    };
    using C = model::SampleColumn;
    const std::vector<Case> cases = {
        {"likeness >= 0.5, most synthetic-looking first",
         [](model::SampleQuery& q) {
             q.syntheticLikeness.min = 0.5;
             q.sortBy = C::SyntheticLikeness;
             q.descending = true;
         },
         u"sc.synthetic_likeness >= 0.5"_s, u"sc.synthetic_likeness DESC NULLS LAST, s.id"_s},
        {"every sample by NN similarity to the other role",
         [](model::SampleQuery& q) { q.sortBy = C::NnOther; }, u"1"_s,
         u"sc.nn_other ASC NULLS LAST, s.id"_s},
        {"cluster 1 with a search",
         [](model::SampleQuery& q) {
             q.cluster = 0;
             q.text = u"you"_s;
         },
         u"sc.cluster = 0 AND s.id IN (SELECT rowid FROM samples_fts WHERE samples_fts MATCH "
         "'you')"_s,
         u"s.id"_s},
        {"synthetic, perplexity at most 100, highest first",
         [](model::SampleQuery& q) {
             q.role = model::Role::Synthetic;
             q.perplexity.max = 100.0;
             q.sortBy = C::Perplexity;
             q.descending = true;
         },
         u"c.role = 'synthetic' AND sc.perplexity <= 100"_s,
         u"sc.perplexity DESC NULLS LAST, s.id"_s},
        {"by corpus name, descending",
         [](model::SampleQuery& q) {
             q.sortBy = C::Corpus;
             q.descending = true;
         },
         u"1"_s, u"c.name DESC, s.id"_s},
        {"skeleton group 1 by length",
         [](model::SampleQuery& q) {
             q.skeletonGroup = 0;
             q.sortBy = C::Length;
             q.descending = true;
         },
         u"sc.skeleton_group = 0"_s, u"length(s.text) DESC, s.id"_s},
        {"by duplicate group, NN similarity at least 0.2",
         [](model::SampleQuery& q) {
             q.sortBy = C::DuplicateGroup;
             q.nnOther.min = 0.2;
         },
         u"sc.nn_other >= 0.2"_s, u"sc.duplicate_group ASC NULLS LAST, s.id"_s},
    };
    const auto checkEveryCase = [&]() {
        for (const Case& c : cases) {
            model::SampleQuery q;
            c.set(q);
            QList<qint64> ids;
            ASSERT_TRUE(model::findSamples(*project, q, &ids).ok()) << c.what;
            const QList<qint64> expected = reference(c.where, c.order);
            EXPECT_FALSE(expected.isEmpty()) << c.what; // each case has something to order
            EXPECT_EQ(ids, expected) << c.what;
        }
    };
    // First on the demo as analysed: every sample scored, so a query without conditions on the
    // samples reads its matches from the run's scores alone.
    checkEveryCase();
    // Then with samples the analysis has not seen.
    test::importFile(*project, QStringLiteral("seed tasks"), model::Role::Synthetic,
                     test::dataFile(QStringLiteral("self-instruct-seed-tasks/seed_tasks.jsonl")),
                     "instruction");
    checkEveryCase();
    // Unscored samples between scored ones, and more matches than the by-id path takes.
    {
        QSqlQuery q(project->connection());
        ASSERT_TRUE(q.exec(QStringLiteral("DELETE FROM sample_scores WHERE sample_id % 7 = 0")));
    }
    test::importFile(
        *project, QStringLiteral("dolly"), model::Role::Real,
        test::dataFile(QStringLiteral("dolly-15k-first6400/dolly-15k-first6400.jsonl")), "text");
    test::importFile(
        *project, QStringLiteral("flan-t5-base"), model::Role::Synthetic,
        test::dataFile(QStringLiteral("dolly-flan-t5-outputs/google_flan-t5-base.jsonl")),
        "decoded");
    for (const Case& c : cases) {
        model::SampleQuery q;
        c.set(q);
        QList<qint64> ids;
        ASSERT_TRUE(model::findSamples(*project, q, &ids).ok()) << c.what;
        EXPECT_EQ(ids, reference(c.where, c.order)) << c.what << " (with gaps, 22k samples)";
    }
    // The samples imported after the analysis close a score order.
    model::SampleQuery bySimilarity;
    bySimilarity.sortBy = C::NnOther;
    bySimilarity.descending = true;
    QList<qint64> ids;
    ASSERT_TRUE(model::findSamples(*project, bySimilarity, &ids).ok());
    const QList<qint64> unscored = reference(u"sc.sample_id IS NULL"_s, u"s.id"_s);
    ASSERT_EQ(ids.size(), reference(u"1"_s, u"s.id"_s).size()); // every sample
    ASSERT_GT(ids.size(), 20000);
    ASSERT_GT(unscored.size(), 175 + 12800); // the imports and the gaps
    EXPECT_EQ(ids.mid(ids.size() - unscored.size()), unscored);
}

// Issue 13, "Find, select and act": a lasso beside the box, with add (Ctrl+Shift) and take
// away (Alt+Shift), as a user drags them on the map.
// An answer given on the map recolours its points in place: no map load, the zoom and the
// selection stay, and Undo takes it back on the map too (issue 16: one answer used to mark
// the whole map stale, and the next load read every point again and reset the view).
TEST_F(Widgets, AnswersOnTheMapRecolourItsPointsInPlace) {
    window.showView(widgets::MainWindow::View::ClusterMap);
    widgets::ClusterMapView* view = window.clusterMap();
    QSignalSpy loaded(window.document(), &model::ProjectDocument::mapChanged);
    ASSERT_TRUE(loaded.count() > 0 || loaded.wait(60000));
    loaded.clear();
    widgets::ClusterMapWidget* map = view->map();
    const std::shared_ptr<const model::MapPoints> points = map->points();
    ASSERT_NE(points, nullptr);
    // Coloured by decision, picked with the keyboard in the colouring list.
    auto* colourBy = view->findChild<QComboBox*>(QStringLiteral("mapColourBy"));
    colourBy->setFocus();
    QTest::keyClicks(colourBy, QStringLiteral("Decision"));
    ASSERT_EQ(colourBy->currentData().toInt(),
              static_cast<int>(widgets::ClusterMapWidget::ColourBy::Decision));
    map->setFocus();
    QTest::keyClick(map, Qt::Key_Plus);
    // The smallest cluster (the table's last row, sorted by size), clicked: the selection.
    auto* table = view->findChild<QTableView*>(QStringLiteral("clustersTable"));
    const QModelIndex last = table->model()->index(table->model()->rowCount() - 1, 0);
    table->scrollTo(last);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(last).center());
    const QList<qint64> ids = view->selection()->sampleIds();
    ASSERT_GT(ids.size(), 0);
    ASSERT_LT(ids.size(), widgets::BulkAnswerBar::kConfirmFrom); // no confirmation asked
    std::vector<std::size_t> members;
    model::pointMask(*points, ids, &members);
    ASSERT_EQ(members.size(), static_cast<std::size_t>(ids.size()));
    std::vector<std::uint8_t> before;
    for (std::size_t i : members)
        before.push_back(points->decision[i]);
    map->renderNow();
    const QImage imageBefore = map->pointsImage().copy();

    QTest::mouseClick(view->findChild<QPushButton*>(QStringLiteral("mapKeep")), Qt::LeftButton);
    EXPECT_EQ(map->points(), points); // the same points, changed in place
    for (std::size_t i : members)
        EXPECT_EQ(points->decision[i], 1) << "point " << i; // keep
    QTest::qWait(20); // recoloured on the event loop's next turn
    map->renderNow();
    EXPECT_FALSE(map->pointsImage() == imageBefore);
    EXPECT_EQ(view->selection()->rowCount(), ids.size());
    QTest::qWait(100); // a load started by the answer would be running or done by now
    EXPECT_EQ(loaded.count(), 0);
    EXPECT_FALSE(window.document()->jobs().isBusy(model::JobRunner::Kind::Map));

    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier); // Edit > Undo
    for (std::size_t k = 0; k < members.size(); ++k)
        EXPECT_EQ(points->decision[members[k]], before[k]);
    QTest::qWait(20);
    map->renderNow();
    EXPECT_TRUE(map->pointsImage() == imageBefore);
    EXPECT_EQ(loaded.count(), 0);

    // Answered while the map is hidden (in Review, K on the sample shown): recoloured when the
    // map is shown again.
    window.review()->reviewSamples(ids, QStringLiteral("the cluster"));
    window.showView(widgets::MainWindow::View::Review);
    QTest::keyClick(window.review(), Qt::Key_K);
    EXPECT_EQ(std::count_if(members.begin(), members.end(),
                            [&](std::size_t i) { return points->decision[i] == 1; }),
              1);
    window.showView(widgets::MainWindow::View::ClusterMap);
    map->renderNow();
    EXPECT_FALSE(map->pointsImage() == imageBefore);
    EXPECT_EQ(loaded.count(), 0);

    // A tag on the members, then removed, then put back (as Undo does): the points follow.
    model::ReviewStore& store = window.document()->review();
    qint64 tag = 0;
    ASSERT_TRUE(store.addTag(QStringLiteral("map test"), &tag).ok());
    ASSERT_TRUE(store.setTagOnSamples(ids, tag, true).ok());
    for (std::size_t i : members)
        EXPECT_GE(points->firstTag[i], 0);
    const auto shows = [&](qint64 t) {
        return std::count_if(members.begin(), members.end(),
                             [&](std::size_t i) { return points->firstTag[i] == t; });
    };
    const auto showing = shows(tag);
    EXPECT_GT(showing, 0);
    model::RemovedTag removed;
    ASSERT_TRUE(store.removeTag(tag, &removed).ok());
    EXPECT_EQ(shows(tag), 0);
    ASSERT_TRUE(store.restoreTag(removed).ok());
    EXPECT_EQ(shows(tag), showing);
    EXPECT_EQ(loaded.count(), 0);
}

// A review queue is drawn in a job (at a million samples the draw takes seconds the GUI
// thread used to wait), then saved and opened: Sample…, a size and a name typed, Draw queue.
TEST_F(Widgets, AReviewQueueIsDrawnInAJobAndOpensWhenSaved) {
    window.showView(widgets::MainWindow::View::Review);
    widgets::ReviewView* review = window.review();
    QSignalSpy sampled(window.document(), &model::ProjectDocument::queueSampled);
    QSignalSpy started(&window.document()->jobs(), &model::JobRunner::started);
    whenModal<widgets::SampleQueueDialog>([](widgets::SampleQueueDialog* dialog) {
        auto* size = dialog->findChild<QSpinBox*>(QStringLiteral("queueSize"));
        size->setFocus();
        size->selectAll();
        QTest::keyClicks(size, QStringLiteral("150"));
        auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("queueName"));
        name->setFocus();
        name->selectAll(); // the suggested name ("150 by cluster, …") is replaced
        QTest::keyClicks(name, QStringLiteral("Risk pass one"));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
    });
    QTest::mouseClick(review->findChild<QPushButton*>(QStringLiteral("sampleQueueButton")),
                      Qt::LeftButton);
    // The draw ran as a job; the queue opened when it was saved.
    ASSERT_TRUE(sampled.count() > 0 || sampled.wait(60000));
    ASSERT_GE(started.count(), 1);
    EXPECT_EQ(started.at(0).at(1).toString(), QStringLiteral("Sample a queue"));
    EXPECT_EQ(review->queueModel()->rowCount(), 150);
    const QList<model::QueueInfo> queues = window.document()->review().queues();
    ASSERT_EQ(queues.size(), 1);
    EXPECT_EQ(queues.at(0).name, QStringLiteral("Risk pass one"));
    EXPECT_EQ(queues.at(0).size, 150);
    EXPECT_EQ(queues.at(0).id, sampled.at(0).at(0).toLongLong());
}

// A queue belongs to the reviewer who drew it: a name changed while the draw runs must not
// take it over (it used to be saved under whoever was named when the draw finished). The
// change is made as MainWindow::setReviewer makes it, at once after Draw queue: the Reviewer
// dialog runs an event loop of its own, in which the draw may finish first.
TEST_F(Widgets, AReviewQueueDrawnWhileTheReviewerChangesStaysWithWhoDrewIt) {
    window.showView(widgets::MainWindow::View::Review);
    widgets::ReviewView* review = window.review();
    model::ReviewStore& store = window.document()->review();
    const QString drewIt = store.reviewer();
    QSignalSpy sampled(window.document(), &model::ProjectDocument::queueSampled);
    QSignalSpy reported(window.document(), &model::ProjectDocument::jobReport);
    whenModal<widgets::SampleQueueDialog>([](widgets::SampleQueueDialog* dialog) {
        auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("queueName"));
        name->setFocus();
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Drawn before the change"));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
    });
    QTest::mouseClick(review->findChild<QPushButton*>(QStringLiteral("sampleQueueButton")),
                      Qt::LeftButton);
    store.setReviewer(QStringLiteral("Second reviewer"));
    const auto drawReport = [&]() -> QString {
        for (const QList<QVariant>& r : reported)
            if (r.at(0).toString() == QStringLiteral("Sample a queue"))
                return r.at(2).toString();
        return {};
    };
    ASSERT_TRUE(QTest::qWaitFor([&] { return !drawReport().isEmpty(); }, 60000));
    EXPECT_TRUE(drawReport().contains(QStringLiteral("Saved for %1").arg(drewIt)))
        << qPrintable(drawReport());
    const auto named = [&]() {
        QList<model::QueueInfo> out;
        for (const model::QueueInfo& q : store.queues())
            if (q.name == QStringLiteral("Drawn before the change"))
                out << q;
        return out;
    };
    // Not opened for the second reviewer, and not among their queues.
    EXPECT_EQ(sampled.count(), 0);
    EXPECT_TRUE(named().isEmpty());
    store.setReviewer(drewIt);
    const QList<model::QueueInfo> queues = named();
    ASSERT_EQ(queues.size(), 1);
    EXPECT_EQ(queues.at(0).reviewer, drewIt);
    EXPECT_GT(queues.at(0).size, 0);
}

TEST_F(Widgets, ClusterMapLassoAddsAndTakesAwayFromTheSelection) {
    window.showView(widgets::MainWindow::View::ClusterMap);
    widgets::ClusterMapView* view = window.clusterMap();
    QSignalSpy loaded(window.document(), &model::ProjectDocument::mapChanged);
    ASSERT_TRUE(loaded.count() > 0 || loaded.wait(60000));
    widgets::ClusterMapWidget* map = view->map();
    ASSERT_NE(map->points(), nullptr);
    map->setFocus();
    QTest::keyClick(map, Qt::Key_Minus); // zoomed out: every point inside the widget
    QTest::keyClick(map, Qt::Key_Minus);
    map->renderNow();
    const int w = map->width();
    const int h = map->height();
    const auto drag = [&](const std::vector<QPoint>& path, Qt::KeyboardModifiers mods) {
        QTest::mousePress(map, Qt::LeftButton, mods, path.front());
        for (std::size_t i = 1; i < path.size(); ++i)
            QTest::mouseMove(map, path[i]);
        QTest::mouseRelease(map, Qt::LeftButton, mods, path.back());
        return view->selection()->rowCount();
    };
    // A box over the whole widget, then the same corners as a triangle with the lasso (L): the
    // lasso holds fewer points than the box around it.
    const int all = drag({QPoint(1, 1), QPoint(w - 2, h - 2)}, Qt::ShiftModifier);
    EXPECT_EQ(all, 9514);
    auto* lasso = view->findChild<QToolButton*>(QStringLiteral("mapLasso"));
    ASSERT_FALSE(lasso->isChecked());
    QTest::keyClick(map, Qt::Key_L);
    EXPECT_TRUE(lasso->isChecked());
    const std::vector<QPoint> triangle = {QPoint(1, 1),         QPoint(w - 2, 1),
                                          QPoint(w / 2, h / 2), QPoint(w - 2, h - 2),
                                          QPoint(1, h - 2),     QPoint(1, 1)};
    const int inTriangle = drag(triangle, Qt::ShiftModifier);
    EXPECT_GT(inTriangle, 0);
    EXPECT_LT(inTriangle, all);
    // Take away the left half (a box again: the button), then add it back.
    QTest::mouseClick(lasso, Qt::LeftButton);
    EXPECT_FALSE(lasso->isChecked());
    const std::vector<QPoint> leftHalf = {QPoint(1, 1), QPoint(w / 2, h - 2)};
    const int less = drag(leftHalf, Qt::ShiftModifier | Qt::AltModifier);
    EXPECT_LT(less, inTriangle);
    const int more = drag(leftHalf, Qt::ShiftModifier | Qt::ControlModifier);
    EXPECT_GT(more, less);
    // Taken away and added back: the selection is the triangle's right part plus the left half,
    // i.e. every point of the triangle and more.
    const std::vector<std::size_t> selected = map->selectedIndices();
    EXPECT_EQ(static_cast<int>(selected.size()), more);
    EXPECT_TRUE(std::is_sorted(selected.begin(), selected.end()));
    EXPECT_GE(more, inTriangle);
    // A new Shift selection replaces the whole of it.
    EXPECT_EQ(drag({QPoint(1, 1), QPoint(w - 2, h - 2)}, Qt::ShiftModifier), all);
}

// Puts English back when a test that installs another language ends, however it ends.
struct EnglishAfterwards {
    EnglishAfterwards() = default;
    EnglishAfterwards(const EnglishAfterwards&) = delete;
    EnglishAfterwards& operator=(const EnglishAfterwards&) = delete;
    ~EnglishAfterwards() { widgets::installTranslations(QStringLiteral("en")); }
};

// Restores the application palette a test found, however the test ends.
struct PaletteAfterwards {
    QPalette saved = QApplication::palette();
    PaletteAfterwards() = default;
    PaletteAfterwards(const PaletteAfterwards&) = delete;
    PaletteAfterwards& operator=(const PaletteAfterwards&) = delete;
    ~PaletteAfterwards() { QApplication::setPalette(saved); }
};

TEST(Language, TheSystemLocalePicksATranslationOrEnglish) {
    EXPECT_EQ(widgets::resolveLanguage(QString(), QLocale(QStringLiteral("zh_CN"))), u"zh_CN");
    EXPECT_EQ(widgets::resolveLanguage(QString(), QLocale(QStringLiteral("zh_SG"))), u"zh_CN");
    // Traditional Chinese has no translation: English, not Simplified.
    EXPECT_EQ(widgets::resolveLanguage(QString(), QLocale(QStringLiteral("zh_TW"))), u"en");
    EXPECT_EQ(widgets::resolveLanguage(QString(), QLocale(QStringLiteral("de_DE"))), u"en");
    EXPECT_EQ(widgets::resolveLanguage(QString(), QLocale(QStringLiteral("en_GB"))), u"en");
    // A stored choice wins over the system; an unknown one falls back to it.
    EXPECT_EQ(widgets::resolveLanguage(QStringLiteral("en"), QLocale(QStringLiteral("zh_CN"))),
              u"en");
    EXPECT_EQ(widgets::resolveLanguage(QStringLiteral("zh_CN"), QLocale(QStringLiteral("fr"))),
              u"zh_CN");
    EXPECT_EQ(widgets::resolveLanguage(QStringLiteral("xx"), QLocale(QStringLiteral("zh_CN"))),
              u"zh_CN");
}

TEST(Language, EnglishPluralsAndTheChineseInterfaceLoad) {
    const EnglishAfterwards restoreEnglish;
    // English carries the plural forms only ("1 clusters" before it).
    ASSERT_TRUE(widgets::installTranslations(QStringLiteral("en")));
    EXPECT_EQ(QCoreApplication::translate("synthscope::widgets::ClusterMapView", "%n clusters",
                                          nullptr, 1),
              u"1 cluster");
    EXPECT_EQ(QCoreApplication::translate("synthscope::widgets::ClusterMapView", "%n clusters",
                                          nullptr, 3),
              u"3 clusters");
    ASSERT_TRUE(widgets::installTranslations(QStringLiteral("zh_CN")));
    EXPECT_EQ(widgets::installedLanguage(), u"zh_CN");
    {
        widgets::MainWindow window;
        QStringList menus;
        for (QAction* a : window.menuBar()->actions())
            menus << a->text();
        EXPECT_EQ(menus.first(), u"文件(&F)") << menus.join(u' ').toStdString();
        // A model message (non-QObject code, its file's own context) is translated too.
        std::shared_ptr<model::Project> project;
        const model::Status opened =
            model::Project::open(QStringLiteral("/nonexistent/x.synthscope"),
                                 model::Project::OpenMode::OpenExisting, &project);
        ASSERT_FALSE(opened.ok());
        EXPECT_FALSE(opened.error().contains(u"no such project file"))
            << opened.error().toStdString();
        EXPECT_TRUE(opened.error().contains(u"项目文件不存在")) << opened.error().toStdString();
    }
    // Every built-in red line's words are translated (a rule added without them fails here).
    {
        QFile rules(QStringLiteral(":/synthscope/rules/redlines.json"));
        ASSERT_TRUE(rules.open(QIODevice::ReadOnly));
        const QJsonArray list = QJsonDocument::fromJson(rules.readAll())
                                    .object()
                                    .value(QStringLiteral("rules"))
                                    .toArray();
        ASSERT_GT(list.size(), 10);
        for (const QJsonValue& rule : list)
            for (const char* key : {"title", "dimension", "action"}) {
                const QString words = rule.toObject().value(QLatin1StringView(key)).toString();
                if (!words.isEmpty()) {
                    EXPECT_NE(model::redLineText(words), words) << words.toStdString();
                }
            }
        EXPECT_EQ(model::gateStatusTitle(model::GateStatus::Pass), u"通过");
    }
    // A job's stage, reported from Qt-free analysis code, reaches the status bar translated;
    // text that is not a listed stage passes through.
    {
        model::JobRunner runner;
        QSignalSpy progress(&runner, &model::JobRunner::progress);
        QSignalSpy finished(&runner, &model::JobRunner::finished);
        runner.start(model::JobRunner::Kind::Export, QStringLiteral("stage"), [](const auto& p) {
            p.report(0.5, "tokenizing");
            return QString();
        });
        ASSERT_TRUE(finished.wait(5000));
        ASSERT_FALSE(progress.isEmpty());
        EXPECT_EQ(progress.first().at(2).toString(), u"分词");
        EXPECT_EQ(model::progressStageText("Removing samples"), u"Removing samples");
    }
    ASSERT_TRUE(widgets::installTranslations(QStringLiteral("en")));
    widgets::MainWindow english;
    EXPECT_EQ(english.menuBar()->actions().first()->text(), u"&File");
}

TEST_F(Widgets, TheLanguageIsChosenFromTheViewMenu) {
    model::Settings::language().reset();
    QMenuBar* bar = window.menuBar();
    QAction* viewTitle = nullptr;
    for (QAction* a : bar->actions())
        if (a->text() == widgets::MainWindow::tr("&View"))
            viewTitle = a;
    ASSERT_NE(viewTitle, nullptr);
    auto* languages = window.findChild<QMenu*>(QStringLiteral("languageMenu"));
    ASSERT_NE(languages, nullptr);
    // System is ticked while nothing is stored.
    ASSERT_FALSE(languages->actions().isEmpty());
    EXPECT_TRUE(languages->actions().first()->isChecked());
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->actionGeometry(viewTitle).center());
    auto* viewMenu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
    ASSERT_NE(viewMenu, nullptr);
    QTest::mouseClick(viewMenu, Qt::LeftButton, {},
                      viewMenu->actionGeometry(languages->menuAction()).center());
    QTRY_VERIFY(languages->isVisible());
    QAction* chinese = nullptr;
    for (QAction* a : languages->actions())
        if (a->text() == u"简体中文")
            chinese = a;
    ASSERT_NE(chinese, nullptr);
    QTest::mouseClick(languages, Qt::LeftButton, {}, languages->actionGeometry(chinese).center());
    EXPECT_EQ(model::Settings::language().get(), u"zh_CN");
    EXPECT_TRUE(chinese->isChecked());
    EXPECT_FALSE(languages->actions().first()->isChecked());
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(u"next time"))
        << window.statusBar()->currentMessage().toStdString();
    model::Settings::language().reset();
}

TEST_F(Widgets, ChartsAndTheMapFollowADarkPalette) {
    const PaletteAfterwards restore;
    auto chartsOf = [](QWidget& w) { return w.findChildren<QChartView*>(); };
    auto barColours = [&](QWidget& w) {
        QList<QColor> colours;
        for (QChartView* v : chartsOf(w))
            for (QAbstractSeries* s : v->chart()->series())
                if (auto* bars = qobject_cast<QAbstractBarSeries*>(s))
                    for (QBarSet* set : bars->barSets())
                        colours << set->color();
        return colours;
    };
    ASSERT_FALSE(chartsOf(window).isEmpty());
    for (QChartView* v : chartsOf(window))
        EXPECT_EQ(v->chart()->theme(), QChart::ChartThemeLight) << v->objectName().toStdString();
    window.showView(widgets::MainWindow::View::Divergence);
    // The role colours of the bars, to check that a theme change keeps them.
    const QList<QColor> before = barColours(window);
    ASSERT_FALSE(before.isEmpty());
    EXPECT_TRUE(before.contains(widgets::kRealColour));

    // The desktop turns dark while the window is open: every chart re-themes, the bars keep
    // their role colours, and the map draws on the dark base.
    window.setPalette(widgets::darkPalette());
    for (QChartView* v : chartsOf(window)) {
        EXPECT_EQ(v->chart()->theme(), QChart::ChartThemeDark) << v->objectName().toStdString();
        EXPECT_LT(v->chart()->backgroundBrush().color().lightness(), 128);
    }
    EXPECT_EQ(barColours(window), before);
    window.showView(widgets::MainWindow::View::ClusterMap);
    auto* map = window.clusterMap()->findChild<widgets::ClusterMapWidget*>();
    ASSERT_NE(map, nullptr);
    QTRY_VERIFY(map->points() && map->points()->size() > 0);
    EXPECT_LT(QColor(map->grab().toImage().pixel(2, 2)).lightness(), 80);
    // Points outside a focus fade toward the dark base, not toward white: with every point
    // faded, no pixel in the middle of the map is light.
    map->setFocusMask(std::vector<std::uint8_t>(map->points()->size(), 0));
    {
        const QImage faded = map->grab().toImage();
        int lightest = 0;
        for (int y = faded.height() / 5; y < faded.height() * 4 / 5; ++y)
            for (int x = faded.width() / 5; x < faded.width() * 7 / 10; ++x)
                lightest = std::max(lightest, QColor(faded.pixel(x, y)).lightness());
        EXPECT_LT(lightest, 110);
    }
    map->setFocusMask({});

    // And back to light.
    window.setPalette(QPalette());
    for (QChartView* v : chartsOf(window))
        EXPECT_EQ(v->chart()->theme(), QChart::ChartThemeLight);
    EXPECT_EQ(barColours(window), before);
    EXPECT_GT(QColor(map->grab().toImage().pixel(2, 2)).lightness(), 200);

    // A window opened under a dark desktop palette starts dark.
    QApplication::setPalette(widgets::darkPalette());
    {
        widgets::MainWindow dark;
        ASSERT_FALSE(chartsOf(dark).isEmpty());
        for (QChartView* v : chartsOf(dark))
            EXPECT_EQ(v->chart()->theme(), QChart::ChartThemeDark);
    }
}

TEST(ReportPaper, NoTableRowIsCutByAPageBreak) {
    // 40 rows, every third with a meaning several lines long, on small pages: rows must fall
    // across page feet somewhere.
    QString html = QStringLiteral("<h2>Metrics</h2><table width=\"100%\"><tr><th>Metric</th>"
                                  "<th>Value</th><th>Meaning</th></tr>");
    for (int r = 0; r < 40; ++r)
        html += QStringLiteral("<tr><td>metric %1</td><td>%2</td><td>%3</td></tr>")
                    .arg(r)
                    .arg(r * 0.25)
                    .arg(r % 3 == 0 ? QStringLiteral("a meaning long enough to wrap over several "
                                                     "lines in the narrow column of this "
                                                     "small page, as the report's do")
                                    : QStringLiteral("one line"));
    html += QStringLiteral("</table><p>after</p>");
    const QSizeF page(420, 300);
    QTextDocument plain;
    plain.setHtml(html);
    plain.setPageSize(page);
    ASSERT_GT(model::tableRowsAcrossPages(plain), 0); // the defect: rows split across pages

    QTextDocument paper;
    model::layOutForPaper(paper, html, page);
    EXPECT_EQ(model::tableRowsAcrossPages(paper), 0);
    EXPECT_GT(paper.pageCount(), 1);
    // Every row is still there once, and each continuation opens with the heading again.
    const QString text = paper.toPlainText();
    for (int r = 0; r < 40; ++r)
        EXPECT_EQ(text.count(QRegularExpression(QStringLiteral("\\bmetric %1\\b").arg(r))), 1) << r;
    QList<QTextTable*> tables;
    for (QTextFrame* f : paper.rootFrame()->childFrames())
        if (auto* t = qobject_cast<QTextTable*>(f))
            tables << t;
    ASSERT_FALSE(tables.isEmpty());
    for (QTextTable* t : tables)
        EXPECT_EQ(t->cellAt(0, 2).firstCursorPosition().block().text(), u"Meaning");
    EXPECT_TRUE(text.contains(QStringLiteral("after")));
}

TEST_F(Widgets, ASearchIsShownOnTheClusterMap) {
    widgets::SamplesView* samples = window.samples();
    model::SampleTableModel* table = samples->samples();
    QSignalSpy finished(table, &model::SampleTableModel::searchFinished);
    const auto settle = [&]() { settleSearch(table, finished); };
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    auto* box = samples->findChild<QLineEdit*>(QStringLiteral("sampleSearch"));
    QTest::keyClicks(box, QStringLiteral("refund*"));
    QTest::keyClick(box, Qt::Key_Return);
    settle();
    const QList<qint64> matches = table->sampleIds();
    ASSERT_GT(matches.size(), 100);
    auto* show = samples->findChild<QPushButton*>(QStringLiteral("sampleShowOnMap"));
    ASSERT_NE(show, nullptr);
    ASSERT_TRUE(show->isEnabled());
    QTest::mouseClick(show, Qt::LeftButton);
    auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("viewTabs"));
    EXPECT_EQ(tabs->currentWidget(), window.clusterMap());
    widgets::ClusterMapWidget* map = window.clusterMap()->map();
    QTRY_VERIFY_WITH_TIMEOUT(map->points() && map->hasFocusMask(), 20000);
    // Exactly the matches are selected (every sample of the demo is on its map), so Review and
    // the bulk answers act on them.
    const QList<qint64> selected = window.clusterMap()->selection()->sampleIds();
    EXPECT_EQ(QSet<qint64>(selected.cbegin(), selected.cend()),
              QSet<qint64>(matches.cbegin(), matches.cend()));
    // Show all ends it.
    auto* showAll = window.clusterMap()->findChild<QPushButton*>(QStringLiteral("mapShowAll"));
    ASSERT_NE(showAll, nullptr);
    ASSERT_TRUE(showAll->isEnabled());
    QTest::mouseClick(showAll, Qt::LeftButton);
    EXPECT_FALSE(map->hasFocusMask());
    EXPECT_TRUE(window.clusterMap()->selection()->sampleIds().isEmpty());
}

TEST(ReportPaper, RowsOfEveryHeightEndAndStayWhole) {
    // Rows from 1 to 40 lines on 300-pixel pages: some fit only without the heading, some not
    // even on a page of their own. The layout ends, no row that fits is cut, and none is lost.
    QString html = QStringLiteral("<table width=\"100%\"><tr><th>Row</th><th>Lines</th></tr>");
    for (int r = 1; r <= 40; ++r) {
        QStringList lines;
        for (int l = 0; l < r; ++l)
            lines << QStringLiteral("line");
        html +=
            QStringLiteral("<tr><td>row %1</td><td>%2</td></tr>").arg(r).arg(lines.join(u"<br>"));
    }
    html += QStringLiteral("</table>");
    QTextDocument paper;
    model::layOutForPaper(paper, html, QSizeF(420, 300));
    EXPECT_EQ(model::tableRowsAcrossPages(paper), 0);
    const QString text = paper.toPlainText();
    for (int r = 1; r <= 40; ++r)
        EXPECT_EQ(text.count(QRegularExpression(QStringLiteral("\\brow %1\\b").arg(r))), 1) << r;
}

TEST(ReportPaper, ATypedPdfOrHtmlEndsTheReportsName) {
    using P = std::pair<QString, QString>;
    EXPECT_EQ(model::reportPaths(QStringLiteral("/r/weekly.pdf")),
              (P{QStringLiteral("/r/weekly.html"), QStringLiteral("/r/weekly.pdf")}));
    EXPECT_EQ(model::reportPaths(QStringLiteral("/r/weekly.HTML")),
              (P{QStringLiteral("/r/weekly.html"), QStringLiteral("/r/weekly.pdf")}));
    EXPECT_EQ(model::reportPaths(QStringLiteral("/r/weekly")),
              (P{QStringLiteral("/r/weekly.html"), QStringLiteral("/r/weekly.pdf")}));
    EXPECT_EQ(model::reportPaths(QStringLiteral("/r/v1.2.htm")),
              (P{QStringLiteral("/r/v1.2.html"), QStringLiteral("/r/v1.2.pdf")}));
}

TEST_F(Widgets, ImportAndCorpusButtonsWaitForAProject) {
    widgets::MainWindow empty; // (the fixture's window has the demo open)
    empty.show();
    auto* import = empty.findChild<QPushButton*>(QStringLiteral("importButton"));
    auto* corpus = empty.findChild<QToolButton*>(QStringLiteral("corpusButton"));
    ASSERT_NE(import, nullptr);
    ASSERT_NE(corpus, nullptr);
    EXPECT_FALSE(import->isEnabled());
    EXPECT_FALSE(corpus->isEnabled());
    ASSERT_TRUE(empty.openProject(demoProject(), model::Project::OpenMode::OpenExisting).ok());
    EXPECT_TRUE(import->isEnabled());
    EXPECT_TRUE(corpus->isEnabled());
}

TEST_F(Widgets, ASearchWithNoMatchSaysSo) {
    widgets::SamplesView* samples = window.samples();
    model::SampleTableModel* table = samples->samples();
    QSignalSpy finished(table, &model::SampleTableModel::searchFinished);
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    auto* box = samples->findChild<QLineEdit*>(QStringLiteral("sampleSearch"));
    QTest::keyClicks(box, QStringLiteral("zzqxjw"));
    QTest::keyClick(box, Qt::Key_Return);
    QApplication::processEvents();
    while (table->searching())
        ASSERT_TRUE(finished.wait(10000));
    EXPECT_EQ(table->rowCount(), 0);
    bool said = false;
    for (QLabel* label : samples->findChildren<QLabel*>())
        said = said || label->text().contains(u"No sample");
    EXPECT_TRUE(said);
    EXPECT_FALSE(samples->findChild<QPushButton*>(QStringLiteral("sampleShowOnMap"))->isEnabled());
}

TEST_F(Widgets, ReviewSaysWhenThePartShownIsNotAnalysed) {
    QTemporaryDir dir;
    auto project = test::newProject(dir, QStringLiteral("fresh.synthscope"));
    test::importFile(*project, QStringLiteral("seed tasks"), model::Role::Synthetic,
                     test::dataFile(QStringLiteral("self-instruct-seed-tasks/seed_tasks.jsonl")),
                     "instruction");
    const QString path = project->path();
    project.reset();
    widgets::MainWindow fresh;
    fresh.show();
    ASSERT_TRUE(fresh.openProject(path, model::Project::OpenMode::OpenExisting).ok());
    fresh.showView(widgets::MainWindow::View::Review);
    auto* header = fresh.review()->findChild<QLabel*>(QStringLiteral("neighbourHeader"));
    ASSERT_NE(header, nullptr);
    QTRY_VERIFY(header->text().contains(u"not analysed"));
}

// Beyond the exact-search budget the nearest real samples come from an HNSW index, which on
// large projects misses the true nearest for many samples: Review says so above them, and the
// Samples table's NN other column in its header. Here the budget is set to 0 to get that run on
// 600 + 600 real samples; the default run is exact.
TEST(ReviewNeighbours, SayWhenAnHnswIndexFoundThem) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("hnsw.synthscope"));
    {
        auto project = test::newProject(dir, QStringLiteral("hnsw.synthscope"));
        test::importWith(
            *project, QStringLiteral("tweets"), model::Role::Real,
            test::dataFile(QStringLiteral("twitter-customer-support-sample5000/twcs_sample.jsonl")),
            [](model::ImportSpec& spec) {
                spec.mapping.textField = "text";
                spec.sampling = model::ImportSampling{.size = 600, .seed = 1};
            });
        test::importWith(
            *project, QStringLiteral("bitext"), model::Role::Synthetic,
            test::dataFile(QStringLiteral(
                "bitext-customer-support-4.5k/bitext_customer_support_training.jsonl")),
            [](model::ImportSpec& spec) {
                spec.mapping.textField = "response";
                spec.sampling = model::ImportSampling{.size = 600, .seed = 1};
            });
        analysis::AnalysisParams params;
        params.similarity.hnsw.exactPairs = 0;
        ASSERT_TRUE(model::runAnalysis(*project, params, {}, nullptr).ok());
    }
    // The Review header, then the NN other column's header and tooltip in Samples.
    const auto headersAfterOpening = [&path]() -> std::array<QString, 3> {
        widgets::MainWindow window;
        if (!openAndClickTab(window, path, window.review()))
            return {};
        auto* header = window.review()->findChild<QLabel*>(QStringLiteral("neighbourHeader"));
        for (int i = 0; i < 200 && window.review()->neighboursModel()->rowCount() == 0; ++i)
            QTest::qWait(25);
        EXPECT_GT(window.review()->neighboursModel()->rowCount(), 0);
        const QString review = header->text();
        if (!openAndClickTab(window, path, window.samples()))
            return {};
        auto* table = window.samples()->findChild<QTableView*>(QStringLiteral("sampleTable"));
        EXPECT_NE(table, nullptr);
        if (table == nullptr)
            return {};
        const int column = static_cast<int>(model::SampleColumn::NnOther);
        return {review, table->model()->headerData(column, Qt::Horizontal).toString(),
                table->model()->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString()};
    };
    const auto [byHnsw, hnswColumn, hnswTip] = headersAfterOpening();
    EXPECT_TRUE(byHnsw.contains(QStringLiteral("approximate"))) << byHnsw.toStdString();
    EXPECT_EQ(hnswColumn, QStringLiteral("NN other ≈"));
    EXPECT_TRUE(hnswTip.contains(QStringLiteral("HNSW"))) << hnswTip.toStdString();
    {
        std::shared_ptr<model::Project> project;
        ASSERT_TRUE(
            model::Project::open(path, model::Project::OpenMode::OpenExisting, &project).ok());
        ASSERT_TRUE(model::runAnalysis(*project, {}, {}, nullptr).ok());
    }
    const auto [exact, exactColumn, exactTip] = headersAfterOpening();
    EXPECT_TRUE(exact.contains(QStringLiteral("Nearest real samples"))) << exact.toStdString();
    EXPECT_FALSE(exact.contains(QStringLiteral("approximate"))) << exact.toStdString();
    EXPECT_EQ(exactColumn, QStringLiteral("NN other"));
    EXPECT_TRUE(exactTip.startsWith(QStringLiteral("Cosine similarity"))) << exactTip.toStdString();
    EXPECT_FALSE(exactTip.contains(QStringLiteral("HNSW"))) << exactTip.toStdString();
}

TEST_F(Widgets, ATypedTextFindsTheSamplesMostLikeIt) {
    // The text of a real sample, typed into the search box: Similar ranks every sample by
    // cosine in the built-in embedding and opens the closest as a review queue, that sample first.
    std::shared_ptr<model::Project> project;
    ASSERT_TRUE(
        model::Project::open(demoProject(), model::Project::OpenMode::OpenExisting, &project).ok());
    QSqlQuery q(project->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT id, text FROM samples WHERE length(text) > 80 "
                                      "ORDER BY id LIMIT 1 OFFSET 40")) &&
                q.next());
    const qint64 id = q.value(0).toLongLong();
    const QString text = q.value(1).toString().simplified();
    q.finish();
    project.reset();
    widgets::SamplesView* samples = window.samples();
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    auto* box = samples->findChild<QLineEdit*>(QStringLiteral("sampleSearch"));
    auto* similar = samples->findChild<QPushButton*>(QStringLiteral("sampleSimilar"));
    ASSERT_NE(similar, nullptr);
    EXPECT_FALSE(similar->isEnabled()); // nothing typed
    QTest::keyClicks(box, text);
    ASSERT_TRUE(similar->isEnabled());
    QTest::mouseClick(similar, Qt::LeftButton);
    auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("viewTabs"));
    QTRY_COMPARE_WITH_TIMEOUT(tabs->currentWidget(), window.review(), 60000);
    ASSERT_GT(window.review()->queueModel()->rowCount(), 10);
    EXPECT_EQ(window.review()->queueModel()->sampleIdAt(0), id);

    // Asked again, then off to the Overview before the answer: the user stays there, the
    // queue waits in Review and the status bar says so.
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    box->clear();
    QTest::keyClicks(box, QStringLiteral("refund my order"));
    QTest::mouseClick(similar, Qt::LeftButton);
    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier); // View → Overview
    ASSERT_NE(tabs->currentWidget(), window.review());
    QWidget* overview = tabs->currentWidget();
    QTRY_VERIFY_WITH_TIMEOUT(window.statusBar()->currentMessage().contains(u"waiting in Review"),
                             60000);
    EXPECT_EQ(tabs->currentWidget(), overview);
    EXPECT_TRUE(window.review()
                    ->findChild<QComboBox*>(QStringLiteral("reviewFilter"))
                    ->currentText()
                    .contains(u"refund my order"));
}

// Coordinates imported from the records (the real seed tasks with "x" and "y" added, as an
// external projection writes them) show under their fields' names; Compute neighbour layout
// asks before replacing them: No keeps them, Yes computes the layout.
TEST(ClusterMap, ImportedCoordinatesAreNamedAndReplacedOnlyWhenConfirmed) {
    QTemporaryDir dir;
    QString path;
    {
        auto project = test::newProject(dir);
        QFile source(test::dataFile(QStringLiteral("self-instruct-seed-tasks/seed_tasks.jsonl")));
        ASSERT_TRUE(source.open(QIODevice::ReadOnly));
        QByteArray withXy;
        while (!source.atEnd()) {
            const QByteArray line = source.readLine().trimmed();
            if (line.isEmpty())
                continue;
            model::Json record = model::Json::parse(line.toStdString());
            const std::string text = record["instruction"].get<std::string>();
            record["x"] = text.size();
            record["y"] = std::count(text.begin(), text.end(), ' ');
            withXy += QByteArray::fromStdString(record.dump()) + '\n';
        }
        test::importFile(*project, QStringLiteral("tasks"), model::Role::Real,
                         test::writeFile(dir, QStringLiteral("xy.jsonl"), withXy), "instruction");
        ASSERT_TRUE(model::runAnalysis(*project, {}, {}, nullptr).ok());
        ASSERT_TRUE(
            model::importLayoutFromFields(*project, QStringLiteral("x"), QStringLiteral("y")).ok());
        path = project->path();
    }
    widgets::MainWindow window;
    window.show();
    ASSERT_TRUE(window.openProject(path, model::Project::OpenMode::OpenExisting).ok());
    QSignalSpy loaded(window.document(), &model::ProjectDocument::mapChanged);
    window.showView(widgets::MainWindow::View::ClusterMap);
    ASSERT_TRUE(loaded.count() > 0 || loaded.wait(60000));
    auto* layout = window.clusterMap()->findChild<QComboBox*>(QStringLiteral("mapLayout"));
    auto* compute =
        window.clusterMap()->findChild<QPushButton*>(QStringLiteral("mapComputeLayout"));
    ASSERT_TRUE(layout && compute);
    QTRY_COMPARE(layout->currentText(), QStringLiteral("Imported coordinates (x, y)"));
    // A narrow pane cuts the entry ("Imported coordinates (x" at 1600 px): the whole name is
    // in the box's tooltip.
    EXPECT_TRUE(layout->toolTip().startsWith(QStringLiteral("Imported coordinates (x, y)\n")));

    whenModal<QMessageBox>(
        [](QMessageBox* box) { QTest::mouseClick(box->button(QMessageBox::No), Qt::LeftButton); });
    QTest::mouseClick(compute, Qt::LeftButton);
    QTest::qWait(300);
    EXPECT_FALSE(window.document()->jobs().isBusy()); // nothing started
    EXPECT_EQ(layout->currentText(), QStringLiteral("Imported coordinates (x, y)"));

    whenModal<QMessageBox>(
        [](QMessageBox* box) { QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton); });
    QTest::mouseClick(compute, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(layout->currentText(),
                              QStringLiteral("Neighbour layout (UMAP method)"), 60000);
}
