#include "TestSupport.h"

#include "model/ReviewCommands.h"
#include "model/ReviewStore.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace synthscope;
using namespace synthscope::model;

namespace {

// Reads through a second, independent project handle: proves the answer is on disk.
int rows(const QString& path, const QString& sql) {
    std::shared_ptr<Project> other;
    EXPECT_TRUE(Project::open(path, Project::OpenMode::OpenExisting, &other).ok());
    QSqlQuery q(other->connection());
    EXPECT_TRUE(q.exec(sql) && q.next()) << sql.toStdString();
    return q.value(0).toInt();
}

struct ReviewFixture {
    QTemporaryDir dir;
    std::shared_ptr<Project> project = test::newProject(dir);
    ReviewFixture() {
        test::importFile(*project, QStringLiteral("s"), Role::Synthetic,
                         test::writeFile(dir, QStringLiteral("s.jsonl"),
                                         "{\"text\":\"one\"}\n{\"text\":\"two\"}\n"),
                         "text");
    }
};

} // namespace

TEST(Review, TagDecisionNoteUndoRedoAndOnDiskAtOnce) {
    ReviewFixture f;
    ReviewStore store(*f.project, QStringLiteral("ann"));
    QUndoStack undo;
    const TagDef tag = store.tags().at(1); // empty politeness
    QSignalSpy changed(&store, &ReviewStore::reviewChanged);

    undo.push(new SetTagCommand(store, 1, tag, true));
    EXPECT_TRUE(store.review(1).tagIds.contains(tag.id));
    EXPECT_EQ(rows(f.project->path(),
                   QStringLiteral("SELECT count(*) FROM sample_tags WHERE reviewer = 'ann'")),
              1);
    EXPECT_EQ(changed.count(), 1);

    undo.push(new SetDecisionCommand(store, 1, Decision::None, Decision::Drop));
    undo.push(new SetNoteCommand(store, 1, QString(), QStringLiteral("sounds like a form letter")));
    EXPECT_EQ(store.review(1).decision, Decision::Drop);
    EXPECT_EQ(store.review(1).note, QStringLiteral("sounds like a form letter"));
    EXPECT_EQ(rows(f.project->path(), QStringLiteral("SELECT count(*) FROM notes")), 1);

    undo.undo(); // note
    EXPECT_TRUE(store.review(1).note.isEmpty());
    EXPECT_EQ(rows(f.project->path(), QStringLiteral("SELECT count(*) FROM notes")), 0);
    undo.undo(); // decision
    EXPECT_EQ(store.review(1).decision, Decision::None);
    undo.undo(); // tag
    EXPECT_TRUE(store.review(1).tagIds.isEmpty());
    EXPECT_EQ(rows(f.project->path(), QStringLiteral("SELECT count(*) FROM sample_tags")), 0);

    undo.redo();
    undo.redo();
    EXPECT_TRUE(store.review(1).tagIds.contains(tag.id));
    EXPECT_EQ(store.review(1).decision, Decision::Drop);
    EXPECT_EQ(rows(f.project->path(),
                   QStringLiteral("SELECT count(*) FROM decisions WHERE decision = 'drop'")),
              1);
    EXPECT_EQ(undo.undoText(), QStringLiteral("Drop #1"));
}

TEST(Review, DecisionChangeUndoesToPrevious) {
    ReviewFixture f;
    ReviewStore store(*f.project, QStringLiteral("ann"));
    QUndoStack undo;
    undo.push(new SetDecisionCommand(store, 2, Decision::None, Decision::Keep));
    undo.push(new SetDecisionCommand(store, 2, Decision::Keep, Decision::Drop));
    EXPECT_EQ(store.review(2).decision, Decision::Drop);
    undo.undo();
    EXPECT_EQ(store.review(2).decision, Decision::Keep);
}

