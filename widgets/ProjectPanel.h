#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QPushButton;
class QTableView;
class QToolButton;

namespace synthscope::model {
class CorporaModel;
class ProjectDocument;
class RejectsModel;
} // namespace synthscope::model

namespace synthscope::widgets {

class EmptyState;

/// The project panel: corpora (name, role, samples, rejected rows, provenance) and, for the
/// selected corpus, its rejected rows with file, line and reason. The selected corpus can be
/// renamed (F2), given the other role (Ctrl+Shift+R) — both undoable — or removed after a
/// confirmation that says what goes with it (Delete); from the buttons above the table or its
/// context menu.
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
    void updateActions();
    /// The selected corpus's row, or −1.
    [[nodiscard]] int selectedRow() const;
    void renameSelected();
    void toggleRoleOfSelected();
    void removeSelected();

    model::ProjectDocument* m_document = nullptr;
    QPushButton* m_importButton = nullptr;
    QToolButton* m_corpusButton = nullptr;
    model::CorporaModel* m_corpora;
    model::RejectsModel* m_rejects;
    QTableView* m_corporaView;
    QTableView* m_rejectsView;
    EmptyState* m_corporaState;
    QLabel* m_rejectsTitle;
    QAction* m_renameAction;
    QAction* m_roleAction;
    QAction* m_removeAction;
};

} // namespace synthscope::widgets
