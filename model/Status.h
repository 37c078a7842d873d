#pragma once

#include <QString>

namespace synthscope::model {

/// Success, or a failure with a message for the user (naming file, line and field where they
/// apply). Used where failure is expected: opening files, importing, exporting.
class [[nodiscard]] Status {
public:
    Status() = default;
    static Status failure(QString message) { return Status(std::move(message)); }
    [[nodiscard]] bool ok() const { return m_error.isEmpty(); }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const QString& error() const { return m_error; }

private:
    explicit Status(QString message)
        : m_error(std::move(message)) {}
    QString m_error;
};

} // namespace synthscope::model
