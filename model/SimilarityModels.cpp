#include "model/SimilarityModels.h"

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

namespace {

QVariant rightAligned() {
    return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
}

QVariant optionalNumber(float v, int decimals) {
    return std::isnan(v) ? QVariant(u"–"_s) : QVariant(QString::number(v, 'f', decimals));
}

} // namespace

QVariant ClustersModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ClusterRow& c = m_rows.at(index.row());
    const double share = c.size > 0 ? static_cast<double>(c.synthetic) / c.size : 0.0;
    if (role == ClusterIdRole)
        return c.id;
    if (role == SortRole) {
        switch (index.column()) {
        case Label:
            return c.label;
        case Size:
            return c.size;
        case Real:
            return c.real;
        case Synthetic:
            return c.synthetic;
        case SyntheticShare:
            return share;
        case Flag: // sorts None, synthetic only, real only
            return static_cast<int>(c.flag);
        case MeanNnSimilarity:
            return c.meanNnSimilarity;
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != Label && index.column() != Flag)
        return rightAligned();
    if (role == Qt::ToolTipRole && index.column() == Flag && c.flag != analysis::ClusterFlag::None)
        return c.flag == analysis::ClusterFlag::SyntheticOnly
                   ? tr("Almost only synthetic samples: a template factory with no real "
                        "counterpart.")
                   : tr("Almost only real samples: a part of reality the synthetic data does not "
                        "cover (the long tail).");
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Label:
        return tr("%1 · %2").arg(c.id + 1).arg(c.label.isEmpty() ? tr("(no frequent terms)")
                                                                 : c.label);
    case Size:
        return c.size;
    case Real:
        return c.real;
    case Synthetic:
        return c.synthetic;
    case SyntheticShare:
        return QString(QString::number(share * 100.0, 'f', 1) + u" %"_s);
    case Flag:
        switch (c.flag) {
        case analysis::ClusterFlag::SyntheticOnly:
            return tr("synthetic only");
        case analysis::ClusterFlag::RealOnly:
            return tr("real only");
        case analysis::ClusterFlag::None:
            break;
        }
        return QString();
    case MeanNnSimilarity:
        return QString::number(c.meanNnSimilarity, 'f', 3);
    default:
        return {};
    }
}

QVariant ClustersModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        switch (section) {
        case Label:
            return tr("The cluster's most distinctive words (class-based TF-IDF)");
        case SyntheticShare:
            return tr("Share of the cluster's samples that are synthetic");
        case Flag:
            return tr("\"synthetic only\" (≥ 90% synthetic): a template factory; \"real only\" "
                      "(≥ 90% real): a part of reality the synthetic data misses");
        case MeanNnSimilarity:
            return tr("Mean cosine of each member to its nearest neighbour in its own corpus");
        default:
            return {};
        }
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Label:
        return tr("Cluster · terms");
    case Size:
        return tr("Size");
    case Real:
        return tr("Real");
    case Synthetic:
        return tr("Synthetic");
    case SyntheticShare:
        return tr("Synthetic %");
    case Flag:
        return tr("Flag");
    case MeanNnSimilarity:
        return tr("NN sim.");
    default:
        return {};
    }
}

QVariant DuplicateGroupsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DuplicateGroupRow& g = m_rows.at(index.row());
    if (role == GroupIdRole)
        return g.id;
    if (role == SortRole) {
        switch (index.column()) {
        case Excerpt:
            return g.excerpt;
        case Kind:
            return g.exact ? 1 : 0;
        case Size:
            return g.size;
        case Real:
            return g.real;
        case Synthetic:
            return g.synthetic;
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Size)
        return rightAligned();
    if (role == Qt::ToolTipRole && index.column() == Kind)
        return g.exact ? tr("Every member has the same text after normalisation.")
                       : tr("Members differ a little: word 5-gram Jaccard ≥ 0.8 (MinHash).");
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Excerpt:
        return g.excerpt;
    case Kind:
        return g.exact ? tr("exact") : tr("near");
    case Size:
        return g.size;
    case Real:
        return g.real;
    case Synthetic:
        return g.synthetic;
    default:
        return {};
    }
}

QVariant DuplicateGroupsModel::headerData(int section, Qt::Orientation orientation,
                                          int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Excerpt:
        return tr("First member");
    case Kind:
        return tr("Kind");
    case Size:
        return tr("Size");
    case Real:
        return tr("Real");
    case Synthetic:
        return tr("Synthetic");
    default:
        return {};
    }
}

void MapSelectionModel::setSelection(std::shared_ptr<const MapPoints> points,
                                     std::vector<std::size_t> indices) {
    beginResetModel();
    m_points = std::move(points);
    m_indices = m_points ? std::move(indices) : std::vector<std::size_t>{};
    endResetModel();
}

QList<qint64> MapSelectionModel::sampleIds() const {
    QList<qint64> out;
    for (std::size_t i : m_indices)
        out.append(m_points->ids[i]);
    return out;
}

int MapSelectionModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_indices.size());
}

int MapSelectionModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MapSelectionModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const std::size_t i = m_indices[static_cast<std::size_t>(index.row())];
    const qint64 id = m_points->ids[i];
    if (role == SampleIdRole)
        return id;
    if (role == Qt::TextAlignmentRole && index.column() != Text && index.column() != Role)
        return rightAligned();
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Text: {
        auto it = m_previews.find(id);
        if (it == m_previews.end())
            it = m_previews.insert(id, m_preview ? m_preview(id) : QString());
        return *it;
    }
    case Sample:
        return id;
    case Role:
        return m_points->synthetic[i] != 0 ? tr("synthetic") : tr("real");
    case Cluster:
        return m_points->cluster[i] < 0 ? QVariant(u"–"_s) : QVariant(m_points->cluster[i] + 1);
    case SyntheticLikeness:
        return optionalNumber(m_points->syntheticLikeness[i], 3);
    case NnSimilarity:
        return optionalNumber(m_points->nnOwn[i], 3);
    default:
        return {};
    }
}

QVariant MapSelectionModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Text:
        return tr("Text");
    case Sample:
        return tr("Sample");
    case Role:
        return tr("Role");
    case Cluster:
        return tr("Cluster");
    case SyntheticLikeness:
        return tr("Synthetic-likeness");
    case NnSimilarity:
        return tr("NN similarity");
    default:
        return {};
    }
}

} // namespace synthscope::model
