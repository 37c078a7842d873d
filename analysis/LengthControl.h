#pragma once

#include "analysis/Progress.h"
#include "analysis/VsReal.h"

#include <array>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace synthscope::analysis {

/// Above this share of drawn synthetic samples without a real match, no length-matched measure
/// is given (LengthControlParams::maxUnmatchedShare's default).
inline constexpr double kMaxUnmatchedShare = 0.5;

/// Length-matched real baselines for the length-sensitive self-similarity measures.
///
/// Why: short texts coincide by chance ("yes", "Thanks!"), share skeletons ("<@> <W>") and sit
/// close together in embedding space, so a corpus of short answers looks "more repetitive"
/// than one of long answers whatever its generator did. Comparing a synthetic corpus's rate
/// with the rate of *real samples of the same lengths* removes that confound: the lift
/// between the two says how much more repetitive the corpus is than reality would be at its
/// lengths. Matching is coarsened exact matching on token length (Iacus, King & Porro 2012):
/// each drawn synthetic sample is paired with one real sample of the same length bin, drawn
/// without replacement; synthetic samples whose bin has no real sample left stay unmatched
/// and are reported as a share, never filled in.
struct LengthControlParams {
    /// Synthetic samples drawn per draw (all when the corpus is smaller). Both sets of a draw
    /// then hold the same number of samples, so the rates are also size-controlled.
    std::size_t sampleBudget = 1000;
    std::size_t draws = 3; ///< seeded draws averaged (the sd is their spread)
    /// Lengths below this many tokens are matched exactly; longer ones by geometric bins
    /// [exactBelow · binRatio^k, exactBelow · binRatio^(k+1)).
    std::uint32_t exactBelow = 12;
    double binRatio = 1.2;
    double nnThreshold = 0.95;   ///< as SimilarityParams::nnThreshold (chapter 17, Listing 17-1)
    std::size_t minMatched = 20; ///< fewer matched samples in a draw: the measures stay NaN
    /// A larger share of the drawn samples without a real match: the measures stay NaN (a
    /// baseline for a minority of the corpus would be read as one for all of it; the share
    /// itself is still reported).
    double maxUnmatchedShare = kMaxUnmatchedShare;
    std::uint64_t seed = 1;
};

/// The length bin of a sample of `tokens` tokens (see LengthControlParams). Monotone in
/// tokens; bins never merge lengths below exactBelow.
std::uint32_t lengthBin(std::uint32_t tokens, const LengthControlParams& params);

/// One draw of a synthetic sample and its length-matched real baseline.
struct LengthMatchedDraw {
    std::size_t drawn = 0;                ///< synthetic samples drawn (≤ sampleBudget)
    std::vector<std::uint32_t> synthetic; ///< matched synthetic documents
    std::vector<std::uint32_t> real;      ///< real[i] has the length bin of synthetic[i]
};

/// Draws min(sampleBudget, |syntheticDocs|) synthetic documents at random and pairs each with
/// a real document of the same lengthBin(), without replacement; unpaired ones are dropped
/// (drawn − synthetic.size() of them). lengthOf: token count per document (indexed by the
/// document numbers in syntheticDocs and realDocs). Deterministic for a seed.
LengthMatchedDraw matchLengths(std::span<const std::uint32_t> syntheticDocs,
                               std::span<const std::uint32_t> realDocs,
                               std::span<const std::uint32_t> lengthOf,
                               const LengthControlParams& params, std::uint64_t seed);

