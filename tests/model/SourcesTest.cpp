#include "TestSupport.h"

#include "model/Analyzer.h"
#include "model/Exporter.h"
#include "model/Gate.h"
#include "model/Importer.h"
#include "model/ReviewStore.h"
#include "model/Sources.h"
#include "model/TeamReview.h"
#include "model/Trends.h"

#include <QFile>
#include <QSqlQuery>

#include <gtest/gtest.h>

#include <cmath>

using namespace synthscope;
using namespace synthscope::model;

namespace {

// Hand-made provenance: round 1 A A A B, round 2 A A B B, round 3 C C and one sample with no
// generator. Overall A 5, B 3, C 2 of 10 recorded.
std::shared_ptr<Project> handMadeProject(const QTemporaryDir& dir) {
    auto project = test::newProject(dir);
    test::importFile(*project, QStringLiteral("real"), Role::Real,
                     test::writeFile(dir, QStringLiteral("r.jsonl"),
                                     "{\"text\":\"a b c\"}\n{\"text\":\"d e f\"}\n"),
                     "text");
    QByteArray rows;
    const char* gens[] = {"A", "A", "A", "B", "A", "A", "B", "B", "C", "C", ""};
    const int rounds[] = {1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3};
    for (int i = 0; i < 11; ++i) {
        rows += "{\"text\":\"sample " + QByteArray::number(i) +
                " words here\",\"r\":" + QByteArray::number(rounds[i]);
        if (*gens[i] != 0)
            rows += ",\"gen\":\"" + QByteArray(gens[i]) + "\"";
        rows += "}\n";
    }
    ImportSpec spec;
    spec.corpusName = QStringLiteral("syn");
    spec.role = Role::Synthetic;
    spec.files = {test::writeFile(dir, QStringLiteral("s.jsonl"), rows)};
    spec.mapping.meta = {{"generator", "{gen}"}, {"round", "{r}"}};
    ImportReport report;
    EXPECT_TRUE(importCorpus(*project, spec, {}, &report).ok());
    analysis::AnalysisParams params;
    params.findSimilarity = false;
    const Status analysed = runAnalysis(*project, params, {}, nullptr);
    EXPECT_TRUE(analysed.ok()) << analysed.error().toStdString();
    return project;
}

std::optional<double> pooledMetric(Project& project, const char* name) {
    QSqlQuery q(project.connection());
    q.prepare(QStringLiteral("SELECT value FROM metrics WHERE corpus_id IS NULL AND name = ? AND "
                             "run_id = (SELECT max(id) FROM runs)"));
    q.addBindValue(QString::fromLatin1(name));
    if (q.exec() && q.next())
        return q.value(0).toDouble();
    return std::nullopt;
}

RedLineResult judge(Project& project, const char* rule) {
    QList<RedLine> rules;
    const Status parsed = parseRedLines(QByteArray("{\"rules\":[") + rule + "]}", &rules);
    EXPECT_TRUE(parsed.ok()) << parsed.error().toStdString();
    QList<RedLineResult> results;
    EXPECT_TRUE(evaluateRedLines(project, rules, &results).ok());
    return results.value(0);
}

} // namespace

