#include "model/CorpusEdits.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

namespace {
/// The translation context of this file's messages (lupdate reads the macro).
struct CorpusEditsText {
    Q_DECLARE_TR_FUNCTIONS(synthscope::model::CorpusEdits)
};
} // namespace

namespace {

Status noSuchCorpus(qint64 corpusId) {
    return Status::failure(CorpusEditsText::tr("there is no corpus with id %1").arg(corpusId));
}

// One count over the samples of a corpus (sql takes the corpus id as its only parameter).
Status countInto(QSqlDatabase& db, const QString& sql, qint64 corpusId, qint64* count) {
    QSqlQuery q(db);
    q.prepare(sql);
    if (Status s = execPrepared(q, {corpusId}); !s)
        return s;
    *count = q.next() ? q.value(0).toLongLong() : 0;
    return {};
}

// Restores foreign-key enforcement on a connection when it goes out of scope.
class ForeignKeysOff {
public:
    explicit ForeignKeysOff(QSqlDatabase db)
        : m_db(std::move(db)) {
        m_status = exec(m_db, u"PRAGMA foreign_keys = OFF"_s);
    }
    ~ForeignKeysOff() { (void)exec(m_db, u"PRAGMA foreign_keys = ON"_s); }
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;
    [[nodiscard]] const Status& status() const { return m_status; }

private:
    QSqlDatabase m_db;
    Status m_status;
};

struct ChildKey {
    QString table;
    QString column;
};

// Every (table, column) whose foreign key references parent, from the schema itself, so a
// table added later is covered without touching this file.
Status childKeys(QSqlDatabase& db, const QString& parent, QList<ChildKey>* keys) {
    QSqlQuery q(db);
    q.prepare(u"SELECT m.name, p.\"from\" FROM sqlite_schema m, pragma_foreign_key_list(m.name) p "
              "WHERE m.type = 'table' AND p.\"table\" = ? ORDER BY m.name, p.\"from\""_s);
    if (Status s = execPrepared(q, {parent}); !s)
        return s;
    while (q.next())
        keys->append({q.value(0).toString(), q.value(1).toString()});
    return {};
}

QString sqlIdentifier(const QString& identifier) {
    return u'"' + QString(identifier).replace(u'"', u"\"\""_s) + u'"';
}

const QString kCorpusIdFloor = QStringLiteral("corpus_id_floor");

} // namespace

QString nextCorpusIdSql() {
    return u"(SELECT max(coalesce((SELECT max(id) FROM corpora), 0), coalesce((SELECT "
           "CAST(value AS INTEGER) FROM project_info WHERE key = '%1'), 0)) + 1)"_s.arg(
               kCorpusIdFloor);
}

Status corpusRemovalImpact(Project& project, qint64 corpusId, CorpusRemovalImpact* impact) {
    *impact = {};
    QSqlDatabase db = project.connection();
    QSqlQuery q(db);
    q.prepare(u"SELECT name, samples, rejected FROM corpora WHERE id = ?"_s);
    if (Status s = execPrepared(q, {corpusId}); !s)
        return s;
    if (!q.next())
        return noSuchCorpus(corpusId);
    impact->name = q.value(0).toString();
    // Counted, not the import's stored totals, which a kill between statements cannot skew.
    const QString ofCorpus = u" IN (SELECT id FROM samples WHERE corpus_id = ?)"_s;
    const std::pair<QString, qint64*> counts[] = {
        {u"SELECT count(*) FROM samples WHERE corpus_id = ?"_s, &impact->samples},
        {u"SELECT count(*) FROM rejects WHERE corpus_id = ?"_s, &impact->rejects},
        {u"SELECT count(DISTINCT sample_id) FROM sample_tags WHERE sample_id"_s + ofCorpus,
         &impact->taggedSamples},
        {u"SELECT count(*) FROM decisions WHERE sample_id"_s + ofCorpus, &impact->decisions},
        {u"SELECT count(*) FROM notes WHERE note != '' AND sample_id"_s + ofCorpus, &impact->notes},
        {u"SELECT count(*) FROM review_queue_items WHERE sample_id"_s + ofCorpus,
         &impact->queueEntries},
    };
    for (const auto& [sql, count] : counts)
        if (Status s = countInto(db, sql, corpusId, count); !s)
            return s;
    return {};
}

