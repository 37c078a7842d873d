#include "model/ReviewStore.h"

#include "model/Json.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

namespace {

QString now() {
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

Status run(QSqlQuery& q) {
    if (!q.exec())
        return Status::failure(q.lastError().text());
    return {};
}

QString nonEmptyReviewer(const QString& name) {
    const QString trimmed = name.trimmed();
    return trimmed.isEmpty() ? u"reviewer"_s : trimmed;
}

} // namespace

Decision parseDecision(const QString& name) {
    return name == "keep"_L1 ? Decision::Keep : name == "drop"_L1 ? Decision::Drop : Decision::None;
}

QString decisionName(Decision d) {
    switch (d) {
    case Decision::Keep:
        return u"keep"_s;
    case Decision::Drop:
        return u"drop"_s;
    case Decision::None:
        break;
    }
    return {};
}

ReviewStore::ReviewStore(Project& project, QString reviewer, QObject* parent)
    : QObject(parent)
    , m_project(project)
    , m_reviewer(nonEmptyReviewer(reviewer)) {}

Status ReviewStore::writeAnswer(QSqlQuery& query, qint64 sampleId) {
    if (Status s = run(query); !s)
        return reported(s);
    Q_EMIT reviewChanged(sampleId);
    return {};
}

void ReviewStore::setReviewer(const QString& name) {
    const QString next = nonEmptyReviewer(name);
    if (next == m_reviewer)
        return;
    m_reviewer = next;
    Q_EMIT reviewerChanged();
}

void ReviewStore::reportFailure(const QString& message) {
    Q_EMIT writeFailed(message);
}

Status ReviewStore::reported(Status status) {
    if (!status.ok())
        Q_EMIT writeFailed(tr("Could not save the review answer: %1").arg(status.error()));
    return status;
}

QList<TagDef> ReviewStore::tags() const {
    QList<TagDef> out;
    QSqlQuery q(m_project.connection());
    if (q.exec(u"SELECT id, name, position FROM tags ORDER BY position, id"_s))
        while (q.next())
            out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt()});
    return out;
}

Status ReviewStore::addTag(const QString& name, qint64* id) {
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Status::failure(tr("A tag needs a name."));
    QSqlQuery q(m_project.connection());
    q.prepare(u"INSERT INTO tags (name, position) "
              "VALUES (?, (SELECT coalesce(max(position) + 1, 0) FROM tags))"_s);
    q.addBindValue(trimmed);
    if (!q.exec())
        return Status::failure(
            tr("Cannot add the tag '%1': %2").arg(trimmed, q.lastError().text()));
    if (id != nullptr)
        *id = q.lastInsertId().toLongLong();
    Q_EMIT tagsChanged();
    return {};
}

Status ReviewStore::renameTag(qint64 id, const QString& name) {
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Status::failure(tr("A tag needs a name."));
    QSqlQuery q(m_project.connection());
    q.prepare(u"UPDATE tags SET name = ? WHERE id = ?"_s);
    q.addBindValue(trimmed);
    q.addBindValue(id);
    if (!q.exec())
        return Status::failure(tr("Cannot rename the tag: %1").arg(q.lastError().text()));
    Q_EMIT tagsChanged();
    return {};
}

Status ReviewStore::removeTag(qint64 id, RemovedTag* removed) {
    QSqlDatabase db = m_project.connection();
    Transaction tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    RemovedTag found;
    QSqlQuery q(db);
    q.prepare(u"SELECT id, name, position FROM tags WHERE id = ?"_s);
    q.addBindValue(id);
    if (Status s = run(q); !s)
        return s;
    if (!q.next())
        return Status::failure(tr("No such tag."));
    found.tag = {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt()};
    q.prepare(u"SELECT sample_id, reviewer, created_at FROM sample_tags WHERE tag_id = ? "
              "ORDER BY sample_id, reviewer"_s);
    q.addBindValue(id);
    if (Status s = run(q); !s)
        return s;
    while (q.next())
        found.uses.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    q.prepare(u"DELETE FROM tags WHERE id = ?"_s); // its uses cascade
    q.addBindValue(id);
    if (Status s = run(q); !s)
        return s;
    if (Status s = tx.commit(); !s)
        return s;
    if (removed != nullptr)
        *removed = std::move(found);
    Q_EMIT tagsChanged();
    return {};
}

