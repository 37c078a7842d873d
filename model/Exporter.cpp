#include "model/Exporter.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFileInfo>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>

#include <map>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

namespace {

// WHERE clause and bind values for a filter (samples s JOIN corpora c).
QString whereClause(const ExportFilter& f, QVariantList* binds) {
    QStringList parts;
    if (f.corpus) {
        parts << u"c.name = ?"_s;
        *binds << *f.corpus;
    }
    if (f.role) {
        parts << u"c.role = ?"_s;
        *binds << roleName(*f.role);
    }
    switch (f.tags) {
    case ExportFilter::Tags::Any:
        break;
    case ExportFilter::Tags::Untagged:
        parts << u"NOT EXISTS (SELECT 1 FROM sample_tags t WHERE t.sample_id = s.id)"_s;
        break;
    case ExportFilter::Tags::Tagged:
        parts << u"EXISTS (SELECT 1 FROM sample_tags t WHERE t.sample_id = s.id)"_s;
        break;
    case ExportFilter::Tags::Named:
        parts << u"EXISTS (SELECT 1 FROM sample_tags t JOIN tags g ON g.id = t.tag_id "
                 "WHERE t.sample_id = s.id AND g.name = ?)"_s;
        *binds << f.tagName;
        break;
    }
    switch (f.decisions) {
    case ExportFilter::Decisions::Any:
        break;
    case ExportFilter::Decisions::Keep:
    case ExportFilter::Decisions::Drop:
        parts
            << u"EXISTS (SELECT 1 FROM decisions d WHERE d.sample_id = s.id AND d.decision = ?)"_s;
        *binds << (f.decisions == ExportFilter::Decisions::Keep ? u"keep"_s : u"drop"_s);
        break;
    case ExportFilter::Decisions::Undecided:
        parts << u"NOT EXISTS (SELECT 1 FROM decisions d WHERE d.sample_id = s.id)"_s;
        break;
    }
    return parts.isEmpty() ? QString() : u" WHERE "_s + parts.join(u" AND "_s);
}

Status checkNames(QSqlDatabase& db, const ExportFilter& f) {
    QSqlQuery q(db);
    if (f.corpus) {
        q.prepare(u"SELECT 1 FROM corpora WHERE name = ?"_s);
        q.addBindValue(*f.corpus);
        if (!q.exec() || !q.next())
            return Status::failure(u"no corpus named '%1'"_s.arg(*f.corpus));
    }
    if (f.tags == ExportFilter::Tags::Named) {
        q.prepare(u"SELECT 1 FROM tags WHERE name = ?"_s);
        q.addBindValue(f.tagName);
        if (!q.exec() || !q.next())
            return Status::failure(u"no tag named '%1'"_s.arg(f.tagName));
    }
    return {};
}

} // namespace

Json ExportFilter::toJson() const {
    Json j = Json::object();
    j["corpus"] = corpus ? Json(corpus->toStdString()) : Json(nullptr);
    j["role"] = role ? Json(roleName(*role).toStdString()) : Json(nullptr);
    switch (tags) {
    case Tags::Any:
        j["tag"] = "any";
        break;
    case Tags::Untagged:
        j["tag"] = "none";
        break;
    case Tags::Tagged:
        j["tag"] = "tagged";
        break;
    case Tags::Named:
        j["tag"] = tagName.toStdString();
        break;
    }
    const char* d[] = {"any", "keep", "drop", "undecided"};
    j["decision"] = d[static_cast<int>(decisions)];
    return j;
}

bool ExportFilter::parseDecision(const QString& word, Decisions* out, QString* error) {
    if (word == "any"_L1)
        *out = Decisions::Any;
    else if (word == "keep"_L1)
        *out = Decisions::Keep;
    else if (word == "drop"_L1)
        *out = Decisions::Drop;
    else if (word == "undecided"_L1)
        *out = Decisions::Undecided;
    else {
        *error = u"unknown decision '%1' (use any, keep, drop or undecided)"_s.arg(word);
        return false;
    }
    return true;
}

void ExportFilter::parseTag(const QString& word, ExportFilter* filter) {
    filter->tagName.clear();
    if (word == "any"_L1)
        filter->tags = Tags::Any;
    else if (word == "none"_L1)
        filter->tags = Tags::Untagged;
    else if (word == "tagged"_L1)
        filter->tags = Tags::Tagged;
    else {
        filter->tags = Tags::Named;
        filter->tagName = word;
    }
}

