#include "model/AnalysisRecord.h"

#include "analysis/MetricKeys.h"
#include "model/MetricCatalog.h"
#include "model/Sources.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <set>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

namespace {
/// The translation context of this file's messages (lupdate reads the macro).
struct AnalysisRecordText {
    Q_DECLARE_TR_FUNCTIONS(synthscope::model::AnalysisRecord)
};
} // namespace

namespace key = analysis::key;

namespace {

// Collects the scalar rows of one corpus (or of the pooled comparison): finite values only.
class MetricSink {
public:
    MetricSink(std::vector<MetricRow>& rows, std::optional<qint64> corpus)
        : m_rows(rows)
        , m_corpus(corpus) {}
    void add(const std::string& name, double value,
             double sd = std::numeric_limits<double>::quiet_NaN()) {
        if (std::isfinite(value))
            m_rows.push_back({m_corpus, name, value, sd});
    }
    void add(const std::string& name, std::optional<double> value) {
        if (value)
            add(name, *value);
    }

private:
    std::vector<MetricRow>& m_rows;
    std::optional<qint64> m_corpus;
};

void addCorpusMetrics(const analysis::CorpusProfile& p, const analysis::CorpusExtras* x,
                      const analysis::CorpusSimilarity* sim, MetricSink& m) {
    m.add(key::kSamples, static_cast<double>(p.samples));
    m.add(key::kTokens, static_cast<double>(p.tokens));
    m.add(key::kMeanLengthTokens, p.meanLengthTokens);
    m.add(key::kMedianLengthTokens, p.medianLengthTokens);
    m.add(key::kMeanLengthChars, p.meanLengthChars);
    m.add(key::kVocabularySize, static_cast<double>(p.vocabularySize));
    m.add(key::kDistinct1, p.distinct1);
    m.add(key::kDistinct2, p.distinct2);
    m.add(key::kDistinct3, p.distinct3);
    m.add(key::kExactDuplicateRate, p.exactDuplicateRate);
    m.add(key::kExactDuplicates, static_cast<double>(p.exactDuplicates));
    m.add(key::kLabelledSamples, static_cast<double>(p.labelledSamples));
    if (p.labelledSamples > 0) // entropy of no labels is meaningless, not 0
        m.add(key::kLabelEntropyBits, p.labelEntropyBits);
    if (x != nullptr) {
        m.add(key::kSkeletonRepetitionRate, x->templates.skeletonRepetitionRate);
        m.add(key::kTop10SkeletonShare, x->templates.top10SkeletonShare);
        m.add(key::kTemplateRate, x->templates.templateRate);
        m.add(key::kTemplatesPerToken, x->templates.templatesPerToken);
        m.add(key::kCompressionRatio, x->compressionRatio);
        m.add(key::kSelfBleu, x->selfBleu);
        m.add(key::kRepeatedNgramRate, x->repeatedNgramRate);
        m.add(key::kMtld, x->mtld);
        m.add(key::kVocabularyAtBudget, x->budgeted.vocabulary);
        m.add(key::kDistinct2AtBudget, x->budgeted.distinct2);
        m.add(key::kSelfRepetitionAtBudget, x->selfRepetition);
        m.add(key::kVendiNgram, x->budgeted.vendiNgram);
        m.add(key::kPerplexityMedian, x->perplexityMedian);
    }
    if (sim != nullptr) {
        m.add(key::kNearDuplicates, static_cast<double>(sim->nearDuplicates));
        m.add(key::kNearDuplicateRate, sim->nearDuplicateRate);
        if (sim->importedClusterIds > 0) // only for corpora imported with a cluster field
            m.add(key::kImportedDuplicateClusterIds, static_cast<double>(sim->importedClusterIds));
        m.add(key::kNnSimilarityRatio, sim->nnSimilarityRatio);
        m.add(key::kMeanNnSimilarity, sim->meanNnSimilarity);
        m.add(key::kVendiScore, sim->vendiScore);
    }
}

// The length-matched values of one synthetic corpus under the raw measure's key with the
// suffixes _length_matched, _length_baseline and _length_lift, each with its spread over
// draws (Trends draw it as error bars on the lifts), and the share without a real match.
void addLengthControl(const analysis::CorpusLengthControl& lc, MetricSink& m) {
    m.add(key::kLengthUnmatchedShare, lc.unmatchedShare);
    m.add(key::kLengthMatchedSamples, static_cast<double>(lc.matched));
    const auto& keys = analysis::lengthControlledKeys();
    for (std::size_t k = 0; k < keys.size(); ++k) {
        const analysis::LengthControlledEstimate& e = lc.measures[k];
        const std::string raw = keys[k];
        m.add(raw + key::kLengthMatchedSuffix, e.value, e.valueSd);
        m.add(raw + key::kLengthBaselineSuffix, e.baseline, e.baselineSd);
        m.add(raw + key::kLengthLiftSuffix, e.lift, e.liftSd);
    }
}

// What the judge preferred in one corpus of preference pairs: its scalars, and the standard
// errors and length curve for the blob.
Json addJudge(const analysis::JudgeResult& j, MetricSink& m) {
    m.add(key::kJudgePairs, static_cast<double>(j.judged));
    m.add(key::kJudgeWinRate, j.winRate, j.winRateStdError);
    m.add(key::kJudgeLongerWins, j.longerWins);
    m.add(key::kJudgeLengthControlledWinRate, j.lengthControlledWinRate,
          j.lengthControlledStdError);
    m.add(key::kJudgeLengthPreference, j.lengthPreference);
    m.add(key::kJudgeLengthSlope, j.lengthSlope, j.lengthSlopeStdError);
    m.add(key::kJudgeLengthDifferenceSd, j.lengthDifferenceSd);
    m.add(key::kJudgeMeanLengthFirst, j.meanLengthFirst);
    m.add(key::kJudgeMeanLengthSecond, j.meanLengthSecond);
    m.add(key::kJudgeKeptDistinct2, j.kept.distinct2);
    m.add(key::kJudgeOfferedDistinct2, j.offered.distinct2);
    m.add(key::kJudgeKeptVendiNgram, j.kept.vendiNgram);
    m.add(key::kJudgeOfferedVendiNgram, j.offered.vendiNgram);
    JudgeSummary summary;
    summary.judged = static_cast<qint64>(j.judged);
    summary.ties = static_cast<qint64>(j.ties);
    summary.winRateStdError = j.winRateStdError;
    summary.lengthControlledStdError = j.lengthControlledStdError;
    summary.lengthSlopeStdError = j.lengthSlopeStdError;
    for (const analysis::JudgeCurveBin& b : j.curve)
        summary.curve.append({b.z, static_cast<qint64>(b.pairs), b.observed, b.fitted});
    const auto terms = [](const std::vector<analysis::LogOddsTerm>& from) {
        QList<JudgeTerm> out;
        for (const analysis::LogOddsTerm& t : from)
            out.append({QString::fromStdString(t.ngram), static_cast<qint64>(t.countA),
                        static_cast<qint64>(t.countB), t.zScore});
        return out;
    };
    summary.preferredTerms = terms(j.indicating.indicatingA);
    summary.rejectedTerms = terms(j.indicating.indicatingB);
    summary.diversityTokenBudget = static_cast<qint64>(j.diversityTokenBudget);
    return judgeSummaryJson(summary);
}

// The pooled real-vs-synthetic scalars.
void addPooled(const analysis::AnalysisResult& result, MetricSink& m) {
    if (result.comparison) {
        const auto& c = *result.comparison;
        m.add(key::kRealSamples, static_cast<double>(c.realSamples));
        m.add(key::kSyntheticSamples, static_cast<double>(c.syntheticSamples));
        m.add(key::kJsLengthTokens, c.jsLengthTokens);
        m.add(key::kJsUnigram, c.jsUnigram);
        m.add(key::kJsBigram, c.jsBigram);
        m.add(key::kKsLengthTokens, c.ksLengthTokens.statistic);
        m.add(key::kKsLengthTokensPValue, c.ksLengthTokens.pValue);
        m.add(key::kJsLabel, c.jsLabel);
        m.add(key::kPerplexityMedianRealHeldOut, result.perplexityMedianRealHeldOut);
        m.add(key::kPerplexityMedianSynthetic, result.perplexityMedianSynthetic);
        if (result.pooled) {
            // The measures only comparePooled computes (k-NN balls, label entropy change,
            // perplexity ratio) and the cross-copy rates with short answers set apart; JS,
            // KS, MAUVE and detectability stay those of the full-size pooled comparison.
            static const std::set<std::string> fromPooled = {key::kPrecision,
                                                             key::kRecall,
                                                             key::kDensity,
                                                             key::kCoverageRealBySynthetic,
                                                             key::kCoverageSyntheticByReal,
                                                             key::kLabelEntropyChangeBits,
                                                             key::kPerplexityLogRatio,
                                                             key::kCrossExactDuplicateRate,
                                                             key::kCrossNearDuplicateRate,
                                                             key::kShortExactMatchRate};
            const auto& keys = analysis::comparisonKeys();
            for (std::size_t k = 0; k < keys.size(); ++k)
                if (fromPooled.contains(keys[k]))
                    m.add(keys[k], result.pooled->value(k));
        }
    }
    if (result.similarity && result.similarity->comparison) {
        const auto& c = *result.similarity->comparison;
        m.add(key::kCrossExactDuplicates, static_cast<double>(c.crossExactDuplicates));
        m.add(key::kCrossNearDuplicates, static_cast<double>(c.crossNearDuplicates));
        m.add(key::kMauve, c.mauve.mauve);
        if (!std::isnan(c.detectabilityAuc)) {
            m.add(key::kDetectabilityAuc, c.detectabilityAuc);
            m.add(key::kDetectabilityAucStd, c.detectabilityAucStd);
        }
        m.add(key::kJsClusterShare, c.jsClusterShare);
    }
}

Json termsJson(const std::vector<analysis::LogOddsTerm>& terms) {
    Json out = Json::array();
    for (const auto& t : terms)
        out.push_back({{"ngram", t.ngram},
                       {"count_real", t.countA},
                       {"count_synthetic", t.countB},
                       {"z", t.zScore},
                       {"delta", t.delta}});
    return out;
}

Json similarityJson(const analysis::SimilarityResult& sim, const std::vector<qint64>& sampleIds) {
    Json clusters = Json::array();
    for (std::size_t c = 0; c < sim.clusters.size(); ++c) {
        const auto& k = sim.clusters[c];
        clusters.push_back({{"cluster", c},
                            {"size", k.size},
                            {"real", k.real},
                            {"synthetic", k.synthetic},
                            {"label", k.terms},
                            {"flag", analysis::clusterFlagName(k.flag)},
                            {"mean_nn_similarity", k.meanNnSimilarity}});
    }
    Json s = {{"clusters", clusters},
              {"neighbour_search",
               {{"own_corpus", sim.ownNeighboursExact ? "exact" : "HNSW"},
                {"other_role", sim.otherNeighboursExact ? "exact" : "HNSW"}}}};
    Json groups = Json::array();
    for (std::size_t g = 0; g < sim.duplicateGroups.size() && g < 100; ++g) {
        const auto& d = sim.duplicateGroups[g];
        Json members = Json::array();
        for (std::size_t k = 0; k < d.members.size() && k < 20; ++k)
            members.push_back(sampleIds.at(d.members[k]));
        groups.push_back({{"group", g},
                          {"size", d.members.size()},
                          {"real", d.real},
                          {"synthetic", d.synthetic},
                          {"exact", d.exact},
                          {"members", members}});
    }
    s["duplicate_groups"] = groups;
    if (sim.comparison) {
        const auto& c = *sim.comparison;
        Json frontier = Json::array();
        for (const auto& [x, y] : c.mauve.frontier)
            frontier.push_back({x, y});
        s["mauve_frontier"] = frontier;
        s["detectability_fold_auc"] = c.detectabilityFoldAuc;
    }
    return s;
}

} // namespace

