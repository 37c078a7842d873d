#include "widgets/ClusterMapWidget.h"

#include "analysis/Parallel.h"

#include <QElapsedTimer>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPromise>
#include <QThreadPool>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <thread>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::widgets {

namespace {

// Tableau 10 and 20: distinguishable categorical colours.
constexpr QRgb kPalette[] = {0xff1f77b4, 0xffff7f0e, 0xff2ca02c, 0xffd62728, 0xff9467bd,
                             0xff8c564b, 0xffe377c2, 0xff7f7f7f, 0xffbcbd22, 0xff17becf,
                             0xffaec7e8, 0xffffbb78, 0xff98df8a, 0xffff9896, 0xffc5b0d5,
                             0xffc49c94, 0xfff7b6d2, 0xffc7c7c7, 0xffdbdb8d, 0xff9edae5};
constexpr QRgb kRealRgb = 0xff1f77b4;
constexpr QRgb kSyntheticRgb = 0xffff7f0e;
constexpr QRgb kNone = 0xffb0b0b0;

QRgb categorical(std::int64_t i) {
    return i < 0 ? kNone : kPalette[static_cast<std::size_t>(i) % std::size(kPalette)];
}

// Viridis at five stops, interpolated linearly; t in [0, 1].
QRgb viridis(float t) {
    static const float stops[5][3] = {
        {68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};
    t = std::isnan(t) ? 0.0f : std::clamp(t, 0.0f, 1.0f) * 4.0f; // NaN: the int cast is UB
    const int i = std::min(3, static_cast<int>(t));
    const float f = t - static_cast<float>(i);
    auto mix = [&](int c) {
        return static_cast<int>(stops[i][c] + f * (stops[i + 1][c] - stops[i][c]));
    };
    return qRgb(mix(0), mix(1), mix(2));
}

bool isScore(ClusterMapWidget::ColourBy c) {
    return c == ClusterMapWidget::ColourBy::NnSimilarity ||
           c == ClusterMapWidget::ColourBy::CrossRoleSimilarity ||
           c == ClusterMapWidget::ColourBy::SyntheticLikeness ||
           c == ClusterMapWidget::ColourBy::Perplexity;
}

} // namespace

ClusterMapWidget::ClusterMapWidget(QWidget* parent)
    : QWidget(parent)
    , m_arranging(new QFutureWatcher<std::shared_ptr<DrawOrder>>(this)) {
    // A draw order sorted on a pool thread lands here; one asked for later (other points, the
    // other layout) supersedes it.
    connect(m_arranging, &QFutureWatcherBase::finished, this, [this]() {
        QFuture<std::shared_ptr<DrawOrder>> future = m_arranging->future();
        if (future.resultCount() == 0)
            return;
        // Taken, not copied: the future would otherwise keep a million points' order alive
        // after the map drops it.
        std::shared_ptr<DrawOrder> draw = future.takeResult();
        if (!draw || draw->generation != m_arrangeGeneration)
            return;
        m_draw = std::move(draw);
        prepareColours();
        invalidate();
        Q_EMIT arranged();
    });
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(320, 240);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void ClusterMapWidget::setPoints(std::shared_ptr<const model::MapPoints> points) {
    m_points = std::move(points);
    m_focus.clear(); // indices into the old points
    m_hover = -1;
    m_drag.clear();
    m_shapes.clear();
    m_selected.clear();
    // Once per point set, not per paint (the legend reads it on every hover).
    m_coloursRepeat = m_points && std::any_of(m_points->cluster.begin(), m_points->cluster.end(),
                                              [](std::int32_t c) {
                                                  return c >= std::int32_t(std::size(kPalette));
                                              });
    resetView();
    prepareDrawOrder(); // over the new bounds, then the colours in that order
}

void ClusterMapWidget::setColourBy(ColourBy colourBy) {
    m_colourBy = colourBy;
    prepareColours();
    invalidate();
}

void ClusterMapWidget::refreshColours() {
    prepareColours();
    invalidate();
}

void ClusterMapWidget::setUseNeighbourLayout(bool on) {
    if (on == m_neighbourLayout)
        return; // nothing to sort or recolour again (a million points: ~50 ms)
    m_neighbourLayout = on;
    // The shapes were drawn in the other layout's coordinates.
    m_shapes.clear();
    m_selected.clear();
    resetView();
    prepareDrawOrder(); // the other layout's coordinates, then the colours
}

void ClusterMapWidget::setHighlightCluster(int cluster) {
    if (cluster == m_highlight)
        return;
    m_highlight = cluster;
    prepareColours();
    invalidate();
}

void ClusterMapWidget::setFocusMask(std::vector<std::uint8_t> mask) {
    m_focus =
        m_points && mask.size() == m_points->size() ? std::move(mask) : std::vector<std::uint8_t>();
    prepareColours();
    invalidate();
}

const std::vector<float>& ClusterMapWidget::xs() const {
    return m_neighbourLayout && m_points->hasLayout ? m_points->layoutX : m_points->pcaX;
}

const std::vector<float>& ClusterMapWidget::ys() const {
    return m_neighbourLayout && m_points->hasLayout ? m_points->layoutY : m_points->pcaY;
}

void ClusterMapWidget::resetView() {
    m_zoom = 1.0;
    m_pan = {};
    m_bounds = {};
    if (m_points && m_points->size() > 0) {
        // The view spans the 0.2nd to 99.8th percentile of each axis (plus a margin), so a few
        // far outliers (isolated points a neighbour layout pushes away) do not squeeze the map
        // into a corner; they stay reachable by zooming out. The percentiles are read from
        // every k-th point, at most 65,536 of them (a million points: 15 ms -> under 1 ms per
        // axis on the GUI thread; the frame moves by a fraction of a pixel at most).
        auto range = [](const std::vector<float>& v) {
            std::vector<float> finite;
            const std::size_t step = std::max<std::size_t>(1, v.size() / 65536);
            finite.reserve(v.size() / step + 1);
            for (std::size_t i = 0; i < v.size(); i += step)
                if (!std::isnan(v[i]))
                    finite.push_back(v[i]);
            if (finite.empty())
                return std::pair<float, float>(1.0f, 0.0f);
            const auto at = [&](double q) {
                auto it = finite.begin() +
                          static_cast<std::ptrdiff_t>(q * static_cast<double>(finite.size() - 1));
                std::nth_element(finite.begin(), it, finite.end());
                return *it;
            };
            return std::pair<float, float>(at(0.002), at(0.998));
        };
        const auto [x0, x1] = range(xs());
        const auto [y0, y1] = range(ys());
        if (x0 <= x1 && y0 <= y1) {
            const float mx = std::max(1e-6f, (x1 - x0) * 0.04f);
            const float my = std::max(1e-6f, (y1 - y0) * 0.04f);
            m_bounds = QRectF(x0 - mx, y0 - my, (x1 - x0) + 2 * mx, (y1 - y0) + 2 * my);
        }
    }
    invalidate();
}

namespace {

// The draw grid's cell along one axis of the coordinate v, whose grid starts at origin and
// spans extent: clamped to [0, kDrawGrid); NaN lands in cell 0 (compared before the cast).
std::uint32_t drawGridCell(float v, double origin, double extent, std::uint32_t cells) {
    const double c = (static_cast<double>(v) - origin) * cells / extent;
    return !(c > 0.0) ? 0u : c >= cells ? cells - 1 : static_cast<std::uint32_t>(c);
}

} // namespace

std::uint32_t ClusterMapWidget::drawGridRow(float y) const {
    const QRectF& grid = drawOrder().gridBounds;
    return drawGridCell(y, grid.top(), grid.height(), kDrawGrid);
}

std::uint32_t ClusterMapWidget::drawGridColumn(float x) const {
    const QRectF& grid = drawOrder().gridBounds;
    return drawGridCell(x, grid.left(), grid.width(), kDrawGrid);
}

const ClusterMapWidget::DrawOrder& ClusterMapWidget::drawOrder() const {
    static const DrawOrder empty;
    return m_draw ? *m_draw : empty;
}

bool ClusterMapWidget::isArranging() const {
    return m_arrangingGeneration == m_arrangeGeneration && !m_draw;
}

std::shared_ptr<ClusterMapWidget::DrawOrder> ClusterMapWidget::arrange(const std::vector<float>& px,
                                                                       const std::vector<float>& py,
                                                                       QRectF bounds) {
    auto draw = std::make_shared<DrawOrder>();
    draw->gridBounds = bounds; // resetView() may run again (Home) but the order stays this grid's
    const std::size_t n = px.size();
    if (n == 0 || bounds.isEmpty())
        return draw;
    const auto row = [&](float y) {
        return drawGridCell(y, bounds.top(), bounds.height(), kDrawGrid);
    };
    const auto column = [&](float x) {
        return drawGridCell(x, bounds.left(), bounds.width(), kDrawGrid);
    };
    // A counting sort by a grid over the bounds, row by row (rows follow the data's y, so a
    // band of screen rows is one range of draw positions): O(n) on the workers. Points outside
    // the bounds (or NaN) go to the edge cells; the order within a grid cell is the sample
    // order.
    constexpr std::size_t kCells = std::size_t{kDrawGrid} * kDrawGrid;
    Buffer<std::uint32_t> key;
    key.resize(n);
    // One histogram per worker slice; the second pass slices [0, n) the same way
    // (parallelFor's slices depend on n, the minimum and the workers only), so each slice's
    // points keep their order.
    const std::size_t workers = analysis::workerCount(); // one count for both passes
    std::vector<std::vector<std::uint32_t>> next(workers, std::vector<std::uint32_t>(kCells, 0));
    analysis::parallelFor(
        n,
        [&](std::size_t begin, std::size_t end, std::size_t worker) {
            std::vector<std::uint32_t>& count = next[worker];
            for (std::size_t i = begin; i < end; ++i) {
                key[i] = row(py[i]) * kDrawGrid + column(px[i]);
                ++count[key[i]];
            }
        },
        256, workers);
    // Counts to the draw position of each slice's first point in each cell.
    draw->rowStart.resize(kDrawGrid + 1);
    std::uint32_t position = 0;
    for (std::size_t c = 0; c < kCells; ++c) {
        if (c % kDrawGrid == 0)
            draw->rowStart[c / kDrawGrid] = position;
        for (auto& slice : next) {
            const std::uint32_t count = slice[c];
            slice[c] = position;
            position += count;
        }
    }
    draw->rowStart[kDrawGrid] = position;
    draw->order.resize(n);
    analysis::parallelFor(
        n,
        [&](std::size_t begin, std::size_t end, std::size_t worker) {
            std::vector<std::uint32_t>& at = next[worker];
            for (std::size_t i = begin; i < end; ++i)
                draw->order[at[key[i]]++] = static_cast<std::uint32_t>(i);
        },
        256, workers);
    draw->x.resize(n);
    draw->y.resize(n);
    analysis::parallelFor(n, [&](std::size_t begin, std::size_t end, std::size_t) {
        for (std::size_t k = begin; k < end; ++k) {
            draw->x[k] = px[draw->order[k]];
            draw->y[k] = py[draw->order[k]];
        }
    });
    return draw;
}

void ClusterMapWidget::prepareDrawOrder() {
    const quint64 generation = ++m_arrangeGeneration; // supersedes one being arranged
    m_draw.reset();
    m_colours.resize(0); // colours follow the draw order
    if (!m_points || m_points->size() == 0 || m_bounds.isEmpty())
        return;
    if (m_points->size() < kArrangeInBackgroundFrom) {
        auto draw = arrange(xs(), ys(), m_bounds);
        draw->generation = generation;
        m_draw = std::move(draw);
        prepareColours();
        return;
    }
    // On a pool thread: it holds the points (shared) and reads nothing of the widget. The score
    // range now, so the legend does not show the previous points' range meanwhile.
    prepareScoreRange();
    m_arrangingGeneration = generation;
    auto promise = std::make_shared<QPromise<std::shared_ptr<DrawOrder>>>();
    m_arranging->setFuture(promise->future());
    QThreadPool::globalInstance()->start([promise, points = m_points,
                                          layout = m_neighbourLayout && m_points->hasLayout,
                                          bounds = m_bounds, generation]() {
        promise->start();
        std::shared_ptr<DrawOrder> draw;
        try {
            draw = arrange(layout ? points->layoutX : points->pcaX,
                           layout ? points->layoutY : points->pcaY, bounds);
        } catch (const std::exception&) {
            // Out of memory or threads: an empty order lands (nothing drawn) rather than
            // "Arranging…" for ever or an exception on a pool thread (std::terminate).
            draw = std::make_shared<DrawOrder>();
        }
        draw->generation = generation;
        promise->addResult(std::move(draw));
        promise->finish();
    });
}

void ClusterMapWidget::invalidate() {
    m_dirty = true;
    update();
}

void ClusterMapWidget::prepareColours() {
    // Faded points: a seventh of the way from the background to the text colour (#dcdcdc on
    // white, a dark grey on a dark base).
    const QColor base = palette().color(QPalette::Base);
    const QColor text = palette().color(QPalette::Text);
    const auto toward = [](int from, int to) { return from + (to - from) / 7; };
    m_faded = qRgb(toward(base.red(), text.red()), toward(base.green(), text.green()),
                   toward(base.blue(), text.blue()));
    m_colours.resize(0);
    if (!m_points)
        return;
    prepareScoreRange();
    // One colour per point in draw order, recomputed only when the colouring changes (not per
    // redraw); the alpha byte carries the focus.
    const Buffer<std::uint32_t>& order = drawOrder().order;
    m_colours.resize(order.size());
    analysis::parallelFor(order.size(), [&](std::size_t begin, std::size_t end, std::size_t) {
        for (std::size_t k = begin; k < end; ++k) {
            const QRgb c = colourOf(order[k]);
            m_colours[k] = inFocus(order[k]) ? c | 0xff000000u : c & 0x00ffffffu;
        }
    });
}

void ClusterMapWidget::prepareScoreRange() {
    if (!isScore(m_colourBy))
        return;
    const std::vector<float>* v = nullptr;
    switch (m_colourBy) {
    case ColourBy::NnSimilarity:
        v = &m_points->nnOwn;
        break;
    case ColourBy::CrossRoleSimilarity:
        v = &m_points->nnOther;
        break;
    case ColourBy::SyntheticLikeness:
        v = &m_points->syntheticLikeness;
        break;
    default:
        v = &m_points->perplexity;
        break;
    }
    const bool logScale = m_colourBy == ColourBy::Perplexity;
    m_scoreMin = INFINITY;
    m_scoreMax = -INFINITY;
    for (float s : *v) {
        if (std::isnan(s) || (logScale && s <= 0.0f))
            continue;
        const float t = logScale ? std::log10(s) : s;
        if (!std::isfinite(t))
            continue; // an infinite score is drawn at its end of the scale, not in the range
        m_scoreMin = std::min(m_scoreMin, t);
        m_scoreMax = std::max(m_scoreMax, t);
    }
    if (!(m_scoreMin <= m_scoreMax)) {
        m_scoreMin = 0.0f;
        m_scoreMax = 1.0f;
    }
}

QRgb ClusterMapWidget::colourOf(std::size_t i) const {
    const model::MapPoints& p = *m_points;
    if (!inFocus(i))
        return m_faded;
    auto score = [&](float s, bool logScale) {
        if (std::isnan(s) || (logScale && s <= 0.0f))
            return kNone;
        const float t = logScale ? std::log10(s) : s;
        return viridis((t - m_scoreMin) / std::max(1e-6f, m_scoreMax - m_scoreMin));
    };
    switch (m_colourBy) {
    case ColourBy::Role:
        return p.synthetic[i] != 0 ? kSyntheticRgb : kRealRgb;
    case ColourBy::Corpus:
        return categorical(p.corpus[i]);
    case ColourBy::Cluster:
        return categorical(p.cluster[i]);
    case ColourBy::Tag:
        return categorical(p.firstTag[i] < 0 ? -1 : p.firstTag[i] - 1);
    case ColourBy::Decision: {
        static const QRgb decision[] = {kNone, 0xff2ca02c, 0xffd62728, 0xffffb000};
        return decision[std::min<std::uint8_t>(p.decision[i], 3)];
    }
    case ColourBy::NnSimilarity:
        return score(p.nnOwn[i], false);
    case ColourBy::CrossRoleSimilarity:
        return score(p.nnOther[i], false);
    case ColourBy::SyntheticLikeness:
        return score(p.syntheticLikeness[i], false);
    case ColourBy::Perplexity:
        return score(p.perplexity[i], true);
    }
    return kNone;
}

QPointF ClusterMapWidget::toScreen(float x, float y) const {
    const double w = width();
    const double h = height();
    const double sx = (x - m_bounds.left()) / m_bounds.width();
    const double sy = (y - m_bounds.top()) / m_bounds.height();
    const double cx = w / 2.0 + (sx - 0.5) * w * m_zoom + m_pan.x();
    const double cy = h / 2.0 - (sy - 0.5) * h * m_zoom + m_pan.y();
    return {cx, cy};
}

QPointF ClusterMapWidget::toData(QPointF screen) const {
    const double w = width();
    const double h = height();
    const double sx = (screen.x() - w / 2.0 - m_pan.x()) / (w * m_zoom) + 0.5;
    const double sy = -(screen.y() - h / 2.0 - m_pan.y()) / (h * m_zoom) + 0.5;
    return {m_bounds.left() + sx * m_bounds.width(), m_bounds.top() + sy * m_bounds.height()};
}

void ClusterMapWidget::clearSelectionBox() {
    m_shapes.clear();
    m_selected.clear();
    update();
}

QRectF ClusterMapWidget::selectionBox() const {
    return m_shapes.empty() ? QRectF() : m_shapes.back().data.boundingRect();
}

void ClusterMapWidget::setSelectionTool(SelectionTool tool) {
    if (tool == m_tool)
        return;
    m_tool = tool;
    Q_EMIT selectionToolChanged(tool);
}

double ClusterMapWidget::renderNow() {
    render();
    return m_lastRenderMs;
}

void ClusterMapWidget::render() {
    QElapsedTimer timer;
    timer.start();
    const int w = std::max(1, width());
    const int h = std::max(1, height());
    if (m_image.size() != QSize(w, h))
        m_image = QImage(w, h, QImage::Format_RGB32);
    const QRgb background = palette().color(QPalette::Base).rgb(); // read once, for both bands
    m_dirty = false;
    const DrawOrder& draw = drawOrder();
    const std::size_t n = draw.x.size(); // no draw order: no points, no bounds, or arranging
    if (!m_points || n == 0 || m_bounds.isEmpty()) {
        m_image.fill(background);
        m_lastRenderMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        return;
    }
    // Small maps: 3×3 dots so single points stay visible; large ones: one pixel per point.
    const int radius = n <= 50000 ? 1 : 0;
    const double ax = w * m_zoom / m_bounds.width();
    const double bx = w / 2.0 - 0.5 * w * m_zoom + m_pan.x() - m_bounds.left() * ax;
    const double ay = -h * m_zoom / m_bounds.height();
    const double by = h / 2.0 + 0.5 * h * m_zoom + m_pan.y() - m_bounds.top() * ay;
    // Per pixel, one 64-bit word: the summed blue, green and red channels in 16 bits each and
    // the point count above them (one addition per point). A channel sum fits 16 bits for up
    // to 257 points, so a pixel averages its first 257 points; the bit on top says that the
    // pixel shows the highlight.
    constexpr int kCountShift = 48;
    constexpr std::uint64_t kOne = std::uint64_t{1} << kCountShift;
    constexpr std::uint64_t kCountMask = std::uint64_t{0x7fff} << kCountShift;
    constexpr std::uint64_t kHighlighted = std::uint64_t{1} << 63;
    constexpr std::uint64_t kMaxSummed = 257;
    m_cells.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h)); // bands clear it
    const bool twoPasses = focusing();
    const auto add = [&](std::uint64_t& cell, QRgb c, int pass) {
        if (pass == 1 && (cell & kHighlighted) == 0)
            cell = kHighlighted; // the highlight covers the rest
        if ((cell & kCountMask) < kMaxSummed * kOne)
            cell += (c & 0xffu) | (std::uint64_t{c & 0xff00u} << 8) |
                    (std::uint64_t{c & 0xff0000u} << 16) | kOne;
    };
    // Two bands of rows drawn by two threads; each projects only the points of the grid rows
    // that reach its band and writes only its band. Detach the image once here: the bands
    // write their own scanlines through these pointers instead of calling QImage::scanLine()
    // (which may detach) from two threads.
    uchar* const pixels = m_image.bits();
    const qsizetype stride = m_image.bytesPerLine();
    auto drawBand = [&](int rowBegin, int rowEnd) {
        std::uint64_t* const cells = m_cells.data();
        std::fill(cells + static_cast<std::ptrdiff_t>(rowBegin) * w,
                  cells + static_cast<std::ptrdiff_t>(rowEnd) * w, std::uint64_t{0});
        for (int y = rowBegin; y < rowEnd; ++y) {
            auto* line = reinterpret_cast<QRgb*>(pixels + static_cast<std::ptrdiff_t>(y) * stride);
            std::fill(line, line + w, background);
        }
        // The draw positions whose grid rows can reach this band (one spare row either side
        // against rounding).
        const double yA = (rowBegin - radius - 1 - by) / ay;
        const double yB = (rowEnd + radius + 1 - by) / ay;
        const std::uint32_t below = drawGridRow(static_cast<float>(std::min(yA, yB)));
        const std::uint32_t gLo = below > 0 ? below - 1 : 0;
        const std::uint32_t gHi =
            std::min(kDrawGrid - 1, drawGridRow(static_cast<float>(std::max(yA, yB))) + 1);
        const std::size_t first = draw.rowStart[gLo];
        const std::size_t last = draw.rowStart[gHi + 1];
        for (int pass = 0; pass < (twoPasses ? 2 : 1); ++pass) {
            for (std::size_t i = first; i < last; ++i) {
                const double sx = ax * draw.x[i] + bx;
                const double sy = ay * draw.y[i] + by;
                // Far off screen or NaN: left out before the cast (out of int's range, or NaN,
                // the cast is undefined).
                if (!(sx > -radius - 1 && sx < w + radius && sy > rowBegin - radius - 1 &&
                      sy < rowEnd + radius))
                    continue;
                const int cx = static_cast<int>(sx);
                const int cy = static_cast<int>(sy);
                if (cy < rowBegin - radius || cy >= rowEnd + radius || cx < -radius ||
                    cx >= w + radius)
                    continue;
                const QRgb c = m_colours[i];
                if (twoPasses && (qAlpha(c) != 0) != (pass == 1))
                    continue;
                if (radius == 0) {
                    add(cells[static_cast<std::size_t>(cy) * static_cast<std::size_t>(w) +
                              static_cast<std::size_t>(cx)],
                        c, pass);
                    continue;
                }
                for (int yy = std::max(rowBegin, cy - radius); yy <= cy + radius && yy < rowEnd;
                     ++yy)
                    for (int xx = std::max(0, cx - radius); xx <= cx + radius && xx < w; ++xx)
                        add(cells[static_cast<std::size_t>(yy) * static_cast<std::size_t>(w) +
                                  static_cast<std::size_t>(xx)],
                            c, pass);
            }
        }
        // Mean colour per pixel over the background: one point 55% opaque, eight or more
        // opaque.
        static const auto alphaOf = []() {
            std::array<float, 9> a{};
            for (std::size_t c = 1; c < a.size(); ++c)
                a[c] = std::min(1.0f, 0.55f + 0.15f * std::log2(static_cast<float>(c)));
            return a;
        }();
        for (int y = rowBegin; y < rowEnd; ++y) {
            auto* line = reinterpret_cast<QRgb*>(pixels + static_cast<std::ptrdiff_t>(y) * stride);
            const std::uint64_t* row =
                cells + static_cast<std::size_t>(y) * static_cast<std::size_t>(w);
            for (int x = 0; x < w; ++x) {
                const std::uint64_t cell = row[x];
                const auto count = static_cast<std::uint32_t>((cell & kCountMask) >> kCountShift);
                if (count == 0)
                    continue;
                const float alpha = alphaOf[std::min<std::uint32_t>(count, 8)];
                const float inv = alpha / static_cast<float>(count);
                auto blend = [&](int under, int shift) {
                    const auto sum = static_cast<std::uint32_t>((cell >> shift) & 0xffffu);
                    return static_cast<int>(static_cast<float>(under) * (1.0f - alpha) +
                                            static_cast<float>(sum) * inv);
                };
                line[x] = qRgb(blend(qRed(background), 32), blend(qGreen(background), 16),
                               blend(qBlue(background), 0));
            }
        }
    };
    // Split the rows where the points visible on screen halve (by grid row), so each thread
    // gets about half of the work; any split is correct.
    int middle = h / 2;
    {
        const auto rowToScreen = [&](std::uint32_t g) {
            return ay * (draw.gridBounds.top() + draw.gridBounds.height() * g / kDrawGrid) + by;
        };
        std::size_t visible = 0;
        for (std::uint32_t g = 0; g < kDrawGrid; ++g) {
            const double centre = (rowToScreen(g) + rowToScreen(g + 1)) / 2.0;
            if (centre >= 0.0 && centre < h)
                visible += draw.rowStart[g + 1] - draw.rowStart[g];
        }
        std::size_t seen = 0;
        for (std::uint32_t g = 0; g < kDrawGrid && visible > 0; ++g) {
            const double centre = (rowToScreen(g) + rowToScreen(g + 1)) / 2.0;
            if (!(centre >= 0.0 && centre < h))
                continue;
            seen += draw.rowStart[g + 1] - draw.rowStart[g];
            if (2 * seen >= visible) { // rows above this grid row's top edge on screen
                middle = std::clamp(static_cast<int>(rowToScreen(g + 1)), 1, h - 1);
                break;
            }
        }
    }
    std::thread second(drawBand, middle, h);
    drawBand(0, middle);
    second.join();
    m_lastRenderMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

void ClusterMapWidget::paintEvent(QPaintEvent*) {
    if (m_dirty || m_image.size() != size())
        render();
    QPainter painter(this);
    painter.drawImage(0, 0, m_image);
    painter.setRenderHint(QPainter::Antialiasing);
    if (!m_points || m_points->size() == 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No map yet: run the analyses (Ctrl+R)."));
        return;
    }
    if (isArranging()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter,
                         tr("Arranging %L1 points…").arg(m_points->size()));
    }
    if (m_hover >= 0) {
        const QPointF p = toScreen(xs()[static_cast<std::size_t>(m_hover)],
                                   ys()[static_cast<std::size_t>(m_hover)]);
        painter.setPen(QPen(palette().color(QPalette::Text), 1.5));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(p, 5, 5);
    }
    // The finished selection stays drawn, where its points are as the view pans and zooms; a
    // shape that took points away is drawn dashed.
    for (const Shape& shape : m_shapes) {
        QPolygonF screen;
        for (const QPointF& p : shape.data)
            screen << toScreen(static_cast<float>(p.x()), static_cast<float>(p.y()));
        const QColor colour = shape.subtract ? QColor(190, 40, 40) : QColor(0, 90, 200);
        painter.setPen(QPen(colour, 1.5, shape.subtract ? Qt::DashLine : Qt::SolidLine));
        painter.setBrush(QColor(colour.red(), colour.green(), colour.blue(), 20));
        painter.drawPolygon(screen);
    }
    if (m_selecting) {
        const QColor colour = m_op == SelectOp::Subtract ? QColor(190, 40, 40) : QColor(0, 90, 200);
        painter.setPen(QPen(colour, 1, Qt::DashLine));
        painter.setBrush(QColor(colour.red(), colour.green(), colour.blue(), 30));
        painter.drawPolygon(m_tool == SelectionTool::Box && m_drag.size() >= 2
                                ? QPolygonF(QRectF(m_drag.front(), m_drag.back()).normalized())
                                : m_drag);
    }
    drawLegend(painter);
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(rect().adjusted(8, 0, -8, -6), Qt::AlignLeft | Qt::AlignBottom,
                     tr("%L1 points · %2")
                         .arg(m_points->size())
                         .arg(!(m_neighbourLayout && m_points->hasLayout) ? tr("PCA layout")
                              : m_points->layoutName.isEmpty()
                                  ? tr("neighbour layout")
                                  : tr("x: %1, y: %2 (imported)")
                                        .arg(m_points->layoutName.section(u", "_s, 0, 0),
                                             m_points->layoutName.section(u", "_s, 1))));
}

