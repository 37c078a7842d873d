#include "widgets/Charts.h"

#include "widgets/Language.h"

#include <QAbstractAxis>
#include <QAbstractBarSeries>
#include <QAreaSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QXYSeries>

#include <utility>
#include <vector>

namespace synthscope::widgets {

namespace {

/// Re-themes its chart view's chart when the view's palette changes (a dark desktop theme
/// switched on while Synthscope runs).
class ChartPaletteFollower : public QObject {
public:
    explicit ChartPaletteFollower(QChartView* view)
        : QObject(view)
        , m_view(view) {
        view->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched == m_view && event->type() == QEvent::PaletteChange)
            applyPaletteTheme(m_view->chart(), m_view->palette());
        return false;
    }

private:
    QChartView* m_view;
};

} // namespace

void applyPaletteTheme(QChart* chart, const QPalette& palette) {
    const QChart::ChartTheme theme =
        isDarkPalette(palette) ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (chart->theme() == theme)
        return;
    // A theme overwrites the series' colours: keep the ones the views chose (role colours).
    std::vector<std::pair<QXYSeries*, std::pair<QPen, QBrush>>> xy;
    std::vector<std::pair<QAreaSeries*, std::pair<QPen, QBrush>>> areas;
    std::vector<std::pair<QBarSet*, std::pair<QPen, QBrush>>> bars;
    const auto seriesList = chart->series();
    for (QAbstractSeries* s : seriesList) {
        if (auto* x = qobject_cast<QXYSeries*>(s))
            xy.emplace_back(x, std::pair(x->pen(), x->brush()));
        else if (auto* a = qobject_cast<QAreaSeries*>(s))
            areas.emplace_back(a, std::pair(a->pen(), a->brush()));
        else if (auto* b = qobject_cast<QAbstractBarSeries*>(s)) {
            const auto sets = b->barSets();
            for (QBarSet* set : sets)
                bars.emplace_back(set, std::pair(set->pen(), set->brush()));
        }
    }
    chart->setTheme(theme);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    for (auto& [s, style] : xy) {
        s->setPen(style.first);
        s->setBrush(style.second);
    }
    for (auto& [s, style] : areas) {
        s->setPen(style.first);
        s->setBrush(style.second);
    }
    for (auto& [set, style] : bars) {
        set->setPen(style.first);
        set->setBrush(style.second);
    }
}

QChartView* makeChartView(QWidget* parent, const QString& objectName) {
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto* view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(240);
    view->setObjectName(objectName);
    applyPaletteTheme(chart, view->palette());
    new ChartPaletteFollower(view);
    return view;
}

void clearChart(QChart* chart) {
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
}

} // namespace synthscope::widgets
