// End to end: the synthscope-cli binary on the real customer-support pair from ../shared/data.
// Counts are checked exactly; metrics against properties that must hold and against values
// recomputed here independently from the raw files.
#include "TestSupport.h"
#include "e2e/CliRunner.h"

#include "analysis/Skeleton.h"
#include "analysis/Tokenizer.h"
#include "model/Json.h"
#include "model/MetricCatalog.h"
#include "model/ReviewStore.h"
#include "model/TeamReview.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QThread>

#include <gtest/gtest.h>

#include <array>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <tuple>

#include <sys/stat.h>
#include <unistd.h>

using namespace synthscope;
using model::Json;

namespace {

using test::cli;
using test::Result;
using test::runProgram;

QString twitter() {
    return test::dataFile(QStringLiteral("twitter-customer-support-sample5000/twcs_sample.jsonl"));
}
QString bitext() {
    return test::dataFile(
        QStringLiteral("bitext-customer-support-4.5k/bitext_customer_support_training.jsonl"));
}

std::vector<std::string> readLines(const QString& path) {
    std::ifstream in(path.toStdString());
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

// distinct-1, -2 and -3 recomputed from the raw file: all n-grams within each text.
// The text is the given fields joined by a line break, as the import template does.
std::array<double, 3> distinctN(const QString& path, const std::vector<std::string>& fields) {
    std::set<std::string> uni;
    std::set<std::pair<std::string, std::string>> bi;
    std::set<std::tuple<std::string, std::string, std::string>> tri;
    std::size_t nUni = 0;
    std::size_t nBi = 0;
    std::size_t nTri = 0;
    for (const std::string& line : readLines(path)) {
        const Json record = Json::parse(line);
        std::string text;
        for (const std::string& field : fields)
            text += (text.empty() ? "" : "\n") + record[field].get<std::string>();
        const auto tokens = analysis::tokenize(text);
        nUni += tokens.size();
        uni.insert(tokens.begin(), tokens.end());
        for (std::size_t i = 0; i + 1 < tokens.size(); ++i, ++nBi)
            bi.emplace(tokens[i], tokens[i + 1]);
        for (std::size_t i = 0; i + 2 < tokens.size(); ++i, ++nTri)
            tri.emplace(tokens[i], tokens[i + 1], tokens[i + 2]);
    }
    return {static_cast<double>(uni.size()) / static_cast<double>(nUni),
            static_cast<double>(bi.size()) / static_cast<double>(nBi),
            static_cast<double>(tri.size()) / static_cast<double>(nTri)};
}

class CustomerSupport : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new QTemporaryDir;
        s_project = test::cachedProject(*s_dir, QStringLiteral("cs.synthscope"), build);
        const Result s = cli({QStringLiteral("summary"), QStringLiteral("--project"), s_project,
                              QStringLiteral("--json")});
        ASSERT_EQ(s.exitCode, 0) << s.err.toStdString();
        s_summary = Json::parse(s.out.toStdString());
    }
    // Imports the pair with the CLI and analyses it.
    static void build(const QString& project) {
        s_project = project;
        const Result a =
            cli({QStringLiteral("import"), QStringLiteral("--project"), s_project,
                 QStringLiteral("--role"), QStringLiteral("real"), QStringLiteral("--name"),
                 QStringLiteral("twitter"), QStringLiteral("--text-field"), QStringLiteral("text"),
                 QStringLiteral("--meta"), QStringLiteral("generator=human"), twitter()});
        ASSERT_EQ(a.exitCode, 0) << a.err.toStdString();
        const Result b =
            cli({QStringLiteral("import"), QStringLiteral("--project"), s_project,
                 QStringLiteral("--role"), QStringLiteral("synthetic"), QStringLiteral("--name"),
                 QStringLiteral("bitext"), QStringLiteral("--text-template"),
                 QStringLiteral("{instruction}\\n{response}"), QStringLiteral("--label-field"),
                 QStringLiteral("category"), bitext()});
        ASSERT_EQ(b.exitCode, 0) << b.err.toStdString();
        const Result c = cli({QStringLiteral("analyze"), QStringLiteral("--project"), s_project});
        ASSERT_EQ(c.exitCode, 0) << c.err.toStdString();
    }
    static void TearDownTestSuite() { delete s_dir; }
    static inline QTemporaryDir* s_dir = nullptr;
    static inline QString s_project;
    static inline Json s_summary;
};

} // namespace

TEST_F(CustomerSupport, CountsAreExact) {
    const Json& corpora = s_summary["corpora"];
    ASSERT_EQ(corpora.size(), 2u);
    EXPECT_EQ(corpora[0]["name"], "twitter");
    EXPECT_EQ(corpora[0]["role"], "real");
    EXPECT_EQ(corpora[0]["samples"], 5000);
    EXPECT_EQ(corpora[0]["rejected"], 0);
    EXPECT_EQ(corpora[1]["name"], "bitext");
    EXPECT_EQ(corpora[1]["role"], "synthetic");
    EXPECT_EQ(corpora[1]["samples"], 4514);
    EXPECT_EQ(corpora[1]["rejected"], 0);
    EXPECT_EQ(corpora[0]["metrics"]["samples"], 5000);
    EXPECT_EQ(corpora[1]["metrics"]["samples"], 4514);
    EXPECT_EQ(s_summary["real_vs_synthetic"]["real_samples"], 5000);
    EXPECT_EQ(s_summary["real_vs_synthetic"]["synthetic_samples"], 4514);
}

TEST_F(CustomerSupport, DistinctNMatchesIndependentRecount) {
    const auto [t1, t2, t3] = distinctN(twitter(), {"text"});
    const auto [b1, b2, b3] = distinctN(bitext(), {"instruction", "response"});
    const Json& corpora = s_summary["corpora"];
    EXPECT_NEAR(corpora[0]["metrics"]["distinct_1"].get<double>(), t1, 1e-12);
    EXPECT_NEAR(corpora[0]["metrics"]["distinct_2"].get<double>(), t2, 1e-12);
    EXPECT_NEAR(corpora[1]["metrics"]["distinct_1"].get<double>(), b1, 1e-12);
    EXPECT_NEAR(corpora[1]["metrics"]["distinct_2"].get<double>(), b2, 1e-12);
    EXPECT_NEAR(corpora[0]["metrics"]["distinct_3"].get<double>(), t3, 1e-12);
    EXPECT_NEAR(corpora[1]["metrics"]["distinct_3"].get<double>(), b3, 1e-12);
    // The templated synthetic side reuses its phrasing far more than people on Twitter.
    EXPECT_LT(b2, t2);
}

TEST_F(CustomerSupport, MetricsHoldTheirRanges) {
    for (const Json& c : s_summary["corpora"]) {
        const Json& m = c["metrics"];
        for (const char* key : {"distinct_1", "distinct_2", "exact_duplicate_rate"}) {
            EXPECT_GE(m[key].get<double>(), 0.0) << key;
            EXPECT_LE(m[key].get<double>(), 1.0) << key;
        }
        EXPECT_GT(m["mean_length_tokens"].get<double>(), 0.0);
        EXPECT_GT(m["vocabulary_size"].get<double>(), 0.0);
        EXPECT_EQ(m["tokens"].get<double>(),
                  std::round(m["mean_length_tokens"].get<double>() * m["samples"].get<double>()));
    }
    const Json& rvs = s_summary["real_vs_synthetic"];
    for (const char* key :
         {"js_divergence_length_tokens", "js_divergence_unigram", "js_divergence_bigram"}) {
        EXPECT_GT(rvs[key].get<double>(), 0.0) << key;
        EXPECT_LE(rvs[key].get<double>(), 1.0) << key;
    }
    // Only Bitext has labels, so there is no label divergence, but Bitext has label entropy.
    EXPECT_FALSE(rvs.contains("js_divergence_label"));
    EXPECT_GT(s_summary["corpora"][1]["metrics"]["label_entropy_bits"].get<double>(), 1.0);
    EXPECT_FALSE(s_summary["corpora"][0]["metrics"].contains("label_entropy_bits"));
}

TEST_F(CustomerSupport, TemplateDiversityAndPerplexityMeasures) {
    for (const Json& c : s_summary["corpora"]) {
        const Json& m = c["metrics"];
        for (const char* key : {"skeleton_repetition_rate", "top10_skeleton_share", "template_rate",
                                "self_bleu", "repeated_ngram_rate"}) {
            ASSERT_TRUE(m.contains(key)) << key;
            EXPECT_GE(m[key].get<double>(), 0.0) << key;
            EXPECT_LE(m[key].get<double>(), 1.0) << key;
        }
        EXPECT_GT(m["compression_ratio"].get<double>(), 1.0);
        EXPECT_GT(m["mtld"].get<double>(), 0.0);
        EXPECT_GE(m["perplexity_median"].get<double>(), 1.0);
        EXPECT_GE(m["templates_per_token"].get<double>(), 0.0);
    }
    const Json& twitter = s_summary["corpora"][0]["metrics"];
    const Json& bitext = s_summary["corpora"][1]["metrics"];
    // The templated side is more redundant and more alike than people on Twitter.
    EXPECT_GT(bitext["template_rate"].get<double>(), twitter["template_rate"].get<double>());
    EXPECT_GT(bitext["self_bleu"].get<double>(), twitter["self_bleu"].get<double>());
    EXPECT_GT(bitext["compression_ratio"].get<double>(),
              twitter["compression_ratio"].get<double>());
    const Json& rvs = s_summary["real_vs_synthetic"];
    EXPECT_EQ(rvs["perplexity_median_real_held_out"], twitter["perplexity_median"]);
    EXPECT_EQ(rvs["perplexity_median_synthetic"], bitext["perplexity_median"]);
}

// Templates inside long answers: skeleton 6-grams that Bitext's answers share though their
// whole skeletons never coincide. The summary lists the ten leaning most to the synthetic
// side, z descending; the first is in more than a third of Bitext's samples and far beyond
// chance, and none is more common among the tweets.
TEST_F(CustomerSupport, RecurringTemplatesLeanToBitextAndCoverItsLongAnswers) {
    const Json& templates = s_summary["recurring_templates"];
    ASSERT_EQ(templates.size(), 10U);
    const double bitextSamples = s_summary["corpora"][1]["metrics"]["samples"].get<double>();
    const double twitterSamples = s_summary["corpora"][0]["metrics"]["samples"].get<double>();
    EXPECT_GT(templates[0]["synthetic"].get<double>(), bitextSamples / 3.0);
    EXPECT_GT(templates[0]["z"].get<double>(), 10.0);
    for (std::size_t i = 0; i < templates.size(); ++i) {
        const Json& t = templates[i];
        EXPECT_EQ(t["pattern"].get<std::string>().empty(), false);
        EXPECT_GT(t["synthetic"].get<double>() / bitextSamples,
                  t["real"].get<double>() / twitterSamples)
            << t["pattern"];
        if (i > 0) {
            EXPECT_LE(t["z"].get<double>(), templates[i - 1]["z"].get<double>());
        }
    }
}

