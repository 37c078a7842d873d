#pragma once

#include "analysis/Pipeline.h"
#include "model/CorpusEdits.h"
#include "model/EmbeddingSources.h"
#include "model/Exporter.h"
#include "model/Gate.h"
#include "model/Importer.h"
#include "model/JobRunner.h"
#include "model/Project.h"
#include "model/ProjectStore.h"
#include "model/ReviewStore.h"
#include "model/TeamReview.h"

#include <QObject>
#include <QSet>
#include <QUndoStack>

#include <memory>
#include <optional>

namespace synthscope::model {

class SimilarTextIndex;

/// An open project as the GUI sees it: the file, its stores, the undo stack of reviewer
/// edits and the job runner. Views read through the stores and the item models; long work
/// (import, analysis, export, …) goes through the start… functions and is reported by the
/// runner's signals and jobReport(); analysisChanged/corporaChanged tell views to reload.
/// Jobs that write the project run one at a time (an analysis replaces a running analysis, an
/// import waits for the job before it); export, report, map loads and concepts run beside
/// them (JobRunner's policy).
class ProjectDocument : public QObject {
    Q_OBJECT
public:
    /// Opens (or creates) the project at path for reviewer. Failure: see Project::open.
    static Status open(const QString& path, Project::OpenMode mode, const QString& reviewer,
                       std::unique_ptr<ProjectDocument>* document);
    ~ProjectDocument() override;

    [[nodiscard]] Project& project() { return *m_project; }
    /// The project, shared with a worker that reads it on its own connection.
    [[nodiscard]] std::shared_ptr<Project> sharedProject() const { return m_project; }
    [[nodiscard]] ProjectStore& store() { return m_store; }
    [[nodiscard]] ReviewStore& review() { return m_review; }
    [[nodiscard]] QUndoStack& undoStack() { return m_undo; }
    [[nodiscard]] JobRunner& jobs() { return m_jobs; }
    /// The view the views show and the next analysis analyses (Project::view()).
    [[nodiscard]] AnalysisView view() const { return m_project->view(); }
    /// Switches the view: the newest analysis of that view is read and analysisChanged()
    /// follows (nothing when it is the current one). Refused (a failed Status, the view kept)
    /// while an export, report, neighbour layout or concept runs: they read the view's results
    /// as they go. A running analysis keeps the view it started in.
    Status setView(AnalysisView view);
    /// A view's name for people: "Whole texts", "Prompts", "Responses".
    static QString viewTitle(AnalysisView view);
    /// The newest analysis (cached; refreshed when a run finishes).
    [[nodiscard]] const std::optional<StoredAnalysis>& analysis() const { return m_analysis; }

