#pragma once

#include "model/ProjectStore.h"

#include <QFutureWatcher>
#include <QImage>
#include <QPolygonF>
#include <QWidget>

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace synthscope::widgets {

/// Every sample of the newest analysis as a point in 2-D, drawn into an image buffer (no item
/// per point) so a million points redraw in milliseconds: each pixel shows the mean colour of
/// the points that fall on it, more opaque where more points pile up (density rendering).
///
/// Mouse: drag pans, the wheel zooms at the cursor, Shift+drag selects (a box, or a free-hand
/// lasso with the lasso tool: L switches), Ctrl+Shift+drag adds to the selection and
/// Alt+Shift+drag takes away from it; a click opens the point under the cursor, a double-click
/// (or Home) resets the view; hovering shows the sample's text. Keyboard: + / − zoom, arrows
/// pan. The finished selection's shapes stay drawn in data coordinates until it changes.
class ClusterMapWidget : public QWidget {
    Q_OBJECT
public:
    enum class ColourBy {
        Role,
        Corpus,
        Cluster,
        Tag,
        Decision,
        NnSimilarity,
        CrossRoleSimilarity,
        SyntheticLikeness,
        Perplexity
    };
    using Preview = std::function<QString(qint64 sampleId)>;
    enum class SelectionTool { Box, Lasso };

    explicit ClusterMapWidget(QWidget* parent = nullptr);

    /// Shows these points (nullptr: none), with the whole map in view. From
    /// kArrangeInBackgroundFrom points on, the sort into draw order (tens of milliseconds at a
    /// million points) runs on a pool thread: the map says "Arranging…" until arranged().
    void setPoints(std::shared_ptr<const model::MapPoints> points);
    /// Points from which setPoints() and setUseNeighbourLayout() arrange on a pool thread.
    static constexpr std::size_t kArrangeInBackgroundFrom = 200000;
    /// Whether the points are being sorted into draw order on a pool thread (nothing drawn).
    [[nodiscard]] bool isArranging() const;
    [[nodiscard]] const std::shared_ptr<const model::MapPoints>& points() const { return m_points; }
    void setColourBy(ColourBy colourBy);
    /// The points' values changed in place (the object given to setPoints: answers changed
    /// their tags or decisions): recolours them, keeping the view, selection and focus.
    void refreshColours();
    /// Neighbour layout when the points have one, else the PCA layout.
    void setUseNeighbourLayout(bool on);
    /// Draws this cluster's points in colour and the others faded; −1 for none.
    void setHighlightCluster(int cluster);
    /// Draws only the points whose mask entry is non-zero in colour and the others faded (a
    /// filter from the Samples view); an empty mask shows every point. Indices as points().
    void setFocusMask(std::vector<std::uint8_t> mask);
    /// Whether a focus mask is set (setFocusMask with a mask of the points' size).
    [[nodiscard]] bool hasFocusMask() const { return !m_focus.empty(); }
    void setPreview(Preview preview) { m_preview = std::move(preview); }
    /// Back to the whole map.
    void resetView();
    /// Forgets the drawn selection shapes and the selection they made (the selection changed
    /// otherwise, e.g. a cluster was chosen).
    void clearSelectionBox();
    /// The bounding box of the last selection shape in data coordinates; empty when none.
    [[nodiscard]] QRectF selectionBox() const;
    void setSelectionTool(SelectionTool tool);
    [[nodiscard]] SelectionTool selectionTool() const { return m_tool; }
    /// The point indices the selection shapes hold (sorted; into points()).
    [[nodiscard]] const std::vector<std::size_t>& selectedIndices() const { return m_selected; }
    /// Milliseconds the last full redraw of the point buffer took (for the benchmark).
    [[nodiscard]] double lastRenderMilliseconds() const { return m_lastRenderMs; }
    /// Redraws the point buffer now at the widget's size; returns the milliseconds taken.
    double renderNow();
    /// The point buffer as last drawn (by renderNow() or a paint): the points alone, without
    /// the legend, hover or selection drawn over them; the widget's size.
    [[nodiscard]] const QImage& pointsImage() const { return m_image; }

Q_SIGNALS:
    /// A click on a point.
    void sampleClicked(qint64 sampleId);
    /// A selection finished (box or lasso, replaced, added to or taken from): the whole
    /// selection's indices into points(), sorted.
    void selectionMade(const std::vector<std::size_t>& indices);
    void selectionToolChanged(SelectionTool tool);
    /// The points arranged on a pool thread are in draw order and coloured (see setPoints).
    void arranged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void invalidate();
    void render();
    void zoomAt(QPointF pos, double factor);
    [[nodiscard]] QPointF toScreen(float x, float y) const;
    /// The inverse of toScreen: data coordinates of a widget position.
    [[nodiscard]] QPointF toData(QPointF screen) const;
    [[nodiscard]] std::ptrdiff_t pointAt(QPoint pos) const;
    [[nodiscard]] QRgb colourOf(std::size_t i) const;
    void prepareColours();
    void prepareScoreRange();
    void drawLegend(QPainter& painter) const;
    [[nodiscard]] QColor legendBackground() const;
    [[nodiscard]] const std::vector<float>& xs() const;
    [[nodiscard]] const std::vector<float>& ys() const;

    std::shared_ptr<const model::MapPoints> m_points;
    ColourBy m_colourBy = ColourBy::Role;
    bool m_neighbourLayout = false;
    int m_highlight = -1;
    std::vector<std::uint8_t> m_focus; ///< empty, or one entry per point: shown in colour
    /// Whether point i is drawn in colour (in the highlighted cluster and the focus mask).
    [[nodiscard]] bool inFocus(std::size_t i) const {
        return (m_highlight < 0 || m_points->cluster[i] == m_highlight) &&
               (m_focus.empty() || m_focus[i] != 0);
    }
    [[nodiscard]] bool focusing() const { return m_highlight >= 0 || !m_focus.empty(); }
    bool m_coloursRepeat = false; ///< more clusters than palette colours (set with the points)
    Preview m_preview;
    // View: data bounds and a zoom/pan on top.
    QRectF m_bounds;
    double m_zoom = 1.0;
    QPointF m_pan; // screen pixels
    /// A buffer of n elements left uninitialised when sized, so that a million points' pages
    /// are first touched by the two threads that fill it, in parallel (zeroing them on the GUI
    /// thread first cost 30 ms of page faults); reused while large enough.
    template <class T> class Buffer {
    public:
        void resize(std::size_t n) {
            if (n > m_capacity) {
                m_data.reset(new T[n]);
                m_capacity = n;
            }
            m_size = n;
        }
        [[nodiscard]] std::size_t size() const { return m_size; }
        [[nodiscard]] T* data() { return m_data.get(); }
        T& operator[](std::size_t i) { return m_data[i]; }
        const T& operator[](std::size_t i) const { return m_data[i]; }

    private:
        std::unique_ptr<T[]> m_data;
        std::size_t m_size = 0;
        std::size_t m_capacity = 0;
    };
    static constexpr std::uint32_t kDrawGrid = 256; ///< grid cells per axis of the draw order
    // The rendered points in draw order: sorted by a grid over the view's data bounds, so that
    // consecutive points land on nearby pixels and the per-pixel sums stay in cache while a
    // million points are drawn (in sample order every point was a cache miss).
    struct DrawOrder {
        quint64 generation = 0;              ///< m_arrangeGeneration when it was asked for
        QRectF gridBounds;                   ///< the data bounds the draw grid divides
        Buffer<std::uint32_t> order;         ///< draw position -> point index
        std::vector<std::uint32_t> rowStart; ///< draw position of each grid row's first point
                                             ///< (+ end); empty without points or bounds
        Buffer<float> x;                     ///< the layout's x in draw order
        Buffer<float> y;                     ///< the layout's y in draw order
    };
    /// The draw order of the points (px, py) over a kDrawGrid² grid on bounds: a counting sort,
    /// O(n) on analysis::parallelFor's workers. Touches no widget state (runs on a pool thread
    /// for large maps).
    static std::shared_ptr<DrawOrder> arrange(const std::vector<float>& px,
                                              const std::vector<float>& py, QRectF bounds);
    /// Sorts the points into draw order over m_bounds and colours them: at once below
    /// kArrangeInBackgroundFrom points, else on a pool thread (isArranging() until arranged()).
    void prepareDrawOrder();
    /// The draw grid's row (data y) and column (data x) of a coordinate, clamped to the grid.
    [[nodiscard]] std::uint32_t drawGridRow(float y) const;
    [[nodiscard]] std::uint32_t drawGridColumn(float x) const;
    /// The current draw order (empty while arranging, or without points).
    [[nodiscard]] const DrawOrder& drawOrder() const;
    std::shared_ptr<const DrawOrder> m_draw;
    quint64 m_arrangeGeneration = 0;   ///< bumped by every prepareDrawOrder()
    quint64 m_arrangingGeneration = 0; ///< the last one handed to a pool thread
    QFutureWatcher<std::shared_ptr<DrawOrder>>* m_arranging;
    /// Each point's colour under the current colouring, in draw order; the alpha byte says
    /// whether the point is in focus (0xff) or faded (0x00).
    Buffer<QRgb> m_colours;
    /// Per pixel of the image: summed colour channels and the point count, packed (kept
    /// between redraws, so a redraw does not fault in 10 MB of fresh pages).
    Buffer<std::uint64_t> m_cells;
    QImage m_image;
    QRgb m_faded = 0xffdcdcdc; ///< the colour of points outside the focus (from the palette)
    bool m_dirty = true;
    double m_lastRenderMs = 0.0;
    // Score colouring range.
    float m_scoreMin = 0.0f;
    float m_scoreMax = 1.0f;
    // Interaction.
    QPoint m_pressPos;
    QPoint m_lastPos;
    bool m_dragging = false;
    bool m_selecting = false;
    enum class SelectOp { Replace, Add, Subtract };
    SelectOp m_op = SelectOp::Replace;
    SelectionTool m_tool = SelectionTool::Box;
    QPolygonF m_drag; ///< the shape being drawn, in screen coordinates
    struct Shape {
        QPolygonF data; ///< in data coordinates (follows pan and zoom)
        bool subtract = false;
    };
    std::vector<Shape> m_shapes; ///< the finished selection's shapes, in the order drawn
    std::vector<std::size_t> m_selected;
    std::ptrdiff_t m_hover = -1;
};

} // namespace synthscope::widgets
