#include "model/JobRunner.h"

#include <QElapsedTimer>
#include <QMetaObject>
#include <QPointer>

namespace synthscope::model {

struct JobRunner::State {
    std::atomic<bool> cancel{false};
    quint64 generation = 0;
};

JobRunner::JobRunner(QObject* parent)
    : QObject(parent) {
    m_pool.setMaxThreadCount(1);
}

JobRunner::~JobRunner() {
    cancel();
    m_pool.waitForDone();
}

void JobRunner::cancel() {
    if (m_current)
        m_current->cancel = true;
}

void JobRunner::waitForDone() {
    m_pool.waitForDone();
}

quint64 JobRunner::start(const QString& title, Work work) {
    if (m_busy && m_current) {
        m_current->cancel = true;
        Q_EMIT finished(m_current->generation, m_currentTitle, false, true, QString());
    }
    auto state = std::make_shared<State>();
    state->generation = ++m_generation;
    m_current = state;
    m_currentTitle = title;
    m_busy = true;
    const quint64 id = state->generation;
    Q_EMIT started(id, title);

    QPointer<JobRunner> self(this);
    m_pool.start([self, state, title, work = std::move(work), runner = this]() {
        // The runner outlives the pool's threads (its destructor waits), so posting to it
        // with invokeMethod is safe; QPointer is only read on the runner's thread.
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
                [self, state, fraction, s]() {
                    if (self && state->generation == self->m_generation)
                        Q_EMIT self->progress(fraction, s);
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
        cancelled = cancelled || state->cancel.load();
        QMetaObject::invokeMethod(
            runner,
            [self, state, title, error, cancelled]() {
                if (!self || state->generation != self->m_generation)
                    return; // superseded
                self->m_busy = false;
                Q_EMIT self->finished(state->generation, title, error.isEmpty() && !cancelled,
                                      cancelled, error);
            },
            Qt::QueuedConnection);
    });
    return id;
}

} // namespace synthscope::model