// Tweets are short (median 18 tokens), Bitext's answers long (120): raw skeleton and
// nearest-neighbour rates call the tweets the more templated corpus. The measures free of
// length must all say Bitext, by at least 3×; Bitext's lengths are too rare among tweets for
// a length-matched baseline, and none is invented; and no repetition or template measure the
// views show by default says the tweets are more templated.
TEST_F(CustomerSupport, LengthControlledTemplateMeasuresSayBitextIsTheTemplatedSide) {
    const Json& twitter = s_summary["corpora"][0]["metrics"];
    const Json& bitext = s_summary["corpora"][1]["metrics"];
    EXPECT_GT(twitter["skeleton_repetition_rate"].get<double>(),
              bitext["skeleton_repetition_rate"].get<double>()); // the confound, raw
    for (const char* key : {"self_repetition_at_budget", "templates_per_token"})
        EXPECT_GT(bitext[key].get<double>(), 3.0 * twitter[key].get<double>()) << key;
    EXPECT_GT(bitext["length_unmatched_share"].get<double>(), 0.5);
    for (auto it = bitext.begin(); it != bitext.end(); ++it)
        EXPECT_EQ(it.key().find("_length_lift"), std::string::npos) << it.key();
    std::size_t shown = 0;
    for (auto it = bitext.begin(); it != bitext.end(); ++it) {
        const QString key = QString::fromStdString(it.key());
        const bool repetition = key.contains(QStringLiteral("repetition")) ||
                                key.contains(QStringLiteral("template")) ||
                                key.contains(QStringLiteral("duplicate")) ||
                                key.contains(QStringLiteral("nn_similarity"));
        if (!repetition || model::isUncontrolledMetric(key) || !twitter.contains(it.key()))
            continue;
        ++shown;
        EXPECT_GT(it->get<double>(), twitter[it.key()].get<double>()) << it.key();
    }
    EXPECT_GE(shown, 2U);
    // The diversity measures on equal budgets agree: Bitext is the narrower corpus.
    for (const char* key : {"vocabulary_at_budget", "distinct_2_at_budget", "vendi_ngram", "mtld"})
        EXPECT_LT(bitext[key].get<double>(), twitter[key].get<double>()) << key;
}

