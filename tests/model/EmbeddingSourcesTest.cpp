// Embeddings from outside: an OpenAI-compatible endpoint (against a stub HTTP server on
// 127.0.0.1 started by the test), a numeric field of the records, and a keyed file.
#include "TestSupport.h"

#include "analysis/Knn.h"
#include "model/Analyzer.h"
#include "model/EmbeddingSources.h"
#include "model/ProjectStore.h"
#include "model/SimilarText.h"

#include <QTcpServer>
#include <QTcpSocket>

#include <gtest/gtest.h>

using namespace synthscope;
using namespace synthscope::model;

namespace {

// A minimal HTTP/1.1 server answering POST /v1/embeddings like the OpenAI API: for each
// input text, the embedding (length in characters, number of 'a', 1). The first `failures`
// requests get HTTP 503.
class StubServer : public QObject {
public:
    explicit StubServer(int failures = 0)
        : m_failures(failures) {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this]() {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer]() {
                    buffer->append(socket->readAll());
                    const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
                    if (headerEnd < 0)
                        return;
                    const QByteArray headers = buffer->left(headerEnd);
                    qsizetype length = 0;
                    for (const QByteArray& line : headers.split('\n')) {
                        if (line.toLower().startsWith("content-length:"))
                            length = line.mid(15).trimmed().toLongLong();
                        if (line.toLower().startsWith("authorization:"))
                            authorization = QString::fromLatin1(line.mid(14).trimmed());
                    }
                    if (buffer->size() < headerEnd + 4 + length)
                        return;
                    path = QString::fromLatin1(headers.split(' ').value(1));
                    const Json body = Json::parse(buffer->mid(headerEnd + 4, length).toStdString());
                    ++requests;
                    QByteArray status = "200 OK";
                    QByteArray payload;
                    if (requests <= m_failures) {
                        status = "503 Service Unavailable";
                        payload = R"({"error":"busy"})";
                    } else {
                        Json data = Json::array();
                        const Json& input = body["input"];
                        batchSizes.push_back(static_cast<int>(input.size()));
                        // Answer in reverse order: the client must place items by index.
                        for (std::size_t i = input.size(); i-- > 0;) {
                            const std::string text = input[i].get<std::string>();
                            data.push_back(
                                {{"object", "embedding"},
                                 {"index", i},
                                 {"embedding",
                                  {static_cast<double>(text.size()),
                                   static_cast<double>(std::count(text.begin(), text.end(), 'a')),
                                   1.0}}});
                        }
                        payload = QByteArray::fromStdString(
                            Json({{"object", "list"}, {"data", data}, {"model", body["model"]}})
                                .dump());
                    }
                    socket->write("HTTP/1.1 " + status +
                                  "\r\nContent-Type: application/json\r\n"
                                  "Content-Length: " +
                                  QByteArray::number(payload.size()) +
                                  "\r\nConnection: close\r\n\r\n" + payload);
                    socket->disconnectFromHost();
                    buffer->clear();
                });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    QUrl url() const {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(m_server.serverPort()));
    }
    int requests = 0;
    std::vector<int> batchSizes;
    QString authorization;
    QString path;

private:
    QTcpServer m_server;
    int m_failures;
};

// A project of three short real texts and three long synthetic ones (the stub's vectors of
// them are easy to work out by hand).
std::shared_ptr<Project> projectOfSixTexts(const QTemporaryDir& dir) {
    auto project = test::newProject(dir);
    test::importFile(*project, QStringLiteral("real"), Role::Real,
                     test::writeFile(dir, QStringLiteral("r.jsonl"),
                                     "{\"text\":\"a short one\"}\n{\"text\":\"banana bread\"}\n"
                                     "{\"text\":\"a cat\"}\n"),
                     "text");
    test::importFile(*project, QStringLiteral("synthetic"), Role::Synthetic,
                     test::writeFile(dir, QStringLiteral("s.jsonl"),
                                     "{\"text\":\"a much longer synthetic answer\"}\n"
                                     "{\"text\":\"another long synthetic answer\"}\n"
                                     "{\"text\":\"and a third synthetic answer\"}\n"),
                     "text");
    return project;
}

} // namespace

