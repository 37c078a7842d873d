#include "TestSupport.h"

#include "model/ProjectStore.h"
#include "model/ReviewCommands.h"
#include "model/ReviewStore.h"
#include "model/TeamReview.h"

#include <QSqlQuery>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <cmath>

using namespace synthscope;
using namespace synthscope::model;

namespace {

// Six synthetic samples in two corpora ("a": ids 1–4 with generator g1, "b": ids 5–6, g2).
struct TeamFixture {
    QTemporaryDir dir;
    std::shared_ptr<Project> project = test::newProject(dir);
    TeamFixture() {
        test::importFile(*project, QStringLiteral("a"), Role::Synthetic,
                         test::writeFile(dir, QStringLiteral("a.jsonl"),
                                         "{\"text\":\"one\",\"g\":\"g1\"}\n"
                                         "{\"text\":\"two\",\"g\":\"g1\"}\n"
                                         "{\"text\":\"three\",\"g\":\"g1\"}\n"
                                         "{\"text\":\"four\",\"g\":\"g1\"}\n"),
                         "text");
        test::importFile(*project, QStringLiteral("b"), Role::Synthetic,
                         test::writeFile(dir, QStringLiteral("b.jsonl"),
                                         "{\"text\":\"five\"}\n{\"text\":\"six\"}\n"),
                         "text");
        QSqlQuery q(project->connection());
        EXPECT_TRUE(q.exec(QStringLiteral("UPDATE samples SET generator = 'g1' WHERE id <= 4")));
        EXPECT_TRUE(q.exec(QStringLiteral("UPDATE samples SET generator = 'g2' WHERE id > 4")));
    }
};

} // namespace

TEST(TeamReview, EachReviewerKeepsTheirOwnAnswersAndUndo) {
    TeamFixture f;
    ReviewStore ann(*f.project, QStringLiteral("ann"));
    ReviewStore bob(*f.project, QStringLiteral("bob"));
    const TagDef tag = ann.tags().at(0);
    QUndoStack undo;
    undo.push(new SetTagCommand(ann, 1, tag, true));
    undo.push(new SetDecisionCommand(ann, 1, Decision::None, Decision::Drop));
    ASSERT_TRUE(bob.setDecision(1, Decision::Keep).ok());
    ASSERT_TRUE(bob.setNote(1, QStringLiteral("fine by me")).ok());
    EXPECT_EQ(ann.review(1).decision, Decision::Drop);
    EXPECT_EQ(bob.review(1).decision, Decision::Keep);
    EXPECT_TRUE(bob.review(1).tagIds.isEmpty());
    const auto others = ann.otherAnswers(1);
    ASSERT_EQ(others.size(), 1);
    EXPECT_EQ(others[0].reviewer, QStringLiteral("bob"));
    EXPECT_EQ(others[0].review.note, QStringLiteral("fine by me"));
    EXPECT_EQ(ann.reviewers(), (QStringList{QStringLiteral("ann"), QStringLiteral("bob")}));
    // Ann's undo touches only Ann's answers.
    undo.undo();
    undo.undo();
    EXPECT_TRUE(ann.review(1).empty());
    EXPECT_EQ(bob.review(1).decision, Decision::Keep);
    // "Only unreviewed" is per reviewer.
    ReviewFilter filter;
    filter.onlyUnreviewed = true;
    EXPECT_EQ(ann.reviewQueue(filter).size(), 6);
    EXPECT_EQ(bob.reviewQueue(filter).size(), 5);
}

TEST(TeamReview, SavedQueuesKeepOrderProgressAndPosition) {
    TeamFixture f;
    ReviewStore ann(*f.project, QStringLiteral("ann"));
    qint64 id = 0;
    ASSERT_TRUE(ann.createQueue(QStringLiteral("q"), {5, 2, 3}, QStringLiteral("{}"), &id).ok());
    EXPECT_FALSE(ann.createQueue(QStringLiteral("empty"), {}, {}).ok());
    ReviewFilter filter;
    filter.queue = id;
    EXPECT_EQ(ann.reviewQueue(filter), (QList<qint64>{5, 2, 3}));
    ASSERT_TRUE(ann.setNote(2, QStringLiteral("stiff")).ok());
    ASSERT_TRUE(ann.setQueuePosition(id, 2).ok());
    const auto info = ann.queue(id);
    ASSERT_TRUE(info);
    EXPECT_EQ(info->size, 3);
    EXPECT_EQ(info->answered, 1);
    EXPECT_EQ(info->position, 2);
    filter.onlyUnreviewed = true;
    EXPECT_EQ(ann.reviewQueue(filter), (QList<qint64>{5, 3}));
    // Bob does not see Ann's queue; Ann's list has it.
    ReviewStore bob(*f.project, QStringLiteral("bob"));
    EXPECT_TRUE(bob.queues().isEmpty());
    EXPECT_EQ(ann.queues().size(), 1);
}

