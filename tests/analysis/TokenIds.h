#pragma once

#include "analysis/Tokenizer.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace synthscope::analysis::testing {

/// Hand-written documents of words as token ids of one Vocabulary (ids in order of first
/// sight), for the analyses that take token-id documents as TokenizedCorpus holds them.
class TokenIds {
public:
    TokenIds() = default;
    TokenIds(const TokenIds&) = delete; // the document spans point into this object's storage
    TokenIds& operator=(const TokenIds&) = delete;
    TokenIds(TokenIds&&) = default; // moving keeps each document's buffer, so the spans hold
    TokenIds& operator=(TokenIds&&) = default;
    explicit TokenIds(const std::vector<std::vector<std::string>>& documents) {
        for (const auto& d : documents)
            add(d);
    }
    /// Appends a document; its ids stay valid as long as this object.
    void add(const std::vector<std::string>& words) {
        m_store.push_back(ids(words));
        m_docs.clear();
        for (const auto& s : m_store)
            m_docs.emplace_back(s);
    }
    /// The ids of words (interning new ones).
    std::vector<std::uint32_t> ids(const std::vector<std::string>& words) {
        std::vector<std::uint32_t> out;
        for (const auto& w : words)
            out.push_back(vocabulary.intern(w));
        return out;
    }
    std::uint32_t id(std::string_view word) { return vocabulary.intern(word); }
    /// Every document added, in order.
    [[nodiscard]] std::span<const std::span<const std::uint32_t>> docs() const { return m_docs; }

    Vocabulary vocabulary;

private:
    std::vector<std::vector<std::uint32_t>> m_store;
    std::vector<std::span<const std::uint32_t>> m_docs;
};

} // namespace synthscope::analysis::testing
