#include "analysis/Knn.h"

#include <hnswlib/hnswlib.h>

#include <algorithm>

namespace synthscope::analysis {

struct KnnIndex::Impl {
    explicit Impl(std::size_t dim)
        : space(dim) {}
    hnswlib::InnerProductSpace space;
    std::unique_ptr<hnswlib::HierarchicalNSW<float>> index;
};

KnnIndex::KnnIndex(const RowMatrixXf& x, std::span<const std::uint32_t> members,
                   const HnswParams& params, const Progress& progress)
    : m_impl(std::make_unique<Impl>(static_cast<std::size_t>(x.cols())))
    , m_x(x)
    , m_size(members.size())
    , m_ef(params.efSearch) {
    m_impl->index = std::make_unique<hnswlib::HierarchicalNSW<float>>(
        &m_impl->space, std::max<std::size_t>(members.size(), 1), params.m, params.efConstruction,
        params.seed);
    m_impl->index->setEf(params.efSearch);
    if (members.empty())
        return;
    // Inserted one at a time: hnswlib 0.6.2 (Debian 12) races when addPoint runs on several
    // threads (AddressSanitizer showed a read past a new element's link list). Searches, which
    // are the larger part of the work, still run in parallel.
    for (std::size_t i = 0; i < members.size(); ++i) {
        if (i % 2048 == 0)
            progress.report(static_cast<double>(i) / static_cast<double>(members.size()),
                            "HNSW index");
        m_impl->index->addPoint(x.row(members[i]).data(), members[i]);
    }
}

KnnIndex::~KnnIndex() = default;

std::vector<Neighbour> KnnIndex::search(std::uint32_t query, std::size_t k) const {
    std::vector<Neighbour> out;
    if (m_size == 0 || k == 0)
        return out;
    // hnswlib's ef is per index, not per query: searchKnn uses max(ef, k); ask for one more
    // than k so the query itself can be dropped.
    auto queue = m_impl->index->searchKnn(m_x.row(query).data(), std::min(k + 1, m_size));
    std::vector<std::pair<float, std::size_t>> found;
    while (!queue.empty()) {
        found.emplace_back(queue.top().first, queue.top().second);
        queue.pop();
    }
    std::reverse(found.begin(), found.end()); // nearest (smallest 1 − cos) first
    for (const auto& [distance, label] : found) {
        if (label == query)
            continue;
        if (out.size() == k)
            break;
        out.push_back({static_cast<std::uint32_t>(label), 1.0f - distance});
    }
    return out;
}

} // namespace synthscope::analysis
