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

/// Runs program with args, waiting at most timeoutMs.
inline Result runProgram(const QString& program, const QStringList& args, int timeoutMs = 300000) {
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
inline Result cli(const QStringList& args, int timeoutMs = 300000) {
    return runProgram(QStringLiteral(SYNTHSCOPE_CLI), args, timeoutMs);
}

} // namespace synthscope::test
