#include "model/SimilarText.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstring>
#include <numeric>
#include <string>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

namespace {
/// The translation context of this file's messages (lupdate reads the macro).
struct SimilarTextText {
    Q_DECLARE_TR_FUNCTIONS(synthscope::model::SimilarText)
};
} // namespace

namespace {
// The samples at most `top` with the highest cosine, highest first, ties by id, cosine > 0.
QList<std::pair<qint64, float>> topByCosine(std::vector<std::pair<qint64, float>> scored, int top) {
    QList<std::pair<qint64, float>> out;
    if (top <= 0)
        return out;
    const auto kept = std::min<std::size_t>(static_cast<std::size_t>(top), scored.size());
    std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(kept),
                      scored.end(), [](const auto& a, const auto& b) {
                          return a.second != b.second ? a.second > b.second : a.first < b.first;
                      });
    for (std::size_t k = 0; k < kept && scored[k].second > 0.0f; ++k)
        out.append(scored[k]); // at cosine ≤ 0 a sample shares nothing with the text
    return out;
}
} // namespace

Status SimilarTextIndex::build(Project& project, SimilarTextIndex* out,
                               const analysis::Progress& progress) {
    const QString source = analysisEmbeddingSource(project);
    if (!source.isEmpty()) {
        if (std::optional<EmbeddingEndpoint> endpoint = embeddingEndpointOf(project, source)) {
            SimilarTextIndex index;
            index.m_source = source;
            index.m_endpoint = std::move(endpoint);
            *out = std::move(index);
            return {};
        }
    }
    QSqlQuery q(project.connection());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT s.id, " SYNTHSCOPE_VIEW_TEXT_SQL
                " FROM samples s WHERE " SYNTHSCOPE_VIEW_TEXT_SQL " IS NOT NULL ORDER BY s.id"_s))
        return Status::failure(q.lastError().text());
    std::vector<std::string> texts;
    SimilarTextIndex index;
    index.m_source = u"tfidf-svd"_s;
    while (q.next()) {
        index.m_ids.push_back(q.value(0).toLongLong());
        texts.push_back(q.value(1).toString().toStdString());
    }
    if (texts.empty())
        return Status::failure(SimilarTextText::tr("no sample has text to compare with"));
    const analysis::TokenizedCorpus corpus =
        analysis::tokenizeCorpus(texts, index.m_vocabulary, progress.sub(0.0, 0.3));
    texts = {};
    const analysis::TokenizedCorpus* corpora[] = {&corpus};
    index.m_embeddings = analysis::embedTfIdfSvd(corpora, analysis::EmbeddingParams{},
                                                 progress.sub(0.3, 1.0), &index.m_model);
    *out = std::move(index);
    return {};
}

Status SimilarTextIndex::rank(Project& project, const QString& text, int top,
                              QList<std::pair<qint64, float>>* out,
                              const analysis::Progress& progress) const {
    out->clear();
    if (!m_endpoint) {
        *out = rankBuiltIn(text, top);
        return {};
    }
    std::vector<std::vector<float>> embedded;
    if (Status s = embedTexts(*m_endpoint, {text}, &embedded, progress.sub(0.0, 0.2)); !s)
        return s;
    const Eigen::Map<const Eigen::VectorXf> raw(embedded[0].data(),
                                                static_cast<Eigen::Index>(embedded[0].size()));
    const Eigen::VectorXf query = raw.normalized();
    // Samples imported after the embedding have no vector: ranking without them would
    // silently leave them out.
    QSqlQuery missing(project.connection());
    missing.prepare(u"SELECT count(*) FROM samples s WHERE " SYNTHSCOPE_VIEW_TEXT_SQL
                    " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM embeddings e WHERE e.sample_id = "
                    "s.id AND e.source = ?)"_s);
    missing.addBindValue(m_source);
    if (!missing.exec() || !missing.next())
        return Status::failure(missing.lastError().text());
    if (const qint64 n = missing.value(0).toLongLong(); n > 0)
        return Status::failure(
            SimilarTextText::tr("%n sample(s) have no embedding from \"%1\" (imported after it?); "
                                "embed the project again in Analysis → Embeddings",
                                nullptr, static_cast<int>(std::min<qint64>(n, INT_MAX)))
                .arg(m_source));
    missing.finish();
    QSqlQuery q(project.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT e.sample_id, e.vector FROM embeddings e JOIN samples s ON s.id = "
              "e.sample_id WHERE e.source = ? AND " SYNTHSCOPE_VIEW_TEXT_SQL " IS NOT NULL"_s);
    q.addBindValue(m_source);
    if (!q.exec())
        return Status::failure(q.lastError().text());
    // One pass; the best `top` kept in a bounded buffer pruned now and then.
    std::vector<std::pair<qint64, float>> best;
    const auto limit = static_cast<std::size_t>(std::max(top, 1)) * 4 + 1024;
    std::size_t seen = 0;
    while (q.next()) {
        if (++seen % 4096 == 0) {
            progress.report(0.2 + 0.8 * std::min(1.0, static_cast<double>(seen) / 1e6),
                            "comparing with the stored embeddings");
            if (progress.isCancelled())
                throw analysis::Cancelled();
        }
        const QByteArray blob = q.value(1).toByteArray();
        if (blob.size() != static_cast<qsizetype>(query.size() * sizeof(float)))
            return Status::failure(
                SimilarTextText::tr("the endpoint embedded the text in %1 dimensions, but the "
                                    "stored embeddings \"%2\" have %3; embed the project again")
                    .arg(query.size())
                    .arg(m_source)
                    .arg(blob.size() / static_cast<qsizetype>(sizeof(float))));
        Eigen::VectorXf v(query.size());
        std::memcpy(v.data(), blob.constData(), static_cast<std::size_t>(blob.size()));
        const float norm = v.norm();
        best.emplace_back(q.value(0).toLongLong(), norm > 0.0f ? v.dot(query) / norm : 0.0f);
        if (best.size() >= limit) {
            const QList<std::pair<qint64, float>> kept = topByCosine(std::move(best), top);
            best.assign(kept.begin(), kept.end());
        }
    }
    *out = topByCosine(std::move(best), top);
    return {};
}

QList<std::pair<qint64, float>> SimilarTextIndex::rankBuiltIn(const QString& text, int top) const {
    std::vector<std::uint32_t> tokens;
    const std::string utf8 = text.toStdString();
    analysis::WordTokens words(utf8);
    while (words.next()) {
        const std::uint32_t id = m_vocabulary.find(words.folded());
        tokens.push_back(id == UINT32_MAX ? analysis::kUnknownToken : id);
    }
    const Eigen::RowVectorXf query = m_model.embed(tokens);
    if (query.isZero() || m_ids.empty() || top <= 0)
        return {};
    const Eigen::VectorXf cosine = m_embeddings * query.transpose();
    std::vector<std::pair<qint64, float>> scored(m_ids.size());
    for (std::size_t i = 0; i < m_ids.size(); ++i)
        scored[i] = {m_ids[i], cosine(static_cast<Eigen::Index>(i))};
    return topByCosine(std::move(scored), top);
}

} // namespace synthscope::model
