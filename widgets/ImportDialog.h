#pragma once

#include "model/Importer.h"

#include <QDialog>

#include <optional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;
class QSpinBox;
class QTableWidget;

namespace synthscope::widgets {

/// File → Import…: pick files and format, see the first rows, map fields (text from a field
/// or a template such as "{instruction}\n{response}" with its role — prompt, response or
/// neither —, preference pairs, or conversations in a detected layout; an optional label,
/// provenance), choose the role and name, and see what the first record becomes before
/// importing.
class ImportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ImportDialog(QWidget* parent = nullptr);
    /// Pre-selects files (e.g. from a drop or the command line) and loads the preview.
    void setFiles(const QStringList& files);
    /// The import to run; valid after accept().
    [[nodiscard]] model::ImportSpec spec() const;

private:
    void browse();
    void loadPreview();
    void updateMappedPreview();
    void validate();

    QLineEdit* m_files;
    QComboBox* m_format;
    QTableWidget* m_preview;
    QLabel* m_previewNote;
    QLineEdit* m_name;
    QRadioButton* m_real;
    QRadioButton* m_synthetic;
    QRadioButton* m_useField;
    QRadioButton* m_useTemplate;
    QRadioButton* m_usePairs; ///< enabled when the first record has a pair layout
    QRadioButton* m_useConversation;
    QComboBox* m_conversationFormat; ///< the layout (model::ConversationFormat), detected first
    QComboBox* m_textRole; ///< whether a field's or template's text is a prompt or response
    QComboBox* m_textField;
    QLineEdit* m_template;
    QComboBox* m_labelField;
    QComboBox* m_duplicateField; ///< (none), then model::mappableFieldNames()
    QLineEdit* m_where;          ///< "field=value; field=value": only matching records are imported
    QList<QLineEdit*> m_meta;    ///< generator, template version, judge version, round
    QSpinBox* m_maxKiB;
    QCheckBox* m_sample;    ///< keep a uniform random sample (ImportSpec::sampling)
    QSpinBox* m_sampleSize; ///< records to keep
    QSpinBox* m_sampleSeed;
    QPlainTextEdit* m_mapped;
    QLabel* m_error;
    QPushButton* m_ok = nullptr;
    std::vector<model::RawRecord> m_records;
    /// The pair layout of the first record (model::detectPairMapping), when it has one.
    std::optional<model::PairMapping> m_pairs;
    /// The conversation layout of the first record (model::detectConversationMapping), if any.
    std::optional<model::ConversationMapping> m_conversation;
    /// The conversation mapping of the chosen format: the detected one, else the format's usual
    /// field names.
    [[nodiscard]] model::ConversationMapping chosenConversation() const;
};

} // namespace synthscope::widgets