QString manifestPathFor(const QString& outputPath) {
    return outputPath + u".manifest.json"_s;
}

qint64 countMatching(Project& project, const ExportFilter& filter, QString* error) {
    QSqlDatabase db = project.connection();
    QVariantList binds;
    QSqlQuery q(db);
    q.prepare(u"SELECT count(*) FROM samples s JOIN corpora c ON c.id = s.corpus_id"_s +
              whereClause(filter, &binds));
    for (const QVariant& b : binds)
        q.addBindValue(b);
    if (!q.exec() || !q.next()) {
        if (error != nullptr)
            *error = q.lastError().text();
        return 0;
    }
    return q.value(0).toLongLong();
}

Status exportSamples(Project& project, const ExportFilter& filter, const QString& outputPath,
                     const analysis::Progress& progress, ExportReport* report) {
    *report = ExportReport{};
    QSqlDatabase db = project.connection();
    if (Status s = checkNames(db, filter); !s)
        return s;
    const qint64 total = countMatching(project, filter);

    QSaveFile out(outputPath);
    if (!out.open(QIODevice::WriteOnly))
        return Status::failure(u"%1: cannot write: %2"_s.arg(outputPath, out.errorString()));
    QCryptographicHash sha(QCryptographicHash::Sha256);
    std::map<std::string, qint64> byCorpus;
    std::map<std::string, qint64> byRole;

    QVariantList binds;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT s.original, c.name, c.role, c.format FROM samples s "
              "JOIN corpora c ON c.id = s.corpus_id"_s +
              whereClause(filter, &binds) + u" ORDER BY s.id"_s);
    for (const QVariant& b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return Status::failure(q.lastError().text());
    try {
        while (q.next()) {
            QByteArray line = q.value(0).toString().toUtf8();
            if (line.contains('\n') || line.contains('\r')) {
                // A pretty-printed JSON-array element: same data, one line.
                Json j = Json::parse(line.toStdString(), nullptr, false);
                if (!j.is_discarded())
                    line = QByteArray::fromStdString(j.dump());
            }
            line.append('\n');
            if (out.write(line) != line.size())
                return Status::failure(
                    u"%1: write failed: %2"_s.arg(outputPath, out.errorString()));
            sha.addData(line);
            ++byCorpus[q.value(1).toString().toStdString()];
            ++byRole[q.value(2).toString().toStdString()];
            if (++report->samples % 4096 == 0)
                progress.report(static_cast<double>(report->samples) /
                                    static_cast<double>(std::max<qint64>(total, 1)),
                                "exporting");
        }
        progress.report(1.0, "exporting"); // last chance to cancel
    } catch (const analysis::Cancelled&) {
        out.cancelWriting();
        return Status::failure(u"export cancelled; nothing was written"_s);
    }
    if (!out.commit())
        return Status::failure(u"%1: cannot save: %2"_s.arg(outputPath, out.errorString()));
    report->outputPath = QFileInfo(outputPath).absoluteFilePath();
    report->sha256 = QString::fromLatin1(sha.result().toHex());

    Json manifest = {
        {"synthscope_export", 1},
        {"app_version", SYNTHSCOPE_VERSION},
        {"created_at", QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString()},
        {"project", project.path().toStdString()},
        {"output", QFileInfo(outputPath).fileName().toStdString()},
        {"format", "jsonl"},
        {"records", "original records verbatim, one per line, in project order"},
        {"sha256", report->sha256.toStdString()},
        {"filter", filter.toJson()},
        {"counts", {{"samples", report->samples}, {"by_corpus", byCorpus}, {"by_role", byRole}}},
    };
    report->manifestPath = manifestPathFor(report->outputPath);
    QSaveFile mf(report->manifestPath);
    if (!mf.open(QIODevice::WriteOnly))
        return Status::failure(
            u"%1: cannot write: %2"_s.arg(report->manifestPath, mf.errorString()));
    const QByteArray bytes = QByteArray::fromStdString(manifest.dump(2) + "\n");
    mf.write(bytes);
    if (!mf.commit())
        return Status::failure(
            u"%1: cannot save: %2"_s.arg(report->manifestPath, mf.errorString()));
    return {};
}

} // namespace synthscope::model
