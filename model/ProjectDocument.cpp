#include "model/ProjectDocument.h"

#include "model/Report.h"
#include "model/SimilarText.h"

#include "model/Analyzer.h"

#include <QFileInfo>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

Status ProjectDocument::open(const QString& path, Project::OpenMode mode, const QString& reviewer,
                             std::unique_ptr<ProjectDocument>* document) {
    std::shared_ptr<Project> project;
    if (Status s = Project::open(path, mode, &project); !s)
        return s;
    document->reset(new ProjectDocument(std::move(project), reviewer));
    return {};
}

ProjectDocument::ProjectDocument(std::shared_ptr<Project> project, const QString& reviewer)
    : m_project(std::move(project))
    , m_store(*m_project)
    , m_review(*m_project, reviewer) {
    // Every job's worker thread lets go of its database connection when the job ends, on
    // every path (success, error, exception, cancel).
    m_jobs.setThreadCleanup([project = m_project]() { project->releaseThreadConnection(); });
    // Samples imported or removed: the "similar to this text" index is fitted again (ids are
    // reused after a removal, so a count and the largest id cannot tell).
    connect(this, &ProjectDocument::corporaChanged, this, [this]() {
        m_similar.reset();
        m_similarSignature.clear();
        ++m_similarGeneration; // a Similar job running now must not cache its index
    });
    // The gate reads the answers, the tags and the corpora (the analysis: reloadAnalysis).
    connect(this, &ProjectDocument::corporaChanged, this, &ProjectDocument::markGateStale);
    connect(&m_review, &ReviewStore::reviewChanged, this, &ProjectDocument::markGateStale);
    connect(&m_review, &ReviewStore::reviewsChanged, this, &ProjectDocument::markGateStale);
    connect(&m_review, &ReviewStore::tagsChanged, this, &ProjectDocument::markGateStale);
    // Answers reach the map's points in place: a reviewer's key press no longer reloads a
    // million points.
    connect(&m_review, &ReviewStore::reviewChanged, this,
            [this](qint64 sampleId) { refreshMapReview({sampleId}); });
    connect(&m_review, &ReviewStore::reviewsChanged, this, &ProjectDocument::refreshMapReview);
    // A tag removed (or back by undo): the points that showed it read their first tag again.
    // Only a removal sends the scan over every point (a million at most); a tag added,
    // renamed or given a hotkey changes no point, one put back arrives as reviewsChanged.
    for (const TagDef& t : m_review.tags())
        m_tagIds.insert(t.id);
    connect(&m_review, &ReviewStore::tagsChanged, this, [this]() {
        QSet<qint64> tags;
        for (const TagDef& t : m_review.tags())
            tags.insert(t.id);
        const QSet<qint64> removed = QSet<qint64>(m_tagIds).subtract(tags);
        m_tagIds = tags;
        if (!m_map || removed.isEmpty())
            return;
        QList<qint64> stale;
        for (std::size_t i = 0; i < m_map->size(); ++i)
            if (m_map->firstTag[i] >= 0 && removed.contains(m_map->firstTag[i]))
                stale.append(m_map->ids[i]);
        refreshMapReview(stale);
    });
    reloadAnalysis();
}

void ProjectDocument::refreshMapReview(const QList<qint64>& sampleIds) {
    if (m_jobs.isBusy(JobRunner::Kind::Map)) {
        // The load may have read these samples before the answer: patch its points too.
        m_mapReviewDuringLoad.append(sampleIds);
        if (m_mapReviewDuringLoad.size() > kMapPatchLimit)
            m_mapReviewDuringLoad.resize(kMapPatchLimit + 1); // enough to know it is too many
    }
    if (!m_map || sampleIds.isEmpty())
        return;
    if (sampleIds.size() > kMapPatchLimit) {
        Q_EMIT mapReviewChanged(false);
        return;
    }
    if (patchMapReview(*m_map, sampleIds))
        Q_EMIT mapReviewChanged(true);
}

bool ProjectDocument::patchMapReview(MapPoints& points, const QList<qint64>& sampleIds) const {
    bool changed = false;
    for (const MapReview& r : m_store.mapReview(sampleIds)) {
        // The points are in ascending id order (mapPoints' ORDER BY).
        const auto it = std::lower_bound(points.ids.begin(), points.ids.end(), r.sampleId);
        if (it == points.ids.end() || *it != r.sampleId)
            continue; // imported after the analysis: not on the map
        const auto i = static_cast<std::size_t>(it - points.ids.begin());
        changed = changed || points.firstTag[i] != r.firstTag || points.decision[i] != r.decision;
        points.firstTag[i] = r.firstTag;
        points.decision[i] = r.decision;
    }
    return changed;
}

