// The cluster map's point buffer, drawn from hand-made points whose pixels are known: every
// point on its own pixel, the colour of one point and of a pile of them, the highlight over
// the faded points, and an image that does not depend on the points' order.
#include "model/ProjectStore.h"
#include "widgets/ClusterMapWidget.h"

#include <QApplication>
#include <QSignalSpy>
#include <QThreadPool>
#include <QWheelEvent>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>
#include <random>

using namespace synthscope;

namespace {

// Points with every field the widget reads; real (0) or synthetic (1), in cluster `cluster`.
void addMapPoint(model::MapPoints& p, float x, float y, std::uint8_t synthetic,
                 std::int32_t cluster) {
    p.ids.push_back(static_cast<qint64>(p.ids.size()) + 1);
    p.pcaX.push_back(x);
    p.pcaY.push_back(y);
    p.layoutX.push_back(NAN);
    p.layoutY.push_back(NAN);
    p.synthetic.push_back(synthetic);
    p.corpus.push_back(synthetic);
    p.cluster.push_back(cluster);
    p.nnOwn.push_back(NAN);
    p.nnOther.push_back(NAN);
    p.syntheticLikeness.push_back(NAN);
    p.perplexity.push_back(NAN);
    p.duplicateGroup.push_back(-1);
    p.firstTag.push_back(-1);
    p.decision.push_back(0);
}

// A 300 × 200 lattice (60,000 points: past the 50,000 where a point is one pixel): the left
// half real in cluster 0, the right half synthetic in cluster 1. In a 600 × 400 map a lattice
// step is about 1.9 pixels on either axis, so no two points share a pixel.
model::MapPoints lattice() {
    model::MapPoints p;
    for (int row = 0; row < 200; ++row)
        for (int col = 0; col < 300; ++col)
            addMapPoint(p, static_cast<float>(col), static_cast<float>(row), col >= 150 ? 1 : 0,
                        col >= 150 ? 1 : 0);
    return p;
}

int pixelsNotOf(const QImage& image, QRgb background) {
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += (image.pixel(x, y) & 0xffffff) != (background & 0xffffff) ? 1 : 0;
    return n;
}

// One point over the background: 55 % of the point's colour (the widget's alpha for one
// point), channel by channel.
QRgb onePointOver(QRgb colour, QRgb background) {
    const auto mix = [](int under, int over) {
        return static_cast<int>(static_cast<float>(under) * 0.45f +
                                static_cast<float>(over) * 0.55f);
    };
    return qRgb(mix(qRed(background), qRed(colour)), mix(qGreen(background), qGreen(colour)),
                mix(qBlue(background), qBlue(colour)));
}

bool near(QRgb a, QRgb b) {
    return std::abs(qRed(a) - qRed(b)) <= 1 && std::abs(qGreen(a) - qGreen(b)) <= 1 &&
           std::abs(qBlue(a) - qBlue(b)) <= 1;
}

} // namespace

// Every one of 60,000 points lights its own pixel, whichever of the two drawing bands (split
// where the points halve) it falls in; zoomed in with the wheel, fewer; zoomed back, the same
// image again.
TEST(ClusterMapDraw, EveryPointLightsItsOwnPixel) {
    widgets::ClusterMapWidget map;
    map.resize(600, 400);
    map.setPoints(std::make_shared<model::MapPoints>(lattice()));
    map.renderNow();
    const QRgb background = map.palette().color(QPalette::Base).rgb();
    const QImage whole = map.pointsImage().copy();
    EXPECT_EQ(pixelsNotOf(whole, background), 60000);
    // Left half blue (real, #1f77b4), right half orange (synthetic, #ff7f0e).
    const QRgb real = onePointOver(0xff1f77b4, background);
    const QRgb synthetic = onePointOver(0xffff7f0e, background);
    int reals = 0;
    int synthetics = 0;
    for (int y = 0; y < whole.height(); ++y)
        for (int x = 0; x < whole.width(); ++x) {
            const QRgb c = whole.pixel(x, y);
            reals += near(c, real) && x < 300 ? 1 : 0;
            synthetics += near(c, synthetic) && x >= 300 ? 1 : 0;
        }
    EXPECT_EQ(reals, 30000);
    EXPECT_EQ(synthetics, 30000);

    const QPointF centre(300, 200);
    QWheelEvent in(centre, map.mapToGlobal(centre), QPoint(), QPoint(0, 925), Qt::NoButton,
                   Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&map, &in);
    map.renderNow();
    // 4× at the centre: a quarter of the frame on each axis, 322.9 / 4 = 80.7 columns by
    // 214.9 / 4 = 53.7 rows of the lattice (the frame is the lattice plus a 4 % margin).
    const int zoomed = pixelsNotOf(map.pointsImage(), background);
    EXPECT_GE(zoomed, 80 * 53);
    EXPECT_LE(zoomed, 81 * 54);
    QWheelEvent out(centre, map.mapToGlobal(centre), QPoint(), QPoint(0, -925), Qt::NoButton,
                    Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&map, &out);
    map.renderNow();
    EXPECT_EQ(pixelsNotOf(map.pointsImage(), background), 60000);
}