TEST(Review, TagSetEditsAndQueue) {
    ReviewFixture f;
    ReviewStore store(*f.project, QStringLiteral("ann"));
    qint64 id = 0;
    ASSERT_TRUE(store.addTag(QStringLiteral("  hallucinated source "), &id).ok());
    EXPECT_EQ(store.tags().last().name, QStringLiteral("hallucinated source"));
    EXPECT_FALSE(store.addTag(QStringLiteral("too formal")).ok()); // names are unique
    EXPECT_FALSE(store.addTag(QStringLiteral("  ")).ok());
    ASSERT_TRUE(store.moveTag(id, 0).ok());
    EXPECT_EQ(store.tags().first().id, id);
    ASSERT_TRUE(store.renameTag(id, QStringLiteral("made-up source")).ok());
    ASSERT_TRUE(store.setTag(1, id, true).ok());
    ASSERT_TRUE(store.removeTag(id).ok());
    EXPECT_TRUE(store.review(1).tagIds.isEmpty()); // its uses went with it
    EXPECT_EQ(store.tags().size(), 6);

    ReviewFilter filter;
    EXPECT_EQ(store.reviewQueue(filter), (QList<qint64>{1, 2}));
    ASSERT_TRUE(store.setNote(2, QStringLiteral("x")).ok());
    filter.onlyUnreviewed = true;
    EXPECT_EQ(store.reviewQueue(filter), (QList<qint64>{1}));
    filter.role = Role::Real;
    EXPECT_TRUE(store.reviewQueue(filter).isEmpty());
    const auto sample = store.sample(2);
    ASSERT_TRUE(sample.has_value());
    EXPECT_EQ(sample->text, QStringLiteral("two"));
    EXPECT_EQ(sample->line, 2);
}

// Tag-set edits are commands: add, rename, move, undone in reverse and redone with the same id.
TEST(Review, TagSetEditsUndoAndRedo) {
    ReviewFixture f;
    ReviewStore store(*f.project, QStringLiteral("ann"));
    QUndoStack undo;
    const QList<TagDef> before = store.tags();
    auto names = [&] {
        QStringList out;
        for (const TagDef& t : store.tags())
            out << t.name;
        return out;
    };
    const QStringList original = names();

    auto* add = new AddTagCommand(store, QStringLiteral(" made-up source "));
    undo.push(add);
    ASSERT_EQ(undo.count(), 1);
    const qint64 added = add->tagId();
    ASSERT_NE(added, 0);
    EXPECT_EQ(store.tags().last().name, QStringLiteral("made-up source"));
    undo.push(new RenameTagCommand(store, store.tags().last(), QStringLiteral("invented source")));
    undo.push(new MoveTagCommand(store, store.tags().last(), 6, 0));
    EXPECT_EQ(store.tags().first().id, added);
    EXPECT_EQ(store.tags().first().name, QStringLiteral("invented source"));

    undo.undo(); // move
    EXPECT_EQ(store.tags().last().id, added);
    EXPECT_EQ(store.tags().first().id, before.first().id);
    undo.undo(); // rename
    EXPECT_EQ(store.tags().last().name, QStringLiteral("made-up source"));
    undo.undo(); // add
    EXPECT_EQ(names(), original);
    EXPECT_EQ(rows(f.project->path(), QStringLiteral("SELECT count(*) FROM tags")), 6);

    undo.redo();
    undo.redo();
    undo.redo();
    EXPECT_EQ(store.tags().first().id, added); // the same tag, so later commands still apply
    EXPECT_EQ(store.tags().first().name, QStringLiteral("invented source"));
    EXPECT_EQ(undo.index(), 3);
}

// Removing a tag is undoable and gives back every reviewer's uses, so the commands below it on
// the stack still undo and redo (they used to fail with a foreign-key error).
TEST(Review, TagRemovalUndoRestoresUsesAndKeepsTheStackValid) {
    ReviewFixture f;
    ReviewStore ann(*f.project, QStringLiteral("ann"));
    ReviewStore bob(*f.project, QStringLiteral("bob"));
    QUndoStack undo;
    const TagDef tag = ann.tags().at(2); // off-scenario, hotkey 3
    undo.push(new SetTagCommand(ann, 1, tag, true));
    ASSERT_TRUE(bob.setTag(2, tag.id, true).ok());
    undo.push(new RemoveTagCommand(ann, tag));
    EXPECT_EQ(ann.tags().size(), 5);
    EXPECT_EQ(rows(f.project->path(), QStringLiteral("SELECT count(*) FROM sample_tags")), 0);

    undo.undo(); // the removal
    ASSERT_EQ(ann.tags().size(), 6);
    EXPECT_EQ(ann.tags().at(2).id, tag.id);
    EXPECT_EQ(ann.tags().at(2).name, tag.name);
    EXPECT_TRUE(ann.review(1).tagIds.contains(tag.id));
    EXPECT_TRUE(bob.review(2).tagIds.contains(tag.id));
    undo.undo(); // ann's tag on sample 1
    EXPECT_TRUE(ann.review(1).tagIds.isEmpty());
    undo.redo();
    EXPECT_TRUE(ann.review(1).tagIds.contains(tag.id));
    undo.redo(); // removed again
    EXPECT_EQ(ann.tags().size(), 5);
    EXPECT_EQ(undo.count(), 2);
    EXPECT_EQ(undo.index(), 2);
    for (int i = 0; i < undo.count(); ++i) {
        const auto* command = dynamic_cast<const ReviewCommand*>(undo.command(i));
        ASSERT_NE(command, nullptr);
        EXPECT_TRUE(command->status().ok()) << command->status().error().toStdString();
    }
}

