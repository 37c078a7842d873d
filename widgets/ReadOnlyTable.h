#pragma once

#include <QHeaderView>
#include <QObject>
#include <QTableView>

namespace synthscope::widgets {

/// A read-only table of model with alternating rows, whole-row selection, one-line rows, Tab
/// moving on to the next widget and its first column stretched (the text column of the term,
/// affix and similar tables).
inline QTableView* makeReadOnlyTable(QAbstractItemModel* model, QWidget* parent,
                                     const QString& objectName) {
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->setObjectName(objectName);
    view->verticalHeader()->hide();
    view->setAlternatingRowColors(true);
    // Column 0 may not exist yet (an empty model): stretch it whenever it does.
    const auto stretchFirst = [view]() {
        if (view->model() != nullptr && view->model()->columnCount() > 0)
            view->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    };
    stretchFirst();
    QObject::connect(model, &QAbstractItemModel::modelReset, view, stretchFirst);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Tab leaves the table (arrow keys move within it), and rows are one line high.
    view->setTabKeyNavigation(false);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    return view;
}

} // namespace synthscope::widgets
