#include "widgets/MainWindow.h"

#include "analysis/MetricKeys.h"

#include "model/JudgeModels.h"
#include "model/ProjectDocument.h"
#include "model/Report.h"
#include "model/SampleTableModel.h"
#include "model/Settings.h"
#include "widgets/ChecklistView.h"
#include "widgets/ClusterMapView.h"
#include "widgets/ClusterMapWidget.h"
#include "widgets/DivergenceView.h"
#include "widgets/DuplicatesView.h"
#include "widgets/EmbeddingsDialog.h"
#include "widgets/ExportDialog.h"
#include "widgets/ImportDialog.h"
#include "widgets/JobStatusWidget.h"
#include "widgets/JudgeView.h"
#include "widgets/Language.h"
#include "widgets/OverviewView.h"
#include "widgets/ProjectPanel.h"
#include "widgets/ReviewView.h"
#include "widgets/SamplesView.h"
#include "widgets/SkeletonsView.h"
#include "widgets/TagSetDialog.h"
#include "widgets/TeamView.h"
#include "widgets/TrendsView.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QMouseEvent>
#include <QScopeGuard>
#include <QScreen>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>

#include <cmath>
#include <numbers>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::widgets {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_tabs(new QTabWidget(this))
    , m_panel(new ProjectPanel(this))
    , m_overview(new OverviewView(this))
    , m_divergence(new DivergenceView(this))
    , m_skeletons(new SkeletonsView(this))
    , m_map(new ClusterMapView(this))
    , m_duplicates(new DuplicatesView(this))
    , m_review(new ReviewView(this))
    , m_samples(new SamplesView(this))
    , m_judge(new JudgeView(this))
    , m_checklist(new ChecklistView(this))
    , m_team(new TeamView(this))
    , m_trends(new TrendsView(this))
    , m_reviewerLabel(new QLabel(this))
    , m_viewCombo(new QComboBox(this))
    , m_jobStatus(new JobStatusWidget(this)) {
    setWindowTitle(tr("Synthscope"));
    setWindowIcon(QIcon(u":/synthscope/icons/synthscope.svg"_s));
    setAcceptDrops(true);
    m_tabs->setObjectName(u"viewTabs"_s);
    {
        // The view: a corner of the tab bar, so every tab shows which part it is about.
        auto* corner = new QWidget(this);
        auto* row = new QHBoxLayout(corner);
        row->setContentsMargins(6, 0, 4, 0);
        auto* caption = new QLabel(tr("Anal&yse:"), corner);
        caption->setBuddy(m_viewCombo);
        m_viewCombo->setObjectName(u"analysisView"_s);
        for (model::AnalysisView v : {model::AnalysisView::All, model::AnalysisView::Prompts,
                                      model::AnalysisView::Responses})
            m_viewCombo->addItem(model::ProjectDocument::viewTitle(v), static_cast<int>(v));
        m_viewCombo->setToolTip(
            tr("<p>What the analyses read of each sample and what every tab shows: the whole "
               "text (a conversation's user and assistant turns), the <b>prompts</b> (user "
               "turns: are the inputs like what users type?) or the <b>responses</b> "
               "(assistant turns). Each has its own analysis; run the analyses (Ctrl+R) once "
               "per view. Ctrl+Alt+1, 2, 3 switch.</p>"));
        row->addWidget(caption);
        row->addWidget(m_viewCombo);
        m_tabs->setCornerWidget(corner, Qt::TopRightCorner);
        connect(m_viewCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
            if (!m_document || index < 0)
                return;
            const auto view =
                static_cast<model::AnalysisView>(m_viewCombo->itemData(index).toInt());
            if (model::Status s = m_document->setView(view); !s) {
                const QSignalBlocker quiet(m_viewCombo); // back to the view still shown
                m_viewCombo->setCurrentIndex(
                    m_viewCombo->findData(static_cast<int>(m_document->view())));
                statusBar()->showMessage(s.error(), 10000);
            }
            syncViewActions();
        });
    }
    m_tabs->addTab(m_overview, tr("Overview"));
    m_tabs->addTab(m_divergence, tr("Divergence"));
    m_tabs->addTab(m_skeletons, tr("Skeletons"));
    m_tabs->addTab(m_map, tr("Cluster map"));
    m_tabs->addTab(m_duplicates, tr("Duplicates"));
    m_tabs->addTab(m_review, tr("Review"));
    m_tabs->addTab(m_checklist, tr("Checklist"));
    m_tabs->addTab(m_team, tr("Team"));
    m_tabs->addTab(m_trends, tr("Trends"));
    m_tabs->addTab(m_samples, tr("Samples"));
    m_tabs->addTab(m_judge, tr("Judge"));
    connect(m_samples, &SamplesView::reviewSamplesRequested, this,
            [this](const QList<qint64>& ids, const QString& title, const QJsonObject& query) {
                m_review->reviewSamples(ids, title, query);
                showView(View::Review);
            });
    connect(m_samples, &SamplesView::similarRequested, this, [this](const QString& text) {
        if (m_document)
            m_document->startSimilar(text);
    });
    connect(m_samples, &SamplesView::showOnMapRequested, this,
            [this](const QList<qint64>& ids, const QString& title) {
                showView(View::ClusterMap);
                m_map->showSamples(ids, title);
            });
    connect(m_samples, &SamplesView::openSampleRequested, this, [this](qint64 id) {
        m_review->showSample(id);
        showView(View::Review);
    });
    connect(m_team, &TeamView::reviewRequested, this,
            [this](const QList<qint64>& ids, const QString& title) {
                m_review->reviewSamples(ids, title);
                showView(View::Review);
            });
    // A rule's evidence opens filtered to what tripped it (issue 13, item 7), not just its tab.
    connect(m_checklist, &ChecklistView::evidenceRequested, this,
            [this](const QString& view, const QString& metric, qint64 corpusId) {
                if (view == "trends"_L1) {  // a concentration on sources, charted by round
                    showView(View::Trends); // loads the view's metrics first if it was stale
                    m_trends->showTrend(metric, u"round"_s);
                    return;
                }
                if (view == "duplicates"_L1)
                    // The cross-copy rule: only the groups that mix the sides.
                    m_duplicates->showMixedOnly(
                        metric == QLatin1StringView(analysis::key::kCrossNearDuplicateRate));
                if (view == "cluster-map"_L1) {
                    // Colour by the per-sample score behind the rule.
                    using C = ClusterMapWidget::ColourBy;
                    const QString detect = QString::fromLatin1(analysis::key::kDetectabilityAuc);
                    m_map->showColouring(
                        metric == detect ? C::SyntheticLikeness
                        : metric.startsWith(QLatin1StringView(analysis::key::kNnSimilarityRatio))
                            ? C::NnSimilarity
                            : C::CrossRoleSimilarity);
                }
                if (view == "judge"_L1) {
                    showView(View::Judge);
                    if (corpusId > 0)
                        m_judge->selectCorpus(corpusId); // the corpus that tripped the rule
                    return;
                }
                if (view == "review"_L1 && corpusId > 0) {
                    // A per-corpus rule read on samples: the worst corpus's.
                    showView(View::Review);
                    m_review->reviewCorpus(corpusId);
                    return;
                }
                const std::pair<const char*, View> views[] = {
                    {"overview", View::Overview},
                    {"divergence", View::Divergence},
                    {"skeletons", View::Skeletons},
                    {"cluster-map", View::ClusterMap},
                    {"duplicates", View::Duplicates},
                    {"judge", View::Judge},
                    {"review", View::Review},
                    {"review-queue", View::Review}}; // a met review rule: nothing left to queue
                for (const auto& [name, v] : views)
                    if (view == QLatin1StringView(name))
                        showView(v);
            });
    connect(m_checklist, &ChecklistView::reviewSourceRequested, this,
            [this](model::Dimension dimension, const QString& value, int needed) {
                showView(View::Review);
                m_review->reviewUnreviewedSource(dimension, value, needed);
            });
    connect(m_judge, &JudgeView::reviewSamplesRequested, this,
            [this](const QList<qint64>& ids, const QString& title) {
                m_review->reviewSamples(ids, title);
                showView(View::Review);
            });
    connect(m_map, &ClusterMapView::openSampleRequested, this, [this](qint64 id) {
        m_review->showSample(id);
        showView(View::Review);
    });
    connect(m_map, &ClusterMapView::reviewSamplesRequested, this,
            [this](const QList<qint64>& ids, const QString& title) {
                m_review->reviewSamples(ids, title);
                showView(View::Review);
            });
    connect(m_map, &ClusterMapView::reviewClusterRequested, this,
            [this](qint64 cluster, const QString& title) {
                m_review->reviewGroup(model::GroupKind::Cluster, cluster, title);
                showView(View::Review);
            });
    connect(m_duplicates, &DuplicatesView::reviewGroupRequested, this,
            [this](qint64 group, const QString& title) {
                m_review->reviewGroup(model::GroupKind::Duplicate, group, title);
                showView(View::Review);
            });
    connect(m_skeletons, &SkeletonsView::reviewGroupRequested, this,
            [this](qint64 group, const QString& pattern) {
                m_review->reviewGroup(
                    model::GroupKind::Skeleton, group,
                    tr("Skeleton group %1: %2").arg(group + 1).arg(pattern.left(60)));
                showView(View::Review);
            });
    m_tabs->setDocumentMode(true);
    setCentralWidget(m_tabs);

    auto* dock = new QDockWidget(tr("Project"), this);
    dock->setObjectName(u"projectDock"_s);
    dock->setWidget(m_panel);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    resizeDocks({dock}, {380}, Qt::Horizontal);
    m_reviewerLabel->setObjectName(u"reviewerLabel"_s);
    m_reviewerLabel->setToolTip(tr("Answers are recorded under this name (Edit → Reviewer Name…)"));
    statusBar()->addPermanentWidget(m_reviewerLabel);
    statusBar()->addPermanentWidget(m_jobStatus);
    connect(m_panel, &ProjectPanel::importRequested, this, [this]() { importFiles(); });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_review)
            m_review->setFocus();
    });

    createMenus();
    // 1400×880 where it fits, else the screen's available area (a 1280×720 laptop, a
    // 1600-pixel display once got a 1616-pixel window); a saved geometry wins, within the
    // screen it is restored on.
    // resize() sets the inside of the window: leave room for the title bar and frame, which
    // are not known before the window is shown.
    constexpr int kFrame = 48;
    const QRect available = screen()->availableGeometry();
    resize(std::min(1400, available.width() - kFrame / 4),
           std::min(880, available.height() - kFrame));
    if (restoreGeometry(model::Settings::windowGeometry().get())) {
        const QRect on = screen()->availableGeometry();
        if (width() > on.width() || height() > on.height() - kFrame)
            resize(std::min(width(), on.width() - kFrame / 4),
                   std::min(height(), on.height() - kFrame));
    }
    restoreState(model::Settings::windowState().get());
    // Every named splitter of the views as the user left it.
    for (QSplitter* splitter : findChildren<QSplitter*>())
        if (!splitter->objectName().isEmpty())
            if (const QByteArray state = model::Settings::splitterState(splitter->objectName());
                !state.isEmpty())
                splitter->restoreState(state);
    updateActions();
    statusBar()->showMessage(tr("Open a project (Ctrl+O) or create one (Ctrl+N)."));
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New Project…"), QKeySequence::New, this, &MainWindow::newProject);
    file->addAction(tr("&Open Project…"), QKeySequence::Open, this, &MainWindow::openProjectDialog);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    m_projectActions << file->addAction(tr("&Import Corpus…"), QKeySequence(Qt::CTRL | Qt::Key_I),
                                        this, [this]() { importFiles(); });
    m_projectActions << file->addAction(tr("&Export Slice…"), QKeySequence(Qt::CTRL | Qt::Key_E),
                                        this, &MainWindow::exportSlice);
    m_projectActions << file->addAction(tr("Write Re&port…"), QKeySequence(u"Ctrl+Shift+P"_s), this,
                                        &MainWindow::writeReport);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    m_projectActions << m_editMenu->addAction(tr("&Tag Set…"), this, &MainWindow::editTags);
    m_editMenu->addAction(tr("Reviewer &Name…"), this, &MainWindow::setReviewer);
    m_projectActions << m_editMenu->addAction(tr("&Sample a Review Queue…"),
                                              QKeySequence(u"Ctrl+Shift+Q"_s), this, [this]() {
                                                  showView(View::Review);
                                                  m_review->sampleQueue();
                                              });

    QMenu* analysis = menuBar()->addMenu(tr("&Analysis"));
    QAction* run = analysis->addAction(tr("&Run Analyses"), this, [this]() {
        if (m_document)
            m_document->startAnalysis();
    });
    run->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_R), QKeySequence(Qt::Key_F5)});
    m_projectActions << run;
    m_projectActions << analysis->addAction(tr("E&mbeddings…"), this,
                                            &MainWindow::chooseEmbeddings);
    m_projectActions << analysis->addAction(tr("Compute &Neighbour Layout"), this, [this]() {
        if (m_document)
            m_document->startNeighbourLayout();
    });
    analysis->addSeparator();
    // Which part the tabs show and Run Analyses reads (the Analyse box in the tab bar's corner).
    const QString viewLabels[] = {tr("Show &Whole Texts"), tr("Show &Prompts"),
                                  tr("Show R&esponses")};
    auto* viewGroup = new QActionGroup(this);
    for (int i = 0; i < 3; ++i) {
        QAction* a =
            analysis->addAction(viewLabels[i], QKeySequence(Qt::CTRL | Qt::ALT | (Qt::Key_1 + i)),
                                this, [this, i]() { m_viewCombo->setCurrentIndex(i); });
        a->setCheckable(true);
        viewGroup->addAction(a);
        m_viewActions << a;
        m_projectActions << a;
    }
    syncViewActions();
    analysis->addSeparator();
    m_cancelAction = analysis->addAction(tr("&Cancel Running Jobs"),
                                         QKeySequence(Qt::CTRL | Qt::Key_Period), this, [this]() {
                                             if (m_document)
                                                 m_document->jobs().cancel();
                                         });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Overview"), QKeySequence(Qt::CTRL | Qt::Key_1), this,
                    [this]() { showView(View::Overview); });
    view->addAction(tr("&Divergence"), QKeySequence(Qt::CTRL | Qt::Key_2), this,
                    [this]() { showView(View::Divergence); });
    view->addAction(tr("&Skeletons"), QKeySequence(Qt::CTRL | Qt::Key_3), this,
                    [this]() { showView(View::Skeletons); });
    view->addAction(tr("Cluster &map"), QKeySequence(Qt::CTRL | Qt::Key_4), this,
                    [this]() { showView(View::ClusterMap); });
    view->addAction(tr("D&uplicates"), QKeySequence(Qt::CTRL | Qt::Key_5), this,
                    [this]() { showView(View::Duplicates); });
    view->addAction(tr("&Judge"), QKeySequence(Qt::CTRL | Qt::Key_J), this,
                    [this]() { showView(View::Judge); });
    view->addAction(tr("Re&view"), QKeySequence(Qt::CTRL | Qt::Key_6), this,
                    [this]() { showView(View::Review); });
    view->addAction(tr("&Checklist"), QKeySequence(Qt::CTRL | Qt::Key_7), this,
                    [this]() { showView(View::Checklist); });
    view->addAction(tr("&Team"), QKeySequence(Qt::CTRL | Qt::Key_8), this,
                    [this]() { showView(View::Team); });
    view->addAction(tr("T&rends"), QKeySequence(Qt::CTRL | Qt::Key_9), this,
                    [this]() { showView(View::Trends); });
    view->addAction(tr("S&amples"), QKeySequence(Qt::CTRL | Qt::Key_0), this,
                    [this]() { showView(View::Samples); });
    m_projectActions << view->addAction(tr("&Find Samples…"), QKeySequence::Find, this, [this]() {
        showView(View::Samples);
        m_samples->focusSearch();
    });

    view->addSeparator();
    // The interface language: the system's, or one chosen here (stored; used from the next
    // start, since the open windows keep the words they were built with).
    m_languageMenu = view->addMenu(tr("&Language"));
    m_languageMenu->setObjectName(u"languageMenu"_s);
    auto* languages = new QActionGroup(m_languageMenu);
    auto addLanguage = [&](const QString& code, const QString& name) {
        QAction* a = m_languageMenu->addAction(name);
        a->setCheckable(true);
        a->setData(code);
        a->setChecked(model::Settings::language().get() == code);
        languages->addAction(a);
        connect(a, &QAction::triggered, this, [this, code, name]() { chooseLanguage(code, name); });
    };
    addLanguage(QString(), tr("System (%1)").arg([] {
        const QString system = resolveLanguage(QString());
        for (const InterfaceLanguage& l : interfaceLanguages())
            if (l.code == system)
                return l.nativeName;
        return system;
    }()));
    m_languageMenu->addSeparator();
    for (const InterfaceLanguage& l : interfaceLanguages())
        addLanguage(l.code, l.nativeName);
    if (!languages->checkedAction())
        languages->actions().constFirst()->setChecked(true);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    // The same sheet as ? in Review (one list of keys, ReviewView::keyHelp).
    help->addAction(tr("&Keys in Review"), this, [this]() {
        showView(View::Review);
        m_review->toggleKeyHelp();
    });
    help->addAction(tr("&About Synthscope"), this, [this]() {
        QMessageBox::about(
            this, tr("About Synthscope"),
            tr("<b>Synthscope %1</b><p>Is synthetic training data still supplementing reality, "
               "or has it started to replace it?</p>")
                .arg(QStringLiteral(SYNTHSCOPE_VERSION)));
    });
    updateRecentMenu();
}

