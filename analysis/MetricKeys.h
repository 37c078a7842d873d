#pragma once

/// The names of the scalar metrics an analysis stores (metrics.name in the project file, the
/// keys of `summary --json`, the rule metrics of the red lines). One definition serves the
/// writer (model/AnalysisRecord), the catalog that describes them (model/MetricCatalog), the
/// comparison and length-control key lists (comparisonKeys(), lengthControlledKeys()) and the
/// readers; a name never changes once released, since stored runs and rule files use it.
namespace synthscope::analysis::key {

// Per corpus (metrics.corpus_id = the corpus).
inline constexpr char kSamples[] = "samples";
inline constexpr char kTokens[] = "tokens";
inline constexpr char kMeanLengthTokens[] = "mean_length_tokens";
inline constexpr char kMedianLengthTokens[] = "median_length_tokens";
inline constexpr char kMeanLengthChars[] = "mean_length_chars";
inline constexpr char kVocabularySize[] = "vocabulary_size";
inline constexpr char kDistinct1[] = "distinct_1";
inline constexpr char kDistinct2[] = "distinct_2";
inline constexpr char kDistinct3[] = "distinct_3";
inline constexpr char kExactDuplicateRate[] = "exact_duplicate_rate";
inline constexpr char kExactDuplicates[] = "exact_duplicates";
inline constexpr char kLabelledSamples[] = "labelled_samples";
inline constexpr char kLabelEntropyBits[] = "label_entropy_bits";
inline constexpr char kSkeletonRepetitionRate[] = "skeleton_repetition_rate";
inline constexpr char kTop10SkeletonShare[] = "top10_skeleton_share";
inline constexpr char kTemplateRate[] = "template_rate";
inline constexpr char kTemplatesPerToken[] = "templates_per_token";
inline constexpr char kCompressionRatio[] = "compression_ratio";
inline constexpr char kSelfBleu[] = "self_bleu";
inline constexpr char kRepeatedNgramRate[] = "repeated_ngram_rate";
inline constexpr char kMtld[] = "mtld";
inline constexpr char kVocabularyAtBudget[] = "vocabulary_at_budget";
inline constexpr char kDistinct2AtBudget[] = "distinct_2_at_budget";
inline constexpr char kSelfRepetitionAtBudget[] = "self_repetition_at_budget";
inline constexpr char kVendiNgram[] = "vendi_ngram";
inline constexpr char kPerplexityMedian[] = "perplexity_median";
inline constexpr char kNearDuplicates[] = "near_duplicates";
inline constexpr char kNearDuplicateRate[] = "near_duplicate_rate";
/// Samples carrying a duplicate-cluster id imported with the corpus (stored only when > 0).
inline constexpr char kImportedDuplicateClusterIds[] = "imported_duplicate_cluster_ids";
inline constexpr char kNnSimilarityRatio[] = "nn_similarity_ratio";
inline constexpr char kMeanNnSimilarity[] = "mean_nn_similarity";
inline constexpr char kVendiScore[] = "vendi_score";
inline constexpr char kLengthUnmatchedShare[] = "length_unmatched_share";
inline constexpr char kLengthMatchedSamples[] = "length_matched_samples";
/// Samples per side in each draw of a synthetic corpus's comparison with the real side.
inline constexpr char kVsRealBudget[] = "vs_real_budget";

// How a corpus's texts are written (analysis/InputStyle.h).
inline constexpr char kLowercaseStartShare[] = "lowercase_start_share";
inline constexpr char kTerminalPunctuationShare[] = "terminal_punctuation_share";
inline constexpr char kSentencesPerSample[] = "sentences_per_sample";
inline constexpr char kPolitenessMarkerShare[] = "politeness_marker_share";
inline constexpr char kOovRate[] = "oov_rate";

// Per corpus of preference pairs (analysis/Judge.h): what the judge preferred, by length.
inline constexpr char kJudgePairs[] = "judge_pairs"; ///< pairs with a verdict
inline constexpr char kJudgeWinRate[] = "judge_win_rate";
inline constexpr char kJudgeLongerWins[] = "judge_longer_wins";
inline constexpr char kJudgeLengthControlledWinRate[] = "judge_length_controlled_win_rate";
inline constexpr char kJudgeLengthPreference[] = "judge_length_preference";
inline constexpr char kJudgeLengthSlope[] = "judge_length_slope";
inline constexpr char kJudgeLengthDifferenceSd[] = "judge_length_difference_sd";
inline constexpr char kJudgeMeanLengthFirst[] = "judge_mean_length_first";
inline constexpr char kJudgeMeanLengthSecond[] = "judge_mean_length_second";
inline constexpr char kJudgeKeptDistinct2[] = "judge_kept_distinct_2";
inline constexpr char kJudgeOfferedDistinct2[] = "judge_offered_distinct_2";
inline constexpr char kJudgeKeptVendiNgram[] = "judge_kept_vendi_ngram";
inline constexpr char kJudgeOfferedVendiNgram[] = "judge_offered_vendi_ngram";

// A length-controlled measure is stored under its raw key with one of these suffixes.
inline constexpr char kLengthMatchedSuffix[] = "_length_matched";
inline constexpr char kLengthBaselineSuffix[] = "_length_baseline";
inline constexpr char kLengthLiftSuffix[] = "_length_lift";
inline constexpr char kExactDuplicateRateLengthLift[] = "exact_duplicate_rate_length_lift";
inline constexpr char kNearDuplicateRateLengthLift[] = "near_duplicate_rate_length_lift";
inline constexpr char kSkeletonRepetitionRateLengthLift[] = "skeleton_repetition_rate_length_lift";
inline constexpr char kNnSimilarityRatioLengthLift[] = "nn_similarity_ratio_length_lift";
inline constexpr char kMeanNnSimilarityLengthLift[] = "mean_nn_similarity_length_lift";
inline constexpr char kPerplexityMedianLengthLift[] = "perplexity_median_length_lift";

// Real against synthetic: pooled (metrics.corpus_id NULL) and, for the comparison keys, per
// synthetic corpus with its spread and null band.
inline constexpr char kRealSamples[] = "real_samples";
inline constexpr char kSyntheticSamples[] = "synthetic_samples";
inline constexpr char kJsLengthTokens[] = "js_divergence_length_tokens";
inline constexpr char kJsUnigram[] = "js_divergence_unigram";
inline constexpr char kJsBigram[] = "js_divergence_bigram";
inline constexpr char kJsLabel[] = "js_divergence_label";
inline constexpr char kKsLengthTokens[] = "ks_length_tokens";
inline constexpr char kKsLengthTokensPValue[] = "ks_length_tokens_p_value";
inline constexpr char kJsClusterShare[] = "js_divergence_cluster_share";
inline constexpr char kLabelEntropyChangeBits[] = "label_entropy_change_bits";
inline constexpr char kPerplexityLogRatio[] = "perplexity_log_ratio";
inline constexpr char kMauve[] = "mauve";
inline constexpr char kDetectabilityAuc[] = "detectability_auc";
inline constexpr char kDetectabilityAucStd[] = "detectability_auc_std";
inline constexpr char kPrecision[] = "precision";
inline constexpr char kRecall[] = "recall";
inline constexpr char kDensity[] = "density";
inline constexpr char kCoverageRealBySynthetic[] = "coverage_real_by_synthetic";
inline constexpr char kCoverageSyntheticByReal[] = "coverage_synthetic_by_real";
inline constexpr char kCrossExactDuplicates[] = "cross_exact_duplicates";
inline constexpr char kCrossNearDuplicates[] = "cross_near_duplicates";
inline constexpr char kCrossExactDuplicateRate[] = "cross_exact_duplicate_rate";
inline constexpr char kCrossNearDuplicateRate[] = "cross_near_duplicate_rate";
inline constexpr char kShortExactMatchRate[] = "short_exact_match_rate";
inline constexpr char kPerplexityMedianRealHeldOut[] = "perplexity_median_real_held_out";
inline constexpr char kPerplexityMedianSynthetic[] = "perplexity_median_synthetic";

// The run itself (metrics.corpus_id NULL): how large the draws of its size-controlled
// measures were. Not comparisons; summary --json lists them under "analysis".
inline constexpr char kDiversityTokenBudget[] = "diversity_token_budget";
inline constexpr char kVendiSamples[] = "vendi_samples";
inline constexpr char kMauveClusters[] = "mauve_clusters";
inline constexpr char kMauvePcaComponents[] = "mauve_pca_components";

/// The run keys above, in the order summary --json lists them.
inline constexpr const char* kRunKeys[] = {kDiversityTokenBudget, kVendiSamples, kMauveClusters,
                                           kMauvePcaComponents};

/// Keys whose values are counts (integers in summary --json); every other metric is real.
inline constexpr const char* kCountKeys[] = {kSamples,
                                             kTokens,
                                             kVocabularySize,
                                             kExactDuplicates,
                                             kLabelledSamples,
                                             kJudgePairs,
                                             kNearDuplicates,
                                             kImportedDuplicateClusterIds,
                                             kLengthMatchedSamples,
                                             kVsRealBudget,
                                             kRealSamples,
                                             kSyntheticSamples,
                                             kCrossExactDuplicates,
                                             kCrossNearDuplicates,
                                             kDiversityTokenBudget,
                                             kVendiSamples,
                                             kMauveClusters,
                                             kMauvePcaComponents};

} // namespace synthscope::analysis::key