TEST(EmbeddingEndpoint, BatchesRetriesAndPlacesByIndex) {
    StubServer server(/*failures=*/1);
    qputenv("SYNTHSCOPE_TEST_KEY", "secret");
    EmbeddingEndpoint e{.baseUrl = server.url(),
                        .model = QStringLiteral("stub-model"),
                        .apiKeyVariable = QStringLiteral("SYNTHSCOPE_TEST_KEY"),
                        .batchSize = 2,
                        .attempts = 3,
                        .timeoutMs = 5000,
                        .retryDelayMs = 10};
    const QStringList texts = {QStringLiteral("a"), QStringLiteral("banana"), QStringLiteral("cab"),
                               QStringLiteral("xyz"), QStringLiteral("aa")};
    std::vector<std::vector<float>> out;
    int requests = 0;
    const Status s = embedTexts(e, texts, &out, {}, &requests);
    ASSERT_TRUE(s.ok()) << s.error().toStdString();
    // 5 texts in batches of 2 → 3 batches; the first attempt got 503 and was retried.
    EXPECT_EQ(requests, 4);
    EXPECT_EQ(server.batchSizes, (std::vector<int>{2, 2, 1}));
    EXPECT_EQ(server.path, QStringLiteral("/v1/embeddings"));
    EXPECT_EQ(server.authorization, QStringLiteral("Bearer secret"));
    ASSERT_EQ(out.size(), 5u);
    EXPECT_EQ(out[1], (std::vector<float>{6, 3, 1})); // "banana"
    EXPECT_EQ(out[4], (std::vector<float>{2, 2, 1})); // "aa"
}

TEST(EmbeddingEndpoint, ClearErrorsWhenUnreachableOrKeyMissing) {
    quint16 port = 0;
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        port = probe.serverPort(); // closed again: nothing listens there now
    }
    EmbeddingEndpoint e{.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port)),
                        .model = QStringLiteral("m"),
                        .apiKeyVariable = {},
                        .batchSize = 8,
                        .attempts = 2,
                        .timeoutMs = 2000,
                        .retryDelayMs = 10};
    std::vector<std::vector<float>> out;
    int requests = 0;
    Status s = embedTexts(e, {QStringLiteral("x")}, &out, {}, &requests);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(requests, 2); // retried once
    EXPECT_TRUE(s.error().contains(QStringLiteral("/v1/embeddings"))) << s.error().toStdString();
    e.apiKeyVariable = QStringLiteral("SYNTHSCOPE_TEST_UNSET_KEY");
    qunsetenv("SYNTHSCOPE_TEST_UNSET_KEY");
    s = embedTexts(e, {QStringLiteral("x")}, &out);
    ASSERT_FALSE(s.ok());
    EXPECT_TRUE(s.error().contains(QStringLiteral("SYNTHSCOPE_TEST_UNSET_KEY")));
}

