#include "export_dialog.h"

#include "document.h"
#include "heatmap_view.h"
#include "stage_heatmap.h"
#include "stage_labels.h"
#include "stage_text.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>

namespace attn::ui {

namespace {

constexpr int pipelineItem = -1;
const QSize previewArea(520, 400);

} // namespace

ExportDialog::ExportDialog(const Document *document, QWidget *parent)
    : QDialog(parent), m_document(document)
{
    setWindowTitle(tr("Export figure"));

    m_stage = new QComboBox(this);
    m_head = new QComboBox(this);
    m_format = new QComboBox(this);
    m_format->addItem(tr("PNG image"), int(FigureOptions::Format::Png));
    m_format->addItem(tr("SVG (vector)"), int(FigureOptions::Format::Svg));
    m_format->addItem(tr("PDF (vector)"), int(FigureOptions::Format::Pdf));
    m_width = new QSpinBox(this);
    m_height = new QSpinBox(this);
    for (QSpinBox *side : {m_width, m_height}) {
        side->setRange(FigureOptions::minimumSide, FigureOptions::maximumSide);
        side->setSuffix(tr(" px"));
        side->setSingleStep(100);
    }
    m_width->setValue(1200);
    m_height->setValue(900);
    m_scale = new QComboBox(this);
    for (int scale = 1; scale <= 3; ++scale)
        m_scale->addItem(tr("%1× (sharp on %2)")
                             .arg(scale)
                             .arg(scale == 1   ? tr("ordinary screens")
                                  : scale == 2 ? tr("high-resolution screens")
                                               : tr("4K projectors")),
                         scale);
    m_scale->setCurrentIndex(1);
    m_showTitle = new QCheckBox(tr("Show a title"), this);
    m_showTitle->setChecked(true);
    m_title = new QLineEdit(this);
    m_values = new QCheckBox(tr("Numbers in the cells (where they fit)"), this);
    m_values->setChecked(true);
    m_theme = new QComboBox(this);
    m_theme->addItem(tr("Light slide: white background, dark text"),
                     int(FigureOptions::Theme::Light));
    m_theme->addItem(tr("Dark slide: dark background, light text"),
                     int(FigureOptions::Theme::Dark));
    m_transparent = new QCheckBox(tr("Transparent background"), this);
    // One map for the weights (probabilities, 0 to 1), one for the signed
    // stages; a single stage uses one of them, the pipeline both.
    m_probabilityMap = new QComboBox(this);
    m_probabilityMap->setObjectName(QStringLiteral("exportProbabilityMap"));
    m_signedMap = new QComboBox(this);
    m_signedMap->setObjectName(QStringLiteral("exportSignedMap"));
    for (const ColorMap map : colorMaps()) {
        if (suitsProbabilities(map))
            m_probabilityMap->addItem(colorMapTitle(map), int(map));
        if (suitsSignedValues(map))
            m_signedMap->addItem(colorMapTitle(map), int(map));
    }
    m_probabilityMap->setCurrentIndex(m_probabilityMap->findData(int(ColorMap::Viridis)));
    m_signedMap->setCurrentIndex(m_signedMap->findData(int(ColorMap::BlueWhiteRed)));
    m_probabilityMap->setToolTip(tr("The colours of the attention weights (0 to 1)"));
    m_signedMap->setToolTip(tr("The colours of the other stages: negative, 0, positive"));
    m_fontSize = new QDoubleSpinBox(this);
    m_fontSize->setRange(8.0, 32.0);
    m_fontSize->setDecimals(0);
    m_fontSize->setValue(12.0);
    m_fontSize->setSuffix(tr(" pt"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Show:"), m_stage);
    form->addRow(tr("&Head:"), m_head);
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("&Width:"), m_width);
    form->addRow(tr("H&eight:"), m_height);
    form->addRow(tr("&Pixels:"), m_scale);
    form->addRow(QString(), m_showTitle);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(QString(), m_values);
    form->addRow(tr("The&me:"), m_theme);
    form->addRow(QString(), m_transparent);
    form->addRow(tr("Colours, &weights:"), m_probabilityMap);
    form->addRow(tr("Colours, si&gned:"), m_signedMap);
    form->addRow(tr("Font si&ze:"), m_fontSize);

    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("exportPreview"));
    m_preview->setMinimumSize(previewArea);
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setStyleSheet(QStringLiteral(
        "QLabel#exportPreview { background: #8a8a8a; border: 1px solid palette(mid); }"));
    m_pixels = new QLabel(this);
    m_pixels->setObjectName(QStringLiteral("exportPixels"));
    auto *previewColumn = new QVBoxLayout;
    previewColumn->addWidget(m_preview, 1);
    previewColumn->addWidget(m_pixels);

    auto *columns = new QHBoxLayout;
    columns->addLayout(form);
    columns->addLayout(previewColumn, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *save = buttons->addButton(tr("&Save…"), QDialogButtonBox::AcceptRole);
    QPushButton *copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    copy->setToolTip(tr("Copy the figure to the clipboard, as an image and as SVG"));
    save->setDefault(true);
    connect(save, &QPushButton::clicked, this, [this] {
        if (saveFigure())
            accept();
    });
    connect(copy, &QPushButton::clicked, this, &ExportDialog::copyFigure);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);

    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(60);
    connect(m_previewTimer, &QTimer::timeout, this, &ExportDialog::updatePreview);

    for (QComboBox *combo :
         {m_stage, m_head, m_format, m_scale, m_theme, m_probabilityMap, m_signedMap})
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            syncEnabled();
            schedulePreview();
        });
    for (QSpinBox *spin : {m_width, m_height})
        connect(spin, &QSpinBox::valueChanged, this, &ExportDialog::schedulePreview);
    connect(m_fontSize, &QDoubleSpinBox::valueChanged, this, &ExportDialog::schedulePreview);
    for (QCheckBox *box : {m_showTitle, m_values, m_transparent})
        connect(box, &QCheckBox::toggled, this, [this] {
            syncEnabled();
            schedulePreview();
        });
    connect(m_title, &QLineEdit::textChanged, this, &ExportDialog::schedulePreview);
    connect(m_document, &Document::traceChanged, this, [this] {
        fillStages();
        schedulePreview();
    });

    fillStages();
    syncEnabled();
    updatePreview();
}

