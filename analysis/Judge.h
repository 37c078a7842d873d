#pragma once

#include "analysis/Diversity.h"
#include "analysis/LogOdds.h"
#include "analysis/Statistics.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace synthscope::analysis {

/// One pair of outputs an LLM judge compared: their lengths and its verdict.
struct JudgedPair {
    double lengthFirst = 0.0;  ///< tokens (any unit, as long as both sides use it)
    double lengthSecond = 0.0; ///< tokens
    /// The verdict as the probability that the second output is preferred: 1 = second,
    /// 0 = first, 0.5 = a tie (AlpacaEval's preference − 1). NaN: no verdict (a failed or
    /// missing judgement); such pairs are counted but not used.
    double preferSecond = kNaN;
};

/// A preference pair by the document indices of its two outputs within one corpus
/// (CorpusInput::pairs), with the verdict as in JudgedPair.
struct IndexedPair {
    std::uint32_t first = 0;
    std::uint32_t second = 0;
    double preferSecond = kNaN;
};

struct JudgeParams {
    /// Ridge λ on both coefficients of the length model (keeps them finite when every verdict
    /// goes one way); negligible beside the log-likelihood of a few hundred pairs.
    double l2 = 0.01;
    std::size_t maxIterations = 100; ///< Newton steps
    /// Bins of the standardised length difference for the observed-vs-fitted curve, over
    /// [−curveRange, curveRange] (values beyond fall in the end bins).
    std::size_t curveBins = 9;
    double curveRange = 2.25;
    /// The length difference (in the lengths' unit, tokens) at which lengthPreference is read:
    /// one fixed amount for every corpus, so that values compare across corpora.
    double preferenceLength = 100.0;
};

/// One bin of the standardised length difference z = (second − first) / sd.
struct JudgeCurveBin {
    double z = 0.0;         ///< centre of the bin, in standard deviations
    std::size_t pairs = 0;  ///< judged pairs in the bin
    double observed = kNaN; ///< mean verdict (share preferring the second output); NaN: empty
    /// The length model's mean prediction over the bin's pairs (at the bin centre when empty),
    /// so that it compares with observed also in the end bins, which hold everything beyond.
    double fitted = kNaN;
    double lengthFree = kNaN; ///< the length model with the length term set to 0
};

/// What a pairwise judge preferred, with the part due to length separated out.
struct JudgeResult {
    std::size_t pairs = 0;  ///< all pairs given
    std::size_t judged = 0; ///< pairs with a verdict
    std::size_t ties = 0;   ///< judged pairs with a verdict strictly between 0 and 1
    double meanLengthFirst = kNaN;
    double meanLengthSecond = kNaN;
    /// Share of judged pairs preferring the second output, ties counting their verdict
    /// (AlpacaEval's win rate, as a share). Range [0, 1].
    double winRate = kNaN;
    double winRateStdError = kNaN; ///< standard error of the mean verdict
    /// Among decisive pairs (verdict 0 or 1) whose outputs differ in length: the share where
    /// the longer output won. Range [0, 1]; NaN without such pairs. Mixes the judge's length
    /// preference with any quality that comes with length: the raw figure, not the bias.
    double longerWins = kNaN;
    std::size_t longerWinsPairs = 0; ///< the pairs longerWins counts
    /// Standard deviation of the length difference (second − first) over judged pairs, in the
    /// lengths' unit; the scale of z.
    double lengthDifferenceSd = kNaN;
    /// Coefficients of the length model logit P(second preferred) = quality + lengthSlope ·
    /// tanh(z) (Dubois et al. 2024, length-controlled AlpacaEval, without the instruction-
    /// difficulty term, which needs many generators per instruction), fitted by ridge-
    /// regularised maximum likelihood with verdicts as soft labels (Newton–Raphson). Standard
    /// errors from the inverse Hessian.
    double quality = kNaN;
    double qualityStdError = kNaN;
    double lengthSlope = kNaN; ///< NaN when all length differences are equal (no length signal)
    double lengthSlopeStdError = kNaN;
    /// σ(quality): the win rate the model predicts had both outputs had the same length
    /// (the length-controlled win rate). Range [0, 1].
    double lengthControlledWinRate = kNaN;
    double lengthControlledStdError = kNaN; ///< delta method from qualityStdError
    /// σ(lengthSlope · tanh(preferenceLength / lengthDifferenceSd)): how often, by this corpus's
    /// model, the output longer by JudgeParams::preferenceLength tokens wins between outputs of
    /// equal quality. 0.5: length does not sway the judge; the default red line warns above
    /// 0.7. Read per corpus: the model is fitted on each corpus's own pairs, so one judge can
    /// score differently on two corpora, and where nearly every second output is the longer
    /// (secondShorterPairs small) the slope rests on few pairs. winRate −
    /// lengthControlledWinRate is how much of this generator's win rate length explains.
    double lengthPreference = kNaN;
    std::size_t secondShorterPairs = 0; ///< judged pairs whose second output is the shorter
    std::vector<JudgeCurveBin> curve;   ///< observed and fitted verdicts by z (curveBins bins)

    // Filled by analyzeCorpora (judgeKept()), which has the texts; analyzeJudge leaves them.
    /// Indicating unigrams and bigrams (weighted log-odds, Monroe et al. 2008, on occurrence
    /// counts, so per-token rates: a longer output does not lean by its length alone) of the
    /// preferred (side A) against the rejected (side B) output of each decisive pair, among the
    /// n-grams found in at least AnalysisParams::judgeCueMinOutputs (5) outputs (one long output
    /// repeating a phrase is not a cue): the local lexical cues a judge follows (Das et al. 2024).
    /// Both outputs of a pair answer the same prompt, so topic cancels; a generator's style does
    /// not: when one generator wins most pairs, these are largely its words against the other's,
    /// which is what a filter built on this judge would select.
    LogOddsResult indicating;
    /// Diversity of what the judge kept (the preferred output of each decisive pair) and of what
    /// it was offered (both outputs of the same pairs), on the same token budget (the kept
    /// outputs' tokens, at most AnalysisParams::diversityTokenBudget, at least 2,000; NaN when
    /// fewer kept tokens). Kept below offered: filtering by this judge narrows the data. Length
    /// confounds it: the kept outputs are longer, and long outputs repeat their own bigrams.
    BudgetedDiversity kept;
    BudgetedDiversity offered;
    std::size_t diversityTokenBudget = 0;
};

/// Fits the length model to pairs and measures the raw and length-controlled preferences.
///
/// Confounds: the model attributes to length everything that rises with the length difference
/// inside this set of pairs, so genuine quality that comes with length counts as bias (where
/// quality does rise with length, the estimate is an upper bound on the judge's length bias and
/// lengthControlledWinRate a lower bound on a verbose generator's merit); without the
/// instruction-difficulty term a hard instruction's verdicts are not set apart. Length is in tokens
/// (Synthscope's tokenizer), not AlpacaEval's characters; z is standardised, so the unit matters
/// only through tanh's curve. Needs at least two judged pairs for the model (otherwise its fields
/// stay NaN). Position bias is not measured: these sources do not record which output the judge saw
/// first. Throws std::invalid_argument for a length that is negative or not finite, or a verdict
/// outside [0, 1].
JudgeResult analyzeJudge(std::span<const JudgedPair> pairs, const JudgeParams& params = {});

} // namespace synthscope::analysis
