#include "widgets/BulkAnswerBar.h"

#include "model/ProjectDocument.h"
#include "model/ReviewCommands.h"

#include <QHBoxLayout>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QToolButton>
#include <QUndoStack>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::widgets {

BulkAnswerBar::BulkAnswerBar(const QString& prefix, Samples samples, QWidget* parent)
    : QWidget(parent)
    , m_samples(std::move(samples))
    , m_tag(new QToolButton(this))
    , m_keep(new QPushButton(tr("&Keep"), this))
    , m_drop(new QPushButton(tr("&Drop"), this)) {
    m_tag->setObjectName(prefix + u"TagSelection"_s);
    m_tag->setText(tr("&Tag selected"));
    m_tag->setPopupMode(QToolButton::InstantPopup);
    m_tag->setMenu(new QMenu(m_tag));
    m_tag->setToolTip(tr("Give (or take away) a tag on every selected sample: one step to undo"));
    m_keep->setObjectName(prefix + u"Keep"_s);
    m_keep->setToolTip(tr("Keep every selected sample (one step to undo)"));
    m_drop->setObjectName(prefix + u"Drop"_s);
    m_drop->setToolTip(tr("Drop every selected sample (one step to undo)"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tag);
    layout->addWidget(m_keep);
    layout->addWidget(m_drop);
    connect(m_keep, &QPushButton::clicked, this, [this]() { decide(model::Decision::Keep); });
    connect(m_drop, &QPushButton::clicked, this, [this]() { decide(model::Decision::Drop); });
}

void BulkAnswerBar::setDocument(model::ProjectDocument* document) {
    m_document = document;
    rebuildTagMenu();
}

void BulkAnswerBar::rebuildTagMenu() {
    QMenu* menu = m_tag->menu();
    menu->clear();
    if (m_document == nullptr)
        return;
    const QList<model::TagDef> tags = m_document->review().tags();
    for (const model::TagDef& t : tags)
        menu->addAction(tr("Tag “%1”").arg(t.name), this, [this, id = t.id]() { tag(id, true); });
    menu->addSeparator();
    QMenu* untag = menu->addMenu(tr("Remove a tag"));
    for (const model::TagDef& t : tags)
        untag->addAction(t.name, this, [this, id = t.id]() { tag(id, false); });
}

bool BulkAnswerBar::confirmed(qsizetype count, const QString& what) {
    if (count < kConfirmFrom)
        return true;
    return QMessageBox::question(
               this, tr("Answer %L1 samples").arg(count),
               tr("%1 %L2 samples at once? (Edit → Undo takes it back in one step.)")
                   .arg(what)
                   .arg(count),
               QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Yes;
}

void BulkAnswerBar::tag(qint64 tagId, bool on) {
    if (m_document == nullptr)
        return;
    for (const model::TagDef& t : m_document->review().tags())
        if (t.id == tagId) {
            const QList<qint64> samples = m_samples();
            if (!confirmed(samples.size(),
                           on ? tr("Tag “%1” on").arg(t.name) : tr("Take “%1” off").arg(t.name)))
                return;
            auto* command = new model::BulkTagCommand(m_document->review(), samples, t, on);
            if (!command->status().ok()) {
                delete command; // reported through writeFailed
                return;
            }
            if (command->changed().isEmpty()) {
                delete command;
                Q_EMIT nothingToDo(on ? tr("Every selected sample has “%1” already.").arg(t.name)
                                      : tr("No selected sample has “%1”.").arg(t.name));
                return;
            }
            m_document->undoStack().push(command);
            return;
        }
}

void BulkAnswerBar::decide(model::Decision decision) {
    if (m_document == nullptr)
        return;
    const QList<qint64> samples = m_samples();
    if (!confirmed(samples.size(), decision == model::Decision::Keep ? tr("Keep") : tr("Drop")))
        return;
    auto* command = new model::BulkDecisionCommand(m_document->review(), samples, decision);
    if (!command->status().ok()) {
        delete command; // reported through writeFailed
        return;
    }
    if (command->changedCount() == 0) {
        delete command;
        Q_EMIT nothingToDo(tr("Every selected sample has that decision already."));
        return;
    }
    m_document->undoStack().push(command);
}

} // namespace synthscope::widgets
