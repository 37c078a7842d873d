#include "analysis/Skeleton.h"

#include "analysis/Tokenizer.h"

#include <unicode/uchar.h>

#include <algorithm>

namespace synthscope::analysis {

namespace {

// English function words. Closed classes only: no content verbs, nouns or adjectives.
constexpr std::string_view kEnglish[] = {
    // articles and determiners
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "each",
    "every",
    "either",
    "neither",
    "some",
    "any",
    "no",
    "all",
    "both",
    "few",
    "many",
    "much",
    "more",
    "most",
    "several",
    "such",
    "other",
    "another",
    "own",
    "same",
    // pronouns
    "i",
    "me",
    "my",
    "mine",
    "myself",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "it",
    "its",
    "itself",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
    "who",
    "whom",
    "whose",
    "which",
    "what",
    "whatever",
    "whoever",
    "one",
    "ones",
    "someone",
    "anyone",
    "everyone",
    "something",
    "anything",
    "everything",
    "nothing",
    // prepositions
    "about",
    "above",
    "across",
    "after",
    "against",
    "along",
    "among",
    "around",
    "as",
    "at",
    "before",
    "behind",
    "below",
    "beneath",
    "beside",
    "between",
    "beyond",
    "by",
    "despite",
    "down",
    "during",
    "except",
    "for",
    "from",
    "in",
    "inside",
    "into",
    "like",
    "near",
    "of",
    "off",
    "on",
    "onto",
    "out",
    "outside",
    "over",
    "past",
    "since",
    "through",
    "throughout",
    "to",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "via",
    "with",
    "within",
    "without",
    // conjunctions
    "and",
    "but",
    "or",
    "nor",
    "so",
    "yet",
    "if",
    "because",
    "although",
    "though",
    "while",
    "whereas",
    "unless",
    "whether",
    "than",
    "then",
    "once",
    "when",
    "where",
    "why",
    "how",
    // auxiliaries and modals (and their contractions as tokenize() writes them)
    "am",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "do",
    "does",
    "did",
    "done",
    "have",
    "has",
    "had",
    "having",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "i'm",
    "i've",
    "i'll",
    "i'd",
    "you're",
    "you've",
    "you'll",
    "you'd",
    "it's",
    "we're",
    "we've",
    "we'll",
    "they're",
    "that's",
    "there's",
    "here's",
    "let's",
    "don't",
    "doesn't",
    "didn't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "can't",
    "couldn't",
    "won't",
    "wouldn't",
    "shouldn't",
    "haven't",
    "hasn't",
    // negation, particles, discourse adverbs
    "not",
    "there",
    "here",
    "also",
    "just",
    "only",
    "very",
    "too",
    "again",
    "still",
    "already",
    "even",
    "now",
    "please",
    "yes",
    "well",
    "however",
    "therefore",
    "instead",
    "otherwise",
};

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

// Whether the word starting at text[pos] begins with an upper-case or title-case letter.
bool startsCapitalised(std::string_view text, std::size_t pos) {
    const char32_t c = decodeUtf8(text, pos);
    return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}

// Sentence-ending punctuation, ASCII and CJK (。！？).
bool endsSentence(char32_t c) {
    return c == '.' || c == '!' || c == '?' || c == ':' || c == 0x3002 || c == 0xFF01 ||
           c == 0xFF1F;
}

} // namespace

const FunctionWords& FunctionWords::english() {
    static const FunctionWords words = fromList(kEnglish);
    return words;
}

FunctionWords FunctionWords::fromList(std::span<const std::string_view> list) {
    FunctionWords w;
    for (std::string_view s : list)
        w.m_words.emplace(s);
    return w;
}

bool FunctionWords::contains(std::string_view lowerWord) const {
    return m_words.contains(std::string(lowerWord));
}

namespace {

// A kept word: not a placeholder or markup, and starting with a letter or digit.
bool isKeptWord(std::string_view t) {
    if (t.empty() || t[0] == '<') // placeholders and markup
        return false;
    std::size_t pos = 0;
    return u_isalnum(static_cast<UChar32>(decodeUtf8(t, pos))) != 0;
}

} // namespace

bool isShortReply(std::span<const std::string> tokens) {
    if (tokens.size() < kShortReplyTokens)
        return true;
    return std::none_of(tokens.begin(), tokens.end(),
                        [](const std::string& t) { return isKeptWord(t); });
}

bool isShortReply(std::string_view skeletonString) {
    std::vector<std::string> tokens;
    std::size_t start = 0;
    while (start < skeletonString.size()) {
        const std::size_t end = std::min(skeletonString.find(' ', start), skeletonString.size());
        if (end > start)
            tokens.emplace_back(skeletonString.substr(start, end - start));
        start = end + 1;
    }
    return isShortReply(std::span<const std::string>(tokens));
}

bool isPlaceholder(std::string_view token) {
    return token == "<W>" || token == "<NAME>" || token == "<NUM>" || token == "<URL>" ||
           token == "<@>";
}

SkeletonSpans skeletonSpans(std::string_view text, const FunctionWords& words) {
    SkeletonSpans spans;
    auto& out = spans.tokens;
    const auto push = [&](std::string_view token, std::size_t from, std::size_t to) {
        out.emplace_back(token);
        spans.begin.push_back(from);
        spans.end.push_back(to);
    };
    WordTokens tokens(text);
    bool haveToken = tokens.next();
    bool lineStart = true;
    bool sentenceStart = true;
    std::size_t pos = 0;
    while (pos < text.size()) {
        // Skip what a number or a URL already covered.
        while (haveToken && tokens.end() <= pos)
            haveToken = tokens.next();
        // A hashtag whose '#' the heading markup of its line already took ("##Title").
        const bool hashTaken =
            haveToken && tokens.kind() == TokenKind::Hashtag && tokens.begin() + 1 == pos;
        if (haveToken && (tokens.begin() == pos || hashTaken)) {
            const TokenKind kind = tokens.kind();
            std::size_t end = tokens.end();
            if (lineStart && kind == TokenKind::Number && end < text.size() &&
                (text[end] == '.' || text[end] == ')') &&
                (end + 1 >= text.size() || isSpace(text[end + 1]) || text[end + 1] == '\n')) {
                push("<LI>", pos, end + 1); // "1." or "2)" opening a line
                pos = end + 1;
                lineStart = false;
                continue;
            }
            std::size_t wordStart = pos;
            std::string_view folded = tokens.folded();
            if (kind == TokenKind::Hashtag) { // "#tag": a heading mark at a line start
                if (!hashTaken) {
                    push(lineStart ? "<H>" : "#", pos, pos + 1);
                    ++wordStart;
                }
                folded.remove_prefix(1);
            }
            lineStart = false;
            if (kind == TokenKind::Url || kind == TokenKind::Email) {
                push("<URL>", wordStart, end);
            } else if (kind == TokenKind::Handle) {
                push("<@>", wordStart, end);
            } else if (isDigit(text[wordStart])) {
                // Dates, times and phone numbers ("12:30", "555-1234") are one number, and a
                // number glued to letters ("2nd") is masked too.
                while (true) {
                    haveToken = tokens.next();
                    if (!haveToken || tokens.begin() != end + 1 ||
                        std::string_view(":/-").find(text[end]) == std::string_view::npos ||
                        !isDigit(text[tokens.begin()]))
                        break;
                    end = tokens.end();
                }
                push("<NUM>", wordStart, end);
                pos = end;
                sentenceStart = false;
                continue;
            } else if (words.contains(folded)) {
                push(folded, wordStart, end);
            } else if (!sentenceStart && startsCapitalised(text, wordStart)) {
                push("<NAME>", wordStart, end);
            } else {
                push("<W>", wordStart, end);
            }
            pos = end;
            sentenceStart = false;
            haveToken = tokens.next();
            continue;
        }
        const char c = text[pos];
        if (c == '\n') {
            if (out.empty() || out.back() != "\n")
                push("\n", pos, pos + 1);
            lineStart = sentenceStart = true;
            ++pos;
            continue;
        }
        if (isSpace(c)) {
            ++pos;
            continue;
        }
        if (lineStart) {
            lineStart = false;
            // Heading and list markup at the start of a line.
            if (c == '#') {
                const std::size_t from = pos;
                while (pos < text.size() && text[pos] == '#')
                    ++pos;
                push("<H>", from, pos);
                continue;
            }
            if ((c == '-' || c == '*') && pos + 1 < text.size() && isSpace(text[pos + 1])) {
                push("<LI>", pos, pos + 1);
                pos += 2;
                continue;
            }
            if (startsWithNoCase(text, pos, "\xE2\x80\xA2")) { // •
                push("<LI>", pos, pos + 3);
                pos += 3;
                continue;
            }
        }
        // Punctuation, symbols and emoji: one token per code point.
        std::size_t after = pos;
        const char32_t code = decodeUtf8(text, after);
        push(text.substr(pos, after - pos), pos, after);
        if (endsSentence(code))
            sentenceStart = true;
        pos = after;
    }
    while (!out.empty() && out.back() == "\n") {
        out.pop_back();
        spans.begin.pop_back();
        spans.end.pop_back();
    }
    return spans;
}

std::vector<std::string> skeletonTokens(std::string_view text, const FunctionWords& words) {
    return skeletonSpans(text, words).tokens;
}

std::string skeletonString(std::span<const std::string> tokens) {
    std::string s;
    for (const std::string& t : tokens) {
        if (!s.empty())
            s.push_back(' ');
        s += t == "\n" ? "\xE2\x8F\x8E" : t; // ⏎
    }
    return s;
}

void SkeletonCorpus::append(std::span<const std::string> tokens) {
    for (const std::string& t : tokens) {
        const std::uint32_t id = m_tokens.intern(t);
        if (id == m_hash.size()) { // a new token
            m_hash.push_back(fnv1a64(t));
            m_placeholder.push_back(isPlaceholder(t) ? 1 : 0);
            m_keptWord.push_back(isKeptWord(t) ? 1 : 0);
        }
        m_ids.push_back(id);
    }
    m_offsets.push_back(m_ids.size());
}

bool SkeletonCorpus::shortReply(std::span<const std::uint32_t> ids) const {
    if (ids.size() < kShortReplyTokens)
        return true;
    return std::none_of(ids.begin(), ids.end(),
                        [this](std::uint32_t id) { return m_keptWord[id] != 0; });
}

std::vector<std::string> SkeletonCorpus::texts(std::span<const std::uint32_t> ids) const {
    std::vector<std::string> out;
    out.reserve(ids.size());
    for (const std::uint32_t id : ids)
        out.push_back(m_tokens.word(id));
    return out;
}

} // namespace synthscope::analysis
