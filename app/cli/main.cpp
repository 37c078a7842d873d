// synthscope-cli: the same import, analyses and export as the GUI, for pipelines.
#include "Commands.h"

#include <QCoreApplication>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Synthscope"));
    QCoreApplication::setApplicationName(QStringLiteral("synthscope-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SYNTHSCOPE_VERSION));
    return synthscope::cli::run(QCoreApplication::arguments());
}
