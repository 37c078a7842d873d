// synthscope-map-bench: how long the cluster map takes to redraw. Run on demand (not part of
// the test suite), offscreen:
//
//   QT_QPA_PLATFORM=offscreen synthscope-map-bench PROJECT [--points N] [--repeat R]
//                                                  [--save PNG]
//
// Loads the map points of PROJECT's newest analysis (real data), replicates them with a little
// jitter up to N points (default 1,000,000), and redraws a 1400×880 map R times (default 20)
// for two colourings, with a cluster highlighted and zoomed in; prints the median and the
// slowest redraw in milliseconds, and apart from them the time to set the points and the
// first draw (which allocates the image and the per-pixel sums for the widget's size).
#include "model/Project.h"
#include "model/ProjectStore.h"
#include "widgets/ClusterMapWidget.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QWheelEvent>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace synthscope;

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QString path;
    std::size_t target = 1000000;
    int repeat = 20;
    QString save; // a PNG of the million points coloured by role, to look at
    const QStringList args = QApplication::arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QStringLiteral("--points") && i + 1 < args.size())
            target = args[++i].toULongLong();
        else if (args[i] == QStringLiteral("--save") && i + 1 < args.size())
            save = args[++i];
        else if (args[i] == QStringLiteral("--repeat") && i + 1 < args.size())
            repeat = std::max(1, args[++i].toInt());
        else
            path = args[i];
    }
    std::shared_ptr<model::Project> project;
    if (path.isEmpty() ||
        !model::Project::open(path, model::Project::OpenMode::OpenExisting, &project).ok()) {
        std::fprintf(
            stderr, "usage: synthscope-map-bench PROJECT [--points N] [--repeat R] [--save PNG]\n");
        return 2;
    }
    const model::MapPoints base = model::ProjectStore(*project).mapPoints();
    if (base.size() == 0) {
        std::fprintf(stderr, "synthscope-map-bench: the project has no map; analyse it first\n");
        return 2;
    }
    auto points = std::make_shared<model::MapPoints>(base);
    std::mt19937 rng(1);
    std::normal_distribution<float> jitter(0.0f, 0.01f);
    for (std::size_t i = base.size(); i < target; ++i) {
        const std::size_t j = i % base.size();
        points->ids.push_back(base.ids[j]);
        points->pcaX.push_back(base.pcaX[j] + jitter(rng));
        points->pcaY.push_back(base.pcaY[j] + jitter(rng));
        points->layoutX.push_back(base.layoutX[j]);
        points->layoutY.push_back(base.layoutY[j]);
        points->synthetic.push_back(base.synthetic[j]);
        points->corpus.push_back(base.corpus[j]);
        points->cluster.push_back(base.cluster[j]);
        points->nnOwn.push_back(base.nnOwn[j]);
        points->nnOther.push_back(base.nnOther[j]);
        points->syntheticLikeness.push_back(base.syntheticLikeness[j]);
        points->perplexity.push_back(base.perplexity[j]);
        points->duplicateGroup.push_back(base.duplicateGroup[j]);
        points->firstTag.push_back(base.firstTag[j]);
        points->decision.push_back(base.decision[j]);
    }
    widgets::ClusterMapWidget map;
    map.resize(1400, 880);
    QElapsedTimer timer;
    timer.start();
    map.setPoints(points); // on the GUI thread: bounds (and below 200k points the draw order)
    const double setMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    std::printf("points %zu, map 1400×880\n", points->size());
    std::printf("%-28s %7.2f ms   (GUI thread)\n", "set points", setMs);
    if (map.isArranging()) { // the draw order on a pool thread, then the colours
        QSignalSpy arranged(&map, &widgets::ClusterMapWidget::arranged);
        if (!arranged.wait(60000))
            std::fprintf(stderr, "synthscope-map-bench: the points were never arranged\n");
        std::printf("%-28s %7.2f ms   (since set points; sorted on a pool thread)\n", "arranged",
                    static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    std::printf("%-28s %7.2f ms   (allocates the image and the per-pixel sums)\n", "first draw",
                map.renderNow());
    const auto measure = [&](const char* name) {
        std::vector<double> ms;
        for (int r = 0; r < repeat; ++r)
            ms.push_back(map.renderNow());
        std::sort(ms.begin(), ms.end());
        std::printf("%-28s median %7.2f ms   max %7.2f ms   (%d redraws)\n", name,
                    ms[ms.size() / 2], ms.back(), repeat);
    };
    using C = widgets::ClusterMapWidget::ColourBy;
    map.setColourBy(C::Role);
    measure("role");
    if (!save.isEmpty() && !map.pointsImage().save(save))
        std::fprintf(stderr, "synthscope-map-bench: cannot write %s\n", qPrintable(save));
    map.setColourBy(C::SyntheticLikeness);
    measure("synthetic-likeness");
    map.setColourBy(C::Role);
    map.setHighlightCluster(0); // two passes: the faded points, then the cluster's over them
    measure("role, cluster 0 highlighted");
    map.setHighlightCluster(-1);
    // Zoom in as a user does, with the wheel over the middle of the map (4×).
    const QPointF centre(700, 440);
    QWheelEvent wheel(centre, map.mapToGlobal(centre), QPoint(), QPoint(0, 925), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&map, &wheel);
    measure("role, zoomed in four times");
    return 0;
}
