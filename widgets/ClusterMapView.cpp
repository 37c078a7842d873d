#include "widgets/ClusterMapView.h"

#include "analysis/MetricKeys.h"

#include "model/ProjectDocument.h"
#include "model/SimilarityModels.h"
#include "widgets/BulkAnswerBar.h"
#include "widgets/ClusterMapWidget.h"
#include "widgets/EmptyState.h"
#include "widgets/ReadOnlyTable.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::widgets {

namespace key = analysis::key;

ClusterMapView::ClusterMapView(QWidget* parent)
    : QWidget(parent)
    , m_clusters(new model::ClustersModel(this))
    , m_sortedClusters(new QSortFilterProxyModel(this))
    , m_selection(new model::MapSelectionModel(
          [this](qint64 id) {
              return m_document != nullptr ? m_document->review().preview(id, 200) : QString();
          },
          this))
    , m_map(new ClusterMapWidget(this))
    , m_colourBy(new QComboBox(this))
    , m_layout(new QComboBox(this))
    , m_lasso(new QToolButton(this))
    , m_computeLayout(new QPushButton(tr("Compute neighbour layout"), this))
    , m_reviewCluster(new QPushButton(tr("Review cluster"), this))
    , m_clearCluster(new QPushButton(tr("Show all"), this))
    , m_reviewSelection(new QPushButton(tr("Review selection"), this))
    , m_bulk(new BulkAnswerBar(
          u"map"_s, [this]() { return m_selection->sampleIds(); }, this))
    , m_selectionLabel(new QLabel(this))
    , m_summary(new QLabel(this)) {
    m_map->setObjectName(u"clusterMap"_s);
    m_map->setPreview([this](qint64 id) {
        return m_document != nullptr ? m_document->review().preview(id, 400) : QString();
    });
    m_colourBy->setObjectName(u"mapColourBy"_s);
    using C = ClusterMapWidget::ColourBy;
    const std::pair<C, QString> colourings[] = {
        {C::Role, tr("Role (real / synthetic)")},
        {C::Cluster, tr("Cluster")},
        {C::Corpus, tr("Corpus")},
        {C::SyntheticLikeness, tr("Synthetic-likeness (detectability)")},
        {C::NnSimilarity, tr("Nearest-neighbour similarity (own corpus)")},
        {C::CrossRoleSimilarity, tr("Similarity to the other role")},
        {C::Perplexity, tr("Perplexity (log scale)")},
        {C::Tag, tr("Tag")},
        {C::Decision, tr("Decision")}};
    for (const auto& [c, label] : colourings)
        m_colourBy->addItem(label, static_cast<int>(c));
    m_colourBy->setToolTip(tr("What the points' colour shows"));
    // Combo boxes as wide as their longest entry kept the window wider than the screen.
    for (QComboBox* box : {m_colourBy, m_layout}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(10);
    }
    m_layout->setObjectName(u"mapLayout"_s);
    m_computeLayout->setObjectName(u"mapComputeLayout"_s);
    m_layout->addItem(tr("PCA (instant)"));
    m_layout->addItem(tr("Neighbour layout (UMAP method)"));
    updateLayoutToolTip();
    m_computeLayout->setToolTip(tr("Compute the neighbour-preserving layout on the kNN graph "
                                   "of the embeddings (a job; seconds for thousands of samples, "
                                   "minutes for a million)"));

    m_sortedClusters->setSourceModel(m_clusters);
    m_sortedClusters->setSortRole(model::ClustersModel::SortRole);
    m_clusterTable = makeReadOnlyTable(m_sortedClusters, this, u"clustersTable"_s);
    m_clusterTable->setSortingEnabled(true);
    m_clusterTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_clusterTable->setWordWrap(false);
    m_clusterTable->setTextElideMode(Qt::ElideRight);
    m_selectionTable = makeReadOnlyTable(m_selection, this, u"mapSelectionTable"_s);
    m_reviewCluster->setEnabled(false);
    m_clearCluster->setEnabled(false);
    m_reviewSelection->setEnabled(false);
    m_reviewCluster->setToolTip(tr("Open the selected cluster's samples as a review queue"));
    m_reviewSelection->setToolTip(tr("Open the selected samples (box or lasso) as a review queue"));
    m_summary->setWordWrap(true);
    m_selectionLabel->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);

    auto* toolbar = new QHBoxLayout;
    toolbar->addWidget(new QLabel(tr("Colour by"), this));
    // The boxes take the room there is (their whole entries), and shrink on a small screen.
    toolbar->addWidget(m_colourBy, 2);
    toolbar->addWidget(new QLabel(tr("Layout"), this));
    toolbar->addWidget(m_layout, 2);
    toolbar->addWidget(m_computeLayout);
    toolbar->addStretch(1);
    auto* hint = new QLabel(tr("Drag: pan · Wheel: zoom · Shift+drag: select (box or lasso, L) · "
                               "Ctrl+Shift: add · Alt+Shift: take away · Click: open in Review · "
                               "Double-click: whole map"),
                            this);
    hint->setForegroundRole(QPalette::PlaceholderText);
    hint->setWordWrap(true);

    auto* mapBox = new QWidget(this);
    auto* mapLayout = new QVBoxLayout(mapBox);
    mapLayout->setContentsMargins(0, 0, 0, 0);
    mapLayout->addLayout(toolbar);
    mapLayout->addWidget(m_map, 1);
    mapLayout->addWidget(hint);

    auto* clusterBox = new QWidget(this);
    auto* clusterLayout = new QVBoxLayout(clusterBox);
    clusterLayout->setContentsMargins(0, 0, 0, 0);
    auto* clusterHeader = new QHBoxLayout;
    auto* clusterTitle = new QLabel(tr("<b>Clusters</b> (k-means on the embeddings)"), this);
    clusterTitle->setWordWrap(true);
    clusterHeader->addWidget(clusterTitle, 1);
    clusterHeader->addWidget(m_clearCluster);
    clusterHeader->addWidget(m_reviewCluster);
    clusterLayout->addLayout(clusterHeader);
    clusterLayout->addWidget(m_summary);
    clusterLayout->addWidget(m_clusterTable, 1);

    auto* selectionBox = new QWidget(this);
    auto* selectionLayout = new QVBoxLayout(selectionBox);
    selectionLayout->setContentsMargins(0, 0, 0, 0);
    auto* selectionHeader = new QHBoxLayout;
    selectionHeader->addWidget(m_selectionLabel, 1);
    selectionHeader->addWidget(m_lasso);
    selectionHeader->addWidget(m_reviewSelection);
    selectionLayout->addLayout(selectionHeader);
    auto* bulkRow = new QHBoxLayout;
    bulkRow->addStretch(1);
    bulkRow->addWidget(m_bulk);
    selectionLayout->addLayout(bulkRow);
    selectionLayout->addWidget(m_selectionTable, 1);

    auto* side = new QSplitter(Qt::Vertical, this);
    side->setObjectName(QStringLiteral("mapSideSplitter"));
    side->setMinimumWidth(300);
    side->addWidget(clusterBox);
    side->addWidget(selectionBox);
    side->setStretchFactor(0, 3);
    side->setStretchFactor(1, 2);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("mapSplitter"));
    splitter->addWidget(mapBox);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({3000, 2000}); // 3 : 2 from the start, not the side's minimum

    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter, 1);
    m_state = EmptyState::fill(this, content);
    setSelectedPoints({});

    connect(m_colourBy, &QComboBox::currentIndexChanged, this, [this]() {
        m_map->setColourBy(
            static_cast<ClusterMapWidget::ColourBy>(m_colourBy->currentData().toInt()));
    });
    connect(m_layout, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index == 1 && m_map->points() && !m_map->points()->hasLayout) {
            QSignalBlocker block(m_layout);
            m_layout->setCurrentIndex(0);
            if (m_document != nullptr)
                m_document->startNeighbourLayout();
            return;
        }
        m_map->setUseNeighbourLayout(index == 1);
        updateLayoutToolTip();
    });
    connect(m_computeLayout, &QPushButton::clicked, this, [this]() {
        if (m_document == nullptr)
            return;
        // Coordinates brought from elsewhere are not recomputed here: replacing them asks.
        if (const auto points = m_document->mapPoints();
            points && points->hasLayout && !points->layoutName.isEmpty() &&
            QMessageBox::question(
                this, tr("Replace the imported coordinates?"),
                tr("The map shows coordinates imported from the records' fields %1. Computing the "
                   "neighbour layout replaces them; `synthscope-cli layout --from-fields` brings "
                   "them back.")
                    .arg(points->layoutName),
                QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
            return;
        m_document->startNeighbourLayout();
    });
    connect(m_clusterTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                selectCluster(current.isValid() ? m_sortedClusters->mapToSource(current).row()
                                                : -1);
            });
    connect(m_clearCluster, &QPushButton::clicked, this, [this]() {
        if (!m_shownIds.isEmpty()) { // the filter's selection goes with it
            m_shownIds.clear();
            m_map->setFocusMask({});
            setSelectedPoints({});
        }
        m_clusterTable->clearSelection();
        m_clusterTable->setCurrentIndex({});
        selectCluster(-1);
    });
    connect(m_reviewCluster, &QPushButton::clicked, this, [this]() {
        if (m_clusterRow < 0)
            return;
        const auto& c = m_clusters->rows().at(m_clusterRow);
        Q_EMIT reviewClusterRequested(c.id, tr("Cluster %1: %2").arg(c.id + 1).arg(c.label));
    });
    connect(m_map, &ClusterMapWidget::sampleClicked, this, &ClusterMapView::openSampleRequested);
    connect(m_map, &ClusterMapWidget::selectionMade, this, &ClusterMapView::setSelectedPoints);
    m_clearCluster->setObjectName(u"mapShowAll"_s);
    m_lasso->setObjectName(u"mapLasso"_s);
    m_lasso->setText(tr("&Lasso"));
    m_lasso->setCheckable(true);
    m_lasso->setToolTip(tr("Select with a free-hand lasso instead of a box (L on the map)"));
    connect(m_lasso, &QToolButton::toggled, this, [this](bool on) {
        m_map->setSelectionTool(on ? ClusterMapWidget::SelectionTool::Lasso
                                   : ClusterMapWidget::SelectionTool::Box);
    });
    connect(m_map, &ClusterMapWidget::selectionToolChanged, this,
            [this](ClusterMapWidget::SelectionTool tool) {
                m_lasso->setChecked(tool == ClusterMapWidget::SelectionTool::Lasso);
            });
    connect(m_reviewSelection, &QPushButton::clicked, this, [this]() {
        const QList<qint64> ids = m_selection->sampleIds();
        if (!ids.isEmpty())
            Q_EMIT reviewSamplesRequested(
                ids, tr("Map selection: %n samples", nullptr, static_cast<int>(ids.size())));
    });
    reload();
}

