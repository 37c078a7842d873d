#pragma once

#include <QWidget>

class QGridLayout;
class QLabel;
class QTableView;

namespace synthscope::model {
class MetricsTableModel;
class ProjectDocument;
} // namespace synthscope::model

namespace synthscope::widgets {

class EmptyState;

/// Headline numbers: real-vs-synthetic cards on top, then every metric per corpus.
class OverviewView : public QWidget {
    Q_OBJECT
public:
    explicit OverviewView(QWidget* parent = nullptr);
    void setDocument(model::ProjectDocument* document);
    [[nodiscard]] model::MetricsTableModel* metricsModel() const { return m_metrics; }

private:
    void reload();

    model::ProjectDocument* m_document = nullptr;
    model::MetricsTableModel* m_metrics;
    QTableView* m_table;
    QLabel* m_banner;
    QGridLayout* m_cards;
    EmptyState* m_state;
};

} // namespace synthscope::widgets
