#include "analysis/Diversity.h"

#include "analysis/Profile.h"
#include "analysis/Tokenizer.h"

#include <Eigen/Dense>

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <random>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

namespace synthscope::analysis {

double compressionRatio(std::span<const std::string> texts, const Progress& progress) {
    if (texts.empty())
        return 0.0;
    z_stream z{};
    if (deflateInit(&z, 9) != Z_OK)
        throw std::runtime_error("compressionRatio: deflateInit failed");
    std::vector<unsigned char> out(1 << 16);
    std::uint64_t raw = 0;
    std::uint64_t packed = 0;
    auto pump = [&](const std::string& bytes, int flush) {
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
        z.avail_in = static_cast<uInt>(bytes.size());
        do {
            z.next_out = out.data();
            z.avail_out = static_cast<uInt>(out.size());
            deflate(&z, flush);
            packed += out.size() - z.avail_out;
        } while (z.avail_out == 0);
    };
    for (std::size_t i = 0; i < texts.size(); ++i) {
        if (i % 8192 == 0)
            progress.report(static_cast<double>(i) / static_cast<double>(texts.size()),
                            "compression");
        const std::string chunk = i == 0 ? texts[i] : "\n" + texts[i];
        raw += chunk.size();
        pump(chunk, Z_NO_FLUSH);
    }
    pump(std::string(), Z_FINISH);
    deflateEnd(&z);
    return packed == 0 ? 0.0 : static_cast<double>(raw) / static_cast<double>(packed);
}

namespace {

// The hash of each n-gram of doc, in order: a 64-bit hash of its tokens' hashes; a collision
// among the few thousand n-grams of a sample is negligibly likely.
void ngramHashes(std::span<const std::uint32_t> doc, std::size_t n,
                 std::vector<std::uint64_t>& out) {
    out.clear();
    for (std::size_t i = 0; i + n <= doc.size(); ++i) {
        std::uint64_t h = 0xcbf29ce484222325ULL ^ n;
        for (std::size_t j = i; j < i + n; ++j)
            h = (h ^ splitmix64(doc[j])) * 0x100000001b3ULL + (h >> 29);
        out.push_back(h);
    }
}

std::unordered_map<std::uint64_t, int> ngramCounts(std::span<const std::uint32_t> doc,
                                                   std::size_t n) {
    std::unordered_map<std::uint64_t, int> counts;
    std::vector<std::uint64_t> grams;
    ngramHashes(doc, n, grams);
    for (std::uint64_t h : grams)
        ++counts[h];
    return counts;
}

// For every n-gram, the two largest counts over documents and the document holding the
// largest, so "max over all documents but h" costs O(1).
struct TopTwo {
    int first = 0;
    std::size_t firstDoc = SIZE_MAX;
    int second = 0;
};

} // namespace

double selfBleu(std::span<const std::span<const std::uint32_t>> documents, std::size_t sampleSize,
                std::uint64_t seed, const Progress& progress) {
    std::vector<std::size_t> order(documents.size());
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 rng(seed);
    std::shuffle(order.begin(), order.end(), rng);
    if (order.size() > sampleSize)
        order.resize(sampleSize);
    std::sort(order.begin(), order.end());
    const std::size_t m = order.size();
    if (m < 2)
        return 0.0;

    std::vector<std::unordered_map<std::uint64_t, int>> counts[4];
    std::unordered_map<std::uint64_t, TopTwo> best[4];
    for (std::size_t n = 1; n <= 4; ++n) {
        counts[n - 1].resize(m);
        for (std::size_t s = 0; s < m; ++s) {
            counts[n - 1][s] = ngramCounts(documents[order[s]], n);
            for (const auto& [g, c] : counts[n - 1][s]) {
                TopTwo& t = best[n - 1][g];
                if (c > t.first) {
                    t.second = t.first;
                    t.first = c;
                    t.firstDoc = s;
                } else if (c > t.second) {
                    t.second = c;
                }
            }
        }
    }
    std::vector<std::pair<std::size_t, std::size_t>> lengths; // (length, sample index)
    for (std::size_t s = 0; s < m; ++s)
        lengths.emplace_back(documents[order[s]].size(), s);
    std::sort(lengths.begin(), lengths.end());

    double total = 0.0;
    for (std::size_t s = 0; s < m; ++s) {
        if (s % 64 == 0)
            progress.report(static_cast<double>(s) / static_cast<double>(m), "self-BLEU");
        const std::size_t hypLen = documents[order[s]].size();
        if (hypLen == 0)
            continue; // BLEU of an empty hypothesis is 0
        double logSum = 0.0;
        for (std::size_t n = 1; n <= 4; ++n) {
            int matches = 0;
            int ngrams = 0;
            for (const auto& [g, c] : counts[n - 1][s]) {
                const TopTwo& t = best[n - 1].at(g);
                const int ref = t.firstDoc == s ? t.second : t.first;
                matches += std::min(c, ref);
                ngrams += c;
            }
            if (ngrams == 0) {
                // Hypothesis shorter than n: NLTK's method 1 gives ε over 0 → the precision is
                // taken as ε / 1 (NLTK scores such hypotheses as 0 without smoothing).
                logSum += std::log(0.1);
                continue;
            }
            logSum += std::log(matches == 0 ? 0.1 / ngrams : static_cast<double>(matches) / ngrams);
        }
        // Closest reference length (ties: the shorter), excluding the hypothesis itself.
        std::size_t closest = SIZE_MAX;
        std::size_t bestDiff = SIZE_MAX;
        for (const auto& [len, idx] : lengths) {
            if (idx == s)
                continue;
            const std::size_t diff = len > hypLen ? len - hypLen : hypLen - len;
            if (diff < bestDiff || (diff == bestDiff && len < closest)) {
                bestDiff = diff;
                closest = len;
            }
        }
        const double bp =
            hypLen >= closest ? 1.0 : std::exp(1.0 - static_cast<double>(closest) / hypLen);
        total += bp * std::exp(logSum / 4.0);
    }
    progress.report(1.0, "self-BLEU");
    return total / static_cast<double>(m);
}

namespace {

// One MTLD pass over token hashes. A type counts as seen in the current factor when its
// stamp equals the factor number, so starting a factor costs nothing.
double mtldPass(std::span<const std::uint32_t> tokens, double threshold, bool forward) {
    double factors = 0.0;
    std::unordered_map<std::uint32_t, std::uint64_t> stamp;
    std::uint64_t factor = 1;
    std::size_t types = 0;
    std::size_t count = 0;
    double ttr = 1.0;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const std::uint32_t t = forward ? tokens[k] : tokens[tokens.size() - 1 - k];
        std::uint64_t& seen = stamp[t];
        if (seen != factor) {
            seen = factor;
            ++types;
        }
        ++count;
        ttr = static_cast<double>(types) / static_cast<double>(count);
        if (ttr <= threshold) {
            factors += 1.0;
            ++factor;
            types = 0;
            count = 0;
            ttr = 1.0;
        }
    }
    if (count > 0)
        factors += (1.0 - ttr) / (1.0 - threshold);
    return factors == 0.0 ? static_cast<double>(tokens.size())
                          : static_cast<double>(tokens.size()) / factors;
}

} // namespace

