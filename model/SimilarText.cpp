#include "model/SimilarText.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cstdint>
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

Status SimilarTextIndex::build(const Project& project, SimilarTextIndex* out,
                               const analysis::Progress& progress) {
    QSqlQuery q(project.connection());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT s.id, " SYNTHSCOPE_VIEW_TEXT_SQL
                " FROM samples s WHERE " SYNTHSCOPE_VIEW_TEXT_SQL " IS NOT NULL ORDER BY s.id"_s))
        return Status::failure(q.lastError().text());
    std::vector<std::string> texts;
    SimilarTextIndex index;
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

QList<std::pair<qint64, float>> SimilarTextIndex::rank(const QString& text, int top) const {
    std::vector<std::uint32_t> tokens;
    const std::string utf8 = text.toStdString();
    analysis::WordTokens words(utf8);
    while (words.next()) {
        const std::uint32_t id = m_vocabulary.find(words.folded());
        tokens.push_back(id == UINT32_MAX ? analysis::kUnknownToken : id);
    }
    const Eigen::RowVectorXf query = m_model.embed(tokens);
    QList<std::pair<qint64, float>> out;
    if (query.isZero() || m_ids.empty() || top <= 0)
        return out;
    const Eigen::VectorXf cosine = m_embeddings * query.transpose();
    std::vector<std::size_t> order(m_ids.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    const auto kept = std::min<std::size_t>(static_cast<std::size_t>(top), order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(kept), order.end(),
                      [&](std::size_t a, std::size_t b) {
                          const float ca = cosine(static_cast<Eigen::Index>(a));
                          const float cb = cosine(static_cast<Eigen::Index>(b));
                          return ca != cb ? ca > cb : m_ids[a] < m_ids[b];
                      });
    for (std::size_t k = 0; k < kept; ++k) {
        const float c = cosine(static_cast<Eigen::Index>(order[k]));
        if (c <= 0.0f)
            break; // shares nothing with the text: not similar, whatever the count asked
        out.append({m_ids[order[k]], c});
    }
    return out;
}

} // namespace synthscope::model
