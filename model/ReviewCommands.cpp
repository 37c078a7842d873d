#include "model/ReviewCommands.h"

#include <QCoreApplication>

#include <algorithm>

namespace synthscope::model {

namespace {
/// The translation context of this file's messages (lupdate reads the macro).
struct ReviewCommandsText {
    Q_DECLARE_TR_FUNCTIONS(synthscope::model::ReviewCommands)
};
} // namespace

ReviewCommand::ReviewCommand(ReviewStore& store)
    : m_store(store)
    , m_reviewer(store.reviewer()) {}

void ReviewCommand::finish(Status status, bool reportIt) {
    if (!status.ok()) {
        if (reportIt)
            m_store.reportFailure(
                ReviewCommandsText::tr("%1 failed: %2").arg(text(), status.error()));
        setObsolete(true);
    }
    m_status = std::move(status);
}

SetTagCommand::SetTagCommand(ReviewStore& store, qint64 sampleId, const TagDef& tag, bool on)
    : ReviewCommand(store)
    , m_sample(sampleId)
    , m_tag(tag.id)
    , m_on(on) {
    setText((on ? ReviewCommandsText::tr("Tag #%1 “%2”") : ReviewCommandsText::tr("Untag #%1 “%2”"))
                .arg(sampleId)
                .arg(tag.name));
}

void SetTagCommand::redo() {
    finish(m_store.setTag(m_sample, m_tag, m_on, m_reviewer), false);
}
void SetTagCommand::undo() {
    finish(m_store.setTag(m_sample, m_tag, !m_on, m_reviewer), false);
}

SetDecisionCommand::SetDecisionCommand(ReviewStore& store, qint64 sampleId, Decision before,
                                       Decision after)
    : ReviewCommand(store)
    , m_sample(sampleId)
    , m_before(before)
    , m_after(after) {
    setText(after == Decision::Keep ? ReviewCommandsText::tr("Keep #%1").arg(sampleId)
            : after == Decision::Drop
                ? ReviewCommandsText::tr("Drop #%1").arg(sampleId)
                : ReviewCommandsText::tr("Clear decision on #%1").arg(sampleId));
}

void SetDecisionCommand::redo() {
    finish(m_store.setDecision(m_sample, m_after, m_reviewer), false);
}
void SetDecisionCommand::undo() {
    finish(m_store.setDecision(m_sample, m_before, m_reviewer), false);
}

BulkTagCommand::BulkTagCommand(ReviewStore& store, const QList<qint64>& sampleIds,
                               const TagDef& tag, bool on)
    : ReviewCommand(store)
    , m_tag(tag.id)
    , m_on(on) {
    QSet<qint64> tagged;
    // Unread, nothing is changed: an undo must not remove tags that were there before.
    if (Status s = store.taggedAmong(sampleIds, tag.id, &tagged, m_reviewer); !s)
        finish(std::move(s), true);
    else
        for (qint64 id : sampleIds)
            if (tagged.contains(id) != on)
                m_changed.append(id);
    setText((on ? ReviewCommandsText::tr("Tag %n samples “%1”", nullptr,
                                         static_cast<int>(m_changed.size()))
                : ReviewCommandsText::tr("Untag %n samples “%1”", nullptr,
                                         static_cast<int>(m_changed.size())))
                .arg(tag.name));
}

void BulkTagCommand::redo() {
    finish(m_store.setTagOnSamples(m_changed, m_tag, m_on, m_reviewer), false);
}
void BulkTagCommand::undo() {
    finish(m_store.setTagOnSamples(m_changed, m_tag, !m_on, m_reviewer), false);
}

BulkDecisionCommand::BulkDecisionCommand(ReviewStore& store, const QList<qint64>& sampleIds,
                                         Decision after)
    : ReviewCommand(store)
    , m_after(after) {
    QHash<qint64, Decision> before;
    // Unread, nothing is changed: an undo must not clear decisions that were there before.
    if (Status s = store.decisionsOf(sampleIds, &before, m_reviewer); !s)
        finish(std::move(s), true);
    else
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            if (it.value() != after)
                m_before.insert(it.key(), it.value());
    const int n = static_cast<int>(m_before.size());
    setText(after == Decision::Keep ? ReviewCommandsText::tr("Keep %n samples", nullptr, n)
            : after == Decision::Drop
                ? ReviewCommandsText::tr("Drop %n samples", nullptr, n)
                : ReviewCommandsText::tr("Clear the decision on %n samples", nullptr, n));
}

void BulkDecisionCommand::redo() {
    QHash<qint64, Decision> after;
    for (auto it = m_before.cbegin(); it != m_before.cend(); ++it)
        after.insert(it.key(), m_after);
    finish(m_store.setDecisions(after, m_reviewer), false);
}
void BulkDecisionCommand::undo() {
    finish(m_store.setDecisions(m_before, m_reviewer), false);
}

SetNoteCommand::SetNoteCommand(ReviewStore& store, qint64 sampleId, QString before, QString after)
    : ReviewCommand(store)
    , m_sample(sampleId)
    , m_before(std::move(before))
    , m_after(std::move(after)) {
    setText(ReviewCommandsText::tr("Edit note on #%1").arg(sampleId));
}

void SetNoteCommand::redo() {
    finish(m_store.setNote(m_sample, m_after, m_reviewer), false);
}
void SetNoteCommand::undo() {
    finish(m_store.setNote(m_sample, m_before, m_reviewer), false);
}

AddTagCommand::AddTagCommand(ReviewStore& store, QString name)
    : ReviewCommand(store)
    , m_name(std::move(name).trimmed()) {
    setText(ReviewCommandsText::tr("Add tag “%1”").arg(m_name));
}

void AddTagCommand::redo() {
    if (m_removed.tag.id != 0) { // a redo after undo: the same tag again
        finish(m_store.restoreTag(m_removed), true);
        return;
    }
    qint64 id = 0;
    Status s = m_store.addTag(m_name, &id);
    if (s.ok()) {
        const QList<TagDef> tags = m_store.tags();
        const auto it =
            std::find_if(tags.begin(), tags.end(), [&](const TagDef& t) { return t.id == id; });
        m_removed.tag =
            it != tags.end() ? *it : TagDef{id, m_name, static_cast<int>(tags.size()) - 1};
    }
    finish(std::move(s), true);
}
void AddTagCommand::undo() {
    finish(m_store.removeTag(m_removed.tag.id), true);
}

RenameTagCommand::RenameTagCommand(ReviewStore& store, const TagDef& tag, QString after)
    : ReviewCommand(store)
    , m_tag(tag.id)
    , m_before(tag.name)
    , m_after(std::move(after).trimmed()) {
    setText(ReviewCommandsText::tr("Rename tag “%1” to “%2”").arg(m_before, m_after));
}

void RenameTagCommand::redo() {
    finish(m_store.renameTag(m_tag, m_after), true);
}
void RenameTagCommand::undo() {
    finish(m_store.renameTag(m_tag, m_before), true);
}

MoveTagCommand::MoveTagCommand(ReviewStore& store, const TagDef& tag, int from, int to)
    : ReviewCommand(store)
    , m_tag(tag.id)
    , m_from(from)
    , m_to(to) {
    setText(ReviewCommandsText::tr("Move tag “%1”").arg(tag.name));
}

void MoveTagCommand::redo() {
    finish(m_store.moveTag(m_tag, m_to), true);
}
void MoveTagCommand::undo() {
    finish(m_store.moveTag(m_tag, m_from), true);
}

RemoveTagCommand::RemoveTagCommand(ReviewStore& store, const TagDef& tag)
    : ReviewCommand(store)
    , m_tag(tag.id) {
    setText(ReviewCommandsText::tr("Remove tag “%1”").arg(tag.name));
}

void RemoveTagCommand::redo() {
    finish(m_store.removeTag(m_tag, &m_removed), true);
}
void RemoveTagCommand::undo() {
    finish(m_store.restoreTag(m_removed), true);
}

} // namespace synthscope::model