void ExportDialog::fillStages()
{
    const QVariant stage = m_stage->currentData();
    const int head = m_head->currentIndex();
    const QSignalBlocker stageBlocker(m_stage);
    const QSignalBlocker headBlocker(m_head);
    m_stage->clear();
    m_stage->addItem(tr("The whole pipeline"), pipelineItem);
    for (const Stage each : stage_labels::stages(m_document->scenario()))
        m_stage->addItem(stage_text::title(each) + QStringLiteral("  ") + stage_text::symbol(each),
                         int(each));
    m_stage->setCurrentIndex(
        std::max(0, m_stage->findData(stage.isValid() ? stage : pipelineItem)));
    m_head->clear();
    const int heads = std::max(1, m_document->trace().headCount());
    for (int index = 0; index < heads; ++index)
        m_head->addItem(tr("Head %1 of %2").arg(index + 1).arg(heads));
    m_head->setCurrentIndex(std::clamp(head, 0, heads - 1));
}

void ExportDialog::setStage(std::optional<Stage> stage, int head)
{
    m_stage->setCurrentIndex(std::max(0, m_stage->findData(stage ? int(*stage) : pipelineItem)));
    m_head->setCurrentIndex(std::clamp(head, 0, m_head->count() - 1));
}

FigureOptions ExportDialog::options() const
{
    FigureOptions options;
    const int stage = m_stage->currentData().toInt();
    if (stage != pipelineItem)
        options.stage = Stage(stage);
    options.head = std::max(0, m_head->currentIndex());
    options.format = FigureOptions::Format(m_format->currentData().toInt());
    options.size = QSize(m_width->value(), m_height->value());
    options.scale = m_scale->currentData().toInt();
    options.showTitle = m_showTitle->isChecked();
    options.title = m_title->text().trimmed();
    options.values = m_values->isChecked();
    options.theme = FigureOptions::Theme(m_theme->currentData().toInt());
    options.transparent = m_transparent->isChecked();
    options.fontSize = m_fontSize->value();
    options.probabilityMap = ColorMap(m_probabilityMap->currentData().toInt());
    options.signedMap = ColorMap(m_signedMap->currentData().toInt());
    return options;
}

