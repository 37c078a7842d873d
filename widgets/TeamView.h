#pragma once

#include "model/TeamReview.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;

class QChartView;

namespace synthscope::model {
class AgreementModel;
class ConceptModel;
class NotesModel;
class ProjectDocument;
class TagRateModel;
} // namespace synthscope::model

namespace synthscope::widgets {

class LazyReload;

class EmptyState;

/// Review at team scale: agreement between reviewers (Cohen's κ, Krippendorff's α per tag),
/// tag rates by cluster, skeleton group, corpus and provenance as a heat map with a chart,
/// full-text note search with notes grouped by wording, and "more like this" concepts.
/// Reloads only while visible (a tag click elsewhere marks it stale).
class TeamView : public QWidget {
    Q_OBJECT
public:
    explicit TeamView(QWidget* parent = nullptr);
    void setDocument(model::ProjectDocument* document);

    [[nodiscard]] model::AgreementModel* agreementModel() const { return m_agreement; }
    [[nodiscard]] model::TagRateModel* tagRateModel() const { return m_rates; }
    [[nodiscard]] model::NotesModel* notesModel() const { return m_notes; }
    [[nodiscard]] model::ConceptModel* conceptModel() const { return m_concept; }
    /// Re-reads everything now (also when hidden).
    void reload();
    /// Searches the notes (empty: shows them grouped by wording).
    void searchNotes(const QString& query);
    void setDimension(model::Dimension dimension);
    enum class Page { Agreement, TagRates, Notes, Concepts };
    void showPage(Page page);

Q_SIGNALS:
    /// Open these samples in Review (title names the queue).
    void reviewRequested(const QList<qint64>& sampleIds, const QString& title);

private:
    void reloadRates();
    void updateRateChart();
    void showConcept(const model::ConceptResult& result);

    model::ProjectDocument* m_document = nullptr;
    LazyReload* m_lazy = nullptr;
    model::AgreementModel* m_agreement;
    model::TagRateModel* m_rates;
    model::NotesModel* m_notes;
    model::ConceptModel* m_concept;
    QTabWidget* m_tabs;
    QLabel* m_agreementHeader;
    QTableView* m_agreementTable;
    QComboBox* m_dimension;
    QComboBox* m_chartTag;
    QTableView* m_rateTable;
    QChartView* m_rateChart;
    QLineEdit* m_search;
    QLabel* m_notesHeader;
    QComboBox* m_conceptTag;
    QPushButton* m_train;
    QPushButton* m_reviewConcept;
    QLabel* m_conceptHeader;
    QString m_conceptTitle;
    EmptyState* m_state;
};

} // namespace synthscope::widgets
