#pragma once

#include "analysis/MinHash.h"
#include "analysis/Progress.h"
#include "analysis/Skeleton.h"
#include "analysis/Tokenizer.h"

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace synthscope::analysis {

struct TemplateParams {
    /// Near-identical skeletons: MinHash/LSH over skeleton 3-token shingles, Jaccard ≥ 0.7.
    /// (Edit distance would compare all pairs, O(n²); MinHash/LSH stays linear.)
    std::size_t shingleTokens = 3;
    /// 64 permutations in 16 bands of 4 rows: a pair with J = 0.7 becomes a candidate with
    /// probability 1 − (1 − 0.7⁴)¹⁶ = 0.988, one with J = 0.5 with 0.64 (then rejected by
    /// the exact Jaccard check).
    MinHashParams minhash{64, 16, 0.7, 7};
    /// Recurring skeleton n-grams (Shaib et al. 2024): n, how many of a corpus's most
    /// document-frequent n-grams count as its templates, and how many tokens of a pattern must
    /// be kept (function words, punctuation, markup) for it to be a pattern at all.
    std::size_t patternLength = 6;
    std::size_t topPatterns = 100;
    std::size_t minLiteralTokens = 3;
    /// Recurring templates ranked against the real side: how many to keep, and in how many
    /// samples (both roles together) a pattern must occur to be ranked at all.
    std::size_t topRecurring = 30;
    std::uint64_t minRecurringSamples = 5;
    std::size_t examplesPerSide = 4; ///< RecurringTemplate::examples of each role
    /// Moulds: samples grouped by the template windows they share, however long they are and
    /// whatever fills them. A sample's mould windows are the patternLength-token windows (with
    /// minLiteralTokens kept) of its skeleton with every run of placeholders collapsed into one
    /// (so "<W> <W> <W>" and "<W>" fill the same slot); short replies have none. Groups are
    /// stars (starGroups): every member's window set within Jaccard 0.1 of its centre's.
    /// Why 0.1: over 50,000 random pairs of answers with ≥ 20 windows the 99.9th percentile is
    /// 0.05 among Dolly's human answers and 0.07 among Twitter's replies (0.23 among Bitext's
    /// synthetic ones); the ten most synthetic groups of the demo hold 22 % of Bitext at 0.15,
    /// 30 % at 0.12 and 34 % at 0.1. Recall: 32 bands of 2 rows put a pair at J = 0.1 in a
    /// common bucket with probability 1 − (1 − 0.1²)³² = 0.28, at 0.2 with 0.73 and at 0.3
    /// with 0.95; a member must meet its centre so (starGroups). Confounds: a sample's
    /// windows grow with its length, so a long sample needs more shared structure to reach the
    /// threshold than a short one (Jaccard, not containment); language: the function words
    /// that skeletons keep are English (FunctionWords).
    StarParams moulds;
    /// Openings and closings: the first and last k word tokens.
    std::size_t affixTokens = 3;
    std::size_t topAffixes = 25;
};

/// One group of the Skeletons view: a mould (samples sharing template windows, see
/// TemplateParams::moulds; "template clusters" in the sense of Shaib et al. 2024's syntactic
/// templates), or samples without a mould window whose skeletons are near-identical: short
/// replies, and the rare longer skeleton whose collapsed form has no window with three kept
/// tokens (a list of names).
struct SkeletonGroup {
    /// A mould: its centre's collapsed skeleton, with the stretches that fewer than half of the
    /// members share written as "…". Otherwise: the skeleton of the group's first member.
    std::string pattern;
    std::vector<std::uint32_t> members; ///< document indices (input order)
    bool mould = false;                 ///< grouped by shared template windows
};

/// Template measures of one corpus; shares in [0, 1].
struct CorpusTemplateStats {
    /// Share of samples whose skeleton group holds at least one other sample of the corpus.
    double skeletonRepetitionRate = 0.0;
    /// Share of samples in the corpus's 10 largest skeleton groups (counted within the corpus).
    double top10SkeletonShare = 0.0;
    /// Shaib et al. 2024, on skeleton n-grams instead of part-of-speech n-grams: the share of
    /// samples containing at least one of the corpus's templates (its topPatterns most
    /// document-frequent skeleton n-grams seen in ≥ 2 samples).
    double templateRate = 0.0;
    /// Template occurrences per skeleton token.
    double templatesPerToken = 0.0;
    std::vector<std::pair<std::string, std::uint64_t>> topTemplates; ///< pattern, samples (10)
};

/// A recurring skeleton n-gram — a syntactic template in the sense of Shaib et al. 2024
/// ("Detection and Measurement of Syntactic Templates in Generated Text"), on skeletons instead
/// of part-of-speech tags — with the samples of each role that contain it (document frequency)
/// and how far it leans to the synthetic side.
struct RecurringTemplate {
    std::string pattern;         ///< patternLength skeleton tokens as skeletonString() shows them
    std::uint64_t real = 0;      ///< real samples containing it
    std::uint64_t synthetic = 0; ///< synthetic samples containing it
    /// Weighted log-odds z-score of the odds that a sample contains it, synthetic against real
    /// (n = the samples of each role), with an informative Dirichlet prior at its pooled
    /// frequency (Monroe, Colaresi & Quinn 2008; see weightedLogOdds). > 0 leans synthetic. A
    /// ranking score, not a calibrated test: Monroe's variance leaves out the 1/(n − y − α)
    /// terms, which matter for templates in a large share of samples, so z overstates the
    /// evidence there. Its confound is corpus size (z grows with the counts), not length: a
    /// sample counts once however long it is.
    double zScore = 0.0;
    /// Samples that contain it, to show it in context: the first examplesPerSide synthetic ones
    /// then the first examplesPerSide real ones (document indices, input order within a side).
    std::vector<std::uint32_t> examples;
};

/// A recurring opening or closing with its count on each side.
struct Affix {
    std::string text;
    std::uint64_t real = 0;
    std::uint64_t synthetic = 0;
};

struct TemplateResult {
    std::vector<std::uint32_t> groupOf; ///< per document: index into groups, or UINT32_MAX
    std::vector<SkeletonGroup> groups;  ///< moulds and short-reply groups of ≥ 2, largest first
    /// Per document: its group of near-identical whole skeletons (MinHash/LSH over skeleton
    /// 3-token shingles, Jaccard ≥ 0.7; ids are arbitrary), or UINT32_MAX when its skeleton is
    /// shared with no other. Skeleton repetition and the top-10 skeleton share count these.
    std::vector<std::uint32_t> skeletonOf;
    std::vector<CorpusTemplateStats> corpora; ///< one per corpus
    /// Templates that lean synthetic (z > 0), highest z first, at most topRecurring; empty when
    /// either role has no samples.
    std::vector<RecurringTemplate> recurring;
    std::vector<Affix> openings; ///< most frequent first (by real + synthetic)
    std::vector<Affix> closings;
};

/// Skeletons, moulds and skeleton groups (over all corpora jointly), and per-corpus template
/// measures.
/// skeletons.doc(i) is skeletonTokens() of document i; words[i] its word-token ids in
/// vocabulary (TokenizedCorpus::doc(), for the openings and closings); corpusOf[i] its corpus
/// (0 … corpusCount−1) and synthetic[c] the role of corpus c.
/// Throws std::invalid_argument for mismatched sizes; Cancelled when asked to stop.
TemplateResult analyzeTemplates(const SkeletonCorpus& skeletons,
                                std::span<const std::span<const std::uint32_t>> words,
                                const Vocabulary& vocabulary,
                                std::span<const std::uint32_t> corpusOf,
                                std::span<const bool> synthetic, const TemplateParams& params = {},
                                const Progress& progress = {});

} // namespace synthscope::analysis