ProjectDocument::~ProjectDocument() {
    m_jobs.cancelAll(); // the gate too: closing never waits for a judging to finish
    m_jobs.waitForDone();
}

void ProjectDocument::whenFinished(quint64 jobId,
                                   std::function<void(JobRunner::Outcome, const QString&)> then) {
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(
        &m_jobs, &JobRunner::finished, this,
        [jobId, connection, then = std::move(then)](
            quint64 id, const QString&, JobRunner::Outcome outcome, const QString& message) {
            if (id != jobId)
                return;
            QObject::disconnect(*connection);
            then(outcome, outcome == JobRunner::Outcome::Cancelled && message.isEmpty()
                              ? tr("Cancelled.")
                              : message);
        });
}

Status ProjectDocument::setView(AnalysisView view) {
    if (view == m_project->view())
        return {};
    for (JobRunner::Kind kind : {JobRunner::Kind::Export, JobRunner::Kind::Report,
                                 JobRunner::Kind::Layout, JobRunner::Kind::Concept})
        if (m_jobs.isBusy(kind))
            return Status::failure(
                tr("Wait for the running export, report, layout or concept to finish before "
                   "switching what is analysed: it reads the current view's results."));
    m_project->setView(view);
    reloadAnalysis();
    return {};
}

QString ProjectDocument::viewTitle(AnalysisView view) {
    switch (view) {
    case AnalysisView::All:
        break;
    case AnalysisView::Prompts:
        return tr("Prompts");
    case AnalysisView::Responses:
        return tr("Responses");
    }
    return tr("Whole texts");
}

void ProjectDocument::reloadAnalysis(bool gateJudgesIt) {
    m_analysis = m_store.latestAnalysis();
    markGateStale();
    if (gateJudgesIt && m_gate && m_analysis && m_gate->runId == m_analysis->runId)
        m_gateJudged = m_gateGeneration; // the verdict judged exactly this run: not again
    Q_EMIT analysisChanged();
}

Status ProjectDocument::dropUnreadableAnalysis() {
    if (!m_analysis || m_analysis->damaged.isEmpty())
        return Status::failure(tr("The newest analysis can be read: there is nothing to drop."));
    if (m_jobs.isBusy())
        return Status::failure(tr("Wait for the running job to finish."));
    if (Status s = dropAnalysisRun(*m_project, m_analysis->runId); !s)
        return s;
    reloadAnalysis();
    return {};
}

void ProjectDocument::corpusEdited() {
    Q_EMIT corporaChanged();
    reloadAnalysis();
}

CorpusEditCommand::Hooks ProjectDocument::corpusEditHooks() {
    return {
        .refuse = [this]() -> QString {
            return m_jobs.isWriting() ? tr("wait for the running import or analysis to finish")
                                      : QString();
        },
        .done =
            [this](const Status& outcome) {
                corpusEdited();
                if (!outcome)
                    Q_EMIT jobReport(
                        tr("Undo or redo of a corpus edit"), JobRunner::Outcome::Failed,
                        tr("Not done, and dropped from the undo history: %1").arg(outcome.error()));
            }};
}

Status ProjectDocument::renameCorpus(qint64 corpusId, const QString& name) {
    if (m_jobs.isWriting())
        return Status::failure(tr("Wait for the running import or analysis to finish."));
    QString before;
    for (const CorpusInfo& c : m_store.corpora())
        if (c.id == corpusId)
            before = c.name;
    if (Status s = model::renameCorpus(*m_project, corpusId, name); !s)
        return s;
    if (before == name.trimmed())
        return {};
    m_undo.push(new CorpusEditCommand(*m_project, corpusId, CorpusEditCommand::Field::Name, before,
                                      name.trimmed(), corpusEditHooks()));
    corpusEdited();
    return {};
}

Status ProjectDocument::setCorpusRole(qint64 corpusId, Role role) {
    if (m_jobs.isWriting())
        return Status::failure(tr("Wait for the running import or analysis to finish."));
    std::optional<Role> before;
    for (const CorpusInfo& c : m_store.corpora())
        if (c.id == corpusId)
            before = c.role;
    if (Status s = model::setCorpusRole(*m_project, corpusId, role); !s)
        return s;
    if (before == role)
        return {};
    m_undo.push(new CorpusEditCommand(*m_project, corpusId, CorpusEditCommand::Field::Role,
                                      roleName(before.value_or(Role::Real)), roleName(role),
                                      corpusEditHooks()));
    corpusEdited();
    return {};
}

