#include "model/MetricCatalog.h"

#include "analysis/MetricKeys.h"

#include <QCoreApplication>

#include <algorithm>
#include <string_view>

using namespace Qt::StringLiterals;

namespace synthscope::model {

namespace key = analysis::key;

namespace {

const MetricInfo kCorpus[] = {
    {key::kSamples, QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Samples"), "",
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Records stored from the corpus files."),
     0},
    {key::kMeanLengthTokens, QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Mean length"),
     "tokens",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Mean tokens per sample. A large gap to the real corpus means the generator writes to a "
         "different length than people do."),
     1},
    {key::kMedianLengthTokens,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Median length"), "tokens",
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Median tokens per sample."), 1},
    {key::kLowercaseStartShare,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Starts in lower case"), "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Share of samples whose first letter (after @handles and links) is lower case (after "
         "Baldwin et al. 2013 on noisy user text). People type \"hi i returnd…\"; a large gap "
         "to the real prompts means the synthetic inputs are written differently."),
     3},
    {key::kTerminalPunctuationShare,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Ends with punctuation"), "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Share of samples ending with . ! ? or … (before closing quotes). Users often stop "
         "without; generated text rarely does."),
     3},
    {key::kSentencesPerSample,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Sentences per sample"), "",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Mean sentences per sample (Unicode sentence boundaries). Several requests in one "
         "message show as more sentences; rises with length, so read it with the mean length."),
     2},
    {key::kPolitenessMarkerShare,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Politeness markers"), "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Share of samples with please, thanks, sorry, kindly, could you, would you and the "
         "like (Danescu-Niculescu-Mizil et al. 2013). English only; rises with length."),
     3},
    {key::kOovRate, QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Out-of-vocabulary rate"),
     "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Share of words (Latin letters) missing from the English word list: typos (\"returnd\"), "
         "slang and abbreviations (\"u\", \"pls\") and brand names (after Baldwin et al. 2013). "
         "Per word, so free of length. Far below the real prompts: the synthetic inputs are "
         "cleaner than what users type."),
     4},
    {key::kMeanLengthChars, QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Mean length"),
     "characters",
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Mean Unicode code points per sample."),
     1},
    {key::kVocabularySize, QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Vocabulary size"),
     "",
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog",
                       "Distinct tokens. Depends on corpus size: compare corpora of similar size."),
     0},
    {key::kVocabularyAtBudget,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Vocabulary at equal tokens"), "",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Distinct tokens among the same number of tokens for every corpus (the smallest "
         "corpus's, at most 20,000), random samples, three draws averaged. Size- and "
         "length-controlled: lower than the real corpus means a narrower vocabulary in use."),
     0},
    {key::kDistinct2AtBudget,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Distinct-2 at equal tokens"), "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Distinct bigrams over bigrams on the same token budget for every corpus. Size- and "
         "length-controlled: falls when the same phrases are reused."),
     4},
    {key::kSelfRepetitionAtBudget,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Self-repetition at equal tokens"),
     "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Share of word 4-gram occurrences, in 20,000 tokens drawn from each corpus, whose 4-gram "
         "also occurs in another sample (after Salkar et al. 2022). The same budget for every "
         "corpus and run; per occurrence, so long samples do not score higher (samples under 4 "
         "tokens add none). Well above the real corpus: samples share phrases, a template."),
     3},
    {key::kVendiNgram,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Vendi score (n-gram)"), "",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Effective number of distinct passages among the same number (at most 500) of random "
         "10-token windows for every corpus, under the n-gram kernel (cosine of unigram + bigram "
         "counts; Friedman & Dieng 2023). Size- and length-controlled; falls as phrasing "
         "collapses."),
     1},
    {key::kDistinct1, QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Distinct-1"), "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Distinct unigrams over all unigrams (Li et al. 2016). Lower than the real corpus at a "
         "similar size: the vocabulary is narrowing."),
     4},
    {key::kDistinct2, QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Distinct-2"), "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Distinct bigrams over all bigrams (Li et al. 2016). Falls when the same phrases are "
         "reused: a sign of template feel."),
     4},
    {key::kDistinct3, QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Distinct-3"), "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Distinct trigrams over all trigrams (Li et al. 2016). Like distinct-2, for longer "
         "phrases."),
     4},
    {key::kExactDuplicateRate,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Exact-duplicate rate"), "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Share of samples whose normalised text repeats an earlier sample. Above a few percent "
         "the generator is copying itself."),
     4},
    {key::kSkeletonRepetitionRate,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Skeleton repetition rate"), "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Share of samples whose template skeleton (function words, punctuation, markup; "
         "content masked) is shared with another sample of the corpus. High: the same mould."),
     4},
    {key::kTop10SkeletonShare,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Top-10 skeleton share"), "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Share of samples in the corpus's ten largest skeleton groups. High: a few templates "
         "produce most of the data."),
     4},
    {key::kTemplateRate, QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Template rate"),
     "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Share of samples containing one of the corpus's 100 most frequent skeleton 6-grams "
         "(after Shaib et al. 2024). Compare with the real corpus."),
     4},
    {key::kTemplatesPerToken,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Templates per token"), "",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Occurrences of the corpus's 100 most frequent skeleton 6-grams per skeleton token "
         "(Shaib et al. 2024). A per-token rate, so long texts do not score higher for their "
         "length, but samples under 6 skeleton tokens add none and the 100 patterns come from the "
         "whole corpus: compare corpora of similar size. Several times the real corpus's: the "
         "text is poured into a few moulds."),
     4},
    {key::kCompressionRatio,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Compression ratio"), "",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Bytes over zlib-compressed bytes of the corpus (Shaib et al. 2024). Higher: more "
         "redundant text."),
     2},
    {key::kSelfBleu, QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Self-BLEU"), "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Mean BLEU-4 of each of 500 sampled samples against the others (Zhu et al. 2018). "
         "Higher: samples resemble each other."),
     4},
    {key::kRepeatedNgramRate,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Repeated 4-gram rate"), "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Mean share of repeated 4-grams within a sample (rep-4, Welleck et al. 2019). High: "
         "samples loop."),
     4},
    {key::kMtld, QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "MTLD"), "tokens",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Measure of textual lexical diversity (McCarthy & Jarvis 2010), independent of "
         "length. Lower: a narrower vocabulary in use."),
     1},
    {key::kPerplexityMedian,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Median perplexity"), "",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Median per-sample perplexity under a trigram Kneser–Ney model of the real corpus "
         "(real: held-out samples). Much lower than real: text is more predictable than people's."),
     1},
    {key::kNearDuplicateRate,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Near-duplicate rate"), "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Share of samples that would go if every near-duplicate group (MinHash over word "
         "5-gram shingles, verified Jaccard ≥ 0.8; Broder 1997, Lee et al. 2022) kept one member "
         "of this corpus. Above a few percent: the generator repeats itself with small edits."),
     4},
    {key::kNnSimilarityRatio,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "NN-similarity ratio"), "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Share of samples whose nearest other sample of the corpus has embedding cosine ≥ 0.95 "
         "(chapter 17, Listing 17-1). Rising across rounds: samples are converging on each "
         "other."),
     4},
    {key::kMeanNnSimilarity,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Mean NN similarity"), "",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Mean embedding cosine of each sample to its nearest other sample of the corpus. "
         "Compare with the real corpus: higher means a denser, more self-similar corpus."),
     4},
    // Length-controlled: each synthetic corpus against real samples of the same lengths
    // (analysis/LengthControl.h). The _length_matched and _length_baseline values behind each
    // lift are stored too; findMetric() describes them with the raw measure's entry.
    {key::kExactDuplicateRateLengthLift,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog",
                       "Exact duplicates vs real of equal length"),
     "",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Exact-duplicate rate of up to 1,000 sampled synthetic samples over that of as many real "
         "samples of the same token lengths (one sample's worth of smoothing). 1: as repetitive "
         "as reality at these lengths; above 2–3: the generator repeats itself."),
     2},
    {key::kNearDuplicateRateLengthLift,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog",
                       "Near duplicates vs real of equal length"),
     "",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Near-duplicate rate of sampled synthetic samples over that of real samples of the same "
         "token lengths. Short answers coincide by chance; this lift does not mind."),
     2},
    {key::kSkeletonRepetitionRateLengthLift,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog",
                       "Skeleton repetition vs real of equal length"),
     "",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Share of sampled synthetic samples sharing a skeleton with another, over the same share "
         "for real samples of the same token lengths. Above 2–3: one mould."),
     2},
    {key::kNnSimilarityRatioLengthLift,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog",
                       "NN-similarity ratio vs real of equal length"),
     "",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "NN-similarity ratio (cosine ≥ 0.95) within sampled synthetic samples over that within as "
         "many real samples of the same token lengths."),
     2},
    {key::kMeanNnSimilarityLengthLift,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog",
                       "Mean NN similarity vs real of equal length"),
     "",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Mean nearest-neighbour cosine within sampled synthetic samples over that within as many "
         "real samples of the same token lengths. Above 1: denser than reality."),
     3},
    {key::kPerplexityMedianLengthLift,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Perplexity vs real of equal length"),
     "",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Median perplexity of the synthetic samples over that of held-out real samples of the "
         "same token lengths. Well below 1: more predictable than people at these lengths."),
     3},
    {key::kLengthUnmatchedShare,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Lengths without a real match"), "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Share of sampled synthetic samples that found no unused real sample of the same token "
         "length: the real data lacks those lengths, or has fewer of them than the corpus. Above "
         "0.5 no length-matched lift is given; read the measures free of length instead."),
     3},
    {key::kLengthMatchedSamples,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Length-matched samples"), "",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Synthetic samples per draw paired with a real sample of the same token length (at most "
         "1,000): the sample size behind the length-matched lifts."),
     0},
    {key::kVendiScore,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Vendi score (embeddings)"), "",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Exp of the entropy of the cosine-kernel eigenvalues of the whole corpus's embeddings "
         "(Friedman & Dieng 2023). Not size- or length-controlled: it rose across the collapse "
         "rounds while the vocabulary fell tenfold. Read Vendi score (n-gram) instead."),
     1},
    {key::kLabelEntropyBits, QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Label entropy"),
     "bits",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Shannon entropy of the label distribution. Falling across rounds: majority labels are "
         "taking over."),
     3},
};

