#pragma once

#include "analysis/Progress.h"
#include "analysis/Tokenizer.h"

#include <Eigen/Dense>

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

namespace synthscope::analysis {

/// Dense row-major float matrix: one sample per row, so a sample's vector is contiguous.
using RowMatrixXf = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// Compressed sparse rows (CSR): row r holds columns[offsets[r] .. offsets[r+1]) with values.
struct SparseRows {
    std::size_t rows = 0;
    std::size_t cols = 0;
    std::vector<std::size_t> offsets{0};
    std::vector<std::uint32_t> columns;
    std::vector<float> values;

    /// out = A · m (rows × m.cols()); m must have cols rows. Parallel over rows.
    [[nodiscard]] RowMatrixXf times(const RowMatrixXf& m) const;
    /// out = Aᵀ · m (cols × m.cols()); m must have rows rows. Parallel over stripes of columns
    /// of A; each output row sums its terms in the order of the rows of A, so the result is
    /// the same on any number of cores (a single-threaded loop's).
    [[nodiscard]] RowMatrixXf transposeTimes(const RowMatrixXf& m) const;
    /// From a dense matrix (zeros dropped); for tests and small inputs.
    static SparseRows fromDense(const Eigen::MatrixXf& dense);
};

struct TfIdfFeatureParams {
    std::size_t minDocumentFrequency = 2; ///< features in fewer documents are dropped
    std::size_t maxFeatures = 1u << 18;   ///< most frequent (by document frequency) kept
    bool bigrams = true;                  ///< word uni- and bigrams; off: unigrams only
};

/// TF-IDF matrix of documents (rows, in the order given) over word uni+bigram features
/// (Salton & Buckley 1988; Manning, Raghavan & Schütze 2008 §6.2–6.4): tf → 1 + ln(tf)
/// (sublinear), idf = ln((1 + N) / (1 + df)) + 1 (smoothed, N = number of documents), each
/// row L2-normalised (an empty row stays zero). Features with df < minDocumentFrequency are
/// dropped; of the rest the maxFeatures with the highest df are kept (ties: first seen).
/// Column order: first-seen order of the kept features. Throws Cancelled when asked to stop.
SparseRows tfidfMatrix(std::span<const TokenizedCorpus* const> corpora,
                       const TfIdfFeatureParams& params = {}, const Progress& progress = {});

/// Groups rows of L2-normalised sparse vectors (e.g. tfidfMatrix()) that are linked by a
/// chain of pairs with cosine ≥ threshold (single linkage, union-find). Dot products are
/// accumulated over an inverted index, so the cost is Σ over features of df², fine for the
/// thousands of rows of reviewer notes, not for a corpus. Returns per row its group, numbered
/// from 0 in order of first appearance. Rows with no feature are groups of their own.
std::vector<std::uint32_t> cosineGroups(const SparseRows& rows, double threshold);

/// Y = AΩ (a.rows × l) for the Rademacher test matrix Ω (a.cols × l, entries ±1): Ω(c, j) is
/// +1 when bit i = c·l + j of the stream of std::mt19937_64(seed) draws is set (bit i is bit
/// i mod 64 of draw ⌊i / 64⌋), −1 when not. Ω is never stored as floats (a.cols × l × 4 bytes
/// of new memory: 34 MB on the customer-support pair, 279 MB at the 2¹⁸-feature cap), only as
/// its bits (about a.cols × l / 8 bytes). Row r of Y adds ±v for each stored entry v of row r
/// in storage order: bit for bit SparseRows::times with the stored Ω (±1 · v is exact, fused
/// or not). Parallel over rows.
RowMatrixXf rademacherSketch(const SparseRows& a, std::size_t l, std::uint64_t seed);

struct SvdParams {
    std::size_t oversampling = 10;   ///< extra random directions p (Halko et al. §4.2: 5–10)
    std::size_t powerIterations = 1; ///< subspace iterations q (Halko et al. Alg. 4.4)
    std::uint64_t seed = 1;
};

/// Rank-k truncated SVD A ≈ U Σ Vᵀ by randomised subspace iteration (Halko, Martinsson &
/// Tropp 2011, Algorithms 4.4 and 5.1): Y = AΩ with random ±1 Ω (cols × (k+p), see
/// rademacherSketch), q rounds of re-orthonormalised AᵀQ / AQ, then the small SVD of B = QᵀA
/// from the eigen-decomposition of BBᵀ. u: rows × k with orthonormal columns;
/// singularValues: k, descending, ≥ 0. k is clamped to min(rows, cols). Deterministic for a seed
/// (single-threaded sums per worker are reduced in a fixed order). Throws Cancelled when asked to
/// stop.
struct TruncatedSvd {
    RowMatrixXf u;
    Eigen::VectorXf singularValues;
};
TruncatedSvd randomizedSvd(const SparseRows& a, std::size_t k, const SvdParams& params = {},
                           const Progress& progress = {});

struct EmbeddingParams {
    std::size_t dimension = 256; ///< SVD rank (latent semantic analysis, Deerwester et al. 1990)
    TfIdfFeatureParams features;
    SvdParams svd;
};

/// A token id no vocabulary hands out (ids stay below 2³¹): a word a model never saw, so it
/// adds no feature when a new text is embedded.
inline constexpr std::uint32_t kUnknownToken = 0x7fffffffu;

/// What embedTfIdfSvd() learned, kept to embed new texts by folding-in (latent semantic
/// analysis, Deerwester et al. 1990; Berry, Dumais & O'Brien 1995 §4): a text's TF-IDF row
/// (the fitted features and idf, the same weighting and L2 norm) times V, the right singular
/// vectors. A training text folds in to exactly its own row of embedTfIdfSvd(…, model).
struct TfIdfSvdModel {
    bool bigrams = true;
    std::unordered_map<std::uint64_t, std::uint32_t> column; ///< feature key → column
    std::vector<float> idf;                                  ///< per column
    RowMatrixXf v; ///< columns × dimension: V = Aᵀ U Σ⁻¹ (zero for a zero singular value)
    /// doc (token ids of the vocabulary the model was fitted with; kUnknownToken for a word it
    /// never saw) embedded as the fitted rows are: shape 1 × v.cols(), L2-normalised, all
    /// zeros when none of its features was fitted.
    [[nodiscard]] Eigen::RowVectorXf embed(std::span<const std::uint32_t> doc) const;
};

/// Built-in offline embeddings: tfidfMatrix() reduced by randomizedSvd() to
/// min(dimension, documents, features) dimensions (rows of UΣ), each row L2-normalised
/// (one all-zero column when no feature reaches the minimum document frequency).
/// Shape: documents × dimension, documents in the corpora's order. Cosine similarity of two
/// samples is the dot product of their rows, in [−1, 1]. Throws Cancelled.
/// model: when given, receives what is needed to embed new texts the same way, and the rows
/// returned are A V normalised (the map a new text goes through) instead of U Σ normalised
/// (equal for an exact SVD).
RowMatrixXf embedTfIdfSvd(std::span<const TokenizedCorpus* const> corpora,
                          const EmbeddingParams& params = {}, const Progress& progress = {},
                          TfIdfSvdModel* model = nullptr);

/// XᵀX (d × d, symmetric) of the rows of x, in parallel row blocks summed in double.
Eigen::MatrixXd gramMatrix(const RowMatrixXf& x);

/// Scales every non-zero row of x to unit L2 norm (zero rows stay zero).
void normalizeRows(RowMatrixXf& x);

/// Vendi score (Friedman & Dieng 2023) of the rows of x with the cosine kernel: exp of the
/// Shannon entropy (nats) of the eigenvalues of K/n, K = XXᵀ, computed in the dual form
/// XᵀX/n when d < n. Rows must be L2-normalised (K has a unit diagonal). Range [1, min(n, d)]:
/// 1 when all rows are identical, n for n mutually orthogonal rows — "the effective number
/// of distinct samples". 0 for an empty x.
double vendiScore(const RowMatrixXf& x);

/// Principal axes of the rows of x (centred): the smallest number of leading eigenvectors of
/// the covariance whose eigenvalues reach varianceShare of the total (at least minComponents,
/// at most d). basis: d × c, columns orthonormal; mean: the row mean. Project with
/// (x.rowwise() − mean) · basis.
struct PcaBasis {
    Eigen::MatrixXf basis;
    Eigen::RowVectorXf mean;
    std::vector<double> explainedShare; ///< per kept component, of the total variance
};
PcaBasis pca(const RowMatrixXf& x, double varianceShare, std::size_t minComponents = 1,
             std::size_t maxComponents = SIZE_MAX);

} // namespace synthscope::analysis
