#pragma once

#include "model/ReviewStore.h"

#include <QUndoCommand>

namespace synthscope::model {

/// Undoable reviewer edits: answers (tags on a sample, keep/drop, notes) and the tag set (add,
/// rename, move, remove). Each redo()/undo() writes through ReviewStore at once, so the database
/// always matches the top of the undo stack. Push them on the project's QUndoStack.
///
/// Answers are written for the reviewer who made the edit, also when undone after the reviewer
/// name changed. A step that fails (the database refused it) is reported through
/// ReviewStore::writeFailed and makes its command obsolete, so QUndoStack drops it instead of
/// keeping a step that cannot be replayed; status() holds the failure.
class ReviewCommand : public QUndoCommand {
public:
    /// The outcome of the last redo() or undo(): ok, or what failed.
    [[nodiscard]] const Status& status() const { return m_status; }

protected:
    explicit ReviewCommand(ReviewStore& store);
    /// Records the outcome of a step; a failure makes the command obsolete. reportIt: the step
    /// was not an answer write (those report themselves).
    void finish(Status status, bool reportIt);
    ReviewStore& m_store;
    QString m_reviewer; ///< who made the edit

private:
    Status m_status;
};

class SetTagCommand : public ReviewCommand {
public:
    SetTagCommand(ReviewStore& store, qint64 sampleId, const TagDef& tag, bool on);
    void redo() override;
    void undo() override;

private:
    qint64 m_sample;
    qint64 m_tag;
    bool m_on;
};

class SetDecisionCommand : public ReviewCommand {
public:
    SetDecisionCommand(ReviewStore& store, qint64 sampleId, Decision before, Decision after);
    void redo() override;
    void undo() override;

private:
    qint64 m_sample;
    Decision m_before;
    Decision m_after;
};

class SetNoteCommand : public ReviewCommand {
public:
    SetNoteCommand(ReviewStore& store, qint64 sampleId, QString before, QString after);
    void redo() override;
    void undo() override;

private:
    qint64 m_sample;
    QString m_before;
    QString m_after;
};

/// Tags (or untags) many samples as one undoable step (a selection in the sample table). Only
/// the samples whose state changes are written, and undo restores exactly those.
class BulkTagCommand : public ReviewCommand {
public:
    BulkTagCommand(ReviewStore& store, const QList<qint64>& sampleIds, const TagDef& tag, bool on);
    void redo() override;
    void undo() override;
    /// The samples this step changes (none: pushing it is pointless; also when reading the
    /// samples' tags failed, which status() then says and writeFailed reported).
    [[nodiscard]] const QList<qint64>& changed() const { return m_changed; }

private:
    QList<qint64> m_changed;
    qint64 m_tag;
    bool m_on;
};

/// Gives many samples one decision (keep, drop or none) as one undoable step; undo restores
/// each sample's own earlier decision.
class BulkDecisionCommand : public ReviewCommand {
public:
    BulkDecisionCommand(ReviewStore& store, const QList<qint64>& sampleIds, Decision after);
    void redo() override;
    void undo() override;
    [[nodiscard]] qsizetype changedCount() const { return m_before.size(); }

private:
    QHash<qint64, Decision> m_before; ///< the samples that change, with their decision before
    Decision m_after;
};

/// Adds a tag at the end of the set; undo removes it, redo puts it back with the same id.
class AddTagCommand : public ReviewCommand {
public:
    AddTagCommand(ReviewStore& store, QString name);
    void redo() override;
    void undo() override;
    /// The new tag's id once redo() succeeded, else 0.
    [[nodiscard]] qint64 tagId() const { return m_removed.tag.id; }

private:
    QString m_name;
    RemovedTag m_removed; ///< the tag as added (no uses: those are later commands)
};

class RenameTagCommand : public ReviewCommand {
public:
    RenameTagCommand(ReviewStore& store, const TagDef& tag, QString after);
    void redo() override;
    void undo() override;

private:
    qint64 m_tag;
    QString m_before;
    QString m_after;
};

/// Moves a tag to another position (hotkey) in the set.
class MoveTagCommand : public ReviewCommand {
public:
    MoveTagCommand(ReviewStore& store, const TagDef& tag, int from, int to);
    void redo() override;
    void undo() override;

private:
    qint64 m_tag;
    int m_from;
    int m_to;
};

/// Removes a tag and every use of it (all reviewers'); undo restores the tag with its id,
/// position and uses, so the commands below it on the stack still apply.
class RemoveTagCommand : public ReviewCommand {
public:
    RemoveTagCommand(ReviewStore& store, const TagDef& tag);
    void redo() override;
    void undo() override;

private:
    qint64 m_tag;
    RemovedTag m_removed;
};

} // namespace synthscope::model
