#pragma once

#include "model/Project.h"

#include <QMainWindow>

#include <memory>

class QComboBox;
class QMenu;
class QLabel;
class QTabWidget;

namespace synthscope::model {
class ProjectDocument;
}

namespace synthscope::widgets {

class DivergenceView;
class JobStatusWidget;
class OverviewView;
class ProjectPanel;
class ReviewView;
class SkeletonsView;
class ClusterMapView;
class DuplicatesView;
class ChecklistView;
class TeamView;
class TrendsView;
class SamplesView;
class JudgeView;

/// The workbench window: project panel (left), the view tabs (Overview, Divergence, Skeletons,
/// Cluster map, Duplicates, Review, Checklist), menus,
/// the job strip in the status bar. Owns the open ProjectDocument.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class View {
        Overview,
        Divergence,
        Skeletons,
        ClusterMap,
        Duplicates,
        Judge,
        Review,
        Checklist,
        Team,
        Trends,
        Samples
    };

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens (or creates) a project; on failure shows nothing and returns the error.
    model::Status openProject(const QString& path, model::Project::OpenMode mode);
    [[nodiscard]] model::ProjectDocument* document() const { return m_document.get(); }
    void showView(View view);

    [[nodiscard]] ProjectPanel* projectPanel() const { return m_panel; }
    [[nodiscard]] OverviewView* overview() const { return m_overview; }
    [[nodiscard]] DivergenceView* divergence() const { return m_divergence; }
    [[nodiscard]] ReviewView* review() const { return m_review; }
    [[nodiscard]] SkeletonsView* skeletons() const { return m_skeletons; }
    [[nodiscard]] ClusterMapView* clusterMap() const { return m_map; }
    [[nodiscard]] DuplicatesView* duplicates() const { return m_duplicates; }
    [[nodiscard]] ChecklistView* checklist() const { return m_checklist; }
    [[nodiscard]] TeamView* team() const { return m_team; }
    [[nodiscard]] TrendsView* trends() const { return m_trends; }
    [[nodiscard]] SamplesView* samples() const { return m_samples; }
    [[nodiscard]] JudgeView* judge() const { return m_judge; }
    /// Asks for the reviewer name when none was ever chosen (first start); true if one is set.
    bool ensureReviewer();

    /// Saves a PNG of every view (overview.png, divergence.png, skeletons.png, cluster-map.png,
    /// duplicates.png, review.png, checklist.png) into dir, waiting for the map to load.
    bool saveScreenshots(const QString& dir);
    /// Shows the analyses of view (as the Analyse box in the tab bar's corner does).
    void setAnalysisView(model::AnalysisView view);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    void setDocument(std::unique_ptr<model::ProjectDocument> document);
    /// Shows document (or nothing) in every view; the job strip and undo actions are left alone.
    void attachViews(model::ProjectDocument* document);
    void newProject();
    void openProjectDialog();
    void importFiles(const QStringList& files = {});
    void exportSlice();
    void writeReport();
    void editTags();
    void chooseEmbeddings();
    void setReviewer();
    void updateRecentMenu();
    void updateActions();

    std::unique_ptr<model::ProjectDocument> m_document;
    QTabWidget* m_tabs;
    ProjectPanel* m_panel;
    OverviewView* m_overview;
    DivergenceView* m_divergence;
    SkeletonsView* m_skeletons;
    ClusterMapView* m_map;
    DuplicatesView* m_duplicates;
    ReviewView* m_review;
    SamplesView* m_samples;
    JudgeView* m_judge;
    ChecklistView* m_checklist;
    TeamView* m_team;
    TrendsView* m_trends;
    QLabel* m_reviewerLabel;
    /// Which part of each sample the analyses read and the views show (the tab bar's corner).
    QComboBox* m_viewCombo;
    QList<QAction*> m_viewActions; ///< Analysis → Show Whole Texts / Prompts / Responses
    void syncViewActions();
    /// Stores the interface language chosen in View > Language ("" = the system's) and says
    /// when it takes effect.
    void chooseLanguage(const QString& code, const QString& name);
    JobStatusWidget* m_jobStatus;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_editMenu = nullptr;
    QMenu* m_languageMenu = nullptr;
    QList<QAction*> m_projectActions;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_cancelAction = nullptr;
};

} // namespace synthscope::widgets
