#include "model/MetricCatalog.h"

#include <QCoreApplication>

namespace synthscope::model {

namespace {

#define TR(s) QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", s)

const MetricInfo kCorpus[] = {
    {"samples", TR("Samples"), "", TR("Records stored from the corpus files."), 0},
    {"mean_length_tokens", TR("Mean length"), "tokens",
     TR("Mean tokens per sample. A large gap to the real corpus means the generator writes to a "
        "different length than people do."),
     1},
    {"median_length_tokens", TR("Median length"), "tokens", TR("Median tokens per sample."), 1},
    {"mean_length_chars", TR("Mean length"), "characters",
     TR("Mean Unicode code points per sample."), 1},
    {"vocabulary_size", TR("Vocabulary size"), "",
     TR("Distinct tokens. Depends on corpus size: compare corpora of similar size."), 0},
    {"distinct_1", TR("Distinct-1"), "share",
     TR("Distinct unigrams over all unigrams (Li et al. 2016). Lower than the real corpus at a "
        "similar size: the vocabulary is narrowing."),
     4},
    {"distinct_2", TR("Distinct-2"), "share",
     TR("Distinct bigrams over all bigrams (Li et al. 2016). Falls when the same phrases are "
        "reused: a sign of template feel."),
     4},
    {"exact_duplicate_rate", TR("Exact-duplicate rate"), "share",
     TR("Share of samples whose normalised text repeats an earlier sample. Above a few percent "
        "the generator is copying itself."),
     4},
    {"label_entropy_bits", TR("Label entropy"), "bits",
     TR("Shannon entropy of the label distribution. Falling across rounds: majority labels are "
        "taking over."),
     3},
};

const MetricInfo kComparison[] = {
    {"js_divergence_length_tokens", TR("JS divergence: length"), "bits",
     TR("Jensen–Shannon divergence (base 2, 0 = same, 1 = disjoint) of the token-length "
        "histograms. Above ~0.1 the lengths differ visibly."),
     4},
    {"js_divergence_unigram", TR("JS divergence: unigrams"), "bits",
     TR("Jensen–Shannon divergence of word frequencies. Higher means the two sides use "
        "different words; check the indicating words."),
     4},
    {"js_divergence_bigram", TR("JS divergence: bigrams"), "bits",
     TR("Jensen–Shannon divergence of word-pair frequencies; reacts to phrasing and templates."),
     4},
    {"js_divergence_label", TR("JS divergence: labels"), "bits",
     TR("Jensen–Shannon divergence of the label distributions (when both sides have labels). "
        "High: the synthetic label mix does not match reality (majority amplification)."),
     4},
    {"ks_length_tokens", TR("KS statistic: length"), "",
     TR("Two-sample Kolmogorov–Smirnov D on token lengths: the largest gap between the two "
        "cumulative distributions."),
     4},
    {"real_samples", TR("Real samples"), "", TR("Samples on the real side (all real corpora)."), 0},
    {"synthetic_samples", TR("Synthetic samples"), "",
     TR("Samples on the synthetic side (all synthetic corpora)."), 0},
};

#undef TR

} // namespace

std::span<const MetricInfo> corpusMetrics() {
    return kCorpus;
}
std::span<const MetricInfo> comparisonMetrics() {
    return kComparison;
}

const MetricInfo* findMetric(const QString& key) {
    for (const MetricInfo& m : kCorpus)
        if (key == QLatin1StringView(m.key))
            return &m;
    for (const MetricInfo& m : kComparison)
        if (key == QLatin1StringView(m.key))
            return &m;
    return nullptr;
}

QString formatMetric(const MetricInfo& info, double value) {
    return QString::number(value, 'f', info.decimals);
}

} // namespace synthscope::model
