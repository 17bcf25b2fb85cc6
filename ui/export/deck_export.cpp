#include "deck_export.h"

#include "heatmap_view.h"
#include "lesson.h"
#include "stage_labels.h"
#include "stage_text.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QDate>
#include <QFontMetricsF>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <algorithm>
#include <cmath>
#include <memory>

namespace attn::ui {

namespace {

QString translate(const char *text)
{
    return QCoreApplication::translate("DeckExport", text);
}

/// Pages are laid out in logical pixels at 96 dpi.
constexpr int deckResolution = 96;
constexpr int pageMargin = 48;

QSize pageSize(DeckOptions::Page page)
{
    return page == DeckOptions::Page::A4Landscape ? QSize(1123, 794) : QSize(1280, 720);
}

QFont deckFont(double pointSize, bool bold = false)
{
    QFont font(exportFontFamily());
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    return font;
}

QColor mutedInk(FigureOptions::Theme theme)
{
    return theme == FigureOptions::Theme::Dark ? QColor(0xb8, 0xb8, 0xb8)
                                               : QColor(0x55, 0x55, 0x55);
}

/// Draws wrapped text from the top of `area` and returns the height it took.
int drawParagraph(QPainter &painter, const QRect &area, const QFont &font, const QColor &color,
                  const QString &text, int flags = Qt::AlignLeft)
{
    painter.setFont(font);
    painter.setPen(color);
    const QRect bounds = painter.boundingRect(area, flags | Qt::AlignTop | Qt::TextWordWrap, text);
    painter.drawText(QRect(area.left(), area.top(), area.width(), bounds.height()),
                     flags | Qt::AlignTop | Qt::TextWordWrap, text);
    return bounds.height();
}

QString words(const std::vector<std::string> &tokens)
{
    QStringList names;
    for (const std::string &token : tokens)
        names << QString::fromStdString(token);
    return names.join(QStringLiteral("  "));
}

void paintFooter(QPainter &painter, const QSize &size, const DeckOptions &options,
                 const QString &left, int page, int pages)
{
    const QRect footer(pageMargin, size.height() - pageMargin + 12, size.width() - 2 * pageMargin,
                       24);
    painter.setFont(deckFont(9));
    painter.setPen(mutedInk(options.theme));
    painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter, left);
    painter.drawText(footer, Qt::AlignRight | Qt::AlignVCenter,
                     translate("%1 / %2").arg(page).arg(pages));
}

/// A deck being written into memory: the PDF writer with the deck's page
/// size (96 logical pixels per inch), its vector painter, and the page body
/// inside the margins.
class DeckWriter
{
public:
    DeckWriter(const DeckOptions &options, const QString &title)
        : m_options(options), m_size(pageSize(options.page))
    {
        m_buffer.setBuffer(&m_data);
        m_buffer.open(QIODevice::WriteOnly);
        m_writer = std::make_unique<QPdfWriter>(&m_buffer);
        m_writer->setResolution(deckResolution);
        if (options.page == DeckOptions::Page::A4Landscape)
            m_writer->setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
                                                QMarginsF(0, 0, 0, 0)));
        else
            m_writer->setPageLayout(
                QPageLayout(QPageSize(QSizeF(m_size) * 72.0 / deckResolution, QPageSize::Point,
                                      QString(), QPageSize::ExactMatch),
                            QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        m_writer->setCreator(QStringLiteral("Attention Lab"));
        m_writer->setTitle(title);
        m_started = m_painter.begin(m_writer.get());
        if (m_started) {
            m_painter.setMode(QCPPainter::pmVectorized);
            m_painter.setRenderHint(QPainter::Antialiasing);
        }
    }

    bool isOpen() const { return m_started; }
    QCPPainter &painter() { return m_painter; }
    QSize size() const { return m_size; }
    QRect body() const
    {
        return QRect(QPoint(0, 0), m_size)
            .adjusted(pageMargin, pageMargin, -pageMargin, -pageMargin);
    }

    /// Starts a page (the first one is there already) with the theme's background.
    void startPage()
    {
        if (m_pages++ > 0)
            m_writer->newPage();
        const QRect page(QPoint(0, 0), m_size);
        m_painter.setWindow(page);
        m_painter.setViewport(0, 0, m_writer->width(), m_writer->height());
        m_painter.fillRect(page, figureBackground(m_options.theme));
    }

    QByteArray finish()
    {
        m_painter.end();
        return m_data;
    }

private:
    DeckOptions m_options;
    QSize m_size;
    QByteArray m_data;
    QBuffer m_buffer;
    std::unique_ptr<QPdfWriter> m_writer;
    QCPPainter m_painter;
    bool m_started = false;
    int m_pages = 0;
};

/// The figure settings a deck page uses for its heatmaps.
FigureOptions deckFigure(const DeckOptions &options, int fontSize)
{
    FigureOptions figure;
    figure.theme = options.theme;
    figure.values = options.values;
    figure.decimals = options.decimals;
    figure.probabilityMap = options.probabilityMap;
    figure.signedMap = options.signedMap;
    figure.fontSize = fontSize;
    return figure;
}

} // namespace

