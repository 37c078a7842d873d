#pragma once

#include <QWidget>

class QCheckBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QTableView;

namespace synthscope::model {
class LengthControlModel;
class MetricsTableModel;
class SourceConcentrationModel;
class ProjectDocument;
class VsRealModel;
} // namespace synthscope::model

namespace synthscope::widgets {

class EmptyState;

/// Headline numbers: pooled real-vs-synthetic cards on top, then each synthetic corpus
/// against reality next to the real-vs-real band, then its length-sensitive measures against
/// real text of the same lengths (with a warning when the sides' lengths differ), then every
/// size- and length-controlled metric per corpus ("Show raw measures" adds the others).
class OverviewView : public QWidget {
    Q_OBJECT
public:
    explicit OverviewView(QWidget* parent = nullptr);
    void setDocument(model::ProjectDocument* document);
    [[nodiscard]] model::MetricsTableModel* metricsModel() const { return m_metrics; }
    [[nodiscard]] model::MetricsTableModel* pooledModel() const { return m_pooled; }
    [[nodiscard]] model::VsRealModel* vsRealModel() const { return m_vsReal; }
    [[nodiscard]] model::LengthControlModel* lengthModel() const { return m_length; }
    [[nodiscard]] model::SourceConcentrationModel* sourcesModel() const { return m_sources; }

private:
    void reload();
    /// The metric cards of the newest analysis, each with the red lines the newest gate
    /// verdict judged on that analysis (none while it is judged); none without a readable
    /// analysis.
    void placeCards();

    model::ProjectDocument* m_document = nullptr;
    model::MetricsTableModel* m_metrics;
    QTableView* m_table;
    model::MetricsTableModel* m_pooled; ///< the pooled real-vs-synthetic comparisons
    QTableView* m_pooledTable;
    QLabel* m_pooledTitle;
    model::VsRealModel* m_vsReal;
    QTableView* m_vsRealTable;
    QLabel* m_vsRealTitle;
    model::LengthControlModel* m_length;
    QTableView* m_lengthTable;
    QLabel* m_lengthTitle;
    QLabel* m_lengthWarning;
    model::SourceConcentrationModel* m_sources;
    QTableView* m_sourcesTable;
    QLabel* m_sourcesTitle;
    QCheckBox* m_showRaw;
    QLabel* m_banner;
    QPushButton* m_dropAnalysis;
    QGridLayout* m_cards;
    EmptyState* m_state;
};

} // namespace synthscope::widgets
