#include "TestSupport.h"

#include "model/Exporter.h"
#include "model/ReviewStore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>

#include <gtest/gtest.h>

#include <thread>

using namespace synthscope;
using namespace synthscope::model;

namespace {
QByteArray readAll(const QString& path) {
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}
} // namespace

TEST(Export, FilteredOriginalsVerbatimWithManifest) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    const QByteArray real = "{\"text\": \"real one\",  \"k\": 1}\n{\"text\": \"real two\"}\n";
    const QByteArray synth =
        "{\"text\":\"syn one\"}\n{\"text\":\"syn two\"}\n{\"text\":\"syn three\"}\n";
    test::importFile(*p, QStringLiteral("r"), Role::Real,
                     test::writeFile(dir, QStringLiteral("r.jsonl"), real), "text");
    test::importFile(*p, QStringLiteral("s"), Role::Synthetic,
                     test::writeFile(dir, QStringLiteral("s.jsonl"), synth), "text");

    // Sample ids: r → 1, 2; s → 3, 4, 5. Tag 4 and 5 "template feel"; keep 3, drop 5.
    ReviewStore review(*p, QStringLiteral("ann"));
    const qint64 templateFeel = review.tags().at(0).id;
    ASSERT_TRUE(review.setTag(4, templateFeel, true).ok());
    ASSERT_TRUE(review.setTag(5, templateFeel, true).ok());
    ASSERT_TRUE(review.setDecision(3, Decision::Keep).ok());
    ASSERT_TRUE(review.setDecision(5, Decision::Drop).ok());

    ExportFilter all;
    EXPECT_EQ(countMatching(*p, all), 5);
    ExportFilter synthetic;
    synthetic.role = Role::Synthetic;
    EXPECT_EQ(countMatching(*p, synthetic), 3);
    ExportFilter tagged = synthetic;
    ExportFilter::parseTag(QStringLiteral("template feel"), &tagged);
    EXPECT_EQ(countMatching(*p, tagged), 2);
    ExportFilter untagged;
    ExportFilter::parseTag(QStringLiteral("none"), &untagged);
    EXPECT_EQ(countMatching(*p, untagged), 3);
    ExportFilter undecided;
    QString error;
    ASSERT_TRUE(
        ExportFilter::parseDecision(QStringLiteral("undecided"), &undecided.decisions, &error));
    EXPECT_EQ(countMatching(*p, undecided), 3);
    EXPECT_FALSE(
        ExportFilter::parseDecision(QStringLiteral("maybe"), &undecided.decisions, &error));

    // Export the real corpus: bytes equal the input file (verbatim records, same order).
    ExportFilter realOnly;
    realOnly.corpus = QStringLiteral("r");
    ExportReport report;
    const QString out = dir.filePath(QStringLiteral("out.jsonl"));
    ASSERT_TRUE(exportSamples(*p, realOnly, out, {}, &report).ok());
    EXPECT_EQ(report.samples, 2);
    const QByteArray bytes = readAll(out);
    EXPECT_EQ(bytes, real);
    EXPECT_EQ(
        report.sha256,
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));

    const Json manifest = Json::parse(readAll(manifestPathFor(out)).toStdString());
    EXPECT_EQ(manifest["sha256"], report.sha256.toStdString());
    EXPECT_EQ(manifest["counts"]["samples"], 2);
    EXPECT_EQ(manifest["counts"]["by_corpus"]["r"], 2);
    EXPECT_EQ(manifest["filter"]["corpus"], "r");
    EXPECT_EQ(manifest["filter"]["decision"], "any");
    EXPECT_EQ(manifest["app_version"], SYNTHSCOPE_VERSION);

    // Kept synthetic samples only.
    ExportFilter kept;
    kept.decisions = ExportFilter::Decisions::Keep;
    ASSERT_TRUE(exportSamples(*p, kept, out, {}, &report).ok());
    EXPECT_EQ(readAll(out), QByteArray("{\"text\":\"syn one\"}\n"));
}