QString scenarioSummary(const Scenario &s)
{
    QStringList parts;
    parts << (s.isCrossAttention() ? translate("%1 target words, %2 source words (cross-attention)")
                                         .arg(s.queryCount())
                                         .arg(s.keyCount())
                                   : translate("%1 words (self-attention)").arg(s.queryCount()));
    parts << translate("d_model %1, d_k %2, d_v %3")
                 .arg(s.modelDim())
                 .arg(s.keyDim())
                 .arg(s.valueDim());
    parts << (s.heads == 1 ? translate("1 head") : translate("%1 heads").arg(s.heads));
    switch (s.score) {
    case ScoreFunction::Dot:
        parts << translate("dot score");
        break;
    case ScoreFunction::General:
        parts << translate("general score");
        break;
    case ScoreFunction::Additive:
        parts << translate("additive score");
        break;
    }
    switch (s.scale) {
    case ScaleMode::SqrtHeadDim:
        parts << translate("divided by √d_k");
        break;
    case ScaleMode::None:
        parts << translate("not scaled");
        break;
    case ScaleMode::Custom:
        parts << translate("divided by %1").arg(QLocale().toString(s.scaleValue, 'g', 6));
        break;
    }
    if (s.temperature != 1.0)
        parts << translate("temperature %1").arg(QLocale().toString(s.temperature, 'g', 6));
    if (s.mask == MaskKind::Causal)
        parts << translate("causal mask");
    if (!s.padding.empty())
        parts << translate("padding mask");
    if (s.span == SpanKind::LocalM)
        parts << translate("local-m, D = %1").arg(s.window);
    else if (s.span == SpanKind::LocalP)
        parts << translate("local-p, D = %1").arg(s.window);
    if (s.selection == SelectionKind::Hard)
        parts << translate("hard attention");
    else if (s.selection == SelectionKind::Sample)
        parts << translate("sampled attention, seed %1").arg(s.seed);
    if (s.positional == PositionalEncoding::Sinusoidal)
        parts << translate("sinusoidal positions");
    if (s.wO)
        parts << translate("output projection W_O");
    return parts.join(QStringLiteral(" · "));
}