TEST(EmbeddingEndpoint, StoredInTheProjectAndUsedByTheAnalysis) {
    StubServer server;
    QTemporaryDir dir;
    auto project = projectOfSixTexts(dir);
    EmbeddingEndpoint e;
    e.baseUrl = server.url();
    e.model = QStringLiteral("stub");
    ASSERT_TRUE(embedProjectWithEndpoint(*project, e, QStringLiteral("stub")).ok());
    const auto sources = embeddingSources(*project);
    ASSERT_EQ(sources.size(), 1);
    EXPECT_EQ(sources[0].first, QStringLiteral("stub"));
    EXPECT_EQ(sources[0].second, 6);
    analysis::AnalysisParams params;
    params.similarity.embeddingSource = "stub";
    params.similarity.detectabilityFolds = 2;
    const Status s = runAnalysis(*project, params, {}, nullptr);
    ASSERT_TRUE(s.ok()) << s.error().toStdString();
    const Json summary = ProjectStore(*project).summaryJson();
    EXPECT_EQ(summary["similarity"]["embedding_source"], "stub");
    EXPECT_EQ(summary["similarity"]["embedding_dimension"], 3);
    // The neighbours' inner-product kernel, recorded with the run; six texts are searched
    // exactly, and with no budget for exact search by HNSW (approximate).
    EXPECT_EQ(summary["analysis"]["params"]["similarity"]["hnsw_dot_kernel"],
              analysis::dotKernelName(analysis::fastestDotKernel()));
    EXPECT_EQ(summary["similarity"]["neighbour_search"]["own_corpus"], "exact");
    EXPECT_EQ(summary["similarity"]["neighbour_search"]["other_role"], "exact");
    const std::optional<StoredAnalysis> exactRun = ProjectStore(*project).latestAnalysis();
    ASSERT_TRUE(exactRun && exactRun->similarity);
    EXPECT_FALSE(exactRun->similarity->otherRoleApproximate());
    analysis::AnalysisParams byHnsw = params;
    byHnsw.similarity.hnsw.exactPairs = 0;
    ASSERT_TRUE(runAnalysis(*project, byHnsw, {}, nullptr).ok());
    const Json approximate = ProjectStore(*project).summaryJson();
    EXPECT_EQ(approximate["similarity"]["neighbour_search"]["own_corpus"], "HNSW");
    EXPECT_EQ(approximate["similarity"]["neighbour_search"]["other_role"], "HNSW");
    const std::optional<StoredAnalysis> byHnswRun = ProjectStore(*project).latestAnalysis();
    ASSERT_TRUE(byHnswRun && byHnswRun->similarity);
    EXPECT_TRUE(byHnswRun->similarity->otherRoleApproximate());
    EXPECT_EQ(approximate["analysis"]["params"]["similarity"]["exact_neighbour_pairs"], 0);
    // An unknown source fails with a clear message and stores no run.
    params.similarity.embeddingSource = "missing";
    const Status bad = runAnalysis(*project, params, {}, nullptr);
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(bad.error().contains(QStringLiteral("missing"))) << bad.error().toStdString();
}