TEST(Export, UnknownNamesFailAndCancelWritesNothing) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    test::importFile(*p, QStringLiteral("r"), Role::Real,
                     test::writeFile(dir, QStringLiteral("r.jsonl"), "{\"text\":\"a\"}\n"), "text");
    ExportFilter f;
    f.corpus = QStringLiteral("nope");
    ExportReport report;
    const QString out = dir.filePath(QStringLiteral("out.jsonl"));
    Status s = exportSamples(*p, f, out, {}, &report);
    EXPECT_TRUE(s.error().contains(QStringLiteral("no corpus named 'nope'")));
    ExportFilter t;
    ExportFilter::parseTag(QStringLiteral("nonexistent tag"), &t);
    EXPECT_TRUE(
        exportSamples(*p, t, out, {}, &report).error().contains(QStringLiteral("no tag named")));
    std::atomic<bool> cancel{true};
    s = exportSamples(*p, ExportFilter{}, out, analysis::Progress({}, &cancel), &report);
    EXPECT_FALSE(s.ok());
    EXPECT_FALSE(QFile::exists(out));
    EXPECT_FALSE(QFile::exists(manifestPathFor(out)));
}

TEST(Export, PrettyJsonArrayElementBecomesOneLine) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    test::importFile(
        *p, QStringLiteral("a"), Role::Real,
        test::writeFile(dir, QStringLiteral("a.json"), "[\n {\"text\": \"x\",\n  \"n\": 1}\n]\n"),
        "text");
    ExportReport report;
    const QString out = dir.filePath(QStringLiteral("out.jsonl"));
    ASSERT_TRUE(exportSamples(*p, ExportFilter{}, out, {}, &report).ok());
    EXPECT_EQ(readAll(out), QByteArray("{\"text\":\"x\",\"n\":1}\n"));
}

