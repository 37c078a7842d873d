#pragma once

#include <QEvent>
#include <QObject>
#include <QWidget>

#include <functional>

namespace synthscope::widgets {

/// Reloads a view when it is visible, or else the next time it is shown: a view that re-reads
/// the project on every change (a tag click in Review) must not do so on the GUI thread while
/// nobody looks at it. Owned by (and filters the show events of) the view.
class LazyReload : public QObject {
public:
    LazyReload(QWidget* view, std::function<void()> reload)
        : QObject(view)
        , m_view(view)
        , m_reload(std::move(reload)) {
        view->installEventFilter(this);
    }
    /// The data changed: reload now if visible, else on show.
    void markStale() {
        m_stale = true;
        if (m_view->isVisible())
            reloadNow();
    }
    /// Reloads at once (also when hidden).
    void reloadNow() {
        m_stale = false;
        m_reload();
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched == m_view && event->type() == QEvent::Show && m_stale)
            reloadNow();
        return false;
    }

private:
    QWidget* m_view;
    std::function<void()> m_reload;
    bool m_stale = true;
};

} // namespace synthscope::widgets