void ProjectDocument::startRemoveCorpus(qint64 corpusId, const QString& name) {
    std::shared_ptr<Project> project = m_project;
    const QString title = tr("Remove corpus “%1”").arg(name);
    whenFinished(m_jobs.start(JobRunner::Kind::Import, title,
                              [project, corpusId](const analysis::Progress& progress) {
                                  return removeCorpus(*project, corpusId, progress).error();
                              }),
                 [this, title, name](JobRunner::Outcome outcome, const QString& message) {
                     const bool ok = outcome == JobRunner::Outcome::Succeeded;
                     if (ok) {
                         // Steps on the stack may name samples that no longer exist.
                         m_undo.clear();
                         corpusEdited();
                     }
                     Q_EMIT jobReport(title, outcome,
                                      ok ? tr("Corpus “%1” removed; run the analyses again "
                                              "(Ctrl+R).")
                                               .arg(name)
                                         : message);
                 });
}

void ProjectDocument::startImport(const ImportSpec& spec, bool analyzeAfterwards) {
    std::shared_ptr<Project> project = m_project;
    auto report = std::make_shared<ImportReport>();
    const QString title = tr("Import “%1”").arg(spec.corpusName);
    whenFinished(m_jobs.start(JobRunner::Kind::Import, title,
                              [project, spec, report](const analysis::Progress& progress) {
                                  Status s = importCorpus(*project, spec, progress, report.get());
                                  return s.error();
                              }),
                 [this, title, report, analyzeAfterwards, spec](JobRunner::Outcome outcome,
                                                                const QString& message) {
                     const bool ok = outcome == JobRunner::Outcome::Succeeded;
                     if (ok) {
                         Q_EMIT corporaChanged();
                         // The newest analysis no longer covers every corpus: every view that
                         // shows results says so (it used to look current until the next run).
                         reloadAnalysis();
                         QString text = tr("%1 rows read: %2 stored, %3 rejected.")
                                            .arg(report->rowsIn)
                                            .arg(report->stored)
                                            .arg(report->rejected);
                         switch (duplicateIdNote(spec, *report)) {
                         case DuplicateIdNote::None:
                             break;
                         case DuplicateIdNote::NoneImported:
                             text += u' ' + tr("No stored record has the duplicate-cluster "
                                               "field “%1”: no id was imported.")
                                                .arg(QString::fromStdString(
                                                    spec.mapping.duplicateClusterField));
                             break;
                         case DuplicateIdNote::Imported:
                             text += u' ' + tr("%n samples carry a duplicate-cluster id.", nullptr,
                                               static_cast<int>(report->duplicateClusterIds));
                             break;
                         }
                         Q_EMIT jobReport(title, outcome, text);
                         if (analyzeAfterwards)
                             startAnalysis();
                     } else {
                         Q_EMIT jobReport(title, outcome, message);
                     }
                 });
}

void ProjectDocument::startAnalysis(const analysis::AnalysisParams& requested,
                                    std::optional<AnalysisView> chosenView) {
    std::shared_ptr<Project> project = m_project;
    analysis::AnalysisParams params = requested;
    if (params.similarity.embeddingSource == kBuiltInEmbedding)
        if (const QString chosen = analysisEmbeddingSource(*m_project); !chosen.isEmpty())
            params.similarity.embeddingSource = chosen.toStdString();
    const AnalysisView view = chosenView.value_or(m_project->view());
    const QString title =
        view == AnalysisView::All ? tr("Analyse") : tr("Analyse %1").arg(viewTitle(view).toLower());
    whenFinished(m_jobs.start(JobRunner::Kind::Analysis, title,
                              [project, view, params](const analysis::Progress& progress) {
                                  Status s = runAnalysis(*project, view, params, progress, nullptr);
                                  return s.error();
                              }),
                 [this, title, view](JobRunner::Outcome outcome, const QString& message) {
                     const bool ok = outcome == JobRunner::Outcome::Succeeded;
                     if (ok)
                         reloadAnalysis();
                     Q_EMIT jobReport(
                         title, outcome,
                         !ok ? message
                         : view == AnalysisView::All
                             ? tr("Analyses are up to date.")
                             : tr("The %1 are analysed.").arg(viewTitle(view).toLower()));
                 });
}

