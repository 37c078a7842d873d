#pragma once

#include "model/TeamReview.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace synthscope::widgets {

/// Review → Sample a queue…: how many samples, stratified by what, seeded, and whether the
/// sampling rate rises with a stratum's risk. The queue is drawn by model::sampleQueue().
class SampleQueueDialog : public QDialog {
    Q_OBJECT
public:
    explicit SampleQueueDialog(QWidget* parent = nullptr);
    [[nodiscard]] model::SamplingSpec spec() const;
    [[nodiscard]] QString name() const;

private:
    void updateName();
    QComboBox* m_by;
    QComboBox* m_role;
    QSpinBox* m_size;
    QSpinBox* m_seed;
    QCheckBox* m_risk;
    QLineEdit* m_name;
    bool m_nameEdited = false;
};

} // namespace synthscope::widgets
