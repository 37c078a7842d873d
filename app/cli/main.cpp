// synthscope-cli: the same import, analyses and export as the GUI, for pipelines.
#include "Commands.h"
#include "analysis/Blas.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstring>
#include <memory>

int main(int argc, char** argv) {
    synthscope::analysis::runBlasOnCallingThread(); // the analyses bring their own threads
    // `report` draws charts and lays out a PDF: that needs fonts, so a QGuiApplication on the
    // offscreen platform (no display needed). Every other command is a plain core application.
    std::unique_ptr<QCoreApplication> app;
    if (argc > 1 && std::strcmp(argv[1], "report") == 0) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setOrganizationName(QStringLiteral("Synthscope"));
    QCoreApplication::setApplicationName(QStringLiteral("synthscope-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SYNTHSCOPE_VERSION));
    return synthscope::cli::run(QCoreApplication::arguments());
}