QByteArray pipelineDeck(const Scenario &scenario, const Trace &trace, const DeckOptions &options)
{
    const QSize size = pageSize(options.page);
    const QColor ink = figureInk(options.theme);
    const QColor muted = mutedInk(options.theme);
    const QList<Stage> stages = stage_labels::stages(scenario);
    const int pages = int(stages.size()) + 1;
    const QString title = scenario.title.empty() ? translate("Attention, step by step")
                                                 : QString::fromStdString(scenario.title);

    DeckWriter deck(options, title);
    if (!deck.isOpen())
        return {};
    QCPPainter &painter = deck.painter();
    const QRect body = deck.body();

    // The title page: what the scenario is and what it does.
    deck.startPage();
    int y = body.top() + size.height() / 6;
    y += drawParagraph(painter, QRect(body.left(), y, body.width(), body.height()),
                       deckFont(34, true), ink, title);
    y += 24;
    if (!scenario.description.empty()) {
        y += drawParagraph(painter, QRect(body.left(), y, body.width(), body.height()),
                           deckFont(16), ink, QString::fromStdString(scenario.description));
        y += 24;
    }
    QString wordsLine = translate("Words: %1").arg(words(scenario.target.tokens));
    if (scenario.source)
        wordsLine +=
            QLatin1Char('\n') + translate("Source words: %1").arg(words(scenario.source->tokens));
    y += drawParagraph(painter, QRect(body.left(), y, body.width(), body.height()), deckFont(15),
                       ink, wordsLine);
    y += 12;
    drawParagraph(painter, QRect(body.left(), y, body.width(), body.height()), deckFont(13), muted,
                  scenarioSummary(scenario));
    paintFooter(painter, size, options,
                translate("Attention Lab · %1")
                    .arg(QLocale().toString(QDate::currentDate(), QLocale::LongFormat)),
                1, pages);

    // One page per stage.
    FigureRenderer renderer(scenario, trace);
    const FigureOptions figure = deckFigure(options, 13);
    for (int index = 0; index < stages.size(); ++index) {
        const Stage stage = stages.at(index);
        deck.startPage();
        int top = body.top();
        painter.setFont(deckFont(11));
        painter.setPen(muted);
        painter.drawText(QRect(body.left(), top, body.width(), 20), Qt::AlignLeft | Qt::AlignTop,
                         translate("Stage %1 of %2").arg(index + 1).arg(stages.size()));
        top += 22;
        top += drawParagraph(
            painter, QRect(body.left(), top, body.width(), body.height()), deckFont(24, true), ink,
            stage_text::title(stage) + QStringLiteral("    ") + stage_text::symbol(stage));
        top += 6;
        top += drawParagraph(painter, QRect(body.left(), top, body.width(), body.height()),
                             deckFont(14), ink, stage_text::formula(stage, scenario, trace));
        top += 12;

        const QRect area(body.left(), top, body.width(), body.bottom() - top);
        const int heads = stage_labels::isPerHead(stage) ? std::max(1, trace.headCount()) : 1;
        const int columns = std::min(heads, 4);
        const int rows = (heads + columns - 1) / columns;
        const int width = area.width() / columns;
        const int height = area.height() / rows;
        for (int head = 0; head < heads; ++head) {
            const QRect cell(area.left() + (head % columns) * width,
                             area.top() + (head / columns) * height, width, height);
            const QString caption = heads > 1 ? translate("head %1").arg(head + 1) : QString();
            // A single heatmap keeps near-square cells rather than stretching
            // across a wide page.
            QRect target = cell.adjusted(4, 0, -4, -4);
            if (heads == 1) {
                const Matrix &matrix = trace.matrix(stage, 0);
                const double cellsAspect = double(std::max<Eigen::Index>(1, matrix.cols())) /
                                           double(std::max<Eigen::Index>(1, matrix.rows()));
                const int wanted = int(target.height() * std::max(1.0, cellsAspect * 1.1) + 260);
                if (wanted < target.width())
                    target = QRect(target.center().x() - wanted / 2, target.top(), wanted,
                                   target.height());
            }
            renderer.paintHeatmap(painter, target, head, stage, head, figure, caption);
        }
        paintFooter(painter, size, options, title, index + 2, pages);
    }
    return deck.finish();
}

