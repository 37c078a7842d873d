#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace synthscope::model {
class ProjectDocument;
class RedLinesModel;
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
    /// Re-judges the rules.
    void reload();

Q_SIGNALS:
    /// The evidence view of a rule: overview, divergence, skeletons, cluster-map, duplicates
    /// or review.
    void evidenceRequested(const QString& view);

private:
    void editRules();

    model::ProjectDocument* m_document = nullptr;
    LazyReload* m_lazy = nullptr;
    model::RedLinesModel* m_rules;
    QTableView* m_table;
    QLabel* m_verdict;
    QPushButton* m_edit;
    EmptyState* m_state = nullptr;
};

} // namespace synthscope::widgets