EncodedAnalysis encodeAnalysis(const analysis::AnalysisResult& result,
                               const std::vector<AnalysedCorpus>& corpora) {
    const analysis::SimilarityResult* sim = result.similarity ? &*result.similarity : nullptr;
    EncodedAnalysis e;
    Json& out = e.result;
    out = Json::object();
    out["format"] = kResultFormat;

    // Document index (corpora in order) → sample id and role.
    std::vector<qint64> sampleIds;
    std::vector<bool> isSynthetic;
    for (const AnalysedCorpus& c : corpora) {
        sampleIds.insert(sampleIds.end(), c.sampleIds.begin(), c.sampleIds.end());
        isSynthetic.insert(isSynthetic.end(), c.sampleIds.size(), c.role == Role::Synthetic);
    }
    if (corpora.size() < result.corpora.size())
        throw std::out_of_range("encodeAnalysis: fewer corpora than the result describes");

    Json corporaJson = Json::array();
    for (std::size_t i = 0; i < result.corpora.size(); ++i) {
        MetricSink m(e.metrics, corpora[i].id);
        if (i < result.inputStyle.size()) {
            const analysis::InputStyle& style = result.inputStyle[i];
            m.add(key::kLowercaseStartShare, style.lowercaseStartShare);
            m.add(key::kTerminalPunctuationShare, style.terminalPunctuationShare);
            m.add(key::kSentencesPerSample, style.sentencesPerSample);
            m.add(key::kPolitenessMarkerShare, style.politenessMarkerShare);
            m.add(key::kOovRate, style.oovRate);
        }
        addCorpusMetrics(result.corpora[i], i < result.extras.size() ? &result.extras[i] : nullptr,
                         sim != nullptr ? &sim->corpora.at(i) : nullptr, m);
        for (const analysis::CorpusLengthControl& lc : result.lengthControl)
            if (lc.corpus == i)
                addLengthControl(lc, m);
        Json labels = Json::object();
        for (const auto& [label, count] : result.corpora[i].labelCounts)
            labels[label] = count;
        Json c = {{"corpus_id", corpora[i].id},
                  {"name", corpora[i].name.toStdString()},
                  {"role", roleName(corpora[i].role).toStdString()},
                  {"label_counts", labels}};
        if (i < result.extras.size()) {
            Json templates = Json::array();
            for (const auto& [pattern, docs] : result.extras[i].templates.topTemplates)
                templates.push_back({{"pattern", pattern}, {"samples", docs}});
            c["top_templates"] = templates;
        }
        if (sim != nullptr)
            c["nn_similarity_histogram"] = sim->corpora[i].nnHistogram;
        if (i < result.judge.size() && result.judge[i])
            c["judge"] = addJudge(*result.judge[i], m);
        corporaJson.push_back(std::move(c));
    }
    out["corpora"] = corporaJson;
    Json timings = Json::object();
    for (const auto& [stage, seconds] : result.stageSeconds)
        timings[stage] = seconds;
    out["stage_seconds"] = timings;

    // Each synthetic corpus against the real side: the comparison keys with their spread over
    // draws and their null band, and the budget of each draw.
    for (const analysis::CorpusVsReal& v : result.vsReal) {
        const qint64 corpus = corpora.at(v.corpus).id;
        const auto& keys = analysis::comparisonKeys();
        for (std::size_t k = 0; k < keys.size(); ++k)
            if (std::isfinite(v.value.mean.value(k)))
                e.metrics.push_back({corpus, keys[k], v.value.mean.value(k), v.value.sd.value(k),
                                     v.null.mean.value(k), v.null.sd.value(k)});
        e.metrics.push_back({corpus, key::kVsRealBudget, static_cast<double>(v.budget)});
    }
    MetricSink pooled(e.metrics, std::nullopt);
    addPooled(result, pooled);
    // The run's own sizes (not comparisons): equal-budget draws and the MAUVE quantisation.
    pooled.add(key::kDiversityTokenBudget, static_cast<double>(result.diversityTokenBudget));
    pooled.add(key::kVendiSamples, static_cast<double>(result.vendiSamples));
    if (sim != nullptr && sim->comparison) {
        pooled.add(key::kMauveClusters, static_cast<double>(sim->comparison->mauve.clusters));
        pooled.add(key::kMauvePcaComponents,
                   static_cast<double>(sim->comparison->mauve.components));
    }

    Json groups = Json::array();
    for (std::size_t g = 0; g < result.templates.groups.size() && g < 300; ++g) {
        const auto& group = result.templates.groups[g];
        std::uint64_t synth = 0;
        for (auto d : group.members)
            synth += isSynthetic.at(d) ? 1 : 0;
        Json members = Json::array();
        for (std::size_t k = 0; k < group.members.size() && k < 20; ++k)
            members.push_back(sampleIds.at(group.members[k]));
        groups.push_back({{"group", g},
                          {"pattern", group.pattern},
                          {"size", group.members.size()},
                          {"real", group.members.size() - synth},
                          {"synthetic", synth},
                          {"mould", group.mould},
                          {"members", members}});
    }
    out["skeleton_groups"] = groups;
    Json recurring = Json::array();
    for (const auto& t : result.templates.recurring) {
        Json examples = Json::array();
        for (const std::uint32_t d : t.examples)
            examples.push_back(sampleIds.at(d));
        recurring.push_back({{"pattern", t.pattern},
                             {"real", t.real},
                             {"synthetic", t.synthetic},
                             {"z", t.zScore},
                             {"examples", examples}});
    }
    out["recurring_templates"] = recurring;
    for (const char* side : {"openings", "closings"}) {
        Json list = Json::array();
        for (const auto& a : side[0] == 'o' ? result.templates.openings : result.templates.closings)
            list.push_back({{"text", a.text}, {"real", a.real}, {"synthetic", a.synthetic}});
        out[side] = list;
    }
    if (!result.perplexity.empty()) {
        std::vector<double> realPpl;
        std::vector<double> synthPpl;
        for (std::size_t d = 0; d < result.perplexity.size(); ++d)
            if (!std::isnan(result.perplexity[d]))
                (isSynthetic.at(d) ? synthPpl : realPpl).push_back(result.perplexity[d]);
        const auto h = analysis::sharedLogHistogram(realPpl, synthPpl);
        out["perplexity_histogram"] = {{"log10_min", h.log10Min},
                                       {"log10_step", h.step},
                                       {"real_held_out", h.countsA},
                                       {"synthetic", h.countsB}};
    }
    if (result.comparison) {
        const auto& c = *result.comparison;
        out["length_histogram"] = {{"unit", "tokens"},
                                   {"bin_width", c.lengthHistogram.width},
                                   {"real", c.lengthHistogram.countsA},
                                   {"synthetic", c.lengthHistogram.countsB}};
        out["labels"] = {{"names", c.labels},
                         {"real", c.labelCountsReal},
                         {"synthetic", c.labelCountsSynthetic}};
        out["indicating_ngrams"] = {{"real", termsJson(c.indicating.indicatingA)},
                                    {"synthetic", termsJson(c.indicating.indicatingB)}};
    }
    if (sim != nullptr) {
        out["similarity"] = similarityJson(*sim, sampleIds);
        e.embeddingSource = sim->embeddingSource;
        e.embeddingDimension = static_cast<qint64>(sim->embeddings.cols());
    }
    return e;
}

