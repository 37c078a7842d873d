#include "model/Gate.h"

#include "analysis/MetricKeys.h"

#include "analysis/LengthControl.h"

#include "model/Json.h"
#include "model/Sources.h"

#include <QCoreApplication>
#include <QFile>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

using namespace Qt::Literals::StringLiterals;

// The rules resource lives in a static library: register it explicitly (Q_INIT_RESOURCE must
// be called outside any namespace).
static void initRulesResource() {
    Q_INIT_RESOURCE(rules);
}

namespace synthscope::model {

namespace {
/// The translation context of this file's messages (lupdate reads the macro).
struct GateText {
    Q_DECLARE_TR_FUNCTIONS(synthscope::model::Gate)
};
} // namespace

namespace key = analysis::key;

namespace {

const QString kRulesKey = u"redline_rules"_s;

bool passes(const QString& op, double value, double threshold) {
    if (op == u"<="_s)
        return value <= threshold;
    if (op == u"<"_s)
        return value < threshold;
    if (op == u">="_s)
        return value >= threshold;
    return value > threshold;
}

// The worst of two values for a rule: the one further on the failing side.
bool worse(const QString& op, double a, double b) {
    return op.startsWith(u'<') ? a > b : a < b;
}

std::optional<double> scalar(QSqlDatabase& db, const QString& sql, const QVariantList& binds) {
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant& v : binds)
        q.addBindValue(v);
    if (q.exec() && q.next() && !q.value(0).isNull())
        return q.value(0).toDouble();
    return std::nullopt;
}

GateStatus tripped(const RedLine& rule) {
    return rule.fail ? GateStatus::Fail : GateStatus::Warn;
}

// 100 % and 90 % without decimals; 90.4 % with one, so it never reads as the threshold.
QString percent(double share) {
    const double p = 100.0 * share;
    return u"%1 %"_s.arg(p, 0, 'f', p == std::round(p) ? 0 : (share < 0.01 ? 2 : 1));
}

// sourceReview() of d: from known (every dimension's rows, read once by the caller) when given.
Status reviewsOf(Project& project, Dimension d, const QList<SourceReviewRow>* known,
                 QList<SourceReview>* out) {
    if (known == nullptr)
        return sourceReview(project, d, out);
    out->clear();
    for (const SourceReviewRow& row : *known)
        if (row.dimension == d)
            out->append(row.review);
    return {};
}

// "Single source dominates long-term": the concentration within each of the last
// rule.lastRounds rounds of the newest analysis; trips only when every one of them fails with
// the same source in the lead (a different teacher each round is a change, not dominance).
void judgeLastRounds(Project& project, const RedLine& rule, Dimension d,
                     const QList<SourceReviewRow>* known, RedLineResult* r) {
    QList<DimensionSources> sources;
    if (Status s = sourceConcentration(project, &sources); !s) {
        r->detail = s.error();
        return;
    }
    const DimensionSources* entry = nullptr;
    for (const DimensionSources& e : std::as_const(sources))
        if (e.dimension == d)
            entry = &e;
    const QString what = dimensionTitle(d).toLower();
    if (entry == nullptr) {
        // An analysis from before source tracking (schema 5) has no concentration stored.
        QList<SourceReview> recorded;
        r->detail =
            reviewsOf(project, d, known, &recorded) && !recorded.isEmpty()
                ? GateText::tr("the newest analysis has no concentration on sources (it predates "
                               "them): run the analyses again")
                : GateText::tr("no synthetic sample records a %1").arg(what);
        return;
    }
    if (entry->rounds.size() < rule.lastRounds) {
        r->detail =
            GateText::tr("needs %1 rounds with a recorded %2, has %3")
                .arg(QString::number(rule.lastRounds), what, QString::number(entry->rounds.size()));
        return;
    }
    const bool entropy = rule.metric == sourceEntropyKey(d);
    bool allFail = true;
    QSet<QString> leaders;
    std::optional<double> best;
    QStringList shown;
    for (qsizetype i = entry->rounds.size() - rule.lastRounds; i < entry->rounds.size(); ++i) {
        const SourceShare& s = entry->rounds[i];
        const double v = entropy ? s.entropy : s.largestShare;
        if (!std::isfinite(v))
            continue;
        allFail = allFail && !passes(rule.op, v, rule.threshold);
        leaders.insert(s.largest);
        if (!best || worse(rule.op, *best, v))
            best = v;
        shown << (entropy
                      ? GateText::tr("round %1: entropy %2 over %3 sources")
                            .arg(s.round, QString::number(v, 'f', 2), QString::number(s.sources))
                      : GateText::tr("round %1: %2 %3").arg(s.round, s.largest, percent(v)));
    }
    if (!best) {
        r->detail =
            GateText::tr("no %1 recorded in the last %2 rounds").arg(what).arg(rule.lastRounds);
        return;
    }
    r->value = best;
    r->detail = shown.join(u"; "_s);
    if (allFail && leaders.size() > 1)
        r->detail += GateText::tr("; a different %1 leads each round").arg(what);
    r->status = allFail && leaders.size() == 1 ? tripped(rule) : GateStatus::Pass;
}

// "Low sampling inspection after teacher/template/judge updates": the newest source's share
// of synthetic samples answered by a reviewer, and its count, read live.
void judgeNewestReviewed(Project& project, const RedLine& rule, Dimension d,
                         const QList<SourceReviewRow>* known, RedLineResult* r) {
    QList<SourceReview> reviews;
    if (Status s = reviewsOf(project, d, known, &reviews); !s) {
        r->detail = s.error();
        return;
    }
    const QString what = dimensionTitle(d).toLower();
    if (reviews.isEmpty()) {
        r->detail = GateText::tr("no synthetic sample records a %1").arg(what);
        return;
    }
    if (reviews.size() < 2) {
        r->detail =
            GateText::tr("one %1 only (%2): no change to review after").arg(what, reviews[0].value);
        return;
    }
    if (std::none_of(reviews.begin(), reviews.end(),
                     [](const SourceReview& v) { return v.newest; })) {
        r->detail =
            GateText::tr("all %1 %2s came in the same round or import: no change to review after")
                .arg(QString::number(reviews.size()), what);
        return;
    }
    QStringList shown;
    bool met = true;
    for (const SourceReview& v : std::as_const(reviews)) {
        if (!v.newest)
            continue;
        // Both the share and the count; a source smaller than the count is read whole.
        // 1e-9: 0.07 × 100 is 7.000000000000001 in binary; a threshold past 1 (or below 0)
        // asks for more than all (or none), bounded before the cast.
        const double byShare = std::clamp(std::ceil(rule.threshold * v.samples - 1e-9), 0.0,
                                          static_cast<double>(v.samples) + 1.0);
        const int needed =
            std::max(std::min(rule.minReviewed, v.samples), static_cast<int>(byShare));
        const bool ok = passes(rule.op, v.share(), rule.threshold) && v.reviewed >= needed;
        shown << GateText::tr("newest %1 %2%3: %4 of %5 reviewed (%6 by two reviewers); needs %7")
                     .arg(what, v.value,
                          v.firstRound.isEmpty() ? QString()
                                                 : GateText::tr(" (round %1)").arg(v.firstRound),
                          QString::number(v.reviewed), QString::number(v.samples),
                          QString::number(v.reviewedTwice), QString::number(needed));
        if (!r->value || worse(rule.op, v.share(), *r->value))
            r->value = v.share();
        if (!ok && !r->focusDimension) { // the evidence opens a queue of the first unmet
            r->focusDimension = d;
            r->focusValue = v.value;
            r->focusNeeded = needed - v.reviewed;
        }
        met = met && ok;
    }
    r->detail = shown.join(u"; "_s);
    r->status = met ? GateStatus::Pass : tripped(rule);
}

} // namespace