TEST(Sources, ConcentrationOverallAndByRoundOnHandMadeProvenance) {
    QTemporaryDir dir;
    auto project = handMadeProject(dir);
    QList<DimensionSources> sources;
    ASSERT_TRUE(sourceConcentration(*project, &sources).ok());
    ASSERT_EQ(sources.size(), 1); // only the generator is recorded
    const DimensionSources& g = sources[0];
    EXPECT_EQ(g.dimension, Dimension::Generator);
    EXPECT_EQ(g.all.samples, 10);
    EXPECT_EQ(g.all.unrecorded, 1);
    EXPECT_EQ(g.all.sources, 3);
    EXPECT_EQ(g.all.largest, QStringLiteral("A"));
    EXPECT_DOUBLE_EQ(g.all.largestShare, 0.5);
    // Shares .5, .3, .2: H = 1.029653 nats, / ln 3 = 0.937231.
    EXPECT_NEAR(g.all.entropy, 0.937231, 1e-6);
    ASSERT_EQ(g.rounds.size(), 3);
    EXPECT_EQ(g.rounds[0].round, QStringLiteral("1"));
    EXPECT_DOUBLE_EQ(g.rounds[0].largestShare, 0.75);
    EXPECT_NEAR(g.rounds[0].entropy, 0.811278, 1e-6); // shares 3/4, 1/4
    EXPECT_DOUBLE_EQ(g.rounds[1].largestShare, 0.5);
    EXPECT_DOUBLE_EQ(g.rounds[1].entropy, 1.0);
    EXPECT_EQ(g.rounds[2].largest, QStringLiteral("C"));
    EXPECT_DOUBLE_EQ(g.rounds[2].largestShare, 1.0);
    EXPECT_DOUBLE_EQ(g.rounds[2].entropy, 0.0);
    EXPECT_EQ(g.rounds[2].unrecorded, 1);
    // The overall figures are metrics of the run (a history over analyses).
    EXPECT_EQ(pooledMetric(*project, "source_largest_share_generator"), 0.5);
    EXPECT_EQ(pooledMetric(*project, "source_count_generator"), 3.0);
    EXPECT_FALSE(pooledMetric(*project, "source_largest_share_template_version").has_value());

    // Charted by round, in round order; by any other dimension it is refused.
    Trend trend;
    ASSERT_TRUE(metricByProvenance(*project, Dimension::Round,
                                   QStringLiteral("source_largest_share_generator"), &trend)
                    .ok());
    EXPECT_EQ(trend.categories,
              QStringList({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
    ASSERT_EQ(trend.series.size(), 1);
    EXPECT_EQ(trend.series[0].y, QList<double>({0.75, 0.5, 1.0}));
    EXPECT_TRUE(
        storedMetricKeys(*project, true).contains(QStringLiteral("source_entropy_generator")));
    EXPECT_FALSE(metricByProvenance(*project, Dimension::Generator,
                                    QStringLiteral("source_entropy_generator"), &trend)
                     .ok());
}

TEST(Sources, SingleSourceRuleJudgesTheLastRounds) {
    QTemporaryDir dir;
    auto project = handMadeProject(dir);
    // Round 3 is one generator only (1.0 > 0.9), round 2 is even: over the last two rounds it
    // is not "long-term", over the last one it is.
    RedLineResult r = judge(*project, R"({"id":"s","metric":"source_largest_share_generator",
        "op":"<=","threshold":0.9,"rounds":2,"severity":"warn","action":"diversify teachers"})");
    EXPECT_EQ(r.status, GateStatus::Pass) << r.detail.toStdString();
    EXPECT_EQ(r.value, 0.5);
    r = judge(*project, R"({"id":"s","metric":"source_largest_share_generator",
        "op":"<=","threshold":0.9,"rounds":1,"severity":"warn","action":"diversify teachers"})");
    EXPECT_EQ(r.status, GateStatus::Warn);
    EXPECT_TRUE(r.detail.contains(QStringLiteral("round 3: C 100 %"))) << r.detail.toStdString();
    r = judge(*project, R"({"id":"s","metric":"source_largest_share_generator",
        "op":"<=","threshold":0.9,"rounds":4,"severity":"warn","action":"diversify teachers"})");
    EXPECT_EQ(r.status, GateStatus::NotApplicable);
    EXPECT_TRUE(r.detail.contains(QStringLiteral("needs 4 rounds"))) << r.detail.toStdString();
    r = judge(*project, R"({"id":"t","metric":"source_largest_share_template_version",
        "op":"<=","threshold":0.9,"rounds":1,"severity":"warn","action":"diversify templates"})");
    EXPECT_EQ(r.status, GateStatus::NotApplicable);
    // A fourth round from A alone narrows the mix: evenness over generators falls from one
    // analysis to the next, and a trend rule on it trips.
    const char* falling = R"({"id":"e","metric":"source_entropy_generator","scope":"comparison",
        "trend":{"runs":2,"worse":"falling"},"severity":"warn","action":"diversify teachers"})";
    EXPECT_EQ(judge(*project, falling).status, GateStatus::NotApplicable); // one run so far
    ImportSpec more;
    more.corpusName = QStringLiteral("syn4");
    more.role = Role::Synthetic;
    more.files = {test::writeFile(dir, QStringLiteral("s4.jsonl"),
                                  "{\"text\":\"more words here\"}\n{\"text\":\"and more "
                                  "words\"}\n{\"text\":\"yet more words\"}\n")};
    more.mapping.meta = {{"generator", "A"}, {"round", "4"}};
    ImportReport report;
    ASSERT_TRUE(importCorpus(*project, more, {}, &report).ok());
    analysis::AnalysisParams params;
    params.findSimilarity = false;
    ASSERT_TRUE(runAnalysis(*project, params, {}, nullptr).ok());
    // A 8, B 3, C 2 of 13: H = 0.925129 nats over ln 3 → 0.842089, below 0.937231.
    EXPECT_NEAR(*pooledMetric(*project, "source_entropy_generator"), 0.842089, 1e-6);
    r = judge(*project, falling);
    EXPECT_EQ(r.status, GateStatus::Warn) << r.detail.toStdString();

    // "rounds" belongs to the concentration metrics only.
    QList<RedLine> rules;
    EXPECT_FALSE(parseRedLines(R"({"rules":[{"id":"x","metric":"mauve","op":">=","threshold":0.5,
        "rounds":2,"severity":"warn","action":"a"}]})",
                               &rules)
                     .ok());
}

