#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

#include <gtest/gtest.h>

namespace synthscope::test {

/// What one run of synthscope-cli printed and returned (exit code −1: it crashed or hung).
struct Result {
    int exitCode = -1;
    QString out;
    QString err;
};

#ifndef SYNTHSCOPE_TIME_FACTOR
#error "define SYNTHSCOPE_TIME_FACTOR (tests/CMakeLists.txt)"
#endif

/// How long one command may run before it counts as hung: 5 minutes times
/// SYNTHSCOPE_TIME_FACTOR (1; 3 when CMAKE_CXX_FLAGS has -fsanitize=, headroom for the
/// sanitizers' 4–7× slowdown; see tests/CMakeLists.txt). A hang guard that names the command,
/// not a speed check.
inline constexpr int kCommandTimeoutMs = 300000 * SYNTHSCOPE_TIME_FACTOR;

/// Runs program with args, waiting at most timeoutMs.
inline Result runProgram(const QString& program, const QStringList& args,
                         int timeoutMs = kCommandTimeoutMs) {
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs)) {
        ADD_FAILURE() << program.toStdString() << " " << args.join(u' ').toStdString()
                      << " ran over " << timeoutMs << " ms";
        p.kill();
        p.waitForFinished();
        return {-1, QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

/// Runs the real synthscope-cli binary (SYNTHSCOPE_CLI) with args, waiting at most timeoutMs.
inline Result cli(const QStringList& args, int timeoutMs = kCommandTimeoutMs) {
    return runProgram(QStringLiteral(SYNTHSCOPE_CLI), args, timeoutMs);
}

} // namespace synthscope::test
