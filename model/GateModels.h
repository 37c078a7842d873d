#pragma once

#include "model/ColumnTableModel.h"
#include "model/Gate.h"

#include <QColor>

namespace synthscope::model {

/// The light fill for a status cell: pass green, warn amber, fail red; invalid for n/a.
QColor gateStatusFill(GateStatus status);
/// The strong colour for a status word or a card's edge (readable on light and dark
/// backgrounds): pass green, warn amber, fail red; invalid for n/a.
QColor gateStatusInk(GateStatus status);

/// The red lines judged on the newest analysis: status, rule, value, condition, action,
/// evidence. The status cell is coloured (pass green, warn amber, fail red).
class RedLinesModel : public ColumnTableModel<RedLineResult> {
    Q_OBJECT
public:
    enum Column { StatusColumn, Rule, Value, Condition, Action, Evidence };
    static constexpr int EvidenceRole = Qt::UserRole + 1; ///< the evidence view's name
    /// An unmet review-intensity rule: {dimension name, value, answers needed}; else null.
    static constexpr int FocusRole = Qt::UserRole + 2;
    explicit RedLinesModel(QObject* parent = nullptr);

protected:
    QVariant rowData(const RedLineResult& row, int role) const override;
};

} // namespace synthscope::model
