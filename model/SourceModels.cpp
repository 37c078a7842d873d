#include "model/SourceModels.h"

#include <QFont>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

namespace {

QVariant share(double v, int decimals = 3) {
    return std::isfinite(v) ? QVariant(QString::number(v, 'f', decimals)) : QVariant();
}

QVariant bold() {
    QFont f;
    f.setBold(true);
    return f;
}

} // namespace

void SourceConcentrationModel::setSources(const QList<DimensionSources>& sources) {
    QList<SourceConcentrationRow> rows;
    for (const DimensionSources& d : sources) {
        rows.append({d.dimension, d.all});
        for (const SourceShare& r : d.rounds)
            rows.append({d.dimension, r});
    }
    setRows(rows);
}

SourceConcentrationModel::SourceConcentrationModel(QObject* parent)
    : ColumnTableModel(parent) {
    using R = SourceConcentrationRow;
    using C = TableColumn<R>;
    setColumns({
        C{.header = tr("Provenance"),
          .display = [](const R& r) -> QVariant { return dimensionTitle(r.dimension); }},
        C{.header = tr("Round"),
          .display = [](const R& r) -> QVariant {
              return r.share.round.isEmpty() ? tr("all rounds") : r.share.round;
          }},
        C{.header = tr("Samples"),
          .display = [](const R& r) -> QVariant { return r.share.samples; },
          .numeric = true},
        C{.header = tr("Distinct"),
          .display = [](const R& r) -> QVariant { return r.share.sources; },
          .numeric = true},
        C{.header = tr("Largest"),
          .display = [](const R& r) -> QVariant { return r.share.largest; }},
        C{.header = tr("Largest share"),
          .display = [](const R& r) { return share(r.share.largestShare); },
          .sort = [](const R& r) -> QVariant { return r.share.largestShare; },
          .style = [](const R& r, int role) -> QVariant {
              return role == Qt::FontRole && std::isfinite(r.share.largestShare) &&
                             r.share.largestShare > 0.9
                         ? bold()
                         : QVariant();
          },
          .numeric = true},
        C{.header = tr("Evenness (entropy)"),
          .display = [](const R& r) { return share(r.share.entropy); },
          .sort = [](const R& r) -> QVariant { return r.share.entropy; },
          .numeric = true},
    });
}

QVariant SourceConcentrationModel::rowData(const SourceConcentrationRow& r, int role) const {
    if (role == Qt::ToolTipRole && r.share.unrecorded > 0)
        return tr("%1 synthetic samples have no %2 recorded and are not counted")
            .arg(r.share.unrecorded)
            .arg(dimensionTitle(r.dimension).toLower());
    return {};
}

SourceReviewModel::SourceReviewModel(QObject* parent)
    : ColumnTableModel(parent) {
    using R = SourceReviewRow;
    using C = TableColumn<R>;
    setColumns({
        C{.header = tr("Provenance"),
          .display = [](const R& r) -> QVariant { return dimensionTitle(r.dimension); }},
        C{.header = tr("Source"),
          .display = [](const R& r) -> QVariant {
              return r.review.newest ? tr("%1 (newest)").arg(r.review.value) : r.review.value;
          }},
        C{.header = tr("First round"),
          .display = [](const R& r) -> QVariant { return r.review.firstRound; },
          .numeric = true},
        C{.header = tr("Synthetic samples"),
          .display = [](const R& r) -> QVariant { return r.review.samples; },
          .numeric = true},
        C{.header = tr("Reviewed"),
          .display = [](const R& r) -> QVariant { return r.review.reviewed; },
          .numeric = true},
        C{.header = tr("By two reviewers"),
          .display = [](const R& r) -> QVariant { return r.review.reviewedTwice; },
          .numeric = true},
        C{.header = tr("Reviewed share"),
          .display = [](const R& r) -> QVariant {
              return QString(QString::number(100.0 * r.review.share(), 'f', 1) + u" %"_s);
          },
          .sort = [](const R& r) -> QVariant { return r.review.share(); },
          .numeric = true},
    });
}

QVariant SourceReviewModel::rowData(const SourceReviewRow& r, int role) const {
    if (!r.review.newest)
        return {};
    if (role == Qt::FontRole)
        return bold();
    if (role == Qt::ToolTipRole)
        return tr("The newest %1: its samples need a reviewer before the gate passes")
            .arg(dimensionTitle(r.dimension).toLower());
    return {};
}

} // namespace synthscope::model
