#include "model/Schema.h"

#include "model/Project.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <QStringList>
#include <algorithm>
#include <map>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

namespace {
/// The translation context of this file's messages (lupdate reads the macro).
struct SchemaText {
    Q_DECLARE_TR_FUNCTIONS(synthscope::model::Schema)
};
} // namespace

namespace {

// Migration i takes the schema from version i to i + 1. Never edit a released migration;
// append a new one.
const QStringList& migrations() {
    static const QStringList steps = {
        // 0 → 1: the walking skeleton.
        uR"sql(
CREATE TABLE project_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE corpora (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('real', 'synthetic')),
  format TEXT NOT NULL,
  files TEXT NOT NULL,            -- JSON array of absolute paths
  mapping TEXT NOT NULL,          -- JSON: text_field / text_template / label_field / meta
  imported_at TEXT NOT NULL,
  rows_in INTEGER NOT NULL DEFAULT 0,
  samples INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE samples (
  id INTEGER PRIMARY KEY,
  corpus_id INTEGER NOT NULL REFERENCES corpora(id) ON DELETE CASCADE,
  source_file TEXT NOT NULL,
  source_line INTEGER NOT NULL,
  text TEXT NOT NULL,
  label TEXT NOT NULL DEFAULT '',
  generator TEXT NOT NULL DEFAULT '',
  template_version TEXT NOT NULL DEFAULT '',
  judge_version TEXT NOT NULL DEFAULT '',
  round TEXT NOT NULL DEFAULT '',
  original TEXT NOT NULL          -- the record exactly as read (see docs: formats)
);
CREATE INDEX samples_by_corpus ON samples(corpus_id, id);
CREATE TABLE rejects (
  id INTEGER PRIMARY KEY,
  corpus_id INTEGER NOT NULL REFERENCES corpora(id) ON DELETE CASCADE,
  source_file TEXT NOT NULL,
  line INTEGER NOT NULL,
  reason TEXT NOT NULL,
  excerpt TEXT NOT NULL DEFAULT ''
);
CREATE INDEX rejects_by_corpus ON rejects(corpus_id, id);
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  params TEXT NOT NULL,           -- JSON
  result TEXT NOT NULL,           -- JSON
  app_version TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  corpora TEXT NOT NULL           -- JSON array of corpus ids analysed
);
CREATE TABLE metrics (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  corpus_id INTEGER REFERENCES corpora(id) ON DELETE CASCADE, -- NULL: real vs synthetic
  name TEXT NOT NULL,
  value REAL NOT NULL
);
CREATE INDEX metrics_by_run ON metrics(run_id, corpus_id, name);
CREATE TABLE neighbours (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  sample_id INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
  rank INTEGER NOT NULL,
  neighbour_id INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
  similarity REAL NOT NULL,
  PRIMARY KEY (run_id, sample_id, rank)
) WITHOUT ROWID;
CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  position INTEGER NOT NULL
);
CREATE TABLE sample_tags (
  sample_id INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  reviewer TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  PRIMARY KEY (sample_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX sample_tags_by_tag ON sample_tags(tag_id);
CREATE TABLE decisions (
  sample_id INTEGER PRIMARY KEY REFERENCES samples(id) ON DELETE CASCADE,
  decision TEXT NOT NULL CHECK (decision IN ('keep', 'drop')),
  reviewer TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);
CREATE TABLE notes (
  sample_id INTEGER PRIMARY KEY REFERENCES samples(id) ON DELETE CASCADE,
  note TEXT NOT NULL,
  reviewer TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);
INSERT INTO tags (name, position) VALUES
  ('template feel', 0), ('empty politeness', 1), ('off-scenario', 2),
  ('over-refusal', 3), ('factual drift', 4), ('too formal', 5);
)sql"_s,
        // 1 → 2: template skeletons and per-sample scores of the newest analysis run.
        uR"sql(
CREATE TABLE skeleton_groups (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  group_id INTEGER NOT NULL,       -- 0 = largest group of the run
  pattern TEXT NOT NULL,
  size INTEGER NOT NULL,
  real INTEGER NOT NULL,
  synthetic INTEGER NOT NULL,
  PRIMARY KEY (run_id, group_id)
) WITHOUT ROWID;
CREATE TABLE sample_scores (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  sample_id INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
  skeleton_group INTEGER,          -- NULL: the sample's skeleton is not shared
  perplexity REAL,                 -- NULL: in the language model's training split
  PRIMARY KEY (run_id, sample_id)
) WITHOUT ROWID;
CREATE INDEX sample_scores_by_group ON sample_scores(run_id, skeleton_group);
)sql"_s,
        // 2 → 3: duplicates, embeddings, neighbours, clusters and the map.
        uR"sql(
ALTER TABLE sample_scores ADD COLUMN duplicate_group INTEGER;  -- NULL: no duplicate
ALTER TABLE sample_scores ADD COLUMN cluster INTEGER;
ALTER TABLE sample_scores ADD COLUMN nn_own REAL;       -- cosine to nearest of own corpus
ALTER TABLE sample_scores ADD COLUMN nn_other REAL;     -- cosine to nearest of the other role
ALTER TABLE sample_scores ADD COLUMN synthetic_likeness REAL; -- out-of-fold P(synthetic)
ALTER TABLE sample_scores ADD COLUMN map_x REAL;        -- PCA layout
ALTER TABLE sample_scores ADD COLUMN map_y REAL;
ALTER TABLE sample_scores ADD COLUMN layout_x REAL;     -- neighbour layout (a separate job)
ALTER TABLE sample_scores ADD COLUMN layout_y REAL;
CREATE INDEX sample_scores_by_cluster ON sample_scores(run_id, cluster);
CREATE INDEX sample_scores_by_duplicate ON sample_scores(run_id, duplicate_group);
CREATE TABLE duplicate_groups (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  group_id INTEGER NOT NULL,       -- 0 = largest group of the run
  size INTEGER NOT NULL,
  real INTEGER NOT NULL,
  synthetic INTEGER NOT NULL,
  exact INTEGER NOT NULL,          -- 1: all members have the same normalised text
  PRIMARY KEY (run_id, group_id)
) WITHOUT ROWID;
CREATE TABLE clusters (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  cluster_id INTEGER NOT NULL,
  size INTEGER NOT NULL,
  real INTEGER NOT NULL,
  synthetic INTEGER NOT NULL,
  label TEXT NOT NULL,             -- most distinctive terms, comma-separated
  flag TEXT NOT NULL,              -- 'synthetic only', 'real only' or ''
  mean_nn_similarity REAL NOT NULL,
  PRIMARY KEY (run_id, cluster_id)
) WITHOUT ROWID;
CREATE TABLE embeddings (
  sample_id INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
  source TEXT NOT NULL,            -- 'tfidf-svd' (built in) or the user's source name
  vector BLOB NOT NULL,            -- little-endian float32 × dimension
  PRIMARY KEY (sample_id, source)
) WITHOUT ROWID;
)sql"_s,
        // 3 → 4: every reviewer keeps their own answers; notes are searchable (FTS5);
        // review queues remember their order and where their reviewer stopped.
        uR"sql(
