#include "widgets/Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QPalette>
#include <QTranslator>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::widgets {

namespace {

struct Installed {
    std::unique_ptr<QTranslator> own;
    std::unique_ptr<QTranslator> qt;
    QString code = u"en"_s;
};

Installed& installed() {
    static Installed i;
    return i;
}

} // namespace

QList<InterfaceLanguage> interfaceLanguages() {
    return {{u"en"_s, u"English"_s}, {u"zh_CN"_s, u"简体中文"_s}};
}

QString resolveLanguage(const QString& choice, const QLocale& system) {
    const QList<InterfaceLanguage> languages = interfaceLanguages();
    for (const InterfaceLanguage& l : languages)
        if (l.code == choice)
            return choice;
    for (QString ui : system.uiLanguages()) {
        ui.replace(u'-', u'_');
        const QLocale locale(ui);
        if (locale.language() == QLocale::Chinese &&
            (locale.script() == QLocale::SimplifiedChineseScript ||
             (locale.script() == QLocale::AnyScript && locale.territory() != QLocale::Taiwan &&
              locale.territory() != QLocale::HongKong && locale.territory() != QLocale::Macao)))
            return u"zh_CN"_s;
        if (locale.language() == QLocale::English)
            return u"en"_s;
    }
    return u"en"_s;
}

bool installTranslations(const QString& code) {
    Installed& i = installed();
    for (auto* t : {i.own.get(), i.qt.get()})
        if (t)
            QCoreApplication::removeTranslator(t);
    i.own.reset();
    i.qt.reset();
    i.code = u"en"_s;
    auto own = std::make_unique<QTranslator>();
    if (!own->load(u":/i18n/synthscope_"_s + code + u".qm"_s))
        return false;
    QCoreApplication::installTranslator(own.get());
    i.own = std::move(own);
    i.code = code;
    if (code != u"en"_s) {
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(u"qtbase_"_s + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt.get());
            i.qt = std::move(qt);
        }
    }
    return true;
}

QString installedLanguage() {
    return installed().code;
}

bool isDarkPalette(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

QString errorColour(const QPalette& palette) {
    return isDarkPalette(palette) ? u"#ff8080"_s : u"#b00020"_s;
}

QPalette darkPalette() {
    QPalette p;
    const QColor window(0x35, 0x35, 0x35), base(0x23, 0x23, 0x23), text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xf5));
    p.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xf0));
    p.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x50, 0x50, 0x50));
    p.setColor(QPalette::Midlight, QColor(0x42, 0x42, 0x42));
    p.setColor(QPalette::Mid, QColor(0x2c, 0x2c, 0x2c));
    p.setColor(QPalette::Dark, QColor(0x1c, 0x1c, 0x1c));
    p.setColor(QPalette::Shadow, Qt::black);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
    return p;
}

} // namespace synthscope::widgets
