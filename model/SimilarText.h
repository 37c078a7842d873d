#pragma once

#include "analysis/Embedding.h"
#include "analysis/Progress.h"
#include "analysis/Tokenizer.h"
#include "model/Project.h"
#include "model/Status.h"

#include <QList>
#include <QString>

#include <utility>
#include <vector>

namespace synthscope::model {

/// "Similar to this text": the built-in embedding (TF-IDF word uni- and bigrams reduced by a
/// randomised SVD to 256 dimensions, analysis::embedTfIdfSvd with the analyses' parameters)
/// fitted on the texts of the project's view, kept so that a typed text can be embedded by
/// folding-in (analysis::TfIdfSvdModel) and every sample ranked by cosine to it.
///
/// The fit is the analyses' method on the samples there are now (samples imported after the
/// last analysis included), not the stored vectors of that analysis; a source configured in
/// Analysis → Embeddings (an endpoint or imported vectors) is not used here.
/// Confounds: TF-IDF cosine follows shared words, so a query in another language or with
/// only words no sample has finds nothing (an empty ranking); short texts share fewer words.
class SimilarTextIndex {
public:
    /// Fits the index on every sample of the project's view (ids ascending). Reports progress
    /// and stops when asked (analysis::Cancelled). Errors: SQLite's message; a project with
    /// no text in the view ("no sample has text to compare with").
    static Status build(const Project& project, SimilarTextIndex* out,
                        const analysis::Progress& progress = {});

    /// The at most top samples most similar to text, by cosine (in (0, 1]), highest first
    /// (ties by id); samples at cosine ≤ 0 are left out. Empty when none of text's words is
    /// a feature (in at least two samples and among the 2¹⁸ most frequent uni- and bigrams).
    [[nodiscard]] QList<std::pair<qint64, float>> rank(const QString& text, int top) const;

    /// How many samples the index holds.
    [[nodiscard]] std::size_t size() const { return m_ids.size(); }

private:
    analysis::Vocabulary m_vocabulary;
    analysis::TfIdfSvdModel m_model;
    analysis::RowMatrixXf m_embeddings; ///< one L2-normalised row per id
    std::vector<qint64> m_ids;
};

} // namespace synthscope::model