// "Similar to this text" with an endpoint source: the typed text goes to the same endpoint and
// the stored vectors are ranked by cosine. The stub embeds a text as (characters, 'a's, 1), so
// the order below was computed by hand from the six texts.
TEST(EmbeddingEndpoint, SimilarTextEmbedsTheTypedTextThroughTheSameEndpoint) {
    StubServer server;
    QTemporaryDir dir;
    auto project = projectOfSixTexts(dir);
    const auto idOf = [&](const char* text) {
        QSqlQuery q(project->connection());
        q.prepare(QStringLiteral("SELECT id FROM samples WHERE text = ?"));
        q.addBindValue(QString::fromUtf8(text));
        return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
    };
    EmbeddingEndpoint e;
    e.baseUrl = server.url();
    e.model = QStringLiteral("stub");
    e.apiKeyVariable = QStringLiteral("SYNTHSCOPE_TEST_KEY");
    qputenv("SYNTHSCOPE_TEST_KEY", "secret");
    ASSERT_TRUE(embedProjectWithEndpoint(*project, e, QStringLiteral("stub")).ok());
    // The endpoint is kept with its vectors (the key's variable, not the key).
    const std::optional<EmbeddingEndpoint> kept =
        embeddingEndpointOf(*project, QStringLiteral("stub"));
    ASSERT_TRUE(kept.has_value());
    EXPECT_EQ(kept->baseUrl, server.url());
    EXPECT_EQ(kept->model, QStringLiteral("stub"));
    EXPECT_EQ(kept->apiKeyVariable, QStringLiteral("SYNTHSCOPE_TEST_KEY"));
    EXPECT_FALSE(projectInfo(*project, QStringLiteral("embedding_endpoint:stub"))
                     ->contains(QStringLiteral("secret")));

    // Not the analyses' source yet: the built-in embedding, no request.
    SimilarTextIndex builtIn;
    ASSERT_TRUE(SimilarTextIndex::build(*project, &builtIn).ok());
    EXPECT_FALSE(builtIn.usesEndpoint());
    EXPECT_EQ(builtIn.source(), QStringLiteral("tfidf-svd"));

    ASSERT_TRUE(setAnalysisEmbeddingSource(*project, QStringLiteral("stub")).ok());
    SimilarTextIndex index;
    ASSERT_TRUE(SimilarTextIndex::build(*project, &index).ok());
    ASSERT_TRUE(index.usesEndpoint());
    EXPECT_EQ(index.source(), QStringLiteral("stub"));
    const int before = server.requests;
    QList<std::pair<qint64, float>> ranked;
    const Status s = index.rank(*project, QStringLiteral("banana bread"), 3, &ranked);
    ASSERT_TRUE(s.ok()) << s.error().toStdString();
    EXPECT_EQ(server.requests, before + 1); // the typed text, once
    ASSERT_EQ(ranked.size(), 3);
    EXPECT_EQ(ranked[0].first, idOf("banana bread"));
    EXPECT_NEAR(ranked[0].second, 1.0, 1e-6);
    EXPECT_EQ(ranked[1].first, idOf("a cat"));                        // 0.9928
    EXPECT_EQ(ranked[2].first, idOf("and a third synthetic answer")); // 0.9761
    EXPECT_NEAR(ranked[1].second, 0.99283, 1e-4);

    // A corpus imported after the embedding has no vectors: refused, not silently left out.
    test::importFile(
        *project, QStringLiteral("later"), Role::Real,
        test::writeFile(dir, QStringLiteral("l.jsonl"), "{\"text\":\"banana bread\"}\n"), "text");
    const Status missing = index.rank(*project, QStringLiteral("banana bread"), 3, &ranked);
    ASSERT_FALSE(missing.ok());
    EXPECT_TRUE(missing.error().contains(QStringLiteral("have no embedding from \"stub\"")))
        << missing.error().toStdString();
    ASSERT_TRUE(embedProjectWithEndpoint(*project, e, QStringLiteral("stub")).ok());

    // The same name stored again from a file: the endpoint is forgotten, the built-in used.
    const QString keyed =
        test::writeFile(dir, QStringLiteral("e.jsonl"),
                        "{\"corpus\":\"real\",\"line\":1,\"embedding\":[1,0]}\n"
                        "{\"corpus\":\"real\",\"line\":2,\"embedding\":[0,1]}\n"
                        "{\"corpus\":\"real\",\"line\":3,\"embedding\":[1,1]}\n"
                        "{\"corpus\":\"synthetic\",\"line\":1,\"embedding\":[1,0]}\n"
                        "{\"corpus\":\"synthetic\",\"line\":2,\"embedding\":[0,1]}\n"
                        "{\"corpus\":\"synthetic\",\"line\":3,\"embedding\":[1,1]}\n"
                        "{\"corpus\":\"later\",\"line\":1,\"embedding\":[1,1]}\n");
    ASSERT_TRUE(importEmbeddingsFromFile(*project, keyed, QStringLiteral("stub")).ok());
    EXPECT_FALSE(embeddingEndpointOf(*project, QStringLiteral("stub")).has_value());
    SimilarTextIndex fallback;
    ASSERT_TRUE(SimilarTextIndex::build(*project, &fallback).ok());
    EXPECT_FALSE(fallback.usesEndpoint());
}