namespace {

QList<IndicatingTerm> decodeTerms(const Json& array) {
    QList<IndicatingTerm> out;
    for (const Json& t : array)
        out.append({QString::fromStdString(t.value("ngram", std::string())),
                    t.value("count_real", qint64(0)), t.value("count_synthetic", qint64(0)),
                    t.value("z", 0.0)});
    return out;
}

QVector<double> decodeDoubles(const Json& array) {
    QVector<double> out;
    for (const Json& v : array)
        out.append(v.get<double>());
    return out;
}

// The pooled rows that are not the real-vs-synthetic comparison: the run's concentration on
// its sources (model/Sources.h), shown by the Sources views.
bool isRunKey(const std::string& name) {
    return std::any_of(std::begin(key::kRunKeys), std::end(key::kRunKeys),
                       [&](const char* k) { return name == k; });
}

// A stored count as an integer: 0 for what is not a finite number in [0, limit].
qint64 boundedCount(double v, double limit = 9.0e15) {
    return std::isfinite(v) && v >= 0.0 && v <= limit ? static_cast<qint64>(v) : 0;
}

bool isSourceRow(const MetricRow& row) {
    Dimension d{};
    return sourceMetricDimension(QString::fromStdString(row.name), &d);
}

} // namespace

Json judgeSummaryJson(const JudgeSummary& j) {
    const auto termsOut = [](const QList<JudgeTerm>& terms) {
        Json out = Json::array();
        for (const JudgeTerm& t : terms)
            out.push_back({{"ngram", t.ngram.toStdString()},
                           {"count_preferred", t.countPreferred},
                           {"count_rejected", t.countRejected},
                           {"z", t.z}});
        return out;
    };
    const auto number = [](double v) { return std::isfinite(v) ? Json(v) : Json(); };
    Json curve = Json::array();
    for (const JudgeCurvePoint& b : j.curve)
        curve.push_back({{"z", b.z},
                         {"pairs", b.pairs},
                         {"observed", number(b.observed)},
                         {"fitted", number(b.fitted)}});
    return {{"judged", j.judged},
            {"ties", j.ties},
            {"win_rate_std_error", number(j.winRateStdError)},
            {"length_controlled_std_error", number(j.lengthControlledStdError)},
            {"length_slope_std_error", number(j.lengthSlopeStdError)},
            {"curve", curve},
            {"preferred_terms", termsOut(j.preferredTerms)},
            {"rejected_terms", termsOut(j.rejectedTerms)},
            {"diversity_token_budget", j.diversityTokenBudget}};
}