CREATE TABLE sample_tags_v4 (
  sample_id INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  reviewer TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (sample_id, reviewer, tag_id)
) WITHOUT ROWID;
INSERT INTO sample_tags_v4 SELECT sample_id, tag_id,
  CASE WHEN reviewer = '' THEN 'reviewer' ELSE reviewer END, created_at FROM sample_tags;
DROP TABLE sample_tags;
ALTER TABLE sample_tags_v4 RENAME TO sample_tags;
CREATE INDEX sample_tags_by_tag ON sample_tags(tag_id);
CREATE TABLE decisions_v4 (
  sample_id INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
  reviewer TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('keep', 'drop')),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (sample_id, reviewer)
) WITHOUT ROWID;
INSERT INTO decisions_v4 SELECT sample_id,
  CASE WHEN reviewer = '' THEN 'reviewer' ELSE reviewer END, decision, updated_at FROM decisions;
DROP TABLE decisions;
ALTER TABLE decisions_v4 RENAME TO decisions;
CREATE TABLE notes_v4 (
  id INTEGER PRIMARY KEY,
  sample_id INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
  reviewer TEXT NOT NULL,
  note TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (sample_id, reviewer)
);
INSERT INTO notes_v4 (sample_id, reviewer, note, updated_at) SELECT sample_id,
  CASE WHEN reviewer = '' THEN 'reviewer' ELSE reviewer END, note, updated_at FROM notes;
