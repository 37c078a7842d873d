#pragma once

#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QTableView;

namespace synthscope::model {
class IndicatingTermsModel;
class MetricsTableModel;
class ProjectDocument;
} // namespace synthscope::model

namespace synthscope::widgets {

class EmptyState;

/// Real against synthetic in charts: token-length histograms overlaid, label distributions
/// side by side, Jensen–Shannon divergence per feature, how each corpus's texts are written
/// (lower-case starts, end punctuation, politeness markers, out-of-vocabulary words: the input
/// mismatch of the prompts view), and the indicating n-grams of each side (weighted log-odds,
/// Monroe et al. 2008).
class DivergenceView : public QWidget {
    Q_OBJECT
public:
    explicit DivergenceView(QWidget* parent = nullptr);
    void setDocument(model::ProjectDocument* document);
    [[nodiscard]] model::IndicatingTermsModel* realTermsModel() const { return m_realTerms; }
    [[nodiscard]] model::IndicatingTermsModel* syntheticTermsModel() const {
        return m_syntheticTerms;
    }
    /// Diversity and template measures of every corpus, side by side.
    [[nodiscard]] model::MetricsTableModel* diversityModel() const { return m_diversity; }
    /// Number of series drawn in the length, label and divergence charts (for tests).
    [[nodiscard]] int seriesCount() const;

private:
    void reload();
    void fillLengthChart();
    void fillLabelChart();
    void fillDivergenceChart();
    void fillPerplexityChart();
    void fillNnSimilarityChart();
    void fillStyleChart();

    model::ProjectDocument* m_document = nullptr;
    QChartView* m_lengthView;
    QChartView* m_labelView;
    QChartView* m_divergenceView;
    QChartView* m_perplexityView;
    QChartView* m_nnView;
    QChartView* m_styleView; ///< how the texts are written, per corpus (input style)
    model::IndicatingTermsModel* m_realTerms;
    model::IndicatingTermsModel* m_syntheticTerms;
    model::MetricsTableModel* m_diversity;
    EmptyState* m_state;
};

} // namespace synthscope::widgets