TEST(Sources, NewestGeneratorMustBeReviewed) {
    QTemporaryDir dir;
    auto project = handMadeProject(dir);
    QList<SourceReview> reviews;
    ASSERT_TRUE(sourceReview(*project, Dimension::Generator, &reviews).ok());
    ASSERT_EQ(reviews.size(), 3);
    EXPECT_EQ(reviews[0].value, QStringLiteral("A"));
    EXPECT_EQ(reviews[2].value, QStringLiteral("C"));
    EXPECT_EQ(reviews[2].firstRound, QStringLiteral("3"));
    EXPECT_TRUE(reviews[2].newest);
    EXPECT_FALSE(reviews[0].newest || reviews[1].newest);
    EXPECT_EQ(reviews[2].samples, 2);

    const char* rule = R"({"id":"r","metric":"reviewed_share_newest_generator","op":">=",
        "threshold":0.5,"min_reviewed":2,"severity":"fail","action":"raise inspection rate"})";
    RedLineResult r = judge(*project, rule);
    EXPECT_EQ(r.status, GateStatus::Fail);
    EXPECT_TRUE(r.detail.contains(QStringLiteral("newest generator C (round 3): 0 of 2")))
        << r.detail.toStdString();
    ASSERT_TRUE(r.focusDimension.has_value());
    EXPECT_EQ(r.focusValue, QStringLiteral("C"));
    EXPECT_EQ(r.focusNeeded, 2);

    // The evidence queue: C's unreviewed samples only.
    SamplingSpec spec;
    spec.size = 10;
    spec.only = {{Dimension::Generator, QStringLiteral("C")}};
    spec.onlyUnreviewed = true;
    SampledQueue queue;
    ASSERT_TRUE(sampleQueue(*project, spec, &queue).ok());
    ASSERT_EQ(queue.ids.size(), 2);

    // Two reviewers answer the first; the share (1 of 2) passes 0.5 but the count does not.
    ReviewStore ann(*project, QStringLiteral("ann"));
    ReviewStore bob(*project, QStringLiteral("bob"));
    ASSERT_TRUE(ann.setDecision(queue.ids[0], Decision::Keep).ok());
    ASSERT_TRUE(bob.setNote(queue.ids[0], QStringLiteral("fine")).ok());
    ASSERT_TRUE(sourceReview(*project, Dimension::Generator, &reviews).ok());
    EXPECT_EQ(reviews[2].reviewed, 1);
    EXPECT_EQ(reviews[2].reviewedTwice, 1);
    r = judge(*project, rule);
    EXPECT_EQ(r.status, GateStatus::Fail);
    EXPECT_EQ(r.focusNeeded, 1);
    ASSERT_TRUE(sampleQueue(*project, spec, &queue).ok());
    ASSERT_EQ(queue.ids.size(), 1);
    ASSERT_TRUE(ann.setDecision(queue.ids[0], Decision::Drop).ok());
    r = judge(*project, rule);
    EXPECT_EQ(r.status, GateStatus::Pass) << r.detail.toStdString();
    EXPECT_EQ(r.value, 1.0);
    EXPECT_FALSE(r.focusDimension.has_value());

    // The export datasheet carries both the concentration and the review of each source.
    const QString out = dir.filePath(QStringLiteral("slice.jsonl"));
    ExportReport exported;
    ASSERT_TRUE(exportSamples(*project, ExportFilter{}, out, {}, &exported).ok());
    QFile manifestFile(manifestPathFor(out));
    ASSERT_TRUE(manifestFile.open(QIODevice::ReadOnly));
    const Json sheet = Json::parse(manifestFile.readAll().toStdString())["datasheet"];
    const Json& concentration = sheet["sources"]["concentration"];
    ASSERT_EQ(concentration.size(), 1U) << sheet["sources"].dump();
    EXPECT_EQ(concentration[0]["rounds"][2]["largest"], "C");
    const Json& review = sheet["sources"]["review"];
    ASSERT_EQ(review.size(), 1U);
    EXPECT_EQ(review[0]["sources"][2]["value"], "C");
    EXPECT_EQ(review[0]["sources"][2]["reviewed"], 2);
    EXPECT_EQ(review[0]["sources"][2]["reviewed_twice"], 1);
    EXPECT_EQ(review[0]["sources"][2]["newest"], true);
    bool ruleListed = false;
    for (const Json& line : sheet["red_lines"]["rules"])
        ruleListed = ruleListed || line["id"] == "review-new-generator";
    EXPECT_TRUE(ruleListed);
}

