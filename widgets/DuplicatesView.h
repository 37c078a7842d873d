#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QHBoxLayout;

namespace synthscope::model {
class DuplicateGroupsModel;
class ProjectDocument;
} // namespace synthscope::model

namespace synthscope::widgets {

class EmptyState;

/// Exact and near-duplicate groups (MinHash) of the newest analysis: the groups, largest
/// first, and the selected group's members side by side (up to six, with corpus and role).
class DuplicatesView : public QWidget {
    Q_OBJECT
public:
    explicit DuplicatesView(QWidget* parent = nullptr);
    void setDocument(model::ProjectDocument* document);
    [[nodiscard]] model::DuplicateGroupsModel* groups() const { return m_groups; }
    /// Shows the group in source row of the groups table.
    void showGroup(int row);
    /// Lists only the groups with both real and synthetic members (copies across the sides:
    /// the evidence of the cross-duplicate red line), or every group again. The box above
    /// the table does the same.
    void showMixedOnly(bool on);

Q_SIGNALS:
    void reviewGroupRequested(qint64 groupId, const QString& title);

private:
    void reload();

    model::ProjectDocument* m_document = nullptr;
    model::DuplicateGroupsModel* m_groups;
    QSortFilterProxyModel* m_sorted;
    QCheckBox* m_mixedOnly;
    QLabel* m_noneMixed; ///< shown when the mixed-only list is empty
    QTableView* m_table;
    QLabel* m_title;
    QLabel* m_summary;
    QPushButton* m_review;
    QWidget* m_members;
    QHBoxLayout* m_membersLayout;
    EmptyState* m_state = nullptr;
    int m_row = -1;
};

} // namespace synthscope::widgets