QByteArray lessonDeck(const Lesson &lesson, const Scenario &start, const DeckOptions &options)
{
    const QSize size = pageSize(options.page);
    const QColor ink = figureInk(options.theme);
    const QColor muted = mutedInk(options.theme);
    const int pages = lesson.stepCount() + 1;

    DeckWriter deck(options, lesson.title);
    if (!deck.isOpen())
        return {};
    QCPPainter &painter = deck.painter();
    const QRect body = deck.body();

    deck.startPage();
    int y = body.top() + size.height() / 5;
    y += drawParagraph(painter, QRect(body.left(), y, body.width(), body.height()),
                       deckFont(34, true), ink, lesson.title);
    y += 24;
    QStringList chapters;
    for (const LessonChapter &chapter : lesson.chapters)
        chapters << chapter.title;
    drawParagraph(painter, QRect(body.left(), y, body.width(), body.height()), deckFont(14), muted,
                  chapters.join(QStringLiteral(" · ")));
    paintFooter(painter, size, options, translate("Attention Lab · a guided lesson"), 1, pages);

    const FigureOptions figure = deckFigure(options, 12);
    Scenario scenario = start;
    Trace trace;
    int number = 0;
    for (const LessonChapter &chapter : lesson.chapters) {
        for (const LessonStep &step : chapter.steps) {
            ++number;
            scenario = stepScenario(step.setup, scenario);
            if (auto error = computeInto(scenario, trace))
                continue; // the loader checked every step; nothing to draw otherwise
            deck.startPage();
            int top = body.top();
            painter.setFont(deckFont(11));
            painter.setPen(muted);
            painter.drawText(QRect(body.left(), top, body.width(), 20),
                             Qt::AlignLeft | Qt::AlignTop,
                             translate("%1 · step %2 of %3")
                                 .arg(chapter.title)
                                 .arg(number)
                                 .arg(lesson.stepCount()));
            top += 22;
            top += drawParagraph(painter, QRect(body.left(), top, body.width(), body.height()),
                                 deckFont(22, true), ink, step.text.title);
            top += 12;

            // The text on the left, the stage the step shows on the right.
            const QRect textArea(body.left(), top, body.width() * 9 / 20, body.bottom() - top);
            QString markdown = step.text.body;
            if (!step.text.question.isEmpty())
                markdown += QStringLiteral("\n\n**") + step.text.question + QStringLiteral("**");
            QTextDocument text;
            text.setDocumentMargin(0);
            text.setMarkdown(markdown);
            text.setTextWidth(textArea.width());
            // The largest size that fits, and never below 9 pt.
            for (double points = 14; points >= 9; points -= 1) {
                text.setDefaultFont(deckFont(points));
                if (text.size().height() <= textArea.height())
                    break;
            }
            text.setDefaultStyleSheet(QString());
            painter.save();
            painter.translate(textArea.topLeft());
            painter.setPen(ink);
            QAbstractTextDocumentLayout::PaintContext context;
            context.palette.setColor(QPalette::Text, ink);
            context.clip = QRectF(0, 0, textArea.width(), textArea.height());
            painter.setClipRect(context.clip);
            text.documentLayout()->draw(&painter, context);
            painter.restore();

            Stage stage = step.setup.reveal.value_or(Stage::Weights);
            if (!stage_labels::stages(scenario).contains(stage))
                stage = Stage::Weights;
            const int head = std::clamp(step.setup.head, 0, std::max(0, trace.headCount() - 1));
            const QRect figureArea(textArea.right() + 24, top, body.right() - textArea.right() - 24,
                                   body.bottom() - top);
            FigureOptions stageFigure = figure;
            stageFigure.stage = stage;
            stageFigure.head = head;
            FigureRenderer renderer(scenario, trace);
            renderer.paintHeatmap(painter, figureArea, 0, stage, head, figure,
                                  renderer.defaultTitle(stageFigure));
            paintFooter(painter, size, options, lesson.title, number + 1, pages);
        }
    }
    return deck.finish();
}

} // namespace attn::ui