void MainWindow::chooseLanguage(const QString& code, const QString& name) {
    if (model::Settings::language().get() == code)
        return;
    model::Settings::language().set(code);
    const QString shown = resolveLanguage(code);
    if (shown == installedLanguage())
        statusBar()->showMessage(tr("Language: %1.").arg(name), 5000);
    else
        statusBar()->showMessage(
            tr("Language: %1. It takes effect the next time Synthscope starts.").arg(name), 8000);
}

void MainWindow::syncViewActions() {
    for (qsizetype i = 0; i < m_viewActions.size(); ++i)
        m_viewActions[i]->setChecked(i == m_viewCombo->currentIndex());
}

void MainWindow::updateActions() {
    const bool open = m_document != nullptr;
    for (QAction* a : m_projectActions)
        a->setEnabled(open);
    m_cancelAction->setEnabled(open);
    m_viewCombo->setEnabled(open);
    if (open) {
        const QSignalBlocker quiet(m_viewCombo);
        m_viewCombo->setCurrentIndex(m_viewCombo->findData(static_cast<int>(m_document->view())));
    }
    syncViewActions();
}

void MainWindow::updateRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent = model::Settings::recentProjects().get();
    for (const QString& path : recent)
        m_recentMenu
            ->addAction(QFileInfo(path).fileName(), this,
                        [this, path]() {
                            if (auto s = openProject(path, model::Project::OpenMode::OpenExisting);
                                !s)
                                QMessageBox::warning(this, tr("Open project"), s.error());
                        })
            ->setToolTip(path);
    m_recentMenu->setEnabled(!recent.isEmpty());
}