    void startImport(const ImportSpec& spec, bool analyzeAfterwards);
    /// Runs the analyses of the current view in a job; with the built-in embedding source in
    /// params, the project's chosen source (analysisEmbeddingSource) is used when it has one.
    /// view: the view to analyse (default: the one shown when the job starts).
    void startAnalysis(const analysis::AnalysisParams& params = {},
                       std::optional<AnalysisView> view = std::nullopt);
    void startExport(const ExportFilter& filter, const QString& path);
    /// Computes or imports embeddings (a job); on success makes them the analyses' embeddings
    /// and re-runs the analyses.
    void startEmbedding(const EmbeddingSpec& spec);
    /// Computes the neighbour layout of the newest analysis in a job, then reloads the map.
    void startNeighbourLayout();
    /// Loads every map point of the newest analysis in a job; mapChanged() when done.
    void startLoadMap();
    /// Builds and writes the report (buildReport/writeReport) in a job; either path may be
    /// empty. jobReport() says where it went.
    void startReport(const QString& htmlPath, const QString& pdfPath);
    /// Draws a review queue (sampleQueue) in a job — at a million samples the draw reads
    /// every sample's stratum and risk, seconds the GUI thread must not wait — then saves it
    /// under name for the reviewer named when the draw started (ReviewStore::createQueue) and
    /// emits queueSampled() if that is still the reviewer (else jobReport() says for whom it
    /// was saved). A failure (nothing to sample, SQL) arrives as jobReport() and queueFailed().
    void startSampleQueue(const SamplingSpec& spec, const QString& name);
    /// Trains the concept of a tag (trainConcept) in a job; conceptReady() when done.
    void startConcept(qint64 tagId, int limit = 500);
    /// Ranks the samples of the project's view by similarity to text (SimilarTextIndex: the
    /// analyses' endpoint source when it has one, else the built-in embedding) in a job; the
    /// index is prepared the first time and again when samples were added or removed, or the
    /// view or the embedding source changed. jobReport() names the embeddings used;
    /// similarReady() with at most top samples when done.
    void startSimilar(const QString& text, int top = 200);
    /// Drops the newest analysis when its stored result cannot be read (dropAnalysisRun),
    /// then reloads: the previous analysis, if any, becomes the newest. Errors: the newest
    /// analysis is readable (nothing to recover), a job is running, SQL failure.
    Status dropUnreadableAnalysis();
    /// Renames a corpus (model::renameCorpus) as an undoable step; corporaChanged() on success
    /// and after each undo/redo. Errors: those of renameCorpus, a job writing the project.
    Status renameCorpus(qint64 corpusId, const QString& name);
    /// Gives a corpus the other role (model::setCorpusRole) as an undoable step; the newest
    /// analysis turns stale. corporaChanged() and analysisChanged() on success and after each
    /// undo/redo. Errors: those of setCorpusRole, a job writing the project.
    Status setCorpusRole(qint64 corpusId, Role role);
    /// Removes a corpus and everything stored on its samples (model::removeCorpus) in a job
    /// that waits for the writer before it. Not undoable: on success the undo stack is cleared
    /// (its steps may name removed samples), corporaChanged() and analysisChanged() follow.
    /// The outcome (and the error of removeCorpus on failure) arrives as jobReport().
    void startRemoveCorpus(qint64 corpusId, const QString& name);
    /// The newest verdict on the gate (judgeGate): null before the first one lands; it may be
    /// older than the project (gateCurrent()) and than the analysis (compare its runId).
    [[nodiscard]] std::shared_ptr<const GateVerdict> gate() const { return m_gate; }
    /// Whether gate() was judged after the last change it depends on: the analysis or the
    /// view, the corpora, an answer, a tag, the rules.
    [[nodiscard]] bool gateCurrent() const { return m_gate && m_gateJudged == m_gateGeneration; }
    /// Judges the gate in a job (JobRunner::Kind::Gate: at a million samples it reads every
    /// synthetic sample's sources, seconds the GUI thread must not wait) unless gate() is
    /// current or the project as it is now is being judged already; gateChanged() when it
    /// lands. Views that show the gate call it when they reload.
    void requestGate();
    /// Validates and saves the project's red-line rules (setProjectRedLines; empty: the
    /// defaults); gate() turns stale. Errors: those of setProjectRedLines.
    Status setRedLines(const QByteArray& json);
    /// The points loaded by the last startLoadMap() (null before).
    [[nodiscard]] std::shared_ptr<const MapPoints> mapPoints() const { return m_map; }
    /// Most answered samples a loaded map takes in place (refreshMapReview); more are loaded
    /// again with the whole map, in a job.
    static constexpr qsizetype kMapPatchLimit = 5000;

Q_SIGNALS:
    void corporaChanged();
    void analysisChanged();
    void mapChanged();
    /// Answers changed the tags or decisions of points of the loaded map: patched is true when
    /// mapPoints() now holds them (the same object, changed in place: recolour it, keeping the
    /// view and the selection), false when too many changed and the map must be loaded again.
    void mapReviewChanged(bool patched);
    void conceptReady(const ConceptResult& result);
    /// A queue drawn by startSampleQueue() was saved: its id.
    void queueSampled(qint64 queueId);
    /// startSampleQueue() failed: why, in words.
    void queueFailed(const QString& error);
    /// The samples most similar to text (startSimilar), highest cosine first.
    void similarReady(const QString& text, const QList<qint64>& sampleIds);
    /// A new gate() landed (requestGate). It may be stale again already: views ask again.
    void gateChanged();
    /// A finished job's outcome and, in words, what it did or why it failed or stopped, for
    /// the status bar and dialogs.
    void jobReport(const QString& title, synthscope::model::JobRunner::Outcome outcome,
                   const QString& message);

private:
    explicit ProjectDocument(std::shared_ptr<Project> project, const QString& reviewer);
    /// Reads the newest analysis again; analysisChanged(). The gate turns stale, unless
    /// gateJudgesIt and gate() judged the run read (a verdict that found a newer run).
    void reloadAnalysis(bool gateJudgesIt = false);
    /// After a rename or role change (also by undo/redo): views reload the corpora and the
    /// analysis (whose stale flag depends on the roles).
    void corpusEdited();
    /// Corpus edits on the undo stack wait for no writer and report a failed step.
    CorpusEditCommand::Hooks corpusEditHooks();
    /// Calls then(outcome, message) once when job jobId finishes (or is superseded); a
    /// cancelled job's empty message becomes "Cancelled.".
    void whenFinished(quint64 jobId,
                      std::function<void(JobRunner::Outcome outcome, const QString& message)> then);

    std::shared_ptr<Project> m_project;
    ProjectStore m_store;
    ReviewStore m_review;
    QUndoStack m_undo;
    JobRunner m_jobs;
    std::optional<StoredAnalysis> m_analysis;
    /// A reviewer's answers reach the loaded map's points in place (at most kMapPatchLimit
    /// samples; a map load running now takes them over when it lands).
    void refreshMapReview(const QList<qint64>& sampleIds);
    /// Reads these samples' tags and decisions into points; whether any point changed.
    bool patchMapReview(MapPoints& points, const QList<qint64>& sampleIds) const;
    /// Something the gate depends on changed: gate() is no longer current.
    void markGateStale() { ++m_gateGeneration; }
    std::shared_ptr<const GateVerdict> m_gate;
    quint64 m_gateGeneration = 1; ///< bumped by every change the gate depends on
    quint64 m_gateJudged = 0;     ///< the generation m_gate judged
    quint64 m_gateRunning = 0;    ///< the generation a running Gate job judges (0: none)
    std::shared_ptr<MapPoints> m_map;
    QList<qint64> m_mapReviewDuringLoad; ///< samples answered while a map load ran
    QSet<qint64> m_tagIds; ///< the tags as last seen: a removed one is looked for on the map
    /// The fitted "similar to this text" index and what it was fitted on (view, count and
    /// largest id of the samples).
    std::shared_ptr<const SimilarTextIndex> m_similar;
    QString m_similarSignature;
    quint64 m_similarGeneration = 0; ///< bumped when corpora change: older jobs' indexes are stale
};

} // namespace synthscope::model
