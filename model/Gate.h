#pragma once

#include "analysis/Progress.h"
#include "model/Project.h"
#include "model/Sources.h"
#include "model/TeamReview.h"

#include <QList>
#include <QString>

#include <optional>

namespace synthscope::model {

/// The derived metric of the synthetic-ratio rule: synthetic samples over all samples.
inline const QString kSyntheticShareMetric = QStringLiteral("synthetic_share");

/// One deployment red line (chapter 17, Tables 17-2 and 17-3): a metric compared with a
/// threshold, or its trend over the last analyses, bound to a governance action.
struct RedLine {
    QString id;
    QString title;
    QString dimension; ///< Table 17-3's inspection dimension
    /// A metric key of the analysis (MetricCatalog), a derived one ("synthetic_share",
    /// "perplexity_log_ratio") or "tag:<name>" (the tag's rate among reviewed samples).
    QString metric;
    /// "comparison" (real vs synthetic), "synthetic" or "real": a per-corpus metric is judged
    /// on the worst corpus of that role.
    QString scope = QStringLiteral("comparison");
    QString op = QStringLiteral("<="); ///< the passing side: <=, <, >= or >
    double threshold = 0.0;
    int minReviewed = 0; ///< tag rates: fewer reviewed samples → not applicable
    int trendRuns = 0;   ///< > 0: a trend rule over this many analyses
    /// > 0: a source-concentration metric judged within each of the last this many rounds;
    /// the rule trips only when every one of them is on the failing side ("long-term").
    int lastRounds = 0;
    bool trendRising = true; ///< the worsening direction of a trend rule
    bool fail = false;       ///< severity: fail (true) or warn
    QString action;          ///< freeze template, raise inspection rate, infuse real data, …
    QString evidence;        ///< the view that shows it: overview, divergence, skeletons,
                             ///< cluster-map, duplicates, review
};

enum class GateStatus { Pass, Warn, Fail, NotApplicable };

struct RedLineResult {
    RedLine rule;
    GateStatus status = GateStatus::NotApplicable;
    std::optional<double> value;
    QString detail; ///< which corpus, how many reviewed, the trend values, or why n/a
    /// A rule judged on the worst corpus of a role: that corpus (its evidence is filtered to
    /// it); unset for pooled, trend, tag and source rules.
    std::optional<qint64> corpusId;
    /// A review-intensity rule that is not met: the source whose unreviewed samples to read
    /// (its dimension and value) and how many more answers it needs.
    std::optional<Dimension> focusDimension;
    QString focusValue;
    int focusNeeded = 0;
};

/// Parses a rules file's JSON ({"rules": [...]}, see resources/rules/redlines.json). Every
/// rule needs id, metric, severity (warn|fail), action, and either op + threshold (with an
/// optional "rounds" ≥ 1 for a source_largest_share_* / source_entropy_* metric) or
/// trend {runs ≥ 2, worse: rising|falling}. A reviewed_share_newest_<dimension> metric is
/// judged live on the reviews: the newest source's reviewed share against threshold and its
/// reviewed count against min_reviewed. Errors name the rule's position and field.
Status parseRedLines(const QByteArray& json, QList<RedLine>* rules);
/// The defaults shipped with Synthscope (resources/rules/redlines.json).
QByteArray defaultRedLinesJson();
/// The project's rules (saved with setProjectRedLines), else the defaults.
QByteArray projectRedLinesJson(Project& project);
/// Validates and saves rules JSON in the project (empty: back to the defaults).
Status setProjectRedLines(Project& project, const QByteArray& json);

/// Judges every rule on the newest analysis, the reviewers' tags and the metric history.
/// reviews: sourceReviewRows() read already (the source rules use them instead of reading the
/// samples again); null: read here. Fails only when there is no analysis.
Status evaluateRedLines(Project& project, const QList<RedLine>& rules,
                        QList<RedLineResult>* results,
                        const QList<SourceReviewRow>* reviews = nullptr);

/// Everything the Overview and the Checklist show of the gate, judged at once (at a million
/// samples it reads every synthetic sample's sources: seconds, so the workbench judges it in a
/// job, ProjectDocument::requestGate()).
struct GateVerdict {
    qint64 runId = 0;   ///< the newest analysis run it judged (0: none)
    QString rulesError; ///< the project's rules cannot be read (parseRedLines): nothing judged
    QString error;      ///< evaluateRedLines failed (no analysis, SQL): no results
    QList<RedLineResult> results;        ///< one per rule, in the rules' order
    QList<SourceReviewRow> sourceReview; ///< sourceReviewRows(); empty when it failed
};
/// Reads the project's rules (projectRedLinesJson), how much of each source was reviewed
/// (sourceReviewRows, read once) and judges the rules with it (evaluateRedLines). Never fails:
/// errors land in the verdict. Throws analysis::Cancelled between the steps when progress is
/// cancelled. Any thread, on its own connection (Project::connection()).
GateVerdict judgeGate(Project& project, const analysis::Progress& progress);

/// When a rule passes, for tables and reports: "<= 0.3", "not rising over 3 analyses",
/// "<= 0.9 in one of the last 3 rounds, or a different leader", ">= 0.01 and ≥ 50 reviewed".
QString conditionText(const RedLine& rule);
/// "pass", "warn", "fail" or "n/a".
QString gateStatusName(GateStatus status);
/// The status as shown to people, translated: PASS, WARN, FAIL or N/A (gateStatusName gives
/// the ids files and style classes use).
QString gateStatusTitle(GateStatus status);

/// A rule's title, dimension or action as shown to people: translated when it is one of the
/// built-in rules' words (model/RedLineTexts.cpp), else as written in the rules file.
QString redLineText(const QString& text);
/// Fail when any result fails, else Warn when any warns, else Pass.
GateStatus overallStatus(const QList<RedLineResult>& results);

} // namespace synthscope::model
