#include "model/JobRunner.h"

#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include <thread>

using namespace synthscope::model;

namespace {
// Work that reports until cancelled (bounded to 10 s so a broken cancel fails, not hangs).
QString spinUntilCancelled(const synthscope::analysis::Progress& p) {
    for (int i = 0; i < 10000; ++i) {
        p.report(0.5, "spinning");
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return QStringLiteral("was never cancelled");
}
} // namespace

TEST(JobRunner, SuccessErrorAndException) {
    JobRunner runner;
    QSignalSpy finished(&runner, &JobRunner::finished);
    const quint64 a = runner.start(QStringLiteral("ok"), [](const auto& p) {
        p.report(1.0, "done");
        return QString();
    });
    ASSERT_TRUE(finished.wait(5000));
    EXPECT_EQ(finished.at(0).at(0).toULongLong(), a);
    EXPECT_TRUE(finished.at(0).at(2).toBool());
    EXPECT_FALSE(runner.isBusy());

    runner.start(QStringLiteral("err"), [](const auto&) { return QStringLiteral("disk full"); });
    ASSERT_TRUE(finished.wait(5000));
    EXPECT_FALSE(finished.at(1).at(2).toBool());
    EXPECT_EQ(finished.at(1).at(4).toString(), QStringLiteral("disk full"));

    runner.start(QStringLiteral("throw"),
                 [](const auto&) -> QString { throw std::runtime_error("boom"); });
    ASSERT_TRUE(finished.wait(5000));
    EXPECT_FALSE(finished.at(2).at(2).toBool());
    EXPECT_EQ(finished.at(2).at(4).toString(), QStringLiteral("boom"));
}

TEST(JobRunner, CancelAndSupersede) {
    JobRunner runner;
    QSignalSpy finished(&runner, &JobRunner::finished);
    QSignalSpy progress(&runner, &JobRunner::progress);
    const quint64 first = runner.start(QStringLiteral("long"), spinUntilCancelled);
    ASSERT_TRUE(progress.wait(5000));
    runner.cancel();
    ASSERT_TRUE(finished.wait(5000));
    EXPECT_EQ(finished.at(0).at(0).toULongLong(), first);
    EXPECT_FALSE(finished.at(0).at(2).toBool()); // not ok
    EXPECT_TRUE(finished.at(0).at(3).toBool());  // cancelled

    // A second job supersedes a running one: the first is reported cancelled at once and its
    // own late result is dropped; the second completes.
    finished.clear();
    const quint64 old = runner.start(QStringLiteral("old"), spinUntilCancelled);
    const quint64 next = runner.start(QStringLiteral("new"), [](const auto&) { return QString(); });
    ASSERT_GE(finished.count(), 1);
    EXPECT_EQ(finished.at(0).at(0).toULongLong(), old);
    EXPECT_TRUE(finished.at(0).at(3).toBool());
    ASSERT_TRUE(finished.wait(5000));
    EXPECT_EQ(finished.last().at(0).toULongLong(), next);
    EXPECT_TRUE(finished.last().at(2).toBool());
    QTest::qWait(100);
    EXPECT_EQ(finished.count(), 2); // the old job's late result never arrives
}
