#pragma once

#include "analysis/Progress.h"
#include "model/Project.h"

#include <QString>
#include <QUrl>

#include <optional>

namespace synthscope::model {

/// Where an OpenAI-compatible embeddings endpoint is and how to call it.
struct EmbeddingEndpoint {
    /// Base URL, e.g. "http://127.0.0.1:8080/v1"; requests go to <base>/embeddings.
    QUrl baseUrl;
    QString model;
    /// Name of the environment variable holding the API key (sent as "Authorization: Bearer");
    /// empty: no key. The key itself is never stored in the project.
    QString apiKeyVariable;
    int batchSize = 64;     ///< texts per request
    int attempts = 3;       ///< per batch; retried on network errors, HTTP 429 and 5xx
    int timeoutMs = 60000;  ///< per request
    int retryDelayMs = 500; ///< doubled after each failed attempt
};

/// Embeds texts through the endpoint (POST <base>/embeddings with {"model", "input": [...]};
/// the response's data[i].embedding, placed by data[i].index). Blocks the calling thread
/// (which must not be the GUI thread) with its own event loop. out receives one vector per
/// text; every vector must have the same, non-zero dimension. Failure (unreachable host,
/// HTTP error after the retries, malformed response) returns a Status naming the URL and
/// the reason. *requests (if given) receives the number of HTTP requests made.
Status embedTexts(const EmbeddingEndpoint& endpoint, const QStringList& texts,
                  std::vector<std::vector<float>>* out, const analysis::Progress& progress = {},
                  int* requests = nullptr);

/// Embeds every sample of the project (its whole text) through the endpoint and stores the
/// vectors under source (replacing that source's vectors) in one transaction, together with
/// the endpoint's URL, model and key variable (embeddingEndpointOf; never the key). Throws nothing;
/// Cancelled becomes a failed Status and nothing is written.
Status embedProjectWithEndpoint(Project& project, const EmbeddingEndpoint& endpoint,
                                const QString& source, const analysis::Progress& progress = {});

/// Stores the vectors the records already carry: field names a numeric array in every
/// sample's original JSON record (JSON Lines or JSON array imports). Every sample must have
/// one, all of one dimension, or nothing is written and the Status names the first
/// offending sample (corpus, file, line).
Status importEmbeddingsFromField(Project& project, const QString& field, const QString& source,
                                 const analysis::Progress& progress = {});

/// Stores vectors from a separate file. JSON Lines keyed by row: each line
/// {"corpus": <corpus name>, "line": <source line of the sample>, "embedding": [numbers]}.
/// Every sample must receive exactly one vector of one dimension; a malformed line, an
/// unknown (corpus, line) or a missing sample fails with file and line, writing nothing.
/// A path ending in ".npy" is a NumPy array (numpy.lib.format 1.0–3.0, little-endian float32
/// or float64, C or Fortran order) of shape (samples, d) keyed by row order: row i is the i-th
/// sample in project order (sample ids ascending: corpora in import order, each in file
/// order; a preference pair's first output before its second), as written by an engine that
/// embedded the exported records. A wrong row count, dtype, shape, size or a non-finite value
/// fails with the file and the reason, writing nothing.
Status importEmbeddingsFromFile(Project& project, const QString& path, const QString& source,
                                const analysis::Progress& progress = {});

/// One way to obtain embeddings, stored under `source`.
struct EmbeddingSpec {
    enum class Kind { Field, File, Endpoint };
    Kind kind = Kind::Field;
    QString source;
    QString field; ///< Kind::Field: the records' numeric array field
    QString file;  ///< Kind::File: JSON Lines keyed by corpus and line, or a .npy in row order
    EmbeddingEndpoint endpoint; ///< Kind::Endpoint
};

/// Runs the spec (importEmbeddingsFromField, importEmbeddingsFromFile or
/// embedProjectWithEndpoint).
Status runEmbedding(Project& project, const EmbeddingSpec& spec,
                    const analysis::Progress& progress = {});

/// The embedding source the project's analyses use (kept in the project): empty for the
/// built-in TF-IDF/SVD embeddings.
QString analysisEmbeddingSource(Project& project);
/// Sets it (empty: the built-in embeddings); the source must exist in the embeddings table.
Status setAnalysisEmbeddingSource(Project& project, const QString& source);

/// The sources in the embeddings table with the number of samples each covers.
QList<std::pair<QString, qint64>> embeddingSources(Project& project);

/// The endpoint that made source's vectors (embedProjectWithEndpoint), so that a typed text can
/// be embedded the same way; nullopt for vectors imported from a field or a file (storing those
/// under a name forgets any endpoint it had) and for an unknown source.
std::optional<EmbeddingEndpoint> embeddingEndpointOf(Project& project, const QString& source);

/// Whether name belongs to the built-in embeddings ("tfidf-svd", and "tfidf-svd:prompts" /
/// "tfidf-svd:responses" of the other views): not a name for embeddings of one's own.
bool isReservedEmbeddingName(const QString& name);

} // namespace synthscope::model