Status ReviewStore::restoreTag(const RemovedTag& removed) {
    QSqlDatabase db = m_project.connection();
    Transaction tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    QSqlQuery q(db);
    q.prepare(u"INSERT INTO tags (id, name, position) VALUES (?, ?, ?)"_s);
    q.addBindValue(removed.tag.id);
    q.addBindValue(removed.tag.name);
    q.addBindValue(removed.tag.position);
    if (Status s = run(q); !s)
        return Status::failure(
            tr("Cannot restore the tag '%1': %2").arg(removed.tag.name, s.error()));
    q.prepare(u"INSERT INTO sample_tags (sample_id, tag_id, reviewer, created_at) "
              "VALUES (?, ?, ?, ?)"_s);
    for (const RemovedTag::Use& use : removed.uses) {
        q.bindValue(0, use.sampleId);
        q.bindValue(1, removed.tag.id);
        q.bindValue(2, use.reviewer);
        q.bindValue(3, use.createdAt);
        if (Status s = run(q); !s)
            return Status::failure(
                tr("Cannot restore the uses of the tag '%1': %2").arg(removed.tag.name, s.error()));
    }
    if (Status s = tx.commit(); !s)
        return s;
    Q_EMIT tagsChanged();
    // One signal for the whole restore (a tag on thousands of samples), as bulk writes do.
    QList<qint64> restored;
    for (const RemovedTag::Use& use : removed.uses)
        restored.append(use.sampleId);
    if (!restored.isEmpty())
        Q_EMIT reviewsChanged(restored);
    return {};
}

Status ReviewStore::moveTag(qint64 id, int position) {
    QList<TagDef> list = tags();
    const auto it =
        std::find_if(list.begin(), list.end(), [&](const TagDef& t) { return t.id == id; });
    if (it == list.end())
        return Status::failure(tr("No such tag."));
    TagDef moved = *it;
    list.erase(it);
    list.insert(std::clamp<qsizetype>(position, 0, list.size()), moved);
    QSqlDatabase db = m_project.connection();
    Transaction tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    QSqlQuery q(db);
    q.prepare(u"UPDATE tags SET position = ? WHERE id = ?"_s);
    for (int i = 0; i < list.size(); ++i) {
        q.bindValue(0, i);
        q.bindValue(1, list[i].id);
        if (Status s = run(q); !s)
            return s;
    }
    if (Status s = tx.commit(); !s)
        return s;
    Q_EMIT tagsChanged();
    return {};
}

SampleReview ReviewStore::review(qint64 sampleId) const {
    SampleReview r;
    QSqlDatabase db = m_project.connection();
    QSqlQuery q(db);
    q.prepare(u"SELECT tag_id FROM sample_tags WHERE sample_id = ? AND reviewer = ?"_s);
    q.addBindValue(sampleId);
    q.addBindValue(m_reviewer);
    if (q.exec())
        while (q.next())
            r.tagIds.insert(q.value(0).toLongLong());
    q.prepare(u"SELECT decision FROM decisions WHERE sample_id = ? AND reviewer = ?"_s);
    q.addBindValue(sampleId);
    q.addBindValue(m_reviewer);
    if (q.exec() && q.next())
        r.decision = parseDecision(q.value(0).toString());
    q.prepare(u"SELECT note FROM notes WHERE sample_id = ? AND reviewer = ?"_s);
    q.addBindValue(sampleId);
    q.addBindValue(m_reviewer);
    if (q.exec() && q.next())
        r.note = q.value(0).toString();
    return r;
}

