#include "widgets/EmptyState.h"

#include <QVBoxLayout>

#include <QLabel>

namespace synthscope::widgets {

EmptyState::EmptyState(QWidget* content, QWidget* parent)
    : QStackedWidget(parent)
    , m_label(new QLabel(this))
    , m_content(content) {
    m_label->setAlignment(Qt::AlignCenter);
    m_label->setWordWrap(true);
    m_label->setMargin(32);
    m_label->setObjectName(QStringLiteral("emptyStateLabel"));
    // Grey in light and dark palettes alike (palette(mid) vanishes on a dark window).
    m_label->setForegroundRole(QPalette::PlaceholderText);
    m_label->setStyleSheet(QStringLiteral("font-size: 14pt;"));
    addWidget(m_content);
    addWidget(m_label);
}

EmptyState* EmptyState::fill(QWidget* view, QWidget* content) {
    auto* state = new EmptyState(content, view);
    auto* outer = new QVBoxLayout(view);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(state);
    return state;
}

void EmptyState::showMessage(const QString& message) {
    m_label->setText(message);
    setCurrentWidget(m_label);
}

void EmptyState::showContent() {
    setCurrentWidget(m_content);
}

bool EmptyState::isShowingContent() const {
    return currentWidget() == m_content;
}

} // namespace synthscope::widgets