void ClusterMapWidget::drawLegend(QPainter& painter) const {
    QList<std::pair<QRgb, QString>> entries;
    switch (m_colourBy) {
    case ColourBy::Role:
        entries = {{kRealRgb, tr("real")}, {kSyntheticRgb, tr("synthetic")}};
        break;
    case ColourBy::Decision:
        entries = {{0xff2ca02c, tr("keep")},
                   {0xffd62728, tr("drop")},
                   {0xffffb000, tr("reviewers split")},
                   {kNone, tr("not decided")}};
        break;
    case ColourBy::Tag:
        entries = {{kNone, tr("untagged")}, {categorical(0), tr("colour = first tag")}};
        break;
    case ColourBy::Cluster:
    case ColourBy::Corpus:
        entries = {{categorical(0), m_colourBy == ColourBy::Cluster ? tr("colour = cluster")
                                                                    : tr("colour = corpus")}};
        // Twenty colours cannot tell 69 clusters apart: say how to see one alone.
        if (m_colourBy == ColourBy::Cluster && m_highlight < 0 && m_coloursRepeat)
            entries.append({kNone, tr("colours repeat: pick a cluster to see it alone")});
        break;
    default:
        break;
    }
    const QFontMetrics fm(font());
    const int lineH = fm.height() + 2;
    if (isScore(m_colourBy)) {
        const QRect box(width() - 190, 8, 180, lineH * 2 + 16);
        painter.setPen(Qt::NoPen);
        painter.setBrush(legendBackground());
        painter.drawRoundedRect(box, 4, 4);
        QLinearGradient g(box.left() + 8, 0, box.right() - 8, 0);
        for (int s = 0; s <= 4; ++s)
            g.setColorAt(s / 4.0, QColor(viridis(static_cast<float>(s) / 4.0f)));
        painter.setBrush(g);
        painter.drawRect(box.left() + 8, box.top() + 8, box.width() - 16, 10);
        painter.setPen(palette().color(QPalette::Text));
        const bool logScale = m_colourBy == ColourBy::Perplexity;
        auto label = [&](float v) {
            return QString::number(logScale ? std::pow(10.0f, v) : v, 'f', logScale ? 0 : 2);
        };
        painter.drawText(QRect(box.left() + 8, box.top() + 20, box.width() - 16, lineH),
                         Qt::AlignLeft, label(m_scoreMin));
        painter.drawText(QRect(box.left() + 8, box.top() + 20, box.width() - 16, lineH),
                         Qt::AlignRight, label(m_scoreMax));
        return;
    }
    if (entries.isEmpty())
        return;
    int textW = 0;
    for (const auto& e : entries)
        textW = std::max(textW, fm.horizontalAdvance(e.second));
    const QRect box(width() - textW - 44, 8, textW + 36,
                    lineH * static_cast<int>(entries.size()) + 8);
    painter.setPen(Qt::NoPen);
    painter.setBrush(legendBackground());
    painter.drawRoundedRect(box, 4, 4);
    for (int i = 0; i < entries.size(); ++i) {
        const int y = box.top() + 4 + i * lineH;
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(entries[i].first));
        painter.drawEllipse(QPoint(box.left() + 12, y + lineH / 2), 5, 5);
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(QRect(box.left() + 24, y, textW + 8, lineH), Qt::AlignVCenter,
                         entries[i].second);
    }
}

