#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTextBrowser;
class QTreeView;

namespace synthscope::model {
class AffixModel;
class RecurringTemplateModel;
class ProjectDocument;
class SkeletonGroupsModel;
} // namespace synthscope::model

namespace synthscope::widgets {

class EmptyState;

/// Template skeletons: moulds (samples sharing their skeleton windows, analysis::SkeletonGroup),
/// the most synthetic first and sortable by size, synthetic share, coverage and lift over real,
/// short replies (placeholder-only or shorter than six tokens) hidden until asked for; the
/// selected group's members with their content highlighted (the shared structure stays plain);
/// recurring templates (skeleton 6-grams, the ones leaning synthetic first; a selected one shows
/// samples containing it, its span marked) and recurring openings and closings per side.
class SkeletonsView : public QWidget {
    Q_OBJECT
public:
    explicit SkeletonsView(QWidget* parent = nullptr);
    void setDocument(model::ProjectDocument* document);
    [[nodiscard]] model::SkeletonGroupsModel* groupsModel() const { return m_groups; }
    [[nodiscard]] model::AffixModel* openingsModel() const { return m_openings; }
    [[nodiscard]] model::RecurringTemplateModel* templatesModel() const { return m_templates; }
    /// Selects the group in row (of the groups model) and shows its members.
    void selectGroup(int row);

Q_SIGNALS:
    /// The user asked to review the members of this skeleton group.
    void reviewGroupRequested(qint64 groupId, const QString& pattern);

private:
    void reload();
    void showGroup(int row);
    /// Shows the example samples of the recurring template in row, the template marked.
    void showTemplate(int row);
    void showShortReplies(bool show);

    model::ProjectDocument* m_document = nullptr;
    model::SkeletonGroupsModel* m_groups = nullptr;
    QSortFilterProxyModel* m_sorted;
    model::RecurringTemplateModel* m_templates;
    model::AffixModel* m_openings;
    model::AffixModel* m_closings;
    QTreeView* m_tree;
    QTableView* m_templatesTable = nullptr;
    QTextBrowser* m_members;
    QLabel* m_title;
    QPushButton* m_review;
    QCheckBox* m_shortReplies;
    EmptyState* m_state;
    int m_row = -1;
    int m_sortColumn = -1; // the column the user last sorted by
};

} // namespace synthscope::widgets
