#include "model/GateModels.h"

#include <QColor>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

QVariant RedLinesModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RedLineResult& r = m_rows.at(index.row());
    if (role == EvidenceRole)
        return r.rule.evidence;
    if (role == FocusRole)
        return r.focusDimension ? QVariant(QVariantList{dimensionName(*r.focusDimension),
                                                        r.focusValue, r.focusNeeded})
                                : QVariant();
    if (role == Qt::BackgroundRole && index.column() == StatusColumn) {
        switch (r.status) {
        case GateStatus::Pass:
            return QColor(0xd8, 0xf0, 0xd8);
        case GateStatus::Warn:
            return QColor(0xff, 0xe9, 0xb0);
        case GateStatus::Fail:
            return QColor(0xf6, 0xc6, 0xc6);
        case GateStatus::NotApplicable:
            return {};
        }
    }
    if (role == Qt::ToolTipRole)
        return r.detail.isEmpty() ? r.rule.title : r.rule.title + u"\n"_s + r.detail;
    if (role == Qt::TextAlignmentRole && index.column() == Value)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case StatusColumn:
        return QString(gateStatusName(r.status).toUpper() +
                       (r.rule.fail ? tr(" (fail rule)") : QString()));
    case Rule:
        return r.rule.dimension.isEmpty() ? r.rule.title
                                          : QString(r.rule.title + u" · "_s + r.rule.dimension);
    case Value:
        return r.value ? QString::number(*r.value, 'f', 4) : u"–"_s;
    case Condition:
        return conditionText(r.rule);
    case Action:
        return r.rule.action;
    case Evidence:
        return r.detail;
    default:
        return {};
    }
}

QVariant RedLinesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StatusColumn:
        return tr("Status");
    case Rule:
        return tr("Red line · dimension");
    case Value:
        return tr("Value");
    case Condition:
        return tr("Passes when");
    case Action:
        return tr("Action when tripped");
    case Evidence:
        return tr("Evidence (double-click to open)");
    default:
        return {};
    }
}

} // namespace synthscope::model
