#include "widgets/JobStatusWidget.h"

#include "model/JobRunner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace synthscope::widgets {

JobStatusWidget::JobStatusWidget(QWidget* parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QToolButton(this)) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    m_bar->setRange(0, 1000);
    m_bar->setFixedWidth(220);
    m_bar->setTextVisible(false);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop this job; the project stays as it was before it."));
    m_cancel->setObjectName(QStringLiteral("cancelJob"));
    hide();
}

void JobStatusWidget::setRunner(model::JobRunner* runner) {
    for (const auto& c : m_connections)
        disconnect(c);
    m_connections.clear();
    m_runner = runner;
    m_jobs.clear();
    hide();
    if (runner == nullptr)
        return;
    m_connections << connect(m_cancel, &QToolButton::clicked, this, [this]() {
        if (m_runner != nullptr && !m_jobs.isEmpty())
            m_runner->cancel(m_jobs.lastKey());
    });
    m_connections << connect(runner, &model::JobRunner::started, this,
                             [this](quint64 id, const QString& title) {
                                 m_jobs.insert(id, Job{title, QString(), 0.0});
                                 showNewest();
                             });
    m_connections << connect(runner, &model::JobRunner::progress, this,
                             [this](quint64 id, double fraction, const QString& stage) {
                                 const auto it = m_jobs.find(id);
                                 if (it == m_jobs.end())
                                     return;
                                 it->fraction = fraction;
                                 it->stage = stage;
                                 if (id == m_jobs.lastKey())
                                     showNewest();
                             });
    m_connections << connect(runner, &model::JobRunner::finished, this, [this](quint64 id) {
        m_jobs.remove(id);
        showNewest();
    });
}

void JobStatusWidget::showNewest() {
    if (m_jobs.isEmpty()) {
        hide();
        return;
    }
    const Job& job = m_jobs.last();
    QString text = job.stage.isEmpty() ? job.title : tr("%1: %2").arg(job.title, job.stage);
    if (m_jobs.size() > 1)
        text = tr("%1 · %2 more running").arg(text).arg(m_jobs.size() - 1);
    m_label->setText(text);
    m_bar->setValue(static_cast<int>(job.fraction * 1000.0));
    show();
}

} // namespace synthscope::widgets
