#pragma once

#include <QStackedWidget>

class QLabel;

namespace synthscope::widgets {

/// Shows content, or a centred explanation of why it is empty and what to do.
class EmptyState : public QStackedWidget {
    Q_OBJECT
public:
    EmptyState(QWidget* content, QWidget* parent = nullptr);
    /// An EmptyState around content that fills view (a view's whole area, no margins).
    static EmptyState* fill(QWidget* view, QWidget* content);
    /// Shows message (rich text allowed) instead of the content.
    void showMessage(const QString& message);
    void showContent();
    [[nodiscard]] bool isShowingContent() const;

private:
    QLabel* m_label;
    QWidget* m_content;
};

} // namespace synthscope::widgets
