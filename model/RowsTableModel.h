#pragma once

#include <QAbstractTableModel>
#include <QList>

namespace synthscope::model {

/// A flat table over a list of value rows with a fixed column count: the reset, row and
/// column plumbing shared by the read-only result tables. Subclasses add data() and
/// headerData() (and Q_OBJECT for their own translations).
template <typename Row, int Columns> class RowsTableModel : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;

    /// Replaces every row (a model reset).
    void setRows(QList<Row> rows) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }
    [[nodiscard]] const QList<Row>& rows() const { return m_rows; }

    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }
    int columnCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : Columns;
    }

protected:
    QList<Row> m_rows;
};

} // namespace synthscope::model
