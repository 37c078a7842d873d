#include "TestSupport.h"

#include "model/Analyzer.h"
#include "model/Project.h"
#include "model/ProjectStore.h"
#include "model/Schema.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <functional>
#include <tuple>

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

// A project whose tables were dropped, replaced by a view or stripped of a column, or that holds
// triggers or views of its own, is refused on open with what is wrong (a gate once passed a
// project without its corpora table; a stored trigger once deleted every tag).
TEST(Project, DamagedSchemaIsRefusedWithWhatIsWrong) {
    QTemporaryDir dir;
    struct Case {
        const char* sql;
        const char* message;
    };
    int n = 0;
    for (const Case& c :
         {Case{"DROP TABLE rejects", "the table 'rejects' is missing"},
          Case{"ALTER TABLE rejects RENAME TO r2\nCREATE VIEW rejects AS SELECT 1/0 AS id",
               "'rejects' is a view, not a table"},
          Case{"ALTER TABLE metrics DROP COLUMN null_sd",
               "the table 'metrics' lacks its column 'null_sd'"},
          // Stored code: it would run on Synthscope's own writes (this one on every import).
          Case{"CREATE TRIGGER wipe AFTER INSERT ON corpora BEGIN DELETE FROM tags; END",
               "a trigger 'wipe' that Synthscope did not create"},
          Case{"CREATE VIEW peek AS SELECT * FROM samples",
               "a view 'peek' that Synthscope did not create"},
          // Without it later imports would not be found by search.
          Case{"DROP TRIGGER samples_fts_insert",
               "the trigger or view 'samples_fts_insert' is missing"}}) {
        const QString name = QStringLiteral("damaged%1.synthscope").arg(n++);
        {
            auto p = test::newProject(dir, name);
            for (const QString& statement : QString::fromLatin1(c.sql).split(u'\n')) {
                QSqlQuery q(p->connection());
                ASSERT_TRUE(q.exec(statement)) << q.lastError().text().toStdString();
            }
        }
        std::shared_ptr<Project> p;
        const Status s = Project::open(dir.filePath(name), Project::OpenMode::OpenExisting, &p);
        ASSERT_FALSE(s.ok()) << c.sql;
        EXPECT_TRUE(s.error().contains(QStringLiteral("damaged Synthscope project")) &&
                    s.error().contains(QString::fromLatin1(c.message)))
            << s.error().toStdString();
    }
    // Defensive mode: the schema cannot be rewritten behind SQLite's back.
    {
        auto p = test::newProject(dir, QStringLiteral("defensive.synthscope"));
        QSqlQuery q(p->connection());
        (void)q.exec(QStringLiteral("PRAGMA writable_schema = ON"));
        EXPECT_FALSE(q.exec(QStringLiteral(
            "UPDATE sqlite_schema SET sql = 'CREATE TABLE tags (x)' WHERE name = 'tags'")));
    }
    // An intact project still opens.
    test::newProject(dir, QStringLiteral("intact.synthscope"));
    std::shared_ptr<Project> p;
    EXPECT_TRUE(Project::open(dir.filePath(QStringLiteral("intact.synthscope")),
                              Project::OpenMode::OpenExisting, &p)
                    .ok());
}

