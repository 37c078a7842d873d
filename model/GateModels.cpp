#include "model/GateModels.h"

#include <QColor>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

QColor gateStatusFill(GateStatus status) {
    switch (status) {
    case GateStatus::Pass:
        return {0xd8, 0xf0, 0xd8};
    case GateStatus::Warn:
        return {0xff, 0xe9, 0xb0};
    case GateStatus::Fail:
        return {0xf6, 0xc6, 0xc6};
    case GateStatus::NotApplicable:
        break;
    }
    return {};
}

QColor gateStatusInk(GateStatus status) {
    switch (status) {
    case GateStatus::Pass:
        return {0x20, 0x80, 0x20};
    case GateStatus::Warn:
        return {0xb0, 0x70, 0x00};
    case GateStatus::Fail:
        return {0xc0, 0x20, 0x20};
    case GateStatus::NotApplicable:
        break;
    }
    return {};
}

RedLinesModel::RedLinesModel(QObject* parent)
    : ColumnTableModel(parent) {
    using R = RedLineResult;
    using C = TableColumn<R>;
    setColumns({
        C{.header = tr("Status"),
          .display = [](const R& r) -> QVariant {
              return QString(gateStatusTitle(r.status) +
                             (r.rule.fail ? tr(" (fail rule)") : QString()));
          },
          .sort = [](const R& r) -> QVariant { return static_cast<int>(r.status); },
          .style = [](const R& r, int role) -> QVariant {
              const QColor fill = gateStatusFill(r.status);
              if (!fill.isValid())
                  return {};
              if (role == Qt::BackgroundRole)
                  return fill;
              if (role == Qt::ForegroundRole) // the fill is light in a dark palette too
                  return QColor(Qt::black);
              return {};
          }},
        C{.header = tr("Red line · dimension"),
          .display = [](const R& r) -> QVariant {
              return r.rule.dimension.isEmpty() ? redLineText(r.rule.title)
                                                : QString(redLineText(r.rule.title) + u" · "_s +
                                                          redLineText(r.rule.dimension));
          }},
        C{.header = tr("Value"),
          .display = [](const R& r) -> QVariant {
              return r.value ? QString::number(*r.value, 'f', 4) : u"–"_s;
          },
          .sort = [](const R& r) -> QVariant { return r.value ? QVariant(*r.value) : QVariant(); },
          .numeric = true},
        C{.header = tr("Passes when"),
          .display = [](const R& r) -> QVariant { return conditionText(r.rule); }},
        C{.header = tr("Action when tripped"),
          .display = [](const R& r) -> QVariant { return redLineText(r.rule.action); }},
        C{.header = tr("Evidence (double-click to open)"),
          .display = [](const R& r) -> QVariant { return r.detail; }},
    });
}

QVariant RedLinesModel::rowData(const RedLineResult& r, int role) const {
    switch (role) {
    case EvidenceRole:
        return r.rule.evidence;
    case FocusRole:
        return r.focusDimension ? QVariant(QVariantList{dimensionName(*r.focusDimension),
                                                        r.focusValue, r.focusNeeded})
                                : QVariant();
    case Qt::ToolTipRole:
        return r.detail.isEmpty() ? redLineText(r.rule.title)
                                  : redLineText(r.rule.title) + u"\n"_s + r.detail;
    default:
        return {};
    }
}

} // namespace synthscope::model