TEST(TeamReview, NotesAreSearchableAndGroupedByWording) {
    TeamFixture f;
    ReviewStore ann(*f.project, QStringLiteral("ann"));
    ReviewStore bob(*f.project, QStringLiteral("bob"));
    ASSERT_TRUE(ann.setNote(1, QStringLiteral("reads like a brochure template")).ok());
    ASSERT_TRUE(bob.setNote(2, QStringLiteral("brochure template again")).ok());
    ASSERT_TRUE(ann.setNote(3, QStringLiteral("wrong refund policy")).ok());
    QList<NoteHit> hits;
    ASSERT_TRUE(ann.searchNotes(QStringLiteral("brochure"), &hits).ok());
    EXPECT_EQ(hits.size(), 2);
    ASSERT_TRUE(ann.searchNotes(QStringLiteral("refund AND policy"), &hits).ok());
    ASSERT_EQ(hits.size(), 1);
    EXPECT_EQ(hits[0].sampleId, 3);
    EXPECT_TRUE(hits[0].snippet.contains(QStringLiteral("[refund]")));
    // An edited note is re-indexed; a malformed query is an error, not a crash.
    ASSERT_TRUE(ann.setNote(3, QStringLiteral("tone is off")).ok());
    ASSERT_TRUE(ann.searchNotes(QStringLiteral("refund"), &hits).ok());
    EXPECT_TRUE(hits.isEmpty());
    EXPECT_FALSE(ann.searchNotes(QStringLiteral("\"unbalanced"), &hits).ok());
    // "brochure template" is shared by two notes (df 2): they form one group.
    QList<NoteGroup> groups;
    ASSERT_TRUE(groupNotes(*f.project, 0.3, &groups).ok());
    ASSERT_EQ(groups.size(), 2);
    EXPECT_EQ(groups[0].notes.size(), 2);
    EXPECT_EQ(groups[1].notes[0].note, QStringLiteral("tone is off"));
}

// Two reviewers, four shared samples, tag 0: ann 1,1,0,0; bob 1,0,0,0.
// p_o = 3/4; p_e = (2/4)(1/4) + (2/4)(3/4) = 1/2 → κ = (3/4 − 1/2)/(1/2) = 0.5.
// α (nominal): n = 8, n_1 = 3, n_0 = 5, Σ o_cc = 2 + 0 + 2 + 2 = 6 →
// α = (7·6 − (3·2 + 5·4)) / (8·7 − 26) = 16/30.
TEST(TeamReview, AgreementPerTagOnSharedSamples) {
    TeamFixture f;
    ReviewStore ann(*f.project, QStringLiteral("ann"));
    ReviewStore bob(*f.project, QStringLiteral("bob"));
    const qint64 tag = ann.tags().at(0).id;
    for (qint64 s : {1, 2, 3, 4}) {
        ASSERT_TRUE(ann.setDecision(s, Decision::Keep).ok());
        ASSERT_TRUE(bob.setDecision(s, s == 4 ? Decision::Drop : Decision::Keep).ok());
    }
    ASSERT_TRUE(ann.setTag(1, tag, true).ok());
    ASSERT_TRUE(ann.setTag(2, tag, true).ok());
    ASSERT_TRUE(bob.setTag(1, tag, true).ok());
    ASSERT_TRUE(ann.setTag(5, tag, true).ok()); // only ann: not shared
    QList<AgreementRow> rows;
    ASSERT_TRUE(reviewerAgreement(*f.project, &rows).ok());
    ASSERT_EQ(rows.size(), ann.tags().size() + 1);
    EXPECT_EQ(rows[0].sharedSamples, 4);
    EXPECT_EQ(rows[0].reviewers, 2);
    EXPECT_NEAR(rows[0].observed, 0.75, 1e-12);
    EXPECT_NEAR(rows[0].kappa, 0.5, 1e-12);
    EXPECT_NEAR(rows[0].alpha, 16.0 / 30.0, 1e-12);
    EXPECT_TRUE(std::isnan(rows[1].kappa)); // nobody used tag 1: no variation
    // keep/drop: 3 agree, 1 differs; ann always keep → p_e = 1·(3/4) → κ = 0.
    EXPECT_NEAR(rows.back().kappa, 0.0, 1e-12);
}

TEST(TeamReview, TagRatesByDimension) {
    TeamFixture f;
    ReviewStore ann(*f.project, QStringLiteral("ann"));
    const qint64 tag = ann.tags().at(2).id;
    for (qint64 s : {1, 2, 5})
        ASSERT_TRUE(ann.setDecision(s, Decision::Keep).ok());
    ASSERT_TRUE(ann.setTag(1, tag, true).ok());
    ASSERT_TRUE(ann.setTag(5, tag, true).ok());
    TagRateTable table;
    ASSERT_TRUE(tagRates(*f.project, Dimension::Generator, &table).ok());
    ASSERT_EQ(table.rows.size(), 2);
    EXPECT_EQ(table.rows[0].value, QStringLiteral("g1"));
    EXPECT_EQ(table.rows[0].reviewed, 2);
    EXPECT_EQ(table.rows[0].tagged[2], 1);
    EXPECT_EQ(table.rows[1].reviewed, 1);
    EXPECT_EQ(table.rows[1].tagged[2], 1);
    EXPECT_EQ(table.rows[1].tagged[0], 0);
}

