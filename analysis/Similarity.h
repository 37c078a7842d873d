#pragma once

#include "analysis/Embedding.h"
#include "analysis/KMeans.h"
#include "analysis/Knn.h"
#include "analysis/Logistic.h"
#include "analysis/Mauve.h"
#include "analysis/MinHash.h"
#include "analysis/Progress.h"
#include "analysis/Skeleton.h"
#include "analysis/Tokenizer.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace synthscope::analysis {

struct SimilarityParams {
    /// Built-in embeddings (used unless `embeddings` is given).
    EmbeddingParams embedding;
    /// Precomputed embeddings: documents × embeddingDimension floats, row-major, documents in
    /// the corpora's order (rows are L2-normalised here). Empty: the built-in embedding.
    std::span<const float> embeddings;
    std::size_t embeddingDimension = 0;
    /// Name of the embeddings: "tfidf-svd" for the built-in ones, else the caller's name of
    /// the precomputed ones (reported back in SimilarityResult::embeddingSource).
    std::string embeddingSource = "tfidf-svd";
    std::size_t shingleSize = 5; ///< word n-gram shingles for MinHash (Broder 1997)
    /// 128 permutations in 16 bands of 8 rows: a pair at Jaccard 0.8 becomes a candidate with
    /// probability 1 − (1 − 0.8⁸)¹⁶ ≈ 0.95; every candidate is verified by its true Jaccard.
    MinHashParams minhash{.permutations = 128, .bands = 16, .threshold = 0.8, .seed = 1};
    HnswParams hnsw;                  ///< neighbour search: exact within hnsw.exactPairs, else HNSW
    double nnThreshold = 0.95;        ///< nn_similarity_ratio threshold (chapter 17, Listing 17-1)
    std::size_t reviewNeighbours = 5; ///< nearest real samples kept per synthetic sample
    std::size_t nnHistogramBins = 20; ///< over cosine [0, 1]; negatives count in the first
    std::size_t clusters = 0;         ///< 0: defaultClusterCount(documents)
    KMeansParams kmeans;
    double clusterFlagShare = 0.9;     ///< a role's share at which a cluster is flagged "… only"
    std::size_t clusterLabelTerms = 8; ///< views show the first few, the rest on hover
    MauveParams mauve;
    std::size_t detectabilityFolds = 5;
    LogisticParams logistic;
    /// Imported duplicate clusters: per document (in corpus order), a cluster number, or
    /// UINT32_MAX for none; empty: none imported. Documents with one number are united into one
    /// near-duplicate group besides the exact-hash and MinHash unions, so an engine's groups
    /// (computed on the whole corpus, where a sample sees few of a cluster's members) are kept.
    /// analyzeCorpora() fills it from CorpusInput::duplicateClusters.
    std::span<const std::uint32_t> duplicateClusters;
};

/// Self-similarity of one corpus.
struct CorpusSimilarity {
    /// Samples that would go if each near-duplicate group kept one of this corpus' members.
    std::size_t nearDuplicates = 0;
    double nearDuplicateRate = 0.0; ///< nearDuplicates / samples
    /// Samples carrying an imported duplicate-cluster id (SimilarityParams::duplicateClusters).
    std::size_t importedClusterIds = 0;
    /// Share of samples whose nearest other sample of the same corpus has cosine ≥ nnThreshold.
    double nnSimilarityRatio = 0.0;
    double meanNnSimilarity = 0.0;
    std::vector<std::uint64_t> nnHistogram; ///< nearest-neighbour cosine, nnHistogramBins bins
    double vendiScore = 0.0;                ///< see vendiScore()
};

/// Whether one role all but fills a cluster (SimilarityParams::clusterFlagShare of its
/// members): a synthetic-only cluster is a template factory, a real-only one a region of
/// reality the generator never reached.
enum class ClusterFlag : std::uint8_t { None, SyntheticOnly, RealOnly };

/// The stored name of a flag ("synthetic only", "real only", "" for None): the clusters.flag
/// column and `summary --json`.
const char* clusterFlagName(ClusterFlag flag);
/// The flag of a stored name; None for "" and for any name clusterFlagName() never returns.
ClusterFlag parseClusterFlag(std::string_view name);

struct ClusterInfo {
    std::size_t size = 0;
    std::size_t real = 0;
    std::size_t synthetic = 0;
    std::vector<std::string> terms; ///< most distinctive words by class-based TF-IDF
    ClusterFlag flag = ClusterFlag::None;
    double meanNnSimilarity = 0.0; ///< mean own-corpus nearest-neighbour cosine of members
};

struct DuplicateGroup {
    std::vector<std::uint32_t> members; ///< document indices, ascending
    bool exact = false;                 ///< every member has the same normalised text
    std::size_t real = 0;
    std::size_t synthetic = 0;
};

