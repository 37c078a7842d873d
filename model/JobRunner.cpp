#include "model/JobRunner.h"

#include <QElapsedTimer>
#include <QMetaObject>
#include <QPointer>

namespace synthscope::model {

struct JobRunner::State {
    std::atomic<bool> cancel{false};
};

namespace {

// Import and Analysis share the writer's thread.
std::size_t poolOf(JobRunner::Kind kind) {
    return static_cast<std::size_t>(kind == JobRunner::Kind::Import ? JobRunner::Kind::Analysis
                                                                    : kind);
}

bool supersedes(JobRunner::Kind kind) {
    return kind == JobRunner::Kind::Analysis || kind == JobRunner::Kind::Map ||
           kind == JobRunner::Kind::Concept;
}

} // namespace

JobRunner::JobRunner(QObject* parent)
    : QObject(parent) {
    for (QThreadPool& pool : m_pools)
        pool.setMaxThreadCount(1);
}

JobRunner::~JobRunner() {
    cancel();
    waitForDone();
}

void JobRunner::cancel() {
    for (const Running& job : std::as_const(m_running))
        job.state->cancel = true;
}

void JobRunner::cancel(quint64 id) {
    if (const auto it = m_running.constFind(id); it != m_running.cend())
        it->state->cancel = true;
}

bool JobRunner::isBusy(Kind kind) const {
    return std::any_of(m_running.cbegin(), m_running.cend(),
                       [kind](const Running& job) { return job.kind == kind; });
}

void JobRunner::waitForDone() {
    for (QThreadPool& pool : m_pools)
        pool.waitForDone();
}

quint64 JobRunner::start(Kind kind, const QString& title, Work work) {
    // Supersede the running job of this kind: reported now, its late result dropped.
    for (auto it = m_running.begin(); supersedes(kind) && it != m_running.end();) {
        if (it->kind != kind) {
            ++it;
            continue;
        }
        it->state->cancel = true;
        const quint64 oldId = it.key();
        const QString oldTitle = it->title;
        it = m_running.erase(it);
        Q_EMIT finished(oldId, oldTitle, Outcome::Cancelled, QString());
    }
    // The job this one waits for (same thread), if any, for the "waiting" stage.
    QString before;
    for (const Running& job : std::as_const(m_running))
        if (poolOf(job.kind) == poolOf(kind))
            before = job.title;
    auto state = std::make_shared<State>();
    const quint64 id = ++m_lastId;
    m_running.insert(id, Running{kind, title, state});
    Q_EMIT started(id, title);
    if (!before.isEmpty())
        Q_EMIT progress(id, 0.0, tr("waiting for “%1” to finish").arg(before));

    QPointer<JobRunner> self(this);
    m_pools[poolOf(kind)].start([self, state, id, work = std::move(work), cleanup = m_cleanup,
                                 runner = this]() {
        // The runner outlives the pools' threads (its destructor waits), so posting to it with
        // invokeMethod is safe; QPointer is only read on the runner's thread.
        QElapsedTimer timer;
        timer.start();
        qint64 lastEmit = -1000;
        auto report = [&](double fraction, std::string_view stage) {
            const qint64 t = timer.elapsed();
            if (t - lastEmit < 50 && fraction < 1.0)
                return;
            lastEmit = t;
            const QString s = QString::fromUtf8(stage.data(), static_cast<qsizetype>(stage.size()));
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
        try {
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