void ProjectDocument::startEmbedding(const EmbeddingSpec& spec) {
    std::shared_ptr<Project> project = m_project;
    const QString title = tr("Embeddings");
    whenFinished(
        m_jobs.start(JobRunner::Kind::Embedding, title,
                     [project, spec](const analysis::Progress& progress) {
                         Status s = runEmbedding(*project, spec, progress);
                         if (s)
                             s = setAnalysisEmbeddingSource(*project, spec.source);
                         return s.error();
                     }),
        [this, title, source = spec.source](JobRunner::Outcome outcome, const QString& message) {
            const bool ok = outcome == JobRunner::Outcome::Succeeded;
            Q_EMIT jobReport(
                title, outcome,
                ok ? tr("Embeddings \"%1\" stored; the analyses of whole texts now use "
                        "them.")
                         .arg(source)
                   : message);
            if (ok) // imported embeddings are of whole texts, whatever view is shown
                startAnalysis({}, AnalysisView::All);
        });
}

void ProjectDocument::startNeighbourLayout() {
    std::shared_ptr<Project> project = m_project;
    const QString title = tr("Neighbour layout");
    whenFinished(m_jobs.start(JobRunner::Kind::Layout, title,
                              [project](const analysis::Progress& progress) {
                                  Status s = runNeighbourLayout(*project, {}, progress);
                                  return s.error();
                              }),
                 [this, title](JobRunner::Outcome outcome, const QString& message) {
                     const bool ok = outcome == JobRunner::Outcome::Succeeded;
                     Q_EMIT jobReport(title, outcome,
                                      ok ? tr("The neighbour layout is ready on the map.")
                                         : message);
                     if (ok)
                         startLoadMap();
                 });
}

void ProjectDocument::startReport(const QString& htmlPath, const QString& pdfPath) {
    std::shared_ptr<Project> project = m_project;
    const QString title = tr("Write the report");
    whenFinished(
        m_jobs.start(JobRunner::Kind::Report, title,
                     [project, htmlPath, pdfPath](const analysis::Progress& progress) {
                         progress.report(0.1, "building the report");
                         Report report;
                         Status s = buildReport(*project, &report);
                         if (s) {
                             progress.report(0.7, "writing HTML and PDF");
                             s = writeReport(report, htmlPath, pdfPath);
                         }
                         return s.error();
                     }),
        [this, title, htmlPath, pdfPath](JobRunner::Outcome outcome, const QString& message) {
            const bool ok = outcome == JobRunner::Outcome::Succeeded;
            QStringList written;
            for (const QString& path : {htmlPath, pdfPath})
                if (!path.isEmpty())
                    written << path;
            Q_EMIT jobReport(title, outcome,
                             ok ? tr("Wrote %1.").arg(written.join(tr(" and "))) : message);
        });
}

void ProjectDocument::startSampleQueue(const SamplingSpec& spec, const QString& name) {
    std::shared_ptr<Project> project = m_project;
    auto sampled = std::make_shared<SampledQueue>();
    const QString title = tr("Sample a queue");
    // The queue belongs to whoever asked for it, even if the reviewer name changes while it
    // is drawn; it opens only for them. (A draw started meanwhile, by anyone, supersedes this
    // one: nothing of it is saved.)
    const QString reviewer = m_review.reviewer();
    whenFinished(
        m_jobs.start(JobRunner::Kind::Queue, title,
                     [project, spec, sampled](const analysis::Progress& progress) {
                         const Status s = sampleQueue(*project, spec, sampled.get());
                         // Cancelled (or superseded) while it drew: nothing is saved.
                         if (progress.isCancelled())
                             throw analysis::Cancelled();
                         return s.error();
                     }),
        [this, title, name, sampled, reviewer](JobRunner::Outcome outcome, const QString& message) {
            if (outcome == JobRunner::Outcome::Cancelled)
                return; // superseded by another draw, or the user cancelled it
            qint64 id = 0;
            Status s = outcome == JobRunner::Outcome::Succeeded
                           ? m_review.createQueue(name, sampled->ids, sampled->spec, &id, reviewer)
                           : Status::failure(message);
            if (!s) {
                Q_EMIT jobReport(title, JobRunner::Outcome::Failed, s.error());
                Q_EMIT queueFailed(s.error());
                return;
            }
            const QString saved =
                tr("“%1”: %n samples.", nullptr, static_cast<int>(sampled->ids.size())).arg(name);
            if (reviewer != m_review.reviewer()) {
                Q_EMIT jobReport(title, outcome,
                                 tr("%1 Saved for %2, who drew it: the reviewer name "
                                    "changed while it was drawn.")
                                     .arg(saved, reviewer));
                return;
            }
            Q_EMIT jobReport(title, outcome, saved);
            Q_EMIT queueSampled(id);
        });
}

