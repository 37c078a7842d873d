#pragma once

#include "model/Project.h"
#include "model/Status.h"

#include "analysis/Progress.h"

#include <QString>
#include <QUndoCommand>

#include <functional>

namespace synthscope::model {

/// What removing a corpus takes with it: its samples and rejected rows, and the review work
/// stored on those samples (every reviewer's tags, decisions and notes, and queue entries).
/// Shown in the confirmation before removeCorpus.
struct CorpusRemovalImpact {
    QString name;
    qint64 samples = 0;
    qint64 rejects = 0;
    qint64 taggedSamples = 0; ///< samples with at least one tag (any reviewer)
    qint64 decisions = 0;     ///< keep/drop/split answers (one per reviewer and sample)
    qint64 notes = 0;
    qint64 queueEntries = 0; ///< entries of saved review queues
    /// True when any reviewer's work would be lost (tags, decisions or notes).
    [[nodiscard]] bool losesReviewWork() const {
        return taggedSamples > 0 || decisions > 0 || notes > 0;
    }
};

/// The SQL expression (a scalar subquery) of the id a new corpus gets: one above both the
/// largest id in use and every id a removed corpus had (project_info "corpus_id_floor"). A
/// plain INTEGER PRIMARY KEY would give a corpus imported after a removal the removed one's
/// id, and an analysis of the removed corpus would then look current.
QString nextCorpusIdSql();

/// Counts what removeCorpus(corpusId) would delete. Errors: no corpus with that id, SQL failure.
Status corpusRemovalImpact(Project& project, qint64 corpusId, CorpusRemovalImpact* impact);

/// Renames a corpus. The name is trimmed; the analyses do not change (views read names from
/// the corpora table), so the newest analysis stays current. Errors: empty name, another corpus
/// has that name, no corpus with that id, SQL failure (nothing changed).
Status renameCorpus(Project& project, qint64 corpusId, const QString& name);

/// Sets a corpus's role (real or synthetic). Every comparison depends on the roles, so the
/// newest analysis becomes stale (ProjectStore::latestAnalysis compares the roles it analysed
/// with the current ones) until the analyses run again. Setting the role it has is a no-op.
/// Errors: no corpus with that id, SQL failure (nothing changed).
Status setCorpusRole(Project& project, qint64 corpusId, Role role);

/// Removes a corpus with its samples, rejected rows and everything stored on those samples
/// (per-sample scores and neighbours of every analysis run, embeddings, every reviewer's tags,
/// decisions and notes, saved-queue entries) and its metrics in every analysis run (Trends
/// lose the corpus), in one transaction: it completes or the project stays as it was. The
/// child rows are deleted table by table, found from the schema's foreign keys, with SQLite's
/// foreign-key enforcement off for the transaction (set-based deletes instead of one scan of
/// the neighbour table per sample), then checked: no row may still point at a removed sample
/// or the corpus. Saved queues keep their place (the reviewer's position moves back by the
/// entries removed before it). The corpus's id is never given to another corpus
/// (nextCorpusIdSql). Analysis runs stay; the newest one becomes stale. Not undoable. Progress: one
/// step per table; a cancel between steps ends it with "removal cancelled" and nothing changed.
/// Errors: no corpus with that id, a transaction already open on this thread's connection, SQL
/// failure (nothing changed).
Status removeCorpus(Project& project, qint64 corpusId, const analysis::Progress& progress = {});

/// An undoable corpus edit (rename or role) for the project's undo stack. Built after the
/// first write succeeded (the caller does it, so that a refused name is reported before
/// anything is pushed): the first redo() does nothing; later redo()/undo() write the after or
/// before value and call done(outcome). A later step that fails — refuse() gave a reason
/// (e.g. an import holds the project: the write would wait on SQLite's lock) or the write
/// failed (the old name was taken in between) — makes the command obsolete, and done() still
/// runs with the failure so the caller can say so and views show what is stored.
class CorpusEditCommand : public QUndoCommand {
public:
    enum class Field { Name, Role };
    struct Hooks {
        std::function<QString()> refuse = {};         ///< non-empty: why not to write now
        std::function<void(const Status&)> done = {}; ///< after each later redo()/undo()
    };
    CorpusEditCommand(Project& project, qint64 corpusId, Field field, QString before, QString after,
                      Hooks hooks);
    void redo() override;
    void undo() override;
    /// The outcome of the last redo() or undo().
    [[nodiscard]] const Status& status() const { return m_status; }

private:
    void write(const QString& value);
    Project& m_project;
    qint64 m_corpus;
    Field m_field;
    QString m_before;
    QString m_after;
    Hooks m_hooks;
    bool m_firstRedo = true;
    Status m_status;
};

} // namespace synthscope::model