TEST_F(CustomerSupport, ExportRoundTripsOriginalRecordsVerbatim) {
    const QString out = s_dir->filePath(QStringLiteral("bitext-out.jsonl"));
    const Result r =
        cli({QStringLiteral("export"), QStringLiteral("--project"), s_project,
             QStringLiteral("--out"), out, QStringLiteral("--role"), QStringLiteral("synthetic")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QFile f(out);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray exported = f.readAll();
    QFile original(bitext());
    ASSERT_TRUE(original.open(QIODevice::ReadOnly));
    EXPECT_EQ(exported, original.readAll()); // every record, byte for byte, in order
    QFile manifestFile(out + QStringLiteral(".manifest.json"));
    ASSERT_TRUE(manifestFile.open(QIODevice::ReadOnly));
    const Json manifest = Json::parse(manifestFile.readAll().toStdString());
    EXPECT_EQ(manifest["counts"]["samples"], 4514);
    EXPECT_EQ(manifest["sha256"],
              QCryptographicHash::hash(exported, QCryptographicHash::Sha256).toHex().toStdString());
}

TEST_F(CustomerSupport, SelfSimilarityClustersAndDetectability) {
    for (const Json& c : s_summary["corpora"]) {
        const Json& m = c["metrics"];
        for (const char* key :
             {"near_duplicate_rate", "nn_similarity_ratio", "mean_nn_similarity"}) {
            ASSERT_TRUE(m.contains(key)) << key;
            EXPECT_GE(m[key].get<double>(), 0.0) << key;
            EXPECT_LE(m[key].get<double>(), 1.0) << key;
        }
        EXPECT_GE(m["vendi_score"].get<double>(), 1.0);
        EXPECT_LE(m["vendi_score"].get<double>(), 256.0); // at most the embedding dimension
    }
    const Json& rvs = s_summary["real_vs_synthetic"];
    for (const char* key :
         {"cross_near_duplicate_rate", "coverage_real_by_synthetic", "coverage_synthetic_by_real",
          "mauve", "detectability_auc", "js_divergence_cluster_share"}) {
        ASSERT_TRUE(rvs.contains(key)) << key;
        EXPECT_GE(rvs[key].get<double>(), 0.0) << key;
        EXPECT_LE(rvs[key].get<double>(), 1.0) << key;
    }
    // Tweets and Bitext's templated answers are worlds apart: a linear model tells them apart
    // almost perfectly, and their clusters barely overlap.
    EXPECT_GT(rvs["detectability_auc"].get<double>(), 0.95);
    EXPECT_GT(rvs["js_divergence_cluster_share"].get<double>(), 0.5);
    EXPECT_LT(rvs["mauve"].get<double>(), 0.5);
    // The template factory repeats itself more than people do (own-corpus neighbours).
    EXPECT_GT(s_summary["corpora"][1]["metrics"]["mean_nn_similarity"].get<double>(),
              s_summary["corpora"][0]["metrics"]["mean_nn_similarity"].get<double>());
    // The cluster table: sizes add up to every sample; every flagged cluster is one-sided.
    const Json& clusters = s_summary["similarity"]["clusters"];
    ASSERT_FALSE(clusters.empty());
    long total = 0;
    for (const Json& k : clusters) {
        total += k["size"].get<long>();
        EXPECT_EQ(k["size"].get<long>(), k["real"].get<long>() + k["synthetic"].get<long>());
        if (k["flag"] == "synthetic only") {
            EXPECT_GE(k["synthetic"].get<double>(), 0.9 * k["size"].get<double>());
        }
    }
    EXPECT_EQ(total, 5000 + 4514);
    // Numbered as the views and `export --clusters` number them: 1, 2, …, k.
    std::set<long> numbers;
    for (const Json& k : clusters)
        numbers.insert(k["cluster"].get<long>());
    EXPECT_EQ(*numbers.begin(), 1);
    EXPECT_EQ(*numbers.rbegin(), static_cast<long>(clusters.size()));
    ASSERT_FALSE(s_summary["skeleton_groups"].empty());
    EXPECT_EQ(s_summary["skeleton_groups"][0]["group"], 1); // the largest
    EXPECT_EQ(s_summary["similarity"]["nn_similarity_threshold"], 0.95);
}

// The two seed-task folders hold byte-identical files (same git blob): imported as a real and
// a synthetic corpus, every one of the 175 synthetic rows is an exact cross-corpus duplicate.
TEST(Cli, IdenticalSeedTaskFilesAreExactCrossCorpusDuplicates) {
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("seeds.synthscope"));
    const std::pair<const char*, const char*> corpora[] = {
        {"real", "self-instruct-seed-tasks/seed_tasks.jsonl"},
        {"synthetic", "stanford-alpaca-seed-tasks/seed_tasks.jsonl"}};
    for (const auto& [role, file] : corpora) {
        const Result r =
            cli({QStringLiteral("import"), QStringLiteral("--project"), project,
                 QStringLiteral("--role"), QString::fromLatin1(role), QStringLiteral("--name"),
                 QString::fromLatin1(role), QStringLiteral("--text-field"),
                 QStringLiteral("instruction"), test::dataFile(QString::fromLatin1(file))});
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    }
    ASSERT_EQ(cli({QStringLiteral("analyze"), QStringLiteral("--project"), project}).exitCode, 0);
    const Result s = cli({QStringLiteral("summary"), QStringLiteral("--project"), project,
                          QStringLiteral("--json")});
    ASSERT_EQ(s.exitCode, 0) << s.err.toStdString();
    const Json summary = Json::parse(s.out.toStdString());
    const Json& rvs = summary["real_vs_synthetic"];
    EXPECT_EQ(rvs["cross_exact_duplicates"], 175);
    EXPECT_DOUBLE_EQ(rvs["cross_exact_duplicate_rate"].get<double>(), 1.0);
    EXPECT_DOUBLE_EQ(rvs["cross_near_duplicate_rate"].get<double>(), 1.0);
    // Every synthetic row is its real twin at cosine 1: all of both sides are covered.
    EXPECT_NEAR(rvs["coverage_synthetic_by_real"].get<double>(), 1.0, 1e-12);
    EXPECT_NEAR(rvs["coverage_real_by_synthetic"].get<double>(), 1.0, 1e-12);
    EXPECT_NEAR(rvs["mauve"].get<double>(), 1.0, 1e-9);
    EXPECT_GE(summary["similarity"]["duplicate_group_count"].get<int>(), 175);
}

// Words in scripts other than Latin, counted by hand (UAX #29 boundaries with ICU's
// dictionaries, NFKC_Casefold): Russian 5 tokens (привет twice, мир, как, дела), Chinese 9
// (我 喜欢 吃 苹果 北京 是 中国 的 首都), Japanese 12 (東京 は 日本 の 首都 です 今日 は 天気 が
// いい です), then "ПРИВЕТ мир" and "привет  МИР", 2 each and duplicates of each other once
// case and spaces are folded. 30 tokens; 4 + 9 + 9 (首都 is shared) = 22 distinct words.
TEST(Cli, NonLatinCorpusIsCountedInWordsAndFoldedForDuplicates) {
    QTemporaryDir dir;
    const QString file =
        test::writeFile(dir, QStringLiteral("multilingual.jsonl"),
                        "{\"text\": \"Привет, МИР! Как дела? привет\"}\n"
                        "{\"text\": \"我喜欢吃苹果。北京是中国的首都。\"}\n"
                        "{\"text\": \"東京は日本の首都です。今日は天気がいいです。\"}\n"
                        "{\"text\": \"ПРИВЕТ мир\"}\n"
                        "{\"text\": \"привет  МИР\"}\n");
    const QString project = dir.filePath(QStringLiteral("ml.synthscope"));
    ASSERT_EQ(cli({QStringLiteral("import"), QStringLiteral("--project"), project,
                   QStringLiteral("--role"), QStringLiteral("real"), QStringLiteral("--name"),
                   QStringLiteral("multilingual"), file})
                  .exitCode,
              0);
    ASSERT_EQ(cli({QStringLiteral("analyze"), QStringLiteral("--project"), project}).exitCode, 0);
    const Result s = cli({QStringLiteral("summary"), QStringLiteral("--project"), project,
                          QStringLiteral("--json")});
    ASSERT_EQ(s.exitCode, 0) << s.err.toStdString();
    const Json summary = Json::parse(s.out.toStdString());
    const Json& m = summary["corpora"][0]["metrics"];
    EXPECT_EQ(m["samples"].get<int>(), 5);
    EXPECT_EQ(m["tokens"].get<int>(), 30);
    EXPECT_EQ(m["vocabulary_size"].get<int>(), 22);
    EXPECT_EQ(m["exact_duplicates"].get<int>(), 1);
}

// Chapter 17's "delayed illusion" on real model outputs: the four Flan-T5 sizes answering the
// Dolly prompts, imported as rounds 1–4 beside the human Dolly answers. The trend by round is
// charted in round order, the gate fails (80 % synthetic is over the 50 % cap) and the report
// is written as HTML and PDF.
TEST(Cli, FlanT5RoundsTrendGateAndReport) {
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("flan.synthscope"));
    Result r =
        cli({QStringLiteral("import"), QStringLiteral("--project"), project,
             QStringLiteral("--role"), QStringLiteral("real"), QStringLiteral("--name"),
             QStringLiteral("dolly-human"), QStringLiteral("--text-field"), QStringLiteral("text"),
             test::dataFile(QStringLiteral("dolly-15k-first6400/dolly-15k-first6400.jsonl"))});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const char* sizes[] = {"small", "base", "large", "xl"};
    for (int round = 1; round <= 4; ++round) {
        const QString size = QString::fromLatin1(sizes[round - 1]);
        r = cli({QStringLiteral("import"), QStringLiteral("--project"), project,
                 QStringLiteral("--role"), QStringLiteral("synthetic"), QStringLiteral("--name"),
                 QStringLiteral("flan-t5-") + size, QStringLiteral("--text-field"),
                 QStringLiteral("decoded"), QStringLiteral("--meta"),
                 QStringLiteral("generator=flan-t5-") + size, QStringLiteral("--meta"),
                 QStringLiteral("round=%1").arg(round), QStringLiteral("--allow-rejects"),
                 test::dataFile(
                     QStringLiteral("dolly-flan-t5-outputs/google_flan-t5-%1.jsonl").arg(size))});
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString(); // empty answers are rejected rows
    }
    ASSERT_EQ(cli({QStringLiteral("analyze"), QStringLiteral("--project"), project}).exitCode, 0);

    r = cli({QStringLiteral("trend"), QStringLiteral("--project"), project,
             QStringLiteral("--metric"), QStringLiteral("mean_length_tokens"),
             QStringLiteral("--by"), QStringLiteral("round"), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const Json trend = Json::parse(r.out.toStdString());
    EXPECT_EQ(trend["categories"], Json::array({"1", "2", "3", "4"}));
    ASSERT_EQ(trend["series"].size(), 2U);
    EXPECT_EQ(trend["series"][1]["role"], "real");
    // Larger Flan-T5 models answer more tersely, all far below the human answers' length.
    const Json& lengths = trend["series"][0]["values"];
    const double human = trend["series"][1]["values"][0].get<double>();
    for (std::size_t i = 0; i < 4; ++i)
        EXPECT_LT(lengths[i].get<double>(), human / 2.0);
    EXPECT_GT(lengths[0].get<double>(), lengths[3].get<double>());

    // The raw skeleton repetition rate peaks at xl, whose answers are the shortest (a median of
    // 3 tokens: one-word answers share skeletons by chance); against human answers of the same
    // lengths every round is as repetitive as people (lift within 0.8–1.25): length explains
    // the peak, and the controlled measure does not raise a false alarm.
    r = cli({QStringLiteral("summary"), QStringLiteral("--project"), project,
             QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const Json summary = Json::parse(r.out.toStdString());
    ASSERT_EQ(summary["corpora"].size(), 5U);
    const Json& small = summary["corpora"][1]["metrics"];
    const Json& xl = summary["corpora"][4]["metrics"];
    EXPECT_GT(xl["skeleton_repetition_rate"].get<double>(),
              1.2 * small["skeleton_repetition_rate"].get<double>());
    for (std::size_t c = 1; c < 5; ++c) {
        const Json& m = summary["corpora"][c]["metrics"];
        ASSERT_TRUE(m.contains("skeleton_repetition_rate_length_lift")) << c;
        EXPECT_GT(m["skeleton_repetition_rate_length_lift"].get<double>(), 0.8) << c;
        EXPECT_LT(m["skeleton_repetition_rate_length_lift"].get<double>(), 1.25) << c;
        EXPECT_LT(m["length_unmatched_share"].get<double>(), 0.5) << c;
    }
    // The largest skeleton groups are the one-word answers: short replies, which the Skeletons
    // view lists apart.
    ASSERT_FALSE(summary["skeleton_groups"].empty());
    std::vector<std::string> largest;
    std::istringstream words(summary["skeleton_groups"][0]["pattern"].get<std::string>());
    for (std::string w; words >> w;)
        largest.push_back(w);
    EXPECT_TRUE(analysis::isShortReply(largest)) << summary["skeleton_groups"][0]["pattern"];
    EXPECT_TRUE(summary["skeleton_groups"][0]["short_reply"].get<bool>()); // said in the summary
    // The template measure per round, next to the human answers' (the real series).
    r = cli({QStringLiteral("trend"), QStringLiteral("--project"), project,
             QStringLiteral("--metric"), QStringLiteral("templates_per_token"),
             QStringLiteral("--by"), QStringLiteral("round"), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const Json templateTrend = Json::parse(r.out.toStdString());
    ASSERT_EQ(templateTrend["series"].size(), 2U);
    EXPECT_EQ(templateTrend["series"][1]["role"], "real");
    EXPECT_EQ(templateTrend["series"][0]["values"].size(), 4U);
    for (const Json& v : templateTrend["series"][0]["values"])
        EXPECT_GE(v.get<double>(), 0.0);
    EXPECT_GE(templateTrend["series"][1]["values"][0].get<double>(), 0.0);

    // Each round against the human answers: JS divergence of words per round, every round
    // far above the band of human against human at the same size.
    r = cli({QStringLiteral("trend"), QStringLiteral("--project"), project,
             QStringLiteral("--metric"), QStringLiteral("js_divergence_unigram"),
             QStringLiteral("--by"), QStringLiteral("round"), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const Json js = Json::parse(r.out.toStdString());
    EXPECT_EQ(js["categories"], Json::array({"1", "2", "3", "4"}));
    ASSERT_TRUE(js.contains("null_band"));
    for (std::size_t i = 0; i < 4; ++i)
        EXPECT_GT(js["series"][0]["values"][i].get<double>(),
                  js["null_band"]["high"][i].get<double>());
    // A metric stored only for the pooled comparison is still refused by round.
    r = cli({QStringLiteral("trend"), QStringLiteral("--project"), project,
             QStringLiteral("--metric"), QStringLiteral("cross_near_duplicates"),
             QStringLiteral("--by"), QStringLiteral("round")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("--by run")));

    r = cli(
        {QStringLiteral("gate"), QStringLiteral("--project"), project, QStringLiteral("--json")});
    EXPECT_EQ(r.exitCode, 1);
    const Json gate = Json::parse(r.out.toStdString());
    EXPECT_EQ(gate["status"], "fail");
    bool ratioCap = false;
    for (const Json& rule : gate["rules"])
        if (rule["metric"] == "synthetic_share") {
            ratioCap = true;
            EXPECT_EQ(rule["status"], "fail");
            EXPECT_NEAR(rule["value"].get<double>(), 4.0 / 5.0, 0.01);
        }
    EXPECT_TRUE(ratioCap);
    // One-word answers that happen to equal a human one ("yes", "Tope") are short matches,
    // not copies: the cross-copy rule judges each round and passes.
    for (const Json& rule : gate["rules"])
        if (rule["id"] == "cross-near-duplicates") {
            EXPECT_EQ(rule["status"], "pass") << rule.dump();
            EXPECT_NE(rule["detail"].get<std::string>().find("4 synthetic corpora judged"),
                      std::string::npos)
                << rule.dump();
        }

    // Chapter 17's data-source and manual-review red lines (Table 17-3). Each round is written
    // by one Flan-T5 size: one generator holds every round, charted by round; but a different
    // one each round, so the single-source rule passes, and over all rounds the four sizes
    // are used evenly.
    r = cli({QStringLiteral("trend"), QStringLiteral("--project"), project,
             QStringLiteral("--metric"), QStringLiteral("source_largest_share_generator"),
             QStringLiteral("--by"), QStringLiteral("round"), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const Json byRound = Json::parse(r.out.toStdString());
    EXPECT_EQ(byRound["categories"], Json::array({"1", "2", "3", "4"}));
    ASSERT_EQ(byRound["series"].size(), 1U); // the synthetic side only
    EXPECT_EQ(byRound["series"][0]["values"], Json::array({1.0, 1.0, 1.0, 1.0}));
    const Json& generators = summary["sources"]["concentration"];
    ASSERT_EQ(generators.size(), 1U) << summary["sources"].dump();
    EXPECT_EQ(generators[0]["dimension"], "generator");
    EXPECT_EQ(generators[0]["all"]["sources"], 4);
    EXPECT_NEAR(generators[0]["all"]["largest_share"].get<double>(), 0.25, 0.01);
    EXPECT_GT(generators[0]["all"]["entropy"].get<double>(), 0.99);
    // flan-t5-xl, new in round 4, has not been read: the review-intensity rule fails and
    // names it, with how many answers it needs.
    int needed = 0;
    bool singleSource = false;
    bool newestRule = false;
    for (const Json& rule : gate["rules"]) {
        if (rule["id"] == "single-generator") {
            singleSource = true;
            EXPECT_EQ(rule["status"], "pass") << rule.dump();
            const std::string detail = rule["detail"].get<std::string>();
            EXPECT_NE(detail.find("round 4: flan-t5-xl 100 %"), std::string::npos) << detail;
            EXPECT_NE(detail.find("a different generator leads each round"), std::string::npos)
                << detail;
        }
        if (rule["id"] == "review-new-generator") {
            newestRule = true;
            EXPECT_EQ(rule["status"], "fail") << rule.dump();
            EXPECT_NE(rule["detail"].get<std::string>().find(
                          "newest generator flan-t5-xl (round 4): 0 of"),
                      std::string::npos)
                << rule.dump();
            ASSERT_TRUE(rule.contains("to_review")) << rule.dump();
            EXPECT_EQ(rule["to_review"]["value"], "flan-t5-xl");
            needed = rule["to_review"]["needed"].get<int>();
        }
    }
    EXPECT_TRUE(singleSource && newestRule);
    // At least 1 % of xl's ~6,400 answers.
    EXPECT_GE(needed, 60);
    EXPECT_LE(needed, 64);
    const QString reviewRule = test::writeFile(
        dir, QStringLiteral("review-rule.json"),
        R"({"rules":[{"id":"review-new-generator","metric":"reviewed_share_newest_generator",
            "op":">=","threshold":0.01,"min_reviewed":50,"severity":"fail",
            "action":"raise inspection rate","evidence":"review-queue"}]})");
    const QStringList gateReview = {QStringLiteral("gate"), QStringLiteral("--project"), project,
                                    QStringLiteral("--rules"), reviewRule};
    EXPECT_EQ(cli(gateReview).exitCode, 1);
    {
        // A lead reads the risk-weighted queue of xl's unread answers, as the rule's evidence
        // opens it, and the gate passes.
        std::shared_ptr<model::Project> opened;
        ASSERT_TRUE(
            model::Project::open(project, model::Project::OpenMode::OpenExisting, &opened).ok());
        model::SamplingSpec spec;
        spec.size = needed;
        spec.only = {{model::Dimension::Generator, QStringLiteral("flan-t5-xl")}};
        spec.onlyUnreviewed = true;
        model::SampledQueue sampled;
        ASSERT_TRUE(model::sampleQueue(*opened, spec, &sampled).ok());
        ASSERT_EQ(sampled.ids.size(), needed);
        model::ReviewStore store(*opened, QStringLiteral("lead"));
        qint64 queue = 0;
        ASSERT_TRUE(
            store.createQueue(QStringLiteral("xl"), sampled.ids, sampled.spec, &queue).ok());
        const QList<qint64> items = store.queueItems(queue);
        for (qint64 id : items) {
            const auto sample = store.sample(id);
            ASSERT_TRUE(sample.has_value());
            EXPECT_EQ(sample->meta.value(QStringLiteral("generator")),
                      QStringLiteral("flan-t5-xl"));
            EXPECT_EQ(sample->role, model::Role::Synthetic);
            // One short of the count, the gate still fails.
            if (id == items.last()) {
                EXPECT_EQ(cli(gateReview).exitCode, 1);
            }
            ASSERT_TRUE(store.setDecision(id, model::Decision::Keep).ok());
        }
    }
    r = cli(gateReview);
    EXPECT_EQ(r.exitCode, 0) << r.out.toStdString();

    const QString html = dir.filePath(QStringLiteral("flan.html"));
    const QString pdf = dir.filePath(QStringLiteral("flan.pdf"));
    r = cli({QStringLiteral("report"), QStringLiteral("--project"), project,
             QStringLiteral("--html"), html, QStringLiteral("--pdf"), pdf});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QFile h(html);
    ASSERT_TRUE(h.open(QIODevice::ReadOnly));
    const QByteArray page = h.readAll();
    EXPECT_TRUE(page.contains("Trends across rounds"));
    EXPECT_TRUE(page.contains("Sources of the synthetic side"));
    EXPECT_TRUE(page.contains("flan-t5-xl (newest)"));
    // Both per-corpus tables, each with a row per Flan-T5 size.
    EXPECT_TRUE(page.contains("Each synthetic corpus against reality"));
    EXPECT_TRUE(page.contains("Repetition against real text of the same lengths"));
    EXPECT_GE(page.count("<td>flan-t5-large</td>"), 2);
    EXPECT_TRUE(page.contains("flan-t5-xl"));
    QFile p(pdf);
    ASSERT_TRUE(p.open(QIODevice::ReadOnly));
    EXPECT_TRUE(p.read(5) == "%PDF-");
}

// The six files of real GPT-4 judge verdicts (../shared/data/alpaca-eval-judge-annotations)
// import as preference pairs with no mapping given. In every file the longer output wins 68-95 %
// of the decisive pairs (the data README); where the model's outputs are longer than the
// reference's, controlling for length lowers its win rate, and where they are shorter
// (alpaca-7b) it barely moves. The judge's length preference trips the default red line, and an
// export writes each pair's record once, byte for byte.
TEST(Cli, JudgeAnnotationsImportAsPairsAndSeparateLengthFromWinRate) {
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("judge.synthscope"));
    const char* files[] = {"alpaca-7b", "claude",      "gpt-3.5-turbo-0301",
                           "gpt4",      "guanaco-65b", "llama-2-70b-chat-hf"};
    for (const char* name : files) {
        const Result r =
            cli({QStringLiteral("import"), QStringLiteral("--project"), project,
                 QStringLiteral("--role"), QStringLiteral("synthetic"), QStringLiteral("--name"),
                 QString::fromLatin1(name), QStringLiteral("--allow-rejects"),
                 test::dataFile(QStringLiteral("alpaca-eval-judge-annotations/%1.gpt4-judge.jsonl")
                                    .arg(QString::fromLatin1(name)))});
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(QStringLiteral("reading records as preference pairs")));
    }
    ASSERT_EQ(cli({QStringLiteral("analyze"), QStringLiteral("--project"), project}).exitCode, 0);
    const Result s = cli({QStringLiteral("summary"), QStringLiteral("--project"), project,
                          QStringLiteral("--json")});
    ASSERT_EQ(s.exitCode, 0) << s.err.toStdString();
    const Json summary = Json::parse(s.out.toStdString());
    ASSERT_EQ(summary["corpora"].size(), 6u);
    for (const Json& c : summary["corpora"]) {
        const std::string name = c["name"];
        const Json& m = c["metrics"];
        // 805 records per file; a few verdicts are missing and one llama-2 output is empty.
        EXPECT_GE(m["judge_pairs"].get<int>(), 780) << name;
        EXPECT_LE(m["judge_pairs"].get<int>(), 805) << name;
        EXPECT_EQ(c["samples"].get<int>(), 2 * (805 - c["rejected"].get<int>())) << name;
        const double longer = m["judge_longer_wins"];
        EXPECT_GE(longer, 0.67) << name;
        EXPECT_LE(longer, 0.96) << name;
        const double raw = m["judge_win_rate"];
        const double controlled = m["judge_length_controlled_win_rate"];
        const double ratio = m["judge_mean_length_second"].get<double>() /
                             m["judge_mean_length_first"].get<double>();
        if (ratio > 1.5) { // the model writes much longer answers than the reference
            EXPECT_LT(controlled, raw - 0.05) << name;
        }
        if (ratio < 1.0) { // alpaca-7b: shorter answers, little to control
            EXPECT_NEAR(controlled, raw, 0.03) << name;
        }
        EXPECT_GT(m["judge_length_preference"].get<double>(), 0.5) << name;
        EXPECT_EQ(c["judge"]["curve"].size(), 9u) << name;
        EXPECT_FALSE(c["judge"]["preferred_terms"].empty()) << name;
    }

    const Result g = cli(
        {QStringLiteral("gate"), QStringLiteral("--project"), project, QStringLiteral("--json")});
    const Json gate = Json::parse(g.out.toStdString());
    bool judged = false;
    for (const Json& rule : gate["rules"])
        if (rule["id"] == "judge-length-bias") {
            judged = true;
            EXPECT_EQ(rule["status"], "warn");
            EXPECT_EQ(rule["action"], "revise judge rubric");
        }
    EXPECT_TRUE(judged);

    // The report has a section of its own for the judge.
    const QString html = dir.filePath(QStringLiteral("judge.html"));
    ASSERT_EQ(cli({QStringLiteral("report"), QStringLiteral("--project"), project,
                   QStringLiteral("--html"), html})
                  .exitCode,
              0);
    QFile report(html);
    ASSERT_TRUE(report.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(report.readAll());
    EXPECT_TRUE(text.contains(QStringLiteral("What the judge kept")));
    EXPECT_TRUE(text.contains(QStringLiteral("Length-controlled win rate")));

    // Claude's file has no reject: its export is the file itself, one line per pair.
    const QString out = dir.filePath(QStringLiteral("claude-out.jsonl"));
    const Result e =
        cli({QStringLiteral("export"), QStringLiteral("--project"), project,
             QStringLiteral("--out"), out, QStringLiteral("--corpus"), QStringLiteral("claude")});
    ASSERT_EQ(e.exitCode, 0) << e.err.toStdString();
    QFile exported(out);
    QFile original(
        test::dataFile(QStringLiteral("alpaca-eval-judge-annotations/claude.gpt4-judge.jsonl")));
    ASSERT_TRUE(exported.open(QIODevice::ReadOnly) && original.open(QIODevice::ReadOnly));
    EXPECT_EQ(exported.readAll(), original.readAll());
}

// Conversations end to end: LIMA (human, Alpaca layout with history) and Alpaca's generated
// data import as conversations without a template, each view has its own newest analysis, and
// an export writes LIMA's records back byte for byte.
TEST(Cli, ConversationsAreAnalysedPerViewAndExportVerbatim) {
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("chat.synthscope"));
    const QString lima = test::dataFile(QStringLiteral("lima/lima.jsonl"));
    Result r = cli({QStringLiteral("import"), QStringLiteral("--project"), project,
                    QStringLiteral("--role"), QStringLiteral("real"), QStringLiteral("--name"),
                    QStringLiteral("lima"), lima});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("reading records as conversations (alpaca)")));
    EXPECT_TRUE(
        r.out.contains(QStringLiteral("1029 conversations, 29 with more than one user turn")))
        << r.out.toStdString();
    r = cli({QStringLiteral("import"), QStringLiteral("--project"), project,
             QStringLiteral("--role"), QStringLiteral("synthetic"), QStringLiteral("--name"),
             QStringLiteral("alpaca"), QStringLiteral("--conversation"), QStringLiteral("alpaca"),
             test::dataFile(
                 QStringLiteral("alpaca-davinci003-subset2000/alpaca_data_subset2000.jsonl"))});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();

    const auto summary = [&](const char* view) {
        const Result s =
            cli({QStringLiteral("summary"), QStringLiteral("--project"), project,
                 QStringLiteral("--json"), QStringLiteral("--view"), QString::fromLatin1(view)});
        EXPECT_EQ(s.exitCode, 0) << s.err.toStdString();
        return Json::parse(s.out.toStdString());
    };
    EXPECT_TRUE(summary("prompts")["analysis"].is_null()); // no run of this view yet
    for (const char* view : {"prompts", "responses"})
        ASSERT_EQ(cli({QStringLiteral("analyze"), QStringLiteral("--project"), project,
                       QStringLiteral("--view"), QString::fromLatin1(view)})
                      .exitCode,
                  0);
    const Json prompts = summary("prompts");
    const Json responses = summary("responses");
    EXPECT_EQ(prompts["view"], "prompts");
    EXPECT_EQ(prompts["analysis"]["run_id"], 1);
    EXPECT_EQ(responses["analysis"]["run_id"], 2);
    EXPECT_TRUE(summary("all")["analysis"].is_null());
    // Alpaca's outputs are longer than its instructions; each view measured its own part.
    const auto mean = [](const Json& s, const char* corpus) {
        for (const Json& c : s["corpora"])
            if (c["name"] == corpus)
                return c["metrics"]["mean_length_tokens"].get<double>();
        return -1.0;
    };
    EXPECT_GT(mean(responses, "alpaca"), 2.0 * mean(prompts, "alpaca"));
    EXPECT_GT(mean(prompts, "lima"), 5.0);

    const QString out = dir.filePath(QStringLiteral("lima-out.jsonl"));
    r = cli({QStringLiteral("export"), QStringLiteral("--project"), project,
             QStringLiteral("--out"), out, QStringLiteral("--corpus"), QStringLiteral("lima"),
             QStringLiteral("--view"), QStringLiteral("prompts")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QFile exported(out);
    QFile original(lima);
    ASSERT_TRUE(exported.open(QIODevice::ReadOnly) && original.open(QIODevice::ReadOnly));
    EXPECT_EQ(exported.readAll(), original.readAll());

    EXPECT_EQ(cli({QStringLiteral("summary"), QStringLiteral("--project"), project,
                   QStringLiteral("--view"), QStringLiteral("answers")})
                  .exitCode,
              2);
    r = cli({QStringLiteral("import"), QStringLiteral("--project"), project,
             QStringLiteral("--role"), QStringLiteral("real"), QStringLiteral("--text-role"),
             QStringLiteral("prompt"), lima});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("--text-role needs --text-field")));
    // A condition no record meets: exit 1, and no empty corpus takes the name.
    r = cli({QStringLiteral("import"), QStringLiteral("--project"), project,
             QStringLiteral("--role"), QStringLiteral("real"), QStringLiteral("--name"),
             QStringLiteral("none"), QStringLiteral("--where"), QStringLiteral("input=nope"),
             lima});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("no record matched --where"))) << r.err.toStdString();
    EXPECT_EQ(summary("prompts")["corpora"].size(), 2u);
}

TEST(Cli, ExitCodesAndMessages) {
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("x.synthscope"));
    EXPECT_EQ(cli({}).exitCode, 2);
    EXPECT_EQ(cli({QStringLiteral("frobnicate")}).exitCode, 2);
    EXPECT_EQ(cli({QStringLiteral("analyze")}).exitCode, 2); // --project missing
    // <command> --help prints the usage and succeeds (it used to exit 2), for every command,
    // and never creates or opens a project.
    for (const char* command :
         {"import", "analyze", "analyse", "embed", "layout", "gate", "trend", "report", "summary",
          "export", "rejects", "ratio-gradient", "corpus"}) {
        const Result help = cli({QString::fromLatin1(command), QStringLiteral("--help")});
        EXPECT_EQ(help.exitCode, 0) << command << ": " << help.err.toStdString();
        EXPECT_TRUE(help.out.contains(QStringLiteral("exit codes:"))) << command;
        // The command's own options, with their descriptions.
        EXPECT_TRUE(help.out.startsWith(QStringLiteral("usage: synthscope-cli ") +
                                        QLatin1StringView(command)))
            << help.out.toStdString();
        EXPECT_TRUE(help.out.contains(QStringLiteral("--project <file>"))) << command;
        // Qt's --help-all is not offered: it would run the command instead.
        EXPECT_FALSE(help.out.contains(QStringLiteral("--help-all"))) << command;
        const QString fresh = dir.filePath(QStringLiteral("help.synthscope"));
        EXPECT_EQ(cli({QString::fromLatin1(command), QStringLiteral("--project"), fresh,
                       QStringLiteral("--help")})
                      .exitCode,
                  0)
            << command;
        EXPECT_FALSE(QFileInfo::exists(fresh)) << command;
    }
    const Result importHelp = cli({QStringLiteral("import"), QStringLiteral("--help")});
    // Its usage lines (the files it reads, what --sample does) and its options.
    EXPECT_TRUE(importHelp.out.contains(QStringLiteral("[--allow-rejects] FILE...")));
    EXPECT_TRUE(importHelp.out.contains(QStringLiteral("reservoir sampling")));
    for (const char* option : {"--duplicate-cluster-field", "--sample", "--text-template"})
        EXPECT_TRUE(importHelp.out.contains(QLatin1StringView(option))) << option;
    EXPECT_FALSE(importHelp.out.contains(QStringLiteral("--one-per-duplicate-group")));
    Result r = cli({QStringLiteral("import"), QStringLiteral("--project"), project,
                    QStringLiteral("--role"), QStringLiteral("real"),
                    dir.filePath(QStringLiteral("missing.jsonl"))});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("no such file")));
    // A bad provenance key or template is refused before a project exists (a failed import used
    // to leave an empty project behind).
    const QString good = test::writeFile(dir, QStringLiteral("good.jsonl"), "{\"text\":\"ok\"}\n");
    r = cli({QStringLiteral("import"), QStringLiteral("--project"), project,
             QStringLiteral("--role"), QStringLiteral("real"), QStringLiteral("--meta"),
             QStringLiteral("bogus=1"), good});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("unknown provenance field 'bogus'")))
        << r.err.toStdString();
    r = cli({QStringLiteral("import"), QStringLiteral("--project"), project,
             QStringLiteral("--role"), QStringLiteral("real"), QStringLiteral("--text-template"),
             QStringLiteral("{text"), good});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("unclosed"))) << r.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(project));

    // Rejected rows: exit 1 with file:line: reason, 0 with --allow-rejects.
    const QString bad =
        test::writeFile(dir, QStringLiteral("bad.jsonl"), "{\"text\":\"ok\"}\n{broken\n");
    r = cli({QStringLiteral("import"), QStringLiteral("--project"), project,
             QStringLiteral("--role"), QStringLiteral("real"), QStringLiteral("--name"),
             QStringLiteral("b"), bad});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("bad.jsonl:2: bad JSON"))) << r.err.toStdString();
    r = cli({QStringLiteral("import"), QStringLiteral("--project"), project,
             QStringLiteral("--role"), QStringLiteral("real"), QStringLiteral("--name"),
             QStringLiteral("b2"), QStringLiteral("--allow-rejects"), bad});
    EXPECT_EQ(r.exitCode, 0);
    r = cli({QStringLiteral("rejects"), QStringLiteral("--project"), project});
    EXPECT_EQ(r.out.count(QStringLiteral(":2: bad JSON")), 2);

    // A file that is not a project.
    r = cli({QStringLiteral("summary"), QStringLiteral("--project"), bad});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("not a Synthscope project"))) << r.err.toStdString();
}

