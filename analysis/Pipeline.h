#pragma once

#include "analysis/Divergence.h"
#include "analysis/Diversity.h"
#include "analysis/InputStyle.h"
#include "analysis/Judge.h"
#include "analysis/LanguageModel.h"
#include "analysis/LengthControl.h"
#include "analysis/LogOdds.h"
#include "analysis/Profile.h"
#include "analysis/Progress.h"
#include "analysis/Similarity.h"
#include "analysis/Templates.h"
#include "analysis/VsReal.h"

#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace synthscope::analysis {

/// One corpus handed to analyzeCorpora(): its texts, and labels (empty, or one per text).
struct CorpusInput {
    bool synthetic = false;
    std::span<const std::string> texts;
    std::span<const std::string> labels;
    /// Preference pairs among the texts (document indices into texts), judged by an LLM or
    /// chosen/rejected; empty for a corpus of single samples.
    std::span<const IndexedPair> pairs = {};
    /// Duplicate-cluster ids computed elsewhere (a MinHash engine run over the whole corpus),
    /// one per text, "" for none; empty span: none. Texts of this corpus with equal ids join
    /// one near-duplicate group (ids of different corpora never match: each corpus's ids are
    /// taken to be its own engine run's). See SimilarityParams::duplicateClusters.
    std::span<const std::string> duplicateClusters = {};
};

struct AnalysisParams {
    std::size_t histogramBins = 40;   ///< bins of the token-length histogram (see sharedHistogram)
    LogOddsParams logOdds;            ///< indicating n-grams (unigrams and bigrams)
    SimilarityParams similarity;      ///< duplicates, embeddings, neighbours, clusters, MAUVE
    bool findSimilarity = true;       ///< off: skip analyzeSimilarity()
    bool findStructure = true;        ///< off: skip skeletons, diversity and the language model
    TemplateParams templates;         ///< skeleton groups, template rate, openings/closings
    std::size_t selfBleuSample = 500; ///< documents per corpus scored by self-BLEU
    /// Equal-budget diversity (budgetedDiversity): at most this many tokens per draw; the run
    /// uses the smallest corpus's token count when smaller, but at least 2,000.
    std::size_t diversityTokenBudget = 20000;
    /// Windows of the n-gram Vendi score; fewer when the smallest corpus has fewer than
    /// 10 × this many tokens (tokens / 10), but at least 100.
    std::size_t vendiSamples = 500;
    std::size_t diversityDraws = 3; ///< seeded draws averaged by budgetedDiversity
    /// Tokens per draw of selfRepetition(): fixed, not the run's smallest corpus, so values
    /// compare across runs (corpora with fewer tokens are not measured).
    std::size_t selfRepetitionTokens = 20000;
    KneserNeyParams languageModel; ///< trained on the real side's training split
    double heldOutShare = 0.1;     ///< share of real samples held out to score perplexity
    std::uint64_t seed = 1;        ///< for the held-out split and the self-BLEU sample
    /// Skeletons, diversity and the language model (findStructure) run on a second thread beside
    /// analyzeSimilarity() when the corpora hold at most this many tokens; above it, one after
    /// the other, so that peak memory is the larger stage's, not both together; 0: never side by
    /// side. Only when both findStructure and findSimilarity are on. The results are the same
    /// either way (both only read the tokens; every random choice is seeded).
    std::size_t concurrentStagesMaxTokens = 20'000'000;
    /// Each synthetic corpus against the real side, with its null band (compareEachWithReal)
    /// and the pooled k-NN-radius, perplexity, label-entropy and cross-copy measures
    /// (comparePooled); needs findSimilarity for the embedding measures, clusters and
    /// near-duplicate groups.
    VsRealParams vsReal;
    /// Length-matched real baselines of the length-sensitive self-similarity measures
    /// (controlForLength); its seed and nnThreshold are taken from seed and similarity.
    LengthControlParams lengthControl;
    /// The judge's lexical cues (JudgeResult::indicating) count only n-grams found in at least
    /// this many outputs: one long output that repeats a phrase (a braille table) is not a cue.
    std::size_t judgeCueMinOutputs = 5;
    /// Word list of InputStyle::oovRate (buildLexicon); null: the rate is not measured.
    std::shared_ptr<const Lexicon> lexicon;
};

/// Diversity, template and perplexity measures of one corpus.
struct CorpusExtras {
    double compressionRatio = 0.0;  ///< see compressionRatio()
    double selfBleu = 0.0;          ///< see selfBleu()
    double mtld = 0.0;              ///< MTLD of the corpus as one token stream, tokens/factor
    double repeatedNgramRate = 0.0; ///< rep-4, see repeatedNgramRate()
    /// Vocabulary and distinct-2 on an equal token budget and the n-gram Vendi score on an
    /// equal sample count (AnalysisResult::diversityTokenBudget, vendiSamples): comparable
    /// across corpora of different sizes and lengths, unlike the whole-corpus values.
    BudgetedDiversity budgeted;
    /// selfRepetition() on AnalysisParams::selfRepetitionTokens tokens; NaN for a smaller corpus.
    double selfRepetition = std::numeric_limits<double>::quiet_NaN();
    CorpusTemplateStats templates;
    /// Median per-sample perplexity under the real-data model: over the held-out samples for
    /// a real corpus, over all samples for a synthetic one; absent without a real side.
    std::optional<double> perplexityMedian;
};

