#pragma once

#include "model/ProjectStore.h"

#include "model/ColumnTableModel.h"

#include <QAbstractTableModel>
#include <QHash>

#include <functional>

namespace synthscope::model {

/// k-means clusters of the newest analysis: label, size, real, synthetic, synthetic share,
/// flag, mean nearest-neighbour similarity. SortRole gives numbers for numeric columns.
class ClustersModel : public ColumnTableModel<ClusterRow> {
    Q_OBJECT
public:
    enum Column { Label, Size, Real, Synthetic, SyntheticShare, Flag, MeanNnSimilarity };
    static constexpr int ClusterIdRole = Qt::UserRole + 1;

    explicit ClustersModel(QObject* parent = nullptr);

protected:
    QVariant rowData(const ClusterRow& row, int role) const override;
};

/// Duplicate groups of the newest analysis: kind (exact or near), size, real, synthetic and
/// the first member's text.
class DuplicateGroupsModel : public ColumnTableModel<DuplicateGroupRow> {
    Q_OBJECT
public:
    enum Column { Excerpt, Kind, Size, Real, Synthetic };
    static constexpr int GroupIdRole = Qt::UserRole + 1;
    /// "mixed" for a group with real and synthetic members, else "one side" (a filter role).
    static constexpr int MixRole = Qt::UserRole + 2;

    explicit DuplicateGroupsModel(QObject* parent = nullptr);

protected:
    QVariant rowData(const DuplicateGroupRow& row, int role) const override;
};

/// The samples selected on the cluster map: id, role, cluster, synthetic-likeness, nearest-
/// neighbour cosine and the start of the text (fetched lazily through preview and cached).
class MapSelectionModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Text, Sample, Role, Cluster, SyntheticLikeness, NnSimilarity, ColumnCount };
    static constexpr int SampleIdRole = Qt::UserRole + 1;
    using Preview = std::function<QString(qint64 sampleId)>;

    explicit MapSelectionModel(Preview preview, QObject* parent = nullptr)
        : QAbstractTableModel(parent)
        , m_preview(std::move(preview)) {}
    /// Shows the given point indices of points (which must outlive the selection or be
    /// replaced through setPoints first).
    void setSelection(std::shared_ptr<const MapPoints> points, std::vector<std::size_t> indices);
    [[nodiscard]] QList<qint64> sampleIds() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    Preview m_preview;
    std::shared_ptr<const MapPoints> m_points;
    std::vector<std::size_t> m_indices;
    mutable QHash<qint64, QString> m_previews;
};

} // namespace synthscope::model