void ClusterMapView::setDocument(model::ProjectDocument* document) {
    m_shownIds.clear(); // ids of another project
    if (m_document != nullptr)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_bulk->setDocument(document);
    if (document != nullptr) {
        connect(document, &model::ProjectDocument::analysisChanged, this, &ClusterMapView::reload);
        connect(document, &model::ProjectDocument::mapChanged, this, &ClusterMapView::mapLoaded);
        // Answers recolour the points in place (view and selection stay); a bulk answer past
        // the document's patch limit loads the map again.
        connect(document, &model::ProjectDocument::mapReviewChanged, this, [this](bool patched) {
            if (patched && m_map->points() == m_document->mapPoints()) {
                // Hidden (a reviewer answering in Review): recoloured when shown again, not on
                // every key press (a million colours each time).
                // Many answers in one turn of the event loop (an undo restoring a tag) recolour
                // once, on the next turn.
                if (!m_recolourOnShow) {
                    m_recolourOnShow = true;
                    QTimer::singleShot(0, this, [this]() {
                        if (isVisible() && std::exchange(m_recolourOnShow, false))
                            m_map->refreshColours();
                    });
                }
                return;
            }
            m_mapStale = true;
            loadMapIfNeeded();
        });
        connect(&document->review(), &model::ReviewStore::tagsChanged, m_bulk,
                &BulkAnswerBar::rebuildTagMenu);
        // After any job but a cancelled one (a user who cancels the map load means it).
        connect(
            &document->jobs(), &model::JobRunner::finished, this,
            [this](quint64, const QString&, model::JobRunner::Outcome outcome, const QString&) {
                if (outcome != model::JobRunner::Outcome::Cancelled)
                    loadMapIfNeeded();
            },
            Qt::QueuedConnection);
    }
    reload();
}

