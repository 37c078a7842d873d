// synthscope-bench: times the analysis stages on real corpora, optionally replicated with
// light perturbation to a target row count. Run on demand (not part of the test suite):
//
//   synthscope-bench [--rows N] [--no-similarity] [--only-similarity] ROLE:FILE:TEXT ...
//
// ROLE is real or synthetic; TEXT is a field name or a template such as
// '{instruction}\n{response}'. Prints one line per stage (seconds) and the total; measure
// peak memory from outside, e.g. with /usr/bin/time -v.
#include "analysis/Pipeline.h"
#include "model/FieldMapping.h"
#include "model/RecordReader.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace synthscope;

namespace {

struct Corpus {
    bool synthetic = false;
    std::vector<std::string> texts;
};

bool load(const std::string& spec, Corpus* out) {
    const auto first = spec.find(':');
    const auto second = spec.find(':', first + 1);
    if (first == std::string::npos || second == std::string::npos)
        return false;
    const std::string role = spec.substr(0, first);
    const std::string file = spec.substr(first + 1, second - first - 1);
    const std::string text = spec.substr(second + 1);
    out->synthetic = role == "synthetic";
    model::FieldMapping mapping;
    if (text.find('{') != std::string::npos) {
        mapping.textTemplate = text;
        mapping.textField.clear();
    } else {
        mapping.textField = text;
    }
    std::string error;
    auto reader = model::RecordReader::open(file, model::InputFormat::Auto, 1 << 20, &error);
    if (!reader) {
        std::fprintf(stderr, "synthscope-bench: %s\n", error.c_str());
        return false;
    }
    model::RawRecord raw;
    model::MappedRecord mapped;
    while (reader->next(raw))
        if (raw.error.empty() && model::mapRecord(raw.fields, mapping, &mapped, &error))
            out->texts.push_back(mapped.text);
    return true;
}

// Copies with one word dropped at a seeded random position: near, not exact, duplicates.
void replicate(std::vector<Corpus>& corpora, std::size_t rows, std::uint64_t seed) {
    std::size_t total = 0;
    for (const auto& c : corpora)
        total += c.texts.size();
    if (rows <= total)
        return;
    std::mt19937_64 rng(seed);
    for (auto& c : corpora) {
        const std::size_t original = c.texts.size();
        const std::size_t target = original * rows / total;
        for (std::size_t i = original; i < target; ++i) {
            std::istringstream in(c.texts[i % original]);
            std::vector<std::string> words;
            for (std::string w; in >> w;)
                words.push_back(w);
            if (words.size() > 1)
                words.erase(words.begin() + static_cast<std::ptrdiff_t>(rng() % words.size()));
            std::string text;
            for (const auto& w : words)
                text += (text.empty() ? "" : " ") + w;
            c.texts.push_back(std::move(text));
        }
    }
}

} // namespace

int main(int argc, char** argv) {
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
        } else {
            Corpus c;
            if (!load(arg, &c)) {
                std::fprintf(stderr, "usage: synthscope-bench [--rows N] [--no-similarity] "
                                     "[--only-similarity] ROLE:FILE:TEXT ...\n");
                return 2;
            }
            corpora.push_back(std::move(c));
        }
    }
    if (corpora.empty()) {
        std::fprintf(stderr, "usage: synthscope-bench [--rows N] [--no-similarity] "
                             "[--only-similarity] ROLE:FILE:TEXT ...\n");
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
