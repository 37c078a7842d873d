#include "model/SourceModels.h"

#include <QFont>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

namespace {

QVariant share(double v, int decimals = 3) {
    return std::isfinite(v) ? QVariant(QString::number(v, 'f', decimals)) : QVariant();
}

QVariant alignRight() {
    return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
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

QVariant SourceConcentrationModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SourceConcentrationRow& r = m_rows.at(index.row());
    if (role == Qt::TextAlignmentRole && index.column() >= Samples && index.column() != Largest)
        return alignRight();
    if (role == Qt::FontRole && index.column() == LargestShare &&
        std::isfinite(r.share.largestShare) && r.share.largestShare > 0.9)
        return bold();
    if (role == Qt::ToolTipRole && r.share.unrecorded > 0)
        return tr("%1 synthetic samples have no %2 recorded and are not counted")
            .arg(r.share.unrecorded)
            .arg(dimensionTitle(r.dimension).toLower());
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case DimensionColumn:
        return dimensionTitle(r.dimension);
    case Round:
        return r.share.round.isEmpty() ? tr("all rounds") : r.share.round;
    case Samples:
        return r.share.samples;
    case Sources:
        return r.share.sources;
    case Largest:
        return r.share.largest;
    case LargestShare:
        return share(r.share.largestShare);
    case Evenness:
        return share(r.share.entropy);
    default:
        return {};
    }
}

QVariant SourceConcentrationModel::headerData(int section, Qt::Orientation orientation,
                                              int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DimensionColumn:
        return tr("Provenance");
    case Round:
        return tr("Round");
    case Samples:
        return tr("Samples");
    case Sources:
        return tr("Distinct");
    case Largest:
        return tr("Largest");
    case LargestShare:
        return tr("Largest share");
    case Evenness:
        return tr("Evenness (entropy)");
    default:
        return {};
    }
}

Status SourceReviewModel::load(Project& project) {
    QList<SourceReviewRow> rows;
    for (Dimension d : kSourceDimensions) {
        QList<SourceReview> reviews;
        if (Status s = sourceReview(project, d, &reviews); !s) {
            setRows({});
            return s;
        }
        for (const SourceReview& r : std::as_const(reviews))
            rows.append({d, r});
    }
    setRows(rows);
    return {};
}

QVariant SourceReviewModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SourceReviewRow& r = m_rows.at(index.row());
    if (role == Qt::TextAlignmentRole && index.column() >= FirstRound)
        return alignRight();
    if (role == Qt::FontRole && r.review.newest)
        return bold();
    if (role == Qt::ToolTipRole && r.review.newest)
        return tr("The newest %1: its samples need a reviewer before the gate passes")
            .arg(dimensionTitle(r.dimension).toLower());
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case DimensionColumn:
        return dimensionTitle(r.dimension);
    case Source:
        return r.review.newest ? tr("%1 (newest)").arg(r.review.value) : r.review.value;
    case FirstRound:
        return r.review.firstRound;
    case Samples:
        return r.review.samples;
    case Reviewed:
        return r.review.reviewed;
    case ReviewedTwice:
        return r.review.reviewedTwice;
    case Share:
        return QString(QString::number(100.0 * r.review.share(), 'f', 1) + u" %"_s);
    default:
        return {};
    }
}

QVariant SourceReviewModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DimensionColumn:
        return tr("Provenance");
    case Source:
        return tr("Source");
    case FirstRound:
        return tr("First round");
    case Samples:
        return tr("Synthetic samples");
    case Reviewed:
        return tr("Reviewed");
    case ReviewedTwice:
        return tr("By two reviewers");
    case Share:
        return tr("Reviewed share");
    default:
        return {};
    }
}

} // namespace synthscope::model
