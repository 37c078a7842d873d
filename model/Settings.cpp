#include "model/Settings.h"

#include <QDir>

namespace synthscope::model {

const Setting<QString>& Settings::reviewer() {
    static const Setting<QString> s("review/reviewer", qEnvironmentVariable("USER"));
    return s;
}

const Setting<QString>& Settings::lastDirectory() {
    static const Setting<QString> s("files/lastDirectory", QDir::homePath());
    return s;
}

const Setting<QStringList>& Settings::recentProjects() {
    static const Setting<QStringList> s("files/recentProjects", QStringList());
    return s;
}

const Setting<bool>& Settings::analyzeAfterImport() {
    static const Setting<bool> s("analysis/analyzeAfterImport", true);
    return s;
}

const Setting<QString>& Settings::language() {
    static const Setting<QString> s("interface/language", QString());
    return s;
}

const Setting<QByteArray>& Settings::windowGeometry() {
    static const Setting<QByteArray> s("window/geometry", QByteArray());
    return s;
}

const Setting<QByteArray>& Settings::windowState() {
    static const Setting<QByteArray> s("window/state", QByteArray());
    return s;
}

QByteArray Settings::splitterState(const QString& name) {
    return QSettings().value(QStringLiteral("window/splitters/") + name).toByteArray();
}

void Settings::setSplitterState(const QString& name, const QByteArray& state) {
    QSettings().setValue(QStringLiteral("window/splitters/") + name, state);
}

void Settings::addRecentProject(const QString& path) {
    QStringList list = recentProjects().get();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > 8)
        list.removeLast();
    recentProjects().set(list);
}

} // namespace synthscope::model