// Rounds named with text and numbers sort by their numbers; every generator that came in the
// same round is no update, so there is nothing newest to review.
TEST(Sources, RoundOrderAndSourcesThatCameTogether) {
    QStringList rounds = {QStringLiteral("r10"), QStringLiteral("r2"), QStringLiteral("r1")};
    sortDimensionValues(rounds);
    EXPECT_EQ(rounds,
              QStringList({QStringLiteral("r1"), QStringLiteral("r2"), QStringLiteral("r10")}));
    QStringList odd = {QStringLiteral("nan"), QStringLiteral("2"), QStringLiteral("10")};
    sortDimensionValues(odd); // "nan" is not a number: text order with numeric digit runs
    EXPECT_EQ(odd, QStringList({QStringLiteral("2"), QStringLiteral("10"), QStringLiteral("nan")}));

    QTemporaryDir dir;
    auto project = test::newProject(dir);
    ImportSpec spec;
    spec.corpusName = QStringLiteral("mixed");
    spec.role = Role::Synthetic;
    spec.files = {test::writeFile(dir, QStringLiteral("m.jsonl"),
                                  "{\"text\":\"a b\",\"gen\":\"X\"}\n"
                                  "{\"text\":\"c d\",\"gen\":\"Y\"}\n")};
    spec.mapping.meta = {{"generator", "{gen}"}, {"round", "r1"}};
    ImportReport report;
    ASSERT_TRUE(importCorpus(*project, spec, {}, &report).ok());
    QList<SourceReview> reviews;
    ASSERT_TRUE(sourceReview(*project, Dimension::Generator, &reviews).ok());
    ASSERT_EQ(reviews.size(), 2);
    EXPECT_FALSE(reviews[0].newest || reviews[1].newest);
    // Without rounds, in one import: the same.
    spec.corpusName = QStringLiteral("mixed2");
    spec.mapping.meta = {{"generator", "{gen}"}, {"template_version", "{gen}"}};
    ASSERT_TRUE(importCorpus(*project, spec, {}, &report).ok());
    ASSERT_TRUE(sourceReview(*project, Dimension::TemplateVersion, &reviews).ok());
    ASSERT_EQ(reviews.size(), 2);
    EXPECT_FALSE(reviews[0].newest || reviews[1].newest);
    // A later import of 100 samples brings a new template version: it alone is newest.
    QByteArray hundred;
    for (int i = 0; i < 100; ++i)
        hundred += "{\"text\":\"z " + QByteArray::number(i) + "\"}\n";
    spec.corpusName = QStringLiteral("later");
    spec.files = {test::writeFile(dir, QStringLiteral("z.jsonl"), hundred)};
    spec.mapping.meta = {{"template_version", "Z"}};
    ASSERT_TRUE(importCorpus(*project, spec, {}, &report).ok());
    ASSERT_TRUE(sourceReview(*project, Dimension::TemplateVersion, &reviews).ok());
    ASSERT_EQ(reviews.size(), 3);
    EXPECT_EQ(reviews[2].value, QStringLiteral("Z"));
    EXPECT_TRUE(reviews[2].newest);
    EXPECT_FALSE(reviews[0].newest || reviews[1].newest);
    // One pass serves every dimension, in kSourceDimensions order: generator X and Y (2
    // samples each: "mixed" and "mixed2"; "later" records none), template X, Y, Z; no judge.
    QList<SourceReviewRow> rows;
    ASSERT_TRUE(sourceReviewRows(*project, &rows).ok());
    ASSERT_EQ(rows.size(), 5);
    EXPECT_EQ(rows[0].dimension, Dimension::Generator);
    EXPECT_EQ(rows[0].review.value, QStringLiteral("X"));
    EXPECT_EQ(rows[0].review.samples, 2);
    EXPECT_EQ(rows[1].review.value, QStringLiteral("Y"));
    EXPECT_FALSE(rows[1].review.newest); // both generators came in the first import
    EXPECT_EQ(rows[4].dimension, Dimension::TemplateVersion);
    EXPECT_EQ(rows[4].review.value, QStringLiteral("Z"));
    EXPECT_EQ(rows[4].review.samples, 100);
    EXPECT_TRUE(rows[4].review.newest);
    analysis::AnalysisParams params;
    params.findSimilarity = false;
    ASSERT_TRUE(runAnalysis(*project, params, {}, nullptr).ok());
    const RedLineResult r = judge(*project, R"({"id":"r","metric":"reviewed_share_newest_generator",
        "op":">=","threshold":0.07,"min_reviewed":1,"severity":"fail","action":"a"})");
    EXPECT_EQ(r.status, GateStatus::NotApplicable);
    EXPECT_TRUE(r.detail.contains(QStringLiteral("same round or import")))
        << r.detail.toStdString();
    // 7 % of Z's 100 samples is 7 answers (0.07 × 100 is 7.000000000000001 in binary: a plain
    // ceil would ask for 8).
    const RedLineResult z =
        judge(*project, R"({"id":"z","metric":"reviewed_share_newest_template_version",
        "op":">=","threshold":0.07,"min_reviewed":1,"severity":"fail","action":"a"})");
    EXPECT_EQ(z.focusNeeded, 7) << z.detail.toStdString();
}