TEST(Cli, KilledImportLeavesProjectIntactAndUnchanged) {
    // A large real-data file (Twitter replicated 60×, 300k rows) so the kill lands mid-import.
    QTemporaryDir dir;
    QFile src(twitter());
    ASSERT_TRUE(src.open(QIODevice::ReadOnly));
    const QByteArray once = src.readAll();
    QByteArray big;
    for (int i = 0; i < 60; ++i)
        big += once;
    const QString file = test::writeFile(dir, QStringLiteral("big.jsonl"), big);
    const QString project = dir.filePath(QStringLiteral("k.synthscope"));
    ASSERT_EQ(cli({QStringLiteral("import"), QStringLiteral("--project"), project,
                   QStringLiteral("--role"), QStringLiteral("real"), QStringLiteral("--name"),
                   QStringLiteral("first"), twitter()})
                  .exitCode,
              0);

    QProcess p;
    p.start(QStringLiteral(SYNTHSCOPE_CLI),
            {QStringLiteral("import"), QStringLiteral("--project"), project,
             QStringLiteral("--role"), QStringLiteral("real"), QStringLiteral("--name"),
             QStringLiteral("big"), file});
    ASSERT_TRUE(p.waitForStarted());
    QThread::msleep(700);
    EXPECT_EQ(p.state(), QProcess::Running) << "the import finished before it could be killed";
    p.kill(); // SIGKILL: no cleanup at all
    p.waitForFinished();

    std::shared_ptr<model::Project> opened;
    const model::Status s =
        model::Project::open(project, model::Project::OpenMode::OpenExisting, &opened);
    ASSERT_TRUE(s.ok()) << s.error().toStdString();
    QSqlQuery q(opened->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("ok"));
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT count(*), sum(samples) FROM corpora")) && q.next());
    EXPECT_EQ(q.value(0).toInt(), 1);
    EXPECT_EQ(q.value(1).toInt(), 5000);
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM samples")) && q.next());
    EXPECT_EQ(q.value(0).toInt(), 5000);
}

