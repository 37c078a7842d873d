#include "TestSupport.h"

#include "model/Analyzer.h"
#include "model/CorpusEdits.h"
#include "model/ProjectStore.h"
#include "model/ReviewStore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <atomic>

using namespace synthscope;
using namespace synthscope::model;

namespace {

qint64 scalar(Project& project, const QString& sql) {
    QSqlQuery q(project.connection());
    EXPECT_TRUE(q.exec(sql) && q.next()) << sql.toStdString();
    return q.value(0).toLongLong();
}

// Two small corpora (real r: samples 1–3, synthetic s: samples 4–5), analysed, with review
// work on both sides and a saved queue over all five samples.
struct EditFixture {
    QTemporaryDir dir;
    std::shared_ptr<Project> project = test::newProject(dir);
    EditFixture() {
        test::importFile(*project, QStringLiteral("r"), Role::Real,
                         test::writeFile(dir, QStringLiteral("r.jsonl"),
                                         "{\"text\":\"a b a\"}\n{\"text\":\"b a\"}\n"
                                         "{\"text\":\"c a b\"}\nnot json\n"),
                         "text");
        test::importFile(*project, QStringLiteral("s"), Role::Synthetic,
                         test::writeFile(dir, QStringLiteral("s.jsonl"),
                                         "{\"text\":\"a b\"}\n{\"text\":\"a b c\"}\n"),
                         "text");
        EXPECT_TRUE(runAnalysis(*project, {}, {}, nullptr).ok());
        ReviewStore ann(*project, QStringLiteral("ann"));
        ReviewStore bob(*project, QStringLiteral("bob"));
        const qint64 tag = ann.tags().at(1).id;
        EXPECT_TRUE(ann.setTag(1, tag, true).ok()); // real
        EXPECT_TRUE(ann.setTag(4, tag, true).ok()); // synthetic
        EXPECT_TRUE(bob.setTag(4, tag, true).ok()); // the same sample, another reviewer
        EXPECT_TRUE(bob.setTag(5, tag, true).ok());
        EXPECT_TRUE(ann.setDecision(4, Decision::Drop).ok());
        EXPECT_TRUE(bob.setDecision(4, Decision::Keep).ok());
        EXPECT_TRUE(ann.setDecision(2, Decision::Keep).ok());
        EXPECT_TRUE(ann.setNote(5, QStringLiteral("template feel")).ok());
        EXPECT_TRUE(ann.createQueue(QStringLiteral("all"), {1, 2, 3, 4, 5}, QString()).ok());
    }
};

} // namespace

TEST(CorpusEdits, RemovalImpactCountsWhatGoesWithTheCorpus) {
    EditFixture f;
    CorpusRemovalImpact impact;
    ASSERT_TRUE(corpusRemovalImpact(*f.project, 2, &impact).ok());
    EXPECT_EQ(impact.name, QStringLiteral("s"));
    EXPECT_EQ(impact.samples, 2);
    EXPECT_EQ(impact.rejects, 0);
    EXPECT_EQ(impact.taggedSamples, 2); // samples 4 and 5; two reviewers on 4 count once
    EXPECT_EQ(impact.decisions, 2);     // ann and bob on sample 4
    EXPECT_EQ(impact.notes, 1);
    EXPECT_EQ(impact.queueEntries, 2);
    EXPECT_TRUE(impact.losesReviewWork());

    ASSERT_TRUE(corpusRemovalImpact(*f.project, 1, &impact).ok());
    EXPECT_EQ(impact.samples, 3);
    EXPECT_EQ(impact.rejects, 1); // "not json"
    EXPECT_EQ(impact.taggedSamples, 1);
    EXPECT_EQ(impact.decisions, 1);
    EXPECT_EQ(impact.notes, 0);

    EXPECT_FALSE(corpusRemovalImpact(*f.project, 99, &impact).ok());
}

