#pragma once

#include "analysis/Divergence.h"
#include "analysis/LogOdds.h"
#include "analysis/Profile.h"
#include "analysis/Progress.h"
#include "analysis/TfIdf.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace synthscope::analysis {

/// One corpus handed to analyzeCorpora(): its texts, and labels (empty, or one per text).
struct CorpusInput {
    bool synthetic = false;
    std::span<const std::string> texts;
    std::span<const std::string> labels;
};

struct AnalysisParams {
    std::size_t histogramBins = 40; ///< bins of the token-length histogram (see sharedHistogram)
    LogOddsParams logOdds;          ///< indicating n-grams (unigrams and bigrams)
    TfIdfParams neighbours;         ///< real neighbours of every synthetic sample
};

/// Pooled real corpora (side A) against pooled synthetic corpora (side B).
struct RealVsSynthetic {
    std::size_t realSamples = 0;
    std::size_t syntheticSamples = 0;
    double jsLengthTokens = 0.0;         ///< JS divergence (bits) of the shared length histogram
    double jsUnigram = 0.0;              ///< JS divergence (bits) of unigram frequencies
    double jsBigram = 0.0;               ///< JS divergence (bits) of bigram frequencies
    std::optional<double> jsLabel;       ///< JS divergence (bits) of labels; both sides labelled
    KsResult ksLengthTokens;             ///< two-sample KS on token lengths
    SharedHistogram lengthHistogram;     ///< A = real, B = synthetic, in tokens
    std::vector<std::string> labels;     ///< union of labels, most frequent overall first
    std::vector<double> labelCountsReal; ///< per entry of labels
    std::vector<double> labelCountsSynthetic;
    LogOddsResult indicating; ///< indicatingA = real's words, indicatingB = synthetic's
};

struct AnalysisResult {
    /// One per input corpus, in input order; the large count maps are emptied.
    std::vector<CorpusProfile> corpora;
    /// Present when at least one real and one synthetic corpus has a sample.
    std::optional<RealVsSynthetic> comparison;
    /// For every synthetic sample (pooled, in input order) its most similar real samples
    /// (pooled, in input order) by TF-IDF cosine; empty without a comparison.
    std::vector<std::vector<Neighbour>> syntheticToReal;
};

/// The walking-skeleton analysis: profiles every corpus, compares pooled real against pooled
/// synthetic (JS divergences, KS, label distributions, indicating n-grams by weighted log-odds)
/// and finds TF-IDF nearest real neighbours of each synthetic sample.
/// Throws std::invalid_argument for labels whose size is neither 0 nor the texts' size;
/// throws Cancelled when progress asks to stop.
AnalysisResult analyzeCorpora(std::span<const CorpusInput> corpora,
                              const AnalysisParams& params = {}, const Progress& progress = {});

} // namespace synthscope::analysis
