#pragma once

#include "model/EmbeddingSources.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QRadioButton;
class QSpinBox;
class QLabel;

namespace synthscope::widgets {

/// Analysis → Embeddings…: which embeddings the analyses use (the built-in TF-IDF/SVD ones or a
/// stored source), and a form to add a source from a field of the records, a keyed JSON Lines
/// file or an OpenAI-compatible endpoint. The API key is named by an environment variable and
/// never typed here or stored.
class EmbeddingsDialog : public QDialog {
    Q_OBJECT
public:
    /// sources: the stored sources with their sample counts; current: the project's choice
    /// (empty: built in).
    EmbeddingsDialog(const QList<std::pair<QString, qint64>>& sources, const QString& current,
                     QWidget* parent = nullptr);

    /// True when the user asked to add embeddings (then spec() says how).
    [[nodiscard]] bool addRequested() const { return m_add; }
    [[nodiscard]] model::EmbeddingSpec spec() const;
    /// The source the analyses should use (empty: built in).
    [[nodiscard]] QString chosenSource() const;

private:
    void updateState();

    QComboBox* m_use;
    QLineEdit* m_name;
    QRadioButton* m_fromField;
    QRadioButton* m_fromFile;
    QRadioButton* m_fromEndpoint;
    QLineEdit* m_field;
    QLineEdit* m_file;
    QLineEdit* m_url;
    QLineEdit* m_model;
    QLineEdit* m_keyVariable;
    QSpinBox* m_batch;
    QLabel* m_problem;
    QPushButton* m_addButton = nullptr;
    bool m_add = false;
};

} // namespace synthscope::widgets
