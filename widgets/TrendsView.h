#pragma once

#include "model/Trends.h"

#include <QWidget>

class QChartView;
class QComboBox;
class QLabel;
class QPushButton;

namespace synthscope::model {
class ProjectDocument;
}

namespace synthscope::widgets {

class EmptyState;
class LazyReload;

/// Trends across rounds and versions: any stored metric against round, generator, template
/// version, judge version, corpus or the analysis runs, with the real corpora as flat
/// references, so slow narrowing shows as a line; and a ratio-gradient experiment (imported
/// CSV/JSON of training runs) with each metric's inflection point marked.
class TrendsView : public QWidget {
    Q_OBJECT
public:
    explicit TrendsView(QWidget* parent = nullptr);
    void setDocument(model::ProjectDocument* document);
    /// Shows metric (a MetricCatalog key) against axis ("run" or a dimension name).
    void showTrend(const QString& metric, const QString& axis);
    /// Imports a ratio-gradient file into the project and charts it (the project keeps its
    /// previous experiment on error).
    model::Status importRatioGradient(const QString& path);
    [[nodiscard]] const model::Trend& trend() const { return m_trend; }
    [[nodiscard]] int trendSeriesCount() const;
    [[nodiscard]] int gradientSeriesCount() const;

private:
    void reload();
    void reloadTrend();
    void reloadGradient();
    void chooseRatioGradient();

    model::ProjectDocument* m_document = nullptr;
    model::Trend m_trend;
    QComboBox* m_metric;
    QComboBox* m_axis;
    QChartView* m_trendChart;
    QLabel* m_meaning;
    QChartView* m_gradientChart;
    QLabel* m_gradientInfo;
    QPushButton* m_import;
    EmptyState* m_state;
    LazyReload* m_lazy;
};

} // namespace synthscope::widgets