const MetricInfo kComparison[] = {
    {key::kJsLengthTokens,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "JS divergence: length"), "bits",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Jensen–Shannon divergence (base 2, 0 = same, 1 = disjoint) of the token-length "
         "histograms. Above ~0.1 the lengths differ visibly."),
     4},
    {key::kJsUnigram,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "JS divergence: unigrams"), "bits",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Jensen–Shannon divergence of word frequencies. Higher means the two sides use "
         "different words; check the indicating words."),
     4},
    {key::kJsBigram,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "JS divergence: bigrams"), "bits",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Jensen–Shannon divergence of word-pair frequencies; reacts to phrasing and templates."),
     4},
    {key::kJsLabel, QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "JS divergence: labels"),
     "bits",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Jensen–Shannon divergence of the label distributions (when both sides have labels). "
         "High: the synthetic label mix does not match reality (majority amplification)."),
     4},
    {key::kKsLengthTokens,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "KS statistic: length"), "",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Two-sample Kolmogorov–Smirnov D on token lengths: the largest gap between the two "
         "cumulative distributions."),
     4},
    {key::kPerplexityMedianRealHeldOut,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Median perplexity: real held-out"), "",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Median perplexity of held-out real samples under the real-data language model: the "
         "baseline."),
     1},
    {key::kPerplexityMedianSynthetic,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Median perplexity: synthetic"), "",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Median perplexity of synthetic samples under the real-data model. Far below the "
         "baseline: templated; far above: off the real distribution."),
     1},
    {key::kCrossExactDuplicates,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Cross-corpus exact duplicates"), "",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Synthetic samples whose normalised text equals a real sample's: copied, not "
         "generated (leakage or memorisation)."),
     0},
    {key::kCrossExactDuplicateRate,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Cross-corpus exact-duplicate rate"),
     "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Share of synthetic samples of five or more tokens whose normalised text equals a real "
         "sample's: copied, not generated. Shorter samples are counted apart (short matches)."),
     4},
    {key::kCrossNearDuplicateRate,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Cross-corpus near-duplicate rate"),
     "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Share of synthetic samples of five or more tokens in a near-duplicate group with a real "
         "sample (MinHash, Jaccard ≥ 0.8). Above ~1%: the generator is paraphrasing its seeds "
         "too closely. Read it against the real-vs-real band: real data repeats itself too."),
     4},
    {key::kShortExactMatchRate,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Short exact matches"), "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Share of synthetic samples under five tokens (\"yes\", a name) whose text equals a "
         "real sample's. Short answers coincide by chance; this is not counted as leakage."),
     4},
    {key::kCoverageRealBySynthetic,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Coverage: real by synthetic"), "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Coverage (Naeem et al. 2020): share of real samples whose 5-nearest-neighbour ball "
         "in embedding space holds a synthetic sample. The radius adapts to the real data, so "
         "the long tail counts. Falling: the synthetic data leaves parts of reality uncovered."),
     4},
    {key::kCoverageSyntheticByReal,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Coverage: synthetic by real"), "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Coverage with the roles swapped: share of synthetic samples whose 5-NN ball among the "
         "synthetic samples holds a real sample. Low: much of the synthetic data is not grounded "
         "in anything real."),
     4},
    {key::kPrecision, QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Precision (k-NN)"),
     "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Improved precision (Kynkäänniemi et al. 2019): share of synthetic samples inside the "
         "5-NN ball of some real sample. Low: synthetic samples fall outside reality."),
     4},
    {key::kRecall, QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Recall (k-NN)"), "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Improved recall (Kynkäänniemi et al. 2019): share of real samples inside the 5-NN ball "
         "of some synthetic sample. Falling: the synthetic data no longer spans reality."),
     4},
    {key::kDensity, QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Density (k-NN)"), "",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Density (Naeem et al. 2020): how many real 5-NN balls hold a synthetic sample, over 5; "
         "about 1 when the sides match, above 1 when synthetic samples crowd into the common "
         "regions."),
     3},
    {key::kLabelEntropyChangeBits,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Label entropy change"), "bits",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Label entropy of the synthetic side minus the real side's. Negative: the label mix "
         "is more concentrated than reality (majority amplification, Das et al. 2024)."),
     3},
    {key::kPerplexityLogRatio,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Perplexity gap |log ratio|"), "",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "|ln(median synthetic perplexity / median real held-out perplexity)| under the "
         "real-data language model. Large: the text is far more (or less) predictable than "
         "people's."),
     3},
    {key::kMauve, QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "MAUVE"), "",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Area under the divergence frontier of real vs synthetic embedding clusters (Pillutla et "
         "al. 2021), 0–1, 1 = same distribution. Computed on Synthscope's embeddings, so compare "
         "values only within Synthscope."),
     4},
    {key::kDetectabilityAuc,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Detectability ROC-AUC"), "",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "How well a cross-validated logistic regression on the embeddings tells synthetic from "
         "real (0.5 = cannot, 1 = always). Near 1: synthetic data is easy to spot; it does not "
         "look like reality."),
     4},
    {key::kJsClusterShare,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "JS divergence: cluster shares"), "bits",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Jensen–Shannon divergence of how real and synthetic samples spread over the k-means "
         "clusters. High: the two sides occupy different regions (template factories, uncovered "
         "tails)."),
     4},
    {key::kRealSamples, QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Real samples"), "",
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog",
                       "Samples on the real side (all real corpora)."),
     0},
    {key::kSyntheticSamples,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Synthetic samples"), "",
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog",
                       "Samples on the synthetic side (all synthetic corpora)."),
     0},
};

