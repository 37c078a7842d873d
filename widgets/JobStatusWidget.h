#pragma once

#include <QMap>
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace synthscope::model {
class JobRunner;
}

namespace synthscope::widgets {

/// Status-bar strip for the running jobs: the newest job's title and stage, its progress bar
/// and Cancel (which stops that job), and how many more run beside it (an export during an
/// analysis). Hidden when no job runs.
class JobStatusWidget : public QWidget {
    Q_OBJECT
public:
    explicit JobStatusWidget(QWidget* parent = nullptr);
    /// Follows runner's signals (nullptr detaches).
    void setRunner(model::JobRunner* runner);

private:
    struct Job {
        QString title;
        QString stage;
        double fraction = 0.0;
    };
    /// Shows the newest running job, or hides when none runs.
    void showNewest();

    QLabel* m_label;
    QProgressBar* m_bar;
    QToolButton* m_cancel;
    model::JobRunner* m_runner = nullptr;
    QMap<quint64, Job> m_jobs; ///< running jobs by id (ids grow: the last is the newest)
    QList<QMetaObject::Connection> m_connections;
};

} // namespace synthscope::widgets