Status ReviewStore::setTag(qint64 sampleId, qint64 tagId, bool on, const QString& as) {
    QSqlQuery q(m_project.connection());
    if (on) {
        q.prepare(u"INSERT INTO sample_tags (sample_id, tag_id, reviewer, created_at) "
                  "VALUES (?, ?, ?, ?) ON CONFLICT(sample_id, reviewer, tag_id) DO NOTHING"_s);
        q.addBindValue(sampleId);
        q.addBindValue(tagId);
        q.addBindValue(who(as));
        q.addBindValue(now());
    } else {
        q.prepare(u"DELETE FROM sample_tags WHERE sample_id = ? AND tag_id = ? AND reviewer = ?"_s);
        q.addBindValue(sampleId);
        q.addBindValue(tagId);
        q.addBindValue(who(as));
    }
    return writeAnswer(q, sampleId);
}

Status ReviewStore::setDecision(qint64 sampleId, Decision decision, const QString& as) {
    QSqlQuery q(m_project.connection());
    if (decision == Decision::None) {
        q.prepare(u"DELETE FROM decisions WHERE sample_id = ? AND reviewer = ?"_s);
        q.addBindValue(sampleId);
        q.addBindValue(who(as));
    } else {
        q.prepare(u"INSERT INTO decisions (sample_id, decision, reviewer, updated_at) "
                  "VALUES (?, ?, ?, ?) ON CONFLICT(sample_id, reviewer) DO UPDATE SET "
                  "decision = excluded.decision, updated_at = excluded.updated_at"_s);
        q.addBindValue(sampleId);
        q.addBindValue(decisionName(decision));
        q.addBindValue(who(as));
        q.addBindValue(now());
    }
    return writeAnswer(q, sampleId);
}

Status ReviewStore::setNote(qint64 sampleId, const QString& note, const QString& as) {
    QSqlQuery q(m_project.connection());
    if (note.trimmed().isEmpty()) {
        q.prepare(u"DELETE FROM notes WHERE sample_id = ? AND reviewer = ?"_s);
        q.addBindValue(sampleId);
        q.addBindValue(who(as));
    } else {
        q.prepare(u"INSERT INTO notes (sample_id, note, reviewer, updated_at) VALUES (?, ?, ?, ?) "
                  "ON CONFLICT(sample_id, reviewer) DO UPDATE SET note = excluded.note, "
                  "updated_at = excluded.updated_at"_s);
        q.addBindValue(sampleId);
        q.addBindValue(note);
        q.addBindValue(who(as));
        q.addBindValue(now());
    }
    return writeAnswer(q, sampleId);
}

Status ReviewStore::setTagOnSamples(const QList<qint64>& sampleIds, qint64 tagId, bool on,
                                    const QString& as) {
    if (sampleIds.isEmpty())
        return {};
    QSqlDatabase db = m_project.connection();
    Transaction tx(db);
    if (!tx.beginStatus())
        return reported(tx.beginStatus());
    QSqlQuery q(db);
    if (on) {
        q.prepare(u"INSERT INTO sample_tags (sample_id, tag_id, reviewer, created_at) SELECT "
                  "s.id, ?, ?, ? FROM json_each(?) j JOIN samples s ON s.id = j.value WHERE 1 "
                  "ON CONFLICT(sample_id, reviewer, tag_id) DO NOTHING"_s);
        q.addBindValue(tagId);
        q.addBindValue(who(as));
        q.addBindValue(now());
    } else {
        q.prepare(u"DELETE FROM sample_tags WHERE tag_id = ? AND reviewer = ? AND sample_id IN "
                  "(SELECT value FROM json_each(?))"_s);
        q.addBindValue(tagId);
        q.addBindValue(who(as));
    }
    q.addBindValue(jsonIdArray(sampleIds));
    if (Status s = run(q); !s)
        return reported(s);
    if (Status s = tx.commit(); !s)
        return reported(s);
    Q_EMIT reviewsChanged(sampleIds);
    return {};
}