Status renameCorpus(Project& project, qint64 corpusId, const QString& name) {
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Status::failure(CorpusEditsText::tr("a corpus name cannot be empty"));
    QSqlDatabase db = project.connection();
    Transaction tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    QSqlQuery q(db);
    q.prepare(u"SELECT id FROM corpora WHERE name = ?"_s);
    if (Status s = execPrepared(q, {trimmed}); !s)
        return s;
    if (q.next()) {
        if (q.value(0).toLongLong() == corpusId)
            return {}; // already so named
        return Status::failure(
            CorpusEditsText::tr("a corpus named '%1' already exists").arg(trimmed));
    }
    q.prepare(u"UPDATE corpora SET name = ? WHERE id = ?"_s);
    if (Status s = execPrepared(q, {trimmed, corpusId}); !s)
        return s;
    if (q.numRowsAffected() != 1)
        return noSuchCorpus(corpusId);
    return tx.commit();
}

Status setCorpusRole(Project& project, qint64 corpusId, Role role) {
    QSqlDatabase db = project.connection();
    QSqlQuery q(db);
    q.prepare(u"UPDATE corpora SET role = ? WHERE id = ?"_s);
    if (Status s = execPrepared(q, {roleName(role), corpusId}); !s)
        return s;
    if (q.numRowsAffected() != 1)
        return noSuchCorpus(corpusId);
    return {};
}

