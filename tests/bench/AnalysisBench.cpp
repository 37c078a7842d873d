// synthscope-bench: times the analysis stages on real corpora, optionally replicated with
// light perturbation to a target row count. Run on demand (not part of the test suite):
//
//   synthscope-bench [--rows N] [--no-similarity] [--only-similarity] [--one-after-the-other]
//                    [--dot-kernel K] [--exact-pairs P] [--ef-search E] [--neighbour-recall Q]
//                    ROLE:FILE:TEXT ...
//
// --one-after-the-other runs the structure stages after the similarity stages even when they
// would run side by side (AnalysisParams::concurrentStagesMaxTokens = 0), for A/B timings.
// --dot-kernel measures the HNSW neighbours with kernel K (baseline or AVX2+FMA: see
// analysis::DotKernel) instead of the widest this CPU runs, for A/B timings. --exact-pairs and
// --ef-search set HnswParams::exactPairs (0: HNSW always) and efSearch. --neighbour-recall Q
// checks the stored nearest-neighbour cosines of Q seeded samples against an exact search
// (analysis::exactNeighbours) and prints the share found: the recall of the neighbour search
// at this size (not timed with the stages). ROLE is real or
// synthetic; TEXT is a field name or a template such as
// '{instruction}\n{response}'. Prints one line per stage (seconds) and the total; measure
// peak memory from outside, e.g. with /usr/bin/time -v.
#include "BenchCorpora.h"

#include "analysis/Blas.h"
#include "analysis/Knn.h"
#include "analysis/Pipeline.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

using namespace synthscope;
using synthscope::bench::Corpus;
using synthscope::bench::load;
using synthscope::bench::replicate;

