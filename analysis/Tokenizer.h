#pragma once

#include "analysis/Progress.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace synthscope::analysis {

/// Decodes one UTF-8 code point at text[pos]. Returns the code point and advances pos;
/// an invalid or truncated sequence yields U+FFFD and advances one byte.
char32_t decodeUtf8(std::string_view text, std::size_t& pos);

/// True when text is well-formed UTF-8 (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF).
/// On failure, *badOffset (if given) receives the byte offset of the first bad sequence.
bool isValidUtf8(std::string_view text, std::size_t* badOffset = nullptr);

/// Number of Unicode code points in well-formed UTF-8 text (the "characters" unit).
std::size_t codePointCount(std::string_view text);

/// Whether text at byte pos starts with prefix, ASCII letters of text compared case-folded
/// (prefix must be lowercase ASCII: "http://", "www."). pos ≤ text.size().
bool startsWithNoCase(std::string_view text, std::size_t pos, std::string_view prefix);

/// Splits text into word tokens, the unit of every token-based metric in Synthscope.
///
/// Rule (documented so results can be reproduced elsewhere):
/// - a token is a maximal run of word characters: ASCII letters and digits, '_', and every
///   non-ASCII code point that is not whitespace, punctuation or a symbol/emoji block
///   (U+00A0–U+00BF, U+2000–U+2BFF, U+3000–U+303F, U+FE30–U+FE4F, U+FF00–U+FF0F,
///   U+1F000–U+1FAFF are separators);
/// - an apostrophe (' or U+2019) between two word characters stays inside the token and is
///   written as ' ("don't");
/// - '@' and '#' directly before a word character start the token ("@amazonhelp", "#fail");
/// - a URL (starting "http://", "https://" or "www.", case-insensitive, at a token boundary)
///   up to the next whitespace is one token, written "<url>";
/// - ASCII letters are lower-cased; other letters are kept as they are.
/// Everything else separates tokens and is dropped.
std::vector<std::string> tokenize(std::string_view text);

/// Interns token strings as dense 32-bit ids (0, 1, 2, … in first-seen order).
class Vocabulary {
public:
    std::uint32_t intern(std::string_view word);
    /// The id of word, or UINT32_MAX when it was never interned.
    [[nodiscard]] std::uint32_t find(std::string_view word) const;
    [[nodiscard]] const std::string& word(std::uint32_t id) const { return m_words[id]; }
    [[nodiscard]] std::size_t size() const { return m_words.size(); }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> m_ids;
    std::vector<std::string> m_words;
};

/// Folds text for exact-duplicate detection: ASCII lower case; curly quotes to straight;
/// NBSP, the U+2000–U+200A spaces, U+202F and U+3000 to a space; zero-width characters
/// (U+200B–U+200D, U+2060, U+FEFF) removed; fullwidth ASCII (U+FF01–U+FF5E) to ASCII;
/// runs of whitespace collapsed to one space; leading/trailing whitespace trimmed.
/// A subset of Unicode NFKC plus case folding, enough for the duplicates seen in corpora.
std::string normalizeForDuplicate(std::string_view text);

/// 64-bit FNV-1a hash (Fowler–Noll–Vo) of bytes. Deterministic across platforms.
std::uint64_t fnv1a64(std::string_view bytes);

/// A corpus in compact form: token ids of document i are tokenIds[offsets[i] .. offsets[i+1]).
/// lengthChars[i] is document i's length in code points and hashes[i] the FNV-1a hash of its
/// normalizeForDuplicate() text.
struct TokenizedCorpus {
    std::vector<std::uint32_t> tokenIds;
    std::vector<std::size_t> offsets{0};
    std::vector<std::uint32_t> lengthChars;
    std::vector<std::uint64_t> hashes;

    [[nodiscard]] std::size_t size() const { return offsets.size() - 1; }
    [[nodiscard]] std::span<const std::uint32_t> doc(std::size_t i) const {
        return {tokenIds.data() + offsets[i], offsets[i + 1] - offsets[i]};
    }
    /// Appends every document of other (ids must come from the same Vocabulary).
    void append(const TokenizedCorpus& other);
};

/// Tokenizes every text with tokenize(), interning tokens in vocabulary.
/// Progress: reported every 4096 documents; throws Cancelled when asked to stop.
TokenizedCorpus tokenizeCorpus(std::span<const std::string> texts, Vocabulary& vocabulary,
                               const Progress& progress = {});

} // namespace synthscope::analysis