Status removeCorpus(Project& project, qint64 corpusId, const analysis::Progress& progress) {
    QSqlDatabase db = project.connection();
    // PRAGMA foreign_keys is a no-op inside a transaction, so it is switched before BEGIN.
    ForeignKeysOff keysOff(db);
    if (!keysOff.status())
        return keysOff.status();
    Transaction tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    {
        QSqlQuery exists(db);
        exists.prepare(u"SELECT 1 FROM corpora WHERE id = ?"_s);
        if (Status s = execPrepared(exists, {corpusId}); !s)
            return s;
        if (!exists.next())
            return noSuchCorpus(corpusId);
    }
    QList<ChildKey> ofSamples;
    QList<ChildKey> ofCorpora;
    if (Status s = childKeys(db, u"samples"_s, &ofSamples); !s)
        return s;
    if (Status s = childKeys(db, u"corpora"_s, &ofCorpora); !s)
        return s;
    // The corpus's sample ids once, in a temporary table: every child delete is one pass over
    // its table with an indexed lookup, where ON DELETE CASCADE would scan the neighbour
    // table (no index leads with sample_id) once per removed sample.
    if (Status s = exec(db, u"DROP TABLE IF EXISTS temp.removed_samples"_s); !s)
        return s;
    if (Status s = exec(db, u"CREATE TEMP TABLE removed_samples (id INTEGER PRIMARY KEY)"_s); !s)
        return s;
    QSqlQuery q(db);
    q.prepare(u"INSERT INTO temp.removed_samples SELECT id FROM samples WHERE corpus_id = ?"_s);
    if (Status s = execPrepared(q, {corpusId}); !s)
        return s;
    // Saved queues resume at a list index: move each back by its removed entries before it.
    if (Status s = exec(db, u"UPDATE review_queues SET position = max(0, review_queues.position - "
                            "shift.removed) FROM (SELECT q.id AS queue_id, count(*) AS removed "
                            "FROM review_queues q JOIN (SELECT queue_id, sample_id, row_number() "
                            "OVER (PARTITION BY queue_id ORDER BY position) - 1 AS row FROM "
                            "review_queue_items) i ON i.queue_id = q.id WHERE i.row < q.position "
                            "AND i.sample_id IN (SELECT id FROM temp.removed_samples) GROUP BY "
                            "q.id) AS shift WHERE shift.queue_id = review_queues.id"_s);
        !s)
        return s;
    // The id is never reused: runs list the corpus ids they analysed.
    q.prepare(u"INSERT INTO project_info (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE "
              "SET value = max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))"_s);
    if (Status s = execPrepared(q, {kCorpusIdFloor, QString::number(corpusId)}); !s)
        return s;
    const double steps = double(ofSamples.size() + ofCorpora.size() + 1);
    double done = 0;
    // Reports a step; a cancel ends the removal with nothing changed (the transaction rolls
    // back when tx goes out of scope).
    auto step = [&](const QString& stage) -> Status {
        try {
            progress.report(std::min(done++ / steps, 1.0), stage.toStdString());
        } catch (const analysis::Cancelled&) {
            return Status::failure(
                CorpusEditsText::tr("removal cancelled; the project is unchanged"));
        }
        return {};
    };
    for (const ChildKey& k : ofSamples) {
        if (Status s = step(CorpusEditsText::tr("Removing %1").arg(k.table)); !s)
            return s;
        if (Status s =
                exec(db, u"DELETE FROM %1 WHERE %2 IN (SELECT id FROM temp.removed_samples)"_s.arg(
                             sqlIdentifier(k.table), sqlIdentifier(k.column)));
            !s)
            return s;
    }
    for (const ChildKey& k : ofCorpora) {
        if (Status s = step(CorpusEditsText::tr("Removing %1").arg(k.table)); !s)
            return s;
        q.prepare(
            u"DELETE FROM %1 WHERE %2 = ?"_s.arg(sqlIdentifier(k.table), sqlIdentifier(k.column)));
        if (Status s = execPrepared(q, {corpusId}); !s)
            return s;
    }
    if (Status s = step(CorpusEditsText::tr("Removing the corpus")); !s)
        return s;
    q.prepare(u"DELETE FROM corpora WHERE id = ?"_s);
    if (Status s = execPrepared(q, {corpusId}); !s)
        return s;
    // Nothing may be left pointing at what went: each referencing column is looked up for
    // the removed ids only (an unrelated old orphan elsewhere does not block a removal).
    auto leftBehind = [&](const ChildKey& k, bool ofCorpus) -> Status {
        QSqlQuery check(db);
        check.prepare(u"SELECT 1 FROM %1 WHERE %2 %3 LIMIT 1"_s.arg(
            sqlIdentifier(k.table), sqlIdentifier(k.column),
            ofCorpus ? u"= ?"_s : u"IN (SELECT id FROM temp.removed_samples)"_s));
        if (ofCorpus)
            check.addBindValue(corpusId);
        if (!check.exec())
            return sqlError(check);
        if (check.next())
            return Status::failure(
                CorpusEditsText::tr("removing the corpus would leave rows of %1 pointing at it")
                    .arg(k.table));
        return {};
    };
    for (const ChildKey& k : ofSamples)
        if (Status s = leftBehind(k, false); !s)
            return s;
    for (const ChildKey& k : ofCorpora)
        if (Status s = leftBehind(k, true); !s)
            return s;
    if (Status s = exec(db, u"DROP TABLE temp.removed_samples"_s); !s)
        return s;
    if (Status s = step(CorpusEditsText::tr("Committing")); !s)
        return s;
    return tx.commit();
}

CorpusEditCommand::CorpusEditCommand(Project& project, qint64 corpusId, Field field, QString before,
                                     QString after, Hooks hooks)
    : m_project(project)
    , m_corpus(corpusId)
    , m_field(field)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_hooks(std::move(hooks)) {
    setText(field == Field::Name
                ? CorpusEditsText::tr("Rename corpus “%1” to “%2”").arg(m_before, m_after)
                : CorpusEditsText::tr("Mark corpus as %1").arg(m_after));
}

void CorpusEditCommand::redo() {
    if (m_firstRedo) {
        m_firstRedo = false; // the caller already wrote it
        return;
    }
    write(m_after);
}

void CorpusEditCommand::undo() {
    write(m_before);
}

void CorpusEditCommand::write(const QString& value) {
    if (const QString reason = m_hooks.refuse ? m_hooks.refuse() : QString(); !reason.isEmpty()) {
        m_status = Status::failure(reason);
    } else if (m_field == Field::Name) {
        m_status = renameCorpus(m_project, m_corpus, value);
    } else {
        Role role = Role::Real;
        m_status = parseRole(value, &role) ? setCorpusRole(m_project, m_corpus, role)
                                           : Status::failure(CorpusEditsText::tr("unknown role"));
    }
    if (!m_status)
        setObsolete(true);
    if (m_hooks.done)
        m_hooks.done(m_status);
}

} // namespace synthscope::model
