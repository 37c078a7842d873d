#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace synthscope::model {
class JobRunner;
}

namespace synthscope::widgets {

/// Status-bar strip for the running job: title and stage, a progress bar and Cancel.
/// Hidden when no job runs.
class JobStatusWidget : public QWidget {
    Q_OBJECT
public:
    explicit JobStatusWidget(QWidget* parent = nullptr);
    /// Follows runner's signals (nullptr detaches).
    void setRunner(model::JobRunner* runner);

private:
    QLabel* m_label;
    QProgressBar* m_bar;
    QToolButton* m_cancel;
    model::JobRunner* m_runner = nullptr;
    QString m_title;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace synthscope::widgets
