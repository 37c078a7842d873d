#pragma once

#include <QDialog>

class QListView;
class QUndoStack;

namespace synthscope::model {
class ReviewStore;
class TagSetModel;
} // namespace synthscope::model

namespace synthscope::widgets {

/// Edit → Tag set…: add, rename (double-click or F2), remove and reorder the review tags. The
/// first nine tags get the hotkeys 1–9 in Review, in this order. Every change is a command on
/// undo (Edit → Undo after the dialog closes, or Ctrl+Z inside it).
class TagSetDialog : public QDialog {
    Q_OBJECT
public:
    TagSetDialog(model::ReviewStore& store, QUndoStack& undo, QWidget* parent = nullptr);

private:
    void add();
    void remove();
    void move(int delta);

    model::ReviewStore& m_store;
    QUndoStack& m_undo;
    model::TagSetModel* m_model;
    QListView* m_view;
};

} // namespace synthscope::widgets