double mtld(std::span<const std::uint32_t> tokens, double threshold) {
    if (tokens.empty())
        return 0.0;
    return 0.5 * (mtldPass(tokens, threshold, true) + mtldPass(tokens, threshold, false));
}

double mtld(std::span<const std::span<const std::uint32_t>> documents, double threshold) {
    std::vector<std::uint32_t> stream;
    for (const auto& doc : documents)
        stream.insert(stream.end(), doc.begin(), doc.end());
    return mtld(stream, threshold);
}

double repeatedNgramRate(std::span<const std::span<const std::uint32_t>> documents, std::size_t n) {
    double sum = 0.0;
    std::size_t counted = 0;
    std::vector<std::uint64_t> grams;
    for (const auto& doc : documents) {
        if (doc.size() < n)
            continue;
        ngramHashes(doc, n, grams);
        std::sort(grams.begin(), grams.end());
        const auto distinct =
            static_cast<double>(std::unique(grams.begin(), grams.end()) - grams.begin());
        sum += 1.0 - distinct / static_cast<double>(doc.size() - n + 1);
        ++counted;
    }
    return counted == 0 ? 0.0 : sum / static_cast<double>(counted);
}

namespace {

// Unigram and bigram counts of a token sequence as a sorted sparse vector, L2-normalised.
std::vector<std::pair<std::uint64_t, double>> ngramVector(std::span<const std::uint32_t> doc) {
    std::vector<std::uint64_t> keys;
    keys.reserve(doc.size() * 2);
    for (std::size_t i = 0; i < doc.size(); ++i) {
        keys.push_back(bigramKey(0xFFFFFFFFu, doc[i])); // a unigram: its own key space
        if (i + 1 < doc.size())
            keys.push_back(bigramKey(doc[i], doc[i + 1]));
    }
    std::sort(keys.begin(), keys.end());
    std::vector<std::pair<std::uint64_t, double>> v;
    for (std::uint64_t k : keys)
        if (v.empty() || v.back().first != k)
            v.emplace_back(k, 1.0);
        else
            v.back().second += 1.0;
    double norm = 0.0;
    for (const auto& [k, c] : v)
        norm += c * c;
    norm = std::sqrt(norm);
    for (auto& [k, c] : v)
        c /= norm;
    return v;
}

double sparseDot(const std::vector<std::pair<std::uint64_t, double>>& a,
                 const std::vector<std::pair<std::uint64_t, double>>& b) {
    double dot = 0.0;
    for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        if (a[i].first < b[j].first)
            ++i;
        else if (b[j].first < a[i].first)
            ++j;
        else
            dot += a[i++].second * b[j++].second;
    }
    return dot;
}

} // namespace

