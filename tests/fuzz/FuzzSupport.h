#pragma once
// Shared by the libFuzzer harnesses (tests/fuzz, SYNTHSCOPE_FUZZ=ON; see run.sh).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

/// An invariant of the code under test; on failure it prints where and aborts, which libFuzzer
/// reports as a crash and saves the input as an artifact.
#define FUZZ_CHECK(condition)                                                                      \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #condition); \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

namespace synthscope::fuzz {

/// The fuzzer's bytes as text (any bytes, not necessarily UTF-8).
inline std::string_view asText(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

} // namespace synthscope::fuzz
