#include "analysis/Knn.h"

#include "analysis/Parallel.h"

// hnswlib 0.6.2's SSE code prefetches the entry one past the end of a link list, reading
// 4 bytes beyond a level's allocation: harmless (a prefetch address) but AddressSanitizer
// reports it. Under ASan the plain loops are used instead; release builds keep SSE.
#if defined(__SANITIZE_ADDRESS__)
#define NO_MANUAL_VECTORIZATION
#endif
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
    // The first point alone, so the parallel inserts start from an entry point (hnswlib's
    // addPoint is thread-safe for distinct labels).
    m_impl->index->addPoint(x.row(members[0]).data(), members[0]);
    const Progress cancel = progress.cancelOnly();
    parallelFor(
        members.size() - 1,
        [&](std::size_t begin, std::size_t end, std::size_t worker) {
            for (std::size_t i = begin; i < end; ++i) {
                if (i % 2048 == 0)
                    (worker == 0 ? progress : cancel)
                        .report(static_cast<double>(i) / static_cast<double>(members.size()),
                                "HNSW index");
                m_impl->index->addPoint(x.row(members[i + 1]).data(), members[i + 1]);
            }
        },
        64);
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