TEST(EmbeddingImport, FromAFieldAndFromAKeyedFile) {
    QTemporaryDir dir;
    auto project = test::newProject(dir);
    test::importFile(*project, QStringLiteral("c"), Role::Real,
                     test::writeFile(dir, QStringLiteral("c.jsonl"),
                                     "{\"text\":\"one\",\"vec\":[1,0]}\n"
                                     "{\"text\":\"two\",\"vec\":[0,1]}\n"
                                     "{\"text\":\"three\"}\n"),
                     "text");
    // The third record has no vector: nothing is stored, the error names the sample.
    Status s = importEmbeddingsFromField(*project, QStringLiteral("vec"), QStringLiteral("mine"));
    ASSERT_FALSE(s.ok());
    EXPECT_TRUE(s.error().contains(QStringLiteral("line 3"))) << s.error().toStdString();
    EXPECT_TRUE(embeddingSources(*project).isEmpty());

    const QString keyed = test::writeFile(dir, QStringLiteral("e.jsonl"),
                                          "{\"corpus\":\"c\",\"line\":1,\"embedding\":[1,0]}\n"
                                          "{\"corpus\":\"c\",\"line\":2,\"embedding\":[0,1]}\n"
                                          "{\"corpus\":\"c\",\"line\":9,\"embedding\":[1,1]}\n");
    s = importEmbeddingsFromFile(*project, keyed, QStringLiteral("mine"));
    ASSERT_FALSE(s.ok());
    EXPECT_TRUE(s.error().contains(QStringLiteral("line 3"))) << s.error().toStdString();
    const QString good = test::writeFile(dir, QStringLiteral("g.jsonl"),
                                         "{\"corpus\":\"c\",\"line\":3,\"embedding\":[1,1]}\n"
                                         "{\"corpus\":\"c\",\"line\":1,\"embedding\":[1,0]}\n"
                                         "{\"corpus\":\"c\",\"line\":2,\"embedding\":[0,1]}\n");
    ASSERT_TRUE(importEmbeddingsFromFile(*project, good, QStringLiteral("mine")).ok());
    ASSERT_EQ(embeddingSources(*project).size(), 1);
    EXPECT_EQ(embeddingSources(*project)[0].second, 3);
}

TEST(EmbeddingImport, TheProjectRemembersWhichSourceTheAnalysesUse) {
    QTemporaryDir dir;
    auto project = test::newProject(dir);
    test::importFile(*project, QStringLiteral("c"), Role::Real,
                     test::writeFile(dir, QStringLiteral("c.jsonl"),
                                     "{\"text\":\"one\",\"vec\":[1,0]}\n"
                                     "{\"text\":\"two\",\"vec\":[0,1]}\n"),
                     "text");
    EXPECT_TRUE(analysisEmbeddingSource(*project).isEmpty()); // built in by default
    EXPECT_FALSE(setAnalysisEmbeddingSource(*project, QStringLiteral("nope")).ok());
    EmbeddingSpec spec;
    spec.kind = EmbeddingSpec::Kind::Field;
    spec.source = QStringLiteral("vec");
    spec.field = QStringLiteral("vec");
    ASSERT_TRUE(runEmbedding(*project, spec).ok());
    ASSERT_TRUE(setAnalysisEmbeddingSource(*project, QStringLiteral("vec")).ok());
    EXPECT_EQ(analysisEmbeddingSource(*project), QStringLiteral("vec"));
    ASSERT_TRUE(setAnalysisEmbeddingSource(*project, QString()).ok());
    EXPECT_TRUE(analysisEmbeddingSource(*project).isEmpty());
    // The built-in name cannot be taken by imported vectors.
    spec.source = QStringLiteral("tfidf-svd");
    EXPECT_FALSE(runEmbedding(*project, spec).ok());
    // Nor can the built-in vectors of the prompts and responses views.
    spec.source = QStringLiteral("tfidf-svd:prompts");
    EXPECT_FALSE(runEmbedding(*project, spec).ok());
    EXPECT_TRUE(isReservedEmbeddingName(QStringLiteral("tfidf-svd:responses")));
    EXPECT_FALSE(isReservedEmbeddingName(QStringLiteral("tfidf-svd-large")));
    // And an analysis does not take another view's built-in vectors by name.
    analysis::AnalysisParams params;
    params.similarity.embeddingSource = "tfidf-svd:prompts";
    const Status s = runAnalysis(*project, params, {}, nullptr);
    EXPECT_FALSE(s.ok());
    EXPECT_TRUE(s.error().contains(QStringLiteral("built-in embeddings of another view")))
        << s.error().toStdString();
}