// Concentration of the synthetic side on its sources (model/Sources.h), all samples of the
// analysis; also stored per round.
const MetricInfo kSource[] = {
    {"source_largest_share_generator",
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Largest generator's share"), "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Share of the synthetic samples written by the most used generator (chapter 17, Table "
         "17-3: single source dominates). Near 1 round after round: one source defines the "
         "synthetic side. Samples without a recorded generator are not counted."),
     3},
    {"source_entropy_generator",
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Evenness over generators"), "",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Normalised Shannon entropy of the synthetic samples' generators: 1 = used evenly, 0 = "
         "one "
         "generator. Relative to the number present: read it with the count of generators."),
     3},
    {"source_count_generator",
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Distinct generators"), "",
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog",
                       "Distinct generators recorded on the synthetic samples."),
     0},
    {"source_largest_share_template_version",
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Largest template version's share"),
     "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Share of the synthetic samples written by the most used template version (chapter 17, "
         "Table "
         "17-3: single source dominates). Near 1 round after round: one source defines the "
         "synthetic side. Samples without a recorded template version are not counted."),
     3},
    {"source_entropy_template_version",
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Evenness over template versions"), "",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Normalised Shannon entropy of the synthetic samples' template versions: 1 = used evenly, "
         "0 = one "
         "template version. Relative to the number present: read it with the count of template "
         "versions."),
     3},
    {"source_count_template_version",
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Distinct template versions"), "",
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog",
                       "Distinct template versions recorded on the synthetic samples."),
     0},
    {"source_largest_share_judge_version",
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Largest judge version's share"),
     "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Share of the synthetic samples written by the most used judge version (chapter 17, Table "
         "17-3: single source dominates). Near 1 round after round: one source defines the "
         "synthetic side. Samples without a recorded judge version are not counted."),
     3},
    {"source_entropy_judge_version",
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Evenness over judge versions"), "",
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog",
                       "Normalised Shannon entropy of the synthetic samples' judge versions: 1 = "
                       "used evenly, 0 = "
                       "one "
                       "judge version. Relative to the number present: read it with the count of "
                       "judge versions."),
     3},
    {"source_count_judge_version",
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Distinct judge versions"), "",
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog",
                       "Distinct judge versions recorded on the synthetic samples."),
     0},
};

