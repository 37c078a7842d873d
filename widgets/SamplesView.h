#pragma once

#include <QJsonObject>
#include <QList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace synthscope::model {
class ProjectDocument;
class SampleTableModel;
struct SampleQuery;
enum class Decision;
} // namespace synthscope::model

namespace synthscope::widgets {

class BulkAnswerBar;
class EmptyState;

/// The sample table: where search, filters and selection meet. A full-text search box (SQLite
/// FTS5, the syntax of note search) and filters on corpus, role, cluster, tag, decision, the
/// reviewer's own answers and synthetic-likeness narrow every sample of the project to a
/// sortable table with the search hits marked. The matches (or the selected rows) open as a
/// review queue; the selected rows can be tagged, kept or dropped in bulk as one undoable
/// step. The search runs on a worker thread: typing never waits on SQLite.
class SamplesView : public QWidget {
    Q_OBJECT
public:
    explicit SamplesView(QWidget* parent = nullptr);
    void setDocument(model::ProjectDocument* document);
    [[nodiscard]] model::SampleTableModel* samples() const { return m_model; }
    /// Puts the keyboard in the search box with its text selected (Ctrl+F).
    void focusSearch();
    /// Types text into the search box and searches at once (as Enter does).
    void search(const QString& text);
    /// The query the controls describe.
    [[nodiscard]] model::SampleQuery query() const;

Q_SIGNALS:
    /// query: the search and filters that listed them (SampleQuery::toJson).
    void reviewSamplesRequested(const QList<qint64>& sampleIds, const QString& title,
                                const QJsonObject& query);
    void openSampleRequested(qint64 sampleId);
    /// Rank every sample by similarity to this text (the search box's text).
    void similarRequested(const QString& text);
    /// Show these samples on the cluster map (the matches, or the selected rows), named by title.
    void showOnMapRequested(const QList<qint64>& sampleIds, const QString& title);

private:
    void reload();         ///< the filters' choices (corpora, tags, clusters) and the search
    void runSearch();      ///< now, from the controls
    void scheduleSearch(); ///< after a pause in typing
    void onSearchFinished(int matches, qint64 milliseconds, const QString& error);
    void updateActions();
    [[nodiscard]] QList<qint64> selectedIds() const;
    void reviewMatches();
    /// The matches (or the selected rows, when more than one) and the name they go by.
    [[nodiscard]] std::pair<QList<qint64>, QString> chosenSamples() const;

    model::ProjectDocument* m_document = nullptr;
    model::SampleTableModel* m_model;
    QLineEdit* m_search;
    QComboBox* m_corpus;
    QComboBox* m_role;
    QComboBox* m_cluster;
    QComboBox* m_tag;
    QComboBox* m_decision;
    QCheckBox* m_mine;
    QDoubleSpinBox* m_minLikeness;
    QLabel* m_status;
    QTableView* m_table;
    QPushButton* m_review;
    QPushButton* m_showOnMap;
    QPushButton* m_similar;
    BulkAnswerBar* m_bulk;
    QTimer* m_typing;
    EmptyState* m_state = nullptr;
};

} // namespace synthscope::widgets
