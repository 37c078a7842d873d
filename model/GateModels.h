#pragma once

#include "model/Gate.h"
#include "model/RowsTableModel.h"

namespace synthscope::model {

/// The red lines judged on the newest analysis: status, rule, value, condition, action,
/// evidence. The status cell is coloured (pass green, warn amber, fail red).
class RedLinesModel : public RowsTableModel<RedLineResult, 6> {
    Q_OBJECT
public:
    enum Column { StatusColumn, Rule, Value, Condition, Action, Evidence };
    static constexpr int EvidenceRole = Qt::UserRole + 1; ///< the evidence view's name
    /// An unmet review-intensity rule: {dimension name, value, answers needed}; else null.
    static constexpr int FocusRole = Qt::UserRole + 2;
    using RowsTableModel::RowsTableModel;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
};

} // namespace synthscope::model