namespace {

// Writes path exactly as schema `version` did, then runs statements on it (a failure is
// reported with the statement) and then more (for rows that need bound values).
void writeSchemaFile(const QString& path, int version,
                     std::initializer_list<const char*> statements,
                     const std::function<void(QSqlDatabase&)>& more = {}) {
    const QString name = QStringLiteral("v%1").arg(version);
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        ASSERT_TRUE(db.open());
        ASSERT_TRUE(initializeSchema(db).ok());
        ASSERT_TRUE(migrateSchema(db, version).ok());
        {
            QSqlQuery q(db);
            for (const char* sql : statements)
                ASSERT_TRUE(q.exec(QString::fromLatin1(sql)))
                    << sql << q.lastError().text().toStdString();
        }
        if (more)
            more(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace

// Preference pairs imported before schema 11 take part in the responses view after the
// migration, as freshly imported ones do.
TEST(Project, MigrationMakesOldPairOutputsResponses) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pairs10.synthscope"));
    writeSchemaFile(
        path, 10,
        {"INSERT INTO corpora (id, name, role, format, files, mapping, imported_at, samples) "
         "VALUES (1, 'judge', 'synthetic', 'jsonl', '[]', '{}', 'now', 3)",
         "INSERT INTO samples (id, corpus_id, source_file, source_line, text, original) "
         "VALUES "
         "(1, 1, 'f', 1, 'first', '{}'), (2, 1, 'f', 1, 'second', '{}'), "
         "(3, 1, 'f', 2, 'a text', '{}')",
         "INSERT INTO preference_pairs (first_sample, second_sample, prefer_second) VALUES "
         "(1, 2, 1.0)"});
    ASSERT_FALSE(testing::Test::HasFatalFailure());
    std::shared_ptr<Project> p;
    ASSERT_TRUE(Project::open(path, Project::OpenMode::OpenExisting, &p).ok());
    QSqlQuery q(p->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT id, response FROM samples ORDER BY id")));
    QStringList responses;
    while (q.next())
        responses << (q.value(1).isNull() ? QStringLiteral("<null>") : q.value(1).toString());
    EXPECT_EQ(responses, (QStringList{QStringLiteral("first"), QStringLiteral("second"),
                                      QStringLiteral("<null>")}));
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT responses, prompts, filtered FROM corpora")) &&
                q.next());
    EXPECT_EQ(q.value(0).toInt(), 2);
    EXPECT_EQ(q.value(1).toInt(), 0);
    EXPECT_EQ(q.value(2).toInt(), 0);
}

TEST(Project, MigratesAVersionOneFileForward) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.synthscope"));
    // A file exactly as schema 1 wrote it, with one reviewer's answers (reviewer '').
    writeSchemaFile(
        path, 1,
        {"INSERT INTO corpora (id, name, role, format, files, mapping, imported_at) "
         "VALUES (1, 'c', 'synthetic', 'jsonl', '[]', '{}', 'now')",
         "INSERT INTO samples (id, corpus_id, source_file, source_line, text, original) "
         "VALUES (7, 1, 'f', 1, 'hello', '{}')",
         "INSERT INTO sample_tags VALUES (7, 1, '', 'now')",
         "INSERT INTO decisions VALUES (7, 'drop', 'ann', 'now')",
         "INSERT INTO notes VALUES (7, 'sounds like a brochure', '', 'now')"});
    ASSERT_FALSE(testing::Test::HasFatalFailure());
    std::shared_ptr<Project> reopened;
    ASSERT_TRUE(Project::open(path, Project::OpenMode::OpenExisting, &reopened).ok());
    EXPECT_EQ(pragma(*reopened, "user_version"), Project::kSchemaVersion);
    QSqlQuery q(reopened->connection());
    // Version 3's columns and tables exist after the migration.
    EXPECT_TRUE(q.exec(QStringLiteral("SELECT cluster, nn_own, map_x FROM sample_scores")));
    EXPECT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM clusters")));
    EXPECT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM embeddings")));
    // Version 4 keeps the answers, names the anonymous reviewer, and indexes the note.
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT reviewer FROM sample_tags WHERE sample_id = 7")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("reviewer"));
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT reviewer, decision FROM decisions")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("ann"));
    EXPECT_EQ(q.value(1).toString(), QStringLiteral("drop"));
    ASSERT_TRUE(q.exec(
        QStringLiteral("SELECT n.sample_id FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid "
                       "WHERE notes_fts MATCH 'brochure'")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toLongLong(), 7);
    EXPECT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM review_queues")));
    // Version 8 indexes the samples already there for full-text search.
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT rowid FROM samples_fts WHERE samples_fts MATCH "
                                      "'HELLO'")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toLongLong(), 7);
}