// Decisions by one reviewer or by the majority; groups and scores of the newest analysis
// (hand-made rows of sample_scores); the excluded ids; the datasheet in the manifest.
TEST(Export, ReviewerMajorityGroupsScoresExcludedIdsAndDatasheet) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    test::importFile(*p, QStringLiteral("s"), Role::Synthetic,
                     test::writeFile(dir, QStringLiteral("s.jsonl"),
                                     "{\"text\":\"a\"}\n{\"text\":\"b\"}\n{\"text\":\"c\"}\n"
                                     "{\"text\":\"d\"}\n{\"text\":\"e\"}\n"),
                     "text");
    // Ids 1–5. Ann keeps 1, 2; Bob drops 2, 3; Cy drops 2 → majority: 1 keep, 2 drop, 3 drop.
    ReviewStore ann(*p, QStringLiteral("ann"));
    ReviewStore bob(*p, QStringLiteral("bob"));
    ReviewStore cy(*p, QStringLiteral("cy"));
    ASSERT_TRUE(ann.setDecision(1, Decision::Keep).ok());
    ASSERT_TRUE(ann.setDecision(2, Decision::Keep).ok());
    ASSERT_TRUE(bob.setDecision(2, Decision::Drop).ok());
    ASSERT_TRUE(bob.setDecision(3, Decision::Drop).ok());
    ASSERT_TRUE(cy.setDecision(2, Decision::Drop).ok());
    ExportFilter f;
    f.decisions = ExportFilter::Decisions::Keep;
    EXPECT_EQ(countMatching(*p, f), 2); // anyone kept 1 and 2
    f.decisionSource = ExportFilter::DecisionSource::Majority;
    EXPECT_EQ(countMatching(*p, f), 1);
    f.decisions = ExportFilter::Decisions::Drop;
    EXPECT_EQ(countMatching(*p, f), 2);
    f.decisions = ExportFilter::Decisions::Undecided;
    EXPECT_EQ(countMatching(*p, f), 2); // 4, 5
    f.decisionSource = ExportFilter::DecisionSource::Reviewer;
    f.reviewer = QStringLiteral("bob");
    f.decisions = ExportFilter::Decisions::Drop;
    EXPECT_EQ(countMatching(*p, f), 2);
    ExportReport report;
    f.reviewer = QStringLiteral("nobody");
    EXPECT_FALSE(exportSamples(*p, f, dir.filePath(QStringLiteral("x.jsonl")), {}, &report).ok());

    // Scores: clusters 0,0,1,1,2; duplicate group 0 = {2, 4}; synthetic-likeness by id.
    QSqlQuery q(p->connection());
    ASSERT_TRUE(q.exec(QStringLiteral(
        "INSERT INTO runs (id, kind, params, result, app_version, started_at, finished_at, "
        "corpora) VALUES (1, 'analysis', '{}', '{}', 't', 'now', 'now', '[]')")));
    ASSERT_TRUE(q.exec(
        QStringLiteral("INSERT INTO sample_scores (run_id, sample_id, cluster, duplicate_group, "
                       "synthetic_likeness) VALUES (1, 1, 0, NULL, 0.1), (1, 2, 0, 0, 0.9), "
                       "(1, 3, 1, NULL, 0.5), (1, 4, 1, 0, 0.2), (1, 5, 2, NULL, NULL)")));
    ExportFilter g;
    ASSERT_TRUE(ExportFilter::parseGroups(QStringLiteral("1, 3"), &g.clusters.ids, nullptr));
    EXPECT_EQ(g.clusters.ids, (QList<qint64>{0, 2}));
    EXPECT_EQ(countMatching(*p, g), 3); // 1, 2, 5
    g.clusters.exclude = true;
    EXPECT_EQ(countMatching(*p, g), 2); // 3, 4
    ExportFilter dedup;
    dedup.onePerDuplicateGroup = true;
    EXPECT_EQ(countMatching(*p, dedup), 4); // 4 goes (2 is its group's first)
    dedup.maxSyntheticLikeness = 0.5;
    EXPECT_EQ(countMatching(*p, dedup), 3); // 1, 3 and 5 (no score passes); 2 is 0.9
    QString error;
    EXPECT_FALSE(ExportFilter::parseGroups(QStringLiteral("0"), &g.clusters.ids, &error));

    const QString out = dir.filePath(QStringLiteral("slice.jsonl"));
    ASSERT_TRUE(exportSamples(*p, dedup, out, {}, &report).ok());
    EXPECT_EQ(report.samples, 3);
    EXPECT_EQ(report.excluded, 2);
    const QList<QByteArray> excluded = readAll(excludedPathFor(out)).trimmed().split('\n');
    ASSERT_EQ(excluded.size(), 2);
    EXPECT_EQ(Json::parse(excluded[0].toStdString())["id"], 2);
    EXPECT_EQ(Json::parse(excluded[1].toStdString())["id"], 4);
    EXPECT_EQ(Json::parse(excluded[1].toStdString())["line"], 4);
    const Json manifest = Json::parse(readAll(manifestPathFor(out)).toStdString());
    EXPECT_EQ(manifest["filter"]["one_per_duplicate_group"], true);
    EXPECT_EQ(manifest["filter"]["max_synthetic_likeness"], 0.5);
    EXPECT_EQ(manifest["counts"]["excluded"], 2);
    const Json& sheet = manifest["datasheet"];
    EXPECT_EQ(sheet["collection"][0]["corpus"], "s");
    EXPECT_EQ(sheet["metrics"]["analysis_run"], 1);
    EXPECT_EQ(sheet["review"]["decisions_by_reviewer"]["bob"]["drop"], 2);
    EXPECT_TRUE(sheet["red_lines"]["rules"].is_array());

    // Group numbers chosen from run 1 (the export dialog pins the run it shows): exported while
    // run 1 is the newest; refused once a run 2 exists (k-means numbers its clusters anew).
    ExportFilter pinned;
    pinned.clusters.ids = {0};
    pinned.analysisRun = 1;
    ASSERT_TRUE(exportSamples(*p, pinned, out, {}, &report).ok());
    EXPECT_EQ(report.samples, 2);
    ASSERT_TRUE(q.exec(QStringLiteral(
        "INSERT INTO runs (id, kind, params, result, app_version, started_at, finished_at, "
        "corpora) VALUES (2, 'analysis', '{}', '{}', 't', 'now', 'now', '[]')")));
    const Status refused = exportSamples(*p, pinned, out, {}, &report);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().contains(QStringLiteral("open Export again")));
    pinned.clusters.ids.clear(); // without groups the run does not matter
    EXPECT_TRUE(exportSamples(*p, pinned, out, {}, &report).ok());
}

