#pragma once

#include "analysis/Parallel.h"
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

/// What a word token is (see WordTokens).
enum class TokenKind : std::uint8_t {
    Word,        ///< letters (with digits, '_', inner apostrophes and dots: "don't", "e.g")
    Number,      ///< starts with a digit: "3.14", "1,000", "2nd" ("mp3" is a Word)
    Ideographic, ///< Han, Hiragana or Katakana word found by ICU's dictionary ("東京", "です")
    Url,         ///< "http://", "https://" or "www." up to the next ASCII whitespace → "<url>"
    Email,       ///< local@domain.tld → "<email>"
    Handle,      ///< '@' + word ("@amazonhelp")
    Hashtag,     ///< '#' + word or number ("#fail", "#1")
};

/// The word tokens of one text, in order: the unit of every token-based metric in Synthscope
/// (distinct-n, Jensen–Shannon divergence of unigrams, log-odds, TF-IDF, the language model,
/// MinHash shingles) and the words of a skeleton.
///
/// Rule (documented so results can be reproduced elsewhere):
/// - word boundaries are Unicode Standard Annex #29 word boundaries as ICU's word
///   BreakIterator (root locale) finds them, with ICU's dictionaries for scripts written without
///   spaces (Chinese, Japanese, Thai, Lao, Khmer, Burmese). A segment is a token when ICU's rule
///   status marks it a letter, number, kana or ideographic word; spaces, punctuation, emoji and
///   other symbols separate words and are dropped (counting emoji as words made real tweets of
///   a few emoji "duplicates" of each other and broke the length-matched baselines of the
///   collapse series; they still count in lengths in characters);
/// - a token is folded with Unicode NFKC_Casefold (full case folding plus compatibility
///   normalisation: "Straße" → "strasse", "ΣΊΣΥΦΟΣ" → "σίσυφοσ", fullwidth "ＡＢＣ" → "abc",
///   "ﬁ" → "fi", a decomposed é → é) and U+2019 in a word is written ' ("don't"). Folding is
///   language-independent: Turkish "İ" becomes "i̇" (i + U+0307), not "i";
/// - a URL ("http://", "https://" or "www.", case-insensitive, at a word start) up to the next
///   whitespace or non-ASCII punctuation, less trailing sentence punctuation (. , ; : ! ? ) ' "),
///   is one token "<url>"; an e-mail address (ASCII local part of letters, digits and . _ % + -,
///   '@', a domain with an inner dot) is "<email>";
/// - '@' before a word starts a handle ("hi@AmazonHelp" → "hi", "@amazonhelp"); '#' directly
///   before a word or number and not right after one starts a hashtag ("#fail", "#1"; "C#7"
///   is "c", "7"); a lone '@' or '#' is dropped.
/// Text that is not well-formed UTF-8 is read with each ill-formed sequence as U+FFFD (a
/// separator). Texts must be shorter than 2 GiB (ICU's 32-bit offsets).
/// Offsets are byte offsets into the text given. Not thread-safe per object; each thread may
/// use its own objects (the ICU break iterator is cached per thread).
class WordTokens {
public:
    explicit WordTokens(std::string_view text);
    ~WordTokens();
    WordTokens(const WordTokens&) = delete;
    WordTokens& operator=(const WordTokens&) = delete;

    /// Moves to the next token; false when there is none (the accessors are then invalid).
    bool next();
    /// The folded token ("<url>" and "<email>" for those kinds); valid until the next next().
    [[nodiscard]] std::string_view folded() const { return m_folded; }
    [[nodiscard]] TokenKind kind() const { return m_kind; }
    /// Byte range of the token in the text (a URL's range ends at the whitespace).
    [[nodiscard]] std::size_t begin() const { return m_begin; }
    [[nodiscard]] std::size_t end() const { return m_end; }

private:
    struct Segments;
    bool nextSegment(std::size_t& begin, std::size_t& end, int& status);
    bool emitSplitAtSigns(std::size_t begin, std::size_t end);
    void skipTo(std::size_t end);

    std::string_view m_text;
    Segments* m_segments = nullptr;
    std::string m_folded;
    TokenKind m_kind = TokenKind::Word;
    std::size_t m_begin = 0;
    std::size_t m_end = 0;
    // The rest of a word segment split at '@' ("hi@x" → "hi" now, "@x" next).
    std::size_t m_pendingBegin = 0;
    std::size_t m_pendingEnd = 0;
    // End of the last lone '#' segment: a word starting there is a hashtag.
    std::size_t m_hashEnd = static_cast<std::size_t>(-1);
    // End of the last word segment: a '#' right after a word ("C#") starts no hashtag.
    std::size_t m_lastWordEnd = static_cast<std::size_t>(-1);
};

/// The folded tokens of text (WordTokens::folded() of every token, in order).
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

/// Folds text for exact-duplicate detection: Unicode NFKC_Casefold (UAX #15 and the Unicode
/// Character Database's NFKC_Casefold mapping: full case folding, compatibility forms such as
/// fullwidth letters and NBSP, default-ignorable characters such as zero-width spaces removed),
/// then curly quotes (U+2018/U+2019, U+201C/U+201D) written straight, every run of Unicode
/// whitespace (White_Space) collapsed to one space and leading/trailing whitespace trimmed.
/// Idempotent. Bad UTF-8 bytes become U+FFFD first.
std::string normalizeForDuplicate(std::string_view text);

/// 64-bit FNV-1a hash (Fowler–Noll–Vo) of bytes. Deterministic across platforms.
std::uint64_t fnv1a64(std::string_view bytes);

/// SplitMix64's output function (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number
/// generators"): a bijective 64-bit mix of x + the golden-ratio increment. Spreads small
/// integers such as token ids over 64 bits before they are combined into n-gram hashes.
constexpr std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

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

/// Tokenizes every text with WordTokens, interning tokens in vocabulary. Works in batches of
/// 8,192 documents, each cut into at most `workers` slices of at least 512 documents (fewer than
/// 1,024: the calling thread alone), a thread a slice, each slice interned after the slices before
/// it: the ids are those of one pass in document order, whatever the number of workers (≥ 1;
/// 0 counts as 1). Progress is reported, and cancellation checked, on the calling thread at each
/// batch's start; throws Cancelled when asked to stop.
TokenizedCorpus tokenizeCorpus(std::span<const std::string> texts, Vocabulary& vocabulary,
                               const Progress& progress = {}, std::size_t workers = workerCount());

} // namespace synthscope::analysis
