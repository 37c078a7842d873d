#pragma once

#include <QWidget>

class QGridLayout;
class QLabel;
class QTableView;

namespace synthscope::model {
class MetricsTableModel;
class ProjectDocument;
class VsRealModel;
} // namespace synthscope::model

namespace synthscope::widgets {

class EmptyState;

/// Headline numbers: pooled real-vs-synthetic cards on top, then each synthetic corpus
/// against reality next to the real-vs-real band, then every metric per corpus.
class OverviewView : public QWidget {
    Q_OBJECT
public:
    explicit OverviewView(QWidget* parent = nullptr);
    void setDocument(model::ProjectDocument* document);
    [[nodiscard]] model::MetricsTableModel* metricsModel() const { return m_metrics; }
    [[nodiscard]] model::VsRealModel* vsRealModel() const { return m_vsReal; }

private:
    void reload();

    model::ProjectDocument* m_document = nullptr;
    model::MetricsTableModel* m_metrics;
    QTableView* m_table;
    model::VsRealModel* m_vsReal;
    QTableView* m_vsRealTable;
    QLabel* m_vsRealTitle;
    QLabel* m_banner;
    QGridLayout* m_cards;
    EmptyState* m_state;
};

} // namespace synthscope::widgets
