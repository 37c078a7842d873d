#include "TestSupport.h"

#include "model/CorpusEdits.h"
#include "model/ReviewCommands.h"
#include "model/ReviewStore.h"
#include "model/SampleSearch.h"
#include "model/SampleTableModel.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace synthscope;
using namespace synthscope::model;

namespace {

// Real corpus r (samples 1–3) and synthetic corpus s (samples 4–5), texts chosen so that each
// query's answer can be read off by hand.
struct SearchFixture {
    QTemporaryDir dir;
    std::shared_ptr<Project> project = test::newProject(dir);
    SearchFixture() {
        test::importFile(*project, QStringLiteral("r"), Role::Real,
                         test::writeFile(dir, QStringLiteral("r.jsonl"),
                                         "{\"text\":\"Café opens at nine\"}\n"
                                         "{\"text\":\"the refund arrived, thanks\"}\n"
                                         "{\"text\":\"Refunds are slow\"}\n"),
                         "text");
        test::importFile(*project, QStringLiteral("s"), Role::Synthetic,
                         test::writeFile(dir, QStringLiteral("s.jsonl"),
                                         "{\"text\":\"I understand your REFUND request\"}\n"
                                         "{\"text\":\"Here's a quick guide to returns\"}\n"),
                         "text");
    }
    QList<qint64> find(const SampleQuery& query) {
        QList<qint64> ids;
        const Status s = findSamples(*project, query, &ids);
        EXPECT_TRUE(s.ok()) << s.error().toStdString();
        return ids;
    }
    QList<qint64> text(const char* fts) {
        SampleQuery q;
        q.text = QString::fromUtf8(fts);
        return find(q);
    }
};

using Ids = QList<qint64>;

} // namespace

TEST(SampleSearch, FullTextSearchFoldsCaseAndAccentsAndTakesFts5Syntax) {
    SearchFixture f;
    EXPECT_EQ(f.find({}), (Ids{1, 2, 3, 4, 5}));
    EXPECT_EQ(f.text("refund"), (Ids{2, 4}));           // "REFUND" too; "Refunds" is another word
    EXPECT_EQ(f.text("refund*"), (Ids{2, 3, 4}));       // prefix
    EXPECT_EQ(f.text("cafe"), (Ids{1}));                // diacritics folded
    EXPECT_EQ(f.text("\"quick guide\""), (Ids{5}));     // phrase
    EXPECT_EQ(f.text("\"guide quick\""), (Ids{}));      // a phrase keeps its order
    EXPECT_EQ(f.text("refund* NOT slow"), (Ids{2, 4})); // boolean
    EXPECT_EQ(f.text("nine OR returns"), (Ids{1, 5}));
    // What FTS5 cannot parse searches as the words it holds: punctuation, apostrophes, an
    // unclosed quote (customer-support text is full of @handles and can't).
    EXPECT_EQ(f.text("arrived,"), (Ids{2}));
    EXPECT_EQ(f.text("Here's"), (Ids{5}));
    EXPECT_EQ(f.text("\"refund"), (Ids{2, 4}));
    EXPECT_EQ(f.text("order-id"), (Ids{}));
    // Still not a query when quoted: an operator with nothing after it.
    QList<qint64> ids{99};
    SampleQuery bad;
    bad.text = QStringLiteral("refund AND");
    const Status s = findSamples(*f.project, bad, &ids);
    ASSERT_FALSE(s.ok());
    EXPECT_TRUE(s.error().contains(QStringLiteral("is not valid"))) << s.error().toStdString();
    EXPECT_TRUE(ids.isEmpty());
}

