#include "analysis/Skeleton.h"

#include "analysis/Tokenizer.h"

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
bool isAsciiUpper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool isAsciiLetterOrDigit(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'z') || isAsciiUpper(c) || c == '_';
}
bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}
bool isWordByte(char c) {
    return isAsciiLetterOrDigit(c) || static_cast<unsigned char>(c) >= 0x80;
}

// End of a URL or e-mail: the next whitespace, less trailing sentence punctuation.
std::size_t runUntilSpace(std::string_view text, std::size_t pos) {
    std::size_t end = pos;
    while (end < text.size() && !isSpace(text[end]) && text[end] != '\n')
        ++end;
    while (end > pos + 1 &&
           std::string_view(".,;:!?)'\"").find(text[end - 1]) != std::string_view::npos)
        --end;
    return end;
}

// Non-ASCII punctuation/symbols are separators and shown as "·" (one token per code point).
bool nonAsciiWordCodePoint(std::string_view text, std::size_t pos, std::size_t* next) {
    std::size_t p = pos;
    const char32_t c = decodeUtf8(text, p);
    *next = p;
    return !((c >= 0x00A0 && c <= 0x00BF) || (c >= 0x2000 && c <= 0x2BFF) ||
             (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE30 && c <= 0xFE4F) ||
             (c >= 0xFF00 && c <= 0xFF0F) || (c >= 0x1F000 && c <= 0x1FAFF) || c == 0xFEFF ||
             c == 0xFFFD);
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

bool isPlaceholder(std::string_view token) {
    return token == "<W>" || token == "<NAME>" || token == "<NUM>" || token == "<URL>" ||
           token == "<@>";
}

std::vector<std::string> skeletonTokens(std::string_view text, const FunctionWords& words) {
    std::vector<std::string> out;
    bool lineStart = true;
    bool sentenceStart = true;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char c = text[pos];
        if (c == '\n') {
            if (out.empty() || out.back() != "\n")
                out.emplace_back("\n");
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
                while (pos < text.size() && text[pos] == '#')
                    ++pos;
                out.emplace_back("<H>");
                continue;
            }
            if ((c == '-' || c == '*') && pos + 1 < text.size() && isSpace(text[pos + 1])) {
                out.emplace_back("<LI>");
                pos += 2;
                continue;
            }
            if (startsWithNoCase(text, pos, "\xE2\x80\xA2")) { // •
                out.emplace_back("<LI>");
                pos += 3;
                continue;
            }
            if (isDigit(c)) {
                std::size_t end = pos;
                while (end < text.size() && isDigit(text[end]))
                    ++end;
                if (end < text.size() && (text[end] == '.' || text[end] == ')') &&
                    (end + 1 >= text.size() || isSpace(text[end + 1]))) {
                    out.emplace_back("<LI>");
                    pos = end + 1;
                    continue;
                }
            }
        }
        // URLs, e-mails and handles.
        if (startsWithNoCase(text, pos, "http://") || startsWithNoCase(text, pos, "https://") ||
            startsWithNoCase(text, pos, "www.")) {
            out.emplace_back("<URL>");
            pos = runUntilSpace(text, pos);
            sentenceStart = false;
            continue;
        }
        if (c == '@' && pos + 1 < text.size() && isWordByte(text[pos + 1])) {
            out.emplace_back("<@>");
            ++pos;
            while (pos < text.size() && isWordByte(text[pos]))
                ++pos;
            sentenceStart = false;
            continue;
        }
        if (isDigit(c)) {
            while (
                pos < text.size() &&
                (isDigit(text[pos]) || ((text[pos] == '.' || text[pos] == ',' || text[pos] == ':' ||
                                         text[pos] == '/' || text[pos] == '-') &&
                                        pos + 1 < text.size() && isDigit(text[pos + 1]))))
                ++pos;
            // A number glued to letters ("2nd", "4k") stays one masked token.
            while (pos < text.size() && isAsciiLetterOrDigit(text[pos]))
                ++pos;
            out.emplace_back("<NUM>");
            sentenceStart = false;
            continue;
        }
        std::size_t next = pos + 1;
        const bool wordStart = isAsciiLetterOrDigit(c) || (static_cast<unsigned char>(c) >= 0x80 &&
                                                           nonAsciiWordCodePoint(text, pos, &next));
        if (wordStart) {
            const std::size_t start = pos;
            std::string lower;
            while (pos < text.size()) {
                const char d = text[pos];
                if (isAsciiLetterOrDigit(d)) {
                    lower.push_back(isAsciiUpper(d) ? static_cast<char>(d - 'A' + 'a') : d);
                    ++pos;
                } else if (static_cast<unsigned char>(d) >= 0x80) {
                    std::size_t after = pos;
                    if (!nonAsciiWordCodePoint(text, pos, &after))
                        break;
                    lower.append(text.substr(pos, after - pos));
                    pos = after;
                } else if ((d == '\'' || startsWithNoCase(text, pos, "\xE2\x80\x99")) &&
                           !lower.empty()) {
                    const std::size_t len = d == '\'' ? 1 : 3;
                    if (pos + len < text.size() && isWordByte(text[pos + len])) {
                        lower.push_back('\'');
                        pos += len;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            // An e-mail address: word@word.
            if (pos < text.size() && text[pos] == '@' && pos + 1 < text.size() &&
                isWordByte(text[pos + 1])) {
                pos = runUntilSpace(text, pos);
                out.emplace_back("<URL>");
            } else if (words.contains(lower)) {
                out.push_back(lower);
            } else if (isAsciiUpper(text[start]) && !sentenceStart) {
                out.emplace_back("<NAME>");
            } else {
                out.emplace_back("<W>");
            }
            sentenceStart = false;
            continue;
        }
        // Punctuation and symbols: one token per code point.
        std::size_t after = pos;
        decodeUtf8(text, after);
        out.emplace_back(text.substr(pos, after - pos));
        if (c == '.' || c == '!' || c == '?' || c == ':')
            sentenceStart = true;
        pos = after;
    }
    while (!out.empty() && out.back() == "\n")
        out.pop_back();
    return out;
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

} // namespace synthscope::analysis
