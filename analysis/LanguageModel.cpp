#include "analysis/LanguageModel.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace synthscope::analysis {

namespace {

constexpr int kBits = 21;
constexpr std::uint64_t kMask = (1ULL << kBits) - 1;

// Packs up to three ids; the length is implied by the table it is stored in.
std::uint64_t pack(const std::uint32_t* ids, int n) {
    std::uint64_t key = 0;
    for (int i = 0; i < n; ++i)
        key = (key << kBits) | ids[i];
    return key;
}

} // namespace

std::uint32_t KneserNeyModel::idOf(std::uint32_t word) const {
    if (word == kEnd)
        return m_eos;
    auto it = m_ids.find(word);
    return it == m_ids.end() ? m_unk : it->second;
}

KneserNeyModel KneserNeyModel::train(std::span<const std::span<const std::uint32_t>> documents,
                                     const KneserNeyParams& params, const Progress& progress) {
    if (params.order < 1 || params.order > 3)
        throw std::invalid_argument("KneserNeyModel: order must be 1, 2 or 3");
    KneserNeyModel m;
    m.m_order = params.order;
    const int n = params.order;

    std::unordered_map<std::uint32_t, std::uint64_t> freq;
    for (const auto& doc : documents)
        for (const std::uint32_t w : doc) {
            if (w >= kUnknown)
                throw std::invalid_argument("KneserNeyModel: a token id at or above kUnknown");
            ++freq[w];
        }
    // <s>, </s> and <unk> are model ids 0, 1, 2 with no outside id.
    m.m_words = {kUnknown, kEnd, kUnknown};
    m.m_bos = 0;
    m.m_eos = 1;
    m.m_unk = 2;
    std::vector<std::uint32_t> kept;
    for (const auto& [w, c] : freq)
        if (c > params.unkMaxCount)
            kept.push_back(w);
    std::sort(kept.begin(), kept.end()); // deterministic ids
    for (const std::uint32_t w : kept) {
        m.m_ids.emplace(w, static_cast<std::uint32_t>(m.m_words.size()));
        m.m_words.push_back(w);
    }
    if (m.m_words.size() > kMask)
        throw std::invalid_argument("KneserNeyModel: vocabulary over 2^21 types");
    progress.report(0.2, "language model");

    // Counts of the highest order.
    std::vector<std::uint32_t> padded;
    for (std::size_t d = 0; d < documents.size(); ++d) {
        if (d % 4096 == 0)
            progress.report(0.2 + 0.5 * static_cast<double>(d) /
                                      static_cast<double>(documents.size()),
                            "language model");
        padded.assign(static_cast<std::size_t>(n - 1), m.m_bos);
        for (const auto& w : documents[d])
            padded.push_back(m.idOf(w));
        padded.push_back(m.m_eos);
        for (std::size_t i = static_cast<std::size_t>(n - 1); i < padded.size(); ++i)
            m.m_counts[static_cast<std::size_t>(n - 1)]
                      [pack(&padded[i + 1 - static_cast<std::size_t>(n)], n)] += 1.0;
    }
    // Lower orders: continuation counts (n-grams starting with <s> keep the higher count).
    for (int k = n - 1; k >= 1; --k) {
        auto& lower = m.m_counts[static_cast<std::size_t>(k - 1)];
        for (const auto& [key, count] : m.m_counts[static_cast<std::size_t>(k)]) {
            const std::uint64_t suffix = key & ((1ULL << (kBits * k)) - 1);
            const auto first = static_cast<std::uint32_t>(suffix >> (kBits * (k - 1)));
            lower[suffix] += first == m.m_bos ? count : 1.0;
        }
    }
    // <s> is never predicted; give it no unigram mass.
    m.m_counts[0].erase(m.m_bos);

    for (int k = 1; k <= n; ++k) {
        const auto& counts = m.m_counts[static_cast<std::size_t>(k - 1)];
        std::array<double, 5> coc{}; // count-of-counts n1..n4 (index 1..4)
        for (const auto& [key, c] : counts)
            if (c >= 1.0 && c <= 4.0)
                coc[static_cast<std::size_t>(c)] += 1.0;
        auto& d = m.m_discounts[static_cast<std::size_t>(k - 1)];
        if (coc[1] > 0 && coc[2] > 0 && coc[3] > 0 && coc[4] > 0) {
            const double y = coc[1] / (coc[1] + 2.0 * coc[2]);
            d = {1.0 - 2.0 * y * coc[2] / coc[1], 2.0 - 3.0 * y * coc[3] / coc[2],
                 3.0 - 4.0 * y * coc[4] / coc[3]};
        } else {
            d = {0.5, 1.0, 1.5}; // too little data for the estimate: a conventional fallback
        }
        for (double& v : d)
            v = std::max(v, 0.0);
        auto& contexts = m.m_contexts[static_cast<std::size_t>(k - 1)];
        for (const auto& [key, c] : counts) {
            ContextStats& s = contexts[k == 1 ? 0 : key >> kBits];
            s.total += c;
            s.n[c >= 3.0 ? 2 : static_cast<std::size_t>(c) - 1] += 1.0;
        }
    }
    progress.report(1.0, "language model");
    return m;
}