// A step the database refuses is reported once and its command leaves the stack, so the stack
// never holds a command it cannot replay.
TEST(Review, FailedCommandIsReportedAndDropped) {
    ReviewFixture f;
    ReviewStore store(*f.project, QStringLiteral("ann"));
    QUndoStack undo;
    QSignalSpy failed(&store, &ReviewStore::writeFailed);
    undo.push(new SetDecisionCommand(store, 1, Decision::None, Decision::Keep));
    // A tag id that does not exist: the foreign key refuses the answer.
    undo.push(new SetTagCommand(store, 1, TagDef{9999, QStringLiteral("ghost"), 9}, true));
    EXPECT_EQ(failed.count(), 1);
    EXPECT_EQ(undo.count(), 1);
    EXPECT_EQ(undo.undoText(), QStringLiteral("Keep #1"));
    // A rename onto another tag's name fails in the database: reported, dropped.
    undo.push(new RenameTagCommand(store, store.tags().at(0), store.tags().at(1).name));
    EXPECT_EQ(failed.count(), 2);
    EXPECT_TRUE(failed.last().at(0).toString().contains(QStringLiteral("failed")));
    EXPECT_EQ(undo.count(), 1);
    undo.undo();
    EXPECT_EQ(store.review(1).decision, Decision::None);
    EXPECT_EQ(failed.count(), 2);
}

// A reviewer-name change keeps the history: undo writes for the reviewer who made the edit.
TEST(Review, UndoAfterReviewerChangeActsForTheOriginalReviewer) {
    ReviewFixture f;
    ReviewStore store(*f.project, QStringLiteral("ann"));
    QUndoStack undo;
    QSignalSpy renamed(&store, &ReviewStore::reviewerChanged);
    undo.push(new SetDecisionCommand(store, 1, Decision::None, Decision::Drop));
    store.setReviewer(QStringLiteral(" bob "));
    EXPECT_EQ(store.reviewer(), QStringLiteral("bob"));
    EXPECT_EQ(renamed.count(), 1);
    ASSERT_TRUE(store.setDecision(1, Decision::Keep).ok()); // bob's own answer
    undo.undo();
    EXPECT_EQ(rows(f.project->path(),
                   QStringLiteral("SELECT count(*) FROM decisions WHERE reviewer = 'ann'")),
              0);
    EXPECT_EQ(store.review(1).decision, Decision::Keep); // bob's answer untouched
    undo.redo();
    EXPECT_EQ(rows(f.project->path(), QStringLiteral("SELECT count(*) FROM decisions WHERE "
                                                     "reviewer = 'ann' AND decision = 'drop'")),
              1);
}

TEST(Review, EmptyReviewerIsRecordedAndFailuresAreSignalled) {
    ReviewFixture f;
    ReviewStore store(*f.project, QString()); // e.g. $USER unset
    EXPECT_EQ(store.reviewer(), QStringLiteral("reviewer"));
    ASSERT_TRUE(store.setTag(1, store.tags().at(0).id, true).ok());
    EXPECT_EQ(rows(f.project->path(),
                   QStringLiteral("SELECT count(*) FROM sample_tags WHERE reviewer = 'reviewer'")),
              1);

    QSignalSpy failed(&store, &ReviewStore::writeFailed);
    EXPECT_FALSE(
        store.setTag(999, store.tags().at(0).id, true).ok()); // no such sample: foreign key
    EXPECT_EQ(failed.count(), 1);
}