GateVerdict judgeGate(Project& project, const analysis::Progress& progress) {
    GateVerdict verdict;
    QSqlDatabase db = project.connection();
    std::optional<qint64> newest;
    if (newestAnalysisRun(db, &newest))
        verdict.runId = newest.value_or(0);
    QList<RedLine> rules;
    if (Status s = parseRedLines(projectRedLinesJson(project), &rules); !s) {
        verdict.rulesError = s.error();
        return verdict;
    }
    const bool reviewsRead =
        sourceReviewRows(project, &verdict.sourceReview, progress.sub(0.0, 0.6)).ok();
    progress.report(0.6, "judging the red lines");
    // Without the rows (an SQL failure) the source rules read them again and say why.
    if (Status s = evaluateRedLines(project, rules, &verdict.results,
                                    reviewsRead ? &verdict.sourceReview : nullptr);
        !s) {
        verdict.error = s.error();
        verdict.results.clear();
    }
    return verdict;
}

QString conditionText(const RedLine& rule) {
    const QString bound = rule.op + u' ' + QString::number(rule.threshold);
    if (rule.trendRuns > 0)
        return GateText::tr("not %1 over %2 analyses")
            .arg(rule.trendRising ? GateText::tr("rising") : GateText::tr("falling"))
            .arg(rule.trendRuns);
    if (rule.lastRounds > 0)
        return GateText::tr("%1 in one of the last %2 rounds, or a different leader")
            .arg(bound)
            .arg(rule.lastRounds);
    if (Dimension d = Dimension::Generator;
        sourceMetricDimension(rule.metric, &d) && rule.metric == reviewedShareNewestKey(d))
        return GateText::tr("%1 and ≥ %2 reviewed").arg(bound).arg(rule.minReviewed);
    return bound;
}

