#include "TestSupport.h"

#include "model/Exporter.h"
#include "model/ReviewStore.h"

#include <QCryptographicHash>
#include <QFile>

#include <gtest/gtest.h>

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
