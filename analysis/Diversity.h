#pragma once

#include "analysis/Progress.h"

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace synthscope::analysis {

/// Compression ratio (Shaib et al. 2024, "Standardizing the Measurement of Text Diversity"):
/// bytes of the texts joined by "\n" over the bytes of their zlib (DEFLATE, level 9)
/// compression. ≥ 1; higher = more redundant. Streams: memory does not grow with the corpus.
/// An empty input gives 0.
double compressionRatio(std::span<const std::string> texts, const Progress& progress = {});

/// Self-BLEU (Zhu et al. 2018, Texygen): each of up to sampleSize documents (a seeded random
/// sample) is scored by BLEU-4 against all other sampled documents as references, and the
/// scores are averaged. BLEU-4 (Papineni et al. 2002): geometric mean of clipped n-gram
/// precisions, n = 1…4, uniform weights, brevity penalty against the closest reference length,
/// and NLTK's smoothing method 1 (a zero n-gram match counts as ε = 0.1), as Texygen uses.
/// documents: token ids per document (tokens are compared by id; n-grams are counted by a 64-bit
/// hash of their ids, where a collision is negligibly likely).
/// In [0, 1]; 1 = every document repeats another. Fewer than 2 documents give 0.
double selfBleu(std::span<const std::span<const std::uint32_t>> documents,
                std::size_t sampleSize = 500, std::uint64_t seed = 1,
                const Progress& progress = {});

/// MTLD, the measure of textual lexical diversity (McCarthy & Jarvis 2010), of one token
/// stream: the mean length of sequential runs keeping a type–token ratio above 0.72, averaged
/// over a forward and a backward pass, with the partial last factor counted pro rata.
/// Independent of text length, unlike a plain TTR. tokens: token ids (a type is an id).
/// Tokens per factor; 0 for an empty stream.
double mtld(std::span<const std::uint32_t> tokens, double threshold = 0.72);
/// MTLD of the documents' token ids as one stream, in order (one copy of the ids is made).
double mtld(std::span<const std::span<const std::uint32_t>> documents, double threshold = 0.72);

/// Diversity on an equal budget, so that corpora of different sizes and text lengths compare
/// (vocabulary and distinct-n grow with corpus size; Vendi on a larger sample sees more).
/// NaN where the corpus is smaller than the budget.
struct BudgetedDiversity {
    /// Distinct tokens among the first tokenBudget tokens of the samples in a seeded random
    /// order (the last sample cut), averaged over draws.
    double vocabulary = std::numeric_limits<double>::quiet_NaN();
    /// Distinct bigrams over bigrams (within samples) in the same tokens (Li et al. 2016).
    double distinct2 = std::numeric_limits<double>::quiet_NaN();
    /// Vendi score (Friedman & Dieng 2023) under the n-gram kernel (the kernel the paper uses
    /// for text: cosine of unigram + bigram count vectors) over vendiSamples items of one
    /// length: consecutive windows of kVendiWindow tokens of the samples' token stream in a
    /// seeded random order (a window may span two samples). Exp of the entropy (nats) of the
    /// eigenvalues of K/n; in [1, n], the effective number of distinct windows among n.
    double vendiNgram = std::numeric_limits<double>::quiet_NaN();
};

/// Tokens per item of the n-gram Vendi score of budgetedDiversity().
inline constexpr std::size_t kVendiWindow = 10;

/// BudgetedDiversity of one corpus's token-id documents: draws seeded random orders (seed);
/// the token measures need at least tokenBudget tokens, the Vendi score at least
/// vendiSamples · kVendiWindow tokens. O(draws · (tokenBudget + vendiSamples² · nnz +
/// vendiSamples³)).
BudgetedDiversity budgetedDiversity(std::span<const std::span<const std::uint32_t>> documents,
                                    std::size_t tokenBudget, std::size_t vendiSamples,
                                    std::size_t draws, std::uint64_t seed);

/// Self-repetition across samples (after Salkar et al. 2022, "self-repetition"): the samples
/// in a seeded random order up to tokenBudget tokens (the last one cut), and there the share
/// of word 4-gram occurrences (within a sample) whose 4-gram also occurs in another sample of
/// the draw; the mean over draws. In [0, 1]; high = samples share phrases, the trace of a
/// template. Size: a fixed token budget for every corpus and run, so values compare across
/// corpora and runs (a larger budget finds more shared 4-grams). Length: a per-occurrence
/// share, so the length of a sample does not enter, except that samples under 4 tokens add no
/// occurrence (a corpus of one- to three-word answers is measured on its longer samples).
/// NaN when the corpus has fewer than tokenBudget tokens, or a draw fewer than minOccurrences
/// 4-gram occurrences.
double selfRepetition(std::span<const std::span<const std::uint32_t>> documents,
                      std::size_t tokenBudget, std::size_t draws, std::uint64_t seed,
                      std::size_t minOccurrences = 200);

/// Repeated n-gram rate inside samples ("rep-n", Welleck et al. 2019): per sample,
/// 1 − distinct n-grams / n-grams, averaged over samples that have an n-gram. In [0, 1];
/// high = samples repeat themselves (degenerate loops). documents: token ids per document;
/// n-grams are compared by a 64-bit hash of their ids.
double repeatedNgramRate(std::span<const std::span<const std::uint32_t>> documents,
                         std::size_t n = 4);

} // namespace synthscope::analysis
