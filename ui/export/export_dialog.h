#pragma once

#include "figure_export.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTimer;

namespace attn::ui {

class Document;

/// Exports one figure: a stage's heatmap or the whole pipeline, with a live
/// preview of exactly what the file will hold (size, title, numbers, theme,
/// colour maps, font size). The preview follows the document as it is edited.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ExportDialog(const Document *document, QWidget *parent = nullptr);

    /// The figure the controls describe.
    FigureOptions options() const;
    /// Starts on this stage (none: the pipeline) and head.
    void setStage(std::optional<Stage> stage, int head);

    /// Asks for a file name and writes the figure; false if cancelled or failed
    /// (the reason was shown).
    bool saveFigure();
    /// Puts the figure on the clipboard as an image and as SVG.
    void copyFigure();

private:
    void fillStages();
    void syncEnabled();
    void schedulePreview();
    void updatePreview();

    const Document *m_document;
    QComboBox *m_stage = nullptr;
    QComboBox *m_head = nullptr;
    QComboBox *m_format = nullptr;
    QSpinBox *m_width = nullptr;
    QSpinBox *m_height = nullptr;
    QComboBox *m_scale = nullptr;
    QCheckBox *m_showTitle = nullptr;
    QLineEdit *m_title = nullptr;
    QCheckBox *m_values = nullptr;
    QComboBox *m_theme = nullptr;
    QComboBox *m_probabilityMap = nullptr;
    QComboBox *m_signedMap = nullptr;
    QCheckBox *m_transparent = nullptr;
    QDoubleSpinBox *m_fontSize = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_pixels = nullptr;
    QTimer *m_previewTimer = nullptr;
};

} // namespace attn::ui