// What an LLM judge preferred among a corpus's preference pairs (analysis/Judge.h). "Second"
// is the pair's second output: AlpacaEval's model output against the reference output_1.
const MetricInfo kJudge[] = {
    {key::kJudgePairs, QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Judged pairs"), "",
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Preference pairs with a verdict."), 0},
    {key::kJudgeWinRate, QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Win rate"), "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Share of judged pairs where the judge preferred the second output, ties counting half "
         "(AlpacaEval's win rate). Mixes quality with everything the judge rewards, length "
         "included."),
     3},
    {key::kJudgeLongerWins,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Longer output wins"), "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Among decisive pairs whose outputs differ in length, the share won by the longer one. "
         "The raw figure: it counts quality that comes with length as bias."),
     3},
    {key::kJudgeLengthControlledWinRate,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Length-controlled win rate"), "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "The win rate a logistic model of the verdicts predicts had both outputs had the same "
         "length (Dubois et al. 2024). Far below the win rate: the second output wins on length, "
         "not on quality."),
     3},
    {key::kJudgeLengthPreference,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Judge length preference"), "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "How often, between outputs of equal quality, the judge prefers the one 100 tokens "
         "longer (from the same model). 0.5: length does not sway the judge; above 0.7 (the "
         "default red line) a filter built on this judge keeps the verbose. Quality that comes "
         "with length counts as bias, so where quality rises with length this overstates it."),
     3},
    {key::kJudgeLengthSlope,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Length coefficient"), "",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Coefficient of tanh(standardised length difference) in the verdict's logit: 0 when "
         "the judge ignores length."),
     2},
    {key::kJudgeLengthDifferenceSd,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Length difference, standard deviation"),
     "tokens",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Standard deviation of the second output's length minus the first's: the scale of the "
         "length preference."),
     1},
    {key::kJudgeMeanLengthFirst,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Mean length, first output"), "tokens",
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog",
                       "Mean tokens of the first outputs of the judged pairs."),
     1},
    {key::kJudgeMeanLengthSecond,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Mean length, second output"), "tokens",
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog",
                       "Mean tokens of the second outputs of the judged pairs."),
     1},
    {key::kJudgeKeptDistinct2,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Distinct-2 of what was kept"), "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Distinct bigrams over bigrams in the preferred outputs, on the same token budget as "
         "what was offered. Below the offered value: filtering by this judge narrows the data."),
     4},
    {key::kJudgeOfferedDistinct2,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "Distinct-2 of what was offered"),
     "share",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Distinct bigrams over bigrams in both outputs of the decisive pairs, on the kept "
         "outputs' token budget."),
     4},
    {key::kJudgeKeptVendiNgram,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "N-gram Vendi score of what was kept"),
     "",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Effective number of distinct 10-token windows among the preferred outputs (Friedman "
         "& Dieng 2023), on the same sample count as what was offered."),
     1},
    {key::kJudgeOfferedVendiNgram,
     QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog",
                       "N-gram Vendi score of what was offered"),
     "",
     QT_TRANSLATE_NOOP(
         "synthscope::model::MetricCatalog",
         "Effective number of distinct 10-token windows among both outputs of the decisive "
         "pairs."),
     1},
};

} // namespace