// Vectors computed elsewhere, as a NumPy array in project order (issue 16): row i is the i-th
// sample by id. float32 and float64, C and Fortran order give the same vectors; every malformed
// array fails with the reason and writes nothing.
TEST(EmbeddingImport, FromANumPyArrayInProjectOrder) {
    QTemporaryDir dir;
    auto project = test::newProject(dir);
    test::importFile(
        *project, QStringLiteral("c"), Role::Real,
        test::writeFile(dir, QStringLiteral("c.jsonl"),
                        "{\"text\":\"one\"}\n{\"text\":\"two\"}\n{\"text\":\"three\"}\n"),
        "text");
    const auto stored = [&](const QString& source) {
        std::vector<std::vector<float>> out; // by sample id
        QSqlQuery q(project->connection());
        q.prepare(QStringLiteral("SELECT vector FROM embeddings WHERE source = ? ORDER BY "
                                 "sample_id"));
        q.addBindValue(source);
        EXPECT_TRUE(q.exec());
        while (q.next()) {
            const QByteArray blob = q.value(0).toByteArray();
            std::vector<float> v(static_cast<std::size_t>(blob.size()) / sizeof(float));
            std::memcpy(v.data(), blob.constData(), static_cast<std::size_t>(blob.size()));
            out.push_back(v);
        }
        return out;
    };
    const std::vector<std::vector<float>> expected = {{1, 2}, {3, 4}, {5, 6.5}};
    ASSERT_TRUE(importEmbeddingsFromFile(*project,
                                         test::writeNpy(dir, QStringLiteral("c.npy"), "<f4",
                                                        "(3, 2)", {1, 2, 3, 4, 5, 6.5}),
                                         QStringLiteral("f4"))
                    .ok());
    EXPECT_EQ(stored(QStringLiteral("f4")), expected);
    // Column-major float64: the same array.
    const Status f8 = importEmbeddingsFromFile(
        *project,
        test::writeNpy(dir, QStringLiteral("f.npy"), "<f8", "(3, 2)", {1, 3, 5, 2, 4, 6.5}, true),
        QStringLiteral("f8"));
    ASSERT_TRUE(f8.ok()) << f8.error().toStdString();
    EXPECT_EQ(stored(QStringLiteral("f8")), expected);

    const std::pair<QString, QString> bad[] = {
        {test::writeNpy(dir, QStringLiteral("rows.npy"), "<f4", "(2, 2)", {1, 2, 3, 4}),
         QStringLiteral("has 2 rows, but the project has 3 samples")},
        {test::writeNpy(dir, QStringLiteral("flat.npy"), "<f4", "(3,)", {1, 2, 3}),
         QStringLiteral("two-dimensional")},
        {test::writeNpy(dir, QStringLiteral("int.npy"), "<i4", "(3, 1)", {1, 2, 3}),
         QStringLiteral("<i4")},
        {test::writeNpy(dir, QStringLiteral("short.npy"), "<f4", "(3, 2)", {1, 2, 3, 4, 5}),
         QStringLiteral("20 bytes of data where a 3 × 2 array needs 24")},
        {test::writeNpy(dir, QStringLiteral("nan.npy"), "<f4", "(3, 1)", {1, std::nan(""), 3}),
         QStringLiteral("row 1")},
        {test::writeFile(dir, QStringLiteral("text.npy"), "not numpy at all"),
         QStringLiteral("not a NumPy .npy file")},
        // A hostile shape whose byte count overflows 64 bits (3 × 768614336404564651 × 8 wraps
        // to 8): refused by the size check, never read past the data.
        {test::writeNpy(dir, QStringLiteral("huge.npy"), "<f8", "(3, 768614336404564651)", {1}),
         QStringLiteral("needs more")},
        {test::writeNpy(dir, QStringLiteral("empty.npy"), "<f4", "(3, 0)", {}),
         QStringLiteral("its shape is (3, 0)")},
        {test::writeNpy(dir, QStringLiteral("big.npy"), "<f8", "(3, 1)", {1, 1e300, 3}),
         QStringLiteral("float32's range")},
    };
    for (const auto& [path, reason] : bad) {
        // Under the name of stored vectors: a refused file leaves them as they were.
        const Status s = importEmbeddingsFromFile(*project, path, QStringLiteral("f4"));
        ASSERT_FALSE(s.ok()) << path.toStdString();
        EXPECT_TRUE(s.error().contains(reason)) << s.error().toStdString();
        EXPECT_EQ(stored(QStringLiteral("f4")), expected);
    }
}