// The image is a function of the points, not of their order in the list (the widget sorts
// them into its own draw order).
TEST(ClusterMapDraw, TheImageDoesNotDependOnThePointsOrder) {
    const model::MapPoints ordered = lattice();
    // Add a second lattice offset by a third of a step, so pixels hold two points of
    // different colours and the sums matter.
    model::MapPoints both = ordered;
    for (std::size_t i = 0; i < ordered.size(); ++i)
        addMapPoint(both, ordered.pcaX[i] + 0.33f, ordered.pcaY[i] + 0.33f,
                    static_cast<std::uint8_t>(1 - ordered.synthetic[i]), 2);
    std::vector<std::size_t> perm(both.size());
    std::iota(perm.begin(), perm.end(), std::size_t{0});
    std::shuffle(perm.begin(), perm.end(), std::mt19937(7));
    model::MapPoints shuffled;
    for (std::size_t i : perm)
        addMapPoint(shuffled, both.pcaX[i], both.pcaY[i], both.synthetic[i], both.cluster[i]);
    widgets::ClusterMapWidget a;
    widgets::ClusterMapWidget b;
    for (auto* map : {&a, &b})
        map->resize(600, 400);
    a.setPoints(std::make_shared<model::MapPoints>(both));
    b.setPoints(std::make_shared<model::MapPoints>(shuffled));
    a.renderNow();
    b.renderNow();
    EXPECT_TRUE(a.pointsImage() == b.pointsImage());
    // And a cluster highlighted in both.
    a.setHighlightCluster(2);
    b.setHighlightCluster(2);
    a.renderNow();
    b.renderNow();
    EXPECT_TRUE(a.pointsImage() == b.pointsImage());
}

// 600 synthetic points on one spot: the pixel is the synthetic colour itself (eight or more
// points are opaque), its channels not spilt into each other however many points pile up; a
// highlighted real point there covers them.
TEST(ClusterMapDraw, APileOfPointsKeepsItsColourAndTheHighlightCoversIt) {
    model::MapPoints p;
    for (int i = 0; i < 600; ++i)
        addMapPoint(p, 0.5f, 0.5f, 1, 1);
    // Two far corners give the map its frame.
    addMapPoint(p, 0.0f, 0.0f, 0, 0);
    addMapPoint(p, 1.0f, 1.0f, 0, 0);
    widgets::ClusterMapWidget map;
    map.resize(200, 200);
    map.setPoints(std::make_shared<model::MapPoints>(p));
    map.renderNow();
    // The pile's 3 × 3 dot (3 × 3 below 50,000 points): nothing else on the map is orange.
    const QImage image = map.pointsImage().copy();
    std::vector<QPoint> pile;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (near(image.pixel(x, y), 0xffff7f0e))
                pile.emplace_back(x, y);
    EXPECT_EQ(pile.size(), 9u);

    addMapPoint(p, 0.5f, 0.5f, 0, 0); // one real point on the pile, its cluster highlighted
    map.setPoints(std::make_shared<model::MapPoints>(p));
    map.setHighlightCluster(0);
    map.renderNow();
    const QRgb background = map.palette().color(QPalette::Base).rgb();
    const QRgb real = onePointOver(0xff1f77b4, background);
    for (const QPoint& at : pile)
        EXPECT_TRUE(near(map.pointsImage().pixel(at), real)) << at.x() << "," << at.y();
}