// A stored analysis result of a shape the analysis never writes (a damaged or hostile project
// file) once aborted summary, export and report (exit 134). Each now says which analysis
// cannot be read, summary and report exit 2, export still writes the samples, and the
// samples are untouched (issue 14, item 3). Numbers are read from the metrics table only
// (issue 15, item 1), so damaged numbers in the blob of a format-1 result are ignored.
TEST_F(CustomerSupport, DamagedStoredResultIsReportedNotACrash) {
    QTemporaryDir dir;
    // A copy of the shared project whose analysis run stores result (empty on failure).
    auto withStoredResult = [&](const char* result) {
        const QString project = dir.filePath(QStringLiteral("damaged.synthscope"));
        QFile::remove(project);
        std::shared_ptr<model::Project> opened;
        if (!QFile::copy(s_project, project) ||
            !model::Project::open(project, model::Project::OpenMode::OpenExisting, &opened).ok())
            return QString();
        QSqlQuery q(opened->connection());
        q.prepare(QStringLiteral("UPDATE runs SET result = ? WHERE kind = 'analysis'"));
        q.addBindValue(QString::fromUtf8(result));
        return q.exec() ? project : QString();
    };
    // Numbers in a format-1 blob, cluster facts (read from the clusters table) and a damaged
    // skeleton-group or recurring-template list (left out) do not make a run unreadable.
    for (const char* result :
         {"{\"corpora\":[{\"metrics\":5}]}", "{\"real_vs_synthetic\":[1]}",
          "{\"corpora\":[{\"metrics\":{\"samples\":\"many\"}}]}",
          "{\"skeleton_groups\":[{\"members\":[\"x\"]}]}", "{\"recurring_templates\":[5]}",
          "{\"recurring_templates\":[{\"pattern\":1}]}",
          "{\"similarity\":{\"clusters\":[{\"label\":[1]}]}}"}) {
        SCOPED_TRACE(result);
        const QString project = withStoredResult(result);
        ASSERT_FALSE(project.isEmpty());
        const Result r = cli({QStringLiteral("summary"), QStringLiteral("--project"), project,
                              QStringLiteral("--json")});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        const Json summary = Json::parse(r.out.toStdString());
        EXPECT_FALSE(summary["analysis"].contains("damaged"));
        EXPECT_TRUE(summary["real_vs_synthetic"].contains("js_divergence_unigram"));
    }
    for (const char* result :
         {"[]", "null", "\"str\"", "{\"corpora\":5}", "{\"corpora\":[5]}",
          "{\"corpora\":[{\"label_counts\":5}]}", "{\"length_histogram\":{\"real\":[\"x\"]}}",
          "{\"openings\":[{\"text\":1}]}"}) {
        SCOPED_TRACE(result);
        const QString project = withStoredResult(result);
        ASSERT_FALSE(project.isEmpty());
        Result r = cli({QStringLiteral("summary"), QStringLiteral("--project"), project,
                        QStringLiteral("--json")});
        EXPECT_EQ(r.exitCode, 2);
        EXPECT_TRUE(r.err.contains(QStringLiteral("cannot be read"))) << r.err.toStdString();
        const Json summary = Json::parse(r.out.toStdString());
        EXPECT_TRUE(summary["analysis"].contains("damaged"));
        EXPECT_EQ(summary["corpora"][0]["samples"], 5000); // the samples are all there
        r = cli({QStringLiteral("report"), QStringLiteral("--project"), project,
                 QStringLiteral("--html"), dir.filePath(QStringLiteral("r.html"))});
        EXPECT_EQ(r.exitCode, 2);
        EXPECT_TRUE(r.err.contains(QStringLiteral("cannot be read"))) << r.err.toStdString();
        r = cli({QStringLiteral("export"), QStringLiteral("--project"), project,
                 QStringLiteral("--out"), dir.filePath(QStringLiteral("out.jsonl"))});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    }
}

