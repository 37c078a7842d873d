#pragma once

#include "analysis/Embedding.h"
#include "analysis/Logistic.h"
#include "analysis/Mauve.h"
#include "analysis/Progress.h"

#include <array>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace synthscope::analysis {

/// Every comparison of one sample set A (real) with another B (synthetic, or a disjoint real
/// set for the null band). NaN = not measured (too few samples, no labels, no embeddings).
/// The keys in comparisonKeys() are the names in the project file and in `summary --json`.
struct ComparisonMetrics {
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    double jsLengthTokens = kNaN; ///< JS divergence (bits) of the shared token-length histogram
    double jsUnigram = kNaN;      ///< JS divergence (bits) of unigram frequencies
    double jsBigram = kNaN;       ///< JS divergence (bits) of bigram frequencies
    double jsLabel = kNaN;        ///< JS divergence (bits) of labels; both sides labelled
    double ksLengthTokens = kNaN; ///< two-sample Kolmogorov–Smirnov D on token lengths
    double jsClusterShare = kNaN; ///< JS divergence (bits) of the k-means cluster shares
    /// H(labels of B) − H(labels of A), bits: negative when B's label mix is more concentrated
    /// (majority amplification, Das et al. 2024).
    double labelEntropyChangeBits = kNaN;
    /// |ln(median perplexity of B / median perplexity of A)| under the real-data language
    /// model, over the samples it did not train on (≥ 5 per side).
    double perplexityLogRatio = kNaN;
    /// MAUVE (Pillutla et al. 2021), P = A, Q = B, 1 = same distribution, on one shared
    /// quantisation: the histograms of A and B over the k-means clusters of all samples
    /// (ComparisonInputs::cluster), divergence frontier with scaling c = MauveParams::scaling.
    /// Coarser than a quantisation per pair (at most 100 clusters), so values run higher
    /// than the pooled MAUVE; compare per-corpus values with each other and with the null.
    double mauve = kNaN;
    double detectabilityAuc = kNaN; ///< 5-fold cross-validated ROC-AUC of A vs B; 0.5 = same
    /// Improved precision (Kynkäänniemi et al. 2019): share of B inside some A sample's k-NN
    /// ball (the radius of a ball is the distance to its k-th nearest A sample).
    double precision = kNaN;
    /// Improved recall (Kynkäänniemi et al. 2019): share of A inside some B sample's k-NN ball.
    double recall = kNaN;
    /// Density (Naeem et al. 2020): mean number of A balls holding a B sample, divided by k;
    /// ≈ 1 when B is distributed as A, above 1 when B crowds into A's dense regions.
    double density = kNaN;
    /// Coverage (Naeem et al. 2020): share of A samples whose k-NN ball holds a B sample —
    /// how much of reality, long tail included, the synthetic data reaches.
    double coverageRealBySynthetic = kNaN;
    /// Coverage with the roles swapped: share of B samples whose k-NN ball (within B) holds
    /// an A sample — how much of the synthetic data is grounded in reality.
    double coverageSyntheticByReal = kNaN;
    /// Share of B samples (of at least VsRealParams::minCopyTokens tokens) whose normalised
    /// text equals an A sample's: copied, not generated.
    double crossExactDuplicateRate = kNaN;
    /// Share of B samples (of at least minCopyTokens tokens) in a near-duplicate group with an
    /// A sample (MinHash, Jaccard ≥ the near-duplicate threshold).
    double crossNearDuplicateRate = kNaN;
    /// Share of B samples shorter than minCopyTokens whose text equals an A sample's ("yes",
    /// a name): counted apart from leakage, since short answers coincide by chance.
    double shortExactMatchRate = kNaN;

    /// Number of metrics; the order of comparisonKeys() and value().
    static constexpr std::size_t kCount = 18;
    [[nodiscard]] double value(std::size_t i) const;
    double& value(std::size_t i);
};