TEST(SampleSearch, FiltersCombineWithTheSearch) {
    SearchFixture f;
    SampleQuery q;
    q.text = QStringLiteral("refund*");
    q.role = Role::Synthetic;
    EXPECT_EQ(f.find(q), (Ids{4}));
    q.role = Role::Real;
    EXPECT_EQ(f.find(q), (Ids{2, 3}));
    q.role.reset();
    q.corpusId = 1;
    q.length.max = 17; // "Refunds are slow" has 16 characters, "the refund arrived, thanks" 26
    EXPECT_EQ(f.find(q), (Ids{3}));
    // A score filter needs the newest analysis's scores: none yet, so nothing matches.
    SampleQuery scored;
    scored.syntheticLikeness.min = 0.0;
    EXPECT_EQ(f.find(scored), (Ids{}));
    SampleQuery cluster;
    cluster.cluster = 0;
    EXPECT_EQ(f.find(cluster), (Ids{}));
}

TEST(SampleSearch, ReviewAnswersFilterByTagDecisionAndReviewer) {
    SearchFixture f;
    ReviewStore ann(*f.project, QStringLiteral("ann"));
    ReviewStore bob(*f.project, QStringLiteral("bob"));
    const qint64 tag = ann.tags().at(0).id;
    ASSERT_TRUE(ann.setTag(1, tag, true).ok());
    ASSERT_TRUE(ann.setTag(4, tag, true).ok());
    ASSERT_TRUE(bob.setTag(5, tag, true).ok());
    ASSERT_TRUE(ann.setDecision(4, Decision::Drop).ok());
    ASSERT_TRUE(bob.setDecision(2, Decision::Keep).ok());
    ASSERT_TRUE(bob.setNote(3, QStringLiteral("odd")).ok());
    SampleQuery q;
    q.tagId = tag;
    EXPECT_EQ(f.find(q), (Ids{1, 4, 5}));
    q.reviewer = QStringLiteral("ann");
    EXPECT_EQ(f.find(q), (Ids{1, 4}));
    SampleQuery d;
    d.decision = Decision::Drop;
    EXPECT_EQ(f.find(d), (Ids{4}));
    d.decision = Decision::None; // decided by nobody
    EXPECT_EQ(f.find(d), (Ids{1, 3, 5}));
    d.reviewer = QStringLiteral("bob"); // not decided by bob
    EXPECT_EQ(f.find(d), (Ids{1, 3, 4, 5}));
    SampleQuery answered;
    answered.reviewer = QStringLiteral("bob"); // a tag, a decision or a note
    EXPECT_EQ(f.find(answered), (Ids{2, 3, 5}));
}

TEST(SampleSearch, SortsEveryMatchInSqlWithTiesById) {
    SearchFixture f;
    SampleQuery q;
    q.sortBy = SampleColumn::Length;
    q.descending = true;
    // Lengths: 1 → 18, 2 → 26, 3 → 16, 4 → 32, 5 → 31.
    EXPECT_EQ(f.find(q), (Ids{4, 5, 2, 1, 3}));
    q.descending = false;
    EXPECT_EQ(f.find(q), (Ids{3, 1, 2, 5, 4}));
    q.sortBy = SampleColumn::Corpus;
    q.descending = true; // s before r, each by id
    EXPECT_EQ(f.find(q), (Ids{4, 5, 1, 2, 3}));
    q.sortBy = SampleColumn::Text;
    QList<qint64> ids;
    EXPECT_FALSE(findSamples(*f.project, q, &ids).ok());
}

TEST(SampleSearch, RowsMarkTheHitsAndKeepTheIdsOrder) {
    SearchFixture f;
    QList<SampleRow> rows;
    ASSERT_TRUE(sampleRows(*f.project, {4, 2, 77}, QStringLiteral("refund"), &rows).ok());
    ASSERT_EQ(rows.size(), 2); // 77 does not exist
    EXPECT_EQ(rows.at(0).id, 4);
    EXPECT_EQ(rows.at(0).corpus, QStringLiteral("s"));
    EXPECT_EQ(rows.at(0).role, Role::Synthetic);
    EXPECT_EQ(rows.at(0).length, 32);
    EXPECT_EQ(rows.at(0).excerpt, QStringLiteral("I understand your \u0002REFUND\u0003 request"));
    EXPECT_EQ(rows.at(1).excerpt, QStringLiteral("the \u0002refund\u0003 arrived, thanks"));
    EXPECT_FALSE(rows.at(1).syntheticLikeness.has_value()); // not analysed
    ASSERT_TRUE(sampleRows(*f.project, {1}, QString(), &rows).ok());
    EXPECT_EQ(rows.at(0).excerpt, QStringLiteral("Café opens at nine"));
}