std::span<const MetricInfo> corpusMetrics() {
    return kCorpus;
}
std::span<const MetricInfo> comparisonMetrics() {
    return kComparison;
}
std::span<const MetricInfo> sourceMetrics() {
    return kSource;
}

bool isComparisonMetric(const QString& key) {
    return std::any_of(std::begin(kComparison), std::end(kComparison),
                       [&](const MetricInfo& m) { return key == QLatin1StringView(m.key); });
}

bool isUncontrolledMetric(const QString& key) {
    static const QStringList keys = {QString::fromLatin1(key::kVocabularySize),
                                     QString::fromLatin1(key::kDistinct1),
                                     QString::fromLatin1(key::kDistinct2),
                                     QString::fromLatin1(key::kDistinct3),
                                     QString::fromLatin1(key::kExactDuplicateRate),
                                     QString::fromLatin1(key::kSkeletonRepetitionRate),
                                     QString::fromLatin1(key::kTop10SkeletonShare),
                                     QString::fromLatin1(key::kTemplateRate),
                                     QString::fromLatin1(key::kCompressionRatio),
                                     QString::fromLatin1(key::kSelfBleu),
                                     QString::fromLatin1(key::kRepeatedNgramRate),
                                     QString::fromLatin1(key::kPerplexityMedian),
                                     QString::fromLatin1(key::kNearDuplicateRate),
                                     QString::fromLatin1(key::kNnSimilarityRatio),
                                     QString::fromLatin1(key::kMeanNnSimilarity),
                                     QString::fromLatin1(key::kVendiScore),
                                     QString::fromLatin1(key::kExactDuplicates),
                                     QString::fromLatin1(key::kNearDuplicates)};
    return keys.contains(key);
}

