#include "widgets/KeyHelpOverlay.h"

#include <QApplication>
#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::widgets {

KeyHelpOverlay::KeyHelpOverlay(const QString& title, const QList<std::pair<QString, QString>>& keys,
                               QWidget* parent)
    : QWidget(parent)
    , m_sheet(new QLabel(this)) {
    setObjectName(u"keyHelpOverlay"_s);
    setFocusPolicy(Qt::StrongFocus);
    QString rows;
    for (const auto& [key, meaning] : keys)
        rows += u"<tr><td align='right' style='padding: 2px 14px 2px 0'><b><code>%1</code></b>"
                "</td><td style='padding: 2px 0'>%2</td></tr>"_s.arg(key.toHtmlEscaped(),
                                                                     meaning.toHtmlEscaped());
    m_sheet->setObjectName(u"keyHelpSheet"_s);
    m_sheet->setTextFormat(Qt::RichText);
    m_sheet->setText(
        u"<h3 style='margin-top: 0'>%1</h3><table>%2</table><p style='color: "
        "palette(dark)'>%3</p>"_s.arg(title.toHtmlEscaped(), rows, tr("Press ? or Esc to close.")));
    m_sheet->setAutoFillBackground(true);
    m_sheet->setMargin(18);
    m_sheet->setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_sheet, 0, Qt::AlignCenter);
    parent->installEventFilter(this);
    hide();
}

void KeyHelpOverlay::toggle() {
    if (isVisible()) {
        hide();
        if (m_focusBefore != nullptr)
            m_focusBefore->setFocus();
        return;
    }
    m_focusBefore = QApplication::focusWidget();
    setGeometry(parentWidget()->rect());
    show();
    raise();
    setFocus(); // Esc and ? reach the sheet, not the view's keys beneath it
}

void KeyHelpOverlay::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0, 0, 0, 120));
}

void KeyHelpOverlay::mousePressEvent(QMouseEvent*) {
    toggle();
}

void KeyHelpOverlay::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape || event->key() == Qt::Key_Question) {
        toggle();
        return;
    }
    QWidget::keyPressEvent(event);
}

bool KeyHelpOverlay::eventFilter(QObject* watched, QEvent* event) {
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

} // namespace synthscope::widgets
