#include "model/JobRunner.h"

#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

using namespace synthscope::model;
using Kind = JobRunner::Kind;
using Outcome = JobRunner::Outcome;

namespace {
// Work that reports until cancelled (bounded to 10 s so a broken cancel fails, not hangs).
QString spinUntilCancelled(const synthscope::analysis::Progress& p) {
    for (int i = 0; i < 10000; ++i) {
        p.report(0.5, "spinning");
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return QStringLiteral("was never cancelled");
}

Outcome outcomeOf(const QList<QVariant>& finishedArgs) {
    return finishedArgs.at(2).value<Outcome>();
}

// Waits (≤ 5 s) until spy holds n signals; some arrive at once (a job cancelled before it
// began), others queued from a worker thread.
bool waitForCount(QSignalSpy& spy, qsizetype n) {
    for (int i = 0; i < 100 && spy.count() < n; ++i)
        spy.wait(50);
    return spy.count() >= n;
}
} // namespace

TEST(JobRunner, SuccessErrorAndException) {
    JobRunner runner;
    QSignalSpy finished(&runner, &JobRunner::finished);
    const quint64 a = runner.start(Kind::Analysis, QStringLiteral("ok"), [](const auto& p) {
        p.report(1.0, "done");
        return QString();
    });
    ASSERT_TRUE(finished.wait(5000));
    EXPECT_EQ(finished.at(0).at(0).toULongLong(), a);
    EXPECT_EQ(outcomeOf(finished.at(0)), Outcome::Succeeded);
    EXPECT_FALSE(runner.isBusy());

    runner.start(Kind::Analysis, QStringLiteral("err"),
                 [](const auto&) { return QStringLiteral("disk full"); });
    ASSERT_TRUE(finished.wait(5000));
    EXPECT_EQ(outcomeOf(finished.at(1)), Outcome::Failed);
    EXPECT_EQ(finished.at(1).at(3).toString(), QStringLiteral("disk full"));

    runner.start(Kind::Analysis, QStringLiteral("throw"),
                 [](const auto&) -> QString { throw std::runtime_error("boom"); });
    ASSERT_TRUE(finished.wait(5000));
    EXPECT_EQ(outcomeOf(finished.at(2)), Outcome::Failed);
    EXPECT_EQ(finished.at(2).at(3).toString(), QStringLiteral("boom"));
}

TEST(JobRunner, CancelAndSupersede) {
    JobRunner runner;
    QSignalSpy finished(&runner, &JobRunner::finished);
    QSignalSpy progress(&runner, &JobRunner::progress);
    const quint64 first = runner.start(Kind::Analysis, QStringLiteral("long"), spinUntilCancelled);
    ASSERT_TRUE(progress.wait(5000));
    EXPECT_EQ(progress.at(0).at(0).toULongLong(), first);
    runner.cancel();
    ASSERT_TRUE(finished.wait(5000));
    EXPECT_EQ(finished.at(0).at(0).toULongLong(), first);
    EXPECT_EQ(outcomeOf(finished.at(0)), Outcome::Cancelled);

    // A second job of the same kind supersedes a running one: the first is reported cancelled
    // at once and its own late result is dropped; the second completes.
    finished.clear();
    const quint64 old = runner.start(Kind::Analysis, QStringLiteral("old"), spinUntilCancelled);
    const quint64 next =
        runner.start(Kind::Analysis, QStringLiteral("new"), [](const auto&) { return QString(); });
    ASSERT_GE(finished.count(), 1);
    EXPECT_EQ(finished.at(0).at(0).toULongLong(), old);
    EXPECT_EQ(outcomeOf(finished.at(0)), Outcome::Cancelled);
    ASSERT_TRUE(finished.wait(5000));
    EXPECT_EQ(finished.last().at(0).toULongLong(), next);
    EXPECT_EQ(outcomeOf(finished.last()), Outcome::Succeeded);
    QTest::qWait(100);
    EXPECT_EQ(finished.count(), 2); // the old job's late result never arrives
}

// Jobs of different kinds run side by side: an export started during an analysis finishes
// while the analysis goes on (the runner used to cancel whatever ran), and cancelling one job
// leaves the other running.
TEST(JobRunner, DifferentKindsRunBesideEachOther) {
    JobRunner runner;
    QSignalSpy finished(&runner, &JobRunner::finished);
    QSignalSpy progress(&runner, &JobRunner::progress);
    const quint64 analysis =
        runner.start(Kind::Analysis, QStringLiteral("analysis"), spinUntilCancelled);
    ASSERT_TRUE(progress.wait(5000));
    const quint64 exportJob =
        runner.start(Kind::Export, QStringLiteral("export"), [](const auto&) { return QString(); });
    ASSERT_TRUE(finished.wait(5000));
    ASSERT_EQ(finished.count(), 1);
    EXPECT_EQ(finished.at(0).at(0).toULongLong(), exportJob);
    EXPECT_EQ(outcomeOf(finished.at(0)), Outcome::Succeeded);
    EXPECT_TRUE(runner.isBusy(Kind::Analysis));
    EXPECT_FALSE(runner.isBusy(Kind::Export));

    const quint64 report = runner.start(Kind::Report, QStringLiteral("report"), spinUntilCancelled);
    runner.cancel(report); // only the report
    ASSERT_TRUE(waitForCount(finished, 2));
    EXPECT_EQ(finished.last().at(0).toULongLong(), report);
    EXPECT_EQ(outcomeOf(finished.last()), Outcome::Cancelled);
    EXPECT_TRUE(runner.isBusy(Kind::Analysis));
    runner.cancel(analysis);
    ASSERT_TRUE(waitForCount(finished, 3));
    EXPECT_EQ(finished.last().at(0).toULongLong(), analysis);
    EXPECT_FALSE(runner.isBusy());
}

// The thread cleanup (a database connection's release in the application) runs on the job's
// worker thread after every job, whether it succeeded, failed, threw or was cancelled; a job
// stopped on request keeps its own words, and work that completed despite a late cancel is a
// success.
TEST(JobRunner, CleanupOnEveryPathAndOutcomeValues) {
    JobRunner runner;
    std::atomic<int> cleanups{0};
    std::atomic<bool> onWorker{true};
    const auto mainThread = std::this_thread::get_id();
    runner.setThreadCleanup([&]() {
        if (std::this_thread::get_id() == mainThread)
            onWorker = false;
        ++cleanups;
    });
    QSignalSpy finished(&runner, &JobRunner::finished);
    runner.start(Kind::Analysis, QStringLiteral("ok"), [](const auto&) { return QString(); });
    runner.start(Kind::Export, QStringLiteral("throw"),
                 [](const auto&) -> QString { throw std::runtime_error("boom"); });
    const quint64 thrown =
        runner.start(Kind::Report, QStringLiteral("throw cancelled"),
                     [](const auto&) -> QString { throw synthscope::analysis::Cancelled(); });
    for (int i = 0; i < 50 && finished.count() < 3; ++i)
        finished.wait(100);
    ASSERT_EQ(finished.count(), 3); // side by side: in any order
    for (const auto& f : finished) {
        if (f.at(0).toULongLong() == thrown) {
            EXPECT_EQ(outcomeOf(f), Outcome::Cancelled) << "a thrown Cancelled";
        }
    }

    QSignalSpy progress(&runner, &JobRunner::progress);
    runner.start(Kind::Map, QStringLiteral("says why"), [](const auto& p) {
        p.report(0.5, "waiting");
        while (!p.isCancelled()) // as an importer does: it notices and says what it kept
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return QStringLiteral("map load cancelled; the previous map is kept");
    });
    ASSERT_TRUE(progress.wait(5000));
    runner.cancel();
    ASSERT_TRUE(finished.wait(5000));
    EXPECT_EQ(outcomeOf(finished.last()), Outcome::Cancelled);
    EXPECT_EQ(finished.last().at(3).toString(),
              QStringLiteral("map load cancelled; the previous map is kept"));

    std::atomic<bool> go{false};
    std::atomic<bool> entered{false};
    runner.start(Kind::Concept, QStringLiteral("late cancel"), [&go, &entered](const auto&) {
        entered = true;
        while (!go)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return QString(); // never looks at the request: it completed
    });
    while (!entered) // a job cancelled before it begins never runs (see the next test)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    const qsizetype before = finished.count();
    runner.cancel();
    go = true;
    ASSERT_TRUE(waitForCount(finished, before + 1));
    EXPECT_EQ(outcomeOf(finished.last()), Outcome::Succeeded);

    runner.waitForDone();
    EXPECT_EQ(cleanups.load(), 5);
    EXPECT_TRUE(onWorker.load());
}

// A job cancelled or superseded while it waits for its thread ends at once and its work never
// runs; an analysis never cancels the embeddings or layout waiting behind it.
TEST(JobRunner, WaitingJobsEndAtOnceWhenCancelled) {
    JobRunner runner;
    QSignalSpy finished(&runner, &JobRunner::finished);
    std::atomic<bool> go{false};
    std::atomic<int> ran{0};
    const quint64 analysis =
        runner.start(Kind::Analysis, QStringLiteral("analysis"), [&](const auto& p) {
            while (!go && !p.isCancelled())
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            return QString();
        });
    auto count = [&ran](const auto&) {
        ++ran;
        return QString();
    };
    const quint64 import = runner.start(Kind::Import, QStringLiteral("import"), count);
    const quint64 layout = runner.start(Kind::Layout, QStringLiteral("layout"), count);
    const quint64 oldEmbedding = runner.start(Kind::Embedding, QStringLiteral("embedding"), count);
    const quint64 newEmbedding =
        runner.start(Kind::Embedding, QStringLiteral("embedding 2"), count);
    ASSERT_EQ(finished.count(), 1); // only the superseded embedding, at once
    EXPECT_EQ(finished.at(0).at(0).toULongLong(), oldEmbedding);
    runner.cancel(import);
    ASSERT_EQ(finished.count(), 2); // at once, not when the analysis ends
    EXPECT_EQ(finished.at(1).at(0).toULongLong(), import);
    EXPECT_EQ(outcomeOf(finished.at(1)), Outcome::Cancelled);
    go = true;
    ASSERT_TRUE(waitForCount(finished, 5));
    ASSERT_EQ(finished.count(), 5);
    EXPECT_EQ(finished.at(2).at(0).toULongLong(), analysis);
    EXPECT_EQ(finished.at(3).at(0).toULongLong(), layout);
    EXPECT_EQ(finished.at(4).at(0).toULongLong(), newEmbedding);
    runner.waitForDone();
    EXPECT_EQ(ran.load(), 2); // the layout and the second embedding; never the cancelled two
}

// Imports queue instead of superseding: a second import (or one started during an analysis)
// waits, says so, and both complete in the order started; the analysis is not cancelled.
TEST(JobRunner, ImportsWaitForTheWriterBefore) {
    JobRunner runner;
    QSignalSpy finished(&runner, &JobRunner::finished);
    QSignalSpy progress(&runner, &JobRunner::progress);
    std::atomic<bool> go{false};
    auto waitForGo = [&go](const auto&) {
        while (!go)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return QString();
    };
    const quint64 analysis = runner.start(Kind::Analysis, QStringLiteral("analysis"), waitForGo);
    const quint64 first = runner.start(Kind::Import, QStringLiteral("first"), waitForGo);
    const quint64 second =
        runner.start(Kind::Import, QStringLiteral("second"), [](const auto&) { return QString(); });
    EXPECT_TRUE(finished.isEmpty()); // nobody was superseded
    ASSERT_GE(progress.count(), 2);
    EXPECT_EQ(progress.at(0).at(0).toULongLong(), first);
    EXPECT_EQ(progress.at(0).at(2).toString(), QStringLiteral("waiting for “analysis” to finish"));
    EXPECT_EQ(progress.at(1).at(0).toULongLong(), second);
    EXPECT_EQ(progress.at(1).at(2).toString(), QStringLiteral("waiting for “first” to finish"));
    go = true;
    for (int i = 0; i < 50 && finished.count() < 3; ++i)
        finished.wait(100);
    ASSERT_EQ(finished.count(), 3);
    const QList<quint64> order = {finished.at(0).at(0).toULongLong(),
                                  finished.at(1).at(0).toULongLong(),
                                  finished.at(2).at(0).toULongLong()};
    EXPECT_EQ(order, (QList<quint64>{analysis, first, second}));
    for (const auto& f : finished)
        EXPECT_EQ(outcomeOf(f), Outcome::Succeeded);
}

// A background job (judging the red lines) is not the user's: no started() or progress() for
// the status bar, isBusy() does not count it, cancel() (the Cancel button) leaves it running
// and stops the user's job; cancel(id) stops it.
TEST(JobRunner, BackgroundJobsAreNotTheUsers) {
    JobRunner runner;
    QSignalSpy started(&runner, &JobRunner::started);
    QSignalSpy progress(&runner, &JobRunner::progress);
    QSignalSpy finished(&runner, &JobRunner::finished);
    std::atomic<bool> release{false};
    const quint64 gate =
        runner.start(Kind::Gate, QStringLiteral("gate"), [&release](const auto& p) {
            while (!release) {
                p.report(0.5, "judging the red lines");
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
            return QString();
        });
    const quint64 export1 =
        runner.start(Kind::Export, QStringLiteral("export"), spinUntilCancelled);
    EXPECT_EQ(started.count(), 1); // the export only
    EXPECT_EQ(started.at(0).at(0).toULongLong(), export1);
    EXPECT_TRUE(runner.isBusy());
    runner.cancel();
    ASSERT_TRUE(waitForCount(finished, 1));
    EXPECT_EQ(finished.at(0).at(0).toULongLong(), export1);
    EXPECT_EQ(outcomeOf(finished.at(0)), Outcome::Cancelled);
    EXPECT_FALSE(runner.isBusy());          // the gate does not count…
    EXPECT_TRUE(runner.isBusy(Kind::Gate)); // …but runs
    QTest::qWait(100);
    EXPECT_EQ(finished.count(), 1);
    for (const QList<QVariant>& p : std::as_const(progress))
        EXPECT_NE(p.at(0).toULongLong(), gate);
    release = true;
    ASSERT_TRUE(waitForCount(finished, 2));
    EXPECT_EQ(finished.at(1).at(0).toULongLong(), gate);
    EXPECT_EQ(outcomeOf(finished.at(1)), Outcome::Succeeded);

    // cancel(id) stops one; cancelAll() (closing the project) stops them too.
    const quint64 again = runner.start(Kind::Gate, QStringLiteral("gate"), spinUntilCancelled);
    runner.cancel(again);
    ASSERT_TRUE(waitForCount(finished, 3));
    EXPECT_EQ(outcomeOf(finished.at(2)), Outcome::Cancelled);
    runner.start(Kind::Gate, QStringLiteral("gate"), spinUntilCancelled);
    runner.cancelAll();
    ASSERT_TRUE(waitForCount(finished, 4));
    EXPECT_EQ(outcomeOf(finished.at(3)), Outcome::Cancelled);
    EXPECT_FALSE(runner.isBusy(Kind::Gate));
}