Status ReviewStore::setDecisions(const QHash<qint64, Decision>& decisions, const QString& as) {
    if (decisions.isEmpty())
        return {};
    QMap<Decision, QList<qint64>> by;
    for (auto it = decisions.cbegin(); it != decisions.cend(); ++it)
        by[it.value()].append(it.key());
    QSqlDatabase db = m_project.connection();
    Transaction tx(db);
    if (!tx.beginStatus())
        return reported(tx.beginStatus());
    for (auto it = by.cbegin(); it != by.cend(); ++it) {
        QSqlQuery q(db);
        if (it.key() == Decision::None) {
            q.prepare(u"DELETE FROM decisions WHERE reviewer = ? AND sample_id IN (SELECT value "
                      "FROM json_each(?))"_s);
            q.addBindValue(who(as));
        } else {
            q.prepare(u"INSERT INTO decisions (sample_id, decision, reviewer, updated_at) SELECT "
                      "s.id, ?, ?, ? FROM json_each(?) j JOIN samples s ON s.id = j.value WHERE "
                      "1 ON CONFLICT(sample_id, reviewer) DO UPDATE SET decision = "
                      "excluded.decision, updated_at = excluded.updated_at"_s);
            q.addBindValue(decisionName(it.key()));
            q.addBindValue(who(as));
            q.addBindValue(now());
        }
        q.addBindValue(jsonIdArray(it.value()));
        if (Status s = run(q); !s)
            return reported(s);
    }
    if (Status s = tx.commit(); !s)
        return reported(s);
    Q_EMIT reviewsChanged(decisions.keys());
    return {};
}

Status ReviewStore::taggedAmong(const QList<qint64>& sampleIds, qint64 tagId, QSet<qint64>* tagged,
                                const QString& as) const {
    tagged->clear();
    QSqlQuery q(m_project.connection());
    q.prepare(u"SELECT sample_id FROM sample_tags WHERE tag_id = ? AND reviewer = ? AND "
              "sample_id IN (SELECT value FROM json_each(?))"_s);
    q.addBindValue(tagId);
    q.addBindValue(who(as));
    q.addBindValue(jsonIdArray(sampleIds));
    if (!q.exec())
        return sqlError(q);
    while (q.next())
        tagged->insert(q.value(0).toLongLong());
    return {};
}

Status ReviewStore::decisionsOf(const QList<qint64>& sampleIds, QHash<qint64, Decision>* decisions,
                                const QString& as) const {
    decisions->clear();
    QSqlQuery q(m_project.connection());
    q.prepare(u"SELECT sample_id, decision FROM decisions WHERE reviewer = ? AND sample_id IN "
              "(SELECT value FROM json_each(?))"_s);
    q.addBindValue(who(as));
    q.addBindValue(jsonIdArray(sampleIds));
    if (!q.exec())
        return sqlError(q);
    for (qint64 id : sampleIds)
        decisions->insert(id, Decision::None);
    while (q.next())
        decisions->insert(q.value(0).toLongLong(), parseDecision(q.value(1).toString()));
    return {};
}

QList<ReviewerAnswer> ReviewStore::otherAnswers(qint64 sampleId) const {
    QMap<QString, SampleReview> by;
    QSqlQuery q(m_project.connection());
    auto each = [&](const QString& sql, auto&& take) {
        q.prepare(sql);
        q.addBindValue(sampleId);
        q.addBindValue(m_reviewer);
        if (q.exec())
            while (q.next())
                take(by[q.value(0).toString()]);
    };
    each(u"SELECT reviewer, tag_id FROM sample_tags WHERE sample_id = ? AND reviewer <> ?"_s,
         [&](SampleReview& r) { r.tagIds.insert(q.value(1).toLongLong()); });
    each(u"SELECT reviewer, decision FROM decisions WHERE sample_id = ? AND reviewer <> ?"_s,
         [&](SampleReview& r) { r.decision = parseDecision(q.value(1).toString()); });
    each(u"SELECT reviewer, note FROM notes WHERE sample_id = ? AND reviewer <> ?"_s,
         [&](SampleReview& r) { r.note = q.value(1).toString(); });
    QList<ReviewerAnswer> out;
    for (auto it = by.cbegin(); it != by.cend(); ++it)
        out.append({it.key(), it.value()});
    return out;
}

