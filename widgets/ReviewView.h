#pragma once

#include "model/ProjectStore.h"
#include "model/ReviewStore.h"

#include <QJsonObject>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListView;
class QProgressBar;
class QPushButton;
class QShortcut;
class QTableView;
class QPlainTextEdit;
class QTextBrowser;
class QToolButton;

namespace synthscope::model {
enum class Dimension;
class NeighboursModel;
class ProjectDocument;
class ReviewQueueModel;
} // namespace synthscope::model

namespace synthscope::widgets {

class EmptyState;
class KeyHelpOverlay;

/// Side-by-side review: a sample on the left, its most similar real samples on the right,
/// tag buttons (hotkeys 1–9), keep/drop (K/D, U clears), a note (E writes it, Enter saves
/// and returns to the keys), next/previous (N/P or →/←), and ? for a sheet of every key.
/// Tab stays within the view. Every answer is written at once and is an undoable command
/// (Ctrl+Z / Ctrl+Shift+Z).
class ReviewView : public QWidget {
    Q_OBJECT
public:
    explicit ReviewView(QWidget* parent = nullptr);
    void setDocument(model::ProjectDocument* document);

    [[nodiscard]] model::ReviewQueueModel* queueModel() const { return m_queue; }
    [[nodiscard]] model::NeighboursModel* neighboursModel() const { return m_neighbours; }
    [[nodiscard]] int currentRow() const { return m_row; }
    [[nodiscard]] qint64 currentSampleId() const;

    /// The keys of the view and what each does, for the ? sheet and the Help menu.
    [[nodiscard]] static QList<std::pair<QString, QString>> keyHelp();
    /// Shows or hides the sheet of keys over the view (the ? key).
    void toggleKeyHelp();

    void showRow(int row);
    void next();
    void previous();
    /// Toggles the tag at position (0-based) on the current sample.
    void toggleTag(int position);
    /// Sets the decision (pressing the current one again clears it).
    void decide(model::Decision decision);
    /// Makes the members of a skeleton group the review queue.
    /// Makes a group of the newest analysis the review queue (title: the queue's name).
    void reviewGroup(model::GroupKind kind, qint64 groupId, const QString& title);
    /// Makes these samples (e.g. a selection on the cluster map) the review queue.
    /// query: the sample-table search and filters that listed them (SampleQuery::toJson), kept
    /// in the spec of a queue saved from this list.
    void reviewSamples(const QList<qint64>& sampleIds, const QString& title,
                       const QJsonObject& query = {});
    /// Reviews every sample of one corpus (the filter list's entry for it), from the first.
    void reviewCorpus(qint64 corpusId);
    /// Shows one sample: in the current queue if it is there, else as a queue of its own.
    void showSample(qint64 sampleId);
    /// Opens this reviewer's saved queue where they stopped.
    void openSavedQueue(qint64 queueId);
    /// Review → Sample a queue…: draws a stratified, seeded queue and opens it.
    void sampleQueue();
    /// Draws and opens a risk-weighted queue (stratified by cluster, seed 1) of `needed`
    /// synthetic samples of one source (e.g. the newest generator) that no reviewer has
    /// answered: the evidence of an unmet review-intensity red line.
    void reviewUnreviewedSource(model::Dimension dimension, const QString& value, int needed);
    /// Saves the samples now listed as a named queue of this reviewer (asks for the name).
    void saveAsQueue();
    /// The saved queue being reviewed, if any.
    [[nodiscard]] std::optional<qint64> savedQueue() const;

protected:
    void changeEvent(QEvent* event) override;
    /// Tab and Shift+Tab cycle through the view's own widgets instead of walking out into the
    /// project panel (its rejected-rows table took the keys away from review).
    bool focusNextPrevChild(bool next) override;

private:
    void selectQueue(const QVariant& data, const QString& title);
    /// Lists the queues to review again (corpora, saved queues). samplesMayHaveChanged: the
    /// samples of the chosen entry may differ now (corpora imported or removed), so its queue
    /// is read again; otherwise only when the chosen entry is gone (at a million samples an
    /// "all synthetic" queue takes most of a second to read).
    void reloadFilters(bool samplesMayHaveChanged = true);
    /// Reads the queue again. Start::Current keeps the sample under review (answers changed
    /// the queue); Start::First begins a queue the reviewer chose at its first sample (a
    /// saved queue where the reviewer stopped).
    enum class Start { Current, First };
    void reloadQueue(Start start = Start::Current);
    void refreshAnswers();
    void rebuildTags();
    void commitNote();
    void showNeighbour(int row);
    void refreshProgress();
    void addSavedQueues();
    /// Shows the current sample's text: a conversation as its turns (roles, the system prompt
    /// folded unless m_unfoldSystem, code and lists monospaced), else the text as it is.
    void showSampleText(qint64 sampleId, const QString& text);
    /// The search of the queue shown (a queue opened from the Samples view's search), or empty.
    [[nodiscard]] QString queueSearch() const;
    /// Marks the queue's search hits in the sample's text (whole texts only: the hits are
    /// offsets into the stored text) and scrolls to the first.
    void markSearchHits(qint64 sampleId);
    /// Folds or unfolds the shown conversation's long system prompt (F, or its link).
    void toggleSystemPrompt();

    model::ProjectDocument* m_document = nullptr;
    model::ReviewQueueModel* m_queue = nullptr;
    model::NeighboursModel* m_neighbours;
    QList<model::TagDef> m_tags;
    model::SampleReview m_answers;
    int m_row = -1;

    QComboBox* m_filter;
    QCheckBox* m_onlyUnreviewed;
    QCheckBox* m_syntheticFirst;
    QCheckBox* m_advance;
    QLabel* m_position;
    QProgressBar* m_progress;
    QPushButton* m_saveQueue;
    QLabel* m_others;
    QListView* m_queueView;
    QLabel* m_sampleHeader;
    QLabel* m_pairHeader; ///< a preference pair's prompt and verdict; hidden for other samples
    QTextBrowser* m_sampleText;
    QToolButton* m_recordButton; ///< shows the original record's fields (O)
    QPlainTextEdit* m_recordText;
    bool m_unfoldSystem = false; ///< the reader unfolded this sample's long system prompt
    qint64 m_textSample = -1;    ///< whose text m_sampleText shows
    QString m_textSampleText;    ///< that sample's text
    QTableView* m_neighbourTable;
    QTextBrowser* m_neighbourText;
    QLabel* m_neighbourHeader;
    QHBoxLayout* m_tagRow;
    QList<QPushButton*> m_tagButtons;
    QList<QShortcut*> m_tagShortcuts;
    QPushButton* m_keep;
    QPushButton* m_drop;
    QLineEdit* m_note;
    KeyHelpOverlay* m_keyHelp = nullptr;
    EmptyState* m_state;
};

} // namespace synthscope::widgets
