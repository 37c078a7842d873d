#include "widgets/SampleQueueDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::widgets {

SampleQueueDialog::SampleQueueDialog(QWidget* parent)
    : QDialog(parent)
    , m_by(new QComboBox(this))
    , m_role(new QComboBox(this))
    , m_size(new QSpinBox(this))
    , m_seed(new QSpinBox(this))
    , m_risk(new QCheckBox(tr("Risk-weighted: riskier strata are read more densely"), this))
    , m_name(new QLineEdit(this)) {
    setWindowTitle(tr("Sample a Review Queue"));
    m_size->setObjectName(u"queueSize"_s);
    m_name->setObjectName(u"queueName"_s);
    for (model::Dimension d : model::kDimensions)
        m_by->addItem(model::dimensionTitle(d), static_cast<int>(d));
    m_by->setCurrentIndex(1); // cluster
    m_role->addItem(tr("Synthetic samples"), u"synthetic"_s);
    m_role->addItem(tr("Real samples"), u"real"_s);
    m_role->addItem(tr("Both"), QString());
    m_size->setRange(1, 1000000);
    m_size->setValue(200);
    m_size->setSuffix(tr(" samples"));
    m_seed->setRange(0, 999999);
    m_seed->setValue(1);
    m_seed->setToolTip(tr("The same seed draws the same queue from the same project."));
    m_risk->setChecked(true);
    m_risk->setToolTip(
        tr("A stratum's risk is the mean synthetic-likeness of its samples (detectability "
           "model of the newest analysis), or its synthetic share; its sampling rate is "
           "proportional to 1 + 4 × risk."));
    auto* form = new QFormLayout(this);
    auto* intro = new QLabel(
        tr("Draws a seeded sample in proportion to each stratum's size, so every part of the "
           "data is seen; with risk weighting, riskier strata are read more densely."),
        this);
    intro->setWordWrap(true);
    form->addRow(intro);
    form->addRow(tr("&Stratify by:"), m_by);
    form->addRow(tr("&From:"), m_role);
    form->addRow(tr("Si&ze:"), m_size);
    form->addRow(tr("S&eed:"), m_seed);
    form->addRow(QString(), m_risk);
    form->addRow(tr("&Name:"), m_name);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Draw queue"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textEdited, this, [this]() { m_nameEdited = true; });
    for (QComboBox* c : {m_by, m_role})
        connect(c, &QComboBox::currentIndexChanged, this, &SampleQueueDialog::updateName);
    connect(m_size, &QSpinBox::valueChanged, this, &SampleQueueDialog::updateName);
    connect(m_seed, &QSpinBox::valueChanged, this, &SampleQueueDialog::updateName);
    connect(m_risk, &QCheckBox::toggled, this, &SampleQueueDialog::updateName);
    updateName();
}

void SampleQueueDialog::updateName() {
    if (m_nameEdited)
        return;
    m_name->setText(tr("%1 by %2%3, seed %4")
                        .arg(m_size->value())
                        .arg(m_by->currentText().toLower(),
                             m_risk->isChecked() ? tr(", risk-weighted") : QString())
                        .arg(m_seed->value()));
}

model::SamplingSpec SampleQueueDialog::spec() const {
    model::SamplingSpec s;
    s.stratifyBy = static_cast<model::Dimension>(m_by->currentData().toInt());
    s.size = m_size->value();
    s.seed = static_cast<quint64>(m_seed->value());
    s.riskWeighted = m_risk->isChecked();
    model::Role role = model::Role::Synthetic;
    if (model::parseRole(m_role->currentData().toString(), &role))
        s.role = role;
    else
        s.role = std::nullopt;
    return s;
}

QString SampleQueueDialog::name() const {
    return m_name->text().trimmed();
}

} // namespace synthscope::widgets