void ClusterMapWidget::resizeEvent(QResizeEvent*) {
    invalidate();
}

void ClusterMapWidget::changeEvent(QEvent* event) {
    // A dark (or light) desktop theme switched on: the background is the palette's base.
    if (event->type() == QEvent::PaletteChange) {
        prepareColours(); // the faded points' grey
        invalidate();
    }
    QWidget::changeEvent(event);
}

QColor ClusterMapWidget::legendBackground() const {
    QColor c = palette().color(QPalette::Base);
    c.setAlpha(220);
    return c;
}

std::ptrdiff_t ClusterMapWidget::pointAt(QPoint pos) const {
    // A scan of every point's screen position (a few milliseconds for a million): cheaper
    // than keeping a per-pixel index up to date on every redraw. Within 5 pixels; among the
    // nearest, the last drawn (the one on top) wins.
    if (!m_points || m_bounds.isEmpty())
        return -1;
    std::ptrdiff_t best = -1;
    double bestD = 25.0;
    for (std::size_t i = 0; i < m_points->size(); ++i) {
        if (!inFocus(i))
            continue;
        const QPointF p = toScreen(xs()[i], ys()[i]);
        const double dx = p.x() - pos.x();
        const double dy = p.y() - pos.y();
        const double d = dx * dx + dy * dy;
        if (d <= bestD) {
            bestD = d;
            best = static_cast<std::ptrdiff_t>(i);
        }
    }
    return best;
}