QStringList ReviewStore::reviewers() const {
    QStringList out;
    QSqlQuery q(m_project.connection());
    if (q.exec(u"SELECT reviewer FROM sample_tags UNION SELECT reviewer FROM decisions "
               "UNION SELECT reviewer FROM notes ORDER BY 1"_s))
        while (q.next())
            out << q.value(0).toString();
    return out;
}

Status ReviewStore::createQueue(const QString& name, const QList<qint64>& ids, const QString& spec,
                                qint64* id, const QString& as) {
    if (name.trimmed().isEmpty() || ids.isEmpty())
        return Status::failure(tr("A queue needs a name and at least one sample."));
    QSqlDatabase db = m_project.connection();
    Transaction tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    QSqlQuery q(db);
    q.prepare(u"INSERT INTO review_queues (name, reviewer, spec, position, created_at) "
              "VALUES (?, ?, ?, 0, ?)"_s);
    q.addBindValue(name.trimmed());
    q.addBindValue(who(as));
    q.addBindValue(spec.isNull() ? u"{}"_s : spec);
    q.addBindValue(now());
    if (Status s = run(q); !s)
        return s;
    const qint64 queueId = q.lastInsertId().toLongLong();
    q.prepare(u"INSERT INTO review_queue_items (queue_id, position, sample_id) VALUES (?, ?, ?)"_s);
    for (int i = 0; i < ids.size(); ++i) {
        q.bindValue(0, queueId);
        q.bindValue(1, i);
        q.bindValue(2, ids[i]);
        if (Status s = run(q); !s)
            return s;
    }
    if (Status s = tx.commit(); !s)
        return s;
    if (id != nullptr)
        *id = queueId;
    Q_EMIT queuesChanged();
    return {};
}

namespace {
// A queue row with its size and how many of its samples its reviewer has answered.
const QString kQueueSelect =
    u"SELECT q.id, q.name, q.reviewer, q.spec, q.position, q.created_at, "
    "(SELECT count(*) FROM review_queue_items i WHERE i.queue_id = q.id), "
    "(SELECT count(*) FROM review_queue_items i WHERE i.queue_id = q.id AND ("
    "EXISTS (SELECT 1 FROM sample_tags t WHERE t.sample_id = i.sample_id AND t.reviewer = "
    "q.reviewer) "
    "OR EXISTS (SELECT 1 FROM decisions d WHERE d.sample_id = i.sample_id AND d.reviewer = "
    "q.reviewer) "
    "OR EXISTS (SELECT 1 FROM notes n WHERE n.sample_id = i.sample_id AND n.reviewer = "
    "q.reviewer))) "
    "FROM review_queues q "_s;

QueueInfo queueFrom(const QSqlQuery& q) {
    return {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
            q.value(3).toString(),   q.value(4).toInt(),    q.value(6).toInt(),
            q.value(7).toInt(),      q.value(5).toString()};
}
} // namespace

QList<QueueInfo> ReviewStore::queues() const {
    QList<QueueInfo> out;
    QSqlQuery q(m_project.connection());
    q.prepare(kQueueSelect + u"WHERE q.reviewer = ? ORDER BY q.id DESC"_s);
    q.addBindValue(m_reviewer);
    if (q.exec())
        while (q.next())
            out.append(queueFrom(q));
    return out;
}

std::optional<QueueInfo> ReviewStore::queue(qint64 queueId) const {
    QSqlQuery q(m_project.connection());
    q.prepare(kQueueSelect + u"WHERE q.id = ?"_s);
    q.addBindValue(queueId);
    if (q.exec() && q.next())
        return queueFrom(q);
    return std::nullopt;
}

