// A child process for the kill test: opens a project in the real main window as a reviewer,
// clicks the third tag button in Review, prints "clicked <sample id> <tag id>" and keeps
// running until the parent kills it (SIGKILL, no chance to flush or close anything).
#include "model/ProjectDocument.h"
#include "model/Settings.h"
#include "widgets/MainWindow.h"
#include "widgets/ReviewView.h"

#include <QApplication>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

#include <cstdio>

using namespace synthscope;

int main(int argc, char** argv) {
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SynthscopeTests"));
    QApplication::setApplicationName(QStringLiteral("ClickHelper"));
    const QStringList args = QApplication::arguments();
    if (args.size() != 3) {
        std::fputs("usage: review_click_helper PROJECT REVIEWER\n", stderr);
        return 2;
    }
    model::Settings::reviewer().set(args[2]);
    widgets::MainWindow window;
    if (auto s = window.openProject(args[1], model::Project::OpenMode::OpenExisting); !s) {
        std::fprintf(stderr, "%s\n", qPrintable(s.error()));
        return 2;
    }
    window.show();
    window.showView(widgets::MainWindow::View::Review);
    QTimer::singleShot(0, &window, [&window]() {
        auto* button = window.review()->findChild<QPushButton*>(QStringLiteral("tagButton2"));
        if (button == nullptr) {
            std::fputs("no tag button\n", stderr);
            QApplication::exit(2);
            return;
        }
        QTest::mouseClick(button, Qt::LeftButton);
        const qint64 sample = window.review()->currentSampleId();
        const qint64 tag = window.document()->review().tags().at(2).id;
        std::printf("clicked %lld %lld\n", static_cast<long long>(sample),
                    static_cast<long long>(tag));
        std::fflush(stdout);
    });
    return QApplication::exec();
}