std::span<const MetricInfo> judgeMetrics() {
    return kJudge;
}

const MetricInfo* findMetric(const QString& key) {
    for (const MetricInfo& m : kJudge)
        if (key == QLatin1StringView(m.key))
            return &m;
    for (const MetricInfo& m : kCorpus)
        if (key == QLatin1StringView(m.key))
            return &m;
    for (const MetricInfo& m : kComparison)
        if (key == QLatin1StringView(m.key))
            return &m;
    for (const MetricInfo& m : kSource)
        if (key == QLatin1StringView(m.key))
            return &m;
    // A length-matched value or its baseline reads as the raw measure it controls.
    for (QLatin1StringView suffix : {QLatin1StringView(key::kLengthMatchedSuffix),
                                     QLatin1StringView(key::kLengthBaselineSuffix)})
        if (key.endsWith(suffix))
            return findMetric(key.chopped(suffix.size()));
    return nullptr;
}

QString formatMetric(const MetricInfo& info, double value) {
    return QString::number(value, 'f', info.decimals);
}

QString metricTr(const char* text) {
    return QCoreApplication::translate("synthscope::model::MetricCatalog", text);
}

QString metricNameWithUnit(const MetricInfo& info) {
    // The units the catalog uses, for lupdate.
    static constexpr const char* kUnits[] = {
        QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "tokens"),
        QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "characters"),
        QT_TRANSLATE_NOOP("synthscope::model::MetricCatalog", "bits")};
    (void)kUnits;
    if (info.unit[0] == '\0' || std::string_view(info.unit) == "share")
        return metricTr(info.title);
    return QCoreApplication::translate("synthscope::model::MetricCatalog", "%1 (%2)")
        .arg(metricTr(info.title), metricTr(info.unit));
}

} // namespace synthscope::model