QList<qint64> ReviewStore::queueItems(qint64 queueId) const {
    QList<qint64> out;
    QSqlQuery q(m_project.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT sample_id FROM review_queue_items WHERE queue_id = ? ORDER BY position"_s);
    q.addBindValue(queueId);
    if (q.exec())
        while (q.next())
            out.append(q.value(0).toLongLong());
    return out;
}

Status ReviewStore::setQueuePosition(qint64 queueId, int position) {
    QSqlQuery q(m_project.connection());
    q.prepare(u"UPDATE review_queues SET position = ? WHERE id = ?"_s);
    q.addBindValue(std::max(0, position));
    q.addBindValue(queueId);
    return run(q);
}

Status ReviewStore::removeQueue(qint64 queueId) {
    QSqlQuery q(m_project.connection());
    q.prepare(u"DELETE FROM review_queues WHERE id = ?"_s);
    q.addBindValue(queueId);
    if (Status s = run(q); !s)
        return s;
    Q_EMIT queuesChanged();
    return {};
}

Status ReviewStore::searchNotes(const QString& query, QList<NoteHit>* hits, int limit) const {
    hits->clear();
    if (query.trimmed().isEmpty())
        return {};
    QSqlQuery q(m_project.connection());
    q.prepare(u"SELECT n.sample_id, n.reviewer, n.note, "
              "snippet(notes_fts, 0, '[', ']', '…', 12) FROM notes_fts "
              "JOIN notes n ON n.id = notes_fts.rowid WHERE notes_fts MATCH ? "
              "ORDER BY bm25(notes_fts) LIMIT ?"_s);
    q.addBindValue(query.trimmed());
    q.addBindValue(limit);
    if (!q.exec())
        return Status::failure(
            tr("Cannot search the notes for '%1': %2").arg(query, q.lastError().databaseText()));
    while (q.next())
        hits->append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                      q.value(3).toString()});
    return {};
}

QList<qint64> ReviewStore::reviewQueue(const ReviewFilter& filter) const {
    // Not yet answered by this reviewer (the reviewer is bound as :me).
    static const QString unreviewed =
        u" AND NOT EXISTS (SELECT 1 FROM sample_tags t WHERE t.sample_id = s.id AND t.reviewer = "
        u":me)"
        " AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.sample_id = s.id AND d.reviewer = :me)"
        " AND NOT EXISTS (SELECT 1 FROM notes n WHERE n.sample_id = s.id AND n.reviewer = :me)"_s;
    QList<qint64> out;
    QSqlQuery q(m_project.connection());
    q.setForwardOnly(true);
    const std::optional<QList<qint64>> listed =
        filter.queue ? std::optional(queueItems(*filter.queue)) : filter.samples;
    if (listed) {
        // A saved queue keeps its own order (its position is saved); a list of samples (a map
        // selection) can be ranked most synthetic-looking first like any other queue.
        const bool rank = filter.samples && !filter.queue && filter.mostSyntheticFirst;
        if (!filter.onlyUnreviewed && !rank)
            return *listed;
        const QString ids = jsonIdArray(*listed);
        // One statement over the list; json_each's key is the place in the list.
        QString sql = u"SELECT s.id FROM json_each(:ids) j JOIN samples s ON s.id = j.value "
                      "WHERE 1"_s;
        if (filter.onlyUnreviewed)
            sql += unreviewed;
        sql += rank ? u" ORDER BY (SELECT o.synthetic_likeness FROM sample_scores o WHERE "
                      "o.sample_id = s.id AND o.run_id = "_s +
                          kNewestAnalysisRun + u") DESC NULLS LAST, j.key"_s
                    : u" ORDER BY j.key"_s;
        q.prepare(sql);
        q.bindValue(u":ids"_s, ids);
        if (filter.onlyUnreviewed)
            q.bindValue(u":me"_s, m_reviewer);
        if (!q.exec())
            qWarning("review queue: %s", qPrintable(q.lastError().text()));
        while (q.next())
            out.append(q.value(0).toLongLong());
        return out;
    }
    // A group of the newest analysis (any role), or all samples of a role.
    const char* column = filter.skeletonGroup    ? "skeleton_group"
                         : filter.cluster        ? "cluster"
                         : filter.duplicateGroup ? "duplicate_group"
                                                 : nullptr;
    const std::optional<qint64> group = filter.skeletonGroup ? filter.skeletonGroup
                                        : filter.cluster     ? filter.cluster
                                                             : filter.duplicateGroup;
    QString sql = column != nullptr
                      ? u"SELECT s.id FROM samples s JOIN sample_scores g ON g.sample_id = s.id "
                        "AND g.run_id = "_s +
                            kNewestAnalysisRun +
                            u" WHERE g.%1 = :key AND (:corpus = 0 OR s.corpus_id = :corpus)"_s.arg(
                                QLatin1StringView(column))
                      // The corpora first: the samples are then read from samples_by_corpus
                      // alone (a join on the role scanned every row of the table, texts and
                      // all: 0.66 s against 0.09 s for 475,000 of a million samples).
                      : u"SELECT s.id FROM samples s WHERE s.corpus_id IN (SELECT id FROM corpora "
                        "WHERE role = :key AND (:corpus = 0 OR id = :corpus))"_s;
    if (filter.onlyUnreviewed)
        sql += unreviewed;
    sql += filter.mostSyntheticFirst
               ? u" ORDER BY (SELECT o.synthetic_likeness FROM sample_scores o WHERE o.sample_id = "
                 "s.id AND o.run_id = "_s +
                     kNewestAnalysisRun + u") DESC NULLS LAST, s.id"_s
               : u" ORDER BY s.id"_s;
    q.prepare(sql);
    q.bindValue(u":key"_s, group ? QVariant(*group) : QVariant(roleName(filter.role)));
    q.bindValue(u":corpus"_s, filter.corpusId.value_or(0));
    if (filter.onlyUnreviewed)
        q.bindValue(u":me"_s, m_reviewer);
    if (q.exec())
        while (q.next())
            out.append(q.value(0).toLongLong());
    return out;
}

