#pragma once

#include "model/ProjectStore.h"
#include "widgets/ClusterMapWidget.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QToolButton;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace synthscope::model {
class ClustersModel;
class MapSelectionModel;
class ProjectDocument;
} // namespace synthscope::model

namespace synthscope::widgets {

class BulkAnswerBar;

class ClusterMapWidget;
class EmptyState;

/// The cluster map and the clusters table: every sample as a point (PCA of the embeddings),
/// coloured by role, corpus, cluster, tag, decision or a score; the k-means clusters with
/// their distinctive terms and flags beside it. Selecting a cluster highlights it on the map;
/// a box selection (Shift+drag) lists the samples; both can become a review queue, and a
/// click on a point opens it in Review.
class ClusterMapView : public QWidget {
    Q_OBJECT
public:
    explicit ClusterMapView(QWidget* parent = nullptr);
    void setDocument(model::ProjectDocument* document);
    [[nodiscard]] ClusterMapWidget* map() const { return m_map; }
    [[nodiscard]] model::ClustersModel* clusters() const { return m_clusters; }
    [[nodiscard]] model::MapSelectionModel* selection() const { return m_selection; }
    /// Highlights the cluster in source row of the clusters table (−1: none).
    void selectCluster(int row);
    /// Colours the map as the Colour by box would (the evidence of a red line).
    void showColouring(ClusterMapWidget::ColourBy colourBy);
    /// Shows these samples on the map (a search or filter of the Samples view, named by
    /// title): they are drawn in colour over the others faded, and selected, so the selection
    /// list, Review and the bulk answers act on them. Show all (or a cluster) ends it.
    void showSamples(const QList<qint64>& sampleIds, const QString& title);

Q_SIGNALS:
    void openSampleRequested(qint64 sampleId);
    void reviewSamplesRequested(const QList<qint64>& sampleIds, const QString& title);
    void reviewClusterRequested(qint64 clusterId, const QString& title);

protected:
    void showEvent(QShowEvent* event) override;

private:
    /// The layout box's tooltip: its current entry in full (a narrow pane cuts it), then what
    /// the layouts are.
    void updateLayoutToolTip();
    void reload();
    void loadMapIfNeeded();
    void mapLoaded();
    void setSelectedPoints(const std::vector<std::size_t>& indices);
    /// Applies m_shownIds to the loaded points (mask and selection).
    void applyShownSamples();

    model::ProjectDocument* m_document = nullptr;
    model::ClustersModel* m_clusters;
    QSortFilterProxyModel* m_sortedClusters;
    model::MapSelectionModel* m_selection;
    ClusterMapWidget* m_map;
    QComboBox* m_colourBy;
    QComboBox* m_layout;
    QToolButton* m_lasso;
    QPushButton* m_computeLayout;
    QTableView* m_clusterTable;
    QTableView* m_selectionTable;
    QPushButton* m_reviewCluster;
    QPushButton* m_clearCluster;
    QPushButton* m_reviewSelection;
    BulkAnswerBar* m_bulk;
    QLabel* m_selectionLabel;
    QList<qint64> m_shownIds; ///< samples shown from the Samples view (empty: none)
    QString m_shownTitle;
    QLabel* m_summary;
    EmptyState* m_state = nullptr;
    bool m_mapStale = true;
    bool m_recolourOnShow = false; ///< answers changed the points while the view was hidden
    int m_clusterRow = -1;
};

} // namespace synthscope::widgets
