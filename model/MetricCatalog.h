#pragma once

#include <QString>

#include <span>

namespace synthscope::model {

/// What a metric means, for tables, tooltips, the README and reports.
struct MetricInfo {
    const char* key;     ///< the name in the project file and in `summary --json`
    const char* title;   ///< short label (translatable)
    const char* unit;    ///< "", "tokens", "characters", "bits", "share"
    const char* meaning; ///< one sentence: what it measures and when to worry (translatable)
    int decimals;        ///< digits shown
};

/// Per-corpus metrics, in display order.
std::span<const MetricInfo> corpusMetrics();
/// Real-vs-synthetic metrics, in display order.
std::span<const MetricInfo> comparisonMetrics();
/// Whether key is a comparison (comparisonMetrics()) rather than a per-corpus measure.
bool isComparisonMetric(const QString& key);
/// The entry for key, or nullptr.
const MetricInfo* findMetric(const QString& key);
/// A catalog text (title, meaning) in the user's language.
QString metricTr(const char* text);
/// value formatted with the metric's decimals (integers without decimals).
QString formatMetric(const MetricInfo& info, double value);

} // namespace synthscope::model