// Schema 7 moved the numbers of a run out of runs.result and the embedding source into a
// column: a run written before (format 1) is migrated from schema 1 and still reads, with its
// numbers from the metrics table (where they always were) and its source copied from the blob.
TEST(Project, MigratesAnAnalysisRunOfResultFormatOneFromSchemaOne) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("runs.synthscope"));
    // Run 1's blob is not JSON; run 2 names its source with a number; run 3 is a format-1
    // result whose blob says distinct_1 is 0.9 while its metrics row says 0.5: the row is the
    // number. The pooled rows hold a comparison and a source concentration.
    writeSchemaFile(
        path, 1,
        {"INSERT INTO corpora (id, name, role, format, files, mapping, imported_at) "
         "VALUES (1, 'c', 'synthetic', 'jsonl', '[]', '{}', 'now')",
         "INSERT INTO runs (id, kind, params, result, app_version, started_at, finished_at, "
         "corpora) VALUES (1, 'analysis', '{}', 'not json', '0.1', 'a', 'b', '[1]')",
         "INSERT INTO runs (id, kind, params, result, app_version, started_at, finished_at, "
         "corpora) VALUES (2, 'analysis', '{}', '{\"similarity\": {\"embedding_source\": "
         "5, \"embedding_dimension\": 8}}', '0.1', 'a', 'b', '[1]')",
         "INSERT INTO runs (id, kind, params, result, app_version, started_at, finished_at, "
         "corpora) VALUES (3, 'analysis', '{}', '{\"corpora\": [{\"corpus_id\": 1, "
         "\"name\": \"c\", \"role\": \"synthetic\", \"metrics\": {\"distinct_1\": "
         "0.9}, \"label_counts\": {}}], \"similarity\": {\"embedding_source\": "
         "\"my-model\", \"embedding_dimension\": 8, \"clusters\": [{\"cluster\": 0, "
         "\"size\": 1, \"real\": 0, \"synthetic\": 1, \"label\": [\"hello\", "
         "\"world\"], \"flag\": \"synthetic only\", \"mean_nn_similarity\": 0.5}]}}', "
         "'0.1', 'a', 'b', '[1]')",
         "INSERT INTO metrics VALUES (3, 1, 'distinct_1', 0.5)",
         "INSERT INTO metrics VALUES (3, NULL, 'js_divergence_unigram', 0.25)",
         "INSERT INTO metrics VALUES (3, NULL, 'source_largest_share_generator', 1.0)"});
    ASSERT_FALSE(testing::Test::HasFatalFailure());
    std::shared_ptr<Project> p;
    ASSERT_TRUE(Project::open(path, Project::OpenMode::OpenExisting, &p).ok());
    EXPECT_EQ(pragma(*p, "user_version"), Project::kSchemaVersion);
    QSqlQuery q(p->connection());
    ASSERT_TRUE(q.exec(
        QStringLiteral("SELECT id, result_format, embedding_source IS NULL, embedding_source, "
                       "embedding_dimension IS NULL, embedding_dimension FROM runs ORDER BY id")));
    for (int run = 1; run <= 2; ++run) {
        ASSERT_TRUE(q.next());
        EXPECT_EQ(q.value(1).toInt(), 1);
        EXPECT_TRUE(q.value(2).toBool()) << run; // not JSON, or not a string: no source
        EXPECT_TRUE(q.value(4).toBool()) << run; // and no dimension
    }
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(1).toInt(), 1);
    EXPECT_EQ(q.value(3).toString(), QStringLiteral("my-model"));
    EXPECT_EQ(q.value(5).toInt(), 8);
    q.finish();

    const auto newest = newestAnalysis(*p);
    ASSERT_TRUE(newest);
    EXPECT_EQ(newest->runId, 3);
    EXPECT_EQ(newest->embeddingSource, QStringLiteral("my-model"));
    const auto a = ProjectStore(*p).latestAnalysis();
    ASSERT_TRUE(a);
    ASSERT_TRUE(a->damaged.isEmpty()) << a->damaged.toStdString();
    ASSERT_EQ(a->corpora.size(), 1u);
    EXPECT_DOUBLE_EQ(a->corpora[0].values.value(QStringLiteral("distinct_1")), 0.5);
    ASSERT_TRUE(a->similarity);
    EXPECT_EQ(a->similarity->embeddingSource, QStringLiteral("my-model"));
    EXPECT_EQ(a->similarity->embeddingDimension, 8);
    // The pooled comparison without the source concentration (model/Sources reads that).
    EXPECT_EQ(a->comparison.size(), 1);
    EXPECT_DOUBLE_EQ(a->comparison.value(QStringLiteral("js_divergence_unigram")), 0.25);
    EXPECT_TRUE(a->hasComparison);
}

