#include "model/ReviewStore.h"

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

Status ReviewStore::removeTag(qint64 id) {
    QSqlQuery q(m_project.connection());
    q.prepare(u"DELETE FROM tags WHERE id = ?"_s);
    q.addBindValue(id);
    if (Status s = run(q); !s)
        return s;
    Q_EMIT tagsChanged();
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
    q.prepare(u"SELECT tag_id FROM sample_tags WHERE sample_id = ?"_s);
    q.addBindValue(sampleId);
    if (q.exec())
        while (q.next())
            r.tagIds.insert(q.value(0).toLongLong());
    q.prepare(u"SELECT decision FROM decisions WHERE sample_id = ?"_s);
    q.addBindValue(sampleId);
    if (q.exec() && q.next())
        r.decision = q.value(0).toString() == "keep"_L1 ? Decision::Keep : Decision::Drop;
    q.prepare(u"SELECT note FROM notes WHERE sample_id = ?"_s);
    q.addBindValue(sampleId);
    if (q.exec() && q.next())
        r.note = q.value(0).toString();
    return r;
}

Status ReviewStore::setTag(qint64 sampleId, qint64 tagId, bool on) {
    QSqlQuery q(m_project.connection());
    if (on) {
        q.prepare(u"INSERT INTO sample_tags (sample_id, tag_id, reviewer, created_at) "
                  "VALUES (?, ?, ?, ?) ON CONFLICT(sample_id, tag_id) DO NOTHING"_s);
        q.addBindValue(sampleId);
        q.addBindValue(tagId);
        q.addBindValue(m_reviewer);
        q.addBindValue(now());
    } else {
        q.prepare(u"DELETE FROM sample_tags WHERE sample_id = ? AND tag_id = ?"_s);
        q.addBindValue(sampleId);
        q.addBindValue(tagId);
    }
    return writeAnswer(q, sampleId);
}

Status ReviewStore::setDecision(qint64 sampleId, Decision decision) {
    QSqlQuery q(m_project.connection());
    if (decision == Decision::None) {
        q.prepare(u"DELETE FROM decisions WHERE sample_id = ?"_s);
        q.addBindValue(sampleId);
    } else {
        q.prepare(u"INSERT INTO decisions (sample_id, decision, reviewer, updated_at) "
                  "VALUES (?, ?, ?, ?) ON CONFLICT(sample_id) DO UPDATE SET "
                  "decision = excluded.decision, reviewer = excluded.reviewer, "
                  "updated_at = excluded.updated_at"_s);
        q.addBindValue(sampleId);
        q.addBindValue(decisionName(decision));
        q.addBindValue(m_reviewer);
        q.addBindValue(now());
    }
    return writeAnswer(q, sampleId);
}

Status ReviewStore::setNote(qint64 sampleId, const QString& note) {
    QSqlQuery q(m_project.connection());
    if (note.trimmed().isEmpty()) {
        q.prepare(u"DELETE FROM notes WHERE sample_id = ?"_s);
        q.addBindValue(sampleId);
    } else {
        q.prepare(u"INSERT INTO notes (sample_id, note, reviewer, updated_at) VALUES (?, ?, ?, ?) "
                  "ON CONFLICT(sample_id) DO UPDATE SET note = excluded.note, "
                  "reviewer = excluded.reviewer, updated_at = excluded.updated_at"_s);
        q.addBindValue(sampleId);
        q.addBindValue(note);
        q.addBindValue(m_reviewer);
        q.addBindValue(now());
    }
    return writeAnswer(q, sampleId);
}

QList<qint64> ReviewStore::reviewQueue(const ReviewFilter& filter) const {
    static const QString unreviewed =
        u" AND NOT EXISTS (SELECT 1 FROM sample_tags t WHERE t.sample_id = s.id)"
        " AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.sample_id = s.id)"
        " AND NOT EXISTS (SELECT 1 FROM notes n WHERE n.sample_id = s.id)"_s;
    QList<qint64> out;
    QSqlQuery q(m_project.connection());
    q.setForwardOnly(true);
    if (filter.samples) {
        if (!filter.onlyUnreviewed)
            return *filter.samples;
        q.prepare(u"SELECT s.id FROM samples s WHERE s.id = ?"_s + unreviewed);
        for (qint64 id : *filter.samples) {
            q.bindValue(0, id);
            if (q.exec() && q.next())
                out.append(id);
        }
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
    QString sql =
        column != nullptr
            ? u"SELECT s.id FROM samples s JOIN sample_scores g ON g.sample_id = s.id "
              "AND g.run_id = (SELECT max(id) FROM runs WHERE kind = 'analysis') "
              "WHERE g.%1 = ? AND (? = 0 OR s.corpus_id = ?)"_s.arg(QLatin1StringView(column))
            : u"SELECT s.id FROM samples s JOIN corpora c ON c.id = s.corpus_id "
              "WHERE c.role = ? AND (? = 0 OR s.corpus_id = ?)"_s;
    if (filter.onlyUnreviewed)
        sql += unreviewed;
    sql += filter.mostSyntheticFirst
               ? u" ORDER BY (SELECT o.synthetic_likeness FROM sample_scores o WHERE o.sample_id = "
                 "s.id AND o.run_id = (SELECT max(id) FROM runs WHERE kind = 'analysis')) DESC "
                 "NULLS LAST, s.id"_s
               : u" ORDER BY s.id"_s;
    q.prepare(sql);
    if (group)
        q.addBindValue(*group);
    else
        q.addBindValue(roleName(filter.role));
    q.addBindValue(filter.corpusId.value_or(0));
    q.addBindValue(filter.corpusId.value_or(0));
    if (q.exec())
        while (q.next())
            out.append(q.value(0).toLongLong());
    return out;
}

std::optional<SampleDetail> ReviewStore::sample(qint64 sampleId) const {
    QSqlQuery q(m_project.connection());
    q.prepare(u"SELECT s.id, s.corpus_id, c.name, c.role, s.text, s.label, s.source_file, "
              "s.source_line, s.generator, s.template_version, s.judge_version, s.round "
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
                   "AND run_id = (SELECT max(id) FROM runs WHERE kind = 'analysis')"_s);
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

QString ReviewStore::preview(qint64 sampleId, int limit) const {
    QSqlQuery q(m_project.connection());
    q.prepare(u"SELECT substr(text, 1, ?) FROM samples WHERE id = ?"_s);
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
              "WHERE n.sample_id = ? ORDER BY n.rank"_s);
    q.addBindValue(sampleId);
    if (q.exec())
        while (q.next())
            out.append({q.value(0).toLongLong(), q.value(1).toDouble(), q.value(2).toString(),
                        q.value(3).toString()});
    return out;
}

} // namespace synthscope::model
