#pragma once

#include "analysis/Progress.h"
#include "analysis/Tokenizer.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace synthscope::analysis {

/// A closed list of function words: the words a skeleton keeps as they are.
class FunctionWords {
public:
    /// English: articles, pronouns, prepositions, conjunctions, auxiliary and modal verbs,
    /// negation, common determiners, quantifiers and discourse adverbs (about 190 words,
    /// lower case; listed in Skeleton.cpp). Add a language with fromList().
    static const FunctionWords& english();
    /// A list of lower-case words (other languages, or a custom rule).
    static FunctionWords fromList(std::span<const std::string_view> words);
    [[nodiscard]] bool contains(std::string_view lowerWord) const;
    [[nodiscard]] std::size_t size() const { return m_words.size(); }

private:
    std::unordered_set<std::string> m_words;
};

/// The "template skeleton" of a text: what carries structure is kept, what carries content is
/// masked, so texts that are "the same thought rewritten" share a skeleton (chapter 17.2).
///
/// Rule (deterministic; the same text always gives the same skeleton):
/// - words are the tokens of WordTokens (ICU word boundaries, the one tokenizer of every
///   analysis); a function word (FunctionWords, compared folded) is kept, folded;
/// - a number → <NUM> (numbers joined by ':', '/' or '-' and numbers glued to letters, "12:30",
///   "555-1234", "2nd", are one); a URL or e-mail → <URL>; an @handle → <@>;
/// - a word starting with an upper- or title-case letter (any script) that is not the first word
///   of a sentence (after . ! ? : 。！？ or a line start) → <NAME>; every other word → <W>;
/// - punctuation, symbols and emoji are kept, one token per code point; a line break is "\n"
///   (runs of blank lines count once);
/// - at a line start, list markup ("-", "*", "•", "1.", "1)") → <LI>, heading markup ("#"…) → <H>.
std::vector<std::string> skeletonTokens(std::string_view text,
                                        const FunctionWords& words = FunctionWords::english());

/// skeletonTokens() with where each token comes from: tokens[i] stands for the UTF-8 bytes
/// [begin[i], end[i]) of the text (a word or number as written, a line break its '\n', list or
/// heading markup its marker, a numbered item "1." its number and dot). Spans are in order and
/// do not overlap; what lies between them (spaces, the URL a placeholder hides is inside its
/// span) is not part of any token. The three vectors have one entry per token.
struct SkeletonSpans {
    std::vector<std::string> tokens;
    std::vector<std::size_t> begin;
    std::vector<std::size_t> end;
};
SkeletonSpans skeletonSpans(std::string_view text,
                            const FunctionWords& words = FunctionWords::english());

/// skeletonTokens() joined by single spaces (line breaks shown as "⏎").
std::string skeletonString(std::span<const std::string> tokens);

/// Skeletons shorter than this are short replies (no template 6-gram fits in them).
inline constexpr std::size_t kShortReplyTokens = 6;

/// Whether a skeleton is a "short reply": fewer than kShortReplyTokens tokens, or no token but
/// placeholders, markup, punctuation and line breaks ("<@> <URL>", "<@> yes", "<W> <W> !").
/// Such skeletons coincide by chance (a one-word answer, a handle and a link), not because a
/// mould made them, so the Skeletons view lists them apart. tokens: skeletonTokens(), or the
/// words of skeletonString() (with "⏎" for a line break).
bool isShortReply(std::span<const std::string> tokens);
/// isShortReply of a skeleton written as skeletonString() writes it (tokens between spaces).
bool isShortReply(std::string_view skeletonString);

/// True for the masking placeholders (<W>, <NAME>, <NUM>, <URL>, <@>), false for kept tokens.
bool isPlaceholder(std::string_view token);

/// The skeletons of many documents with each distinct token stored once: document i is a span
/// of 4-byte token ids, where a std::string per token costs 32 bytes or more (skeletons have a
/// few thousand distinct tokens, so at a million samples this is the difference between
/// gigabytes and hundreds of megabytes). Each id keeps its token's text, its FNV-1a 64 hash
/// (fnv1a64() of the text, so hashes built from it equal those built from the strings),
/// whether it is a placeholder and whether it is a kept word (for shortReply()).
class SkeletonCorpus {
public:
    /// Appends one document's skeleton (skeletonTokens()).
    void append(std::span<const std::string> tokens);
    /// Documents appended.
    [[nodiscard]] std::size_t size() const { return m_offsets.size() - 1; }
    /// Token ids of document i (i < size()).
    [[nodiscard]] std::span<const std::uint32_t> doc(std::size_t i) const {
        return {m_ids.data() + m_offsets[i], m_offsets[i + 1] - m_offsets[i]};
    }
    [[nodiscard]] const std::string& text(std::uint32_t id) const { return m_tokens.word(id); }
    [[nodiscard]] std::uint64_t hash(std::uint32_t id) const { return m_hash[id]; }
    [[nodiscard]] bool placeholder(std::uint32_t id) const { return m_placeholder[id] != 0; }
    /// The texts of ids, in order (for display: skeletonString()).
    [[nodiscard]] std::vector<std::string> texts(std::span<const std::uint32_t> ids) const;
    /// isShortReply() of the skeleton ids, without building its strings.
    [[nodiscard]] bool shortReply(std::span<const std::uint32_t> ids) const;

private:
    Vocabulary m_tokens; // distinct token texts, ids in first-seen order
    std::vector<std::uint64_t> m_hash;
    std::vector<std::uint8_t> m_placeholder;
    std::vector<std::uint8_t> m_keptWord; // a token that makes a skeleton more than a short reply
    std::vector<std::uint32_t> m_ids;
    std::vector<std::size_t> m_offsets{0};
};

} // namespace synthscope::analysis