void ClusterMapView::updateLayoutToolTip() {
    m_layout->setToolTip(m_layout->currentText() + u"\n"_s +
                         tr("PCA keeps global directions; the neighbour layout keeps each "
                            "sample next to its nearest neighbours, so clusters separate"));
}

void ClusterMapView::reload() {
    m_mapStale = true;
    m_clusterRow = -1;
    m_map->setPoints(nullptr);
    setSelectedPoints({});
    if (m_document == nullptr || !m_document->analysis()) {
        m_clusters->setRows({});
        m_state->showMessage(m_document == nullptr
                                 ? tr("Open or create a project (File menu) to begin.")
                                 : tr("Not analysed yet. Run the analyses (Ctrl+R)."));
        return;
    }
    m_clusters->setRows(m_document->store().clusters());
    if (m_clusters->rowCount() == 0) {
        m_state->showMessage(tr("This analysis has no clusters. Run the analyses again (Ctrl+R) "
                                "to compute embeddings, clusters and the map."));
        return;
    }
    m_state->showContent();
    const auto& cmp = m_document->analysis()->comparison;
    QStringList facts;
    int synthOnly = 0;
    int realOnly = 0;
    for (const auto& c : m_clusters->rows()) {
        synthOnly += c.flag == analysis::ClusterFlag::SyntheticOnly ? 1 : 0;
        realOnly += c.flag == analysis::ClusterFlag::RealOnly ? 1 : 0;
    }
    facts << tr("%n clusters", nullptr, static_cast<int>(m_clusters->rowCount()));
    if (m_document->analysis()->hasComparison) {
        facts << tr("%1 synthetic only (template factories)").arg(synthOnly)
              << tr("%1 real only (uncovered tail)").arg(realOnly);
        if (cmp.contains(QString::fromLatin1(key::kJsClusterShare)))
            facts << tr("JS divergence of cluster shares %1")
                         .arg(cmp.value(QString::fromLatin1(key::kJsClusterShare)), 0, 'f', 3);
    }
    m_summary->setText(facts.join(u" · "_s));
    m_clusterTable->sortByColumn(model::ClustersModel::Size, Qt::DescendingOrder);
    for (int c = 1; c < m_clusters->columnCount(); ++c)
        m_clusterTable->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_clusterTable->setColumnWidth(0, 230); // room for three terms; the user can drag it
    loadMapIfNeeded();
}

