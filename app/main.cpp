// Synthscope GUI entry point: parses the command line and shows the main window.
#include "analysis/Blas.h"
#include "model/Project.h"
#include "model/Settings.h"
#include "widgets/Language.h"
#include "widgets/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QTimer>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char** argv) {
    synthscope::analysis::runBlasOnCallingThread(); // the analyses bring their own threads
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        std::fputs("synthscope: no display found (DISPLAY and WAYLAND_DISPLAY are unset).\n"
                   "Use synthscope-cli for headless work, or set QT_QPA_PLATFORM=offscreen.\n",
                   stderr);
        return 2;
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Synthscope"_s);
    QApplication::setApplicationName(u"Synthscope"_s);
    QApplication::setApplicationVersion(QStringLiteral(SYNTHSCOPE_VERSION));
    QApplication::setDesktopFileName(u"org.synthscope.Synthscope"_s);

    // The stored choice first, so that even --help speaks it; --language overrides below.
    synthscope::widgets::installTranslations(
        synthscope::widgets::resolveLanguage(synthscope::model::Settings::language().get()));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Inspect synthetic training data against real data."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        u"project"_s, QApplication::translate("main", "Project file (*.synthscope) to open."));
    QCommandLineOption screenshots(
        u"screenshots"_s,
        QApplication::translate("main", "Save PNGs of each view into <dir> and quit."), u"dir"_s);
    QCommandLineOption screenshotSize(
        u"screenshot-size"_s,
        QApplication::translate("main", "Window size of --screenshots, e.g. 1280x720 "
                                        "(default 1400x880)."),
        u"WxH"_s, u"1400x880"_s);
    QCommandLineOption create(
        u"create"_s, QApplication::translate("main", "Create the project if it does not exist."));
    QCommandLineOption reviewer(
        u"reviewer"_s,
        QApplication::translate("main", "Record answers as <name> (remembered for next time)."),
        u"name"_s);
    QCommandLineOption view(
        u"view"_s,
        QApplication::translate("main", "Show the analyses of all (default), prompts or "
                                        "responses."),
        u"view"_s, u"all"_s);
    QCommandLineOption language(
        u"language"_s,
        QApplication::translate("main", "Show the interface in <code> (en or zh_CN) this time, "
                                        "whatever the setting."),
        u"code"_s);
    QCommandLineOption paletteOption(
        u"palette"_s,
        QApplication::translate("main", "Colours: system (default) or dark, as a dark desktop "
                                        "theme gives."),
        u"palette"_s, u"system"_s);
    parser.addOption(language);
    parser.addOption(paletteOption);
    parser.addOption(screenshots);
    parser.addOption(screenshotSize);
    parser.addOption(view);
    parser.addOption(create);
    parser.addOption(reviewer);
    parser.process(app);

    synthscope::model::AnalysisView analysisView = synthscope::model::AnalysisView::All;
    if (!synthscope::model::parseView(parser.value(view), &analysisView)) {
        std::fprintf(stderr, "synthscope: --view must be all, prompts or responses\n");
        return 2;
    }
    if (parser.isSet(language)) {
        const QString code = parser.value(language);
        bool known = false;
        for (const auto& l : synthscope::widgets::interfaceLanguages())
            known = known || l.code == code;
        if (!known || !synthscope::widgets::installTranslations(code)) {
            std::fprintf(stderr, "synthscope: --language must be en or zh_CN\n");
            return 2;
        }
    }
    if (parser.value(paletteOption) == u"dark"_s)
        QApplication::setPalette(synthscope::widgets::darkPalette());
    else if (parser.value(paletteOption) != u"system"_s) {
        std::fprintf(stderr, "synthscope: --palette must be system or dark\n");
        return 2;
    }
    if (parser.isSet(reviewer) && !parser.value(reviewer).trimmed().isEmpty())
        synthscope::model::Settings::reviewer().set(parser.value(reviewer).trimmed());
    synthscope::widgets::MainWindow window;
    if (!parser.isSet(screenshots))
        (void)window.ensureReviewer(); // first start: who is reviewing?
    const QStringList args = parser.positionalArguments();
    if (!args.isEmpty()) {
        const auto mode = parser.isSet(create)
                              ? synthscope::model::Project::OpenMode::CreateIfMissing
                              : synthscope::model::Project::OpenMode::OpenExisting;
        if (auto s = window.openProject(args.first(), mode); !s) {
            std::fprintf(stderr, "synthscope: %s\n", qPrintable(s.error()));
            if (parser.isSet(screenshots))
                return 2;
            QMessageBox::warning(nullptr, QApplication::translate("main", "Open project"),
                                 s.error());
        }
        window.setAnalysisView(analysisView);
    }
    if (parser.isSet(screenshots)) {
        // The same pictures whatever the (offscreen) screen's size.
        const QStringList wh = parser.value(screenshotSize).split(u'x');
        const int w = wh.size() == 2 ? wh[0].toInt() : 0;
        const int h = wh.size() == 2 ? wh[1].toInt() : 0;
        if (w <= 0 || h <= 0) {
            std::fprintf(stderr, "synthscope: --screenshot-size needs WxH, e.g. 1280x720\n");
            return 2;
        }
        window.resize(w, h);
    }
    window.show();
    if (parser.isSet(screenshots)) {
        const QString dir = parser.value(screenshots);
        QTimer::singleShot(300, &window, [&window, dir]() {
            const bool ok = window.saveScreenshots(dir);
            std::fprintf(stderr, "synthscope: screenshots %s %s\n", ok ? "saved in" : "failed for",
                         qPrintable(dir));
            QApplication::exit(ok ? 0 : 2);
        });
    }
    return QApplication::exec();
}