/// The measures with a length-matched baseline, in the order of lengthControlledKeys().
enum class LengthControlled : std::uint8_t {
    /// Share of the set's samples whose normalised text equals an earlier member's.
    ExactDuplicateRate,
    /// Samples that would go if each near-duplicate group (ComparisonInputs::duplicateGroup,
    /// MinHash over word shingles, Jaccard ≥ 0.8) kept one member of the set, per sample.
    NearDuplicateRate,
    /// Share of the set's samples whose skeleton group (ComparisonInputs::skeletonGroup) holds
    /// another member of the set.
    SkeletonRepetitionRate,
    /// Share of the set's samples whose nearest other member (embedding cosine) is at least
    /// nnThreshold.
    NnSimilarityRatio,
    /// Mean cosine of each member's nearest other member of the set.
    MeanNnSimilarity,
    /// Median perplexity under the real-data language model; the baseline draws, with
    /// replacement, one held-out real sample of the same length bin per matched synthetic
    /// sample. Matched samples whose bin has no held-out real sample (the held-out split is
    /// about a tenth of the real side) are left out of both medians, and not counted in
    /// unmatchedShare; fewer than minMatched left: NaN.
    PerplexityMedian,
};
inline constexpr std::size_t kLengthControlledCount = 6;

/// The storage names of the measures ("exact_duplicate_rate", "near_duplicate_rate",
/// "skeleton_repetition_rate", "nn_similarity_ratio", "mean_nn_similarity",
/// "perplexity_median"): the names of the raw, whole-corpus measures they control. The
/// project stores each as <name>_length_matched (the synthetic value), <name>_length_baseline
/// and <name>_length_lift.
const std::array<const char*, kLengthControlledCount>& lengthControlledKeys();

/// One measure on the matched synthetic sample and on its length-matched real baseline, as
/// means and sample standard deviations over draws (NaN: not measured).
struct LengthControlledEstimate {
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    double value = kNaN;
    double valueSd = kNaN;
    double baseline = kNaN;
    double baselineSd = kNaN;
    /// value / baseline per draw, averaged over draws (so not exactly value / baseline of the
    /// means). For the four rates both sides get one sample's worth of smoothing first,
    /// (v + 1/m) / (b + 1/m) with m the matched samples, so a baseline of 0 gives a finite lift
    /// and two rates of 0 a lift of 1; for mean NN similarity and perplexity a baseline ≤ 0
    /// gives NaN. Above 1: more
    /// repetitive (or, for perplexity, less predictable) than real text of the same lengths.
    double lift = kNaN;
    double liftSd = kNaN;
};

/// One synthetic corpus with its length-matched baselines.
struct CorpusLengthControl {
    std::size_t corpus = 0; ///< index into the input corpora
    std::size_t drawn = 0;  ///< synthetic samples drawn per draw
    double matched = 0.0;   ///< matched samples per draw (mean over draws)
    /// 1 − matched / drawn: samples that found no unused real sample of their length bin (the
    /// real side lacks those lengths, or has fewer samples of them than the corpus).
    double unmatchedShare = 0.0;
    std::array<LengthControlledEstimate, kLengthControlledCount> measures;
};

/// For every synthetic corpus with at least minMatched samples: params.draws seeded draws of
/// matchLengths() against the pooled real documents, each measure of LengthControlled on both
/// sets of each draw, averaged; all NaN when more than maxUnmatchedShare of the drawn samples
/// found no real sample of their length. Measures whose inputs are absent (no duplicate groups, no
/// skeleton groups, no embeddings, no perplexities) stay NaN, as do all when fewer than
/// minMatched samples could be matched. Inputs used: tokens (lengths), hashes, duplicateGroup,
/// skeletonGroup, embeddings, perplexity. Cost per corpus and draw: O(m² · d) for the
/// nearest neighbours (m ≤ sampleBudget matched samples, d embedding dimensions), plus
/// O(R + n_c) to shuffle and bin the R real and n_c corpus samples; corpora run on workerCount()
/// threads. synthetic: per corpus; corpusOf: per document. Throws Cancelled.
std::vector<CorpusLengthControl> controlForLength(const ComparisonInputs& inputs,
                                                  std::span<const std::uint32_t> corpusOf,
                                                  const std::vector<bool>& synthetic,
                                                  const LengthControlParams& params = {},
                                                  const Progress& progress = {});

} // namespace synthscope::analysis