QList<TurnDetail> ReviewStore::turnsOf(qint64 sampleId) const {
    QList<TurnDetail> out;
    QSqlQuery q(m_project.connection());
    q.prepare(u"SELECT role, content FROM turns WHERE sample_id = ? ORDER BY position"_s);
    q.addBindValue(sampleId);
    if (q.exec())
        while (q.next())
            out.append({q.value(0).toString(), q.value(1).toString()});
    return out;
}

QString ReviewStore::originalOf(qint64 sampleId) const {
    QSqlQuery q(m_project.connection());
    q.prepare(u"SELECT original FROM samples WHERE id = ?"_s);
    q.addBindValue(sampleId);
    if (!q.exec() || !q.next())
        return {};
    const QString original = q.value(0).toString();
    const Json parsed = Json::parse(original.toStdString(), nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object())
        return original;
    // Replacement characters, not an exception, for a record that is not valid UTF-8.
    return QString::fromStdString(parsed.dump(2, ' ', false, Json::error_handler_t::replace));
}

std::optional<SampleDetail> ReviewStore::sample(qint64 sampleId) const {
    QSqlQuery q(m_project.connection());
    q.prepare(u"SELECT s.id, s.corpus_id, c.name, c.role, s.text, s.label, s.source_file, "
              "s.source_line, s.generator, s.template_version, s.judge_version, s.round, "
              "coalesce(" SYNTHSCOPE_VIEW_TEXT_SQL ", s.text) "
              "FROM samples s JOIN corpora c ON c.id = s.corpus_id WHERE s.id = ?"_s);
    q.addBindValue(sampleId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    SampleDetail d;
    d.id = q.value(0).toLongLong();
    d.corpusId = q.value(1).toLongLong();
    d.corpusName = q.value(2).toString();
    (void)parseRole(q.value(3).toString(), &d.role);
    d.text = q.value(4).toString();
    d.viewText = q.value(12).toString();
    d.label = q.value(5).toString();
    d.sourceFile = q.value(6).toString();
    d.line = q.value(7).toLongLong();
    const char* keys[] = {"generator", "template_version", "judge_version", "round"};
    for (int i = 0; i < 4; ++i)
        if (const QString v = q.value(8 + i).toString(); !v.isEmpty())
            d.meta.insert(QString::fromLatin1(keys[i]), v);
    QSqlQuery scores(m_project.connection());
    scores.prepare(u"SELECT skeleton_group, perplexity, cluster, duplicate_group, nn_own, "
                   "nn_other, synthetic_likeness FROM sample_scores WHERE sample_id = ? "
                   "AND run_id = "_s +
                   kNewestAnalysisRun);
    scores.addBindValue(sampleId);
    if (scores.exec() && scores.next()) {
        auto integer = [&](int col) {
            return scores.value(col).isNull() ? std::nullopt
                                              : std::optional(scores.value(col).toLongLong());
        };
        auto real = [&](int col) {
            return scores.value(col).isNull() ? std::nullopt
                                              : std::optional(scores.value(col).toDouble());
        };
        d.skeletonGroup = integer(0);
        d.perplexity = real(1);
        d.cluster = integer(2);
        d.duplicateGroup = integer(3);
        d.nnOwn = real(4);
        d.nnOther = real(5);
        d.syntheticLikeness = real(6);
    }
    return d;
}

std::optional<PairDetail> ReviewStore::pairOf(qint64 sampleId) const {
    QSqlQuery q(m_project.connection());
    q.prepare(u"SELECT p.prompt, p.first_sample = ?, o.id, o.text, o.generator, p.prefer_second "
              "FROM preference_pairs p JOIN samples o ON o.id = CASE WHEN p.first_sample = ? "
              "THEN p.second_sample ELSE p.first_sample END "
              "WHERE p.first_sample = ? OR p.second_sample = ?"_s);
    for (int i = 0; i < 4; ++i)
        q.addBindValue(sampleId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    PairDetail d;
    d.prompt = q.value(0).toString();
    d.isFirst = q.value(1).toBool();
    d.otherId = q.value(2).toLongLong();
    d.otherText = q.value(3).toString();
    d.otherGenerator = q.value(4).toString();
    if (!q.value(5).isNull())
        d.preferSecond = q.value(5).toDouble();
    return d;
}

QList<qint64> ReviewStore::pairQueue(qint64 corpusId) const {
    QSqlQuery q(m_project.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT p.second_sample FROM preference_pairs p JOIN samples f ON f.id = "
              "p.first_sample JOIN samples s ON s.id = p.second_sample WHERE f.corpus_id = ? "
              "ORDER BY abs(length(s.text) - length(f.text)) DESC, p.first_sample"_s);
    q.addBindValue(corpusId);
    QList<qint64> ids;
    if (q.exec())
        while (q.next())
            ids.append(q.value(0).toLongLong());
    return ids;
}

QString ReviewStore::preview(qint64 sampleId, int limit) const {
    QSqlQuery q(m_project.connection());
    // The view's part, or the whole text of a sample without it.
    q.prepare(u"SELECT substr(coalesce(" SYNTHSCOPE_VIEW_TEXT_SQL ", s.text), 1, ?) FROM samples s "
              "WHERE s.id = ?"_s);
    q.addBindValue(limit);
    q.addBindValue(sampleId);
    if (q.exec() && q.next())
        return q.value(0).toString().simplified();
    return {};
}

QList<NeighbourDetail> ReviewStore::neighbours(qint64 sampleId) const {
    QList<NeighbourDetail> out;
    QSqlQuery q(m_project.connection());
    q.prepare(u"SELECT n.neighbour_id, n.similarity, c.name, s.text FROM neighbours n "
              "JOIN samples s ON s.id = n.neighbour_id JOIN corpora c ON c.id = s.corpus_id "
              "WHERE n.sample_id = ? AND n.run_id = "_s +
              kNewestAnalysisRun + u" ORDER BY n.rank"_s);
    q.addBindValue(sampleId);
    if (q.exec())
        while (q.next())
            out.append({q.value(0).toLongLong(), q.value(1).toDouble(), q.value(2).toString(),
                        q.value(3).toString(), static_cast<int>(out.size()) + 1});
    return out;
}

} // namespace synthscope::model