DROP TABLE notes;
ALTER TABLE notes_v4 RENAME TO notes;
CREATE VIRTUAL TABLE notes_fts USING fts5(note, content='notes', content_rowid='id');
CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
  INSERT INTO notes_fts (rowid, note) VALUES (new.id, new.note);
END;
CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
  INSERT INTO notes_fts (notes_fts, rowid, note) VALUES ('delete', old.id, old.note);
END;
CREATE TRIGGER notes_fts_update AFTER UPDATE ON notes BEGIN
  INSERT INTO notes_fts (notes_fts, rowid, note) VALUES ('delete', old.id, old.note);
  INSERT INTO notes_fts (rowid, note) VALUES (new.id, new.note);
END;
INSERT INTO notes_fts (notes_fts) VALUES ('rebuild');
CREATE TABLE review_queues (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  reviewer TEXT NOT NULL,
  spec TEXT NOT NULL,              -- JSON: how the queue was built (selection or sampling)
  position INTEGER NOT NULL DEFAULT 0, -- where the reviewer stopped
  created_at TEXT NOT NULL
);
CREATE TABLE review_queue_items (
  queue_id INTEGER NOT NULL REFERENCES review_queues(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  sample_id INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
  PRIMARY KEY (queue_id, position)
) WITHOUT ROWID;
)sql"_s,
        // 4 → 5: a metric with its uncertainty and its null band. Each synthetic corpus's
        // comparison with the real side is stored under the corpus (the same keys as the
        // pooled comparison), with the standard deviation over seeded draws and the mean and
        // standard deviation of the same comparison between two disjoint real draws.
        uR"sql(
ALTER TABLE metrics ADD COLUMN sd REAL;
ALTER TABLE metrics ADD COLUMN null_mean REAL;
ALTER TABLE metrics ADD COLUMN null_sd REAL;
)sql"_s,
        // 5 → 6: how concentrated the synthetic side of an analysis is on its generators,
        // template versions and judge versions, over all rounds (round '') and per round
        // (chapter 17, Table 17-3, "single source dominates"). The overall figures are also
        // metrics, so they have a history over runs.
        uR"sql(
CREATE TABLE source_concentration (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  dimension TEXT NOT NULL,        -- generator, template_version, judge_version
  round TEXT NOT NULL,            -- '': every synthetic sample of the run
  samples INTEGER NOT NULL,       -- synthetic samples with the dimension recorded
  unrecorded INTEGER NOT NULL,    -- synthetic samples without it
  sources INTEGER NOT NULL,
  largest TEXT NOT NULL,
  largest_share REAL,             -- NULL when samples = 0
  entropy REAL,                   -- normalised Shannon entropy; NULL when samples = 0
  PRIMARY KEY (run_id, dimension, round)
) WITHOUT ROWID;
)sql"_s,
        // 6 → 7: one codec between an analysis and the file (model/AnalysisRecord): the
        // numbers of a run live only in metrics, runs.result keeps lists and histograms in
        // a versioned format (1: every run written before, whose blob also held the
        // numbers), and the embeddings a run used are a column instead of a string read
        // out of the blob. Runs of format 1 get their source and dimension copied from the
        // blob; a blob that is not valid JSON leaves them NULL (reading the run reports it).
        uR"sql(
