#include "model/CorpusModels.h"

#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

QString CorporaModel::samplingText(const CorpusInfo::Sampling& s) {
    if (s.size >= s.population) // nothing was left out
        return tr("all %1 records (a sample of up to %2 was asked)")
            .arg(QLocale().toString(s.population), QLocale().toString(s.size));
    return tr("a uniform sample of %1 of %2 records (reservoir sampling, seed %3)")
        .arg(QLocale().toString(s.size), QLocale().toString(s.population))
        .arg(s.seed);
}

CorporaModel::CorporaModel(QObject* parent)
    : ColumnTableModel(parent) {
    using C = TableColumn<CorpusInfo>;
    setColumns({
        C{.header = tr("Corpus"),
          .display = [](const CorpusInfo& c) -> QVariant { return c.name; }},
        C{.header = tr("Role"),
          .display = [](const CorpusInfo& c) -> QVariant {
              return c.role == Role::Real ? tr("real") : tr("synthetic");
          }},
        C{.header = tr("Samples"),
          .display = [](const CorpusInfo& c) -> QVariant { return c.samples; },
          .numeric = true},
        C{.header = tr("Rejected"),
          .display = [](const CorpusInfo& c) -> QVariant { return c.rejected; },
          .numeric = true},
        // The file format and how records were read: "jsonl · openai", "json · pairs",
        // "jsonl · prompts" (a text given the prompt role).
        C{.header = tr("Format"),
          .display = [](const CorpusInfo& c) -> QVariant {
              const FieldMapping& m = c.mapping;
              const QString how =
                  m.pairs.enabled() ? tr("pairs")
                  : m.conversation.enabled()
                      ? QString::fromLatin1(conversationFormatName(m.conversation.format))
                  : m.textRole == "prompt"   ? tr("prompts")
                  : m.textRole == "response" ? tr("responses")
                                             : QString();
              return how.isEmpty() ? c.format : u"%1 · %2"_s.arg(c.format, how);
          }},
        C{.header = tr("Provenance"),
          .display = [](const CorpusInfo& c) -> QVariant {
              QStringList parts;
              if (!c.provenanceText().isEmpty())
                  parts << c.provenanceText();
              if (c.sampling)
                  parts << samplingText(*c.sampling);
              return parts.join(u" · "_s);
          }},
    });
}

QVariant CorporaModel::rowData(const CorpusInfo& c, int role) const {
    if (role == CorpusIdRole)
        return c.id;
    if (role == Qt::ToolTipRole) {
        QString tip = tr("%1\nFiles: %2\nImported: %3\nRows read: %4 (skipped by the condition: "
                         "%5)\nWith a prompt: %6, with a response: %7")
                          .arg(c.name, c.files.join(u", "_s), c.importedAt)
                          .arg(c.rowsIn)
                          .arg(c.filtered)
                          .arg(c.prompts)
                          .arg(c.responses);
        if (c.sampling && c.sampling->size < c.sampling->population)
            tip += u'\n' + tr("Imported as %1: every measure of this corpus is an estimate from "
                              "the sample.")
                               .arg(samplingText(*c.sampling));
        return tip;
    }
    return {};
}

RejectsModel::RejectsModel(QObject* parent)
    : ColumnTableModel(parent) {
    using C = TableColumn<RejectedRow>;
    setColumns({
        C{.header = tr("File"),
          .display = [](const RejectedRow& r) -> QVariant { return r.file.section(u'/', -1); },
          .toolTip = [](const RejectedRow& r) -> QVariant { return r.file; }},
        C{.header = tr("Line"),
          .display = [](const RejectedRow& r) -> QVariant { return r.line; },
          .numeric = true},
        C{.header = tr("Reason"),
          .display = [](const RejectedRow& r) -> QVariant { return r.reason; },
          .toolTip = [](const RejectedRow& r) -> QVariant { return r.reason; }},
    });
}

} // namespace synthscope::model