/// The storage keys of ComparisonMetrics' fields, in declaration order ("js_divergence_unigram",
/// "mauve", "detectability_auc", "coverage_real_by_synthetic", …).
const std::array<const char*, ComparisonMetrics::kCount>& comparisonKeys();

/// A metric's mean and sample standard deviation over repeated seeded draws (NaN draws are
/// skipped; sd is NaN with fewer than two draws).
struct ComparisonEstimate {
    ComparisonMetrics mean;
    ComparisonMetrics sd;
};

/// One synthetic corpus against the real side, with the null band at the same sample size.
struct CorpusVsReal {
    std::size_t corpus = 0;   ///< index into the input corpora
    std::size_t budget = 0;   ///< samples per side in each draw (see compareEachWithReal)
    std::size_t draws = 0;    ///< seeded draws averaged
    ComparisonEstimate value; ///< real draw (A) against the corpus (B)
    ComparisonEstimate null;  ///< real draw (A) against a disjoint real draw (B)
};

struct VsRealParams {
    std::size_t draws = 5;      ///< seeded draws for the value
    std::size_t nullDraws = 10; ///< seeded draws for the null band (at least draws)
    /// At most this many samples per side in each draw: corpora at least this large are
    /// compared on the same budget, so their values compare with each other (size control).
    std::size_t sampleBudget = 2000;
    std::size_t embeddingDraws = 5; ///< of those, how many also run the embedding measures
    /// Samples per side for MAUVE, detectability and the k-NN-radius measures in one draw.
    std::size_t embeddingBudget = 1000;
    std::size_t nearestK = 5;       ///< k of the k-NN balls (Naeem et al. 2020 use 5)
    std::size_t minSamples = 10;    ///< fewer per side: the corpus is not compared
    std::size_t minCopyTokens = 5;  ///< shorter samples count as short matches, not copies
    std::size_t histogramBins = 40; ///< token-length histogram bins
    /// Folds of the per-corpus detectability (3: each draw trains 3 models on ⅔ of 2m rows;
    /// the spread over draws gives its uncertainty).
    std::size_t detectabilityFolds = 3;
    MauveParams mauve;
    LogisticParams logistic;
    std::uint64_t seed = 1;
};

/// Per-document inputs shared by every comparison; all spans have one entry per document
/// (documents numbered over the corpora in order) except where said.
struct ComparisonInputs {
    std::span<const std::span<const std::uint32_t>> tokens; ///< word-token ids
    std::span<const std::string> labels;           ///< "" = unlabelled; empty span: no labels
    std::span<const std::uint64_t> hashes;         ///< normalised-text hash (exact duplicates)
    std::span<const std::uint32_t> duplicateGroup; ///< UINT32_MAX: in no group; empty: none
    /// Near-identical skeleton group (TemplateResult::skeletonOf); UINT32_MAX: in no group;
    /// empty: none. Used by controlForLength() only.
    std::span<const std::uint32_t> skeletonGroup;
    std::span<const std::uint32_t> cluster; ///< k-means cluster; empty: no clusters
    std::size_t clusters = 0;               ///< number of clusters
    /// Perplexity under the real-data model; NaN where unscored or trained on. Empty: none.
    std::span<const double> perplexity;
    const RowMatrixXf* embeddings = nullptr; ///< documents × d, L2-normalised; null: none
};

/// One side's token counts, for compareTokenCounts().
struct TokenCounts {
    std::span<const std::uint32_t> lengths;                           ///< tokens per sample
    const std::unordered_map<std::uint32_t, std::uint64_t>& unigrams; ///< token id → count
    const std::unordered_map<std::uint64_t, std::uint64_t>& bigrams;  ///< bigramKey() → count
};

/// Fills m.jsLengthTokens (JS divergence, bits, of the sharedHistogram() of the lengths with
/// at most bins bins), m.ksLengthTokens (KS D), m.jsUnigram and m.jsBigram (JS divergence,
/// bits; 1 when either side has no tokens). Nothing when either side has no samples.
void compareTokenCounts(const TokenCounts& a, const TokenCounts& b, std::size_t bins,
                        ComparisonMetrics& m);