TEST_F(CustomerSupport, GateJudgesTheRedLinesWithExitCodes) {
    // Default rules: the pair trips warnings (lengths, words, detectability, MAUVE, coverage)
    // but no fail rule, so the gate passes with warnings.
    Result r = cli(
        {QStringLiteral("gate"), QStringLiteral("--project"), s_project, QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const Json gate = Json::parse(r.out.toStdString());
    EXPECT_EQ(gate["status"], "warn");
    std::map<std::string, Json> byId;
    for (const Json& rule : gate["rules"])
        byId[rule["id"].get<std::string>()] = rule;
    EXPECT_EQ(byId["detectability"]["status"], "warn");
    EXPECT_EQ(byId["js-length"]["status"], "warn");
    EXPECT_EQ(byId["cross-near-duplicates"]["status"], "pass");
    EXPECT_EQ(byId["template-feel"]["status"], "n/a"); // nobody has reviewed yet
    EXPECT_NEAR(byId["synthetic-ratio-cap"]["value"].get<double>(), 4514.0 / 9514.0, 1e-12);
    // A stricter rule set with a fail rule on the length divergence: exit 1.
    const QString strict = s_dir->filePath(QStringLiteral("strict.json"));
    QFile f(strict);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(R"({"rules":[{"id":"len","metric":"js_divergence_length_tokens","op":"<=",
               "threshold":0.5,"severity":"fail","action":"revise template"}]})");
    f.close();
    r = cli({QStringLiteral("gate"), QStringLiteral("--project"), s_project,
             QStringLiteral("--rules"), strict});
    EXPECT_EQ(r.exitCode, 1) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("FAIL"))) << r.out.toStdString();
    // A malformed rule: exit 2 with the rule named.
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(
        R"({"rules":[{"id":"oops","metric":"mauve","op":"~","threshold":1,"severity":"warn","action":"x"}]})");
    f.close();
    r = cli({QStringLiteral("gate"), QStringLiteral("--project"), s_project,
             QStringLiteral("--rules"), strict});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("oops"))) << r.err.toStdString();
}

// Issue 13, item 3: an analysis of other corpora than the project's now holds (a corpus was
// imported after it) never passes the gate: exit 2 with the reason, and summary says stale.
TEST_F(CustomerSupport, GateRefusesAnAnalysisThatIsOutOfDate) {
    const QString project = s_dir->filePath(QStringLiteral("stale.synthscope"));
    QFile::remove(project);
    ASSERT_TRUE(QFile::copy(s_project, project));
    Result r = cli({QStringLiteral("import"), QStringLiteral("--project"), project,
                    QStringLiteral("--role"), QStringLiteral("synthetic"), QStringLiteral("--name"),
                    QStringLiteral("bitext-again"), QStringLiteral("--text-field"),
                    QStringLiteral("response"), bitext()});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    r = cli({QStringLiteral("gate"), QStringLiteral("--project"), project});
    EXPECT_EQ(r.exitCode, 2) << r.out.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("out of date"))) << r.err.toStdString();
    EXPECT_FALSE(r.out.contains(QStringLiteral("PASS"))) << r.out.toStdString();
    // With --json the verdict is on stdout too (it printed nothing).
    r = cli(
        {QStringLiteral("gate"), QStringLiteral("--project"), project, QStringLiteral("--json")});
    EXPECT_EQ(r.exitCode, 2);
    const Json verdict = Json::parse(r.out.toStdString());
    EXPECT_EQ(verdict["status"], "out of date");
    EXPECT_GT(verdict["analysis_run"].get<qint64>(), 0);
    r = cli({QStringLiteral("summary"), QStringLiteral("--project"), project,
             QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(Json::parse(r.out.toStdString())["analysis"]["stale"].get<bool>());
}

// Issue 13, item 2: a wrong import is fixed in the project instead of starting a new one. The
// corpus command lists, renames, re-roles and removes; a role change or removal puts the gate
// out of date (exit 2) until the analyses run again.
TEST_F(CustomerSupport, CorpusCommandRenamesReRolesAndRemoves) {
    const QString project = s_dir->filePath(QStringLiteral("corpus-edits.synthscope"));
    QFile::remove(project);
    ASSERT_TRUE(QFile::copy(s_project, project));
    auto corpus = [&](QStringList args) {
        args.prepend(project);
        args.prepend(QStringLiteral("--project"));
        args.prepend(QStringLiteral("corpus"));
        return cli(args);
    };
    Result r = corpus({});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("2\tbitext\tsynthetic\t4514\t0")))
        << r.out.toStdString();

    r = corpus({QStringLiteral("--rename"), QStringLiteral("twitter"), QStringLiteral("bitext")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("already exists"))) << r.err.toStdString();
    r = corpus({QStringLiteral("--rename"), QStringLiteral("x"), QStringLiteral("--remove"),
                QStringLiteral("bitext")});
    EXPECT_EQ(r.exitCode, 2);
    r = corpus({QStringLiteral("--remove"), QStringLiteral("no-such")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("no corpus named 'no-such'")));
    r = corpus({QStringLiteral("--role"), QStringLiteral("fake"), QStringLiteral("bitext")});
    EXPECT_EQ(r.exitCode, 2);

    r = corpus({QStringLiteral("--rename"), QStringLiteral("bitext-v1"), QStringLiteral("bitext")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    r = cli({QStringLiteral("gate"), QStringLiteral("--project"), project});
    EXPECT_NE(r.exitCode, 2) << "a rename changes no result: " << r.err.toStdString();

    r = corpus({QStringLiteral("--role"), QStringLiteral("real"), QStringLiteral("bitext-v1")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    r = cli({QStringLiteral("gate"), QStringLiteral("--project"), project});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("another role"))) << r.err.toStdString();
    r = corpus(
        {QStringLiteral("--role"), QStringLiteral("synthetic"), QStringLiteral("bitext-v1")});
    ASSERT_EQ(r.exitCode, 0);
    r = cli({QStringLiteral("gate"), QStringLiteral("--project"), project});
    EXPECT_NE(r.exitCode, 2) << "the role the analysis saw is back: " << r.err.toStdString();

    r = corpus({QStringLiteral("--remove"), QStringLiteral("bitext-v1")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("4514 samples"))) << r.out.toStdString();
    r = corpus({});
    EXPECT_FALSE(r.out.contains(QStringLiteral("bitext"))) << r.out.toStdString();
    r = cli({QStringLiteral("summary"), QStringLiteral("--project"), project,
             QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const Json summary = Json::parse(r.out.toStdString());
    EXPECT_TRUE(summary["analysis"]["stale"].get<bool>());
    EXPECT_EQ(summary["corpora"].size(), 1u);
    r = cli({QStringLiteral("gate"), QStringLiteral("--project"), project});
    EXPECT_EQ(r.exitCode, 2);
}

// Issue 14, item 5: say what is true about inputs that are not files, and about projects that
// cannot be written. A read-only project is still read by the commands that only read.
TEST(Cli, InputsThatAreNotFilesAndReadOnlyProjects) {
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.synthscope"));
    auto importOf = [&](const QString& input) {
        return cli({QStringLiteral("import"), QStringLiteral("--project"), project,
                    QStringLiteral("--role"), QStringLiteral("real"), QStringLiteral("--name"),
                    QStringLiteral("x"), input});
    };
    ASSERT_TRUE(QDir(dir.path()).mkdir(QStringLiteral("folder")));
    Result r = importOf(dir.filePath(QStringLiteral("folder")));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("is a folder, not a file"))) << r.err.toStdString();
    const QString fifo = dir.filePath(QStringLiteral("fifo"));
    ASSERT_EQ(::mkfifo(fifo.toLocal8Bit().constData(), 0600), 0);
    r = importOf(fifo);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("is a named pipe (FIFO)"))) << r.err.toStdString();
    r = importOf(QStringLiteral("/dev/null"));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("is a device"))) << r.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(project)); // nothing was created for inputs that fail
    // Item 7: a record cap at the top of size_t once overflowed to "0 rows read".
    r = cli({QStringLiteral("import"), QStringLiteral("--project"), project,
             QStringLiteral("--role"), QStringLiteral("real"), QStringLiteral("--name"),
             QStringLiteral("x"), QStringLiteral("--max-record-bytes"),
             QStringLiteral("18446744073709551615"),
             test::writeFile(dir, QStringLiteral("one.jsonl"), "{\"text\":\"hi\"}\n")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("from 1 to 1073741824"))) << r.err.toStdString();

    // A read command never turns an empty file into a project.
    const QString empty = test::writeFile(dir, QStringLiteral("empty.synthscope"), {});
    r = cli({QStringLiteral("summary"), QStringLiteral("--project"), empty});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("is empty, not a Synthscope project")))
        << r.err.toStdString();
    EXPECT_EQ(QFileInfo(empty).size(), 0);

    // A project in a read-only folder, read by someone who cannot write it (the tests may run
    // as root, who can write anything: then the command runs as the user nobody through
    // setpriv, from a copy of the binary that nobody can reach).
    const QString folder = dir.filePath(QStringLiteral("ro"));
    ASSERT_TRUE(QDir(dir.path()).mkdir(QStringLiteral("ro")));
    const QString readOnly = folder + QStringLiteral("/p.synthscope");
    const QString input = test::writeFile(dir, QStringLiteral("a.jsonl"), "{\"text\":\"hello\"}\n");
    ASSERT_EQ(cli({QStringLiteral("import"), QStringLiteral("--project"), readOnly,
                   QStringLiteral("--role"), QStringLiteral("real"), QStringLiteral("--name"),
                   QStringLiteral("tweets"), input})
                  .exitCode,
              0);
    const bool root = ::geteuid() == 0;
    QString binary = QStringLiteral(SYNTHSCOPE_CLI);
    if (root) {
        binary = dir.filePath(QStringLiteral("synthscope-cli"));
        ASSERT_TRUE(QFile::copy(QStringLiteral(SYNTHSCOPE_CLI), binary));
        ASSERT_TRUE(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner |
                                                          QFile::ExeOwner | QFile::ReadOther |
                                                          QFile::ExeOther));
        ASSERT_TRUE(QFile::setPermissions(input, QFile::ReadOwner | QFile::ReadOther));
    }
    const auto readable = QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther;
    ASSERT_TRUE(QFile::setPermissions(readOnly, readable));
    ASSERT_TRUE(QFile::setPermissions(folder, readable | QFile::ExeOwner | QFile::ExeGroup |
                                                  QFile::ExeOther));
    auto unprivileged = [&](const QStringList& args) {
        return root ? runProgram(QStringLiteral("setpriv"),
                                 QStringList{QStringLiteral("--reuid=65534"),
                                             QStringLiteral("--regid=65534"),
                                             QStringLiteral("--clear-groups"), binary} +
                                     args)
                    : runProgram(binary, args);
    };
    r = unprivileged({QStringLiteral("summary"), QStringLiteral("--project"), readOnly});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("tweets (real): 1 samples"))) << r.out.toStdString();
    r = unprivileged({QStringLiteral("rejects"), QStringLiteral("--project"), readOnly});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    r = unprivileged({QStringLiteral("import"), QStringLiteral("--project"), readOnly,
                      QStringLiteral("--role"), QStringLiteral("real"), QStringLiteral("--name"),
                      QStringLiteral("more"), input});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("is read-only (its folder cannot be written")))
        << r.err.toStdString();
    EXPECT_FALSE(r.err.contains(QStringLiteral("not an SQLite database")));
    r = unprivileged({QStringLiteral("analyze"), QStringLiteral("--project"), readOnly});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("is read-only"))) << r.err.toStdString();
    const auto all =
        readable | QFile::WriteOwner | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther;
    ASSERT_TRUE(QFile::setPermissions(folder, all)); // so the temporary folder can go
}

