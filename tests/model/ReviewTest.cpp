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

struct Fixture {
    QTemporaryDir dir;
    std::shared_ptr<Project> project = test::newProject(dir);
    Fixture() {
        test::importFile(*project, QStringLiteral("s"), Role::Synthetic,
                         test::writeFile(dir, QStringLiteral("s.jsonl"),
                                         "{\"text\":\"one\"}\n{\"text\":\"two\"}\n"),
                         "text");
    }
};

} // namespace

TEST(Review, TagDecisionNoteUndoRedoAndOnDiskAtOnce) {
    Fixture f;
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
    Fixture f;
    ReviewStore store(*f.project, QStringLiteral("ann"));
    QUndoStack undo;
    undo.push(new SetDecisionCommand(store, 2, Decision::None, Decision::Keep));
    undo.push(new SetDecisionCommand(store, 2, Decision::Keep, Decision::Drop));
    EXPECT_EQ(store.review(2).decision, Decision::Drop);
    undo.undo();
    EXPECT_EQ(store.review(2).decision, Decision::Keep);
}

TEST(Review, TagSetEditsAndQueue) {
    Fixture f;
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

TEST(Review, EmptyReviewerIsRecordedAndFailuresAreSignalled) {
    Fixture f;
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