void ClusterMapView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (std::exchange(m_recolourOnShow, false))
        m_map->refreshColours();
    loadMapIfNeeded();
}

void ClusterMapView::loadMapIfNeeded() {
    // Never supersede a map load, and wait for a job that writes the project (it may bring a
    // new analysis): asked again when a job finishes.
    using Kind = model::JobRunner::Kind;
    if (isVisible() && m_mapStale && m_document != nullptr && m_document->analysis() &&
        m_clusters->rowCount() > 0 && !m_document->jobs().isBusy(Kind::Map) &&
        !m_document->jobs().isWriting())
        m_document->startLoadMap();
}

void ClusterMapView::mapLoaded() {
    m_mapStale = false;
    m_recolourOnShow = false; // new points, coloured as they are set
    const auto points = m_document->mapPoints();
    {
        // A freshly computed neighbour layout is what the user asked to see.
        QSignalBlocker block(m_layout);
        // Coordinates imported from the records take the neighbour layout's place.
        const bool imported = points && points->hasLayout && !points->layoutName.isEmpty();
        m_layout->setItemText(1, imported ? tr("Imported coordinates (%1)").arg(points->layoutName)
                                          : tr("Neighbour layout (UMAP method)"));
        // A narrow pane cuts the entry ("Imported coordinates (x"): the whole name on hover.
        m_layout->setItemData(1, m_layout->itemText(1), Qt::ToolTipRole);
        m_layout->setCurrentIndex(points && points->hasLayout ? 1 : 0);
        updateLayoutToolTip();
    }
    // The old points go first (a layout change would sort them again, for nothing), then the
    // layout and highlight (no-ops when unchanged), so the points are sorted and coloured once,
    // by setPoints.
    m_map->setPoints(nullptr);
    m_map->setUseNeighbourLayout(points && points->hasLayout);
    m_map->setPoints(points);
    m_map->setHighlightCluster(
        m_clusterRow >= 0 ? static_cast<int>(m_clusters->rows().at(m_clusterRow).id) : -1);
    setSelectedPoints({});
    applyShownSamples();
}

