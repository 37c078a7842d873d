#include "BenchCorpora.h"

#include "model/FieldMapping.h"
#include "model/RecordReader.h"

#include <cstdio>
#include <random>
#include <sstream>

namespace synthscope::bench {

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

} // namespace synthscope::bench
