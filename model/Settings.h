#pragma once

#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace synthscope::model {

/// One typed preference: its key and default live together (Tiled's Preference pattern).
template <typename T> class Setting {
public:
    Setting(const char* key, T defaultValue)
        : m_key(QString::fromLatin1(key))
        , m_default(std::move(defaultValue)) {}
    [[nodiscard]] T get() const {
        return QSettings().value(m_key, QVariant::fromValue(m_default)).template value<T>();
    }
    void set(const T& value) const { QSettings().setValue(m_key, QVariant::fromValue(value)); }
    /// Whether the user ever stored a value (else get() returns the default).
    [[nodiscard]] bool isSet() const { return QSettings().contains(m_key); }
    /// Forgets the stored value (get() returns the default again).
    void reset() const { QSettings().remove(m_key); }
    [[nodiscard]] const QString& key() const { return m_key; }

private:
    QString m_key;
    T m_default;
};

/// Every user preference of Synthscope. Stored with QSettings under the organisation and
/// application names set in main().
struct Settings {
    static const Setting<QString>& reviewer();           ///< name recorded with each answer
    static const Setting<QString>& lastDirectory();      ///< last folder of a file dialog
    static const Setting<QStringList>& recentProjects(); ///< newest first, at most 8
    static const Setting<bool>& analyzeAfterImport();    ///< re-run the analyses after an import
    /// Interface language: "" follows the system locale, else a code such as "en" or "zh_CN".
    static const Setting<QString>& language();
    static const Setting<QByteArray>& windowGeometry();
    static const Setting<QByteArray>& windowState();
    /// The saved state of the splitter with this object name (QSplitter::saveState), empty
    /// when none was saved.
    static QByteArray splitterState(const QString& name);
    static void setSplitterState(const QString& name, const QByteArray& state);

    /// Puts path first in recentProjects, keeping at most 8.
    static void addRecentProject(const QString& path);
};

} // namespace synthscope::model
