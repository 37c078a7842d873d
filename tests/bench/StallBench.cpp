// synthscope-stall-bench: how long the GUI thread is kept from its events (a stall) while a
// reviewer works on a large project. Run on demand (not part of the test suite), offscreen:
//
//   QT_QPA_PLATFORM=offscreen synthscope-stall-bench PROJECT [--answers N]
//                                                    [--analysis-seconds S]
//
// PROJECT is an analysed project (e.g. `synthscope-search-bench --build P --rows 1000000
// --analyze` with the real pair). The bench writes into it (answers, a tag, a queue, a
// concept, a new analysis run): give it a copy. It opens the workbench on PROJECT and acts as a
// user does, one phase after another: shows the cluster map and waits for it; answers N samples
// in Review with the keys (K, D, a tag key on every fifth) and the next; keeps the smallest
// cluster from the map; draws a review queue with Sample…; trains the concept of the tag in
// Team; starts the analyses and lets them run S seconds (default 120; 0: to the end), then
// cancels them. A 1-ms timer beats on the GUI thread throughout: a gap between two beats is
// time the GUI thread spent on something else, so the longest gap of a phase is its worst
// stall. Prints per phase the beats, the median, 99th percentile and longest gap, how many
// gaps passed 50 ms, and when the longest began (CLOCK_MONOTONIC seconds: under `perf record
// -k CLOCK_MONOTONIC`, `perf report --time` on that window shows what the GUI thread did). Opening
// the project is timed apart (a synchronous call, no beats in it).
#include "analysis/Blas.h"
#include "model/JobRunner.h"
#include "model/ProjectDocument.h"
#include "model/SimilarityModels.h"
#include "widgets/BulkAnswerBar.h"
#include "widgets/ClusterMapView.h"
#include "widgets/ClusterMapWidget.h"
#include "widgets/MainWindow.h"
#include "widgets/ReviewView.h"
#include "widgets/SampleQueueDialog.h"
#include "widgets/TeamView.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

using namespace synthscope;

namespace {

// The beats of the current phase: the gaps between consecutive timer callbacks.
struct Heartbeat {
    QElapsedTimer clock;
    qint64 last = 0;
    std::vector<double> gaps; ///< ms
    double longest = 0.0;     ///< ms
    qint64 longestEnd = 0;    ///< ns since clock's start: when the longest gap ended
    void beat() {
        const qint64 now = clock.nsecsElapsed();
        gaps.push_back(static_cast<double>(now - last) / 1e6);
        if (gaps.back() > longest) {
            longest = gaps.back();
            longestEnd = now;
        }
        last = now;
    }
    void restart() {
        gaps.clear();
        longest = 0.0;
        last = clock.nsecsElapsed();
    }
    /// CLOCK_MONOTONIC seconds (QElapsedTimer's clock on Linux; `perf record -k
    /// CLOCK_MONOTONIC` stamps samples on it) when the longest gap began.
    [[nodiscard]] double longestBegin() const {
        return (static_cast<double>(clock.msecsSinceReference()) +
                (static_cast<double>(longestEnd) / 1e6 - longest)) /
               1e3;
    }
};

void report(const char* phase, Heartbeat& heart, double seconds) {
    std::vector<double> g = heart.gaps;
    if (g.empty()) {
        std::printf("%-28s %7.1f s   no beats\n", phase, seconds);
        return;
    }
    std::sort(g.begin(), g.end());
    const auto over = std::count_if(g.begin(), g.end(), [](double ms) { return ms > 50.0; });
    std::printf("%-28s %7.1f s  %7zu beats  median %5.1f ms  p99 %6.1f ms  longest %7.1f ms  "
                "over 50 ms: %td  (longest from %.3f s monotonic)\n",
                phase, seconds, g.size(), g[g.size() / 2], g[g.size() * 99 / 100], g.back(), over,
                heart.longestBegin());
    std::fflush(stdout);
}

// Runs the event loop for ms milliseconds (not QTest::qWait, which sleeps 10 ms at a time
// between its rounds of events: those sleeps would read as stalls).
void spin(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

// Runs the event loop until done() or the timeout; false on timeout.
template <class Done> bool waitFor(Done done, int timeoutMs) {
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        spin(5);
    }
    return true;
}

// Clicks OK in the next modal dialog of type T (the workbench's exec() blocks until then).
template <class T> void acceptNextModal() {
    QTimer::singleShot(20, []() {
        if (auto* dialog = qobject_cast<T*>(QApplication::activeModalWidget()))
            QTest::mouseClick(
                dialog->template findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok),
                Qt::LeftButton);
        else
            acceptNextModal<T>();
    });
}

} // namespace

