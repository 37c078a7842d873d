#pragma once

#include <QDialog>

class QListView;

namespace synthscope::model {
class ReviewStore;
class TagSetModel;
} // namespace synthscope::model

namespace synthscope::widgets {

/// Edit → Tag set…: add, rename (double-click), remove and reorder the review tags. The
/// first nine tags get the hotkeys 1–9 in Review, in this order.
class TagSetDialog : public QDialog {
    Q_OBJECT
public:
    TagSetDialog(model::ReviewStore& store, QWidget* parent = nullptr);

private:
    void add();
    void remove();
    void move(int delta);

    model::ReviewStore& m_store;
    model::TagSetModel* m_model;
    QListView* m_view;
};

} // namespace synthscope::widgets
