// synthscope-bench: times the analysis stages on real corpora, optionally replicated with
// light perturbation to a target row count. Run on demand (not part of the test suite):
//
//   synthscope-bench [--rows N] [--no-similarity] [--only-similarity] [--one-after-the-other]
//                    [--dot-kernel K] ROLE:FILE:TEXT ...
//
// --one-after-the-other runs the structure stages after the similarity stages even when they
// would run side by side (AnalysisParams::concurrentStagesMaxTokens = 0), for A/B timings.
// --dot-kernel measures the HNSW neighbours with kernel K (baseline or AVX2+FMA: see
// analysis::DotKernel) instead of the widest this CPU runs, for A/B timings. ROLE is real or
// synthetic; TEXT is a field name or a template such as
// '{instruction}\n{response}'. Prints one line per stage (seconds) and the total; measure
// peak memory from outside, e.g. with /usr/bin/time -v.
#include "BenchCorpora.h"

#include "analysis/Blas.h"
#include "analysis/Knn.h"
#include "analysis/Pipeline.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace synthscope;
using synthscope::bench::Corpus;
using synthscope::bench::load;
using synthscope::bench::replicate;

int main(int argc, char** argv) {
    synthscope::analysis::runBlasOnCallingThread(); // the analyses bring their own threads
    std::size_t rows = 0;
    analysis::AnalysisParams params;
    std::vector<Corpus> corpora;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--rows" && i + 1 < argc) {
            rows = std::strtoull(argv[++i], nullptr, 10);
        } else if (arg == "--no-similarity") {
            params.findSimilarity = false;
        } else if (arg == "--only-similarity") {
            params.findStructure = false;
        } else if (arg == "--one-after-the-other") {
            params.concurrentStagesMaxTokens = 0;
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
            if (!load(arg, &c)) {
                std::fprintf(stderr, "usage: synthscope-bench [--rows N] [--no-similarity] "
                                     "[--only-similarity] [--one-after-the-other] [--dot-kernel K] "
                                     "ROLE:FILE:TEXT ...\n");
                return 2;
            }
            corpora.push_back(std::move(c));
        }
    }
    if (corpora.empty()) {
        std::fprintf(
            stderr,
            "usage: synthscope-bench [--rows N] [--no-similarity] "
            "[--only-similarity] [--one-after-the-other] [--dot-kernel K] ROLE:FILE:TEXT ...\n");
        return 2;
    }
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
    return 0;
}