// The gate's verdict (what the Overview and the Checklist show, judged in a job) reads the
// sources' reviews once and judges every rule as evaluateRedLines does alone; a cancelled
// judging throws between its steps.
TEST(Sources, GateVerdictJudgesLikeTheRulesAlone) {
    QTemporaryDir dir;
    auto project = handMadeProject(dir);
    ASSERT_TRUE(setProjectRedLines(*project, R"({"rules":[
        {"id":"new","metric":"reviewed_share_newest_generator","op":">=","threshold":0.5,
         "min_reviewed":1,"severity":"fail","action":"read it"},
        {"id":"lead","metric":"source_largest_share_generator","op":"<=","threshold":0.7,
         "rounds":2,"severity":"warn","action":"mix"},
        {"id":"tagged","metric":"tag:template feel","scope":"synthetic","op":"<=",
         "threshold":0.5,"min_reviewed":1,"severity":"warn","action":"look"},
        {"id":"template","metric":"reviewed_share_newest_template_version","op":">=",
         "threshold":0.5,"min_reviewed":1,"severity":"fail","action":"read it"}]})")
                    .ok());
    auto sameAsAlone = [&](const GateVerdict& verdict) {
        QList<RedLine> rules;
        ASSERT_TRUE(parseRedLines(projectRedLinesJson(*project), &rules).ok());
        QList<RedLineResult> alone;
        ASSERT_TRUE(evaluateRedLines(*project, rules, &alone).ok());
        ASSERT_EQ(verdict.results.size(), alone.size());
        for (qsizetype i = 0; i < alone.size(); ++i) {
            EXPECT_EQ(verdict.results[i].status, alone[i].status) << i;
            EXPECT_EQ(verdict.results[i].detail, alone[i].detail) << i;
            EXPECT_EQ(verdict.results[i].value, alone[i].value) << i;
        }
        QList<SourceReviewRow> rows;
        ASSERT_TRUE(sourceReviewRows(*project, &rows).ok());
        ASSERT_EQ(verdict.sourceReview.size(), rows.size());
        for (qsizetype i = 0; i < rows.size(); ++i) {
            EXPECT_EQ(verdict.sourceReview[i].review.value, rows[i].review.value);
            EXPECT_EQ(verdict.sourceReview[i].review.reviewed, rows[i].review.reviewed);
        }
    };
    GateVerdict verdict = judgeGate(*project, analysis::Progress());
    EXPECT_TRUE(verdict.rulesError.isEmpty() && verdict.error.isEmpty());
    QSqlQuery q(project->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT max(id) FROM runs")) && q.next());
    EXPECT_EQ(verdict.runId, q.value(0).toLongLong());
    sameAsAlone(verdict);
    // Generators A, B, C (the sample without one is left out); C came last, none read yet.
    ASSERT_EQ(verdict.sourceReview.size(), 3);
    EXPECT_EQ(verdict.sourceReview[2].review.value, QStringLiteral("C"));
    EXPECT_TRUE(verdict.sourceReview[2].review.newest);
    ASSERT_EQ(verdict.results.size(), 4);
    // No sample records a template version: judged on that dimension's rows (none), not on
    // the generators'.
    EXPECT_EQ(verdict.results[3].status, GateStatus::NotApplicable);
    EXPECT_TRUE(verdict.results[3].detail.contains(QStringLiteral("template version")))
        << verdict.results[3].detail.toStdString();
    EXPECT_EQ(verdict.results[0].status, GateStatus::Fail);
    EXPECT_TRUE(verdict.results[0].detail.contains(QStringLiteral("0 of 2")))
        << verdict.results[0].detail.toStdString();
    // The last two rounds: A and B at 0.5 each, then C alone (1.0): round 2 passes, so does it.
    EXPECT_EQ(verdict.results[1].status, GateStatus::Pass)
        << verdict.results[1].detail.toStdString();

    // A reviewer reads one of C's samples: judged again, the verdict counts it.
    SamplingSpec spec;
    spec.size = 1;
    spec.only = {{Dimension::Generator, QStringLiteral("C")}};
    SampledQueue queue;
    ASSERT_TRUE(sampleQueue(*project, spec, &queue).ok());
    ASSERT_EQ(queue.ids.size(), 1);
    ReviewStore ann(*project, QStringLiteral("ann"));
    ASSERT_TRUE(ann.setDecision(queue.ids[0], Decision::Keep).ok());
    verdict = judgeGate(*project, analysis::Progress());
    sameAsAlone(verdict);
    EXPECT_EQ(verdict.sourceReview[2].review.reviewed, 1);
    EXPECT_EQ(verdict.results[0].status, GateStatus::Pass)
        << verdict.results[0].detail.toStdString();

    std::atomic<bool> cancel{true};
    EXPECT_THROW((void)judgeGate(*project, analysis::Progress({}, &cancel)), analysis::Cancelled);
}

