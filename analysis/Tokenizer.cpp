#include "analysis/Tokenizer.h"

#include "analysis/Parallel.h"

#include <unicode/brkiter.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/rbbi.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <limits>
#include <memory>
#include <stdexcept>

namespace synthscope::analysis {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

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

bool isAscii(std::string_view text) {
    for (const char ch : text)
        if (static_cast<unsigned char>(ch) >= 0x80)
            return false;
    return true;
}

char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// text with every ill-formed UTF-8 sequence replaced by U+FFFD.
std::string repairedUtf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size())
        appendUtf8(out, decodeUtf8(text, pos));
    return out;
}

const icu::Normalizer2& nfkcCasefold() {
    static const icu::Normalizer2* const instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
        if (U_FAILURE(status) || n == nullptr)
            throw std::runtime_error(std::string("ICU NFKC_Casefold data unavailable: ") +
                                     u_errorName(status));
        return n;
    }();
    return *instance;
}

// Appends NFKC_Casefold(text) to out; text must be well-formed UTF-8.
void appendNfkcCasefold(std::string& out, std::string_view text) {
    if (isAscii(text)) { // NFKC_Casefold maps ASCII to itself but for A–Z
        for (const char c : text)
            out.push_back(asciiLower(c));
        return;
    }
    UErrorCode status = U_ZERO_ERROR;
    icu::StringByteSink<std::string> sink(&out);
    nfkcCasefold().normalizeUTF8(
        0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink, nullptr, status);
    if (U_FAILURE(status))
        throw std::runtime_error(std::string("ICU normalisation failed: ") + u_errorName(status));
}

// The word break iterators of this thread not in use (WordTokens objects may nest).
class BreakIteratorPool {
public:
    std::unique_ptr<icu::BreakIterator> take() {
        if (!m_free.empty()) {
            auto it = std::move(m_free.back());
            m_free.pop_back();
            return it;
        }
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> it(
            icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status) || !it)
            throw std::runtime_error(std::string("ICU word break iterator unavailable: ") +
                                     u_errorName(status));
        return it;
    }
    void give(std::unique_ptr<icu::BreakIterator> it) { m_free.push_back(std::move(it)); }

private:
    std::vector<std::unique_ptr<icu::BreakIterator>> m_free;
};

BreakIteratorPool& threadPool() {
    thread_local BreakIteratorPool pool;
    return pool;
}

// Length of a URL starting at pos (0 when none starts there): up to the next whitespace (or
// non-ASCII punctuation such as a fullwidth comma), less trailing sentence punctuation.
std::size_t urlLength(std::string_view text, std::size_t pos) {
    if (!startsWithNoCase(text, pos, "http://") && !startsWithNoCase(text, pos, "https://") &&
        !startsWithNoCase(text, pos, "www."))
        return 0;
    std::size_t end = pos;
    while (end < text.size()) {
        if (static_cast<unsigned char>(text[end]) < 0x80) {
            if (isAsciiSpace(text[end]))
                break;
            ++end;
            continue;
        }
        std::size_t next = end;
        const auto c = static_cast<UChar32>(decodeUtf8(text, next));
        if (u_isUWhiteSpace(c) || u_ispunct(c))
            break;
        end = next;
    }
    while (end > pos + 1 &&
           std::string_view(".,;:!?)'\"").find(text[end - 1]) != std::string_view::npos)
        --end; // sentence punctuation after the URL
    return end - pos;
}

bool isEmailLocalChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("._%+-").find(c) != std::string_view::npos;
}

bool isDomainChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '-';
}