BudgetedDiversity budgetedDiversity(std::span<const std::span<const std::uint32_t>> documents,
                                    std::size_t tokenBudget, std::size_t vendiSamples,
                                    std::size_t draws, std::uint64_t seed) {
    BudgetedDiversity out;
    std::size_t tokens = 0;
    for (const auto& d : documents)
        tokens += d.size();
    draws = std::max<std::size_t>(draws, 1);
    std::vector<std::size_t> order(documents.size());
    double vocabulary = 0.0;
    double distinct2 = 0.0;
    double vendi = 0.0;
    const bool tokenMeasures = tokenBudget > 0 && tokens >= tokenBudget;
    const bool vendiMeasure = vendiSamples > 0 && tokens >= vendiSamples * kVendiWindow;
    for (std::size_t t = 0; t < draws; ++t) {
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::mt19937_64 rng(seed * 0x9E3779B97F4A7C15ULL + t);
        std::shuffle(order.begin(), order.end(), rng);
        if (tokenMeasures) {
            std::unordered_set<std::uint32_t> types;
            std::unordered_set<std::uint64_t> bigramTypes;
            std::size_t taken = 0;
            std::size_t bigrams = 0;
            for (std::size_t k = 0; k < order.size() && taken < tokenBudget; ++k) {
                const auto doc = documents[order[k]];
                const std::size_t n = std::min(doc.size(), tokenBudget - taken);
                for (std::size_t i = 0; i < n; ++i) {
                    types.insert(doc[i]);
                    if (i + 1 < n) {
                        bigramTypes.insert(bigramKey(doc[i], doc[i + 1]));
                        ++bigrams;
                    }
                }
                taken += n;
            }
            vocabulary += static_cast<double>(types.size());
            distinct2 += bigrams == 0 ? 0.0
                                      : static_cast<double>(bigramTypes.size()) /
                                            static_cast<double>(bigrams);
        }
        if (vendiMeasure) {
            // Items of one length, so the kernel does not depend on text length: consecutive
            // windows of kVendiWindow tokens of the shuffled samples' token stream.
            const auto n = static_cast<Eigen::Index>(vendiSamples);
            std::vector<std::vector<std::pair<std::uint64_t, double>>> vectors;
            vectors.reserve(vendiSamples);
            std::vector<std::uint32_t> window;
            for (std::size_t k = 0; k < order.size() && vectors.size() < vendiSamples; ++k)
                for (std::uint32_t token : documents[order[k]]) {
                    window.push_back(token);
                    if (window.size() == kVendiWindow) {
                        vectors.push_back(ngramVector(window));
                        window.clear();
                        if (vectors.size() == vendiSamples)
                            break;
                    }
                }
            Eigen::MatrixXd kernel(n, n);
            for (Eigen::Index i = 0; i < n; ++i) {
                kernel(i, i) = 1.0; // an empty sample too: its own direction
                for (Eigen::Index j = 0; j < i; ++j)
                    kernel(i, j) = kernel(j, i) = sparseDot(vectors[static_cast<std::size_t>(i)],
                                                            vectors[static_cast<std::size_t>(j)]);
            }
            kernel /= static_cast<double>(n);
            const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(kernel,
                                                                        Eigen::EigenvaluesOnly);
            double entropy = 0.0;
            for (double l : solver.eigenvalues())
                if (l > 1e-12)
                    entropy -= l * std::log(l);
            vendi += std::exp(entropy);
        }
    }
    const double d = static_cast<double>(draws);
    if (tokenMeasures) {
        out.vocabulary = vocabulary / d;
        out.distinct2 = distinct2 / d;
    }
    if (vendiMeasure)
        out.vendiNgram = vendi / d;
    return out;
}