void ClusterMapView::showSamples(const QList<qint64>& sampleIds, const QString& title) {
    m_shownIds = sampleIds;
    m_shownTitle = title;
    if (m_clusterRow >= 0) { // the filter replaces a highlighted cluster
        QSignalBlocker block(m_clusterTable->selectionModel());
        m_clusterTable->clearSelection();
        m_clusterTable->setCurrentIndex({});
        m_clusterRow = -1;
        m_map->setHighlightCluster(-1);
        m_reviewCluster->setEnabled(false);
    }
    applyShownSamples();
}

void ClusterMapView::applyShownSamples() {
    const auto points = m_map->points();
    if (m_shownIds.isEmpty() || !points)
        return;
    std::vector<std::size_t> shown;
    std::vector<std::uint8_t> mask = model::pointMask(*points, m_shownIds, &shown);
    m_map->clearSelectionBox();
    m_map->setFocusMask(std::move(mask));
    setSelectedPoints(shown);
    m_clearCluster->setEnabled(true);
    // Samples the analysis did not map (imported after it) are not on the map: say so.
    const qsizetype missing = m_shownIds.size() - static_cast<qsizetype>(shown.size());
    m_selectionLabel->setText(
        missing > 0
            ? tr("<b>%1</b>: %L2 samples on the map (%L3 not mapped)")
                  .arg(m_shownTitle.toHtmlEscaped())
                  .arg(shown.size())
                  .arg(missing)
            : tr("<b>%1</b>: %L2 samples").arg(m_shownTitle.toHtmlEscaped()).arg(shown.size()));
}

void ClusterMapView::selectCluster(int row) {
    m_clusterRow = row >= 0 && row < m_clusters->rowCount() ? row : -1;
    if (m_clusterRow >= 0 && !m_shownIds.isEmpty()) { // a cluster replaces the filter
        m_shownIds.clear();
        m_map->setFocusMask({});
    }
    m_reviewCluster->setEnabled(m_clusterRow >= 0);
    m_clearCluster->setEnabled(m_clusterRow >= 0 || !m_shownIds.isEmpty());
    m_map->setHighlightCluster(
        m_clusterRow >= 0 ? static_cast<int>(m_clusters->rows().at(m_clusterRow).id) : -1);
    if (m_clusterRow >= 0) {
        m_map->clearSelectionBox(); // the selection is the cluster now, not the box
        const auto points = m_map->points();
        std::vector<std::size_t> members;
        if (points)
            for (std::size_t i = 0; i < points->size(); ++i)
                if (points->cluster[i] == m_clusters->rows().at(m_clusterRow).id)
                    members.push_back(i);
        setSelectedPoints(members);
    }
}

void ClusterMapView::showColouring(ClusterMapWidget::ColourBy colourBy) {
    if (const int index = m_colourBy->findData(static_cast<int>(colourBy)); index >= 0)
        m_colourBy->setCurrentIndex(index);
}

void ClusterMapView::setSelectedPoints(const std::vector<std::size_t>& indices) {
    if (indices.empty())
        m_map->clearSelectionBox();
    m_selection->setSelection(m_map->points(), indices);
    m_reviewSelection->setEnabled(!indices.empty());
    m_bulk->setEnabled(!indices.empty());
    m_selectionLabel->setText(
        indices.empty()
            ? tr("<b>Selection</b>: Shift+drag on the map to select samples")
            : tr("<b>Selection</b>: %n samples", nullptr, static_cast<int>(indices.size())));
    if (!indices.empty())
        m_selectionTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
}

} // namespace synthscope::widgets
