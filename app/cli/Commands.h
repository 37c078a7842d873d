#pragma once

#include <QStringList>

namespace synthscope::cli {

/// Exit codes of synthscope-cli.
enum Exit : int {
    Ok = 0,        ///< done
    Finding = 1,   ///< done, but the data failed a check (e.g. rows were rejected)
    UsageOrIo = 2, ///< bad arguments, unreadable files, a project that cannot be opened
};

/// Runs `synthscope-cli <command> [options]` (arguments as from QCoreApplication::arguments()).
/// Commands: import, analyze, embed, layout, gate, trend, ratio-gradient, report, summary,
/// export, rejects, corpus (`<command> --help` prints that command's usage and options and
/// exits 0). Messages go to stderr,
/// results to stdout. Ctrl+C cancels a running import or analysis; the project stays as it was.
int run(const QStringList& arguments);

} // namespace synthscope::cli