void decodeAnalysis(const Json& stored, const std::vector<MetricRow>& metrics,
                    const std::map<qint64, QString>& names, StoredAnalysis& a) {
    if (!stored.is_object())
        throw Json::type_error::create(
            302, "the result is " + std::string(stored.type_name()) + ", not an object", nullptr);
    // Not const: a missing key then reads as null instead of tripping nlohmann's assertion,
    // and every other shape error throws Json::exception.
    Json r = stored;
    for (Json c : r.value("corpora", Json::array())) {
        CorpusMetrics m;
        m.corpusId = c.value("corpus_id", qint64(0));
        m.name = names.contains(m.corpusId)
                     ? names.at(m.corpusId)
                     : QString::fromStdString(c.value("name", std::string()));
        (void)parseRole(QString::fromStdString(c.value("role", std::string())), &m.role);
        for (auto it = c["label_counts"].begin(); it != c["label_counts"].end(); ++it)
            m.labelCounts.append({QString::fromStdString(it.key()), it->get<double>()});
        std::stable_sort(m.labelCounts.begin(), m.labelCounts.end(),
                         [](const auto& x, const auto& y) { return x.second > y.second; });
        // Nearest-neighbour similarity histograms, pooled per role.
        const QVector<double> nn = decodeDoubles(c.value("nn_similarity_histogram", Json::array()));
        QVector<double>& pooled =
            m.role == Role::Real ? a.nnSimilarityReal : a.nnSimilaritySynthetic;
        if (pooled.size() < nn.size())
            pooled.resize(nn.size(), 0.0);
        for (qsizetype i = 0; i < nn.size(); ++i)
            pooled[i] += nn[i];
        if (const auto j = c.find("judge"); j != c.end() && j->is_object()) {
            const auto number = [](const Json& v) {
                return v.is_number() ? v.get<double>() : std::numeric_limits<double>::quiet_NaN();
            };
            JudgeSummary judge;
            judge.judged = boundedCount(number(j->value("judged", Json())));
            judge.ties = boundedCount(number(j->value("ties", Json())));
            judge.winRateStdError = number(j->value("win_rate_std_error", Json()));
            judge.lengthControlledStdError =
                number(j->value("length_controlled_std_error", Json()));
            judge.lengthSlopeStdError = number(j->value("length_slope_std_error", Json()));
            for (const Json& b : j->value("curve", Json::array()))
                judge.curve.append(
                    {number(b.value("z", Json())), boundedCount(number(b.value("pairs", Json()))),
                     number(b.value("observed", Json())), number(b.value("fitted", Json()))});
            for (const auto& [field, into] : {std::pair{"preferred_terms", &judge.preferredTerms},
                                              std::pair{"rejected_terms", &judge.rejectedTerms}})
                for (const Json& t : j->value(field, Json::array()))
                    into->append({QString::fromStdString(t.value("ngram", std::string())),
                                  boundedCount(number(t.value("count_preferred", Json()))),
                                  boundedCount(number(t.value("count_rejected", Json()))),
                                  number(t.value("z", Json()))});
            judge.diversityTokenBudget =
                boundedCount(number(j->value("diversity_token_budget", Json())));
            m.judge = judge;
        }
        a.corpora.push_back(m);
    }
    // Every number from the metrics table.
    for (const MetricRow& row : metrics) {
        const QString name = QString::fromStdString(row.name);
        if (!row.corpusId) {
            if (isRunKey(row.name))
                a.run.insert(name, row.value);
            else if (!isSourceRow(row))
                a.comparison.insert(name, row.value);
            continue;
        }
        auto it = std::find_if(a.corpora.begin(), a.corpora.end(),
                               [&](const CorpusMetrics& m) { return m.corpusId == *row.corpusId; });
        if (it == a.corpora.end())
            continue;
        if (row.name == key::kVsRealBudget) {
            it->vsRealBudget = boundedCount(row.value);
        } else if (std::isfinite(row.nullMean) || isComparisonMetric(name)) {
            // A comparison key is never a per-corpus metric; real corpora have none.
            if (it->role == Role::Synthetic)
                it->vsReal.insert(name, {row.value, row.sd, row.nullMean, row.nullSd});
        } else {
            it->values.insert(name, row.value);
        }
    }
    a.hasComparison = r.contains("length_histogram") || !a.comparison.isEmpty();
    if (r.contains("length_histogram")) {
        Json& h = r["length_histogram"];
        a.histogramBinWidth =
            static_cast<int>(std::max<qint64>(1, boundedCount(h.value("bin_width", 1.0), 1 << 20)));
        a.histogramReal = decodeDoubles(h["real"]);
        a.histogramSynthetic = decodeDoubles(h["synthetic"]);
        Json& l = r["labels"];
        for (const Json& n : l["names"])
            a.labels << QString::fromStdString(n.get<std::string>());
        a.labelReal = decodeDoubles(l["real"]);
        a.labelSynthetic = decodeDoubles(l["synthetic"]);
        a.indicatingReal = decodeTerms(r["indicating_ngrams"]["real"]);
        a.indicatingSynthetic = decodeTerms(r["indicating_ngrams"]["synthetic"]);
    }
    // A list the Skeletons view and summary show: a damaged one is left out rather than making
    // the whole run unreadable.
    try {
        for (const Json& t : r.value("recurring_templates", Json::array())) {
            TemplateRow row{QString::fromStdString(t.value("pattern", std::string())),
                            t.value("real", qint64(0)),
                            t.value("synthetic", qint64(0)),
                            t.value("z", 0.0),
                            {}};
            for (const Json& id : t.value("examples", Json::array()))
                row.examples.append(id.get<qint64>());
            a.recurringTemplates.append(row);
        }
    } catch (const Json::exception&) {
        a.recurringTemplates.clear();
    }
    for (const char* side : {"openings", "closings"})
        for (const Json& o : r.value(side, Json::array()))
            (side[0] == 'o' ? a.openings : a.closings)
                .append({QString::fromStdString(o.value("text", std::string())),
                         o.value("real", qint64(0)), o.value("synthetic", qint64(0))});
    if (r.contains("perplexity_histogram")) {
        Json& h = r["perplexity_histogram"];
        a.perplexityLog10Min = h.value("log10_min", 0.0);
        a.perplexityLog10Step = h.value("log10_step", 0.0);
        a.perplexityRealHeldOut = decodeDoubles(h["real_held_out"]);
        a.perplexitySynthetic = decodeDoubles(h["synthetic"]);
    }
    // The skeleton groups are a list only summary --json prints; a damaged one is left out
    // instead of making the whole run unreadable.
    try {
        for (const Json& g : r.value("skeleton_groups", Json::array())) {
            StoredSkeletonGroup group;
            group.info = {g.value("group", qint64(0)),
                          QString::fromStdString(g.value("pattern", std::string())),
                          g.value("size", qint64(0)), g.value("real", qint64(0)),
                          g.value("synthetic", qint64(0))};
            group.info.mould = g.value("mould", false);
            for (const Json& id : g.value("members", Json::array()))
                group.members.append(id.get<qint64>());
            a.skeletonGroups.append(group);
        }
    } catch (const Json::exception&) {
        a.skeletonGroups.clear();
    }
}