/// Compares document set a with document set b on every measure of ComparisonMetrics except
/// the cross-copy rates (those need the whole real side; see compareEachWithReal). The
/// embedding measures (k-NN balls, detectability) run when withEmbeddings and
/// inputs.embeddings is set, on at most embeddingBudget rows per side (seeded subsample; rows
/// that are all zero, i.e. texts without a known term, are left out). Throws Cancelled when
/// progress asks to stop.
ComparisonMetrics compareSets(const ComparisonInputs& inputs, std::span<const std::uint32_t> a,
                              std::span<const std::uint32_t> b, const VsRealParams& params,
                              bool withEmbeddings, std::uint64_t seed,
                              const Progress& progress = {});

/// The k-NN-radius measures of ComparisonMetrics (precision, recall, density, coverage both
/// ways; Kynkäänniemi et al. 2019, Naeem et al. 2020) of rows a (real) and b (synthetic),
/// both L2-normalised, with balls of radius "distance to the k-th nearest other row of the
/// same set" in cosine distance. Fields other than those five stay NaN. Needs more than k
/// rows per side (else all NaN). O((|a| + |b|)² · d) time, O((|a| + |b|)²) memory.
ComparisonMetrics nearestNeighbourBalls(const RowMatrixXf& a, const RowMatrixXf& b, std::size_t k);

/// Each synthetic corpus against the pooled real corpora, on equal budgets, with a null band.
/// For synthetic corpus c with n_c samples and n_r real samples, budget
/// m = min(n_c, ⌊n_r/2⌋, sampleBudget).
/// The value: params.draws seeded draws of m real samples A and m samples S of c, measured
/// by compareSets(A, S). The null: params.nullDraws seeded draws of two disjoint sets of m real
/// samples, A and N, measured by compareSets(A, N) — what "no difference" looks like at this
/// size. The cross-copy rates of S count copies of any real sample; those of the
/// null count the samples of N that have a copy among the other real samples (a real sample
/// never counts itself), so both ask one question of a pool of the whole real side. The
/// embedding measures (first embeddingDraws draws of the value, nullDraws of the null) run on
/// e = min(m, embeddingBudget) samples per side drawn from those with a non-zero embedding. Corpora
/// (or a real side) with fewer than minSamples (resp. 2·minSamples) samples are skipped. The null
/// depends only on m, so corpora of one size share one null computation, and its embedding measures
/// only on e = min(m, embeddingBudget) (drawn as two disjoint sets of e real samples with a
/// non-zero embedding), so corpora of at least embeddingBudget samples share those; the work runs
/// on workerCount() threads, each draw seeded by its corpus (or budget) and index, so results do
/// not depend on threading. The embedding measures run in the first embeddingDraws draws only.
/// Confounds: every measure here depends on sample size (plug-in JS and MAUVE rise as samples
/// shrink), which is why value and null are measured at the same m; length differences show
/// directly in the length JS and KS and indirectly in everything else. synthetic: per corpus;
/// corpusOf: per document. Throws Cancelled.
std::vector<CorpusVsReal> compareEachWithReal(const ComparisonInputs& inputs,
                                              std::span<const std::uint32_t> corpusOf,
                                              const std::vector<bool>& synthetic,
                                              const VsRealParams& params,
                                              const Progress& progress = {});

/// The pooled real corpora (A) against the pooled synthetic corpora (B) on every measure of
/// ComparisonMetrics, once (no draws): compareSets on all samples (embedding measures on at
/// most embeddingBudget per side) and the cross-copy rates of every synthetic sample against
/// the whole real side. All NaN without samples on both sides. Throws Cancelled.
ComparisonMetrics comparePooled(const ComparisonInputs& inputs,
                                std::span<const std::uint32_t> corpusOf,
                                const std::vector<bool>& synthetic, const VsRealParams& params,
                                const Progress& progress = {});

} // namespace synthscope::analysis