TEST(CorpusEdits, RemoveDeletesTheCorpusAndEverythingOnItsSamplesOnly) {
    EditFixture f;
    ASSERT_GT(scalar(*f.project, QStringLiteral("SELECT count(*) FROM sample_scores")), 0);
    ASSERT_TRUE(removeCorpus(*f.project, 2).ok());

    EXPECT_EQ(scalar(*f.project, QStringLiteral("SELECT count(*) FROM corpora")), 1);
    EXPECT_EQ(scalar(*f.project, QStringLiteral("SELECT count(*) FROM samples")), 3);
    EXPECT_EQ(scalar(*f.project, QStringLiteral("SELECT count(*) FROM samples WHERE id > 3")), 0);
    // The real side's review work stays: ann's tag on 1 and decision on 2.
    EXPECT_EQ(scalar(*f.project, QStringLiteral("SELECT count(*) FROM sample_tags")), 1);
    EXPECT_EQ(scalar(*f.project, QStringLiteral("SELECT count(*) FROM decisions")), 1);
    EXPECT_EQ(scalar(*f.project, QStringLiteral("SELECT count(*) FROM notes")), 0);
    // The note's full-text index lost it too (its delete trigger ran) and is consistent.
    EXPECT_EQ(scalar(*f.project, QStringLiteral("SELECT count(*) FROM notes_fts WHERE notes_fts "
                                                "MATCH 'template'")),
              0);
    QSqlQuery fts(f.project->connection());
    EXPECT_TRUE(
        fts.exec(QStringLiteral("INSERT INTO notes_fts (notes_fts) VALUES ('integrity-check')")))
        << fts.lastError().text().toStdString();
    EXPECT_EQ(scalar(*f.project, QStringLiteral("SELECT count(*) FROM review_queue_items")), 3);
    EXPECT_EQ(scalar(*f.project,
                     QStringLiteral("SELECT count(*) FROM sample_scores WHERE sample_id > 3")),
              0);
    EXPECT_EQ(scalar(*f.project, QStringLiteral("SELECT count(*) FROM neighbours WHERE "
                                                "sample_id > 3 OR neighbour_id > 3")),
              0);
    EXPECT_EQ(scalar(*f.project, QStringLiteral("SELECT count(*) FROM metrics WHERE "
                                                "corpus_id = 2")),
              0);
    // Nothing points at a removed row, foreign keys are enforced again and the file is sound.
    QSqlQuery check(f.project->connection());
    ASSERT_TRUE(check.exec(QStringLiteral("PRAGMA foreign_key_check")));
    EXPECT_FALSE(check.next());
    EXPECT_EQ(scalar(*f.project, QStringLiteral("PRAGMA foreign_keys")), 1);
    ASSERT_TRUE(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
    EXPECT_EQ(check.value(0).toString(), QStringLiteral("ok"));

    // The analysis stays, now stale: it covered a corpus the project no longer holds.
    const auto analysis = ProjectStore(*f.project).latestAnalysis();
    ASSERT_TRUE(analysis.has_value());
    EXPECT_TRUE(analysis->stale);

    EXPECT_FALSE(removeCorpus(*f.project, 2).ok()); // gone already
}

TEST(CorpusEdits, ACancelledRemovalChangesNothingEvenAfterSomeDeletes) {
    EditFixture f;
    std::atomic<bool> cancel{false};
    int steps = 0;
    // Stops at the fourth step: three tables of the corpus's rows are already deleted.
    const analysis::Progress progress(
        [&](double, std::string_view) {
            if (++steps == 3)
                cancel = true;
        },
        &cancel);
    const Status s = removeCorpus(*f.project, 2, progress);
    ASSERT_FALSE(s.ok());
    EXPECT_GE(steps, 3);
    EXPECT_EQ(scalar(*f.project, QStringLiteral("SELECT count(*) FROM samples")), 5);
    EXPECT_EQ(scalar(*f.project, QStringLiteral("SELECT count(*) FROM sample_tags")), 4);
    EXPECT_EQ(scalar(*f.project, QStringLiteral("SELECT count(*) FROM decisions")), 3);
    EXPECT_EQ(scalar(*f.project, QStringLiteral("SELECT count(*) FROM notes")), 1);
    EXPECT_EQ(scalar(*f.project, QStringLiteral("SELECT count(*) FROM review_queue_items")), 5);
    EXPECT_GT(scalar(*f.project,
                     QStringLiteral("SELECT count(*) FROM sample_scores WHERE sample_id > 3")),
              0);
    EXPECT_EQ(scalar(*f.project, QStringLiteral("PRAGMA foreign_keys")), 1);
}

TEST(CorpusEdits, ACorpusImportedAfterARemovalNeverTakesTheRemovedId) {
    EditFixture f;
    ASSERT_TRUE(removeCorpus(*f.project, 2).ok()); // the largest id
    test::importFile(*f.project, QStringLiteral("again"), Role::Synthetic,
                     test::writeFile(f.dir, QStringLiteral("again.jsonl"), "{\"text\":\"a b\"}\n"),
                     "text");
    ProjectStore store(*f.project);
    ASSERT_EQ(store.corpora().size(), 2);
    EXPECT_EQ(store.corpora().at(1).id, 3);
    // The run analysed corpora 1 and 2; the project holds 1 and 3: still out of date (with
    // the id reused it looked current, and the gate passed on the removed corpus's numbers).
    EXPECT_TRUE(store.latestAnalysis()->stale);
}

TEST(CorpusEdits, ASavedQueueKeepsItsPlaceWhenEarlierEntriesGo) {
    EditFixture f;
    ReviewStore ann(*f.project, QStringLiteral("ann"));
    const qint64 queue = ann.queues().first().id;
    ASSERT_TRUE(ann.setQueuePosition(queue, 3).ok()); // at sample 4
    ASSERT_TRUE(removeCorpus(*f.project, 1).ok());    // samples 1–3 were before it
    EXPECT_EQ(ann.queueItems(queue), (QList<qint64>{4, 5}));
    EXPECT_EQ(ann.queue(queue)->position, 0); // still at sample 4
}

TEST(CorpusEdits, AnUndoRefusedWhileTheProjectIsBusyIsReportedAndDropped) {
    EditFixture f;
    ASSERT_TRUE(setCorpusRole(*f.project, 1, Role::Synthetic).ok());
    QUndoStack undo;
    QString reported;
    undo.push(
        new CorpusEditCommand(*f.project, 1, CorpusEditCommand::Field::Role, QStringLiteral("real"),
                              QStringLiteral("synthetic"),
                              {.refuse = [] { return QStringLiteral("an import is running"); },
                               .done = [&reported](const Status& s) { reported = s.error(); }}));
    undo.undo();
    EXPECT_EQ(reported, QStringLiteral("an import is running"));
    EXPECT_EQ(ProjectStore(*f.project).corpora().at(0).role, Role::Synthetic); // not written
    EXPECT_EQ(undo.count(), 0);
}

TEST(CorpusEdits, ACancelledRemovalChangesNothing) {
    EditFixture f;
    std::atomic<bool> cancel{true};
    const Status s = removeCorpus(*f.project, 2, analysis::Progress({}, &cancel));
    ASSERT_FALSE(s.ok());
    EXPECT_TRUE(s.error().contains(QStringLiteral("cancelled")));
    EXPECT_EQ(scalar(*f.project, QStringLiteral("SELECT count(*) FROM samples")), 5);
    EXPECT_EQ(scalar(*f.project, QStringLiteral("SELECT count(*) FROM sample_tags")), 4);
    EXPECT_EQ(scalar(*f.project, QStringLiteral("PRAGMA foreign_keys")), 1);
    EXPECT_FALSE(ProjectStore(*f.project).latestAnalysis()->stale);
}

TEST(CorpusEdits, RenameChecksTheNameAndKeepsTheAnalysisCurrent) {
    EditFixture f;
    EXPECT_FALSE(renameCorpus(*f.project, 2, QStringLiteral("r")).ok()); // taken
    EXPECT_FALSE(renameCorpus(*f.project, 2, QStringLiteral("   ")).ok());
    EXPECT_FALSE(renameCorpus(*f.project, 99, QStringLiteral("x")).ok());
    ASSERT_TRUE(renameCorpus(*f.project, 2, QStringLiteral("  gpt round 1 ")).ok());
    ProjectStore store(*f.project);
    EXPECT_EQ(store.corpora().at(1).name, QStringLiteral("gpt round 1"));
    const auto analysis = store.latestAnalysis();
    ASSERT_TRUE(analysis.has_value());
    EXPECT_FALSE(analysis->stale);
    EXPECT_EQ(analysis->corpora.at(1).name, QStringLiteral("gpt round 1"));
}

TEST(CorpusEdits, ARoleChangeMakesTheAnalysisStaleUntilItIsUndone) {
    EditFixture f;
    ProjectStore store(*f.project);
    ASSERT_FALSE(store.latestAnalysis()->stale);
    ASSERT_TRUE(setCorpusRole(*f.project, 1, Role::Synthetic).ok());
    EXPECT_EQ(store.corpora().at(0).role, Role::Synthetic);
    EXPECT_TRUE(store.latestAnalysis()->stale);

    // Through the undo stack, as the GUI does: undo puts the role back and the run is current.
    int changes = 0;
    QUndoStack undo;
    undo.push(new CorpusEditCommand(*f.project, 1, CorpusEditCommand::Field::Role,
                                    QStringLiteral("real"), QStringLiteral("synthetic"),
                                    {.done = [&changes](const Status&) { ++changes; }}));
    EXPECT_EQ(changes, 0); // the first redo is the write already made
    undo.undo();
    EXPECT_EQ(changes, 1);
    EXPECT_EQ(store.corpora().at(0).role, Role::Real);
    EXPECT_FALSE(store.latestAnalysis()->stale);
    undo.redo();
    EXPECT_EQ(store.corpora().at(0).role, Role::Synthetic);
    EXPECT_TRUE(store.latestAnalysis()->stale);
    EXPECT_FALSE(setCorpusRole(*f.project, 99, Role::Real).ok());
}

TEST(CorpusEdits, AnUndoThatCannotBeWrittenIsDroppedNotKept) {
    EditFixture f;
    ASSERT_TRUE(renameCorpus(*f.project, 2, QStringLiteral("t")).ok());
    QUndoStack undo;
    undo.push(new CorpusEditCommand(*f.project, 2, CorpusEditCommand::Field::Name,
                                    QStringLiteral("s"), QStringLiteral("t"), {}));
    ASSERT_TRUE(renameCorpus(*f.project, 1, QStringLiteral("s")).ok()); // takes the old name
    undo.undo();                                                        // cannot rename t back to s
    EXPECT_EQ(ProjectStore(*f.project).corpora().at(1).name, QStringLiteral("t"));
    EXPECT_EQ(undo.count(), 0);
}
