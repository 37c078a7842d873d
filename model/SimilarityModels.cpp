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

namespace {

double syntheticShare(const ClusterRow& c) {
    return c.size > 0 ? static_cast<double>(c.synthetic) / static_cast<double>(c.size) : 0.0;
}

} // namespace

ClustersModel::ClustersModel(QObject* parent)
    : ColumnTableModel(parent) {
    using C = TableColumn<ClusterRow>;
    setColumns({
        C{.header = tr("Cluster · terms"),
          .headerToolTip = tr("The cluster's most distinctive words (class-based TF-IDF, "
                              "without function words); hover a cell for all of them"),
          .display = [](const ClusterRow& c) -> QVariant {
              // The first few terms; the analysis keeps up to eight (the tooltip).
              constexpr int kShown = 3;
              const QStringList terms = c.label.split(u", "_s, Qt::SkipEmptyParts);
              const QString shown = terms.mid(0, kShown).join(u", "_s) +
                                    (terms.size() > kShown ? u", …"_s : QString());
              return tr("%1 · %2").arg(c.id + 1).arg(terms.isEmpty() ? tr("(no frequent terms)")
                                                                     : shown);
          },
          .sort = [](const ClusterRow& c) -> QVariant { return c.label; },
          .toolTip = [](const ClusterRow& c) -> QVariant {
              return c.label.isEmpty() ? QVariant() : QVariant(tr("Terms: %1").arg(c.label));
          }},
        C{.header = tr("Size"),
          .display = [](const ClusterRow& c) -> QVariant { return c.size; },
          .numeric = true},
        C{.header = tr("Real"),
          .display = [](const ClusterRow& c) -> QVariant { return c.real; },
          .numeric = true},
        C{.header = tr("Synthetic"),
          .display = [](const ClusterRow& c) -> QVariant { return c.synthetic; },
          .numeric = true},
        C{.header = tr("Synthetic %"),
          .headerToolTip = tr("Share of the cluster's samples that are synthetic"),
          .display = [](const ClusterRow& c) -> QVariant {
              return QString(QString::number(syntheticShare(c) * 100.0, 'f', 1) + u" %"_s);
          },
          .sort = [](const ClusterRow& c) -> QVariant { return syntheticShare(c); },
          .numeric = true},
        C{.header = tr("Flag"),
          .headerToolTip =
              tr("\"synthetic only\" (≥ 90% synthetic): a template factory; \"real only\" "
                 "(≥ 90% real): a part of reality the synthetic data misses"),
          .display = [](const ClusterRow& c) -> QVariant {
              switch (c.flag) {
              case analysis::ClusterFlag::SyntheticOnly:
                  return tr("synthetic only");
              case analysis::ClusterFlag::RealOnly:
                  return tr("real only");
              case analysis::ClusterFlag::None:
                  break;
              }
              return QString();
          },
          // sorts None, synthetic only, real only
          .sort = [](const ClusterRow& c) -> QVariant { return static_cast<int>(c.flag); },
          .toolTip = [](const ClusterRow& c) -> QVariant {
              switch (c.flag) {
              case analysis::ClusterFlag::SyntheticOnly:
                  return tr("Almost only synthetic samples: a template factory with no real "
                            "counterpart.");
              case analysis::ClusterFlag::RealOnly:
                  return tr("Almost only real samples: a part of reality the synthetic data "
                            "does not cover (the long tail).");
              case analysis::ClusterFlag::None:
                  break;
              }
              return {};
          }},
        C{.header = tr("NN sim."),
          .headerToolTip =
              tr("Mean cosine of each member to its nearest neighbour in its own corpus"),
          .display = [](const ClusterRow& c) -> QVariant {
              return QString::number(c.meanNnSimilarity, 'f', 3);
          },
          .sort = [](const ClusterRow& c) -> QVariant { return c.meanNnSimilarity; },
          .numeric = true},
    });
}

QVariant ClustersModel::rowData(const ClusterRow& row, int role) const {
    return role == ClusterIdRole ? QVariant(row.id) : QVariant();
}

DuplicateGroupsModel::DuplicateGroupsModel(QObject* parent)
    : ColumnTableModel(parent) {
    using C = TableColumn<DuplicateGroupRow>;
    setColumns({
        C{.header = tr("First member"),
          .display = [](const DuplicateGroupRow& g) -> QVariant { return g.excerpt; }},
        C{.header = tr("Kind"),
          .display = [](const DuplicateGroupRow& g) -> QVariant {
              return g.exact ? tr("exact") : tr("near");
          },
          .sort = [](const DuplicateGroupRow& g) -> QVariant { return g.exact ? 1 : 0; },
          .toolTip = [](const DuplicateGroupRow& g) -> QVariant {
              return g.exact ? tr("Every member has the same text after normalisation.")
                             : tr("Members differ a little: word 5-gram Jaccard ≥ 0.8 (MinHash), "
                                  "or share a duplicate-cluster id imported with their corpus.");
          }},
        C{.header = tr("Size"),
          .display = [](const DuplicateGroupRow& g) -> QVariant { return g.size; },
          .numeric = true},
        C{.header = tr("Real"),
          .display = [](const DuplicateGroupRow& g) -> QVariant { return g.real; },
          .numeric = true},
        C{.header = tr("Synthetic"),
          .display = [](const DuplicateGroupRow& g) -> QVariant { return g.synthetic; },
          .numeric = true},
    });
}

QVariant DuplicateGroupsModel::rowData(const DuplicateGroupRow& row, int role) const {
    if (role == MixRole)
        return row.real > 0 && row.synthetic > 0 ? u"mixed"_s : u"one side"_s;
    return role == GroupIdRole ? QVariant(row.id) : QVariant();
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