TEST(SampleSearch, TheIndexFollowsImportAndCorpusRemoval) {
    SearchFixture f;
    ASSERT_TRUE(removeCorpus(*f.project, 2).ok()); // s
    EXPECT_EQ(f.text("refund"), (Ids{2}));
    EXPECT_EQ(f.text("guide"), (Ids{}));
    test::importFile(
        *f.project, QStringLiteral("t"), Role::Synthetic,
        test::writeFile(f.dir, QStringLiteral("t.jsonl"), "{\"text\":\"a refund guide\"}\n"),
        "text");
    const QList<qint64> found = f.text("guide");
    ASSERT_EQ(found.size(), 1);
    QList<SampleRow> rows;
    ASSERT_TRUE(sampleRows(*f.project, found, QString(), &rows).ok());
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows.at(0).corpus, QStringLiteral("t"));
    EXPECT_EQ(rows.at(0).excerpt, QStringLiteral("a refund guide"));
    QSqlQuery q(f.project->connection());
    EXPECT_TRUE(q.exec(QStringLiteral(
        "INSERT INTO samples_fts (samples_fts, rank) VALUES ('integrity-check', 1)")))
        << q.lastError().text().toStdString();
}

TEST(SampleSearch, QueryRoundTripsThroughJsonAndRejectsWhatItCannotRead) {
    SampleQuery q;
    q.text = QStringLiteral("refund*");
    q.corpusId = 3;
    q.role = Role::Synthetic;
    q.cluster = 0;
    q.skeletonGroup = 4;
    q.duplicateGroup = 2;
    q.tagId = 7;
    q.decision = Decision::None;
    q.reviewer = QStringLiteral("ann");
    q.generator = QStringLiteral("gpt-4o");
    q.round = QStringLiteral("2");
    q.syntheticLikeness = {0.5, std::nullopt};
    q.nnOther = {std::nullopt, 0.9};
    q.perplexity = {1.0, 50.0};
    q.length = {10, 400};
    q.sortBy = SampleColumn::NnOther;
    q.descending = true;
    SampleQuery back;
    ASSERT_TRUE(SampleQuery::fromJson(q.toJson(), &back).ok());
    EXPECT_EQ(back, q);
    EXPECT_TRUE(SampleQuery{}.toJson().isEmpty());
    const auto refused = [](const char* json) {
        SampleQuery out;
        return !SampleQuery::fromJson(QJsonDocument::fromJson(json).object(), &out).ok();
    };
    EXPECT_TRUE(refused(R"({"colour":"red"})"));
    EXPECT_TRUE(refused(R"({"corpus":"three"})"));
    EXPECT_TRUE(refused(R"({"corpus":1.5})"));
    EXPECT_TRUE(refused(R"({"role":"imaginary"})"));
    EXPECT_TRUE(refused(R"({"decision":"maybe"})"));
    EXPECT_TRUE(refused(R"({"sort":"text"})"));
    EXPECT_TRUE(refused(R"({"length":{"least":3}})"));
    EXPECT_TRUE(refused(R"({"length":5})"));
    EXPECT_TRUE(refused(R"({"cluster":0})")); // groups are numbered from 1, as shown
    SampleQuery first;
    ASSERT_TRUE(
        SampleQuery::fromJson(QJsonDocument::fromJson(R"({"cluster":1})").object(), &first).ok());
    EXPECT_EQ(first.cluster, 0);
}