// 12 → 13: a project written before duplicate-cluster ids keeps its samples, which have none
// (NULL), and an analysis of it runs (the analyzer reads the new column).
TEST(Project, MigrationAddsDuplicateClustersAsNone) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v12.synthscope"));
    writeSchemaFile(
        path, 12,
        {"INSERT INTO corpora (id, name, role, format, files, mapping, imported_at, samples) "
         "VALUES (1, 'r', 'real', 'jsonl', '[]', '{}', 'now', 2), "
         "(2, 's', 'synthetic', 'jsonl', '[]', '{}', 'now', 2)",
         "INSERT INTO samples (id, corpus_id, source_file, source_line, text, original) "
         "VALUES (1, 1, 'f', 1, 'the parcel arrived late', '{}'), "
         "(2, 1, 'f', 2, 'my card was charged twice', '{}'), "
         "(3, 2, 'g', 1, 'thank you for reaching out', '{}'), "
         "(4, 2, 'g', 2, 'we are happy to help', '{}')"});
    ASSERT_FALSE(testing::Test::HasFatalFailure());
    std::shared_ptr<Project> p;
    ASSERT_TRUE(Project::open(path, Project::OpenMode::OpenExisting, &p).ok());
    EXPECT_EQ(pragma(*p, "user_version"), Project::kSchemaVersion);
    QSqlQuery q(p->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT count(*), count(duplicate_cluster) FROM samples")) &&
                q.next());
    EXPECT_EQ(q.value(0).toInt(), 4);
    EXPECT_EQ(q.value(1).toInt(), 0);
    analysis::AnalysisParams params;
    params.similarity.embedding.dimension = 2;
    params.similarity.embedding.features.minDocumentFrequency = 1;
    params.similarity.clusters = 2;
    params.similarity.detectabilityFolds = 2;
    qint64 runId = 0;
    const Status s = runAnalysis(*p, params, {}, &runId);
    EXPECT_TRUE(s.ok()) << s.error().toStdString();
    EXPECT_GT(runId, 0);
}

// 13 → 14: embeddings move to a rowid table (a 1 KB vector no longer spills to an overflow
// page of its own). Every vector comes through byte for byte, the key still refuses a second
// vector of one source for a sample, and removing a sample still removes its vectors.
TEST(Project, MigrationKeepsEveryEmbeddingInARowidTable) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v13.synthscope"));
    QByteArray first(1024, '\0');
    QByteArray second(1024, '\0');
    for (int i = 0; i < 1024; ++i) {
        first[i] = static_cast<char>(i * 7 % 251);
        second[i] = static_cast<char>(255 - i % 256);
    }
    writeSchemaFile(
        path, 13,
        {"INSERT INTO corpora (id, name, role, format, files, mapping, imported_at, samples) "
         "VALUES (1, 'r', 'real', 'jsonl', '[]', '{}', 'now', 2)",
         "INSERT INTO samples (id, corpus_id, source_file, source_line, text, original) "
         "VALUES (1, 1, 'f', 1, 'one', '{}'), (2, 1, 'f', 2, 'two', '{}')"},
        [&](QSqlDatabase& db) {
            QSqlQuery q(db);
            // Before the migration the table has no rowid.
            EXPECT_FALSE(q.exec(QStringLiteral("SELECT rowid FROM embeddings")));
            q.prepare(QStringLiteral("INSERT INTO embeddings VALUES (?, ?, ?)"));
            for (const auto& [sample, source, vector] :
                 {std::tuple{1, "tfidf-svd", &first}, std::tuple{2, "tfidf-svd", &second},
                  std::tuple{2, "mine", &first}}) {
                q.addBindValue(sample);
                q.addBindValue(QString::fromLatin1(source));
                q.addBindValue(*vector);
                ASSERT_TRUE(q.exec()) << q.lastError().text().toStdString();
            }
        });
    ASSERT_FALSE(testing::Test::HasFatalFailure());
    std::shared_ptr<Project> p;
    ASSERT_TRUE(Project::open(path, Project::OpenMode::OpenExisting, &p).ok());
    EXPECT_EQ(pragma(*p, "user_version"), Project::kSchemaVersion);
    QSqlQuery q(p->connection());
    ASSERT_TRUE(q.exec(QStringLiteral(
        "SELECT rowid, sample_id, source, vector FROM embeddings ORDER BY sample_id, source")));
    QStringList rows;
    std::vector<QByteArray> vectors;
    while (q.next()) {
        rows << QStringLiteral("%1 %2").arg(q.value(1).toInt()).arg(q.value(2).toString());
        vectors.push_back(q.value(3).toByteArray());
    }
    EXPECT_EQ(rows, (QStringList{QStringLiteral("1 tfidf-svd"), QStringLiteral("2 mine"),
                                 QStringLiteral("2 tfidf-svd")}));
    ASSERT_EQ(vectors.size(), 3u);
    EXPECT_EQ(vectors[0], first);
    EXPECT_EQ(vectors[1], first);
    EXPECT_EQ(vectors[2], second);
    EXPECT_FALSE(q.exec(QStringLiteral("INSERT INTO embeddings VALUES (1, 'tfidf-svd', x'00')")));
    ASSERT_TRUE(q.exec(QStringLiteral("DELETE FROM samples WHERE id = 2")));
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM embeddings")) && q.next());
    EXPECT_EQ(q.value(0).toInt(), 1);
}