QString gateStatusTitle(GateStatus status) {
    switch (status) {
    case GateStatus::Pass:
        return GateText::tr("PASS");
    case GateStatus::Warn:
        return GateText::tr("WARN");
    case GateStatus::Fail:
        return GateText::tr("FAIL");
    case GateStatus::NotApplicable:
        return GateText::tr("N/A");
    }
    return {};
}

QString gateStatusName(GateStatus status) {
    switch (status) {
    case GateStatus::Pass:
        return u"pass"_s;
    case GateStatus::Warn:
        return u"warn"_s;
    case GateStatus::Fail:
        return u"fail"_s;
    case GateStatus::NotApplicable:
        return u"n/a"_s;
    }
    return {};
}

GateStatus overallStatus(const QList<RedLineResult>& results) {
    GateStatus out = GateStatus::Pass;
    for (const auto& r : results) {
        if (r.status == GateStatus::Fail)
            return GateStatus::Fail;
        if (r.status == GateStatus::Warn)
            out = GateStatus::Warn;
    }
    return out;
}

Status parseRedLines(const QByteArray& json, QList<RedLine>* rules) {
    rules->clear();
    Json doc;
    try {
        doc = Json::parse(json.toStdString());
    } catch (const std::exception& e) {
        return Status::failure(
            GateText::tr("the rules are not valid JSON: %1").arg(QString::fromStdString(e.what())));
    }
    if (!doc.is_object() || !doc.contains("rules") || !doc["rules"].is_array())
        return Status::failure(GateText::tr("the rules file needs a \"rules\" array"));
    int index = 0;
    for (const Json& j : doc["rules"]) {
        ++index;
        auto bad = [&](const QString& why) {
            return Status::failure(u"rule %1 (%2): %3"_s.arg(
                QString::number(index), QString::fromStdString(j.value("id", std::string("?"))),
                why));
        };
        if (!j.is_object())
            return bad(GateText::tr("not an object"));
        RedLine r;
        for (const char* key : {"id", "metric", "severity", "action"})
            if (!j.contains(key) || !j[key].is_string() || j[key].get<std::string>().empty())
                return bad(
                    GateText::tr("\"%1\" must be a non-empty text").arg(QLatin1StringView(key)));
        r.id = QString::fromStdString(j["id"].get<std::string>());
        r.metric = QString::fromStdString(j["metric"].get<std::string>());
        r.action = QString::fromStdString(j["action"].get<std::string>());
        r.title = QString::fromStdString(j.value("title", j["id"].get<std::string>()));
        r.dimension = QString::fromStdString(j.value("dimension", std::string()));
        r.evidence = QString::fromStdString(j.value("evidence", std::string("overview")));
        r.scope = QString::fromStdString(j.value("scope", std::string("comparison")));
        if (r.scope != u"comparison"_s && r.scope != u"synthetic"_s && r.scope != u"real"_s)
            return bad(GateText::tr("\"scope\" must be comparison, synthetic or real"));
        const std::string severity = j["severity"].get<std::string>();
        if (severity != "warn" && severity != "fail")
            return bad(GateText::tr("\"severity\" must be warn or fail"));
        r.fail = severity == "fail";
        if (j.contains("min_reviewed")) {
            // A whole number (get<int> of 1e10 would be an out-of-range float cast).
            const Json& m = j["min_reviewed"];
            if (!m.is_number_integer() || m.get<std::int64_t>() < 0 ||
                m.get<std::int64_t>() > std::numeric_limits<int>::max())
                return bad(GateText::tr("\"min_reviewed\" must be a whole number ≥ 0"));
            r.minReviewed = static_cast<int>(m.get<std::int64_t>());
        }
        if (j.contains("trend")) {
            const Json& t = j["trend"];
            if (!t.is_object() || !t.contains("runs") || !t["runs"].is_number_integer() ||
                t["runs"].get<int>() < 2)
                return bad(GateText::tr("\"trend\" needs \"runs\" ≥ 2"));
            const std::string w = t.value("worse", std::string("rising"));
            if (w != "rising" && w != "falling")
                return bad(GateText::tr("\"trend.worse\" must be rising or falling"));
            r.trendRuns = t["runs"].get<int>();
            r.trendRising = w == "rising";
            r.op = r.trendRising ? u"<="_s : u">="_s;
        } else {
            if (!j.contains("op") || !j["op"].is_string())
                return bad(GateText::tr("\"op\" (<=, <, >= or >) is missing"));
            r.op = QString::fromStdString(j["op"].get<std::string>());
            if (r.op != u"<="_s && r.op != u"<"_s && r.op != u">="_s && r.op != u">"_s)
                return bad(GateText::tr("\"op\" must be <=, <, >= or >"));
            if (!j.contains("threshold") || !j["threshold"].is_number())
                return bad(GateText::tr("\"threshold\" must be a number"));
            r.threshold = j["threshold"].get<double>();
            if (j.contains("rounds")) {
                Dimension d = Dimension::Generator;
                if (!j["rounds"].is_number_integer() || j["rounds"].get<int>() < 1)
                    return bad(GateText::tr("\"rounds\" must be a whole number ≥ 1"));
                if (!sourceMetricDimension(r.metric, &d) || r.metric == reviewedShareNewestKey(d) ||
                    r.metric == sourceCountKey(d))
                    return bad(GateText::tr("\"rounds\" applies to source_largest_share_* and "
                                            "source_entropy_* metrics only"));
                r.lastRounds = j["rounds"].get<int>();
            }
        }
        // The concentration on sources is one figure for the whole synthetic side (stored
        // like a comparison), whatever scope the rule names.
        if (Dimension d = Dimension::Generator; sourceMetricDimension(r.metric, &d))
            r.scope = u"comparison"_s;
        rules->append(r);
    }
    return {};
}