// Issue 14, hostile files: files that are not healthy projects are refused with a message that
// names them, by every command, without a crash or a hang, and are never changed.
TEST(Cli, HostileProjectFilesAreRefusedWithAMessage) {
    QTemporaryDir dir;
    // A real project to cut short: the Twitter sample, imported.
    const QString whole = dir.filePath(QStringLiteral("whole.synthscope"));
    ASSERT_EQ(
        cli({QStringLiteral("import"), QStringLiteral("--project"), whole, QStringLiteral("--role"),
             QStringLiteral("real"), QStringLiteral("--name"), QStringLiteral("tweets"),
             test::dataFile(
                 QStringLiteral("twitter-customer-support-sample5000/twcs_sample.jsonl"))})
            .exitCode,
        0);
    QFile wholeFile(whole);
    ASSERT_TRUE(wholeFile.open(QIODevice::ReadOnly));
    const QByteArray bytes = wholeFile.readAll();
    ASSERT_GT(bytes.size(), 200000);
    std::mt19937 random(14);
    QByteArray noise(65536, '\0');
    for (char& c : noise)
        c = static_cast<char>(random() & 0xFF);
    const std::pair<const char*, QByteArray> cases[] = {
        {"empty", {}},
        {"header-only", bytes.left(100)},
        {"truncated", bytes.left(bytes.size() / 3)},
        {"random", noise},
        {"text", "not a project at all\n"},
    };
    for (const auto& [name, content] : cases) {
        const QString path = test::writeFile(
            dir, QString::fromLatin1(name) + QStringLiteral(".synthscope"), content);
        for (const char* command : {"summary", "gate", "report", "analyze"}) {
            QStringList args = {QString::fromLatin1(command), QStringLiteral("--project"), path};
            if (QByteArray(command) == "report")
                args << QStringLiteral("--html") << dir.filePath(QStringLiteral("r.html"));
            const Result r = cli(args, 120000 * SYNTHSCOPE_TIME_FACTOR);
            EXPECT_EQ(r.exitCode, 2) << name << " " << command << ": " << r.err.toStdString();
            EXPECT_TRUE(r.err.contains(path))
                << name << " " << command << ": " << r.err.toStdString();
        }
        QFile after(path);
        ASSERT_TRUE(after.open(QIODevice::ReadOnly));
        EXPECT_EQ(after.readAll(), content) << name << " was changed";
    }
    // An SQLite database of another application.
    const QString foreign = dir.filePath(QStringLiteral("foreign.db"));
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
        db.setDatabaseName(foreign);
        ASSERT_TRUE(db.open());
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec(QStringLiteral("CREATE TABLE t (x)")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
    QFile foreignFile(foreign);
    ASSERT_TRUE(foreignFile.open(QIODevice::ReadOnly));
    const QByteArray foreignBytes = foreignFile.readAll();
    foreignFile.close();
    const QString input =
        test::writeFile(dir, QStringLiteral("one.jsonl"), "{\"text\":\"hello\"}\n");
    for (const QStringList& args :
         {QStringList{QStringLiteral("gate"), QStringLiteral("--project"), foreign},
          QStringList{QStringLiteral("analyze"), QStringLiteral("--project"), foreign},
          QStringList{QStringLiteral("import"), QStringLiteral("--project"), foreign,
                      QStringLiteral("--role"), QStringLiteral("real"), QStringLiteral("--name"),
                      QStringLiteral("x"), input}}) {
        const Result r = cli(args);
        EXPECT_EQ(r.exitCode, 2) << args.first().toStdString();
        EXPECT_TRUE(r.err.contains(QStringLiteral("another application"))) << r.err.toStdString();
        // Not even its journal mode may change before it is refused.
        ASSERT_TRUE(foreignFile.open(QIODevice::ReadOnly));
        EXPECT_EQ(foreignFile.readAll(), foreignBytes) << args.first().toStdString();
        foreignFile.close();
    }
}

// import --sample N --seed S (issue 16): a uniform sample of the real tweets in one pass,
// recorded in the corpus and the export manifest, the same for the same seed. The sample's
// means are checked against the whole file's: line position (uniform over the file) and text
// length (the estimate a metric would make), each within 4 standard errors of a simple random
// sample without replacement of 500 from 5,000 (deterministic: the seeds are fixed).
TEST(Cli, SampledImportIsAUniformSampleRecordedInTheCorpusAndTheManifest) {
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("sampled.synthscope"));
    const auto import = [&](const QString& name, const QStringList& extra) {
        QStringList args = {QStringLiteral("import"),
                            QStringLiteral("--project"),
                            project,
                            QStringLiteral("--role"),
                            QStringLiteral("real"),
                            QStringLiteral("--name"),
                            name,
                            QStringLiteral("--text-field"),
                            QStringLiteral("text")};
        return cli(args + extra + QStringList{twitter()});
    };
    const Result a = import(QStringLiteral("a"), {QStringLiteral("--sample"), QStringLiteral("500"),
                                                  QStringLiteral("--seed"), QStringLiteral("7")});
    ASSERT_EQ(a.exitCode, 0) << a.err.toStdString();
    EXPECT_TRUE(a.out.contains(QStringLiteral("a uniform sample of 500 of 5000 records")))
        << a.out.toStdString();
    ASSERT_EQ(import(QStringLiteral("same"), {QStringLiteral("--sample"), QStringLiteral("500"),
                                              QStringLiteral("--seed"), QStringLiteral("7")})
                  .exitCode,
              0);
    ASSERT_EQ(import(QStringLiteral("other"), {QStringLiteral("--sample"), QStringLiteral("500"),
                                               QStringLiteral("--seed"), QStringLiteral("8")})
                  .exitCode,
              0);
    // More than there are: every record, and the population says how many.
    ASSERT_EQ(import(QStringLiteral("all"), {QStringLiteral("--sample"), QStringLiteral("9999")})
                  .exitCode,
              0);
    // --seed alone and a sample of 0 are usage errors, and change nothing.
    EXPECT_EQ(import(QStringLiteral("x"), {QStringLiteral("--seed"), QStringLiteral("3")}).exitCode,
              2);
    EXPECT_EQ(
        import(QStringLiteral("y"), {QStringLiteral("--sample"), QStringLiteral("0")}).exitCode, 2);

    const Result s = cli({QStringLiteral("summary"), QStringLiteral("--project"), project,
                          QStringLiteral("--json")});
    ASSERT_EQ(s.exitCode, 0) << s.err.toStdString();
    const Json summary = Json::parse(s.out.toStdString());
    ASSERT_EQ(summary["corpora"].size(), 4u);
    const Json& sampled = summary["corpora"][0];
    EXPECT_EQ(sampled["samples"], 500);
    EXPECT_EQ(sampled["rows_in"], 5000);
    EXPECT_EQ(sampled["sampling"],
              (Json{{"method", "reservoir"}, {"size", 500}, {"seed", 7}, {"population", 5000}}));
    EXPECT_EQ(summary["corpora"][3]["samples"], 5000);
    EXPECT_EQ(summary["corpora"][3]["sampling"]["population"], 5000);
    EXPECT_EQ(summary["corpora"][3]["sampling"]["seed"], 1); // the default

    // Export each corpus: its records must be lines of the file, verbatim and in file order.
    const std::vector<std::string> file = readLines(twitter());
    const auto exportedLines = [&](const char* corpus) {
        const QString out = dir.filePath(QString::fromLatin1(corpus) + QStringLiteral(".jsonl"));
        const Result r = cli({QStringLiteral("export"), QStringLiteral("--project"), project,
                              QStringLiteral("--out"), out, QStringLiteral("--corpus"),
                              QString::fromLatin1(corpus)});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        std::vector<std::size_t> positions; // 0-based line of each exported record
        std::size_t next = 0;
        for (const std::string& line : readLines(out)) {
            while (next < file.size() && file[next] != line)
                ++next;
            EXPECT_LT(next, file.size()) << "not a line of the file, or out of order: " << line;
            positions.push_back(next++);
        }
        return positions;
    };
    const std::vector<std::size_t> lines = exportedLines("a");
    ASSERT_EQ(lines.size(), 500u);
    EXPECT_EQ(exportedLines("same"), lines);
    EXPECT_NE(exportedLines("other"), lines);
    QFile manifestFile(dir.filePath(QStringLiteral("a.jsonl.manifest.json")));
    ASSERT_TRUE(manifestFile.open(QIODevice::ReadOnly));
    const Json manifest = Json::parse(manifestFile.readAll().toStdString());
    bool described = false;
    for (const Json& c : manifest["datasheet"]["collection"])
        if (c["corpus"] == "a") {
            described = true;
            EXPECT_EQ(c["sampling"]["population"], 5000);
            EXPECT_EQ(c["sampling"]["size"], 500);
        }
    EXPECT_TRUE(described);

    // Uniform: the sample's means against the file's, within 4 standard errors.
    const auto withinFourSe = [](const std::vector<double>& population,
                                 const std::vector<double>& sample, const char* what) {
        double mean = 0;
        for (double v : population)
            mean += v;
        mean /= static_cast<double>(population.size());
        double var = 0;
        for (double v : population)
            var += (v - mean) * (v - mean);
        var /= static_cast<double>(population.size() - 1);
        double sampleMean = 0;
        for (double v : sample)
            sampleMean += v;
        sampleMean /= static_cast<double>(sample.size());
        const double n = static_cast<double>(sample.size());
        const double fpc = 1.0 - n / static_cast<double>(population.size());
        const double se = std::sqrt(var / n * fpc);
        EXPECT_NEAR(sampleMean, mean, 4 * se) << what;
    };
    std::vector<double> allPositions;
    std::vector<double> allLengths;
    for (std::size_t i = 0; i < file.size(); ++i) {
        allPositions.push_back(static_cast<double>(i));
        allLengths.push_back(
            static_cast<double>(Json::parse(file[i])["text"].get<std::string>().size()));
    }
    std::vector<double> positions;
    std::vector<double> lengths;
    for (std::size_t i : lines) {
        positions.push_back(allPositions[i]);
        lengths.push_back(allLengths[i]);
    }
    withinFourSe(allPositions, positions, "line position");
    withinFourSe(allLengths, lengths, "text length in bytes");
}

