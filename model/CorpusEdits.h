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
/// decisions and notes, saved-queue entries), in one transaction: it completes or the project
/// stays as it was. The child rows are deleted table by table, found from the schema's foreign
/// keys, with SQLite's per-row foreign-key actions off for the statement (set-based deletes
/// instead of one scan of the neighbour table per sample). Analysis runs stay; the newest one
/// becomes stale. Not undoable. Progress: one step per table; a cancel between steps ends it
/// with "removal cancelled" and nothing changed. Errors: no corpus with that id, a transaction
/// already open on this thread's connection, SQL failure (nothing changed).
Status removeCorpus(Project& project, qint64 corpusId, const analysis::Progress& progress = {});

/// An undoable corpus edit (rename or role) for the project's undo stack. Built after the
/// first write succeeded (the caller does it, so that a refused name is reported before
/// anything is pushed): the first redo() does nothing; later redo()/undo() write the after or
/// before value and call changed(). A later write that fails (e.g. the old name was taken in
/// between) makes the command obsolete, and changed() still runs so views show what is stored.
class CorpusEditCommand : public QUndoCommand {
public:
    enum class Field { Name, Role };
    CorpusEditCommand(Project& project, qint64 corpusId, Field field, QString before, QString after,
                      std::function<void()> changed);
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
    std::function<void()> m_changed;
    bool m_firstRedo = true;
    Status m_status;
};

} // namespace synthscope::model
