#include "model/ReviewCommands.h"

#include <QCoreApplication>

namespace synthscope::model {

namespace {
QString trc(const char* text) {
    return QCoreApplication::translate("ReviewCommands", text);
}
} // namespace

SetTagCommand::SetTagCommand(ReviewStore& store, qint64 sampleId, const TagDef& tag, bool on)
    : m_store(store)
    , m_sample(sampleId)
    , m_tag(tag.id)
    , m_on(on) {
    setText((on ? trc("Tag #%1 “%2”") : trc("Untag #%1 “%2”")).arg(sampleId).arg(tag.name));
}

void SetTagCommand::redo() {
    (void)m_store.setTag(m_sample, m_tag, m_on);
}
void SetTagCommand::undo() {
    (void)m_store.setTag(m_sample, m_tag, !m_on);
}

SetDecisionCommand::SetDecisionCommand(ReviewStore& store, qint64 sampleId, Decision before,
                                       Decision after)
    : m_store(store)
    , m_sample(sampleId)
    , m_before(before)
    , m_after(after) {
    setText(after == Decision::Keep   ? trc("Keep #%1").arg(sampleId)
            : after == Decision::Drop ? trc("Drop #%1").arg(sampleId)
                                      : trc("Clear decision on #%1").arg(sampleId));
}

void SetDecisionCommand::redo() {
    (void)m_store.setDecision(m_sample, m_after);
}
void SetDecisionCommand::undo() {
    (void)m_store.setDecision(m_sample, m_before);
}

SetNoteCommand::SetNoteCommand(ReviewStore& store, qint64 sampleId, QString before, QString after)
    : m_store(store)
    , m_sample(sampleId)
    , m_before(std::move(before))
    , m_after(std::move(after)) {
    setText(trc("Edit note on #%1").arg(sampleId));
}

void SetNoteCommand::redo() {
    (void)m_store.setNote(m_sample, m_after);
}
void SetNoteCommand::undo() {
    (void)m_store.setNote(m_sample, m_before);
}

} // namespace synthscope::model
