#include "analysis/Knn.h"

#include "analysis/Parallel.h"

// hnswlib 0.6.2's SSE code prefetches the entry one past the end of a link list, reading
// 4 bytes beyond a level's allocation: harmless (a prefetch address) but AddressSanitizer
// reports it. Under ASan the plain loops are used instead; release builds keep SSE. (GCC
// defines __SANITIZE_ADDRESS__; clang says so through __has_feature.)
#if defined(__SANITIZE_ADDRESS__)
#define NO_MANUAL_VECTORIZATION
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NO_MANUAL_VECTORIZATION
#endif
#endif
#include <hnswlib/hnswlib.h>

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

#if defined(__x86_64__)
#include <immintrin.h>
#define SYNTHSCOPE_WIDE_KERNELS 1
#endif

namespace synthscope::analysis {

namespace {

#if defined(SYNTHSCOPE_WIDE_KERNELS)
// Compiled for its instruction set alone; called only where the CPU runs it (cpuRuns).
// Several sums in flight hide the latency of the fused multiply-add (4 cycles) behind its
// throughput (two a cycle).
__attribute__((target("avx2,fma"))) float dotAvx2Fma(const float* a, const float* b,
                                                     std::size_t n) {
    __m256 s0 = _mm256_setzero_ps();
    __m256 s1 = _mm256_setzero_ps();
    __m256 s2 = _mm256_setzero_ps();
    __m256 s3 = _mm256_setzero_ps();
    std::size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        s0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i), s0);
        s1 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i + 8), _mm256_loadu_ps(b + i + 8), s1);
        s2 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i + 16), _mm256_loadu_ps(b + i + 16), s2);
        s3 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i + 24), _mm256_loadu_ps(b + i + 24), s3);
    }
    for (; i + 8 <= n; i += 8)
        s0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i), s0);
    const __m256 s = _mm256_add_ps(_mm256_add_ps(s0, s1), _mm256_add_ps(s2, s3));
    __m128 h = _mm_add_ps(_mm256_castps256_ps128(s), _mm256_extractf128_ps(s, 1));
    h = _mm_add_ps(h, _mm_movehl_ps(h, h));
    h = _mm_add_ss(h, _mm_movehdup_ps(h));
    float sum = _mm_cvtss_f32(h);
    for (; i < n; ++i)
        sum += a[i] * b[i];
    return sum;
}

// In hnswlib's distance signature: 1 − ⟨a, b⟩, the length behind n.
float distanceAvx2Fma(const void* a, const void* b, const void* n) {
    return 1.0f - dotAvx2Fma(static_cast<const float*>(a), static_cast<const float*>(b),
                             *static_cast<const std::size_t*>(n));
}
#endif

// hnswlib's inner-product space with the distance of the given kernel (Baseline: its own).
class DotSpace final : public hnswlib::SpaceInterface<float> {
public:
    DotSpace(std::size_t dim, DotKernel kernel)
        : m_baseline(dim)
        , m_dim(dim)
        , m_distance(m_baseline.get_dist_func()) {
        if (!cpuRuns(kernel))
            throw std::invalid_argument(std::string("this CPU does not run the ") +
                                        dotKernelName(kernel) + " kernel");
#if defined(SYNTHSCOPE_WIDE_KERNELS)
        if (kernel == DotKernel::Avx2Fma)
            m_distance = distanceAvx2Fma;
#else
        (void)kernel;
#endif
    }
    size_t get_data_size() override {
        return m_dim * sizeof(float);
    }
    hnswlib::DISTFUNC<float> get_dist_func() override {
        return m_distance;
    }
    void* get_dist_func_param() override {
        return &m_dim;
    }

private:
    hnswlib::InnerProductSpace m_baseline;
    std::size_t m_dim;
    hnswlib::DISTFUNC<float> m_distance;
};

} // namespace

bool cpuRuns(DotKernel kernel) {
#if defined(SYNTHSCOPE_WIDE_KERNELS)
    switch (kernel) {
    case DotKernel::Baseline:
        return true;
    case DotKernel::Avx2Fma:
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    }
    return false;
#else
    return kernel == DotKernel::Baseline;
#endif
}

DotKernel fastestDotKernel() {
    static const DotKernel fastest =
        cpuRuns(DotKernel::Avx2Fma) ? DotKernel::Avx2Fma : DotKernel::Baseline;
    return fastest;
}

const char* dotKernelName(DotKernel kernel) {
    switch (kernel) {
    case DotKernel::Baseline:
        return "baseline";
    case DotKernel::Avx2Fma:
        return "AVX2+FMA";
    }
    return "?";
}

float innerProductDistance(const float* a, const float* b, std::size_t n, DotKernel kernel) {
    DotSpace space(n, kernel);
    return space.get_dist_func()(a, b, space.get_dist_func_param());
}

struct KnnIndex::Impl {
    Impl(std::size_t dim, DotKernel kernel)
        : space(dim, kernel) {}
    DotSpace space;
    std::unique_ptr<hnswlib::HierarchicalNSW<float>> index;
};

