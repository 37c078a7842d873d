#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>
#include <QVariant>

#include <functional>
#include <utility>

namespace synthscope::model {

/// One column of a ColumnTableModel: its header and how a row shows in it. Built with
/// designated initializers (.header, .display, .sort, … .numeric = true); display is required.
template <typename Row> struct TableColumn {
    QString header = {};        ///< horizontal header (translated by the model that builds it)
    QString headerToolTip = {}; ///< what the column means; empty: none
    /// Qt::DisplayRole of a cell.
    std::function<QVariant(const Row&)> display = {};
    /// SortRole of a cell (a number for numeric columns); unset: the display value.
    std::function<QVariant(const Row&)> sort = {};
    /// Qt::ToolTipRole of a cell; unset: the model's rowData(row, Qt::ToolTipRole).
    std::function<QVariant(const Row&)> toolTip = {};
    /// Any other role of a cell (font, colours); unset or an invalid answer: the model's
    /// rowData(row, role).
    std::function<QVariant(const Row&, int role)> style = {};
    bool numeric = false; ///< right-aligned
};

/// A read-only table over a list of value rows, described as a list of columns: each
/// model is its columns (header, display, sort, tooltip, style, alignment) instead of a
/// switch per role. Roles a whole row answers (ids for the views) come from rowData().
/// Subclasses build their columns in their constructor (setColumns) and add Q_OBJECT for
/// their own translations.
template <typename Row> class ColumnTableModel : public QAbstractTableModel {
public:
    /// Numbers for numeric columns, text otherwise: the role a QSortFilterProxyModel sorts
    /// by (setSortRole).
    static constexpr int SortRole = Qt::UserRole + 64;

    using QAbstractTableModel::QAbstractTableModel;

    /// Replaces every row (a model reset).
    void setRows(QList<Row> rows) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }
    [[nodiscard]] const QList<Row>& rows() const { return m_rows; }
    /// Replaces the columns and every row at once (a model reset): for tables whose columns
    /// depend on the data (one per metric some row has).
    void setTable(QList<TableColumn<Row>> columns, QList<Row> rows) {
        beginResetModel();
        m_columns = std::move(columns);
        m_rows = std::move(rows);
        endResetModel();
    }

    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }
    int columnCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
    }

    QVariant data(const QModelIndex& index, int role) const override {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        const Row& row = m_rows.at(index.row());
        const TableColumn<Row>& column = m_columns.at(index.column());
        switch (role) {
        case Qt::DisplayRole:
            return column.display(row);
        case SortRole:
            return column.sort ? column.sort(row) : column.display(row);
        case Qt::ToolTipRole:
            return column.toolTip ? column.toolTip(row) : rowData(row, role);
        case Qt::TextAlignmentRole:
            return column.numeric ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                                  : QVariant();
        default:
            if (column.style)
                if (QVariant v = column.style(row, role); v.isValid())
                    return v;
            return rowData(row, role);
        }
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override {
        if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
            return {};
        const TableColumn<Row>& column = m_columns.at(section);
        if (role == Qt::DisplayRole)
            return column.header;
        if (role == Qt::ToolTipRole && !column.headerToolTip.isEmpty())
            return column.headerToolTip;
        return {};
    }

protected:
    /// The columns, in the order of the subclass's Column enum.
    void setColumns(QList<TableColumn<Row>> columns) { m_columns = std::move(columns); }
    /// Roles the whole row answers (ids, a row-wide tooltip); invalid by default.
    virtual QVariant rowData(const Row& row, int role) const {
        Q_UNUSED(row);
        Q_UNUSED(role);
        return {};
    }

    QList<Row> m_rows;

private:
    QList<TableColumn<Row>> m_columns;
};

} // namespace synthscope::model
