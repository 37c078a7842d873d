#pragma once

#include "model/Exporter.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace synthscope::model {
class ProjectDocument;
}

namespace synthscope::widgets {

/// File → Export…: a filter (corpus, role, tag, decision) with the live count of matching
/// samples, and the output file. The export writes the original records as JSONL plus a
/// manifest beside it.
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
    QLineEdit* m_path;
    QLabel* m_count;
    QPushButton* m_ok = nullptr;
};

} // namespace synthscope::widgets