double selfRepetition(std::span<const std::span<const std::uint32_t>> documents,
                      std::size_t tokenBudget, std::size_t draws, std::uint64_t seed,
                      std::size_t minOccurrences) {
    std::size_t tokens = 0;
    for (const auto& d : documents)
        tokens += d.size();
    if (tokenBudget == 0 || tokens < tokenBudget)
        return std::numeric_limits<double>::quiet_NaN();
    draws = std::max<std::size_t>(draws, 1);
    std::vector<std::size_t> order(documents.size());
    double sum = 0.0;
    for (std::size_t t = 0; t < draws; ++t) {
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::mt19937_64 rng(seed * 0x9E3779B97F4A7C15ULL + t);
        std::shuffle(order.begin(), order.end(), rng);
        // 4-gram → the first sample (position in the draw) it was seen in, or kShared once a
        // second sample has it; then the occurrences of shared 4-grams.
        constexpr std::uint32_t kShared = 0xFFFFFFFFu;
        std::unordered_map<std::uint64_t, std::uint32_t> firstSample;
        std::vector<std::uint64_t> fourgrams;
        std::size_t taken = 0;
        for (std::size_t k = 0; k < order.size() && taken < tokenBudget; ++k) {
            const auto doc = documents[order[k]];
            const std::size_t n = std::min(doc.size(), tokenBudget - taken);
            for (std::size_t i = 0; i + 3 < n; ++i) {
                const std::uint64_t key = fnv1a64(std::string_view(
                    reinterpret_cast<const char*>(doc.data() + i), 4 * sizeof(doc[i])));
                fourgrams.push_back(key);
                auto [it, inserted] = firstSample.try_emplace(key, static_cast<std::uint32_t>(k));
                if (!inserted && it->second != k)
                    it->second = kShared;
            }
            taken += n;
        }
        if (fourgrams.size() < std::max<std::size_t>(minOccurrences, 1))
            return std::numeric_limits<double>::quiet_NaN();
        std::size_t shared = 0;
        for (std::uint64_t key : fourgrams)
            shared += firstSample[key] == kShared ? 1 : 0;
        sum += static_cast<double>(shared) / static_cast<double>(fourgrams.size());
    }
    return sum / static_cast<double>(draws);
}

} // namespace synthscope::analysis
