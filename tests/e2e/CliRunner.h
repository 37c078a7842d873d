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

/// Runs the real synthscope-cli binary (SYNTHSCOPE_CLI) with args, waiting at most timeoutMs.
inline Result cli(const QStringList& args, int timeoutMs = 300000) {
    QProcess p;
    p.start(QStringLiteral(SYNTHSCOPE_CLI), args);
    if (!p.waitForFinished(timeoutMs)) {
        ADD_FAILURE() << "synthscope-cli " << args.join(u' ').toStdString() << " ran over "
                      << timeoutMs << " ms";
        p.kill();
        p.waitForFinished();
        return {-1, QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace synthscope::test