Status writeAnalysisRun(QSqlDatabase& db, const EncodedAnalysis& encoded, const Json& params,
                        const QString& startedAt, const std::vector<AnalysedCorpus>& corpora,
                        AnalysisView view, qint64* runId) {
    Json ids = Json::array();
    for (const AnalysedCorpus& c : corpora)
        ids.push_back(c.id);
    QSqlQuery run(db);
    run.prepare(u"INSERT INTO runs (kind, params, result, result_format, embedding_source, "
                "embedding_dimension, app_version, started_at, finished_at, corpora, view) "
                "VALUES ('analysis', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    const QVariant noSource(QMetaType(QMetaType::QString));
    if (Status s = execPrepared(
            run, {QString::fromStdString(params.dump()),
                  QString::fromStdString(encoded.result.dump()), kResultFormat,
                  encoded.embeddingSource.empty()
                      ? noSource
                      : QVariant(QString::fromStdString(encoded.embeddingSource)),
                  encoded.embeddingSource.empty() ? QVariant(QMetaType(QMetaType::LongLong))
                                                  : QVariant(encoded.embeddingDimension),
                  QStringLiteral(SYNTHSCOPE_VERSION), startedAt,
                  QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                  QString::fromStdString(ids.dump()), viewName(view)});
        !s)
        return Status::failure(AnalysisRecordText::tr("cannot store the run: %1").arg(s.error()));
    const qint64 id = run.lastInsertId().toLongLong();
    QSqlQuery metric(db);
    metric.prepare(u"INSERT INTO metrics (run_id, corpus_id, name, value, sd, null_mean, "
                   "null_sd) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    const QVariant noValue(QMetaType(QMetaType::Double));
    const QVariant noCorpus(QMetaType(QMetaType::LongLong));
    auto orNull = [&](double v) { return std::isfinite(v) ? QVariant(v) : noValue; };
    for (const MetricRow& m : encoded.metrics)
        if (Status s = execPrepared(metric, {id, m.corpusId ? QVariant(*m.corpusId) : noCorpus,
                                             QString::fromStdString(m.name), m.value, orNull(m.sd),
                                             orNull(m.nullMean), orNull(m.nullSd)});
            !s)
            return s;
    *runId = id;
    return {};
}

Status readMetricRows(QSqlDatabase& db, qint64 runId, std::vector<MetricRow>* out) {
    out->clear();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT corpus_id, name, value, sd, null_mean, null_sd FROM metrics WHERE "
              "run_id = ? ORDER BY rowid"_s);
    q.addBindValue(runId);
    if (!q.exec())
        return Status::failure(AnalysisRecordText::tr("cannot read the metrics of run %1: %2")
                                   .arg(runId)
                                   .arg(q.lastError().text()));
    const double nan = std::numeric_limits<double>::quiet_NaN();
    auto orNaN = [&](int col) { return q.value(col).isNull() ? nan : q.value(col).toDouble(); };
    while (q.next()) {
        MetricRow m;
        if (!q.value(0).isNull())
            m.corpusId = q.value(0).toLongLong();
        m.name = q.value(1).toString().toStdString();
        m.value = orNaN(2);
        m.sd = orNaN(3);
        m.nullMean = orNaN(4);
        m.nullSd = orNaN(5);
        out->push_back(std::move(m));
    }
    return {};
}

} // namespace synthscope::model