ALTER TABLE runs ADD COLUMN result_format INTEGER NOT NULL DEFAULT 1;
ALTER TABLE runs ADD COLUMN embedding_source TEXT; -- NULL: no similarity analyses
ALTER TABLE runs ADD COLUMN embedding_dimension INTEGER; -- NULL: no similarity analyses
UPDATE runs SET embedding_source = CASE WHEN json_valid(result) THEN (CASE WHEN json_type(result, '$.similarity.embedding_source') = 'text' THEN json_extract(result, '$.similarity.embedding_source') END) END WHERE kind = 'analysis';
UPDATE runs SET embedding_dimension = CASE WHEN embedding_source IS NOT NULL THEN (CASE WHEN json_type(result, '$.similarity.embedding_dimension') = 'integer' THEN json_extract(result, '$.similarity.embedding_dimension') END) END WHERE kind = 'analysis';
)sql"_s,
        // 7 → 8: sample texts are searchable (FTS5, the syntax of note search). The index
        // holds no copy of the text (external content: samples), and triggers keep it in step
        // with imports and corpus removal. unicode61 folds case and diacritics ("cafe" finds
        // "café"); a run of Chinese or Japanese characters is one token (as for every other
        // token-based feature until the ICU tokenizer lands).
        uR"sql(
CREATE VIRTUAL TABLE samples_fts USING fts5(text, content='samples', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER samples_fts_insert AFTER INSERT ON samples BEGIN
  INSERT INTO samples_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER samples_fts_delete AFTER DELETE ON samples BEGIN
  INSERT INTO samples_fts (samples_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER samples_fts_update AFTER UPDATE OF text ON samples BEGIN
  INSERT INTO samples_fts (samples_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO samples_fts (rowid, text) VALUES (new.id, new.text);
END;
INSERT INTO samples_fts (samples_fts) VALUES ('rebuild');
)sql"_s,
        // 8 → 9: skeleton groups of long texts are moulds (samples sharing template windows,
        // analysis::SkeletonGroup); older runs' groups are whole-skeleton groups (0).
        uR"sql(
ALTER TABLE skeleton_groups ADD COLUMN mould INTEGER NOT NULL DEFAULT 0;
)sql"_s,
        // 9 → 10: preference pairs. A record holding two outputs and a judge's verdict (or a
        // chosen and a rejected output) is stored as two samples, each with the record as its
        // original, and one row here that ties them: the verdict as the probability that the
        // second output is preferred (NULL: no verdict), and the prompt both answer.
        uR"sql(
CREATE TABLE preference_pairs (
  first_sample INTEGER PRIMARY KEY REFERENCES samples(id) ON DELETE CASCADE,
  second_sample INTEGER NOT NULL UNIQUE REFERENCES samples(id) ON DELETE CASCADE,
  prompt TEXT NOT NULL DEFAULT '',
  prefer_second REAL CHECK (prefer_second IS NULL OR (prefer_second BETWEEN 0 AND 1))
);
)sql"_s,
        // 10 → 11: conversations and views. A conversation keeps its turns with their roles;
        // a sample's prompt (its user turns) and response (its assistant turns) are the texts
        // the 'prompts' and 'responses' views analyse (NULL: the sample has no such part, as a
        // text imported without a role); text stays the whole conversation ('all'). Each
        // analysis run is of one view. Older preference pairs' outputs become responses, as
        // an import now stores them.
        uR"sql(
ALTER TABLE samples ADD COLUMN prompt TEXT;
ALTER TABLE samples ADD COLUMN response TEXT;
ALTER TABLE corpora ADD COLUMN prompts INTEGER NOT NULL DEFAULT 0;   -- samples with a prompt
ALTER TABLE corpora ADD COLUMN responses INTEGER NOT NULL DEFAULT 0; -- samples with a response
CREATE TABLE turns (
  sample_id INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,       -- 0 = first turn
  role TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant', 'tool')),
  content TEXT NOT NULL,
  PRIMARY KEY (sample_id, position)
) WITHOUT ROWID;
ALTER TABLE runs ADD COLUMN view TEXT NOT NULL DEFAULT 'all';
CREATE INDEX runs_by_view ON runs(kind, view, id);
ALTER TABLE corpora ADD COLUMN filtered INTEGER NOT NULL DEFAULT 0;  -- records the where skipped
UPDATE samples SET response = text WHERE id IN (SELECT first_sample FROM preference_pairs)
  OR id IN (SELECT second_sample FROM preference_pairs);