namespace {

// For `queries` seeded samples, whether the stored nearest-neighbour cosine (nnOwn: same
// corpus, nnOther: other role) is the exact one (within 1e-5), and how many fall more than
// 0.05 below it. corpusOf and synthetic say each document's corpus and role.
void printNeighbourRecall(const analysis::SimilarityResult& sim,
                          const std::vector<std::uint32_t>& corpusOf,
                          const std::vector<bool>& synthetic, std::size_t queries) {
    const std::size_t n = corpusOf.size();
    std::vector<std::uint32_t> drawn(n);
    for (std::uint32_t i = 0; i < n; ++i)
        drawn[i] = i;
    std::mt19937_64 rng(42);
    std::shuffle(drawn.begin(), drawn.end(), rng);
    drawn.resize(std::min(queries, n));
    for (const bool other : {false, true}) {
        // One exact search per set of members: per corpus (own), per role (other).
        const auto groupOf = [&](std::uint32_t i) {
            return other ? (synthetic[corpusOf[i]] ? 1u : 0u) : corpusOf[i];
        };
        std::uint32_t groups = 0;
        for (const std::uint32_t c : corpusOf)
            groups = std::max(groups, (other ? 2u : c + 1));
        std::size_t found = 0;
        std::size_t far = 0;
        std::size_t asked = 0;
        for (std::uint32_t g = 0; g < groups; ++g) {
            std::vector<std::uint32_t> members;
            std::vector<std::uint32_t> asking;
            for (std::uint32_t i = 0; i < n; ++i)
                if (other ? groupOf(i) != g : groupOf(i) == g)
                    members.push_back(i);
            for (const std::uint32_t q : drawn)
                if (groupOf(q) == g)
                    asking.push_back(q);
            const auto exact = analysis::exactNeighbours(sim.embeddings, members, asking, 1);
            for (std::size_t j = 0; j < asking.size(); ++j) {
                const float stored = other ? sim.nnOther[asking[j]] : sim.nnOwn[asking[j]];
                if (exact[j].empty())
                    continue;
                ++asked; // a sample with no stored neighbour (NaN) counts as a miss
                found += stored >= exact[j][0].cosine - 1e-5f ? 1 : 0;
                far += std::isnan(stored) || stored < exact[j][0].cosine - 0.05f ? 1 : 0;
            }
        }
        std::printf("recall %-9s %6.4f of %zu sampled (%zu more than 0.05 below the exact)\n",
                    other ? "other" : "own", asked ? double(found) / double(asked) : 0.0, asked,
                    far);
    }
}

int usage() {
    std::fprintf(stderr, "usage: synthscope-bench [--rows N] [--no-similarity] "
                         "[--only-similarity] [--one-after-the-other] [--dot-kernel K] "
                         "[--exact-pairs P] [--ef-search E] [--neighbour-recall Q] "
                         "ROLE:FILE:TEXT ...\n");
    return 2;
}

// The count after option `name`: digits only (a typo is an error, not a silent 0).
bool count(const char* name, const char* text, std::size_t* out) {
    const std::string_view digits(text);
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), *out);
    if (digits.empty() || error != std::errc() || end != digits.data() + digits.size()) {
        std::fprintf(stderr, "%s: not a count: %s\n", name, text);
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char** argv) {
    synthscope::analysis::runBlasOnCallingThread(); // the analyses bring their own threads
    std::size_t rows = 0;
    analysis::AnalysisParams params;
    std::vector<Corpus> corpora;
    std::size_t recallQueries = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--rows" && i + 1 < argc) {
            if (!count("--rows", argv[++i], &rows))
                return 2;
        } else if (arg == "--no-similarity") {
            params.findSimilarity = false;
        } else if (arg == "--only-similarity") {
            params.findStructure = false;
        } else if (arg == "--one-after-the-other") {
            params.concurrentStagesMaxTokens = 0;
        } else if (arg == "--exact-pairs" && i + 1 < argc) {
            if (!count("--exact-pairs", argv[++i], &params.similarity.hnsw.exactPairs))
                return 2;
        } else if (arg == "--ef-search" && i + 1 < argc) {
            if (!count("--ef-search", argv[++i], &params.similarity.hnsw.efSearch))
                return 2;
        } else if (arg == "--neighbour-recall" && i + 1 < argc) {
            if (!count("--neighbour-recall", argv[++i], &recallQueries))
                return 2;
        } else if (arg == "--dot-kernel" && i + 1 < argc) {
            const std::string name = argv[++i];
            bool known = false;
            for (const auto k : {analysis::DotKernel::Baseline, analysis::DotKernel::Avx2Fma})
                if (name == analysis::dotKernelName(k)) {
                    if (!analysis::cpuRuns(k)) {
                        std::fprintf(stderr, "this CPU does not run %s\n", name.c_str());
                        return 2;
                    }
                    params.similarity.hnsw.kernel = k;
                    known = true;
                }
            if (!known) {
                std::fprintf(stderr, "--dot-kernel: baseline or AVX2+FMA\n");
                return 2;
            }
        } else {
            Corpus c;
            if (!load(arg, &c))
                return usage();
            corpora.push_back(std::move(c));
        }
    }
    if (corpora.empty())
        return usage();
    replicate(corpora, rows, 1);
    std::vector<analysis::CorpusInput> inputs;
    std::size_t total = 0;
    for (const auto& c : corpora) {
        inputs.push_back({c.synthetic, c.texts, {}});
        total += c.texts.size();
    }
    const auto start = std::chrono::steady_clock::now();
    const analysis::AnalysisResult result = analysis::analyzeCorpora(inputs, params);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("rows %zu\n", total);
    std::printf("dot kernel %s\n", analysis::dotKernelName(params.similarity.hnsw.kernel));
    double structure = 0.0;
    double similarity = 0.0;
    for (const auto& [stage, s] : result.stageSeconds) {
        std::printf("%-18s %8.3f s\n", stage.c_str(), s);
        if (stage == "skeletons" || stage == "skeleton groups + diversity" ||
            stage == "language model")
            structure += s;
        else if (stage != "tokenize+profile" && stage != "comparison" &&
                 stage.find("concurrent") == std::string::npos)
            similarity += s;
    }
    std::printf("%-18s %8.3f s\n", "skeletons+diversity+LM", structure);
    std::printf("%-18s %8.3f s\n", "similarity chain", similarity);
    std::printf("%-18s %8.3f s\n", "total", seconds);
    if (recallQueries > 0 && result.similarity) {
        std::vector<std::uint32_t> corpusOf;
        std::vector<bool> synthetic;
        for (std::uint32_t c = 0; c < corpora.size(); ++c) {
            corpusOf.insert(corpusOf.end(), corpora[c].texts.size(), c);
            synthetic.push_back(corpora[c].synthetic);
        }
        printNeighbourRecall(*result.similarity, corpusOf, synthetic, recallQueries);
    }
    return 0;
}