// Embeddings computed elsewhere and handed over as a NumPy array in project order (issue 16):
// the two seed-task files (the same 175 tasks, real and synthetic), one row per sample as the
// corpora were imported. The vectors here are three plain features of each instruction; the
// analysis must use them (source and dimension) and, since the two files hold the same tasks,
// find every synthetic row covered by a real one at cosine 1.
TEST(Cli, EmbeddingsFromANumPyArrayInProjectOrderDriveTheAnalysis) {
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("npy.synthscope"));
    const std::pair<const char*, const char*> corpora[] = {
        {"real", "self-instruct-seed-tasks/seed_tasks.jsonl"},
        {"synthetic", "stanford-alpaca-seed-tasks/seed_tasks.jsonl"}};
    std::vector<double> values;
    std::size_t rows = 0;
    for (const auto& [role, file] : corpora) {
        const QString path = test::dataFile(QString::fromLatin1(file));
        const Result r = cli({QStringLiteral("import"), QStringLiteral("--project"), project,
                              QStringLiteral("--role"), QString::fromLatin1(role),
                              QStringLiteral("--name"), QString::fromLatin1(role),
                              QStringLiteral("--text-field"), QStringLiteral("instruction"), path});
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
        for (const std::string& line : readLines(path)) {
            if (line.empty())
                continue;
            const std::string text = Json::parse(line)["instruction"].get<std::string>();
            values.push_back(static_cast<double>(text.size()));
            values.push_back(static_cast<double>(std::count(text.begin(), text.end(), ' ')));
            values.push_back(1.0);
            ++rows;
        }
    }
    ASSERT_EQ(rows, 350u);
    const QString npy = test::writeNpy(dir, QStringLiteral("features.npy"), "<f8",
                                       "(" + std::to_string(rows) + ", 3)", values);
    const Result e = cli({QStringLiteral("embed"), QStringLiteral("--project"), project,
                          QStringLiteral("--source"), QStringLiteral("features"),
                          QStringLiteral("--file"), npy});
    ASSERT_EQ(e.exitCode, 0) << e.err.toStdString();
    const Result a = cli({QStringLiteral("analyze"), QStringLiteral("--project"), project,
                          QStringLiteral("--embeddings"), QStringLiteral("features")});
    ASSERT_EQ(a.exitCode, 0) << a.err.toStdString();
    const Result s = cli({QStringLiteral("summary"), QStringLiteral("--project"), project,
                          QStringLiteral("--json")});
    ASSERT_EQ(s.exitCode, 0) << s.err.toStdString();
    const Json summary = Json::parse(s.out.toStdString());
    EXPECT_EQ(summary["similarity"]["embedding_source"], "features");
    EXPECT_EQ(summary["similarity"]["embedding_dimension"], 3);
    EXPECT_NEAR(summary["real_vs_synthetic"]["coverage_synthetic_by_real"].get<double>(), 1.0,
                1e-9);
    // A row count that does not match the project is refused, naming both counts.
    values.resize(values.size() - 3);
    const Result wrong =
        cli({QStringLiteral("embed"), QStringLiteral("--project"), project,
             QStringLiteral("--source"), QStringLiteral("short"), QStringLiteral("--file"),
             test::writeNpy(dir, QStringLiteral("short.npy"), "<f8", "(349, 3)", values)});
    EXPECT_NE(wrong.exitCode, 0);
    EXPECT_TRUE(wrong.err.contains(QStringLiteral("has 349 rows, but the project has 350")))
        << wrong.err.toStdString();
}

// Duplicate clusters computed elsewhere (issue 16): the real tweets written as datatrove's
// JsonlWriter writes a document after its MinHash filter with load_cluster_ids (text, id and
// metadata.minhash_cluster), the cluster being the tweet's author, so that its members are
// known. A sample of 1,500 is imported with and without the field. With it, every two sampled
// tweets of one author must fall in one near-duplicate group: the corpus's near-duplicates are
// at least A = Σ over authors (sampled tweets − 1), at least those found without the field, and
// at most A plus those (a union of two groupings removes no more than both together).
TEST(Cli, DuplicateClusterIdsFromAnEngineJoinNearDuplicateGroups) {
    QTemporaryDir dir;
    const QString engine = dir.filePath(QStringLiteral("datatrove.jsonl"));
    {
        std::ofstream out(engine.toStdString());
        for (const std::string& line : readLines(twitter())) {
            if (line.empty())
                continue;
            const Json t = Json::parse(line);
            out << Json{{"text", t["text"]},
                        {"id", t["tweet_id"]},
                        {"metadata", {{"minhash_cluster", t["author_id"]}}}}
                       .dump()
                << '\n';
        }
    }
    const auto nearDuplicates = [&](const char* name, bool withField, std::size_t* expected,
                                    double* band) {
        const QString project = dir.filePath(QString::fromLatin1(name) + QStringLiteral(".ss"));
        QStringList args = {
            QStringLiteral("import"), QStringLiteral("--project"), project,
            QStringLiteral("--role"), QStringLiteral("real"),      QStringLiteral("--name"),
            QStringLiteral("tweets"), QStringLiteral("--sample"),  QStringLiteral("1500"),
            QStringLiteral("--seed"), QStringLiteral("5")};
        if (withField)
            args << QStringLiteral("--duplicate-cluster-field")
                 << QStringLiteral("metadata.minhash_cluster");
        const Result a = cli(args << engine);
        EXPECT_EQ(a.exitCode, 0) << a.err.toStdString();
        if (withField) {
            EXPECT_TRUE(
                a.out.contains(QStringLiteral("1500 of 1500 samples carry a duplicate-cluster id "
                                              "from 'metadata.minhash_cluster'")))
                << a.out.toStdString();
        }
        const Result b =
            cli({QStringLiteral("import"), QStringLiteral("--project"), project,
                 QStringLiteral("--role"), QStringLiteral("synthetic"), QStringLiteral("--name"),
                 QStringLiteral("bitext"), QStringLiteral("--text-template"),
                 QStringLiteral("{instruction}\\n{response}"), QStringLiteral("--sample"),
                 QStringLiteral("500"), bitext()});
        EXPECT_EQ(b.exitCode, 0) << b.err.toStdString();
        const Result c = cli({QStringLiteral("analyze"), QStringLiteral("--project"), project});
        EXPECT_EQ(c.exitCode, 0) << c.err.toStdString();
        // The sampled records, verbatim, and A from their authors.
        const QString out = dir.filePath(QString::fromLatin1(name) + QStringLiteral(".jsonl"));
        EXPECT_EQ(cli({QStringLiteral("export"), QStringLiteral("--project"), project,
                       QStringLiteral("--out"), out, QStringLiteral("--corpus"),
                       QStringLiteral("tweets")})
                      .exitCode,
                  0);
        std::map<std::string, std::size_t> perAuthor;
        std::size_t rows = 0;
        for (const std::string& line : readLines(out))
            if (!line.empty()) {
                ++rows;
                ++perAuthor[Json::parse(line)["metadata"]["minhash_cluster"].get<std::string>()];
            }
        EXPECT_EQ(rows, 1500u);
        *expected = 0;
        for (const auto& [author, n] : perAuthor)
            *expected += n - 1;
        const Result s = cli({QStringLiteral("summary"), QStringLiteral("--project"), project,
                              QStringLiteral("--json")});
        EXPECT_EQ(s.exitCode, 0) << s.err.toStdString();
        const Json summary = Json::parse(s.out.toStdString());
        EXPECT_EQ(summary["corpora"][0]["name"], "tweets");
        // Every sampled tweet carries its author as an id; the synthetic corpus none.
        const Json& tweets = summary["corpora"][0]["metrics"];
        if (withField) {
            EXPECT_EQ(tweets.value("imported_duplicate_cluster_ids", Json()), Json(1500));
        } else {
            EXPECT_FALSE(tweets.contains("imported_duplicate_cluster_ids"));
        }
        EXPECT_FALSE(summary["corpora"][1]["metrics"].contains("imported_duplicate_cluster_ids"));
        *band = summary["corpora"][1]["vs_real_detail"]["cross_near_duplicate_rate"]["null_mean"]
                    .get<double>();
        return static_cast<std::size_t>(
            summary["corpora"][0]["metrics"]["near_duplicates"].get<double>());
    };
    std::size_t a = 0;
    std::size_t same = 0;
    double bandWith = 0;
    double bandWithout = 0;
    const std::size_t with = nearDuplicates("with", true, &a, &bandWith);
    const std::size_t without = nearDuplicates("without", false, &same, &bandWithout);
    // The real-against-real band of the cross-corpus near-duplicate rate ignores the ids (they
    // join the two halves of the real corpus, never a real and a synthetic sample): unchanged.
    EXPECT_DOUBLE_EQ(bandWith, bandWithout);
    EXPECT_EQ(a, same); // the same seed: the same sample
    EXPECT_GT(a, without) << "the test needs authors with more tweets than MinHash finds";
    EXPECT_GE(with, a);
    EXPECT_GE(with, without);
    EXPECT_LE(with, a + without);
    // A misspelt field: the records are stored, and the import says no id was found.
    const Result misspelt = cli(
        {QStringLiteral("import"), QStringLiteral("--project"),
         dir.filePath(QStringLiteral("misspelt.ss")), QStringLiteral("--role"),
         QStringLiteral("real"), QStringLiteral("--sample"), QStringLiteral("20"),
         QStringLiteral("--duplicate-cluster-field"), QStringLiteral("metadata.minhash"), engine});
    EXPECT_EQ(misspelt.exitCode, 0) << misspelt.err.toStdString();
    EXPECT_TRUE(misspelt.out.contains(QStringLiteral("20 stored"))) << misspelt.out.toStdString();
    EXPECT_TRUE(
        misspelt.err.contains(QStringLiteral("no stored record has the field 'metadata.minhash'")))
        << misspelt.err.toStdString();
}
