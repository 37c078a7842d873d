#include "analysis/Tokenizer.h"

#include <limits>

namespace synthscope::analysis {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool isSeparatorCodePoint(char32_t c) {
    return (c >= 0x00A0 && c <= 0x00BF) || (c >= 0x2000 && c <= 0x2BFF) ||
           (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFF0F) || (c >= 0x1F000 && c <= 0x1FAFF) || c == 0xFEFF ||
           c == kReplacement;
}

bool isWordCodePoint(char32_t c) {
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_';
    return !isSeparatorCodePoint(c);
}

bool isApostrophe(char32_t c) {
    return c == '\'' || c == 0x2019;
}

void appendUtf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

void appendLowered(std::string& out, char32_t c) {
    if (c >= 'A' && c <= 'Z')
        c = c - 'A' + 'a';
    appendUtf8(out, c);
}

bool isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Length of a URL starting at pos (0 when none starts there).
std::size_t urlLength(std::string_view text, std::size_t pos) {
    if (!startsWithNoCase(text, pos, "http://") && !startsWithNoCase(text, pos, "https://") &&
        !startsWithNoCase(text, pos, "www."))
        return 0;
    std::size_t end = pos;
    while (end < text.size() && !isAsciiSpace(text[end]))
        ++end;
    return end - pos;
}

// Calls emit(token) for every token of text, reusing one buffer.
template <typename Emit> void forEachToken(std::string_view text, Emit&& emit) {
    std::string token;
    std::size_t pos = 0;
    char32_t prev = 0;
    while (pos < text.size()) {
        if (token.empty() &&
            (text[pos] == 'h' || text[pos] == 'H' || text[pos] == 'w' || text[pos] == 'W') &&
            !isWordCodePoint(prev)) {
            if (const std::size_t n = urlLength(text, pos); n > 0) {
                emit(std::string_view("<url>"));
                pos += n;
                prev = ' ';
                continue;
            }
        }
        char32_t c = decodeUtf8(text, pos);
        if (isWordCodePoint(c)) {
            if (token.empty() && (prev == '@' || prev == '#'))
                token.push_back(static_cast<char>(prev));
            appendLowered(token, c);
        } else if (isApostrophe(c) && !token.empty() && pos < text.size()) {
            std::size_t look = pos;
            char32_t next = decodeUtf8(text, look);
            if (isWordCodePoint(next)) {
                token.push_back('\'');
            } else {
                emit(std::string_view(token));
                token.clear();
            }
        } else if (!token.empty()) {
            emit(std::string_view(token));
            token.clear();
        }
        prev = c;
    }
    if (!token.empty())
        emit(std::string_view(token));
}

} // namespace

char32_t decodeUtf8(std::string_view text, std::size_t& pos) {
    const auto b0 = static_cast<unsigned char>(text[pos]);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    int len = 0;
    char32_t c = 0;
    char32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        c = b0 & 0x1F;
        min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        c = b0 & 0x0F;
        min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4;
        c = b0 & 0x07;
        min = 0x10000;
    } else {
        ++pos;
        return kReplacement;
    }
    if (pos + static_cast<std::size_t>(len) > text.size()) {
        ++pos;
        return kReplacement;
    }
    for (int i = 1; i < len; ++i) {
        const auto b = static_cast<unsigned char>(text[pos + static_cast<std::size_t>(i)]);
        if ((b & 0xC0) != 0x80) {
            ++pos;
            return kReplacement;
        }
        c = (c << 6) | (b & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        ++pos;
        return kReplacement;
    }
    pos += static_cast<std::size_t>(len);
    return c;
}

bool isValidUtf8(std::string_view text, std::size_t* badOffset) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto b0 = static_cast<unsigned char>(text[pos]);
        if (b0 < 0x80) {
            ++pos;
            continue;
        }
        const std::size_t start = pos;
        const char32_t c = decodeUtf8(text, pos);
        // decodeUtf8 advances exactly one byte on error; a real U+FFFD is three bytes.
        if (c == kReplacement && pos == start + 1) {
            if (badOffset != nullptr)
                *badOffset = start;
            return false;
        }
    }
    return true;
}

std::size_t codePointCount(std::string_view text) {
    std::size_t n = 0;
    for (const char ch : text)
        if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80)
            ++n;
    return n;
}

std::vector<std::string> tokenize(std::string_view text) {
    std::vector<std::string> tokens;
    forEachToken(text, [&](std::string_view t) { tokens.emplace_back(t); });
    return tokens;
}

std::uint32_t Vocabulary::intern(std::string_view word) {
    if (auto it = m_ids.find(word); it != m_ids.end())
        return it->second;
    const auto id = static_cast<std::uint32_t>(m_words.size());
    m_words.emplace_back(word);
    m_ids.emplace(m_words.back(), id);
    return id;
}

std::uint32_t Vocabulary::find(std::string_view word) const {
    auto it = m_ids.find(word);
    return it == m_ids.end() ? std::numeric_limits<std::uint32_t>::max() : it->second;
}

std::string normalizeForDuplicate(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pendingSpace = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        char32_t c = decodeUtf8(text, pos);
        if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF)
            continue;
        if (c >= 0xFF01 && c <= 0xFF5E)
            c = c - 0xFF01 + 0x21;
        if (c == 0x2018 || c == 0x2019)
            c = '\'';
        if (c == 0x201C || c == 0x201D)
            c = '"';
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
                           c == '\f' || c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) ||
                           c == 0x202F || c == 0x3000;
        if (space) {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace) {
            out.push_back(' ');
            pendingSpace = false;
        }
        appendLowered(out, c);
    }
    return out;
}

std::uint64_t fnv1a64(std::string_view bytes) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const char ch : bytes) {
        h ^= static_cast<unsigned char>(ch);
        h *= 0x100000001b3ULL;
    }
    return h;
}

void TokenizedCorpus::append(const TokenizedCorpus& other) {
    const std::size_t base = tokenIds.size();
    tokenIds.insert(tokenIds.end(), other.tokenIds.begin(), other.tokenIds.end());
    for (std::size_t i = 1; i < other.offsets.size(); ++i)
        offsets.push_back(base + other.offsets[i]);
    lengthChars.insert(lengthChars.end(), other.lengthChars.begin(), other.lengthChars.end());
    hashes.insert(hashes.end(), other.hashes.begin(), other.hashes.end());
}

TokenizedCorpus tokenizeCorpus(std::span<const std::string> texts, Vocabulary& vocabulary,
                               const Progress& progress) {
    TokenizedCorpus corpus;
    corpus.offsets.reserve(texts.size() + 1);
    corpus.lengthChars.reserve(texts.size());
    corpus.hashes.reserve(texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
        if (i % 4096 == 0)
            progress.report(static_cast<double>(i) / static_cast<double>(texts.size()),
                            "tokenizing");
        forEachToken(texts[i],
                     [&](std::string_view t) { corpus.tokenIds.push_back(vocabulary.intern(t)); });
        corpus.offsets.push_back(corpus.tokenIds.size());
        corpus.lengthChars.push_back(static_cast<std::uint32_t>(codePointCount(texts[i])));
        corpus.hashes.push_back(fnv1a64(normalizeForDuplicate(texts[i])));
    }
    progress.report(1.0, "tokenizing");
    return corpus;
}

bool startsWithNoCase(std::string_view text, std::size_t pos, std::string_view prefix) {
    if (text.size() - pos < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = text[pos + i];
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i])
            return false;
    }
    return true;
}

} // namespace synthscope::analysis
