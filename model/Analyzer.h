#pragma once

#include "analysis/Compare.h"
#include "model/Project.h"

namespace synthscope::model {

/// Runs the analyses (analysis::analyzeCorpora) over every corpus of project and stores the
/// run: its parameters, the full result as JSON (runs.result), the scalar metrics (metrics)
/// and the nearest real neighbours of every synthetic sample (neighbours; only the newest
/// run keeps them). Reads and writes through the calling thread's connection; the write is
/// one transaction. Cancelled (from progress) propagates as a failed Status; nothing is
/// written then. *runId receives the new run's id.
Status runAnalysis(Project& project, const analysis::AnalysisParams& params,
                   const analysis::Progress& progress, qint64* runId);

} // namespace synthscope::model