void ClusterMapWidget::mousePressEvent(QMouseEvent* event) {
    m_pressPos = m_lastPos = event->position().toPoint();
    m_dragging = false;
    const Qt::KeyboardModifiers mods = event->modifiers();
    m_selecting = event->button() == Qt::LeftButton && (mods & Qt::ShiftModifier);
    m_op = (mods & Qt::AltModifier)       ? SelectOp::Subtract
           : (mods & Qt::ControlModifier) ? SelectOp::Add
                                          : SelectOp::Replace;
    m_drag = QPolygonF({QPointF(m_pressPos)});
}

void ClusterMapWidget::mouseMoveEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    if (event->buttons() & Qt::LeftButton) {
        if (m_selecting) {
            // A box needs its corners; a lasso its path (a vertex every few pixels).
            if (m_tool == SelectionTool::Box)
                m_drag = QPolygonF({m_drag.front(), QPointF(pos)});
            else if ((QPointF(pos) - m_drag.back()).manhattanLength() >= 3.0)
                m_drag << QPointF(pos);
            update();
        } else if (m_dragging || (pos - m_pressPos).manhattanLength() > 3) {
            m_dragging = true;
            m_pan += QPointF(pos - m_lastPos);
            invalidate();
        }
        m_lastPos = pos;
        return;
    }
    const std::ptrdiff_t hit = pointAt(pos);
    if (hit != m_hover) {
        m_hover = hit;
        update();
        if (hit >= 0 && m_points) {
            const qint64 id = m_points->ids[static_cast<std::size_t>(hit)];
            QString text = m_preview ? m_preview(id) : QString();
            QToolTip::showText(event->globalPosition().toPoint(),
                               tr("<b>#%1</b> (%2)<br>%3")
                                   .arg(id)
                                   .arg(m_points->synthetic[static_cast<std::size_t>(hit)] != 0
                                            ? tr("synthetic")
                                            : tr("real"))
                                   .arg(text.left(400).toHtmlEscaped()),
                               this);
        } else {
            QToolTip::hideText();
        }
    }
}