// Points without coordinates (NaN) or far outside the frame (±1e30, fewer than the 0.2 % the
// framing leaves out on each side) light no pixel: the image is the lattice's alone. (Their
// screen position is out of int's range: it is checked before the cast, which would be
// undefined.)
TEST(ClusterMapDraw, PointsWithoutOrFarOutsideTheFrameLightNothing) {
    widgets::ClusterMapWidget plain;
    widgets::ClusterMapWidget odd;
    model::MapPoints withOdd = lattice();
    for (int i = 0; i < 50; ++i) {
        addMapPoint(withOdd, NAN, static_cast<float>(i), 1, 1);
        addMapPoint(withOdd, static_cast<float>(i), NAN, 0, 0);
        addMapPoint(withOdd, 1e30f, 1e30f, 1, 1);
        addMapPoint(withOdd, -1e30f, static_cast<float>(i), 0, 0);
    }
    plain.resize(600, 400);
    odd.resize(600, 400);
    plain.setPoints(std::make_shared<model::MapPoints>(lattice()));
    odd.setPoints(std::make_shared<model::MapPoints>(withOdd));
    plain.renderNow();
    odd.renderNow();
    const QRgb background = odd.palette().color(QPalette::Base).rgb();
    EXPECT_EQ(pixelsNotOf(odd.pointsImage(), background), 60000);
    EXPECT_TRUE(odd.pointsImage() == plain.pointsImage());
}

// From 200,000 points the draw order is sorted on a pool thread (tens of milliseconds at a
// million, kept off the GUI thread): nothing is drawn until it lands, then every one of 210,000
// lattice points lights its own pixel. Points set again before it lands supersede it: the old
// points' late order is dropped, not drawn over the new ones.
TEST(ClusterMapDraw, LargeMapsAreArrangedOnAPoolThread) {
    // 700 × 300 lattice in a 1400 × 600 map: about 1.86 pixels a step on either axis.
    model::MapPoints big;
    for (int row = 0; row < 300; ++row)
        for (int col = 0; col < 700; ++col)
            addMapPoint(big, static_cast<float>(col), static_cast<float>(row), col >= 350 ? 1 : 0,
                        col >= 350 ? 1 : 0);
    ASSERT_GE(big.size(), widgets::ClusterMapWidget::kArrangeInBackgroundFrom);
    const auto points = std::make_shared<model::MapPoints>(big);
    widgets::ClusterMapWidget map;
    map.resize(1400, 600);
    const QRgb background = map.palette().color(QPalette::Base).rgb();
    QSignalSpy arranged(&map, &widgets::ClusterMapWidget::arranged);
    map.setPoints(points);
    EXPECT_TRUE(map.isArranging());
    map.renderNow(); // the order lands through the event loop: not yet
    EXPECT_EQ(pixelsNotOf(map.pointsImage(), background), 0);
    // A paint while arranging says so in the middle of the map ("Arranging 210,000 points…"),
    // where the points are not drawn yet.
    const QImage shot = map.grab().toImage();
    int text = 0;
    for (int y = 280; y < 320; ++y)
        for (int x = 500; x < 900; ++x)
            text += (shot.pixel(x, y) & 0xffffff) != (background & 0xffffff) ? 1 : 0;
    EXPECT_GT(text, 0);
    ASSERT_TRUE(arranged.wait(30000));
    EXPECT_FALSE(map.isArranging());
    map.renderNow();
    EXPECT_EQ(pixelsNotOf(map.pointsImage(), background), 210000);

    // The large points again, then at once the 60,000-point lattice (arranged at once).
    map.setPoints(points);
    EXPECT_TRUE(map.isArranging());
    map.setPoints(std::make_shared<model::MapPoints>(lattice()));
    EXPECT_FALSE(map.isArranging());
    QThreadPool::globalInstance()->waitForDone(); // the large points' order is done…
    QCoreApplication::processEvents();            // …and its finished signal delivered
    EXPECT_EQ(arranged.count(), 1);
    map.renderNow();
    EXPECT_EQ(pixelsNotOf(map.pointsImage(), background), 60000);
}
