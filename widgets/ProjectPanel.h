#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace synthscope::model {
class CorporaModel;
class ProjectDocument;
class RejectsModel;
} // namespace synthscope::model

namespace synthscope::widgets {

class EmptyState;

/// The project panel: corpora (name, role, samples, rejected rows, provenance) and, for the
/// selected corpus, its rejected rows with file, line and reason.
class ProjectPanel : public QWidget {
    Q_OBJECT
public:
    explicit ProjectPanel(QWidget* parent = nullptr);
    void setDocument(model::ProjectDocument* document);
    [[nodiscard]] model::CorporaModel* corporaModel() const { return m_corpora; }

Q_SIGNALS:
    void importRequested();

private:
    void reload();
    void showRejects();

    model::ProjectDocument* m_document = nullptr;
    model::CorporaModel* m_corpora;
    model::RejectsModel* m_rejects;
    QTableView* m_corporaView;
    QTableView* m_rejectsView;
    EmptyState* m_corporaState;
    QLabel* m_rejectsTitle;
};

} // namespace synthscope::widgets