int main(int argc, char** argv) {
    synthscope::analysis::runBlasOnCallingThread(); // the analyses bring their own threads
    QApplication app(argc, argv);
    QString path;
    int answers = 100;
    int analysisSeconds = 120;
    const QStringList args = QApplication::arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QStringLiteral("--answers") && i + 1 < args.size())
            answers = std::max(1, args[++i].toInt());
        else if (args[i] == QStringLiteral("--analysis-seconds") && i + 1 < args.size())
            analysisSeconds = std::max(0, args[++i].toInt());
        else
            path = args[i];
    }
    if (path.isEmpty()) {
        std::fprintf(stderr, "usage: synthscope-stall-bench PROJECT [--answers N] "
                             "[--analysis-seconds S]\n");
        return 2;
    }
    widgets::MainWindow window;
    window.resize(1400, 880);
    window.show();
    window.activateWindow(); // as the window system does: the shortcuts then apply
    if (!QTest::qWaitForWindowActive(&window))
        std::fprintf(stderr, "synthscope-stall-bench: the window never became active\n");
    QElapsedTimer phase;
    phase.start();
    if (const model::Status s = window.openProject(path, model::Project::OpenMode::OpenExisting);
        !s) {
        std::fprintf(stderr, "synthscope-stall-bench: %s\n", qPrintable(s.error()));
        return 2;
    }
    model::ProjectDocument* document = window.document();
    if (!document->analysis()) {
        std::fprintf(stderr, "synthscope-stall-bench: the project is not analysed\n");
        return 2;
    }
    std::printf("%-28s %7.1f s   (synchronous: one stall of %.0f ms)\n", "open the project",
                static_cast<double>(phase.nsecsElapsed()) / 1e9,
                static_cast<double>(phase.nsecsElapsed()) / 1e6);

    // A message box (a warning, a question) would block the bench in its own event loop: say
    // what it said and close it.
    QTimer watchdog;
    watchdog.setInterval(500);
    bool answeringQuestion = false; // the Keep confirmation is answered Yes below
    QObject::connect(&watchdog, &QTimer::timeout, [&answeringQuestion]() {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            box != nullptr && !answeringQuestion) {
            std::fprintf(stderr, "synthscope-stall-bench: a message box: %s: %s\n",
                         qPrintable(box->windowTitle()), qPrintable(box->text()));
            box->reject();
        }
    });
    watchdog.start();
    Heartbeat heart;
    heart.clock.start();
    QTimer beat;
    beat.setTimerType(Qt::PreciseTimer);
    beat.setInterval(1);
    QObject::connect(&beat, &QTimer::timeout, [&heart]() { heart.beat(); });
    beat.start();
    const auto begin = [&]() {
        spin(200); // what the previous phase left queued
        heart.restart();
        phase.restart();
    };
    const auto end = [&](const char* name) {
        report(name, heart, static_cast<double>(phase.nsecsElapsed()) / 1e9);
    };
    const int minute = 60000;

    // The cluster map: loaded in a job, then set on the GUI thread.
    begin();
    QSignalSpy mapLoaded(document, &model::ProjectDocument::mapChanged);
    window.showView(widgets::MainWindow::View::ClusterMap);
    if (!waitFor([&]() { return mapLoaded.count() > 0; }, 10 * minute))
        std::fprintf(stderr, "synthscope-stall-bench: the map did not load\n");
    end("show the cluster map");

    // Answers in Review, with the keys: keep, drop, the first tag on every fifth, next.
    begin();
    window.showView(widgets::MainWindow::View::Review);
    widgets::ReviewView* review = window.review();
    review->setFocus();
    for (int i = 0; i < answers; ++i) {
        if (i % 5 == 0)
            QTest::keyClick(review, Qt::Key_1);
        QTest::keyClick(review, i % 2 == 0 ? Qt::Key_K : Qt::Key_D);
        spin(20); // a fast reviewer
        QTest::keyClick(review, Qt::Key_N);
        spin(20);
    }
    end("answer in Review (keys)");

    // Keep the smallest cluster from the map (one bulk answer).
    begin();
    window.showView(widgets::MainWindow::View::ClusterMap);
    widgets::ClusterMapView* map = window.clusterMap();
    spin(100);
    auto* clusters = map->findChild<QTableView*>(QStringLiteral("clustersTable"));
    const QModelIndex last = clusters->model()->index(clusters->model()->rowCount() - 1, 0);
    clusters->scrollTo(last);
    QTest::mouseClick(clusters->viewport(), Qt::LeftButton, {},
                      clusters->visualRect(last).center());
    spin(50);
    const int kept = map->selection()->rowCount();
    if (kept >= widgets::BulkAnswerBar::kConfirmFrom) { // "Keep N samples at once?": Yes
        answeringQuestion = true;
        QTimer::singleShot(20, [&answeringQuestion]() {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
                QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
            answeringQuestion = false;
        });
    }
    QTest::mouseClick(map->findChild<QPushButton*>(QStringLiteral("mapKeep")), Qt::LeftButton);
    spin(500);
    if (document->jobs().isBusy(model::JobRunner::Kind::Map)) // past the patch limit: a reload
        waitFor([&]() { return !document->jobs().isBusy(model::JobRunner::Kind::Map); },
                10 * minute);
    std::printf("(a cluster of %d samples selected and kept)\n", kept);
    end("keep a cluster on the map");

    // Sample… in Review: the dialog's defaults, Draw queue; the queue opens when saved.
    begin();
    window.showView(widgets::MainWindow::View::Review);
    QSignalSpy sampled(document, &model::ProjectDocument::queueSampled);
    QSignalSpy failed(document, &model::ProjectDocument::queueFailed);
    acceptNextModal<widgets::SampleQueueDialog>();
    QTest::mouseClick(review->findChild<QPushButton*>(QStringLiteral("sampleQueueButton")),
                      Qt::LeftButton);
    if (!waitFor([&]() { return sampled.count() + failed.count() > 0; }, 10 * minute))
        std::fprintf(stderr, "synthscope-stall-bench: no queue was drawn\n");
    spin(200);
    end("draw a review queue");

    // Train the tag's concept in Team.
    begin();
    window.showView(widgets::MainWindow::View::Team);
    spin(200);
    QSignalSpy trained(document, &model::ProjectDocument::conceptReady);
    QSignalSpy reports(document, &model::ProjectDocument::jobReport);
    auto* train = window.team()->findChild<QPushButton*>(QStringLiteral("trainConcept"));
    if (train != nullptr && train->isEnabled()) {
        QTest::mouseClick(train, Qt::LeftButton);
        if (!waitFor([&]() { return trained.count() > 0 || reports.count() > 0; }, 10 * minute))
            std::fprintf(stderr, "synthscope-stall-bench: the concept did not train\n");
        spin(200);
    } else {
        std::fprintf(stderr, "synthscope-stall-bench: Train concept is not enabled\n");
    }
    end("train a concept");

    // The analyses, run from the Analysis menu's shortcut, for a while (or to the end).
    begin();
    QSignalSpy analysed(document, &model::ProjectDocument::analysisChanged);
    window.showView(widgets::MainWindow::View::Overview);
    window.activateWindow(); // back from the dialogs
    if (!QTest::qWaitForWindowActive(&window))
        std::fprintf(stderr, "synthscope-stall-bench: the window is not active\n");
    QTest::keyClick(&window, Qt::Key_R, Qt::ControlModifier);
    if (!document->jobs().isBusy(model::JobRunner::Kind::Analysis))
        std::fprintf(stderr, "synthscope-stall-bench: Ctrl+R started no analysis\n");
    if (analysisSeconds > 0) {
        spin(analysisSeconds * 1000);
        end("analyses running (then cancelled)");
        document->jobs().cancelAll();
        document->jobs().waitForDone();
    } else {
        waitFor([&]() { return analysed.count() > 0; }, 120 * minute);
        end("analyses to the end");
    }
    return 0;
}
