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
/// Concentration of the synthetic side on its generators, template versions and judge
/// versions (model/Sources.h): all synthetic samples of an analysis, charted by round.
std::span<const MetricInfo> sourceMetrics();
/// What an LLM judge preferred among a corpus's preference pairs (analysis/Judge.h), per corpus.
std::span<const MetricInfo> judgeMetrics();
/// Whether key is a comparison (comparisonMetrics()) rather than a per-corpus measure.
bool isComparisonMetric(const QString& key);
/// Whether key is a raw per-corpus measure that depends on corpus size or text length
/// (distinct-n, vocabulary, compression ratio, self-BLEU, duplicate, skeleton and
/// nearest-neighbour rates, the embedding Vendi score, perplexity): views hide these by
/// default and show their size- or length-controlled counterparts (…_at_budget, vendi_ngram,
/// mtld, templates_per_token, …_length_lift) instead.
bool isUncontrolledMetric(const QString& key);
/// The entry for key, or nullptr. A key ending in _length_matched or _length_baseline (the
/// values behind a length-controlled lift) gets the entry of the raw measure it controls.
const MetricInfo* findMetric(const QString& key);
/// A catalog text (title, meaning) in the user's language.
QString metricTr(const char* text);
/// The metric's name as shown in tables: its translated title with its unit when it has one
/// other than "share" ("Mean length (tokens)"), since two metrics may share a title.
QString metricNameWithUnit(const MetricInfo& info);
/// value formatted with the metric's decimals (integers without decimals).
QString formatMetric(const MetricInfo& info, double value);

} // namespace synthscope::model
