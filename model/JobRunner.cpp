#include "model/JobRunner.h"

#include <QElapsedTimer>
#include <QMetaObject>
#include <QPointer>

namespace synthscope::model {

struct JobRunner::State {
    std::atomic<bool> cancel{false};
    std::atomic<bool> begun{false}; ///< its worker thread has taken it
};

namespace {

using Kind = JobRunner::Kind;

// The kinds that write the project share the writer's thread (Analysis's).
std::size_t poolOf(Kind kind) {
    const bool writes = kind == Kind::Import || kind == Kind::Analysis || kind == Kind::Embedding ||
                        kind == Kind::Layout;
    return static_cast<std::size_t>(writes ? Kind::Analysis : kind);
}

// Import, Export and Report queue behind their own kind; every other kind supersedes it.
bool supersedes(Kind kind) {
    return kind != Kind::Import && kind != Kind::Export && kind != Kind::Report;
}

} // namespace

JobRunner::JobRunner(QObject* parent)
    : QObject(parent) {
    for (QThreadPool& pool : m_pools)
        pool.setMaxThreadCount(1);
}

JobRunner::~JobRunner() {
    cancelAll();
    waitForDone();
}

void JobRunner::cancelAll() {
    const QList<quint64> ids = m_running.keys();
    for (const quint64 id : ids)
        cancel(id);
}

void JobRunner::cancel() {
    QList<quint64> ids;
    for (auto it = m_running.cbegin(); it != m_running.cend(); ++it)
        if (!isBackground(it->kind))
            ids << it.key();
    for (const quint64 id : ids)
        cancel(id);
}

bool JobRunner::isBusy() const {
    return std::any_of(m_running.cbegin(), m_running.cend(),
                       [](const Running& job) { return !isBackground(job.kind); });
}

void JobRunner::cancel(quint64 id) {
    const auto it = m_running.find(id);
    if (it == m_running.end())
        return;
    it->state->cancel = true;
    // A job still waiting for its thread ends now (its work will not run); a running one ends
    // when its work notices. (cancel is set before begun is read, and the worker sets begun
    // before it reads cancel: one of the two always sees the other.)
    if (!it->state->begun)
        dropAsCancelled(it.key());
}

void JobRunner::dropAsCancelled(quint64 id) {
    const QString title = m_running.value(id).title;
    m_running.remove(id);
    Q_EMIT finished(id, title, Outcome::Cancelled, QString());
}

bool JobRunner::isBusy(Kind kind) const {
    return std::any_of(m_running.cbegin(), m_running.cend(),
                       [kind](const Running& job) { return job.kind == kind; });
}

bool JobRunner::isWriting() const {
    return std::any_of(m_running.cbegin(), m_running.cend(), [](const Running& job) {
        return poolOf(job.kind) == poolOf(Kind::Analysis);
    });
}

void JobRunner::waitForDone() {
    for (QThreadPool& pool : m_pools)
        pool.waitForDone();
}

quint64 JobRunner::start(Kind kind, const QString& title, Work work) {
    // Supersede the running job of this kind: reported now, its late result dropped.
    if (supersedes(kind)) {
        QList<quint64> superseded;
        for (auto it = m_running.cbegin(); it != m_running.cend(); ++it)
            if (it->kind == kind)
                superseded << it.key();
        for (const quint64 oldId : superseded) {
            m_running.value(oldId).state->cancel = true;
            dropAsCancelled(oldId);
        }
    }
    // The job this one waits for (same thread), if any, for the "waiting" stage.
    QString before;
    for (const Running& job : std::as_const(m_running))
        if (poolOf(job.kind) == poolOf(kind))
            before = job.title;
    auto state = std::make_shared<State>();
    const quint64 id = ++m_lastId;
    m_running.insert(id, Running{kind, title, state});
    const bool shown = !isBackground(kind);
    if (shown)
        Q_EMIT started(id, title);
    if (shown && !before.isEmpty())
        Q_EMIT progress(id, 0.0, tr("waiting for “%1” to finish").arg(before));

    QPointer<JobRunner> self(this);
    m_pools[poolOf(kind)].start(
        [self, state, id, shown, work = std::move(work), cleanup = m_cleanup, runner = this]() {
            // The runner outlives the pools' threads (its destructor waits), so posting to it with
            // invokeMethod is safe; QPointer is only read on the runner's thread.
            QElapsedTimer timer;
            timer.start();
            qint64 lastEmit = -1000;
            auto report = [&](double fraction, std::string_view stage) {
                if (!shown)
                    return;
                const qint64 t = timer.elapsed();
                if (t - lastEmit < 50 && fraction < 1.0)
                    return;
                lastEmit = t;
                const QString s = progressStageText(stage);
                QMetaObject::invokeMethod(
                    runner,
                    [self, id, fraction, s]() {
                        if (self && self->m_running.contains(id))
                            Q_EMIT self->progress(id, fraction, s);
                    },
                    Qt::QueuedConnection);
            };
            QString error;
            bool cancelled = false;
            state->begun = true;
            try {
                if (state->cancel) // cancelled or superseded while it waited: the work never runs
                    throw analysis::Cancelled();
                error = work(analysis::Progress(report, &state->cancel));
            } catch (const analysis::Cancelled&) {
                cancelled = true;
            } catch (const std::exception& e) {
                error = QString::fromUtf8(e.what());
            } catch (...) {
                error = QStringLiteral("unknown error");
            }
            if (cleanup)
                cleanup();
            // Work that completed succeeded even when a cancel came too late to stop it; work that
            // failed after a cancel request says why it stopped (e.g. "the project is unchanged").
            const Outcome outcome = cancelled         ? Outcome::Cancelled
                                    : error.isEmpty() ? Outcome::Succeeded
                                    : state->cancel   ? Outcome::Cancelled
                                                      : Outcome::Failed;
            QMetaObject::invokeMethod(
                runner,
                [self, id, outcome, error]() {
                    if (!self)
                        return;
                    const auto it = self->m_running.constFind(id);
                    if (it == self->m_running.cend())
                        return; // superseded: already reported
                    const QString jobTitle = it->title;
                    self->m_running.erase(it);
                    Q_EMIT self->finished(id, jobTitle, outcome, error);
                },
                Qt::QueuedConnection);
        });
    return id;
}

} // namespace synthscope::model