TEST(SampleSearch, BulkAnswersAreOneUndoableStepThatRestoresEachSample) {
    SearchFixture f;
    ReviewStore ann(*f.project, QStringLiteral("ann"));
    const TagDef tag = ann.tags().at(0);
    ASSERT_TRUE(ann.setTag(1, tag.id, true).ok());
    ASSERT_TRUE(ann.setDecision(2, Decision::Keep).ok());
    ASSERT_TRUE(ann.setDecision(3, Decision::Drop).ok());
    QUndoStack undo;
    auto* tagAll = new BulkTagCommand(ann, {1, 4, 5}, tag, true);
    EXPECT_EQ(tagAll->changed(), (Ids{4, 5})); // 1 has it already
    undo.push(tagAll);
    EXPECT_EQ(test::taggedBy(ann, {1, 2, 3, 4, 5}, tag.id), (QSet<qint64>{1, 4, 5}));
    undo.push(new BulkDecisionCommand(ann, {1, 2, 3}, Decision::Drop));
    const auto decisions = test::decidedBy(ann, {1, 2, 3});
    EXPECT_EQ(decisions.value(1), Decision::Drop);
    EXPECT_EQ(decisions.value(2), Decision::Drop);
    EXPECT_EQ(decisions.value(3), Decision::Drop);
    undo.undo(); // each sample gets its own decision back
    const auto restored = test::decidedBy(ann, {1, 2, 3});
    EXPECT_EQ(restored.value(1), Decision::None);
    EXPECT_EQ(restored.value(2), Decision::Keep);
    EXPECT_EQ(restored.value(3), Decision::Drop);
    undo.undo(); // 1 keeps the tag it had before
    EXPECT_EQ(test::taggedBy(ann, {1, 2, 3, 4, 5}, tag.id), (QSet<qint64>{1}));
    undo.redo();
    EXPECT_EQ(test::taggedBy(ann, {1, 2, 3, 4, 5}, tag.id), (QSet<qint64>{1, 4, 5}));
    // Another reviewer's answers are theirs: bob's bulk tag leaves ann's alone.
    ReviewStore bob(*f.project, QStringLiteral("bob"));
    BulkTagCommand bobs(bob, {1, 2}, tag, true);
    EXPECT_EQ(bobs.changed(), (Ids{1, 2}));
}

TEST(SampleSearch, TheTableModelSearchesOffTheGuiThreadAndSortsInSql) {
    SearchFixture f;
    SampleTableModel model;
    QSignalSpy finished(&model, &SampleTableModel::searchFinished);
    model.setProject(f.project);
    ASSERT_TRUE(finished.wait(5000));
    EXPECT_EQ(model.rowCount(), 5);
    SampleQuery q;
    q.text = QStringLiteral("refund");
    model.setQuery(q);
    EXPECT_TRUE(model.searching());
    ASSERT_TRUE(finished.wait(5000));
    EXPECT_FALSE(model.searching());
    ASSERT_EQ(model.rowCount(), 2);
    const auto cell = [&](int row, SampleColumn c, int role = Qt::DisplayRole) {
        return model.data(model.index(row, static_cast<int>(c)), role);
    };
    EXPECT_EQ(cell(0, SampleColumn::Id).toLongLong(), 2);
    EXPECT_EQ(cell(0, SampleColumn::Text).toString(), QStringLiteral("the refund arrived, thanks"));
    EXPECT_TRUE(
        cell(0, SampleColumn::Text, SampleTableModel::ExcerptRole).toString().contains(kHitStart));
    EXPECT_EQ(cell(1, SampleColumn::Role).toString(), QStringLiteral("synthetic"));
    EXPECT_EQ(cell(1, SampleColumn::SyntheticLikeness).toString(), QStringLiteral("–"));
    model.sort(static_cast<int>(SampleColumn::Length), Qt::DescendingOrder);
    ASSERT_TRUE(finished.wait(5000));
    EXPECT_EQ(model.sampleIds(), (Ids{4, 2}));
    // A newer query supersedes one still running: only the last answer lands.
    q.text = QStringLiteral("cafe");
    model.setQuery(q);
    q.text = QStringLiteral("guide");
    model.setQuery(q);
    while (model.searching())
        ASSERT_TRUE(finished.wait(5000));
    EXPECT_EQ(model.sampleIds(), (Ids{5}));
    // A malformed query reports its error and keeps the last answer.
    q.text = QStringLiteral("refund AND");
    finished.clear();
    model.setQuery(q);
    ASSERT_TRUE(finished.wait(5000));
    EXPECT_FALSE(finished.last().at(2).toString().isEmpty());
    EXPECT_EQ(model.sampleIds(), (Ids{5}));
}