void ProjectDocument::startConcept(qint64 tagId, int limit) {
    std::shared_ptr<Project> project = m_project;
    auto result = std::make_shared<ConceptResult>();
    const QString title = tr("Train a concept");
    whenFinished(
        m_jobs.start(JobRunner::Kind::Concept, title,
                     [project, result, tagId, limit](const analysis::Progress& progress) {
                         Status s = trainConcept(*project, tagId, limit, result.get(), progress);
                         return s.error();
                     }),
        [this, title, result](JobRunner::Outcome outcome, const QString& message) {
            const bool ok = outcome == JobRunner::Outcome::Succeeded;
            Q_EMIT jobReport(
                title, outcome,
                ok ? tr("“%1”: %2 samples ranked.").arg(result->tag).arg(result->ranked.size())
                   : message);
            if (ok)
                Q_EMIT conceptReady(*result);
        });
}

void ProjectDocument::startSimilar(const QString& text, int top) {
    std::shared_ptr<Project> project = m_project;
    struct Result {
        std::shared_ptr<const SimilarTextIndex> index;
        QString signature;
        QString chosenSource; ///< the analyses' embedding source (empty: built-in)
        QList<qint64> ids;
    };
    auto result = std::make_shared<Result>();
    const QString title = tr("Find similar samples");
    whenFinished(
        m_jobs.start(
            JobRunner::Kind::Similar, title,
            [project, result, text, top, cached = m_similar,
             cachedSignature = m_similarSignature](const analysis::Progress& progress) {
                QSqlQuery q(project->connection());
                if (!q.exec(u"SELECT count(*), max(id) FROM samples"_s) || !q.next())
                    return q.lastError().text();
                result->chosenSource = analysisEmbeddingSource(*project);
                const std::optional<EmbeddingEndpoint> endpoint =
                    embeddingEndpointOf(*project, result->chosenSource);
                result->signature =
                    QStringList{viewName(project->view()),
                                q.value(0).toString(),
                                q.value(1).toString(),
                                result->chosenSource,
                                endpoint ? endpoint->baseUrl.toString() : QString(),
                                endpoint ? endpoint->model : QString(),
                                endpoint ? endpoint->apiKeyVariable : QString(),
                                endpoint ? QString::number(endpoint->timeoutMs) : QString()}
                        .join(u'\n');
                q.finish(); // no read snapshot held through the fit
                result->index = cached;
                if (!cached || cachedSignature != result->signature) {
                    auto index = std::make_shared<SimilarTextIndex>();
                    progress.report(0.0, "fitting the embedding");
                    if (Status s = SimilarTextIndex::build(*project, index.get(), progress); !s)
                        return s.error();
                    result->index = index;
                }
                QList<std::pair<qint64, float>> ranked;
                if (Status s = result->index->rank(*project, text, top, &ranked, progress); !s)
                    return s.error();
                for (const auto& [id, cosine] : ranked)
                    result->ids.append(id);
                return QString();
            }),
        [this, title, text, result, generation = m_similarGeneration](JobRunner::Outcome outcome,
                                                                      const QString& message) {
            const bool ok = outcome == JobRunner::Outcome::Succeeded;
            if (ok && generation == m_similarGeneration) {
                m_similar = result->index;
                m_similarSignature = result->signature;
            }
            QString report = message;
            if (ok) {
                const QString shown = text.left(60);
                if (result->index->usesEndpoint())
                    report = result->ids.isEmpty()
                                 ? tr("No sample is similar to “%1” by the embeddings “%2”.")
                                       .arg(shown, result->index->source())
                                 : tr("%1 samples ranked by similarity to “%2” (embeddings "
                                      "“%3”, from their endpoint).")
                                       .arg(result->ids.size())
                                       .arg(shown, result->index->source());
                else
                    report = result->ids.isEmpty()
                                 ? tr("No sample shares a word with “%1”.").arg(shown)
                                 : tr("%1 samples ranked by similarity to “%2” (the built-in "
                                      "TF-IDF and SVD embedding).")
                                       .arg(result->ids.size())
                                       .arg(shown);
                if (!result->index->usesEndpoint() && !result->chosenSource.isEmpty())
                    report += u' ' + tr("The built-in embedding was used: “%1” holds imported "
                                        "vectors, which cannot embed a typed text.")
                                         .arg(result->chosenSource);
            }
            Q_EMIT jobReport(title, outcome, report);
            if (ok && !result->ids.isEmpty())
                Q_EMIT similarReady(text, result->ids);
        });
}