double KneserNeyModel::discount(int order, double count) const {
    const auto& d = m_discounts[static_cast<std::size_t>(order - 1)];
    return count >= 3.0 ? d[2] : count >= 2.0 ? d[1] : count >= 1.0 ? d[0] : 0.0;
}

double KneserNeyModel::prob(const std::uint32_t* context, int contextLength,
                            std::uint32_t word) const {
    const int k = contextLength + 1;
    const auto& contexts = m_contexts[static_cast<std::size_t>(k - 1)];
    const std::uint64_t ctxKey = k == 1 ? 0 : pack(context, contextLength);
    const double lower = k == 1 ? 1.0 / static_cast<double>(m_words.size() - 1) // all but <s>
                                : prob(context + 1, contextLength - 1, word);
    auto it = contexts.find(ctxKey);
    if (it == contexts.end() || it->second.total <= 0.0)
        return lower;
    const ContextStats& s = it->second;
    const std::uint64_t key = k == 1 ? word : (ctxKey << kBits) | word;
    const auto& counts = m_counts[static_cast<std::size_t>(k - 1)];
    auto c = counts.find(key);
    const double count = c == counts.end() ? 0.0 : c->second;
    const auto& d = m_discounts[static_cast<std::size_t>(k - 1)];
    const double gamma = (d[0] * s.n[0] + d[1] * s.n[1] + d[2] * s.n[2]) / s.total;
    return std::max(count - discount(k, count), 0.0) / s.total + gamma * lower;
}

double KneserNeyModel::probability(std::span<const std::uint32_t> context,
                                   std::uint32_t word) const {
    std::uint32_t ids[2] = {m_bos, m_bos};
    const int need = m_order - 1;
    for (int i = 0; i < need; ++i) {
        const std::ptrdiff_t from = static_cast<std::ptrdiff_t>(context.size()) - need + i;
        ids[i] = from >= 0 ? idOf(context[static_cast<std::size_t>(from)]) : m_bos;
    }
    return prob(ids, need, idOf(word));
}

double KneserNeyModel::perplexity(std::span<const std::uint32_t> document) const {
    const int need = m_order - 1;
    std::vector<std::uint32_t> ids(static_cast<std::size_t>(need), m_bos);
    for (const auto& w : document)
        ids.push_back(idOf(w));
    ids.push_back(m_eos);
    double logSum = 0.0;
    for (std::size_t i = static_cast<std::size_t>(need); i < ids.size(); ++i)
        logSum += std::log(prob(&ids[i - static_cast<std::size_t>(need)], need, ids[i]));
    return std::exp(-logSum / static_cast<double>(document.size() + 1));
}

std::vector<std::uint32_t> KneserNeyModel::vocabulary() const {
    std::vector<std::uint32_t> v(m_words.begin() + 3, m_words.end());
    v.push_back(kEnd);
    v.push_back(kUnknown);
    return v;
}

} // namespace synthscope::analysis
