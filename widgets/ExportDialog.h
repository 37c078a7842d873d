#pragma once

#include "model/Exporter.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;

namespace synthscope::model {
class ProjectDocument;
}

namespace synthscope::widgets {

/// File → Export…: a filter (corpus, role, tag, decision by anyone / the majority / one
/// reviewer, clusters and skeleton groups to keep or leave out, one per duplicate group, a
/// synthetic-likeness bound) with the live count of matching samples, and the output file.
/// The export writes the original records as JSONL, the excluded ids and a datasheet manifest.
class ExportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExportDialog(model::ProjectDocument& document, QWidget* parent = nullptr);
    [[nodiscard]] model::ExportFilter filter() const;
    [[nodiscard]] QString outputPath() const;

private:
    void updateCount();
    void browse();

    model::ProjectDocument& m_document;
    QComboBox* m_corpus;
    QComboBox* m_role;
    QComboBox* m_tag;
    QComboBox* m_decision;
    QComboBox* m_decidedBy;
    QComboBox* m_clusterMode;
    QLineEdit* m_clusters;
    QComboBox* m_skeletonMode;
    QLineEdit* m_skeletons;
    QCheckBox* m_onePerDuplicate;
    QCheckBox* m_limitLikeness;
    QDoubleSpinBox* m_maxLikeness;
    QLineEdit* m_path;
    QLabel* m_count;
    QPushButton* m_ok = nullptr;
};

} // namespace synthscope::widgets