// Length of an e-mail address starting at pos (0 when none does): ASCII local part of letters,
// digits and . _ % + -, '@', a domain of letters, digits, '.' and '-' with an inner dot
// (trailing dots and hyphens are not part of it).
std::size_t emailLength(std::string_view text, std::size_t pos) {
    std::size_t at = pos;
    while (at < text.size() && isEmailLocalChar(text[at]))
        ++at;
    if (at == pos || at >= text.size() || text[at] != '@')
        return 0;
    std::size_t end = at + 1;
    while (end < text.size() && isDomainChar(text[end]))
        ++end;
    while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-'))
        --end;
    const std::string_view domain = text.substr(at + 1, end - at - 1);
    const std::size_t dot = domain.find('.');
    if (dot == std::string_view::npos || dot == 0)
        return 0;
    return end - pos;
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

struct WordTokens::Segments {
    std::unique_ptr<icu::BreakIterator> iterator;
    UText text = UTEXT_INITIALIZER;
    std::int32_t start = 0;
    bool done = false;
};

WordTokens::WordTokens(std::string_view text)
    : m_text(text)
    , m_segments(new Segments) {
    try {
        m_segments->iterator = threadPool().take();
        UErrorCode status = U_ZERO_ERROR;
        utext_openUTF8(&m_segments->text, text.data(), static_cast<std::int64_t>(text.size()),
                       &status);
        m_segments->iterator->setText(&m_segments->text, status);
        if (U_FAILURE(status))
            throw std::runtime_error(std::string("ICU could not read the text: ") +
                                     u_errorName(status));
        m_segments->start = m_segments->iterator->first();
    } catch (...) {
        if (m_segments->iterator)
            threadPool().give(std::move(m_segments->iterator));
        utext_close(&m_segments->text);
        delete m_segments;
        throw;
    }
}

WordTokens::~WordTokens() {
    // Point the iterator away from this text before it goes back to the pool.
    static const icu::UnicodeString empty;
    m_segments->iterator->setText(empty);
    threadPool().give(std::move(m_segments->iterator));
    utext_close(&m_segments->text);
    delete m_segments;
}

bool WordTokens::nextSegment(std::size_t& begin, std::size_t& end, int& status) {
    if (m_segments->done)
        return false;
    const std::int32_t next = m_segments->iterator->next();
    if (next == icu::BreakIterator::DONE) {
        m_segments->done = true;
        return false;
    }
    begin = static_cast<std::size_t>(m_segments->start);
    end = static_cast<std::size_t>(next);
    status = m_segments->iterator->getRuleStatus();
    m_segments->start = next;
    return true;
}

void WordTokens::skipTo(std::size_t end) {
    if (end >= m_text.size()) {
        m_segments->done = true;
        return;
    }
    // following() moves onto the first boundary after end - 1: the start of the next segment.
    const std::int32_t following =
        m_segments->iterator->following(static_cast<std::int32_t>(end - 1));
    m_segments->done = following == icu::BreakIterator::DONE;
    m_segments->start = following;
}

namespace {

// Appends the token form of a word: NFKC_Casefold, U+2019 written '.
void appendFoldedWord(std::string& out, std::string_view word) {
    const std::size_t from = out.size();
    appendNfkcCasefold(out, word); // ICU reads bad UTF-8 as U+FFFD, which no word segment holds
    for (std::size_t p = out.find("\xE2\x80\x99", from); p != std::string::npos;
         p = out.find("\xE2\x80\x99", p + 1))
        out.replace(p, 3, "'");
}

} // namespace

// Emits the next token of the word segment [begin, end) that holds '@' (and is no e-mail
// address): the part before the first '@' as a word, then each "@part" as a handle.
bool WordTokens::emitSplitAtSigns(std::size_t begin, std::size_t end) {
    std::size_t p = begin;
    while (p < end) {
        const bool handle = m_text[p] == '@';
        std::size_t q = m_text.find('@', p + (handle ? 1 : 0));
        if (q == std::string_view::npos || q > end)
            q = end;
        if (!handle || q > p + 1) { // a word before an '@', or "@name"
            const std::size_t from = handle ? p + 1 : p;
            m_folded.assign(handle ? "@" : "");
            appendFoldedWord(m_folded, m_text.substr(from, q - from));
            m_kind = handle ? TokenKind::Handle : TokenKind::Word;
            m_begin = p;
            m_end = q;
            m_pendingBegin = q;
            m_pendingEnd = end;
            return true;
        }
        p = q; // a lone '@' (or "@@")
    }
    m_pendingBegin = m_pendingEnd = 0;
    return false;
}

bool WordTokens::next() {
    if (m_pendingBegin < m_pendingEnd && emitSplitAtSigns(m_pendingBegin, m_pendingEnd))
        return true;
    m_pendingBegin = m_pendingEnd = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
    int status = 0;
    while (nextSegment(begin, end, status)) {
        const std::string_view segment = m_text.substr(begin, end - begin);
        const bool word = status >= UBRK_WORD_NUMBER && status < UBRK_WORD_IDEO_LIMIT;
        if (!word) {
            if (segment == "#" && begin != m_lastWordEnd) { // not "C#", "issue#12"
                m_hashEnd = end;
            }
            continue;
        }
        const std::size_t url = urlLength(m_text, begin);
        const std::size_t email = url > 0 ? 0 : emailLength(m_text, begin);
        if (url > 0 || email > 0) {
            m_folded.assign(url > 0 ? "<url>" : "<email>");
            m_kind = url > 0 ? TokenKind::Url : TokenKind::Email;
            m_begin = begin;
            m_end = begin + url + email;
            skipTo(m_end);
            m_lastWordEnd = m_end;
            return true;
        }
        m_lastWordEnd = end;
        if (segment.find('@') != std::string_view::npos) {
            if (emitSplitAtSigns(begin, end))
                return true;
            continue;
        }
        m_folded.clear();
        const bool hashtag = begin == m_hashEnd;
        if (hashtag)
            m_folded.push_back('#');
        appendFoldedWord(m_folded, segment);
        if (m_folded.size() == (hashtag ? 1U : 0U))
            continue;
        // ICU marks "mp3" and "COVID19" numbers too: a number starts with a digit.
        std::size_t first = begin;
        const bool digitFirst = u_isdigit(static_cast<UChar32>(decodeUtf8(m_text, first)));
        m_kind = hashtag                            ? TokenKind::Hashtag
                 : status >= UBRK_WORD_LETTER_LIMIT ? TokenKind::Ideographic
                 : digitFirst                       ? TokenKind::Number
                                                    : TokenKind::Word;
        m_begin = hashtag ? begin - 1 : begin;
        m_end = end;
        return true;
    }
    return false;
}

std::vector<std::string> tokenize(std::string_view text) {
    std::vector<std::string> tokens;
    WordTokens words(text);
    while (words.next())
        tokens.emplace_back(words.folded());
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
    std::string folded;
    folded.reserve(text.size());
    if (isValidUtf8(text))
        appendNfkcCasefold(folded, text);
    else
        appendNfkcCasefold(folded, repairedUtf8(text));
    std::string out;
    out.reserve(folded.size());
    bool pendingSpace = false;
    std::size_t pos = 0;
    while (pos < folded.size()) {
        const std::size_t from = pos;
        char32_t c = decodeUtf8(folded, pos);
        if (u_isUWhiteSpace(static_cast<UChar32>(c))) {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace) {
            out.push_back(' ');
            pendingSpace = false;
        }
        if (c == 0x2018 || c == 0x2019)
            out.push_back('\'');
        else if (c == 0x201C || c == 0x201D)
            out.push_back('"');
        else
            out.append(folded, from, pos - from);
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

namespace {

// The documents of one slice of a batch, tokenized against a vocabulary of the slice's own:
// its ids are in the order the slice first meets each word.
struct TokenizedSlice {
    Vocabulary words;
    TokenizedCorpus docs;
};

void tokenizeSlice(std::span<const std::string> texts, TokenizedSlice& out) {
    out.docs.offsets.reserve(texts.size() + 1);
    out.docs.lengthChars.reserve(texts.size());
    out.docs.hashes.reserve(texts.size());
    for (const std::string& text : texts) {
        WordTokens words(text);
        while (words.next())
            out.docs.tokenIds.push_back(out.words.intern(words.folded()));
        out.docs.offsets.push_back(out.docs.tokenIds.size());
        out.docs.lengthChars.push_back(static_cast<std::uint32_t>(codePointCount(text)));
        out.docs.hashes.push_back(fnv1a64(normalizeForDuplicate(text)));
    }
}

} // namespace

TokenizedCorpus tokenizeCorpus(std::span<const std::string> texts, Vocabulary& vocabulary,
                               const Progress& progress, std::size_t workers) {
    // Batches of documents, each cut into one slice per worker and tokenized in parallel; the
    // slices are then merged in document order. A slice's words are interned in the order the
    // slice first met them, after every slice before it: a word's first meeting in the whole
    // corpus is its first in the first slice that has it, so the ids are those of one pass in
    // document order, whatever the number of workers.
    constexpr std::size_t kBatch = 8192;
    TokenizedCorpus corpus;
    corpus.offsets.reserve(texts.size() + 1);
    corpus.lengthChars.reserve(texts.size());
    corpus.hashes.reserve(texts.size());
    std::vector<TokenizedSlice> slices(std::max<std::size_t>(workers, 1));
    std::vector<std::uint32_t> global; // slice id -> vocabulary id
    for (std::size_t first = 0; first < texts.size(); first += kBatch) {
        progress.report(static_cast<double>(first) / static_cast<double>(texts.size()),
                        "tokenizing");
        const std::size_t count = std::min(kBatch, texts.size() - first);
        for (TokenizedSlice& slice : slices)
            slice = {};
        parallelFor(
            count,
            [&](std::size_t begin, std::size_t end, std::size_t worker) {
                tokenizeSlice(texts.subspan(first + begin, end - begin), slices[worker]);
            },
            512, slices.size());
        for (TokenizedSlice& slice : slices) { // in document order; unused ones are empty
            global.resize(slice.words.size());
            for (std::size_t id = 0; id < global.size(); ++id)
                global[id] = vocabulary.intern(slice.words.word(static_cast<std::uint32_t>(id)));
            for (std::uint32_t& id : slice.docs.tokenIds)
                id = global[id];
            corpus.append(slice.docs);
        }
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
