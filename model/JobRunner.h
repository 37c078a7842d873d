#pragma once

#include "analysis/Progress.h"

#include <QMap>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <array>
#include <atomic>
#include <functional>
#include <memory>
#include <string_view>

namespace synthscope::model {

/// The stage name a job reported (analysis::Progress::report), in the interface's language:
/// the stages listed in model/ProgressStages.cpp are translated, anything else is returned as
/// it is (UTF-8 decoded). Thread-safe (QCoreApplication::translate).
QString progressStageText(std::string_view stage);

/// Runs long work (import, analysis, export, report, map loads) on worker threads.
///
/// Policy by kind. Analysis, Embedding, Layout (the neighbour layout), Map, Concept, Similar,
/// Queue (drawing a review queue) and Gate (judging the red lines): a new job supersedes a running
/// or waiting one of its own kind (it is cancelled and reported Cancelled at once; its own late
/// result is dropped). Import, Export and Report: a new job waits for the one before it, so two
/// imports both complete. The kinds that write the project (Import, Analysis, Embedding, Layout)
/// share one worker thread: one writer at a time, in the order started, and a job of one of them
/// never cancels one of another (an import waits for the analysis running, an analysis waits for
/// the import). Every other kind has its own worker thread, so *Export* or *Write Report* during an
/// analysis finishes both. A job cancelled while it waits for its thread ends at once; its work
/// never runs.
///
/// Background kinds (Gate: judging the red lines, which views ask for themselves) are work the
/// user did not start: they emit no started() or progress() (the status bar does not show
/// them), cancel() leaves them running (the Cancel button stops the user's job, not the gate
/// of a view), and isBusy() without a kind does not count them; finished() comes as for every
/// job, and superseding, cancel(id) and the destructor stop them.
///
/// The work gets an analysis::Progress wired to its own cancel flag and to progress()
/// (throttled to ~20 updates a second). It returns an error message, empty on success; every
/// exception is caught at the thread boundary and reported as an error, analysis::Cancelled as
/// the outcome Cancelled. After every job, whatever its outcome, the thread cleanup (see
/// setThreadCleanup) runs on the job's worker thread. Signals arrive on the runner's thread
/// (queued).
class JobRunner : public QObject {
    Q_OBJECT
public:
    enum class Kind {
        Import,
        Analysis,
        Embedding,
        Layout,
        Export,
        Report,
        Map,
        Concept,
        Similar,
        Queue,
        Gate
    };
    Q_ENUM(Kind)
    enum class Outcome { Succeeded, Failed, Cancelled };
    Q_ENUM(Outcome)
    using Work = std::function<QString(const analysis::Progress& progress)>;

    explicit JobRunner(QObject* parent = nullptr);
    ~JobRunner() override; ///< cancels and waits for every running job

    /// Called on the worker thread after each job (e.g. to release that thread's database
    /// connection); set before starting jobs.
    void setThreadCleanup(std::function<void()> cleanup) { m_cleanup = std::move(cleanup); }

    /// Starts work and returns its job id (> 0), following the policy above: a superseded job's
    /// finished() is emitted at once as Cancelled; a job that has to wait reports the stage
    /// "waiting for …" until it starts.
    quint64 start(Kind kind, const QString& title, Work work);
    /// Whether kind is a background kind (see the class notes).
    [[nodiscard]] static bool isBackground(Kind kind) { return kind == Kind::Gate; }
    /// Cancels every running job but the background ones (the user's Cancel).
    void cancel();
    /// Cancels every running job, background ones included (closing the project).
    void cancelAll();
    /// Cancels job id if it runs.
    void cancel(quint64 id);
    /// True while any job but a background one runs or waits.
    [[nodiscard]] bool isBusy() const;
    /// True while a job of kind runs or waits.
    [[nodiscard]] bool isBusy(Kind kind) const;
    /// True while a job that writes the project (Import, Analysis, Embedding, Layout) runs or
    /// waits.
    [[nodiscard]] bool isWriting() const;
    /// Blocks until no job runs (tests and the command line only; never on the GUI thread).
    void waitForDone();

Q_SIGNALS:
    void started(quint64 id, const QString& title);
    void progress(quint64 id, double fraction, const QString& stage);
    /// message: what the work returned: the error when Failed, why it stopped when Cancelled
    /// (may be empty), empty when Succeeded. A job whose work completed is Succeeded even when a
    /// cancel came too late to stop it.
    void finished(quint64 id, const QString& title, synthscope::model::JobRunner::Outcome outcome,
                  const QString& message);

private:
    struct State;
    struct Running {
        Kind kind;
        QString title;
        std::shared_ptr<State> state;
    };
    /// Removes job id from the running ones and reports it Cancelled now (a late result of its
    /// work is dropped).
    void dropAsCancelled(quint64 id);

    static constexpr std::size_t kKinds = 11;
    /// One thread per kind (the writing kinds all use Analysis's): in the order started.
    std::array<QThreadPool, kKinds> m_pools;
    QMap<quint64, Running> m_running;
    std::function<void()> m_cleanup;
    quint64 m_lastId = 0;
};

} // namespace synthscope::model