QByteArray defaultRedLinesJson() {
    initRulesResource();
    QFile f(u":/synthscope/rules/redlines.json"_s);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray projectRedLinesJson(Project& project) {
    const std::optional<QString> stored = projectInfo(project, kRulesKey);
    return stored ? stored->toUtf8() : defaultRedLinesJson();
}

Status setProjectRedLines(Project& project, const QByteArray& json) {
    if (json.trimmed().isEmpty())
        return setProjectInfo(project, kRulesKey, QString());
    QList<RedLine> rules;
    if (Status s = parseRedLines(json, &rules); !s)
        return s;
    return setProjectInfo(project, kRulesKey, QString::fromUtf8(json));
}

Status evaluateRedLines(Project& project, const QList<RedLine>& rules,
                        QList<RedLineResult>* results, const QList<SourceReviewRow>* reviews) {
    results->clear();
    QSqlDatabase db = project.connection();
    std::optional<qint64> newest;
    if (Status s = newestAnalysisRun(db, &newest); !s)
        return s;
    if (!newest)
        return Status::failure(GateText::tr("no analysis yet: run the analyses first"));
    const qint64 run = *newest;
    // Rules over corpora say how many they could not judge.
    // (Those of the project's view: a corpus without prompts is not among the prompts'.)
    const int syntheticCorpora =
        static_cast<int>(scalar(db,
                                u"SELECT count(*) FROM corpora WHERE role = 'synthetic' AND "
                                "" SYNTHSCOPE_VIEW_SAMPLES_SQL " > 0"_s,
                                {})
                             .value_or(0.0));
    const int realCorpora = static_cast<int>(
        scalar(db,
               u"SELECT count(*) FROM corpora WHERE role = 'real' AND " SYNTHSCOPE_VIEW_SAMPLES_SQL
               " > 0"_s,
               {})
            .value_or(0.0));
    auto comparison = [&](const QString& name) {
        return scalar(db,
                      u"SELECT value FROM metrics WHERE run_id = ? AND corpus_id IS NULL AND "
                      "name = ?"_s,
                      {run, name});
    };
    for (const RedLine& rule : rules) {
        RedLineResult r;
        r.rule = rule;
        std::optional<double> value;
        if (rule.trendRuns > 0) {
            // The metric over the newest runs (worst corpus of the role per run).
            QSqlQuery q(db);
            const QString aggregate = rule.trendRising ? u"max"_s : u"min"_s;
            if (rule.scope == u"comparison"_s) {
                q.prepare(u"SELECT value FROM metrics WHERE corpus_id IS NULL AND name = ? "
                          "AND run_id IN "_s +
                          kViewRuns + u" ORDER BY run_id DESC LIMIT ?"_s);
                q.addBindValue(rule.metric);
            } else {
                q.prepare(
                    u"SELECT %1(m.value) FROM metrics m JOIN corpora c ON c.id = "
                    "m.corpus_id WHERE m.name = ? AND c.role = ? AND m.run_id IN %2 "
                    "GROUP BY m.run_id ORDER BY m.run_id DESC LIMIT ?"_s.arg(aggregate, kViewRuns));
                q.addBindValue(rule.metric);
                q.addBindValue(rule.scope);
            }
            q.addBindValue(rule.trendRuns);
            QList<double> history; // newest first
            if (q.exec())
                while (q.next())
                    history.append(q.value(0).toDouble());
            if (history.size() < rule.trendRuns) {
                r.detail =
                    GateText::tr("needs %1 analyses with this metric, has %2")
                        .arg(QString::number(rule.trendRuns), QString::number(history.size()));
            } else {
                bool worsening = true;
                for (qsizetype i = 0; i + 1 < history.size(); ++i)
                    worsening = worsening && (rule.trendRising ? history[i] > history[i + 1]
                                                               : history[i] < history[i + 1]);
                QStringList shown;
                for (qsizetype i = history.size(); i-- > 0;)
                    shown << QString::number(history[i], 'g', 4);
                r.value = history.first();
                r.detail = shown.join(u" → "_s);
                r.status = worsening ? (rule.fail ? GateStatus::Fail : GateStatus::Warn)
                                     : GateStatus::Pass;
            }
            results->append(r);
            continue;
        }
        Dimension sourceDimension = Dimension::Generator;
        const bool sourceRule = sourceMetricDimension(rule.metric, &sourceDimension);
        if (sourceRule && rule.lastRounds > 0) {
            judgeLastRounds(project, rule, sourceDimension, reviews, &r);
            results->append(r);
            continue;
        }
        if (sourceRule && rule.metric == reviewedShareNewestKey(sourceDimension)) {
            judgeNewestReviewed(project, rule, sourceDimension, reviews, &r);
            results->append(r);
            continue;
        }
        if (rule.metric.startsWith(u"tag:"_s)) {
            const QString tag = rule.metric.mid(4);
            const QString role = rule.scope == u"real"_s ? u"real"_s : u"synthetic"_s;
            // Driven from the answer tables (only answered samples), not a scan of every
            // sample of the role.
            const QString reviewedSql =
                u"SELECT count(*) FROM (SELECT sample_id FROM sample_tags UNION SELECT sample_id "
                "FROM decisions UNION SELECT sample_id FROM notes) a JOIN samples s ON s.id = "
                "a.sample_id JOIN corpora c ON c.id = s.corpus_id WHERE c.role = ?"_s;
            const double reviewed = scalar(db, reviewedSql, {role}).value_or(0.0);
            const double tagged =
                scalar(db,
                       u"SELECT count(DISTINCT st.sample_id) FROM sample_tags st JOIN tags t ON "
                       "t.id = st.tag_id JOIN samples s ON s.id = st.sample_id JOIN corpora c ON "
                       "c.id = s.corpus_id WHERE c.role = ? AND t.name = ?"_s,
                       {role, tag})
                    .value_or(0.0);
            const QString roleWord =
                role == u"real"_s ? GateText::tr("real") : GateText::tr("synthetic");
            if (reviewed < std::max(1, rule.minReviewed)) {
                r.detail = GateText::tr("%1 %2 samples reviewed; needs %3")
                               .arg(QString::number(reviewed), roleWord,
                                    QString::number(std::max(1, rule.minReviewed)));
            } else {
                value = tagged / reviewed;
                r.detail = GateText::tr("%1 of %2 reviewed %3 samples")
                               .arg(QString::number(tagged), QString::number(reviewed), roleWord);
            }
        } else if (rule.metric == kSyntheticShareMetric) {
            // The samples of the project's view.
            const double real = scalar(db,
                                       u"SELECT sum(" SYNTHSCOPE_VIEW_SAMPLES_SQL
                                       ") FROM corpora WHERE role = 'real'"_s,
                                       {})
                                    .value_or(0.0);
            const double synthetic = scalar(db,
                                            u"SELECT sum(" SYNTHSCOPE_VIEW_SAMPLES_SQL
                                            ") FROM corpora WHERE role = 'synthetic'"_s,
                                            {})
                                         .value_or(0.0);
            if (real + synthetic > 0) {
                value = synthetic / (real + synthetic);
                r.detail = GateText::tr("%1 synthetic of %2 samples")
                               .arg(QString::number(synthetic), QString::number(real + synthetic));
            }
        } else if (rule.scope == u"comparison"_s) {
            // Every synthetic corpus against the real side; the worst one decides. Analyses
            // without per-corpus comparisons fall back to the pooled one.
            QSqlQuery q(db);
            q.prepare(u"SELECT c.name, m.value, m.null_mean, m.null_sd, c.id FROM metrics m JOIN "
                      "corpora c ON c.id = m.corpus_id WHERE m.run_id = ? AND m.name = ? AND "
                      "c.role = 'synthetic' ORDER BY c.id"_s);
            q.addBindValue(run);
            q.addBindValue(rule.metric);
            int judged = 0;
            if (q.exec())
                while (q.next()) {
                    ++judged;
                    const double v = q.value(1).toDouble();
                    if (!value || worse(rule.op, v, *value)) {
                        value = v;
                        r.corpusId = q.value(4).toLongLong();
                        r.detail = q.value(2).isNull() || q.value(3).isNull()
                                       ? GateText::tr("worst: %1").arg(q.value(0).toString())
                                       : GateText::tr("worst: %1 (real vs real %2 ± %3)")
                                             .arg(q.value(0).toString(),
                                                  QString::number(q.value(2).toDouble(), 'g', 3),
                                                  QString::number(q.value(3).toDouble(), 'g', 2));
                    }
                }
            if (judged > 1)
                r.detail += GateText::tr("; %1 synthetic corpora judged").arg(judged);
            if (judged > 0 && judged < syntheticCorpora)
                r.detail += GateText::tr("; %1 not measured (too small, or no value)")
                                .arg(syntheticCorpora - judged);
            if (!value)
                value = comparison(rule.metric);
            if (!value && rule.metric == QString::fromLatin1(key::kPerplexityLogRatio)) {
                const auto a = comparison(QString::fromLatin1(key::kPerplexityMedianSynthetic));
                const auto b = comparison(QString::fromLatin1(key::kPerplexityMedianRealHeldOut));
                if (a && b && *a > 0 && *b > 0) {
                    value = std::abs(std::log(*a / *b));
                    r.detail = GateText::tr("median perplexity %1 synthetic, %2 real held out")
                                   .arg(QString::number(*a, 'f', 1), QString::number(*b, 'f', 1));
                }
            }
        } else {
            QSqlQuery q(db);
            q.prepare(u"SELECT c.name, m.value, c.id FROM metrics m JOIN corpora c ON c.id = "
                      "m.corpus_id WHERE m.run_id = ? AND m.name = ? AND c.role = ?"_s);
            q.addBindValue(run);
            q.addBindValue(rule.metric);
            q.addBindValue(rule.scope);
            int judged = 0;
            if (q.exec())
                while (q.next()) {
                    ++judged;
                    const double v = q.value(1).toDouble();
                    if (!value || worse(rule.op, v, *value)) {
                        value = v;
                        r.corpusId = q.value(2).toLongLong();
                        r.detail = GateText::tr("worst: %1").arg(q.value(0).toString());
                    }
                }
            // A length-controlled measure is missing where the real side lacks the corpus's
            // lengths: say so rather than let the judged corpora stand for all.
            const int ofRole = rule.scope == u"synthetic"_s ? syntheticCorpora : realCorpora;
            if (judged > 0 && judged < ofRole)
                r.detail += (rule.metric.startsWith("judge_"_L1)
                                 ? GateText::tr("; %1 without preference pairs")
                                 : GateText::tr("; %1 not measured"))
                                .arg(ofRole - judged);
            if (rule.metric.endsWith(QString::fromLatin1(key::kLengthLiftSuffix))) {
                QSqlQuery u(db);
                u.prepare(u"SELECT c.name, m.value FROM metrics m JOIN corpora c ON c.id = "
                          "m.corpus_id WHERE m.run_id = ? AND m.name = ? AND m.value > ? "
                          "ORDER BY c.id"_s);
                u.addBindValue(run);
                u.addBindValue(QString::fromLatin1(key::kLengthUnmatchedShare));
                u.addBindValue(analysis::kMaxUnmatchedShare);
                QStringList unmatched;
                if (u.exec())
                    while (u.next())
                        unmatched << u"%1 (%2 %)"_s.arg(u.value(0).toString())
                                         .arg(100.0 * u.value(1).toDouble(), 0, 'f', 0);
                if (!unmatched.isEmpty())
                    r.detail += (r.detail.isEmpty() ? QString() : u"; "_s) +
                                GateText::tr("lengths without a real match: %1")
                                    .arg(unmatched.join(u", "_s));
            }
        }
        r.value = value;
        if (!value) {
            if (r.detail.isEmpty())
                r.detail = GateText::tr("not measured in the newest analysis");
            r.status = GateStatus::NotApplicable;
        } else {
            r.status = passes(rule.op, *value, rule.threshold)
                           ? GateStatus::Pass
                           : (rule.fail ? GateStatus::Fail : GateStatus::Warn);
        }
        results->append(r);
    }
    return {};
}

} // namespace synthscope::model
