#include "model/Exporter.h"

#include "model/Gate.h"
#include "model/ProjectStore.h"
#include "model/Sources.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFileInfo>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>

#include <map>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

namespace {
/// The translation context of this file's messages (lupdate reads the macro).
struct ExporterText {
    Q_DECLARE_TR_FUNCTIONS(synthscope::model::Exporter)
};
} // namespace

namespace {

// WHERE clause and bind values for a filter (samples s JOIN corpora c).
QString whereClause(const ExportFilter& f, AnalysisView view, QVariantList* binds) {
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
    if (f.decisions != ExportFilter::Decisions::Any) {
        const bool keep = f.decisions == ExportFilter::Decisions::Keep;
        const bool undecided = f.decisions == ExportFilter::Decisions::Undecided;
        switch (f.decisionSource) {
        case ExportFilter::DecisionSource::Majority:
            // keeps minus drops over every reviewer's decision on the sample
            parts << u"coalesce((SELECT sum(d.decision = 'keep') - sum(d.decision = 'drop') "
                     "FROM decisions d WHERE d.sample_id = s.id), 0) %1 0"_s.arg(undecided ? u"="_s
                                                                                 : keep    ? u">"_s
                                                                                        : u"<"_s);
            break;
        case ExportFilter::DecisionSource::Reviewer:
        case ExportFilter::DecisionSource::Anyone: {
            const bool byReviewer = f.decisionSource == ExportFilter::DecisionSource::Reviewer;
            const QString who = byReviewer ? u" AND d.reviewer = ?"_s : QString();
            if (undecided) {
                parts << u"NOT EXISTS (SELECT 1 FROM decisions d WHERE d.sample_id = s.id%1)"_s.arg(
                    who);
            } else {
                parts << u"EXISTS (SELECT 1 FROM decisions d WHERE d.sample_id = s.id%1 "
                         "AND d.decision = ?)"_s.arg(who);
            }
            if (byReviewer)
                *binds << f.reviewer;
            if (!undecided)
                *binds << (keep ? u"keep"_s : u"drop"_s);
            break;
        }
        }
    }
    const auto groups = [&](const GroupSelection& g, const char* column) {
        if (!g.active())
            return;
        QStringList ids;
        for (qint64 id : g.ids)
            ids << QString::number(id);
        const QString list = ids.join(u", "_s);
        const QString col = u"g."_s + QLatin1StringView(column);
        parts << (g.exclude ? u"(%1 IS NULL OR %1 NOT IN (%2))"_s.arg(col, list)
                            : u"%1 IN (%2)"_s.arg(col, list));
    };
    groups(f.clusters, "cluster");
    groups(f.skeletonGroups, "skeleton_group");
    if (f.onePerDuplicateGroup)
        parts << u"(g.duplicate_group IS NULL OR s.id = (SELECT min(o.sample_id) FROM "
                 "sample_scores o WHERE o.run_id = g.run_id AND o.duplicate_group = "
                 "g.duplicate_group))"_s;
    const auto bound = [&](const std::optional<double>& v, const char* column, const char* op) {
        if (!v)
            return;
        parts << u"(g.%1 IS NULL OR g.%1 %2 ?)"_s.arg(QLatin1StringView(column),
                                                      QLatin1StringView(op));
        *binds << *v;
    };
    // Outside the 'all' view the samples that have its part: those its analysis scored (in 'all'
    // no condition on the text columns: the count stays a scan of the covering index).
    if (view != AnalysisView::All)
        parts << u"s.%1 IS NOT NULL"_s.arg(viewColumn(view));
    bound(f.maxSyntheticLikeness, "synthetic_likeness", "<=");
    bound(f.maxNnSimilarity, "nn_own", "<=");
    bound(f.minPerplexity, "perplexity", ">=");
    bound(f.maxPerplexity, "perplexity", "<=");
    return parts.isEmpty() ? QString() : u" WHERE "_s + parts.join(u" AND "_s);
}

// Samples with their corpus and their scores in the newest analysis.
const QString kFrom =
    u" FROM samples s JOIN corpora c ON c.id = s.corpus_id LEFT JOIN sample_scores g ON "
    "g.sample_id = s.id AND g.run_id = "_s +
    kNewestAnalysisRun;

// What the manifest says about the data beyond the slice itself (Gebru et al. 2021,
// "Datasheets for Datasets"): where each corpus came from, how it measured, how the red
// lines stood and who reviewed it, all at export time.
Json datasheet(Project& project) {
    ProjectStore store(project);
    Json sheet = Json::object();
    Json sources = Json::array();
    for (const CorpusInfo& c : store.corpora()) {
        Json files = Json::array();
        for (const QString& f : c.files)
            files.push_back(f.toStdString());
        sources.push_back({{"corpus", c.name.toStdString()},
                           {"role", roleName(c.role).toStdString()},
                           {"samples", c.samples},
                           {"rejected_rows", c.rejected},
                           {"imported_at", c.importedAt.toStdString()},
                           {"provenance", c.provenanceText().toStdString()},
                           {"sampling", c.samplingJson()},
                           {"files", files}});
    }
    sheet["collection"] = sources;
    if (const std::optional<StoredAnalysis> a = store.latestAnalysis();
        a && !a->damaged.isEmpty()) {
        sheet["metrics"] = {{"analysis_run", a->runId}, {"damaged", a->damaged.toStdString()}};
    } else if (a) {
        Json perCorpus = Json::object();
        for (const CorpusMetrics& c : a->corpora) {
            Json values = Json::object();
            for (auto it = c.values.cbegin(); it != c.values.cend(); ++it)
                values[it.key().toStdString()] = it.value();
            perCorpus[c.name.toStdString()] = values;
        }
        Json comparison = Json::object();
        for (auto it = a->comparison.cbegin(); it != a->comparison.cend(); ++it)
            comparison[it.key().toStdString()] = it.value();
        sheet["metrics"] = {{"analysis_run", a->runId},
                            {"view", viewName(a->view).toStdString()},
                            {"finished_at", a->finishedAt.toStdString()},
                            {"stale", a->stale},
                            {"per_corpus", perCorpus},
                            {"real_vs_synthetic", comparison}};
        QList<RedLine> rules;
        QList<RedLineResult> results;
        if (parseRedLines(projectRedLinesJson(project), &rules) &&
            evaluateRedLines(project, rules, &results)) {
            Json list = Json::array();
            for (const RedLineResult& r : results)
                list.push_back({{"id", r.rule.id.toStdString()},
                                {"status", gateStatusName(r.status).toStdString()},
                                {"value", r.value ? Json(*r.value) : Json(nullptr)},
                                {"detail", r.detail.toStdString()},
                                {"action", r.rule.action.toStdString()}});
            sheet["red_lines"] = {{"status", gateStatusName(overallStatus(results)).toStdString()},
                                  {"rules", list}};
        }
    } else {
        sheet["metrics"] = nullptr;
    }
    // Which generators, templates and judges wrote the synthetic side, and how much of each
    // people read (chapter 17, Table 17-3: data source, manual review).
    sheet["sources"] = sourcesJson(project);
    Json reviewers = Json::object();
    QSqlQuery q(project.connection());
    if (q.exec(u"SELECT reviewer, sum(decision = 'keep'), sum(decision = 'drop') FROM decisions "
               "GROUP BY reviewer ORDER BY reviewer"_s))
        while (q.next())
            reviewers[q.value(0).toString().toStdString()] = {{"keep", q.value(1).toLongLong()},
                                                              {"drop", q.value(2).toLongLong()}};
    sheet["review"] = {{"decisions_by_reviewer", reviewers}};
    return sheet;
}

Status checkNames(QSqlDatabase& db, const ExportFilter& f) {
    QSqlQuery q(db);
    if (f.corpus) {
        q.prepare(u"SELECT 1 FROM corpora WHERE name = ?"_s);
        q.addBindValue(*f.corpus);
        if (!q.exec() || !q.next())
            return Status::failure(ExporterText::tr("no corpus named '%1'").arg(*f.corpus));
    }
    if (f.decisionSource == ExportFilter::DecisionSource::Reviewer) {
        q.prepare(u"SELECT 1 FROM decisions WHERE reviewer = ? LIMIT 1"_s);
        q.addBindValue(f.reviewer);
        if (!q.exec() || !q.next())
            return Status::failure(
                ExporterText::tr("no decisions by a reviewer named '%1'").arg(f.reviewer));
    }
    if (f.tags == ExportFilter::Tags::Named) {
        q.prepare(u"SELECT 1 FROM tags WHERE name = ?"_s);
        q.addBindValue(f.tagName);
        if (!q.exec() || !q.next())
            return Status::failure(ExporterText::tr("no tag named '%1'").arg(f.tagName));
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
    const char* by[] = {"anyone", "reviewer", "majority"};
    j["decided_by"] = decisionSource == DecisionSource::Reviewer
                          ? Json(reviewer.toStdString())
                          : Json(by[static_cast<int>(decisionSource)]);
    const auto groups = [](const GroupSelection& g) {
        Json ids = Json::array();
        for (qint64 id : g.ids)
            ids.push_back(id + 1); // as shown
        return g.active() ? Json({{g.exclude ? "exclude" : "only", ids}}) : Json(nullptr);
    };
    j["clusters"] = groups(clusters);
    j["skeleton_groups"] = groups(skeletonGroups);
    j["one_per_duplicate_group"] = onePerDuplicateGroup;
    const auto opt = [](const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); };
    j["max_synthetic_likeness"] = opt(maxSyntheticLikeness);
    j["max_nn_similarity"] = opt(maxNnSimilarity);
    j["min_perplexity"] = opt(minPerplexity);
    j["max_perplexity"] = opt(maxPerplexity);
    return j;
}

bool ExportFilter::parseGroups(const QString& text, QList<qint64>* ids, QString* error) {
    ids->clear();
    for (const QString& part : text.split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const qint64 n = part.trimmed().toLongLong(&ok);
        if (!ok || n < 1) {
            if (error != nullptr)
                *error =
                    ExporterText::tr("'%1' is not a group number (1, 2, …)").arg(part.trimmed());
            return false;
        }
        ids->append(n - 1);
    }
    return true;
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
        *error =
            ExporterText::tr("unknown decision '%1' (use any, keep, drop or undecided)").arg(word);
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

QString excludedPathFor(const QString& outputPath) {
    return outputPath + u".excluded.jsonl"_s;
}

QString manifestPathFor(const QString& outputPath) {
    return outputPath + u".manifest.json"_s;
}

qint64 countMatching(Project& project, const ExportFilter& filter, QString* error) {
    QSqlDatabase db = project.connection();
    QVariantList binds;
    QSqlQuery q(db);
    q.prepare(u"SELECT count(*)"_s + kFrom + whereClause(filter, project.view(), &binds));
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
    // One snapshot for the count, the slice, the excluded list and the datasheet: an analysis
    // committing beside the export is not seen halfway.
    const ReadSnapshot snapshot(db);
    if (!snapshot.status())
        return snapshot.status();
    if (Status s = checkNames(db, filter); !s)
        return s;
    if (filter.analysisRun && (filter.clusters.active() || filter.skeletonGroups.active())) {
        std::optional<qint64> newest;
        if (Status s = newestAnalysisRun(db, &newest); !s)
            return s;
        if (newest != filter.analysisRun)
            return Status::failure(ExporterText::tr(
                "the analyses were run again after this export was set up, so its cluster and "
                "skeleton group numbers may name other groups now; open Export again"));
    }
    const qint64 total = countMatching(project, filter);

    QSaveFile out(outputPath);
    if (!out.open(QIODevice::WriteOnly))
        return Status::failure(
            ExporterText::tr("%1: cannot write: %2").arg(outputPath, out.errorString()));
    QCryptographicHash sha(QCryptographicHash::Sha256);
    std::map<std::string, qint64> byCorpus;
    std::map<std::string, qint64> byRole;
    std::vector<qint64> exported; // ascending (ORDER BY s.id)

    QVariantList binds;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // The last column: for the second output of a preference pair, the pair's first sample.
    q.prepare(u"SELECT s.original, c.name, c.role, c.format, s.id, (SELECT p.first_sample FROM "
              "preference_pairs p WHERE p.second_sample = s.id)"_s +
              kFrom + whereClause(filter, project.view(), &binds) + u" ORDER BY s.id"_s);
    for (const QVariant& b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return Status::failure(q.lastError().text());
    try {
        while (q.next()) {
            const qint64 id = q.value(4).toLongLong();
            // Both outputs of a pair carry the pair's record: write it once, with the first.
            const bool sameRecord = !q.value(5).isNull() && !exported.empty() &&
                                    exported.back() == q.value(5).toLongLong();
            exported.push_back(id);
            ++byCorpus[q.value(1).toString().toStdString()];
            ++byRole[q.value(2).toString().toStdString()];
            if (++report->samples % 4096 == 0)
                progress.report(static_cast<double>(report->samples) /
                                    static_cast<double>(std::max<qint64>(total, 1)),
                                "exporting");
            if (sameRecord)
                continue;
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
                    ExporterText::tr("%1: write failed: %2").arg(outputPath, out.errorString()));
            sha.addData(line);
            ++report->records;
        }
        progress.report(1.0, "exporting"); // last chance to cancel
    } catch (const analysis::Cancelled&) {
        out.cancelWriting();
        return Status::failure(ExporterText::tr("export cancelled; nothing was written"));
    }
    // The samples left out, so the complement of the slice is explicit too.
    report->excludedPath = excludedPathFor(outputPath);
    QSaveFile excluded(report->excludedPath);
    if (!excluded.open(QIODevice::WriteOnly))
        return Status::failure(ExporterText::tr("%1: cannot write: %2")
                                   .arg(report->excludedPath, excluded.errorString()));
    QSqlQuery all(db);
    all.setForwardOnly(true);
    if (!all.exec(u"SELECT s.id, c.name, s.source_file, s.source_line FROM samples s "
                  "JOIN corpora c ON c.id = s.corpus_id ORDER BY s.id"_s))
        return Status::failure(all.lastError().text());
    auto next = exported.cbegin();
    while (all.next()) {
        const qint64 id = all.value(0).toLongLong();
        while (next != exported.cend() && *next < id)
            ++next;
        if (next != exported.cend() && *next == id)
            continue;
        const Json row = {{"id", id},
                          {"corpus", all.value(1).toString().toStdString()},
                          {"file", QFileInfo(all.value(2).toString()).fileName().toStdString()},
                          {"line", all.value(3).toLongLong()}};
        excluded.write(QByteArray::fromStdString(row.dump() + "\n"));
        ++report->excluded;
    }
    if (!out.commit())
        return Status::failure(
            ExporterText::tr("%1: cannot save: %2").arg(outputPath, out.errorString()));
    if (!excluded.commit())
        return Status::failure(ExporterText::tr("%1: cannot save: %2")
                                   .arg(report->excludedPath, excluded.errorString()));
    report->outputPath = QFileInfo(outputPath).absoluteFilePath();
    report->sha256 = QString::fromLatin1(sha.result().toHex());

    Json manifest = {
        {"synthscope_export", 1},
        {"app_version", SYNTHSCOPE_VERSION},
        {"created_at", QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString()},
        {"project", project.path().toStdString()},
        {"output", QFileInfo(outputPath).fileName().toStdString()},
        {"format", "jsonl"},
        {"records", "original records verbatim, one per line, in project order (a preference "
                    "pair's record once when either of its two samples matches; it holds both)"},
        {"sha256", report->sha256.toStdString()},
        {"filter", filter.toJson()},
        {"counts",
         {{"samples", report->samples},
          {"records", report->records},
          {"by_corpus", byCorpus},
          {"by_role", byRole},
          {"excluded", report->excluded}}},
        {"excluded_ids", QFileInfo(report->excludedPath).fileName().toStdString()},
        {"datasheet", datasheet(project)},
    };
    report->manifestPath = manifestPathFor(report->outputPath);
    QSaveFile mf(report->manifestPath);
    if (!mf.open(QIODevice::WriteOnly))
        return Status::failure(
            ExporterText::tr("%1: cannot write: %2").arg(report->manifestPath, mf.errorString()));
    const QByteArray bytes = QByteArray::fromStdString(manifest.dump(2) + "\n");
    mf.write(bytes);
    if (!mf.commit())
        return Status::failure(
            ExporterText::tr("%1: cannot save: %2").arg(report->manifestPath, mf.errorString()));
    return {};
}

} // namespace synthscope::model
