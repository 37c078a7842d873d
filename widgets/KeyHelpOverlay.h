#pragma once

#include <QList>
#include <QPointer>
#include <QString>
#include <QWidget>

#include <utility>

class QLabel;

namespace synthscope::widgets {

/// A keyboard help sheet drawn over a view (the view dimmed behind it), as in the help
/// overlays of mail and code-review tools: toggled with ?, closed by Esc, ? again or a click.
/// It covers its parent and follows its size.
class KeyHelpOverlay : public QWidget {
    Q_OBJECT
public:
    /// keys: (key, what it does) in the order shown; title heads the sheet.
    KeyHelpOverlay(const QString& title, const QList<std::pair<QString, QString>>& keys,
                   QWidget* parent);
    /// Shows the sheet over the parent (and takes the keyboard) or hides it again.
    void toggle();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QLabel* m_sheet;
    QPointer<QWidget> m_focusBefore; ///< gets the keyboard back when the sheet closes
};

} // namespace synthscope::widgets
