#pragma once

#include "analysis/Statistics.h"
#include "analysis/Tokenizer.h"

#include <span>
#include <string>
#include <unordered_set>

namespace synthscope::analysis {

/// How a corpus's texts are written, beyond their words: the surface of user input that
/// synthetic queries tend to clean up (seed 000: people type "hi i returnd the thing last week
/// but where's my refund also do u ship to canada now"). The measures of noisy user text in the
/// manner of Baldwin et al. (2013, "How noisy social media text, how diffrnt social media
/// sources?") and the politeness markers of Danescu-Niculescu-Mizil et al. (2013, "A
/// computational approach to politeness").
struct InputStyle {
    /// Share of samples whose first cased letter (after leading @handles, URLs and
    /// non-letters) is lower case. Range [0, 1]; NaN when no sample has a cased letter (e.g.
    /// Chinese only). Free of length; depends on the script.
    double lowercaseStartShare = kNaN;
    /// Share of samples whose last character (before trailing spaces and closing quotes or
    /// brackets) is sentence punctuation: . ! ? … and their fullwidth forms. Range [0, 1];
    /// NaN for an empty corpus. Free of length.
    double terminalPunctuationShare = kNaN;
    /// Mean number of sentences per sample (ICU's UAX #29 sentence boundaries, segments holding
    /// a letter or digit): several requests in one message show as more sentences. Raw: it
    /// rises with length, so compare corpora of similar lengths (or read it with the mean
    /// length).
    double sentencesPerSample = kNaN;
    /// Share of samples with a politeness marker among the words please, pls, plz, thanks,
    /// thank, thx, appreciate, kindly, sorry, apologize, apologise and the bigrams "could you",
    /// "would you" (Danescu-Niculescu-Mizil et al. 2013's gratitude, please, apology and
    /// indirect-request strategies). English only; raw: a longer sample has more room for one.
    double politenessMarkerShare = kNaN;
    /// Out-of-vocabulary rate: the share of word tokens (letters of the Latin script, with
    /// apostrophes inside) that the lexicon lacks — typos ("returnd"), slang and abbreviations
    /// ("u", "pls"), and also brand names, as Baldwin et al. (2013) measure it. Per token, so
    /// free of length; English with the default lexicon (Debian's wamerican word list). NaN
    /// without a lexicon or without such tokens.
    double oovRate = kNaN;
};

/// A word list folded as the tokenizer folds words (NFKC_Casefold), for InputStyle::oovRate.
using Lexicon = std::unordered_set<std::string>;

/// Folds each entry of words with the tokenizer; entries that are not one token are skipped.
Lexicon buildLexicon(std::span<const std::string> words);

/// Measures texts (tokenized as corpus, with vocabulary's ids) for InputStyle; the OOV rate
/// against lexicon when given. Reports to progress ("profiling") every 4,096 texts, so a cancel
/// stops it there (Cancelled). Throws the tokenizer's std::runtime_error when ICU's sentence
/// break iterator is unavailable.
InputStyle measureInputStyle(std::span<const std::string> texts, const TokenizedCorpus& corpus,
                             const Vocabulary& vocabulary, const Lexicon* lexicon = nullptr,
                             const Progress& progress = {});

} // namespace synthscope::analysis