// A read snapshot sees the project as it was when it began, while another connection commits
// (an analysis storing its run beside an export); after it ends the write is seen.
TEST(Export, ReadSnapshotHidesAConcurrentCommit) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    ASSERT_TRUE(setProjectInfo(*p, QStringLiteral("k"), QStringLiteral("before")).ok());
    {
        const ReadSnapshot snapshot(p->connection());
        ASSERT_TRUE(snapshot.status().ok());
        Status written;
        std::thread writer([&]() {
            written = setProjectInfo(*p, QStringLiteral("k"), QStringLiteral("after"));
            p->releaseThreadConnection();
        });
        writer.join();
        ASSERT_TRUE(written.ok()) << written.error().toStdString();
        EXPECT_EQ(projectInfo(*p, QStringLiteral("k")), QStringLiteral("before"));
    }
    EXPECT_EQ(projectInfo(*p, QStringLiteral("k")), QStringLiteral("after"));
}

// A preference pair is one record for two samples: exported once when either output matches.
TEST(Export, PreferencePairRecordOnceWhenEitherOutputMatches) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    const QByteArray pairs = "{\"output_1\": \"a1\", \"output_2\": \"b1\", \"preference\": 2}\n"
                             "{\"output_1\": \"a2\", \"output_2\": \"b2\", \"preference\": 1}\n";
    ImportSpec spec;
    spec.corpusName = QStringLiteral("judge");
    spec.role = Role::Synthetic;
    spec.files = {test::writeFile(dir, QStringLiteral("j.jsonl"), pairs)};
    spec.mapping.pairs.firstField = "output_1";
    spec.mapping.pairs.secondField = "output_2";
    spec.mapping.pairs.preferenceField = "preference";
    ImportReport imported;
    ASSERT_TRUE(importCorpus(*p, spec, {}, &imported).ok());
    ASSERT_EQ(imported.samples, 4); // ids 1, 2 (first pair), 3, 4 (second pair)

    const QString out = dir.filePath(QStringLiteral("out.jsonl"));
    ExportReport report;
    ASSERT_TRUE(exportSamples(*p, ExportFilter{}, out, {}, &report).ok());
    EXPECT_EQ(report.samples, 4);
    EXPECT_EQ(report.records, 2);
    EXPECT_EQ(readAll(out), pairs); // the file itself: each record once, verbatim
    EXPECT_EQ(Json::parse(readAll(manifestPathFor(out)).toStdString())["counts"]["records"], 2);

    // Keep only the second output of the first pair and the first output of the second: each
    // record is still written once, and the left-out outputs are listed as excluded.
    ReviewStore review(*p, QStringLiteral("ann"));
    ASSERT_TRUE(review.setDecision(2, Decision::Keep).ok());
    ASSERT_TRUE(review.setDecision(3, Decision::Keep).ok());
    ExportFilter kept;
    kept.decisions = ExportFilter::Decisions::Keep;
    ASSERT_TRUE(exportSamples(*p, kept, out, {}, &report).ok());
    EXPECT_EQ(report.samples, 2);
    EXPECT_EQ(report.records, 2);
    EXPECT_EQ(readAll(out), pairs);
    EXPECT_EQ(report.excluded, 2);
    // Only the second pair's second output kept: one record.
    ASSERT_TRUE(review.setDecision(2, Decision::Drop).ok());
    ASSERT_TRUE(review.setDecision(3, Decision::Drop).ok());
    ASSERT_TRUE(review.setDecision(4, Decision::Keep).ok());
    ASSERT_TRUE(exportSamples(*p, kept, out, {}, &report).ok());
    EXPECT_EQ(report.records, 1);
    EXPECT_EQ(readAll(out), pairs.mid(pairs.indexOf('\n') + 1));
}