model::Status MainWindow::openProject(const QString& path, model::Project::OpenMode mode) {
    std::unique_ptr<model::ProjectDocument> doc;
    {
        // Opening upgrades an older file first (a minute for a million vectors at schema 14):
        // the pointer says the window is busy, and is given back however the open ends.
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const auto restore = qScopeGuard([] { QApplication::restoreOverrideCursor(); });
        if (auto s =
                model::ProjectDocument::open(path, mode, model::Settings::reviewer().get(), &doc);
            !s)
            return s;
    }
    model::Settings::addRecentProject(QFileInfo(path).absoluteFilePath());
    updateRecentMenu();
    setDocument(std::move(doc));
    return {};
}

void MainWindow::attachViews(model::ProjectDocument* document) {
    m_panel->setDocument(document);
    m_overview->setDocument(document);
    m_divergence->setDocument(document);
    m_skeletons->setDocument(document);
    m_map->setDocument(document);
    m_duplicates->setDocument(document);
    m_review->setDocument(document);
    m_checklist->setDocument(document);
    m_team->setDocument(document);
    m_trends->setDocument(document);
    m_samples->setDocument(document);
    m_judge->setDocument(document);
}

void MainWindow::setDocument(std::unique_ptr<model::ProjectDocument> document) {
    attachViews(nullptr);
    m_jobStatus->setRunner(nullptr);
    if (m_undoAction != nullptr) {
        m_editMenu->removeAction(m_undoAction);
        m_editMenu->removeAction(m_redoAction);
        delete m_undoAction;
        delete m_redoAction;
        m_undoAction = m_redoAction = nullptr;
    }
    m_document = std::move(document);
    if (m_document) {
        m_jobStatus->setRunner(&m_document->jobs()); // first: views may start jobs (map loads)
        attachViews(m_document.get());
        m_undoAction = m_document->undoStack().createUndoAction(this, tr("&Undo"));
        m_undoAction->setShortcut(QKeySequence::Undo);
        m_redoAction = m_document->undoStack().createRedoAction(this, tr("&Redo"));
        m_redoAction->setObjectName(u"redoAction"_s);
        // The platform's redo keys and Ctrl+Shift+Z, each once: where the platform's first is
        // Ctrl+Shift+Z itself (X11 without a desktop), listing it twice made Qt call the key
        // ambiguous and redo nothing.
        QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
        for (const QKeySequence& extra :
             {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)})
            if (!redoKeys.contains(extra))
                redoKeys.append(extra);
        m_redoAction->setShortcuts(redoKeys);
        QAction* first = m_editMenu->actions().value(0);
        m_editMenu->insertAction(first, m_undoAction);
        m_editMenu->insertAction(first, m_redoAction);
        m_editMenu->insertSeparator(first);
        connect(m_document.get(), &model::ProjectDocument::jobReport, this,
                [this](const QString& title, model::JobRunner::Outcome outcome,
                       const QString& message) {
                    const bool failed = outcome == model::JobRunner::Outcome::Failed;
                    statusBar()->showMessage(tr("%1: %2").arg(title, message), failed ? 0 : 10000);
                    if (failed && !message.isEmpty() && isVisible())
                        QMessageBox::warning(this, title, message);
                });
        connect(m_document.get(), &model::ProjectDocument::similarReady, this,
                [this](const QString& text, const QList<qint64>& ids) {
                    const QString title = tr("Similar to “%1”").arg(text.left(60));
                    m_review->reviewSamples(ids, title);
                    // Only follow the result from where it was asked for: a user who went on
                    // to another view stays there, and the status bar says where it is.
                    if (m_tabs->currentWidget() == m_samples || m_tabs->currentWidget() == m_review)
                        showView(View::Review);
                    else
                        statusBar()->showMessage(
                            tr("%1: %2 samples are waiting in Review.").arg(title).arg(ids.size()),
                            10000);
                });
        connect(&m_document->review(), &model::ReviewStore::writeFailed, this,
                [this](const QString& message) {
                    statusBar()->showMessage(message);
                    QMessageBox::critical(this, tr("Review edit not saved"), message);
                });
        setWindowTitle(
            tr("%1 — Synthscope").arg(QFileInfo(m_document->project().path()).fileName()));
        statusBar()->showMessage(tr("Opened %1").arg(m_document->project().path()), 5000);
    } else {
        setWindowTitle(tr("Synthscope"));
    }
    m_reviewerLabel->setText(
        tr("Reviewer: <b>%1</b>")
            .arg((m_document ? m_document->review().reviewer() : model::Settings::reviewer().get())
                     .toHtmlEscaped()));
    updateActions();
}

