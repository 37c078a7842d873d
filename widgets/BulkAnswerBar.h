#pragma once

#include <QList>
#include <QWidget>

#include <functional>

class QPushButton;
class QToolButton;

namespace synthscope::model {
class ProjectDocument;
enum class Decision;
} // namespace synthscope::model

namespace synthscope::widgets {

/// Answers many samples at once — *Tag selected ▾* (give or take away a tag), *Keep*, *Drop* —
/// each as one undoable step written in one transaction (model::BulkTagCommand,
/// model::BulkDecisionCommand). The owner says which samples (a table's selected rows, a map
/// selection) and enables the bar when there are some. Object names get `prefix`: prefix +
/// "TagSelection", "Keep", "Drop".
class BulkAnswerBar : public QWidget {
    Q_OBJECT
public:
    using Samples = std::function<QList<qint64>()>;
    BulkAnswerBar(const QString& prefix, Samples samples, QWidget* parent = nullptr);
    /// From this many samples on, a bulk answer asks first.
    static constexpr qsizetype kConfirmFrom = 1000;
    void setDocument(model::ProjectDocument* document);
    /// Re-reads the tag set into the menu (after the tags changed).
    void rebuildTagMenu();

Q_SIGNALS:
    /// Why nothing was written (every sample has that answer already).
    void nothingToDo(const QString& message);

private:
    void tag(qint64 tagId, bool on);
    void decide(model::Decision decision);
    /// True when count is small, or the user agreed to "what count samples".
    bool confirmed(qsizetype count, const QString& what);

    model::ProjectDocument* m_document = nullptr;
    Samples m_samples;
    QToolButton* m_tag;
    QPushButton* m_keep;
    QPushButton* m_drop;
};

} // namespace synthscope::widgets
