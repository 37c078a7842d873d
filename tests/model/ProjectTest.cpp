#include "TestSupport.h"

#include "model/Project.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace synthscope;
using namespace synthscope::model;

namespace {
int pragma(Project& p, const char* name) {
    QSqlQuery q(p.connection());
    EXPECT_TRUE(q.exec(QStringLiteral("PRAGMA %1").arg(QLatin1StringView(name))));
    EXPECT_TRUE(q.next());
    return q.value(0).toInt();
}
} // namespace

TEST(Project, CreateSetsIdentityVersionWalAndDefaultTags) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    ASSERT_TRUE(p);
    EXPECT_EQ(pragma(*p, "application_id"), Project::kApplicationId);
    EXPECT_EQ(pragma(*p, "user_version"), Project::kSchemaVersion);
    EXPECT_EQ(pragma(*p, "foreign_keys"), 1);
    QSqlQuery q(p->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("wal"));
    ASSERT_TRUE(
        q.exec(QStringLiteral(
            "SELECT group_concat(name, '|') FROM (SELECT name FROM tags ORDER BY position)")) &&
        q.next());
    EXPECT_EQ(
        q.value(0).toString(),
        QStringLiteral(
            "template feel|empty politeness|off-scenario|over-refusal|factual drift|too formal"));
}

TEST(Project, ReopensExisting) {
    QTemporaryDir dir;
    { auto p = test::newProject(dir); }
    std::shared_ptr<Project> again;
    EXPECT_TRUE(Project::open(dir.filePath(QStringLiteral("p.synthscope")),
                              Project::OpenMode::OpenExisting, &again)
                    .ok());
}

TEST(Project, ClearErrorsForMissingForeignAndNewerFiles) {
    QTemporaryDir dir;
    std::shared_ptr<Project> p;
    Status s = Project::open(dir.filePath(QStringLiteral("missing.synthscope")),
                             Project::OpenMode::OpenExisting, &p);
    EXPECT_FALSE(s.ok());
    EXPECT_TRUE(s.error().contains(QStringLiteral("no such project file")));

    const QString text = test::writeFile(dir, QStringLiteral("notes.txt"),
                                         "these are not the tables you are looking for\n");
    s = Project::open(text, Project::OpenMode::OpenExisting, &p);
    EXPECT_FALSE(s.ok());
    EXPECT_TRUE(s.error().contains(QStringLiteral("not a Synthscope project")))
        << s.error().toStdString();

    const QString other = dir.filePath(QStringLiteral("other.db"));
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
        db.setDatabaseName(other);
        ASSERT_TRUE(db.open());
        QSqlQuery(db).exec(QStringLiteral("CREATE TABLE t (x)"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
    s = Project::open(other, Project::OpenMode::OpenExisting, &p);
    EXPECT_FALSE(s.ok());
    EXPECT_TRUE(s.error().contains(QStringLiteral("another application")))
        << s.error().toStdString();

    {
        auto fresh = test::newProject(dir, QStringLiteral("newer.synthscope"));
        QSqlQuery(fresh->connection()).exec(QStringLiteral("PRAGMA user_version = 99"));
    }
    s = Project::open(dir.filePath(QStringLiteral("newer.synthscope")),
                      Project::OpenMode::OpenExisting, &p);
    EXPECT_FALSE(s.ok());
    EXPECT_TRUE(s.error().contains(QStringLiteral("newer Synthscope"))) << s.error().toStdString();
}

TEST(Project, MigratesAVersionOneFileForward) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.synthscope"));
    {
        auto p = test::newProject(dir, QStringLiteral("old.synthscope"));
        // Make it look like a file written by schema 1: without the version-2 and -3 tables.
        QSqlQuery q(p->connection());
        for (const char* table : {"duplicate_groups", "clusters", "embeddings"})
            ASSERT_TRUE(q.exec(QStringLiteral("DROP TABLE ") + QLatin1StringView(table)));
        ASSERT_TRUE(q.exec(QStringLiteral("DROP TABLE sample_scores")));
        ASSERT_TRUE(q.exec(QStringLiteral("DROP TABLE skeleton_groups")));
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA user_version = 1")));
    }
    std::shared_ptr<Project> reopened;
    ASSERT_TRUE(Project::open(path, Project::OpenMode::OpenExisting, &reopened).ok());
    EXPECT_EQ(pragma(*reopened, "user_version"), Project::kSchemaVersion);
    QSqlQuery q(reopened->connection());
    EXPECT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM sample_scores")));
    // Version 3's columns and tables exist after the migration.
    EXPECT_TRUE(q.exec(QStringLiteral("SELECT cluster, nn_own, map_x FROM sample_scores")));
    EXPECT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM clusters")));
    EXPECT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM embeddings")));
}
