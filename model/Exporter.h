#pragma once

#include "analysis/Progress.h"
#include "model/Project.h"
#include "model/RecordReader.h"

#include <QString>

#include <optional>

namespace synthscope::model {

/// Which samples an export takes. Unset parts do not filter.
struct ExportFilter {
    enum class Tags { Any, Untagged, Tagged, Named };
    enum class Decisions { Any, Keep, Drop, Undecided };

    std::optional<QString> corpus; ///< corpus name
    std::optional<Role> role;
    Tags tags = Tags::Any;
    QString tagName; ///< with Tags::Named
    Decisions decisions = Decisions::Any;

    [[nodiscard]] Json toJson() const;
    /// Parses the CLI/GUI words: tag "any" | "none" | "tagged" | a tag name;
    /// decision "any" | "keep" | "drop" | "undecided". False with *error for an unknown word.
    static bool parseDecision(const QString& word, Decisions* out, QString* error);
    static void parseTag(const QString& word, ExportFilter* filter);
};

struct ExportReport {
    qint64 samples = 0;
    QString outputPath;
    QString manifestPath;
    QString sha256; ///< hex digest of the output file
};

/// Number of samples matching filter.
qint64 countMatching(Project& project, const ExportFilter& filter, QString* error = nullptr);

/// Writes the samples matching filter to outputPath as JSON Lines of their original records
/// (verbatim; JSON-array elements that span lines are written compact), and a manifest
/// outputPath + ".manifest.json" (filter, counts per corpus and role, SHA-256 of the output,
/// project, time, app version). Both files are written atomically (QSaveFile): a failure or
/// cancel leaves no partial file. Fails when the filter names an unknown corpus or tag.
Status exportSamples(Project& project, const ExportFilter& filter, const QString& outputPath,
                     const analysis::Progress& progress, ExportReport* report);

/// The manifest path for an output path.
QString manifestPathFor(const QString& outputPath);

} // namespace synthscope::model