bool MainWindow::ensureReviewer() {
    if (model::Settings::reviewer().isSet())
        return true;
    setReviewer();
    return model::Settings::reviewer().isSet();
}

void MainWindow::showView(View view) {
    switch (view) {
    case View::Overview:
        m_tabs->setCurrentWidget(m_overview);
        break;
    case View::Divergence:
        m_tabs->setCurrentWidget(m_divergence);
        break;
    case View::Skeletons:
        m_tabs->setCurrentWidget(m_skeletons);
        break;
    case View::ClusterMap:
        m_tabs->setCurrentWidget(m_map);
        break;
    case View::Duplicates:
        m_tabs->setCurrentWidget(m_duplicates);
        break;
    case View::Judge:
        m_tabs->setCurrentWidget(m_judge);
        break;
    case View::Review:
        m_tabs->setCurrentWidget(m_review);
        break;
    case View::Checklist:
        m_tabs->setCurrentWidget(m_checklist);
        break;
    case View::Team:
        m_tabs->setCurrentWidget(m_team);
        break;
    case View::Trends:
        m_tabs->setCurrentWidget(m_trends);
        break;
    case View::Samples:
        m_tabs->setCurrentWidget(m_samples);
        break;
    }
}

void MainWindow::newProject() {
    QString path = QFileDialog::getSaveFileName(this, tr("New project"),
                                                model::Settings::lastDirectory().get(),
                                                tr("Synthscope projects (*.synthscope)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(u".synthscope"_s))
        path += u".synthscope"_s;
    if (QFileInfo::exists(path)) {
        QMessageBox::warning(
            this, tr("New project"),
            tr("%1 exists already. Open it instead, or choose another name.").arg(path));
        return;
    }
    model::Settings::lastDirectory().set(QFileInfo(path).absolutePath());
    if (auto s = openProject(path, model::Project::OpenMode::CreateIfMissing); !s)
        QMessageBox::warning(this, tr("New project"), s.error());
}

void MainWindow::openProjectDialog() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open project"), model::Settings::lastDirectory().get(),
        tr("Synthscope projects (*.synthscope);;All files (*)"));
    if (path.isEmpty())
        return;
    model::Settings::lastDirectory().set(QFileInfo(path).absolutePath());
    if (auto s = openProject(path, model::Project::OpenMode::OpenExisting); !s)
        QMessageBox::warning(this, tr("Open project"), s.error());
}

