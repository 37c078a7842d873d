#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace synthscope::model {
enum class Dimension;
class ProjectDocument;
class RedLinesModel;
class SourceReviewModel;
} // namespace synthscope::model

namespace synthscope::widgets {

class LazyReload;

class EmptyState;

/// The deployment red lines (chapter 17, Tables 17-2 and 17-3) judged on the newest analysis
/// and the reviewers' tags: value, condition, pass / warn / fail, the action each is bound to,
/// and a double-click to the evidence. *Edit rules…* edits the project's rules JSON (validated
/// before it is saved); the same rules drive `synthscope-cli gate`.
class ChecklistView : public QWidget {
    Q_OBJECT
public:
    explicit ChecklistView(QWidget* parent = nullptr);
    void setDocument(model::ProjectDocument* document);
    [[nodiscard]] model::RedLinesModel* rules() const { return m_rules; }
    /// How much of each generator's, template version's and judge version's output was read.
    [[nodiscard]] model::SourceReviewModel* sourceReview() const { return m_sourceReview; }
    /// Re-judges the rules.
    void reload();

Q_SIGNALS:
    /// The evidence of a rule: its view's name (overview, divergence, skeletons, cluster-map,
    /// duplicates, review or trends), the rule's metric and, for a rule judged on the worst
    /// corpus of a role, that corpus (0: none), so the view can open filtered to what tripped.
    void evidenceRequested(const QString& view, const QString& metric, qint64 corpusId);
    /// A review-intensity rule's evidence: a queue of this source's unreviewed samples.
    void reviewSourceRequested(model::Dimension dimension, const QString& value, int needed);

private:
    void editRules();

    model::ProjectDocument* m_document = nullptr;
    LazyReload* m_lazy = nullptr;
    model::RedLinesModel* m_rules;
    QTableView* m_table;
    model::SourceReviewModel* m_sourceReview;
    QTableView* m_sourceReviewTable = nullptr;
    QLabel* m_sourceReviewTitle;
    QLabel* m_verdict;
    QLabel* m_hint = nullptr; ///< the CLI command that gates a pipeline the same way
    QPushButton* m_edit;
    EmptyState* m_state = nullptr;
};

} // namespace synthscope::widgets