void ClusterMapWidget::mouseReleaseEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    if (m_selecting) {
        m_selecting = false;
        if (m_tool == SelectionTool::Box)
            m_drag = QPolygonF(QRectF(m_drag.front(), QPointF(pos)).normalized());
        else
            m_drag << QPointF(pos);
        // The points inside the shape (even-odd rule: a lasso that crosses itself leaves
        // its inner loop out), found on screen, where it was drawn.
        std::vector<std::size_t> inside;
        const QRectF bounds = m_drag.boundingRect();
        if (m_points && m_drag.size() >= 3)
            for (std::size_t i = 0; i < m_points->size(); ++i) {
                if (std::isnan(xs()[i]) || std::isnan(ys()[i]))
                    continue;
                const QPointF p = toScreen(xs()[i], ys()[i]);
                if (bounds.contains(p) &&
                    (m_tool == SelectionTool::Box || m_drag.containsPoint(p, Qt::OddEvenFill)))
                    inside.push_back(i);
            }
        Shape shape{.data = {}, .subtract = m_op == SelectOp::Subtract};
        for (const QPointF& p : m_drag)
            shape.data << toData(p);
        std::vector<std::size_t> next;
        if (m_op == SelectOp::Replace) {
            m_shapes.clear();
            next = std::move(inside);
        } else if (m_op == SelectOp::Add) {
            std::set_union(m_selected.begin(), m_selected.end(), inside.begin(), inside.end(),
                           std::back_inserter(next));
        } else {
            std::set_difference(m_selected.begin(), m_selected.end(), inside.begin(), inside.end(),
                                std::back_inserter(next));
        }
        m_shapes.push_back(std::move(shape));
        m_selected = std::move(next);
        m_drag.clear();
        update();
        Q_EMIT selectionMade(m_selected);
        return;
    }
    if (!m_dragging && event->button() == Qt::LeftButton) {
        const std::ptrdiff_t hit = pointAt(pos);
        if (hit >= 0 && m_points)
            Q_EMIT sampleClicked(m_points->ids[static_cast<std::size_t>(hit)]);
    }
    m_dragging = false;
}