void MainWindow::importFiles(const QStringList& files) {
    if (!m_document)
        return;
    ImportDialog dialog(this);
    if (!files.isEmpty())
        dialog.setFiles(files);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_document->startImport(dialog.spec(), model::Settings::analyzeAfterImport().get());
}

void MainWindow::exportSlice() {
    if (!m_document)
        return;
    ExportDialog dialog(*m_document, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_document->startExport(dialog.filter(), dialog.outputPath());
}

void MainWindow::writeReport() {
    if (!m_document)
        return;
    // Beside the project, as Export does.
    const QFileInfo project(m_document->project().path());
    const QString suggested =
        project.dir().filePath(project.completeBaseName() + u"-report.html"_s);
    const QString chosen =
        QFileDialog::getSaveFileName(this, tr("Write report"), suggested,
                                     tr("Report, HTML and PDF (*.html *.pdf);;All files (*)"));
    if (chosen.isEmpty())
        return;
    model::Settings::lastDirectory().set(QFileInfo(chosen).absolutePath());
    const auto [html, pdf] = model::reportPaths(chosen); // one name for both files
    m_document->startReport(html, pdf);
}

void MainWindow::editTags() {
    if (!m_document)
        return;
    TagSetDialog dialog(m_document->review(), m_document->undoStack(), this);
    dialog.exec();
}

void MainWindow::chooseEmbeddings() {
    if (!m_document)
        return;
    model::Project& project = m_document->project();
    EmbeddingsDialog dialog(model::embeddingSources(project),
                            model::analysisEmbeddingSource(project), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.addRequested()) {
        m_document->startEmbedding(dialog.spec());
        return;
    }
    if (const model::Status s = model::setAnalysisEmbeddingSource(project, dialog.chosenSource());
        !s) {
        QMessageBox::warning(this, tr("Embeddings"), s.error());
        return;
    }
    m_document->startAnalysis();
}

void MainWindow::setReviewer() {
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("Reviewer"), tr("Your name, recorded with each tag and decision:"),
        QLineEdit::Normal, model::Settings::reviewer().get(), &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    model::Settings::reviewer().set(name.trimmed());
    m_reviewerLabel->setText(tr("Reviewer: <b>%1</b>").arg(name.trimmed().toHtmlEscaped()));
    if (m_document) {
        // The views show this reviewer's answers and queues: they load again. The undo history
        // stays; each edit on it is undone for the reviewer who made it.
        attachViews(nullptr);
        m_document->review().setReviewer(name);
        attachViews(m_document.get());
        statusBar()->showMessage(
            tr("Answers are now recorded as %1. Undo still applies to earlier edits, for the "
               "reviewer who made them.")
                .arg(m_document->review().reviewer()),
            10000);
    }
}

void MainWindow::setAnalysisView(model::AnalysisView view) {
    m_viewCombo->setCurrentIndex(m_viewCombo->findData(static_cast<int>(view)));
}

bool MainWindow::saveScreenshots(const QString& dir) {
    QDir().mkpath(dir);
    const std::pair<View, const char*> shots[] = {
        {View::Overview, "overview.png"},     {View::Divergence, "divergence.png"},
        {View::Skeletons, "skeletons.png"},   {View::ClusterMap, "cluster-map.png"},
        {View::Duplicates, "duplicates.png"}, {View::Review, "review.png"},
        {View::Checklist, "checklist.png"},   {View::Team, "team.png"},
        {View::Trends, "trends.png"},         {View::Judge, "judge.png"}};
    bool ok = true;
    for (const auto& [view, name] : shots) {
        if (view == View::Judge && m_judge->table()->rowCount() == 0)
            continue; // a project without preference pairs: nothing to picture
        showView(view);
        QApplication::processEvents();
        // The map loads and the gate is judged in jobs, and a large map is sorted on a pool
        // thread: wait for them (at most a minute) before the picture.
        QElapsedTimer waited;
        waited.start();
        while (((m_document && (m_document->jobs().isBusy() ||
                                m_document->jobs().isBusy(model::JobRunner::Kind::Gate))) ||
                m_map->map()->isArranging()) &&
               waited.elapsed() < 60000)
            QApplication::processEvents(QEventLoop::AllEvents, 50);
        QApplication::processEvents();
        ok = grab().save(QDir(dir).filePath(QString::fromLatin1(name))) && ok;
    }
    // The team view's other pages: tag rates (heat map and chart) and notes.
    const std::pair<TeamView::Page, const char*> pages[] = {
        {TeamView::Page::TagRates, "team-tag-rates.png"},
        {TeamView::Page::Notes, "team-notes.png"}};
    showView(View::Team); // the pages are the Team view's, not the last view's
    for (const auto& [page, name] : pages) {
        m_team->showPage(page);
        QApplication::processEvents();
        ok = grab().save(QDir(dir).filePath(QString::fromLatin1(name))) && ok;
    }
    m_team->showPage(TeamView::Page::Agreement);
    // A lasso on the cluster map, drawn as a user drags it (Shift+drag with the lasso tool).
    showView(View::ClusterMap);
    QApplication::processEvents();
    if (ClusterMapWidget* map = m_map->map(); map->points() && map->points()->size() > 0) {
        map->setSelectionTool(ClusterMapWidget::SelectionTool::Lasso);
        const QPointF centre(map->width() * 0.42, map->height() * 0.5);
        const auto at = [&](int step) {
            const double angle = 2.0 * std::numbers::pi * step / 32.0;
            return centre + QPointF(map->width() * 0.18 * std::cos(angle),
                                    map->height() * 0.22 * std::sin(angle) *
                                        (1.0 + 0.3 * std::cos(3.0 * angle)));
        };
        const auto send = [&](QEvent::Type type, QPointF pos, Qt::MouseButtons buttons) {
            QMouseEvent event(type, pos, map->mapToGlobal(pos), Qt::LeftButton, buttons,
                              Qt::ShiftModifier);
            QApplication::sendEvent(map, &event);
        };
        send(QEvent::MouseButtonPress, at(0), Qt::LeftButton);
        for (int step = 1; step <= 32; ++step)
            send(QEvent::MouseMove, at(step), Qt::LeftButton);
        send(QEvent::MouseButtonRelease, at(32), Qt::NoButton);
        QApplication::processEvents();
        ok = grab().save(QDir(dir).filePath(u"cluster-map-lasso.png"_s)) && ok;
        map->setSelectionTool(ClusterMapWidget::SelectionTool::Box);
    }
    // The sample table: every sample, then a search with its hits marked.
    showView(View::Samples);
    const auto waitForSearch = [this]() {
        QElapsedTimer waited;
        waited.start();
        QApplication::processEvents();
        while (m_samples->samples()->searching() && waited.elapsed() < 60000)
            QApplication::processEvents(QEventLoop::AllEvents, 50);
        QApplication::processEvents();
    };
    waitForSearch();
    ok = grab().save(QDir(dir).filePath(u"samples.png"_s)) && ok;
    m_samples->search(u"refund NOT order"_s);
    waitForSearch();
    ok = grab().save(QDir(dir).filePath(u"samples-search.png"_s)) && ok;
    m_samples->search(QString());
    // Review's sheet of keys (the ? key).
    showView(View::Review);
    m_review->toggleKeyHelp();
    QApplication::processEvents();
    ok = grab().save(QDir(dir).filePath(u"review-keys.png"_s)) && ok;
    m_review->toggleKeyHelp();
    return ok;
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (m_document && m_document->jobs().isBusy()) {
        const auto answer =
            QMessageBox::question(this, tr("Jobs are running"),
                                  tr("Cancel the running jobs and quit? The project stays as it "
                                     "was before each of them."));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
    }
    model::Settings::windowGeometry().set(saveGeometry());
    model::Settings::windowState().set(saveState());
    for (QSplitter* splitter : findChildren<QSplitter*>())
        if (!splitter->objectName().isEmpty())
            model::Settings::setSplitterState(splitter->objectName(), splitter->saveState());
    setDocument(nullptr);
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (m_document && event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    QStringList files;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile())
            files << url.toLocalFile();
    if (!files.isEmpty())
        importFiles(files);
}

} // namespace synthscope::widgets
