#pragma once

#include "analysis/Layout.h"
#include "analysis/Pipeline.h"
#include "model/Project.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace synthscope::model {

/// Source name of the built-in embeddings (TF-IDF → randomised SVD) in the embeddings table.
inline constexpr char kBuiltInEmbedding[] = "tfidf-svd";

/// The built-in embeddings of view's texts: kBuiltInEmbedding for All, "tfidf-svd:prompts" and
/// "tfidf-svd:responses" for the others (each view's analysis keeps its own vectors).
QString builtInEmbeddingSource(AnalysisView view);
/// Whether source is one of builtInEmbeddingSource()'s names.
bool isBuiltInEmbeddingSource(const QString& source);

/// Runs the analyses (analysis::analyzeCorpora) over every corpus of project in its view
/// (Project::view(), read once at the start: samples.text, prompt or response; samples without
/// that part and, outside All, corpora without any are left out; outside All the built-in
/// embeddings are used, since an imported source embeds the whole text) and stores the
/// run (load → analyse → encode with model/AnalysisRecord → write): its parameters, its lists
/// and histograms (runs.result, format kResultFormat), every scalar metric (metrics: the one
/// source of numbers), the embedding source it used (runs.embedding_source),
/// per-sample scores (sample_scores: skeleton group, perplexity, duplicate group, cluster,
/// nearest-neighbour cosines, synthetic-likeness, map position), skeleton groups, duplicate
/// groups, clusters, the nearest real neighbours of every synthetic sample (neighbours) and
/// the built-in embeddings (embeddings, source builtInEmbeddingSource(view)); only the newest
/// run of each view keeps per-sample rows. With params.similarity.embeddingSource other than
/// kBuiltInEmbedding the embeddings of that source are read from the project (every sample must
/// have one, all of one dimension, else a failed Status). Reads and writes through the calling
/// thread's connection; the write is one transaction. Cancelled (from progress) propagates as a
/// failed Status; nothing is written then. *runId receives the new run's id.
Status runAnalysis(Project& project, const analysis::AnalysisParams& params,
                   const analysis::Progress& progress, qint64* runId);
/// The same for a view chosen by the caller (a job started in one view runs in it even when the
/// project's view changes before the worker reads it).
Status runAnalysis(Project& project, AnalysisView view, const analysis::AnalysisParams& params,
                   const analysis::Progress& progress, qint64* runId);

/// The newest analysis run of the project's view and the embedding source it used
/// (runs.embedding_source; empty when it computed no embeddings); nullopt when no analysis has run.
/// Reads no result blob.
struct NewestAnalysis {
    qint64 runId = 0;
    QString embeddingSource;
};
std::optional<NewestAnalysis> newestAnalysis(Project& project);

/// Appends one stored embedding (the embeddings.vector blob: little-endian float32 ×
/// dimension) to out. *dimension is set by the first vector (when 0) and every later one must
/// match it; false for an empty or mismatched vector, out unchanged.
bool appendEmbedding(const QByteArray& blob, std::vector<float>* out, std::size_t* dimension);

/// Computes the neighbour-preserving layout (analysis::neighbourLayout) of the newest run's
/// samples from the embeddings that run used, starting from its PCA map, and stores it in
/// sample_scores (layout_x, layout_y) in one transaction. Fails when there is no run or the
/// run's embeddings are no longer in the project; Cancelled writes nothing.
Status runNeighbourLayout(Project& project, const analysis::LayoutParams& params,
                          const analysis::Progress& progress);

/// Stores 2-D map coordinates computed elsewhere (UMAP, t-SNE, Nomic Atlas, Embedding Atlas …)
/// as the newest run's layout, in place of the neighbour layout: xField and yField name numbers
/// (or numeric strings) in each sample's stored original record (JSON objects; a CSV/TSV row is
/// stored as one keyed by its header). The coordinates belong to that run: a new analysis
/// starts without them and runNeighbourLayout replaces them. Every sample on the run's map needs
/// both, finite; otherwise nothing is written and the Status names the first offending sample
/// (corpus, file, line). One transaction; the layout is named "xField, yField" on the map
/// (layoutName()) until runNeighbourLayout or a new analysis replaces it. Units are the source's
/// own (the map scales to fit).
Status importLayoutFromFields(Project& project, const QString& xField, const QString& yField,
                              const analysis::Progress& progress = {});

/// What the newest run's layout is: empty for the neighbour layout (or none yet), else the
/// field names the coordinates were imported from ("x, y").
QString layoutName(Project& project);

} // namespace synthscope::model
