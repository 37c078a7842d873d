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
    m_cancel->setToolTip(tr("Stop the running job; the project stays as it was before it."));
    m_cancel->setObjectName(QStringLiteral("cancelJob"));
    hide();
}

void JobStatusWidget::setRunner(model::JobRunner* runner) {
    for (const auto& c : m_connections)
        disconnect(c);
    m_connections.clear();
    m_runner = runner;
    hide();
    if (runner == nullptr)
        return;
    m_connections << connect(m_cancel, &QToolButton::clicked, runner, &model::JobRunner::cancel);
    m_connections << connect(runner, &model::JobRunner::started, this,
                             [this](quint64, const QString& title) {
                                 m_title = title;
                                 m_label->setText(title);
                                 m_bar->setValue(0);
                                 show();
                             });
    m_connections << connect(runner, &model::JobRunner::progress, this,
                             [this](double fraction, const QString& stage) {
                                 m_label->setText(tr("%1: %2").arg(m_title, stage));
                                 m_bar->setValue(static_cast<int>(fraction * 1000.0));
                             });
    m_connections << connect(runner, &model::JobRunner::finished, this, [this, runner]() {
        if (!runner->isBusy())
            hide();
    });
}

} // namespace synthscope::widgets