UPDATE corpora SET responses = (SELECT count(*) FROM samples s WHERE s.corpus_id = corpora.id
  AND s.response IS NOT NULL);
)sql"_s,
        // 11 → 12: a corpus imported as a uniform sample of its records (import --sample N
        // --seed S: reservoir sampling) says so, so that its metrics are read as estimates:
        // JSON {"method", "size", "seed", "population"}; NULL: every record was imported.
        uR"sql(
ALTER TABLE corpora ADD COLUMN sampling TEXT;
)sql"_s,
        // 12 → 13: a duplicate-cluster id computed elsewhere (import --duplicate-cluster-field:
        // datatrove's metadata.minhash_cluster, NeMo Curator's group), per sample; NULL: none.
        uR"sql(
ALTER TABLE samples ADD COLUMN duplicate_cluster TEXT;
)sql"_s,
        // 13 → 14: embeddings in a rowid table. A vector of 256 float32 (1 KB) is more than a
        // WITHOUT ROWID row keeps on its page, so each row of the old table spilled to an
        // overflow page of its own (4 KB for 1 KB): every analysis rewrote four times the
        // bytes, and deleting a run's vectors read each page. A rowid table keeps a vector of
        // up to ~4 KB on its leaf. The key is as before (its index now beside the table:
        // a lookup by sample and source reads the index, then the row).
        uR"sql(
CREATE TABLE embeddings_v14 (
  sample_id INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
  source TEXT NOT NULL,            -- 'tfidf-svd' (built in) or the user's source name
  vector BLOB NOT NULL,            -- little-endian float32 × dimension
  PRIMARY KEY (sample_id, source)
);
INSERT INTO embeddings_v14 (sample_id, source, vector)
  SELECT sample_id, source, vector FROM embeddings ORDER BY sample_id, source;
DROP TABLE embeddings;
ALTER TABLE embeddings_v14 RENAME TO embeddings;
)sql"_s,
    };
    return steps;
}

// Splits a migration into statements at a ';' ending a line (after its "--" comment is
// removed); a CREATE TRIGGER statement runs to its "END;" line (its body holds ';' too).
QStringList splitStatements(const QString& script) {
    QStringList out;
    QString current;
    for (QString line : script.split(u'\n')) {
        if (const qsizetype comment = line.indexOf("--"_L1); comment >= 0)
            line.truncate(comment); // the migrations hold no "--" inside a string
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        const bool inTrigger = (current.isEmpty() ? line : current).startsWith("CREATE TRIGGER"_L1);
        if (line.endsWith(u';') && (!inTrigger || line == "END;"_L1)) {
            line.chop(1);
            out << current + line;
            current.clear();
        } else {
            current += line + u'\n';
        }
    }
    if (!current.trimmed().isEmpty())
        out << current;
    return out;
}

int userVersion(QSqlDatabase& db) {
    QSqlQuery q(db);
    if (!q.exec(u"PRAGMA user_version"_s) || !q.next())
        return -1;
    return q.value(0).toInt();
}

} // namespace

