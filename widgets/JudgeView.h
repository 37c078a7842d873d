#pragma once

#include <QWidget>

class QChartView;
class QLabel;
class QListWidget;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace synthscope::model {
class JudgeTableModel;
class ProjectDocument;
} // namespace synthscope::model

namespace synthscope::widgets {

class EmptyState;

/// What an LLM judge kept (issue 12): per corpus of preference pairs, the raw win rate against
/// the length-controlled one (bars), the selected corpus's verdicts by length difference
/// (observed points, the fitted length model and the length-free line), the words that lean to
/// the preferred and to the rejected outputs, and a button that opens the pairs in Review.
class JudgeView : public QWidget {
    Q_OBJECT
public:
    explicit JudgeView(QWidget* parent = nullptr);
    void setDocument(model::ProjectDocument* document);
    [[nodiscard]] model::JudgeTableModel* table() const { return m_rows; }
    /// Selects the corpus's row (the evidence of the judge red line: the corpus that tripped it).
    void selectCorpus(qint64 corpusId);

Q_SIGNALS:
    /// Review these samples (one per pair of a corpus, the largest length gaps first; Review
    /// shows each with its pair: the prompt above, the other output beside it).
    void reviewSamplesRequested(const QList<qint64>& sampleIds, const QString& title);

private:
    void reload();
    void showCorpus(int row);
    void fillWinRateChart();

    model::ProjectDocument* m_document = nullptr;
    model::JudgeTableModel* m_rows;
    QSortFilterProxyModel* m_sorted;
    QTableView* m_table;
    QLabel* m_intro;
    QChartView* m_winRates;
    QChartView* m_curve;
    QLabel* m_termsTitle;
    QListWidget* m_preferred;
    QListWidget* m_rejected;
    QPushButton* m_review;
    EmptyState* m_state = nullptr;
    int m_row = -1;
    bool m_sortChosen = false; ///< the user sorted by a column: reloads keep it
};

} // namespace synthscope::widgets
