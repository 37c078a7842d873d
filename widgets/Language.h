#pragma once

#include <QList>
#include <QLocale>
#include <QString>

class QPalette;

namespace synthscope::widgets {

/// One interface language with a translation compiled in (translations/*.ts, under :/i18n).
struct InterfaceLanguage {
    QString code;       ///< "en", "zh_CN"
    QString nativeName; ///< the language's own name: "English", "简体中文"
};

/// The interface languages, English first.
QList<InterfaceLanguage> interfaceLanguages();

/// The language to show for a stored choice: choice itself when it is one of
/// interfaceLanguages(), else (empty or unknown) the first of the system's UI languages that
/// has a translation ("zh-Hans-CN", "zh-CN" and "zh" all give "zh_CN"), else "en".
QString resolveLanguage(const QString& choice, const QLocale& system = QLocale::system());

/// Installs the translators of language code on the application (Synthscope's own strings
/// and Qt's, e.g. the buttons of standard dialogs), replacing any installed before.
/// Returns false, leaving English, when Synthscope's translation cannot be loaded; Qt's own
/// (Debian's qt6-translations-l10n) is optional.
bool installTranslations(const QString& code);

/// The code installed by the last installTranslations ("en" before any).
QString installedLanguage();

/// Whether the palette is dark (window colour lightness below half): charts, the map and
/// tinted text follow it.
bool isDarkPalette(const QPalette& palette);

/// The colour of error text on palette's window: a deep red, or a light one on a dark window.
QString errorColour(const QPalette& palette);

/// A dark palette like the ones dark desktop themes give (Fusion colours), for screenshots
/// and tests of the dark look (`synthscope --palette dark`).
QPalette darkPalette();

} // namespace synthscope::widgets
