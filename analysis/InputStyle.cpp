#include "analysis/InputStyle.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <stdexcept>

namespace synthscope::analysis {

namespace {

bool isSpace(char32_t c) {
    return u_isUWhiteSpace(static_cast<UChar32>(c));
}

// Whether text has a lower-case first cased letter; nullopt when it has no cased letter.
// Leading @handles and URLs (up to the next space) are skipped, as a reply's address is not
// how the person writes.
std::optional<bool> startsLowercase(std::string_view text) {
    std::size_t pos = 0;
    bool atWordStart = true;
    while (pos < text.size()) {
        const std::size_t start = pos;
        const char32_t c = decodeUtf8(text, pos);
        if (atWordStart &&
            (c == U'@' || startsWithNoCase(text, start, "http://") ||
             startsWithNoCase(text, start, "https://") || startsWithNoCase(text, start, "www."))) {
            while (pos < text.size()) { // skip to the next space
                std::size_t next = pos;
                if (isSpace(decodeUtf8(text, next)))
                    break;
                pos = next;
            }
            continue;
        }
        atWordStart = isSpace(c);
        const auto u = static_cast<UChar32>(c);
        if (u_islower(u))
            return true;
        if (u_isupper(u) || u_istitle(u))
            return false;
    }
    return std::nullopt;
}

// Whether the last character before trailing spaces and closing quotes or brackets is
// sentence punctuation.
bool endsWithSentencePunctuation(std::string_view text) {
    // Walk the code points once, remembering the last one that is not a space or closer.
    char32_t last = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char32_t c = decodeUtf8(text, pos);
        if (isSpace(c))
            continue;
        const auto type = u_charType(static_cast<UChar32>(c));
        const bool closer =
            type == U_END_PUNCTUATION || type == U_FINAL_PUNCTUATION || c == U'"' || c == U'\'';
        if (!closer)
            last = c;
    }
    static constexpr std::array<char32_t, 8> kEnds = {U'.',  U'!',  U'?',  U'…',
                                                      U'。', U'！', U'？', U'．'};
    return std::find(kEnds.begin(), kEnds.end(), last) != kEnds.end();
}

// Whether a folded token is a word the lexicon can judge: letters of the Latin script, with
// apostrophes only inside.
bool isLatinWord(std::string_view token) {
    std::size_t pos = 0;
    bool first = true;
    char32_t last = 0;
    while (pos < token.size()) {
        const char32_t c = decodeUtf8(token, pos);
        const auto u = static_cast<UChar32>(c);
        if (c == U'\'' || c == U'\u2019') {
            if (first)
                return false;
        } else {
            UErrorCode status = U_ZERO_ERROR;
            if (!u_isalpha(u) || uscript_getScript(u, &status) != USCRIPT_LATIN ||
                U_FAILURE(status))
                return false;
        }
        first = false;
        last = c;
    }
    return !first && last != U'\'' && last != U'\u2019';
}

} // namespace

Lexicon buildLexicon(std::span<const std::string> words) {
    Lexicon out;
    out.reserve(words.size());
    for (const std::string& w : words)
        if (std::vector<std::string> folded = tokenize(w); folded.size() == 1)
            out.insert(std::move(folded.front()));
    return out;
}

InputStyle measureInputStyle(std::span<const std::string> texts, const TokenizedCorpus& corpus,
                             const Vocabulary& vocabulary, const Lexicon* lexicon,
                             const Progress& progress) {
    InputStyle out;
    if (texts.empty())
        return out;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> sentences(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !sentences)
        throw std::runtime_error(std::string("ICU sentence break iterator unavailable: ") +
                                 u_errorName(status));
    const auto idOf = [&vocabulary](std::string_view word) { return vocabulary.find(word); };
    std::vector<std::uint32_t> markers;
    for (const char* w : {"please", "pls", "plz", "thanks", "thank", "thx", "appreciate", "kindly",
                          "sorry", "apologize", "apologise"})
        if (const std::uint32_t id = idOf(w); id != kNone)
            markers.push_back(id);
    const std::uint32_t could = idOf("could");
    const std::uint32_t would = idOf("would");
    const std::uint32_t you = idOf("you");

    // Per vocabulary id: 0 not a Latin word, 1 a known word, 2 out of the lexicon.
    std::vector<std::uint8_t> wordKind;
    std::size_t words = 0;
    std::size_t unknown = 0;
    std::size_t cased = 0;
    std::size_t lowercase = 0;
    std::size_t punctuated = 0;
    std::size_t polite = 0;
    double sentenceCount = 0.0;
    UText text = UTEXT_INITIALIZER;
    for (std::size_t d = 0; d < texts.size(); ++d) {
        if (d % 4096 == 0)
            progress.report(static_cast<double>(d) / static_cast<double>(texts.size()),
                            "profiling");
        const std::string& t = texts[d];
        if (const auto lower = startsLowercase(t)) {
            ++cased;
            lowercase += *lower ? 1 : 0;
        }
        punctuated += endsWithSentencePunctuation(t) ? 1 : 0;

        status = U_ZERO_ERROR;
        utext_openUTF8(&text, t.data(), static_cast<std::int64_t>(t.size()), &status);
        sentences->setText(&text, status);
        if (U_FAILURE(status))
            throw std::runtime_error(std::string("ICU sentence segmentation failed: ") +
                                     u_errorName(status));
        std::int32_t begin = sentences->first();
        for (std::int32_t end = sentences->next(); end != icu::BreakIterator::DONE;
             begin = end, end = sentences->next()) {
            std::size_t pos = static_cast<std::size_t>(begin);
            while (pos < static_cast<std::size_t>(end) && pos < t.size()) {
                const auto c = static_cast<UChar32>(decodeUtf8(t, pos));
                if (u_isalnum(c)) {
                    sentenceCount += 1.0;
                    break;
                }
            }
        }

        if (d < corpus.size()) {
            const std::span<const std::uint32_t> tokens = corpus.doc(d);
            bool found = false;
            for (std::size_t i = 0; i < tokens.size() && !found; ++i) {
                found = std::find(markers.begin(), markers.end(), tokens[i]) != markers.end() ||
                        (i + 1 < tokens.size() && tokens[i + 1] == you && you != kNone &&
                         ((tokens[i] == could && could != kNone) ||
                          (tokens[i] == would && would != kNone)));
            }
            polite += found ? 1 : 0;
            if (lexicon != nullptr)
                for (const std::uint32_t id : tokens) {
                    if (id >= wordKind.size())
                        wordKind.resize(vocabulary.size(), 255);
                    if (wordKind[id] == 255) {
                        const std::string& w = vocabulary.word(id);
                        wordKind[id] = !isLatinWord(w) ? 0 : lexicon->contains(w) ? 1 : 2;
                    }
                    words += wordKind[id] != 0 ? 1 : 0;
                    unknown += wordKind[id] == 2 ? 1 : 0;
                }
        }
    }
    sentences->setText(icu::UnicodeString());
    utext_close(&text);
    const auto n = static_cast<double>(texts.size());
    if (cased > 0)
        out.lowercaseStartShare = static_cast<double>(lowercase) / static_cast<double>(cased);
    out.terminalPunctuationShare = static_cast<double>(punctuated) / n;
    out.sentencesPerSample = sentenceCount / n;
    out.politenessMarkerShare = static_cast<double>(polite) / n;
    if (words > 0)
        out.oovRate = static_cast<double>(unknown) / static_cast<double>(words);
    return out;
}

} // namespace synthscope::analysis