void ProjectDocument::requestGate() {
    if (gateCurrent() || m_gateRunning == m_gateGeneration)
        return;
    const quint64 generation = m_gateGeneration;
    m_gateRunning = generation;
    std::shared_ptr<Project> project = m_project;
    auto verdict = std::make_shared<GateVerdict>();
    whenFinished(m_jobs.start(JobRunner::Kind::Gate, tr("Judge the red lines"),
                              [project, verdict](const analysis::Progress& progress) {
                                  *verdict = judgeGate(*project, progress);
                                  return QString();
                              }),
                 [this, verdict, generation](JobRunner::Outcome outcome, const QString& message) {
                     if (m_gateRunning == generation)
                         m_gateRunning = 0;
                     if (outcome == JobRunner::Outcome::Cancelled)
                         return; // superseded by a newer judging (or the document closes)
                     if (outcome == JobRunner::Outcome::Failed) {
                         // judgeGate reports its errors in the verdict: this threw (memory).
                         verdict->runId = m_analysis ? m_analysis->runId : 0;
                         verdict->error = message;
                     }
                     const bool current = generation == m_gateGeneration;
                     m_gate = verdict;
                     m_gateJudged = generation;
                     // Another process (synthscope-cli analyze) added a run: the document
                     // shows it; the verdict, judged on it, stays current if nothing else
                     // changed meanwhile.
                     if (verdict->runId != 0 &&
                         (!m_analysis || m_analysis->runId != verdict->runId))
                         reloadAnalysis(current);
                     Q_EMIT gateChanged();
                 });
}

Status ProjectDocument::setRedLines(const QByteArray& json) {
    if (Status s = setProjectRedLines(*m_project, json); !s)
        return s;
    markGateStale();
    return {};
}

void ProjectDocument::startLoadMap() {
    // A new load reads every answer committed before it; only those given while it runs need
    // patching in (a cancelled or superseded load's list is dropped here).
    m_mapReviewDuringLoad.clear();
    std::shared_ptr<Project> project = m_project;
    auto points = std::make_shared<MapPoints>();
    const QString title = tr("Load the cluster map");
    whenFinished(m_jobs.start(JobRunner::Kind::Map, title,
                              [project, points](const analysis::Progress& progress) {
                                  *points = ProjectStore(*project).mapPoints(progress);
                                  return QString();
                              }),
                 [this, points, runAtStart = m_analysis ? m_analysis->runId : 0](
                     JobRunner::Outcome outcome, const QString&) {
                     if (outcome != JobRunner::Outcome::Succeeded)
                         return; // superseded or cancelled: keep the previous map
                     // An analysis that landed during the load may have left it half old, half
                     // new: drop it; the view asks again (its map is still stale).
                     const QList<qint64> answered = std::exchange(m_mapReviewDuringLoad, {});
                     if (!m_analysis || m_analysis->runId != runAtStart)
                         return;
                     // Answers given while it loaded: read again (the load may have missed
                     // them); too many, and the map is loaded again.
                     if (answered.size() > kMapPatchLimit) {
                         startLoadMap();
                         return;
                     }
                     patchMapReview(*points, answered);
                     m_map = points;
                     Q_EMIT mapChanged();
                 });
}

void ProjectDocument::startExport(const ExportFilter& filter, const QString& path) {
    std::shared_ptr<Project> project = m_project;
    auto report = std::make_shared<ExportReport>();
    const QString title = tr("Export");
    whenFinished(m_jobs.start(JobRunner::Kind::Export, title,
                              [project, filter, path, report](const analysis::Progress& progress) {
                                  Status s =
                                      exportSamples(*project, filter, path, progress, report.get());
                                  return s.error();
                              }),
                 [this, title, report](JobRunner::Outcome outcome, const QString& message) {
                     const bool ok = outcome == JobRunner::Outcome::Succeeded;
                     Q_EMIT jobReport(title, outcome,
                                      ok ? tr("%1 samples (%2 records) written to %3 "
                                              "(manifest: %4).")
                                               .arg(report->samples)
                                               .arg(report->records)
                                               .arg(report->outputPath,
                                                    QFileInfo(report->manifestPath).fileName())
                                         : message);
                 });
}

} // namespace synthscope::model