TEST(TeamReview, SampledQueueIsSeededAndStratified) {
    TeamFixture f;
    SamplingSpec spec;
    spec.stratifyBy = Dimension::Corpus;
    spec.size = 3;
    spec.seed = 11;
    spec.riskWeighted = false; // no analysis: every stratum has risk 1 (all synthetic)
    SampledQueue a;
    ASSERT_TRUE(sampleQueue(*f.project, spec, &a).ok());
    SampledQueue b;
    ASSERT_TRUE(sampleQueue(*f.project, spec, &b).ok());
    EXPECT_EQ(a.ids, b.ids);
    ASSERT_EQ(a.strata.size(), 2);
    // Proportional: 3 of 6 → 2 of corpus a (4), 1 of corpus b (2).
    EXPECT_EQ(a.strata[0].value, QStringLiteral("a"));
    EXPECT_EQ(a.strata[0].drawn, 2);
    EXPECT_EQ(a.strata[1].drawn, 1);
    EXPECT_TRUE(a.spec.contains(QStringLiteral("\"seed\":11")));
    spec.role = Role::Real;
    EXPECT_FALSE(sampleQueue(*f.project, spec, &a).ok()); // no real samples
}

// The cluster map colours a sample by the reviewers' majority decision; a tie is "split" (3).
TEST(TeamReview, MapDecisionIsTheMajority) {
    TeamFixture f;
    QSqlQuery q(f.project->connection());
    ASSERT_TRUE(q.exec(QStringLiteral(
        "INSERT INTO runs (id, kind, params, result, app_version, started_at, finished_at, "
        "corpora) VALUES (1, 'analysis', '{}', '{}', 't', 'now', 'now', '[]')")));
    ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO sample_scores (run_id, sample_id, map_x, map_y) "
                                      "SELECT 1, id, 0, 0 FROM samples")));
    ReviewStore ann(*f.project, QStringLiteral("ann"));
    ReviewStore bob(*f.project, QStringLiteral("bob"));
    ReviewStore cy(*f.project, QStringLiteral("cy"));
    ASSERT_TRUE(ann.setDecision(1, Decision::Keep).ok()); // 1: keep
    ASSERT_TRUE(ann.setDecision(2, Decision::Keep).ok()); // 2: keep, drop → split
    ASSERT_TRUE(bob.setDecision(2, Decision::Drop).ok());
    ASSERT_TRUE(ann.setDecision(3, Decision::Keep).ok()); // 3: keep, drop, drop → drop
    ASSERT_TRUE(bob.setDecision(3, Decision::Drop).ok());
    ASSERT_TRUE(cy.setDecision(3, Decision::Drop).ok());
    const MapPoints points = ProjectStore(*f.project).mapPoints();
    ASSERT_EQ(points.size(), 6U);
    EXPECT_EQ(points.decision[0], 1);
    EXPECT_EQ(points.decision[1], 3);
    EXPECT_EQ(points.decision[2], 2);
    EXPECT_EQ(points.decision[3], 0);
    // The same samples read one by one after answers (what an answer patches the loaded map
    // with): the same decisions, the smallest tag, nothing for an id that is not a sample,
    // a duplicate id twice.
    qint64 second = 0;
    qint64 first = 0;
    ASSERT_TRUE(ann.addTag(QStringLiteral("second"), &second).ok());
    ASSERT_TRUE(ann.addTag(QStringLiteral("first"), &first).ok());
    ASSERT_TRUE(ann.setTag(2, std::max(first, second), true).ok());
    ASSERT_TRUE(ann.setTag(2, std::min(first, second), true).ok());
    const std::vector<MapReview> review = ProjectStore(*f.project).mapReview({1, 2, 3, 4, 999, 2});
    ASSERT_EQ(review.size(), 5U);
    QMap<qint64, QList<std::pair<int, int>>> byId;
    for (const MapReview& r : review)
        byId[r.sampleId].append({r.firstTag, r.decision});
    EXPECT_EQ(byId.value(1), (QList<std::pair<int, int>>{{-1, 1}}));
    EXPECT_EQ(byId.value(2),
              (QList<std::pair<int, int>>{{static_cast<int>(std::min(first, second)), 3},
                                          {static_cast<int>(std::min(first, second)), 3}}));
    EXPECT_EQ(byId.value(3), (QList<std::pair<int, int>>{{-1, 2}}));
    EXPECT_EQ(byId.value(4), (QList<std::pair<int, int>>{{-1, 0}}));
    EXPECT_FALSE(byId.contains(999));
}