void ClusterMapWidget::mouseDoubleClickEvent(QMouseEvent*) {
    resetView();
}

void ClusterMapWidget::zoomAt(QPointF pos, double factor) {
    const double next = std::clamp(m_zoom * factor, 0.5, 2000.0);
    factor = next / m_zoom;
    // Keep the data point under pos fixed: screen = centre + offset·zoom + pan.
    const QPointF centre(width() / 2.0, height() / 2.0);
    m_pan = pos - centre - (pos - centre - m_pan) * factor;
    m_zoom = next;
    invalidate();
}

void ClusterMapWidget::wheelEvent(QWheelEvent* event) {
    zoomAt(event->position(), std::pow(1.0015, event->angleDelta().y()));
}

void ClusterMapWidget::keyPressEvent(QKeyEvent* event) {
    const QPointF centre(width() / 2.0, height() / 2.0);
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomAt(centre, 1.25);
        break;
    case Qt::Key_Minus:
        zoomAt(centre, 0.8);
        break;
    case Qt::Key_Home:
        resetView();
        break;
    case Qt::Key_L: // the other selection tool
        setSelectionTool(m_tool == SelectionTool::Box ? SelectionTool::Lasso : SelectionTool::Box);
        break;
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down: {
        const int step = 40;
        m_pan += QPointF(event->key() == Qt::Key_Left    ? step
                         : event->key() == Qt::Key_Right ? -step
                                                         : 0,
                         event->key() == Qt::Key_Up     ? step
                         : event->key() == Qt::Key_Down ? -step
                                                        : 0);
        invalidate();
        break;
    }
    default:
        QWidget::keyPressEvent(event);
    }
}

} // namespace synthscope::widgets
