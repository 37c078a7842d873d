#pragma once

#include <QColor>
#include <QString>

class QChart;
class QChartView;
class QPalette;
class QWidget;

namespace synthscope::widgets {

/// The colours of the two roles in every chart.
inline const QColor kRealColour(0x1f, 0x77, 0xb4);
inline const QColor kSyntheticColour(0xe6, 0x6a, 0x00);

/// A chart view with an empty chart: no animation, legend below, small margins, antialiased,
/// in the light or dark chart theme of its palette (and following later palette changes).
QChartView* makeChartView(QWidget* parent, const QString& objectName);

/// Gives chart the light or dark Qt Charts theme matching palette (isDarkPalette), keeping
/// the pens and brushes its series already have.
void applyPaletteTheme(QChart* chart, const QPalette& palette);

/// Removes (and deletes) every series and axis of chart.
void clearChart(QChart* chart);

} // namespace synthscope::widgets
