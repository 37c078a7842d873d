#pragma once

#include "analysis/Progress.h"

#include <array>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

namespace synthscope::analysis {

struct KneserNeyParams {
    int order = 3;                 ///< n-gram order, 1 to 3
    std::uint64_t unkMaxCount = 1; ///< training words seen at most this often become <unk>
};

/// An n-gram language model with interpolated modified Kneser–Ney smoothing (Chen & Goodman
/// 1998, "An Empirical Study of Smoothing Techniques for Language Modeling", §3 and eq. 17):
/// three discounts per order, D1, D2, D3+, from the count-of-counts n1…n4 of that order
/// (Y = n1/(n1+2n2), D1 = 1−2Y·n2/n1, D2 = 2−3Y·n3/n2, D3+ = 3−4Y·n4/n3); the highest order uses
/// counts, lower orders continuation counts N1+(•w) (n-grams starting with <s> keep their
/// counts, as KenLM does); the unigram level interpolates with the uniform distribution.
/// Each sample is a sentence padded with order−1 <s> and one </s>. Unknown words: training
/// words seen ≤ unkMaxCount times become <unk>, and so does every word unseen at training.
/// Words are token ids of an outside vocabulary (e.g. Vocabulary's, as TokenizedCorpus holds
/// them), below kUnknown; the model keeps no text.
class KneserNeyModel {
public:
    /// </s> as a word for probability() and in vocabulary().
    static constexpr std::uint32_t kEnd = 0xFFFFFFFFu;
    /// <unk> in vocabulary(); any id the model did not keep is <unk> too.
    static constexpr std::uint32_t kUnknown = 0xFFFFFFFEu;

    /// Trains on documents (token ids per document, e.g. TokenizedCorpus::doc()). Throws
    /// std::invalid_argument for an order outside 1…3, a vocabulary over 2^21 types or an id
    /// ≥ kUnknown; Cancelled when asked to stop.
    static KneserNeyModel train(std::span<const std::span<const std::uint32_t>> documents,
                                const KneserNeyParams& params = {}, const Progress& progress = {});

    /// P(word | context) where context holds the previous words (only the last order−1 are
    /// used; fewer means the sentence start). Words outside the vocabulary count as <unk>;
    /// kEnd is </s>.
    [[nodiscard]] double probability(std::span<const std::uint32_t> context,
                                     std::uint32_t word) const;
    /// Perplexity of one sample: exp(−(1/(N+1)) Σ ln P), over its N words and </s>. ≥ 1.
    [[nodiscard]] double perplexity(std::span<const std::uint32_t> document) const;
    /// Types that can be predicted: the kept training ids (ascending), kEnd and kUnknown (not
    /// <s>).
    [[nodiscard]] std::vector<std::uint32_t> vocabulary() const;
    /// The discounts D1, D2, D3+ of an order (1-based).
    [[nodiscard]] std::array<double, 3> discounts(int order) const {
        return m_discounts[static_cast<std::size_t>(order - 1)];
    }
    [[nodiscard]] int order() const { return m_order; }

private:
    struct ContextStats {
        double total = 0.0;
        std::array<double, 3> n{}; // words following the context with count 1, 2, ≥3
    };
    [[nodiscard]] std::uint32_t idOf(std::uint32_t word) const;
    [[nodiscard]] double prob(const std::uint32_t* context, int contextLength,
                              std::uint32_t word) const;
    [[nodiscard]] double discount(int order, double count) const;

    int m_order = 3;
    std::unordered_map<std::uint32_t, std::uint32_t> m_ids; // outside id → model id
    std::vector<std::uint32_t> m_words; // model id → outside id (<s>, <unk>: kUnknown; </s>: kEnd)
    std::uint32_t m_bos = 0, m_eos = 0, m_unk = 0;
    std::array<std::unordered_map<std::uint64_t, double>, 3> m_counts;         // by order − 1
    std::array<std::unordered_map<std::uint64_t, ContextStats>, 3> m_contexts; // by order − 1
    std::array<std::array<double, 3>, 3> m_discounts{};
};

} // namespace synthscope::analysis
