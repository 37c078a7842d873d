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
#include <utility>

#if defined(__x86_64__)
#include <immintrin.h>
#define SYNTHSCOPE_WIDE_KERNELS 1
#endif

namespace synthscope::analysis {

namespace {

#if defined(SYNTHSCOPE_WIDE_KERNELS)
// What a kernel sums: the products aᵢbᵢ (inner product) or the squares (aᵢ − bᵢ)².
enum class Sum { Products, SquaredDifferences };

// sum + the terms of the 8 floats at a and b.
template <Sum S>
__attribute__((target("avx2,fma"))) inline __m256 addTerms(const float* a, const float* b,
                                                           __m256 sum) {
    if constexpr (S == Sum::Products)
        return _mm256_fmadd_ps(_mm256_loadu_ps(a), _mm256_loadu_ps(b), sum);
    const __m256 d = _mm256_sub_ps(_mm256_loadu_ps(a), _mm256_loadu_ps(b));
    return _mm256_fmadd_ps(d, d, sum);
}

// Σ of the terms of n floats. Compiled for its instruction set alone; called only where the
// CPU runs it (cpuRuns). Several sums in flight hide the latency of the fused multiply-add
// (4 cycles) behind its throughput (two a cycle).
template <Sum S>
__attribute__((target("avx2,fma"))) float sumAvx2Fma(const float* a, const float* b,
                                                     std::size_t n) {
    __m256 s0 = _mm256_setzero_ps();
    __m256 s1 = _mm256_setzero_ps();
    __m256 s2 = _mm256_setzero_ps();
    __m256 s3 = _mm256_setzero_ps();
    std::size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        s0 = addTerms<S>(a + i, b + i, s0);
        s1 = addTerms<S>(a + i + 8, b + i + 8, s1);
        s2 = addTerms<S>(a + i + 16, b + i + 16, s2);
        s3 = addTerms<S>(a + i + 24, b + i + 24, s3);
    }
    for (; i + 8 <= n; i += 8)
        s0 = addTerms<S>(a + i, b + i, s0);
    const __m256 s = _mm256_add_ps(_mm256_add_ps(s0, s1), _mm256_add_ps(s2, s3));
    __m128 h = _mm_add_ps(_mm256_castps256_ps128(s), _mm256_extractf128_ps(s, 1));
    h = _mm_add_ps(h, _mm_movehl_ps(h, h));
    h = _mm_add_ss(h, _mm_movehdup_ps(h));
    float sum = _mm_cvtss_f32(h);
    for (; i < n; ++i)
        sum += S == Sum::Products ? a[i] * b[i] : (a[i] - b[i]) * (a[i] - b[i]);
    return sum;
}

// In hnswlib's distance signature: 1 − ⟨a, b⟩, the length behind n.
float distanceAvx2Fma(const void* a, const void* b, const void* n) {
    return 1.0f - sumAvx2Fma<Sum::Products>(static_cast<const float*>(a),
                                            static_cast<const float*>(b),
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

float squaredDistance(const float* a, const float* b, std::size_t n, DotKernel kernel) {
    if (!cpuRuns(kernel))
        throw std::invalid_argument(std::string("this CPU does not run the ") +
                                    dotKernelName(kernel) + " kernel");
#if defined(SYNTHSCOPE_WIDE_KERNELS)
    if (kernel == DotKernel::Avx2Fma)
        return sumAvx2Fma<Sum::SquaredDifferences>(a, b, n);
#endif
    const auto size = static_cast<Eigen::Index>(n);
    return (Eigen::Map<const Eigen::VectorXf>(a, size) - Eigen::Map<const Eigen::VectorXf>(b, size))
        .squaredNorm();
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

// A neighbour while searching: its position in the searched list and its cosine.
struct Candidate {
    float cosine = 0.0f;
    std::uint32_t position = 0;
};

// The order of a neighbour list: the higher cosine first, equal cosines in the order of the
// searched list, so a list does not depend on which block or worker offered its entries.
bool ranksBefore(const Candidate& a, const Candidate& b) {
    return a.cosine > b.cosine || (a.cosine == b.cosine && a.position < b.position);
}

// Up to k best candidates (ranksBefore) for each of `rows` lists, in one array.
class TopLists {
public:
    TopLists(std::size_t rows, std::size_t k)
        : m_k(k)
        , m_size(rows, 0)
        , m_floor(rows, k == 0 ? std::numeric_limits<float>::infinity()
                               : std::numeric_limits<float>::lowest())
        , m_items(rows * k) {}
    // Whether a candidate at this cosine may enter row's list (NaN and −∞ never do, as in a
    // search by `>`; a full list's last cosine may, on an earlier position).
    [[nodiscard]] bool mayEnter(std::size_t row, float cosine) const {
        return cosine >= m_floor[row];
    }
    // Offers a candidate that mayEnter(row, c.cosine).
    void offer(std::size_t row, Candidate c) {
        if (m_k == 0)
            return;
        Candidate* best = m_items.data() + row * m_k;
        std::size_t size = m_size[row];
        if (size == m_k) {
            if (!ranksBefore(c, best[m_k - 1]))
                return;
            best[m_k - 1] = c;
        } else {
            best[size++] = c;
            m_size[row] = static_cast<std::uint32_t>(size);
        }
        for (std::size_t at = size - 1; at > 0 && ranksBefore(best[at], best[at - 1]); --at)
            std::swap(best[at - 1], best[at]);
        if (size == m_k)
            m_floor[row] = best[m_k - 1].cosine;
    }
    // Offers every entry of another list of the same row.
    void merge(std::size_t row, const TopLists& other) {
        for (const Candidate& c : other.list(row))
            if (mayEnter(row, c.cosine))
                offer(row, c);
    }
    [[nodiscard]] std::span<const Candidate> list(std::size_t row) const {
        return {m_items.data() + row * m_k, m_size[row]};
    }
    // The lists as neighbours, positions read through `searched`.
    [[nodiscard]] std::vector<std::vector<Neighbour>>
    neighbours(std::span<const std::uint32_t> searched) const {
        std::vector<std::vector<Neighbour>> out(m_size.size());
        for (std::size_t row = 0; row < out.size(); ++row) {
            out[row].reserve(m_size[row]);
            for (const Candidate& c : list(row))
                out[row].push_back({searched[c.position], c.cosine});
        }
        return out;
    }

private:
    std::size_t m_k;
    std::vector<std::uint32_t> m_size;
    std::vector<float> m_floor;
    std::vector<Candidate> m_items;
};

// One pass of blocked products of rows `a` with rows `b` of x. Every product a[i]·b[j] (never
// a row with itself) is offered to toB's list i (b's neighbours of a[i]) and, when reverseK > 0,
// to list j of a worker's reverse lists (a's neighbours of b[j], up to reverseK each). Within (a
// and b the same list): only the products on and above the diagonal blocks are computed, each
// offered both ways, so each pair once. toB's lists belong to the worker that owns their block;
// the reverse lists, one set per worker that ran (none when reverseK is 0), are returned for
// the caller to merge. The blocks depend only on the sizes and the worker count, so the
// products, and the lists, are the same from run to run. Throws Cancelled (checked at every
// block of b).
std::vector<TopLists> productPass(const RowMatrixXf& x, std::span<const std::uint32_t> a,
                                  std::span<const std::uint32_t> b, bool within, TopLists& toB,
                                  std::size_t reverseK, const Progress& progress) {
    const Eigen::Index d = x.cols();
    const std::size_t workers = workerCount();
    // Blocks of a of equal size but for the last, a multiple of the worker count of them (each
    // worker an equal share, a handful of queries against many rows included). Within, the
    // block from the front and the one from the back make a unit of work: the triangle's long
    // and short rows, so the units cost alike.
    const std::size_t perUnit = within ? 2 : 1;
    const std::size_t rounds =
        (a.size() + perUnit * workers * kQueryBlock - 1) / (perUnit * workers * kQueryBlock);
    const std::size_t block =
        (a.size() + perUnit * workers * rounds - 1) / (perUnit * workers * rounds);
    const std::size_t blocks = (a.size() + block - 1) / block;
    const std::size_t units = (blocks + perUnit - 1) / perUnit;
    // The blocks of a unit: its own, and within the one as far from the back.
    const auto forBlocksOf = [&](std::size_t unit, auto&& fn) {
        fn(unit);
        if (within && blocks - 1 - unit != unit)
            fn(blocks - 1 - unit);
    };
    const auto bBlocksOf = [&](std::size_t blockIndex) {
        const std::size_t first = within ? blockIndex * block : 0;
        return (b.size() - first + kMemberBlock - 1) / kMemberBlock;
    };
    // parallelFor below runs min(workers, units) slices (workers, not a second count of the cores).
    std::vector<TopLists> reverseLists(reverseK == 0 ? 0 : std::min(workers, units),
                                       TopLists(b.size(), reverseK));
    const Progress cancel = progress.cancelOnly();
    parallelFor(
        units,
        [&](std::size_t begin, std::size_t end, std::size_t worker) {
            const Progress& report = worker == 0 ? progress : cancel;
            std::size_t total = 0;
            for (std::size_t u = begin; u < end; ++u)
                forBlocksOf(u, [&](std::size_t blockIndex) { total += bBlocksOf(blockIndex); });
            std::size_t done = 0;
            RowMatrixXf rowsA;
            RowMatrixXf rowsB;
            RowMatrixXf cosines;
            TopLists* reverse = reverseLists.empty() ? nullptr : &reverseLists[worker];
            for (std::size_t u = begin; u < end; ++u) {
                forBlocksOf(u, [&](std::size_t blockIndex) {
                    const std::size_t a0 = blockIndex * block;
                    const std::size_t an = std::min(block, a.size() - a0);
                    rowsA.resize(static_cast<Eigen::Index>(an), d);
                    for (std::size_t i = 0; i < an; ++i)
                        rowsA.row(static_cast<Eigen::Index>(i)) = x.row(a[a0 + i]);
                    // Within: b from this block on (the diagonal block's products go to its
                    // own rows' lists only; those of rows before it came from earlier blocks).
                    const std::size_t first = within ? a0 : 0;
                    for (std::size_t b0 = first; b0 < b.size(); b0 += kMemberBlock) {
                        // Every block of b is a cancellation point: one block of a may be the
                        // whole search.
                        report.report(static_cast<double>(done++) /
                                          static_cast<double>(std::max<std::size_t>(total, 1)),
                                      "neighbours");
                        const std::size_t bn = std::min(kMemberBlock, b.size() - b0);
                        rowsB.resize(static_cast<Eigen::Index>(bn), d);
                        for (std::size_t j = 0; j < bn; ++j)
                            rowsB.row(static_cast<Eigen::Index>(j)) = x.row(b[b0 + j]);
                        cosines.resize(static_cast<Eigen::Index>(an),
                                       static_cast<Eigen::Index>(bn));
                        cosines.noalias() = rowsA * rowsB.transpose();
                        // Within, the products of this block of a with itself (all in the
                        // first block of b: a block of a is the smaller) go one way only.
                        static_assert(kQueryBlock <= kMemberBlock);
                        const std::size_t reverseFrom = within && b0 == a0 ? an : 0;
                        for (std::size_t i = 0; i < an; ++i) {
                            const std::uint32_t self = a[a0 + i];
                            const float* row = cosines.row(static_cast<Eigen::Index>(i)).data();
                            for (std::size_t j = 0; j < bn; ++j) {
                                const float c = row[j];
                                if (b[b0 + j] == self)
                                    continue;
                                if (toB.mayEnter(a0 + i, c))
                                    toB.offer(a0 + i, {c, static_cast<std::uint32_t>(b0 + j)});
                                if (reverse != nullptr && j >= reverseFrom &&
                                    reverse->mayEnter(b0 + j, c))
                                    reverse->offer(b0 + j, {c, static_cast<std::uint32_t>(a0 + i)});
                            }
                        }
                    }
                });
            }
        },
        1, workers);
    return reverseLists;
}

// Merges the workers' lists into the first, in parallel over rows.
void mergeWorkers(std::vector<TopLists>& lists, std::size_t rows, TopLists& into) {
    parallelFor(rows, [&](std::size_t begin, std::size_t end, std::size_t) {
        for (std::size_t row = begin; row < end; ++row)
            for (const TopLists& other : lists)
                if (&other != &into)
                    into.merge(row, other);
    });
}

} // namespace

std::vector<std::vector<Neighbour>> exactNeighbours(const RowMatrixXf& x,
                                                    std::span<const std::uint32_t> members,
                                                    std::span<const std::uint32_t> queries,
                                                    std::size_t k, const Progress& progress) {
    if (k == 0 || members.empty() || queries.empty())
        return std::vector<std::vector<Neighbour>>(queries.size());
    TopLists found(queries.size(), std::min(k, members.size()));
    productPass(x, queries, members, false, found, 0, progress);
    return found.neighbours(members);
}

std::vector<std::vector<Neighbour>> exactNeighboursWithin(const RowMatrixXf& x,
                                                          std::span<const std::uint32_t> members,
                                                          std::size_t k, const Progress& progress) {
    if (k == 0 || members.size() < 2)
        return std::vector<std::vector<Neighbour>>(members.size());
    k = std::min(k, members.size() - 1);
    TopLists found(members.size(), k);
    std::vector<TopLists> reverse = productPass(x, members, members, true, found, k, progress);
    mergeWorkers(reverse, members.size(), found);
    return found.neighbours(members);
}

std::pair<std::vector<std::vector<Neighbour>>, std::vector<std::vector<Neighbour>>>
exactNeighboursBetween(const RowMatrixXf& x, std::span<const std::uint32_t> a,
                       std::span<const std::uint32_t> b, std::size_t kOfA, std::size_t kOfB,
                       const Progress& progress) {
    if (a.empty() || b.empty() || (kOfA == 0 && kOfB == 0))
        return {std::vector<std::vector<Neighbour>>(a.size()),
                std::vector<std::vector<Neighbour>>(b.size())};
    TopLists ofA(a.size(), std::min(kOfA, b.size()));
    std::vector<TopLists> ofB =
        productPass(x, a, b, false, ofA, std::min(kOfB, a.size()), progress);
    if (ofB.empty())
        return {ofA.neighbours(b), std::vector<std::vector<Neighbour>>(b.size())};
    mergeWorkers(ofB, b.size(), ofB.front());
    return {ofA.neighbours(b), ofB.front().neighbours(a)};
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

std::vector<std::vector<Neighbour>> NeighbourIndex::searchWithin(std::size_t k,
                                                                 const Progress& progress) {
    if (searchesExactly(m_members.size()))
        return exactNeighboursWithin(m_x, m_members, k, progress);
    return search(m_members, k, progress);
}

std::pair<std::vector<std::vector<Neighbour>>, std::vector<std::vector<Neighbour>>>
searchBetween(NeighbourIndex& a, NeighbourIndex& b, std::size_t kOfA, std::size_t kOfB,
              const Progress& progress) {
    if (&a.m_x != &b.m_x)
        throw std::invalid_argument("searchBetween: the two indices are over different matrices");
    if (a.searchesExactly(b.size()) && b.searchesExactly(a.size()))
        return exactNeighboursBetween(a.m_x, a.m_members, b.m_members, kOfA, kOfB, progress);
    auto ofA = b.search(a.m_members, kOfA, progress.sub(0.0, 0.5));
    auto ofB = a.search(b.m_members, kOfB, progress.sub(0.5, 1.0));
    return {std::move(ofA), std::move(ofB)};
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
