#pragma once

#include "model/ReviewStore.h"

#include <QUndoCommand>

namespace synthscope::model {

/// Undoable reviewer edits. Each redo()/undo() writes through ReviewStore at once, so the
/// database always matches the top of the undo stack. Push them on the project's QUndoStack.

class SetTagCommand : public QUndoCommand {
public:
    SetTagCommand(ReviewStore& store, qint64 sampleId, const TagDef& tag, bool on);
    void redo() override;
    void undo() override;

private:
    ReviewStore& m_store;
    qint64 m_sample;
    qint64 m_tag;
    bool m_on;
};

class SetDecisionCommand : public QUndoCommand {
public:
    SetDecisionCommand(ReviewStore& store, qint64 sampleId, Decision before, Decision after);
    void redo() override;
    void undo() override;

private:
    ReviewStore& m_store;
    qint64 m_sample;
    Decision m_before;
    Decision m_after;
};

class SetNoteCommand : public QUndoCommand {
public:
    SetNoteCommand(ReviewStore& store, qint64 sampleId, QString before, QString after);
    void redo() override;
    void undo() override;

private:
    ReviewStore& m_store;
    qint64 m_sample;
    QString m_before;
    QString m_after;
};

} // namespace synthscope::model
