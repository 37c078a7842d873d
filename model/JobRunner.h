#pragma once

#include "analysis/Progress.h"

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>

namespace synthscope::model {

/// Runs long work (import, analysis, export) on a worker thread, one job at a time.
///
/// The work gets an analysis::Progress wired to an atomic cancel flag and to progress()
/// (throttled to ~20 updates a second). It returns an error message, empty on success; every
/// exception is caught at the thread boundary and reported as an error. Starting a job while
/// one runs cancels the running one; results of a superseded job are dropped (generation
/// token). Signals arrive on the runner's thread (queued).
class JobRunner : public QObject {
    Q_OBJECT
public:
    using Work = std::function<QString(const analysis::Progress& progress)>;

    explicit JobRunner(QObject* parent = nullptr);
    ~JobRunner() override; ///< cancels and waits for the running job

    /// Starts work and returns its job id (>0). A job still running is cancelled and its
    /// finished() is emitted at once as cancelled; its own late result is dropped.
    quint64 start(const QString& title, Work work);
    void cancel();
    [[nodiscard]] bool isBusy() const { return m_busy; }
    /// Blocks until no job runs (tests and the command line only; never on the GUI thread).
    void waitForDone();

Q_SIGNALS:
    void started(quint64 id, const QString& title);
    void progress(double fraction, const QString& stage);
    /// ok: the work succeeded; cancelled: it stopped on request; message: the error if any.
    void finished(quint64 id, const QString& title, bool ok, bool cancelled,
                  const QString& message);

private:
    struct State;
    QThreadPool m_pool;
    std::shared_ptr<State> m_current;
    QString m_currentTitle;
    quint64 m_generation = 0;
    bool m_busy = false;
};

} // namespace synthscope::model