TEST(SampleSearch, RowsCarryEveryReviewersTagsAndDecisions) {
    SearchFixture f;
    ReviewStore ann(*f.project, QStringLiteral("ann"));
    ReviewStore bob(*f.project, QStringLiteral("bob"));
    const TagDef first = ann.tags().at(0);
    const TagDef second = ann.tags().at(1);
    // Sample 4: both reviewers give the first tag (listed once), bob the second too; ann keeps
    // it and bob drops it. Sample 2: ann keeps it. Samples 1, 3 and 5: nothing.
    ASSERT_TRUE(ann.setTag(4, second.id, true).ok());
    ASSERT_TRUE(ann.setTag(4, first.id, true).ok());
    ASSERT_TRUE(bob.setTag(4, first.id, true).ok());
    ASSERT_TRUE(ann.setDecision(4, Decision::Keep).ok());
    ASSERT_TRUE(bob.setDecision(4, Decision::Drop).ok());
    ASSERT_TRUE(ann.setDecision(2, Decision::Keep).ok());
    QList<SampleRow> rows;
    ASSERT_TRUE(sampleRows(*f.project, {4, 2, 5}, QString(), &rows).ok());
    ASSERT_EQ(rows.size(), 3);
    EXPECT_EQ(rows[0].tags, (QStringList{first.name, second.name})); // the tag set's order
    EXPECT_EQ(rows[0].keeps, 1);
    EXPECT_EQ(rows[0].drops, 1);
    EXPECT_TRUE(rows[1].tags.isEmpty());
    EXPECT_EQ(rows[1].keeps, 1);
    EXPECT_EQ(rows[1].drops, 0);
    EXPECT_TRUE(rows[2].tags.isEmpty());
    EXPECT_EQ(rows[2].keeps + rows[2].drops, 0);
    // The columns cannot order a search.
    EXPECT_FALSE(isSortable(SampleColumn::Tags));
    EXPECT_FALSE(isSortable(SampleColumn::Decision));
    EXPECT_TRUE(isSortable(SampleColumn::DuplicateGroup));
    SampleQuery q;
    q.sortBy = SampleColumn::Tags;
    QList<qint64> ids;
    EXPECT_FALSE(findSamples(*f.project, q, &ids).ok());
}

TEST(SampleSearch, HitsAreOffsetsIntoTheStoredText) {
    SearchFixture f;
    using Hits = QList<std::pair<qsizetype, qsizetype>>;
    Hits hits;
    // "I understand your REFUND request": the word at 18, 6 long, whatever its case.
    ASSERT_TRUE(searchHits(*f.project, 4, QStringLiteral("refund"), &hits).ok());
    EXPECT_EQ(hits, (Hits{{18, 6}}));
    // Accents fold: "cafe" finds "Café" (4 characters).
    ASSERT_TRUE(searchHits(*f.project, 1, QStringLiteral("cafe"), &hits).ok());
    EXPECT_EQ(hits, (Hits{{0, 4}}));
    // A prefix marks the whole token; two words, two hits in text order.
    ASSERT_TRUE(searchHits(*f.project, 3, QStringLiteral("slow refund*"), &hits).ok());
    EXPECT_EQ(hits, (Hits{{0, 7}, {12, 4}}));
    // No match, or no search: no hits.
    ASSERT_TRUE(searchHits(*f.project, 5, QStringLiteral("refund"), &hits).ok());
    EXPECT_TRUE(hits.isEmpty());
    ASSERT_TRUE(searchHits(*f.project, 4, QString(), &hits).ok());
    EXPECT_TRUE(hits.isEmpty());
}
