#pragma once

#include "analysis/Embedding.h"
#include "analysis/Progress.h"
#include "analysis/Tokenizer.h"
#include "model/EmbeddingSources.h"
#include "model/Project.h"
#include "model/Status.h"

#include <QList>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace synthscope::model {

/// "Similar to this text": a typed text embedded with the project's embedding source and every
/// sample ranked by cosine to it. Two sources can embed a typed text:
///
/// - **An endpoint** (Analysis → Embeddings, `synthscope-cli embed --endpoint`) chosen as the
///   analyses' source (analysisEmbeddingSource): the text goes to the same endpoint and model
///   (embeddingEndpointOf) and is compared with the stored vectors of every sample, read in
///   one streaming pass (memory: the top list, not the n × d matrix). Those vectors embed a
///   sample's whole text, whatever the view.
/// - **The built-in embedding** otherwise (TF-IDF word uni- and bigrams reduced by a randomised
///   SVD to 256 dimensions, analysis::embedTfIdfSvd with its default parameters), fitted on
///   the texts of the project's view and kept so that a typed text is embedded by folding-in
///   (analysis::TfIdfSvdModel). The fit covers the samples there are now (imports after the
///   last analysis included), not the stored vectors of that analysis. Vectors imported from a
///   field or a file cannot embed a typed text, so with such a source chosen the built-in
///   embedding is used (usesEndpoint() false) and the caller says so.
///
/// Confounds: TF-IDF cosine follows shared words, so a query in another language or with only
/// words no sample has finds nothing (an empty ranking); short texts share fewer words. An
/// endpoint's cosine follows whatever its model learned; its scale differs between models.
class SimilarTextIndex {
public:
    /// Prepares the index for the project's view: with an endpoint source, remembers the
    /// endpoint (no request made yet); otherwise fits the built-in embedding on every sample of
    /// the view (ids ascending). Reports progress and stops when asked (analysis::Cancelled).
    /// Errors: SQLite's message; a project with no text in the view ("no sample has text to
    /// compare with").
    static Status build(Project& project, SimilarTextIndex* out,
                        const analysis::Progress& progress = {});

    /// Puts in *out the at most top samples most similar to text, by cosine (in (0, 1]),
    /// highest first (ties by id); samples at cosine ≤ 0 are left out. With the built-in
    /// embedding, empty when none of text's words is a feature (in at least two samples and
    /// among the 2¹⁸ most frequent uni- and bigrams). With an endpoint: one request, then one
    /// pass over the source's stored vectors; errors are the endpoint's (embedTexts), samples of
    /// the view without a stored vector (imported after the embedding: embed again), a vector
    /// of another dimension than the text's, or SQLite's. project must be the one built on.
    Status rank(Project& project, const QString& text, int top,
                QList<std::pair<qint64, float>>* out,
                const analysis::Progress& progress = {}) const;

    /// Whether a typed text goes to an endpoint (false: the built-in embedding).
    [[nodiscard]] bool usesEndpoint() const { return m_endpoint.has_value(); }
    /// The source whose vectors are ranked: the endpoint's source name, or "tfidf-svd".
    [[nodiscard]] const QString& source() const { return m_source; }

private:
    [[nodiscard]] QList<std::pair<qint64, float>> rankBuiltIn(const QString& text, int top) const;

    QString m_source;
    std::optional<EmbeddingEndpoint> m_endpoint;
    analysis::Vocabulary m_vocabulary;
    analysis::TfIdfSvdModel m_model;
    analysis::RowMatrixXf m_embeddings; ///< one L2-normalised row per id
    std::vector<qint64> m_ids;
};

} // namespace synthscope::model