// Numbers from a hand-edited rules file far outside their range are refused or bounded, not
// cast out of int's range (undefined; the ASan build traps it).
TEST(Sources, OutOfRangeRuleNumbersAreRefusedOrBounded) {
    QList<RedLine> rules;
    for (const char* minReviewed : {"1e10", "50.5", "-1", "\"50\""}) {
        const QByteArray json =
            QByteArray(R"({"rules":[{"id":"r","metric":"reviewed_share_newest_generator",
            "op":">=","threshold":0.5,"severity":"fail","action":"a","min_reviewed":)") +
            minReviewed + "}]}";
        const Status s = parseRedLines(json, &rules);
        EXPECT_FALSE(s.ok()) << minReviewed;
        EXPECT_TRUE(s.error().contains(QStringLiteral("min_reviewed"))) << s.error().toStdString();
    }
    QTemporaryDir dir;
    auto project = handMadeProject(dir);
    // A share of 1e10 of C's 2 samples: more than all of them, never met.
    const RedLineResult r = judge(*project, R"({"id":"r","metric":"reviewed_share_newest_generator",
        "op":">=","threshold":1e10,"min_reviewed":1,"severity":"fail","action":"a"})");
    EXPECT_EQ(r.status, GateStatus::Fail);
    EXPECT_TRUE(r.detail.contains(QStringLiteral("needs 3"))) << r.detail.toStdString();
}