KnnIndex::KnnIndex(const RowMatrixXf& x, std::span<const std::uint32_t> members,
                   const HnswParams& params, const Progress& progress)
    : m_impl(std::make_unique<Impl>(static_cast<std::size_t>(x.cols()), params.kernel))
    , m_x(x)
    , m_size(members.size()) {
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

namespace {

// Blocks of the exact search (at most): a 256 × 2048 block of cosines is 2 MiB, the two row
// blocks 0.25 and 2 MiB at d = 256.
constexpr std::size_t kQueryBlock = 256;
constexpr std::size_t kMemberBlock = 2048;

// Offers member `index` at `cosine` to a list of at most k, highest first. Equal cosines stay
// in the order offered.
void offer(std::vector<Neighbour>& best, std::size_t k, std::uint32_t index, float cosine) {
    if (best.size() < k)
        best.push_back({index, cosine});
    else
        best.back() = {index, cosine};
    for (std::size_t at = best.size() - 1; at > 0 && best[at - 1].cosine < cosine; --at)
        std::swap(best[at - 1], best[at]);
}

} // namespace

std::vector<std::vector<Neighbour>> exactNeighbours(const RowMatrixXf& x,
                                                    std::span<const std::uint32_t> members,
                                                    std::span<const std::uint32_t> queries,
                                                    std::size_t k, const Progress& progress) {
    std::vector<std::vector<Neighbour>> out(queries.size());
    if (k == 0 || members.empty() || queries.empty())
        return out;
    const Eigen::Index d = x.cols();
    // A multiple of the worker count of blocks of at most kQueryBlock queries, of equal size
    // but for the last: each worker gets an equal share, a handful of queries against many
    // members included.
    const std::size_t workers = workerCount();
    const std::size_t rounds =
        (queries.size() + workers * kQueryBlock - 1) / (workers * kQueryBlock);
    const std::size_t queryBlock = (queries.size() + workers * rounds - 1) / (workers * rounds);
    const std::size_t blocks = (queries.size() + queryBlock - 1) / queryBlock;
    const std::size_t memberBlocks = (members.size() + kMemberBlock - 1) / kMemberBlock;
    const Progress cancel = progress.cancelOnly();
    parallelFor(
        blocks,
        [&](std::size_t begin, std::size_t end, std::size_t worker) {
            RowMatrixXf q;
            RowMatrixXf m;
            RowMatrixXf cosines;
            for (std::size_t b = begin; b < end; ++b) {
                const std::size_t q0 = b * queryBlock;
                const std::size_t qn = std::min(queryBlock, queries.size() - q0);
                q.resize(static_cast<Eigen::Index>(qn), d);
                for (std::size_t i = 0; i < qn; ++i)
                    q.row(static_cast<Eigen::Index>(i)) = x.row(queries[q0 + i]);
                for (std::size_t m0 = 0; m0 < members.size(); m0 += kMemberBlock) {
                    // Every member block is a cancellation point: one block of queries may be
                    // the whole search.
                    (worker == 0 ? progress : cancel)
                        .report((static_cast<double>(b - begin) +
                                 static_cast<double>(m0 / kMemberBlock) /
                                     static_cast<double>(memberBlocks)) /
                                    static_cast<double>(end - begin),
                                "neighbours");
                    const std::size_t mn = std::min(kMemberBlock, members.size() - m0);
                    m.resize(static_cast<Eigen::Index>(mn), d);
                    for (std::size_t j = 0; j < mn; ++j)
                        m.row(static_cast<Eigen::Index>(j)) = x.row(members[m0 + j]);
                    cosines.resize(static_cast<Eigen::Index>(qn), static_cast<Eigen::Index>(mn));
                    cosines.noalias() = q * m.transpose();
                    for (std::size_t i = 0; i < qn; ++i) {
                        std::vector<Neighbour>& best = out[q0 + i];
                        const std::uint32_t self = queries[q0 + i];
                        const float* row = cosines.row(static_cast<Eigen::Index>(i)).data();
                        float floor = best.size() < k ? -std::numeric_limits<float>::infinity()
                                                      : best.back().cosine;
                        for (std::size_t j = 0; j < mn; ++j) {
                            // NaN never enters; a member equal to the last kept one comes
                            // after it in `members`, so it does not displace it.
                            if (!(row[j] > floor) || members[m0 + j] == self)
                                continue;
                            offer(best, k, members[m0 + j], row[j]);
                            if (best.size() == k)
                                floor = best.back().cosine;
                        }
                    }
                }
            }
        },
        1);
    return out;
}

NeighbourIndex::NeighbourIndex(const RowMatrixXf& x, std::vector<std::uint32_t> members,
                               const HnswParams& params)
    : m_x(x)
    , m_members(std::move(members))
    , m_params(params) {}

NeighbourIndex::~NeighbourIndex() = default;

bool NeighbourIndex::searchesExactly(std::size_t queries) const {
    return queries == 0 || m_members.empty() ||
           (m_params.exactPairs > 0 && queries <= m_params.exactPairs / m_members.size());
}

std::vector<std::vector<Neighbour>> NeighbourIndex::search(std::span<const std::uint32_t> queries,
                                                           std::size_t k,
                                                           const Progress& progress) {
    if (searchesExactly(queries.size()))
        return exactNeighbours(m_x, m_members, queries, k, progress);
    double from = 0.0;
    if (!m_hnsw) {
        m_hnsw = std::make_unique<KnnIndex>(m_x, m_members, m_params, progress.sub(0.0, 0.6));
        from = 0.6;
    }
    const Progress searching = progress.sub(from, 1.0);
    const Progress cancel = progress.cancelOnly();
    std::vector<std::vector<Neighbour>> out(queries.size());
    parallelFor(queries.size(), [&](std::size_t begin, std::size_t end, std::size_t worker) {
        for (std::size_t i = begin; i < end; ++i) {
            if (i % 2048 == 0)
                (worker == 0 ? searching : cancel)
                    .report(static_cast<double>(i - begin) / static_cast<double>(end - begin),
                            "neighbours");
            out[i] = m_hnsw->search(queries[i], k);
        }
    });
    return out;
}

} // namespace synthscope::analysis