void ExportDialog::syncEnabled()
{
    const FigureOptions figure = options();
    const bool perHead = !figure.stage || stage_labels::isPerHead(*figure.stage);
    m_head->setEnabled(perHead && m_head->count() > 1);
    m_scale->setEnabled(figure.format == FigureOptions::Format::Png);
    m_title->setEnabled(figure.showTitle);
    const bool probabilities =
        figure.stage &&
        stage_heatmap::colorScheme(*figure.stage) == HeatmapView::ColorScheme::Probability;
    m_probabilityMap->setEnabled(!figure.stage || probabilities);
    m_signedMap->setEnabled(!figure.stage || !probabilities);
    FigureRenderer renderer(m_document->scenario(), m_document->trace());
    m_title->setPlaceholderText(renderer.defaultTitle(figure));
}

void ExportDialog::schedulePreview()
{
    m_previewTimer->start();
}

void ExportDialog::updatePreview()
{
    FigureOptions figure = options();
    // The whole figure, shrunk to the preview: what the file holds, at a glance.
    const QSize shown = figure.size.scaled(previewArea, Qt::KeepAspectRatio);
    figure.scale = double(shown.width()) / figure.size.width() * devicePixelRatioF();
    FigureRenderer renderer(m_document->scenario(), m_document->trace());
    QImage image = renderer.image(figure);
    image.setDevicePixelRatio(devicePixelRatioF());
    m_preview->setPixmap(QPixmap::fromImage(image));
    const FigureOptions chosen = options();
    m_pixels->setText(chosen.format == FigureOptions::Format::Png
                          ? tr("%1 × %2 pixels")
                                .arg(qRound(chosen.size.width() * chosen.scale))
                                .arg(qRound(chosen.size.height() * chosen.scale))
                          : tr("%1 × %2 (vector, 96 per inch)")
                                .arg(chosen.size.width())
                                .arg(chosen.size.height()));
}

bool ExportDialog::saveFigure()
{
    const FigureOptions figure = options();
    const QString suffix = formatSuffix(figure.format);
    const QString filter = figure.format == FigureOptions::Format::Png   ? tr("PNG images (*.png)")
                           : figure.format == FigureOptions::Format::Svg ? tr("SVG files (*.svg)")
                                                                         : tr("PDF files (*.pdf)");
    const QString name =
        (figure.stage ? stage_text::key(*figure.stage) : QStringLiteral("pipeline")) +
        QLatin1Char('.') + suffix;
    QString path = QFileDialog::getSaveFileName(this, tr("Export figure"), name, filter);
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + suffix;
    QString error;
    if (!exportFigure(m_document->scenario(), m_document->trace(), figure, path, &error)) {
        QMessageBox::warning(this, tr("Export figure"),
                             tr("The figure was not saved: %1.").arg(error));
        return false;
    }
    return true;
}

void ExportDialog::copyFigure()
{
    FigureOptions figure = options();
    FigureRenderer renderer(m_document->scenario(), m_document->trace());
    auto *data = new QMimeData;
    data->setImageData(renderer.image(figure));
    figure.format = FigureOptions::Format::Svg;
    data->setData(QStringLiteral("image/svg+xml"), renderer.bytes(figure));
    QApplication::clipboard()->setMimeData(data);
}

} // namespace attn::ui