/// Pooled real corpora (side A) against pooled synthetic corpora (side B).
struct RealVsSynthetic {
    std::size_t realSamples = 0;
    std::size_t syntheticSamples = 0;
    double jsLengthTokens = 0.0;         ///< JS divergence (bits) of the shared length histogram
    double jsUnigram = 0.0;              ///< JS divergence (bits) of unigram frequencies
    double jsBigram = 0.0;               ///< JS divergence (bits) of bigram frequencies
    std::optional<double> jsLabel;       ///< JS divergence (bits) of labels; both sides labelled
    KsResult ksLengthTokens;             ///< two-sample KS on token lengths
    SharedHistogram lengthHistogram;     ///< A = real, B = synthetic, in tokens
    std::vector<std::string> labels;     ///< union of labels, most frequent overall first
    std::vector<double> labelCountsReal; ///< per entry of labels
    std::vector<double> labelCountsSynthetic;
    LogOddsResult indicating; ///< indicatingA = real's words, indicatingB = synthetic's
};

struct AnalysisResult {
    /// One per input corpus, in input order; the large count maps are emptied.
    std::vector<CorpusProfile> corpora;
    /// Present when at least one real and one synthetic corpus has a sample.
    std::optional<RealVsSynthetic> comparison;
    /// Duplicates, embeddings, neighbours, clusters, MAUVE, detectability (document indices
    /// over the corpora in input order); absent when findSimilarity is off.
    std::optional<SimilarityResult> similarity;
    /// One per input corpus.
    std::vector<CorpusExtras> extras;
    /// Skeleton groups over all samples; document indices run over the corpora in input order.
    TemplateResult templates;
    /// Per document (same indexing): perplexity under the real-data model, NaN for the real
    /// samples it was trained on (and for all when there is no real side).
    std::vector<double> perplexity;
    std::optional<double> perplexityMedianRealHeldOut;
    std::size_t diversityTokenBudget = 0; ///< tokens per draw of CorpusExtras::budgeted
    std::size_t vendiSamples = 0;         ///< samples per draw of the n-gram Vendi score
    /// Each synthetic corpus (with enough samples) against the pooled real corpora, with the
    /// null band at its budget; empty without a real side.
    std::vector<CorpusVsReal> vsReal;
    /// Pooled real against pooled synthetic on every ComparisonMetrics measure (the embedding
    /// ones on a seeded subsample); absent when comparison is.
    std::optional<ComparisonMetrics> pooled;
    std::optional<double> perplexityMedianSynthetic;
    /// Each synthetic corpus's exact- and near-duplicate rates, skeleton repetition, nearest-
    /// neighbour similarity and perplexity against real samples of the same lengths; empty
    /// without a real side.
    std::vector<CorpusLengthControl> lengthControl;
    /// One per input corpus: how its texts are written (casing, end punctuation, sentences,
    /// politeness markers; measureInputStyle).
    std::vector<InputStyle> inputStyle;
    /// One per input corpus: what the judge preferred among its preference pairs, by token
    /// length (analyzeJudge); nullopt for a corpus without pairs.
    std::vector<std::optional<JudgeResult>> judge;
    /// Wall-clock seconds of each stage, in the order run ("tokenize+profile", "judge" (with
    /// preference pairs), "skeletons", "skeleton groups + diversity" (run concurrently), "language
    /// model", then analyzeSimilarity's stages, "structure + similarity (concurrent, wall)" when
    /// the two ran side by side (concurrentStagesMaxTokens: the stages before it then overlap),
    /// "each corpus vs real", "length-matched baselines", "comparison").
    std::vector<std::pair<std::string, double>> stageSeconds;
};

/// Profiles every corpus, compares pooled real against pooled synthetic (JS divergences, KS,
/// label distributions, indicating n-grams by weighted log-odds), groups samples by template
/// skeleton, measures diversity and perplexity under an n-gram model of the real side's
/// training split, and runs analyzeSimilarity() (duplicates, embeddings, neighbours,
/// clusters, MAUVE, detectability), then compares each synthetic corpus with the real side
/// on equal budgets next to a null band of real against real (compareEachWithReal) and
/// against a length-matched real baseline (controlForLength).
/// Corpora with preference pairs also get analyzeJudge() on their outputs' token lengths.
/// Throws std::invalid_argument for labels or duplicateClusters whose size is neither 0 nor the
/// texts' size, and for a pair index outside its corpus;
/// throws Cancelled when progress asks to stop.
AnalysisResult analyzeCorpora(std::span<const CorpusInput> corpora,
                              const AnalysisParams& params = {}, const Progress& progress = {});

} // namespace synthscope::analysis