/// Pooled real against pooled synthetic.
struct SimilarityComparison {
    std::size_t crossExactDuplicates =
        0; ///< synthetic samples whose normalised text is a real one's
    double crossExactDuplicateRate = 0.0; ///< of the synthetic samples
    std::size_t crossNearDuplicates = 0;  ///< synthetic samples in a group with a real sample
    double crossNearDuplicateRate = 0.0;  ///< of the synthetic samples
    MauveResult mauve;                    ///< P = real, Q = synthetic
    double detectabilityAuc = 0.0;        ///< mean over folds
    double detectabilityAucStd = 0.0;
    std::vector<double> detectabilityFoldAuc;
    double jsClusterShare = 0.0; ///< JS divergence (bits) of cluster shares
};

struct SimilarityResult {
    RowMatrixXf embeddings; ///< documents × d, L2-normalised
    std::string embeddingSource;
    std::vector<CorpusSimilarity> corpora;
    std::vector<DuplicateGroup> duplicateGroups; ///< size ≥ 2, largest first
    std::vector<std::uint32_t> duplicateGroupOf; ///< per document, UINT32_MAX when none
    /// Only when SimilarityParams::duplicateClusters was given: per document, its group among
    /// the exact and MinHash groups alone (an arbitrary id; UINT32_MAX when none). The
    /// comparisons with the real side (compareEachWithReal, controlForLength) use these, since
    /// an engine's ids never span a real and a synthetic corpus but do span the two halves of
    /// a real corpus split for the null band. Empty: the same as duplicateGroupOf.
    std::vector<std::uint32_t> duplicateGroupOfOwn;
    std::vector<float> nnOwn;   ///< per document: nearest other sample of its corpus (NaN: alone)
    std::vector<float> nnOther; ///< per document: nearest sample of the other role (NaN: none)
    std::vector<std::uint32_t> cluster; ///< per document
    std::vector<ClusterInfo> clusters;
    std::vector<double> syntheticLikeness; ///< per document, out-of-fold P(synthetic); NaN: none
    RowMatrixXf layout;                    ///< documents × 2: the first two principal components
    /// Per document: for a synthetic one its reviewNeighbours most similar real samples,
    /// highest cosine first; empty for real ones.
    std::vector<std::vector<Neighbour>> realNeighbours;
    std::optional<SimilarityComparison> comparison;
    std::vector<std::pair<std::string, double>> stageSeconds;
    /// Whether every own-corpus search (nnOwn) and every other-role search (nnOther,
    /// realNeighbours) was exact; false: at least one ran on an HNSW index (beyond
    /// SimilarityParams::hnsw.exactPairs), whose other-role answers miss the true nearest
    /// sample for many queries on large projects (README, *Exact neighbours where they are
    /// affordable*).
    bool ownNeighboursExact = true;
    bool otherNeighboursExact = true;
};

/// Near-duplicates (exact: equal normalizeForDuplicate() hashes; near: MinHash LSH over word
/// shingles, verified by Jaccard ≥ threshold; groups by union-find, Broder 1997, Lee et al.
/// 2022), embeddings, nearest neighbours within each corpus and across roles (exact, or HNSW
/// beyond SimilarityParams::hnsw.exactPairs pairs a search: NeighbourIndex), Vendi
/// scores, k-means clusters with class-based TF-IDF labels (Grootendorst 2022), MAUVE and
/// cross-validated detectability, and a PCA layout. Document indices run over the corpora
/// in order. synthetic[c] says corpus c's role. Throws std::invalid_argument when the
/// precomputed embeddings do not have documents × embeddingDimension floats or
/// params.duplicateClusters is neither empty nor one per document; Cancelled.
SimilarityResult analyzeSimilarity(std::span<const TokenizedCorpus> corpora,
                                   const std::vector<bool>& synthetic, const Vocabulary& vocab,
                                   const SimilarityParams& params = {},
                                   const Progress& progress = {});

/// The top-n terms of each cluster by class-based TF-IDF (Grootendorst 2022, BERTopic):
/// W(t, c) = tf(t, c) / |c| · ln(1 + A / f(t)), where tf counts term t in cluster c's
/// documents, |c| is the cluster's token count, A the mean tokens per cluster and f(t) the
/// term's count over all clusters. Terms seen fewer than minCount times in a cluster are
/// skipped, and so are stop words (words in `stop`, the skeletons' closed list of function
/// words: c-TF-IDF alone ranked "my, it, i" first in clusters of short tweets, where function
/// words are a large share of every token) and tokens with no letter or digit (punctuation).
/// Placeholders such as <url> stay: a cluster of links is one. assignment: per document
/// (indices over the corpora in order). Language: the default stop list is English; other
/// languages keep their function words in labels unless a list is given.
std::vector<std::vector<std::string>>
clusterTerms(std::span<const TokenizedCorpus> corpora, const Vocabulary& vocab,
             std::span<const std::uint32_t> assignment, std::size_t clusters, std::size_t n,
             std::size_t minCount = 2, const FunctionWords& stop = FunctionWords::english());

} // namespace synthscope::analysis
