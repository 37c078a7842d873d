#pragma once

#include "analysis/Progress.h"
#include "analysis/Tokenizer.h"

#include <cstdint>
#include <vector>

namespace synthscope::analysis {

struct Neighbour {
    std::uint32_t index = 0; ///< document index in the target corpus
    float cosine = 0.0f;     ///< cosine similarity in [0, 1] (TF-IDF weights are ≥ 0)
};

struct TfIdfParams {
    std::size_t k = 5;       ///< neighbours per query
    bool sublinearTf = true; ///< tf → 1 + ln(tf) (Manning, Raghavan & Schütze 2008, §6.4.1)
};

/// For every query document, its k most similar target documents by cosine similarity of
/// TF-IDF vectors (Salton & Buckley 1988; smoothed idf = ln((1+N)/(1+df)) + 1 over the
/// N = |queries| + |targets| documents, vectors L2-normalised).
///
/// Both corpora must use token ids of one Vocabulary of size vocabularySize. Exact search
/// through an inverted index over the targets: cost is the sum over query terms of their
/// posting lengths. Result[i] is sorted by cosine, highest first, ties by lower index; it
/// holds fewer than k entries when fewer targets share a term with query i (cosine 0 is not
/// a neighbour). Throws Cancelled when progress asks to stop.
std::vector<std::vector<Neighbour>> tfidfNearestNeighbours(const TokenizedCorpus& queries,
                                                           const TokenizedCorpus& targets,
                                                           std::size_t vocabularySize,
                                                           const TfIdfParams& params = {},
                                                           const Progress& progress = {});

} // namespace synthscope::analysis