Status checkSchema(QSqlDatabase& db) {
    // Table → columns, as the migrations build them, and the SQL of every trigger and view
    // (computed once per process).
    struct Expected {
        std::vector<std::pair<QString, QStringList>> tables;
        std::map<QString, QString> code; // trigger or view name → its CREATE statement
    };
    static const Expected expected = [] {
        Expected out;
        const QString name = u"synthscope-schema-"_s + QUuid::createUuid().toString();
        {
            QSqlDatabase memory = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            memory.setDatabaseName(u":memory:"_s);
            if (memory.open() && migrateSchema(memory).ok()) {
                QSqlQuery q(memory);
                QStringList tables;
                if (q.exec(u"SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT "
                           "LIKE 'sqlite_%' ORDER BY name"_s))
                    while (q.next())
                        tables << q.value(0).toString();
                for (const QString& table : tables) {
                    QStringList columns;
                    QSqlQuery c(memory);
                    if (c.exec(u"SELECT name FROM pragma_table_info('%1')"_s.arg(table)))
                        while (c.next())
                            columns << c.value(0).toString();
                    out.tables.emplace_back(table, columns);
                }
                if (q.exec(u"SELECT name, sql FROM sqlite_schema WHERE type IN ('trigger', "
                           "'view')"_s))
                    while (q.next())
                        out.code[q.value(0).toString()] = q.value(1).toString();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return out;
    }();
    if (expected.tables.empty())
        return Status::failure(
            SchemaText::tr("cannot build the expected schema to check the file against"));
    for (const auto& [table, columns] : expected.tables) {
        QSqlQuery q(db);
        q.prepare(u"SELECT type FROM sqlite_schema WHERE name = ?"_s);
        q.addBindValue(table);
        if (!q.exec())
            return Status::failure(
                SchemaText::tr("cannot read the schema: %1").arg(q.lastError().text()));
        if (!q.next())
            return Status::failure(SchemaText::tr("the table '%1' is missing").arg(table));
        if (const QString type = q.value(0).toString(); type != u"table"_s)
            return Status::failure(u"'%1' is a %2, not a table"_s.arg(table, type));
        QStringList present;
        QSqlQuery c(db);
        if (c.exec(u"SELECT name FROM pragma_table_info('%1')"_s.arg(table)))
            while (c.next())
                present << c.value(0).toString();
        for (const QString& column : columns)
            if (!present.contains(column))
                return Status::failure(
                    SchemaText::tr("the table '%1' lacks its column '%2'").arg(table, column));
    }
    // Code stored in the file runs when its table is touched (a trigger once deleted every tag
    // during an analysis): only the migrations' own triggers and views, unchanged, may be there.
    QSqlQuery code(db);
    if (!code.exec(
            u"SELECT type, name, sql FROM sqlite_schema WHERE type IN ('trigger', 'view')"_s))
        return Status::failure(
            SchemaText::tr("cannot read the schema: %1").arg(code.lastError().text()));
    std::size_t found = 0;
    while (code.next()) {
        const QString name = code.value(1).toString();
        const auto it = expected.code.find(name);
        if (it == expected.code.end() || it->second != code.value(2).toString())
            return Status::failure(
                SchemaText::tr("it holds a %1 '%2' that Synthscope did not create")
                    .arg(code.value(0).toString(), name));
        ++found;
    }
    // A missing trigger would leave the full-text indexes silently behind the text.
    if (found < expected.code.size())
        for (const auto& [name, sql] : expected.code) {
            QSqlQuery q(db);
            q.prepare(
                u"SELECT 1 FROM sqlite_schema WHERE type IN ('trigger', 'view') AND name = ?"_s);
            q.addBindValue(name);
            if (!q.exec() || !q.next())
                return Status::failure(
                    SchemaText::tr("the trigger or view '%1' is missing").arg(name));
        }
    return {};
}

Status initializeSchema(QSqlDatabase& db) {
    return exec(db, u"PRAGMA application_id = %1"_s.arg(Project::kApplicationId));
}

Status migrateSchema(QSqlDatabase& db, int target) {
    const int version = userVersion(db);
    if (version < 0)
        return Status::failure(SchemaText::tr("cannot read the schema version"));
    if (version > Project::kSchemaVersion)
        return Status::failure(
            SchemaText::tr("written by a newer Synthscope (schema %1; this version reads up to %2)")
                .arg(QString::number(version), QString::number(Project::kSchemaVersion)));
    const int last =
        target < 0 ? Project::kSchemaVersion : std::min(target, Project::kSchemaVersion);
    for (int v = version; v < last; ++v) {
        Transaction tx(db);
        if (!tx.beginStatus())
            return tx.beginStatus();
        const QStringList statements = splitStatements(migrations().at(v));
        for (const QString& statement : statements) {
            if (statement.trimmed().isEmpty())
                continue;
            if (Status s = exec(db, statement); !s)
                return Status::failure(u"migration %1→%2 failed: %3"_s.arg(
                    QString::number(v), QString::number(v + 1), s.error()));
        }
        if (Status s = exec(db, u"PRAGMA user_version = %1"_s.arg(v + 1)); !s)
            return s;
        if (Status s = tx.commit(); !s)
            return s;
    }
    return {};
}

} // namespace synthscope::model
